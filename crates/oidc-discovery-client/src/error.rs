//! Typed errors: which step of retrieval failed, with the rule id a report uses for it.

use std::fmt;
use std::time::Duration;

use oidc_discovery_signed::SignedMetadataError;
use oidc_discovery_validate::rules::{
    RETRIEVAL_CONTENT_TYPE, RETRIEVAL_INSECURE, RETRIEVAL_INTERRUPTED, RETRIEVAL_REDIRECT,
    RETRIEVAL_STATUS, RETRIEVAL_TIMEOUT, RETRIEVAL_TOO_LARGE, Rule,
};
use oidc_discovery_validate::{Problem, Profile, Report, Severity};

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
    /// The HTTP client itself could not be set up (its TLS configuration, for instance).
    #[error("cannot set up the HTTP client: {reason}")]
    Setup {
        /// What failed.
        reason: String,
    },
    /// No connection could be made (DNS, refused, TLS handshake, …).
    #[error("cannot connect to {url}: {reason}")]
    Connect {
        /// The URL.
        url: String,
        /// What failed.
        reason: String,
    },
    /// The server did not answer in time: no connection within the connect timeout, or no
    /// complete status line and headers within the total timeout.
    #[error("{url} did not answer within {}", Span(*after))]
    Timeout {
        /// The URL.
        url: String,
        /// The limit that ran out.
        after: Duration,
    },
    /// The server answered (status and headers) but the body was not complete within the
    /// total timeout: it trickled, or stalled.
    #[error(
        "{url} started answering but the body was not complete within {} ({} received)",
        Span(*after),
        Bytes(*received)
    )]
    BodyTimeout {
        /// The URL.
        url: String,
        /// The limit that ran out.
        after: Duration,
        /// The body bytes received before it ran out.
        received: usize,
    },
    /// The server redirected, and the redirect is not allowed.
    #[error(
        "{url} redirects ({status}) {}; redirects are not followed{policy}",
        Target(location.as_deref())
    )]
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
    /// Same-origin https redirects are allowed, and the server kept redirecting past the limit.
    #[error("{url} still redirects after {limit} redirects; at most {limit} are followed")]
    TooManyRedirects {
        /// The URL first requested.
        url: String,
        /// The most redirects followed.
        limit: usize,
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
    #[error(
        "{url} answered {}; it must be application/json",
        MediaType(content_type.as_deref())
    )]
    ContentType {
        /// The URL.
        url: String,
        /// The header, if any.
        content_type: Option<String>,
    },
    /// The body is larger than the limit.
    #[error("the body of {url} is larger than the limit of {}", Bytes(*limit))]
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
            Self::InvalidUrl(_) | Self::Setup { .. } | Self::Connect { .. } => return None,
            Self::Insecure { .. } => &RETRIEVAL_INSECURE,
            Self::Timeout { .. } | Self::BodyTimeout { .. } => &RETRIEVAL_TIMEOUT,
            Self::Redirect { .. } | Self::TooManyRedirects { .. } => &RETRIEVAL_REDIRECT,
            Self::Status { .. } => &RETRIEVAL_STATUS,
            Self::ContentType { .. } => &RETRIEVAL_CONTENT_TYPE,
            Self::TooLarge { .. } => &RETRIEVAL_TOO_LARGE,
            Self::Interrupted { .. } => &RETRIEVAL_INTERRUPTED,
        })
    }

    /// The problem a report shows for this failure under `profile`: its [`rule`](Self::rule),
    /// with the rule's severity under the profile, about the whole document (there is none),
    /// with this error's message. `None` when the failure breaks no rule: the tool could not
    /// do its job (an unusable URL, no connection), which is not something to report about a
    /// document.
    #[must_use]
    pub fn to_problem(&self, profile: Profile) -> Option<Problem> {
        Problem::new(self.rule()?, profile, "", self.to_string())
    }

    /// The report of a retrieval that failed this way under `profile`: its one
    /// [problem](Self::to_problem), or `None` when the failure breaks no rule.
    ///
    /// ```
    /// use oidc_discovery_client::FetchError;
    /// use oidc_discovery_validate::Profile;
    ///
    /// let error = FetchError::Status { url: "https://a.example/x".into(), status: 404 };
    /// let report = error.to_report(Profile::Oidc).unwrap();
    /// assert!(!report.is_valid());
    /// assert!(report.has("retrieval-status"));
    /// assert!(FetchError::InvalidUrl("no host".into()).to_report(Profile::Oidc).is_none());
    /// ```
    #[must_use]
    pub fn to_report(&self, profile: Profile) -> Option<Report> {
        self.to_problem(profile)
            .map(|problem| Report::new(profile, vec![problem]))
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
    #[error(
        "the document at {url} has {} under the {} profile",
        Errors(report.count(Severity::Error)),
        report.profile
    )]
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

/// A time limit as people write it: `30 s`, `1.5 s`, `300 ms`.
struct Span(Duration);

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let millis = self.0.as_millis();
        if millis < 1000 {
            write!(f, "{millis} ms")
        } else if millis % 1000 == 0 {
            write!(f, "{} s", millis / 1000)
        } else {
            write!(f, "{} s", self.0.as_secs_f64())
        }
    }
}

/// A number of bytes: `1 byte`, `512 bytes`, `1 MiB (1048576 bytes)`.
struct Bytes(usize);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const KIB: usize = 1024;
        const MIB: usize = 1024 * 1024;
        match self.0 {
            1 => f.write_str("1 byte"),
            n if n >= MIB && n % MIB == 0 => write!(f, "{} MiB ({n} bytes)", n / MIB),
            n if n >= KIB && n % KIB == 0 => write!(f, "{} KiB ({n} bytes)", n / KIB),
            n => write!(f, "{n} bytes"),
        }
    }
}

/// Where a redirect points: `to URL`, or `without a Location header`.
struct Target<'a>(Option<&'a str>);

impl fmt::Display for Target<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(location) => write!(f, "to {location}"),
            None => f.write_str("without a Location header"),
        }
    }
}

/// The media type a response declared: `with Content-Type text/plain`, or `without a
/// Content-Type`.
struct MediaType<'a>(Option<&'a str>);

impl fmt::Display for MediaType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some("") => f.write_str("with an empty Content-Type"),
            Some(content_type) => write!(f, "with Content-Type {content_type}"),
            None => f.write_str("without a Content-Type"),
        }
    }
}

/// `1 error`, `3 errors`.
struct Errors(usize);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 error"),
            n => write!(f, "{n} errors"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://as.example.com/.well-known/openid-configuration";

    /// The position of a variant in the enum. The match has no wildcard, so a new variant
    /// does not compile until it is given a place here, and then [`examples`] must show it.
    fn variant(error: &FetchError) -> usize {
        match error {
            FetchError::InvalidUrl(_) => 0,
            FetchError::Insecure { .. } => 1,
            FetchError::Setup { .. } => 2,
            FetchError::Connect { .. } => 3,
            FetchError::Timeout { .. } => 4,
            FetchError::BodyTimeout { .. } => 5,
            FetchError::Redirect { .. } => 6,
            FetchError::TooManyRedirects { .. } => 7,
            FetchError::Status { .. } => 8,
            FetchError::ContentType { .. } => 9,
            FetchError::TooLarge { .. } => 10,
            FetchError::Interrupted { .. } => 11,
        }
    }
    const VARIANTS: usize = 12;

    /// Every variant, with every shape of its optional parts, and the message it must give.
    fn examples() -> Vec<(FetchError, String)> {
        let url = URL.to_owned();
        vec![
            (
                FetchError::InvalidUrl("ftp://a.example has the scheme ftp".into()),
                "ftp://a.example has the scheme ftp".into(),
            ),
            (
                FetchError::Insecure {
                    url: "http://as.example.com/x".into(),
                },
                "http://as.example.com/x is not https; metadata must be fetched over TLS (http \
                 is allowed only on loopback hosts)"
                    .into(),
            ),
            (
                FetchError::Setup {
                    reason: "no TLS provider".into(),
                },
                "cannot set up the HTTP client: no TLS provider".into(),
            ),
            (
                FetchError::Connect {
                    url: url.clone(),
                    reason: "Connection refused (os error 111)".into(),
                },
                format!("cannot connect to {URL}: Connection refused (os error 111)"),
            ),
            (
                FetchError::Timeout {
                    url: url.clone(),
                    after: Duration::from_secs(30),
                },
                format!("{URL} did not answer within 30 s"),
            ),
            (
                FetchError::Timeout {
                    url: url.clone(),
                    after: Duration::from_millis(300),
                },
                format!("{URL} did not answer within 300 ms"),
            ),
            (
                FetchError::Timeout {
                    url: url.clone(),
                    after: Duration::from_millis(1500),
                },
                format!("{URL} did not answer within 1.5 s"),
            ),
            (
                FetchError::BodyTimeout {
                    url: url.clone(),
                    after: Duration::from_secs(30),
                    received: 1,
                },
                format!(
                    "{URL} started answering but the body was not complete within 30 s (1 byte \
                     received)"
                ),
            ),
            (
                FetchError::BodyTimeout {
                    url: url.clone(),
                    after: Duration::from_secs(30),
                    received: 0,
                },
                format!(
                    "{URL} started answering but the body was not complete within 30 s (0 bytes \
                     received)"
                ),
            ),
            (
                FetchError::Redirect {
                    url: url.clone(),
                    status: 301,
                    location: Some("https://b.example/".into()),
                    policy: "",
                },
                format!("{URL} redirects (301) to https://b.example/; redirects are not followed"),
            ),
            (
                FetchError::Redirect {
                    url: url.clone(),
                    status: 302,
                    location: None,
                    policy: " (only same-origin https redirects are allowed)",
                },
                format!(
                    "{URL} redirects (302) without a Location header; redirects are not followed \
                     (only same-origin https redirects are allowed)"
                ),
            ),
            (
                FetchError::TooManyRedirects {
                    url: url.clone(),
                    limit: 5,
                },
                format!("{URL} still redirects after 5 redirects; at most 5 are followed"),
            ),
            (
                FetchError::Status {
                    url: url.clone(),
                    status: 404,
                },
                format!("{URL} answered 404; a metadata response must be 200 OK"),
            ),
            (
                FetchError::ContentType {
                    url: url.clone(),
                    content_type: Some("text/plain; charset=\"utf-8\"".into()),
                },
                format!(
                    "{URL} answered with Content-Type text/plain; charset=\"utf-8\"; it must be \
                     application/json"
                ),
            ),
            (
                FetchError::ContentType {
                    url: url.clone(),
                    content_type: Some(String::new()),
                },
                format!("{URL} answered with an empty Content-Type; it must be application/json"),
            ),
            (
                FetchError::ContentType {
                    url: url.clone(),
                    content_type: None,
                },
                format!("{URL} answered without a Content-Type; it must be application/json"),
            ),
            (
                FetchError::TooLarge {
                    url: url.clone(),
                    limit: 1024 * 1024,
                },
                format!("the body of {URL} is larger than the limit of 1 MiB (1048576 bytes)"),
            ),
            (
                FetchError::TooLarge {
                    url: url.clone(),
                    limit: 1000,
                },
                format!("the body of {URL} is larger than the limit of 1000 bytes"),
            ),
            (
                FetchError::Interrupted {
                    url,
                    reason: "connection closed before message completed".into(),
                },
                format!(
                    "the body of {URL} could not be read whole: connection closed before message \
                     completed"
                ),
            ),
        ]
    }

    /// What a Rust value printed with `{:?}` looks like in a message.
    fn assert_no_programmer_text(text: &str) {
        for debug in ["Some(", "None", "\\\"", "\\\\", "{ ", "[\""] {
            assert!(!text.contains(debug), "{debug} in {text}");
        }
        // `Duration`'s `Debug`: a number and its unit without a space (`30s`, `300ms`).
        for (index, character) in text.char_indices() {
            if !character.is_ascii_digit() {
                continue;
            }
            let rest = &text[index + 1..];
            for unit in ["s", "ms", "µs", "ns"] {
                let glued = rest
                    .strip_prefix(unit)
                    .is_some_and(|after| !after.starts_with(char::is_alphanumeric));
                assert!(!glued, "a Debug duration in {text}");
            }
        }
    }

    #[test]
    fn every_failure_is_told_in_english() {
        let examples = examples();
        let mut seen = [false; VARIANTS];
        for (error, expected) in &examples {
            seen[variant(error)] = true;
            let text = error.to_string();
            assert_eq!(&text, expected);
            assert_no_programmer_text(&text);
            for profile in Profile::ALL {
                match error.to_report(profile) {
                    Some(report) => {
                        assert_eq!(report.problems.len(), 1);
                        let problem = &report.problems[0];
                        assert_eq!(problem.rule.id, error.rule().unwrap().id);
                        assert_eq!(problem.severity, Severity::Error);
                        assert_eq!(problem.pointer, "");
                        assert_eq!(&problem.message, expected);
                        // The JSON a report is written as carries the message as is.
                        let json = serde_json::to_value(problem).unwrap();
                        assert_eq!(json["message"].as_str(), Some(expected.as_str()));
                    }
                    None => assert!(error.rule().is_none(), "{error}"),
                }
            }
        }
        assert!(
            seen.iter().all(|&seen| seen),
            "a variant without an example: {seen:?}"
        );
    }

    #[test]
    fn the_checker_catches_debug_output() {
        for debug in [
            format!("{:?}", Some("text/plain")),
            format!("{:?}", None::<String>),
            format!("{:?}", Duration::from_millis(300)),
            format!("{:?}", Duration::from_secs(30)),
            format!("{:?}", "a \"quoted\" value"),
        ] {
            let caught = std::panic::catch_unwind(|| assert_no_programmer_text(&debug));
            assert!(caught.is_err(), "{debug} passes");
        }
    }

    #[test]
    fn discovery_errors_count_in_english() {
        for (errors, expected) in [(1, "1 error"), (2, "2 errors")] {
            let problems = [404, 500][..errors]
                .iter()
                .map(|&status| {
                    FetchError::Status {
                        url: URL.into(),
                        status,
                    }
                    .to_problem(Profile::Oidc)
                    .unwrap()
                })
                .collect();
            let error = DiscoveryError::Invalid {
                url: URL.into(),
                report: Box::new(Report::new(Profile::Oidc, problems)),
            };
            assert_eq!(
                error.to_string(),
                format!("the document at {URL} has {expected} under the oidc profile")
            );
        }
    }
}
