//! Attribution sieves: which mention (name, pronoun or description) a quotation rests on, and
//! through which speech verb. Each sieve looks at the tokens around the quote; the first that
//! fires decides and names itself in the quote's `rule`.

use super::marks::QuoteSpan;
use super::words::{tokenize, tokenize_into, Kind, Tk, Tok, Words};
use crate::document::Document;
use crate::normalize::lowercase_in;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// What kind of mention a speaker phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// Capitalised name ("Commerce Secretary Gina Raimondo", "the Treasury Department").
    Name,
    /// "he", "she", "it", "they"...
    Pronoun,
    /// An unnamed speaker ("a senior administration official", "the senator").
    Desc,
}

/// A speaker mention: normalized range and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Np {
    pub range: Range<usize>,
    pub kind: NpKind,
}

/// The outcome of the sieves for one quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution<'a> {
    /// The mention the speaker rests on.
    pub np: Option<Np>,
    /// Index of an earlier quote whose speaker this quote continues.
    pub continues: Option<usize>,
    /// Lemma of the speech verb.
    pub cue: Option<&'a str>,
    /// The sieve that decided (`none` when nothing did).
    pub rule: &'static str,
    /// True when no word of its sentence comes before the quote.
    pub starts_sentence: bool,
    /// True when the quote is woven into a clause (`accused them of "actively supporting"`).
    pub partial: bool,
    /// The word just before the opening mark.
    pub word_before: Option<&'a str>,
    /// True when the quote sits between two capitalised words (`Dwayne "The Rock" Johnson`).
    pub inside_name: bool,
}

/// Prepositions after which a capitalised word is no speaker ("on Monday").
const PREPS: [&str; 8] = ["on", "in", "at", "last", "this", "next", "by", "since"];
/// Lowercase words that may join the parts of a name ("Department of the Treasury").
const CONNECTORS: [&str; 12] = [
    "of", "the", "for", "and", "de", "la", "van", "von", "del", "da", "al", "bin",
];
/// Conjunctions that join two verbs of one subject ("thought and said").
const CONJUNCTIONS: [&str; 4] = ["and", "but", "then", "or"];
/// Words before a participle whose subject is the sentence's ("by slamming", "while saying").
const PARTICIPLE_LEADS: [&str; 7] = ["by", "after", "before", "while", "when", "in", "without"];
/// Prepositions that tie a description to its organisation ("a spokeswoman for the department").
const LINKS: [&str; 5] = ["for", "of", "at", "with", "to"];
/// Words that open a subordinate clause before the main one ("When Wallace died, ...").
const SUBORDINATORS: [&str; 13] = [
    "When", "After", "Before", "If", "While", "Although", "Though", "Because", "Since", "As",
    "Once", "Until", "Unless",
];
/// Words that make a short opening phrase an adverbial ("Hours later, ...", "On Monday, ...").
const ADVERBIALS: [&str; 12] = [
    "later",
    "earlier",
    "ago",
    "meanwhile",
    "afterward",
    "afterwards",
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
];

/// Tokens of the normalized ranges (start, end) read last by the sieves, oldest first.
type TokCache = Vec<((usize, usize), Rc<Vec<Tok>>)>;

/// How many token lists the sieves keep: the quotes of a paragraph read the same few
/// sentences, in text order.
const TOK_CACHE_LEN: usize = 4;

/// Runs the sieves over the quotes of one document.
pub(crate) struct Sieves<'a> {
    pub doc: &'a Document<'a>,
    pub words: &'a Words,
    pub quotes: &'a [QuoteSpan],
    /// `outer` ranges of `quotes`, for the tokenizer.
    pub outer: Vec<Range<usize>>,
    /// Normalized range of the headline (empty when there is none).
    headline: Range<usize>,
    /// Tokens of the ranges read last: the quotes of one paragraph read the same sentences.
    tok_cache: RefCell<TokCache>,
}

impl<'a> Sieves<'a> {
    /// Set up the sieves for `quotes` (sorted by position) of `doc`.
    pub(crate) fn new(doc: &'a Document<'a>, words: &'a Words, quotes: &'a [QuoteSpan]) -> Self {
        let outer = quotes.iter().map(|q| q.outer.clone()).collect();
        let headline = doc.headline().map_or(0..0, |h| doc.to_norm(h));
        Sieves {
            doc,
            words,
            quotes,
            outer,
            headline,
            tok_cache: RefCell::default(),
        }
    }

    /// The tokens of `norm[range]`, tokenized once while the range is among the last read.
    /// The oldest list's memory is reused when no sieve holds it any more.
    fn tokens(&self, range: Range<usize>) -> Rc<Vec<Tok>> {
        let key = (range.start, range.end);
        let mut cache = self.tok_cache.borrow_mut();
        if let Some((_, t)) = cache.iter().find(|(k, _)| *k == key) {
            return Rc::clone(t);
        }
        let oldest = (cache.len() >= TOK_CACHE_LEN).then(|| cache.remove(0).1);
        let reused = oldest.and_then(|mut old| {
            let toks = Rc::get_mut(&mut old)?;
            tokenize_into(self.norm(), range.clone(), &self.outer, self.words, toks);
            Some(old)
        });
        let t = reused
            .unwrap_or_else(|| Rc::new(tokenize(self.norm(), range, &self.outer, self.words)));
        cache.push((key, Rc::clone(&t)));
        t
    }

    fn norm(&self) -> &'a str {
        self.doc.norm()
    }

    /// The speech verb at token `i` (lemma, token count). Capitalised words are verbs only in
    /// the headline ("Clinton Says ..."), so "United States" holds no "states".
    fn cue(&self, toks: &[Tok], i: usize) -> Option<(&'a str, usize)> {
        let t = toks.get(i)?;
        let first = i == 0 || toks[i - 1].kind != Tk::Word;
        if self.text(t).starts_with(char::is_uppercase)
            && !first
            && !self.headline.contains(&t.start)
        {
            return None;
        }
        self.words.cue_at(self.norm(), toks, i)
    }

    fn text(&self, t: &Tok) -> &'a str {
        self.norm().get(t.range()).unwrap_or("")
    }

    fn word(&self, toks: &[Tok], i: usize) -> Option<&'a str> {
        toks.get(i)
            .filter(|t| t.kind == Tk::Word)
            .map(|t| self.text(t))
    }

    fn is_punct(toks: &[Tok], i: usize, set: &[char]) -> bool {
        matches!(toks.get(i), Some(Tok { kind: Tk::Punct(c), .. }) if set.contains(c))
    }

    /// Normalized range of the sentences that the normalized range `r` touches.
    fn sentences_of(&self, r: &Range<usize>) -> (Range<usize>, Option<usize>) {
        let doc = self.doc;
        let s0 = doc.sentence_at_norm(r.start);
        let s1 = doc.sentence_at_norm(r.end.saturating_sub(1).max(r.start));
        match (s0, s1) {
            (Some(a), Some(b)) => {
                let ss = doc.sentences();
                (
                    ss[a].norm.start.min(r.start)..ss[b].norm.end.max(r.end),
                    Some(a),
                )
            }
            (Some(a), None) => {
                let ss = doc.sentences();
                (ss[a].norm.start.min(r.start)..r.end, Some(a))
            }
            _ => (r.clone(), None),
        }
    }

    /// The person part of a name joined to its organisation by "of" ("Kazuhiro Takahashi of
    /// Daiwa Securities" -> "Kazuhiro Takahashi"); bodies ("Bank of America") stay whole.
    fn person_part(&self, np: Np) -> Np {
        if np.kind != NpKind::Name {
            return np;
        }
        let text = &self.norm()[np.range.clone()];
        let Some(at) = text.find(" of ") else {
            return np;
        };
        let before: Vec<&str> = text[..at].split_whitespace().collect();
        let person = before.len() >= 2
            && before
                .iter()
                .all(|w| !self.words.is(Kind::ORG, w) && !self.words.is(Kind::TITLE, w));
        if person {
            Np {
                range: np.range.start..np.range.start + at,
                kind: NpKind::Name,
            }
        } else {
            np
        }
    }

    /// Attribute every quote, in order (later quotes may continue earlier ones).
    pub(crate) fn run(&self) -> Vec<Attribution<'a>> {
        let mut out: Vec<Attribution<'a>> = Vec::with_capacity(self.quotes.len());
        for qi in 0..self.quotes.len() {
            let mut a = self.attribute(qi, &out);
            a.np = a.np.map(|np| self.person_part(np));
            out.push(a);
        }
        out
    }

    /// The sieves for quote `qi`, given the attributions of the quotes before it.
    fn attribute(&self, qi: usize, done: &[Attribution<'a>]) -> Attribution<'a> {
        let q = &self.quotes[qi];
        let (mut region, s0) = self.sentences_of(&q.outer);
        // `"...?" Sanders asked.` split after the closing mark: read on into the next sentence
        // of the paragraph
        let asks = self.norm()[q.inner.clone()].ends_with(['?', '!']);
        let opens = self.norm()[region.start..q.outer.start].trim().is_empty();
        if asks
            && opens
            && self.norm()[q.outer.end.min(region.end)..region.end]
                .trim()
                .is_empty()
        {
            let doc = self.doc;
            if let Some(last) = doc.sentence_at_norm(q.outer.end.saturating_sub(1)) {
                let ss = doc.sentences();
                if let Some(next) = ss
                    .get(last + 1)
                    .filter(|n| n.paragraph == ss[last].paragraph)
                {
                    region.end = next.norm.end;
                }
            }
        }
        let toks = self.tokens(region);
        let Some(t) = toks.iter().position(|t| t.kind == Tk::Quote(qi)) else {
            return Attribution {
                rule: "none",
                ..Attribution::default()
            };
        };
        let starts_sentence = toks[..t]
            .iter()
            .rev()
            .find(|x| !matches!(x.kind, Tk::Punct('(' | '-' | '—' | '[')))
            .is_none_or(|x| matches!(x.kind, Tk::Punct('.' | '!' | '?')));
        // woven into the reporter's clause: right after a word that is no speech verb, or
        // continuing the reporter's sentence in lowercase (`said "there is a degree of ..."`)
        let lowercase = self.norm()[q.inner.clone()]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        let partial = !starts_sentence
            && t > 0
            && (lowercase || toks[t - 1].kind == Tk::Word && self.cue(&toks, t - 1).is_none());
        let word_before = (t > 0).then(|| self.word(&toks, t - 1)).flatten();
        let cap = |i: usize| {
            self.word(&toks, i)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        };
        let inside_name = t > 0
            && cap(t - 1)
            && !self
                .words
                .is(Kind::LEAD, self.word(&toks, t - 1).unwrap_or(""))
            && cap(t + 1);
        let mut a = Attribution {
            starts_sentence,
            partial,
            word_before,
            inside_name,
            rule: "none",
            ..Attribution::default()
        };
        if let Some((np, cue, rule)) = self.after(&toks, t) {
            return a.with(np, cue, rule);
        }
        if let Some((np, cue, rule)) = self.before(&toks, t) {
            return a.with(np, cue, rule);
        }
        if let Some((np, cue)) = self.later(&toks, t) {
            return a.with(np, cue, "cue-later");
        }
        if let Some(np) = self.colon_name(&toks, t) {
            return a.with(np, None, "colon-name");
        }
        // "And continued: \"...\"": a speech verb with no subject of its own goes on from the
        // quote before, when that one has a speaker
        if let (Some(cue), Some(pi)) = (self.subjectless_cue(&toks, t), qi.checked_sub(1)) {
            let speaks = done
                .get(pi)
                .is_some_and(|d| d.np.is_some() || d.continues.is_some());
            if speaks {
                a.continues = Some(pi);
                a.cue = Some(cue);
                a.rule = "continued";
                return a;
            }
        }
        if !starts_sentence {
            return a;
        }
        let Some(s0) = s0 else { return a };
        let sentences = self.doc.sentences();
        let para = sentences[s0].paragraph;
        // the sentence before ends with a colon: "Cruz continued:"
        if s0 > 0 && sentences[s0 - 1].paragraph + 1 >= para {
            let prev = &sentences[s0 - 1].norm;
            if self.norm()[prev.clone()].trim_end().ends_with(':') {
                if let Some((np, cue)) = self.sentence_speaker(prev.clone(), true) {
                    return a.with(np, cue, "colon-before");
                }
            }
        }
        // the quote goes on from the previous one
        if let Some(pi) = qi.checked_sub(1) {
            let p = &self.quotes[pi];
            let near = self
                .doc
                .sentence_at_norm(p.outer.end.saturating_sub(1))
                .is_some_and(|ps| s0 >= ps && s0 - ps <= 3 && sentences[ps].paragraph + 1 >= para);
            let speaks = done
                .get(pi)
                .is_some_and(|d| d.np.is_some() || d.continues.is_some());
            if near && speaks {
                // "“...,” Ebeling said, and her husband cut in. “...”": a new speaker
                // named after the previous quote takes this one
                if s0 > 0 && sentences[s0 - 1].paragraph == para {
                    let before = sentences[s0 - 1].norm.clone();
                    if let Some((np, cue)) = self.sentence_speaker(before, false) {
                        // a new clause ("..., and her husband cut in"), not an aside on
                        // the same speaker ("Michael Lamberty, a Lufthansa spokesman")
                        let new_clause =
                            done.get(pi).and_then(|d| d.np.as_ref()).is_some_and(|x| {
                                self.norm()
                                    .get(x.range.end..np.range.start)
                                    .is_some_and(|gap| {
                                        [" and ", " but ", ". "].iter().any(|c| gap.contains(c))
                                    })
                            });
                        if np.range.start >= p.outer.end && new_clause {
                            return a.with(np, Some(cue.unwrap_or_default()), "sentence-before");
                        }
                    }
                }
                a.continues = Some(pi);
                a.cue = done.get(pi).and_then(|d| d.cue);
                a.rule = "continued";
                return a;
            }
        }
        // a speaker named with a speech verb in the sentence before, same paragraph
        if s0 > 0 && sentences[s0 - 1].paragraph == para {
            if let Some((np, cue)) = self.sentence_speaker(sentences[s0 - 1].norm.clone(), false) {
                return a.with(np, Some(cue.unwrap_or_default()), "sentence-before");
            }
        }
        // a short "X said." sentence after the quote
        let last = self
            .doc
            .sentence_at_norm(q.outer.end.saturating_sub(1))
            .unwrap_or(s0);
        if let Some(next) = sentences.get(last + 1) {
            if next.paragraph <= sentences[last].paragraph + 1 {
                let nt = self.tokens(next.norm.clone());
                if nt.len() <= 8 && !nt.iter().any(|x| matches!(x.kind, Tk::Quote(_))) {
                    if let Some((np, cue)) = self.sentence_speaker(next.norm.clone(), false) {
                        return a.with(np, Some(cue.unwrap_or_default()), "sentence-after");
                    }
                }
                // a signature line: "- Clinton." / "—President Obama, tweeting after ..."
                if Self::is_punct(&nt, 0, &['-', '—']) {
                    if let Some((np, _)) = self.np_forward(&nt, 1) {
                        if np.kind == NpKind::Name {
                            return a.with(np, None, "dash-after");
                        }
                    }
                }
            }
        }
        a
    }

    /// True when the end mark at token `i` ends a sentence: what follows is a capitalised
    /// word, a quote or nothing ("R-Wis., said" goes on).
    fn ends_sentence(&self, toks: &[Tok], i: usize) -> bool {
        match toks.get(i + 1) {
            None => true,
            Some(t) => match t.kind {
                Tk::Quote(_) => true,
                Tk::Word => self.text(t).starts_with(char::is_uppercase),
                Tk::Punct(_) => false,
            },
        }
    }

    /// Sieve "after": `"...," X said` or `"...," said X` right after the closing mark.
    fn after(&self, toks: &[Tok], t: usize) -> Option<(Np, Option<&'a str>, &'static str)> {
        let mut j = t + 1;
        while j < toks.len() && j <= t + 2 && Self::is_punct(toks, j, &[',', '-', '—']) {
            j += 1;
        }
        if let Some((lemma, n)) = self.cue(toks, j) {
            let (np, _) = self.np_forward(toks, j + n)?;
            let rule = if lemma == "according to" {
                "according-to"
            } else {
                "cue-speaker-after"
            };
            return Some((np, Some(lemma), rule));
        }
        let Some((np, mut k)) = self.np_forward(toks, j) else {
            // "..., the investor said": any description right before the verb
            let e = (j..toks.len().min(j + 5)).find(|&e| self.cue(toks, e).is_some())?;
            let np = self.any_description(toks, e.checked_sub(1)?)?;
            if np.range.start != toks[j].start {
                return None;
            }
            let lemma = self.cue(toks, e).map(|c| c.0);
            return Some((np, lemma, "speaker-cue-after"));
        };
        if np.kind == NpKind::Desc && self.word(toks, k).is_some_and(|w| w == "for") {
            // "a spokeswoman for the department said"
            if let Some((_, k2)) = self.np_forward(toks, k + 1) {
                k = k2;
            }
        }
        let aside = self.skip_aside_forward(toks, k);
        if aside == k && Self::is_punct(toks, k, &[',']) {
            // an aside closed by the verb itself: "Michael Lamberty, a Lufthansa spokesman told"
            for e in k + 1..toks.len().min(k + 12) {
                if toks[e].kind != Tk::Word {
                    break;
                }
                if let Some((lemma, _)) = self.cue(toks, e) {
                    return Some((np, Some(lemma), "speaker-cue-after"));
                }
            }
        }
        k = self.skip_adverbs_forward(toks, aside);
        if let Some((lemma, _)) = self.cue(toks, k) {
            return Some((np, Some(lemma), "speaker-cue-after"));
        }
        // a quote that ends in a comma, "?" or "!" hands over to its speaker, whatever the
        // verb: "Go back to Univision," Trump barked.
        let content = &self.norm()[self.quote_inner(toks, t)];
        let hands_over = content.ends_with([',', '?', '!']) || content.ends_with("--");
        let lower_verb = self.word(toks, k).is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && w.len() > 3
                && (w.ends_with("ed") || w.ends_with('s'))
        });
        (hands_over && lower_verb && np.kind != NpKind::Desc).then_some((
            np,
            None,
            "speaker-verb-after",
        ))
    }

    /// Content range of the quote token `t`.
    fn quote_inner(&self, toks: &[Tok], t: usize) -> Range<usize> {
        match toks.get(t).map(|x| x.kind) {
            Some(Tk::Quote(qi)) => self.quotes.get(qi).map_or(0..0, |q| q.inner.clone()),
            _ => 0..0,
        }
    }

    /// Sieve "colon-name": a speaker named right before a colon that opens the quote, with no
    /// speech verb ("... surprise Republican pollster Daron Shaw: \"...\"").
    fn colon_name(&self, toks: &[Tok], t: usize) -> Option<Np> {
        if t < 2 || !Self::is_punct(toks, t - 1, &[':']) {
            return None;
        }
        if let Some(np) = self
            .np_backward(toks, t - 2, 0)
            .filter(|np| np.kind == NpKind::Name)
        {
            return Some(np);
        }
        // the subject of the sentence the colon ends: "Perez lobbies for a higher wage: ..."
        let mut s = t - 1;
        while s > 0
            && !matches!(
                toks[s - 1].kind,
                Tk::Quote(_) | Tk::Punct('.' | '!' | '?' | ';')
            )
        {
            s -= 1;
        }
        let main = self.main_clause_start(toks, s);
        let opening = (main > s).then(|| self.np_forward(toks, main)).flatten();
        let (np, _) = opening.or_else(|| self.np_forward(toks, s)).or_else(|| {
            self.word(toks, s)
                .filter(|w| self.words.is(Kind::LEAD, w))
                .and_then(|_| self.np_forward(toks, s + 1))
        })?;
        (np.kind != NpKind::Pronoun || self.word(toks, s).is_some()).then_some(np)
    }

    /// Sieve "before": a speech verb earlier in the sentence with its subject (`X said: "..."`,
    /// `X said the plan was "a disaster"`, `According to X, "..."`).
    fn before(&self, toks: &[Tok], t: usize) -> Option<(Np, Option<&'a str>, &'static str)> {
        let colon = t > 0 && Self::is_punct(toks, t - 1, &[':']);
        let rule = if colon {
            "colon-lead"
        } else {
            "speaker-cue-before"
        };
        let mut pending: Option<&'a str> = None;
        let mut i = t;
        while i > 0 {
            i -= 1;
            match toks[i].kind {
                Tk::Punct(';') => break,
                Tk::Punct('.' | '!' | '?') if self.ends_sentence(toks, i) => break,
                Tk::Quote(_) | Tk::Punct(_) => continue,
                Tk::Word => {}
            }
            let Some((lemma, n)) = self.cue(toks, i) else {
                continue;
            };
            if lemma == "according to" {
                if let Some((np, _)) = self.np_forward(toks, i + n) {
                    return Some((np, Some(lemma), "according-to"));
                }
                continue;
            }
            if let Some(np) = self.subject_of(toks, i) {
                return Some((np, Some(pending.unwrap_or(lemma)), rule));
            }
            // inverted: `said Mr Blair: "..."`
            if let Some((np, k)) = self.np_forward(toks, i + n) {
                let k = self.skip_aside_forward(toks, k);
                if k >= t || Self::is_punct(toks, k, &[':', ',']) {
                    return Some((np, Some(lemma), "cue-speaker-before"));
                }
            }
            // "he said X and said that ...": the subject of the earlier verb
            if i > 0
                && self
                    .word(toks, i - 1)
                    .is_some_and(|w| CONJUNCTIONS.contains(&w))
            {
                pending.get_or_insert(lemma);
            }
        }
        None
    }

    /// Sieve "later": a speech verb with its subject later in the sentence, before any other
    /// quote (`"A disaster" is how Trump described it`).
    fn later(&self, toks: &[Tok], t: usize) -> Option<(Np, Option<&'a str>)> {
        for i in t + 1..toks.len() {
            match toks[i].kind {
                Tk::Quote(_) | Tk::Punct(';') => return None,
                Tk::Punct('.' | '!' | '?') if self.ends_sentence(toks, i) => return None,
                Tk::Punct(_) => continue,
                Tk::Word => {}
            }
            if let Some((lemma, n)) = self.cue(toks, i) {
                if lemma == "according to" {
                    if let Some((np, _)) = self.np_forward(toks, i + n) {
                        return Some((np, Some(lemma)));
                    }
                }
                if let Some(np) = self
                    .subject_of(toks, i)
                    .filter(|np| np.range.start > toks[t].end)
                {
                    return Some((np, Some(lemma)));
                }
            }
        }
        None
    }

    /// The speaker of sentence `range`: the subject of its last speech verb; with `any`, else
    /// the first name or description it opens with ("Cruz continued:", "The statement read:").
    fn sentence_speaker(&self, range: Range<usize>, any: bool) -> Option<(Np, Option<&'a str>)> {
        let toks = self.tokens(range);
        for i in (0..toks.len()).rev() {
            if let Some((lemma, n)) = self.cue(&toks, i) {
                if lemma == "according to" {
                    if let Some((np, _)) = self.np_forward(&toks, i + n) {
                        return Some((np, Some(lemma)));
                    }
                }
                if let Some(np) = self.subject_of(&toks, i) {
                    return Some((np, Some(lemma)));
                }
                // inverted, the speaker after the verb: "Stated Stone:"
                if let Some((np, k)) = self.np_forward(&toks, i + n) {
                    if k >= toks.len() || Self::is_punct(&toks, k, &[':']) {
                        return Some((np, Some(lemma)));
                    }
                }
            }
        }
        if any {
            let mut i = 0;
            while i < toks.len() && toks[i].kind != Tk::Word {
                i += 1;
            }
            return self.np_forward(&toks, i).map(|(np, _)| (np, None));
        }
        None
    }

    /// Skip an aside after a name: `, an economic adviser to Republicans,` or `(D-Ore.)`.
    fn skip_aside_forward(&self, toks: &[Tok], k: usize) -> usize {
        if Self::is_punct(toks, k, &['(']) {
            if let Some(e) =
                (k + 1..toks.len().min(k + 20)).find(|&e| Self::is_punct(toks, e, &[')']))
            {
                return self.skip_aside_forward(toks, e + 1);
            }
            return k;
        }
        if Self::is_punct(toks, k, &[',']) {
            for (e, tok) in toks.iter().enumerate().take(k + 40).skip(k + 1) {
                match tok.kind {
                    Tk::Quote(_) | Tk::Punct(';' | '.' | ':') => return k,
                    Tk::Punct(',') => return e + 1,
                    _ => {}
                }
            }
        }
        k
    }

    /// Skip adverbs and auxiliaries ("also", "has", "later") before a speech verb.
    fn skip_adverbs_forward(&self, toks: &[Tok], mut k: usize) -> usize {
        while let Some(w) = self.word(toks, k) {
            if self.adverb(w) {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    /// True for adverbs and auxiliaries that may stand between a speaker and a speech verb.
    fn adverb(&self, w: &str) -> bool {
        let lower = w.starts_with(char::is_lowercase);
        self.words.is(Kind::SKIP, w) && lower || (lower && w.len() > 4 && w.ends_with("ly"))
    }

    /// The subject of the speech verb at token `cue`: the mention ending right before it,
    /// past adverbs, a parenthesis or an appositive.
    fn subject_of(&self, toks: &[Tok], cue: usize) -> Option<Np> {
        self.relative_subject(toks, cue)
            .or_else(|| self.subject_near(toks, cue))
            .or_else(|| self.clause_subject(toks, cue))
            .or_else(|| self.participle_subject(toks, cue))
    }

    /// The subject of the main clause for a participle after a comma ("Sanders released a
    /// statement, insisting that ..."): the mention that opens the sentence.
    fn participle_subject(&self, toks: &[Tok], cue: usize) -> Option<Np> {
        let w = self.word(toks, cue)?;
        let led = cue > 0
            && (Self::is_punct(toks, cue - 1, &[','])
                || self
                    .word(toks, cue - 1)
                    .is_some_and(|p| PARTICIPLE_LEADS.contains(&p)));
        if !w.ends_with("ing") || !led {
            return None;
        }
        let s = Self::clause_start(toks, cue - 1);
        // "Spicer said, adding": the subject of the speech verb before it; not a noun
        // ("posted a Twitter comment, saying")
        for v in (s..cue - 1).rev() {
            if self.cue(toks, v).is_some() && !self.noun_use(toks, v) {
                if let Some(np) = self.subject_near(toks, v) {
                    return Some(np);
                }
            }
        }
        let main = self.main_clause_start(toks, s);
        let opening = (main > s).then(|| self.np_forward(toks, main)).flatten();
        let (np, _) = opening.or_else(|| self.np_forward(toks, s)).or_else(|| {
            // "Later, the Treasury Department announced"
            let c = (s..cue - 1).find(|&c| Self::is_punct(toks, c, &[',']))?;
            (c - s <= 4).then(|| self.np_forward(toks, c + 1)).flatten()
        })?;
        (np.range.end <= toks[cue].start).then_some(np)
    }

    /// The lemma of a speech verb that opens the sentence of the quote at token `t` with no
    /// subject ("And continued:", "Then added,").
    fn subjectless_cue(&self, toks: &[Tok], t: usize) -> Option<&'a str> {
        let mut k = t.checked_sub(1)?;
        if Self::is_punct(toks, k, &[':', ',']) {
            k = k.checked_sub(1)?;
        }
        let (lemma, _) = self.cue(toks, k)?;
        let opens = (0..k).rev().find(|&j| {
            !self.word(toks, j).is_some_and(|w| {
                CONJUNCTIONS.contains(&w.to_lowercase().as_str()) || self.adverb(w)
            })
        });
        let first =
            opens.is_none_or(|j| matches!(toks[j].kind, Tk::Punct('.' | '!' | '?') | Tk::Quote(_)));
        first.then_some(lemma)
    }

    /// The antecedent of "who" right before the speech verb at `cue`, past an auxiliary:
    /// "Trump, who has said he wants to be a \"neutral\" broker".
    fn relative_subject(&self, toks: &[Tok], cue: usize) -> Option<Np> {
        let mut k = cue.checked_sub(1)?;
        if self
            .word(toks, k)
            .is_some_and(|w| matches!(w, "has" | "had" | "have" | "also" | "then" | "later"))
        {
            k = k.checked_sub(1)?;
        }
        if self.word(toks, k)? != "who" {
            return None;
        }
        let mut a = k.checked_sub(1)?;
        if Self::is_punct(toks, a, &[',']) {
            a = a.checked_sub(1)?;
        }
        self.np_backward(toks, a, 0)
            .filter(|np| np.kind != NpKind::Pronoun)
    }

    /// True when the speech word at `v` is a noun, not a verb: its base form after a
    /// determiner ("a comment", "a Twitter post").
    fn noun_use(&self, toks: &[Tok], v: usize) -> bool {
        let (Some(w), Some((lemma, _))) = (self.word(toks, v), self.cue(toks, v)) else {
            return false;
        };
        let det = |k: usize| {
            self.word(toks, k)
                .is_some_and(|x| self.words.is(Kind::DET, x))
        };
        let cap = |k: usize| {
            self.word(toks, k)
                .is_some_and(|x| x.starts_with(char::is_uppercase))
        };
        w.eq_ignore_ascii_case(lemma) && v > 0 && (det(v - 1) || v > 1 && cap(v - 1) && det(v - 2))
    }

    /// Where the main clause of the sentence starting at token `s` begins: after an opening
    /// subordinate clause ("When Wallace died in 1998, ...") or a short adverbial ("Hours
    /// later, ..."); `s` itself otherwise.
    fn main_clause_start(&self, toks: &[Tok], s: usize) -> usize {
        let comma = (s..toks.len().min(s + 25))
            .take_while(|&k| {
                !matches!(
                    toks[k].kind,
                    Tk::Quote(_) | Tk::Punct('.' | '!' | '?' | ';' | ':')
                )
            })
            .find(|&k| Self::is_punct(toks, k, &[',']));
        let Some(c) = comma else {
            return s;
        };
        let first = self.word(toks, s).unwrap_or("");
        let adverbial = c - s <= 4
            && (s..c).any(|k| {
                self.word(toks, k).is_some_and(|w| {
                    ADVERBIALS.contains(&w.to_lowercase().as_str()) || self.words.is(Kind::TIME, w)
                })
            });
        if SUBORDINATORS.contains(&first) || adverbial {
            c + 1
        } else {
            s
        }
    }

    /// The first token of the clause that token `i` is in: just after the last end mark,
    /// colon or semicolon before it.
    fn clause_start(toks: &[Tok], i: usize) -> usize {
        toks[..i]
            .iter()
            .rposition(|t| matches!(t.kind, Tk::Punct('.' | ';' | ':' | '!' | '?')))
            .map_or(0, |p| p + 1)
    }

    /// The mention right before the speech verb at `cue` (past adverbs and asides).
    fn subject_near(&self, toks: &[Tok], cue: usize) -> Option<Np> {
        let mut i = cue.checked_sub(1)?;
        while let Some(w) = self.word(toks, i) {
            if !self.adverb(w) {
                break;
            }
            i = i.checked_sub(1)?;
        }
        if Self::is_punct(toks, i, &[',']) && i > 0 && Self::is_punct(toks, i - 1, &[')']) {
            i -= 1;
        }
        if Self::is_punct(toks, i, &[')']) {
            let open = (i.saturating_sub(20)..i)
                .rev()
                .find(|&o| Self::is_punct(toks, o, &['(']))?;
            i = open.checked_sub(1)?;
        }
        if Self::is_punct(toks, i, &[',']) {
            // "Lael Brainard, a Fed governor, said"
            let mut c = i;
            loop {
                c = c.checked_sub(1)?;
                if i - c > 30 {
                    return None;
                }
                match toks[c].kind {
                    Tk::Punct(',') => break,
                    // an abbreviation's period ("R-Wis., said") goes on
                    Tk::Punct('.') if !self.ends_sentence(toks, c) => {}
                    Tk::Quote(_) | Tk::Punct(';' | ':' | '.') => return None,
                    _ => {}
                }
            }
            // "Clinton, 35, the daughter of ..., said": an age is one more aside
            let age = c >= 2
                && self
                    .word(toks, c - 1)
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
                && Self::is_punct(toks, c - 2, &[',']);
            if age {
                c -= 2;
            }
            let before = c.checked_sub(1).and_then(|b| self.np_backward(toks, b, 0));
            // "Here in Columbia, Sanders stepped up ..., saying": a place in an opening
            // adverbial is no aside on the subject
            let s = Self::clause_start(toks, c);
            let participle = self.word(toks, cue).is_some_and(|w| w.ends_with("ing"));
            if participle && self.main_clause_start(toks, s) == c + 1 {
                return None;
            }
            if let Some(np) = before.clone().filter(|np| np.kind != NpKind::Desc) {
                return Some(np);
            }
            // "Sanders's campaign manager, Jeff Weaver, said": the aside is the name
            if let Some((np, k)) = self.np_forward(toks, c + 1) {
                if np.kind == NpKind::Name && k == i {
                    return Some(np);
                }
            }
            return None;
        }
        // a finite verb form ("said", "told", "says"), not a noun-like one ("email", "remarks")
        let verb = self.word(toks, cue).unwrap_or("");
        let lemma = self.cue(toks, cue).map(|c| c.0).unwrap_or_default();
        let finite =
            verb == "says" || verb != lemma && !verb.ends_with('s') && !verb.ends_with("ing");
        self.np_backward(toks, i, 0)
            .or_else(|| finite.then(|| self.any_description(toks, i)).flatten())
    }

    /// A description of any head noun ending at token `i`, right before a speech verb:
    /// "the investor said", "the Texan said". Needs a determiner within four words.
    fn any_description(&self, toks: &[Tok], i: usize) -> Option<Np> {
        let head = self.word(toks, i)?;
        if self.adverb(head) || self.words.is(Kind::DET, head) || CONNECTORS.contains(&head) {
            return None;
        }
        for k in (i.saturating_sub(4)..i).rev() {
            let x = self.word(toks, k)?;
            if self.words.is(Kind::DET, x) && x.starts_with(char::is_lowercase)
                || self.words.is(Kind::DET, x) && k == 0
            {
                return Some(Np {
                    range: toks[k].start..toks[i].end,
                    kind: NpKind::Desc,
                });
            }
            if self.cue(toks, k).is_some() || CONNECTORS.contains(&x) && x != "the" {
                return None;
            }
        }
        None
    }

    /// The mention that opens the clause of the speech verb at `cue`, when it is near
    /// ("Another source familiar with Cruz's thinking said", "Bush thought and said").
    fn clause_subject(&self, toks: &[Tok], cue: usize) -> Option<Np> {
        let mut s = cue;
        while s > 0 && toks[s - 1].kind == Tk::Word {
            s -= 1;
        }
        if cue - s > 10 || s == cue {
            return None;
        }
        let np = match self.np_forward(toks, s) {
            Some((np, _)) => np,
            None if self
                .word(toks, s)
                .is_some_and(|w| self.words.is(Kind::LEAD, w)) =>
            {
                self.np_forward(toks, s + 1)?.0
            }
            None => return None,
        };
        (np.range.end <= toks[cue].start).then_some(np)
    }

    /// A speaker mention ending at token `i`.
    fn np_backward(&self, toks: &[Tok], i: usize, depth: usize) -> Option<Np> {
        let w = self.word(toks, i)?;
        let words = self.words;
        let mut buf = [0u8; 64];
        let lower = lowercase_in(w, &mut buf);
        if self.pronoun(&lower) {
            return Some(Np {
                range: toks[i].range(),
                kind: NpKind::Pronoun,
            });
        }
        if w.starts_with(char::is_uppercase) {
            let mut s = i;
            while s > 0 {
                let Some(p) = self.word(toks, s - 1) else {
                    break;
                };
                let joins = CONNECTORS.contains(&p)
                    && s >= 2
                    && self
                        .word(toks, s - 2)
                        .is_some_and(|pp| pp.starts_with(char::is_uppercase));
                let verb = self.cue(toks, s - 1).is_some();
                if (p.starts_with(char::is_uppercase) || joins) && !verb {
                    s -= 1;
                } else {
                    break;
                }
            }
            let mut e = i;
            while e >= s && self.word(toks, e).is_some_and(|x| words.is(Kind::TIME, x)) {
                if e == 0 {
                    break;
                }
                e -= 1;
            }
            while s <= e
                && self
                    .word(toks, s)
                    .is_some_and(|x| words.is(Kind::LEAD, x) || CONNECTORS.contains(&x))
            {
                s += 1;
            }
            if s > e || self.word(toks, e).is_some_and(|x| words.is(Kind::TIME, x)) {
                // "on Monday": look past the time phrase
                let p = s.min(i);
                if depth < 2 && p >= 2 && self.word(toks, p - 1).is_some_and(|x| PREPS.contains(&x))
                {
                    return self.np_backward(toks, p - 2, depth + 1);
                }
                return None;
            }
            let mut e2 = e;
            // drop lead words and connectors at the end too ("Trump and")
            while e2 > s && self.word(toks, e2).is_some_and(|x| CONNECTORS.contains(&x)) {
                e2 -= 1;
            }
            // "the former secretary of State", "a spokesman for the state Department of X":
            // the name completes a description
            let mut l = s;
            while l > s.saturating_sub(3)
                && l >= 1
                && self
                    .word(toks, l - 1)
                    .is_some_and(|x| x.starts_with(char::is_lowercase) && !LINKS.contains(&x))
            {
                l -= 1;
            }
            if depth < 2 && l >= 2 && self.word(toks, l - 1).is_some_and(|x| LINKS.contains(&x)) {
                if let Some(d) = self.np_backward(toks, l - 2, depth + 1) {
                    if d.kind == NpKind::Desc {
                        return Some(Np {
                            range: d.range.start..toks[e2].end,
                            kind: NpKind::Desc,
                        });
                    }
                }
            }
            return Some(Np {
                range: toks[s].start..toks[e2].end,
                kind: NpKind::Name,
            });
        }
        if !self.speaker_noun(&lower) {
            // "Trump on Monday said" / "the senator told reporters in a statement"
            return None;
        }
        // description: back to its determiner
        let mut s = i;
        let mut found_det = false;
        for k in (i.saturating_sub(6)..i).rev() {
            let Some(x) = self.word(toks, k) else { break };
            if self.cue(toks, k).is_some() || self.pronoun(x) {
                break;
            }
            if words.is(Kind::DET, x) {
                s = k;
                found_det = true;
                break;
            }
            s = k;
        }
        if !found_det {
            // bare plurals and named groups: "officials said", "Pentagon officials said"
            s = i;
            while s > 0
                && self
                    .word(toks, s - 1)
                    .is_some_and(|x| x.starts_with(char::is_uppercase) && !words.is(Kind::LEAD, x))
            {
                s -= 1;
            }
        }
        if depth < 2 && found_det && s >= 2 {
            if let Some(link) = self.word(toks, s - 1) {
                if LINKS.contains(&link) {
                    // "a spokeswoman for the department said"
                    if let Some(outer) = self.np_backward(toks, s - 2, depth + 1) {
                        return Some(match outer.kind {
                            NpKind::Desc => Np {
                                range: outer.range.start..toks[i].end,
                                kind: NpKind::Desc,
                            },
                            _ => outer,
                        });
                    }
                }
            }
        }
        Some(Np {
            range: toks[s].start..toks[i].end,
            kind: NpKind::Desc,
        })
    }

    /// True for pronouns a speaker can be (in any case).
    fn pronoun(&self, word: &str) -> bool {
        self.words
            .is(Kind::PERSON | Kind::THING | Kind::PLURAL, word)
    }

    /// True for head nouns of unnamed speakers.
    fn speaker_noun(&self, lower: &str) -> bool {
        self.words.is(Kind::NOUN, lower)
            || ["ist", "ists", "ian", "ians"]
                .iter()
                .any(|s| lower.len() > 5 && lower.ends_with(s))
    }

    /// A speaker mention starting at token `i`, and the index past it.
    fn np_forward(&self, toks: &[Tok], i: usize) -> Option<(Np, usize)> {
        let words = self.words;
        let w = self.word(toks, i)?;
        let mut buf = [0u8; 64];
        let lower = lowercase_in(w, &mut buf);
        if self.pronoun(&lower) {
            return Some((
                Np {
                    range: toks[i].range(),
                    kind: NpKind::Pronoun,
                },
                i + 1,
            ));
        }
        // a name, possibly after a description: "the economist Jared Bernstein"
        let mut k = i;
        while k < i + 7 {
            let Some(x) = self.word(toks, k) else { break };
            if x.starts_with(char::is_uppercase)
                && !(k == i && words.is(Kind::LEAD, x) && !self.cap_next(toks, k))
            {
                break;
            }
            if self.cue(toks, k).is_some() {
                break;
            }
            k += 1;
        }
        if self
            .word(toks, k)
            .is_some_and(|x| x.starts_with(char::is_uppercase))
        {
            let mut s = k;
            while s < toks.len() && self.word(toks, s).is_some_and(|x| words.is(Kind::LEAD, x)) {
                s += 1;
            }
            let mut e = s;
            while let Some(x) = self.word(toks, e) {
                let joins = CONNECTORS.contains(&x) && self.cap_next(toks, e);
                let verb = self.cue(toks, e).is_some();
                if (x.starts_with(char::is_uppercase) && !words.is(Kind::TIME, x) || joins) && !verb
                {
                    e += 1;
                } else {
                    break;
                }
            }
            if e > s {
                let all_desc_before = (i..k).all(|j| {
                    self.word(toks, j).is_some_and(|x| {
                        words.is(Kind::DET, x)
                            || x.starts_with(char::is_lowercase) && !self.adverb(x)
                    })
                });
                if e > i
                    && k > i
                    && (i..k).all(|j| {
                        self.word(toks, j).is_some_and(|x| {
                            words.is(Kind::DET, x) || x.starts_with(char::is_lowercase)
                        })
                    })
                {
                    // "the New Jersey governor", "the Senate minority leader"
                    let noun = (e..toks.len().min(e + 3))
                        .take_while(|&h| {
                            self.word(toks, h).is_some_and(|x| {
                                x.starts_with(char::is_lowercase) && self.cue(toks, h).is_none()
                            })
                        })
                        .filter(|&h| self.word(toks, h).is_some_and(|x| self.speaker_noun(x)))
                        .last();
                    if let Some(h) = noun {
                        return Some((
                            Np {
                                range: toks[i].start..toks[h].end,
                                kind: NpKind::Desc,
                            },
                            h + 1,
                        ));
                    }
                }
                if k > i + 1
                    && self.word(toks, k - 1) == Some("of")
                    && (i..k - 1).any(|j| {
                        self.word(toks, j)
                            .is_some_and(|x| self.speaker_noun(&lowercase_in(x, &mut [0; 64])))
                    })
                {
                    // "the former secretary of State"
                    return Some((
                        Np {
                            range: toks[i].start..toks[e - 1].end,
                            kind: NpKind::Desc,
                        },
                        e,
                    ));
                }
                if k == i || all_desc_before {
                    return Some((
                        Np {
                            range: toks[s].start..toks[e - 1].end,
                            kind: NpKind::Name,
                        },
                        e,
                    ));
                }
            }
        }
        // a description: "a senior administration official", "the senator"
        if !words.is(Kind::DET, w) && !self.speaker_noun(&lower) {
            return None;
        }
        let mut head = None;
        for j in i..(i + 7).min(toks.len()) {
            let Some(x) = self.word(toks, j) else { break };
            if j > i && self.cue(toks, j).is_some() {
                break;
            }
            if self.speaker_noun(&lowercase_in(x, &mut [0; 64])) {
                head = Some(j);
            }
        }
        let h = match head {
            Some(h) => h,
            None if words.is(Kind::DET, w) && w.starts_with(char::is_lowercase) => {
                // "says the ad's narrator.": a short phrase closed by punctuation
                let e = (i + 1..(i + 5).min(toks.len()))
                    .take_while(|&j| self.word(toks, j).is_some() && self.cue(toks, j).is_none())
                    .last()?;
                let closed = toks
                    .get(e + 1)
                    .is_none_or(|x| matches!(x.kind, Tk::Punct('.' | ',' | ';' | ':')));
                if !closed {
                    return None;
                }
                e
            }
            None => return None,
        };
        Some((
            Np {
                range: toks[i].start..toks[h].end,
                kind: NpKind::Desc,
            },
            h + 1,
        ))
    }

    /// True when the word after token `k` is capitalised.
    fn cap_next(&self, toks: &[Tok], k: usize) -> bool {
        self.word(toks, k + 1)
            .is_some_and(|x| x.starts_with(char::is_uppercase))
    }
}

impl<'a> Attribution<'a> {
    fn with(mut self, np: Np, cue: Option<&'a str>, rule: &'static str) -> Attribution<'a> {
        self.np = Some(np);
        self.cue = cue.filter(|c| !c.is_empty());
        self.rule = rule;
        self
    }
}
