//! Agency records: public bodies found by a gazetteer (aho-corasick, leftmost-longest) and by
//! general patterns ("X Department", "Ministry of X", "Biden administration", "Brazilian
//! police"), with weak short forms ("Commerce", "House") accepted only in context, acronyms
//! defined in parentheses, and "the department" joined to the latest body it names.

use crate::document::Document;
use crate::extract::names::NameModel;
use crate::extract::starts::{is_word_byte, word_len, FirstWords};
use crate::lexicon::{Lexicon, ListKind};
use crate::record::{Agency, Article, Mention};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::Arc;

/// A body of the gazetteer.
#[derive(Debug, Clone)]
struct BodyDef {
    name: String,
    acronyms: Vec<String>,
    kind: String,
}

/// One surface form of the gazetteer automaton.
#[derive(Debug, Clone, Copy)]
struct FormDef {
    body: usize,
    /// A short form that needs context ("Commerce").
    weak: bool,
    /// The form is one of the body's acronyms.
    acronym: bool,
}

/// What a pattern cue word starts (one word may start several patterns).
#[derive(Debug, Clone, Copy, Default)]
struct CueKind {
    /// "X Department": a capitalised run before it.
    head: bool,
    /// "Department of X": a capitalised "of" tail after it.
    of_head: bool,
    /// "Biden administration".
    admin: bool,
    /// "Brazilian police": a demonym before it.
    force: bool,
    /// "the department": joins the latest body whose name has the word.
    anaphor: bool,
}

/// Which body a candidate mention names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum BodyKey {
    /// A gazetteer body.
    Known(usize),
    /// A body found by a pattern, by its lowercased key.
    Found(String),
}

/// A mention before it is accepted and grouped.
#[derive(Debug, Clone)]
struct Cand {
    range: Range<usize>,
    sentence: usize,
    key: BodyKey,
    /// Display name for `Found` bodies.
    name: String,
    weak: bool,
    rule: &'static str,
}

/// Finds Agency records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct AgencyExtractor {
    bodies: Vec<BodyDef>,
    by_name: FxHashMap<String, usize>,
    forms: Vec<FormDef>,
    /// Gazetteer automaton, searched anchored at word starts.
    ac: Option<AhoCorasick>,
    /// First words of the gazetteer forms, to rule out most word starts before the anchored
    /// search.
    form_starts: FirstWords,
    /// Cue words of the patterns, and what each starts.
    cues: Option<AhoCorasick>,
    cue_kinds: Vec<CueKind>,
    /// First words of the cue words, to skip the cue search in sentences where no cue can
    /// start at a word start (a cue found elsewhere is dropped anyway); `None` when a cue
    /// starts with a byte other than an ASCII letter or digit.
    cue_starts: Option<FirstWords>,
    /// "of X" after an of-head ("Ministry" + " of Foreign Affairs").
    of_tail: Regex,
    demonyms: FxHashSet<String>,
    /// US state names ("Texas", "North Carolina"), which may stand before a body's name.
    places: FxHashSet<String>,
    paren_acronym: Regex,
    chamber: Vec<String>,
    venue: FxHashSet<String>,
    venue_after: FxHashSet<String>,
    subject: FxHashSet<String>,
    function: FxHashSet<String>,
    parties: FxHashSet<String>,
    names: Arc<NameModel>,
}

/// A capitalised word of a name ("U.S.", "Al-Qaeda", "Commerce").
const CAP: &str = r"[A-Z][A-Za-z]*(?:[.\-][A-Za-z]+)*\.?";

/// Words of `lexicon`'s agency word list of class `class`.
fn words_of(lexicon: &Lexicon, class: &str) -> Vec<String> {
    lexicon
        .rows(ListKind::AgencyWords)
        .filter(|r| r.first() == Some(&class))
        .filter_map(|r| r.get(1).map(|w| w.to_string()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Compile a pattern built from data; a bad user entry yields a pattern that never matches.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("empty class"))
}

impl AgencyExtractor {
    /// Compile the gazetteer and the patterns.
    pub(crate) fn new(lexicon: &Lexicon, names: Arc<NameModel>) -> AgencyExtractor {
        let mut bodies: Vec<BodyDef> = Vec::new();
        let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut forms: Vec<FormDef> = Vec::new();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for row in lexicon.rows(ListKind::Agencies) {
            let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let body = match by_name.get(*name) {
                Some(&b) => b,
                None => {
                    bodies.push(BodyDef {
                        name: name.to_string(),
                        acronyms: Vec::new(),
                        kind: row.get(3).map_or("agency", |k| k).to_string(),
                    });
                    by_name.insert(name.to_string(), bodies.len() - 1);
                    bodies.len() - 1
                }
            };
            let mut add = |form: &str, weak: bool, acronym: bool| {
                if !form.is_empty() && seen.insert(form.to_string()) {
                    patterns.push(form.to_string());
                    forms.push(FormDef {
                        body,
                        weak,
                        acronym,
                    });
                }
            };
            add(name, false, false);
            for alias in row.get(1).into_iter().flat_map(|a| a.split('|')) {
                let alias = alias.trim();
                match alias.strip_prefix('~') {
                    Some(weak) => add(weak, true, false),
                    None => add(alias, false, false),
                }
            }
            for acr in row.get(2).into_iter().flat_map(|a| a.split('|')) {
                let acr = acr.trim();
                if !acr.is_empty() {
                    add(acr, false, true);
                    bodies[body].acronyms.push(acr.to_string());
                }
            }
        }
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .ok();
        let form_starts = FirstWords::new(&patterns, false, false);

        let heads = words_of(lexicon, "head");
        let of_heads = words_of(lexicon, "of-head");
        let forces = words_of(lexicon, "force");
        let anaphors = words_of(lexicon, "anaphor");
        let tail = format!(
            r"{CAP}(?:\s+(?:(?:and|of|for|on|the|&)\s+)?{CAP}){{0,5}}(?:,\s+{CAP}(?:\s+{CAP})*,?\s+and\s+{CAP}(?:\s+{CAP})*)?"
        );
        let of_tail = compile(&format!(r"^\s+(?:of|for|on)\s+(?:the\s+)?{tail}"));
        let demonyms: FxHashSet<String> = lexicon
            .rows(ListKind::Demonyms)
            .filter_map(|r| r.first().map(|d| d.to_string()))
            .filter(|d| !d.is_empty())
            .collect();
        let places: FxHashSet<String> = lexicon
            .rows(ListKind::States)
            .filter_map(|r| r.first().map(|d| d.to_string()))
            .filter(|d| d.len() > 3 && !d.contains('.'))
            .collect();
        let mut cue_words: Vec<String> = Vec::new();
        let mut cue_kinds: Vec<CueKind> = Vec::new();
        let mut cue = |w: &str, f: fn(&mut CueKind)| {
            let i = match cue_words.iter().position(|x| x == w) {
                Some(i) => i,
                None => {
                    cue_words.push(w.to_string());
                    cue_kinds.push(CueKind::default());
                    cue_words.len() - 1
                }
            };
            f(&mut cue_kinds[i]);
        };
        for h in &heads {
            cue(h, |k| k.head = true);
        }
        for h in &of_heads {
            cue(h, |k| k.of_head = true);
        }
        for h in ["administration", "Administration"] {
            cue(h, |k| k.admin = true);
        }
        for h in &forces {
            cue(h, |k| k.force = true);
        }
        for h in &anaphors {
            cue(h, |k| k.anaphor = true);
        }
        let cues = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&cue_words)
            .ok();
        let cue_starts = cue_words
            .iter()
            .all(|w| w.as_bytes().first().is_some_and(|&b| is_word_byte(b)))
            .then(|| FirstWords::new(&cue_words, false, false));
        let set =
            |class: &str| -> FxHashSet<String> { words_of(lexicon, class).into_iter().collect() };
        let parties = lexicon
            .rows(ListKind::Parties)
            .filter_map(|r| r.first().map(|p| p.to_string()))
            .filter(|p| p.chars().count() > 1)
            .collect();
        AgencyExtractor {
            bodies,
            by_name,
            forms,
            ac,
            form_starts,
            cues,
            cue_kinds,
            cue_starts,
            of_tail,
            demonyms,
            places,
            paren_acronym: compile(r"^\s*\(([A-Z][A-Za-z&]{1,9})\)"),
            chamber: words_of(lexicon, "chamber"),
            venue: set("venue"),
            venue_after: set("venue-after"),
            subject: set("subject"),
            function: lexicon
                .lines(ListKind::FunctionWords)
                .map(|w| w.trim().to_string())
                .collect(),
            parties,
            names,
        }
    }

    /// The Agency records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, doc: &Document, _article: &Article) -> Vec<Agency> {
        let text = doc.norm();
        let mut cands: Vec<Cand> = Vec::new();
        let mut anaphors = Vec::new();
        let mut local: Vec<Cand> = Vec::new();
        for (si, s) in doc.sentences().iter().enumerate() {
            local.clear();
            if self.gazetteer(text, s.norm.clone(), si, &mut local) {
                self.patterns(text, s.norm.clone(), si, &mut local, &mut anaphors);
            }
            // longest wins; on a tie the gazetteer (pushed first) wins
            local.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
            let from = cands.len();
            for c in local.drain(..) {
                if cands[from..]
                    .last()
                    .is_some_and(|last: &Cand| c.range.start < last.range.end)
                {
                    continue;
                }
                cands.push(c);
            }
        }
        let accepted = self.accept(text, cands);
        let accepted = self.add_acronyms(doc, accepted);
        let accepted = self.add_anaphors(text, accepted, anaphors);
        self.records(doc, accepted)
    }

    /// Gazetteer matches inside `range`, on word boundaries. Returns whether a pattern cue
    /// may start in the sentence: the one pass over its words notes that on the way, so that
    /// [`AgencyExtractor::patterns`] runs only where it can find something.
    fn gazetteer(&self, text: &str, range: Range<usize>, si: usize, out: &mut Vec<Cand>) -> bool {
        let Some(slice) = text.get(range.clone()) else {
            return false;
        };
        let Some(cue_starts) = &self.cue_starts else {
            self.gazetteer_words(text, &range, si, out, |_, _, _| {});
            return !slice.is_empty();
        };
        let mut cue = false;
        let skipped = self.gazetteer_words(text, &range, si, out, |bytes, p, len| {
            cue = cue || cue_starts.may_start(bytes, p, len);
        });
        cue || skipped
    }

    /// Visit the word starts of the sentence `text[range]`, calling `visit` with the bytes,
    /// the word start and the length of its word, and search a gazetteer form anchored where
    /// its first word fits. A form found (on word boundaries) is pushed to `out` and its words
    /// are skipped; returns whether that happened, as then `visit` did not see every word.
    fn gazetteer_words(
        &self,
        text: &str,
        range: &Range<usize>,
        si: usize,
        out: &mut Vec<Cand>,
        mut visit: impl FnMut(&[u8], usize, usize),
    ) -> bool {
        let bytes = text[range.clone()].as_bytes();
        let mut shout: Option<bool> = None;
        let mut skipped = false;
        let mut p = 0;
        while p < bytes.len() {
            let len = word_len(bytes, p);
            visit(bytes, p, len);
            if self.ac.is_some() && self.form_starts.may_start(bytes, p, len) {
                if let Some(end) = self.form_at(text, range, p, si, &mut shout, out) {
                    p = next_word_start(bytes, end);
                    skipped = true;
                    continue;
                }
            }
            // the byte after a word is no word start
            p += if len == 0 { 1 } else { len + 1 };
        }
        skipped
    }

    /// The gazetteer form at byte `p` of the sentence `text[range]`, pushed to `out` when it
    /// stands on word boundaries. Returns where the scan goes on after a form, or `None` when
    /// no form starts at `p`.
    fn form_at(
        &self,
        text: &str,
        range: &Range<usize>,
        p: usize,
        si: usize,
        shout: &mut Option<bool>,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let ac = self.ac.as_ref()?;
        let slice = &text[range.clone()];
        let input = Input::new(slice)
            .span(p..slice.len())
            .anchored(Anchored::Yes);
        let m = ac.try_find(input).ok()??;
        let r = range.start + m.start()..range.start + m.end();
        if !on_word_boundaries(text, &r) {
            return None;
        }
        let form = self.forms.get(m.pattern().as_usize())?;
        // an acronym inside an all-caps line ("WASHINGTON WHO KNEW") is a word, not a body
        if form.acronym && *shout.get_or_insert_with(|| shouting(slice)) {
            return Some(m.end());
        }
        out.push(Cand {
            range: r,
            sentence: si,
            key: BodyKey::Known(form.body),
            name: String::new(),
            weak: form.weak,
            rule: if form.acronym {
                "gazetteer:acronym"
            } else {
                "gazetteer"
            },
        });
        Some(m.end())
    }

    /// Pattern matches inside `range` for bodies not (or differently) in the gazetteer. Cue
    /// words ("Department", "administration", "police") are found with one automaton; each
    /// cue is then read outward by hand, so no regex scans the whole sentence.
    fn patterns(
        &self,
        text: &str,
        range: Range<usize>,
        si: usize,
        out: &mut Vec<Cand>,
        anaphors: &mut Vec<(Range<usize>, Range<usize>, usize)>,
    ) {
        let Some(ac) = &self.cues else { return };
        let Some(slice) = text.get(range.clone()) else {
            return;
        };
        let base = range.start;
        let mut title_case: Option<bool> = None;
        for m in ac.find_iter(slice) {
            let (s, e) = (base + m.start(), base + m.end());
            if !on_word_boundaries(text, &(s..e)) {
                continue;
            }
            let Some(kind) = self.cue_kinds.get(m.pattern().as_usize()).copied() else {
                continue;
            };
            if kind.head && !*title_case.get_or_insert_with(|| is_title_case(slice, &self.function))
            {
                let start = cap_run_start(text, s, range.start);
                let mut start = self.trim_front(text, start, s);
                // "FBI and Justice Department": an acronym before "and" is another body
                if let Some(i) = text[start..s].find(" and ") {
                    let left = &text[start..start + i];
                    if left.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                        start += i + 5;
                    }
                }
                // "Clinton State Department": when the end of the run is a known body, only
                // a place or nationality may stand before it
                if start < s {
                    if let Some(k) = self.known_suffix(text, start, s, e) {
                        let prefix = text[start..k].trim_end();
                        if !self.is_place_prefix(prefix) {
                            start = e;
                        }
                    }
                }
                if start < s {
                    let words = text[start..s].trim_end();
                    if self.head_ok(words, &text[s..e]) {
                        // "North Carolina Department of Transportation"
                        let mut end = e;
                        if kind.of_head {
                            if let Some(t) = self.of_tail.find(&text[e..range.end]) {
                                end = self.trim_tail(text, s, e + t.end()).max(e);
                            }
                        }
                        self.push_found(text, start..end, si, "pattern:x-head", out);
                    }
                }
            }
            if kind.of_head {
                if let Some(t) = self.of_tail.find(&text[e..range.end]) {
                    let end = self.trim_tail(text, s, e + t.end());
                    if end > s && text[s..end].split_whitespace().count() >= 3 {
                        self.push_found(text, s..end, si, "pattern:head-of", out);
                    }
                }
            }
            if kind.admin {
                if let Some(w) = prev_word_span(text, s, range.start) {
                    let who = &text[w.clone()];
                    let cap = who.chars().next().is_some_and(|c| c.is_ascii_uppercase());
                    if cap
                        && !self.function.contains(who)
                        && !self.parties.contains(who)
                        && !self.is_demonym_like(who)
                        && !self.demonyms.contains(who)
                    {
                        self.push_found(text, w.start..e, si, "pattern:administration", out);
                    }
                }
            }
            if kind.anaphor {
                if let Some(w) = prev_word_span(text, s, range.start) {
                    if matches!(&text[w.clone()], "the" | "The") {
                        anaphors.push((w.start..e, s..e, si));
                    }
                }
            }
            if kind.force {
                if let Some(w) = prev_word_span(text, s, range.start) {
                    let one = &text[w.clone()];
                    let two = prev_word_span(text, w.start, range.start)
                        .filter(|p| self.demonyms.contains(&text[p.start..w.end]));
                    if let Some(p) = two {
                        self.push_found(text, p.start..e, si, "pattern:demonym-force", out);
                    } else if self.demonyms.contains(one) {
                        self.push_found(text, w.start..e, si, "pattern:demonym-force", out);
                    }
                }
            }
        }
    }

    /// The start of the first word in `start..head_start` from which a gazetteer form runs
    /// exactly to `end` ("State Department" inside "Clinton State Department").
    fn known_suffix(
        &self,
        text: &str,
        start: usize,
        head_start: usize,
        end: usize,
    ) -> Option<usize> {
        let ac = self.ac.as_ref()?;
        let mut p = start;
        while p < head_start {
            if p > start {
                let input = Input::new(&text[..end])
                    .span(p..end)
                    .anchored(Anchored::Yes);
                if let Ok(Some(m)) = ac.try_find(input) {
                    if m.end() == end {
                        return Some(p);
                    }
                }
            }
            p = text[p..head_start]
                .find(' ')
                .map_or(head_start, |i| p + i + 1);
        }
        None
    }

    /// True when every word of `prefix` is a nationality, a US state or "U.S."
    /// ("Chinese", "North Carolina").
    fn is_place_prefix(&self, prefix: &str) -> bool {
        !prefix.is_empty()
            && (self.demonyms.contains(prefix)
                || self.places.contains(prefix)
                || prefix
                    .split_whitespace()
                    .all(|w| self.demonyms.contains(w) || self.places.contains(w)))
    }

    /// Record a pattern match as a body found in the text.
    fn push_found(
        &self,
        text: &str,
        r: Range<usize>,
        si: usize,
        rule: &'static str,
        out: &mut Vec<Cand>,
    ) {
        let name: String = text[r.clone()]
            .split_whitespace()
            .map(|w| w.strip_suffix("'s").unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ");
        let key = match self.by_name.get(&name) {
            Some(&b) => BodyKey::Known(b),
            None => BodyKey::Found(found_key(&name)),
        };
        out.push(Cand {
            range: r,
            sentence: si,
            key,
            name,
            weak: false,
            rule,
        });
    }

    /// Skip function words ("The", "Former") at the front of a capitalised run.
    fn trim_front(&self, slice: &str, mut start: usize, end: usize) -> usize {
        while start < end {
            let rest = &slice[start..end];
            let w = rest.split_whitespace().next().unwrap_or("");
            let connector = matches!(w, "of" | "and" | "for" | "on" | "the" | "&");
            if self.function.contains(w) || connector {
                start += w.len();
                start += slice[start..end].len() - slice[start..end].trim_start().len();
            } else {
                break;
            }
        }
        start
    }

    /// Cut an "of"-form at a person's given name or a title ("Department of Justice Loretta
    /// Lynch" -> "Department of Justice").
    fn trim_tail(&self, slice: &str, start: usize, end: usize) -> usize {
        let mut pos = start;
        let mut last_good = end;
        for (n, w) in slice[start..end].split(' ').enumerate() {
            let bare = w.trim_end_matches(',');
            let function = n >= 1 && self.function.contains(bare.trim_end_matches('.'));
            let person = n >= 3
                && !w.is_empty()
                && (self.names.is_given(bare)
                    || self.names.is_honorific(bare.trim_end_matches('.')));
            if function || person {
                last_good = pos;
                break;
            }
            pos += w.len() + 1;
        }
        let cut = slice[start..last_good.min(end)].trim_end();
        let cut = cut.trim_end_matches([',', ' ']);
        let mut cut = cut;
        for tail in [" and", " the", " on", " of", " for"] {
            cut = cut.strip_suffix(tail).unwrap_or(cut);
        }
        // a full stop after the last word ("Department of Justice.") is not part of the name;
        // the period of an abbreviation ("U.S.") is
        let last = cut.rsplit(' ').next().unwrap_or("");
        let abbreviation = last.len() <= 4 || last.matches('.').count() > 1;
        let cut = match cut.strip_suffix('.') {
            Some(c) if !abbreviation => c,
            _ => cut,
        };
        start + cut.len()
    }

    /// True when `words` before head `head` make a plausible public body name.
    fn head_ok(&self, words: &str, head: &str) -> bool {
        let toks: Vec<&str> = words.split_whitespace().collect();
        let Some(first) = toks.first() else {
            return false;
        };
        // parties and their bodies are not public bodies
        if toks
            .iter()
            .any(|t| self.parties.contains(*t) || self.names.is_org_word(t) && *t != head)
        {
            // "House Democratic Caucus" has no head here; "Democratic National Committee" stops
            if !self.chamber.iter().any(|c| c == first) {
                return false;
            }
            if toks.iter().any(|t| self.parties.contains(*t)) {
                return false;
            }
        }
        // a person's name is not a body ("Gina Raimondo Commission" is an error case)
        if toks.len() >= 2 && self.names.is_given(first) && head != "Administration" {
            return false;
        }
        if head == "Committee" {
            return self
                .chamber
                .iter()
                .any(|c| words.starts_with(c.as_str()) || words.contains(&format!(" {c}")));
        }
        true
    }

    /// True for "American", "British": an adjective of nationality, not an administration's
    /// name.
    fn is_demonym_like(&self, w: &str) -> bool {
        w.ends_with("an") || w.ends_with("ish") || w.ends_with("ese") || w == "U.S."
    }

    /// Accept strong candidates; accept weak ones in context or after a strong mention.
    fn accept(&self, text: &str, cands: Vec<Cand>) -> Vec<Cand> {
        let mut strong_at: FxHashMap<BodyKey, usize> = FxHashMap::default();
        for c in &cands {
            if !c.weak {
                strong_at.entry(c.key.clone()).or_insert(c.range.start);
            }
        }
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            if c.weak {
                let prev = prev_word(text, c.range.start);
                let after = &text[c.range.end..];
                let next = next_word(after);
                // "Secretary of State", "Chamber of Commerce", "Duke Energy": part of a name
                // "state House": a state legislature, not the federal chamber
                if prev == "of"
                    || prev == "state"
                    || prev_is_joined_cap(text, c.range.start, &self.function)
                {
                    continue;
                }
                let next_cap = next.chars().next().is_some_and(char::is_uppercase);
                let earlier = strong_at.get(&c.key).is_some_and(|&p| p < c.range.start);
                let anywhere = strong_at.contains_key(&c.key);
                let possessive = after.starts_with("'s ") || after.starts_with("' ");
                let the = prev.eq_ignore_ascii_case("the");
                let subject = self.subject.contains(next);
                let ok = if next == "of" {
                    false
                } else if next_cap {
                    // a title or a longer name ("Commerce Secretary", "House Republicans")
                    anywhere
                } else {
                    earlier || possessive || the || subject
                };
                if !ok {
                    continue;
                }
            }
            // "at the White House": a place, not an actor
            if let BodyKey::Known(b) = c.key {
                let kind_exec = self.bodies[b].kind == "executive";
                let after = next_word(&text[c.range.end..]).to_ascii_lowercase();
                if kind_exec
                    && (self.is_venue(text, c.range.start) || self.venue_after.contains(&after))
                {
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    /// True when the words before `start` make the mention a place ("at the", "visit to the").
    fn is_venue(&self, text: &str, start: usize) -> bool {
        let before = &text[..start];
        let mut words = before.split_whitespace().rev();
        let mut w = words.next().unwrap_or("");
        for _ in 0..2 {
            if w.eq_ignore_ascii_case("the") || w == "to" || w == "10" {
                w = words.next().unwrap_or("");
            }
        }
        self.venue.contains(w.to_ascii_lowercase().as_str())
    }

    /// Acronyms defined in parentheses ("Securities and Exchange Commission (SEC)") and their
    /// later bare uses.
    fn add_acronyms(&self, doc: &Document, mut cands: Vec<Cand>) -> Vec<Cand> {
        let text = doc.norm();
        let mut defined: Vec<(String, BodyKey, String, usize)> = Vec::new();
        for c in &cands {
            let after = &text[c.range.end..];
            if let Some(m) = self.paren_acronym.captures(after).and_then(|m| m.get(1)) {
                let acr = m.as_str();
                let known = match &c.key {
                    BodyKey::Known(b) => self.bodies[*b].acronyms.iter().any(|a| a == acr),
                    BodyKey::Found(_) => false,
                };
                if !known && !defined.iter().any(|d| d.0 == acr) {
                    defined.push((acr.to_string(), c.key.clone(), c.name.clone(), c.range.end));
                }
            }
        }
        if defined.is_empty() {
            return cands;
        }
        let mut extra = Vec::new();
        for (acr, key, name, from) in &defined {
            for (pos, _) in text[*from..].match_indices(acr.as_str()) {
                let r = from + pos..from + pos + acr.len();
                if !on_word_boundaries(text, &r) {
                    continue;
                }
                let Some(si) = doc.sentence_at_norm(r.start) else {
                    continue;
                };
                if doc.sentences()[si].norm.end < r.end {
                    continue;
                }
                extra.push(Cand {
                    range: r,
                    sentence: si,
                    key: key.clone(),
                    name: name.clone(),
                    weak: false,
                    rule: "acronym",
                });
            }
        }
        cands.extend(extra);
        cands.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
        let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            if kept
                .last()
                .is_some_and(|l: &Cand| c.range.start < l.range.end)
            {
                continue;
            }
            kept.push(c);
        }
        kept
    }

    /// "the department", "the agency": join the latest body before it whose name contains the
    /// head noun. No new body comes from an anaphor.
    fn add_anaphors(
        &self,
        text: &str,
        mut cands: Vec<Cand>,
        anaphors: Vec<(Range<usize>, Range<usize>, usize)>,
    ) -> Vec<Cand> {
        if cands.is_empty() || anaphors.is_empty() {
            return cands;
        }
        let mut extra = Vec::new();
        for (r, head, si) in anaphors {
            // "the department's" is fine; "the Department of X" was matched already
            let upto = cands.partition_point(|c| c.range.start < r.start);
            if cands.get(upto).is_some_and(|n| n.range.start < r.end)
                || upto > 0 && cands[upto - 1].range.end > r.start
            {
                continue;
            }
            let head = &text[head];
            let target = cands[..upto].iter().rev().find(|c| {
                let name = match &c.key {
                    BodyKey::Known(b) => self.bodies[*b].name.as_str(),
                    BodyKey::Found(_) => c.name.as_str(),
                };
                contains_word_ci(name, head)
            });
            if let Some(t) = target {
                extra.push(Cand {
                    range: r,
                    sentence: si,
                    key: t.key.clone(),
                    name: t.name.clone(),
                    weak: false,
                    rule: "anaphor",
                });
            }
        }
        cands.extend(extra);
        cands.sort_by_key(|c| c.range.start);
        cands
    }

    /// Group accepted mentions into one record per body, in order of first mention.
    fn records(&self, doc: &Document, cands: Vec<Cand>) -> Vec<Agency> {
        let text = doc.norm();
        let mut order: Vec<BodyKey> = Vec::new();
        let mut groups: FxHashMap<BodyKey, Vec<Cand>> = FxHashMap::default();
        for c in cands {
            if !groups.contains_key(&c.key) {
                order.push(c.key.clone());
            }
            groups.entry(c.key.clone()).or_default().push(c);
        }
        let mut out = Vec::new();
        for key in order {
            let Some(group) = groups.remove(&key) else {
                continue;
            };
            // a body named only by anaphors cannot exist; anaphors only follow
            if group.iter().all(|c| c.rule == "anaphor") {
                continue;
            }
            let first = &group[0];
            let (name, acronym) = match &key {
                BodyKey::Known(b) => {
                    let body = &self.bodies[*b];
                    let used = body
                        .acronyms
                        .iter()
                        .find(|a| group.iter().any(|c| &text[c.range.clone()] == a.as_str()));
                    (body.name.clone(), used.or(body.acronyms.first()).cloned())
                }
                BodyKey::Found(_) => (first.name.clone(), None),
            };
            let acronym = acronym.or_else(|| {
                group
                    .iter()
                    .find(|c| c.rule == "acronym")
                    .map(|c| text[c.range.clone()].to_string())
            });
            let rule = group
                .iter()
                .find(|c| c.rule != "anaphor")
                .map_or("gazetteer", |c| c.rule)
                .to_string();
            let mentions = group
                .iter()
                .map(|c| {
                    let r = with_article(text, c.range.clone());
                    Mention {
                        text: doc.orig_text(r.clone()).to_string(),
                        span: doc.to_orig(r),
                        sentence: c.sentence,
                    }
                })
                .collect();
            out.push(Agency {
                id: format!("agency-{}", out.len() + 1),
                name,
                acronym,
                mentions,
                rule,
            });
        }
        out
    }
}

/// A stable grouping key for a body found by a pattern: lowercased, "X Department" and
/// "Department of X" alike, without a leading "the".
fn found_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).to_string();
    for head in ["department", "ministry"] {
        if let Some(x) = lower.strip_suffix(&format!(" {head}")) {
            return format!("{head} of {x}");
        }
    }
    lower
}

/// Extend a mention over a directly preceding "the"/"The".
fn with_article(text: &str, r: Range<usize>) -> Range<usize> {
    let before = &text[..r.start];
    for the in ["the ", "The "] {
        if before.ends_with(the) {
            let s = r.start - the.len();
            let ok = s == 0
                || !text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if ok {
                return s..r.end;
            }
        }
    }
    r
}

/// The first word start at or after `p`: `p` unless it is inside or right after a word.
fn next_word_start(bytes: &[u8], p: usize) -> usize {
    if p > 0 && bytes.get(p - 1).is_some_and(|&b| is_word_byte(b)) {
        p + word_len(bytes, p) + 1
    } else {
        p
    }
}

/// True when `r` starts and ends on word boundaries of `text`.
fn on_word_boundaries(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    let first = text[r.clone()].chars().next();
    let last = text[r.clone()].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !(word(before) && word(first) || word(after) && word(last))
        && before != Some('-')
        && !(after == Some('-') && word(text[r.end + 1..].chars().next()))
}

/// True when `name` has the word `word`, ignoring ASCII case ("Department of Commerce",
/// "department").
fn contains_word_ci(name: &str, word: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// True for a capitalised word of a name ("Commerce", "U.S.", "Al-Qaeda").
fn is_cap_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-')
}

/// The span of the word right before `pos` (separated by spaces only), not before `floor`.
fn prev_word_span(text: &str, pos: usize, floor: usize) -> Option<Range<usize>> {
    let before = text.get(floor..pos)?;
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[start..];
    (!word.is_empty()).then(|| floor + start..floor + trimmed.len())
}

/// Start of the run of capitalised words (with an inner "and" or "&")
/// that ends right before `pos`; `pos` itself when there is none. At most five words.
fn cap_run_start(text: &str, pos: usize, floor: usize) -> usize {
    let mut start = pos;
    let mut at = pos;
    let mut caps = 0;
    let mut pending_connector = false;
    while caps < 5 {
        let Some(w) = prev_word_span(text, at, floor) else {
            break;
        };
        let word = &text[w.clone()];
        if is_cap_word(word) {
            caps += 1;
            start = w.start;
            pending_connector = false;
        } else if matches!(word, "and" | "&") && caps > 0 && !pending_connector {
            pending_connector = true;
        } else {
            break;
        }
        at = w.start;
    }
    start
}

/// True when a sentence is a Title Case headline: most longer words capitalised and a
/// capitalised function word inside ("Trump Would Put Liberals On Court"), where
/// capitalisation says nothing about names.
fn is_title_case(s: &str, function: &FxHashSet<String>) -> bool {
    let (mut n, mut caps, mut inner_function) = (0, 0, false);
    for (i, w) in s.split_whitespace().enumerate() {
        let cap = w.starts_with(|c: char| c.is_uppercase());
        if i > 0 && cap && function.contains(w) {
            inner_function = true;
        }
        if w.len() >= 3 {
            n += 1;
            caps += usize::from(cap);
        }
    }
    inner_function && n >= 4 && caps * 4 > n * 3
}

/// True when a text is written in capitals (a shouted headline), where acronyms are words.
fn shouting(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    letters > 20 && upper * 10 > letters * 8
}

/// The word right before `pos` (letters only), or "".
fn prev_word(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end();
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// The word at the start of `after` (after spaces), without punctuation, or "".
fn next_word(after: &str) -> &str {
    let t = after.trim_start();
    if t.len() != after.len() || after.is_empty() {
        let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
        &t[..end]
    } else {
        ""
    }
}

/// True when a capitalised word (not a function word) stands right before `pos`, joined by a
/// single space ("Duke Energy").
fn prev_is_joined_cap(text: &str, pos: usize, function: &FxHashSet<String>) -> bool {
    let before = &text[..pos];
    if !before.ends_with(' ') || before.ends_with("  ") {
        return false;
    }
    let w = prev_word(text, pos);
    let joined = before.trim_end().ends_with(w);
    joined
        && w.chars().next().is_some_and(char::is_uppercase)
        && !function.contains(w)
        && !w.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn agencies(text: &str) -> Vec<(String, Vec<String>)> {
        Extractor::new()
            .extract(text)
            .agencies
            .into_iter()
            .map(|a| (a.name, a.mentions.into_iter().map(|m| m.text).collect()))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        agencies(text).into_iter().map(|a| a.0).collect()
    }

    #[test]
    fn gazetteer_joins_news_aliases() {
        let a = agencies(
            "The Commerce Department said it would act. Commerce also imposed limits. \
             Later the department said more.",
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, "Department of Commerce");
        assert_eq!(
            a[0].1,
            ["The Commerce Department", "Commerce", "the department"]
        );
    }

    #[test]
    fn weak_short_form_needs_context() {
        assert!(names("He studied Commerce at college.").is_empty());
        assert!(names("The Chamber of Commerce objected.").is_empty());
        assert_eq!(
            names("Treasury's undersecretary spoke."),
            ["Department of the Treasury"]
        );
        assert!(names("Commerce Secretary Gina Raimondo spoke.").is_empty());
    }

    #[test]
    fn acronym_in_parentheses_joins_later_uses() {
        let a = agencies("The Office of Widget Safety (OWS) said so. The OWS later agreed.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].1, ["The Office of Widget Safety", "OWS", "The OWS"]);
    }

    #[test]
    fn patterns_find_unknown_bodies() {
        assert_eq!(
            names("The Italian Civil Protection Department said 200 died."),
            ["Italian Civil Protection Department"]
        );
        assert_eq!(
            names("The Ministry of Foreign Affairs of Ruritania said."),
            ["Ministry of Foreign Affairs of Ruritania"]
        );
        assert_eq!(
            names("The Biden administration acted."),
            ["Biden administration"]
        );
        assert_eq!(
            names("Brazilian police arrested him."),
            ["Brazilian police"]
        );
        assert_eq!(
            names("The House Natural Resources Committee met."),
            ["House Natural Resources Committee"]
        );
    }

    #[test]
    fn companies_parties_and_countries_are_not_agencies() {
        assert!(names("Wells Fargo and Apple Inc. reported profits.").is_empty());
        assert!(names("The Democratic National Committee raised money.").is_empty());
        assert!(names("Russia and China disagreed.").is_empty());
        assert!(names("The Clinton Foundation gave money.").is_empty());
    }

    #[test]
    fn forms_start_at_any_word_start() {
        // a form with a non-ASCII first letter, and forms right after punctuation
        assert_eq!(names("The Élysée Palace said no."), ["Elysee Palace"]);
        assert_eq!(
            names("(Justice Department) and \"State Department\" agreed."),
            ["Department of Justice", "Department of State"]
        );
        // no form inside a word
        assert!(names("Anti-Pentagonal shapes.").is_empty());
    }

    #[test]
    fn seat_of_government_as_venue_is_no_agency() {
        assert!(names("She attended a reception at the White House.").is_empty());
        assert_eq!(names("The White House said no."), ["White House"]);
    }
}
