// The exported JSON Schema agrees with `check` on canonical (already normalized) payloads, for every rule JSON
// Schema can express. What it cannot express is listed below, each asserted as a known disagreement, so that
// the list stays true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import * as q from 'qimen-payload';
import { loadCases } from '../node/cases.mjs';
import { generate, rng } from './gen.mjs';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = Object.fromEntries(q.methods().map(({ method }) => [method, ajv.compile(q.schema(method))]));
const toJson = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? Number(x) : x));

// Canonical payloads: every valid corpus value and generated value, as `render(…, 'json')` writes them (exact
// text, for check) and parsed (for Ajv; ids above 2^53 lose digits there, which the schema does not mind).
function canonicalPayloads(method) {
  const texts = loadCases().filter((c) => c.method === method && c.case.ok).map((c) => q.render(method, c.case.payloadText, 'json'));
  for (let seed = 0; seed < 200; seed++) {
    const p = generate(q.fields(method), rng(seed));
    if (q.check(method, p).ok) texts.push(q.render(method, p, 'json'));
  }
  return texts.map((text) => ({ text, value: JSON.parse(text) }));
}

// Mutations JSON Schema can express, applied to a canonical payload: both must refuse.
function expressibleBreaks(fields, value, at = []) {
  const breaks = [];
  for (const f of fields) {
    const here = [...at, f.name];
    const v = value?.[f.name];
    if (f.required) breaks.push({ why: `${here.join('.')} removed`, path: here, mutate: undefined });
    if (v === undefined) continue;
    // A type check accepts in no form (a JSON number is a legitimate string code for check, see ALIASES).
    if (f.kind !== 'enum') breaks.push({ why: `${here.join('.')} wrong type`, path: here, mutate: f.kind === 'boolean' ? 'wrong' : true });
    if (f.kind === 'enum') breaks.push({ why: `${here.join('.')} not a code`, path: here, mutate: 'NOT_A_CODE' });
    if (f.kind === 'price') breaks.push({ why: `${here.join('.')} negative`, path: here, mutate: '-1.00' });
    if (f.kind === 'date' || f.kind === 'datetime') breaks.push({ why: `${here.join('.')} not a date`, path: here, mutate: 'soon' });
    if (f.maxLength) breaks.push({ why: `${here.join('.')} too long`, path: here, mutate: 'x'.repeat(f.maxLength + 1) });
    if (f.kind === 'object') breaks.push(...expressibleBreaks(f.fields, v, here));
    if (f.kind === 'list' && Array.isArray(v)) {
      if (f.maxItems) breaks.push({ why: `${here.join('.')} over the limit`, path: here, mutate: Array.from({ length: f.maxItems + 1 }, () => v[0]) });
      breaks.push(...expressibleBreaks(f.fields, v[0], [...here, 0]));
    }
  }
  return breaks;
}

function mutated(value, path, to) {
  const copy = structuredClone(value);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  if (to === undefined) delete o[path.at(-1)]; else o[path.at(-1)] = to;
  return copy;
}

for (const { method } of q.methods()) {
  test(`${method}: schema and check agree on canonical payloads and on every expressible violation`, () => {
    const validate = validators[method];
    const payloads = canonicalPayloads(method);
    assert.ok(payloads.length > 50);
    let broken = 0;
    for (const { text, value } of payloads) {
      assert.equal(validate(value), true, `schema refuses a canonical payload: ${JSON.stringify(validate.errors)}`);
      assert.equal(q.check(method, text).ok, true, `check refuses a canonical payload: ${text}`);
    }
    for (const { value: p } of payloads.slice(0, 25)) {
      for (const b of expressibleBreaks(q.fields(method), p)) {
        const m = mutated(p, b.path, b.mutate);
        const r = q.check(method, toJson(m));
        assert.equal(r.ok, false, `check accepts: ${b.why}`);
        assert.equal(validate(m), false, `schema accepts: ${b.why}`);
        broken++;
      }
    }
    assert.ok(broken > 20);
  });
}

// Conditional rules (`When` checks in the tables) are JSON Schema `if`/`then`: both refuse these, both accept
// the same payload with the condition unmet.
const CONDITIONAL = [
  ['discount type 1 requires a discount', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '1.00', referencePrice: '1.00', priceAdjustment: { type: '1' } }] }, ['item', 0, 'priceAdjustment', 'discount'], '0.9000'],
  ['price types 0 and 2 require a standardPrice', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '1.00', referencePrice: '1.00', priceAdjustment: { type: '2' } }] }, ['item', 0, 'priceAdjustment', 'standardPrice'], '1.00'],
  ['full-mode negative quantity', 'taobao.inventory.shopinv.adjust', { shop_inventory_edit: { order_id: 'o', store_id: 1, check_mode: 1, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: -1 }], recover_deleted_data: true } }, ['shop_inventory_edit', 'check_mode'], 2],
];
for (const [why, method, payload, path, fix] of CONDITIONAL) {
  test(`conditional rule, expressed as if/then: ${why}`, () => {
    assert.equal(validators[method](payload), false, 'the schema refuses it');
    assert.equal(q.check(method, payload).ok, false, 'check refuses it');
    const fixed = mutated(payload, path, fix);
    assert.equal(validators[method](fixed), true, `the schema accepts it fixed: ${JSON.stringify(validators[method].errors)}`);
    assert.equal(q.check(method, fixed).ok, true, 'check accepts it fixed');
  });
}

// Rules JSON Schema cannot express: canonical-looking payloads the schema accepts and check refuses.
const INEXPRESSIBLE = [
  ['duplicate itemCode in a list', 'qimen.taobao.pos.inventory.synchronize', { item: [{ itemCode: 'A', paperQty: 1 }, { itemCode: 'A', paperQty: 2 }] }],
  ['duplicate JSON key (the schema sees the last one)', 'tmall.qimendc.inventory.sync', '{"cp_code":"a","cp_code":"b"}'],
  ['calendar validity (2023-02-29 matches the date pattern)', 'tmall.qimendc.inventory.sync', { date: '2023-02-29' }],
  ['startDate after endDate', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '1.00', referencePrice: '1.00', priceAdjustment: { type: '0', standardPrice: '1.00', startDate: '2024-07-01', endDate: '2024-06-01' } }] }],
  ['discount 0.0000 (the pattern allows it; 0 < d is a range rule)', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '1.00', referencePrice: '1.00', discount: '0.0000' }] }],
  ['product_date after expire_date', 'tmall.qimendc.inventory.sync', { items: [{ product_date: '2020-01-01', expire_date: '2019-01-01' }] }],
  ['Long beyond i64 (JSON Schema integers are unbounded)', 'tmall.qimendc.inventory.sync', '{"items":[{"quantity":9223372036854775808}]}'],
  ['whitespace-only string (minLength counts spaces; check trims)', 'taobao.inventory.shopinv.adjust', { shop_inventory_edit: { order_id: '   ', store_id: 1, check_mode: 2, detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: 1 }], recover_deleted_data: true } }],
];
// And the other way: check accepts (normalizes) what the schema, describing only the canonical form, refuses.
const ALIASES = [
  ['enum labels and case (审批人, zz)', 'qimen.taobao.pos.inventory.synchronize', { orderInfo: { storeCode: 'S', operator: [{ type: '审批人' }, { type: 'zz' }] } }],
  ['折 discount notation', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '1.00', referencePrice: '1.00', discount: '9折' }] }],
  ['Long as text', 'tmall.qimendc.inventory.sync', { items: [{ quantity: '12' }] }],
  ['a code given as a JSON number', 'tmall.qimendc.inventory.sync', { customer_id: 23423647 }],
  ['date variants', 'tmall.qimendc.inventory.sync', { date: '2018/3/1' }],
  ['unsorted price forms', 'qimen.taobao.pos.items.synchronize', { actionType: 'add', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: '¥1,200.5', referencePrice: 3 }] }],
];

for (const [why, method, payload] of INEXPRESSIBLE) {
  test(`known disagreement (schema cannot express): ${why}`, () => {
    const asJson = typeof payload === 'string' ? JSON.parse(payload) : payload;
    assert.equal(validators[method](asJson), true, 'the schema accepts it');
    assert.equal(q.check(method, payload).ok, false, 'check refuses it');
  });
}
for (const [why, method, payload] of ALIASES) {
  test(`known disagreement (input forms only check normalizes): ${why}`, () => {
    assert.equal(validators[method](payload), false, 'the schema refuses it');
    const r = q.check(method, payload);
    assert.equal(r.ok, true, 'check accepts it');
    assert.equal(validators[method](JSON.parse(toJson(r.value))), true, 'and its normalized value satisfies the schema');
  });
}
