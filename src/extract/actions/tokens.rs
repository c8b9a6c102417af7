//! Word tokens of one normalized sentence, with their classes: the input of the shallow parser.

use super::words::{class, WordClasses, KEY_BYTES};
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
    /// The lowercase text, then [`KEY_BYTES`] zero bytes: a word's lexicon key is one load.
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
        self.lower.extend([char::from(0); KEY_BYTES]);
        self.toks.clear();
        self.toks.reserve(text.len() / 5 + 4);
        let padded = self.lower.as_bytes();
        let lower = &self.lower[..text.len()];
        let toks = &mut self.toks;
        let mut i = 0;
        while i < text.len() {
            let (kind, len) = kind_at(text, i);
            let end = match kind {
                Kind::Space => {
                    i += len;
                    continue;
                }
                Kind::Other => match clitic_len(lower, i) {
                    Some(n) => i + n,
                    None => {
                        toks.push(punct_token(i, i + len));
                        i += len;
                        continue;
                    }
                },
                Kind::Alnum => {
                    let j = word_end(text, lower, i, i + len);
                    // "didn't": "did", then "n't" as a word of its own, read next; its scan
                    // ends where this one did (a joiner after "n't" is judged the same: an
                    // inner period needs a segment of at most two letters or all digits);
                    // the rare ending first, the length (a coin toss) only then
                    if lower.as_bytes()[..j].ends_with(b"n't") && j - i > 3 {
                        j - 3
                    } else {
                        j
                    }
                }
            };
            toks.push(word_token(text, lower, padded, i, end, words));
            i = end;
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
        // bytes, not str: no char-boundary checks for this test of every token
        self.toks
            .get(i)
            .is_some_and(|t| !t.word && self.lower.as_bytes()[t.start..t.end] == *c.as_bytes())
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

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// White space: separates tokens.
    Space,
    /// A letter or digit: part of a word.
    Alnum,
    /// Anything else: punctuation, a token of its own (or a word joiner).
    Other,
}

/// The [`Kind`] of each byte that is a char of its own (ASCII); `None` for the bytes of
/// longer chars, which are decoded.
static BYTE_KIND: [Option<Kind>; 256] = byte_kinds();

const fn byte_kinds() -> [Option<Kind>; 256] {
    let mut kinds = [None; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        kinds[b as usize] = Some(if b.is_ascii_alphanumeric() {
            Kind::Alnum
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            // the ASCII white space of `char::is_whitespace` (with vertical tab)
            Kind::Space
        } else {
            Kind::Other
        });
        b += 1;
    }
    kinds
}

/// The kind and byte length of the char at byte `i` (a char boundary before the end of
/// `text`). ASCII, most of any English text, is classified from its byte alone.
fn kind_at(text: &str, i: usize) -> (Kind, usize) {
    match BYTE_KIND[usize::from(text.as_bytes()[i])] {
        Some(kind) => (kind, 1),
        None => decode_kind(text, i),
    }
}

/// The kind and byte length of the non-ASCII char at byte `i`.
fn decode_kind(text: &str, i: usize) -> (Kind, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    let kind = if c.is_whitespace() {
        Kind::Space
    } else if c.is_alphanumeric() {
        Kind::Alnum
    } else {
        Kind::Other
    };
    (kind, c.len_utf8())
}

/// The end of the word that starts at byte `start` and continues at byte `j`: letters and
/// digits, and the joiners of [`joins`] between them.
fn word_end(text: &str, lower: &str, start: usize, mut j: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // the run of ASCII letters and digits: most words are nothing else
        j = crate::normalize::alnum_run_end(bytes, j);
        let Some(&b) = bytes.get(j) else {
            return j;
        };
        match BYTE_KIND[usize::from(b)] {
            Some(_) if joins(text, lower, start, j) => j += 1,
            Some(_) => return j,
            None => match decode_kind(text, j) {
                (Kind::Alnum, len) => j += len,
                _ => return j,
            },
        }
    }
}

/// Whether the ASCII punctuation at byte `j` joins the word that starts at `start` with the
/// letters or digits after it: "D-Ore", "AT&T", "1,500", "O'Brien", "U.S"; not a clitic
/// ("China's") or a comma between words.
fn joins(text: &str, lower: &str, start: usize, j: usize) -> bool {
    let bytes = text.as_bytes();
    let d = bytes[j];
    matches!(d, b'-' | b'.' | b'&' | b',' | b'\'')
        && is_alnum_at(text, j + 1)
        && !(d == b'\'' && clitic_len(lower, j).is_some())
        && !(d == b',' && !(bytes[j - 1].is_ascii_digit() && bytes[j + 1].is_ascii_digit()))
        && (d != b'.' || inner_period(text, start, j))
}

/// A punctuation token.
fn punct_token(start: usize, end: usize) -> Token {
    Token {
        start,
        end,
        word: false,
        cap: false,
        digit: false,
        class: 0,
        verb: 0,
        act_noun: false,
    }
}

/// A word token, with what the lexicon knows of it; `padded` is `lower` and [`KEY_BYTES`]
/// zero bytes.
#[inline]
fn word_token(
    text: &str,
    lower: &str,
    padded: &[u8],
    start: usize,
    end: usize,
    words: &WordClasses,
) -> Token {
    let cap = starts_uppercase(text, start);
    let lex = match padded.get(start..start + KEY_BYTES) {
        Some(bytes) if end - start <= KEY_BYTES => words.lex_short(bytes, end - start),
        _ => words.lex(&lower[start..end]),
    };
    let mut cls = lex.class;
    // A capitalized "May" or "Will" mid-sentence is a name, not a modal.
    if cap && cls & class::MODAL != 0 && start > 0 {
        cls &= !class::MODAL;
    }
    Token {
        start,
        end,
        word: true,
        cap,
        digit: text.as_bytes()[start].is_ascii_digit(),
        class: cls,
        verb: lex.verb,
        act_noun: lex.act_noun,
    }
}

/// Whether the char at byte `i` of `text` is uppercase (ASCII by a byte test).
fn starts_uppercase(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text[i..].chars().next().is_some_and(char::is_uppercase),
    }
}

/// The length of a clitic at byte `i` of `lower` ("'s", "'ll", "'re", "'ve", "'d", "'m")
/// when no letter or digit follows it.
fn clitic_len(lower: &str, i: usize) -> Option<usize> {
    let len = match &lower.as_bytes()[i..] {
        [b'\'', b's' | b'd' | b'm', ..] => 2,
        [b'\'', b'l', b'l', ..] | [b'\'', b'r' | b'v', b'e', ..] => 3,
        _ => return None,
    };
    (!is_alnum_at(lower, i + len)).then_some(len)
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

/// Whether a letter or digit starts at byte `i` of `text`.
fn is_alnum_at(text: &str, i: usize) -> bool {
    i < text.len() && kind_at(text, i).0 == Kind::Alnum
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
