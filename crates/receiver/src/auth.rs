//! Who is staff: the bearer token compared in constant time, and the dashboard's signed-in
//! sessions (random ids kept in memory, never the token).

use onewindow_engine::sha256_hex;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Compares the SHA-256 of both in constant time (hashing first hides the length too).
pub(crate) fn same_secret(given: &str, token: &str) -> bool {
    let (a, b) = (sha256_hex(given.as_bytes()), sha256_hex(token.as_bytes()));
    let difference = a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// How long a staff session lasts.
pub(crate) const SESSION: Duration = Duration::from_secs(8 * 3600);

/// Signed-in staff sessions: id → when it ends.
#[derive(Default)]
pub(crate) struct Sessions(Mutex<HashMap<String, Instant>>);

impl Sessions {
    pub(crate) fn start(&self, token: &str) -> String {
        use std::hash::{BuildHasher, Hasher};
        // RandomState is seeded from the OS's randomness; the token keys it further, the clock
        // and a counter keep ids apart.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        hasher.write_u128(nanos);
        let mut sessions = self.0.lock().unwrap_or_else(|e| e.into_inner());
        hasher.write_usize(sessions.len());
        let mut seed = std::collections::hash_map::RandomState::new().build_hasher();
        seed.write_u64(hasher.finish());
        let id =
            sha256_hex(format!("{token}:{nanos}:{}:{}", hasher.finish(), seed.finish()).as_bytes());
        let now = Instant::now();
        sessions.retain(|_, end| *end > now);
        sessions.insert(id.clone(), now + SESSION);
        id
    }

    pub(crate) fn valid(&self, id: &str) -> bool {
        let sessions = self.0.lock().unwrap_or_else(|e| e.into_inner());
        sessions.get(id).is_some_and(|end| *end > Instant::now())
    }

    pub(crate) fn end(&self, id: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_by_content() {
        assert!(same_secret("staff-token-0123456789", "staff-token-0123456789"));
        assert!(!same_secret("staff-token-0123456789", "staff-token-012345678"));
        assert!(!same_secret("", "staff-token-0123456789"));
    }

    #[test]
    fn sessions_are_distinct_and_end() {
        let sessions = Sessions::default();
        let (a, b) = (sessions.start("t"), sessions.start("t"));
        assert_ne!(a, b);
        assert!(sessions.valid(&a) && sessions.valid(&b) && !sessions.valid("x"));
        sessions.end(&a);
        assert!(!sessions.valid(&a) && sessions.valid(&b));
    }
}
