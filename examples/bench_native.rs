//! Native benchmark of the core (`cargo run --release --example bench_native`, run by `npm run bench`):
//! check and render in MB/s on one core for each API, and how the cost grows from 1 to 10,000 entries
//! (through `chunk` above the list limit), and the uniqueness check on codes crafted to collide in an unkeyed
//! hash. Median of several rounds; prints Markdown tables.

#[path = "common/timing.rs"]
mod timing;
use timing::time;

use qimen_payload::chunk::chunk;
use qimen_payload::render::{render, render_value, Format};
use qimen_payload::rules::{Api, APIS};

fn entry(api: &Api, i: usize) -> String {
    match api.method {
        "qimen.taobao.pos.inventory.synchronize" => {
            format!(r#"{{"productCode":"SPU{i:03}","itemCode":"SKU-{i:06}","paperQty":{}}}"#, 100 + i)
        }
        "qimen.taobao.pos.items.synchronize" => format!(
            r#"{{"productCode":"PEUTET{i:03}","itemCode":"SKUEWRYU{i:06}","itemName":"女夏季短袖 {i}","barCode":"4006381333931","skuProperty":"红色 XXL","color":"red","size":"XXL","standardPrice":"200.00","referencePrice":"150.00","retailPrice":"120.00","tagPrice":"450.00","discount":"0.9000","priceAdjustment":{{"type":"0","standardPrice":"100.00","startDate":"2024-06-01","endDate":"2024-06-30"}},"brandName":"韩都衣舍","isValid":"Y","createTime":"2024-05-01 10:30:00"}}"#
        ),
        "tmall.qimendc.inventory.sync" => format!(
            r#"{{"warehouse_code":"SZ001","item_name":"天猫精灵 {i}","batch_code":"{i:03}","lock_quantity":10,"inventory_type":"ZP","expire_date":"2019-11-11","quantity":{},"item_id":"sn{i:06}","product_date":"2017-11-11","item_code":"ABC{i:06}"}}"#,
            12 + i
        ),
        _ => format!(r#"{{"item_id":{},"sku_id":0,"sub_order_id":"subOrder-{i:06}","quantity":{}}}"#, 1_231_111 + i, 1 + i),
    }
}

fn payload(api: &Api, n: usize) -> String {
    let list = (0..n).map(|i| entry(api, i)).collect::<Vec<_>>().join(",");
    match api.method {
        "qimen.taobao.pos.inventory.synchronize" => {
            format!(r#"{{"orderInfo":{{"storeCode":"TERMINAL2425"}},"item":[{list}],"customerid":"qimen"}}"#)
        }
        "qimen.taobao.pos.items.synchronize" => format!(r#"{{"actionType":"add","total":{n},"item":[{list}],"customerid":"A12345"}}"#),
        "tmall.qimendc.inventory.sync" => {
            format!(r#"{{"cp_code":"HN123","date":"2018-03-01","customer_id":"23423647","items":[{list}],"req_id":"r"}}"#)
        }
        _ => format!(
            r#"{{"shop_inventory_edit":{{"order_id":"o","store_id":111111111,"check_mode":2,"detail_list":[{list}],"recover_deleted_data":true}}}}"#
        ),
    }
}

/// `n` distinct 24-character ASCII codes that all have the same Fx hash (the unkeyed multiply-rotate hasher
/// the uniqueness check once used): for two random words, the third word is solved for, and kept when it is
/// printable. This is the input that made that check quadratic; an attacker can make it in seconds.
fn fx_colliding_codes(n: usize) -> Vec<String> {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let printable = |b: &u8| (0x20..0x7f).contains(b) && *b != b'"' && *b != b'\\';
    let target = u64::from_le_bytes(*b"AAAAAAAA");
    let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut codes = std::collections::BTreeSet::new();
    while codes.len() < n {
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let head: [u8; 16] = std::array::from_fn(|i| b'a' + ((rng >> (i * 4)) as u8 & 15));
        let h2 = add(add(0, u64::from_le_bytes(head[..8].try_into().unwrap())), u64::from_le_bytes(head[8..].try_into().unwrap()));
        let tail = (target ^ h2.rotate_left(5)).to_le_bytes();
        if tail.iter().all(printable) {
            codes.insert([&head[..], &tail[..]].concat());
        }
    }
    codes.into_iter().map(|c| String::from_utf8(c).expect("ASCII")).collect()
}

fn main() {
    println!("\nnative core (one core, median of 7 rounds)\n");
    println!("| method | entries | bytes | check MB/s | check µs | render xml MB/s | render json MB/s |");
    println!("|---|---|---|---|---|---|---|");
    for api in APIS {
        let max = api.list_limit().map_or(20, |(_, m)| m);
        for n in [1, 20, 100].into_iter().filter(|n| *n <= max) {
            let text = payload(api, n);
            assert!(qimen_payload::check(api.method, &text).ok, "{} {n}: benchmark payload must be valid", api.method);
            let mb = text.len() as f64 / 1e6;
            let c = time(|| {
                std::hint::black_box(qimen_payload::check(api.method, std::hint::black_box(&text)));
            });
            let x = time(|| {
                std::hint::black_box(render(api.method, &text, Format::Xml).ok());
            });
            let j = time(|| {
                std::hint::black_box(render(api.method, &text, Format::Json).ok());
            });
            println!("| {} | {n} | {} | {:.0} | {:.1} | {:.0} | {:.0} |", api.method, text.len(), mb / c, c * 1e6, mb / x, mb / j);
        }
    }
    println!("\nscaling through chunk (text → chunk → render each chunk as XML), qimendc and shopinv.adjust\n");
    println!("| method | entries | chunks | total ms | µs per entry |");
    println!("|---|---|---|---|---|");
    for api in APIS.iter().filter(|a| a.method.starts_with("tmall") || a.method.starts_with("taobao")) {
        for n in [1, 10, 100, 1_000, 10_000] {
            let text = payload(api, n);
            let mut chunks = 0;
            let t = time(|| {
                let parts = chunk(api, &text).expect("chunkable");
                chunks = parts.len();
                for p in &parts {
                    std::hint::black_box(render_value(api, p, Format::Xml));
                }
            });
            println!("| {} | {n} | {chunks} | {:.2} | {:.2} |", api.method, t * 1e3, t * 1e6 / n as f64);
        }
    }
    println!("\nuniqueness check on 20,000 itemCodes (inventory.synchronize, over the list limit): crafted vs ordinary\n");
    println!("| codes | check ms | µs per entry |");
    println!("|---|---|---|");
    let api = APIS.iter().find(|a| a.method == "qimen.taobao.pos.inventory.synchronize").expect("api");
    let list = |codes: &[String]| {
        let items: Vec<String> = codes.iter().map(|c| format!(r#"{{"itemCode":"{c}","paperQty":1}}"#)).collect();
        format!(r#"{{"item":[{}]}}"#, items.join(","))
    };
    let crafted = fx_colliding_codes(20_000);
    let ordinary: Vec<String> = (0..20_000).map(|i| format!("ordinary-code-{i:010}")).collect();
    let mut per = Vec::new();
    for (name, codes) in [("crafted to collide in Fx", &crafted), ("ordinary", &ordinary)] {
        let text = list(codes);
        let t = time(|| {
            std::hint::black_box(qimen_payload::check(api.method, std::hint::black_box(&text)));
        });
        per.push(t);
        println!("| {name} | {:.2} | {:.2} |", t * 1e3, t * 1e6 / codes.len() as f64);
    }
    println!("\ncrafted ÷ ordinary: {:.2}× (the Fx hash map it replaced: 169× here, growing with the count)", per[0] / per[1]);

    // A table registered at run time against the compiled one it was exported from, interleaved round by round
    // (issue 31 §2: a registered table validates as fast as a compiled one).
    println!("\nregistered vs compiled table: check of 20 entries, interleaved rounds\n");
    println!("| method | compiled µs | registered µs | registered ÷ compiled |");
    println!("|---|---|---|---|");
    for api in APIS {
        let mut doc = qimen_payload::rules::table::export(api);
        doc.method = format!("bench.{}", api.method.replace('.', "_"));
        let registered = qimen_payload::rules::registry::register_doc(&doc).expect("an exported table registers");
        let text = payload(api, 20);
        let input = qimen_payload::input::parse(&text).expect("json");
        let (mut compiled, mut data) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            compiled.push(time(|| {
                std::hint::black_box(qimen_payload::check_input(api, std::hint::black_box(&input)));
            }));
            data.push(time(|| {
                std::hint::black_box(qimen_payload::check_input(registered, std::hint::black_box(&input)));
            }));
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        let (c, r) = (median(&mut compiled), median(&mut data));
        println!("| {} | {:.1} | {:.1} | {:.2} |", api.method, c * 1e6, r * 1e6, r / c);
    }
}
