// The tools module (issue 33: the default module's size): `schema`, `importDoc` and `apiTypes` live in
// pkg/qimen_payload_tools_bg.wasm, which the default module leaves out and the Node entries load on first use.
// Each test runs the package's entry in a child process, so that "not loaded yet" is about a fresh import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const SHARED = process.env.QIMEN_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
const TOOLS = ['schema', 'importDoc', 'apiTypes'];

/** Run `body` (ES module text) in a fresh Node with `q` imported from `entry`; its stdout parsed as JSON. */
const run = (entry, body) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e',
  `import * as q from ${JSON.stringify(entry)};\n${body}`], { encoding: 'utf8' }));

test('the default module exports no tool; the tools module exports them and everything else the default one does', () => {
  const exportsOf = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(pkg, file)))).map((e) => e.name);
  const base = exportsOf('qimen_payload_bg.wasm');
  const tools = exportsOf('qimen_payload_tools_bg.wasm');
  for (const name of ['check', 'checkAt', 'render', 'registerApi', 'exportApi']) assert.ok(base.includes(name), name);
  for (const name of TOOLS) {
    assert.ok(!base.includes(name), `the default module has ${name}`);
    assert.ok(tools.includes(name), `the tools module lacks ${name}`);
  }
  assert.deepEqual(base.filter((n) => !tools.includes(n)), [], 'the tools module lacks some default export');
  assert.ok(readFileSync(join(pkg, 'qimen_payload_bg.wasm')).length < readFileSync(join(pkg, 'qimen_payload_tools_bg.wasm')).length);
});

for (const entry of ['node.mjs', 'node.cjs']) {
  test(`${entry}: the tools module is made on first use, with the tables registered before and after it`, () => {
    const out = run(join(pkg, entry), `
      const q0 = q.default?.check ? q.default : q;
      const m = 'taobao.inventory.shopinv.adjust';
      const stats = [q0.instanceStats().toolsInstances];
      q0.check(m, '{}');
      stats.push(q0.instanceStats().toolsInstances);
      const schema = q0.schema(m);
      stats.push(q0.instanceStats().toolsInstances);
      q0.schema(m);
      stats.push(q0.instanceStats().toolsInstances);
      // A table registered after the tools instance was made: the tools see it (a new instance, with it).
      const table = q0.exportApi(m);
      table.method = 'example.stock.adjust';
      q0.registerApi(table);
      const registered = q0.schema('example.stock.adjust');
      const types = q0.apiTypes(['example.stock.adjust']);
      stats.push(q0.instanceStats().toolsInstances);
      q0.unregisterApi('example.stock.adjust');
      let gone;
      try { q0.schema('example.stock.adjust'); } catch (e) { gone = e.errors[0].code; }
      console.log(JSON.stringify({ stats, title: schema.title, registered: registered.title, types: types.includes('ExampleStockAdjust'), gone }));
    `);
    assert.deepEqual(out.stats, [0, 0, 1, 1, 2], 'not at import, not by check; once at the first tool; again after a registration');
    assert.equal(out.title, out.registered.replace('example.stock.adjust', 'taobao.inventory.shopinv.adjust'));
    assert.ok(out.registered.includes('example.stock.adjust'), out.registered);
    assert.equal(out.types, true);
    assert.equal(out.gone, 'unknown_method', 'an unregistered table is gone from the tools too');
  });
}

test('a copy of the package without the tools .wasm: checks work, a tool says what to load, initTools(bytes) loads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-tools-'));
  try {
    cpSync(pkg, dir, { recursive: true, filter: (src) => !src.endsWith('qimen_payload_tools_bg.wasm') });
    const out = run(join(dir, 'node.mjs'), `
      const m = 'tmall.qimendc.inventory.sync';
      const ok = q.check(m, '42').errors[0].code;
      let refused;
      try { q.schema(m); } catch (e) { refused = { name: e.name, code: e.errors[0].code, message: e.message }; }
      const { readFileSync } = await import('node:fs');
      await q.initTools(readFileSync(${JSON.stringify(join(pkg, 'qimen_payload_tools_bg.wasm'))}));
      console.log(JSON.stringify({ ok, refused, after: q.schema(m).title }));
    `);
    assert.equal(out.ok, 'malformed', 'the default module checks as always');
    assert.equal(out.refused.name, 'PayloadError');
    assert.equal(out.refused.code, 'tools_not_loaded');
    assert.match(out.refused.message, /await initTools\(\)/);
    assert.match(out.refused.message, /qimen_payload_tools_bg\.wasm/);
    assert.match(out.after, /tmall\.qimendc\.inventory\.sync/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importDoc through the tools module makes the table the default module registers and checks with', () => {
  const doc = join(SHARED, 'apis', 'taobao_qimen_order_cancel.json');
  const out = run(join(pkg, 'node.mjs'), `
    const { readFileSync } = await import('node:fs');
    const { table } = q.importDoc(readFileSync(${JSON.stringify(doc)}, 'utf8'));
    const method = q.registerApi(table);
    const empty = q.check(method, '{"request":{}}').errors.map((e) => \`\${e.path} \${e.code}\`);
    console.log(JSON.stringify({ method, example: q.check(method, q.example(method)).ok, empty }));
  `);
  // The doc JSON marks warehouseCode and orderCode (of request's subParams) required.
  assert.deepEqual(out, { method: 'taobao.qimen.order.cancel', example: true, empty: ['request.warehouseCode missing', 'request.orderCode missing'] });
});

test('an exception escaping through the tools module replaces its instance; the next tool call works, with the tables', () => {
  // The glue copies a string argument with TextEncoder's encodeInto, called from inside wasm when the core
  // reads the method name: made to throw, it unwinds through wasm frames (as tests/node/recovery.test.mjs
  // forces it for the default module).
  const out = run(join(pkg, 'node.mjs'), `
    const m = 'tmall.qimendc.inventory.sync';
    const table = q.exportApi(m);
    table.method = 'example.backfill';
    q.registerApi(table);
    q.schema(m);
    const before = q.instanceStats();
    const original = TextEncoder.prototype.encodeInto;
    let escaped;
    TextEncoder.prototype.encodeInto = function () { throw new Error('forced'); };
    try { q.schema(m); } catch (e) { escaped = e.message; } finally { TextEncoder.prototype.encodeInto = original; }
    const after = q.instanceStats();
    const title = q.schema('example.backfill').title;
    console.log(JSON.stringify({ escaped, before, after, last: q.instanceStats(), title, check: q.check(m, q.example(m)).ok }));
  `);
  assert.equal(out.escaped, 'forced');
  assert.equal(out.after.recoveries, out.before.recoveries + 1, 'counted as a recovery');
  assert.equal(out.last.toolsInstances, out.before.toolsInstances + 1, 'a fresh tools instance for the next call');
  assert.equal(out.last.instances, out.before.instances, 'the default instance was not touched');
  assert.match(out.title, /example\.backfill/, 'the registered table is in the fresh tools instance');
  assert.equal(out.check, true);
});
