//! Official records: named people with a stated role. A title right before the name
//! ("Commerce Secretary Gina Raimondo", "Sen. Ron Wyden"), an appositive after it ("Brian
//! Nelson, Treasury's undersecretary for ..."), or one before it ("a spokesman for Twitter,
//! Christopher Abboud"); party/state parentheticals ("(D-Ore.)"); the title linked to its agency
//! record; later mentions ("Raimondo", "Mr. Blair", "the senator") joined to the record.

use crate::document::Document;
use crate::extract::names::{self, ArticleNames, NameHit, NameModel, Token};
use crate::extract::starts::{word_len, FirstWords};
use crate::lexicon::{Lexicon, ListKind};
use crate::normalize::lowercase_in;
use crate::record::{Agency, Article, Mention, Official};
use crate::span::RangeIndex;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::Arc;

/// Finds Official records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct OfficialExtractor {
    names: Arc<NameModel>,
    titles: Option<AhoCorasick>,
    /// First words of the titles and of their plurals, in any case: a cheap test before the
    /// automaton, which runs at a token only where a title can start.
    title_starts: FirstWords,
    /// Agencies of each title pattern, in order of preference.
    title_agencies: Vec<Vec<String>>,
    /// The title patterns as written in the list.
    patterns_text: Vec<String>,
    modifiers: FxHashSet<String>,
    function: FxHashSet<String>,
    clause: FxHashSet<String>,
    parties: FxHashMap<String, String>,
    /// State surface (without final period) -> postal code.
    states: FxHashMap<String, String>,
    /// Full state names ("Texas", "New Jersey"), which may stand inside a title.
    state_names: FxHashSet<String>,
    /// First words of the two-word state names ("New", "North"), so that a title's word pairs
    /// are only joined for a lookup when they can be one.
    state_first_words: FxHashSet<String>,
    party_paren: Regex,
    party_comma: Regex,
    party_of: Regex,
}

/// A role found for a person in one place of the text.
#[derive(Debug, Clone)]
struct Role {
    /// The name as written.
    name: Range<usize>,
    /// The whole mention (title + name, or name alone for appositives).
    mention: Range<usize>,
    sentence: usize,
    title: Option<Range<usize>>,
    /// Range of the text the title belongs to, for agency links (title plus possessor/org).
    scope: Range<usize>,
    /// Organisation written with the title ("Wells Fargo", "Judicial Watch").
    org: Option<Range<usize>>,
    /// Index of the title pattern at the title's head, for its agency list.
    pattern: Option<usize>,
    party: Option<String>,
    state: Option<String>,
    rule: &'static str,
}

/// An official being assembled.
#[derive(Debug, Clone)]
struct Draft {
    name: String,
    /// Surname, given name and number of words of `name`, kept for `find_draft`, which
    /// compares them for every name in the article.
    surname: String,
    given: String,
    words: usize,
    roles: Vec<Role>,
    mentions: Vec<(Range<usize>, usize)>,
}

impl Draft {
    /// A draft for the person `name` with a first role.
    fn new(name: String, role: Role) -> Draft {
        Draft {
            surname: names::surname(&name).to_string(),
            given: names::given(&name).to_string(),
            words: name.split_whitespace().count(),
            name,
            roles: vec![role],
            mentions: Vec::new(),
        }
    }
}

impl OfficialExtractor {
    /// Compile the title, party and state lists.
    pub(crate) fn new(lexicon: &Lexicon, names: Arc<NameModel>) -> OfficialExtractor {
        let mut patterns = Vec::new();
        let mut title_agencies = Vec::new();
        for row in lexicon.rows(ListKind::Titles) {
            let Some(t) = row.first().filter(|t| !t.is_empty()) else {
                continue;
            };
            patterns.push(t.to_string());
            title_agencies.push(
                row.get(1)
                    .map(|a| {
                        a.split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
            );
        }
        let titles = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .ok();
        // the automaton ignores ASCII case, and a plural title ("Sens.") covers the whole word
        let title_starts = FirstWords::new(&patterns, true, true);
        let patterns_text = patterns.clone();
        let mut states = FxHashMap::default();
        let mut longest: FxHashMap<String, String> = FxHashMap::default();
        for row in lexicon.rows(ListKind::States) {
            if let (Some(s), Some(c)) = (row.first(), row.get(1)) {
                states.insert(s.to_string(), c.to_string());
                let l = longest.entry(c.to_string()).or_default();
                if s.len() > l.len() {
                    *l = s.to_string();
                }
            }
        }
        let parties = lexicon
            .rows(ListKind::Parties)
            .filter_map(|r| Some((r.first()?.to_string(), r.get(1)?.to_string())))
            .collect();
        OfficialExtractor {
            names,
            titles,
            title_starts,
            title_agencies,
            patterns_text,
            modifiers: lexicon
                .lines(ListKind::TitleModifiers)
                .map(|w| w.trim().to_string())
                .collect(),
            function: lexicon
                .lines(ListKind::FunctionWords)
                .map(|w| w.trim().to_string())
                .collect(),
            clause: lexicon
                .lines(ListKind::ClauseWords)
                .map(|w| w.trim().to_string())
                .collect(),
            parties,
            states,
            state_first_words: longest
                .values()
                .filter_map(|s| Some(s.split_once(' ')?.0.to_string()))
                .collect(),
            state_names: longest.into_values().collect(),
            party_paren: Regex::new(
                r"^\s*\(\s*([DRI])\s*-\s*([A-Z][A-Za-z]*(?:\.\s?[A-Z][A-Za-z]*)*\.?)\s*\)",
            )
            .expect("static regex"),
            party_comma: Regex::new(r"^,\s*([DRI])-([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*\.?)")
                .expect("static regex"),
            party_of: Regex::new(
                r"^,\s*(?:a\s+)?(Democrat|Republican|Independent|independent)\s+(?:of|from)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)",
            )
            .expect("static regex"),
        }
    }

    /// The Official records of `doc`, given the records of the earlier stages in `article`
    /// and the person names of each sentence.
    pub(crate) fn extract(
        &self,
        doc: &Document,
        article: &Article,
        sentence_names: &ArticleNames,
    ) -> Vec<Official> {
        let text = doc.norm();
        let mut roles: Vec<Role> = Vec::new();
        let mut hits_all: Vec<(NameHit, usize)> = Vec::new();
        let mut descs: Vec<Role> = Vec::new();
        for (si, (s, names)) in doc
            .sentences()
            .iter()
            .zip(sentence_names.iter())
            .enumerate()
        {
            let (toks, hits) = (names.toks, names.hits);
            // descriptions look back one sentence at most: skip sentences far from any name
            let near = hits_all.last().is_some_and(|(_, hs)| hs + 1 >= si);
            if hits.is_empty() && !near {
                continue;
            }
            let titles = self.title_matches(text, s.norm.clone(), toks);
            descs.extend(self.descriptions(text, toks, &titles, hits, si));
            for hit in hits {
                // tokens are in text order: binary search keeps long sentences linear
                let Ok(a) = toks.binary_search_by_key(&hit.range.start, |t| t.start) else {
                    continue;
                };
                let b = match toks.partition_point(|t| t.end < hit.range.end) {
                    i if i == toks.len() => toks.len(),
                    i => i + 1,
                };
                // "Rep. Elijah Cummings (D-Md.), chair of the platform committee": the role
                // phrase after the name is more specific than an abbreviated title before it
                let before = self.title_before(text, toks, &titles, hit, a, si);
                let abbreviated = before.as_ref().is_some_and(|r| {
                    r.title
                        .as_ref()
                        .is_some_and(|t| text[t.clone()].ends_with('.'))
                });
                let after = if before.is_none() || abbreviated {
                    self.appositive_after(text, toks, &titles, hit, hits, b, si)
                } else {
                    None
                };
                let mut role = after
                    .or(before)
                    .or_else(|| self.appositive_before(text, toks, &titles, hit, a, si));
                let (party, state) = self.party_state(text, hit.range.end);
                if role.is_none() && state.is_some() {
                    role = Some(Role {
                        name: hit.range.clone(),
                        mention: hit.range.clone(),
                        sentence: si,
                        title: None,
                        scope: hit.range.clone(),
                        org: None,
                        pattern: None,
                        party: None,
                        state: None,
                        rule: "party-state",
                    });
                }
                // "hosts Joe Scarborough and Mika Brzezinski": a plural title covers both
                if role.is_none() {
                    role = self.shared_title(text, &roles, si, hit);
                    // each of them holds the title in the singular ("host")
                    if let Some(r) = role.as_mut() {
                        let single = r.title.clone().map(|t| singular(text, t));
                        r.title.clone_from(&single);
                        if let Some(prev) = roles.last_mut() {
                            prev.title = single;
                        }
                    }
                }
                if let Some(mut r) = role {
                    r.party = party.or(r.party);
                    r.state = state.or(r.state);
                    // "Sen. Elizabeth Warren of Massachusetts": the state after a titled name
                    if r.state.is_none() && r.title.is_some() {
                        r.state = self.state_of(text, hit.range.end);
                    }
                    roles.push(r);
                }
            }
            hits_all.extend(hits.iter().map(|h| (h.clone(), si)));
        }
        self.resolve_descriptions(text, &mut roles, descs, &hits_all);
        if roles.is_empty() {
            return Vec::new();
        }
        let drafts = self.group(text, roles, &hits_all);
        self.records(doc, article, drafts, sentence_names)
    }

    /// Definite descriptions with a title and no name ("the Texas senator", "the former
    /// secretary of state"), as roles whose name is still to be found.
    fn descriptions(
        &self,
        text: &str,
        toks: &[Token],
        titles: &[(usize, usize, usize)],
        hits: &[NameHit],
        si: usize,
    ) -> Vec<Role> {
        let mut out = Vec::new();
        for &(first, last, pat) in titles {
            // followed by a name: that is a title-before, not a description
            if toks.get(last + 1).is_some_and(|n| {
                n.joined
                    && hits.iter().any(|h| {
                        h.range.start == n.start
                            || h.honorific.as_ref().is_some_and(|r| r.start == n.start)
                    })
            }) || toks[last].poss
            {
                continue;
            }
            // "the GOP candidates": a plural names a group, not one person
            if toks[last].end > 0 && text[..toks[last].end].ends_with('s') && {
                let pat_text = &self.patterns_text[pat];
                !pat_text.ends_with('s')
            } {
                continue;
            }
            let mut start = first;
            while start > 0 && first - start < 6 && toks[start].joined {
                let j = start - 1;
                let w = toks[j].text(text);
                if toks[j].poss || lowercase_is_one_of(w, &DETERMINERS) {
                    break;
                }
                if let Some(&(f, _, _)) = title_ending_at(titles, j) {
                    start = f;
                    continue;
                }
                if self.modifiers.contains(w) || toks[j].cap && !self.function.contains(w) {
                    start = j;
                    continue;
                }
                break;
            }
            let det = start.checked_sub(1).map(|d| toks[d].text(text));
            let the = matches!(det, Some("the" | "The")) && toks[start].joined;
            // a bare "the spokesman" is too vague to name anyone
            if !the || last - start < 1 && first == start && last == first {
                continue;
            }
            // "explained Teal Baker, the national director": an appositive to a name the
            // finder does not know belongs to that name, not to an earlier person
            let the_at = toks[start - 1].start;
            let before = text[..the_at].trim_end();
            if let Some(rest) = before.strip_suffix(',') {
                // two capitalised words that are no function words: a full name
                let mut words = rest.split_whitespace().rev().take(2);
                let name_like = |w: Option<&str>| {
                    w.is_some_and(|w| {
                        w.starts_with(char::is_uppercase)
                            && w.chars()
                                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                            && !self.function.contains(w)
                    })
                };
                let full_name = name_like(words.next()) && name_like(words.next());
                let named = hits.iter().any(|h| h.range.end == rest.len());
                if full_name && !named {
                    continue;
                }
            }
            let title =
                toks[start].start..toks[last].end + usize::from(abbrev_dot(text, &toks[last]));
            let ttext = &text[title.clone()];
            out.push(Role {
                name: 0..0,
                mention: toks[start - 1].start..title.end,
                sentence: si,
                title: Some(title.clone()),
                scope: title.clone(),
                org: None,
                pattern: Some(pat),
                party: self.party_in(ttext),
                state: self.state_in(ttext),
                rule: "description",
            });
        }
        out
    }

    /// Give each description to the closest person named before it (same or previous sentence)
    /// who has no titled role yet.
    fn resolve_descriptions(
        &self,
        text: &str,
        roles: &mut Vec<Role>,
        descs: Vec<Role>,
        hits: &[(NameHit, usize)],
    ) {
        for mut d in descs {
            let pos = d.mention.start;
            // "The former secretary of State began her speech": a pronoun right after the
            // description tells its gender, and a person of the other gender is passed over
            let next_name = hits
                .iter()
                .map(|(h, _)| h.range.start)
                .find(|&s| s >= d.mention.end);
            let gender = pronoun_gender_after(text, d.mention.end, next_name);
            let agrees = |h: &NameHit| gender.is_none() || h.gender.is_none() || h.gender == gender;
            // the closest person only: skipping over a titled one to reach an untitled one
            // picks the wrong person too often
            let cand = hits
                .iter()
                .rev()
                .filter(|(h, si)| h.range.end <= pos && si + 1 >= d.sentence)
                .find(|(h, _)| agrees(h))
                .filter(|(h, _)| {
                    !roles.iter().any(|r| {
                        r.title.is_some()
                            && same_person(&text[r.name.clone()], &text[h.range.clone()])
                    })
                });
            if let Some((h, _)) = cand {
                d.name = h.range.clone();
                roles.push(d);
            }
        }
    }

    /// The role of the previous name in the sentence when its title is plural and this name
    /// is conjoined to it ("Sens. John McCain and Lindsey Graham").
    fn shared_title(&self, text: &str, roles: &[Role], si: usize, hit: &NameHit) -> Option<Role> {
        let prev = roles
            .last()
            .filter(|r| r.sentence == si && r.rule == "title-before")?;
        let title = prev.title.clone()?;
        let plural = text[title.clone()].trim_end_matches('.').ends_with('s');
        let gap = text.get(prev.name.end..hit.range.start)?;
        if !plural || !matches!(gap, " and " | ", " | ", and ") {
            return None;
        }
        let mut r = prev.clone();
        r.name = hit.range.clone();
        r.mention = hit.range.clone();
        r.party = None;
        r.state = None;
        r.rule = "title-shared";
        Some(r)
    }

    /// False when no title the matcher keeps can start at token `t` of `text`: a cheap test
    /// before the automaton.
    fn may_start_title(&self, text: &[u8], t: &Token) -> bool {
        self.title_starts
            .may_start(text, t.start, word_len(text, t.start))
    }

    /// Title matches in a sentence as token ranges `[first, last]` with their pattern index.
    fn title_matches(
        &self,
        text: &str,
        range: Range<usize>,
        toks: &[Token],
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let Some(ac) = &self.titles else { return out };
        let slice = &text[..range.end];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !self.may_start_title(text.as_bytes(), t) {
                i += 1;
                continue;
            }
            let input = Input::new(slice)
                .span(t.start..range.end)
                .anchored(Anchored::Yes);
            let Ok(Some(m)) = ac.try_find(input) else {
                i += 1;
                continue;
            };
            let e = m.end();
            // a plural title ("hosts", "Sens.") covers the whole word; a title that ends in
            // "s" has no plural in "s" ("Pres" is not the singular of "Press")
            let plural_s = text[e..].starts_with('s') && !text[..e].ends_with(['s', 'S']);
            let last = toks[i..]
                .iter()
                .take_while(|x| x.start < e)
                .position(|x| x.end == e || x.end == e + 1 && plural_s);
            let Some(last) = last.map(|l| i + l) else {
                i += 1;
                continue;
            };
            // abbreviations ("Sen", "Gov") need their period or a capitalised form
            let word = &text[t.start..e];
            let lowered = word.chars().next().is_some_and(char::is_lowercase);
            if lowered && word.len() <= 3 && !toks[last].dot {
                i += 1;
                continue;
            }
            out.push((i, last, m.pattern().as_usize()));
            i = last + 1;
        }
        out
    }

    /// "Commerce Secretary Gina Raimondo", "Sen. Ron Wyden", "Wells Fargo chief executive
    /// John Stumpf".
    fn title_before(
        &self,
        text: &str,
        toks: &[Token],
        titles: &[(usize, usize, usize)],
        hit: &NameHit,
        a: usize,
        si: usize,
    ) -> Option<Role> {
        if a == 0 || !toks[a].joined || toks[a - 1].poss {
            return None;
        }
        let k = a - 1;
        let &(first, _, pat) = title_ending_at(titles, k)?;
        // a capitalised title word right before the name must be capitalised or abbreviated
        // ("head Jane Doe" is prose); lowercase roles ("spokesman") are fine
        let mut start = first;
        let mut org_end = None;
        while start > 0 && first - start < 8 && toks[start].joined {
            let j = start - 1;
            let w = toks[j].text(text);
            if toks[j].poss {
                break;
            }
            if let Some(&(f, _, _)) = title_ending_at(titles, j) {
                start = f;
                continue;
            }
            if self.modifiers.contains(w) || toks[j].cap && self.is_modifier_lowercased(w) {
                start = j;
                continue;
            }
            if toks[j].cap && !self.function.contains(w) && w != "I" {
                org_end.get_or_insert(j);
                start = j;
                continue;
            }
            break;
        }
        let title_end = toks[k].end + usize::from(abbrev_dot(text, &toks[k]));
        let title = toks[start].start..title_end;
        let mut org = None;
        if start > 0 && toks[start - 1].poss && toks[start].joined {
            // "Wells Fargo's chief executive": the possessor is the organisation
            let mut os = start - 1;
            while os > 0 && toks[os].joined && toks[os - 1].cap && !toks[os - 1].poss {
                os -= 1;
            }
            if toks[os].cap {
                org = Some(toks[os].start..toks[start - 1].end);
            }
        }
        let scope_start = org.as_ref().map_or(title.start, |o| o.start);
        let party = self.party_in(&text[title.clone()]);
        let state = self.state_in(&text[title.clone()]);
        let _ = org_end;
        Some(Role {
            name: hit.range.clone(),
            mention: title.start..hit.range.end,
            sentence: si,
            title: Some(title.clone()),
            scope: scope_start..title.end,
            org,
            pattern: Some(pat),
            party,
            state,
            rule: "title-before",
        })
    }

    /// "Brian Nelson, Treasury's undersecretary for ...", "Tom Fitton, president of Judicial
    /// Watch", "Josh Earnest, the White House press secretary".
    #[allow(clippy::too_many_arguments)]
    fn appositive_after(
        &self,
        text: &str,
        toks: &[Token],
        titles: &[(usize, usize, usize)],
        hit: &NameHit,
        hits: &[NameHit],
        b: usize,
        si: usize,
    ) -> Option<Role> {
        let mut b = b;
        let mut between = text.get(hit.range.end..toks.get(b)?.start)?;
        if between.trim() == "(" {
            // "Rep. Elijah Cummings (D-Md.), chair of ...": read on past the parenthetical
            let close = hit.range.end + text.get(hit.range.end..)?.find(')')?;
            if close - hit.range.end > 24 {
                return None;
            }
            b = toks.partition_point(|t| t.start <= close);
            between = text.get(close + 1..toks.get(b)?.start)?;
        }
        // "Hillary Clinton served as secretary of state": a role given by the predicate
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        let serves = between.trim().is_empty()
            && matches!(word(b), "served" | "serves" | "serving")
            && word(b + 1) == "as";
        // skip a party parenthetical between name and appositive
        if between.trim() != "," && !serves {
            return None;
        }
        // "Eric Herzik, who chairs the political science department": a role given by a verb
        if between.trim() == "," && word(b) == "who" && HEADS_VERBS.contains(&word(b + 1)) {
            return self.heads_role(text, toks, hit, b + 1, si);
        }
        let mut i = b;
        let relative = serves || toks[i].text(text) == "who";
        if serves {
            i += 2;
        } else if relative {
            // "Huma Abedin, who was a top adviser to ..."
            i += 1;
            let w = toks.get(i).map_or("", |t| t.text(text));
            match w {
                "is" | "was" | "remains" | "became" => i += 1,
                "has" | "had" if toks.get(i + 1).is_some_and(|t| t.text(text) == "been") => i += 2,
                "served" | "serves" if toks.get(i + 1).is_some_and(|t| t.text(text) == "as") => {
                    i += 2
                }
                _ => return None,
            }
        }
        if toks
            .get(i)
            .is_some_and(|t| lowercase_is_one_of(t.text(text), &DETERMINERS))
        {
            i += 1;
        }
        let start = i;
        let mut end = i;
        let mut closed = false;
        while end < toks.len() && end - start < 14 {
            if end > start && !toks[end].joined {
                closed = true;
                break;
            }
            let w = toks[end].text(text);
            if self.clause.contains(w) {
                // a relative clause may follow an appositive; a verb means a new clause
                closed = matches!(
                    w,
                    "who" | "which" | "whose" | "whom" | "said" | "says" | "told" | "added"
                );
                break;
            }
            end += 1;
        }
        if end == toks.len() || relative {
            closed = true;
        }
        if end <= start || !closed {
            return None;
        }
        // "Carly Fiorina, Ohio Gov. John Kasich": the title belongs to the next name
        let (ps, pe) = (
            toks[start].start,
            toks.get(end).map_or(usize::MAX, |t| t.start),
        );
        let holds_title = |h: &NameHit| {
            h.honorific
                .as_ref()
                .is_none_or(|r| self.names.office_of(&text[r.clone()]).is_some())
        };
        if hits.iter().any(|h| {
            h.range.start >= ps && h.range.start <= pe && h.range != hit.range && holds_title(h)
        }) {
            return None;
        }
        self.phrase_role(
            text,
            toks,
            titles,
            start,
            end,
            hit,
            si,
            "appositive",
            hit.range.clone(),
        )
    }

    /// The role "chairs the political science department" read from the verb at token `v`
    /// to the end of its object (the comma, a clause word or ten words).
    fn heads_role(
        &self,
        text: &str,
        toks: &[Token],
        hit: &NameHit,
        v: usize,
        si: usize,
    ) -> Option<Role> {
        let mut end = v + 1;
        while end < toks.len() && end - v < 10 && toks[end].joined {
            if self.clause.contains(toks[end].text(text)) {
                break;
            }
            end += 1;
        }
        // a verb and at least a determiner and a noun
        if end - v < 3 {
            return None;
        }
        let title = toks[v].start..toks[end - 1].end;
        let org = (v + 1..end)
            .find(|&k| toks[k].cap && k > v + 1 && matches!(toks[k - 1].text(text), "of" | "at"))
            .map(|k| toks[k].start..toks[end - 1].end);
        // what is led must be a body ("the history department"), not "the charge"
        let head = toks[end - 1].text(text);
        let body =
            lowercase_is_one_of(head, &ORG_NOUNS) || self.names.is_org_word(head) || org.is_some();
        if !body {
            return None;
        }
        Some(Role {
            name: hit.range.clone(),
            mention: hit.range.clone(),
            sentence: si,
            scope: title.clone(),
            title: Some(title),
            org,
            pattern: None,
            party: None,
            state: None,
            rule: "appositive-verb",
        })
    }

    /// "a spokesman for Twitter, Christopher Abboud": the role phrase before the name.
    fn appositive_before(
        &self,
        text: &str,
        toks: &[Token],
        titles: &[(usize, usize, usize)],
        hit: &NameHit,
        a: usize,
        si: usize,
    ) -> Option<Role> {
        if a == 0 || hit.honorific.is_some() {
            return None;
        }
        let between = text.get(toks[a - 1].end..toks[a].start)?;
        if between.trim() != "," {
            return None;
        }
        let end = a;
        let mut start = a - 1;
        while start > 0 && a - start < 12 {
            if !toks[start].joined {
                // "Secretary of State for Culture, Media and Sport": a comma inside a name
                let gap = &text[toks[start - 1].end..toks[start].start];
                if !(gap == ", " && toks[start].cap && toks[start - 1].cap) {
                    break;
                }
            }
            let w = toks[start - 1].text(text);
            if is_opener(w) {
                break;
            }
            if self.clause.contains(w) {
                return None;
            }
            start -= 1;
        }
        let det = start.checked_sub(1).map(|d| toks[d].text(text));
        let opens = det.is_some_and(is_opener);
        if !opens || !toks[start].joined {
            return None;
        }
        self.phrase_role(
            text,
            toks,
            titles,
            start,
            end,
            hit,
            si,
            "appositive-before",
            hit.range.clone(),
        )
    }

    /// A role from the phrase `toks[start..end]` that holds a title: possessor and "of X" tail
    /// become the organisation.
    #[allow(clippy::too_many_arguments)]
    fn phrase_role(
        &self,
        text: &str,
        toks: &[Token],
        titles: &[(usize, usize, usize)],
        start: usize,
        end: usize,
        hit: &NameHit,
        si: usize,
        rule: &'static str,
        mention: Range<usize>,
    ) -> Option<Role> {
        // the title must come early: "Jane Doe, whose ... director" is not a role
        let in_phrase: Vec<&(usize, usize, usize)> = titles
            .iter()
            .filter(|t| t.0 >= start && t.1 < end && t.0 <= start + 5)
            .collect();
        let &&(_, head_last, pat) = in_phrase.first()?;
        // a later title in the same phrase continues it ("president and chief executive")
        let mut t_start = start;
        let mut org = None;
        // possessor: "Treasury's undersecretary", "the party's nominee"
        if let Some(p) = (start..head_last).find(|&j| toks[j].poss) {
            if toks[start].cap {
                org = Some(toks[start].start..toks[p].end);
            }
            t_start = p + 1;
        }
        // every token between the start and the head must be title-like
        for (j, tok) in toks.iter().enumerate().take(head_last).skip(t_start) {
            let w = tok.text(text);
            let inside_title = title_covering(titles, j).is_some();
            let ok = inside_title
                || self.modifiers.contains(w)
                || self.is_modifier_lowercased(w)
                || tok.cap
                || w == "and"
                || w.contains('-');
            if !ok {
                return None;
            }
        }
        // "of/for/at/with X": a capitalised X is the organisation; lowercase stays in the title
        let mut t_end = head_last + 1;
        let mut j = head_last + 1;
        while j < end {
            let w = toks[j].text(text);
            if title_covering(titles, j).is_some_and(|t| t.0 == j) {
                // "president and chief executive"
                if let Some(t) = title_covering(titles, j).filter(|t| t.0 == j) {
                    j = t.1 + 1;
                    t_end = j;
                    continue;
                }
            }
            if matches!(w, "of" | "for" | "at" | "with" | "to" | "on" | "in") {
                let next = toks.get(j + 1);
                let next_is_the = next.is_some_and(|n| n.text(text) == "the");
                let o = if next_is_the { j + 2 } else { j + 1 };
                if toks.get(o).is_some_and(|n| n.cap) && o < end {
                    org = Some(toks[o].start..toks[end - 1].end);
                    break;
                }
                // lowercase complement: "undersecretary for terrorism and financial intelligence"
                t_end = end;
                break;
            }
            if w == "and" {
                j += 1;
                continue;
            }
            break;
        }
        let title = toks[t_start].start
            ..toks[t_end - 1].end + usize::from(abbrev_dot(text, &toks[t_end - 1]));
        let scope = toks[start].start..org.as_ref().map_or(title.end, |o| o.end.max(title.end));
        let ttext = &text[title.clone()];
        Some(Role {
            name: hit.range.clone(),
            mention,
            sentence: si,
            title: Some(title.clone()),
            scope,
            org,
            pattern: Some(pat),
            party: self.party_in(ttext),
            state: self.state_in(ttext),
            rule,
        })
    }

    /// The full state name in " of Massachusetts" right after `pos`, not the start of a
    /// longer name ("of Washington Post") or a possessive ("of California's").
    fn state_of(&self, text: &str, pos: usize) -> Option<String> {
        let rest = text.get(pos..)?.strip_prefix(" of ")?;
        let words: Vec<&str> = rest.split(' ').take(2).collect();
        for n in [2, 1] {
            let Some(first) = words.get(..n) else {
                continue;
            };
            let name = first.join(" ");
            let name = name.trim_end_matches([',', '.', ';', ':', ')']);
            if !self.state_names.contains(name) {
                continue;
            }
            let after = &rest[name.len()..];
            let longer = after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_uppercase));
            if after.starts_with('\'') || longer {
                return None;
            }
            return Some(name.to_string());
        }
        None
    }

    /// Party and state from "(D-Ore.)", ", D-Mass.," or ", a Democrat from Oregon" after `pos`.
    fn party_state(&self, text: &str, pos: usize) -> (Option<String>, Option<String>) {
        let after = &text[pos..];
        // a regex call costs more than these tests of what each pattern starts with:
        // "(D-", ", R-" and ", a Democrat" or ", independent"
        let paren = after
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|r| r.trim_start().starts_with(['D', 'R', 'I']));
        let comma = after
            .strip_prefix(',')
            .is_some_and(|r| r.trim_start().starts_with(['D', 'R', 'I', 'a', 'i']));
        if !paren && !comma {
            return (None, None);
        }
        for (may_match, re) in [(paren, &self.party_paren), (comma, &self.party_comma)] {
            if !may_match {
                continue;
            }
            if let Some(c) = re.captures(after) {
                let (Some(p), Some(s)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                let st = s.as_str();
                let key = st.trim_end_matches('.').replace(". ", ".");
                if self.states.contains_key(key.as_str()) {
                    return (Some(p.as_str().to_string()), Some(st.to_string()));
                }
            }
        }
        let party_of = if comma {
            self.party_of.captures(after)
        } else {
            None
        };
        if let Some(c) = party_of {
            if let (Some(p), Some(s)) = (c.get(1), c.get(2)) {
                let party = self.parties.get(p.as_str()).cloned();
                let state = self
                    .states
                    .contains_key(s.as_str())
                    .then(|| s.as_str().to_string());
                return (party, state);
            }
        }
        (None, None)
    }

    /// True when `word` lowercased is a title modifier ("Former" -> "former").
    fn is_modifier_lowercased(&self, word: &str) -> bool {
        let mut buf = [0; 64];
        self.modifiers.contains(&*lowercase_in(word, &mut buf))
    }

    /// The party a title names ("Democratic presidential candidate" -> D).
    fn party_in(&self, title: &str) -> Option<String> {
        title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 1)
            .find_map(|w| self.parties.get(w).cloned())
    }

    /// A full state name inside a title, right before a title word ("Texas senator", "New
    /// Jersey Gov.", "former Florida governor"), not inside a name ("Washington Post").
    fn state_in(&self, title: &str) -> Option<String> {
        let words: Vec<&str> = title.split_whitespace().collect();
        let head_like = |i: usize| {
            words.get(i).is_some_and(|w| {
                i + 1 == words.len()
                    || w.ends_with('.')
                    || w.chars().next().is_some_and(char::is_lowercase)
            })
        };
        for i in 0..words.len() {
            // joined only when they can be a two-word state name
            if i + 2 < words.len() + 1
                && i + 1 < words.len()
                && self.state_first_words.contains(words[i])
            {
                let two = format!("{} {}", words[i], words[i + 1]);
                if self.state_names.contains(&two) && head_like(i + 2) {
                    return Some(two);
                }
            }
            if self.state_names.contains(words[i]) && head_like(i + 1) {
                return Some(words[i].to_string());
            }
        }
        None
    }

    /// One draft per person: roles of the same person merged, later mentions joined.
    fn group(&self, text: &str, roles: Vec<Role>, hits: &[(NameHit, usize)]) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        for r in roles {
            let name = &text[r.name.clone()];
            match find_draft(&drafts, name) {
                Some(d) => drafts[d].roles.push(r),
                None => drafts.push(Draft::new(name.to_string(), r)),
            }
        }
        // a one-word name given first ("Obama") takes a later full name ("Barack Obama")
        for d in &mut drafts {
            d.mentions = d
                .roles
                .iter()
                .map(|r| (r.mention.clone(), r.sentence))
                .collect();
        }
        // Name hits never overlap one another, so a hit is covered only by a role's mention.
        let roles_at: Vec<RangeIndex> = drafts
            .iter()
            .map(|d| RangeIndex::new(d.mentions.iter().map(|(m, _)| m.clone()).collect()))
            .collect();
        for (h, si) in hits {
            let Some(d) = find_draft(&drafts, &text[h.range.clone()]) else {
                continue;
            };
            let whole = h.honorific.as_ref().map_or(h.range.start, |r| r.start)..h.range.end;
            if !roles_at[d].overlaps(&whole) {
                drafts[d].mentions.push((whole, *si));
            }
        }
        drafts
    }

    /// Bare surnames and "the senator" join the drafts; then records in order of first mention.
    fn records(
        &self,
        doc: &Document,
        article: &Article,
        mut drafts: Vec<Draft>,
        sentence_names: &ArticleNames,
    ) -> Vec<Official> {
        self.join_bare_surnames(doc.norm(), &mut drafts, sentence_names);
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        for d in &mut drafts {
            d.mentions.sort_by_key(|m| m.0.start);
            d.mentions.dedup_by_key(|m| m.0.start);
        }
        order.sort_by_key(|&d| drafts[d].mentions.first().map_or(usize::MAX, |m| m.0.start));
        let mut out = Vec::new();
        for d in order {
            let draft = &drafts[d];
            let role = best_role(&draft.roles);
            let title = role.title.clone().map(|t| doc.orig_text(t).to_string());
            let agency = self.agency_of(doc, article, role);
            let org = match &agency {
                Some(_) => None,
                None => role.org.clone().map(|o| doc.orig_text(o).to_string()),
            };
            let party = draft.roles.iter().find_map(|r| r.party.clone());
            let state = draft.roles.iter().find_map(|r| r.state.clone());
            let first_name_range = draft
                .roles
                .iter()
                .min_by_key(|r| r.name.start)
                .map(|r| r.name.clone());
            let name = first_name_range
                .map(|r| doc.orig_text(r).to_string())
                .unwrap_or_else(|| draft.name.clone());
            let mentions = draft
                .mentions
                .iter()
                .map(|(r, si)| {
                    let span = doc.to_orig(r.clone());
                    Mention {
                        text: span.slice(doc.text()).to_string(),
                        span,
                        sentence: *si,
                    }
                })
                .collect();
            out.push(Official {
                id: format!("official-{}", out.len() + 1),
                name,
                title,
                agency,
                org,
                party,
                state,
                mentions,
                rule: role.rule.to_string(),
            });
        }
        out
    }

    /// Join bare surnames ("Raimondo") to the drafts of their people: the latest mentioned
    /// when several share the surname; not inside a mention already taken, nor before an
    /// organisation word or after a given name.
    fn join_bare_surnames(&self, text: &str, drafts: &mut [Draft], sentence_names: &ArticleNames) {
        let surnames: Vec<String> = drafts.iter().map(|d| d.surname.clone()).collect();
        // tests cheaper than comparing words: bit n of `lengths`, some surname is n bytes long
        // (63: longer); `firsts[b]`, some surname starts with byte b
        let lengths = surnames
            .iter()
            .fold(0u64, |mask, s| mask | 1 << s.len().min(63));
        let mut firsts = [false; 256];
        for s in &surnames {
            if let Some(&b) = s.as_bytes().first() {
                firsts[usize::from(b)] = true;
            }
        }
        let bytes = text.as_bytes();
        let mut taken: Vec<Range<usize>> = drafts
            .iter()
            .flat_map(|d| d.mentions.iter().map(|m| m.0.clone()))
            .collect();
        taken.sort_by_key(|r| r.start);
        // the drafts of each surname, and where each draft was mentioned: the starts of its
        // mentions so far (sorted) and of the last bare surname joined to it (they come in
        // text order), so that "the latest mentioned" is a binary search, not a pass over
        // every mention of every candidate
        let mut by_surname: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (d, s) in surnames.iter().enumerate() {
            by_surname.entry(s.as_str()).or_default().push(d);
        }
        let named_at: Vec<Vec<usize>> = drafts
            .iter()
            .map(|d| {
                let mut starts: Vec<usize> = d.mentions.iter().map(|m| m.0.start).collect();
                starts.sort_unstable();
                starts
            })
            .collect();
        let mut bare_at: Vec<Option<usize>> = vec![None; drafts.len()];
        for (si, names) in sentence_names.iter().enumerate() {
            let toks = &names.toks;
            for (k, t) in toks.iter().enumerate() {
                if !t.cap
                    || lengths & 1 << (t.end - t.start).min(63) == 0
                    || !firsts[usize::from(bytes[t.start])]
                {
                    continue;
                }
                let w = t.text(text);
                let Some(cands) = by_surname.get(w).filter(|_| w.len() >= 2) else {
                    continue;
                };
                let r = t.start..t.end;
                let at = taken.partition_point(|x| x.end <= r.start);
                if taken.get(at).is_some_and(|x| x.start < r.end) {
                    continue;
                }
                let next_org = toks.get(k + 1).is_some_and(|n| {
                    n.joined && !t.poss && n.cap && self.names.is_org_word(n.text(text))
                });
                let prev_given =
                    k > 0 && toks[k].joined && self.names.is_given(toks[k - 1].text(text));
                if next_org || prev_given {
                    continue;
                }
                // the latest-mentioned candidate (1 + where; 0 for not before here)
                let latest = cands.iter().copied().max_by_key(|&d| {
                    let named = &named_at[d];
                    let before = named.partition_point(|&start| start < r.start);
                    let full = before.checked_sub(1).map_or(0, |i| named[i] + 1);
                    full.max(bare_at[d].map_or(0, |start| start + 1))
                });
                if let Some(d) = latest {
                    bare_at[d] = Some(r.start);
                    drafts[d].mentions.push((r, si));
                }
            }
        }
    }

    /// The agency record a role's title belongs to: an agency mention inside the title's
    /// scope, else the first existing record the title pattern names.
    fn agency_of(&self, doc: &Document, article: &Article, role: &Role) -> Option<String> {
        let scope = doc.to_orig(role.scope.clone());
        let inside = article.agencies.iter().find(|a| {
            a.mentions
                .iter()
                .any(|m| m.span.start < scope.end && scope.start < m.span.end)
        });
        if let Some(a) = inside {
            return Some(a.id.clone());
        }
        let wanted = self.title_agencies.get(role.pattern?)?;
        wanted
            .iter()
            .find_map(|w| find_agency(&article.agencies, w))
            .map(|a| a.id.clone())
    }
}

/// True when a token's period is part of an abbreviation ("Sen.", "Gov."), not a full stop.
fn abbrev_dot(text: &str, t: &Token) -> bool {
    t.dot && t.cap && t.text(text).chars().count() <= 4
}

/// True when `word` lowercased is one of the lowercase words `list`; no allocation for an
/// ASCII word (it runs for many words around every name).
fn lowercase_is_one_of(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|l| word.eq_ignore_ascii_case(l))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// Words that open a role phrase before a name ("his campaign manager, Corey Lewandowski").
const OPENERS: [&str; 8] = ["a", "an", "the", "his", "her", "its", "their", "our"];

/// True when `word` is one of `OPENERS` in any ASCII case.
fn is_opener(word: &str) -> bool {
    OPENERS.iter().any(|o| word.eq_ignore_ascii_case(o))
}

/// Words that open an appositive noun phrase ("Jane Doe, a spokeswoman").
const DETERMINERS: [&str; 5] = ["a", "an", "the", "another", "also"];

/// True when two written names can be the same person (same surname, no conflicting given
/// name).
fn same_person(a: &str, b: &str) -> bool {
    names::surname(a) == names::surname(b)
        && (a.split_whitespace().count() == 1
            || b.split_whitespace().count() == 1
            || names::given(a) == names::given(b))
}

/// The agency record named `name`.
fn find_agency<'a>(agencies: &'a [Agency], name: &str) -> Option<&'a Agency> {
    agencies.iter().find(|a| a.name == name)
}

/// The role to report: the first with a title that links to a body or names an organisation,
/// else the first with a title, else the first.
fn best_role(roles: &[Role]) -> &Role {
    roles
        .iter()
        .find(|r| r.title.is_some())
        .or_else(|| roles.first())
        .unwrap_or_else(|| unreachable_role())
}

/// Drafts always hold a role; this keeps `best_role` total without a panic path.
fn unreachable_role() -> &'static Role {
    static EMPTY: std::sync::LazyLock<Role> = std::sync::LazyLock::new(|| Role {
        name: 0..0,
        mention: 0..0,
        sentence: 0,
        title: None,
        scope: 0..0,
        org: None,
        pattern: None,
        party: None,
        state: None,
        rule: "",
    });
    &EMPTY
}

/// The draft `name` refers to: same name, or same surname with a compatible given name (a
/// one-word name on either side is compatible).
fn find_draft(drafts: &[Draft], name: &str) -> Option<usize> {
    if let Some(d) = drafts.iter().position(|d| d.name == name) {
        return Some(d);
    }
    let sur = names::surname(name);
    let first = drafts.iter().position(|d| d.surname == sur)?;
    let given = names::given(name);
    let one_word = name.split_whitespace().count() == 1;
    drafts[first..]
        .iter()
        .position(|d| d.surname == sur && (one_word || d.words == 1 || d.given == given))
        .map(|d| first + d)
}

/// The title match (first token, last token, pattern) that ends at token `k`. Matches are
/// sorted and never overlap, so a binary search keeps long sentences linear.
fn title_ending_at(titles: &[(usize, usize, usize)], k: usize) -> Option<&(usize, usize, usize)> {
    titles
        .binary_search_by_key(&k, |t| t.1)
        .ok()
        .map(|i| &titles[i])
}

/// The title match that covers token `j`, if any.
fn title_covering(titles: &[(usize, usize, usize)], j: usize) -> Option<&(usize, usize, usize)> {
    let i = titles.partition_point(|t| t.1 < j);
    titles.get(i).filter(|t| t.0 <= j)
}

/// Verbs whose subject holds a role over their object ("who chairs the committee").
const HEADS_VERBS: [&str; 12] = [
    "chairs", "chaired", "heads", "headed", "leads", "led", "directs", "directed", "oversees",
    "oversaw", "runs", "ran",
];

/// Lowercase heads of bodies a person can chair or run ("department", "committee").
const ORG_NOUNS: [&str; 24] = [
    "department",
    "committee",
    "subcommittee",
    "agency",
    "office",
    "campaign",
    "company",
    "firm",
    "group",
    "panel",
    "council",
    "board",
    "institute",
    "program",
    "team",
    "division",
    "bureau",
    "unit",
    "organization",
    "foundation",
    "center",
    "commission",
    "school",
    "caucus",
];

/// The singular of a plural title, as a shorter range of the same text ("hosts" -> "host",
/// "Sens." -> "Sen").
fn singular(text: &str, title: Range<usize>) -> Range<usize> {
    let t = &text[title.clone()];
    let cut = if t.ends_with("s.") {
        2
    } else if t.ends_with('s') && !t.ends_with("ss") {
        1
    } else {
        0
    };
    title.start..title.end - cut
}

/// The gender of the first personal pronoun in the few words after `from` ("began her
/// speech"), up to the end of the clause or the next name `until`.
fn pronoun_gender_after(text: &str, from: usize, until: Option<usize>) -> Option<names::Gender> {
    let end = until.unwrap_or(usize::MAX).min(text.len());
    let rest = text.get(from..end.max(from))?;
    let clause = rest.split(['.', ';', '!', '?', '"']).next().unwrap_or("");
    clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .find_map(|w| match w {
            "he" | "him" | "his" | "himself" => Some(names::Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(names::Gender::Female),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Official;
    use crate::Extractor;

    fn officials(text: &str) -> Vec<Official> {
        Extractor::new().extract(text).officials
    }

    fn brief(text: &str) -> Vec<(String, Option<String>)> {
        officials(text)
            .into_iter()
            .map(|o| (o.name, o.title))
            .collect()
    }

    #[test]
    fn a_role_phrase_after_the_name_beats_an_abbreviated_title() {
        let o = officials("Rep. Karen Holt (D-Md.), chair of the ethics panel, spoke first.");
        assert_eq!(o[0].title.as_deref(), Some("chair of the ethics panel"));
        assert_eq!(o[0].party.as_deref(), Some("D"));
        assert_eq!(o[0].state.as_deref(), Some("Md."));
        // a full title before the name stays
        let o = officials("Commerce Secretary Gina Raimondo, a former governor, spoke.");
        assert_eq!(o[0].title.as_deref(), Some("Commerce Secretary"));
    }

    #[test]
    fn a_shared_plural_title_is_each_person_s_in_the_singular() {
        let o = brief("Morning Joe hosts Joe Scarborough and Mika Brzezinski asked.");
        assert_eq!(
            o,
            [
                (
                    "Joe Scarborough".to_string(),
                    Some("Morning Joe host".to_string())
                ),
                (
                    "Mika Brzezinski".to_string(),
                    Some("Morning Joe host".to_string())
                ),
            ]
        );
    }

    #[test]
    fn of_state_after_a_titled_name() {
        let o = officials("Sen. Karen Holt of Massachusetts voted no.");
        assert_eq!(o[0].state.as_deref(), Some("Massachusetts"));
        let o = officials("Rep. Paul Reyes of New Hampshire voted no.");
        assert_eq!(o[0].state.as_deref(), Some("New Hampshire"));
        let o = officials("Editor Paul Reyes of Washington Post fame spoke.");
        assert_eq!(o[0].state, None);
    }

    #[test]
    fn who_chairs_gives_the_role() {
        let o = officials("\"It is hard,\" said Paul Reyes, who chairs the history department at Yale University.");
        assert_eq!(
            o[0].title.as_deref(),
            Some("chairs the history department at Yale University")
        );
        assert_eq!(o[0].org.as_deref(), Some("Yale University"));
        assert!(officials("Paul Reyes, who runs, said no.").is_empty());
        assert!(officials("Paul Reyes, who led the charge against it, said no.").is_empty());
    }

    #[test]
    fn press_is_no_plural_of_pres() {
        let o = officials(
            "Karen Holt spoke. She told The Associated Press on Monday that it was over.",
        );
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn a_description_after_an_unknown_name_is_that_name_s() {
        let o = officials(
            "Karen Holt spoke. \"It works,\" explained Teal Baker, the national director of the \
             campaign.",
        );
        assert!(o.iter().all(|o| o.name != "Karen Holt"), "{o:?}");
    }

    #[test]
    fn served_as_gives_the_role() {
        assert_eq!(
            brief("Talks began when Maria Lopez served as foreign minister of Peru."),
            [(
                "Maria Lopez".to_string(),
                Some("foreign minister".to_string())
            )]
        );
        assert!(officials("Maria Lopez served as a volunteer in Lima.").is_empty());
    }

    #[test]
    fn a_pronoun_after_a_description_passes_over_the_other_gender() {
        let text = "Karen Holt debated Mayor Paul Reyes on Monday. The former governor began her \
                    speech with a joke.";
        let holt = officials(text).into_iter().find(|o| o.name == "Karen Holt");
        assert_eq!(
            holt.and_then(|o| o.title).as_deref(),
            Some("former governor")
        );
        // without a pronoun the closest person decides, and a titled one stops the search
        let text =
            "Karen Holt debated Mayor Paul Reyes on Monday. The former governor spoke first.";
        assert!(officials(text).iter().all(|o| o.name != "Karen Holt"));
    }

    #[test]
    fn title_before_name() {
        let o = officials("Commerce Secretary Gina Raimondo said it. Raimondo left.");
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].name, "Gina Raimondo");
        assert_eq!(o[0].title.as_deref(), Some("Commerce Secretary"));
        assert_eq!(o[0].mentions.len(), 2);
        assert_eq!(
            brief("Prime Minister Tony Blair spoke. Mr. Blair left."),
            [("Tony Blair".to_string(), Some("Prime Minister".to_string()))]
        );
        assert_eq!(
            brief("FBI Director James Comey testified."),
            [("James Comey".to_string(), Some("FBI Director".to_string()))]
        );
    }

    #[test]
    fn party_and_state_parenthetical() {
        let o = officials("The bill was blocked by Sen. Ron Wyden (D-Ore.) this week.");
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].title.as_deref(), Some("Sen."));
        assert_eq!(o[0].party.as_deref(), Some("D"));
        assert_eq!(o[0].state.as_deref(), Some("Ore."));
    }

    #[test]
    fn appositive_after_name() {
        let o = officials(
            "\"Fine,\" said Brian Nelson, Treasury's undersecretary for terrorism and financial intelligence.",
        );
        assert_eq!(o.len(), 1);
        assert_eq!(
            o[0].title.as_deref(),
            Some("undersecretary for terrorism and financial intelligence")
        );
        let o = officials("Josh Earnest, the White House press secretary, said no.");
        assert_eq!(o[0].title.as_deref(), Some("White House press secretary"));
    }

    #[test]
    fn organisation_roles() {
        let o = officials("Wells Fargo chief executive John Stumpf resigned.");
        assert_eq!(o[0].title.as_deref(), Some("Wells Fargo chief executive"));
        let o = officials("\"No,\" said a spokesman for Twitter, Christopher Abboud.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].org.as_deref(), Some("Twitter"));
    }

    #[test]
    fn people_without_roles_are_not_officials() {
        assert!(officials("Donald Trump and Hillary Clinton met on Monday.").is_empty());
        assert!(officials("Tags Gina Raimondo Ron Wyden").is_empty());
    }

    #[test]
    fn every_title_passes_the_first_word_filter() {
        let lexicon = Lexicon::default();
        let patterns: Vec<String> = lexicon
            .rows(ListKind::Titles)
            .filter_map(|r| r.first().map(|t| t.to_string()))
            .collect();
        let extractor = OfficialExtractor::new(&lexicon, Arc::clone(&names::DEFAULT_NAMES));
        for p in &patterns {
            for text in [format!("the {p} spoke"), format!("the {p}s spoke")] {
                let toks = names::tokenize(&text, 0..text.len());
                assert!(
                    extractor.may_start_title(text.as_bytes(), &toks[1]),
                    "{text}"
                );
            }
        }
        let text = "the said spokes";
        let toks = names::tokenize(text, 0..text.len());
        assert!(toks
            .iter()
            .all(|t| !extractor.may_start_title(text.as_bytes(), t)));
    }

    #[test]
    fn title_links_to_agency() {
        let a = Extractor::new()
            .extract("The Commerce Department acted. Commerce Secretary Gina Raimondo said so.");
        assert_eq!(a.officials[0].agency.as_deref(), Some("agency-1"));
    }
}
