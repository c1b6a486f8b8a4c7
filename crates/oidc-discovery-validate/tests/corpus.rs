//! Every corpus document gets a complete, deterministic report under every provider profile,
//! and every protected resource's document under `resource`; the seed documents pass `oidc`. The per-document verdicts are recorded in docs/corpus-verdicts.md
//! (generated; a test in xtask fails when it is stale).

use oidc_discovery_validate::{Options, Profile, Severity, validate_json, validate_resource_json};

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

#[test]
fn every_protected_resource_document_gets_a_deterministic_report() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    assert!(documents.len() >= 20);
    for document in &documents {
        let first = validate_resource_json(&document.bytes, &Options::default());
        let second = validate_resource_json(&document.bytes, &Options::default());
        assert_eq!(first.report, second.report, "{}", document.name);
        assert_eq!(first.report.profile, Profile::Resource);
        assert!(first.metadata.is_some(), "{}: a JSON object", document.name);
        // `validate_json` under `resource` is the same judgment.
        let same = validate_json(&document.bytes, Profile::Resource, &Options::default());
        assert_eq!(same.report, first.report, "{}", document.name);
        for problem in &first.report.problems {
            assert_eq!(
                Some(problem.severity),
                problem.rule.severity(Profile::Resource),
                "{}: {}",
                document.name,
                problem.rule.id
            );
            assert!(problem.pointer.is_empty() || problem.pointer.starts_with('/'));
            assert!(!problem.message.is_empty());
        }
        let severities: Vec<Severity> = first.report.problems.iter().map(|p| p.severity).collect();
        assert!(severities.is_sorted(), "{}", document.name);
    }
}

/// The verdicts on real protected resources that docs/corpus-verdicts.md explains, each from
/// the text of RFC 9728.
#[test]
fn real_protected_resources_are_judged_by_the_text_of_rfc_9728() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    let report = |name: &str| {
        let document = documents
            .iter()
            .find(|document| document.name.ends_with(name))
            .unwrap_or_else(|| panic!("{name} is in the corpus"));
        validate_resource_json(&document.bytes, &Options::default()).report
    };
    // `scopes_supported: []`: zero-valued parameters MUST be omitted (RFC 9728 §3.2).
    let hubspot = report("hubspot-mcp-prm-2026-09-07.json");
    assert!(!hubspot.is_valid());
    let errors: Vec<(&str, &str)> = hubspot
        .with_severity(Severity::Error)
        .map(|p| (p.rule.id, p.pointer.as_str()))
        .collect();
    assert_eq!(errors, [("empty-array", "/scopes_supported")]);
    // `form` is not a bearer method of RFC 6750 §2: a warning, and the document passes.
    let slack = report("slack-mcp-prm.json");
    assert!(slack.is_valid(), "{slack}");
    assert!(slack.has("bearer-method-unknown"));
    // Members borrowed from OpenID Federation are extension members (RFC 9728 §2): nothing.
    let vercel = report("vercel-mcp-prm-mcp-path-2026-09-25.json");
    assert!(vercel.is_valid(), "{vercel}");
    assert!(
        vercel
            .problems
            .iter()
            .all(|p| !p.pointer.starts_with("/organization")),
        "{vercel}"
    );
    // Anduin's authorization server is an issuer identifier; that its metadata names another
    // issuer is seen only when that metadata is fetched (RFC 8414 §3.3), not in this document.
    assert!(report("anduin-mcp-prm-2026-09-03.json").is_valid());
    // Every other document passes.
    let failing: Vec<&str> = documents
        .iter()
        .filter(|document| {
            !validate_resource_json(&document.bytes, &Options::default())
                .report
                .is_valid()
        })
        .map(|document| document.name.as_str())
        .collect();
    assert_eq!(failing, ["resource/hubspot-mcp-prm-2026-09-07.json"]);
}

#[test]
fn real_protected_resources_match_their_own_identifier_and_no_other() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    for document in &documents {
        let Some(metadata) = validate_resource_json(&document.bytes, &Options::default()).metadata
        else {
            continue;
        };
        let resource = metadata.resource.as_ref().unwrap().as_str().to_owned();
        let same = validate_resource_json(&document.bytes, &Options::expecting_resource(&resource));
        assert!(!same.report.has("resource-mismatch"), "{}", document.name);
        let from_challenge = validate_resource_json(
            &document.bytes,
            &Options::expecting_resource_from_challenge(format!("{resource}x")),
        );
        assert!(
            from_challenge.report.has("resource-mismatch"),
            "{}",
            document.name
        );
    }
}
