//! Action records: who did what to whom, read by a rule-based shallow parser.
//!
//! For every verb of the action lexicon (`action_verbs.tsv`) the parser reads the verb group
//! (auxiliaries, negation, voice: [`chunk::verb_group`]), the subject to its left
//! ([`chunk::subject_left`]: skipping time phrases, parentheticals, appositives; following
//! relative pronouns to their antecedent and coordinated verbs to the shared subject) and the
//! complement to its right ([`chunk::complement`]: object, frame prepositions, "by" agent).
//! The actor is resolved through the article's entity mentions and the actors read so far
//! ([`actor::Resolver`]): pronouns, "the department", surnames. Plain speech ("said") is never
//! an act, but its subject is remembered, so that "Commerce said it was adding ..." resolves
//! "it" to Commerce.
//!
//! The `rule` of a record names the reading: `active`, `headline` (an active headline),
//! `reported` (a pronoun resolved to the speaker of the same sentence), `pronoun`, `relative`
//! ("which/that/who" → antecedent), `coordinated` ("and/but" + verb), `participle`
//! (", accusing ..."), `passive-by` and `pass-through` ("a measure that passed Congress").
//! Acts without a resolved actor, inside quotation marks, or with neither target nor object
//! are left out: precision first.

mod actor;
mod chunk;
mod nominal;
mod tokens;
mod words;

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Action, Article, Phrase};
use crate::resolve::Entities;
use crate::span::RangeIndex;
use actor::{Resolved, Resolver, Source};
use chunk::{complement, np_left, np_right, subject_left, verb_group, Subject, Voice};
use nominal::{ActNouns, NounAct, Possessor};
use std::ops::Range;
use tokens::Sentence;
use words::{class, form, Role, VerbEntry, VerbTable, WordClasses};

/// Things people make that act in their maker's name ("a video that accuses Cruz").
const WORKS: [&str; 10] = [
    "video",
    "ad",
    "advertisement",
    "statement",
    "letter",
    "memo",
    "op-ed",
    "tweet",
    "post",
    "book",
];

/// "with Morning Joe hosts ...": a noun phrase after a preposition is its object, no subject.
fn governed(s: &Sentence, np: Option<&Range<usize>>) -> bool {
    np.is_some_and(|r| {
        r.start > 0 && s.is(r.start - 1, class::PREP) && !s.is(r.start - 1, class::SUBORD)
    })
}

/// The nearest run of capitalized words before token `k` in the sentence.
fn nearest_name(s: &Sentence, k: usize) -> Option<Range<usize>> {
    // a capitalized word that is no function word ("Nippon" opening the sentence counts)
    let named =
        |j: usize| chunk::name_word(s, j) || (j == 0 && s.toks[0].cap && s.toks[0].class == 0);
    let end = (0..k).rev().find(|&j| named(j) && !s.is(j, class::TITLE))? + 1;
    let mut start = end - 1;
    while start > 0 {
        let joiner = matches!(s.low(start - 1), "'s" | "and" | "&" | "of" | ".")
            && start >= 2
            && named(start - 2);
        if named(start - 1) || joiner {
            start -= 1;
        } else {
            break;
        }
    }
    while start < end && s.low(start) == "'s" {
        start += 1;
    }
    Some(start..end)
}

/// The record of an act of `entry` by `actor`, read from the normalized range `clause` of
/// the sentence in `cx`; no target or object yet, not negated.
fn record(
    doc: &Document,
    cx: &Context,
    entry: &VerbEntry,
    clause: Range<usize>,
    actor: &Resolved,
) -> Action {
    Action {
        verb: entry.lemma.clone(),
        kind: entry.kind.clone(),
        text: doc.orig_text(clause.clone()).to_string(),
        span: doc.to_orig(clause),
        sentence: cx.index,
        actor: Some(actor.actor(doc)),
        target: None,
        object: None,
        count: None,
        negated: false,
        rule: String::new(),
    }
}

/// The normalized byte range of tokens `r` of the sentence in `cx`.
fn norm_range(cx: &Context, r: &Range<usize>) -> Range<usize> {
    let b = cx.s.byte_range(r.clone());
    cx.base + b.start..cx.base + b.end
}

/// The phrase of tokens `r`, with its original text and span.
fn phrase_of(doc: &Document, cx: &Context, r: &Range<usize>) -> Phrase {
    let n = norm_range(cx, r);
    Phrase {
        text: doc.orig_text(n.clone()).to_string(),
        span: doc.to_orig(n),
    }
}

/// The count of the sentence in `cx` that lies inside `phrase`, by index into the article's.
fn count_in(cx: &Context, article: &Article, phrase: &Phrase) -> Option<usize> {
    cx.counts
        .iter()
        .copied()
        .find(|&i| phrase.span.contains(article.counts[i].span))
}

/// Whether `later` repeats `earlier`: same verb and actor, in the same sentence or with the
/// same (or no) target and object.
fn same_act(earlier: &Action, later: &Action) -> bool {
    let name = |a: &Action| a.actor.as_ref().map(|x| x.name.to_lowercase());
    let text = |p: &Option<Phrase>| p.as_ref().map(|p| p.text.to_lowercase());
    earlier.verb == later.verb
        && name(earlier) == name(later)
        && (earlier.sentence == later.sentence
            || (later.target.is_none() && later.object.is_none())
            || (text(&earlier.target) == text(&later.target)
                && text(&earlier.object) == text(&later.object)))
}

/// The last word of an action's actor name, to compare actors across mentions.
fn surname(a: &Action) -> String {
    a.actor
        .as_ref()
        .and_then(|x| x.name.split_whitespace().last())
        .unwrap_or("")
        .to_lowercase()
}

/// Finds Action records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct ActionExtractor {
    verbs: VerbTable,
    words: WordClasses,
    nouns: ActNouns,
}

/// The verb group read just before, in the same sentence: what a coordinated verb or a
/// participle chain shares.
#[derive(Debug, Clone, Default)]
struct Previous<'a> {
    actor: Option<Resolved<'a>>,
    /// Token range of its subject noun phrase (the target when it was passive).
    subject: Option<Range<usize>>,
}

/// One sentence being read, with where it sits in the document.
struct Context<'s, 'a> {
    s: &'s Sentence<'a>,
    /// Normalized offset of the sentence start.
    base: usize,
    index: usize,
    headline: bool,
    /// Normalized ranges of the article's quotations that reach into this sentence.
    quoted: &'s [Range<usize>],
    /// Indexes (into `Article::counts`) of the counts in this sentence, in order.
    counts: &'s [usize],
}

impl ActionExtractor {
    pub(crate) fn new(lexicon: &Lexicon) -> ActionExtractor {
        let verbs = VerbTable::new(lexicon);
        let nouns = ActNouns::new(lexicon, &verbs);
        let words = WordClasses::new(lexicon)
            .with_verbs(&verbs)
            .with_act_nouns(nouns.words());
        ActionExtractor {
            verbs,
            words,
            nouns,
        }
    }

    /// The Action records of `doc`, given the records of the earlier stages in `article` and
    /// the index of their mentions.
    #[inline(never)] // its own frame in profiles: the actions stage
    pub(crate) fn extract(
        &self,
        doc: &Document,
        article: &Article,
        entities: &Entities,
    ) -> Vec<Action> {
        let mut resolver = Resolver::new(doc, article, entities);
        let mut out = Vec::new();
        // Quotations in text order, converted once: each sentence takes its own by binary search.
        let quoted = RangeIndex::new(article.quotes.iter().map(|q| doc.to_norm(q.span)).collect());
        let mut counts_in: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences().len()];
        for (i, c) in article.counts.iter().enumerate() {
            if let Some(list) = counts_in.get_mut(c.sentence) {
                list.push(i);
            }
        }
        let mut s = Sentence::default();
        for (index, sent) in doc.sentences().iter().enumerate() {
            let Some(text) = doc.norm().get(sent.norm.clone()) else {
                continue;
            };
            let near = quoted.near(&sent.norm);
            if all_quoted(text, sent.norm.start, near) {
                continue;
            }
            s.refill(text, &self.words);
            let cx = Context {
                s: &s,
                base: sent.norm.start,
                index,
                headline: index == 0 && doc.headline().is_some(),
                quoted: near,
                counts: &counts_in[index],
            };
            self.sentence(&cx, &mut resolver, article, &mut out);
        }
        // the headline restates the lead: keep the body's fuller record of the same act (by
        // verb, then actor's surname; the headline's records are few, the articles' with
        // any fewer still)
        if out.iter().any(|a| a.rule == "headline") {
            let restated = |a: &Action| {
                out.iter()
                    .any(|b| b.rule != "headline" && b.verb == a.verb && surname(b) == surname(a))
            };
            let keep: Vec<bool> = out
                .iter()
                .map(|a| a.rule != "headline" || !restated(a))
                .collect();
            let mut keep = keep.into_iter();
            out.retain(|_| keep.next().unwrap_or(true));
        }
        out
    }

    /// Read every verb group of one sentence, left to right.
    fn sentence<'a>(
        &self,
        cx: &Context<'_, 'a>,
        resolver: &mut Resolver<'a>,
        article: &Article,
        out: &mut Vec<Action>,
    ) {
        let s = cx.s;
        let mut prev = Previous::default();
        // a line in capitals ("WHY SENEGAL CLAMPS DOWN ON QURANIC SCHOOLS") reads like a headline
        // (the text test first: it stops at the first lowercase letter)
        let shouting = s.text.chars().all(|c| !c.is_lowercase())
            && s.toks.iter().filter(|t| t.word).count() > 2;
        let mut quoted = false;
        for i in 0..s.toks.len() {
            let t = s.toks[i];
            if s.punct(i, "\"") {
                quoted = !quoted;
            }
            if !t.word || (t.cap && i > 0 && !cx.headline && !shouting) {
                continue;
            }
            // what a speaker says inside quotation marks is speech, not a reported act
            let pos = cx.base + t.start;
            if quoted || cx.quoted.iter().any(|q| q.contains(&pos)) {
                continue;
            }
            if t.class & class::SPEECH != 0 {
                self.speech(cx, i, resolver, &mut prev);
                continue;
            }
            // "the FBI's probe into the emails": an act named by a noun
            if let Some(act) = self.nouns.find(s, i) {
                if let Some(action) = self.nominal(cx, &act, resolver, article) {
                    if !out.iter().any(|a: &Action| same_act(a, &action)) {
                        out.push(action);
                    }
                }
                continue;
            }
            // function words are never action verbs: skip the lookup
            const FUNCTION: u32 = class::DET
                | class::PREP
                | class::CONJ
                | class::SUBORD
                | class::PRON
                | class::AUX
                | class::TIME_MOD;
            if t.class & FUNCTION != 0 {
                continue;
            }
            let Some((e, forms, after)) = self.pick(s, i) else {
                continue;
            };
            let Some(group) = verb_group(s, i, forms, after) else {
                continue;
            };
            let entry = &self.verbs.entries[e];
            if let Some(action) = self.act(cx, entry, &group, resolver, article, &mut prev) {
                let dup = out.iter().any(|a: &Action| same_act(a, &action));
                if !dup {
                    out.push(action);
                }
            }
        }
    }

    /// The verb entry a token starts, with its form flags and the token after verb and
    /// particle; phrasal verbs need their particle next ("shut down").
    fn pick(&self, s: &Sentence, i: usize) -> Option<(usize, u8, usize)> {
        let slot = s.toks.get(i)?.verb.checked_sub(1)?;
        self.verbs.list(slot).iter().find_map(|r| {
            let (e, f) = (r.entry, r.flags);
            match r.particle.as_deref() {
                Some(p) if s.low(i + 1) == p => Some((e, f, i + 2)),
                // "turned the new emails over": the particle after a short object
                Some(p) => {
                    let n = s.toks.len();
                    let m = (i + 2..n.min(i + 8)).find(|&m| s.low(m) == p)?;
                    let plain = (i + 1..m).all(|x| s.toks[x].word && !s.is(x, class::NP_STOP));
                    plain.then_some((e, f, i + 1))
                }
                None => Some((e, f, i + 1)),
            }
        })
    }

    /// A speech verb is no act, but its subject is the likely referent of a pronoun that
    /// follows ("The Commerce Department said it was adding ...").
    fn speech<'a>(
        &self,
        cx: &Context<'_, 'a>,
        i: usize,
        resolver: &mut Resolver<'a>,
        prev: &mut Previous<'a>,
    ) {
        let s = cx.s;
        let Some(group) = verb_group(s, i, form::PAST | form::S3 | form::BASE, i + 1) else {
            return;
        };
        let found = match subject_left(s, group.start) {
            Subject::Np(r) => resolver.noun_phrase(s, r, cx.base, cx.index, true),
            Subject::Pronoun(k) => resolver.pronoun(s, k, cx.base, cx.index).map(|(a, _)| a),
            Subject::Relative(r) => resolver.noun_phrase(s, r, cx.base, cx.index, true),
            Subject::Coordinated => prev.actor.clone(),
            Subject::None => {
                let inverted = group.start > 0
                    && (s.punct(group.start - 1, ",") || s.punct(group.start - 1, "\""));
                if inverted {
                    let r = np_right(s, i + 1, false);
                    resolver.noun_phrase(s, r, cx.base, cx.index, true)
                } else {
                    None
                }
            }
        };
        if let Some(a) = &found {
            resolver.remember(a, cx.index, true);
            prev.actor = found;
        }
    }

    /// Read one act around a verb group: actor, target, object; `None` when it is no act or
    /// has no actor.
    fn act<'a>(
        &self,
        cx: &Context<'_, 'a>,
        entry: &VerbEntry,
        group: &chunk::Group,
        resolver: &mut Resolver<'a>,
        article: &Article,
        prev: &mut Previous<'a>,
    ) -> Option<Action> {
        let s = cx.s;
        let passive = group.voice == Voice::Passive;
        let comp = complement(s, group.after, entry, passive);
        let subject = match group.voice {
            Voice::Chain => Subject::Coordinated,
            _ => subject_left(s, group.start),
        };
        let subject_np: Option<Range<usize>> = match &subject {
            Subject::Np(r) | Subject::Relative(r) => Some(r.clone()),
            Subject::Pronoun(k) => Some(*k..*k + 1),
            Subject::Coordinated => prev.subject.clone(),
            Subject::None => None,
        };
        let mut dobj = comp.dobj.clone();
        let (actor, rule) = if passive {
            let actor = comp.by.clone().and_then(|r| {
                if r.len() == 1 && s.is(r.start, class::PRON) {
                    resolver
                        .pronoun(s, r.start, cx.base, cx.index)
                        .map(|(a, _)| a)
                } else {
                    resolver.noun_phrase(s, r, cx.base, cx.index, false)
                }
            });
            // the subject of a passive is what the active object would be
            dobj = subject_np.clone();
            (actor, "passive-by")
        } else {
            match &subject {
                Subject::Np(_) if group.s3 && governed(s, subject_np.as_ref()) => (None, "active"),
                Subject::Np(r) => (
                    resolver.noun_phrase(s, r.clone(), cx.base, cx.index, false),
                    "active",
                ),
                Subject::Relative(r) => {
                    let found = resolver.noun_phrase(s, r.clone(), cx.base, cx.index, false);
                    // "Paul released a video that accuses Cruz": what a work says or does,
                    // its maker does
                    let head = r.clone().rev().find(|&k| s.toks[k].word).map(|k| s.low(k));
                    match (found, head) {
                        (None, Some(h)) if WORKS.contains(&h) && prev.actor.is_some() => {
                            (prev.actor.clone(), "relative-work")
                        }
                        (found, _) => (found, "relative"),
                    }
                }
                Subject::Pronoun(k) => match resolver.pronoun(s, *k, cx.base, cx.index) {
                    Some((a, Source::Speaker)) => (Some(a), "reported"),
                    Some((a, source))
                        if source == Source::SameSentence
                            || !s.is(*k, class::PRON_THING | class::PRON_GROUP) =>
                    {
                        (Some(a), "pronoun")
                    }
                    None if !s.is(*k, class::PRON_THING | class::PRON_GROUP) => (None, "pronoun"),
                    // "Nippon Steel slid after it agreed ...": the body named before in the sentence
                    found => {
                        let near = nearest_name(s, *k)
                            .and_then(|r| resolver.noun_phrase(s, r, cx.base, cx.index, false))
                            .filter(|a| a.kind != actor::Kind::Person);
                        match near.or(found.map(|(a, _)| a)) {
                            Some(a) => {
                                let t = s.toks[*k];
                                let pronoun = cx.base + t.start..cx.base + t.end;
                                (Some(Resolved { norm: pronoun, ..a }), "pronoun")
                            }
                            None => (None, "pronoun"),
                        }
                    }
                },
                Subject::Coordinated if group.voice == Voice::Chain && prev.actor.is_none() => {
                    // ", promising to ...": the subject that opens the sentence
                    let first = (0..s.toks.len()).find(|&k| s.toks[k].word).unwrap_or(0);
                    let r = np_right(s, first, false);
                    (
                        resolver.noun_phrase(s, r, cx.base, cx.index, false),
                        "participle",
                    )
                }
                Subject::Coordinated => (
                    prev.actor.clone(),
                    if group.voice == Voice::Chain {
                        "participle"
                    } else {
                        "coordinated"
                    },
                ),
                Subject::None => (None, "active"),
            }
        };
        let mut actor = actor;
        let mut rule = rule;
        // "the pact, which Trump has criticized": the antecedent is the object
        if let (Subject::Np(r), None, false) = (&subject, &dobj, passive) {
            if r.start > 0 && s.is(r.start - 1, class::REL) && s.low(r.start - 1) != "who" {
                let mut a = r.start - 1;
                if a > 0 && s.punct(a - 1, ",") {
                    a -= 1;
                }
                let antecedent = np_left(s, a);
                // "told POLITICO that Gore plans ...": "that" after a verb's object is a
                // complementizer, not a relative pronoun
                let relative = s.low(r.start - 1) == "which"
                    || (s.is(antecedent.start, class::DET)
                        && !s.is(antecedent.start.wrapping_sub(1), class::SPEECH));
                let open = comp.infinitive.is_none() && comp.preps.is_empty();
                if !antecedent.is_empty() && relative && open {
                    dobj = Some(antecedent);
                }
            }
        }
        // "a measure that just passed Congress": the legislature is the actor
        if entry.through && !passive {
            let bill_subject = subject_np
                .as_ref()
                .and_then(|r| r.clone().rev().find(|&k| s.toks[k].word))
                .is_some_and(|h| s.is(h, class::BILL_NOUN));
            if bill_subject {
                let body = comp
                    .dobj
                    .clone()
                    .filter(|r| r.clone().any(|k| s.is(k, class::LEGISLATURE)));
                actor = body.and_then(|r| resolver.noun_phrase(s, r, cx.base, cx.index, false));
                dobj = subject_np.clone();
                rule = "pass-through";
            }
        }
        *prev = Previous {
            actor: actor.clone(),
            subject: subject_np.clone(),
        };
        let actor = actor?;
        resolver.remember(&actor, cx.index, entry.report);
        if entry.report && comp.clause {
            return None;
        }
        if entry.needobj && dobj.is_none() {
            return None;
        }
        if (entry.needprep && comp.preps.is_empty()) || (entry.needto && comp.infinitive.is_none())
        {
            return None;
        }
        if group.voice == Voice::Active && group.bare && dobj.is_none() && !entry.alone {
            // "the two men accused of ...": a participle with no object before a preposition
            // that is no target of the verb is a reduced relative clause, not an act
            let k = comp.after_adverbs;
            let target_prep = entry.prep_role(s.low(k)) == Some(Role::Target);
            if s.is(k, class::PREP) && !target_prep && group.participle && comp.infinitive.is_none()
            {
                return None;
            }
            // "the Paris attacks": an -s form with nothing after it is a noun
            if group.s3 && comp.preps.is_empty() && comp.infinitive.is_none() {
                return None;
            }
        }
        let mut target = None;
        let mut object = None;
        if let Some(r) = dobj {
            match entry.dobj {
                Role::Target => target = Some(r),
                Role::Object => object = Some(r),
            }
        }
        for (role, r) in &comp.preps {
            match role {
                Role::Target if target.is_none() => target = Some(r.clone()),
                Role::Object if object.is_none() => object = Some(r.clone()),
                _ => {}
            }
        }
        if object.is_none() {
            object = comp.infinitive.clone();
        }
        let doc = resolver.doc();
        let abs = |r: &Range<usize>| norm_range(cx, r);
        let phrase = |r: &Range<usize>| phrase_of(doc, cx, r);
        // a phrase must hold more than a determiner ("confirmed a ...")
        let content = |r: &Range<usize>| r.clone().any(|k| s.toks[k].word && !s.is(k, class::DET));
        let target = target.filter(content).map(|r| phrase(&r));
        let object = object.filter(content).map(|r| phrase(&r));
        if target.is_none() && object.is_none() && !entry.alone {
            // "ELEVEN POLICE KILLED": an act on nothing is a passive headline or no act
            return None;
        }
        let count = target.as_ref().and_then(|t| count_in(cx, article, t));
        let verb_tokens = group.start..group.after.max(comp.end);
        let mut clause = abs(&verb_tokens);
        let sentence_norm = cx.base..cx.base + s.text.len();
        if actor.norm.start >= sentence_norm.start && actor.norm.end <= sentence_norm.end {
            clause.start = clause.start.min(actor.norm.start);
            clause.end = clause.end.max(actor.norm.end);
        }
        let rule = if cx.headline && rule == "active" {
            "headline"
        } else {
            rule
        };
        Some(Action {
            target,
            object,
            count,
            negated: group.negated,
            rule: rule.to_string(),
            ..record(doc, cx, entry, clause, &actor)
        })
    }

    /// The record of an act named by a noun ("the FBI's probe into X"): its possessor is
    /// the actor, the phrase after its preposition the target.
    fn nominal<'a>(
        &self,
        cx: &Context<'_, 'a>,
        act: &NounAct,
        resolver: &mut Resolver<'a>,
        article: &Article,
    ) -> Option<Action> {
        let s = cx.s;
        let entry = self.verbs.entries.get(act.entry)?;
        let actor = match &act.possessor {
            Possessor::Np(r) => resolver.noun_phrase(s, r.clone(), cx.base, cx.index, false),
            Possessor::Pronoun(k) => resolver.pronoun(s, *k, cx.base, cx.index).map(|(a, _)| a),
        }?;
        let doc = resolver.doc();
        let target = phrase_of(doc, cx, &act.target);
        let clause = norm_range(cx, &act.tokens);
        Some(Action {
            count: count_in(cx, article, &target),
            target: Some(target),
            rule: "nominal".to_string(),
            ..record(doc, cx, entry, clause, &actor)
        })
    }
}

/// True when every word of the sentence `text` (at normalized offset `base`) lies inside one
/// quotation of `quoted`: the parser skips quoted words, so such a sentence holds no act and
/// need not be tokenized. Words start at a letter, digit or apostrophe and end with a letter
/// or digit, so the stretch from the first of those to the last letter or digit bounds them.
fn all_quoted(text: &str, base: usize, quoted: &[Range<usize>]) -> bool {
    let first = text.find(|c: char| c.is_alphanumeric() || c == '\'');
    let last = text.rfind(char::is_alphanumeric);
    let (Some(first), Some(last)) = (first, last) else {
        // no word at all: nothing to parse either way
        return false;
    };
    let (lo, hi) = (base + first, base + last);
    quoted.iter().any(|q| q.start <= lo && hi < q.end)
}

#[cfg(test)]
mod tests {
    use super::all_quoted;

    #[test]
    fn sentence_inside_one_quotation_is_all_quoted() {
        // "We will win. We will prevail." with the inner quote at 1..29
        let text = "\"We will win. We will prevail.\"";
        let inner = vec![0..0, 1..29];
        assert!(all_quoted(&text[..13], 0, &inner));
        assert!(all_quoted(&text[14..], 14, &inner));
        // the attribution is outside: "..., he said."
        assert!(!all_quoted("\"We will win,\" he said.", 0, &[0..0, 1..13]));
        assert!(!all_quoted("No quotes here.", 0, &[]));
    }
}
