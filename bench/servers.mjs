// The signing proxy in front of the local gateway (issue 16), over real HTTP on 127.0.0.1: round trips per
// second and the latency the proxy adds per call. Two paths, measured interleaved in batches in one run:
//   direct — the client signs with buildRequest and posts to the gateway (what a server-side integrator does);
//   proxy  — the client posts the unsigned JSON to the proxy, which checks, signs, posts to the gateway and
//            parses the answer.
// A benchmark, not a test: `node bench/servers.mjs [calls]` prints a Markdown table for BENCHMARKS.md.
import * as q from '../pkg/node.mjs';
import { startGateway } from '../pkg/gateway.mjs';
import { startProxy } from '../pkg/proxy.mjs';
import { median } from './race.mjs';

const APP = 'bench-app';
const SECRET = 'bench-secret';
const CALLS = Number(process.argv[2] ?? 2000);
const BATCH = 100;

const g = await startGateway({ apps: { [APP]: SECRET } });
const p = await startProxy({ upstream: g.url, appKey: APP, secret: SECRET, token: 'tok', perMinute: 1e9, upstreamPerMinute: 1e9, log: () => {} });

// A 20-entry stock sync per call: the limit of one request, so the proxy makes one upstream call.
const POS = 'qimen.taobao.pos.inventory.synchronize';
const payload = JSON.stringify({ orderInfo: { storeCode: 'S1' }, item: Array.from({ length: 20 }, (_, i) => ({ itemCode: `A${i}`, paperQty: i })), customerid: 'c' });

const paths = {
  async direct() {
    const r = q.buildRequest(POS, payload, { appKey: APP, secret: SECRET });
    const res = await fetch(`${g.url}/router/qm?${r.queryString}`, { method: 'POST', headers: { 'content-type': r.contentType }, body: r.body });
    const out = q.parseResponse(POS, await res.text());
    if (!out.ok) throw new Error('direct call failed');
  },
  async proxy() {
    const res = await fetch(`${p.url}/api/${POS}`, { method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/json' }, body: payload });
    const out = await res.json();
    if (!out.ok) throw new Error(`proxy call failed: ${JSON.stringify(out)}`);
  },
};

const times = { direct: [], proxy: [] };
for (let i = 0; i < 200; i++) for (const f of Object.values(paths)) await f(); // warm-up
for (let done = 0; done < CALLS; done += BATCH) {
  for (const [name, f] of Object.entries(paths)) {
    for (let i = 0; i < BATCH; i++) {
      const t = process.hrtime.bigint();
      await f();
      times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
}
await p.close();
await g.close();

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`| path (${CALLS} sequential calls each, interleaved in batches of ${BATCH}) | calls/s | median ms | p95 ms |`);
console.log('| --- | ---: | ---: | ---: |');
for (const [name, xs] of Object.entries(times)) {
  console.log(`| ${name} | ${(xs.length / (sum(xs) / 1000)).toFixed(0)} | ${median(xs).toFixed(2)} | ${p95(xs).toFixed(2)} |`);
}
console.log(`\nThe proxy adds ${(median(times.proxy) - median(times.direct)).toFixed(2)} ms per call at the median ` +
  `(${(median(times.proxy) / median(times.direct)).toFixed(2)}× the direct round trip).`);
