// The public JS API around the wasm core, shared by every build (the build emits this file as pkg/api.mjs and
// pkg/api.cjs). It holds no rule: it owns the wasm instance (initialization, and a fresh instance when one
// breaks or has grown large), turns refusals into PayloadError, picks the message language, and writes exact
// JSON. Every verdict comes from the core.

/** Thrown by render, buildRequest, chunk, signParams and parseResponse when the input is refused. */
class PayloadError extends Error {
  constructor(report, lang) {
    const errors = report.errors ?? [];
    const first = errors[0];
    const head = first ? (lang === 'zh' ? first.messageZh : first.message) : 'refused';
    const more = errors.length - 1;
    super(more > 0 ? (lang === 'zh' ? `${head}(另有 ${more} 个错误)` : `${head} (and ${more} more)`) : head);
    this.name = 'PayloadError';
    this.errors = errors;
    this.warnings = report.warnings ?? [];
  }
}

/** A one-issue refusal made on the JS side (nothing reached the core). */
function jsIssue(code, message, messageZh) {
  return { path: '', segments: [], code, params: {}, message, messageEn: message, messageZh };
}

/**
 * JSON text of a value, as JSON.stringify writes it, except that BigInts (Longs beyond 2^53) are written as
 * exact integers. No placeholder strings: a string that looks like a number stays a string. The engine's own
 * JSON.stringify writes every value without a BigInt (4× faster than the exact writer: an error body of 20
 * issues in 32 µs instead of 136); it refuses a BigInt with a TypeError, and then the exact writer writes the
 * whole value (a cycle ends there too, as before, in a RangeError).
 */
function stringify(value, space) {
  try {
    return JSON.stringify(value, null, space);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  return exactStringify(value, space);
}

/** The exact writer behind `stringify`: JSON.stringify's rules, with BigInts written as integers. */
function exactStringify(value, space) {
  const indent = typeof space === 'number' ? ' '.repeat(Math.max(0, Math.min(10, space))) : typeof space === 'string' ? space.slice(0, 10) : '';
  const write = (holder, key, v, pad) => {
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(key);
    else if (typeof v === 'bigint' && typeof v.toJSON === 'function') v = v.toJSON(key);
    if (v === null) return 'null';
    switch (typeof v) {
      case 'bigint': return v.toString();
      case 'string': return JSON.stringify(v);
      case 'number': return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean': return v ? 'true' : 'false';
      case 'object': break;
      default: return undefined; // undefined, functions and symbols: omitted (null inside arrays)
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) return JSON.stringify(v);
    const inner = pad + indent;
    const sep = indent ? `,\n${inner}` : ',';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const parts = [];
      for (let i = 0; i < v.length; i++) parts.push(write(v, String(i), v[i], inner) ?? 'null');
      return indent ? `[\n${inner}${parts.join(sep)}\n${pad}]` : `[${parts.join(',')}]`;
    }
    const parts = [];
    for (const k of Object.keys(v)) {
      const s = write(v, k, v[k], inner);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${indent ? ' ' : ''}${s}`);
    }
    if (parts.length === 0) return '{}';
    return indent ? `{\n${inner}${parts.join(sep)}\n${pad}}` : `{${parts.join(',')}}`;
  };
  return write({ '': value }, '', value, '');
}

/**
 * An issue path as Standard Schema path segments: `item[3].itemCode` → ['item', 3, 'itemCode'] (an index past
 * 2^53 - 1, only ever a key's own brackets, stays text). `Segments` in src/report/mod.rs writes them for the
 * reports read from the core; this reads them for the reports that arrive as objects.
 */
function pathSegments(path) {
  const out = [];
  for (const m of String(path).matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    const index = m[1] === undefined ? undefined : Number(m[1]);
    out.push(index === undefined ? m[2] : Number.isSafeInteger(index) ? index : m[1]);
  }
  return out;
}

// A report's lazy parts (see `report` in makeApi): accessors shared by every report, which find the report's
// texts under a non-enumerable symbol; reading one replaces it with an ordinary data property, and so does
// assigning one. (Accessors cost ~2 µs per report to install, so a report with nothing to defer gets none.)
const LAZY = Symbol('qimen-payload lazy report');
const settle = (r, name, value) => Object.defineProperty(r, name, { value, writable: true, enumerable: true, configurable: true });
const lazyPart = (name, read) => ({
  get() {
    read(this, this[LAZY]);
    return this[name];
  },
  set(value) {
    settle(this, name, value);
  },
  enumerable: true,
  configurable: true,
});
const readValue = (r, lazy) => settle(r, 'value', JSON.parse(lazy.keptValueText(lazy)));
// The issues are read by their API instance (it holds the core that has their words).
const readIssuesOf = (r, lazy) => lazy.readIssues(r);
// Installed one `defineProperty` each (`defineProperties` with a map of them costs twice as much).
const LAZY_VALUE = lazyPart('value', readValue);
const LAZY_ERRORS = lazyPart('errors', readIssuesOf);
const LAZY_WARNINGS = lazyPart('warnings', readIssuesOf);
// A report crosses as one number, `number × 8 + flags` (`report_to_js` in src/wasm/mod.rs): the verdict, whether
// the core keeps issues, whether it keeps a value, and the report's number to ask for them by.
const OK = 1;
const ISSUES = 2;
const VALUE = 4;
const reportNumber = (answer) => (answer - (answer & 7)) / 8;

// Past this size of linear memory (wasm memory never shrinks), the instance is replaced by a fresh one between
// calls, so one large input does not keep its memory for the life of the process.
const MEMORY_CEILING = 64 * 1024 * 1024;

/**
 * `createGlue` makes a glue (one serves both modules: scripts/one-glue.mjs); `tools.source()` gives the tools
 * module (schema, importDoc, apiTypes: pkg/qimen_payload_tools_bg.wasm) — its bytes or compiled module —
 * synchronously where the entry point can (Node reads the file, workerd imports it), else undefined (browsers:
 * `initTools()` fetches it).
 */
function makeApi(createGlue, tools) {
  let language = 'en';
  let glue = null; // the live instance's glue, or null before initialization
  let compiled = null; // the compiled WebAssembly.Module, to instantiate afresh
  let pending = null; // an init() under way
  const stats = { instances: 0, recoveries: 0, memoryResets: 0, toolsInstances: 0, tableChanges: 0 };

  // The tables registered at run time, as their files (method → text): a fresh instance reads them again, so
  // replacing an instance (after a trap, or to give memory back) never loses one.
  const tables = new Map();
  // Method name → its index in the core (`methodIndex`), which the hot calls take instead of the name (`checkAt`,
  // `verdictAt`: no name copied in per call). Known methods only (a caller's unknown names are not kept);
  // cleared whenever the methods or the instance change, since an index is valid only until then.
  const indices = new Map();
  const adopt = (g) => {
    indices.clear();
    for (const text of tables.values()) g.registerApi(text);
    glue = g;
    compiled = g.compiledModule() ?? compiled;
    stats.instances += 1;
  };

  /** Instantiate synchronously from bytes or a compiled module (also `{ module }`). */
  function initSync(input) {
    if (glue) return;
    const source = input && Object.getPrototypeOf(input) === Object.prototype && 'module' in input ? input.module : input;
    if (source === undefined || source === null) throw new TypeError('initSync(bytesOrModule): pass the .wasm bytes or a WebAssembly.Module');
    const g = createGlue();
    g.initSync({ module: source });
    adopt(g);
  }

  /**
   * Instantiate from a URL (string or URL), a Request, a Response or a promise of one, the bytes, or a
   * WebAssembly.Module. Resolves at once when already initialized; a failed attempt can be retried.
   */
  function init(input, defaultSource) {
    if (glue) return Promise.resolve();
    if (pending) return pending;
    pending = (async () => {
      const g = await instantiate(createGlue, input, defaultSource, 'qimen_payload_bg.wasm', 'init');
      if (!glue) adopt(g);
    })().finally(() => { pending = null; });
    return pending;
  }

  /** A new glue instantiated from what `init` or `initTools` was given (`{ module_or_path }` too), or the default. */
  async function instantiate(makeGlue, input, defaultSource, file, fn) {
    const source = input && Object.getPrototypeOf(input) === Object.prototype && 'module_or_path' in input ? input.module_or_path : input;
    const g = makeGlue();
    const chosen = source ?? (defaultSource ? defaultSource() : undefined);
    if (chosen === undefined) throw new TypeError(`${fn}(input): pass a URL, Response, bytes or WebAssembly.Module of ${file}`);
    try {
      await g.init({ module_or_path: await chosen });
    } catch (e) {
      const where = typeof chosen === 'string' || chosen instanceof URL ? ` from ${chosen}` : '';
      throw new Error(`qimen-payload: cannot load ${file}${where}: ${e && e.message}. If a bundler moved this `
        + "module away from its .wasm (Vite's dev server pre-bundles dependencies into .vite/deps), pass the URL: "
        + `${fn}(wasmUrl), or exclude the package from pre-bundling (Vite: optimizeDeps.exclude: ['qimen-payload']; Nuxt: the same under vite: in nuxt.config). `
        + 'A bundler that does not emit the .wasm (esbuild, Rollup) needs it next to the bundle: '
        + `cp node_modules/qimen-payload/pkg/${file} <your output directory>/`, { cause: e });
    }
    return g;
  }

  // The tools module: a second instance, made on first use (the default module leaves the tools out: 56 KB of
  // its gzipped size, BENCHMARKS.md). It holds the same registered tables — each is registered there when the
  // instance is made, and a change to them lets it go, to be made again with them — and, like the default
  // instance, it is replaced after an exception or once it has grown large.
  let toolsGlue = null;
  let toolsCompiled = null;
  let toolsPending = null;
  const adoptTools = (g) => {
    for (const text of tables.values()) g.registerApi(text);
    toolsGlue = g;
    toolsCompiled = g.compiledModule() ?? toolsCompiled;
    stats.toolsInstances += 1;
  };
  /** Load the tools module now (browsers: before `schema`, `importDoc`, `apiTypes`); as `init` takes its input. */
  function initTools(input, defaultSource) {
    if (toolsGlue || toolsCompiled) return Promise.resolve();
    if (toolsPending) return toolsPending;
    toolsPending = (async () => {
      const g = await instantiate(createGlue, input, defaultSource ?? tools.source, 'qimen_payload_tools_bg.wasm', 'initTools');
      if (!toolsGlue) adoptTools(g);
    })().finally(() => { toolsPending = null; });
    return toolsPending;
  }
  const toolsInstance = () => {
    if (toolsGlue) return toolsGlue;
    let source = toolsCompiled;
    if (!source) {
      try {
        source = tools.source();
      } catch {
        source = undefined; // not there (a bundle without the file): said below
      }
    }
    if (!source) {
      throw new PayloadError({
        errors: [jsIssue('tools_not_loaded', 'schema, importDoc and apiTypes need the tools module: call `await initTools()` first '
          + '(it loads qimen_payload_tools_bg.wasm, beside qimen_payload_bg.wasm)',
        'schema、importDoc 和 apiTypes 需要工具模块:请先调用 `await initTools()`(它加载 qimen_payload_bg.wasm 旁边的 qimen_payload_tools_bg.wasm)')],
      }, language);
    }
    const g = createGlue();
    g.initSync({ module: source });
    adoptTools(g);
    return g;
  };
  // A call into the tools module: as `call` does for the default one.
  const tool = (name, ...args) => {
    const g = toolsInstance();
    let out;
    try {
      out = g[name](...args);
    } catch (e) {
      stats.recoveries += 1;
      toolsGlue = null;
      throw e;
    }
    if (g.memoryBytes() > MEMORY_CEILING) {
      stats.memoryResets += 1;
      toolsGlue = null;
    }
    return out;
  };

  const fresh = () => {
    if (!compiled) return;
    const g = createGlue();
    g.initSync({ module: compiled });
    adopt(g);
  };

  // Every call into the core goes through here. A healthy core never throws (refusals are values), so an
  // exception means the instance may be broken (a trap, or a JS exception that unwound through wasm frames):
  // the instance is replaced before the error is passed on, and the next call runs on a fresh one.
  const call = (name, ...args) => {
    if (!glue) {
      throw new PayloadError({
        errors: [jsIssue('not_initialized', 'qimen-payload is not initialized: call `await init()` (or `initSync(bytes)`) first',
          'qimen-payload 尚未初始化:请先调用 `await init()`(或 `initSync(bytes)`)')],
      }, language);
    }
    let out;
    try {
      out = glue[name](...args);
    } catch (e) {
      stats.recoveries += 1;
      glue = null;
      fresh();
      throw e;
    }
    if (glue.memoryBytes() > MEMORY_CEILING) {
      if (holding) resetDue = true;
      else {
        stats.memoryResets += 1;
        fresh();
      }
    }
    return out;
  };
  // While `f` runs, a grown instance is kept (its reset waits until `f` returns): a report's words must be
  // read from the instance that holds its issues.
  let holding = false;
  let resetDue = false;
  const holdingInstance = (f) => {
    const outer = holding;
    holding = true;
    try {
      return f();
    } finally {
      holding = outer;
      if (!holding && resetDue) {
        resetDue = false;
        stats.memoryResets += 1;
        fresh();
      }
    }
  };

  // `message` in the chosen language; `messageEn` and `messageZh` always both present.
  const localize = (issues) => {
    for (const i of issues ?? []) {
      i.messageEn ??= i.message;
      i.message = language === 'zh' ? i.messageZh : i.messageEn;
      i.segments ??= pathSegments(i.path); // as readIssues gives them to a report read from text
    }
    return issues;
  };
  const localized = (r) => {
    localize(r.errors);
    localize(r.warnings);
    return r;
  };
  const unwrap = (r) => {
    if (r && r.ok === true && 'value' in r && !('errors' in r)) return r.value;
    throw new PayloadError(localized(r), language);
  };

  // A report from the core: its number and flags (`reportNumber`, `OK`, `ISSUES`, `VALUE`), the issues and the
  // value kept in the core — or an object when the value holds a Long beyond 2^53.
  // Each part is read when first asked for: `r.ok` at once; `r.errors`/`r.warnings` when one is first read,
  // with their messages and TOP form, which the core formats then (`issuesText`); `r.value` when it is read. Each is
  // then an ordinary data property, in its usual place, so a caller that wants the verdict pays for none of
  // them. `again` checks the same input once more, for when the core has answered another call in between and
  // no longer holds this report's issues; without it (an argument that could have changed since: an object,
  // bytes) the issues are read at once.
  const report = (answer, again) => {
    if (typeof answer !== 'number') return localized(answer);
    const ok = (answer & OK) !== 0;
    const hasValue = (answer & VALUE) !== 0;
    if ((answer & ISSUES) === 0) {
      if (!hasValue) return { ok, errors: [], warnings: [] };
      const r = Object.defineProperty({ ok }, 'value', LAZY_VALUE);
      r.errors = [];
      r.warnings = [];
      const lazy = { number: reportNumber(answer), glue, again, keptValueText };
      Object.defineProperty(r, LAZY, { value: lazy });
      if (!again || resetDue) readValue(r, lazy);
      return r;
    }
    const r = { ok };
    if (hasValue) Object.defineProperty(r, 'value', LAZY_VALUE);
    Object.defineProperty(r, 'errors', LAZY_ERRORS);
    Object.defineProperty(r, 'warnings', LAZY_WARNINGS);
    const lazy = { number: reportNumber(answer), glue, again, language, readIssues, keptValueText };
    Object.defineProperty(r, LAZY, { value: lazy });
    // Read now when the input could change, or when the instance holding the issues is about to go.
    if (!again || resetDue) {
      readIssues(r);
      if (hasValue) readValue(r, lazy);
    }
    return r;
  };

  /** A part of a report the core keeps for its latest report (`valueText`, `issuesText`), else checked again. */
  function kept(part, lazy, what, ...args) {
    let text = lazy.glue === glue ? call(part, lazy.number, ...args) : undefined;
    if (text === undefined && lazy.again) {
      text = holdingInstance(() => call(part, reportNumber(lazy.again()), ...args));
    }
    if (text === undefined) throw new Error(`qimen-payload: ${what} of this report ${what.endsWith('s') ? 'are' : 'is'} no longer available`);
    return text;
  }
  const keptValueText = (lazy) => kept('valueText', lazy, 'the value');

  /**
   * Settle a lazy report's issues: from the core, as the API gives them (`report::Shown`: `message` in the
   * report's language — set here —, `messageZh`, the TOP form, `messageEn`, and `segments`, the path as a form
   * library's field name (NamePath): `item[3].itemCode` → ['item', 3, 'itemCode']).
   */
  function readIssues(r) {
    const lazy = r[LAZY];
    const { errors, warnings } = JSON.parse(kept('issuesText', lazy, 'the messages'));
    // `message` comes null, in its place: it is one of the other two.
    const zh = lazy.language === 'zh';
    for (const issue of errors) issue.message = zh ? issue.messageZh : issue.messageEn;
    for (const issue of warnings) issue.message = zh ? issue.messageZh : issue.messageEn;
    settle(r, 'errors', errors);
    settle(r, 'warnings', warnings);
  }
  /**
   * `{ status, body }` of a refused report from `check` whose issues were not read into JS yet: the HTTP status
   * and the `error_response` body text, written by the core from the issues it keeps (`refusalText`,
   * `report::refusal`) — the same answer the server core writes from read issues (`statusOf`, `errorResponse`),
   * without reading them first. Otherwise undefined.
   */
  const coreRefusal = (r) => {
    const lazy = r !== null && typeof r === 'object' ? r[LAZY] : undefined;
    if (!lazy?.readIssues || typeof Object.getOwnPropertyDescriptor(r, 'errors')?.get !== 'function') return undefined;
    return kept('refusalText', lazy, 'the messages', lazy.language === 'zh');
  };

  // A report-making call, its issues read lazily when checking it again is sure to give the same report: only
  // strings (and absent arguments) cannot change in between.
  const checked = (name, ...args) => holdingInstance(() => {
    const again = args.every((a) => typeof a === 'string' || a === undefined) ? () => call(name, ...args) : undefined;
    return report(call(name, ...args), again);
  });
  const indexOf = (method) => {
    if (typeof method !== 'string') return -1;
    let i = indices.get(method);
    if (i === undefined) {
      i = call('methodIndex', method);
      if (i >= 0) indices.set(method, i);
    }
    return i;
  };
  // By the method's index when it is a known method, else by what was given (an unknown method is reported).
  // Checked again (`again`) by name: by then the index may name another method, or the instance be another.
  const checkedBy = (byIndex, byName, method, payload) => {
    const i = indexOf(method);
    if (i < 0) return checked(byName, method, payload);
    return holdingInstance(() => report(call(byIndex, i, payload), typeof payload === 'string' ? () => call(byName, method, payload) : undefined));
  };
  const check = (method, payload) => checkedBy('checkAt', 'check', method, payload);
  // The verdict alone: the core does not write the value and nothing parses it.
  const validate = (method, payload) => checkedBy('verdictAt', 'verdict', method, payload);

  // Standard Schema v1 (standardschema.dev), the interface zod, valibot and arktype share and tRPC, Hono,
  // TanStack Form, react-hook-form… accept: `value` is the normalized payload, `issues` the errors.
  const made = new Map();
  // One object per method (no initialization needed: `validate` calls the core only when used).
  const standardSchema = (method) => {
    if (!made.has(method)) made.set(method, makeStandardSchema(method));
    return made.get(method);
  };
  const makeStandardSchema = (method) => ({
    '~standard': {
      version: 1,
      vendor: 'qimen-payload',
      validate(value) {
        const r = check(method, value);
        if (r.ok) return { value: r.value };
        return { issues: r.errors.map((e) => ({ message: e.message, path: e.segments, code: e.code })) };
      },
    },
  });
  // schemas[method]: made on first use. The method list comes from the core, so it is read once, after
  // initialization (not on every property access).
  let names = null;
  const methodNames = () => (glue ? (names ??= new Set(call('methods').map((m) => m.method))) : null);
  // A table or doc given as text, bytes (a file as read: BOM and invalid UTF-8 as TextDecoder reads them) or
  // its parsed object.
  const fileText = (f) => (typeof f === 'string' ? f : f instanceof Uint8Array ? new TextDecoder().decode(f) : stringify(f));
  // A refused table or doc: its problems as issues (English only; each at a path into the table or doc).
  const tableError = (r) => new PayloadError({ errors: r.errors.map((e) => ({ ...e, params: {}, messageEn: e.message, messageZh: e.message })) }, language);
  /**
   * Register a rule table (the table file as text, or its parsed object): after it every function takes its
   * method. A refused table throws PayloadError, its `errors` at paths into the table (`fields[2].codes[0]`).
   */
  const registerApi = (table) => {
    const text = fileText(table);
    if (typeof text !== 'string') throw new TypeError('registerApi(table): pass the table file as text or as its object');
    const r = call('registerApi', text);
    if (!r.ok) throw tableError(r);
    tables.set(r.value, text);
    toolsGlue = null;
    indices.clear();
    names = null;
    stats.tableChanges += 1;
    return r.value;
  };
  /**
   * A rule table from the platform's doc JSON or doc page text: `{ table, review }`, every inference in `review`
   * (`decision: true` where it changes a verdict); `overlay` (an object or its JSON) is merged over the table.
   * Throws PayloadError when the doc (or the doc with the overlay) cannot make a table.
   */
  const importDoc = (doc, overlay) => {
    const r = tool('importDoc', fileText(doc), overlay === undefined ? undefined : fileText(overlay));
    if (!r.ok) throw tableError(r);
    return JSON.parse(r.value);
  };
  const unregisterApi = (method) => {
    const removed = call('unregisterApi', method);
    if (removed) {
      tables.delete(method);
      toolsGlue = null;
      indices.clear();
      made.delete(method);
      names = null;
      stats.tableChanges += 1;
    }
    return removed;
  };
  const known = (method) => typeof method === 'string' && methodNames()?.has(method) === true;
  // Before initialization (a browser's module scope) the names are not known yet: a method's object exists
  // anyway, as its type says; its `validate` asks for init() (PayloadError not_initialized) until it is done.
  const schemas = new Proxy({}, {
    get: (_, method) => (typeof method === 'string' && (!glue || known(method)) ? standardSchema(method) : undefined),
    has: (_, method) => known(method),
    ownKeys: () => [...(methodNames() ?? [])],
    getOwnPropertyDescriptor: (_, method) => (known(method) ? { value: standardSchema(method), enumerable: true, configurable: true, writable: false } : undefined),
  });

  return {
    PayloadError,
    standardSchema,
    schemas,
    initSync,
    init,
    initTools,
    stringify,
    /** Whether a wasm instance is ready. */
    isReady: () => glue !== null,
    /** How many instances were made, how many after an exception, how many to give memory back. */
    instanceStats: () => ({ ...stats }),
    /** 'en' (default) or 'zh': the language of `message` in issues and of PayloadError messages. */
    setLanguage(lang) {
      if (lang !== 'en' && lang !== 'zh') throw new TypeError(`language must be 'en' or 'zh', not ${String(lang)}`);
      language = lang;
    },
    getLanguage: () => language,
    // The core answers a report as its number (its parts kept in the core) or, when it holds a BigInt, as an object.
    check,
    validate,
    isValid: (method, payload) => validate(method, payload).ok,
    // A string is the rendered text; an object is the refusing report. The format is 'json' | 'xml' or
    // { format }; anything else reaches the core, which refuses it at options.format.
    render: (method, payload, options) => {
      const format = options === undefined || typeof options === 'string' ? options
        : options !== null && typeof options === 'object' && !Array.isArray(options) ? options.format : options;
      const raw = call('render', method, payload, format);
      if (typeof raw === 'string') return raw;
      throw new PayloadError(localized(raw), language);
    },
    chunk: (method, payload) => unwrap(call('chunk', method, payload)),
    buildRequest: (method, payload, options) => unwrap(call('buildRequest', method, payload, options)),
    signParams: (params, secret, signMethod = 'md5', body) => unwrap(call('signParams', params, secret, signMethod, body)),
    parseResponse: (method, text) => unwrap(call('parseResponse', method, text)),
    schema: (method) => JSON.parse(unwrap(tool('schema', method))),
    registerApi,
    unregisterApi,
    importDoc,
    /** TypeScript for registered methods: their interfaces and a module augmentation of the package's types. */
    apiTypes: (methods) => unwrap(tool('apiTypes', [...methods].map(String))),
    /** The table file (as an object) of a shipped or registered method: what `registerApi` takes. */
    exportApi: (method) => JSON.parse(unwrap(call('exportApi', method))),
    fields: (method) => unwrap(call('fields', method)),
    limits: () => call('limits'),
    protocol: () => call('protocol'),
    memoryBytes: () => call('memoryBytes'),
    methods: () => call('methods'),
    example: (method) => call('example', method),
    /** `check` for a payload given as an XML body (`<request>…</request>`, the Qimen classic protocol). */
    checkXml: (method, text, customerId) => checked('checkXml', method, text, customerId),
    /** The server adapters' refusals before `check` (too large, not JSON, too slow, unreadable), from the core. */
    refusal: (kind, value, atLeast = false) => localized(call('refusal', kind, value, atLeast)),
    coreRefusal,
  };
}
