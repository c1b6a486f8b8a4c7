//! A thin [actix-web] 4 adapter that serves OpenID Connect Discovery / RFC 8414 metadata
//! prepared by [`oidc_discovery_http`].
//!
//! This crate only connects actix-web to an [`Endpoint`]: it matches the endpoint's paths and
//! turns the core's [`PreparedResponse`] into an actix response, unchanged. It has no HTTP
//! semantics of its own: the statuses, `ETag` and `If-None-Match`, `Cache-Control`, CORS, `HEAD`
//! and `405` are all decided by `oidc-discovery-http`, and answered alike by every adapter. The
//! document itself is checked by `oidc-discovery-validate` before an [`Endpoint`] can be built,
//! so an invalid document cannot be served.
//!
//! Mount a [`DiscoveryService`] with [`App::service`](actix_web::App::service), or use
//! [`configure`] with [`App::configure`](actix_web::App::configure):
//!
//! ```
//! use actix_web::http::{Method, StatusCode, header};
//! use actix_web::{App, test, web};
//! use oidc_discovery_actix_web::DiscoveryService;
//! use oidc_discovery_http::Endpoint;
//! use oidc_discovery_metadata::ProviderMetadata;
//! use oidc_discovery_validate::{OAuth, Options, validate};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let metadata = ProviderMetadata::from_json_str(r#"{
//!     "issuer": "https://as.example.com",
//!     "authorization_endpoint": "https://as.example.com/authorize",
//!     "token_endpoint": "https://as.example.com/token",
//!     "response_types_supported": ["code"]
//! }"#)?;
//! let endpoint = Endpoint::new(&validate::<OAuth>(metadata, &Options::default())?)?;
//!
//! actix_web::rt::System::new().block_on(async {
//!     let app = test::init_service(
//!         App::new()
//!             .service(DiscoveryService::new(endpoint))
//!             .route("/health", web::get().to(|| async { "ok" })),
//!     )
//!     .await;
//!
//!     let get = test::TestRequest::get()
//!         .uri("/.well-known/openid-configuration")
//!         .to_request();
//!     let response = test::call_service(&app, get).await;
//!     assert_eq!(response.status(), StatusCode::OK);
//!     assert_eq!(response.headers().get(header::CONTENT_TYPE).unwrap(), "application/json");
//!     let length = response.headers().get(header::CONTENT_LENGTH).unwrap().clone();
//!     let body = test::read_body(response).await;
//!     assert!(body.starts_with(br#"{"issuer":"https://as.example.com""#));
//!
//!     // HEAD: the GET headers, Content-Length included, and no body.
//!     let head = test::TestRequest::default()
//!         .method(Method::HEAD)
//!         .uri("/.well-known/oauth-authorization-server")
//!         .to_request();
//!     let response = test::call_service(&app, head).await;
//!     assert_eq!(response.status(), StatusCode::OK);
//!     assert_eq!(response.headers().get(header::CONTENT_LENGTH).unwrap(), length);
//!     assert!(test::read_body(response).await.is_empty());
//!
//!     // Other methods: 405 with `Allow`, from the core.
//!     let post = test::TestRequest::post()
//!         .uri("/.well-known/openid-configuration")
//!         .to_request();
//!     let response = test::call_service(&app, post).await;
//!     assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
//!     assert_eq!(response.headers().get(header::ALLOW).unwrap(), "GET, HEAD, OPTIONS");
//!
//!     // Other paths are the application's.
//!     let health = test::TestRequest::get().uri("/health").to_request();
//!     assert_eq!(test::call_and_read_body(&app, health).await, "ok");
//! });
//! # Ok(())
//! # }
//! ```
//!
//! # How requests are matched and answered
//!
//! A [`DiscoveryService`] registers one actix resource guarded by the raw request path: it
//! takes a request whose path (as sent, before actix's percent-decoding) is exactly one of
//! [`Endpoint::routes`], whatever its method, and leaves every other request to the rest of the
//! application (its other services, its default service, `404`). Matching the raw path is what
//! [`Endpoint::respond`] does, so the paths served are exactly the core's, and an issuer path
//! needs no escaping for actix's pattern syntax. Because the resource has no method guards,
//! actix never answers `405` or `HEAD` itself: the core does.
//!
//! Method and header names and values are converted between actix-web's `http` 0.2 types and
//! the `http` 1.x types of the core by their bytes, the status by its number, and the body bytes
//! are passed on as they are. One detail is actix-specific: actix writes `Content-Length` from
//! the size of the body and drops the handler's own value, which would turn the core's `HEAD`
//! response (the document's `Content-Length`, no body) into `Content-Length: 0`.
//! [`into_response`] therefore gives actix each body with the size that makes it write exactly
//! the core's `Content-Length`: the bytes for a body, an empty body of unknown size (not chunked)
//! for `HEAD`, and no body at all for `204` and `304`, which carry no `Content-Length`.
//!
//! [actix-web]: https://actix.rs

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::convert::Infallible;
use std::future::ready;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{AppService, HttpServiceFactory};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, guard};
use oidc_discovery_http::{Endpoint, PreparedResponse, Request};

/// An actix-web service serving an [`Endpoint`] at each of its [`routes`](Endpoint::routes),
/// for [`App::service`](actix_web::App::service) (or [`Scope::service`](actix_web::Scope::service),
/// [`ServiceConfig::service`](web::ServiceConfig::service)).
///
/// The endpoint is shared behind an [`Arc`]; a request clones only the prepared `Bytes` and
/// header values. Several services (for several issuers) can be mounted in one application.
///
/// Mount it at the application's root: well-known paths are absolute. In a
/// [`Scope`](actix_web::Scope), paths are still compared with the full request path, and only
/// those under the scope's prefix reach the service.
#[derive(Debug, Clone)]
pub struct DiscoveryService {
    endpoint: Arc<Endpoint>,
}

impl DiscoveryService {
    /// A service serving `endpoint`.
    #[must_use]
    pub fn new(endpoint: impl Into<Arc<Endpoint>>) -> Self {
        Self {
            endpoint: endpoint.into(),
        }
    }

    /// The endpoint served.
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }
}

impl From<Endpoint> for DiscoveryService {
    fn from(endpoint: Endpoint) -> Self {
        Self::new(endpoint)
    }
}

impl From<Arc<Endpoint>> for DiscoveryService {
    fn from(endpoint: Arc<Endpoint>) -> Self {
        Self::new(endpoint)
    }
}

impl HttpServiceFactory for DiscoveryService {
    fn register(self, config: &mut AppService) {
        let for_guard = Arc::clone(&self.endpoint);
        let endpoint = self.endpoint;
        // One resource for every path, admitted by the guard only when the raw path is served;
        // otherwise actix goes on to the application's next service. No method guard: every
        // method reaches the core.
        web::resource("/{path}*")
            .guard(guard::fn_guard(move |ctx| {
                let path = ctx.head().uri.path();
                for_guard.routes().iter().any(|route| route.path == path)
            }))
            .route(web::route().to(move |request: HttpRequest| {
                ready(respond(&endpoint, &request).unwrap_or_else(not_served))
            }))
            .register(config);
    }
}

/// The answer to a request the guard let through but the endpoint does not serve: unreachable,
/// since the guard and [`Endpoint::respond`] compare the same raw path with the same routes.
fn not_served() -> HttpResponse {
    HttpResponse::NotFound().finish()
}

/// Registers a [`DiscoveryService`] for `endpoint`, for
/// [`App::configure`](actix_web::App::configure) (or [`ServiceConfig::configure`]).
///
/// ```
/// # fn endpoint() -> oidc_discovery_http::Endpoint { oidc_discovery_http::conformance::fixtures().remove(0) }
/// let endpoint = endpoint();
/// let app = actix_web::App::new().configure(oidc_discovery_actix_web::configure(endpoint));
/// # drop(app);
/// ```
///
/// [`ServiceConfig::configure`]: web::ServiceConfig::configure
pub fn configure(endpoint: impl Into<Arc<Endpoint>>) -> impl FnOnce(&mut web::ServiceConfig) {
    let service = DiscoveryService::new(endpoint);
    move |config| {
        config.service(service);
    }
}

/// The response of `endpoint` to `request`, or `None` when the request's path (raw, as sent) is
/// not one of the endpoint's [`routes`](Endpoint::routes): the whole adapter, for use in a
/// handler of one's own.
#[must_use]
pub fn respond(endpoint: &Endpoint, request: &HttpRequest) -> Option<HttpResponse> {
    let mut core = Request::new(
        convert_method(request.method()),
        request.uri().path().to_owned(),
    );
    core.headers.reserve(request.headers().len());
    for (name, value) in request.headers() {
        // Names and values come from a parsed request, so they are valid in `http` 1.x too.
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            core.headers.append(name, value);
        }
    }
    endpoint.respond(&core).map(into_response)
}

fn convert_method(method: &Method) -> http::Method {
    http::Method::from_bytes(method.as_str().as_bytes())
        .expect("a method of a parsed request is a valid method")
}

/// `prepared` as an actix response: its status, every header and its body, unchanged.
///
/// actix computes `Content-Length` from the size it is told the body has, and drops the
/// handler's value: the body is therefore handed to actix with the size that makes it write
/// exactly the core's `Content-Length` (see the [crate documentation](crate)).
#[must_use]
pub fn into_response(prepared: PreparedResponse) -> HttpResponse {
    let PreparedResponse {
        status,
        headers,
        body,
    } = prepared;
    let status = StatusCode::from_u16(status.as_u16())
        .expect("an `http` 1.x status code is a valid `http` 0.2 status code");
    let mut no_chunking = false;
    let body = match headers.get(http::header::CONTENT_LENGTH) {
        // `204` and `304`: no body and no `Content-Length`. A body of no size keeps actix's
        // HTTP/2 dispatcher (with the `http2` feature) from adding `Content-Length: 0`; its
        // HTTP/1.1 encoder omits it for these statuses anyway.
        None if body.is_empty() => BoxBody::new(body::None::new()),
        // `HEAD`: the `Content-Length` of the document, and no body. An empty body of unknown
        // size, not chunked, makes actix write the core's `Content-Length` (and, for `HEAD`,
        // actix never writes a body).
        Some(length) if length.as_bytes() != body.len().to_string().as_bytes() => {
            no_chunking = true;
            BoxBody::new(HeadBody)
        }
        // The body, of its size: actix writes that size as `Content-Length`, which is the
        // core's value.
        _ => BoxBody::new(body),
    };
    let mut response = HttpResponse::with_body(status, body);
    response.head_mut().no_chunking(no_chunking);
    let response_headers = response.headers_mut();
    for (name, value) in &headers {
        let name = HeaderName::from_bytes(name.as_str().as_bytes())
            .expect("an `http` 1.x header name is a valid `http` 0.2 header name");
        let value = HeaderValue::from_bytes(value.as_bytes())
            .expect("an `http` 1.x header value is a valid `http` 0.2 header value");
        response_headers.append(name, value);
    }
    response
}

/// The body of a `HEAD` response: empty, of unknown size.
///
/// For a body of unknown size that is not chunked, `actix-http` keeps the `Content-Length` set
/// by the handler; for a body of known size (even an empty one) it writes the body's size
/// instead. It writes no body for `HEAD`.
struct HeadBody;

impl MessageBody for HeadBody {
    type Error = Infallible;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Poll::Ready(None)
    }
}
