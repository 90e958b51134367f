// The consumer matrix: `npm pack` the package, install the tarball into a throwaway consumer project (the
// tools pinned by tests/consumers/package-lock.json), then build and run each fixture the way its users do —
// in headless Chromium for browser bundles, as a process for servers and runtimes — and print a table.
// Every fixture runs tests/consumers/smoke.mjs against what it installed. Any failure fails the run.
//
// node tests/consumers/run.mjs [fixture…]   (QIMEN_CONSUMERS_KEEP=1 keeps the temp dir)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'qimen-consumers-'));
const bin = (name) => join(work, 'node_modules', '.bin', name);
/** The Node binary of one of the matrix's versions (devDependencies node-20.19, node-22, node-24). */
const nodeOf = (v) => join(work, 'node_modules', `node-${v}`, 'bin', 'node');
const NUXT = () => join(work, 'node_modules', 'nuxt', 'bin', 'nuxt.mjs');
const WASM = 'node_modules/qimen-payload/pkg/qimen_payload_bg.wasm';

/** Run a command in a fixture's directory; resolves with its output, rejects with it on a non-zero exit. */
function run(cwd, cmd, args, { timeout = 180_000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), timeout);
    p.on('error', (e) => { clearTimeout(timer); reject(new Error(`${cmd}: ${e.message}`)); });
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} → ${signal ?? `exit ${code}`}\n${out.slice(-3000)}`));
    });
  });
}

/** A process that should print exactly 'ok' as its last line. */
async function expectOk(cwd, cmd, args, opts) {
  const out = await run(cwd, cmd, args, opts);
  const last = out.trim().split('\n').pop();
  if (last !== 'ok') throw new Error(`expected 'ok', got:\n${out.slice(-2000)}`);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serve a directory on 127.0.0.1 (404 for what is missing, as a static host would). */
function serve(dir) {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
      if (!path.startsWith(dir) || !existsSync(path)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(readFileSync(path));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

let browser = null; // one Chromium for every page; launched once even when two workers ask at the same time
let launching = null;
async function inBrowser(dir, page = 'index.html') {
  const server = await serve(dir);
  try {
    await openPage(`http://127.0.0.1:${server.address().port}/${page}`);
  } finally {
    server.close();
  }
}

/** Open a page in headless Chromium; it must set document.body.dataset.result to 'ok'. */
async function openPage(url) {
  launching ??= import('playwright-core').then(({ chromium }) => chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }));
  browser = await launching;
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const logs = [];
  p.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  p.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  try {
    await p.goto(url);
    // an uncaught error ends the wait (a module whose top-level await rejected sets no result)
    const crashed = new Promise((resolve) => p.once('pageerror', resolve));
    await Promise.race([p.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 30_000 }).catch(() => {}), crashed]);
    const result = await p.evaluate(() => document.body && document.body.dataset.result);
    if (result !== 'ok') throw new Error(`page result: ${result ?? '(none)'}\n${logs.join('\n')}`);
  } finally {
    await ctx.close();
  }
}

/** Start a long-running server process and wait until `url` answers. */
async function startServer(cwd, cmd, args, url, extraEnv = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extraEnv };
  const p = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  p.stdout.on('data', (x) => { log += x; });
  p.stderr.on('data', (x) => { log += x; });
  const stop = () => { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } };
  for (let i = 0; i < 150; i++) {
    if (await fetch(url).then((r) => r.status < 500, () => false)) return { stop, log: () => log };
    if (p.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`${cmd} did not start serving ${url}\n${log.slice(-2000)}`);
}
/** A port the system has free now (a random one could be taken by another server or a connection's end). */
const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const copyWasm = (dir, to = 'dist') => {
  mkdirSync(join(dir, to), { recursive: true });
  copyFileSync(join(work, WASM), join(dir, to, 'qimen_payload_bg.wasm'));
  copyFileSync(join(work, WASM.replace('_bg.wasm', '_tools_bg.wasm')), join(dir, to, 'qimen_payload_tools_bg.wasm'));
};

/** POST a valid and an invalid payload to a Web Request handler over HTTP: exact Long, platform refusal. */
async function postStock(url) {
  const { STOCK } = await import('./smoke.mjs');
  const ok = await fetch(url, { method: 'POST', body: STOCK.valid, headers: { 'content-type': 'application/json' } });
  const okText = await ok.text();
  if (ok.status !== 200 || !okText.includes(`"store_id":${STOCK.long},`)) throw new Error(`POST ${url}: ${ok.status} ${okText.slice(0, 300)}`);
  const bad = await fetch(url, { method: 'POST', body: '{"shop_inventory_edit":{}}', headers: { 'content-type': 'application/json' } });
  const badText = await bad.text();
  if (bad.status !== 400 || JSON.parse(badText).error_response?.code !== 40) throw new Error(`POST ${url} (invalid): ${bad.status} ${badText.slice(0, 300)}`);
}

/** A Next.js app built (with `buildFlags`) and started: its routes, Server Component and client component. */
async function nextApp(d, buildFlags, routes = ['/api/node', '/api/edge']) {
  const env = { NEXT_TELEMETRY_DISABLED: '1' };
  await run(d, bin('next'), ['build', ...buildFlags], { timeout: 300_000, env });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const srv = await startServer(d, bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], `${base}/api/node`);
  try {
    for (const route of routes) {
      const body = await fetch(base + route).then((r) => r.text());
      if (body !== 'ok') throw new Error(`${route} (${route.endsWith('edge') ? 'Edge' : 'Node.js'} route handler) answered ${body}\n${srv.log().slice(-1500)}`);
    }
    await postStock(`${base}/api/stock`); // validateRequest in a route handler
    const server = await fetch(`${base}/server`).then(async (r) => `${r.status} ${await r.text()}`);
    if (!server.includes('server component ok mainOrderId1')) throw new Error(`/server (a Server Component) answered ${server.slice(0, 600)}\n${srv.log().slice(-1500)}`);
    await openPage(`${base}/`); // a client component
  } finally {
    srv.stop();
  }
}

/**
 * A form row's README recipe (the js block whose first line names the library): each of its code lines must be
 * a line of the fixture, so the README's recipe is what runs.
 */
function readmeRecipeIn(dir, library) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```js\n(\/\/ [^\n]*)\n([\s\S]*?)^```$/gm)].find((m) => m[1].startsWith(`// ${library} `));
  if (!block) throw new Error(`README has no recipe block for ${library}`);
  const have = new Set(readFileSync(join(dir, 'main.js'), 'utf8').split('\n').map((l) => l.trim()));
  const missing = block[2].split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//') && !have.has(l));
  if (missing.length) throw new Error(`the README's ${library} recipe is not the fixture's: ${missing.join(' | ')}`);
}

/** Built by Vite with its defaults, the page opened in Chromium. */
async function viteBuiltPage(dir) {
  await run(dir, bin('vite'), ['build']);
  await inBrowser(join(dir, 'dist'));
}

/** A server started in `dir` on a free port (`serverOf(port)` → [cmd, args, env]), its page opened in Chromium. */
async function servedPage(dir, serverOf) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const [cmd, args, env] = serverOf(port);
  const srv = await startServer(dir, cmd, args, url, env);
  try {
    await openPage(url);
  } finally {
    srv.stop();
  }
}

/** Vite's dev server started in `dir`, its page opened in Chromium. */
const viteDevPage = (dir) => servedPage(dir, (port) => [bin('vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1']]);

/** Each consumer: what its users run, start to finish. */
const consumers = {
  'node-cjs': (d) => expectOk(d, 'node', ['index.cjs']),
  'node-esm': (d) => expectOk(d, 'node', ['index.mjs']),
  'ts-strict node16': (d) => run(d, bin('tsc'), ['-p', 'tsconfig.node16.json']),
  'ts-strict nodenext': (d) => run(d, bin('tsc'), ['-p', 'tsconfig.nodenext.json']),
  'ts-strict bundler': (d) => run(d, bin('tsc'), ['-p', 'tsconfig.bundler.json']),
  attw: async () => {
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    // './wasm' and './wasm/tools' export the .wasm assets themselves (for bundlers' URL imports) and './table.schema.json' the table
    // format's JSON Schema (data, read with a JSON import or require): no JS or types to check there;
    // './gateway' and './proxy' are Node-only ES module tools, not library entries for every resolver.
    await run(work, bin('attw'), [tgz, '--format', 'table-flipped', '--no-color', '--exclude-entrypoints', './wasm', './wasm/tools', './table.schema.json', './gateway', './proxy'],
      { timeout: 120_000 });
  },
  'vite build': (d) => viteBuiltPage(d),
  // Vite 5 and 6 build for targets without top-level `await` (Vite 7's default has it): the README's line for
  // them, `build.target: 'es2022'` (here its CLI spelling), with the same idiom unchanged.
  'vite 6 build': async (d) => {
    await run(d, 'node', [join(work, 'node_modules', 'vite-6', 'bin', 'vite.js'), 'build', '--target', 'es2022']);
    await inBrowser(join(d, 'dist'));
  },
  'vite 5 build': async (d) => {
    await run(d, 'node', [join(work, 'node_modules', 'vite-5', 'bin', 'vite.js'), 'build', '--target', 'es2022']);
    await inBrowser(join(d, 'dist'));
  },
  rsbuild: async (d) => {
    await run(d, bin('rsbuild'), ['build']);
    await inBrowser(join(d, 'dist'));
  },
  // Parcel 2 resolves the package's `browser` field (without it, `main`: the Node build, polyfilled, no .wasm).
  'parcel 2': async (d) => {
    await run(d, bin('parcel'), ['build', 'index.html', '--no-cache', '--dist-dir', 'dist']);
    await inBrowser(join(d, 'dist'));
  },
  'vite dev': (d) => viteDevPage(d),
  // An npm workspace (issue 29 §2): the package hoisted to the workspace's node_modules, the app's own
  // node_modules/.vite/deps beside no copy of it. Vite's dev server cannot be asked where the package is, so
  // the page's error must name the one line; with that line in vite.config, the page works.
  'vite dev (npm workspace)': async (d) => {
    const app = join(d, 'app');
    mkdirSync(app);
    for (const f of ['index.html', 'main.js', 'smoke.mjs']) { copyFileSync(join(d, f), join(app, f)); rmSync(join(d, f)); }
    writeFileSync(join(d, 'package.json'), JSON.stringify({ name: 'ws', private: true, workspaces: ['app'] }));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'qimen-payload': '*' } }));
    cpSync(join(work, 'node_modules', 'qimen-payload'), join(d, 'node_modules', 'qimen-payload'), { recursive: true });
    const refused = await viteDevPage(app).then(() => 'the page worked', (e) => e.message);
    if (!refused.includes('installed outside this app') || !refused.includes("optimizeDeps.exclude: ['qimen-payload']")) {
      throw new Error(`without the line, the page's error does not name it:\n${refused.slice(0, 1500)}`);
    }
    writeFileSync(join(app, 'vite.config.js'), "export default { optimizeDeps: { exclude: ['qimen-payload'] } };\n");
    await viteDevPage(app);
  },
  // The form libraries of admin consoles (issue 29 §5), each app built by Vite and run in Chromium through the
  // same steps (form-steps.mjs): a bad payload's errors on their fields in Chinese, then the normalized value.
  'form antd': (d) => { readmeRecipeIn(d, 'Ant Design Form'); return viteBuiltPage(d); },
  'form element-plus': (d) => { readmeRecipeIn(d, 'Element Plus'); return viteBuiltPage(d); },
  'form vee-validate': (d) => { readmeRecipeIn(d, 'VeeValidate 4'); return viteBuiltPage(d); },
  'form formily': (d) => { readmeRecipeIn(d, 'Formily 2'); return viteBuiltPage(d); },
  // Nuxt 4 (issue 29 §6): built and served by its own server, and under `nuxt dev`, whose pre-bundled copy
  // finds the package hoisted above the app (here: the matrix's node_modules) through Vite's /@fs/ paths. On
  // Node 22, as Nuxt 4.5's engines ask (its build uses Set.prototype.difference).
  'nuxt 4 build': async (d) => {
    await run(d, nodeOf('22'), [NUXT(), 'build'], { timeout: 300_000, env: { NUXT_TELEMETRY_DISABLED: '1' } });
    await servedPage(d, (port) => [nodeOf('22'), ['.output/server/index.mjs'], { PORT: String(port), HOST: '127.0.0.1' }]);
  },
  'nuxt 4 dev': (d) => servedPage(d, (port) => [nodeOf('22'), [NUXT(), 'dev', '--port', String(port), '--host', '127.0.0.1']]),
  // Next.js 16 builds with Turbopack by default; `--webpack` is the other bundler its users build with (issue 29
  // §1): the same app, client component, Node and Edge routes and a Server Component, under each.
  'next.js (turbopack)': (d) => nextApp(d, []),
  // Next 16.4's webpack build cannot collect an Edge route at all (ENOENT route_client-reference-manifest.js,
  // also for an Edge route that imports nothing of ours), so this row builds the app without it.
  'next.js (webpack)': (d) => {
    rmSync(join(d, 'app', 'api', 'edge'), { recursive: true, force: true });
    return nextApp(d, ['--webpack'], ['/api/node']);
  },
  // With `cacheComponents` (issue 29 §1), Next refuses every route segment config (`runtime`, `dynamic`), so an
  // Edge route cannot be declared at all: the same app without them, the routes Node's, pages prerendered.
  'next.js (cacheComponents)': (d) => {
    rmSync(join(d, 'app', 'api', 'edge'), { recursive: true, force: true });
    for (const f of ['app/api/node/route.js', 'app/api/stock/route.js', 'app/server/page.js']) {
      const text = readFileSync(join(d, f), 'utf8');
      writeFileSync(join(d, f), text.replace(/^export const (runtime|dynamic) = .*\n/gm, ''));
    }
    writeFileSync(join(d, 'next.config.mjs'), 'export default { cacheComponents: true };\n');
    return nextApp(d, [], ['/api/node']);
  },
  'webpack 5': async (d) => {
    await run(d, bin('webpack'), ['--mode', 'production']);
    await inBrowser(d);
  },
  'esbuild browser': async (d) => {
    await run(d, bin('esbuild'), ['main.js', '--bundle', '--format=esm', '--outdir=dist']);
    copyWasm(d);
    await inBrowser(d);
  },
  rollup: async (d) => {
    await run(d, bin('rollup'), ['-c']);
    copyWasm(d);
    await inBrowser(d);
  },
  'esbuild node (esm)': async (d) => {
    await run(d, bin('esbuild'), ['server.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=dist/server.mjs']);
    copyWasm(d);
    rmSync(join(d, 'smoke.mjs')); // the bundle must stand alone
    await expectOk(join(d, 'dist'), 'node', ['server.mjs']);
  },
  'esbuild node (cjs)': async (d) => {
    await run(d, bin('esbuild'), ['server.cjs', '--bundle', '--platform=node', '--format=cjs', '--outfile=dist/server.cjs']);
    copyWasm(d);
    rmSync(join(d, 'smoke.mjs')); // the bundle must stand alone
    const text = readFileSync(join(d, 'dist', 'server.cjs'), 'utf8');
    if (!text.includes('qimen_payload_bg.wasm')) throw new Error('the bundle does not name the .wasm');
    await expectOk(join(d, 'dist'), 'node', ['server.cjs']);
  },
  // Each supported Node from the npm packages of its binaries (devDependencies node-20.19, node-22, node-24).
  ...Object.fromEntries(['20.19', '22', '24'].map((v) => [`node ${v}`, async (d) => {
    const node = nodeOf(v);
    await expectOk(d, node, ['index.cjs']);
    await expectOk(d, node, ['index.mjs']);
  }])),
  bun: (d) => expectOk(d, bin('bun'), ['index.mjs']),
  deno: (d) => expectOk(d, bin('deno'), ['run', '--allow-read', '--allow-env', '--allow-net=127.0.0.1', 'index.mjs'], { env: { DENO_NO_UPDATE_CHECK: '1' } }),
  workerd: async (d) => {
    await run(d, bin('esbuild'), ['worker.mjs', '--bundle', '--format=esm', '--platform=neutral', '--conditions=workerd,worker,browser',
      '--main-fields=module,main', '--loader:.wasm=copy', '--asset-names=[name]', '--outfile=dist/worker.js']);
    const port = await freePort();
    writeFileSync(join(d, 'config.capnp'), readFileSync(join(d, 'config.capnp'), 'utf8').replace('PORT', String(port)));
    const p = spawn(bin('workerd'), ['serve', 'config.capnp'], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    p.stdout.on('data', (x) => { log += x; });
    p.stderr.on('data', (x) => { log += x; });
    try {
      let body = null;
      for (let i = 0; i < 100 && body === null; i++) {
        await new Promise((r) => setTimeout(r, 200));
        body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text(), () => null);
      }
      if (body !== 'ok') throw new Error(`workerd answered ${body}\n${log.slice(-2000)}`);
      await postStock(`http://127.0.0.1:${port}/`);
    } finally {
      p.kill('SIGKILL');
    }
  },
};

// Which fixture directory each consumer uses (several share one).
const fixtureOf = (name) => ({
  'ts-strict node16': 'ts-strict', 'ts-strict nodenext': 'ts-strict', 'ts-strict bundler': 'ts-strict', 'next.js (turbopack)': 'nextjs', 'next.js (webpack)': 'nextjs', 'next.js (cacheComponents)': 'nextjs', 'vite build': 'browser-vite', 'vite dev': 'browser-vite', 'vite dev (npm workspace)': 'browser-vite', 'parcel 2': 'browser-vite', 'vite 6 build': 'browser-vite', 'vite 5 build': 'browser-vite', rsbuild: 'browser-rsbuild', 'nuxt 4 build': 'nuxt', 'nuxt 4 dev': 'nuxt', 'form antd': 'form-antd', 'form element-plus': 'form-element-plus', 'form vee-validate': 'form-vee-validate', 'form formily': 'form-formily',
  'webpack 5': 'browser-webpack', 'esbuild browser': 'browser-esbuild', rollup: 'browser-rollup', 'esbuild node (esm)': 'node-esbuild',
  'esbuild node (cjs)': 'node-esbuild', 'node 20.19': 'node-versions', 'node 22': 'node-versions', 'node 24': 'node-versions',
}[name] ?? name);

async function main() {
  const only = process.argv.slice(2);
  const names = Object.keys(consumers).filter((n) => only.length === 0 || only.some((o) => n.includes(o)));
  const t0 = Date.now();
  console.log(`[consumers] packing and installing into ${work}`);
  execFileSync('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(here, f), join(work, f));
  const npm = (args) => run(work, 'npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { timeout: 600_000 });
  // `npm install` against the committed lock installs its pinned versions (npm 11 leaves other platforms' optional
  // binaries out of the lock, which `npm ci` then refuses as out of sync).
  await npm(['install']);
  await npm(['install', '--no-save', `./${tgz}`]);

  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
      const t = Date.now();
      try {
        const fixture = join(here, 'fixtures', fixtureOf(name));
        if (existsSync(fixture)) cpSync(fixture, dir, { recursive: true });
        else mkdirSync(dir);
        copyFileSync(join(here, 'smoke.mjs'), join(dir, 'smoke.mjs'));
        if (name.startsWith('form ')) copyFileSync(join(here, 'form-steps.mjs'), join(dir, 'form-steps.mjs'));
        await consumers[name](dir);
        results.push({ name, ok: true, ms: Date.now() - t });
      } catch (e) {
        results.push({ name, ok: false, ms: Date.now() - t, error: e.message });
      }
      console.log(`[consumers] ${results.at(-1).ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  };
  await Promise.all([worker(), worker()]);
  if (browser) await browser.close();

  results.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  console.log('\nconsumer                 result   seconds');
  for (const r of results) console.log(`${r.name.padEnd(24)} ${(r.ok ? 'ok' : 'FAIL').padEnd(8)} ${(r.ms / 1000).toFixed(1)}`);
  for (const r of results.filter((x) => !x.ok)) console.log(`\n--- ${r.name}\n${r.error}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nconsumers: ${results.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (!process.env.QIMEN_CONSUMERS_KEEP) rmSync(work, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (e) => {
  console.error(e);
  process.exitCode = 1;
  if (browser) await browser.close();
});
