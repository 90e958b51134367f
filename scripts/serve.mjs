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

export function startServer(port = 8080, host = '127.0.0.1', { api, config } = {}) {
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
  const { randomBytes } = await import('node:crypto');
  const gateway = await startGateway({ apps: { [appKey]: secret }, port: gatewayPort });
  // A token made for this start: the console reads it from its own origin (console-config.json, refused to
  // other sites and rebound names); every other client must be given it. No Origin header alone signs.
  const bearer = token ?? randomBytes(16).toString('hex');
  const api = signingProxy({ upstream: gateway.url, appKey, secret, token: bearer, log: () => {} });
  const server = await startServer(port, '127.0.0.1', { api, config: { proxy: '/api/', token: bearer, gatewayUrl: gateway.url, upstream: gateway.url } });
  const actual = server.address().port;
  const close = async () => {
    await new Promise((r) => server.close(r));
    await gateway.close();
  };
  return { server, url: `http://127.0.0.1:${actual}/`, gateway, token: bearer, close };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
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
