//! The fixture shared by the serving benchmarks of the actix-web adapter: one realistic
//! document, the adapter's application, the static-bytes baseline applications and the
//! requests.

use actix_http::Request;
use actix_web::body::BoxBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, ETAG, HeaderValue, IF_NONE_MATCH};
use actix_web::web::Bytes;
use actix_web::{App, HttpResponse, test, web};
use oidc_discovery_actix_web::DiscoveryService;
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

/// The path of the document.
pub(crate) const PATH: &str = "/.well-known/openid-configuration";

/// The issuer of the benchmarked document: `oidc_discovery_http::example`, the embedded
/// example provider of `oidc-discovery serve` (about 1.2 KiB once prepared).
const ISSUER: &str = "https://id.example.com";

/// The four cases: `static-200`, `adapter-200`, `static-304`, `adapter-304`.
pub(crate) const CASES: [&str; 4] = ["static-200", "adapter-200", "static-304", "adapter-304"];

/// The document's endpoint, its body and its `ETag`.
pub(crate) struct Fixture {
    endpoint: Endpoint,
    body: Bytes,
    /// The document's `ETag`, as an actix header value.
    pub(crate) etag: HeaderValue,
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
        let etag = HeaderValue::from_bytes(endpoint.metadata().etag().as_bytes())
            .expect("an ETag is a header value");
        Self {
            endpoint,
            body,
            etag,
        }
    }

    /// The application of case `name`, built once (in the running actix system).
    pub(crate) async fn app(
        &self,
        name: &str,
    ) -> impl Service<Request, Response = ServiceResponse<BoxBody>, Error = actix_web::Error> + use<>
    {
        let app = match name {
            "static-200" => {
                let body = self.body.clone();
                App::new().route(
                    PATH,
                    web::get().to(move || {
                        let body = body.clone();
                        async move {
                            HttpResponse::Ok()
                                .insert_header((CONTENT_TYPE, "application/json"))
                                .body(body)
                        }
                    }),
                )
            }
            "static-304" => {
                let etag = self.etag.clone();
                App::new().route(
                    PATH,
                    web::get().to(move || {
                        let etag = etag.clone();
                        async move {
                            HttpResponse::NotModified()
                                .insert_header((ETAG, etag))
                                .finish()
                        }
                    }),
                )
            }
            _ => App::new().service(DiscoveryService::new(self.endpoint.clone())),
        };
        test::init_service(app).await
    }

    /// The request of case `name`: a `GET` of the document, with `If-None-Match` for `304`.
    pub(crate) fn request(&self, name: &str) -> Request {
        // The headers a typical client sends.
        let request = test::TestRequest::get()
            .uri(PATH)
            .insert_header(("host", "id.example.com"))
            .insert_header(("user-agent", "oidc-client/1.0"))
            .insert_header(("accept", "application/json"));
        if name.ends_with("304") {
            request.insert_header((IF_NONE_MATCH, self.etag.clone()))
        } else {
            request
        }
        .to_request()
    }

    /// The status of case `name`.
    pub(crate) fn status(name: &str) -> StatusCode {
        if name.ends_with("304") {
            StatusCode::NOT_MODIFIED
        } else {
            StatusCode::OK
        }
    }
}
