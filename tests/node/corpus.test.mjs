// The case corpus through the npm package as a consumer imports it (ES module, by package name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from 'qimen-payload';
import { loadCases, pairs } from './cases.mjs';

const cases = loadCases();

test('the corpus is there', () => assert.ok(cases.length >= 80, `only ${cases.length} cases`));

for (const { method, name, case: c } of cases) {
  test(`${method} / ${name} (text)`, () => {
    const r = check(method, c.payloadText);
    assert.equal(r.ok, c.ok);
    assert.deepEqual(pairs(r.errors), c.errors);
    assert.deepEqual(pairs(r.warnings), c.warnings);
    if (c.ok) {
      // BigInts (Longs beyond 2^53) compared through their decimal text against the case's own text.
      const text = JSON.stringify(r.value, (k, v) => (typeof v === 'bigint' ? `#${v}#` : v)).replace(/"#(-?\d+)#"/g, '$1');
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(c.value)));
    }
    for (const i of [...r.errors, ...r.warnings]) {
      assert.ok(i.message && i.messageZh, `${i.path}: messages`);
    }
  });
  if (c.input !== undefined) {
    test(`${method} / ${name} (object)`, () => {
      const r = check(method, structuredClone(c.input));
      assert.equal(r.ok, c.ok);
      assert.deepEqual(pairs(r.errors), c.errors);
      assert.deepEqual(pairs(r.warnings), c.warnings);
    });
  }
}
