// Loads the shared case corpus (tests/cases/<method>/<case>.json) for the Node suites.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const casesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'cases');

export function loadCases() {
  const out = [];
  for (const method of readdirSync(casesDir).sort()) {
    for (const file of readdirSync(join(casesDir, method)).sort()) {
      if (!file.endsWith('.json')) continue;
      const text = readFileSync(join(casesDir, method, file), 'utf8');
      const c = JSON.parse(text);
      // The payload exactly as the case gives it: raw text, or the input's own JSON text (cut from the file
      // so that integers beyond 2^53 keep their digits).
      c.payloadText = c.inputText ?? JSON.stringify(c.input);
      out.push({ method, name: file.replace(/\.json$/, ''), case: c });
    }
  }
  return out;
}

export const pairs = (issues) => issues.map((i) => `${i.path} ${i.code}`).sort();
