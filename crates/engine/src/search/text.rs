//! Turning text into search terms, the same way for the index and for the query.
//!
//! Latin-script words are folded (case, diacritics, full-width forms), stop words dropped and
//! lightly stemmed. Chinese has no spaces, and a dictionary segmenter would cost its size in the
//! browser bundle: a run of Han characters gives every character and every overlapping pair, so
//! "居住证" is found by 居住, 住证, 居 or 证 without knowing where its words end.

use std::ops::Range;

/// What a piece of text is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word of letters and digits (any script but Han), folded.
    Word,
    /// One Han character.
    Han,
}

/// A word or a Han character, with where it is in the original text (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: Kind,
    /// Folded: lower case, no diacritics, ASCII for full-width forms.
    pub text: String,
    pub at: Range<usize>,
    /// For a Han character: whether the next piece is a Han character right after it, so the
    /// two form a pair (punctuation between them ends the run).
    pub joined: bool,
}

#[inline(always)]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// One folded character, or `None` for a separator.
pub(crate) fn fold(c: char) -> Option<char> {
    let c = match c as u32 {
        // Full-width ASCII (ＡＢＣ１２３) typed on Chinese keyboards.
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    };
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase());
    }
    if !c.is_alphanumeric() {
        return None;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(strip_diacritic(lower))
}

/// Latin letters with diacritics (Latin-1, Latin Extended-A and pinyin tone marks) to their
/// base letter: a table this size keeps Unicode normalisation data out of the bundle.
fn strip_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => {
            'u'
        }
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// The words and Han characters of `text`, in order.
pub(crate) fn pieces(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut word = String::new();
    let mut word_start = 0;
    let mut last_han_end = usize::MAX;
    let flush = |word: &mut String, start: usize, end: usize, out: &mut Vec<Piece>| {
        if !word.is_empty() {
            out.push(Piece {
                kind: Kind::Word,
                text: std::mem::take(word),
                at: start..end,
                joined: false,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if is_han(c) {
            flush(&mut word, word_start, i, &mut out);
            if last_han_end == i {
                if let Some(prev) = out.last_mut() {
                    prev.joined = true;
                }
            }
            out.push(Piece {
                kind: Kind::Han,
                text: c.to_string(),
                at: i..i + c.len_utf8(),
                joined: false,
            });
            last_han_end = i + c.len_utf8();
        } else if let Some(f) = fold(c) {
            if word.is_empty() {
                word_start = i;
            }
            word.push(f);
        } else {
            flush(&mut word, word_start, i, &mut out);
        }
    }
    flush(&mut word, word_start, text.len(), &mut out);
    out
}

/// Words too common to tell services apart, and the words of questions ("how do I get…").
/// Kept short: "apply" or "register" are how people name services.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "get",
    "how", "i", "if", "in", "is", "it", "me", "my", "need", "of", "on", "or", "our", "please",
    "should", "the", "this", "to", "want", "what", "when", "where", "which", "who", "with", "you",
    "your",
];

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// A light English stemmer (plural and -ed/-ing endings, after Porter's step 1): enough for
/// "permits" to find "permit" and "registering" "register", small enough to be obviously right.
/// Non-ASCII words and short words are left alone.
pub(crate) fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = word.to_string();
    if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    if w.ends_with("ied") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
        return w;
    }
    for ending in ["ing", "ed"] {
        if w.len() >= ending.len() + 3 && w.ends_with(ending) {
            let base = &w[..w.len() - ending.len()];
            if base.bytes().any(is_vowel) {
                let mut base = base.to_string();
                let doubled = match base.as_bytes() {
                    [.., x, y] => x == y && !is_vowel(*y) && !matches!(y, b'l' | b's' | b'z'),
                    _ => false,
                };
                if doubled {
                    base.pop(); // "stopped" → "stop"
                } else if base.ends_with("at")
                    || base.ends_with("bl")
                    || base.ends_with("iz")
                    || short_cvc(base.as_bytes())
                {
                    base.push('e'); // "moving" → "move", "creating" → "create"
                }
                return base;
            }
        }
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// One syllable ending consonant-vowel-consonant ("mov", "hop"): the stem lost an "e".
fn short_cvc(b: &[u8]) -> bool {
    let &[.., c1, v, c2] = b else { return false };
    let starts_group = |w: &&[u8]| matches!(w, [x, y] if !is_vowel(*x) && is_vowel(*y));
    let vowel_groups = b.windows(2).filter(starts_group).count()
        + usize::from(b.first().is_some_and(|&x| is_vowel(x)));
    !is_vowel(c1)
        && is_vowel(v)
        && !is_vowel(c2)
        && !matches!(c2, b'w' | b'x' | b'y')
        && vowel_groups == 1
}

/// The index terms of `text`: stemmed words without stop words, Han characters and pairs.
/// With `as_typed`, a word whose stem differs is also given as typed (`each(term, false)`: not
/// counted in the field's length), so that a typo in "fishing" finds it, not only "fish".
/// Without `singles`, a Han character next to another is given only in its pairs: long texts
/// are found by words, and single characters would double their postings.
pub(crate) fn terms(text: &str, as_typed: bool, singles: bool, mut each: impl FnMut(String, bool)) {
    let pieces = pieces(text);
    let mut joined_before = false;
    for (i, p) in pieces.iter().enumerate() {
        match p.kind {
            Kind::Word => {
                if !is_stop_word(&p.text) {
                    let stemmed = stem(&p.text);
                    if as_typed && stemmed != p.text {
                        each(p.text.clone(), false);
                    }
                    each(stemmed, true);
                }
                joined_before = false;
            }
            Kind::Han => {
                if singles || !(p.joined || joined_before) {
                    each(p.text.clone(), true);
                }
                if p.joined {
                    if let Some(next) = pieces.get(i + 1) {
                        each(format!("{}{}", p.text, next.text), true);
                    }
                }
                joined_before = p.joined;
            }
        }
    }
}

/// `text` folded for comparing whole names: words and Han characters joined by one space
/// between words (Han characters join without one), so "Residence  Permit" equals
/// "residence permit" and "居住 证" equals "居住证". Written without [`pieces`]: it runs for
/// every name when an index loads.
pub(crate) fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalized_into(text, &mut out);
    out
}

/// [`normalized`], appended to `out`.
pub(crate) fn normalized_into(text: &str, out: &mut String) {
    let mut in_word = false;
    let mut after_word = false;
    for c in text.chars() {
        if is_han(c) {
            out.push(c);
            in_word = false;
            after_word = false;
        } else if let Some(f) = fold(c) {
            if !in_word && after_word {
                out.push(' ');
            }
            out.push(f);
            in_word = true;
            after_word = true;
        } else {
            in_word = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(text, false, true, |t, _| out.push(t));
        out
    }

    #[test]
    fn han_runs_give_characters_and_pairs() {
        assert_eq!(all_terms("居住证"), ["居", "居住", "住", "住证", "证"]);
        // Punctuation ends a run: no pair across it.
        assert_eq!(all_terms("申领（首次）"), ["申", "申领", "领", "首", "首次", "次"]);
    }

    #[test]
    fn words_are_folded_stemmed_and_stop_words_dropped() {
        assert_eq!(all_terms("Apply for a Residence Permits"), ["apply", "residence", "permit"]);
        assert_eq!(
            all_terms("Café ＡＢＣ registering MOVING applied"),
            ["cafe", "abc", "register", "move", "apply"]
        );
        assert_eq!(all_terms("jū zhù zhèng"), ["ju", "zhu", "zheng"]);
        assert_eq!(all_terms("居住证residence"), ["居", "居住", "住", "住证", "证", "residence"]);
    }

    #[test]
    fn long_texts_keep_han_pairs_only() {
        let mut out = Vec::new();
        terms("居住证 证", false, false, |t, _| out.push(t));
        assert_eq!(out, ["居住", "住证", "证"]);
    }

    #[test]
    fn names_keep_words_as_typed_too() {
        let mut out = Vec::new();
        terms("Fishing permits", true, true, |t, counted| out.push((t, counted)));
        assert_eq!(
            out,
            [
                ("fishing".into(), false),
                ("fish".into(), true),
                ("permits".into(), false),
                ("permit".into(), true)
            ]
        );
    }

    #[test]
    fn stemming_is_light() {
        for (word, stemmed) in [
            ("permits", "permit"),
            ("addresses", "address"),
            ("stopped", "stop"),
            ("status", "status"),
            ("bus", "bus"),
            ("licences", "licence"),
            ("need", "need"),
        ] {
            assert_eq!(stem(word), stemmed, "{word}");
        }
    }

    #[test]
    fn pieces_keep_their_place_in_the_original() {
        let text = "Ａpply 居住证";
        let p = pieces(text);
        assert_eq!(&text[p[0].at.clone()], "Ａpply");
        assert_eq!(&text[p[2].at.clone()], "住");
        assert!(p[1].joined && p[2].joined && !p[3].joined);
        assert_eq!(normalized(" Residence  PERMIT （居住 证）"), "residence permit居住证");
    }
}
