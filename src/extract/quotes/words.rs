//! The word lists the quote rules read (speech verbs, speaker nouns, titles...) and a small
//! tokenizer that turns a stretch of text into words, punctuation and whole quotations.

use crate::extract::starts::word_len;
use crate::lexicon::{Lexicon, ListKind};
use crate::normalize::{char_at, lowercase_in};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The quote rules' word lists, compiled once from the lexicon.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    /// Speech verb forms (lowercase, multi-word forms joined by a space) and the first
    /// words of the multi-word ones: one lookup per word tells both.
    verbs: FxHashMap<String, VerbForm>,
    /// Word -> the kinds of `quote_words.tsv` it belongs to, one bit per [`Kind`]:
    /// `cased` for the case-sensitive kinds, `folded` (lowercase) for the others. One lookup
    /// answers any kind.
    cased: FxHashMap<String, u32>,
    folded: FxHashMap<String, u32>,
    /// Abbreviations that keep their final period ("Sen", "Mr").
    abbreviations: FxHashSet<String>,
}

/// What a lowercase word or phrase is to the speech verbs.
#[derive(Debug, Clone, Default)]
struct VerbForm {
    /// The lemma, when the form is a speech verb.
    lemma: Option<String>,
    /// The first word of a multi-word speech verb ("fired" of "fired back").
    head: bool,
}

/// One list of `quote_words.tsv`: a bit in the word masks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Kind(u32);

impl Kind {
    /// Capitalised heads that make a name an organisation ("Treasury Department").
    pub(crate) const ORG: Kind = Kind(1 << 0);
    /// Person titles stripped from the front of a name ("Secretary", "Sen.").
    pub(crate) const TITLE: Kind = Kind(1 << 1);
    /// Capitalised function words that never start a speaker name ("The", "But").
    pub(crate) const LEAD: Kind = Kind(1 << 2);
    /// Weekdays and months: "on Monday" is not a speaker.
    pub(crate) const TIME: Kind = Kind(1 << 3);
    /// Determiners that open an unnamed speaker description.
    pub(crate) const DET: Kind = Kind(1 << 4);
    /// Words spelled with a leading apostrophe ("'em").
    pub(crate) const ELISION: Kind = Kind(1 << 5);
    /// Words before a mentioned word or name ("so-called").
    pub(crate) const MENTION: Kind = Kind(1 << 6);
    /// Head nouns of unnamed speakers ("official", "senator").
    pub(crate) const NOUN: Kind = Kind(1 << 7);
    /// Pronouns that refer to a person.
    pub(crate) const PERSON: Kind = Kind(1 << 8);
    /// Pronouns that refer to a group.
    pub(crate) const PLURAL: Kind = Kind(1 << 9);
    /// Adverbs and auxiliaries between a speaker and the speech verb.
    pub(crate) const SKIP: Kind = Kind(1 << 10);
    /// Pronouns that refer to an organisation.
    pub(crate) const THING: Kind = Kind(1 << 11);
    /// Nouns before a title of a work ("the film").
    pub(crate) const WORK: Kind = Kind(1 << 12);
    /// The kinds compared case-sensitively.
    const CASED: u32 = Kind::ORG.0 | Kind::TITLE.0 | Kind::LEAD.0 | Kind::TIME.0;

    /// The kind named `name` in the data file (lists no rule reads are `None`).
    fn named(name: &str) -> Option<Kind> {
        Some(match name {
            "org" => Kind::ORG,
            "title" => Kind::TITLE,
            "lead" => Kind::LEAD,
            "time" => Kind::TIME,
            "det" => Kind::DET,
            "elision" => Kind::ELISION,
            "mention" => Kind::MENTION,
            "noun" => Kind::NOUN,
            "person" => Kind::PERSON,
            "plural" => Kind::PLURAL,
            "skip" => Kind::SKIP,
            "thing" => Kind::THING,
            "work" => Kind::WORK,
            _ => return None,
        })
    }

    fn cased(self) -> bool {
        self.0 & Kind::CASED != 0
    }
}

/// Either kind: both must be cased, or both not.
impl std::ops::BitOr for Kind {
    type Output = Kind;

    fn bitor(self, other: Kind) -> Kind {
        debug_assert_eq!(self.cased(), other.cased());
        Kind(self.0 | other.0)
    }
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
                    w.verbs.entry(head.to_string()).or_default().head = true;
                }
                w.verbs.entry(form).or_default().lemma = Some(lemma.clone());
            }
        }
        for row in lexicon.rows(ListKind::QuoteWords) {
            if let [kind, word, ..] = row.as_slice() {
                if let Some(kind) = Kind::named(kind) {
                    w.add(kind, word);
                }
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
                w.add(Kind::TITLE, word);
            }
        }
        for row in lexicon.rows(ListKind::Honorifics) {
            if let Some(h) = row.first().filter(|h| h.starts_with(char::is_uppercase)) {
                let bare = h.trim_end_matches('.');
                w.add(Kind::TITLE, bare);
                w.add(Kind::TITLE, &format!("{bare}."));
            }
        }
        w.abbreviations = lexicon
            .rows(ListKind::Abbreviations)
            .filter_map(|row| row.first().map(|w| w.to_string()))
            .collect();
        w
    }

    /// Put `word` in list `kind`.
    fn add(&mut self, kind: Kind, word: &str) {
        let (map, word) = if kind.cased() {
            (&mut self.cased, word.to_string())
        } else {
            (&mut self.folded, word.to_lowercase())
        };
        *map.entry(word).or_default() |= kind.0;
    }

    /// True when `word` belongs to list `kind` of `quote_words.tsv` (to any of them, for
    /// kinds joined with `|`).
    pub(crate) fn is(&self, kind: Kind, word: &str) -> bool {
        let mask = if kind.cased() {
            self.cased.get(word).copied()
        } else {
            with_lowercase(word, |w| self.folded.get(w).copied())
        };
        mask.unwrap_or(0) & kind.0 != 0
    }

    /// The speech verb starting at token `i` of `toks`: (lemma, number of tokens).
    pub(crate) fn cue_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(&str, usize)> {
        let t = toks.get(i)?;
        if t.kind != Tk::Word {
            return None;
        }
        with_lowercase(&text[t.range()], |w| {
            let form = self.verbs.get(w)?;
            if form.head {
                if let Some(n) = toks.get(i + 1).filter(|n| n.kind == Tk::Word) {
                    if let Some(lemma) = self.two_word_verb(w, &text[n.range()]) {
                        return Some((lemma, 2));
                    }
                }
            }
            form.lemma.as_deref().map(|lemma| (lemma, 1))
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
            return self.lemma(key);
        }
        self.lemma(&format!("{head} {}", next.to_lowercase()))
    }

    /// The lemma of the speech verb form `form` (lowercase).
    fn lemma(&self, form: &str) -> Option<&str> {
        self.verbs.get(form)?.lemma.as_deref()
    }

    /// Words whose leading apostrophe is an elision ("'em", "'til").
    pub(crate) fn elisions(&self) -> FxHashSet<String> {
        self.folded
            .iter()
            .filter(|(_, mask)| *mask & Kind::ELISION.0 != 0)
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
    let mut toks = Vec::new();
    tokenize_into(norm, range, quotes, words, &mut toks);
    toks
}

/// [`tokenize`] into `toks` (cleared first), to reuse its memory.
pub(crate) fn tokenize_into(
    norm: &str,
    range: Range<usize>,
    quotes: &[Range<usize>],
    words: &Words,
    toks: &mut Vec<Tok>,
) {
    let end = range.end.min(norm.len());
    let bytes = norm.as_bytes();
    toks.clear();
    toks.reserve(end.saturating_sub(range.start) / 5 + 4);
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
            // the run of ASCII letters and digits, one table load a byte
            j += word_len(&bytes[..stop], j);
            if j >= stop {
                break;
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
        // the space after a word, before any quotation (`stop`): skipped here, not by a turn
        // of the loop
        if j < stop && bytes[j] == b' ' {
            j += 1;
        }
        i = j;
    }
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
