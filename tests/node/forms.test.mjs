// The form-library glue (js/forms.js) over the package: each helper's shape as its library reads it. The
// libraries themselves run in Chromium in tests/consumers (the form rows); here, the mapping, exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as q from 'qimen-payload';

const SHOP = 'taobao.inventory.shopinv.adjust';
// Two errors on fields of list entries (a fractional quantity; a missing idempotency key) and a warning (a
// member the API does not have), as the seed page defines them.
const bad = () => ({ shop_inventory_edit: { order_id: 'o', store_id: 1, check_mode: 2, recover_deleted_data: true, extra: 1,
  detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: 1.5 }, { item_id: 1, sku_id: 0, quantity: 2 }] } });
const QUANTITY = ['shop_inventory_edit', 'detail_list', 0, 'quantity'];
const SUB_ORDER = ['shop_inventory_edit', 'detail_list', 1, 'sub_order_id'];
const EXTRA = ['shop_inventory_edit', 'extra'];

test('issue.segments: the path as a NamePath, list indices as numbers; [] for the whole payload', () => {
  const r = q.check(SHOP, bad());
  assert.deepEqual(r.errors.map((e) => e.segments), [QUANTITY, SUB_ORDER]);
  assert.deepEqual(r.warnings.map((w) => w.segments), [EXTRA]);
  assert.deepEqual(q.check(SHOP, '[]').errors[0].segments, []);
  // a report whose value holds a Long beyond 2^53 comes from the core as an object, not text: segments too
  const long = JSON.parse(q.example(SHOP));
  long.shop_inventory_edit.extra = 1;
  const text = JSON.stringify(long).replace('"store_id":111111111', '"store_id":9007199254740993');
  const r2 = q.check(SHOP, text);
  assert.equal(typeof r2.value.shop_inventory_edit.store_id, 'bigint');
  assert.deepEqual(r2.warnings.map((w) => w.segments), [EXTRA]);
});

test('antdFields: errors and warnings per NamePath; a field fixed since is cleared; the whole payload has no field', () => {
  const first = q.antdFields(q.check(SHOP, bad()));
  assert.deepEqual(first.map((f) => [f.name, f.errors.length, f.warnings.length]), [[QUANTITY, 1, 0], [SUB_ORDER, 1, 0], [EXTRA, 0, 1]]);
  assert.match(first[0].errors[0], /Quantity \(entry 1\) is "1\.5"/);
  assert.match(first[2].warnings[0], /not a field of this API/);
  const fixed = bad();
  fixed.shop_inventory_edit.detail_list[0].quantity = 1;
  const second = q.antdFields(q.check(SHOP, fixed), first);
  assert.deepEqual(second.map((f) => [f.name, f.errors.length, f.warnings.length]), [[SUB_ORDER, 1, 0], [EXTRA, 0, 1], [QUANTITY, 0, 0]]);
  const whole = q.check(SHOP, '[]');
  assert.equal(whole.ok, false);
  assert.deepEqual(q.antdFields(whole), []);
});

test('elementPlusRules: each prop spelling finds its field; warnings are not errors; a changed model is checked again', () => {
  const model = bad();
  const rulesFor = q.elementPlusRules(SHOP, () => model);
  const run = (prop) => {
    let got = 'not called';
    const [rule] = rulesFor(prop);
    rule.validator(rule, undefined, (e) => { got = e === undefined ? 'ok' : e.message; });
    return got;
  };
  assert.match(run('shop_inventory_edit.detail_list.0.quantity'), /Quantity \(entry 1\) is "1\.5"/);
  assert.match(run(SUB_ORDER), /Sub-order id/);
  assert.equal(run('shop_inventory_edit.order_id'), 'ok');
  assert.equal(run('shop_inventory_edit.extra'), 'ok', 'a warning is not an error');
  model.shop_inventory_edit.detail_list[0].quantity = 1;
  assert.equal(run('shop_inventory_edit.detail_list.0.quantity'), 'ok');
  assert.match(run(SUB_ORDER), /Sub-order id/);
  assert.deepEqual(rulesFor('a.b')[0].trigger, ['blur', 'change']);
  assert.deepEqual(q.elementPlusRules(SHOP, () => model, { trigger: ['change'] })('a')[0].trigger, ['change']);
});

test('veeValidateSchema: errors at VeeValidate paths (the issues\' own), the normalized value when valid', async () => {
  const schema = q.veeValidateSchema(SHOP);
  assert.equal(schema.__type, 'VVTypedSchema');
  const refused = await schema.parse(bad());
  assert.deepEqual(refused.errors.map((e) => e.path), ['shop_inventory_edit.detail_list[0].quantity', 'shop_inventory_edit.detail_list[1].sub_order_id']);
  assert.equal(refused.value, undefined);
  const ok = await schema.parse(JSON.parse(q.example(SHOP)));
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.value, q.check(SHOP, q.example(SHOP)).value);
});

test('formilyValidator: a field\'s errors as an error, else its warnings as a warning, one check per change of the values', () => {
  const validator = q.formilyValidator(SHOP);
  const values = bad();
  // Formily's context, structurally: the field's data path (indices as numbers or, from a path string, text)
  const ctx = (segments) => ({ field: { path: { segments } }, form: { values } });
  const quantity = validator(undefined, {}, ctx(QUANTITY));
  assert.equal(quantity.type, 'error');
  assert.equal(quantity.message, q.check(SHOP, values).errors[0].message);
  assert.equal(validator(undefined, {}, ctx(SUB_ORDER.map(String))).type, 'error');
  assert.deepEqual(validator(undefined, {}, ctx(EXTRA)), { type: 'warning', message: q.check(SHOP, values).warnings[0].message });
  assert.equal(validator(undefined, {}, ctx(['shop_inventory_edit', 'order_id'])), null);
  // the form's values change: checked again; unchanged: the same check serves every field
  values.shop_inventory_edit.detail_list[0].quantity = 3;
  assert.equal(validator(undefined, {}, ctx(QUANTITY)), null);
  assert.equal(validator(undefined, {}, ctx(SUB_ORDER)).type, 'error');
});

test('the CommonJS build has the same helpers', () => {
  const cjs = createRequire(import.meta.url)('qimen-payload');
  const r = cjs.check(SHOP, bad());
  assert.deepEqual(cjs.antdFields(r).map((f) => f.name), [QUANTITY, SUB_ORDER, EXTRA]);
  assert.equal(typeof cjs.elementPlusRules, 'function');
  assert.equal(cjs.veeValidateSchema(SHOP).__type, 'VVTypedSchema');
  assert.equal(typeof cjs.formilyValidator(SHOP), 'function');
});
