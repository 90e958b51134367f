#!/usr/bin/env node
// qimen-payload command line: check, render, chunk, schema, sign and methods, over files or stdin.
// Exit codes: 0 valid / done, 1 invalid payload, 2 usage or I/O error. Every verdict comes from the wasm core.
import { createReadStream, readFileSync, writeFileSync, mkdirSync, mkdtempSync, lstatSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { join, dirname, basename, resolve } from 'node:path';
import * as q from './node.mjs';
import { startGateway, gmt8Millis, checkFaults } from './gateway.mjs';
import { startProxy } from './proxy.mjs';

const HELP = {
  main: `Usage: qimen-payload <command> [options]

Commands:
  check <method> [file|-]           validate and normalize a payload (exit 0 valid, 1 invalid)
  render <method> [file|-]          print the payload to send (--format json|xml)
  chunk <method> [file|-]           split a payload over its list limit (one per line, or --out-dir DIR)
  schema <method>                   print the API's JSON Schema
  sign <method> [file|-] --app-key K  print the signed request (secret from QIMEN_SECRET)
  methods                           list the APIs
  import <doc.json|page.txt>        print a rule table from the platform's doc JSON or doc page (review on stderr)
  types <api.json…>                 print TypeScript for the tables: check(method, p).value typed
  gateway [--port N] --app KEY:SECRET  run the local gateway (answers as the platform's routers do)
  proxy --upstream URL --app-key K   run the signing proxy (secret from QIMEN_SECRET)

Run 'qimen-payload <command> --help' for a command's options; 'qimen-payload --version' for the version. With no file (or '-'), the payload is read
from standard input. Every command takes --api FILE (repeatable): a rule table (as 'import' prints it) whose
method it then knows like a shipped one.`,
  types: `Usage: qimen-payload types <api.json> [api.json …] > api-types.d.ts

Prints TypeScript for the rule tables given (as 'import' prints them): each method's payload, value and
response interfaces, and a module augmentation of 'qimen-payload', so that with the file in the project
(tsconfig "include", or an import of it) check('the.method', payload).value, parseResponse and the schemas
are typed for those methods like the shipped ones.`,
  import: `Usage: qimen-payload import <doc.json|-> [--overlay FILE] [--accept] > api.json

Reads the platform's doc JSON of an API, or its doc page as text copied from the browser, and prints its
rule table (the file --api and registerApi take).
Every inference from the doc's prose (code lists, date formats, lengths, list limits, prices) is listed on
standard error with how sure it is; --overlay merges your decisions over the table (a JSON object merged key
by key, null removing a key; fields by name, codes by code, response fields by wire). Exit 1 while an item changes a verdict and
--accept was not given (the table is printed either way), 2 when the doc cannot make a table.`,
  check: `Usage: qimen-payload check <method> [file|-] [--json] [--lang en|zh]

Validates the payload and prints every error and warning with its path. --json prints the full report
(ok, value, errors, warnings) as JSON. Exit 0 when valid, 1 when invalid, 2 on usage or I/O errors.`,
  render: `Usage: qimen-payload render <method> [file|-] [--format json|xml] [--lang en|zh]

Validates and prints the bytes to send: compact JSON (default) or the platform's XML.`,
  chunk: `Usage: qimen-payload chunk <method> [file|-] [--out-dir DIR]

Splits the payload's list into payloads within the API's limit, printed one JSON payload per line, or
written as DIR/chunk-001.json, DIR/chunk-002.json, ... DIR must be new or empty; the files appear together
(written beside it, then renamed into place), and a symbolic link is refused.`,
  schema: `Usage: qimen-payload schema <method>

Prints the JSON Schema (2020-12) of the API's canonical payload.`,
  sign: `Usage: qimen-payload sign <method> [file|-] --app-key KEY [--sign-method md5|hmac|hmac-sha256]
                          [--session S] [--body form|xml] [--timestamp T] [--format json|xml]

Prints the signed request (query, form, body, content type, sign) as JSON. The secret is read from the
QIMEN_SECRET environment variable, never from the command line.`,
  version: `Usage: qimen-payload --version`,
  proxy: `Usage: qimen-payload proxy --upstream URL --app-key KEY (--token T | --origin URL …)
                          [--port 8787] [--host 127.0.0.1] [--sign-method md5|hmac|hmac-sha256] [--session S]
                          [--lang zh|en]

Runs the signing proxy: POST /api/<method> with an unsigned JSON payload; it is checked, split by chunk, signed
here with the secret from the QIMEN_SECRET environment variable (never from the command line, never sent back
or logged), sent to URL/router/rest (TOP) or URL/router/qm (Qimen) with bounded retries on transient answers,
and answered with one parsed result per chunk. Clients need the bearer token (--token, or QIMEN_PROXY_TOKEN)
or an allowlisted Origin (--origin, repeatable). With QIMEN_PROXY_CLIENTS="KEY:SECRET,…" the platform's SDKs
call it unchanged on /router/rest and /router/qm: a call signed with a client's key is verified and checked,
signed again with --app-key and QIMEN_SECRET, and sent once upstream. One JSON line per upstream call on standard error. Refusals
are error_response bodies, sub_msg in Chinese unless --lang en.`,
  gateway: `Usage: qimen-payload gateway [--port 9000] [--host 127.0.0.1] --app KEY:SECRET [--app …]
                          [--state FILE] [--clock "yyyy-MM-dd HH:mm:ss"] [--sessions S1,S2]
                          [--fault METHOD=7,15,slow,drop,ok …] [--fault-rate METHOD=7:0.1,drop:0.05 …]
                          [--config FILE] [--lang zh|en]

Runs the local gateway: the TOP router at /router/rest and the Qimen router at /router/qm (form and classic
XML body), with TOP's error codes, the signature checked, payloads through the same rules, answers in each
method's response shape, and a stock ledger (GET /_ledger). Apps also from QIMEN_GATEWAY_APPS
("KEY:SECRET,KEY2:SECRET2"); --config reads the same options from a JSON file ({ apps, sessions, state, clock,
faults }). --state keeps an append-only journal, so a restart loses nothing answered as applied. --clock fixes
the gateway's time (GMT+8), to replay recorded requests. --fault scripts answers per method ('*' for all);
--fault-rate answers each call with a fault at random, at the given rate (0–1) per fault, after any script.
sub_msg is in Chinese, as the platform writes it, unless --lang en.`,
  methods: `Usage: qimen-payload methods [--json]

Lists the APIs with their list limits.`,
};

const FLAGS_WITH_VALUE = new Set(['--lang', '--format', '--out-dir', '--app-key', '--sign-method', '--session', '--body', '--timestamp',
  '--port', '--host', '--app', '--state', '--clock', '--sessions', '--fault', '--fault-rate', '--config', '--upstream', '--token', '--origin',
  '--api', '--overlay']);
// Options that may be given more than once (collected in order).
const REPEATED = new Set(['app', 'fault', 'fault-rate', 'origin', 'api']);

class UsageError extends Error {}

function set(flags, name, value) {
  if (REPEATED.has(name)) (flags[name] ??= []).push(value);
  else flags[name] = value;
}

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // '--' ends the options: what follows is positional, even when it starts with '-'.
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) positional.push(a);
    else if (a === '--help' || a === '-h') flags.help = true;
    else if (a === '--json') flags.json = true;
    else if (a === '--accept') flags.accept = true;
    else if (FLAGS_WITH_VALUE.has(a)) {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      set(flags, a.slice(2), argv[++i]);
    } else if (a.includes('=') && FLAGS_WITH_VALUE.has(a.split('=')[0])) {
      const [k, ...v] = a.split('=');
      if (v.join('=') === '') throw new UsageError(`${k} needs a value`);
      set(flags, k.slice(2), v.join('='));
    } else throw new UsageError(`unknown option ${a}`);
  }
  return { positional, flags };
}

const colours = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (colours ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = (s) => paint('31', s);
const yellow = (s) => paint('33', s);
const green = (s) => paint('32', s);
const dim = (s) => paint('2', s);

const toJson = (v, space) => q.stringify(v, space);

// Every word the CLI prints besides the core's messages, in both languages (--lang).
const WORDS = {
  en: {
    error: 'error', warning: 'warning', valid: 'valid', invalid: 'invalid', payload: '(payload)',
    count: (n, one, many) => `${n} ${n === 1 ? one : many}`, errors: ['error', 'errors'], warnings: ['warning', 'warnings'],
    payloads: ['payload', 'payloads'], writtenTo: (n, dir) => `${n} written to ${dir}`,
  },
  zh: {
    error: '错误', warning: '警告', valid: '有效', invalid: '无效', payload: '(整个载荷)',
    count: (n, one) => `${n} 个${one}`, errors: ['错误'], warnings: ['警告'], payloads: ['载荷'], writtenTo: (n, dir) => `已写入 ${dir}:${n}`,
  },
};
const w = () => WORDS[q.getLanguage()];
const count = (n, [one, many]) => w().count(n, one, many ?? one);

// Reading stops past the core's input limit: a pipe from /dev/zero or a huge file costs no more than that.
async function readBounded(stream, label) {
  const max = q.limits().maxInputBytes;
  const chunks = [];
  let size = 0;
  for await (const c of stream) {
    size += c.length;
    if (size > max) {
      stream.destroy();
      throw new PayloadTooLarge(label, max);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}
class PayloadTooLarge extends Error {
  constructor(label, max) {
    super(q.getLanguage() === 'zh' ? `${label} 超过 ${max} 字节(上限)` : `${label} is over ${max} bytes (the limit)`);
  }
}

// Standard input is read asynchronously to its end, whatever the pipe's speed or size (a synchronous read of
// fd 0 fails with EAGAIN on a non-blocking pipe).
async function readPayload(source) {
  const stdin = source === undefined || source === '-';
  if (stdin && process.stdin.isTTY) throw new UsageError('no payload: give a file, or pipe it to standard input');
  try {
    return await readBounded(stdin ? process.stdin : createReadStream(source), stdin ? 'standard input' : source);
  } catch (e) {
    if (e instanceof PayloadTooLarge) throw e;
    throw new UsageError(`cannot read ${stdin ? 'standard input' : source}: ${e.code ?? e.message}`);
  }
}

function requireMethod(method) {
  if (!method) throw new UsageError('missing <method>');
  if (!q.methods().some((m) => m.method === method)) {
    throw new UsageError(`unknown method '${method}'; expected one of:\n  ${q.methods().map((m) => m.method).join('\n  ')}`);
  }
  return method;
}

function printIssues(report) {
  const out = [];
  for (const [kind, list, colour] of [['error', report.errors, red], ['warning', report.warnings, yellow]]) {
    for (const i of list) out.push(`${colour(w()[kind])} ${i.path || w().payload} ${dim(`[${i.code}]`)} ${i.message}`);
  }
  return out.join('\n');
}

function refuse(e) {
  // An option refused by the core (a bad --sign-method, --body, --timestamp…) is a usage error, exit 2.
  if (e instanceof q.PayloadError && e.errors.length > 0 && e.errors.every((i) => i.path.startsWith('options'))) {
    throw new UsageError(e.errors.map((i) => `${i.path.replace(/^options\./, '--').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n'));
  }
  if (e instanceof q.PayloadError) {
    process.stderr.write(`${printIssues({ errors: e.errors, warnings: e.warnings })}\n`);
    return 1;
  }
  throw e;
}

/** A --port value (0: any free port), or the default. */
function portOf(value, fallback) {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not '${value}'`);
  return port;
}

/** The gateway's options from --config, QIMEN_GATEWAY_APPS and the flags (flags win). */
function gatewayOptions(flags) {
  let config = {};
  if (flags.config) {
    try {
      config = JSON.parse(readFileSync(flags.config, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read --config ${flags.config}: ${e.code ?? e.message}`);
    }
  }
  // Keyed by app key without a prototype: an app key is data (`--app __proto__:x` is an app like any other).
  const apps = Object.assign(Object.create(null), config.apps ?? {});
  for (const pair of [...(process.env.QIMEN_GATEWAY_APPS ?? '').split(',').filter(Boolean), ...(flags.app ?? [])]) {
    const at = pair.indexOf(':');
    if (at < 1) throw new UsageError(`--app takes KEY:SECRET, not '${pair.slice(0, 40)}'`);
    apps[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (!Object.keys(apps).length) throw new UsageError('no app: give --app KEY:SECRET (or QIMEN_GATEWAY_APPS, or apps in --config)');
  const port = portOf(flags.port ?? config.port, 9000);
  const clockText = flags.clock ?? config.clock;
  let clock;
  if (clockText !== undefined) {
    const fixed = gmt8Millis(clockText);
    if (fixed === null) throw new UsageError(`--clock takes "yyyy-MM-dd HH:mm:ss" (GMT+8), not '${clockText}'`);
    clock = () => fixed;
  }
  const faults = { ...(config.faults ?? {}) };
  for (const f of flags.fault ?? []) {
    const [method, steps] = f.split('=');
    if (!method || !steps) throw new UsageError(`--fault takes METHOD=STEP,STEP (e.g. '*=7,ok'), not '${f}'`);
    faults[method] = { ...(faults[method] ?? {}), script: steps.split(',') };
  }
  for (const f of flags['fault-rate'] ?? []) {
    const [method, list] = f.split('=');
    const rates = {};
    for (const pair of (list ?? '').split(',')) {
      const [fault, rate] = pair.split(':');
      const n = Number(rate);
      if (!method || !/^(\d+|slow|drop)$/.test(fault ?? '') || rate === undefined || rate.trim() === '' || !(n >= 0 && n <= 1)) {
        throw new UsageError(`--fault-rate takes METHOD=FAULT:RATE,… with a rate from 0 to 1 (e.g. '*=7:0.1,drop:0.05'), not '${f}'`);
      }
      rates[fault] = n;
    }
    faults[method] = { ...(faults[method] ?? {}), rates };
  }
  // The one check of fault options (the gateway's): a fault that could never fire is a usage error.
  try {
    checkFaults(faults);
  } catch (e) {
    throw new UsageError(`--fault: ${e.message}`);
  }
  if (flags.app?.length) process.stderr.write('qimen-payload: warning: a secret given with --app on the command line is visible to every local user (ps); use QIMEN_GATEWAY_APPS or --config FILE\n');
  const sessions = flags.sessions ? flags.sessions.split(',') : config.sessions;
  return { apps, port, host: flags.host ?? config.host ?? '127.0.0.1', clock, faults, sessions, state: flags.state ?? config.state };
}

const commands = {
  async proxy({ flags }) {
    if (!flags.upstream) throw new UsageError('missing --upstream URL (the router base, e.g. the local gateway http://127.0.0.1:9000)');
    if (!flags['app-key']) throw new UsageError('missing --app-key');
    if (!process.env.QIMEN_SECRET) throw new UsageError('the secret is read from QIMEN_SECRET, which is not set');
    const token = flags.token ?? process.env.QIMEN_PROXY_TOKEN;
    if (flags.token) process.stderr.write('qimen-payload: warning: --token on the command line is visible to every local user (ps); use QIMEN_PROXY_TOKEN\n');
    // The platform's SDK clients that may call the proxy's routers, each with its own key and secret (never on the
    // command line): "KEY:SECRET,KEY2:SECRET2".
    const clients = Object.create(null);
    for (const pair of (process.env.QIMEN_PROXY_CLIENTS ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf(':');
      if (at < 1) throw new UsageError(`QIMEN_PROXY_CLIENTS takes KEY:SECRET,…, not '${pair.slice(0, at < 0 ? 0 : at)}…'`);
      clients[pair.slice(0, at)] = pair.slice(at + 1);
    }
    if (!token && !flags.origin && !Object.keys(clients).length) throw new UsageError('give --token (or QIMEN_PROXY_TOKEN), --origin or QIMEN_PROXY_CLIENTS: an open signing proxy signs for anyone');
    const port = portOf(flags.port, 8787);
    const { url } = await startProxy({
      upstream: flags.upstream, appKey: flags['app-key'], token, origins: flags.origin, port, host: flags.host ?? '127.0.0.1',
      signMethod: flags['sign-method'], session: flags.session, language: flags.lang, clients,
    });
    const routers = Object.keys(clients).length ? `, SDK clients on ${url}/router/rest and ${url}/router/qm` : '';
    process.stdout.write(`qimen-payload signing proxy listening on ${url} (POST ${url}/api/<method>${routers}) → ${flags.upstream}\n`);
    return new Promise(() => {});
  },
  async gateway({ flags }) {
    const options = gatewayOptions(flags);
    const { url } = await startGateway({ ...options, language: flags.lang, onError: (e) => process.stderr.write(`gateway error: ${e?.stack ?? e}\n`) });
    process.stdout.write(`qimen-payload gateway listening on ${url} (TOP ${url}/router/rest, Qimen ${url}/router/qm, ledger ${url}/_ledger)\n`);
    // Runs until stopped (Ctrl-C, or the parent's signal).
    return new Promise(() => {});
  },
  async check({ positional: [method, file], flags }) {
    requireMethod(method);
    const report = q.check(method, await readPayload(file));
    if (flags.json) process.stdout.write(`${toJson(report, 2)}\n`);
    else {
      const issues = printIssues(report);
      if (issues) process.stdout.write(`${issues}\n`);
      process.stdout.write(report.ok
        ? `${green(w().valid)}${report.warnings.length ? ` (${count(report.warnings.length, w().warnings)})` : ''}\n`
        : `${red(w().invalid)}: ${count(report.errors.length, w().errors)}, ${count(report.warnings.length, w().warnings)}\n`);
    }
    return report.ok ? 0 : 1;
  },
  async render({ positional: [method, file], flags }) {
    requireMethod(method);
    const format = flags.format ?? 'json';
    if (format !== 'json' && format !== 'xml') throw new UsageError(`--format must be json or xml, not ${format}`);
    try {
      process.stdout.write(`${q.render(method, await readPayload(file), { format })}\n`);
      return 0;
    } catch (e) {
      return refuse(e);
    }
  },
  async chunk({ positional: [method, file], flags }) {
    requireMethod(method);
    let chunks;
    const payload = await readPayload(file);
    try {
      chunks = q.chunk(method, payload);
    } catch (e) {
      return refuse(e);
    }
    if (flags['out-dir']) {
      writeChunks(resolve(flags['out-dir']), chunks);
      process.stderr.write(`${w().writtenTo(count(chunks.length, w().payloads), flags['out-dir'])}\n`);
    } else {
      for (const c of chunks) process.stdout.write(`${toJson(c)}\n`);
    }
    return 0;
  },
  schema({ positional: [method] }) {
    requireMethod(method);
    process.stdout.write(`${JSON.stringify(q.schema(method), null, 2)}\n`);
    return 0;
  },
  async sign({ positional: [method, file], flags }) {
    requireMethod(method);
    if (!flags['app-key']) throw new UsageError('missing --app-key');
    const secret = process.env.QIMEN_SECRET;
    if (!secret) throw new UsageError('the secret is read from the QIMEN_SECRET environment variable, which is not set');
    const opts = { appKey: flags['app-key'], secret, signMethod: flags['sign-method'], session: flags.session, body: flags.body, format: flags.format };
    if (flags.timestamp !== undefined) opts.timestamp = /^\d+$/.test(flags.timestamp) ? Number(flags.timestamp) : flags.timestamp;
    const payload = await readPayload(file);
    try {
      process.stdout.write(`${JSON.stringify(q.buildRequest(method, payload, opts), null, 2)}\n`);
      return 0;
    } catch (e) {
      return refuse(e);
    }
  },
  async import({ positional: [file], flags }) {
    const doc = await readPayload(file);
    let over;
    if (flags.overlay) {
      try {
        over = readFileSync(flags.overlay, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read --overlay ${flags.overlay}: ${e.code ?? e.message}`);
      }
    }
    let imported;
    try {
      imported = q.importDoc(doc, over);
    } catch (e) {
      if (!(e instanceof q.PayloadError)) throw e;
      throw new UsageError(`cannot make a table of ${file ?? 'standard input'}:\n${problems(e, '(the doc)')}`);
    }
    // The core checked the table (with the overlay) as registerApi does: what is printed registers.
    const { table } = imported;
    const open = imported.review.filter((r) => r.decision);
    for (const r of imported.review) {
      const mark = r.decision ? yellow('decide') : dim('note  ');
      process.stderr.write(`${mark} ${r.field || '(api)'} ${dim(`[${r.kind}, ${r.sure}]`)} ${r.what}${r.from ? dim(` — ${r.from}`) : ''}\n`);
    }
    process.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
    if (open.length && !flags.accept) {
      process.stderr.write(`${open.length} item(s) change a verdict: review them (an --overlay records your decisions), then run again with --accept\n`);
      return 1;
    }
    return 0;
  },
  types({ positional: files }) {
    if (!files.length) throw new UsageError('missing <api.json>: give the table files');
    const methods = files.map((file) => registerFile(file));
    process.stdout.write(q.apiTypes(methods));
    return 0;
  },
  methods({ flags }) {
    const list = q.methods();
    if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else {
      const limits = list.map((m) => (m.listField ? `${m.listField} ≤ ${m.listLimit}` : ''));
      const wide = (col) => Math.max(...col.map((x) => x.length));
      const [mw, lw] = [wide(list.map((m) => m.method)), wide(limits)];
      list.forEach((m, i) => process.stdout.write(`${m.method.padEnd(mw)}  ${limits[i].padEnd(lw)}  ${q.getLanguage() === 'zh' || !m.summary ? m.summaryZh : m.summary}\n`));
    }
    return 0;
  },
};

/** Register the rule table in `file` (--api): a refusal names the file and each problem's path in it. */
function registerFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --api ${file}: ${e.code ?? e.message}`);
  }
  try {
    return q.registerApi(text);
  } catch (e) {
    if (!(e instanceof q.PayloadError)) throw e;
    throw new UsageError(`--api ${file} is not a usable table:\n${problems(e, '(the file)')}`);
  }
}

/** A refused table's or doc's problems, one per line, each at its path (`whole` names the file itself). */
const problems = (e, whole) => e.errors.map((i) => `  ${i.path || whole}: ${i.message} [${i.code}]`).join('\n');

/** Write chunk files into a new or empty directory, all at once: into a fresh sibling, then renamed into place. */
function writeChunks(dir, chunks) {
  let existing = null;
  try {
    existing = lstatSync(dir);
  } catch { /* absent: made below */ }
  if (existing?.isSymbolicLink()) throw new UsageError(`--out-dir ${dir} is a symbolic link; give a real directory`);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out-dir ${dir} is not a directory`);
  if (existing && readdirSync(dir).length > 0) throw new UsageError(`--out-dir ${dir} is not empty; give a new or empty directory`);
  let staging;
  try {
    mkdirSync(dirname(dir), { recursive: true });
    staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}.tmp-`));
    chunks.forEach((c, i) => writeFileSync(join(staging, `chunk-${String(i + 1).padStart(3, '0')}.json`), `${toJson(c)}\n`, { flag: 'wx' }));
    if (existing) rmdirSync(dir);
    renameSync(staging, dir);
  } catch (e) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    throw new UsageError(`cannot write to ${dir}: ${e.code ?? e.message}`);
  }
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP.main}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
    return 0;
  }
  if (!commands[command]) throw new UsageError(`unknown command '${command}'\n\n${HELP.main}`);
  const args = parseArgs(rest);
  if (args.flags.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  if (args.flags.lang) {
    if (args.flags.lang !== 'en' && args.flags.lang !== 'zh') throw new UsageError('--lang must be en or zh');
    q.setLanguage(args.flags.lang);
  }
  for (const file of args.flags.api ?? []) registerFile(file);
  return commands[command](args);
}

// Output piped into `head` and closed early: stop quietly, as Unix tools do.
for (const s of [process.stdout, process.stderr]) {
  s.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof PayloadTooLarge) {
    process.stderr.write(`${red(w().error)} ${w().payload} ${dim('[too_large]')} ${e.message}\n`);
    process.exitCode = 1;
  } else if (e instanceof UsageError) {
    process.stderr.write(`qimen-payload: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`qimen-payload: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  }
}
