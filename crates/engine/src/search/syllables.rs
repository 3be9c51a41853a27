//! The pinyin syllables an index's pinyin terms are made of (stored in its names part), and
//! whether a query's word could be pinyin at all: a word that could not (most English words,
//! "permit", "inspection") is not looked up among pinyin terms. It would find nothing there;
//! not looking keeps a query from needing the chunk of pinyin terms beside it (`parts.rs`).

/// The syllables, sorted and unique; empty for an index without pinyin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Syllables {
    list: Vec<String>,
    /// The letters syllables start with: what initials terms (`jzz`) are made of.
    initials: [bool; 128],
}

impl Default for Syllables {
    fn default() -> Self {
        Syllables { list: Vec::new(), initials: [false; 128] }
    }
}

/// No syllable is longer ("zhuang", "shuang").
const LONGEST: usize = 6;

impl Syllables {
    /// `list` must be sorted, without repeats (the reader checks it).
    pub(super) fn new(list: Vec<String>) -> Syllables {
        let mut initials = [false; 128];
        for s in &list {
            if let Some(i) = s.bytes().next().and_then(|b| initials.get_mut(usize::from(b))) {
                *i = true;
            }
        }
        Syllables { list, initials }
    }

    pub(super) fn list(&self) -> &[String] {
        &self.list
    }

    /// Whether a pinyin term could be `word` (`whole`) or start with it: whether it is
    /// syllables one after the other (the last one begun, unless `whole`), or initials.
    pub(super) fn could_spell(&self, word: &str, whole: bool) -> bool {
        if self.list.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        let initials = word.bytes().all(|b| self.initials.get(usize::from(b)) == Some(&true));
        // Initials terms have two letters or more.
        if initials && (!whole || word.len() >= 2) {
            return true;
        }
        // reached[i]: word[..i] is whole syllables.
        let n = word.len();
        let mut reached = vec![false; n + 1];
        if let Some(first) = reached.first_mut() {
            *first = true;
        }
        for i in 0..n {
            if !reached.get(i).copied().unwrap_or(false) {
                continue;
            }
            let rest = word.get(i..).unwrap_or("");
            if !whole && self.begins_a_syllable(rest) {
                return true;
            }
            for len in 1..=LONGEST.min(rest.len()) {
                let piece = rest.get(..len).unwrap_or("");
                if self.list.binary_search_by(|s| s.as_str().cmp(piece)).is_ok() {
                    if let Some(r) = reached.get_mut(i + len) {
                        *r = true;
                    }
                }
            }
        }
        reached.last().copied().unwrap_or(false)
    }

    /// Whether a syllable starts with `part` (shorter than the longest syllable).
    fn begins_a_syllable(&self, part: &str) -> bool {
        if part.len() > LONGEST {
            return false;
        }
        let at = self.list.partition_point(|s| s.as_str() < part);
        self.list.get(at).is_some_and(|s| s.starts_with(part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_could_be_pinyin() {
        let mut list: Vec<String> =
            ["ju", "zhu", "zheng", "shen", "ling", "xi", "an", "xian", "hu", "zhao", "a"]
                .map(String::from)
                .to_vec();
        list.sort();
        let s = Syllables::new(list);
        for (word, whole, could) in [
            ("juzhuzheng", true, true),
            ("juzhuzh", true, false),
            ("juzhuzh", false, true),
            ("xian", true, true),
            ("xianshen", true, true),
            ("jzz", true, true),
            ("j", true, false),
            ("j", false, true),
            ("permit", false, false),
            ("inspection", true, false),
            ("hu2", true, false),
            ("", false, true),
        ] {
            assert_eq!(s.could_spell(word, whole), could, "{word} {whole}");
        }
        assert!(!Syllables::default().could_spell("juzhuzheng", true));
    }
}
