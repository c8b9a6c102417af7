//! Finding quotation spans: one pass over the quote marks of each paragraph, pairing opening
//! and closing marks by their context, with local recovery when marks do not balance.

use rustc_hash::FxHashSet;
use std::ops::Range;

/// Double (`"`, `''`, ``` `` ```) or single (`'`) quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkKind {
    Double,
    Single,
}

/// Which way a mark faces, read from its neighbours (and its curly form in the original).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facing {
    Open,
    Close,
    Either,
}

/// One quotation mark in the normalized text.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    kind: MarkKind,
    facing: Facing,
}

/// A quotation found in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// From the opening mark to past the closing mark (or to the recovery point).
    pub outer: Range<usize>,
    /// The content without the marks, trimmed of surrounding whitespace.
    pub inner: Range<usize>,
    pub kind: MarkKind,
    /// How the span ended: `closed`, `paragraph` (at a paragraph end, the quote going on in
    /// the next paragraph, which opens with its own mark) or `unclosed` (recovered at a
    /// paragraph end or before the next opening mark).
    pub closing: &'static str,
}

/// True for chars after which a mark opens a quote: spaces, brackets, dashes, slashes.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '-' | '—' | '/' | ':' | '"' | '\'' | '`'
        )
}

/// True for chars before which a mark closes a quote: spaces and punctuation.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '-' | '—' | '"' | '\'' | '…'
        )
}

/// Facing of a mark from its neighbours `prev` and `next` (None at paragraph edges).
fn facing(prev: Option<char>, next: Option<char>) -> Facing {
    let open = prev.is_none_or(opens_after) && next.is_some_and(|c| !c.is_whitespace());
    let close = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_before);
    match (open, close) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    }
}

/// The quote marks of `norm[para]` in order, into `marks` (cleared first: one buffer serves
/// every paragraph). Apostrophes ("don't", "Trump's", "'90s", "players' union", "'em") are
/// left out. `hint` gives the facing of a curly original mark.
fn scan_marks(
    norm: &str,
    para: Range<usize>,
    hint: &dyn Fn(usize) -> Option<Facing>,
    elisions: &FxHashSet<String>,
    marks: &mut Vec<Mark>,
) {
    let bytes = norm.as_bytes();
    marks.clear();
    let mut i = para.start;
    while i < para.end {
        // most of a paragraph holds no mark: jump to the next candidate
        let Some(k) = memchr::memchr3(b'"', b'\'', b'`', &bytes[i..para.end]) else {
            break;
        };
        i += k;
        let b = bytes[i];
        let mut run = 1;
        while i + run < para.end && bytes[i + run] == b && b != b'"' {
            run += 1;
        }
        let prev = norm[para.start..i].chars().next_back();
        let next = norm[i + run..para.end].chars().next();
        let face = facing(prev, next);
        match (b, run) {
            (b'"', _) => {
                let face = match (face, hint(i)) {
                    (Facing::Either, Some(h)) => h,
                    _ => face,
                };
                marks.push(Mark {
                    pos: i,
                    len: 1,
                    kind: MarkKind::Double,
                    facing: face,
                });
            }
            (b'`', 1) => {}
            (b'`', _) => marks.push(Mark {
                pos: i,
                len: 2,
                kind: MarkKind::Double,
                facing: Facing::Open,
            }),
            (_, 1) => {
                if let Some(face) = single_facing(norm, i, prev, next, para.end, hint, elisions) {
                    marks.push(Mark {
                        pos: i,
                        len: 1,
                        kind: MarkKind::Single,
                        facing: face,
                    });
                }
            }
            (_, 2) => marks.push(Mark {
                pos: i,
                len: 2,
                kind: MarkKind::Double,
                facing: face,
            }),
            _ => {
                // ''' : a single and a double mark; the inner one comes first when closing
                let (first, second) = if face == Facing::Open {
                    ((MarkKind::Double, 2), (MarkKind::Single, 1))
                } else {
                    ((MarkKind::Single, 1), (MarkKind::Double, 2))
                };
                let face = if face == Facing::Open {
                    Facing::Open
                } else {
                    Facing::Close
                };
                marks.push(Mark {
                    pos: i,
                    len: first.1,
                    kind: first.0,
                    facing: face,
                });
                marks.push(Mark {
                    pos: i + first.1,
                    len: second.1,
                    kind: second.0,
                    facing: face,
                });
            }
        }
        i += run;
    }
}

/// Facing of a lone `'`, or None when it is an apostrophe.
fn single_facing(
    norm: &str,
    i: usize,
    prev: Option<char>,
    next: Option<char>,
    end: usize,
    hint: &dyn Fn(usize) -> Option<Facing>,
    elisions: &FxHashSet<String>,
) -> Option<Facing> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return None;
    }
    if !alnum(prev) && next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    match facing(prev, next) {
        Facing::Open => {
            let word: String = norm[i + 1..end]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            (!elisions.contains(&word)).then_some(Facing::Open)
        }
        Facing::Close => {
            // "the players' union": a plural possessive, not a closing mark
            let after = norm[i + 1..end].chars().nth(1);
            let plural = matches!(prev, Some('s' | 'S' | 'z'));
            if plural && next == Some(' ') && after.is_some_and(char::is_alphabetic) {
                return None;
            }
            Some(Facing::Close)
        }
        Facing::Either => match hint(i) {
            Some(Facing::Open) => Some(Facing::Open),
            _ => None,
        },
    }
}

/// Every quotation of the paragraphs `paragraphs` (normalized ranges in text order).
///
/// Linear: each paragraph's marks are read once. Double marks pair first; single marks pair
/// only outside double quotes and within one paragraph. A double quote left open at a paragraph
/// end stops there: when the next paragraph opens with a mark, that is the news convention for
/// a quote of several paragraphs (one span per paragraph, labelled `paragraph`); when the
/// closing mark went missing before an attribution (`"We lost, said Tom`), the quote ends at
/// the comma; otherwise it ends at the paragraph end (`unclosed`).
pub(crate) fn find_quotes(
    norm: &str,
    paragraphs: &[Range<usize>],
    hint: &dyn Fn(usize) -> Option<Facing>,
    elisions: &FxHashSet<String>,
    attribution: &dyn Fn(Range<usize>) -> Option<usize>,
) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let para = para.start.min(norm.len())..para.end.min(norm.len());
        scan_marks(norm, para.clone(), hint, elisions, &mut marks);
        let mut dopen: Option<Mark> = None;
        let mut sopen: Option<Mark> = None;
        for m in &marks {
            match m.kind {
                MarkKind::Double => match dopen {
                    Some(o) if m.facing != Facing::Open => {
                        push(norm, &mut out, o, m.pos, m.pos + m.len, "closed");
                        dopen = None;
                    }
                    Some(o) => {
                        let end = trim_end(norm, o.pos + o.len, m.pos);
                        push(norm, &mut out, o, end, end, "unclosed");
                        dopen = Some(*m);
                    }
                    None if m.facing != Facing::Close => dopen = Some(*m),
                    None => {}
                },
                MarkKind::Single if dopen.is_some() => {}
                MarkKind::Single => match (sopen, m.facing) {
                    (Some(o), Facing::Close) => {
                        push(norm, &mut out, o, m.pos, m.pos + m.len, "closed");
                        sopen = None;
                    }
                    (_, Facing::Open) => sopen = Some(*m),
                    _ => {}
                },
            }
        }
        let Some(o) = dopen else { continue };
        if let Some(cut) = attribution(o.pos + o.len..para.end) {
            push(norm, &mut out, o, cut, cut, "unclosed");
            continue;
        }
        let next_opens = paragraphs.get(pi + 1).is_some_and(|np| {
            let np = np.start.min(norm.len())..np.end.min(norm.len());
            let f = first_char(norm, &np);
            f < np.end
                && (norm[f..].starts_with('"')
                    || norm[f..].starts_with("''")
                    || norm[f..].starts_with("``"))
        });
        let closing = if next_opens { "paragraph" } else { "unclosed" };
        let end = trim_end(norm, o.pos + o.len, para.end);
        push(norm, &mut out, o, end, end, closing);
    }
    out
}

/// Offset of the first non-space char of `range` (its end when it is all spaces).
fn first_char(norm: &str, range: &Range<usize>) -> usize {
    let s = &norm[range.clone()];
    range.start + (s.len() - s.trim_start().len())
}

/// End of `norm[start..end]` without trailing whitespace.
fn trim_end(norm: &str, start: usize, end: usize) -> usize {
    let start = start.min(end);
    start + norm[start..end].trim_end().len()
}

/// Record the quote opened by `open` whose content ends at `end` (outer end `outer_end`),
/// unless its content has no letter or digit.
fn push(
    norm: &str,
    out: &mut Vec<QuoteSpan>,
    open: Mark,
    end: usize,
    outer_end: usize,
    closing: &'static str,
) {
    let start = (open.pos + open.len).min(end);
    let content = &norm[start..end];
    let lead = content.len() - content.trim_start().len();
    let inner = start + lead..start + content.trim_end().len();
    if inner.is_empty() || !content.chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(QuoteSpan {
        outer: open.pos..outer_end,
        inner,
        kind: open.kind,
        closing,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let mut paras = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices("\n\n") {
            paras.push(start..i);
            start = i + 2;
        }
        paras.push(start..text.len());
        let elisions: FxHashSet<String> = ["em".to_string()].into_iter().collect();
        find_quotes(text, &paras, &|_| None, &elisions, &|_| None)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn full_and_partial_quotes() {
        assert_eq!(
            quotes("\"We will win,\" he said. They were \"actively supporting\" it."),
            vec!["We will win,", "actively supporting"]
        );
    }

    #[test]
    fn single_quotes_inside_double_stay_inside() {
        assert_eq!(
            quotes("\"He told me 'no way' twice,\" she said."),
            vec!["He told me 'no way' twice,"]
        );
    }

    #[test]
    fn apostrophes_do_not_open_quotes() {
        assert!(
            quotes("Trump's plan won't fly in the '90s or with the players' union.").is_empty()
        );
        assert!(quotes("Get 'em all.").is_empty());
    }

    #[test]
    fn single_quotes_as_primary_marks() {
        assert_eq!(
            quotes("'We can't stop now,' Mr Blair said."),
            vec!["We can't stop now,"]
        );
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(quotes("''It is over,'' he said."), vec!["It is over,"]);
    }

    #[test]
    fn multi_paragraph_quote_is_one_span_per_paragraph() {
        let q = quotes("\"First part.\n\n\"Second part.\" he said.");
        assert_eq!(q, vec!["First part.", "Second part."]);
    }

    #[test]
    fn unclosed_quote_recovers_at_paragraph_end() {
        let q = quotes("He said \"this never ends.\n\nThen \"a quote\" came.");
        assert_eq!(q, vec!["this never ends.", "a quote"]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(quotes("Nothing\" here. \"Yes,\" he said."), vec!["Yes,"]);
    }
}
