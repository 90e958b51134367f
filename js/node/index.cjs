'use strict';
// Node entry (CommonJS). wasm-bindgen's nodejs glue instantiates the module synchronously, so every function
// is usable right after require().
const makeApi = require('./api.cjs');
const makeMiddleware = require('./middleware.cjs');

const api = makeApi(require('./qimen_payload.js'));
api.middleware = makeMiddleware(api);
module.exports = api;
