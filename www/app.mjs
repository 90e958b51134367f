// The admin console. Every verdict comes from the wasm core; this file only wires the page to it.
import init, { check, methods, example } from '/pkg/web/index.mjs';

const $ = (id) => document.getElementById(id);

// JSON text of a value, with Longs beyond 2^53 (BigInt) written as exact integers.
const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `#big${x}#` : x), 2).replace(/"#big(-?\d+)#"/g, '$1');

function renderReport(report) {
  const status = $('status');
  status.textContent = report.ok ? '✓ 有效 · valid' : `✗ 无效 · invalid (${report.errors.length})`;
  status.className = report.ok ? 'valid' : 'invalid';
  const list = $('issues');
  list.replaceChildren();
  for (const [kind, issues] of [['error', report.errors], ['warning', report.warnings]]) {
    for (const i of issues) {
      const li = document.createElement('li');
      li.className = kind;
      li.dataset.path = i.path;
      li.dataset.code = i.code;
      const code = document.createElement('code');
      code.textContent = i.path || '(payload)';
      li.append(code, ` ${i.code}: ${i.messageZh} · ${i.message}`);
      list.append(li);
    }
  }
  $('normalized').textContent = report.ok ? show(report.value) : '';
}

function runCheck() {
  renderReport(check($('method').value, $('payload').value));
}

async function main() {
  await init();
  const select = $('method');
  for (const m of methods()) {
    const o = document.createElement('option');
    o.value = m.method;
    o.textContent = `${m.method} (${m.titleZh})`;
    o.dataset.summary = `${m.summaryZh} · ${m.summary}`;
    select.append(o);
  }
  const summarize = () => { $('method-summary').textContent = select.selectedOptions[0]?.dataset.summary ?? ''; };
  select.addEventListener('change', () => { summarize(); runCheck(); });
  $('load-example').addEventListener('click', () => { $('payload').value = example(select.value) ?? ''; runCheck(); });
  $('run-check').addEventListener('click', runCheck);
  let timer;
  $('payload').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(runCheck, 250); });
  summarize();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `failed to load the wasm module: ${e}`;
  $('status').className = 'invalid';
});
