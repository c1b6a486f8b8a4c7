//! Typed errors: which step of retrieval failed, with the rule id a report uses for it.

use std::time::Duration;

use oidc_discovery_signed::SignedMetadataError;
use oidc_discovery_validate::Report;
use oidc_discovery_validate::rules::{
    RETRIEVAL_CONTENT_TYPE, RETRIEVAL_INSECURE, RETRIEVAL_INTERRUPTED, RETRIEVAL_REDIRECT,
    RETRIEVAL_STATUS, RETRIEVAL_TIMEOUT, RETRIEVAL_TOO_LARGE, Rule,
};

/// Why a document could not be retrieved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The URL (or the issuer it was built from) is not usable.
    #[error("{0}")]
    InvalidUrl(String),
    /// The URL is not https and not on a loopback host.
    #[error(
        "{url} is not https; metadata must be fetched over TLS (http is allowed only on loopback hosts)"
    )]
    Insecure {
        /// The URL.
        url: String,
    },
    /// No connection could be made (DNS, refused, TLS handshake, …).
    #[error("cannot connect to {url}: {reason}")]
    Connect {
        /// The URL.
        url: String,
        /// What failed.
        reason: String,
    },
    /// The server did not answer in time.
    #[error("{url} did not answer within {after:?}")]
    Timeout {
        /// The URL.
        url: String,
        /// The limit that ran out.
        after: Duration,
    },
    /// The server redirected, and the redirect is not allowed.
    #[error("{url} redirects ({status}) to {location:?}; redirects are not followed{policy}")]
    Redirect {
        /// The URL.
        url: String,
        /// The 3xx status.
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
        /// Why not, when same-origin redirects were allowed.
        policy: &'static str,
    },
    /// The status is not 200.
    #[error("{url} answered {status}; a metadata response must be 200 OK")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
    },
    /// The `Content-Type` is not `application/json`.
    #[error("{url} answered with Content-Type {content_type:?}; it must be application/json")]
    ContentType {
        /// The URL.
        url: String,
        /// The header, if any.
        content_type: Option<String>,
    },
    /// The body is larger than the limit.
    #[error("the body of {url} is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit.
        limit: usize,
    },
    /// The body could not be read whole.
    #[error("the body of {url} could not be read whole: {reason}")]
    Interrupted {
        /// The URL.
        url: String,
        /// What failed.
        reason: String,
    },
}

impl FetchError {
    /// The registry rule this failure breaks (`retrieval-status`, …), or `None` when the tool
    /// could not do its job at all (an unusable URL, no connection).
    #[must_use]
    pub fn rule(&self) -> Option<&'static Rule> {
        Some(match self {
            Self::InvalidUrl(_) | Self::Connect { .. } => return None,
            Self::Insecure { .. } => &RETRIEVAL_INSECURE,
            Self::Timeout { .. } => &RETRIEVAL_TIMEOUT,
            Self::Redirect { .. } => &RETRIEVAL_REDIRECT,
            Self::Status { .. } => &RETRIEVAL_STATUS,
            Self::ContentType { .. } => &RETRIEVAL_CONTENT_TYPE,
            Self::TooLarge { .. } => &RETRIEVAL_TOO_LARGE,
            Self::Interrupted { .. } => &RETRIEVAL_INTERRUPTED,
        })
    }
}

/// Why discovery failed: retrieval, the document itself, or its signed metadata.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoveryError {
    /// The document could not be retrieved.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The document was retrieved but breaks rules of the profile (including an issuer
    /// mismatch, invalid JSON, or a body that is not a JSON object).
    #[error("the document at {url} breaks {} rule(s) of the {} profile", .report.count(oidc_discovery_validate::Severity::Error), .report.profile)]
    Invalid {
        /// Where it came from.
        url: String,
        /// Its report (with at least one error).
        report: Box<Report>,
    },
    /// Signed metadata is required and the document has none, or it does not verify.
    #[error("the document at {url}: {error}")]
    SignedMetadata {
        /// Where it came from.
        url: String,
        /// Why it does not verify (its [`rule`](SignedMetadataError::rule) names the rule).
        error: SignedMetadataError,
    },
}
