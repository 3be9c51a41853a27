//! The staff forms: the sign-in form, and the listing, export and reports queries (the first byte picks which). No body gets a 5xx answer (`receiver_common.rs`).
#![no_main]

#[path = "receiver_common.rs"]
mod common;

use common::send;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    match pick % 4 {
        0 => send("POST", "/staff/login", "application/x-www-form-urlencoded", rest),
        1 => send("GET", "/api/staff/submissions?", "", rest),
        2 => send("GET", "/api/staff/export?", "", rest),
        _ => send("GET", "/api/staff/reports?", "", rest),
    }
});
