//! Properties of validation and of the well-known URLs, over generated documents and issuers:
//! a report depends on the document and nothing else (not on member order, whitespace, a
//! byte-order mark, or the round trip through the model), and the URL builders and
//! `issuer_from_metadata_url` (for protected resources, `resource_from_metadata_url`) are
//! inverse wherever both are defined.

use oidc_discovery_corpus::generate::{self, Members};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::well_known::{
    LocationStyle, OAUTH_AUTHORIZATION_SERVER, OAUTH_PROTECTED_RESOURCE, OPENID_CONFIGURATION,
    WellKnownError, WellKnownStyle, issuer_from_metadata_url, locations,
    oauth_authorization_server_url, oauth_protected_resource_url, openid_configuration_url,
    resource_from_metadata_url, resource_locations, rfc8414_url, well_known_urls,
};
use oidc_discovery_validate::{
    IssuerMatchOptions, Options, Profile, RULES, Report, check, validate_json,
};
use proptest::prelude::*;

/// Validation options: no expected issuer, the document's own, or another; with or without
/// the relaxations.
fn options(issuer: Option<String>) -> impl Strategy<Value = Options> {
    (
        prop_oneof![
            Just(None),
            Just(issuer.clone()),
            Just(issuer.map(|issuer| format!("{issuer}/"))),
            generate::issuer().prop_map(Some),
        ],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(expected_issuer, ignore_trailing_slash, tenant_template)| {
                let mut options = Options::default();
                options.expected_issuer = expected_issuer;
                let relaxations = IssuerMatchOptions {
                    ignore_trailing_slash,
                    tenant_template,
                };
                options.issuer_match = relaxations;
                options
            },
        )
}

/// A document, the same members in another order, and options to validate with.
fn case() -> impl Strategy<Value = (Members, Members, Options)> {
    generate::document().prop_flat_map(|members| {
        let issuer = members
            .iter()
            .find(|(name, _)| name == "issuer")
            .and_then(|(_, value)| value.as_str().map(str::to_owned));
        (
            Just(members.clone()),
            Just(members).prop_shuffle(),
            options(issuer),
        )
    })
}

fn report(text: &str, profile: Profile, options: &Options) -> Report {
    validate_json(text.as_bytes(), profile, options).report
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The same input gives the identical report, under every provider profile, whichever way the
    /// document arrives: validated twice, with its members in another order, pretty-printed,
    /// after a byte-order mark, parsed first, or after a round trip through the model.
    #[test]
    fn reports_depend_on_the_document_only((members, shuffled, options) in case()) {
        let text = generate::to_json(&members);
        let metadata = ProviderMetadata::from_json_str(&text).unwrap();
        let pretty = serde_json::to_string_pretty(&generate::to_value(&members)).unwrap();
        let written = metadata.to_json_string().unwrap();
        for profile in Profile::PROVIDER {
            let expected = report(&text, profile, &options);
            prop_assert_eq!(&report(&text, profile, &options), &expected);
            prop_assert_eq!(&report(&generate::to_json(&shuffled), profile, &options), &expected);
            prop_assert_eq!(&report(&pretty, profile, &options), &expected);
            prop_assert_eq!(&report(&format!("\u{feff}{text}"), profile, &options), &expected);
            prop_assert_eq!(&report(&written, profile, &options), &expected);
            // Without duplicate names, the text adds nothing to what the parsed document shows.
            prop_assert_eq!(&check(&metadata, profile, &options), &expected);
            // The report is sorted and free of repeats, and serializes the same every time.
            let sorted = Report::new(profile, expected.problems.clone());
            prop_assert_eq!(&sorted, &expected);
            prop_assert_eq!(
                serde_json::to_string(&expected).unwrap(),
                serde_json::to_string(&report(&generate::to_json(&shuffled), profile, &options)).unwrap()
            );
            // Every problem names a registered rule, and points into the document.
            for problem in &expected.problems {
                prop_assert!(RULES.contains(&problem.rule), "{}", problem);
                prop_assert!(problem.pointer.is_empty() || problem.pointer.starts_with('/'), "{}", problem);
            }
        }
    }

    /// Duplicate member names are reported whichever occurrence comes first, at the same
    /// pointer; the document is then the one with the last occurrence.
    #[test]
    fn duplicates_are_reported_in_any_order(
        (members, _, options) in case(),
        extra in generate::json(1),
        index in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!members.is_empty());
        let (name, value) = members[index.index(members.len())].clone();
        let mut first = members.clone();
        first.insert(0, (name.clone(), extra.clone()));
        let mut last = members.clone();
        last.retain(|(other, _)| *other != name);
        last.push((name.clone(), extra));
        last.push((name.clone(), value));
        let pointer = format!("/{}", name.replace('~', "~0").replace('/', "~1"));
        for profile in Profile::ALL {
            let a = validate_json(generate::to_json(&first).as_bytes(), profile, &options);
            let b = validate_json(generate::to_json(&last).as_bytes(), profile, &options);
            let duplicates = |report: &Report| {
                report
                    .problems
                    .iter()
                    .filter(|p| p.rule == "duplicate-member")
                    .map(|p| p.pointer.clone())
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(duplicates(&a.report), vec![pointer.clone()]);
            prop_assert_eq!(&a.report, &b.report);
            prop_assert_eq!(a.metadata, b.metadata);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Well-known URLs.

/// Issuers for the URL builders: any scheme, hosts of every kind, paths with every character a
/// path may hold (and some it may not), an optional trailing slash.
fn any_issuer() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        4 => Just("https".to_owned()),
        1 => Just("http".to_owned()),
        1 => "[a-zA-Z][a-zA-Z0-9+.-]{0,6}",
    ];
    let host = prop_oneof![
        4 => "[a-zA-Z0-9-]{1,10}(\\.[a-zA-Z0-9-]{1,6}){0,2}",
        1 => Just("127.0.0.1".to_owned()),
        1 => Just("[::1]".to_owned()),
        1 => Just("[2001:db8::1]".to_owned()),
        1 => Just("bücher.example".to_owned()),
    ];
    let port = prop::option::of(0..70_000_u32);
    let segment = prop_oneof![
        6 => "[a-zA-Z0-9._~!$&'()*+,;=:@%-]{0,8}",
        1 => prop::sample::select(vec![
            ".", "..", "%2e", ".well-known", "openid-configuration", "oauth-authorization-server",
            "a%20b", "straße", "{tenantid}", "v2.0",
        ])
        .prop_map(str::to_owned),
        1 => "[^/?#]{1,4}",
    ];
    (
        scheme,
        host,
        port,
        prop::collection::vec(segment, 0..4),
        prop::bool::weighted(0.25),
    )
        .prop_map(|(scheme, host, port, path, slash)| {
            let mut issuer = format!("{scheme}://{host}");
            if let Some(port) = port {
                issuer.push_str(&format!(":{port}"));
            }
            for segment in path {
                issuer.push('/');
                issuer.push_str(&segment);
            }
            if slash {
                issuer.push('/');
            }
            issuer
        })
}

/// Well-known suffixes: the two registered ones, other plain segments, and bad ones.
fn suffix() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(OPENID_CONFIGURATION.to_owned()),
        2 => Just(OAUTH_AUTHORIZATION_SERVER.to_owned()),
        2 => "[a-z0-9._-]{1,12}",
        1 => "[^/]{0,4}",
        1 => prop::sample::select(vec!["", ".", "..", ".well-known", "a/b", "a?b"]).prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issuer → metadata URL → issuer gives the issuer back (without its one terminating
    /// slash, which both constructions remove), the suffix, and the style.
    #[test]
    fn builders_then_reverse_give_the_issuer_back(issuer in any_issuer(), suffix in suffix()) {
        let Ok(appended) = openid_configuration_url(&issuer) else {
            // An issuer one builder refuses, every builder refuses.
            prop_assert!(oauth_authorization_server_url(&issuer).is_err());
            prop_assert!(rfc8414_url(&issuer, &suffix).is_err());
            prop_assert!(well_known_urls(&issuer).is_err());
            prop_assert!(locations(&issuer).is_err());
            return Ok(());
        };
        let expected = issuer.strip_suffix('/').unwrap_or(&issuer);
        let has_path = expected.split("://").nth(1).is_some_and(|rest| rest.contains('/'));

        let back = issuer_from_metadata_url(&appended).unwrap();
        prop_assert_eq!(back.issuer.as_str(), expected);
        prop_assert_eq!(back.suffix.as_str(), OPENID_CONFIGURATION);
        prop_assert_eq!(back.style, WellKnownStyle::Appended);

        let inserted = oauth_authorization_server_url(&issuer).unwrap();
        let back = issuer_from_metadata_url(&inserted).unwrap();
        prop_assert_eq!(back.issuer.as_str(), expected);
        prop_assert_eq!(back.style, WellKnownStyle::Inserted);

        match rfc8414_url(&issuer, &suffix) {
            Ok(url) => {
                let back = issuer_from_metadata_url(&url).unwrap();
                prop_assert_eq!(back.issuer.as_str(), expected);
                prop_assert_eq!(back.suffix.as_str(), suffix.as_str());
                let style = if has_path || suffix != OPENID_CONFIGURATION {
                    WellKnownStyle::Inserted
                } else {
                    WellKnownStyle::Appended
                };
                prop_assert_eq!(back.style, style);
            }
            Err(error) => {
                // Only the suffix can be the reason: the issuer built above.
                prop_assert!(error.to_string().starts_with("well-known suffix"), "{}", error);
            }
        }

        // The implied issuer builds the same URLs as the issuer it came from.
        prop_assert_eq!(locations(expected).unwrap(), locations(&issuer).unwrap());
        prop_assert_eq!(well_known_urls(expected).ok(), well_known_urls(&issuer).ok());
    }

    /// The list of locations: its URLs are the builders', its paths are the URLs' paths, no two
    /// share a path, it comes in the order clients try them, the reverse gives the issuer back
    /// for each, and `well_known_urls` takes its two URLs from it (or refuses the scheme).
    #[test]
    fn locations_are_the_builders_urls_in_order(issuer in any_issuer()) {
        let Ok(listed) = locations(&issuer) else {
            prop_assert!(openid_configuration_url(&issuer).is_err());
            return Ok(());
        };
        let expected = issuer.strip_suffix('/').unwrap_or(&issuer);
        let has_path = expected.split("://").nth(1).is_some_and(|rest| rest.contains('/'));
        let styles: Vec<LocationStyle> = listed.iter().map(|location| location.style()).collect();
        let mut in_order = LocationStyle::ISSUER.to_vec();
        if !has_path {
            in_order.retain(|style| *style != LocationStyle::OpenIdConfigurationInserted);
        }
        prop_assert_eq!(styles, in_order);
        // `scheme://authority`, found independently of the builders.
        let authority = issuer.find("://").unwrap() + 3;
        let origin = &issuer[..authority + issuer[authority..].find('/').unwrap_or(issuer.len() - authority)];
        let mut paths = std::collections::HashSet::new();
        for location in &listed {
            let built = match location.style() {
                LocationStyle::OAuthAuthorizationServer => oauth_authorization_server_url(&issuer).unwrap(),
                LocationStyle::OpenIdConfigurationInserted => rfc8414_url(&issuer, OPENID_CONFIGURATION).unwrap(),
                LocationStyle::OpenIdConfiguration => openid_configuration_url(&issuer).unwrap(),
                other => panic!("unexpected style {other}"),
            };
            prop_assert_eq!(location.url(), built.as_str());
            prop_assert_eq!(format!("{origin}{}", location.path()), location.url());
            prop_assert!(location.path().starts_with("/"));
            prop_assert!(paths.insert(location.path().to_owned()), "{} twice", location.path());
            let back = issuer_from_metadata_url(location.url()).unwrap();
            prop_assert_eq!(back.issuer.as_str(), expected);
            prop_assert_eq!(back.suffix.as_str(), location.style().suffix());
            prop_assert_eq!(back.style, location.style().placement());
        }
        match well_known_urls(&issuer) {
            Ok(urls) => {
                let url_of = |style| listed.iter().find(|l| l.style() == style).unwrap().url();
                prop_assert_eq!(urls.openid_configuration.as_str(), url_of(LocationStyle::OpenIdConfiguration));
                prop_assert_eq!(urls.oauth_authorization_server.as_str(), url_of(LocationStyle::OAuthAuthorizationServer));
            }
            Err(error) => {
                prop_assert_eq!(error.rule().map(|rule| rule.id), Some("issuer-https"), "{}", error);
                prop_assert!(!issuer.to_ascii_lowercase().starts_with("https:"));
            }
        }
    }

    /// Metadata URL → issuer → metadata URL gives the URL back (without one trailing slash),
    /// wherever a builder makes that form: the appended `openid-configuration` form, and the
    /// inserted form with any suffix.
    #[test]
    fn reverse_then_builders_give_the_url_back(
        issuer in any_issuer(),
        suffix in suffix(),
        inserted in any::<bool>(),
        trailing in prop::bool::weighted(0.2),
    ) {
        // Metadata URLs: from built ones, and as people write them by hand.
        let base = issuer.strip_suffix('/').unwrap_or(&issuer);
        let (origin, path) = match base.split_once("://") {
            Some((scheme, rest)) => match rest.find('/') {
                Some(slash) => (format!("{scheme}://{}", &rest[..slash]), rest[slash..].to_owned()),
                None => (base.to_owned(), String::new()),
            },
            None => (base.to_owned(), String::new()),
        };
        let mut url = if inserted {
            format!("{origin}/.well-known/{suffix}{path}")
        } else {
            format!("{base}/.well-known/{suffix}")
        };
        if trailing {
            url.push('/');
        }
        let Ok(implied) = issuer_from_metadata_url(&url) else {
            return Ok(());
        };
        let url = url.strip_suffix('/').unwrap_or(&url);
        match implied.style {
            WellKnownStyle::Inserted => {
                prop_assert_eq!(rfc8414_url(&implied.issuer, &implied.suffix).unwrap(), url);
            }
            WellKnownStyle::Appended if implied.suffix == OPENID_CONFIGURATION => {
                prop_assert_eq!(openid_configuration_url(&implied.issuer).unwrap(), url);
            }
            // The appended form with another suffix (Okta's
            // `…/oauth2/default/.well-known/oauth-authorization-server`): no builder makes it,
            // but the implied issuer is usable.
            _ => {
                prop_assert!(locations(&implied.issuer).is_ok());
                prop_assert_eq!(url, format!("{}/.well-known/{}", implied.issuer, implied.suffix));
            }
        }
    }

    /// No input makes the builders or the reverse panic, and every refusal quotes the input.
    #[test]
    fn any_text_is_answered(text in any::<String>(), suffix in any::<String>()) {
        let results = [
            openid_configuration_url(&text),
            oauth_authorization_server_url(&text),
            rfc8414_url(&text, &suffix),
            issuer_from_metadata_url(&text).map(|implied| implied.issuer),
            well_known_urls(&text).map(|urls| urls.openid_configuration),
            locations(&text).map(|listed| listed.len().to_string()),
            oauth_protected_resource_url(&text),
            resource_locations(&text).map(|listed| listed.len().to_string()),
            resource_from_metadata_url(&text).map(|implied| implied.resource),
        ];
        for result in results {
            if let Err(error) = result {
                let message = error.to_string();
                prop_assert!(message.contains(&format!("\"{text}\"")), "{}", message);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Protected-resource metadata URLs (RFC 9728 §3, §3.1).

/// Queries of resource identifiers: none, ordinary ones, empty, with `?` and `/` inside, and
/// some with characters no identifier may hold (a fragment, whitespace).
fn query() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(
        0.5,
        prop_oneof![
            6 => "[a-zA-Z0-9=&%._~!$'()*+,;:@/?-]{0,10}",
            1 => Just(String::new()),
            1 => "[^#]{0,4}",
            1 => "[a-z=]{0,3}#[a-z]{0,3}",
        ],
    )
}

/// Resource identifiers: the issuers of [`any_issuer`] with or without a query.
fn any_resource() -> impl Strategy<Value = String> {
    (any_issuer(), query()).prop_map(|(base, query)| match query {
        Some(query) => format!("{base}?{query}"),
        None => base,
    })
}

/// `scheme://authority`, the path and the query (with its `?`) of a URL, found independently of
/// the builders: the authority ends at the first `/` or `?`, the path at the first `?`.
fn pieces(url: &str) -> (&str, &str, &str) {
    let authority = url.find("://").unwrap() + 3;
    let origin_end = authority
        + url[authority..]
            .find(['/', '?'])
            .unwrap_or(url.len() - authority);
    let query_start = origin_end
        + url[origin_end..]
            .find('?')
            .unwrap_or(url.len() - origin_end);
    (
        &url[..origin_end],
        &url[origin_end..query_start],
        &url[query_start..],
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Resource identifier → metadata URL → resource identifier gives the identifier back
    /// (without the one terminating slash of its path, which the construction removes), its
    /// query kept; the other spelling builds the same URL; the URL is the identifier's origin,
    /// the inserted suffix, its path and its query; and the one list agrees with the builder.
    #[test]
    fn resource_builder_then_reverse_give_the_identifier_back(resource in any_resource()) {
        let Ok(url) = oauth_protected_resource_url(&resource) else {
            let error = oauth_protected_resource_url(&resource).unwrap_err();
            prop_assert_eq!(resource_locations(&resource).unwrap_err(), error.clone());
            prop_assert!(error.inventory().is_some(), "{}", error);
            prop_assert!(matches!(error, WellKnownError::InvalidResource { .. }), "{}", error);
            return Ok(());
        };
        let (origin, path, query) = pieces(&resource);
        let path = path.strip_suffix('/').unwrap_or(path);
        let expected = format!("{origin}{path}{query}");
        prop_assert_eq!(
            &url,
            &format!("{origin}/.well-known/{OAUTH_PROTECTED_RESOURCE}{path}{query}")
        );
        let origin_slash = format!("{origin}/");
        prop_assert!(url.starts_with(&origin_slash));

        let implied = resource_from_metadata_url(&url).unwrap();
        prop_assert_eq!(&implied.resource, &expected);
        prop_assert_eq!(&implied.with_trailing_slash, &format!("{origin}{path}/{query}"));
        prop_assert!(implied.is_built_by(&resource));
        prop_assert_eq!(implied.suffix.as_str(), OAUTH_PROTECTED_RESOURCE);
        prop_assert_eq!(implied.style(), Some(LocationStyle::OAuthProtectedResource));
        prop_assert_eq!(oauth_protected_resource_url(&implied.resource).unwrap(), url.clone());
        prop_assert_eq!(
            oauth_protected_resource_url(&implied.with_trailing_slash).unwrap(),
            url.clone()
        );

        let listed = resource_locations(&resource).unwrap();
        prop_assert_eq!(listed.len(), LocationStyle::RESOURCE.len());
        let location = &listed[0];
        prop_assert_eq!(location.url(), url.as_str());
        prop_assert_eq!(location.style(), LocationStyle::OAuthProtectedResource);
        prop_assert_eq!(format!("{origin}{}", location.path()), pieces(&url).0.to_owned() + pieces(&url).1);
        prop_assert!(location.path().starts_with("/.well-known/oauth-protected-resource"));
        prop_assert!(!location.path().contains('?'));
        prop_assert_eq!(location.query(), query.strip_prefix('?'));
    }

    /// A resource identifier without a query builds exactly when it can be an issuer, refused
    /// for the same problem; its protected-resource location never shares a path with one of
    /// its issuer locations; and `well_known_urls` takes its URL from the resource list.
    #[test]
    fn a_query_is_the_only_difference_from_an_issuer(resource in any_resource()) {
        let as_resource = resource_locations(&resource);
        if resource.contains('?') {
            if as_resource.is_ok() {
                prop_assert!(locations(&resource).is_err());
            }
            return Ok(());
        }
        match (&as_resource, locations(&resource)) {
            (Ok(resource_listed), Ok(issuer_listed)) => {
                let mut paths = std::collections::HashSet::new();
                for location in resource_listed.iter().chain(&issuer_listed) {
                    prop_assert!(paths.insert(location.path().to_owned()), "{} twice", location.path());
                }
                if let Ok(urls) = well_known_urls(&resource) {
                    prop_assert_eq!(urls.oauth_protected_resource.as_str(), resource_listed[0].url());
                }
            }
            (Err(WellKnownError::InvalidResource { problem: a, .. }),
             Err(WellKnownError::InvalidIssuer { problem: b, .. })) => prop_assert_eq!(a, &b),
            (resource_side, issuer_side) => prop_assert!(
                false,
                "{} differs: {:?} / {:?}",
                resource,
                resource_side.as_ref().map(Vec::len),
                issuer_side.map(|listed| listed.len())
            ),
        }
    }

    /// Metadata URL → resource identifier → metadata URL gives the URL back (without one
    /// trailing slash of its path), for URLs built by hand with any suffix and query; the
    /// appended form is never taken for a protected-resource URL.
    #[test]
    fn resource_reverse_then_builder_give_the_url_back(
        issuer in any_issuer(),
        suffix in suffix(),
        query in query(),
        appended in prop::bool::weighted(0.2),
        trailing in prop::bool::weighted(0.2),
    ) {
        let base = issuer.strip_suffix('/').unwrap_or(&issuer);
        let (origin, path, _) = pieces(base);
        let mut url = if appended {
            format!("{base}/.well-known/{suffix}")
        } else {
            format!("{origin}/.well-known/{suffix}{path}")
        };
        if trailing {
            url.push('/');
        }
        if let Some(query) = &query {
            url.push('?');
            url.push_str(query);
        }
        let Ok(implied) = resource_from_metadata_url(&url) else {
            return Ok(());
        };
        prop_assert!(!appended || path.is_empty(), "{} taken for the inserted form", url);
        let (url_origin, url_path, url_query) = pieces(&url);
        let url_path = url_path.strip_suffix('/').unwrap_or(url_path);
        // (A generated suffix holding `/` puts its tail in the implied path.)
        prop_assert!(suffix.starts_with(&implied.suffix), "{} from {}", implied.suffix, url);
        let rebuilt = implied.resource.replacen(
            url_origin,
            &format!("{url_origin}/.well-known/{}", implied.suffix),
            1,
        );
        prop_assert_eq!(rebuilt, format!("{url_origin}{url_path}{url_query}"));
        if suffix == OAUTH_PROTECTED_RESOURCE {
            prop_assert_eq!(
                oauth_protected_resource_url(&implied.resource).unwrap(),
                format!("{url_origin}{url_path}{url_query}")
            );
        }
    }
}
