// The signing proxy over real HTTP, in front of the local gateway (issue 16): unsigned payloads in, signed
// server-side, split by chunk, retried on transient answers only, one result per chunk; the secret never in
// an answer or a log line; no open oracle (token or origin, rate limit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import * as q from 'qimen-payload';
import { startGateway } from 'qimen-payload/gateway';
import { startProxy, signingProxy } from 'qimen-payload/proxy';
import { cli, startCli } from './cli-server.mjs';

const APP = 'proxy-app';
const SECRET = 'the-proxy-secret-9f2c';
const POS = 'qimen.taobao.pos.inventory.synchronize';
const SHOP = 'taobao.inventory.shopinv.adjust';

async function pair(gatewayOptions = {}, proxyOptions = {}) {
  const g = await startGateway({ apps: { [APP]: SECRET }, ...gatewayOptions });
  const lines = [];
  const p = await startProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', backoffMs: 5, log: (l) => lines.push(l), ...proxyOptions });
  return { g, p, lines, close: async () => { await p.close(); await g.close(); } };
}
const call = async (p, method, payload, headers = { authorization: 'Bearer tok' }) => {
  const res = await fetch(`${p.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  return { status: res.status, text: await res.text() };
};

/** A call with headers fetch would not send as given (Host): over node:http. */
const rawCall = (p, method, payload, headers) => new Promise((resolve, reject) => {
  const u = new URL(p.url);
  const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
    let text = '';
    res.on('data', (d) => { text += d; });
    res.on('end', () => resolve({ status: res.statusCode, text }));
  });
  req.on('error', reject);
  req.end(JSON.stringify(payload));
});

test('45 entries arrive upstream as 3 signed calls, in order, each answer parsed; the secret is in no byte sent back or logged', async () => {
  const { g, p, lines, close } = await pair();
  try {
    const item = Array.from({ length: 45 }, (_, i) => ({ itemCode: `A${String(i).padStart(2, '0')}`, paperQty: i }));
    item[30].colour = 'red'; // not a field of the API: a warning, dropped
    const r = await call(p, POS, { orderInfo: { storeCode: 'S1' }, item, customerid: 'c' });
    assert.equal(r.status, 200, r.text);
    const out = JSON.parse(r.text);
    assert.equal(out.ok, true);
    // Warnings point into the payload as sent (entry 30), not into the chunk that carried it (its entry 10).
    assert.deepEqual(out.warnings.map((w) => w.path), ['item[30].colour']);
    assert.deepEqual(out.chunks.map((c) => [c.index, c.ok, c.attempts]), [[0, true, 1], [1, true, 1], [2, true, 1]]);
    assert.deepEqual(lines.map((l) => JSON.parse(l).chunk), [0, 1, 2]);
    const ledger = await (await fetch(`${g.url}/_ledger`)).json();
    assert.equal(Object.keys(ledger.posStock.S1).length, 45);
    assert.equal(ledger.posStock.S1.A44, 44);
    for (const text of [r.text, ...lines]) assert.ok(!text.includes(SECRET), 'the secret leaked');
  } finally {
    await close();
  }
});

test('transient answers are retried with backoff and counted; a refusal (41) and a protocol error are not', async () => {
  const { p, lines, close } = await pair({ faults: { [SHOP]: { script: ['7', '15', 'ok', '41', '25'] } } });
  try {
    const first = JSON.parse((await call(p, SHOP, JSON.parse(q.example(SHOP)))).text);
    assert.equal(first.ok, true);
    assert.equal(first.chunks[0].attempts, 3);
    const refusedCall = await call(p, SHOP, JSON.parse(q.example(SHOP)));
    assert.equal(refusedCall.status, 200, 'a platform refusal is an answer, not a bad gateway');
    const refused = JSON.parse(refusedCall.text);
    assert.equal(refused.ok, false);
    assert.equal(refused.chunks[0].attempts, 1);
    assert.equal(refused.chunks[0].response.code, '41');
    const protocol = JSON.parse((await call(p, SHOP, JSON.parse(q.example(SHOP)))).text);
    assert.equal(protocol.chunks[0].attempts, 1);
    assert.equal(lines.length, 5);
  } finally {
    await close();
  }
});

test('an unreachable upstream: network errors retried up to the bound, then a 502 with the failure named', async () => {
  const lines = [];
  const p = await startProxy({ upstream: 'http://127.0.0.1:9', appKey: APP, secret: SECRET, token: 'tok', retries: 2, backoffMs: 1, log: (l) => lines.push(l) });
  try {
    const r = await call(p, SHOP, JSON.parse(q.example(SHOP)));
    assert.equal(r.status, 502);
    const out = JSON.parse(r.text);
    assert.equal(out.chunks[0].failure, 'network');
    assert.equal(out.chunks[0].attempts, 3);
    assert.equal(lines.length, 3);
  } finally {
    await p.close();
  }
});

test('not an open signing oracle: a token, an allowlisted origin or SDK clients (who sign) is required; clients are rate-limited; bad payloads never go upstream', async () => {
  assert.throws(() => signingProxy({ upstream: 'http://127.0.0.1:9', appKey: APP, secret: SECRET }), /a bearer token, allowlisted origins or SDK clients/);
  assert.throws(() => signingProxy({ upstream: 'http://127.0.0.1:9', appKey: APP, token: 't', secret: undefined }), /QIMEN_SECRET/);
  const { p, lines, close } = await pair({}, { origins: ['http://127.0.0.1:8080'], perMinute: 2 });
  try {
    assert.equal((await call(p, SHOP, {}, {})).status, 401);
    assert.equal((await call(p, SHOP, {}, { authorization: 'Bearer wrong' })).status, 401);
    // An allowlisted Origin alone is a header any client can copy: not enough (issue 27).
    assert.equal((await call(p, SHOP, {}, { origin: 'http://127.0.0.1:8080' })).status, 401);
    // A browser page on this machine: the Origin, its Host and Sec-Fetch-Site as a browser sends them.
    const page = { origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080', 'sec-fetch-site': 'same-origin' };
    for (const [name, spoiled] of [['host', 'evil.example'], ['host', '127.0.0.1:9999'], ['sec-fetch-site', 'cross-site'], ['sec-fetch-site', undefined]]) {
      const h = { ...page, [name]: spoiled };
      if (spoiled === undefined) delete h[name];
      assert.equal((await rawCall(p, SHOP, { shop_inventory_edit: {} }, h)).status, 401, `${name}: ${spoiled}`);
    }
    const bad = await rawCall(p, SHOP, { shop_inventory_edit: {} }, page);
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.text).error_response.code, 40);
    assert.equal(lines.length, 0, 'nothing was sent upstream');
    assert.equal((await call(p, SHOP, JSON.parse(q.example(SHOP)))).status, 200);
    assert.equal((await call(p, SHOP, JSON.parse(q.example(SHOP)))).status, 429);
  } finally {
    await close();
  }
});

test('every refusal of the proxy is an error_response, its sub_msg in the gateway\'s language (zh by default, en when asked)', async () => {
  for (const language of [undefined, 'en']) {
    const { p, close } = await pair({}, { perMinute: 2, maxChunks: 1, ...(language ? { language } : {}) });
    const zh = language === undefined;
    try {
      const shape = (r, status, code, subCode, words) => {
        assert.equal(r.status, status, r.text);
        const e = JSON.parse(r.text).error_response;
        assert.equal(e.code, code, r.text);
        assert.ok(e.sub_code.startsWith(subCode), r.text);
        assert.match(e.sub_msg, words, r.text);
        return e;
      };
      shape(await call(p, SHOP, {}, {}), 401, 11, 'isv.proxy-token-required', zh ? /令牌/ : /bearer token/);
      shape(await call(p, 'taobao.nope', {}), 404, 41, 'isv.invalid-parameter', zh ? /未知的接口/ : /unknown method/);
      const entries = Array.from({ length: 21 }, (_, i) => ({ itemCode: `I${i}`, paperQty: 1 }));
      const big = shape(await call(p, POS, { orderInfo: { storeCode: 'S' }, item: entries }), 413, 43, 'isv.too-many-chunks', zh ? /最多发送 1 个/ : /at most 1 per call/);
      assert.deepEqual([big.chunks, big.max_chunks], [2, 1]);
      shape(await call(p, SHOP, { shop_inventory_edit: {} }), 429, 7, 'accesscontrol.', zh ? /重试/ : /retry/);
    } finally {
      await close();
    }
  }
  assert.throws(() => signingProxy({ upstream: 'http://127.0.0.1:9', appKey: APP, secret: SECRET, token: 't', language: 'fr' }), /language/);
});

test('a client that asks (Accept-Language, as the console sends its UI language) gets the refusals in its language', async () => {
  const { p, close } = await pair({}, { maxChunks: 1 }); // the proxy's own language: zh
  try {
    const asking = (accept) => ({ authorization: 'Bearer tok', 'accept-language': accept });
    const subMsg = async (accept) => JSON.parse((await call(p, SHOP, { shop_inventory_edit: {} }, asking(accept))).text).error_response.sub_msg;
    assert.match(await subMsg('en'), /is required/);
    assert.match(await subMsg('en-US,en;q=0.9'), /is required/);
    assert.match(await subMsg('zh-CN'), /为必填项/);
    // preference by q, the first of zh/en that the header ranks highest; neither, or nonsense: the proxy's own
    assert.match(await subMsg('fr, zh;q=0.5, en;q=0.8'), /is required/);
    assert.match(await subMsg('de, fr'), /为必填项/);
    assert.match(await subMsg(';;;q=x,'), /为必填项/);
    assert.match(await subMsg('en;q=0, zh'), /为必填项/);
    const entries = Array.from({ length: 21 }, (_, i) => ({ itemCode: `I${i}`, paperQty: 1 }));
    const big = await call(p, POS, { orderInfo: { storeCode: 'S' }, item: entries }, asking('en'));
    assert.match(JSON.parse(big.text).error_response.sub_msg, /at most 1 per call/);
    const noToken = await call(p, SHOP, {}, { 'accept-language': 'en' });
    assert.equal(noToken.status, 401);
    assert.match(JSON.parse(noToken.text).error_response.sub_msg, /bearer token/);
  } finally {
    await close();
  }
});

test('the CLI runs the proxy in front of a gateway; it refuses to start as an open oracle or without QIMEN_SECRET', async () => {
  const { spawnSync } = await import('node:child_process');
  const g = await startGateway({ apps: { [APP]: SECRET } });
  const { url, child, stderr } = await startCli(['proxy', '--port', '0', '--upstream', g.url, '--app-key', APP, '--token', 'tok'], { ...process.env, QIMEN_SECRET: SECRET });
  try {
    const r = await call({ url }, SHOP, JSON.parse(q.example(SHOP)));
    assert.equal(JSON.parse(r.text).ok, true, r.text);
    await new Promise((r2) => setTimeout(r2, 100));
    assert.match(stderr(), /"method":"taobao.inventory.shopinv.adjust"/);
    assert.ok(!stderr().includes(SECRET) && !r.text.includes(SECRET));
  } finally {
    child.kill();
    await g.close();
  }
  const open = spawnSync(process.execPath, [cli, 'proxy', '--upstream', g.url, '--app-key', APP], { encoding: 'utf8', env: { ...process.env, QIMEN_SECRET: SECRET, QIMEN_PROXY_TOKEN: '' } });
  assert.equal(open.status, 2);
  assert.match(open.stderr, /open signing proxy/);
  const noSecret = spawnSync(process.execPath, [cli, 'proxy', '--upstream', g.url, '--app-key', APP, '--token', 't'], { encoding: 'utf8', env: { ...process.env, QIMEN_SECRET: '' } });
  assert.equal(noSecret.status, 2);
  assert.match(noSecret.stderr, /QIMEN_SECRET/);
});

test('mounted in Express, Fastify, Koa and Hono (a Web Request) over HTTP: the same proxy, the same answers', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  const proxy = signingProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', backoffMs: 1, log: () => {} });
  const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  const urlOf = (server) => `http://127.0.0.1:${server.address().port}`;
  const mounts = {
    async express() {
      const express = (await import('express')).default;
      const app = express();
      app.use(proxy); // before any body parser: the proxy reads the body itself
      app.get('/health', (req, res) => res.send('up'));
      const server = await listen(http.createServer(app));
      return { url: urlOf(server), close: () => new Promise((r) => server.close(r)) };
    },
    async fastify() {
      const Fastify = (await import('fastify')).default;
      const app = Fastify();
      await app.register(proxy.fastify);
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      return { url, close: () => app.close() };
    },
    async koa() {
      const Koa = (await import('koa')).default;
      const app = new Koa();
      app.use(proxy.koa);
      const server = await listen(http.createServer(app.callback()));
      return { url: urlOf(server), close: () => new Promise((r) => server.close(r)) };
    },
    async hono() {
      const { Hono } = await import('hono');
      const { serve } = await import('@hono/node-server');
      const app = new Hono();
      app.post('/api/:method', (c) => proxy.fetch(c.req.raw));
      const server = await new Promise((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
      return { url: urlOf(server), close: () => new Promise((r) => server.close(r)) };
    },
  };
  try {
    for (const [name, mount] of Object.entries(mounts)) {
      const m = await mount();
      try {
        const ok = await call({ url: m.url }, SHOP, { ...JSON.parse(q.example(SHOP)), shop_inventory_edit: { ...JSON.parse(q.example(SHOP)).shop_inventory_edit, detail_list: [{ item_id: 9, sku_id: 0, sub_order_id: `via-${name}`, quantity: 1 }] } });
        assert.equal(ok.status, 200, `${name}: ${ok.text}`);
        assert.equal(JSON.parse(ok.text).chunks[0].response.details[0].subOrderId, `via-${name}`);
        const refused = await call({ url: m.url }, SHOP, { shop_inventory_edit: { store_id: 'x' } });
        assert.equal(refused.status, 400, name);
        assert.equal(JSON.parse(refused.text).error_response.code, 40, name); // required fields missing
        const anonymous = await call({ url: m.url }, SHOP, JSON.parse(q.example(SHOP)), {});
        assert.equal(anonymous.status, 401, name);
      } finally {
        await m.close();
      }
    }
    const ledger = await (await fetch(`${g.url}/_ledger`)).json();
    assert.deepEqual(Object.keys(ledger.appliedSubOrders).filter((k) => k.startsWith('via-')).sort(), ['via-express', 'via-fastify', 'via-hono', 'via-koa']);
  } finally {
    await g.close();
  }
});

// The platform's SDKs call the proxy's routers (with `clients`): the full conformance is tests/node/sdk-clients;
// here each refusal, the XML protocol and the proof that the call upstream is signed with the app's secret.
const CLIENT = 'client-key';
const CLIENT_SECRET = 'client-secret-4d1e';
const signedCall = (method, payload, extra = {}) => q.buildRequest(method, payload, { appKey: CLIENT, secret: CLIENT_SECRET, timestamp: Date.now(), ...extra });
const toRouter = (p, r, path = '/router/rest', headers = {}) => fetch(`${p.url}${path}?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType, ...headers }, body: r.body })
  .then(async (res) => ({ status: res.status, text: await res.text() }));
const routerError = (text) => JSON.parse(text).error_response;
/** A call buildRequest would refuse to build (its payload invalid), signed as a client would: a form body. */
const handSigned = (method, business) => {
  const params = { method, app_key: CLIENT, timestamp: String(Date.now()), v: '2.0', format: 'json', sign_method: 'md5', ...business };
  const body = new URLSearchParams({ ...params, sign: q.signParams(params, CLIENT_SECRET, 'md5') }).toString();
  return { queryString: '', contentType: 'application/x-www-form-urlencoded;charset=utf-8', body };
};

test('SDK clients on the proxy\'s routers: verified with their key, checked, signed again with the app\'s; each refusal before anything goes upstream', async () => {
  const { p, lines, close } = await pair({}, { clients: { [CLIENT]: CLIENT_SECRET }, language: 'en' });
  try {
    const ok = await toRouter(p, signedCall(SHOP, q.example(SHOP)));
    assert.equal(q.parseResponse(SHOP, ok.text).ok, true, ok.text);
    // The gateway knows only the app's key: the call it answered was signed again by the proxy.
    assert.equal(lines.length, 1);
    for (const text of [ok.text, ...lines]) assert.ok(!text.includes(SECRET) && !text.includes(CLIENT_SECRET), 'a secret leaked');
    // The classic Qimen XML protocol on /router/qm: the parameters in the query, the XML body signed with them.
    const xml = await toRouter(p, signedCall(POS, q.example(POS), { body: 'xml' }), '/router/qm');
    assert.equal(q.parseResponse(POS, xml.text).ok, true, xml.text);
    assert.equal(lines.length, 2);
    assert.equal(JSON.parse(lines[1]).router, '/router/qm');

    const refusals = [
      ['a client key the proxy does not know', q.buildRequest(SHOP, q.example(SHOP), { appKey: 'other', secret: CLIENT_SECRET, timestamp: Date.now() }), 29, undefined],
      ['the app\'s own key (only clients sign here)', q.buildRequest(SHOP, q.example(SHOP), { appKey: APP, secret: SECRET, timestamp: Date.now() }), 29, undefined],
      ['the wrong secret', q.buildRequest(SHOP, q.example(SHOP), { appKey: CLIENT, secret: 'guess', timestamp: Date.now() }), 25, undefined],
      ['a timestamp an hour old', signedCall(SHOP, q.example(SHOP), { timestamp: Date.now() - 3600_000 }), 31, 'isv.timestamp-out-of-window'],
      ['an invalid payload', handSigned(SHOP, { shop_inventory_edit: JSON.stringify({ order_id: 'o', store_id: 'not a number' }) }), 41, /^isv\.invalid-parameter:/],
      ['a payload missing its object', handSigned(SHOP, {}), 40, /^isv\.missing-parameter:/],
    ];
    for (const [what, r, code, subCode] of refusals) {
      let res;
      try {
        res = await toRouter(p, r);
      } catch (e) {
        throw new Error(`${what}: ${e.message}`);
      }
      const e = routerError(res.text);
      assert.equal(e?.code, code, `${what}: ${res.text}`);
      if (typeof subCode === 'string') assert.equal(e.sub_code, subCode, what);
      if (subCode instanceof RegExp) assert.match(e.sub_code, subCode, what);
    }
    // A method the proxy has no table for, and a browser page on another site.
    const unknown = await fetch(`${p.url}/router/rest?method=taobao.nope&app_key=${CLIENT}`, { method: 'POST' });
    assert.equal(routerError(await unknown.text()).code, 22);
    const cross = await toRouter(p, signedCall(SHOP, q.example(SHOP)), '/router/rest', { 'sec-fetch-site': 'cross-site' });
    assert.equal(cross.status, 403);
    assert.equal(routerError(cross.text).sub_code, 'isv.cross-site-request');
    // Parameter names from a request are data: __proto__ and constructor are parameters like any other.
    const hostile = await fetch(`${p.url}/router/rest?__proto__=x&constructor=y`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'toString=1&method=' });
    assert.equal(routerError(await hostile.text()).code, 21);
    assert.equal(lines.length, 2, 'nothing refused went upstream');
  } finally {
    await close();
  }
});

test('without clients the proxy has no routers: /router/rest is not its path', async () => {
  const { p, lines, close } = await pair();
  try {
    const res = await toRouter(p, signedCall(SHOP, q.example(SHOP)));
    assert.equal(res.status, 404);
    assert.equal(lines.length, 0);
  } finally {
    await close();
  }
});
