// The peer a JS developer would write instead: JSON.parse + Ajv (compiled from our exported schema) + the same
// normalization in plain JS (trim, dates, decimals, enum aliases) + fast-xml-parser's XMLBuilder. Benchmark
// code only — the product's rules live in the Rust tables.
import Ajv2020 from 'ajv/dist/2020.js';
import { XMLBuilder } from 'fast-xml-parser';

const ENUM_ALIASES = { 创建人: 'CJ', 审批人: 'SP', 终止人: 'ZZ', 新增: 'add', 修改: 'update', 删除: 'delete', 正品: 'ZP', 残次: 'CC', 机损: 'JS', 箱损: 'XS', 在途: 'ZT', 是: 'Y', 否: 'N', 全量: 1, 增量: 2 };
const pad2 = (n) => String(n).padStart(2, '0');

function normDate(v, withTime) {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(String(v).trim());
  if (!m) return v;
  const d = `${m[1]}-${pad2(m[2])}-${pad2(m[3])}`;
  return withTime ? `${d} ${pad2(m[4] ?? 0)}:${pad2(m[5] ?? 0)}:${pad2(m[6] ?? 0)}` : d;
}
function normDecimal(v, scale) {
  const s = String(v).trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return v;
  const [i, f = ''] = s.split('.');
  return `${i}.${f.padEnd(scale, '0').slice(0, scale)}`;
}

function normalize(schema, v) {
  if (v === null || v === undefined) return undefined;
  if (schema.type === 'object' && typeof v === 'object') {
    const out = {};
    for (const [k, s] of Object.entries(schema.properties)) {
      const n = normalize(s, v[k]);
      if (n !== undefined && n !== '') out[k] = n;
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(v)) return v.map((e) => normalize(schema.items, e));
  if (schema.enum) return ENUM_ALIASES[v] ?? v;
  if (schema.type === 'string' && schema.pattern?.includes(':')) return normDate(v, true);
  if (schema.type === 'string' && schema.pattern?.startsWith('^[0-9]{4}')) return normDate(v, false);
  if (schema.type === 'string' && schema.pattern?.includes('{2}$')) return normDecimal(v, 2);
  if (schema.type === 'string' && schema.pattern?.includes('{4}')) return normDecimal(v, 4);
  if (schema.type === 'integer') return typeof v === 'string' ? Number(v.trim()) : v;
  return typeof v === 'string' ? v.trim() : v;
}

function toXmlTree(schema, v, fieldsOf) {
  if (schema.type === 'object') {
    const out = {};
    for (const [k, s] of Object.entries(schema.properties)) if (v[k] !== undefined) out[k] = toXmlTree(s, v[k], fieldsOf);
    return out;
  }
  if (schema.type === 'array') return { [fieldsOf(schema)]: v.map((e) => toXmlTree(schema.items, e, fieldsOf)) };
  return v;
}

export function makePeer(schema, entryNames) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });
  const entryName = (s) => entryNames.get(s) ?? 'struct';
  return {
    verdict(text) {
      const v = JSON.parse(text);
      return validate(v);
    },
    pipeline(text) {
      const v = JSON.parse(text);
      const n = normalize(schema, v);
      if (!validate(n)) return null;
      return builder.build({ request: toXmlTree(schema, n, entryName) });
    },
  };
}
