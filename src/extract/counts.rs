//! Count records: a cardinal number that counts a countable noun ("34 Chinese entities",
//! "eleven related research institutes", "two of the world's biggest suppliers"), with
//! elliptical counts that borrow their noun ("three entities in Georgia, one in Malaysia"),
//! approximate counts ("more than 260"), locations, and links from parts to a total.
//!
//! Numbers come from the [`NumberScanner`]; only plain cardinals can count (years, money,
//! ages, measures, scores, names... are other kinds). The noun is found by walking the words
//! after the number: modifiers, then the first plural noun. Each record's `rule` names the
//! rule that found it: `number-noun`, `partitive` ("two of the ..."), `partitive-pronoun`
//! ("34 of them"), `list-ellipsis` ("one in Malaysia"), `people-verb` ("injured more than
//! 260"), `toll` ("the death toll rose to 267"), `sentence-end-ellipsis` ("each choose one"),
//! `parent-of` ("a mother of three").
//! Vague quantities ("dozens of", "thousands") and "one" before a singular noun on its own
//! ("one tweet") are left out for precision.

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::numbers::kinds::plural_word;
use crate::numbers::tables::{word_role, Class, Role, Tables};
use crate::numbers::tokens::{Gap, Tok, TokKind};
use crate::numbers::{NumberMatch, NumberScanner};
use crate::record::{Article, Count, NumberKind, Value};

/// Finds Count records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct CountExtractor {
    numbers: NumberScanner,
}

/// Most modifier words allowed between a number and its noun.
const MAX_MODIFIERS: usize = 5;

/// A count found in one sentence, before it becomes a record.
#[derive(Debug, Clone)]
struct Found {
    value: f64,
    noun: String,
    /// Normalized byte range of the phrase.
    start: usize,
    end: usize,
    approximate: bool,
    location: Option<String>,
    rule: &'static str,
    /// Borrowed its noun from another count (elliptical), index into the article's counts.
    borrowed_from: Option<usize>,
    /// The number was the word "one" before a singular noun.
    one_singular: bool,
}

/// One sentence's tokens and text, with helpers the count rules share.
struct View<'a> {
    text: &'a str,
    toks: &'a [Tok],
    tables: &'a Tables,
}

impl View<'_> {
    fn word(&self, k: usize) -> Option<&str> {
        self.toks
            .get(k)
            .filter(|t| t.kind == TokKind::Word && t.gap != Gap::Newline)
            .map(|t| t.text(self.text))
    }

    fn word_is(&self, k: usize, w: &str) -> bool {
        self.word(k).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn role(&self, k: usize) -> u16 {
        self.word(k).map_or(0, |w| self.tables.count_role(w))
    }

    fn is_stop(&self, k: usize) -> bool {
        self.role(k) & word_role::STOP != 0
    }

    fn punct(&self, k: usize, c: char) -> bool {
        self.toks.get(k).is_some_and(|t| t.is(self.text, c))
    }

    /// The end of the hyphenated compound starting at word `k` ("medium-distance"), or of
    /// a dotted abbreviation ("U.S.").
    fn compound_end(&self, k: usize) -> usize {
        let mut e = k + 1;
        let short_caps = |j: usize| {
            self.word(j)
                .is_some_and(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        };
        if short_caps(k) && self.punct(e, '.') && self.toks[e].glued() {
            while self.punct(e, '.') && self.toks[e].glued() {
                e += 1;
                if short_caps(e) && self.toks[e].glued() {
                    e += 1;
                } else {
                    break;
                }
            }
            return e;
        }
        while self.punct(e, '-')
            && self.toks[e].glued()
            && self
                .toks
                .get(e + 1)
                .is_some_and(|t| t.glued() && t.kind != TokKind::Punct)
        {
            e += 2;
        }
        e
    }

    /// True when the compound `k..e` is a number word or a unit ("two-hour").
    fn is_unit_or_number(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        if self
            .tables
            .word(w)
            .is_some_and(|n| !matches!(n.class, Class::Article | Class::Couple | Class::Point))
        {
            return true;
        }
        self.tables
            .unit_after(&self.text[self.toks[k].start..])
            .is_some_and(|(_, len)| len <= self.toks[k].end - self.toks[k].start + 1)
    }

    /// The head noun of the phrase starting at token `k`: the first plural noun after at most
    /// a few modifiers ("different Chinese technology companies"), or for a count of one the
    /// last word of a short run ("criminal count"). Returns the head's token.
    fn head(&self, k: usize, singular: bool) -> Option<usize> {
        let mut j = k;
        let mut mods = 0;
        let mut last_word: Option<usize> = None;
        while mods <= MAX_MODIFIERS {
            let t = self.toks.get(j)?;
            if t.gap == Gap::Newline && j > k {
                break;
            }
            if t.is(self.text, '(') {
                // "2 DS (Bureau of Diplomatic Security) agents"
                let close = (j + 1..(j + 10).min(self.toks.len())).find(|&c| self.punct(c, ')'))?;
                j = close + 1;
                continue;
            }
            if t.kind != TokKind::Word {
                break;
            }
            let e = self.compound_end(j);
            let last = e - 1;
            if self.is_stop(j) && e == j + 1 {
                let coordinating = (self.word_is(j, "and") || self.word_is(j, "or"))
                    && mods > 0
                    && !singular
                    && !self.is_stop(j + 1)
                    && self.word(j + 1).is_some();
                if coordinating {
                    j += 1;
                    continue;
                }
                break;
            }
            if self.is_unit_or_number(j) && e == j + 1 {
                return None;
            }
            let w = self.toks[last].text(self.text);
            if self.tables.count_role(w) & word_role::VAGUE != 0 {
                return None;
            }
            // "1.3 billion Chinese": a nationality in -ese heads the phrase when nothing follows
            let nationality = w.ends_with("ese")
                && w.starts_with(|c: char| c.is_uppercase())
                && (self.word(e).is_none() || self.is_stop(e));
            if !singular && nationality {
                return Some(last);
            }
            if !singular && plural_word(self.tables, w) {
                // extend over a following plural ("arms dealers")
                let mut head = last;
                let mut n = e;
                while self.word(n).is_some()
                    && !self.is_stop(n)
                    && self.compound_end(n) == n + 1
                    && plural_word(self.tables, self.word(n).unwrap_or_default())
                    && self.toks[n].gap != Gap::Newline
                {
                    head = n;
                    n += 1;
                }
                return Some(head);
            }
            if singular {
                if plural_word(self.tables, w) {
                    return None;
                }
                let verb_like = w.ends_with("ed") || w.ends_with("ing");
                if verb_like && last_word.is_some() {
                    break;
                }
                last_word = Some(last);
                if mods >= 2 {
                    break;
                }
            }
            mods += 1;
            j = e;
        }
        if singular {
            last_word.filter(|&h| {
                let w = self.toks[h].text(self.text);
                !plural_word(self.tables, w) && !w.starts_with(|c: char| c.is_uppercase())
            })
        } else {
            None
        }
    }

    /// A place after "in"/"from"/"at" at token `k`: the capitalized words that follow.
    fn location(&self, k: usize) -> Option<(String, usize)> {
        if !(self.word_is(k, "in") || self.word_is(k, "from") || self.word_is(k, "at")) {
            return None;
        }
        let mut j = k + 1;
        if self.word_is(j, "the") {
            j += 1;
        }
        let start = j;
        if self.tables.cue_before(self.word(j)?, Role::Month) {
            return None;
        }
        while let Some(w) = self.word(j) {
            if !w.starts_with(|c: char| c.is_uppercase()) || (j - start) >= 4 {
                break;
            }
            j += 1;
        }
        (j > start).then(|| {
            let s = self.toks[start].start;
            let e = self.toks[j - 1].end;
            (self.text[s..e].to_string(), j)
        })
    }
}

impl CountExtractor {
    pub(crate) fn new(lexicon: &Lexicon) -> CountExtractor {
        CountExtractor {
            numbers: NumberScanner::new(lexicon),
        }
    }

    /// The Count records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, doc: &Document, _article: &Article) -> Vec<Count> {
        let norm = doc.norm();
        let mut counts: Vec<Count> = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        let mut prev_paragraph = usize::MAX;
        let mut paragraph_start = 0;
        for (si, sentence) in doc.sentences().iter().enumerate() {
            if sentence.paragraph != prev_paragraph {
                prev_paragraph = sentence.paragraph;
                paragraph_start = counts.len();
            }
            let scan = self.numbers.scan(norm, sentence.norm.clone());
            let view = View {
                text: norm,
                toks: &scan.toks,
                tables: &self.numbers.tables,
            };
            let found = self.sentence_counts(
                &view,
                &scan.numbers,
                sentence.norm.start,
                &counts,
                paragraph_start,
            );
            let group_start = counts.len();
            let has_other = found.iter().filter(|f| !f.one_singular).count() > 0;
            for f in found {
                if f.one_singular && !has_other {
                    continue;
                }
                let span = doc.to_orig(f.start..f.end);
                counts.push(Count {
                    value: Value(f.value),
                    noun: f.noun,
                    text: doc.text()[span.range()].to_string(),
                    span,
                    sentence: si,
                    approximate: f.approximate,
                    location: f.location,
                    part_of: f.borrowed_from,
                    rule: f.rule.to_string(),
                });
            }
            link_included(doc, &self.numbers.tables, &mut counts, group_start);
            link_parts(&mut counts, &mut stems, group_start);
        }
        counts
    }

    /// The counts of one sentence; `earlier` are the article's counts so far.
    fn sentence_counts(
        &self,
        v: &View,
        numbers: &[NumberMatch],
        sentence_start: usize,
        earlier: &[Count],
        paragraph_start: usize,
    ) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut skip_until = 0;
        for (ni, n) in numbers.iter().enumerate() {
            if n.toks.start < skip_until || n.kind != NumberKind::Cardinal {
                continue;
            }
            if n.value < 1.0 || n.value.fract() != 0.0 {
                continue;
            }
            let first_word = v.toks[n.toks.start].text(v.text);
            if n.approximate && !first_word.eq_ignore_ascii_case("a") {
                // "dozens", "thousands": vague, not an explicit count
                continue;
            }
            let before = &v.text[sentence_start..n.range.start];
            let mut after = n.toks.end;
            if v.tables.cue_before(before, Role::RateBefore)
                || v.tables.cue_after(&v.text[n.range.end..], Role::RateAfter)
            {
                continue;
            }
            // "seven-member panel": a hyphenated modifier, not a count
            if v.punct(after, '-')
                && v.toks[after].glued()
                && v.toks.get(after + 1).is_some_and(|t| t.glued())
                && !v.word_is(after + 1, "plus")
            {
                continue;
            }
            let mut approximate = v.tables.cue_before(before, Role::ApproxBefore);
            if v.punct(after, '+') && v.toks[after].glued() {
                // "2470+ delegates"
                approximate = true;
                after += 1;
            } else if v.punct(after, '-') && v.toks[after].glued() && v.word_is(after + 1, "plus") {
                // "200-plus delegates"
                approximate = true;
                after += 2;
            }
            let mut end = n.range.end;
            // ranges: "two or three guards", "10 to 15 people"
            if (v.word_is(after, "or") || v.word_is(after, "to") || v.punct(after, '-'))
                && numbers.get(ni + 1).is_some_and(|m| {
                    m.toks.start == after + 1 && m.kind == NumberKind::Cardinal && m.value > n.value
                })
            {
                let m = &numbers[ni + 1];
                after = m.toks.end;
                end = m.range.end;
                skip_until = m.toks.end;
                approximate = true;
            }
            if v.tables.cue_after(&v.text[end..], Role::ApproxAfter) {
                approximate = true;
            }
            let singular = n.value == 1.0;
            let is_one_word = singular && n.spelled;
            // partitive: "two of the world's biggest suppliers", "34 of them"
            if v.word_is(after, "of") {
                let det = after + 1;
                let pronoun = v.role(det) & word_role::PRONOUN != 0;
                if pronoun {
                    if singular && !approximate {
                        continue;
                    }
                    let noun = last_noun(&found, earlier, paragraph_start)
                        .unwrap_or_else(|| v.word(det).unwrap_or_default().to_string());
                    found.push(Found {
                        value: n.value,
                        noun,
                        start: n.range.start,
                        end: v.toks[det].end,
                        approximate,
                        location: None,
                        rule: "partitive-pronoun",
                        borrowed_from: None,
                        one_singular: false,
                    });
                    continue;
                }
                let total_next = numbers
                    .iter()
                    .any(|m| m.toks.start == det && m.kind == NumberKind::Cardinal);
                let determiner = v.role(det) & word_role::DETERMINER != 0 || total_next;
                if !determiner || (singular && !approximate) {
                    continue;
                }
                // "20 of the 50 governors": the head comes after the total
                let head_from = numbers
                    .iter()
                    .find(|m| m.toks.start == det + 1 || (total_next && m.toks.start == det))
                    .map_or(det + 1, |m| m.toks.end);
                if let Some(h) = v.head(head_from, false) {
                    found.push(Found {
                        value: n.value,
                        noun: v.toks[h].text(v.text).to_string(),
                        start: n.range.start,
                        end: v.toks[h].end,
                        approximate,
                        location: None,
                        rule: "partitive",
                        borrowed_from: None,
                        one_singular: false,
                    });
                }
                continue;
            }
            if let Some(h) = v.head(after, singular) {
                let location = v.location(h + 1).map(|(l, _)| l);
                found.push(Found {
                    value: n.value,
                    noun: v.toks[h].text(v.text).to_string(),
                    start: n.range.start,
                    end: v.toks[h].end,
                    approximate,
                    location,
                    rule: "number-noun",
                    borrowed_from: None,
                    one_singular: is_one_word && v.role(h) & word_role::PERSON == 0,
                });
                continue;
            }
            // elliptical: the number stands alone ("one in Malaysia", "injured more than 260")
            let alone = v
                .toks
                .get(after)
                .is_none_or(|t| t.kind == TokKind::Punct || t.gap == Gap::Newline)
                || v.role(after) & word_role::ELLIPSIS != 0;
            let determiner_before = n.toks.start > 0 && v.word_is(n.toks.start - 1, "the");
            if !alone || v.word_is(after, "of") || determiner_before {
                continue;
            }
            let location = v.location(after);
            let phrase_end = location.as_ref().map_or(end, |(_, j)| v.toks[j - 1].end);
            let location = location.map(|(l, _)| l);
            let prev_word = n.toks.start.checked_sub(1).and_then(|k| {
                // skip an approximation cue: "injured more than 260"
                (0..=k)
                    .rev()
                    .take(4)
                    .find(|&j| v.role(j) & word_role::PEOPLE != 0)
            });
            let mut one_singular = false;
            let adjacent = found.last().is_some_and(|f| {
                let from = v.toks.partition_point(|t| t.end <= f.end);
                n.toks.start.saturating_sub(from) <= 8
                    && (from..n.toks.start).all(|k| v.role(k) & word_role::RELATIVE == 0)
            });
            let parent = n.toks.start >= 2
                && v.word_is(n.toks.start - 1, "of")
                && v.role(n.toks.start - 2) & word_role::PARENT != 0;
            let (noun, rule) = if parent {
                ("children".to_string(), "parent-of")
            } else if let Some(f) = found.last().filter(|_| adjacent) {
                one_singular = f.one_singular;
                (f.noun.clone(), "list-ellipsis")
            } else if prev_word.is_some() {
                ("people".to_string(), "people-verb")
            } else if let Some(noun) = toll_noun(v, n.toks.start) {
                (noun, "toll")
            } else if after >= v.toks.len() || v.punct(after, '.') {
                // a count earlier in this sentence lends its noun to a closing figure
                // ("50,000 people marched ... organisers put the figure at 100,000"); one
                // from an earlier sentence only to a smaller part ("each choose one")
                let prior = found.last().map(|f| (f.value, &f.noun, true)).or_else(|| {
                    earlier[paragraph_start..]
                        .last()
                        .map(|c| (c.value.get(), &c.noun, false))
                });
                match prior {
                    Some((value, noun, same)) if same || value > n.value => {
                        (noun.clone(), "sentence-end-ellipsis")
                    }
                    _ => continue,
                }
            } else {
                continue;
            };
            found.push(Found {
                value: n.value,
                noun,
                start: n.range.start,
                end: phrase_end,
                approximate,
                location,
                rule,
                borrowed_from: None,
                one_singular,
            });
        }
        found
    }
}

/// The noun of the latest count in this sentence, or else in this paragraph.
fn last_noun(found: &[Found], earlier: &[Count], paragraph_start: usize) -> Option<String> {
    found.last().map(|f| f.noun.clone()).or_else(|| {
        earlier
            .get(paragraph_start..)?
            .last()
            .map(|c| c.noun.clone())
    })
}

/// The noun a bare number counts from a "toll" or "number of X" earlier in the sentence:
/// "the death toll rose to 267" (deaths), "the number of injured stands at 387" (injured).
fn toll_noun(v: &View, before: usize) -> Option<String> {
    for k in (before.saturating_sub(40)..before).rev() {
        if v.word_is(k, "number") && v.word_is(k + 1, "of") {
            let h = v.head(k + 2, false)?;
            return Some(v.toks[h].text(v.text).to_string());
        }
        if v.role(k) & word_role::TOLL != 0 {
            let noun = match v.word(k.checked_sub(1)?)?.to_ascii_lowercase().as_str() {
                "death" => "deaths".to_string(),
                "casualty" => "casualties".to_string(),
                _ => return None,
            };
            return Some(noun);
        }
    }
    None
}

/// Link a count introduced by "including", "of which" or "among them" to the larger count
/// before it in the same sentence: "34 entities, including 11 institutes".
fn link_included(doc: &Document, tables: &Tables, counts: &mut [Count], group_start: usize) {
    for j in group_start + 1..counts.len() {
        let (a, b) = (&counts[j - 1], &counts[j]);
        if b.part_of.is_some() || a.value.get() <= b.value.get() {
            continue;
        }
        let gap = doc.to_norm(a.span).end..doc.to_norm(b.span).start;
        let between = doc.norm().get(gap).unwrap_or_default();
        if between.len() <= 40 && tables.cue_before(between, Role::PartBefore) {
            counts[j].part_of = Some(j - 1);
        }
    }
}

/// Link the counts of one sentence (from `group_start`) that break down a larger earlier
/// total with the same noun: "34 entities ... three in Georgia, one in Malaysia and two in
/// Turkey" sets `part_of` of the three parts to the 34.
fn link_parts(counts: &mut [Count], stems: &mut Vec<String>, group_start: usize) {
    // the singular, lowercase noun of every count, computed once per count
    for c in &counts[stems.len().min(counts.len())..] {
        let l = c.noun.to_lowercase();
        stems.push(
            l.strip_suffix("ies")
                .map(|b| format!("{b}y"))
                .or_else(|| l.strip_suffix('s').map(str::to_string))
                .unwrap_or(l),
        );
    }
    let mut i = group_start;
    while i < counts.len() {
        let noun = &stems[i];
        let members: Vec<usize> = (i..counts.len()).filter(|&j| stems[j] == *noun).collect();
        let sum: f64 = members.iter().map(|&j| counts[j].value.get()).sum();
        let total = (0..group_start).rev().find(|&t| {
            stems[t] == *noun && counts[t].value.get() >= sum && counts[t].part_of.is_none()
        });
        let listed = members.len() >= 2 || counts[i].rule == "partitive-pronoun";
        if let (Some(t), true) = (total, listed) {
            for &j in &members {
                if counts[t].value.get() > counts[j].value.get() {
                    counts[j].part_of = Some(t);
                }
            }
        }
        i = members.last().map_or(i, |&l| l.max(i)) + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// `(value, noun, approximate)` of every count in `text`.
    fn counts(text: &str) -> Vec<(f64, String, bool)> {
        Extractor::new()
            .extract(text)
            .counts
            .into_iter()
            .map(|c| (c.value.get(), c.noun, c.approximate))
            .collect()
    }

    fn one(value: f64, noun: &str) -> (f64, String, bool) {
        (value, noun.to_string(), false)
    }

    #[test]
    fn number_before_its_noun_with_modifiers() {
        assert_eq!(
            counts("It sanctioned eight different Chinese technology companies on Friday."),
            vec![one(8.0, "companies")]
        );
        assert_eq!(
            counts("The poll surveyed 1,031 randomly-selected registered adult voters."),
            vec![one(1031.0, "voters")]
        );
        assert_eq!(
            counts("Officials said 11 people died."),
            vec![one(11.0, "people")]
        );
        assert_eq!(counts("Two families fled."), vec![one(2.0, "families")]);
        assert_eq!(counts("The bill got 51 votes."), vec![one(51.0, "votes")]);
    }

    #[test]
    fn non_count_numbers_make_no_count() {
        for text in [
            "Prices rose 2 percent in 2022.",
            "They walked 5 miles on Monday.",
            "The panel approved it on a 3-1 vote.",
            "Updated 2:17 p.m.",
            "He paid $25 million for 3 years of work.",
            "A 35-year-old man was held.",
            "It was the first time in two decades.",
            "The G20 met at 10 Downing Street.",
            "A seven-member panel will rule.",
            "Dozens of children were hurt.",
            "Six out of every 10 planes were late.",
        ] {
            assert_eq!(counts(text), vec![], "{text}");
        }
    }

    #[test]
    fn approximate_counts() {
        assert_eq!(
            counts("It added more than 7,000 species."),
            vec![(7000.0, "species".to_string(), true)]
        );
        assert_eq!(
            counts("Some 55,000 pages were released."),
            vec![(55000.0, "pages".to_string(), true)]
        );
        assert_eq!(
            counts("There were two or three permanent guards."),
            vec![(2.0, "guards".to_string(), true)]
        );
        assert_eq!(
            counts("At least a dozen members came."),
            vec![(12.0, "members".to_string(), true)]
        );
    }

    #[test]
    fn elliptical_list_borrows_the_noun_with_locations() {
        let article = Extractor::new().extract(
            "It added 34 entities. Commerce imposed restrictions on three entities in Georgia, one in Malaysia and two in Turkey.",
        );
        let got: Vec<_> = article
            .counts
            .iter()
            .map(|c| {
                (
                    c.value.get(),
                    c.noun.as_str(),
                    c.location.as_deref(),
                    c.part_of,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (34.0, "entities", None, None),
                (3.0, "entities", Some("Georgia"), Some(0)),
                (1.0, "entities", Some("Malaysia"), Some(0)),
                (2.0, "entities", Some("Turkey"), Some(0)),
            ]
        );
    }

    #[test]
    fn partitive_counts() {
        assert_eq!(
            counts("It hurt two of the world's biggest iron ore suppliers."),
            vec![one(2.0, "suppliers")]
        );
        let article = Extractor::new().extract("Police held 40 people. They released 34 of them.");
        let last = article.counts.last().expect("a count");
        assert_eq!(
            (last.value.get(), last.noun.as_str(), last.part_of),
            (34.0, "people", Some(0))
        );
        // "one of the" picks out one thing; it does not count
        assert_eq!(counts("It was one of his rallies."), vec![]);
    }

    #[test]
    fn including_links_a_part_to_its_total() {
        let article = Extractor::new().extract("It added 34 entities, including 11 institutes.");
        let parts: Vec<_> = article.counts.iter().map(|c| c.part_of).collect();
        assert_eq!(parts, vec![None, Some(0)]);
        // two unrelated counts stay unlinked
        let article = Extractor::new().extract("It added 34 entities and 11 institutes.");
        assert!(article.counts.iter().all(|c| c.part_of.is_none()));
    }

    #[test]
    fn dotted_abbreviations_plus_and_totals_in_partitives() {
        assert_eq!(
            counts("Some 10,000 U.S. troops stayed."),
            vec![(10000.0, "troops".to_string(), true)]
        );
        assert_eq!(
            counts("He won 200-plus delegates."),
            vec![(200.0, "delegates".to_string(), true)]
        );
        assert_eq!(
            counts("In the end 11 of 12 jurors agreed."),
            vec![one(11.0, "jurors"), one(12.0, "jurors")]
        );
        // a dotted abbreviation that ends the sentence is no noun
        assert_eq!(counts("He has lived 30 years in the U.S."), vec![]);
    }

    #[test]
    fn a_parent_of_three_counts_children() {
        assert_eq!(
            counts("Gasparri, a mother of three who lived nearby, spoke."),
            vec![one(3.0, "children")]
        );
        // "one of three" is not about children
        assert_eq!(counts("It was one of three."), vec![]);
    }

    #[test]
    fn nationality_heads_when_nothing_follows() {
        assert_eq!(
            counts("It affects 1.3 billion Chinese, officials said."),
            vec![one(1.3e9, "Chinese")]
        );
        assert_eq!(
            counts("It hit 34 Chinese entities."),
            vec![one(34.0, "entities")]
        );
    }

    #[test]
    fn abbreviated_millions_before_a_noun() {
        assert_eq!(
            counts("The bank employs 1.5m people."),
            vec![one(1_500_000.0, "people")]
        );
        assert_eq!(counts("They built a 5m wall."), vec![]);
    }

    #[test]
    fn bare_numbers_after_casualty_verbs_count_people() {
        assert_eq!(
            counts("The attack killed three people and injured more than 260."),
            vec![one(3.0, "people"), (260.0, "people".to_string(), true)]
        );
    }

    #[test]
    fn one_before_a_singular_noun_counts_only_beside_other_counts() {
        assert_eq!(
            counts("He faces one criminal count of conspiracy and three counts of obstruction."),
            vec![one(1.0, "count"), one(3.0, "counts")]
        );
        assert_eq!(counts("One tweet read: hello."), vec![]);
    }

    #[test]
    fn counts_carry_sentence_span_and_rule() {
        let text = "Title of the story\n\nThe Commerce Department said it was adding 34 Chinese entities to its list.";
        let article = Extractor::new().extract(text);
        let c = &article.counts[0];
        assert_eq!(&text[c.span.range()], "34 Chinese entities");
        assert_eq!(c.text, "34 Chinese entities");
        assert!(article.sentences[c.sentence].text.contains("34"));
        assert_eq!(c.rule, "number-noun");
    }
}
