// The local gateway's state and what each method does to it: a simulated platform's behaviour, not a payload
// rule (those are the core's). Values arrive normalized by `check`, so every field has its canonical form.
//
// - POS stock sync overwrites the book stock of each item of a store;
// - POS item sync adds, updates or deletes product master data;
// - qimendc stock sync overwrites a warehouse's stock per item (unlocked and locked);
// - shopinv.adjust sets (full, check_mode 1) or changes (delta, 2) a store's stock per item/sku, and is
//   idempotent per sub-order: a sub_order_id already applied answers `idempotent: true` and changes nothing;
//   a delta that would take the stock below zero fails for that sub-order (STOCK_NOT_ENOUGH) and changes
//   nothing, so integrators see a partial failure as the platform reports one.
//
// Answers are bodies with the platform's wire names and lists as arrays; the gateway writes them in the
// format asked for, with each list's entry element from the method's response table.

//
// Every id in the state (store, warehouse, item, owner, sub-order) comes from a request: the state is made of
// objects without a prototype, so `__proto__`, `constructor` or `toString` are ids like any other.

const key = (v) => (typeof v === 'bigint' ? v.toString() : String(v));
const dict = () => Object.create(null);

/** The empty state: one prototype-free object per kind of id. */
function emptyState() {
  return { posStock: dict(), products: dict(), warehouseStock: dict(), storeStock: dict(), appliedSubOrders: dict() };
}

export function createLedger(successOf = () => undefined) {
  let state = emptyState();

  const at = (root, ...path) => {
    let o = root;
    for (const k of path) o = o[key(k)] ??= dict();
    return o;
  };
  const own = (o, k) => Object.hasOwn(o, k);

  const behaviours = {
    'qimen.taobao.pos.inventory.synchronize'(v) {
      const store = at(state.posStock, v.orderInfo?.storeCode ?? '');
      for (const item of v.item ?? []) if (item.paperQty !== undefined) store[key(item.itemCode)] = item.paperQty;
      return { body: { flag: 'success', code: '0', message: '同步成功' }, changed: true };
    },
    'qimen.taobao.pos.items.synchronize'(v) {
      const shop = at(state.products, v.customerid ?? '');
      for (const item of v.item ?? []) {
        if (v.actionType === 'delete') delete shop[key(item.itemCode)];
        else shop[key(item.itemCode)] = Object.assign(dict(), shop[key(item.itemCode)], item);
      }
      const items = (v.item ?? []).map((i) => ({ itemCode: i.itemCode }));
      return {
        body: { flag: 'success', code: '0', message: '同步成功', total: String(items.length), item: items },
        changed: true,
      };
    },
    'tmall.qimendc.inventory.sync'(v, { requestId }) {
      for (const item of v.items ?? []) {
        const wh = at(state.warehouseStock, v.cp_code ?? '', item.warehouse_code ?? '');
        wh[key(item.item_code ?? item.item_id ?? '')] = { quantity: item.quantity, lockQuantity: item.lock_quantity, inventoryType: item.inventory_type };
      }
      return { body: { qimendc_code: '0', qimendc_success: true, qimendc_message: '同步成功', qimendc_request_id: requestId }, changed: true };
    },
    'taobao.inventory.shopinv.adjust'(v) {
      const edit = v.shop_inventory_edit ?? {};
      const store = at(state.storeStock, edit.store_id ?? '');
      const data = [];
      let changed = false;
      for (const d of edit.detail_list ?? []) {
        const sub = key(d.sub_order_id);
        if (own(state.appliedSubOrders, sub)) {
          data.push({ sub_order_id: d.sub_order_id, success: true, idempotent: true, idempotent_reason: '已处理过' });
          continue;
        }
        const slot = `${key(d.item_id)}:${key(d.sku_id ?? 0)}`;
        const before = BigInt(own(store, slot) ? store[slot] : 0);
        const q = BigInt(d.quantity ?? 0);
        // check_mode 1: full (overwrite); 2: delta (add).
        const after = edit.check_mode === 1 ? q : before + q;
        if (after < 0n) {
          data.push({ sub_order_id: d.sub_order_id, success: false, idempotent: false, error_code: 'STOCK_NOT_ENOUGH', error_msg: `库存不足:现有 ${before},调整 ${q}` });
          continue;
        }
        store[slot] = after.toString();
        state.appliedSubOrders[sub] = true;
        changed = true;
        data.push({ sub_order_id: d.sub_order_id, success: true, idempotent: false });
      }
      return { body: { result: { success: data.every((x) => x.success), data } }, changed };
    },
  };

  return {
    /** Apply a valid call's normalized value; the answer body and whether the state changed. */
    answer(method, value, ctx = {}) {
      const b = Object.hasOwn(behaviours, method) ? behaviours[method] : undefined;
      // A method whose effect is not modelled (a registered table): the least success its table reads as one.
      if (!b) return { body: JSON.parse(successOf(method) ?? '{}'), changed: false };
      return b(value, ctx);
    },
    /** Replay a journaled call (its answer is not needed). */
    apply(method, value) {
      if (Object.hasOwn(behaviours, method)) behaviours[method](value, {});
    },
    state: () => state,
    /** Replace the state with a snapshot's (prototype-free objects, as the journal reads them). */
    restore(snapshot) {
      const fresh = emptyState();
      for (const k of Object.keys(fresh)) if (snapshot?.[k] && typeof snapshot[k] === 'object') fresh[k] = snapshot[k];
      state = fresh;
    },
  };
}
