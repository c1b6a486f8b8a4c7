//! `url` rules: endpoint and other URLs.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "relative token endpoint",
            OAUTH,
            "url-not-absolute",
            "/token_endpoint",
            |d| {
                set(d, "token_endpoint", json!("/token"));
            },
        ),
        fires(
            "empty jwks_uri",
            OIDC,
            "url-not-absolute",
            "/jwks_uri",
            |d| {
                set(d, "jwks_uri", json!(""));
            },
        ),
        fires(
            "relative mTLS alias",
            FAPI2,
            "url-not-absolute",
            "/mtls_endpoint_aliases/token_endpoint",
            |d| d["mtls_endpoint_aliases"]["token_endpoint"] = json!("token"),
        ),
        fires(
            "relative documentation URL",
            OAUTH,
            "url-not-absolute",
            "/service_documentation",
            |d| set(d, "service_documentation", json!("docs/index.html")),
        ),
        spares("absolute token endpoint", OAUTH, "url-not-absolute", |d| {
            set(d, "token_endpoint", json!("https://as.example.com/token"));
        }),
        fires(
            "token endpoint over http",
            OAUTH,
            "endpoint-https",
            "/token_endpoint",
            |d| {
                set(d, "token_endpoint", json!("http://as.example.com/token"));
            },
        ),
        fires(
            "jwks_uri over http",
            OIDC,
            "endpoint-https",
            "/jwks_uri",
            |d| {
                set(d, "jwks_uri", json!("http://op.example.com/jwks"));
            },
        ),
        fires(
            "end_session_endpoint over http",
            OIDC,
            "endpoint-https",
            "/end_session_endpoint",
            |d| {
                set(
                    d,
                    "end_session_endpoint",
                    json!("http://op.example.com/logout"),
                )
            },
        ),
        fires(
            "mTLS token endpoint alias over http",
            FAPI2,
            "endpoint-https",
            "/mtls_endpoint_aliases/token_endpoint",
            |d| {
                d["mtls_endpoint_aliases"]["token_endpoint"] =
                    json!("http://mtls.fapi.example.com/token");
            },
        ),
        spares("token endpoint over https", OAUTH, "endpoint-https", |d| {
            set(d, "token_endpoint", json!("https://as.example.com/token"));
        }),
        spares(
            "token endpoint over http on loopback",
            OAUTH,
            "endpoint-https",
            |d| {
                set(d, "token_endpoint", json!("http://127.0.0.1:8080/token"));
            },
        ),
        fires(
            "introspection endpoint over http",
            OAUTH,
            "endpoint-tls",
            "/introspection_endpoint",
            |d| {
                set(
                    d,
                    "introspection_endpoint",
                    json!("http://as.example.com/introspect"),
                )
            },
        ),
        fires(
            "device authorization endpoint over http",
            FAPI2,
            "endpoint-tls",
            "/device_authorization_endpoint",
            |d| {
                set(
                    d,
                    "device_authorization_endpoint",
                    json!("http://fapi.example.com/device"),
                );
            },
        ),
        spares(
            "introspection endpoint over https",
            OAUTH,
            "endpoint-tls",
            |d| {
                set(
                    d,
                    "introspection_endpoint",
                    json!("https://as.example.com/introspect"),
                );
            },
        ),
        fires(
            "token endpoint on localhost",
            OIDC,
            "http-loopback",
            "/token_endpoint",
            |d| set(d, "token_endpoint", json!("http://localhost:8080/token")),
        ),
        fires(
            "issuer on localhost",
            OIDC,
            "http-loopback",
            "/issuer",
            |d| {
                set(d, "issuer", json!("http://localhost:8080"));
            },
        ),
        fires(
            "protected resource on localhost",
            OAUTH,
            "http-loopback",
            "/protected_resources/0",
            |d| {
                set(
                    d,
                    "protected_resources",
                    json!(["http://localhost:8080/api"]),
                )
            },
        ),
        spares(
            "protected resources are not endpoints",
            OAUTH,
            "endpoint-tls",
            |d| {
                set(
                    d,
                    "protected_resources",
                    json!(["http://rs.example.com/api"]),
                )
            },
        ),
        fires(
            "issuer on 127.0.0.5",
            OAUTH,
            "http-loopback",
            "/issuer",
            |d| {
                set(d, "issuer", json!("http://127.0.0.5"));
            },
        ),
        fires("issuer on [::1]", FAPI2, "http-loopback", "/issuer", |d| {
            set(d, "issuer", json!("http://[::1]:8443"));
        }),
        spares(
            "issuer on a public host over http",
            OIDC,
            "http-loopback",
            |d| {
                set(d, "issuer", json!("http://example.com"));
            },
        ),
        spares(
            "token endpoint on localhost over https",
            OIDC,
            "http-loopback",
            |d| {
                set(d, "token_endpoint", json!("https://localhost:8443/token"));
            },
        ),
        fires(
            "token endpoint with a fragment",
            OAUTH,
            "endpoint-fragment",
            "/token_endpoint",
            |d| {
                set(
                    d,
                    "token_endpoint",
                    json!("https://as.example.com/token#main"),
                )
            },
        ),
        fires(
            "authorization endpoint with an empty fragment",
            OIDC,
            "endpoint-fragment",
            "/authorization_endpoint",
            |d| {
                set(
                    d,
                    "authorization_endpoint",
                    json!("https://op.example.com/authorize#"),
                )
            },
        ),
        fires(
            "mTLS token alias with a fragment",
            FAPI2,
            "endpoint-fragment",
            "/mtls_endpoint_aliases/token_endpoint",
            |d| {
                d["mtls_endpoint_aliases"]["token_endpoint"] =
                    json!("https://mtls.fapi.example.com/token#x");
            },
        ),
        spares(
            "token endpoint with a query",
            OAUTH,
            "endpoint-fragment",
            |d| {
                set(
                    d,
                    "token_endpoint",
                    json!("https://as.example.com/token?tenant=a"),
                );
            },
        ),
        fires(
            "service documentation over http",
            OAUTH,
            "documentation-http",
            "/service_documentation",
            |d| {
                set(
                    d,
                    "service_documentation",
                    json!("http://as.example.com/docs"),
                )
            },
        ),
        fires(
            "language-tagged terms of service over http",
            OIDC,
            "documentation-http",
            "/op_tos_uri#fr",
            |d| set(d, "op_tos_uri#fr", json!("http://op.example.com/tos/fr")),
        ),
        spares(
            "service documentation over https",
            OAUTH,
            "documentation-http",
            |d| {
                set(
                    d,
                    "service_documentation",
                    json!("https://as.example.com/docs"),
                );
            },
        ),
        // ── A protected resource's URLs (RFC 9728 §2) ───────────────────────────────────────
        fires(
            "resource on localhost",
            RESOURCE,
            "http-loopback",
            "/resource",
            |d| set(d, "resource", json!("http://localhost:3000/mcp")),
        ),
        fires(
            "authorization server on loopback",
            RESOURCE,
            "http-loopback",
            "/authorization_servers/0",
            |d| set(d, "authorization_servers", json!(["http://127.0.0.1:9000"])),
        ),
        fires(
            "resource's jwks_uri over http",
            RESOURCE,
            "endpoint-https",
            "/jwks_uri",
            |d| set(d, "jwks_uri", json!("http://rs.example.com/jwks")),
        ),
        spares(
            "resource's jwks_uri over https",
            RESOURCE,
            "endpoint-https",
            |_| {},
        ),
        fires(
            "relative resource documentation",
            RESOURCE,
            "url-not-absolute",
            "/resource_documentation",
            |d| set(d, "resource_documentation", json!("docs/index.html")),
        ),
        spares(
            "resource documentation absolute",
            RESOURCE,
            "url-not-absolute",
            |_| {},
        ),
        fires(
            "tagged terms of service over http",
            RESOURCE,
            "documentation-http",
            "/resource_tos_uri#de",
            |d| set(d, "resource_tos_uri#de", json!("http://rs.example.com/agb")),
        ),
        spares(
            "resource policy over https",
            RESOURCE,
            "documentation-http",
            |_| {},
        ),
        spares(
            "a resource identifier is not an endpoint",
            RESOURCE,
            "url-not-absolute",
            |d| set(d, "resource", json!("urn:example:rs")),
        ),
    ]
}

#[test]
fn issuer_and_endpoints_without_an_authority_are_not_urls() {
    for issuer in ["https:as.example.com", "https:///as.example.com"] {
        let mut doc = oauth_base();
        set(&mut doc, "issuer", json!(issuer));
        let report = report_of(&doc, OAUTH);
        assert!(
            find(&report, "issuer-not-url", "/issuer").is_some(),
            "{issuer}: {report}"
        );
    }
    let mut doc = oauth_base();
    set(
        &mut doc,
        "token_endpoint",
        json!("https:as.example.com/token"),
    );
    let report = report_of(&doc, OAUTH);
    assert!(
        find(&report, "url-not-absolute", "/token_endpoint").is_some(),
        "{report}"
    );
}

#[test]
fn a_url_with_a_space_is_not_a_url() {
    let mut doc = oauth_base();
    set(
        &mut doc,
        "token_endpoint",
        json!("https://as.example.com/to ken"),
    );
    let report = report_of(&doc, OAUTH);
    assert!(
        find(&report, "url-not-absolute", "/token_endpoint").is_some(),
        "{report}"
    );
}

#[test]
fn the_loopback_message_agrees_with_the_severity() {
    for (profile, mut doc) in [(OAUTH, oauth_base()), (FAPI2, fapi2_base())] {
        set(
            &mut doc,
            "token_endpoint",
            json!("http://localhost:8080/token"),
        );
        let report = report_of(&doc, profile);
        let problem = find(&report, "http-loopback", "/token_endpoint").expect("reported");
        let tolerant = problem.message.contains("fine for local development");
        assert_eq!(
            tolerant,
            problem.severity != Severity::Error,
            "{profile}: {problem}"
        );
    }
}

#[test]
fn endpoint_https_cites_the_specification_of_its_member() {
    for (member, spec) in [
        ("revocation_endpoint", "RFC 7009 §2"),
        ("userinfo_endpoint", "OpenID Connect Discovery 1.0 §3"),
        (
            "end_session_endpoint",
            "OpenID Connect RP-Initiated Logout 1.0 §2.1",
        ),
    ] {
        let doc = edited(|d| set(d, member, json!("http://op.example.com/x")));
        let report = report_of(&doc, OIDC);
        let pointer = format!("/{member}");
        let problem = find(&report, "endpoint-https", &pointer).expect("reported");
        assert_eq!(problem.spec, spec, "{problem}");
    }
    let doc = edited(|d| set(d, "token_endpoint", json!("https://op.example.com/token#x")));
    let report = report_of(&doc, OIDC);
    let problem = find(&report, "endpoint-fragment", "/token_endpoint").expect("reported");
    assert_eq!(problem.spec, "RFC 6749 §3.2");
}
