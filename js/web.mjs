// Browser / bundler entry (ES module). `await init()` once: it fetches qimen_payload_bg.wasm next to this file
// (bundlers that understand `new URL(…, import.meta.url)` — webpack 5, Vite, Rollup with its plugin, Parcel,
// Turbopack — emit the file and rewrite the URL). Or pass a URL, Response, bytes or WebAssembly.Module.
import createGlue from './glue.mjs';
import makeApi from './api.mjs';
import makeForms from './forms.mjs';

// The tools module (schema, importDoc, apiTypes) is fetched by `await initTools()`, not by `init()`.
const api = makeApi(createGlue, { source: () => undefined });

export const {
  PayloadError, standardSchema, schemas, initSync, stringify, isReady, instanceStats, setLanguage, getLanguage, check, validate, isValid, render, chunk, buildRequest, signParams,
  parseResponse, schema, fields, limits, memoryBytes, methods, example, checkXml, protocol, registerApi, unregisterApi, exportApi, importDoc, apiTypes,
} = api;
// Vite's dev server pre-bundles dependencies (into node_modules/.vite/deps/; Nuxt's into
// node_modules/.cache/vite/client/deps/) and leaves their assets behind: there, the .wasm is read from the
// installed package instead (no `optimizeDeps.exclude` needed). Where the server names files by absolute path
// (`/@fs/…`, as Nuxt's does), each parent directory's node_modules is tried too: a workspace's hoisted install.
// Where none answers with the .wasm (index.html or a 404), it says so rather than 'expected magic word 00 61 73
// 6d', and init's message names the one line that fixes it.
// Each `new URL` is written out in full, so that bundlers see the file to emit.
const defaultWasm = () => wasmUrl(new URL('./qimen_payload_bg.wasm', import.meta.url));
const defaultTools = () => wasmUrl(new URL('./qimen_payload_tools_bg.wasm', import.meta.url));
function wasmUrl(beside) {
  const file = beside.pathname.slice(beside.pathname.lastIndexOf('/') + 1);
  const deps = beside.pathname.match(/^(.*\/)node_modules\/(?:\.vite|\.cache\/vite\/[^/]+)\/deps[^/]*\//);
  if (!deps) return beside;
  const dirs = [deps[1]];
  const fs = deps[1].indexOf('/@fs/');
  if (fs >= 0) {
    for (let d = deps[1]; d.length > fs + 5;) {
      d = d.replace(/[^/]+\/$/, '');
      dirs.push(d);
    }
  }
  return (async () => {
    const tried = [];
    for (const dir of dirs) {
      const url = new URL(`${dir}node_modules/qimen-payload/pkg/${file}`, beside);
      const r = await fetch(url);
      const type = r.headers.get('content-type') ?? '';
      if (r.ok && !type.startsWith('text/html')) return r;
      tried.push(`${r.status} ${type || '(no type)'} for ${url}`);
    }
    throw new Error(`Vite's dev server pre-bundled qimen-payload and answered ${tried.join(', ')}: the package is installed `
      + 'outside this app (a workspace\'s hoisted node_modules)');
  })();
}
export const { antdFields, elementPlusRules, veeValidateSchema, formilyValidator } = makeForms(api);
export const init = (input) => api.init(input, defaultWasm);
export const initTools = (input) => api.initTools(input, defaultTools);
export default init;
