// The generated .d.ts: a typed usage example compiles with tsc --noEmit, and each deliberately wrong line of
// another example fails to compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OPTIONS = ['--strict', '--noEmit', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext'];
const tsc = (file) => spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...OPTIONS, join(root, 'tests/types', file)], { encoding: 'utf8', cwd: root });

test('the typed example compiles', () => {
  const r = tsc('good.mts');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the types stand alone: no lib dom, no @types/node (and the .wasm subpath is typed)', () => {
  const dir = join(root, 'node_modules', '.cache', 'ts-nolib');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [] },
    files: [join(root, 'tests/types/no-lib.mts')],
  }));
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', cwd: root });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('every deliberately wrong line fails to compile', () => {
  const r = tsc('wrong.mts');
  assert.notEqual(r.status, 0);
  const lines = readFileSync(join(root, 'tests/types/wrong.mts'), 'utf8').split('\n');
  const wrong = lines.map((l, i) => (l.includes('); //') ? i + 1 : 0)).filter(Boolean);
  const failing = new Set([...r.stdout.matchAll(/wrong\.mts\((\d+),/g)].map((m) => Number(m[1])));
  assert.deepEqual(wrong.filter((n) => !failing.has(n)), [], `lines that compiled but should not: ${r.stdout}`);
});

test('qimen-payload types: a registered table\'s methods are typed by module augmentation (issue 31 §5)', () => {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const cli = join(root, 'pkg', 'cli.mjs');
  const shared = process.env.QIMEN_SHARED ?? join(root, '..', 'shared');
  const table = spawnSync(process.execPath, [cli, 'import', join(shared, 'apis', 'taobao_qimen_order_cancel.json'), '--accept'], { encoding: 'utf8' });
  assert.equal(table.status, 0, table.stderr);
  writeFileSync(join(cache, 'order-cancel.json'), table.stdout);
  const types = spawnSync(process.execPath, [cli, 'types', join(cache, 'order-cancel.json')], { encoding: 'utf8' });
  assert.equal(types.status, 0, types.stderr);
  assert.match(types.stdout, /declare module 'qimen-payload'/);
  writeFileSync(join(cache, 'api-types.d.ts'), types.stdout);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...OPTIONS, join(cache, 'api-types.d.ts'), join(root, 'tests/types/registered.mts')],
    { encoding: 'utf8', cwd: root });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  // Without the augmentation the same file does not compile: the method is unknown to the types.
  const without = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...OPTIONS, join(root, 'tests/types/registered.mts')], { encoding: 'utf8', cwd: root });
  assert.notEqual(without.status, 0);
});
