//! Actor resolution: a subject noun phrase or pronoun → the agency, official, person,
//! organisation or group it names, through the article's entity mentions and the actors
//! already read (a short discourse memory).

use super::tokens::Sentence;
use super::words::class;
use crate::document::Document;
use crate::extract::names::{self, Gender};
use crate::record::{Actor, Article};
use crate::resolve::{Entities, EntityMention, EntityRef};
use std::borrow::Cow;
use std::ops::Range;

/// What sort of actor a name stands for, to match pronouns ("he" → person, "it" → body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Person,
    Org,
    Group,
}

/// A resolved actor with the mention it rests on. Its strings borrow the article's (only a
/// joint actor's name is made): the parser hands an actor on (discourse memory, coordinated
/// verbs, pronouns) far more often than it reads one, and most are never recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Resolved<'a> {
    pub name: Cow<'a, str>,
    pub agency: Option<&'a str>,
    pub official: Option<&'a str>,
    /// Normalized range of the mention the actor rests on.
    pub norm: Range<usize>,
    pub kind: Kind,
    /// A person's gender when the entity index knows it, for "he"/"she".
    pub gender: Option<Gender>,
}

impl<'a> Resolved<'a> {
    /// The output record, with the mention's original text and span.
    pub fn actor(&self, doc: &Document) -> Actor {
        Actor {
            name: self.name.to_string(),
            agency: self.agency.map(str::to_string),
            official: self.official.map(str::to_string),
            text: doc.orig_text(self.norm.clone()).to_string(),
            span: doc.to_orig(self.norm.clone()),
        }
    }

    /// The same actor resting on another mention (a pronoun).
    fn at(&self, norm: Range<usize>) -> Resolved<'a> {
        Resolved {
            norm,
            ..self.clone()
        }
    }
}

/// Where a pronoun's referent was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// The speaker of a report verb in the same sentence ("Commerce said it ...").
    Speaker,
    /// Another actor of the same sentence.
    SameSentence,
    /// An earlier sentence.
    Earlier,
}

impl Source {
    fn of(speaker: bool, same_sentence: bool) -> Source {
        match (speaker, same_sentence) {
            (true, true) => Source::Speaker,
            (false, true) => Source::SameSentence,
            _ => Source::Earlier,
        }
    }
}

/// One actor read earlier in the article.
#[derive(Debug, Clone)]
struct Seen<'a> {
    actor: Resolved<'a>,
    sentence: usize,
    /// Subject of a speech or report verb ("The Commerce Department said ...").
    speaker: bool,
}

/// Pronouns the entity index resolves by gender and kind.
const PRONOUNS: [&str; 10] = [
    "he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
];

/// How far back (in sentences) a pronoun may reach.
const PRONOUN_REACH: usize = 3;

/// How far back a definite description ("the Pakistani president") may reach.
const DESCRIPTION_REACH: usize = 12;

/// Resolves subjects against the article's entities and the actors read so far.
#[derive(Debug)]
pub(super) struct Resolver<'a> {
    doc: &'a Document<'a>,
    article: &'a Article,
    entities: &'a Entities,
    seen: Vec<Seen<'a>>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        article: &'a Article,
        entities: &'a Entities,
    ) -> Resolver<'a> {
        Resolver {
            doc,
            article,
            entities,
            seen: Vec::new(),
        }
    }

    /// Remember an actor read in `sentence`, for later pronouns.
    pub fn remember(&mut self, actor: &Resolved<'a>, sentence: usize, speaker: bool) {
        self.seen.push(Seen {
            actor: actor.clone(),
            sentence,
            speaker,
        });
    }

    /// The kind of actor an entity mention names.
    fn kind_of(m: &EntityMention) -> Kind {
        match m.entity {
            EntityRef::Agency(_) => Kind::Org,
            EntityRef::Official(_) | EntityRef::Person(_) => Kind::Person,
        }
    }

    /// The genders of an entity mention: the one its honorific states ("Mrs. Clinton") and
    /// the one of its record (the entity index's, else its given name's).
    fn genders_of(&self, m: &EntityMention, name: &str) -> (Option<Gender>, Option<Gender>) {
        let record = match Resolver::kind_of(m) {
            Kind::Person => self
                .entities
                .person_of(m.entity)
                .and_then(|p| p.gender)
                .or_else(|| self.given_gender(name)),
            _ => None,
        };
        (honorific_gender(self.doc.orig_text(m.norm.clone())), record)
    }

    /// The gender of the actor an entity mention resolves to ([`Resolver::of_mention`]),
    /// without building it.
    fn gender_of(&self, m: &EntityMention) -> Option<Gender> {
        let (said, record) = self.genders_of(m, self.entities.name(self.article, m.entity));
        said.or(record)
    }

    /// The record an entity mention belongs to.
    fn of_mention(&self, m: &EntityMention) -> Resolved<'a> {
        let name = self.entities.name(self.article, m.entity);
        let kind = Resolver::kind_of(m);
        let (said, record_gender) = self.genders_of(m, name);
        // "Mrs. Clinton" linked to Bill Clinton's record: the woman of that surname
        if let (Some(said), Some(record)) = (said, record_gender) {
            if said != record {
                let surname = names::surname(name);
                let other = self.entities.people.iter().find(|p| {
                    names::surname(&p.name) == surname
                        && p.gender.or_else(|| self.given_gender(&p.name)) == Some(said)
                });
                let name =
                    other.map_or_else(|| self.doc.orig_text(m.norm.clone()), |p| p.name.as_str());
                return Resolved {
                    name: Cow::Borrowed(name),
                    agency: None,
                    official: None,
                    norm: m.norm.clone(),
                    kind,
                    gender: Some(said),
                };
            }
        }
        let (agency, official) = match m.entity {
            EntityRef::Agency(i) => (self.article.agencies.get(i).map(|a| a.id.as_str()), None),
            EntityRef::Official(i) => (None, self.article.officials.get(i).map(|o| o.id.as_str())),
            EntityRef::Person(i) => {
                let official = self
                    .entities
                    .people
                    .get(i)
                    .and_then(|p| p.official)
                    .and_then(|o| self.article.officials.get(o))
                    .map(|o| o.id.as_str());
                (None, official)
            }
        };
        Resolved {
            agency,
            official,
            norm: m.norm.clone(),
            kind,
            gender: said.or(record_gender),
            name: Cow::Borrowed(name),
        }
    }

    /// Resolve the noun phrase `r` of sentence `s` (whose text starts at normalized offset
    /// `base`). `None` when it names no plausible actor ("the bill", "unanimous consent");
    /// `lenient` accepts any noun head (speakers: "one community worker").
    pub fn noun_phrase(
        &self,
        s: &Sentence<'a>,
        r: Range<usize>,
        base: usize,
        sentence: usize,
        lenient: bool,
    ) -> Option<Resolved<'a>> {
        if r.is_empty() {
            return None;
        }
        let bytes = s.byte_range(r.clone());
        let norm = base + bytes.start..base + bytes.end;
        // the head is the last word before "of" ("a onetime friend of the ringleader")
        let of = r.clone().skip(1).find(|&k| s.low(k) == "of");
        let head = last_word(s, &(r.start..of.unwrap_or(r.end)))?;
        let head_cap = s.toks[head].cap && !s.is(head, class::DET | class::POSS);
        let head_class = s.toks[head].class;
        if s.is(head, class::BILL_NOUN) && !head_cap {
            return None;
        }
        // the entity mention nearest the head
        let search = if head_cap || of.is_none() {
            norm.clone()
        } else {
            let b = s.byte_range(r.start..head + 1);
            base + b.start..base + b.end
        };
        // the mention that ends the head ("Rubio's campaign" is no mention of Rubio)
        let head_end = base + s.toks[head].end;
        let mentions = || self.entities.within(search.clone());
        // a name modifying a plain noun stands for its bearer ("Trump tweet"), but not a
        // possessive ("Rubio's campaign") nor a name before an actor noun ("Obama administration")
        let modifier_ok = !head_cap && head_class & class::ACTOR_NOUN == 0;
        let possessive = |m: &EntityMention| {
            s.text
                .get(m.norm.end - base..)
                .is_some_and(|t| t.starts_with("'s"))
        };
        let at_head = mentions()
            .filter(|m| m.norm.end >= head_end || (modifier_ok && !possessive(m)))
            .max_by_key(|m| (m.norm.end, std::cmp::Reverse(m.norm.start)));
        // "the Obama administration and Speaker Paul Ryan": a joint actor
        let and = r.clone().find(|&k| s.low(k) == "and");
        if let Some(and) =
            and.filter(|&a| a > r.start && a + 1 < r.end && mentions().next().is_some())
        {
            let first = self.noun_phrase(s, r.start..and, base, sentence, false);
            let second = self.noun_phrase(s, and + 1..r.end, base, sentence, false);
            if let (Some(mut res), Some(second)) = (first, second) {
                if second.name != res.name {
                    res.name = Cow::Owned(format!("{} and {}", res.name, second.name));
                    res.official = None;
                    res.agency = None;
                    res.kind = Kind::Group;
                }
                res.norm = norm;
                return Some(res);
            }
        }
        if let Some(m) = at_head {
            let mut res = self.of_mention(m);
            res.norm = norm;
            return Some(res);
        }
        let has_name = (r.start..head + 1)
            .any(|k| s.toks[k].cap && !s.is(k, class::DET | class::POSS | class::TITLE));
        // "the department", "the Pakistani president": a description of an actor read before
        if s.is(r.start, class::DET) && r.len() <= 4 && !head_cap {
            let kind = if head_class & class::PERSON_NOUN != 0 {
                Some(Kind::Person)
            } else if head_class & class::ORG_NOUN != 0 && !has_name {
                Some(Kind::Org)
            } else {
                None
            };
            let phrase = s.text_of(r.clone()).to_lowercase();
            let found = kind
                .and_then(|k| self.recall(&[k], norm.start, sentence, DESCRIPTION_REACH, &phrase));
            if let Some(found) = found {
                return Some(found.0.at(norm));
            }
            // "the candidate" with nobody to stand for: too vague to tabulate
            if kind.is_some() && !has_name && head_class & class::GROUP_NOUN == 0 {
                return None;
            }
        }
        if (!lenient && !head_cap && head_class & class::ACTOR_NOUN == 0) || s.is(head, class::PRON)
        {
            return None;
        }
        // the name as written, without determiners and titles
        let mut a = r.start;
        while a < r.end && (s.is(a, class::DET | class::POSS) || s.low(a) == "'s") {
            a += 1;
        }
        // "Republican presidential candidate Donald Trump": the name after the description
        if let Some(w) = (a..head)
            .rev()
            .find(|&k| s.toks[k].word && !s.toks[k].cap && !name_particle(s.low(k)))
        {
            let run = w + 1..head + 1;
            let joint = (a..head).any(|k| s.is(k, class::CONJ));
            if of.is_none() && !joint && run.clone().filter(|&k| s.toks[k].cap).count() >= 2 {
                a = w + 1;
            }
        }
        let mut b = a;
        while b + 1 < r.end && s.is(b, class::TITLE) && s.toks[b].cap {
            b += if s.punct(b + 1, ".") { 2 } else { 1 };
        }
        let titled = b > a && b <= head && (b..head + 1).all(|k| s.toks[k].cap || !s.toks[k].word);
        let a = if titled { b } else { a };
        let end = if titled && of.is_some() {
            head + 1
        } else {
            r.end
        };
        let name = s.text_of(a..end);
        if name.is_empty() {
            return None;
        }
        let cap_words = (a..r.end)
            .filter(|&k| s.toks[k].word && s.toks[k].cap)
            .count();
        let all_cap = (a..r.end).all(|k| !s.toks[k].word || s.toks[k].cap);
        let kind = if head_class & class::ORG_NOUN != 0
            || (a..head + 1).any(|k| s.is(k, class::ORG_NOUN) && s.toks[k].cap)
        {
            Kind::Org
        } else if head_class & class::GROUP_NOUN != 0 || (!head_cap && s.low(head).ends_with('s')) {
            Kind::Group
        } else if !head_cap
            || titled
            || (all_cap
                && (2..=3).contains(&cap_words)
                && self.entities.names().is_given(s.word(a)))
        {
            Kind::Person
        } else {
            Kind::Org
        };
        // a surname alone: the person named in full before
        if cap_words == 1 && head_cap {
            let surname = s.word(head);
            if let Some(p) = self.seen.iter().rev().find(|x| {
                x.actor.kind == Kind::Person
                    && x.actor.name.split_whitespace().last() == Some(surname)
            }) {
                return Some(p.actor.at(norm));
            }
        }
        Some(Resolved {
            gender: if kind == Kind::Person {
                self.given_gender(name)
            } else {
                None
            },
            name: Cow::Borrowed(name),
            agency: None,
            official: None,
            norm,
            kind,
        })
    }

    /// Resolve pronoun token `k` of sentence `s`; the flag says it rests on the speaker of a
    /// report verb in the same sentence ("Commerce said it was adding ...").
    pub fn pronoun(
        &self,
        s: &Sentence<'a>,
        k: usize,
        base: usize,
        sentence: usize,
    ) -> Option<(Resolved<'a>, Source)> {
        let low = s.low(k);
        let kinds: &[Kind] = match low {
            "he" | "she" | "him" | "her" | "his" => &[Kind::Person],
            "it" | "its" => &[Kind::Org],
            "they" | "them" | "their" => &[Kind::Group, Kind::Org],
            _ => return None,
        };
        let t = s.toks[k];
        let norm = base + t.start..base + t.end;
        let (found, source) = self.recall(kinds, norm.start, sentence, PRONOUN_REACH, low)?;
        Some((found.at(norm), source))
    }

    /// The latest actor of one of `kinds` before normalized offset `pos`, from the memory or
    /// the entity mentions, whichever is nearer.
    fn recall(
        &self,
        kinds: &[Kind],
        pos: usize,
        sentence: usize,
        reach: usize,
        hint: &str,
    ) -> Option<(Resolved<'a>, Source)> {
        let gender = match hint {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        };
        let from_memory = self.seen.iter().rev().find(|x| {
            x.actor.norm.end <= pos
                && kinds.contains(&x.actor.kind)
                && x.sentence + reach >= sentence
                && !matches!((gender, x.actor.gender), (Some(w), Some(h)) if w != h)
        });
        let mention = if PRONOUNS.contains(&hint) {
            self.entities.pronoun_antecedent(pos, hint)
        } else {
            self.entities.description_antecedent(pos, hint)
        };
        let mention = mention.filter(|m| {
            let contradicts = matches!(
                (gender, self.gender_of(m)),
                (Some(w), Some(h)) if w != h
            );
            !contradicts
                && m.sentence + reach >= sentence
                && match m.entity {
                    EntityRef::Agency(_) => kinds.contains(&Kind::Org),
                    _ => kinds.contains(&Kind::Person),
                }
        });
        match (from_memory, mention) {
            // "X told the BBC that he warned police": the speaker of the same sentence
            (Some(x), _) if x.speaker && x.sentence == sentence => {
                Some((x.actor.clone(), Source::Speaker))
            }
            // a gender known to match beats a nearer person of unknown gender
            (Some(x), Some(m))
                if m.norm.start > x.actor.norm.end
                    && !(gender.is_some()
                        && x.actor.gender == gender
                        && self
                            .entities
                            .person_of(m.entity)
                            .and_then(|p| p.gender)
                            .is_none()) =>
            {
                Some((
                    self.of_mention(m),
                    Source::of(false, m.sentence == sentence),
                ))
            }
            (Some(x), _) => Some((
                x.actor.clone(),
                Source::of(x.speaker, x.sentence == sentence),
            )),
            (None, Some(m)) => Some((
                self.of_mention(m),
                Source::of(false, m.sentence == sentence),
            )),
            (None, None) => None,
        }
    }

    /// The original text and span of normalized range `r`.
    pub fn doc(&self) -> &Document<'a> {
        self.doc
    }

    /// The gender a person's given name suggests ("Hillary Clinton" → female).
    fn given_gender(&self, name: &str) -> Option<Gender> {
        self.entities.names().given_gender(names::given(name))
    }
}

/// The gender an honorific at the start of a mention states ("Mrs. Clinton", "Mr. Blair").
fn honorific_gender(mention: &str) -> Option<Gender> {
    let first = mention.split([' ', '.']).next().unwrap_or("");
    match first {
        "Mrs" | "Ms" | "Miss" | "Madam" | "Lady" | "Dame" => Some(Gender::Female),
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        _ => None,
    }
}

/// Lowercase words inside names ("Bill de Blasio", "Ludwig van Beethoven").
fn name_particle(low: &str) -> bool {
    matches!(
        low,
        "de" | "van" | "von" | "der" | "da" | "di" | "al" | "bin" | "la" | "le" | "du"
    )
}

/// The last word token of `r` (the head of a noun phrase).
fn last_word(s: &Sentence, r: &Range<usize>) -> Option<usize> {
    r.clone()
        .rev()
        .find(|&k| s.toks[k].word && s.low(k) != "'s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actions::words::WordClasses;
    use crate::lexicon::Lexicon;
    use crate::record::{Agency, Mention};
    use crate::span::Span;

    /// The sentence of `doc` holding `needle`, tokenized, with its normalized start.
    fn sentence_of<'d>(
        doc: &'d Document,
        needle: &str,
        words: &WordClasses,
    ) -> (Sentence<'d>, usize, usize) {
        let pos = doc.norm().find(needle).expect("needle");
        let i = doc.sentence_at_norm(pos).expect("sentence");
        let range = doc.sentences()[i].norm.clone();
        (
            Sentence::new(&doc.norm()[range.clone()], words),
            range.start,
            i,
        )
    }

    fn find(s: &Sentence, w: &str) -> usize {
        (0..s.toks.len()).find(|&i| s.word(i) == w).expect(w)
    }

    #[test]
    fn noun_phrase_takes_the_agency_record_at_its_head() {
        let text = "Title line\n\nThe Commerce Department imposed new rules.";
        let extractor = crate::Extractor::new();
        let doc = extractor.document(text);
        let start = text.find("Commerce Department").expect("mention");
        let article = Article {
            agencies: vec![Agency {
                id: "agency-1".into(),
                name: "Department of Commerce".into(),
                acronym: None,
                mentions: vec![Mention {
                    text: "Commerce Department".into(),
                    span: Span::new(start, start + "Commerce Department".len()),
                    sentence: 1,
                }],
                rule: "test".into(),
            }],
            ..Article::default()
        };
        let words = WordClasses::new(&Lexicon::default());
        let entities = Entities::new(&doc, &article);
        let resolver = Resolver::new(&doc, &article, &entities);
        let (s, base, i) = sentence_of(&doc, "imposed", &words);
        let head = find(&s, "Department");
        let actor = resolver
            .noun_phrase(&s, 0..head + 1, base, i, false)
            .expect("actor");
        assert_eq!(&*actor.name, "Department of Commerce");
        assert_eq!(actor.agency, Some("agency-1"));
        assert_eq!(actor.kind, Kind::Org);
    }

    #[test]
    fn strict_phrases_need_a_name_or_an_actor_noun() {
        let text =
            "Title line\n\nThe bill passed by unanimous consent after one community worker spoke.";
        let extractor = crate::Extractor::new();
        let doc = extractor.document(text);
        let article = Article::default();
        let words = WordClasses::new(&Lexicon::default());
        let entities = Entities::new(&doc, &article);
        let resolver = Resolver::new(&doc, &article, &entities);
        let (s, base, i) = sentence_of(&doc, "bill", &words);
        let bill = find(&s, "bill");
        assert_eq!(resolver.noun_phrase(&s, 0..bill + 1, base, i, false), None);
        let consent = find(&s, "consent");
        assert_eq!(
            resolver.noun_phrase(&s, consent - 1..consent + 1, base, i, false),
            None
        );
        let worker = find(&s, "worker");
        let one = find(&s, "one");
        assert_eq!(
            resolver.noun_phrase(&s, one..worker + 1, base, i, false),
            None
        );
        let lenient = resolver
            .noun_phrase(&s, one..worker + 1, base, i, true)
            .expect("speaker");
        assert_eq!(lenient.kind, Kind::Person);
    }

    #[test]
    fn pronouns_follow_the_speaker_and_their_kind() {
        let text = "Title line\n\nThe Treasury Department said it was imposing sanctions.";
        let extractor = crate::Extractor::new();
        let doc = extractor.document(text);
        let article = Article::default();
        let words = WordClasses::new(&Lexicon::default());
        let entities = Entities::new(&doc, &article);
        let mut resolver = Resolver::new(&doc, &article, &entities);
        let (s, base, i) = sentence_of(&doc, "imposing", &words);
        let department = find(&s, "Department");
        let speaker = resolver
            .noun_phrase(&s, 0..department + 1, base, i, true)
            .expect("speaker");
        assert_eq!(&*speaker.name, "Treasury Department");
        resolver.remember(&speaker, i, true);
        let it = find(&s, "it");
        let (found, source) = resolver.pronoun(&s, it, base, i).expect("it");
        assert_eq!(
            (&*found.name, source),
            ("Treasury Department", Source::Speaker)
        );
        assert_eq!(found.norm.len(), 2, "the actor rests on the pronoun");
        // "he" never resolves to a body
        let text = "Title line\n\nThe Treasury Department acted. He said so.";
        let doc = extractor.document(text);
        let entities = Entities::new(&doc, &article);
        let mut resolver = Resolver::new(&doc, &article, &entities);
        let (s, base, i) = sentence_of(&doc, "acted", &words);
        let department = find(&s, "Department");
        let body = resolver
            .noun_phrase(&s, 0..department + 1, base, i, false)
            .expect("body");
        resolver.remember(&body, i, false);
        let (s, base, i) = sentence_of(&doc, "He said", &words);
        assert_eq!(resolver.pronoun(&s, 0, base, i), None);
    }

    #[test]
    fn honorifics_state_a_gender() {
        assert_eq!(honorific_gender("Mrs. Clinton"), Some(Gender::Female));
        assert_eq!(honorific_gender("Mr Blair"), Some(Gender::Male));
        assert_eq!(honorific_gender("Clinton"), None);
    }
}
