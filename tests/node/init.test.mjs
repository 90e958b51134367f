// The isomorphic initialization API of the browser build, on fresh uninitialized instances (each import with a
// new query string is a new module instance): not_initialized before init, a failed init that can be retried,
// and every documented input — URL string, URL, Response, Promise<Response>, bytes, WebAssembly.Module — plus
// initSync with bytes and with a module. (The browser build runs in Node 20: it has fetch and Response.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const web = new URL('../../pkg/web.mjs', import.meta.url);
const wasmUrl = new URL('../../pkg/qimen_payload_bg.wasm', import.meta.url);
const bytes = readFileSync(wasmUrl);
let n = 0;
const fresh = () => import(`${web.href}?instance=${++n}`);
const works = (q) => assert.equal(q.check('tmall.qimendc.inventory.sync', '{"cp_code":"a"}').ok, true);

test('schemas[method] exists at module scope before init, as its type says; validate asks for init, then works (issue 29 §4)', async () => {
  const q = await fresh();
  const M = 'tmall.qimendc.inventory.sync';
  const schema = q.schemas[M];
  assert.equal(typeof schema?.['~standard']?.validate, 'function');
  assert.throws(() => schema['~standard'].validate({}), (e) => e.errors[0].code === 'not_initialized');
  q.initSync(bytes);
  assert.equal(q.schemas[M], schema, 'the same object after init');
  assert.deepEqual(schema['~standard'].validate({ cp_code: ' a ' }), { value: { cp_code: 'a' } });
  assert.equal(q.schemas['no.such.method'], undefined);
});

test('before init: a PayloadError with code not_initialized that says what to call', async () => {
  const q = await fresh();
  assert.equal(q.isReady(), false);
  assert.throws(() => q.check('tmall.qimendc.inventory.sync', '{}'), (e) => e instanceof q.PayloadError && e.errors[0].code === 'not_initialized' && /init\(\)/.test(e.message));
  assert.equal(q.default, q.init, 'the default export is init');
});

test('a failed init can be retried', async () => {
  const q = await fresh();
  // the message names the fix for each bundler that loses the .wasm: Vite's pre-bundling, esbuild and Rollup's copy
  await assert.rejects(q.init(Promise.resolve(new Response('not found', { status: 404 }))), (e) => /cannot load qimen_payload_bg\.wasm/.test(e.message)
    && e.message.includes("optimizeDeps.exclude: ['qimen-payload']") && e.message.includes('cp node_modules/qimen-payload/pkg/qimen_payload_bg.wasm'));
  await assert.rejects(q.init(new Uint8Array([1, 2, 3])));
  assert.equal(q.isReady(), false);
  await q.init(bytes);
  works(q);
});

test('init accepts a URL string, a URL, a Response, a Promise<Response>, bytes and a WebAssembly.Module', async () => {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/qimen_payload_bg.wasm`;
  try {
    const module = new WebAssembly.Module(bytes);
    for (const [name, input] of [
      ['URL string', () => url], ['URL', () => new URL(url)], ['Response', () => new Response(bytes, { headers: { 'content-type': 'application/wasm' } })],
      ['Promise<Response>', () => fetch(url)], ['bytes', () => bytes], ['ArrayBuffer', () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)],
      ['WebAssembly.Module', () => module],
    ]) {
      const q = await fresh();
      await q.init(input());
      assert.equal(q.isReady(), true, name);
      works(q);
      await q.init(); // initialized: resolves at once, whatever the input
    }
  } finally {
    server.close();
  }
});

test('initSync with bytes or a WebAssembly.Module', async () => {
  for (const input of [bytes, new WebAssembly.Module(bytes), { module: bytes }]) {
    const q = await fresh();
    q.initSync(input);
    works(q);
  }
});

test('the Node build without its .wasm beside it: not_initialized, then init() reads it once it is there', async () => {
  const { mkdtempSync, cpSync, rmSync, copyFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = mkdtempSync(join(tmpdir(), 'qimen-node-init-'));
  try {
    // The Node build's files, as a bundle copied without its asset.
    cpSync(new URL('../../pkg/', import.meta.url), dir, { recursive: true, filter: (src) => !src.endsWith('.wasm') });
    const q = await import(pathToFileURL(join(dir, 'node.mjs')).href);
    assert.equal(q.isReady(), false);
    assert.throws(() => q.check('tmall.qimendc.inventory.sync', '{}'), (e) => e.errors[0].code === 'not_initialized');
    await assert.rejects(q.init(), (e) => e.code === 'ENOENT' || /qimen_payload_bg\.wasm/.test(String(e.message)));
    copyFileSync(wasmUrl, join(dir, 'qimen_payload_bg.wasm'));
    await q.init();
    works(q);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
