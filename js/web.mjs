// Browser / bundler entry (ES module). `await init()` once: it fetches qimen_payload_bg.wasm next to this file
// (bundlers that understand `new URL(…, import.meta.url)` — webpack 5, Vite, Rollup with its plugin, Parcel,
// Turbopack — emit the file and rewrite the URL). Or pass a URL, Response, bytes or WebAssembly.Module.
import createGlue from './glue.mjs';
import makeApi from './api.mjs';

const api = makeApi(createGlue);

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol, registerApi, unregisterApi, exportApi, importDoc, apiTypes,
} = api;
// Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ and leaves their assets behind: there,
// the .wasm is read from the installed package instead (no `optimizeDeps.exclude` needed).
function defaultWasm() {
  const beside = new URL('./qimen_payload_bg.wasm', import.meta.url);
  const vite = beside.pathname.match(/^(.*\/node_modules\/)\.vite\/deps[^/]*\//);
  return vite ? new URL(`${vite[1]}qimen-payload/pkg/qimen_payload_bg.wasm`, beside) : beside;
}
export const init = (input) => api.init(input, defaultWasm);
export default init;
