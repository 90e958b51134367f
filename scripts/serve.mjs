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

export function startServer(port = 8080, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
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
  await startServer(port);
  console.log(`qimen-payload admin console: http://127.0.0.1:${port}/`);
  // The local gateway behind it (issue 16): a whole loop on a machine with no network. A development app whose
  // secret is QIMEN_SECRET when set; sign in the console with the same key and secret, send to the gateway.
  const { startGateway } = await import('../pkg/gateway.mjs');
  const appKey = process.env.QIMEN_APP_KEY ?? '12345678';
  const secret = process.env.QIMEN_SECRET ?? 'local-dev-secret';
  const g = await startGateway({ apps: { [appKey]: secret }, port: Number(process.env.GATEWAY_PORT ?? 9000) });
  console.log(`qimen-payload local gateway: ${g.url}/router/rest (TOP), ${g.url}/router/qm (Qimen), ledger ${g.url}/_ledger`);
  console.log(`  app key ${appKey}, secret ${process.env.QIMEN_SECRET ? '(QIMEN_SECRET)' : secret}`);
}
