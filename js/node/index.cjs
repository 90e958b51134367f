'use strict';
// Node entry (CommonJS). The wasm module is instantiated synchronously by wasm-bindgen's nodejs glue, so every
// function is usable right after require(). Rules live in the wasm core; this file only re-exports.
const core = require('./qimen_payload.js');

module.exports = {
  check: core.check,
  methods: core.methods,
  example: core.example,
};
