//! Who is staff: the bearer token compared in constant time, and the dashboard's session ids
//! (random, from the operating system; the store keeps their hashes, so every instance on one
//! database knows them and a restart keeps them).

use onewindow_engine::sha256_hex;
use std::time::Duration;

/// Compares the SHA-256 of both in constant time (hashing first hides the length too).
pub(crate) fn same_secret(given: &str, token: &str) -> bool {
    let (a, b) = (sha256_hex(given.as_bytes()), sha256_hex(token.as_bytes()));
    let difference = a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// How long a staff session lasts.
pub(crate) const SESSION: Duration = Duration::from_secs(8 * 3600);

/// A new session id: 32 bytes from the operating system's randomness, in hex. `None` when the
/// system has none to give (the sign-in then fails rather than hand out a guessable id).
pub(crate) fn new_session_id() -> Option<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// What the store keeps of a session id: its SHA-256, so that a copy of the database does not
/// sign anyone in.
pub(crate) fn session_key(id: &str) -> String {
    sha256_hex(id.as_bytes())
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
    fn session_ids_are_random_and_kept_hashed() {
        let (a, b) = (new_session_id().unwrap(), new_session_id().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(session_key(&a), a);
        assert_eq!(session_key(&a), session_key(&a));
    }
}
