//! An application as JSON: `POST /api/submissions`. No body gets a 5xx answer (`receiver_common.rs`).
#![no_main]

#[path = "receiver_common.rs"]
mod common;

use common::send;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    send("POST", "/api/submissions", "application/json", data);
});
