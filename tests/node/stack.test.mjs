// A table registered at run time reaches the servers built on the package: a local gateway and a signing proxy
// made before it take its method from then on (and forget it when it is removed), and `npm start`'s stack takes
// the console's added APIs through its door (`/stack/apis`) and `--api` files — over real HTTP, in this process
// and as `npm start` itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';
import { startGateway } from 'qimen-payload/gateway';
import { startProxy } from 'qimen-payload/proxy';
import { startStack } from '../../scripts/serve.mjs';

const SHARED = process.env.QIMEN_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
const CANCEL = 'taobao.qimen.order.cancel';
// The platform's doc JSON of an API none of the shipped tables is, made a table by the importer.
const table = () => JSON.stringify(q.importDoc(readFileSync(join(SHARED, 'apis', 'taobao_qimen_order_cancel.json'), 'utf8')).table);
const post = async (url, body, headers = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, json: await res.json().catch(() => null) };
};

test('a gateway and a proxy made before a table is registered take its method, and forget it when it is removed', async () => {
  const g = await startGateway({ apps: { app: 'sec' } });
  const p = await startProxy({ upstream: g.url, appKey: 'app', secret: 'sec', token: 'tok', log: () => {} });
  const auth = { authorization: 'Bearer tok' };
  try {
    const before = await post(`${p.url}/api/${CANCEL}`, '{}', auth);
    assert.equal(before.status, 404, 'not known before it is registered');
    const changes = q.instanceStats().tableChanges;
    assert.throws(() => q.registerApi('{}'), q.PayloadError);
    assert.equal(q.unregisterApi('no.such.method'), false);
    assert.equal(q.instanceStats().tableChanges, changes, 'a refused table and a removal of nothing change nothing');
    assert.equal(q.registerApi(table()), CANCEL);
    assert.equal(q.instanceStats().tableChanges, changes + 1);
    const example = q.example(CANCEL);
    const sent = await post(`${p.url}/api/${CANCEL}`, example, auth);
    assert.equal(sent.status, 200, JSON.stringify(sent.json));
    assert.equal(sent.json.ok, true, JSON.stringify(sent.json));
    // The gateway checked it with the registered rules too: a payload they refuse is refused by the proxy first,
    // and a call signed by hand straight to the gateway is refused there at the same field.
    const bad = JSON.parse(example);
    delete bad.request.warehouseCode;
    const refused = await post(`${p.url}/api/${CANCEL}`, JSON.stringify(bad), auth);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.json.error_response.errors.map((e) => [e.path, e.code]), [['request.warehouseCode', 'missing']]);
    const timestamp = new Date(Date.now() + 8 * 3600e3).toISOString().replace('T', ' ').slice(0, 19); // GMT+8
    const params = { method: CANCEL, app_key: 'app', timestamp, v: '2.0', format: 'json', sign_method: 'md5', request: JSON.stringify(bad.request) };
    const form = new URLSearchParams({ ...params, sign: q.signParams(params, 'sec', 'md5') });
    const direct = await fetch(`${g.url}${q.protocol().routers.top}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.match(await direct.text(), /isv\.missing-parameter:request\.warehouseCode/);
    assert.equal(q.unregisterApi(CANCEL), true);
    assert.equal((await post(`${p.url}/api/${CANCEL}`, example, auth)).status, 404, 'removed: not known any more');
  } finally {
    q.unregisterApi(CANCEL);
    await p.close();
    await g.close();
  }
});

test('npm start\'s stack takes the console\'s added API through its door: the token and the console\'s site required, a refused table named', async () => {
  const stack = await startStack({ port: 0, gatewayPort: 0 });
  const door = `${stack.url}stack/apis`;
  const auth = { authorization: `Bearer ${stack.token}` };
  try {
    const config = await (await fetch(`${stack.url}console-config.json`)).json();
    assert.equal(config.tables, '/stack/apis');
    assert.equal((await post(door, table())).status, 401, 'no token');
    assert.equal((await post(door, table(), { ...auth, 'sec-fetch-site': 'cross-site' })).status, 403, 'another site');
    const broken = JSON.parse(table());
    broken.fields[0].type = 'uuid';
    const refused = await post(door, JSON.stringify(broken), auth);
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json.errors.map((e) => [e.path, e.code]), [['fields[0].type', 'shape']]);
    assert.equal((await post(door, 'x'.repeat((1 << 20) + 2048), auth)).status, 413);
    // The table's bound is the core's (said at the whole file); past the core's input limit nothing is kept.
    assert.deepEqual((await post(door, `"${'x'.repeat(1 << 20)}"`, auth)).json.errors.map((e) => e.code), ['too_large']);
    const huge = await post(door, 'x'.repeat(q.limits().maxInputBytes + 1), auth);
    assert.equal(huge.status, 413);
    assert.equal(huge.json.errors[0].code, 'too_large');
    assert.equal((await post(`${stack.url}api/${CANCEL}`, '{}', auth)).status, 404, 'none of the refused requests registered it');
    const taken = await post(door, table(), auth);
    assert.deepEqual(taken.json, { ok: true, method: CANCEL });
    const sent = await post(`${stack.url}api/${CANCEL}`, q.example(CANCEL), auth);
    assert.equal(sent.json.ok, true, JSON.stringify(sent.json));
    const removed = await fetch(`${door}/${encodeURIComponent(CANCEL)}`, { method: 'DELETE', headers: auth });
    assert.deepEqual(await removed.json(), { ok: true, removed: true });
    assert.equal((await post(`${stack.url}api/${CANCEL}`, q.example(CANCEL), auth)).status, 404);
    assert.equal((await fetch(door, { method: 'GET', headers: auth })).status, 405);
  } finally {
    q.unregisterApi(CANCEL);
    await stack.close();
  }
});

/** `node scripts/serve.mjs …` (what `npm start -- …` runs): its output until `until` matches, or its exit. */
function serve(args, env, until) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url)), ...args], { env: { ...process.env, ...env } });
  let out = '';
  const done = new Promise((resolve) => {
    const check = () => { if (until.test(out)) resolve({ out, code: null }); };
    child.stdout.on('data', (d) => { out += d; check(); });
    child.stderr.on('data', (d) => { out += d; check(); });
    child.on('exit', (code) => resolve({ out, code }));
  });
  return { child, done };
}

test('npm start -- --api FILE: the stack starts knowing the table; a refused file stops it, named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-stack-'));
  const good = join(dir, 'cancel.json');
  const bad = join(dir, 'bad.json');
  writeFileSync(good, table());
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(table()), method: 'taobao.inventory.shopinv.adjust' }));
  const stopped = serve(['--api', bad], { PORT: '0', GATEWAY_PORT: '0' }, /(?!)/); // never matches: until it exits
  const { out, code } = await stopped.done;
  assert.equal(code, 2, out);
  assert.match(out, /--api .*bad\.json is not a usable table:\n {2}method: /);
  q.registerApi(table()); // for its example, in this process
  const started = serve(['--api', good], { PORT: '0', GATEWAY_PORT: '0', QIMEN_PROXY_TOKEN: 'start-tok' }, /signing proxy: POST (\S+)api\//);
  try {
    const { out: said } = await started.done;
    const url = /admin console: (\S+)/.exec(said)?.[1];
    assert.ok(url, said);
    const sent = await post(`${url}api/${CANCEL}`, q.example(CANCEL), { authorization: 'Bearer start-tok' });
    assert.equal(sent.json?.ok, true, JSON.stringify(sent.json));
  } finally {
    q.unregisterApi(CANCEL);
    started.child.kill();
  }
});
