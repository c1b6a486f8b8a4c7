//! The same document judged under each profile.

use crate::common::*;

/// (what, document, rule, pointer, severity under [oauth, oidc, fapi2]). A rule can apply
/// under a profile and still not fire there for this member (`recommended-member-missing` asks
/// for `userinfo_endpoint` only from OpenID Providers).
type ProfileRow = (
    &'static str,
    Value,
    &'static str,
    &'static str,
    [Option<Severity>; 3],
);

#[test]
fn the_same_document_is_judged_per_profile() {
    use Severity::{Error as E, Info as I, Warning as W};
    let rows: Vec<ProfileRow> = vec![
        (
            "ID Token algorithms without RS256",
            edited(|d| set(d, "id_token_signing_alg_values_supported", json!(["ES256"]))),
            "id-token-rs256",
            "/id_token_signing_alg_values_supported",
            [None, Some(W), None],
        ),
        (
            "private_key_jwt without signing algorithms",
            edited(|d| remove(d, "token_endpoint_auth_signing_alg_values_supported")),
            "auth-signing-algs-missing",
            "/token_endpoint_auth_signing_alg_values_supported",
            [Some(E), Some(W), Some(E)],
        ),
        (
            "no jwks_uri",
            edited(|d| remove(d, "jwks_uri")),
            "jwks-uri-missing",
            "/jwks_uri",
            [None, Some(E), Some(W)],
        ),
        (
            "token endpoint on localhost",
            edited(|d| set(d, "token_endpoint", json!("http://localhost:8080/token"))),
            "http-loopback",
            "/token_endpoint",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "issuer on localhost",
            edited(|d| set(d, "issuer", json!("http://localhost:8080"))),
            "http-loopback",
            "/issuer",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "issuer on http://example.com",
            edited(|d| set(d, "issuer", json!("http://example.com"))),
            "issuer-https",
            "/issuer",
            [Some(E), Some(E), Some(E)],
        ),
        (
            "no subject types",
            edited(|d| remove(d, "subject_types_supported")),
            "subject-types-missing",
            "/subject_types_supported",
            [None, Some(E), None],
        ),
        (
            "scopes without openid",
            edited(|d| set(d, "scopes_supported", json!(["profile"]))),
            "scopes-without-openid",
            "/scopes_supported",
            [None, Some(W), None],
        ),
        (
            "no UserInfo endpoint",
            edited(|d| remove(d, "userinfo_endpoint")),
            "recommended-member-missing",
            "/userinfo_endpoint",
            [None, Some(I), None],
        ),
        (
            "no scopes",
            edited(|d| remove(d, "scopes_supported")),
            "recommended-member-missing",
            "/scopes_supported",
            [Some(I), Some(I), None],
        ),
        (
            "no PKCE methods",
            edited(|d| remove(d, "code_challenge_methods_supported")),
            "pkce-not-advertised",
            "/code_challenge_methods_supported",
            [Some(I), Some(I), None],
        ),
        (
            "request objects without none",
            edited(|d| {
                set(
                    d,
                    "request_object_signing_alg_values_supported",
                    json!(["RS256"]),
                )
            }),
            "request-object-algs",
            "/request_object_signing_alg_values_supported",
            [None, Some(I), None],
        ),
        (
            "issuer with user information",
            edited(|d| set(d, "issuer", json!("https://u@op.example.com"))),
            "issuer-userinfo",
            "/issuer",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "introspection over http",
            edited(|d| {
                set(
                    d,
                    "introspection_endpoint",
                    json!("http://op.example.com/i"),
                )
            }),
            "endpoint-tls",
            "/introspection_endpoint",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "extension response type token",
            edited(|d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code device"]),
                )
            }),
            "response-type-unknown-token",
            "/response_types_supported/1",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "alias of the authorization endpoint",
            edited(|d| {
                set(
                    d,
                    "mtls_endpoint_aliases",
                    json!({"authorization_endpoint": "https://mtls.op.example.com/authorize"}),
                );
            }),
            "mtls-alias-not-endpoint",
            "/mtls_endpoint_aliases/authorization_endpoint",
            [Some(W), Some(W), Some(E)],
        ),
        (
            "no PAR endpoint",
            oidc_base(),
            "fapi2-par",
            "/pushed_authorization_request_endpoint",
            [None, None, Some(E)],
        ),
        (
            "implicit grant",
            oidc_base(),
            "fapi2-grant-types",
            "/grant_types_supported",
            [None, None, Some(E)],
        ),
    ];
    for (what, doc, rule, pointer, expected) in rows {
        for profile in Profile::PROVIDER {
            let registry = Rule::find(rule).unwrap().severity(profile);
            let got = severity_at(&doc, profile, rule, pointer);
            let want = expected[Profile::PROVIDER
                .iter()
                .position(|p| *p == profile)
                .unwrap()];
            if want.is_some() {
                assert_eq!(
                    want, registry,
                    "{what}: the table disagrees with the registry"
                );
            }
            assert_eq!(got, want, "{what}: `{rule}` at {pointer} under {profile}");
            if want.is_none() {
                assert!(
                    !report_of(&doc, profile).has(rule),
                    "{what}: `{rule}` does not apply under {profile}"
                );
            }
        }
    }
}
