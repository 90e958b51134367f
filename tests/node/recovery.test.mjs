// The second line of defence (js/api.js): an exception that unwinds through wasm frames leaves the instance
// suspect (its stack pointer not restored, what was decoded leaked; ~1,335 such escapes used to break every
// export). No input can cause one any more, so the test forces them: the glue looks `Object.getPrototypeOf` up
// at call time. An instance's first object decode calls it twice — through a catching import (src/wasm/safe.rs)
// for the object, then through js-sys's plain one to learn `Object.prototype` (read once per instance) — so making
// the second call throw is a genuine escape through wasm frames, and each fresh instance meets it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';

const POS = 'qimen.taobao.pos.inventory.synchronize';

test('10,000 forced escapes: each replaces the instance, and every export works afterwards', () => {
  const before = q.instanceStats();
  const original = Object.getPrototypeOf;
  let escaped = 0;
  try {
    let calls = 0;
    Object.getPrototypeOf = (o) => {
      calls += 1;
      if (calls === 2) throw new Error('forced');
      return original(o);
    };
    for (let i = 0; i < 10_000; i++) {
      calls = 0;
      try {
        q.check(POS, { orderInfo: { storeCode: 'x'.repeat(1000) }, item: [{ itemCode: 'A', paperQty: 1 }] });
      } catch (e) {
        if (e.message === 'forced') escaped += 1;
      }
    }
  } finally {
    Object.getPrototypeOf = original;
  }
  assert.equal(escaped, 10_000, 'every call escaped');
  const after = q.instanceStats();
  assert.equal(after.recoveries - before.recoveries, 10_000, 'each escape replaced the instance');
  // Every export works on the fresh instance.
  for (const m of q.methods()) {
    assert.equal(q.check(m.method, q.example(m.method)).ok, true);
    assert.equal(q.check(m.method, JSON.parse(q.example(m.method))).ok, true, 'the object path too');
    assert.ok(q.render(m.method, q.example(m.method), 'xml').startsWith('<request>'));
    assert.ok(q.schema(m.method).$schema);
    assert.ok(q.fields(m.method).length > 0);
  }
  assert.equal(q.chunk(POS, { item: Array.from({ length: 21 }, (_, i) => ({ itemCode: `C${i}`, paperQty: 1 })) }).length, 2);
  assert.equal(q.buildRequest(POS, q.example(POS), { appKey: 'k', secret: 's' }).query.method, POS);
  assert.equal(q.signParams({ a: '1' }, 's', 'md5').length, 32);
  assert.equal(q.parseResponse(POS, '<response><flag>success</flag></response>').ok, true);
  assert.equal(q.limits().maxInputBytes, 8 * 1024 * 1024);
  assert.ok(q.memoryBytes() < 64 * 1024 * 1024);
});
