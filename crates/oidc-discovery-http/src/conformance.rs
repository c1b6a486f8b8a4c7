//! The conformance suite, written once and run against every framework adapter (the pattern of
//! juniper's `HttpIntegration`).
//!
//! An adapter's test implements [`HttpIntegration`] for its framework (in-process: a tower
//! `oneshot`, actix's test service, `warp::test`), then calls [`run`] for each
//! [`fixtures`] endpoint. The suite sends every case of the HTTP contract and asserts that the
//! adapter's status, headers and body are exactly what [`Endpoint::respond`] prescribes: the
//! adapters add no semantics of their own, so they all answer alike, byte for byte.

use bytes::Bytes;
use http::header::{CONTENT_LENGTH, ETAG};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use oidc_discovery_metadata::{ProtectedResourceMetadata, ProviderMetadata};
use oidc_discovery_validate::{OAuth, Options, Resource, validate};

use crate::{Endpoint, Request};

/// A response as the test sees it.
#[derive(Debug, Clone)]
pub struct TestResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers (the framework's own extras, such as `date`, are allowed).
    pub headers: HeaderMap,
    /// Body bytes.
    pub body: Bytes,
}

/// How the suite talks to one framework: send a request, get the response.
pub trait HttpIntegration {
    /// Sends `request` to an application that mounts the adapter for the endpoint under test
    /// (and nothing else), and returns the response.
    fn send(&self, request: &Request) -> TestResponse;
}

/// The endpoints the suite runs against: an issuer without a path, an issuer with a path that
/// also serves its JWK Set, an issuer with a percent-encoded path, then the
/// [`resource_fixtures`].
///
/// # Panics
///
/// Never: the documents are valid by construction.
#[must_use]
pub fn fixtures() -> Vec<Endpoint> {
    let plain = r#"{
        "issuer": "https://id.example.com",
        "authorization_endpoint": "https://id.example.com/authorize",
        "token_endpoint": "https://id.example.com/token",
        "jwks_uri": "https://id.example.com/jwks.json",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "ui_locales_supported": ["en", "fr-CA"],
        "op_tos_uri#fr": "https://id.example.com/fr/conditions"
    }"#;
    let with_path = r#"{
        "issuer": "https://as.example.com/tenants/a",
        "authorization_endpoint": "https://as.example.com/tenants/a/authorize",
        "token_endpoint": "https://as.example.com/tenants/a/token",
        "jwks_uri": "https://as.example.com/tenants/a/keys",
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"]
    }"#;
    // A percent-encoded issuer path: served exactly as spelled, never as decoded.
    let encoded_path = r#"{
        "issuer": "https://as.example.com/caf%C3%A9",
        "authorization_endpoint": "https://as.example.com/caf%C3%A9/authorize",
        "token_endpoint": "https://as.example.com/caf%C3%A9/token",
        "response_types_supported": ["code"]
    }"#;
    let prepare = |json: &str| {
        let metadata = ProviderMetadata::from_json_str(json).expect("fixture parses");
        validate::<OAuth>(metadata, &Options::default()).expect("fixture is valid")
    };
    vec![
        Endpoint::new(&prepare(plain)).expect("fixture endpoint"),
        Endpoint::builder(&prepare(with_path))
            .cache_control("public, max-age=600")
            .jwks(serde_json::json!({ "keys": [{ "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "a" }] }))
            .build()
            .expect("fixture endpoint"),
        Endpoint::new(&prepare(encoded_path)).expect("fixture endpoint"),
    ]
    .into_iter()
    .chain(resource_fixtures())
    .collect()
}

/// The protected resource endpoints (RFC 9728): an MCP server's metadata alone (the resource
/// `https://mcp.example.com/mcp`, with a path), and an authorization server's metadata served
/// with two protected resources' on one origin (`https://mcp.example.com/mcp` and
/// `https://mcp.example.com`, without a path).
///
/// # Panics
///
/// Never: the documents are valid by construction.
#[must_use]
pub fn resource_fixtures() -> Vec<Endpoint> {
    let resource = |identifier: &str| {
        let json = format!(
            r#"{{
                "resource": "{identifier}",
                "authorization_servers": ["https://mcp.example.com"],
                "scopes_supported": ["mcp:tools"],
                "bearer_methods_supported": ["header"],
                "resource_name": "Example MCP server"
            }}"#
        );
        let metadata = ProtectedResourceMetadata::from_json_str(&json).expect("fixture parses");
        validate::<Resource>(metadata, &Options::default()).expect("fixture is valid")
    };
    let provider = r#"{
        "issuer": "https://mcp.example.com",
        "authorization_endpoint": "https://mcp.example.com/authorize",
        "token_endpoint": "https://mcp.example.com/token",
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"]
    }"#;
    let provider = validate::<OAuth>(
        ProviderMetadata::from_json_str(provider).expect("fixture parses"),
        &Options::default(),
    )
    .expect("fixture is valid");
    vec![
        Endpoint::new(&resource("https://mcp.example.com/mcp")).expect("fixture endpoint"),
        Endpoint::builder(&provider)
            .document(&resource("https://mcp.example.com/mcp"))
            .document(&resource("https://mcp.example.com"))
            .build()
            .expect("fixture endpoint"),
    ]
}

fn header(name: &'static str, value: &str) -> (HeaderName, HeaderValue) {
    (
        HeaderName::from_static(name),
        HeaderValue::from_str(value).expect("test header"),
    )
}

/// Every request of the contract for one path, with a name for failure messages.
fn cases(endpoint: &Endpoint, path: &str, etag: &str) -> Vec<(String, Request)> {
    let opaque = etag.trim_matches('"');
    let with = |method: Method, headers: Vec<(HeaderName, HeaderValue)>| {
        let mut request = Request::new(method, path);
        for (name, value) in headers {
            request.headers.append(name, value);
        }
        request
    };
    let mut cases = vec![
        ("GET".to_owned(), with(Method::GET, vec![])),
        ("HEAD".to_owned(), with(Method::HEAD, vec![])),
        (
            "GET, If-None-Match: the ETag".to_owned(),
            with(Method::GET, vec![header("if-none-match", etag)]),
        ),
        (
            "HEAD, If-None-Match: the ETag".to_owned(),
            with(Method::HEAD, vec![header("if-none-match", etag)]),
        ),
        (
            "GET, If-None-Match: weak ETag".to_owned(),
            with(
                Method::GET,
                vec![header("if-none-match", &format!("W/{etag}"))],
            ),
        ),
        (
            "GET, If-None-Match: list".to_owned(),
            with(
                Method::GET,
                vec![header(
                    "if-none-match",
                    &format!("\"other\", W/\"x\", {etag}"),
                )],
            ),
        ),
        (
            "GET, If-None-Match: *".to_owned(),
            with(Method::GET, vec![header("if-none-match", "*")]),
        ),
        (
            "GET, If-None-Match: two headers".to_owned(),
            with(
                Method::GET,
                vec![
                    header("if-none-match", "\"other\""),
                    header("if-none-match", etag),
                ],
            ),
        ),
        (
            "GET, If-None-Match: another ETag".to_owned(),
            with(
                Method::GET,
                vec![header("if-none-match", "\"0000000000000000-0\"")],
            ),
        ),
        (
            "GET, If-None-Match: unquoted".to_owned(),
            with(Method::GET, vec![header("if-none-match", opaque)]),
        ),
        (
            "GET, If-None-Match: unterminated".to_owned(),
            with(
                Method::GET,
                vec![header("if-none-match", &format!("\"{opaque}"))],
            ),
        ),
        (
            "GET, If-None-Match: garbage".to_owned(),
            with(
                Method::GET,
                vec![header("if-none-match", "W/, ,,\"\"\" W/W/")],
            ),
        ),
        (
            "GET, If-None-Match: 16 KiB".to_owned(),
            with(
                Method::GET,
                vec![header(
                    "if-none-match",
                    &format!("{}, {etag}", "\"x\",".repeat(4000)),
                )],
            ),
        ),
        (
            "OPTIONS".to_owned(),
            with(
                Method::OPTIONS,
                vec![
                    header("origin", "https://app.example"),
                    header("access-control-request-method", "GET"),
                ],
            ),
        ),
        (
            "OPTIONS, requested headers".to_owned(),
            with(
                Method::OPTIONS,
                vec![
                    header("origin", "https://app.example"),
                    header("access-control-request-method", "GET"),
                    header("access-control-request-headers", "if-none-match"),
                ],
            ),
        ),
        (
            "GET with Origin".to_owned(),
            with(Method::GET, vec![header("origin", "https://app.example")]),
        ),
    ];
    for method in ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PURGE"] {
        cases.push((
            method.to_owned(),
            with(
                Method::from_bytes(method.as_bytes()).expect("method"),
                vec![],
            ),
        ));
    }
    let _ = endpoint;
    cases
}

/// Runs every case of the contract against `integration` for every route of `endpoint`, and
/// checks that paths it does not serve are left to the application (404).
///
/// # Panics
///
/// On the first difference, with the case, the expected and the actual response.
pub fn run(integration: &impl HttpIntegration, endpoint: &Endpoint) {
    for route in endpoint.routes() {
        let representation = route.representation();
        let etag = representation
            .etag()
            .to_str()
            .expect("ASCII ETag")
            .to_owned();
        for (name, request) in cases(endpoint, &route.path, &etag) {
            let expected = endpoint.respond(&request).expect("a served path");
            let actual = integration.send(&request);
            let context = format!("{} {name}", route.path);
            assert_eq!(actual.status, expected.status, "{context}: status");
            for (header, value) in &expected.headers {
                let values: Vec<&HeaderValue> = actual.headers.get_all(header).iter().collect();
                assert_eq!(
                    values,
                    [value],
                    "{context}: header `{header}` (all values: {values:?})"
                );
            }
            assert_eq!(actual.body, expected.body, "{context}: body");
            // Nothing the framework adds may contradict the contract.
            if request.method == Method::HEAD && actual.status == StatusCode::OK {
                assert_eq!(
                    actual
                        .headers
                        .get(CONTENT_LENGTH)
                        .and_then(|v| v.to_str().ok()),
                    Some(representation.body().len().to_string().as_str()),
                    "{context}: HEAD keeps the GET Content-Length"
                );
            }
            if actual.status == StatusCode::NOT_MODIFIED {
                assert!(
                    actual.headers.contains_key(ETAG),
                    "{context}: 304 repeats the ETag"
                );
                // RFC 9110 §8.6: a 304 may carry Content-Length only as the length GET would send.
                if let Some(length) = actual.headers.get(CONTENT_LENGTH) {
                    assert_eq!(
                        length.to_str().ok(),
                        Some(representation.body().len().to_string().as_str()),
                        "{context}: a 304's Content-Length, if any, is the representation's"
                    );
                }
            }
            if actual.status == StatusCode::NO_CONTENT {
                // RFC 9110 §8.6: a server MUST NOT send Content-Length in a 204.
                assert!(
                    !actual.headers.contains_key(CONTENT_LENGTH),
                    "{context}: 204 without Content-Length"
                );
            }
        }
    }
    let mut unserved: Vec<String> = [
        "/",
        "/.well-known/other",
        "/.well-known/openid-configuration/extra",
    ]
    .map(String::from)
    .into();
    for route in endpoint.routes() {
        // Other spellings of a served path: a trailing slash, a percent-encoded character
        // that decodes to the served path, and a served percent-encoding decoded.
        unserved.push(format!("{}/", route.path));
        unserved.push(route.path.replacen('-', "%2D", 1));
        unserved.push(route.path.replacen(".well-known", "%2Ewell-known", 1));
        unserved.push(route.path.replace("%C3%A9", "%c3%a9"));
    }
    for path in &unserved {
        if endpoint.routes().iter().any(|route| route.path == *path) {
            continue;
        }
        let actual = integration.send(&Request::get(path.as_str()));
        assert_eq!(
            actual.status,
            StatusCode::NOT_FOUND,
            "{path}: not served by the adapter"
        );
    }
}

/// The path [`run_challenge`] requests: an application's protected route.
pub const PROTECTED_PATH: &str = "/mcp";

/// Runs the challenge cases against `integration`, an application whose route
/// [`PROTECTED_PATH`] (every method) is guarded by the adapter's guard for `challenge` and
/// answers `200` with no body when the guard lets a request through.
///
/// A request without a bearer token (none, an empty one, another scheme) must get exactly the
/// core's [`Challenge::response`](crate::Challenge::response), whatever its method; a request
/// with a bearer token (any case of the scheme) and a CORS preflight must reach the route.
///
/// # Panics
///
/// On the first difference, with the case, the expected and the actual response.
pub fn run_challenge(integration: &impl HttpIntegration, challenge: &crate::Challenge) {
    let expected = challenge.response();
    let refused: [(&str, Method, Option<&str>); 6] = [
        ("GET without Authorization", Method::GET, None),
        ("POST without Authorization", Method::POST, None),
        ("DELETE without Authorization", Method::DELETE, None),
        ("POST with Basic", Method::POST, Some("Basic dXNlcjpwYXNz")),
        ("POST with an empty Bearer", Method::POST, Some("Bearer ")),
        (
            "POST with Bearer and no space",
            Method::POST,
            Some("Bearerabc"),
        ),
    ];
    let request = |method: Method, authorization: Option<&str>| {
        let request = Request::new(method, PROTECTED_PATH);
        match authorization {
            Some(value) => request.header(
                http::header::AUTHORIZATION,
                HeaderValue::from_str(value).expect("test header"),
            ),
            None => request,
        }
    };
    for (name, method, authorization) in refused {
        let actual = integration.send(&request(method, authorization));
        assert_eq!(actual.status, StatusCode::UNAUTHORIZED, "{name}: status");
        for (header, value) in &expected.headers {
            let values: Vec<&HeaderValue> = actual.headers.get_all(header).iter().collect();
            assert_eq!(values, [value], "{name}: header `{header}`");
        }
        assert!(actual.body.is_empty(), "{name}: no body");
    }
    let admitted: [(&str, Method, Option<&str>); 4] = [
        (
            "POST with Bearer",
            Method::POST,
            Some("Bearer eyJhbGciOiJFUzI1NiJ9"),
        ),
        ("GET with bearer", Method::GET, Some("bearer abc")),
        ("POST with BEARER", Method::POST, Some("BEARER abc")),
        ("OPTIONS preflight", Method::OPTIONS, None),
    ];
    for (name, method, authorization) in admitted {
        let actual = integration.send(&request(method, authorization));
        assert_eq!(actual.status, StatusCode::OK, "{name}: reaches the route");
        assert!(
            !actual.headers.contains_key(http::header::WWW_AUTHENTICATE),
            "{name}: no challenge"
        );
    }
}
