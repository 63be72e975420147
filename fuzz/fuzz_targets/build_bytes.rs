//! Arbitrary bytes as one input file through the whole build: readers (layout
//! detection, decoding, JSON Lines), extraction, linking, the RDF mapping and the
//! store. Bad input must only ever be reported; an internal error (a panic in a
//! stage) or a store that refuses what it is given is a crash.
//!
//! `cargo fuzz run build_bytes -- -max_total_time=60` (from the repository root).
//! Add every crash it finds to `tests/integration/robust.rs` as a regression.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use zhengqi::gazetteer::Gazetteer;

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let gaz = GAZETTEER.get_or_init(Gazetteer::bundled);
    if let Err(e) = zhengqi::pipeline::check_bytes(data, gaz) {
        panic!("{e}");
    }
});
