//! Article cleaning: finds the headline and the page furniture (boilerplate) of scraped text,
//! and groups the remaining body lines into paragraphs. Offsets are into the normalized text.
//!
//! Rules look at a line's shape, its position and vocabulary lists kept as data
//! (`src/lexicon/furniture.txt`), never at the lines of one particular article.

use crate::lexicon::Lexicon;
use crate::record::BoilerplateKind;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// What cleaning found, in normalized-text offsets.
#[derive(Debug, Default, Clone)]
pub struct Cleaned {
    /// The title line.
    pub headline: Option<Range<usize>>,
    /// Furniture lines with their kinds.
    pub boilerplate: Vec<(Range<usize>, BoilerplateKind)>,
    /// Body paragraphs (trimmed), in order.
    pub paragraphs: Vec<Range<usize>>,
}

/// Recognises headlines and page furniture; built once from the lexicon.
#[derive(Debug, Clone)]
pub struct Cleaner {
    /// Whole lines that are navigation/widget furniture, lowercased ("most popular").
    navigation: HashSet<String>,
}

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:updated|published|posted|last updated|first published)\b[^\n]{0,60}$")
        .expect("valid regex")
});
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Tags|TAGS|Topics|Related Topics)\b:?\s+\S").expect("valid regex")
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved").expect("valid regex")
});

impl Cleaner {
    /// A cleaner using the furniture vocabulary of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Cleaner {
        let navigation = lexicon.furniture().map(|l| l.to_lowercase()).collect();
        Cleaner { navigation }
    }

    /// Classify every line of `norm` (the normalized copy of `text`).
    pub fn clean(&self, _text: &str, norm: &str) -> Cleaned {
        let mut out = Cleaned::default();
        let mut offset = 0;
        let mut seen_body = false;
        for line in norm.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let Some(range) = trim_range(norm, start, start + line.len()) else {
                continue;
            };
            let text = &norm[range.clone()];
            if let Some(kind) = self.furniture_kind(text) {
                out.boilerplate.push((range, kind));
                continue;
            }
            if !seen_body && out.headline.is_none() && reads_as_headline(text) {
                out.headline = Some(range);
                seen_body = true;
                continue;
            }
            seen_body = true;
            out.paragraphs.push(range);
        }
        // A lone line is the article itself, not a title over it.
        if out.paragraphs.is_empty() {
            out.paragraphs.extend(out.headline.take());
        }
        out
    }

    /// The furniture kind of one trimmed line, or `None` for body text.
    fn furniture_kind(&self, line: &str) -> Option<BoilerplateKind> {
        if !line.chars().any(char::is_alphanumeric) {
            return Some(BoilerplateKind::Blank);
        }
        if COPYRIGHT.is_match(line) {
            return Some(BoilerplateKind::Copyright);
        }
        if TAGS.is_match(line) && !line.ends_with('.') {
            return Some(BoilerplateKind::Tags);
        }
        if TIMESTAMP.is_match(line) && line.split_whitespace().count() <= 8 {
            return Some(BoilerplateKind::Timestamp);
        }
        let key = line
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if self.navigation.contains(&key) || line.ends_with('↴') {
            return Some(BoilerplateKind::Navigation);
        }
        None
    }
}

/// A first line reads as a headline when it is short and not a running sentence.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=30).contains(&words) && line.len() <= 250
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

    fn kinds(text: &str) -> Vec<(String, BoilerplateKind)> {
        let c = Cleaner::new(&Lexicon::default());
        c.clean(text, text)
            .boilerplate
            .into_iter()
            .map(|(r, k)| (text[r].to_string(), k))
            .collect()
    }

    #[test]
    fn trailer_furniture_is_recognised() {
        let text = "Headline here\n\nBody sentence.\n\nUpdated 2:17 p.m.\n\nTags Gina Raimondo Ron Wyden\n\nCopyright 2024 Nexstar Media Inc. All rights reserved.\n\nMost Popular\n\nLoad more\n";
        let k: Vec<BoilerplateKind> = kinds(text).into_iter().map(|(_, k)| k).collect();
        use BoilerplateKind::*;
        assert_eq!(k, vec![Timestamp, Tags, Copyright, Navigation, Navigation]);
    }

    #[test]
    fn body_sentences_about_tags_are_not_furniture() {
        assert!(
            kinds("Headline\n\nTags were found on the luggage of three passengers.\n").is_empty()
        );
        assert!(kinds("Headline\n\nUpdated guidance was published by the agency on Monday after weeks of delay.\n").is_empty());
    }
}
