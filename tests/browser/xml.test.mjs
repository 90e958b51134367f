// In Chromium: the web build renders the corpus payloads and generated payloads to XML, and the browser's own
// DOMParser accepts every one (and the corpus ones equal their expected bytes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as q from 'qimen-payload';
import { openConsole } from './harness.mjs';
import { loadCases } from '../node/cases.mjs';
import { generate, rng } from '../node/gen.mjs';

let c;
before(async () => { c = await openConsole(); });
after(async () => {
  const errors = c?.consoleErrors ?? [];
  await c?.close();
  assert.deepEqual(errors, []);
});

test('DOMParser accepts every XML the web build renders from the corpus and from generated payloads', async () => {
  const jobs = [];
  for (const { method, case: k } of loadCases()) {
    if (k.ok && !k.warnings.some((w) => w.endsWith('invalid_char'))) jobs.push({ method, payload: k.payloadText, want: k.xml ?? null });
  }
  for (const { method } of q.methods()) {
    for (let seed = 0; seed < 150; seed++) {
      const p = generate(q.fields(method), rng(seed));
      if (q.check(method, p).ok) jobs.push({ method, payload: JSON.stringify(p), want: null });
    }
  }
  assert.ok(jobs.length > 300, `${jobs.length} payloads`);
  const results = await c.page.evaluate(async (list) => {
    const pkg = await import('/pkg/web.mjs');
    await pkg.init();
    return list.map(({ method, payload, want }) => {
      const xml = pkg.render(method, payload, 'xml');
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { ok: !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'request', same: want === null || xml === want, xml };
    });
  }, jobs);
  const bad = results.filter((r) => !r.ok || !r.same);
  assert.deepEqual(bad.map((r) => r.xml), []);
});
