// Exact Longs on the way out (issue 28 §2): a handler that answers with the normalized value — holding a Long
// beyond 2^53 as a BigInt — through each ecosystem's way out, over real HTTP, and the client reads
// 9007199254740993 intact: `sendJson` in Express 4/5, Koa and Fastify; tRPC with superjson as its transformer
// (client and server, the README's recipe). `jsonResponse` is what the Hono test of server.test.mjs answers with.
// Each also shows what fails without it, so the test can tell the difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as q from 'qimen-payload';

const require = createRequire(import.meta.url);
const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '9007199254740993';
const VALID = `{"shop_inventory_edit":{"order_id":"o1","store_id":${LONG},"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}`;
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
const close = (server) => new Promise((resolve) => server.close(resolve));

/** POST the payload; the answer's text, where a Long must appear as written. */
async function post(port, path = '/stock') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: VALID });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}
const exact = (r) => {
  assert.equal(r.status, 200, r.text);
  assert.match(r.type, /^application\/json/);
  assert.match(r.text, new RegExp(`"store_id":${LONG}[,}]`), r.text);
};

test('the normalized value holds the Long as a BigInt, which the platform writers cannot send', () => {
  const value = q.check(SHOP, VALID).value;
  assert.equal(value.shop_inventory_edit.store_id, BigInt(LONG));
  assert.throws(() => JSON.stringify(value), /BigInt/);
  assert.throws(() => Response.json(value), /BigInt/);
});

for (const [name, pkg] of [['Express 4', 'express4'], ['Express 5', 'express']]) {
  test(`${name}: sendJson(res, value) answers the Long exactly`, async () => {
    const express = require(pkg);
    const app = express();
    app.post('/stock', q.middleware(SHOP), (req, res) => q.sendJson(res, req.qimen.value));
    app.post('/plain', q.middleware(SHOP), (req, res, next) => { try { res.json(req.qimen.value); } catch (e) { next(e); } });
    const server = await listen(app.listen(0, '127.0.0.1'));
    try {
      exact(await post(server.address().port));
      assert.equal((await post(server.address().port, '/plain')).status, 500, 'res.json cannot');
    } finally {
      await close(server);
    }
  });
}

test('Koa: sendJson(ctx, value) answers the Long exactly, with a status', async () => {
  const Koa = require('koa');
  const app = new Koa();
  app.use(q.koa(SHOP));
  app.use((ctx) => q.sendJson(ctx, { applied: ctx.state.qimen.value }, 201));
  const server = await listen(app.listen(0, '127.0.0.1'));
  try {
    const r = await post(server.address().port);
    assert.equal(r.status, 201);
    exact({ ...r, status: 200 });
  } finally {
    await close(server);
  }
});

test('Fastify: sendJson(reply, value) answers the Long exactly', async () => {
  const Fastify = require('fastify');
  const app = Fastify();
  await app.register(async (scope) => {
    await scope.register(q.fastifyPlugin, { method: SHOP });
    scope.post('/stock', async (req, reply) => q.sendJson(reply, req.qimen.value));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    exact(await post(app.server.address().port));
  } finally {
    await app.close();
  }
});

test('tRPC with superjson as the transformer: the Long reaches the client as the same BigInt', async () => {
  const { initTRPC } = await import('@trpc/server');
  const { createHTTPServer } = await import('@trpc/server/adapters/standalone');
  const { createTRPCClient, httpLink } = await import('@trpc/client');
  const { default: superjson } = await import('superjson');
  const t = initTRPC.create({ transformer: superjson });
  // The payload in, with its Long a BigInt (superjson carries it both ways); schemas[method] as the input
  // validator, so the procedure gets the normalized value and returns it.
  const router = t.router({ adjust: t.procedure.input(q.schemas[SHOP]).mutation(({ input }) => input) });
  const server = createHTTPServer({ router });
  await listen(server);
  try {
    const client = createTRPCClient({ links: [httpLink({ url: `http://127.0.0.1:${server.address().port}`, transformer: superjson })] });
    const payload = JSON.parse(VALID.replace(LONG, '0'));
    payload.shop_inventory_edit.store_id = 9007199254740993n;
    payload.shop_inventory_edit.check_mode = '全量';
    const value = await client.adjust.mutate(payload);
    assert.equal(value.shop_inventory_edit.check_mode, 1, 'the normalized value came back');
    assert.equal(value.shop_inventory_edit.store_id, 9007199254740993n);
    assert.equal(typeof value.shop_inventory_edit.store_id, 'bigint');
  } finally {
    await close(server);
  }
});

test('sendJson refuses what it cannot write to, by name', () => {
  assert.throws(() => q.sendJson({}, 1), /sendJson\(target, value\)/);
  assert.throws(() => q.sendJson(null, 1), TypeError);
});
