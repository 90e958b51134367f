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
