//! The typed output records: exactly the JSON of `SCHEMA.md` (the output contract).
//!
//! Every record that comes from the text carries a [`Span`] of UTF-8 byte offsets into the
//! original input. Fields named `agency` / `official` hold the `id` of the record they refer to.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Version of the JSON output contract; bumped on renames and removals, not on additions.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    /// Version of the output contract.
    pub schema_version: u32,
    /// The article's id (file stem, JSONL `id`, or `"stdin"`); empty when the caller gave none.
    pub id: String,
    /// The title line, when the first line reads as one.
    pub headline: Option<Headline>,
    /// Body sentences in text order (the headline, when present, comes first).
    pub sentences: Vec<Sentence>,
    /// Page furniture recognised and excluded from the body.
    pub boilerplate: Vec<Boilerplate>,
    /// Public bodies, one record per body with all its mentions.
    pub agencies: Vec<Agency>,
    /// Named people with a stated role.
    pub officials: Vec<Official>,
    /// Numbers that count a countable noun.
    pub counts: Vec<Count>,
    /// Quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// Who did what to whom.
    pub actions: Vec<Action>,
}

/// The article's title line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Headline {
    pub text: String,
    pub span: Span,
}

/// One sentence of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sentence {
    /// The sentence as it stands in the original text.
    pub text: String,
    pub span: Span,
    /// Index of the paragraph the sentence belongs to (the headline is paragraph 0).
    pub paragraph: usize,
}

/// What kind of page furniture a boilerplate line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// "Updated 2:17 p.m.", "Published March 3, 2024".
    Timestamp,
    /// "Tags Gina Raimondo Ron Wyden".
    Tags,
    /// "Copyright 2024 Nexstar Media Inc. All rights reserved."
    Copyright,
    /// "Most Popular", "Load more", "See all Video", widget slots.
    Navigation,
    /// "Subscribe to our newsletter", "Sign up for ...".
    Subscribe,
    /// "By Jane Doe", "Jane Doe, Associated Press".
    Byline,
    /// "WASHINGTON (AP) —": recognised, but kept in its sentence.
    Dateline,
    /// Photo credits and captions ("Photo: Getty Images").
    Caption,
    /// "Share this article", "Follow us on Twitter".
    Social,
    /// A line with no letters (whitespace, symbols).
    Blank,
}

/// A recognised piece of page furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Boilerplate {
    pub text: String,
    pub span: Span,
    pub kind: BoilerplateKind,
}

/// Where an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mention {
    pub text: String,
    pub span: Span,
    /// Index into `Article::sentences`.
    pub sentence: usize,
}

/// A public body: department, agency, legislature, court, military, administration...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agency {
    /// Stable id within the article (`agency-1`, ...), referred to by other records.
    pub id: String,
    /// Canonical full name ("Department of Commerce").
    pub name: String,
    /// Acronym when known ("SEC").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Every mention in text order.
    pub mentions: Vec<Mention>,
    /// The rule that found it (`gazetteer`, `pattern:department-of`, ...).
    pub rule: String,
}

/// A named person with a stated role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Official {
    /// Stable id within the article (`official-1`, ...).
    pub id: String,
    /// Full name as first given ("Gina Raimondo").
    pub name: String,
    /// The role phrase as written, the most specific one ("Commerce Secretary").
    pub title: Option<String>,
    /// Id of the agency record the title belongs to.
    pub agency: Option<String>,
    /// Organisation the role belongs to when it is not an agency record ("Wells Fargo").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// Party letter or name as stated ("D", "R", "Labour").
    pub party: Option<String>,
    /// State as written ("Ore.").
    pub state: Option<String>,
    /// Every mention in text order.
    pub mentions: Vec<Mention>,
    /// The rule that found the role (`title-before`, `appositive`, ...).
    pub rule: String,
}

/// A number that counts a countable noun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    /// The number (integral values serialize as integers).
    pub value: Value,
    /// The counted noun as written ("entities"); borrowed for elliptical counts.
    pub noun: String,
    /// The phrase from number to noun ("34 Chinese entities").
    pub text: String,
    pub span: Span,
    pub sentence: usize,
    /// "more than", "about", "nearly", "at least", "up to", "some", "dozens".
    pub approximate: bool,
    /// A place or group the count is qualified by ("Georgia" in "three entities in Georgia").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Index (into `Article::counts`) of a larger total this count breaks down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    /// The rule that found it.
    pub rule: String,
}

/// A numeric value that serializes as an integer when it is integral.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Value(pub f64);

impl Value {
    /// The value as `f64`.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value(v)
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        f64::deserialize(d).map(Value)
    }
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Speaker {
    /// Resolved full name (person or body), or the description when unnamed.
    pub name: String,
    /// Id of the official record, when the speaker is one.
    pub official: Option<String>,
    /// Id of the agency record, when the speaker is one.
    pub agency: Option<String>,
    /// The mention the attribution rests on (a name, a title, or a pronoun).
    pub text: String,
    pub span: Span,
}

/// A quotation that reports speech or writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// Content without the enclosing quotation marks.
    pub text: String,
    pub span: Span,
    /// Sentence in which the quote starts.
    pub sentence: usize,
    pub speaker: Option<Speaker>,
    /// The lemma of the speech verb ("say", "tell", "according to").
    pub cue: Option<String>,
    /// The attribution rule that decided the speaker (`said-after`, `pronoun`, ...).
    pub rule: String,
    /// True for a quote woven into a clause ("accused them of “actively supporting” ...").
    #[serde(default)]
    pub partial: bool,
    /// Index (into `Article::quotes`) of the earlier quote this one continues: the same
    /// speaker's words broken by "he said" or carried into the next sentence or paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<usize>,
}

/// A piece of text with its span (the target or object of an action).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Phrase {
    pub text: String,
    pub span: Span,
}

/// The one who acts, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Actor {
    /// Resolved name (agency canonical name, person's full name, organisation, country).
    pub name: String,
    pub agency: Option<String>,
    pub official: Option<String>,
    /// The mention the actor rests on (may be a pronoun).
    pub text: String,
    pub span: Span,
}

/// Who did what to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Action {
    /// Verb lemma ("impose").
    pub verb: String,
    /// Kind of act from the verb lexicon ("sanction", "legislate", ...).
    pub kind: String,
    /// The clause the act is read from.
    pub text: String,
    pub span: Span,
    pub sentence: usize,
    pub actor: Option<Actor>,
    /// The affected party.
    pub target: Option<Phrase>,
    /// The measure ("sanctions", "export restrictions").
    pub object: Option<Phrase>,
    /// Index into `Article::counts` of the count inside the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// True when the act is reported as not happening ("did not sanction").
    pub negated: bool,
    /// The rule that found it (`active`, `reported`, `passive-by`, ...).
    pub rule: String,
}

/// What a number mention is, so that only real counts become [`Count`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A plain cardinal ("34", "eleven", "1.5 million").
    Cardinal,
    /// "first", "3rd".
    Ordinal,
    /// "half", "two-thirds".
    Fraction,
    Year,
    Date,
    Time,
    Money,
    Percent,
    Age,
    /// Phone, section, page, rank or other identifier numbers.
    Identifier,
    /// A number inside a name ("G20", "COVID-19", "9/11").
    Name,
    /// A measurement with a unit ("5 miles", "3 kg").
    Measure,
    /// A score or ratio ("3-1").
    Score,
}

/// A number mention with its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NumberMention {
    pub text: String,
    pub span: Span,
    pub value: Value,
    pub kind: NumberKind,
    /// "dozens", "a couple of", "hundreds": not an exact figure.
    pub approximate: bool,
}
