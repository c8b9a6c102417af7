//! Word tokens of one normalized sentence, with their classes: the input of the shallow parser.

use super::words::{class, WordClasses};
use std::ops::Range;

/// One token: a word (letters, digits, inner "-" "." "&" "'") or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte range in the sentence text.
    pub start: usize,
    pub end: usize,
    /// A word, not punctuation.
    pub word: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Starts with a digit.
    pub digit: bool,
    /// Function-word classes.
    pub class: u32,
    /// 1 + slot in the verb table, 0 for no verb form (see [`super::words::Lex`]).
    pub verb: u32,
    /// A noun that names an act ("probe").
    pub act_noun: bool,
}

/// A tokenized sentence: its text, lowercase copy and tokens.
#[derive(Debug, Clone, Default)]
pub(super) struct Sentence<'a> {
    pub text: &'a str,
    lower: String,
    pub toks: Vec<Token>,
}

impl<'a> Sentence<'a> {
    /// Tokenize `text` (normalized: ASCII quotes and dashes).
    #[cfg(test)]
    pub fn new(text: &'a str, words: &WordClasses) -> Sentence<'a> {
        let mut s = Sentence::default();
        s.refill(text, words);
        s
    }

    /// Tokenize `text` into this sentence, reusing its buffers: one per article, not one
    /// lowercase copy and token vector per sentence.
    pub fn refill(&mut self, text: &'a str, words: &WordClasses) {
        self.text = text;
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        self.toks.clear();
        self.toks.reserve(text.len() / 5 + 4);
        let lower = self.lower.as_str();
        let toks = &mut self.toks;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = char_at(text, i) else {
                break;
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if c == '\'' {
                if let Some(n) = clitic_len(&lower[i..]) {
                    toks.push(word_token(text, lower, i, i + n, words));
                    i += n;
                    continue;
                }
            }
            if !c.is_alphanumeric() {
                toks.push(Token {
                    start: i,
                    end: i + len,
                    word: false,
                    cap: false,
                    digit: false,
                    class: 0,
                    verb: 0,
                    act_noun: false,
                });
                i += len;
                continue;
            }
            let start = i;
            let mut j = i + len;
            while j < text.len() {
                let Some(d) = char_at(text, j) else {
                    break;
                };
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                } else if matches!(d, '-' | '.' | '&' | ',' | '\'')
                    && is_alnum_at(text, j + 1)
                    && !(d == '\'' && clitic_len(&lower[j..]).is_some())
                    && !(d == ','
                        && !(bytes[j - 1].is_ascii_digit() && bytes[j + 1].is_ascii_digit()))
                    && (d != '.' || inner_period(text, start, j))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut end = j;
            if end - start > 3 && lower[start..end].ends_with("n't") {
                end -= 3;
            }
            toks.push(word_token(text, lower, start, end, words));
            if end < j {
                toks.push(word_token(text, lower, end, j, words));
            }
            i = j;
        }
    }

    /// The lowercase text of token `i`.
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The original-case text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Whether token `i` has any of the classes in `mask`.
    pub fn is(&self, i: usize, mask: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.class & mask != 0)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub fn punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word) && self.low(i) == c
    }

    /// The byte range in the sentence text of tokens `range`.
    pub fn byte_range(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.toks.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => a.start..b.end,
            _ => 0..0,
        }
    }

    /// The text of tokens `range`.
    pub fn text_of(&self, range: Range<usize>) -> &'a str {
        let r = self.byte_range(range);
        &self.text[r]
    }
}

fn word_token(text: &str, lower: &str, start: usize, end: usize, words: &WordClasses) -> Token {
    let first = text[start..].chars().next().unwrap_or(' ');
    let lex = words.lex(&lower[start..end]);
    let mut cls = lex.class;
    // A capitalized "May" or "Will" mid-sentence is a name, not a modal.
    if first.is_uppercase() && cls & class::MODAL != 0 && start > 0 {
        cls &= !class::MODAL;
    }
    Token {
        start,
        end,
        word: true,
        cap: first.is_uppercase(),
        digit: first.is_ascii_digit(),
        class: cls,
        verb: lex.verb,
        act_noun: lex.act_noun,
    }
}

/// The length of a clitic at the start of `rest` ("'s", "'ll", "'re", "'ve", "'d", "'m")
/// when no letter follows it.
fn clitic_len(rest: &str) -> Option<usize> {
    ["'s", "'ll", "'re", "'ve", "'d", "'m"]
        .iter()
        .find(|c| rest.starts_with(**c) && !is_alnum_at(rest, c.len()))
        .map(|c| c.len())
}

/// A period inside a word: "U.S", "3.5", "p.m"; not two sentences run together
/// ("police.Similar").
fn inner_period(text: &str, start: usize, j: usize) -> bool {
    let segment = text[start..j].rsplit(['.', '-']).next().unwrap_or("");
    let digit_next = text[j + 1..].starts_with(|c: char| c.is_ascii_digit());
    if segment.chars().all(|c| c.is_ascii_digit()) {
        return digit_next;
    }
    segment.chars().count() <= 2 && !digit_next
}

fn is_alnum_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(char::is_alphanumeric)
}

/// The char starting at byte `i`, with a fast path for ASCII (most of any English text).
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn words(s: &Sentence) -> Vec<String> {
        (0..s.toks.len()).map(|i| s.word(i).to_string()).collect()
    }

    #[test]
    fn splits_possessives_contractions_and_punctuation() {
        let wc = WordClasses::new(&Lexicon::default());
        let s = Sentence::new(
            "Sen. Ron Wyden (D-Ore.) didn't back China's 1,500 U.S. firms.police.Similar we'll 3.5 260.Magistrate",
            &wc,
        );
        assert_eq!(
            words(&s),
            [
                "Sen",
                ".",
                "Ron",
                "Wyden",
                "(",
                "D-Ore",
                ".",
                ")",
                "did",
                "n't",
                "back",
                "China",
                "'s",
                "1,500",
                "U.S",
                ".",
                "firms",
                ".",
                "police",
                ".",
                "Similar",
                "we",
                "'ll",
                "3.5",
                "260",
                ".",
                "Magistrate"
            ]
        );
        assert!(s.is(9, class::NEG));
        assert!(s.toks[13].digit && !s.toks[2].digit);
    }

    #[test]
    fn capitalized_may_is_not_a_modal() {
        let wc = WordClasses::new(&Lexicon::default());
        let s = Sentence::new("In May officials may act.", &wc);
        assert!(!s.is(1, class::MODAL));
        assert!(s.is(3, class::MODAL));
    }
}
