// The server adapters under the real frameworks, over real HTTP on 127.0.0.1: Express 4 and 5, Fastify, Koa (with
// and without @koa/bodyparser), Hono on its Node adapter (the Web Request adapter). Each gets the same requests —
// valid with a Long beyond 2^53, invalid, malformed, oversize, wrong content type, slow — and must give the
// documented status and the platform's error shape. Then the Standard Schema objects in two real consumers of
// the interface: Hono's standard validator and tRPC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import * as q from 'qimen-payload';

const require = createRequire(import.meta.url);
const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '9007199254740993';
const VALID = `{"shop_inventory_edit":{"order_id":"o1","store_id":${LONG},"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}`;
const { maxInputBytes } = q.limits();

/** One HTTP request; `slow` trickles the body in pieces over about a second. */
function send(port, { body = VALID, type = 'application/json', slow = false, path = '/stock' } = {}) {
  return new Promise((resolve, reject) => {
    const headers = type ? { 'content-type': type } : {};
    if (!slow) headers['content-length'] = Buffer.byteLength(body);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (e) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? null : reject(e)));
    if (!slow) {
      req.end(body);
      return;
    }
    const parts = body.match(/[\s\S]{1,40}/g);
    let i = 0;
    const tick = setInterval(() => {
      if (i < parts.length) req.write(parts[i++]);
      else {
        clearInterval(tick);
        req.end();
      }
    }, 1000 / parts.length);
  });
}

/** The behaviour every adapter must show, for a server listening on `port`. */
async function contract(port, { exact = true } = {}) {
  const ok = await send(port);
  assert.equal(ok.status, 200, ok.text);
  if (exact) assert.match(ok.text, new RegExp(`"store_id":${LONG},`), 'the Long stays exact end to end');

  const missing = await send(port, { body: '{"shop_inventory_edit":{"store_id":1}}' });
  assert.equal(missing.status, 400);
  assert.match(missing.type, /application\/json/);
  const m = JSON.parse(missing.text).error_response;
  assert.equal(m.code, 40);
  assert.equal(m.sub_code, 'isv.missing-parameter:shop_inventory_edit.order_id');
  assert.equal(m.msg, 'client-error:Missing required arguments:shopInventoryEdit.orderId');
  assert.equal(m.error_count, m.errors.length);

  const malformed = await send(port, { body: '{"shop_inventory_edit":' });
  assert.equal(malformed.status, 400);
  assert.equal(JSON.parse(malformed.text).error_response.code, 41);

  const big = await send(port, { body: `{"x":"${'a'.repeat(maxInputBytes)}"}` });
  assert.equal(big.status, 413, big.text.slice(0, 200));
  const b = JSON.parse(big.text).error_response;
  assert.match(b.sub_msg, new RegExp(`${maxInputBytes}`));

  const xml = await send(port, { body: '<request/>', type: 'text/xml' });
  assert.equal(xml.status, 415, xml.text.slice(0, 200));
  assert.equal(JSON.parse(xml.text).error_response.errors[0].code, 'content_type');

  const slow = await send(port, { slow: true });
  assert.equal(slow.status, 200, slow.text);
  if (exact) assert.match(slow.text, new RegExp(`"store_id":${LONG},`));
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));

for (const [name, pkg] of [['Express 4', 'express4'], ['Express 5', 'express']]) {
  test(`${name}: the middleware reads the raw body itself`, async () => {
    const express = require(pkg);
    const app = express();
    app.post('/stock', q.middleware(SHOP), (req, res) => res.type('json').send(q.stringify(req.qimen.value)));
    const server = await listen(app.listen(0, '127.0.0.1'));
    try {
      await contract(server.address().port);
    } finally {
      server.close();
    }
  });

  test(`${name}: after express.json() exactness is lost and said; after express.raw() it is kept`, async () => {
    const express = require(pkg);
    const app = express();
    app.post('/json', express.json(), q.middleware(SHOP), (req, res) => res.json({ exact: req.qimen.exact }));
    app.post('/raw', express.raw({ type: '*/*', limit: maxInputBytes }), q.middleware(SHOP), (req, res) => res.type('json').send(q.stringify({ exact: req.qimen.exact, v: req.qimen.value })));
    app.post('/text', express.text({ type: '*/*' }), q.middleware(SHOP), (req, res) => res.json({ reached: true }));
    const server = await listen(app.listen(0, '127.0.0.1'));
    try {
      const port = server.address().port;
      // JSON.parse rounded the Long: the core refuses the unsafe integer instead of passing a wrong number on.
      const rounded = await send(port, { path: '/json' });
      assert.equal(rounded.status, 400);
      assert.equal(JSON.parse(rounded.text).error_response.errors[0].code, 'integer');
      const small = await send(port, { path: '/json', body: VALID.replace(LONG, '12') });
      assert.deepEqual(JSON.parse(small.text), { exact: false });
      const raw = await send(port, { path: '/raw' });
      assert.match(raw.text, new RegExp(`^\\{"exact":true,"v":\\{"shop_inventory_edit":\\{"order_id":"o1","store_id":${LONG},`));
      // Express 4's json parser leaves {} for other types without reading: the middleware reads the body.
      const text = await send(port, { path: '/json', type: 'text/xml', body: '<x/>' });
      assert.equal(text.status, 415);
      // A parser that read a non-JSON body (into a Buffer or a text) does not make it JSON: 415 too (issue 28 §3).
      for (const path of ['/raw', '/text']) {
        const plain = await send(port, { path, type: 'text/plain', body: VALID });
        assert.equal(plain.status, 415, `${path}: ${plain.text}`);
        assert.equal(JSON.parse(plain.text).error_response.errors[0].code, 'content_type');
      }
    } finally {
      server.close();
    }
  });
}

test('Fastify: the plugin parses raw bytes, checks in preValidation, answers Fastify\'s body errors in the platform shape', async () => {
  const Fastify = require('fastify');
  const app = Fastify({ bodyLimit: 1024 });
  await app.register(async (scope) => {
    await scope.register(q.fastifyPlugin, { method: SHOP });
    scope.post('/stock', async (req, reply) => reply.type('application/json').send(q.stringify(req.qimen.value)));
  });
  app.post('/other', async () => 'untouched'); // outside the plugin's scope
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const port = app.server.address().port;
    await contract(port);
    const other = await send(port, { path: '/other', body: '{}' });
    assert.equal(other.text, 'untouched');
  } finally {
    await app.close();
  }
});

test('Koa: raw body read by the middleware, and ctx.request.rawBody used after @koa/bodyparser', async () => {
  const Koa = require('koa');
  const { bodyParser } = require('@koa/bodyparser');
  for (const withParser of [false, true]) {
    const app = new Koa();
    if (withParser) app.use(bodyParser({ jsonLimit: `${maxInputBytes * 2}b`, enableTypes: ['json'] }));
    app.use(q.koa(SHOP));
    app.use((ctx) => {
      ctx.type = 'application/json';
      ctx.body = q.stringify(ctx.state.qimen.value);
    });
    const server = await listen(app.listen(0, '127.0.0.1'));
    try {
      const port = server.address().port;
      if (withParser) {
        const ok = await send(port);
        assert.equal(ok.status, 200, ok.text);
        assert.match(ok.text, new RegExp(`"store_id":${LONG},`), 'rawBody keeps the Long exact');
        const missing = await send(port, { body: '{"shop_inventory_edit":{"store_id":1}}' });
        assert.equal(JSON.parse(missing.text).error_response.code, 40);
        // The parser leaves {} for a type it does not read: 415, never a check of {} (issue 28 §3).
        const plain = await send(port, { type: 'text/plain', body: VALID });
        assert.equal(plain.status, 415, plain.text);
        assert.equal(JSON.parse(plain.text).error_response.errors[0].code, 'content_type');
      } else await contract(port);
    } finally {
      server.close();
    }
  }
});

test('Koa: koa(method) ahead of @koa/bodyparser answers the parser\'s cases (malformed, too large) in the platform shape, and the parser then skips the body', async () => {
  const Koa = require('koa');
  const { bodyParser } = require('@koa/bodyparser');
  const app = new Koa();
  app.use(q.koa(SHOP));
  app.use(bodyParser());
  app.use((ctx) => q.sendJson(ctx, { value: ctx.state.qimen.value, parsed: ctx.request.body }));
  const server = await listen(app.listen(0, '127.0.0.1'));
  try {
    const port = server.address().port;
    const ok = await send(port);
    assert.equal(ok.status, 200, ok.text);
    assert.match(ok.text, new RegExp(`^\\{"value":\\{"shop_inventory_edit":\\{"order_id":"o1","store_id":${LONG},`));
    assert.equal(JSON.parse(ok.text).parsed.shop_inventory_edit.order_id, 'o1', 'ctx.request.body as the parser leaves it');
    const malformed = await send(port, { body: '{"shop_inventory_edit": ' });
    assert.equal(malformed.status, 400);
    assert.equal(JSON.parse(malformed.text).error_response.errors[0].code, 'malformed');
    const big = await send(port, { body: JSON.stringify({ shop_inventory_edit: { order_id: 'x'.repeat(maxInputBytes + 10) } }) });
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.text).error_response.errors[0].code, 'too_large');
  } finally {
    server.close();
  }
});

test('Hono on its Node adapter: validateRequest(method, request) over a Web Request', async () => {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  app.post('/stock', async (c) => {
    const r = await q.validateRequest(SHOP, c.req.raw);
    if (!r.ok) return r.response;
    return q.jsonResponse(r.value); // the exact writer: Response.json would throw on the Long's BigInt
  });
  const server = await new Promise((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  try {
    await contract(server.address().port);
  } finally {
    server.close();
  }
});

test('Standard Schema: schemas[method] in Hono\'s standard validator', async () => {
  const { Hono } = await import('hono');
  const { sValidator } = await import('@hono/standard-validator');
  const app = new Hono();
  app.post('/stock', sValidator('json', q.schemas[SHOP]), (c) => c.json(c.req.valid('json')));
  const small = VALID.replace(LONG, '12').replace('"check_mode":1', '"check_mode":"全量"');
  const ok = await app.request('/stock', { method: 'POST', body: small, headers: { 'content-type': 'application/json' } });
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).shop_inventory_edit.check_mode, 1, 'the normalized value reaches the handler');
  const bad = await app.request('/stock', { method: 'POST', body: '{"shop_inventory_edit":{}}', headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400);
  const body = await bad.json();
  assert.deepEqual(body.error.find((i) => i.code === 'missing').path, ['shop_inventory_edit', 'order_id']);
});

test('Standard Schema: schemas[method] as a tRPC procedure input', async () => {
  const { initTRPC, TRPCError } = await import('@trpc/server');
  const t = initTRPC.create();
  const router = t.router({ adjust: t.procedure.input(q.schemas[SHOP]).mutation(({ input }) => input) });
  const caller = t.createCallerFactory(router)({});
  const out = await caller.adjust(JSON.parse(VALID.replace(LONG, '12').replace('"check_mode":1', '"check_mode":"增量"')));
  assert.equal(out.shop_inventory_edit.check_mode, 2);
  await assert.rejects(caller.adjust({ shop_inventory_edit: { order_id: 'o1' } }), (e) => e instanceof TRPCError && e.code === 'BAD_REQUEST'
    && e.cause.issues.some((i) => i.path.join('.') === 'shop_inventory_edit.store_id'));
  assert.deepEqual(Object.keys(q.schemas).sort(), q.methods().map((m) => m.method).sort());
  assert.equal(q.schemas['no.such.method'], undefined);
  // A named export per API, generated from the tables: the same objects.
  assert.equal(q.inventoryShopinvAdjustSchema, q.schemas[SHOP]);
  assert.equal(q.posInventorySynchronizeSchema, q.schemas['qimen.taobao.pos.inventory.synchronize']);
  assert.equal(createRequire(import.meta.url)('qimen-payload').qimendcInventorySyncSchema['~standard'].vendor, 'qimen-payload');
});

test('the middleware answers a too-large body at the limit and closes, without reading the rest', async () => {
  const express = require('express');
  const app = express();
  let reached = false;
  app.post('/stock', q.middleware(SHOP), () => { reached = true; });
  const server = await listen(app.listen(0, '127.0.0.1'));
  try {
    const port = server.address().port;
    // No content-length: a chunked upload that would go on for 64 MiB if the server kept reading.
    const res = await new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/stock', headers: { 'content-type': 'application/json' } }, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode, text: Buffer.concat(chunks).toString(), sent }));
      });
      req.on('error', (e) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? null : reject(e)));
      let sent = 0;
      const piece = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += piece.length;
          if (!req.write(piece)) return req.once('drain', pump);
        }
        req.end();
        return undefined;
      };
      pump();
    });
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.text).error_response.errors[0].code, 'too_large');
    assert.ok(res.sent < 32 * 1024 * 1024, `the server stopped reading early (client had sent ${res.sent} bytes)`);
    assert.equal(reached, false);
  } finally {
    server.close();
  }
});
