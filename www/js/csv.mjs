// CSV files as spreadsheets export them: bytes → text (UTF-8 with or without BOM, else GBK/GB18030 as Excel
// saves on Chinese Windows) → rows (RFC 4180 quoting). Mapping columns to fields uses the rule table's names
// and labels, handed in by the caller.

export function decode(bytes) {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK, which is what Excel writes on Chinese Windows.
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GBK/GB18030' };
  }
}

/**
 * Parse CSV text into rows of cells; handles quotes, doubled quotes, commas and newlines inside quotes. Each
 * row carries `line`: the 1-based line of the file it starts on (what a spreadsheet user calls the row).
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => { row.push(cell); row.line = start; rows.push(row); row = []; cell = ''; start = line; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      end();
    } else cell += c;
  }
  if (cell !== '' || row.length) end();
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/**
 * Map a header row to entry field names: a column matches a field by its name (any case) or its Chinese or
 * English label. Returns the field name per column (or null), the unmatched headers, and the fields more than
 * one column matched.
 */
export function mapHeader(header, entryFields) {
  const norm = (s) => s.trim().toLowerCase();
  const columns = header.map((h) => {
    const f = entryFields.find((x) => norm(x.name) === norm(h) || x.labelZh === h.trim() || norm(x.labelEn) === norm(h));
    return f ? f.name : null;
  });
  // Two columns onto one field would keep only the last: a conflict the user decides (nothing is dropped quietly).
  const conflicts = [...new Set(columns.filter((c, i) => c !== null && columns.indexOf(c) !== i))];
  return { columns, ignored: header.filter((h, i) => columns[i] === null && h.trim() !== ''), conflicts };
}

/** Rows → entry objects in batches, yielding to the page between batches (for progress and responsiveness). */
export async function rowsToEntries(rows, columns, onProgress, batch = 500) {
  const entries = [];
  for (let i = 0; i < rows.length; i += batch) {
    for (const r of rows.slice(i, i + batch)) {
      const e = {};
      r.forEach((cell, j) => { if (columns[j] && cell.trim() !== '') e[columns[j]] = cell.trim(); });
      entries.push(e);
    }
    onProgress(Math.min(i + batch, rows.length), rows.length);
    await new Promise((ok) => setTimeout(ok, 0));
  }
  return entries;
}
