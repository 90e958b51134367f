//! An overlay: a person's decisions over an imported table, as a JSON object merged into the table file.
//!
//! Objects merge key by key, a `null` removing the key; a list of objects that all carry `wire` (response
//! fields), else `code` (enum codes), else `name` (fields) merges entry by entry on that key, keeping the table's order
//! and appending new entries; any other value replaces the table's. [`between`] writes the overlay that turns
//! one table into another (what the seeds' round trip records), [`apply`] applies one.

use serde_json::{Map, Value};

/// An entry of a keyed list marked so is removed.
pub const REMOVE: &str = "$remove";

/// The key a list's entries are merged on, when they all carry the same one.
fn list_key(items: &[Value]) -> Option<&'static str> {
    ["wire", "code", "name"].into_iter().find(|k| !items.is_empty() && items.iter().all(|v| v.get(*k).is_some_and(Value::is_string)))
}

/// `base` with `over` merged in.
pub fn apply(base: &Value, over: &Value) -> Value {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            let mut out = b.clone();
            for (k, v) in o {
                if v.is_null() {
                    out.remove(k);
                } else {
                    let merged = match out.get(k) {
                        Some(old) => apply(old, v),
                        None => v.clone(),
                    };
                    out.insert(k.clone(), merged);
                }
            }
            Value::Object(out)
        }
        (Value::Array(b), Value::Array(o)) => match (list_key(b), list_key(o)) {
            (Some(kb), Some(ko)) if kb == ko => {
                let mut out = b.clone();
                for v in o {
                    let at = out.iter().position(|e| e.get(kb) == v.get(kb));
                    match (at, v.get(REMOVE) == Some(&Value::Bool(true))) {
                        (Some(i), true) => {
                            out.remove(i);
                        }
                        (None, true) => {}
                        (Some(i), false) => out[i] = apply(&out[i], v),
                        (None, false) => out.push(v.clone()),
                    }
                }
                // An overlay that names every entry left gives their order.
                let named: Vec<&Value> = o.iter().filter(|v| v.get(REMOVE).is_none()).filter_map(|v| v.get(kb)).collect();
                if out.iter().all(|e| e.get(kb).is_some_and(|k| named.contains(&k))) {
                    out.sort_by_key(|e| named.iter().position(|k| Some(*k) == e.get(kb)));
                }
                Value::Array(out)
            }
            _ => over.clone(),
        },
        _ => over.clone(),
    }
}

/// The least overlay that turns `base` into `target` (`apply(base, between(base, target)) == target`).
pub fn between(base: &Value, target: &Value) -> Option<Value> {
    if base == target {
        return None;
    }
    match (base, target) {
        (Value::Object(b), Value::Object(t)) => {
            let mut out = Map::new();
            for (k, v) in t {
                let d = match b.get(k) {
                    Some(old) => between(old, v),
                    None => Some(v.clone()),
                };
                if let Some(d) = d {
                    out.insert(k.clone(), d);
                }
            }
            for k in b.keys() {
                if !t.contains_key(k) {
                    out.insert(k.clone(), Value::Null);
                }
            }
            Some(Value::Object(out))
        }
        (Value::Array(b), Value::Array(t)) => {
            let Some(k) = list_key(b).filter(|k| t.iter().all(|v| v.get(*k).is_some_and(Value::is_string))) else {
                return Some(target.clone());
            };
            let same_order = b.len() == t.len() && b.iter().zip(t).all(|(x, y)| x.get(k) == y.get(k));
            let keyed = |mut d: Value, key: &Value| {
                if let Value::Object(m) = &mut d {
                    m.insert(k.to_string(), key.clone());
                }
                d
            };
            let mut out = Vec::new();
            for x in b {
                if !t.iter().any(|y| y.get(k) == x.get(k)) {
                    out.push(serde_json::json!({ k: x.get(k), REMOVE: true }));
                }
            }
            for y in t {
                let key = y.get(k).cloned().unwrap_or(Value::Null);
                match b.iter().find(|x| x.get(k) == Some(&key)) {
                    Some(x) => match between(x, y) {
                        Some(d) => out.push(keyed(d, &key)),
                        // Unchanged: named only when the order is to change.
                        None if !same_order => out.push(keyed(Value::Object(Map::new()), &key)),
                        None => {}
                    },
                    None => out.push(y.clone()),
                }
            }
            Some(Value::Array(out))
        }
        _ => Some(target.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn apply_undoes_between() {
        let a = json!({ "method": "m", "fields": [{ "name": "a", "type": "text", "max_len": 5 }, { "name": "b", "type": "long" }] });
        let b = json!({ "method": "m", "summary": "s", "fields": [{ "name": "a", "type": "price" }, { "name": "b", "type": "long", "min": 0 }] });
        let d = between(&a, &b).expect("different");
        assert_eq!(d, json!({ "summary": "s", "fields": [{ "name": "a", "type": "price", "max_len": null }, { "name": "b", "min": 0 }] }));
        assert_eq!(apply(&a, &d), b);
        // A list whose keys changed order is replaced whole.
        let c = json!({ "method": "m", "fields": [{ "name": "b", "type": "long" }, { "name": "a", "type": "text", "max_len": 5 }] });
        assert_eq!(apply(&a, &between(&a, &c).expect("different")), c);
        assert_eq!(between(&a, &a), None);
        // An entry removed.
        let e = json!({ "method": "m", "fields": [{ "name": "b", "type": "long" }] });
        assert_eq!(apply(&a, &between(&a, &e).expect("different")), e);
    }
}
