// Browser / bundler entry (ES module). Call `await init()` once before anything else: it fetches and
// instantiates qimen_payload_bg.wasm next to this file (or pass a URL, Response or bytes to init).
import wasmInit, * as core from './qimen_payload.js';

let ready = null;
export function init(input) {
  ready ??= wasmInit(input === undefined ? undefined : { module_or_path: input });
  return ready;
}

export const check = (method, payload) => core.check(method, payload);
export const methods = () => core.methods();
export const example = (method) => core.example(method);
export default init;
