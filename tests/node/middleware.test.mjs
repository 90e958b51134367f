// The middleware in a real Express server on 127.0.0.1, receiving real HTTP requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { middleware, example, limits } from 'qimen-payload';

const SHOP = 'taobao.inventory.shopinv.adjust';
let server;
let base;

before(async () => {
  const app = express();
  const reply = (req, res) => res.json({ method: req.qimen.method, warnings: req.qimen.warnings.length, store: String(req.qimen.value.shop_inventory_edit?.store_id ?? '') });
  // 1. behind express.json(): the parsed object
  app.post('/json', express.json({ limit: '20mb' }), middleware(SHOP), reply);
  // 2. behind express.text(): a string
  app.post('/text', express.text({ type: '*/*', limit: '20mb' }), middleware(SHOP), reply);
  // 3. no body parser: the middleware reads the raw body itself (a Buffer)
  app.post('/raw', middleware(SHOP), reply);
  // 4. the method from the request, as the gateway does (?method=…)
  app.post('/router/rest', middleware((req) => req.query.method), (req, res) => res.json({ method: req.qimen.method }));
  await new Promise((ok) => { server = app.listen(0, '127.0.0.1', ok); });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((ok) => server.close(ok)));

const post = (path, body, type = 'application/json') => fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });

test('a valid payload reaches the handler with req.qimen', async () => {
  for (const path of ['/json', '/text', '/raw']) {
    const r = await post(path, example(SHOP));
    assert.equal(r.status, 200, path);
    assert.deepEqual(await r.json(), { method: SHOP, warnings: 0, store: '111111111' });
  }
});

test('an invalid payload is answered 400 with the platform error shape', async () => {
  const r = await post('/json', JSON.stringify({ shop_inventory_edit: { order_id: 'o' } }));
  assert.equal(r.status, 400);
  const { error_response: e } = await r.json();
  assert.equal(e.code, 40);
  assert.equal(e.msg, 'client-error:Missing required arguments:shopInventoryEdit.storeId', "the issue's own topMessage");
  assert.equal(e.sub_code, 'isv.missing-parameter:shop_inventory_edit.store_id');
  assert.ok(e.errors.length >= 4);
  const inv = await (await post('/raw', JSON.stringify({ shop_inventory_edit: { order_id: 'o', store_id: 'x', check_mode: 1, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: 1 }], recover_deleted_data: true } }))).json();
  assert.equal(inv.error_response.code, 41);
  assert.equal(inv.error_response.sub_code, 'isv.invalid-parameter:shop_inventory_edit.store_id');
});

test('malformed JSON is a 400 and a wrong content type a 415, not crashes', async () => {
  const r = await post('/raw', '{"shop_inventory_edit": ');
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error_response.errors[0].code, 'malformed');
  // express.json() skips a text/plain body; the middleware then reads the type and refuses it (bodies are JSON)
  const t = await post('/json', example(SHOP), 'text/plain');
  assert.equal(t.status, 415);
  assert.equal((await t.json()).error_response.errors[0].code, 'content_type');
  const x = await post('/raw', '<request/>', 'text/xml');
  assert.equal(x.status, 415, 'no parser ran: the middleware reads the type and refuses it');
  const y = await post('/text', '<request/>', 'text/xml');
  assert.equal(y.status, 415, 'express.text() already read it, and it is still no JSON: the same 415 (issue 28 §3)');
});

test('a huge body is refused with 413', async () => {
  const big = JSON.stringify({ shop_inventory_edit: { order_id: 'x'.repeat(limits().maxInputBytes + 10) } });
  const r = await post('/raw', big);
  assert.equal(r.status, 413);
  assert.equal((await r.json()).error_response.errors[0].code, 'too_large');
});

test('the method comes from the request; an unknown one is refused', async () => {
  const ok = await post(`/router/rest?method=${SHOP}`, example(SHOP));
  assert.deepEqual(await ok.json(), { method: SHOP });
  const bad = await post('/router/rest?method=taobao.nope', example(SHOP));
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error_response.errors[0].code, 'unknown_method');
});
