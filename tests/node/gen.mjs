// A seeded payload generator for the Node and browser suites, walking the rule table as data (`fields()`):
// it writes accepted input forms, XML specials and Chinese, sometimes breaking a rule. Test code only.
export function rng(seed) {
  let s = BigInt(seed) + 0x9e3779b97f4a7c15n;
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) % 1000000n) / 1000000;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function scalar(f, r, i) {
  switch (f.kind) {
    case 'string': return pick(r, [`${f.name}-${i}`, ` 红色 XXL ${i} `, `A&B <c> "d" 'e' ]]> ${i}`, `天猫精灵${i}`, `x${Math.floor(r() * 1e6)}${i}`]);
    case 'long': return pick(r, [Math.floor(r() * 1000) + 1, String(Math.floor(r() * 1000) + 1), '9007199254740993']);
    case 'boolean': return pick(r, [true, false, 'TRUE']);
    case 'price': return pick(r, ['¥1,200.5', 99.9, '０', '12']);
    case 'discount': return pick(r, ['9折', '85折', '0.9', '90%']);
    case 'date': case 'datetime': return pick(r, ['2024-05-01 10:30:00', '2024/5/1 9:05:07', '2024-05-01T02:30:00Z', 1714530600000]);
    case 'enum': { const c = pick(r, f.codes); return pick(r, [c.code, c.labelZh]); }
    default: return null;
  }
}

export function generate(fields, r, i = 0) {
  const o = {};
  for (const f of fields) {
    if (!f.required && r() < 0.4) continue;
    if (f.kind === 'object') o[f.name] = generate(f.fields, r, i);
    else if (f.kind === 'list') {
      const n = Math.max(f.minItems ?? 0, Math.floor(r() * Math.min(f.maxItems ?? 3, 5)) + 1);
      o[f.name] = Array.from({ length: n }, (_, j) => generate(f.fields, r, j));
    } else o[f.name] = scalar(f, r, i);
  }
  return o;
}
