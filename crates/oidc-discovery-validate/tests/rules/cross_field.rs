//! `cross-field` rules: consistency between members.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "token response type without the implicit grant",
            OAUTH,
            "response-type-grant",
            "/response_types_supported/1",
            |d| set(d, "response_types_supported", json!(["code", "token"])),
        ),
        fires(
            "code response type without the authorization_code grant",
            OIDC,
            "response-type-grant",
            "/response_types_supported/0",
            |d| {
                set(
                    d,
                    "grant_types_supported",
                    json!(["implicit", "refresh_token"]),
                )
            },
        ),
        spares(
            "token response type with the implicit grant",
            OAUTH,
            "response-type-grant",
            |d| {
                set(d, "response_types_supported", json!(["code", "token"]));
                set(
                    d,
                    "grant_types_supported",
                    json!(["authorization_code", "implicit"]),
                );
            },
        ),
        spares(
            "token response type with the default grant types",
            OAUTH,
            "response-type-grant",
            |d| {
                set(d, "response_types_supported", json!(["code", "token"]));
                remove(d, "grant_types_supported");
            },
        ),
        fires(
            "JARM mode without JARM algorithms",
            OAUTH,
            "jarm-algs-missing",
            "/authorization_signing_alg_values_supported",
            |d| set(d, "response_modes_supported", json!(["query", "query.jwt"])),
        ),
        spares(
            "JARM mode with JARM algorithms",
            OAUTH,
            "jarm-algs-missing",
            |d| {
                set(d, "response_modes_supported", json!(["query", "query.jwt"]));
                set(
                    d,
                    "authorization_signing_alg_values_supported",
                    json!(["RS256"]),
                );
            },
        ),
        spares(
            "direct_post.jwt is not JARM",
            OAUTH,
            "jarm-algs-missing",
            |d| {
                set(
                    d,
                    "response_modes_supported",
                    json!(["query", "direct_post.jwt"]),
                );
            },
        ),
        fires(
            "PAR required without PAR endpoint",
            OAUTH,
            "par-required-without-endpoint",
            "/pushed_authorization_request_endpoint",
            |d| set(d, "require_pushed_authorization_requests", json!(true)),
        ),
        spares(
            "PAR required with PAR endpoint",
            OAUTH,
            "par-required-without-endpoint",
            |d| {
                set(d, "require_pushed_authorization_requests", json!(true));
                set(
                    d,
                    "pushed_authorization_request_endpoint",
                    json!("https://as.example.com/par"),
                );
            },
        ),
        spares(
            "PAR not required",
            OAUTH,
            "par-required-without-endpoint",
            |d| {
                set(d, "require_pushed_authorization_requests", json!(false));
            },
        ),
        fires(
            "signed request objects required with only none",
            OIDC,
            "signed-request-object-algs",
            "/request_object_signing_alg_values_supported",
            |d| {
                set(d, "require_signed_request_object", json!(true));
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["none"]),
                );
            },
        ),
        fires(
            "signed request objects required without algorithms",
            OAUTH,
            "signed-request-object-algs",
            "/request_object_signing_alg_values_supported",
            |d| set(d, "require_signed_request_object", json!(true)),
        ),
        spares(
            "signed request objects required with RS256",
            OIDC,
            "signed-request-object-algs",
            |d| set(d, "require_signed_request_object", json!(true)),
        ),
        fires(
            "back-channel logout session without back-channel logout",
            OIDC,
            "logout-session-without-logout",
            "/backchannel_logout_supported",
            |d| set(d, "backchannel_logout_session_supported", json!(true)),
        ),
        fires(
            "front-channel logout session with front-channel logout false",
            OIDC,
            "logout-session-without-logout",
            "/frontchannel_logout_session_supported",
            |d| {
                set(d, "frontchannel_logout_supported", json!(false));
                set(d, "frontchannel_logout_session_supported", json!(true));
            },
        ),
        spares(
            "back-channel logout session with back-channel logout",
            OIDC,
            "logout-session-without-logout",
            |d| {
                set(d, "backchannel_logout_supported", json!(true));
                set(d, "backchannel_logout_session_supported", json!(true));
            },
        ),
        fires(
            "user code parameter without CIBA",
            OIDC,
            "ciba-member-without-endpoint",
            "/backchannel_user_code_parameter_supported",
            |d| set(d, "backchannel_user_code_parameter_supported", json!(true)),
        ),
        fires(
            "CIBA request signing algorithms without CIBA",
            OAUTH,
            "ciba-member-without-endpoint",
            "/backchannel_authentication_request_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "backchannel_authentication_request_signing_alg_values_supported",
                    json!(["ES256"]),
                );
            },
        ),
        spares(
            "user code parameter with CIBA",
            OIDC,
            "ciba-member-without-endpoint",
            |d| {
                set(
                    d,
                    "backchannel_authentication_endpoint",
                    json!("https://op.example.com/bc-authorize"),
                );
                set(
                    d,
                    "backchannel_token_delivery_modes_supported",
                    json!(["push"]),
                );
                set(d, "backchannel_user_code_parameter_supported", json!(true));
            },
        ),
        fires(
            "metadata documents accepted, only shared secrets offered",
            OAUTH,
            "cimd-auth-methods",
            "/token_endpoint_auth_methods_supported",
            |d| {
                set(d, "client_id_metadata_document_supported", json!(true));
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!([
                        "client_secret_basic",
                        "client_secret_post",
                        "client_secret_jwt"
                    ]),
                );
            },
        ),
        fires(
            "metadata documents accepted, default client_secret_basic",
            OIDC,
            "cimd-auth-methods",
            "/token_endpoint_auth_methods_supported",
            |d| {
                set(d, "client_id_metadata_document_supported", json!(true));
                remove(d, "token_endpoint_auth_methods_supported");
            },
        ),
        spares(
            "metadata documents accepted, public clients offered",
            OAUTH,
            "cimd-auth-methods",
            |d| {
                set(d, "client_id_metadata_document_supported", json!(true));
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["client_secret_basic", "client_secret_post", "none"]),
                );
            },
        ),
        spares(
            "metadata documents accepted, private_key_jwt offered",
            FAPI2,
            "cimd-auth-methods",
            |d| set(d, "client_id_metadata_document_supported", json!(true)),
        ),
        spares(
            "metadata documents not accepted, only shared secrets",
            OAUTH,
            "cimd-auth-methods",
            |d| {
                set(d, "client_id_metadata_document_supported", json!(false));
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["client_secret_basic"]),
                );
            },
        ),
        spares(
            "metadata documents accepted, methods of the wrong type",
            OAUTH,
            "cimd-auth-methods",
            |d| {
                set(d, "client_id_metadata_document_supported", json!(true));
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!("client_secret_basic"),
                );
            },
        ),
    ]
}

#[test]
fn response_type_grant_does_not_cite_client_registration() {
    let rule = Rule::find("response-type-grant").expect("registered");
    assert!(!rule.spec.contains("RFC 7591"), "{}", rule.spec);
}
