// A form generated from the rule table as data (`fields(method)` from the wasm core): labels in both
// languages, required marks, enum selects, date inputs, list rows with counters. It edits a plain payload
// object in place and knows no rule: every verdict comes from `check`.
import { t } from './i18n.mjs';

/** 'item[3].itemCode' from ['item', 3, 'itemCode']. */
export const pathText = (segs) => segs.reduce((s, x) => (typeof x === 'number' ? `${s}[${x}]` : s ? `${s}.${x}` : x), '');
const idOf = (segs) => `f-${pathText(segs).replace(/[^A-Za-z0-9_]/g, '-')}`;

function getAt(obj, segs) {
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

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v); else if (k in e && k !== 'list') e[k] = v; else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

/** Text shown in an input for a payload value (canonical date-times shown with the T a datetime input wants). */
function displayValue(f, v) {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'bigint' ? v.toString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return f.kind === 'datetime' ? s.replace(' ', 'T') : s;
}

export class PayloadForm {
  constructor(container, { onChange, lang, maxRows = 100 }) {
    this.container = container;
    this.onChange = onChange;
    this.lang = lang;
    this.maxRows = maxRows;
  }

  label(f) {
    return this.lang() === 'zh' ? `${f.labelZh}` : `${f.labelEn}`;
  }

  render(fields, payload) {
    this.fields = fields;
    this.payload = payload;
    const root = el('div', { className: 'form-root' });
    this.renderFields(root, fields, []);
    this.container.replaceChildren(root);
  }

  changed() {
    this.onChange(this.payload);
  }

  renderFields(parent, fields, prefix) {
    for (const f of fields) parent.append(this.renderField(f, [...prefix, f.name]));
  }

  caption(f, segs, extra) {
    return [
      el('span', { className: 'label-main' }, this.label(f)),
      el('code', { className: 'field-name' }, f.name),
      f.required ? el('abbr', { className: 'req', title: t('required') }, '*') : null,
      extra ?? null,
    ];
  }

  renderField(f, segs) {
    if (f.kind === 'object') {
      const box = el('fieldset', { className: 'group', dataset: { path: pathText(segs) }, tabIndex: -1 }, el('legend', {}, ...this.caption(f, segs)));
      this.renderFields(box, f.fields, segs);
      return box;
    }
    if (f.kind === 'list') return this.renderList(f, segs);
    return this.renderScalar(f, segs);
  }

  renderList(f, segs) {
    const value = getAt(this.payload, segs);
    const entries = Array.isArray(value) ? value : [];
    const counter = el('span', { className: 'counter', dataset: { counter: pathText(segs) } }, `${entries.length} / ${f.maxItems ?? '∞'}`);
    if (f.maxItems && entries.length > f.maxItems) counter.classList.add('over');
    const box = el('fieldset', { className: 'group list', dataset: { path: pathText(segs) }, tabIndex: -1 }, el('legend', {}, ...this.caption(f, segs, counter)));
    entries.slice(0, this.maxRows).forEach((entry, i) => {
      const rowSegs = [...segs, i];
      const remove = el('button', { type: 'button', className: 'remove', textContent: t('removeRow'), ariaLabel: `${t('removeRow')} ${pathText(rowSegs)}` });
      remove.addEventListener('click', () => {
        entries.splice(i, 1);
        if (entries.length === 0) setAt(this.payload, segs, undefined);
        this.render(this.fields, this.payload);
        this.changed();
      });
      const row = el('fieldset', { className: 'entry', dataset: { path: pathText(rowSegs) }, tabIndex: -1 },
        el('legend', {}, t('entry').replace('{n}', String(i + 1)), ' ', remove));
      if (entry && typeof entry === 'object') this.renderFields(row, f.fields, rowSegs);
      box.append(row);
    });
    if (entries.length > this.maxRows) box.append(el('p', { className: 'muted' }, t('showingRows', this.maxRows, entries.length)));
    const add = el('button', { type: 'button', className: 'add', textContent: `+ ${t('addRow')}` });
    add.addEventListener('click', () => {
      if (!Array.isArray(getAt(this.payload, segs))) setAt(this.payload, segs, []);
      getAt(this.payload, segs).push({});
      this.render(this.fields, this.payload);
      this.changed();
      this.container.querySelector(`[data-path="${pathText([...segs, entries.length - 1])}"] input, [data-path="${pathText([...segs, entries.length - 1])}"] select`)?.focus();
    });
    box.append(add);
    return box;
  }

  renderScalar(f, segs) {
    const id = idOf(segs);
    const path = pathText(segs);
    const value = getAt(this.payload, segs);
    let input;
    if (f.kind === 'enum' || f.kind === 'boolean') {
      const options = f.kind === 'boolean'
        ? [{ code: 'true', labelZh: '是', labelEn: 'true' }, { code: 'false', labelZh: '否', labelEn: 'false' }]
        : f.codes;
      input = el('select', { id, dataset: { path } }, el('option', { value: '' }, '—'),
        ...options.map((c) => el('option', { value: c.code }, `${c.code} · ${this.lang() === 'zh' ? c.labelZh : c.labelEn}`)));
      const shown = displayValue(f, value);
      // A value the select cannot show (e.g. a label or a bad code typed in JSON) is kept as an extra option.
      if (shown && !options.some((c) => c.code === shown)) input.append(el('option', { value: shown }, shown));
      input.value = shown;
    } else {
      const type = f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : 'text';
      input = el('input', { id, type, dataset: { path }, value: displayValue(f, value), placeholder: f.example || undefined,
        inputMode: ['long', 'price', 'discount'].includes(f.kind) ? 'decimal' : undefined, autocomplete: 'off', spellcheck: false });
      if (type === 'datetime-local') input.step = 1;
      if (f.maxLength) input.maxLength = f.maxLength * 2; // the core reports too_long; do not silently cut
    }
    input.setAttribute('aria-describedby', `${id}-issue`);
    const onInput = () => {
      const raw = input.value;
      let v = raw === '' ? undefined : raw;
      if (v !== undefined && f.kind === 'boolean') v = raw === 'true';
      setAt(this.payload, segs, v);
      this.changed();
    };
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', onInput);
    return el('div', { className: 'field' },
      el('label', { htmlFor: id }, ...this.caption(f, segs)),
      input,
      el('div', { id: `${id}-issue`, className: 'field-issue', role: 'status' }));
  }

  /** Show each issue next to its field (or its group); clear the previous ones. */
  showIssues(report) {
    for (const e of this.container.querySelectorAll('.has-error, .has-warning')) e.classList.remove('has-error', 'has-warning');
    for (const e of this.container.querySelectorAll('.field-issue, .group-issue')) e.textContent = '';
    for (const e of this.container.querySelectorAll('.group-issue')) e.remove();
    for (const [kind, list] of [['error', report.errors], ['warning', report.warnings]]) {
      for (const i of list) {
        const target = this.container.querySelector(`[data-path="${CSS.escape(i.path)}"]`);
        if (!target) continue;
        if (target.tagName === 'FIELDSET') {
          target.classList.add(`has-${kind}`);
          const note = el('div', { className: `group-issue ${kind}`, role: 'status' }, i.message);
          target.querySelector(':scope > legend')?.after(note);
        } else {
          target.closest('.field')?.classList.add(`has-${kind}`);
          const box = document.getElementById(`${target.id}-issue`);
          if (box) box.textContent = (box.textContent ? `${box.textContent} · ` : '') + i.message;
          if (kind === 'error') target.setAttribute('aria-invalid', 'true');
        }
      }
    }
    for (const e of this.container.querySelectorAll('[aria-invalid]')) if (!e.closest('.has-error')) e.removeAttribute('aria-invalid');
  }

  /** Focus the field (or the nearest group) of a path; true when found. */
  focusPath(path) {
    let p = path;
    while (p) {
      const target = this.container.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
        return true;
      }
      p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
    return false;
  }
}
