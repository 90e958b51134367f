// The admin console in headless Chromium, served exactly as `npm start` serves it (with its CSP).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openConsole } from './harness.mjs';

let c;
before(async () => { c = await openConsole(); });
after(async () => {
  const errors = c?.consoleErrors ?? [];
  await c?.close();
  assert.deepEqual(errors, [], 'the page logged console errors');
});

const METHODS = [
  'qimen.taobao.pos.inventory.synchronize',
  'qimen.taobao.pos.items.synchronize',
  'tmall.qimendc.inventory.sync',
  'taobao.inventory.shopinv.adjust',
];

test('the method list comes from methods() in the wasm', async () => {
  const options = await c.page.$$eval('#method option', (os) => os.map((o) => o.value));
  assert.deepEqual(options, METHODS);
});

for (const method of METHODS) {
  test(`${method}: the example loads and is valid`, async () => {
    await c.page.selectOption('#method', method);
    await c.page.click('#load-example');
    await c.page.waitForSelector('#status.valid');
    assert.match(await c.page.textContent('#status'), /valid/);
    assert.notEqual(await c.page.textContent('#normalized'), '');
  });
}

test('a pasted payload with a broken nested field shows the error at its path', async () => {
  await c.page.selectOption('#method', 'taobao.inventory.shopinv.adjust');
  await c.page.fill('#payload', '{"shop_inventory_edit":{"order_id":"o","store_id":1,"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"quantity":-1}],"recover_deleted_data":true}}');
  await c.page.click('#run-check');
  await c.page.waitForSelector('#status.invalid');
  const issues = await c.page.$$eval('#issues li.error', (ls) => ls.map((l) => `${l.dataset.path} ${l.dataset.code}`));
  assert.deepEqual(issues.sort(), [
    'shop_inventory_edit.detail_list[0].quantity range',
    'shop_inventory_edit.detail_list[0].sub_order_id missing',
  ]);
  await c.shot('invalid-shopinv');
});
