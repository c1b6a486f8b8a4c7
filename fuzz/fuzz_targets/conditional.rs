//! Arbitrary methods, paths and headers against a prepared `Endpoint`, and arbitrary
//! `If-None-Match` values against arbitrary entity tags.
//!
//! Invariants: nothing panics; `304` only when an `If-None-Match` value names the current
//! entity tag (or is `*`), and always when one is exactly the tag, its weak form or `*`; `304`,
//! `HEAD`, `OPTIONS` and `405` have no body; `200` to `GET` is the prepared bytes with their
//! length; an unknown path is not answered; a method other than GET, HEAD and OPTIONS is `405`
//! with `Allow`.

#![no_main]

use std::sync::OnceLock;

use http::header::{ALLOW, CONTENT_LENGTH, ETAG, IF_NONE_MATCH};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use oidc_discovery_http::{Endpoint, Request, if_none_match_matches};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    method: &'a [u8],
    /// Which route (modulo the number of routes), or an arbitrary path when `None`.
    route: Option<u8>,
    path: &'a str,
    headers: Vec<(HeaderChoice<'a>, &'a [u8])>,
    /// An entity tag to try `if_none_match_matches` on directly.
    etag: &'a str,
}

#[derive(Debug, Arbitrary)]
enum HeaderChoice<'a> {
    IfNoneMatch,
    /// `If-None-Match` built from the current tag: exact, weak, in a list.
    CurrentTag {
        weak: bool,
        before: &'a str,
        after: &'a str,
    },
    AccessControlRequestHeaders,
    IfMatch,
    Other(&'a [u8]),
}

fn endpoints() -> &'static [Endpoint] {
    static ENDPOINTS: OnceLock<Vec<Endpoint>> = OnceLock::new();
    ENDPOINTS.get_or_init(|| {
        ["https://id.example.com", "https://id.example.com/tenant/a"]
            .into_iter()
            .map(|issuer| {
                let json = oidc_discovery_http::example::document(issuer);
                let metadata = ProviderMetadata::from_json_str(&json).expect("example parses");
                let validated = validate::<Oidc>(metadata, &Options::expecting(issuer))
                    .expect("example is valid");
                let jwks = serde_json::from_str(oidc_discovery_http::example::JWKS).expect("JWKS");
                Endpoint::builder(&validated)
                    .jwks(jwks)
                    .build()
                    .expect("example serves")
            })
            .collect()
    })
}

/// The opaque part of a strong, quoted entity tag.
fn opaque(etag: &str) -> &str {
    etag.trim_matches('"')
}

fuzz_target!(|input: Input<'_>| {
    // The header-level function on its own, with any entity tag.
    for (_, value) in &input.headers {
        if let Ok(value) = HeaderValue::from_bytes(value) {
            let matched = if_none_match_matches(&value, input.etag);
            if matched {
                let text = value.to_str().expect("a matching value is text");
                assert!(
                    text.trim() == "*" || input.etag.contains('"'),
                    "{text:?} vs {:?}",
                    input.etag
                );
            }
        }
    }

    for endpoint in endpoints() {
        let etag = endpoint
            .metadata()
            .etag()
            .to_str()
            .expect("ASCII etag")
            .to_owned();
        let mut headers = HeaderMap::new();
        for (choice, value) in &input.headers {
            let (name, value) = match choice {
                HeaderChoice::IfNoneMatch => (IF_NONE_MATCH, HeaderValue::from_bytes(value)),
                HeaderChoice::CurrentTag {
                    weak,
                    before,
                    after,
                } => {
                    let tag = if *weak {
                        format!("W/{etag}")
                    } else {
                        etag.clone()
                    };
                    (
                        IF_NONE_MATCH,
                        HeaderValue::try_from(format!("{before}{tag}{after}")),
                    )
                }
                HeaderChoice::AccessControlRequestHeaders => (
                    HeaderName::from_static("access-control-request-headers"),
                    HeaderValue::from_bytes(value),
                ),
                HeaderChoice::IfMatch => (http::header::IF_MATCH, HeaderValue::from_bytes(value)),
                HeaderChoice::Other(name) => match HeaderName::from_bytes(name) {
                    Ok(name) => (name, HeaderValue::from_bytes(value)),
                    Err(_) => continue,
                },
            };
            if let Ok(value) = value {
                headers.append(name, value);
            }
        }
        let method = Method::from_bytes(input.method).unwrap_or(Method::GET);
        let routes = endpoint.routes();
        let path = match input.route {
            Some(index) => routes[usize::from(index) % routes.len()].path.clone(),
            None => input.path.to_owned(),
        };
        let request = Request {
            method: method.clone(),
            path: path.clone(),
            headers: headers.clone(),
        };
        let Some(response) = endpoint.respond(&request) else {
            assert!(
                routes.iter().all(|route| route.path != path),
                "{path:?} is served"
            );
            continue;
        };
        let route = routes
            .iter()
            .find(|route| route.path == path)
            .expect("a served path");
        let representation = match route.kind {
            oidc_discovery_http::RouteKind::Jwks => endpoint.jwks().expect("JWKS served"),
            _ => endpoint.metadata(),
        };
        let current = representation.etag().to_str().expect("ASCII etag");

        let values: Vec<&str> = headers
            .get_all(IF_NONE_MATCH)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        let names_current = values.iter().any(|value| {
            value.trim() == "*" || value.contains(&format!("\"{}\"", opaque(current)))
        });
        let exactly_current = values.iter().any(|value| {
            [current.to_owned(), format!("W/{current}"), "*".to_owned()]
                .contains(&value.trim().to_owned())
        });

        match method {
            Method::GET | Method::HEAD => {
                if response.status == StatusCode::NOT_MODIFIED {
                    assert!(names_current, "304 for {values:?} (tag {current})");
                    assert!(response.body.is_empty());
                    assert_eq!(response.headers[ETAG], current);
                } else {
                    assert_eq!(response.status, StatusCode::OK);
                    assert!(!exactly_current, "200 for {values:?} (tag {current})");
                    let length: usize = response.headers[CONTENT_LENGTH]
                        .to_str()
                        .expect("digits")
                        .parse()
                        .expect("a length");
                    assert_eq!(length, representation.body().len());
                    if method == Method::GET {
                        assert_eq!(&response.body, representation.body());
                    } else {
                        assert!(response.body.is_empty());
                    }
                }
            }
            Method::OPTIONS => {
                assert_eq!(response.status, StatusCode::NO_CONTENT);
                assert!(response.body.is_empty());
                if let Some(allowed) = response.headers.get("access-control-allow-headers") {
                    assert!(allowed.len() <= 1024 && allowed.to_str().is_ok());
                }
            }
            _ => {
                assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED);
                assert_eq!(response.headers[ALLOW], oidc_discovery_http::ALLOW);
                assert!(response.body.is_empty());
            }
        }
    }
});
