//! `fapi2` rules: the FAPI 2.0 Security Profile.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "no PAR endpoint",
            FAPI2,
            "fapi2-par",
            "/pushed_authorization_request_endpoint",
            |d| remove(d, "pushed_authorization_request_endpoint"),
        ),
        fires(
            "PAR not required",
            FAPI2,
            "fapi2-par",
            "/require_pushed_authorization_requests",
            |d| set(d, "require_pushed_authorization_requests", json!(false)),
        ),
        spares("PAR endpoint and PAR required", FAPI2, "fapi2-par", |_| {}),
        fires(
            "only the plain PKCE method",
            FAPI2,
            "fapi2-pkce-s256",
            "/code_challenge_methods_supported",
            |d| set(d, "code_challenge_methods_supported", json!(["plain"])),
        ),
        fires(
            "PKCE methods omitted",
            FAPI2,
            "fapi2-pkce-s256",
            "/code_challenge_methods_supported",
            |d| remove(d, "code_challenge_methods_supported"),
        ),
        spares(
            "S256 among the PKCE methods",
            FAPI2,
            "fapi2-pkce-s256",
            |d| {
                set(
                    d,
                    "code_challenge_methods_supported",
                    json!(["plain", "S256"]),
                );
            },
        ),
        fires(
            "iss parameter not supported",
            FAPI2,
            "fapi2-iss-parameter",
            "/authorization_response_iss_parameter_supported",
            |d| {
                set(
                    d,
                    "authorization_response_iss_parameter_supported",
                    json!(false),
                )
            },
        ),
        fires(
            "iss parameter support omitted",
            FAPI2,
            "fapi2-iss-parameter",
            "/authorization_response_iss_parameter_supported",
            |d| remove(d, "authorization_response_iss_parameter_supported"),
        ),
        spares(
            "iss parameter supported",
            FAPI2,
            "fapi2-iss-parameter",
            |d| {
                set(
                    d,
                    "authorization_response_iss_parameter_supported",
                    json!(true),
                );
            },
        ),
        fires(
            "client_secret_basic offered besides private_key_jwt",
            FAPI2,
            "fapi2-client-auth",
            "/token_endpoint_auth_methods_supported/1",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["private_key_jwt", "client_secret_basic"]),
                );
            },
        ),
        fires(
            "only client_secret_post",
            FAPI2,
            "fapi2-client-auth",
            "/token_endpoint_auth_methods_supported",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["client_secret_post"]),
                )
            },
        ),
        fires(
            "default client authentication",
            FAPI2,
            "fapi2-client-auth",
            "/token_endpoint_auth_methods_supported",
            |d| remove(d, "token_endpoint_auth_methods_supported"),
        ),
        spares(
            "private_key_jwt and self-signed mTLS",
            FAPI2,
            "fapi2-client-auth",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["private_key_jwt", "self_signed_tls_client_auth"]),
                );
            },
        ),
        fires(
            "RS256 for ID Tokens",
            FAPI2,
            "fapi2-algorithms",
            "/id_token_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["PS256", "RS256"]),
                )
            },
        ),
        fires(
            "HS256 for client assertions",
            FAPI2,
            "fapi2-algorithms",
            "/token_endpoint_auth_signing_alg_values_supported/0",
            |d| {
                set(
                    d,
                    "token_endpoint_auth_signing_alg_values_supported",
                    json!(["HS256", "PS256"]),
                );
            },
        ),
        spares("PS256, ES256 and Ed25519", FAPI2, "fapi2-algorithms", |d| {
            set(
                d,
                "id_token_signing_alg_values_supported",
                json!(["PS256", "ES256", "Ed25519"]),
            );
        }),
        fires(
            "neither DPoP nor certificate-bound tokens",
            FAPI2,
            "fapi2-sender-constrained",
            "",
            |d| {
                remove(d, "dpop_signing_alg_values_supported");
                set(
                    d,
                    "tls_client_certificate_bound_access_tokens",
                    json!(false),
                );
            },
        ),
        spares("DPoP only", FAPI2, "fapi2-sender-constrained", |d| {
            remove(d, "tls_client_certificate_bound_access_tokens");
        }),
        spares(
            "certificate-bound tokens only",
            FAPI2,
            "fapi2-sender-constrained",
            |d| {
                remove(d, "dpop_signing_alg_values_supported");
            },
        ),
        fires(
            "hybrid response type",
            FAPI2,
            "fapi2-response-types",
            "/response_types_supported/1",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code id_token"]),
                )
            },
        ),
        spares("code only", FAPI2, "fapi2-response-types", |d| {
            set(d, "response_types_supported", json!(["code"]));
        }),
        fires(
            "password grant",
            FAPI2,
            "fapi2-grant-types",
            "/grant_types_supported",
            |d| {
                set(
                    d,
                    "grant_types_supported",
                    json!(["authorization_code", "password"]),
                )
            },
        ),
        fires(
            "default grant types include implicit",
            FAPI2,
            "fapi2-grant-types",
            "/grant_types_supported",
            |d| remove(d, "grant_types_supported"),
        ),
        spares(
            "code, client credentials and refresh",
            FAPI2,
            "fapi2-grant-types",
            |d| {
                set(
                    d,
                    "grant_types_supported",
                    json!(["authorization_code", "client_credentials", "refresh_token"]),
                );
            },
        ),
    ]
}

#[test]
fn fapi2_algorithms_cover_every_signing_list() {
    let mut doc = fapi2_base();
    set(
        &mut doc,
        "introspection_endpoint",
        json!("https://fapi.example.com/introspect"),
    );
    set(
        &mut doc,
        "introspection_endpoint_auth_methods_supported",
        json!(["private_key_jwt"]),
    );
    set(
        &mut doc,
        "introspection_endpoint_auth_signing_alg_values_supported",
        json!(["RS256"]),
    );
    set(
        &mut doc,
        "revocation_endpoint",
        json!("https://fapi.example.com/revoke"),
    );
    set(
        &mut doc,
        "revocation_endpoint_auth_methods_supported",
        json!(["private_key_jwt"]),
    );
    set(
        &mut doc,
        "revocation_endpoint_auth_signing_alg_values_supported",
        json!(["HS256"]),
    );
    let report = report_of(&doc, FAPI2);
    for pointer in [
        "/introspection_endpoint_auth_signing_alg_values_supported/0",
        "/revocation_endpoint_auth_signing_alg_values_supported/0",
    ] {
        assert!(
            find(&report, "fapi2-algorithms", pointer).is_some(),
            "{pointer}: {report}"
        );
    }
}
