//! What a file's first bytes say it is: the check that a file sent as `image/png` is a PNG, not
//! a page of HTML with a PNG's name. Signatures from the formats' own specifications (PDF 1.7
//! §7.5.2, PNG §5.2, JPEG/JFIF SOI marker, GIF87a/89a, RIFF WEBP, ISO BMFF `ftyp` brands for
//! HEIC/HEIF).

/// Whether `content` begins as a file of `media_type` does: `Some(true)` or `Some(false)` for
/// the media types this knows, `None` for others (whose contents cannot be told this way).
pub fn content_matches(media_type: &str, content: &[u8]) -> Option<bool> {
    let media_type = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    Some(match media_type.as_str() {
        // A PDF may have bytes before its header (readers look within the first KiB).
        "application/pdf" => {
            content.get(..1024).unwrap_or(content).windows(5).any(|w| w == b"%PDF-")
        }
        "image/png" => content.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => content.starts_with(&[0xFF, 0xD8, 0xFF]),
        "image/gif" => content.starts_with(b"GIF87a") || content.starts_with(b"GIF89a"),
        "image/webp" => {
            content.starts_with(b"RIFF") && content.get(8..12) == Some(b"WEBP".as_slice())
        }
        "image/heic" | "image/heif" => {
            content.get(4..8) == Some(b"ftyp".as_slice())
                && content.get(8..12).is_some_and(|brand| {
                    [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"]
                        .iter()
                        .any(|known| brand == known.as_slice())
                })
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::content_matches;

    #[test]
    fn files_are_what_their_first_bytes_say() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let html = b"<!DOCTYPE html><script>alert(1)</script>";
        assert_eq!(content_matches("image/png", png), Some(true));
        assert_eq!(content_matches("IMAGE/PNG; x=1", png), Some(true));
        assert_eq!(content_matches("image/png", html), Some(false));
        assert_eq!(content_matches("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]), Some(true));
        assert_eq!(content_matches("image/jpeg", png), Some(false));
        assert_eq!(content_matches("application/pdf", b"%PDF-1.7\n"), Some(true));
        assert_eq!(content_matches("application/pdf", b"\xEF\xBB\xBF%PDF-1.4"), Some(true));
        assert_eq!(content_matches("application/pdf", html), Some(false));
        assert_eq!(content_matches("image/webp", b"RIFF\0\0\0\0WEBPVP8 "), Some(true));
        assert_eq!(content_matches("image/gif", b"GIF89a"), Some(true));
        assert_eq!(content_matches("image/heic", b"\0\0\0\x18ftypheic"), Some(true));
        assert_eq!(content_matches("image/png", b""), Some(false));
        assert_eq!(content_matches("text/plain", html), None);
    }
}
