//! Validation of OpenID Connect Discovery 1.0 and RFC 8414 metadata documents: every problem
//! of a document in one report.
//!
//! This crate judges documents that `oidc-discovery-metadata` has parsed (leniently, losing
//! nothing). It is **not** a parser and does not fetch or serve anything.
//!
//! * [`validate_json`] checks a document's text: JSON syntax (with line, column and the name of
//!   an invisible offending character), duplicate member names, then every rule.
//! * [`validate`] checks a parsed [`ProviderMetadata`] and, when the report has no errors,
//!   returns a [`Validated<P>`](Validated) whose accessors reflect what profile `P` guarantees.
//! * [`check`] does the same with the profile chosen at run time, returning the [`Report`].
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

use oidc_discovery_metadata::ProviderMetadata;

pub use issuer::IssuerMatchOptions;
pub use profile::{Profile, UnknownProfile};
pub use report::{MAX_REPEATS, Problem, Repeats, Report, Severity};
pub use rules::{RULES, Rule, RuleGroup};
pub use validated::{Fapi2, Invalid, OAuth, Oidc, ProfileKind, Validated};
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
}

/// Validates a parsed document under `profile`.
#[must_use]
pub fn check(metadata: &ProviderMetadata, profile: Profile, options: &Options) -> Report {
    check_with(metadata, profile, options, report::Collector::new(profile))
}

/// [`check`], with problems found before (in the JSON text) to report alongside.
fn check_with(
    metadata: &ProviderMetadata,
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
/// has no errors.
///
/// # Errors
///
/// [`Invalid`] (the report and the document) when the report has an error.
pub fn validate<P: ProfileKind>(
    metadata: ProviderMetadata,
    options: &Options,
) -> Result<Validated<P>, Invalid> {
    let report = check(&metadata, P::PROFILE, options);
    Validated::new(metadata, report)
}

/// The result of [`validate_json`]: the parsed document (when the text is a JSON object) and
/// the report.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The document, unless the text is not JSON or not a JSON object.
    pub metadata: Option<ProviderMetadata>,
    /// Every problem, including JSON-level ones (syntax, duplicate member names).
    pub report: Report,
}

impl Checked {
    /// The validated document, if the report has no errors and the profile is `P`.
    ///
    /// # Errors
    ///
    /// The report, when it has errors, is for another profile, or the text did not parse.
    pub fn into_validated<P: ProfileKind>(self) -> Result<Validated<P>, Report> {
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
#[must_use]
pub fn validate_json(source: &[u8], profile: Profile, options: &Options) -> Checked {
    // Repeated member names. With objects inside the top-level one, a scan of the text finds
    // them at every depth; it runs before the parsed document exists, so the peak memory is
    // the larger of the two, not their sum. Without (most documents), the parse notes the
    // repeated top-level names itself, at no extra pass. Nothing is reported for text that
    // does not parse.
    let mut duplicates = report::Collector::new(profile);
    let parsed = if checks::json::has_nested_object(source) {
        checks::json::duplicate_members(source, &mut duplicates);
        ProviderMetadata::from_json_slice(source)
    } else {
        ProviderMetadata::from_json_slice_noting_repeats(source).map(|(metadata, names)| {
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
