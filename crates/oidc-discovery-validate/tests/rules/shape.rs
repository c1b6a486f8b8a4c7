//! `shape` rules: the JSON shape of the members.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "list given as a string",
            OIDC,
            "member-type",
            "/response_types_supported",
            |d| {
                set(d, "response_types_supported", json!("code"));
            },
        ),
        fires(
            "number inside a list of strings",
            OAUTH,
            "member-type",
            "/scopes_supported/1",
            |d| set(d, "scopes_supported", json!(["read", 7])),
        ),
        fires(
            "boolean given as a string",
            FAPI2,
            "member-type",
            "/require_pushed_authorization_requests",
            |d| set(d, "require_pushed_authorization_requests", json!("true")),
        ),
        fires(
            "alias that is not a string",
            FAPI2,
            "member-type",
            "/mtls_endpoint_aliases/token_endpoint",
            |d| {
                set(
                    d,
                    "mtls_endpoint_aliases",
                    json!({"token_endpoint": 443, "pushed_authorization_request_endpoint": "https://mtls.fapi.example.com/par"}),
                );
            },
        ),
        fires(
            "issuer given as a number",
            OAUTH,
            "member-type",
            "/issuer",
            |d| {
                set(d, "issuer", json!(42));
            },
        ),
        spares("list given as an array", OIDC, "member-type", |d| {
            set(d, "response_types_supported", json!(["code"]));
        }),
        spares("boolean given as a boolean", FAPI2, "member-type", |d| {
            set(d, "require_pushed_authorization_requests", json!(true));
        }),
        spares("extension member of any type", OAUTH, "member-type", |d| {
            set(d, "x_vendor_setting", json!({"nested": [1, "two", null]}));
        }),
        fires(
            "optional member set to null",
            OAUTH,
            "member-null",
            "/jwks_uri",
            |d| {
                set(d, "jwks_uri", Value::Null);
            },
        ),
        spares("optional member omitted", OAUTH, "member-null", |d| {
            remove(d, "jwks_uri")
        }),
        spares("extension member set to null", OAUTH, "member-null", |d| {
            set(d, "x_vendor_setting", Value::Null);
        }),
        fires(
            "empty scopes list",
            OAUTH,
            "empty-array",
            "/scopes_supported",
            |d| {
                set(d, "scopes_supported", json!([]));
            },
        ),
        fires(
            "empty response types list",
            OIDC,
            "empty-array",
            "/response_types_supported",
            |d| set(d, "response_types_supported", json!([])),
        ),
        spares("one-element scopes list", OAUTH, "empty-array", |d| {
            set(d, "scopes_supported", json!(["read"]));
        }),
        fires(
            "scope listed twice",
            OIDC,
            "duplicate-value",
            "/scopes_supported/2",
            |d| {
                set(
                    d,
                    "scopes_supported",
                    json!(["openid", "profile", "openid"]),
                );
            },
        ),
        fires(
            "same response type in another token order",
            OIDC,
            "duplicate-value",
            "/response_types_supported/2",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code id_token", "id_token code"]),
                );
            },
        ),
        fires(
            "claim listed twice in a long list",
            OIDC,
            "duplicate-value",
            "/claims_supported/40",
            |d| {
                let mut claims: Vec<String> = (0..40).map(|i| format!("claim_{i}")).collect();
                claims.push("claim_3".to_owned());
                set(d, "claims_supported", json!(claims));
            },
        ),
        spares(
            "long list of distinct claims",
            OIDC,
            "duplicate-value",
            |d| {
                let claims: Vec<String> = (0..40).map(|i| format!("claim_{i}")).collect();
                set(d, "claims_supported", json!(claims));
            },
        ),
        fires(
            "same response type twice in a long list",
            OIDC,
            "duplicate-value",
            "/response_types_supported/40",
            |d| {
                let mut types: Vec<String> = vec!["code".to_owned(), "id_token code".to_owned()];
                types.extend((2..40).map(|i| format!("code x_{i}")));
                types.push("code id_token".to_owned());
                set(d, "response_types_supported", json!(types));
            },
        ),
        spares("scopes differing in case", OIDC, "duplicate-value", |d| {
            set(d, "scopes_supported", json!(["openid", "OpenID"]));
        }),
        spares(
            "response types sharing a token",
            OIDC,
            "duplicate-value",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code id_token"]),
                );
            },
        ),
        fires(
            "capitalized member name",
            OAUTH,
            "member-name-case",
            "/Response_modes_supported",
            |d| {
                remove(d, "response_modes_supported");
                set(d, "Response_modes_supported", json!(["query"]));
            },
        ),
        fires(
            "upper-case issuer name",
            OIDC,
            "member-name-case",
            "/ISSUER",
            |d| set(d, "ISSUER", json!("https://op.example.com")),
        ),
        fires(
            "issuer followed by a NUL",
            OAUTH,
            "member-name-case",
            "/issuer\u{0}",
            |d| set(d, "issuer\u{0}", json!("https://evil.example")),
        ),
        fires(
            "a DEL inside a member name",
            OIDC,
            "member-name-case",
            "/jwks\u{7f}_uri",
            |d| set(d, "jwks\u{7f}_uri", json!("https://evil.example/jwks")),
        ),
        fires(
            "a C1 control character after a known name",
            OAUTH,
            "member-name-case",
            "/token_endpoint\u{85}",
            |d| {
                set(
                    d,
                    "token_endpoint\u{85}",
                    json!("https://evil.example/token"),
                )
            },
        ),
        spares(
            "an extension name with a control character",
            OAUTH,
            "member-name-case",
            |d| set(d, "x_note\u{0}", json!(1)),
        ),
        spares("exact member name", OAUTH, "member-name-case", |d| {
            set(d, "response_modes_supported", json!(["query"]));
        }),
        spares("unrelated extension name", OAUTH, "member-name-case", |d| {
            set(d, "response_modes_extension", json!(["query"]));
        }),
        fires(
            "withdrawn homepage_uri",
            OAUTH,
            "withdrawn-member",
            "/homepage_uri",
            |d| {
                set(d, "homepage_uri", json!("https://as.example.com"));
            },
        ),
        fires(
            "withdrawn request_authentication_methods_supported",
            OIDC,
            "withdrawn-member",
            "/request_authentication_methods_supported",
            |d| {
                set(
                    d,
                    "request_authentication_methods_supported",
                    json!({"authorization_endpoint": ["request_object"]}),
                );
            },
        ),
        spares("similar extension name", OAUTH, "withdrawn-member", |d| {
            set(d, "homepage_url", json!("https://as.example.com"));
        }),
        // ── A protected resource's members (RFC 9728 §2, §3.2) ──────────────────────────────
        fires(
            "empty scopes of a protected resource",
            RESOURCE,
            "empty-array",
            "/scopes_supported",
            |d| set(d, "scopes_supported", json!([])),
        ),
        fires(
            "empty authorization servers",
            RESOURCE,
            "empty-array",
            "/authorization_servers",
            |d| set(d, "authorization_servers", json!([])),
        ),
        spares(
            "no bearer method, on purpose",
            RESOURCE,
            "empty-array",
            |d| set(d, "bearer_methods_supported", json!([])),
        ),
        fires(
            "authorization server listed twice",
            RESOURCE,
            "duplicate-value",
            "/authorization_servers/1",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com", "https://as.example.com"]),
                )
            },
        ),
        spares(
            "authorization servers listed once",
            RESOURCE,
            "duplicate-value",
            |_| {},
        ),
        fires(
            "boolean as a string",
            RESOURCE,
            "member-type",
            "/dpop_bound_access_tokens_required",
            |d| set(d, "dpop_bound_access_tokens_required", json!("false")),
        ),
        fires(
            "authorization server that is not a string",
            RESOURCE,
            "member-type",
            "/authorization_servers/0",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!([{"issuer": "https://as.example.com"}]),
                )
            },
        ),
        spares(
            "protected resource members of their types",
            RESOURCE,
            "member-type",
            |_| {},
        ),
        fires(
            "null resource name",
            RESOURCE,
            "member-null",
            "/resource_name",
            |d| set(d, "resource_name", Value::Null),
        ),
        spares("resource name given", RESOURCE, "member-null", |_| {}),
        fires(
            "capitalized member of a protected resource",
            RESOURCE,
            "member-name-case",
            "/Authorization_servers",
            |d| {
                set(
                    d,
                    "Authorization_servers",
                    json!(["https://as.example.com"]),
                )
            },
        ),
        spares(
            "federation members in a protected resource",
            RESOURCE,
            "member-name-case",
            |d| set(d, "organization_name", json!("Example")),
        ),
    ]
}
