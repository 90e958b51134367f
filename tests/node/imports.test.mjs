// Every doc JSON in ../shared/apis (the platform's own, 18 APIs this package does not ship) through the importer
// as a user meets it (issue 31 §3, §5): `importDoc` finds what the doc says — required params at every level,
// code lists, date formats, lengths, list limits, each checked against tests/imports/expected.json, written by
// hand from reading the files — and the table registers; its example checks, renders to JSON and XML, chunks and
// signs; `qimen-payload import` writes the table, and the local gateway started with `--api` answers a signed
// call of it in the shape of the table's response.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';
import { cli, startCli } from './cli-server.mjs';

// CI has ../shared beside the checkout; QIMEN_SHARED names another place.
const SHARED = process.env.QIMEN_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
const APIS = join(SHARED, 'apis');
const EXPECTED = JSON.parse(readFileSync(new URL('../imports/expected.json', import.meta.url), 'utf8'));
const FILES = Object.keys(EXPECTED).filter((k) => k.endsWith('.json'));

test('the shared doc JSON folder is there, with exactly the 18 files the expectations cover', () => {
  assert.ok(existsSync(APIS), `${APIS} is missing: CI has ../shared beside the checkout (or set QIMEN_SHARED)`);
  assert.deepEqual(readdirSync(APIS).filter((f) => f.endsWith('.json')).sort(), [...FILES].sort());
  assert.equal(FILES.length, 18);
});

/** Every field of a table with its dotted path. */
function* walk(fields, prefix = '') {
  for (const f of fields) {
    const path = prefix + f.name;
    yield [path, f];
    if (f.fields) yield* walk(f.fields, `${path}.`);
  }
}

const signOf = (params, secret) => createHash('md5')
  .update(secret + Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => k + params[k]).join('') + secret).digest('hex').toUpperCase();

for (const file of FILES) {
  const want = EXPECTED[file];
  test(`${file}: imported as the doc says, registered, and every function takes it`, () => {
    const { table, review } = q.importDoc(readFileSync(join(APIS, file)));
    assert.equal(table.method, want.method);
    const fields = new Map(walk(table.fields));
    assert.deepEqual([...fields].filter(([, f]) => f.required).map(([p]) => p).sort(), [...want.required].sort(), 'required at every level');
    if (want.root) assert.deepEqual(table.fields.map((f) => f.name), [want.root]);
    for (const [path, codes] of Object.entries(want.enums ?? {})) {
      const f = fields.get(path);
      assert.equal(f?.type, 'enum', `${path} is an enum`);
      assert.deepEqual(f.codes.map((c) => c.code), codes, path);
      assert.ok(review.some((r) => r.field === path && r.kind === 'enum' && r.decision), `${path}: the enum is a decision in the review`);
    }
    for (const [path, kind] of Object.entries(want.dates ?? {})) {
      assert.equal(fields.get(path)?.type, kind, path);
      assert.ok(review.some((r) => r.field === path && r.kind === 'date' && r.decision), `${path}: the date is in the review`);
    }
    for (const [path, n] of Object.entries(want.lengths ?? {})) assert.equal(fields.get(path)?.max_len, n, path);
    for (const path of want.texts ?? []) assert.equal(fields.get(path)?.type, 'text', `${path} stays text`);
    for (const path of want.lists ?? []) assert.equal(fields.get(path)?.type, 'list', `${path} is a list`);
    for (const path of want.contradictions ?? []) {
      assert.ok(review.some((r) => r.field === path && r.kind === 'contradiction' && r.decision), `${path}: the contradiction is flagged`);
    }
    // Nothing that changes a verdict is silent: every enum, date, price and limit of the table is in the review.
    for (const [path, f] of fields) {
      const inferred = ['enum', 'date', 'price', 'discount'].includes(f.type) || f.max_len !== undefined || f.max_entries !== undefined;
      if (inferred) assert.ok(review.some((r) => r.field === path && r.decision), `${path} (${f.type}) is a decision in the review`);
    }

    const method = q.registerApi(table);
    const example = q.example(method);
    const report = q.check(method, example);
    assert.equal(report.ok, true, JSON.stringify(report.errors?.slice(0, 3)));
    assert.deepEqual(JSON.parse(q.render(method, example)), report.value);
    assert.match(q.render(method, example, 'xml'), /^<request>.*<\/request>$/s);
    assert.deepEqual(q.chunk(method, example), [report.value]);
    const built = q.buildRequest(method, example, { appKey: 'k', secret: 's', signMethod: 'md5', timestamp: '2026-12-01 10:00:00' });
    const params = { ...built.query, ...built.form };
    assert.equal(built.sign, signOf(params, 's'));
    assert.equal(q.schema(method).type, 'object');
  });
}

test('qimen-payload import writes each table; a gateway and a signing proxy started with --api answer a call of each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qimen-import-'));
  try {
    const apiFlags = [];
    for (const file of FILES) {
      const r = spawnSync(process.execPath, [cli, 'import', join(APIS, file), '--accept'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /\[root|\[success/);
      const out = join(dir, file);
      writeFileSync(out, r.stdout);
      apiFlags.push('--api', out);
    }
    // Without --accept the command says a decision is due (exit 1) and still prints the table.
    const pending = spawnSync(process.execPath, [cli, 'import', join(APIS, 'taobao_qimen_entryorder_confirm.json')], { encoding: 'utf8' });
    assert.equal(pending.status, 1);
    assert.match(pending.stderr, /change a verdict/);
    assert.equal(JSON.parse(pending.stdout).method, 'taobao.qimen.entryorder.confirm');

    const gw = await startCli(['gateway', '--port', '0', '--app', 'k:s', '--clock', '2026-12-01 10:00:00', ...apiFlags]);
    try {
      for (const file of FILES) {
        const table = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        q.registerApi(table);
        const built = q.buildRequest(table.method, q.example(table.method), { appKey: 'k', secret: 's', signMethod: 'md5', timestamp: '2026-12-01 10:00:00' });
        const res = await fetch(`${gw.url}/router/rest?${built.queryString}`, {
          method: 'POST', headers: { 'content-type': built.contentType }, body: new URLSearchParams(built.form).toString(),
        });
        const text = await res.text();
        assert.equal(res.status, 200, text);
        const parsed = q.parseResponse(table.method, text);
        assert.equal(parsed.ok, true, `${table.method}: ${text}`);
        // A payload the table refuses is refused by the gateway with the field's path.
        const bad = q.buildRequest(table.method, q.example(table.method), { appKey: 'k', secret: 's', signMethod: 'md5', timestamp: '2026-12-01 10:00:00' });
        // An object or list parameter that is no JSON (41), else a required parameter left out (40).
        const structured = table.fields.find((f) => f.type === 'object' || f.type === 'list');
        const form = { ...bad.form };
        if (structured) form[structured.name] = '{"unclosed": ';
        else delete form[table.fields.find((f) => f.required).name];
        const refused = await fetch(`${gw.url}/router/rest?${new URLSearchParams({ ...bad.query, sign: signOf({ ...bad.query, ...form }, 's') })}`, {
          method: 'POST', headers: { 'content-type': bad.contentType }, body: new URLSearchParams(form).toString(),
        });
        const answer = JSON.parse(await refused.text());
        assert.equal(answer.error_response?.code, structured ? 41 : 40, `${table.method}: ${JSON.stringify(answer)}`);
      }
      // The signing proxy started with the same --api files: an unsigned payload of each is checked, signed and
      // answered by the gateway through it; an invalid one is refused before anything is sent.
      // (A gateway on the real clock: the proxy stamps each call with the time it sends it.)
      const live = await startCli(['gateway', '--port', '0', '--app', 'k:s', ...apiFlags]);
      const proxy = await startCli(['proxy', '--port', '0', '--upstream', live.url, '--app-key', 'k', '--token', 'tok', ...apiFlags],
        { ...process.env, QIMEN_SECRET: 's' });
      try {
        for (const file of FILES) {
          const { method } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
          const post = (body) => fetch(`${proxy.url}/api/${method}`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' }, body,
          }).then(async (r) => ({ status: r.status, body: JSON.parse(await r.text()) }));
          const ok = await post(q.example(method));
          assert.equal(ok.body.ok, true, `${method} through the proxy: ${JSON.stringify(ok.body)}`);
          const bad = await post('[]');
          assert.notEqual(bad.status, 200, `${method}: ${JSON.stringify(bad.body)}`);
        }
      } finally {
        proxy.child.kill();
        live.child.kill();
      }
    } finally {
      gw.child.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each seed doc page, imported by the CLI with its reviewed overlay, is the shipped table (issue 31 §4)', () => {
  const seeds = join(SHARED, 'seeds');
  const methods = q.methods().map((m) => m.method);
  assert.equal(methods.length >= 4, true);
  for (const method of methods.slice(0, 4)) {
    const overlay = fileURLToPath(new URL(`../seeds/${method}.overlay.json`, import.meta.url));
    const r = spawnSync(process.execPath, [cli, 'import', join(seeds, `${method}.txt`), '--overlay', overlay, '--accept'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), q.exportApi(method), method);
    // Without the overlay the page alone is not the shipped table (the overlay holds real decisions)...
    const bare = q.importDoc(readFileSync(join(seeds, `${method}.txt`))).table;
    assert.notDeepEqual(bare, q.exportApi(method));
    // ...but its structure is the page's: the same field names at every level.
    const names = (fields) => fields.map((f) => [f.name, f.fields ? names(f.fields) : null]);
    assert.deepEqual(names(bare.fields), names(q.exportApi(method).fields), method);
  }
  // The slips the page has are in the review, not silently fixed.
  const shop = q.importDoc(readFileSync(join(seeds, 'taobao.inventory.shopinv.adjust.txt'))).review;
  assert.ok(shop.some((r) => r.field === 'shop_inventory_edit.recover_deleted_data' && r.kind === 'contradiction' && r.decision));
  const items = q.importDoc(readFileSync(join(seeds, 'qimen.taobao.pos.items.synchronize.txt'))).review;
  assert.ok(items.some((r) => r.field === 'item.priceAdjustment' && /list4/.test(r.what)));
  const qimendc = q.importDoc(readFileSync(join(seeds, 'tmall.qimendc.inventory.sync.txt'))).review;
  assert.ok(qimendc.some((r) => r.kind === 'same_label' && r.field === 'items.quantity'), JSON.stringify(qimendc.map((r) => r.field)));
});
