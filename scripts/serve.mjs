// Serves the admin console (www/) and the built package (pkg/) on http://127.0.0.1:8080 with a strict
// Content-Security-Policy, so that anything needing eval breaks visibly. Used by `npm start` and by the
// browser tests (which import `startServer`).
import { createServer } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathOf, isLoopbackHost, fromOtherSite } from '../pkg/http.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};
// The console is never framed by another page (clickjacking of Send).
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'";
const SAFE = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };

/** Map a decoded URL path to a file and the folder it must stay in: /pkg/... from the build, the rest from www/. */
function resolve(decoded) {
  const clean = normalize(decoded).replace(/^([/\\])+/, '');
  if (clean.startsWith('..') || clean.includes('\0')) return null;
  if (clean.startsWith('pkg/')) return { file: join(root, clean), inside: join(root, 'pkg') };
  return { file: join(root, 'www', clean === '' ? 'index.html' : clean), inside: join(root, 'www') };
}

/** The file's bytes when it is really inside its folder (a symbolic link out of www/ is not served). */
async function readInside({ file, inside }) {
  const [real, base] = await Promise.all([realpath(file), realpath(inside)]);
  if (!real.startsWith(base + sep)) throw new Error('outside');
  return readFile(real);
}

/**
 * The stack's door for the console's added APIs: `POST /stack/apis` (a table file, as `registerApi` takes it)
 * registers it in this process, so that the signing proxy and the local gateway behind the console take the
 * method at once; `DELETE /stack/apis/<method>` removes it. The per-start token is required, and the console's
 * own site (as for the proxy): a table changes what every client of this stack is answered.
 */
function tablesDoor(q, token) {
  const reply = (res, status, value) => {
    res.writeHead(status, { ...SAFE, 'Content-Type': TYPES['.json'] });
    res.end(JSON.stringify(value));
  };
  const problems = (errors) => errors.map(({ path: at, code, message }) => ({ path: at, code, message }));
  return async (req, res, path) => {
    if (fromOtherSite((name) => req.headers[name])) return reply(res, 403, { ok: false, error: 'forbidden' });
    if (String(req.headers.authorization ?? '') !== `Bearer ${token}`) return reply(res, 401, { ok: false, error: 'the stack token is required' });
    if (req.method === 'POST' && path === '/stack/apis') {
      // The servers' one bounded reader (the core's input limit, a timeout, the rest drained); the table's own
      // limits are the core's, checked by registerApi.
      const read = await q.readNodeBody(req);
      if (read.refusal) {
        res.setHeader('Connection', 'close');
        return reply(res, q.statusOf(read.refusal), { ok: false, errors: problems(read.refusal.errors) });
      }
      try {
        return reply(res, 200, { ok: true, method: q.registerApi(read.body) });
      } catch (e) {
        if (!(e instanceof q.PayloadError)) throw e;
        // Too large is the core's refusal too (a table file is at most MAX_TABLE_BYTES), said as HTTP says it.
        const tooLarge = e.errors.every((p) => p.code === 'too_large');
        return reply(res, tooLarge ? 413 : 422, { ok: false, errors: problems(e.errors) });
      }
    }
    if (req.method === 'DELETE' && path.startsWith('/stack/apis/')) {
      let method;
      try {
        method = decodeURIComponent(path.slice('/stack/apis/'.length));
      } catch {
        return reply(res, 400, { ok: false, error: 'bad method name' });
      }
      return reply(res, 200, { ok: true, removed: q.unregisterApi(method) });
    }
    res.setHeader('Allow', 'POST, DELETE');
    return reply(res, 405, { ok: false, error: 'method not allowed' });
  };
}

export function startServer(port = 8080, host = '127.0.0.1', { api, config, tables } = {}) {
  let actualPort;
  const plain = (res, status, text, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SAFE, ...headers });
    res.end(text);
  };
  async function serve(req, res) {
    const target = pathOf(req.url);
    if (!target) return plain(res, 400, 'bad request target', { Connection: 'close' });
    // Only this machine's names for this server: a Host naming anything else is a page that rebound its name.
    if (!isLoopbackHost(req.headers.host, actualPort)) return plain(res, 421, 'misdirected request');
    // The signing proxy, mounted on the console's own origin (no CORS, the page's CSP unchanged).
    if (api && target.path.startsWith('/api/')) return api(req, res);
    if (tables && (target.path === '/stack/apis' || target.path.startsWith('/stack/apis/'))) return tables(req, res, target.path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    // What the console should know about the stack: where the proxy is, the per-start token it signs with, and
    // where the local gateway is (for curl). Only to the console's own page (or a client outside a browser).
    if (config && target.path === '/console-config.json') {
      if (fromOtherSite((name) => req.headers[name])) return plain(res, 403, 'forbidden');
      res.writeHead(200, { ...SAFE, 'Content-Type': TYPES['.json'] });
      return res.end(JSON.stringify(config));
    }
    const where = resolve(target.decoded);
    try {
      if (!where) throw new Error('outside');
      const body = await readInside(where);
      res.writeHead(200, { ...SAFE, 'Content-Type': TYPES[extname(where.file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      plain(res, 404, 'not found');
    }
  }
  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'server error');
      else res.destroy();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      actualPort = server.address().port;
      ok(server);
    });
  });
}

/**
 * The console with the local gateway behind it and the signing proxy on its origin (issue 16): what `npm start`
 * runs, and what the browser tests open (ports 0: any free ones).
 */
export async function startStack({ port = 8080, gatewayPort = 9000, appKey = '12345678', secret = 'local-dev-secret', token } = {}) {
  const { startGateway } = await import('../pkg/gateway.mjs');
  const { signingProxy } = await import('../pkg/proxy.mjs');
  const q = await import('../pkg/node.mjs');
  const { randomBytes } = await import('node:crypto');
  const gateway = await startGateway({ apps: { [appKey]: secret }, port: gatewayPort });
  // A token made for this start: the console reads it from its own origin (console-config.json, refused to
  // other sites and rebound names); every other client must be given it. No Origin header alone signs.
  const bearer = token ?? randomBytes(16).toString('hex');
  const api = signingProxy({ upstream: gateway.url, appKey, secret, token: bearer, log: () => {} });
  const config = { proxy: '/api/', token: bearer, gatewayUrl: gateway.url, upstream: gateway.url, tables: '/stack/apis' };
  const server = await startServer(port, '127.0.0.1', { api, config, tables: tablesDoor(q, bearer) });
  const actual = server.address().port;
  const close = async () => {
    await new Promise((r) => server.close(r));
    await gateway.close();
  };
  return { server, url: `http://127.0.0.1:${actual}/`, gateway, token: bearer, close };
}

/** `npm start -- --api FILE …`: each table registered before the stack starts (a refused one stops it, named). */
async function registerArgs(args) {
  const q = await import('../pkg/node.mjs');
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--api' || args[i + 1] === undefined) throw new Error(`usage: npm start -- [--api TABLE.json]… (not ${args[i]})`);
    const file = args[++i];
    try {
      q.registerApi(await readFile(file, 'utf8'));
    } catch (e) {
      const why = e.errors ? e.errors.map((p) => `  ${p.path || '(the file)'}: ${p.message}`).join('\n') : `  ${e.message}`;
      throw new Error(`--api ${file} is not a usable table:\n${why}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await registerArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const appKey = process.env.QIMEN_APP_KEY ?? '12345678';
  const secret = process.env.QIMEN_SECRET ?? 'local-dev-secret';
  const s = await startStack({
    port: Number(process.env.PORT ?? 8080), gatewayPort: Number(process.env.GATEWAY_PORT ?? 9000), appKey, secret, token: process.env.QIMEN_PROXY_TOKEN,
  });
  console.log(`qimen-payload admin console: ${s.url}`);
  console.log(`qimen-payload local gateway: ${s.gateway.url}/router/rest (TOP), ${s.gateway.url}/router/qm (Qimen), ledger ${s.gateway.url}/_ledger`);
  console.log(`  app key ${appKey}, secret ${process.env.QIMEN_SECRET ? '(QIMEN_SECRET)' : secret}`);
  console.log(`qimen-payload signing proxy: POST ${s.url}api/<method> (from the console, or with Authorization: Bearer ${s.token})`);
}
