//! Pinyin terms for Han text, when the index is built (the `pinyin` feature): people type
//! `juzhuzheng` or `jzz` for 居住证 on a phone without switching to a Chinese keyboard.
//!
//! Every start position of a run of Han characters gives the full syllables and the initials of
//! the next few characters, so that prefix matching finds both a whole name and a word inside it
//! (`shenling` in 居住证申领) without knowing where words end.

use ::pinyin::ToPinyin;

/// Characters a pinyin term covers at most: names people type in one go are this long.
const SPAN: usize = 6;

/// Calls `full` and `initials` with the pinyin terms of `text`.
pub(crate) fn terms(text: &str, mut each: impl FnMut(String, String)) {
    let mut run: Vec<&'static str> = Vec::new();
    let mut flush = |run: &mut Vec<&'static str>| {
        for start in 0..run.len() {
            let syllables = run.iter().skip(start).take(SPAN);
            let full: String = syllables.clone().copied().collect();
            let initials: String = syllables.filter_map(|s| s.chars().next()).collect();
            each(fold(&full), fold(&initials));
        }
        run.clear();
    };
    for c in text.chars() {
        match c.to_pinyin() {
            Some(p) if super::text::is_han(c) => run.push(p.plain()),
            _ => flush(&mut run),
        }
    }
    flush(&mut run);
}

/// Adds the syllables of `text`'s Han characters to `out` (as [`terms`] spells them).
pub(crate) fn syllables(text: &str, out: &mut Vec<String>) {
    for c in text.chars().filter(|&c| super::text::is_han(c)) {
        if let Some(p) = c.to_pinyin() {
            out.push(fold(p.plain()));
        }
    }
}

/// `ü` is typed `u` (or `v`, which we do not guess).
fn fold(s: &str) -> String {
    s.replace('ü', "u")
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs_give_full_syllables_and_initials_from_every_start() {
        let mut out = Vec::new();
        super::terms("居住证（首次）", |f, i| out.push((f, i)));
        let expected = [
            ("juzhuzheng", "jzz"),
            ("zhuzheng", "zz"),
            ("zheng", "z"),
            ("shouci", "sc"),
            ("ci", "c"),
        ];
        assert_eq!(out, expected.map(|(f, i)| (f.to_string(), i.to_string())));
    }
}
