//! The checked-in JSON Schemas, run through an independent validator (the `jsonschema` crate):
//! they accept every corpus document (authorization server and protected resource metadata) and
//! reject known members of the wrong JSON type.

use serde_json::{Value, json};

fn load(file: &str) -> jsonschema::Validator {
    let path = xtask::workspace_root().join("docs/schema").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask schema`)", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn document_schema() -> jsonschema::Validator {
    load("provider-metadata.schema.json")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A valid OpenID provider document that each table case mutates once.
fn base() -> Value {
    json!({
        "issuer": "https://id.example.com",
        "authorization_endpoint": "https://id.example.com/authorize",
        "token_endpoint": "https://id.example.com/token",
        "jwks_uri": "https://id.example.com/jwks",
        "response_types_supported": ["code", "id_token token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "grant_types_supported": ["authorization_code"],
        "claims_parameter_supported": true,
        "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.id.example.com/token" },
        "op_tos_uri": "https://id.example.com/tos",
        "op_tos_uri#fr": "https://id.example.com/fr/cgu"
    })
}

fn with(member: &str, value: Value) -> Value {
    let mut document = base();
    document[member] = value;
    document
}

#[test]
fn the_schema_accepts_every_corpus_document() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    let validator = document_schema();
    let mut failures = Vec::new();
    for document in &documents {
        let instance: Value = serde_json::from_slice(&document.bytes).expect("JSON");
        let found = errors(&validator, &instance);
        if !found.is_empty() {
            failures.push(format!("{}: {}", document.name, found.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_schema_accepts_the_base_document_nulls_unknown_members_and_unknown_values() {
    let validator = document_schema();
    let accepted = [
        base(),
        with("token_endpoint", Value::Null),
        with("grant_types_supported", Value::Null),
        with(
            "grant_types_supported",
            json!(["urn:example:custom", "password"]),
        ),
        with("id_token_signing_alg_values_supported", json!(["XC20P"])),
        with("response_types_supported", json!(["code  id_token", ""])),
        with("scopes_supported", json!([])),
        with("mfa_challenge_endpoint", json!({"any": ["thing", 1]})),
        with("Response_modes_supported", json!(5)),
        with("version", json!(1.0)),
        with("issuer#en", json!(5)),
        with("organization_name#de", json!("Beispiel GmbH")),
        with("keywords#fr", json!(["identité"])),
        with(
            "mtls_endpoint_aliases",
            json!({"custom_endpoint": "https://x.example"}),
        ),
        with("jwks", json!({"keys": []})),
    ];
    for (i, instance) in accepted.iter().enumerate() {
        let found = errors(&validator, instance);
        assert!(found.is_empty(), "case {i}: {found:?}");
    }
}

#[test]
fn the_schema_rejects_known_members_of_the_wrong_json_type() {
    let validator = document_schema();
    // One mutation of the base document per row: (member, wrong value).
    let rejected = [
        ("issuer", json!(5)),
        ("issuer", json!(["https://id.example.com"])),
        ("authorization_endpoint", json!(true)),
        ("token_endpoint", json!({"url": "https://x"})),
        ("jwks_uri", json!(1.5)),
        ("signed_metadata", json!({"alg": "none"})),
        ("response_types_supported", json!("code")),
        ("response_types_supported", json!(["code", 5])),
        ("grant_types_supported", json!([null])),
        ("scopes_supported", json!([["openid"]])),
        ("ui_locales_supported", json!("en")),
        ("code_challenge_methods_supported", json!({"S256": true})),
        ("claims_parameter_supported", json!("true")),
        ("request_uri_parameter_supported", json!(1)),
        ("require_pushed_authorization_requests", json!([true])),
        ("mtls_endpoint_aliases", json!(["https://mtls.example"])),
        ("mtls_endpoint_aliases", json!({"token_endpoint": 5})),
        ("jwks", json!("https://id.example.com/jwks")),
        ("vp_formats_supported", json!([])),
        ("organization_name", json!(["Example"])),
        ("op_tos_uri#fr", json!(5)),
        ("keywords#de", json!("Schlüssel")),
        (
            "pre-authorized_grant_anonymous_access_supported",
            json!("no"),
        ),
    ];
    for (member, value) in rejected {
        let instance = with(member, value.clone());
        let found = errors(&validator, &instance);
        assert!(!found.is_empty(), "{member} = {value} was accepted");
        assert!(
            found.iter().any(|e| e.starts_with(&format!(
                "/{}",
                member.replace('~', "~0").replace('/', "~1")
            ))),
            "{member} = {value}: errors do not point at the member: {found:?}"
        );
    }
}

#[test]
fn every_known_member_has_a_described_property() {
    let path = xtask::workspace_root().join("docs/schema/provider-metadata.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for member in oidc_discovery_metadata::MEMBERS {
        let property = &schema["properties"][member.name];
        let description = property["description"].as_str().unwrap_or_default();
        let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            description.contains(member.spec.split(';').next().unwrap()),
            "{}",
            member.name
        );
        assert!(
            description.contains("REQUIRED")
                || description.contains("RECOMMENDED")
                || description.contains("OPTIONAL"),
            "{}: no requirement level",
            member.name
        );
        assert_eq!(
            schema["patternProperties"]
                .get(format!("^{}#.+$", member.name))
                .is_some(),
            member.localizable,
            "{}",
            member.name
        );
    }
}

#[test]
fn profile_schemas_require_what_each_specification_requires() {
    let oauth = load("provider-metadata.oauth.schema.json");
    let oidc = load("provider-metadata.oidc.schema.json");
    let without = |member: &str| {
        let mut document = base();
        document.as_object_mut().unwrap().remove(member);
        document
    };
    // (case, document, accepted by oauth, accepted by oidc)
    let cases = [
        ("base", base(), true, true),
        ("no issuer", without("issuer"), false, false),
        ("null issuer", with("issuer", Value::Null), false, false),
        (
            "no response types",
            without("response_types_supported"),
            false,
            false,
        ),
        ("no jwks_uri", without("jwks_uri"), true, false),
        (
            "no subject types",
            without("subject_types_supported"),
            true,
            false,
        ),
        (
            "no id token algs",
            without("id_token_signing_alg_values_supported"),
            true,
            false,
        ),
        ("no token endpoint", without("token_endpoint"), false, false),
        (
            "implicit only, no token endpoint",
            {
                let mut d = without("token_endpoint");
                d["grant_types_supported"] = json!(["implicit"]);
                d
            },
            true,
            true,
        ),
        (
            "default grants, no authorization endpoint",
            {
                let mut d = without("authorization_endpoint");
                d.as_object_mut().unwrap().remove("grant_types_supported");
                d
            },
            false,
            false,
        ),
        (
            "client credentials only, no authorization endpoint",
            {
                let mut d = without("authorization_endpoint");
                d["grant_types_supported"] = json!(["client_credentials"]);
                d
            },
            true,
            false,
        ),
        (
            "wrong type still rejected",
            with("issuer", json!(5)),
            false,
            false,
        ),
    ];
    for (case, document, oauth_ok, oidc_ok) in cases {
        assert_eq!(oauth.is_valid(&document), oauth_ok, "oauth: {case}");
        assert_eq!(oidc.is_valid(&document), oidc_ok, "oidc: {case}");
    }
}

#[test]
fn the_seed_documents_satisfy_the_oidc_profile_schema() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    let oidc = load("provider-metadata.oidc.schema.json");
    for document in documents.iter().filter(|d| d.name.starts_with("seeds/")) {
        let instance: Value = serde_json::from_slice(&document.bytes).unwrap();
        let found = errors(&oidc, &instance);
        assert!(found.is_empty(), "{}: {found:?}", document.name);
    }
}

/// A valid protected resource metadata document that each table case mutates once.
fn resource_base() -> Value {
    json!({
        "resource": "https://mcp.example.com/mcp",
        "authorization_servers": ["https://auth.example.com"],
        "bearer_methods_supported": ["header"],
        "scopes_supported": ["files:read"],
        "resource_name": "Example",
        "resource_name#ja": "例",
        "dpop_bound_access_tokens_required": false
    })
}

fn resource_with(member: &str, value: Value) -> Value {
    let mut document = resource_base();
    document[member] = value;
    document
}

#[test]
fn the_resource_schemas_accept_every_corpus_resource_document() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    let any = load("protected-resource-metadata.schema.json");
    let profile = load("protected-resource-metadata.resource.schema.json");
    let mut failures = Vec::new();
    for document in &documents {
        let instance: Value = serde_json::from_slice(&document.bytes).expect("JSON");
        for validator in [&any, &profile] {
            let found = errors(validator, &instance);
            if !found.is_empty() {
                failures.push(format!("{}: {}", document.name, found.join("; ")));
            }
        }
    }
    assert_eq!(documents.len(), 20, "the resource corpus");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_resource_schemas_judge_member_types_and_the_required_resource() {
    let any = load("protected-resource-metadata.schema.json");
    let profile = load("protected-resource-metadata.resource.schema.json");
    let accepted = [
        resource_base(),
        resource_with("bearer_methods_supported", json!([])),
        resource_with("bearer_methods_supported", json!(["form"])),
        resource_with(
            "resource_documentation#de",
            json!("https://mcp.example.com/de"),
        ),
        resource_with("logo_uri", json!(5)),
        resource_with("jwks_uri", Value::Null),
    ];
    for (i, instance) in accepted.iter().enumerate() {
        for validator in [&any, &profile] {
            let found = errors(validator, instance);
            assert!(found.is_empty(), "case {i}: {found:?}");
        }
    }
    // One mutation per row: (member, wrong value).
    let rejected = [
        ("resource", json!(5)),
        ("authorization_servers", json!("https://auth.example.com")),
        ("authorization_servers", json!([5])),
        ("bearer_methods_supported", json!("header")),
        ("resource_signing_alg_values_supported", json!([true])),
        ("resource_name#fr", json!(["x"])),
        ("tls_client_certificate_bound_access_tokens", json!("false")),
        ("dpop_bound_access_tokens_required", json!(0)),
        ("signed_metadata", json!({"alg": "none"})),
    ];
    for (member, value) in rejected {
        let instance = resource_with(member, value.clone());
        for validator in [&any, &profile] {
            assert!(
                !errors(validator, &instance).is_empty(),
                "`{member}`: {value} must be rejected"
            );
        }
    }
    // Only the profile schema requires `resource`, and not as `null`.
    let mut without = resource_base();
    without.as_object_mut().unwrap().remove("resource");
    assert!(errors(&any, &without).is_empty());
    assert!(!errors(&profile, &without).is_empty());
    assert!(!errors(&profile, &resource_with("resource", Value::Null)).is_empty());
}
