//! The adversarial shapes of issue 21 at a given size: time and peak memory of `check` and `parse_response`
//! per input byte (run by `npm run bench`; `cargo run --release --example amplification -- [MiB]`).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static A: Counting = Counting;

fn fill(unit: &str, open: &str, close: &str, size: usize) -> String {
    let mut s = String::from(open);
    while s.len() + unit.len() + close.len() + 1 < size {
        if s.len() > open.len() {
            s.push(',');
        }
        s.push_str(unit);
    }
    s.push_str(close);
    s
}

fn main() {
    let mib: f64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let size = (mib * 1048576.0) as usize;
    let nest = |d: usize| format!("{}{}", "[".repeat(d), "]".repeat(d));
    let shapes: Vec<(&str, String, bool)> = vec![
        (
            "valid payload (qimendc, repeated entries)",
            fill(r#"{"warehouse_code":"SZ001","item_code":"A1","quantity":12,"inventory_type":"ZP"}"#, r#"{"items":["#, "]}", size),
            false,
        ),
        ("60-deep nested arrays", fill(&nest(60), r#"{"items":["#, "]}", size), false),
        ("empty arrays", fill("[]", r#"{"items":["#, "]}", size), false),
        ("empty objects in the list", fill("{}", r#"{"items":["#, "]}", size), false),
        (
            "distinct unknown keys",
            {
                let mut s = String::from(r#"{"items":[{"#);
                let mut i = 0;
                while s.len() < size - 40 {
                    if i > 0 {
                        s.push(',');
                    }
                    s.push_str(&format!("\"k{i:012}\":1"));
                    i += 1;
                }
                s.push_str("}]}");
                s
            },
            false,
        ),
        // The sparse response reader skips what the answer does not define, so the hostile shapes sit where it
        // keeps things: inside the `item` list, shopinv's `data` list, and lists of tiny genuine entries.
        ("response: JSON arrays 13 deep in the item list", fill(&nest(13), r#"{"response":{"flag":"success","item":["#, "]}}", size), true),
        ("response: empty JSON arrays in the data list", fill("[]", r#"{"result":{"success":true,"data":["#, "]}}", size), true),
        (
            "response: tiny JSON entries in the item list",
            fill(r#"{"itemCode":"1"}"#, r#"{"response":{"flag":"success","item":["#, "]}}", size),
            true,
        ),
        (
            "response: XML elements 13 deep in the item list",
            {
                let mut s = String::from("<response><flag>success</flag><item>");
                while s.len() < size - 2000 {
                    s.push_str(&"<a>".repeat(13));
                    s.push_str(&"</a>".repeat(13));
                }
                s.push_str("</item></response>");
                s
            },
            true,
        ),
        (
            "response: empty XML elements in the item list",
            {
                let mut s = String::from("<response><flag>success</flag><item>");
                while s.len() < size - 2000 {
                    s.push_str("<a/>");
                }
                s.push_str("</item></response>");
                s
            },
            true,
        ),
        (
            "response: tiny XML entries in the item list",
            {
                let mut s = String::from("<response><flag>success</flag><item>");
                while s.len() < size - 2000 {
                    s.push_str("<s><itemCode>1</itemCode></s>");
                }
                s.push_str("</item></response>");
                s
            },
            true,
        ),
    ];
    let api = qimen_payload::rules::api("tmall.qimendc.inventory.sync").expect("api");
    // Time (best of 3) and peak heap of one call; the engines interleaved, so both see the same machine.
    let measure = |f: &dyn Fn()| {
        let mut best = f64::MAX;
        let mut peak = 0;
        for _ in 0..3 {
            let base = NOW.load(Relaxed);
            PEAK.store(base, Relaxed);
            let t = Instant::now();
            f();
            best = best.min(t.elapsed().as_nanos() as f64);
            peak = peak.max(PEAK.load(Relaxed) - base);
        }
        (best, peak)
    };
    println!(
        "{:<48} {:>9} {:>9} {:>8} {:>11} {:>9} {:>9} {:>11}",
        "shape", "bytes", "ns/byte", "÷ valid", "peak/input", "tree ns/B", "÷ valid", "tree peak"
    );
    let (mut valid, mut valid_tree) = (0.0, 0.0);
    for (name, text, response) in shapes {
        let per_byte = |(ns, peak): (f64, usize)| (ns / text.len() as f64, peak as f64 / text.len() as f64);
        if response {
            // Each answer shape is the answer of the API whose lists it fills: shopinv.adjust's `result.data`,
            // items.synchronize's `response.item`.
            let method = if name.contains("data list") { "taobao.inventory.shopinv.adjust" } else { "qimen.taobao.pos.items.synchronize" };
            let answering = qimen_payload::rules::api(method).expect("shipped");
            let (ns, peak) = per_byte(measure(&|| {
                let _ = std::hint::black_box(qimen_payload::response::parse_response(answering, &text));
            }));
            println!("{name:<48} {:>9} {ns:>9.1} {:>8} {peak:>10.1}×", text.len(), "");
            continue;
        }
        let (ns, peak) = per_byte(measure(&|| {
            std::hint::black_box(qimen_payload::check(api, &text));
        }));
        let (tree_ns, tree_peak) = per_byte(measure(&|| {
            std::hint::black_box(qimen_payload::engine::check_by_tree(api, &text));
        }));
        if valid == 0.0 {
            (valid, valid_tree) = (ns, tree_ns);
        }
        println!(
            "{name:<48} {:>9} {ns:>9.1} {:>7.1}× {peak:>10.1}× {tree_ns:>9.1} {:>7.1}× {tree_peak:>10.1}×",
            text.len(),
            ns / valid,
            tree_ns / valid_tree
        );
    }
}
