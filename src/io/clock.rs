//! What the engine may not do itself: read the device's clock and its random source.

/// Today's date on the citizen's device, until a form's own day is known (`io::load` then
/// takes the date at the form's office from [`now_seconds`]).
pub fn today() -> onewindow_engine::formats::Date {
    let now = js_sys::Date::new_0();
    onewindow_engine::formats::Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(onewindow_engine::formats::Date { year: 2026, month: 1, day: 1 })
}

/// A new random UUID v4 from the browser's CSPRNG (the idempotency key of an application).
pub fn new_uuid() -> String {
    gloo_utils::window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
}

/// The device's current time, RFC 3339 in UTC.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The device's current time in milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The device's current time in whole seconds since the epoch.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}
