//! The index: [`SearchIndex`], what its file stores and what is derived from that when it
//! is built or loaded, and how a service's strings are found in it.

use super::layout::Parts;
use super::scratch::Scratch;
use super::syllables::Syllables;
use super::terms::Terms;
use super::text;

/// Pinyin terms start with this byte: they sort apart from words, so that English words and
/// pinyin never meet in typo matching, and a walk of the words' part of the dictionary skips them.
pub(super) const PINYIN: char = '\u{1}';

/// A prebuilt index over a catalog's services: what [`SearchIndex::search`] reads.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    pub(super) locales: Vec<String>,
    pub(super) categories: Vec<Group>,
    pub(super) life_events: Vec<Group>,
    /// Every service's strings back to back (see [`Doc`]): a load is one copy and one UTF-8
    /// check rather than tens of thousands of allocations.
    pub(super) text: String,
    pub(super) spans: Vec<Span>,
    pub(super) docs: Vec<Doc>,
    pub(super) terms: Terms,
    pub(super) pinyin: bool,
    pub(super) syllables: Syllables,
    /// The services' summaries: all of a built index's, those of a loaded one's fragments
    /// that have arrived.
    pub(super) summaries: Summaries,
    /// For an index loaded in parts: which it has and which it lacks.
    pub(super) parts: Parts,
    /// Derived: categories and life events, the most services first.
    pub(super) biggest: Vec<(GroupKind, u32)>,
    /// Derived: the first term that is not pinyin.
    pub(super) words_start: usize,
    /// Derived: folded titles and synonyms (strength 3) and keywords (2) of every service, for
    /// whole-name matches; [`Doc::names`] says which are whose.
    pub(super) name_text: String,
    pub(super) names: Vec<(u8, Span)>,
    /// Derived: what queries score into, kept between them.
    pub(super) scratch: Scratch,
}

/// What an index's names part holds (`codec.rs`), or a built index; the rest of
/// [`SearchIndex`] is derived from it or comes with its other parts.
pub(super) struct Stored {
    pub(super) locales: Vec<String>,
    pub(super) categories: Vec<Group>,
    pub(super) life_events: Vec<Group>,
    pub(super) text: String,
    pub(super) spans: Vec<Span>,
    pub(super) docs: Vec<Doc>,
    pub(super) terms: Terms,
    pub(super) pinyin: bool,
    /// The syllables of its pinyin terms.
    pub(super) syllables: Syllables,
}

/// Where a string is in a text buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: u32,
    pub(super) end: u32,
}

#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) id: String,
    /// One per locale of the index.
    pub(super) titles: Vec<String>,
}

/// Summaries, one per service and locale, as they arrive.
#[derive(Clone, Debug, Default)]
pub(super) struct Summaries {
    text: String,
    /// Per service, one per locale.
    spans: Vec<Span>,
    loaded: Vec<bool>,
    locales: usize,
}

impl Summaries {
    fn new(docs: usize, locales: usize) -> Summaries {
        Summaries {
            text: String::new(),
            spans: vec![Span::default(); docs * locales],
            loaded: vec![false; docs],
            locales,
        }
    }

    /// Service `doc`'s summaries, one per locale (more are ignored).
    pub(super) fn add(&mut self, doc: usize, summaries: &[String]) {
        let (Some(loaded), Some(spans)) = (
            self.loaded.get_mut(doc),
            self.spans.get_mut(doc * self.locales..(doc + 1) * self.locales),
        ) else {
            return;
        };
        for (span, s) in spans.iter_mut().zip(summaries) {
            let start = self.text.len() as u32;
            self.text.push_str(s);
            *span = Span { start, end: self.text.len() as u32 };
        }
        *loaded = true;
    }

    pub(super) fn has(&self, doc: usize) -> bool {
        self.loaded.get(doc).copied().unwrap_or(false)
    }

    /// Service `doc`'s summary in locale `li`, once its fragment is here.
    pub(super) fn get(&self, doc: usize, li: usize) -> Option<&str> {
        if !self.has(doc) {
            return None;
        }
        let span = self.spans.get(doc * self.locales + li).copied().unwrap_or_default();
        self.text.get(span.start as usize..span.end as usize)
    }
}

#[derive(Clone, Debug)]
pub(super) struct Doc {
    /// Its first string in `spans`; its strings are, in order: the id, the titles (one per
    /// locale), the synonyms and the keywords.
    pub(super) first: u32,
    pub(super) synonyms: u16,
    pub(super) keywords: u16,
    pub(super) category: Option<u32>,
    pub(super) life_events: Vec<u32>,
    /// Derived: its range of `names`.
    pub(super) names: Span,
}

/// Categories and life events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// A catalog category.
    Category,
    /// A catalog life event.
    LifeEvent,
}

impl SearchIndex {
    /// The index from what its file stores, with what is derived from that worked out: the one
    /// place that lists the derived fields.
    pub(super) fn from_stored(stored: Stored) -> SearchIndex {
        let Stored {
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            terms,
            pinyin,
            syllables,
        } = stored;
        let summaries = Summaries::new(docs.len(), locales.len());
        let mut index = SearchIndex {
            summaries,
            parts: Parts::default(),
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            terms,
            pinyin,
            syllables,
            biggest: Vec::new(),
            words_start: 0,
            name_text: String::new(),
            names: Vec::new(),
            scratch: Scratch::default(),
        };
        index.derive();
        index
    }

    /// Whether the index has pinyin terms (it was built with the `pinyin` feature).
    pub fn has_pinyin(&self) -> bool {
        self.pinyin
    }

    /// How many services are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no service is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn derive(&mut self) {
        self.derive_terms();
        let mut sizes: Vec<(usize, GroupKind, u32)> = Vec::new();
        for (kind, count) in [
            (GroupKind::Category, self.categories.len()),
            (GroupKind::LifeEvent, self.life_events.len()),
        ] {
            let mut counts = vec![0usize; count];
            for d in &self.docs {
                let of = if kind == GroupKind::Category {
                    d.category.iter().copied().collect()
                } else {
                    d.life_events.clone()
                };
                for g in of {
                    if let Some(c) = counts.get_mut(g as usize) {
                        *c += 1;
                    }
                }
            }
            sizes.extend(
                counts.into_iter().enumerate().map(|(i, c)| (usize::MAX - c, kind, i as u32)),
            );
        }
        sizes.sort_by_key(|&(size, kind, i)| (size, kind == GroupKind::LifeEvent, i));
        self.biggest = sizes.into_iter().map(|(_, kind, i)| (kind, i)).collect();
        let (mut name_text, mut names) = (String::new(), Vec::new());
        let mut ranges = Vec::with_capacity(self.docs.len());
        for doc in &self.docs {
            let start = names.len() as u32;
            let l = self.locales.len();
            let titles = (0..l).map(|li| self.title(doc, li));
            let kinds = titles
                .map(|t| (3, t))
                .chain(self.synonyms(doc).map(|t| (3, t)))
                .chain(self.keywords(doc).map(|t| (2, t)));
            for (strength, name) in kinds {
                let at = name_text.len();
                text::normalized_into(name, &mut name_text);
                let span = Span { start: at as u32, end: name_text.len() as u32 };
                let folded = &name_text[at..];
                let mine = names.get(start as usize..).unwrap_or_default();
                if folded.is_empty()
                    || mine.iter().any(|(_, s): &(u8, Span)| {
                        &name_text[s.start as usize..s.end as usize] == folded
                    })
                {
                    name_text.truncate(at);
                } else {
                    names.push((strength, span));
                }
            }
            ranges.push(Span { start, end: names.len() as u32 });
        }
        for (doc, range) in self.docs.iter_mut().zip(ranges) {
            doc.names = range;
        }
        self.name_text = name_text;
        self.names = names;
        // Buffers grew by doubling while being filled: give back what they will never use.
        self.name_text.shrink_to_fit();
        self.names.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.terms.shrink_to_fit();
    }

    /// What is derived from the terms, worked out again when a chunk's terms arrive.
    pub(super) fn derive_terms(&mut self) {
        self.words_start = self.terms.prefix_range(&[PINYIN as u8]).end;
    }

    fn string(&self, i: usize) -> &str {
        let span = self.spans.get(i).copied().unwrap_or_default();
        self.text.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    pub(super) fn id(&self, doc: &Doc) -> &str {
        self.string(doc.first as usize)
    }

    pub(super) fn title(&self, doc: &Doc, locale: usize) -> &str {
        self.string(doc.first as usize + 1 + locale)
    }

    fn synonyms<'a>(&'a self, doc: &Doc) -> impl Iterator<Item = &'a str> + 'a {
        let start = doc.first as usize + 1 + self.locales.len();
        (start..start + usize::from(doc.synonyms)).map(move |i| self.string(i))
    }

    fn keywords<'a>(&'a self, doc: &Doc) -> impl Iterator<Item = &'a str> + 'a {
        let start = doc.first as usize + 1 + self.locales.len() + usize::from(doc.synonyms);
        (start..start + usize::from(doc.keywords)).map(move |i| self.string(i))
    }

    pub(super) fn locale_index(&self, locale: &str) -> usize {
        let language = |l: &str| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        self.locales
            .iter()
            .position(|l| l.eq_ignore_ascii_case(locale))
            .or_else(|| self.locales.iter().position(|l| language(l) == language(locale)))
            .unwrap_or(0)
    }
}
