// Issue 20's server target: the Express middleware serves ≥ 0.9× the requests/s of the same Express app with
// `express.json()` + Ajv (compiled from our own schema), valid and invalid bodies, measured with autocannon on
// 127.0.0.1 in one run (the two apps alternated, several rounds, median). A benchmark, not a test:
// `node bench/middleware.mjs` prints a Markdown table for BENCHMARKS.md.
import http from 'node:http';
import autocannon from 'autocannon';
import express from 'express';
import Ajv2020 from 'ajv/dist/2020.js';
import * as q from 'qimen-payload';
import { payload } from './payloads.mjs';
import { median } from './race.mjs';

const METHOD = 'qimen.taobao.pos.inventory.synchronize';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

function ours() {
  const app = express();
  app.post('/stock', q.middleware(METHOD), (req, res) => res.json({ ok: true, n: req.qimen.value.item?.length ?? 0 }));
  return app;
}

function peer() {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(q.schema(METHOD));
  const app = express();
  app.post('/stock', express.json({ limit: '8mb' }), (req, res) => {
    if (!validate(req.body)) return res.status(400).json({ errors: validate.errors });
    return res.json({ ok: true, n: req.body.item?.length ?? 0 });
  });
  return app;
}

const listen = (app) => new Promise((resolve) => { const s = http.createServer(app).listen(0, '127.0.0.1', () => resolve(s)); });
const servers = { ours: await listen(ours()), peer: await listen(peer()) };

async function rps(server, body, valid) {
  const r = await autocannon({
    url: `http://127.0.0.1:${server.address().port}/stock`, method: 'POST', duration: SECONDS, connections: 10,
    headers: { 'content-type': 'application/json' }, body,
  });
  // Every answer as expected: 200 for the valid body, 400 for the invalid one.
  if (valid ? r.non2xx : r['2xx']) throw new Error(`unexpected answers: ${r['2xx']} 2xx, ${r.non2xx} other`);
  return r.requests.average;
}

console.log(`| body (${METHOD}, 20 entries) | ours req/s | express.json + Ajv req/s | ratio |`);
console.log('| --- | ---: | ---: | ---: |');
for (const valid of [true, false]) {
  const body = JSON.stringify(payload(METHOD, 20, valid));
  // Both agree on the verdict before anything is timed.
  const check = q.check(METHOD, body);
  if (check.ok !== valid) throw new Error('the payload is not what it claims');
  const samples = { ours: [], peer: [] };
  await rps(servers.ours, body, valid);
  await rps(servers.peer, body, valid); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? ['peer', 'ours'] : ['ours', 'peer']) samples[name].push(await rps(servers[name], body, valid));
  }
  const [o, p] = [median(samples.ours), median(samples.peer)];
  console.log(`| ${valid ? 'valid' : 'invalid (one bad field per entry)'} | ${o.toFixed(0)} | ${p.toFixed(0)} | ${(o / p).toFixed(2)} |`);
}
for (const s of Object.values(servers)) s.close();
