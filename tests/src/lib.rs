//! Integration tests of the talkhis public API.
