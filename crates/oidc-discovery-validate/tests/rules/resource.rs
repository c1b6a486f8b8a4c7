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
        // ── A protected resource's own `resource` (RFC 9728 §1.2, §2) ───────────────────────
        fires(
            "no resource",
            RESOURCE,
            "resource-missing",
            "/resource",
            |d| {
                remove(d, "resource");
            },
        ),
        fires(
            "null resource",
            RESOURCE,
            "resource-missing",
            "/resource",
            |d| {
                set(d, "resource", Value::Null);
            },
        ),
        fires(
            "resource of the wrong type",
            RESOURCE,
            "resource-missing",
            "/resource",
            |d| set(d, "resource", json!(["https://rs.example.com/api"])),
        ),
        spares("resource present", RESOURCE, "resource-missing", |_| {}),
        fires(
            "resource without a scheme",
            RESOURCE,
            "resource-not-url",
            "/resource",
            |d| set(d, "resource", json!("mcp.example.com")),
        ),
        spares(
            "resource with a port and a path",
            RESOURCE,
            "resource-not-url",
            |d| set(d, "resource", json!("https://rs.example.com:8443/a/b")),
        ),
        fires(
            "resource over http",
            RESOURCE,
            "resource-https",
            "/resource",
            |d| set(d, "resource", json!("http://rs.example.com/api")),
        ),
        spares(
            "resource over http on loopback (http-loopback's)",
            RESOURCE,
            "resource-https",
            |d| set(d, "resource", json!("http://127.0.0.1:3000/mcp")),
        ),
        fires(
            "resource with a fragment",
            RESOURCE,
            "resource-fragment",
            "/resource",
            |d| set(d, "resource", json!("https://mcp.example.com#fragment")),
        ),
        spares(
            "resource without a fragment",
            RESOURCE,
            "resource-fragment",
            |d| {
                set(d, "resource", json!("https://mcp.example.com"));
            },
        ),
        fires(
            "resource with a query",
            RESOURCE,
            "resource-query",
            "/resource",
            |d| set(d, "resource", json!("https://api.example.com/v1?tenant=7")),
        ),
        spares(
            "root resource with a slash",
            RESOURCE,
            "resource-query",
            |d| {
                set(d, "resource", json!("https://api.example.com/"));
            },
        ),
        fires(
            "resource with user information",
            RESOURCE,
            "resource-userinfo",
            "/resource",
            |d| set(d, "resource", json!("https://user:pass@rs.example.com/api")),
        ),
        spares(
            "resource without user information",
            RESOURCE,
            "resource-userinfo",
            |_| {},
        ),
        // ── The resource the client expected (RFC 9728 §3.3) ────────────────────────────────
        fires(
            "identifier with a trailing slash the document lacks",
            RESOURCE,
            "resource-mismatch",
            "/resource",
            |_| {},
        )
        .with(expecting_resource_with_slash),
        fires(
            "challenge from a request to another URL",
            RESOURCE,
            "resource-mismatch",
            "/resource",
            |_| {},
        )
        .with(expecting_resource_from_challenge),
        fires(
            "identifier in another letter case",
            RESOURCE,
            "resource-mismatch",
            "/resource",
            |d| set(d, "resource", json!("https://RS.example.com/api")),
        )
        .with(expecting_resource_exactly),
        spares(
            "the identifier exactly",
            RESOURCE,
            "resource-mismatch",
            |_| {},
        )
        .with(expecting_resource_exactly),
        spares(
            "the request URL exactly",
            RESOURCE,
            "resource-mismatch",
            |_| {},
        )
        .with(expecting_resource_from_same_challenge),
        spares("nothing expected", RESOURCE, "resource-mismatch", |d| {
            set(d, "resource", json!("https://other.example.com"));
        }),
    ]
}

/// The mismatch message names both strings exactly and where the expected one comes from.
#[test]
fn a_resource_mismatch_names_both_strings_and_the_origin() {
    let doc = resource_base();
    let source = serde_json::to_vec(&doc).unwrap();
    for (options, origin) in [
        (
            expecting_resource_with_slash(),
            "the resource identifier the metadata URL was built from",
        ),
        (
            expecting_resource_from_challenge(),
            "the URL of the request whose `WWW-Authenticate` challenge pointed to this metadata",
        ),
    ] {
        let report = validate_resource_json(&source, &options).report;
        let problem = find(&report, "resource-mismatch", "/resource").expect("a mismatch");
        let expected = &options.expected_resource.as_ref().unwrap().url;
        assert!(
            problem
                .message
                .contains("`resource` \"https://rs.example.com/api\""),
            "{problem}"
        );
        assert!(
            problem.message.contains(&format!("\"{expected}\"")),
            "{problem}"
        );
        assert!(problem.message.contains(origin), "{problem}");
        assert_eq!(problem.severity, Severity::Error);
        assert_eq!(problem.spec, "RFC 9728 §3.3, §7.3");
    }
    // A trailing slash is named as the only difference.
    let report = validate_resource_json(&source, &expecting_resource_with_slash()).report;
    assert!(report.problems[0].message.contains("trailing slash"));
}

/// `validate_json` under `resource` gives the report of `validate_resource_json`, and no
/// provider document.
#[test]
fn validate_json_under_resource_judges_a_protected_resource() {
    let mut doc = resource_base();
    set(&mut doc, "resource", json!("http://rs.example.com"));
    let source = serde_json::to_vec(&doc).unwrap();
    let options = Options::default();
    let checked = validate_json(&source, RESOURCE, &options);
    assert!(checked.metadata.is_none());
    assert_eq!(
        checked.report,
        validate_resource_json(&source, &options).report
    );
    assert!(checked.report.has("resource-https"));
    assert_eq!(checked.report.profile, RESOURCE);
}
