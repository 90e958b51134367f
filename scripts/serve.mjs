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

export function startServer(port = 8080, host = '127.0.0.1', { api } = {}) {
  const server = createServer(async (req, res) => {
    // The signing proxy, mounted on the console's own origin (no CORS, the page's CSP unchanged).
    if (api && req.url.startsWith('/api/')) return api(req, res);
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  // The local gateway behind the console (issue 16): a whole loop on a machine with no network. A development
  // app whose secret is QIMEN_SECRET when set.
  const { startGateway } = await import('../pkg/gateway.mjs');
  const appKey = process.env.QIMEN_APP_KEY ?? '12345678';
  const secret = process.env.QIMEN_SECRET ?? 'local-dev-secret';
  const g = await startGateway({ apps: { [appKey]: secret }, port: Number(process.env.GATEWAY_PORT ?? 9000) });
  console.log(`qimen-payload local gateway: ${g.url}/router/rest (TOP), ${g.url}/router/qm (Qimen), ledger ${g.url}/_ledger`);
  console.log(`  app key ${appKey}, secret ${process.env.QIMEN_SECRET ? '(QIMEN_SECRET)' : secret}`);
  // The signing proxy in front of it, on the console's origin (allowlisted): unsigned payloads in, the secret
  // kept in this process. Other clients use the bearer token.
  const { signingProxy } = await import('../pkg/proxy.mjs');
  const { randomBytes } = await import('node:crypto');
  const token = process.env.QIMEN_PROXY_TOKEN ?? randomBytes(12).toString('hex');
  const api = signingProxy({ upstream: g.url, appKey, secret, token, origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`] });
  await startServer(port, '127.0.0.1', { api });
  console.log(`qimen-payload admin console: http://127.0.0.1:${port}/`);
  console.log(`qimen-payload signing proxy: POST http://127.0.0.1:${port}/api/<method> (from the console, or with Authorization: Bearer ${token})`);
}
