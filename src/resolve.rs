//! In-article linking: every mention of an agency or official in text order, so that later
//! stages can resolve pronouns ("he", "it"), titles ("the senator") and short forms to records.

use crate::document::Document;
use crate::record::Article;
use crate::span::Span;
use std::ops::Range;

/// Which record a mention belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityRef {
    /// Index into `Article::agencies`.
    Agency(usize),
    /// Index into `Article::officials`.
    Official(usize),
    /// Index into [`Entities::people`]: a named person with or without a stated role.
    Person(usize),
}

/// A person named in the article, with or without a role ("Donald Trump", later "Trump").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// Full name as first given.
    pub name: String,
    /// Index into `Article::officials` when the person has a stated role.
    pub official: Option<usize>,
}

/// One mention of a record, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityMention {
    pub span: Span,
    pub norm: Range<usize>,
    pub sentence: usize,
    pub entity: EntityRef,
}

/// All agency and official mentions of an article, sorted by position.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entities {
    mentions: Vec<EntityMention>,
    /// People named in the article (officials among them).
    pub people: Vec<Person>,
}

impl Entities {
    /// Index the mentions of the agency and official records in `article`.
    pub(crate) fn new(doc: &Document, article: &Article) -> Entities {
        let mut mentions = Vec::new();
        for (i, a) in article.agencies.iter().enumerate() {
            for m in &a.mentions {
                let norm = doc.to_norm(m.span);
                mentions.push(EntityMention {
                    span: m.span,
                    norm,
                    sentence: m.sentence,
                    entity: EntityRef::Agency(i),
                });
            }
        }
        for (i, o) in article.officials.iter().enumerate() {
            for m in &o.mentions {
                let norm = doc.to_norm(m.span);
                mentions.push(EntityMention {
                    span: m.span,
                    norm,
                    sentence: m.sentence,
                    entity: EntityRef::Official(i),
                });
            }
        }
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        Entities {
            mentions,
            people: Vec::new(),
        }
    }

    /// Mentions in text order.
    pub(crate) fn mentions(&self) -> &[EntityMention] {
        &self.mentions
    }

    /// Mentions that lie inside the normalized range `range`.
    pub(crate) fn within(&self, range: Range<usize>) -> impl Iterator<Item = &EntityMention> {
        let from = self
            .mentions
            .partition_point(|m| m.norm.start < range.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.norm.start < range.end)
            .filter(move |m| m.norm.end <= range.end)
    }

    /// The closest mention ending at or before normalized offset `pos` that `keep` accepts.
    pub(crate) fn last_before(
        &self,
        pos: usize,
        keep: impl Fn(&EntityMention) -> bool,
    ) -> Option<&EntityMention> {
        let upto = self.mentions.partition_point(|m| m.norm.start < pos);
        self.mentions[..upto]
            .iter()
            .rev()
            .find(|m| m.norm.end <= pos && keep(m))
    }

    /// The display name of a record.
    pub(crate) fn name<'a>(&'a self, article: &'a Article, entity: EntityRef) -> &'a str {
        match entity {
            EntityRef::Person(i) => self.people.get(i).map_or("", |p| p.name.as_str()),
            EntityRef::Agency(i) => article.agencies.get(i).map_or("", |a| a.name.as_str()),
            EntityRef::Official(i) => article.officials.get(i).map_or("", |o| o.name.as_str()),
        }
    }
}
