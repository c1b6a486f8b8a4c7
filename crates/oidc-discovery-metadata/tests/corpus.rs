//! Every real and seed document parses and round-trips to the same JSON value.

use oidc_discovery_metadata::ProviderMetadata;
use serde_json::Value;

#[test]
fn every_corpus_document_round_trips_losslessly() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    assert_eq!(documents.len(), 84, "81 real documents and 3 seeds");
    let mut failures = Vec::new();
    for document in &documents {
        let input: Value = serde_json::from_slice(&document.bytes).expect("corpus is JSON");
        let metadata = match ProviderMetadata::from_json_slice(&document.bytes) {
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
            ProviderMetadata::from_json_str(document.text()).as_ref(),
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
