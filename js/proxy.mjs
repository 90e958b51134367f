// The signing proxy (issue 16): consoles and internal services send *unsigned* business payloads
// (`POST /api/<method>`, JSON); the proxy checks and normalizes them with the core, splits an over-limit list
// with `chunk`, signs each request server-side with the app secret from its own environment, sends it upstream
// with a timeout and bounded retries on transient answers, reads each answer with `parseResponse`, and returns
// one result per chunk. The secret never leaves this process: not in an answer, a log line or an error.
//
// It is no open signing oracle: it needs a bearer token (or, for a browser page on this machine, an allowlisted
// Origin with the checks below), binds to 127.0.0.1 by default, rate-limits each client's requests and upstream
// calls, bounds what one request can become upstream, and stops when its client has gone.
import http from 'node:http';
import * as q from './node.mjs';
import { pathOf, isLoopback, isLoopbackHost, fromOtherSite } from './http.mjs';
import { errorBody, wordsIn } from './top-errors.mjs';
import { TOP_PATHS, errorAnswer, readCall, verifyCall, checkCall, payloadRefusal, methodBook } from './router.mjs';

// Transient platform answers worth another try: call limit (7, with backoff), service unavailable (10), remote
// service errors (15, 50). A refused payload (40/41) or a protocol error is never retried.
const TRANSIENT = new Set([7, 10, 15, 50]);

/** 'zh' or 'en', the first of them an Accept-Language header prefers (by q), or undefined for neither. */
function languageOf(accept) {
  if (typeof accept !== 'string' || accept.length > 512) return undefined;
  const ranked = accept.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const qv = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    return { primary: tag.trim().toLowerCase().split('-')[0], weight: qv ? Number(qv[1]) : 1, i };
  }).filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked.find((r) => r.primary === 'zh' || r.primary === 'en')?.primary;
}

/**
 * The proxy's handler: `(req, res, next) => Promise` for `node:http`, Express/Connect and anything that passes
 * Node's request and response; `.fetch(request)` for a Web `Request` (Hono, Bun, Deno); `.fastify` a Fastify
 * plugin; `.koa` a Koa middleware.
 * Options: `topUrl`, `qimenUrl` (the routers; or `upstream`, a base URL both are derived from), `appKey`,
 * `secret` (default: the QIMEN_SECRET environment variable), `signMethod`, `session`, `token` (bearer) and/or
 * `origins` (allowlisted Origin headers of pages on this machine: honoured only from a loopback peer, with a
 * `Host` naming this machine and `Sec-Fetch-Site: same-origin` — what a browser sends and a page elsewhere
 * cannot; any local process can still imitate a browser, so give a token wherever other users share the
 * machine), `clients` ({ appKey: secret } of the platform's SDK clients that call the proxy's routers — see
 * below), `perMinute` (requests per client per minute, 120), `upstreamPerMinute` (upstream calls per client
 * per minute, retries included, 600), `maxChunks` (requests one call may become, 50), `timeoutMs` (10 s),
 * `retries` (per chunk, 3), `maxRetries` (per call, all chunks together, 10), `backoffMs` (250, doubled per
 * attempt), `log` (one JSON line per upstream call; stderr).
 *
 * With `clients`, the proxy also answers on the platform's routers (`/router/rest`, `/router/qm`), so that the
 * platform's own SDKs call it unchanged: a call signed with a client's key and secret is verified as the platform
 * would (method, app key, timestamp window, version, signature), its payload checked by the core (refused with
 * 40/41 before anything goes upstream), then signed again with the proxy's app key and secret and sent once
 * (the client's SDK owns retries) to the same router upstream; the platform's answer is relayed as it came.
 */
export function signingProxy(options = {}) {
  const secret = options.secret ?? process.env.QIMEN_SECRET;
  if (!secret) throw new Error('signingProxy: no secret (set QIMEN_SECRET in the proxy\'s environment, or pass { secret })');
  if (!options.appKey) throw new Error('signingProxy: no appKey');
  const clients = new Map(Object.entries(options.clients ?? {}));
  if (!options.token && !(options.origins?.length) && !clients.size) throw new Error('signingProxy: give a bearer token, allowlisted origins or SDK clients — an open signing proxy signs for anyone');
  const base = options.upstream?.replace(/\/+$/, '');
  const { routers } = q.protocol();
  const topUrl = options.topUrl ?? (base && `${base}${routers.top}`);
  const qimenUrl = options.qimenUrl ?? (base && `${base}${routers.qimen}`);
  if (!topUrl || !qimenUrl) throw new Error('signingProxy: give upstream (a base URL) or topUrl and qimenUrl');
  const perMinute = options.perMinute ?? 120;
  const upstreamPerMinute = options.upstreamPerMinute ?? 600;
  const maxChunks = options.maxChunks ?? 50;
  const maxRetries = options.maxRetries ?? 10;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 250;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  // sub_msg as the gateway writes it (js/top-errors.mjs): Chinese unless told otherwise.
  const language = options.language ?? 'zh';
  const say = wordsIn(language);
  // The shipped methods and the registered ones (`--api`, or registerApi before or after the proxy was made).
  const known = methodBook();
  const inLanguage = (issue) => (language === 'zh' ? issue.messageZh : issue.messageEn ?? issue.message);
  const origins = new Set(options.origins ?? []);
  const originHosts = new Set([...origins].map((o) => { try { return new URL(o).host; } catch { return null; } }).filter(Boolean));

  // Token buckets per client (Maps: a client's address is data): requests, and upstream calls.
  const bucket = (buckets, rate) => {
    let swept = Date.now();
    return (client) => {
      const now = Date.now();
      const b = buckets.get(client) ?? { tokens: rate, at: now };
      b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 60_000) * rate);
      b.at = now;
      buckets.set(client, b);
      // Once a minute, the buckets of clients quiet for a minute (full again) are forgotten: the Map holds only
      // clients seen lately, and no call pays for more than one sweep a minute.
      if (now - swept > 60_000) {
        swept = now;
        for (const [k, v] of buckets) if (now - v.at > 60_000) buckets.delete(k);
      }
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    };
  };
  const admit = bucket(new Map(), perMinute);
  const spend = bucket(new Map(), upstreamPerMinute);

  /** Whether the call may be signed: the bearer token, or a browser page on this machine allowlisted by origin. */
  function authorized(header, client) {
    if (options.token && String(header('authorization') ?? '') === `Bearer ${options.token}`) return true;
    if (!origins.size || !origins.has(String(header('origin') ?? ''))) return false;
    // An Origin header alone is what any client can send: a browser's own marks and this machine's names too.
    return isLoopback(client) && String(header('sec-fetch-site') ?? '') === 'same-origin'
      && originHosts.has(String(header('host') ?? '').toLowerCase()) && isLoopbackHost(header('host'));
  }

  /** One chunk upstream: signed afresh for every attempt (a new timestamp), retried on transient answers. */
  async function sendChunk(method, payload, index, call) {
    const api = known.info(method);
    const url = api.xmlBody ? qimenUrl : topUrl;
    let attempts = 0;
    for (;;) {
      if (call.signal?.aborted) return { index, ok: false, attempts, status: 0, failure: 'client_gone', response: null };
      if (!spend(call.client)) return { index, ok: false, attempts, status: 0, failure: 'upstream_rate_limited', response: null };
      attempts += 1;
      const r = q.buildRequest(method, payload, { appKey: options.appKey, secret, signMethod: options.signMethod, session: options.session, timestamp: Date.now() });
      const started = Date.now();
      let status = 0;
      let text = '';
      let failure = null;
      try {
        // A redirect is never followed: it would send the signed request and its body to another host.
        const signal = call.signal ? AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
        const res = await fetch(`${url}?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body, signal, redirect: 'manual' });
        status = res.status;
        if (status >= 300 && status < 400) {
          failure = 'redirect';
          res.body?.cancel().catch(() => {});
        } else text = await res.text();
      } catch (e) {
        failure = call.signal?.aborted ? 'client_gone' : e?.name === 'TimeoutError' ? 'timeout' : 'network';
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
      const transient = (failure !== null && failure !== 'redirect' && failure !== 'client_gone') || TRANSIENT.has(code);
      if (!transient || attempts > retries || call.retries >= maxRetries) {
        return { index, ok: parsed?.ok ?? false, attempts, status, failure, response: parsed };
      }
      call.retries += 1;
      await new Promise((r2) => setTimeout(r2, backoffMs * 2 ** (attempts - 1)));
    }
  }

  /**
   * A call of one of the platform's SDKs on a router path: verified with the client's secret, its payload
   * checked, signed again with the proxy's and sent once to the same router upstream; the answer relayed.
   */
  async function relay({ path, search, header, client, readBody, signal }) {
    const wire = (a, headers = {}) => ({ status: a.status, headers: { 'content-type': a.type, ...headers }, text: a.text });
    const format = search.get('format') === 'xml' ? 'xml' : 'json';
    if (fromOtherSite(header)) return wire({ ...errorAnswer(11, { format, subCode: 'isv.cross-site-request', subMsg: say('crossSite') }), status: 403 }, { connection: 'close' });
    if (!admit(client ?? '')) return wire({ ...errorAnswer(7, { format, subCode: 'accesscontrol.limited-by-app-access-count', subMsg: say('rateLimited') }), status: 429 }, { 'retry-after': '1' });
    const qimen = path === routers.qimen;
    const read = await readBody();
    if (read.refusal) return wire({ ...errorAnswer(43, { format, subMsg: inLanguage(read.refusal.errors[0]) }), status: q.statusOf(read.refusal) }, { connection: 'close' });
    const call = readCall({ search, body: read.body, contentType: header('content-type'), qimen });
    if (call.refusal) return wire({ ...errorAnswer(43, { format, subMsg: say(call.refusal.word, ...call.refusal.args) }), status: call.refusal.status });
    const { params, xmlBody } = call;
    const at = { format: params.format === 'xml' ? 'xml' : 'json' };
    // The client's signature is its authorization here, as the platform's is: checked with the client's secret.
    const refused = verifyCall(params, xmlBody, { secretOf: (key) => clients.get(key), methods: known, clock: Date.now, say });
    if (refused) return wire(errorAnswer(refused[0], { ...at, ...refused[1] }));
    const report = checkCall(params, xmlBody, known.kinds(params.method));
    if (!report.ok) {
      const [code, words] = payloadRefusal(report, inLanguage);
      return wire(errorAnswer(code, { ...at, ...words }));
    }
    if (!spend(client ?? '')) return wire({ ...errorAnswer(7, { ...at, subCode: 'accesscontrol.limited-by-app-access-count', subMsg: say('rateLimited') }), status: 429 }, { 'retry-after': '1' });
    // Signed again as the proxy's app: the parameters as the client sent them (its Longs exact, its timestamp,
    // already within the window), with the proxy's app key (and session, when the client sent none).
    const { sign: _clientSign, ...signed } = params;
    signed.app_key = options.appKey;
    if (options.session && !signed.session) signed.session = options.session;
    signed.sign = q.signParams(signed, secret, signed.sign_method ?? 'md5', xmlBody ?? undefined);
    const form = new URLSearchParams(Object.entries(signed)).toString();
    // The classic Qimen protocol keeps its parameters in the query and the XML as the body.
    const url = `${qimen ? qimenUrl : topUrl}${xmlBody !== null ? `?${form}` : ''}`;
    const init = xmlBody !== null
      ? { body: xmlBody, headers: { 'content-type': header('content-type') || 'text/xml; charset=utf-8' } }
      : { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' } };
    const started = Date.now();
    let failure = null;
    let res;
    let text = '';
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      res = await fetch(url, { method: 'POST', ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'manual' });
      if (res.status >= 300 && res.status < 400) {
        failure = 'redirect';
        res.body?.cancel().catch(() => {});
      } else text = await res.text();
    } catch (e) {
      failure = signal?.aborted ? 'client_gone' : e?.name === 'TimeoutError' ? 'timeout' : 'network';
    }
    log(JSON.stringify({ at: new Date().toISOString(), method: params.method, router: path, status: res?.status ?? 0, failure, ms: Date.now() - started }));
    if (failure) return wire({ ...errorAnswer(10, { ...at, subCode: `isp.upstream-${failure.replace('_', '-')}`, subMsg: say('upstreamFailed', failure) }), status: 502 });
    return { status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? 'application/json; charset=utf-8' }, text };
  }

  /**
   * One call, whatever carries it: `path`, `verb`, `header(name)`, `client` (for the rate limit) and
   * `readBody()` (the middleware's bounded readers) in; `{ status, headers, text }` out, or null when the path
   * is not the proxy's (the caller's `next`).
   */
  async function serve({ path, search, verb, header, client, readBody, signal }) {
    const out = (status, value, headers = {}) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, text: q.stringify(value) });
    // Every refusal of the proxy's own is an `error_response`, as the platform's and the core's are.
    const refuse = (status, code, subCode, subMsg, headers, extra) => out(status, { error_response: errorBody(code, { subCode, subMsg, extra }) }, headers);
    if (path === null) return refuse(400, 43, 'isv.bad-request-target', say('badTarget'), { connection: 'close' });
    if (clients.size && (TOP_PATHS.has(path) || path === routers.qimen)) return relay({ path, search, header, client, readBody, signal });
    const m = /^\/api\/([\w.]+)$/.exec(path);
    if (!m) return null;
    // The refusals below in the client's language when it asks for one (the console sends its UI language).
    const lang = languageOf(header('accept-language')) ?? language;
    const sayIn = lang === language ? say : wordsIn(lang);
    if (verb !== 'POST') return refuse(405, 43, 'isv.http-method-not-allowed', sayIn('postOnly'), { allow: 'POST' });
    if (!authorized(header, client)) return refuse(401, 11, 'isv.proxy-token-required', sayIn('tokenRequired'), { 'www-authenticate': 'Bearer' });
    if (!admit(client ?? '')) return refuse(429, 7, 'accesscontrol.limited-by-app-access-count', sayIn('rateLimited'), { 'retry-after': '1' });
    const method = m[1];
    // The core's own refusal of a method it does not know (unknown_method, with the allowed list).
    if (!known.has(method)) return out(404, q.errorResponse(q.validate(method, '{}'), lang));
    // The middleware's bounded reader: too large (413), too slow (408) or broken (400) in the platform's shape.
    const read = await readBody();
    if (read.refusal) return out(q.statusOf(read.refusal), q.errorResponse(read.refusal, lang), { connection: 'close' });
    // chunk refuses a payload with any error but its list's length (which it is there to fix).
    let chunks;
    try {
      chunks = q.chunk(method, read.body);
    } catch (e) {
      if (!(e instanceof q.PayloadError)) throw e;
      return out(400, q.errorResponse({ errors: e.errors }, lang));
    }
    if (chunks.length > maxChunks) {
      return refuse(413, 43, 'isv.too-many-chunks', sayIn('tooManyChunks', chunks.length, maxChunks), {}, { chunks: chunks.length, max_chunks: maxChunks });
    }
    // The warnings of the payload as the client sent it (paths into its list, not into a chunk's).
    const { warnings } = q.validate(method, read.body);
    const results = [];
    const call = { client: client ?? '', signal, retries: 0 };
    // In order, one at a time: a later chunk is not sent before an earlier one was answered; none after the
    // client has gone.
    for (let i = 0; i < chunks.length && !signal?.aborted; i++) results.push(await sendChunk(method, chunks[i], i, call));
    // 502 only when the upstream gave no platform answer (network, timeout, unreadable bytes): a platform
    // answer that refuses or partly fails is an answer, 200 with `ok: false` and each chunk's outcome.
    const answered = results.length === chunks.length && results.every((r) => r.response);
    return out(answered ? 200 : 502, { ok: answered && results.every((r) => r.ok), warning_count: warnings.length, warnings: warnings.slice(0, q.MAX_LISTED), chunks: results });
  }

  const writeNode = (res, r) => {
    res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(r.text) });
    res.end(r.text);
  };
  const fromNode = (req, res) => {
    // The client has gone when the response closes before it was written.
    const gone = new AbortController();
    res?.once('close', () => { if (!res.writableFinished) gone.abort(); });
    const target = pathOf(req.url);
    return {
      path: target?.path ?? null,
      search: target?.search,
      verb: req.method,
      header: (name) => req.headers[name],
      client: req.socket?.remoteAddress,
      readBody: () => q.readNodeBody(req),
      signal: gone.signal,
    };
  };

  /** Node's request and response: `node:http`, Express/Connect (`app.use(handler)`), anything passing them. */
  async function handle(req, res, next) {
    const r = await serve(fromNode(req, res));
    if (!r) return next ? next() : writeNode(res, { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' }, text: q.stringify({ error: 'not_found', message: 'POST /api/<method>' }) });
    return writeNode(res, r);
  }

  /** A Web `Request` → `Response` (Hono: `app.post('/api/:method', (c) => proxy.fetch(c.req.raw))`, Bun, Deno). */
  handle.fetch = async (request, { client } = {}) => {
    const target = pathOf(request.url);
    const r = await serve({
      path: target?.path ?? null, search: target?.search, verb: request.method, header: (name) => request.headers.get(name), client,
      readBody: () => q.readWebBody(request), signal: request.signal,
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
    // The platform's routers, for its SDK clients (with `clients`).
    if (clients.size) {
      for (const path of [routers.top, routers.qimen]) {
        fastify.all(path, async (request, reply) => {
          reply.hijack();
          await handle(request.raw, reply.raw);
        });
      }
    }
    done();
  };

  /** Koa middleware: `app.use(proxy.koa)`, before any body parser (the proxy reads the body itself). */
  handle.koa = async (ctx, next) => {
    const r = await serve(fromNode(ctx.req, ctx.res));
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
