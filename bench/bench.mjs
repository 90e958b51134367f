// npm run bench: ours vs the JS peers, measured interleaved in one process with warm-up; median ops/s over
// rounds, MB/s, and the ratio ours/peer (> 1 means ours is faster). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as q from 'qimen-payload';
import { payload } from './payloads.mjs';
import { makePeer } from './peer.mjs';
import { race, median, settings } from './race.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { rounds: ROUNDS, budgetMs: BUDGET_MS } = settings();

function entryNames(method) {
  // The XML entry element of each list schema: from the rule table (entryElement), as our renderer writes it.
  const names = new Map();
  const schema = q.schema(method);
  const walk = (fields, s) => {
    for (const f of fields) {
      const sub = s.properties[f.name];
      if (f.kind === 'list') { names.set(sub, f.entryElement); walk(f.fields, sub.items); }
      if (f.kind === 'object') walk(f.fields, sub);
    }
  };
  walk(q.fields(method), schema);
  return { schema, names };
}

const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rows = [];
console.log(`qimen-payload benchmark — ${ROUNDS} interleaved rounds × ${BUDGET_MS} ms per contender; Node ${process.version}\n`);
console.log('| method | entries | payload | bytes | ours check ops/s | peer verdict ops/s | check ratio | ours validate ops/s | validate ratio | check + every message read ÷ peer | ours xml ops/s | peer pipeline ops/s | xml ratio | object/text | ours MB/s (xml) | JSON.parse MB/s |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const { method, listLimit } of q.methods()) {
  const { schema, names } = entryNames(method);
  const peer = makePeer(schema, names);
  for (const n of [1, 20, 100].filter((x) => x <= listLimit)) {
    for (const valid of [true, false]) {
      const obj = payload(method, n, valid);
      const text = JSON.stringify(obj);
      const bytes = Buffer.byteLength(text);
      const ours = q.check(method, text);
      if (ours.ok !== valid || peer.verdict(text) !== valid) throw new Error(`${method} ${n}: ours ${ours.ok}, peer ${peer.verdict(text)}, expected ${valid}`);
      const contenders = {
        oursCheck: () => q.check(method, text),
        oursValidate: () => q.validate(method, text),
        peerVerdict: () => peer.verdict(text),
        oursCheckObject: () => q.check(method, obj),
        // The peer's errors carry their messages; ours are formatted when read: this reads every one.
        oursCheckRead: () => q.check(method, text).errors.map((e) => e.message),
        jsonParse: () => JSON.parse(text),
      };
      if (valid) {
        contenders.oursXml = () => q.render(method, text, 'xml');
        contenders.peerPipeline = () => peer.pipeline(text);
      }
      const r = race(contenders);
      const mbs = (ops) => (ops * bytes) / 1e6;
      const row = { method, n, valid, bytes, ...r };
      rows.push(row);
      console.log(`| ${method} | ${n} | ${valid ? 'valid' : 'invalid'} | ${bytes} | ${fmt(r.oursCheck)} | ${fmt(r.peerVerdict)} | ${fmt(r.oursCheck / r.peerVerdict, 2)} | ${fmt(r.oursValidate)} | ${fmt(r.oursValidate / r.peerVerdict, 2)} | ${fmt(r.oursCheckRead / r.peerVerdict, 2)} | ${valid ? fmt(r.oursXml) : '—'} | ${valid ? fmt(r.peerPipeline) : '—'} | ${valid ? fmt(r.oursXml / r.peerPipeline, 2) : '—'} | ${fmt(r.oursCheckObject / r.oursCheck, 2)} | ${valid ? fmt(mbs(r.oursXml), 1) : '—'} | ${fmt(mbs(r.jsonParse), 1)} |`);
    }
  }
}

// Module size and cold start.
const wasm = readFileSync(join(root, 'pkg/qimen_payload_bg.wasm'));
const glue = Buffer.concat(['glue.mjs', 'web.mjs', 'api.mjs'].map((f) => readFileSync(join(root, 'pkg', f))));
console.log(`\nweb build: .wasm ${fmt(wasm.length)} B raw, ${fmt(gzipSync(wasm, { level: 9 }).length)} B gzipped; JS glue ${fmt(glue.length)} B raw, ${fmt(gzipSync(glue, { level: 9 }).length)} B gzipped; total gzipped ${fmt(gzipSync(wasm, { level: 9 }).length + gzipSync(glue, { level: 9 }).length)} B`);
const starts = [];
for (let i = 0; i < 7; i++) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    const t0 = performance.now();
    const q = await import('qimen-payload');
    const t1 = performance.now();
    q.check('taobao.inventory.shopinv.adjust', q.example('taobao.inventory.shopinv.adjust'));
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, firstCheckMs: t2 - t1 }));`], { cwd: root, encoding: 'utf8' });
  starts.push(JSON.parse(child.stdout));
}
console.log(`cold start (median of 7 fresh processes): import ${fmt(median(starts.map((s) => s.importMs)), 1)} ms, then first check ${fmt(median(starts.map((s) => s.firstCheckMs)), 2)} ms`);

// Summary against the targets.
const valid = rows.filter((r) => r.valid);
const at = (n) => valid.filter((r) => r.n === n || (n === 100 && r.n === 100));
const min = (xs) => Math.min(...xs);
console.log(`\nsummary: xml ratio (ours/peer) at 20 entries min ${fmt(min(at(20).map((r) => r.oursXml / r.peerPipeline)), 2)}, at 100 ${fmt(min(at(100).map((r) => r.oursXml / r.peerPipeline)), 2)}; ` +
  `check ratio min ${fmt(min(rows.map((r) => r.oursCheck / r.peerVerdict)), 2)}; check with every message read min ${fmt(min(rows.map((r) => r.oursCheckRead / r.peerVerdict)), 2)}; validate ratio min ${fmt(min(rows.map((r) => r.oursValidate / r.peerVerdict)), 2)}; pipeline MB/s ÷ JSON.parse MB/s min ${fmt(min(valid.map((r) => r.oursXml / r.jsonParse)), 2)}`);
