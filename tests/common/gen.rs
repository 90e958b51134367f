//! The seeded payload generator the property and schema suites share: it walks an API's rule table and writes
//! every input form `check` accepts (codes, labels, full-width digits, ¥ prices, 折 discounts, date variants,
//! epoch ms…), sometimes breaking a rule. Deterministic: a failure names its seed.

use qimen_payload::rules::{Api, Field, Kind, UNBOUNDED};
use serde_json::{json, Map, Value};

/// SplitMix64: small, good enough, and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

fn full_width(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect()
}

fn gen_scalar(f: &Field, rng: &mut Rng, index: usize) -> Value {
    match &f.kind {
        Kind::Str(_) => {
            let s = match rng.below(6) {
                0 => format!("{}-{index}", f.name),
                1 => format!("  红色 XXL {index} "),
                2 => format!("A&B <c> \"d\" 'e' {index}"),
                3 => format!("天猫精灵{index}"),
                4 => return json!(rng.below(1_000_000) + index as u64 * 1_000_000),
                _ => format!("sn{}", rng.below(100_000) * 100 + index as u64),
            };
            json!(s)
        }
        Kind::Long(rule) => {
            let base = rule.min.unwrap_or(-50);
            let n = base + rng.below(10_000) as i64;
            match rng.below(5) {
                0 => json!(n),
                1 => json!(n.to_string()),
                2 => json!(full_width(&n.to_string())),
                3 => json!(format!(" {n} ")),
                _ => json!(9_007_199_254_740_993i64 + rng.below(1000) as i64),
            }
        }
        Kind::Bool => json!(*rng.pick(&[json!(true), json!(false), json!("TRUE"), json!("false")])),
        Kind::Price => {
            let cents = rng.below(10_000_000);
            let (int, frac) = (cents / 100, cents % 100);
            match rng.below(5) {
                0 => json!(format!("{int}.{frac:02}")),
                1 => json!(format!("¥{},{:03}.{}", int / 1000 + 1, int % 1000, frac / 10)),
                2 => json!(full_width(&format!("{int}"))),
                3 => serde_json::from_str(&format!("{int}.{frac:02}")).unwrap_or(json!(0)),
                _ => json!(int),
            }
        }
        Kind::Discount => json!(*rng.pick(&["9折", "85折", "8.5折", "0.9000", "90%", "0.75", "1"])),
        Kind::Date | Kind::DateTime => {
            let (y, m, d, h) = (2000 + rng.below(30), 1 + rng.below(12), 1 + rng.below(28), rng.below(24));
            match rng.below(4) {
                0 => json!(format!("{y}-{m:02}-{d:02} {h:02}:05:09")),
                1 => json!(format!("{y}/{m}/{d} {h}:5:9")),
                2 => json!(format!("{y}-{m:02}-{d:02}T{h:02}:05:09Z")),
                _ => json!(946_684_800_000u64 + rng.below(900_000_000) * 1000),
            }
        }
        Kind::Enum(rule) => {
            let c = rng.pick(rule.codes);
            match rng.below(3) {
                0 => json!(c.code),
                1 => json!(c.label_zh),
                _ => json!(c.code.to_ascii_lowercase()),
            }
        }
        Kind::Object(_) | Kind::List(_) => Value::Null,
    }
}

/// `big`: the limited list gets more entries than its limit, each with its required fields only (so that the
/// payload's only error is the list's length, which is what `chunk` accepts).
fn gen_object(fields: &'static [Field], rng: &mut Rng, index: usize, big: bool) -> Value {
    gen_object_with(fields, rng, index, big, false)
}

fn gen_object_with(fields: &'static [Field], rng: &mut Rng, index: usize, big: bool, required_only: bool) -> Value {
    let mut m = Map::new();
    for f in fields {
        let is_big_list = big && matches!(&f.kind, Kind::List(l) if l.max != UNBOUNDED);
        if !f.required && !is_big_list && (required_only || !rng.chance(60)) {
            continue;
        }
        let v = match &f.kind {
            Kind::Object(o) => gen_object_with(o.fields, rng, index, big, required_only),
            Kind::List(l) => {
                let max = if l.max == UNBOUNDED { 3 } else { l.max };
                let n = if is_big_list {
                    max + 1 + rng.below(max as u64 * 2) as usize
                } else {
                    l.min.max(rng.below(max.min(25) as u64 + 1) as usize)
                };
                Value::Array((0..n.max(l.min)).map(|i| gen_object_with(l.fields, rng, i, false, is_big_list)).collect())
            }
            _ => gen_scalar(f, rng, index),
        };
        m.insert(f.name.to_string(), v);
    }
    Value::Object(m)
}

pub fn generate(api: &Api, seed: u64, big: bool) -> String {
    let mut rng = Rng(seed);
    serde_json::to_string(&gen_object(api.fields, &mut rng, 0, big)).expect("serializable")
}
