// JSON text ⇄ JS values without losing integers beyond 2^53 (ids): such numbers become BigInt on the way in
// (using the reviver's access to the source text) and exact digits on the way out.
export function parseExact(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
      return BigInt(context.source);
    }
    return value;
  });
}

export function stringifyExact(value, space) {
  return JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `#big${v}#` : v), space).replace(/"#big(-?\d+)#"/g, '$1');
}
