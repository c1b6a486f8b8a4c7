//! The `WWW-Authenticate` challenge (RFC 9110 §11.6.1): parse what a server sent, build what a
//! server sends, and find the protected-resource metadata URL of RFC 9728 §5.1 in it.
//!
//! A protected resource answers a request without a valid token with `401` and
//! `WWW-Authenticate: Bearer resource_metadata="…"`, pointing the client at its metadata
//! document. This module is framework-free: it reads field values as bytes, one per field line,
//! and writes a header value as text.
//!
//! * [`parse`] (strict) and [`parse_with`] read every field line as one list (RFC 9110 §5.3)
//!   into [`Challenges`]: each challenge in order, or an error for that challenge alone — a
//!   malformed challenge never hides the ones after it — plus warnings. Errors and warnings are
//!   [`Diagnostic`]s naming the field line and column, the rule id of the specification
//!   inventory (`CH-6`) and the RFC section, in English.
//! * [`Challenges::resource_metadata`] picks the `resource_metadata` URL (RFC 9728 §5.1)
//!   preferring the Bearer challenge, reports conflicting values in other challenges, and
//!   returns it only as an absolute `https` URL (`http` on a loopback host is accepted with a
//!   warning, for local development).
//! * [`Challenges::bearer_params`] reads RFC 6750 §3's parameters: scopes, the error code and
//!   its status.
//! * [`BearerChallenge`] builds the value a server sends, refusing what cannot be sent.
//!
//! ```
//! use oidc_discovery_validate::challenge::{self, BearerChallenge};
//!
//! // A server builds the challenge…
//! let value = BearerChallenge::new()
//!     .resource_metadata("https://mcp.example.com/.well-known/oauth-protected-resource/mcp")?
//!     .scope(["files:read"])?
//!     .to_string();
//! assert_eq!(
//!     value,
//!     r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read""#
//! );
//!
//! // …and a client reads every field line of the 401 it got.
//! let parsed = challenge::parse([r#"Basic realm="legacy""#, value.as_str()]);
//! let found = parsed.resource_metadata()?.expect("a resource_metadata parameter");
//! assert_eq!(
//!     found.url().as_str(),
//!     "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
//! );
//! assert_eq!(parsed.bearer_params().unwrap().scopes(), ["files:read"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Why a parser of our own
//!
//! The `http-auth` crate (0.1.10, the latest release, August 2024; MIT or Apache-2.0; MSRV
//! 1.70; `memchr` its only dependency without default features) has a careful challenge parser,
//! and a kept parser would have been preferred. It does not fit RFC 9110's grammar as this
//! module needs it: it rejects `token68` by design (`Negotiate YII=, Bearer
//! resource_metadata="…"` is an error), it stops at the first syntax error (one malformed
//! challenge, or a malformed first field line, hides every challenge after it), it accepts a
//! repeated parameter (`Bearer realm="a", realm="b"`, which RFC 9110 §11.2 forbids), it rejects
//! `obs-text` and `HTAB` in quoted strings, and its error text quotes the input in Rust `Debug`
//! form. Of the seventeen parse vectors of the specification inventory it reads 9 and 8
//! differently, and a wrapper would have to find the challenges' boundaries itself — the
//! grammar's hard part. So this module is a small recursive-descent parser of RFC 9110 §11 and
//! §5.6, tested on those vectors, the real challenges recorded with the corpus, property tests
//! (every spelling of a generated list, arbitrary bytes, the builder's output read back) and
//! the `challenge` fuzz target.
//!
//! # Rules
//!
//! Ids are the specification inventory's. Generic HTTP: CH-1 (every field line, in order),
//! CH-2 (the list and challenge grammar), CH-3 (names case-insensitive), CH-4 (token or
//! quoted-string values), CH-5 (quoted-string escapes), CH-6 (a parameter at most once per
//! challenge: a repeated one invalidates the challenge), CH-7 (token68 or parameters, never
//! both), CH-8 (empty list elements ignored), CH-9 (only spaces after the scheme; a tab is an
//! error, a warning in [`Mode::Lenient`]), CH-13 (`realm` quoted), CH-14 ([`Limits`], no
//! control characters). Bearer: CH-B-2, CH-B-5, CH-B-6, CH-B-7. `resource_metadata`: CH-RM-3
//! (an unquoted URL: an error, a warning in [`Mode::Lenient`]), CH-RM-4, CH-RM-5.

mod bearer;
mod build;
mod parse;

use std::fmt;

pub use bearer::{BearerError, BearerParams};
pub use build::{BearerChallenge, BuildError};

/// How strictly [`parse_with`] reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// RFC 9110's grammar exactly.
    #[default]
    Strict,
    /// Accepts two deviations seen in real servers, each with a warning: an unquoted URL as a
    /// parameter value, read up to the next comma (CH-RM-3), and a tab between the scheme and
    /// its first parameter (CH-9).
    Lenient,
}

/// Bounds on the work one header costs (CH-14). What lies beyond a bound is not read and
/// gets an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Field lines read; the later ones are refused.
    pub max_lines: usize,
    /// Bytes of all field lines together; the line that crosses it and those after it are
    /// refused.
    pub max_length: usize,
    /// Challenges read; the rest of the field is refused.
    pub max_challenges: usize,
    /// Parameters of one challenge; a challenge with more is invalid.
    pub max_params: usize,
}

impl Default for Limits {
    /// 16 field lines, 8 KiB, 16 challenges, 32 parameters per challenge: far beyond any real
    /// challenge, within what HTTP servers accept as a header section.
    fn default() -> Self {
        Self {
            max_lines: 16,
            max_length: 8192,
            max_challenges: 16,
            max_params: 32,
        }
    }
}

/// The options of [`parse_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Strict (the default) or lenient.
    pub mode: Mode,
    /// The bounds.
    pub limits: Limits,
}

/// Where a diagnostic points: the 1-based field line and 1-based byte column in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
}

/// An error or a warning about a challenge: where, which rule, and why, in English.
///
/// `Display` writes all of it:
/// `WWW-Authenticate field line 1, column 8: … (CH-6, RFC 9110 §11.2)`. Parts of the header
/// quoted in the message have their control characters escaped
/// ([`visible`](crate::visible)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    rule: &'static str,
    spec: &'static str,
    at: Position,
    message: String,
}

impl Diagnostic {
    fn new(rule: &'static str, spec: &'static str, at: Position, message: String) -> Self {
        Self {
            rule,
            spec,
            at,
            message,
        }
    }

    /// The rule's id in the specification inventory (`CH-6`, `CH-RM-4`).
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule
    }

    /// The specification and section (`RFC 9110 §11.2`).
    #[must_use]
    pub fn spec(&self) -> &'static str {
        self.spec
    }

    /// The field line (1-based, in the order given).
    #[must_use]
    pub fn line(&self) -> usize {
        self.at.line
    }

    /// The byte column in the field line (1-based).
    #[must_use]
    pub fn column(&self) -> usize {
        self.at.column
    }

    /// What is wrong, without the place and the rule.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WWW-Authenticate field line {}, column {}: {} ({}, {})",
            self.at.line, self.at.column, self.message, self.rule, self.spec
        )
    }
}

impl std::error::Error for Diagnostic {}

/// One auth-param (RFC 9110 §11.2): a name and its value, with quoted-pairs resolved.
/// Parameters compare by name, value and form, not by where they were read.
#[derive(Debug, Clone)]
pub struct Param {
    name: String,
    value: String,
    /// The value's octets, when they are not UTF-8 (`obs-text`, RFC 9110 §5.5).
    octets: Option<Box<[u8]>>,
    quoted: bool,
    at: Position,
}

impl Param {
    /// The name as sent (compare it with [`str::eq_ignore_ascii_case`], CH-3).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the name is `name`, ignoring ASCII case (CH-3).
    #[must_use]
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value, quoted-pairs resolved (`\"` is `"`). Octets that are not UTF-8 (`obs-text`)
    /// appear as U+FFFD; [`value_bytes`](Self::value_bytes) has them as sent.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The value's octets, quoted-pairs resolved.
    #[must_use]
    pub fn value_bytes(&self) -> &[u8] {
        self.octets.as_deref().unwrap_or(self.value.as_bytes())
    }

    /// Whether the value was a quoted-string (rather than a token).
    #[must_use]
    pub fn was_quoted(&self) -> bool {
        self.quoted
    }
}

/// What follows a challenge's scheme (RFC 9110 §11.3): one token68, or a list of parameters
/// (empty for a bare scheme).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A token68 (`Negotiate YII=`).
    Token68(String),
    /// Parameters, in the order sent, names distinct (CH-6).
    Params(Vec<Param>),
}

/// One valid challenge. Challenges compare by scheme and body, not by where they were read.
///
/// `Display` writes it as a field value: the scheme, then its token68, or its parameters as
/// `name="value"` with `"` and `\` escaped (RFC 9110 §5.6.4), whatever form they were read in.
///
/// ```
/// use oidc_discovery_validate::challenge;
///
/// let parsed = challenge::parse(["bearer  realm = OAuth ,, scope=\"a \\\"b\\\"\""]);
/// let bearer = parsed.challenges().next().unwrap();
/// assert_eq!(bearer.to_string(), r#"bearer realm="OAuth", scope="a \"b\"""#);
/// ```
#[derive(Debug, Clone)]
pub struct Challenge {
    scheme: String,
    body: Body,
    at: Position,
}

impl PartialEq for Param {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.value_bytes() == other.value_bytes()
            && self.quoted == other.quoted
    }
}

impl Eq for Param {}

impl PartialEq for Challenge {
    fn eq(&self, other: &Self) -> bool {
        self.scheme == other.scheme && self.body == other.body
    }
}

impl Eq for Challenge {}

/// Writes `value` as a quoted-string, escaping `"` and `\` only (RFC 9110 §5.6.4).
fn write_quoted(out: &mut impl fmt::Write, value: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.write_char('\\')?;
        }
        out.write_char(c)?;
    }
    out.write_char('"')
}

/// Writes a challenge: `scheme`, then ` name="value"` pairs separated by `, `.
fn write_challenge<'a>(
    out: &mut impl fmt::Write,
    scheme: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> fmt::Result {
    out.write_str(scheme)?;
    for (index, (name, value)) in params.into_iter().enumerate() {
        out.write_str(if index == 0 { " " } else { ", " })?;
        out.write_str(name)?;
        out.write_char('=')?;
        write_quoted(out, value)?;
    }
    Ok(())
}

impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.body {
            Body::Token68(token) => write!(f, "{} {token}", self.scheme),
            Body::Params(params) => write_challenge(
                f,
                &self.scheme,
                params.iter().map(|param| (param.name(), param.value())),
            ),
        }
    }
}

impl Challenge {
    /// The scheme as sent (`Bearer`, `bearer`).
    #[must_use]
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Whether the scheme is `scheme`, ignoring ASCII case (CH-3).
    #[must_use]
    pub fn is_scheme(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }

    /// The token68 or the parameters.
    #[must_use]
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// The parameters (none for a token68).
    #[must_use]
    pub fn params(&self) -> &[Param] {
        match &self.body {
            Body::Params(params) => params,
            Body::Token68(_) => &[],
        }
    }

    /// The token68, if the challenge has one.
    #[must_use]
    pub fn token68(&self) -> Option<&str> {
        match &self.body {
            Body::Token68(token) => Some(token),
            Body::Params(_) => None,
        }
    }

    /// The parameter named `name`, ignoring ASCII case (CH-3). Names are matched whole, at
    /// parameter positions only (CH-10).
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params().iter().find(|param| param.is(name))
    }

    /// The value of the parameter named `name`.
    #[must_use]
    pub fn param_value(&self, name: &str) -> Option<&str> {
        self.param(name).map(Param::value)
    }
}

/// Everything one `WWW-Authenticate` field (all its lines) holds: each challenge, or the error
/// that invalidates it, in order; and the warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Challenges {
    entries: Vec<Result<Challenge, Diagnostic>>,
    warnings: Vec<Diagnostic>,
}

impl Challenges {
    /// Each challenge in order: a valid one, or the error that invalidated it (also a refused
    /// field line or the rest of a field beyond a [limit](Limits)).
    pub fn entries(&self) -> &[Result<Challenge, Diagnostic>] {
        &self.entries
    }

    /// The valid challenges, in order.
    pub fn challenges(&self) -> impl Iterator<Item = &Challenge> {
        self.entries.iter().filter_map(|entry| entry.as_ref().ok())
    }

    /// The errors, in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.entries.iter().filter_map(|entry| entry.as_ref().err())
    }

    /// What was accepted with a warning: a `realm` token (CH-13), and in [`Mode::Lenient`] an
    /// unquoted URL (CH-RM-3) or a tab after the scheme (CH-9).
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Whether there is no challenge at all, valid or not (CH-11: a 401 needs one).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The first valid challenge of `scheme` (ignoring ASCII case).
    #[must_use]
    pub fn find(&self, scheme: &str) -> Option<&Challenge> {
        self.challenges()
            .find(|challenge| challenge.is_scheme(scheme))
    }

    /// The parameters of the first valid `Bearer` challenge (RFC 6750 §3).
    #[must_use]
    pub fn bearer_params(&self) -> Option<BearerParams<'_>> {
        self.find("Bearer").map(BearerParams::new)
    }

    /// The protected-resource metadata URL (RFC 9728 §5.1), preferring the `Bearer` challenge:
    /// [`resource_metadata_for("Bearer")`](Self::resource_metadata_for).
    ///
    /// # Errors
    ///
    /// The chosen value is not an absolute `https` URL (CH-RM-4).
    pub fn resource_metadata(&self) -> Result<Option<ResourceMetadataUrl>, Diagnostic> {
        self.resource_metadata_for("Bearer")
    }

    /// The protected-resource metadata URL (RFC 9728 §5.1) for a client that will use `scheme`
    /// (`Bearer`, or `DPoP`), CH-RM-5: the `resource_metadata` of the first valid challenge of
    /// that scheme, else of the first valid challenge that has one; a different value in
    /// another challenge is reported as a warning of the result. `Ok(None)` when no valid
    /// challenge has the parameter: the client falls back to the well-known URLs.
    ///
    /// The URL must be absolute and `https` (RFC 9728 §5.1, §7.1); `http` on a loopback host
    /// (`localhost`, `127.0.0.0/8`, `[::1]`) is accepted with a warning, as the validator's
    /// `http-loopback` rule does for local development.
    ///
    /// ```
    /// use oidc_discovery_validate::challenge;
    ///
    /// let parsed = challenge::parse([
    ///     r#"DPoP algs="ES256", resource_metadata="https://a.example/.well-known/oauth-protected-resource""#,
    ///     r#"Bearer resource_metadata="/.well-known/oauth-protected-resource""#,
    /// ]);
    /// let error = parsed.resource_metadata().unwrap_err();
    /// assert_eq!(error.rule(), "CH-RM-4"); // relative
    /// let dpop = parsed.resource_metadata_for("DPoP").unwrap().unwrap();
    /// assert_eq!(dpop.url().host_str(), Some("a.example"));
    /// assert_eq!(dpop.warnings()[0].rule(), "CH-RM-5"); // the Bearer challenge disagrees
    /// ```
    ///
    /// # Errors
    ///
    /// The chosen value is not an absolute `https` URL (CH-RM-4).
    pub fn resource_metadata_for(
        &self,
        scheme: &str,
    ) -> Result<Option<ResourceMetadataUrl>, Diagnostic> {
        let mut candidates = self.challenges().filter_map(|challenge| {
            challenge
                .param("resource_metadata")
                .map(|param| (challenge, param))
        });
        let Some(first) = candidates.next() else {
            return Ok(None);
        };
        let all: Vec<(&Challenge, &Param)> = std::iter::once(first).chain(candidates).collect();
        let (challenge, chosen) = all
            .iter()
            .copied()
            .find(|(challenge, _)| challenge.is_scheme(scheme))
            .unwrap_or(first);
        let mut warnings: Vec<Diagnostic> = all
            .iter()
            .filter(|(_, param)| param.value_bytes() != chosen.value_bytes())
            .map(|(other, param)| {
                Diagnostic::new(
                    "CH-RM-5",
                    "RFC 9728 §5.4",
                    param.at,
                    format!(
                        "the {} challenge names another resource_metadata (\"{}\") than the {} \
                         challenge used (\"{}\"); the server's challenges disagree",
                        other.scheme,
                        crate::visible(&param.value),
                        challenge.scheme,
                        crate::visible(&chosen.value),
                    ),
                )
            })
            .collect();
        let url = metadata_url(chosen, &mut warnings)?;
        Ok(Some(ResourceMetadataUrl {
            url,
            scheme: challenge.scheme.clone(),
            warnings,
        }))
    }
}

/// Whether `value` is a URL a challenge may point at (CH-RM-4): the URL and whether it is
/// `http` on a loopback host (accepted, with a warning when read), or why not. The one
/// judgment of the parser's [`Challenges::resource_metadata`] and of the builder's
/// [`BearerChallenge::resource_metadata`].
fn judge_metadata_url(value: &str) -> Result<(url::Url, bool), String> {
    let parsed = url::Url::parse(value).map_err(|error| {
        format!(
            "resource_metadata \"{}\" is not an absolute URL ({error}); it must be the https URL \
             of the metadata document",
            crate::visible(value)
        )
    })?;
    match parsed.scheme() {
        "https" => Ok((parsed, false)),
        "http" if crate::checks::urls::is_loopback(&parsed) => Ok((parsed, true)),
        _ => Err(format!(
            "resource_metadata \"{}\" does not use https; the metadata document must be fetched \
             over TLS",
            crate::visible(value)
        )),
    }
}

const METADATA_URL_SPEC: &str = "RFC 9728 §5.1, §7.1";

/// The URL of a chosen `resource_metadata` parameter, or why it cannot be used.
fn metadata_url(param: &Param, warnings: &mut Vec<Diagnostic>) -> Result<url::Url, Diagnostic> {
    let (url, loopback) = judge_metadata_url(&param.value)
        .map_err(|message| Diagnostic::new("CH-RM-4", METADATA_URL_SPEC, param.at, message))?;
    if loopback {
        warnings.push(Diagnostic::new(
            "CH-RM-4",
            METADATA_URL_SPEC,
            param.at,
            format!(
                "resource_metadata \"{}\" {}",
                crate::visible(&param.value),
                crate::checks::urls::loopback_verdict(crate::Severity::Warning)
            ),
        ));
    }
    Ok(url)
}

/// A `resource_metadata` URL found by [`Challenges::resource_metadata`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceMetadataUrl {
    url: url::Url,
    scheme: String,
    warnings: Vec<Diagnostic>,
}

impl ResourceMetadataUrl {
    /// The URL (absolute; `https`, or `http` on a loopback host).
    #[must_use]
    pub fn url(&self) -> &url::Url {
        &self.url
    }

    /// The scheme of the challenge it came from, as sent.
    #[must_use]
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Conflicting values in other challenges (CH-RM-5), `http` on a loopback host (CH-RM-4).
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}

/// Parses every line of a `WWW-Authenticate` field strictly, with the default [`Limits`]:
/// [`parse_with`] and [`ParseOptions::default`].
///
/// ```
/// use oidc_discovery_validate::challenge::{self, Body};
///
/// let parsed = challenge::parse([
///     r#"Negotiate YII=, Bearer realm="a", realm="b""#,
///     r#"Basic realm="simple""#,
/// ]);
/// let entries = parsed.entries();
/// assert_eq!(entries[0].as_ref().unwrap().body(), &Body::Token68("YII=".into()));
/// assert_eq!(entries[1].as_ref().unwrap_err().rule(), "CH-6"); // realm twice
/// assert_eq!(entries[2].as_ref().unwrap().param_value("realm"), Some("simple"));
/// ```
pub fn parse<I>(lines: I) -> Challenges
where
    I: IntoIterator,
    I::Item: AsRef<[u8]>,
{
    parse_with(lines, &ParseOptions::default())
}

/// Parses every line of a `WWW-Authenticate` (or `Proxy-Authenticate`) field as one list
/// (CH-1, RFC 9110 §5.3): the lines in order, each a field value (`&str`, `&[u8]`,
/// `http::HeaderValue`). A malformed challenge becomes an error entry and parsing goes on with
/// the next challenge; only the [limits](Limits) stop it.
///
/// ```
/// use oidc_discovery_validate::challenge::{self, Mode, ParseOptions};
///
/// let stripe = "Bearer resource_metadata=https://mcp.stripe.com/.well-known/oauth-protected-resource";
/// assert_eq!(challenge::parse([stripe]).errors().next().unwrap().rule(), "CH-RM-3");
/// let lenient = ParseOptions { mode: Mode::Lenient, ..ParseOptions::default() };
/// let parsed = challenge::parse_with([stripe], &lenient);
/// assert_eq!(parsed.warnings()[0].rule(), "CH-RM-3");
/// assert!(parsed.resource_metadata().unwrap().is_some());
/// ```
pub fn parse_with<I>(lines: I, options: &ParseOptions) -> Challenges
where
    I: IntoIterator,
    I::Item: AsRef<[u8]>,
{
    parse::parse(lines, options)
}
