//! The shared conformance suite, run in-process against an actix-web `App` that mounts the
//! adapter and nothing else.

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::rt::SystemRunner;
use actix_web::{App, test};
use oidc_discovery_actix_web::DiscoveryService;
use oidc_discovery_http::conformance::{self, HttpIntegration, TestResponse};
use oidc_discovery_http::{Endpoint, Request};

/// An application `App::new().service(DiscoveryService::new(endpoint))`, built per request in a
/// runtime kept for the whole run.
struct Actix {
    runtime: SystemRunner,
    endpoint: Endpoint,
}

impl HttpIntegration for Actix {
    fn send(&self, request: &Request) -> TestResponse {
        self.runtime.block_on(async {
            let app = test::init_service(
                App::new().service(DiscoveryService::new(self.endpoint.clone())),
            )
            .await;
            let mut actix_request = test::TestRequest::default()
                .method(Method::from_bytes(request.method.as_str().as_bytes()).expect("method"))
                .uri(&request.path);
            for (name, value) in &request.headers {
                actix_request = actix_request.append_header((
                    HeaderName::from_bytes(name.as_str().as_bytes()).expect("header name"),
                    HeaderValue::from_bytes(value.as_bytes()).expect("header value"),
                ));
            }
            let response = test::call_service(&app, actix_request.to_request()).await;
            let status = http::StatusCode::from_u16(response.status().as_u16()).expect("status");
            let mut headers = http::HeaderMap::new();
            for (name, value) in response.headers() {
                headers.append(
                    http::HeaderName::from_bytes(name.as_str().as_bytes()).expect("header name"),
                    http::HeaderValue::from_bytes(value.as_bytes()).expect("header value"),
                );
            }
            let body = test::read_body(response).await;
            TestResponse {
                status,
                headers,
                body,
            }
        })
    }
}

#[test]
fn conformance() {
    for endpoint in conformance::fixtures() {
        let integration = Actix {
            runtime: actix_web::rt::System::new(),
            endpoint: endpoint.clone(),
        };
        conformance::run(&integration, &endpoint);
    }
}

/// `App::configure(configure(endpoint))` mounts the same service.
#[test]
fn configure_serves_every_route() {
    let endpoint = conformance::fixtures().remove(1);
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new().configure(oidc_discovery_actix_web::configure(endpoint.clone())),
        )
        .await;
        for route in endpoint.routes() {
            let request = test::TestRequest::get().uri(&route.path).to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status(), StatusCode::OK, "{}", route.path);
        }
    });
}
