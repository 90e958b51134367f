// The admin console: wires the page to the wasm core. No rule lives here — the form comes from the rule table
// (`fields`), and every verdict, normalization, rendering, signature and parse comes from the core.
import init, * as q from '/pkg/web.mjs';
import { PayloadForm } from './js/form.mjs';
import { parseExact, stringifyExact } from './js/json.mjs';
import { t, getLang, setLang, translatePage } from './js/i18n.mjs';
import { decode, parseCsv, mapHeader, rowsToEntries } from './js/csv.mjs';

const $ = (id) => document.getElementById(id);
const state = { method: '', fields: [], payload: {}, info: null, timer: 0 };
let form;

const text = () => $('payload').value;

function setPayload(payload, { fromEditor = false } = {}) {
  state.payload = payload;
  if (!fromEditor) $('payload').value = stringifyExact(payload, 2);
  form.render(state.fields, state.payload);
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(runCheck, 200);
}

function renderIssues(report) {
  const list = $('issues');
  list.replaceChildren();
  for (const [kind, issues] of [['error', report.errors], ['warning', report.warnings]]) {
    for (const i of issues) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'issue-link';
      b.append(Object.assign(document.createElement('code'), { textContent: i.path || t('payload') }), ` [${i.code}] ${i.message}`);
      b.addEventListener('click', () => { showTab('form'); form.focusPath(i.path); });
      const li = document.createElement('li');
      li.className = kind;
      li.dataset.path = i.path;
      li.dataset.code = i.code;
      li.append(b);
      list.append(li);
    }
  }
}

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return e instanceof q.PayloadError ? `✗ ${e.message}` : `✗ ${String(e)}`;
  }
}

function runCheck() {
  const payloadText = text();
  const report = q.check(state.method, payloadText);
  const status = $('status');
  const warnings = report.warnings.length ? ` · ${t('warningsN', report.warnings.length)}` : '';
  status.textContent = (report.ok ? t('valid') : t('invalid', report.errors.length)) + warnings;
  status.className = report.ok ? 'valid' : 'invalid';
  renderIssues(report);
  form.showIssues(report);
  $('normalized').textContent = report.ok ? stringifyExact(report.value, 2) : '';
  $('rendered-json').textContent = report.ok ? attempt(() => q.render(state.method, payloadText, 'json')) : '';
  $('rendered-xml').textContent = report.ok ? attempt(() => q.render(state.method, payloadText, 'xml')) : '';
  updateSigned();
}

function updateSigned() {
  const appKey = $('app-key').value.trim();
  const secret = $('app-secret').value; // read at the moment of signing; never stored, sent or put in the URL
  if (!appKey || !secret) {
    $('signed').textContent = t('signHint');
    return;
  }
  const options = { appKey, secret, session: $('session').value.trim() || undefined, signMethod: $('sign-method').value || undefined, body: $('body-mode').value };
  $('signed').textContent = attempt(() => JSON.stringify(q.buildRequest(state.method, text(), options), null, 2));
}

function showTab(which) {
  for (const [tab, view] of [['tab-form', 'form-view'], ['tab-json', 'json-view']]) {
    const on = tab === `tab-${which}`;
    $(tab).setAttribute('aria-selected', String(on));
    $(view).hidden = !on;
  }
}

function selectMethod(method) {
  state.method = method;
  state.info = q.methods().find((m) => m.method === method);
  state.fields = q.fields(method);
  $('method-summary').textContent = getLang() === 'zh' ? state.info.summaryZh : state.info.summary;
  // The classic XML body is a Qimen protocol: offered only where the method speaks it.
  const xmlOption = $('body-mode').querySelector('option[value="xml"]');
  xmlOption.disabled = !state.info.xmlBody;
  if (!state.info.xmlBody) $('body-mode').value = 'form';
  $('chunk-list').replaceChildren();
  $('csv-status').textContent = '';
  setPayload({});
  runCheck();
}

function entryFields() {
  let fields = state.fields;
  for (const name of state.info.listPath) fields = fields.find((f) => f.name === name)?.fields ?? [];
  return fields;
}

// Send through the signing proxy on this origin (`npm start` mounts it at /api/): the payload goes unsigned,
// the proxy checks, chunks, signs with its own secret and answers one parsed result per chunk.
async function sendThroughProxy() {
  const out = $('send-result');
  out.textContent = t('sending');
  try {
    const res = await fetch(`/api/${state.method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text() });
    if (res.status === 404) {
      out.textContent = t('noProxy');
      return;
    }
    out.textContent = `${res.status} ${JSON.stringify(await res.json(), null, 2)}`;
  } catch (e) {
    out.textContent = `${t('noProxy')} (${e.message})`;
  }
}

async function importCsv(file) {
  const progress = $('csv-progress');
  const status = $('csv-status');
  status.textContent = t('importing');
  progress.hidden = false;
  const { text: csvText, encoding } = decode(await file.arrayBuffer());
  const rows = parseCsv(csvText);
  const [header = [], ...body] = rows;
  const { columns, ignored } = mapHeader(header, entryFields());
  const entries = await rowsToEntries(body, columns, (done, total) => { progress.max = total || 1; progress.value = done; });
  // Put the entries into the payload's limited list (creating the objects on its path).
  const payload = state.payload && typeof state.payload === 'object' ? state.payload : {};
  let o = payload;
  const path = state.info.listPath;
  path.slice(0, -1).forEach((k) => { o = (o[k] && typeof o[k] === 'object') ? o[k] : (o[k] = {}); });
  o[path[path.length - 1]] = entries;
  setPayload(payload);
  runCheck();
  progress.hidden = true;
  const notes = [t('rows', entries.length), t('encoding', encoding)];
  if (ignored.length) notes.push(t('ignoredColumns', ignored.join(', ')));
  const list = $('chunk-list');
  list.replaceChildren();
  try {
    const chunks = q.chunk(state.method, text());
    notes.unshift(t('chunks', chunks.length, state.info.listLimit));
    chunks.forEach((c, i) => {
      let n = c;
      for (const k of path) n = n?.[k];
      const li = document.createElement('li');
      li.textContent = t('chunkLabel', i + 1, Array.isArray(n) ? n.length : 0, q.check(state.method, c).ok);
      list.append(li);
    });
  } catch (e) {
    if (!(e instanceof q.PayloadError)) throw e;
    notes.unshift(`✗ ${e.message}`);
  }
  status.textContent = notes.join(' · ');
}

function applyLanguage() {
  q.setLanguage(getLang());
  translatePage();
  if (state.info) $('method-summary').textContent = getLang() === 'zh' ? state.info.summaryZh : state.info.summary;
  for (const o of $('method').options) {
    const m = q.methods().find((x) => x.method === o.value);
    o.textContent = getLang() === 'zh' ? `${m.method}(${m.titleZh})` : m.method;
  }
  form.render(state.fields, state.payload);
  runCheck();
}

async function main() {
  await init();
  form = new PayloadForm($('form'), { onChange: () => { $('payload').value = stringifyExact(state.payload, 2); scheduleCheck(); }, lang: getLang });
  const select = $('method');
  for (const m of q.methods()) select.append(new Option(m.method, m.method));
  select.addEventListener('change', () => selectMethod(select.value));
  $('load-example').addEventListener('click', () => {
    setPayload(parseExact(q.example(state.method)));
    runCheck();
  });
  $('payload').addEventListener('input', () => {
    try {
      const parsed = parseExact(text());
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        setPayload(parsed, { fromEditor: true });
        $('json-note').textContent = '';
      }
    } catch {
      $('json-note').textContent = t('notJson');
    }
    scheduleCheck();
  });
  $('tab-form').addEventListener('click', () => showTab('form'));
  $('tab-json').addEventListener('click', () => showTab('json'));
  for (const id of ['app-key', 'app-secret', 'session', 'sign-method', 'body-mode']) $(id).addEventListener('input', updateSigned);
  $('sign-form').addEventListener('submit', (e) => e.preventDefault());
  $('send').addEventListener('click', sendThroughProxy);
  $('parse-response').addEventListener('click', () => {
    $('parsed-response').textContent = attempt(() => JSON.stringify(q.parseResponse(state.method, $('response-text').value), null, 2));
  });
  $('csv-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) importCsv(f); });
  for (const b of document.querySelectorAll('button.copy')) {
    b.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText($(b.dataset.copy).textContent);
        b.textContent = t('copied');
      } catch {
        // Clipboard refused (no permission): select the text so Ctrl+C works.
        getSelection().selectAllChildren($(b.dataset.copy));
      }
      setTimeout(() => { b.textContent = t('copy'); }, 1200);
    });
  }
  $('lang-toggle').addEventListener('click', () => { setLang(getLang() === 'zh' ? 'en' : 'zh'); applyLanguage(); });
  translatePage();
  q.setLanguage(getLang());
  selectMethod(select.value);
  applyLanguage();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `failed to load the wasm module: ${e}`;
  $('status').className = 'invalid';
  throw e;
});
