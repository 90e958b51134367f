// Serves the admin console (www/) and the built package (pkg/) on http://127.0.0.1:8080 with a strict
// Content-Security-Policy, so that anything needing eval breaks visibly. Used by `npm start` and by the
// browser tests (which import `startServer`).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Map a URL path to a file: /pkg/... from the package build, everything else from www/. */
function resolve(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  if (clean.startsWith('..')) return null;
  if (clean.startsWith('pkg/')) return join(root, clean);
  return join(root, 'www', clean === '' ? 'index.html' : clean);
}

export function startServer(port = 8080, host = '127.0.0.1', { api, config } = {}) {
  const server = createServer(async (req, res) => {
    // The signing proxy, mounted on the console's own origin (no CORS, the page's CSP unchanged).
    if (api && req.url.startsWith('/api/')) return api(req, res);
    // What the console should know about the stack: that a proxy signs (so it asks for no secret), and
    // where the local gateway is (for curl).
    if (config && req.url === '/console-config.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify(config));
    }
    const file = resolve(new URL(req.url, 'http://x').pathname);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP });
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
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
  const bearer = token ?? randomBytes(12).toString('hex');
  // The console's origin is allowlisted once its port is known (0 picks one).
  const origins = [];
  const api = signingProxy({ upstream: gateway.url, appKey, secret, token: bearer, origins, log: () => {} });
  const server = await startServer(port, '127.0.0.1', { api, config: { proxy: '/api/', gatewayUrl: gateway.url } });
  const actual = server.address().port;
  origins.push(`http://127.0.0.1:${actual}`, `http://localhost:${actual}`);
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
