//! The contents of received files, kept apart from the database in an object store: a local
//! directory (the default, next to a SQLite file), memory (tests), or an S3-compatible bucket
//! that several instances share. Each file is stored under its SHA-256 (`sha256/ab/abcd…`), so
//! the same file sent twice is stored once, and the digest is checked on the way in and out.

use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path as Key;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use onewindow_engine::sha256_hex;
use std::sync::Arc;

pub(crate) struct Objects {
    store: Arc<dyn ObjectStore>,
}

/// Where a file store is: `:memory:`, `s3://bucket[/prefix]` (the rest from the standard
/// `AWS_*` variables: AWS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
/// AWS_ALLOW_HTTP), or a directory (created if missing).
impl Objects {
    pub fn open(location: &str) -> Result<Objects, String> {
        let store: Arc<dyn ObjectStore> = if location == ":memory:" {
            Arc::new(InMemory::new())
        } else if let Some(rest) = location.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err(format!("{location}: the file store needs a bucket (s3://bucket)"));
            }
            let s3 = AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .build()
                .map_err(|e| format!("the file store {location}: {e}"))?;
            match prefix.trim_matches('/') {
                "" => Arc::new(s3),
                prefix => Arc::new(PrefixStore::new(s3, prefix)),
            }
        } else {
            std::fs::create_dir_all(location)
                .map_err(|e| format!("the file store {location}: {e}"))?;
            Arc::new(
                LocalFileSystem::new_with_prefix(location)
                    .map_err(|e| format!("the file store {location}: {e}"))?,
            )
        };
        Ok(Objects { store })
    }

    fn key(sha256: &str) -> Key {
        Key::from(format!("sha256/{}/{sha256}", &sha256[..2.min(sha256.len())]))
    }

    /// Keeps `content` under its SHA-256, which must be `sha256` (lower-case hex). Nothing is
    /// written when an object of that digest and size is there already.
    pub async fn put(&self, sha256: &str, content: &[u8]) -> Result<(), String> {
        if sha256_hex(content) != sha256 {
            return Err(format!("a file's content is not its SHA-256 {sha256}"));
        }
        let key = Self::key(sha256);
        if let Ok(meta) = self.store.head(&key).await {
            if meta.size == content.len() as u64 {
                return Ok(());
            }
        }
        self.store
            .put(&key, PutPayload::from(content.to_vec()))
            .await
            .map(|_| ())
            .map_err(|e| format!("the file store: {e}"))
    }

    /// The content stored under `sha256`; `Ok(None)` when there is none. Content whose digest
    /// is not its name (damaged in the store) is an error, never served.
    pub async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>, String> {
        let found = match self.store.get(&Self::key(sha256)).await {
            Ok(found) => found,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(format!("the file store: {e}")),
        };
        let content = found.bytes().await.map_err(|e| format!("the file store: {e}"))?.to_vec();
        if sha256_hex(&content) != sha256 {
            return Err(format!("the file store holds damaged content for {sha256}"));
        }
        Ok(Some(content))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_is_kept_under_its_digest_and_checked_both_ways() {
        let dir = std::env::temp_dir().join(format!("onewindow-objects-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let objects = Objects::open(dir.to_str().unwrap()).unwrap();
        let sha = sha256_hex(b"photo");
        assert!(objects.put(&sha256_hex(b"other"), b"photo").await.is_err());
        objects.put(&sha, b"photo").await.unwrap();
        objects.put(&sha, b"photo").await.unwrap();
        assert_eq!(objects.get(&sha).await.unwrap().as_deref(), Some(&b"photo"[..]));
        assert_eq!(objects.get(&sha256_hex(b"none")).await.unwrap(), None);
        let path = dir.join("sha256").join(&sha[..2]).join(&sha);
        assert_eq!(std::fs::read(&path).unwrap(), b"photo");
        std::fs::write(&path, b"damaged").unwrap();
        assert!(objects.get(&sha).await.unwrap_err().contains("damaged"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
