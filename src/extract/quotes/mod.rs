//! Quote records: quotations that report speech or writing, with their speakers.
//!
//! Three steps: [`marks`] finds quotation spans in one pass over the quote marks, [`attribution`]
//! runs the sieves that find the speaker mention and speech verb, and [`Resolver`] turns the
//! mention into a full name (and official/agency ids) through the [`Entities`] index. Scare
//! quotes, titles of works and nicknames are dropped.
//!
//! Rules (the `rule` field), tried in this order:
//! - `speaker-cue-after` / `cue-speaker-after`: `"...," Smith said` / `"...," said Smith`;
//!   `speaker-verb-after`: `"...?" Trump barked` (a quote ending in `,?!` hands over);
//! - `according-to`: `according to Smith`, before or after the quote;
//! - `colon-lead` / `speaker-cue-before` / `cue-speaker-before`: `Smith said: "..."`,
//!   `Smith said the plan was "a disaster"`, `said Smith: "..."`;
//! - `cue-later`: a speech verb with its subject later in the sentence;
//! - `colon-name`: `... pollster Daron Shaw: "..."` or the subject of the sentence a colon ends;
//! - `colon-before`: the sentence before ends with a colon (`Cruz continued:`);
//! - `continued`: a quote opening a sentence or paragraph right after a quote with a speaker;
//! - `sentence-before` / `sentence-after`: a speaker with a speech verb in the sentence
//!   before, or a short `X said.` sentence after; `dash-after`: a `- Clinton.` signature line;
//! - `none`: no speaker found.

mod attribution;
mod marks;
mod words;

use crate::document::Document;
use crate::extract::names::Gender;
use crate::lexicon::Lexicon;
use crate::normalize::lowercase_in;
use crate::record::{Article, Quote, Speaker};
use crate::resolve::{Entities, EntityMention, EntityRef};
use attribution::{Attribution, Np, NpKind, Sieves};
use marks::{find_quotes, Facing, QuoteSpan};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use words::{Kind, Words};

/// Finds Quote records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct QuoteExtractor {
    words: Words,
    elisions: FxHashSet<String>,
}

/// Quotes of this many words or fewer need a speaker in their own sentence to count.
const SHORT_QUOTE_WORDS: usize = 3;

impl QuoteExtractor {
    pub(crate) fn new(lexicon: &Lexicon) -> QuoteExtractor {
        let words = Words::new(lexicon);
        let elisions = words.elisions();
        QuoteExtractor { words, elisions }
    }

    /// The Quote records of `doc`, given the records of the earlier stages in `article` and
    /// the index of their mentions.
    pub(crate) fn extract(
        &self,
        doc: &Document,
        article: &Article,
        entities: &Entities,
    ) -> Vec<Quote> {
        let paragraphs: Vec<Range<usize>> =
            doc.paragraphs().iter().map(|p| doc.to_norm(*p)).collect();
        let hint = |pos: usize| curly_facing(doc, pos);
        let attribution = |r: Range<usize>| self.attribution_inside(doc.norm(), r);
        let spans = find_quotes(doc.norm(), &paragraphs, &hint, &self.elisions, &attribution);
        if spans.is_empty() {
            return Vec::new();
        }
        let sieves = Sieves::new(doc, &self.words, &spans);
        let attributions = sieves.run();
        let mut resolver = Resolver::new(doc, article, &self.words, entities, &spans);
        // The speaker of each span, as an index into the resolver's speakers: they are moved
        // into the records once all are resolved.
        let mut speakers: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        let mut out: Vec<Quote> = Vec::new();
        // the speaker of each record
        let mut record_speakers: Vec<Option<usize>> = Vec::new();
        // record index of each span, for `continues`
        let mut record_of: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        for (qi, (q, a)) in spans.iter().zip(&attributions).enumerate() {
            let speaker = match (&a.np, a.continues) {
                (Some(np), _) => Some(resolver.resolve(np)),
                (None, Some(prev)) => speakers.get(prev).copied().flatten(),
                _ => None,
            };
            speakers.push(speaker);
            if !self.is_speech(doc.norm(), q, a, speaker.is_some()) {
                record_of.push(None);
                continue;
            }
            record_speakers.push(speaker);
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
                speaker: None,
                cue: a.cue.map(str::to_string),
                rule: a.rule.to_string(),
                partial: a.partial,
                continues,
            });
        }
        give_speakers(&mut out, &record_speakers, resolver.into_speakers());
        out
    }

    /// Where an attribution (", said X", ", he said", ", the clerk added") starts inside
    /// `norm[range]`: the offset just past its comma. Used to close a quote whose closing mark
    /// is missing.
    fn attribution_inside(&self, norm: &str, range: Range<usize>) -> Option<usize> {
        let text = norm.get(range.clone())?;
        for (i, _) in text.match_indices(',') {
            let from = range.start + i + 1;
            let to = norm.floor_char_boundary((from + 60).min(range.end));
            let toks = words::tokenize(norm, from..to, &[], &self.words);
            for (k, t) in toks.iter().enumerate().take(5) {
                if t.kind != words::Tk::Word {
                    break;
                }
                let w = &norm[t.range()];
                if w.starts_with(char::is_lowercase) {
                    if let Some((_, n)) = self.words.cue_at(norm, &toks, k) {
                        // ", said X" or ", he said." - not ", we said we would"
                        let ends = toks
                            .get(k + n)
                            .is_none_or(|x| matches!(x.kind, words::Tk::Punct('.' | ',' | ';')));
                        if k == 0 || ends {
                            return Some(from);
                        }
                    }
                }
            }
        }
        None
    }

    /// False for scare quotes, titles of works, nicknames and mentioned words.
    fn is_speech(&self, norm: &str, q: &QuoteSpan, a: &Attribution, has_speaker: bool) -> bool {
        let content = &norm[q.inner.clone()];
        // Both tests walk the whole quotation: only run them where a rule needs them (most
        // quotes have a speaker and are not inside a name).
        let short = || content.split_whitespace().nth(SHORT_QUOTE_WORDS).is_none();
        if let Some(before) = a.word_before {
            let mut buf = [0u8; 64];
            let before = lowercase_in(before, &mut buf);
            if self.words.is(Kind::MENTION, &before) {
                return false;
            }
            if self.words.is(Kind::WORK, &before) && is_title_case(content) {
                return false;
            }
        }
        if a.inside_name && short() {
            return false;
        }
        if !has_speaker && short() {
            return false;
        }
        if !has_speaker && !a.starts_sentence && is_title_case(content) {
            return false;
        }
        true
    }
}

/// Put speaker `who[r]` (an index into `speakers`) into record `r`: moved into the last
/// record that has it, cloned into the earlier ones (a quote and its continuations).
fn give_speakers(out: &mut [Quote], who: &[Option<usize>], mut speakers: Vec<Option<Speaker>>) {
    // the record each speaker was moved into
    let mut moved_to: Vec<usize> = vec![0; speakers.len()];
    for r in (0..out.len()).rev() {
        let Some(k) = who.get(r).copied().flatten() else {
            continue;
        };
        let speaker = match speakers.get_mut(k).and_then(Option::take) {
            Some(s) => {
                moved_to[k] = r;
                Some(s)
            }
            None => out.get(moved_to[k]).and_then(|q| q.speaker.clone()),
        };
        out[r].speaker = speaker;
    }
}

/// Keep one record per direct attribution: drop partial quotes and the later pieces of a
/// broken quote, remapping `continues` of the quotes kept (to `None` when the quote it
/// pointed at is gone). Nothing else in an [`Article`] refers to quotes by index.
pub(crate) fn keep_attributions(quotes: &mut Vec<Quote>) {
    let mut new_index: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    let mut kept = 0;
    for q in quotes.iter() {
        let keep = !q.partial && q.continues.is_none();
        new_index.push(keep.then_some(kept));
        kept += usize::from(keep);
    }
    let mut i = 0;
    quotes.retain_mut(|q| {
        let keep = new_index[i].is_some();
        i += 1;
        q.continues = q
            .continues
            .and_then(|c| new_index.get(c).copied().flatten());
        keep
    });
}

/// The words of `text` (trimmed) joined by single spaces; borrowed when they already are.
fn single_spaced(text: &str) -> Cow<'_, str> {
    let spaced = !text.contains("  ") && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if spaced {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// The surname index of [`Resolver`]: for the last word of every full name among the person
/// and official mentions, the first such mention and whether two different names share it.
/// Built once, so that each lone surname quoted costs one lookup, not a pass over the
/// article. The name of that first mention comes along (it tells whether another shares it).
fn surnames<'a>(article: &'a Article, entities: &'a Entities) -> Surnames<'a> {
    let mut index = Surnames::default();
    for (i, m) in entities.mentions().iter().enumerate() {
        if matches!(m.entity, EntityRef::Agency(_)) {
            continue;
        }
        let name = entities.name(article, m.entity);
        // names are short: a plain scan beats the searcher's setup
        let Some(space) = name.bytes().rposition(|b| b == b' ') else {
            continue;
        };
        let entry = index.entry(&name[space + 1..]).or_insert((i, name, false));
        entry.2 |= entry.1 != name;
    }
    index
}

/// The surname index of [`Resolver`] (see [`surnames`]): surname -> (first mention, its
/// name, whether people of two different names share the surname).
type Surnames<'a> = FxHashMap<&'a str, (usize, &'a str, bool)>;

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
    /// False when the mention stayed unresolved (a bare pronoun or description).
    resolved: bool,
    /// Gender of the person, when the name index knows it.
    gender: Option<Gender>,
    /// Paragraph of the mention.
    paragraph: usize,
}

/// What a speaker mention resolved to. The rules only borrow; [`Resolver::resolve`] copies
/// the strings of the record it builds.
enum Found<'r> {
    /// The record behind an entity mention (its name and official or agency id).
    Entity(EntityRef),
    /// A speaker resolved before (its name and ids).
    Known(&'r Speaker),
    /// A name read from the mention's own words, with no record behind it.
    Named(Cow<'r, str>),
}

/// Turns speaker mentions into full names and record ids through the [`Entities`] index
/// (people, officials and agencies in text order), remembering the speakers already resolved.
struct Resolver<'a> {
    doc: &'a Document<'a>,
    article: &'a Article,
    words: &'a Words,
    entities: &'a Entities,
    known: Vec<Known>,
    /// Content ranges of the quotations, in order.
    quotes: Vec<Range<usize>>,
    /// For the last word of people's full names ("Clinton"): the index of the first mention
    /// of such a person, and whether people of two different names share it.
    /// Built on the first lone surname.
    surnames: OnceCell<Surnames<'a>>,
}

/// Descriptions whose head names a public body or organisation ("the department said").
const BODY_HEADS: [&str; 18] = [
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
    "company",
    "group",
];

impl<'a> Resolver<'a> {
    fn new(
        doc: &'a Document<'a>,
        article: &'a Article,
        words: &'a Words,
        entities: &'a Entities,
        spans: &[QuoteSpan],
    ) -> Resolver<'a> {
        Resolver {
            doc,
            article,
            words,
            entities,
            known: Vec::new(),
            quotes: spans.iter().map(|q| q.inner.clone()).collect(),
            surnames: OnceCell::new(),
        }
    }

    fn norm(&self) -> &'a str {
        self.doc.norm()
    }

    /// Resolve mention `np` into a speaker record, kept with the speakers resolved before;
    /// returns its index (see [`Resolver::into_speakers`]).
    fn resolve(&mut self, np: &Np) -> usize {
        let text = self.doc.orig_text(np.range.clone());
        let span = self.doc.to_orig(np.range.clone());
        let (found, person) = match np.kind {
            NpKind::Name => self.named(np),
            NpKind::Pronoun => self.pronoun(np, text),
            NpKind::Desc => self.describe(np),
        };
        let resolved = found.is_some();
        let (name, official, agency) = match found {
            Some(found) => self.parts(found),
            None => (text.to_string(), None, None),
        };
        let speaker = Speaker {
            name,
            official,
            agency,
            text: text.to_string(),
            span,
        };
        let gender = self
            .entities
            .person_named(&speaker.name)
            .and_then(|p| p.gender);
        let paragraph = self.paragraph(np.range.start);
        self.known.push(Known {
            pos: np.range.start,
            speaker,
            person,
            resolved,
            gender,
            paragraph,
        });
        self.known.len() - 1
    }

    /// The speakers resolved, by the index [`Resolver::resolve`] returned.
    fn into_speakers(self) -> Vec<Option<Speaker>> {
        self.known.into_iter().map(|k| Some(k.speaker)).collect()
    }

    /// Name, official id and agency id of what a mention resolved to.
    fn parts(&self, found: Found) -> (String, Option<String>, Option<String>) {
        match found {
            Found::Entity(e) => {
                let article = self.article;
                let (official, agency) = match e {
                    EntityRef::Official(i) => {
                        (article.officials.get(i).map(|o| o.id.clone()), None)
                    }
                    EntityRef::Agency(i) => (None, article.agencies.get(i).map(|a| a.id.clone())),
                    EntityRef::Person(_) => (
                        self.entities
                            .person_of(e)
                            .and_then(|p| p.official)
                            .and_then(|o| article.officials.get(o))
                            .map(|o| o.id.clone()),
                        None,
                    ),
                };
                (self.entities.name(article, e).to_string(), official, agency)
            }
            Found::Known(s) => (s.name.clone(), s.official.clone(), s.agency.clone()),
            Found::Named(name) => (name.into_owned(), None, None),
        }
    }

    /// A capitalised mention: the entity it names (the longest overlapping mention; a lone
    /// surname shared by several people goes to the one named first), else its words without
    /// titles. Also says whether it names a person.
    fn named(&self, np: &Np) -> (Option<Found<'_>>, bool) {
        let range = &np.range;
        let ms = self.entities.mentions();
        let from = ms.partition_point(|m| m.norm.end <= range.start);
        let hit = ms[from..]
            .iter()
            .take_while(|m| m.norm.start < range.end)
            .filter(|m| m.norm.end > range.start)
            .max_by_key(|m| {
                let overlap = m.norm.end.min(range.end) - m.norm.start.max(range.start);
                (overlap, std::cmp::Reverse(m.norm.start))
            });
        let (own, own_person) = self.name_of(np);
        let own_last = own.split_whitespace().last().unwrap_or("");
        if let Some(m) = hit {
            let person = !matches!(m.entity, EntityRef::Agency(_));
            let name = self.entities.name(self.article, m.entity);
            let own_first = own.split_whitespace().next().unwrap_or("");
            let fits = own.contains(name) || name.ends_with(own_last) && name.contains(own_first);
            if person && own.contains(' ') && !fits {
                // the index joined other words to the name ("Hillary Clinton Says Trump") or
                // took it for another person of that surname ("Bill Clinton")
                return (Some(Found::Named(own)), true);
            }
            if person && !own.contains(' ') {
                // a lone surname: the person of that name quoted first, else named first
                if let Some(k) = self.known.iter().find(|k| {
                    k.person
                        && k.resolved
                        && k.speaker.name.ends_with(own_last)
                        && k.speaker.name.contains(' ')
                }) {
                    return (Some(Found::Known(&k.speaker)), true);
                }
                if let Some(first) = self.first_with_surname(&own) {
                    return (Some(Found::Entity(first.entity)), true);
                }
            }
            return (Some(Found::Entity(m.entity)), person);
        }
        (Some(Found::Named(own)), own_person)
    }

    /// The first mention in the article of a person whose full name ends in `surname`, when
    /// more than one person has that surname ("Clinton" is the Clinton named first).
    fn first_with_surname(&self, surname: &str) -> Option<&'a EntityMention> {
        let index = self
            .surnames
            .get_or_init(|| surnames(self.article, self.entities));
        let (first, _, shared) = *index.get(surname)?;
        let mentions: &'a [EntityMention] = self.entities.mentions();
        mentions.get(first).filter(|_| shared)
    }

    /// A pronoun: "he"/"she" to the last person quoted nearby when the gender does not clash
    /// (news style: "she continued" follows her own quote), else to the closest person of that
    /// gender in the index; "it" to the closest body.
    fn pronoun(&self, np: &Np, text: &str) -> (Option<Found<'_>>, bool) {
        let mut buf = [0u8; 16];
        let lower = lowercase_in(text, &mut buf);
        let pos = np.range.start;
        let person = self.words.is(Kind::PERSON, &lower) && lower != "i";
        if !person && !self.words.is(Kind::THING, &lower) {
            return (None, false);
        }
        let want = match &*lower {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let para = self.paragraph(pos);
        if !person {
            let m = self.entities.pronoun_antecedent(pos, &lower);
            return (m.map(|m| Found::Entity(m.entity)), false);
        }
        // the nearest subject of the last three sentences: a person in the name index who
        // opens a sentence, or a speaker already quoted (speakers are subjects)
        let here = self.doc.sentence_at_norm(pos).unwrap_or(0);
        let subject = self.subject_antecedent(pos, want);
        let speaker = self.known.iter().rev().find(|k| {
            k.person
                && k.resolved
                && k.pos < pos
                && (want.is_none() || k.gender.is_none() || k.gender == want)
        });
        let speaker = speaker.filter(|k| {
            self.doc
                .sentence_at_norm(k.pos)
                .is_some_and(|s| s + 3 >= here)
        });
        match (subject, speaker) {
            (Some(m), Some(k)) if k.pos > m.norm.start => {
                return (Some(Found::Known(&k.speaker)), true)
            }
            (Some(m), _) => return (Some(self.mention_speaker(m)), true),
            (None, Some(k)) => return (Some(Found::Known(&k.speaker)), true),
            (None, None) => {}
        }
        // the closest person outside quotations whose gender fits
        let ent = self.entities.last_before(pos, |m| {
            !matches!(m.entity, EntityRef::Agency(_))
                && !self.in_quote(m.norm.start)
                && match (
                    want,
                    self.entities.person_of(m.entity).and_then(|p| p.gender),
                ) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        });
        let ent_para = ent.map(|m| self.paragraph(m.norm.start));
        if let Some(m) = ent.filter(|_| ent_para.is_some_and(|p| p + 1 >= para)) {
            return (Some(self.mention_speaker(m)), true);
        }
        let recent = self
            .known
            .iter()
            .rev()
            .take_while(|k| k.paragraph + 2 >= para)
            .find(|k| {
                k.person
                    && k.pos < pos
                    && k.resolved
                    && (want.is_none() || k.gender.is_none() || k.gender == want)
            })
            .map(|k| Found::Known(&k.speaker));
        if recent.is_some() {
            return (recent, true);
        }
        if let Some(m) = ent {
            return (Some(self.mention_speaker(m)), true);
        }
        // last resort: the last person quoted, however far back
        let last = self
            .known
            .iter()
            .rev()
            .find(|k| {
                k.person
                    && k.resolved
                    && k.pos < pos
                    && (want.is_none() || k.gender.is_none() || k.gender == want)
            })
            .map(|k| Found::Known(&k.speaker));
        (last, true)
    }

    /// The closest person of fitting gender who is the subject of one of the three sentences
    /// up to `pos`: the name opens its sentence, or follows an opening phrase and its comma
    /// ("Speaking in London on Monday, Gen Musharraf said ..."; then "... he added").
    fn subject_antecedent(&self, pos: usize, want: Option<Gender>) -> Option<&EntityMention> {
        let doc = self.doc;
        let norm = self.norm();
        let here = doc.sentence_at_norm(pos)?;
        let ms = self.entities.mentions();
        let upto = ms.partition_point(|m| m.norm.start < pos);
        for m in ms[..upto].iter().rev() {
            if m.sentence + 6 < here {
                return None;
            }
            if matches!(m.entity, EntityRef::Agency(_))
                || m.norm.end > pos
                || self.in_quote(m.norm.start)
            {
                continue;
            }
            let gender = self.entities.person_of(m.entity).and_then(|p| p.gender);
            if matches!((want, gender), (Some(a), Some(b)) if a != b) {
                continue;
            }
            let Some(s) = doc.sentences().get(m.sentence) else {
                continue;
            };
            let mut lead = norm
                .get(s.norm.start..m.norm.start)
                .unwrap_or("")
                .trim_end();
            // "Speaking in London, Gen Musharraf": titles before the name belong to it
            while let Some((rest, last)) = lead.rsplit_once(' ') {
                if !last.starts_with(char::is_uppercase) {
                    break;
                }
                lead = rest.trim_end();
            }
            // an opening phrase before the comma, not a clause with a subject of its own
            let phrase = lead.ends_with(',')
                && lead.split_whitespace().count() <= 8
                && !lead.split_whitespace().any(|w| {
                    let w = w.trim_end_matches(',').to_lowercase();
                    self.words.is(Kind::PERSON, &w) || self.words.is(Kind::PLURAL, &w)
                });
            let opens = phrase
                || !lead
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_lowercase) && !self.words.is(Kind::DET, w));
            if opens {
                return Some(m);
            }
        }
        None
    }

    /// True when the official behind mention `m` has a title that fits the noun `head`
    /// ("Sen." or "Senator" for "senator").
    fn title_fits(&self, m: &EntityMention, head: &str) -> bool {
        let EntityRef::Official(i) = m.entity else {
            return false;
        };
        let Some(title) = self
            .article
            .officials
            .get(i)
            .and_then(|o| o.title.as_deref())
        else {
            return false;
        };
        title.to_lowercase().split_whitespace().any(|w| {
            let w = w.trim_end_matches('.');
            w == head || (w.len() >= 3 && head.starts_with(w))
        })
    }

    /// The record of an entity mention, or the speaker already resolved at that
    /// mention ("Clinton said" resolved once stays resolved the same way).
    fn mention_speaker(&self, m: &EntityMention) -> Found<'_> {
        self.known
            .iter()
            .rev()
            .find(|k| k.resolved && m.norm.contains(&k.pos))
            .map_or(Found::Entity(m.entity), |k| Found::Known(&k.speaker))
    }

    /// True when normalized offset `pos` lies inside a quotation.
    fn in_quote(&self, pos: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= pos);
        self.quotes.get(i).is_some_and(|q| q.start <= pos)
    }

    /// The person who opens a sentence (no lowercase word before the name) earlier in the
    /// paragraph of `pos` or the one before: "New Jersey Gov. Chris Christie accused ...
    /// "...," the New Jersey governor said".
    fn paragraph_subject(&self, pos: usize) -> Option<&EntityMention> {
        let para = self.paragraph(pos);
        let doc = self.doc;
        let norm = self.norm();
        let ms = self.entities.mentions();
        let upto = ms.partition_point(|m| m.norm.start < pos);
        ms[..upto].iter().rev().find_map(|m| {
            if matches!(m.entity, EntityRef::Agency(_)) || m.norm.end > pos {
                return None;
            }
            let s = doc.sentences().get(m.sentence)?;
            if s.paragraph + 1 < para {
                return Some(None);
            }
            let lead = norm.get(s.norm.start..m.norm.start)?;
            let opens = !lead
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase) && !self.words.is(Kind::DET, w));
            opens.then_some(Some(m))
        })?
    }

    /// Paragraph index of normalized offset `pos`.
    fn paragraph(&self, pos: usize) -> usize {
        self.doc
            .sentence_at_norm(pos)
            .and_then(|s| self.doc.sentences().get(s))
            .map_or(0, |s| s.paragraph)
    }

    /// The person named right after an earlier use of `head` ("hosts Joe Scarborough" for
    /// "the host", "pollster Daron Shaw" for "the pollster").
    fn named_after_noun(&self, head: &str, pos: usize) -> Option<&EntityMention> {
        let norm = self.norm();
        let mut upto = pos.min(norm.len());
        for _ in 0..30 {
            let at = norm[..upto].rfind(head)?;
            upto = at;
            let before_ok = norm[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok {
                continue;
            }
            let rest = &norm[at + head.len()..];
            let skip = rest.len() - rest.trim_start_matches(|c: char| c.is_alphabetic()).len();
            if skip > 2 {
                continue; // "host" inside "hostile"; "hosts" and "hostess" pass
            }
            let name_at = at + head.len() + skip + 1;
            let ms = self.entities.mentions();
            let i = ms.partition_point(|m| m.norm.start < name_at);
            if let Some(m) = ms
                .get(i)
                .filter(|m| m.norm.start == name_at && !matches!(m.entity, EntityRef::Agency(_)))
            {
                return Some(m);
            }
        }
        None
    }

    /// Full name of a capitalised mention with no entity: titles dropped, a lone surname
    /// completed from a speaker already resolved. Also says whether it names a person.
    fn name_of(&self, np: &Np) -> (Cow<'_, str>, bool) {
        let words = self.words;
        let text = &self.norm()[np.range.clone()];
        if text
            .split_whitespace()
            .any(|t| words.is(Kind::ORG, t.trim_end_matches("'s")))
        {
            return (Cow::Borrowed(text.trim_start_matches("the ")), false);
        }
        // the words after the last title, unless it is the last word
        let after_title = text
            .split_whitespace()
            .rev()
            .find(|t| self.title_word(t))
            .map(|t| text[t.as_ptr() as usize - text.as_ptr() as usize + t.len()..].trim())
            .filter(|rest| !rest.is_empty());
        let core = after_title.unwrap_or_else(|| text.trim());
        if !core.is_empty() && !core.contains(char::is_whitespace) {
            let surname = core;
            let ends = |name: &str| {
                name.len() > surname.len()
                    && name.ends_with(surname)
                    && name[..name.len() - surname.len()].ends_with(' ')
            };
            if let Some(k) = self
                .known
                .iter()
                .find(|k| k.person && ends(&k.speaker.name))
            {
                return (Cow::Borrowed(&k.speaker.name), true);
            }
        }
        (single_spaced(core), true)
    }

    /// True for a title word or an abbreviated title ("Sen.", "Secretary").
    fn title_word(&self, t: &str) -> bool {
        self.words.is(Kind::TITLE, t) || t.ends_with('.') && t.len() <= 5 && t.chars().count() > 2
    }

    /// An unnamed speaker: a definite description ("the department", "the senator") resolves
    /// to the closest record whose name or title fits its head noun, else to the last body or
    /// person quoted; other descriptions stand as written.
    fn describe(&self, np: &Np) -> (Option<Found<'_>>, bool) {
        let lower = self.norm()[np.range.clone()].to_lowercase();
        let det = lower.split_whitespace().next().unwrap_or("");
        // the head is the last word before "of"/"for" ("the former secretary of state")
        let main = lower
            .split(" of ")
            .next()
            .and_then(|m| m.split(" for ").next())
            .unwrap_or(&lower);
        let head = main.split_whitespace().last().unwrap_or("");
        let body = BODY_HEADS.contains(&head);
        let definite = matches!(det, "the" | "this") && main.split_whitespace().count() <= 4;
        if !definite {
            return (None, !body);
        }
        let pos = np.range.start;
        if !body {
            // the subject of the paragraph when its title fits ("Cruz defends ... the senator")
            let para = self.paragraph(pos);
            let fits = |m: &&EntityMention| {
                self.title_fits(m, head)
                    || matches!(m.entity, EntityRef::Person(_))
                        && self.paragraph(m.norm.start) == para
            };
            if let Some(m) = self.paragraph_subject(pos).filter(fits) {
                return (Some(self.mention_speaker(m)), true);
            }
        }
        if let Some(m) = self.entities.description_antecedent(pos, &lower) {
            return (Some(Found::Entity(m.entity)), !body);
        }
        if !body && head.len() > 2 {
            if let Some(m) = self
                .named_after_noun(head, pos)
                .or_else(|| self.paragraph_subject(pos))
            {
                return (Some(Found::Entity(m.entity)), true);
            }
        }
        if body {
            // "the campaign said": the last body quoted
            let known = self
                .known
                .iter()
                .rev()
                .find(|k| !k.person && k.pos < pos && k.resolved)
                .map(|k| Found::Known(&k.speaker));
            if known.is_some() {
                return (known, false);
            }
        }
        let generic = matches!(head, "agency" | "administration" | "government");
        let m = if generic {
            self.entities.antecedent_body(pos)
        } else {
            None
        };
        (m.map(|m| Found::Entity(m.entity)), !body)
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Quote;
    use crate::{Extractor, QuoteUnits};

    fn quotes(text: &str) -> Vec<Quote> {
        Extractor::new().extract(text).quotes
    }

    /// (quote text, speaker name, rule) of each quote.
    fn triples(text: &str) -> Vec<(String, Option<String>, String)> {
        quotes(text)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name), q.rule))
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>, String) {
        let mut all = triples(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn speaker_then_verb_after_the_quote() {
        let (q, who, rule) = one("\"We will win,\" John Smith said on Monday.");
        assert_eq!(q, "We will win,");
        assert_eq!(who.as_deref(), Some("John Smith"));
        assert_eq!(rule, "speaker-cue-after");
    }

    #[test]
    fn verb_then_speaker_after_the_quote() {
        let (_, who, rule) =
            one("“Today’s action matters,” said Brian Nelson, Treasury’s undersecretary.");
        assert_eq!(who.as_deref(), Some("Brian Nelson"));
        assert_eq!(rule, "cue-speaker-after");
    }

    #[test]
    fn colon_lead_in() {
        let (q, who, rule) = one("Mr Blair said: \"We are not going to change course.\"");
        assert_eq!(q, "We are not going to change course.");
        assert_eq!(who.as_deref(), Some("Blair"));
        assert_eq!(rule, "colon-lead");
    }

    #[test]
    fn said_in_a_statement_and_told_reporters() {
        let (_, who, _) = one("Jane Doe said in a statement: \"The plan is dead.\"");
        assert_eq!(who.as_deref(), Some("Jane Doe"));
        let (_, who, _) = one("Jane Doe told reporters on Monday: \"The plan is dead.\"");
        assert_eq!(who.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn according_to_before_and_after() {
        let (_, who, rule) = one("\"The plan is dead,\" according to Jane Doe.");
        assert_eq!(
            (who.as_deref(), rule.as_str()),
            (Some("Jane Doe"), "according-to")
        );
        let (_, who, _) = one("According to Jane Doe, \"the plan is dead and buried.\"");
        assert_eq!(who.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn pronoun_resolves_to_the_person() {
        let all = triples(
            "Senator Ron Wyden spoke on Monday.\n\n\"We cannot wait any longer,\" he said.",
        );
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].1.as_deref(), Some("Ron Wyden"));
    }

    #[test]
    fn title_resolves_to_the_named_official() {
        let text = "New Jersey Gov. Chris Christie accused Cruz of flip-flopping. \"He went for \
                    the easy vote,\" the New Jersey governor said.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        let s = q[0].speaker.as_ref().expect("speaker");
        assert_eq!(s.name, "Chris Christie");
        assert_eq!(s.text, "the New Jersey governor");
    }

    #[test]
    fn quote_broken_by_said_is_two_records_with_the_same_speaker() {
        let q = quotes("\"We will win,\" Jane Doe said. \"And we will win big.\"");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].rule, "continued");
        assert_eq!(q[1].continues, Some(0));
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Jane Doe")
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_record_per_paragraph() {
        let q =
            quotes("Jane Doe said:\n\n\"First we fix the roads.\n\n\"Then we fix the bridges.\"");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "First we fix the roads.");
        assert_eq!(q[1].text, "Then we fix the bridges.");
        assert_eq!(q[1].continues, Some(0));
        for one in &q {
            assert_eq!(
                one.speaker.as_ref().map(|s| s.name.as_str()),
                Some("Jane Doe")
            );
        }
    }

    #[test]
    fn colon_in_the_sentence_before() {
        let (_, who, rule) =
            one("Ted Cruz continued:\n\n\"You look at the questions asked tonight.\"");
        assert_eq!(who.as_deref(), Some("Ted Cruz"));
        assert_eq!(rule, "colon-before");
    }

    #[test]
    fn partial_quote_takes_the_sentence_subject() {
        let text = "Later, the Treasury Department announced sanctions on eight companies, \
                    accusing them of “actively supporting” the surveillance.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "actively supporting");
        assert!(q[0].partial);
        let s = q[0].speaker.as_ref().expect("speaker");
        assert_eq!(s.text, "Treasury Department");
    }

    #[test]
    fn agency_description_as_speaker() {
        let q = quotes("\"The review is complete,\" the department said in a statement.");
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("the department")
        );
        assert_eq!(q[0].cue.as_deref(), Some("say"));
    }

    #[test]
    fn unnamed_official_keeps_the_description() {
        let (_, who, _) =
            one("\"We are watching closely,\" a senior administration official said.");
        assert_eq!(who.as_deref(), Some("a senior administration official"));
    }

    #[test]
    fn scare_quotes_titles_and_nicknames_are_not_quotes() {
        assert!(quotes("The so-called \"caliphate\" collapsed last year.").is_empty());
        assert!(quotes("She watched the film \"Star Wars\" twice.").is_empty());
        assert!(quotes("Dwayne \"The Rock\" Johnson arrived late.").is_empty());
        assert!(quotes("The \"experts\" disagree about it.").is_empty());
        assert!(quotes("He appeared on \"Saturday Night Live\" last week.").is_empty());
    }

    #[test]
    fn apostrophes_never_open_quotes() {
        assert!(
            quotes("Trump's plan in the '90s wasn't the players' choice, rock 'n' roll.")
                .is_empty()
        );
    }

    #[test]
    fn short_quote_with_a_speech_verb_counts() {
        let (q, who, _) = one("Clinton called the plan \"dangerously wrong\" on Monday.");
        assert_eq!(q, "dangerously wrong");
        assert_eq!(who.as_deref(), Some("Clinton"));
    }

    /// A partial quote, then a quote broken by "said": three spans, one attribution.
    const UNITS_TEXT: &str = "Clinton called the plan \"dangerously wrong\" on Monday. \
                              \"We will win,\" Jane Doe said. \"And we will win big.\"";

    #[test]
    fn spans_unit_keeps_partial_quotes_and_every_piece() {
        let q = quotes(UNITS_TEXT);
        let seen: Vec<_> = q.iter().map(|q| (q.partial, q.continues)).collect();
        assert_eq!(seen, [(true, None), (false, None), (false, Some(1))]);
    }

    #[test]
    fn attributions_unit_keeps_one_full_record_per_attribution() {
        let extractor = Extractor::builder()
            .quote_units(QuoteUnits::Attributions)
            .build();
        let q = extractor.extract(UNITS_TEXT).quotes;
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "We will win,");
        assert!(!q[0].partial);
        assert_eq!(q[0].continues, None);
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Jane Doe")
        );
    }

    #[test]
    fn keep_attributions_remaps_continues_to_the_records_kept() {
        let quote = |partial, continues| Quote {
            text: String::new(),
            span: crate::Span::new(0, 0),
            sentence: 0,
            speaker: None,
            cue: None,
            rule: String::new(),
            partial,
            continues,
        };
        // partial, full, its continuation, full, its continuation
        let mut q = vec![
            quote(true, None),
            quote(false, None),
            quote(false, Some(1)),
            quote(false, None),
            quote(false, Some(3)),
        ];
        super::keep_attributions(&mut q);
        assert_eq!(q, [quote(false, None), quote(false, None)]);
    }

    #[test]
    fn attributions_unit_leaves_the_other_records_alone() {
        // The dropped piece holds a sentence of its own that only the quote spans mark as
        // quoted speech: the actions stage must still see it.
        let text = "Treasury accused the firms of \"helping to sanction dissidents\" abroad. \
                    \"We will win,\" Jane Doe said. \"We are ready. Treasury will impose \
                    sanctions on eight companies.\" The department imposed sanctions on them.";
        let spans = Extractor::new().extract(text);
        let attributions = Extractor::builder()
            .quote_units(QuoteUnits::Attributions)
            .build()
            .extract(text);
        assert_eq!((spans.quotes.len(), attributions.quotes.len()), (3, 1));
        assert_eq!(spans.actions.len(), 2, "{:?}", spans.actions);
        let mut expected = spans.clone();
        expected.quotes = attributions.quotes.clone();
        assert_eq!(attributions, expected);
    }

    #[test]
    fn capitalised_place_is_no_speech_verb() {
        let (_, who, _) = one(
            "Sanders released a statement, insisting that the United States \"must stop \
             treating Puerto Rico like a colony.\"",
        );
        assert_eq!(who.as_deref(), Some("Sanders"));
    }

    #[test]
    fn a_participle_takes_the_subject_of_the_main_clause() {
        // a speech noun ("comment") is no verb with a subject of its own
        let (_, who, _) =
            one("Maria Lopez posted a Facebook comment of her own, saying, \"We are thrilled.\"");
        assert_eq!(who.as_deref(), Some("Maria Lopez"));
        // an opening adverbial ("Hours later,") is not the subject
        let (_, who, _) = one(
            "Hours later, Paul Reyes returned the favor, telling reporters, \"She is a friend.\"",
        );
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
    }

    #[test]
    fn a_colon_lead_skips_an_opening_subordinate_clause() {
        let (_, who, _) = one(
            "When Karen Holt resigned in 1998, Governor Paul Reyes released a statement: \"We \
             will miss her.\"",
        );
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
    }

    #[test]
    fn as_x_put_it_and_an_age_aside() {
        let (_, who, _) = one("As Karen Holt, a professor of law, put it, \"This is new.\"");
        assert_eq!(who.as_deref(), Some("Karen Holt"));
        let (_, who, _) =
            one("Karen Holt, 35, the daughter of a senator, said on Monday, \"We will be glad.\"");
        assert_eq!(who.as_deref(), Some("Karen Holt"));
    }

    #[test]
    fn a_new_speaker_between_two_quotes_takes_the_second() {
        let q = triples(
            "\"Tell her I called,\" Karen Holt said, and her husband Paul Reyes cut in. \"She \
             knows already.\"",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Karen Holt"));
        assert_eq!(q[1].1.as_deref(), Some("Paul Reyes"));
        // an aside on the same speaker keeps the quote going
        let q = triples(
            "\"We are looking,\" Paul Reyes, a company spokesman told the BBC. \"We will \
             see.\"",
        );
        assert_eq!(q[1].1.as_deref(), Some("Paul Reyes"));
        assert_eq!(q[1].2, "continued");
    }

    #[test]
    fn who_said_takes_the_antecedent() {
        let (_, who, _) =
            one("Karen Holt slammed Paul Reyes, who has said he wants to be a \"neutral\" broker.");
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
    }

    #[test]
    fn a_subjectless_cue_goes_on_from_the_quote_before() {
        let q = triples("Ms Holt insisted: \"We did well.\" And continued: \"We can be proud.\"");
        assert_eq!(q[1].1.as_deref(), Some("Holt"));
        assert_eq!(q[1].2, "continued");
    }

    #[test]
    fn an_abbreviated_state_aside_does_not_stop_the_subject_search() {
        let (_, who, _) =
            one("Sen. Paul Reyes, R-Wis., said in an op-ed before a hearing, \"The plan failed.\"");
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
    }

    #[test]
    fn an_inverted_lead_in_the_paragraph_before() {
        let q = triples(
            "Officials met on Friday.\n\nThe show aired on the radio.\n\nStated Stone:\n\n\"The \
             stakes are high.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("Stone"));
        assert_eq!(q[0].2, "colon-before");
    }

    #[test]
    fn a_place_in_an_opening_adverbial_is_no_aside() {
        let (_, who, _) = one(
            "Here in Columbia, Paul Reyes stepped up his outreach, saying, \"We will fix it.\"",
        );
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
        // an appositive with a subordinator stays ("As X, an expert, noted")
        let (_, who, _) = one("As Paul Reyes, an expert on Peru, noted, \"It is hard.\"");
        assert_eq!(who.as_deref(), Some("Paul Reyes"));
    }
}
