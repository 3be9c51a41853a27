//! A rating, as JSON and as text/plain (what sendBeacon sends): `POST /api/ratings`. No body gets a 5xx answer (`receiver_common.rs`).
#![no_main]

#[path = "receiver_common.rs"]
mod common;

use common::send;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    send(
        "POST",
        "/api/ratings",
        if data.first().is_some_and(|b| b % 2 == 0) { "application/json" } else { "text/plain" },
        data,
    );
});
