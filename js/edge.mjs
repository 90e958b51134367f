// Vercel / Next.js Edge runtime (the edge-light condition): wasm cannot be compiled from bytes there either, and
// Next's bundlers give a WebAssembly.Module for a `.wasm?module` import (a bare `.wasm` import would be
// instantiated as an ES module). Instantiated at import; `init()` resolves at once.
import wasmModule from './qimen_payload_bg.wasm?module';
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeServer from './server.mjs';

const api = makeApi(createGlue);
api.initSync(wasmModule);

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example,
} = api;
export const { checkBody, errorResponse, statusOf, validateRequest } = makeServer(api);
export const init = (input) => api.init(input);
export default init;
