// Browser / bundler entry (ES module). `await init()` once: it fetches qimen_payload_bg.wasm next to this file
// (bundlers that understand `new URL(…, import.meta.url)` — webpack 5, Vite, Rollup with its plugin, Parcel,
// Turbopack — emit the file and rewrite the URL). Or pass a URL, Response, bytes or WebAssembly.Module.
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeForms from './forms.mjs';

const api = makeApi(createGlue);

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol, registerApi, unregisterApi, exportApi, importDoc, apiTypes,
} = api;
// Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ and leaves their assets behind: there,
// the .wasm is read from the installed package instead (no `optimizeDeps.exclude` needed).
// Where the package is installed elsewhere (a workspace's hoisted node_modules, Nuxt), that guess is answered
// with the app's index.html or a 404: say so, rather than 'expected magic word 00 61 73 6d', and init's message
// names the one line that fixes it.
function defaultWasm() {
  const beside = new URL('./qimen_payload_bg.wasm', import.meta.url);
  const vite = beside.pathname.match(/^(.*\/node_modules\/)\.vite\/deps[^/]*\//);
  if (!vite) return beside;
  const guess = new URL(`${vite[1]}qimen-payload/pkg/qimen_payload_bg.wasm`, beside);
  return fetch(guess).then((r) => {
    const type = r.headers.get('content-type') ?? '';
    if (r.ok && !type.startsWith('text/html')) return r;
    throw new Error(`Vite's dev server pre-bundled qimen-payload into .vite/deps and answered ${r.status} ${type || '(no type)'} for ${guess}: `
      + 'the package is installed outside this app (a workspace\'s hoisted node_modules, Nuxt)');
  });
}
export const { antdFields, elementPlusRules, veeValidateSchema } = makeForms(api);
export const init = (input) => api.init(input, defaultWasm);
export default init;
