//! The challenge a server sends: `Bearer` with RFC 6750 §3's parameters and RFC 9728 §5.1's
//! `resource_metadata`, every value a quoted-string.

use std::fmt;

use super::bearer::{BearerError, SPEC_BEARER, is_error_char, is_scope_char};
use super::parse::{describe, is_tchar, is_uri_char};
use super::{METADATA_URL_SPEC, judge_metadata_url, write_challenge};

/// Why [`BearerChallenge`] refused a value: the parameter, the rule of the specification
/// inventory, the specification section, and the reason in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    parameter: String,
    rule: &'static str,
    spec: &'static str,
    message: String,
}

impl BuildError {
    fn new(parameter: &str, rule: &'static str, spec: &'static str, message: String) -> Self {
        Self {
            parameter: crate::visible(parameter).into_owned(),
            rule,
            spec,
            message,
        }
    }

    /// The parameter refused (`error_description`).
    #[must_use]
    pub fn parameter(&self) -> &str {
        &self.parameter
    }

    /// The rule's id in the specification inventory (`CH-B-6`).
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule
    }

    /// The specification and section (`RFC 6750 §3`).
    #[must_use]
    pub fn spec(&self) -> &'static str {
        self.spec
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WWW-Authenticate parameter {}: {} ({}, {})",
            self.parameter, self.message, self.rule, self.spec
        )
    }
}

impl std::error::Error for BuildError {}

/// The names with their own setter.
const OWN: [&str; 6] = [
    "realm",
    "resource_metadata",
    "scope",
    "error",
    "error_description",
    "error_uri",
];

/// A `Bearer` challenge for a `WWW-Authenticate` field (RFC 6750 §3, RFC 9728 §5.1), built
/// one parameter at a time. Each setter checks its value and refuses what cannot be sent, so
/// a `BearerChallenge` always writes a valid field value: `Display` (and `to_string`) give
/// `Bearer` and the parameters set, in the order `realm`, `resource_metadata`, `scope`,
/// `error`, `error_description`, `error_uri`, then the others in the order added; every value
/// a quoted-string, only `"` and `\` escaped. Setting a parameter again replaces its value.
///
/// The value is spaces and visible US-ASCII only, so `http::HeaderValue::from_str` accepts it.
///
/// Nothing is sent that was not set: in particular no `error`, as RFC 6750 §3 asks of the
/// answer to a request that carried no token (CH-B-4). RFC 6750 §3 wants at least one
/// parameter (CH-B-2): set one.
///
/// ```
/// use oidc_discovery_validate::challenge::{BearerChallenge, BearerError};
///
/// // A request without a token.
/// let unauthenticated = BearerChallenge::new()
///     .resource_metadata("https://mcp.example.com/.well-known/oauth-protected-resource/mcp")?
///     .scope(["files:read"])?;
/// assert_eq!(
///     unauthenticated.to_string(),
///     r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read""#
/// );
///
/// // A token without the scope the request needs (status 403).
/// let step_up = unauthenticated
///     .scope(["files:read", "files:write"])?
///     .error(BearerError::InsufficientScope)?
///     .error_description("writing needs files:write")?;
/// assert!(step_up.to_string().ends_with(r#"error="insufficient_scope", error_description="writing needs files:write""#));
///
/// // What cannot be sent is refused.
/// let refused = BearerChallenge::new().error_description("say \"hi\"").unwrap_err();
/// assert_eq!(refused.rule(), "CH-B-6");
/// # Ok::<(), oidc_discovery_validate::challenge::BuildError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BearerChallenge {
    realm: Option<String>,
    resource_metadata: Option<String>,
    scope: Option<String>,
    error: Option<BearerError>,
    error_description: Option<String>,
    error_uri: Option<String>,
    others: Vec<(String, String)>,
}

impl BearerChallenge {
    /// A challenge with no parameter yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// `realm` (RFC 9110 §11.5): any text of spaces and visible US-ASCII.
    ///
    /// # Errors
    ///
    /// A control character or a character beyond US-ASCII (CH-14).
    pub fn realm(mut self, realm: &str) -> Result<Self, BuildError> {
        sendable("realm", realm)?;
        self.realm = Some(realm.to_owned());
        Ok(self)
    }

    /// `resource_metadata` (RFC 9728 §5.1): the URL of the protected resource's metadata,
    /// absolute and `https` (`http` only on a loopback host, for local development), as a
    /// client reading the challenge requires.
    ///
    /// # Errors
    ///
    /// Not an absolute `https` URL, or characters a URL does not hold (CH-RM-4).
    pub fn resource_metadata(mut self, url: &str) -> Result<Self, BuildError> {
        let parameter = "resource_metadata";
        if let Some(&bad) = url.as_bytes().iter().find(|&&b| !is_uri_char(b)) {
            return Err(BuildError::new(
                parameter,
                "CH-RM-4",
                METADATA_URL_SPEC,
                format!("{} is not a character of a URL", describe(bad)),
            ));
        }
        judge_metadata_url(url)
            .map_err(|message| BuildError::new(parameter, "CH-RM-4", METADATA_URL_SPEC, message))?;
        self.resource_metadata = Some(url.to_owned());
        Ok(self)
    }

    /// `scope` (RFC 6750 §3): the scope tokens, sent separated by single spaces.
    ///
    /// # Errors
    ///
    /// No token, an empty token, or a character outside `%x21 / %x23-5B / %x5D-7E` — a
    /// space, `"` or `\` among them (CH-B-5).
    pub fn scope<I>(mut self, scopes: I) -> Result<Self, BuildError>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut joined = String::new();
        for scope in scopes {
            let scope = scope.as_ref();
            let refuse =
                |message: String| Err(BuildError::new("scope", "CH-B-5", SPEC_BEARER, message));
            if scope.is_empty() {
                return refuse("a scope token is empty".to_owned());
            }
            if let Some(&bad) = scope.as_bytes().iter().find(|&&b| !is_scope_char(b)) {
                return refuse(format!(
                    "scope token \"{}\" holds {}; a scope token is printable ASCII without \
                     spaces, '\"' and '\\'",
                    crate::visible(scope),
                    describe(bad)
                ));
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(scope);
        }
        if joined.is_empty() {
            return Err(BuildError::new(
                "scope",
                "CH-B-5",
                SPEC_BEARER,
                "no scope token; leave scope out instead".to_owned(),
            ));
        }
        self.scope = Some(joined);
        Ok(self)
    }

    /// `error` (RFC 6750 §3.1). Send it only when the request carried a token (CH-B-4), with
    /// the status [`BearerError::status`] gives.
    ///
    /// # Errors
    ///
    /// An empty code, or a character outside `%x20-21 / %x23-5B / %x5D-7E` (CH-B-6).
    pub fn error(mut self, error: BearerError) -> Result<Self, BuildError> {
        error_text("error", error.as_str())?;
        self.error = Some(error);
        Ok(self)
    }

    /// `error_description` (RFC 6750 §3): for developers, not for end users.
    ///
    /// # Errors
    ///
    /// An empty text, or a character outside `%x20-21 / %x23-5B / %x5D-7E` — `"`, `\`,
    /// tab and everything beyond US-ASCII among them (CH-B-6).
    pub fn error_description(mut self, description: &str) -> Result<Self, BuildError> {
        error_text("error_description", description)?;
        self.error_description = Some(description.to_owned());
        Ok(self)
    }

    /// `error_uri` (RFC 6750 §3): a URI reference to a page about the error.
    ///
    /// # Errors
    ///
    /// Empty, or a character a URI reference does not hold (CH-B-6).
    pub fn error_uri(mut self, uri: &str) -> Result<Self, BuildError> {
        let bad = uri.as_bytes().iter().find(|&&b| !is_uri_char(b));
        if uri.is_empty() || bad.is_some() {
            let what = bad.map_or_else(|| "it is empty".to_owned(), |&b| describe(b));
            return Err(BuildError::new(
                "error_uri",
                "CH-B-6",
                SPEC_BEARER,
                format!("not a URI reference: {what}"),
            ));
        }
        self.error_uri = Some(uri.to_owned());
        Ok(self)
    }

    /// Another parameter (`max_age` of RFC 9470, an extension of your own), sent quoted.
    ///
    /// # Errors
    ///
    /// A name that is not a token (CH-2); one of the parameters with a setter of their own
    /// (CH-B-3); a name already added, ignoring case (CH-6); a value with a control character
    /// or a character beyond US-ASCII (CH-14).
    pub fn param(mut self, name: &str, value: &str) -> Result<Self, BuildError> {
        if name.is_empty() || !name.bytes().all(is_tchar) {
            return Err(BuildError::new(
                name,
                "CH-2",
                "RFC 9110 §11.2",
                "a parameter name is a token (letters, digits and !#$%&'*+-.^_`|~)".to_owned(),
            ));
        }
        if OWN.iter().any(|own| own.eq_ignore_ascii_case(name)) {
            return Err(BuildError::new(
                name,
                "CH-B-3",
                SPEC_BEARER,
                "this parameter has a setter of its own, which checks its value".to_owned(),
            ));
        }
        if self
            .others
            .iter()
            .any(|(other, _)| other.eq_ignore_ascii_case(name))
        {
            return Err(BuildError::new(
                name,
                "CH-6",
                "RFC 9110 §11.2",
                "added already; a parameter occurs at most once in a challenge".to_owned(),
            ));
        }
        sendable(name, value)?;
        self.others.push((name.to_owned(), value.to_owned()));
        Ok(self)
    }
}

/// Refuses what a quoted-string must not carry here: control characters (RFC 9110 §5.5), and
/// characters beyond US-ASCII, which RFC 9110 §5.5 tells senders to avoid and which
/// `http::HeaderValue::from_str` refuses.
fn sendable(parameter: &str, value: &str) -> Result<(), BuildError> {
    match value.bytes().find(|&b| !(0x20..0x7f).contains(&b)) {
        None => Ok(()),
        Some(bad) => {
            let what = if bad.is_ascii() {
                describe(bad)
            } else {
                "a character beyond US-ASCII".to_owned()
            };
            Err(BuildError::new(
                parameter,
                "CH-14",
                "RFC 9110 §5.5",
                format!("the value holds {what}; only spaces and visible US-ASCII are sent"),
            ))
        }
    }
}

/// The character set of `error` and `error_description` (CH-B-6), non-empty.
fn error_text(parameter: &str, value: &str) -> Result<(), BuildError> {
    let bad = value.bytes().find(|&b| !is_error_char(b));
    if value.is_empty() || bad.is_some() {
        let what = bad.map_or_else(|| "nothing".to_owned(), describe);
        return Err(BuildError::new(
            parameter,
            "CH-B-6",
            SPEC_BEARER,
            format!(
                "the value holds {what}; RFC 6750 allows only spaces and printable ASCII without \
                 '\"' and '\\', at least one character"
            ),
        ));
    }
    Ok(())
}

impl fmt::Display for BearerChallenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let own = [
            ("realm", self.realm.as_deref()),
            ("resource_metadata", self.resource_metadata.as_deref()),
            ("scope", self.scope.as_deref()),
            ("error", self.error.as_ref().map(BearerError::as_str)),
            ("error_description", self.error_description.as_deref()),
            ("error_uri", self.error_uri.as_deref()),
        ];
        let params = own
            .into_iter()
            .filter_map(|(name, value)| value.map(|value| (name, value)))
            .chain(
                self.others
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            );
        write_challenge(f, "Bearer", params)
    }
}
