// `qimen-payload/wasm` and `qimen-payload/wasm/tools`: a module's .wasm file itself (the default one, and the
// tools one), for bundlers that turn an asset import into its URL (webpack's asset modules, Vite with `?url`,
// Parcel's `url:`), to pass to `init(url)` and `initTools(url)`.
declare const wasmUrl: string;
export default wasmUrl;
