// The console's own interface strings. Field labels and issue messages come from the wasm core.
const STRINGS = {
  zh: {
    tagline: '奇门 / TOP 请求报文校验 — 在网关拒绝之前发现问题',
    request: '请求', api: '接口', loadExample: '加载示例', formTab: '表单', jsonTab: 'JSON', jsonPayload: 'JSON 报文',
    result: '校验结果', valid: '✓ 有效', invalid: (n) => `✗ 无效(${n} 个错误)`, warningsN: (n) => `${n} 个警告`, notJson: 'JSON 格式错误,表单未同步',
    normalized: '规范化结果', renderedJson: 'JSON 报文', renderedXml: 'XML 报文', copy: '复制', copied: '已复制',
    sign: '签名请求', appKey: 'App Key', secret: 'App Secret(不会被保存或发送)', session: 'Session', signMethod: '签名方法',
    bodyMode: '请求体', bodyForm: '表单 (TOP)', bodyXml: 'XML (奇门)', signHint: '填写 App Key 与 Secret 后生成签名请求(仅供预览)',
    send: '发送(经签名代理)', sendHint: '载荷不签名发送到本机的签名代理:由代理校验、拆分、用其自己的 Secret 签名并转发,密钥不经过浏览器。', sendButton: '发送', sending: '发送中…', noProxy: '此处没有签名代理(npm start 会启动一个)',
    response: '解析响应', responseText: '粘贴响应(XML 或 JSON)', parse: '解析',
    csv: '导入 CSV', csvFile: '选择 CSV 文件(表头为字段名或中文名称;UTF-8 或 GBK)', importing: '导入中…',
    chunks: (n, max) => `${n} 个请求,每个 ≤ ${max} 条`, rows: (n) => `${n} 行`, ignoredColumns: (c) => `已忽略的列:${c}`,
    encoding: (e) => `编码:${e}`, showingRows: (n, total) => `表单显示前 ${n} 条(共 ${total} 条),完整数据见 JSON`,
    addRow: '添加一行', removeRow: '删除', required: '必填', noIssues: '没有问题', language: 'English', entry: '第 {n} 条',
    payload: '(报文)', chunkLabel: (i, n, ok) => `请求 ${i}:${n} 条 ${ok ? '✓' : '✗'}`,
  },
  en: {
    tagline: 'Qimen / TOP payload validation — find problems before the gateway rejects them',
    request: 'Request', api: 'API', loadExample: 'Load example', formTab: 'Form', jsonTab: 'JSON', jsonPayload: 'JSON payload',
    result: 'Result', valid: '✓ valid', invalid: (n) => `✗ invalid (${n} error${n > 1 ? 's' : ''})`, warningsN: (n) => `${n} warning${n > 1 ? 's' : ''}`, notJson: 'Not valid JSON; the form is not synced',
    normalized: 'Normalized value', renderedJson: 'JSON to send', renderedXml: 'XML to send', copy: 'Copy', copied: 'Copied',
    sign: 'Signed request', appKey: 'App key', secret: 'App secret (never stored or sent)', session: 'Session', signMethod: 'Sign method',
    bodyMode: 'Body', bodyForm: 'Form (TOP)', bodyXml: 'XML (Qimen)', signHint: 'Enter an app key and secret to see the signed request (a preview)',
    send: 'Send (through the signing proxy)', sendHint: 'The payload goes unsigned to the signing proxy on this machine: it checks, splits, signs with its own secret and forwards; the secret never passes through the browser.', sendButton: 'Send', sending: 'Sending…', noProxy: 'No signing proxy here (npm start runs one)',
    response: 'Parse a response', responseText: 'Paste a response (XML or JSON)', parse: 'Parse',
    csv: 'Import CSV', csvFile: 'Choose a CSV file (header: field names or Chinese labels; UTF-8 or GBK)', importing: 'Importing…',
    chunks: (n, max) => `${n} requests of ≤ ${max}`, rows: (n) => `${n} rows`, ignoredColumns: (c) => `Ignored columns: ${c}`,
    encoding: (e) => `Encoding: ${e}`, showingRows: (n, total) => `The form shows the first ${n} of ${total} entries; all are in the JSON`,
    addRow: 'Add row', removeRow: 'Remove', required: 'required', noIssues: 'No issues', language: '中文', entry: 'Entry {n}',
    payload: '(payload)', chunkLabel: (i, n, ok) => `Request ${i}: ${n} entries ${ok ? '✓' : '✗'}`,
  },
};

let lang = 'zh';
export const getLang = () => lang;
export const setLang = (l) => { lang = l; };
export const t = (key, ...args) => {
  const s = STRINGS[lang][key];
  return typeof s === 'function' ? s(...args) : s;
};
/** Translate every element with data-i18n in the document. */
export function translatePage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
