// What every server framework recipe must answer, over real HTTP (issue 28 §3): the same five requests — valid
// with Longs 9007199254740993 / 12345678901234567 (echoed exact), invalid, malformed JSON, text/plain, 9 MiB —
// and a NestJS app of the README's setup, built from whichever Nest (10 or 11) the caller hands in.
import assert from 'node:assert/strict';

export const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '9007199254740993';
const LONG2 = '12345678901234567';
export const VALID = `{"shop_inventory_edit":{"order_id":"o1","store_id":${LONG},"check_mode":1,"detail_list":[{"item_id":${LONG2},"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}`;

/** `post(body, type?) → { status, text }` for a URL. */
export function poster(url) {
  return async (body, type = 'application/json') => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: res.status, text: await res.text() };
  };
}

/** The first three: Longs exact, the platform's shape for an invalid payload, 415 for non-JSON. */
export async function contract(post) {
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

/** All five: the contract, then malformed JSON (400) and a body past the limit (413), in the platform's shape. */
export async function fiveRequests(post, maxInputBytes) {
  await contract(post);
  const malformed = await post('{"shop_inventory_edit": ');
  assert.equal(malformed.status, 400, malformed.text);
  assert.equal(JSON.parse(malformed.text).error_response.errors[0].code, 'malformed');
  const big = await post(JSON.stringify({ shop_inventory_edit: { order_id: 'x'.repeat(maxInputBytes + 10) } }));
  assert.equal(big.status, 413, big.text);
  assert.equal(JSON.parse(big.text).error_response.errors[0].code, 'too_large');
}

/**
 * The README's NestJS setup with `{ common, core }` of a Nest version and the package `q`: the controller
 * without TypeScript decorator syntax (the decorators applied as functions, which is what `tsc` compiles
 * `@Controller`, `@Post`, `@Req`, `@Res` to), `app.use(path, middleware(method))` before `listen`.
 */
export async function startNest({ common, core }, q, options) {
  const { Module, Controller, Post, Req, Res } = common;
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
  const app = await core.NestFactory.create(AppModule, { logger: false, ...options });
  app.use('/stock', q.middleware(SHOP));
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/stock`.replace('[::1]', '127.0.0.1');
  return { app, post: poster(url) };
}
