//! Validation of OpenID Connect Discovery 1.0 and RFC 8414 metadata documents, and of OAuth 2.0
//! Protected Resource Metadata (RFC 9728): every problem of a document in one report.
//!
//! This crate judges documents that `oidc-discovery-metadata` has parsed (leniently, losing
//! nothing). It is **not** a parser and does not fetch or serve anything.
//!
//! * [`validate_json`] checks a document's text: JSON syntax (with line, column and the name of
//!   an invisible offending character), duplicate member names, then every rule.
//!   [`validate_resource_json`] does the same for a protected resource's document (the
//!   [`Resource`] profile), through the same steps.
//! * [`validate`] checks a parsed [`ProviderMetadata`] (or, under [`Resource`], a
//!   [`ProtectedResourceMetadata`]) and, when the report has no errors, returns a
//!   [`Validated<P>`](Validated) whose accessors reflect what profile `P` guarantees.
//! * [`check`] (and [`check_resource`]) does the same with the profile chosen at run time,
//!   returning the [`Report`].
//!
//! Every rule has a stable id, a citation and a severity per [`Profile`] ([`RULES`];
//! `docs/rules.md`). A report lists every problem — rule, severity, RFC 6901 JSON pointer,
//! message, citation — sorted, and serializes to JSON; past [`MAX_REPEATS`] problems of one
//! rule it folds the rest into one problem that counts them ([`Problem::repeats`]), so that a
//! report stays small whatever the document.
//!
//! ```
//! use oidc_discovery_validate::{Options, Profile, Severity, validate_json};
//!
//! let checked = validate_json(br#"{
//!     "issuer": "http://id.example.com",
//!     "authorization_endpoint": "https://id.example.com/authorize",
//!     "response_types_supported": ["code", "code code"],
//!     "issuer": "https://evil.example"
//! }"#, Profile::OAuth, &Options::default());
//! let report = &checked.report;
//! assert!(!report.is_valid());
//! let rules: Vec<&str> = report.problems.iter().map(|p| p.rule.id).collect();
//! assert!(rules.contains(&"duplicate-member"));        // the second `issuer`
//! assert!(rules.contains(&"response-type-malformed")); // "code code"
//! assert!(rules.contains(&"token-endpoint-missing"));
//! let duplicate = report.problems.iter().find(|p| p.rule == "duplicate-member").unwrap();
//! assert_eq!((duplicate.severity, duplicate.pointer.as_str()), (Severity::Error, "/issuer"));
//! ```
//!
//! Issuer comparison ([`issuer`]) is exact unless the caller opts in to a relaxation, and the
//! well-known URLs of an issuer (and the issuer implied by a metadata URL) are in
//! [`well_known`].
//!
//! Messages quote document values with their control and bidirectional characters escaped
//! ([`visible`]), so a report printed to a terminal shows what the document holds and cannot
//! be rewritten by it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod challenge;
mod checks;
pub mod issuer;
pub mod jws;
pub mod pointer;
mod profile;
mod report;
pub mod rules;
mod validated;
mod visible;
pub mod well_known;

use oidc_discovery_metadata::{ProtectedResourceMetadata, ProviderMetadata};

pub use issuer::IssuerMatchOptions;
pub use profile::{Profile, UnknownProfile};
pub use report::{MAX_REPEATS, Problem, Repeats, Report, Severity};
pub use rules::{RULES, Rule, RuleGroup};
pub use validated::{
    DocumentProfile, Fapi2, Invalid, OAuth, Oidc, ProfileKind, Resource, Validated,
};
pub use visible::{is_hidden, visible};

/// What validation compares the document with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The issuer the document was requested for (the one its well-known URL was built from).
    /// When set, `issuer` must equal it (`issuer-mismatch`); when `None`, that check is skipped.
    pub expected_issuer: Option<String>,
    /// Opt-in relaxations of the exact issuer comparison.
    pub issuer_match: IssuerMatchOptions,
    /// The resource a protected resource's document was requested for (RFC 9728 §3.3), and
    /// where the client got it. When set, `resource` must equal it (`resource-mismatch`);
    /// when `None`, that check is skipped. Only the `resource` profile reads it.
    pub expected_resource: Option<ExpectedResource>,
}

impl Options {
    /// Options that compare the document's `issuer` with `expected` exactly.
    #[must_use]
    pub fn expecting(expected: impl Into<String>) -> Self {
        Self {
            expected_issuer: Some(expected.into()),
            ..Self::default()
        }
    }

    /// Options that compare a protected resource's `resource` exactly with `identifier`, the
    /// resource identifier the client built the metadata URL from (RFC 9728 §3.3, PR-VAL-1).
    #[must_use]
    pub fn expecting_resource(identifier: impl Into<String>) -> Self {
        Self {
            expected_resource: Some(ExpectedResource {
                url: identifier.into(),
                origin: ResourceOrigin::Identifier,
            }),
            ..Self::default()
        }
    }

    /// Options that compare a protected resource's `resource` exactly with `request_url`, the
    /// URL of the request whose `WWW-Authenticate` challenge gave the metadata URL
    /// (`resource_metadata`, RFC 9728 §3.3 and §5.1, PR-VAL-2).
    #[must_use]
    pub fn expecting_resource_from_challenge(request_url: impl Into<String>) -> Self {
        Self {
            expected_resource: Some(ExpectedResource {
                url: request_url.into(),
                origin: ResourceOrigin::Challenge,
            }),
            ..Self::default()
        }
    }
}

/// The resource a client expects a protected resource's document to name (RFC 9728 §3.3).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExpectedResource {
    /// The expected `resource`, exactly as the client holds it (compared code point by code
    /// point, never normalized: RFC 9728 §6).
    pub url: String,
    /// Where the client got it.
    pub origin: ResourceOrigin,
}

/// Where the resource a client expects comes from; the two cases of RFC 9728 §3.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResourceOrigin {
    /// The resource identifier the client built the metadata URL from (RFC 9728 §3.1):
    /// `resource` must be identical to it.
    Identifier,
    /// The URL of the request whose `WWW-Authenticate` challenge carried the metadata URL
    /// (`resource_metadata`, RFC 9728 §5.1): `resource` must be identical to that URL.
    Challenge,
}

/// Validates a parsed provider's document under `profile` (a provider profile, one of
/// [`Profile::PROVIDER`]; a protected resource's document is checked by [`check_resource`]).
#[must_use]
pub fn check(metadata: &ProviderMetadata, profile: Profile, options: &Options) -> Report {
    check_with(metadata, profile, options, report::Collector::new(profile))
}

/// Validates a parsed protected resource's document (RFC 9728) under [`Profile::Resource`].
///
/// ```
/// use oidc_discovery_metadata::ProtectedResourceMetadata;
/// use oidc_discovery_validate::{Options, check_resource};
///
/// let metadata = ProtectedResourceMetadata::from_json_str(r#"{
///     "resource": "https://mcp.example.com/mcp",
///     "authorization_servers": ["https://auth.example.com"],
///     "scopes_supported": ["files:read"],
///     "resource_name": "Example"
/// }"#)?;
/// assert!(check_resource(&metadata, &Options::expecting_resource("https://mcp.example.com/mcp")).is_valid());
/// let report = check_resource(&metadata, &Options::expecting_resource("https://mcp.example.com"));
/// assert!(report.has("resource-mismatch"));
/// # Ok::<(), oidc_discovery_metadata::ParseError>(())
/// ```
#[must_use]
pub fn check_resource(metadata: &ProtectedResourceMetadata, options: &Options) -> Report {
    let profile = Profile::Resource;
    check_with(metadata, profile, options, report::Collector::new(profile))
}

/// [`check`], with problems found before (in the JSON text) to report alongside.
fn check_with<D: checks::Judge>(
    metadata: &D,
    profile: Profile,
    options: &Options,
    problems: report::Collector,
) -> Report {
    let mut context = checks::Context {
        profile,
        options,
        metadata,
        problems,
    };
    checks::run(&mut context);
    context.problems.finish()
}

/// Validates a parsed document under `P` and returns it as [`Validated<P>`] when the report
/// has no errors. `P` is a provider profile ([`OAuth`], [`Oidc`], [`Fapi2`]) for a
/// [`ProviderMetadata`], or [`Resource`] for a [`ProtectedResourceMetadata`].
///
/// # Errors
///
/// [`Invalid`] (the report and the document) when the report has an error.
pub fn validate<P: DocumentProfile>(
    metadata: P::Document,
    options: &Options,
) -> Result<Validated<P>, Invalid<P::Document>> {
    let report = P::check(&metadata, options);
    Validated::new(metadata, report)
}

/// The result of [`validate_json`] (a provider's document) or [`validate_resource_json`] (a
/// protected resource's): the parsed document (when the text is a JSON object) and the report.
#[derive(Debug, Clone)]
pub struct Checked<D = ProviderMetadata> {
    /// The document, unless the text is not JSON or not a JSON object (and, from
    /// [`validate_json`] under [`Profile::Resource`], always: see there).
    pub metadata: Option<D>,
    /// Every problem, including JSON-level ones (syntax, duplicate member names).
    pub report: Report,
}

impl<D: oidc_discovery_metadata::Metadata> Checked<D> {
    /// The validated document, if the report has no errors and the profile is `P`.
    ///
    /// # Errors
    ///
    /// The report, when it has errors, is for another profile, or the text did not parse.
    pub fn into_validated<P: DocumentProfile<Document = D>>(self) -> Result<Validated<P>, Report> {
        match self.metadata {
            Some(metadata) => {
                Validated::new(metadata, self.report).map_err(|invalid| invalid.report)
            }
            None => Err(self.report),
        }
    }
}

/// Validates a document's JSON text under `profile`: syntax, duplicate member names (which a
/// parsed document cannot show), then every rule of [`check`].
///
/// A provider profile reads the text as a [`ProviderMetadata`]. [`Profile::Resource`] judges it
/// as a protected resource's document, exactly as [`validate_resource_json`] does, and returns
/// only the report (`metadata` is `None`: the document is not a provider's; call
/// [`validate_resource_json`] to have it).
#[must_use]
pub fn validate_json(source: &[u8], profile: Profile, options: &Options) -> Checked {
    match profile.document_kind() {
        oidc_discovery_metadata::DocumentKind::ProtectedResource => Checked {
            metadata: None,
            report: validate_text::<ProtectedResourceMetadata>(source, profile, options).report,
        },
        _ => validate_text(source, profile, options),
    }
}

/// Validates a protected resource's document (RFC 9728) from its JSON text under
/// [`Profile::Resource`]: the same steps as [`validate_json`] (syntax, duplicate member names,
/// then every rule of [`check_resource`]).
///
/// ```
/// use oidc_discovery_validate::{Options, Resource, validate_resource_json};
///
/// let checked = validate_resource_json(br#"{
///     "resource": "https://mcp.example.com/mcp",
///     "authorization_servers": ["https://auth.example.com"],
///     "bearer_methods_supported": [],
///     "scopes_supported": []
/// }"#, &Options::expecting_resource("https://mcp.example.com/mcp"));
/// let rules: Vec<&str> = checked.report.problems.iter().map(|p| p.rule.id).collect();
/// assert_eq!(rules, ["empty-array", "recommended-member-missing"]); // `[]` means something only for bearer methods
/// let problem = &checked.report.problems[0];
/// assert_eq!((problem.pointer.as_str(), problem.spec), ("/scopes_supported", "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2; RFC 9728 §3.2"));
/// assert!(checked.into_validated::<Resource>().is_err());
/// ```
#[must_use]
pub fn validate_resource_json(
    source: &[u8],
    options: &Options,
) -> Checked<ProtectedResourceMetadata> {
    validate_text(source, Profile::Resource, options)
}

/// The steps of [`validate_json`] for any document type.
fn validate_text<D: checks::Judge>(
    source: &[u8],
    profile: Profile,
    options: &Options,
) -> Checked<D> {
    // Repeated member names. With objects inside the top-level one, a scan of the text finds
    // them at every depth; it runs before the parsed document exists, so the peak memory is
    // the larger of the two, not their sum. Without (most documents), the parse notes the
    // repeated top-level names itself, at no extra pass. Nothing is reported for text that
    // does not parse.
    let mut duplicates = report::Collector::new(profile);
    let parsed = if checks::json::has_nested_object(source) {
        checks::json::duplicate_members(source, &mut duplicates);
        D::from_json_slice(source)
    } else {
        D::from_json_slice_noting_repeats(source).map(|(metadata, names)| {
            checks::json::repeated_members(names, &mut duplicates);
            metadata
        })
    };
    match parsed {
        Err(error) => Checked {
            metadata: None,
            report: Report::new(
                profile,
                checks::json::parse_problem(&error, source, profile)
                    .into_iter()
                    .collect(),
            ),
        },
        Ok(metadata) => {
            let report = check_with(&metadata, profile, options, duplicates);
            Checked {
                metadata: Some(metadata),
                report,
            }
        }
    }
}
