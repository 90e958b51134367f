// A/B of two builds in one process, contenders interleaved round by round: `cp -r pkg /tmp/pkgA`, change and
// rebuild, then `BASELINE=/tmp/pkgA node bench/ab.mjs [method-substring]`. check with the issues not read, and
// with every message read; B/A > 1: the current build is faster. Not part of npm test.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as B from 'qimen-payload';
import { payload } from './payloads.mjs';
import { race } from './race.mjs';

if (!process.env.BASELINE) throw new Error('set BASELINE to the baseline build\'s pkg directory');
const A = await import(pathToFileURL(join(process.env.BASELINE, 'node.mjs')).href);
const only = process.argv[2] ?? 'shopinv';
for (const m of A.methods().map((x) => x.method).filter((m) => m.includes(only))) for (const valid of [true, false]) {
  const text = JSON.stringify(payload(m, 20, valid));
  const r = race({
    aCheck: () => A.check(m, text), bCheck: () => B.check(m, text),
    aMsg: () => A.check(m, text).errors.map((e) => e.message), bMsg: () => B.check(m, text).errors.map((e) => e.message),
  }, { budgetMs: 100 });
  console.log(m, valid ? 'valid' : 'invalid', `check B/A ${(r.bCheck / r.aCheck).toFixed(2)} (A ${Math.round(1e6 / r.aCheck)} µs, B ${Math.round(1e6 / r.bCheck)} µs); with messages B/A ${(r.bMsg / r.aMsg).toFixed(2)} (A ${Math.round(1e6 / r.aMsg)} µs, B ${Math.round(1e6 / r.bMsg)} µs)`);
}
