//! The crate's error type: one opaque `Error` with a `kind()` to match on.

use std::fmt;

/// What went wrong, for callers that want to react differently per cause.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid UTF-8; `valid_up_to` is the byte offset of the first bad byte.
    InvalidUtf8 { valid_up_to: usize },
    /// A JSON Lines input line is not a `{"id": ..., "text": ...}` object.
    BadJsonLine { line: usize, reason: String },
    /// A user-supplied word list line could not be parsed.
    BadLexiconEntry {
        list: String,
        line: usize,
        reason: String,
    },
    /// Reading an input failed.
    Io(String),
}

/// An error with the input it concerns (a file name, `stdin`, or a JSONL line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    input: Option<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind, input: None }
    }

    /// Attach the name of the input this error concerns.
    pub fn with_input(mut self, input: impl Into<String>) -> Error {
        self.input = Some(input.into());
        self
    }

    /// The cause.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input (file, `stdin`, JSONL line) this error concerns, when known.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }

    /// Error for bytes that are not UTF-8.
    pub fn invalid_utf8(err: &std::str::Utf8Error) -> Error {
        Error::new(ErrorKind::InvalidUtf8 {
            valid_up_to: err.valid_up_to(),
        })
    }

    /// Error for a failed read.
    pub fn io(err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err.to_string()))
    }

    /// Error for a JSON Lines line that is not an article object.
    pub fn bad_json_line(line: usize, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::BadJsonLine {
            line,
            reason: reason.into(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(input) = &self.input {
            write!(f, "{input}: ")?;
        }
        match &self.kind {
            ErrorKind::InvalidUtf8 { valid_up_to } => {
                write!(
                    f,
                    "not valid UTF-8 (first bad byte at offset {valid_up_to})"
                )
            }
            ErrorKind::BadJsonLine { line, reason } => {
                write!(
                    f,
                    "line {line}: not a {{\"id\", \"text\"}} JSON object: {reason}"
                )
            }
            ErrorKind::BadLexiconEntry { list, line, reason } => {
                write!(f, "word list {list}, line {line}: {reason}")
            }
            ErrorKind::Io(msg) => write!(f, "cannot read: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_input_and_the_cause() {
        let bad = vec![b'a', 0xff, b'b'];
        let err = std::str::from_utf8(&bad).unwrap_err();
        let e = Error::invalid_utf8(&err).with_input("junk.txt");
        assert_eq!(
            e.to_string(),
            "junk.txt: not valid UTF-8 (first bad byte at offset 1)"
        );
        assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { valid_up_to: 1 });
    }
}
