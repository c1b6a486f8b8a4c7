//! `signed-metadata` rules (the document checks; verification is tested in oidc-discovery-signed).

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "signed metadata with two parts",
            OAUTH,
            "signed-metadata-not-jws",
            "/signed_metadata",
            |d| set(d, "signed_metadata", json!("eyJhbGciOiJSUzI1NiJ9.e30")),
        ),
        fires(
            "signed metadata whose header is not JSON",
            OAUTH,
            "signed-metadata-not-jws",
            "/signed_metadata",
            |d| {
                let claims = base64url(signed_metadata_claims().to_string().as_bytes());
                set(
                    d,
                    "signed_metadata",
                    json!(format!("bm90LWpzb24.{claims}.{SIGNATURE}")),
                );
            },
        ),
        fires(
            "signed metadata whose claims are an array",
            OIDC,
            "signed-metadata-not-jws",
            "/signed_metadata",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "RS256"}), &json!(["iss"]), SIGNATURE)),
                );
            },
        ),
        spares(
            "signed metadata as a JWS",
            OAUTH,
            "signed-metadata-not-jws",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"alg": "RS256"}),
                        &signed_metadata_claims(),
                        SIGNATURE
                    )),
                );
            },
        ),
        fires(
            "unsecured signed metadata",
            OAUTH,
            "signed-metadata-unsigned",
            "/signed_metadata",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "none"}), &signed_metadata_claims(), "")),
                );
            },
        ),
        fires(
            "signed metadata header without alg",
            OIDC,
            "signed-metadata-unsigned",
            "/signed_metadata",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"kid": "k1"}),
                        &signed_metadata_claims(),
                        SIGNATURE
                    )),
                );
            },
        ),
        spares(
            "signed metadata with ES256",
            OAUTH,
            "signed-metadata-unsigned",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"alg": "ES256"}),
                        &signed_metadata_claims(),
                        SIGNATURE
                    )),
                );
            },
        ),
        fires(
            "signed metadata without iss",
            OAUTH,
            "signed-metadata-iss",
            "/signed_metadata",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"alg": "RS256"}),
                        &json!({"issuer": "https://as.example.com"}),
                        SIGNATURE
                    )),
                );
            },
        ),
        fires(
            "signed metadata with a numeric iss",
            OAUTH,
            "signed-metadata-iss",
            "/signed_metadata",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "RS256"}), &json!({"iss": 1}), SIGNATURE)),
                );
            },
        ),
        spares(
            "signed metadata with iss",
            OAUTH,
            "signed-metadata-iss",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"alg": "RS256"}),
                        &json!({"iss": "https://federation.example.org"}),
                        SIGNATURE
                    )),
                );
            },
        ),
        fires(
            "signed metadata nesting signed metadata",
            OAUTH,
            "signed-metadata-nested",
            "/signed_metadata",
            |d| {
                let mut claims = signed_metadata_claims();
                set(&mut claims, "signed_metadata", json!("a.b.c"));
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "RS256"}), &claims, SIGNATURE)),
                );
            },
        ),
        spares(
            "signed metadata without nesting",
            OAUTH,
            "signed-metadata-nested",
            |d| {
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(
                        &json!({"alg": "RS256"}),
                        &signed_metadata_claims(),
                        SIGNATURE
                    )),
                );
            },
        ),
        fires(
            "protected resource's unsigned metadata",
            RESOURCE,
            "signed-metadata-unsigned",
            "/signed_metadata",
            |d| {
                let claims = json!({"iss": "https://federation.example.org", "resource": "https://rs.example.com/api"});
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "none"}), &claims, "")),
                );
            },
        ),
        fires(
            "protected resource's signed metadata is not a JWT",
            RESOURCE,
            "signed-metadata-not-jws",
            "/signed_metadata",
            |d| set(d, "signed_metadata", json!("not-a-jwt")),
        ),
        fires(
            "protected resource's signed metadata without iss",
            RESOURCE,
            "signed-metadata-iss",
            "/signed_metadata",
            |d| {
                let claims = json!({"resource": "https://rs.example.com/api"});
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "ES256"}), &claims, SIGNATURE)),
                );
            },
        ),
        fires(
            "protected resource's signed metadata nested",
            RESOURCE,
            "signed-metadata-nested",
            "/signed_metadata",
            |d| {
                let claims =
                    json!({"iss": "https://federation.example.org", "signed_metadata": "x.y.z"});
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "ES256"}), &claims, SIGNATURE)),
                );
            },
        ),
        spares(
            "protected resource's signed metadata, well formed",
            RESOURCE,
            "signed-metadata-not-jws",
            |d| {
                let claims = json!({"iss": "https://federation.example.org", "resource": "https://rs.example.com/api"});
                set(
                    d,
                    "signed_metadata",
                    json!(jwt(&json!({"alg": "ES256"}), &claims, SIGNATURE)),
                );
            },
        ),
    ]
}

#[test]
fn signed_metadata_with_an_empty_signature_is_not_signed() {
    let mut doc = oauth_base();
    set(
        &mut doc,
        "signed_metadata",
        json!(jwt(&json!({"alg": "RS256"}), &signed_metadata_claims(), "")),
    );
    let report = report_of(&doc, OAUTH);
    assert!(
        report.has("signed-metadata-unsigned") || report.has("signed-metadata-not-jws"),
        "{report}"
    );
}
