//! `validate_json_verified`: the report a consumer that requires signed metadata gets.

use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, SignOptions, SignedMetadataError, SigningKey, TrustedKeys, Verifier,
    embed, validate_json_verified,
};
use oidc_discovery_validate::{Options, Profile, Report, Severity};

const ISSUER: &str = "https://as.example.com";

fn plain() -> ProviderMetadata {
    ProviderMetadata::from_json_str(
        r#"{
        "issuer": "https://as.example.com",
        "authorization_endpoint": "https://as.example.com/authorize",
        "token_endpoint": "https://as.example.com/token",
        "response_types_supported": ["code"],
        "scopes_supported": ["read"],
        "code_challenge_methods_supported": ["S256"]
    }"#,
    )
    .unwrap()
}

fn verifier(key: &SigningKey) -> Verifier {
    Verifier::new(
        TrustedKeys::from_jwk(&key.public_jwk().unwrap()).unwrap(),
        IssuerPolicy::document_issuer(),
    )
}

fn rules(report: &Report) -> Vec<(&str, Severity, &str)> {
    report
        .problems
        .iter()
        .map(|problem| (problem.rule.id, problem.severity, problem.pointer.as_str()))
        .collect()
}

#[test]
fn the_merged_document_is_judged() {
    let key = SigningKey::generate(Algorithm::EdDSA).unwrap();
    let mut published = embed(&plain(), &key, &SignOptions::new(ISSUER)).unwrap();
    // A stale plain member that breaks a rule; the signed value is fine and takes precedence.
    published.token_endpoint = Some("http://as.example.com/token".into());
    let json = published.to_json_vec().unwrap();
    let result =
        validate_json_verified(&json, Profile::OAuth, &Options::default(), &verifier(&key));
    assert!(
        result.checked.report.is_valid(),
        "{}",
        result.checked.report
    );
    assert_eq!(
        rules(&result.checked.report),
        [
            (
                "signed-metadata-differs",
                Severity::Warning,
                "/token_endpoint"
            ),
            (
                "signed-metadata-verified",
                Severity::Info,
                "/signed_metadata"
            ),
        ]
    );
    let merged = result.checked.metadata.unwrap();
    assert_eq!(
        merged.token_endpoint.unwrap().as_str(),
        "https://as.example.com/token"
    );
    assert!(matches!(result.verification, Some(Ok(_))));
    // Without verification, the plain document is what is judged.
    let unverified =
        oidc_discovery_validate::validate_json(&json, Profile::OAuth, &Options::default());
    assert!(!unverified.report.is_valid());
}

#[test]
fn duplicate_members_in_the_text_are_still_reported() {
    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let json = embed(&plain(), &key, &SignOptions::new(ISSUER))
        .unwrap()
        .to_json_string()
        .unwrap();
    let duplicated = json.replacen(
        '{',
        r#"{"ui_locales_supported":["en"],"ui_locales_supported":["fr"],"#,
        1,
    );
    let result = validate_json_verified(
        duplicated.as_bytes(),
        Profile::OAuth,
        &Options::default(),
        &verifier(&key),
    );
    assert!(
        result.checked.report.has("duplicate-member"),
        "{}",
        result.checked.report
    );
    assert!(result.checked.report.has("signed-metadata-verified"));
}

#[test]
fn a_failed_verification_is_an_error_of_the_report() {
    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let stranger = SigningKey::generate(Algorithm::ES256).unwrap();
    let json = embed(&plain(), &key, &SignOptions::new(ISSUER))
        .unwrap()
        .to_json_vec()
        .unwrap();
    let result = validate_json_verified(
        &json,
        Profile::Oidc,
        &Options::default(),
        &verifier(&stranger),
    );
    assert!(!result.checked.report.is_valid());
    assert!(rules(&result.checked.report).contains(&(
        "signed-metadata-signature",
        Severity::Error,
        "/signed_metadata"
    )));
    assert!(matches!(
        result.verification,
        Some(Err(SignedMetadataError::BadSignature { .. }))
    ));

    // No signed metadata at all: required, so an error of the whole document.
    let json = plain().to_json_vec().unwrap();
    let result =
        validate_json_verified(&json, Profile::OAuth, &Options::default(), &verifier(&key));
    assert_eq!(
        rules(&result.checked.report),
        [("signed-metadata-missing", Severity::Error, "")]
    );

    // `alg: none` is reported once, by the document check of the same rule.
    let mut unsigned = plain();
    unsigned.signed_metadata = Some("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.".to_owned().into());
    let result = validate_json_verified(
        &unsigned.to_json_vec().unwrap(),
        Profile::OAuth,
        &Options::default(),
        &verifier(&key),
    );
    assert_eq!(
        rules(&result.checked.report),
        [(
            "signed-metadata-unsigned",
            Severity::Error,
            "/signed_metadata"
        )]
    );

    // Not JSON: nothing to verify.
    let result = validate_json_verified(b"{", Profile::OAuth, &Options::default(), &verifier(&key));
    assert!(result.verification.is_none());
    assert!(result.checked.report.has("json-syntax"));
}
