// What a valid payload becomes: the requests to send (one per chunk when the list is over its limit), each to
// view, copy as JSON or XML, download, and send through the signing proxy with its outcome; and parsed
// answers shown as a summary in the UI language (banner + per-entry table, failed entries linked back).
import { t } from './i18n.mjs';
import { el } from './form.mjs';

/** Save text as a file (the browser's download). */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copy text, saying so on the button; an empty text is not "copied". */
export async function copyText(button, text, restore) {
  if (!text || !text.trim()) {
    button.textContent = t('nothingToCopy');
  } else {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = t('copied');
    } catch {
      button.textContent = t('nothingToCopy');
    }
  }
  setTimeout(() => { button.textContent = restore(); }, 1200);
}

/**
 * The chunk list: `chunks` are JSON texts from `chunk`, `counts` their entries; `q` the package. Sending is the
 * app's (it fills each row's `.chunk-outcome`).
 */
export function renderChunks(list, { q, method, chunks, counts }) {
  const name = (i) => `${method}-${String(i + 1).padStart(2, '0')}-of-${String(chunks.length).padStart(2, '0')}.json`;
  const rows = chunks.map((c, i) => {
    const view = el('pre', { className: 'chunk-view', hidden: true, tabIndex: 0 }, c);
    const button = (label, action) => {
      const b = el('button', { type: 'button', textContent: label, ariaLabel: `${label} · ${t('chunkLabel', i + 1, counts[i])}` });
      b.addEventListener('click', () => action(b));
      return b;
    };
    const outcome = el('span', { className: 'chunk-outcome', dataset: { chunk: String(i) } });
    return el('li', { dataset: { chunk: String(i) } },
      el('span', { className: 'chunk-label' }, t('chunkLabel', i + 1, counts[i])), ' ', outcome,
      el('span', { className: 'chunk-actions' },
        button(t('view'), () => { view.hidden = !view.hidden; }),
        button(t('copyWhat', 'JSON'), (b) => copyText(b, c, () => t('copyWhat', 'JSON'))),
        button(t('copyWhat', 'XML'), (b) => copyText(b, q.render(method, c, 'xml'), () => t('copyWhat', 'XML'))),
        button(t('download'), () => download(name(i), c))),
      view);
  });
  list.replaceChildren(...rows);
  return {
    downloadAll: () => chunks.forEach((c, i) => download(name(i), c)),

  };
}

/**
 * What a refusal says for people: the platform's `sub_msg` (the one line it writes for them), its sub code and
 * request id, what the code means and what to do (in the interface's language), and — for an argument error
 * naming a field (`isv.invalid-parameter:<path>`) — a link to that field.
 */
function explained(parsed, goToField) {
  const out = [];
  const sub = parsed.subMessage ?? parsed.subMsg;
  if (sub) out.push(el('p', { className: 'sub-msg' }, el('strong', {}, sub)));
  const ids = [parsed.subCode && `sub_code ${parsed.subCode}`, parsed.requestId && `request_id ${parsed.requestId}`].filter(Boolean);
  if (ids.length) out.push(el('p', { className: 'muted ids' }, ids.join(' · ')));
  const help = codeHelp(parsed.code, parsed.subCode);
  if (help) out.push(el('p', { className: 'help' }, help));
  const field = /^isv\.(?:invalid|missing)-parameter:(.+)$/.exec(parsed.subCode ?? '')?.[1];
  if (field && goToField) {
    const link = el('button', { type: 'button', className: 'link', textContent: t('goToField', field) });
    link.addEventListener('click', () => goToField(field));
    out.push(el('p', {}, link));
  }
  return out;
}

/** The meaning and next step of a platform code (sub codes first), or undefined for one without advice. */
function codeHelp(code, subCode) {
  const sub = String(subCode ?? '').replace(/:.*$/, '');
  const bySub = t('subCodeHelp')[sub];
  if (bySub) return bySub;
  return t('codeHelp')[Number(code)];
}

/**
 * A parsed answer as a banner and (for shopinv's per-sub-order results) a table; `goTo(index)` for entries,
 * `retry(subOrderIds)` to resend the failed ones.
 */
export function summarizeParsed(parsed, { entries = [], goTo, retry, goToField } = {}) {
  const banner = el('p', { className: `banner ${parsed.ok ? 'ok' : parsed.partial ? 'partial' : 'bad'}` },
    parsed.ok ? t('respOk') : parsed.partial ? t('respPartial') : t('respFailed'));
  const note = [parsed.code && `code ${parsed.code}`, parsed.message ?? parsed.msg].filter(Boolean).join(' · ');
  if (note) banner.append(' — ', note);
  const box = el('div', { className: 'summary' }, banner);
  if (!parsed.ok) box.append(...explained(parsed, goToField));
  if (Array.isArray(parsed.details)) {
    const table = el('table', {}, el('thead', {}, el('tr', {},
      ...[t('subOrderCol'), t('outcomeCol'), t('messageCol'), ''].map((h) => el('th', { scope: 'col' }, h)))));
    const body = el('tbody');
    for (const d of parsed.details) {
      const index = entries.findIndex((e) => String(e?.sub_order_id) === String(d.subOrderId));
      const link = index >= 0 && goTo ? el('button', { type: 'button', className: 'link', textContent: t('goToEntry', index + 1) }) : null;
      link?.addEventListener('click', () => goTo(index));
      body.append(el('tr', { className: d.success ? 'ok' : 'bad' },
        el('td', {}, String(d.subOrderId ?? '')),
        el('td', {}, d.success ? (d.idempotent ? t('idempotent') : t('succeeded')) : t('failed')),
        el('td', {}, [d.errorCode, d.errorMessage ?? d.idempotentReason].filter(Boolean).join(' · ')),
        el('td', {}, link)));
    }
    table.append(body);
    box.append(table);
    const failed = parsed.details.filter((d) => !d.success).map((d) => String(d.subOrderId));
    if (failed.length && retry) {
      const again = el('button', { type: 'button', className: 'retry', textContent: t('retryFailed') });
      again.addEventListener('click', () => retry(failed));
      box.append(again);
    }
  }
  return box;
}
