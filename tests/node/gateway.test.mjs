// The local gateway over real HTTP on 127.0.0.1 (issue 16): protocol errors in TOP's codes and shape, the
// signature checked against an independent signer, payloads through the core's rules, answers parsed back by
// parseResponse, the ledger's state, idempotency across a restart, injected faults, and hostile bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as q from 'qimen-payload';
import { startGateway, gmt8Millis } from 'qimen-payload/gateway';
import { cli, startCli } from './cli-server.mjs';

const APP = '12345678';
const SECRET = 'gateway-secret';
const NOW = gmt8Millis('2026-11-23 12:00:00');
const clock = () => NOW;
const SHOP = 'taobao.inventory.shopinv.adjust';
const POS = 'qimen.taobao.pos.inventory.synchronize';
const stamp = (offsetMs = 0) => {
  const d = new Date(NOW + offsetMs + 8 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};

/** The TOP signature written here from the protocol's description, not by the package. */
function independentSign(params, secret, method = 'md5', body = '') {
  const text = Object.keys(params).filter((k) => k !== 'sign' && params[k] !== undefined && String(params[k]).trim() !== '').sort()
    .map((k) => `${k}${params[k]}`).join('') + body;
  const h = method === 'md5' ? createHash('md5').update(secret + text + secret, 'utf8')
    : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(text, 'utf8');
  return h.digest('hex').toUpperCase();
}

async function post(url, params, { path = '/router/rest', body, contentType = 'application/x-www-form-urlencoded;charset=utf-8' } = {}) {
  const res = await fetch(`${url}${path}?${new URLSearchParams(params)}`, { method: 'POST', headers: { 'content-type': contentType }, body: body ?? '' });
  return { status: res.status, text: await res.text() };
}

/** A signed form call built by the package. */
function built(method, payload, extra = {}) {
  return q.buildRequest(method, payload, { appKey: APP, secret: SECRET, timestamp: NOW, ...extra });
}
const send = (g, r, path) => fetch(`${g.url}${path ?? '/router/rest'}?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body }).then(async (res) => ({ status: res.status, text: await res.text() }));
const errorCode = (text) => JSON.parse(text).error_response?.code;

test('every protocol error is answered with its TOP code, in the error_response shape, as JSON or XML', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock, sessions: ['good-session'] });
  try {
    const base = () => ({ method: SHOP, app_key: APP, timestamp: stamp(), v: '2.0', format: 'json', sign_method: 'md5', session: 'good-session', shop_inventory_edit: '{}' });
    const signed = (p) => ({ ...p, sign: independentSign(p, SECRET) });
    const cases = [
      [21, (p) => { delete p.method; return signed(p); }],
      [22, (p) => signed({ ...p, method: 'taobao.nope' })],
      [23, (p) => signed({ ...p, format: 'yaml' })],
      [28, (p) => { delete p.app_key; return signed(p); }],
      [29, (p) => signed({ ...p, app_key: '999' })],
      [30, (p) => { delete p.timestamp; return signed(p); }],
      [31, (p) => signed({ ...p, timestamp: stamp(-11 * 60_000) }), 'isv.timestamp-out-of-window'],
      [31, (p) => signed({ ...p, timestamp: 'yesterday' }), 'isv.invalid-timestamp-format'],
      [31, (p) => signed({ ...p, timestamp: String(NOW + 11 * 60_000) }), 'isv.timestamp-out-of-window'],
      [31, (p) => signed({ ...p, timestamp: String(NOW).slice(0, 10) }), 'isv.invalid-timestamp-format'],
      [32, (p) => { delete p.v; return signed(p); }],
      [33, (p) => signed({ ...p, v: '1.0' })],
      [34, (p) => signed({ ...p, v: '2.1' })],
      [24, (p) => p],
      [25, (p) => ({ ...signed(p), sign: '0'.repeat(32) })],
      [25, (p) => signed({ ...p, sign_method: 'sha1' })],
      [26, (p) => { delete p.session; return signed(p); }],
      [27, (p) => signed({ ...p, session: 'stolen' })],
    ];
    for (const [code, make, subCode] of cases) {
      const params = make(base());
      const { status, text } = await post(g.url, params);
      assert.equal(status, 200);
      const e = JSON.parse(text).error_response;
      assert.equal(e.code, code, `${code}: ${text}`);
      if (subCode) assert.equal(e.sub_code, subCode, text);
      assert.equal(typeof e.msg, 'string');
      // And parseResponse reads it as the platform's refusal.
      const parsed = q.parseResponse(SHOP, text);
      assert.equal(parsed.ok, false);
      assert.equal(parsed.errorResponse, true);
    }
    // XML when format=xml.
    const x = await post(g.url, { ...base(), format: 'xml', method: 'taobao.nope', sign: 'x' });
    assert.match(x.text, /<error_response><code>22<\/code><msg>Invalid method<\/msg>/);
    assert.equal(q.parseResponse(SHOP, x.text).errorResponse, true);
    // Business refusals: 40 missing / 41 invalid, with the isv sub code at the path and our message.
    // (Signed by hand: buildRequest refuses such a payload before it is sent.)
    const edit = { store_id: 1, check_mode: 2, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: 1 }], recover_deleted_data: true };
    const m = JSON.parse((await post(g.url, signed({ ...base(), shop_inventory_edit: JSON.stringify(edit) }))).text).error_response;
    assert.equal(m.code, 40);
    assert.equal(m.sub_code, 'isv.missing-parameter:shop_inventory_edit.order_id');
    assert.match(m.sub_msg, /必填/);
  } finally {
    await g.close();
  }
});

test('signatures from buildRequest and from an independent signer are accepted; one changed byte is refused', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock });
  try {
    for (const { method, xmlBody } of q.methods()) {
      for (const signMethod of ['md5', 'hmac', 'hmac-sha256']) {
        const r = built(method, q.example(method), { signMethod });
        const path = xmlBody ? '/router/qm' : '/router/rest';
        const ok = await send(g, r, path);
        assert.equal(q.parseResponse(method, ok.text).ok, true, `${method} ${signMethod}: ${ok.text}`);
        // The same call signed by the test's own signer.
        const params = { ...r.query, ...r.form };
        assert.equal(independentSign(params, SECRET, signMethod), r.sign, `${method} ${signMethod}: the package's sign agrees with node:crypto`);
        // One byte of the body changed: refused.
        const tampered = { ...r, body: r.body.replace(/%22/, '%27') };
        assert.equal(errorCode((await send(g, tampered, path)).text), 25, `${method} ${signMethod}`);
      }
      if (xmlBody) {
        // The classic XML-body protocol: customerId in the query, the signature over the params and the body.
        const r = built(method, q.example(method), { body: 'xml' });
        assert.equal(independentSign(r.query, SECRET, 'md5', r.body), r.sign);
        const res = await send(g, r, '/router/qm');
        assert.equal(q.parseResponse(method, res.text).ok, true, res.text);
        const tampered = await send(g, { ...r, body: r.body.replace('<request>', '<request> ') }, '/router/qm');
        assert.equal(q.parseResponse(method, tampered.text).ok, false);
      }
    }
  } finally {
    await g.close();
  }
});

test('the timestamp window is ten minutes around the gateway clock in GMT+8, whatever the host zone', () => {
  const script = `
    import { startGateway, gmt8Millis } from 'qimen-payload/gateway';
    import * as q from 'qimen-payload';
    const now = gmt8Millis('2026-11-23 12:00:00');
    const g = await startGateway({ apps: { a: 's' }, clock: () => now });
    const codes = [];
    for (const offset of [-9, 9, -11, 11]) {
      const r = q.buildRequest('${SHOP}', q.example('${SHOP}'), { appKey: 'a', secret: 's', timestamp: now + offset * 60000 });
      const res = await fetch(g.url + '/router/rest?' + r.queryString, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body });
      codes.push(JSON.parse(await res.text()).error_response?.code ?? 'ok');
    }
    console.log(JSON.stringify(codes));
    await g.close();`;
  for (const tz of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8', cwd: process.cwd() });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), ['ok', 'ok', 31, 31], tz);
  }
});

test('state: full and delta adjustments, idempotency per sub-order, and a restart with --state loses nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-gw-'));
  const state = join(dir, 'journal.jsonl');
  const edit = (mode, detail) => ({ shop_inventory_edit: { order_id: 'o1', store_id: 7, check_mode: mode, detail_list: detail, recover_deleted_data: true } });
  try {
    let g = await startGateway({ apps: { [APP]: SECRET }, clock, state });
    const call = async (payload) => q.parseResponse(SHOP, (await send(g, built(SHOP, payload))).text);
    assert.equal((await call(edit(1, [{ item_id: 5, sku_id: 0, sub_order_id: 'a', quantity: 10 }]))).ok, true);
    assert.equal((await call(edit(2, [{ item_id: 5, sku_id: 0, sub_order_id: 'b', quantity: -3 }]))).ok, true);
    const ledger = async () => (await fetch(`${g.url}/_ledger`)).json();
    assert.equal((await ledger()).storeStock['7']['5:0'], '7');
    await g.close();
    // Restarted from the journal: the state is back, and a repeated sub-order changes nothing.
    g = await startGateway({ apps: { [APP]: SECRET }, clock, state });
    assert.equal((await ledger()).storeStock['7']['5:0'], '7');
    const again = await call(edit(2, [{ item_id: 5, sku_id: 0, sub_order_id: 'b', quantity: -3 }, { item_id: 5, sku_id: 0, sub_order_id: 'c', quantity: 1 }]));
    assert.equal(again.ok, true);
    assert.deepEqual(again.details.map((d) => [d.subOrderId, d.idempotent]), [['b', true], ['c', false]]);
    assert.equal((await ledger()).storeStock['7']['5:0'], '8');
    // A delta below zero fails for that sub-order only (a partial failure, as the platform reports one).
    const short = await call(edit(2, [{ item_id: 5, sku_id: 0, sub_order_id: 'd', quantity: -100 }, { item_id: 5, sku_id: 0, sub_order_id: 'e', quantity: 2 }]));
    assert.equal(short.ok, false);
    assert.equal(short.partial, true);
    assert.deepEqual(short.details.map((d) => [d.subOrderId, d.success, d.errorCode ?? null]), [['d', false, 'STOCK_NOT_ENOUGH'], ['e', true, null]]);
    assert.equal((await ledger()).storeStock['7']['5:0'], '10');
    await g.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('valid calls are answered in the shapes of the seed samples, as JSON, simplified JSON and XML', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock });
  try {
    const payload = { shop_inventory_edit: { order_id: 'o9', store_id: 3, check_mode: 1, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's9', quantity: 2 }], recover_deleted_data: true } };
    // Expected shapes written from the seed's response sample (taobao.inventory.shopinv.adjust.txt): the list
    // under result.data, each entry a shop_inventory_edit_result_d_t_o.
    const json = JSON.parse((await send(g, built(SHOP, payload))).text);
    assert.deepEqual(json.inventory_shopinv_adjust_response.result.data,
      { shop_inventory_edit_result_d_t_o: [{ sub_order_id: 's9', success: true, idempotent: false }] });
    const simple = JSON.parse((await send(g, built(SHOP, { ...payload, shop_inventory_edit: { ...payload.shop_inventory_edit, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's10', quantity: 2 }] } }, { simplify: true }))).text);
    assert.deepEqual(simple.result.data, [{ sub_order_id: 's10', success: true, idempotent: false }]);
    const xml = (await send(g, built(SHOP, { ...payload, shop_inventory_edit: { ...payload.shop_inventory_edit, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's11', quantity: 2 }] } }, { format: 'xml' }))).text;
    assert.match(xml, /^<\?xml[^>]*\?><inventory_shopinv_adjust_response><result><success>true<\/success><data><shop_inventory_edit_result_d_t_o><sub_order_id>s11<\/sub_order_id>/);
    // The POS item sync's sample: <item><struct><itemCode>…</itemCode></struct></item>, in a Qimen <response>
    // from the classic Qimen router.
    const items = { ...JSON.parse(q.example('qimen.taobao.pos.items.synchronize')), total: 1 };
    items.item[0].itemCode = 'SKU1';
    const ir = built('qimen.taobao.pos.items.synchronize', items, { format: 'xml' });
    const itemsXml = (await send(g, ir, '/router/qm')).text;
    assert.equal(q.parseResponse('qimen.taobao.pos.items.synchronize', itemsXml).ok, true, itemsXml);
    assert.match(itemsXml, /<response><flag>success<\/flag>.*<total>1<\/total><item><struct><itemCode>SKU1<\/itemCode><\/struct><\/item><\/response>$/);
    // JSON, on either router, is wrapped in the method's response element: what TOP clients look up by name
    // (issue 28: node-taobao-topclient read null from a bare "response").
    for (const path of ['/router/rest', '/router/qm']) {
      const j = JSON.parse((await send(g, built('qimen.taobao.pos.items.synchronize', items), path)).text);
      assert.deepEqual(Object.keys(j), ['qimen_taobao_pos_items_synchronize_response'], path);
      assert.equal(j.qimen_taobao_pos_items_synchronize_response.flag, 'success');
    }
  } finally {
    await g.close();
  }
});

test('POS and WMS syncs overwrite the book stock; a refused payload changes nothing', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock });
  try {
    const sync = (qty) => ({ orderInfo: { storeCode: 'S1' }, item: [{ itemCode: 'A', paperQty: qty }], customerid: 'c' });
    await send(g, built(POS, sync(5)), '/router/qm');
    await send(g, built(POS, sync(3)), '/router/qm');
    // A payload buildRequest would refuse, signed by hand: the gateway's rules refuse it too.
    const params = { method: POS, app_key: APP, timestamp: stamp(), v: '2.0', format: 'json', sign_method: 'md5',
      orderInfo: JSON.stringify({ storeCode: 'S1' }), item: JSON.stringify([{ itemCode: 'A', paperQty: 'x' }]), customerid: 'c' };
    const refused = await post(g.url, { ...params, sign: independentSign(params, SECRET) }, { path: '/router/qm' });
    const e = JSON.parse(refused.text).error_response;
    assert.equal(e.code, 41);
    assert.equal(e.sub_code, 'isv.invalid-parameter:item[0].paperQty');
    // A structured parameter is one JSON value: text that would splice other members in is refused at its field.
    const spliced = { ...params, orderInfo: '{"storeCode":"S1"},"item":[{"itemCode":"Z","paperQty":1}]', item: '[]' };
    const s2 = JSON.parse((await post(g.url, { ...spliced, sign: independentSign(spliced, SECRET) }, { path: '/router/qm' })).text).error_response;
    assert.equal(s2.code, 41);
    assert.equal(s2.sub_code, 'isv.invalid-parameter:orderInfo');
    const ledger = await (await fetch(`${g.url}/_ledger`)).json();
    assert.equal(ledger.posStock.S1.A, 3);
  } finally {
    await g.close();
  }
});

test('fault injection: a scripted sequence of 7 then success, and a dropped connection', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock, faults: { [SHOP]: { script: ['7', '15', 'drop', 'ok'] } } });
  try {
    const r = built(SHOP, q.example(SHOP));
    assert.equal(errorCode((await send(g, r)).text), 7);
    assert.equal(errorCode((await send(g, r)).text), 15);
    await assert.rejects(send(g, r));
    assert.equal(q.parseResponse(SHOP, (await send(g, r)).text).ok, true);
  } finally {
    await g.close();
  }
});

test('any bytes on any path get a well-formed error_response, and the gateway keeps answering', async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, clock });
  try {
    const hostile = [
      ['/', 'GET', undefined, undefined],
      ['/router/rest', 'POST', 'application/octet-stream', Buffer.from([0, 255, 1, 2])],
      ['/router/rest', 'POST', 'multipart/form-data', 'no boundary'],
      ['/router/rest?method=%FF', 'POST', 'application/x-www-form-urlencoded', '%%%'],
      ['/router/qm', 'POST', 'text/xml', '<request><a>'],
      ['/x/../router/rest', 'PUT', 'text/plain', 'x'.repeat(10_000)],
    ];
    for (const [path, method, type, body] of hostile) {
      const res = await fetch(`${g.url}${path}`, { method, headers: type ? { 'content-type': type } : {}, body });
      const text = await res.text();
      const parsed = JSON.parse(text);
      assert.equal(typeof parsed.error_response.code, 'number', `${path}: ${text}`);
    }
    // A body over the limit: refused with 413, not read to its end.
    const big = await fetch(`${g.url}/router/rest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a='.padEnd(q.limits().maxInputBytes + 10, 'x') });
    assert.equal(big.status, 413);
    assert.equal(q.parseResponse(SHOP, (await send(g, built(SHOP, q.example(SHOP)))).text).ok, true, 'still answering');
  } finally {
    await g.close();
  }
});

test('the CLI runs the gateway: qimen-payload gateway --port 0 --app KEY:SECRET --clock …', async () => {
  const { url, child } = await startCli(['gateway', '--port', '0', '--app', `${APP}:${SECRET}`, '--clock', '2026-11-23 12:00:00', '--fault', `${SHOP}=15,ok`]);
  try {
    const r = built(SHOP, q.example(SHOP));
    const g = { url };
    assert.equal(errorCode((await send(g, r)).text), 15);
    assert.equal(q.parseResponse(SHOP, (await send(g, r)).text).ok, true);
  } finally {
    child.kill();
  }
  // A fault rate of 1 answers every call with it; 0 never.
  const rated = await startCli(['gateway', '--port', '0', '--app', `${APP}:${SECRET}`, '--clock', '2026-11-23 12:00:00',
    '--fault-rate', `${SHOP}=7:1`, '--fault-rate', `${POS}=7:0`]);
  try {
    const g = { url: rated.url };
    for (let i = 0; i < 3; i++) assert.equal(errorCode((await send(g, built(SHOP, q.example(SHOP)))).text), 7);
    assert.equal(q.parseResponse(POS, (await send(g, built(POS, q.example(POS)))).text).ok, true);
  } finally {
    rated.child.kill();
  }
  // Usage errors exit 2.
  const bad = spawnSync(process.execPath, [cli, 'gateway', '--port', '0'], { encoding: 'utf8', env: { ...process.env, QIMEN_GATEWAY_APPS: '' } });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--app KEY:SECRET/);
  for (const rate of ['*=7:2', '*=7', '*=teapot:0.5', '*=7:']) {
    const r = spawnSync(process.execPath, [cli, 'gateway', '--port', '0', '--app', 'k:s', '--fault-rate', rate], { encoding: 'utf8' });
    assert.equal(r.status, 2, rate);
    assert.match(r.stderr, /--fault-rate takes/);
  }
});
