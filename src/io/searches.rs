//! What people searched for and did not find, counted on this device.

/// Counts a search that found nothing, on this device only (`onewindow:zero-results`): what
/// people looked for and did not find, for departments to fix their catalog once a site
/// turns reporting on. Nothing is sent from here.
pub fn count_zero_result(query: &str) {
    const KEY: &str = "onewindow:zero-results";
    let query: String = query.trim().chars().take(100).collect();
    if query.is_empty() {
        return;
    }
    let mut counts: std::collections::BTreeMap<String, u32> =
        super::device::get(KEY).unwrap_or_default();
    *counts.entry(query).or_default() += 1;
    // Bounded: a device keeps the 200 most searched.
    if counts.len() > 200 {
        let mut by_count: Vec<(String, u32)> = counts.into_iter().collect();
        by_count.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        by_count.truncate(200);
        counts = by_count.into_iter().collect();
    }
    super::device::set(KEY, &counts);
}
