// The generic part of the qimen-payload types. The per-API `…Payload` / `…Value` interfaces and the
// `Payloads` / `Values` maps below it are generated from the rule tables.

export type Method = keyof Payloads;
/** A payload: a typed object, JSON text (the fast path), or UTF-8 bytes. */
export type PayloadInput<M extends Method> = Payloads[M] | string | Uint8Array;

export type IssueCode =
  /*generated:IssueCode*/
  /** JS side only: a function was called before `init()`/`initSync()` (browser builds): no core to ask yet. */
  | 'not_initialized'
  /** JS side only: `schema`, `importDoc` or `apiTypes` in a browser before `await initTools()`. */
  | 'tools_not_loaded';

export interface Issue {
  /** `item[3].itemCode`; `""` for the payload as a whole. */
  path: string;
  /** The same path as segments, a form library's field name (Ant Design's NamePath): `['item', 3, 'itemCode']`. */
  segments: (string | number)[];
  code: IssueCode;
  params: Record<string, string | number | boolean | string[]>;
  /** The field's name for people, from the rule table (absent for a member the table does not have). */
  label?: { en: string; zh: string };
  /** 1-based number of the entry in the innermost list (`item[4].retailPrice` → 5). */
  position?: number;
  /** In the language chosen with setLanguage (English by default). */
  message: string;
  messageEn: string;
  messageZh: string;
  /** Errors only: the TOP SDK client-error code, 40 (missing) or 41 (invalid). */
  topCode?: 40 | 41;
  topMessage?: string;
}

/** What `check` answers: a discriminated union on `ok`, so `if (r.ok) r.value` is typed. */
export type Report<V = unknown> =
  | { ok: true; /** The normalized payload. */ value: V; errors: []; warnings: Issue[] }
  | { ok: false; value?: undefined; errors: Issue[]; warnings: Issue[] };

/** Thrown when a payload (or an option) is refused. */
export class PayloadError extends Error {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

export type SignMethod = /*generated:SignMethod*/;

export interface BuildOptions {
  appKey: string;
  secret: string;
  /** Default: `'hmac-sha256'` in form mode, `'md5'` with `body: 'xml'` (as the platform's clients). */
  signMethod?: SignMethod;
  session?: string;
  /** Default: now. Always sent as `yyyy-MM-dd HH:mm:ss` in GMT+8. */
  timestamp?: Date | number | string;
  format?: 'json' | 'xml';
  targetAppKey?: string;
  /** Default `qimen-payload-<version>`; `null` or `''` sends none. */
  partnerId?: string | null;
  /** Sent only when true. */
  simplify?: boolean;
  /** `'form'` (TOP form protocol, default) or `'xml'` (classic Qimen XML-body protocol; `qimen.*` methods only). */
  body?: 'form' | 'xml';
}

export interface BuiltRequest {
  query: Record<string, string>;
  queryString: string;
  form: Record<string, string>;
  body: string;
  contentType: string;
  sign: string;
}

/** What every parsed answer has; each method's own fields are in `Responses` (generated from its response table). */
export interface ParsedCommon {
  ok: boolean;
  /** True for the platform's `error_response`. */
  errorResponse: boolean;
  code?: string;
  message?: string;
  subCode?: string;
  subMessage?: string;
  requestId?: string;
}

/** Any method's parsed answer. A field the answer lacks is omitted, at every level. */
export type ParsedResponse = Responses[Method];

export interface MethodInfo {
  method: Method;
  titleZh: string;
  summary: string;
  summaryZh: string;
  listField?: string;
  /** Field names from the root to the limited list, e.g. ['shop_inventory_edit', 'detail_list']. */
  listPath: string[];
  listLimit?: number;
  /** Whether the classic Qimen XML-body protocol is spoken (`buildRequest`'s `body: 'xml'`). */
  xmlBody: boolean;
  /** The field sent as Qimen's routing `customerId` in the XML-body protocol, if any. */
  routingField?: string;
  /** The element a TOP answer of this method is wrapped in, e.g. `inventory_shopinv_adjust_response`. */
  responseElement: string;
  /** The answer's fields by wire name, from the response table. */
  response: AnswerInfo[];
  /** The least answer body (JSON text) the response table reads as a success. */
  successAnswer: string;
}

/** One field of a method's answer, as data. */
export interface AnswerInfo {
  wire: string;
  /** The name in `parseResponse`'s result. */
  name: string;
  kind: 'text' | 'bool' | 'object' | 'entries' | 'pluck';
  /** A list's entry element: each entry in XML, the list's wrapper in JSON. */
  entryElement?: string;
  /** An object's or an entry's fields; for `pluck`, the one field each entry is read for. */
  fields?: AnswerInfo[];
}

/** One field of a rule table, as data. */
export interface FieldInfo {
  name: string;
  kind: 'string' | 'long' | 'boolean' | 'price' | 'discount' | 'date' | 'datetime' | 'enum' | 'object' | 'list';
  required: boolean;
  maxLength?: number;
  labelZh: string;
  labelEn: string;
  example: string;
  codes?: { code: string; labelZh: string; labelEn: string }[];
  maxItems?: number;
  minItems?: number;
  typeName?: string;
  /** A date's or date-time's canonical form, e.g. `YYYY-MM-DD`. */
  format?: string;
  /** A list's XML entry element, e.g. `shop_inventory_edit_detail_d_t_o`. */
  entryElement?: string;
  fields?: FieldInfo[];
}

export function check<M extends Method>(method: M, payload: PayloadInput<M>): Report<Values[M]>;
/** The verdict without the normalized value: `check` minus the value's writing and reading (cheaper). */
export function validate<M extends Method>(method: M, payload: PayloadInput<M>): Omit<Report<Values[M]>, 'value'>;
/** Whether the payload is valid (`validate(method, payload).ok`). */
export function isValid<M extends Method>(method: M, payload: PayloadInput<M>): boolean;
export function render<M extends Method>(method: M, payload: PayloadInput<M>, options?: { format?: 'json' | 'xml' } | 'json' | 'xml'): string;
export function chunk<M extends Method>(method: M, payload: PayloadInput<M>): Values[M][];
export function buildRequest<M extends Method>(method: M, payload: PayloadInput<M>, options: BuildOptions): BuiltRequest;
export function signParams(params: Record<string, string | number | boolean | bigint | null | undefined>, secret: string, signMethod?: SignMethod, body?: string): string;
export function parseResponse<M extends Method>(method: M, text: string): Responses[M];
/** The API's JSON Schema (2020-12) of the canonical payload. A tool: browsers `await initTools()` first. */
export function schema(method: Method): Record<string, unknown>;
/** A rule table file (format `qimen-payload/table@1`, described in the README's "Tables as data"), as `exportApi` gives it. */
export interface TableFile { format: 'qimen-payload/table@1'; method: string; fields: unknown[]; [property: string]: unknown }
/** Register a rule table: its method is then taken by every function. Throws PayloadError, its `errors` at paths into the table. */
export function registerApi(table: TableFile | string): string;
/** Stop answering for a registered method; whether one was removed (shipped methods cannot be). */
export function unregisterApi(method: string): boolean;
/** The table file of a shipped or registered method. */
export function exportApi(method: Method): TableFile;
/** TypeScript for registered methods: their interfaces and a module augmentation of this package's types. A tool (see `initTools`). */
export function apiTypes(methods: string[]): string;
/** One inference of `importDoc`, with the doc's words it came from. */
export interface ReviewItem {
  field: string;
  kind: 'enum' | 'open_enum' | 'date' | 'length' | 'list_limit' | 'contradiction' | 'price' | 'same_label' | 'root' | 'chunked' | 'unsupported' | 'success';
  sure: 'high' | 'medium' | 'low';
  /** It changes a verdict: a person decides before the table is used. */
  decision: boolean;
  /** What the importer did, in English. */
  what: string;
  /** The same, in Chinese. */
  what_zh: string;
  from: string;
}
/** A rule table from the platform's doc JSON (text, bytes or parsed) or doc page text, with every inference listed; `overlay` merged over it. A tool (see `initTools`). */
export function importDoc(doc: string | Uint8Array | object, overlay?: string | object): { table: TableFile; review: ReviewItem[] };
export function methods(): MethodInfo[];
/** The API's rule table as data (what the admin console builds its form from). */
export function fields(method: Method): FieldInfo[];
export function limits(): { maxInputBytes: number; maxDepth: number; maxIssues: number };
/** Size of the wasm module's linear memory in bytes. */
export function memoryBytes(): number;
/** The seed's request example as JSON text. */
export function example(method: Method): string;
/**
 * `check` for a payload given as an XML body (`<request>…</request>`, as the Qimen classic protocol sends it);
 * `customerId` is the query's routing id, put back where the table has the routing field.
 */
export function checkXml<M extends Method>(method: M, xml: string, customerId?: string): Report<Values[M]>;
/** The wire protocol's facts as the core declares them. */
export function protocol(): {
  systemParams: string[]; formats: Array<'json' | 'xml'>; signMethods: SignMethod[]; version: string;
  /** The routers' paths: TOP's, and Qimen's with its test twin. */
  routers: { top: string; qimen: string; qimenTest: string };
  /** The platform's entry points (full router URLs) for production and the sandbox. */
  endpoints: Array<{ name: 'production' | 'sandbox'; top: string; qimen: string }>;
  /** How far a call's `timestamp` may be from the platform's clock, either way (ms): ten minutes. */
  timestampWindowMs: number;
};
export function setLanguage(lang: 'en' | 'zh'): void;
export function getLanguage(): 'en' | 'zh';
/**
 * Where the wasm comes from: a URL (string or `URL`), a `Request`, a fetch `Response` or a promise of one, the
 * bytes of `qimen_payload_bg.wasm`, or a compiled `WebAssembly.Module`. (Structural, so that the Node types need
 * no DOM library.)
 */
export type InitInput = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | PromiseLike<unknown> | object;
/**
 * Instantiate the wasm. In Node, Bun, Deno and workerd the module is ready at import and this resolves at once;
 * in browsers it fetches `qimen_payload_bg.wasm` next to the module unless given `input`. A failed attempt can
 * be retried. Calling any other function first throws a PayloadError with code `not_initialized`.
 */
export function init(input?: InitInput): Promise<void>;
/**
 * Load the tools module, `qimen_payload_tools_bg.wasm` (what `schema`, `importDoc` and `apiTypes` need; the
 * default module leaves them out). In Node, Bun, Deno and workerd it loads by itself on first use, so this is
 * optional there; in browsers it fetches the file next to the module unless given `input` (as `init` takes
 * it), and those three throw a PayloadError with code `tools_not_loaded` until it has.
 */
export function initTools(input?: InitInput): Promise<void>;
/** Instantiate synchronously from the bytes of `qimen_payload_bg.wasm` or a compiled `WebAssembly.Module`. */
export function initSync(input: ArrayBuffer | ArrayBufferView | object): void;
/** Whether the wasm is instantiated. */
export function isReady(): boolean;
/**
 * Instances made; how many replaced a broken one after an exception; how many gave memory back; tools instances
 * made; how many times `registerApi`/`unregisterApi` changed the tables (a server that keeps what it knows of the
 * methods reads them again when this changes).
 */
export function instanceStats(): { instances: number; recoveries: number; memoryResets: number; toolsInstances: number; tableChanges: number };
/** JSON text as JSON.stringify writes it, except that BigInts (Longs beyond 2^53) are exact integers. */
export function stringify(value: unknown, space?: number | string): string;
/**
 * The platform's `error_response` body for a refused report, from its first issue's own `topCode`/`topMessage`;
 * `sub_msg` in `language` (the library's language when not given).
 */
export function errorResponse(report: Report, language?: 'zh' | 'en'): ErrorResponse;
/**
 * A Web `Response` of `value` as JSON written by the exact writer (`stringify`): BigInt Longs beyond 2^53 are
 * exact integers, where `Response.json` throws. For Hono, Next.js route handlers, Bun, Deno and Workers.
 */
export function jsonResponse(value: unknown, init?: { status?: number; statusText?: string; headers?: object }): any; // a Response (no lib dom needed)
/**
 * Send `value` as exact JSON through a Node response (`node:http`, Express, Connect), a Fastify reply or a Koa
 * context, with `status` (200). Node builds only.
 */
export function sendJson(target: object, value: unknown, status?: number): unknown;
/** The most issues an `error_response` lists, and warnings a proxy answer lists (their count is always given). */
export const MAX_LISTED: number;
export interface ErrorResponse {
  error_response: { code: number; msg: string; sub_code: string; sub_msg: string; error_count: number; errors: Issue[] };
}
/** 400, or 413 (too large), 415 (not JSON), 408 (body too slow) for a refused report. */
export function statusOf(report: Report): number;
/** The framework-neutral core of the server adapters: the raw body (bytes or text) of a request for `method`. */
export function checkBody<M extends Method>(method: M, body: PayloadInput<M>, options?: MiddlewareOptions):
  | { ok: true; status: 200; value: Values[M]; warnings: Issue[] }
  | { ok: false; status: number; headers: Record<string, string>; body: string; report: Report };
/**
 * Web `Request` → the normalized payload, or a ready `Response` in the platform's shape (Hono, Next.js route
 * handlers, Bun.serve, Deno.serve, Workers). The body is read raw and bounded by the input limit.
 */
export function validateRequest<M extends Method>(method: M, request: { headers: { get(name: string): string | null }; body: unknown }, options?: MiddlewareOptions): Promise<
  | { ok: true; method: M; value: Values[M]; warnings: Issue[] }
  | { ok: false; status: number; errors: Issue[]; response: any }>;

/**
 * Node builds: read a Node request stream bounded by the input limit and 30 s (what the middleware, the local
 * gateway and the signing proxy use): the bytes, or the refusal report to answer (413, 408, 400).
 */
export function readNodeBody(req: { headers?: Record<string, unknown>; on(event: string, f: (...a: any[]) => void): unknown }): Promise<{ body: Uint8Array } | { refusal: Report; close: true }>;
/** Node builds: the same for a Web `Request`'s body (what the signing proxy's `fetch` uses). */
/** What `readWebBody` reads of a Web `ReadableStream` (structural: no lib dom or @types/node needed). */
export interface ByteStream { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void>; releaseLock(): void } }
export function readWebBody(request: { headers: { get(name: string): string | null }; body: ByteStream | null }): Promise<{ body: Uint8Array } | { refusal: Report }>;

/** The Standard Schema v1 interface (standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'qimen-payload';
    readonly validate: (value: unknown) => { value: Output; issues?: undefined } | { issues: ReadonlyArray<{ message: string; path: ReadonlyArray<string | number>; code: IssueCode }> };
    readonly types?: { readonly input: Input; readonly output: Output };
  };
}
/** A Standard Schema per API: `value` is the normalized payload, `issues` the errors (tRPC, Hono, TanStack Form…). */
export const schemas: { readonly [M in Method]: StandardSchemaV1<Payloads[M], Values[M]> };
export function standardSchema<M extends Method>(method: M): StandardSchemaV1<Payloads[M], Values[M]>;

/** One entry of Ant Design Form's `form.setFields` (its `FieldData`, structurally). */
export interface AntdField { name: (string | number)[]; errors: string[]; warnings: string[] }
/**
 * `form.setFields(antdFields(report, previous))`: each field's errors and warnings at its NamePath; fields of
 * `previous` no longer at fault are cleared. Issues of the whole payload (path "") stay in `report.errors`.
 */
export function antdFields(report: Report, previous?: AntdField[]): AntdField[];
/** One Element Plus `FormItemRule` (structurally). */
export interface ElementPlusRule { trigger: string[]; validator(rule: unknown, value: unknown, callback: (error?: Error) => void): void }
/**
 * `rulesFor(prop)` for `<el-form-item :prop :rules="rulesFor(prop)">`: one `check` of the whole model per change
 * of the model, shared by every field's validator.
 */
export function elementPlusRules<M extends Method>(method: M, getModel: () => unknown, options?: { trigger?: string[] }): (prop: string | (string | number)[]) => ElementPlusRule[];
/** VeeValidate 4's typed schema: `useForm({ validationSchema: veeValidateSchema(method) })`. */
export function veeValidateSchema<M extends Method>(method: M): {
  __type: 'VVTypedSchema';
  parse(values: unknown): Promise<{ value?: Values[M]; errors: { path: string; errors: string[] }[] }>;
};
/**
 * Formily 2's field validator (`validator={formilyValidator(method)}` or `'x-validator'`): the field's errors,
 * else its warnings (`{ type: 'warning' }`), from one `check` of `ctx.form.values` per change of the values.
 */
export function formilyValidator<M extends Method>(method: M): (
  value: unknown,
  rule: unknown,
  ctx: { field: { path: { segments: (string | number)[] } }; form: { values: unknown } },
) => { type: 'error' | 'warning'; message: string } | null;
export default init;

/** Node only: Connect/Express-style middleware. */
export interface MiddlewareOptions {
  /** Also refuse payloads that have warnings. */
  strictWarnings?: boolean;
}
export interface QimenRequestInfo<M extends Method = Method> {
  method: M;
  value: Values[M];
  warnings: Issue[];
  /** False when a body parser had already turned the body into an object (Longs beyond 2^53 were at risk). */
  exact: boolean;
}
/** Node builds only. */
export function middleware(
  methodOrFn: Method | ((req: any) => string | undefined),
  options?: MiddlewareOptions,
): (req: any, res: any, next: (err?: unknown) => void) => void;

/** Node builds: the Fastify plugin, `app.register(fastifyPlugin, { method })`; `req.qimen` in its scope. */
export function fastifyPlugin(fastify: any, options: MiddlewareOptions & { method: Method | ((req: any) => string | undefined) }, done: (err?: Error) => void): void;
/** Node builds: Koa middleware; the result is `ctx.state.qimen`. */
export function koa(methodOrFn: Method | ((ctx: any) => string | undefined), options?: MiddlewareOptions): (ctx: any, next: () => Promise<unknown>) => Promise<void>;

// With @types/express installed, `req.qimen` is typed in handlers after the middleware.
declare global {
  namespace Express {
    interface Request {
      qimen?: QimenRequestInfo;
    }
  }
}
