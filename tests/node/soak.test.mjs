// Soak across the wasm boundary: 100,000 calls of each bad-input class; after warm-up the module's linear
// memory must not grow beyond a small bound (a failed decode or a refused call must not leak).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';

const SHOP = 'taobao.inventory.shopinv.adjust';
let deep = {};
for (let i = 0; i < 200; i++) deep = { a: deep };
const CLASSES = {
  'malformed text': () => q.check(SHOP, '{"shop_inventory_edit": [1, 2'),
  'invalid object (NaN, Map, unsafe integer)': () => q.check(SHOP, { shop_inventory_edit: { order_id: NaN, store_id: 2 ** 60, check_mode: new Map(), detail_list: [{ item_id: 'x' }] } }),
  'unknown method': () => q.check('taobao.nope', { a: 1 }),
  'invalid UTF-8 bytes': () => q.check(SHOP, Buffer.from([0xff, 0xfe, 0x00])),
  'too deep object': () => q.check(SHOP, { shop_inventory_edit: deep }),
  'lone surrogate': () => q.check(SHOP, { shop_inventory_edit: { order_id: '\uD800' } }),
  'render refused (throws PayloadError)': () => { try { q.render(SHOP, '{}', 'xml'); } catch (e) { if (!(e instanceof q.PayloadError)) throw e; } },
  'buildRequest bad options (throws)': () => { try { q.buildRequest(SHOP, q.example(SHOP), { appKey: 'k', secret: 's', signMethod: 'nope' }); } catch (e) { if (!(e instanceof q.PayloadError)) throw e; } },
  'parseResponse garbage (throws)': () => { try { q.parseResponse(SHOP, '<a><b></a>'); } catch (e) { if (!(e instanceof q.PayloadError)) throw e; } },
};

for (const [name, call] of Object.entries(CLASSES)) {
  test(`100,000 × ${name}: memory stays flat`, () => {
    for (let i = 0; i < 2000; i++) call(); // warm-up: let the allocator reach its working size
    const before = q.memoryBytes();
    for (let i = 0; i < 100_000; i++) call();
    const grown = q.memoryBytes() - before;
    assert.ok(grown <= 256 * 1024, `grew by ${grown} bytes`);
    assert.equal(q.check(SHOP, q.example(SHOP)).ok, true);
  });
}
