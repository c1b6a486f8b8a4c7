//! Tokens signed by an independent JOSE implementation (PyJWT with `cryptography`), one for
//! every algorithm this crate supports, verify with the public JWK Set (or the shared secret)
//! written next to them; altered, they do not.
//!
//! The vectors are committed (`tests/vectors/pyjwt.json`, written by
//! `tests/vectors/make_pyjwt.py`; `cargo xtask vectors` regenerates them), so these tests need
//! no Python. The last test checks that the committed file is what the script writes, when
//! Python and PyJWT are installed.

use std::path::Path;
use std::process::Command;

use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, PlainValue, SignedMetadataError, TrustedKeys, Verifier,
};
use serde_json::{Map, Value};

const VECTORS: &str = include_str!("vectors/pyjwt.json");

fn vectors() -> Value {
    serde_json::from_str(VECTORS).expect("pyjwt.json is JSON")
}

fn shared_secret(vectors: &Value) -> Vec<u8> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    Base64UrlUnpadded::decode_vec(vectors["shared_secret"].as_str().unwrap()).unwrap()
}

/// The consumer: the JWK Set's keys and the shared secret, trusted for the document's issuer.
fn verifier(vectors: &Value) -> Verifier {
    let keys = TrustedKeys::from_jwks(&vectors["jwks"])
        .unwrap()
        .and(TrustedKeys::shared_secret(&shared_secret(vectors)).unwrap());
    Verifier::new(keys, IssuerPolicy::document_issuer())
}

/// The published document: the plain issuer and the token.
fn document(vectors: &Value, jwt: &str) -> ProviderMetadata {
    let mut document = Map::new();
    document.insert("issuer".to_owned(), vectors["issuer"].clone());
    document.insert("signed_metadata".to_owned(), Value::from(jwt));
    ProviderMetadata::from_json_str(&Value::Object(document).to_string()).unwrap()
}

fn tokens(vectors: &Value) -> Vec<(Algorithm, String, String)> {
    vectors["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|token| {
            let alg = token["alg"].as_str().unwrap();
            (
                Algorithm::from_name(alg).unwrap_or_else(|| panic!("{alg} is not supported")),
                token["kid"].as_str().unwrap().to_owned(),
                token["jwt"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_supported_algorithm_has_a_pyjwt_token() {
    let vectors = vectors();
    let covered: Vec<Algorithm> = tokens(&vectors).into_iter().map(|(alg, ..)| alg).collect();
    assert_eq!(covered, Algorithm::ALL, "one token per algorithm, in order");
}

#[test]
fn every_pyjwt_token_verifies() {
    let vectors = vectors();
    let verifier = verifier(&vectors);
    let claims = vectors["claims"].as_object().unwrap();
    let mut expected: Vec<&str> = claims
        .keys()
        .map(String::as_str)
        .filter(|name| *name != "iss")
        .collect();
    expected.sort_unstable();
    for (alg, kid, jwt) in tokens(&vectors) {
        let verified = verifier
            .verify(&document(&vectors, &jwt))
            .unwrap_or_else(|error| panic!("{alg}: {error}"));
        assert_eq!(verified.algorithm, alg);
        assert_eq!(verified.kid.as_deref(), Some(kid.as_str()), "{alg}");
        assert_eq!(verified.issuer, vectors["issuer"], "{alg}");
        assert_eq!(
            verified.signed_members().collect::<Vec<_>>(),
            expected,
            "{alg}"
        );
        // Every signed member but `issuer` was absent from the plain document.
        for member in &verified.signed {
            let plain = if member.name == "issuer" {
                PlainValue::Same
            } else {
                PlainValue::Absent
            };
            assert_eq!(member.plain, plain, "{alg}: {}", member.name);
        }
        let merged = serde_json::to_value(&verified.metadata).unwrap();
        for (name, value) in claims.iter().filter(|(name, _)| *name != "iss") {
            assert_eq!(&merged[name], value, "{alg}: {name}");
        }
    }
}

#[test]
fn altered_pyjwt_tokens_do_not_verify() {
    let vectors = vectors();
    let verifier = verifier(&vectors);
    for (alg, _, jwt) in tokens(&vectors) {
        let (input, signature) = jwt.rsplit_once('.').unwrap();
        // Another signature: the first character of the signature changed.
        let first = if signature.starts_with('A') { 'B' } else { 'A' };
        let forged = format!("{input}.{first}{}", &signature[1..]);
        let error = verifier
            .verify(&document(&vectors, &forged))
            .expect_err(alg.as_str());
        assert!(
            matches!(error, SignedMetadataError::BadSignature { .. }),
            "{alg}: {error}"
        );
        // Another key: the token's `kid` names no trusted key.
        let only_secret = Verifier::new(
            TrustedKeys::shared_secret(&[7; 64]).unwrap(),
            IssuerPolicy::document_issuer(),
        );
        let error = only_secret
            .verify(&document(&vectors, &jwt))
            .expect_err(alg.as_str());
        assert!(
            matches!(
                error,
                SignedMetadataError::NoMatchingKey { .. }
                    | SignedMetadataError::BadSignature { .. }
            ),
            "{alg}: {error}"
        );
    }
}

/// `make_pyjwt.py --check`, when Python and PyJWT are installed (the Rust tests do not need
/// them; `cargo xtask vectors --check` runs the same check).
#[test]
fn the_committed_vectors_are_what_the_script_writes() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/make_pyjwt.py");
    let available = Command::new("python3")
        .args(["-c", "import jwt, cryptography"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !available {
        eprintln!(
            "skipped: python3 with PyJWT and cryptography is not installed \
             (pip install pyjwt cryptography); the committed vectors were still verified"
        );
        return;
    }
    let output = Command::new("python3")
        .arg(&script)
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
