//! Stable sorting for the engine's short lists: the models of one result, the rules that fired, the
//! questions that separate two models, the pitfalls. None holds more than a few dozen items.
//!
//! `slice::sort_by_key` would do the same job, but in the browser each key type instantiates std's
//! merge and quick sort anew: about 30 KB of WebAssembly code for the sorts of one result page, against
//! a few hundred bytes for this insertion sort (measured with `scripts/bench/wasm-names.mjs`).

/// Sorts `items` by `key`, ascending; items with equal keys keep their order (as `slice::sort_by_key`).
/// Quadratic: for short lists only.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every list of up to 7 items over 3 keys, each item tagged with its place: equal keys must keep
        // their order, as the standard library's stable sort keeps them.
        for len in 0..=7u32 {
            for code in 0..3u32.pow(len) {
                let items: Vec<(u32, u32)> = (0..len).map(|i| ((code / 3u32.pow(i)) % 3, i)).collect();
                let (mut ours, mut std) = (items.clone(), items);
                sort_by_key(&mut ours, |&(k, _)| k);
                std.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, std);
            }
        }
    }
}
