//! `resource` rules: resource identifiers (RFC 9728 §1.2), wherever a document holds one.

use crate::common::*;

fn protected_resources(d: &mut Value, entries: &[&str]) {
    set(d, "protected_resources", json!(entries));
}

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        // ── An authorization server's `protected_resources` (RFC 9728 §4) ───────────────────
        fires(
            "relative protected resource",
            OAUTH,
            "resource-not-url",
            "/protected_resources/1",
            |d| protected_resources(d, &["https://rs.example.com/api", "/api"]),
        ),
        fires(
            "protected resource without a host",
            OIDC,
            "resource-not-url",
            "/protected_resources/0",
            |d| protected_resources(d, &["urn:example:resource"]),
        ),
        fires(
            "empty protected resource",
            FAPI2,
            "resource-not-url",
            "/protected_resources/0",
            |d| protected_resources(d, &[""]),
        ),
        spares(
            "absolute protected resources",
            OAUTH,
            "resource-not-url",
            |d| {
                protected_resources(
                    d,
                    &["https://rs.example.com", "https://rs.example.com:8443/a/b"],
                );
            },
        ),
        fires(
            "protected resource over http",
            OAUTH,
            "resource-https",
            "/protected_resources/0",
            |d| protected_resources(d, &["http://rs.example.com/api"]),
        ),
        fires(
            "protected resource with another scheme",
            FAPI2,
            "resource-https",
            "/protected_resources/0",
            |d| protected_resources(d, &["wss://rs.example.com/api"]),
        ),
        spares(
            "protected resource over http on loopback (http-loopback's)",
            OAUTH,
            "resource-https",
            |d| protected_resources(d, &["http://localhost:8080/api"]),
        ),
        fires(
            "protected resource with a fragment",
            OAUTH,
            "resource-fragment",
            "/protected_resources/0",
            |d| protected_resources(d, &["https://rs.example.com/api#v1"]),
        ),
        fires(
            "protected resource with an empty fragment",
            OIDC,
            "resource-fragment",
            "/protected_resources/0",
            |d| protected_resources(d, &["https://rs.example.com/api#"]),
        ),
        spares(
            "protected resource with an escaped number sign",
            OAUTH,
            "resource-fragment",
            |d| protected_resources(d, &["https://rs.example.com/api%23v1"]),
        ),
        fires(
            "protected resource with a query",
            OAUTH,
            "resource-query",
            "/protected_resources/0",
            |d| protected_resources(d, &["https://rs.example.com/api?tenant=7"]),
        ),
        spares(
            "protected resource with a path only",
            OAUTH,
            "resource-query",
            |d| protected_resources(d, &["https://rs.example.com/api/v1"]),
        ),
        fires(
            "protected resource with user information",
            OAUTH,
            "resource-userinfo",
            "/protected_resources/0",
            |d| protected_resources(d, &["https://admin@rs.example.com/api"]),
        ),
        spares(
            "protected resource with @ in its path",
            OAUTH,
            "resource-userinfo",
            |d| protected_resources(d, &["https://rs.example.com/@admin"]),
        ),
    ]
}
