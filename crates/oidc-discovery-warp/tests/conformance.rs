//! The shared conformance suite, run in-process against the warp adapter.
//!
//! The application under test is the adapter's filter alone, with a `recover` that answers a
//! not-found rejection with 404. Requests go through `warp::service` — the service `warp::serve`
//! runs for every connection — as real `http::Request`s, so repeated header lines reach the
//! filter as sent (`warp::test::RequestBuilder::header` replaces a header instead of appending).

use std::convert::Infallible;

use http::StatusCode;
use http_body_util::BodyExt;
use oidc_discovery_http::conformance::{self, HttpIntegration, TestResponse};
use oidc_discovery_http::{Endpoint, Request};
use tokio::runtime::Runtime;
use tower_service::Service;
use warp::filters::BoxedFilter;
use warp::{Filter, Rejection, Reply};

/// The 404 of an application that has nothing else to serve.
async fn not_found(rejection: Rejection) -> Result<StatusCode, Rejection> {
    if rejection.is_not_found() {
        Ok(StatusCode::NOT_FOUND)
    } else {
        Err(rejection)
    }
}

struct Warp {
    app: BoxedFilter<(warp::reply::Response,)>,
    runtime: Runtime,
}

impl Warp {
    fn new(endpoint: Endpoint) -> Self {
        let app = oidc_discovery_warp::filter(endpoint)
            .recover(not_found)
            .map(Reply::into_response)
            .boxed();
        Self::with(app)
    }

    fn with(app: BoxedFilter<(warp::reply::Response,)>) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("tokio runtime");
        Self { app, runtime }
    }
}

impl HttpIntegration for Warp {
    fn send(&self, request: &Request) -> TestResponse {
        let mut http_request = http::Request::new(String::new());
        *http_request.method_mut() = request.method.clone();
        *http_request.uri_mut() = request.path.parse().expect("a request path");
        *http_request.headers_mut() = request.headers.clone();
        self.runtime.block_on(async {
            let response = warp::service(self.app.clone())
                .call(http_request)
                .await
                .unwrap_or_else(|never: Infallible| match never {});
            let (parts, body) = response.into_parts();
            TestResponse {
                status: parts.status,
                headers: parts.headers,
                body: body.collect().await.expect("response body").to_bytes(),
            }
        })
    }
}

#[test]
fn the_adapter_passes_the_conformance_suite() {
    for endpoint in conformance::fixtures() {
        conformance::run(&Warp::new(endpoint.clone()), &endpoint);
    }
}

/// The challenge suite: `/mcp` behind `require_bearer`, its rejection answered by `recover`,
/// next to the discovery filter.
#[test]
fn the_challenge_filter_passes_the_challenge_suite() {
    for endpoint in conformance::resource_fixtures() {
        let challenge = endpoint
            .challenge()
            .expect("a protected resource")
            .realm("mcp")
            .expect("a realm")
            .build();
        let protected = warp::path!("mcp")
            .and(oidc_discovery_warp::require_bearer(challenge.clone()))
            .map(|| StatusCode::OK);
        let app = oidc_discovery_warp::filter(endpoint.clone())
            .map(Reply::into_response)
            .or(protected.map(Reply::into_response))
            .unify()
            .recover(oidc_discovery_warp::recover)
            .unify()
            .recover(not_found)
            .map(Reply::into_response)
            .boxed();
        let integration = Warp::with(app);
        conformance::run_challenge(&integration, &challenge);
        conformance::run(&integration, &endpoint);
    }
}
