//! Splitting a payload whose list is over its limit into consecutive payloads within the limit (45 → 20, 20,
//! 5), copying the other fields. Order is kept; nothing is dropped or duplicated; every chunk passes `check`.

use crate::engine;
use crate::input::{self, Input};
use crate::report::{Code, Report};
use crate::rules::Api;
use crate::value::Val;

/// Chunk a payload given as JSON text.
pub fn chunk<'a>(api: impl crate::rules::ApiRef<'a>, text: &str) -> Result<Vec<Val>, Report> {
    let api = api.resolve()?;
    match input::parse(text) {
        Ok(i) => chunk_input(api, &i),
        Err(e) => Err(Report::failed(engine::parse_error_issue(e))),
    }
}

/// Chunk an input tree. Refused with the report when the payload has any error other than its list being
/// over the limit.
pub fn chunk_input(api: &Api, input: &Input) -> Result<Vec<Val>, Report> {
    let (value, report) = engine::walk(api, input);
    // A table without a chunked list: a valid payload is its own one chunk.
    let (path, Some(list)) = (api.chunked, api.chunked_list()) else {
        return match value {
            Some(v) if report.ok => Ok(vec![v]),
            _ => Err(report),
        };
    };
    let max = list.max;
    let list_path = path.join(".");
    let blocking = report.errors.iter().any(|e| !(e.code == Code::TooMany && e.path == list_path));
    let value = match value {
        Some(v) if !blocking => v,
        _ => return Err(report),
    };
    let entries = list_at(&value, path).map(<[Val]>::to_vec).unwrap_or_default();
    if entries.len() <= max {
        return Ok(vec![value]);
    }
    Ok(entries.chunks(max).map(|part| with_list(&value, path, part.to_vec())).collect())
}

fn list_at<'v>(v: &'v Val, path: &[&str]) -> Option<&'v [Val]> {
    match path {
        [] => v.as_list(),
        [first, rest @ ..] => list_at(v.get(first)?, rest),
    }
}

/// A copy of `v` with the list at `path` replaced by `part`.
fn with_list(v: &Val, path: &[&'static str], part: Vec<Val>) -> Val {
    let Val::Obj(members) = v else { return v.clone() };
    let Some((first, rest)) = path.split_first() else { return Val::List(part) };
    Val::Obj(
        members
            .iter()
            .map(|(k, child)| {
                if k == first {
                    (*k, if rest.is_empty() { Val::List(part.clone()) } else { with_list(child, rest, part.clone()) })
                } else {
                    (*k, child.clone())
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render_value, Format};
    use crate::rules;

    #[test]
    fn forty_five_details_become_20_20_5_in_order_and_each_passes() {
        let api = rules::api("taobao.inventory.shopinv.adjust").expect("api");
        let details: Vec<String> =
            (0..45).map(|i| format!(r#"{{"item_id":{},"sku_id":0,"sub_order_id":"s{i}","quantity":1}}"#, i + 1)).collect();
        let text = format!(
            r#"{{"shop_inventory_edit":{{"order_id":"o","store_id":1,"check_mode":2,"detail_list":[{}],"recover_deleted_data":true}}}}"#,
            details.join(",")
        );
        let chunks = chunk(api, &text).expect("chunked");
        let sizes: Vec<usize> =
            chunks.iter().map(|c| list_at(c, &["shop_inventory_edit", "detail_list"]).map_or(0, <[Val]>::len)).collect();
        assert_eq!(sizes, [20, 20, 5]);
        let mut ids = Vec::new();
        for c in &chunks {
            let again = engine::check(api.method, &render_value(api, c, Format::Json));
            assert!(again.ok, "{:?}", again.errors);
            for d in list_at(c, &["shop_inventory_edit", "detail_list"]).unwrap_or(&[]) {
                ids.push(d.get("sub_order_id").and_then(Val::as_str).unwrap_or("").to_string());
            }
            assert_eq!(c.get("shop_inventory_edit").and_then(|e| e.get("order_id")), Some(&Val::Str("o".into())));
        }
        assert_eq!(ids, (0..45).map(|i| format!("s{i}")).collect::<Vec<_>>());
    }

    #[test]
    fn other_errors_refuse_and_small_payloads_pass_through() {
        let api = rules::api("qimen.taobao.pos.items.synchronize").expect("api");
        assert!(chunk(api, r#"{"item":[]}"#).is_err());
        let one = chunk(api, r#"{"actionType":"add","customerid":"c"}"#).expect("ok");
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn total_keeps_the_overall_count() {
        let api = rules::api("qimen.taobao.pos.items.synchronize").expect("api");
        let items: Vec<String> = (0..21)
            .map(|i| format!(r#"{{"productCode":"P","itemCode":"S{i}","skuProperty":"x","standardPrice":"1","referencePrice":"1"}}"#))
            .collect();
        let text = format!(r#"{{"actionType":"add","total":21,"item":[{}],"customerid":"c"}}"#, items.join(","));
        let chunks = chunk(api, &text).expect("chunked");
        assert_eq!(chunks.len(), 2);
        assert!(chunks.iter().all(|c| c.get("total") == Some(&Val::Long(21))));
    }
}
