//! Table-driven tests of the rule registry: for every rule, documents that trigger it (asserting
//! the rule id, the JSON pointer and the registry's severity for the profile) and close variants
//! that do not. The cases of each rule group are in the module named after the group, as the
//! checks are in `src/checks/<group>.rs`; [`common`] holds the base documents and the harness.
//! Then the profiles, the report's properties, and `Validated<P>`.

mod common;

mod algorithms;
mod cross_field;
mod fapi2;
mod issuer;
mod json;
mod mtls;
mod presence;
mod profiles;
mod report;
mod resource;
mod response_types;
mod shape;
mod signed;
mod urls;
mod validated;
mod values;

use common::*;
use oidc_discovery_validate::is_hidden;

/// Every group's cases, with the group whose rules they test (in the registry's order).
fn groups() -> Vec<(RuleGroup, Vec<Case>)> {
    vec![
        (RuleGroup::Json, json::cases()),
        (RuleGroup::Shape, shape::cases()),
        (RuleGroup::Issuer, issuer::cases()),
        (RuleGroup::Url, urls::cases()),
        (RuleGroup::Presence, presence::cases()),
        (RuleGroup::Algorithm, algorithms::cases()),
        (RuleGroup::ResponseType, response_types::cases()),
        (RuleGroup::CrossField, cross_field::cases()),
        (RuleGroup::SignedMetadata, signed::cases()),
        (RuleGroup::Mtls, mtls::cases()),
        (RuleGroup::Value, values::cases()),
        (RuleGroup::Fapi2, fapi2::cases()),
        (RuleGroup::Resource, resource::cases()),
    ]
}

/// Every case of every group.
fn cases() -> Vec<Case> {
    groups().into_iter().flat_map(|(_, cases)| cases).collect()
}

#[test]
fn base_documents_have_no_problem_under_their_own_profile() {
    for profile in Profile::ALL {
        let report = report_of(&base(profile), profile);
        assert!(
            report.problems.is_empty(),
            "base document of {profile}:\n{report}"
        );
    }
}

#[test]
fn every_case_behaves_as_the_table_says() {
    let mut failures = Vec::new();
    for case in cases() {
        let source = case.input();
        let checked = validate_json(&source, case.profile, &(case.options)());
        let report = &checked.report;
        match case.pointer {
            Some(pointer) => {
                let rule = Rule::find(case.rule).expect("registered");
                match find(report, case.rule, pointer) {
                    None => failures.push(format!(
                        "[{} / {}] `{}` should fire at {pointer:?}; report:\n{report}",
                        case.profile, case.name, case.rule
                    )),
                    Some(problem) => {
                        if Some(problem.severity) != rule.severity(case.profile) {
                            failures.push(format!(
                                "[{} / {}] `{}` has severity {}, the registry says {:?}",
                                case.profile,
                                case.name,
                                case.rule,
                                problem.severity,
                                rule.severity(case.profile)
                            ));
                        }
                        if !cites_within(problem.spec, rule.spec)
                            || problem.message.trim().is_empty()
                        {
                            failures.push(format!(
                                "[{} / {}] `{}`: spec or message wrong: {problem}",
                                case.profile, case.name, case.rule
                            ));
                        }
                    }
                }
            }
            None => {
                if report.has(case.rule) {
                    failures.push(format!(
                        "[{} / {}] `{}` should not fire; report:\n{report}",
                        case.profile, case.name, case.rule
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_has_a_triggering_and_a_near_miss_case() {
    let cases = cases();
    // Retrieval rules judge an HTTP exchange, not a document: the client's and the CLI's
    // tests trigger them against misbehaving loopback servers. Verification rules need keys
    // the caller trusts: oidc-discovery-signed's tests trigger them.
    let registered: BTreeSet<&str> = RULES
        .iter()
        .filter(|rule| rule.group.judges_document())
        .map(|rule| rule.id)
        .collect();
    let mut problems = Vec::new();
    for (group, cases) in groups() {
        for case in cases {
            match Rule::find(case.rule) {
                Some(rule) if rule.group != group => problems.push(format!(
                    "case `{}` of `{}` (group {}) is listed with the {group} cases",
                    case.name, case.rule, rule.group
                )),
                _ => {}
            }
        }
    }
    for case in &cases {
        if !registered.contains(case.rule) {
            problems.push(format!(
                "case `{}` names unknown rule `{}`",
                case.name, case.rule
            ));
        } else if Rule::find(case.rule)
            .and_then(|rule| rule.severity(case.profile))
            .is_none()
        {
            problems.push(format!(
                "case `{}`: `{}` does not apply under {}",
                case.name, case.rule, case.profile
            ));
        }
    }
    for id in &registered {
        let fire = cases
            .iter()
            .any(|case| case.rule == *id && case.pointer.is_some());
        let spare = cases
            .iter()
            .any(|case| case.rule == *id && case.pointer.is_none());
        if !fire {
            problems.push(format!("no case triggers `{id}`"));
        }
        if !spare {
            problems.push(format!("no near-miss case for `{id}`"));
        }
    }
    let mut names = BTreeSet::new();
    for case in &cases {
        if !names.insert((case.rule, case.name, case.pointer.is_some())) {
            problems.push(format!(
                "case `{}` of `{}` is listed twice",
                case.name, case.rule
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Signs of Rust programmer text in a message a user reads: `Option` values, debug-quoted
/// strings and characters. (`\u{…}` is how a message shows a control character of a value,
/// made visible, and is allowed.)
const PROGRAMMER_TEXT: [&str; 4] = ["Some(", "None", "\\\"", "'\\"];

#[test]
fn every_document_rule_message_reads_as_english_in_text_and_json() {
    let mut rendered = BTreeSet::new();
    let mut failures = Vec::new();
    for case in cases().into_iter().filter(|case| case.pointer.is_some()) {
        let report = validate_json(&case.input(), case.profile, &(case.options)()).report;
        for problem in &report.problems {
            rendered.insert(problem.rule.id);
            let text = problem.to_string();
            let json = serde_json::to_string(problem).expect("a problem serializes");
            let value: Value = serde_json::from_str(&json).expect("JSON");
            if value["rule"] != problem.rule.id
                || value["message"] != problem.message.as_str()
                || value["spec"] != problem.spec
            {
                failures.push(format!(
                    "[{}] JSON differs from the problem: {json}",
                    case.name
                ));
            }
            for sign in PROGRAMMER_TEXT {
                if text.contains(sign) || problem.message.contains(sign) {
                    failures.push(format!("[{}] `{sign}` in: {text}", case.name));
                }
            }
            if text.chars().any(is_hidden) {
                failures.push(format!(
                    "[{}] a raw control character in: {text}",
                    case.name
                ));
            }
            if json.contains("Some(") || json.contains("None") {
                failures.push(format!("[{}] programmer text in JSON: {json}", case.name));
            }
        }
    }
    for rule in RULES.iter().filter(|rule| rule.group.judges_document()) {
        if !rendered.contains(rule.id) {
            failures.push(format!("no message of `{}` was rendered", rule.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
