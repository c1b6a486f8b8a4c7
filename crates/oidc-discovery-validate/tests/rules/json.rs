//! `json` rules: the JSON text (syntax, top-level type, duplicate member names).

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires_bytes("trailing comma", OAUTH, "json-syntax", "", || {
            b"{\"issuer\": \"https://as.example.com\",}".to_vec()
        }),
        fires_bytes("truncated document", OIDC, "json-syntax", "", || {
            b"{\"issuer\": \"https://op.example.com\"".to_vec()
        }),
        fires_bytes(
            "no-break space as indentation",
            OIDC,
            "json-syntax",
            "",
            || base_text_with(OIDC, "\n\u{a0}\u{a0}\"x_note\": 1,"),
        ),
        fires_bytes(
            "curly quotes around a name",
            OAUTH,
            "json-syntax",
            "",
            || base_text_with(OAUTH, "\n  \u{201c}x_note\u{201d}: 1,"),
        ),
        fires_bytes("bytes that are not UTF-8", OAUTH, "json-syntax", "", || {
            b"{\"issuer\": \"https://as.example.com/\xff\"}".to_vec()
        }),
        spares_bytes("plain spaces as indentation", OIDC, "json-syntax", || {
            base_text_with(OIDC, "\n  \"x_note\": 1,")
        }),
        spares_bytes(
            "leading byte-order mark is ignored",
            OAUTH,
            "json-syntax",
            || {
                let mut bytes = "\u{feff}".as_bytes().to_vec();
                bytes.extend(serde_json::to_vec(&oauth_base()).unwrap());
                bytes
            },
        ),
        fires_bytes("document is an array", OAUTH, "json-not-object", "", || {
            format!("[{}]", oauth_base()).into_bytes()
        }),
        fires_bytes("document is a string", OIDC, "json-not-object", "", || {
            b"\"https://op.example.com\"".to_vec()
        }),
        fires_bytes("document is null", FAPI2, "json-not-object", "", || {
            b"null".to_vec()
        }),
        spares_bytes(
            "document is the object itself",
            OAUTH,
            "json-not-object",
            || oauth_base().to_string().into_bytes(),
        ),
        fires_bytes(
            "issuer given twice",
            OAUTH,
            "duplicate-member",
            "/issuer",
            || base_text_with(OAUTH, "\n  \"issuer\": \"https://evil.example\","),
        ),
        fires_bytes(
            "same alias twice in mtls_endpoint_aliases",
            FAPI2,
            "duplicate-member",
            "/mtls_endpoint_aliases/token_endpoint",
            || {
                let text = serde_json::to_string_pretty(&fapi2_base()).unwrap();
                text.replacen(
                    "\"mtls_endpoint_aliases\": {",
                    "\"mtls_endpoint_aliases\": {\n    \"token_endpoint\": \"https://evil.example/token\",",
                    1,
                )
                .into_bytes()
            },
        ),
        fires_bytes(
            "issuer given twice in a document with a nested object",
            FAPI2,
            "duplicate-member",
            "/issuer",
            || {
                let text = serde_json::to_string_pretty(&fapi2_base()).unwrap();
                text.replacen('{', "{\n  \"issuer\": \"https://evil.example\",", 1)
                    .into_bytes()
            },
        ),
        fires_bytes(
            "a list given first with the wrong type, then again",
            OAUTH,
            "duplicate-member",
            "/scopes_supported",
            || base_text_with(OAUTH, "\n  \"scopes_supported\": 5,"),
        ),
        fires_bytes(
            "a language-tagged member given twice",
            OAUTH,
            "duplicate-member",
            "/op_tos_uri#fr",
            || {
                base_text_with(
                    OAUTH,
                    "\n  \"op_tos_uri#fr\": \"https://a.example/fr\",\n  \"op_tos_uri#fr\": \"https://b.example/fr\",",
                )
            },
        ),
        fires_bytes(
            "escaped spelling of the same name",
            OAUTH,
            "duplicate-member",
            "/issuer",
            || base_text_with(OAUTH, "\n  \"\\u0069ssuer\": \"https://evil.example\","),
        ),
        spares_bytes(
            "differently named extension member",
            OAUTH,
            "duplicate-member",
            || base_text_with(OAUTH, "\n  \"x_issuer\": \"https://evil.example\","),
        ),
        spares_bytes(
            "same name in two different objects",
            FAPI2,
            "duplicate-member",
            || serde_json::to_vec(&fapi2_base()).unwrap(),
        ),
        fires_bytes(
            "protected resource as an array",
            RESOURCE,
            "json-not-object",
            "",
            || format!("[{}]", resource_base()).into_bytes(),
        ),
        spares_bytes(
            "protected resource as an object",
            RESOURCE,
            "json-not-object",
            || resource_base().to_string().into_bytes(),
        ),
        fires_bytes(
            "protected resource truncated",
            RESOURCE,
            "json-syntax",
            "",
            || b"{\"resource\": \"https://rs.example.com\"".to_vec(),
        ),
        fires_bytes(
            "resource named twice",
            RESOURCE,
            "duplicate-member",
            "/resource",
            || base_text_with(RESOURCE, "\n  \"resource\": \"https://evil.example\","),
        ),
        spares_bytes("resource named once", RESOURCE, "duplicate-member", || {
            resource_base().to_string().into_bytes()
        }),
    ]
}

fn only_problem(source: &[u8], profile: Profile) -> Problem {
    let checked = validate_json(source, profile, &Options::default());
    assert!(checked.metadata.is_none());
    assert_eq!(checked.report.problems.len(), 1, "{}", checked.report);
    checked.report.problems[0].clone()
}

#[test]
fn no_break_space_indentation_is_named_with_its_position() {
    let source = "{\n\u{a0}\u{a0}\"issuer\": \"https://as.example.com\"\n}";
    let problem = only_problem(source.as_bytes(), OAUTH);
    assert_eq!(problem.rule, "json-syntax");
    assert_eq!(problem.pointer, "");
    assert_eq!(problem.severity, Severity::Error);
    assert!(
        problem.message.contains("U+00A0 NO-BREAK SPACE"),
        "{problem}"
    );
    assert!(problem.message.contains("(line 2, column 1)"), "{problem}");
}

#[test]
fn curly_quotes_are_named_with_their_position() {
    let source = "{\n  \u{201c}issuer\u{201d}: \"https://as.example.com\"\n}";
    let problem = only_problem(source.as_bytes(), OIDC);
    assert_eq!(problem.rule, "json-syntax");
    assert!(problem.message.contains("U+201C"), "{problem}");
    assert!(
        problem.message.contains("curly double quotation mark"),
        "{problem}"
    );
    assert!(problem.message.contains("(line 2, column 3)"), "{problem}");
}

#[test]
fn zero_width_space_and_non_utf8_are_explained() {
    let problem = only_problem("{\u{200b}}".as_bytes(), OAUTH);
    assert!(
        problem.message.contains("U+200B ZERO WIDTH SPACE"),
        "{problem}"
    );

    let problem = only_problem(b"{\"issuer\": \"https://as.example.com/\xff\"}", OAUTH);
    assert_eq!(problem.rule, "json-syntax");
    assert!(problem.message.contains("UTF-8"), "{problem}");
}

#[test]
fn not_an_object_names_what_it_is() {
    let problem = only_problem(b"[]", FAPI2);
    assert_eq!(problem.rule, "json-not-object");
    assert_eq!(problem.pointer, "");
    assert_eq!(problem.severity, Severity::Error);
    assert!(problem.message.contains("array"), "{problem}");
}

#[test]
fn compressed_and_utf16_bodies_are_named_for_what_they_are() {
    let utf16: Vec<u8> = "{\"issuer\": 1}"
        .bytes()
        .flat_map(|byte| [byte, 0])
        .collect();
    let mut utf16_bom = vec![0xff, 0xfe];
    utf16_bom.extend(&utf16);
    for (what, source, expected) in [
        (
            "gzip",
            vec![0x1f, 0x8b, 0x08, 0x00, 0x00],
            "gzip-compressed",
        ),
        ("UTF-16 with a BOM", utf16_bom, "UTF-16 encoded"),
        ("UTF-16 without a BOM", utf16, "UTF-16 encoded"),
    ] {
        let problem = only_problem(&source, OAUTH);
        assert_eq!(problem.rule, "json-syntax", "{what}");
        assert!(problem.message.contains(expected), "{what}: {problem}");
        assert!(
            !problem.message.contains("word processor"),
            "{what}: {problem}"
        );
    }
}

#[test]
fn a_lone_trailing_surrogate_is_called_a_trailing_surrogate() {
    let problem = only_problem(br#"{"issuer": "\udc00"}"#, OAUTH);
    assert!(
        problem.message.contains("trailing (low) surrogate"),
        "{problem}"
    );
    assert!(!problem.message.contains("lone leading"), "{problem}");
    let problem = only_problem(br#"{"issuer": "\ud800x"}"#, OAUTH);
    assert!(
        problem.message.contains("leading (high) surrogate"),
        "{problem}"
    );
}
