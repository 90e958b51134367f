// A call on the platform's routers, as the local gateway and the signing proxy both read it: the parameters of
// a request (query, form, multipart or a Qimen XML body), its protocol checks up to the signature, the payload
// through the core's rules, and the answers in the platform's wire form. Written once here so that a call the
// gateway would refuse is refused by the proxy in the same words, before anything goes upstream.
import * as q from './node.mjs';
import { dict } from './http.mjs';
import { errorBody } from './top-errors.mjs';

// The protocol's facts (system parameters, formats, sign methods, version, routers) come from the core.
const PROTOCOL = q.protocol();
const SYSTEM = new Set(PROTOCOL.systemParams);
// The platform accepts a timestamp within this of its own clock (GMT+8): ten minutes.
const WINDOW_MS = PROTOCOL.timestampWindowMs;
/** The Qimen routers' paths (`/router/qm`, `/router/qmtest`). */
export const QIMEN_PATHS = new Set([PROTOCOL.routers.qimen, PROTOCOL.routers.qimenTest]);
/** The TOP router's path (`/router/rest`, with or without its trailing slash). */
export const TOP_PATHS = new Set([PROTOCOL.routers.top, `${PROTOCOL.routers.top}/`]);
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

/**
 * An answer in the format asked for: `{ status, type, text }`, JSON wrapped in `element` (bare when
 * simplified), or XML. `simplify` is a JSON option on the platform too: XML answers are the same either way.
 */
export function answer(status, element, body, { format, simplify, fields = [] }) {
  if (format === 'xml') {
    return { status, type: 'text/xml; charset=utf-8', text: `<?xml version="1.0" encoding="utf-8"?>${toXml(element, body, fields)}` };
  }
  const json = toJson(body, fields, simplify);
  return { status, type: 'application/json; charset=utf-8', text: JSON.stringify(simplify ? json : { [element]: json }) };
}

/** The platform's error answer (HTTP 200, as the platform sends it, unless the caller says otherwise). */
export function errorAnswer(code, { format = 'json', ...rest } = {}) {
  return answer(200, 'error_response', errorBody(code, rest), { format, simplify: false });
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

/**
 * A request's parameters: `search` (URLSearchParams of its target), `body` (bytes), `contentType`, `qimen`
 * (an XML body is taken on the Qimen routers). `{ params, xmlBody }` — parameters by name without a prototype
 * (a parameter may be called __proto__), at most MAX_PARAMS — or `{ refusal: { status, word, args } }`.
 */
export function readCall({ search, body, contentType, qimen }) {
  const params = dict();
  let count = 0;
  const add = (k, v) => {
    count += 1;
    params[k] = v;
    return count <= MAX_PARAMS;
  };
  const tooMany = { refusal: { status: 400, word: 'tooManyParams', args: [MAX_PARAMS] } };
  for (const [k, v] of search) if (!add(k, v)) return tooMany;
  const rawType = String(contentType ?? '');
  const type = rawType.toLowerCase();
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let xmlBody = null;
  if (bytes.length) {
    if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(bytes.toString('utf8'))) if (!add(k, v)) return tooMany;
    } else if (type.startsWith('multipart/form-data')) {
      const fields = parseMultipart(bytes, rawType);
      if (!fields) return { refusal: { status: 200, word: 'noBoundary', args: [] } };
      for (const [k, v] of fields) if (!add(k, v)) return tooMany;
    } else if (qimen && (type.includes('xml') || bytes.toString('utf8', 0, 64).trimStart().startsWith('<'))) {
      xmlBody = bytes.toString('utf8');
    } else {
      return { refusal: { status: 200, word: 'contentType', args: [type] } };
    }
  }
  return { params, xmlBody };
}

/**
 * The protocol's checks of a call, in the platform's order, up to its signature: `null` when it passes, or
 * the refusal as `[code, { subCode, subMsg }]`. `secretOf(appKey)` (undefined: no such app), `methods` (the
 * known ones), `clock` (epoch ms) and `say` (the servers' words) are the caller's.
 */
export function verifyCall(params, xmlBody, { secretOf, methods, clock, say }) {
  if (!params.method) return [21, {}];
  if (!methods.has(params.method)) return [22, { subMsg: say('unknownMethod', params.method) }];
  if (!PROTOCOL.formats.includes(params.format ?? 'json')) return [23, {}];
  if (!params.app_key) return [28, {}];
  const secret = secretOf(params.app_key);
  if (secret === undefined) return [29, {}];
  if (!params.timestamp) return [30, {}];
  // A malformed timestamp is named as malformed; a well-formed one too far from the clock as such.
  const ts = timestampMillis(params.timestamp);
  if (ts === null) return [31, { subCode: 'isv.invalid-timestamp-format', subMsg: say('timestampForm') }];
  if (Math.abs(ts - clock()) > WINDOW_MS) return [31, { subCode: 'isv.timestamp-out-of-window', subMsg: say('timestampWindow') }];
  if (!params.v) return [32, {}];
  if (params.v !== PROTOCOL.version) return [params.v.split('.')[0] === PROTOCOL.version.split('.')[0] ? 34 : 33, {}];
  if (!params.sign) return [24, {}];
  const signMethod = params.sign_method ?? 'md5';
  if (!PROTOCOL.signMethods.includes(signMethod)) return [25, { subMsg: say('signMethod', signMethod) }];
  const { sign, ...signed } = params;
  let expected;
  try {
    expected = q.signParams(signed, secret, signMethod, xmlBody ?? undefined);
  } catch {
    return [25, {}];
  }
  return String(sign).toUpperCase() === expected ? null : [25, {}];
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

/**
 * A call's payload through the core's rules: the XML body with `checkXml`, or the business parameters of a form
 * (objects and lists travel as JSON text) with `check`. `kinds` maps the method's field names to their kinds.
 */
export function checkCall(params, xmlBody, kinds) {
  if (xmlBody !== null) return q.checkXml(params.method, xmlBody, params.customerId);
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

/** A refused payload's answer fields: 40 (missing) or 41 (invalid), the first issue's path in the sub code. */
export function payloadRefusal(report, inLanguage) {
  const first = report.errors[0];
  const missing = first.topCode === 40;
  return [missing ? 40 : 41, { subCode: `${missing ? 'isv.missing-parameter' : 'isv.invalid-parameter'}:${first.path}`, subMsg: inLanguage(first) }];
}

/** Each method's field kinds (which business parameters travel as JSON), read from its table once. */
const fieldKindsOf = (methods) => new Map([...methods].map((m) => [m, new Map(q.fields(m).map((f) => [f.name, f.kind]))]));

/**
 * The methods the gateway and the proxy know, in step with the package's tables: the shipped ones and every one
 * registered, before or after the server was made (`registerApi` in the same process: `--api`, the console's
 * stack). What each server reads of a method — its `methods()` entry and its fields' kinds (which business
 * parameters travel as JSON) — is read again only when `instanceStats().tableChanges` moves, not per call.
 */
export function methodBook() {
  let seen = -1;
  let info = new Map();
  let kinds = new Map();
  const fresh = () => {
    const changes = q.instanceStats().tableChanges;
    if (changes !== seen) {
      seen = changes;
      info = new Map(q.methods().map((m) => [m.method, m]));
      kinds = fieldKindsOf(info.keys());
    }
  };
  return {
    has: (method) => (fresh(), info.has(method)),
    info: (method) => (fresh(), info.get(method)),
    kinds: (method) => (fresh(), kinds.get(method)),
  };
}
