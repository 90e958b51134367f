// Node entry (ES module; also Bun and Deno). The wasm is read and instantiated synchronously at import, so
// every function is usable at once; `init()` resolves immediately (the same user module runs in browsers).
// Bundled into a server without the .wasm beside it, the functions say so; then copy
// qimen_payload_bg.wasm next to the bundle, or call `initSync(readFileSync(pathToWasm))` once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeServer from './server.mjs';

const api = makeApi(createGlue);
// Beside this file; in a CommonJS bundle made from this module (import.meta emptied), beside the bundle.
const wasmUrl = (() => {
  try {
    return new URL('./qimen_payload_bg.wasm', import.meta.url);
  } catch {
    return typeof __dirname === 'string' ? join(__dirname, 'qimen_payload_bg.wasm') : 'qimen_payload_bg.wasm';
  }
})();
try {
  api.initSync(readFileSync(wasmUrl));
} catch {
  // Left uninitialized: the first call throws PayloadError 'not_initialized' naming the fix.
}
const server = makeServer(api);

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol,
} = api;
export const { MAX_LISTED, jsonResponse, sendJson, checkBody, errorResponse, statusOf, middleware, fastifyPlugin, koa, validateRequest, readNodeBody, readWebBody } = server;
export const init = (input) => api.init(input, () => readFileSync(wasmUrl));
export default init;
