//! Inputs found by fuzzing (`fuzz/`, `cargo xtask fuzz`), kept as regression tests.

use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{
    Fapi2, OAuth, Oidc, Options, Profile, ProfileKind, Validated, validate, validate_json,
};

/// A document that validates under `P` can be served.
fn servable<P: ProfileKind>(metadata: ProviderMetadata) -> Option<Validated<P>> {
    let validated = validate::<P>(metadata, &Options::default()).ok()?;
    Endpoint::new(&validated).expect("a validated document can be served");
    Some(validated)
}

/// `parse_validate` found an issuer with user information (`@` in the authority) that
/// validated under `oauth` and `oidc` (`issuer-userinfo` is only a warning there) although no
/// well-known URL can be built from it, so `Endpoint::new` failed on a `Validated` document.
/// Every issuer the well-known construction refuses now fails validation.
#[test]
fn issuers_without_well_known_urls_do_not_validate() {
    let issuers = [
        // The fuzzer's input, reduced to its issuer.
        "https://auth.directory.@@@@@@@@@@@@openbankingbrasil.org.br",
        "https://user@op.example.com",
        "https://op.example.com/tenant//",
        "https://op.example.com/a/./b",
        "https://op.example.com/%2e%2e",
        "https://op.example.com/.well-known/openid-configuration",
    ];
    for issuer in issuers {
        let json = oidc_discovery_http::example::document(issuer);
        let metadata = ProviderMetadata::from_json_str(&json).unwrap();
        assert!(servable::<OAuth>(metadata.clone()).is_none(), "{issuer}");
        assert!(servable::<Oidc>(metadata.clone()).is_none(), "{issuer}");
        assert!(servable::<Fapi2>(metadata).is_none(), "{issuer}");
        for profile in Profile::PROVIDER {
            let report = validate_json(json.as_bytes(), profile, &Options::default()).report;
            let rules: Vec<&str> = report
                .problems
                .iter()
                .filter(|problem| problem.pointer == "/issuer")
                .map(|problem| problem.rule.id)
                .collect();
            assert!(
                rules.contains(&"issuer-well-known") || rules.contains(&"issuer-userinfo"),
                "{issuer} under {profile}: {report}"
            );
            assert!(!report.is_valid(), "{issuer} under {profile}: {report}");
        }
    }
    // The same document with a usable issuer validates and is served.
    let json = oidc_discovery_http::example::document("https://op.example.com/tenant");
    let metadata = ProviderMetadata::from_json_str(&json).unwrap();
    assert!(servable::<Oidc>(metadata).is_some());
}
