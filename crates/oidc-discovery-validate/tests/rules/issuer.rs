//! `issuer` rules, and issuer matching through `Options`.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires("issuer omitted", OIDC, "issuer-missing", "/issuer", |d| {
            remove(d, "issuer")
        }),
        fires("issuer is null", OAUTH, "issuer-missing", "/issuer", |d| {
            set(d, "issuer", Value::Null);
        }),
        fires(
            "issuer is a number",
            FAPI2,
            "issuer-missing",
            "/issuer",
            |d| {
                set(d, "issuer", json!(42));
            },
        ),
        spares("issuer present", OIDC, "issuer-missing", |_| {}),
        fires(
            "issuer without scheme",
            OAUTH,
            "issuer-not-url",
            "/issuer",
            |d| {
                set(d, "issuer", json!("as.example.com"));
            },
        ),
        fires(
            "issuer without host",
            OIDC,
            "issuer-not-url",
            "/issuer",
            |d| {
                set(d, "issuer", json!("urn:example:op"));
            },
        ),
        fires(
            "issuer is the empty string",
            OAUTH,
            "issuer-not-url",
            "/issuer",
            |d| {
                set(d, "issuer", json!(""));
            },
        ),
        fires(
            "issuer https with empty host",
            OAUTH,
            "issuer-not-url",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://"));
            },
        ),
        spares(
            "issuer with scheme, host, port and path",
            OAUTH,
            "issuer-not-url",
            |d| {
                set(d, "issuer", json!("https://as.example.com:8443/tenant/a"));
            },
        ),
        fires(
            "Entra tenant template",
            OIDC,
            "issuer-template",
            "/issuer",
            |d| {
                set(d, "issuer", json!(ENTRA_TEMPLATE));
            },
        ),
        fires(
            "Entra template with tenant matching off",
            OIDC,
            "issuer-template",
            "/issuer",
            |d| set(d, "issuer", json!(ENTRA_TEMPLATE)),
        )
        .with(|| Options::expecting(ENTRA_TENANT)),
        spares("concrete Entra tenant", OIDC, "issuer-template", |d| {
            set(d, "issuer", json!(ENTRA_TENANT));
        }),
        spares(
            "Entra template accepted through tenant matching",
            OIDC,
            "issuer-template",
            |d| set(d, "issuer", json!(ENTRA_TEMPLATE)),
        )
        .with(expecting_entra_tenant_with_template),
        fires("issuer over http", OAUTH, "issuer-https", "/issuer", |d| {
            set(d, "issuer", json!("http://as.example.com"));
        }),
        fires("issuer over ftp", OIDC, "issuer-https", "/issuer", |d| {
            set(d, "issuer", json!("ftp://op.example.com"));
        }),
        fires(
            "issuer over http on a look-alike host",
            OIDC,
            "issuer-https",
            "/issuer",
            |d| set(d, "issuer", json!("http://localhost.example.com")),
        ),
        spares("issuer over https", OAUTH, "issuer-https", |d| {
            set(d, "issuer", json!("https://as.example.com"));
        }),
        spares(
            "issuer over http on localhost",
            OAUTH,
            "issuer-https",
            |d| {
                set(d, "issuer", json!("http://localhost:8080"));
            },
        ),
        fires(
            "issuer with a query",
            OAUTH,
            "issuer-query-fragment",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://as.example.com?tenant=a"));
            },
        ),
        fires(
            "issuer with an empty query",
            OIDC,
            "issuer-query-fragment",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://op.example.com/?"));
            },
        ),
        fires(
            "issuer with an empty fragment",
            OAUTH,
            "issuer-query-fragment",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://as.example.com/#"));
            },
        ),
        spares(
            "issuer with a path only",
            OAUTH,
            "issuer-query-fragment",
            |d| {
                set(d, "issuer", json!("https://as.example.com/tenant"));
            },
        ),
        fires(
            "issuer with user and password",
            OAUTH,
            "issuer-userinfo",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://user:secret@as.example.com"));
            },
        ),
        fires(
            "issuer with a user name",
            FAPI2,
            "issuer-userinfo",
            "/issuer",
            |d| {
                set(d, "issuer", json!("https://admin@fapi.example.com"));
            },
        ),
        spares("issuer with @ in the path", OAUTH, "issuer-userinfo", |d| {
            set(d, "issuer", json!("https://as.example.com/@tenant"));
        }),
        fires(
            "issuer with user information gives no well-known URL",
            OIDC,
            "issuer-well-known",
            "/issuer",
            |d| set(d, "issuer", json!("https://auth.example.@@@example.com")),
        ),
        fires(
            "issuer path ending in two slashes",
            OAUTH,
            "issuer-well-known",
            "/issuer",
            |d| set(d, "issuer", json!("https://as.example.com/tenant//")),
        ),
        fires(
            "issuer with a dot segment",
            OAUTH,
            "issuer-well-known",
            "/issuer",
            |d| set(d, "issuer", json!("https://as.example.com/a/%2E%2E/b")),
        ),
        fires(
            "issuer that is a metadata URL",
            OIDC,
            "issuer-well-known",
            "/issuer",
            |d| {
                set(
                    d,
                    "issuer",
                    json!("https://op.example.com/.well-known/openid-configuration"),
                );
            },
        ),
        spares(
            "issuer with a path and a trailing slash",
            OAUTH,
            "issuer-well-known",
            |d| set(d, "issuer", json!("https://as.example.com/tenant/")),
        ),
        spares(
            "issuer with a query, reported as such",
            OAUTH,
            "issuer-well-known",
            |d| set(d, "issuer", json!("https://as.example.com?tenant=a")),
        ),
        spares(
            "issuer with user information under fapi2, reported as such",
            FAPI2,
            "issuer-well-known",
            |d| set(d, "issuer", json!("https://admin@fapi.example.com")),
        ),
        fires(
            "issuer differs from the expected one by a trailing slash",
            OAUTH,
            "issuer-mismatch",
            "/issuer",
            |_| {},
        )
        .with(expecting_oauth_with_slash),
        fires(
            "issuer of another server",
            OIDC,
            "issuer-mismatch",
            "/issuer",
            |d| set(d, "issuer", json!("https://evil.example")),
        )
        .with(|| Options::expecting("https://op.example.com")),
        fires(
            "issuer differing in case",
            OAUTH,
            "issuer-mismatch",
            "/issuer",
            |d| set(d, "issuer", json!("https://AS.example.com")),
        )
        .with(expecting_oauth_exactly),
        spares(
            "issuer identical to the expected one",
            OAUTH,
            "issuer-mismatch",
            |_| {},
        )
        .with(expecting_oauth_exactly),
        spares(
            "trailing slash accepted by option",
            OAUTH,
            "issuer-mismatch",
            |_| {},
        )
        .with(expecting_oauth_with_slash_relaxed),
        spares("no expected issuer", OAUTH, "issuer-mismatch", |d| {
            set(d, "issuer", json!("https://other.example.com"));
        }),
        fires(
            "trailing slash accepted by option",
            OAUTH,
            "issuer-match-relaxed",
            "/issuer",
            |_| {},
        )
        .with(expecting_oauth_with_slash_relaxed),
        fires(
            "Entra template accepted through tenant matching",
            OIDC,
            "issuer-match-relaxed",
            "/issuer",
            |d| set(d, "issuer", json!(ENTRA_TEMPLATE)),
        )
        .with(expecting_entra_tenant_with_template),
        spares(
            "exact match with the slash option on",
            OAUTH,
            "issuer-match-relaxed",
            |_| {},
        )
        .with(expecting_oauth_exactly_relaxed),
        spares(
            "concrete Entra tenant with tenant matching on",
            OIDC,
            "issuer-match-relaxed",
            |d| set(d, "issuer", json!(ENTRA_TENANT)),
        )
        .with(expecting_entra_tenant_with_template),
        // ── A protected resource's `authorization_servers` are issuer identifiers ───────────
        fires(
            "authorization server over http",
            RESOURCE,
            "issuer-https",
            "/authorization_servers/1",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com", "http://as.example.com"]),
                )
            },
        ),
        spares(
            "authorization server with a path",
            RESOURCE,
            "issuer-https",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com/tenant/1"]),
                );
            },
        ),
        fires(
            "relative authorization server",
            RESOURCE,
            "issuer-not-url",
            "/authorization_servers/0",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["/.well-known/oauth-authorization-server"]),
                )
            },
        ),
        spares(
            "absolute authorization servers",
            RESOURCE,
            "issuer-not-url",
            |_| {},
        ),
        fires(
            "authorization server with a query",
            RESOURCE,
            "issuer-query-fragment",
            "/authorization_servers/0",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com/?tenant=7"]),
                )
            },
        ),
        spares(
            "authorization server without query or fragment",
            RESOURCE,
            "issuer-query-fragment",
            |_| {},
        ),
        fires(
            "authorization server with user information",
            RESOURCE,
            "issuer-userinfo",
            "/authorization_servers/0",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://admin@as.example.com"]),
                )
            },
        ),
        spares(
            "authorization server without user information",
            RESOURCE,
            "issuer-userinfo",
            |_| {},
        ),
        fires(
            "authorization server template",
            RESOURCE,
            "issuer-template",
            "/authorization_servers/0",
            |d| set(d, "authorization_servers", json!([ENTRA_TEMPLATE])),
        ),
        spares(
            "authorization server of a concrete tenant",
            RESOURCE,
            "issuer-template",
            |d| {
                set(d, "authorization_servers", json!([ENTRA_TENANT]));
            },
        ),
        fires(
            "authorization server with a dot segment",
            RESOURCE,
            "issuer-well-known",
            "/authorization_servers/0",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com/a/../b"]),
                )
            },
        ),
        spares(
            "authorization server with a plain path",
            RESOURCE,
            "issuer-well-known",
            |d| {
                set(
                    d,
                    "authorization_servers",
                    json!(["https://as.example.com/a/b"]),
                );
            },
        ),
    ]
}

#[test]
fn http_issuer_is_an_error_unless_the_host_is_loopback() {
    for issuer in [
        "http://example.com",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com",
    ] {
        let doc = edited(|d| set(d, "issuer", json!(issuer)));
        let report = report_of(&doc, OIDC);
        assert_eq!(
            find(&report, "issuer-https", "/issuer").map(|p| p.severity),
            Some(Severity::Error),
            "{issuer}: {report}"
        );
        assert!(!report.has("http-loopback"), "{issuer}: {report}");
    }
    for issuer in [
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.5",
        "http://127.255.255.254:9000/tenant",
        "http://[::1]:8443",
    ] {
        let doc = edited(|d| set(d, "issuer", json!(issuer)));
        for (profile, severity) in [(OIDC, Severity::Warning), (FAPI2, Severity::Error)] {
            let report = report_of(&doc, profile);
            assert_eq!(
                find(&report, "http-loopback", "/issuer").map(|p| p.severity),
                Some(severity),
                "{issuer} under {profile}: {report}"
            );
            assert!(!report.has("issuer-https"), "{issuer}: {report}");
        }
    }
}

#[test]
fn trailing_slash_difference_is_a_mismatch_by_default_and_a_note_when_relaxed() {
    let doc = oauth_base();
    let strict = run(&doc, OAUTH, &expecting_oauth_with_slash()).report;
    let mismatch = find(&strict, "issuer-mismatch", "/issuer").expect("mismatch");
    assert_eq!(mismatch.severity, Severity::Error);
    assert!(
        mismatch.message.contains("https://as.example.com/"),
        "{mismatch}"
    );
    assert!(!strict.has("issuer-match-relaxed"), "{strict}");

    let relaxed = run(&doc, OAUTH, &expecting_oauth_with_slash_relaxed()).report;
    assert!(!relaxed.has("issuer-mismatch"), "{relaxed}");
    let note = find(&relaxed, "issuer-match-relaxed", "/issuer").expect("note");
    assert_eq!(note.severity, Severity::Info);
    assert!(relaxed.is_valid(), "{relaxed}");

    // Two slashes are never relaxed away.
    let mut doc = oauth_base();
    set(&mut doc, "issuer", json!("https://as.example.com//"));
    let report = run(&doc, OAUTH, &expecting_oauth_exactly_relaxed()).report;
    assert!(report.has("issuer-mismatch"), "{report}");
}

#[test]
fn entra_tenant_template_is_accepted_only_with_the_option() {
    let mut doc = oidc_base();
    set(&mut doc, "issuer", json!(ENTRA_TEMPLATE));

    let default = report_of(&doc, OIDC);
    assert_eq!(
        find(&default, "issuer-template", "/issuer").map(|p| p.severity),
        Some(Severity::Error),
        "{default}"
    );

    let exact = run(&doc, OIDC, &Options::expecting(ENTRA_TENANT)).report;
    assert!(exact.has("issuer-template"), "{exact}");
    assert!(
        find(&exact, "issuer-mismatch", "/issuer").is_some(),
        "{exact}"
    );

    let relaxed = run(&doc, OIDC, &expecting_entra_tenant_with_template()).report;
    assert!(!relaxed.has("issuer-template"), "{relaxed}");
    assert!(!relaxed.has("issuer-mismatch"), "{relaxed}");
    let note = find(&relaxed, "issuer-match-relaxed", "/issuer").expect("note");
    assert_eq!(note.severity, Severity::Info);
    assert!(
        note.message
            .contains("9188040d-6c67-4c5b-b112-36a304b66dad"),
        "{note}"
    );
    assert!(relaxed.is_valid(), "{relaxed}");

    // The option does not make another host match.
    let other = {
        let mut options = Options::expecting(
            "https://login.evil.example/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
        );
        options.issuer_match.tenant_template = true;
        run(&doc, OIDC, &options).report
    };
    assert!(other.has("issuer-mismatch"), "{other}");
    assert!(other.has("issuer-template"), "{other}");
}

#[test]
fn tenant_template_relaxation_keeps_the_issuer_url_checks() {
    let mut doc = oauth_base();
    set(
        &mut doc,
        "issuer",
        json!("http://login.microsoftonline.com/{tenantid}/v2.0?x=1"),
    );
    let mut options = Options::expecting(
        "http://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0?x=1",
    );
    options.issuer_match.tenant_template = true;
    let report = run(&doc, OAUTH, &options).report;
    assert!(report.has("issuer-match-relaxed"), "{report}");
    assert!(
        find(&report, "issuer-https", "/issuer").is_some(),
        "{report}"
    );
    assert!(
        find(&report, "issuer-query-fragment", "/issuer").is_some(),
        "{report}"
    );
}

#[test]
fn the_mismatch_hint_names_the_cli_flag_and_the_library_option() {
    let report = run(&oauth_base(), OAUTH, &expecting_oauth_with_slash()).report;
    let problem = find(&report, "issuer-mismatch", "/issuer").expect("reported");
    for name in ["--allow-trailing-slash", "ignore_trailing_slash"] {
        assert!(problem.message.contains(name), "{name}: {problem}");
    }
    let mut doc = oauth_base();
    set(&mut doc, "issuer", json!(ENTRA_TEMPLATE));
    let report = run(&doc, OAUTH, &Options::expecting(ENTRA_TENANT)).report;
    let problem = find(&report, "issuer-mismatch", "/issuer").expect("reported");
    for name in ["--allow-tenant-template", "tenant_template"] {
        assert!(problem.message.contains(name), "{name}: {problem}");
    }
}
