//! Gazetteers: the word lists the rules use, kept as data files beside this module and
//! embedded with `include_str!`. Users extend any list through
//! [`ExtractorBuilder::add_list`](crate::ExtractorBuilder::add_list).
//!
//! Every list is line-oriented: one entry per line, `#` starts a comment, blank lines are
//! ignored. Tab-separated lists document their columns in their header comment.

use std::collections::BTreeMap;

/// The word lists the pipeline reads, one data file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ListKind {
    /// Abbreviations that end in a period but do not end a sentence ("Sen.", "Calif.", "p.m.").
    Abbreviations,
    /// Whole lines that are page furniture ("Most Popular", "Load more").
    Furniture,
    /// Public bodies: `canonical name <TAB> aliases separated by | <TAB> acronym <TAB> kind`.
    Agencies,
    /// Titles and roles of officials: `title <TAB> canonical agency names separated by | or empty`.
    Titles,
    /// Political parties: `surface form <TAB> party code`.
    Parties,
    /// US states and their abbreviations: `surface form <TAB> canonical form`.
    States,
    /// Speech verbs that introduce quotes ("said", "told", "according to").
    SpeechVerbs,
    /// Action verbs: `lemma <TAB> kind <TAB> inflected forms separated by | <TAB> object role
    /// <TAB> prepositions <TAB> flags` (see the file's header).
    ActionVerbs,
    /// Acts named by a noun with its doer as possessor ("the FBI's probe into X"):
    /// `noun <TAB> verb lemma <TAB> prepositions of the target separated by |`.
    ActionNouns,
    /// Function words the action parser reads: `word <TAB> class` (auxiliaries, negators,
    /// pronouns, clause words, time words, actor heads).
    ActionWords,
    /// Units after a number: `unit <TAB> kind` (money, percent, measure); a number before
    /// one is not a count.
    Units,
    /// Capitalized words that commonly open a sentence ("The", "He", "But"): after an
    /// ambiguous abbreviation ("U.S.", "Co.") one of these means the sentence ended.
    SentenceStarters,
    /// Given names: `name <TAB> gender (M, F, U)`; a capitalised run starting with one is a person.
    FirstNames,
    /// Listed given names that never start a person's name on their own ("May", "Georgia").
    NameStopwords,
    /// Words before a surname that mark a person: `honorific <TAB> gender or empty` ("Mr", "Sen").
    Honorifics,
    /// Head words that turn a preceding name into an organisation or place ("Foundation").
    OrgWords,
    /// Number words: `word <TAB> value <TAB> class` ("eleven", "million", "dozen", "third").
    NumberWords,
    /// Words around a number that tell its kind: `phrase <TAB> role` ("more than", "Section").
    NumberCues,
    /// Words the count rules read: `word <TAB> role` (irregular plurals, phrase stops).
    CountWords,
    /// Word classes of the agency patterns: `class <TAB> word` (head, of-head, chamber, ...).
    AgencyWords,
    /// Capitalised function words that never start a name ("The", "Former").
    FunctionWords,
    /// Demonyms: `demonym <TAB> country` ("Brazilian" -> Brazil).
    Demonyms,
    /// Lowercase words allowed inside a title before its head ("former", "presumptive").
    TitleModifiers,
    /// Words that end an appositive ("said", "who"): `Name, the X of Y who ...`.
    ClauseWords,
    /// Words the quote attribution reads: `kind <TAB> word` (speaker nouns, pronouns, titles...).
    QuoteWords,
}

impl ListKind {
    /// Every list kind, in a fixed order.
    pub const ALL: &[ListKind] = &[
        ListKind::Abbreviations,
        ListKind::Furniture,
        ListKind::Agencies,
        ListKind::Titles,
        ListKind::Parties,
        ListKind::States,
        ListKind::SpeechVerbs,
        ListKind::ActionVerbs,
        ListKind::ActionNouns,
        ListKind::ActionWords,
        ListKind::Units,
        ListKind::SentenceStarters,
        ListKind::FirstNames,
        ListKind::NameStopwords,
        ListKind::Honorifics,
        ListKind::OrgWords,
        ListKind::NumberWords,
        ListKind::NumberCues,
        ListKind::CountWords,
        ListKind::AgencyWords,
        ListKind::FunctionWords,
        ListKind::Demonyms,
        ListKind::TitleModifiers,
        ListKind::ClauseWords,
        ListKind::QuoteWords,
    ];

    /// The built-in data file of this list.
    fn builtin(self) -> &'static str {
        match self {
            ListKind::Abbreviations => include_str!("abbreviations.txt"),
            ListKind::Furniture => include_str!("furniture.txt"),
            ListKind::Agencies => include_str!("agencies.tsv"),
            ListKind::Titles => include_str!("titles.tsv"),
            ListKind::Parties => include_str!("parties.tsv"),
            ListKind::States => include_str!("states.tsv"),
            ListKind::SpeechVerbs => include_str!("speech_verbs.txt"),
            ListKind::ActionVerbs => include_str!("action_verbs.tsv"),
            ListKind::ActionNouns => include_str!("action_nouns.tsv"),
            ListKind::ActionWords => include_str!("action_words.tsv"),
            ListKind::Units => include_str!("units.txt"),
            ListKind::SentenceStarters => include_str!("sentence_starters.txt"),
            ListKind::FirstNames => include_str!("first_names.tsv"),
            ListKind::NameStopwords => include_str!("name_stopwords.txt"),
            ListKind::Honorifics => include_str!("honorifics.tsv"),
            ListKind::OrgWords => include_str!("org_words.txt"),
            ListKind::NumberWords => include_str!("number_words.tsv"),
            ListKind::NumberCues => include_str!("number_cues.tsv"),
            ListKind::CountWords => include_str!("count_words.tsv"),
            ListKind::AgencyWords => include_str!("agency_words.tsv"),
            ListKind::FunctionWords => include_str!("function_words.txt"),
            ListKind::Demonyms => include_str!("demonyms.tsv"),
            ListKind::TitleModifiers => include_str!("title_modifiers.txt"),
            ListKind::ClauseWords => include_str!("clause_words.txt"),
            ListKind::QuoteWords => include_str!("quote_words.tsv"),
        }
    }
}

/// The word lists in force: the built-in data plus whatever the user added.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    user: BTreeMap<ListKind, Vec<String>>,
}

impl Lexicon {
    /// Add entries (in the list's line format) to a list.
    pub fn add(&mut self, kind: ListKind, lines: &str) {
        let entries = self.user.entry(kind).or_default();
        entries.extend(entry_lines(lines).map(str::to_string));
    }

    /// Every entry of a list, built-in ones first, comments and blank lines removed.
    pub fn lines(&self, kind: ListKind) -> impl Iterator<Item = &str> {
        let user = self
            .user
            .get(&kind)
            .into_iter()
            .flatten()
            .map(String::as_str);
        entry_lines(kind.builtin()).chain(user)
    }

    /// Entries of a tab-separated list, split into columns.
    pub fn rows(&self, kind: ListKind) -> impl Iterator<Item = Vec<&str>> {
        self.lines(kind)
            .map(|l| l.split('\t').map(str::trim).collect())
    }

    /// Whole-line furniture entries.
    pub fn furniture(&self) -> impl Iterator<Item = &str> {
        self.lines(ListKind::Furniture)
    }
}

/// The entry lines of a list file: trimmed, without comments and blanks.
fn entry_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(before, _)| before))
        .map(|l| l.trim_end_matches(['\r', ' ']))
        .filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_entries_follow_builtin_ones() {
        let mut lex = Lexicon::default();
        let before = lex.lines(ListKind::Furniture).count();
        lex.add(ListKind::Furniture, "# my site\nRead the full story\n\n");
        let all: Vec<&str> = lex.lines(ListKind::Furniture).collect();
        assert_eq!(all.len(), before + 1);
        assert_eq!(all.last(), Some(&"Read the full story"));
    }

    #[test]
    fn every_builtin_list_parses() {
        let lex = Lexicon::default();
        for &kind in ListKind::ALL {
            for line in lex.lines(kind) {
                assert!(!line.trim().is_empty(), "{kind:?}");
            }
        }
    }
}
