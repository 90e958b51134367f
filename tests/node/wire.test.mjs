// render, buildRequest, signParams, parseResponse and chunk through the package, checked against independent
// oracles: Node's crypto for every signature, fast-xml-parser for XML well-formedness, URLSearchParams for the
// form body. The host runs in a non-GMT+8 zone to catch timestamp bugs the official Node SDK has.
process.env.TZ = 'America/New_York';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import * as q from 'qimen-payload';
import { loadCases, casesDir } from './cases.mjs';

const SECRET = 'Sup3r-s3cret-值';

test('the host zone really is not GMT+8', () => {
  assert.notEqual(new Date(0).getTimezoneOffset(), -480);
});

for (const { method, name, case: c } of loadCases()) {
  if (!c.ok) {
    test(`${method} / ${name}: render refuses with PayloadError`, () => {
      assert.throws(() => q.render(method, c.payloadText, { format: 'xml' }), (e) => e instanceof q.PayloadError && e instanceof Error && e.errors.length > 0);
    });
    continue;
  }
  if (c.warnings.some((w) => w.endsWith(' invalid_char'))) {
    test(`${method} / ${name}: XML refuses a character it cannot carry; JSON escapes it`, () => {
      assert.throws(() => q.render(method, c.payloadText, 'xml'), (e) => e.errors.every((x) => x.code === 'invalid_char'));
      assert.doesNotThrow(() => q.render(method, c.payloadText, 'json'));
    });
    continue;
  }
  test(`${method} / ${name}: render json and xml`, () => {
    const json = q.render(method, c.payloadText, { format: 'json' });
    const xml = q.render(method, c.payloadText, 'xml');
    if (c.json !== undefined) assert.equal(json, c.json);
    if (c.xml !== undefined) assert.equal(xml, c.xml);
    assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
    assert.equal(q.render(method, c.payloadText, 'xml'), xml, 'deterministic');
  });
}

// Java's Character.isWhitespace, from the JDK documentation: space/line/paragraph separators except the no-break
// ones (U+00A0, U+2007, U+202F), plus U+0009–U+000D and U+001C–U+001F. The SDK's StringUtils.isEmpty drops a
// key or value made only of these.
const javaBlank = (s) => /^[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/.test(s);
const QIMEN = (method) => method.startsWith('qimen.'); // the Qimen router's methods; the rest are TOP methods

/** The independent signature: sort params (blank dropped) by key, concatenate, append body, digest. */
function oracleSign(params, method, body = '') {
  const s = Object.entries(params).filter(([k, v]) => !javaBlank(k) && !javaBlank(String(v)))
    .sort(([a], [b]) => (Buffer.compare(Buffer.from(a), Buffer.from(b))))
    .map(([k, v]) => k + v).join('') + body;
  if (method === 'md5') return createHash('md5').update(SECRET + s + SECRET, 'utf8').digest('hex').toUpperCase();
  const algo = method === 'hmac' ? 'md5' : 'sha256';
  return createHmac(algo, Buffer.from(SECRET, 'utf8')).update(s, 'utf8').digest('hex').toUpperCase();
}

const when = new Date(Date.UTC(2024, 4, 1, 2, 30, 0)); // 2024-05-01 10:30:00 in GMT+8
for (const m of q.methods()) {
  for (const signMethod of ['md5', 'hmac', 'hmac-sha256']) {
    for (const body of ['form', 'xml']) {
      if (body === 'xml' && !QIMEN(m.method)) continue; // refused: see the test below
      test(`${m.method}: buildRequest ${signMethod} ${body} re-signed with node:crypto`, () => {
        const r = q.buildRequest(m.method, q.example(m.method), { appKey: 'app1', secret: SECRET, signMethod, session: 'sess', timestamp: when, body, partnerId: 'p1' });
        assert.equal(r.query.timestamp, '2024-05-01 10:30:00');
        assert.equal(r.query.sign_method, signMethod);
        const { sign, ...unsigned } = r.query;
        assert.equal(sign, r.sign);
        if (body === 'form') {
          assert.equal(r.contentType, 'application/x-www-form-urlencoded;charset=utf-8');
          assert.deepEqual(Object.fromEntries(new URLSearchParams(r.body)), r.form);
          assert.equal(r.sign, oracleSign({ ...unsigned, ...r.form }, signMethod));
        } else {
          assert.equal(r.contentType, 'text/xml;charset=utf-8');
          // The payload's XML without the routing element: customerId travels in the query only.
          assert.equal(r.body, q.render(m.method, q.example(m.method), 'xml').replace(/<customerid>[^<]*<\/customerid>/, ''));
          assert.equal(r.query.customerId, JSON.parse(q.example(m.method)).customerid);
          assert.equal(r.sign, oracleSign(unsigned, signMethod, r.body));
        }
        assert.deepEqual(Object.fromEntries(new URLSearchParams(r.queryString)), r.query);
        assert.ok(!JSON.stringify(r).includes(SECRET), 'the secret never appears in the result');
      });
    }
  }
}

test('defaults as the current SDKs: hmac-sha256 in form mode for every method, md5 for the classic XML body', () => {
  for (const { method } of q.methods()) {
    const a = q.buildRequest(method, q.example(method), { appKey: 'k', secret: SECRET, timestamp: '2024/5/1 10:30' });
    assert.equal(a.query.sign_method, 'hmac-sha256', method);
    assert.equal(a.query.timestamp, '2024-05-01 10:30:00');
    if (QIMEN(method)) assert.equal(q.buildRequest(method, q.example(method), { appKey: 'k', secret: SECRET, body: 'xml' }).query.sign_method, 'md5');
  }
  const b = q.buildRequest('taobao.inventory.shopinv.adjust', q.example('taobao.inventory.shopinv.adjust'), { appKey: 'k', secret: SECRET, timestamp: 0 });
  assert.equal(b.query.timestamp, '1970-01-01 08:00:00');
});

test('simplify is sent only when true; partner_id names this library unless overridden or turned off', () => {
  const m = 'tmall.qimendc.inventory.sync';
  const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  const build = (o) => q.buildRequest(m, q.example(m), { appKey: 'k', secret: SECRET, timestamp: when, ...o }).query;
  assert.equal(build({ simplify: false }).simplify, undefined);
  assert.equal(build({}).simplify, undefined);
  assert.equal(build({ simplify: true }).simplify, 'true');
  assert.equal(build({}).partner_id, `qimen-payload-${version}`);
  assert.equal(build({ partnerId: 'top-sdk-java-20210101' }).partner_id, 'top-sdk-java-20210101');
  assert.equal(build({ partnerId: null }).partner_id, undefined);
  assert.equal(build({ partnerId: '' }).partner_id, undefined);
});

test('the XML-body protocol is Qimen only: refused for TOP methods, whose customer_id is no routing id', () => {
  for (const m of ['tmall.qimendc.inventory.sync', 'taobao.inventory.shopinv.adjust']) {
    assert.throws(() => q.buildRequest(m, q.example(m), { appKey: 'k', secret: SECRET, body: 'xml', timestamp: when }),
      (e) => e instanceof q.PayloadError && e.errors[0].path === 'options.body' && e.errors[0].code === 'enum');
    assert.equal(q.buildRequest(m, q.example(m), { appKey: 'k', secret: SECRET, timestamp: when }).query.customerId, undefined);
  }
  const r = q.buildRequest('qimen.taobao.pos.items.synchronize', q.example('qimen.taobao.pos.items.synchronize'), { appKey: 'k', secret: SECRET, body: 'xml', timestamp: when });
  assert.equal(r.query.customerId, 'A12345');
  assert.doesNotMatch(r.body, /customerid/i);
});

test('blank values when signing follow Java: U+001C–U+001F are blank, no-break spaces and NEL are signed', () => {
  const base = { a: '1' };
  for (const c of ['\u001c', '\u001d', '\u001e', '\u001f', ' \u3000\t']) {
    assert.equal(q.signParams({ ...base, b: c }, SECRET, 'md5'), q.signParams(base, SECRET, 'md5'), JSON.stringify(c));
    assert.equal(q.signParams({ ...base, b: c }, SECRET, 'md5'), oracleSign({ ...base, b: c }, 'md5'));
  }
  for (const c of ['\u00a0', '\u2007', '\u202f', '\u0085']) {
    assert.notEqual(q.signParams({ ...base, b: c }, SECRET, 'md5'), q.signParams(base, SECRET, 'md5'), JSON.stringify(c));
    const want = createHash('md5').update(`${SECRET}a1b${c}${SECRET}`, 'utf8').digest('hex').toUpperCase();
    assert.equal(q.signParams({ ...base, b: c }, SECRET, 'md5'), want);
  }
});

test('topMessage names the Java property the SDK checks; path keeps the wire name', () => {
  const e = q.check('taobao.inventory.shopinv.adjust', '{}').errors[0];
  assert.equal(e.path, 'shop_inventory_edit');
  assert.equal(e.topMessage, 'client-error:Missing required arguments:shopInventoryEdit');
});

test('a Long of 9007199254740993 given as text stays exact in JSON, XML and the signed form', () => {
  const text = '{"shop_inventory_edit":{"order_id":"o","store_id":9007199254740993,"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":1}],"recover_deleted_data":true}}';
  const m = 'taobao.inventory.shopinv.adjust';
  assert.match(q.render(m, text, 'json'), /"store_id":9007199254740993,/);
  assert.match(q.render(m, text, 'xml'), /<store_id>9007199254740993<\/store_id>/);
  const r = q.buildRequest(m, text, { appKey: 'k', secret: SECRET, timestamp: when });
  assert.match(r.form.shop_inventory_edit, /"store_id":9007199254740993,/);
});

test('buildRequest option errors are PayloadErrors at options.*, never leaking the secret', () => {
  const m = 'tmall.qimendc.inventory.sync';
  for (const [opts, path] of [[{ secret: SECRET }, 'options.appKey'], [{ appKey: 'k' }, 'options.secret'], [{ appKey: 'k', secret: SECRET, signMethod: 'sha1' }, 'options.signMethod'], [{ appKey: 'k', secret: SECRET, timestamp: 'yesterday' }, 'options.timestamp']]) {
    assert.throws(() => q.buildRequest(m, '{}', opts), (e) => e instanceof q.PayloadError && e.errors[0].path === path && !e.message.includes(SECRET) && !JSON.stringify(e.errors).includes(SECRET));
  }
});

test('signParams: the platform documentation vector, order independence, blank values dropped', () => {
  const doc = { method: 'taobao.item.seller.get', app_key: '12345678', session: 'test', timestamp: '2016-01-01 12:00:00', format: 'json', v: '2.0', sign_method: 'md5', fields: 'num_iid,title,nick,price,num', num_iid: 11223344 };
  assert.equal(q.signParams(doc, 'helloworld', 'md5'), '66987CB115214E59E6EC978214934FB8');
  assert.equal(q.signParams(doc, 'helloworld', 'hmac'), 'B4DDA503460D60A86B16E950E5D303E9');
  const reversed = Object.fromEntries(Object.entries(doc).reverse());
  assert.equal(q.signParams({ ...reversed, partner_id: ' ', simplify: '', x: null }, 'helloworld'), '66987CB115214E59E6EC978214934FB8');
  assert.throws(() => q.signParams(doc, ''), q.PayloadError);
});

// Response cases: tests/responses/<method>/<case>.json; `null` in an expectation means "absent".
const responsesDir = join(casesDir, '..', 'responses');
const dropNulls = (v) => (Array.isArray(v) ? v.map(dropNulls) : v && typeof v === 'object'
  ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)])) : v);
for (const method of readdirSync(responsesDir)) {
  for (const file of readdirSync(join(responsesDir, method))) {
    const c = JSON.parse(readFileSync(join(responsesDir, method, file), 'utf8'));
    test(`${method} / ${file}: parseResponse`, () => {
      if (c.expected.error) {
        assert.throws(() => q.parseResponse(method, c.text), (e) => e instanceof q.PayloadError && e.errors[0].code === c.expected.error);
      } else {
        assert.deepEqual(JSON.parse(JSON.stringify(q.parseResponse(method, c.text))), dropNulls(c.expected));
      }
    });
  }
}

test('chunk: 45 rows → 20, 20, 5 in order; each passes check; other fields copied', () => {
  const m = 'qimen.taobao.pos.inventory.synchronize';
  const item = Array.from({ length: 45 }, (_, i) => ({ itemCode: `S${i}`, paperQty: i }));
  const chunks = q.chunk(m, { orderInfo: { storeCode: 'S1' }, item, customerid: 'c' });
  assert.deepEqual(chunks.map((c) => c.item.length), [20, 20, 5]);
  assert.deepEqual(chunks.flatMap((c) => c.item.map((i) => i.itemCode)), item.map((i) => i.itemCode));
  for (const c of chunks) {
    assert.equal(q.check(m, c).ok, true);
    assert.deepEqual(c.orderInfo, { storeCode: 'S1' });
  }
  assert.throws(() => q.chunk(m, { item: [...item, { itemCode: 'S0', paperQty: 1 }] }), (e) => e.errors.some((x) => x.code === 'duplicate'));
});
