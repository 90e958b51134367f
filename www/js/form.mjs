// A form generated from the rule table as data (`fields(method)` from the wasm core): labels in both
// languages, required marks, enum selects, text inputs with format hints (never a native picker that hides
// what was typed), list rows paged so any entry is reachable. It edits a plain payload object in place and
// knows no rule: every verdict comes from `check`.
//
// Typing in a field changes the payload and nothing else on the page (no rebuild); only structural changes
// (a row added or removed, a page turned) re-render, and only the list concerned.
import { t } from './i18n.mjs';

/** 'item[3].itemCode' from ['item', 3, 'itemCode']. */
export const pathText = (segs) => segs.reduce((s, x) => (typeof x === 'number' ? `${s}[${x}]` : s ? `${s}.${x}` : x), '');
const idOf = (segs) => `f-${pathText(segs).replace(/[^A-Za-z0-9_]/g, '-')}`;
/** ['item', 3, 'itemCode'] from 'item[3].itemCode'. */
export const pathSegs = (path) => [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));

export function getAt(obj, segs) {
  return segs.reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setAt(obj, segs, value) {
  let o = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i];
    if (o[k] == null || typeof o[k] !== 'object') o[k] = typeof segs[i + 1] === 'number' ? [] : {};
    o = o[k];
  }
  const last = segs[segs.length - 1];
  if (value === undefined) delete o[last]; else o[last] = value;
}

/**
 * Whether two texts are the same decimal number as written (`200` and `200.00`, `0.5` and `.50`): a "→" note
 * for those would say nothing the user does not already see.
 */
export function sameDecimal(a, b) {
  const canon = (x) => {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(x);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    const whole = m[2].replace(/^0+(?=\d)/, '') || '0';
    const fraction = (m[3] ?? '').replace(/0+$/, '');
    const zero = /^0*$/.test(whole + fraction);
    return `${zero || m[1] !== '-' ? '' : '-'}${whole}${fraction ? `.${fraction}` : ''}`;
  };
  const x = canon(String(a));
  return x !== null && x === canon(String(b));
}

export const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v); else if (k in e && k !== 'list') e[k] = v; else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

/** Text shown in an input for a payload value: exactly what the payload holds. */
export function displayValue(v) {
  if (v === undefined || v === null) return '';
  return typeof v === 'bigint' ? v.toString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export class PayloadForm {
  /**
   * `onChange({ structural })` after every edit; `beforeStructural()` before a row is added or removed (the
   * app keeps an undo step); `pageSize` entries per list page.
   */
  constructor(container, { onChange, beforeStructural = () => {}, lang, pageSize = 20 }) {
    this.container = container;
    this.onChange = onChange;
    this.beforeStructural = beforeStructural;
    this.lang = lang;
    this.pageSize = pageSize;
    this.pages = new Map();
    this.onlyErrors = new Set();
    this.errorEntries = new Map();
    this.lists = new Map();
    this.grids = new Set();
  }

  label(f) {
    return this.lang() === 'zh' ? f.labelZh : f.labelEn;
  }

  render(fields, payload) {
    this.fields = fields;
    this.payload = payload;
    this.lists.clear();
    const root = el('div', { className: 'form-root' });
    this.renderFields(root, fields, []);
    this.container.replaceChildren(root);
  }

  renderFields(parent, fields, prefix) {
    for (const f of fields) parent.append(this.renderField(f, [...prefix, f.name]));
  }

  /** A field's caption: its label, then its wire name as secondary text; required announced by the input. */
  caption(f, extra) {
    return [
      el('span', { className: 'label-main' }, this.label(f)),
      ' ',
      el('code', { className: 'field-name', lang: 'en' }, f.name),
      f.required ? el('abbr', { className: 'req', title: t('required'), ariaHidden: 'true' }, '*') : null,
      extra ?? null,
    ];
  }

  renderField(f, segs) {
    if (f.kind === 'object') {
      const box = el('fieldset', { className: 'group', dataset: { path: pathText(segs) }, tabIndex: -1 }, el('legend', {}, ...this.caption(f)));
      this.renderFields(box, f.fields, segs);
      return box;
    }
    if (f.kind === 'list') return this.renderList(f, segs);
    return this.renderScalar(f, segs);
  }

  /** Indexes of the list's entries shown on its current page (or, filtered, those with errors). */
  shownEntries(path, entries) {
    let indexes = entries.map((_, i) => i);
    if (this.onlyErrors.has(path)) {
      const bad = this.errorEntries.get(path) ?? new Set();
      indexes = indexes.filter((i) => bad.has(i));
    }
    const pages = Math.max(1, Math.ceil(indexes.length / this.pageSize));
    const page = Math.min(this.pages.get(path) ?? 0, pages - 1);
    this.pages.set(path, page);
    return { shown: indexes.slice(page * this.pageSize, (page + 1) * this.pageSize), page, pages, total: indexes.length };
  }

  renderList(f, segs) {
    const path = pathText(segs);
    this.lists.set(path, { f, segs });
    const value = getAt(this.payload, segs);
    const entries = Array.isArray(value) ? value : [];
    const counter = el('span', { className: 'counter', dataset: { counter: path } }, `${entries.length} / ${f.maxItems ?? '∞'}`);
    if (f.maxItems && entries.length > f.maxItems) counter.classList.add('over');
    const gridded = this.grids.has(path);
    const toggle = el('button', { type: 'button', className: 'view-toggle', textContent: t('gridView'), ariaPressed: String(gridded) });
    toggle.addEventListener('click', () => {
      if (gridded) this.grids.delete(path); else this.grids.add(path);
      this.rerenderList(path);
      this.container.querySelector(`fieldset.list[data-path="${CSS.escape(path)}"] > legend > .view-toggle`)?.focus();
    });
    const box = el('fieldset', { className: 'group list', dataset: { path }, tabIndex: -1 }, el('legend', {}, ...this.caption(f, counter), ' ', toggle));
    const { shown, page, pages, total } = this.shownEntries(path, entries);
    if (entries.length > this.pageSize || this.onlyErrors.has(path)) box.append(this.pager(path, page, pages, total, shown));
    if (gridded) box.append(this.grid(f, segs, entries, shown));
    for (const i of gridded ? [] : shown) {
      const entry = entries[i];
      const rowSegs = [...segs, i];
      const remove = el('button', { type: 'button', className: 'remove', textContent: t('removeRow'), ariaLabel: t('removeEntry', i + 1) });
      remove.addEventListener('click', () => {
        this.beforeStructural();
        entries.splice(i, 1);
        if (entries.length === 0) setAt(this.payload, segs, undefined);
        this.rerenderList(path);
        this.onChange({ structural: true, removed: { path, index: i } });
        this.container.querySelector(`[data-path="${CSS.escape(path)}"] > button.add`)?.focus();
      });
      const row = el('fieldset', { className: 'entry', dataset: { path: pathText(rowSegs) }, tabIndex: -1 },
        el('legend', {}, t('entry').replace('{n}', String(i + 1)), ' ', remove));
      if (entry && typeof entry === 'object') this.renderFields(row, f.fields, rowSegs);
      box.append(row);
    }
    const full = f.maxItems !== undefined && entries.length >= f.maxItems;
    const add = el('button', { type: 'button', className: 'add', textContent: `+ ${t('addRow')}`, disabled: full });
    if (full) add.title = t('atLimit', f.maxItems);
    add.addEventListener('click', () => {
      this.beforeStructural();
      if (!Array.isArray(getAt(this.payload, segs))) setAt(this.payload, segs, []);
      const list = getAt(this.payload, segs);
      list.push({});
      this.onlyErrors.delete(path);
      this.pages.set(path, Math.floor((list.length - 1) / this.pageSize));
      this.rerenderList(path);
      this.onChange({ structural: true });
      this.container.querySelector(`[data-path="${CSS.escape(pathText([...segs, list.length - 1]))}"] :is(input, select)`)?.focus();
    });
    box.append(add);
    return box;
  }

  /**
   * The list's entries as a table, one row per entry and one column per scalar field (nested objects stay in
   * the card view). Pasting cells copied from a spreadsheet (tab-separated rows) fills the table from the cell
   * pasted into, adding entries as needed.
   */
  grid(f, segs, entries, shown) {
    const columns = f.fields.filter((c) => c.kind !== 'object' && c.kind !== 'list');
    const head = el('tr', {}, el('th', { scope: 'col' }, '#'), ...columns.map((c) => el('th', { scope: 'col' }, this.label(c), ' ', el('code', { className: 'field-name', lang: 'en' }, c.name))));
    const rows = shown.map((i) => el('tr', { dataset: { path: pathText([...segs, i]) } }, el('th', { scope: 'row' }, String(i + 1)),
      ...columns.map((c, col) => {
        const cellSegs = [...segs, i, c.name];
        const input = el('input', { type: 'text', id: idOf(cellSegs), value: displayValue(getAt(entries[i], [c.name])), dataset: { path: pathText(cellSegs) },
          ariaLabel: `${this.label(c)} (${t('entry').replace('{n}', String(i + 1))})`, autocomplete: 'off', spellcheck: false });
        input.addEventListener('input', () => {
          setAt(this.payload, cellSegs, input.value === '' ? undefined : input.value);
          this.onChange({ structural: false, path: pathText(cellSegs) });
        });
        input.addEventListener('paste', (e) => this.pasteCells(e, segs, i, columns, col));
        return el('td', {}, input);
      })));
    return el('div', { className: 'grid-wrap' }, el('table', { className: 'entry-grid' }, el('thead', {}, head), el('tbody', {}, ...rows)));
  }

  pasteCells(e, segs, row, columns, col) {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text)) return; // one value: the input's own paste
    e.preventDefault();
    this.beforeStructural();
    if (!Array.isArray(getAt(this.payload, segs))) setAt(this.payload, segs, []);
    const list = getAt(this.payload, segs);
    text.replace(/\r?\n$/, '').split(/\r?\n/).forEach((line, r) => {
      const entry = list[row + r] ?? (list[row + r] = {});
      line.split('\t').forEach((cell, k) => {
        const c = columns[col + k];
        if (!c) return;
        if (cell.trim() === '') delete entry[c.name]; else entry[c.name] = cell.trim();
      });
    });
    const path = pathText(segs);
    this.rerenderList(path);
    this.onChange({ structural: true });
  }

  pager(path, page, pages, total, shown) {
    const first = shown.length ? shown[0] + 1 : 0;
    const last = shown.length ? shown[shown.length - 1] + 1 : 0;
    const turn = (d) => { this.pages.set(path, page + d); this.rerenderList(path); this.container.querySelector(`[data-pager="${CSS.escape(path)}"] button.${d < 0 ? 'prev' : 'next'}`)?.focus(); };
    const prev = el('button', { type: 'button', className: 'prev', textContent: `‹ ${t('prevPage')}`, disabled: page === 0 });
    const next = el('button', { type: 'button', className: 'next', textContent: `${t('nextPage')} ›`, disabled: page >= pages - 1 });
    prev.addEventListener('click', () => turn(-1));
    next.addEventListener('click', () => turn(1));
    const only = el('input', { type: 'checkbox', id: `only-${idOf([path])}`, checked: this.onlyErrors.has(path) });
    only.addEventListener('change', () => {
      if (only.checked) this.onlyErrors.add(path); else this.onlyErrors.delete(path);
      this.pages.set(path, 0);
      this.rerenderList(path);
      this.container.querySelector(`#${CSS.escape(only.id)}`)?.focus();
    });
    return el('div', { className: 'pager', dataset: { pager: path } }, prev,
      el('span', { className: 'page-of' }, total ? t('pageOf', first, last, total) : '0'), next,
      el('label', { className: 'only-errors' }, only, ' ', t('onlyErrors')));
  }

  /** Replace one list's box (after a structural change or a page turn), keeping the rest of the form. */
  rerenderList(path) {
    const { f, segs } = this.lists.get(path);
    const old = this.container.querySelector(`fieldset.list[data-path="${CSS.escape(path)}"]`);
    const box = this.renderList(f, segs);
    old?.replaceWith(box);
    if (this.report) this.showIssues(this.report, this.normalizedValue);
  }

  renderScalar(f, segs) {
    const id = idOf(segs);
    const path = pathText(segs);
    const value = getAt(this.payload, segs);
    const shown = displayValue(value);
    let input;
    // Dates say their canonical form (from the table, as the messages name it).
    const hint = f.format ? t('formatHint', f.format) : '';
    if (f.kind === 'enum' || f.kind === 'boolean') {
      const options = f.kind === 'boolean'
        ? [{ code: 'true', labelZh: '是', labelEn: 'true' }, { code: 'false', labelZh: '否', labelEn: 'false' }]
        : f.codes;
      input = el('select', { id, dataset: { path } }, el('option', { value: '' }, '—'),
        // A code without an English label (an imported table's) shows its Chinese one rather than nothing.
        ...options.map((c) => el('option', { value: c.code }, `${c.code} · ${this.lang() === 'zh' ? c.labelZh : c.labelEn || c.labelZh}`)));
      // A value the select cannot show (a label such as 正品, or a bad code typed in JSON) is kept as an
      // extra option, so what the payload holds is always what is shown.
      if (shown && !options.some((c) => c.code === shown)) input.append(el('option', { value: shown }, shown));
      input.value = shown;
    } else {
      input = el('input', { id, type: 'text', dataset: { path }, value: shown,
        placeholder: f.format ?? (f.example ? t('example', f.example) : undefined),
        inputMode: ['long', 'price', 'discount'].includes(f.kind) ? 'decimal' : undefined, autocomplete: 'off', spellcheck: false });
      if (f.maxLength) input.maxLength = f.maxLength * 2; // the core reports too_long; do not silently cut
    }
    if (f.required) input.setAttribute('aria-required', 'true');
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-norm`, `${id}-issue`].filter(Boolean).join(' '));
    const onInput = () => {
      const raw = input.value;
      let v = raw === '' ? undefined : raw;
      if (v !== undefined && f.kind === 'boolean') v = raw === 'true';
      setAt(this.payload, segs, v);
      this.onChange({ structural: false, path });
    };
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', onInput);
    return el('div', { className: 'field' },
      el('label', { htmlFor: id }, ...this.caption(f)),
      el('div', { className: 'control' }, input,
        el('output', { id: `${id}-norm`, className: 'norm', htmlFor: id }),
        hint ? el('small', { id: `${id}-hint`, className: 'hint' }, hint) : null),
      el('div', { id: `${id}-issue`, className: 'field-issue' }));
  }

  /**
   * Show each issue next to its field (or its group), and — when the payload is valid — the normalized value
   * beside each input whose text differs from it (`9折 → 0.9000`). Entries with errors are remembered for the
   * "only entries with errors" filter.
   */
  showIssues(report, normalizedValue) {
    this.report = report;
    this.normalizedValue = normalizedValue;
    this.errorEntries = new Map();
    for (const i of report.errors) {
      for (const path of this.lists.keys()) {
        const m = i.path.startsWith(`${path}[`) && /^\[(\d+)\]/.exec(i.path.slice(path.length));
        if (m) (this.errorEntries.get(path) ?? this.errorEntries.set(path, new Set()).get(path)).add(Number(m[1]));
      }
    }
    for (const e of this.container.querySelectorAll('.has-error, .has-warning')) e.classList.remove('has-error', 'has-warning');
    for (const e of this.container.querySelectorAll('.field-issue')) e.textContent = '';
    for (const e of this.container.querySelectorAll('.group-issue')) e.remove();
    for (const e of this.container.querySelectorAll('.entry-grid input[title]')) e.removeAttribute('title');
    for (const [kind, list] of [['error', report.errors], ['warning', report.warnings]]) {
      for (const i of list) {
        const target = this.container.querySelector(`[data-path="${CSS.escape(i.path)}"]`);
        if (!target) continue;
        const message = this.lang() === 'zh' ? i.messageZh : i.messageEn;
        if (target.tagName === 'FIELDSET') {
          target.classList.add(`has-${kind}`);
          target.querySelector(':scope > legend')?.after(el('div', { className: `group-issue ${kind}` }, message));
        } else {
          (target.closest('.field') ?? target.closest('td'))?.classList.add(`has-${kind}`);
          const box = document.getElementById(`${target.id}-issue`);
          if (box) box.textContent = (box.textContent ? `${box.textContent} · ` : '') + message;
          else target.title = message; // a grid cell: the message on hover, and in the navigator
          if (kind === 'error') target.setAttribute('aria-invalid', 'true');
        }
      }
    }
    for (const e of this.container.querySelectorAll('[aria-invalid]')) if (!e.closest('.has-error')) e.removeAttribute('aria-invalid');
    for (const out of this.container.querySelectorAll('output.norm')) {
      if (!out.htmlFor.value) continue;
      const input = document.getElementById(out.htmlFor.value);
      const normalized = normalizedValue === undefined ? undefined : displayValue(getAt(normalizedValue, pathSegs(input.dataset.path)));
      const changed = normalized !== undefined && normalized !== '' && normalized !== input.value && !sameDecimal(normalized, input.value);
      out.textContent = changed ? t('normalizedTo', normalized) : '';
    }
  }

  /** Focus the field (or the nearest group) of a path, turning list pages as needed; true when found. */
  focusPath(path) {
    // Bring each list entry on the path onto its list's page (lists nest: outer first).
    for (const [listPath] of [...this.lists].sort((a, b) => a[0].length - b[0].length)) {
      const m = path.startsWith(`${listPath}[`) && /^\[(\d+)\]/.exec(path.slice(listPath.length));
      if (!m) continue;
      const index = Number(m[1]);
      if (!this.container.querySelector(`[data-path="${CSS.escape(`${listPath}[${index}]`)}"]`)) {
        this.onlyErrors.delete(listPath);
        this.pages.set(listPath, Math.floor(index / this.pageSize));
        this.rerenderList(listPath);
      }
    }
    let p = path;
    while (p) {
      const target = this.container.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'center' });
        return true;
      }
      p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
    return false;
  }
}
