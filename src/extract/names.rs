//! Person names: capitalised runs that start with a known given name or follow an honorific
//! ("Gina Raimondo", "Mr. Blair", "Sen. Wyden"). Shared by the officials extractor and the
//! entity index in [`crate::resolve`], so both see the same people.

use crate::document::Document;
use crate::lexicon::{Lexicon, ListKind};
use crate::normalize::alnum_run_end;
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
#[cfg(test)]
use std::sync::{Arc, LazyLock};

/// Grammatical gender a name or honorific suggests, for "he"/"she" resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// One word of a text as the name finder sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range of the word, without a final period or a possessive "'s".
    pub start: usize,
    pub end: usize,
    /// True when a period follows the word directly ("Sen.", "J.").
    pub dot: bool,
    /// True when the word starts with an uppercase letter.
    pub cap: bool,
    /// True when only whitespace (no punctuation) separates it from the previous token; a
    /// possessive "'s" on the previous token does not break the join (see `poss`).
    pub joined: bool,
    /// True when the word carried a possessive "'s" (trimmed from `end`).
    pub poss: bool,
}

impl Token {
    /// The word's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Byte classes for the tokenizer: one table lookup per byte instead of a chain of
/// predicates. Bytes of multi-byte chars are `WIDE` and decoded on the slow path.
const WORD: u8 = 1;
/// An ASCII uppercase letter (always with `WORD`).
const UPPER: u8 = 2;
/// A space, tab or newline: a gap that keeps the next token joined.
const SPACE: u8 = 4;
/// An apostrophe or hyphen: inside a word when a letter or digit follows.
const JOIN: u8 = 8;
/// A byte of a multi-byte char.
const WIDE: u8 = 16;

/// The class of every byte value (see `WORD` and the others).
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b' ' | b'\t' | b'\n') {
            SPACE
        } else if matches!(c, b'\'' | b'-') {
            JOIN
        } else if c >= 128 {
            WIDE
        } else {
            0
        };
        b += 1;
    }
    table
}

/// The class of byte `b`.
#[inline(always)]
fn class_of(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// (is a word char, byte length, uppercase) of the multi-byte char at byte `i` of `s`: the
/// slow path of the tokenizer.
#[cold]
fn wide_char_class(s: &str, i: usize) -> (bool, usize, bool) {
    let ch = s[i..].chars().next().unwrap_or(' ');
    (ch.is_alphanumeric(), ch.len_utf8(), ch.is_uppercase())
}

/// True when the apostrophe or hyphen at byte `i` of `s` stays inside the word: a letter or
/// digit follows ("O'Brien", "Ocasio-Cortez"), but a lowercase suffix after a hyphen in a
/// capitalised word ("Graham-type") starts a separate word.
fn joins_word(s: &str, i: usize, cap: bool) -> bool {
    let hyphen = s.as_bytes()[i] == b'-';
    let (alnum, lower) = match s.as_bytes().get(i + 1) {
        None => return false,
        Some(&b) if b < 128 => (class_of(b) & WORD != 0, b.is_ascii_lowercase()),
        Some(_) => match s[i + 1..].chars().next() {
            Some(c) => (c.is_alphanumeric(), c.is_lowercase()),
            None => return false,
        },
    };
    alnum && !(hyphen && cap && lower)
}

/// The end of the word that continues at byte `end` of `s` (its first char, capitalised when
/// `cap`, ends there), and whether it may hold an apostrophe, hyphen or non-ASCII char.
#[inline(always)]
fn word_end(s: &str, end: usize, cap: bool) -> (usize, bool) {
    let bytes = s.as_bytes();
    let end = alnum_run_end(bytes, end);
    match bytes.get(end) {
        Some(&b) if class_of(b) & (JOIN | WIDE) != 0 => (mixed_word_end(s, end, cap), true),
        _ => (end, false),
    }
}

/// The end of a word that goes on at byte `end` of `s` with an apostrophe, a hyphen or a
/// non-ASCII char (see [`word_end`]).
fn mixed_word_end(s: &str, mut end: usize, cap: bool) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(end) {
        let c = class_of(b);
        if c & JOIN != 0 && joins_word(s, end, cap) {
            end += 1;
        } else if c & WIDE != 0 {
            let (word, len, _) = wide_char_class(s, end);
            if !word {
                break;
            }
            end += len;
        } else {
            break;
        }
        end = alnum_run_end(bytes, end);
    }
    end
}

/// Split `text[range]` into word tokens (letters, digits, apostrophes and inner hyphens).
/// Byte-level with a class table and an ASCII fast path: it runs over every sentence of
/// every article.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, range, &mut out);
    out
}

/// [`tokenize`], appending to `out`: the tokens of a whole article go in one list.
fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    // a word and its space take five bytes on average: room for short words without a regrow
    out.reserve(range.len() / 4 + 2);
    let first = out.len();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let mut gap_clean = false; // only spaces since the last token
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = class_of(b);
        let (cap, len) = if c & WORD != 0 {
            (c & UPPER != 0, 1)
        } else if c & WIDE != 0 {
            match wide_char_class(slice, i) {
                (true, len, upper) => (upper, len),
                (false, len, _) => {
                    gap_clean = false;
                    i += len;
                    continue;
                }
            }
        } else {
            gap_clean &= c & SPACE != 0;
            i += 1;
            continue;
        };
        let start = i;
        let (end, mixed) = word_end(slice, i + len, cap);
        // a possessive "'s" is not part of the word
        let poss = mixed
            && end - start >= 2
            && bytes[end - 2] == b'\''
            && matches!(bytes[end - 1], b's' | b'S');
        let word_end = if poss { end - 2 } else { end };
        let dot = !poss && bytes.get(end) == Some(&b'.');
        out.push(Token {
            start: base + start,
            end: base + word_end,
            dot,
            cap,
            joined: gap_clean && out.len() > first,
            poss,
        });
        gap_clean = !dot || end - start <= 4;
        i = end + usize::from(dot);
    }
}

/// What made a span a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCue {
    /// Starts with a known given name ("Gina Raimondo").
    GivenName,
    /// Follows an honorific or title word ("Mr. Blair", "Sen. Ron Wyden").
    Honorific,
}

/// One sentence's word tokens and the person names among them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentenceNames<'a> {
    pub toks: &'a [Token],
    pub hits: &'a [NameHit],
}

/// The word tokens and person names of every sentence of an article, each kind in one list
/// for the whole article (no allocation per sentence).
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleNames {
    toks: Vec<Token>,
    hits: Vec<NameHit>,
    /// The ranges of `toks` and of `hits` of each sentence.
    sentences: Vec<(Range<usize>, Range<usize>)>,
}

impl ArticleNames {
    /// The tokens and names of each sentence, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = SentenceNames<'_>> + '_ {
        self.sentences.iter().map(|(t, h)| SentenceNames {
            toks: &self.toks[t.clone()],
            hits: &self.hits[h.clone()],
        })
    }
}

/// A person's name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameHit {
    /// The name itself, without the honorific.
    pub range: Range<usize>,
    /// The honorific or title word before it, when there is one.
    pub honorific: Option<Range<usize>>,
    pub cue: NameCue,
    /// Gender suggested by the honorific, else by the given name.
    pub gender: Option<Gender>,
    /// Number of word tokens in the name.
    pub words: usize,
}

/// Hash maps and sets keyed by words (FxHash: word lookups run for every capitalised word of
/// every article, where SipHash's DoS resistance buys nothing).
pub(crate) type WordMap<V> = HashMap<Box<str>, V, FxBuildHasher>;
type WordSet = HashSet<Box<str>, FxBuildHasher>;

/// The word lists the name finder uses, compiled once.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameModel {
    given: WordMap<Option<Gender>>,
    stop: WordSet,
    honorifics: WordMap<Option<Gender>>,
    org_words: WordSet,
    /// Honorific -> the office it abbreviates ("Sen" -> "senator").
    offices: WordMap<Box<str>>,
}

/// Name particles that may stand lowercase inside a name ("Bill de Blasio").
const PARTICLES: [&str; 12] = [
    "de", "van", "von", "der", "den", "da", "del", "della", "di", "du", "la", "bin",
];
/// Generational suffixes that end a name ("Jr.", "III").
const SUFFIXES: [&str; 5] = ["Jr", "Sr", "II", "III", "IV"];

fn gender_of(code: &str) -> Option<Gender> {
    match code {
        "M" => Some(Gender::Male),
        "F" => Some(Gender::Female),
        _ => None,
    }
}

/// The name model built from the built-in lists, for unit tests.
#[cfg(test)]
pub(crate) static DEFAULT_NAMES: LazyLock<Arc<NameModel>> =
    LazyLock::new(|| Arc::new(NameModel::new(&Lexicon::default())));

impl NameModel {
    /// Compile the name lists of `lexicon`.
    pub(crate) fn new(lexicon: &Lexicon) -> NameModel {
        let mut m = NameModel::default();
        for row in lexicon.rows(ListKind::FirstNames) {
            if let Some(name) = row.first().filter(|n| !n.is_empty()) {
                let g = row.get(1).and_then(|g| gender_of(g));
                m.given.insert((*name).into(), g);
            }
        }
        for w in lexicon.lines(ListKind::NameStopwords) {
            m.stop.insert(w.trim().into());
        }
        for row in lexicon.rows(ListKind::Honorifics) {
            if let Some(h) = row.first().filter(|n| !n.is_empty()) {
                let g = row.get(1).and_then(|g| gender_of(g));
                m.honorifics.insert((*h).into(), g);
                if let Some(office) = row.get(2).filter(|o| !o.is_empty()) {
                    m.offices.insert((*h).into(), (*office).into());
                }
            }
        }
        for w in lexicon.lines(ListKind::OrgWords) {
            m.org_words.insert(w.trim().into());
        }
        m
    }

    /// True when `word` is a listed given name that may start a name.
    pub(crate) fn is_given(&self, word: &str) -> bool {
        self.given.contains_key(word) && !self.stop.contains(word)
    }

    /// The gender a given name suggests.
    pub(crate) fn given_gender(&self, word: &str) -> Option<Gender> {
        self.given.get(word).copied().flatten()
    }

    /// True when `word` is an honorific or title that may precede a surname ("Mr", "Sen").
    pub(crate) fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains_key(word)
    }

    /// The office an honorific abbreviates ("Sen" -> "senator"), without a final period.
    pub(crate) fn office_of(&self, word: &str) -> Option<&str> {
        self.offices.get(word.trim_end_matches('.')).map(|o| &**o)
    }

    /// True when `word` heads an organisation or place name ("Foundation").
    pub(crate) fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// True when token `t` can be part of a name: capitalised, not an honorific-only word.
    fn name_word(&self, text: &str, t: &Token) -> bool {
        if !t.cap {
            return false;
        }
        let w = t.text(text);
        let mut chars = w.chars();
        // all-caps words longer than an initial are acronyms ("FBI"), not names
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        if upper == w.chars().count() && w.len() > 1 && !t.dot {
            return false;
        }
        if !chars.next().is_some_and(char::is_alphabetic) {
            return false;
        }
        // run-together page text ("MayVideo") is not a name; "McConnell", "DeSantis" are
        let inner_cap = w
            .char_indices()
            .skip(1)
            .find(|&(i, c)| c.is_uppercase() && w[..i].ends_with(|p: char| p.is_lowercase()));
        match inner_cap {
            Some((i, _)) => matches!(
                &w[..i],
                "Mc" | "Mac" | "De" | "Di" | "La" | "Le" | "Van" | "Du"
            ),
            None => true,
        }
    }

    /// Read a name that starts at token `i` (its first word). Returns the index one past its
    /// last token, or `None` when no name of at least `min_words` words starts there.
    fn read_name(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        min_words: usize,
        max_words: usize,
    ) -> Option<usize> {
        let mut j = i + 1;
        let mut words = 1;
        while j < toks.len() && words < max_words {
            let t = &toks[j];
            if !t.joined || toks[j - 1].poss {
                break;
            }
            let w = t.text(text);
            if PARTICLES.contains(&w) && j + 1 < toks.len() && toks[j + 1].cap && toks[j + 1].joined
            {
                j += 1;
                continue;
            }
            if SUFFIXES.contains(&w) && words >= 2 {
                j += 1;
                break;
            }
            let initial = w.chars().count() == 1;
            if !self.name_word(text, t) || self.is_org_word(w) {
                break;
            }
            // a period after a full word: an abbreviation ("Sen.") is not part of the name; a
            // full stop ends the name with this word
            if t.dot && !initial {
                if self.is_honorific(w) || SUFFIXES.contains(&w) {
                    if SUFFIXES.contains(&w) && words >= 2 {
                        j += 1;
                    }
                    break;
                }
                words += 1;
                j += 1;
                break;
            }
            // a new given name followed by another capitalised word starts a new name
            if words >= 2
                && self.is_given(w)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.joined && self.name_word(text, n))
            {
                break;
            }
            words += 1;
            j += 1;
        }
        if words < min_words {
            return None;
        }
        // the name's last word must not be an initial
        if toks[j - 1].end - toks[j - 1].start == 1 && toks[j - 1].dot && words > 1 {
            j -= 1;
            words -= 1;
            if words < min_words {
                return None;
            }
        }
        // "Clinton Foundation", "George Washington University": an organisation, not a person
        if let Some(n) = toks.get(j) {
            if n.joined && !toks[j - 1].poss && n.cap && self.is_org_word(n.text(text)) {
                return None;
            }
        }
        Some(j)
    }

    /// Every person name in `text[range]`, in text order.
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str, range: Range<usize>) -> Vec<NameHit> {
        self.find_in(text, &tokenize(text, range))
    }

    /// The name tokens and person names of every sentence of `doc`: computed once per article
    /// and read by both the officials stage and the entity index.
    #[inline(never)] // its own frame in profiles: the names stage
    pub(crate) fn sentences(&self, doc: &Document) -> ArticleNames {
        let text = doc.norm();
        let mut names = ArticleNames {
            toks: Vec::with_capacity(text.len() / 5 + 1),
            hits: Vec::new(),
            sentences: Vec::with_capacity(doc.sentences().len()),
        };
        for s in doc.sentences() {
            let (t0, h0) = (names.toks.len(), names.hits.len());
            tokenize_into(text, s.norm.clone(), &mut names.toks);
            self.find_into(text, &names.toks[t0..], &mut names.hits);
            names
                .sentences
                .push((t0..names.toks.len(), h0..names.hits.len()));
        }
        names
    }

    /// Every person name among the tokens `toks` of one sentence, in text order.
    #[cfg(test)]
    pub(crate) fn find_in(&self, text: &str, toks: &[Token]) -> Vec<NameHit> {
        let mut out = Vec::new();
        self.find_into(text, toks, &mut out);
        out
    }

    /// Every person name among the tokens `toks` of one sentence, in text order, appended
    /// to `out`.
    fn find_into(&self, text: &str, toks: &[Token], out: &mut Vec<NameHit>) {
        // counted at the first candidate: most sentences have none
        let mut max_words = None;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            // a name needs a capitalised word right after: test that before any lookup
            let next_cap = || {
                toks.get(i + 1)
                    .is_some_and(|n| n.joined && (n.cap || PARTICLES.contains(&n.text(text))))
            };
            if !t.cap || !next_cap() {
                i += 1;
                continue;
            }
            let w = t.text(text);
            let max_words = *max_words.get_or_insert_with(|| max_name_words(toks));
            if self.is_honorific(w) {
                if let Some(n) = toks
                    .get(i + 1)
                    .filter(|n| n.joined && self.name_word(text, n))
                {
                    let nw = n.text(text);
                    // "President Barack Obama": a given name after the title starts the name
                    if let Some(end) = self.read_name(text, toks, i + 1, 1, max_words) {
                        let org = toks[i + 1..end]
                            .iter()
                            .any(|x| self.is_org_word(x.text(text)));
                        let stop = !t.dot && self.stop.contains(nw);
                        if !org && !stop && (!self.is_honorific(nw) || self.is_given(nw)) {
                            let gender = self
                                .honorifics
                                .get(w)
                                .copied()
                                .flatten()
                                .or_else(|| self.given_gender(nw).filter(|_| end - i > 2));
                            out.push(NameHit {
                                range: n.start..toks[end - 1].end,
                                honorific: Some(t.start..t.end + usize::from(t.dot)),
                                cue: NameCue::Honorific,
                                gender,
                                words: end - i - 1,
                            });
                            i = end;
                            continue;
                        }
                    }
                }
            }
            if self.is_given(w) {
                if let Some(end) = self.read_name(text, toks, i, 2, max_words) {
                    out.push(NameHit {
                        range: t.start..toks[end - 1].end,
                        honorific: None,
                        cue: NameCue::GivenName,
                        gender: self.given_gender(w),
                        words: end - i,
                    });
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// The most words a name in the sentence `toks` may have. In a Title Case headline every word
/// is capitalised: names keep to two words there ("Hillary Clinton Reassures House" ->
/// "Hillary Clinton").
fn max_name_words(toks: &[Token]) -> usize {
    let long = toks.iter().filter(|t| t.end - t.start >= 3);
    let (n, caps) = long.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.cap)));
    if n >= 5 && caps * 4 > n * 3 {
        2
    } else {
        4
    }
}

/// The last word of a name ("Raimondo" in "Gina Raimondo"), skipping "Jr." and the like.
pub(crate) fn surname(name: &str) -> &str {
    let mut words = name
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .rev();
    let mut last = words.next().unwrap_or("");
    while SUFFIXES.contains(&last.trim_end_matches('.')) || last.ends_with(',') {
        match words.next() {
            Some(w) => last = w.trim_end_matches(','),
            None => break,
        }
    }
    last
}

/// The first word of a name.
pub(crate) fn given(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        DEFAULT_NAMES
            .find(text, 0..text.len())
            .into_iter()
            .map(|h| &text[h.range])
            .collect()
    }

    #[test]
    fn names_in_both_lists_take_their_dominant_gender() {
        let g = |n: &str| DEFAULT_NAMES.given_gender(n);
        assert_eq!(g("Bill"), Some(Gender::Male));
        assert_eq!(g("Hillary"), Some(Gender::Female));
        assert_eq!(g("Nancy"), Some(Gender::Female));
        assert_eq!(g("Lindsey"), None, "Lindsey Graham, Lindsey Vonn");
    }

    #[test]
    fn given_name_starts_a_name() {
        assert_eq!(
            names("Commerce Secretary Gina Raimondo said it."),
            ["Gina Raimondo"]
        );
        assert_eq!(
            names("said Brian Nelson, Treasury's man."),
            ["Brian Nelson"]
        );
        assert_eq!(
            names("Bill de Blasio and George W. Bush met."),
            ["Bill de Blasio", "George W. Bush"]
        );
    }

    #[test]
    fn honorific_marks_a_surname() {
        assert_eq!(names("Mr. Blair said so."), ["Blair"]);
        assert_eq!(names("Sen. Ron Wyden (D-Ore.) objected."), ["Ron Wyden"]);
        let h = &DEFAULT_NAMES.find("Mrs. Clinton spoke.", 0..19)[0];
        assert_eq!(h.gender, Some(Gender::Female));
    }

    #[test]
    fn organisations_and_months_are_not_people() {
        assert!(names("The Clinton Foundation gave money.").is_empty());
        assert!(names("In May Congress acted.").is_empty());
        assert!(names("The FBI and the Justice Department agreed.").is_empty());
        assert_eq!(
            names("George Washington University said."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn two_names_in_a_row_split() {
        assert_eq!(
            names("Gina Raimondo Ron Wyden"),
            ["Gina Raimondo", "Ron Wyden"]
        );
    }

    #[test]
    fn title_case_headline_keeps_names_short() {
        assert_eq!(
            names("Hillary Clinton Reassures House Democrats About Sanders Supporters")[0],
            "Hillary Clinton"
        );
    }

    #[test]
    fn possessive_is_trimmed() {
        assert_eq!(names("Donald Trump's campaign"), ["Donald Trump"]);
        assert_eq!(surname("Donald Trump Jr."), "Trump");
    }
}
