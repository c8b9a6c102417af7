//! Sentence segmentation for news: abbreviation-aware ("Sen.", "U.S.", "p.m.", "(D-Ore.)"),
//! quote-, parenthesis-, list- and ellipsis-aware, with paragraphs as hard boundaries.
//!
//! One linear pass over the bytes of a paragraph: only `.`, `!`, `?`, `…`, bullets and
//! lowercase-to-uppercase seams are looked at closely, and each decision reads a bounded
//! neighbourhood, so the cost is O(n) whatever the input (no regex, no per-byte allocation).

mod rules;

use crate::lexicon::{Lexicon, ListKind};
use rules::{Abbrev, CLASS, C_MULTI, C_TERM, C_UPPER};
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Splits paragraphs into sentences; built once from the abbreviation and starter lists.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// Abbreviations (without their final period) and how they behave before a capital.
    abbreviations: HashMap<Box<str>, Abbrev, FxBuildHasher>,
    /// Capitalized words that commonly open a sentence ("The", "He", "But").
    starters: HashSet<Box<str>, FxBuildHasher>,
    /// Words that continue a time ("Eastern", "EDT", "Thursday") after "a.m." / "p.m.".
    time_words: HashSet<Box<str>, FxBuildHasher>,
    /// Inflected speech verbs ("said", "asked"): `"Why?" Trump asked.` is one sentence.
    speech_verbs: HashSet<Box<str>, FxBuildHasher>,
}

/// Where a sentence ends and the next one starts (both byte offsets).
type Cut = Option<(usize, usize)>;

impl Segmenter {
    /// A segmenter knowing the abbreviations and sentence starters of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Segmenter {
        let mut abbreviations = HashMap::default();
        for line in lexicon.lines(ListKind::Abbreviations) {
            let mut cols = line.split('\t').map(str::trim);
            let Some(word) = cols.next().filter(|w| !w.is_empty()) else {
                continue;
            };
            let class = match cols.next() {
                Some("title") => Abbrev::Title,
                Some("honorific") => Abbrev::Honorific,
                _ => Abbrev::Plain,
            };
            abbreviations.insert(word.trim_end_matches('.').into(), class);
        }
        let mut starters = HashSet::default();
        let mut time_words = HashSet::default();
        for line in lexicon.lines(ListKind::SentenceStarters) {
            let mut cols = line.split('\t').map(str::trim);
            let word: Box<str> = cols.next().unwrap_or("").into();
            if word.is_empty() {
                continue;
            }
            if cols.next() == Some("time") {
                time_words.insert(word);
            } else {
                starters.insert(word);
            }
        }
        let speech_verbs = lexicon
            .lines(ListKind::SpeechVerbs)
            .flat_map(str::split_whitespace)
            .filter(|w| !w.contains('_'))
            .map(Into::into)
            .collect();
        Segmenter {
            abbreviations,
            starters,
            time_words,
            speech_verbs,
        }
    }

    /// Sentence ranges (trimmed) of `text[range]`, which should be one paragraph.
    #[cfg(test)]
    pub fn split(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.split_into(text, range, &mut out);
        out
    }

    /// Append the sentence ranges (trimmed, non-empty, in order) of `text[range]` to `out`.
    ///
    /// `range` is clamped to `text` and must start and end on char boundaries.
    pub fn split_into(&self, text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
        let b = text.as_bytes();
        let end = range.end.min(b.len());
        let mut start = rules::skip_ws(b, range.start, end);
        if start >= end {
            return;
        }
        let mut budget = 4 * (end - start) + 4096;
        let (mut i, mut marker) = rules::open(text, start, end, &mut budget);
        loop {
            let limit = marker.min(end);
            let mut cut: Cut = None;
            while i < limit {
                // Skip up to eight uninteresting bytes at a time.
                if i + 8 <= limit {
                    let n = rules::skippable8(b, i);
                    if n > 0 {
                        i += n;
                        continue;
                    }
                }
                let class = CLASS[b[i] as usize];
                if class == 0 {
                    i += 1;
                    continue;
                }
                if class == C_TERM || (class == C_MULTI && rules::is_ellipsis(b, i, end)) {
                    let (resume, c) = self.terminator(text, start, i, end);
                    if c.is_some() {
                        cut = c;
                        break;
                    }
                    i = resume.max(i + 1);
                } else if class == C_MULTI {
                    if i > start && rules::is_bullet(b, i, end) && b[i - 1].is_ascii_whitespace() {
                        cut = Some((i, i));
                        break;
                    }
                    i += 1;
                } else {
                    debug_assert_eq!(class, C_UPPER);
                    let glued = i > start
                        && (b[i - 1].is_ascii_lowercase()
                            || (b[i - 1].is_ascii_uppercase()
                                && i + 1 < end
                                && b[i + 1].is_ascii_lowercase()));
                    if glued && self.seam(text, start, i, end) {
                        cut = Some((i, i));
                        break;
                    }
                    i += 1;
                }
            }
            let (sentence_end, next) = match cut {
                Some(c) => c,
                None if limit < end => (limit, limit),
                None => {
                    push_trimmed(text, start..end, out);
                    return;
                }
            };
            push_trimmed(text, start..sentence_end, out);
            start = rules::skip_ws(b, next, end);
            if start >= end {
                return;
            }
            (i, marker) = rules::open(text, start, end, &mut budget);
        }
    }

    /// Decide whether the terminator run starting at `i` (`.`, `!`, `?`, `…`) ends the sentence
    /// that began at `start`. Returns where to resume scanning and the cut, if any.
    fn terminator(&self, text: &str, start: usize, i: usize, end: usize) -> (usize, Cut) {
        let b = text.as_bytes();
        let run = rules::TermRun::scan(b, start, i, end);
        let j = run.after_closers;
        // "[...]" and "(...)" mark an omission inside the sentence.
        if run.is_ellipsis()
            && i > 0
            && matches!(b[i - 1], b'[' | b'(')
            && run.end < end
            && matches!(b[run.end], b']' | b')')
        {
            return (j, None);
        }
        let k = rules::skip_ws(b, j, end);
        if k >= end {
            return (end, None);
        }
        if k == j {
            return (j, self.glued(text, start, i, &run, end));
        }
        let next_upper = rules::starts_upper(text, k, end);
        if run.bang_or_question && !run.ends_with_dot {
            let quoted = b[run.end..j].iter().any(|&c| matches!(c, b'"' | b'\''));
            let ends = next_upper && !(quoted && self.attribution_follows(text, k, end));
            return (j, ends.then_some((j, k)));
        }
        if run.spaced {
            // "compounds. . . . The": the attached period ends the sentence, the ellipsis
            // opens the next; a free-standing ". . . ." ends it; ". . ." alone never does.
            let attached = i > start && !b[i - 1].is_ascii_whitespace();
            if attached && run.dots >= 4 {
                return (j, next_upper.then_some((i + 1, i + 1)));
            }
            return (j, (run.dots >= 4 && next_upper).then_some((j, k)));
        }
        if run.is_ellipsis() {
            return (j, next_upper.then_some((j, k)));
        }
        let word = rules::word_before(text, start, i);
        let kind = self.classify(text, start, word);
        if !next_upper {
            // "Finally, this. 1. The first item": a list marker after a plain sentence end;
            // "twelve abstained. 2016 was worse": a number after a lowercase word;
            // "sales rose. iPhone demand fell": a camel-case brand.
            let ends = kind == Kind::Word
                && (rules::is_list_marker(b, k, end)
                    || (b[k].is_ascii_digit() && rules::is_lowercase_word(word))
                    || (b[k].is_ascii_lowercase()
                        && k + 1 < end
                        && b[k + 1].is_ascii_uppercase()
                        && rules::is_lowercase_word(word)));
            return (j, ends.then_some((j, k)));
        }
        let ends = match kind {
            Kind::Word => true,
            Kind::Title => false,
            Kind::Ambiguous { upper_dotted } => {
                let next = rules::next_word(text, k, end);
                let next_abbrev =
                    b.get(k + next.len()) == Some(&b'.') && self.abbreviations.contains_key(next);
                if self.starters.contains(next) {
                    true
                } else if rules::is_time_abbreviation(word) {
                    // "6 p.m. Travelers left" ends; "5 p.m. Thursday", "p.m. EDT", "a.m. Mr.
                    // Smith" do not (but "6 P.M. Mr. Smith" does).
                    if next_abbrev {
                        upper_dotted && self.is_honorific(next)
                    } else {
                        !self.time_words.contains(next)
                    }
                } else {
                    upper_dotted && next_abbrev && self.is_honorific(next)
                }
            }
        };
        (j, ends.then_some((j, k)))
    }

    /// True when the text at `k` is a speaker and a speech verb: `Trump said`, `Sen. Ron
    /// Wyden asked` (up to four capitalized words, then a verb from the speech-verb list).
    fn attribution_follows(&self, text: &str, k: usize, end: usize) -> bool {
        let stop = end.min(k + 80);
        let Some(window) = text.get(k..stop).or_else(|| text.get(k..end)) else {
            return false;
        };
        let mut names = 0;
        for w in window.split(' ').take(6) {
            if w.starts_with(|c: char| c.is_uppercase()) {
                names += 1;
                if names > 4 {
                    return false;
                }
                continue;
            }
            let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
            return names > 0 && self.speech_verbs.contains(w);
        }
        false
    }

    /// True for honorifics that open sentences ("Mr", "Dr").
    fn is_honorific(&self, word: &str) -> bool {
        self.abbreviations.get(word) == Some(&Abbrev::Honorific)
    }

    /// A terminator with no space after it ("world.Today", "U.S.A", "3.5", "a@b.com"): a
    /// sentence ends only between a lowercase word or number and a capitalized word.
    fn glued(&self, text: &str, start: usize, i: usize, run: &rules::TermRun, end: usize) -> Cut {
        let b = text.as_bytes();
        let k = run.after_closers;
        // The next sentence may open with a quote: `cleric."He used to`.
        let cap = k + usize::from(matches!(b[k], b'"' | b'\''));
        if cap + 1 >= end || !b[cap].is_ascii_uppercase() || !b[cap + 1].is_ascii_alphabetic() {
            return None;
        }
        let closed = run.after_closers > run.end;
        let prev = if i > start { b[i - 1] } else { b' ' };
        // After a capital only when the word is 2+ capitals or digits ("was OK.Insufficient"),
        // never inside letter-dot abbreviations ("U.S.A").
        let word = rules::word_before(text, start, i);
        let caps_word = word.len() >= 2 && word.bytes().all(|c| c.is_ascii_alphanumeric());
        if !(closed || prev.is_ascii_lowercase() || prev.is_ascii_digit() || caps_word) {
            return None;
        }
        let tok_start = rules::token_start(b, start, i);
        let tok_end = rules::token_end(b, k, end);
        if b[tok_start..tok_end]
            .iter()
            .any(|&c| matches!(c, b'@' | b'/' | b'\\' | b'_'))
        {
            return None;
        }
        // "www.testurl.Awesome.com": a dot and a lowercase letter after the capital is a domain.
        if b[k..tok_end]
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_lowercase())
        {
            return None;
        }
        if run.ends_with_dot && !closed && self.abbreviations.contains_key(word) {
            return None;
        }
        Some((k, k))
    }

    /// A lost paragraph break: "…Matanov's involvementAn FBI agent…" — a lowercase word of 3+
    /// letters glued to a capitalized sentence starter followed by a space.
    ///
    /// After capitals ("…10.5MBAmong the measures") the starter must be 4+ letters and be
    /// followed by a lowercase word, so acronyms before names ("FBIDirector") stay whole.
    fn seam(&self, text: &str, start: usize, i: usize, end: usize) -> bool {
        let b = text.as_bytes();
        if i < start + 2 {
            return false;
        }
        let after_caps = b[i - 1].is_ascii_uppercase();
        if after_caps {
            if !b[i - 2].is_ascii_uppercase() {
                return false;
            }
        } else if i < start + 3 || !b[i - 3..i].iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        let mut q = i + 1;
        while q < end && q < i + 16 && b[q].is_ascii_lowercase() {
            q += 1;
        }
        if q + 1 >= end || b[q] != b' ' {
            return false;
        }
        if after_caps {
            return q - i >= 4
                && b[q + 1].is_ascii_lowercase()
                && self.starters.contains(&text[i..q]);
        }
        // The word after must read as running text ("An FBI agent", "A senior official"),
        // not a name ("CompanyA Inc.").
        let after = &b[q + 1..end.min(q + 5)];
        let caps = after.len() >= 2 && after[..2].iter().all(u8::is_ascii_uppercase);
        let w = &text[i..q];
        if !(after[0].is_ascii_lowercase() || after[0].is_ascii_digit() || caps || w.len() >= 3) {
            return false;
        }
        // Two-letter starters ("In", "On", "It") too often end brand names ("LinkedIn").
        (w.len() != 2 || matches!(w, "An" | "He" | "We")) && self.starters.contains(w)
    }

    /// How the word before a period behaves.
    fn classify(&self, text: &str, start: usize, word: &str) -> Kind {
        if word.is_empty() {
            return Kind::Word;
        }
        if let Some(a) = self.abbreviations.get(word) {
            return match a {
                Abbrev::Title | Abbrev::Honorific => Kind::Title,
                Abbrev::Plain => Kind::Ambiguous {
                    upper_dotted: false,
                },
            };
        }
        let wb = word.as_bytes();
        if wb.len() == 1 && wb[0].is_ascii_alphabetic() {
            // "you and I." is the pronoun; "Albert I. Jones", "J. Edgar" are initials; a
            // letter opening the sentence is a label ("Q. What is his name?"); a lowercase
            // letter is a variable or page ("p. 55", "contain v. If").
            let word_start = word.as_ptr() as usize - text.as_ptr() as usize;
            if wb[0] == b'I' && rules::prev_word_is_lowercase(text, start, word_start) {
                return Kind::Word;
            }
            if word_start == start || wb[0].is_ascii_lowercase() {
                return Kind::Title;
            }
            return Kind::Ambiguous {
                upper_dotted: false,
            };
        }
        if rules::is_dotted_abbreviation(wb) {
            return Kind::Ambiguous {
                upper_dotted: wb.iter().all(|c| !c.is_ascii_lowercase()),
            };
        }
        Kind::Word
    }
}

/// What the word before a period says about a sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An ordinary word or number: a following capital starts a new sentence.
    Word,
    /// A title ("Sen.", "Dr."): never ends a sentence before a capitalized word.
    Title,
    /// An abbreviation or initial: ends the sentence only before a sentence starter.
    Ambiguous {
        /// Letter-dot abbreviation in capitals ("U.S.", "P.M."): an honorific after it
        /// ("P.M. Mr. Smith") also starts a new sentence.
        upper_dotted: bool,
    },
}

/// The longest sentence handed to the extractors, in bytes. Real sentences stay far below it;
/// longer runs (a page with no punctuation, a table dump) are cut at spaces so that the
/// per-sentence rules downstream keep the whole pipeline linear in the input size.
pub(crate) const MAX_SENTENCE: usize = 4096;

/// Push `text[r]` without surrounding whitespace, unless it is empty; a run longer than
/// [`MAX_SENTENCE`] is pushed as pieces cut at the last space before each limit.
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(r.clone()) else {
        return;
    };
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    let mut start = r.start + lead;
    let end = start + t.len();
    while end - start > MAX_SENTENCE {
        let cut = text.floor_char_boundary(start + MAX_SENTENCE);
        let piece = &text[start..cut];
        let at = piece
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| start + i);
        out.push(start..at);
        start = at;
        start += text[start..end].len() - text[start..end].trim_start().len();
    }
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests;
