// The error navigator: the verdict, a count, next/previous (buttons and F8 / Shift+F8), and the list of
// issues — each in the UI language (the core's message names the field by its label and entry number), with
// the technical path and code, and for imported rows the CSV line and column, as secondary text.
import { t, getLang } from './i18n.mjs';
import { el } from './form.mjs';

export class Navigator {
  /** `go(issue)` focuses the issue's field; `csvPlace(path)` → { line, column } for imported entries. */
  constructor({ list, pos, prev, next, go, csvPlace, fixUnknown, hasMember }) {
    Object.assign(this, { list, pos, prev, next, go, csvPlace, fixUnknown, hasMember });
    this.issues = [];
    this.current = -1;
    prev.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'F8') return;
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
    });
  }

  show(report) {
    const was = this.issues[this.current];
    const at = this.current;
    this.issues = [...report.errors.map((i) => ({ ...i, kind: 'error' })), ...report.warnings.map((i) => ({ ...i, kind: 'warning' }))];
    if (was) {
      // The issue F8 was on: still there, it stays current; fixed, the one after it has moved into its place,
      // so the position goes back by one and F8 lands on that one (not on the one after it).
      const same = this.issues.findIndex((i) => i.kind === was.kind && i.path === was.path && i.code === was.code);
      this.current = same >= 0 ? same : Math.min(at, this.issues.length) - 1;
    } else if (this.current >= this.issues.length) this.current = -1;
    this.list.replaceChildren(...this.issues.map((i, n) => this.item(i, n)));
    this.update();
  }

  item(i, n) {
    const message = getLang() === 'zh' ? i.messageZh : i.messageEn;
    const csv = this.csvPlace(i.path);
    const secondary = [csv ? t('csvAt', csv.line, csv.column) : null, i.path || t('payload'), i.code].filter(Boolean).join(' · ');
    const b = el('button', { type: 'button', className: 'issue-link' },
      el('span', { className: 'issue-kind' }, `${i.kind === 'error' ? t('errorWord') : t('warningWord')} ${n + 1}: `),
      el('span', { className: 'issue-message' }, message),
      el('small', { className: 'issue-where', lang: 'en' }, secondary));
    b.addEventListener('click', () => { this.current = n; this.update(); this.go(i); });
    const li = el('li', { className: i.kind, dataset: { path: i.path, code: i.code } }, b);
    // A member the API does not have is not in the form: it is removed, or renamed to the field the core
    // suggests (when no member has that name), from here (`fixUnknown(issue, newName?)`).
    if (i.code === 'unknown_field' && this.fixUnknown) {
      const action = (label, to) => {
        const a = el('button', { type: 'button', className: 'issue-action', textContent: label });
        a.addEventListener('click', () => this.fixUnknown(i, to));
        return a;
      };
      const suggested = typeof i.params?.didYouMean === 'string' ? i.params.didYouMean : undefined;
      const to = suggested !== undefined && !this.hasMember?.([...i.segments.slice(0, -1), suggested]) ? suggested : undefined;
      li.append(el('span', { className: 'issue-actions' }, ...(to ? [action(t('renameMember', to), to)] : []), action(t('removeMember'))));
    }
    return li;
  }

  step(d) {
    if (!this.issues.length) return;
    this.current = this.current < 0 ? (d > 0 ? 0 : this.issues.length - 1) : (this.current + d + this.issues.length) % this.issues.length;
    this.update();
    this.go(this.issues[this.current]);
  }

  update() {
    const n = this.issues.length;
    this.prev.disabled = n === 0;
    this.next.disabled = n === 0;
    this.pos.textContent = n ? t('navPos', this.current < 0 ? '–' : this.current + 1, n) : '';
    for (const [k, li] of [...this.list.children].entries()) li.classList.toggle('current', k === this.current);
  }
}
