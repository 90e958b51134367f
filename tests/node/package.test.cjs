// The package as a CommonJS consumer sees it.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const q = require('qimen-payload');

test('require gives the Node build, usable synchronously', () => {
  const r = q.check('qimen.taobao.pos.inventory.synchronize', { item: [{ itemCode: 'A', paperQty: '２５０' }] });
  assert.equal(r.ok, true);
  assert.deepEqual(r.value, { item: [{ itemCode: 'A', paperQty: 250 }] });
});

test('errors carry path, code, params, both messages and the TOP client form', () => {
  const r = q.check('qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ itemCode: 'A' }] });
  const e = r.errors.find((x) => x.path === 'item[0].productCode');
  assert.equal(e.code, 'missing');
  assert.equal(e.topCode, 40);
  assert.equal(e.topMessage, 'client-error:Missing required arguments:item.productCode');
  assert.match(e.messageZh, /必填/);
});
