//! The one sort of the crate's runtime paths: the indices of `n` items in the order a comparison gives, ties in
//! their own order (stable). Every caller sorts through this one function, so the module holds one copy of
//! the standard library's stable sort rather than one per element type and comparison (~7 KB of wasm each: the
//! default module had six).

use std::cmp::Ordering;

/// The indices `0..n`, sorted by `cmp` (stably: equal items keep their order).
///
/// Not public API; used by the single pass (an object's issues and members in the table's order) and the
/// signature (params by key).
pub(crate) fn indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|a, b| cmp(*a as usize, *b as usize));
    order
}

#[cfg(test)]
mod tests {
    use super::indices;

    #[test]
    fn stable_and_sorted() {
        let keys = [3, 1, 2, 1, 3, 0];
        assert_eq!(indices(keys.len(), &|a, b| keys[a].cmp(&keys[b])), [5, 1, 3, 2, 0, 4]);
        assert!(indices(0, &|_, _| unreachable!()).is_empty());
    }
}
