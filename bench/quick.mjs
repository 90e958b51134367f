// A quick subset of bench.mjs for iterating: check / validate / peer verdict at 20 entries, valid and invalid,
// interleaved. `node bench/quick.mjs [method-substring]`. Not part of npm test.
import * as q from 'qimen-payload';
import { payload } from './payloads.mjs';
import { makePeer } from './peer.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BUDGET_MS = Number(process.env.BENCH_MS ?? 100);
const only = process.argv[2] ?? '';
const sizes = (process.env.BENCH_SIZES ?? '20').split(',').map(Number);
function opsPerSec(fn) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < BUDGET_MS) { for (let i = 0; i < 16; i++) fn(); n += 16; now = performance.now(); }
  return (n * 1000) / (now - start);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function race(c) {
  for (const fn of Object.values(c)) for (let i = 0; i < 200; i++) fn();
  const s = Object.fromEntries(Object.keys(c).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [k, fn] of Object.entries(c)) s[k].push(opsPerSec(fn));
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)]));
}
for (const { method, listLimit } of q.methods()) {
  if (!method.includes(only)) continue;
  const peer = makePeer(q.schema(method), new Map());
  for (const n of sizes.filter((x) => x <= listLimit)) for (const valid of [true, false]) {
    const text = JSON.stringify(payload(method, n, valid));
    const r = race({ check: () => q.check(method, text), validate: () => q.validate(method, text), peer: () => peer.verdict(text) });
    console.log(`${method.padEnd(40)} ${String(n).padStart(3)} ${valid ? 'valid  ' : 'invalid'} check ${(r.check / r.peer).toFixed(2)} validate ${(r.validate / r.peer).toFixed(2)} (peer ${Math.round(r.peer)}/s, check ${Math.round(r.check)}/s)`);
  }
}
