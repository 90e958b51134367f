// The JS server core's error_response agrees with the Rust one (report::refusal, the axum extractor's) on the
// shared fixture tests/refusals/shopinv-missing.json, read by both suites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as q from 'qimen-payload';

const fixture = JSON.parse(readFileSync(new URL('../refusals/shopinv-missing.json', import.meta.url), 'utf8'));

test('errorResponse writes the shared fixture\'s head and paths, members in the platform\'s order', () => {
  const body = q.errorResponse(q.check(fixture.method, fixture.payload), 'zh');
  const e = body.error_response;
  for (const key of Object.keys(fixture.head)) assert.deepEqual(e[key], fixture.head[key], key);
  assert.deepEqual(e.errors.map((i) => i.path), fixture.paths);
  assert.deepEqual(Object.keys(e), ['code', 'msg', 'sub_code', 'sub_msg', 'error_count', 'errors']);
  assert.equal(q.MAX_LISTED, 20);
});

// The server core's refusals are written by the core from the issues it keeps (`coreRefusal`, no issue read
// into JS); `errorResponse` writes them from a report's read issues. The two must be the same text.
test('a refusal written by the core is byte for byte the one written from the read issues, every corpus case, both languages', async () => {
  const { loadCases } = await import('./cases.mjs');
  let refused = 0;
  try {
    for (const language of ['en', 'zh']) {
      q.setLanguage(language);
      for (const { method, name, case: c } of loadCases()) {
        const answer = q.checkBody(method, c.payloadText);
        const read = q.check(method, c.payloadText);
        if (read.ok) {
          assert.equal(answer.ok, true, name);
          continue;
        }
        refused += 1;
        assert.equal(answer.body, JSON.stringify(q.errorResponse(read)), `${name} (${language})`);
        assert.equal(answer.status, q.statusOf(read), name);
        assert.equal(typeof Object.getOwnPropertyDescriptor(answer.report, 'errors').get, 'function', `${name}: the refusal read no issue into JS`);
      }
    }
  } finally {
    q.setLanguage('en');
  }
  assert.ok(refused > 100, `${refused} refusals compared`);
});

test('issue paths as segments: the core\'s (reports read from text) and the JS ones (reports that arrive as objects) agree, brackets and dots in keys too', () => {
  // A Long beyond 2^53 makes the report an object (its value exact), whose segments JS reads from the paths;
  // the same payload with a small Long is read from the core, which writes them.
  const keys = ['a.b[3]c', 'x[99999999999999999999]', 'y[9007199254740991]', 'z[9007199254740992]', '[7]', 'w[]', 'v[1x]', '键[2].名'];
  const edit = (storeId) => `{"shop_inventory_edit":{"order_id":"o","store_id":${storeId},"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":1}],"recover_deleted_data":true,${keys.map((k) => `${JSON.stringify(k)}:1`).join(',')}}}`;
  const fromObject = q.check('taobao.inventory.shopinv.adjust', edit('9007199254740993'));
  const fromCore = q.check('taobao.inventory.shopinv.adjust', edit('1'));
  assert.equal(typeof fromObject.value.shop_inventory_edit.store_id, 'bigint', 'the object path');
  const segments = (r) => r.warnings.map((w) => [w.path, w.segments]);
  assert.equal(fromCore.warnings.length, keys.length);
  assert.deepEqual(segments(fromCore), segments(fromObject));
  assert.deepEqual(fromCore.warnings.find((w) => w.path.endsWith('a.b[3]c')).segments, ['shop_inventory_edit', 'a', 'b', 3, 'c']);
  assert.deepEqual(fromCore.warnings.find((w) => w.path.includes('x[')).segments, ['shop_inventory_edit', 'x', '99999999999999999999']);
  assert.deepEqual(fromCore.warnings.find((w) => w.path.includes('y[')).segments, ['shop_inventory_edit', 'y', 9007199254740991]);
  assert.deepEqual(fromCore.warnings.find((w) => w.path.includes('z[')).segments, ['shop_inventory_edit', 'z', '9007199254740992']);
});
