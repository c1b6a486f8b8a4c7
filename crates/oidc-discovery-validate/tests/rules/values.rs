//! `value` rules: language tags, registered values.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "underscore in a UI locale",
            OAUTH,
            "locale-syntax",
            "/ui_locales_supported/1",
            |d| set(d, "ui_locales_supported", json!(["en-US", "en_US"])),
        ),
        fires(
            "trailing hyphen in a claims locale",
            OIDC,
            "locale-syntax",
            "/claims_locales_supported/0",
            |d| set(d, "claims_locales_supported", json!(["en-"])),
        ),
        fires(
            "malformed language tag of a member name",
            OIDC,
            "locale-syntax",
            "/op_tos_uri#en_US",
            |d| {
                set(
                    d,
                    "op_tos_uri#en_US",
                    json!("https://op.example.com/tos/en-us"),
                )
            },
        ),
        fires(
            "scope with a space",
            OIDC,
            "scope-syntax",
            "/scopes_supported/1",
            |d| set(d, "scopes_supported", json!(["openid", "read write"])),
        ),
        fires(
            "scope with a double quote",
            OAUTH,
            "scope-syntax",
            "/scopes_supported/0",
            |d| set(d, "scopes_supported", json!(["say\"hi"])),
        ),
        fires(
            "scope with a backslash",
            OAUTH,
            "scope-syntax",
            "/scopes_supported/0",
            |d| set(d, "scopes_supported", json!(["a\\b"])),
        ),
        fires(
            "empty scope",
            FAPI2,
            "scope-syntax",
            "/scopes_supported/1",
            |d| set(d, "scopes_supported", json!(["openid", ""])),
        ),
        fires(
            "scope with a non-ASCII letter",
            OAUTH,
            "scope-syntax",
            "/scopes_supported/0",
            |d| set(d, "scopes_supported", json!(["caf\u{e9}"])),
        ),
        spares(
            "scopes of every allowed character",
            OIDC,
            "scope-syntax",
            |d| {
                set(
                    d,
                    "scopes_supported",
                    json!(["openid", "https://api.example.com/read", "a!#[]^~{}|"]),
                );
            },
        ),
        spares("well-formed locales", OAUTH, "locale-syntax", |d| {
            set(
                d,
                "ui_locales_supported",
                json!(["en-US", "zh-Hant-TW", "x-private"]),
            );
        }),
        spares("well-formed member-name tag", OIDC, "locale-syntax", |d| {
            set(
                d,
                "op_tos_uri#fr-CA",
                json!("https://op.example.com/tos/fr-ca"),
            );
        }),
        fires(
            "subject type in the wrong case",
            OIDC,
            "value-unregistered",
            "/subject_types_supported/1",
            |d| set(d, "subject_types_supported", json!(["public", "Pairwise"])),
        ),
        fires(
            "short form of the device grant",
            OAUTH,
            "value-unregistered",
            "/grant_types_supported/1",
            |d| {
                set(
                    d,
                    "grant_types_supported",
                    json!(["authorization_code", "device_code"]),
                )
            },
        ),
        spares(
            "registered subject types",
            OIDC,
            "value-unregistered",
            |d| {
                set(d, "subject_types_supported", json!(["public", "pairwise"]));
            },
        ),
        spares(
            "access token type as an introspection method",
            OAUTH,
            "value-unregistered",
            |d| {
                set(
                    d,
                    "introspection_endpoint_auth_methods_supported",
                    json!(["client_secret_basic", "Bearer"]),
                );
            },
        ),
        spares(
            "JWE algorithm in a signing list",
            OIDC,
            "value-unregistered",
            |d| {
                set(
                    d,
                    "id_token_signing_alg_values_supported",
                    json!(["RS256", "RSA-OAEP"]),
                );
            },
        ),
        // ── A protected resource's values ───────────────────────────────────────────────────
        fires(
            "form as a bearer method",
            RESOURCE,
            "bearer-method-unknown",
            "/bearer_methods_supported/1",
            |d| set(d, "bearer_methods_supported", json!(["header", "form"])),
        ),
        spares(
            "every bearer method of RFC 6750",
            RESOURCE,
            "bearer-method-unknown",
            |d| {
                set(
                    d,
                    "bearer_methods_supported",
                    json!(["header", "body", "query"]),
                )
            },
        ),
        fires(
            "empty tag on the resource name",
            RESOURCE,
            "locale-syntax",
            "/resource_name#",
            |d| set(d, "resource_name#", json!("Example")),
        ),
        fires(
            "underscore in the tag of the resource documentation",
            RESOURCE,
            "locale-syntax",
            "/resource_documentation#en_US",
            |d| {
                set(
                    d,
                    "resource_documentation#en_US",
                    json!("https://rs.example.com/docs/en"),
                )
            },
        ),
        spares("tagged resource name", RESOURCE, "locale-syntax", |d| {
            set(d, "x_note#", json!("an extension member, not a tagged one"));
            set(d, "resource_name#zh-Hant", json!("範例"));
        }),
        fires(
            "protected resource scope with a space",
            RESOURCE,
            "scope-syntax",
            "/scopes_supported/0",
            |d| set(d, "scopes_supported", json!(["files read"])),
        ),
        spares("scope with a colon", RESOURCE, "scope-syntax", |_| {}),
        fires(
            "unregistered resource signing algorithm",
            RESOURCE,
            "value-unregistered",
            "/resource_signing_alg_values_supported/1",
            |d| {
                set(
                    d,
                    "resource_signing_alg_values_supported",
                    json!(["RS256", "XS512"]),
                )
            },
        ),
        spares(
            "registered resource signing algorithms",
            RESOURCE,
            "value-unregistered",
            |_| {},
        ),
    ]
}
