// Cloudflare Workers (workerd) and edge runtimes: they refuse to compile wasm from bytes at run time, so the
// .wasm is imported as a module (wrangler and workerd give a WebAssembly.Module) and instantiated at import.
// `init()` resolves at once. The build also emits this file as pkg/edge.mjs for the Vercel / Next.js Edge
// runtime (the edge-light condition), importing `./qimen_payload_bg.wasm?module`: Next's bundlers give a
// WebAssembly.Module only for that form (a bare `.wasm` import is instantiated as an ES module there).
import wasmModule from './qimen_payload_bg.wasm';
import toolsModule from './qimen_payload_tools_bg.wasm';
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeForms from './forms.mjs';
import makeServer from './server.mjs';

// The tools module (schema, importDoc, apiTypes) is imported compiled too, and instantiated on first use.
const api = makeApi(createGlue, { source: () => toolsModule });
api.initSync(wasmModule);

export const {
  PayloadError, standardSchema, schemas, initSync, initTools, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol, registerApi, unregisterApi, exportApi, importDoc, apiTypes,
} = api;
export const { MAX_LISTED, jsonResponse, checkBody, errorResponse, statusOf, validateRequest } = makeServer(api);
export const { antdFields, elementPlusRules, veeValidateSchema, formilyValidator } = makeForms(api);
export const init = (input) => api.init(input);
export default init;
