//! The parameters of a `Bearer` challenge (RFC 6750 §3) and its error codes (§3.1).

use std::fmt;
use std::hash::{Hash, Hasher};

use super::parse::is_uri_char;
use super::{Challenge, Diagnostic};
use crate::visible;

pub(super) const SPEC_BEARER: &str = "RFC 6750 §3";

/// A scope-token character (RFC 6750 §3: `%x21 / %x23-5B / %x5D-7E`).
pub(super) fn is_scope_char(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5b | 0x5d..=0x7e)
}

/// A character of `error` and `error_description` (RFC 6750 §3: `%x20-21 / %x23-5B /
/// %x5D-7E`).
pub(super) fn is_error_char(b: u8) -> bool {
    b == b' ' || is_scope_char(b)
}

/// An error code of a Bearer challenge (RFC 6750 §3.1; other specifications register more,
/// such as RFC 9449's `use_dpop_nonce`). Codes compare by their text.
#[derive(Debug, Clone, Eq)]
#[non_exhaustive]
pub enum BearerError {
    /// `invalid_request`: a malformed request (status 400).
    InvalidRequest,
    /// `invalid_token`: the token is expired, revoked, malformed or otherwise invalid (401).
    InvalidToken,
    /// `insufficient_scope`: the token lacks a scope the request needs (403; the challenge
    /// may carry `scope`).
    InsufficientScope,
    /// Any other code, as sent.
    Other(Box<str>),
}

impl BearerError {
    /// The code `code` stands for.
    #[must_use]
    pub fn new(code: &str) -> Self {
        match code {
            "invalid_request" => Self::InvalidRequest,
            "invalid_token" => Self::InvalidToken,
            "insufficient_scope" => Self::InsufficientScope,
            other => Self::Other(other.into()),
        }
    }

    /// The code as sent.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidToken => "invalid_token",
            Self::InsufficientScope => "insufficient_scope",
            Self::Other(code) => code,
        }
    }

    /// The status RFC 6750 §3.1 says the response SHOULD have (CH-B-7); `None` for a code it
    /// does not define.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::InvalidRequest => Some(400),
            Self::InvalidToken => Some(401),
            Self::InsufficientScope => Some(403),
            Self::Other(_) => None,
        }
    }
}

impl PartialEq for BearerError {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Hash for BearerError {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for BearerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The RFC 6750 §3 parameters of a challenge (`Bearer`, or another scheme that shares them,
/// such as `DPoP`), with warnings for values RFC 6750 does not allow.
///
/// ```
/// use oidc_discovery_validate::challenge::{self, BearerError};
///
/// let parsed = challenge::parse([
///     r#"Bearer error="insufficient_scope", scope="files:read files:write""#,
/// ]);
/// let bearer = parsed.bearer_params().unwrap();
/// assert_eq!(bearer.error(), Some(BearerError::InsufficientScope));
/// assert_eq!(bearer.error().unwrap().status(), Some(403));
/// assert_eq!(bearer.scopes(), ["files:read", "files:write"]);
/// assert!(bearer.warnings().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BearerParams<'a> {
    challenge: &'a Challenge,
    warnings: Vec<Diagnostic>,
}

impl<'a> BearerParams<'a> {
    /// Reads the parameters of `challenge` (any scheme).
    #[must_use]
    pub fn new(challenge: &'a Challenge) -> Self {
        let mut warnings = Vec::new();
        if challenge.params().is_empty() {
            warnings.push(Diagnostic::new(
                "CH-B-2",
                SPEC_BEARER,
                challenge.at,
                format!(
                    "the {} challenge has no parameters; RFC 6750 wants at least one (a client \
                     learns no metadata URL from it)",
                    challenge.scheme
                ),
            ));
        }
        if let Some(scope) = challenge.param("scope") {
            let value = scope.value_bytes();
            let spaced = value.first() == Some(&b' ')
                || value.last() == Some(&b' ')
                || value.windows(2).any(|pair| pair == b"  ");
            if value.is_empty() || spaced || !value.iter().all(|&b| b == b' ' || is_scope_char(b)) {
                warnings.push(Diagnostic::new(
                    "CH-B-5",
                    SPEC_BEARER,
                    scope.at,
                    format!(
                        "scope \"{}\" is not a list of scope tokens separated by single spaces; \
                         it is read as {} tokens split on spaces",
                        visible(scope.value()),
                        scope.value().split(' ').filter(|s| !s.is_empty()).count()
                    ),
                ));
            }
        }
        for name in ["error", "error_description"] {
            if let Some(param) = challenge.param(name) {
                let value = param.value_bytes();
                if value.is_empty() || !value.iter().copied().all(is_error_char) {
                    warnings.push(Diagnostic::new(
                        "CH-B-6",
                        SPEC_BEARER,
                        param.at,
                        format!(
                            "{name} \"{}\" holds characters RFC 6750 does not allow there (only \
                             printable ASCII without '\"' and '\\')",
                            visible(param.value())
                        ),
                    ));
                }
            }
        }
        if let Some(param) = challenge.param("error_uri") {
            let value = param.value_bytes();
            if value.is_empty() || !value.iter().copied().all(is_uri_char) {
                warnings.push(Diagnostic::new(
                    "CH-B-6",
                    SPEC_BEARER,
                    param.at,
                    format!(
                        "error_uri \"{}\" is not a URI reference",
                        visible(param.value())
                    ),
                ));
            }
        }
        Self {
            challenge,
            warnings,
        }
    }

    /// The challenge read.
    #[must_use]
    pub fn challenge(&self) -> &'a Challenge {
        self.challenge
    }

    /// `realm`.
    #[must_use]
    pub fn realm(&self) -> Option<&'a str> {
        self.challenge.param_value("realm")
    }

    /// `scope` as sent.
    #[must_use]
    pub fn scope(&self) -> Option<&'a str> {
        self.challenge.param_value("scope")
    }

    /// The scope tokens of `scope`, split on one or more spaces (CH-B-5); case-sensitive, in
    /// the order sent (which carries no meaning). Empty without `scope`.
    #[must_use]
    pub fn scopes(&self) -> Vec<&'a str> {
        self.scope()
            .map(|scope| scope.split(' ').filter(|token| !token.is_empty()).collect())
            .unwrap_or_default()
    }

    /// `error` (CH-B-7: [`BearerError::status`] is the status it goes with).
    #[must_use]
    pub fn error(&self) -> Option<BearerError> {
        self.challenge.param_value("error").map(BearerError::new)
    }

    /// `error_description`: for developers, not for display to end users.
    #[must_use]
    pub fn error_description(&self) -> Option<&'a str> {
        self.challenge.param_value("error_description")
    }

    /// `error_uri`, as sent.
    #[must_use]
    pub fn error_uri(&self) -> Option<&'a str> {
        self.challenge.param_value("error_uri")
    }

    /// `resource_metadata` as sent; [`Challenges::resource_metadata`](super::Challenges::resource_metadata)
    /// checks it and chooses among challenges.
    #[must_use]
    pub fn resource_metadata(&self) -> Option<&'a str> {
        self.challenge.param_value("resource_metadata")
    }

    /// Values RFC 6750 §3 does not allow: no parameter at all (CH-B-2), a malformed `scope`
    /// (CH-B-5), characters outside the sets of `error`, `error_description`, `error_uri`
    /// (CH-B-6).
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}
