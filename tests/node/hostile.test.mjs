// Hostile JS values on the object path (issue 21.2): Proxies whose traps throw, a revoked Proxy (a stale Immer
// draft), throwing getters, objects that only look like Dates. Each must become a structured issue at its path
// — never an exception out of check/render/chunk/buildRequest/signParams — and 10,000 of them must leave the
// instance healthy (no recovery needed, memory flat).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';

const boom = () => { throw new Error('boom'); };
const hostile = {
  'array element getter': () => { const a = [{ itemCode: 'A', paperQty: 1 }]; Object.defineProperty(a, 0, { get: boom }); return a; },
  'ownKeys trap': () => new Proxy({}, { ownKeys: boom }),
  'getPrototypeOf trap': () => new Proxy({}, { getPrototypeOf: boom }),
  'getOwnPropertyDescriptor trap': () => new Proxy({ a: 1 }, { getOwnPropertyDescriptor: boom }),
  'array length trap': () => new Proxy([], { get: (t, k) => (k === 'length' ? boom() : t[k]) }),
  'revoked Proxy': () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; },
  'Object.create(Date.prototype)': () => Object.create(Date.prototype),
  'Proxy around a Date': () => new Proxy(new Date(0), {}),
  'throwing constructor getter': () => { class X {} Object.defineProperty(X.prototype, 'constructor', { get: boom }); return new X(); },
  'getter on a member': () => Object.defineProperty({}, 'storeCode', { get: boom, enumerable: true }),
};

const POS = 'qimen.taobao.pos.inventory.synchronize';
const placements = {
  'a list': (h) => ({ orderInfo: { storeCode: 'S' }, item: h }),
  'an object field': (h) => ({ orderInfo: h }),
  'a date field': (h) => ({ orderInfo: { storeCode: 'S', operator: [{ operateTime: h }] } }),
  'the payload': (h) => h,
};

for (const [name, make] of Object.entries(hostile)) {
  test(`${name}: a structured issue from every export, never an exception`, () => {
    for (const [where, place] of Object.entries(placements)) {
      const payload = place(make());
      const r = q.check(POS, payload);
      // (A throwing getter on an unknown top-level member is only an unknown-field warning: the member is dropped.)
      if (!(name === 'getter on a member' && where === 'the payload')) assert.equal(r.ok, false, `${where}: refused`);
      else continue;
      assert.ok(r.errors.every((e) => typeof e.path === 'string' && e.message), `${where}: structured`);
      assert.throws(() => q.render(POS, place(make()), 'xml'), (e) => e instanceof q.PayloadError, `${where}: render`);
      assert.throws(() => q.chunk(POS, place(make())), (e) => e instanceof q.PayloadError, `${where}: chunk`);
      assert.throws(() => q.buildRequest(POS, place(make()), { appKey: 'k', secret: 's' }), (e) => e instanceof q.PayloadError, `${where}: buildRequest`);
    }
    // An object with no readable keys signs as no params, or is refused: never an exception of another kind.
    try {
      assert.equal(typeof q.signParams(make(), 's'), 'string');
    } catch (e) {
      assert.ok(e instanceof q.PayloadError, `signParams: ${e}`);
    }
    assert.throws(() => q.buildRequest(POS, '{}', make()), (e) => e instanceof q.PayloadError, 'buildRequest options');
  });
}

test('the issue names the place: a throwing element at item[0], a revoked Proxy at orderInfo', () => {
  const a = q.check(POS, placements['a list'](hostile['array element getter']()));
  assert.deepEqual(a.errors.map((e) => `${e.path} ${e.code}`), ['item[0] type']);
  const b = q.check(POS, placements['an object field'](hostile['revoked Proxy']()));
  assert.deepEqual(b.errors.map((e) => `${e.path} ${e.code}`), ['orderInfo type']);
});

test('10,000 hostile calls leave the instance healthy: no recovery needed, memory flat, every export works', () => {
  const makers = Object.values(hostile);
  const places = Object.values(placements);
  const before = q.instanceStats();
  const big = 'x'.repeat(1 << 20); // decoded before the bad member: must not leak
  for (let i = 0; i < 10_000; i++) {
    const payload = { orderInfo: { storeCode: big }, item: places[i % places.length](makers[i % makers.length]()) };
    q.check(POS, payload);
    if (i === 100) var memory = q.memoryBytes(); // eslint-disable-line no-var
  }
  assert.equal(q.memoryBytes(), memory, 'linear memory did not grow');
  assert.deepEqual(q.instanceStats(), before, 'nothing escaped, so no instance had to be replaced');
  for (const m of q.methods()) assert.equal(q.check(m.method, q.example(m.method)).ok, true);
  assert.match(q.render(POS, q.example(POS), 'xml'), /^<request>/);
  assert.equal(q.signParams({ a: '1' }, 's', 'md5').length, 32);
});

test('every argument is bounded before it is copied into wasm memory (issue 21.3)', () => {
  const before = q.memoryBytes();
  const huge = 'm'.repeat(50 * 1024 * 1024);
  const r = q.check(huge, '{}');
  assert.equal(r.errors[0].code, 'unknown_method');
  assert.ok(r.errors[0].message.length < 2000, 'the message repeats only a prefix');
  assert.throws(() => q.signParams({ a: huge }, 's'), (e) => e.errors[0].code === 'too_large' && e.errors[0].path === 'options.params');
  assert.throws(() => q.signParams({ a: '1' }, huge), (e) => e.errors[0].code === 'too_large');
  assert.throws(() => q.signParams({ a: '1' }, 's', 'md5', huge), (e) => e.errors[0].code === 'too_large');
  assert.throws(() => q.buildRequest(POS, '{}', { appKey: huge, secret: 's' }), (e) => e.errors[0].path === 'options.appKey' && e.errors[0].code === 'too_large');
  assert.throws(() => q.parseResponse(POS, huge), (e) => e.errors[0].code === 'too_large');
  assert.ok(q.memoryBytes() - before < 8 * 1024 * 1024, `linear memory grew by ${q.memoryBytes() - before} bytes for 50 MiB arguments`);
});

test('signParams with its arguments swapped never repeats the secret', () => {
  const secret = 'sup3r-s3cret-in-the-wrong-place';
  assert.throws(() => q.signParams({ a: '1' }, 'hmac-sha256', secret), (e) => e instanceof q.PayloadError
    && !e.message.includes(secret) && !JSON.stringify(e.errors).includes(secret));
  assert.throws(() => q.buildRequest(POS, '{}', { appKey: 'k', secret: 's', signMethod: secret }), (e) => !JSON.stringify(e.errors).includes(secret));
  // The secret in any other option that is checked against a list or a form (issue 27 §16): refused, never repeated.
  for (const name of ['format', 'timestamp', 'body']) {
    assert.throws(() => q.buildRequest(POS, q.example(POS), { appKey: 'k', secret: 's', [name]: secret }), (e) => e instanceof q.PayloadError
      && e.errors[0].path === `options.${name}` && !e.message.includes(secret) && !JSON.stringify(e.errors).includes(secret), name);
  }
  assert.throws(() => q.render(POS, q.example(POS), { format: secret }), (e) => e.errors[0].path === 'options.format' && !JSON.stringify(e.errors).includes(secret));
  // A date with an impossible month is still repeated, as it is in a payload: only text that is no date is not.
  assert.throws(() => q.buildRequest(POS, q.example(POS), { appKey: 'k', secret: 's', timestamp: '2016-13-01 00:00:00' }),
    (e) => e.errors[0].code === 'datetime' && e.message.includes('2016-13-01'));
});

test('a lone surrogate in the secret, a signed option or a signed body is refused, never signed as U+FFFD', () => {
  const lone = 'ab\uD800cd';
  const refused = (f, path) => assert.throws(f, (e) => e instanceof q.PayloadError && e.errors[0].path === path && e.errors[0].code === 'type', path);
  refused(() => q.signParams({ a: '1' }, lone), 'options.secret');
  refused(() => q.signParams({ a: '1' }, 's', 'md5', lone), 'options.body');
  refused(() => q.buildRequest(POS, q.example(POS), { appKey: 'k', secret: lone }), 'options.secret');
  refused(() => q.buildRequest(POS, q.example(POS), { appKey: lone, secret: 's' }), 'options.appKey');
  refused(() => q.buildRequest(POS, q.example(POS), { appKey: 'k', secret: 's', session: lone }), 'options.session');
  // A well-formed pair and a real U+FFFD are text, and signed.
  assert.match(q.signParams({ a: '1' }, 'ab\uD83D\uDE00cd'), /^[0-9A-F]{32}$/);
  assert.match(q.signParams({ a: '1' }, 'ab\uFFFDcd'), /^[0-9A-F]{32}$/);
  assert.notEqual(q.signParams({ a: '1' }, 'ab\uFFFDcd'), q.signParams({ a: '1' }, 'abcd'));
});

test('memory is given back: after an input that grows linear memory past 64 MiB, a fresh instance takes over', () => {
  const before = q.instanceStats();
  // ~6 MiB of empty lists: within the input limit, but its value (an empty object per entry, which the checks
  // read by index) needs more than 64 MiB of wasm memory.
  const text = `{"items":[${'[],'.repeat(2 * 1024 * 1024)}[]]}`;
  const r = q.check('tmall.qimendc.inventory.sync', text);
  assert.equal(r.ok, false);
  const after = q.instanceStats();
  assert.equal(after.memoryResets, before.memoryResets + 1, 'the grown instance was replaced');
  assert.ok(q.memoryBytes() < 64 * 1024 * 1024, `linear memory back to ${q.memoryBytes()} bytes`);
  assert.equal(q.check(POS, q.example(POS)).ok, true, 'the fresh instance works');
});
