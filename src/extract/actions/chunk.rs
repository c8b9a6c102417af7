//! Shallow chunking around a verb: the verb group (auxiliaries, negation, voice), the subject
//! noun phrase to its left and the object / prepositional phrases to its right.

use super::tokens::Sentence;
use super::words::{class, form, Role, VerbEntry};
use std::ops::Range;

/// How the verb group relates its subject to the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Voice {
    /// "Treasury imposed", "it was adding", "did not sanction".
    Active,
    /// "was blocked (by X)", "a measure backed by X".
    Passive,
    /// ", accusing them of ...": the actor is the main clause's.
    Chain,
}

/// A verb group: tokens `start..verb_end` (auxiliaries, adverbs, verb, particle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Group {
    pub start: usize,
    /// First token after the verb (and its particle).
    pub after: usize,
    pub voice: Voice,
    pub negated: bool,
    /// No auxiliary before the verb.
    pub bare: bool,
    /// The verb form can be a past participle ("accused").
    pub participle: bool,
    /// Read as an "-s" form ("blacklists"), which may be a plural noun.
    pub s3: bool,
}

/// What stands to the left of a verb group as its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    /// A noun phrase (token range).
    Np(Range<usize>),
    /// A pronoun (token index).
    Pronoun(usize),
    /// "which/that/who": the antecedent noun phrase.
    Relative(Range<usize>),
    /// "and/but <verb>": shares the subject of the previous verb.
    Coordinated,
    /// Nothing usable.
    None,
}

/// What follows the verb.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Complement {
    /// The direct object noun phrase.
    pub dobj: Option<Range<usize>>,
    /// Prepositional phrases whose preposition the verb's frame names, with their role.
    pub preps: Vec<(Role, Range<usize>)>,
    /// "to campaign across the country", "to be coordinated".
    pub infinitive: Option<Range<usize>>,
    /// The complement is a clause ("that it would ...", "it was adding ..."): reported speech.
    pub clause: bool,
    /// The agent of a passive ("by Sen. Ron Wyden").
    pub by: Option<Range<usize>>,
    /// End (token index, exclusive) of everything read.
    pub end: usize,
    /// The first token after the verb that is no adverb.
    pub after_adverbs: usize,
}

/// Read the verb group around verb token `i` with form flags `forms`; `after` is the first
/// token after the verb and its particle. `None` when the form is not a finite act here
/// (infinitive, noun use, adjective use).
pub(super) fn verb_group(s: &Sentence, i: usize, forms: u8, after: usize) -> Option<Group> {
    let mut j = i;
    let mut aux = 0u32;
    let mut negated = false;
    let mut to = false;
    while j > 0 {
        let k = j - 1;
        let t = s.toks[k];
        if !t.word {
            break;
        }
        let c = t.class;
        let lower_case = !t.cap || k == 0;
        if c & class::AUX != 0 && lower_case {
            aux |= c & class::AUX;
            negated |= c & class::NEG != 0;
            j = k;
        } else if c & class::ADVERB != 0 || is_ly_adverb(s.low(k)) {
            j = k;
        } else if let Some(c) = catenative_before(s, k) {
            // "had to cancel", "refused to sign", "voted 52-48 to confirm": the infinitive is
            // the act
            negated |= s.is(c, class::CATENATIVE_NEG);
            aux |= class::MODAL;
            j = c;
        } else {
            to = s.low(k) == "to";
            break;
        }
    }
    if to {
        return None;
    }
    let group = |voice| {
        Some(Group {
            start: j,
            after,
            voice,
            negated,
            bare: aux == 0,
            participle: forms & form::PART != 0,
            s3: false,
        })
    };
    let before = j.checked_sub(1);
    let by_follows = s.low(after) == "by";
    if forms & form::ING != 0 {
        if aux & class::BE != 0 {
            return group(Voice::Active);
        }
        // ", accusing ...", ",\" promising ..." (a closing quote after the comma)
        let comma =
            |b: usize| s.punct(b, ",") || (s.punct(b, "\"") && b > 0 && s.punct(b - 1, ","));
        if aux == 0 && before.is_some_and(comma) {
            return group(Voice::Chain);
        }
    }
    if forms & (form::PAST | form::PART) != 0 {
        if aux & class::BE != 0 {
            return group(Voice::Passive);
        }
        if aux & class::HAVE != 0 {
            return group(Voice::Active);
        }
        if aux == 0 {
            let adjective = before.is_some_and(|b| s.is(b, class::DET | class::POSS | class::PREP));
            if by_follows && !adjective {
                return group(Voice::Passive);
            }
            if forms & form::PAST != 0 && !adjective && s.low(j.wrapping_sub(1)) != "'s" {
                return group(Voice::Active);
            }
        }
    }
    let phrasal = after > i + 1;
    if forms & form::S3 != 0
        && aux == 0
        && s3_subject_before(s, j)
        && (phrasal || !s.is(after, class::PREP) || s.low(after) == "to")
    {
        return group(Voice::Active).map(|g| Group { s3: true, ..g });
    }
    if forms & form::BASE != 0 && aux & (class::MODAL | class::DO) != 0 {
        return group(Voice::Active);
    }
    // present tense after a plural subject: "Authorities blame ...", "Brazilian police charge the
    // American swimmer"; an object must follow ("the police attack on ..." is a noun)
    if forms & form::BASE != 0
        && aux == 0
        && plural_subject_before(s, j)
        && np_start(s, after)
        && !s.is(after, class::PREP)
    {
        return group(Voice::Active);
    }
    None
}

/// The catenative verb ("had", "refused", "voted") governing the "to" at token `k`, with a
/// vote count ("52-48") allowed between.
fn catenative_before(s: &Sentence, k: usize) -> Option<usize> {
    if s.low(k) != "to" || k == 0 {
        return None;
    }
    let c = if s.toks[k - 1].digit && k >= 2 {
        k - 2
    } else {
        k - 1
    };
    s.is(c, class::CATENATIVE | class::CATENATIVE_NEG)
        .then_some(c)
}

/// An "-s" form is a verb only after something that can be its subject ("Treasury sanctions",
/// "it blacklists"), not after a determiner or adjective ("new sanctions").
fn s3_subject_before(s: &Sentence, j: usize) -> bool {
    let Some(k) = j.checked_sub(1) else {
        return false;
    };
    let t = s.toks[k];
    if !t.word || s.low(k) == "'s" {
        return false;
    }
    if t.class & (class::DET | class::POSS | class::PREP | class::CONJ) != 0 {
        return false;
    }
    t.cap
        || t.class & (class::PRON_PERSON | class::PRON_THING | class::REL | class::ACTOR_NOUN) != 0
}

/// A plural subject just before a base-form verb: a group noun ("police", "officials") or
/// "they"/"we", not itself after a determiner-less preposition.
fn plural_subject_before(s: &Sentence, j: usize) -> bool {
    let Some(k) = j.checked_sub(1) else {
        return false;
    };
    let low = s.low(k);
    (s.is(k, class::GROUP_NOUN) || matches!(low, "they" | "we"))
        && !(k > 0 && s.is(k - 1, class::PREP))
}

/// "formally", "unanimously", "reportedly": adverbs by their ending.
fn is_ly_adverb(low: &str) -> bool {
    low.len() > 5
        && ["ally", "ously", "edly", "ately", "ently", "ively", "antly"]
            .iter()
            .any(|e| low.ends_with(e))
}

/// A lowercase word that reads as a finite or participle verb ("deleted", "imposed").
fn verbish(low: &str) -> bool {
    low.len() > 4 && low.ends_with("ed") && !low.contains('-')
}

/// A short capitalized word or initial before a period: "Sen.", "J.", "Gov.".
fn abbrev_before_period(s: &Sentence, j: usize) -> bool {
    s.toks.get(j).is_some_and(|t| t.word && t.cap) && s.word(j).chars().count() <= 4
}

/// Whether token `k` is a word that is a name mid-sentence (capitalized, not the first token),
/// or an all-caps acronym ("US").
pub(super) fn name_word(s: &Sentence, k: usize) -> bool {
    let Some(t) = s.toks.get(k) else {
        return false;
    };
    if !t.word || !t.cap {
        return false;
    }
    let w = s.word(k);
    (k > 0 && w != "I") || (w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
}

/// A word written in capitals throughout ("WHY", "CREATE"), as in a shouted headline.
fn shouted(s: &Sentence, k: usize) -> bool {
    let w = s.word(k);
    w.len() >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// The noun phrase that ends just before token `p` (empty range when there is none).
pub(super) fn np_left(s: &Sentence, p: usize) -> Range<usize> {
    let mut start = p;
    let mut words = 0;
    let mut k = p;
    while k > 0 {
        let j = k - 1;
        let t = s.toks[j];
        let low = s.low(j);
        if !t.word {
            // a period at the very end is an abbreviation's ("Baoshan Iron and Steel Co. said")
            let inner = (words > 0 && start == j + 1) || (words == 0 && j + 1 == p);
            if inner
                && ((low == "." && j > 0 && abbrev_before_period(s, j - 1))
                    || (low == "&" && j > 0 && s.toks[j - 1].word))
            {
                k = j;
                continue;
            }
            break;
        }
        if low == "'s" {
            start = j;
            k = j;
            continue;
        }
        let c = t.class;
        if name_word(s, j) && !(c & class::NP_STOP != 0 && shouted(s, j)) {
            start = j;
            words += 1;
        } else if c & (class::DET | class::POSS) != 0 {
            if words > 0 {
                start = j;
            }
            // "a onetime friend of the ringleader": the phrase goes on before "of"
            if words > 0 && j > 0 && s.low(j - 1) == "of" {
                k = j;
                continue;
            }
            break;
        } else if low == "of" || (low == "and" && j > 0 && s.toks[j - 1].cap && words > 0) {
            if words == 0 || start != j + 1 {
                break;
            }
            k = j;
            continue;
        } else if c & (class::NP_STOP | class::ADVERB) != 0 || verbish(low) {
            break;
        } else {
            start = j;
            words += 1;
        }
        if words >= 10 {
            break;
        }
        k = j;
    }
    start..p
}

/// Whether token `k` can start a noun phrase.
fn np_start(s: &Sentence, k: usize) -> bool {
    let Some(t) = s.toks.get(k) else {
        return false;
    };
    if !t.word {
        return s.low(k) == "$";
    }
    t.cap
        || t.digit
        || t.class & (class::DET | class::POSS) != 0
        || (t.class & (class::NP_STOP | class::ADVERB) == 0 && !verbish(s.low(k)))
}

/// The noun phrase that starts at token `q` (empty range when there is none). Stops before
/// "of" when `stop_of` (the verb gives "of" a role: "accuse X of Y").
pub(super) fn np_right(s: &Sentence, q: usize, stop_of: bool) -> Range<usize> {
    let n = s.toks.len();
    let mut first: Option<usize> = None;
    let mut end = q;
    let mut words = 0;
    let mut k = q;
    while k < n {
        let t = s.toks[k];
        let low = s.low(k);
        if !t.word {
            let abbrev =
                low == "." && k > 0 && abbrev_before_period(s, k - 1) && name_word(s, k + 1);
            // a free-standing dash is a dash ("NEW YORK - Republican ..."), not a joiner
            let joiner = words > 0 && matches!(low, "&" | "%");
            if abbrev || joiner || (low == "$" && np_start(s, k + 1)) {
                first.get_or_insert(k);
                end = k + 1;
                k += 1;
                continue;
            }
            if (low == "\"" || low == "'") && words == 0 {
                k += 1;
                continue;
            }
            break;
        }
        let c = t.class;
        if low == "'s" && words > 0 {
            end = k + 1;
            k += 1;
            continue;
        }
        if name_word(s, k) || t.digit {
            // a name or a number
        } else if c & (class::DET | class::POSS) != 0 {
            let pronoun_her = c & class::PRON != 0 && !np_start(s, k + 1);
            if words > 0 && !pronoun_her && !s.is(k - 1, class::DET | class::POSS) {
                break;
            }
            if pronoun_her {
                first.get_or_insert(k);
                end = k + 1;
                break;
            }
        } else if low == "of" {
            if stop_of || words == 0 {
                break;
            }
            k += 1;
            continue;
        } else if (low == "and" || low == "or") && words > 0 {
            if !np_start(s, k + 1) || s.is(k + 1, class::PRON) {
                break;
            }
            k += 1;
            continue;
        } else if c & class::PRON != 0 {
            if words == 0 && (c & class::PRON_OTHER == 0 || low == "us") {
                first.get_or_insert(k);
                end = k + 1;
            }
            break;
        } else if (is_ly_adverb(low) || (c & class::ADVERB != 0 && low.ends_with("ly")))
            && words > 0
            && (s.is(k - 1, class::DET | class::POSS) || s.low(k - 1) == "'s")
        {
            // "London's newly elected mayor"
        } else if c & (class::NP_STOP | class::ADVERB) != 0
            || (words > 0
                && verbish(low)
                && !s.is(k - 1, class::DET | class::POSS)
                && !s.low(k - 1).ends_with("ly"))
            || (words > 0
                && low.ends_with("ing")
                && !s.is(k - 1, class::DET | class::POSS)
                && (s.is(k + 1, class::DET | class::POSS) || name_word(s, k + 1)))
        {
            // "a statement highlighting the ...": a participle that takes its own object
            break;
        }
        first.get_or_insert(k);
        words += 1;
        end = k + 1;
        k += 1;
        if words >= 12 {
            break;
        }
    }
    match first {
        Some(f) if f < end => f..end,
        _ => q..q,
    }
}

/// Whether tokens `r` are only a time expression ("Thursday", "this week", "April 18, 2013").
pub(super) fn is_time_np(s: &Sentence, r: &Range<usize>) -> bool {
    r.clone().any(|k| s.is(k, class::TIME))
        && r.clone()
            .all(|k| s.is(k, class::TIME | class::TIME_MOD) || s.toks[k].digit || !s.toks[k].word)
}

/// The subject of a verb group that starts at token `p`.
pub(super) fn subject_left(s: &Sentence, mut p: usize) -> Subject {
    // skip what may stand between subject and verb: time phrases, parentheticals, quotes
    loop {
        let Some(k) = p.checked_sub(1) else {
            return Subject::None;
        };
        if s.punct(k, ")") {
            match (0..k).rev().find(|&m| s.punct(m, "(")) {
                Some(m) => {
                    p = m;
                    continue;
                }
                None => return Subject::None,
            }
        }
        let surname = s.toks[k].cap
            && k > 0
            && s.toks[k - 1].word
            && s.toks[k - 1].cap
            && s.toks[k - 1].class == 0;
        let time_here = (s.is(k, class::TIME) && !surname)
            || (s.toks[k].digit && (k.saturating_sub(3)..k).any(|m| s.is(m, class::TIME)));
        if time_here {
            let mut m = k;
            while m > 0
                && (s.is(m - 1, class::TIME | class::TIME_MOD)
                    || s.toks[m - 1].digit
                    || (s.punct(m - 1, ",") && m >= 2 && s.toks[m - 2].digit))
            {
                m -= 1;
            }
            p = m;
            continue;
        }
        if s.punct(k, "\"") || s.punct(k, "'") {
            p = k;
            continue;
        }
        break;
    }
    let Some(k) = p.checked_sub(1) else {
        return Subject::None;
    };
    if s.punct(k, ",") {
        // an appositive or relative clause between subject and verb
        let mut opener = None;
        for m in (k.saturating_sub(25)..k).rev() {
            if s.punct(m, ".") && !abbrev_before_period(s, m.wrapping_sub(1)) || s.punct(m, ";") {
                break;
            }
            if s.is(m, class::REL) && s.low(m) != "that" && m > 0 && s.punct(m - 1, ",") {
                opener = Some(m - 1);
                break;
            }
            if opener.is_none() && s.punct(m, ",") {
                opener = Some(m);
            }
        }
        // "The Secretary of State for Culture, Media and Sport, Tessa Jowell, has hit out":
        // a name between the commas is the subject
        // skip a parenthetical before the comma: "Sen. Bernie Sanders (I-Vt.), has ..."
        let mut close = k;
        if close > 0 && s.punct(close - 1, ")") {
            if let Some(m) = (0..close - 1).rev().find(|&m| s.punct(m, "(")) {
                close = m;
            }
        }
        let inner = np_left(s, close);
        let bracketed = !inner.is_empty() && inner.start > 0 && s.punct(inner.start - 1, ",");
        let name_like = inner
            .clone()
            .all(|m| s.toks[m].cap || !s.toks[m].word || s.is(m, class::TITLE));
        let ends_in_name = inner.end > 0 && name_word(s, inner.end - 1);
        if bracketed && name_like && ends_in_name && inner.len() <= 6 {
            return Subject::Np(inner);
        }
        return match opener {
            Some(o) => {
                let np = np_left(s, o);
                if np.is_empty() {
                    Subject::None
                } else {
                    Subject::Np(np)
                }
            }
            None => Subject::None,
        };
    }
    let low = s.low(k);
    if s.toks[k].word && !s.toks[k].cap && matches!(low, "and" | "but" | "or" | "then") {
        return Subject::Coordinated;
    }
    if s.is(k, class::REL) && !s.toks[k].cap {
        let mut a = k;
        if a > 0 && s.punct(a - 1, ",") {
            a -= 1;
        }
        let np = np_left(s, a);
        if np.is_empty() {
            return Subject::None;
        }
        // "Salman Abedi, the British-Libyan who carried out ...": the name in apposition
        if !name_word(s, np.start) && np.start > 0 && s.punct(np.start - 1, ",") {
            let named = np_left(s, np.start - 1);
            let first_name = named.clone().find(|&m| {
                name_word(s, m)
                    && named
                        .clone()
                        .skip_while(|&x| x < m)
                        .all(|x| s.toks[x].cap || !s.toks[x].word)
            });
            if let Some(f) = first_name {
                return Subject::Relative(f..named.end);
            }
        }
        return Subject::Relative(np);
    }
    if s.is(k, class::PRON) && !name_word(s, k) {
        return Subject::Pronoun(k);
    }
    let np = np_left(s, p);
    if np.is_empty() {
        Subject::None
    } else {
        Subject::Np(np)
    }
}

/// Read what follows the verb at token `q`: object, prepositional phrases, infinitive, clause.
pub(super) fn complement(s: &Sentence, q: usize, entry: &VerbEntry, passive: bool) -> Complement {
    let n = s.toks.len();
    let mut out = Complement {
        end: q,
        ..Complement::default()
    };
    let stop_of = entry.prep_role("of").is_some();
    let mut k = skip_adverbs(s, q);
    // an object in quotation marks ("rejects 'Las Vegas' jibe")
    if (s.punct(k, "'") || s.punct(k, "\"")) && s.toks.get(k + 1).is_some_and(|t| t.word) {
        k += 1;
    }
    out.after_adverbs = k;
    if k >= n {
        return out;
    }
    let low = s.low(k);
    if matches!(low, "that" | "whether" | "if") || (s.is(k, class::PRON) && nominative(low)) {
        out.clause = true;
        return out;
    }
    if !passive {
        if low == "to" && infinitive_at(s, k + 1) {
            let r = to_phrase(s, k);
            out.end = r.end;
            out.infinitive = Some(r);
            return out;
        }
        if matches!(low, "him" | "them" | "her" | "us") && !np_start(s, k + 1) {
            out.dobj = Some(k..k + 1);
            k += 1;
            out.end = k;
            // "asked her to call ..."
            if s.low(k) == "to" && infinitive_at(s, k + 1) {
                let r = to_phrase(s, k);
                out.end = r.end;
                out.infinitive = Some(r);
                return out;
            }
        } else if (np_start(s, k) || s.toks[k].word && s.toks[k].class == 0)
            && !s.is(k, class::PREP)
        {
            let r = np_right(s, k, stop_of);
            if !r.is_empty() && !is_time_np(s, &r) {
                k = r.end;
                out.end = k;
                out.dobj = Some(r);
                if s.is(k, class::BE | class::HAVE | class::MODAL | class::DO)
                    || matches!(s.low(k), "that" | "whether" | "if")
                {
                    out.clause = true;
                    return out;
                }
                if s.low(k) == "to" && infinitive_at(s, k + 1) {
                    let r = to_phrase(s, k);
                    out.end = r.end;
                    out.infinitive = Some(r);
                    return out;
                }
            }
        }
    }
    for _ in 0..4 {
        k = skip_adverbs(s, k);
        // "turned the new emails over to ...": the particle after the object
        if entry.particle.as_deref() == Some(s.low(k)) {
            k += 1;
            out.end = k;
        }
        if !s.is(k, class::PREP) {
            break;
        }
        let prep = s.low(k);
        let r = np_right(s, k + 1, stop_of);
        if r.is_empty() {
            break;
        }
        k = r.end;
        out.end = k;
        if is_time_np(s, &r) {
            continue;
        }
        if prep == "by" {
            if passive && out.by.is_none() {
                out.by = Some(r);
            }
            continue;
        }
        if let Some(role) = entry.prep_role(prep) {
            if !out.preps.iter().any(|(ro, _)| *ro == role) {
                out.preps.push((role, r));
            }
        }
    }
    out
}

fn skip_adverbs(s: &Sentence, mut k: usize) -> usize {
    while k < s.toks.len()
        && s.toks[k].word
        && !s.toks[k].cap
        && (s.is(k, class::ADVERB) && !s.is(k, class::TIME) || is_ly_adverb(s.low(k)))
    {
        k += 1;
    }
    k
}

fn nominative(low: &str) -> bool {
    matches!(low, "he" | "she" | "it" | "they" | "we" | "i" | "you")
}

/// "to" + a verb: a lowercase word that is no determiner, number or name.
fn infinitive_at(s: &Sentence, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| {
        t.word
            && (!t.cap || shouted(s, k))
            && !t.digit
            && t.class & (class::DET | class::POSS | class::PRON) == 0
    })
}

/// "to campaign across the country": from "to" up to a clause boundary (at most 10 words).
fn to_phrase(s: &Sentence, k: usize) -> Range<usize> {
    let mut end = k + 1;
    let mut m = k + 1;
    while m < s.toks.len() && m < k + 11 {
        if !s.toks[m].word && !["-", "\"", "%", "$"].iter().any(|p| s.punct(m, p)) {
            break;
        }
        if s.is(m, class::SUBORD) && m > k + 1 {
            break;
        }
        end = m + 1;
        m += 1;
    }
    k..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actions::words::{VerbTable, WordClasses};
    use crate::lexicon::Lexicon;

    fn sent(text: &str) -> Sentence<'_> {
        Sentence::new(text, &WordClasses::new(&Lexicon::default()))
    }

    fn find(s: &Sentence, w: &str) -> usize {
        (0..s.toks.len()).find(|&i| s.word(i) == w).expect(w)
    }

    fn group_of(s: &Sentence, w: &str) -> Option<Group> {
        let table = VerbTable::new(&Lexicon::default());
        let i = find(s, w);
        let (_, f) = table.lookup(s.low(i))[0];
        verb_group(s, i, f, i + 1)
    }

    #[test]
    fn active_passive_progressive_and_chain() {
        let s = sent("The bill was blocked by Sen. Ron Wyden this week.");
        assert_eq!(
            group_of(&s, "blocked").map(|g| g.voice),
            Some(Voice::Passive)
        );
        let s = sent("The Commerce Department said it was adding 34 entities.");
        assert_eq!(group_of(&s, "adding").map(|g| g.voice), Some(Voice::Active));
        let s = sent("Treasury imposed sanctions, accusing them of abuses.");
        assert_eq!(
            group_of(&s, "accusing").map(|g| g.voice),
            Some(Voice::Chain)
        );
        let s = sent("Officials did not sanction the bank.");
        let g = group_of(&s, "sanction").expect("group");
        assert!(g.negated && g.voice == Voice::Active);
    }

    #[test]
    fn nouns_and_infinitives_are_not_verb_groups() {
        let s = sent("The new sanctions hit hard.");
        assert_eq!(group_of(&s, "sanctions"), None);
        let s = sent("A series of efforts to impose costs on China.");
        assert_eq!(group_of(&s, "impose"), None);
        let s = sent("It cited the banned substances.");
        assert_eq!(group_of(&s, "banned"), None);
    }

    #[test]
    fn subject_skips_time_and_parentheticals() {
        let s = sent("The Biden administration on Thursday imposed export restrictions.");
        let g = group_of(&s, "imposed").expect("group");
        assert_eq!(subject_left(&s, g.start), Subject::Np(0..3));
        let s = sent("Sen. Ron Wyden (D-Ore.) blocked the bill.");
        let g = group_of(&s, "blocked").expect("group");
        let Subject::Np(r) = subject_left(&s, g.start) else {
            panic!("no np")
        };
        assert_eq!(s.text_of(r), "Sen. Ron Wyden");
    }

    #[test]
    fn subject_relative_coordinated_pronoun() {
        let s = sent("It backed a measure that just passed Congress.");
        let g = group_of(&s, "passed").expect("group");
        let Subject::Relative(r) = subject_left(&s, g.start) else {
            panic!("no relative")
        };
        assert_eq!(s.text_of(r), "a measure");
        let s = sent("The bill was blocked but passed by unanimous consent.");
        let g = group_of(&s, "passed").expect("group");
        assert_eq!(subject_left(&s, g.start), Subject::Coordinated);
        let s = sent("It said it was adding 34 entities.");
        let g = group_of(&s, "adding").expect("group");
        assert_eq!(subject_left(&s, g.start), Subject::Pronoun(2));
    }

    #[test]
    fn complement_reads_object_and_frame_prepositions() {
        let table = VerbTable::new(&Lexicon::default());
        let s =
            sent("Commerce imposed restrictions on three entities in Georgia, one in Malaysia.");
        let i = find(&s, "imposed");
        let (e, _) = table.lookup("imposed")[0];
        let c = complement(&s, i + 1, &table.entries[e], false);
        assert_eq!(s.text_of(c.dobj.clone().expect("dobj")), "restrictions");
        assert_eq!(c.preps.len(), 1);
        assert_eq!(s.text_of(c.preps[0].1.clone()), "three entities");
        let s = sent("The agency announced that it would act.");
        let i = find(&s, "announced");
        let (e, _) = table.lookup("announced")[0];
        assert!(complement(&s, i + 1, &table.entries[e], false).clause);
    }
}
