//! Arbitrary bytes as a metadata document: parse, validate under every profile, serialize.
//!
//! Invariants: nothing panics; the text path (`validate_json`) and the parser agree on what is
//! a document; a document that parses writes back JSON that parses to the same document; a
//! report is sorted and names registered rules; a document valid under a profile can be
//! served (its issuer gives well-known routes).

#![no_main]

use libfuzzer_sys::fuzz_target;
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Fapi2, OAuth, Oidc, Options, Profile, RULES, Report, validate_json};

fuzz_target!(|bytes: &[u8]| {
    let parsed = ProviderMetadata::from_json_slice(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert_eq!(ProviderMetadata::from_json_str(text), parsed);
    }
    if let Ok(metadata) = &parsed {
        let written = metadata
            .to_json_string()
            .expect("a parsed document serializes");
        let reparsed = ProviderMetadata::from_json_str(&written).expect("written JSON parses");
        assert_eq!(&reparsed, metadata, "round trip of {written}");
    }
    // The document's own issuer as the expected one, and none.
    let own = parsed
        .as_ref()
        .ok()
        .and_then(|metadata| metadata.issuer.as_ref())
        .map(|issuer| Options::expecting(issuer.as_str()));
    for options in [Some(Options::default()), own].into_iter().flatten() {
        for profile in Profile::PROVIDER {
            let checked = validate_json(bytes, profile, &options);
            assert_eq!(checked.metadata.is_some(), parsed.is_ok());
            let report = &checked.report;
            assert_eq!(report.profile, profile);
            assert_eq!(&Report::new(profile, report.problems.clone()), report);
            for problem in &report.problems {
                assert!(RULES.contains(&problem.rule));
                let _ = problem.to_string();
            }
            let _ = report.to_string();
            let _ = serde_json::to_string(report).expect("a report serializes");
            match &parsed {
                Err(_) => {
                    assert_eq!(report.problems.len(), 1, "{report}");
                    assert!(!report.is_valid());
                }
                Ok(_) if report.is_valid() => {
                    let metadata = checked.metadata.clone().expect("parsed");
                    let served = match profile {
                        Profile::OAuth => {
                            oidc_discovery_validate::validate::<OAuth>(metadata, &options)
                                .map(|validated| Endpoint::new(&validated).map(|_| ()))
                        }
                        Profile::Oidc => {
                            oidc_discovery_validate::validate::<Oidc>(metadata, &options)
                                .map(|validated| Endpoint::new(&validated).map(|_| ()))
                        }
                        Profile::Fapi2 => {
                            oidc_discovery_validate::validate::<Fapi2>(metadata, &options)
                                .map(|validated| Endpoint::new(&validated).map(|_| ()))
                        }
                        _ => return,
                    };
                    // Valid text → valid document (duplicates aside, which only add errors).
                    let endpoint = served.expect("a valid report validates");
                    endpoint.expect("a valid document can be served");
                }
                Ok(_) => {}
            }
        }
    }
});
