// Browser / bundler entry (ES module). `await init()` once: it fetches qimen_payload_bg.wasm next to this file
// (bundlers that understand `new URL(…, import.meta.url)` — webpack 5, Vite, Rollup with its plugin, Parcel,
// Turbopack — emit the file and rewrite the URL). Or pass a URL, Response, bytes or WebAssembly.Module.
import createGlue from './glue.mjs';
import makeApi from './api.mjs';

const api = makeApi(createGlue);

export const {
  PayloadError, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example,
} = api;
export const init = (input) => api.init(input, () => new URL('./qimen_payload_bg.wasm', import.meta.url));
export default init;
