// Node entry (ES module; also Bun and Deno). The wasm is read and instantiated synchronously at import, so
// every function is usable at once; `init()` resolves immediately (the same user module runs in browsers).
// Bundled into a server without the .wasm beside it, the functions say so; then copy
// qimen_payload_bg.wasm next to the bundle, or call `initSync(readFileSync(pathToWasm))` once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeForms from './forms.mjs';
import makeServer from './server.mjs';

// Where the .wasm may be, in order: beside this file (a path from import.meta.url itself — Next's server bundles
// turn `new URL('./x.wasm', import.meta.url)` into a URL look-alike of a web path, issue 29 §1); the asset a
// bundler emitted for that `new URL` when it is a file; in a CommonJS bundle (import.meta emptied), beside the
// bundle.
const attempts = [
  (file) => join(dirname(fileURLToPath(import.meta.url)), file),
  (file) => fileURLToPath(String(new URL(`./${file}`, import.meta.url).href)),
  (file) => join(__dirname, file),
  (file) => file,
];
/** A .wasm's bytes from the first place that has them (the last place's error when none does). */
function read(file) {
  let error;
  for (const where of attempts) {
    try {
      return readFileSync(where(file));
    } catch (e) {
      error = e;
    }
  }
  throw error;
}
const readWasm = () => read('qimen_payload_bg.wasm');
// The tools module (schema, importDoc, apiTypes) is read on first use, not at import.
const readTools = () => read('qimen_payload_tools_bg.wasm');
const api = makeApi(createGlue, { source: readTools });
try {
  api.initSync(readWasm());
} catch {
  // Left uninitialized: the first call throws PayloadError 'not_initialized' naming the fix.
}
const server = makeServer(api);

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol, registerApi, unregisterApi, exportApi, importDoc, apiTypes,
} = api;
export const { MAX_LISTED, jsonResponse, sendJson, checkBody, errorResponse, statusOf, middleware, fastifyPlugin, koa, validateRequest, readNodeBody, readWebBody } = server;
export const { antdFields, elementPlusRules, veeValidateSchema, formilyValidator } = makeForms(api);
export const init = (input) => api.init(input, readWasm);
export const initTools = (input) => api.initTools(input, readTools);
export default init;
