#!/usr/bin/env node
// qimen-payload command line: check, render, chunk, schema, sign and methods, over files or stdin.
// Exit codes: 0 valid / done, 1 invalid payload, 2 usage or I/O error. Every verdict comes from the wasm core.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as q from './node.mjs';

const HELP = {
  main: `Usage: qimen-payload <command> [options]

Commands:
  check <method> [file|-]           validate and normalize a payload (exit 0 valid, 1 invalid)
  render <method> [file|-]          print the payload to send (--format json|xml)
  chunk <method> [file|-]           split a payload over its list limit (one per line, or --out-dir DIR)
  schema <method>                   print the API's JSON Schema
  sign <method> [file|-] --app-key K  print the signed request (secret from QIMEN_SECRET)
  methods                           list the four APIs

Run 'qimen-payload <command> --help' for a command's options. With no file (or '-'), the payload is read
from standard input.`,
  check: `Usage: qimen-payload check <method> [file|-] [--json] [--lang en|zh]

Validates the payload and prints every error and warning with its path. --json prints the full report
(ok, value, errors, warnings) as JSON. Exit 0 when valid, 1 when invalid, 2 on usage or I/O errors.`,
  render: `Usage: qimen-payload render <method> [file|-] [--format json|xml] [--lang en|zh]

Validates and prints the bytes to send: compact JSON (default) or the platform's XML.`,
  chunk: `Usage: qimen-payload chunk <method> [file|-] [--out-dir DIR]

Splits the payload's list into payloads within the API's limit, printed one JSON payload per line, or
written as DIR/chunk-001.json, DIR/chunk-002.json, ...`,
  schema: `Usage: qimen-payload schema <method>

Prints the JSON Schema (2020-12) of the API's canonical payload.`,
  sign: `Usage: qimen-payload sign <method> [file|-] --app-key KEY [--sign-method md5|hmac|hmac-sha256]
                          [--session S] [--body form|xml] [--timestamp T] [--format json|xml]

Prints the signed request (query, form, body, content type, sign) as JSON. The secret is read from the
QIMEN_SECRET environment variable, never from the command line.`,
  methods: `Usage: qimen-payload methods [--json]

Lists the four APIs with their list limits.`,
};

const FLAGS_WITH_VALUE = new Set(['--lang', '--format', '--out-dir', '--app-key', '--sign-method', '--session', '--body', '--timestamp']);

class UsageError extends Error {}

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) positional.push(a);
    else if (a === '--help' || a === '-h') flags.help = true;
    else if (a === '--json') flags.json = true;
    else if (FLAGS_WITH_VALUE.has(a)) {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      flags[a.slice(2)] = argv[++i];
    } else if (a.includes('=') && FLAGS_WITH_VALUE.has(a.split('=')[0])) {
      const [k, ...v] = a.split('=');
      flags[k.slice(2)] = v.join('=');
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

function readPayload(source) {
  try {
    if (source === undefined || source === '-') {
      if (process.stdin.isTTY) throw new UsageError('no payload: give a file, or pipe it to standard input');
      return readFileSync(0);
    }
    return readFileSync(source);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${source ?? 'standard input'}: ${e.code ?? e.message}`);
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
    for (const i of list) out.push(`${colour(kind)} ${i.path || '(payload)'} ${dim(`[${i.code}]`)} ${i.message}`);
  }
  return out.join('\n');
}

function refuse(e) {
  if (e instanceof q.PayloadError) {
    process.stderr.write(`${printIssues({ errors: e.errors, warnings: e.warnings })}\n`);
    return 1;
  }
  throw e;
}

const commands = {
  check({ positional: [method, file], flags }) {
    requireMethod(method);
    const report = q.check(method, readPayload(file));
    if (flags.json) process.stdout.write(`${toJson(report, 2)}\n`);
    else {
      const issues = printIssues(report);
      if (issues) process.stdout.write(`${issues}\n`);
      process.stdout.write(report.ok
        ? `${green('valid')} ${report.warnings.length ? `(${report.warnings.length} warning${report.warnings.length > 1 ? 's' : ''})` : ''}\n`
        : `${red('invalid')}: ${report.errors.length} error${report.errors.length > 1 ? 's' : ''}, ${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}\n`);
    }
    return report.ok ? 0 : 1;
  },
  render({ positional: [method, file], flags }) {
    requireMethod(method);
    const format = flags.format ?? 'json';
    if (format !== 'json' && format !== 'xml') throw new UsageError(`--format must be json or xml, not ${format}`);
    try {
      process.stdout.write(`${q.render(method, readPayload(file), { format })}\n`);
      return 0;
    } catch (e) {
      return refuse(e);
    }
  },
  chunk({ positional: [method, file], flags }) {
    requireMethod(method);
    let chunks;
    try {
      chunks = q.chunk(method, readPayload(file));
    } catch (e) {
      return refuse(e);
    }
    if (flags['out-dir']) {
      try {
        mkdirSync(flags['out-dir'], { recursive: true });
        chunks.forEach((c, i) => writeFileSync(join(flags['out-dir'], `chunk-${String(i + 1).padStart(3, '0')}.json`), `${toJson(c)}\n`));
      } catch (e) {
        throw new UsageError(`cannot write to ${flags['out-dir']}: ${e.code ?? e.message}`);
      }
      process.stderr.write(`${chunks.length} payload${chunks.length > 1 ? 's' : ''} written to ${flags['out-dir']}\n`);
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
  sign({ positional: [method, file], flags }) {
    requireMethod(method);
    if (!flags['app-key']) throw new UsageError('missing --app-key');
    const secret = process.env.QIMEN_SECRET;
    if (!secret) throw new UsageError('the secret is read from the QIMEN_SECRET environment variable, which is not set');
    const opts = { appKey: flags['app-key'], secret, signMethod: flags['sign-method'], session: flags.session, body: flags.body, format: flags.format };
    if (flags.timestamp !== undefined) opts.timestamp = /^\d+$/.test(flags.timestamp) ? Number(flags.timestamp) : flags.timestamp;
    try {
      process.stdout.write(`${JSON.stringify(q.buildRequest(method, readPayload(file), opts), null, 2)}\n`);
      return 0;
    } catch (e) {
      return refuse(e);
    }
  },
  methods({ flags }) {
    const list = q.methods();
    if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else for (const m of list) process.stdout.write(`${m.method.padEnd(40)} ${m.listField} ≤ ${m.listLimit}  ${m.summary}\n`);
    return 0;
  },
};

function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP.main}\n`);
    return command ? 0 : 2;
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
  return commands[command](args);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`qimen-payload: ${e.message}\n`);
  process.exitCode = 2;
}
