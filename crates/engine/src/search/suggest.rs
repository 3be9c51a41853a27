//! When nothing is found: the nearest term for a word, the corrected query, and the
//! categories and life events to browse instead.

use super::index::{GroupKind, SearchIndex};
use super::text::{self, Kind};

/// A category or life event to offer when nothing was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// Which list the id is in.
    pub kind: GroupKind,
    /// The category's or life event's id in the catalog.
    pub id: String,
    /// Its title in the requested locale.
    pub title: String,
}

impl SearchIndex {
    /// The closest term of a name to `word` within `max` edits (the commonest among equals).
    /// Its document frequency is whole in any index loaded in parts, so the choice needs no
    /// more than the names part.
    pub(super) fn nearest_term(&self, word: &str, max: u8) -> Option<String> {
        let mut best: Option<(u8, u32, usize)> = None;
        self.terms.fuzzy(word.as_bytes(), max, self.words_start, |t, d| {
            let candidate = (d, u32::MAX - self.terms.df(t), t);
            if best.is_none_or(|b| candidate < b) {
                best = Some(candidate);
            }
        });
        best.map(|(_, _, t)| String::from_utf8_lossy(self.terms.term(t)).into_owned())
    }

    /// Categories and life events to offer: those of `docs` first, then those whose titles
    /// share a word or character with the query, then the biggest.
    pub(super) fn nearest(&self, docs: &[u32], query: &str, li: usize) -> Vec<Nearest> {
        const MAX: usize = 4;
        let mut out: Vec<(GroupKind, u32)> = Vec::new();
        let push = |g: (GroupKind, u32), out: &mut Vec<(GroupKind, u32)>| {
            if !out.contains(&g) && out.len() < MAX {
                out.push(g);
            }
        };
        for &d in docs {
            if let Some(doc) = self.docs.get(d as usize) {
                if let Some(c) = doc.category {
                    push((GroupKind::Category, c), &mut out);
                }
                for &e in &doc.life_events {
                    push((GroupKind::LifeEvent, e), &mut out);
                }
            }
        }
        let words: Vec<String> = text::pieces(query)
            .into_iter()
            .map(|p| p.text)
            .filter(|w| !text::is_stop_word(w))
            .collect();
        let lists =
            [(GroupKind::Category, &self.categories), (GroupKind::LifeEvent, &self.life_events)];
        for (kind, list) in lists {
            for (i, g) in list.iter().enumerate() {
                let shares = g.titles.iter().any(|t| {
                    text::pieces(t)
                        .iter()
                        .any(|p| words.iter().any(|w| p.text.starts_with(w.as_str())))
                });
                if shares {
                    push((kind, i as u32), &mut out);
                }
            }
        }
        for &g in &self.biggest {
            push(g, &mut out);
        }
        out.into_iter()
            .filter_map(|(kind, i)| {
                let g = match kind {
                    GroupKind::Category => self.categories.get(i as usize)?,
                    GroupKind::LifeEvent => self.life_events.get(i as usize)?,
                };
                Some(Nearest {
                    kind,
                    id: g.id.clone(),
                    title: g.titles.get(li).or(g.titles.first()).cloned().unwrap_or_default(),
                })
            })
            .collect()
    }
}

/// `query` folded, with the words in `corrections` replaced.
pub(super) fn corrected_query(query: &str, corrections: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut last_word = false;
    for p in text::pieces(query) {
        let word = p.kind == Kind::Word;
        if (word && !out.is_empty()) || (!word && last_word) {
            out.push(' ');
        }
        match corrections.iter().find(|(raw, _)| *raw == p.text) {
            Some((_, fixed)) if word => out.push_str(fixed),
            _ => out.push_str(&p.text),
        }
        last_word = word;
    }
    out
}
