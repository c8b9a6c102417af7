//! The token stream numbers are parsed from: runs of digits, runs of letters, and single
//! other chars, each with the kind of space before it, in one pass over the text.

use crate::normalize::{alpha_run_end, digit_run_end};
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// ASCII digits.
    Digits,
    /// Letters, with inner apostrophes ("world's").
    Word,
    /// Any other single char (punctuation, symbols).
    Punct,
}

/// The space between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// No space: the tokens touch ("10k", "COVID-19").
    None,
    /// Exactly one space char.
    Space,
    /// Two or more space chars on one line.
    Spaces,
    /// A line break.
    Newline,
}

/// One token: byte range in the scanned text, kind and the space before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub gap: Gap,
}

impl Tok {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True for a punctuation token that is exactly `c`.
    pub fn is(&self, text: &str, c: char) -> bool {
        self.kind == TokKind::Punct && text[self.start..self.end].starts_with(c)
    }

    /// True when the token touches the one before it.
    pub fn glued(&self) -> bool {
        self.gap == Gap::None
    }
}

/// Tokens of `text[range]`, with byte offsets into `text`.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity((range.end - range.start) / 5 + 4);
    let mut i = range.start;
    let end = range.end;
    let mut gap = Gap::None;
    while i < end {
        let b = bytes[i];
        let (kind, e) = match b {
            b' ' | b'\t' => {
                gap = match gap {
                    Gap::None => Gap::Space,
                    Gap::Newline => Gap::Newline,
                    _ => Gap::Spaces,
                };
                i += 1;
                continue;
            }
            b'\n' | b'\r' => {
                gap = Gap::Newline;
                i += 1;
                continue;
            }
            b'0'..=b'9' => (
                TokKind::Digits,
                digit_run_end(&bytes[..end.min(bytes.len())], i),
            ),
            b'a'..=b'z' | b'A'..=b'Z' => (TokKind::Word, word_end(text, i, end)),
            0x80.. if starts_letter(text, i) => (TokKind::Word, word_end(text, i, end)),
            _ => {
                let e = (i + utf8_len(b)).min(end);
                if b >= 0x80 && text[i..e].chars().next().is_some_and(char::is_whitespace) {
                    if gap != Gap::Newline {
                        gap = Gap::Spaces;
                    }
                    i = e;
                    continue;
                }
                (TokKind::Punct, e)
            }
        };
        toks.push(Tok {
            start: i,
            end: e,
            kind,
            gap,
        });
        gap = Gap::None;
        i = e;
    }
    toks
}

/// The end of the word that starts at byte `i` (a letter) before `end`: letters, with
/// inner apostrophes before an ASCII letter ("world's"). ASCII letters, the bulk, are
/// skipped sixteen at a time.
fn word_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        i = alpha_run_end(&bytes[..end.min(bytes.len())], i);
        let Some(&c) = bytes.get(i).filter(|_| i < end) else {
            return i;
        };
        if c >= 0x80 && starts_letter(text, i) {
            i += utf8_len(c);
        } else if c == b'\'' && i + 1 < end && bytes[i + 1].is_ascii_alphabetic() && i > start {
            i += 1;
        } else {
            return i;
        }
    }
}

/// Length of the UTF-8 sequence that starts with byte `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// True when the char at byte `i` (a char boundary) is alphabetic.
fn starts_letter(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokKind, Gap)> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| (t.text(text), t.kind, t.gap))
            .collect()
    }

    #[test]
    fn digits_letters_and_symbols_split_with_their_gaps() {
        let k = kinds("COVID-19 hit 10k  world's");
        assert_eq!(k[0], ("COVID", TokKind::Word, Gap::None));
        assert_eq!(k[1], ("-", TokKind::Punct, Gap::None));
        assert_eq!(k[2], ("19", TokKind::Digits, Gap::None));
        assert_eq!(k[3], ("hit", TokKind::Word, Gap::Space));
        assert_eq!(k[4], ("10", TokKind::Digits, Gap::Space));
        assert_eq!(k[5], ("k", TokKind::Word, Gap::None));
        assert_eq!(k[6], ("world's", TokKind::Word, Gap::Spaces));
    }

    #[test]
    fn non_ascii_letters_and_symbols() {
        let k = kinds("café ½ £5");
        assert_eq!(k[0].0, "café");
        assert_eq!(k[1], ("½", TokKind::Punct, Gap::Space));
        assert_eq!(k[2], ("£", TokKind::Punct, Gap::Space));
        assert_eq!(k[3], ("5", TokKind::Digits, Gap::None));
    }

    #[test]
    fn a_range_is_tokenized_with_offsets_into_the_whole_text() {
        let text = "xx 12 yy";
        let toks = tokenize(text, 3..5);
        assert_eq!(toks.len(), 1);
        assert_eq!(toks[0].text(text), "12");
    }
}
