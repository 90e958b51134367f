// The gateway's `--state`: what a valid call changed, kept so that a restart loses nothing answered as applied.
// An append-only journal (one line per applied call, written before the answer is sent) and, once the journal
// has grown past a bound, a snapshot of the whole ledger that replaces it (written beside it, then renamed into
// place; the journal is emptied after). Each line carries a sequence number and the snapshot the last one it
// holds, so a crash between the two steps replays nothing twice.
//
// The files are hostile input like any request: a torn last line (a crash mid-write: never answered) is cut
// off at start and reported; any other unreadable line is reported with its number and skipped; Longs beyond
// 2^53 are written tagged ({"$long":"…"}) and read back exact; the journal is read as a stream, in bounded
// pieces, whatever its size; every object read has no prototype.
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, renameSync, writeFileSync, appendFileSync, statSync } from 'node:fs';

const LONG = '$long';
const write = (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? { [LONG]: x.toString() } : x));
function read(text) {
  return JSON.parse(text, (_k, x) => {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
    const keys = Object.keys(x);
    if (keys.length === 1 && keys[0] === LONG && typeof x[LONG] === 'string' && /^-?\d{1,40}$/.test(x[LONG])) return BigInt(x[LONG]);
    return Object.assign(Object.create(null), x);
  });
}

// The journal is compacted into a snapshot past this size (bytes).
export const COMPACT_BYTES = 8 * 1024 * 1024;
// A journal line is read in pieces of this size; a line longer than the most one call can be is unreadable.
const PIECE = 1 << 20;
const MAX_LINE = 64 * 1024 * 1024;

/**
 * Open the journal at `file` and replay it into `ledger`: the snapshot first, then every later line.
 * `warn(text)` hears each repair and each skipped line. Answers `{ append(method, value, requestId) }`.
 */
export function openJournal(file, ledger, { warn = () => {}, compactBytes = COMPACT_BYTES } = {}) {
  const snapshotFile = `${file}.snapshot`;
  let seq = 0;
  if (existsSync(snapshotFile)) {
    try {
      const snap = read(readFileSync(snapshotFile, 'utf8'));
      ledger.restore(snap.state);
      seq = Number(snap.seq) || 0;
    } catch (e) {
      warn(`journal: the snapshot ${snapshotFile} is unreadable (${e.message}); replaying the journal alone`);
    }
  }
  const through = seq;
  if (existsSync(file)) seq = Math.max(seq, replayLines(file, ledger, through, warn));
  let bytes = existsSync(file) ? statSync(file).size : 0;

  function compact() {
    const tmp = `${snapshotFile}.tmp-${process.pid}`;
    writeFileSync(tmp, write({ seq, state: ledger.state() }));
    renameSync(tmp, snapshotFile);
    writeFileSync(file, '');
    bytes = 0;
  }

  return {
    /** Record an applied call; written (one write) before the caller answers it. */
    append(method, value, requestId) {
      seq += 1;
      const line = `${write({ seq, method, value, requestId })}\n`;
      appendFileSync(file, line);
      bytes += Buffer.byteLength(line);
      if (bytes > compactBytes) compact();
    },
    compact,
  };
}

/** Replay the journal's lines after sequence number `through`; the highest sequence number read. */
function replayLines(file, ledger, through, warn) {
  const fd = openSync(file, 'r+');
  let last = through;
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(PIECE);
    let pending = [];
    let pendingBytes = 0;
    let skipping = false;
    let pos = 0;
    let lineNo = 0;
    let lineStart = 0;
    const take = (text) => {
      lineNo += 1;
      if (!text.trim()) return;
      let entry;
      try {
        entry = read(text);
        if (typeof entry?.method !== 'string') throw new Error('no method');
      } catch (e) {
        warn(`journal: line ${lineNo} of ${file} is unreadable (${e.message.slice(0, 80)}): skipped`);
        return;
      }
      const n = Number(entry.seq);
      if (Number.isFinite(n) && n <= through) return; // already in the snapshot
      try {
        ledger.apply(entry.method, entry.value);
      } catch (e) {
        warn(`journal: line ${lineNo} of ${file} could not be applied (${e.message.slice(0, 80)}): skipped`);
        return;
      }
      if (Number.isFinite(n)) last = Math.max(last, n);
    };
    while (pos < size) {
      const n = readSync(fd, buf, 0, Math.min(PIECE, size - pos), pos);
      if (n <= 0) break;
      let from = 0;
      for (let i = buf.indexOf(10, 0); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) {
        if (skipping) lineNo += 1;
        else {
          pending.push(Buffer.from(buf.subarray(from, i)));
          take(Buffer.concat(pending).toString('utf8'));
        }
        pending = [];
        pendingBytes = 0;
        skipping = false;
        from = i + 1;
        lineStart = pos + from;
      }
      if (from < n && !skipping) {
        pendingBytes += n - from;
        if (pendingBytes > MAX_LINE) {
          warn(`journal: line ${lineNo + 1} of ${file} is over ${MAX_LINE} bytes: skipped`);
          pending = [];
          skipping = true;
        } else pending.push(Buffer.from(buf.subarray(from, n)));
      }
      pos += n;
    }
    if (lineStart < size) {
      // No newline after the last line: a write cut short by a crash, never answered as applied.
      ftruncateSync(fd, lineStart);
      warn(`journal: the last line of ${file} was torn (${size - lineStart} bytes, a write cut short by a crash before it was answered): cut off`);
    }
  } finally {
    closeSync(fd);
  }
  return last;
}
