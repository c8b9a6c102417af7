//! The action parser's word lists, compiled once: the verb table (lemma, kind, inflections,
//! argument frame) and the function-word classes (auxiliaries, pronouns, clause words...).

use crate::lexicon::{Lexicon, ListKind};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::collections::HashMap;
use std::ops::Range;

/// A map keyed by words, with FxHash.
type WordMap<V> = HashMap<String, V, FxBuildHasher>;

/// Which argument slot a phrase fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The affected party ("eight companies").
    Target,
    /// The measure ("sanctions").
    Object,
}

/// Verb-form flags: which inflection a surface form is (a form can be several).
pub(super) mod form {
    pub const BASE: u8 = 1;
    pub const S3: u8 = 2;
    pub const PAST: u8 = 4;
    pub const PART: u8 = 8;
    pub const ING: u8 = 16;
}

/// One row of `action_verbs.tsv`.
#[derive(Debug, Clone)]
pub(super) struct VerbEntry {
    pub lemma: String,
    pub kind: String,
    /// The particle of a phrasal verb ("down" in "shut down").
    pub particle: Option<String>,
    /// The role of the direct object.
    pub dobj: Role,
    /// Prepositions that introduce a role ("on" → target for "impose").
    pub preps: Vec<(String, Role)>,
    /// Speech-like: skipped when the complement is a clause.
    pub report: bool,
    /// Only an act with a direct object.
    pub needobj: bool,
    /// Only an act with one of its prepositions.
    pub needprep: bool,
    /// Only an act with an infinitive ("pushed Democrats to reject").
    pub needto: bool,
    /// An act even with no target or object ("resigned").
    pub alone: bool,
    /// "The bill passed Congress": a legislature after the verb is the actor.
    pub through: bool,
}

impl VerbEntry {
    /// The role a preposition introduces for this verb.
    pub fn prep_role(&self, prep: &str) -> Option<Role> {
        self.preps.iter().find(|(p, _)| p == prep).map(|(_, r)| *r)
    }
}

/// One verb entry a surface form belongs to, with what the parser tests of it first.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    /// Index into [`VerbTable::entries`].
    pub entry: usize,
    /// Form flags ([`form`]).
    pub flags: u8,
    /// The entry's particle ([`VerbEntry::particle`]), here so that picking a reading reads
    /// no entry.
    pub particle: Option<Box<str>>,
}

/// Surface form → verb entries with the form flags, compiled from the lexicon.
#[derive(Debug, Clone, Default)]
pub(super) struct VerbTable {
    pub entries: Vec<VerbEntry>,
    /// Surface form → slot in `spans`.
    forms: WordMap<u32>,
    /// The readings of every surface form, one run per form, phrasal entries first.
    readings: Vec<Reading>,
    /// The run of `readings` of each slot.
    spans: Vec<Range<usize>>,
}

impl VerbTable {
    /// Parse the rows of `action_verbs.tsv` (a later row with the same lemma replaces the earlier).
    pub fn new(lexicon: &Lexicon) -> VerbTable {
        let mut by_lemma: Vec<VerbEntry> = Vec::new();
        let mut inflections: Vec<Vec<String>> = Vec::new();
        for row in lexicon.rows(ListKind::ActionVerbs) {
            let lemma = row[0].to_lowercase();
            if lemma.is_empty() {
                continue;
            }
            let col = |i: usize| row.get(i).copied().unwrap_or("");
            let mut words = lemma.split_whitespace();
            let particle = words.nth(1).map(str::to_string);
            let preps = col(4)
                .split(',')
                .filter_map(|p| p.split_once(':'))
                .map(|(p, r)| (p.trim().to_lowercase(), parse_role(r)))
                .collect();
            let flags = col(5);
            let entry = VerbEntry {
                kind: if col(1).is_empty() { "act" } else { col(1) }.to_string(),
                particle,
                dobj: parse_role(col(3)),
                preps,
                report: flags.contains("report"),
                needobj: flags.contains("needobj"),
                needprep: flags.contains("needprep"),
                needto: flags.contains("needto"),
                alone: flags.contains("alone"),
                through: flags.contains("through"),
                lemma,
            };
            let forms: Vec<String> = col(2).split('|').map(|f| f.trim().to_lowercase()).collect();
            match by_lemma.iter().position(|e| e.lemma == entry.lemma) {
                Some(i) => {
                    by_lemma[i] = entry;
                    inflections[i] = forms;
                }
                None => {
                    by_lemma.push(entry);
                    inflections.push(forms);
                }
            }
        }
        let mut forms: WordMap<Vec<(usize, u8)>> = WordMap::default();
        for (i, (entry, infl)) in by_lemma.iter().zip(&inflections).enumerate() {
            let head = entry.lemma.split_whitespace().next().unwrap_or("");
            let mut add = |f: &str, flag: u8| {
                if f.is_empty() {
                    return;
                }
                let list = forms.entry(f.to_string()).or_default();
                match list.iter_mut().find(|(e, _)| *e == i) {
                    Some((_, fl)) => *fl |= flag,
                    None => list.push((i, flag)),
                }
            };
            add(head, form::BASE);
            let slots = [form::S3, form::PAST, form::PART, form::ING];
            for (n, f) in infl.iter().enumerate() {
                // forms after the fourth are spelling variants ("labelled", "labelling")
                let flag = match slots.get(n) {
                    Some(flag) => *flag,
                    None if f.ends_with("ing") => form::ING,
                    None => form::PAST | form::PART,
                };
                add(f, flag);
            }
        }
        // Phrasal entries first, so that "shut down" wins over "shut".
        let mut keys: Vec<String> = forms.keys().cloned().collect();
        keys.sort_unstable();
        let mut slots = WordMap::default();
        let mut readings = Vec::new();
        let mut spans = Vec::with_capacity(keys.len());
        for key in keys {
            let mut list = forms.remove(&key).unwrap_or_default();
            list.sort_by_key(|(e, _)| (by_lemma[*e].particle.is_none(), *e));
            slots.insert(key, spans.len() as u32);
            let start = readings.len();
            readings.extend(list.into_iter().map(|(entry, flags)| Reading {
                entry,
                flags,
                particle: by_lemma[entry].particle.as_deref().map(Box::from),
            }));
            spans.push(start..readings.len());
        }
        VerbTable {
            entries: by_lemma,
            forms: slots,
            readings,
            spans,
        }
    }

    /// The (entry, form flags) pairs of a lowercase surface form, phrasal entries first.
    #[cfg(test)]
    pub fn lookup(&self, lower: &str) -> Vec<(usize, u8)> {
        let list = self.forms.get(lower).map_or(&[][..], |&k| self.list(k));
        list.iter().map(|r| (r.entry, r.flags)).collect()
    }

    /// The readings of the surface form in `slot` (see [`Lex::verb`]), phrasal ones first.
    pub fn list(&self, slot: u32) -> &[Reading] {
        self.spans
            .get(slot as usize)
            .and_then(|r| self.readings.get(r.clone()))
            .unwrap_or(&[])
    }
}

fn parse_role(s: &str) -> Role {
    if s.trim().eq_ignore_ascii_case("object") {
        Role::Object
    } else {
        Role::Target
    }
}

/// Function-word classes, as bit flags (a word may have several).
pub(super) mod class {
    pub const BE: u32 = 1;
    pub const HAVE: u32 = 1 << 1;
    pub const DO: u32 = 1 << 2;
    pub const MODAL: u32 = 1 << 3;
    pub const NEG: u32 = 1 << 4;
    pub const DET: u32 = 1 << 5;
    pub const POSS: u32 = 1 << 6;
    pub const PREP: u32 = 1 << 7;
    pub const CONJ: u32 = 1 << 8;
    pub const SUBORD: u32 = 1 << 9;
    pub const REL: u32 = 1 << 10;
    pub const PRON_PERSON: u32 = 1 << 11;
    pub const PRON_THING: u32 = 1 << 12;
    pub const PRON_GROUP: u32 = 1 << 13;
    pub const PRON_OTHER: u32 = 1 << 14;
    pub const ADVERB: u32 = 1 << 15;
    pub const TIME: u32 = 1 << 16;
    pub const TIME_MOD: u32 = 1 << 17;
    pub const SPEECH: u32 = 1 << 18;
    pub const TITLE: u32 = 1 << 19;
    pub const ORG_NOUN: u32 = 1 << 20;
    pub const PERSON_NOUN: u32 = 1 << 21;
    pub const GROUP_NOUN: u32 = 1 << 22;
    pub const BILL_NOUN: u32 = 1 << 23;
    pub const LEGISLATURE: u32 = 1 << 24;
    /// "had to", "managed to", "voted to": the infinitive after it is the act.
    pub const CATENATIVE: u32 = 1 << 25;
    /// "refused to", "failed to": the infinitive after it is an act that did not happen.
    pub const CATENATIVE_NEG: u32 = 1 << 26;
    /// Verb particles ("down", "over", "out").
    pub const PARTICLE: u32 = 1 << 27;
    /// Any pronoun.
    pub const PRON: u32 = PRON_PERSON | PRON_THING | PRON_GROUP | PRON_OTHER;
    /// Auxiliaries and negators: the words of a verb group before the verb.
    pub const AUX: u32 = BE | HAVE | DO | MODAL | NEG;
    /// Words that end a noun phrase.
    pub const NP_STOP: u32 = AUX | PREP | CONJ | SUBORD | PRON | SPEECH | PARTICLE;
    /// Heads that make a common noun phrase an actor.
    pub const ACTOR_NOUN: u32 = ORG_NOUN | PERSON_NOUN | GROUP_NOUN;

    /// The class named in the data file.
    pub fn parse(name: &str) -> u32 {
        match name {
            "be" => BE,
            "have" => HAVE,
            "do" => DO,
            "modal" => MODAL,
            "neg" => NEG,
            "det" => DET,
            "poss" => POSS,
            "prep" => PREP,
            "conj" => CONJ,
            "subord" => SUBORD,
            "rel" => REL,
            "pron-person" => PRON_PERSON,
            "pron-thing" => PRON_THING,
            "pron-group" => PRON_GROUP,
            "pron-other" => PRON_OTHER,
            "adverb" => ADVERB,
            "time" => TIME,
            "time-mod" => TIME_MOD,
            "speech" => SPEECH,
            "title" => TITLE,
            "org-noun" => ORG_NOUN,
            "person-noun" => PERSON_NOUN,
            "group-noun" => GROUP_NOUN,
            "bill-noun" => BILL_NOUN,
            "legislature" => LEGISLATURE,
            "catenative" => CATENATIVE,
            "catenative-neg" => CATENATIVE_NEG,
            "particle" => PARTICLE,
            _ => 0,
        }
    }
}

/// What the parser knows of one lowercase word, found with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Lex {
    /// Function-word classes.
    pub class: u32,
    /// 1 + the word's slot in the verb table ([`VerbTable::list`]); 0 for no verb form.
    pub verb: u32,
    /// A noun that names an act ("probe", "support"; see `action_nouns.tsv`).
    pub act_noun: bool,
}

/// Words of at most this many bytes are looked up by their bytes packed into an integer.
pub(super) const KEY_BYTES: usize = 16;

/// The key of a word of `len` (1..=[`KEY_BYTES`]) bytes read with the bytes after it in
/// `bytes` (exactly [`KEY_BYTES`] long): its bytes little-endian, the rest zero. A token has
/// no zero byte, so no two words share a key.
#[inline]
fn key(bytes: &[u8], len: usize) -> u128 {
    let mut buf = [0u8; KEY_BYTES];
    buf.copy_from_slice(bytes);
    let keep = u32::try_from(8 * (KEY_BYTES - len)).unwrap_or(0);
    u128::from_le_bytes(buf) & u128::MAX.checked_shr(keep).unwrap_or(0)
}

/// Lowercase word → class flags (from `action_words.tsv`) and verb-table slot.
#[derive(Debug, Clone, Default)]
pub(super) struct WordClasses {
    /// Words of at most [`KEY_BYTES`] bytes (most), by [`key`]: a hit compares integers, not
    /// strings on the heap.
    short: FxHashMap<u128, Lex>,
    /// Longer words (and any with a zero byte).
    long: WordMap<Lex>,
}

impl WordClasses {
    pub fn new(lexicon: &Lexicon) -> WordClasses {
        let mut words = WordClasses::default();
        for row in lexicon.rows(ListKind::ActionWords) {
            let (Some(word), Some(cls)) = (row.first(), row.get(1)) else {
                continue;
            };
            words.entry(&word.to_lowercase()).class |= class::parse(cls);
        }
        words
    }

    /// Add the verb-table slot of every surface form of `verbs`, so that one lookup per
    /// token gives both its classes and its verb entries.
    pub fn with_verbs(mut self, verbs: &VerbTable) -> WordClasses {
        for (form, &slot) in &verbs.forms {
            self.entry(form).verb = slot + 1;
        }
        self
    }

    /// Mark `nouns` (lowercase) as nouns that name acts.
    pub fn with_act_nouns<'n>(mut self, nouns: impl Iterator<Item = &'n str>) -> WordClasses {
        for noun in nouns {
            self.entry(noun).act_noun = true;
        }
        self
    }

    /// The entry of a lowercase word, made empty when new.
    fn entry(&mut self, word: &str) -> &mut Lex {
        let b = word.as_bytes();
        if (1..=KEY_BYTES).contains(&b.len()) && !b.contains(&0) {
            let mut bytes = [0u8; KEY_BYTES];
            bytes[..b.len()].copy_from_slice(b);
            self.short.entry(key(&bytes, b.len())).or_default()
        } else {
            self.long.entry(word.to_string()).or_default()
        }
    }

    /// The classes of a lowercase word (0 when it has none).
    #[cfg(test)]
    pub fn of(&self, lower: &str) -> u32 {
        self.lex(lower).class
    }

    /// Classes and verb slot of a lowercase word.
    pub fn lex(&self, lower: &str) -> Lex {
        let b = lower.as_bytes();
        if (1..=KEY_BYTES).contains(&b.len()) && !b.contains(&0) {
            let mut bytes = [0u8; KEY_BYTES];
            bytes[..b.len()].copy_from_slice(b);
            return self.lex_short(&bytes, b.len());
        }
        self.long.get(lower).copied().unwrap_or_default()
    }

    /// Classes and verb slot of the lowercase word of `len` (1..=[`KEY_BYTES`]) bytes, read
    /// with the bytes after it in `bytes` ([`KEY_BYTES`] long, no zero byte in the word).
    #[inline]
    pub fn lex_short(&self, bytes: &[u8], len: usize) -> Lex {
        self.short
            .get(&key(bytes, len))
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_table_reads_inflections_and_frames() {
        let table = VerbTable::new(&Lexicon::default());
        let hits = table.lookup("imposed");
        let (e, f) = hits[0];
        assert_eq!(table.entries[e].lemma, "impose");
        assert_eq!(table.entries[e].kind, "sanction");
        assert!(f & form::PAST != 0 && f & form::PART != 0);
        assert_eq!(table.entries[e].prep_role("on"), Some(Role::Target));
        assert!(
            table.lookup("said").is_empty(),
            "plain speech is no action verb"
        );
    }

    #[test]
    fn phrasal_entries_come_first() {
        let table = VerbTable::new(&Lexicon::default());
        let hits = table.lookup("shut");
        assert_eq!(table.entries[hits[0].0].particle.as_deref(), Some("down"));
    }

    #[test]
    fn user_rows_extend_and_replace() {
        let mut lex = Lexicon::default();
        lex.add(ListKind::ActionVerbs, "embargo\ttrade\tembargoes|embargoed|embargoed|embargoing\ngerrymander\tlegislate\tgerrymanders|gerrymandered|gerrymandered|gerrymandering");
        let table = VerbTable::new(&lex);
        let (e, _) = table.lookup("embargoed")[0];
        assert_eq!(table.entries[e].kind, "trade");
        assert!(!table.lookup("gerrymandered").is_empty());
    }

    #[test]
    fn word_classes_combine() {
        let words = WordClasses::new(&Lexicon::default());
        assert!(words.of("that") & class::REL != 0 && words.of("that") & class::SUBORD != 0);
        assert!(words.of("was") & class::BE != 0);
        assert_eq!(words.of("entities"), 0);
    }
}
