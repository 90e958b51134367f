// The benchmarks' one way to compare contenders: interleaved round by round in one process, after warm-up,
// each round a fixed time budget per contender; the median ops/s over rounds. BENCH_ROUNDS and BENCH_MS
// override the defaults a script passes.

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Calls per second of `fn` within `budgetMs`. */
export function opsPerSec(fn, budgetMs) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (let i = 0; i < 16; i++) fn();
    n += 16;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/** The rounds and the budget per contender per round: a script's choice, or the environment's. */
export function settings({ rounds = 7, budgetMs = 120 } = {}) {
  return { rounds: Number(process.env.BENCH_ROUNDS ?? rounds), budgetMs: Number(process.env.BENCH_MS ?? budgetMs) };
}

/** Interleave the contenders `{ name: fn }` round by round; their median ops/s by name. */
export function race(contenders, choice) {
  const { rounds, budgetMs } = settings(choice);
  for (const fn of Object.values(contenders)) for (let i = 0; i < 200; i++) fn(); // warm-up
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(contenders)) samples[k].push(opsPerSec(fn, budgetMs));
  return Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, median(s)]));
}
