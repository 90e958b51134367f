// The public JS API around the wasm core, shared by the Node and web builds (the build emits this file as
// pkg/node/api.cjs and pkg/web/api.mjs). It holds no rule: it turns refusals into PayloadError and picks the
// message language. Every verdict comes from the core.

/** Thrown by render, buildRequest, chunk, signParams and parseResponse when the input is refused. */
class PayloadError extends Error {
  constructor(report, lang) {
    const errors = report.errors ?? [];
    const first = errors[0];
    const head = first ? (lang === 'zh' ? first.messageZh : first.message) : 'refused';
    super(errors.length > 1 ? `${head} (and ${errors.length - 1} more)` : head);
    this.name = 'PayloadError';
    this.errors = errors;
    this.warnings = report.warnings ?? [];
  }
}

function makeApi(core) {
  let language = 'en';

  // `message` in the chosen language; `messageEn` and `messageZh` always both present.
  const localize = (issues) => {
    for (const i of issues ?? []) {
      i.messageEn ??= i.message;
      i.message = language === 'zh' ? i.messageZh : i.messageEn;
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
  const formatOf = (options) => (typeof options === 'string' ? options : options?.format ?? 'json');

  return {
    PayloadError,
    /** 'en' (default) or 'zh': the language of `message` in issues and of PayloadError messages. */
    setLanguage(lang) {
      if (lang !== 'en' && lang !== 'zh') throw new TypeError(`language must be 'en' or 'zh', not ${String(lang)}`);
      language = lang;
    },
    getLanguage: () => language,
    // The core answers a report as JSON text (fast) or, when it holds a BigInt, as an object.
    check: (method, payload) => {
      const raw = core.check(method, payload);
      return localized(typeof raw === 'string' ? JSON.parse(raw) : raw);
    },
    // A string is the rendered text; an object is the refusing report.
    render: (method, payload, options) => {
      const raw = core.render(method, payload, formatOf(options));
      if (typeof raw === 'string') return raw;
      throw new PayloadError(localized(raw), language);
    },
    chunk: (method, payload) => unwrap(core.chunk(method, payload)),
    buildRequest: (method, payload, options) => unwrap(core.buildRequest(method, payload, options)),
    signParams: (params, secret, signMethod = 'md5', body) => unwrap(core.signParams(params, secret, signMethod, body)),
    parseResponse: (method, text) => unwrap(core.parseResponse(method, text)),
    schema: (method) => JSON.parse(unwrap(core.schema(method))),
    fields: (method) => unwrap(core.fields(method)),
    limits: () => core.limits(),
    memoryBytes: () => core.memoryBytes(),
    methods: () => core.methods(),
    example: (method) => core.example(method),
  };
}
