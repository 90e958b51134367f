// JSON text ⇄ JS values without losing integers beyond 2^53 (ids): such numbers become BigInt on the way in
// (using the reviver's access to the source text); the way out is the package's `stringify`.
export function parseExact(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
      return BigInt(context.source);
    }
    return value;
  });
}

// Writing goes through the package's one exact writer (no placeholder strings that a value could imitate).
export { stringify as stringifyExact } from '/pkg/web.mjs';
