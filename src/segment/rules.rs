//! Byte-level helpers of the segmenter: the byte class table, terminator runs, list markers,
//! and the bounded look-behind / look-ahead that each decision needs.

/// How an abbreviation from the data list behaves before a capitalized word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Titles and prefixes ("Sen.", "Gen.", "No."): a name or number follows.
    Title,
    /// Personal honorifics ("Mr.", "Dr."): like titles, and they open sentences.
    Honorific,
    /// Ends a sentence only before a sentence starter ("Co.", "Calif.", "Jan.").
    Plain,
}

/// Byte class: a terminator (`.`, `!`, `?`).
pub(super) const C_TERM: u8 = 1;
/// Byte class: lead byte 0xE2 of `…`, `•`, `⁃`.
pub(super) const C_MULTI: u8 = 2;
/// Byte class: an ASCII capital (possible lost paragraph break).
pub(super) const C_UPPER: u8 = 3;

/// The class of every byte value; 0 means "nothing to decide here".
pub(super) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = C_TERM;
    t[b'!' as usize] = C_TERM;
    t[b'?' as usize] = C_TERM;
    t[0xE2] = C_MULTI;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = C_UPPER;
        c += 1;
    }
    t
};

/// `0x0101…01`: one in every byte lane.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// `0x8080…80`: the high bit of every byte lane.
const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// True when no byte of `x` is zero (high bit set in the lanes that may be zero).
const fn zero_lanes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Lanes of `x` strictly between `lo` and `hi` (high bit set there). Exact per lane: lanes
/// at or above 0x80 never match, and no borrow or carry crosses lanes.
const fn lanes_between(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & (ONES * 127);
    (ONES * (127 + hi as u64) - low7) & !x & (low7 + ONES * (127 - lo as u64)) & HIGH
}

/// How many of the eight bytes at `i` can be skipped before one that needs a look (`.`,
/// `!`, `?`, a non-ASCII byte, or a capital right after a letter, where a lost paragraph
/// break may hide): 8 when none does. The segmenter's fast path; 0 when out of bounds.
pub(super) fn skippable8(b: &[u8], i: usize) -> usize {
    let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) else {
        return 0;
    };
    let x = u64::from_le_bytes(chunk);
    let punct = zero_lanes(x ^ (ONES * u64::from(b'.')))
        | zero_lanes(x ^ (ONES * u64::from(b'!')))
        | zero_lanes(x ^ (ONES * u64::from(b'?')));
    let before = if i > 0 { b[i - 1] } else { b' ' };
    let prev = (x << 8) | u64::from(before);
    let prev_letter = lanes_between(prev, b'@', b'[') | lanes_between(prev, b'`', b'{');
    let upper = lanes_between(x, b'@', b'[') & prev_letter;
    // Borrows in `zero_lanes` only run upwards, so the lowest flagged lane is exact.
    let mask = punct | upper | (x & HIGH);
    (mask.trailing_zeros() / 8) as usize
}

/// First offset at or after `i` that is not whitespace (or `end`).
pub(super) fn skip_ws(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// `…` (U+2026) at `i`.
pub(super) fn is_ellipsis(b: &[u8], i: usize, end: usize) -> bool {
    i + 2 < end && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xA6
}

/// A list bullet (`•` U+2022, `⁃` U+2043) at `i`.
pub(super) fn is_bullet(b: &[u8], i: usize, end: usize) -> bool {
    i + 2 < end && b[i] == 0xE2 && matches!((b[i + 1], b[i + 2]), (0x80, 0xA2) | (0x81, 0x83))
}

/// A run of terminators starting at a `.`, `!`, `?` or `…`, with the closing quotes and
/// brackets after it.
#[derive(Debug, Clone, Copy)]
pub(super) struct TermRun {
    /// Periods in the run (spaced ". . ." included; `…` counts three).
    pub dots: usize,
    /// The run holds `!` or `?`.
    pub bang_or_question: bool,
    /// The last terminator is a period.
    pub ends_with_dot: bool,
    /// The run is a spaced ellipsis (". . .").
    pub spaced: bool,
    /// One past the last terminator.
    pub end: usize,
    /// One past the closing quotes/brackets after the run.
    pub after_closers: usize,
}

impl TermRun {
    /// Scan the run at `i` (the sentence began at `start`).
    pub fn scan(b: &[u8], start: usize, i: usize, end: usize) -> TermRun {
        let mut run = TermRun {
            dots: 0,
            bang_or_question: false,
            ends_with_dot: false,
            spaced: false,
            end: i,
            after_closers: i,
        };
        let mut j = i;
        while j < end {
            match b[j] {
                b'.' => {
                    run.dots += 1;
                    run.ends_with_dot = true;
                    j += 1;
                }
                b'!' | b'?' => {
                    run.bang_or_question = true;
                    run.ends_with_dot = false;
                    j += 1;
                }
                b' ' if run.ends_with_dot && j + 1 < end && b[j + 1] == b'.' => {
                    // ". . ." only when the dot stands alone (not ". .NET", ". .5").
                    let alone = j + 2 >= end || matches!(b[j + 2], b' ' | b'"' | b'\'' | b'\n');
                    if !alone {
                        break;
                    }
                    run.spaced = true;
                    j += 1;
                }
                0xE2 if is_ellipsis(b, j, end) => {
                    run.dots += 3;
                    run.ends_with_dot = true;
                    j += 3;
                }
                _ => break,
            }
        }
        run.end = j;
        while j < end {
            match b[j] {
                b')' | b']' => j += 1,
                b'"' | b'\'' if j + 1 >= end || !b[j + 1].is_ascii_alphanumeric() => j += 1,
                // A double quote glued to the next word (`Muslim."The` / `cleric."He`) closes
                // the sentence's open quote, or else opens the next sentence.
                b'"' if open_quote(b, start, i) => j += 1,
                _ => break,
            }
        }
        // Footnote marks after the period: "martyr.[1] The", "consultation.11 12 Take".
        let before = if i > 0 { b[i - 1] } else { b' ' };
        if run.dots == 1 && (before.is_ascii_lowercase() || matches!(before, b')' | b']')) {
            j = skip_footnotes(b, j, end);
        }
        run.after_closers = j;
        run
    }

    /// Two or more periods, or `…`.
    pub fn is_ellipsis(&self) -> bool {
        self.dots >= 2
    }
}

/// True when the sentence text before `i` has an odd number of double quotes (one is open).
/// Looks back at most 2 KB so that the check stays O(1).
fn open_quote(b: &[u8], start: usize, i: usize) -> bool {
    let from = start.max(i.saturating_sub(2048));
    b[from..i].iter().filter(|&&c| c == b'"').count() % 2 == 1
}

/// Past footnote marks at `j`: "[1]", "[7][8]", or bare 1-3 digit numbers ("11 12") that end
/// at a space; `j` itself when there are none.
fn skip_footnotes(b: &[u8], mut j: usize, end: usize) -> usize {
    let digits = |p: usize| {
        let mut q = p;
        while q < end && q - p < 4 && b[q].is_ascii_digit() {
            q += 1;
        }
        q
    };
    while j < end && b[j] == b'[' {
        let q = digits(j + 1);
        if q == j + 1 || q - j > 4 || q >= end || b[q] != b']' {
            break;
        }
        j = q + 1;
    }
    let mut p = j;
    loop {
        let q = digits(p);
        if q == p || q - p > 3 || (q < end && b[q] != b' ') {
            return j;
        }
        j = q;
        if q + 1 < end && b[q + 1].is_ascii_digit() {
            p = q + 1;
        } else {
            return j;
        }
    }
}

/// True when the text at `k` opens a sentence: a capital letter, or an opening quote or
/// bracket before one (or before a digit).
pub(super) fn starts_upper(text: &str, k: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let mut k = k;
    if k < end && matches!(b[k], b'"' | b'\'' | b'(' | b'[' | b'`') {
        k += 1;
        if k < end && b[k].is_ascii_digit() {
            return true;
        }
    }
    if k >= end {
        return false;
    }
    if b[k].is_ascii() {
        return b[k].is_ascii_uppercase();
    }
    text.get(k..end)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The word just before the period at `dot`: back to whitespace, without opening quotes or
/// brackets, and after the last hyphen when a capital follows it ("(D-Ore" → "Ore").
pub(super) fn word_before(text: &str, start: usize, dot: usize) -> &str {
    let b = text.as_bytes();
    let ts = token_start(b, start, dot);
    let mut ws = ts;
    while ws < dot && matches!(b[ws], b'(' | b'[' | b'"' | b'\'') {
        ws += 1;
    }
    let mut p = dot;
    while p > ws {
        if b[p - 1] == b'-' && p < dot && b[p].is_ascii_uppercase() {
            ws = p;
            break;
        }
        p -= 1;
    }
    text.get(ws..dot).unwrap_or("")
}

/// The ASCII letters of the word at `k`, after an opening quote or bracket.
pub(super) fn next_word(text: &str, k: usize, end: usize) -> &str {
    let b = text.as_bytes();
    let mut s = k;
    if s < end && matches!(b[s], b'"' | b'\'' | b'(' | b'[' | b'`') {
        s += 1;
    }
    let mut e = s;
    while e < end && e < s + 32 && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    text.get(s..e).unwrap_or("")
}

/// Start of the whitespace-delimited token that ends at `i` (not before `floor`).
pub(super) fn token_start(b: &[u8], floor: usize, i: usize) -> usize {
    let mut p = i;
    while p > floor && !b[p - 1].is_ascii_whitespace() && i - p < 256 {
        p -= 1;
    }
    p
}

/// End of the whitespace-delimited token that starts at `i` (not after `end`).
pub(super) fn token_end(b: &[u8], i: usize, end: usize) -> usize {
    let mut p = i;
    while p < end && !b[p].is_ascii_whitespace() && p - i < 256 {
        p += 1;
    }
    p
}

/// True when the word before `word_start` is lowercase ("you and I.").
pub(super) fn prev_word_is_lowercase(text: &str, floor: usize, word_start: usize) -> bool {
    let b = text.as_bytes();
    let mut p = word_start;
    while p > floor && b[p - 1] == b' ' {
        p -= 1;
    }
    p > floor && p < word_start && b[p - 1].is_ascii_lowercase() && {
        let s = token_start(b, floor, p);
        b[s].is_ascii_lowercase()
    }
}

/// A plain lowercase word of three or more ASCII letters ("abstained", "percent").
pub(super) fn is_lowercase_word(w: &str) -> bool {
    w.len() >= 3 && w.bytes().all(|c| c.is_ascii_lowercase())
}

/// Letter-dot abbreviations: "U.S", "p.m", "e.g", "U.S.A", "Ph.D" (segments of one or two
/// letters, at least two segments).
pub(super) fn is_dotted_abbreviation(w: &[u8]) -> bool {
    let mut segments = 0;
    for seg in w.split(|&c| c == b'.') {
        if seg.is_empty() || seg.len() > 2 || !seg.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// "a.m." / "p.m." in either case (the word before the final period: "a.m", "P.M").
pub(super) fn is_time_abbreviation(word: &str) -> bool {
    let w = word.as_bytes();
    w.len() == 3 && matches!(w[0] | 0x20, b'a' | b'p') && w[1] == b'.' && w[2] | 0x20 == b'm'
}

/// A list marker at `k` ("1.", "2)", "3.)", "(a)", "b.") followed by a space and a word.
pub(super) fn is_list_marker(b: &[u8], k: usize, end: usize) -> bool {
    match marker_at(b, k, end) {
        Some((_, q, _)) => q + 1 < end && b[q] == b' ' && b[q + 1].is_ascii_alphabetic(),
        None => false,
    }
}

/// List marker kinds: "1.", "1)", "1.)", "(1)", "a.", "a)", "(a)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerValue {
    /// A number.
    Number(u32),
    /// A lowercase letter.
    Letter(u8),
}

/// The marker at `p`: its value, where it ends, and where its suffix starts.
fn marker_at(b: &[u8], p: usize, end: usize) -> Option<(MarkerValue, usize, usize)> {
    let paren = p < end && b[p] == b'(';
    let p = p + usize::from(paren);
    let (value, q) = if p < end && b[p].is_ascii_digit() {
        let mut q = p;
        let mut v: u32 = 0;
        while q < end && b[q].is_ascii_digit() && q - p < 3 {
            v = v * 10 + u32::from(b[q] - b'0');
            q += 1;
        }
        (MarkerValue::Number(v), q)
    } else if p + 1 < end && b[p].is_ascii_lowercase() && matches!(b[p + 1], b'.' | b')') {
        (MarkerValue::Letter(b[p]), p + 1)
    } else {
        return None;
    };
    let len = if paren {
        usize::from(q < end && b[q] == b')')
    } else if q + 1 < end && b[q] == b'.' && b[q + 1] == b')' {
        2
    } else {
        usize::from(q < end && matches!(b[q], b'.' | b')'))
    };
    (len > 0).then_some((value, q + len, q))
}

/// How far ahead the next list marker is looked for (bounds the cost of a marker).
const MARKER_WINDOW: usize = 4096;

/// At a sentence start: skip a bullet and a list marker ("• 9.", "1.)", "(a)"), returning
/// where to scan from and where the next marker of the same list starts (`usize::MAX` if none).
///
/// `budget` is the number of bytes marker searches may still read in this paragraph; it keeps
/// pathological inputs ("1. a 1. a 1. a …") linear.
pub(super) fn open(text: &str, start: usize, end: usize, budget: &mut usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut p = start;
    if is_bullet(b, p, end) {
        p = skip_ws(b, p + 3, end);
    }
    let Some((value, q, suffix_start)) = marker_at(b, p, end) else {
        return (start, usize::MAX);
    };
    if q >= end || b[q] != b' ' {
        return (start, usize::MAX);
    }
    let paren = b[p] == b'(';
    let window = MARKER_WINDOW.min(*budget);
    let found = next_marker(b, q, end.min(q + window), value, paren, &b[suffix_start..q]);
    *budget -= if found == usize::MAX {
        window
    } else {
        (found - q).min(window)
    };
    (q, found)
}

/// Where the marker after `value` (same shape) begins, before `end`.
fn next_marker(
    b: &[u8],
    from: usize,
    end: usize,
    value: MarkerValue,
    paren: bool,
    suffix: &[u8],
) -> usize {
    let mut pat = [0u8; 16];
    let mut n = 0;
    if paren {
        pat[0] = b'(';
        n = 1;
    }
    match value {
        MarkerValue::Number(v) => {
            for d in (v + 1).to_string().bytes() {
                pat[n] = d;
                n += 1;
            }
        }
        MarkerValue::Letter(c) if c < b'z' => {
            pat[n] = c + 1;
            n += 1;
        }
        MarkerValue::Letter(_) => return usize::MAX,
    }
    for &s in suffix.iter().take(2) {
        pat[n] = s;
        n += 1;
    }
    let pat = &pat[..n];
    let stop = end;
    let mut p = from + 1;
    while p + n < stop {
        if &b[p..p + n] == pat && b[p + n] == b' ' {
            if b[p - 1].is_ascii_whitespace() {
                let mut m = p - 1;
                while m > from && b[m - 1].is_ascii_whitespace() {
                    m -= 1;
                }
                if m >= from + 3 && is_bullet(b, m - 3, end) {
                    return m - 3;
                }
                return p;
            }
            if p >= from + 3 && is_bullet(b, p - 3, end) {
                return p - 3;
            }
        }
        p += 1;
    }
    usize::MAX
}
