// What every HTTP server we ship (the gateway, the proxy, the console's static server) does the same way with
// a request before any of its own logic: read the target without throwing, tell a browser's cross-site or
// rebinding context from a real client, and close a connection after an early answer so that the client still
// reads that answer. Nothing here knows a payload rule.

/** The decoded path of a request target, or null when it is not one (`/%`, `/%E0%A4%A`, `http://a b/`). */
export function pathOf(target) {
  let url;
  try {
    url = new URL(String(target ?? ''), 'http://host.invalid');
  } catch {
    return null;
  }
  try {
    return { path: url.pathname, decoded: decodeURIComponent(url.pathname), search: url.searchParams };
  } catch {
    return null;
  }
}

/** Whether a socket's peer address is this machine's loopback (127.0.0.0/8, ::1, IPv4-mapped). */
export function isLoopback(address) {
  const a = String(address ?? '');
  return a === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** The host names a loopback server answers to: a `Host` header naming anything else is DNS rebinding. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a listening address or host name is this machine's loopback (what the servers bind to by default). */
export function isLoopbackName(host) {
  return isLoopback(host) || isLoopbackHost(host) || String(host) === '::1';
}

/** Whether a `Host` header names this loopback server (`127.0.0.1:port`, `localhost:port`, `[::1]:port`). */
export function isLoopbackHost(host, port) {
  const h = String(host ?? '').toLowerCase();
  const at = h.lastIndexOf(':');
  const name = at > h.lastIndexOf(']') ? h.slice(0, at) : h;
  const given = at > h.lastIndexOf(']') ? h.slice(at + 1) : '';
  return LOOPBACK_NAMES.has(name) && (port === undefined || given === String(port));
}

/**
 * Whether a request comes from a browser context other than the server's own page: `Sec-Fetch-Site` says
 * cross-site or same-site, or an `Origin` other than the `Host` is sent. Clients outside a browser (the
 * platform's SDKs, curl) send neither header, so they are never refused by this.
 */
export function fromOtherSite(header) {
  const site = String(header('sec-fetch-site') ?? '').toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = header('origin');
  if (origin === undefined || origin === null || origin === '') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== String(header('host') ?? '').toLowerCase();
  } catch {
    return true;
  }
}

/** A plain object without a prototype: data used as its keys can never reach `Object.prototype`. */
export const dict = () => Object.create(null);
