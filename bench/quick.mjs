// A quick subset of bench.mjs for iterating: check / validate / peer verdict at 20 entries, valid and invalid,
// interleaved. `node bench/quick.mjs [method-substring]`. Not part of npm test.
import * as q from 'qimen-payload';
import { payload } from './payloads.mjs';
import { makePeer } from './peer.mjs';
import { race as interleaved } from './race.mjs';

const only = process.argv[2] ?? '';
const sizes = (process.env.BENCH_SIZES ?? '20').split(',').map(Number);
const race = (c) => interleaved(c, { rounds: 5, budgetMs: 100 });
for (const { method, listLimit } of q.methods()) {
  if (!method.includes(only)) continue;
  const peer = makePeer(q.schema(method), new Map());
  for (const n of sizes.filter((x) => x <= listLimit)) for (const valid of [true, false]) {
    const text = JSON.stringify(payload(method, n, valid));
    const r = race({ check: () => q.check(method, text), validate: () => q.validate(method, text), peer: () => peer.verdict(text) });
    console.log(`${method.padEnd(40)} ${String(n).padStart(3)} ${valid ? 'valid  ' : 'invalid'} check ${(r.check / r.peer).toFixed(2)} validate ${(r.validate / r.peer).toFixed(2)} (peer ${Math.round(r.peer)}/s, check ${Math.round(r.check)}/s)`);
  }
}
