//! The HTTP contract, asserted with literal values against the framework-free core (the
//! conformance suite then holds every adapter to the core).

use http::{HeaderValue, Method, StatusCode};
use oidc_discovery_http::{Endpoint, Request, RouteKind};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{OAuth, Options, validate};

fn endpoint(issuer: &str) -> Endpoint {
    let json = format!(
        r#"{{"issuer": "{issuer}", "authorization_endpoint": "{issuer}/a", "token_endpoint": "{issuer}/t",
            "jwks_uri": "https://keys.example.com/{issuer_host}/jwks", "response_types_supported": ["code"]}}"#,
        issuer_host = "x"
    );
    let validated = validate::<OAuth>(
        ProviderMetadata::from_json_str(&json).unwrap(),
        &Options::default(),
    )
    .unwrap();
    Endpoint::builder(&validated)
        .jwks(serde_json::json!({"keys": []}))
        .build()
        .unwrap()
}

fn header<'a>(response: &'a oidc_discovery_http::PreparedResponse, name: &str) -> Option<&'a str> {
    response.headers.get(name).map(|v| v.to_str().unwrap())
}

#[test]
fn routes_follow_both_well_known_styles() {
    use oidc_discovery_validate::well_known::LocationStyle;
    const OIDC: RouteKind = RouteKind::Metadata(LocationStyle::OpenIdConfiguration);
    const OAUTH: RouteKind = RouteKind::Metadata(LocationStyle::OAuthAuthorizationServer);
    const INSERTED: RouteKind = RouteKind::Metadata(LocationStyle::OpenIdConfigurationInserted);
    // In the order clients try them.
    let cases = [
        (
            "https://a.example",
            vec![
                ("/.well-known/oauth-authorization-server", OAUTH),
                ("/.well-known/openid-configuration", OIDC),
            ],
        ),
        (
            "https://a.example/",
            vec![
                ("/.well-known/oauth-authorization-server", OAUTH),
                ("/.well-known/openid-configuration", OIDC),
            ],
        ),
        (
            "https://a.example/issuer1",
            vec![
                ("/.well-known/oauth-authorization-server/issuer1", OAUTH),
                ("/.well-known/openid-configuration/issuer1", INSERTED),
                ("/issuer1/.well-known/openid-configuration", OIDC),
            ],
        ),
        (
            "https://a.example:8443/a/b/",
            vec![
                ("/.well-known/oauth-authorization-server/a/b", OAUTH),
                ("/.well-known/openid-configuration/a/b", INSERTED),
                ("/a/b/.well-known/openid-configuration", OIDC),
            ],
        ),
    ];
    for (issuer, expected) in cases {
        let endpoint = endpoint(issuer);
        let metadata_routes: Vec<(&str, RouteKind)> = endpoint
            .routes()
            .iter()
            .filter(|r| r.kind != RouteKind::Jwks)
            .map(|r| (r.path.as_str(), r.kind))
            .collect();
        assert_eq!(metadata_routes, expected, "{issuer}");
        assert_eq!(endpoint.routes().last().unwrap().path, "/x/jwks");
    }
}

#[test]
fn get_returns_the_bytes_with_the_contract_headers() {
    let endpoint = endpoint("https://a.example");
    let response = endpoint
        .respond(&Request::get("/.well-known/openid-configuration"))
        .unwrap();
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        header(&response, "cache-control"),
        Some("public, max-age=3600")
    );
    assert_eq!(header(&response, "access-control-allow-origin"), Some("*"));
    let etag = header(&response, "etag").unwrap();
    assert!(
        etag.starts_with('"') && etag.ends_with('"') && !etag.starts_with("W/"),
        "{etag}"
    );
    assert_eq!(
        header(&response, "content-length"),
        Some(response.body.len().to_string().as_str())
    );
    let served: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(served["issuer"], "https://a.example");
    assert_eq!(response.body, endpoint.metadata().body());
}

#[test]
fn head_has_the_get_headers_and_no_body() {
    let endpoint = endpoint("https://a.example");
    let get = endpoint
        .respond(&Request::get("/.well-known/openid-configuration"))
        .unwrap();
    let head = endpoint
        .respond(&Request::new(
            Method::HEAD,
            "/.well-known/openid-configuration",
        ))
        .unwrap();
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.headers, get.headers);
    assert!(head.body.is_empty());
}

#[test]
fn if_none_match_gives_304_with_etag_and_cache_control() {
    let endpoint = endpoint("https://a.example/t");
    let path = "/.well-known/oauth-authorization-server/t";
    let etag = endpoint.metadata().etag().clone();
    let weak = HeaderValue::try_from(format!("W/{}", etag.to_str().unwrap())).unwrap();
    for (value, expected) in [
        (etag.clone(), StatusCode::NOT_MODIFIED),
        (weak, StatusCode::NOT_MODIFIED),
        (HeaderValue::from_static("*"), StatusCode::NOT_MODIFIED),
        (HeaderValue::from_static("\"nope\""), StatusCode::OK),
    ] {
        for method in [Method::GET, Method::HEAD] {
            let request = Request::new(method.clone(), path)
                .header(http::header::IF_NONE_MATCH, value.clone());
            let response = endpoint.respond(&request).unwrap();
            assert_eq!(response.status, expected, "{method} {value:?}");
            if expected == StatusCode::NOT_MODIFIED {
                assert!(response.body.is_empty());
                assert_eq!(response.headers.get("etag"), Some(&etag));
                assert_eq!(
                    header(&response, "cache-control"),
                    Some("public, max-age=3600")
                );
                assert!(response.headers.get("content-type").is_none());
            }
        }
    }
}

#[test]
fn options_is_a_cors_preflight_and_other_methods_are_405() {
    let endpoint = endpoint("https://a.example");
    let path = "/.well-known/openid-configuration";
    let preflight = endpoint
        .respond(&Request::new(Method::OPTIONS, path).header(
            http::header::ACCESS_CONTROL_REQUEST_HEADERS,
            HeaderValue::from_static("if-none-match"),
        ))
        .unwrap();
    assert_eq!(preflight.status, StatusCode::NO_CONTENT);
    assert_eq!(header(&preflight, "access-control-allow-origin"), Some("*"));
    assert_eq!(
        header(&preflight, "access-control-allow-methods"),
        Some("GET, HEAD")
    );
    assert_eq!(
        header(&preflight, "access-control-allow-headers"),
        Some("if-none-match")
    );
    assert!(preflight.body.is_empty());
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PURGE",
    ] {
        let response = endpoint
            .respond(&Request::new(
                Method::from_bytes(method.as_bytes()).unwrap(),
                path,
            ))
            .unwrap();
        assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(header(&response, "allow"), Some("GET, HEAD, OPTIONS"));
        assert!(response.body.is_empty());
    }
}

#[test]
fn the_jwk_set_is_served_with_its_media_type_and_other_paths_are_not() {
    let endpoint = endpoint("https://a.example");
    let response = endpoint.respond(&Request::get("/x/jwks")).unwrap();
    assert_eq!(
        header(&response, "content-type"),
        Some("application/jwk-set+json")
    );
    assert_eq!(&response.body[..], b"{\"keys\":[]}");
    for path in [
        "/",
        "/.well-known/openid-configuration/",
        "/.well-known/oauth-authorization-server/",
        "/X/jwks",
    ] {
        assert!(endpoint.respond(&Request::get(path)).is_none(), "{path}");
    }
}

#[test]
fn configuration_errors_are_reported() {
    let json = r#"{"issuer": "https://a.example", "authorization_endpoint": "https://a.example/a",
                   "token_endpoint": "https://a.example/t", "response_types_supported": ["code"]}"#;
    let validated = validate::<OAuth>(
        ProviderMetadata::from_json_str(json).unwrap(),
        &Options::default(),
    )
    .unwrap();
    assert!(matches!(
        Endpoint::builder(&validated)
            .jwks(serde_json::json!({"keys": []}))
            .build(),
        Err(oidc_discovery_http::EndpointError::NoJwksUri)
    ));
    assert!(matches!(
        Endpoint::builder(&validated)
            .cache_control("bad\nvalue")
            .build(),
        Err(oidc_discovery_http::EndpointError::CacheControl(_))
    ));
    let custom = Endpoint::builder(&validated)
        .cache_control("no-store")
        .build()
        .unwrap();
    let response = custom
        .respond(&Request::get("/.well-known/openid-configuration"))
        .unwrap();
    assert_eq!(header(&response, "cache-control"), Some("no-store"));
}

#[test]
fn the_etag_is_stable_and_depends_on_the_bytes() {
    let a = endpoint("https://a.example");
    let b = endpoint("https://a.example");
    let c = endpoint("https://b.example");
    assert_eq!(a.metadata().etag(), b.metadata().etag());
    assert_ne!(a.metadata().etag(), c.metadata().etag());
}

#[cfg(feature = "conformance")]
#[test]
fn the_conformance_suite_passes_against_the_core_itself() {
    struct Core<'a>(&'a Endpoint);
    impl oidc_discovery_http::conformance::HttpIntegration for Core<'_> {
        fn send(&self, request: &Request) -> oidc_discovery_http::conformance::TestResponse {
            match self.0.respond(request) {
                Some(response) => oidc_discovery_http::conformance::TestResponse {
                    status: response.status,
                    headers: response.headers,
                    body: response.body,
                },
                None => oidc_discovery_http::conformance::TestResponse {
                    status: StatusCode::NOT_FOUND,
                    headers: http::HeaderMap::new(),
                    body: bytes::Bytes::new(),
                },
            }
        }
    }
    for endpoint in oidc_discovery_http::conformance::fixtures() {
        oidc_discovery_http::conformance::run(&Core(&endpoint), &endpoint);
    }
}

fn validated(issuer: &str) -> oidc_discovery_validate::Validated<OAuth> {
    let json = format!(
        r#"{{"issuer": "{issuer}", "authorization_endpoint": "{issuer}/a", "token_endpoint": "{issuer}/t",
            "jwks_uri": "{issuer}/jwks", "response_types_supported": ["code"]}}"#
    );
    validate::<OAuth>(
        ProviderMetadata::from_json_str(&json).unwrap(),
        &Options::default(),
    )
    .unwrap()
}

#[test]
fn one_endpoint_serves_several_documents_each_at_its_own_routes() {
    let (a, b) = (
        validated("https://as.example.com/a"),
        validated("https://as.example.com/b"),
    );
    let endpoint = Endpoint::builder(&a).document(&b).build().unwrap();
    let paths: Vec<&str> = endpoint.routes().iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/.well-known/oauth-authorization-server/a",
            "/.well-known/openid-configuration/a",
            "/a/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server/b",
            "/.well-known/openid-configuration/b",
            "/b/.well-known/openid-configuration",
        ]
    );
    for (path, issuer) in [
        (
            "/a/.well-known/openid-configuration",
            "https://as.example.com/a",
        ),
        (
            "/.well-known/oauth-authorization-server/b",
            "https://as.example.com/b",
        ),
    ] {
        let response = endpoint.respond(&Request::get(path)).unwrap();
        let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
        assert_eq!(body["issuer"], issuer, "{path}");
        // Each document keeps its own ETag: a revalidation with the other's is a 200.
        let other = if issuer.ends_with('a') { &b } else { &a };
        let other_etag = Endpoint::new(other).unwrap().metadata().etag().clone();
        let revalidation = Request::get(path).header(http::header::IF_NONE_MATCH, other_etag);
        assert_eq!(
            endpoint.respond(&revalidation).unwrap().status,
            StatusCode::OK
        );
    }
    assert_eq!(
        endpoint.metadata().etag(),
        Endpoint::new(&a).unwrap().metadata().etag()
    );
}

#[test]
fn two_documents_on_one_path_are_refused_with_both_named() {
    let a = validated("https://as.example.com/a");
    let error = Endpoint::builder(&a).document(&a).build().unwrap_err();
    assert!(
        matches!(
            &error,
            oidc_discovery_http::EndpointError::DuplicatePath { path, .. }
                if path == "/.well-known/oauth-authorization-server/a"
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "the authorization server metadata of https://as.example.com/a would be served at \
         /.well-known/oauth-authorization-server/a, where the authorization server metadata of \
         https://as.example.com/a is served already"
    );
    // A JWK Set at a metadata path of another document is refused the same way.
    let keys_at_b = {
        let json = r#"{"issuer": "https://as.example.com/a", "authorization_endpoint": "https://as.example.com/a/a",
            "token_endpoint": "https://as.example.com/a/t", "response_types_supported": ["code"],
            "jwks_uri": "https://as.example.com/b/.well-known/openid-configuration"}"#;
        validate::<OAuth>(
            ProviderMetadata::from_json_str(json).unwrap(),
            &Options::default(),
        )
        .unwrap()
    };
    let error = Endpoint::builder(&keys_at_b)
        .document(&validated("https://as.example.com/b"))
        .jwks(serde_json::json!({"keys": []}))
        .build()
        .unwrap_err();
    assert!(
        error.to_string().starts_with(
            "the JWK Set of the authorization server metadata of https://as.example.com/a would be served at /b/.well-known/openid-configuration"
        ),
        "{error}"
    );
}
