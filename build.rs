//! Lists the case corpus for the wasm test suite, which cannot read files at run time (it runs in Node and in
//! a browser): writes `$OUT_DIR/corpus_files.rs` with every `tests/cases/<method>/<case>.json` embedded.
//! The library itself never includes it.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for dir in dirs.flatten() {
            println!("cargo:rerun-if-changed={}", dir.path().display());
            let method = dir.file_name().to_string_lossy().into_owned();
            for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
                if f.path().extension().is_some_and(|e| e == "json") {
                    files.push((method.clone(), f.file_name().to_string_lossy().into_owned(), f.path()));
                }
            }
        }
    }
    files.sort();
    let mut out = String::from("pub static CASES: &[(&str, &str, &str)] = &[\n");
    for (method, name, path) in files {
        let _ = writeln!(out, "    ({method:?}, {name:?}, include_str!({:?})),", path.display().to_string());
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("corpus_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}
