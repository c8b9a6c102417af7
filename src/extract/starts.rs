//! Which word starts can begin a phrase of a fixed set: the cheap test that the agency
//! gazetteer, the agency cue words and the person titles run at each word, so that their
//! anchored automaton searches only where a phrase's first word stands.

use rustc_hash::FxHashSet;

/// The first words (leading ASCII letters and digits) of a set of phrases. A phrase that
/// matches at a word start, ending on a word boundary, has the same first word as the text
/// there, since the text's word ends where the phrase's does. Two table lookups (first bytes,
/// word length) and one hash lookup of a packed key ([`key`]) rule out nearly every other
/// word; the few long words whose keys collide only cost a search.
#[derive(Debug, Clone)]
pub(crate) struct FirstWords {
    /// For the classes ([`byte_class`]) of the first two bytes of the phrases (indexed
    /// `c0 << 6 | c1`), the lengths of their first words as bits (see [`length_bit`]): a
    /// cheap test before the key's, in a table small enough (16 KB) to stay in cache.
    by_pair: Vec<u32>,
    /// [`key`] of every first word.
    words: FxHashSet<u64>,
    /// Words compare without ASCII case.
    fold_case: bool,
}

impl FirstWords {
    /// The first words of `phrases`, compared with their case unless `fold_case`. With
    /// `plurals`, each first word also stands with an "s" added ("Senators" for "Senator").
    pub(crate) fn new<S: AsRef<str>>(phrases: &[S], fold_case: bool, plurals: bool) -> FirstWords {
        let mut first = FirstWords {
            by_pair: vec![0; 1 << 12],
            words: FxHashSet::default(),
            fold_case,
        };
        for phrase in phrases {
            let bytes = phrase.as_ref().as_bytes();
            first.add(bytes);
            let len = word_len(bytes, 0);
            if plurals && len > 0 {
                first.add(&[&bytes[..len], b"s", &bytes[len..]].concat());
            }
        }
        first
    }

    fn add(&mut self, phrase: &[u8]) {
        let len = word_len(phrase, 0);
        self.words.insert(key(&phrase[..len], self.fold_case));
        let bit = length_bit(len);
        match *phrase {
            [a, b, ..] => {
                let pair = self.pair(a, b);
                self.by_pair[pair] |= bit;
            }
            [a] => (0..=255).for_each(|b| {
                let pair = self.pair(a, b);
                self.by_pair[pair] |= bit;
            }),
            [] => {}
        }
    }

    /// The index in `by_pair` of a word's first two bytes, without case with `fold_case`.
    #[inline]
    fn pair(&self, a: u8, b: u8) -> usize {
        let (a, b) = if self.fold_case {
            (a.to_ascii_lowercase(), b.to_ascii_lowercase())
        } else {
            (a, b)
        };
        usize::from(byte_class(a)) << 6 | usize::from(byte_class(b))
    }

    /// True when a phrase may start at word start `p` of `bytes`, whose first word has `len`
    /// bytes ([`word_len`]).
    #[inline]
    pub(crate) fn may_start(&self, bytes: &[u8], p: usize, len: usize) -> bool {
        let pair = self.pair(bytes[p], bytes.get(p + 1).copied().unwrap_or(0));
        if self.by_pair[pair] & length_bit(len) == 0 {
            return false;
        }
        self.words
            .contains(&key(&bytes[p..p + len], self.fold_case))
    }
}

/// A key for the ASCII letters and digits `word`: its length and first seven bytes (in
/// lowercase with `fold_case`). Equal words have equal keys; a few unequal long ones share
/// one, which only makes [`FirstWords::may_start`] let a word through.
fn key(word: &[u8], fold_case: bool) -> u64 {
    let prefix = word.iter().take(7).fold(0u64, |key, &b| {
        let b = if fold_case { b.to_ascii_lowercase() } else { b };
        key << 8 | u64::from(b)
    });
    prefix | (word.len() as u64) << 56
}

/// `BYTE_CLASSES[b]`: one class per ASCII letter (by case) and digit, one for the other
/// ASCII bytes and one for the rest. Bytes that share a class only make the pair test of
/// [`FirstWords::may_start`] looser, never stricter.
static BYTE_CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b'a'..=b'z' => c - b'a',
            b'A'..=b'Z' => c - b'A' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            0..=0x7f => 62,
            _ => 63,
        };
        b += 1;
    }
    t
};

/// The class of a byte in [`FirstWords::by_pair`]'s index.
#[inline]
fn byte_class(b: u8) -> u8 {
    BYTE_CLASSES[usize::from(b)]
}

/// The bit of a first-word length in [`FirstWords::by_pair`]; long words share one.
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// `WORD_BYTES[b]`: `b` is an ASCII letter or digit (one load in the word scans).
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// True for an ASCII letter or digit.
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// The length of the run of ASCII letters and digits at `bytes[p..]`.
pub(crate) fn word_len(bytes: &[u8], p: usize) -> usize {
    crate::normalize::alnum_run_end(bytes, p) - p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(first: &FirstWords, text: &str) -> bool {
        first.may_start(text.as_bytes(), 0, word_len(text.as_bytes(), 0))
    }

    #[test]
    fn only_the_first_words_of_the_phrases_pass() {
        let first = FirstWords::new(&["Commerce Department", "U.S. Army", "X"], false, false);
        assert!(starts(&first, "Commerce Department said"));
        assert!(starts(&first, "Commerce"));
        assert!(starts(&first, "U.S. officials"));
        assert!(starts(&first, "X-ray"));
        assert!(!starts(&first, "commerce"));
        assert!(!starts(&first, "Commercial"));
        assert!(!starts(&first, "Army"));
    }

    #[test]
    fn folded_case_and_plurals() {
        let first = FirstWords::new(&["Senator", "attorney general"], true, true);
        assert!(starts(&first, "SENATOR Smith"));
        assert!(starts(&first, "senators"));
        assert!(starts(&first, "Attorneys general"));
        assert!(!starts(&first, "Senate"));
    }
}
