//! Well-known metadata URLs: building them from an issuer or a resource identifier, and finding
//! the identifier a metadata URL implies.
//!
//! Three constructions exist (inventory §3.2 of each specification inventory):
//!
//! * **Appended** (OpenID Connect Discovery 1.0 §4, §4.1; WK-1): remove one terminating `/`
//!   from the issuer, then append `/.well-known/openid-configuration`
//!   ([`openid_configuration_url`]).
//! * **Inserted** (RFC 8414 §3, §3.1; WK-2, WK-5): remove one terminating `/` from the issuer's
//!   path, then insert `/.well-known/<suffix>` between the authority and the path
//!   ([`oauth_authorization_server_url`] for the default suffix, [`rfc8414_url`] for any
//!   suffix, including `openid-configuration`).
//! * **Inserted, for a protected resource** (RFC 9728 §3, §3.1; PR-WK-1 – PR-WK-4): the same
//!   insertion into a *resource identifier*, with the suffix `oauth-protected-resource`; a
//!   resource identifier may carry a query, which stays after the inserted suffix and the
//!   original path ([`oauth_protected_resource_url`]).
//!
//! For an issuer without a path the first two give the same URL (RFC 8414 §5; WK-6).
//!
//! [`locations`] is the one list of an issuer's locations, and [`resource_locations`] the one
//! list of a resource identifier's: each [`Location`] with its URL, its path (what a server
//! routes on), its query (a resource identifier's, if any) and its [`LocationStyle`], in the
//! order clients try them. The server (`oidc-discovery-http`) serves every one of them and the
//! client (`oidc-discovery-client`) picks from them; the single builders below give the same
//! URLs. The inverse of each construction is [`issuer_from_metadata_url`] and
//! [`resource_from_metadata_url`].
//!
//! | Issuer | Appended | Inserted (`oauth-authorization-server`) |
//! |---|---|---|
//! | `https://example.com` | `https://example.com/.well-known/openid-configuration` | `https://example.com/.well-known/oauth-authorization-server` |
//! | `https://example.com/issuer1/` | `https://example.com/issuer1/.well-known/openid-configuration` | `https://example.com/.well-known/oauth-authorization-server/issuer1` |
//!
//! | Resource identifier | Protected-resource metadata URL (RFC 9728 §3.1) |
//! |---|---|
//! | `https://resource.example.com` or `https://resource.example.com/` | `https://resource.example.com/.well-known/oauth-protected-resource` |
//! | `https://resource.example.com/resource1` or `…/resource1/` | `https://resource.example.com/.well-known/oauth-protected-resource/resource1` |
//! | `https://api.example.com/v1?tenant=7` | `https://api.example.com/.well-known/oauth-protected-resource/v1?tenant=7` |
//! | `https://api.example.com/?tenant=7` or `https://api.example.com?tenant=7` | `https://api.example.com/.well-known/oauth-protected-resource?tenant=7` |
//!
//! ```
//! use oidc_discovery_validate::well_known::{self, WellKnownStyle};
//!
//! let urls = well_known::well_known_urls("https://example.com:8443/a/b")?;
//! assert_eq!(urls.openid_configuration,
//!            "https://example.com:8443/a/b/.well-known/openid-configuration");
//! assert_eq!(urls.oauth_authorization_server,
//!            "https://example.com:8443/.well-known/oauth-authorization-server/a/b");
//! assert_eq!(urls.oauth_protected_resource,
//!            "https://example.com:8443/.well-known/oauth-protected-resource/a/b");
//!
//! // And back.
//! let implied = well_known::issuer_from_metadata_url(&urls.oauth_authorization_server)?;
//! assert_eq!(implied.issuer, "https://example.com:8443/a/b");
//! assert_eq!(implied.style, WellKnownStyle::Inserted);
//!
//! // A resource identifier keeps its query.
//! let url = well_known::oauth_protected_resource_url("https://api.example.com/v1?tenant=7")?;
//! assert_eq!(url, "https://api.example.com/.well-known/oauth-protected-resource/v1?tenant=7");
//! let implied = well_known::resource_from_metadata_url(&url)?;
//! assert_eq!(implied.resource, "https://api.example.com/v1?tenant=7");
//! # Ok::<(), well_known::WellKnownError>(())
//! ```
//!
//! # What the builders accept
//!
//! The URL is built from the identifier's **raw text**, never from a re-serialized `url::Url`
//! (which would turn an empty path into `/`, lower-case the host and re-encode the path). The
//! scheme, host, port, path and query keep their exact spelling: `https://EXAMPLE.com/a%20b`
//! stays `EXAMPLE.com` and `a%20b`. The identifier is also parsed with the `url` crate, only to
//! reject what is not a URL (an invalid port or IPv6 address, for instance).
//!
//! Rejected, with a [`WellKnownError::InvalidIssuer`] (or, for a resource identifier,
//! [`WellKnownError::InvalidResource`]) that quotes the input and names the [`UrlProblem`];
//! nothing panics:
//!
//! * not an absolute URL (`""`, `accounts.google.com`, `/path`), or no host (`https://`,
//!   `urn:x:y`);
//! * a fragment, even an empty `#` (ISS-3; for a resource identifier RFC 9728 §1.2, PR-RES-3);
//! * for an issuer, a query, even an empty `?` (ISS-3). A resource identifier **may** have a
//!   query (RFC 9728 §1.2 only discourages it, PR-RES-4): it is kept, exactly as written, after
//!   the inserted suffix and the original path (RFC 9728 §3, PR-WK-4), and the terminating `/`
//!   removed before it is the path's (PR-WK-3), so `https://h?q` and `https://h/?q` give the
//!   same URL;
//! * userinfo (`user:pw@host`; ISS-8 and PR-RES-5, not addressed by the specs);
//! * `{` or `}` in the host or path (or a resource identifier's query): a URL template such as
//!   Microsoft Entra's `https://login.microsoftonline.com/{tenantid}/v2.0`, not an identifier;
//! * a path ending in `//` (the specs remove only one terminating slash; both inventories
//!   recommend rejecting, WK traps and PR-WK-7);
//! * a `.` or `..` path segment (URL parsers remove them, RFC 3986 §5.2.4, so the built URL would
//!   not be fetched as written; PR-WK-7);
//! * a `.well-known` path segment (the input is most likely a metadata URL, not an identifier;
//!   see [`issuer_from_metadata_url`] and [`resource_from_metadata_url`]; PR-WK-7);
//! * whitespace, control characters and `\`.
//!
//! **The builders and the lists of locations do not judge the scheme.** `http://localhost:8080`
//! builds like any other identifier, and so does `http://id.example.com`: whether a scheme is
//! acceptable (ISS-2, WK-3, PR-RES-2: `https`) is a validation rule with its own severity, and
//! a client has its own policy for fetching over http. [`well_known_urls`], which answers "what
//! are the metadata URLs of this issuer", does judge it: only an `https` issuer, or an `http`
//! issuer on a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`), has them
//! ([`UrlProblem::InsecureScheme`] otherwise).
//!
//! Every refusal of an issuer names the registry rule the issuer breaks
//! ([`WellKnownError::rule`]), so a tool can report it like any other problem
//! ([`WellKnownError::problem`]); so does a refusal of a resource identifier wherever the
//! registry has an error rule for it (`resource-not-url`, `resource-https`,
//! `resource-fragment`). Every refusal of a resource identifier or of a protected-resource
//! metadata URL names the specification inventory's rule ([`WellKnownError::inventory`]:
//! `PR-RES-2`, `PR-RES-3`, `PR-RES-5`, `PR-WK-1`, `PR-WK-7`).

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::rules::{
    ISSUER_HTTPS, ISSUER_NOT_URL, ISSUER_QUERY_FRAGMENT, ISSUER_TEMPLATE, ISSUER_WELL_KNOWN,
    RESOURCE_FRAGMENT, RESOURCE_HTTPS, RESOURCE_NOT_URL,
};
use crate::{Problem, Profile, Rule};

/// The well-known suffix of OpenID Provider metadata (OpenID Connect Discovery 1.0 §4, §8.1).
pub const OPENID_CONFIGURATION: &str = "openid-configuration";

/// The default well-known suffix of OAuth authorization server metadata (RFC 8414 §3, §7.3).
pub const OAUTH_AUTHORIZATION_SERVER: &str = "oauth-authorization-server";

/// The default well-known suffix of OAuth protected-resource metadata (RFC 9728 §3, §8.3).
pub const OAUTH_PROTECTED_RESOURCE: &str = "oauth-protected-resource";

/// The RFC 8615 well-known path segment.
const WELL_KNOWN: &str = ".well-known";

/// Why an issuer, a resource identifier, a well-known suffix or a metadata URL was refused.
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
    /// The resource identifier cannot be turned into a protected-resource metadata URL
    /// (RFC 9728 §1.2, §3.1).
    #[error("resource identifier \"{resource}\" {}", ForResource(.problem))]
    InvalidResource {
        /// The resource identifier, as given.
        resource: String,
        /// What is wrong with it.
        problem: UrlProblem,
    },
    /// The URL given to [`resource_from_metadata_url`] implies no resource identifier.
    #[error("protected-resource metadata URL \"{url}\" {}", ForResource(.problem))]
    InvalidResourceMetadataUrl {
        /// The URL, as given.
        url: String,
        /// What is wrong with it.
        problem: UrlProblem,
    },
}

impl WellKnownError {
    /// The registry rule an issuer refused here breaks (`issuer-https`, `issuer-not-url`,
    /// `issuer-template`, `issuer-query-fragment`, `issuer-well-known`), or a resource
    /// identifier breaks (`resource-not-url`, templates included, `resource-https`,
    /// `resource-fragment`); `None` when the refused input is neither (a suffix, a metadata
    /// URL), or is a resource identifier refused for what no error rule of the registry names
    /// (userinfo, which `resource-userinfo` only warns about, a path ending in `//`, a `.`,
    /// `..` or `.well-known` segment): [`inventory`](Self::inventory) names every resource
    /// refusal's rule.
    ///
    /// Each of these rules is an error under every profile, and each is the one `check`
    /// reports (under the `oauth` and `oidc` profiles) for a document with that issuer (under
    /// `resource`, for a resource identifier).
    ///
    /// ```
    /// use oidc_discovery_validate::well_known::well_known_urls;
    ///
    /// let error = well_known_urls("ftp://example.com").unwrap_err();
    /// assert_eq!(error.rule().map(|rule| rule.id), Some("issuer-https"));
    /// ```
    #[must_use]
    pub fn rule(&self) -> Option<&'static Rule> {
        let problem = match self {
            Self::InvalidIssuer { problem, .. } => problem,
            Self::InvalidResource { problem, .. } => {
                return match problem {
                    UrlProblem::NotAbsolute
                    | UrlProblem::InvalidCharacter { .. }
                    | UrlProblem::NoHost
                    | UrlProblem::Unparsable(_)
                    | UrlProblem::Template => Some(&RESOURCE_NOT_URL),
                    UrlProblem::InsecureScheme { .. } => Some(&RESOURCE_HTTPS),
                    UrlProblem::Fragment => Some(&RESOURCE_FRAGMENT),
                    _ => None,
                };
            }
            _ => return None,
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

    /// The specification inventory's id of the rule a refused resource identifier or
    /// protected-resource metadata URL breaks, or `None` for the other refusals (whose
    /// [`rule`](Self::rule) names a registry rule, or none):
    ///
    /// * `PR-RES-2` (RFC 9728 §1.2): not an absolute URL with a host (a template with `{` or
    ///   `}` included), or not `https`;
    /// * `PR-RES-3` (RFC 9728 §1.2; RFC 8707 §2): a fragment, even an empty `#`;
    /// * `PR-RES-5`: userinfo (`user:password@`), which the specs do not address;
    /// * `PR-WK-7`: a path the construction of RFC 9728 §3.1 leaves undefined or that URL
    ///   parsers rewrite (ending in `//`, a `.` or `..` segment, a `.well-known` segment);
    /// * `PR-WK-1` (RFC 9728 §3): a metadata URL without `/.well-known/<suffix>` right after
    ///   its host.
    ///
    /// ```
    /// use oidc_discovery_validate::well_known::{oauth_protected_resource_url, resource_from_metadata_url};
    ///
    /// let error = oauth_protected_resource_url("https://mcp.example.com/mcp#x").unwrap_err();
    /// assert_eq!(error.inventory(), Some("PR-RES-3"));
    /// let error = resource_from_metadata_url("https://mcp.example.com/mcp").unwrap_err();
    /// assert_eq!(error.inventory(), Some("PR-WK-1"));
    /// ```
    #[must_use]
    pub fn inventory(&self) -> Option<&'static str> {
        let (Self::InvalidResource { problem, .. }
        | Self::InvalidResourceMetadataUrl { problem, .. }) = self
        else {
            return None;
        };
        Some(match problem {
            UrlProblem::NotAbsolute
            | UrlProblem::InvalidCharacter { .. }
            | UrlProblem::NoHost
            | UrlProblem::Unparsable(_)
            | UrlProblem::Template
            | UrlProblem::InsecureScheme { .. } => "PR-RES-2",
            UrlProblem::Fragment => "PR-RES-3",
            // A query is allowed in a resource identifier; `Query` is never reported for one.
            UrlProblem::Query => "PR-RES-4",
            UrlProblem::Userinfo => "PR-RES-5",
            UrlProblem::DoubleTrailingSlash
            | UrlProblem::DotSegment
            | UrlProblem::WellKnownSegment
            | UrlProblem::EmptySegmentBeforeWellKnown => "PR-WK-7",
            UrlProblem::NoWellKnownSegment
            | UrlProblem::MultipleWellKnownSegments
            | UrlProblem::MissingSuffix
            | UrlProblem::UnrecognizedLayout => "PR-WK-1",
        })
    }

    /// The refusal of an issuer or a resource identifier as a [`Problem`] (an error about the
    /// whole input, with this error's message and the [rule](Self::rule)'s citation), to be
    /// reported like the problems of a document; `None` when [`rule`](Self::rule) is.
    #[must_use]
    pub fn problem(&self) -> Option<Problem> {
        // Each rule `rule` names is an error under every profile of its document kind, so the
        // profile chosen here does not change the problem.
        let profile = match self {
            Self::InvalidResource { .. } => Profile::Resource,
            _ => Profile::OAuth,
        };
        let rule = self.rule()?;
        Problem::new(rule, profile, "", self.to_string())
            .map(|problem| problem.citing(crate::rules::provider_spec(rule)))
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

/// How a [`UrlProblem`] reads for a resource identifier (or a protected-resource metadata
/// URL): the problems whose wording names issuers or their specifications, reworded.
struct ForResource<'a>(&'a UrlProblem);

impl fmt::Display for ForResource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            UrlProblem::Fragment => f.write_str(
                "has a fragment component (an empty `#` counts); a resource identifier has none \
                 (RFC 9728 §1.2, RFC 8707 §2)",
            ),
            UrlProblem::Userinfo => f.write_str(
                "contains userinfo (`user:password@`), which the specs do not address for \
                 resource identifiers",
            ),
            UrlProblem::WellKnownSegment => f.write_str(
                "has a `.well-known` path segment; it looks like a metadata URL, not a resource \
                 identifier",
            ),
            UrlProblem::UnrecognizedLayout => f.write_str(
                "is not `<scheme>://<authority>/.well-known/<suffix><resource path>[?<query>]`: \
                 RFC 9728 §3 inserts the well-known segment right after the host",
            ),
            UrlProblem::InsecureScheme { scheme } => write!(
                f,
                "uses the {scheme} scheme on a host that is not a loopback host; a resource \
                 identifier uses https (RFC 9728 §1.2)"
            ),
            other => other.fmt(f),
        }
    }
}

/// The metadata URLs of an identifier, as [`well_known_urls`] returns them: its two issuer
/// locations, and its protected-resource location when the same text names a protected
/// resource.
///
/// Serialized with exactly these field names, in this order (the JSON output of `well-known
/// --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct WellKnownUrls {
    /// The OpenID Connect Discovery 1.0 URL (appended form, [`openid_configuration_url`]).
    pub openid_configuration: String,
    /// The RFC 8414 URL with the default suffix (inserted form,
    /// [`oauth_authorization_server_url`]).
    pub oauth_authorization_server: String,
    /// The RFC 9728 protected-resource metadata URL of the same text read as a resource
    /// identifier (inserted form, [`oauth_protected_resource_url`]).
    pub oauth_protected_resource: String,
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

/// The resource identifier a protected-resource metadata URL implies, as
/// [`resource_from_metadata_url`] returns it.
///
/// Two identifiers build every such URL: RFC 9728 §3.1 removes one terminating `/` from the
/// path before inserting (PR-WK-3), so `https://h` and `https://h/` (and `https://h/mcp` and
/// `https://h/mcp/`, and `https://h?q` and `https://h/?q`) give the same URL. The implied
/// [`resource`](Self::resource) is the spelling without the slash (the one MCP calls canonical);
/// [`with_trailing_slash`](Self::with_trailing_slash) is the other. A client that built the URL
/// compares the document's `resource` with the identifier it started from (RFC 9728 §3.3); one
/// that only has the URL knows no more than these two spellings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ImpliedResource {
    /// The resource identifier, spelled as in the URL, its query kept, its path never with a
    /// terminating slash.
    pub resource: String,
    /// The other identifier that builds the same URL: [`resource`](Self::resource) with a `/`
    /// at the end of its path, before any query (`https://h/`, `https://h/mcp/`,
    /// `https://h/?q`).
    pub with_trailing_slash: String,
    /// The segment after `/.well-known/` (`oauth-protected-resource`, or an application's own
    /// suffix, RFC 9728 §3).
    pub suffix: String,
}

impl ImpliedResource {
    /// Whether `resource` is one of the two identifiers that build the URL.
    #[must_use]
    pub fn is_built_by(&self, resource: &str) -> bool {
        resource == self.resource || resource == self.with_trailing_slash
    }

    /// The [`LocationStyle`] of the URL, when its suffix is one this library knows.
    #[must_use]
    pub fn style(&self) -> Option<LocationStyle> {
        LocationStyle::RESOURCE
            .into_iter()
            .find(|style| style.suffix() == self.suffix)
    }
}

/// One well-known location: which suffix, placed where, and the specification that defines it.
///
/// Each style is a suffix ([`suffix`](Self::suffix)) and a placement
/// ([`placement`](Self::placement)), for one kind of identifier: the styles of
/// [`ISSUER`](Self::ISSUER) are built by [`locations`], those of [`RESOURCE`](Self::RESOURCE)
/// by [`resource_locations`]. Serialized (and displayed) as its kebab-case name.
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
    /// `/.well-known/oauth-protected-resource` inserted between the host and the path (and
    /// query) of a resource identifier (RFC 9728 §3, §3.1; PR-WK-1 – PR-WK-4): where a
    /// protected resource publishes its metadata.
    OAuthProtectedResource,
}

impl LocationStyle {
    /// Every style: the issuer's ([`ISSUER`](Self::ISSUER)), then the resource identifier's
    /// ([`RESOURCE`](Self::RESOURCE)), each group in the order clients try its locations.
    /// Which kind of identifier a style belongs to decides which list builds it; no
    /// identifier has all of them.
    pub const ALL: [Self; 4] = [
        Self::OAuthAuthorizationServer,
        Self::OpenIdConfigurationInserted,
        Self::OpenIdConfiguration,
        Self::OAuthProtectedResource,
    ];

    /// The styles of an issuer's locations (authorization server and OpenID Provider
    /// metadata), in the order clients try them: what [`locations`] builds.
    pub const ISSUER: [Self; 3] = [
        Self::OAuthAuthorizationServer,
        Self::OpenIdConfigurationInserted,
        Self::OpenIdConfiguration,
    ];

    /// The styles of a resource identifier's locations (protected-resource metadata), in the
    /// order clients try them: what [`resource_locations`] builds. RFC 9728 §3 lets an
    /// application define a suffix of its own; such a style would join this list.
    pub const RESOURCE: [Self; 1] = [Self::OAuthProtectedResource];

    /// The well-known suffix (the path segment after `/.well-known/`).
    #[must_use]
    pub const fn suffix(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => OAUTH_AUTHORIZATION_SERVER,
            Self::OpenIdConfigurationInserted | Self::OpenIdConfiguration => OPENID_CONFIGURATION,
            Self::OAuthProtectedResource => OAUTH_PROTECTED_RESOURCE,
        }
    }

    /// Where `/.well-known/<suffix>` goes: after the identifier's path, or before it.
    #[must_use]
    pub const fn placement(self) -> WellKnownStyle {
        match self {
            Self::OpenIdConfiguration => WellKnownStyle::Appended,
            Self::OAuthAuthorizationServer
            | Self::OpenIdConfigurationInserted
            | Self::OAuthProtectedResource => WellKnownStyle::Inserted,
        }
    }

    /// The specification and section that define the location.
    #[must_use]
    pub const fn spec(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => "RFC 8414 §3",
            Self::OpenIdConfigurationInserted => "RFC 8414 §5",
            Self::OpenIdConfiguration => "OpenID Connect Discovery 1.0 §4",
            Self::OAuthProtectedResource => "RFC 9728 §3.1",
        }
    }

    /// `"oauth-authorization-server"`, `"openid-configuration-inserted"`,
    /// `"openid-configuration"` or `"oauth-protected-resource"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OAuthAuthorizationServer => "oauth-authorization-server",
            Self::OpenIdConfigurationInserted => "openid-configuration-inserted",
            Self::OpenIdConfiguration => "openid-configuration",
            Self::OAuthProtectedResource => "oauth-protected-resource",
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

/// One metadata location of an identifier, as [`locations`] and [`resource_locations`] return
/// it: the URL, the path a server routes on, the query (only a resource identifier has one),
/// and the style.
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

    /// The path of [`url`](Self::url), exactly as written there (what a server routes on, byte
    /// for byte): never empty, always starting with `/`, never holding the
    /// [`query`](Self::query).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.url[self.path.clone()]
    }

    /// The query of [`url`](Self::url), without its `?`, exactly as written there; `None` when
    /// the URL has none. Only a location of a resource identifier with a query has one: RFC
    /// 9728 §3 keeps the identifier's query after the inserted suffix and the path (PR-WK-4),
    /// so the request a client sends for this location carries it (`Some("")` for an
    /// identifier ending in a bare `?`). An issuer has no query, so none of its locations has.
    ///
    /// ```
    /// use oidc_discovery_validate::well_known::resource_locations;
    ///
    /// let listed = resource_locations("https://api.example.com/v1?tenant=7")?;
    /// assert_eq!(listed[0].path(), "/.well-known/oauth-protected-resource/v1");
    /// assert_eq!(listed[0].query(), Some("tenant=7"));
    /// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
    /// ```
    #[must_use]
    pub fn query(&self) -> Option<&str> {
        self.url[self.path.end..].strip_prefix('?')
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

/// Every metadata location of `issuer` (the styles of [`LocationStyle::ISSUER`]), each once, in
/// the order clients try them:
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
/// path. A protected resource's location is not among them, even for an issuer that is also a
/// resource identifier: [`resource_locations`] lists it.
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
    Ok(LocationStyle::ISSUER
        .into_iter()
        .filter(|style| {
            *style != LocationStyle::OpenIdConfigurationInserted || !parts.path.is_empty()
        })
        .map(|style| location(&parts, style))
        .collect())
}

/// Every metadata location of the resource identifier `resource` (the styles of
/// [`LocationStyle::RESOURCE`]), in the order clients try them: today the one RFC 9728 §3.1
/// defines, [`OAuthProtectedResource`](LocationStyle::OAuthProtectedResource), whose URL is
/// [`oauth_protected_resource_url`]'s.
///
/// A resource identifier is read as an issuer is (see the [module
/// documentation](crate::well_known)), except that it may have a query: the query is kept after
/// the inserted suffix and the path (RFC 9728 §3; PR-WK-4) and is the location's
/// [`query`](Location::query), never part of its [`path`](Location::path). The list is never
/// empty, and no location of it shares a path with a location of [`locations`].
///
/// ```
/// use oidc_discovery_validate::well_known::{resource_locations, LocationStyle};
///
/// let listed = resource_locations("https://mcp.example.com/mcp")?;
/// assert_eq!(listed.len(), 1);
/// assert_eq!(listed[0].url(), "https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
/// assert_eq!(listed[0].path(), "/.well-known/oauth-protected-resource/mcp");
/// assert_eq!(listed[0].query(), None);
/// assert_eq!(listed[0].style(), LocationStyle::OAuthProtectedResource);
///
/// // A fragment is refused (RFC 9728 §1.2), even an empty one.
/// let refused = resource_locations("https://mcp.example.com/mcp#").unwrap_err();
/// assert_eq!(refused.inventory(), Some("PR-RES-3"));
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidResource`] when the identifier is not usable (as for an issuer,
/// except for the query). The scheme is not judged here.
pub fn resource_locations(resource: &str) -> Result<Vec<Location>, WellKnownError> {
    let parts = resource_parts(resource)?;
    Ok(LocationStyle::RESOURCE
        .into_iter()
        .map(|style| location(&parts, style))
        .collect())
}

/// The location of `style` for an identifier's checked parts.
fn location(parts: &Parts<'_>, style: LocationStyle) -> Location {
    let url = build(parts, style.suffix(), style.placement());
    // The path runs from the end of the origin to the query, or to the end of the URL (the
    // identifier has no fragment).
    let query_len = parts.query.map_or(0, |query| query.len() + 1);
    let path = parts.origin.len()..url.len() - query_len;
    Location { url, path, style }
}

/// The URL of `parts` with `/.well-known/<suffix>` placed as `placement`, followed by the
/// identifier's query if it has one: the one construction every builder and every list of
/// locations use.
fn build(parts: &Parts<'_>, suffix: &str, placement: WellKnownStyle) -> String {
    let mut url = match placement {
        WellKnownStyle::Appended => format!("{}{}/{WELL_KNOWN}/{suffix}", parts.origin, parts.path),
        WellKnownStyle::Inserted => format!("{}/{WELL_KNOWN}/{suffix}{}", parts.origin, parts.path),
    };
    if let Some(query) = parts.query {
        url.push('?');
        url.push_str(query);
    }
    url
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

/// The RFC 9728 protected-resource metadata URL of the resource identifier `resource` (RFC 9728
/// §3, §3.1; PR-WK-1 – PR-WK-4): one terminating `/` removed from the path, then
/// `/.well-known/oauth-protected-resource` inserted between the host (with its port) and the
/// path, and the query, if any, kept after them.
///
/// ```
/// use oidc_discovery_validate::well_known::oauth_protected_resource_url;
///
/// assert_eq!(oauth_protected_resource_url("https://resource.example.com")?,
///            "https://resource.example.com/.well-known/oauth-protected-resource");
/// assert_eq!(oauth_protected_resource_url("https://resource.example.com/resource1/")?,
///            "https://resource.example.com/.well-known/oauth-protected-resource/resource1");
/// assert_eq!(oauth_protected_resource_url("https://api.example.com/v1?tenant=7")?,
///            "https://api.example.com/.well-known/oauth-protected-resource/v1?tenant=7");
/// assert_eq!(oauth_protected_resource_url("https://api.example.com?tenant=7")?,
///            "https://api.example.com/.well-known/oauth-protected-resource?tenant=7");
/// // A fragment makes it no resource identifier (RFC 9728 §1.2).
/// assert!(oauth_protected_resource_url("https://mcp.example.com/mcp#x").is_err());
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidResource`] when the identifier is not usable (see the [module
/// documentation](crate::well_known); [`WellKnownError::inventory`] names the rule). A
/// non-`https` scheme is **not** an error.
pub fn oauth_protected_resource_url(resource: &str) -> Result<String, WellKnownError> {
    let style = LocationStyle::OAuthProtectedResource;
    Ok(build(
        &resource_parts(resource)?,
        style.suffix(),
        style.placement(),
    ))
}

/// Both metadata URLs of `issuer` ([`openid_configuration_url`] and
/// [`oauth_authorization_server_url`], taken from [`locations`]), when it can be an issuer, and
/// the protected-resource metadata URL of the same text read as a resource identifier
/// ([`oauth_protected_resource_url`], from [`resource_locations`]).
///
/// The text must be an issuer: a resource identifier with a query (which an issuer cannot
/// have) is refused here like any other non-issuer; [`oauth_protected_resource_url`] builds
/// its URL.
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
/// assert_eq!(urls.oauth_protected_resource,
///            "https://example.com/.well-known/oauth-protected-resource");
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
    // An issuer is a resource identifier without a query: the same parts build both.
    let url = |style: LocationStyle| build(&parts, style.suffix(), style.placement());
    Ok(WellKnownUrls {
        openid_configuration: url(LocationStyle::OpenIdConfiguration),
        oauth_authorization_server: url(LocationStyle::OAuthAuthorizationServer),
        oauth_protected_resource: url(LocationStyle::OAuthProtectedResource),
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
    let MetadataUrl {
        origin,
        segments,
        index,
        suffix,
        ..
    } = metadata_url(url, Identifier::Issuer).map_err(fail)?;
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
    let issuer = format!("{origin}{issuer_path}");
    // Defence in depth: what we return must itself build.
    identifier_parts(&issuer, Identifier::Issuer).map_err(fail)?;
    Ok(ImpliedIssuer {
        issuer,
        style,
        suffix: suffix.to_owned(),
    })
}

/// The resource identifier a protected-resource metadata URL implies: the reverse of
/// [`oauth_protected_resource_url`] and [`resource_locations`].
///
/// The URL must be `<scheme>://<authority>/.well-known/<suffix>[<path>][?<query>]` (RFC 9728
/// §3: the well-known segment is inserted right after the host); the implied identifier is
/// `<scheme>://<authority>[<path>][?<query>]`, query kept as written. Any suffix is recognized
/// (an application may define its own, RFC 9728 §3) and returned; the default one's
/// [`ImpliedResource::style`] is [`LocationStyle::OAuthProtectedResource`].
///
/// One trailing `/` on the URL's path is ignored, as for [`issuer_from_metadata_url`]; a path
/// ending in `//` is refused. The implied identifier never has a terminating slash on its path,
/// since the construction removes it (PR-WK-3): `https://h` and `https://h/` give the same URL,
/// so the URL implies `https://h` and [`ImpliedResource::with_trailing_slash`] gives the other
/// spelling (inventory §9 item 14: a document may name either; comparing it with the implied
/// identifier is the caller's policy, RFC 9728 §3.3 asks for identity with the identifier the
/// URL was built from). For every identifier `r` without a terminating slash that builds,
/// `resource_from_metadata_url(&oauth_protected_resource_url(r)?)?.resource == r`.
///
/// ```
/// use oidc_discovery_validate::well_known::{resource_from_metadata_url, LocationStyle};
///
/// let implied = resource_from_metadata_url(
///     "https://mcp.example.com/.well-known/oauth-protected-resource/mcp")?;
/// assert_eq!(implied.resource, "https://mcp.example.com/mcp");
/// assert_eq!(implied.with_trailing_slash, "https://mcp.example.com/mcp/");
/// assert_eq!(implied.style(), Some(LocationStyle::OAuthProtectedResource));
///
/// // The query stays; the root identifier is spelled without its slash.
/// let implied = resource_from_metadata_url(
///     "https://api.example.com/.well-known/oauth-protected-resource?tenant=7")?;
/// assert_eq!(implied.resource, "https://api.example.com?tenant=7");
/// assert!(implied.is_built_by("https://api.example.com/?tenant=7"));
///
/// // Not a protected-resource metadata URL: the well-known segment must follow the host.
/// let refused = resource_from_metadata_url(
///     "https://example.com/issuer1/.well-known/openid-configuration").unwrap_err();
/// assert_eq!(refused.inventory(), Some("PR-WK-1"));
/// # Ok::<(), oidc_discovery_validate::well_known::WellKnownError>(())
/// ```
///
/// # Errors
///
/// [`WellKnownError::InvalidResourceMetadataUrl`] when the URL is not usable (the same
/// problems as a resource identifier: not absolute, no host, fragment, userinfo, template, …),
/// has no or several `.well-known` segments, has no suffix, or has `.well-known/<suffix>`
/// anywhere but right after the host. [`WellKnownError::inventory`] names the rule.
pub fn resource_from_metadata_url(url: &str) -> Result<ImpliedResource, WellKnownError> {
    let fail = |problem| WellKnownError::InvalidResourceMetadataUrl {
        url: url.to_owned(),
        problem,
    };
    let MetadataUrl {
        origin,
        segments,
        index,
        suffix,
        query,
    } = metadata_url(url, Identifier::Resource).map_err(fail)?;
    if index != 0 {
        return Err(fail(UrlProblem::UnrecognizedLayout));
    }
    let path = segments[2..]
        .iter()
        .fold(String::new(), |mut path, segment| {
            path.push('/');
            path.push_str(segment);
            path
        });
    let query = query.map(|query| format!("?{query}")).unwrap_or_default();
    let resource = format!("{origin}{path}{query}");
    // Defence in depth: what we return must itself build.
    identifier_parts(&resource, Identifier::Resource).map_err(fail)?;
    Ok(ImpliedResource {
        with_trailing_slash: format!("{origin}{path}/{query}"),
        resource,
        suffix: suffix.to_owned(),
    })
}

/// A metadata URL split around its one `/.well-known/<suffix>`.
struct MetadataUrl<'a> {
    /// `scheme://authority`, exactly as written.
    origin: &'a str,
    /// The path's segments (after its first `/`; one trailing `/` of the URL ignored).
    segments: Vec<&'a str>,
    /// Where `.well-known` is in `segments`.
    index: usize,
    /// The segment after it: never empty.
    suffix: &'a str,
    /// The query, without its `?` (only where `identifier` allows one).
    query: Option<&'a str>,
}

/// Splits and checks a metadata URL of an `identifier` (issuer or resource identifier): the
/// steps both inverses share, before each recognizes its layout.
fn metadata_url(url: &str, identifier: Identifier) -> Result<MetadataUrl<'_>, UrlProblem> {
    let parts = split(url, identifier)?;
    if parts.path.ends_with("//") {
        return Err(UrlProblem::DoubleTrailingSlash);
    }
    let path = parts.path.strip_suffix('/').unwrap_or(parts.path);
    // `path` is empty or starts with `/`; segments after that first `/`.
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    if segments.iter().any(|segment| is_dot_segment(segment)) {
        return Err(UrlProblem::DotSegment);
    }
    let mut positions = segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| **segment == WELL_KNOWN)
        .map(|(index, _)| index);
    let index = match (positions.next(), positions.next()) {
        (None, _) => return Err(UrlProblem::NoWellKnownSegment),
        (Some(_), Some(_)) => return Err(UrlProblem::MultipleWellKnownSegments),
        (Some(index), None) => index,
    };
    let suffix = match segments.get(index + 1) {
        Some(suffix) if !suffix.is_empty() => *suffix,
        _ => return Err(UrlProblem::MissingSuffix),
    };
    Ok(MetadataUrl {
        origin: parts.origin,
        segments,
        index,
        suffix,
        query: parts.query,
    })
}

/// What an identifier identifies, which decides whether it may have a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Identifier {
    /// An issuer: no query (OpenID Connect Discovery 1.0 §3, RFC 8414 §2).
    Issuer,
    /// A resource identifier: a query is allowed and kept (RFC 9728 §1.2, §3).
    Resource,
}

/// The raw pieces of a URL the builders need, borrowed from the input.
pub(crate) struct Parts<'a> {
    /// `scheme://authority`, exactly as written.
    origin: &'a str,
    /// The path, exactly as written: empty or starting with `/`.
    path: &'a str,
    /// The query, without its `?`, exactly as written (only a resource identifier has one).
    query: Option<&'a str>,
}

/// Splits and checks an issuer; the returned path has its one terminating slash removed.
pub(crate) fn issuer_parts(issuer: &str) -> Result<Parts<'_>, WellKnownError> {
    identifier_parts(issuer, Identifier::Issuer).map_err(|problem| WellKnownError::InvalidIssuer {
        issuer: issuer.to_owned(),
        problem,
    })
}

/// Splits and checks a resource identifier; the returned path has its one terminating slash
/// removed (RFC 9728 §3.1; PR-WK-3), and the query is kept (PR-WK-4).
pub(crate) fn resource_parts(resource: &str) -> Result<Parts<'_>, WellKnownError> {
    identifier_parts(resource, Identifier::Resource).map_err(|problem| {
        WellKnownError::InvalidResource {
            resource: resource.to_owned(),
            problem,
        }
    })
}

/// Splits and checks an identifier of either kind; the returned path has its one terminating
/// slash removed.
fn identifier_parts(input: &str, identifier: Identifier) -> Result<Parts<'_>, UrlProblem> {
    let parts = split(input, identifier)?;
    if parts.path.ends_with("//") {
        return Err(UrlProblem::DoubleTrailingSlash);
    }
    let path = parts.path.strip_suffix('/').unwrap_or(parts.path);
    for segment in path.split('/').skip(1) {
        if is_dot_segment(segment) {
            return Err(UrlProblem::DotSegment);
        }
        if segment == WELL_KNOWN {
            return Err(UrlProblem::WellKnownSegment);
        }
    }
    Ok(Parts { path, ..parts })
}

/// Splits `scheme://authority` from the path (and, for a resource identifier, the query) of an
/// absolute URL without a fragment, userinfo or template, and checks that the `url` crate
/// parses it. An issuer's query is refused.
fn split(input: &str, identifier: Identifier) -> Result<Parts<'_>, UrlProblem> {
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
    // A resource identifier's query is kept in the URL, so a template there is one too.
    let kept_query = match identifier {
        Identifier::Issuer => "",
        Identifier::Resource => query_or_fragment.split('#').next().unwrap_or_default(),
    };
    if [authority, path, kept_query]
        .iter()
        .any(|part| part.contains(['{', '}']))
    {
        return Err(UrlProblem::Template);
    }
    if authority.contains('@') {
        return Err(UrlProblem::Userinfo);
    }
    if host_of(authority).is_empty() {
        return Err(UrlProblem::NoHost);
    }
    let (query, fragment) = match query_or_fragment.strip_prefix('?') {
        Some(_) if identifier == Identifier::Issuer => return Err(UrlProblem::Query),
        Some(rest) => match rest.split_once('#') {
            Some((query, _)) => (Some(query), true),
            None => (Some(rest), false),
        },
        // Empty, or a fragment.
        None => (None, !query_or_fragment.is_empty()),
    };
    if fragment {
        return Err(UrlProblem::Fragment);
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
        query,
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
