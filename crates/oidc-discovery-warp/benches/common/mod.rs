//! The fixture shared by the serving benchmarks of the warp adapter: one realistic document,
//! the adapter's filter, the static-bytes baseline filters and the requests.

use std::convert::Infallible;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use http::{HeaderValue, Request, Response, StatusCode};
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};
use tower_service::Service;
use warp::Filter;

/// The path of the document.
pub(crate) const PATH: &str = "/.well-known/openid-configuration";

/// The issuer of the benchmarked document: `oidc_discovery_http::example`, the embedded
/// example provider of `oidc-discovery serve` (about 1.2 KiB once prepared).
const ISSUER: &str = "https://id.example.com";

/// The document's endpoint, its body and its `ETag`.
pub(crate) struct Fixture {
    /// The document's endpoint.
    pub(crate) endpoint: Endpoint,
    body: Bytes,
    /// The document's `ETag`.
    pub(crate) etag: HeaderValue,
}

/// The service `warp::serve` runs, as the benchmarks call it.
pub(crate) trait App:
    Service<Request<String>, Response = warp::reply::Response, Error = Infallible>
{
}

impl<S> App for S where
    S: Service<Request<String>, Response = warp::reply::Response, Error = Infallible>
{
}

impl Fixture {
    /// The fixture of the example document.
    pub(crate) fn new() -> Self {
        let metadata =
            ProviderMetadata::from_json_str(&oidc_discovery_http::example::document(ISSUER))
                .expect("the example parses");
        let validated =
            validate::<Oidc>(metadata, &Options::default()).expect("the example is valid");
        let endpoint = Endpoint::new(&validated).expect("the example is servable");
        let body = endpoint.metadata().body().clone();
        let etag = endpoint.metadata().etag().clone();
        Self {
            endpoint,
            body,
            etag,
        }
    }

    /// The adapter's filter, as a service.
    pub(crate) fn adapter(&self) -> impl App + use<> {
        warp::service(oidc_discovery_warp::filter(self.endpoint.clone()))
    }

    /// A route of the document's path whose handler returns the body with
    /// `Content-Type: application/json`, as a service.
    pub(crate) fn static_200(&self) -> impl App + use<> {
        let body = self.body.clone();
        warp::service(route().map(move || {
            let mut response = Response::new(body.clone());
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }))
    }

    /// A route of the document's path whose handler returns a bare `304` with the `ETag`, as a
    /// service.
    pub(crate) fn static_304(&self) -> impl App + use<> {
        let etag = self.etag.clone();
        warp::service(route().map(move || {
            let mut response = Response::new(Bytes::new());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            response.headers_mut().insert(ETAG, etag.clone());
            response
        }))
    }

    /// A `GET` of the document with the headers a typical client sends (`Host`, `User-Agent`,
    /// `Accept`), and `If-None-Match: etag` when `conditional`.
    pub(crate) fn request(&self, conditional: bool) -> Request<String> {
        let mut request = Request::get(PATH)
            .header("host", "id.example.com")
            .header("user-agent", "oidc-client/1.0")
            .header("accept", "application/json")
            .body(String::new())
            .expect("a request");
        if conditional {
            request
                .headers_mut()
                .insert(IF_NONE_MATCH, self.etag.clone());
        }
        request
    }
}

/// `GET /.well-known/openid-configuration`, in warp's usual path filters.
fn route() -> impl Filter<Extract = (), Error = warp::Rejection> + Clone {
    warp::get()
        .and(warp::path(".well-known"))
        .and(warp::path("openid-configuration"))
        .and(warp::path::end())
}
