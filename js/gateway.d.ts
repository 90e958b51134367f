// Types of `qimen-payload/gateway` (Node only, ES module): the local gateway that answers as the platform's
// routers do (see the README, "Local gateway").
import type { IncomingMessage, ServerResponse, Server } from 'node:http';

export interface FaultPlan {
  /** Steps taken in order, one per call: a TOP error code ('7', '15', '50'…), 'slow', 'drop' or 'ok'. */
  script?: Array<string | number>;
  /** Chance per call (0–1) of each error code, 'slow' or 'drop', e.g. { 7: 0.1 }. */
  rates?: Record<string, number>;
  /** How long a 'slow' answer waits: whole ms, 0 to 600000 (3000 by default). */
  slowMs?: number;
}

export interface GatewayOptions {
  /** App keys and their secrets. */
  apps?: Record<string, string>;
  /** Valid sessions; when given, TOP methods require one (26/27). */
  sessions?: string[];
  /** The gateway's clock in epoch ms (fixed, to replay recorded requests). */
  clock?: () => number;
  /** Journal of applied calls (one line each, written before the answer), compacted into `<state>.snapshot`
   * past `compactBytes`, replayed at start: a torn last line cut off, unreadable lines skipped, each said to `warn`. */
  state?: string;
  /** The journal's size in bytes before it is compacted (8 MiB). */
  compactBytes?: number;
  /** Hears the journal's repairs and skipped lines (standard error by default). */
  warn?: (line: string) => void;
  /** Per method (or '*'): injected faults, checked by `checkFaults` (a RangeError for one that could never fire). */
  faults?: Record<string, FaultPlan>;
  /** Language of `sub_msg` for refused payloads ('zh' by default). */
  language?: 'en' | 'zh';
  port?: number;
  host?: string;
  onError?: (e: unknown) => void;
}

export interface Gateway {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  ledger: { state(): unknown };
  /** Write the snapshot now and empty the journal (when `state` is given). */
  compact(): void;
}

export const TOP_ERRORS: Record<number, string>;
/** The most parameters (system and business) one call may carry; more is refused before signing. */
export const MAX_PARAMS: number;
/** Check fault options as `createGateway` does: a RangeError naming the first that could never fire. */
export function checkFaults(faults: Record<string, FaultPlan> | undefined, methods?: string[]): Map<string, { script: string[]; rates: Map<string, number>; slowMs: number }>;
/** `yyyy-MM-dd HH:mm:ss` read in GMT+8 → epoch ms (null when it is not such a time). */
export function gmt8Millis(text: string): number | null;
export function createGateway(options?: GatewayOptions): Gateway;
export function startGateway(options?: GatewayOptions): Promise<{ server: Server; gateway: Gateway; url: string; close(): Promise<void> }>;
