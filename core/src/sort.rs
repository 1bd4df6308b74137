//! An in-place heapsort without a panic path, for the few orders the core sorts.

/// Sorts `v` so that `before(a, b)` holds for every earlier `a` and later `b`: a heapsort, in
/// place and O(n log n).
///
/// Used instead of `sort_unstable_by`, which keeps a panic path (it may panic on an
/// inconsistent order, and the optimizer cannot rule that out) and a stack buffer of up to 48
/// elements, which a Cortex-M0's stack cannot spare. The orders sorted here have no ties (sentence
/// starts differ), so any correct sort gives the same result.
pub(crate) fn sort_by<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for node in (0..v.len() / 2).rev() {
        sift_down(v, node, &before);
    }
    for end in (1..v.len()).rev() {
        swap(v, 0, end);
        if let Some(heap) = v.get_mut(..end) {
            sift_down(heap, 0, &before);
        }
    }
}

/// Moves `v[node]` down the heap `v` (the last in `before` order on top) to its place.
fn sift_down<T>(v: &mut [T], mut node: usize, before: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        let (Some(left), right) = (v.get(child), v.get(child + 1)) else { return };
        if right.is_some_and(|r| before(left, r)) {
            child += 1;
        }
        match (v.get(node), v.get(child)) {
            (Some(n), Some(c)) if before(n, c) => swap(v, node, child),
            _ => return,
        }
        node = child;
    }
}

/// `v.swap(i, j)` for `i < j`, without its panic path (`swap` is not inlined at `opt-level =
/// "z"`, so its bounds checks stay); does nothing if either is out of bounds.
fn swap<T>(v: &mut [T], i: usize, j: usize) {
    let Some((a, rest)) = v.get_mut(i..).and_then(<[T]>::split_first_mut) else { return };
    if let Some(b) = rest.get_mut(j.wrapping_sub(i).wrapping_sub(1)) {
        core::mem::swap(a, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapsort_sorts() {
        for len in 0..70u32 {
            // Repeats values (mod 13) and comes in no particular order.
            let mut v: std::vec::Vec<u32> =
                (0..len).map(|i| i.wrapping_mul(2_654_435_761) % 13).collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_by(&mut v, |a, b| a < b);
            assert_eq!(v, want, "{len} elements");
        }
    }
}
