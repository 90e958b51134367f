// Every XML the corpus and the generated payloads render to is accepted by an independent parser
// (fast-xml-parser), and reads back to the normalized value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import * as q from 'qimen-payload';
import { generate, rng } from './gen.mjs';

for (const { method } of q.methods()) {
  test(`${method}: 500 generated payloads render to well-formed XML that reads back`, () => {
    const fields = q.fields(method);
    const parser = new XMLParser({ parseTagValue: false, trimValues: false });
    let rendered = 0;
    for (let seed = 0; seed < 500; seed++) {
      const payload = generate(fields, rng(seed));
      const report = q.check(method, payload);
      if (!report.ok) continue;
      const xml = q.render(method, payload, 'xml');
      assert.equal(XMLValidator.validate(xml), true, `seed ${seed}: ${xml}`);
      // spot-check: every top-level scalar of the value is in the XML as its element's text
      const back = parser.parse(xml).request ?? {};
      for (const [k, v] of Object.entries(report.value)) {
        if (typeof v !== 'object') assert.equal(String(back[k]), String(v), `seed ${seed}: ${k}`);
      }
      rendered++;
    }
    assert.ok(rendered >= 100, `only ${rendered} valid payloads were generated`);
  });
}
