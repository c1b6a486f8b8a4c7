//! Comparing the issuer a client expected with the issuer a metadata document states.
//!
//! The comparison is **exact** by default: code point by code point, with no normalization of
//! any kind (no trailing-slash insertion or removal, no case folding, no percent-decoding, no
//! Unicode normalization). That is what the specs require: OpenID Connect Discovery 1.0 §4.3
//! and §5, RFC 8414 §3.3 and §4 (STR-1, ISS-7, VAL-1 in the inventory).
//!
//! Two deployments break strict clients often enough that [`IssuerMatchOptions`] offers
//! explicit, opt-in relaxations (VAL-4: opt-in compatibility, never silent normalization). A
//! match that needed one says so in [`IssuerMatch::relaxation`], whose `Display` is meant to be
//! shown as a note in a validation report.
//!
//! * [`ignore_trailing_slash`](IssuerMatchOptions::ignore_trailing_slash): `https://a.example`
//!   and `https://a.example/` match. One slash only: `https://a.example//` never matches
//!   `https://a.example/` or `https://a.example`. (Authentik, Auth0, Keycloak set-ups are
//!   frequent offenders: coreos/go-oidc #66, #203, #338; panva/openid-client #737.)
//! * [`tenant_template`](IssuerMatchOptions::tenant_template): Microsoft Entra's multi-tenant
//!   documents state the issuer `https://login.microsoftonline.com/{tenantid}/v2.0` (v1:
//!   `https://sts.windows.net/{tenantid}/`). With this option the **document's** `{tenantid}`
//!   (exactly that token, case-sensitive) matches one non-empty path segment of the expected
//!   issuer (MicrosoftDocs/azure-docs #38427, #95994). Tenant aliases such as `common` or
//!   `organizations` are segments like any other, so they match too; the relaxation note then
//!   says that ID tokens will carry the real tenant ID.
//!
//! ```
//! use oidc_discovery_validate::issuer::{match_issuer, IssuerMatchOptions, Relaxation};
//!
//! let exact = IssuerMatchOptions::default();
//! assert!(match_issuer("https://a.example", "https://a.example", &exact)?.is_exact());
//!
//! // Off by default: the mismatch names the option that would accept it.
//! let error = match_issuer("https://a.example", "https://a.example/", &exact).unwrap_err();
//! assert!(error.to_string().contains("ignore_trailing_slash"));
//!
//! let entra = IssuerMatchOptions { tenant_template: true, ..IssuerMatchOptions::default() };
//! let matched = match_issuer(
//!     "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
//!     "https://login.microsoftonline.com/{tenantid}/v2.0",
//!     &entra,
//! )?;
//! assert_eq!(matched.relaxation, Some(Relaxation::TenantTemplate {
//!     tenant: "9188040d-6c67-4c5b-b112-36a304b66dad".to_owned(),
//! }));
//! # Ok::<(), oidc_discovery_validate::issuer::IssuerMismatch>(())
//! ```
//!
//! This module only compares. Whether either string is an acceptable issuer (`https`, a host,
//! no query or fragment: ISS-2..ISS-4) is judged elsewhere; two equal empty strings are equal.

use std::fmt;

/// Microsoft Entra's tenant placeholder, exactly as Microsoft publishes it.
pub const TENANT_PLACEHOLDER: &str = "{tenantid}";

/// Tenant aliases accepted by Entra's multi-tenant endpoints; they are not tenant IDs.
const TENANT_ALIASES: [&str; 3] = ["common", "organizations", "consumers"];

/// Opt-in relaxations of the exact comparison. The default is exact: both `false`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IssuerMatchOptions {
    /// Accept issuers that differ by exactly one terminating `/` (`https://a.example` and
    /// `https://a.example/`; never `//`). Strings with a query or fragment, or without a
    /// `scheme://host`, never match this way.
    pub ignore_trailing_slash: bool,
    /// Treat the document's [`TENANT_PLACEHOLDER`] (`{tenantid}`, which must be a whole path
    /// segment and appear once) as matching one non-empty path segment of the expected issuer.
    /// A placeholder in the expected issuer is never a template.
    pub tenant_template: bool,
}

/// A successful comparison.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IssuerMatch {
    /// `None` for an exact match; otherwise the relaxation that was needed.
    pub relaxation: Option<Relaxation>,
}

impl IssuerMatch {
    /// Whether the issuers are identical (no relaxation was needed).
    #[must_use]
    pub const fn is_exact(&self) -> bool {
        self.relaxation.is_none()
    }
}

/// A relaxation that made two different issuers match. `Display` says what was relaxed, in
/// words, for a validation report.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Relaxation {
    /// The issuers differ by one terminating `/`.
    TrailingSlash,
    /// The document's `{tenantid}` was replaced by `tenant`.
    TenantTemplate {
        /// The path segment of the expected issuer that stands for `{tenantid}`.
        tenant: String,
    },
    /// Both: `{tenantid}` replaced by `tenant`, and then one terminating `/` of difference.
    TrailingSlashAndTenantTemplate {
        /// The path segment of the expected issuer that stands for `{tenantid}`.
        tenant: String,
    },
}

impl Relaxation {
    /// Whether a terminating slash was ignored.
    #[must_use]
    pub const fn trailing_slash(&self) -> bool {
        matches!(
            self,
            Self::TrailingSlash | Self::TrailingSlashAndTenantTemplate { .. }
        )
    }

    /// The tenant substituted for `{tenantid}`, if the template was used.
    #[must_use]
    pub fn tenant(&self) -> Option<&str> {
        match self {
            Self::TrailingSlash => None,
            Self::TenantTemplate { tenant } | Self::TrailingSlashAndTenantTemplate { tenant } => {
                Some(tenant)
            }
        }
    }
}

impl fmt::Display for Relaxation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TrailingSlash => f.write_str(
                "the issuers differ by one terminating slash, accepted because \
                 `--allow-trailing-slash` (library: `ignore_trailing_slash`) is on",
            )?,
            Self::TenantTemplate { tenant } => write!(
                f,
                "the document's issuer is a `{TENANT_PLACEHOLDER}` template, accepted with tenant \
                 \"{tenant}\" because `--allow-tenant-template` (library: `tenant_template`) is on"
            )?,
            Self::TrailingSlashAndTenantTemplate { tenant } => write!(
                f,
                "the document's issuer is a `{TENANT_PLACEHOLDER}` template and differs by one \
                 terminating slash, accepted with tenant \"{tenant}\" because \
                 `--allow-trailing-slash` and `--allow-tenant-template` (library: \
                 `ignore_trailing_slash` and `tenant_template`) are on"
            )?,
        }
        if let Some(alias) = self.tenant().filter(|t| TENANT_ALIASES.contains(t)) {
            write!(
                f,
                "; \"{alias}\" is a multi-tenant alias, not a tenant ID: the `iss` of ID tokens \
                 will carry the signing-in user's tenant ID"
            )?;
        }
        Ok(())
    }
}

/// Why two issuers did not match. The message quotes both strings verbatim, plus a hint when
/// the difference is one a relaxation would accept or a common near miss.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error(
    "issuer mismatch: expected \"{expected}\", the document states \"{actual}\"{}",
    HintSuffix(.hint.as_ref())
)]
pub struct IssuerMismatch {
    /// The expected issuer, as given.
    pub expected: String,
    /// The document's issuer, as given.
    pub actual: String,
    /// What the only difference is, when it is a recognizable one.
    pub hint: Option<MismatchHint>,
}

/// The only difference between two mismatching issuers, when it is a recognizable one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MismatchHint {
    /// The relaxation would have accepted the issuers, but its option was off.
    WouldMatchWith(Relaxation),
    /// The expected issuer (not the document's) holds `{tenantid}`, where the document has a
    /// path segment; only the document's issuer is treated as a template.
    TemplateInExpected,
    /// Only the ASCII case of the scheme or host differs; never accepted.
    AsciiCase,
    /// Only percent-encoding differs (`%7E` and `~`, or `%7e` and `%7E`); never accepted.
    PercentEncoding,
}

impl fmt::Display for MismatchHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WouldMatchWith(Relaxation::TrailingSlash) => f.write_str(
                "differs only by a trailing slash; `--allow-trailing-slash` (library: \
                 `ignore_trailing_slash`) would accept it",
            ),
            Self::WouldMatchWith(Relaxation::TenantTemplate { tenant }) => write!(
                f,
                "the document's issuer is a `{TENANT_PLACEHOLDER}` template that matches with \
                 tenant \"{tenant}\"; `--allow-tenant-template` (library: `tenant_template`) \
                 would accept it"
            ),
            Self::WouldMatchWith(Relaxation::TrailingSlashAndTenantTemplate { tenant }) => write!(
                f,
                "the document's issuer is a `{TENANT_PLACEHOLDER}` template that matches with \
                 tenant \"{tenant}\" up to a trailing slash; `--allow-trailing-slash` with \
                 `--allow-tenant-template` (library: `ignore_trailing_slash` with \
                 `tenant_template`) would accept it"
            ),
            Self::TemplateInExpected => write!(
                f,
                "the expected issuer holds `{TENANT_PLACEHOLDER}`; only the document's issuer \
                 is treated as a template"
            ),
            Self::AsciiCase => f.write_str(
                "differs only in the ASCII case of the scheme or host; issuers are compared \
                 exactly and no option accepts this",
            ),
            Self::PercentEncoding => f.write_str(
                "differs only in percent-encoding; issuers are compared without decoding and no \
                 option accepts this",
            ),
        }
    }
}

/// Formats an optional hint as `"; <hint>"`.
struct HintSuffix<'a>(Option<&'a MismatchHint>);

impl fmt::Display for HintSuffix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(hint) => write!(f, "; {hint}"),
            None => Ok(()),
        }
    }
}

/// Compares the `expected` issuer (the one the metadata URL was built from, or the one
/// configured) with the `actual` issuer stated by the document.
///
/// Exact unless `options` allow a relaxation; see the [module documentation](crate::issuer).
/// Never panics, whatever the strings.
///
/// ```
/// use oidc_discovery_validate::issuer::{match_issuer, IssuerMatchOptions, Relaxation};
///
/// let lenient = IssuerMatchOptions { ignore_trailing_slash: true, tenant_template: true };
/// let matched = match_issuer(
///     "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad",
///     "https://sts.windows.net/{tenantid}/",
///     &lenient,
/// )?;
/// assert!(matches!(matched.relaxation,
///                  Some(Relaxation::TrailingSlashAndTenantTemplate { .. })));
///
/// // Case is never relaxed.
/// let error = match_issuer("https://a.example", "https://A.example", &lenient).unwrap_err();
/// assert_eq!(error.actual, "https://A.example");
/// # Ok::<(), oidc_discovery_validate::issuer::IssuerMismatch>(())
/// ```
///
/// # Errors
///
/// [`IssuerMismatch`] when the issuers differ and no enabled relaxation accepts them.
pub fn match_issuer(
    expected: &str,
    actual: &str,
    options: &IssuerMatchOptions,
) -> Result<IssuerMatch, IssuerMismatch> {
    if expected == actual {
        return Ok(IssuerMatch { relaxation: None });
    }
    let relaxation = if differ_by_one_trailing_slash(expected, actual) {
        Some(Relaxation::TrailingSlash)
    } else if let Some(tenant) = template_tenant(expected, actual) {
        Some(Relaxation::TenantTemplate {
            tenant: tenant.to_owned(),
        })
    } else {
        template_tenant_up_to_slash(expected, actual)
            .map(|tenant| Relaxation::TrailingSlashAndTenantTemplate { tenant })
    };
    let hint = match relaxation {
        Some(relaxation) => {
            let allowed = (!relaxation.trailing_slash() || options.ignore_trailing_slash)
                && (relaxation.tenant().is_none() || options.tenant_template);
            if allowed {
                return Ok(IssuerMatch {
                    relaxation: Some(relaxation),
                });
            }
            Some(MismatchHint::WouldMatchWith(relaxation))
        }
        None => near_miss(expected, actual),
    };
    Err(IssuerMismatch {
        expected: expected.to_owned(),
        actual: actual.to_owned(),
        hint,
    })
}

/// Hints for differences no option accepts.
fn near_miss(expected: &str, actual: &str) -> Option<MismatchHint> {
    if template_tenant(actual, expected).is_some()
        || template_tenant_up_to_slash(actual, expected).is_some()
    {
        Some(MismatchHint::TemplateInExpected)
    } else if differ_only_in_authority_case(expected, actual) {
        Some(MismatchHint::AsciiCase)
    } else if percent_decode(expected) == percent_decode(actual) {
        Some(MismatchHint::PercentEncoding)
    } else {
        None
    }
}

/// `scheme://` followed by a non-empty authority, and no query or fragment.
fn is_plain_hierarchical(s: &str) -> bool {
    !s.contains(['?', '#'])
        && s.split_once("://").is_some_and(|(scheme, rest)| {
            !scheme.is_empty() && !rest.starts_with('/') && !rest.is_empty()
        })
}

/// `a` and `b` are equal once one terminating `/` is added to the shorter; the longer does not
/// end in `//`.
fn differ_by_one_trailing_slash(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_suffix('/') == Some(short)
        && !short.ends_with('/')
        && is_plain_hierarchical(short)
        && is_plain_hierarchical(long)
}

/// The segment of `expected` that `document`'s single, whole-segment `{tenantid}` stands for.
fn template_tenant<'e>(expected: &'e str, document: &str) -> Option<&'e str> {
    let (prefix, suffix) = document.split_once(TENANT_PLACEHOLDER)?;
    let placeholder_in_path = prefix.ends_with('/')
        && !prefix.contains(['?', '#'])
        && prefix
            .split_once("://")
            .is_some_and(|(_, rest)| rest.find('/').is_some_and(|slash| slash > 0));
    if suffix.contains(TENANT_PLACEHOLDER)
        || !placeholder_in_path
        || !(suffix.is_empty() || suffix.starts_with('/'))
        || expected.len() < prefix.len() + suffix.len()
        || !expected.starts_with(prefix)
        || !expected.ends_with(suffix)
    {
        return None;
    }
    let tenant = expected.get(prefix.len()..expected.len() - suffix.len())?;
    let is_segment = !tenant.is_empty()
        && !tenant.chars().any(|c| {
            c.is_control() || c.is_whitespace() || matches!(c, '/' | '?' | '#' | '\\' | '{' | '}')
        });
    is_segment.then_some(tenant)
}

/// The tenant for which `document` with `{tenantid}` replaced differs from `expected` by one
/// terminating slash.
fn template_tenant_up_to_slash(expected: &str, document: &str) -> Option<String> {
    if !is_plain_hierarchical(expected) || expected.ends_with("//") {
        return None;
    }
    let toggled = match expected.strip_suffix('/') {
        Some(without) => without.to_owned(),
        None => format!("{expected}/"),
    };
    let tenant = template_tenant(&toggled, document)?;
    let substituted = document.replacen(TENANT_PLACEHOLDER, tenant, 1);
    differ_by_one_trailing_slash(expected, &substituted).then(|| tenant.to_owned())
}

/// Equal except for the ASCII case of the scheme and authority.
fn differ_only_in_authority_case(a: &str, b: &str) -> bool {
    fn split(s: &str) -> Option<(&str, &str, &str)> {
        let (scheme, rest) = s.split_once("://")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        Some((scheme, authority, tail))
    }
    match (split(a), split(b)) {
        (Some((scheme_a, authority_a, tail_a)), Some((scheme_b, authority_b, tail_b))) => {
            a != b
                && tail_a == tail_b
                && scheme_a.eq_ignore_ascii_case(scheme_b)
                && authority_a.eq_ignore_ascii_case(authority_b)
        }
        _ => false,
    }
}

/// The bytes of `s` with every valid `%XX` decoded.
fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escape = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    decoded
}
