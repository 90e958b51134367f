// The generic part of the qimen-payload types. The per-API `…Payload` / `…Value` interfaces and the
// `Payloads` / `Values` maps below it are generated from the rule tables.

export type Method = keyof Payloads;
/** A payload: a typed object, JSON text (the fast path), or UTF-8 bytes. */
export type PayloadInput<M extends Method> = Payloads[M] | string | Uint8Array;

export type IssueCode =
  | 'missing' | 'type' | 'too_long' | 'too_many' | 'enum' | 'date' | 'datetime' | 'integer' | 'decimal'
  | 'range' | 'duplicate' | 'order' | 'invalid_char' | 'unknown_field' | 'malformed' | 'too_large' | 'too_deep'
  | 'unknown_method' | 'negative' | 'zero_quantity' | 'empty_list' | 'count_mismatch' | 'check_digit'
  | 'too_many_issues';

export interface Issue {
  /** `item[3].itemCode`; `""` for the payload as a whole. */
  path: string;
  code: IssueCode;
  params: Record<string, string | number | string[]>;
  /** In the language chosen with setLanguage (English by default). */
  message: string;
  messageEn: string;
  messageZh: string;
  /** Errors only: the TOP SDK client-error code, 40 (missing) or 41 (invalid). */
  topCode?: 40 | 41;
  topMessage?: string;
}

export interface Report<V = unknown> {
  ok: boolean;
  /** The normalized payload, present when ok. */
  value?: V;
  errors: Issue[];
  warnings: Issue[];
}

/** Thrown when a payload (or an option) is refused. */
export class PayloadError extends Error {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export interface BuildOptions {
  appKey: string;
  secret: string;
  signMethod?: SignMethod;
  session?: string;
  /** Default: now. Always sent as `yyyy-MM-dd HH:mm:ss` in GMT+8. */
  timestamp?: Date | number | string;
  format?: 'json' | 'xml';
  targetAppKey?: string;
  partnerId?: string;
  simplify?: boolean;
  /** `'form'` (TOP form protocol, default) or `'xml'` (Qimen XML-body protocol). */
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

export interface AdjustDetail {
  subOrderId?: string;
  success: boolean;
  idempotent: boolean;
  idempotentReason?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface ParsedResponse {
  ok: boolean;
  errorResponse: boolean;
  code?: string;
  message?: string;
  subCode?: string;
  subMessage?: string;
  requestId?: string;
  flag?: string;
  total?: string;
  items?: string[];
  qimendcCode?: string;
  qimendcSuccess?: boolean;
  qimendcMessage?: string;
  qimendcRequestId?: string;
  result?: { success: boolean; errorCode?: string; errorMessage?: string };
  details?: AdjustDetail[];
  partial?: boolean;
}

export interface MethodInfo {
  method: Method;
  titleZh: string;
  summary: string;
  summaryZh: string;
  listField?: string;
  /** Field names from the root to the limited list, e.g. ['shop_inventory_edit', 'detail_list']. */
  listPath: string[];
  listLimit?: number;
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
  fields?: FieldInfo[];
}

export function check<M extends Method>(method: M, payload: PayloadInput<M>): Report<Values[M]>;
export function render<M extends Method>(method: M, payload: PayloadInput<M>, options?: { format?: 'json' | 'xml' } | 'json' | 'xml'): string;
export function chunk<M extends Method>(method: M, payload: PayloadInput<M>): Values[M][];
export function buildRequest<M extends Method>(method: M, payload: PayloadInput<M>, options: BuildOptions): BuiltRequest;
export function signParams(params: Record<string, string | number | boolean | bigint | null | undefined>, secret: string, signMethod?: SignMethod, body?: string): string;
export function parseResponse(method: Method, text: string): ParsedResponse;
/** The API's JSON Schema (2020-12) of the canonical payload. */
export function schema(method: Method): Record<string, unknown>;
export function methods(): MethodInfo[];
/** The API's rule table as data (what the admin console builds its form from). */
export function fields(method: Method): FieldInfo[];
export function limits(): { maxInputBytes: number; maxDepth: number; maxIssues: number };
/** Size of the wasm module's linear memory in bytes. */
export function memoryBytes(): number;
/** The seed's request example as JSON text. */
export function example(method: Method): string;
export function setLanguage(lang: 'en' | 'zh'): void;
export function getLanguage(): 'en' | 'zh';
/** Browser build only: fetch and instantiate the wasm module (Node needs no init). */
export function init(input?: string | URL | Request | Response | BufferSource): Promise<unknown>;
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
}
export function middleware(
  methodOrFn: Method | ((req: any) => string | undefined),
  options?: MiddlewareOptions,
): (req: any, res: any, next: (err?: unknown) => void) => void;
