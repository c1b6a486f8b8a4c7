//! Tests for `oidc_discovery_validate::issuer`: exact comparison by default, the two opt-in
//! relaxations alone and combined, the hints of a mismatch, and inputs that must not panic.

use oidc_discovery_validate::issuer::{
    IssuerMatch, IssuerMatchOptions, IssuerMismatch, MismatchHint, Relaxation, TENANT_PLACEHOLDER,
    match_issuer,
};

const GUID: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";
const ENTRA_V2: &str = "https://login.microsoftonline.com/{tenantid}/v2.0";
const ENTRA_V1: &str = "https://sts.windows.net/{tenantid}/";

const EXACT: IssuerMatchOptions = IssuerMatchOptions {
    ignore_trailing_slash: false,
    tenant_template: false,
};
const SLASH: IssuerMatchOptions = IssuerMatchOptions {
    ignore_trailing_slash: true,
    tenant_template: false,
};
const TENANT: IssuerMatchOptions = IssuerMatchOptions {
    ignore_trailing_slash: false,
    tenant_template: true,
};
const BOTH: IssuerMatchOptions = IssuerMatchOptions {
    ignore_trailing_slash: true,
    tenant_template: true,
};
const ALL_OPTIONS: [IssuerMatchOptions; 4] = [EXACT, SLASH, TENANT, BOTH];

fn tenant(value: &str) -> Relaxation {
    Relaxation::TenantTemplate {
        tenant: value.to_owned(),
    }
}

fn slash_and_tenant(value: &str) -> Relaxation {
    Relaxation::TrailingSlashAndTenantTemplate {
        tenant: value.to_owned(),
    }
}

/// Asserts the result, and that any mismatch quotes both strings verbatim.
fn check(
    expected: &str,
    actual: &str,
    options: IssuerMatchOptions,
) -> Result<IssuerMatch, IssuerMismatch> {
    let result = match_issuer(expected, actual, &options);
    if let Err(error) = &result {
        assert_eq!(error.expected, expected);
        assert_eq!(error.actual, actual);
        let message = error.to_string();
        assert!(message.contains(&format!("\"{expected}\"")), "{message}");
        assert!(message.contains(&format!("\"{actual}\"")), "{message}");
    }
    result
}

fn relaxation(expected: &str, actual: &str, options: IssuerMatchOptions) -> Option<Relaxation> {
    check(expected, actual, options)
        .unwrap_or_else(|error| panic!("{options:?}: {error}"))
        .relaxation
}

fn hint(expected: &str, actual: &str, options: IssuerMatchOptions) -> Option<MismatchHint> {
    check(expected, actual, options)
        .expect_err(&format!(
            "{expected:?} vs {actual:?} with {options:?} must not match"
        ))
        .hint
}

fn never_matches(expected: &str, actual: &str) {
    for options in ALL_OPTIONS {
        assert!(
            check(expected, actual, options).is_err(),
            "{expected:?} vs {actual:?} matched with {options:?}"
        );
        assert!(
            check(actual, expected, options).is_err(),
            "{actual:?} vs {expected:?} matched with {options:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Exact.

#[test]
fn default_options_are_exact() {
    assert_eq!(IssuerMatchOptions::default(), EXACT);
}

#[test]
fn identical_issuers_match_exactly_under_every_option() {
    for issuer in [
        "https://example.com",
        "https://example.com/",
        "https://example.com//",
        "https://example.com/issuer1",
        "https://EXAMPLE.com/A%7e",
        "https://bücher.example/straße",
        ENTRA_V2,
        ENTRA_V1,
        "not a url",
        "",
    ] {
        for options in ALL_OPTIONS {
            let matched = check(issuer, issuer, options).unwrap();
            assert!(matched.is_exact(), "{issuer:?}");
            assert_eq!(matched, IssuerMatch { relaxation: None });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Trailing slash.

#[test]
fn trailing_slash_off_is_a_mismatch_with_a_hint() {
    for (expected, actual) in [
        ("https://a.example", "https://a.example/"),
        ("https://a.example/", "https://a.example"),
        ("https://a.example/tenant", "https://a.example/tenant/"),
        ("https://a.example:8443/t/", "https://a.example:8443/t"),
    ] {
        for options in [EXACT, TENANT] {
            let error = check(expected, actual, options).unwrap_err();
            assert_eq!(
                error.hint,
                Some(MismatchHint::WouldMatchWith(Relaxation::TrailingSlash))
            );
            let message = error.to_string();
            assert!(
                message.contains(
                    "differs only by a trailing slash; `--allow-trailing-slash` (library: \
                     `ignore_trailing_slash`) would accept it"
                ),
                "{message}"
            );
        }
    }
}

#[test]
fn trailing_slash_on_matches_either_side() {
    for (expected, actual) in [
        ("https://a.example", "https://a.example/"),
        ("https://a.example/", "https://a.example"),
        ("https://a.example/tenant", "https://a.example/tenant/"),
        ("https://a.example/tenant/", "https://a.example/tenant"),
        ("https://[::1]:8443/a", "https://[::1]:8443/a/"),
        (
            "https://bücher.example/straße/",
            "https://bücher.example/straße",
        ),
        ("http://localhost:8080", "http://localhost:8080/"),
    ] {
        for options in [SLASH, BOTH] {
            assert_eq!(
                relaxation(expected, actual, options),
                Some(Relaxation::TrailingSlash),
                "{expected} vs {actual}"
            );
        }
    }
}

#[test]
fn two_slashes_never_match() {
    never_matches("https://a.example", "https://a.example//");
    never_matches("https://a.example/", "https://a.example//");
    never_matches("https://a.example/t", "https://a.example/t//");
    never_matches("https://a.example/t/", "https://a.example/t//");
    never_matches("https://a.example//", "https://a.example///");
    // No hint either: two slashes are not "a trailing slash".
    assert_eq!(
        hint("https://a.example/", "https://a.example//", EXACT),
        None
    );
}

#[test]
fn trailing_slash_does_not_reach_into_queries_or_missing_hosts() {
    never_matches("https://a.example?x", "https://a.example?x/");
    never_matches("https://a.example#f", "https://a.example#f/");
    never_matches("", "/");
    never_matches("https:", "https:/");
    never_matches("https://", "https:///");
    never_matches("a", "a/");
}

// ---------------------------------------------------------------------------------------------
// Case and percent-encoding: never relaxed.

#[test]
fn case_differences_never_match() {
    for (expected, actual) in [
        ("https://a.example", "https://A.example"),
        ("https://a.example", "https://A.EXAMPLE"),
        ("https://a.example/t", "HTTPS://a.example/t"),
        ("https://a.example:8443/t", "https://A.example:8443/t"),
    ] {
        never_matches(expected, actual);
        for options in ALL_OPTIONS {
            assert_eq!(
                hint(expected, actual, options),
                Some(MismatchHint::AsciiCase),
                "{expected} vs {actual}"
            );
        }
        let message = check(expected, actual, EXACT).unwrap_err().to_string();
        assert!(message.contains("ASCII case"), "{message}");
    }
    // Path case differs: never matches, and no host-case hint.
    never_matches("https://a.example/Tenant", "https://a.example/tenant");
    assert_eq!(
        hint("https://a.example/Tenant", "https://a.example/tenant", BOTH),
        None
    );
    // Host case plus a trailing slash: no match, no hint.
    never_matches("https://a.example", "https://A.example/");
    assert_eq!(hint("https://a.example", "https://A.example/", BOTH), None);
    // Non-ASCII case is not ASCII case.
    never_matches("https://bücher.example", "https://BÜCHER.example");
    assert_eq!(
        hint("https://bücher.example", "https://BÜCHER.example", BOTH),
        None
    );
}

#[test]
fn percent_encoding_differences_never_match() {
    for (expected, actual) in [
        ("https://a.example/%7Euser", "https://a.example/~user"),
        ("https://a.example/%7euser", "https://a.example/%7Euser"),
        ("https://a.example/a%20b", "https://a.example/a b"),
        ("https://a.example/c%2Fd", "https://a.example/c/d"),
        ("https://a.example/stra%C3%9Fe", "https://a.example/straße"),
    ] {
        never_matches(expected, actual);
        assert_eq!(
            hint(expected, actual, EXACT),
            Some(MismatchHint::PercentEncoding),
            "{expected} vs {actual}"
        );
    }
    let message = check(
        "https://a.example/%7Euser",
        "https://a.example/~user",
        EXACT,
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("percent-encoding"), "{message}");
    // Malformed escapes are not decoded.
    never_matches("https://a.example/%zz", "https://a.example/%ZZ");
    never_matches("https://a.example/%+f", "https://a.example/\u{f}");
}

#[test]
fn unicode_is_compared_code_point_by_code_point() {
    // NFC vs NFD.
    never_matches(
        "https://a.example/caf\u{e9}",
        "https://a.example/cafe\u{301}",
    );
    // IDN vs punycode.
    never_matches("https://bücher.example", "https://xn--bcher-kva.example");
    assert!(
        check(
            "https://bücher.example/パス",
            "https://bücher.example/パス",
            EXACT
        )
        .unwrap()
        .is_exact()
    );
    // Full-width solidus is not a slash.
    never_matches("https://a.example", "https://a.example\u{ff0f}");
}

// ---------------------------------------------------------------------------------------------
// Tenant template.

#[test]
fn entra_templates_match_with_the_option() {
    let rows: &[(String, &str, Relaxation)] = &[
        (
            format!("https://login.microsoftonline.com/{GUID}/v2.0"),
            ENTRA_V2,
            tenant(GUID),
        ),
        (
            format!("https://sts.windows.net/{GUID}/"),
            ENTRA_V1,
            tenant(GUID),
        ),
        // Aliases are segments like any other, so they match; the note says they are aliases.
        (
            "https://login.microsoftonline.com/common/v2.0".to_owned(),
            ENTRA_V2,
            tenant("common"),
        ),
        (
            "https://login.microsoftonline.com/organizations/v2.0".to_owned(),
            ENTRA_V2,
            tenant("organizations"),
        ),
        (
            "https://sts.windows.net/common/".to_owned(),
            ENTRA_V1,
            tenant("common"),
        ),
        (
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0".to_owned(),
            ENTRA_V2,
            tenant("contoso.onmicrosoft.com"),
        ),
    ];
    for (expected, actual, wanted) in rows {
        for options in [TENANT, BOTH] {
            assert_eq!(
                relaxation(expected, actual, options).as_ref(),
                Some(wanted),
                "{expected}"
            );
        }
        // Off: mismatch with a hint naming the option.
        let error = check(expected, actual, EXACT).unwrap_err();
        assert_eq!(
            error.hint,
            Some(MismatchHint::WouldMatchWith(wanted.clone()))
        );
        assert!(
            error
                .to_string()
                .contains("`--allow-tenant-template` (library: `tenant_template`) would accept it")
        );
        assert!(check(expected, actual, SLASH).is_err());
    }
}

#[test]
fn relaxation_notes_say_what_was_relaxed() {
    let note = tenant(GUID).to_string();
    assert!(
        note.contains(GUID) && note.contains(TENANT_PLACEHOLDER),
        "{note}"
    );
    assert!(note.contains("tenant_template"), "{note}");
    assert!(!note.contains("alias"), "{note}");

    let note = tenant("common").to_string();
    assert!(note.contains("multi-tenant alias"), "{note}");
    let note = tenant("organizations").to_string();
    assert!(note.contains("multi-tenant alias"), "{note}");

    let note = Relaxation::TrailingSlash.to_string();
    assert!(note.contains("terminating slash"), "{note}");
    assert!(note.contains("ignore_trailing_slash"), "{note}");

    let note = slash_and_tenant(GUID).to_string();
    assert!(note.contains("ignore_trailing_slash") && note.contains("tenant_template"));
    assert!(note.contains(GUID), "{note}");

    assert!(Relaxation::TrailingSlash.trailing_slash());
    assert_eq!(Relaxation::TrailingSlash.tenant(), None);
    assert!(!tenant(GUID).trailing_slash());
    assert_eq!(tenant(GUID).tenant(), Some(GUID));
    assert!(slash_and_tenant("x").trailing_slash());
    assert_eq!(slash_and_tenant("x").tenant(), Some("x"));
}

#[test]
fn template_needs_one_non_empty_segment() {
    for expected in [
        // empty segment
        "https://login.microsoftonline.com//v2.0".to_owned(),
        // two segments
        format!("https://login.microsoftonline.com/{GUID}/extra/v2.0"),
        "https://login.microsoftonline.com/a/b/v2.0".to_owned(),
        // query or fragment characters
        "https://login.microsoftonline.com/a?b/v2.0".to_owned(),
        "https://login.microsoftonline.com/a#b/v2.0".to_owned(),
        // a template is not a tenant
        "https://login.microsoftonline.com/{other}/v2.0".to_owned(),
        // whitespace
        "https://login.microsoftonline.com/a b/v2.0".to_owned(),
        // nothing where the segment should be, or a different shape
        "https://login.microsoftonline.com/v2.0".to_owned(),
        format!("https://login.microsoftonline.com/{GUID}/v1.0"),
        format!("https://login.microsoftonline.com/{GUID}"),
        format!("https://login.microsoft.com/{GUID}/v2.0"),
        "https://login.microsoftonline.com".to_owned(),
        String::new(),
    ] {
        for options in ALL_OPTIONS {
            assert!(
                check(&expected, ENTRA_V2, options).is_err(),
                "{expected:?} with {options:?}"
            );
        }
    }
}

#[test]
fn template_in_expected_only_is_not_a_template() {
    let expected = ENTRA_V2;
    let actual = format!("https://login.microsoftonline.com/{GUID}/v2.0");
    for options in ALL_OPTIONS {
        let error = check(expected, &actual, options).unwrap_err();
        assert_eq!(error.hint, Some(MismatchHint::TemplateInExpected));
    }
    let message = check(expected, &actual, BOTH).unwrap_err().to_string();
    assert!(message.contains("only the document's issuer"), "{message}");
    // Same with v1 and a trailing-slash difference.
    let error = check(ENTRA_V1, &format!("https://sts.windows.net/{GUID}"), BOTH).unwrap_err();
    assert_eq!(error.hint, Some(MismatchHint::TemplateInExpected));
}

#[test]
fn template_token_is_exact_and_must_be_a_whole_path_segment() {
    let expected = format!("https://login.microsoftonline.com/{GUID}/v2.0");
    for document in [
        "https://login.microsoftonline.com/{TenantId}/v2.0",
        "https://login.microsoftonline.com/{tenantID}/v2.0",
        "https://login.microsoftonline.com/{tenant}/v2.0",
        "https://login.microsoftonline.com/tenantid/v2.0",
        "https://login.microsoftonline.com/x{tenantid}/v2.0",
        "https://login.microsoftonline.com/{tenantid}x/v2.0",
    ] {
        never_matches(&expected, document);
    }
    // In the host, the placeholder is not a path segment.
    never_matches("https://contoso.example/a", "https://{tenantid}.example/a");
    never_matches("https://contoso/a", "https://{tenantid}/a");
    // In a query.
    never_matches("https://a.example/?t=x", "https://a.example/?t={tenantid}");
    // Twice: not supported.
    never_matches(
        "https://a.example/x/y",
        "https://a.example/{tenantid}/{tenantid}",
    );
    never_matches(
        "https://a.example/x/x",
        "https://a.example/{tenantid}/{tenantid}",
    );
    // No scheme://host before it.
    never_matches("x/v2.0", "{tenantid}/v2.0");
    never_matches("/x", "/{tenantid}");
}

#[test]
fn template_with_other_characters_in_the_tenant() {
    // Unicode, percent-encoded and dotted tenants are single segments.
    for tenant_value in ["ä-tenant", "a%2Fb", "contoso.com", "~x", "1"] {
        let expected = format!("https://login.microsoftonline.com/{tenant_value}/v2.0");
        assert_eq!(
            relaxation(&expected, ENTRA_V2, TENANT),
            Some(tenant(tenant_value))
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Combined.

#[test]
fn combined_relaxations() {
    let rows: &[(String, &str)] = &[
        (format!("https://sts.windows.net/{GUID}"), ENTRA_V1),
        (
            format!("https://login.microsoftonline.com/{GUID}/v2.0/"),
            ENTRA_V2,
        ),
        (
            format!("https://sts.windows.net/{GUID}/"),
            "https://sts.windows.net/{tenantid}",
        ),
        (
            "https://sts.windows.net/common".to_owned(),
            "https://sts.windows.net/{tenantid}/",
        ),
    ];
    for (expected, actual) in rows {
        let tenant_value = if expected.contains("common") {
            "common"
        } else {
            GUID
        };
        assert_eq!(
            relaxation(expected, actual, BOTH),
            Some(slash_and_tenant(tenant_value)),
            "{expected} vs {actual}"
        );
        // Either option alone is not enough; the hint names both.
        for options in [EXACT, SLASH, TENANT] {
            let error = check(expected, actual, options).unwrap_err();
            assert_eq!(
                error.hint,
                Some(MismatchHint::WouldMatchWith(slash_and_tenant(tenant_value)))
            );
            let message = error.to_string();
            assert!(
                message.contains(
                    "`--allow-trailing-slash` with `--allow-tenant-template` (library: \
                     `ignore_trailing_slash` with `tenant_template`)"
                ),
                "{message}"
            );
        }
    }
}

#[test]
fn combined_relaxations_still_refuse_two_slashes() {
    never_matches(
        &format!("https://sts.windows.net/{GUID}"),
        "https://sts.windows.net/{tenantid}//",
    );
    never_matches(
        &format!("https://sts.windows.net/{GUID}//"),
        "https://sts.windows.net/{tenantid}",
    );
    never_matches(&format!("https://sts.windows.net/{GUID}//"), ENTRA_V1);
    never_matches(
        &format!("https://login.microsoftonline.com/{GUID}/v2.0//"),
        ENTRA_V2,
    );
    // Trailing slash and a case difference: no.
    never_matches(&format!("https://STS.windows.net/{GUID}"), ENTRA_V1);
}

// ---------------------------------------------------------------------------------------------
// Message format.

#[test]
fn mismatch_message_quotes_both_strings_verbatim() {
    let error = check("https://a.example", "https://b.example/x y\u{e9}", EXACT).unwrap_err();
    assert_eq!(error.hint, None);
    assert_eq!(
        error.to_string(),
        "issuer mismatch: expected \"https://a.example\", the document states \
         \"https://b.example/x y\u{e9}\""
    );
    let error = check("", "https://a.example", EXACT).unwrap_err();
    assert_eq!(
        error.to_string(),
        "issuer mismatch: expected \"\", the document states \"https://a.example\""
    );
}

#[test]
fn error_is_a_std_error() {
    let error: Box<dyn std::error::Error> =
        Box::new(check("https://a.example", "https://b.example", EXACT).unwrap_err());
    assert!(error.source().is_none());
}

// ---------------------------------------------------------------------------------------------
// No panics.

#[test]
fn odd_inputs_never_panic() {
    let strings = [
        "",
        "/",
        "//",
        "{tenantid}",
        "{tenantid}/",
        "/{tenantid}",
        "https://{tenantid}",
        "https:///{tenantid}",
        "https://a/{tenantid}",
        "https://a/{tenantid}/",
        "https://a/{tenantid}//",
        "https://a/{tenantid}{tenantid}",
        "https://a/{tenantid}/{tenantid}/",
        "https://a/{tenanti",
        "https://a/ä/{tenantid}/ö",
        "https://a/",
        "https://a//",
        "https://a/x",
        "https://a/x/",
        "https://a/ä",
        "https://a/ä/",
        "https://a/%",
        "https://a/%2",
        "https://a/%e2%82",
        "%",
        "%%%",
        "ä",
        "🦀",
        "https://🦀/{tenantid}/🦀",
        "https://🦀/🦀/🦀",
        "https://a?/{tenantid}",
        "https://a#/{tenantid}",
        "https://a/?{tenantid}",
    ];
    for expected in strings {
        for actual in strings {
            for options in ALL_OPTIONS {
                let result = match_issuer(expected, actual, &options);
                if let Err(error) = &result {
                    let _ = error.to_string();
                }
                if expected == actual {
                    assert!(result.unwrap().is_exact());
                }
            }
        }
    }
}
