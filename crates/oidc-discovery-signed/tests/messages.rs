//! Every message of this crate reads as English: values are quoted as the validation messages
//! quote them (`"EdDSA"`), never written the way Rust's `Debug` writes a string or a list.

use oidc_discovery_signed::{KeyError, SignedMetadataError, TrustedKeys};

/// Fails on what only `Debug` formatting writes.
fn assert_english(text: &str) {
    for debug in ["Some(", "None", "[\"", "\\\"", "\\u{", "'\\"] {
        assert!(
            !text.contains(debug),
            "`{debug}` in a message meant for people: {text}"
        );
    }
}

#[test]
fn errors_quote_values_as_english() {
    let cases = [
        (
            KeyError::UnsupportedAlgorithm("ES999".to_owned()).to_string(),
            "the algorithm \"ES999\" is not supported",
        ),
        (
            KeyError::Unusable {
                kid: Some("k1".to_owned()),
                reason: "too short".to_owned(),
            }
            .to_string(),
            "the key \"k1\" cannot be used: too short",
        ),
        (
            SignedMetadataError::UnsupportedAlgorithm("ES999".to_owned()).to_string(),
            "`signed_metadata` is signed with \"ES999\", an algorithm that is not supported",
        ),
        (
            SignedMetadataError::CriticalHeader(vec!["b64".to_owned(), "exp".to_owned()])
                .to_string(),
            "`signed_metadata` has critical header parameters \"b64\", \"exp\", which are not understood",
        ),
        (
            SignedMetadataError::UntrustedIssuer("https://other.example".to_owned()).to_string(),
            "`signed_metadata` is attested by \"https://other.example\", which is not a trusted issuer",
        ),
        // A value with a quote in it is written as it is, not with Rust's escapes.
        (
            KeyError::UnsupportedAlgorithm("ES\"1".to_owned()).to_string(),
            "the algorithm \"ES\"1\" is not supported",
        ),
    ];
    for (message, expected) in cases {
        assert_english(&message);
        assert_eq!(message, expected);
    }
}

#[test]
fn left_out_keys_are_described_as_english() {
    let jwks = r#"{"keys": [
        {"kty": "EC", "crv": "P-999", "kid": "curve", "x": "AA", "y": "AA"},
        {"kty": "XYZ", "kid": "type"},
        {"kty": "OKP", "crv": "X448", "kid": "okp", "x": "AA"},
        {"kty": "RSA", "use": "enc", "kid": "enc", "n": "AQAB", "e": "AQAB"},
        {"kty": "RSA", "alg": "RSA-OAEP", "kid": "alg", "n": "AQAB", "e": "AQAB"}
    ]}"#;
    let error = TrustedKeys::from_jwks_json(jwks).expect_err("no key can verify");
    let message = error.to_string();
    assert_english(&message);
    for expected in [
        "the curve \"P-999\" is not supported",
        "the key type \"XYZ\" is not supported",
        "the OKP curve \"X448\" is not supported",
        "its `use` is \"enc\"",
        "its `alg` \"RSA-OAEP\" is not a supported signature algorithm",
        "(\"enc\")",
    ] {
        assert!(message.contains(expected), "{expected:?} not in {message}");
    }
}
