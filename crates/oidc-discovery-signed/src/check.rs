//! Validation and verification together: what a consumer that requires signed metadata judges.

use oidc_discovery_metadata::{Metadata, ProtectedResourceMetadata, ProviderMetadata};
use oidc_discovery_validate::{
    Checked, Options, Profile, Report, RuleGroup, check, check_resource, validate_json,
    validate_resource_json,
};

use crate::{SignedMetadataError, VerifiedMetadata, Verifier};

/// The result of [`validate_json_verified`] (and, with `D` =
/// [`ProtectedResourceMetadata`], of [`validate_resource_json_verified`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VerifiedCheck<D = ProviderMetadata> {
    /// The document and its report. When verification succeeded, the document is the merged
    /// one (signed values take precedence) and the report judges it, with the verification
    /// note and `signed-metadata-differs` warnings; when it failed, the document is the plain
    /// one and the report has the failure as an error.
    pub checked: Checked<D>,
    /// The outcome of verification; `None` when the text is not a JSON object.
    pub verification: Option<Result<VerifiedMetadata<D>, SignedMetadataError>>,
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
    verified(
        validate_json(json, profile, options),
        profile,
        verifier,
        |merged| check(merged, profile, options),
    )
}

/// [`validate_json_verified`] for a protected resource's document (RFC 9728 §2.2): the checks of
/// [`validate_resource_json`] on the text, then verification of `signed_metadata` and every
/// rule of the `resource` profile on the merged document — so the resource-identifier match of
/// RFC 9728 §3.3 (`Options::expecting_resource`) judges the signed `resource` when there is one.
///
/// ```
/// # #[cfg(feature = "sign")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use oidc_discovery_metadata::ProtectedResourceMetadata;
/// use oidc_discovery_signed::{
///     Algorithm, IssuerPolicy, SignOptions, SigningKey, TrustedKeys, Verifier, embed,
///     validate_resource_json_verified,
/// };
/// use oidc_discovery_validate::Options;
///
/// let key = SigningKey::generate(Algorithm::ES256)?;
/// let metadata = ProtectedResourceMetadata::from_json_str(r#"{
///     "resource": "https://mcp.example.com/mcp",
///     "authorization_servers": ["https://auth.example.com"]
/// }"#)?;
/// let mut published = embed(&metadata, &key, &SignOptions::new("https://mcp.example.com/mcp"))?;
/// published.authorization_servers = Some(vec!["https://evil.example".into()]);
///
/// let verifier = Verifier::new(
///     TrustedKeys::from_jwk(&key.public_jwk().unwrap())?,
///     IssuerPolicy::document_issuer(),
/// );
/// let options = Options::expecting_resource("https://mcp.example.com/mcp");
/// let result = validate_resource_json_verified(&published.to_json_vec()?, &options, &verifier);
/// assert!(result.checked.report.is_valid());
/// assert!(result.checked.report.has("signed-metadata-differs"));
/// let merged = result.checked.metadata.unwrap();
/// assert_eq!(merged.authorization_servers.unwrap()[0].as_str(), "https://auth.example.com");
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "sign"))]
/// # fn main() {}
/// ```
#[must_use]
pub fn validate_resource_json_verified(
    json: &[u8],
    options: &Options,
    verifier: &Verifier,
) -> VerifiedCheck<ProtectedResourceMetadata> {
    verified(
        validate_resource_json(json, options),
        Profile::Resource,
        verifier,
        |merged| check_resource(merged, options),
    )
}

/// Verifies the `signed_metadata` of the document `plain` checked, and judges the merged
/// document with `judge` (any document kind).
fn verified<D: Metadata>(
    plain: Checked<D>,
    profile: Profile,
    verifier: &Verifier,
    judge: impl Fn(&D) -> Report,
) -> VerifiedCheck<D> {
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
            let mut problems = judge(&verified.metadata).problems;
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
