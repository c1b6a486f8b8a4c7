//! The fixture shared by the serving benchmarks of the axum adapter: one realistic document,
//! the adapter's router, the static-bytes baseline routers and the requests.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderValue, Request, StatusCode};
use axum::routing::get;
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

/// The path of the document.
pub(crate) const PATH: &str = "/.well-known/openid-configuration";

/// The issuer of the benchmarked document: `oidc_discovery_http::example`, the embedded
/// example provider of `oidc-discovery serve` (about 1.2 KiB once prepared).
const ISSUER: &str = "https://id.example.com";

/// One benchmarked case: an application and the request it is sent.
pub(crate) struct Case {
    /// `static-200`, `adapter-200`, `static-304` or `adapter-304`.
    pub(crate) name: &'static str,
    /// The application, built once.
    pub(crate) app: Router,
    /// Whether the request carries `If-None-Match` with the document's `ETag`.
    pub(crate) conditional: bool,
    /// The status the application answers with.
    pub(crate) status: StatusCode,
}

/// The four cases, each with its own pre-built application.
pub(crate) fn cases() -> (Vec<Case>, HeaderValue) {
    let metadata = ProviderMetadata::from_json_str(&oidc_discovery_http::example::document(ISSUER))
        .expect("the example parses");
    let validated = validate::<Oidc>(metadata, &Options::default()).expect("the example is valid");
    let endpoint = Endpoint::new(&validated).expect("the example is servable");
    let body: Bytes = endpoint.metadata().body().clone();
    let etag = endpoint.metadata().etag().clone();

    let static_200 = Router::new().route(
        PATH,
        get(move || {
            let body = body.clone();
            async move { ([(CONTENT_TYPE, "application/json")], body) }
        }),
    );
    let static_304 = {
        let etag = etag.clone();
        Router::new().route(
            PATH,
            get(move || {
                let etag = etag.clone();
                async move { (StatusCode::NOT_MODIFIED, [(ETAG, etag)]) }
            }),
        )
    };
    let cases = vec![
        Case {
            name: "static-200",
            app: static_200,
            conditional: false,
            status: StatusCode::OK,
        },
        Case {
            name: "adapter-200",
            app: oidc_discovery_axum::router(endpoint.clone()),
            conditional: false,
            status: StatusCode::OK,
        },
        Case {
            name: "static-304",
            app: static_304,
            conditional: true,
            status: StatusCode::NOT_MODIFIED,
        },
        Case {
            name: "adapter-304",
            app: oidc_discovery_axum::router(endpoint),
            conditional: true,
            status: StatusCode::NOT_MODIFIED,
        },
    ];
    (cases, etag)
}

/// A `GET` of the document with the headers a typical client sends (`Host`, `User-Agent`,
/// `Accept`), and `If-None-Match: etag` when `conditional`.
pub(crate) fn request(conditional: bool, etag: &HeaderValue) -> Request<Body> {
    let mut request = Request::get(PATH)
        .header("host", "id.example.com")
        .header("user-agent", "oidc-client/1.0")
        .header("accept", "application/json")
        .body(Body::empty())
        .expect("a request");
    if conditional {
        request.headers_mut().insert(IF_NONE_MATCH, etag.clone());
    }
    request
}
