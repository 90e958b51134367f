// The admin console: wires the page to the wasm core. No rule lives here — the form comes from the rule table
// (`fields`), and every verdict, normalization, rendering, chunking, signature and parse comes from the core.
//
// Typing stays cheap at 100 entries: an edit changes the payload object (form) or the text (editor) and
// schedules one `check` on the next frame; the verdict, the navigator and the field notes update from it; the
// heavier outputs (normalized value, JSON and XML renderings, the signed preview) follow when typing pauses.
import init, * as q from '/pkg/web.mjs';
import { PayloadForm, pathText } from './js/form.mjs';
import { parseExact, stringifyExact } from './js/json.mjs';
import { t, getLang, setLang, translatePage } from './js/i18n.mjs';
import { decode, parseCsv, mapHeader, rowsToEntries } from './js/csv.mjs';
import { drafts, History } from './js/drafts.mjs';
import { Navigator } from './js/navigator.mjs';
import { renderChunks, summarizeParsed, copyText, download } from './js/results.mjs';
import { registerStored, addTable, removeTable, isAdded, storedTables, shareTable, unshareTable } from './js/apis.mjs';
import { sendVerdict, recordSend, renderSends, clearSends } from './js/sends.mjs';

const $ = (id) => document.getElementById(id);
const state = {
  method: '', fields: [], info: null, payload: {},
  text: '{}', // the payload's JSON text; null when the form changed the object since (recomputed on demand)
  editorStale: false, formStale: false, report: null, chunks: null, csv: null, config: {},
  shared: Promise.resolve(), // the added APIs told to the stack (a send waits for it)
  checkPending: false, outputsTimer: 0, draftTimer: 0, burstTimer: 0,
};
const history = new History();
// The signing options kept between visits (never the secret or the session).
const SIGN_OPTIONS = ['sign-method', 'body-mode', 'format', 'simplify', 'target', 'target-app-key', 'partner-id'];
let form;
let nav;
let METHODS = []; // methods() once, after init
let PROTOCOL = null; // protocol() once, after init

/** The current payload text (the editor's, or the form's object written out). */
function text() {
  if (state.text === null) state.text = stringifyExact(state.payload, 2);
  return state.text;
}

const isEmpty = () => !state.payload || (typeof state.payload === 'object' && Object.keys(state.payload).length === 0);

// ---- checking ------------------------------------------------------------------------------------------

function scheduleCheck() {
  if (state.checkPending) return;
  state.checkPending = true;
  requestAnimationFrame(() => { state.checkPending = false; runCheck(); });
}

function runCheck() {
  const payloadText = text();
  const report = q.check(state.method, payloadText);
  state.report = report;
  const status = $('status');
  const listPath = pathText(state.info.listPath);
  const tooMany = report.errors.filter((e) => e.code === 'too_many' && e.path === listPath);
  const others = report.errors.length - tooMany.length;
  const warnings = report.warnings.length ? ` · ${t('warningsN', report.warnings.length)}` : '';
  // Only the list's length is wrong: that is what chunk is for — the verdict is the requests to send. Their
  // number is chunk's contract (in order, each ≤ the limit); the chunks themselves are made with the outputs,
  // off the typing path.
  state.chunked = others === 0 && tooMany.length > 0;
  state.chunks = null;
  state.normalized = report.value;
  const requests = tooMany.length ? Math.ceil(tooMany[0].params.count / state.info.listLimit) : 0;
  if (isEmpty()) {
    status.textContent = t('empty');
    status.className = 'empty';
  } else if (report.ok) {
    status.textContent = t('valid') + warnings;
    status.className = 'valid';
  } else if (state.chunked) {
    status.textContent = t('chunked', requests, state.info.listLimit) + warnings;
    status.className = 'valid chunked';
  } else {
    // Over the limit and other errors: the errors to fix are the others; the length is chunk's to fix after.
    const after = tooMany.length ? ` · ${t('chunkedAfter', requests, state.info.listLimit)}` : '';
    status.textContent = t('invalid', others) + warnings + after;
    status.className = 'invalid';
  }
  // Sending is for a payload the platform would take (as one request or as chunks), never an invalid one.
  const sendable = !isEmpty() && (report.ok || state.chunked);
  $('send').disabled = !sendable;
  $('send-all').disabled = !sendable;
  // The list's length is no problem to walk to: chunk fixes it.
  nav.show(isEmpty() ? { errors: [], warnings: [] } : { errors: report.errors.filter((e) => !tooMany.includes(e)), warnings: report.warnings });
  if (!state.formStale) form.showIssues(report, state.normalized);
  if (!state.chunked) renderChunkPanel();
  // For bench/console.mjs (a PerformanceObserver sees each mark); cleared first so a long session keeps one.
  performance.clearMarks('qimen:verdict');
  performance.mark('qimen:verdict');
  clearTimeout(state.outputsTimer);
  state.outputsTimer = setTimeout(updateOutputs, 250);
}

/** The requests chunk makes of a payload whose only problem is its list's length, and its normalized value. */
function makeChunks() {
  const values = q.chunk(state.method, text());
  state.chunks = values.map((c) => stringifyExact(c, 2));
  // The normalized value of the whole payload: the chunks' lists joined (chunk keeps the order).
  const path = state.info.listPath;
  const whole = values[0];
  let parent = whole;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const lists = values.map((v) => path.reduce((o, k) => o[k], v));
  state.chunkCounts = lists.map((l) => l.length);
  parent[path[path.length - 1]] = lists.flat();
  state.normalized = whole;
  renderChunkPanel();
  if (!state.formStale) form.showIssues(state.report, state.normalized);
}

function renderChunkPanel() {
  const box = $('chunks');
  box.hidden = !state.chunks;
  if (!state.chunks) {
    $('chunk-list').replaceChildren();
    state.chunkView = null;
    return;
  }
  state.chunkView = renderChunks($('chunk-list'), { q, method: state.method, chunks: state.chunks, counts: state.chunkCounts });
}

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return e instanceof q.PayloadError ? `✗ ${e.message}` : `✗ ${String(e)}`;
  }
}

/** Run the pending outputs now (before sending: the requests must be the current ones). */
function flushOutputs() {
  if (!state.outputsTimer) return;
  clearTimeout(state.outputsTimer);
  updateOutputs();
}

/** The outputs that follow a pause in typing. */
function updateOutputs() {
  state.outputsTimer = 0;
  if (state.chunked && !state.chunks) makeChunks();
  const r = state.report;
  const payloadText = text();
  const ok = r?.ok && !isEmpty();
  $('normalized').textContent = ok ? stringifyExact(r.value, 2) : '';
  $('rendered-json').textContent = ok ? attempt(() => q.render(state.method, payloadText, 'json')) : '';
  $('rendered-xml').textContent = ok ? attempt(() => q.render(state.method, payloadText, 'xml')) : '';
  updateSigned();
}

// ---- editing -------------------------------------------------------------------------------------------

/** Keep an undo step at the start of each burst of typing (a pause of 800 ms ends a burst). */
function noteTyping() {
  if (!state.burstTimer) history.record(state.lastText ?? text());
  clearTimeout(state.burstTimer);
  state.burstTimer = setTimeout(() => { state.burstTimer = 0; state.lastText = text(); }, 800);
  updateHistoryButtons();
}

function afterChange() {
  scheduleCheck();
  clearTimeout(state.draftTimer);
  state.draftTimer = setTimeout(() => drafts.savePayload(state.method, text()), 400);
}

function onFormChange({ structural, removed }) {
  state.text = null;
  state.editorStale = true;
  if (removed && state.csv?.method === state.method && state.csv.path === removed.path) state.csv.lines.splice(removed.index, 1);
  if (!structural) noteTyping(); else state.lastText = text();
  afterChange();
}

function onEditorInput() {
  noteTyping();
  state.text = $('payload').value;
  try {
    const parsed = parseExact(state.text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      state.payload = parsed;
      state.formStale = true; // rebuilt when the form is shown, not per keystroke
      $('json-note').textContent = '';
    }
  } catch (e) {
    $('json-note').textContent = t('notJson', e.message);
  }
  updateGutter();
  afterChange();
}

/** Replace the whole payload (example, undo, draft, import, API switch). */
function setPayload(payload, payloadText) {
  state.payload = payload;
  state.text = payloadText ?? null;
  state.lastText = text();
  $('payload').value = text();
  state.editorStale = false;
  updateGutter();
  form.render(state.fields, state.payload);
  state.formStale = false;
  afterChange();
  updateHistoryButtons();
}

function applyText(payloadText) {
  try {
    setPayload(parseExact(payloadText), payloadText);
  } catch {
    setPayload({}, payloadText);
  }
}

/**
 * Remove a member the API does not have, or rename it to `to` in its place (never over a member of that name):
 * an undoable edit of the payload. Keys are set as own properties (a member may be named `__proto__`).
 */
function fixUnknown(issue, to) {
  let payload;
  try {
    payload = parseExact(text());
  } catch {
    return;
  }
  let parent = payload;
  for (const s of issue.segments.slice(0, -1)) parent = parent?.[s];
  const from = issue.segments.at(-1);
  if (!parent || typeof parent !== 'object' || Array.isArray(parent) || !Object.hasOwn(parent, from)) return;
  if (to !== undefined && Object.hasOwn(parent, to)) return; // never over a member of that name
  const entries = Object.entries(parent);
  for (const [k] of entries) delete parent[k];
  for (const [k, v] of entries) {
    if (k !== from) Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
    else if (to !== undefined) Object.defineProperty(parent, to, { value: v, enumerable: true, writable: true, configurable: true });
  }
  history.record(text());
  applyText(stringifyExact(payload, 2));
}

/** Whether the payload has a member at `segments` (a rename is offered only onto a name not taken). */
function hasMember(segments) {
  let n = state.payload;
  for (const s of segments.slice(0, -1)) n = n?.[s];
  return Boolean(n) && typeof n === 'object' && Object.hasOwn(n, segments.at(-1));
}

function undo(redo = false) {
  const prev = redo ? history.redo(text()) : history.undo(text());
  if (prev !== undefined) applyText(prev);
}

function updateHistoryButtons() {
  $('undo').disabled = !history.canUndo;
  $('redo').disabled = !history.canRedo;
}

function updateGutter() {
  const lines = $('payload').value.split('\n').length;
  const g = $('gutter');
  if (g.dataset.lines !== String(lines)) {
    g.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
    g.dataset.lines = String(lines);
  }
}

function showTab(which) {
  drafts.set('tab', which);
  for (const [tab, view] of [['tab-form', 'form-view'], ['tab-json', 'json-view']]) {
    const on = tab === `tab-${which}`;
    $(tab).setAttribute('aria-selected', String(on));
    $(tab).tabIndex = on ? 0 : -1;
    $(view).hidden = !on;
  }
  if (which === 'json' && state.editorStale) {
    $('payload').value = text();
    state.editorStale = false;
    updateGutter();
  }
  if (which === 'form' && state.formStale) {
    form.render(state.fields, state.payload);
    state.formStale = false;
    if (state.report) form.showIssues(state.report, state.normalized);
  }
}

// ---- APIs, drafts, example -----------------------------------------------------------------------------

function selectMethod(method, { restore = true } = {}) {
  if (state.method) drafts.savePayload(state.method, text());
  state.method = method;
  $('method').value = method;
  drafts.set('method', method);
  state.info = METHODS.find((m) => m.method === method);
  state.fields = q.fields(method);
  $('method-summary').textContent = getLang() === 'zh' || !state.info.summary ? state.info.summaryZh : state.info.summary;
  $('api-remove').hidden = !isAdded(method);
  // The classic XML body is a Qimen protocol: offered only where the method speaks it.
  $('body-mode').querySelector('option[value="xml"]').disabled = !state.info.xmlBody;
  if (!state.info.xmlBody) $('body-mode').value = 'form';
  $('csv-status').textContent = '';
  for (const id of ['normalized', 'rendered-json', 'rendered-xml']) $(id).textContent = '';
  $('send-result').replaceChildren();
  showSends();
  $('response-summary').replaceChildren();
  $('parsed-response').textContent = '';
  history.clear();
  const saved = restore ? drafts.payload(method) : null;
  state.draftRestored = Boolean(saved && saved.trim() !== '{}');
  $('draft-note').textContent = state.draftRestored ? t('draftRestored') : '';
  if (saved) applyText(saved); else setPayload({});
}

// ---- APIs added from a doc page or doc JSON -------------------------------------------------------------------

/** The method list again (after an API was added or removed), each option named in the language. */
function refreshMethods() {
  METHODS = q.methods();
  const select = $('method');
  select.replaceChildren(...METHODS.map((m) => new Option(m.method, m.method)));
  nameOptions();
}

function nameOptions() {
  for (const o of $('method').options) {
    const m = METHODS.find((x) => x.method === o.value);
    o.textContent = getLang() === 'zh' && m.titleZh ? `${m.method}(${m.titleZh})` : m.method;
  }
}

async function importApi() {
  state.imported = null;
  $('api-add').disabled = true;
  $('api-review').replaceChildren();
  try {
    // The importer is in the tools module, fetched on the first import (the console's start loads without it).
    await q.initTools();
    state.imported = q.importDoc($('api-doc').value);
  } catch (e) {
    $('api-status').textContent = t('apiRefused', e.errors?.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ') ?? e.message);
    $('api-status').className = 'invalid';
    return;
  }
  showReview();
  $('api-status').className = '';
  $('api-add').disabled = false;
}

/** The import's review, in the interface's language (again when the language changes). */
function showReview() {
  if (!state.imported) return;
  const { table, review } = state.imported;
  const items = review.map((r) => {
    const li = document.createElement('li');
    li.className = r.decision ? 'warning' : 'muted';
    const mark = document.createElement('strong');
    mark.textContent = `${r.decision ? t('decide') : t('note')} `;
    const where = document.createElement('code');
    where.textContent = r.field || table.method;
    li.append(mark, where, ` ${getLang() === 'zh' ? r.what_zh : r.what}${r.from ? ` — ${r.from}` : ''} (${t(`sure_${r.sure}`)})`);
    return li;
  });
  $('api-review').replaceChildren(...items);
  $('api-status').textContent = `${table.method}: ${t('apiReviewed', review.length, review.filter((r) => r.decision).length)}`;
}

function addApi() {
  if (!state.imported) return;
  let method;
  try {
    method = addTable(q, state.imported.table);
  } catch (e) {
    $('api-status').textContent = t('apiRefused', e.errors?.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ') ?? e.message);
    $('api-status').className = 'invalid';
    return;
  }
  state.imported = null;
  $('api-add').disabled = true;
  $('api-review').replaceChildren();
  $('api-doc').value = '';
  refreshMethods();
  selectMethod(method);
  const shared = shareTable(state.config, storedTables().get(method));
  state.shared = Promise.all([state.shared, shared]);
  shared.then((why) => {
    if (why) {
      $('api-status').textContent += ` ${t('apiNotShared', why)}`;
      $('api-status').className = 'warning';
    }
  });
  $('api-status').textContent = t('apiAdded', method);
  $('api-status').className = 'valid';
}

function removeApi() {
  const method = state.method;
  if (!isAdded(method)) return;
  removeTable(q, method);
  state.shared = Promise.all([state.shared, unshareTable(state.config, method)]);
  state.method = null;
  refreshMethods();
  selectMethod(METHODS[0].method);
  $('api-status').textContent = t('apiRemoved', method);
  $('api-status').className = '';
}

function loadExample() {
  const example = q.example(state.method);
  if (!isEmpty() && stringifyExact(parseExact(example), 2) !== text() && !window.confirm(t('confirmExample'))) return;
  history.record(text());
  applyText(stringifyExact(parseExact(example), 2));
}

function entryFields() {
  let fields = state.fields;
  for (const name of state.info.listPath) fields = fields.find((f) => f.name === name)?.fields ?? [];
  return fields;
}

// ---- CSV -----------------------------------------------------------------------------------------------

async function importCsv(file) {
  const progress = $('csv-progress');
  const status = $('csv-status');
  status.textContent = t('importing');
  progress.hidden = false;
  const { text: csvText, encoding } = decode(await file.arrayBuffer());
  const [header = [], ...body] = parseCsv(csvText);
  const mapping = mapHeader(header, entryFields());
  progress.hidden = true;
  // A column that matched no field, or two columns onto one field: the user decides before anything is imported.
  if (mapping.ignored.length || mapping.conflicts.length) {
    status.textContent = '';
    showCsvMapping({ header, body, encoding }, mapping);
    return;
  }
  await applyCsv({ header, body, encoding }, mapping.columns, mapping.ignored);
}

/** The mapping preview: a field (or "not imported") per column, preselected as matched; conflicts marked. */
function showCsvMapping(csv, { columns, ignored, conflicts }) {
  state.pendingCsv = csv;
  const fields = entryFields();
  const rows = csv.header.map((h, j) => {
    const select = document.createElement('select');
    select.id = `csv-map-${j}`;
    select.append(new Option(t('csvIgnore'), ''), ...fields.map((f) => new Option(`${f.name} · ${getLang() === 'zh' ? f.labelZh : f.labelEn}`, f.name)));
    select.value = columns[j] ?? '';
    select.addEventListener('change', checkCsvMapping);
    const label = document.createElement('label');
    label.htmlFor = select.id;
    label.textContent = h.trim() || `#${j + 1}`;
    const tr = document.createElement('tr');
    const [a, b] = [document.createElement('td'), document.createElement('td')];
    a.append(label);
    b.append(select);
    tr.append(a, b);
    return tr;
  });
  $('csv-mapping-rows').replaceChildren(...rows);
  $('csv-mapping-note').textContent = t('csvMappingNote', ignored.length, conflicts.length);
  $('csv-mapping').hidden = false;
  checkCsvMapping();
}

function chosenCsvColumns() {
  return state.pendingCsv.header.map((_, j) => $(`csv-map-${j}`).value || null);
}

/** Import stays disabled while two columns go to one field (one of them would be lost). */
function checkCsvMapping() {
  const cols = chosenCsvColumns();
  const twice = cols.find((c, i) => c !== null && cols.indexOf(c) !== i);
  for (let j = 0; j < cols.length; j++) $(`csv-map-${j}`).closest('tr').classList.toggle('has-error', cols[j] !== null && cols[j] === twice);
  $('csv-apply').disabled = twice !== undefined;
  $('csv-status').textContent = twice ? t('csvConflict', twice) : '';
}

async function applyCsvMapping() {
  const csv = state.pendingCsv;
  if (!csv) return;
  const cols = chosenCsvColumns();
  state.pendingCsv = null;
  $('csv-mapping').hidden = true;
  await applyCsv(csv, cols, csv.header.filter((h, j) => cols[j] === null && h.trim() !== ''));
}

async function applyCsv({ header, body, encoding }, columns, ignored) {
  const progress = $('csv-progress');
  const status = $('csv-status');
  progress.hidden = false;
  const entries = await rowsToEntries(body, columns, (done, total) => { progress.max = total || 1; progress.value = done; });
  history.record(text());
  // Put the entries into the payload's limited list (creating the objects on its path).
  const payload = state.payload && typeof state.payload === 'object' ? state.payload : {};
  let o = payload;
  const path = state.info.listPath;
  path.slice(0, -1).forEach((k) => { o = (o[k] && typeof o[k] === 'object') ? o[k] : (o[k] = {}); });
  o[path[path.length - 1]] = entries;
  const headerOf = {};
  columns.forEach((name, j) => { if (name) headerOf[name] = header[j].trim(); });
  state.csv = { method: state.method, path: pathText(path), lines: body.map((r) => r.line), headerOf };
  setPayload(payload);
  progress.hidden = true;
  const notes = [t('rows', entries.length), t('encoding', encoding)];
  if (ignored.length) notes.push(t('ignoredColumns', ignored.join(', ')));
  status.textContent = notes.join(' · ');
}

/** An issue's place in the imported CSV: its line and column, when the path is in an imported entry. */
function csvPlace(path) {
  const csv = state.csv;
  if (!csv || csv.method !== state.method || !path.startsWith(`${csv.path}[`)) return null;
  const m = /^\[(\d+)\](?:\.([^.[\]]+))?/.exec(path.slice(csv.path.length));
  const line = m && csv.lines[Number(m[1])];
  return line ? { line, column: m[2] ? csv.headerOf[m[2]] : undefined } : null;
}

// ---- sending and answers -------------------------------------------------------------------------------

async function postToProxy(payloadText) {
  let res;
  await state.shared;
  try {
    // The proxy's per-start token, read from this page's own origin (console-config.json).
    const auth = state.config.token ? { authorization: `Bearer ${state.config.token}` } : {};
    // The proxy's refusals come back in the interface's language.
    const headers = { 'content-type': 'application/json', 'accept-language': getLang(), ...auth };
    res = await fetch(`/api/${state.method}`, { method: 'POST', headers, body: payloadText });
  } catch (e) {
    return { ok: false, failure: e.message };
  }
  const body = await res.text();
  if (res.status === 404 && !/^\s*\{/.test(body)) return { ok: false, noProxy: true };
  if (!/json/.test(res.headers.get('content-type') ?? '')) return { ok: false, notGateway: res.status, body };
  const json = JSON.parse(body);
  return { ok: Boolean(json.ok), status: res.status, json };
}

function entriesOf(payloadText) {
  let n = parseExact(payloadText);
  for (const k of state.info.listPath) n = n?.[k];
  return Array.isArray(n) ? n : [];
}

/**
 * Resend the entries whose sub-orders failed, as they are now in the form (the user may have fixed them):
 * the current payload with its list reduced to those entries.
 */
function retryFailed(subOrderIds) {
  const payload = parseExact(text());
  let parent = payload;
  const path = state.info.listPath;
  for (const k of path.slice(0, -1)) parent = parent?.[k];
  const last = path[path.length - 1];
  if (!parent || !Array.isArray(parent[last])) return;
  parent[last] = parent[last].filter((e) => subOrderIds.includes(String(e?.sub_order_id)));
  return send([stringifyExact(payload, 2)]);
}

async function send(only) {
  const out = $('send-result');
  out.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('sending') }));
  flushOutputs();
  const texts = Array.isArray(only) ? only : state.chunks ?? [text()];
  // Which rows of the payload each request carries (a resend of chosen entries carries no range of them).
  let first = 1;
  const rows = texts.map((tx) => {
    const n = entriesOf(tx).length;
    const range = only ? { n } : { from: first, to: first + n - 1, n };
    first += n;
    return range;
  });
  const results = [];
  const boxes = [];
  const list = document.createElement('div');
  const banner = document.createElement('p');
  banner.id = 'send-summary';
  const method = state.method;
  const sentText = Array.isArray(only) ? only.join('\n') : text();
  // The verdict, shown and kept with what was sent (kept again after a resend, with the request resent).
  const summarize = (what) => {
    const details = results.map((r) => r.json?.chunks?.flatMap((c) => c.response?.details ?? []) ?? []);
    const counts = {
      requests: results.length, okCount: results.filter((r) => r.ok).length, rows: rows.reduce((n, r) => n + r.n, 0),
      byEntry: details.every((d) => d.length > 0), applied: details.flat().filter((d) => d.success).length, total: details.flat().length,
    };
    const verdict = sendVerdict(counts);
    banner.className = `banner ${verdict.className}`;
    banner.textContent = verdict.text;
    recordSend(method, counts, what, results.map((r) => r.json ?? r.body ?? r.failure ?? ''));
    showSends();
  };
  const progressOf = (i) => (only ? null : $('chunk-list').querySelector(`.chunk-outcome[data-chunk="${i}"]`));
  const post = async (i) => {
    const progress = progressOf(i);
    if (progress) progress.textContent = t('sending');
    const r = await postToProxy(texts[i]);
    if (progress && !r.noProxy) {
      progress.textContent = r.ok ? t('succeeded') : t('failed');
      progress.className = `chunk-outcome ${r.ok ? 'ok' : 'bad'}`;
    }
    return r;
  };
  // A failed request can be sent again on its own; its outcome and the summary are replaced.
  const resend = async (i) => {
    const r = await post(i);
    if (r.noProxy) return;
    results[i] = r;
    const box = sendOutcome(r, i, rows[i], () => resend(i));
    boxes[i].replaceWith(box);
    boxes[i] = box;
    summarize(texts[i]);
  };
  for (let i = 0; i < texts.length; i++) {
    const r = await post(i);
    if (r.noProxy) {
      out.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('noProxy') }));
      return;
    }
    results.push(r);
    boxes.push(sendOutcome(r, i, rows[i], () => resend(i)));
    list.append(boxes[i]);
  }
  summarize(sentText);
  out.replaceChildren(banner, list);
}

/** The kept sends of this API (newest first), in the interface's language. */
function showSends() {
  const n = renderSends($('send-list'), state.method, (ms) => `${gmt8(ms)} (GMT+8)`);
  $('no-sends').hidden = n > 0;
  $('clear-sends').hidden = n === 0;
}

/** One request's outcome: the proxy's parsed answer(s) summarized, the raw JSON folded away. */
function sendOutcome(r, i, rows, resend) {
  const box = document.createElement('div');
  box.className = 'send-outcome';
  box.dataset.chunk = String(i);
  const head = document.createElement('h4');
  head.textContent = rows.from === undefined ? t('chunkLabel', i + 1, rows.n) : t('chunkRows', i + 1, rows.from, rows.to, rows.n);
  // Retries the proxy made (a timeout, a 5xx, the call limit) are said, with the request.
  const attempts = (r.json?.chunks ?? []).reduce((sum, c) => sum + (c.attempts ?? 0), 0);
  if (attempts > 1) head.append(Object.assign(document.createElement('span'), { className: 'muted attempts', textContent: ` · ${t('attemptsN', attempts)}` }));
  box.append(head);
  if (!r.ok) {
    const again = Object.assign(document.createElement('button'), { type: 'button', className: 'resend', textContent: t('resendRequest') });
    again.addEventListener('click', () => { again.disabled = true; resend(); });
    box.append(again);
  }
  if (r.notGateway !== undefined) {
    box.append(Object.assign(document.createElement('p'), { className: 'banner bad', textContent: t('notGateway', r.notGateway) }));
  } else if (r.failure) {
    box.append(Object.assign(document.createElement('p'), { className: 'banner bad', textContent: `${t('sentFailed')} (${r.failure})` }));
  } else if (r.json.chunks) {
    // Results are linked to the entries of the payload in the form (found by sub-order id), whichever request
    // — a chunk, or a resend of the failed ones — carried them.
    for (const c of r.json.chunks) {
      if (c.response) box.append(summarizeParsed(c.response, { entries: entriesOf(text()), goTo: goToEntry, retry: retryFailed, goToField }));
      else box.append(Object.assign(document.createElement('p'), { className: 'banner bad', textContent: `${t('sentFailed')} (${c.failure ?? c.status})` }));
    }
  } else {
    // Refused by the proxy's own check (400) or its guard (401/429): the platform-shaped error.
    const e = r.json.error_response;
    box.append(summarizeParsed({
      ok: false, code: e?.code ?? r.status, message: e?.msg, subCode: e?.sub_code, subMessage: e?.sub_msg ?? r.json.message ?? r.json.error, requestId: e?.request_id,
    }, { goToField }));
  }
  const raw = document.createElement('details');
  raw.innerHTML = '<summary></summary><pre tabindex="0"></pre>';
  raw.querySelector('summary').textContent = t('rawAnswer');
  raw.querySelector('pre').textContent = JSON.stringify(r.json ?? r.body ?? r.failure, null, 2);
  raw.querySelector('pre').className = 'send-raw';
  box.append(raw);
  return box;
}

/** A JSON syntax error is in the text, not the form: the editor, with the caret at its line and column. */
function goToText({ line = 1, column = 1 } = {}) {
  showTab('json');
  const editor = $('payload');
  const lines = editor.value.split('\n');
  const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
  editor.focus();
  editor.setSelectionRange(at, at);
}

function goToEntry(index) {
  showTab('form');
  form.focusPath(`${pathText(state.info.listPath)}[${index}]`);
}

/** A field named by the platform (`isv.invalid-parameter:<path>`): shown and focused in the form. */
function goToField(path) {
  showTab('form');
  form.focusPath(path);
}

function parsePasted() {
  const box = $('response-summary');
  try {
    const parsed = q.parseResponse(state.method, $('response-text').value);
    $('parsed-response').textContent = JSON.stringify(parsed, null, 2);
    box.replaceChildren(summarizeParsed(parsed, { entries: entriesOf(text()), goTo: goToEntry, goToField }));
  } catch (e) {
    $('parsed-response').textContent = '';
    const looksHtml = /^\s*</.test($('response-text').value) && /<html|<!doctype/i.test($('response-text').value);
    box.replaceChildren(Object.assign(document.createElement('p'), { className: 'banner bad', textContent: looksHtml ? t('notGateway', '?') : `✗ ${e.message}` }));
  }
}

// ---- signing preview and curl --------------------------------------------------------------------------

/** The router URL a request goes to: the local gateway, or the platform's entry points from the core. */
function targetUrl(qimen) {
  const target = $('target').value;
  if (target === 'local') return `${state.config.gatewayUrl ?? 'http://127.0.0.1:9000'}${qimen ? PROTOCOL.routers.qimen : PROTOCOL.routers.top}`;
  const endpoint = PROTOCOL.endpoints.find((e) => e.name === target);
  return qimen ? endpoint.qimen : endpoint.top;
}

function signOptions() {
  const appKey = $('app-key').value.trim();
  const secret = $('app-secret').value; // read at the moment of signing; never stored, sent or put in the URL
  const signing = !state.config.proxy || $('preview-signing').checked;
  if (!appKey || !secret || !signing) return null;
  return {
    appKey, secret, timestamp: Date.now(), session: $('session').value.trim() || undefined, signMethod: $('sign-method').value || undefined,
    body: $('body-mode').value, format: $('format').value, simplify: $('simplify').checked || undefined,
    targetAppKey: $('target-app-key').value.trim() || undefined, partnerId: $('partner-id').value.trim() || undefined,
  };
}

function gmt8(ms) {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The signed request's timestamp window (protocol().timestampWindowMs), counted down each second: a curl copied
 * from it is refused (code 31) once it has passed, and the page says so.
 */
function showWindow() {
  if (state.signedAt == null) return;
  const until = state.signedAt + PROTOCOL.timestampWindowMs;
  const left = Math.ceil((until - Date.now()) / 1000);
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  $('timestamp-window').textContent = `${t('timestampAt', gmt8(state.signedAt), gmt8(until))} · ${left > 0 ? t('timestampLeft', clock) : t('timestampExpired')}`;
  $('timestamp-window').classList.toggle('expired', left <= 0);
}

function updateSigned() {
  const options = signOptions();
  if (!options) {
    $('signed').textContent = t('signHint');
    $('timestamp-window').textContent = '';
    state.signedAt = null;
    return null;
  }
  state.signedAt = options.timestamp;
  showWindow();
  let built = null;
  $('signed').textContent = attempt(() => {
    built = q.buildRequest(state.method, text(), options);
    return JSON.stringify(built, null, 2);
  });
  return built;
}

function curlOf(r) {
  const sh = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;
  const url = `${targetUrl(state.info.xmlBody)}?${r.queryString}`;
  return `curl -sS -X POST ${sh(url)} -H ${sh(`content-type: ${r.contentType}`)} --data-binary ${sh(r.body)}`;
}

// ---- language and start-up -----------------------------------------------------------------------------

function applyLanguage() {
  q.setLanguage(getLang());
  drafts.set('lang', getLang());
  translatePage();
  if (state.info) $('method-summary').textContent = getLang() === 'zh' || !state.info.summary ? state.info.summaryZh : state.info.summary;
  // Notes already on the page follow the language too (one language at a time).
  $('draft-note').textContent = state.draftRestored ? t('draftRestored') : '';
  showReview();
  showSendTarget();
  showSends();
  nameOptions();
  form.render(state.fields, state.payload);
  state.formStale = false;
  runCheck();
}

/** Where the proxy sends (its upstream, from console-config.json): the local gateway, the sandbox or production. */
function showSendTarget() {
  const upstream = state.config.upstream;
  if (!upstream) {
    $('send-target').textContent = '';
    return;
  }
  const endpoint = PROTOCOL.endpoints.find((e) => upstream.startsWith(new URL(e.top).origin) || upstream.startsWith(new URL(e.qimen).origin));
  const name = endpoint ? t(endpoint.name === 'production' ? 'targetProduction' : 'targetSandbox') : t('targetLocal');
  $('send-target').textContent = t('sendsTo', name, upstream);
  $('send-target').classList.toggle('production', endpoint?.name === 'production');
}

function configureProxy() {
  showSendTarget();
  const proxy = Boolean(state.config.proxy);
  $('proxy-note').hidden = !proxy;
  $('preview-row').hidden = !proxy;
  // With a proxy the page needs no secret: the field is there only for an explicit signing preview.
  const showSecret = !proxy || $('preview-signing').checked;
  for (const e of document.querySelectorAll('.secret-row')) e.hidden = !showSecret;
  if (!showSecret) $('app-secret').value = '';
}

function isTyping(e) {
  return e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
}

async function main() {
  await init();
  // The APIs added in an earlier visit, before the method list is read.
  registerStored(q);
  METHODS = q.methods();
  PROTOCOL = q.protocol();
  state.config = await fetch('/console-config.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  // The APIs added in an earlier visit, told to a stack that may have started since.
  state.shared = Promise.all([...storedTables().values()].map((text) => shareTable(state.config, text)));
  setLang(drafts.get('lang') ?? 'zh');
  form = new PayloadForm($('form'), { onChange: onFormChange, beforeStructural: () => { history.record(text()); updateHistoryButtons(); }, lang: getLang });
  nav = new Navigator({
    list: $('issues'), pos: $('nav-pos'), prev: $('prev-error'), next: $('next-error'), csvPlace,
    go: (issue) => (issue.code === 'malformed' ? goToText(issue.params) : (showTab('form'), form.focusPath(issue.path))),
    fixUnknown, hasMember,
  });
  const select = $('method');
  for (const m of METHODS) select.append(new Option(m.method, m.method));
  select.addEventListener('change', () => selectMethod(select.value));
  $('load-example').addEventListener('click', loadExample);
  $('undo').addEventListener('click', () => undo());
  $('redo').addEventListener('click', () => undo(true));
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || isTyping(e)) return; // inside a field, the field's own undo
    if (e.key.toLowerCase() === 'z') { e.preventDefault(); undo(e.shiftKey); }
    if (e.key.toLowerCase() === 'y') { e.preventDefault(); undo(true); }
  });
  $('payload').addEventListener('input', onEditorInput);
  $('payload').addEventListener('scroll', () => { $('gutter').scrollTop = $('payload').scrollTop; });
  $('tab-form').addEventListener('click', () => showTab('form'));
  $('tab-json').addEventListener('click', () => showTab('json'));
  // The tabs as a tablist is operated (WAI-ARIA): arrow keys, Home and End move between them.
  $('tab-form').parentElement.addEventListener('keydown', (e) => {
    const to = { ArrowLeft: 'form', ArrowRight: 'json', Home: 'form', End: 'json' }[e.key];
    if (!to) return;
    e.preventDefault();
    showTab(to);
    $(`tab-${to}`).focus();
  });
  // Skip links: the result, and Send (its box opened) without tabbing through the whole form.
  $('skip-result').addEventListener('click', (e) => {
    e.preventDefault();
    $('navigator').focus();
  });
  $('skip-send').addEventListener('click', (e) => {
    e.preventDefault();
    $('send-box').open = true;
    $('send').focus();
  });
  $('app-key').value = drafts.get('app-key') ?? '';
  // Every input of the signed request re-signs the preview (the target only names curl's URL, at copy time).
  for (const id of ['app-key', 'app-secret', 'session', ...SIGN_OPTIONS.filter((o) => o !== 'target')]) {
    $(id).addEventListener(id === 'simplify' ? 'change' : 'input', updateSigned);
  }
  $('app-key').addEventListener('change', () => drafts.set('app-key', $('app-key').value.trim()));
  // The signing options are kept too — not the secret, nor the session (a user's credential).
  const kept = (() => { try { return JSON.parse(drafts.get('sign-options') ?? '{}') ?? {}; } catch { return {}; } })();
  for (const id of SIGN_OPTIONS) {
    const e = $(id);
    const v = Object.hasOwn(kept, id) ? kept[id] : undefined;
    if (e.type === 'checkbox' && typeof v === 'boolean') e.checked = v;
    else if (e.tagName === 'SELECT' && [...e.options].some((o) => o.value === v)) e.value = v;
    else if (e.tagName === 'INPUT' && e.type !== 'checkbox' && typeof v === 'string') e.value = v.slice(0, 256);
    e.addEventListener('change', () => {
      const now = Object.fromEntries(SIGN_OPTIONS.map((k) => [k, $(k).type === 'checkbox' ? $(k).checked : $(k).value]));
      drafts.set('sign-options', JSON.stringify(now));
    });
  }
  $('preview-signing').addEventListener('change', () => { configureProxy(); updateSigned(); });
  $('sign-form').addEventListener('submit', (e) => e.preventDefault());
  $('copy-curl').addEventListener('click', () => {
    const built = updateSigned(); // a fresh timestamp at the moment of copying
    copyText($('copy-curl'), built ? curlOf(built) : '', () => t('copyCurl'));
  });
  $('send').addEventListener('click', () => send());
  $('send-all').addEventListener('click', () => { $('send-box').open = true; send(); });
  $('clear-sends').addEventListener('click', () => { clearSends(state.method); showSends(); });
  $('download-all').addEventListener('click', () => state.chunkView?.downloadAll());
  $('parse-response').addEventListener('click', parsePasted);
  $('api-import').addEventListener('click', importApi);
  $('api-add').addEventListener('click', addApi);
  $('api-remove').addEventListener('click', removeApi);
  $('api-export').addEventListener('click', () => download(`${state.method}.json`, `${JSON.stringify(q.exportApi(state.method), null, 2)}\n`));
  $('csv-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) importCsv(f); });
  $('csv-apply').addEventListener('click', applyCsvMapping);
  $('csv-cancel').addEventListener('click', () => { state.pendingCsv = null; $('csv-mapping').hidden = true; $('csv-status').textContent = ''; });
  for (const b of document.querySelectorAll('button.copy')) {
    b.addEventListener('click', () => {
      if (b.dataset.copy === 'signed') updateSigned();
      const source = $(b.dataset.copy);
      copyText(b, source.textContent === t('signHint') ? '' : source.textContent, () => t('copy'));
    });
  }
  $('lang-toggle').addEventListener('click', () => { setLang(getLang() === 'zh' ? 'en' : 'zh'); applyLanguage(); nav.show(state.report ?? { errors: [], warnings: [] }); });
  translatePage();
  configureProxy();
  q.setLanguage(getLang());
  const saved = drafts.get('method');
  selectMethod(METHODS.some((m) => m.method === saved) ? saved : select.value);
  // The undo steps of this tab's last visit to the API (a reload keeps them).
  const steps = drafts.history(state.method);
  if (steps) history.restore(steps);
  updateHistoryButtons();
  applyLanguage();
  if (drafts.get('tab') === 'json') showTab('json');
  // The draft is written a pause after typing (localStorage is synchronous); leaving the page writes it at once,
  // so an edit made just before a reload or a closed tab is kept.
  const flush = () => {
    clearTimeout(state.draftTimer);
    if (state.method) drafts.savePayload(state.method, text());
    if (state.method) drafts.saveHistory(state.method, history);
  };
  window.addEventListener('pagehide', flush);
  setInterval(showWindow, 1000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `failed to load the wasm module: ${e}`;
  $('status').className = 'invalid';
  throw e;
});
