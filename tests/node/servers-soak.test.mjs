// A soak of bad requests against the local gateway and the signing proxy over real HTTP (issue 16): thousands
// of hostile or refused calls of every class; afterwards both still answer a valid call, the ledger is
// unchanged, and memory is flat — the JS heap after a full GC and the wasm module's linear memory barely grow
// from the first measured round to the last (a refused call must not leave anything behind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as q from 'qimen-payload';
import { startGateway } from 'qimen-payload/gateway';
import { startProxy } from 'qimen-payload/proxy';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const APP = 'soak-app';
const SECRET = 'soak-secret';
const SHOP = 'taobao.inventory.shopinv.adjust';
const POS = 'qimen.taobao.pos.inventory.synchronize';

const gmt8Now = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const form = (r) => ({ method: 'POST', headers: { 'content-type': r.contentType }, body: r.body });

test('a soak of bad requests leaves the gateway and the proxy answering, the ledger unchanged and memory flat', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET } });
  const p = await startProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', perMinute: 1e9, log: () => {} });
  const auth = { authorization: 'Bearer tok', 'content-type': 'application/json' };
  const signed = (payload, extra) => q.buildRequest(SHOP, payload, { appKey: APP, secret: SECRET, ...extra });
  const invalid = { shop_inventory_edit: { order_id: 'x', store_id: 'not a number', check_mode: 9, detail_list: [] } };
  // Just over the 8 MiB bound (limits().maxInputBytes): sent a few times per round, not per iteration.
  const big = Buffer.alloc(q.limits().maxInputBytes + 1, 0x78);
  const classes = {
    // The gateway.
    'gateway: unknown path': () => fetch(`${g.url}/nope/${Math.random()}`),
    'gateway: no method': () => fetch(`${g.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }),
    'gateway: unsupported content type': () => fetch(`${g.url}/router/rest`, { method: 'POST', body: 'a=1' }),
    'gateway: bad signature': () => {
      const r = signed(q.example(SHOP));
      return fetch(`${g.url}/router/rest?${r.queryString.replace(/sign=[0-9A-F]+/, 'sign=0123456789ABCDEF0123456789ABCDEF')}`, form(r));
    },
    'gateway: refused payload (41)': () => {
      // Signed correctly (buildRequest refuses to build it, so signed here with the core's signer).
      const params = { method: SHOP, app_key: APP, timestamp: gmt8Now(), v: '2.0', sign_method: 'md5', format: 'json', shop_inventory_edit: JSON.stringify(invalid.shop_inventory_edit) };
      params.sign = q.signParams(params, SECRET, 'md5');
      return fetch(`${g.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
    },
    'gateway: broken XML body': () => fetch(`${g.url}/router/qm?method=${POS}&format=xml`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<request><a>&bogus;<b></request>' }),
    'gateway: invalid UTF-8 form': () => fetch(`${g.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from([0x6d, 0x3d, 0xff, 0xfe, 0x25]) }),
    // The proxy.
    'proxy: no token': () => fetch(`${p.url}/api/${SHOP}`, { method: 'POST', body: q.example(SHOP) }),
    'proxy: not JSON': () => fetch(`${p.url}/api/${SHOP}`, { method: 'POST', headers: auth, body: '{"shop_inventory_edit": [1, 2' }),
    'proxy: refused payload (never sent upstream)': () => fetch(`${p.url}/api/${SHOP}`, { method: 'POST', headers: auth, body: JSON.stringify(invalid) }),
    'proxy: unknown method': () => fetch(`${p.url}/api/taobao.nope`, { method: 'POST', headers: auth, body: '{}' }),
  };
  // The server may close the connection before the whole body is sent: a refusal or a reset, never a crash.
  const oversized = {
    'gateway: oversized body': () => fetch(`${g.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big }).catch(() => null),
    'proxy: oversized body': () => fetch(`${p.url}/api/${SHOP}`, { method: 'POST', headers: auth, body: big }).catch(() => null),
  };
  const statuses = new Map();
  async function round(times) {
    for (let i = 0; i < times; i++) {
      for (const [name, call] of Object.entries(i < 3 ? { ...classes, ...oversized } : classes)) {
        const res = await call();
        if (res) {
          const text = await res.text();
          // The gateway answers as TOP does: 200 with an error_response and its code.
          const code = res.status === 200 && text.startsWith('{') ? JSON.parse(text).error_response?.code : undefined;
          statuses.set(name, code === undefined ? res.status : `${res.status}/${code}`);
        }
      }
    }
  }
  const measure = () => {
    gc();
    gc();
    return { heap: process.memoryUsage().heapUsed, wasm: q.memoryBytes() };
  };
  try {
    const ledgerBefore = await (await fetch(`${g.url}/_ledger`)).text();
    await round(60); // warm-up: caches, the allocator's working size, keep-alive sockets
    const first = measure();
    const rounds = [];
    for (let r = 0; r < 3; r++) {
      await round(120);
      rounds.push(measure());
    }
    const last = rounds[rounds.length - 1];
    const heapGrowth = last.heap - first.heap;
    const wasmGrowth = last.wasm - first.wasm;
    assert.ok(heapGrowth < 4 * 1024 * 1024, `JS heap grew by ${heapGrowth} bytes over ${3 * 120 * Object.keys(classes).length} bad calls`);
    assert.ok(wasmGrowth <= 256 * 1024, `wasm memory grew by ${wasmGrowth} bytes`);
    // Every class was answered by its refusal (the gateway's as TOP answers: 200 with an error_response).
    assert.deepEqual(Object.fromEntries(statuses), {
      'gateway: unknown path': 404,
      'gateway: no method': '200/21',
      'gateway: unsupported content type': '200/43',
      'gateway: bad signature': '200/25',
      'gateway: refused payload (41)': '200/41',
      'gateway: broken XML body': 200, // format=xml: an XML error_response (parsed in the gateway's own tests)
      'gateway: invalid UTF-8 form': '200/21',
      'proxy: no token': 401,
      'proxy: not JSON': 400,
      'proxy: refused payload (never sent upstream)': 400,
      'proxy: unknown method': 404,
      ...(statuses.has('gateway: oversized body') ? { 'gateway: oversized body': 413 } : {}),
      ...(statuses.has('proxy: oversized body') ? { 'proxy: oversized body': 413 } : {}),
    });

    // Nothing refused changed the state, and both still serve a valid call.
    assert.equal(await (await fetch(`${g.url}/_ledger`)).text(), ledgerBefore);
    const ok = await fetch(`${p.url}/api/${SHOP}`, { method: 'POST', headers: auth, body: q.example(SHOP) });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).ok, true);
  } finally {
    await p.close();
    await g.close();
  }
});
