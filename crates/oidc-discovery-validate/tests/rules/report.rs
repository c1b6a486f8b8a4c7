//! Report properties: deterministic, sorted, complete, and their JSON.

use crate::common::*;

fn messy_document() -> Vec<u8> {
    let mut doc = oidc_base();
    set(&mut doc, "issuer", json!("http://op.example.com?x"));
    set(&mut doc, "response_types_supported", json!("code"));
    set(
        &mut doc,
        "scopes_supported",
        json!(["profile", "profile", []]),
    );
    set(&mut doc, "jwks_uri", Value::Null);
    set(&mut doc, "token_endpoint", json!("/token#x"));
    set(&mut doc, "homepage_uri", json!("http://op.example.com"));
    set(
        &mut doc,
        "service_documentation",
        json!("http://op.example.com/docs"),
    );
    set(
        &mut doc,
        "id_token_signing_alg_values_supported",
        json!(["ES256", "EdDSA"]),
    );
    serde_json::to_vec(&doc).unwrap()
}

#[test]
fn reports_are_deterministic() {
    let source = messy_document();
    for profile in Profile::PROVIDER {
        let first = validate_json(&source, profile, &Options::default()).report;
        let second = validate_json(&source, profile, &Options::default()).report;
        assert_eq!(first, second);
        assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&second).unwrap()
        );
        assert!(first.problems.len() > 5, "{first}");
    }
}

#[test]
fn reports_are_sorted_errors_first_then_by_pointer() {
    let report = validate_json(&messy_document(), OIDC, &Options::default()).report;
    let keys: Vec<_> = report
        .problems
        .iter()
        .map(|p| (p.severity, p.pointer.clone(), p.rule.id, p.message.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{report}");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        assert!(report.count(severity) > 0, "{severity} missing:\n{report}");
    }
    let last_error = report
        .problems
        .iter()
        .rposition(|p| p.severity == Severity::Error)
        .unwrap();
    let first_other = report
        .problems
        .iter()
        .position(|p| p.severity != Severity::Error)
        .unwrap();
    assert!(last_error < first_other, "{report}");
}

#[test]
fn a_wrongly_typed_member_does_not_hide_other_problems() {
    let mut doc = oauth_base();
    set(&mut doc, "response_types_supported", json!("code"));
    set(&mut doc, "issuer", json!("http://as.example.com"));
    let report = report_of(&doc, OAUTH);
    assert!(
        find(&report, "member-type", "/response_types_supported").is_some(),
        "{report}"
    );
    assert!(
        find(&report, "issuer-https", "/issuer").is_some(),
        "{report}"
    );
}

#[test]
fn the_second_of_a_duplicated_issuer_is_reported_at_issuer() {
    let source = br#"{
        "issuer": "https://as.example.com",
        "authorization_endpoint": "https://as.example.com/authorize",
        "token_endpoint": "https://as.example.com/token",
        "response_types_supported": ["code"],
        "issuer": "https://evil.example"
    }"#;
    let checked = validate_json(source, OAUTH, &Options::default());
    let duplicates: Vec<&Problem> = checked
        .report
        .problems
        .iter()
        .filter(|p| p.rule == "duplicate-member")
        .collect();
    assert_eq!(duplicates.len(), 1, "{}", checked.report);
    assert_eq!(duplicates[0].pointer, "/issuer");
    assert_eq!(duplicates[0].severity, Severity::Error);
    assert!(
        duplicates[0].message.contains("`issuer`"),
        "{}",
        duplicates[0]
    );
    // The parsed document keeps the last one, as the message says.
    let metadata = checked.metadata.expect("an object");
    assert_eq!(
        metadata.issuer.as_ref().map(|issuer| issuer.as_str()),
        Some("https://evil.example")
    );
}

#[test]
fn report_json_has_exactly_the_documented_keys() {
    let report = validate_json(&messy_document(), OIDC, &Options::default()).report;
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["profile"], "oidc");
    let problems = json["problems"].as_array().expect("an array");
    assert_eq!(problems.len(), report.problems.len());
    let mut severities = BTreeSet::new();
    for (value, problem) in problems.iter().zip(&report.problems) {
        let object = value.as_object().expect("an object");
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(["rule", "severity", "pointer", "message", "spec"]),
            "{value}"
        );
        assert_eq!(object["rule"], problem.rule.id);
        assert_eq!(object["pointer"], problem.pointer.as_str());
        assert_eq!(object["message"], problem.message.as_str());
        assert_eq!(object["spec"], problem.spec);
        let severity = object["severity"].as_str().expect("a string");
        assert_eq!(severity, problem.severity.as_str());
        severities.insert(severity.to_owned());
    }
    assert_eq!(
        severities,
        BTreeSet::from(["error".to_owned(), "warning".to_owned(), "info".to_owned()])
    );
}

#[test]
fn problems_name_registered_rules_with_their_citation() {
    let report = validate_json(&messy_document(), OIDC, &Options::default()).report;
    for problem in &report.problems {
        let rule = problem.rule;
        assert!(cites_within(problem.spec, rule.spec), "{problem}");
        assert_eq!(rule.severity(OIDC), Some(problem.severity));
        assert!(problem.pointer.is_empty() || problem.pointer.starts_with('/'));
    }
}
