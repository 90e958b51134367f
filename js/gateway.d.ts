// Types of `qimen-payload/gateway` (Node only, ES module): the local gateway that answers as the platform's
// routers do (see the README, "Local gateway").
import type { IncomingMessage, ServerResponse, Server } from 'node:http';

export interface FaultPlan {
  /** Steps taken in order, one per call: a TOP error code ('7', '15', '50'…), 'slow', 'drop' or 'ok'. */
  script?: string[];
  /** Chance per call of each error code, e.g. { 7: 0.1 }. */
  rates?: Record<string, number>;
  /** How long a 'slow' answer waits (3000 ms by default). */
  slowMs?: number;
}

export interface GatewayOptions {
  /** App keys and their secrets. */
  apps?: Record<string, string>;
  /** Valid sessions; when given, TOP methods require one (26/27). */
  sessions?: string[];
  /** The gateway's clock in epoch ms (fixed, to replay recorded requests). */
  clock?: () => number;
  /** Append-only journal of applied calls, replayed at start. */
  state?: string;
  /** Per method (or '*'): injected faults. */
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
}

export const TOP_ERRORS: Record<number, string>;
/** `yyyy-MM-dd HH:mm:ss` read in GMT+8 → epoch ms (null when it is not such a time). */
export function gmt8Millis(text: string): number | null;
export function createGateway(options?: GatewayOptions): Gateway;
export function startGateway(options?: GatewayOptions): Promise<{ server: Server; gateway: Gateway; url: string; close(): Promise<void> }>;
