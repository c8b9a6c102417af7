//! The word tables the number scanner reads, compiled once from the lexicon's data files
//! (`number_words.tsv`, `number_cues.tsv`, `units.txt`, `count_words.tsv`).

use crate::lexicon::{Lexicon, ListKind};
use crate::normalize::{ascii_lowercase_in, lowercase_in};
use crate::record::NumberKind;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// A map keyed by short words, hashed with FxHash.
type WordMap<V> = HashMap<String, V, FxBuildHasher>;

/// The grammatical class of a number word (see `number_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    Vague,
    Ordinal,
    Half,
    Fraction,
    Couple,
    Article,
    Minus,
    Point,
}

/// A number word with its value; `plural` marks derived plural ordinals ("thirds").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumWord {
    pub value: f64,
    pub class: Class,
    pub plural: bool,
}

/// What a cue phrase around a number says (see `number_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    ApproxBefore,
    ApproxAfter,
    IdentifierBefore,
    Month,
    YearBefore,
    AgeBefore,
    TimeAfter,
    CurrencyBefore,
    PronounBefore,
    RateBefore,
    RateAfter,
    StreetAfter,
    Name,
    VagueBefore,
    PartBefore,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "approx-before" => Role::ApproxBefore,
            "approx-after" => Role::ApproxAfter,
            "identifier-before" => Role::IdentifierBefore,
            "month" => Role::Month,
            "year-before" => Role::YearBefore,
            "age-before" => Role::AgeBefore,
            "time-after" => Role::TimeAfter,
            "currency-before" => Role::CurrencyBefore,
            "pronoun-before" => Role::PronounBefore,
            "rate-before" => Role::RateBefore,
            "rate-after" => Role::RateAfter,
            "street-after" => Role::StreetAfter,
            "name" => Role::Name,
            "vague-before" => Role::VagueBefore,
            "part-before" => Role::PartBefore,
            _ => return None,
        })
    }

    const COUNT: usize = 15;

    fn index(self) -> usize {
        self as usize
    }
}

/// Roles of a word in `count_words.tsv`, as bit flags.
pub(crate) mod word_role {
    /// A countable plural that does not end in -s.
    pub const PLURAL: u16 = 1;
    /// Ends a counted noun phrase.
    pub const STOP: u16 = 2;
    /// Plural-looking but not a counted thing.
    pub const VAGUE: u16 = 4;
    /// A verb whose bare-number object counts people.
    pub const PEOPLE: u16 = 8;
    /// A noun whose number counts its plural ("death toll").
    pub const TOLL: u16 = 16;
    /// May follow a number that borrows its noun ("one in Malaysia").
    pub const ELLIPSIS: u16 = 32;
    /// A determiner after "N of" ("two of the ...").
    pub const DETERMINER: u16 = 64;
    /// A pronoun after "N of" ("34 of them").
    pub const PRONOUN: u16 = 128;
    /// Starts a relative clause: a list ellipsis does not borrow across one ("which").
    pub const RELATIVE: u16 = 256;
    /// A singular noun for a person: "one person" counts even on its own.
    pub const PERSON: u16 = 512;
    /// A parent: "a mother of three" counts children.
    pub const PARENT: u16 = 1024;
}

/// Compiled number tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// Number words, lowercase.
    words: WordMap<NumWord>,
    /// Scale abbreviations after a figure, case-sensitive ("M" is a million, "m" a metre).
    abbrevs: WordMap<f64>,
    /// Cue phrases by role, lowercase.
    cues: Vec<Vec<String>>,
    /// For each role, the cues by last byte and by first byte (indices into `cues`), so a
    /// number tests the few cues that can match instead of all of them; `None` when a cue
    /// is empty (it would match everywhere).
    cue_ends: Option<Vec<CueIndex>>,
    /// Unit phrases after a number, lowercase, with the kind they give.
    units: Vec<(String, NumberKind)>,
    /// Longest unit phrase in bytes.
    unit_max: usize,
    /// For each first byte, the indices into `units` of the phrases starting with it, in
    /// `units` order: a number tests a dozen units instead of all of them.
    unit_by_first: Vec<Vec<usize>>,
    /// Count-rule word roles, lowercase.
    count_words: WordMap<u16>,
    /// For each pair of first letters, a bit per word length that some number word has:
    /// most words ("the", "that") are rejected without hashing.
    prefilter: Vec<u32>,
    /// Digits and the number words that can stand alone (not "a", "minus", "point"): a
    /// sentence without one of them holds no number, and is not scanned.
    trigger: Option<AhoCorasick>,
}

/// The cues of one role by their last and first bytes.
#[derive(Debug, Clone)]
struct CueIndex {
    by_last: Vec<Vec<usize>>,
    by_first: Vec<Vec<usize>>,
}

impl CueIndex {
    /// The index of `cues`, none of them empty.
    fn new(cues: &[String]) -> CueIndex {
        let mut index = CueIndex {
            by_last: vec![Vec::new(); 256],
            by_first: vec![Vec::new(); 256],
        };
        for (i, cue) in cues.iter().enumerate() {
            let bytes = cue.as_bytes();
            index.by_last[usize::from(bytes[bytes.len() - 1])].push(i);
            index.by_first[usize::from(bytes[0])].push(i);
        }
        index
    }
}

/// The place of an ASCII letter (any case) in the alphabet from 1, or 0 for no byte: one
/// coordinate of [`Tables::prefilter`] (see [`prefix_index`]); `None` for other bytes.
fn letter_index(b: Option<&u8>) -> Option<usize> {
    match b {
        None => Some(0),
        Some(c) if c.is_ascii_alphabetic() => Some(usize::from((c | 0x20) - b'a') + 1),
        Some(_) => None,
    }
}

/// Index of the first two letters of an ASCII word in [`Tables::prefilter`].
fn prefix_index(lower: &[u8]) -> Option<usize> {
    let letter = |b: Option<&u8>| match b {
        None => Some(0),
        Some(c @ b'a'..=b'z') => Some(usize::from(c - b'a') + 1),
        Some(_) => None,
    };
    Some(letter(lower.first())? * 27 + letter(lower.get(1))?)
}

impl Tables {
    /// Compile the tables from the lexicon's lists.
    pub fn new(lex: &Lexicon) -> Tables {
        let mut t = Tables {
            cues: vec![Vec::new(); Role::COUNT],
            ..Tables::default()
        };
        for row in lex.rows(ListKind::NumberWords) {
            let (Some(word), Some(value), Some(class)) = (row.first(), row.get(1), row.get(2))
            else {
                continue;
            };
            let Ok(value) = value.parse::<f64>() else {
                continue;
            };
            let class = match *class {
                "unit" => Class::Unit,
                "teen" => Class::Teen,
                "tens" => Class::Tens,
                "hundred" => Class::Hundred,
                "scale" => Class::Scale,
                "dozen" => Class::Dozen,
                "vague" => Class::Vague,
                "ordinal" => Class::Ordinal,
                "half" => Class::Half,
                "fraction" => Class::Fraction,
                "couple" => Class::Couple,
                "article" => Class::Article,
                "minus" => Class::Minus,
                "point" => Class::Point,
                "abbrev" => {
                    t.abbrevs.insert(word.to_string(), value);
                    continue;
                }
                _ => continue,
            };
            let lower = word.to_lowercase();
            if class == Class::Ordinal || class == Class::Half {
                let plural = if lower.ends_with('f') {
                    format!("{}ves", &lower[..lower.len() - 1])
                } else {
                    format!("{lower}s")
                };
                t.words.entry(plural).or_insert(NumWord {
                    value,
                    class,
                    plural: true,
                });
            }
            t.words.insert(
                lower,
                NumWord {
                    value,
                    class,
                    plural: false,
                },
            );
        }
        for row in lex.rows(ListKind::NumberCues) {
            if let (Some(phrase), Some(role)) =
                (row.first(), row.get(1).and_then(|r| Role::parse(r)))
            {
                t.cues[role.index()].push(phrase.to_lowercase());
            }
        }
        if t.cues.iter().flatten().all(|c| !c.is_empty()) {
            t.cue_ends = Some(t.cues.iter().map(|c| CueIndex::new(c)).collect());
        }
        for row in lex.rows(ListKind::Units) {
            let kind = match row.get(1).copied() {
                Some("money") => NumberKind::Money,
                Some("percent") => NumberKind::Percent,
                _ => NumberKind::Measure,
            };
            if let Some(unit) = row.first().filter(|u| !u.is_empty()) {
                t.unit_max = t.unit_max.max(unit.len());
                t.units.push((unit.to_lowercase(), kind));
            }
        }
        let mut triggers: Vec<&str> = t
            .words
            .iter()
            .filter(|(_, w)| !matches!(w.class, Class::Article | Class::Minus | Class::Point))
            .map(|(k, _)| k.as_str())
            .chain(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
            .collect();
        triggers.sort_unstable();
        t.trigger = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&triggers)
            .ok();
        t.prefilter = vec![0; 27 * 27];
        for key in t.words.keys() {
            let len = key.len();
            match prefix_index(key.as_bytes()) {
                // lowercasing may change a non-ASCII word's length: any length passes
                Some(i) if !key.is_ascii() => t.prefilter[i] = u32::MAX,
                Some(i) if len < 32 => t.prefilter[i] |= 1 << len,
                // non-letter keys ("½") are looked up without the filter
                _ => {}
            }
        }
        // longest phrases first, so "percentage points" wins over "percentage"
        t.units
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        t.unit_by_first = vec![Vec::new(); 256];
        for (i, (u, _)) in t.units.iter().enumerate() {
            if let Some(&b) = u.as_bytes().first() {
                t.unit_by_first[usize::from(b)].push(i);
            }
        }
        for row in lex.rows(ListKind::CountWords) {
            let role = match row.get(1).copied() {
                Some("plural") => word_role::PLURAL,
                Some("stop") => word_role::STOP,
                Some("vague") => word_role::VAGUE,
                Some("people") => word_role::PEOPLE,
                Some("toll") => word_role::TOLL,
                Some("ellipsis") => word_role::ELLIPSIS,
                Some("determiner") => word_role::DETERMINER,
                Some("pronoun") => word_role::PRONOUN,
                Some("relative") => word_role::RELATIVE,
                Some("person") => word_role::PERSON,
                Some("parent") => word_role::PARENT,
                _ => continue,
            };
            if let Some(w) = row.first() {
                *t.count_words.entry(w.to_lowercase()).or_default() |= role;
            }
        }
        t
    }

    /// The number word `word` (any case), if it is one.
    pub fn word(&self, word: &str) -> Option<NumWord> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 {
            return None;
        }
        // the first two letters and the length rule out most words before any copying (the
        // filter holds every key that starts with two letters, ASCII or not; it measures the
        // word as written, so a char whose lowercase is longer or shorter, like the Kelvin
        // sign, could hide a number word: no real text spells one so)
        if let (Some(a), Some(b)) = (letter_index(bytes.first()), letter_index(bytes.get(1))) {
            if self.prefilter[a * 27 + b] & (1 << bytes.len()) == 0 {
                return None;
            }
        }
        if !word.is_ascii() {
            return self.words.get(word.to_lowercase().as_str()).copied();
        }
        let mut buf = [0u8; 16];
        self.words
            .get(&*ascii_lowercase_in(word, &mut buf))
            .copied()
    }

    /// False when `text[range]` has no digit and no standalone number word, so it holds no
    /// number: most sentences, which the scanner then skips. A word counts only as a whole
    /// word ("one", not the "one" of "someone"); letters are ASCII, as in every number word.
    pub fn may_hold_number(&self, text: &str, range: std::ops::Range<usize>) -> bool {
        let (Some(ac), Some(slice)) = (&self.trigger, text.get(range)) else {
            return true;
        };
        let bytes = slice.as_bytes();
        let letter = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_alphabetic)
        };
        ac.find_iter(slice).any(|m| {
            !bytes[m.start()].is_ascii_alphabetic()
                || !letter(m.start().checked_sub(1)) && !letter(Some(m.end()))
        })
    }

    /// The multiplier of a scale abbreviation (exact case).
    pub fn abbrev(&self, word: &str) -> Option<f64> {
        self.abbrevs.get(word).copied()
    }

    /// The count-rule roles of `word` (any case), as `word_role` flags.
    pub fn count_role(&self, word: &str) -> u16 {
        if word.len() > 16 {
            return 0;
        }
        if !word.is_ascii() {
            return 0;
        }
        let mut buf = [0u8; 16];
        self.count_words
            .get(&*ascii_lowercase_in(word, &mut buf))
            .copied()
            .unwrap_or(0)
    }

    /// True when `before` (text up to a number) ends with a cue of `role` on a word boundary.
    /// Month cues must be capitalized as written ("May", not "may").
    pub fn cue_before(&self, before: &str, role: Role) -> bool {
        let tail_start = before.floor_char_boundary(before.len().saturating_sub(24));
        let tail = before[tail_start..].trim_end();
        if !tail.is_ascii() {
            let lower = tail.to_lowercase();
            return self.cues[role.index()].iter().any(|cue| {
                ends_phrase(&lower, cue)
                    && (role != Role::Month
                        || tail.len() >= cue.len()
                            && tail.is_char_boundary(tail.len() - cue.len())
                            && tail[tail.len() - cue.len()..]
                                .starts_with(|c: char| c.is_uppercase()))
            });
        }
        let cues = &self.cues[role.index()];
        let Some(index) = &self.cue_ends else {
            let mut buf = [0u8; 64];
            let lower = ascii_lowercase_in(tail, &mut buf);
            return cues.iter().any(|cue| {
                ends_phrase(&lower, cue)
                    && (role != Role::Month
                        || tail.as_bytes()[tail.len() - cue.len()].is_ascii_uppercase())
            });
        };
        // cues are lowercase: comparing without case spares lowercasing the tail
        let Some(last) = tail.as_bytes().last() else {
            return false;
        };
        index[role.index()].by_last[usize::from(last.to_ascii_lowercase())]
            .iter()
            .map(|&i| cues[i].as_str())
            .any(|cue| {
                ends_phrase_ascii(tail, cue)
                    && (role != Role::Month
                        || tail.as_bytes()[tail.len() - cue.len()].is_ascii_uppercase())
            })
    }

    /// True when `after` (text from the end of a number) starts with a cue of `role`.
    pub fn cue_after(&self, after: &str, role: Role) -> bool {
        let head = after.trim_start();
        let end = head.ceil_char_boundary(head.len().min(24));
        let head = &head[..end];
        let cues = &self.cues[role.index()];
        match (&self.cue_ends, head.is_ascii()) {
            (Some(index), true) => {
                // cues are lowercase: comparing without case spares lowercasing the head
                let Some(first) = head.as_bytes().first() else {
                    return false;
                };
                index[role.index()].by_first[usize::from(first.to_ascii_lowercase())]
                    .iter()
                    .any(|&i| starts_phrase_ascii(head, &cues[i]))
            }
            _ => {
                let mut buf = [0u8; 64];
                let lower = lowercase_in(head, &mut buf);
                cues.iter().any(|cue| starts_phrase(&lower, cue))
            }
        }
    }

    /// True when `text` is one of the number names ("9/11").
    pub fn is_name(&self, text: &str) -> bool {
        self.cues[Role::Name.index()].iter().any(|c| c == text)
    }

    /// The unit that `after` (text from the end of a number) starts with, and its kind.
    /// A hyphen may join the unit to the number ("two-hour").
    pub fn unit_after(&self, after: &str) -> Option<(NumberKind, usize)> {
        let trimmed = after.strip_prefix('-').unwrap_or(after);
        let head = trimmed.trim_start();
        let skipped = after.len() - head.len();
        let end = head.ceil_char_boundary(head.len().min(self.unit_max + 1));
        let head = &head[..end];
        let found = if head.is_ascii() {
            // units are lowercase: comparing without case spares lowercasing the head
            let first = usize::from(head.as_bytes().first()?.to_ascii_lowercase());
            self.units_by_first(first)
                .find(|(u, _)| starts_phrase_ascii(head, u))
        } else {
            let mut buf = [0u8; 64];
            let lower = lowercase_in(head, &mut buf);
            let first = usize::from(*lower.as_bytes().first()?);
            self.units_by_first(first)
                .find(|(u, _)| starts_phrase(&lower, u))
        };
        found.map(|(u, k)| (*k, skipped + u.len()))
    }

    /// The units that start with byte `first`, longest first.
    fn units_by_first(&self, first: usize) -> impl Iterator<Item = &(String, NumberKind)> {
        self.unit_by_first
            .get(first)
            .into_iter()
            .flatten()
            .map(|&i| &self.units[i])
    }
}

/// True when `text` ends with `phrase` preceded by a non-letter (or the start).
fn ends_phrase(text: &str, phrase: &str) -> bool {
    // a one-byte test first: most cues differ in their last byte
    phrase
        .as_bytes()
        .last()
        .is_none_or(|b| text.as_bytes().last() == Some(b))
        && text.ends_with(phrase)
        && (!phrase.starts_with(|c: char| c.is_alphanumeric())
            || !text[..text.len() - phrase.len()].ends_with(|c: char| c.is_alphanumeric()))
}

/// [`ends_phrase`] on the ASCII lowercase of `text` (ASCII), for a lowercase `phrase`.
fn ends_phrase_ascii(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.as_bytes(), phrase.as_bytes());
    let Some(cut) = text.len().checked_sub(phrase.len()) else {
        return false;
    };
    text[cut..].eq_ignore_ascii_case(phrase)
        && (!phrase.first().is_some_and(u8::is_ascii_alphanumeric)
            || !text[..cut].last().is_some_and(u8::is_ascii_alphanumeric))
}

/// [`starts_phrase`] on the ASCII lowercase of `text` (ASCII), for a lowercase `phrase`.
fn starts_phrase_ascii(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.as_bytes(), phrase.as_bytes());
    text.get(..phrase.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(phrase))
        && (!phrase.last().is_some_and(u8::is_ascii_alphanumeric)
            || !text[phrase.len()..]
                .first()
                .is_some_and(u8::is_ascii_alphanumeric))
}

/// True when `text` starts with `phrase` followed by a non-letter (or the end).
fn starts_phrase(text: &str, phrase: &str) -> bool {
    // a one-byte test first: most cues differ in their first byte
    phrase
        .as_bytes()
        .first()
        .is_none_or(|b| text.as_bytes().first() == Some(b))
        && text.starts_with(phrase)
        && (!phrase.ends_with(|c: char| c.is_alphanumeric())
            || !text[phrase.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_digits_and_whole_number_words_make_a_sentence_worth_scanning() {
        let t = Tables::new(&Lexicon::default());
        let may = |s: &str| t.may_hold_number(s, 0..s.len());
        assert!(may("It added 34 entities."));
        assert!(may("Eleven institutes were named."));
        assert!(may("the second time"));
        assert!(may("half of them, ½ of it"));
        assert!(
            !may("Someone paid money for a phone."),
            "number words inside words"
        );
        assert!(
            !may("A point, minus an hour."),
            "words that never stand alone"
        );
        assert!(!may(""));
    }
}
