//! Prints the JSON Schema (2020-12) of the rule-table format, derived from its serde types
//! (`src/rules/table/doc.rs`): the build writes it to `pkg/table.schema.json` (`qimen-payload/table.schema.json`).

fn main() {
    let mut schema = schemars::schema_for!(qimen_payload::rules::table::TableDoc);
    schema.insert("$id".into(), "https://qimen-payload.invalid/table.schema.json".into());
    schema.insert("title".into(), "qimen-payload rule table (qimen-payload/table@1)".into());
    println!("{}", serde_json::to_string_pretty(&schema).expect("a schema serializes"));
}
