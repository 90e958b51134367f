// The bad-input catalogue: each bad input is answered with a structured error (never a throw from check, a
// trap, or a silent change), and the module still works afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';

const SHOP = 'taobao.inventory.shopinv.adjust';
const DC = 'tmall.qimendc.inventory.sync';
const stillWorks = () => assert.equal(q.check(SHOP, q.example(SHOP)).ok, true, 'the module still works');
const codes = (r) => r.errors.map((e) => `${e.path} ${e.code}`);

function answered(method, payload) {
  const r = q.check(method, payload);
  assert.equal(typeof r.ok, 'boolean');
  assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings));
  for (const i of [...r.errors, ...r.warnings]) assert.ok(typeof i.path === 'string' && i.code && i.message && i.messageZh);
  stillWorks();
  return r;
}

// Every scalar and container of every API, replaced by a value of each wrong type.
const WRONG = [{ nested: true }, [1, 2], true, 3.5, 'not-a-thing', null];
function paths(fields, prefix = []) {
  return fields.flatMap((f) => {
    const here = [...prefix, f.name];
    if (f.kind === 'object') return [here, ...paths(f.fields, here)];
    if (f.kind === 'list') return [here, ...paths(f.fields, [...here, 0])];
    return [here];
  });
}
for (const { method } of q.methods()) {
  test(`${method}: wrong types at every level are structured errors`, () => {
    const base = JSON.parse(q.example(method));
    let refused = 0;
    for (const path of paths(q.fields(method))) {
      for (const bad of WRONG) {
        const p = structuredClone(base);
        let o = p;
        for (const k of path.slice(0, -1)) o = o?.[k];
        if (!o || typeof o !== 'object') continue;
        o[path.at(-1)] = bad;
        const r = answered(method, p);
        if (!r.ok) refused++;
      }
    }
    assert.ok(refused > 10);
  });
}

test('null and undefined, at the top and nested', () => {
  for (const v of [null, undefined]) assert.equal(answered(SHOP, v).errors[0].code, 'malformed');
  assert.deepEqual(codes(answered(SHOP, { shop_inventory_edit: null })), ['shop_inventory_edit missing']);
  assert.equal(answered(SHOP, { shop_inventory_edit: { ...JSON.parse(q.example(SHOP)).shop_inventory_edit, order_id: undefined } }).errors[0].path, 'shop_inventory_edit.order_id');
});

test('NaN and ±Infinity are type errors at their path', () => {
  for (const v of [NaN, Infinity, -Infinity]) {
    assert.deepEqual(codes(answered(DC, { items: [{ quantity: v }] })), ['items[0].quantity type']);
  }
});

test('BigInt is an exact Long; integers beyond 2^63 are integer errors, as text or as BigInt', () => {
  assert.equal(answered(DC, { items: [{ quantity: 2n ** 62n }] }).value.items[0].quantity, 2n ** 62n);
  assert.deepEqual(codes(answered(DC, { items: [{ quantity: 2n ** 64n }] })), ['items[0].quantity integer']);
  assert.deepEqual(codes(answered(DC, '{"items":[{"quantity":9223372036854775808}]}')), ['items[0].quantity integer']);
  assert.deepEqual(codes(answered(DC, { items: [{ quantity: -(2n ** 63n) - 1n }] })), ['items[0].quantity integer']);
});

test('lone surrogates: an error at the path from objects, malformed as JSON text', () => {
  assert.deepEqual(codes(answered(DC, { items: [{ item_name: 'a\uD800b' }] })), ['items[0].item_name invalid_char']);
  assert.equal(answered(DC, '{"req_id":"\\udc00"}').errors[0].code, 'malformed');
  assert.equal(answered(DC, `{"req_id":"\uD800"}`).errors[0].code, 'malformed');
  // A real U+FFFD (what the copy into wasm turns a lone surrogate into) is an ordinary character.
  assert.equal(answered(DC, { items: [{ item_name: 'a\uFFFDb' }] }).value.items[0].item_name, 'a\uFFFDb');
  assert.equal(answered(DC, `{"req_id":"\uFFFD"}`).value.req_id, '\uFFFD');
  assert.deepEqual(codes(answered(DC, { items: [{ item_name: '\uFFFDa\uDC00' }] })), ['items[0].item_name invalid_char']);
});

test('XML specials are escaped; control characters are warned and refused by the XML renderer', () => {
  const r = answered(DC, { cp_code: '<&>"\'', req_id: 'a\u0000b\u001f' });
  assert.deepEqual(r.warnings.map((w) => `${w.path} ${w.code}`), ['req_id invalid_char']);
  assert.throws(() => q.render(DC, { req_id: 'a\u0000b' }, 'xml'), (e) => e.errors[0].code === 'invalid_char');
  assert.equal(q.render(DC, { cp_code: '<&>"\'' }, 'xml'), '<request><cp_code>&lt;&amp;&gt;&quot;&apos;</cp_code></request>');
});

test('__proto__ and constructor keys: unknown fields, no prototype pollution in any returned object', () => {
  const payload = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"items":[{"__proto__":{"polluted":3}}]}');
  for (const p of [payload, JSON.stringify(payload)]) {
    const r = answered(DC, p);
    assert.deepEqual(r.warnings.map((w) => w.path).sort(), ['__proto__', 'constructor', 'items[0].__proto__']);
    assert.equal(({}).polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
    assert.equal(r.value.polluted, undefined);
    assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
    for (const c of q.chunk(DC, p)) assert.equal(c.polluted, undefined);
  }
});

test('nesting 100,000 deep: too_deep, no stack overflow, as object and as text', () => {
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { a: deep };
  assert.equal(answered(DC, { items: [deep] }).errors[0].code, 'too_deep');
  assert.equal(answered(DC, `{"items":${'['.repeat(100000)}${']'.repeat(100000)}}`).errors[0].code, 'too_deep');
  const cyclic = { items: [] };
  cyclic.items.push({ item_name: 'x', self: cyclic });
  assert.equal(answered(DC, cyclic).errors[0].code, 'too_deep');
});

test('a 50 MB string: too_large as text, as a value, and as bytes', () => {
  const big = 'x'.repeat(50 * 1024 * 1024);
  const before = q.memoryBytes();
  assert.equal(answered(DC, `{"req_id":"${big}"}`).errors[0].code, 'too_large');
  assert.equal(answered(DC, { req_id: big }).errors[0].code, 'too_large');
  assert.equal(answered(DC, Buffer.from(`{"req_id":"${big}"}`)).errors[0].code, 'too_large');
  // Refused before the copy into wasm memory, which would otherwise grow for good.
  assert.ok(q.memoryBytes() - before < 1024 * 1024, `memory grew by ${q.memoryBytes() - before}`);
  // Strings that pass one by one but not together.
  assert.equal(answered(DC, { items: [{ item_name: 'x'.repeat(7 * 1024 * 1024) }], req_id: 'y'.repeat(2 * 1024 * 1024) }).errors[0].code, 'too_large');
});

test('1,000,000 list entries: too_many (capped issue list) as text, too_large as objects', () => {
  const text = `{"items":[${Array(1_000_000).fill('{}').join(',')}]}`; // 3 MB: under the size limit
  const r = answered(DC, text);
  assert.deepEqual(codes(r), ['items too_many']);
  const o = answered('qimen.taobao.pos.inventory.synchronize', { item: Array.from({ length: 1_000_000 }, () => ({})) });
  assert.equal(o.errors[0].code, 'too_large');
  const many = answered('qimen.taobao.pos.inventory.synchronize', `{"item":[${Array(5000).fill('{}').join(',')}]}`);
  assert.equal(many.errors.length, q.limits().maxIssues + 1);
  assert.equal(many.errors.at(-1).code, 'too_many_issues');
});

test('invalid UTF-8 in a Buffer is malformed, with the byte offset', () => {
  const r = answered(DC, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
  assert.equal(r.errors[0].code, 'malformed');
  assert.match(r.errors[0].message, /byte 6/);
});

test('a method that is not a registered one, in every function', () => {
  for (const m of ['taobao.nope', '', 42, null, undefined, {}, Symbol.iterator.description]) {
    assert.equal(answered(m, '{}').errors[0].code, 'unknown_method');
    for (const fn of [() => q.render(m, '{}'), () => q.chunk(m, '{}'), () => q.schema(m), () => q.parseResponse(m, '{}'), () => q.buildRequest(m, '{}', { appKey: 'k', secret: 's' })]) {
      assert.throws(fn, (e) => e instanceof q.PayloadError && e.errors[0].code === 'unknown_method');
    }
  }
  stillWorks();
});

test('functions, symbols, Maps, Sets, Dates and class instances are type errors where they do not belong', () => {
  class Thing {}
  const r = answered(DC, { cp_code: () => 1, req_id: Symbol('s'), customer_id: new Map(), biz_register_num: new Set(), date: new Date(Date.UTC(2024, 4, 1, 2, 30)), items: [new Thing()] });
  assert.deepEqual(codes(r).sort(), ['biz_register_num type', 'cp_code type', 'customer_id type', 'items[0] type', 'req_id type']);
  const dated = answered(DC, { date: new Date(Date.UTC(2024, 4, 1, 20, 30)) });
  assert.equal(dated.value.date, '2024-05-02', 'a Date where a date belongs is accepted, in GMT+8');
});

test('a getter that throws is reported, not propagated', () => {
  const p = { items: [{}] };
  Object.defineProperty(p.items[0], 'item_name', { enumerable: true, get() { throw new Error('boom'); } });
  assert.deepEqual(codes(answered(DC, p)), ['items[0].item_name type']);
});

test('signParams, buildRequest and render arguments of the wrong type are PayloadErrors at their option', () => {
  const refused = (fn, path, code = 'type') => assert.throws(fn, (e) => e instanceof q.PayloadError && e.errors[0].path === path && e.errors[0].code === code, path);
  const ok = { a: 1 };
  refused(() => q.signParams('a=b', 's'), 'options.params');
  refused(() => q.signParams(null, 's'), 'options.params');
  refused(() => q.signParams(['a'], 's'), 'options.params');
  refused(() => q.signParams(() => 1, 's'), 'options.params');
  for (const v of [{ b: 1 }, Symbol('x'), () => 1, NaN, Infinity, '\uD800x']) refused(() => q.signParams({ a: v }, 's'), 'options.params.a');
  refused(() => q.signParams({ get a() { throw new Error('boom'); } }, 's'), 'options.params.a');
  refused(() => q.signParams(ok, {}), 'options.secret');
  refused(() => q.signParams(ok, 's', 5), 'options.signMethod', 'enum');
  refused(() => q.signParams(ok, 's', {}), 'options.signMethod');
  refused(() => q.signParams(ok, 's', 'md5', {}), 'options.body');
  const example = q.example(SHOP);
  refused(() => q.buildRequest(SHOP, example, 'appKey=k'), 'options');
  refused(() => q.buildRequest(SHOP, example, ['k']), 'options');
  refused(() => q.buildRequest(SHOP, example, { appKey: {}, secret: 's' }), 'options.appKey');
  refused(() => q.buildRequest(SHOP, example, { get appKey() { throw new Error('boom'); }, secret: 's' }), 'options.appKey');
  refused(() => q.buildRequest(SHOP, example, { appKey: 'k', secret: 's', simplify: 'yes' }), 'options.simplify');
  refused(() => q.buildRequest(SHOP, example, { appKey: 'k', secret: 's', timestamp: NaN }), 'options.timestamp');
  refused(() => q.render(SHOP, example, { format: 5 }), 'options.format', 'enum');
  refused(() => q.render(SHOP, example, { format: {} }), 'options.format');
  // Values that are fine: numbers and BigInts as their text, null/undefined as blank, an options object with
  // no format renders JSON.
  assert.equal(q.signParams({ a: 1, b: 2n ** 70n, c: null, d: undefined }, 's'), q.signParams({ a: '1', b: String(2n ** 70n) }, 's'));
  assert.equal(q.render(SHOP, example, {}), q.render(SHOP, example, 'json'));
  stillWorks();
});

test('signParams signs numbers as JS writes them on the wire (String(n))', () => {
  for (const n of [1e21, 1e-7, 0.1 + 0.2, -0, 123456789012345680000]) {
    assert.equal(q.signParams({ a: n }, 's'), q.signParams({ a: String(n) }, 's'), String(n));
  }
});

test('a number where a string belongs reads as JS writes it: an object checks like its JSON.stringify text', () => {
  for (const n of [1e21, 1e-7, -0, 4006381333931, 0.1 + 0.2, 123.5]) {
    const obj = { cp_code: n, items: [{ item_code: n, item_name: 'x', quantity: 1 }] };
    const fromObject = answered(DC, obj);
    const fromText = answered(DC, JSON.stringify(obj));
    assert.deepEqual(fromObject.value, fromText.value, String(n));
    assert.equal(fromObject.value.cp_code, JSON.stringify(n), String(n));
  }
});
