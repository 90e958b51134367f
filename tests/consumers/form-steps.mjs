// The steps every form-library fixture follows (copied beside each fixture's main.js by run.mjs): the
// fields of taobao.inventory.shopinv.adjust's form, a bad submission and a good one, and what must show.
import init, { setLanguage } from 'qimen-payload';

export const FIELDS = [
  { id: 'order_id', path: ['shop_inventory_edit', 'order_id'] },
  { id: 'store_id', path: ['shop_inventory_edit', 'store_id'] },
  { id: 'check_mode', path: ['shop_inventory_edit', 'check_mode'] },
  { id: 'recover', path: ['shop_inventory_edit', 'recover_deleted_data'] },
  { id: 'item_id', path: ['shop_inventory_edit', 'detail_list', 0, 'item_id'] },
  { id: 'sku_id', path: ['shop_inventory_edit', 'detail_list', 0, 'sku_id'] },
  { id: 'sub_order_id', path: ['shop_inventory_edit', 'detail_list', 0, 'sub_order_id'] },
  { id: 'quantity', path: ['shop_inventory_edit', 'detail_list', 0, 'quantity'] },
];
const entry = (subOrder, quantity) => ({ item_id: '1231111', sku_id: '0', sub_order_id: subOrder, quantity });
// As a form holds them: every value a string. The sub-order id left empty, a fractional quantity.
export const BAD = { shop_inventory_edit: { order_id: 'mainOrderId1', store_id: '111111111', check_mode: '2', recover_deleted_data: 'true', detail_list: [entry('', '1.5')] } };
export const GOOD = { shop_inventory_edit: { ...BAD.shop_inventory_edit, detail_list: [entry('subOrderId1', '3')] } };

/**
 * The page's run: init, Chinese messages, the form mounted; BAD submitted, then GOOD. The page's result is 'ok'
 * or what went wrong.
 */
export async function runSteps(form) {
  document.body.dataset.result = await steps(form).catch((e) => `error: ${e.message}`);
}

async function steps({ mount, submit, errorOf, sent }) {
  await init();
  setLanguage('zh');
  await mount();
  await submit(BAD);
  const shown = Object.fromEntries(FIELDS.map((f) => [f.id, errorOf(f.id)]));
  // the platform's words for these two (the seed page: sub_order_id required, quantity an integer), in Chinese
  if (!shown.sub_order_id.includes('为必填项')) return `sub_order_id shows "${shown.sub_order_id}"`;
  if (!shown.quantity.includes('含有小数或指数')) return `quantity shows "${shown.quantity}"`;
  for (const f of FIELDS) if (f.id !== 'sub_order_id' && f.id !== 'quantity' && shown[f.id] !== '') return `${f.id} shows "${shown[f.id]}"`;
  if (sent() !== null) return 'a refused payload was sent';
  await submit(GOOD);
  for (const f of FIELDS) if (errorOf(f.id) !== '') return `after the fix ${f.id} still shows "${errorOf(f.id)}"`;
  const v = sent();
  if (v === null) return 'the fixed payload was not sent';
  const d = v.shop_inventory_edit.detail_list[0];
  if (d.quantity !== 3 || v.shop_inventory_edit.store_id !== 111111111 || v.shop_inventory_edit.recover_deleted_data !== true) return `sent ${JSON.stringify(v)}`;
  return 'ok';
}
