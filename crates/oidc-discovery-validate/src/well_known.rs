//! Well-known metadata URLs: building them from an issuer, and finding the issuer a metadata
//! URL implies.
//!
//! Two constructions exist (inventory §3.2):
//!
//! * **Appended** (OpenID Connect Discovery 1.0 §4, §4.1; WK-1): remove one terminating `/`
//!   from the issuer, then append `/.well-known/openid-configuration`
//!   ([`openid_configuration_url`]).
//! * **Inserted** (RFC 8414 §3, §3.1; WK-2, WK-5): remove one terminating `/` from the issuer's
//!   path, then insert `/.well-known/<suffix>` between the authority and the path
//!   ([`oauth_authorization_server_url`] for the default suffix, [`rfc8414_url`] for any
//!   suffix, including `openid-configuration`).
//!
//! For an issuer without a path both give the same URL (RFC 8414 §5; WK-6).
//!
//! [`locations`] is the one list of an issuer's locations: each [`Location`] with its URL, its
//! path (what a server routes on) and its [`LocationStyle`], in the order clients try them.
//! The server (`oidc-discovery-http`) serves every one of them and the client
//! (`oidc-discovery-client`) picks from it; the single builders below give the same URLs.
//!
//! | Issuer | Appended | Inserted (`oauth-authorization-server`) |
//! |---|---|---|
//! | `https://example.com` | `https://example.com/.well-known/openid-configuration` | `https://example.com/.well-known/oauth-authorization-server` |
//! | `https://example.com/issuer1/` | `https://example.com/issuer1/.well-known/openid-configuration` | `https://example.com/.well-known/oauth-authorization-server/issuer1` |
//!
//! ```
//! use oidc_discovery_validate::well_known::{self, WellKnownStyle};
//!
//! let urls = well_known::well_known_urls("https://example.com:8443/a/b")?;
//! assert_eq!(urls.openid_configuration,
//!            "https://example.com:8443/a/b/.well-known/openid-configuration");
//! assert_eq!(urls.oauth_authorization_server,
//!            "https://example.com:8443/.well-known/oauth-authorization-server/a/b");
//!
//! // And back.
//! let implied = well_known::issuer_from_metadata_url(&urls.oauth_authorization_server)?;
//! assert_eq!(implied.issuer, "https://example.com:8443/a/b");
//! assert_eq!(implied.style, WellKnownStyle::Inserted);
//! # Ok::<(), well_known::WellKnownError>(())
//! ```
//!
//! # What the builders accept
//!
//! The URL is built from the issuer's **raw text**, never from a re-serialized `url::Url`
//! (which would turn an empty path into `/`, lower-case the host and re-encode the path). The
//! scheme, host, port and path keep their exact spelling: `https://EXAMPLE.com/a%20b` stays
//! `EXAMPLE.com` and `a%20b`. The issuer is also parsed with the `url` crate, only to reject
//! what is not a URL (an invalid port or IPv6 address, for instance).
//!
//! Rejected, with a [`WellKnownError::InvalidIssuer`] that quotes the issuer and names the
//! [`UrlProblem`]; nothing panics:
//!
//! * not an absolute URL (`""`, `accounts.google.com`, `/path`), or no host (`https://`,
//!   `urn:x:y`);
//! * a query or a fragment, even an empty `?` or `#` (ISS-3);
//! * userinfo (`user:pw@host`; ISS-8, not addressed by the specs);
//! * `{` or `}` in the host or path: a URL template such as Microsoft Entra's
//!   `https://login.microsoftonline.com/{tenantid}/v2.0`, not an issuer;
//! * a path ending in `//` (the specs remove only one terminating slash; inventory §3.2 recommends
//!   rejecting);
//! * a `.` or `..` path segment (URL parsers remove them, RFC 3986 §5.2.4, so the built URL would
//!   not be fetched as written);
//! * a `.well-known` path segment (the input is most likely a metadata URL, not an issuer; see
//!   [`issuer_from_metadata_url`]);
//! * whitespace, control characters and `\`.
//!
//! **The builders and [`locations`] do not judge the scheme.** `http://localhost:8080` builds
//! like any other issuer, and so does `http://id.example.com`: whether a scheme is acceptable
//! (ISS-2, WK-3: `https`) is a validation rule with its own severity, and a client has its own
//! policy for fetching over http. [`well_known_urls`], which answers "what are the metadata
//! URLs of this issuer", does judge it: only an `https` issuer, or an `http` issuer on a
//! loopback host (`localhost`, `127.0.0.0/8`, `[::1]`), has them
//! ([`UrlProblem::InsecureScheme`] otherwise).
//!
//! Every refusal of an issuer names the registry rule the issuer breaks
//! ([`WellKnownError::rule`]), so a tool can report it like any other problem
//! ([`WellKnownError::problem`]).

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::rules::{
    ISSUER_HTTPS, ISSUER_NOT_URL, ISSUER_QUERY_FRAGMENT, ISSUER_TEMPLATE, ISSUER_WELL_KNOWN,
};
use crate::{Problem, Profile, Rule};

/// The well-known suffix of OpenID Provider metadata (OpenID Connect Discovery 1.0 §4, §8.1).
pub const OPENID_CONFIGURATION: &str = "openid-configuration";

/// The default well-known suffix of OAuth authorization server metadata (RFC 8414 §3, §7.3).
pub const OAUTH_AUTHORIZATION_SERVER: &str = "oauth-authorization-server";

/// The RFC 8615 well-known path segment.
const WELL_KNOWN: &str = ".well-known";

/// Why an issuer, a well-known suffix or a metadata URL was refused.
///
/// Every message quotes the input verbatim.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WellKnownError {
    /// The issuer cannot be turned into a well-known URL.
    #[error("issuer \"{issuer}\" {problem}")]
    InvalidIssuer {
        /// The issuer, as given.
        issuer: String,
        /// What is wrong with it.
        problem: UrlProblem,
    },
    /// The well-known suffix passed to [`rfc8414_url`] is not a single non-empty path segment.
    #[error(
        "well-known suffix \"{suffix}\" (for issuer \"{issuer}\") is not a single path segment: \
         it must be non-empty, must not be `.`, `..` or `.well-known`, and must not contain \
         `/`, `?`, `#`, `\\`, `{{`, `}}`, whitespace or control characters"
    )]
    InvalidSuffix {
        /// The issuer, as given.
        issuer: String,
        /// The suffix, as given.
        suffix: String,
    },
    /// The metadata URL given to [`issuer_from_metadata_url`] implies no issuer.
    #[error("metadata URL \"{url}\" {problem}")]
    InvalidMetadataUrl {
        /// The URL, as given.
        url: String,
        /// What is wrong with it.
        problem: UrlProblem,
    },
}

impl WellKnownError {
    /// The registry rule an issuer refused here breaks (`issuer-https`, `issuer-not-url`,
    /// `issuer-template`, `issuer-query-fragment`, `issuer-well-known`), or `None` when the
    /// refused input is not an issuer (a suffix, a metadata URL).
    ///
    /// Each of these rules is an error under every profile, and each is the one `check`
    /// reports (under the `oauth` and `oidc` profiles) for a document with that issuer.
    ///
    /// ```
    /// use oidc_discovery_validate::well_known::well_known_urls;
    ///
    /// let error = well_known_urls("ftp://example.com").unwrap_err();
    /// assert_eq!(error.rule().map(|rule| rule.id), Some("issuer-https"));
    /// ```
    #[must_use]
    pub fn rule(&self) -> Option<&'static Rule> {
        let Self::InvalidIssuer { problem, .. } = self else {
            return None;
        };
        Some(match problem {
            UrlProblem::InsecureScheme { .. } => &ISSUER_HTTPS,
            UrlProblem::Template => &ISSUER_TEMPLATE,
            UrlProblem::Query | UrlProblem::Fragment => &ISSUER_QUERY_FRAGMENT,
            UrlProblem::NotAbsolute
            | UrlProblem::InvalidCharacter { .. }
            | UrlProblem::NoHost
            | UrlProblem::Unparsable(_) => &ISSUER_NOT_URL,
            // Userinfo is only a warning as such (`issuer-userinfo`), but no well-known URL is
            // built from it; the metadata-URL problems cannot occur for an issuer.
            UrlProblem::Userinfo
            | UrlProblem::DoubleTrailingSlash
            | UrlProblem::DotSegment
            | UrlProblem::WellKnownSegment
            | UrlProblem::NoWellKnownSegment
            | UrlProblem::MultipleWellKnownSegments
            | UrlProblem::MissingSuffix
            | UrlProblem::UnrecognizedLayout
            | UrlProblem::EmptySegmentBeforeWellKnown => &ISSUER_WELL_KNOWN,
        })
    }

    /// The refusal of an issuer as a [`Problem`] (an error about the whole input, with this
    /// error's message and the [rule](Self::rule)'s citation), to be reported like the
    /// problems of a document; `None` when the refused input is not an issuer.
    #[must_use]
    pub fn problem(&self) -> Option<Problem> {
        // Each rule `rule` names is an error under every profile, so the profile chosen here
        // does not change the problem.
        Problem::new(self.rule()?, Profile::OAuth, "", self.to_string())
    }
}

/// What is wrong with an issuer or a metadata URL. Displayed as the predicate of a sentence
/// whose subject is the quoted input ("issuer \"…\" has a query component …").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlProblem {
    /// Empty, relative or without a scheme (`accounts.google.com`).
    NotAbsolute,
    /// Contains whitespace, a control character or `\`.
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its byte offset in the input.
        index: usize,
    },
    /// No `//` authority, or an empty host (`https://`, `urn:x:y`).
    NoHost,
    /// Userinfo (`user:password@`) before the host.
    Userinfo,
    /// `{` or `}` in the host or path: a URL template, such as Microsoft Entra's `{tenantid}`.
    Template,
    /// A query component, even an empty `?` (ISS-3).
    Query,
    /// A fragment component, even an empty `#` (ISS-3).
    Fragment,
    /// Rejected by the `url` crate's parser (invalid port, IPv6 address, host, …).
    Unparsable(url::ParseError),
    /// The path ends in `//`; the specs only remove one terminating slash.
    DoubleTrailingSlash,
    /// A `.` or `..` path segment (also percent-encoded), which URL parsers remove.
    DotSegment,
    /// An issuer with a `.well-known` path segment: probably a metadata URL, not an issuer.
    WellKnownSegment,
    /// A metadata URL without a `.well-known` path segment.
    NoWellKnownSegment,
    /// A metadata URL with more than one `.well-known` path segment (ambiguous).
    MultipleWellKnownSegments,
    /// A metadata URL with nothing (or an empty segment) after `/.well-known/`.
    MissingSuffix,
    /// A metadata URL whose `.well-known/<suffix>` is neither the first two path segments
    /// (inserted form) nor the last two (appended form).
    UnrecognizedLayout,
    /// A metadata URL in the appended form with an empty segment before `/.well-known/`
    /// (`https://a.example/p//.well-known/openid-configuration`): only an issuer ending in `//`
    /// would build it.
    EmptySegmentBeforeWellKnown,
    /// An issuer whose scheme is neither `https` nor `http` on a loopback host (ISS-2, WK-3;
    /// only [`well_known_urls`] judges the scheme).
    InsecureScheme {
        /// The scheme, as written.
        scheme: String,
    },
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAbsolute => {
                f.write_str("is not an absolute URL (expected `https://host[:port][/path]`)")
            }
            Self::InvalidCharacter { character, index } => write!(
                f,
                "contains {} at byte {index} (whitespace, control characters and `\\` \
                 are not allowed)",
                crate::checks::urls::describe_character(*character)
            ),
            Self::NoHost => f.write_str("has no host (expected `scheme://host[:port][/path]`)"),
            Self::Userinfo => f.write_str(
                "contains userinfo (`user:password@`), which the specs do not address for issuers",
            ),
            Self::Template => f.write_str(
                "is a URL template, not a URL: it contains `{` or `}` in its host or path \
                 (Microsoft Entra publishes `{tenantid}`; substitute the tenant first)",
            ),
            Self::Query => f.write_str(
                "has a query component (an empty `?` counts); an issuer has none \
                 (OpenID Connect Discovery 1.0 §3, RFC 8414 §2)",
            ),
            Self::Fragment => f.write_str(
                "has a fragment component (an empty `#` counts); an issuer has none \
                 (OpenID Connect Discovery 1.0 §3, RFC 8414 §2)",
            ),
            Self::Unparsable(error) => write!(f, "is not a valid URL: {error}"),
            Self::DoubleTrailingSlash => f.write_str(
                "ends in `//`; the specs remove only one terminating slash, so no well-known URL \
                 is defined for it",
            ),
            Self::DotSegment => f.write_str(
                "has a `.` or `..` path segment, which URL parsers remove (RFC 3986 §5.2.4)",
            ),
            Self::WellKnownSegment => f.write_str(
                "has a `.well-known` path segment; it looks like a metadata URL, not an issuer",
            ),
            Self::NoWellKnownSegment => f.write_str("has no `.well-known` path segment"),
            Self::MultipleWellKnownSegments => f.write_str(
                "has more than one `.well-known` path segment, so the issuer is ambiguous",
            ),
            Self::MissingSuffix => f.write_str("has no suffix after `/.well-known/`"),
            Self::UnrecognizedLayout => f.write_str(
                "is neither `<issuer>/.well-known/<suffix>` (appended) nor \
                 `<scheme>://<authority>/.well-known/<suffix><issuer path>` (inserted)",
            ),
            Self::EmptySegmentBeforeWellKnown => f.write_str(
                "has an empty path segment before `/.well-known/`; only an issuer ending in `//` \
                 would build it",
            ),
            Self::InsecureScheme { scheme } if scheme.eq_ignore_ascii_case("http") => f.write_str(
                "uses http on a host that is not a loopback host; an issuer must use https \
                 (http only on localhost, 127.0.0.0/8 or [::1], for local development)",
            ),
            Self::InsecureScheme { scheme } => write!(
                f,
                "uses the {scheme} scheme; an issuer must use https (http only on localhost, \
                 127.0.0.0/8 or [::1], for local development)"
            ),
        }
    }
}

/// The two metadata URLs of an issuer, as [`well_known_urls`] returns them.
///
/// Serialized with exactly these field names (the JSON output of `well-known --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct WellKnownUrls {
    /// The OpenID Connect Discovery 1.0 URL (appended form, [`openid_configuration_url`]).
    pub openid_configuration: String,
    /// The RFC 8414 URL with the default suffix (inserted form,
    /// [`oauth_authorization_server_url`]).
    pub oauth_authorization_server: String,
}

/// Where `/.well-known/<suffix>` sits in a metadata URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WellKnownStyle {
    /// After the issuer's path: `https://example.com/issuer1/.well-known/openid-configuration`
    /// (OpenID Connect Discovery 1.0 §4).
    Appended,
    /// Between the authority and the issuer's path:
    /// `https://example.com/.well-known/oauth-authorization-server/issuer1` (RFC 8414 §3).
    Inserted,
}

impl WellKnownStyle {
    /// `"appended"` or `"inserted"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Appended => "appended",
            Self::Inserted => "inserted",
        }
    }
}

impl fmt::Display for WellKnownStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The issuer a metadata URL implies, as [`issuer_from_metadata_url`] returns it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ImpliedIssuer {
    /// The issuer, spelled as in the URL, never with a terminating slash (both constructions
    /// remove it, so `https://example.com` and `https://example.com/` imply the same URL).
    pub issuer: String,
    /// Which construction the URL follows.
    pub style: WellKnownStyle,
    /// The segment after `/.well-known/` (`openid-configuration`, `oauth-authorization-server`,
    /// …).
    pub suffix: String,
}

/// One well-known location: which suffix, placed where, and the specification that defines it.
///
/// Each style is a suffix ([`suffix`](Self::suffix)) and a placement
/// ([`placement`](Self::placement)); [`locations`] builds every style that applies to an
/// identifier. Serialized (and displayed) as its kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LocationStyle {
    /// `/.well-known/oauth-authorization-server` inserted between the authority and the
    /// issuer's path (RFC 8414 §3; WK-2).
    OAuthAuthorizationServer,
    /// `/.well-known/openid-configuration` inserted between the authority and the issuer's
    /// path (RFC 8414 §5; WK-5): where RFC 8414 clients look for an OpenID Provider's metadata
    /// first. A location of its own only for an issuer with a path; otherwise it is the
    /// [`OpenIdConfiguration`](Self::OpenIdConfiguration) location.
    OpenIdConfigurationInserted,
    /// `/.well-known/openid-configuration` appended to the issuer (OpenID Connect Discovery
    /// 1.0 §4; WK-1).
    OpenIdConfiguration,
}

impl LocationStyle {
    /// Every style, in the order clients try the locations (see [`locations`]).
    pub const ALL: [Self; 3] = [
        Self::OAuthAuthorizationServer,
        Self::OpenIdConfigurationInserted,
        Self::OpenIdConfiguration,
    ];

    /// The well-known suffix (the path segment after `/.well-known/`).
    #[must_use]
    pub const fn suffix(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => OAUTH_AUTHORIZATION_SERVER,
            Self::OpenIdConfigurationInserted | Self::OpenIdConfiguration => OPENID_CONFIGURATION,
        }
    }

    /// Where `/.well-known/<suffix>` goes: after the identifier's path, or before it.
    #[must_use]
    pub const fn placement(self) -> WellKnownStyle {
        match self {
            Self::OpenIdConfiguration => WellKnownStyle::Appended,
            Self::OAuthAuthorizationServer | Self::OpenIdConfigurationInserted => {
                WellKnownStyle::Inserted
            }
        }
    }

    /// The specification and section that define the location.
    #[must_use]
    pub const fn spec(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => "RFC 8414 §3",
            Self::OpenIdConfigurationInserted => "RFC 8414 §5",
            Self::OpenIdConfiguration => "OpenID Connect Discovery 1.0 §4",
        }
    }

    /// `"oauth-authorization-server"`, `"openid-configuration-inserted"` or
    /// `"openid-configuration"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => "oauth-authorization-server",
            Self::OpenIdConfigurationInserted => "openid-configuration-inserted",
            Self::OpenIdConfiguration => "openid-configuration",
        }
    }
}

impl fmt::Display for LocationStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for LocationStyle {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One metadata location of an identifier, as [`locations`] returns it: the URL, the path a
/// server routes on, and the style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    url: String,
    path: Range<usize>,
    style: LocationStyle,
}

impl Location {
    /// The metadata URL, built from the identifier's exact text.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The path of [`url`](Self::url), exactly as written there (the request target a server
    /// matches, byte for byte): never empty, always starting with `/`.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.url[self.path.clone()]
    }

    /// Which location this is.
    #[must_use]
    pub fn style(&self) -> LocationStyle {
        self.style
    }

    /// The URL, owned.
    #[must_use]
    pub fn into_url(self) -> String {
        self.url
    }
}

/// Every metadata location of `issuer`, each once, in the order clients try them:
///
/// 1. [`OAuthAuthorizationServer`](LocationStyle::OAuthAuthorizationServer) (RFC 8414 §3);
/// 2. [`OpenIdConfigurationInserted`](LocationStyle::OpenIdConfigurationInserted) (RFC 8414
///    §5), only when the issuer has a path (otherwise it is the next one);
/// 3. [`OpenIdConfiguration`](LocationStyle::OpenIdConfiguration) (OpenID Connect Discovery 1.0
///    §4).
///
/// RFC 8414 §5 puts the inserted `openid-configuration` location before the appended one, and
/// the MCP authorization specification's discovery order is this list. A client for one kind
/// of document takes the styles it wants, in this order; a server serves all of them. The URLs
/// equal those of [`oauth_authorization_server_url`], [`rfc8414_url`] with
/// [`OPENID_CONFIGURATION`], and [`openid_configuration_url`], and no two locations share a
/// path.
///
/// ```
/// use oidc_discovery_validate::well_known::{locations, LocationStyle};
///
/// let listed = locations("https://example.com/issuer1")?;
/// let listed: Vec<(&str, LocationStyle)> =
///     listed.iter().map(|location| (location.path(), location.style())).collect();
/// assert_eq!(listed, [
///     ("/.well-known/oauth-authorization-server/issuer1", LocationStyle::OAuthAuthorizationServer),
///     ("/.well-known/openid-configuration/issuer1", LocationStyle::OpenIdConfigurationInserted),
///     ("/issuer1/.well-known/openid-configuration", LocationStyle::OpenIdConfiguration),
/// ]);
///
/// // Without a path, the two `openid-configuration` locations are one.
/// let root = locations("https://example.com/")?;
/// assert_eq!(root.len(), 2);
/// assert_eq!(root[1].url(), "https://example.com/.well-known/openid-configuration");
/// assert_eq!(root[1].style(), LocationStyle::OpenIdConfiguration);
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// As [`openid_configuration_url`]: the scheme is not judged here (see
/// [`well_known_urls`] for that).
pub fn locations(issuer: &str) -> Result<Vec<Location>, WellKnownError> {
    let parts = issuer_parts(issuer)?;
    Ok(LocationStyle::ALL
        .into_iter()
        .filter(|style| {
            *style != LocationStyle::OpenIdConfigurationInserted || !parts.path.is_empty()
        })
        .map(|style| {
            let url = build(&parts, style.suffix(), style.placement());
            // An issuer has no query or fragment: the path runs from the end of the origin to
            // the end of the URL.
            let path = parts.origin.len()..url.len();
            Location { url, path, style }
        })
        .collect())
}

/// The URL of `parts` with `/.well-known/<suffix>` placed as `placement`: the one construction
/// every builder and [`locations`] use.
fn build(parts: &Parts<'_>, suffix: &str, placement: WellKnownStyle) -> String {
    match placement {
        WellKnownStyle::Appended => format!("{}{}/{WELL_KNOWN}/{suffix}", parts.origin, parts.path),
        WellKnownStyle::Inserted => format!("{}/{WELL_KNOWN}/{suffix}{}", parts.origin, parts.path),
    }
}

/// The OpenID Connect Discovery 1.0 metadata URL of `issuer` (§4, §4.1; WK-1): one terminating
/// `/` removed, then `/.well-known/openid-configuration` appended.
///
/// ```
/// use oidc_discovery_validate::well_known::openid_configuration_url;
///
/// assert_eq!(openid_configuration_url("https://example.com")?,
///            "https://example.com/.well-known/openid-configuration");
/// assert_eq!(openid_configuration_url("https://example.com/issuer1/")?,
///            "https://example.com/issuer1/.well-known/openid-configuration");
/// // A template is not an issuer.
/// assert!(openid_configuration_url("https://login.microsoftonline.com/{tenantid}/v2.0").is_err());
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidIssuer`] when the issuer is not usable (see the
/// [module documentation](crate::well_known)). A non-`https` scheme is **not** an error.
pub fn openid_configuration_url(issuer: &str) -> Result<String, WellKnownError> {
    Ok(build(
        &issuer_parts(issuer)?,
        OPENID_CONFIGURATION,
        WellKnownStyle::Appended,
    ))
}

/// The RFC 8414 metadata URL of `issuer` with the default suffix `oauth-authorization-server`
/// (RFC 8414 §3; WK-2).
///
/// ```
/// use oidc_discovery_validate::well_known::oauth_authorization_server_url;
///
/// assert_eq!(oauth_authorization_server_url("https://example.com/issuer1")?,
///            "https://example.com/.well-known/oauth-authorization-server/issuer1");
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// As [`openid_configuration_url`].
pub fn oauth_authorization_server_url(issuer: &str) -> Result<String, WellKnownError> {
    rfc8414_url(issuer, OAUTH_AUTHORIZATION_SERVER)
}

/// The RFC 8414 metadata URL of `issuer` with any well-known `suffix` (RFC 8414 §3, §5; WK-2,
/// WK-5): one terminating `/` removed from the issuer's path, then `/.well-known/<suffix>`
/// inserted between the authority and the path.
///
/// With [`OPENID_CONFIGURATION`] this is the location RFC 8414 §5 says to try first for
/// path-bearing OpenID Connect issuers, before the appended one.
///
/// ```
/// use oidc_discovery_validate::well_known::{rfc8414_url, OPENID_CONFIGURATION};
///
/// assert_eq!(rfc8414_url("https://example.com/issuer1", OPENID_CONFIGURATION)?,
///            "https://example.com/.well-known/openid-configuration/issuer1");
/// assert!(rfc8414_url("https://example.com", "a/b").is_err());
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidIssuer`] as for [`openid_configuration_url`], and
/// [`WellKnownError::InvalidSuffix`] when `suffix` is not one non-empty path segment.
pub fn rfc8414_url(issuer: &str, suffix: &str) -> Result<String, WellKnownError> {
    let parts = issuer_parts(issuer)?;
    if !is_plain_segment(suffix) || suffix == WELL_KNOWN {
        return Err(WellKnownError::InvalidSuffix {
            issuer: issuer.to_owned(),
            suffix: suffix.to_owned(),
        });
    }
    Ok(build(&parts, suffix, WellKnownStyle::Inserted))
}

/// Both metadata URLs of `issuer` ([`openid_configuration_url`] and
/// [`oauth_authorization_server_url`], taken from [`locations`]), when it can be an issuer.
///
/// Unlike the builders, this judges the scheme: an issuer uses `https` (OpenID Connect
/// Discovery 1.0 §3, RFC 8414 §2; ISS-2, WK-3), or `http` on a loopback host (`localhost`,
/// `127.0.0.0/8`, `[::1]`) for local development; anything else is refused with
/// [`UrlProblem::InsecureScheme`] (rule `issuer-https`).
///
/// ```
/// use oidc_discovery_validate::well_known::well_known_urls;
///
/// let urls = well_known_urls("https://example.com/")?;
/// assert_eq!(urls.openid_configuration, "https://example.com/.well-known/openid-configuration");
/// assert_eq!(urls.oauth_authorization_server,
///            "https://example.com/.well-known/oauth-authorization-server");
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// As [`openid_configuration_url`], and [`UrlProblem::InsecureScheme`] for a scheme other than
/// `https`, or `http` on a host that is not a loopback host. [`WellKnownError::rule`] names the
/// rule every refusal breaks.
///
/// ```
/// use oidc_discovery_validate::well_known::{well_known_urls, UrlProblem, WellKnownError};
///
/// assert!(well_known_urls("http://localhost:8080").is_ok());
/// assert!(well_known_urls("http://[::1]/realm").is_ok());
/// let refused = well_known_urls("http://id.example.com").unwrap_err();
/// assert!(matches!(refused,
///     WellKnownError::InvalidIssuer { problem: UrlProblem::InsecureScheme { .. }, .. }));
/// ```
pub fn well_known_urls(issuer: &str) -> Result<WellKnownUrls, WellKnownError> {
    let parts = issuer_parts(issuer)?;
    judge_scheme(issuer)?;
    let url = |style: LocationStyle| build(&parts, style.suffix(), style.placement());
    Ok(WellKnownUrls {
        openid_configuration: url(LocationStyle::OpenIdConfiguration),
        oauth_authorization_server: url(LocationStyle::OAuthAuthorizationServer),
    })
}

/// Refuses an issuer (already split and checked) whose scheme is not `https`, or `http` on a
/// loopback host.
fn judge_scheme(issuer: &str) -> Result<(), WellKnownError> {
    let scheme = issuer.split_once(':').map_or(issuer, |(scheme, _)| scheme);
    let allowed = scheme.eq_ignore_ascii_case("https")
        || (scheme.eq_ignore_ascii_case("http")
            && url::Url::parse(issuer).is_ok_and(|url| crate::checks::urls::is_loopback(&url)));
    if allowed {
        Ok(())
    } else {
        Err(WellKnownError::InvalidIssuer {
            issuer: issuer.to_owned(),
            problem: UrlProblem::InsecureScheme {
                scheme: scheme.to_owned(),
            },
        })
    }
}

/// The issuer a metadata URL implies: the reverse of the builders.
///
/// * `<issuer>/.well-known/<suffix>` is [`WellKnownStyle::Appended`] (any suffix is recognized,
///   so Okta's `…/oauth2/default/.well-known/oauth-authorization-server` is too).
/// * `<scheme>://<authority>/.well-known/<suffix>/<path>` is [`WellKnownStyle::Inserted`].
/// * With nothing after a host-level `/.well-known/<suffix>` the two coincide (WK-6): the style
///   reported is `Appended` for `openid-configuration` (the OpenID Connect construction) and
///   `Inserted` for every other suffix (the RFC 8414 construction).
///
/// One trailing `/` on the URL is ignored (Facebook publishes
/// `https://www.facebook.com/.well-known/openid-configuration/`); a URL ending in `//` is
/// refused. The implied issuer never has a terminating slash, since both constructions remove
/// it: for every issuer `i` without one that builds,
/// `issuer_from_metadata_url(&build(i)?)?.issuer == i`.
///
/// ```
/// use oidc_discovery_validate::well_known::{issuer_from_metadata_url, WellKnownStyle};
///
/// let implied = issuer_from_metadata_url(
///     "https://example.com/issuer1/.well-known/openid-configuration")?;
/// assert_eq!(implied.issuer, "https://example.com/issuer1");
/// assert_eq!(implied.style, WellKnownStyle::Appended);
/// assert_eq!(implied.suffix, "openid-configuration");
///
/// let implied = issuer_from_metadata_url(
///     "https://example.com/.well-known/oauth-authorization-server/issuer1")?;
/// assert_eq!(implied.issuer, "https://example.com/issuer1");
/// assert_eq!(implied.style, WellKnownStyle::Inserted);
///
/// assert!(issuer_from_metadata_url("https://example.com/issuer1").is_err());
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidMetadataUrl`] when the URL is not usable (the same problems as an
/// issuer: not absolute, no host, query, fragment, userinfo, template, …), has no or several
/// `.well-known` segments, has no suffix, or has `.well-known/<suffix>` in the middle of its path.
pub fn issuer_from_metadata_url(url: &str) -> Result<ImpliedIssuer, WellKnownError> {
    let fail = |problem| WellKnownError::InvalidMetadataUrl {
        url: url.to_owned(),
        problem,
    };
    let parts = split(url).map_err(fail)?;
    if parts.path.ends_with("//") {
        return Err(fail(UrlProblem::DoubleTrailingSlash));
    }
    let path = parts.path.strip_suffix('/').unwrap_or(parts.path);
    // `path` is empty or starts with `/`; segments after that first `/`.
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    if segments.iter().any(|segment| is_dot_segment(segment)) {
        return Err(fail(UrlProblem::DotSegment));
    }
    let mut positions = segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| **segment == WELL_KNOWN)
        .map(|(index, _)| index);
    let index = match (positions.next(), positions.next()) {
        (None, _) => return Err(fail(UrlProblem::NoWellKnownSegment)),
        (Some(_), Some(_)) => return Err(fail(UrlProblem::MultipleWellKnownSegments)),
        (Some(index), None) => index,
    };
    let suffix = match segments.get(index + 1) {
        Some(suffix) if !suffix.is_empty() => *suffix,
        _ => return Err(fail(UrlProblem::MissingSuffix)),
    };
    let (issuer_path, style) = if index == 0 {
        let rest = &segments[2..];
        if rest.is_empty() {
            let style = if suffix == OPENID_CONFIGURATION {
                WellKnownStyle::Appended
            } else {
                WellKnownStyle::Inserted
            };
            (String::new(), style)
        } else {
            (format!("/{}", rest.join("/")), WellKnownStyle::Inserted)
        }
    } else if index + 2 == segments.len() {
        let issuer_path = format!("/{}", segments[..index].join("/"));
        if issuer_path.ends_with('/') {
            return Err(fail(UrlProblem::EmptySegmentBeforeWellKnown));
        }
        (issuer_path, WellKnownStyle::Appended)
    } else {
        return Err(fail(UrlProblem::UnrecognizedLayout));
    };
    let issuer = format!("{}{issuer_path}", parts.origin);
    // Defence in depth: what we return must itself build.
    issuer_parts(&issuer).map_err(|error| match error {
        WellKnownError::InvalidIssuer { problem, .. } => fail(problem),
        other => other,
    })?;
    Ok(ImpliedIssuer {
        issuer,
        style,
        suffix: suffix.to_owned(),
    })
}

/// The raw pieces of a URL the builders need, borrowed from the input.
pub(crate) struct Parts<'a> {
    /// `scheme://authority`, exactly as written.
    origin: &'a str,
    /// The path, exactly as written: empty or starting with `/`.
    path: &'a str,
}

/// Splits and checks an issuer; the returned path has its one terminating slash removed.
pub(crate) fn issuer_parts(issuer: &str) -> Result<Parts<'_>, WellKnownError> {
    let fail = |problem| WellKnownError::InvalidIssuer {
        issuer: issuer.to_owned(),
        problem,
    };
    let parts = split(issuer).map_err(fail)?;
    if parts.path.ends_with("//") {
        return Err(fail(UrlProblem::DoubleTrailingSlash));
    }
    let path = parts.path.strip_suffix('/').unwrap_or(parts.path);
    for segment in path.split('/').skip(1) {
        if is_dot_segment(segment) {
            return Err(fail(UrlProblem::DotSegment));
        }
        if segment == WELL_KNOWN {
            return Err(fail(UrlProblem::WellKnownSegment));
        }
    }
    Ok(Parts {
        origin: parts.origin,
        path,
    })
}

/// Splits `scheme://authority` from the path of an absolute URL without a query, fragment,
/// userinfo or template, and checks that the `url` crate parses it.
fn split(input: &str) -> Result<Parts<'_>, UrlProblem> {
    if input.is_empty() {
        return Err(UrlProblem::NotAbsolute);
    }
    if let Some((index, character)) = input
        .char_indices()
        .find(|(_, c)| c.is_control() || c.is_whitespace() || *c == '\\')
    {
        return Err(UrlProblem::InvalidCharacter { character, index });
    }
    let Some((scheme, after_scheme)) = input.split_once(':') else {
        return Err(UrlProblem::NotAbsolute);
    };
    if !is_scheme(scheme) {
        return Err(UrlProblem::NotAbsolute);
    }
    let Some(hierarchical) = after_scheme.strip_prefix("//") else {
        return Err(UrlProblem::NoHost);
    };
    let authority_end = hierarchical
        .find(['/', '?', '#'])
        .unwrap_or(hierarchical.len());
    let (authority, tail) = hierarchical.split_at(authority_end);
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    let (path, query_or_fragment) = tail.split_at(path_end);
    if authority.contains(['{', '}']) || path.contains(['{', '}']) {
        return Err(UrlProblem::Template);
    }
    if authority.contains('@') {
        return Err(UrlProblem::Userinfo);
    }
    if host_of(authority).is_empty() {
        return Err(UrlProblem::NoHost);
    }
    match query_or_fragment.chars().next() {
        Some('?') => return Err(UrlProblem::Query),
        Some('#') => return Err(UrlProblem::Fragment),
        _ => {}
    }
    // An everyday https URL is known to parse, with a host (see `plain_https`); anything else
    // is parsed to be sure.
    if !crate::checks::urls::plain_https(input) {
        let parsed = url::Url::parse(input).map_err(UrlProblem::Unparsable)?;
        if parsed.host().is_none() {
            return Err(UrlProblem::NoHost);
        }
    }
    // scheme + ':' + '//' + authority
    let origin_len = scheme.len() + 3 + authority.len();
    Ok(Parts {
        origin: &input[..origin_len],
        path,
    })
}

/// RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The host of an authority without userinfo: an IP literal in brackets, or what precedes the
/// last `:`.
fn host_of(authority: &str) -> &str {
    if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => &authority[..=end],
            None => authority,
        }
    } else {
        authority
            .rsplit_once(':')
            .map_or(authority, |(host, _port)| host)
    }
}

/// `.` or `..`, also percent-encoded (`%2e`, `.%2E`, …), which URL parsers remove.
fn is_dot_segment(segment: &str) -> bool {
    [".", "..", "%2e", ".%2e", "%2e.", "%2e%2e"]
        .iter()
        .any(|dot| segment.eq_ignore_ascii_case(dot))
}

/// One non-empty path segment with nothing a URL would reinterpret.
fn is_plain_segment(segment: &str) -> bool {
    !segment.is_empty()
        && !is_dot_segment(segment)
        && !segment.chars().any(|c| {
            c.is_control() || c.is_whitespace() || matches!(c, '/' | '?' | '#' | '\\' | '{' | '}')
        })
}
