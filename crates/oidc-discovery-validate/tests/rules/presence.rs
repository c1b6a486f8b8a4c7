//! `presence` rules: required and recommended members.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "response types omitted",
            OAUTH,
            "response-types-missing",
            "/response_types_supported",
            |d| remove(d, "response_types_supported"),
        ),
        fires(
            "response types null",
            OIDC,
            "response-types-missing",
            "/response_types_supported",
            |d| set(d, "response_types_supported", Value::Null),
        ),
        spares(
            "response types present",
            OAUTH,
            "response-types-missing",
            |_| {},
        ),
        fires(
            "OpenID Provider without authorization endpoint",
            OIDC,
            "authorization-endpoint-missing",
            "/authorization_endpoint",
            |d| remove(d, "authorization_endpoint"),
        ),
        fires(
            "authorization server using the code grant without authorization endpoint",
            OAUTH,
            "authorization-endpoint-missing",
            "/authorization_endpoint",
            |d| remove(d, "authorization_endpoint"),
        ),
        fires(
            "default grant types need the authorization endpoint",
            OAUTH,
            "authorization-endpoint-missing",
            "/authorization_endpoint",
            |d| {
                remove(d, "authorization_endpoint");
                remove(d, "grant_types_supported");
            },
        ),
        spares(
            "client-credentials-only server without authorization endpoint",
            OAUTH,
            "authorization-endpoint-missing",
            |d| {
                remove(d, "authorization_endpoint");
                set(d, "grant_types_supported", json!(["client_credentials"]));
            },
        ),
        fires(
            "token endpoint omitted",
            OAUTH,
            "token-endpoint-missing",
            "/token_endpoint",
            |d| {
                remove(d, "token_endpoint");
            },
        ),
        fires(
            "implicit plus refresh without token endpoint",
            OIDC,
            "token-endpoint-missing",
            "/token_endpoint",
            |d| {
                remove(d, "token_endpoint");
                set(
                    d,
                    "grant_types_supported",
                    json!(["implicit", "refresh_token"]),
                );
                set(d, "response_types_supported", json!(["id_token"]));
            },
        ),
        spares(
            "implicit-only provider without token endpoint",
            OIDC,
            "token-endpoint-missing",
            |d| {
                remove(d, "token_endpoint");
                set(d, "grant_types_supported", json!(["implicit"]));
                set(
                    d,
                    "response_types_supported",
                    json!(["id_token", "id_token token"]),
                );
            },
        ),
        fires(
            "JWK Set URL omitted (oidc)",
            OIDC,
            "jwks-uri-missing",
            "/jwks_uri",
            |d| {
                remove(d, "jwks_uri");
            },
        ),
        fires(
            "JWK Set URL omitted (fapi2)",
            FAPI2,
            "jwks-uri-missing",
            "/jwks_uri",
            |d| {
                remove(d, "jwks_uri");
            },
        ),
        spares("JWK Set URL present", OIDC, "jwks-uri-missing", |_| {}),
        fires(
            "subject types omitted",
            OIDC,
            "subject-types-missing",
            "/subject_types_supported",
            |d| remove(d, "subject_types_supported"),
        ),
        spares(
            "subject types present",
            OIDC,
            "subject-types-missing",
            |_| {},
        ),
        fires(
            "ID Token algorithms omitted",
            OIDC,
            "id-token-signing-algs-missing",
            "/id_token_signing_alg_values_supported",
            |d| remove(d, "id_token_signing_alg_values_supported"),
        ),
        spares(
            "ID Token algorithms present",
            OIDC,
            "id-token-signing-algs-missing",
            |_| {},
        ),
        fires(
            "private_key_jwt without token endpoint signing algorithms",
            OAUTH,
            "auth-signing-algs-missing",
            "/token_endpoint_auth_signing_alg_values_supported",
            |d| remove(d, "token_endpoint_auth_signing_alg_values_supported"),
        ),
        fires(
            "client_secret_jwt at revocation without its algorithms",
            OIDC,
            "auth-signing-algs-missing",
            "/revocation_endpoint_auth_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "revocation_endpoint",
                    json!("https://op.example.com/revoke"),
                );
                set(
                    d,
                    "revocation_endpoint_auth_methods_supported",
                    json!(["client_secret_jwt"]),
                );
            },
        ),
        fires(
            "private_key_jwt at introspection without its algorithms",
            FAPI2,
            "auth-signing-algs-missing",
            "/introspection_endpoint_auth_signing_alg_values_supported",
            |d| {
                set(
                    d,
                    "introspection_endpoint",
                    json!("https://fapi.example.com/introspect"),
                );
                set(
                    d,
                    "introspection_endpoint_auth_methods_supported",
                    json!(["private_key_jwt"]),
                );
            },
        ),
        spares(
            "only client_secret_basic without signing algorithms",
            OAUTH,
            "auth-signing-algs-missing",
            |d| {
                remove(d, "token_endpoint_auth_signing_alg_values_supported");
                set(
                    d,
                    "token_endpoint_auth_methods_supported",
                    json!(["client_secret_basic"]),
                );
            },
        ),
        spares(
            "client_secret_jwt at revocation with its algorithms",
            OIDC,
            "auth-signing-algs-missing",
            |d| {
                set(
                    d,
                    "revocation_endpoint",
                    json!("https://op.example.com/revoke"),
                );
                set(
                    d,
                    "revocation_endpoint_auth_methods_supported",
                    json!(["client_secret_jwt"]),
                );
                set(
                    d,
                    "revocation_endpoint_auth_signing_alg_values_supported",
                    json!(["HS256"]),
                );
            },
        ),
        fires(
            "scopes omitted",
            OAUTH,
            "recommended-member-missing",
            "/scopes_supported",
            |d| remove(d, "scopes_supported"),
        ),
        fires(
            "UserInfo endpoint omitted",
            OIDC,
            "recommended-member-missing",
            "/userinfo_endpoint",
            |d| remove(d, "userinfo_endpoint"),
        ),
        fires(
            "claims omitted",
            OIDC,
            "recommended-member-missing",
            "/claims_supported",
            |d| remove(d, "claims_supported"),
        ),
        spares(
            "recommended members present",
            OIDC,
            "recommended-member-missing",
            |_| {},
        ),
        spares(
            "userinfo endpoint omitted by an authorization server",
            OAUTH,
            "recommended-member-missing",
            |d| remove(d, "userinfo_endpoint"),
        ),
        fires(
            "poll mode without the CIBA endpoint",
            OIDC,
            "ciba-incomplete",
            "/backchannel_authentication_endpoint",
            |d| {
                set(
                    d,
                    "backchannel_token_delivery_modes_supported",
                    json!(["poll"]),
                );
                set(
                    d,
                    "grant_types_supported",
                    json!([
                        "authorization_code",
                        "implicit",
                        "urn:openid:params:grant-type:ciba"
                    ]),
                );
            },
        ),
        fires(
            "poll mode without the CIBA grant",
            OIDC,
            "ciba-incomplete",
            "/grant_types_supported",
            |d| {
                set(
                    d,
                    "backchannel_authentication_endpoint",
                    json!("https://op.example.com/bc-authorize"),
                );
                set(
                    d,
                    "backchannel_token_delivery_modes_supported",
                    json!(["poll"]),
                );
            },
        ),
        fires(
            "CIBA endpoint without delivery modes",
            OAUTH,
            "ciba-incomplete",
            "/backchannel_token_delivery_modes_supported",
            |d| {
                set(
                    d,
                    "backchannel_authentication_endpoint",
                    json!("https://as.example.com/bc-authorize"),
                );
            },
        ),
        spares("complete CIBA with poll", OIDC, "ciba-incomplete", |d| {
            set(
                d,
                "backchannel_authentication_endpoint",
                json!("https://op.example.com/bc-authorize"),
            );
            set(
                d,
                "backchannel_token_delivery_modes_supported",
                json!(["poll", "ping"]),
            );
            set(
                d,
                "grant_types_supported",
                json!([
                    "authorization_code",
                    "implicit",
                    "urn:openid:params:grant-type:ciba"
                ]),
            );
        }),
        spares(
            "CIBA push mode needs no CIBA grant",
            OIDC,
            "ciba-incomplete",
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
            },
        ),
        fires(
            "explicit federation registration without its endpoint",
            OIDC,
            "federation-registration-endpoint-missing",
            "/federation_registration_endpoint",
            |d| {
                set(
                    d,
                    "client_registration_types_supported",
                    json!(["automatic", "explicit"]),
                )
            },
        ),
        spares(
            "automatic federation registration only",
            OIDC,
            "federation-registration-endpoint-missing",
            |d| {
                set(
                    d,
                    "client_registration_types_supported",
                    json!(["automatic"]),
                )
            },
        ),
        spares(
            "explicit federation registration with its endpoint",
            OIDC,
            "federation-registration-endpoint-missing",
            |d| {
                set(
                    d,
                    "client_registration_types_supported",
                    json!(["explicit"]),
                );
                set(
                    d,
                    "federation_registration_endpoint",
                    json!("https://op.example.com/federation/register"),
                );
            },
        ),
        fires(
            "scopes without openid",
            OIDC,
            "scopes-without-openid",
            "/scopes_supported",
            |d| set(d, "scopes_supported", json!(["profile", "email"])),
        ),
        spares("scopes with openid", OIDC, "scopes-without-openid", |d| {
            set(d, "scopes_supported", json!(["openid"]));
        }),
        spares("scopes omitted", OIDC, "scopes-without-openid", |d| {
            remove(d, "scopes_supported");
        }),
        fires(
            "PKCE methods omitted",
            OAUTH,
            "pkce-not-advertised",
            "/code_challenge_methods_supported",
            |d| remove(d, "code_challenge_methods_supported"),
        ),
        spares(
            "PKCE methods published",
            OAUTH,
            "pkce-not-advertised",
            |d| {
                set(
                    d,
                    "code_challenge_methods_supported",
                    json!(["S256", "plain"]),
                );
            },
        ),
        fires(
            "no resource name",
            RESOURCE,
            "recommended-member-missing",
            "/resource_name",
            |d| {
                remove(d, "resource_name");
            },
        ),
        fires(
            "no scopes of a protected resource",
            RESOURCE,
            "recommended-member-missing",
            "/scopes_supported",
            |d| {
                remove(d, "scopes_supported");
            },
        ),
        spares(
            "resource name and scopes",
            RESOURCE,
            "recommended-member-missing",
            |_| {},
        ),
    ]
}

#[test]
fn recommended_members_cite_the_specification_that_recommends_them() {
    let mut doc = oidc_base();
    for member in [
        "scopes_supported",
        "userinfo_endpoint",
        "registration_endpoint",
        "claims_supported",
    ] {
        remove(&mut doc, member);
    }
    let report = report_of(&doc, OIDC);
    for member in [
        "scopes_supported",
        "userinfo_endpoint",
        "registration_endpoint",
        "claims_supported",
    ] {
        let problem =
            find(&report, "recommended-member-missing", &format!("/{member}")).expect("reported");
        assert_eq!(problem.spec, "OpenID Connect Discovery 1.0 §3", "{problem}");
    }
    let mut doc = oauth_base();
    remove(&mut doc, "scopes_supported");
    let report = report_of(&doc, OAUTH);
    let problem =
        find(&report, "recommended-member-missing", "/scopes_supported").expect("reported");
    assert_eq!(problem.spec, "RFC 8414 §2", "{problem}");
}
