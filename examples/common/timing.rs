//! The examples' one timer (`#[path = "common/timing.rs"] mod timing;`): not an example itself.

use std::time::Instant;

/// Median seconds per call of `f` over 7 rounds of at least ~50 ms (and 3 calls) each.
pub fn time(mut f: impl FnMut()) -> f64 {
    let mut samples = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed().as_millis() < 50 || n < 3 {
            f();
            n += 1;
        }
        samples.push(start.elapsed().as_secs_f64() / f64::from(n));
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}
