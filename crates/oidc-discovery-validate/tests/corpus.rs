//! Every corpus document gets a complete, deterministic report under every profile; the seed
//! documents pass `oidc`. The per-document verdicts are recorded in docs/corpus-verdicts.md
//! (generated; a test in xtask fails when it is stale).

use oidc_discovery_validate::{Options, Profile, Severity, validate_json};

#[test]
fn every_corpus_document_gets_a_deterministic_report_under_every_profile() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    for document in &documents {
        for profile in Profile::PROVIDER {
            let first = validate_json(&document.bytes, profile, &Options::default());
            let second = validate_json(&document.bytes, profile, &Options::default());
            assert_eq!(first.report, second.report, "{} ({profile})", document.name);
            assert!(
                first.metadata.is_some(),
                "{}: every corpus file is a JSON object",
                document.name
            );
            for problem in &first.report.problems {
                let rule = problem.rule;
                assert_eq!(
                    Some(problem.severity),
                    rule.severity(profile),
                    "{}: {}",
                    document.name,
                    rule.id
                );
                assert!(problem.pointer.is_empty() || problem.pointer.starts_with('/'));
                assert!(!problem.message.is_empty());
            }
            // Sorted: errors first.
            let severities: Vec<Severity> =
                first.report.problems.iter().map(|p| p.severity).collect();
            assert!(severities.is_sorted(), "{}", document.name);
            // Serializes to the contract's shape; a folded problem adds its repeats.
            let json = serde_json::to_value(&first.report.problems).unwrap();
            for (problem, value) in first.report.problems.iter().zip(json.as_array().unwrap()) {
                let keys: Vec<&str> = value
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect();
                if problem.repeats.is_some() {
                    assert_eq!(
                        keys,
                        ["message", "pointer", "repeats", "rule", "severity", "spec"]
                    );
                } else {
                    assert_eq!(keys, ["message", "pointer", "rule", "severity", "spec"]);
                }
            }
        }
    }
}

#[test]
fn the_seed_documents_pass_the_oidc_profile() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    let seeds: Vec<_> = documents
        .iter()
        .filter(|d| d.name.starts_with("seeds/"))
        .collect();
    assert_eq!(seeds.len(), 3);
    for document in seeds {
        let checked = validate_json(&document.bytes, Profile::Oidc, &Options::default());
        let errors: Vec<String> = checked
            .report
            .with_severity(Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", document.name);
        assert!(
            checked
                .into_validated::<oidc_discovery_validate::Oidc>()
                .is_ok()
        );
    }
}

#[test]
fn real_documents_pass_against_the_issuer_they_state_and_fail_against_another() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    let mut compared = 0;
    for document in &documents {
        let Some(metadata) =
            validate_json(&document.bytes, Profile::Oidc, &Options::default()).metadata
        else {
            continue;
        };
        let Some(issuer) = metadata.issuer.as_ref().map(|i| i.as_str().to_owned()) else {
            continue;
        };
        let same = validate_json(
            &document.bytes,
            Profile::Oidc,
            &Options::expecting(issuer.clone()),
        );
        assert!(!same.report.has("issuer-mismatch"), "{}", document.name);
        let other = validate_json(
            &document.bytes,
            Profile::Oidc,
            &Options::expecting(format!("{issuer}x")),
        );
        assert!(other.report.has("issuer-mismatch"), "{}", document.name);
        compared += 1;
    }
    assert!(compared > 80);
}
