//! The extractors, one module each, run in this order by the pipeline: each reads the
//! [`Document`](crate::Document) and the records of the extractors before it.

pub(crate) mod actions;
pub(crate) mod agencies;
pub(crate) mod counts;
pub(crate) mod names;
pub(crate) mod officials;
pub(crate) mod quotes;
pub(crate) mod starts;
