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
import { pathOf, fromOtherSite, isLoopbackName, isLoopbackHost, dict } from './http.mjs';
import { TOP_ERRORS, errorBody, wordsIn } from './top-errors.mjs';

// The platform's error codes and their `msg` (one table, js/top-errors.mjs, shared with the proxy).
export { TOP_ERRORS };

// The protocol's facts (system parameters, formats, sign methods, version) come from the core.
const PROTOCOL = q.protocol();
const SYSTEM = new Set(PROTOCOL.systemParams);
// The platform accepts a timestamp within ten minutes of its own clock (GMT+8).
const WINDOW_MS = 10 * 60 * 1000;
const QIMEN_PATHS = new Set([PROTOCOL.routers.qimen, PROTOCOL.routers.qimenTest]);
const TOP_PATHS = new Set([PROTOCOL.routers.top, `${PROTOCOL.routers.top}/`]);
// The most parameters one call may carry (system and business): no API has more than a few dozen, and a body of
// 900,000 tiny parameters is refused before anything is signed or checked.
export const MAX_PARAMS = 512;

/** `yyyy-MM-dd HH:mm:ss` in GMT+8 → epoch ms, whatever the host's zone; null when it is not one. */
export function gmt8Millis(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(text).trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const back = new Date(ms + 8 * 3600_000);
  // 2024-02-30 would roll over: not a time.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/**
 * A `timestamp` parameter → epoch ms, or null when it is malformed: the documented `yyyy-MM-dd HH:mm:ss` (GMT+8),
 * or epoch milliseconds as the platform's newer SDKs send them (the Python and Java clients: `1732000000000`).
 */
function timestampMillis(text) {
  const t = String(text).trim();
  return /^\d{12,13}$/.test(t) ? Number(t) : gmt8Millis(t);
}

const xmlEscape = (s) => String(s).replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c]);

// Answers are written from the method's response table (`methods()[i].response`): a body arrives with wire
// names and lists as arrays; the table says which element each list entry is. Fields the table does not name
// (the platform's common `code`/`message`, error answers) are written as they are.
const described = (fields, wire) => fields?.find((f) => f.wire === wire);
const entryOf = (d, list) => {
  if (!d?.entryElement) throw new Error(`the response table names no entry element for the list ${list}`);
  return d.entryElement;
};

/** A value as XML elements: objects by member, a list as its entries, each in the table's entry element. */
function toXml(name, v, fields) {
  if (Array.isArray(v)) throw new Error(`a list needs its entry element: ${name}`);
  if (v && typeof v === 'object') {
    const members = Object.entries(v).map(([k, x]) => {
      const d = described(fields, k);
      if (Array.isArray(x)) return `<${k}>${x.map((e) => toXml(entryOf(d, k), e, d.fields)).join('')}</${k}>`;
      return toXml(k, x, d?.fields);
    });
    return `<${name}>${members.join('')}</${name}>`;
  }
  return `<${name}>${xmlEscape(v)}</${name}>`;
}

/** A value as TOP's JSON: a list wrapped in an object named by its entry element, unless simplified. */
function toJson(v, fields, simplify) {
  if (Array.isArray(v)) return v.map((e) => toJson(e, fields, simplify));
  if (!v || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    const d = described(fields, k);
    const inner = toJson(x, d?.fields, simplify);
    out[k] = Array.isArray(x) && !simplify ? { [entryOf(d, k)]: inner } : inner;
  }
  return out;
}

/** The answer in the format asked for: JSON wrapped in `element` (bare when simplified), or XML. `simplify`
 * is a JSON option on the platform too: XML answers are the same either way. */
function answer(status, element, body, { format, simplify, fields = [] }) {
  if (format === 'xml') {
    return { status, type: 'text/xml; charset=utf-8', text: `<?xml version="1.0" encoding="utf-8"?>${toXml(element, body, fields)}` };
  }
  const json = toJson(body, fields, simplify);
  return { status, type: 'application/json; charset=utf-8', text: JSON.stringify(simplify ? json : { [element]: json }) };
}

/** The platform's error answer. */
function errorAnswer(code, { format = 'json', ...rest } = {}) {
  return answer(200, 'error_response', errorBody(code, rest), { format, simplify: false });
}

/** Whether a text is exactly one JSON value. */
function isOneJsonValue(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** multipart/form-data → fields (the SDKs send business parameters this way when a file is attached). */
function parseMultipart(buf, contentType) {
  // The boundary is case-sensitive (a browser's ----WebKitFormBoundaryAbC…): read from the header as sent.
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const sep = `--${boundary[1] ?? boundary[2]}`;
  const out = [];
  for (const part of buf.toString('utf8').split(sep).slice(1)) {
    if (part.startsWith('--')) break;
    const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
    const name = /name="([^"]*)"/i.exec(head);
    if (!name) continue;
    out.push([name[1], rest.join('\r\n\r\n').replace(/\r\n$/, '')]);
  }
  return out;
}

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
  // The methods known when the gateway starts: the shipped ones and those registered (`--api`) before it.
  const methods = new Set(q.methods().map((m) => m.method));
  const info = new Map(q.methods().map((m) => [m.method, m]));
  // Each method's field kinds (which business parameters travel as JSON), read from the table once.
  const fieldKinds = new Map([...methods].map((m) => [m, new Map(q.fields(m).map((f) => [f.name, f.kind]))]));
  const ledger = createLedger((m) => info.get(m)?.successAnswer);
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
    const format = params.format ?? 'json';
    const at = { format: format === 'xml' ? 'xml' : 'json', requestId: requestId() };
    if (!params.method) return errorAnswer(21, at);
    if (!methods.has(params.method)) return errorAnswer(22, { ...at, subMsg: say('unknownMethod', params.method) });
    if (!PROTOCOL.formats.includes(format)) return errorAnswer(23, at);
    if (!params.app_key) return errorAnswer(28, at);
    const secret = apps.get(params.app_key);
    if (secret === undefined) return errorAnswer(29, at);
    if (!params.timestamp) return errorAnswer(30, at);
    // A malformed timestamp is named as malformed; a well-formed one too far from the gateway's clock as such.
    const ts = timestampMillis(params.timestamp);
    if (ts === null) return errorAnswer(31, { ...at, subCode: 'isv.invalid-timestamp-format', subMsg: say('timestampForm') });
    if (Math.abs(ts - clock()) > WINDOW_MS) return errorAnswer(31, { ...at, subCode: 'isv.timestamp-out-of-window', subMsg: say('timestampWindow') });
    if (!params.v) return errorAnswer(32, at);
    if (params.v !== PROTOCOL.version) return errorAnswer(params.v.split('.')[0] === PROTOCOL.version.split('.')[0] ? 34 : 33, at);
    if (!params.sign) return errorAnswer(24, at);
    const signMethod = params.sign_method ?? 'md5';
    if (!PROTOCOL.signMethods.includes(signMethod)) return errorAnswer(25, { ...at, subMsg: say('signMethod', signMethod) });
    const { sign, ...signed } = params;
    let expected;
    try {
      expected = q.signParams(signed, secret, signMethod, xmlBody ?? undefined);
    } catch {
      return errorAnswer(25, at);
    }
    if (String(sign).toUpperCase() !== expected) return errorAnswer(25, at);
    const api = info.get(params.method);
    if (sessions && !qimen && !api.xmlBody) {
      if (!params.session) return errorAnswer(26, at);
      if (!sessions.has(params.session)) return errorAnswer(27, at);
    }
    const injected = fault(params.method);
    if (injected && /^\d+$/.test(injected)) return errorAnswer(Number(injected), { ...at, subCode: 'isp.simulated-fault', subMsg: say('injected') });
    // The payload through the core's rules.
    const report = xmlBody !== null ? q.checkXml(params.method, xmlBody, params.customerId) : checkForm(params);
    if (!report.ok) {
      const first = report.errors[0];
      const missing = first.topCode === 40;
      return errorAnswer(missing ? 40 : 41, {
        ...at,
        subCode: `${missing ? 'isv.missing-parameter' : 'isv.invalid-parameter'}:${first.path}`,
        subMsg: inLanguage(first),
      });
    }
    const { body, changed } = ledger.answer(params.method, report.value, { requestId: at.requestId });
    // JSON answers are wrapped in the method's response element (what every TOP client, the Node client
    // included, looks up by the method's name; the Qimen cloud parsers take any single root); the classic Qimen
    // XML protocol (the /router/qm router) answers in <response>.
    const element = qimen && at.format === 'xml' ? 'response' : api.responseElement;
    if (changed && journal) journal.append(params.method, report.value, at.requestId);
    return { ...answer(200, element, body, { format: at.format, simplify: params.simplify === 'true', fields: api.response }), fault: injected };
  }

  /** Business parameters of a form request → the payload's JSON text (objects and lists travel as JSON). */
  function checkForm(params) {
    const kinds = fieldKinds.get(params.method);
    const members = [];
    for (const k of Object.keys(params)) {
      const v = params[k];
      if (SYSTEM.has(k) && !kinds.has(k)) continue;
      // An object or a list travels as JSON text, kept raw (exact Longs) when it is exactly one JSON value;
      // anything else (not JSON, or text that would splice members in) goes as a string, which the core refuses
      // at the field.
      members.push(`${JSON.stringify(k)}:${(kinds.get(k) === 'object' || kinds.get(k) === 'list') && isOneJsonValue(v) ? v : JSON.stringify(v)}`);
    }
    // Not JSON where an object or a list belongs: the core says where.
    return q.check(params.method, `{${members.join(',')}}`);
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
    // Parameters by name without a prototype (a parameter may be called __proto__), at most MAX_PARAMS.
    const params = dict();
    let count = 0;
    const add = (k, v) => {
      count += 1;
      params[k] = v;
      return count <= MAX_PARAMS;
    };
    const tooMany = () => send({ ...errorAnswer(43, { subMsg: say('tooManyParams', MAX_PARAMS) }), status: 400 }, true);
    for (const [k, v] of target.search) if (!add(k, v)) return tooMany();
    const rawType = String(req.headers['content-type'] ?? '');
    const type = rawType.toLowerCase();
    let xmlBody = null;
    if (read.body.length) {
      if (type.startsWith('application/x-www-form-urlencoded')) {
        for (const [k, v] of new URLSearchParams(read.body.toString('utf8'))) if (!add(k, v)) return tooMany();
      } else if (type.startsWith('multipart/form-data')) {
        const fields = parseMultipart(read.body, rawType);
        if (!fields) return send(errorAnswer(43, { subMsg: say('noBoundary') }));
        for (const [k, v] of fields) if (!add(k, v)) return tooMany();
      } else if (qimen && (type.includes('xml') || read.body.toString('utf8', 0, 64).trimStart().startsWith('<'))) {
        xmlBody = read.body.toString('utf8');
      } else {
        return send(errorAnswer(43, { subMsg: say('contentType', type) }));
      }
    }
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
