// The frameworks these teams run, each with the README's recipe, over real HTTP with the same five requests
// (issue 28 §3): NestJS 10, Egg.js 3 and Midway 3, pinned in tests/frameworks (installed once into
// node_modules/.cache/frameworks, with this build's tarball beside them, as a fresh project would have it).
// NestJS 11 runs the same in tests/node/nest.test.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHOP, fiveRequests, poster, startNest } from './framework-contract.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = join(root, 'node_modules', '.cache', 'frameworks');
let require;
let q;

/** The pinned frameworks (again only when the lock changed), then this build's tarball. */
before(() => {
  mkdirSync(work, { recursive: true });
  const lock = join(root, 'tests', 'frameworks', 'package-lock.json');
  const stamp = join(work, '.installed');
  if (!existsSync(stamp) || statSync(lock).mtimeMs > statSync(stamp).mtimeMs) {
    copyFileSync(join(root, 'tests', 'frameworks', 'package.json'), join(work, 'package.json'));
    copyFileSync(lock, join(work, 'package-lock.json'));
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: work, stdio: 'inherit', timeout: 600_000 });
    writeFileSync(stamp, '');
  }
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--silent', `./${tgz}`], { cwd: work, timeout: 300_000 });
  require = createRequire(join(work, 'package.json'));
  q = require('qimen-payload');
});

test('NestJS 10: app.use(path, middleware(method)) — the five requests, with the defaults and { rawBody: true }', async () => {
  require('reflect-metadata');
  const nest = { common: require('@nestjs/common'), core: require('@nestjs/core') };
  assert.match(require('@nestjs/core/package.json').version, /^10\./);
  for (const options of [{}, { rawBody: true }]) {
    const { app, post } = await startNest(nest, q, options);
    try {
      await fiveRequests(post, q.limits().maxInputBytes);
    } finally {
      await app.close();
    }
  }
});

/** A small app directory: `files` relative to it. */
function app(name, files) {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The README's Egg.js recipe, file for file: each block whose first line is `// <path> (Egg.js)`. */
function eggFromReadme() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const files = {};
  for (const [, path, text] of readme.matchAll(/```js\n\/\/ (\S+) \(Egg\.js\)\n([\s\S]*?)```/g)) files[path] = text;
  assert.deepEqual(Object.keys(files).sort(), ['app/middleware/qimen.js', 'app/router.js', 'config/config.default.js']);
  // Another route, keeping egg's own parser and CSRF check (the test's own).
  files['app/router.js'] = files['app/router.js'].replace(/};\s*$/, "  app.router.post('/other', async (ctx) => { ctx.body = { got: ctx.request.body }; });\n};\n");
  return {
    ...files,
    'package.json': JSON.stringify({ name: 'stock-service' }),
    // (The test's own: egg's logs stay in the app directory and off the test output, and the plugins whose
    // timers outlive app.close() in single mode — schedule, the log rotation built on it, file watching — stay off.)
    'config/config.unittest.js': `exports.logger = { consoleLevel: 'NONE' };`,
    'config/plugin.unittest.js': `exports.schedule = false; exports.logrotator = false; exports.watcher = false; exports.development = false;`,
  };
}

test('Egg.js 3: an app middleware matched to the route, the route out of bodyParser and CSRF — the five requests', async () => {
  const egg = require('egg');
  assert.match(require('egg/package.json').version, /^3\./);
  const application = await egg.start({ baseDir: app('egg-app', eggFromReadme()), env: 'unittest' });
  const server = http.createServer(application.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await fiveRequests(poster(`${base}/stock`), q.limits().maxInputBytes);
    // Egg's parser still serves the app's other routes (and its CSRF check guards them).
    const other = await poster(`${base}/other`)('{"a":1}');
    assert.equal(other.status, 403, other.text);
  } finally {
    // (fetch keeps its connections alive: closed with the server.)
    server.closeAllConnections();
    server.close();
    await application.close();
    await application.agent.close();
  }
});

// The README's Midway recipe: the check first among the middlewares (ahead of the framework's body parser).
function midway() {
  const { Configuration, Controller, Post, Inject, App } = require('@midwayjs/core');
  const koa = require('@midwayjs/koa');
  const check = q.koa(SHOP);
  class StockController {
    async adjust() {
      q.sendJson(this.ctx, { applied: this.ctx.state.qimen.value });
    }
  }
  Inject()(StockController.prototype, 'ctx');
  Controller('/')(StockController);
  Post('/stock')(StockController.prototype, 'adjust', Object.getOwnPropertyDescriptor(StockController.prototype, 'adjust'));
  class MainConfiguration {
    async onReady() {
      this.app.getMiddleware().insertFirst(async (ctx, next) => (ctx.path === '/stock' ? check(ctx, next) : next()));
    }
  }
  App('koa')(MainConfiguration.prototype, 'app');
  Configuration({ imports: [koa], importConfigs: [{ default: { keys: 'stock-service', koa: { port: 0 } } }] })(MainConfiguration);
  return { MainConfiguration, StockController };
}

test('Midway 3 (koa): the check inserted first, ahead of the body parser — the five requests', async () => {
  const { Bootstrap } = require('@midwayjs/bootstrap');
  const { Framework } = require('@midwayjs/koa');
  assert.match(require('@midwayjs/core/package.json').version, /^3\./);
  const { MainConfiguration, StockController } = midway();
  await Bootstrap.configure({
    baseDir: app('midway-app', { 'package.json': JSON.stringify({ name: 'stock-service' }) }),
    imports: [{ Configuration: MainConfiguration }],
    preloadModules: [StockController],
    moduleDetector: false,
    logger: false,
  }).run();
  try {
    const framework = await Bootstrap.getApplicationContext().getAsync(Framework);
    const base = `http://127.0.0.1:${framework.getServer().address().port}`;
    await fiveRequests(poster(`${base}/stock`), q.limits().maxInputBytes);
  } finally {
    await Bootstrap.stop();
  }
});

test('the pinned versions are the ones installed', () => {
  const pinned = JSON.parse(readFileSync(join(root, 'tests', 'frameworks', 'package.json'), 'utf8')).dependencies;
  for (const [name, version] of Object.entries(pinned)) {
    assert.equal(JSON.parse(readFileSync(join(work, 'node_modules', name, 'package.json'), 'utf8')).version, version, name);
  }
});
