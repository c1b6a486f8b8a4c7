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
            exchange(&app, request).await
        })
    }
}

/// Sends `request` to `app` and reads the response.
async fn exchange<S, B>(app: &S, request: &Request) -> TestResponse
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    {
        {
            let mut actix_request = test::TestRequest::default()
                .method(Method::from_bytes(request.method.as_str().as_bytes()).expect("method"))
                .uri(&request.path);
            for (name, value) in &request.headers {
                actix_request = actix_request.append_header((
                    HeaderName::from_bytes(name.as_str().as_bytes()).expect("header name"),
                    HeaderValue::from_bytes(value.as_bytes()).expect("header value"),
                ));
            }
            let response = test::call_service(app, actix_request.to_request()).await;
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
        }
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

/// The challenge suite: `/mcp` in a scope wrapped by `require_bearer`, next to the
/// `DiscoveryService`.
#[test]
fn the_challenge_middleware_passes_the_challenge_suite() {
    struct Guarded {
        runtime: SystemRunner,
        endpoint: Endpoint,
        challenge: std::sync::Arc<oidc_discovery_http::Challenge>,
    }
    impl HttpIntegration for Guarded {
        fn send(&self, request: &Request) -> TestResponse {
            self.runtime.block_on(async {
                let challenge = std::sync::Arc::clone(&self.challenge);
                let app = test::init_service(
                    App::new()
                        .service(DiscoveryService::new(self.endpoint.clone()))
                        .service(
                            actix_web::web::scope(conformance::PROTECTED_PATH)
                                .wrap(actix_web::middleware::from_fn(move |request, next| {
                                    oidc_discovery_actix_web::require_bearer(
                                        std::sync::Arc::clone(&challenge),
                                        request,
                                        next,
                                    )
                                }))
                                .route("", actix_web::web::to(actix_web::HttpResponse::Ok)),
                        ),
                )
                .await;
                exchange(&app, request).await
            })
        }
    }
    for endpoint in conformance::resource_fixtures() {
        let challenge = endpoint.challenge().expect("a protected resource").build();
        let integration = Guarded {
            runtime: actix_web::rt::System::new(),
            endpoint: endpoint.clone(),
            challenge: std::sync::Arc::new(challenge.clone()),
        };
        conformance::run_challenge(&integration, &challenge);
        conformance::run(&integration, &endpoint);
    }
}

/// `Unauthorized` as an error is the core's response, verbatim.
#[test]
fn unauthorized_is_the_core_challenge_verbatim() {
    use actix_web::ResponseError as _;
    let endpoint = conformance::resource_fixtures().remove(1);
    let challenge = endpoint
        .challenge_for("https://mcp.example.com")
        .expect("a protected resource")
        .build();
    let expected = challenge.response();
    let response = oidc_discovery_actix_web::Unauthorized(challenge).error_response();
    assert_eq!(response.status().as_u16(), expected.status.as_u16());
    for (name, value) in &expected.headers {
        assert_eq!(
            response.headers().get(name.as_str()).map(|v| v.as_bytes()),
            Some(value.as_bytes()),
            "{name}"
        );
    }
    assert_eq!(response.headers().len(), expected.headers.len());
}
