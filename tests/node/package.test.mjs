// The package as an ES-module consumer sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';
import qDefault from 'qimen-payload';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

test('import and require each give a Node build usable at once; the default export is init, resolving at once', async () => {
  assert.equal(typeof q.check, 'function');
  assert.equal(q.isReady(), true);
  assert.equal(q.methods().length, 4);
  // The isomorphic idiom of the README: the same user module runs in Node and in browsers.
  assert.equal(qDefault, q.init);
  assert.equal(await qDefault(), undefined);
  const required = createRequire(import.meta.url)('qimen-payload');
  assert.equal(required.isReady(), true);
  assert.equal(required.methods().length, 4);
  assert.equal(typeof required.init, 'function');
  await required.init();
  // Separate module graphs (no ESM wrapper over CJS, which bundlers cannot follow): each has its own instance.
  assert.notEqual(required.check, q.check);
  // The same named exports either way (the CJS build lacked readWebBody, issue 28 §6).
  const named = (m) => Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort();
  assert.deepEqual(named(required), named(q));
});

test('methods() lists the APIs with their list limits', () => {
  const m = q.methods();
  assert.deepEqual(m.map((x) => [x.method, x.listField, x.listLimit]), [
    ['qimen.taobao.pos.inventory.synchronize', 'item', 20],
    ['qimen.taobao.pos.items.synchronize', 'item', 20],
    ['tmall.qimendc.inventory.sync', 'items', 100],
    ['taobao.inventory.shopinv.adjust', 'detail_list', 20],
  ]);
});

test('a Long beyond 2^53 given as text comes back as an exact BigInt; safe ones as numbers', () => {
  const r = q.check('taobao.inventory.shopinv.adjust',
    '{"shop_inventory_edit":{"order_id":"o","store_id":9007199254740993,"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":5}],"recover_deleted_data":true}}');
  assert.equal(r.ok, true);
  assert.equal(r.value.shop_inventory_edit.store_id, 9007199254740993n);
  assert.equal(r.value.shop_inventory_edit.detail_list[0].quantity, 5);
});

test('object input: BigInt accepted, unsafe number refused with advice, NaN and Map reported', () => {
  const edit = { order_id: 'o', store_id: 9007199254740993n, check_mode: 2, detail_list: [{ item_id: 2 ** 60, sku_id: 0, sub_order_id: 's', quantity: NaN }], recover_deleted_data: true, extra: undefined };
  const r = q.check('taobao.inventory.shopinv.adjust', { shop_inventory_edit: edit });
  assert.equal(r.ok, false);
  const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e]));
  assert.equal(byPath['shop_inventory_edit.detail_list[0].item_id'].code, 'integer');
  assert.match(byPath['shop_inventory_edit.detail_list[0].item_id'].message, /string or a BigInt/);
  assert.equal(byPath['shop_inventory_edit.detail_list[0].quantity'].code, 'type');
  assert.equal(r.warnings.length, 0, 'undefined members are dropped like JSON.stringify does');
});

test('bad arguments never throw: non-object payloads, bytes, invalid UTF-8', () => {
  const m = 'tmall.qimendc.inventory.sync';
  assert.equal(q.check(m, undefined).errors[0].code, 'malformed');
  assert.equal(q.check(m, 42).errors[0].code, 'malformed');
  assert.equal(q.check(m, Buffer.from('{"req_id":"r"}')).ok, true);
  const bad = q.check(m, Buffer.from([0x7b, 0xff, 0x7d]));
  assert.equal(bad.errors[0].code, 'malformed');
  assert.match(bad.errors[0].message, /UTF-8/);
  assert.equal(q.check(m, '{}').ok, true, 'the module still works');
});

test('npm pack ships only what a consumer needs', async () => {
  const { execFileSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.ok(files.every((f) => ['README.md', 'LICENSE', 'package.json'].includes(f) || f.startsWith('pkg/')), files.join(', '));
  for (const needed of ['LICENSE', 'pkg/index.d.mts', 'pkg/index.d.cts', 'pkg/node.cjs', 'pkg/node.mjs', 'pkg/cli.mjs', 'pkg/web.mjs', 'pkg/workerd.mjs', 'pkg/qimen_payload_bg.wasm', 'pkg/qimen_payload_tools_bg.wasm']) assert.ok(files.includes(needed), needed);
  // Each .wasm ships once, shared by every build: the default module and the tools module.
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['pkg/qimen_payload_bg.wasm', 'pkg/qimen_payload_tools_bg.wasm']);
});

test('checkXml: an XML body (the Qimen classic protocol) checks exactly like its JSON', () => {
  for (const { method } of q.methods()) {
    const example = q.example(method);
    const fromXml = q.checkXml(method, q.render(method, example, 'xml'));
    assert.equal(fromXml.ok, true, JSON.stringify(fromXml.errors));
    assert.equal(q.stringify(fromXml.value), q.stringify(q.check(method, example).value));
  }
  const bad = q.checkXml('qimen.taobao.pos.inventory.synchronize', '<request><item>');
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].code, 'malformed');
  assert.match(bad.errors[0].messageZh, /^请求报文/);
  const wrong = q.checkXml('qimen.taobao.pos.inventory.synchronize', '<request><item><struct><paperQty>x</paperQty></struct></item></request>');
  assert.deepEqual(wrong.errors.map((e) => `${e.path} ${e.code}`).sort(), ['item[0].itemCode missing', 'item[0].paperQty integer'].sort());
});

test('validate and isValid: the verdict without the value; check parses its value only when it is read', () => {
  const SHOP = 'taobao.inventory.shopinv.adjust';
  const good = q.example(SHOP);
  const bad = '{"shop_inventory_edit": {"store_id": "x"}}';
  for (const payload of [good, bad, JSON.parse(good), Buffer.from(bad), '{"a": [1,']) {
    const r = q.check(SHOP, payload);
    const v = q.validate(SHOP, payload);
    assert.deepEqual(Object.keys(v), ['ok', 'errors', 'warnings']);
    assert.deepEqual(v, { ok: r.ok, errors: r.errors, warnings: r.warnings });
    assert.equal(q.isValid(SHOP, payload), r.ok);
  }
  // The lazy value: in its place, equal to what the text says, a plain writable property once read.
  const r = q.check(SHOP, good);
  assert.deepEqual(Object.keys(r), ['ok', 'value', 'errors', 'warnings']);
  assert.ok(JSON.stringify(r).startsWith('{"ok":true,"value":{"shop_inventory_edit":{'), 'serialized as before');
  assert.equal(r.value.shop_inventory_edit.order_id, 'mainOrderId1');
  assert.equal(r.value, r.value, 'parsed once');
  assert.equal(Object.getOwnPropertyDescriptor(r, 'value').writable, true);
  r.value = 1;
  assert.equal(r.value, 1);
  // Longs beyond 2^53 still come back exact (that report takes the object path).
  const big = q.check(SHOP, good.replace('111111111', '9007199254740993'));
  assert.equal(big.value.shop_inventory_edit.store_id, 9007199254740993n);
  assert.equal(q.validate('taobao.nope', '{}').errors[0].code, 'unknown_method');
});

test('the value stays in the core until it is read: after other calls, after a fresh instance, from bytes that change', () => {
  const SHOP = 'taobao.inventory.shopinv.adjust';
  const QIMENDC = 'tmall.qimendc.inventory.sync';
  const good = JSON.stringify({ shop_inventory_edit: { order_id: 'o', store_id: '111', check_mode: '2', recover_deleted_data: 'true',
    detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: '  3 ' }] } });
  // The reference: an object input, whose report is read at once.
  const eager = q.check(SHOP, JSON.parse(good));
  assert.equal(Object.getOwnPropertyDescriptor(eager, 'value').writable, true, 'an object input: data at once');
  assert.equal(eager.value.shop_inventory_edit.detail_list[0].quantity, 3);
  // Other reports in between: the core keeps only the latest value, so this one is checked again when read.
  const later = q.check(SHOP, good);
  assert.equal(typeof Object.getOwnPropertyDescriptor(later, 'value').get, 'function', 'a text input: not read yet');
  for (let i = 0; i < 3; i++) q.check(QIMENDC, q.example(QIMENDC));
  assert.deepEqual(later.value, eager.value);
  // The instance that held it replaced (an input that grows memory past 64 MiB) before the value is read.
  const before = q.instanceStats().memoryResets;
  const held = q.check(SHOP, good);
  q.check(QIMENDC, `{"items":[${'[],'.repeat(2 * 1024 * 1024)}[]]}`);
  assert.equal(q.instanceStats().memoryResets, before + 1, 'the instance was replaced');
  assert.deepEqual(held.value, eager.value);
  // Bytes could change after the call: their value is read at once.
  const bytes = Buffer.from(good);
  const fromBytes = q.check(SHOP, bytes);
  bytes.fill(0x20);
  assert.deepEqual(fromBytes.value, eager.value);
  // A report without a value has none to read (a verdict, or an invalid payload).
  assert.equal('value' in q.validate(SHOP, good), false);
  assert.equal(q.check(SHOP, good.replace('"  3 "', '"x"')).value, undefined);
});

test('issues are read lazily, with the same words, key order and language as an eager report', () => {
  const SHOP = 'taobao.inventory.shopinv.adjust';
  const bad = JSON.stringify({ shop_inventory_edit: { order_id: 'o', store_id: 1, check_mode: 2, recover_deleted_data: true, extra: 1,
    detail_list: [{ item_id: 1, sku_id: 0, sub_order_id: 's', quantity: 1.5 }, { item_id: 1, sku_id: 0, sub_order_id: 't', quantity: 2 }] } });
  // An object input is read at once (it could change before its words are asked for): the reference.
  const eager = q.check(SHOP, JSON.parse(bad));
  assert.equal(Object.getOwnPropertyDescriptor(eager, 'errors').writable, true, 'an object input: data at once');
  const lazy = q.check(SHOP, bad);
  assert.equal(typeof Object.getOwnPropertyDescriptor(lazy, 'errors').get, 'function', 'a text input: not read yet');
  // Other calls in between: the core no longer holds this report's issues; they are checked again for their words.
  for (let i = 0; i < 3; i++) q.check(SHOP, q.example(SHOP));
  assert.equal(JSON.stringify(lazy), JSON.stringify(eager), 'same issues, words and key order');
  assert.deepEqual(Object.keys(lazy.errors[0]), ['path', 'code', 'params', 'label', 'position', 'message', 'messageZh', 'topCode', 'topMessage', 'messageEn', 'segments']);
  assert.deepEqual(Object.keys(lazy.warnings[0]), ['path', 'code', 'params', 'message', 'messageZh', 'messageEn', 'segments']);
  assert.equal(lazy.errors[0].topCode, 41);
  assert.match(lazy.errors[0].topMessage, /^client-error:Invalid arguments:shopInventoryEdit\.detailList\.quantity/);
  assert.equal(Object.getOwnPropertyDescriptor(lazy, 'errors').writable, true, 'a data property once read');
  // Read at once (the core still holds them), spread, and in the language chosen when the check was made.
  q.setLanguage('zh');
  const zh = q.validate(SHOP, bad);
  q.setLanguage('en');
  assert.equal({ ...zh.errors[0] }.message, zh.errors[0].messageZh);
  assert.ok(zh.errors[0].message.startsWith('调整数量') && zh.errors[0].message.includes('"1.5"'), zh.errors[0].message);
  assert.equal(zh.errors[0].messageEn, eager.errors[0].messageEn);
  // Assignable before and after reading, like any property.
  const r = q.check(SHOP, bad);
  r.errors = [];
  assert.deepEqual(r.errors, []);
  assert.equal(r.warnings.length, 1);
  // A report without issues has nothing to defer: plain data (only a check's value is read on demand).
  const clean = q.validate(SHOP, q.example(SHOP));
  assert.deepEqual(Object.getOwnPropertyDescriptors(clean), {
    ok: { value: true, writable: true, enumerable: true, configurable: true },
    errors: { value: [], writable: true, enumerable: true, configurable: true },
    warnings: { value: [], writable: true, enumerable: true, configurable: true },
  });
  const cleanCheck = q.check(SHOP, q.example(SHOP));
  assert.equal(typeof Object.getOwnPropertyDescriptor(cleanCheck, 'value').get, 'function');
  assert.equal(Object.getOwnPropertyDescriptor(cleanCheck, 'errors').writable, true);
  // A report whose issues are never read costs nothing more and breaks nothing later.
  for (let i = 0; i < 50; i++) q.check(SHOP, bad);
  assert.equal(q.check(SHOP, bad).errors[0].code, 'integer');
});

test('many checks in a row, their reports never read, do not abort V8 (a JS-to-wasm call inlined into optimized code)', () => {
  // Node 20's V8 aborted ("unreachable code" in the deoptimizer) after ~100k such calls before every wasm call
  // went through one trampoline (scripts/wrap-glue.mjs). In a child process: an abort would end this one too.
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import * as q from 'qimen-payload';
    const m = 'taobao.inventory.shopinv.adjust';
    const text = q.example(m);
    for (let i = 0; i < 200000; i++) q.check(m, text);
    console.log('done');`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(child.status, 0, child.stderr.slice(0, 500));
  assert.equal(child.stdout.trim(), 'done');
});

test('stringify writes what JSON.stringify writes, and BigInts exactly', () => {
  class Money { constructor(v) { this.v = v; } toJSON(key) { return `${key}:${this.v}`; } }
  const values = [
    { a: 1, b: [1, 'x', null, undefined, () => 1, Symbol('s')], c: undefined, d: new Date(0), e: new Money(5), f: NaN, g: -0, h: Infinity },
    [new Number(3), new String('s'), new Boolean(false), { toJSON: () => undefined }], '€ "\u2028', 12.5, null, true, { nested: { deep: [[{}], []] } },
  ];
  for (const v of values) {
    for (const space of [undefined, 2, '\t', 20, 'abcdefghijklmnop']) assert.equal(q.stringify(v, space), JSON.stringify(v, null, space));
  }
  // A BigInt anywhere: the exact writer, for the whole value.
  assert.equal(q.stringify({ id: 9007199254740993n, list: [1n, { x: -12345678901234567890n }], s: '9007199254740993' }),
    '{"id":9007199254740993,"list":[1,{"x":-12345678901234567890}],"s":"9007199254740993"}');
  assert.equal(q.stringify([1n], 1), '[\n 1\n]');
  for (const space of [undefined, 2, '--']) {
    const exact = { n: 1n, d: new Date(0), m: new Money(1), u: undefined, f: () => 1, b: [new Number(2), undefined, NaN] };
    assert.equal(q.stringify(exact, space), JSON.stringify({ ...exact, n: 1 }, null, space));
  }
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  assert.throws(() => q.stringify(cyclic), RangeError);
});
