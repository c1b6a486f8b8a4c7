//! The well-known URL builders and their reverses on arbitrary text.
//!
//! Invariants: nothing panics; an issuer one builder refuses, all refuse (and `locations`);
//! every refusal quotes its input; issuer → URL → issuer gives the issuer back (without one
//! terminating slash), for every location too; and URL → issuer → URL gives the URL back
//! wherever a builder makes that form. The same for protected resources (RFC 9728 §3.1):
//! resource identifier → URL → identifier (query kept, without the path's terminating slash),
//! URL → identifier → URL, a refusal that names its rule, and a text without `?` that is
//! refused as a resource identifier exactly when it is refused as an issuer.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oidc_discovery_validate::well_known::{
    LocationStyle, OAUTH_PROTECTED_RESOURCE, OPENID_CONFIGURATION, WellKnownStyle,
    issuer_from_metadata_url, locations, oauth_authorization_server_url,
    oauth_protected_resource_url, openid_configuration_url, resource_from_metadata_url,
    resource_locations, rfc8414_url, well_known_urls,
};

fuzz_target!(|input: (&str, &str)| {
    let (text, suffix) = input;
    let quoted = format!("\"{text}\"");

    // Issuer → metadata URL → issuer.
    match openid_configuration_url(text) {
        Err(error) => {
            assert!(error.to_string().contains(&quoted), "{error}");
            assert!(oauth_authorization_server_url(text).is_err());
            assert!(rfc8414_url(text, suffix).is_err());
            assert!(well_known_urls(text).is_err());
            assert!(locations(text).is_err());
        }
        Ok(appended) => {
            let expected = text.strip_suffix('/').unwrap_or(text);
            let back = issuer_from_metadata_url(&appended).expect("a built URL reverses");
            assert_eq!(back.issuer, expected);
            assert_eq!(back.suffix, OPENID_CONFIGURATION);
            assert_eq!(back.style, WellKnownStyle::Appended);
            let inserted = oauth_authorization_server_url(text).expect("the issuer builds");
            let back = issuer_from_metadata_url(&inserted).expect("a built URL reverses");
            assert_eq!(back.issuer, expected);
            match rfc8414_url(text, suffix) {
                Ok(url) => {
                    let back = issuer_from_metadata_url(&url).expect("a built URL reverses");
                    assert_eq!(back.issuer, expected, "{url}");
                    assert_eq!(back.suffix, suffix);
                }
                Err(error) => assert!(error.to_string().starts_with("well-known suffix")),
            }
            let listed = locations(text).expect("the issuer builds");
            assert_eq!(
                locations(expected).expect("the implied issuer builds"),
                listed
            );
            for location in &listed {
                assert!(location.url().ends_with(location.path()));
                let back = issuer_from_metadata_url(location.url()).expect("a listed URL reverses");
                assert_eq!(back.issuer, expected);
                assert_eq!(back.style, location.style().placement());
            }
            assert_eq!(well_known_urls(expected).ok(), well_known_urls(text).ok());
        }
    }

    // Metadata URL → issuer → metadata URL.
    match issuer_from_metadata_url(text) {
        Err(error) => assert!(error.to_string().contains(&quoted), "{error}"),
        Ok(implied) => {
            let url = text.strip_suffix('/').unwrap_or(text);
            match implied.style {
                WellKnownStyle::Inserted => {
                    assert_eq!(rfc8414_url(&implied.issuer, &implied.suffix).unwrap(), url);
                }
                WellKnownStyle::Appended if implied.suffix == OPENID_CONFIGURATION => {
                    assert_eq!(openid_configuration_url(&implied.issuer).unwrap(), url);
                }
                _ => {
                    assert!(locations(&implied.issuer).is_ok());
                    assert_eq!(
                        url,
                        format!("{}/.well-known/{}", implied.issuer, implied.suffix)
                    );
                }
            }
        }
    }

    // Resource identifier → protected-resource metadata URL → resource identifier.
    match oauth_protected_resource_url(text) {
        Err(error) => {
            assert!(error.to_string().contains(&quoted), "{error}");
            assert!(error.inventory().is_some(), "{error}");
            assert_eq!(resource_locations(text).unwrap_err(), error);
            if !text.contains('?') {
                assert!(openid_configuration_url(text).is_err());
            }
        }
        Ok(url) => {
            if !text.contains('?') {
                assert!(openid_configuration_url(text).is_ok());
            }
            let listed = resource_locations(text).expect("the resource builds");
            assert_eq!(listed.len(), LocationStyle::RESOURCE.len());
            assert_eq!(listed[0].url(), url);
            assert!(!listed[0].path().contains('?'));
            let query = listed[0].query().map(|query| format!("?{query}"));
            assert!(url.ends_with(&format!(
                "{}{}",
                listed[0].path(),
                query.unwrap_or_default()
            )));
            let implied = resource_from_metadata_url(&url).expect("a built URL reverses");
            assert!(implied.is_built_by(text), "{text} -> {url}");
            assert_eq!(implied.suffix, OAUTH_PROTECTED_RESOURCE);
            assert_eq!(
                oauth_protected_resource_url(&implied.resource).unwrap(),
                url
            );
            assert_eq!(
                oauth_protected_resource_url(&implied.with_trailing_slash).unwrap(),
                url
            );
        }
    }

    // Protected-resource metadata URL → resource identifier → URL.
    match resource_from_metadata_url(text) {
        Err(error) => {
            assert!(error.to_string().contains(&quoted), "{error}");
            assert!(error.inventory().is_some(), "{error}");
        }
        Ok(implied) => {
            // The URL without the one trailing slash of its path.
            let (before, query) = match text.split_once('?') {
                Some((before, query)) => (before, format!("?{query}")),
                None => (text, String::new()),
            };
            let url = format!("{}{query}", before.strip_suffix('/').unwrap_or(before));
            let built = oauth_protected_resource_url(&implied.resource).expect("it builds");
            assert_eq!(
                built.replacen(
                    &format!("/.well-known/{OAUTH_PROTECTED_RESOURCE}"),
                    &format!("/.well-known/{}", implied.suffix),
                    1
                ),
                url
            );
        }
    }
});
