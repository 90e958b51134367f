// The server side, shared by the Node builds (emitted as pkg/server.mjs and pkg/server.cjs): one framework-
// neutral core — a method and the raw body in, `{ status, body }` in the platform's `error_response` shape or the
// normalized value out — and thin adapters over it for Connect/Express, Fastify, Koa and Web `Request`
// handlers (Hono, Next.js route handlers, Bun, Deno, Workers). Every verdict comes from the wasm core through
// `check`; JSON is written by the API's one exact writer (`stringify`). Bodies are read raw whenever they can
// be, so Longs beyond 2^53 stay exact, and never past the core's input limit.

// The most issues an error body lists (the count says how many there were): a small request must not make a
// large answer.
const MAX_LISTED = 20;
// A body that has not arrived in full by then is answered 408.
const BODY_TIMEOUT_MS = 30_000;
// After a too-large body is refused, what the client still sends is read and discarded — up to this much in all, for
// at most this long — so that it reads the 413 rather than a connection reset.
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 5_000;

/** Media types read as JSON: none given, application/json, text/json, anything +json. */
function isJsonType(contentType) {
  if (contentType === undefined || contentType === null || contentType === '') return true;
  const type = String(contentType).split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

const JSON_TYPE = 'application/json; charset=utf-8';

function makeServer(api) {
  const limit = () => api.limits().maxInputBytes;

  // Refusals decided before the core sees the body (size, media type, a slow or broken body): the reports, with
  // their messages and TOP form, come from the core like every other issue.
  // `n` bytes declared, or (`atLeast`) more than n arrived before reading stopped.
  const tooLarge = ({ n, atLeast = false }) => api.refusal('too_large', n, atLeast);
  const wrongType = (type) => api.refusal('content_type', String(type));
  const slow = () => api.refusal('timeout', BODY_TIMEOUT_MS);
  const broken = (detail) => api.refusal('malformed', String(detail));

  /** HTTP status of a refused report. */
  function statusOf(report) {
    const code = report.errors[0]?.code;
    if (code === 'too_large') return 413;
    if (code === 'content_type') return 415;
    if (code === 'timeout') return 408;
    return 400;
  }

  /**
   * The platform's `error_response` body for a refused report, from its first issue's own TOP form; `sub_msg` in
   * `language` ('zh' or 'en'; the library's language when not given).
   */
  function errorResponse(report, language) {
    const errors = report.errors ?? [];
    const first = errors[0] ?? { path: '', code: 'malformed', message: 'refused', topCode: 41, topMessage: 'client-error:Invalid arguments' };
    const missing = first.topCode === 40;
    return {
      error_response: {
        code: first.topCode ?? 41,
        msg: first.topMessage ?? (missing ? 'client-error:Missing required arguments' : 'client-error:Invalid arguments'),
        sub_code: `${missing ? 'isv.missing-parameter' : 'isv.invalid-parameter'}:${first.path}`,
        sub_msg: (language === 'zh' ? first.messageZh : language === 'en' ? first.messageEn : null) ?? first.message,
        error_count: errors.length,
        errors: errors.slice(0, MAX_LISTED),
      },
    };
  }

  // The status and body written by the core straight from the issues it keeps when nothing has read them yet
  // (the same answer as from the read issues, without reading every issue into JS and writing it out again).
  function refused(report) {
    const { status, body } = api.coreRefusal(report) ?? { status: statusOf(report), body: api.stringify(errorResponse(report)) };
    return { ok: false, status, headers: { 'content-type': JSON_TYPE }, body, report };
  }

  // The one way each kind of response is written: a JSON text with a status (and `close`: the connection ends
  // after it, when the rest of the body was not read). Refusals and `sendJson` alike.
  function writeNode(res, { status, body }, close = false) {
    if (close) res.setHeader('Connection', 'close');
    res.statusCode = status;
    res.setHeader('Content-Type', JSON_TYPE);
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  }
  const writeFastify = (reply, { status, body }) => reply.code(status).type(JSON_TYPE).send(body);
  function writeKoa(ctx, { status, body }, close = false) {
    if (close) ctx.set('Connection', 'close');
    ctx.status = status;
    ctx.type = JSON_TYPE;
    ctx.body = body;
  }

  /**
   * After an adapter read the body itself: `rawBody` and `body` as a parser leaves them, so a parser behind it
   * skips the body — @koa/bodyparser (a text `rawBody`) for Koa; body-parser (`_body`, and a Buffer `rawBody` as
   * Nest's `rawBody: true` keeps it) for Express and Nest, whose parser may run after us (Nest 10 registers it
   * behind `app.use`; body-parser 1.x would then read the drained stream: "stream is not readable").
   * `body` is parsed only if something reads it — not on every request.
   */
  function leaveAsParsed(request, bytes, node = false) {
    const rawBody = node ? Buffer.from(bytes) : Buffer.from(bytes).toString('utf8');
    let parsed;
    let done = false;
    if (node) request._body = true;
    request.rawBody = rawBody;
    Object.defineProperty(request, 'body', {
      configurable: true,
      enumerable: true,
      get() {
        if (!done) {
          done = true;
          try {
            parsed = JSON.parse(String(rawBody));
          } catch {
            parsed = rawBody; // JSON to the core, not to JSON.parse (a byte order mark)
          }
        }
        return parsed;
      },
      set(v) {
        Object.defineProperty(request, 'body', { configurable: true, enumerable: true, writable: true, value: v });
      },
    });
  }

  /**
   * The core of every adapter: check `body` (bytes or text; a parsed object only when nothing else is left)
   * for `method`. Answers `{ ok: true, status: 200, value, warnings }` or `{ ok: false, status, headers, body }`.
   */
  function answer(method, body, options = {}) {
    const report = api.check(method ?? '', body ?? '');
    if (!report.ok) return refused(report);
    if (options.strictWarnings && report.warnings.length > 0) return refused({ ok: false, errors: report.warnings, warnings: [] });
    return { ok: true, status: 200, value: report.value, warnings: report.warnings, report };
  }

  /**
   * Read and throw away what a client still sends after its body was refused — at most LINGER_BYTES, for at most
   * LINGER_MS — so that it has finished sending when the refusal is written and reads it instead of a reset.
   * Resolves true when the request ended, false when the budget ran out (then the socket is closed after the
   * answer).
   */
  function discardRest(req, counted = 0) {
    return new Promise((resolve) => {
      if (!req || req.readableEnded || req.destroyed) return resolve(Boolean(req?.readableEnded));
      let size = counted;
      const done = (ended) => {
        clearTimeout(timer);
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        req.removeListener('error', onError);
        if (!ended) req.pause?.();
        resolve(ended);
      };
      const onData = (c) => { size += c.length; if (size > LINGER_BYTES) done(false); };
      const onEnd = () => done(true);
      const onError = () => done(false);
      const timer = setTimeout(() => done(false), LINGER_MS);
      timer.unref?.();
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.resume?.();
    });
  }

  /**
   * Read a Node request stream to its end, never keeping more than the limit; a refusal resolves once the rest
   * of a too-large body was discarded (discardRest), and says `close`: the connection is not reused.
   */
  function readNodeBody(req) {
    const max = limit();
    const declared = Number(req.headers?.['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      const refusal = { refusal: tooLarge({ n: declared }), close: true };
      return declared > LINGER_BYTES ? Promise.resolve(refusal) : discardRest(req).then(() => refusal);
    }
    return new Promise((resolve) => {
      const chunks = [];
      let size = 0;
      let settled = false;
      const detach = () => {
        settled = true;
        clearTimeout(timer);
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        req.removeListener('error', onError);
      };
      const finish = (v) => {
        if (settled) return;
        detach();
        resolve(v);
      };
      const onData = (c) => {
        size += c.length;
        if (size <= max) return chunks.push(c);
        // Past the limit: nothing more is kept; the rest is discarded before the refusal resolves.
        detach();
        chunks.length = 0;
        discardRest(req, size).then(() => resolve({ refusal: tooLarge({ n: max, atLeast: true }), close: true }));
        return undefined;
      };
      const onEnd = () => finish({ body: Buffer.concat(chunks) });
      const onError = (e) => finish({ refusal: broken(e.code ?? e.message), close: true });
      const timer = setTimeout(() => { req.pause(); finish({ refusal: slow(), close: true }); }, BODY_TIMEOUT_MS);
      timer.unref?.();
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.resume?.();
    });
  }

  /** Read a Web `Request` body, never keeping more than the limit. */
  async function readWebBody(request) {
    const max = limit();
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) return { refusal: tooLarge({ n: declared }) };
    if (!request.body) return { body: new Uint8Array(0) };
    const reader = request.body.getReader();
    const chunks = [];
    let size = 0;
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), BODY_TIMEOUT_MS); });
    try {
      for (;;) {
        const step = await Promise.race([reader.read(), timeout]);
        if (step === 'timeout') {
          reader.cancel().catch(() => {});
          return { refusal: slow() };
        }
        if (step.done) break;
        size += step.value.byteLength;
        if (size > max) {
          reader.cancel().catch(() => {});
          return { refusal: tooLarge({ n: max, atLeast: true }) };
        }
        chunks.push(step.value);
      }
    } catch (e) {
      return { refusal: broken(e?.message ?? String(e)) };
    } finally {
      clearTimeout(timer);
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.byteLength;
    }
    return { body };
  }

  const methodOf = (methodOrFn, request) => (typeof methodOrFn === 'function' ? methodOrFn(request) : methodOrFn);
  const checkArgs = (name, methodOrFn) => {
    if (typeof methodOrFn !== 'string' && typeof methodOrFn !== 'function') {
      throw new TypeError(`${name}(methodOrFn): pass a method name or a function of the request`);
    }
  };
  const info = (method, r, exact) => ({ method, value: r.value, warnings: r.warnings, exact });

  /**
   * Connect/Express middleware. Reads the raw body itself when no body parser ran (put it before
   * `express.json()`, or use `express.raw({ type: '*\/*' })`): then Longs beyond 2^53 stay exact. When a parser
   * already turned the body into an object, that object is checked and `req.qimen.exact` is false (a Long it
   * rounded is refused by the core as an unsafe integer, never passed on silently).
   */
  function middleware(methodOrFn, options = {}) {
    checkArgs('middleware', methodOrFn);
    return async function qimenPayload(req, res, next) {
      try {
        const method = methodOf(methodOrFn, req);
        let body;
        let exact = true;
        const parsed = req.body;
        const type = req.headers['content-type'];
        const unread = !req._body && req.readable && !req.readableEnded;
        if (!isJsonType(type)) {
          // Not JSON, whatever a parser in front made of it (an empty object, a text): 415, as without one. An
          // unread body is not read (the connection closes after the answer).
          writeNode(res, refused(wrongType(type)), unread);
          return;
        }
        if (typeof parsed === 'string' || (parsed instanceof Uint8Array)) body = parsed;
        else if (typeof req.rawBody === 'string' || req.rawBody instanceof Uint8Array) body = req.rawBody;
        else if (unread) {
          // The stream is still unread (no parser ran, or it skipped this content type): read it ourselves.
          const read = await readNodeBody(req);
          if (read.refusal) {
            writeNode(res, refused(read.refusal), read.close);
            return;
          }
          body = read.body;
          leaveAsParsed(req, body, true);
        } else {
          body = parsed ?? '';
          exact = false;
        }
        const r = answer(method, body, options);
        if (!r.ok) {
          writeNode(res, r);
          return;
        }
        req.qimen = info(method, r, exact);
        next();
      } catch (e) {
        next(e);
      }
    };
  }

  /**
   * Fastify plugin: `app.register(fastifyPlugin, { method })`. In its scope it reads JSON bodies as raw bytes
   * (bounded by the core's limit), checks them before validation, and answers refusals — including Fastify's own
   * body errors (too large, wrong media type) — in the platform's shape.
   */
  function fastifyPlugin(fastify, opts, done) {
    checkArgs('fastifyPlugin', opts?.method);
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser(['application/json', 'text/json', /^application\/[\w.+-]+\+json$/], { parseAs: 'buffer', bodyLimit: limit() }, (req, raw, cb) => cb(null, raw));
    fastify.decorateRequest('qimen', null);
    const send = writeFastify;
    fastify.setErrorHandler(async (err, req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        // Fastify stopped reading: the rest is discarded first, so the client reads the 413 (not a reset).
        await discardRest(req.raw);
        return send(reply.header('connection', 'close'), refused(tooLarge({ n: limit(), atLeast: true })));
      }
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, refused(wrongType(req.headers['content-type'])));
      if (err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(reply, refused(broken(err.message)));
      return reply.send(err);
    });
    fastify.addHook('preValidation', async (req, reply) => {
      const method = methodOf(opts.method, req);
      const r = answer(method, req.body ?? '', opts);
      if (!r.ok) return send(reply, r);
      req.qimen = info(method, r, true);
      return undefined;
    });
    done();
  }
  // As fastify-plugin does: the parser, hooks and error handler apply to the scope the plugin is registered in.
  fastifyPlugin[Symbol.for('skip-override')] = true;
  fastifyPlugin[Symbol.for('fastify.display-name')] = 'qimen-payload';

  /**
   * Koa middleware: `app.use(koa(method))` or per route. Uses `ctx.request.rawBody` when a body parser kept it
   * (@koa/bodyparser does), reads the raw body itself when none ran; the result is `ctx.state.qimen`.
   */
  function koa(methodOrFn, options = {}) {
    checkArgs('koa', methodOrFn);
    return async function qimenPayload(ctx, next) {
      const method = methodOf(methodOrFn, ctx);
      let body;
      let exact = true;
      const { request } = ctx;
      const type = ctx.get('content-type');
      if (!isJsonType(type)) {
        // Not JSON, whatever a body parser in front made of it (@koa/bodyparser leaves `{}`): 415, as without one.
        writeKoa(ctx, refused(wrongType(type)), !ctx.req.readableEnded);
        return;
      }
      if (typeof request.rawBody === 'string') body = request.rawBody;
      else if (request.body !== undefined) {
        body = request.body;
        exact = false;
      } else {
        const read = await readNodeBody(ctx.req);
        if (read.refusal) {
          writeKoa(ctx, refused(read.refusal), read.close);
          return;
        }
        body = read.body;
      }
      const r = answer(method, body, options);
      if (!r.ok) {
        writeKoa(ctx, r);
        return;
      }
      if (request.body === undefined) leaveAsParsed(request, body);
      ctx.state.qimen = info(method, r, exact);
      await next();
    };
  }

  /**
   * Web `Request` → the normalized payload, or a ready `Response` in the platform's shape: for Hono, Next.js
   * route handlers, Bun.serve, Deno.serve and Workers.
   * `const r = await validateRequest(method, request); if (!r.ok) return r.response;`
   */
  async function validateRequest(method, request, options = {}) {
    const type = request.headers.get('content-type');
    const read = isJsonType(type) ? await readWebBody(request) : { refusal: wrongType(type) };
    const r = read.refusal ? refused(read.refusal) : answer(method, read.body, options);
    if (r.ok) return { ok: true, method, value: r.value, warnings: r.warnings };
    return { ok: false, status: r.status, errors: r.report.errors, response: new Response(r.body, { status: r.status, headers: r.headers }) };
  }

  /**
   * A Web `Response` of `value` as JSON written by the exact writer: a BigInt (a Long beyond 2^53) is an exact
   * integer, where `Response.json` throws. `init` as `Response` takes it (status, headers).
   * `return jsonResponse(await forward(r.value));`
   */
  function jsonResponse(value, init = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', JSON_TYPE);
    return new Response(api.stringify(value), { ...init, headers });
  }

  /**
   * Send `value` as exact JSON through a Node response (`node:http`, Express, Connect), a Fastify `reply` or a
   * Koa `ctx`, with `status` (200). What `res.json`, `reply.send(object)` and `ctx.body = object` cannot do
   * with a BigInt.
   */
  function sendJson(target, value, status = 200) {
    const text = api.stringify(value);
    if (target && typeof target.code === 'function' && typeof target.send === 'function' && typeof target.type === 'function') {
      return writeFastify(target, { status, body: text });
    }
    if (target && target.response && target.request && 'body' in target) return writeKoa(target, { status, body: text });
    if (target && typeof target.setHeader === 'function' && typeof target.end === 'function') return writeNode(target, { status, body: text });
    throw new TypeError('sendJson(target, value): target must be a Node response, a Fastify reply or a Koa ctx');
  }

  return { MAX_LISTED, checkBody: answer, errorResponse, statusOf, middleware, fastifyPlugin, koa, validateRequest, readNodeBody, readWebBody, isJsonType, jsonResponse, sendJson };
}
