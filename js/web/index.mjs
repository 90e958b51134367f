// Browser / bundler entry (ES module). Call `await init()` once before anything else: it fetches and
// instantiates qimen_payload_bg.wasm next to this file (or pass a URL, Response or bytes to init).
import wasmInit, * as core from './qimen_payload.js';
import makeApi from './api.mjs';

let ready = null;
export function init(input) {
  ready ??= wasmInit(input === undefined ? undefined : { module_or_path: input });
  return ready;
}

const api = makeApi(core);
export const {
  PayloadError, setLanguage, getLanguage, check, render, chunk, buildRequest, signParams, parseResponse, schema, fields, limits, memoryBytes, methods, example,
} = api;
export default init;
