//! Tests for `oidc_discovery_validate::well_known`: the inventory §3.2 examples (issuers and
//! protected resources), exact spelling, every refused input, the reverses, and a round-trip
//! sweep.

use oidc_discovery_validate::well_known::{
    ImpliedIssuer, ImpliedResource, LocationStyle, OAUTH_AUTHORIZATION_SERVER,
    OAUTH_PROTECTED_RESOURCE, OPENID_CONFIGURATION, UrlProblem, WellKnownError, WellKnownStyle,
    WellKnownUrls, issuer_from_metadata_url, locations, oauth_authorization_server_url,
    oauth_protected_resource_url, openid_configuration_url, resource_from_metadata_url,
    resource_locations, rfc8414_url, well_known_urls,
};
use oidc_discovery_validate::{Profile, Severity};

// ---------------------------------------------------------------------------------------------
// Inventory §3.2, every example row, both columns.

/// (issuer, OIDC-Disc URL, RFC 8414 URL with `oauth-authorization-server`)
const INVENTORY_EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "https://example.com",
        "https://example.com/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server",
    ),
    (
        "https://example.com/",
        "https://example.com/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server",
    ),
    (
        "https://example.com/issuer1",
        "https://example.com/issuer1/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server/issuer1",
    ),
    (
        "https://example.com/issuer1/",
        "https://example.com/issuer1/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server/issuer1",
    ),
    (
        "https://example.com:8443/a/b",
        "https://example.com:8443/a/b/.well-known/openid-configuration",
        "https://example.com:8443/.well-known/oauth-authorization-server/a/b",
    ),
];

#[test]
fn inventory_examples_openid_configuration_column() {
    for (issuer, oidc, _) in INVENTORY_EXAMPLES {
        assert_eq!(openid_configuration_url(issuer).unwrap(), *oidc, "{issuer}");
    }
}

#[test]
fn inventory_examples_rfc8414_column() {
    for (issuer, _, rfc8414) in INVENTORY_EXAMPLES {
        assert_eq!(
            oauth_authorization_server_url(issuer).unwrap(),
            *rfc8414,
            "{issuer}"
        );
        assert_eq!(
            rfc8414_url(issuer, OAUTH_AUTHORIZATION_SERVER).unwrap(),
            *rfc8414,
            "{issuer}"
        );
    }
}

#[test]
fn inventory_examples_well_known_urls() {
    for (issuer, oidc, rfc8414) in INVENTORY_EXAMPLES {
        assert_eq!(
            well_known_urls(issuer).unwrap(),
            WellKnownUrls {
                openid_configuration: (*oidc).to_owned(),
                oauth_authorization_server: (*rfc8414).to_owned(),
                // The same text read as a resource identifier (RFC 9728 §3.1).
                oauth_protected_resource: rfc8414
                    .replace(OAUTH_AUTHORIZATION_SERVER, OAUTH_PROTECTED_RESOURCE),
            },
            "{issuer}"
        );
    }
}

#[test]
fn inventory_example_rfc8414_with_openid_configuration_suffix() {
    // Sixth row: RFC 8414 construction with `openid-configuration`; OIDC column "—".
    assert_eq!(
        rfc8414_url("https://example.com/issuer1", OPENID_CONFIGURATION).unwrap(),
        "https://example.com/.well-known/openid-configuration/issuer1"
    );
    // And its reverse is the inserted style.
    assert_eq!(
        issuer_from_metadata_url("https://example.com/.well-known/openid-configuration/issuer1")
            .unwrap(),
        ImpliedIssuer {
            issuer: "https://example.com/issuer1".to_owned(),
            style: WellKnownStyle::Inserted,
            suffix: OPENID_CONFIGURATION.to_owned(),
        }
    );
}

#[test]
fn inventory_examples_reverse() {
    for (issuer, oidc, rfc8414) in INVENTORY_EXAMPLES {
        let expected = issuer.strip_suffix('/').unwrap_or(issuer);
        let from_oidc = issuer_from_metadata_url(oidc).unwrap();
        assert_eq!(from_oidc.issuer, expected, "{oidc}");
        assert_eq!(from_oidc.style, WellKnownStyle::Appended, "{oidc}");
        assert_eq!(from_oidc.suffix, OPENID_CONFIGURATION);
        let from_rfc = issuer_from_metadata_url(rfc8414).unwrap();
        assert_eq!(from_rfc.issuer, expected, "{rfc8414}");
        assert_eq!(from_rfc.style, WellKnownStyle::Inserted, "{rfc8414}");
        assert_eq!(from_rfc.suffix, OAUTH_AUTHORIZATION_SERVER);
    }
}

#[test]
fn wk6_no_path_gives_the_same_url_for_both_constructions() {
    for issuer in ["https://example.com", "https://example.com/"] {
        assert_eq!(
            openid_configuration_url(issuer).unwrap(),
            rfc8414_url(issuer, OPENID_CONFIGURATION).unwrap()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Exact spelling.

#[test]
fn spelling_is_preserved() {
    let rows: &[(&str, &str, &str)] = &[
        // ports
        (
            "https://example.com:8443",
            "https://example.com:8443/.well-known/openid-configuration",
            "https://example.com:8443/.well-known/oauth-authorization-server",
        ),
        (
            "https://example.com:8443/",
            "https://example.com:8443/.well-known/openid-configuration",
            "https://example.com:8443/.well-known/oauth-authorization-server",
        ),
        // the default port is kept as written (`url` would drop it)
        (
            "https://example.com:443/t",
            "https://example.com:443/t/.well-known/openid-configuration",
            "https://example.com:443/.well-known/oauth-authorization-server/t",
        ),
        // IPv6
        (
            "https://[::1]:8443/a",
            "https://[::1]:8443/a/.well-known/openid-configuration",
            "https://[::1]:8443/.well-known/oauth-authorization-server/a",
        ),
        (
            "https://[2001:db8::1]",
            "https://[2001:db8::1]/.well-known/openid-configuration",
            "https://[2001:db8::1]/.well-known/oauth-authorization-server",
        ),
        (
            "https://[2001:DB8::1]/x/",
            "https://[2001:DB8::1]/x/.well-known/openid-configuration",
            "https://[2001:DB8::1]/.well-known/oauth-authorization-server/x",
        ),
        // percent-encoding kept verbatim (no decoding, no re-encoding, hex case kept)
        (
            "https://example.com/a%20b/c%2Fd",
            "https://example.com/a%20b/c%2Fd/.well-known/openid-configuration",
            "https://example.com/.well-known/oauth-authorization-server/a%20b/c%2Fd",
        ),
        (
            "https://example.com/%7euser",
            "https://example.com/%7euser/.well-known/openid-configuration",
            "https://example.com/.well-known/oauth-authorization-server/%7euser",
        ),
        // host and scheme case kept
        (
            "https://EXAMPLE.com/Tenant",
            "https://EXAMPLE.com/Tenant/.well-known/openid-configuration",
            "https://EXAMPLE.com/.well-known/oauth-authorization-server/Tenant",
        ),
        (
            "HTTPS://Example.COM",
            "HTTPS://Example.COM/.well-known/openid-configuration",
            "HTTPS://Example.COM/.well-known/oauth-authorization-server",
        ),
        // unicode host and path kept (not punycoded, not percent-encoded)
        (
            "https://bücher.example/straße",
            "https://bücher.example/straße/.well-known/openid-configuration",
            "https://bücher.example/.well-known/oauth-authorization-server/straße",
        ),
        // an empty segment in the middle is kept
        (
            "https://example.com/a//b",
            "https://example.com/a//b/.well-known/openid-configuration",
            "https://example.com/.well-known/oauth-authorization-server/a//b",
        ),
        // real-world shapes
        (
            "https://accounts.google.com",
            "https://accounts.google.com/.well-known/openid-configuration",
            "https://accounts.google.com/.well-known/oauth-authorization-server",
        ),
        (
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0/.well-known/openid-configuration",
            "https://login.microsoftonline.com/.well-known/oauth-authorization-server/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
        ),
        (
            "https://sso.example.org/realms/main",
            "https://sso.example.org/realms/main/.well-known/openid-configuration",
            "https://sso.example.org/.well-known/oauth-authorization-server/realms/main",
        ),
    ];
    for (issuer, oidc, rfc8414) in rows {
        assert_eq!(openid_configuration_url(issuer).unwrap(), *oidc, "{issuer}");
        assert_eq!(
            oauth_authorization_server_url(issuer).unwrap(),
            *rfc8414,
            "{issuer}"
        );
    }
}

#[test]
fn non_https_schemes_build() {
    // The builder builds; validation judges the scheme (ISS-2, WK-3).
    let rows: &[(&str, &str, &str)] = &[
        (
            "http://localhost:8080",
            "http://localhost:8080/.well-known/openid-configuration",
            "http://localhost:8080/.well-known/oauth-authorization-server",
        ),
        (
            "http://127.0.0.1:9000/realms/dev/",
            "http://127.0.0.1:9000/realms/dev/.well-known/openid-configuration",
            "http://127.0.0.1:9000/.well-known/oauth-authorization-server/realms/dev",
        ),
        (
            "http://[::1]/op",
            "http://[::1]/op/.well-known/openid-configuration",
            "http://[::1]/.well-known/oauth-authorization-server/op",
        ),
        (
            "http://example.com",
            "http://example.com/.well-known/openid-configuration",
            "http://example.com/.well-known/oauth-authorization-server",
        ),
    ];
    for (issuer, oidc, rfc8414) in rows {
        assert_eq!(openid_configuration_url(issuer).unwrap(), *oidc, "{issuer}");
        assert_eq!(
            oauth_authorization_server_url(issuer).unwrap(),
            *rfc8414,
            "{issuer}"
        );
    }
}

#[test]
fn other_suffixes() {
    assert_eq!(
        rfc8414_url("https://example.com/tenant", "openid-federation").unwrap(),
        "https://example.com/.well-known/openid-federation/tenant"
    );
    assert_eq!(
        rfc8414_url("https://example.com/", "oauth-protected-resource").unwrap(),
        "https://example.com/.well-known/oauth-protected-resource"
    );
}

#[test]
fn bad_suffixes_are_refused() {
    for suffix in [
        "",
        "a/b",
        "/x",
        "x/",
        "a?b",
        "a#b",
        ".",
        "..",
        "%2E%2e",
        ".well-known",
        "{suffix}",
        "a b",
        "a\\b",
        "a\nb",
    ] {
        let error = rfc8414_url("https://example.com", suffix).unwrap_err();
        assert_eq!(
            error,
            WellKnownError::InvalidSuffix {
                issuer: "https://example.com".to_owned(),
                suffix: suffix.to_owned(),
            },
            "{suffix:?}"
        );
        let message = error.to_string();
        assert!(message.contains("\"https://example.com\""), "{message}");
    }
    // An invalid issuer is reported before the suffix.
    assert!(matches!(
        rfc8414_url("example.com", "").unwrap_err(),
        WellKnownError::InvalidIssuer { .. }
    ));
}

// ---------------------------------------------------------------------------------------------
// Refused issuers.

fn problem_of(issuer: &str) -> UrlProblem {
    let error = openid_configuration_url(issuer).unwrap_err();
    // Both builders agree.
    assert_eq!(
        oauth_authorization_server_url(issuer).unwrap_err(),
        error,
        "{issuer:?}"
    );
    assert_eq!(well_known_urls(issuer).unwrap_err(), error, "{issuer:?}");
    let message = error.to_string();
    assert!(
        message.contains(&format!("\"{issuer}\"")),
        "message must quote the issuer: {message}"
    );
    match error {
        WellKnownError::InvalidIssuer {
            issuer: quoted,
            problem,
        } => {
            assert_eq!(quoted, issuer);
            problem
        }
        other => panic!("{issuer:?}: unexpected {other:?}"),
    }
}

#[test]
fn unusable_issuers_give_clear_errors() {
    let rows: &[(&str, UrlProblem)] = &[
        ("accounts.google.com", UrlProblem::NotAbsolute),
        ("", UrlProblem::NotAbsolute),
        ("/issuer1", UrlProblem::NotAbsolute),
        ("//example.com/issuer1", UrlProblem::NotAbsolute),
        ("1https://example.com", UrlProblem::NotAbsolute),
        ("https://", UrlProblem::NoHost),
        ("https://?x", UrlProblem::NoHost),
        ("https://:443/a", UrlProblem::NoHost),
        ("urn:x:y", UrlProblem::NoHost),
        ("https:example.com", UrlProblem::NoHost),
        ("https:/example.com", UrlProblem::NoHost),
        ("https:///example.com", UrlProblem::NoHost),
        ("file:///etc/passwd", UrlProblem::NoHost),
        ("localhost:8080", UrlProblem::NoHost),
        ("https://a.example/#", UrlProblem::Fragment),
        ("https://a.example#frag", UrlProblem::Fragment),
        ("https://a.example?", UrlProblem::Query),
        ("https://a.example/p?x=1", UrlProblem::Query),
        ("https://a.example/?", UrlProblem::Query),
        (
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            UrlProblem::Template,
        ),
        ("https://sts.windows.net/{tenantid}/", UrlProblem::Template),
        ("https://{tenant}.b2clogin.com/tfp/x", UrlProblem::Template),
        ("https://a.example/x}", UrlProblem::Template),
        ("http://user:pw@host", UrlProblem::Userinfo),
        ("https://user@a.example/p", UrlProblem::Userinfo),
        ("https://example.com//", UrlProblem::DoubleTrailingSlash),
        ("https://example.com/a//", UrlProblem::DoubleTrailingSlash),
        ("https://example.com/a/../b", UrlProblem::DotSegment),
        ("https://example.com/./b", UrlProblem::DotSegment),
        ("https://example.com/a/..", UrlProblem::DotSegment),
        ("https://example.com/a/%2E%2e/", UrlProblem::DotSegment),
        (
            "https://example.com/.well-known/openid-configuration",
            UrlProblem::WellKnownSegment,
        ),
        (
            "https://example.com/t/.well-known",
            UrlProblem::WellKnownSegment,
        ),
    ];
    for (issuer, expected) in rows {
        assert_eq!(problem_of(issuer), *expected, "{issuer:?}");
    }
}

#[test]
fn invalid_characters_are_located() {
    let rows: &[(&str, char, usize)] = &[
        (" https://a.example", ' ', 0),
        ("https://a.example ", ' ', 17),
        ("https://a.example/a b", ' ', 19),
        ("https://a.example\\path", '\\', 17),
        ("https://a.example/\tp", '\t', 18),
        ("https://a.example/\n", '\n', 18),
        ("https://a.example/\u{0}", '\u{0}', 18),
        ("https://a.example/\u{a0}", '\u{a0}', 18),
    ];
    for (issuer, character, index) in rows {
        assert_eq!(
            problem_of(issuer),
            UrlProblem::InvalidCharacter {
                character: *character,
                index: *index
            },
            "{issuer:?}"
        );
    }
}

#[test]
fn url_crate_rejections_are_reported() {
    for issuer in [
        "https://a.example:99999",
        "https://a.example:port/x",
        "https://[::1",
        "https://[::g]/x",
        "https://a%zz.example",
    ] {
        assert!(
            matches!(problem_of(issuer), UrlProblem::Unparsable(_)),
            "{issuer:?}"
        );
    }
}

#[test]
fn entra_template_message_is_clear() {
    let message = openid_configuration_url("https://login.microsoftonline.com/{tenantid}/v2.0")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("\"https://login.microsoftonline.com/{tenantid}/v2.0\""),
        "{message}"
    );
    assert!(message.contains("template"), "{message}");
    assert!(message.contains("{tenantid}"), "{message}");
}

#[test]
fn query_and_fragment_messages_cite_the_specs() {
    let message = openid_configuration_url("https://a.example?")
        .unwrap_err()
        .to_string();
    assert!(message.contains("query"), "{message}");
    assert!(message.contains("RFC 8414 §2"), "{message}");
    let message = openid_configuration_url("https://a.example/#")
        .unwrap_err()
        .to_string();
    assert!(message.contains("fragment"), "{message}");
}

#[test]
fn nasty_inputs_never_panic() {
    let inputs = [
        "",
        ":",
        "::",
        "://",
        "https:",
        "https:/",
        "https://",
        "https:///",
        "https:////",
        "https://[",
        "https://]",
        "https://[]",
        "https://[]:1",
        "https://:",
        "https://@",
        "https://@/",
        "https://a@",
        "?",
        "#",
        "/",
        "//",
        "///",
        "%",
        "%%",
        "%2",
        "https://%",
        "https://a/%",
        "https://a/%2",
        "https://a:/",
        "https://a:",
        "https://a:0",
        "https://a.example/.well-known",
        "https://a.example/.well-known/",
        "ä",
        "ä://ö",
        "https://ä",
        "https://a/ä/",
        "https://a/ä//",
        "{tenantid}",
        "https://{",
        "https://}",
        "x:",
        "x:/",
        "x://",
        "x://y",
        "data:text/plain,hi",
        "javascript:alert(1)",
        "https://a.example/\u{FEFF}",
        "https://a.example/\u{200B}",
        "https://a.example/🦀/",
        "https://🦀",
        "\u{0}",
        "https://a.example/\u{7f}",
    ];
    for input in inputs {
        for suffix in ["", "x", OPENID_CONFIGURATION, "a/b"] {
            let _ = rfc8414_url(input, suffix);
        }
        let _ = openid_configuration_url(input);
        let _ = oauth_authorization_server_url(input);
        let _ = well_known_urls(input);
        let _ = issuer_from_metadata_url(input);
        if let Ok(url) = openid_configuration_url(input) {
            let _ = issuer_from_metadata_url(&url);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reverse.

fn implied(url: &str) -> ImpliedIssuer {
    issuer_from_metadata_url(url).unwrap_or_else(|error| panic!("{url}: {error}"))
}

fn reverse_problem(url: &str) -> UrlProblem {
    match issuer_from_metadata_url(url).unwrap_err() {
        WellKnownError::InvalidMetadataUrl {
            url: quoted,
            problem,
        } => {
            assert_eq!(quoted, url);
            problem
        }
        other => panic!("{url}: unexpected {other:?}"),
    }
}

#[test]
fn reverse_host_level_urls_report_the_style_of_their_suffix() {
    // WK-6: both styles coincide; `openid-configuration` reports Appended, others Inserted.
    let rows: &[(&str, &str, WellKnownStyle, &str)] = &[
        (
            "https://example.com/.well-known/openid-configuration",
            "https://example.com",
            WellKnownStyle::Appended,
            OPENID_CONFIGURATION,
        ),
        (
            "https://example.com/.well-known/oauth-authorization-server",
            "https://example.com",
            WellKnownStyle::Inserted,
            OAUTH_AUTHORIZATION_SERVER,
        ),
        (
            "https://example.com:8443/.well-known/openid-federation",
            "https://example.com:8443",
            WellKnownStyle::Inserted,
            "openid-federation",
        ),
    ];
    for (url, issuer, style, suffix) in rows {
        assert_eq!(
            implied(url),
            ImpliedIssuer {
                issuer: (*issuer).to_owned(),
                style: *style,
                suffix: (*suffix).to_owned(),
            },
            "{url}"
        );
    }
}

#[test]
fn reverse_accepts_one_trailing_slash_after_the_url() {
    // Facebook publishes its metadata URL with a trailing slash.
    assert_eq!(
        implied("https://www.facebook.com/.well-known/openid-configuration/"),
        ImpliedIssuer {
            issuer: "https://www.facebook.com".to_owned(),
            style: WellKnownStyle::Appended,
            suffix: OPENID_CONFIGURATION.to_owned(),
        }
    );
    assert_eq!(
        implied("https://example.com/issuer1/.well-known/openid-configuration/").issuer,
        "https://example.com/issuer1"
    );
    assert_eq!(
        implied("https://example.com/.well-known/oauth-authorization-server/").issuer,
        "https://example.com"
    );
    let inserted = implied("https://example.com/.well-known/oauth-authorization-server/issuer1/");
    assert_eq!(inserted.issuer, "https://example.com/issuer1");
    assert_eq!(inserted.style, WellKnownStyle::Inserted);
    // Two are refused.
    assert_eq!(
        reverse_problem("https://www.facebook.com/.well-known/openid-configuration//"),
        UrlProblem::DoubleTrailingSlash
    );
}

#[test]
fn reverse_recognizes_the_appended_form_with_any_suffix() {
    // Okta custom authorization servers.
    assert_eq!(
        implied("https://dev-1.okta.com/oauth2/default/.well-known/oauth-authorization-server"),
        ImpliedIssuer {
            issuer: "https://dev-1.okta.com/oauth2/default".to_owned(),
            style: WellKnownStyle::Appended,
            suffix: OAUTH_AUTHORIZATION_SERVER.to_owned(),
        }
    );
}

#[test]
fn reverse_keeps_spelling() {
    let rows: &[(&str, &str)] = &[
        (
            "https://EXAMPLE.com:8443/A%20b/.well-known/openid-configuration",
            "https://EXAMPLE.com:8443/A%20b",
        ),
        (
            "https://[::1]:8443/.well-known/oauth-authorization-server/a",
            "https://[::1]:8443/a",
        ),
        (
            "https://[2001:db8::1]/.well-known/openid-configuration",
            "https://[2001:db8::1]",
        ),
        (
            "http://localhost:8080/realms/dev/.well-known/openid-configuration",
            "http://localhost:8080/realms/dev",
        ),
        (
            "https://bücher.example/.well-known/oauth-authorization-server/straße",
            "https://bücher.example/straße",
        ),
    ];
    for (url, issuer) in rows {
        assert_eq!(implied(url).issuer, *issuer, "{url}");
    }
}

#[test]
fn reverse_refuses_what_is_not_a_metadata_url() {
    let rows: &[(&str, UrlProblem)] = &[
        ("https://example.com", UrlProblem::NoWellKnownSegment),
        ("https://example.com/", UrlProblem::NoWellKnownSegment),
        (
            "https://example.com/issuer1",
            UrlProblem::NoWellKnownSegment,
        ),
        (
            "https://example.com/well-known/openid-configuration",
            UrlProblem::NoWellKnownSegment,
        ),
        (
            "https://example.com/.Well-Known/openid-configuration",
            UrlProblem::NoWellKnownSegment,
        ),
        ("https://example.com/.well-known", UrlProblem::MissingSuffix),
        (
            "https://example.com/.well-known/",
            UrlProblem::MissingSuffix,
        ),
        (
            "https://example.com/.well-known//x",
            UrlProblem::MissingSuffix,
        ),
        (
            "https://example.com/a/.well-known",
            UrlProblem::MissingSuffix,
        ),
        (
            "https://example.com/a/.well-known/openid-configuration/b",
            UrlProblem::UnrecognizedLayout,
        ),
        (
            "https://example.com/.well-known/oauth-authorization-server/t/.well-known/openid-configuration",
            UrlProblem::MultipleWellKnownSegments,
        ),
        (
            "https://example.com/p//.well-known/openid-configuration",
            UrlProblem::EmptySegmentBeforeWellKnown,
        ),
        (
            "https://example.com//.well-known/openid-configuration",
            UrlProblem::EmptySegmentBeforeWellKnown,
        ),
        (
            "https://example.com/.well-known/openid-configuration?x=1",
            UrlProblem::Query,
        ),
        (
            "https://example.com/.well-known/openid-configuration?",
            UrlProblem::Query,
        ),
        (
            "https://example.com/.well-known/openid-configuration#",
            UrlProblem::Fragment,
        ),
        (
            "https://login.microsoftonline.com/{tenantid}/v2.0/.well-known/openid-configuration",
            UrlProblem::Template,
        ),
        (
            "https://u:p@example.com/.well-known/openid-configuration",
            UrlProblem::Userinfo,
        ),
        (
            "https://example.com/a/../.well-known/openid-configuration",
            UrlProblem::DotSegment,
        ),
        (
            "example.com/.well-known/openid-configuration",
            UrlProblem::NotAbsolute,
        ),
        ("", UrlProblem::NotAbsolute),
        ("/.well-known/openid-configuration", UrlProblem::NotAbsolute),
        ("urn:x:y", UrlProblem::NoHost),
        ("https://", UrlProblem::NoHost),
    ];
    for (url, expected) in rows {
        assert_eq!(reverse_problem(url), *expected, "{url:?}");
        let message = issuer_from_metadata_url(url).unwrap_err().to_string();
        assert!(message.contains(&format!("\"{url}\"")), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// Round trip over generated issuers.

#[test]
fn round_trip_over_generated_issuers() {
    let origins = [
        "https://example.com",
        "https://EXAMPLE.com",
        "https://example.com:8443",
        "https://127.0.0.1:9443",
        "http://localhost:8080",
        "https://[::1]:8443",
        "https://[2001:db8::1]",
        "https://bücher.example",
        "HTTPS://a.b.c.example",
    ];
    let segments = [
        "issuer1",
        "a%20b",
        "v2.0",
        "~user",
        "..a",
        "straße",
        "well-known",
        "openid-configuration",
        "oauth-authorization-server",
        "",
    ];
    let suffixes = [OPENID_CONFIGURATION, OAUTH_AUTHORIZATION_SERVER];

    let mut paths = vec![String::new()];
    let mut frontier = vec![String::new()];
    for _depth in 0..3 {
        let mut next = Vec::new();
        for path in &frontier {
            for segment in segments {
                next.push(format!("{path}/{segment}"));
            }
        }
        paths.extend(next.iter().cloned());
        frontier = next;
    }

    let mut checked = 0_usize;
    for origin in origins {
        for path in &paths {
            for trailing in ["", "/"] {
                let issuer = format!("{origin}{path}{trailing}");
                let Ok(oidc) = openid_configuration_url(&issuer) else {
                    // Only issuers ending in `//` are refused among these.
                    assert!(issuer.ends_with("//"), "{issuer} should build");
                    continue;
                };
                let expected = issuer.strip_suffix('/').unwrap_or(&issuer);

                let back = implied(&oidc);
                assert_eq!(back.issuer, expected, "{issuer} -> {oidc}");
                assert_eq!(back.suffix, OPENID_CONFIGURATION);
                assert_eq!(back.style, WellKnownStyle::Appended, "{oidc}");

                for suffix in suffixes {
                    let inserted = rfc8414_url(&issuer, suffix).unwrap();
                    let back = implied(&inserted);
                    assert_eq!(back.issuer, expected, "{issuer} -> {inserted}");
                    assert_eq!(back.suffix, suffix);
                    let has_path = !expected.ends_with(origin);
                    let style = if has_path || suffix != OPENID_CONFIGURATION {
                        WellKnownStyle::Inserted
                    } else {
                        WellKnownStyle::Appended
                    };
                    assert_eq!(back.style, style, "{inserted}");
                    if !has_path {
                        assert_eq!(rfc8414_url(&issuer, OPENID_CONFIGURATION).unwrap(), oidc);
                    }
                }

                // The issuer returned by the reverse builds the same URLs again.
                assert_eq!(
                    well_known_urls(expected).unwrap(),
                    well_known_urls(&issuer).unwrap()
                );
                checked += 1;
            }
        }
    }
    // 9 origins x (1 + 10 + 100 + 1000) paths x 2, less the ones ending in `//`.
    assert!(checked > 10_000, "only {checked} issuers checked");
}

// ---------------------------------------------------------------------------------------------
// JSON contract and Display.

#[test]
fn well_known_urls_serializes_with_the_cli_field_names() {
    let urls = well_known_urls("https://example.com/issuer1").unwrap();
    // Exactly these keys, in this order (the CLI's JSON output).
    assert_eq!(
        serde_json::to_string(&urls).unwrap(),
        "{\"openid_configuration\":\"https://example.com/issuer1/.well-known/openid-configuration\",\
         \"oauth_authorization_server\":\"https://example.com/.well-known/oauth-authorization-server/issuer1\",\
         \"oauth_protected_resource\":\"https://example.com/.well-known/oauth-protected-resource/issuer1\"}"
    );
}

#[test]
fn implied_issuer_serializes_with_snake_case_style() {
    let json = serde_json::to_value(implied(
        "https://example.com/issuer1/.well-known/openid-configuration",
    ))
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "issuer": "https://example.com/issuer1",
            "style": "appended",
            "suffix": "openid-configuration",
        })
    );
    assert_eq!(WellKnownStyle::Inserted.to_string(), "inserted");
    assert_eq!(WellKnownStyle::Appended.as_str(), "appended");
}

// ---------------------------------------------------------------------------------------------
// The list of locations.

#[test]
fn locations_come_in_the_order_clients_try_them() {
    use LocationStyle::{
        OAuthAuthorizationServer, OpenIdConfiguration, OpenIdConfigurationInserted,
    };
    let cases: &[(&str, &[(&str, LocationStyle)])] = &[
        (
            "https://example.com",
            &[
                (
                    "https://example.com/.well-known/oauth-authorization-server",
                    OAuthAuthorizationServer,
                ),
                (
                    "https://example.com/.well-known/openid-configuration",
                    OpenIdConfiguration,
                ),
            ],
        ),
        (
            "https://example.com/",
            &[
                (
                    "https://example.com/.well-known/oauth-authorization-server",
                    OAuthAuthorizationServer,
                ),
                (
                    "https://example.com/.well-known/openid-configuration",
                    OpenIdConfiguration,
                ),
            ],
        ),
        (
            "https://example.com:8443/a/b/",
            &[
                (
                    "https://example.com:8443/.well-known/oauth-authorization-server/a/b",
                    OAuthAuthorizationServer,
                ),
                (
                    "https://example.com:8443/.well-known/openid-configuration/a/b",
                    OpenIdConfigurationInserted,
                ),
                (
                    "https://example.com:8443/a/b/.well-known/openid-configuration",
                    OpenIdConfiguration,
                ),
            ],
        ),
        // Spelled as given, never normalized; the scheme is not judged.
        (
            "http://EXAMPLE.com/caf%C3%A9",
            &[
                (
                    "http://EXAMPLE.com/.well-known/oauth-authorization-server/caf%C3%A9",
                    OAuthAuthorizationServer,
                ),
                (
                    "http://EXAMPLE.com/.well-known/openid-configuration/caf%C3%A9",
                    OpenIdConfigurationInserted,
                ),
                (
                    "http://EXAMPLE.com/caf%C3%A9/.well-known/openid-configuration",
                    OpenIdConfiguration,
                ),
            ],
        ),
    ];
    for (issuer, expected) in cases {
        let listed = locations(issuer).unwrap();
        let got: Vec<(&str, LocationStyle)> = listed
            .iter()
            .map(|location| (location.url(), location.style()))
            .collect();
        assert_eq!(got, *expected, "{issuer}");
        for location in &listed {
            let origin_end = location.url().len() - location.path().len();
            assert!(location.path().starts_with('/'), "{}", location.url());
            assert_eq!(&location.url()[origin_end..], location.path());
            assert_eq!(
                location.url()[..origin_end].matches('/').count(),
                2,
                "the path starts after the authority: {}",
                location.url()
            );
        }
    }
}

#[test]
fn location_styles_name_their_suffix_placement_and_spec() {
    let rows = [
        (
            LocationStyle::OAuthAuthorizationServer,
            OAUTH_AUTHORIZATION_SERVER,
            WellKnownStyle::Inserted,
            "RFC 8414 §3",
            "oauth-authorization-server",
        ),
        (
            LocationStyle::OpenIdConfigurationInserted,
            OPENID_CONFIGURATION,
            WellKnownStyle::Inserted,
            "RFC 8414 §5",
            "openid-configuration-inserted",
        ),
        (
            LocationStyle::OpenIdConfiguration,
            OPENID_CONFIGURATION,
            WellKnownStyle::Appended,
            "OpenID Connect Discovery 1.0 §4",
            "openid-configuration",
        ),
        (
            LocationStyle::OAuthProtectedResource,
            OAUTH_PROTECTED_RESOURCE,
            WellKnownStyle::Inserted,
            "RFC 9728 §3.1",
            "oauth-protected-resource",
        ),
    ];
    assert_eq!(
        LocationStyle::ALL.to_vec(),
        rows.iter().map(|row| row.0).collect::<Vec<_>>()
    );
    // ALL is the issuer's styles, then the resource identifier's.
    assert_eq!(
        [LocationStyle::ISSUER.as_slice(), &LocationStyle::RESOURCE].concat(),
        LocationStyle::ALL.to_vec()
    );
    for (style, suffix, placement, spec, name) in rows {
        assert_eq!(style.suffix(), suffix);
        assert_eq!(style.placement(), placement);
        assert_eq!(style.spec(), spec);
        assert_eq!(style.to_string(), name);
        assert_eq!(serde_json::to_value(style).unwrap(), name);
    }
}

#[test]
fn locations_refuse_what_the_builders_refuse() {
    for issuer in [
        "",
        "example.com",
        "https://example.com/?q",
        "https://login.microsoftonline.com/{tenantid}/v2.0",
        "https://example.com/a//",
        "https://example.com/.well-known/openid-configuration",
    ] {
        assert_eq!(
            locations(issuer).unwrap_err(),
            openid_configuration_url(issuer).unwrap_err(),
            "{issuer}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// What can be an issuer: `well_known_urls` judges the scheme and names the rule.

#[test]
fn only_https_and_loopback_http_issuers_have_well_known_urls() {
    for issuer in [
        "https://example.com",
        "HTTPS://example.com/a",
        "http://localhost",
        "http://LOCALHOST:8080/realm/",
        "http://127.0.0.1:3000",
        "http://127.8.9.10/x",
        "http://[::1]:8080",
    ] {
        let urls = well_known_urls(issuer).unwrap_or_else(|error| panic!("{issuer}: {error}"));
        assert_eq!(
            urls.openid_configuration,
            openid_configuration_url(issuer).unwrap()
        );
        assert_eq!(
            urls.oauth_authorization_server,
            oauth_authorization_server_url(issuer).unwrap()
        );
    }
    for (issuer, scheme) in [
        ("ftp://example.com", "ftp"),
        ("http://example.com", "http"),
        ("http://localhost.example.com", "http"),
        ("http://128.0.0.1", "http"),
        ("http://[::2]", "http"),
        ("HTTP://example.com", "HTTP"),
        ("wss://example.com/a", "wss"),
        ("file://host/a", "file"),
    ] {
        let error = well_known_urls(issuer).unwrap_err();
        assert_eq!(
            error,
            WellKnownError::InvalidIssuer {
                issuer: issuer.to_owned(),
                problem: UrlProblem::InsecureScheme {
                    scheme: scheme.to_owned()
                },
            },
            "{issuer}"
        );
        assert_eq!(
            error.rule().map(|rule| rule.id),
            Some("issuer-https"),
            "{issuer}"
        );
        let message = error.to_string();
        assert!(message.contains(&format!("\"{issuer}\"")), "{message}");
        assert!(message.contains("https"), "{message}");
        // The builders do not judge the scheme.
        assert!(locations(issuer).is_ok(), "{issuer}");
    }
}

#[test]
fn every_refused_issuer_names_its_rule() {
    let cases = [
        ("", "issuer-not-url"),
        ("example.com", "issuer-not-url"),
        ("https://", "issuer-not-url"),
        ("https://exa mple.com", "issuer-not-url"),
        ("https://example.com:99999", "issuer-not-url"),
        (
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            "issuer-template",
        ),
        ("https://example.com/?q", "issuer-query-fragment"),
        ("https://example.com#", "issuer-query-fragment"),
        ("https://user@example.com", "issuer-well-known"),
        ("https://example.com/a//", "issuer-well-known"),
        ("https://example.com/a/../b", "issuer-well-known"),
        (
            "https://example.com/.well-known/openid-configuration",
            "issuer-well-known",
        ),
        ("ftp://example.com", "issuer-https"),
    ];
    for (issuer, rule) in cases {
        let error = well_known_urls(issuer).unwrap_err();
        assert_eq!(
            error.rule().map(|rule| rule.id),
            Some(rule),
            "{issuer}: {error}"
        );
        let problem = error.problem().unwrap();
        assert_eq!(problem.rule, rule);
        assert_eq!(problem.severity, oidc_discovery_validate::Severity::Error);
        assert_eq!(problem.message, error.to_string());
        // The rule's citation, without the RFC 9728 section it adds for a protected resource's
        // `authorization_servers`: an issuer refused here is a provider's.
        let spec = error.rule().unwrap().spec;
        assert!(spec.starts_with(problem.spec), "{spec} / {}", problem.spec);
        assert!(!problem.spec.contains("RFC 9728"), "{}", problem.spec);
        // Each of these rules is an error under every profile.
        for profile in [
            oidc_discovery_validate::Profile::OAuth,
            oidc_discovery_validate::Profile::Oidc,
            oidc_discovery_validate::Profile::Fapi2,
        ] {
            assert_eq!(
                error.rule().unwrap().severity(profile),
                Some(oidc_discovery_validate::Severity::Error),
                "{rule} under {profile}"
            );
        }
    }
    // Refusals of what is not an issuer name no issuer rule.
    assert_eq!(
        rfc8414_url("https://example.com", "a/b")
            .unwrap_err()
            .rule(),
        None
    );
    assert_eq!(
        issuer_from_metadata_url("https://example.com/x")
            .unwrap_err()
            .rule(),
        None
    );
}

/// The rule named for a refused issuer is the error `check` reports for a document with that
/// issuer (under `oidc`, the CLI's default profile).
#[test]
fn the_rule_named_is_the_one_check_reports() {
    use oidc_discovery_metadata::ProviderMetadata;
    use oidc_discovery_validate::{Options, Profile, Severity, check};
    for issuer in [
        "ftp://example.com",
        "http://example.com",
        "example.com",
        "https://login.microsoftonline.com/{tenantid}/v2.0",
        "https://example.com/?q",
        "https://user@example.com",
        "https://example.com/a//",
        "https://example.com/.well-known/openid-configuration",
    ] {
        let rule = well_known_urls(issuer).unwrap_err().rule().unwrap().id;
        let metadata = ProviderMetadata {
            issuer: Some(oidc_discovery_metadata::Issuer::new(issuer)),
            ..ProviderMetadata::default()
        };
        let report = check(&metadata, Profile::Oidc, &Options::default());
        let errors: Vec<&str> = report
            .with_severity(Severity::Error)
            .filter(|problem| problem.pointer == "/issuer")
            .map(|problem| problem.rule.id)
            .collect();
        assert!(errors.contains(&rule), "{issuer}: {rule} not in {errors:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Protected resources (RFC 9728 §3, §3.1): every example row of the inventory's table.

/// (resource identifier, protected-resource metadata URL)
const RESOURCE_EXAMPLES: &[(&str, &str)] = &[
    (
        "https://resource.example.com",
        "https://resource.example.com/.well-known/oauth-protected-resource",
    ),
    (
        "https://resource.example.com/",
        "https://resource.example.com/.well-known/oauth-protected-resource",
    ),
    (
        "https://resource.example.com/resource1",
        "https://resource.example.com/.well-known/oauth-protected-resource/resource1",
    ),
    (
        "https://resource.example.com/resource1/",
        "https://resource.example.com/.well-known/oauth-protected-resource/resource1",
    ),
    (
        "https://mcp.example.com/mcp",
        "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
    ),
    (
        "https://example.com/public/mcp",
        "https://example.com/.well-known/oauth-protected-resource/public/mcp",
    ),
    (
        "https://mcp.example.com:8443/a/b",
        "https://mcp.example.com:8443/.well-known/oauth-protected-resource/a/b",
    ),
    (
        "https://api.example.com/v1?tenant=7",
        "https://api.example.com/.well-known/oauth-protected-resource/v1?tenant=7",
    ),
    (
        "https://api.example.com/?tenant=7",
        "https://api.example.com/.well-known/oauth-protected-resource?tenant=7",
    ),
    (
        "https://api.example.com?tenant=7",
        "https://api.example.com/.well-known/oauth-protected-resource?tenant=7",
    ),
    (
        "https://mcp.linear.app/mcp/readonly",
        "https://mcp.linear.app/.well-known/oauth-protected-resource/mcp/readonly",
    ),
];

/// The identifier with the one terminating `/` of its path removed (before any query).
fn without_trailing_slash(resource: &str) -> String {
    let (before, query) = match resource.split_once('?') {
        Some((before, query)) => (before, format!("?{query}")),
        None => (resource, String::new()),
    };
    format!("{}{query}", before.strip_suffix('/').unwrap_or(before))
}

#[test]
fn resource_inventory_examples_build_their_url() {
    for (resource, url) in RESOURCE_EXAMPLES {
        assert_eq!(
            oauth_protected_resource_url(resource).unwrap(),
            *url,
            "{resource}"
        );
        let listed = resource_locations(resource).unwrap();
        assert_eq!(listed.len(), 1, "{resource}");
        assert_eq!(listed[0].url(), *url, "{resource}");
        assert_eq!(listed[0].style(), LocationStyle::OAuthProtectedResource);
    }
}

#[test]
fn resource_inventory_examples_reverse() {
    for (resource, url) in RESOURCE_EXAMPLES {
        let implied = resource_from_metadata_url(url).unwrap();
        assert_eq!(implied.resource, without_trailing_slash(resource), "{url}");
        assert!(implied.is_built_by(resource), "{url} from {resource}");
        assert_eq!(implied.suffix, OAUTH_PROTECTED_RESOURCE);
        assert_eq!(implied.style(), Some(LocationStyle::OAuthProtectedResource));
        // Both spellings build the URL again.
        for spelling in [&implied.resource, &implied.with_trailing_slash] {
            assert_eq!(oauth_protected_resource_url(spelling).unwrap(), *url);
        }
    }
}

#[test]
fn resource_locations_route_on_the_path_and_carry_the_query() {
    // (identifier, path, query)
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "https://resource.example.com",
            "/.well-known/oauth-protected-resource",
            None,
        ),
        (
            "https://api.example.com/v1?tenant=7",
            "/.well-known/oauth-protected-resource/v1",
            Some("tenant=7"),
        ),
        (
            "https://api.example.com?tenant=7&x=%2F/a?b",
            "/.well-known/oauth-protected-resource",
            Some("tenant=7&x=%2F/a?b"),
        ),
        (
            "https://api.example.com/a/?",
            "/.well-known/oauth-protected-resource/a",
            Some(""),
        ),
        (
            "http://[::1]:8080/A%20b/?Q=%7Bx%7D",
            "/.well-known/oauth-protected-resource/A%20b",
            Some("Q=%7Bx%7D"),
        ),
    ];
    for (resource, path, query) in rows {
        let location = &resource_locations(resource).unwrap()[0];
        assert_eq!(location.path(), *path, "{resource}");
        assert_eq!(location.query(), *query, "{resource}");
        let origin_end = location.url().find(path).unwrap();
        let rebuilt = format!(
            "{}{}{}",
            &location.url()[..origin_end],
            location.path(),
            location
                .query()
                .map(|q| format!("?{q}"))
                .unwrap_or_default()
        );
        assert_eq!(rebuilt, location.url());
    }
    // An issuer's locations have no query.
    for location in locations("https://example.com/a").unwrap() {
        assert_eq!(location.query(), None, "{}", location.url());
    }
}

#[test]
fn issuer_locations_never_list_the_protected_resource_location() {
    for identifier in ["https://example.com", "https://example.com/a/b/"] {
        let issuer = locations(identifier).unwrap();
        assert!(
            issuer
                .iter()
                .all(|location| LocationStyle::ISSUER.contains(&location.style())),
            "{identifier}"
        );
        let resource = resource_locations(identifier).unwrap();
        for location in &resource {
            assert!(LocationStyle::RESOURCE.contains(&location.style()));
            assert!(
                issuer.iter().all(|other| other.path() != location.path()),
                "{} shared",
                location.path()
            );
        }
        assert_eq!(
            well_known_urls(identifier)
                .unwrap()
                .oauth_protected_resource,
            resource[0].url()
        );
    }
}

#[test]
fn resource_builders_do_not_judge_the_scheme() {
    for (resource, url) in [
        (
            "http://localhost:8080/mcp",
            "http://localhost:8080/.well-known/oauth-protected-resource/mcp",
        ),
        (
            "http://example.com",
            "http://example.com/.well-known/oauth-protected-resource",
        ),
    ] {
        assert_eq!(oauth_protected_resource_url(resource).unwrap(), url);
    }
}

/// The problem a refused resource identifier is refused for, the inventory rule and the
/// registry rule named, checking what every refusal shares: the same error from every builder,
/// the input quoted, an error under the `resource` profile where a registry rule is named.
fn resource_problem(resource: &str) -> (UrlProblem, &'static str, Option<&'static str>) {
    let error = oauth_protected_resource_url(resource).unwrap_err();
    assert_eq!(resource_locations(resource).unwrap_err(), error);
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("resource identifier \"{resource}\" ")),
        "{message}"
    );
    assert!(!message.contains("issuer"), "{message}");
    let inventory = error
        .inventory()
        .expect("a resource refusal names its rule");
    let rule = error.rule();
    match error.problem() {
        Some(problem) => {
            assert_eq!(Some(&problem.rule.id), rule.map(|rule| &rule.id));
            assert_eq!(problem.severity, Severity::Error);
            assert_eq!(problem.message, message);
            assert_eq!(
                problem.rule.severity(Profile::Resource),
                Some(Severity::Error)
            );
        }
        None => assert!(rule.is_none()),
    }
    if let Some(rule) = rule {
        assert!(rule.inventory.contains(&inventory), "{rule}: {inventory}");
    }
    match error {
        WellKnownError::InvalidResource {
            resource: quoted,
            problem,
        } => {
            assert_eq!(quoted, resource);
            (problem, inventory, rule.map(|rule| rule.id))
        }
        other => panic!("{resource:?}: unexpected {other:?}"),
    }
}

#[test]
fn unusable_resource_identifiers_name_their_rule() {
    const NOT_URL: Option<&str> = Some("resource-not-url");
    const FRAGMENT: Option<&str> = Some("resource-fragment");
    // (identifier, problem, inventory rule, registry rule)
    let rows: &[(&str, UrlProblem, &str, Option<&str>)] = &[
        // PR-RES-3: no fragment, even an empty one, also after a query.
        (
            "https://mcp.example.com/mcp#x",
            UrlProblem::Fragment,
            "PR-RES-3",
            FRAGMENT,
        ),
        (
            "https://mcp.example.com/mcp#",
            UrlProblem::Fragment,
            "PR-RES-3",
            FRAGMENT,
        ),
        (
            "https://mcp.example.com#",
            UrlProblem::Fragment,
            "PR-RES-3",
            FRAGMENT,
        ),
        (
            "https://api.example.com/v1?t=7#",
            UrlProblem::Fragment,
            "PR-RES-3",
            FRAGMENT,
        ),
        (
            "https://api.example.com?#x",
            UrlProblem::Fragment,
            "PR-RES-3",
            FRAGMENT,
        ),
        // PR-RES-2: an absolute URL with a host, without `{` `}` (a template).
        (
            "mcp.example.com",
            UrlProblem::NotAbsolute,
            "PR-RES-2",
            NOT_URL,
        ),
        ("", UrlProblem::NotAbsolute, "PR-RES-2", NOT_URL),
        ("/mcp?x", UrlProblem::NotAbsolute, "PR-RES-2", NOT_URL),
        ("https://", UrlProblem::NoHost, "PR-RES-2", NOT_URL),
        ("https://?tenant=7", UrlProblem::NoHost, "PR-RES-2", NOT_URL),
        ("urn:x:y", UrlProblem::NoHost, "PR-RES-2", NOT_URL),
        (
            "https://mcp.example.com/a b",
            UrlProblem::InvalidCharacter {
                character: ' ',
                index: 25,
            },
            "PR-RES-2",
            NOT_URL,
        ),
        (
            "https://mcp.example.com/a?q= b",
            UrlProblem::InvalidCharacter {
                character: ' ',
                index: 28,
            },
            "PR-RES-2",
            NOT_URL,
        ),
        (
            "https://{tenant}.example.com/mcp",
            UrlProblem::Template,
            "PR-RES-2",
            NOT_URL,
        ),
        (
            "https://mcp.example.com/{tenant}?x",
            UrlProblem::Template,
            "PR-RES-2",
            NOT_URL,
        ),
        (
            "https://mcp.example.com/mcp?t={tenant}",
            UrlProblem::Template,
            "PR-RES-2",
            NOT_URL,
        ),
        // PR-RES-5: userinfo (only a warning as such: no error rule names it).
        (
            "https://u:p@mcp.example.com/mcp",
            UrlProblem::Userinfo,
            "PR-RES-5",
            None,
        ),
        // PR-WK-7: what the construction leaves undefined or URL parsers rewrite.
        (
            "https://mcp.example.com//",
            UrlProblem::DoubleTrailingSlash,
            "PR-WK-7",
            None,
        ),
        (
            "https://mcp.example.com/a//?q",
            UrlProblem::DoubleTrailingSlash,
            "PR-WK-7",
            None,
        ),
        (
            "https://mcp.example.com/a/../b",
            UrlProblem::DotSegment,
            "PR-WK-7",
            None,
        ),
        (
            "https://mcp.example.com/./b?q",
            UrlProblem::DotSegment,
            "PR-WK-7",
            None,
        ),
        (
            "https://mcp.example.com/.well-known/oauth-protected-resource",
            UrlProblem::WellKnownSegment,
            "PR-WK-7",
            None,
        ),
    ];
    for (resource, expected, inventory, rule) in rows {
        assert_eq!(
            resource_problem(resource),
            (expected.clone(), *inventory, *rule),
            "{resource:?}"
        );
    }
    assert!(matches!(
        resource_problem("https://a.example:99999/mcp?q"),
        (UrlProblem::Unparsable(_), "PR-RES-2", NOT_URL)
    ));
}

#[test]
fn resource_fragment_message_cites_rfc_9728() {
    let message = oauth_protected_resource_url("https://mcp.example.com/mcp#x")
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "resource identifier \"https://mcp.example.com/mcp#x\" has a fragment component (an \
         empty `#` counts); a resource identifier has none (RFC 9728 §1.2, RFC 8707 §2)"
    );
}

#[test]
fn a_query_is_a_resource_identifiers_not_an_issuers() {
    let resource = "https://api.example.com/v1?tenant=7";
    assert!(oauth_protected_resource_url(resource).is_ok());
    for refused in [
        openid_configuration_url(resource),
        oauth_authorization_server_url(resource),
        well_known_urls(resource).map(|urls| urls.oauth_protected_resource),
    ] {
        let error = refused.unwrap_err();
        assert!(
            matches!(
                error,
                WellKnownError::InvalidIssuer {
                    problem: UrlProblem::Query,
                    ..
                }
            ),
            "{error}"
        );
        assert_eq!(error.inventory(), None);
    }
}

fn implied_resource(url: &str) -> ImpliedResource {
    resource_from_metadata_url(url).unwrap_or_else(|error| panic!("{url}: {error}"))
}

#[test]
fn resource_reverse_implies_the_spelling_without_the_slash() {
    // (URL, implied resource, the other spelling)
    let rows: &[(&str, &str, &str)] = &[
        (
            "https://h.example/.well-known/oauth-protected-resource",
            "https://h.example",
            "https://h.example/",
        ),
        // One trailing slash of the URL is ignored, as for issuers.
        (
            "https://h.example/.well-known/oauth-protected-resource/",
            "https://h.example",
            "https://h.example/",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource/mcp/",
            "https://h.example/mcp",
            "https://h.example/mcp/",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource?tenant=7",
            "https://h.example?tenant=7",
            "https://h.example/?tenant=7",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource/?",
            "https://h.example?",
            "https://h.example/?",
        ),
        // Spelling kept.
        (
            "HTTPS://H.example:443/.well-known/oauth-protected-resource/A%20b?Q=%7E",
            "HTTPS://H.example:443/A%20b?Q=%7E",
            "HTTPS://H.example:443/A%20b/?Q=%7E",
        ),
        (
            "https://[::1]:8443/.well-known/oauth-protected-resource/a//b",
            "https://[::1]:8443/a//b",
            "https://[::1]:8443/a//b/",
        ),
    ];
    for (url, resource, other) in rows {
        let implied = implied_resource(url);
        assert_eq!(implied.resource, *resource, "{url}");
        assert_eq!(implied.with_trailing_slash, *other, "{url}");
        assert!(implied.is_built_by(resource) && implied.is_built_by(other));
        assert!(!implied.is_built_by(&format!("{resource}x")));
    }
}

#[test]
fn resource_reverse_recognizes_any_suffix() {
    let implied = implied_resource("https://h.example/.well-known/example-resource/a?b");
    assert_eq!(
        implied,
        ImpliedResource {
            resource: "https://h.example/a?b".to_owned(),
            with_trailing_slash: "https://h.example/a/?b".to_owned(),
            suffix: "example-resource".to_owned(),
        }
    );
    assert_eq!(implied.style(), None);
    assert_eq!(
        serde_json::to_value(&implied).unwrap(),
        serde_json::json!({
            "resource": "https://h.example/a?b",
            "with_trailing_slash": "https://h.example/a/?b",
            "suffix": "example-resource",
        })
    );
}

#[test]
fn resource_reverse_refuses_what_is_not_a_protected_resource_metadata_url() {
    let rows: &[(&str, UrlProblem, &str)] = &[
        (
            "https://h.example/mcp",
            UrlProblem::NoWellKnownSegment,
            "PR-WK-1",
        ),
        (
            "https://h.example?q",
            UrlProblem::NoWellKnownSegment,
            "PR-WK-1",
        ),
        (
            "https://h.example/.well-known/",
            UrlProblem::MissingSuffix,
            "PR-WK-1",
        ),
        (
            "https://h.example/.well-known?q",
            UrlProblem::MissingSuffix,
            "PR-WK-1",
        ),
        // The appended form is not RFC 9728's.
        (
            "https://h.example/mcp/.well-known/oauth-protected-resource",
            UrlProblem::UnrecognizedLayout,
            "PR-WK-1",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource/a/.well-known/x",
            UrlProblem::MultipleWellKnownSegments,
            "PR-WK-1",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource/mcp#",
            UrlProblem::Fragment,
            "PR-RES-3",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource?q#x",
            UrlProblem::Fragment,
            "PR-RES-3",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource//",
            UrlProblem::DoubleTrailingSlash,
            "PR-WK-7",
        ),
        (
            "https://h.example/.well-known/oauth-protected-resource/a/..",
            UrlProblem::DotSegment,
            "PR-WK-7",
        ),
        (
            "https://u@h.example/.well-known/oauth-protected-resource",
            UrlProblem::Userinfo,
            "PR-RES-5",
        ),
        (
            "/.well-known/oauth-protected-resource",
            UrlProblem::NotAbsolute,
            "PR-RES-2",
        ),
        ("", UrlProblem::NotAbsolute, "PR-RES-2"),
    ];
    for (url, expected, inventory) in rows {
        let error = resource_from_metadata_url(url).unwrap_err();
        assert_eq!(error.inventory(), Some(*inventory), "{url}");
        assert_eq!(error.rule(), None, "{url}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("protected-resource metadata URL \"{url}\" ")),
            "{message}"
        );
        assert_eq!(
            error,
            WellKnownError::InvalidResourceMetadataUrl {
                url: (*url).to_owned(),
                problem: expected.clone(),
            },
            "{url}"
        );
    }
}

#[test]
fn resource_functions_never_panic_on_nasty_inputs() {
    for input in [
        "",
        "?",
        "#",
        "?#",
        "https://?",
        "https://a?",
        "https://a/?#",
        "https://a/.well-known?",
        "https://a/.well-known/x?",
        "https://a/.well-known/x/?",
        "https://a/.well-known/x//?",
        "https://[?",
        "https://a:?",
        "https://a/?ä",
        "https://a/?\u{0}",
        "https://🦀/?🦀",
        "https://a/.well-known/🦀/?🦀",
        "x://y?",
        "data:,?",
    ] {
        let built = oauth_protected_resource_url(input);
        assert_eq!(
            resource_locations(input).map(|listed| listed[0].url().to_owned()),
            built
        );
        if let Ok(url) = built {
            let implied = resource_from_metadata_url(&url).unwrap();
            assert!(implied.is_built_by(input), "{input} -> {url}");
        }
        let _ = resource_from_metadata_url(input);
    }
}

/// The registry rule named for a refused resource identifier is the error `check` reports for
/// that identifier in an authorization server's `protected_resources` (RFC 9728 §4).
#[test]
fn the_resource_rule_named_is_the_one_check_reports() {
    for resource in [
        "mcp.example.com",
        "https://mcp.example.com/mcp#x",
        "https://mcp.example.com/mcp?t=7#",
        "https://{tenant}.example.com/mcp",
        "https://mcp.example.com/mcp?t={tenant}",
    ] {
        let rule = oauth_protected_resource_url(resource)
            .unwrap_err()
            .rule()
            .unwrap_or_else(|| panic!("{resource}: no rule"))
            .id;
        let document = serde_json::json!({
            "issuer": "https://as.example.com",
            "protected_resources": [resource],
        })
        .to_string();
        let report = oidc_discovery_validate::validate_json(
            document.as_bytes(),
            Profile::OAuth,
            &oidc_discovery_validate::Options::default(),
        )
        .report;
        let errors: Vec<&str> = report
            .with_severity(Severity::Error)
            .filter(|problem| problem.pointer == "/protected_resources/0")
            .map(|problem| problem.rule.id)
            .collect();
        assert!(
            errors.contains(&rule),
            "{resource}: {rule} not in {errors:?}"
        );
    }
}
