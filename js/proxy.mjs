// The signing proxy (issue 16): consoles and internal services send *unsigned* business payloads
// (`POST /api/<method>`, JSON); the proxy checks and normalizes them with the core, splits an over-limit list
// with `chunk`, signs each request server-side with the app secret from its own environment, sends it upstream
// with a timeout and bounded retries on transient answers, reads each answer with `parseResponse`, and returns
// one result per chunk. The secret never leaves this process: not in an answer, a log line or an error.
//
// It is no open signing oracle: it needs a bearer token or an allowlisted Origin, binds to 127.0.0.1 by
// default, and rate-limits each client.
import http from 'node:http';
import * as q from './node.mjs';

// Transient platform answers worth another try: call limit (7, with backoff), service unavailable (10), remote
// service errors (15, 50). A refused payload (40/41) or a protocol error is never retried.
const TRANSIENT = new Set([7, 10, 15, 50]);

/**
 * The proxy's handler: `(req, res, next) => Promise` for `node:http`, Express/Connect and anything that passes
 * Node's request and response; `.fetch(request)` for a Web `Request` (Hono, Bun, Deno); `.fastify` a Fastify
 * plugin; `.koa` a Koa middleware.
 * Options: `topUrl`, `qimenUrl` (the routers; or `upstream`, a base URL both are derived from), `appKey`,
 * `secret` (default: the QIMEN_SECRET environment variable), `signMethod`, `session`, `token` (bearer) and/or
 * `origins` (allowlisted Origin headers), `perMinute` (rate limit per client, 120), `timeoutMs` (10 s),
 * `retries` (3), `backoffMs` (250, doubled per attempt), `log` (one JSON line per upstream call; stderr).
 */
export function signingProxy(options = {}) {
  const secret = options.secret ?? process.env.QIMEN_SECRET;
  if (!secret) throw new Error('signingProxy: no secret (set QIMEN_SECRET in the proxy\'s environment, or pass { secret })');
  if (!options.appKey) throw new Error('signingProxy: no appKey');
  if (!options.token && !(options.origins?.length)) throw new Error('signingProxy: give a bearer token or allowlisted origins — an open signing proxy signs for anyone');
  const base = options.upstream?.replace(/\/+$/, '');
  const { routers } = q.protocol();
  const topUrl = options.topUrl ?? (base && `${base}${routers.top}`);
  const qimenUrl = options.qimenUrl ?? (base && `${base}${routers.qimen}`);
  if (!topUrl || !qimenUrl) throw new Error('signingProxy: give upstream (a base URL) or topUrl and qimenUrl');
  const perMinute = options.perMinute ?? 120;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 250;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const info = new Map(q.methods().map((m) => [m.method, m]));
  const buckets = new Map();

  const limited = (client) => {
    const now = Date.now();
    const b = buckets.get(client) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    buckets.set(client, b);
    if (b.tokens < 1) return true;
    b.tokens -= 1;
    return false;
  };

  /** One chunk upstream: signed afresh for every attempt (a new timestamp), retried on transient answers. */
  async function sendChunk(method, payload, index) {
    const api = info.get(method);
    const url = api.xmlBody ? qimenUrl : topUrl;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const r = q.buildRequest(method, payload, { appKey: options.appKey, secret, signMethod: options.signMethod, session: options.session, timestamp: Date.now() });
      const started = Date.now();
      let status = 0;
      let text = '';
      let failure = null;
      try {
        const res = await fetch(`${url}?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body, signal: AbortSignal.timeout(timeoutMs) });
        status = res.status;
        text = await res.text();
      } catch (e) {
        failure = e?.name === 'TimeoutError' ? 'timeout' : 'network';
      }
      let parsed = null;
      let code = null;
      if (!failure) {
        try {
          parsed = q.parseResponse(method, text);
          code = parsed.errorResponse ? Number(parsed.code) : null;
        } catch {
          failure = 'unreadable';
        }
      }
      // One line per upstream call: never the secret, the signature or the payload.
      log(JSON.stringify({ at: new Date().toISOString(), method, chunk: index, attempt: attempts, status, code, failure, ok: parsed?.ok ?? false, ms: Date.now() - started, requestId: parsed?.requestId }));
      const transient = failure !== null || TRANSIENT.has(code);
      if (!transient || attempts > retries) {
        return { index, ok: parsed?.ok ?? false, attempts, status, failure, response: parsed };
      }
      await new Promise((r2) => setTimeout(r2, backoffMs * 2 ** (attempts - 1)));
    }
  }

  /**
   * One call, whatever carries it: `path`, `verb`, `header(name)`, `client` (for the rate limit) and
   * `readBody()` (the middleware's bounded readers) in; `{ status, headers, text }` out, or null when the path
   * is not the proxy's (the caller's `next`).
   */
  async function serve({ path, verb, header, client, readBody }) {
    const out = (status, value, headers = {}) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, text: q.stringify(value) });
    const m = /^\/api\/([\w.]+)$/.exec(path);
    if (!m) return null;
    if (verb !== 'POST') return out(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    const authorized = (options.token && String(header('authorization') ?? '') === `Bearer ${options.token}`)
      || Boolean(options.origins?.includes(String(header('origin') ?? '')));
    if (!authorized) return out(401, { error: 'unauthorized', message: 'a bearer token or an allowlisted Origin is required' });
    if (limited(client ?? '')) return out(429, { error: 'rate_limited' }, { 'retry-after': '1' });
    const method = m[1];
    if (!info.has(method)) return out(404, { error: 'unknown_method', allowed: [...info.keys()] });
    // The middleware's bounded reader: too large (413), too slow (408) or broken (400) in the platform's shape.
    const read = await readBody();
    if (read.refusal) return out(q.statusOf(read.refusal), q.errorResponse(read.refusal), { connection: 'close' });
    // chunk refuses a payload with any error but its list's length (which it is there to fix).
    let chunks;
    try {
      chunks = q.chunk(method, read.body);
    } catch (e) {
      if (!(e instanceof q.PayloadError)) throw e;
      return out(400, q.errorResponse({ errors: e.errors }));
    }
    // The warnings of the payload as the client sent it (paths into its list, not into a chunk's).
    const { warnings } = q.validate(method, read.body);
    const results = [];
    // In order, one at a time: a later chunk is not sent before an earlier one was answered.
    for (let i = 0; i < chunks.length; i++) results.push(await sendChunk(method, chunks[i], i));
    // 502 only when the upstream gave no platform answer (network, timeout, unreadable bytes): a platform
    // answer that refuses or partly fails is an answer, 200 with `ok: false` and each chunk's outcome.
    const answered = results.every((r) => r.response);
    return out(answered ? 200 : 502, { ok: results.every((r) => r.ok), warnings, chunks: results });
  }

  const writeNode = (res, r) => {
    res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(r.text) });
    res.end(r.text);
  };
  const fromNode = (req) => ({
    path: new URL(req.url, 'http://proxy').pathname,
    verb: req.method,
    header: (name) => req.headers[name],
    client: req.socket?.remoteAddress,
    readBody: () => q.readNodeBody(req),
  });

  /** Node's request and response: `node:http`, Express/Connect (`app.use(handler)`), anything passing them. */
  async function handle(req, res, next) {
    const r = await serve(fromNode(req));
    if (!r) return next ? next() : writeNode(res, { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' }, text: q.stringify({ error: 'not_found', message: 'POST /api/<method>' }) });
    return writeNode(res, r);
  }

  /** A Web `Request` → `Response` (Hono: `app.post('/api/:method', (c) => proxy.fetch(c.req.raw))`, Bun, Deno). */
  handle.fetch = async (request, { client } = {}) => {
    const r = await serve({
      path: new URL(request.url).pathname, verb: request.method, header: (name) => request.headers.get(name), client,
      readBody: () => q.readWebBody(request),
    });
    if (!r) return new Response(q.stringify({ error: 'not_found', message: 'POST /api/<method>' }), { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' } });
    return new Response(r.text, { status: r.status, headers: r.headers });
  };

  /**
   * Fastify plugin: `app.register(proxy.fastify)`. In its scope bodies are left unread (the proxy reads them,
   * bounded) and `POST /api/:method` is answered by the proxy.
   */
  handle.fastify = function fastifyProxy(fastify, _opts, done) {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', (req, payload, cb) => cb(null));
    fastify.all('/api/:method', async (request, reply) => {
      reply.hijack();
      await handle(request.raw, reply.raw);
    });
    done();
  };

  /** Koa middleware: `app.use(proxy.koa)`, before any body parser (the proxy reads the body itself). */
  handle.koa = async (ctx, next) => {
    const r = await serve(fromNode(ctx.req));
    if (!r) return next();
    ctx.status = r.status;
    ctx.set(r.headers);
    ctx.body = r.text;
  };

  return handle;
}

/** Start the proxy on `port` and `host` (127.0.0.1): `{ server, url, close() }`. */
export function startProxy(options = {}) {
  const handle = signingProxy(options);
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"error":"proxy_error"}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
