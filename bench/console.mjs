// The console's typing speed (issue 19): milliseconds from a keystroke to the updated verdict with 100 product
// entries, in the JSON editor and in a form field, at 1× and 6× CPU throttling, in Debian's Chromium. The page
// marks `qimen:verdict` when a check's verdict is on the page; the time from the key's `input` event to the
// next mark is one sample. A benchmark, not a test: `node bench/console.mjs` prints a Markdown table.
import { chromium } from 'playwright-core';
import { startStack } from '../scripts/serve.mjs';

const ITEMS = 'qimen.taobao.pos.items.synchronize';
const KEYS = 30;

const stack = await startStack({ port: 0, gatewayPort: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(stack.url);
await page.waitForSelector('body[data-ready="true"]');
await page.selectOption('#method', ITEMS);
await page.click('#load-example');
// 100 products (over the limit of 20: the verdict is the 5 requests chunk makes, the heaviest path).
await page.evaluate(() => {
  const p = JSON.parse(document.querySelector('#payload').value);
  p.total = 100;
  p.item = Array.from({ length: 100 }, (_, i) => ({ ...p.item[0], itemCode: `SKU${i}`, barCode: `B${i}` }));
  const t = document.querySelector('#payload');
  t.value = JSON.stringify(p, null, 2);
  t.dispatchEvent(new Event('input'));
});
await page.waitForFunction(() => document.querySelectorAll('#chunk-list li').length === 5);
await page.evaluate(() => {
  window.samples = [];
  document.addEventListener('input', (e) => { window.lastInput = e.timeStamp; }, true);
  new PerformanceObserver((list) => {
    for (const m of list.getEntries()) if (window.lastInput !== undefined) { window.samples.push(m.startTime - window.lastInput); window.lastInput = undefined; }
  }).observe({ entryTypes: ['mark'] });
});

async function measure(where) {
  await page.evaluate(() => { window.samples = []; });
  if (where === 'JSON editor') {
    await page.click('#tab-json');
    await page.focus('#payload');
    await page.evaluate(() => { const t = document.querySelector('#payload'); const at = t.value.indexOf('"itemName": "') + 13; t.setSelectionRange(at, at); });
  } else {
    await page.click('#tab-form');
    await page.focus('[data-path="item[0].itemName"]');
  }
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type('a');
    await page.waitForFunction(() => window.lastInput === undefined);
    await page.waitForTimeout(60);
  }
  const xs = await page.evaluate(() => window.samples);
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], p95: xs[Math.floor(xs.length * 0.95)], max: xs[xs.length - 1] };
}

const cdp = await page.context().newCDPSession(page);
console.log(`| where (100 product entries, ${KEYS} keystrokes) | CPU | median ms | p95 ms | max ms |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const rate of [1, 6]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (const where of ['JSON editor', 'form field']) {
    const r = await measure(where);
    console.log(`| ${where} | ${rate}× | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
  }
}
await browser.close();
await stack.close();
