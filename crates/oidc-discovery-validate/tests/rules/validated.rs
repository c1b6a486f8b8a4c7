//! `Validated<P>`: accessors, and refusal of invalid documents.

use crate::common::*;

fn parse(doc: &Value) -> ProviderMetadata {
    ProviderMetadata::from_json_slice(&serde_json::to_vec(doc).unwrap()).unwrap()
}

#[test]
fn validated_oidc_accessors_return_the_document_values() {
    let validated = validate::<Oidc>(parse(&oidc_base()), &Options::default()).expect("valid");
    assert_eq!(validated.issuer().as_str(), "https://op.example.com");
    assert_eq!(
        validated.authorization_endpoint().as_str(),
        "https://op.example.com/authorize"
    );
    assert_eq!(validated.jwks_uri().as_str(), "https://op.example.com/jwks");
    let response_types: Vec<&str> = validated
        .response_types_supported()
        .iter()
        .map(|rt| rt.as_str())
        .collect();
    assert_eq!(response_types, ["code", "id_token", "code id_token"]);
    let subject_types: Vec<&str> = validated
        .subject_types_supported()
        .iter()
        .map(|st| st.as_str())
        .collect();
    assert_eq!(subject_types, ["public", "pairwise"]);
    let algs: Vec<&str> = validated
        .id_token_signing_alg_values_supported()
        .iter()
        .map(|alg| alg.as_str())
        .collect();
    assert_eq!(algs, ["RS256", "ES256"]);
    assert!(validated.report().problems.is_empty());
    assert_eq!(validated.report().profile, OIDC);
}

#[test]
fn validated_fapi2_accessors_return_the_document_values() {
    let checked = run(&fapi2_base(), FAPI2, &Options::default());
    let validated = checked
        .into_validated::<oidc_discovery_validate::Fapi2>()
        .expect("valid");
    assert_eq!(
        validated.token_endpoint().as_str(),
        "https://fapi.example.com/token"
    );
    assert_eq!(
        validated.pushed_authorization_request_endpoint().as_str(),
        "https://fapi.example.com/par"
    );
}

#[test]
fn validated_is_refused_when_the_report_has_an_error() {
    let mut doc = oidc_base();
    remove(&mut doc, "jwks_uri");
    let invalid = validate::<Oidc>(parse(&doc), &Options::default()).expect_err("invalid");
    assert!(!invalid.report.is_valid());
    assert!(invalid.report.count(Severity::Error) > 0);
    assert!(invalid.report.has("jwks-uri-missing"));
    assert_eq!(invalid.metadata.jwks_uri, None);

    // The same document is fine under oauth, where jwks_uri is optional.
    let validated = validate::<OAuth>(parse(&doc), &Options::default()).expect("valid");
    assert_eq!(validated.issuer().as_str(), "https://op.example.com");

    // Warnings do not prevent validation.
    let mut doc = oidc_base();
    set(
        &mut doc,
        "id_token_signing_alg_values_supported",
        json!(["ES256"]),
    );
    let validated = validate::<Oidc>(parse(&doc), &Options::default()).expect("valid");
    assert!(validated.report().has("id-token-rs256"));
    assert_eq!(validated.report().count(Severity::Error), 0);
}

#[test]
fn into_validated_refuses_text_that_does_not_parse_or_another_profile() {
    let checked = validate_json(b"{", OIDC, &Options::default());
    let report = checked.into_validated::<Oidc>().expect_err("not JSON");
    assert!(report.has("json-syntax"));

    let checked = run(&oauth_base(), OAUTH, &Options::default());
    assert!(checked.report.is_valid());
    let report = checked
        .into_validated::<Oidc>()
        .expect_err("another profile");
    assert_eq!(report.profile, OAUTH);
}

#[test]
fn validated_resource_guarantees_the_resource_identifier() {
    use oidc_discovery_metadata::ProtectedResourceMetadata;

    let source = serde_json::to_vec(&resource_base()).unwrap();
    let options = expecting_resource_exactly();
    let validated = validate_resource_json(&source, &options)
        .into_validated::<Resource>()
        .expect("the base document passes `resource`");
    assert_eq!(validated.resource().as_str(), "https://rs.example.com/api");
    // It dereferences to the protected resource's document.
    assert_eq!(
        validated.authorization_servers.as_ref().map(Vec::len),
        Some(2)
    );
    assert!(validated.report().is_valid());
    let document: ProtectedResourceMetadata = validated.into_inner();
    assert_eq!(
        validate::<Resource>(document.clone(), &options)
            .unwrap()
            .resource()
            .as_str(),
        "https://rs.example.com/api"
    );
    // Refused: another expected resource, or no `resource`.
    let invalid = validate::<Resource>(document.clone(), &expecting_resource_with_slash())
        .expect_err("`resource` differs from the expected one");
    assert!(invalid.report.has("resource-mismatch"));
    assert_eq!(invalid.metadata.resource, document.resource);
    let mut without = document;
    without.resource = None;
    let invalid = validate::<Resource>(without, &Options::default()).expect_err("no resource");
    assert!(invalid.report.has("resource-missing"));
    // A provider's document is not a protected resource's, and the other way round.
    assert!(
        validate_json(&source, RESOURCE, &Options::default())
            .into_validated::<OAuth>()
            .is_err()
    );
    assert!(
        validate_resource_json(
            &serde_json::to_vec(&oauth_base()).unwrap(),
            &Options::default()
        )
        .into_validated::<Resource>()
        .is_err()
    );
}
