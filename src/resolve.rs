//! In-article linking: every mention of an agency, official or other named person in text
//! order, so that later stages can resolve pronouns ("he", "it"), titles ("the senator", "the
//! department") and short forms ("Trump", "Mr. Blair") to records.

use crate::document::Document;
#[cfg(test)]
use crate::extract::names::DEFAULT_NAMES;
use crate::extract::names::{self, ArticleNames, Gender, NameModel};
use crate::record::Article;
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

/// Which record a mention belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityRef {
    /// Index into `Article::agencies`.
    Agency(usize),
    /// Index into `Article::officials`.
    Official(usize),
    /// Index into [`Entities::people`]: a named person with no stated role. (People who are
    /// officials are indexed as [`EntityRef::Official`]; [`Entities::person_of`] maps both.)
    Person(usize),
}

/// A person named in the article, with or without a role ("Donald Trump", later "Trump").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// Full name as first given.
    pub name: String,
    /// Index into `Article::officials` when the person has a stated role.
    pub official: Option<usize>,
    /// Gender suggested by an honorific ("Mrs.") or the given name, for "he"/"she".
    pub gender: Option<Gender>,
    /// The last word of `name` ([`names::surname`]), kept: every later mention compares it.
    surname: String,
}

impl Person {
    fn new(name: String, official: Option<usize>, gender: Option<Gender>) -> Person {
        Person {
            surname: names::surname(&name).to_string(),
            name,
            official,
            gender,
        }
    }
}

/// One mention of a record, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityMention {
    pub span: Span,
    pub norm: Range<usize>,
    pub sentence: usize,
    pub entity: EntityRef,
}

/// All agency, official and person mentions of an article, sorted by position.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entities {
    mentions: Vec<EntityMention>,
    /// People named in the article (officials among them, first, in `Article::officials` order).
    pub people: Vec<Person>,
    /// Lowercased title of each official, for "the senator" (`None` when it has none).
    titles: Vec<String>,
    /// Lowercased canonical name of each agency, for "the department".
    bodies: Vec<String>,
    /// The name lists in force (built-in plus the user's).
    names: Arc<NameModel>,
    /// Index into `people` of the first person of each name.
    by_name: FxHashMap<String, usize>,
    /// Indices into `mentions` of each agency's and each official's mentions, in text order:
    /// the closest mention of a record before a point is a binary search, not a walk back
    /// through the article.
    agency_mentions: Vec<Vec<usize>>,
    official_mentions: Vec<Vec<usize>>,
}

/// Pronouns that refer back to a man, a woman, or a body/group.
const HE: [&str; 4] = ["he", "him", "his", "himself"];
const SHE: [&str; 4] = ["she", "her", "hers", "herself"];
const IT: [&str; 8] = [
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

impl Entities {
    /// Index the mentions of the agency and official records in `article`, and find every
    /// other person named in `doc`'s sentences.
    ///
    /// Uses the built-in name lists; the pipeline calls [`Entities::with_names`] with the
    /// user's.
    #[cfg(test)]
    pub(crate) fn new(doc: &Document, article: &Article) -> Entities {
        let sentence_names = DEFAULT_NAMES.sentences(doc);
        Entities::with_names(doc, article, Arc::clone(&DEFAULT_NAMES), &sentence_names)
    }

    /// Index the mentions of `article` and the people of `doc` with the name lists `names`.
    /// Built once per article by the pipeline and shared by the quote and action stages.
    pub(crate) fn with_names(
        doc: &Document,
        article: &Article,
        names: Arc<NameModel>,
        sentence_names: &ArticleNames,
    ) -> Entities {
        let model = &*names;
        // room for the record mentions and as many person mentions as name hits, so that the
        // vectors of this per-article index grow at most once
        let hits: usize = sentence_names.iter().map(|sn| sn.hits.len()).sum();
        let recorded: usize = article
            .agencies
            .iter()
            .map(|a| a.mentions.len())
            .sum::<usize>()
            + article
                .officials
                .iter()
                .map(|o| o.mentions.len())
                .sum::<usize>();
        let mut mentions = Vec::with_capacity(recorded + hits);
        for (i, a) in article.agencies.iter().enumerate() {
            for m in &a.mentions {
                mentions.push(EntityMention {
                    span: m.span,
                    norm: doc.to_norm(m.span),
                    sentence: m.sentence,
                    entity: EntityRef::Agency(i),
                });
            }
        }
        let mut people: Vec<Person> = Vec::with_capacity(article.officials.len() + hits);
        for (i, o) in article.officials.iter().enumerate() {
            people.push(Person::new(
                o.name.clone(),
                Some(i),
                model.given_gender(names::given(&o.name)),
            ));
            for m in &o.mentions {
                mentions.push(EntityMention {
                    span: m.span,
                    norm: doc.to_norm(m.span),
                    sentence: m.sentence,
                    entity: EntityRef::Official(i),
                });
            }
        }
        let mut taken: Vec<Range<usize>> = mentions.iter().map(|m| m.norm.clone()).collect();
        taken.sort_by_key(|r| r.start);
        let overlaps = |taken: &[Range<usize>], r: &Range<usize>| {
            let k = taken.partition_point(|t| t.end <= r.start);
            taken.get(k).is_some_and(|t| t.start < r.end)
        };
        // full names and honorific + surname
        let text = doc.norm();
        let mut found = Vec::with_capacity(hits);
        for (si, sn) in sentence_names.iter().enumerate() {
            for hit in sn.hits.iter().cloned() {
                if overlaps(&taken, &hit.range) {
                    continue;
                }
                let name = &text[hit.range.clone()];
                let p = match match_person(
                    &people,
                    &found,
                    hit.range.start,
                    name,
                    hit.words,
                    hit.gender,
                ) {
                    Some(p) => p,
                    None => {
                        people.push(Person::new(
                            doc.orig_text(hit.range.clone()).to_string(),
                            None,
                            hit.gender,
                        ));
                        people.len() - 1
                    }
                };
                if people[p].gender.is_none() {
                    people[p].gender = hit.gender;
                }
                found.push((hit.range, si, p));
            }
        }
        for (r, _, _) in &found {
            let k = taken.partition_point(|t| t.start < r.start);
            taken.insert(k, r.clone());
        }
        // bare surnames of the people found ("Raimondo", "Trump's")
        let mut by_surname: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, p) in people.iter().enumerate() {
            let sur = p.surname.as_str();
            if sur.chars().count() > 1 {
                by_surname.entry(sur).or_default().push(i);
            }
        }
        let mut bare = Vec::new();
        if !by_surname.is_empty() {
            for (si, sn) in sentence_names.iter().enumerate() {
                let toks = &sn.toks;
                for (k, t) in toks.iter().enumerate() {
                    if !t.cap {
                        continue;
                    }
                    let Some(cands) = by_surname.get(t.text(text)) else {
                        continue;
                    };
                    let r = t.start..t.end;
                    if overlaps(&taken, &r) {
                        continue;
                    }
                    let next_org = toks.get(k + 1).is_some_and(|n| {
                        n.joined && !t.poss && n.cap && model.is_org_word(n.text(text))
                    });
                    // "Bill Clinton" when only Hillary is known is someone else
                    let prev_given =
                        k > 0 && toks[k - 1].joined && model.is_given(toks[k - 1].text(text));
                    if next_org || prev_given {
                        continue;
                    }
                    // the most recently named candidate wins
                    let p = latest(&found, cands, r.start).unwrap_or(cands[0]);
                    bare.push((r, si, p));
                }
            }
        }
        for (r, si, p) in found.into_iter().chain(bare) {
            let entity = match people[p].official {
                Some(o) => EntityRef::Official(o),
                None => EntityRef::Person(p),
            };
            mentions.push(EntityMention {
                span: doc.to_orig(r.clone()),
                norm: r,
                sentence: si,
                entity,
            });
        }
        mentions.sort_by_key(|m| (m.norm.start, std::cmp::Reverse(m.norm.end)));
        let titles = article
            .officials
            .iter()
            .map(|o| o.title.as_deref().unwrap_or("").to_lowercase())
            .collect();
        let bodies = article
            .agencies
            .iter()
            .map(|a| a.name.to_lowercase())
            .collect();
        let mut by_name = FxHashMap::default();
        for (i, p) in people.iter().enumerate() {
            by_name.entry(p.name.clone()).or_insert(i);
        }
        let mut agency_mentions = vec![Vec::new(); article.agencies.len()];
        let mut official_mentions = vec![Vec::new(); article.officials.len()];
        for (k, m) in mentions.iter().enumerate() {
            let list = match m.entity {
                EntityRef::Agency(i) => agency_mentions.get_mut(i),
                EntityRef::Official(i) => official_mentions.get_mut(i),
                EntityRef::Person(_) => None,
            };
            if let Some(list) = list {
                list.push(k);
            }
        }
        Entities {
            mentions,
            people,
            titles,
            bodies,
            names,
            by_name,
            agency_mentions,
            official_mentions,
        }
    }

    /// The first person named `name`, found without a scan of everyone (speakers are looked
    /// up once per quotation).
    pub(crate) fn person_named(&self, name: &str) -> Option<&Person> {
        self.people.get(*self.by_name.get(name)?)
    }

    /// The name lists the index was built with.
    pub(crate) fn names(&self) -> &NameModel {
        &self.names
    }

    /// Mentions in text order.
    pub(crate) fn mentions(&self) -> &[EntityMention] {
        &self.mentions
    }

    /// Mentions that lie inside the normalized range `range`.
    pub(crate) fn within(&self, range: Range<usize>) -> impl Iterator<Item = &EntityMention> {
        let from = self
            .mentions
            .partition_point(|m| m.norm.start < range.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.norm.start < range.end)
            .filter(move |m| m.norm.end <= range.end)
    }

    /// The closest mention ending at or before normalized offset `pos` that `keep` accepts.
    pub(crate) fn last_before(
        &self,
        pos: usize,
        keep: impl Fn(&EntityMention) -> bool,
    ) -> Option<&EntityMention> {
        let upto = self.mentions.partition_point(|m| m.norm.start < pos);
        self.mentions[..upto]
            .iter()
            .rev()
            .find(|m| m.norm.end <= pos && keep(m))
    }

    /// Index of the closest mention among `list` (indices into `mentions`, in order) that
    /// ends at or before `pos`: what [`Entities::last_before`] finds for one record.
    fn last_of(&self, list: &[usize], pos: usize) -> Option<usize> {
        let upto = list.partition_point(|&k| self.mentions[k].norm.start < pos);
        list[..upto]
            .iter()
            .rev()
            .copied()
            .find(|&k| self.mentions[k].norm.end <= pos)
    }

    /// The closest mention before `pos` of the records `lists` holds the mentions of.
    fn last_of_any<'l>(
        &self,
        lists: impl Iterator<Item = &'l Vec<usize>>,
        pos: usize,
    ) -> Option<&EntityMention> {
        let last = lists.filter_map(|list| self.last_of(list, pos)).max()?;
        self.mentions.get(last)
    }

    /// The display name of a record.
    pub(crate) fn name<'a>(&'a self, article: &'a Article, entity: EntityRef) -> &'a str {
        match entity {
            EntityRef::Person(i) => self.people.get(i).map_or("", |p| p.name.as_str()),
            EntityRef::Agency(i) => article.agencies.get(i).map_or("", |a| a.name.as_str()),
            EntityRef::Official(i) => article.officials.get(i).map_or("", |o| o.name.as_str()),
        }
    }

    /// The person behind a mention's record (officials included), or `None` for agencies.
    pub(crate) fn person_of(&self, entity: EntityRef) -> Option<&Person> {
        match entity {
            EntityRef::Person(i) => self.people.get(i),
            // officials are the first people, in record order
            EntityRef::Official(i) => self
                .people
                .get(i)
                .filter(|p| p.official == Some(i))
                .or_else(|| self.people.iter().find(|p| p.official == Some(i))),
            EntityRef::Agency(_) => None,
        }
    }

    /// The closest person or official before `pos` whose gender does not contradict `gender`.
    pub(crate) fn antecedent_person_gender(
        &self,
        pos: usize,
        gender: Option<Gender>,
    ) -> Option<&EntityMention> {
        self.last_before(pos, |m| match m.entity {
            EntityRef::Agency(_) => false,
            e => match (gender, self.person_of(e).and_then(|p| p.gender)) {
                (Some(want), Some(have)) => want == have,
                _ => true,
            },
        })
    }

    /// The closest agency mentioned before `pos` ("it", "they", "the agency").
    pub(crate) fn antecedent_body(&self, pos: usize) -> Option<&EntityMention> {
        self.last_of_any(self.agency_mentions.iter(), pos)
    }

    /// Resolve a pronoun at normalized offset `pos`: "he"/"his" to the closest man (or person
    /// of unknown gender), "she"/"her" to the closest woman, "it"/"they" to the closest body.
    pub(crate) fn pronoun_antecedent(&self, pos: usize, pronoun: &str) -> Option<&EntityMention> {
        let p = pronoun.trim().to_ascii_lowercase();
        if HE.contains(&p.as_str()) {
            self.antecedent_person_gender(pos, Some(Gender::Male))
        } else if SHE.contains(&p.as_str()) {
            self.antecedent_person_gender(pos, Some(Gender::Female))
        } else if IT.contains(&p.as_str()) {
            self.antecedent_body(pos)
        } else {
            None
        }
    }

    /// Resolve a definite description before `pos` ("the senator", "the department",
    /// "the secretary") to the closest record whose title or name contains its head noun.
    pub(crate) fn description_antecedent(
        &self,
        pos: usize,
        phrase: &str,
    ) -> Option<&EntityMention> {
        let lower = phrase.trim().to_lowercase();
        let head = lower
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())?
            .to_string();
        if head.len() < 3 {
            return None;
        }
        let model = &*self.names;
        // the records whose name or title fits, then the closest mention of any of them
        let bodies = self
            .bodies
            .iter()
            .zip(&self.agency_mentions)
            .filter(|(name, _)| name.contains(&head))
            .map(|(_, list)| list);
        let officials = self
            .titles
            .iter()
            .zip(&self.official_mentions)
            .filter(|(title, _)| {
                title.contains(&head)
                    || title
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| !w.is_empty() && office_matches(model, w, &head))
            })
            .map(|(_, list)| list);
        self.last_of_any(bodies.chain(officials), pos)
    }
}

/// True when title word `word` (lowercased, "sen") is the abbreviation of office `head`
/// ("senator").
fn office_matches(model: &names::NameModel, word: &str, head: &str) -> bool {
    // short ASCII words (all titles) are capitalized on the stack: no allocation per call
    if word.is_ascii() && word.len() <= 32 {
        let mut buf = [0u8; 32];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        if let Some(first) = b.first_mut() {
            first.make_ascii_uppercase();
        }
        return std::str::from_utf8(b)
            .ok()
            .and_then(|cap| model.office_of(cap))
            .is_some_and(|o| o == head);
    }
    let mut cap = String::with_capacity(word.len());
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        cap.extend(c.to_uppercase());
        cap.push_str(chars.as_str());
    }
    model.office_of(&cap).is_some_and(|o| o == head)
}

/// The person among `people` that `name` (of `words` words) refers to: same full name, or
/// same surname with no conflicting given name and gender; among equals, the one named last
/// before `pos` in `found`.
fn match_person(
    people: &[Person],
    found: &[(Range<usize>, usize, usize)],
    pos: usize,
    name: &str,
    words: usize,
    gender: Option<Gender>,
) -> Option<usize> {
    let sur = names::surname(name);
    let first = names::given(name);
    let mut cands: Vec<usize> = Vec::new();
    let mut best_score = 0;
    for (i, p) in people.iter().enumerate() {
        if p.name == name {
            return Some(i);
        }
        if p.surname != sur {
            continue;
        }
        let given_ok =
            words == 1 || p.name.split_whitespace().count() == 1 || names::given(&p.name) == first;
        if !given_ok {
            continue;
        }
        // a known, agreeing gender beats an unknown one
        let score = match (gender, p.gender) {
            (Some(a), Some(b)) if a == b => 2,
            (Some(_), Some(_)) => continue,
            _ => 1,
        };
        if score > best_score {
            best_score = score;
            cands.clear();
        }
        if score == best_score {
            cands.push(i);
        }
    }
    match cands.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => latest(found, many, pos).or(Some(many[0])),
    }
}

/// Among `cands`, the person whose latest mention in `found` starts before `pos`.
fn latest(found: &[(Range<usize>, usize, usize)], cands: &[usize], pos: usize) -> Option<usize> {
    found
        .iter()
        .filter(|(r, _, p)| r.start < pos && cands.contains(p))
        .max_by_key(|(r, _, _)| r.start)
        .map(|(_, _, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn index(text: &str) -> (Entities, Vec<String>) {
        let ex = Extractor::new();
        let doc = ex.document(text);
        let article = ex.extract(text);
        let e = Entities::new(&doc, &article);
        let shown = e
            .mentions()
            .iter()
            .map(|m| format!("{}={}", &text[m.span.range()], e.name(&article, m.entity)))
            .collect();
        (e, shown)
    }

    #[test]
    fn people_and_later_surnames_join() {
        let text =
            "Donald Trump spoke on Monday. Later Trump's aides and Mr. Trump left. Trump Tower.";
        let (e, shown) = index(text);
        assert_eq!(e.people.len(), 1);
        assert_eq!(
            shown,
            [
                "Donald Trump=Donald Trump",
                "Trump=Donald Trump",
                "Trump=Donald Trump"
            ]
        );
    }

    #[test]
    fn two_clintons_stay_apart() {
        let text = "Bill Clinton and Hillary Clinton met. Mrs. Clinton said she would run.";
        let (e, shown) = index(text);
        assert_eq!(e.people.len(), 2, "{shown:?}");
        let she = text.find("she").unwrap_or(0);
        let m = e.pronoun_antecedent(she, "she").map(|m| m.entity);
        assert_eq!(m, Some(EntityRef::Person(1)), "{shown:?} {:?}", e.people);
    }

    #[test]
    fn he_skips_women_and_it_finds_no_person() {
        let text = "John Smith met Mary Jones. He left.";
        let (e, _) = index(text);
        let he = text.find("He").unwrap_or(0);
        let m = e.pronoun_antecedent(he, "He").map(|m| m.entity);
        assert_eq!(m, Some(EntityRef::Person(0)));
        let it = e.pronoun_antecedent(he, "it");
        assert!(it.is_none() || matches!(it.map(|m| m.entity), Some(EntityRef::Agency(_))));
    }

    #[test]
    fn titles_and_bodies_resolve_descriptions() {
        let text = "Sen. Ron Wyden (D-Ore.) objected. The Commerce Department disagreed. \
                    The senator said the department was wrong.";
        let (e, _) = index(text);
        let pos = text.find("The senator").unwrap_or(0);
        let who = e
            .description_antecedent(pos, "the senator")
            .map(|m| m.entity);
        assert_eq!(who, Some(EntityRef::Official(0)));
        let pos = text.find("the department").unwrap_or(0);
        let body = e
            .description_antecedent(pos, "the department")
            .map(|m| m.entity);
        assert!(matches!(body, Some(EntityRef::Agency(_))));
        assert!(e.description_antecedent(pos, "the governor").is_none());
    }

    #[test]
    fn no_people_in_plain_text() {
        let (e, shown) = index("The weather was fine on Tuesday. Markets rose.");
        assert!(e.people.is_empty(), "{shown:?}");
    }
}
