// The admin console in headless Chromium, served exactly as `npm start` serves it (with its CSP). Screenshots
// of the main states go to test-output/screenshots/ for a person to look at. No test may pass while the page
// logs a console error (checked after each test and at the end).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openConsole } from './harness.mjs';

const INV = 'qimen.taobao.pos.inventory.synchronize';
const ITEMS = 'qimen.taobao.pos.items.synchronize';
const DC = 'tmall.qimendc.inventory.sync';
const SHOP = 'taobao.inventory.shopinv.adjust';
const METHODS = [INV, ITEMS, DC, SHOP];

let c;
before(async () => { c = await openConsole(); });
afterEach(() => assert.deepEqual(c.consoleErrors, [], 'the page logged console errors'));
after(async () => { await c?.close(); });

const page = () => c.page;
async function load(method) {
  await page().selectOption('#method', method);
  await page().click('#load-example');
  await page().waitForSelector('#status.valid');
}
const statusText = () => page().textContent('#status');

test('the method list comes from methods() in the wasm', async () => {
  assert.deepEqual(await page().$$eval('#method option', (os) => os.map((o) => o.value)), METHODS);
});

for (const method of METHODS) {
  test(`${method}: the example loads into form and JSON and is valid`, async () => {
    await load(method);
    assert.match(await statusText(), /有效|valid/);
    assert.notEqual((await page().textContent('#normalized')).trim(), '');
    assert.ok((await page().$$('#form input, #form select')).length > 3, 'the form has fields');
    await c.shot(`example-${method}`);
  });
}

test('break a required nested field: error at that field and in the list; click focuses; fix it', async () => {
  await load(SHOP);
  const sel = '[data-path="shop_inventory_edit.detail_list[0].sub_order_id"]';
  await page().fill(sel, '');
  await page().waitForSelector('#status.invalid');
  const fieldIssue = await page().$eval(sel, (i) => document.getElementById(`${i.id}-issue`).textContent);
  // Named as people name it: the field's label and its entry number (the path stays on the issue).
  assert.match(fieldIssue, /子单据号.*第 1 条.*必填/);
  assert.equal(await page().$eval(sel, (i) => i.closest('.field').classList.contains('has-error')), true);
  const listed = await page().$$eval('#issues li.error', (ls) => ls.map((l) => `${l.dataset.path} ${l.dataset.code}`));
  assert.deepEqual(listed, ['shop_inventory_edit.detail_list[0].sub_order_id missing']);
  await c.shot('broken-field');
  await page().click('#issues li.error button');
  assert.equal(await page().evaluate(() => document.activeElement.dataset.path), 'shop_inventory_edit.detail_list[0].sub_order_id');
  await page().keyboard.type('subOrderX');
  await page().waitForSelector('#status.valid');
  assert.match(await page().textContent('#rendered-xml'), /<shop_inventory_edit_detail_d_t_o><item_id>1231111<\/item_id>.*<sub_order_id>subOrderX<\/sub_order_id>/);
});

test('the XML preview contains the expected elements, the JSON editor and the form stay in sync', async () => {
  await load(DC);
  assert.match(await page().textContent('#rendered-xml'), /<items><inventory_item_do><warehouse_code>SZ001<\/warehouse_code>/);
  // form → JSON
  await page().fill('[data-path="cp_code"]', 'HN999');
  await page().click('#tab-json');
  assert.match(await page().inputValue('#payload'), /"cp_code": "HN999"/);
  // JSON → form, including a list row added in JSON
  const obj = JSON.parse(await page().inputValue('#payload'));
  obj.items.push({ item_code: 'NEW1', inventory_type: '残次' });
  await page().fill('#payload', JSON.stringify(obj, null, 2));
  await page().click('#tab-form');
  assert.equal(await page().inputValue('[data-path="items[1].item_code"]'), 'NEW1');
  assert.match(await page().textContent('[data-counter="items"]'), /^2 \/ 100$/);
  await page().waitForFunction(() => document.querySelector('#rendered-xml').textContent.includes('<inventory_type>CC</inventory_type>'));
});

test('list rows: add and remove update the counter', async () => {
  await load(INV);
  await page().click('[data-path="item"] > button.add');
  assert.match(await page().textContent('[data-counter="item"]'), /^2 \/ 20$/);
  assert.equal(await page().evaluate(() => document.activeElement.dataset.path), 'item[1].productCode');
  await page().waitForSelector('#status.invalid'); // the new row lacks itemCode and paperQty
  await page().click('[data-path="item[1]"] > legend > button.remove');
  await page().waitForSelector('#status.valid');
  assert.match(await page().textContent('[data-counter="item"]'), /^1 \/ 20$/);
});

test('import a 45-row GBK CSV with Chinese headers: 3 chunks of ≤ 20', async () => {
  await page().selectOption('#method', INV);
  await page().click('#csv-box summary');
  await page().setInputFiles('#csv-file', { name: 'stock.csv', mimeType: 'text/csv', buffer: readFileSync(new URL('./fixtures/inventory-45-gbk.csv', import.meta.url)) });
  await page().waitForFunction(() => document.querySelectorAll('#chunk-list li').length === 3);
  const status = await page().textContent('#csv-status');
  assert.match(status, /3 (个请求,每个 ≤ 20|requests of ≤ 20)/);
  assert.match(status, /GBK/);
  assert.deepEqual(await page().$$eval('#chunk-list li', (ls) => ls.map((l) => l.textContent.match(/(\d+) (条|entries)/)[1])), ['20', '20', '5']);
  assert.equal(await page().inputValue('[data-path="item[44].itemCode"]'), 'SKU044', 'all 45 rows are in the form, decoded from GBK');
  await c.shot('csv-import');
});

test('import a UTF-8 CSV with BOM and field-name headers; thousands of rows stay responsive', async () => {
  await page().selectOption('#method', DC);
  await page().click('#csv-box summary').catch(() => {});
  const rows = ['item_code,quantity,inventory_type', ...Array.from({ length: 3000 }, (_, i) => `C${i},${i},ZP`)];
  await page().setInputFiles('#csv-file', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\n'))]) });
  await page().waitForFunction(() => document.querySelectorAll('#chunk-list li').length === 30, null, { timeout: 30000 });
  assert.match(await page().textContent('#csv-status'), /30 (个请求|requests)/);
  assert.match(await page().textContent('#form'), /100 (条|of 3000)/, 'the form shows the first 100 rows and says so');
});

test('the signed request appears for an app key and secret, and the secret is kept nowhere', async () => {
  await load(SHOP);
  const secret = 'console-s3cret-Q';
  await page().click('#sign-box summary');
  await page().fill('#app-key', '12345678');
  await page().fill('#app-secret', secret);
  await page().waitForFunction(() => document.querySelector('#signed').textContent.includes('"sign"'));
  const signed = JSON.parse(await page().textContent('#signed'));
  assert.equal(signed.query.sign_method, 'hmac-sha256');
  assert.match(signed.sign, /^[0-9A-F]{64}$/);
  assert.equal(await page().isDisabled('#body-mode option[value="xml"]'), true, 'a TOP method has no XML body');
  await page().selectOption('#method', 'qimen.taobao.pos.inventory.synchronize');
  await page().click('#load-example');
  await page().selectOption('#body-mode', 'xml');
  await page().waitForFunction(() => document.querySelector('#signed').textContent.includes('text/xml'));
  const kept = await page().evaluate(() => JSON.stringify([location.href, document.cookie, { ...localStorage }, { ...sessionStorage }]));
  assert.ok(!kept.includes(secret));
  assert.ok(!(await page().textContent('body')).includes(secret));
  await c.shot('signed-request');
});

test('a pasted response is parsed: per-detail results and partial failure', async () => {
  await page().selectOption('#method', SHOP);
  await page().click('#response-box summary');
  const xml = JSON.parse(readFileSync(new URL('../responses/taobao.inventory.shopinv.adjust/partial_failure.json', import.meta.url), 'utf8')).text;
  await page().fill('#response-text', xml);
  await page().click('#parse-response');
  const parsed = JSON.parse(await page().textContent('#parsed-response'));
  assert.equal(parsed.ok, false);
  assert.equal(parsed.partial, true);
  assert.deepEqual(parsed.details.map((d) => d.success), [true, false]);
});

test('toggle the language: interface, labels and messages switch between 中文 and English', async () => {
  await load(SHOP);
  await page().fill('[data-path="shop_inventory_edit.order_id"]', '');
  await page().waitForSelector('#status.invalid');
  const zh = await page().textContent('#issues');
  await page().click('#lang-toggle');
  await page().waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page().textContent('#request-h'), /Request/);
  assert.match(await page().textContent('#issues'), /is required/);
  assert.match(await page().textContent('label[for="f-shop_inventory_edit-order_id"]'), /Order id/);
  await c.shot('english');
  await page().click('#lang-toggle');
  await page().waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page().textContent('#issues'), zh);
  assert.match(zh, /必填/);
});

test('every control has a label; focus is visible; readable at 390×844 without horizontal scrolling', async () => {
  const unlabeled = await page().$$eval('input, select, textarea', (els) => els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.id));
  assert.deepEqual(unlabeled, []);
  await page().focus('#method');
  const outline = await page().$eval('#method', (e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none');
  await page().setViewportSize({ width: 390, height: 844 });
  await load(ITEMS);
  const overflow = await page().evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await c.shot('mobile-390');
  await page().setViewportSize({ width: 1280, height: 800 });
});

test('send: the payload goes unsigned through the signing proxy to the local gateway, and the ledger changes', async () => {
  await load(SHOP);
  await page().click('#send-box summary');
  await page().click('#send');
  await page().waitForFunction(() => /^200 /.test(document.querySelector('#send-result').textContent), null, { timeout: 15000 });
  const result = JSON.parse((await page().textContent('#send-result')).replace(/^200 /, ''));
  assert.equal(result.ok, true);
  assert.equal(result.chunks[0].response.details[0].subOrderId, 'subOrderId1');
  const ledger = await (await fetch(`${c.gatewayUrl}/_ledger`)).json();
  assert.equal(ledger.appliedSubOrders.subOrderId1, true);
  await c.shot('sent-through-proxy');
});
