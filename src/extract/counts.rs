//! Count records: a cardinal number that counts a countable noun ("34 Chinese entities",
//! "eleven related research institutes", "two of the world's biggest suppliers"), with
//! elliptical counts that borrow their noun ("three entities in Georgia, one in Malaysia"),
//! approximate counts ("more than 260"), locations, and links from parts to a total.
//!
//! Numbers come from the [`NumberScanner`]; only plain cardinals can count (years, money,
//! ages, measures, scores, names... are other kinds). The noun is found by walking the words
//! after the number: modifiers, then the first plural noun.

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

    /// The end of the hyphenated compound starting at word `k` ("medium-distance").
    fn compound_end(&self, k: usize) -> usize {
        let mut e = k + 1;
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
            link_parts(&mut counts, group_start);
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
            {
                continue;
            }
            let mut approximate = v.tables.cue_before(before, Role::ApproxBefore);
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
                let determiner = v.role(det) & word_role::DETERMINER != 0;
                if !determiner || (singular && !approximate) {
                    continue;
                }
                if let Some(h) = v.head(det + 1, false) {
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
                    one_singular: is_one_word,
                });
                continue;
            }
            // elliptical: the number stands alone ("one in Malaysia", "injured more than 260")
            let alone = v
                .toks
                .get(after)
                .map_or(true, |t| t.kind == TokKind::Punct || t.gap == Gap::Newline)
                || v.role(after) & word_role::ELLIPSIS != 0;
            if !alone || v.word_is(after, "of") {
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
            let (noun, rule) = if let Some(f) = found.last().filter(|_| adjacent) {
                one_singular = f.one_singular;
                (f.noun.clone(), "list-ellipsis")
            } else if prev_word.is_some() {
                ("people".to_string(), "people-verb")
            } else if let Some(noun) = toll_noun(v, n.toks.start) {
                (noun, "toll")
            } else if after >= v.toks.len() || v.punct(after, '.') {
                let prior = found.last().map(|f| (f.value, &f.noun)).or_else(|| {
                    earlier[paragraph_start..]
                        .last()
                        .map(|c| (c.value.get(), &c.noun))
                });
                match prior {
                    Some((value, noun)) if value > n.value => {
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
    for k in (0..before).rev() {
        if v.word_is(k, "number") && v.word_is(k + 1, "of") {
            let w = v.word(k + 2)?;
            return Some(w.to_string());
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

/// Link the counts of one sentence (from `group_start`) that break down a larger earlier
/// total with the same noun: "34 entities ... three in Georgia, one in Malaysia and two in
/// Turkey" sets `part_of` of the three parts to the 34.
fn link_parts(counts: &mut [Count], group_start: usize) {
    let stem = |s: &str| {
        let l = s.to_lowercase();
        l.strip_suffix("ies")
            .map(|b| format!("{b}y"))
            .or_else(|| l.strip_suffix('s').map(str::to_string))
            .unwrap_or(l)
    };
    let mut i = group_start;
    while i < counts.len() {
        let noun = stem(&counts[i].noun);
        let members: Vec<usize> = (i..counts.len())
            .filter(|&j| stem(&counts[j].noun) == noun)
            .collect();
        let sum: f64 = members.iter().map(|&j| counts[j].value.get()).sum();
        let total = (0..group_start).rev().find(|&t| {
            stem(&counts[t].noun) == noun
                && counts[t].value.get() >= sum
                && counts[t].part_of.is_none()
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
