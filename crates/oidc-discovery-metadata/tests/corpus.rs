//! Every real and seed document parses and round-trips to the same JSON value: authorization
//! server metadata as `ProviderMetadata`, protected resource metadata as
//! `ProtectedResourceMetadata`.

use oidc_discovery_metadata::{Metadata, ProtectedResourceMetadata, ProviderMetadata};
use serde_json::Value;

#[test]
fn every_corpus_document_round_trips_losslessly() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    assert_eq!(
        documents.len(),
        89,
        "81 real documents, 5 of MCP services and 3 seeds"
    );
    round_trips::<ProviderMetadata>(&documents);
}

#[test]
fn every_corpus_resource_document_round_trips_losslessly() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    assert_eq!(documents.len(), 20, "20 protected resource documents");
    round_trips::<ProtectedResourceMetadata>(&documents);
    // Every member of every real document is typed, except the extension members a few
    // servers add (kept in `other`) — none of them has a known member of the wrong type.
    for document in &documents {
        let metadata = ProtectedResourceMetadata::from_json_slice(&document.bytes).expect("parses");
        assert!(metadata.resource.is_some(), "{}", document.name);
        assert_eq!(metadata.mistyped_members().count(), 0, "{}", document.name);
    }
}

/// Each document parses as `D`, serializes back to the same JSON value, and both text entry
/// points agree.
fn round_trips<D: Metadata>(documents: &[oidc_discovery_corpus::Document]) {
    let mut failures = Vec::new();
    for document in documents {
        let input: Value = serde_json::from_slice(&document.bytes).expect("corpus is JSON");
        let metadata = match D::from_json_slice(&document.bytes) {
            Ok(metadata) => metadata,
            Err(error) => {
                failures.push(format!("{}: does not parse: {error}", document.name));
                continue;
            }
        };
        let output: Value = serde_json::from_str(&metadata.to_json_string().expect("serializes"))
            .expect("output is JSON");
        if output != input {
            failures.push(format!("{}: round trip differs", document.name));
        }
        // Both text entry points agree.
        assert_eq!(
            D::from_json_str(document.text()).as_ref(),
            Ok(&metadata),
            "{}",
            document.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn typed_fields_hold_every_well_typed_known_member_of_the_corpus() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    let mut typed = 0;
    for document in &documents {
        let metadata = ProviderMetadata::from_json_slice(&document.bytes).expect("parses");
        // Only members with the wrong JSON type (including null) stay untyped among known names.
        for (name, value, expected) in metadata.mistyped_members() {
            assert!(
                !expected.matches(&value.to_value().expect("corpus numbers fit a Value")),
                "{}: `{name}` has the right type but was not typed",
                document.name
            );
        }
        let Value::Object(input) = serde_json::from_slice(&document.bytes).expect("JSON") else {
            panic!("{} is not an object", document.name);
        };
        typed += input.len() - metadata.other.len();
    }
    assert!(
        typed > 1000,
        "the corpus exercises the typed members ({typed})"
    );
}
