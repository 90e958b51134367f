// Our own JS fuzz harness over every export, through the built package: grammar-generated payloads (from the
// rule tables as data, `fields(method)`) and their mutations, on the object path (with Proxies, getters,
// Dates, BigInts, NaN, lone surrogates, deep and cyclic values) and the text path (byte flips, cuts, splices),
// random options, params and response texts. Seeded, time-bounded; prints the seed and counts.
//
// Invariants: no export throws anything but PayloadError (check never throws at all); check's ok ⇔ no errors;
// an ok value renders, and the rendering checks ok to the same value (idempotence); no instance is replaced
// (nothing escaped); linear memory stays under the 64 MiB ceiling between calls.
//
// node tests/fuzz/js-fuzz.mjs [seconds] [seed]   (npm test runs it for 20 s with a fixed seed; npm run fuzz longer)
import { createRequire } from 'node:module';

const q = createRequire(import.meta.url)('qimen-payload');
const seconds = Number(process.argv[2] ?? process.env.QIMEN_FUZZ_SECONDS ?? 20);
const seed = Number(process.argv[3] ?? process.env.QIMEN_FUZZ_SEED ?? 20261123) >>> 0;

// mulberry32: small, seeded, good enough to explore.
let state = seed;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rand() * n);
const pick = (a) => a[int(a.length)];
const chance = (p) => rand() < p;

const methods = q.methods().map((m) => m.method);
const tables = Object.fromEntries(methods.map((m) => [m, q.fields(m)]));

const strings = ['', ' ', 'A1', 'SKU-001', '天猫精灵', 'x'.repeat(300), '\u00a0', '\ud800', 'a\u0001b', 'a\r\nb', '<&>"\'', '#big42#', '12.5元', '9折', '90%', '全量', '正品', '2024-05-01', '2024/13/01', '1714530600000', 'null', 'true', '1e400', '-0', '０１２'];
const numbers = [0, 1, -1, 12.5, 0.9, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e21, 1e-7, NaN, Infinity];
const boom = () => { throw new Error('getter'); };
const hostile = [
  () => new Proxy({}, { ownKeys: boom }), () => new Proxy([], { get: (t, k) => (k === 'length' ? boom() : t[k]) }),
  () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }, () => Object.create(Date.prototype),
  () => new Proxy(new Date(0), {}), () => Object.defineProperty({}, 'a', { get: boom, enumerable: true }),
  () => new Map([[1, 2]]), () => new Set([1]), () => Symbol('s'), () => () => 1, () => new Date(int(2 ** 40)), () => BigInt(int(1e9)) * 10n ** 12n,
  () => { const o = {}; o.self = o; return o; }, () => { let a = []; for (let i = 0; i < 80; i++) a = [a]; return a; },
  () => new Uint8Array([123, 125]), () => undefined, () => null, () => [],
];

/** A value for a field of the table: usually plausible, sometimes not. */
function value(f, depth = 0) {
  if (chance(0.06)) return pick(hostile)();
  if (chance(0.08)) return chance(0.5) ? pick(strings) : pick(numbers);
  switch (f.kind) {
    case 'object': return object(f.fields, depth + 1);
    case 'list': return Array.from({ length: chance(0.1) ? int(150) : int(4) }, () => object(f.fields, depth + 1));
    case 'enum': return chance(0.7) ? pick(f.codes).code : pick(f.codes).labelZh;
    case 'long': return chance(0.5) ? int(1e6) : String(int(1e12));
    case 'boolean': return chance(0.8) ? chance(0.5) : 'TRUE';
    case 'price': return pick(['12.5', 12.5, '0', '1,234.56', '12.345', -1]);
    case 'discount': return pick(['0.9', '9折', '90%', 0.85, 1, 0, '1.5']);
    case 'date': return pick(['2024-05-01', '2024/5/1', '20240501', 1714530600000, '2024-02-30']);
    case 'datetime': return pick(['2024-05-01 10:30:00', '2024-05-01T02:30:00Z', '2024-05-01 10:30:00.123456789012', 1714530600000, '2024-05-01']);
    default: return chance(0.8) ? (f.example || pick(strings)) : pick(strings);
  }
}
function object(fields, depth = 0) {
  const o = {};
  for (const f of fields) if (f.required || chance(0.6)) o[f.name] = depth > 6 ? null : value(f, depth);
  if (chance(0.1)) o[pick(['unknwon', 'itemcode', 'x'.repeat(int(100)), '__proto__', 'constructor'])] = 1;
  return o;
}

/** Byte-level mutations of a JSON text. */
function mutateText(t) {
  const b = Buffer.from(t, 'utf8');
  switch (int(5)) {
    case 0: if (b.length) b[int(b.length)] = int(256); return b;
    case 1: return b.subarray(0, int(b.length + 1)).toString('latin1');
    case 2: { const at = int(t.length + 1); return t.slice(0, at) + pick(['{', '[', '"', ',', '}', ']', '\\u0000', '1e99999', '\ud800']) + t.slice(at); }
    case 3: return t.replace(/\d+/, String(2n ** 70n));
    default: return t + ' '.repeat(int(10));
  }
}

function responseText() {
  const body = pick([
    '<response><flag>success</flag><code>0</code></response>', '{"response":{"flag":"failure","code":"E1"}}',
    '{"error_response":{"code":15,"msg":"Remote service error","sub_msg":"x"}}', '{"error_response":"boom","flag":"success"}',
    '{"inventory_shopinv_adjust_response":{"result":{"success":true,"data":[{"sub_order_id":"s","success":true},1]}}}',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', '<a><b>' + 'x'.repeat(int(50)) + '</b></a>', '[]', 'null', '',
    '{"tmall_qimendc_inventory_sync_response":{"qimendc_success":true}}', '<response><flag>SUCCESS</flag></response>',
  ]);
  return chance(0.4) ? String(mutateText(body)) : body;
}

const PE = q.PayloadError;
const failures = [];
const counts = {};
const note = (name) => { counts[name] = (counts[name] ?? 0) + 1; };
/** A call whose only allowed exception is `tolerated` (a PayloadError unless told): its answer, or undefined. */
const expectOnly = (name, f, tolerated = PE) => {
  note(name);
  try {
    return f();
  } catch (e) {
    if (!(tolerated && e instanceof tolerated)) failures.push(`${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
    return undefined;
  }
};
/** A call that must never throw, whatever the input. */
const never = (name, f) => expectOnly(name, f, null);

const start = Date.now();
const stats0 = q.instanceStats();
let iterations = 0;
while (Date.now() - start < seconds * 1000 && failures.length < 20) {
  iterations += 1;
  const method = chance(0.97) ? pick(methods) : pick(['', 'taobao.nope', 'x'.repeat(1000), 42, null]);
  const table = tables[method] ?? tables[methods[0]];
  const payload = chance(0.05) ? pick(hostile)() : object(table);
  let text;
  try { text = q.stringify(payload); } catch { text = '{}'; }
  const input = pick([payload, payload, text ?? '{}', String(mutateText(text ?? '{}')), Buffer.from(text ?? '{}')]);

  const r = never('check', () => q.check(method, input));
  if (r === undefined) continue;
  if (r.ok !== (r.errors.length === 0)) failures.push(`check: ok=${r.ok} with ${r.errors.length} errors`);
  // The verdict-only path agrees with check, issue for issue, and carries no value.
  const v = never('validate', () => q.validate(method, input));
  if (v === undefined) continue;
  if ('value' in v || v.ok !== r.ok || JSON.stringify(v.errors) !== JSON.stringify(r.errors) || JSON.stringify(v.warnings) !== JSON.stringify(r.warnings)) {
    failures.push(`validate disagrees with check for ${String(method).slice(0, 60)}`);
  }
  if (r.ok) {
    const json = expectOnly('render json', () => q.render(method, r.value));
    if (json === undefined) failures.push(`render refused an ok value of ${method}`);
    else {
      const again = q.check(method, json);
      if (!again.ok || q.stringify(again.value) !== q.stringify(r.value)) failures.push(`idempotence: ${method} ${json.slice(0, 200)}`);
    }
    expectOnly('render xml', () => q.render(method, r.value, { format: 'xml' }));
  }
  expectOnly('render bad format', () => q.render(method, input, pick([42, 'yaml', {}, null, { format: 7 }])));
  expectOnly('chunk', () => q.chunk(method, input));
  expectOnly('buildRequest', () => q.buildRequest(method, input, pick([
    { appKey: 'k', secret: 's' }, { appKey: 'k', secret: 's', body: pick(['xml', 'form', 'soap', 3]), signMethod: pick(['md5', 'hmac', 'hmac-sha256', 'sha1', 1]) },
    { appKey: '', secret: 's' }, { appKey: 'k', secret: 's', timestamp: pick([0, -1, 1e20, 'yesterday', new Date(), NaN]) }, pick(hostile)(), undefined,
  ])));
  expectOnly('signParams', () => q.signParams(chance(0.8) ? { a: pick(strings), b: pick(numbers), c: chance(0.5) ? 1n : null } : pick(hostile)(), pick(['s', '', 1, 'hmac-sha256']), pick(['md5', 'hmac', 'x', undefined]), pick([undefined, '<r/>', 3])));
  expectOnly('parseResponse', () => q.parseResponse(method, chance(0.9) ? responseText() : pick(hostile)()));
  if (iterations % 97 === 0) {
    note('describe');
    for (const m of methods) { q.schema(m); q.fields(m); q.example(m); }
    q.methods(); q.limits();
  }
  if (q.memoryBytes() > 64 * 1024 * 1024) failures.push(`linear memory at ${q.memoryBytes()} bytes between calls`);
}
const stats1 = q.instanceStats();
if (stats1.recoveries !== stats0.recoveries) failures.push(`${stats1.recoveries - stats0.recoveries} instance(s) replaced after an escape`);

console.log(`js-fuzz: seed ${seed}, ${iterations} iterations in ${((Date.now() - start) / 1000).toFixed(1)} s; calls ${JSON.stringify(counts)}; memory resets ${stats1.memoryResets - stats0.memoryResets}`);
for (const f of failures.slice(0, 20)) console.log(`FAIL ${f}`);
console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
