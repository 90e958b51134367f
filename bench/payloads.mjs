// Deterministic benchmark payloads: realistic entries in canonical-ish input form, valid or with one broken
// field per entry (invalid).
const pad = (n, w = 3) => String(n).padStart(w, '0');

function entry(method, i, valid) {
  switch (method) {
    case 'qimen.taobao.pos.inventory.synchronize':
      return { productCode: `SPU${pad(i)}`, itemCode: `SKU-${pad(i, 6)}`, paperQty: valid ? 100 + i : 'x' };
    case 'qimen.taobao.pos.items.synchronize':
      return { productCode: `PEUTET${pad(i)}`, itemCode: `SKUEWRYU${pad(i, 6)}`, itemName: `女夏季短袖 ${i}`, barCode: '4006381333931', skuProperty: '红色 XXL',
        color: 'red', size: 'XXL', standardPrice: '200.00', referencePrice: '150.00', retailPrice: '120.00', tagPrice: '450.00', discount: '0.9000',
        priceAdjustment: { type: '0', standardPrice: '100.00', startDate: '2024-06-01', endDate: valid ? '2024-06-30' : 'soon' },
        brandName: '韩都衣舍', isValid: 'Y', createTime: '2024-05-01 10:30:00' };
    case 'tmall.qimendc.inventory.sync':
      return { warehouse_code: 'SZ001', item_name: `天猫精灵 ${i}`, batch_code: pad(i), lock_quantity: 10, inventory_type: valid ? 'ZP' : 'XX',
        expire_date: '2019-11-11', quantity: 12 + i, item_id: `sn${pad(i, 6)}`, product_date: '2017-11-11', item_code: `ABC${pad(i, 6)}` };
    case 'taobao.inventory.shopinv.adjust':
      return { item_id: 1231111 + i, sku_id: 0, sub_order_id: `subOrder-${pad(i, 6)}`, quantity: valid ? 1 + i : 1.5 };
    default:
      throw new Error(`bench/payloads.mjs has no entry for ${method}: add one`);
  }
}

export function payload(method, n, valid = true) {
  const list = Array.from({ length: n }, (_, i) => entry(method, i, valid));
  switch (method) {
    case 'qimen.taobao.pos.inventory.synchronize':
      return { orderInfo: { storeCode: 'TERMINAL2425', operator: [{ type: 'CJ', operatorCode: 'op5', operatorName: '圆圆', operateTime: '2024-05-01 10:30:00' }] }, item: list, customerid: 'qimen' };
    case 'qimen.taobao.pos.items.synchronize':
      return { actionType: 'add', total: n, item: list, customerid: 'A12345' };
    case 'tmall.qimendc.inventory.sync':
      return { cp_code: 'HN123', date: '2018-03-01', customer_id: '23423647', biz_register_num: '310114002150000', items: list, req_id: '8374523s' };
    case 'taobao.inventory.shopinv.adjust':
      return { shop_inventory_edit: { order_id: 'mainOrderId1', store_id: 111111111, check_mode: 2, detail_list: list, recover_deleted_data: true } };
    default:
      throw new Error(`bench/payloads.mjs has no payload for ${method}: add one`);
  }
}
