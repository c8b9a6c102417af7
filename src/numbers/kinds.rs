//! The kind of each number from the words around it: money, percentages, measures, ages,
//! times, dates, years, identifiers and names; and rates written as "1 out of 3".

use super::grammar::Parser;
use super::tables::{Class, Role, Tables};
use super::tokens::{Gap, TokKind};
use super::NumberMatch;
use crate::normalize::ascii_lowercase_in;
use crate::record::NumberKind;

/// Join "X out of Y", "X in Y" and "X over Y" into one fraction when X < Y
/// ("one out of three", "1 in twenty-one"); "12 out of 10" stays two numbers.
pub(crate) fn combine_rates(p: &Parser, numbers: &mut Vec<NumberMatch>) {
    let mut i = 0;
    while i + 1 < numbers.len() {
        let (a, b) = (&numbers[i], &numbers[i + 1]);
        let gap_words = b.toks.start.saturating_sub(a.toks.end);
        let link = match gap_words {
            2 if p.word_is(a.toks.end, "out") && p.word_is(a.toks.end + 1, "of") => true,
            1 if p.word_is(a.toks.end, "in") => b.value <= 1000.0 || b.spelled,
            1 if p.word_is(a.toks.end, "over") => p
                .toks
                .get(b.toks.end)
                .is_none_or(|t| t.kind != TokKind::Word || t.gap == Gap::Newline),
            _ => false,
        };
        let plain = |m: &NumberMatch| m.kind == NumberKind::Cardinal && !m.approximate;
        if link
            && plain(a)
            && plain(b)
            && a.value.abs() < b.value
            && b.value != 0.0
            && a.value.fract() == 0.0
        {
            let value = a.value / b.value;
            let end = b.range.end;
            let tend = b.toks.end;
            let spelled = b.spelled;
            let m = &mut numbers[i];
            m.value = value;
            m.range.end = end;
            m.toks.end = tend;
            m.kind = NumberKind::Fraction;
            m.spelled |= spelled;
            numbers.remove(i + 1);
        }
        i += 1;
    }
}

/// Give both ends of a range the kind of the end that shows it: "46 to 40 percent",
/// "$5 to 10 million", "between 3 and 5 miles".
pub(crate) fn spread_ranges(p: &Parser, numbers: &mut [NumberMatch]) {
    for i in 1..numbers.len() {
        let (a, b) = (&numbers[i - 1], &numbers[i]);
        let linked = b.toks.start == a.toks.end + 1
            && (["to", "and", "or"].iter().any(|w| p.word_is(a.toks.end, w))
                || p.toks.get(a.toks.end).is_some_and(|t| t.is(p.text, '-')));
        if !linked {
            continue;
        }
        let spreads = |k: NumberKind| {
            matches!(
                k,
                NumberKind::Percent | NumberKind::Money | NumberKind::Measure | NumberKind::Age
            )
        };
        if a.kind == NumberKind::Cardinal && spreads(b.kind) {
            numbers[i - 1].kind = numbers[i].kind;
        } else if b.kind == NumberKind::Cardinal && spreads(a.kind) && !looks_plural(p, b.toks.end)
        {
            // "$5 to 10 million", "ages of 18 and 29"; not "$5 and 10 people"
            numbers[i].kind = numbers[i - 1].kind;
        }
    }
}

/// Decide the kind of a cardinal from its context; `start` is where the scanned range
/// (a sentence) begins.
pub(crate) fn classify(p: &Parser, start: usize, m: &mut NumberMatch) {
    if m.kind != NumberKind::Cardinal {
        return;
    }
    let text = p.text;
    let before = &text[start..m.range.start];
    let after = &text[m.range.end..];
    let t = &p.toks;
    let first = m.toks.start;
    let last = m.toks.end;
    let digits = !m.spelled && t.get(first).is_some_and(|t| t.kind == TokKind::Digits);
    let plain_int = digits && m.toks.len() == 1 && m.value.fract() == 0.0;
    let tables = p.tables;
    if tables.is_name(&text[m.range.clone()]) {
        m.kind = NumberKind::Name;
        return;
    }
    if m.spelled
        && p.word(first)
            .is_some_and(|w| matches!(w.class, Class::Hundred | Class::Scale))
        && tables.cue_before(before, Role::VagueBefore)
    {
        // "a few thousand", "several hundred": not an exact figure
        m.approximate = true;
    }
    if tables.cue_before(before, Role::CurrencyBefore) {
        m.kind = NumberKind::Money;
        return;
    }
    // ages: "35-year-old", "23 years old", "aged 23", "Matanov, 23,"
    let head_end = after.char_indices().nth(16).map_or(after.len(), |(i, _)| i);
    let mut buf = [0u8; 64];
    let lower_after = ascii_lowercase_in(&after[..head_end], &mut buf);
    if lower_after.starts_with("-year-old")
        || lower_after.starts_with("-years-old")
        || lower_after.starts_with(" years old")
        || lower_after.starts_with(" year old")
        || lower_after.starts_with("-month-old")
        || (m.value <= 120.0 && tables.cue_before(before, Role::AgeBefore))
    {
        m.kind = NumberKind::Age;
        return;
    }
    if plain_int && m.value <= 120.0 && name_comma_before(p, first) && punct_after(p, last) {
        m.kind = NumberKind::Age;
        return;
    }
    if let Some((kind, _)) = tables.unit_after(after) {
        m.kind = kind;
        return;
    }
    if tables.cue_after(after, Role::TimeAfter) && m.value <= 24.0 {
        m.kind = NumberKind::Time;
        return;
    }
    if plain_int
        && (1.0..=31.0).contains(&m.value)
        && (tables.cue_before(before, Role::Month) || month_after(p, after))
    {
        m.kind = NumberKind::Date;
        return;
    }
    if plain_int {
        let len = t[first].end - t[first].start;
        if len == 4 && (1000.0..=2100.0).contains(&m.value) {
            // "1500 troops" counts; "2014 numbers" is a year unless a listed plural follows
            let listed_plural = p.toks.get(last).is_some_and(|t| {
                t.kind == TokKind::Word
                    && tables.count_role(t.text(text)) & super::tables::word_role::PLURAL != 0
            });
            let likely_year = (1900.0..2040.0).contains(&m.value) && !listed_plural;
            let counted = !likely_year
                && next_word_plural(p, last)
                && !tables.cue_before(before, Role::YearBefore);
            if !counted {
                m.kind = NumberKind::Year;
                return;
            }
        }
        if len == 2 && first > 0 && p.toks[first - 1].is(text, '\'') && p.toks[first].glued() {
            m.kind = NumberKind::Year;
            return;
        }
    }
    if digits
        && (tables.cue_before(before, Role::IdentifierBefore)
            || (first > 0 && t[first - 1].is(text, '#') && t[first].glued()))
    {
        m.kind = NumberKind::Identifier;
        return;
    }
    if plain_int && line_item(p, start, first, last) {
        m.kind = NumberKind::Identifier;
        return;
    }
    if digits && street_after(p, last) {
        m.kind = NumberKind::Identifier;
        return;
    }
    if name_context(p, start, first, last, m.spelled) {
        m.kind = NumberKind::Name;
    }
}

/// True when a capitalized word and a comma stand right before token `first` ("Smith, 45").
fn name_comma_before(p: &Parser, first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let comma = &p.toks[first - 1];
    // "Donald Trump Jr., 38": the name may end in an abbreviation's period
    let word_at = if p.toks[first - 2].is(p.text, '.') && first >= 3 {
        first - 3
    } else {
        first - 2
    };
    let word = &p.toks[word_at];
    comma.is(p.text, ',')
        && comma.glued()
        && word.kind == TokKind::Word
        && word.text(p.text).starts_with(|c: char| c.is_uppercase())
        && !p.tables.cue_before(&p.text[..word.end], Role::Month)
        && p.tables.count_role(word.text(p.text)) & super::tables::word_role::STOP == 0
}

/// True when punctuation (or the end) follows token `last - 1`.
fn punct_after(p: &Parser, last: usize) -> bool {
    p.toks
        .get(last)
        .is_none_or(|t| t.kind == TokKind::Punct && matches!(t.text(p.text), "," | "." | ")" | ";"))
}

/// True when a month name follows ("4 May").
fn month_after(p: &Parser, after: &str) -> bool {
    let head = after.trim_start();
    let word: String = head.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty()
        && word.starts_with(|c: char| c.is_uppercase())
        && head.len() != after.len()
        && p.tables.cue_before(&word, Role::Month)
}

/// True when the word at token `k` looks like a plural noun.
pub(crate) fn looks_plural(p: &Parser, k: usize) -> bool {
    let Some(t) = p.toks.get(k).filter(|t| t.kind == TokKind::Word) else {
        return false;
    };
    plural_word(p.tables, t.text(p.text))
}

/// True when `w` looks like a plural noun: ends in -s (not -ss, -us, -is, -'s) or is listed.
pub(crate) fn plural_word(tables: &Tables, w: &str) -> bool {
    use super::tables::word_role::{PLURAL, STOP, VAGUE};
    let role = tables.count_role(w);
    if role & PLURAL != 0 {
        return true;
    }
    if role & (STOP | VAGUE) != 0 || w.len() < 3 {
        return false;
    }
    let mut buf = [0u8; 64];
    let lower = ascii_lowercase_in(w, &mut buf);
    if (lower.ends_with("men") && lower.len() > 4)
        || lower.ends_with("children")
        || lower.ends_with("people")
    {
        return true;
    }
    lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
}

/// True when the first word after the number is plural-looking.
fn next_word_plural(p: &Parser, last: usize) -> bool {
    p.toks
        .get(last)
        .is_some_and(|t| t.gap != Gap::None && t.gap != Gap::Newline)
        && looks_plural(p, last)
        && !p.toks[last]
            .text(p.text)
            .starts_with(|c: char| c.is_uppercase())
}

/// True for a list-item number at the start of a line: "1. ELEVEN POLICE", "2) ...".
fn line_item(p: &Parser, start: usize, first: usize, last: usize) -> bool {
    let at_line_start =
        first == 0 || p.toks[first].gap == Gap::Newline || p.toks[first].start == start;
    at_line_start
        && p.toks
            .get(last)
            .is_some_and(|t| t.glued() && (t.is(p.text, '.') || t.is(p.text, ')')))
        && p.toks.get(last + 1).is_some_and(|t| t.gap != Gap::None)
}

/// True for a street address: "10 Downing Street".
fn street_after(p: &Parser, last: usize) -> bool {
    let mut k = last;
    let mut caps = 0;
    while let Some(t) = p
        .toks
        .get(k)
        .filter(|t| t.kind == TokKind::Word && t.gap != Gap::Newline)
    {
        let w = t.text(p.text);
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if caps > 0 && p.tables.cue_after(w, Role::StreetAfter) {
            return true;
        }
        caps += 1;
        if caps > 3 {
            return false;
        }
        k += 1;
    }
    false
}

/// True when a number reads as part of a name: "Radio 4", "Windows 10", "Gang of Eight",
/// "Air Force One"; not in title-case lines ("Commerce Adds 34 Chinese Entities").
fn name_context(p: &Parser, start: usize, first: usize, last: usize, spelled: bool) -> bool {
    let t = &p.toks;
    if first == 0 || t[first].start == start {
        return false;
    }
    let text = p.text;
    let cap = |k: usize| {
        t.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
        })
    };
    let sentence_start = |k: usize| {
        k == 0
            || t[k].start == start
            || t[k].gap == Gap::Newline
            || t[k - 1].kind == TokKind::Punct
                && matches!(
                    t[k - 1].text(text),
                    "." | "!" | "?" | "\"" | "'" | "(" | "[" | ":" | ";" | "—"
                )
    };
    // "COVID-19", "SCP-173", "F-16"
    if t[first].glued()
        && first >= 2
        && t[first - 1].is(text, '-')
        && t[first - 1].glued()
        && cap(first - 2)
    {
        return true;
    }
    // title-case context: the next words are capitalized too
    let mut k = last;
    let mut next_caps = 0;
    let mut next_words = 0;
    while let Some(tok) = t
        .get(k)
        .filter(|t| t.kind == TokKind::Word && t.gap != Gap::Newline)
    {
        next_words += 1;
        if cap(k) {
            next_caps += 1;
        }
        if next_words == 2 {
            break;
        }
        let _ = tok;
        k += 1;
    }
    if next_words > 0 && next_caps == next_words {
        return false;
    }
    let range_or_unit = ["to", "or", "and", "of", "percent"]
        .iter()
        .any(|w| p.word_is(last, w))
        || t.get(last)
            .is_some_and(|n| n.is(text, '-') || n.is(text, '%'));
    if range_or_unit {
        return false;
    }
    if next_words > 0 && looks_plural(p, last) && !spelled {
        // "Boeing 737 jets" is rare; "Trump won 3 states" is not
        return false;
    }
    let prev = first - 1;
    let word_prev = |k: usize| {
        cap(k)
            && !t[k].text(text).ends_with("'s")
            && !sentence_start(k)
            && !p.tables.cue_before(&text[..t[k].end], Role::Month)
            && p.tables.count_role(t[k].text(text)) & super::tables::word_role::STOP == 0
    };
    if spelled {
        let own = t[first].text(text);
        let capitalized = own.starts_with(|c: char| c.is_uppercase());
        let all_caps = own.len() > 1 && own.chars().all(|c| !c.is_lowercase());
        if !capitalized || all_caps || sentence_start(first) {
            return false;
        }
        return word_prev(prev) || (p.word_is(prev, "of") && prev > 0 && word_prev(prev - 1));
    }
    !t[first].glued() && t[first].gap == Gap::Space && word_prev(prev)
}
