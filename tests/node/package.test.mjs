// The package as an ES-module consumer sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';
import qDefault from 'qimen-payload';
import { createRequire } from 'node:module';

test('import gives the Node build, usable at once, the same instance as require', () => {
  assert.equal(typeof q.check, 'function');
  assert.equal(typeof q.methods, 'function');
  const required = createRequire(import.meta.url)('qimen-payload');
  assert.equal(required.check, q.check);
  assert.equal(qDefault.check, q.check);
});

test('methods() lists the four APIs with their list limits', () => {
  const m = q.methods();
  assert.deepEqual(m.map((x) => [x.method, x.listField, x.listLimit]), [
    ['qimen.taobao.pos.inventory.synchronize', 'item', 20],
    ['qimen.taobao.pos.items.synchronize', 'item', 20],
    ['tmall.qimendc.inventory.sync', 'items', 100],
    ['taobao.inventory.shopinv.adjust', 'detail_list', 20],
  ]);
});

test('a Long beyond 2^53 given as text comes back as an exact BigInt; safe ones as numbers', () => {
  const r = q.check('taobao.inventory.shopinv.adjust',
    '{"shop_inventory_edit":{"order_id":"o","store_id":9007199254740993,"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":5}],"recover_deleted_data":true}}');
  assert.equal(r.ok, true);
  assert.equal(r.value.shop_inventory_edit.store_id, 9007199254740993n);
  assert.equal(r.value.shop_inventory_edit.detail_list[0].quantity, 5);
});

test('object input: BigInt accepted, unsafe number refused with advice, NaN and Map reported', () => {
  const edit = { order_id: 'o', store_id: 9007199254740993n, check_mode: 2, detail_list: [{ item_id: 2 ** 60, sku_id: 0, sub_order_id: 's', quantity: NaN }], recover_deleted_data: true, extra: undefined };
  const r = q.check('taobao.inventory.shopinv.adjust', { shop_inventory_edit: edit });
  assert.equal(r.ok, false);
  const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e]));
  assert.equal(byPath['shop_inventory_edit.detail_list[0].item_id'].code, 'integer');
  assert.match(byPath['shop_inventory_edit.detail_list[0].item_id'].message, /string or a BigInt/);
  assert.equal(byPath['shop_inventory_edit.detail_list[0].quantity'].code, 'type');
  assert.equal(r.warnings.length, 0, 'undefined members are dropped like JSON.stringify does');
});

test('bad arguments never throw: non-object payloads, bytes, invalid UTF-8', () => {
  const m = 'tmall.qimendc.inventory.sync';
  assert.equal(q.check(m, undefined).errors[0].code, 'malformed');
  assert.equal(q.check(m, 42).errors[0].code, 'malformed');
  assert.equal(q.check(m, Buffer.from('{"req_id":"r"}')).ok, true);
  const bad = q.check(m, Buffer.from([0x7b, 0xff, 0x7d]));
  assert.equal(bad.errors[0].code, 'malformed');
  assert.match(bad.errors[0].message, /UTF-8/);
  assert.equal(q.check(m, '{}').ok, true, 'the module still works');
});

test('npm pack ships only what a consumer needs', async () => {
  const { execFileSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.ok(files.every((f) => f === 'README.md' || f === 'package.json' || f.startsWith('pkg/')), files.join(', '));
  for (const needed of ['pkg/index.d.ts', 'pkg/node/index.cjs', 'pkg/node/index.mjs', 'pkg/node/cli.mjs', 'pkg/web/index.mjs', 'pkg/web/qimen_payload_bg.wasm']) assert.ok(files.includes(needed), needed);
});
