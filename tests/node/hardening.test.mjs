// The servers' hardening round (issue 27), each finding a regression test over real HTTP — raw sockets where a
// client would normalize the request away: a bad request target answered 400 with the server still up; ids named
// like Object.prototype's members are ids like any other; cross-site and rebound browser requests refused; the
// journal repaired, exact and compacted; the parameter count bounded; oversize uploads read as a 413; multipart
// boundaries kept as sent; the proxy's amplification bounded, redirects never followed; the static server's
// headers, methods, hosts and symlinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, appendFileSync, existsSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';
import { startGateway, createGateway } from 'qimen-payload/gateway';
import { startProxy } from 'qimen-payload/proxy';
import { startStack, startServer } from '../../scripts/serve.mjs';

const APP = 'hard-app';
const SECRET = 'hard-secret';
const POS = 'qimen.taobao.pos.inventory.synchronize';
const ITEMS = 'qimen.taobao.pos.items.synchronize';
const DC = 'tmall.qimendc.inventory.sync';
const SHOP = 'taobao.inventory.shopinv.adjust';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bytes written to a raw socket; the whole answer until the server closes (or `ms`). */
function raw(url, bytes, ms = 3000) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    let got = '';
    s.on('data', (d) => { got += d; });
    const done = () => resolve(got);
    s.on('end', done);
    s.on('error', done);
    s.setTimeout(ms, () => { s.destroy(); done(); });
    s.write(bytes);
  });
}
const statusOf = (answer) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
// Targets no URL parser reads (400), and odd but readable ones (answered, whatever the status).
const BAD_TARGETS = ['/%', '/js/%E0%A4%A', 'http://a b/', '/api/%', '/router/%E0%A4%A', 'http://[::1/'];
const ODD_TARGETS = ['/router/rest?%zz', '/%00', '/api/..%2f..%2fetc', '//x//y'];

test('a bad request target is answered 400 by every server of `npm start`, which keeps serving', async () => {
  const stack = await startStack({ port: 0, gatewayPort: 0 });
  try {
    const urls = { console: stack.url, gateway: stack.gateway.url };
    for (const [name, url] of Object.entries(urls)) {
      const host = new URL(url).host;
      for (const target of BAD_TARGETS) {
        const answer = await raw(url, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        assert.equal(statusOf(answer), 400, `${name} ${target}: ${answer.slice(0, 80)}`);
      }
      for (const target of ODD_TARGETS) {
        const answer = await raw(url, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        assert.ok(statusOf(answer) > 0, `${name} ${target} is answered: ${answer.slice(0, 80)}`);
      }
      assert.equal((await fetch(url)).status === 200 || name === 'gateway', true, `${name} still serves`);
    }
    const page = await fetch(stack.url);
    assert.equal(page.status, 200);
  } finally {
    await stack.close();
  }
});

// Every name on Object.prototype, as an id of each kind the ledger keys by.
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

test('ids named like Object.prototype\'s members are ids like any other: nothing reaches Object.prototype, nothing counts as applied before it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-proto-'));
  const state = join(dir, 'journal.ndjson');
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  let g = await startGateway({ apps: { [APP]: SECRET }, state, warn: () => {} });
  const send = async (method, payload) => {
    const r = q.buildRequest(method, payload, { appKey: APP, secret: SECRET });
    const res = await fetch(`${g.url}${r.xmlBody ? '/router/qm' : '/router/rest'}?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body });
    return { status: res.status, text: await res.text() };
  };
  try {
    for (const name of PROTO_NAMES) {
      const pos = await send(POS, { orderInfo: { storeCode: name }, item: [{ itemCode: name, paperQty: 7 }], customerid: 'c' });
      assert.equal(q.parseResponse(POS, pos.text).ok, true, `${name}: ${pos.text}`);
      const items = await send(ITEMS, { actionType: 'add', total: 1, item: [{ itemCode: name, itemName: 'x', productCode: 'p', skuProperty: 's', standardPrice: '1', referencePrice: '1' }], customerid: name });
      assert.equal(q.parseResponse(ITEMS, items.text).ok, true, `${name}: ${items.text}`);
      const dc = await send(DC, { cp_code: name, items: [{ warehouse_code: name, item_code: name, quantity: 3, inventory_type: 'ZP' }] });
      assert.equal(q.parseResponse(DC, dc.text).ok, true, `${name}: ${dc.text}`);
      const shop = await send(SHOP, { shop_inventory_edit: { order_id: name, store_id: 1, check_mode: 2, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: name, quantity: 1 }], recover_deleted_data: false } });
      const parsed = q.parseResponse(SHOP, shop.text);
      assert.equal(parsed.ok, true, `${name}: ${shop.text}`);
      assert.match(shop.text, /"idempotent":false/, `${name} as a sub_order_id applies the first time: ${shop.text}`);
      const again = await send(SHOP, { shop_inventory_edit: { order_id: name, store_id: 1, check_mode: 2, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: name, quantity: 1 }], recover_deleted_data: false } });
      assert.match(again.text, /"idempotent":true/, `${name} the second time is idempotent`);
    }
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    assert.equal({}.fields, undefined);
    assert.equal({}.format, undefined);
    // A refusal is still a platform answer, not an empty 500.
    const refused = await fetch(`${g.url}/router/rest?method=${SHOP}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'format=json' });
    assert.equal(refused.status, 200);
    assert.equal(JSON.parse(await refused.text()).error_response.code, 28);
    const ledger = JSON.parse(await (await fetch(`${g.url}/_ledger`)).text());
    for (const name of PROTO_NAMES) {
      assert.equal(ledger.posStock[name][name], 7, `posStock.${name}`);
      assert.equal(ledger.warehouseStock[name][name][name].quantity, 3);
      assert.equal(ledger.products[name][name].itemName, 'x');
      assert.equal(ledger.appliedSubOrders[name], true);
    }
    // The journal replays them at the next start, as ids again.
    await g.close();
    g = await startGateway({ apps: { [APP]: SECRET }, state, warn: () => {} });
    const replayed = JSON.parse(await (await fetch(`${g.url}/_ledger`)).text());
    assert.deepEqual(replayed, ledger);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
  } finally {
    await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cross-site or rebound browser request cannot change the ledger; SDK-like clients (no Origin, no Sec-Fetch-*) can', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  try {
    const r = q.buildRequest(SHOP, q.example(SHOP), { appKey: APP, secret: SECRET });
    const post = (headers) => new Promise((resolve, reject) => {
      const u = new URL(g.url);
      const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: `/router/rest?${r.queryString}`, headers: { 'content-type': r.contentType, ...headers } }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      req.end(r.body);
    });
    const host = new URL(g.url).host;
    // What a no-cors form POST from another page carries, and a page that rebound its name to 127.0.0.1.
    for (const headers of [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
      { origin: 'null' },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
      { host: 'evil.example' },
      { host: `evil.example:${new URL(g.url).port}`, origin: `http://evil.example:${new URL(g.url).port}`, 'sec-fetch-site': 'same-origin' },
    ]) {
      const a = await post(headers);
      assert.equal(a.status, 403, JSON.stringify(headers));
      assert.equal(JSON.parse(a.text).error_response.sub_code, 'isv.cross-site-request');
    }
    assert.deepEqual(JSON.parse(await (await fetch(`${g.url}/_ledger`)).text()).appliedSubOrders, {});
    const sdk = await post({});
    assert.equal(q.parseResponse(SHOP, sdk.text).ok, true, sdk.text);
    const same = await post({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' });
    assert.equal(same.status, 200);
  } finally {
    await g.close();
  }
});

test('the journal: a torn tail is cut off and said, bad lines are reported, Longs stay exact, it is compacted and replays to the same state', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-journal-'));
  const state = join(dir, 'journal.ndjson');
  const warnings = [];
  const warn = (w) => warnings.push(w);
  try {
    let g = await startGateway({ apps: { [APP]: SECRET }, state, warn, compactBytes: 4096 });
    const send = async (payloadText) => {
      const r = q.buildRequest(SHOP, payloadText, { appKey: APP, secret: SECRET });
      const res = await fetch(`${g.url}/router/rest?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body });
      return res.text();
    };
    // A Long beyond 2^53 as the store id, and as the quantity's running total.
    const adjust = (sub, quantity) => `{"shop_inventory_edit":{"order_id":"o","store_id":9007199254740993,"check_mode":2,"detail_list":[{"item_id":12345678901234567,"sub_order_id":"${sub}","sku_id":0,"quantity":${quantity}}],"recover_deleted_data":false}}`;
    assert.match(await send(adjust('s1', '9007199254740993')), /"success":true/);
    const ledgerText = async () => (await fetch(`${g.url}/_ledger`)).text();
    const first = await ledgerText();
    assert.match(first, /"9007199254740993":\{"12345678901234567:0":"9007199254740993"\}/);
    await g.close();
    // A crash mid-write: a torn last line, then a bad line in the middle of a later journal.
    appendFileSync(state, '{"seq":99,"method":"taobao.inventory.shopinv.adjust","value":{"shop_inv');
    g = await startGateway({ apps: { [APP]: SECRET }, state, warn, compactBytes: 4096 });
    assert.ok(warnings.some((w) => /torn/.test(w)), warnings.join('\n'));
    assert.ok(readFileSync(state, 'utf8').endsWith('\n'));
    assert.equal(await ledgerText(), first, 'Longs exact after replay');
    // The next acknowledged change is not appended onto the torn line: it survives the next start.
    assert.match(await send(adjust('s2', '1')), /"success":true/);
    await g.close();
    appendFileSync(state, 'not json\n');
    warnings.length = 0;
    g = await startGateway({ apps: { [APP]: SECRET }, state, warn, compactBytes: 4096 });
    assert.ok(warnings.some((w) => /line 3 .* unreadable/.test(w)), warnings.join('\n'));
    assert.match(await ledgerText(), /"12345678901234567:0":"9007199254740994"/);
    // Many calls: the journal stays bounded (compacted into a snapshot), and replays to the same state.
    for (let i = 0; i < 60; i++) assert.match(await send(adjust(`bulk${i}`, '1')), /"success":true/);
    const after = await ledgerText();
    assert.ok(statSync(state).size <= 4096 + 1024, `journal ${statSync(state).size} bytes`);
    assert.ok(existsSync(`${state}.snapshot`));
    await g.close();
    warnings.length = 0;
    g = await startGateway({ apps: { [APP]: SECRET }, state, warn, compactBytes: 4096 });
    assert.equal(await ledgerText(), after);
    assert.match(after, /"12345678901234567:0":"9007199254741054"/);
    assert.deepEqual(warnings, []);
    await g.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 in a loop loses nothing acknowledged', async () => {
  const { spawn } = await import('node:child_process');
  const { cli } = await import('./cli-server.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'qimen-kill-'));
  const state = join(dir, 'journal.ndjson');
  const acknowledged = [];
  try {
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [cli, 'gateway', '--port', '0', '--state', state], { env: { ...process.env, QIMEN_GATEWAY_APPS: `${APP}:${SECRET}` } });
      const url = await new Promise((resolve, reject) => {
        child.stdout.on('data', (d) => { const m = /listening on (http:\/\/[\d.:]+)/.exec(String(d)); if (m) resolve(m[1]); });
        child.once('exit', (c) => reject(new Error(`exited ${c}`)));
      });
      // Calls in flight when the process is killed at a random moment.
      const killAt = 20 + Math.floor(Math.random() * 60);
      const inFlight = [];
      for (let i = 0; i < 40; i++) {
        const sub = `r${round}c${i}`;
        const r = q.buildRequest(SHOP, { shop_inventory_edit: { order_id: 'o', store_id: 5, check_mode: 2, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: sub, quantity: 1 }], recover_deleted_data: false } }, { appKey: APP, secret: SECRET });
        inFlight.push(fetch(`${url}/router/rest?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body })
          .then((res) => res.text()).then((t) => { if (q.parseResponse(SHOP, t).ok) acknowledged.push(sub); }).catch(() => {}));
        if (i === 10) setTimeout(() => child.kill('SIGKILL'), killAt);
      }
      await Promise.all(inFlight);
      if (child.exitCode === null) child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', r)));
    }
    const g = await startGateway({ apps: { [APP]: SECRET }, state, warn: () => {} });
    const applied = JSON.parse(await (await fetch(`${g.url}/_ledger`)).text()).appliedSubOrders;
    await g.close();
    assert.ok(acknowledged.length > 0);
    for (const sub of acknowledged) assert.equal(applied[sub], true, `${sub} was acknowledged, then lost`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the parameter count is bounded before anything is signed: 900,000 parameters cost one refusal', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  try {
    const body = Array.from({ length: 900_000 }, (_, i) => `p${i}=`).join('&');
    const res = await fetch(`${g.url}/router/rest?method=${SHOP}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(res.status, 400);
    assert.match(JSON.parse(await res.text()).error_response.sub_msg, /参数超过 512 个/);
    // Within the bound a call is answered as before.
    const many = Array.from({ length: 500 }, (_, i) => `p${i}=`).join('&');
    const ok = await fetch(`${g.url}/router/rest?method=${SHOP}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: many });
    assert.equal(JSON.parse(await ok.text()).error_response.code, 28);
  } finally {
    await g.close();
  }
});

test('an oversize upload through fetch reads the 413 (never a reset), from the gateway, the proxy and the middleware', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  const p = await startProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', log: () => {} });
  const express = (await import('express4')).default;
  const app = express();
  app.post('/stock', q.middleware(SHOP), (req, res) => res.end('ok'));
  const server = await new Promise((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
  const big = Buffer.alloc(9 * 1024 * 1024, 0x20);
  try {
    for (const url of [`${g.url}/router/rest`, `${p.url}/api/${SHOP}`, `http://127.0.0.1:${server.address().port}/stock`]) {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': url.includes('router') ? 'application/x-www-form-urlencoded' : 'application/json', authorization: 'Bearer tok' }, body: big });
        assert.equal(res.status, 413, url);
        await res.text();
      }
      // And a streamed body without a length.
      const stream = new ReadableStream({ start(c) { for (let i = 0; i < 9; i++) c.enqueue(new Uint8Array(1024 * 1024).fill(0x20)); c.close(); } });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' }, body: stream, duplex: 'half' });
      assert.equal(res.status, 413, `${url} (streamed)`);
    }
  } finally {
    server.close();
    await p.close();
    await g.close();
  }
});

test('a multipart boundary is read as sent: a browser\'s mixed-case boundary keeps every field', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  try {
    const r = q.buildRequest(SHOP, q.example(SHOP), { appKey: APP, secret: SECRET });
    const boundary = '----WebKitFormBoundaryAbCdEf0123XyZ';
    const parts = [...new URLSearchParams(r.body)].map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    const res = await fetch(`${g.url}/router/rest?${r.queryString}`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: `${parts}--${boundary}--\r\n` });
    const text = await res.text();
    assert.equal(q.parseResponse(SHOP, text).ok, true, text);
  } finally {
    await g.close();
  }
});

test('the proxy: chunks per call bounded, warnings capped, upstream calls budgeted, redirects never followed, nothing sent after the client left', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  const lines = [];
  const p = await startProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', maxChunks: 3, upstreamPerMinute: 5, perMinute: 1e6, backoffMs: 1, log: (l) => lines.push(l) });
  const call = (payload, url = p.url) => fetch(`${url}/api/${POS}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' }, body: JSON.stringify(payload) });
  const entries = (n) => Array.from({ length: n }, (_, i) => ({ itemCode: `I${i}`, paperQty: 1, productCode: '' }));
  try {
    const tooMany = await call({ orderInfo: { storeCode: 'S' }, item: entries(61) });
    assert.equal(tooMany.status, 413);
    assert.equal(JSON.parse(await tooMany.text()).error_response.sub_code, 'isv.too-many-chunks');
    assert.equal(lines.length, 0, 'nothing went upstream');
    // 60 entries with a warning each (an empty productCode): 3 chunks, the answer lists 20 warnings and the count.
    const ok = await call({ orderInfo: { storeCode: 'S' }, item: entries(60) });
    const body = JSON.parse(await ok.text());
    assert.equal(body.chunks.length, 3);
    if (body.warning_count > 0) assert.ok(body.warnings.length <= 20);
    // The upstream budget (5 a minute): 3 spent, the next 3-chunk call gets 2 through and one refused unsent.
    const over = JSON.parse(await (await call({ orderInfo: { storeCode: 'S' }, item: entries(60) })).text());
    assert.deepEqual(over.chunks.map((c) => c.failure), [null, null, 'upstream_rate_limited']);
    assert.equal(lines.length, 5);
  } finally {
    await p.close();
    await g.close();
  }
  // A redirecting upstream: the signed request is never sent to the Location.
  let followed = 0;
  const elsewhere = http.createServer((req, res) => { followed += 1; res.end('{}'); });
  await new Promise((r) => elsewhere.listen(0, '127.0.0.1', r));
  const redirecting = http.createServer((req, res) => { req.resume(); res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.address().port}/steal` }); res.end(); });
  await new Promise((r) => redirecting.listen(0, '127.0.0.1', r));
  const p2 = await startProxy({ upstream: `http://127.0.0.1:${redirecting.address().port}`, appKey: APP, secret: SECRET, token: 'tok', backoffMs: 1, log: () => {} });
  try {
    const res = await call(JSON.parse(q.example(POS)), p2.url);
    const body = JSON.parse(await res.text());
    assert.equal(res.status, 502);
    assert.equal(body.chunks[0].failure, 'redirect');
    assert.equal(body.chunks[0].attempts, 1, 'a redirect is not retried');
    assert.equal(followed, 0);
  } finally {
    await p2.close();
    redirecting.close();
    elsewhere.close();
  }
  // A slow upstream and a client that leaves: no chunk is sent after it has gone.
  let calls = 0;
  const slow = http.createServer((req, res) => { calls += 1; req.resume(); setTimeout(() => res.end('{"response":{"flag":"success","code":"0"}}'), 300); });
  await new Promise((r) => slow.listen(0, '127.0.0.1', r));
  const p3 = await startProxy({ upstream: `http://127.0.0.1:${slow.address().port}`, appKey: APP, secret: SECRET, token: 'tok', backoffMs: 1, log: () => {} });
  try {
    const controller = new AbortController();
    const pending = fetch(`${p3.url}/api/${POS}`, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', authorization: 'Bearer tok' }, body: JSON.stringify({ orderInfo: { storeCode: 'S' }, item: entries(200) }) }).catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(calls, 1, `${calls} upstream calls after the client left`);
  } finally {
    await p3.close();
    slow.close();
  }
});

test('the static server: frame-ancestors and X-Frame-Options, GET and HEAD only, nosniff on 404s, its own Host only, no symlink out of www/', async () => {
  const server = await startServer(0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.address().port}`;
  const link = join(root, 'www', 'hardening-test-link');
  try {
    const page = await fetch(`${url}/`);
    assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    const missing = await fetch(`${url}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const r = await fetch(`${url}/`, { method, body: method === 'DELETE' ? undefined : 'x' });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.get('allow'), 'GET, HEAD');
    }
    assert.equal(statusOf(await raw(url, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)), 421);
    assert.equal(statusOf(await raw(url, `GET / HTTP/1.1\r\nHost: localhost:${server.address().port}\r\nConnection: close\r\n\r\n`)), 200);
    symlinkSync('/etc', link);
    assert.equal((await fetch(`${url}/hardening-test-link/hostname`)).status, 404);
  } finally {
    if (existsSync(link)) unlinkSync(link);
    server.close();
  }
});

test('the console reads the proxy token from its own origin; other sites get neither the token nor a signature', async () => {
  const stack = await startStack({ port: 0, gatewayPort: 0 });
  try {
    const config = await (await fetch(`${stack.url}console-config.json`)).json();
    assert.equal(config.token, stack.token);
    assert.equal((await fetch(`${stack.url}console-config.json`, { headers: { origin: 'https://evil.example' } })).status, 403);
    const h = { 'content-type': 'application/json', origin: stack.url.replace(/\/$/, '') };
    assert.equal((await fetch(`${stack.url}api/${SHOP}`, { method: 'POST', headers: h, body: q.example(SHOP) })).status, 401, 'the console\'s Origin alone signs nothing');
    const signed = await fetch(`${stack.url}api/${SHOP}`, { method: 'POST', headers: { ...h, authorization: `Bearer ${config.token}` }, body: q.example(SHOP) });
    assert.equal(signed.status, 200);
  } finally {
    await stack.close();
  }
});

test('gateway faults that could never fire are refused', () => {
  const bad = [
    { 'taobao.nope': { script: ['7'] } },
    { '*': { script: ['0'] } },
    { '*': { script: ['999999'] } },
    { '*': { script: ['abc'] } },
    { '*': { rates: { 7: -1 } } },
    { '*': { rates: { abc: 0.1 } } },
    { '*': { slowMs: 1e12 } },
    { '*': { script: 'slow' } },
  ];
  for (const faults of bad) assert.throws(() => createGateway({ apps: { a: 'b' }, faults }), RangeError, JSON.stringify(faults));
  createGateway({ apps: { a: 'b' }, faults: { '*': { script: ['7', 'ok', 'slow', 'drop', 15], rates: { 7: 0.5, drop: 0 }, slowMs: 10 } } });
});

test('hostile bytes in the journal never stop the gateway from starting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-hostile-journal-'));
  const state = join(dir, 'j');
  try {
    writeFileSync(state, ['{"seq":1,"method":"__proto__","value":{}}', '{"method":"taobao.inventory.shopinv.adjust","value":{"shop_inventory_edit":{"store_id":{"__proto__":1}}}}', '[]', 'null', '{"method":1}', '\u0000\u0001', ''].join('\n'));
    writeFileSync(`${state}.snapshot`, '{"seq":"x","state":{"posStock":{"__proto__":{"a":1}}}}');
    const warnings = [];
    const g = createGateway({ apps: { a: 'b' }, state, warn: (w) => warnings.push(w) });
    assert.equal(Object.getPrototypeOf(g.ledger.state().posStock), null);
    assert.ok(warnings.length >= 3, warnings.join('\n'));
    assert.equal({}.a, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
