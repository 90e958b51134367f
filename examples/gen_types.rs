//! Prints the package's `.d.ts`: the generic part (the file named by the first argument) followed by the
//! per-API types generated from the rule tables. Run by scripts/build.sh. With `--js-esm` or `--js-cjs`, prints
//! instead the JS lines of the per-API named exports, which the build appends to each entry point.

fn main() {
    match std::env::args().nth(1).as_deref() {
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
