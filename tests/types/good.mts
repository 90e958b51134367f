// A typed consumer of qimen-payload: must compile.
import { check, render, buildRequest, chunk, parseResponse, PayloadError, type InventoryShopinvAdjustPayload } from 'qimen-payload';

const payload: InventoryShopinvAdjustPayload = {
  shop_inventory_edit: {
    order_id: 'mainOrderId1',
    store_id: 111111111n,
    check_mode: '全量',
    detail_list: [{ item_id: 1231111, sku_id: 0, sub_order_id: 'subOrderId1', quantity: '1' }],
    recover_deleted_data: true,
  },
};
const report = check('taobao.inventory.shopinv.adjust', payload);
if (report.ok && report.value) {
  const mode: 1 | 2 = report.value.shop_inventory_edit.check_mode;
  const id: number | bigint = report.value.shop_inventory_edit.store_id;
  void mode; void id;
}
const items = check('qimen.taobao.pos.items.synchronize', { actionType: '新增', customerid: 'c', item: [{ productCode: 'P', itemCode: 'S', skuProperty: 'x', standardPrice: 1, referencePrice: '¥2', isValid: true }] });
const first: string | undefined = items.value?.item?.[0]?.standardPrice;
const xml: string = render('tmall.qimendc.inventory.sync', '{}', { format: 'xml' });
const req = buildRequest('qimen.taobao.pos.inventory.synchronize', { item: [{ itemCode: 'A', paperQty: 1 }] }, { appKey: 'k', secret: 's', body: 'xml' });
const parts = chunk('tmall.qimendc.inventory.sync', { items: [{ inventory_type: 'ZP' }] });
const parsed = parseResponse('taobao.inventory.shopinv.adjust', '<x/>');
try { render('taobao.inventory.shopinv.adjust', '{}'); } catch (e) { if (e instanceof PayloadError) console.log(e.errors[0]?.path); }
console.log(first, xml, req.sign, parts.length, parsed.partial);

// The .wasm subpath has types: the URL a bundler makes of the asset.
import wasmUrl from 'qimen-payload/wasm';
const url: string = wasmUrl;
void url;
