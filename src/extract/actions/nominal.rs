//! Acts named by a noun whose possessor is the doer: "the FBI's probe into the emails",
//! "Republicans' ongoing investigation into the attack", "her support for the deal". The
//! nouns, their verbs and the prepositions of their targets are data (`action_nouns.tsv`).

use super::chunk::{np_left, np_right};
use super::tokens::Sentence;
#[cfg(doc)]
use super::words::WordClasses;
use super::words::{class, VerbTable};
use crate::lexicon::{Lexicon, ListKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// One act noun: the verb entry it names and the prepositions that introduce its target.
#[derive(Debug, Clone)]
struct ActNoun {
    entry: usize,
    preps: Vec<String>,
}

/// Who does the act a noun names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Possessor {
    /// A noun phrase before "'s" or "'" (token range).
    Np(Range<usize>),
    /// A possessive pronoun ("her", "its"), by token.
    Pronoun(usize),
}

/// An act read from "POSSESSOR's [modifiers] NOUN PREP TARGET".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NounAct {
    /// Index of the verb entry in the [`VerbTable`].
    pub entry: usize,
    pub possessor: Possessor,
    /// Token range of the target phrase.
    pub target: Range<usize>,
    /// Token range from the possessor to the end of the target.
    pub tokens: Range<usize>,
}

/// The act nouns of the lexicon, compiled once.
#[derive(Debug, Clone, Default)]
pub(super) struct ActNouns {
    nouns: FxHashMap<String, ActNoun>,
}

/// At most this many modifiers stand between possessor and noun ("proposed temporary ban").
const MAX_MODIFIERS: usize = 2;

impl ActNouns {
    /// Read `action_nouns.tsv`; a row whose verb is not in `verbs` is skipped.
    pub fn new(lexicon: &Lexicon, verbs: &VerbTable) -> ActNouns {
        let mut nouns = FxHashMap::default();
        for row in lexicon.rows(ListKind::ActionNouns) {
            let (Some(noun), Some(lemma)) = (row.first(), row.get(1)) else {
                continue;
            };
            let lemma = lemma.to_lowercase();
            let Some(entry) = verbs.entries.iter().position(|e| e.lemma == lemma) else {
                continue;
            };
            let preps = row
                .get(2)
                .into_iter()
                .flat_map(|p| p.split('|'))
                .map(|p| p.trim().to_lowercase())
                .filter(|p| !p.is_empty())
                .collect();
            nouns.insert(noun.to_lowercase(), ActNoun { entry, preps });
        }
        ActNouns { nouns }
    }

    /// Every act noun, lowercase, for [`WordClasses::with_act_nouns`].
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.nouns.keys().map(String::as_str)
    }

    /// The act named by the noun at token `i`, when a possessor comes before it and one of
    /// its prepositions with a target right after it. Tokens come from a [`Sentence`] whose
    /// word classes know the act nouns.
    #[inline]
    pub fn find(&self, s: &Sentence, i: usize) -> Option<NounAct> {
        // the test that rejects nearly every token, inlined into the caller's loop
        let t = s.toks.get(i)?;
        if !t.word || t.cap || !t.act_noun {
            return None;
        }
        self.read(s, i)
    }

    /// [`ActNouns::find`] at an act noun `i`.
    fn read(&self, s: &Sentence, i: usize) -> Option<NounAct> {
        // the possessor, past a few lowercase modifiers ("ongoing", "proposed temporary")
        let mut p = i.checked_sub(1)?;
        let mut modifiers = 0;
        loop {
            let low = s.low(p);
            if low == "'s" || low == "'" || s.is(p, class::POSS) {
                break;
            }
            let m = s.toks[p];
            if !m.word || m.cap || m.digit || m.class != 0 || modifiers == MAX_MODIFIERS {
                return None;
            }
            // "his proposed ban", "the alleged attack": not an act that happened
            if low.ends_with("ed") {
                return None;
            }
            modifiers += 1;
            p = p.checked_sub(1)?;
        }
        let noun = self.nouns.get(s.low(i))?;
        if !noun.preps.iter().any(|x| x == s.low(i + 1)) {
            return None;
        }
        let mut target = np_right(s, i + 2, false);
        // "Clinton's attack on Trump indicates ...": a verb after a name ends the phrase
        let last = target.end.wrapping_sub(1);
        if target.len() >= 2
            && s.toks[last].class == 0
            && !s.toks[last].cap
            && s.low(last).ends_with('s')
            && s.toks[last - 1].cap
        {
            target.end = last;
        }
        if target.is_empty() {
            return None;
        }
        let (possessor, start) = if s.is(p, class::POSS) {
            (Possessor::Pronoun(p), p)
        } else {
            let r = np_left(s, p);
            if r.is_empty() {
                return None;
            }
            (Possessor::Np(r.clone()), r.start)
        };
        Some(NounAct {
            entry: noun.entry,
            possessor,
            tokens: start..target.end,
            target,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actions::words::WordClasses;

    fn find(text: &str, noun: &str) -> Option<(String, String, String)> {
        let lexicon = Lexicon::default();
        let verbs = VerbTable::new(&lexicon);
        let nouns = ActNouns::new(&lexicon, &verbs);
        let words = WordClasses::new(&lexicon)
            .with_verbs(&verbs)
            .with_act_nouns(nouns.words());
        let s = Sentence::new(text, &words);
        let i = (0..s.toks.len()).find(|&i| s.low(i) == noun)?;
        let act = nouns.find(&s, i)?;
        let who = match act.possessor {
            Possessor::Np(r) => s.text_of(r).to_string(),
            Possessor::Pronoun(k) => s.word(k).to_string(),
        };
        let verb = verbs.entries[act.entry].lemma.clone();
        Some((who, verb, s.text_of(act.target).to_string()))
    }

    #[test]
    fn possessor_noun_and_target() {
        assert_eq!(
            find(
                "It followed the FBI's probe into the missing files.",
                "probe"
            ),
            Some((
                "the FBI".into(),
                "investigate".into(),
                "the missing files".into()
            ))
        );
        assert_eq!(
            find(
                "Lawmakers' ongoing investigation into the attack continued.",
                "investigation"
            ),
            Some((
                "Lawmakers".into(),
                "investigate".into(),
                "the attack".into()
            ))
        );
        assert_eq!(
            find("She explained her support for the deal.", "support"),
            Some(("her".into(), "support".into(), "the deal".into()))
        );
    }

    #[test]
    fn no_possessor_or_no_target_is_no_act() {
        assert_eq!(find("The probe into the files continued.", "probe"), None);
        assert_eq!(find("The FBI's probe continued.", "probe"), None);
        assert_eq!(
            find("The FBI's big new costly probe into it.", "probe"),
            None
        );
        assert_eq!(find("Trump's proposed ban on imports ended.", "ban"), None);
        assert_eq!(
            find("Her attack on Trump indicates a shift.", "attack").map(|a| a.2),
            Some("Trump".into())
        );
    }
}
