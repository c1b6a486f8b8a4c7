//! Sign → verify for every algorithm, and every way verification must refuse a token.
//!
//! Keys are generated at run time (one RSA key per test binary, reused for every RSA
//! algorithm); tokens the signing API cannot produce on purpose (`alg: none`, a nested
//! `signed_metadata`, a `crit` header, …) are MACed by hand with HS256 and a trusted secret.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, Mac};
use oidc_discovery_metadata::{ProviderMetadata, SignedMetadata};
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, KeyError, PlainValue, SignError, SignOptions, SignedMetadataError,
    SigningKey, TrustedKeys, VerifiedMetadata, Verifier, embed, sign,
};
use oidc_discovery_validate::jws::JwsError;
use oidc_discovery_validate::{Profile, Severity};
use serde_json::{Value, json};

const ISSUER: &str = "https://as.example.com";
/// A test fixture: the HMAC secret (64 bytes, enough for HS512).
const SECRET: &[u8] = b"a shared secret of sixty-four bytes, for HS256, HS384 and HS512!";
/// The time every verification happens at, unless a test says otherwise.
const NOW: u64 = 1_750_000_000;

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn metadata() -> ProviderMetadata {
    ProviderMetadata::from_json_str(
        r#"{
        "issuer": "https://as.example.com",
        "authorization_endpoint": "https://as.example.com/authorize",
        "token_endpoint": "https://as.example.com/token",
        "jwks_uri": "https://as.example.com/jwks.json",
        "response_types_supported": ["code"],
        "op_tos_uri": "https://as.example.com/tos",
        "op_tos_uri#fr": "https://as.example.com/fr/cgu",
        "x_vendor_limit": 1.0
    }"#,
    )
    .unwrap()
}

fn rsa_key() -> SigningKey {
    static KEY: OnceLock<SigningKey> = OnceLock::new();
    KEY.get_or_init(|| SigningKey::generate(Algorithm::RS256).unwrap())
        .clone()
}

fn key(alg: Algorithm) -> SigningKey {
    match alg {
        Algorithm::RS256
        | Algorithm::RS384
        | Algorithm::RS512
        | Algorithm::PS256
        | Algorithm::PS384
        | Algorithm::PS512 => rsa_key().with_algorithm(alg).unwrap(),
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
            SigningKey::shared_secret(SECRET, alg).unwrap()
        }
        _ => SigningKey::generate(alg).unwrap(),
    }
}

fn trusted(key: &SigningKey) -> TrustedKeys {
    match key.public_jwk() {
        Some(jwk) => TrustedKeys::from_jwk(&jwk).unwrap(),
        None => TrustedKeys::shared_secret(SECRET).unwrap(),
    }
}

fn verifier(keys: TrustedKeys) -> Verifier {
    Verifier::new(keys, IssuerPolicy::exact([ISSUER])).at(at(NOW))
}

fn published(key: &SigningKey, options: &SignOptions) -> ProviderMetadata {
    embed(&metadata(), key, options).unwrap()
}

fn with_jwt(jwt: impl Into<String>) -> ProviderMetadata {
    ProviderMetadata {
        signed_metadata: Some(SignedMetadata::from(jwt.into())),
        ..metadata()
    }
}

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// A JWS with any header and claims, MACed with HS256 and [`SECRET`].
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

fn hs256_verifier() -> Verifier {
    verifier(TrustedKeys::shared_secret(SECRET).unwrap())
}

fn claims(extra: Value) -> Value {
    let mut claims = json!({"iss": ISSUER, "token_endpoint": "https://as.example.com/token"});
    for (name, value) in extra.as_object().unwrap() {
        claims[name] = value.clone();
    }
    claims
}

fn verify(
    verifier: &Verifier,
    document: &ProviderMetadata,
) -> Result<VerifiedMetadata, SignedMetadataError> {
    verifier.verify(document)
}

#[test]
fn every_algorithm_signs_and_verifies() {
    let plain = metadata();
    let mut expected: Vec<String> = serde_json::to_value(&plain)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    expected.sort();
    for alg in Algorithm::ALL {
        let key = key(alg).with_kid(format!("key-{alg}"));
        let document = published(&key, &SignOptions::new(ISSUER));
        let jwt = document.signed_metadata.as_ref().unwrap();
        let header: Value = serde_json::from_slice(
            &Base64UrlUnpadded::decode_vec(jwt.compact_parts().unwrap()[0]).unwrap(),
        )
        .unwrap();
        assert_eq!(
            header,
            json!({"alg": alg.as_str(), "kid": format!("key-{alg}")}),
            "{alg}"
        );
        let verified = verify(&verifier(trusted(&key)), &document)
            .unwrap_or_else(|error| panic!("{alg}: {error}"));
        assert_eq!(verified.algorithm, alg);
        assert_eq!(verified.kid.as_deref(), Some(format!("key-{alg}").as_str()));
        assert_eq!(verified.issuer, ISSUER);
        assert_eq!(
            verified.signed_members().collect::<Vec<_>>(),
            expected,
            "{alg}"
        );
        assert!(
            verified
                .signed
                .iter()
                .all(|member| member.plain == PlainValue::Same),
            "{alg}"
        );
        assert_eq!(
            verified.metadata, document,
            "{alg}: nothing differs, nothing changes"
        );
        // And the published document survives a JSON round trip.
        let received =
            ProviderMetadata::from_json_str(&document.to_json_string().unwrap()).unwrap();
        assert!(verify(&verifier(trusted(&key)), &received).is_ok(), "{alg}");
    }
}

#[test]
fn a_tampered_payload_or_signature_does_not_verify() {
    for alg in [
        Algorithm::RS256,
        Algorithm::PS256,
        Algorithm::ES256,
        Algorithm::ES512,
        Algorithm::EdDSA,
        Algorithm::HS256,
    ] {
        let key = key(alg);
        let jwt = sign(&metadata(), &key, &SignOptions::new(ISSUER)).unwrap();
        let [header, payload, signature] = jwt.compact_parts().unwrap();
        let mut claims: Value =
            serde_json::from_slice(&Base64UrlUnpadded::decode_vec(payload).unwrap()).unwrap();
        claims["token_endpoint"] = json!("https://evil.example/token");
        claims["x_backdoor"] = json!(true);
        let forged = format!(
            "{header}.{}.{signature}",
            b64(claims.to_string().as_bytes())
        );
        let error = verify(&verifier(trusted(&key)), &with_jwt(forged)).unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::BadSignature { tried: 1, .. }),
            "{alg}: {error}"
        );
        assert_eq!(error.rule().id, "signed-metadata-signature");

        let mut bytes = Base64UrlUnpadded::decode_vec(signature).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        let flipped = format!("{header}.{payload}.{}", b64(&bytes));
        let error = verify(&verifier(trusted(&key)), &with_jwt(flipped)).unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::BadSignature { .. }),
            "{alg}: {error}"
        );
    }
}

#[test]
fn another_key_does_not_verify() {
    for alg in [
        Algorithm::RS256,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::EdDSA,
    ] {
        let signer = key(alg);
        let stranger = SigningKey::generate(alg).unwrap();
        let document = published(&signer, &SignOptions::new(ISSUER));
        let error = verify(&verifier(trusted(&stranger)), &document).unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::BadSignature { .. }),
            "{alg}: {error}"
        );
    }
    // A wrong shared secret.
    let document = published(&key(Algorithm::HS256), &SignOptions::new(ISSUER));
    let other = TrustedKeys::shared_secret(&[9; 32]).unwrap();
    assert!(matches!(
        verify(&verifier(other), &document),
        Err(SignedMetadataError::BadSignature { .. })
    ));
    // A key of another type is not even tried.
    let document = published(&key(Algorithm::ES256), &SignOptions::new(ISSUER));
    let error = verify(&verifier(trusted(&key(Algorithm::EdDSA))), &document).unwrap_err();
    assert_eq!(
        error,
        SignedMetadataError::NoMatchingKey {
            alg: Algorithm::ES256,
            kid: None
        }
    );
}

#[test]
fn unsigned_tokens_are_refused() {
    let claims = b64(claims(json!({})).to_string().as_bytes());
    let signature = published(&key(Algorithm::HS256), &SignOptions::new(ISSUER))
        .signed_metadata
        .unwrap()
        .compact_parts()
        .unwrap()[2]
        .to_owned();
    for (header, signature, what) in [
        (json!({"alg": "none"}), "", "alg none"),
        (
            json!({"alg": "none"}),
            signature.as_str(),
            "alg none with a signature",
        ),
        (json!({"typ": "JWT"}), signature.as_str(), "no alg"),
        (json!({"alg": "HS256"}), "", "empty signature"),
    ] {
        let jwt = format!(
            "{}.{claims}.{signature}",
            b64(header.to_string().as_bytes())
        );
        // Even a verifier that trusts a shared secret refuses them.
        let error = verify(&hs256_verifier(), &with_jwt(jwt)).unwrap_err();
        assert!(
            matches!(
                error,
                SignedMetadataError::Jws(
                    JwsError::AlgNone | JwsError::NoAlg | JwsError::EmptySignature
                )
            ),
            "{what}: {error}"
        );
        assert_eq!(error.rule().id, "signed-metadata-unsigned", "{what}");
    }
}

#[test]
fn hmac_is_refused_unless_a_shared_secret_is_trusted_explicitly() {
    let signer = rsa_key();
    let rsa_jwk = signer.public_jwk().unwrap();
    // A JWK Set with the RSA key and the very secret as an `oct` key: the `oct` key is left out.
    let oct = json!({"kty": "oct", "k": b64(SECRET)});
    let keys = TrustedKeys::from_jwks(&json!({"keys": [rsa_jwk, oct]})).unwrap();
    assert_eq!((keys.len(), keys.ignored().len()), (1, 1));
    assert!(
        keys.ignored()[0].reason.contains("shared_secret"),
        "{:?}",
        keys.ignored()
    );
    let document = published(&key(Algorithm::HS256), &SignOptions::new(ISSUER));
    let error = verify(&verifier(keys.clone()), &document).unwrap_err();
    assert_eq!(error, SignedMetadataError::HmacNotTrusted(Algorithm::HS256));
    assert_eq!(error.rule().id, "signed-metadata-signature");

    // The classic algorithm confusion: an HS256 token MACed with the public key's bytes.
    for public_bytes in [
        rsa_jwk.to_string().into_bytes(),
        Base64UrlUnpadded::decode_vec(rsa_jwk["n"].as_str().unwrap()).unwrap(),
    ] {
        let input = format!(
            "{}.{}",
            b64(br#"{"alg":"HS256"}"#),
            b64(claims(json!({})).to_string().as_bytes())
        );
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&public_bytes).unwrap();
        mac.update(input.as_bytes());
        let jwt = format!("{input}.{}", b64(&mac.finalize().into_bytes()));
        assert_eq!(
            verify(&verifier(keys.clone()), &with_jwt(jwt)).unwrap_err(),
            SignedMetadataError::HmacNotTrusted(Algorithm::HS256)
        );
    }

    // Trusted explicitly, the same token verifies; a secret too short is refused up front.
    let both = keys.and(TrustedKeys::shared_secret(SECRET).unwrap());
    assert!(verify(&verifier(both), &document).is_ok());
    assert!(TrustedKeys::shared_secret(&[1; 31]).is_err());
}

#[test]
fn the_issuer_must_be_trusted() {
    let key = key(Algorithm::ES256);
    let keys = trusted(&key);
    let signed_by = |iss: &str| published(&key, &SignOptions::new(iss));
    for (policy, iss, trusted) in [
        (IssuerPolicy::exact([ISSUER]), ISSUER, true),
        (
            IssuerPolicy::exact([ISSUER]),
            "https://as.example.com/",
            false,
        ),
        (
            IssuerPolicy::exact(["https://federation.example"]),
            ISSUER,
            false,
        ),
        (
            IssuerPolicy::exact(["https://federation.example", ISSUER]),
            "https://federation.example",
            true,
        ),
        (IssuerPolicy::document_issuer(), ISSUER, true),
        (
            IssuerPolicy::document_issuer(),
            "https://evil.example",
            false,
        ),
        (
            IssuerPolicy::custom(|iss| iss.ends_with(".example.com")),
            ISSUER,
            true,
        ),
        (
            IssuerPolicy::custom(|iss| iss.ends_with(".example.com")),
            "https://evil.example",
            false,
        ),
    ] {
        let result = Verifier::new(keys.clone(), policy.clone())
            .at(at(NOW))
            .verify(&signed_by(iss));
        match result {
            Ok(verified) => {
                assert!(trusted, "{policy:?} trusted {iss}");
                assert_eq!(verified.issuer, iss);
            }
            Err(error) => {
                assert!(!trusted, "{policy:?} refused {iss}: {error}");
                assert_eq!(error, SignedMetadataError::UntrustedIssuer(iss.to_owned()));
                assert_eq!(error.rule().id, "signed-metadata-trusted-iss");
            }
        }
    }
    // `iss` missing or not a string.
    for (claims, expected) in [
        (json!({"token_endpoint": "x"}), JwsError::NoIssuer),
        (json!({"iss": 5}), JwsError::IssuerNotString("a number")),
    ] {
        let error = verify(
            &hs256_verifier(),
            &with_jwt(hs256(&json!({"alg": "HS256"}), &claims)),
        )
        .unwrap_err();
        assert_eq!(error, SignedMetadataError::Jws(expected));
        assert_eq!(error.rule().id, "signed-metadata-iss");
    }
    assert!(matches!(
        sign(&metadata(), &key, &SignOptions::new("")),
        Err(SignError::EmptyIssuer)
    ));
}

#[test]
fn expiry_and_not_before_are_enforced_with_a_leeway() {
    let key = key(Algorithm::EdDSA);
    let minute = Duration::from_secs(60);
    let cases: [(SignOptions, Duration, Option<&str>); 9] = [
        (
            SignOptions::new(ISSUER).expires_at(at(NOW + 3600)),
            minute,
            None,
        ),
        (
            SignOptions::new(ISSUER).expires_at(at(NOW - 30)),
            minute,
            None,
        ),
        (
            SignOptions::new(ISSUER).expires_at(at(NOW - 60)),
            minute,
            Some("expired"),
        ),
        (
            SignOptions::new(ISSUER).expires_at(at(NOW - 3600)),
            minute,
            Some("expired"),
        ),
        (
            SignOptions::new(ISSUER).expires_at(at(NOW)),
            Duration::ZERO,
            Some("expired"),
        ),
        (
            SignOptions::new(ISSUER).expires_at(at(NOW + 1)),
            Duration::ZERO,
            None,
        ),
        (
            SignOptions::new(ISSUER).not_before(at(NOW + 30)),
            minute,
            None,
        ),
        (
            SignOptions::new(ISSUER).not_before(at(NOW + 61)),
            minute,
            Some("not yet valid"),
        ),
        (
            SignOptions::new(ISSUER)
                .issued_at(at(NOW - 10))
                .not_before(at(NOW - 10))
                .expires_at(at(NOW + 10)),
            Duration::ZERO,
            None,
        ),
    ];
    for (options, leeway, refused) in cases {
        let document = published(&key, &options);
        let result = verifier(trusted(&key))
            .with_leeway(leeway)
            .verify(&document);
        match (result, refused) {
            (Ok(verified), None) => {
                assert_eq!(
                    verified.expires_at,
                    options
                        .expires_at
                        .map(|exp| exp.duration_since(UNIX_EPOCH).unwrap().as_secs_f64())
                );
                assert!(
                    verified
                        .metadata
                        .other
                        .keys()
                        .all(|name| !["iss", "exp", "nbf", "iat"].contains(&name.as_str())),
                    "JWT claims are not members"
                );
            }
            (Err(error @ SignedMetadataError::Expired { .. }), Some("expired"))
            | (Err(error @ SignedMetadataError::NotYetValid { .. }), Some("not yet valid")) => {
                assert_eq!(error.rule().id, "signed-metadata-validity");
                assert!(error.to_string().contains(&NOW.to_string()), "{error}");
            }
            (result, refused) => {
                panic!("{options:?} with leeway {leeway:?}: {result:?}, expected {refused:?}")
            }
        }
    }
    // The system clock is the default: a token that expired in 2001 is refused.
    let old = published(
        &key,
        &SignOptions::new(ISSUER).expires_at(at(1_000_000_000)),
    );
    let error = Verifier::new(trusted(&key), IssuerPolicy::exact([ISSUER]))
        .verify(&old)
        .unwrap_err();
    assert!(
        matches!(error, SignedMetadataError::Expired { .. }),
        "{error}"
    );
    // Time claims that are not NumericDates.
    for (name, value) in [
        ("exp", json!("tomorrow")),
        ("nbf", json!(null)),
        ("iat", json!([1])),
    ] {
        let jwt = hs256(&json!({"alg": "HS256"}), &claims(json!({ name: value })));
        let error = verify(&hs256_verifier(), &with_jwt(jwt)).unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::InvalidTimeClaim(claim) if claim == name),
            "{error}"
        );
    }
    // A fractional NumericDate is a NumericDate.
    let jwt = hs256(
        &json!({"alg": "HS256"}),
        &claims(json!({"exp": NOW as f64 + 0.5})),
    );
    assert!(
        verifier(TrustedKeys::shared_secret(SECRET).unwrap())
            .with_leeway(Duration::ZERO)
            .verify(&with_jwt(jwt))
            .is_ok()
    );
}

#[test]
fn a_nested_signed_metadata_claim_is_refused() {
    let inner = sign(
        &metadata(),
        &key(Algorithm::HS256),
        &SignOptions::new(ISSUER),
    )
    .unwrap();
    let jwt = hs256(
        &json!({"alg": "HS256"}),
        &claims(json!({"signed_metadata": inner.as_str()})),
    );
    let error = verify(&hs256_verifier(), &with_jwt(jwt)).unwrap_err();
    assert_eq!(error, SignedMetadataError::Nested);
    assert_eq!(error.rule().id, "signed-metadata-nested-claim");
    assert_eq!(
        error
            .to_problem(Profile::OAuth)
            .map(|problem| problem.severity),
        Some(Severity::Error)
    );
    // Signing never nests: an existing `signed_metadata` is not signed, and `embed` replaces it.
    let once = published(&key(Algorithm::HS256), &SignOptions::new(ISSUER));
    let twice = embed(&once, &key(Algorithm::HS256), &SignOptions::new(ISSUER)).unwrap();
    assert!(verify(&hs256_verifier(), &twice).is_ok());
}

#[test]
fn signed_values_take_precedence_and_are_reported() {
    let key = key(Algorithm::PS256).with_kid("meta");
    let mut document = published(&key, &SignOptions::new(ISSUER));
    document.token_endpoint = Some("https://evil.example/token".into());
    document.jwks_uri = None;
    document
        .other
        .insert("x_plain_only".to_owned(), json!("kept").into());
    let verified = verify(&verifier(trusted(&key)), &document).unwrap();
    let merged = &verified.metadata;
    assert_eq!(
        merged.token_endpoint.as_ref().unwrap().as_str(),
        "https://as.example.com/token"
    );
    assert_eq!(
        merged.jwks_uri.as_ref().unwrap().as_str(),
        "https://as.example.com/jwks.json"
    );
    assert_eq!(
        merged.other["x_plain_only"],
        json!("kept"),
        "plain members not signed stay"
    );
    assert_eq!(merged.other["x_vendor_limit"], json!(1.0));
    assert_eq!(
        merged.op_tos_uri.get("fr").unwrap(),
        "https://as.example.com/fr/cgu"
    );
    assert_eq!(
        merged.signed_metadata, document.signed_metadata,
        "kept as received"
    );
    let differing: Vec<(&str, PlainValue)> = verified
        .differing_members()
        .map(|member| (member.name.as_str(), member.plain))
        .collect();
    assert_eq!(
        differing,
        [
            ("jwks_uri", PlainValue::Absent),
            ("token_endpoint", PlainValue::Differs)
        ]
    );
    assert!(!verified.signed_members().any(|name| name == "x_plain_only"));

    let problems = verified.problems(Profile::Oidc);
    let summary: Vec<(&str, Severity, &str)> = problems
        .iter()
        .map(|problem| (problem.rule.id, problem.severity, problem.pointer.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "signed-metadata-verified",
                Severity::Info,
                "/signed_metadata"
            ),
            (
                "signed-metadata-differs",
                Severity::Warning,
                "/token_endpoint"
            ),
        ]
    );
    assert!(
        problems[0].message.contains("token_endpoint"),
        "{}",
        problems[0].message
    );
    assert!(
        problems[0].message.contains("PS256"),
        "{}",
        problems[0].message
    );
}

#[test]
fn only_verified_claims_are_merged() {
    // A subset is signed: the other members stay plain, and are not reported as signed.
    let key = key(Algorithm::ES384);
    let options = SignOptions::new(ISSUER).only(["token_endpoint", "issuer"]);
    let mut document = published(&key, &options);
    document.authorization_endpoint = Some("https://changed.example/authorize".into());
    let verified = verify(&verifier(trusted(&key)), &document).unwrap();
    assert_eq!(
        verified.signed_members().collect::<Vec<_>>(),
        ["issuer", "token_endpoint"]
    );
    assert_eq!(
        verified
            .metadata
            .authorization_endpoint
            .as_ref()
            .unwrap()
            .as_str(),
        "https://changed.example/authorize"
    );
    // A claim added by someone else makes the token fail: nothing of it is merged, and the
    // caller's document is what it was.
    let [header, payload, signature] = document
        .signed_metadata
        .as_ref()
        .unwrap()
        .compact_parts()
        .unwrap();
    let mut claims: Value =
        serde_json::from_slice(&Base64UrlUnpadded::decode_vec(payload).unwrap()).unwrap();
    claims["authorization_endpoint"] = json!("https://evil.example/authorize");
    let forged = with_jwt(format!(
        "{header}.{}.{signature}",
        b64(claims.to_string().as_bytes())
    ));
    let before = forged.clone();
    assert!(verify(&verifier(trusted(&key)), &forged).is_err());
    assert_eq!(forged, before);
    assert!(matches!(
        sign(&metadata(), &key, &SignOptions::new(ISSUER).only(["end_session_endpoint"])),
        Err(SignError::NoSuchMember(name)) if name == "end_session_endpoint"
    ));
}

#[test]
fn members_named_like_jwt_claims_cannot_be_signed() {
    let mut document = metadata();
    document.other.insert("exp".to_owned(), json!(5).into());
    assert!(matches!(
        sign(&document, &key(Algorithm::ES256), &SignOptions::new(ISSUER)),
        Err(SignError::ReservedMember(name)) if name == "exp"
    ));
}

#[test]
fn keys_are_chosen_by_kid_and_alg() {
    let a = key(Algorithm::ES256).with_kid("a");
    let b = key(Algorithm::ES256).with_kid("b");
    let set = TrustedKeys::from_jwks(&json!({"keys": [a.public_jwk(), b.public_jwk()]})).unwrap();
    let by_b = published(&b, &SignOptions::new(ISSUER));
    assert_eq!(
        verify(&verifier(set.clone()), &by_b)
            .unwrap()
            .kid
            .as_deref(),
        Some("b")
    );
    let by_c = published(&b.clone().with_kid("c"), &SignOptions::new(ISSUER));
    assert_eq!(
        verify(&verifier(set.clone()), &by_c).unwrap_err(),
        SignedMetadataError::NoMatchingKey {
            alg: Algorithm::ES256,
            kid: Some("c".to_owned())
        }
    );
    // Without a kid in the header, every key that fits is tried.
    let unnamed = key(Algorithm::ES256);
    let set = set.and(trusted(&unnamed));
    let by_unnamed = published(&unnamed, &SignOptions::new(ISSUER));
    assert!(verify(&verifier(set), &by_unnamed).is_ok());

    // A key that names its `alg` verifies only that algorithm.
    let rs = rsa_key();
    let jwk = rs.public_jwk().unwrap();
    assert_eq!(jwk["alg"], "RS256");
    let ps_document = published(
        &rs.clone().with_algorithm(Algorithm::PS256).unwrap(),
        &SignOptions::new(ISSUER),
    );
    assert!(matches!(
        verify(
            &verifier(TrustedKeys::from_jwk(&jwk).unwrap()),
            &ps_document
        ),
        Err(SignedMetadataError::NoMatchingKey {
            alg: Algorithm::PS256,
            ..
        })
    ));
    let mut without_alg = jwk.clone();
    without_alg.as_object_mut().unwrap().remove("alg");
    assert!(
        verify(
            &verifier(TrustedKeys::from_jwk(&without_alg).unwrap()),
            &ps_document
        )
        .is_ok()
    );
    // EdDSA and Ed25519 are distinct algorithm names (RFC 9864).
    let ed = key(Algorithm::EdDSA);
    let ed25519_document = published(
        &ed.clone().with_algorithm(Algorithm::Ed25519).unwrap(),
        &SignOptions::new(ISSUER),
    );
    assert!(verify(&verifier(trusted(&ed)), &ed25519_document).is_err());
    let mut any_ed = ed.public_jwk().unwrap();
    any_ed.as_object_mut().unwrap().remove("alg");
    assert!(
        verify(
            &verifier(TrustedKeys::from_jwk(&any_ed).unwrap()),
            &ed25519_document
        )
        .is_ok()
    );
}

#[test]
fn jwk_sets_keep_only_usable_signature_keys() {
    let good = key(Algorithm::EdDSA).with_kid("good").public_jwk().unwrap();
    let mut encryption = good.clone();
    encryption["use"] = json!("enc");
    let mut encrypt_ops = good.clone();
    encrypt_ops.as_object_mut().unwrap().remove("use");
    encrypt_ops["key_ops"] = json!(["encrypt"]);
    let mut verify_ops = good.clone();
    verify_ops["key_ops"] = json!(["verify"]);
    let mut wrong_alg = good.clone();
    wrong_alg["alg"] = json!("RS256");
    let mut unknown_alg = good.clone();
    unknown_alg["alg"] = json!("ML-DSA-44");
    let small_rsa = json!({"kty": "RSA", "n": b64(&[0xff; 128]), "e": "AQAB"});
    let set = json!({"keys": [
        good, encryption, encrypt_ops, verify_ops, wrong_alg, unknown_alg, small_rsa,
        {"kty": "EC", "crv": "P-521", "x": "AA", "y": "AA"},
        {"kty": "AKP", "pub": "AA"},
        {"kty": "oct", "k": b64(SECRET)},
        {"kty": "OKP", "crv": "X25519", "x": b64(&[1; 32])},
        {"kty": "RSA", "n": 5, "e": "AQAB"},
        "not an object"
    ]});
    let keys = TrustedKeys::from_jwks(&set).unwrap();
    assert_eq!(keys.len(), 2, "{keys:?}");
    let ignored: Vec<usize> = keys.ignored().iter().map(|key| key.index).collect();
    assert_eq!(ignored, [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (index, words) in [
        (1, "`use`"),
        (2, "key_ops"),
        (4, "does not fit"),
        (5, "ML-DSA-44"),
        (6, "1024 bits"),
        (7, "P-521"),
        (8, "AKP"),
        (9, "shared_secret"),
        (10, "X25519"),
        (11, "`n` is not a string"),
        (12, "not a JSON object"),
    ] {
        let key = keys
            .ignored()
            .iter()
            .find(|key| key.index == index)
            .unwrap();
        assert!(key.reason.contains(words), "key {index}: {}", key.reason);
    }

    for (json, expected) in [
        ("{\"keys\": []}", "no usable signature key (it has no keys)"),
        (
            "{\"keys\": [{\"kty\": \"oct\", \"k\": \"AA\"}]}",
            "key 0: a symmetric",
        ),
        ("{\"kty\": \"EC\"}", "`keys` array"),
        ("[]", "`keys` array"),
        ("{", "not JSON"),
    ] {
        let error = TrustedKeys::from_jwks_json(json).unwrap_err();
        assert!(error.to_string().contains(expected), "{json}: {error}");
    }
    assert!(matches!(
        TrustedKeys::from_jwk_json(r#"{"kty": "RSA", "kid": "k1", "use": "enc", "n": "AA", "e": "AQAB"}"#),
        Err(KeyError::Unusable { kid: Some(kid), .. }) if kid == "k1"
    ));
}

#[test]
fn malformed_or_missing_signed_metadata() {
    let verifier = hs256_verifier();
    let header = b64(br#"{"alg":"HS256"}"#);
    let claims = b64(claims(json!({})).to_string().as_bytes());
    for (jwt, words) in [
        (format!("{header}.{claims}"), "2 dot-separated parts"),
        (
            format!("{header}.{claims}.c2ln.extra"),
            "4 dot-separated parts",
        ),
        (
            format!("{header}=.{claims}.c2ln"),
            "header of `signed_metadata` is not unpadded base64url",
        ),
        (
            format!("{}.{claims}.c2ln", b64(b"[1]")),
            "header of `signed_metadata` is an array, not a JSON object",
        ),
        (
            format!("{header}.{}.c2ln", b64(b"{\"iss\":")),
            "claims of `signed_metadata` is not JSON",
        ),
        (
            format!("{header}.{claims}.c2l+"),
            "signature of `signed_metadata` is not unpadded base64url",
        ),
        (
            format!("{}.{claims}.c2ln", b64(br#"{"alg":1}"#)),
            "`alg` of `signed_metadata` is a number",
        ),
        (
            format!("{}.{claims}.c2ln", b64(br#"{"alg":"HS256","kid":1}"#)),
            "`kid` of `signed_metadata` is a number",
        ),
    ] {
        let error = verify(&verifier, &with_jwt(jwt.clone())).unwrap_err();
        assert!(
            matches!(error, SignedMetadataError::Jws(_)),
            "{jwt}: {error}"
        );
        assert!(error.to_string().contains(words), "{jwt}: {error}");
        assert_eq!(error.rule().id, "signed-metadata-not-jws");
    }
    let mut mistyped = metadata();
    mistyped
        .other
        .insert("signed_metadata".to_owned(), json!(5).into());
    let error = verify(&verifier, &mistyped).unwrap_err();
    assert_eq!(error, SignedMetadataError::NotAString("a number"));
    assert_eq!(error.rule().id, "member-type");
    // `null` is read as absent, as clients do.
    mistyped
        .other
        .insert("signed_metadata".to_owned(), Value::Null.into());
    assert_eq!(
        verify(&verifier, &mistyped).unwrap_err(),
        SignedMetadataError::Missing
    );

    let error = verify(&verifier, &metadata()).unwrap_err();
    assert_eq!(error, SignedMetadataError::Missing);
    let problem = error.to_problem(Profile::Fapi2).expect("applies");
    assert_eq!(
        (problem.rule.id, problem.severity, problem.pointer.as_str()),
        ("signed-metadata-missing", Severity::Error, "")
    );

    let unsupported = format!("{}.{claims}.c2ln", b64(br#"{"alg":"ES256K"}"#));
    assert_eq!(
        verify(&verifier, &with_jwt(unsupported)).unwrap_err(),
        SignedMetadataError::UnsupportedAlgorithm("ES256K".to_owned())
    );
    let critical = hs256(
        &json!({"alg": "HS256", "crit": ["b64"], "b64": false}),
        &self::claims(json!({})),
    );
    let error = verify(&verifier, &with_jwt(critical)).unwrap_err();
    assert_eq!(
        error,
        SignedMetadataError::CriticalHeader(vec!["b64".to_owned()])
    );
    assert_eq!(
        error.to_problem(Profile::OAuth).expect("applies").pointer,
        "/signed_metadata"
    );
}

#[test]
fn keys_load_from_pkcs8_and_jwk() {
    for alg in [
        Algorithm::RS256,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::EdDSA,
    ] {
        let original = key(alg);
        let pem = original.to_pkcs8_pem().unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"), "{alg}");
        let loaded = SigningKey::from_pkcs8_pem(&pem, alg).unwrap();
        assert_eq!(loaded.public_jwk(), original.public_jwk(), "{alg}");
        let document = published(&loaded, &SignOptions::new(ISSUER));
        assert!(
            verify(&verifier(trusted(&original)), &document).is_ok(),
            "{alg}"
        );
        // A key of another kind is refused, naming what was expected.
        let other = if alg == Algorithm::EdDSA {
            Algorithm::ES256
        } else {
            Algorithm::EdDSA
        };
        let error = SigningKey::from_pkcs8_pem(&pem, other).unwrap_err();
        assert!(
            matches!(error, KeyError::Pkcs8(_)),
            "{alg} as {other}: {error}"
        );
    }
    assert!(key(Algorithm::HS256).to_pkcs8_pem().is_err());
    assert!(key(Algorithm::HS256).public_jwk().is_none());

    // RFC 7515 A.3's private JWK: the public part it derives is the RFC's.
    let ec = SigningKey::from_jwk_json(
        r#"{"kty":"EC","crv":"P-256","kid":"a3",
            "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
            "d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#,
        Algorithm::ES256,
    )
    .unwrap();
    assert_eq!((ec.algorithm(), ec.kid()), (Algorithm::ES256, Some("a3")));
    assert_eq!(
        ec.public_jwk().unwrap()["x"],
        "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"
    );
    for (jwk, words) in [
        // The public key alone.
        (
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            "`d` is missing",
        ),
        // A `d` that belongs to another key.
        (
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
            "does not belong",
        ),
        (
            r#"{"kty":"OKP","crv":"Ed25519","alg":"ES256","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#,
            "cannot be used with ES256",
        ),
        (
            r#"{"kty":"oct","k":"c2hvcnQ"}"#,
            "cannot be used with HS256",
        ),
        (r#"{"kty":"OKP","alg":"none"}"#, "\"none\" is not supported"),
        ("[]", "JSON object"),
    ] {
        let error = SigningKey::from_jwk_json(jwk, Algorithm::HS256).unwrap_err();
        assert!(error.to_string().contains(words), "{jwk}: {error}");
    }
    let ed = SigningKey::from_jwk_json(
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#,
        Algorithm::EdDSA,
    )
    .unwrap();
    let oct = SigningKey::from_jwk_json(
        &json!({"kty": "oct", "k": b64(SECRET), "alg": "HS384"}).to_string(),
        Algorithm::HS256,
    )
    .unwrap();
    assert_eq!(oct.algorithm(), Algorithm::HS384);
    assert!(
        verify(
            &hs256_verifier(),
            &published(&oct, &SignOptions::new(ISSUER))
        )
        .is_ok()
    );
    assert!(
        verify(
            &verifier(trusted(&ed)),
            &published(&ed, &SignOptions::new(ISSUER))
        )
        .is_ok()
    );
}

#[test]
fn weak_keys_are_refused_for_signing() {
    use rsa::pkcs8::EncodePrivateKey;
    let small = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 1024).unwrap();
    let pem = small.to_pkcs8_pem(rsa::pkcs8::LineEnding::LF).unwrap();
    let error = SigningKey::from_pkcs8_pem(&pem, Algorithm::RS256).unwrap_err();
    assert!(error.to_string().contains("1024 bits"), "{error}");
    assert!(SigningKey::shared_secret(&[1; 47], Algorithm::HS384).is_err());
    assert!(SigningKey::shared_secret(&[1; 48], Algorithm::HS384).is_ok());
    assert!(matches!(
        rsa_key().with_algorithm(Algorithm::ES256),
        Err(KeyError::AlgorithmMismatch {
            alg: Algorithm::ES256,
            ..
        })
    ));
}

#[test]
fn debug_output_never_shows_key_material() {
    let secret = SigningKey::shared_secret(SECRET, Algorithm::HS256).unwrap();
    let ed = key(Algorithm::EdDSA);
    let pem = ed.to_pkcs8_pem().unwrap();
    let body: String = pem
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .collect();
    for text in [
        format!("{secret:?}"),
        format!("{ed:?}"),
        format!("{:?}", TrustedKeys::shared_secret(SECRET).unwrap()),
    ] {
        assert!(!text.contains("sixty-four"), "{text}");
        assert!(!text.contains(&body), "{text}");
        assert!(!text.contains(&format!("{:?}", &SECRET[..8])), "{text}");
    }
    assert!(format!("{secret:?}").contains("shared secret (64 bytes)"));
}
