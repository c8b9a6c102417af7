//! The word lists the quote rules read (speech verbs, speaker nouns, titles...) and a small
//! tokenizer that turns a stretch of text into words, punctuation and whole quotations.

use crate::lexicon::{Lexicon, ListKind};
use crate::normalize::{char_at, lowercase_in};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The quote rules' word lists, compiled once from the lexicon.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    /// Speech verb form (lowercase, multi-word forms joined by a space) -> lemma.
    verbs: FxHashMap<String, String>,
    /// First words of multi-word speech verbs.
    verb_heads: FxHashSet<String>,
    /// Word -> the kinds of `quote_words.tsv` it belongs to, one bit per [`KINDS`] entry:
    /// `cased` for the case-sensitive kinds, `folded` (lowercase) for the others. One lookup
    /// answers any kind.
    cased: FxHashMap<String, u32>,
    folded: FxHashMap<String, u32>,
    /// Abbreviations that keep their final period ("Sen", "Mr").
    abbreviations: FxHashSet<String>,
}

/// The kinds of `quote_words.tsv` the rules read; the first [`CASED`] compare
/// case-sensitively.
const KINDS: [&str; 13] = [
    "org", "title", "lead", "time", "det", "elision", "mention", "noun", "person", "plural",
    "skip", "thing", "work",
];
const CASED: usize = 4;

/// The bit of `kind` in the word masks, and whether it compares case-sensitively.
fn kind_bit(kind: &str) -> Option<(u32, bool)> {
    let i = KINDS.iter().position(|k| *k == kind)?;
    Some((1 << i, i < CASED))
}

impl Words {
    /// Read the speech verbs, the quote word list, titles and abbreviations of `lexicon`.
    pub(crate) fn new(lexicon: &Lexicon) -> Words {
        let mut w = Words::default();
        for line in lexicon.lines(ListKind::SpeechVerbs) {
            let mut forms = line.split_whitespace();
            let Some(lemma) = forms.next() else { continue };
            let lemma = lemma.replace('_', " ");
            for form in std::iter::once(lemma.as_str())
                .map(str::to_string)
                .chain(forms.map(|f| f.replace('_', " ")))
            {
                let form = form.to_lowercase();
                if let Some((head, _)) = form.split_once(' ') {
                    w.verb_heads.insert(head.to_string());
                }
                w.verbs.insert(form, lemma.clone());
            }
        }
        for row in lexicon.rows(ListKind::QuoteWords) {
            if let [kind, word, ..] = row.as_slice() {
                w.add(kind, word);
            }
        }
        for row in lexicon.rows(ListKind::Titles) {
            // the head word of a title ("Secretary" of "Commerce Secretary"); other words of
            // a title ("White" of "White House Chief of Staff") can be surnames
            let head = row.first().and_then(|t| {
                let t = t.split(" of ").next().unwrap_or(t);
                t.split_whitespace().last()
            });
            if let Some(word) = head.filter(|h| h.starts_with(char::is_uppercase)) {
                w.add("title", word);
            }
        }
        for row in lexicon.rows(ListKind::Honorifics) {
            if let Some(h) = row.first().filter(|h| h.starts_with(char::is_uppercase)) {
                let bare = h.trim_end_matches('.');
                w.add("title", bare);
                w.add("title", &format!("{bare}."));
            }
        }
        w.abbreviations = lexicon
            .rows(ListKind::Abbreviations)
            .filter_map(|row| row.first().map(|w| w.to_string()))
            .collect();
        w
    }

    /// Put `word` in list `kind` (lists the rules never read are dropped).
    fn add(&mut self, kind: &str, word: &str) {
        let Some((bit, cased)) = kind_bit(kind) else {
            return;
        };
        let (map, word) = if cased {
            (&mut self.cased, word.to_string())
        } else {
            (&mut self.folded, word.to_lowercase())
        };
        *map.entry(word).or_default() |= bit;
    }

    /// True when `word` belongs to list `kind` of `quote_words.tsv`.
    pub(crate) fn is(&self, kind: &str, word: &str) -> bool {
        let Some((bit, cased)) = kind_bit(kind) else {
            return false;
        };
        let mask = if cased {
            self.cased.get(word).copied()
        } else {
            with_lowercase(word, |w| self.folded.get(w).copied())
        };
        mask.unwrap_or(0) & bit != 0
    }

    /// The speech verb starting at token `i` of `toks`: (lemma, number of tokens).
    pub(crate) fn cue_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(&str, usize)> {
        let t = toks.get(i)?;
        if t.kind != Tk::Word {
            return None;
        }
        with_lowercase(&text[t.range()], |w| {
            if self.verb_heads.contains(w) {
                if let Some(n) = toks.get(i + 1).filter(|n| n.kind == Tk::Word) {
                    if let Some(lemma) = self.two_word_verb(w, &text[n.range()]) {
                        return Some((lemma, 2));
                    }
                }
            }
            self.verbs.get(w).map(|lemma| (lemma.as_str(), 1))
        })
    }

    /// The lemma of the two-word speech verb `head` + lowercased `next` ("fired back"); the
    /// key is built on the stack for ASCII words, as nearly all are.
    fn two_word_verb(&self, head: &str, next: &str) -> Option<&str> {
        let mut buf = [0u8; 64];
        let len = head.len() + 1 + next.len();
        if next.is_ascii() && len <= buf.len() {
            buf[..head.len()].copy_from_slice(head.as_bytes());
            buf[head.len()] = b' ';
            let tail = &mut buf[head.len() + 1..len];
            tail.copy_from_slice(next.as_bytes());
            tail.make_ascii_lowercase();
            let key = std::str::from_utf8(&buf[..len]).ok()?;
            return self.verbs.get(key).map(String::as_str);
        }
        let two = format!("{head} {}", next.to_lowercase());
        self.verbs.get(&two).map(String::as_str)
    }

    /// Words whose leading apostrophe is an elision ("'em", "'til").
    pub(crate) fn elisions(&self) -> FxHashSet<String> {
        let Some((bit, _)) = kind_bit("elision") else {
            return FxHashSet::default();
        };
        self.folded
            .iter()
            .filter(|(_, mask)| *mask & bit != 0)
            .map(|(w, _)| w.clone())
            .collect()
    }

    /// True when `word` keeps a final period as an abbreviation.
    fn abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }
}

/// Call `f` with the lowercase form of `word`, without allocating for short ASCII words
/// (nearly every word these lists are asked about).
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buf = [0u8; 64];
    f(&lowercase_in(word, &mut buf))
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    Word,
    Punct(char),
    /// A whole quotation: index into the quote list.
    Quote(usize),
}

/// A token with its normalized byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
}

impl Tok {
    /// The token's range, for slicing the normalized text.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Tokens of `norm[range]`; each quotation of `quotes` (sorted by start) that starts inside
/// the range is one `Quote` token, and text of a quotation begun before the range is skipped.
pub(crate) fn tokenize(
    norm: &str,
    range: Range<usize>,
    quotes: &[Range<usize>],
    words: &Words,
) -> Vec<Tok> {
    let end = range.end.min(norm.len());
    let bytes = norm.as_bytes();
    let mut toks = Vec::with_capacity(end.saturating_sub(range.start) / 5 + 4);
    let mut qi = quotes.partition_point(|q| q.end <= range.start);
    let mut i = range.start;
    while i < end {
        while qi < quotes.len() && quotes[qi].end <= i {
            qi += 1;
        }
        if let Some(q) = quotes.get(qi) {
            if q.start <= i {
                if q.start >= range.start {
                    toks.push(Tok {
                        start: q.start,
                        end: q.end.min(end),
                        kind: Tk::Quote(qi),
                    });
                }
                i = q.end.max(i + 1);
                qi += 1;
                continue;
            }
        }
        let Some(c) = char_at(norm, i) else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Tk::Punct(c),
            });
            i += c.len_utf8();
            continue;
        }
        let stop = quotes.get(qi).map_or(end, |q| q.start.min(end));
        let start = i;
        let mut j = i;
        let mut dotted = false;
        while j < stop {
            if bytes[j].is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            let Some(c) = char_at(norm, j) else {
                break;
            };
            if c.is_alphanumeric() {
                j += c.len_utf8();
                continue;
            }
            let joins = matches!(c, '\'' | '-' | '.' | '&')
                && j + 1 < stop
                && char_at(norm, j + 1).is_some_and(char::is_alphanumeric);
            if joins {
                dotted |= c == '.';
                j += 1;
                continue;
            }
            break;
        }
        if j < stop && bytes[j] == b'.' {
            let w = &norm[start..j];
            let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
            if initial || dotted || words.abbreviation(w) {
                j += 1;
            }
        }
        toks.push(Tok {
            start,
            end: j,
            kind: Tk::Word,
        });
        i = j;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_and_quotes_whole() {
        let words = Words::new(&Lexicon::default());
        let text = "Sen. Ron B. Wyden, U.S. said \"no way\" today.";
        let q = text.find('"').unwrap();
        let quotes = std::iter::once(q..q + 8).collect::<Vec<_>>();
        let toks = tokenize(text, 0..text.len(), &quotes, &words);
        let shown: Vec<&str> = toks.iter().map(|t| &text[t.range()]).collect();
        assert_eq!(
            shown,
            vec![
                "Sen.",
                "Ron",
                "B.",
                "Wyden",
                ",",
                "U.S.",
                "said",
                "\"no way\"",
                "today",
                "."
            ]
        );
        assert_eq!(toks[7].kind, Tk::Quote(0));
    }

    #[test]
    fn speech_verbs_include_multiword_cues() {
        let words = Words::new(&Lexicon::default());
        let text = "according to him, and he told";
        let toks = tokenize(text, 0..text.len(), &[], &words);
        assert_eq!(words.cue_at(text, &toks, 0), Some(("according to", 2)));
        assert_eq!(words.cue_at(text, &toks, 6), Some(("tell", 1)));
        assert_eq!(words.cue_at(text, &toks, 4), None);
    }
}
