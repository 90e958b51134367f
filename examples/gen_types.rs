//! Prints the package's `.d.ts`: the generic part (the file named by the first argument) followed by the
//! per-API types generated from the rule tables. Run by scripts/build.sh. With `--js-esm` or `--js-cjs`, prints
//! instead the JS lines of the per-API named exports, which the build appends to each entry point. With
//! `--rust DIR`, writes the `typed` feature's modules (one per shipped API, and `mod.rs`) into DIR.

#[path = "common/rust_types.rs"]
mod rust_types;

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("--rust") => return write_rust(&std::env::args().nth(2).unwrap_or_else(|| "src/typed".into())),
        Some("--js-esm") => return print!("{}", qimen_payload::describe::schema_exports_js(true)),
        Some("--js-cjs") => return print!("{}", qimen_payload::describe::schema_exports_js(false)),
        _ => {}
    }
    let path = std::env::args().nth(1).unwrap_or_else(|| "js/types.d.ts".into());
    match std::fs::read_to_string(&path) {
        Ok(generic) => print!("{}", qimen_payload::describe::typescript(&generic)),
        Err(e) => {
            eprintln!("gen_types: cannot read {path}: {e}");
            std::process::exit(2);
        }
    }
}

/// The `typed` feature's modules, for a person to review in the git diff (`tests/typed.rs` fails while the
/// committed files differ from what the tables give).
fn write_rust(dir: &str) {
    let apis: Vec<_> = qimen_payload::rules::shipped().collect();
    let mut files = vec![(format!("{dir}/mod.rs"), rust_types::index(&apis))];
    for api in &apis {
        files.push((format!("{dir}/{}.rs", rust_types::module_name(api)), rust_types::module(api)));
    }
    for (path, text) in files {
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, text)) {
            eprintln!("gen_types: cannot write {path}: {e}");
            std::process::exit(2);
        }
    }
}
