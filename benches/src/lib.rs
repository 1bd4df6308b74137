//! Criterion benchmarks of talkhis.
