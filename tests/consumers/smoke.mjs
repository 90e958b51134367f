// The one script every consumer runs against the package it installed (from the npm pack tarball): it takes
// the package's module namespace (or CommonJS exports) and returns 'ok' or throws with what went wrong.
// Expectations are written from the seeds, not from the package's output.
const SHOP = 'taobao.inventory.shopinv.adjust';
const LONG = '{"shop_inventory_edit":{"order_id":"o1","store_id":9007199254740993,"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}';

export async function smoke(q) {
  const expect = (cond, what) => {
    if (!cond) throw new Error(`smoke: ${what}`);
  };
  await q.init(); // the isomorphic idiom: resolves at once where the wasm is ready at import
  const methods = q.methods().map((m) => m.method);
  expect(methods.length === 4, `methods() has 4 methods, not ${methods.length}`);
  for (const m of ['qimen.taobao.pos.inventory.synchronize', 'qimen.taobao.pos.items.synchronize', 'tmall.qimendc.inventory.sync', SHOP]) {
    expect(methods.includes(m), `methods() lists ${m}`);
    const r = q.check(m, q.example(m));
    expect(r.ok === true, `the seed example of ${m} checks ok: ${JSON.stringify(r.errors)}`);
  }
  const bad = q.check(SHOP, { shop_inventory_edit: { order_id: 'o1' } });
  const missing = bad.errors.filter((e) => e.code === 'missing').map((e) => e.path).sort();
  expect(!bad.ok && missing.join() === 'shop_inventory_edit.check_mode,shop_inventory_edit.detail_list,shop_inventory_edit.recover_deleted_data,shop_inventory_edit.store_id',
    `a bad shopinv payload gives its missing errors, got ${missing.join()}`);
  const xml = q.render('tmall.qimendc.inventory.sync', '{"cp_code":"SF & Co"}', { format: 'xml' });
  expect(xml === '<request><cp_code>SF &amp; Co</cp_code></request>', `render xml: ${xml}`);
  const long = q.check(SHOP, LONG);
  expect(long.ok && typeof long.value.shop_inventory_edit.store_id === 'bigint' && String(long.value.shop_inventory_edit.store_id) === '9007199254740993',
    'a Long beyond 2^53 stays exact (BigInt)');
  expect(q.render(SHOP, LONG).includes('"store_id":9007199254740993,'), 'the Long is exact in rendered JSON');
  // The tools module (schema, importDoc, apiTypes): a file of its own, which every bundler must emit beside the
  // default .wasm. `initTools()` fetches it in browsers and resolves at once where it loads on first use.
  await q.initTools();
  const schema = q.schema(SHOP);
  const required = schema.properties?.shop_inventory_edit?.required ?? [];
  expect(schema.required?.join() === 'shop_inventory_edit' && [...required].sort().join() === 'check_mode,detail_list,order_id,recover_deleted_data,store_id',
    `schema(): the seed's required fields of shopinv.adjust, got ${JSON.stringify(schema.required)} and ${required.join()}`);
  // Server builds (Node, Bun, Deno, workerd, Next.js routes): a Web Request in, the value or a Response out.
  if (typeof q.validateRequest === 'function') {
    const post = (body, type = 'application/json') => new Request('http://127.0.0.1/stock', { method: 'POST', body, headers: { 'content-type': type } });
    const good = await q.validateRequest(SHOP, post(LONG));
    expect(good.ok && String(good.value.shop_inventory_edit.store_id) === '9007199254740993', 'validateRequest: the value, exact');
    const bad = await q.validateRequest(SHOP, post('{}'));
    const e = bad.ok ? null : await bad.response.json();
    expect(!bad.ok && bad.response.status === 400 && e.error_response.code === 40 && e.error_response.sub_code === 'isv.missing-parameter:shop_inventory_edit',
      'validateRequest: a refusal is a 400 Response in the platform shape');
    const xml = await q.validateRequest(SHOP, post('<x/>', 'text/xml'));
    expect(!xml.ok && xml.response.status === 415, 'validateRequest: a wrong content type is a 415');
  }
  return 'ok';
}

/** A Web `Request` handler for the server consumers (Next.js route, Worker): the README's idiom. */
export async function handleStock(q, request) {
  const r = await q.validateRequest(SHOP, request);
  if (!r.ok) return r.response;
  return q.jsonResponse(r.value); // the exact writer: a Long beyond 2^53 arrives as written
}
export const STOCK = { valid: LONG, long: '9007199254740993' };
