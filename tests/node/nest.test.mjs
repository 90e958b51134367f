// NestJS 11 (on its Express platform) with the README's setup, over real HTTP (issue 28 §3):
// `app.use(path, middleware(method))` before `listen` checks the body, and the handler answers with
// `sendJson(res, value)`: Longs exact, every refusal (invalid, malformed, too large, not JSON) in the
// platform's shape — with Nest's defaults, `rawBody: true` and `bodyParser: false` alike. The controller is written without TypeScript decorators syntax (the decorators applied
// as functions), which is what `tsc` compiles `@Controller`, `@Post`, `@Req`, `@Res` to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import { Module, Controller, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as q from 'qimen-payload';

const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '9007199254740993';
const LONG2 = '12345678901234567';
const VALID = `{"shop_inventory_edit":{"order_id":"o1","store_id":${LONG},"check_mode":1,"detail_list":[{"item_id":${LONG2},"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}`;

class StockController {
  adjust(req, res) {
    q.sendJson(res, { applied: req.qimen.value });
  }
}
Controller('stock')(StockController);
Req()(StockController.prototype, 'adjust', 0);
Res()(StockController.prototype, 'adjust', 1);
Post()(StockController.prototype, 'adjust', Object.getOwnPropertyDescriptor(StockController.prototype, 'adjust'));
class AppModule {}
Module({ controllers: [StockController] })(AppModule);

async function start(options) {
  const app = await NestFactory.create(AppModule, { logger: false, ...options });
  app.use('/stock', q.middleware(SHOP));
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/stock`.replace('[::1]', '127.0.0.1');
  const post = async (body, type = 'application/json') => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: res.status, text: await res.text() };
  };
  return { app, post };
}

/** What both setups answer: Longs exact, the platform's shape for an invalid payload, 415 for non-JSON. */
async function contract(post) {
  const ok = await post(VALID);
  assert.equal(ok.status, 200, ok.text);
  assert.match(ok.text, new RegExp(`"store_id":${LONG},`));
  assert.match(ok.text, new RegExp(`"item_id":${LONG2},`));
  const invalid = await post('{"shop_inventory_edit":{}}');
  assert.equal(invalid.status, 400);
  assert.equal(JSON.parse(invalid.text).error_response.code, 40);
  const plain = await post(VALID, 'text/plain');
  assert.equal(plain.status, 415, plain.text);
  assert.equal(JSON.parse(plain.text).error_response.errors[0].code, 'content_type');
}

// Nest registers its JSON parser when the app initializes, after what `app.use` added before `listen`: the
// middleware reads the body first, with Nest's defaults as with its parser off.
for (const [name, options] of [['defaults', {}], ['{ rawBody: true }', { rawBody: true }], ['{ bodyParser: false }', { bodyParser: false }]]) {
  test(`NestJS 11, ${name}: app.use(path, middleware(method)) — exact Longs, 400/413/415 in the platform shape`, async () => {
    const { app, post } = await start(options);
    try {
      await contract(post);
      const malformed = await post('{"shop_inventory_edit": ');
      assert.equal(malformed.status, 400);
      assert.equal(JSON.parse(malformed.text).error_response.errors[0].code, 'malformed');
      const big = await post(JSON.stringify({ shop_inventory_edit: { order_id: 'x'.repeat(q.limits().maxInputBytes + 10) } }));
      assert.equal(big.status, 413);
      assert.equal(JSON.parse(big.text).error_response.errors[0].code, 'too_large');
    } finally {
      await app.close();
    }
  });
}
