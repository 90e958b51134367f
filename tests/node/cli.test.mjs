// The CLI spawned as a process, as `npx qimen-payload` runs it: exit codes, stdin, files, --json, --lang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['qimen-payload']);
const run = (args, { input, env } = {}) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
const SHOP = 'taobao.inventory.shopinv.adjust';
const seed = readFileSync(join(root, 'tests/cases', SHOP, 'seed_example.json'), 'utf8');
const seedPayload = JSON.stringify(JSON.parse(seed).input);

test('check: valid from stdin exits 0; invalid exits 1 with paths; --json is the report', () => {
  const ok = run(['check', SHOP], { input: seedPayload });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /valid/);
  const bad = run(['check', SHOP, '-'], { input: '{"shop_inventory_edit":{}}' });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /shop_inventory_edit\.order_id \[missing\]/);
  const json = JSON.parse(run(['check', SHOP, '--json'], { input: '{"shop_inventory_edit":{}}' }).stdout);
  assert.equal(json.ok, false);
  assert.equal(json.errors.length, 5);
});

test('check --lang zh prints Chinese messages; plain output has no colour codes off a TTY', () => {
  const r = run(['check', SHOP, '--lang', 'zh'], { input: '{}' });
  assert.match(r.stdout, /必填/);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
});

test('files: check a file; a missing file is an I/O error (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qp-'));
  const f = join(dir, 'p.json');
  writeFileSync(f, `\uFEFF${seedPayload}`); // with a BOM, as Windows editors save
  assert.equal(run(['check', SHOP, f]).status, 0);
  const missing = run(['check', SHOP, join(dir, 'nope.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
});

test('usage errors exit 2: unknown method lists the methods, unknown command, missing method, bad flag', () => {
  const m = run(['check', 'taobao.nope'], { input: '{}' });
  assert.equal(m.status, 2);
  for (const name of ['qimen.taobao.pos.inventory.synchronize', 'qimen.taobao.pos.items.synchronize', 'tmall.qimendc.inventory.sync', SHOP]) assert.match(m.stderr, new RegExp(name.replaceAll('.', '\\.')));
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['check']).status, 2);
  assert.equal(run(['render', SHOP, '--format', 'yaml'], { input: seedPayload }).status, 2);
  assert.equal(run(['check', SHOP, '--bogus'], { input: seedPayload }).status, 2);
});

test('--help for every command', () => {
  for (const c of ['check', 'render', 'chunk', 'schema', 'sign', 'methods']) {
    const r = run([c, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`Usage: qimen-payload ${c}`));
  }
  assert.match(run(['--help']).stdout, /Commands:/);
});

test('render xml and json; an invalid payload exits 1', () => {
  const xml = run(['render', SHOP, '--format', 'xml'], { input: seedPayload });
  assert.equal(xml.status, 0);
  assert.equal(xml.stdout.trim(), JSON.parse(seed).xml);
  assert.equal(run(['render', SHOP], { input: seedPayload }).stdout.trim(), JSON.parse(seed).json);
  assert.equal(run(['render', SHOP], { input: '{}' }).status, 1);
});

test('chunk: one payload per line, or files in --out-dir', () => {
  const items = Array.from({ length: 45 }, (_, i) => ({ itemCode: `S${i}`, paperQty: 1 }));
  const payload = JSON.stringify({ item: items });
  const lines = run(['chunk', 'qimen.taobao.pos.inventory.synchronize'], { input: payload }).stdout.trim().split('\n');
  assert.deepEqual(lines.map((l) => JSON.parse(l).item.length), [20, 20, 5]);
  const dir = mkdtempSync(join(tmpdir(), 'qp-'));
  assert.equal(run(['chunk', 'qimen.taobao.pos.inventory.synchronize', '--out-dir', dir], { input: payload }).status, 0);
  assert.deepEqual(readdirSync(dir).sort(), ['chunk-001.json', 'chunk-002.json', 'chunk-003.json']);
});

test('schema and methods', () => {
  assert.equal(JSON.parse(run(['schema', SHOP]).stdout).$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(JSON.parse(run(['methods', '--json']).stdout).length, 4);
});

test('sign reads the secret from QIMEN_SECRET only, and never prints it', () => {
  const secret = 'cli-s3cret-xyz';
  const r = run(['sign', SHOP, '--app-key', 'K', '--timestamp', '0'], { input: seedPayload, env: { QIMEN_SECRET: secret } });
  assert.equal(r.status, 0, r.stderr);
  const req = JSON.parse(r.stdout);
  assert.equal(req.query.timestamp, '1970-01-01 08:00:00');
  assert.match(req.sign, /^[0-9A-F]{64}$/, "hmac-sha256 by default, as the SDKs");
  assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret));
  const none = run(['sign', SHOP, '--app-key', 'K'], { input: seedPayload, env: { QIMEN_SECRET: '' } });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /QIMEN_SECRET/);
});

// Through a shell pipe, as users type it: `(sleep 0.3; cat p.json) | qimen-payload check …`.
const shell = (script, env = {}) => spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', QP: bin, NODE: process.execPath, ...env }, maxBuffer: 64 * 1024 * 1024 });

test('stdin: a slow pipe and a multi-MB pipe are read to the end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qp-pipe-'));
  const file = join(dir, 'p.json');
  writeFileSync(file, seedPayload);
  const slow = shell(`(sleep 0.3; cat "${file}") | "$NODE" "$QP" check ${SHOP}`);
  assert.equal(slow.status, 0, slow.stderr);
  assert.match(slow.stdout, /^valid/m);
  // ~6 MB: the seed payload padded with whitespace (still one valid JSON text), written in bursts.
  const big = join(dir, 'big.json');
  writeFileSync(big, seedPayload.replace('{', `{${' '.repeat(6 * 1024 * 1024)}`));
  const large = shell(`(cat "${big}"; sleep 0.2) | "$NODE" "$QP" check ${SHOP} --json`);
  assert.equal(large.status, 0, large.stderr.slice(0, 500));
  assert.equal(JSON.parse(large.stdout).ok, true);
});

test('stdin is bounded: /dev/zero is refused past the input limit, exit 1, without reading it all', () => {
  const r = shell(`head -c 200000000 /dev/zero | "$NODE" "$QP" check ${SHOP}`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\[too_large\].*8388608/);
});

test('--version prints the package version; exit codes: every bad option is a usage error (2)', () => {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  assert.equal(run(['--version']).stdout.trim(), version);
  const env = { QIMEN_SECRET: 's' };
  for (const args of [['--sign-method', 'sha1'], ['--body', 'soap'], ['--timestamp', 'yesterday'], ['--format', 'yaml'], ['--body', 'xml']]) {
    const r = run(['sign', 'tmall.qimendc.inventory.sync', '--app-key', 'K', ...args], { input: '{}', env });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.equal(run(['render', SHOP, '--format', 'yaml'], { input: seedPayload }).status, 2);
});

test('--lang zh translates every word; the methods table is aligned', () => {
  const bad = run(['check', SHOP, '--lang', 'zh'], { input: '{"shop_inventory_edit":{}}' });
  assert.match(bad.stdout, /^错误 shop_inventory_edit\.order_id/m);
  assert.match(bad.stdout, /^无效: 5 个错误, 0 个警告$/m);
  assert.doesNotMatch(bad.stdout, /\b(error|warning|invalid|valid)\b/);
  assert.match(run(['check', SHOP, '--lang', 'zh'], { input: seedPayload }).stdout, /^有效/m);
  const lines = run(['methods']).stdout.trim().split('\n');
  const starts = lines.map((l) => l.search(/ {2}\S+ ≤ /));
  assert.equal(new Set(starts).size, 1, 'the list column starts at one place');
  const summaries = lines.map((l) => l.search(/ {2}[A-Z]/));
  assert.equal(new Set(summaries).size, 1, 'the summary column starts at one place');
});

test('chunk --out-dir: new or empty directories only, no symlinks, all files at once', async () => {
  const { symlinkSync, mkdirSync: mk, lstatSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'qp-out-'));
  const item = Array.from({ length: 45 }, (_, i) => ({ itemCode: `C${i}`, paperQty: 1 }));
  const payload = JSON.stringify({ orderInfo: { storeCode: 'S' }, item });
  const M = 'qimen.taobao.pos.inventory.synchronize';
  assert.equal(run(['chunk', M, '--out-dir', join(dir, 'new')], { input: payload }).status, 0);
  assert.deepEqual(readdirSync(join(dir, 'new')), ['chunk-001.json', 'chunk-002.json', 'chunk-003.json']);
  const again = run(['chunk', M, '--out-dir', join(dir, 'new')], { input: payload });
  assert.equal(again.status, 2, 'an existing non-empty directory is not overwritten');
  assert.match(again.stderr, /not empty/);
  mk(join(dir, 'empty'));
  assert.equal(run(['chunk', M, '--out-dir', join(dir, 'empty')], { input: payload }).status, 0);
  assert.equal(readdirSync(join(dir, 'empty')).length, 3);
  mk(join(dir, 'target'));
  symlinkSync(join(dir, 'target'), join(dir, 'link'));
  assert.equal(run(['chunk', M, '--out-dir', join(dir, 'link')], { input: payload }).status, 2);
  assert.equal(readdirSync(join(dir, 'target')).length, 0, 'nothing written through the link');
  assert.ok(lstatSync(join(dir, 'link')).isSymbolicLink());
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no staging directory left behind');
});

test('output into a closed pipe (head) ends quietly, without a stack trace', () => {
  // ~1 MB of output: far more than a pipe buffer holds once head has gone.
  const item = Array.from({ length: 30000 }, (_, i) => ({ itemCode: `C${i}`, paperQty: 1 }));
  const dir = mkdtempSync(join(tmpdir(), 'qp-epipe-'));
  writeFileSync(join(dir, 'p.json'), JSON.stringify({ item }));
  const r = shell(`"$NODE" "$QP" chunk qimen.taobao.pos.inventory.synchronize "${join(dir, 'p.json')}" | head -c 10 > /dev/null`);
  assert.equal(r.stderr, '');
});
