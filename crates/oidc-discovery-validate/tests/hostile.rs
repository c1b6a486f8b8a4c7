//! Hostile documents: deep nesting, huge arrays and names, numbers beyond `f64`, lone
//! surrogates, duplicate members, byte-order marks, NUL bytes, invalid UTF-8. Each is parsed and
//! validated under every profile, and the outcome is asserted: a JSON-level problem with its
//! position and a message that says what is wrong, or a report. Nothing panics.
//!
//! Time and memory are measured in `docs/robustness.md` (`cargo run --release -p
//! oidc-discovery-validate --example hostile`), not asserted here; `hostile_memory.rs` asserts
//! peak heap bounds.

use oidc_discovery_metadata::{ParseErrorKind, ProtectedResourceMetadata, ProviderMetadata};
use oidc_discovery_validate::{
    Checked, MAX_REPEATS, Options, Problem, Profile, Report, Severity, validate_json,
    validate_resource_json,
};
use serde_json::Value;

/// `{"x": <depth nested arrays>}`.
fn nested_member(depth: usize) -> String {
    format!("{{\"x\":{}{}}}", "[".repeat(depth), "]".repeat(depth))
}

/// Validates `bytes` under every profile, checking what holds for any input, and returns the
/// results under the provider profiles (the protected resource's judgment of the same text is
/// checked here and not returned).
fn validate_all(bytes: &[u8]) -> Vec<Checked> {
    let resource = validate_resource_json(bytes, &Options::default());
    assert_eq!(
        resource.metadata.is_some(),
        ProtectedResourceMetadata::from_json_slice(bytes).is_ok()
    );
    assert_eq!(
        Report::new(Profile::Resource, resource.report.problems.clone()),
        resource.report
    );
    for problem in &resource.report.problems {
        let _ = problem.to_string();
    }
    Profile::PROVIDER
        .into_iter()
        .map(|profile| {
            let checked = validate_json(bytes, profile, &Options::default());
            assert_eq!(
                checked.metadata.is_some(),
                ProviderMetadata::from_json_slice(bytes).is_ok()
            );
            assert_eq!(
                Report::new(profile, checked.report.problems.clone()),
                checked.report
            );
            for problem in &checked.report.problems {
                let _ = problem.to_string();
            }
            checked
        })
        .collect()
}

/// Asserts that `bytes` is refused under every profile with one `json-syntax` problem for the
/// whole document whose message contains `what` and the position `(line, column)`.
fn assert_refused(bytes: &[u8], what: &str, line: usize, column: usize) {
    assert_refused_as(bytes, what, what, line, column);
}

/// [`assert_refused`], where the report words the parser's `what` as `reported`.
fn assert_refused_as(bytes: &[u8], what: &str, reported: &str, line: usize, column: usize) {
    let error = ProviderMetadata::from_json_slice(bytes).unwrap_err();
    assert_eq!(
        (error.line(), error.column()),
        (line, column),
        "{what}: {error}"
    );
    assert!(error.message().contains(what), "{error}");
    for checked in validate_all(bytes) {
        let problems = &checked.report.problems;
        assert_eq!(problems.len(), 1, "{}", checked.report);
        let problem = &problems[0];
        assert_eq!(
            (problem.rule.id, problem.pointer.as_str()),
            ("json-syntax", "")
        );
        assert!(problem.message.contains(reported), "{problem}");
        assert!(
            problem
                .message
                .contains(&format!("(line {line}, column {column})")),
            "{problem}"
        );
        assert!(!checked.report.is_valid());
    }
}

#[test]
fn nesting_stops_at_the_recursion_limit() {
    // serde_json allows 127 levels of nesting; the document object is one, so a member value
    // may nest 126 levels deep, and one more is refused with the position of the limit.
    let deepest = nested_member(126);
    let accepted = ProviderMetadata::from_json_str(&deepest).unwrap();
    assert!(accepted.other.contains_key("x"));
    assert_eq!(
        serde_json::from_str::<Value>(&accepted.to_json_string().unwrap()).unwrap(),
        serde_json::from_str::<Value>(&deepest).unwrap()
    );
    for checked in validate_all(deepest.as_bytes()) {
        assert!(!checked.report.has("json-syntax"), "{}", checked.report);
    }
    // 5 bytes `{"x":`, then the 127th `[` is column 132.
    assert_refused(
        nested_member(127).as_bytes(),
        "recursion limit exceeded",
        1,
        132,
    );

    let rows: [(&str, String, usize); 4] = [
        ("arrays at the top", "[".repeat(100_000), 128),
        (
            "arrays in a member",
            format!("{{\"x\":{}", "[".repeat(100_000)),
            132,
        ),
        ("objects", "{\"a\":".repeat(100_000), 5 * 127 + 1),
        (
            "closed arrays in a known member",
            format!(
                "{{\"jwks\":{}{}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            135,
        ),
    ];
    for (what, text, column) in rows {
        let error = ProviderMetadata::from_json_str(&text).unwrap_err();
        assert_eq!(error.kind(), ParseErrorKind::Syntax, "{what}");
        assert_refused(text.as_bytes(), "recursion limit exceeded", 1, column);
    }
}

#[test]
fn numbers_beyond_f64_are_kept_exactly() {
    let huge = format!("{{\"version\": {}}}", "9".repeat(400));
    let long = format!("{{\"version\": {}}}", "9".repeat(300));
    let rows: [(&str, Option<&str>); 6] = [
        (r#"{"version": 1e400}"#, None),
        (&huge, None),
        (&long, None),
        (r#"{"issuer": -1e400}"#, Some("/issuer")),
        (
            r#"{"scopes_supported": ["openid", 1e400]}"#,
            Some("/scopes_supported/1"),
        ),
        (r#"{"jwks": {"keys": [{"n": 1e400}]}}"#, Some("/jwks")),
    ];
    for (text, mistyped) in rows {
        // Kept as written, digit for digit; a known member of the wrong type is reported as
        // such, at the element that holds the number.
        let metadata = ProviderMetadata::from_json_str(text).unwrap();
        let written = metadata.to_json_string().unwrap();
        let number = text
            .rsplit([' ', '[', ':'])
            .next()
            .unwrap()
            .trim_end_matches(['}', ']']);
        assert!(
            written.contains(number) && number.len() >= 5,
            "{number} in {written}"
        );
        for checked in validate_all(text.as_bytes()) {
            assert!(checked.metadata.is_some());
            assert!(!checked.report.has("json-syntax"), "{}", checked.report);
            let types: Vec<&str> = checked
                .report
                .problems
                .iter()
                .filter(|problem| problem.rule == "member-type")
                .map(|problem| problem.pointer.as_str())
                .collect();
            assert_eq!(types, mistyped.as_slice(), "{}", checked.report);
        }
    }
}

#[test]
fn lone_surrogates_are_refused_with_their_position() {
    // JSON text is Unicode (RFC 8259 §8.2); a lone surrogate escape has no UTF-8 form.
    // serde_json calls a lone trailing surrogate a "leading" one; the report words it right.
    assert_refused_as(
        br#"{"\udc00": 1}"#,
        "lone leading surrogate in hex escape",
        "`\\udc00` is a trailing (low) surrogate without a leading (high) surrogate",
        1,
        8,
    );
    assert_refused_as(
        br#"{"issuer": "\ud800"}"#,
        "unexpected end of hex escape",
        "`\\ud800` is a leading (high) surrogate not followed by a trailing (low) surrogate",
        1,
        19,
    );
    assert_refused_as(
        br#"{"issuer": "\ud800\u0041"}"#,
        "lone leading surrogate in hex escape",
        "`\\ud800` is a leading (high) surrogate not followed by a trailing (low) surrogate",
        1,
        24,
    );
    // A pair is one character, kept.
    let metadata =
        ProviderMetadata::from_json_slice(br#"{"op_tos_uri#fr": "\ud83d\ude00"}"#).unwrap();
    assert_eq!(metadata.op_tos_uri.get("fr").unwrap().as_str(), "😀");
}

#[test]
fn byte_order_marks() {
    // One leading UTF-8 BOM is ignored (RFC 8259 §8.1); the position still counts its bytes.
    let with_bom = b"\xef\xbb\xbf{\"issuer\": \"https://a.example\"}";
    let reports = validate_all(with_bom);
    let without = validate_all(&with_bom[3..]);
    for (a, b) in reports.iter().zip(&without) {
        assert_eq!(a.report, b.report);
        assert!(a.metadata.is_some());
    }
    // A second one is a character in the wrong place, and named.
    assert_refused(b"\xef\xbb\xbf\xef\xbb\xbf{}", "expected value", 1, 4);
    let checked = validate_json(
        b"\xef\xbb\xbf\xef\xbb\xbf{}",
        Profile::Oidc,
        &Options::default(),
    );
    assert!(
        checked.report.problems[0]
            .message
            .contains("U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark)"),
        "{}",
        checked.report
    );
    // UTF-16 is not JSON's encoding: refused, and the message says what the bytes look like.
    assert_refused(b"\xfe\xff\x00{\x00}", "expected value", 1, 1);
    let checked = validate_json(b"\xfe\xff\x00{\x00}", Profile::OAuth, &Options::default());
    assert!(
        checked.report.problems[0].message.contains(
            "looks UTF-16 encoded (it starts with a UTF-16 byte-order mark); JSON must be UTF-8"
        ),
        "{}",
        checked.report
    );
}

#[test]
fn nul_bytes() {
    // Raw: a control character in a string, or after the document.
    assert_refused(
        b"{\"x\": \"a\x00b\"}",
        "control character (\\u0000-\\u001F) found while parsing a string",
        1,
        9,
    );
    assert_refused(b"{}\x00", "trailing characters", 1, 3);
    assert_refused(b"\x00", "expected value", 1, 1);
    for checked in validate_all(b"{}\x00") {
        assert!(
            checked.report.problems[0]
                .message
                .contains("a control character"),
            "{}",
            checked.report
        );
    }
    // Escaped: valid JSON, kept verbatim; a URL holding one is judged by the URL rules.
    let escaped = br#"{"issuer": "https://a\u0000.example", "x\u0000": "\u0000"}"#;
    let metadata = ProviderMetadata::from_json_slice(escaped).unwrap();
    assert_eq!(
        metadata.issuer.as_ref().unwrap().as_str(),
        "https://a\0.example"
    );
    assert_eq!(metadata.other["x\0"], Value::from("\0"));
    for checked in validate_all(escaped) {
        assert!(checked.report.has("issuer-not-url"), "{}", checked.report);
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_position() {
    let rows: [(&[u8], &str, usize); 4] = [
        (b"{\"x\": \"\xff\"}", "invalid unicode code point", 8),
        (b"{\"\xc3\": 1}", "invalid unicode code point", 3),
        (b"{\"x\": \"\xc0\xaf\"}", "invalid unicode code point", 8),
        (b"{\"x\": \"\xe2\x82", "EOF while parsing a string", 9),
    ];
    for (bytes, what, column) in rows {
        assert_refused(bytes, what, 1, column);
        let checked = validate_json(bytes, Profile::Fapi2, &Options::default());
        assert!(
            checked.report.problems[0].message.contains("not UTF-8"),
            "{}",
            checked.report
        );
    }
}

#[test]
fn long_member_names_and_values() {
    let name = "n".repeat(64 * 1024);
    // A 64 KiB name, twice: kept, and the duplicate reported at its pointer.
    let text = format!("{{\"{name}\": 1, \"{name}\": 2}}");
    let metadata = ProviderMetadata::from_json_str(&text).unwrap();
    assert_eq!(metadata.other[&name].as_str(), "2");
    for checked in validate_all(text.as_bytes()) {
        let duplicate = checked
            .report
            .problems
            .iter()
            .find(|problem| problem.rule == "duplicate-member")
            .expect("the duplicate is reported");
        assert_eq!(duplicate.pointer, format!("/{name}"));
    }
    // A 64 KiB host in the issuer: a URL like any other.
    let issuer = format!("https://{name}.example");
    let text = format!("{{\"issuer\": \"{issuer}\"}}");
    for checked in validate_all(text.as_bytes()) {
        let metadata = checked.metadata.unwrap();
        assert_eq!(metadata.issuer.unwrap().as_str(), issuer);
    }
    // A 64 KiB language tag.
    let text = format!("{{\"op_tos_uri#{name}\": \"https://a.example/tos\"}}");
    let metadata = ProviderMetadata::from_json_str(&text).unwrap();
    assert!(metadata.op_tos_uri.get(&name).is_some());
    validate_all(text.as_bytes());
}

#[test]
fn many_duplicate_members_give_one_problem_each() {
    let text = format!(
        "{{{}}}",
        vec!["\"issuer\": \"https://a.example\""; 100_000].join(",")
    );
    for checked in validate_all(text.as_bytes()) {
        let duplicates: Vec<&str> = checked
            .report
            .problems
            .iter()
            .filter(|problem| problem.rule == "duplicate-member")
            .map(|problem| problem.pointer.as_str())
            .collect();
        assert_eq!(duplicates, ["/issuer"]);
    }
    // Repeats at every depth are found at their own pointers.
    let nested = br#"{"jwks": {"keys": [{"kid": "a", "kid": "b"}, {"x": 1, "x": 1}]}, "jwks": {}}"#;
    let checked = validate_json(nested, Profile::Oidc, &Options::default());
    let pointers: Vec<&str> = checked
        .report
        .problems
        .iter()
        .filter(|problem| problem.rule == "duplicate-member")
        .map(|problem| problem.pointer.as_str())
        .collect();
    assert_eq!(pointers, ["/jwks", "/jwks/keys/0/kid", "/jwks/keys/1/x"]);
}

#[test]
fn large_arrays_count_a_problem_per_element_and_list_the_first() {
    // 1,000,000 elements (about 4 MiB of JSON): every problem is counted; the first
    // `MAX_REPEATS` are listed at their pointers, the rest folded into one problem.
    const N: usize = 1_000_000;
    let unknown = format!("{{\"x\": [{}]}}", vec!["0"; N].join(","));
    let metadata = ProviderMetadata::from_json_str(&unknown).unwrap();
    assert_eq!(metadata.other["x"].items().unwrap().len(), N);

    let mistyped = format!(
        "{{\"response_types_supported\": [{}]}}",
        vec!["1"; N].join(",")
    );
    let checked = validate_json(mistyped.as_bytes(), Profile::OAuth, &Options::default());
    let member_type: Vec<&Problem> = checked
        .report
        .problems
        .iter()
        .filter(|problem| problem.rule == "member-type")
        .collect();
    assert_eq!(member_type.len(), MAX_REPEATS + 1);
    assert_eq!(member_type.iter().map(|p| p.count()).sum::<usize>(), N);
    for (index, problem) in member_type[..MAX_REPEATS].iter().enumerate() {
        assert_eq!(
            problem.pointer,
            format!("/response_types_supported/{index}")
        );
        assert!(problem.repeats.is_none());
    }
    let fold = member_type[MAX_REPEATS];
    let repeats = fold.repeats.as_ref().unwrap();
    assert_eq!(repeats.count, N - MAX_REPEATS);
    let expected: Vec<String> = (MAX_REPEATS..2 * MAX_REPEATS)
        .map(|index| format!("/response_types_supported/{index}"))
        .collect();
    assert_eq!(repeats.pointers, expected);
    assert_eq!(fold.pointer, expected[0]);
    assert_eq!(fold.severity, Severity::Error);
    // The counts include every problem.
    let errors = checked.report.count(Severity::Error);
    assert!(errors > N, "{errors}");
    assert!(!checked.report.is_valid());
}
