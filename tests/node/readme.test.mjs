// README code runs as written (issue 28 §1): every fenced js, ts and sh block of README.md is executed, in README
// order, in a fresh project (node_modules/.cache/readme-project) with the packed tarball installed — the
// frameworks a block imports resolve from this repository's devDependencies. A block that starts a server is
// started, sent real requests and stopped; the servers of the sh blocks (gateway, proxy) keep running for the
// blocks after them, as in a second terminal. The blocks not run are listed in NOT_RUN with the reason; a new
// block of an unknown kind fails the test until it is run or listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as q from 'qimen-payload';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '9007199254740993';
const VALID = `{"shop_inventory_edit":{"order_id":"o1","store_id":${LONG},"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}`;

// Blocks not executed, each with the reason (matched by the block's first line).
const NOT_RUN = new Map([
  ['npm install qimen-payload', 'installs from the registry: the test installs this build\'s tarball the same way instead'],
  ['npm start', 'these are the commands that run this very suite (CI runs npm test from a fresh clone)'],
  ['// config/config.default.js (Egg.js)', 'an Egg.js app\'s file: the app is built from these blocks and run by tests/node/frameworks.test.mjs'],
  ['// app/middleware/qimen.js (Egg.js)', 'an Egg.js app\'s file: run by tests/node/frameworks.test.mjs'],
  ['// app/router.js (Egg.js)', 'an Egg.js app\'s file: run by tests/node/frameworks.test.mjs'],
  ['// src/configuration.ts (Midway)', 'a Midway app\'s configuration (decorators, Midway\'s own loader): the same setup, decorators applied as functions, runs in tests/node/frameworks.test.mjs'],
  ['// Ant Design Form (React): errors and warnings (in their own colour) on their fields; fixed fields cleared', 'a React component\'s lines: run in Chromium in the fixture tests/consumers/fixtures/form-antd, which run.mjs checks holds them'],
  ['// Element Plus (Vue): <el-form-item :prop="p" :rules="rulesFor(p)">, one check of the model per change', 'a Vue app\'s line: run in Chromium in tests/consumers/fixtures/form-element-plus, which holds it'],
  ['// VeeValidate 4 (Vue): errors at its field paths (item[3].itemCode); handleSubmit receives the normalized value', 'a Vue component\'s line: run in Chromium in tests/consumers/fixtures/form-vee-validate, which holds it'],
  ['// Formily 2 (here with @formily/react): one validator for every field (or a schema\'s x-validator); submit sends the checked value', 'a React app\'s lines: run in Chromium in tests/consumers/fixtures/form-formily, which run.mjs checks holds them'],
  ['let r = qimen_payload::check(', 'Rust: compiled and run by cargo test as a doc test (src/lib.rs, ReadmeDoctests)'],
]);

/** The fenced blocks of the README: language, first line number, text. */
function blocks() {
  const out = [];
  let open = null;
  readFileSync(join(root, 'README.md'), 'utf8').split('\n').forEach((line, i) => {
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence && !open) open = { lang: fence[1], line: i + 1, lines: [] };
    else if (fence) {
      out.push({ ...open, text: open.lines.join('\n') });
      open = null;
    } else if (open) open.lines.push(line);
  });
  return out;
}

/** A fresh consumer project with the packed tarball installed, and the files the sh blocks name. */
function project() {
  const dir = join(root, 'node_modules', '.cache', 'readme-project');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-project', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--offline', `./${tgz}`], { cwd: dir });
  writeFileSync(join(dir, 'payload.json'), VALID);
  writeFileSync(join(dir, 'pos.json'), q.example('qimen.taobao.pos.inventory.synchronize'));
  const big = JSON.parse(q.example('tmall.qimendc.inventory.sync'));
  big.items = Array.from({ length: 250 }, (_, i) => ({ ...big.items[0], item_code: `C${i}`, item_id: `sn${i}` }));
  writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
  // The doc JSON the tables section imports: this project's own small fixture in the platform's format.
  writeFileSync(join(dir, 'doc.json'), JSON.stringify({
    name: 'example.stock.report',
    apiChineseName: '库存报告(示例)',
    requestParams: [
      { name: 'warehouseCode', type: 'String', required: true, description: '仓库编码,string(8)' },
      { name: 'kind', type: 'String', description: '库存类型(ZP=正品;CC=残次)' },
      { name: 'lines', type: 'Line[]', required: true, description: '明细,最多3条', subParams: [
        { name: 'itemCode', type: 'String', required: true, description: '商品编码' },
        { name: 'quantity', type: 'Number', required: true, description: '数量' }] }],
    responseParams: [{ name: 'flag', type: 'String', description: 'success|failure' }],
  }));
  writeFileSync(join(dir, 'stock.json'), JSON.stringify({ warehouseCode: 'WH01', kind: 'ZP', lines: [{ itemCode: 'A', quantity: 1 }] }));
  return dir;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, probe, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    if (await probe().catch(() => false)) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A long-running process (a server); `out()` is what it printed so far. */
function background(cmd, args, cwd, env) {
  // Its own process group, so that stopping it stops what it started (bash → npx → node).
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  child.stdout.on('data', (d) => { text += d; });
  child.stderr.on('data', (d) => { text += d; });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    return child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  };
  return { child, out: () => text, stop };
}

/** The requests a server block must answer: the valid payload with its Long exact, an invalid one refused. */
async function serves(url) {
  const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: VALID });
  const text = await ok.text();
  assert.equal(ok.status, 200, text);
  assert.match(text, new RegExp(`"store_id":${LONG}[,}]`), text);
  const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"shop_inventory_edit":{}}' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error_response.code, 40);
}

/** A ts block compiled as `tsc` would with Nest's settings (decorators and their metadata), then run as js. */
async function runTs(block, dir, n) {
  const ts = (await import('typescript')).default;
  const { outputText, diagnostics } = ts.transpileModule(block.text, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true },
  });
  assert.deepEqual(diagnostics.map((d) => d.messageText), [], `README line ${block.line} compiles`);
  return runJs({ ...block, text: outputText }, dir, n);
}

async function runJs(block, dir, n) {
  const file = join(dir, `block-${n}.mjs`);
  writeFileSync(file, block.text);
  if (/\.listen\(/.test(block.text)) {
    const server = background(process.execPath, [file], dir);
    try {
      await until(`the server of README line ${block.line}`, async () => (await fetch('http://127.0.0.1:3000/stock', { method: 'OPTIONS' })).status > 0);
      await serves('http://127.0.0.1:3000/stock');
    } finally {
      await server.stop();
    }
    return;
  }
  const mod = await import(pathToFileURL(file));
  if (mod.POST) {
    // A Web Request handler (the Next.js route): called with a Request, as the framework calls it.
    const res = await mod.POST(new Request('http://localhost/api/stock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: VALID }));
    assert.equal(res.status, 200);
    assert.match(await res.text(), new RegExp(`"store_id":${LONG}[,}]`));
  } else if (mod.router && mod.app) {
    const caller = mod.router.createCaller({});
    const out = await caller.adjust(JSON.parse(VALID.replace(LONG, '12')));
    assert.equal(out.shop_inventory_edit.store_id, 12);
    const res = await mod.app.request('/stock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: q.example('tmall.qimendc.inventory.sync') });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).items[0].quantity, 12);
  }
  // Otherwise a script: importing it ran it (its top-level await included); it must not have thrown.
}

async function runSh(block, dir, servers) {
  const env = { TOKEN: 'readme-token' };
  const lines = block.text.replace(/\\\n\s*/g, '').split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of lines) {
    if (/npx qimen-payload (gateway|proxy)\b/.test(line)) {
      const s = background('bash', ['-c', line], dir, env);
      servers.push(s);
      await until(`"${line}" to listen`, async () => /listening on/.test(s.out()) || (s.child.exitCode !== null && assert.fail(`${line}: ${s.out()}`)));
      continue;
    }
    // Exit 0 or execFileSync throws, with what the line printed.
    const out = execFileSync('bash', ['-c', line], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (/\/api\//.test(line)) assert.equal(JSON.parse(out).ok, true, out); // the proxied call applied upstream
  }
}

test('every js, ts and sh block of the README runs as written against the packed tarball', { timeout: 300_000 }, async (t) => {
  const dir = project();
  const servers = [];
  const ran = [];
  try {
    let n = 0;
    for (const block of blocks()) {
      n += 1;
      const first = block.text.split('\n')[0];
      const reason = [...NOT_RUN].find(([start]) => first.startsWith(start))?.[1];
      if (reason) {
        t.diagnostic(`README line ${block.line} not run: ${reason}`);
        continue;
      }
      if (block.lang === 'json') continue; // an answer shown, not code
      assert.ok(['js', 'ts', 'sh'].includes(block.lang), `README line ${block.line}: a \`${block.lang}\` block is neither run nor listed in NOT_RUN`);
      try {
        if (block.lang === 'js') await runJs(block, dir, n);
        else if (block.lang === 'ts') await runTs(block, dir, n);
        else await runSh(block, dir, servers);
      } catch (e) {
        e.message = `README line ${block.line}: ${e.message}\n${servers.map((s) => s.out()).join('\n')}`;
        throw e;
      }
      ran.push(block.line);
    }
    assert.ok(ran.length >= 9, `blocks run: ${ran.join(', ')}`);
    // What the blocks made: the journal of the gateway block, the chunk files of the CLI block.
    assert.ok(readFileSync(join(dir, 'gateway.jsonl'), 'utf8').length > 0, 'the proxied call reached the gateway and was journalled');
    assert.equal(readdirSync(join(dir, 'chunks')).length, 3, '250 qimendc entries in chunks of 100');
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
});
