//! A candidate sentence's terms as bits for the summary's redundancy test, where the target
//! has room for them: on 64-bit targets a [`TermBits`](crate::terms::TermBits), which tells
//! most other terms apart without a search of the list; elsewhere nothing, whose test lets
//! every term through to the search (the Cortex-M0's flash has no room for the bits' code).
//! The portable form is the empty one: it is what the bits must agree with, never saying no
//! to a term that is in the set.

/// The set's bits on 64-bit targets.
#[cfg(target_pointer_width = "64")]
pub(crate) type FilterBits = crate::terms::TermBits;

/// No bits: every term may be in the set.
#[cfg(not(target_pointer_width = "64"))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct FilterBits;

#[cfg(not(target_pointer_width = "64"))]
impl FilterBits {
    pub(crate) const fn new() -> Self {
        Self
    }

    pub(crate) fn insert(&mut self, hash: u32) {
        let _ = hash;
    }

    /// Always true: without bits, no term is ruled out.
    pub(crate) fn may_hold(&self, hash: u32) -> bool {
        let _ = hash;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::FilterBits;

    #[test]
    fn the_bits_never_rule_out_a_term_in_the_set() {
        let mut bits = FilterBits::new();
        let mut hash = 0x9E37_79B9u32;
        let mut held = std::vec::Vec::new();
        for _ in 0..48 {
            bits.insert(hash);
            held.push(hash);
            hash = hash.wrapping_mul(0x0100_0193).rotate_left(7) ^ 0x5bd1_e995;
        }
        assert!(held.iter().all(|&h| bits.may_hold(h)));
    }
}
