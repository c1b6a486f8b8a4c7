//! One reader of `signed_metadata`: document validation and verification read a token with
//! `oidc_discovery_validate::jws::CompactJws`, so a malformed token breaks the same rule, with
//! the same message, on both sides — and `validate_json_verified` reports it once.
//!
//! Each case names the reader's error it expects; the message asserted on both sides is that
//! error's text. A side that split or decoded the token on its own would word its message (or
//! choose its rule) differently and fail here.

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, Mac};
use oidc_discovery_signed::{
    IssuerPolicy, SignedMetadataError, TrustedKeys, Verifier, validate_json_verified,
};
use oidc_discovery_validate::jws::{JwsError, Part};
use oidc_discovery_validate::{Options, Problem, Profile, validate_json};
use serde_json::{Value, json};

const SECRET: &[u8] = b"a shared secret of thirty-two bytes or more, for HS256";

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// A token MACed with the trusted secret, so that verification gets past the signature.
fn hs256(header: &Value, claims: &Value) -> String {
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(SECRET).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", b64(&mac.finalize().into_bytes()))
}

fn document(signed_metadata: Value) -> Vec<u8> {
    json!({
        "issuer": "https://as.example.com",
        "authorization_endpoint": "https://as.example.com/authorize",
        "token_endpoint": "https://as.example.com/token",
        "response_types_supported": ["code"],
        "signed_metadata": signed_metadata,
    })
    .to_string()
    .into_bytes()
}

fn verifier() -> Verifier {
    Verifier::new(
        TrustedKeys::shared_secret(SECRET).unwrap(),
        IssuerPolicy::document_issuer(),
    )
}

/// The problems of the signed-metadata rules and `member-type` (what these cases are about).
fn relevant(problems: &[Problem]) -> Vec<(&str, &str)> {
    problems
        .iter()
        .filter(|problem| {
            problem.rule.id.starts_with("signed-metadata") || problem.rule.id == "member-type"
        })
        .map(|problem| (problem.rule.id, problem.message.as_str()))
        .collect()
}

fn cases() -> Vec<(&'static str, String, JwsError)> {
    let header = b64(br#"{"alg":"HS256"}"#);
    let claims = b64(br#"{"iss":"https://as.example.com"}"#);
    let iss = json!({"iss": "https://as.example.com"});
    vec![
        ("one part", "e30".to_owned(), JwsError::PartCount(1)),
        (
            "two parts",
            format!("{header}.{claims}"),
            JwsError::PartCount(2),
        ),
        (
            "four parts",
            format!("{header}.{claims}.c2ln.c2ln"),
            JwsError::PartCount(4),
        ),
        ("empty", String::new(), JwsError::PartCount(1)),
        (
            "header not base64url",
            format!("{header}*.{claims}.c2ln"),
            JwsError::NotBase64url(Part::Header),
        ),
        (
            "claims padded",
            format!("{header}.e30=.c2ln"),
            JwsError::NotBase64url(Part::Claims),
        ),
        (
            "standard base64 in the signature",
            format!("{header}.{claims}.c2l+"),
            JwsError::NotBase64url(Part::Signature),
        ),
        (
            "non-canonical final bits",
            format!("{header}.{claims}.c2x"),
            JwsError::NotBase64url(Part::Signature),
        ),
        (
            "header an array",
            format!("{}.{claims}.c2ln", b64(b"[1]")),
            JwsError::NotObject {
                part: Part::Header,
                kind: "an array",
            },
        ),
        (
            "claims a string",
            format!("{header}.{}.c2ln", b64(b"\"iss\"")),
            JwsError::NotObject {
                part: Part::Claims,
                kind: "a string",
            },
        ),
        (
            "header not JSON",
            format!("{}.{claims}.c2ln", b64(b"{\"alg\":")),
            JwsError::NotJson {
                part: Part::Header,
                detail: "EOF while parsing a value at line 1 column 7".to_owned(),
            },
        ),
        (
            "claims not UTF-8",
            format!("{header}.{}.c2ln", b64(b"{\"iss\":\"\xff\"}")),
            JwsError::NotJson {
                part: Part::Claims,
                detail: "invalid unicode code point at line 1 column 9".to_owned(),
            },
        ),
        (
            "empty signature",
            format!("{header}.{claims}."),
            JwsError::EmptySignature,
        ),
        (
            "alg none",
            format!("{}.{claims}.", b64(br#"{"alg":"none"}"#)),
            JwsError::AlgNone,
        ),
        (
            "no alg",
            format!("{}.{claims}.c2ln", b64(b"{}")),
            JwsError::NoAlg,
        ),
        (
            "alg a number",
            format!("{}.{claims}.c2ln", b64(br#"{"alg":256}"#)),
            JwsError::AlgNotString("a number"),
        ),
        (
            "kid an object",
            format!("{}.{claims}.c2ln", b64(br#"{"alg":"HS256","kid":{}}"#)),
            JwsError::KidNotString("an object"),
        ),
        (
            "no iss, correctly MACed",
            hs256(&json!({"alg": "HS256"}), &json!({"token_endpoint": "x"})),
            JwsError::NoIssuer,
        ),
        (
            "iss a number, correctly MACed",
            hs256(&json!({"alg": "HS256"}), &json!({"iss": 1})),
            JwsError::IssuerNotString("a number"),
        ),
        // The control: a good token fails neither side.
        (
            "(control)",
            hs256(&json!({"alg": "HS256"}), &iss),
            JwsError::PartCount(0),
        ),
    ]
}

#[test]
fn validation_and_verification_agree_on_every_malformed_token() {
    let verifier = verifier();
    for (what, token, expected) in cases() {
        let json = document(json!(token));
        let plain = validate_json(&json, Profile::OAuth, &Options::default());
        let metadata = plain.metadata.clone().unwrap();
        let verified = verifier.verify(&metadata);
        let together =
            validate_json_verified(&json, Profile::OAuth, &Options::default(), &verifier);
        if what == "(control)" {
            assert!(verified.is_ok(), "{what}: {:?}", verified.err());
            assert_eq!(relevant(&plain.report.problems), [], "{what}");
            continue;
        }
        let message = expected.to_string();
        let want = [(expected.rule().id, message.as_str())];
        // Validation: exactly the reader's error.
        assert_eq!(relevant(&plain.report.problems), want, "{what}: validation");
        // Verification: the same error, so the same rule and message.
        let error = verified.expect_err(what);
        assert_eq!(
            error,
            SignedMetadataError::Jws(expected.clone()),
            "{what}: verification"
        );
        assert_eq!(
            (error.rule().id, error.to_string().as_str()),
            want[0],
            "{what}"
        );
        assert!(error.reported_by_validation(), "{what}");
        // Together: reported once.
        assert_eq!(
            relevant(&together.checked.report.problems),
            want,
            "{what}: together"
        );
        assert!(!together.checked.report.is_valid(), "{what}");
    }
}

#[test]
fn a_signed_metadata_that_is_not_a_string_is_one_member_type_error() {
    let json = document(json!(["not", "a", "token"]));
    let plain = validate_json(&json, Profile::OAuth, &Options::default());
    let error = verifier()
        .verify(plain.metadata.as_ref().unwrap())
        .unwrap_err();
    assert_eq!(error, SignedMetadataError::NotAString("an array"));
    assert_eq!(error.rule().id, "member-type");
    let together = validate_json_verified(&json, Profile::OAuth, &Options::default(), &verifier());
    let rules: Vec<&str> = relevant(&together.checked.report.problems)
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["member-type"]);
}

#[test]
fn verification_failures_are_reported_by_verification_only() {
    // A well-formed token MACed with another secret: validation has nothing to say, and the
    // signature failure is verification's own problem.
    let token = hs256(
        &json!({"alg": "HS256"}),
        &json!({"iss": "https://as.example.com"}),
    );
    let json = document(json!(token));
    let other = Verifier::new(
        TrustedKeys::shared_secret(&[7; 32]).unwrap(),
        IssuerPolicy::document_issuer(),
    );
    let plain = validate_json(&json, Profile::OAuth, &Options::default());
    assert_eq!(relevant(&plain.report.problems), []);
    let together = validate_json_verified(&json, Profile::OAuth, &Options::default(), &other);
    let rules: Vec<&str> = relevant(&together.checked.report.problems)
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["signed-metadata-signature"]);
    let error = together.verification.unwrap().unwrap_err();
    assert!(!error.reported_by_validation());
}
