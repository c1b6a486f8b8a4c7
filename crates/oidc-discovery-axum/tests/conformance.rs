//! The shared conformance suite of `oidc-discovery-http`, run against the axum adapter
//! in-process (`tower::ServiceExt::oneshot` on the `Router`).

use axum::Router;
use axum::body::Body;
use oidc_discovery_http::Request;
use oidc_discovery_http::conformance::{self, HttpIntegration, TestResponse};
use tokio::runtime::Runtime;
use tower::ServiceExt as _;

/// An application that mounts only the adapter's routes.
struct Axum {
    router: Router,
    runtime: Runtime,
}

impl Axum {
    fn new(router: Router) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a tokio runtime");
        Self { router, runtime }
    }
}

impl HttpIntegration for Axum {
    fn send(&self, request: &Request) -> TestResponse {
        let mut http_request = axum::http::Request::builder()
            .method(request.method.clone())
            .uri(&request.path)
            .body(Body::empty())
            .expect("a valid request");
        *http_request.headers_mut() = request.headers.clone();
        self.runtime.block_on(async {
            let response = self
                .router
                .clone()
                .oneshot(http_request)
                .await
                .expect("infallible");
            let (parts, body) = response.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX)
                .await
                .expect("a readable body");
            TestResponse {
                status: parts.status,
                headers: parts.headers,
                body,
            }
        })
    }
}

#[test]
fn conformance() {
    for endpoint in conformance::fixtures() {
        let integration = Axum::new(oidc_discovery_axum::router(endpoint.clone()));
        conformance::run(&integration, &endpoint);
    }
}

/// Stricter than the suite, which allows framework extras: the adapter adds no header at all.
#[test]
fn responses_are_the_core_responses_verbatim() {
    for endpoint in conformance::fixtures() {
        let integration = Axum::new(oidc_discovery_axum::router(endpoint.clone()));
        for route in endpoint.routes() {
            for method in ["GET", "HEAD", "OPTIONS", "POST", "DELETE"] {
                let method = axum::http::Method::from_bytes(method.as_bytes()).unwrap();
                let request = Request::new(method, route.path.clone());
                let expected = endpoint.respond(&request).unwrap();
                let actual = integration.send(&request);
                assert_eq!(
                    (actual.status, &actual.headers, &actual.body),
                    (expected.status, &expected.headers, &expected.body),
                    "{} {}",
                    request.method,
                    route.path
                );
            }
            let etag = endpoint
                .respond(&Request::get(route.path.clone()))
                .unwrap()
                .headers[axum::http::header::ETAG]
                .clone();
            let request =
                Request::get(route.path.clone()).header(axum::http::header::IF_NONE_MATCH, etag);
            let expected = endpoint.respond(&request).unwrap();
            let actual = integration.send(&request);
            assert_eq!(
                (actual.status, &actual.headers, &actual.body),
                (expected.status, &expected.headers, &expected.body),
                "304 {}",
                route.path
            );
        }
    }
}

/// The challenge suite: `/mcp` behind `require_bearer`, with the discovery routes merged
/// outside the layer.
#[test]
fn the_challenge_middleware_passes_the_challenge_suite() {
    for endpoint in conformance::resource_fixtures() {
        let challenge = endpoint
            .challenge()
            .expect("a protected resource")
            .scope(["mcp:tools"])
            .expect("a scope")
            .build();
        let router = Router::new()
            .route(
                conformance::PROTECTED_PATH,
                axum::routing::any(|| async { axum::http::StatusCode::OK }),
            )
            .route_layer(axum::middleware::from_fn_with_state(
                std::sync::Arc::new(challenge.clone()),
                oidc_discovery_axum::require_bearer,
            ))
            .merge(oidc_discovery_axum::router(endpoint.clone()));
        let integration = Axum::new(router);
        conformance::run_challenge(&integration, &challenge);
        // The metadata the challenge names stays public.
        conformance::run(&integration, &endpoint);
    }
}

/// `Unauthorized` is the core's response, verbatim.
#[test]
fn unauthorized_is_the_core_challenge_verbatim() {
    use axum::response::IntoResponse as _;
    let endpoint = conformance::resource_fixtures().remove(0);
    let challenge = endpoint.challenge().expect("a protected resource").build();
    let expected = challenge.response();
    let response = oidc_discovery_axum::Unauthorized(challenge).into_response();
    assert_eq!(
        (response.status(), response.headers()),
        (expected.status, &expected.headers)
    );
}
