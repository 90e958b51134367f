// Rule tables registered at run time (issue 31 §1–2), through the package as a consumer imports it: after
// registerApi every function takes the method; a refused table throws with problems at paths into it; a
// registered table survives the instance being replaced. Expected values written by hand from the fixture.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as q from 'qimen-payload';

const FILE = new URL('../tables/example.stock.report.json', import.meta.url);
const TEXT = readFileSync(FILE, 'utf8');
const M = 'example.stock.report';
const PAYLOAD = { warehouseCode: ' WH01 ', kind: 'good', customerId: 'c1', lines: [{ itemCode: 'A', quantity: '2', price: 9.9 }] };

test('a registered table survives the instance being replaced (after an exception through wasm frames)', () => {
  // First in this file: the forced escape needs the instance's first object decode (see recovery.test.mjs).
  q.registerApi(TEXT);
  const before = q.instanceStats().recoveries;
  const original = Object.getPrototypeOf;
  let calls = 0;
  Object.getPrototypeOf = (o) => {
    calls += 1;
    if (calls === 2) throw new Error('forced');
    return original(o);
  };
  try {
    assert.throws(() => q.check(M, PAYLOAD), /forced/);
  } finally {
    Object.getPrototypeOf = original;
  }
  assert.equal(q.instanceStats().recoveries, before + 1);
  assert.equal(q.check(M, PAYLOAD).ok, true);
});

test('registerApi returns the method; methods(), schemas and fields() list it', () => {
  assert.equal(q.registerApi(TEXT), M);
  assert.ok(q.methods().some((m) => m.method === M && m.listField === 'lines' && m.listLimit === 3 && m.xmlBody === true));
  assert.ok(M in q.schemas);
  assert.ok(Object.keys(q.schemas).includes(M));
  assert.deepEqual(q.fields(M).map((f) => f.name), ['warehouseCode', 'reportDate', 'kind', 'lines', 'customerId']);
  assert.deepEqual(q.schema(M).required, ['warehouseCode', 'lines']);
});

test('check, validate, isValid, render, chunk and checkXml take the registered method', () => {
  q.registerApi(TEXT);
  const r = q.check(M, PAYLOAD);
  assert.equal(r.ok, true);
  assert.deepEqual(r.value, { warehouseCode: 'WH01', kind: 'ZP', lines: [{ itemCode: 'A', quantity: 2, price: '9.90' }], customerId: 'c1' });
  assert.equal(q.validate(M, PAYLOAD).ok, true);
  assert.equal(q.isValid(M, { lines: [] }), false);
  assert.equal(q.render(M, PAYLOAD), '{"warehouseCode":"WH01","kind":"ZP","lines":[{"itemCode":"A","quantity":2,"price":"9.90"}],"customerId":"c1"}');
  assert.equal(q.render(M, PAYLOAD, 'xml'),
    '<request><warehouseCode>WH01</warehouseCode><kind>ZP</kind><lines><line><itemCode>A</itemCode><quantity>2</quantity>'
    + '<price>9.90</price></line></lines><customerId>c1</customerId></request>');
  const five = { ...PAYLOAD, lines: [1, 2, 3, 4, 5].map((i) => ({ itemCode: `S${i}`, quantity: i })) };
  assert.deepEqual(q.chunk(M, five).map((c) => c.lines.map((l) => l.itemCode)), [['S1', 'S2', 'S3'], ['S4', 'S5']]);
  const xml = q.checkXml(M, '<request><warehouseCode>W</warehouseCode><lines><line><itemCode>A</itemCode><quantity>1</quantity></line></lines></request>', 'c9');
  assert.deepEqual(xml.value, { warehouseCode: 'W', lines: [{ itemCode: 'A', quantity: 1 }], customerId: 'c9' });
  const bad = q.check(M, { warehouseCode: 'WAREHOUSE9', lines: [{ itemCode: 'A', quantity: -1 }, { itemCode: 'A', quantity: 1 }] });
  assert.deepEqual(bad.errors.map((e) => [e.path, e.code, e.topCode]).sort(), [
    ['lines[0].quantity', 'range', 41], ['lines[1].itemCode', 'duplicate', 41], ['warehouseCode', 'too_long', 41]]);
  assert.deepEqual(bad.errors.find((e) => e.path === 'lines[0].quantity').label, { en: 'Quantity', zh: '数量' });
  const issues = q.schemas[M]['~standard'].validate({}).issues.map((i) => `${i.path.join('.')} ${i.code}`);
  assert.deepEqual(issues, ['warehouseCode missing', 'lines missing']);
});

test('buildRequest signs the classic XML body with customerId in the query; parseResponse reads the table\'s answer', () => {
  q.registerApi(TEXT);
  const b = q.buildRequest(M, PAYLOAD, { appKey: 'k', secret: 's', timestamp: '2026-12-01 10:00:00', body: 'xml' });
  assert.equal(b.query.customerId, 'c1');
  assert.ok(!b.body.includes('customerId'));
  // The Qimen signature, computed here independently: secret + sorted key+value pairs + body + secret, MD5.
  const { sign, ...rest } = b.query;
  const base = Object.keys(rest).sort().map((k) => k + rest[k]).join('');
  assert.equal(sign, createHash('md5').update(`s${base}${b.body}s`).digest('hex').toUpperCase());
  const ok = q.parseResponse(M, '{"response":{"flag":"success","code":"0","message":"","reportId":"R1"}}');
  assert.equal(ok.ok, true);
  assert.equal(ok.reportId, 'R1');
  assert.equal(q.parseResponse(M, '<response><flag>failure</flag><code>E1</code></response>').ok, false);
});

test('a refused table throws PayloadError with each problem at its path, and registers nothing', () => {
  const t = JSON.parse(TEXT);
  t.method = 'example.broken';
  t.fields[3].fields[1].type = 'integer';
  assert.throws(() => q.registerApi(t), (e) => e instanceof q.PayloadError && e.errors[0].path === 'fields[3].fields[1].type' && e.errors[0].code === 'shape');
  t.fields[3].fields[1].type = 'long';
  t.checks[0].key = 'sku';
  assert.throws(() => q.registerApi(t), (e) => e.errors[0].path === 'checks[0].key' && e.errors[0].code === 'reference');
  assert.throws(() => q.registerApi('not json'), (e) => e.errors[0].code === 'shape');
  assert.throws(() => q.registerApi({ ...JSON.parse(TEXT), method: 'tmall.qimendc.inventory.sync' }), (e) => e.errors[0].code === 'shipped');
  assert.ok(!q.methods().some((m) => m.method === 'example.broken'));
  assert.equal(q.check('example.broken', {}).errors[0].code, 'unknown_method');
});

test('exportApi gives the file registerApi takes; unregisterApi removes a registered method only', () => {
  const shipped = q.exportApi('taobao.inventory.shopinv.adjust');
  assert.equal(shipped.format, 'qimen-payload/table@1');
  const copy = { ...shipped, method: 'example.shopinv.copy' };
  q.registerApi(copy);
  const payload = q.example('taobao.inventory.shopinv.adjust');
  assert.deepEqual(q.check('example.shopinv.copy', payload).value, q.check('taobao.inventory.shopinv.adjust', payload).value);
  assert.deepEqual({ ...q.exportApi('example.shopinv.copy'), method: shipped.method }, shipped);
  assert.equal(q.unregisterApi('example.shopinv.copy'), true);
  assert.equal(q.unregisterApi('taobao.inventory.shopinv.adjust'), false);
  assert.equal(q.check('example.shopinv.copy', payload).errors[0].code, 'unknown_method');
});

test('a method keeps its own rules while others are registered and unregistered around it (the method index cache)', () => {
  // check and validate name a known method by its index in the core; unregistering an earlier table moves the
  // later ones down, so an index remembered from before would now name another table, or none.
  const first = { ...q.exportApi('taobao.inventory.shopinv.adjust'), method: 'example.index.first' };
  const payload = q.example('taobao.inventory.shopinv.adjust');
  const bad = JSON.stringify({ ...PAYLOAD, lines: [{ itemCode: 'A', quantity: 'x' }] });
  q.unregisterApi(M);
  q.registerApi(first);
  q.registerApi(TEXT); // after `first`
  try {
    assert.equal(q.check('example.index.first', payload).ok, true);
    assert.equal(q.validate(M, PAYLOAD).ok, true);
    const before = q.check(M, PAYLOAD).value;
    assert.equal(q.check(M, payload).ok, false, 'the other table refuses this payload');
    const lazy = q.check(M, bad); // its issues not read yet
    assert.equal(q.unregisterApi('example.index.first'), true); // M moves down
    assert.deepEqual(q.check(M, PAYLOAD).value, before, 'the same table after the one before it went');
    assert.equal(q.validate(M, PAYLOAD).ok, true);
    assert.equal(q.check('example.index.first', payload).errors[0].code, 'unknown_method');
    assert.equal(q.validate('example.index.first', payload).errors[0].code, 'unknown_method');
    q.registerApi(first); // now where M was
    assert.equal(q.check('example.index.first', payload).ok, true, 'another report in between');
    // Checked again for its own method, not for the one its old index names now.
    assert.deepEqual(lazy.errors.map((e) => `${e.path} ${e.code}`), ['lines[0].quantity integer']);
  } finally {
    q.unregisterApi('example.index.first');
    q.registerApi(TEXT);
  }
});

test('the table format has a JSON Schema (qimen-payload/table.schema.json) that every table the core makes satisfies', async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const schema = require('qimen-payload/table.schema.json');
  const Ajv2020 = require('ajv/dist/2020').default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // The integer formats schemars writes for the Rust types (i64, usize, u32), checked rather than ignored.
  const int = (min, max) => ({ type: 'number', validate: (n) => Number.isInteger(n) && n >= min && n <= max });
  ajv.addFormat('int64', int(-(2 ** 63), 2 ** 63 - 1));
  ajv.addFormat('uint', int(0, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('uint32', int(0, 2 ** 32 - 1));
  const validate = ajv.compile(schema);
  // Every shipped table as exported, the in-tree fixture, and a table imported from a doc.
  for (const m of q.methods()) assert.ok(validate(q.exportApi(m.method)), `${m.method}: ${JSON.stringify(validate.errors)}`);
  assert.ok(validate(JSON.parse(TEXT)), JSON.stringify(validate.errors));
  const doc = { name: 'example.schema.check', requestParams: [{ name: 'a', type: 'String', required: true, description: '类型(X=甲;Y=乙)' }] };
  assert.ok(validate(q.importDoc(doc).table), JSON.stringify(validate.errors));
  // What the core refuses for its shape, the schema refuses too.
  const broken = (f) => {
    const t = JSON.parse(TEXT);
    f(t);
    return t;
  };
  for (const [what, t] of [
    ['an unknown type', broken((t) => { t.fields[0].type = 'integer'; })],
    ['an unknown property', broken((t) => { t.fields[0].requierd = true; })],
    ['no method', broken((t) => { delete t.method; })],
    ['another format', broken((t) => { t.format = 'qimen-payload/table@2'; })],
    ['an unknown check', broken((t) => { t.checks[0].check = 'sorted'; })],
  ]) {
    assert.equal(validate(t), false, `the schema accepts ${what}`);
    assert.throws(() => q.registerApi({ ...t, method: t.method ?? undefined }), q.PayloadError, `the core accepts ${what}`);
  }
});

test('a huge table, doc or overlay is refused before it is copied into wasm memory', () => {
  const huge = ' '.repeat(24 << 20);
  const before = q.memoryBytes();
  assert.throws(() => q.registerApi(huge), (e) => e.errors[0].code === 'too_large');
  assert.throws(() => q.importDoc(huge), (e) => e.errors[0].code === 'too_large');
  assert.throws(() => q.importDoc('{"name":"a.b","requestParams":[]}', huge), (e) => e.errors[0].code === 'too_large');
  // 24 MiB copied would have grown the memory by at least that much.
  assert.ok(q.memoryBytes() - before < 8 << 20, `memory grew by ${q.memoryBytes() - before} bytes`);
});
