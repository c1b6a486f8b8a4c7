//! Signed protected resource metadata (RFC 9728 §2.2): the same signer and verifier as for
//! authorization server metadata, generic over the document kind.

use oidc_discovery_metadata::{Metadata, ProtectedResourceMetadata};
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, PlainValue, SignOptions, SignedMetadataError, SigningKey, TrustedKeys,
    Verifier, embed,
};

const RESOURCE: &str = "https://mcp.example.com/mcp";

fn metadata() -> ProtectedResourceMetadata {
    ProtectedResourceMetadata::from_json_str(
        r#"{
        "resource": "https://mcp.example.com/mcp",
        "authorization_servers": ["https://auth.example.com"],
        "bearer_methods_supported": ["header"],
        "resource_name": "Example MCP",
        "resource_name#ja": "例"
    }"#,
    )
    .expect("parses")
}

fn key() -> SigningKey {
    SigningKey::generate(Algorithm::ES256)
        .expect("generates")
        .with_kid("prm-1")
}

fn verifier(key: &SigningKey, issuers: IssuerPolicy) -> Verifier {
    let trusted = TrustedKeys::from_jwk(&key.public_jwk().expect("public")).expect("trusted");
    Verifier::new(trusted, issuers)
}

#[test]
fn signed_values_win_over_rewritten_plain_members() {
    let key = key();
    let mut published = embed(&metadata(), &key, &SignOptions::new(RESOURCE)).expect("signs");
    // An attacker on the way points clients at its own authorization server.
    published.authorization_servers = Some(vec!["https://evil.example".into()]);
    let json = published.to_json_string().expect("writes");
    let received = ProtectedResourceMetadata::from_json_str(&json).expect("parses");

    // The resource attests to itself: `iss` must equal the plain `resource`.
    let verified = verifier(&key, IssuerPolicy::document_issuer())
        .verify(&received)
        .expect("verifies");
    let servers = verified.metadata.authorization_servers.as_deref().unwrap();
    assert_eq!(servers[0].as_str(), "https://auth.example.com");
    let differing: Vec<(&str, PlainValue)> = verified
        .differing_members()
        .map(|member| (member.name.as_str(), member.plain))
        .collect();
    assert_eq!(differing, [("authorization_servers", PlainValue::Differs)]);
    // Tagged members are signed and merged like any other.
    assert_eq!(
        verified
            .metadata
            .resource_name
            .get("ja")
            .map(String::as_str),
        Some("例")
    );
    assert_eq!(verified.issuer, RESOURCE);
}

#[test]
fn the_document_identifier_of_a_resource_is_its_resource_member() {
    let key = key();
    let published = embed(
        &metadata(),
        &key,
        &SignOptions::new("https://mcp.example.com"),
    )
    .unwrap();
    // `iss` is the origin, not the resource identifier: not the resource attesting to itself.
    let error = verifier(&key, IssuerPolicy::document_issuer())
        .verify(&published)
        .unwrap_err();
    assert!(
        matches!(&error, SignedMetadataError::UntrustedIssuer(iss) if iss == "https://mcp.example.com"),
        "{error}"
    );
    // An explicitly trusted attester is accepted.
    let verified = verifier(&key, IssuerPolicy::exact(["https://mcp.example.com"]))
        .verify(&published)
        .expect("verifies");
    assert_eq!(verified.metadata.identifier(), Some(RESOURCE));
}

#[test]
fn a_resource_without_signed_metadata_is_reported_missing_or_mistyped() {
    let key = key();
    let plain = metadata();
    assert!(matches!(
        verifier(&key, IssuerPolicy::document_issuer()).verify(&plain),
        Err(SignedMetadataError::Missing)
    ));
    let mistyped = ProtectedResourceMetadata::from_json_str(
        r#"{"resource":"https://r.example","signed_metadata":5}"#,
    )
    .unwrap();
    let error = verifier(&key, IssuerPolicy::document_issuer())
        .verify(&mistyped)
        .unwrap_err();
    assert!(
        matches!(error, SignedMetadataError::NotAString(_)),
        "{error}"
    );
    // Embedding replaces the mistyped value rather than writing the name twice.
    let published = embed(&mistyped, &key, &SignOptions::new("https://r.example")).unwrap();
    assert!(published.to_json_string().is_ok());
    assert!(!published.other.contains_key("signed_metadata"));
}

#[test]
fn the_resource_match_judges_the_signed_resource() {
    use oidc_discovery_signed::validate_resource_json_verified;
    use oidc_discovery_validate::Options;

    let key = key();
    // Signed for another resource, then re-labelled in plain text to look like this one.
    let mut other = metadata();
    other.resource = Some("https://other.example.com/mcp".into());
    let mut published = embed(&other, &key, &SignOptions::new(RESOURCE)).unwrap();
    published.resource = Some(RESOURCE.into());
    let json = published.to_json_vec().unwrap();
    let options = Options::expecting_resource(RESOURCE);
    let verifier = verifier(&key, IssuerPolicy::exact([RESOURCE]));

    let result = validate_resource_json_verified(&json, &options, &verifier);
    assert!(
        result.checked.report.has("resource-mismatch"),
        "{:?}",
        result.checked.report
    );
    assert!(!result.checked.report.is_valid());
    // Plain validation alone, which ignores the signature (RFC 9728 §2.2 allows it), passes.
    let plain = oidc_discovery_validate::validate_resource_json(&json, &options);
    assert!(!plain.report.has("resource-mismatch"));
}
