//! Article cleaning: finds the headline and the page furniture (boilerplate) of scraped text,
//! recognises datelines, and groups the remaining body lines into paragraphs. Offsets are into
//! the normalized text.
//!
//! Rules look at a line's shape, its position and vocabulary lists kept as data
//! (`src/lexicon/furniture.txt`), never at the lines of one particular article.

use crate::lexicon::Lexicon;
use crate::record::BoilerplateKind;
use crate::segment::Segmenter;
use regex::Regex;
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// What cleaning found, in normalized-text offsets.
#[derive(Debug, Default, Clone)]
pub struct Cleaned {
    /// The title line(s).
    pub headline: Option<Range<usize>>,
    /// Furniture with its kind, in text order. Datelines overlap the paragraph holding them.
    pub boilerplate: Vec<(Range<usize>, BoilerplateKind)>,
    /// Body paragraphs (trimmed), in order.
    pub paragraphs: Vec<Range<usize>>,
}

/// Recognises headlines and page furniture; built once from the lexicon.
#[derive(Debug, Clone)]
pub struct Cleaner {
    /// Whole furniture lines, lowercased and without trailing punctuation.
    lines: HashMap<Box<[u8]>, BoilerplateKind, FxBuildHasher>,
    /// Line prefixes, lowercased, with their kinds (longest first).
    prefixes: Vec<(String, BoilerplateKind)>,
    /// First words of the prefixes ("file", "sign"): a cheap gate before `prefixes`.
    prefix_words: HashSet<Box<[u8]>, FxBuildHasher>,
    /// Social network names ("Twitter").
    platforms: Vec<String>,
    /// News agencies and credits, lowercased ("associated press").
    credits: Vec<String>,
}

/// Longest line (bytes) that can be furniture; longer lines are body text.
const MAX_FURNITURE_LINE: usize = 600;
/// Longest line (bytes) checked for every kind; longer ones can only be captions.
const MAX_SHORT_LINE: usize = 200;
/// First words of timestamp lines ("Updated 2:17 p.m.").
const TIMESTAMP_WORDS: [&[u8]; 6] = [
    b"updated",
    b"published",
    b"posted",
    b"last",
    b"first",
    b"modified",
];
/// First three letters of month and weekday names: lines that may be a bare date.
const DATE_WORDS: [&[u8]; 19] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
];

/// The first word of a line, lowercased ASCII letters only, at most 16 bytes; no allocation.
struct FirstWord {
    buf: [u8; 16],
    len: usize,
}

impl FirstWord {
    /// The first word of `line`.
    fn of(line: &str) -> FirstWord {
        let mut w = FirstWord {
            buf: [0; 16],
            len: 0,
        };
        for &c in line.as_bytes().iter().take(16) {
            if !c.is_ascii_alphabetic() {
                break;
            }
            w.buf[w.len] = c.to_ascii_lowercase();
            w.len += 1;
        }
        w
    }

    /// The word's bytes (lowercase ASCII letters).
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// True when every word of `rest` is capitalized or a connector ("Jane Doe; Editing by John").
fn names_only(rest: &str) -> bool {
    let mut names = 0;
    for w in rest.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | '|' | ':' | '(' | ')'));
        if w.is_empty()
            || matches!(
                w,
                "and" | "&" | "by" | "in" | "of" | "the" | "for" | "from" | "with"
            )
        {
            continue;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        names += 1;
    }
    names > 0
}

/// Words that mark a call to action: "Sign up for our newsletter", "Follow us on X".
fn prompt_words(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        [
            "our",
            "us",
            "newsletter",
            "newsletters",
            "email",
            "updates",
            "alerts",
            "free",
            "here",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    })
}

/// Number of whitespace-separated words in `line`, counting no further than `cap`.
fn bounded_words(line: &str, cap: usize) -> usize {
    line.split_ascii_whitespace().take(cap).count()
}

/// "Copyright 2024 …", "© 2024 …", "(c) 2024 …", or a short line saying "All rights reserved".
fn is_copyright(line: &str, first: &[u8]) -> bool {
    first == b"copyright"
        || line.starts_with('©')
        || ((line.starts_with("(c)") || line.starts_with("(C)"))
            && line[3..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit()))
        || (line.len() <= 200
            && (line.contains("eserved") || line.contains("ESERVED"))
            && COPYRIGHT.is_match(line))
}

/// "Updated 2:17 p.m.", "Published March 3, 2024", "Posted 5 hours ago".
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:last updated|updated|published|posted|first published|modified)(?:\s+on)?\s*:?\s+[^\n]{0,60}(?:\d|\bago\b)",
    )
    .expect("valid regex")
});
/// A line that is only a date and/or time ("March 3, 2024 2:17 PM EST", "Jan. 5, 2021").
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    )
    .expect("valid regex")
});
/// "Copyright 2024 …", "© 2024 …", "(c) 2024 …", "… All rights reserved".
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved").expect("valid regex")
});
/// Video widget remnants: "270p | 1.5MB", "0:00:30▶0:00:00/0:00:30".
static MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{3,4}p \| \d+(?:\.\d+)?\s?[KMG]B|\d{1,2}:\d{2}(?::\d{2})?\s*[▶/])")
        .expect("valid regex")
});
/// A dateline opening a paragraph: "WASHINGTON (AP) —", "PORTLAND, Ore. -", "NEW YORK --",
/// "LONDON, Jan. 5 (Reuters) -", "(CNN) —".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}(?:,? [A-Z][a-z]{2,4}\.? \d{1,2})?(?: \([A-Za-z][A-Za-z .&/-]{0,30}\))?|\([A-Z][A-Za-z .&/-]{1,30}\)) ?(?:—|--|-) ",
    )
    .expect("valid regex")
});
/// A headline glued to its dateline with the line break lost: "…Bomb ProbeBOSTON — A …".
static GLUED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[a-z0-9'?!)\]]([A-Z]{2}[A-Z.'-]*(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+){0,2}(?: \([A-Za-z][A-Za-z .&/-]{0,30}\))? ?(?:—|--|-) )",
    )
    .expect("valid regex")
});

impl Cleaner {
    /// A cleaner using the furniture vocabulary of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Cleaner {
        let mut cleaner = Cleaner {
            lines: HashMap::default(),
            prefixes: Vec::new(),
            prefix_words: HashSet::default(),
            platforms: Vec::new(),
            credits: Vec::new(),
        };
        for line in lexicon.furniture() {
            let mut cols = line.split('\t').map(str::trim);
            let text = cols.next().unwrap_or("");
            if text.is_empty() {
                continue;
            }
            let kind = cols.next().unwrap_or("");
            let prefix = cols.next() == Some("prefix");
            let kind = match kind {
                "platform" => {
                    cleaner.platforms.push(text.to_string());
                    continue;
                }
                "credit" => {
                    cleaner.credits.push(text.to_lowercase());
                    continue;
                }
                k => kind_named(k),
            };
            if prefix {
                cleaner.prefixes.push((text.to_lowercase(), kind));
            } else {
                let mut buf = [0u8; KEY_MAX];
                if let Some(key) = line_key(text, &mut buf) {
                    cleaner.lines.insert(key.into(), kind);
                }
            }
        }
        cleaner
            .prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        cleaner.prefix_words = cleaner
            .prefixes
            .iter()
            .map(|(p, _)| FirstWord::of(p).as_bytes().into())
            .collect();
        cleaner
    }

    /// Classify the lines of `norm` (a normalized text): headline, furniture, paragraphs.
    pub fn clean(&self, norm: &str, segmenter: &Segmenter) -> Cleaned {
        let mut out = Cleaned::default();
        let lines = self.lines_of(norm);
        // Group body lines into paragraphs; `blocks[i]` is true when paragraph i follows a
        // blank line (or starts the text), `lines_in` counts its lines.
        let mut paragraphs: Vec<(Range<usize>, bool, usize)> = Vec::new();
        let mut after_blank = true;
        let mut prev_body: Option<&Line> = None;
        for line in &lines {
            match line.kind {
                LineKind::Blank => {
                    after_blank = true;
                    prev_body = None;
                }
                LineKind::Furniture(kind) => {
                    out.boilerplate.push((line.range.clone(), kind));
                    after_blank = true;
                    prev_body = None;
                }
                LineKind::Body => {
                    let text = &norm[line.range.clone()];
                    match (prev_body, paragraphs.last_mut()) {
                        (Some(prev), Some(last)) if hard_wrapped(norm, prev, text) => {
                            last.0.end = line.range.end;
                            last.2 += 1;
                        }
                        _ => paragraphs.push((line.range.clone(), after_blank, 1)),
                    }
                    after_blank = false;
                    prev_body = Some(line);
                }
            }
        }
        if paragraphs.is_empty() {
            // Nothing but punctuation ("?!", ". . ."): that is the text, not furniture.
            let punctuation = |r: &Range<usize>, k| {
                k == BoilerplateKind::Blank && norm[r.clone()].starts_with(['.', '!', '?', '…'])
            };
            if out.boilerplate.iter().all(|(r, k)| punctuation(r, *k)) {
                out.paragraphs = out.boilerplate.drain(..).map(|(r, _)| r).collect();
                return out;
            }
        }
        let mut first_body = 0;
        if let Some(p) = paragraphs.first_mut() {
            // The headline may be glued to the dateline ("…ProbeBOSTON — A …").
            if let Some(glue) = glued_headline(norm, p.0.clone()) {
                out.headline = Some(p.0.start..glue);
                p.0.start = glue;
            }
        }
        if out.headline.is_none() && paragraphs.len() > 1 {
            if let Some((h, consumed)) = headline_of(norm, &paragraphs, segmenter) {
                out.headline = Some(h);
                first_body = consumed;
            }
        }
        let body = paragraphs.get(first_body..).unwrap_or(&[]);
        for (i, (range, _, _)) in body.iter().enumerate() {
            if i < 3 {
                if let Some(m) = DATELINE.find(&norm[range.clone()]) {
                    let dl = norm[range.start..range.start + m.end()].trim_end();
                    out.boilerplate.push((
                        range.start..range.start + dl.len(),
                        BoilerplateKind::Dateline,
                    ));
                }
            }
            out.paragraphs.push(range.clone());
        }
        out.boilerplate.sort_by_key(|(r, _)| (r.start, r.end));
        out
    }

    /// Split `norm` into trimmed lines with their furniture classification.
    fn lines_of(&self, norm: &str) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut offset = 0;
        // `split_inclusive('\n')`, with the crate's vectorized search for the line ends
        while offset < norm.len() {
            let start = offset;
            offset = memchr::memchr(b'\n', &norm.as_bytes()[start..])
                .map_or(norm.len(), |i| start + i + 1);
            let raw = &norm[start..offset];
            let Some(range) = trim_range(norm, start, start + raw.len()) else {
                lines.push(Line {
                    range: start..start,
                    kind: LineKind::Blank,
                    trailing_space: false,
                });
                continue;
            };
            let text = &norm[range.clone()];
            let trailing_space = raw.trim_end_matches(['\n', '\r']).ends_with([' ', '\t']);
            let kind = match self.furniture_kind(text) {
                Some(k) => LineKind::Furniture(k),
                None => LineKind::Body,
            };
            lines.push(Line {
                range,
                kind,
                trailing_space,
            });
        }
        lines
    }

    /// The furniture kind of one trimmed line, or `None` for body text.
    ///
    /// Cheap gates first (length, first word), so long body paragraphs cost a few byte
    /// comparisons; regexes run only on short lines that could match them.
    pub fn furniture_kind(&self, line: &str) -> Option<BoilerplateKind> {
        if line.len() > MAX_FURNITURE_LINE {
            return None;
        }
        if !line.chars().any(char::is_alphanumeric) {
            return Some(BoilerplateKind::Blank);
        }
        let first = FirstWord::of(line);
        let first = first.as_bytes();
        if is_copyright(line, first) {
            return Some(BoilerplateKind::Copyright);
        }
        let prefixed = self.prefix_words.contains(first);
        if line.len() > MAX_SHORT_LINE {
            // Only captions run long ("FILE - A police officer stands outside …").
            return if prefixed {
                self.prefix_kind(line, bounded_words(line, 91))
            } else {
                None
            };
        }
        let words = || bounded_words(line, 31);
        let date_shape = line.len() <= 60
            && (line.as_bytes()[0].is_ascii_digit()
                || first.get(..3).is_some_and(|w| DATE_WORDS.contains(&w)));
        let timestamp_shape = TIMESTAMP_WORDS.contains(&first) || date_shape;
        if timestamp_shape
            && words() <= 12
            && (TIMESTAMP.is_match(line) || (date_shape && DATE_LINE.is_match(line)))
        {
            return Some(BoilerplateKind::Timestamp);
        }
        if line.len() <= 80 {
            let mut buf = [0u8; KEY_MAX];
            if let Some(&kind) = line_key(line, &mut buf).and_then(|k| self.lines.get(k)) {
                return Some(kind);
            }
        }
        if line.ends_with('↴') || (line.as_bytes()[0].is_ascii_digit() && MEDIA.is_match(line)) {
            return Some(BoilerplateKind::Navigation);
        }
        if prefixed {
            if let Some(kind) = self.prefix_kind(line, words()) {
                return Some(kind);
            }
        }
        if line.starts_with("Follow ") && words() <= 15 && self.is_social(line) {
            return Some(BoilerplateKind::Social);
        }
        let by = line.starts_with("By ") || line.starts_with("BY ");
        if (by || line.len() <= 80)
            && words() <= 14
            && (self.is_byline(line) || self.is_credit(line))
        {
            return Some(BoilerplateKind::Byline);
        }
        None
    }

    /// Furniture that can hide inside a paragraph whose line breaks were lost: captions
    /// ("FILE - …"), social and subscribe prompts, copyright notices. For one sentence.
    pub fn sentence_kind(&self, sentence: &str) -> Option<BoilerplateKind> {
        let first = sentence.as_bytes().first()?;
        if !first.is_ascii_uppercase() && *first != b'(' && !sentence.starts_with('©') {
            return None;
        }
        let word = FirstWord::of(sentence);
        let word = word.as_bytes();
        let copyright = matches!(word, b"copyright" | b"all") || sentence.starts_with('©');
        if !self.prefix_words.contains(word) && word != b"follow" && !copyright {
            return None;
        }
        match self.furniture_kind(sentence)? {
            k @ (BoilerplateKind::Caption
            | BoilerplateKind::Social
            | BoilerplateKind::Subscribe
            | BoilerplateKind::Copyright) => Some(k),
            // Widget labels with a colon ("WATCH: …", "Read more: …").
            BoilerplateKind::Navigation if sentence.bytes().take(12).any(|c| c == b':') => {
                Some(BoilerplateKind::Navigation)
            }
            _ => None,
        }
    }

    /// A vocabulary prefix ("Sign up for", "FILE -") on a line short enough for its kind.
    fn prefix_kind(&self, line: &str, words: usize) -> Option<BoilerplateKind> {
        let bytes = line.as_bytes();
        for (prefix, kind) in &self.prefixes {
            let p = prefix.as_bytes();
            if !bytes
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
            {
                continue;
            }
            // The prefix must end at a word boundary ("Tags" is not "Tagsmith").
            let next = bytes.get(p.len()).copied();
            let ends_word = !prefix.ends_with(|c: char| c.is_ascii_alphanumeric())
                || !next.is_some_and(|c| c.is_ascii_alphanumeric());
            let rest = line.get(p.len()..).unwrap_or("");
            let fits = match kind {
                BoilerplateKind::Caption => words <= 90,
                BoilerplateKind::Tags => words <= 20 && !line.ends_with('.'),
                // "Reporting by Jane Doe; Editing by John Roe", not "Written by hand, …".
                BoilerplateKind::Byline => words <= 20 && names_only(rest),
                // A prompt, not a sentence that happens to start "Sign up for …".
                BoilerplateKind::Subscribe | BoilerplateKind::Social => {
                    words <= 15 && (!line.ends_with('.') || prompt_words(line))
                }
                _ => words <= 30,
            };
            if ends_word && fits {
                return Some(*kind);
            }
        }
        None
    }

    /// "Follow Jane Doe on Twitter @jdoe." / "Follow us on Instagram".
    fn is_social(&self, line: &str) -> bool {
        let Some(rest) = line.strip_prefix("Follow ") else {
            return false;
        };
        let Some(on) = rest.find(" on ") else {
            return false;
        };
        let platform = rest[on + 4..]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        self.platforms.iter().any(|p| p == platform)
    }

    /// "By Jane Doe", "By JANE DOE and John Roe, Associated Press": "By" and capitalized names.
    fn is_byline(&self, line: &str) -> bool {
        let Some(rest) = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))
        else {
            return false;
        };
        let mut names = 0;
        for (i, w) in rest.split_whitespace().enumerate() {
            let w = w.trim_end_matches([',', '.', ';', '|']);
            if w.is_empty() {
                continue;
            }
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if capital {
                names += 1;
            } else if i == 0 || !matches!(w, "and" | "&" | "of" | "the" | "in" | "for" | "|") {
                return false;
            }
        }
        names >= 1 && !line.ends_with(['?', '!', ':'])
    }

    /// A credit line: "- Reuters.", "Jane Doe, Associated Press", "Associated Press".
    fn is_credit(&self, line: &str) -> bool {
        let dash = line.starts_with(['-', '—', '(']);
        if line.len() > 80 || !(dash || line.len() <= 30 || line.contains(", ")) {
            return false;
        }
        let t = line
            .trim_start_matches(['-', '—', ' ', '('])
            .trim_end_matches(['.', ')', ' ']);
        let lower = t.to_lowercase();
        if self.credits.contains(&lower) {
            return true;
        }
        // "Jane Doe, Associated Press": capitalized name, then a credit after a comma.
        let Some((name, credit)) = lower.rsplit_once(", ") else {
            return false;
        };
        let name_words = name.split_whitespace().count();
        (1..=4).contains(&name_words)
            && t.split_whitespace()
                .take(name_words)
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && self.credits.iter().any(|c| c == credit)
    }
}

/// A trimmed line of the text and what it is.
#[derive(Debug, Clone)]
struct Line {
    /// Trimmed range in the normalized text (empty for blank lines).
    range: Range<usize>,
    /// Blank, furniture or body.
    kind: LineKind,
    /// The raw line ended with spaces before its newline (a sign of hard wrapping).
    trailing_space: bool,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Only whitespace.
    Blank,
    /// Page furniture.
    Furniture(BoilerplateKind),
    /// Article body.
    Body,
}

/// True when `next` continues `prev` across a hard line wrap: `prev` does not end a sentence
/// and `next` starts in lowercase ("It was a cold \nnight in the city.").
fn hard_wrapped(norm: &str, prev: &Line, next: &str) -> bool {
    let p = &norm[prev.range.clone()];
    if p.ends_with(['.', '!', '?', ':', ';', '"', '\'', ')', ']', '…']) {
        return false;
    }
    let lower = next.starts_with(|c: char| c.is_lowercase());
    // "400 yd \n( 365.8 m )": a wrapped line may open with a bracket.
    if !(lower || prev.trailing_space && next.starts_with('(')) {
        return false;
    }
    // A one- or two-word line before a lowercase one is a list ("features\ncontact manager").
    prev.trailing_space || p.ends_with(['-', ',']) || p.split_whitespace().nth(2).is_some()
}

/// The headline among the first paragraphs, and how many paragraphs it takes.
fn headline_of(
    norm: &str,
    paragraphs: &[(Range<usize>, bool, usize)],
    segmenter: &Segmenter,
) -> Option<(Range<usize>, usize)> {
    let (first, _, nlines) = paragraphs.first()?;
    let (second, second_after_blank, _) = paragraphs.get(1)?;
    let text = &norm[first.clone()];
    if *nlines > 1 {
        return None;
    }
    // A two-line title: "Social sites overflow when crisis strikes Paris; \nFacebook …".
    if !second_after_blank && text.ends_with([';', ':', ',']) {
        if let Some((third, third_after_blank, _)) = paragraphs.get(2) {
            let joined = first.start..second.end;
            if *third_after_blank
                && reads_as_headline(&norm[joined.clone()], 45)
                && !third.is_empty()
            {
                return Some((joined, 2));
            }
        }
    }
    if !reads_as_headline(text, 35) {
        return None;
    }
    let words = bounded_words(text, 36);
    // "EXCLUSIVE - Roger Stone: …" over a blank line is a title; a long one is a dateline lede.
    if DATELINE.is_match(text) && !(*second_after_blank && words <= 20) {
        return None;
    }
    // Without a blank line after it, a title has no final period.
    if !second_after_blank && text.ends_with('.') {
        return None;
    }
    let mut sentences = Vec::new();
    segmenter.split_into(norm, first.clone(), &mut sentences);
    // Two-part titles ("Game over. Will Sanders come down?", "A Judge. Is This The Last One?")
    // read as titles by their capitals or their question; a two-sentence lede does not.
    let title_like = *second_after_blank
        && words <= 25
        && sentences.len() <= 3
        && (title_cased(text) || text.contains(['?', '!', '…']));
    (sentences.len() == 1 || title_like).then(|| (first.clone(), 1))
}

/// Most longer words capitalized, as in "Hillary Clinton Says Trump Is Wrong".
fn title_cased(text: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in text.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            caps += usize::from(w.starts_with(|c: char| c.is_uppercase()));
        }
    }
    long >= 2 && caps * 5 >= long * 3
}

/// A title is short: 2 to `max_words` words, not too many bytes.
fn reads_as_headline(line: &str, max_words: usize) -> bool {
    let words = line.split_whitespace().count();
    (2..=max_words).contains(&words) && line.len() <= 320
}

/// Where the body starts when the first line is a headline glued to a dateline.
fn glued_headline(norm: &str, line: Range<usize>) -> Option<usize> {
    let text = &norm[line.clone()];
    let head = &text[..text.floor_char_boundary(400)];
    let caps = GLUED_DATELINE.captures(head)?;
    let m = caps.get(1)?;
    let title = &text[..m.start()];
    reads_as_headline(title, 30).then_some(line.start + m.start())
}

/// Longest lookup key of a whole furniture line (bytes).
const KEY_MAX: usize = 96;

/// Lookup key of a whole furniture line: ASCII-lowercased, trailing punctuation removed,
/// written into `buf` (no allocation); `None` when too long.
fn line_key<'b>(line: &str, buf: &'b mut [u8; KEY_MAX]) -> Option<&'b [u8]> {
    let t = line
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .as_bytes();
    let out = buf.get_mut(..t.len())?;
    for (o, &c) in out.iter_mut().zip(t) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// The kind named in the furniture list's second column.
fn kind_named(name: &str) -> BoilerplateKind {
    match name {
        "social" => BoilerplateKind::Social,
        "subscribe" => BoilerplateKind::Subscribe,
        "caption" => BoilerplateKind::Caption,
        "byline" => BoilerplateKind::Byline,
        "timestamp" => BoilerplateKind::Timestamp,
        "tags" => BoilerplateKind::Tags,
        "copyright" => BoilerplateKind::Copyright,
        "dateline" => BoilerplateKind::Dateline,
        "blank" => BoilerplateKind::Blank,
        _ => BoilerplateKind::Navigation,
    }
}

/// The range of `norm[start..end]` without surrounding whitespace, or `None` if all blank.
fn trim_range(norm: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let s = &norm[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> Cleaned {
        let lex = Lexicon::default();
        Cleaner::new(&lex).clean(text, &Segmenter::new(&lex))
    }

    fn kinds(text: &str) -> Vec<(String, BoilerplateKind)> {
        cleaned(text)
            .boilerplate
            .into_iter()
            .map(|(r, k)| (text[r].to_string(), k))
            .collect()
    }

    fn kind_of(line: &str) -> Option<BoilerplateKind> {
        Cleaner::new(&Lexicon::default()).furniture_kind(line)
    }

    use BoilerplateKind::*;

    #[test]
    fn trailer_furniture_is_recognised() {
        let text = "Headline here\n\nBody sentence.\n\nUpdated 2:17 p.m.\n\nTags Gina Raimondo Ron Wyden\n\nCopyright 2024 Nexstar Media Inc. All rights reserved.\n\nMost Popular\n\nLoad more\n";
        let k: Vec<BoilerplateKind> = kinds(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(k, vec![Timestamp, Tags, Copyright, Navigation, Navigation]);
    }

    #[test]
    fn timestamps() {
        assert_eq!(kind_of("Updated 2:17 p.m."), Some(Timestamp));
        assert_eq!(kind_of("Published March 3, 2024"), Some(Timestamp));
        assert_eq!(kind_of("Posted 5 hours ago"), Some(Timestamp));
        assert_eq!(kind_of("March 3, 2024 2:17 PM EST"), Some(Timestamp));
        assert_eq!(
            kind_of("Updated guidance was published by the agency on Monday after weeks of delay."),
            None
        );
    }

    #[test]
    fn tags() {
        assert_eq!(kind_of("Tags Gina Raimondo Ron Wyden"), Some(Tags));
        assert_eq!(kind_of("Topics: Congress, China"), Some(Tags));
        assert_eq!(
            kind_of("Tags were found on the luggage of three passengers."),
            None
        );
    }

    #[test]
    fn copyright() {
        assert_eq!(kind_of("© 2024 The Associated Press"), Some(Copyright));
        assert_eq!(
            kind_of("Copyright 2016 Reuters. All rights reserved."),
            Some(Copyright)
        );
        assert_eq!(
            kind_of("The copyright lawsuit was dismissed on Monday."),
            None
        );
    }

    #[test]
    fn navigation() {
        assert_eq!(kind_of("Main Area Top ↴"), Some(Navigation));
        assert_eq!(kind_of("See all Video"), Some(Navigation));
        assert_eq!(kind_of("ABSTRACT."), Some(Navigation));
        assert_eq!(kind_of("270p | 1.5MB"), Some(Navigation));
        assert_eq!(kind_of("Most popular candidates won their races."), None);
    }

    #[test]
    fn prompts_need_prompt_shape() {
        assert_eq!(kind_of("Sign up for our newsletter."), Some(Subscribe));
        assert_eq!(
            kind_of("Sign up for the program was slow, officials said."),
            None
        );
        assert_eq!(
            kind_of("Get the latest figures from the ministry, he said."),
            None
        );
        assert_eq!(
            kind_of("Reporting by Jane Doe; Editing by John Roe"),
            Some(Byline)
        );
        assert_eq!(
            kind_of("Written by hand, the memo was leaked to reporters."),
            None
        );
    }

    #[test]
    fn subscribe() {
        assert_eq!(kind_of("Sign up for our daily newsletter"), Some(Subscribe));
        assert_eq!(kind_of("Subscribe to The Hill"), Some(Subscribe));
        assert_eq!(
            kind_of("Subscribers to the service paid $10 a month."),
            None
        );
    }

    #[test]
    fn social() {
        assert_eq!(
            kind_of("Follow Adelle Nazarian on Twitter @AdelleNaz."),
            Some(Social)
        );
        assert_eq!(kind_of("Share this article"), Some(Social));
        assert_eq!(kind_of("Follow the money, he said."), None);
    }

    #[test]
    fn bylines_and_credits() {
        assert_eq!(kind_of("By Jane Doe"), Some(Byline));
        assert_eq!(
            kind_of("By JANE DOE and John Roe, Associated Press"),
            Some(Byline)
        );
        assert_eq!(kind_of("- Reuters."), Some(Byline));
        assert_eq!(kind_of("Jane Doe, Associated Press"), Some(Byline));
        assert_eq!(
            kind_of("By the time police arrived, the men had fled."),
            None
        );
        assert_eq!(kind_of("By Monday, officials had left."), None);
    }

    #[test]
    fn captions() {
        assert_eq!(
            kind_of("FILE - A police officer stands outside a mosque in Manchester, May 24, 2017."),
            Some(Caption)
        );
        assert_eq!(kind_of("Photo: Getty Images"), Some(Caption));
        assert_eq!(kind_of("Filed reports show a decline."), None);
    }

    #[test]
    fn blank_lines_of_symbols() {
        assert_eq!(kind_of("* * *"), Some(Blank));
        assert_eq!(kind_of("A line."), None);
    }

    #[test]
    fn dateline_is_recorded_but_stays_in_the_paragraph() {
        let text = "Title of the story here\n\nWASHINGTON (AP) — The Senate voted on Monday.\n";
        let c = cleaned(text);
        let (r, k) = &c.boilerplate[0];
        assert_eq!((&text[r.clone()], *k), ("WASHINGTON (AP) —", Dateline));
        assert!(text[c.paragraphs[0].clone()].starts_with("WASHINGTON (AP) — The Senate"));
        let text = "Title of the story here\n\nPORTLAND, Ore. - Police said so.\n";
        assert_eq!(kinds(text)[0].0, "PORTLAND, Ore. -");
        let text = "Title of the story here\n\nLONDON, Jan. 5 (Reuters) - Shares fell.\n";
        assert_eq!(kinds(text)[0].0, "LONDON, Jan. 5 (Reuters) -");
        let text = "Title of the story here\n\n(CNN) — The president spoke.\n";
        assert_eq!(kinds(text)[0].0, "(CNN) —");
        // Negative: a capitalized opening word is no dateline.
        assert!(kinds("Title of the story here\n\nThe FBI - and others - said so.\n").is_empty());
    }

    #[test]
    fn headline_is_the_first_short_line() {
        let text =
            "Biden blacklists Chinese firms\n\nThe Biden administration acted. It said so.\n";
        let c = cleaned(text);
        assert_eq!(
            &text[c.headline.clone().unwrap()],
            "Biden blacklists Chinese firms"
        );
        // A title over a body without a blank line between them.
        let text = "Biden blacklists Chinese firms\nThe Biden administration acted.\n";
        assert!(cleaned(text).headline.is_some());
        // Negative: a lone line is the article, and two sentences are no title.
        assert!(cleaned("The Biden administration acted.")
            .headline
            .is_none());
        assert!(cleaned("It rained. We left.\n\nThen it stopped.")
            .headline
            .is_none());
        // Two-part titles are titles.
        let text = "A Judge Is Confirmed. Is This The Last One?\n\nThe Senate voted.";
        assert!(cleaned(text).headline.is_some());
        let text = "EXCLUSIVE - Roger Stone: Trust Nobody.\n\nThe Senate voted.";
        assert!(cleaned(text).headline.is_some());
    }

    #[test]
    fn two_line_headline_joined_by_a_semicolon() {
        let text =
            "Social sites overflow in Paris; \nFacebook activates a tool.\n\nBody text here.\n";
        let c = cleaned(text);
        assert_eq!(
            &text[c.headline.unwrap()],
            "Social sites overflow in Paris; \nFacebook activates a tool."
        );
    }

    #[test]
    fn headline_glued_to_the_dateline() {
        let text = "Kyrgyzstan National Pleads Not Guilty in Bomb ProbeBOSTON — A citizen pleaded not guilty.";
        let c = cleaned(text);
        assert_eq!(
            &text[c.headline.unwrap()],
            "Kyrgyzstan National Pleads Not Guilty in Bomb Probe"
        );
        assert!(text[c.paragraphs[0].clone()].starts_with("BOSTON — A citizen"));
        let text = "Council Approves Plan After DebateDENVER — The council voted.\n\nIt was late.";
        let c = cleaned(text);
        assert_eq!(
            &text[c.headline.unwrap()],
            "Council Approves Plan After Debate"
        );
        assert_eq!(c.paragraphs.len(), 2);
        // Negative: an acronym inside running text is no dateline.
        assert!(cleaned("He works for the FBI - a big agency.")
            .headline
            .is_none());
    }

    #[test]
    fn hard_wrapped_lines_join_but_line_breaks_otherwise_split() {
        let c = cleaned("It was a cold \nnight in the city.");
        assert_eq!(c.paragraphs.len(), 1);
        let c = cleaned("This is a sentence\ncut off in the middle.");
        assert_eq!(c.paragraphs.len(), 1);
        // Negative: short list items and finished lines stay apart.
        assert_eq!(
            cleaned("features\ncontact manager\nevents")
                .paragraphs
                .len(),
            3
        );
        assert_eq!(
            cleaned("One line ends.\nanother starts.").paragraphs.len(),
            2
        );
    }

    #[test]
    fn punctuation_only_text_is_kept() {
        assert_eq!(cleaned("?!").paragraphs.len(), 1);
        assert_eq!(cleaned(" \n ").paragraphs.len(), 0);
    }
}
