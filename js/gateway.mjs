// The local gateway (issue 16): a Node HTTP server that answers as the platform's routers do, for our methods,
// so that ERP/POS/WMS code can be tested before going live. Protocol checks with TOP's public error codes and
// `error_response` shape, the signature recomputed by the core's signer, the payload through the same rules
// (`check`, `checkXml`), answers in each method's response shape, and state: a stock ledger and shopinv's
// idempotency, optionally kept in an append-only journal. Fault injection and a fixed clock for tests.
//
// Everything about a payload comes from the core; what is written here is the router's side of the protocol
// and a simulated platform's behaviour (what a valid call changes and answers).
import http from 'node:http';
import * as q from './node.mjs';
import { createLedger } from './gateway-ledger.mjs';
import { openJournal } from './gateway-journal.mjs';
import { pathOf, fromOtherSite, isLoopbackName, isLoopbackHost } from './http.mjs';
import { QIMEN_PATHS, TOP_PATHS, MAX_PARAMS, gmt8Millis, answer, errorAnswer, readCall, verifyCall, checkCall, payloadRefusal, methodBook } from './router.mjs';
import { TOP_ERRORS, errorBody, wordsIn } from './top-errors.mjs';

// The platform's error codes and their `msg` (one table, js/top-errors.mjs, shared with the proxy).
export { TOP_ERRORS };

// The router's wire (reading a call, its protocol checks, the payload's check, answers): js/router.mjs, shared
// with the proxy.
export { MAX_PARAMS, gmt8Millis };

const FAULT_STEPS = new Set(['ok', 'slow', 'drop']);
const MAX_SLOW_MS = 10 * 60 * 1000;

/**
 * Check fault options before any call: every key a known method or '*', every step 'ok', 'slow', 'drop' or one
 * of TOP's codes that the gateway answers with, every rate from 0 to 1, `slowMs` a delay it can wait. A fault
 * that could never fire, or would answer a code that is none, is refused with a RangeError naming it.
 */
export function checkFaults(faults, methods = q.methods().map((m) => m.method)) {
  const known = new Set(methods);
  const out = new Map();
  if (faults === undefined || faults === null) return out;
  if (typeof faults !== 'object' || Array.isArray(faults)) throw new RangeError('faults must be an object keyed by method');
  const stepOk = (step, withOk) => (withOk && step === 'ok') || (step !== 'ok' && FAULT_STEPS.has(step)) || (/^\d{1,3}$/.test(step) && Object.hasOwn(TOP_ERRORS, step));
  const steps = () => `'ok', 'slow', 'drop' or a TOP code (${Object.keys(TOP_ERRORS).join(', ')})`;
  for (const method of Object.keys(faults)) {
    if (method !== '*' && !known.has(method)) throw new RangeError(`fault for an unknown method '${method.slice(0, 80)}' (one of ${[...known].join(', ')}, or '*')`);
    const f = faults[method];
    if (!f || typeof f !== 'object') throw new RangeError(`fault ${method}: give { script, rates, slowMs }`);
    const script = f.script === undefined ? [] : f.script;
    if (!Array.isArray(script)) throw new RangeError(`fault ${method}: script must be a list of steps`);
    for (const step of script) if (!stepOk(String(step), true)) throw new RangeError(`fault ${method}: step '${String(step).slice(0, 40)}' is not ${steps()}`);
    const rates = new Map();
    for (const [fault, rate] of Object.entries(f.rates ?? {})) {
      if (!stepOk(fault, false)) throw new RangeError(`fault ${method}: rate for '${fault.slice(0, 40)}', which is not 'slow', 'drop' or a TOP code`);
      if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new RangeError(`fault ${method}: the rate of ${fault} must be a number from 0 to 1, not ${String(rate).slice(0, 40)}`);
      rates.set(fault, rate);
    }
    const slowMs = f.slowMs ?? 3000;
    if (typeof slowMs !== 'number' || !Number.isInteger(slowMs) || slowMs < 0 || slowMs > MAX_SLOW_MS) throw new RangeError(`fault ${method}: slowMs must be a whole number of milliseconds from 0 to ${MAX_SLOW_MS}, not ${String(slowMs).slice(0, 40)}`);
    out.set(method, { script: script.map(String), rates, slowMs });
  }
  return out;
}

/**
 * Make the gateway: `{ handle(req, res), ledger, close() }`.
 * Options: `apps` ({ appKey: secret }), `sessions` (valid sessions; when given, TOP methods need one),
 * `clock` (() => epoch ms; fixed for replays), `state` (journal file), `faults` ({ method|'*': { script:
 * [code|'ok'|'slow'|'drop'], rates: { 7: 0.1, … }, slowMs } }; checked by checkFaults), `language` ('zh'
 * default: sub_msg words), `warn` (hears the journal's repairs and skipped lines; stderr by default),
 * `compactBytes` (the journal's size before it is compacted into a snapshot).
 */
export function createGateway(options = {}) {
  const apps = new Map(Object.entries(options.apps ?? {}));
  const sessions = options.sessions ? new Set(options.sessions) : null;
  const clock = options.clock ?? (() => Date.now());
  const language = options.language ?? 'zh';
  const say = wordsIn(language);
  const inLanguage = (issue) => (language === 'zh' ? issue.messageZh : issue.messageEn ?? issue.message);
  const faults = checkFaults(options.faults);

  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`));
  // The shipped methods and the registered ones (`--api`, or registerApi before or after the gateway was made).
  const methods = methodBook();
  const ledger = createLedger((m) => methods.info(m)?.successAnswer);
  const journal = options.state ? openJournal(options.state, ledger, { warn, compactBytes: options.compactBytes }) : null;
  const scripts = new Map();
  let seq = 0;
  const requestId = () => `gw${(++seq).toString(36)}${Math.floor(clock() / 1000).toString(36)}`;
  // Bound to loopback (the default), the gateway answers only to its loopback names: a Host naming anything
  // else is a page that rebound its own name to 127.0.0.1.
  const loopbackOnly = options.host === undefined || isLoopbackName(options.host);

  /** The fault for this call, if any: a scripted step first, then the configured rates. */
  function fault(method) {
    for (const key of [method, '*']) {
      const f = faults.get(key);
      if (!f) continue;
      if (f.script.length) {
        const i = scripts.get(key) ?? 0;
        if (i < f.script.length) {
          scripts.set(key, i + 1);
          const step = String(f.script[i]);
          return step === 'ok' ? null : step;
        }
      }
      for (const [code, rate] of f.rates) if (Math.random() < rate) return code;
    }
    return null;
  }

  /** One call, from its parameters and (XML mode) body: the answer to send. */
  function route(params, xmlBody, qimen) {
    const at = { format: params.format === 'xml' ? 'xml' : 'json', requestId: requestId() };
    const refused = verifyCall(params, xmlBody, { secretOf: (key) => apps.get(key), methods, clock, say });
    if (refused) return errorAnswer(refused[0], { ...at, ...refused[1] });
    const api = methods.info(params.method);
    if (sessions && !qimen && !api.xmlBody) {
      if (!params.session) return errorAnswer(26, at);
      if (!sessions.has(params.session)) return errorAnswer(27, at);
    }
    const injected = fault(params.method);
    if (injected && /^\d+$/.test(injected)) return errorAnswer(Number(injected), { ...at, subCode: 'isp.simulated-fault', subMsg: say('injected') });
    // The payload through the core's rules.
    const report = checkCall(params, xmlBody, methods.kinds(params.method));
    if (!report.ok) {
      const [code, words] = payloadRefusal(report, inLanguage);
      return errorAnswer(code, { ...at, ...words });
    }
    const { body, changed } = ledger.answer(params.method, report.value, { requestId: at.requestId });
    // JSON answers are wrapped in the method's response element (what every TOP client, the Node client
    // included, looks up by the method's name; the Qimen cloud parsers take any single root); the classic Qimen
    // XML protocol (the /router/qm router) answers in <response>.
    const element = qimen && at.format === 'xml' ? 'response' : api.responseElement;
    if (changed && journal) journal.append(params.method, report.value, at.requestId);
    return { ...answer(200, element, body, { format: at.format, simplify: params.simplify === 'true', fields: api.response }), fault: injected };
  }

  async function handle(req, res) {
    const send = (a, close = false) => {
      if (a.fault === 'drop') return req.socket.destroy();
      const headers = { 'content-type': a.type, 'content-length': Buffer.byteLength(a.text) };
      if (close) headers.connection = 'close';
      res.writeHead(a.status, headers);
      res.end(a.text);
    };
    const target = pathOf(req.url);
    if (!target) return send({ ...errorAnswer(43, { subMsg: say('badTarget') }), status: 400 }, true);
    // A page in a browser is not a client of the platform: a cross-site (or DNS-rebound) request is refused
    // before it can change the ledger. The platform's SDKs send no Origin or Sec-Fetch-Site.
    const header = (name) => req.headers[name];
    if (fromOtherSite(header) || (loopbackOnly && !isLoopbackHost(header('host')))) {
      return send({ ...errorAnswer(11, { subCode: 'isv.cross-site-request', subMsg: say('crossSite') }), status: 403 }, true);
    }
    if (req.method === 'GET' && target.path === '/_ledger') {
      const text = q.stringify(ledger.state());
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      return res.end(text);
    }
    const qimen = QIMEN_PATHS.has(target.path);
    if (!qimen && !TOP_PATHS.has(target.path)) return send({ ...errorAnswer(22, { subMsg: say('noRouter', target.path) }), status: 404 });
    const read = req.method === 'GET' || req.method === 'HEAD' ? { body: Buffer.alloc(0) } : await q.readNodeBody(req);
    if (read.refusal) {
      // The middleware's bounded reader: too large (413), too slow (408), broken (400), said in our words.
      return send({ ...errorAnswer(43, { subMsg: inLanguage(read.refusal.errors[0]) }), status: q.statusOf(read.refusal) }, true);
    }
    const call = readCall({ search: target.search, body: read.body, contentType: req.headers['content-type'], qimen });
    if (call.refusal) return send({ ...errorAnswer(43, { subMsg: say(call.refusal.word, ...call.refusal.args) }), status: call.refusal.status }, call.refusal.status !== 200);
    const { params, xmlBody } = call;
    let a;
    try {
      a = route(params, xmlBody, qimen);
    } catch (e) {
      a = errorAnswer(50, { subMsg: say('serverError') });
      options.onError?.(e);
    }
    if (a.fault === 'slow') {
      const slowMs = (faults.get(params.method) ?? faults.get('*')).slowMs;
      return setTimeout(() => send(a), slowMs);
    }
    return send(a);
  }

  return { handle, ledger, compact: () => journal?.compact(), close() {} };
}

/** Start the gateway on `port` (0: any) and `host` (127.0.0.1): `{ server, url, gateway, close() }`. */
export function startGateway(options = {}) {
  const gateway = createGateway(options);
  const server = http.createServer((req, res) => {
    gateway.handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, gateway, url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
