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
    /// For each letter, the syllables that start with it: a range of `list`.
    by_letter: [(u16, u16); 26],
}

impl Default for Syllables {
    fn default() -> Self {
        Syllables { list: Vec::new(), initials: [false; 128], by_letter: [(0, 0); 26] }
    }
}

impl Syllables {
    /// `list` must be sorted, without repeats (the reader checks it).
    pub(super) fn new(list: Vec<String>) -> Syllables {
        let mut initials = [false; 128];
        for s in &list {
            if let Some(i) = s.bytes().next().and_then(|b| initials.get_mut(usize::from(b))) {
                *i = true;
            }
        }
        let mut by_letter = [(0u16, 0u16); 26];
        for (letter, range) in (b'a'..=b'z').zip(by_letter.iter_mut()) {
            let start = list.partition_point(|s| s.as_bytes().first() < Some(&letter));
            let end = list.partition_point(|s| s.as_bytes().first() <= Some(&letter));
            *range =
                (start.min(usize::from(u16::MAX)) as u16, end.min(usize::from(u16::MAX)) as u16);
        }
        Syllables { list, initials, by_letter }
    }

    pub(super) fn list(&self) -> &[String] {
        &self.list
    }

    /// Whether a pinyin term could be `word`, and whether one could start with it: whether it
    /// is syllables one after the other (the last one begun, for the second), or initials.
    /// One pass, and no allocation: it runs for every word of every keystroke.
    pub(super) fn could_spell(&self, word: &str) -> (bool, bool) {
        if self.list.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return (false, false);
        }
        let n = word.len();
        if n >= 128 {
            return (true, true); // longer than any term; looking finds nothing, as it should
        }
        let initials = word.bytes().all(|b| self.initials.get(usize::from(b)) == Some(&true));
        // Initials terms have two letters or more.
        let (mut whole, mut begun) = (initials && n >= 2, initials);
        // Bit i: word[..i] is whole syllables.
        let mut reached: u128 = 1;
        for i in 0..=n {
            if reached & (1 << i) == 0 {
                continue;
            }
            let rest = word.get(i..).unwrap_or("");
            let Some(&letter) = rest.as_bytes().first() else {
                whole = true;
                begun = true;
                continue;
            };
            // The syllables that start with its next letter (a few dozen): those it starts with
            // reach further, and one that starts with the rest of it means it is begun.
            let (start, end) = self
                .by_letter
                .get(usize::from(letter.wrapping_sub(b'a')))
                .map_or((0, 0), |&(s, e)| (usize::from(s), usize::from(e)));
            for syllable in self.list.get(start..end).unwrap_or_default() {
                if rest.starts_with(syllable.as_str()) {
                    reached |= 1 << (i + syllable.len());
                } else if syllable.starts_with(rest) {
                    begun = true;
                }
            }
        }
        (whole, begun)
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
        for (word, whole, begun) in [
            ("juzhuzheng", true, true),
            ("juzhuzh", false, true),
            ("xian", true, true),
            ("xianshen", true, true),
            ("jzz", true, true),
            ("j", false, true),
            ("permit", false, false),
            ("inspection", false, false),
            ("hu2", false, false),
        ] {
            assert_eq!(s.could_spell(word), (whole, begun), "{word}");
        }
        assert_eq!(Syllables::default().could_spell("juzhuzheng"), (false, false));
    }
}
