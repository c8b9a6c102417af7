//! Flat CSV tables, one per record kind, for pandas, DuckDB and spreadsheets.
//!
//! Every row starts with the article id and carries the record's span; nested parts
//! (actor, speaker, target, object) are flattened into prefixed columns (`actor_name`,
//! `speaker_start`, ...); the record's own span is `span_start`/`span_end` (`end` alone is
//! an SQL keyword). Records with several mentions (agencies, officials) give one row
//! per mention, numbered by `mention` (0 is the first), so no information is lost; filter
//! `mention = 0` for one row per record. Missing values are empty cells.

use crate::output::SpanMap;
use newsfacts::record::{Actor, Phrase, Speaker, Value};
use newsfacts::{Extractor, Span};

/// The table to write with `--format csv`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per agency mention.
    Agencies,
    /// One row per official mention.
    Officials,
    /// One row per count.
    Counts,
    /// One row per quote.
    Quotes,
    /// One row per action.
    Actions,
    /// One row per sentence (segmentation only).
    Sentences,
    /// One row per number mention.
    Numbers,
}

/// Cells of one row before they are written.
type Row = Vec<String>;

impl Table {
    /// The column names, in order.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Agencies => &[
                "article_id",
                "agency_id",
                "name",
                "acronym",
                "mention",
                "text",
                "span_start",
                "span_end",
                "sentence",
                "rule",
            ],
            Table::Officials => &[
                "article_id",
                "official_id",
                "name",
                "title",
                "agency",
                "org",
                "party",
                "state",
                "mention",
                "text",
                "span_start",
                "span_end",
                "sentence",
                "rule",
            ],
            Table::Counts => &[
                "article_id",
                "count",
                "value",
                "noun",
                "text",
                "span_start",
                "span_end",
                "sentence",
                "approximate",
                "location",
                "part_of",
                "rule",
            ],
            Table::Quotes => &[
                "article_id",
                "quote",
                "text",
                "span_start",
                "span_end",
                "sentence",
                "cue",
                "speaker_name",
                "speaker_official",
                "speaker_agency",
                "speaker_text",
                "speaker_start",
                "speaker_end",
                "rule",
            ],
            Table::Actions => &[
                "article_id",
                "action",
                "verb",
                "kind",
                "text",
                "span_start",
                "span_end",
                "sentence",
                "negated",
                "actor_name",
                "actor_agency",
                "actor_official",
                "actor_text",
                "actor_start",
                "actor_end",
                "target_text",
                "target_start",
                "target_end",
                "object_text",
                "object_start",
                "object_end",
                "count",
                "rule",
            ],
            Table::Sentences => &[
                "article_id",
                "sentence",
                "paragraph",
                "text",
                "span_start",
                "span_end",
            ],
            Table::Numbers => &[
                "article_id",
                "number",
                "text",
                "span_start",
                "span_end",
                "value",
                "kind",
                "approximate",
            ],
        }
    }

    /// The header line, CSV-encoded.
    pub fn header_line(self) -> Vec<u8> {
        let mut out = Vec::new();
        write_csv(&mut out, std::iter::once(self.header().iter().copied()));
        out
    }

    /// Append this table's rows for one article to `out`.
    pub fn write_rows(
        self,
        out: &mut Vec<u8>,
        extractor: &Extractor,
        id: &str,
        text: &str,
        spans: &SpanMap,
    ) {
        let rows = self.rows(extractor, id, text, spans);
        write_csv(out, rows.iter().map(|r| r.iter().map(String::as_str)));
    }

    fn rows(self, extractor: &Extractor, id: &str, text: &str, spans: &SpanMap) -> Vec<Row> {
        let span = |s: Span| {
            let s = spans.map(s);
            [s.start.to_string(), s.end.to_string()]
        };
        let head = |kind: usize| vec![id.to_string(), kind.to_string()];
        match self {
            Table::Sentences => extractor
                .segment(text)
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut r = head(i);
                    r.extend([s.paragraph.to_string(), s.text]);
                    r.extend(span(s.span));
                    r
                })
                .collect(),
            Table::Numbers => newsfacts::numbers::find(text)
                .into_iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut r = head(i);
                    r.push(n.text);
                    r.extend(span(n.span));
                    r.extend([
                        value(n.value),
                        enum_name(&n.kind),
                        n.approximate.to_string(),
                    ]);
                    r
                })
                .collect(),
            _ => {
                let article = extractor.extract_with_id(id, text);
                let mut rows = Vec::new();
                match self {
                    Table::Agencies => {
                        for a in article.agencies {
                            for (m, mention) in a.mentions.into_iter().enumerate() {
                                let mut r = vec![
                                    id.to_string(),
                                    a.id.clone(),
                                    a.name.clone(),
                                    opt(&a.acronym),
                                    m.to_string(),
                                    mention.text,
                                ];
                                r.extend(span(mention.span));
                                r.extend([mention.sentence.to_string(), a.rule.clone()]);
                                rows.push(r);
                            }
                        }
                    }
                    Table::Officials => {
                        for o in article.officials {
                            for (m, mention) in o.mentions.into_iter().enumerate() {
                                let mut r = vec![
                                    id.to_string(),
                                    o.id.clone(),
                                    o.name.clone(),
                                    opt(&o.title),
                                    opt(&o.agency),
                                    opt(&o.org),
                                    opt(&o.party),
                                    opt(&o.state),
                                    m.to_string(),
                                    mention.text,
                                ];
                                r.extend(span(mention.span));
                                r.extend([mention.sentence.to_string(), o.rule.clone()]);
                                rows.push(r);
                            }
                        }
                    }
                    Table::Counts => {
                        for (i, c) in article.counts.into_iter().enumerate() {
                            let mut r = head(i);
                            r.extend([value(c.value), c.noun, c.text]);
                            r.extend(span(c.span));
                            r.extend([
                                c.sentence.to_string(),
                                c.approximate.to_string(),
                                opt(&c.location),
                                c.part_of.map_or_else(String::new, |p| p.to_string()),
                                c.rule,
                            ]);
                            rows.push(r);
                        }
                    }
                    Table::Quotes => {
                        for (i, q) in article.quotes.into_iter().enumerate() {
                            let mut r = head(i);
                            r.push(q.text);
                            r.extend(span(q.span));
                            r.extend([q.sentence.to_string(), opt(&q.cue)]);
                            r.extend(speaker(q.speaker.as_ref(), &span));
                            r.push(q.rule);
                            rows.push(r);
                        }
                    }
                    Table::Actions => {
                        for (i, a) in article.actions.into_iter().enumerate() {
                            let mut r = head(i);
                            r.extend([a.verb, a.kind, a.text]);
                            r.extend(span(a.span));
                            r.extend([a.sentence.to_string(), a.negated.to_string()]);
                            r.extend(actor(a.actor.as_ref(), &span));
                            r.extend(phrase(a.target.as_ref(), &span));
                            r.extend(phrase(a.object.as_ref(), &span));
                            r.push(a.count.map_or_else(String::new, |c| c.to_string()));
                            r.push(a.rule);
                            rows.push(r);
                        }
                    }
                    Table::Sentences | Table::Numbers => {}
                }
                rows
            }
        }
    }
}

/// Write rows as CSV (RFC 4180 quoting) to `out`.
fn write_csv<'a, R, C>(out: &mut Vec<u8>, rows: R)
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = &'a str>,
{
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_writer(out);
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(row);
    }
    let _ = w.flush();
}

/// An optional text cell: empty when absent.
fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// A number cell: integral values without a fraction, as in the JSON.
fn value(v: Value) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}

/// The snake_case name of a unit enum, as serde writes it.
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `speaker_name, speaker_official, speaker_agency, speaker_text, speaker_start, speaker_end`.
fn speaker(s: Option<&Speaker>, span: &impl Fn(Span) -> [String; 2]) -> [String; 6] {
    match s {
        None => Default::default(),
        Some(s) => {
            let [a, b] = span(s.span);
            [
                s.name.clone(),
                opt(&s.official),
                opt(&s.agency),
                s.text.clone(),
                a,
                b,
            ]
        }
    }
}

/// `actor_name, actor_agency, actor_official, actor_text, actor_start, actor_end`.
fn actor(s: Option<&Actor>, span: &impl Fn(Span) -> [String; 2]) -> [String; 6] {
    match s {
        None => Default::default(),
        Some(s) => {
            let [a, b] = span(s.span);
            [
                s.name.clone(),
                opt(&s.agency),
                opt(&s.official),
                s.text.clone(),
                a,
                b,
            ]
        }
    }
}

/// `X_text, X_start, X_end` of a target or object.
fn phrase(p: Option<&Phrase>, span: &impl Fn(Span) -> [String; 2]) -> [String; 3] {
    match p {
        None => Default::default(),
        Some(p) => {
            let [a, b] = span(p.span);
            [p.text.clone(), a, b]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Offsets;

    #[test]
    fn every_row_has_as_many_cells_as_the_header() {
        let extractor = Extractor::new();
        let text =
            "The Commerce Department said on Monday it added 34 Chinese entities to a list. \
                    \"We act,\" Commerce Secretary Gina Raimondo said.";
        for table in [
            Table::Agencies,
            Table::Officials,
            Table::Counts,
            Table::Quotes,
            Table::Actions,
            Table::Sentences,
            Table::Numbers,
        ] {
            let spans = SpanMap::new(text, Offsets::Bytes);
            for row in table.rows(&extractor, "a", text, &spans) {
                assert_eq!(row.len(), table.header().len(), "{table:?}");
            }
        }
    }

    #[test]
    fn cells_with_commas_quotes_and_newlines_are_quoted() {
        let mut out = Vec::new();
        write_csv(&mut out, [["a,b", "say \"hi\"", "x\ny"]]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\n"
        );
    }

    #[test]
    fn sentence_rows_carry_the_article_id_and_span() {
        let extractor = Extractor::new();
        let spans = SpanMap::new("One. Two.", Offsets::Bytes);
        let rows = Table::Sentences.rows(&extractor, "doc", "One. Two.", &spans);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], ["doc", "1", "0", "Two.", "5", "9"]);
    }
}
