// APIs added in the console (issue 31 §5): a doc page or doc JSON pasted, imported by the core with its review
// shown, registered, and kept in localStorage as the table file the CLI's --api takes (exportable as such).
// Every table is checked by the core each time it is registered: a stored table is as untrusted as a pasted one.
import { drafts } from './drafts.mjs';

const KEY = 'tables';

// The stored tables, read once per change (each can be a megabyte of JSON: not parsed on every method switch).
let cache = null;

/** The stored tables: method → table file text (a Map: method names are data). */
export function storedTables() {
  if (cache) return new Map(cache);
  const map = new Map();
  try {
    const list = JSON.parse(drafts.get(KEY) ?? '[]');
    if (Array.isArray(list)) for (const text of list) if (typeof text === 'string') map.set(methodOf(text), text);
  } catch {
    // A damaged store keeps nothing (the next save rewrites it).
  }
  map.delete(undefined);
  cache = map;
  return new Map(map);
}

function methodOf(text) {
  try {
    const m = JSON.parse(text).method;
    return typeof m === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}

const store = (map) => {
  drafts.set(KEY, JSON.stringify([...map.values()]));
  cache = new Map(map);
};

/** Register every stored table; a table the core refuses (or a store changed by hand) is dropped. */
export function registerStored(q) {
  const kept = new Map();
  for (const [method, text] of storedTables()) {
    try {
      q.registerApi(text);
      kept.set(method, text);
    } catch {
      // Refused: not kept.
    }
  }
  store(kept);
  return [...kept.keys()];
}

/** Register a table and keep it; the method. Throws PayloadError when the core refuses it. */
export function addTable(q, table) {
  const method = q.registerApi(table);
  const map = storedTables();
  map.set(method, JSON.stringify(q.exportApi(method)));
  store(map);
  return method;
}

export function removeTable(q, method) {
  const map = storedTables();
  map.delete(method);
  store(map);
  // Its draft goes with it: nothing of a removed API is kept.
  drafts.savePayload(method, null);
  return q.unregisterApi(method);
}

export const isAdded = (method) => storedTables().has(method);

/**
 * Tell the stack this page came from (`npm start`: console-config.json names its door) about a table, so that
 * its signing proxy and local gateway take the method too. Resolves `null` when it did (or there is no stack),
 * else why not.
 */
export async function shareTable(config, text) {
  if (!config.tables || text === undefined) return null;
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${config.token}` };
    const res = await fetch(config.tables, { method: 'POST', headers, body: text });
    if (res.ok) return null;
    const body = await res.json().catch(() => ({}));
    return body.errors?.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`).join('; ') ?? body.error ?? `HTTP ${res.status}`;
  } catch (e) {
    return e.message;
  }
}

/** A removed table leaves the stack too (nothing of a removed API is kept); a failure changes nothing here. */
export async function unshareTable(config, method) {
  if (!config.tables) return;
  await fetch(`${config.tables}/${encodeURIComponent(method)}`, { method: 'DELETE', headers: { authorization: `Bearer ${config.token}` } }).catch(() => {});
}
