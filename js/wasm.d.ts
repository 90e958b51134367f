// `qimen-payload/wasm`: the module's .wasm file itself, for bundlers that turn an asset import into its URL
// (webpack's asset modules, Vite with `?url`, Parcel's `url:`), to pass to `init(url)`.
declare const wasmUrl: string;
export default wasmUrl;
