// The platform's own client libraries against the local gateway, unchanged (issue 28 §4): npm
// `node-taobao-topclient` and npm `topsdk` (devDependencies, pinned), and PyPI `topsdk` (installed here, pinned,
// into node_modules/.cache). Each sends the four APIs as a user of it would — the business parameters as the
// client takes them, its own timestamp, signature and transport — and must read a valid call as a success (the
// method's response element, as the client looks it up) and an invalid one as the platform's refusal (40/41).
// Each client runs in its own process with TZ=Asia/Shanghai: the Node clients write the local time as the
// timestamp, as they do on the integrators' machines in China; the Python client sends epoch milliseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';
import { startGateway } from 'qimen-payload/gateway';
import { startProxy } from 'qimen-payload/proxy';

const root = fileURLToPath(new URL('../..', import.meta.url));
const APP = '12345678';
const SECRET = 'sdk-conformance-secret';
const PYPI_TOPSDK = 'topsdk==20.4.21.40';
// Through the proxy, the clients keep their own key and secret; only the proxy holds the app's (which the
// gateway behind it knows, and the clients' key it does not).
const PROXY_APP = '87654321';
const PROXY_SECRET = 'the-app-secret-only-the-proxy-holds';

/** The four APIs, valid (the example) and invalid (the first list entry a string), as business parameters. */
function calls() {
  return q.methods().map(({ method, responseElement }) => {
    const valid = JSON.parse(q.example(method));
    const invalid = structuredClone(valid);
    const firstList = (v) => (Array.isArray(v) ? v : Object.values(v).filter((x) => x && typeof x === 'object').map(firstList).find(Boolean));
    firstList(invalid)[0] = 'not an entry';
    assert.equal(q.check(method, invalid).ok, false, method);
    return { method, responseElement, valid, invalid };
  });
}

/**
 * Run a client script in its own process (TZ as in China; asynchronously: the gateway answers from this one);
 * it prints one JSON line of outcomes.
 */
function run(cmd, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai' }, timeout: 120_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}${out}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)));
    });
    child.stdin.end(JSON.stringify(input));
  });
}

const NODE_CLIENTS = String.raw`
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const which = process.argv[2];
const out = [];
(async () => {
  for (const c of input.calls) {
    for (const kind of ['valid', 'invalid']) {
      let params = c[kind];
      let client;
      if (which === 'node-taobao-topclient') {
        const TopClient = require('node-taobao-topclient').default;
        client = new TopClient({ appkey: input.app, appsecret: input.secret, REST_URL: input.url });
      } else {
        // npm topsdk signs the value it was given: its README passes structs as JSON text.
        const TopClient = require('topsdk');
        client = new TopClient(input.app, input.secret, input.url, { useValidators: false });
        params = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]));
      }
      try {
        const response = await client.execute(c.method, params);
        out.push({ method: c.method, kind, ok: true, response });
      } catch (e) {
        out.push({ method: c.method, kind, ok: false, code: e.code ?? e.errorcode ?? null, sub_code: e.sub_code ?? null, message: String(e.message ?? e) });
      }
    }
  }
  console.log(JSON.stringify(out));
  // npm topsdk keeps its connections alive: done is done.
  process.exit(0);
})();
`;

const PYTHON_CLIENT = `
import json, sys
sys.path.insert(0, sys.argv[1])
import top
import top.api.base as base
from urllib.parse import urlparse
input = json.load(sys.stdin)
u = urlparse(input['url'])
out = []
for c in input['calls']:
    for kind in ('valid', 'invalid'):
        # A request class as the SDK generates one per API: its name, and each business parameter an attribute.
        Req = type('Req', (base.RestApi,), {'getapiname': (lambda m: lambda self: m)(c['method'])})
        req = Req(u.hostname, u.port)
        req.set_app_info(top.appinfo(input['app'], input['secret']))
        for k, v in c[kind].items():
            setattr(req, k, json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
        try:
            out.append({'method': c['method'], 'kind': kind, 'ok': True, 'response': req.getResponse()})
        except base.TopException as e:
            out.append({'method': c['method'], 'kind': kind, 'ok': False, 'code': e.errorcode, 'sub_code': e.subcode, 'message': str(e)})
print(json.dumps(out))
`;

/** PyPI topsdk, installed once into node_modules/.cache (shared by later runs), pinned. */
function pythonTopsdk() {
  const dir = join(root, 'node_modules', '.cache', 'pypi-topsdk');
  if (!existsSync(join(dir, 'top', 'api', 'base.py'))) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', dir, PYPI_TOPSDK], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, `pip install ${PYPI_TOPSDK}: ${r.stderr}`);
  }
  return dir;
}

/** The outcomes every client must show: valid → the method's element read as a success; invalid → 41. */
function conforms(name, outcomes, all, read) {
  assert.equal(outcomes.length, all.length * 2, name);
  for (const o of outcomes) {
    const c = all.find((x) => x.method === o.method);
    if (o.kind === 'valid') {
      assert.equal(o.ok, true, `${name} ${o.method}: ${o.message}`);
      const response = read(o.response, c);
      assert.ok(response && typeof response === 'object', `${name} ${o.method}: the client found its response element: ${JSON.stringify(o.response)}`);
      // What the answer says, read by our own parser from the same element: a success.
      const parsed = q.parseResponse(o.method, JSON.stringify({ [c.responseElement]: response }));
      assert.equal(parsed.ok, true, `${name} ${o.method}: ${JSON.stringify(response)}`);
    } else {
      assert.equal(o.ok, false, `${name} ${o.method}: an invalid call was read as a success`);
      assert.equal(Number(o.code), 41, `${name} ${o.method}: ${o.message}`);
      assert.match(String(o.sub_code), /^isv\.invalid-parameter:/, `${name} ${o.method}`);
    }
  }
}

/** The three clients, each through `url` (a router base): every outcome as `conforms` wants it. */
async function conformance(base, where) {
  const all = calls();
  const input = { url: `${base}/router/rest`, app: APP, secret: SECRET, calls: all };
  const script = join(root, 'node_modules', '.cache', 'sdk-clients.cjs');
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(script, NODE_CLIENTS);
  // The Node clients resolve the response element themselves and hand back its content.
  for (const name of ['node-taobao-topclient', 'topsdk']) conforms(`npm ${name} ${where}`, await run(process.execPath, [script, name], input), all, (r) => r);
  // The Python client hands back the whole answer; its user reads the method's element.
  const py = await run('python3', ['-c', PYTHON_CLIENT, pythonTopsdk()], input);
  conforms(`PyPI topsdk ${where}`, py, all, (r, c) => r[c.responseElement]);
  return all;
}

test('the platform\'s Node and Python clients call the four APIs on the local gateway unchanged', { timeout: 600_000 }, async () => {
  const g = await startGateway({ apps: { [APP]: SECRET }, host: '127.0.0.1' });
  try {
    await conformance(g.url, 'on the gateway');
  } finally {
    await g.close();
  }
});

test('the same clients through the signing proxy: verified with their own key, checked, signed again with the app\'s', { timeout: 600_000 }, async () => {
  const g = await startGateway({ apps: { [PROXY_APP]: PROXY_SECRET }, host: '127.0.0.1' });
  const lines = [];
  const p = await startProxy({ upstream: g.url, appKey: PROXY_APP, secret: PROXY_SECRET, clients: { [APP]: SECRET }, log: (l) => lines.push(JSON.parse(l)) });
  try {
    const all = await conformance(p.url, 'through the proxy');
    // Only the valid calls went upstream (3 clients × the four APIs), each answered by the gateway; the invalid
    // ones were refused by the proxy itself.
    assert.equal(lines.length, 3 * all.length, JSON.stringify(lines));
    assert.ok(lines.every((l) => l.status === 200 && l.failure === null && l.router === '/router/rest'), JSON.stringify(lines));
    assert.deepEqual(new Set(lines.map((l) => l.method)), new Set(all.map((c) => c.method)));
    // The gateway's ledger holds what the valid calls changed (it starts empty): each API's part of it.
    const ledger = await (await fetch(`${g.url}/_ledger`)).json();
    for (const part of ['posStock', 'products', 'warehouseStock', 'storeStock', 'appliedSubOrders']) {
      assert.ok(Object.keys(ledger[part]).length > 0, `${part}: ${JSON.stringify(ledger)}`);
    }
  } finally {
    await p.close();
    await g.close();
  }
});
