//! Errors of parsing and serializing a metadata document.

use std::fmt;

/// Why a document could not be read at all: it is not JSON, or not a JSON object.
///
/// Anything that *is* a JSON object parses (see
/// [`ProviderMetadata`](crate::ProviderMetadata)); problems inside it are for validation.
///
/// ```
/// use oidc_discovery_metadata::{ParseErrorKind, ProviderMetadata};
///
/// let error = ProviderMetadata::from_json_str("{\n  \"issuer\": \"https://a.example\",\n}").unwrap_err();
/// assert_eq!(error.kind(), ParseErrorKind::Syntax);
/// assert_eq!((error.line(), error.column()), (3, 1));
///
/// let error = ProviderMetadata::from_json_str("[]").unwrap_err();
/// assert_eq!(error.kind(), ParseErrorKind::NotAnObject);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    line: usize,
    column: usize,
    message: String,
}

/// The kind of a [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is not valid JSON (RFC 8259), or is not UTF-8.
    Syntax,
    /// The input ends before the JSON value does.
    UnexpectedEnd,
    /// The input is valid JSON but not a JSON object (OpenID Connect Discovery 1.0 §4.2;
    /// RFC 8414 §3.2).
    NotAnObject,
}

impl ParseError {
    /// Turns serde_json's error for `input` (BOM already removed; `bom` says whether there was
    /// one) into a `ParseError`.
    pub(crate) fn from_json(error: &serde_json::Error, input: &[u8], bom: bool) -> Self {
        use serde_json::error::Category;
        let (kind, line, column, message) = match error.classify() {
            Category::Data => {
                // The top-level value is not an object. serde_json stops at its first byte, so
                // make sure the rest is JSON (strings and numbers included) before saying so.
                // This only runs on input that has already failed.
                if let Err(syntax) = serde_json::from_slice::<serde_json::Value>(input) {
                    return Self::from_json(&syntax, input, bom);
                }
                let (line, column) = first_value_position(input);
                (
                    ParseErrorKind::NotAnObject,
                    line,
                    column,
                    format!(
                        "the document is {}, not a JSON object",
                        describe_first_value(input)
                    ),
                )
            }
            category => return Self::syntax(error, category == Category::Eof, bom),
        };
        let column = if bom && line == 1 { column + 3 } else { column };
        Self {
            kind,
            line,
            column,
            message,
        }
    }

    /// A syntax error (or an unexpected end) from serde_json's error, whatever its category.
    pub(crate) fn syntax(error: &serde_json::Error, eof: bool, bom: bool) -> Self {
        let (kind, line, column, message) = {
            {
                let (line, column) = (error.line(), error.column());
                let full = error.to_string();
                let suffix = format!(" at line {line} column {column}");
                let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
                let kind = if eof {
                    ParseErrorKind::UnexpectedEnd
                } else {
                    ParseErrorKind::Syntax
                };
                (kind, line, column, message)
            }
        };
        let column = if bom && line == 1 { column + 3 } else { column };
        Self {
            kind,
            line,
            column,
            message,
        }
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The line of the problem, starting at 1.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of the problem in bytes, starting at 1 (0 when the input is empty).
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// The description of the problem, without its position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

/// Why a document could not be written: a member is set both in its typed field and in
/// [`ProviderMetadata::other`](crate::ProviderMetadata::other), which would write its name
/// twice.
#[derive(Debug, thiserror::Error)]
#[error("cannot serialize the metadata: {0}")]
pub struct SerializeError(#[from] serde_json::Error);

/// Line and byte column (1-based) of the first non-whitespace byte.
fn first_value_position(input: &[u8]) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for &byte in input {
        match byte {
            b'\n' => {
                line += 1;
                column = 1;
            }
            b' ' | b'\t' | b'\r' => column += 1,
            _ => break,
        }
    }
    (line, column)
}

/// "an array", "a string", … for the first value of a document that is valid JSON.
fn describe_first_value(input: &[u8]) -> &'static str {
    match input.iter().find(|b| !b" \t\r\n".contains(b)) {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}
