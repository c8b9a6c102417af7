//! Normalization for matching: curly quotes, odd spaces and dashes become their ASCII forms,
//! one char for one char, with a map back to offsets in the original text.
//!
//! Extractors match on the normalized text and report spans in the original through
//! [`Normalized::to_orig`], so normalization never shifts what users see.

use crate::span::Span;
use std::borrow::Cow;

/// The normalized copy of a text with a sparse map back to the original's byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// `(norm_offset, orig_offset - norm_offset)` at every point after which the shift grows.
    shifts: Vec<(usize, usize)>,
}

/// The ASCII stand-in for a char, when it has one that matters for matching.
fn ascii_for(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        _ => return None,
    })
}

impl Normalized {
    /// Normalize `text` in one pass.
    pub fn new(text: &str) -> Normalized {
        if text.is_ascii() {
            return Normalized {
                text: text.to_string(),
                shifts: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut shift = 0usize;
        // Copy ASCII runs in bulk; decode only at non-ASCII lead bytes.
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_ne_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0x80; 8]));
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            let width = c.len_utf8();
            if let Some(a) = ascii_for(c) {
                out.push_str(&text[copied..i]);
                out.push(a);
                shift += width - 1;
                shifts.push((out.len(), shift));
                copied = i + width;
            }
            i += width;
        }
        out.push_str(&text[copied..]);
        Normalized { text: out, shifts }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original byte offset of normalized byte offset `pos` (a char boundary).
    pub fn orig_offset(&self, pos: usize) -> usize {
        let i = self.shifts.partition_point(|&(p, _)| p <= pos);
        pos + if i == 0 { 0 } else { self.shifts[i - 1].1 }
    }

    /// Normalized byte offset of original byte offset `orig` (a char boundary).
    pub fn norm_offset(&self, orig: usize) -> usize {
        let i = self.shifts.partition_point(|&(p, s)| p + s <= orig);
        orig - if i == 0 { 0 } else { self.shifts[i - 1].1 }
    }

    /// The original span of normalized range `start..end`.
    pub fn to_orig(&self, start: usize, end: usize) -> Span {
        Span::new(self.orig_offset(start), self.orig_offset(end))
    }

    /// The normalized range of an original span.
    pub fn to_norm(&self, span: Span) -> std::ops::Range<usize> {
        self.norm_offset(span.start)..self.norm_offset(span.end)
    }
}

/// The char starting at byte `i` of `text`, without decoding ASCII (nearly all of news
/// text): the tokenizers' inner loop. `None` past the end or inside a char.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// `text.to_ascii_lowercase()`, written into `buf` when it fits: the rules lowercase short
/// words and phrases around every token or number, and this spares a heap allocation each.
/// Callers size `buf` to the longest word they look up.
pub(crate) fn ascii_lowercase_in<'b, const N: usize>(
    text: &str,
    buf: &'b mut [u8; N],
) -> Cow<'b, str> {
    let Some(b) = buf.get_mut(..text.len()) else {
        return Cow::Owned(text.to_ascii_lowercase());
    };
    b.copy_from_slice(text.as_bytes());
    b.make_ascii_lowercase();
    // ASCII lowercasing keeps UTF-8 valid
    match std::str::from_utf8(b) {
        Ok(lower) => Cow::Borrowed(lower),
        Err(_) => Cow::Owned(text.to_ascii_lowercase()),
    }
}

/// `text.to_lowercase()`, written into `buf` when `text` is ASCII and fits (see
/// [`ascii_lowercase_in`]).
pub(crate) fn lowercase_in<'b, const N: usize>(text: &str, buf: &'b mut [u8; N]) -> Cow<'b, str> {
    if text.is_ascii() {
        ascii_lowercase_in(text, buf)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// The end of the run of ASCII letters and digits that starts at byte `p` of `bytes` (`p`
/// itself when none is there): the inner loop of the tokenizers. It tests sixteen bytes at
/// a time with integer arithmetic, so the end of a word is found without a branch per byte,
/// whose misprediction at each word's end cost more than the test itself.
#[inline]
pub(crate) fn alnum_run_end(bytes: &[u8], p: usize) -> usize {
    ascii_run_end::<true, true>(bytes, p)
}

/// [`alnum_run_end`] for a run of ASCII letters.
#[inline]
pub(crate) fn alpha_run_end(bytes: &[u8], p: usize) -> usize {
    ascii_run_end::<true, false>(bytes, p)
}

/// [`alnum_run_end`] for a run of ASCII digits.
#[inline]
pub(crate) fn digit_run_end(bytes: &[u8], p: usize) -> usize {
    ascii_run_end::<false, true>(bytes, p)
}

/// The end of the run of ASCII letters (with `LETTERS`) and digits (with `DIGITS`) at `p`.
/// Sixteen bytes at a time: few words are longer, so the loop's one branch is predictable.
#[inline(always)]
fn ascii_run_end<const LETTERS: bool, const DIGITS: bool>(bytes: &[u8], mut p: usize) -> usize {
    const LOW: u128 = u128::from_le_bytes([1; 16]);
    const HIGH: u128 = LOW * 0x80;
    /// The high bit of each byte of `x` (high bits clear) that lies in `lo..=hi`.
    #[inline(always)]
    fn in_range(x: u128, lo: u8, hi: u8) -> u128 {
        x.wrapping_add(LOW * u128::from(0x80 - lo)) & !x.wrapping_add(LOW * u128::from(0x7f - hi))
    }
    let accepts = |b: &u8| LETTERS && b.is_ascii_alphabetic() || DIGITS && b.is_ascii_digit();
    while let Some(chunk) = bytes.get(p..p + 16) {
        let x = u128::from_le_bytes(chunk.try_into().unwrap_or([0; 16]));
        let low7 = x & !HIGH;
        let mut run = 0;
        if DIGITS {
            run |= in_range(low7, b'0', b'9');
        }
        if LETTERS {
            // with the case bit set, uppercase letters read as lowercase ones
            run |= in_range(low7 | (LOW * 0x20), b'a', b'z');
        }
        // bytes of other chars have their high bit set
        let stop = !(run & !x) & HIGH;
        if stop != 0 {
            return p + (stop.trailing_zeros() / 8) as usize;
        }
        p += 16;
    }
    p + bytes[p.min(bytes.len())..]
        .iter()
        .position(|b| !accepts(b))
        .unwrap_or(bytes.len().saturating_sub(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_nbsp_map_back_to_original_offsets() {
        let text = "“We\u{a0}can’t,” she said.";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "\"We can't,\" she said.");
        let she = n.as_str().find("she").unwrap();
        let span = n.to_orig(she, she + 3);
        assert_eq!(&text[span.range()], "she");
        let we = n.to_orig(1, 3);
        assert_eq!(&text[we.range()], "We");
        assert_eq!(n.to_norm(span), she..she + 3);
        assert_eq!(n.orig_offset(n.as_str().len()), text.len());
    }

    #[test]
    fn ascii_text_is_unchanged() {
        let n = Normalized::new("Sen. Ron Wyden (D-Ore.) said.");
        assert_eq!(n.as_str(), "Sen. Ron Wyden (D-Ore.) said.");
        assert_eq!(n.orig_offset(5), 5);
    }

    #[test]
    fn em_dash_is_kept_as_a_clause_break() {
        assert_eq!(Normalized::new("a—b").as_str(), "a—b");
        assert_eq!(Normalized::new("a–b").as_str(), "a-b");
    }

    #[test]
    fn alnum_runs_end_at_any_other_byte() {
        let all: Vec<u8> = (0..=255).collect();
        // byte `b` at offset `at` of a run, in every 16-byte lane and in the tail after one
        type RunEnd = fn(&[u8], usize) -> usize;
        type Accepts = fn(&u8) -> bool;
        let cases: [(RunEnd, &[u8; 22], Accepts); 3] = [
            (
                alnum_run_end,
                b"aZ09zA9x0Mq7p3KdQ5zzY0",
                u8::is_ascii_alphanumeric,
            ),
            (
                alpha_run_end,
                b"abcdefghijklmnopqrstuv",
                u8::is_ascii_alphabetic,
            ),
            (digit_run_end, b"0123456789012345678901", u8::is_ascii_digit),
        ];
        for (run_end, run, accepts) in cases {
            for b in 0..=255u8 {
                for at in 0..20 {
                    let mut text = run.to_vec();
                    text[at] = b;
                    let want = if accepts(&b) { 22 } else { at };
                    assert_eq!(run_end(&text, 0), want, "byte {b:#x} at {at} of {run:?}");
                }
            }
        }
        // pseudo-random texts of word-like bytes, from every start: as a plain byte loop
        let naive = |t: &[u8], p: usize, ok: fn(&u8) -> bool| {
            p + t[p..].iter().position(|b| !ok(b)).unwrap_or(t.len() - p)
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let alphabet = b"aZ09 .-'\xc3\xa9";
        for len in 0..70 {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // mostly letters and digits, so that runs cross the 16-byte lanes
                    let k = (seed % 40) as usize;
                    alphabet.get(k).copied().unwrap_or(b'a' + (k % 26) as u8)
                })
                .collect();
            for p in 0..=len {
                assert_eq!(
                    alnum_run_end(&text, p),
                    naive(&text, p, u8::is_ascii_alphanumeric)
                );
                assert_eq!(
                    alpha_run_end(&text, p),
                    naive(&text, p, u8::is_ascii_alphabetic)
                );
                assert_eq!(digit_run_end(&text, p), naive(&text, p, u8::is_ascii_digit));
            }
        }
        assert_eq!(alpha_run_end(b"COVID19", 0), 5);
        assert_eq!(digit_run_end(b"2024s", 0), 4);
        assert_eq!(alnum_run_end(&all, 0), 0);
        assert_eq!(alnum_run_end(b"Wyden (D-Ore.)", 0), 5);
        assert_eq!(alnum_run_end(b"Wyden", 2), 5);
        assert_eq!(alnum_run_end(b"Wyden", 5), 5);
        assert_eq!(alnum_run_end("Zoë".as_bytes(), 0), 2);
    }

    #[test]
    fn lowercase_in_a_buffer_or_allocated() {
        let mut buf = [0u8; 64];
        assert_eq!(lowercase_in("Said", &mut buf), "said");
        assert!(matches!(
            ascii_lowercase_in("MAY", &mut buf),
            Cow::Borrowed("may")
        ));
        assert_eq!(lowercase_in("ÉTÉ", &mut buf), "été");
        assert_eq!(ascii_lowercase_in("ÉTÉ Ok", &mut buf), "ÉtÉ ok");
        let long = "A".repeat(70);
        assert_eq!(lowercase_in(&long, &mut buf), "a".repeat(70));
    }
}
