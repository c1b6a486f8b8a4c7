//! Validation and verification together: what a consumer that requires signed metadata judges.

use oidc_discovery_validate::{Checked, Options, Profile, Report, RuleGroup, check, validate_json};

use crate::{SignedMetadataError, VerifiedMetadata, Verifier};

/// The result of [`validate_json_verified`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VerifiedCheck {
    /// The document and its report. When verification succeeded, the document is the merged
    /// one (signed values take precedence) and the report judges it, with the verification
    /// note and `signed-metadata-differs` warnings; when it failed, the document is the plain
    /// one and the report has the failure as an error.
    pub checked: Checked,
    /// The outcome of verification; `None` when the text is not a JSON object.
    pub verification: Option<Result<VerifiedMetadata, SignedMetadataError>>,
}

/// Validates a document's JSON text and verifies its `signed_metadata` (required): the checks
/// of [`validate_json`] on the text (syntax, duplicate member names), then — when verification
/// succeeds — every rule on the **merged** document, which is the one a consumer uses (RFC
/// 8414 §2.1: signed values take precedence).
///
/// ```
/// # #[cfg(feature = "sign")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use oidc_discovery_metadata::ProviderMetadata;
/// use oidc_discovery_signed::{
///     Algorithm, IssuerPolicy, SignOptions, SigningKey, TrustedKeys, Verifier, embed,
///     validate_json_verified,
/// };
/// use oidc_discovery_validate::{Options, Profile};
///
/// let key = SigningKey::generate(Algorithm::ES256)?;
/// let metadata = ProviderMetadata::from_json_str(r#"{
///     "issuer": "https://as.example.com",
///     "authorization_endpoint": "https://as.example.com/authorize",
///     "token_endpoint": "https://as.example.com/token",
///     "response_types_supported": ["code"]
/// }"#)?;
/// let json = embed(&metadata, &key, &SignOptions::new("https://as.example.com"))?.to_json_vec()?;
///
/// let verifier = Verifier::new(
///     TrustedKeys::from_jwk(&key.public_jwk().unwrap())?,
///     IssuerPolicy::document_issuer(),
/// );
/// let result = validate_json_verified(&json, Profile::OAuth, &Options::default(), &verifier);
/// assert!(result.checked.report.is_valid());
/// assert!(result.checked.report.has("signed-metadata-verified"));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "sign"))]
/// # fn main() {}
/// ```
#[must_use]
pub fn validate_json_verified(
    json: &[u8],
    profile: Profile,
    options: &Options,
    verifier: &Verifier,
) -> VerifiedCheck {
    let plain = validate_json(json, profile, options);
    let Some(metadata) = &plain.metadata else {
        return VerifiedCheck {
            checked: plain,
            verification: None,
        };
    };
    match verifier.verify(metadata) {
        Ok(verified) => {
            // The merged document is judged anew; what only the text shows (duplicate member
            // names) comes from the plain report.
            let mut problems = check(&verified.metadata, profile, options).problems;
            problems.extend(
                plain
                    .report
                    .problems
                    .iter()
                    .filter(|problem| problem.rule.group == RuleGroup::Json)
                    .cloned(),
            );
            problems.extend(verified.problems(profile));
            VerifiedCheck {
                checked: Checked {
                    metadata: Some(verified.metadata.clone()),
                    report: Report::new(profile, problems),
                },
                verification: Some(Ok(verified)),
            }
        }
        Err(error) => {
            let mut problems = plain.report.problems.clone();
            // A token that breaks a document rule (not a JWS, unsigned, no `iss`, not a
            // string) was read by the same reader during validation, which reported it.
            if !error.reported_by_validation() {
                problems.extend(error.to_problem(profile));
            }
            VerifiedCheck {
                checked: Checked {
                    metadata: plain.metadata,
                    report: Report::new(profile, problems),
                },
                verification: Some(Err(error)),
            }
        }
    }
}
