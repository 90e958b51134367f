//! `cargo run --example import_doc -- <doc page or doc JSON>`: print the imported table and its review (the
//! CLI's `import` natively; useful to read what the importer makes of a page).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: import_doc <file>")?;
    let text = std::fs::read_to_string(&path)?;
    let imported = qimen_payload::import::import_doc(&text).map_err(|p| format!("{p:?}"))?;
    for r in &imported.review {
        eprintln!("{} {:?} {:?} decision={} — {} — {}", r.field, r.kind, r.sure, r.decision, r.what, r.from);
    }
    println!("{}", serde_json::to_string_pretty(&imported.table)?);
    Ok(())
}
