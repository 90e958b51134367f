// The console's own interface strings. Field labels and issue messages come from the wasm core.
const STRINGS = {
  zh: {
    tagline: '奇门 / TOP 请求报文校验 — 在网关拒绝之前发现问题',
    request: '请求', api: '接口', loadExample: '加载示例', formTab: '表单', jsonTab: 'JSON', jsonPayload: 'JSON 报文',
    undo: '撤销', redo: '重做', confirmExample: '加载示例会替换当前的报文(可撤销)。继续吗?',
    result: '校验结果', valid: '✓ 有效', invalid: (n) => `✗ 无效(${n} 个错误)`, warningsN: (n) => `${n} 个警告`,
    empty: '报文为空:请填写表单、粘贴 JSON、导入 CSV 或加载示例', notJson: (m) => `JSON 格式错误(${m}),表单未同步`,
    chunked: (n, max) => `✓ 有效,需拆分为 ${n} 个请求(每个 ≤ ${max} 条)`,
    chunkedAfter: (n, max) => `修正错误后将拆分为 ${n} 个请求(每个 ≤ ${max} 条)`,
    prevError: '上一个', nextError: '下一个', navPos: (i, n) => `${i} / ${n}`, navKeys: '快捷键:F8 下一个,Shift+F8 上一个',
    issuesList: '问题列表', csvAt: (line, col) => `CSV 第 ${line} 行${col ? `,列“${col}”` : ''}`, errorWord: '错误', warningWord: '警告',
    normalized: '规范化结果', renderedJson: 'JSON 报文', renderedXml: 'XML 报文', outputs: '输出',
    copy: '复制', copyWhat: (w) => `复制${w}`, copied: '已复制', nothingToCopy: '没有可复制的内容',
    sign: '签名请求(预览)', appKey: 'App Key', secret: 'App Secret(不会被保存或发送)', session: 'Session', signMethod: '签名方法',
    signAuto: '自动', bodyMode: '请求体', bodyForm: '表单 (TOP)', bodyXml: 'XML (奇门)', signHint: '填写 App Key 与 Secret 后生成签名请求(仅供预览)',
    proxySigns: '已配置签名代理:发送时由代理签名,页面里不需要 Secret。', previewSigning: '在页面中预览签名(需要 Secret,仅用于调试)',
    targetUrl: '网关地址(用于 curl)', targetLocal: '本机网关', targetSandbox: '沙箱', targetProduction: '正式环境',
    copyCurl: '复制为 curl', timestampAt: (ts, until) => `时间戳 ${ts}(GMT+8),有效至 ${until}`,
    format: '响应格式', simplify: '精简 JSON(simplify)', partnerId: 'partner_id', targetAppKey: 'target_app_key',
    send: '发送(经签名代理)', sendHint: '载荷不签名发送到本机的签名代理:由代理校验、用其自己的 Secret 签名并转发,密钥不经过浏览器。',
    sendButton: '发送', sendAll: '全部发送', sending: '发送中…', noProxy: '此处没有签名代理(npm start 会启动一个)',
    sentOk: (n) => `✓ 已发送 ${n} 个请求,全部成功`, sentPartial: (ok, n) => `⚠ ${n} 个请求中 ${ok} 个成功`, sentFailed: '✗ 发送失败',
    chunkCol: '请求', entriesCol: '条数', attemptsCol: '尝试', outcomeCol: '结果', subOrderCol: '子单据号', messageCol: '说明',
    idempotent: '已处理过(幂等)', succeeded: '成功', failed: '失败', goToEntry: (n) => `定位到第 ${n} 条`, retryFailed: '重发失败的条目',
    rawAnswer: '原始应答', notGateway: (s) => `这不是网关的应答(HTTP ${s},可能是代理或服务器的错误页)`,
    response: '解析响应', responseText: '粘贴响应(XML 或 JSON)', parse: '解析', parsedRaw: '解析结果(JSON)',
    respOk: '✓ 成功', respPartial: '⚠ 部分成功', respFailed: '✗ 失败',
    csv: '导入 CSV', csvFile: '选择 CSV 文件(表头为字段名或中文名称;UTF-8 或 GBK)', importing: '导入中…',
    rows: (n) => `${n} 行`, ignoredColumns: (c) => `已忽略的列:${c}`, encoding: (e) => `编码:${e}`,
    chunkLabel: (i, n) => `请求 ${i}:${n} 条`, view: '查看', download: '下载', downloadAll: '全部下载', chunksTitle: '拆分后的请求',
    pageOf: (a, b, n) => `第 ${a}–${b} 条,共 ${n} 条`, prevPage: '上一页', nextPage: '下一页', onlyErrors: '只看有错误的条目', gridView: '表格视图',
    addRow: '添加一行', removeRow: '删除', removeEntry: (n) => `删除第 ${n} 条`, required: '必填', noIssues: '没有问题',
    language: 'English', entry: '第 {n} 条', payload: '(报文)', example: (v) => `例:${v}`, atLimit: (n) => `已达上限 ${n} 条`,
    formatHint: (f) => `格式 ${f}`, normalizedTo: (v) => `→ ${v}`, draftRestored: '已恢复上次的草稿',
    addApi: '添加接口', addApiHint: '粘贴开放平台的接口文档页面(整页复制的文字)或文档 JSON:导入后显示推断的规则供确认,添加后即可在此校验。',
    apiDoc: '接口文档(页面文字或 JSON)', apiImport: '导入', apiAdd: '确认并添加', apiExport: '导出规则表(JSON)', apiRemove: '删除此接口',
    apiReviewed: (n, d) => `推断 ${n} 项,其中 ${d} 项会影响校验结果,请确认后添加`, apiAdded: (m) => `已添加 ${m}`,
    apiRemoved: (m) => `已删除 ${m}`, apiRefused: (m) => `无法导入:${m}`, decide: '需确认', note: '说明', reviewLabel: '导入推断',
  },
  en: {
    tagline: 'Qimen / TOP payload validation — find problems before the gateway rejects them',
    request: 'Request', api: 'API', loadExample: 'Load example', formTab: 'Form', jsonTab: 'JSON', jsonPayload: 'JSON payload',
    undo: 'Undo', redo: 'Redo', confirmExample: 'Loading the example replaces the current payload (undo brings it back). Continue?',
    result: 'Result', valid: '✓ valid', invalid: (n) => `✗ invalid (${n} error${n > 1 ? 's' : ''})`, warningsN: (n) => `${n} warning${n > 1 ? 's' : ''}`,
    empty: 'The payload is empty: fill in the form, paste JSON, import a CSV or load the example', notJson: (m) => `Not valid JSON (${m}); the form is not synced`,
    chunked: (n, max) => `✓ valid, to be sent as ${n} requests of ≤ ${max}`,
    chunkedAfter: (n, max) => `Once the errors are fixed: ${n} requests of ≤ ${max}`,
    prevError: 'Previous', nextError: 'Next', navPos: (i, n) => `${i} of ${n}`, navKeys: 'Keys: F8 next, Shift+F8 previous',
    issuesList: 'Issues', csvAt: (line, col) => `CSV line ${line}${col ? `, column "${col}"` : ''}`, errorWord: 'error', warningWord: 'warning',
    normalized: 'Normalized value', renderedJson: 'JSON to send', renderedXml: 'XML to send', outputs: 'Outputs',
    copy: 'Copy', copyWhat: (w) => `Copy ${w}`, copied: 'Copied', nothingToCopy: 'Nothing to copy',
    sign: 'Signed request (preview)', appKey: 'App key', secret: 'App secret (never stored or sent)', session: 'Session', signMethod: 'Sign method',
    signAuto: 'auto', bodyMode: 'Body', bodyForm: 'Form (TOP)', bodyXml: 'XML (Qimen)', signHint: 'Enter an app key and secret to see the signed request (a preview)',
    proxySigns: 'A signing proxy is configured: it signs when you send; the page needs no secret.', previewSigning: 'Preview signing in the page (needs the secret; for debugging)',
    targetUrl: 'Gateway URL (for curl)', targetLocal: 'Local gateway', targetSandbox: 'Sandbox', targetProduction: 'Production',
    copyCurl: 'Copy as curl', timestampAt: (ts, until) => `Timestamp ${ts} (GMT+8), valid until ${until}`,
    format: 'Answer format', simplify: 'Simplified JSON (simplify)', partnerId: 'partner_id', targetAppKey: 'target_app_key',
    send: 'Send (through the signing proxy)', sendHint: 'The payload goes unsigned to the signing proxy on this machine: it checks, signs with its own secret and forwards; the secret never passes through the browser.',
    sendButton: 'Send', sendAll: 'Send all', sending: 'Sending…', noProxy: 'No signing proxy here (npm start runs one)',
    sentOk: (n) => `✓ Sent ${n} request${n > 1 ? 's' : ''}, all succeeded`, sentPartial: (ok, n) => `⚠ ${ok} of ${n} requests succeeded`, sentFailed: '✗ Sending failed',
    chunkCol: 'Request', entriesCol: 'Entries', attemptsCol: 'Attempts', outcomeCol: 'Outcome', subOrderCol: 'Sub-order', messageCol: 'Note',
    idempotent: 'applied before (idempotent)', succeeded: 'succeeded', failed: 'failed', goToEntry: (n) => `Go to entry ${n}`, retryFailed: 'Resend the failed entries',
    rawAnswer: 'Raw answer', notGateway: (s) => `Not a gateway answer (HTTP ${s}; perhaps a proxy's or server's error page)`,
    response: 'Parse a response', responseText: 'Paste a response (XML or JSON)', parse: 'Parse', parsedRaw: 'Parsed (JSON)',
    respOk: '✓ succeeded', respPartial: '⚠ partly succeeded', respFailed: '✗ failed',
    csv: 'Import CSV', csvFile: 'Choose a CSV file (header: field names or Chinese labels; UTF-8 or GBK)', importing: 'Importing…',
    rows: (n) => `${n} rows`, ignoredColumns: (c) => `Ignored columns: ${c}`, encoding: (e) => `Encoding: ${e}`,
    chunkLabel: (i, n) => `Request ${i}: ${n} entries`, view: 'View', download: 'Download', downloadAll: 'Download all', chunksTitle: 'The requests to send',
    pageOf: (a, b, n) => `Entries ${a}–${b} of ${n}`, prevPage: 'Previous page', nextPage: 'Next page', onlyErrors: 'Only entries with errors', gridView: 'Table view',
    addRow: 'Add row', removeRow: 'Remove', removeEntry: (n) => `Remove entry ${n}`, required: 'required', noIssues: 'No issues',
    language: '中文', entry: 'Entry {n}', payload: '(payload)', example: (v) => `e.g. ${v}`, atLimit: (n) => `At the limit of ${n}`,
    formatHint: (f) => `Format ${f}`, normalizedTo: (v) => `→ ${v}`, draftRestored: 'Your last draft was restored',
    addApi: 'Add an API', addApiHint: 'Paste the platform\'s doc page of an API (the whole page\'s text) or its doc JSON: the rules read from it are shown for review; once added, payloads are checked here.',
    apiDoc: 'API doc (page text or JSON)', apiImport: 'Import', apiAdd: 'Accept and add', apiExport: 'Export the table (JSON)', apiRemove: 'Remove this API',
    apiReviewed: (n, d) => `${n} inferences, ${d} of them change verdicts: review them, then add`, apiAdded: (m) => `Added ${m}`,
    apiRemoved: (m) => `Removed ${m}`, apiRefused: (m) => `Cannot import: ${m}`, decide: 'decide', note: 'note', reviewLabel: 'Import review',
  },
};

let lang = 'zh';
export const getLang = () => lang;
export const setLang = (l) => { lang = l === 'en' ? 'en' : 'zh'; };
export const t = (key, ...args) => {
  const s = STRINGS[lang][key];
  return typeof s === 'function' ? s(...args) : s;
};
/** Translate every element with data-i18n (text) or data-i18n-label (aria-label) in the document. */
export function translatePage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t('copyWhat', t(el.dataset.i18nLabel)));
}
