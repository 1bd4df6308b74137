//! Integration and property tests of the talkhis public API live in this package's `[[test]]`
//! targets; this library is empty.
