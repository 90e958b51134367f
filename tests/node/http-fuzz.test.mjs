// An HTTP fuzz of the whole `npm start` stack (issue 27): the console's server, the signing proxy on its origin
// and the local gateway, run as `node scripts/serve.mjs` in a child process, as a user runs it. Raw sockets send
// what a client library would never send — random request lines, targets, versions, headers, framing and bodies,
// slow, half-closed and abandoned connections — for a bounded time. Held: the process stays up, every connection
// the client finished sending is answered or closed, memory stays flat, and afterwards every server still
// answers real requests. Seeded (QIMEN_HTTP_FUZZ_SEED); QIMEN_HTTP_FUZZ_MS sets the duration (8 s here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SEED = Number(process.env.QIMEN_HTTP_FUZZ_SEED ?? Date.now() % 1e9);
const DURATION_MS = Number(process.env.QIMEN_HTTP_FUZZ_MS ?? 8000);
// A finished request is answered (or its connection closed) within this long, however hostile it was.
const ANSWER_MS = 10_000;

// mulberry32: a small seeded generator, so a failure names the seed that reproduces it.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startStack() {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', GATEWAY_PORT: '0', QIMEN_PROXY_TOKEN: 'fuzz-token' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start: ${out}${err}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const consoleUrl = /admin console: (http:\/\/\S+)\//.exec(out)?.[1];
      const gatewayUrl = /local gateway: (http:\/\/\S+)\/router\/rest/.exec(out)?.[1];
      if (consoleUrl && gatewayUrl) {
        clearTimeout(timer);
        resolve({ child, ports: [new URL(consoleUrl).port, new URL(gatewayUrl).port].map(Number), stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`the stack exited (${code}): ${out}${err}`)));
  });
}

const rssOf = (child, stderr) => {
  assert.equal(child.exitCode, null, `the stack is still running (stderr: ${stderr().slice(0, 2000)})`);
  return rssOfPid(child.pid);
};
const rssOfPid = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

/** One hostile request: its bytes, and how they are sent. */
function request(r, methods) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const junk = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const verb = pick(['GET', 'POST', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'PATCH', 'CONNECT', 'TRACE', 'GE T', '', 'post', 'PRI', 'X'.repeat(300)]);
  const method = pick(methods);
  const target = pick([
    '/', '/index.html', '/app.mjs', '/pkg/web.mjs', '/console-config.json', '/%', '/js/%E0%A4%A', '/%00', '/..%2f..%2fetc/passwd',
    '/pkg/../../package.json', `/api/${method}`, `/api/${method}`, '/api/__proto__', '/api/', `/router/rest?method=${method}&v=2.0`,
    '/router/qm?method=' + encodeURIComponent(method), '/router/rest?__proto__[x]=1&constructor=2', '/_ledger', '*', 'http://a b/',
    'http://127.0.0.1/router/rest', '//', `/${'a'.repeat(9000)}`, `/router/rest?${'a=1&'.repeat(2000)}`, '/\u00ff\u0100',
  ]);
  const version = pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', 'http/1.1', '']);
  const headers = [];
  if (r() < 0.9) headers.push(`Host: ${pick(['127.0.0.1', 'localhost', 'evil.example', '127.0.0.1:1', '[::1]', '', 'a'.repeat(500)])}`);
  if (r() < 0.5) headers.push('Authorization: Bearer fuzz-token');
  if (r() < 0.3) headers.push(`Origin: ${pick(['http://evil.example', 'null', 'http://127.0.0.1:8080'])}`);
  if (r() < 0.3) headers.push(`Sec-Fetch-Site: ${pick(['cross-site', 'same-origin', 'none', 'same-site'])}`);
  const type = pick(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=XyZ', 'multipart/form-data',
    'text/xml', 'text/plain', 'application/json; charset=gbk', '']);
  if (type) headers.push(`Content-Type: ${type}`);
  const body = pick([
    () => {
      try {
        return Buffer.from(q.example(method));
      } catch {
        return Buffer.from('{}');
      }
    },
    () => Buffer.from(`{"__proto__":{"x":1},"constructor":{"prototype":{}},"a":${'['.repeat(200)}${']'.repeat(200)}}`),
    () => Buffer.from(`method=${method}&app_key=12345678&v=2.0&sign=00&timestamp=2026-01-01+00:00:00&${'x=1&'.repeat(600)}`),
    () => Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="method"\r\n\r\nx\r\n--XyZ--\r\n'),
    () => Buffer.from('<request><a>&x;</a><!DOCTYPE x></request>'),
    () => junk(Math.floor(r() * 4096)),
    () => Buffer.alloc(0),
  ])();
  const framing = pick(['length', 'length', 'chunked', 'bad-chunked', 'short-length', 'huge-length', 'two-lengths', 'none', 'negative']);
  let payload = body;
  if (framing === 'length') headers.push(`Content-Length: ${body.length}`);
  if (framing === 'short-length') headers.push(`Content-Length: ${Math.max(0, body.length - 5)}`);
  if (framing === 'huge-length') headers.push(`Content-Length: ${pick(['99999999999', '1e3', '-1', '0x10', '18446744073709551617'])}`);
  if (framing === 'two-lengths') headers.push('Content-Length: 1', `Content-Length: ${body.length}`);
  if (framing === 'negative') headers.push('Content-Length: -5', 'Transfer-Encoding: chunked');
  if (framing === 'chunked' || framing === 'bad-chunked') {
    headers.push('Transfer-Encoding: chunked');
    payload = framing === 'chunked'
      ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
      : Buffer.concat([Buffer.from(`${pick(['zz', 'ffffffffffffffff', '-1', '1;ext=' + 'a'.repeat(100)])}\r\n`), body]);
  }
  if (r() < 0.05) headers.push(`X-Big: ${'h'.repeat(20_000)}`);
  if (r() < 0.05) headers.push('Bad Header Name: x', 'NoColon');
  const head = Buffer.from(`${verb} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
  const bytes = r() < 0.05 ? junk(200) : Buffer.concat([head, payload]);
  // How it is sent: all at once and half-closed; in slow pieces; cut short and half-closed; or abandoned.
  const how = pick(['end', 'end', 'end', 'slow', 'cut', 'abandon']);
  return { bytes, how };
}

/** Send one request; resolves to 'answered', 'closed' or 'abandoned', or rejects when the server is silent. */
function send(port, { bytes, how }, r) {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    let answered = false;
    let timer = null;
    const finishSending = () => {
      timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`no answer and no close within ${ANSWER_MS} ms after a ${how} request: ${JSON.stringify(bytes.subarray(0, 200).toString('latin1'))}`));
      }, ANSWER_MS);
    };
    s.on('data', () => { answered = true; });
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      resolve(answered ? 'answered' : 'closed');
    });
    s.on('connect', async () => {
      if (how === 'abandon') {
        s.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        setTimeout(() => { s.destroy(); resolve('abandoned'); }, Math.floor(r() * 50));
        return;
      }
      if (how === 'slow') {
        for (let i = 0; i < bytes.length && !s.destroyed; i += Math.max(1, Math.floor(bytes.length / 8))) {
          s.write(bytes.subarray(i, i + Math.max(1, Math.floor(bytes.length / 8))));
          await new Promise((ok) => setTimeout(ok, 20));
        }
      } else if (how === 'cut') {
        s.write(bytes.subarray(0, Math.floor(r() * bytes.length)));
      } else {
        s.write(bytes);
      }
      // Half-closed: the client has said all it will.
      if (!s.destroyed) s.end();
      finishSending();
    });
  });
}

test(`the npm start stack survives an HTTP fuzz of every server it runs (seed ${SEED})`, { timeout: DURATION_MS + 120_000 }, async (t) => {
  const { child, ports, stderr } = await startStack();
  const r = rng(SEED);
  const methods = q.methods().map((m) => m.method).concat(['taobao.nope', '__proto__']);
  const outcomes = { answered: 0, closed: 0, abandoned: 0 };
  try {
    // Warm up, then take the memory the stack settles at.
    for (let i = 0; i < 200; i++) outcomes[await send(ports[i % 2], request(r, methods), r)] += 1;
    const rssBefore = rssOf(child, stderr);
    const until = Date.now() + DURATION_MS;
    const worker = async () => {
      while (Date.now() < until) outcomes[await send(ports[Math.floor(r() * 2)], request(r, methods), r)] += 1;
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    assert.equal(child.exitCode, null, `the stack is still running (stderr: ${stderr().slice(0, 2000)})`);
    t.diagnostic(`connections: ${JSON.stringify(outcomes)}`);
    const total = outcomes.answered + outcomes.closed + outcomes.abandoned;
    assert.ok(total > 1000, `only ${total} connections in ${DURATION_MS} ms`);
    assert.ok(outcomes.answered > total / 4, `most requests answered: ${JSON.stringify(outcomes)}`);
    // Every server still does its job for a well-behaved client.
    const [consolePort, gatewayPort] = ports;
    const page = await fetch(`http://127.0.0.1:${consolePort}/`);
    assert.equal(page.status, 200);
    const config = await (await fetch(`http://127.0.0.1:${consolePort}/console-config.json`)).json();
    const POS = 'qimen.taobao.pos.inventory.synchronize';
    const proxied = await fetch(`http://127.0.0.1:${consolePort}/api/${POS}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` }, body: q.example(POS),
    });
    assert.equal(proxied.status, 200, await proxied.clone().text());
    assert.equal((await proxied.json()).ok, true);
    const ledger = await fetch(`http://127.0.0.1:${gatewayPort}/_ledger`);
    assert.equal(ledger.status, 200);
    assert.equal(Object.getPrototypeOf({}).x, undefined, 'nothing reached this process\'s prototypes either');
    // Memory flat: what the fuzz left behind is bounded (generous: a shared, noisy machine and a lazy GC).
    const grown = rssOf(child, stderr) - rssBefore;
    assert.ok(grown < 160 * 1024 * 1024, `the stack's memory grew by ${Math.round(grown / 1048576)} MiB over ${total} connections`);
  } finally {
    child.kill();
  }
});
