// The build's proof that one glue serves both modules (scripts/build.sh): the glue is the tools module's, so
// the default module must import exactly what the tools module imports (the glue supplies those functions)
// and export nothing the tools module does not (the glue calls those exports). wasm-bindgen names an import
// by its crate, module and signature, so this holds while both are built from one crate; the build stops if
// it ever does not.
//
// Usage: node scripts/one-glue.mjs <default.wasm> <tools.wasm>
import { readFileSync } from 'node:fs';

const [base, tools] = process.argv.slice(2).map((f) => new WebAssembly.Module(readFileSync(f)));
const names = (list) => new Set(list.map((i) => `${i.module ?? ''}/${i.name}:${i.kind}`));
const missing = (a, b) => [...a].filter((x) => !b.has(x));
const [bi, ti] = [names(WebAssembly.Module.imports(base)), names(WebAssembly.Module.imports(tools))];
const problems = [
  ...missing(bi, ti).map((x) => `the default module imports ${x}, which the tools module's glue does not supply`),
  ...missing(ti, bi).map((x) => `the tools module imports ${x}, which the default module does not (the glues differ)`),
  ...missing(names(WebAssembly.Module.exports(base)), names(WebAssembly.Module.exports(tools))).map((x) => `the default module exports ${x}, which the tools module does not`),
];
if (problems.length > 0) {
  console.error(`one-glue: the two modules cannot share one glue:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
