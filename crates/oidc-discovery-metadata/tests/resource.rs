//! `ProtectedResourceMetadata` (RFC 9728 §2): one mutation of a valid document per case, the
//! typed field or `other` asserted, and the same JSON value back every time.

use oidc_discovery_metadata::{
    BearerMethod, DocumentKind, JsonType, JwsAlg, Metadata, ProtectedResourceMetadata,
    ProviderMetadata, RESOURCE_MEMBERS, Registration,
};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "resource": "https://mcp.example.com/mcp",
        "authorization_servers": ["https://auth.example.com", "https://auth.example.com/tenant"],
        "bearer_methods_supported": ["header"],
        "scopes_supported": ["files:read", "files:write"],
        "resource_signing_alg_values_supported": ["ES256"],
        "resource_name": "Example MCP",
        "resource_documentation": "https://mcp.example.com/docs",
        "dpop_signing_alg_values_supported": ["ES256", "EdDSA"],
        "dpop_bound_access_tokens_required": true
    })
}

fn with(member: &str, value: Value) -> Value {
    let mut document = base();
    document[member] = value;
    document
}

/// Parses `document` and checks that it comes back as the same JSON value.
fn parse(document: &Value) -> ProtectedResourceMetadata {
    let text = document.to_string();
    let metadata = ProtectedResourceMetadata::from_json_str(&text).expect("any object parses");
    let back: Value =
        serde_json::from_str(&metadata.to_json_string().expect("serializes")).expect("JSON");
    assert_eq!(&back, document, "round trip");
    metadata
}

#[test]
fn the_base_document_is_fully_typed() {
    let metadata = parse(&base());
    assert!(metadata.other.is_empty(), "{:?}", metadata.other);
    assert_eq!(
        metadata.resource.unwrap().as_str(),
        "https://mcp.example.com/mcp"
    );
    assert_eq!(
        metadata.authorization_servers.unwrap()[1].as_str(),
        "https://auth.example.com/tenant"
    );
    assert_eq!(
        metadata.bearer_methods_supported.unwrap(),
        [BearerMethod::Header]
    );
    assert_eq!(
        metadata.dpop_signing_alg_values_supported.unwrap(),
        [JwsAlg::Es256, JwsAlg::EdDsa]
    );
    assert!(metadata.dpop_bound_access_tokens_required.unwrap());
}

#[test]
fn each_mutation_lands_in_its_field_or_in_other() {
    // (member, value, whether the typed field holds it)
    let cases = [
        ("bearer_methods_supported", json!([]), true),
        (
            "bearer_methods_supported",
            json!(["form", "body", "query"]),
            true,
        ),
        ("bearer_methods_supported", json!("header"), false),
        ("bearer_methods_supported", Value::Null, false),
        (
            "authorization_servers",
            json!(["https://a.example", 5]),
            false,
        ),
        ("authorization_servers", json!("https://a.example"), false),
        ("resource", json!(["https://mcp.example.com"]), false),
        ("resource", Value::Null, false),
        (
            "resource_signing_alg_values_supported",
            json!(["none", "XC20P"]),
            true,
        ),
        (
            "tls_client_certificate_bound_access_tokens",
            json!("true"),
            false,
        ),
        (
            "tls_client_certificate_bound_access_tokens",
            json!(false),
            true,
        ),
        (
            "signed_metadata",
            json!("eyJhbGciOiJFUzI1NiJ9.e30.c2ln"),
            true,
        ),
        ("signed_metadata", json!({"alg": "ES256"}), false),
        ("resource_name#ja", json!("例"), true),
        (
            "resource_tos_uri#fr-CA",
            json!("https://mcp.example.com/fr/cgu"),
            true,
        ),
        ("resource_name#", json!("empty tag"), false),
        ("resource#en", json!("https://mcp.example.com/en"), false),
        ("resource_name#de", json!(5), false),
        ("logo_uri", json!("https://mcp.example.com/logo.png"), false),
        ("version", json!(1.0), false),
    ];
    for (member, value, typed) in cases {
        let metadata = parse(&with(member, value.clone()));
        assert!(metadata.has_member(member), "{member}");
        assert_eq!(
            !metadata.other.contains_key(member),
            typed,
            "{member}: {value} typed = {typed}"
        );
    }
}

#[test]
fn absent_null_and_empty_stay_distinguishable() {
    let mut absent = base();
    absent
        .as_object_mut()
        .unwrap()
        .remove("bearer_methods_supported");
    let absent = parse(&absent);
    let empty = parse(&with("bearer_methods_supported", json!([])));
    let null = parse(&with("bearer_methods_supported", Value::Null));
    assert_eq!(absent.bearer_methods_supported, None);
    assert_eq!(empty.bearer_methods_supported, Some(vec![]));
    assert_eq!(null.bearer_methods_supported, None);
    assert!(!absent.has_member("bearer_methods_supported"));
    assert!(null.has_member("bearer_methods_supported"));
    let mistyped: Vec<_> = null.mistyped_members().collect();
    assert_eq!(mistyped.len(), 1);
    assert_eq!(mistyped[0].0, "bearer_methods_supported");
    assert_eq!(mistyped[0].2, JsonType::StringArray);
}

#[test]
fn spec_defaults_come_from_accessors_and_are_never_written() {
    let metadata = ProtectedResourceMetadata::from_json_str(r#"{"resource":"https://r.example"}"#)
        .expect("parses");
    assert!(!metadata.effective_tls_client_certificate_bound_access_tokens());
    assert!(!metadata.effective_dpop_bound_access_tokens_required());
    assert_eq!(
        metadata.to_json_string().unwrap(),
        r#"{"resource":"https://r.example"}"#
    );
}

#[test]
fn the_registry_lists_the_registered_members_and_no_provider_member() {
    assert_eq!(RESOURCE_MEMBERS.len(), 15, "RFC 9728 §2, §2.2 and §8.1.2");
    assert!(
        RESOURCE_MEMBERS
            .iter()
            .all(|m| m.registration == Registration::Iana)
    );
    assert!(
        RESOURCE_MEMBERS
            .iter()
            .all(|m| m.spec.starts_with("RFC 9728 §2"))
    );
    let localizable: Vec<&str> = RESOURCE_MEMBERS
        .iter()
        .filter(|m| m.localizable)
        .map(|m| m.name)
        .collect();
    assert_eq!(
        localizable,
        [
            "resource_name",
            "resource_documentation",
            "resource_policy_uri",
            "resource_tos_uri"
        ],
        "RFC 9728 §2.1"
    );
    assert_eq!(
        ProtectedResourceMetadata::KIND,
        DocumentKind::ProtectedResource
    );
    assert_eq!(ProviderMetadata::KIND, DocumentKind::Provider);
    // A provider member is an unknown member of a resource document, and the reverse.
    assert!(ProtectedResourceMetadata::member_info("issuer").is_none());
    assert!(ProviderMetadata::member_info("resource").is_none());
    let resource =
        ProtectedResourceMetadata::from_json_str(r#"{"issuer":"https://a.example"}"#).unwrap();
    assert_eq!(resource.unknown_members().count(), 1);
}

#[test]
fn repeated_names_are_noted_and_the_last_one_wins() {
    let (metadata, repeated) = ProtectedResourceMetadata::from_json_slice_noting_repeats(
        br#"{"resource":"https://a.example","resource":"https://b.example","x":1,"x":2}"#,
    )
    .unwrap();
    assert_eq!(metadata.resource.unwrap().as_str(), "https://b.example");
    assert_eq!(repeated, ["resource", "x"]);
}
