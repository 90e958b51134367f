// Types of `qimen-payload/proxy` (Node only, ES module): the signing proxy (see the README, "Signing proxy").
import type { IncomingMessage, ServerResponse, Server } from 'node:http';

export interface ProxyOptions {
  /** A base URL: its /router/rest (TOP) and /router/qm (Qimen) are the upstream routers. */
  upstream?: string;
  topUrl?: string;
  qimenUrl?: string;
  appKey: string;
  /** The app secret; the QIMEN_SECRET environment variable by default. Never sent back or logged. */
  secret?: string;
  signMethod?: 'md5' | 'hmac' | 'hmac-sha256';
  session?: string;
  /** A bearer token clients must send… */
  token?: string;
  /** …or the Origin headers of pages on this machine: honoured only from a loopback peer, with a Host naming
   * this machine and the origin, and `Sec-Fetch-Site: same-origin`. One of these or `clients` is required. */
  origins?: string[];
  /** The platform's SDK clients that may call the proxy's routers (`/router/rest`, `/router/qm`), by app key:
   * a call signed with one of these secrets is verified, its payload checked (40/41 before anything goes
   * upstream), signed again with `appKey` and `secret`, and sent once to the same router upstream. */
  clients?: Record<string, string>;
  /** Calls per minute per client address (120). */
  perMinute?: number;
  /** Upstream calls per minute per client address, retries included (600). */
  upstreamPerMinute?: number;
  /** The most upstream requests one call may become (50); more answers 413, sub code `isv.too-many-chunks`. */
  maxChunks?: number;
  timeoutMs?: number;
  /** Retries of a transient answer per chunk (7, 10, 15, 50, network errors, timeouts): 3. */
  retries?: number;
  /** Retries per call, all chunks together (10). */
  maxRetries?: number;
  backoffMs?: number;
  /** The language of `sub_msg` in the proxy's refusals: 'zh' (the default, as the gateway and the platform) or 'en'. */
  language?: 'zh' | 'en';
  /** One JSON line per upstream call. */
  log?: (line: string) => void;
  port?: number;
  host?: string;
}

export interface SigningProxy {
  /** Node's request and response: `node:http`, Express/Connect (`app.use(proxy)`). */
  (req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void>;
  /** A Web `Request` → `Response` (Hono: `app.post('/api/:method', (c) => proxy.fetch(c.req.raw))`, Bun, Deno). */
  fetch(request: Request, info?: { client?: string }): Promise<Response>;
  /** A Fastify plugin: `app.register(proxy.fastify)`. */
  fastify(instance: any, options: unknown, done: (err?: Error) => void): void;
  /** A Koa middleware: `app.use(proxy.koa)`, before any body parser. */
  koa(ctx: any, next: () => Promise<unknown>): Promise<unknown>;
}

export function signingProxy(options: ProxyOptions): SigningProxy;
export function startProxy(options: ProxyOptions): Promise<{ server: Server; url: string; close(): Promise<void> }>;
