'use strict';
// Node entry (CommonJS). The wasm is read and instantiated synchronously at require(); `init()` resolves at once.
// Bundled into a server without the .wasm beside it, the functions say so; then copy qimen_payload_bg.wasm next
// to the bundle, or call `initSync(readFileSync(pathToWasm))` once.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const createGlue = require('./glue.cjs');
const makeApi = require('./api.cjs');
const makeServer = require('./server.cjs');
const makeForms = require('./forms.cjs');

const wasmPath = join(__dirname, 'qimen_payload_bg.wasm');
// The tools module (schema, importDoc, apiTypes) is read on first use, not at require().
const readTools = () => readFileSync(join(__dirname, 'qimen_payload_tools_bg.wasm'));
const api = makeApi(createGlue, { source: readTools });
try {
  api.initSync(readFileSync(wasmPath));
} catch {
  // Left uninitialized: the first call throws PayloadError 'not_initialized' naming the fix.
}
const { isJsonType, ...server } = makeServer(api);

// `refusal` and `coreRefusal` are the server adapters' own doors into the core, not part of the public API.
const { refusal, coreRefusal, ...publicApi } = api;
module.exports = {
  ...publicApi,
  ...server,
  ...makeForms(api),
  init: (input) => api.init(input, () => readFileSync(wasmPath)),
  initTools: (input) => api.initTools(input, readTools),
};
