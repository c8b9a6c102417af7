//! Rendering one article's result: JSON (one line, or indented) or rows of a CSV table,
//! with spans in UTF-8 bytes or, on request, in chars.

use crate::table::Table;
use newsfacts::record::{NumberMention, Sentence};
use newsfacts::{CharOffsets, Extractor, Span};
use serde::Serialize;

/// What the run computes for each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every record kind.
    Extract,
    /// Sentences only.
    Sentences,
    /// Number mentions only.
    Numbers,
}

/// How spans are counted in the output.
#[derive(clap::ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Offsets {
    /// UTF-8 byte offsets (Rust, Go, C).
    #[default]
    Bytes,
    /// Unicode scalar offsets (Python `str`, JavaScript code points).
    Chars,
}

/// How each article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One JSON object per line.
    JsonLines,
    /// Indented JSON objects.
    Pretty,
    /// Rows of one CSV table (no header: the caller writes it once).
    Csv(Table),
}

/// Everything `render` needs besides the article.
pub struct Renderer<'e> {
    pub extractor: &'e Extractor,
    pub mode: Mode,
    pub shape: Shape,
    pub offsets: Offsets,
}

/// `newsfacts sentences` output for one article.
#[derive(Serialize)]
struct SentencesOut<'a> {
    id: &'a str,
    sentences: Vec<Sentence>,
}

/// `newsfacts numbers` output for one article.
#[derive(Serialize)]
struct NumbersOut<'a> {
    id: &'a str,
    numbers: Vec<NumberMention>,
}

/// Maps byte spans to the requested offsets; built once per article and only for chars.
pub struct SpanMap(Option<CharOffsets>);

impl SpanMap {
    /// The map for `text` under `offsets`.
    pub fn new(text: &str, offsets: Offsets) -> SpanMap {
        SpanMap((offsets == Offsets::Chars).then(|| CharOffsets::new(text)))
    }

    /// The span in the requested offsets.
    pub fn map(&self, span: Span) -> Span {
        self.0.as_ref().map_or(span, |c| c.to_chars(span))
    }
}

impl Renderer<'_> {
    /// The bytes written for one article (ending in a newline).
    pub fn render(&self, id: &str, text: &str) -> Vec<u8> {
        // JSON records of news text run about three times its size (sentences, spans, quotes)
        let mut out = Vec::with_capacity(text.len() * 3 + 4096);
        let spans = SpanMap::new(text, self.offsets);
        if let Shape::Csv(table) = self.shape {
            table.write_rows(&mut out, self.extractor, id, text, &spans);
            return out;
        }
        match self.mode {
            Mode::Extract => self.json(&mut out, &self.extractor.extract_with_id(id, text), &spans),
            Mode::Sentences => self.json(
                &mut out,
                &SentencesOut {
                    id,
                    sentences: self.extractor.segment(text),
                },
                &spans,
            ),
            Mode::Numbers => self.json(
                &mut out,
                &NumbersOut {
                    id,
                    numbers: newsfacts::numbers::find(text),
                },
                &spans,
            ),
        }
        out.push(b'\n');
        out
    }

    /// Serialize `value` straight to bytes, or through a JSON tree when spans must be
    /// rewritten to chars.
    fn json<T: Serialize>(&self, out: &mut Vec<u8>, value: &T, spans: &SpanMap) {
        let pretty = self.shape == Shape::Pretty;
        // Serializing records to a Vec cannot fail: keys are strings and numbers are finite
        // or written as null by serde_json.
        let _ = match &spans.0 {
            None if pretty => serde_json::to_writer_pretty(&mut *out, value),
            None => serde_json::to_writer(&mut *out, value),
            Some(chars) => {
                let mut tree = serde_json::to_value(value).unwrap_or_default();
                rewrite_spans(&mut tree, chars);
                if pretty {
                    serde_json::to_writer_pretty(&mut *out, &tree)
                } else {
                    serde_json::to_writer(&mut *out, &tree)
                }
            }
        };
    }
}

/// Rewrite every span object (`{"start", "end"}` and nothing else) from byte to char offsets.
fn rewrite_spans(value: &mut serde_json::Value, chars: &CharOffsets) {
    match value {
        serde_json::Value::Object(map) => {
            if map.len() == 2 {
                if let (Some(s), Some(e)) = (
                    map.get("start").and_then(serde_json::Value::as_u64),
                    map.get("end").and_then(serde_json::Value::as_u64),
                ) {
                    let span = chars.to_chars(Span::new(s as usize, e as usize));
                    map.insert("start".into(), span.start.into());
                    map.insert("end".into(), span.end.into());
                    return;
                }
            }
            map.values_mut().for_each(|v| rewrite_spans(v, chars));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| rewrite_spans(v, chars)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_rewrite_nested_spans_only() {
        let text = "“Ja,” sagte er.";
        let mut v = serde_json::json!({
            "span": {"start": 0, "end": text.len()},
            "start": 99,
            "list": [{"span": {"start": 3, "end": 5}}]
        });
        rewrite_spans(&mut v, &CharOffsets::new(text));
        assert_eq!(v["span"]["end"], text.chars().count());
        assert_eq!(v["start"], 99);
        assert_eq!(v["list"][0]["span"]["start"], 1);
    }
}
