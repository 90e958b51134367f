// The sends of each API, kept between visits (localStorage, through drafts): when, what was sent and what came
// back, newest first, bounded (the last 10 per API, each payload and answer cut at 16 KB: localStorage holds a
// few megabytes for the whole origin, drafts included), clearable. And the one verdict of a send, in the
// interface's language, for the live summary and the kept list alike.
import { t } from './i18n.mjs';
import { el } from './form.mjs';
import { drafts } from './drafts.mjs';

const KEPT = 10;
const CUT = 16 * 1024;
const cut = (text) => (text.length > CUT ? `${text.slice(0, CUT)}\n… (${text.length - CUT} more characters not kept)` : text);

/**
 * A send's verdict from its counts: entry by entry where the answers say (`byEntry`: shopinv's per-sub-order
 * results), so that a partial success is "2 of 3 applied", never "failed"; otherwise request by request.
 */
export function sendVerdict({ requests, okCount, applied, total, byEntry }) {
  const allOk = okCount === requests;
  const className = allOk ? 'ok' : (byEntry ? applied : okCount) ? 'partial' : 'bad';
  const text = allOk ? t('sentOk', requests)
    : byEntry && applied ? t('appliedPartial', applied, total)
      : okCount ? t('sentPartial', okCount, requests) : t('sentFailed');
  return { className, text };
}

/** The sends kept for `method`, newest first (a damaged record is dropped, not trusted). */
export function sendsOf(method) {
  try {
    const list = JSON.parse(drafts.get(`sends:${method}`) ?? '[]');
    const count = (n) => Number.isSafeInteger(n) && n >= 0;
    const whole = (s) => s && typeof s.at === 'number' && typeof s.payload === 'string' && Array.isArray(s.answers)
      && s.answers.every((a) => typeof a === 'string') && ['requests', 'okCount', 'applied', 'total', 'rows'].every((k) => count(s[k]))
      && typeof s.byEntry === 'boolean';
    return Array.isArray(list) ? list.filter(whole) : [];
  } catch {
    return [];
  }
}

/** Keep one send: `counts` as sendVerdict takes them, the payload text sent, and each request's answer. */
export function recordSend(method, counts, payload, answers) {
  const record = { at: Date.now(), ...counts, payload: cut(payload), answers: answers.map((a) => cut(typeof a === 'string' ? a : JSON.stringify(a, null, 2))) };
  drafts.set(`sends:${method}`, JSON.stringify([record, ...sendsOf(method)].slice(0, KEPT)));
}

export const clearSends = (method) => drafts.set(`sends:${method}`, null);

/** The kept sends of `method` as a list: each a line (when, how many, the verdict) opening onto what was sent and answered. */
export function renderSends(container, method, when) {
  const sends = sendsOf(method);
  container.replaceChildren(...sends.map((s) => {
    const verdict = sendVerdict(s);
    const item = el('details', { className: 'sent' },
      el('summary', {}, `${when(s.at)} · ${t('sentLine', s.requests, s.rows)} · `, el('span', { className: `banner ${verdict.className}` }, verdict.text)),
      el('p', { className: 'muted' }, t('sentPayload')), el('pre', { tabIndex: 0 }, s.payload),
      el('p', { className: 'muted' }, t('rawAnswer')), ...s.answers.map((a) => el('pre', { tabIndex: 0 }, a)));
    return el('li', {}, item);
  }));
  return sends.length;
}
