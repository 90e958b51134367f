// The platform's error answers as the gateway and the proxy write them: one table of codes and their `msg`, and
// the words the two servers say themselves as `sub_msg`, in both languages. The language policy is the
// platform's: `msg` is its fixed English text, `sub_msg` is for people and Chinese by default (`language: 'en'`
// for English) — the same in the gateway and the proxy, for their own words and the core's issues alike.

/**
 * The platform's public error codes (its "平台错误码" table: 3–15, 21–34, 40–43; 50 as a remote service error)
 * with their names as the table words them. Answer bodies carry them in sentence case (`msg`), as the
 * platform's own answers do ("Invalid signature", "Insufficient isv permissions").
 */
export const TOP_ERRORS = {
  3: 'Upload Fail',
  4: 'User Call Limited',
  5: 'Session Call Limited',
  6: 'Partner Call Limited',
  7: 'App Call Limited',
  8: 'App Call Exceeds Limited Frequency',
  9: 'Http Action Not Allowed',
  10: 'Service Currently Unavailable',
  11: 'Insufficient ISV Permissions',
  12: 'Insufficient User Permissions',
  13: 'Insufficient Partner Permissions',
  15: 'Remote Service Error',
  21: 'Missing Method',
  22: 'Invalid Method',
  23: 'Invalid Format',
  24: 'Missing Signature',
  25: 'Invalid Signature',
  26: 'Missing Session',
  27: 'Invalid Session',
  28: 'Missing App Key',
  29: 'Invalid App Key',
  30: 'Missing Timestamp',
  31: 'Invalid Timestamp',
  32: 'Missing Version',
  33: 'Invalid Version',
  34: 'Unsupported Version',
  40: 'Missing Required Arguments',
  41: 'Invalid Arguments',
  42: 'Forbidden Request',
  43: 'Parameter Error',
  50: 'Remote Service Error',
};

/** A table name as an answer body says it: sentence case. */
export const msgOf = (code) => {
  const name = TOP_ERRORS[code];
  return name ? name[0] + name.slice(1).toLowerCase() : 'Error';
};

// What the servers say themselves; a value from the request is cut short before it is repeated.
const cut = (v, n) => String(v).slice(0, n);
const WORDS = {
  badTarget: { en: () => 'unreadable request target', zh: () => '无法解析的请求地址' },
  crossSite: {
    en: () => 'a request from another site in a browser is refused',
    zh: () => '拒绝浏览器中来自其他站点的请求',
  },
  noRouter: { en: (p) => `no router at ${cut(p, 80)}`, zh: (p) => `${cut(p, 80)} 不是路由地址` },
  unknownMethod: { en: (m) => `unknown method ${cut(m, 80)}`, zh: (m) => `未知的方法 ${cut(m, 80)}` },
  timestampForm: {
    en: () => 'timestamp is neither yyyy-MM-dd HH:mm:ss (GMT+8) nor epoch milliseconds',
    zh: () => '时间戳既不是 yyyy-MM-dd HH:mm:ss(GMT+8)也不是毫秒数',
  },
  timestampWindow: {
    en: () => 'timestamp outside the ten-minute window of the gateway clock (GMT+8)',
    zh: () => '时间戳与网关时钟(GMT+8)相差超过十分钟',
  },
  signMethod: { en: (m) => `unsupported sign_method ${cut(m, 40)}`, zh: (m) => `不支持的签名方法 ${cut(m, 40)}` },
  injected: { en: () => 'injected by the gateway', zh: () => '网关模拟的故障' },
  tooManyParams: { en: (n) => `more than ${n} parameters`, zh: (n) => `参数超过 ${n} 个` },
  noBoundary: { en: () => 'multipart body without a boundary', zh: () => 'multipart 请求体缺少 boundary' },
  contentType: {
    en: (t) => `unsupported content type ${cut(t, 80) || '(none)'}`,
    zh: (t) => `不支持的内容类型 ${cut(t, 80) || '(无)'}`,
  },
  serverError: { en: () => 'internal error of the local server', zh: () => '本地服务内部错误' },
  postOnly: { en: () => 'only POST is accepted here', zh: () => '此地址只接受 POST' },
  tokenRequired: { en: () => 'a bearer token is required', zh: () => '需要 Bearer 令牌' },
  rateLimited: { en: () => 'too many requests from this client; retry after a second', zh: () => '此客户端请求过多,请一秒后重试' },
  upstreamFailed: {
    en: (why) => `the upstream router gave no answer (${cut(why, 40)})`,
    zh: (why) => `上游路由没有应答(${cut(why, 40)})`,
  },
  tooManyChunks: {
    en: (n, max) => `the payload would be ${n} requests; this proxy sends at most ${max} per call`,
    zh: (n, max) => `该请求需拆分为 ${n} 个请求,本代理每次最多发送 ${max} 个`,
  },
};

/** The words of one language: `say(key, ...args)`. */
export function wordsIn(language = 'zh') {
  if (language !== 'zh' && language !== 'en') throw new TypeError(`language must be 'zh' or 'en', not ${String(language)}`);
  return (key, ...args) => WORDS[key][language](...args);
}

/** The members of an `error_response`: code, its msg, and what is given (`extra` after them, e.g. counts). */
export function errorBody(code, { subCode, subMsg, requestId, extra } = {}) {
  const body = { code, msg: msgOf(code) };
  if (subCode) body.sub_code = subCode;
  if (subMsg) body.sub_msg = subMsg;
  if (requestId) body.request_id = requestId;
  return Object.assign(body, extra);
}
