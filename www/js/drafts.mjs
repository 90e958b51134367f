// What the console keeps between visits (localStorage; never the secret): per API the payload text, plus the
// chosen API, language and app key. And an undo/redo history of payload texts for the session.
const KEY = 'qimen-console';
const read = (k) => {
  try {
    return localStorage.getItem(`${KEY}:${k}`);
  } catch {
    return null; // storage disabled (private mode, policy): nothing is kept, nothing breaks
  }
};
const write = (k, v) => {
  try {
    if (v === null || v === undefined) localStorage.removeItem(`${KEY}:${k}`); else localStorage.setItem(`${KEY}:${k}`, v);
  } catch {
    // Quota or policy: the draft is simply not kept.
  }
};

// The undo history is the tab's (sessionStorage: it survives a reload, not the tab's closing), and bounded: past
// this many characters the oldest steps are not kept.
const SESSION_BUDGET = 4 * 1024 * 1024;
const readSession = (k) => {
  try {
    return sessionStorage.getItem(`${KEY}:${k}`);
  } catch {
    return null;
  }
};
const writeSession = (k, v) => {
  try {
    sessionStorage.setItem(`${KEY}:${k}`, v);
  } catch {
    // Quota or policy: the history is simply not kept.
  }
};

export const drafts = {
  payload: (method) => read(`draft:${method}`),
  savePayload: (method, text) => write(`draft:${method}`, text),
  get: (name) => read(name),
  set: (name, value) => write(name, value),
  /** The undo history of `method` kept for this tab, or null. */
  history(method) {
    try {
      const kept = JSON.parse(readSession('history') ?? 'null');
      const texts = (a) => Array.isArray(a) && a.every((x) => typeof x === 'string');
      return kept && kept.method === method && texts(kept.done) && texts(kept.undone) ? kept : null;
    } catch {
      return null;
    }
  },
  saveHistory(method, { done, undone }) {
    let from = 0;
    let size = [...done, ...undone].reduce((n, x) => n + x.length, 0);
    while (size > SESSION_BUDGET && from < done.length) size -= done[from++].length;
    writeSession('history', JSON.stringify({ method, done: done.slice(from), undone: size > SESSION_BUDGET ? [] : undone }));
  },
};

/** Undo/redo over payload texts. `record(text)` before a change; typing bursts are grouped by the caller. */
export class History {
  constructor(limit = 100) {
    this.limit = limit;
    this.done = [];
    this.undone = [];
  }
  record(text) {
    if (this.done[this.done.length - 1] === text) return;
    this.done.push(text);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }
  undo(current) {
    const prev = this.done.pop();
    if (prev === undefined) return undefined;
    this.undone.push(current);
    return prev;
  }
  redo(current) {
    const next = this.undone.pop();
    if (next === undefined) return undefined;
    this.done.push(current);
    return next;
  }
  clear() {
    this.done = [];
    this.undone = [];
  }
  /** Its steps as kept (`drafts.history`), the newest last. */
  restore({ done, undone }) {
    this.done = done.slice(-this.limit);
    this.undone = undone.slice(-this.limit);
  }
  get canUndo() { return this.done.length > 0; }
  get canRedo() { return this.undone.length > 0; }
}
