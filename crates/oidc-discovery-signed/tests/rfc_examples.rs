//! The JWS examples of RFC 7515 Appendix A as `signed_metadata`: the RFC's tokens verify
//! through the whole pipeline with the RFC's keys, and their claims are merged.

mod vectors;

use std::time::{Duration, UNIX_EPOCH};

use base64ct::Encoding as _;

use oidc_discovery_metadata::{ProviderMetadata, SignedMetadata};
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, PlainValue, SignedMetadataError, TrustedKeys, Verifier,
};
use serde_json::json;
use vectors::*;

fn document(header: &str, signature: &str) -> ProviderMetadata {
    ProviderMetadata {
        issuer: Some("https://joe.example".into()),
        signed_metadata: Some(SignedMetadata::from(format!(
            "{header}.{RFC7515_CLAIMS}.{signature}"
        ))),
        ..Default::default()
    }
}

/// The examples expire at 1300819380 (March 2011).
fn verifier(keys: TrustedKeys) -> Verifier {
    Verifier::new(keys, IssuerPolicy::exact(["joe"]))
        .at(UNIX_EPOCH + Duration::from_secs(1_300_819_000))
}

fn examples() -> Vec<(Algorithm, TrustedKeys, ProviderMetadata)> {
    let k = base64ct::Base64UrlUnpadded::decode_vec(HS256_K).unwrap();
    vec![
        (
            Algorithm::HS256,
            TrustedKeys::shared_secret(&k).unwrap(),
            document(HS256_HEADER, HS256_SIGNATURE),
        ),
        (
            Algorithm::RS256,
            TrustedKeys::from_jwk(&json!({"kty": "RSA", "n": RS256_N, "e": RS256_E})).unwrap(),
            document(RS256_HEADER, RS256_SIGNATURE),
        ),
        (
            Algorithm::ES256,
            TrustedKeys::from_jwk(
                &json!({"kty": "EC", "crv": "P-256", "x": ES256_X, "y": ES256_Y}),
            )
            .unwrap(),
            document(ES256_HEADER, ES256_SIGNATURE),
        ),
    ]
}

#[test]
fn the_rfc_7515_examples_verify_and_merge() {
    for (alg, keys, document) in examples() {
        let verified = verifier(keys)
            .verify(&document)
            .unwrap_or_else(|error| panic!("{alg}: {error}"));
        assert_eq!((verified.algorithm, verified.issuer.as_str()), (alg, "joe"));
        assert_eq!(verified.expires_at, Some(1_300_819_380.0));
        assert_eq!(
            verified.signed_members().collect::<Vec<_>>(),
            ["http://example.com/is_root"]
        );
        assert_eq!(verified.signed[0].plain, PlainValue::Absent);
        assert_eq!(
            verified.metadata.other["http://example.com/is_root"],
            json!(true)
        );
        assert!(
            !verified.metadata.other.contains_key("iss"),
            "`iss` is a claim, not a member"
        );
    }
}

#[test]
fn the_rfc_7515_examples_have_long_expired() {
    for (alg, keys, document) in examples() {
        let error = Verifier::new(keys, IssuerPolicy::exact(["joe"]))
            .verify(&document)
            .unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::Expired { exp, .. } if exp == 1_300_819_380.0),
            "{alg}: {error}"
        );
    }
}
