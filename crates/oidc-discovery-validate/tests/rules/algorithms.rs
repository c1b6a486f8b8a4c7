//! `algorithm` rules: algorithm lists.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "ID Token algorithms without RS256",
            OIDC,
            "id-token-rs256",
            "/id_token_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["ES256", "PS256"]),
                )
            },
        ),
        spares(
            "ID Token algorithms with RS256",
            OIDC,
            "id-token-rs256",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["ES256", "RS256"]),
                );
            },
        ),
        fires(
            "none for ID Tokens with an id_token response type",
            OIDC,
            "id-token-alg-none",
            "/id_token_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                )
            },
        ),
        spares(
            "none for ID Tokens with the code response type only",
            OIDC,
            "id-token-alg-none",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                );
                set(d, "response_types_supported", json!(["code"]));
                set(d, "grant_types_supported", json!(["authorization_code"]));
            },
        ),
        fires(
            "none for token endpoint client assertions",
            OAUTH,
            "auth-signing-alg-none",
            "/token_endpoint_auth_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                );
            },
        ),
        fires(
            "none for introspection client assertions",
            OIDC,
            "auth-signing-alg-none",
            "/introspection_endpoint_auth_signing_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "introspection_endpoint_auth_signing_alg_values_supported",
                    json!(["none"]),
                );
            },
        ),
        spares(
            "signed token endpoint client assertions",
            OAUTH,
            "auth-signing-alg-none",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["RS256"]),
                );
            },
        ),
        spares(
            "none for request objects",
            OIDC,
            "auth-signing-alg-none",
            |d| {
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["none", "RS256"]),
                );
            },
        ),
        fires(
            "client assertions without RS256",
            OAUTH,
            "auth-signing-rs256",
            "/token_endpoint_auth_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["ES256"]),
                )
            },
        ),
        spares(
            "client assertions with RS256",
            OAUTH,
            "auth-signing-rs256",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["ES256", "RS256"]),
                );
            },
        ),
        fires(
            "request objects without none",
            OIDC,
            "request-object-algs",
            "/request_object_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["RS256"]),
                )
            },
        ),
        fires(
            "request objects without RS256",
            OIDC,
            "request-object-algs",
            "/request_object_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["none", "ES256"]),
                )
            },
        ),
        spares(
            "request objects with none and RS256",
            OIDC,
            "request-object-algs",
            |d| {
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                );
            },
        ),
        fires(
            "HMAC for DPoP proofs",
            OAUTH,
            "dpop-alg-asymmetric",
            "/dpop_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "dpop_signing_alg_values_supported",
                    json!(["ES256", "HS256"]),
                )
            },
        ),
        fires(
            "none for DPoP proofs",
            FAPI2,
            "dpop-alg-asymmetric",
            "/dpop_signing_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "dpop_signing_alg_values_supported",
                    json!(["none", "ES256"]),
                )
            },
        ),
        spares(
            "asymmetric DPoP algorithms",
            OAUTH,
            "dpop-alg-asymmetric",
            |d| {
                set(
                    d,
                    "dpop_signing_alg_values_supported",
                    json!(["ES256", "EdDSA", "RS256"]),
                );
            },
        ),
        fires(
            "none for JARM",
            OAUTH,
            "jarm-alg-none",
            "/authorization_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "authorization_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                )
            },
        ),
        spares("signed JARM", OAUTH, "jarm-alg-none", |d| {
            set(
                d,
                "authorization_signing_alg_values_supported",
                json!(["RS256"]),
            );
        }),
        fires(
            "JWE algorithm in a signing list",
            OIDC,
            "alg-wrong-family",
            "/id_token_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "RSA-OAEP"]),
                )
            },
        ),
        fires(
            "content encryption in a key-management list",
            OIDC,
            "alg-wrong-family",
            "/id_token_encryption_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["A128GCM"]),
                );
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128GCM"]),
                );
            },
        ),
        fires(
            "signing algorithm in an enc list",
            OIDC,
            "alg-wrong-family",
            "/userinfo_encryption_enc_values_supported/1",
            |d| {
                set(
                    d,
                    "userinfo_encryption_alg_values_supported",
                    json!(["RSA-OAEP-256"]),
                );
                set(
                    d,
                    "userinfo_encryption_enc_values_supported",
                    json!(["A256GCM", "RS256"]),
                );
            },
        ),
        spares(
            "each family in its own list",
            OIDC,
            "alg-wrong-family",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["RSA-OAEP"]),
                );
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128GCM"]),
                );
            },
        ),
        spares(
            "unregistered value in a signing list",
            OIDC,
            "alg-wrong-family",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "X-CUSTOM"]),
                );
            },
        ),
        fires(
            "JWK-only RS1 as a signing algorithm",
            OAUTH,
            "alg-prohibited",
            "/token_endpoint_auth_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["RS256", "RS1"]),
                );
            },
        ),
        fires(
            "JWK-only A128CBC as content encryption",
            OIDC,
            "alg-prohibited",
            "/id_token_encryption_enc_values_supported/0",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["RSA-OAEP"]),
                );
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128CBC"]),
                );
            },
        ),
        spares(
            "RS512 as a signing algorithm",
            OAUTH,
            "alg-prohibited",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["RS256", "RS512"]),
                );
            },
        ),
        spares(
            "A128CBC-HS256 as content encryption",
            OIDC,
            "alg-prohibited",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["RSA-OAEP"]),
                );
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128CBC-HS256"]),
                );
            },
        ),
        fires(
            "polymorphic EdDSA",
            OIDC,
            "alg-deprecated",
            "/id_token_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "EdDSA"]),
                )
            },
        ),
        fires(
            "EdDSA next to Ed25519",
            OIDC,
            "alg-deprecated",
            "/id_token_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "EdDSA", "Ed25519"]),
                )
            },
        ),
        spares("fully specified Ed25519", OIDC, "alg-deprecated", |d| {
            set(
                d,
                "id_token_signing_alg_values_supported",
                json!(["RS256", "Ed25519"]),
            );
        }),
        fires(
            "ID Token enc list without its alg list",
            OIDC,
            "encryption-enc-without-alg",
            "/id_token_encryption_alg_values_supported",
            |d| {
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128GCM"]),
                )
            },
        ),
        fires(
            "JARM enc list without its alg list",
            OAUTH,
            "encryption-enc-without-alg",
            "/authorization_encryption_alg_values_supported",
            |d| {
                set(
                    d,
                    "authorization_encryption_enc_values_supported",
                    json!(["A256GCM"]),
                )
            },
        ),
        spares(
            "ID Token enc list with its alg list",
            OIDC,
            "encryption-enc-without-alg",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["RSA-OAEP"]),
                );
                set(
                    d,
                    "id_token_encryption_enc_values_supported",
                    json!(["A128GCM"]),
                );
            },
        ),
        spares(
            "alg list without enc list",
            OIDC,
            "encryption-enc-without-alg",
            |d| {
                set(
                    d,
                    "id_token_encryption_alg_values_supported",
                    json!(["RSA-OAEP"]),
                );
            },
        ),
        // ── A protected resource's algorithm lists (RFC 9728 §2) ────────────────────────────
        fires(
            "none among resource signing algorithms",
            RESOURCE,
            "resource-signing-alg-none",
            "/resource_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "resource_signing_alg_values_supported",
                    json!(["RS256", "none"]),
                )
            },
        ),
        spares(
            "MAC among resource signing algorithms",
            RESOURCE,
            "resource-signing-alg-none",
            |d| {
                set(
                    d,
                    "resource_signing_alg_values_supported",
                    json!(["HS256", "RS256"]),
                )
            },
        ),
        fires(
            "MAC for a protected resource's DPoP proofs",
            RESOURCE,
            "dpop-alg-asymmetric",
            "/dpop_signing_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "dpop_signing_alg_values_supported",
                    json!(["HS256", "ES256"]),
                )
            },
        ),
        fires(
            "none for a protected resource's DPoP proofs",
            RESOURCE,
            "dpop-alg-asymmetric",
            "/dpop_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "dpop_signing_alg_values_supported",
                    json!(["ES256", "none"]),
                )
            },
        ),
        spares(
            "asymmetric DPoP algorithms of a protected resource",
            RESOURCE,
            "dpop-alg-asymmetric",
            |_| {},
        ),
        fires(
            "encryption algorithm among resource signing algorithms",
            RESOURCE,
            "alg-wrong-family",
            "/resource_signing_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "resource_signing_alg_values_supported",
                    json!(["RSA-OAEP"]),
                )
            },
        ),
        fires(
            "EdDSA among resource signing algorithms",
            RESOURCE,
            "alg-deprecated",
            "/resource_signing_alg_values_supported/0",
            |d| set(d, "resource_signing_alg_values_supported", json!(["EdDSA"])),
        ),
    ]
}

#[test]
fn a_prohibited_algorithm_is_reported_once() {
    let mut doc = oauth_base();
    set(
        &mut doc,
        "token_endpoint_auth_signing_alg_values_supported",
        json!(["RS256", "RS1"]),
    );
    let report = report_of(&doc, OAUTH);
    let at: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.pointer == "/token_endpoint_auth_signing_alg_values_supported/1")
        .map(|p| p.rule.id)
        .collect();
    assert_eq!(at, ["alg-prohibited"], "{report}");
}

#[test]
fn the_eddsa_advice_depends_on_whether_ed25519_is_listed() {
    for (list, advises_listing) in [
        (json!(["RS256", "EdDSA"]), true),
        (json!(["RS256", "EdDSA", "Ed25519"]), false),
    ] {
        let doc = edited(|d| set(d, "id_token_signing_alg_values_supported", list.clone()));
        let report = report_of(&doc, OIDC);
        let problem = find(
            &report,
            "alg-deprecated",
            "/id_token_signing_alg_values_supported/1",
        )
        .expect("reported");
        assert_eq!(
            problem.message.contains("list `Ed25519`"),
            advises_listing,
            "{list}: {problem}"
        );
    }
}
