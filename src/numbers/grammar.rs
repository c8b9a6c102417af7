//! The number grammar over tokens: figures ("1,234.5", "10k", "1e10"), number words
//! ("one hundred and five", "a dozen", "two thirds"), chains ("5/17/2018", "2:17") and their
//! values. Kinds that need the words around a number are decided in `kinds`.

use super::tables::{Class, NumWord, Tables};
use super::tokens::{Gap, Tok, TokKind};
use super::NumberMatch;
use crate::record::NumberKind;

/// A parse over one token stream.
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub tables: &'a Tables,
    /// The number word at each token, looked up once.
    pub words: Vec<Option<NumWord>>,
}

/// A parsed cardinal: value, end token, and how it was written.
#[derive(Debug, Clone, Copy)]
struct Card {
    value: f64,
    end: usize,
    /// Written in words (at least partly).
    spelled: bool,
    /// The largest scale word used (thousand and up), or infinity.
    last_scale: f64,
    /// The number is a bare tens word ("twenty").
    tens_only: bool,
    /// A unit after "hundred and" ("one hundred and three"): a fraction's numerator.
    and_tail: f64,
}

/// A digit figure: value and end token.
#[derive(Debug, Clone, Copy)]
struct Fig {
    value: f64,
    end: usize,
    plain: bool,
    /// A run of dotted groups ("192.168.1.2"): only the first group was taken.
    dotted: bool,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], tables: &'a Tables) -> Parser<'a> {
        let words = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => tables.word(t.text(text)),
                TokKind::Punct if t.end - t.start > 1 => tables.word(t.text(text)),
                _ => None,
            })
            .collect();
        Parser {
            text,
            toks,
            tables,
            words,
        }
    }

    fn tok(&self, k: usize) -> Option<&Tok> {
        self.toks.get(k)
    }

    /// Token `k` when it continues the number on the same line.
    fn next(&self, k: usize) -> Option<&Tok> {
        self.toks.get(k).filter(|t| t.gap != Gap::Newline)
    }

    fn is_punct(&self, k: usize, c: char) -> bool {
        self.tok(k).is_some_and(|t| t.is(self.text, c))
    }

    fn glued_punct(&self, k: usize, c: char) -> bool {
        self.tok(k).is_some_and(|t| t.glued() && t.is(self.text, c))
    }

    fn glued_digits(&self, k: usize) -> bool {
        self.tok(k)
            .is_some_and(|t| t.glued() && t.kind == TokKind::Digits)
    }

    fn class(&self, k: usize) -> Option<Class> {
        self.next(k)?;
        self.words.get(k).copied().flatten().map(|w| w.class)
    }

    pub fn word(&self, k: usize) -> Option<NumWord> {
        self.next(k)?;
        self.words.get(k).copied().flatten()
    }

    /// True when token `k` is the word `w` (lowercase) on the same line.
    pub fn word_is(&self, k: usize, w: &str) -> bool {
        self.next(k)
            .is_some_and(|t| t.kind == TokKind::Word && t.text(self.text).eq_ignore_ascii_case(w))
    }

    fn digits(&self, k: usize) -> &str {
        self.toks[k].text(self.text)
    }

    fn digits_value(&self, k: usize) -> f64 {
        self.digits(k).parse::<f64>().unwrap_or(0.0)
    }

    fn push(
        &self,
        out: &mut Vec<NumberMatch>,
        first: usize,
        end: usize,
        value: f64,
        kind: NumberKind,
    ) {
        let start = self.toks[first].start;
        let stop = self.toks[end - 1].end;
        out.push(NumberMatch {
            range: start..stop,
            toks: first..end,
            value,
            kind,
            approximate: false,
            spelled: false,
        });
    }

    /// False when no number can start at token `i`: a word that is no number word, the bulk
    /// of the tokens, which [`Parser::parse_at`] would reject after a call.
    #[inline]
    pub fn may_start_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != TokKind::Word)
            || self.words.get(i).is_some_and(Option::is_some)
    }

    /// Parse the number that starts at token `i`, if any; push its matches and return the
    /// token after it.
    pub fn parse_at(&self, i: usize, out: &mut Vec<NumberMatch>) -> Option<usize> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Digits => {
                let prev = i.checked_sub(1).and_then(|p| self.tok(p));
                if t.glued() && prev.is_some_and(|p| p.kind == TokKind::Word) {
                    // "G20", "WOR710": a number inside a name
                    self.push(out, i, i + 1, self.digits_value(i), NumberKind::Name);
                    return Some(i + 1);
                }
                self.numeric(i, i, 1.0, out)
            }
            TokKind::Punct => {
                let c = t.text(self.text);
                let after_space_or_start = i == 0
                    || !t.glued()
                    || self
                        .tok(i - 1)
                        .is_some_and(|p| p.kind == TokKind::Punct && !p.is(self.text, '.'));
                if c == "-" && after_space_or_start {
                    if self.glued_digits(i + 1)
                        || (self.glued_punct(i + 1, '.') && self.glued_digits(i + 2))
                    {
                        return self.numeric(i + 1, i, -1.0, out);
                    }
                    if i == 0
                        && self
                            .tok(1)
                            .is_some_and(|n| n.kind == TokKind::Digits && n.gap != Gap::Newline)
                    {
                        return self.numeric(1, 0, -1.0, out);
                    }
                }
                if c == "." && after_space_or_start && self.glued_digits(i + 1) {
                    if self
                        .tok(i + 2)
                        .is_some_and(|t| t.glued() && t.kind == TokKind::Word)
                    {
                        return Some(i + 3);
                    }
                    let v = format!("0.{}", self.digits(i + 1))
                        .parse::<f64>()
                        .unwrap_or(0.0);
                    self.push(out, i, i + 2, v, NumberKind::Cardinal);
                    return Some(i + 2);
                }
                if let Some(w) = self.words[i].filter(|w| w.class == Class::Fraction) {
                    self.push(out, i, i + 1, w.value, NumberKind::Fraction);
                    return Some(i + 1);
                }
                None
            }
            TokKind::Word => self.spelled(i, out),
        }
    }

    /// A digit figure at token `k`: separators, decimals ("1,234.5", "1 234", "5,00").
    fn figure(&self, k: usize) -> Option<Fig> {
        let t = self.tok(k).filter(|t| t.kind == TokKind::Digits)?;
        let first = self.digits(k);
        let mut int = first.to_string();
        let mut end = k + 1;
        // comma groups
        let mut groups = Vec::new();
        let mut j = end;
        let in_list = t.glued() && k > 0 && self.toks[k - 1].is(self.text, ',');
        while !in_list && self.glued_punct(j, ',') && self.glued_digits(j + 1) {
            groups.push(j + 1);
            j += 2;
        }
        let lens: Vec<usize> = groups.iter().map(|&g| self.digits(g).len()).collect();
        let mut plain = true;
        let mut decimal: Option<String> = None;
        if !groups.is_empty() {
            let thousands = first.len() <= 3 && lens.iter().all(|&l| l == 3);
            let indian = first.len() <= 2
                && lens.len() >= 2
                && lens[..lens.len() - 1].iter().all(|&l| l == 2)
                && lens[lens.len() - 1] == 3;
            if thousands || indian {
                for &g in &groups {
                    int.push_str(self.digits(g));
                }
                end = j;
                plain = false;
            } else if groups.len() == 1 && lens[0] <= 2 {
                decimal = Some(self.digits(groups[0]).to_string());
                end = j;
                plain = false;
            }
        } else if first.len() <= 3 && !self.glued_punct(k + 1, '.') {
            // space-separated thousands ("1 234 567"), one space between groups
            let mut j = k + 1;
            let mut took = false;
            while self.tok(j).is_some_and(|n| {
                n.kind == TokKind::Digits && n.gap == Gap::Space && n.end - n.start == 3
            }) && !self.glued_punct(j + 1, '/')
                && !self.glued_punct(j + 1, ':')
                && !self.glued_punct(j + 1, '-')
                && !self.glued_punct(j + 1, ',')
            {
                int.push_str(self.digits(j));
                j += 1;
                took = true;
            }
            if took && !self.month_before(t.start) {
                end = j;
                plain = false;
            }
        }
        // decimal point
        let mut dotted = false;
        if decimal.is_none() && self.glued_punct(end, '.') && self.glued_digits(end + 1) {
            if self.glued_punct(end + 2, '.') && self.glued_digits(end + 3) {
                // "1.111.111,11" (European) or "192.168.1.2" (dotted groups)
                let mut j = end;
                let mut parts = Vec::new();
                while self.glued_punct(j, '.') && self.glued_digits(j + 1) {
                    parts.push(j + 1);
                    j += 2;
                }
                let european = plain
                    && first.len() <= 3
                    && parts.iter().all(|&p| self.digits(p).len() == 3)
                    && self.glued_punct(j, ',')
                    && self.glued_digits(j + 1);
                if european {
                    for &p in &parts {
                        int.push_str(self.digits(p));
                    }
                    decimal = Some(self.digits(j + 1).to_string());
                    end = j + 2;
                    plain = false;
                } else {
                    dotted = true;
                }
            } else if plain
                && first.len() <= 3
                && self.digits(end + 1).len() == 3
                && self.glued_punct(end + 2, ',')
                && self.glued_digits(end + 3)
                && self.digits(end + 3).len() <= 2
            {
                // "1.111,11"
                int.push_str(self.digits(end + 1));
                decimal = Some(self.digits(end + 3).to_string());
                end += 4;
                plain = false;
            } else {
                decimal = Some(self.digits(end + 1).to_string());
                end += 2;
                plain = false;
            }
        }
        let mut s = int;
        if let Some(d) = decimal {
            s.push('.');
            s.push_str(&d);
        }
        let value = s.parse::<f64>().ok()?;
        Some(Fig {
            value,
            end,
            plain,
            dotted,
        })
    }

    /// True when a month name ends right before byte `pos`.
    fn month_before(&self, pos: usize) -> bool {
        self.tables
            .cue_before(&self.text[..pos], super::tables::Role::Month)
    }

    /// A number that starts with a figure at token `k` (`first` is the first token of the
    /// match, a sign when there is one).
    fn numeric(
        &self,
        k: usize,
        first: usize,
        sign: f64,
        out: &mut Vec<NumberMatch>,
    ) -> Option<usize> {
        let fig = self.figure(k)?;
        if fig.dotted {
            // each dotted group is its own number
            let mut j = k;
            while j < self.toks.len() {
                self.push(out, j, j + 1, self.digits_value(j), NumberKind::Identifier);
                if self.glued_punct(j + 1, '.') && self.glued_digits(j + 2) {
                    j += 2;
                } else {
                    break;
                }
            }
            return Some(j + 1);
        }
        if fig.plain {
            if let Some(next) = self.chain(k, first, sign, out) {
                return Some(next);
            }
        }
        let mut value = fig.value;
        let mut end = fig.end;
        // exponents: "1e10", "12.32e+14", "1.1^23", "1.3x10^6"
        if let Some(t) = self
            .tok(end)
            .filter(|t| t.glued() && t.kind == TokKind::Word)
        {
            let w = t.text(self.text);
            if w == "e" || w == "E" {
                let (esign, at) = if self.glued_punct(end + 1, '+') {
                    (1.0, end + 2)
                } else if self.glued_punct(end + 1, '-') {
                    (-1.0, end + 2)
                } else {
                    (1.0, end + 1)
                };
                if self.glued_digits(at) {
                    value *= 10f64.powf(esign * self.digits_value(at));
                    end = at + 1;
                }
            } else if (w == "x" || w == "X")
                && self.glued_digits(end + 1)
                && self.digits(end + 1) == "10"
                && self.glued_punct(end + 2, '^')
            {
                if let Some((e, at)) = self.power(end + 3) {
                    value *= 10f64.powf(e);
                    end = at;
                }
            }
        }
        if self.glued_punct(end, '^') {
            if let Some((e, at)) = self.power(end + 1) {
                value = value.powf(e);
                end = at;
            }
        }
        // a suffix glued to the figure
        if let Some(t) = self
            .tok(end)
            .filter(|t| t.glued() && t.kind == TokKind::Word)
        {
            let w = t.text(self.text);
            let lower = w.to_ascii_lowercase();
            if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") && fig.plain {
                self.push(out, first, end + 1, sign * value, NumberKind::Ordinal);
                return Some(end + 1);
            }
            if lower == "s" && fig.plain {
                // "1990s": a decade
                let kind = if (1000.0..=2100.0).contains(&value)
                    || (10.0..100.0).contains(&value) && value % 10.0 == 0.0
                {
                    NumberKind::Year
                } else {
                    NumberKind::Cardinal
                };
                self.push(out, first, end + 1, value, kind);
                return Some(end + 1);
            }
            if let Some(m) = self.tables.abbrev(w) {
                self.push(out, first, end + 1, sign * value * m, NumberKind::Cardinal);
                return Some(end + 1);
            }
            if w == "m" && self.currency_before(first) {
                self.push(out, first, end + 1, sign * value * 1e6, NumberKind::Money);
                return Some(end + 1);
            }
            let plural_next = self.tok(end + 1).is_some_and(|t| {
                t.kind == TokKind::Word
                    && t.gap == Gap::Space
                    && super::kinds::plural_word(self.tables, t.text(self.text))
            });
            if w == "m" && plural_next {
                // "1.5m people": a million before a counted noun; "5m" alone is five metres
                self.push(
                    out,
                    first,
                    end + 1,
                    sign * value * 1e6,
                    NumberKind::Cardinal,
                );
                return Some(end + 1);
            }
            if lower == "am" || lower == "pm" {
                self.push(out, first, end, value, NumberKind::Time);
                return Some(end + 1);
            }
            // a unit or code glued to the figure ("180ml", "3D"): one word, not a number
            let mut j = end + 1;
            while self
                .tok(j)
                .is_some_and(|t| t.glued() && t.kind != TokKind::Punct)
            {
                j += 1;
            }
            return Some(j);
        }
        if value.fract() == 0.0 && fig.plain {
            // mixed fraction "2 1/4"
            if let Some((f, at)) = self.digit_fraction(end) {
                if self.next(end).is_some_and(|t| !t.glued()) {
                    self.push(out, first, at, sign * (value + f), NumberKind::Fraction);
                    return Some(at);
                }
            }
        }
        if end > fig.end {
            self.push(out, first, end, sign * value, NumberKind::Cardinal);
            return Some(end);
        }
        // words after the figure: "3 hundred and 21", "1.5 million", "3 dozens", "10 bln"
        let card = self.cardinal_from(k, Some((fig.value, fig.end)))?;
        let n = out.len();
        let end = self.extend(k, card, out)?;
        if let Some(m) = out.get_mut(n) {
            m.value *= sign;
            m.range.start = self.toks[first].start;
            m.toks.start = first;
        }
        Some(end)
    }

    /// An exponent after `^`: signs then a figure; returns it and the token after.
    fn power(&self, mut k: usize) -> Option<(f64, usize)> {
        let mut sign = 1.0;
        while self.glued_punct(k, '-') || self.glued_punct(k, '+') {
            if self.glued_punct(k, '-') {
                sign = -sign;
            }
            k += 1;
        }
        if !self.glued_digits(k) {
            return None;
        }
        let fig = self.figure(k)?;
        Some((sign * fig.value, fig.end))
    }

    /// A proper digit fraction "a/b" at token `k`; returns its value and end.
    fn digit_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let t = self.next(k)?;
        if t.kind != TokKind::Digits || !self.glued_punct(k + 1, '/') || !self.glued_digits(k + 2) {
            return None;
        }
        if self.glued_punct(k + 3, '/') || self.glued_punct(k + 3, '-') {
            return None;
        }
        let a = self.digits_value(k);
        let b = self.digits_value(k + 2);
        let text = &self.text[t.start..self.toks[k + 2].end];
        if self.tables.is_name(text)
            || !(a < b && (b <= 10.0 || [12.0, 16.0, 32.0, 64.0, 100.0].contains(&b)))
        {
            return None;
        }
        Some((a / b, k + 3))
    }

    /// True when a currency symbol or word stands right before token `k`.
    pub fn currency_before(&self, k: usize) -> bool {
        let start = self.toks.get(k).map_or(0, |t| t.start);
        self.tables
            .cue_before(&self.text[..start], super::tables::Role::CurrencyBefore)
    }

    /// Digit groups joined by `/`, `:`, `-` ("5/17/2018", "2:17", "555-1234", "3-1", "3/4"):
    /// each group its own number, or one fraction.
    fn chain(
        &self,
        k: usize,
        first: usize,
        sign: f64,
        out: &mut Vec<NumberMatch>,
    ) -> Option<usize> {
        let mut parts = vec![k];
        let mut seps = Vec::new();
        let mut j = k + 1;
        while let Some(t) = self
            .tok(j)
            .filter(|t| t.glued() && t.kind == TokKind::Punct)
        {
            let c = t.text(self.text);
            if !matches!(c, "/" | ":" | "-") || !self.glued_digits(j + 1) {
                break;
            }
            if self.glued_punct(j + 2, '.') && self.glued_digits(j + 3) {
                break;
            }
            seps.push(c.as_bytes()[0]);
            parts.push(j + 1);
            j += 2;
        }
        if parts.len() < 2 {
            return None;
        }
        let vals: Vec<f64> = parts.iter().map(|&p| self.digits_value(p)).collect();
        let lens: Vec<usize> = parts.iter().map(|&p| self.digits(p).len()).collect();
        let whole = &self.text[self.toks[k].start..self.toks[j - 1].end];
        if parts.len() == 2 && seps[0] == b'/' {
            if let Some((f, at)) = self.digit_fraction(k) {
                self.push(out, first, at, sign * f, NumberKind::Fraction);
                return Some(at);
            }
        }
        let kind = if self.tables.is_name(whole) {
            NumberKind::Name
        } else if seps.contains(&b':') {
            NumberKind::Time
        } else if seps.iter().all(|&s| s == b'/') {
            if parts.len() == 3 || (vals[0] <= 12.0 && vals[1] <= 31.0) {
                NumberKind::Date
            } else {
                NumberKind::Cardinal
            }
        } else if self.month_before(self.toks[k].start) {
            NumberKind::Date
        } else if parts.len() == 2
            && lens[0] == 4
            && (1000.0..=2100.0).contains(&vals[0])
            && (lens[1] == 2 || (lens[1] == 4 && (1000.0..=2100.0).contains(&vals[1])))
        {
            NumberKind::Year
        } else if parts.len() == 3 && lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 {
            NumberKind::Date
        } else if parts.len() >= 3 || lens.iter().any(|&l| l >= 3) {
            NumberKind::Identifier
        } else {
            NumberKind::Score
        };
        for &p in &parts {
            self.push(out, p, p + 1, self.digits_value(p), kind);
        }
        Some(j)
    }

    /// A small number at token `k`: a figure, or words below one hundred ("forty-two").
    /// Returns value, end, whether digits, and whether it is a bare tens word.
    fn small(&self, k: usize) -> Option<(f64, usize, bool, bool)> {
        let t = self.next(k)?;
        if t.kind == TokKind::Digits {
            if t.glued() && k > 0 {
                return None;
            }
            let fig = self.figure(k)?;
            if fig.dotted
                || self.glued_punct(fig.end, '/')
                || self.glued_punct(fig.end, ':')
                || self
                    .tok(fig.end)
                    .is_some_and(|t| t.glued() && t.kind == TokKind::Word)
            {
                return None;
            }
            return Some((fig.value, fig.end, true, false));
        }
        let w = self.word(k)?;
        match w.class {
            Class::Unit | Class::Teen => Some((w.value, k + 1, false, false)),
            Class::Tens => {
                // "forty-two", "fifty - two", "fifty two"
                let unit_at = if self.is_punct(k + 1, '-') && self.next(k + 1).is_some() {
                    k + 2
                } else {
                    k + 1
                };
                if let Some(u) = self.word(unit_at) {
                    if u.class == Class::Unit
                        && u.value >= 1.0
                        && !self.glued_punct(unit_at + 1, '-')
                    {
                        return Some((w.value + u.value, unit_at + 1, false, false));
                    }
                }
                Some((w.value, k + 1, false, true))
            }
            _ => None,
        }
    }

    /// A cardinal from token `k` (words, figures and scales: "two hundred and two thousand",
    /// "4 thousand 3 hundred and 21", "1.5 million", "three dozens", "a hundred").
    /// `first` is a figure already read at `k`.
    fn cardinal_from(&self, k0: usize, first: Option<(f64, usize)>) -> Option<Card> {
        let mut total = 0.0;
        let mut last_scale = f64::INFINITY;
        let mut k = k0;
        let mut committed: Option<Card> = None;
        let mut first_group = true;
        let mut spelled = false;
        let mut all_digits = true;
        loop {
            let (mut g, mut kk, digits, tens_only) = if let (true, Some((v, e))) =
                (first_group, first)
            {
                (v, e, true, false)
            } else if let Some(s) = self.small(k) {
                s
            } else if first_group && matches!(self.class(k), Some(Class::Hundred | Class::Scale)) {
                (1.0, k, false, false)
            } else if first_group
                && self.class(k) == Some(Class::Article)
                && matches!(
                    self.class(k + 1),
                    Some(Class::Hundred | Class::Scale | Class::Dozen)
                )
                && !self.words[k + 1].is_some_and(|w| w.value == 12.0 && self.is_plural_word(k + 1))
            {
                (1.0, k + 1, false, false)
            } else {
                break;
            };
            if !first_group && digits && !all_digits {
                break;
            }
            if !digits {
                spelled = true;
            } else if !first_group && self.toks[k].gap != Gap::Space {
                break;
            }
            all_digits &= digits;
            let mut tail = g;
            let mut hundred = false;
            if self.class(kk) == Some(Class::Hundred)
                && !self.is_plural_word(kk)
                && (digits || g < 100.0)
            {
                g *= 100.0;
                kk += 1;
                tail = 0.0;
                hundred = true;
                spelled = true;
                let k3 = if self.word_is(kk, "and") { kk + 1 } else { kk };
                if let Some((s, e, sd, tens_only)) = self.small(k3) {
                    let next_is_scale = matches!(self.class(e), Some(Class::Hundred));
                    // "one hundred thirty-fifths": without "and", the tens word belongs
                    // to the ordinal denominator
                    let ord_at = if self.is_punct(e, '-') { e + 1 } else { e };
                    let tens_denominator = tens_only
                        && k3 == kk
                        && self
                            .word(ord_at)
                            .is_some_and(|w| w.class == Class::Ordinal && w.plural);
                    if (1.0..100.0).contains(&s)
                        && s.fract() == 0.0
                        && !next_is_scale
                        && !tens_denominator
                        && (!sd || digits)
                    {
                        g += s;
                        tail = s;
                        kk = e;
                    }
                }
            }
            let and_tail = if hundred && tail < 10.0 { tail } else { 0.0 };
            if self.class(kk) == Some(Class::Dozen) {
                g = g - tail + tail * 12.0;
                kk += 1;
                spelled = true;
            }
            // scale words, stacked upward ("lakh crore"), or abbreviations after a figure
            let mut scale = 1.0;
            loop {
                let s = match self.word(kk) {
                    Some(w) if w.class == Class::Scale && !self.is_plural_word(kk) => Some(w.value),
                    _ => None,
                }
                .or_else(|| {
                    let t = self.next(kk)?;
                    if digits && t.kind == TokKind::Word && t.gap != Gap::None && scale == 1.0 {
                        self.tables.abbrev(t.text(self.text))
                    } else {
                        None
                    }
                });
                match s {
                    Some(s) if s > scale => {
                        scale *= s;
                        kk += 1;
                        spelled = true;
                    }
                    _ => break,
                }
            }
            if scale > 1.0 {
                if scale >= last_scale {
                    break;
                }
                total += g * scale;
                last_scale = scale;
                k = kk;
                committed = Some(Card {
                    value: total,
                    end: k,
                    spelled,
                    last_scale,
                    tens_only: false,
                    and_tail: 0.0,
                });
                first_group = false;
                if self.word_is(k, "and") {
                    if let Some((_, e, _, _)) = self.small(k + 1) {
                        if !matches!(self.class(e), Some(Class::Half | Class::Ordinal)) {
                            k += 1;
                        }
                    }
                }
                continue;
            }
            if !first_group && g >= last_scale {
                break;
            }
            total += g;
            committed = Some(Card {
                value: total,
                end: kk,
                spelled,
                last_scale,
                tens_only: first_group && tens_only && kk == k + 1,
                and_tail,
            });
            break;
        }
        committed
    }

    /// True when the word at `k` ends in "s" (a plural scale or ordinal).
    fn is_plural_word(&self, k: usize) -> bool {
        self.tok(k)
            .is_some_and(|t| t.text(self.text).ends_with(['s', 'S']) && t.text(self.text).len() > 2)
    }

    /// A number that starts with a word at token `i`.
    fn spelled(&self, i: usize, out: &mut Vec<NumberMatch>) -> Option<usize> {
        let w = self.words.get(i).copied().flatten()?;
        match w.class {
            Class::Minus => {
                let n = out.len();
                let next = self.tok(i + 1)?;
                if next.gap == Gap::Newline {
                    return None;
                }
                let end = self.parse_at(i + 1, out)?;
                if out.len() == n + 1
                    && matches!(out[n].kind, NumberKind::Cardinal | NumberKind::Fraction)
                {
                    out[n].value = -out[n].value;
                    out[n].range.start = self.toks[i].start;
                    out[n].toks.start = i;
                    Some(end)
                } else {
                    out.truncate(n);
                    None
                }
            }
            Class::Article => self.article(i, out),
            Class::Half => {
                // "half a dozen", "half million", "quarter million", "half"
                let k = if self.class(i + 1) == Some(Class::Article) {
                    i + 2
                } else {
                    i + 1
                };
                let frac = 1.0 / w.value;
                if let Some(m) = self
                    .word(k)
                    .filter(|m| matches!(m.class, Class::Scale | Class::Dozen | Class::Hundred))
                {
                    if !self.is_plural_word(k) {
                        self.push_spelled(out, i, k + 1, frac * m.value, NumberKind::Cardinal);
                        return Some(k + 1);
                    }
                }
                if w.value == 2.0 && !w.plural {
                    self.push_spelled(out, i, i + 1, 0.5, NumberKind::Fraction);
                    return Some(i + 1);
                }
                None
            }
            Class::Vague | Class::Dozen if w.class == Class::Vague || self.is_plural_word(i) => {
                // "dozens", "thousands", "hundreds of thousands"
                let mut value = w.value;
                let mut end = i + 1;
                if self.word_is(i + 1, "of") {
                    if let Some(v) = self
                        .word(i + 2)
                        .filter(|v| v.class == Class::Vague && v.value > w.value)
                    {
                        value *= v.value;
                        end = i + 3;
                    }
                }
                self.push_spelled(out, i, end, value, NumberKind::Cardinal);
                if let Some(m) = out.last_mut() {
                    m.approximate = true;
                }
                Some(end)
            }
            Class::Ordinal => {
                if w.plural {
                    return None;
                }
                if i > 0 && out.last().is_some_and(|m| m.toks.end == i) {
                    // "two millionth", "one second": not an ordinal of its own
                    return None;
                }
                self.push_spelled(out, i, i + 1, w.value, NumberKind::Ordinal);
                Some(i + 1)
            }
            Class::Unit
            | Class::Teen
            | Class::Tens
            | Class::Hundred
            | Class::Scale
            | Class::Dozen => {
                let card = self.cardinal_from(i, None)?;
                self.extend(i, card, out)
            }
            _ => None,
        }
    }

    fn push_spelled(
        &self,
        out: &mut Vec<NumberMatch>,
        first: usize,
        end: usize,
        value: f64,
        kind: NumberKind,
    ) {
        self.push(out, first, end, value, kind);
        if let Some(m) = out.last_mut() {
            m.spelled = true;
        }
    }

    /// "a dozen", "a hundred", "a half", "a third of", "a couple of".
    fn article(&self, i: usize, out: &mut Vec<NumberMatch>) -> Option<usize> {
        let next = self.word(i + 1)?;
        if self.toks[i + 1].gap == Gap::None {
            return None;
        }
        match next.class {
            Class::Hundred | Class::Scale | Class::Dozen => {
                let card = self.cardinal_from(i, None)?;
                self.extend(i, card, out)
            }
            Class::Half if !next.plural => {
                let n = out.len();
                let end = self.spelled(i + 1, out).unwrap_or(i + 2);
                if out.len() == n + 1 {
                    out[n].range.start = self.toks[i].start;
                    out[n].toks.start = i;
                    if out[n].kind == NumberKind::Cardinal {
                        return Some(end);
                    }
                    out[n].value = 1.0 / next.value;
                    out[n].kind = NumberKind::Fraction;
                } else {
                    out.truncate(n);
                    self.push_spelled(out, i, i + 2, 1.0 / next.value, NumberKind::Fraction);
                    return Some(i + 2);
                }
                Some(end)
            }
            Class::Tens => {
                // "a twenty-first": one over a compound ordinal
                let u_at = if self.is_punct(i + 2, '-') {
                    i + 3
                } else {
                    i + 2
                };
                let u = self
                    .word(u_at)
                    .filter(|u| u.class == Class::Ordinal && u.value < 10.0 && !u.plural)?;
                let ends = self.tok(u_at + 1).is_none_or(|t| t.kind != TokKind::Word);
                if !ends {
                    return None;
                }
                self.push_spelled(
                    out,
                    i,
                    u_at + 1,
                    1.0 / (next.value + u.value),
                    NumberKind::Fraction,
                );
                Some(u_at + 1)
            }
            Class::Ordinal if !next.plural && next.value >= 3.0 => {
                // "a fifth", "a third of": a fraction; "a fourth state": an ordinal
                let after = self.tok(i + 2);
                let fraction = after
                    .is_none_or(|t| t.kind != TokKind::Word || t.gap == Gap::Newline)
                    || self.word_is(i + 2, "of");
                if fraction {
                    self.push_spelled(out, i, i + 2, 1.0 / next.value, NumberKind::Fraction);
                    Some(i + 2)
                } else {
                    None
                }
            }
            Class::Couple if self.word_is(i + 2, "of") => {
                self.push_spelled(out, i, i + 2, 2.0, NumberKind::Cardinal);
                if let Some(m) = out.last_mut() {
                    m.approximate = true;
                }
                Some(i + 2)
            }
            _ => None,
        }
    }

    /// After a spelled cardinal: "point five", fractions ("two thirds", "one and a half"),
    /// compound ordinals ("twenty-first"), then push it.
    fn extend(&self, first: usize, card: Card, out: &mut Vec<NumberMatch>) -> Option<usize> {
        let mut value = card.value;
        let mut end = card.end;
        let mut kind = NumberKind::Cardinal;
        // "point": decimals in words
        if card.spelled && self.class(end) == Some(Class::Point) {
            let mut digits = String::new();
            let mut j = end + 1;
            while let Some(w) = self.word(j) {
                match w.class {
                    Class::Unit => digits.push_str(&format!("{}", w.value as u8)),
                    Class::Teen | Class::Tens if digits.is_empty() => {
                        let (v, e, _, _) = self.small(j)?;
                        digits.push_str(&format!("{}", v as u32));
                        j = e;
                        break;
                    }
                    _ => break,
                }
                j += 1;
            }
            if !digits.is_empty() {
                if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                    value += f;
                    end = j;
                }
            }
        }
        // ordinal denominators and compound ordinals
        let den_at = if self.is_punct(end, '-') {
            end + 1
        } else {
            end
        };
        let joined_ok = self.next(den_at).is_some();
        if card.spelled && joined_ok {
            let mut den = self.word(den_at).filter(|w| {
                w.class == Class::Ordinal || (w.class == Class::Half && w.value == 4.0)
            });
            let mut den_end = den_at + 1;
            // "one twenty-fifth": a compound ordinal as denominator
            if den.is_none() {
                if let Some(t) = self.word(den_at).filter(|w| w.class == Class::Tens) {
                    let u_at = if self.is_punct(den_at + 1, '-') {
                        den_at + 2
                    } else {
                        den_at + 1
                    };
                    if let Some(u) = self.word(u_at).filter(|u| {
                        u.class == Class::Ordinal && u.value < 10.0 && (u.plural || value == 1.0)
                    }) {
                        den = Some(NumWord {
                            value: t.value + u.value,
                            class: Class::Ordinal,
                            plural: u.plural,
                        });
                        den_end = u_at + 1;
                    }
                }
            }
            if let Some(d) = den {
                let scale_ordinal = d.value >= 100.0;
                if d.plural && (!scale_ordinal || card.spelled) {
                    if d.value >= 3.0 && card.and_tail > 0.0 {
                        value = value - card.and_tail + card.and_tail / d.value;
                        end = den_end;
                        kind = NumberKind::Fraction;
                    } else if d.value >= 3.0 {
                        value /= d.value;
                        end = den_end;
                        kind = NumberKind::Fraction;
                    }
                } else if !d.plural {
                    if (card.tens_only && d.value < 10.0)
                        || (value >= 100.0 && d.value < 100.0 && !scale_ordinal)
                    {
                        value += d.value;
                        end = den_end;
                        kind = NumberKind::Ordinal;
                    } else if value == 1.0 && d.value >= 3.0 {
                        value /= d.value;
                        end = den_end;
                        kind = NumberKind::Fraction;
                    }
                }
            }
        }
        // "two thirds of a million"
        if kind == NumberKind::Fraction
            && self.word_is(end, "of")
            && self.class(end + 1) == Some(Class::Article)
        {
            if let Some(sc) = self
                .word(end + 2)
                .filter(|w| w.class == Class::Scale && !self.is_plural_word(end + 2))
            {
                value *= sc.value;
                end += 3;
            }
        }
        // "and a half", "and three quarters", then an optional scale ("five and a half million")
        if kind == NumberKind::Cardinal && self.word_is(end, "and") {
            if let Some((f, e)) = self.and_fraction(end + 1) {
                let after_scale = self
                    .word(e)
                    .filter(|w| w.class == Class::Scale && !self.is_plural_word(e));
                if let Some(s) = after_scale.filter(|s| s.value < card.last_scale) {
                    if card.last_scale.is_finite() {
                        value += f * s.value;
                    } else {
                        value = (value + f) * s.value;
                    }
                    end = e + 1;
                } else if card.last_scale.is_finite() && value % card.last_scale == 0.0 {
                    value += f * card.last_scale;
                    end = e;
                } else {
                    value += f;
                    end = e;
                }
            }
        }
        if kind == NumberKind::Cardinal && card.spelled && value == 1.0 && end == first + 1 {
            // "the one who", "no one", "one another": a pronoun
            let before = &self.text[..self.toks[first].start];
            if self
                .tables
                .cue_before(before, super::tables::Role::PronounBefore)
                || self.word_is(first + 1, "another")
            {
                return Some(first + 1);
            }
        }
        out.push(NumberMatch {
            range: self.toks[first].start..self.toks[end - 1].end,
            toks: first..end,
            value,
            kind,
            approximate: false,
            spelled: card.spelled,
        });
        Some(end)
    }

    /// A fraction after "and": "a half", "one half", "a quarter", "three quarters", "two thirds".
    fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.word(k)?;
        let num = match w.class {
            Class::Article => 1.0,
            Class::Unit if w.value >= 1.0 => w.value,
            _ => return None,
        };
        let d = self.word(k + 1)?;
        match d.class {
            Class::Half => Some((num / d.value, k + 2)),
            Class::Ordinal if d.value >= 3.0 && d.value < 100.0 => Some((num / d.value, k + 2)),
            _ => None,
        }
    }
}
