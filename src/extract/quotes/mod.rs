//! Quote records: quotations that report speech or writing, with their speakers.
//!
//! Three steps: [`marks`] finds quotation spans in one pass over the quote marks, [`attribution`]
//! runs the sieves that find the speaker mention and speech verb, and [`Resolver`] turns the
//! mention into a full name (and official/agency ids) through the [`Entities`] index. Scare
//! quotes, titles of works and nicknames are dropped.

mod attribution;
mod marks;
mod words;

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Article, Quote, Speaker};
use crate::resolve::{Entities, EntityMention, EntityRef};
use attribution::{Attribution, Np, NpKind, Sieves};
use marks::{find_quotes, Facing, QuoteSpan};
use std::collections::HashSet;
use std::ops::Range;
use words::Words;

/// Finds Quote records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct QuoteExtractor {
    words: Words,
    elisions: HashSet<String>,
}

/// Quotes of this many words or fewer need a speaker in their own sentence to count.
const SHORT_QUOTE_WORDS: usize = 3;

impl QuoteExtractor {
    pub(crate) fn new(lexicon: &Lexicon) -> QuoteExtractor {
        let words = Words::new(lexicon);
        let elisions = words.elisions();
        QuoteExtractor { words, elisions }
    }

    /// The Quote records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, doc: &Document, article: &Article) -> Vec<Quote> {
        let paragraphs: Vec<Range<usize>> =
            doc.paragraphs().iter().map(|p| doc.to_norm(*p)).collect();
        let hint = |pos: usize| curly_facing(doc, pos);
        let spans = find_quotes(doc.norm(), &paragraphs, &hint, &self.elisions);
        if spans.is_empty() {
            return Vec::new();
        }
        let sieves = Sieves::new(doc, &self.words, &spans);
        let attributions = sieves.run();
        let mut resolver = Resolver::new(doc, article, &self.words);
        let mut speakers: Vec<Option<Speaker>> = Vec::with_capacity(spans.len());
        let mut out = Vec::new();
        // record index of each span, for `continues`
        let mut record_of: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        for (qi, (q, a)) in spans.iter().zip(&attributions).enumerate() {
            let speaker = match (&a.np, a.continues) {
                (Some(np), _) => Some(resolver.resolve(np)),
                (None, Some(prev)) => speakers.get(prev).cloned().flatten(),
                _ => None,
            };
            speakers.push(speaker.clone());
            if !self.is_speech(doc.norm(), q, a, speaker.is_some()) {
                record_of.push(None);
                continue;
            }
            let prev = qi.checked_sub(1);
            let same_mention = prev.is_some_and(|p| {
                a.np.is_some() && attributions.get(p).is_some_and(|pa| pa.np == a.np)
            });
            let continues = a
                .continues
                .or(if same_mention { prev } else { None })
                .and_then(|p| record_of.get(p).copied().flatten());
            record_of.push(Some(out.len()));
            out.push(Quote {
                text: doc.orig_text(q.inner.clone()).to_string(),
                span: doc.to_orig(q.inner.clone()),
                sentence: doc.sentence_at_norm(q.inner.start).unwrap_or(0),
                speaker,
                cue: a.cue.clone(),
                rule: a.rule.to_string(),
                partial: a.partial,
                continues,
            });
        }
        out
    }

    /// False for scare quotes, titles of works, nicknames and mentioned words.
    fn is_speech(&self, norm: &str, q: &QuoteSpan, a: &Attribution, has_speaker: bool) -> bool {
        let content = &norm[q.inner.clone()];
        let n_words = content.split_whitespace().count();
        let title_case = is_title_case(content);
        if let Some(before) = &a.word_before {
            if self.words.is("mention", before) {
                return false;
            }
            if self.words.is("work", before) && title_case {
                return false;
            }
        }
        if a.inside_name && n_words <= SHORT_QUOTE_WORDS {
            return false;
        }
        if !has_speaker && n_words <= SHORT_QUOTE_WORDS {
            return false;
        }
        if !has_speaker && !a.starts_sentence && title_case {
            return false;
        }
        true
    }
}

/// True when every word of four letters or more starts with a capital ("Saturday Night Live").
fn is_title_case(s: &str) -> bool {
    let mut long = 0;
    for w in s.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 {
            long += 1;
            if !w
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
            {
                return false;
            }
        }
    }
    long > 0
}

/// The facing of the curly original of the mark at normalized offset `pos`, if it has one.
fn curly_facing(doc: &Document, pos: usize) -> Option<Facing> {
    let span = doc.to_orig(pos..pos + 1);
    match span.slice(doc.text()).chars().next()? {
        '\u{201C}' | '\u{201E}' | '\u{2018}' | '\u{00AB}' => Some(Facing::Open),
        '\u{201D}' | '\u{00BB}' => Some(Facing::Close),
        _ => None,
    }
}

/// A resolved speaker remembered for later pronouns and surnames.
#[derive(Debug, Clone)]
struct Known {
    pos: usize,
    speaker: Speaker,
    person: bool,
}

/// Turns speaker mentions into full names and record ids.
struct Resolver<'a> {
    doc: &'a Document<'a>,
    article: &'a Article,
    words: &'a Words,
    entities: Entities,
    known: Vec<Known>,
}

/// Descriptions whose head names a public body ("the department said").
const BODY_HEADS: [&str; 16] = [
    "department",
    "agency",
    "ministry",
    "administration",
    "commission",
    "committee",
    "office",
    "bureau",
    "government",
    "court",
    "board",
    "council",
    "service",
    "senate",
    "house",
    "campaign",
];

impl<'a> Resolver<'a> {
    fn new(doc: &'a Document<'a>, article: &'a Article, words: &'a Words) -> Resolver<'a> {
        Resolver {
            doc,
            article,
            words,
            entities: Entities::new(doc, article),
            known: Vec::new(),
        }
    }

    fn norm(&self) -> &'a str {
        self.doc.norm()
    }

    /// The speaker record for mention `np`.
    fn resolve(&mut self, np: &Np) -> Speaker {
        let text = self.doc.orig_text(np.range.clone()).to_string();
        let span = self.doc.to_orig(np.range.clone());
        let plain = |name: String| Speaker {
            name,
            official: None,
            agency: None,
            text: text.clone(),
            span,
        };
        let mut person = false;
        let speaker = match np.kind {
            NpKind::Name => {
                if let Some(e) = self.entity_in(&np.range) {
                    person = !matches!(e, EntityRef::Agency(_));
                    self.entity_record(e, &text, span)
                } else {
                    let (name, is_person) = self.name_of(np);
                    person = is_person;
                    plain(name)
                }
            }
            NpKind::Pronoun => {
                let lower = text.to_lowercase();
                if self.words.is("person", &lower) && lower != "i" {
                    person = true;
                    match self.person_before(np.range.start) {
                        Some(s) => Speaker {
                            text: text.clone(),
                            span,
                            ..s
                        },
                        None => plain(text.clone()),
                    }
                } else if self.words.is("thing", &lower) {
                    match self.body_before(np.range.start, None) {
                        Some(s) => Speaker {
                            text: text.clone(),
                            span,
                            ..s
                        },
                        None => plain(text.clone()),
                    }
                } else {
                    plain(text.clone())
                }
            }
            NpKind::Desc => self.describe(np, &text, span),
        };
        self.known.push(Known {
            pos: np.range.start,
            speaker: speaker.clone(),
            person,
        });
        speaker
    }

    /// The entity whose mention overlaps `range`.
    fn entity_in(&self, range: &Range<usize>) -> Option<EntityRef> {
        let ms = self.entities.mentions();
        let from = ms.partition_point(|m| m.norm.end <= range.start);
        ms[from..]
            .iter()
            .take_while(|m| m.norm.start < range.end)
            .find(|m| m.norm.end > range.start)
            .map(|m| m.entity)
    }

    /// A speaker record for entity `e`, mentioned as `text` at `span`.
    fn entity_record(&self, e: EntityRef, text: &str, span: crate::span::Span) -> Speaker {
        let article = self.article;
        let (official, agency) = match e {
            EntityRef::Official(i) => (article.officials.get(i).map(|o| o.id.clone()), None),
            EntityRef::Agency(i) => (None, article.agencies.get(i).map(|a| a.id.clone())),
            EntityRef::Person(i) => (
                self.entities
                    .people
                    .get(i)
                    .and_then(|p| p.official)
                    .and_then(|o| article.officials.get(o))
                    .map(|o| o.id.clone()),
                None,
            ),
        };
        Speaker {
            name: self.entities.name(article, e).to_string(),
            official,
            agency,
            text: text.to_string(),
            span,
        }
    }

    /// Full name of a capitalised mention with no entity: titles dropped, a lone surname
    /// completed from an earlier full name. Also says whether it names a person.
    fn name_of(&self, np: &Np) -> (String, bool) {
        let words = self.words;
        let text = &self.norm()[np.range.clone()];
        let toks: Vec<&str> = text.split_whitespace().collect();
        if toks
            .iter()
            .any(|t| words.is("org", t.trim_end_matches("'s")))
        {
            return (text.trim_start_matches("the ").to_string(), false);
        }
        let core: Vec<&str> = match toks.iter().rposition(|t| self.title_word(t)) {
            Some(p) if p + 1 < toks.len() => toks[p + 1..].to_vec(),
            _ => toks.clone(),
        };
        if core.len() == 1 {
            if let Some(full) = self.full_name(core[0], np.range.start) {
                return (full, true);
            }
        }
        (core.join(" "), true)
    }

    /// True for a title word or an abbreviated title ("Sen.", "Secretary").
    fn title_word(&self, t: &str) -> bool {
        self.words.is("title", t) || t.ends_with('.') && t.len() <= 5 && t.chars().count() > 2
    }

    /// The nearest earlier full name ending in `surname`: an entity, a speaker already
    /// resolved, or a capitalised name in the text before `pos`.
    fn full_name(&self, surname: &str, pos: usize) -> Option<String> {
        let ends = |name: &str| {
            name.len() > surname.len()
                && name.ends_with(surname)
                && name[..name.len() - surname.len()].ends_with(' ')
        };
        let ent = self.entities.last_before(pos, |m| {
            !matches!(m.entity, EntityRef::Agency(_))
                && ends(self.entities.name(self.article, m.entity))
        });
        if let Some(m) = ent {
            return Some(self.entities.name(self.article, m.entity).to_string());
        }
        if let Some(k) = self
            .known
            .iter()
            .rev()
            .find(|k| k.person && ends(&k.speaker.name))
        {
            return Some(k.speaker.name.clone());
        }
        let norm = self.norm();
        let mut upto = pos.min(norm.len());
        for _ in 0..50 {
            let at = norm[..upto].rfind(surname)?;
            upto = at;
            let after = norm[at + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let before: Vec<&str> = norm[floor_char(norm, at.saturating_sub(60))..at]
                .split(|c: char| c.is_whitespace())
                .collect();
            if before.last() != Some(&"") {
                continue;
            }
            let mut parts: Vec<&str> = Vec::new();
            for w in before.iter().rev().skip(1) {
                let clean = w.trim_end_matches(',');
                if clean.len() != w.len()
                    || !w.starts_with(char::is_uppercase)
                    || self.title_word(w)
                    || self.words.is("lead", w)
                    || self.words.is("org", w)
                    || parts.len() >= 2
                {
                    break;
                }
                parts.push(w);
            }
            if !parts.is_empty() {
                parts.reverse();
                parts.push(surname);
                return Some(parts.join(" "));
            }
        }
        None
    }

    /// The person a pronoun at `pos` most likely refers to.
    fn person_before(&self, pos: usize) -> Option<Speaker> {
        let ent = self
            .entities
            .last_before(pos, |m| !matches!(m.entity, EntityRef::Agency(_)));
        let known = self.known.iter().rev().find(|k| k.person && k.pos < pos);
        match (ent, known) {
            (Some(m), Some(k)) if k.pos > m.norm.start => Some(k.speaker.clone()),
            (Some(m), _) => Some(self.entity_speaker(m)),
            (None, Some(k)) => Some(k.speaker.clone()),
            (None, None) => self.name_in_text_before(pos),
        }
    }

    /// The nearest earlier capitalised name of two or more words in the three sentences before
    /// `pos`.
    fn name_in_text_before(&self, pos: usize) -> Option<Speaker> {
        let doc = self.doc;
        let s = doc.sentence_at_norm(pos)?;
        let from = doc.sentences()[s.saturating_sub(3)].norm.start;
        let norm = self.norm();
        let region = &norm[from..pos.min(norm.len())];
        let mut best: Option<Range<usize>> = None;
        let mut run: Option<(usize, usize, usize)> = None; // start, end, words
        let mut offset = 0;
        for w in region.split(' ') {
            let start = from + offset;
            offset += w.len() + 1;
            let clean = w.trim_end_matches([',', '.', ';', ':', ')']);
            let name_word = clean.starts_with(char::is_uppercase)
                && !self.words.is("lead", clean)
                && !self.words.is("org", clean)
                && !self.words.is("time", clean)
                && !self.title_word(clean)
                && clean
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.');
            if name_word {
                run = Some(match run {
                    Some((s0, _, n)) => (s0, start + clean.len(), n + 1),
                    None => (start, start + clean.len(), 1),
                });
                if clean.len() != w.len() {
                    if let Some((s0, e0, n)) = run.take() {
                        if n >= 2 {
                            best = Some(s0..e0);
                        }
                    }
                }
            } else if let Some((s0, e0, n)) = run.take() {
                if n >= 2 {
                    best = Some(s0..e0);
                }
            }
        }
        if let Some((s0, e0, n)) = run {
            if n >= 2 {
                best = Some(s0..e0);
            }
        }
        let r = best?;
        Some(Speaker {
            name: norm[r.clone()].to_string(),
            official: None,
            agency: None,
            text: doc.orig_text(r.clone()).to_string(),
            span: doc.to_orig(r),
        })
    }

    /// The body a pronoun or description at `pos` refers to; `head` narrows the name.
    fn body_before(&self, pos: usize, head: Option<&str>) -> Option<Speaker> {
        let fits = |name: &str| head.map_or(true, |h| name.to_lowercase().contains(h));
        if let Some(m) = self.entities.last_before(pos, |m| {
            matches!(m.entity, EntityRef::Agency(_))
                && fits(self.entities.name(self.article, m.entity))
        }) {
            return Some(self.entity_speaker(m));
        }
        self.known
            .iter()
            .rev()
            .find(|k| !k.person && k.pos < pos && fits(&k.speaker.name) && k.speaker.name != "it")
            .map(|k| k.speaker.clone())
    }

    /// The speaker record of an entity mention (text and span of that mention).
    fn entity_speaker(&self, m: &EntityMention) -> Speaker {
        let text = self.doc.text()[m.span.range()].to_string();
        self.entity_record(m.entity, &text, m.span)
    }

    /// An unnamed speaker: "the department" resolves to the body, "the senator" to the
    /// official with that title; other descriptions stand as written.
    fn describe(&self, np: &Np, text: &str, span: crate::span::Span) -> Speaker {
        let lower = self.norm()[np.range.clone()].to_lowercase();
        let mut ws = lower.split_whitespace();
        let det = ws.next().unwrap_or("");
        let head = lower.split_whitespace().last().unwrap_or("");
        let definite = matches!(det, "the" | "this");
        let n_words = lower.split_whitespace().count();
        if definite && n_words <= 3 {
            if BODY_HEADS.contains(&head) {
                let narrow = (!matches!(head, "administration" | "government")).then_some(head);
                if let Some(s) = self.body_before(np.range.start, narrow) {
                    return Speaker {
                        text: text.to_string(),
                        span,
                        ..s
                    };
                }
            } else if let Some(m) = self.entities.last_before(np.range.start, |m| {
                matches!(m.entity, EntityRef::Official(i) if self.article.officials.get(i)
                    .and_then(|o| o.title.as_deref())
                    .is_some_and(|t| title_matches(t, head)))
            }) {
                return Speaker {
                    text: text.to_string(),
                    span,
                    ..self.entity_speaker(m)
                };
            }
        }
        Speaker {
            name: text.to_string(),
            official: None,
            agency: None,
            text: text.to_string(),
            span,
        }
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when the title "Sen." or "Commerce Secretary" fits the noun "senator" / "secretary".
fn title_matches(title: &str, head: &str) -> bool {
    let t = title.to_lowercase();
    t.split_whitespace().any(|w| {
        let w = w.trim_end_matches('.');
        w == head || (w.len() >= 3 && head.starts_with(w))
    })
}
