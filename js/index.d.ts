// Types of the qimen-payload package (the per-API payload types are generated from the rule tables).
export type Method =
  | 'qimen.taobao.pos.inventory.synchronize'
  | 'qimen.taobao.pos.items.synchronize'
  | 'tmall.qimendc.inventory.sync'
  | 'taobao.inventory.shopinv.adjust';

export interface Issue {
  path: string;
  code: string;
  params: Record<string, string | number | string[]>;
  message: string;
  messageZh: string;
  topCode?: 40 | 41;
  topMessage?: string;
}

export interface Report<V = unknown> {
  ok: boolean;
  value?: V;
  errors: Issue[];
  warnings: Issue[];
}

export interface MethodInfo {
  method: Method;
  titleZh: string;
  summary: string;
  summaryZh: string;
  listField?: string;
  listLimit?: number;
}

export function check(method: Method | string, payload: unknown): Report;
export function methods(): MethodInfo[];
/** The seed's request example for a method, as JSON text. */
export function example(method: Method | string): string | undefined;
/** Browser build only: fetch and instantiate the wasm module. */
export function init(input?: unknown): Promise<unknown>;
