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
//! # Connection limits
//!
//! A server inherits its framework's treatment of slow, idle and greedy clients.
//! [`server`] serves an [`Endpoint`] with the limits of a
//! [`ConnectionPolicy`](oidc_discovery_http::ConnectionPolicy) (what `oidc-discovery serve`
//! runs); its documentation says how each limit is applied.
//!
//! An application that mounts a [`DiscoveryService`] in its own `HttpServer` applies the
//! policy's numbers with `HttpServer`'s settings:
//!
//! ```no_run
//! # fn endpoint() -> oidc_discovery_http::Endpoint { oidc_discovery_http::conformance::fixtures().remove(0) }
//! use std::sync::Arc;
//!
//! use actix_web::{App, HttpServer};
//! use oidc_discovery_actix_web::DiscoveryService;
//! use oidc_discovery_http::ConnectionPolicy;
//!
//! let policy = ConnectionPolicy::default();
//! let endpoint = Arc::new(endpoint());
//! let workers = 2;
//! // actix-server counts the shutdown timeout in whole seconds.
//! let shutdown = policy.shutdown_timeout.as_secs_f64().ceil() as u64;
//! actix_web::rt::System::new().block_on(
//!     HttpServer::new(move || App::new().service(DiscoveryService::new(endpoint.clone())))
//!         .workers(workers)
//!         // From the connection's opening, for its first request only.
//!         .client_request_timeout(policy.head_timeout)
//!         // From the end of a response to the next request's first byte.
//!         .keep_alive(policy.idle_timeout)
//!         // Per worker.
//!         .max_connections((policy.connection_cap() / workers).max(1))
//!         .shutdown_timeout(shutdown)
//!         .bind(("127.0.0.1", 8080))?
//!         .run(),
//! )?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Without them, actix-web 4's defaults apply: `client_request_timeout` 5 s (a `408` to a
//! connection whose first request head is not complete 5 s after it opened), `keep_alive` 5 s,
//! `client_disconnect_timeout` 1 s, `max_connections` 25,600 per worker (one worker per CPU),
//! `shutdown_timeout` 30 s, and, on Unix, a graceful stop on `SIGTERM` but an immediate one on
//! `SIGINT` (Ctrl-C), which drops responses in flight.
//!
//! Three things stay unbounded with `HttpServer`, whatever the settings, and [`server`] bounds
//! them:
//!
//! * **Responses a client does not read.** actix-http reads pipelined requests as fast as they
//!   arrive and answers them into a buffer that grows for as long as the client sends without
//!   reading. 50 connections that pipeline 10,000 `GET`s each and read nothing took an
//!   `HttpServer` (`oidc-discovery serve` before it used [`server`]) to about 800 MB resident,
//!   still about 750 MB after they closed, and 1.65 GB with 100 connections; under [`server`]
//!   and the default policy, 18 MB (21 MB with 100 connections). Without [`server`], cap connections
//!   (`max_connections`) to what the host's memory allows at about 16 MB for each connection
//!   of that kind, or put a reverse proxy that buffers responses in front.
//! * **A client that stops reading.** Once actix has answered what it read, a connection whose
//!   responses the client does not read is kept for as long as the client keeps it open;
//!   [`server`] closes it after `idle_timeout` without progress.
//! * **A later request sent slowly.** `client_request_timeout` covers the first request on a
//!   connection only, and `keep_alive` ends with a request's first byte: a client that sends
//!   one request, then the next a byte at a time, holds its connection for as long as it
//!   likes. A proxy in front that times out request heads closes it; [`server`] does.
//!
//! # How requests are matched and answered
//!
//! A [`DiscoveryService`] takes a request whose path (as sent, before actix's percent-decoding)
//! is exactly one of [`Endpoint::routes`], whatever its method, and leaves every other request
//! to the rest of the application (its other services, its default service, `404`). Comparing
//! the raw path is what [`Endpoint::respond`] does, so the paths served are exactly the core's.
//! Because no method guard is involved, actix never answers `405` or `HEAD` itself: the core
//! does.
//!
//! Mounted at the application's root, the service registers one resource per route, with the
//! route's path as a literal actix pattern (matched by string comparison) and a guard that
//! compares the raw request path with it, so that a percent-encoded spelling that actix would
//! decode to the same path is not served. A route whose path actix would not read literally (it
//! contains `%`, `{` or `}`, or ends with `*`), or a service mounted in a
//! [`Scope`](actix_web::Scope), gets one catch-all resource instead, admitted by the same raw
//! path comparison.
//!
//! The core decides each answer ([`Representation::answer`]) from the method and the
//! `If-None-Match` values, read from actix's headers without conversion. The responses that do
//! not depend on the request (`200`, `HEAD`, `304`, `405`) are converted to actix-web's
//! `http` 0.2 types once, when the service is registered; a request clones them (reference
//! counted header values and bytes). Only the CORS preflight is converted per request. One
//! detail is actix-specific: actix writes `Content-Length` from the size of the body and drops
//! the handler's own value, which would turn the core's `HEAD` response (the document's
//! `Content-Length`, no body) into `Content-Length: 0`. [`into_response`] therefore gives actix
//! each body with the size that makes it write exactly the core's `Content-Length`: the bytes
//! for a body, an empty body of unknown size (not chunked) for `HEAD`, and no body at all for
//! `204` and `304`, which carry no `Content-Length`.
//!
//! [actix-web]: https://actix.rs
//!
//! # Protected resources
//!
//! An [`Endpoint`] may hold protected resource metadata (RFC 9728), mounted like provider
//! metadata at its well-known location. For the `401` a protected resource sends to a request
//! without a bearer token, this crate offers [`Unauthorized`] (a `ResponseError` and `Responder`) and the [`require_bearer`] middleware for `actix_web::middleware::from_fn`, both answering with the core's
//! [`Challenge`] unchanged.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod server;

pub use server::server;

use std::convert::Infallible;
use std::future::ready;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{AppService, HttpServiceFactory, ResourceDef, ServiceRequest, fn_service};
use actix_web::guard::{self, Guard};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use oidc_discovery_http::{Answer, Challenge, Endpoint, PreparedResponse, Representation, Route};

/// An actix-web service serving an [`Endpoint`] at each of its [`routes`](Endpoint::routes),
/// for [`App::service`](actix_web::App::service) (or [`Scope::service`](actix_web::Scope::service),
/// [`ServiceConfig::service`](web::ServiceConfig::service)).
///
/// The endpoint is shared behind an [`Arc`]; a request clones only reference-counted bytes and
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
        let literal = config.is_root()
            && self
                .endpoint
                .routes()
                .iter()
                .all(|route| is_literal_pattern(&route.path));
        if !literal {
            return register_catch_all(self.endpoint, config);
        }
        for route in self.endpoint.routes() {
            let responses = Rc::new(Responses::new(route));
            let path = route.path.clone();
            // actix matches the (percent-decoded) path with the literal pattern; the guard
            // admits only the raw path itself.
            let raw_path: Box<dyn Guard> =
                Box::new(guard::fn_guard(move |ctx| ctx.head().uri.path() == path));
            config.register_service(
                ResourceDef::new(route.path.as_str()),
                Some(vec![raw_path]),
                fn_service(move |request: ServiceRequest| {
                    let response = responses.respond(request.request());
                    ready(Ok::<_, actix_web::Error>(request.into_response(response)))
                }),
                None,
            );
        }
    }
}

/// Whether actix-web reads `path` literally as a resource pattern, and matches it by string
/// comparison with the request path it decoded: no dynamic segment (`{`), no tail (`*` at the
/// end), and no percent-encoding, which actix would compare with a decoded path.
fn is_literal_pattern(path: &str) -> bool {
    path.starts_with('/') && !path.contains(['%', '{', '}']) && !path.ends_with('*')
}

/// One resource for every path, admitted by a guard only when the raw path is served;
/// otherwise actix goes on to the application's next service. No method guard: every method
/// reaches the core.
fn register_catch_all(endpoint: Arc<Endpoint>, config: &mut AppService) {
    let for_guard = Arc::clone(&endpoint);
    web::resource("/{path}*")
        .guard(guard::fn_guard(move |ctx| {
            for_guard.route(ctx.head().uri.path()).is_some()
        }))
        .route(web::route().to(move |request: HttpRequest| {
            ready(respond(&endpoint, &request).unwrap_or_else(not_served))
        }))
        .register(config);
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
///
/// It converts the prepared response on every call; a [`DiscoveryService`] converts the
/// responses that do not depend on the request once.
#[must_use]
pub fn respond(endpoint: &Endpoint, request: &HttpRequest) -> Option<HttpResponse> {
    let representation = endpoint.route(request.uri().path())?.representation();
    let answer = answer(representation, request);
    let prepared = match representation.prepared(answer) {
        Some(prepared) => prepared.clone(),
        None => preflight(representation, request),
    };
    Some(into_response(prepared))
}

/// The core's decision for `request`: its method and its `If-None-Match` values, as bytes.
fn answer(representation: &Representation, request: &HttpRequest) -> Answer {
    representation.answer(
        &convert_method(request.method()),
        request
            .headers()
            .get_all(header::IF_NONE_MATCH)
            .map(HeaderValue::as_bytes),
    )
}

fn preflight(representation: &Representation, request: &HttpRequest) -> PreparedResponse {
    representation.preflight(
        request
            .headers()
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .map(HeaderValue::as_bytes),
    )
}

/// `method` as an `http` 1.x method: a constant for the standard methods, parsed otherwise.
fn convert_method(method: &Method) -> http::Method {
    match *method {
        Method::GET => http::Method::GET,
        Method::HEAD => http::Method::HEAD,
        Method::OPTIONS => http::Method::OPTIONS,
        Method::POST => http::Method::POST,
        Method::PUT => http::Method::PUT,
        Method::DELETE => http::Method::DELETE,
        Method::PATCH => http::Method::PATCH,
        Method::TRACE => http::Method::TRACE,
        Method::CONNECT => http::Method::CONNECT,
        _ => http::Method::from_bytes(method.as_str().as_bytes())
            .expect("a method of a parsed request is a valid method"),
    }
}

/// The responses of one route that do not depend on the request, converted to actix-web's
/// types once.
struct Responses {
    route: Route,
    prepared: Vec<(Answer, ActixResponse)>,
}

impl Responses {
    fn new(route: &Route) -> Self {
        let representation = route.representation();
        let prepared = Answer::PREPARED
            .iter()
            .filter_map(|&answer| {
                let prepared = representation.prepared(answer)?;
                Some((answer, ActixResponse::new(prepared.clone())))
            })
            .collect();
        Self {
            route: route.clone(),
            prepared,
        }
    }

    fn respond(&self, request: &HttpRequest) -> HttpResponse {
        let representation = self.route.representation();
        let answer = answer(representation, request);
        match self
            .prepared
            .iter()
            .find(|(prepared, _)| *prepared == answer)
        {
            Some((_, response)) => response.to_response(),
            None => {
                let prepared = match representation.prepared(answer) {
                    Some(prepared) => prepared.clone(),
                    None => preflight(representation, request),
                };
                into_response(prepared)
            }
        }
    }
}

/// A [`PreparedResponse`] in actix-web's types, from which responses are cloned.
struct ActixResponse {
    status: StatusCode,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: ActixBody,
}

/// How the body is handed to actix, so that it writes the core's `Content-Length`.
enum ActixBody {
    /// `204` and `304`: no body and no `Content-Length`.
    None,
    /// `HEAD`: the `Content-Length` of the document, and no body.
    Head,
    /// The body, whose size actix writes as `Content-Length`.
    Bytes(Bytes),
}

impl ActixResponse {
    fn new(prepared: PreparedResponse) -> Self {
        let PreparedResponse {
            status,
            headers,
            body,
        } = prepared;
        let status = StatusCode::from_u16(status.as_u16())
            .expect("an `http` 1.x status code is a valid `http` 0.2 status code");
        let body = match headers.get(http::header::CONTENT_LENGTH) {
            // `204` and `304`: no body and no `Content-Length`. A body of no size keeps actix's
            // HTTP/2 dispatcher (with the `http2` feature) from adding `Content-Length: 0`; its
            // HTTP/1.1 encoder omits it for these statuses anyway.
            None if body.is_empty() => ActixBody::None,
            // `HEAD`: the `Content-Length` of the document, and no body.
            Some(length) if length.as_bytes() != body.len().to_string().as_bytes() => {
                ActixBody::Head
            }
            _ => ActixBody::Bytes(body),
        };
        let headers = headers
            .iter()
            .map(|(name, value)| {
                (
                    HeaderName::from_bytes(name.as_str().as_bytes())
                        .expect("an `http` 1.x header name is a valid `http` 0.2 header name"),
                    HeaderValue::from_bytes(value.as_bytes())
                        .expect("an `http` 1.x header value is a valid `http` 0.2 header value"),
                )
            })
            .collect();
        Self {
            status,
            headers,
            body,
        }
    }

    fn to_response(&self) -> HttpResponse {
        let (body, no_chunking) = match &self.body {
            ActixBody::None => (BoxBody::new(body::None::new()), false),
            // An empty body of unknown size, not chunked, makes actix write the core's
            // `Content-Length` (and, for `HEAD`, actix never writes a body).
            ActixBody::Head => (BoxBody::new(HeadBody), true),
            ActixBody::Bytes(bytes) => (BoxBody::new(bytes.clone()), false),
        };
        let mut response = HttpResponse::with_body(self.status, body);
        response.head_mut().no_chunking(no_chunking);
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            headers.append(name.clone(), value.clone());
        }
        response
    }
}

/// `prepared` as an actix response: its status, every header and its body, unchanged.
///
/// actix computes `Content-Length` from the size it is told the body has, and drops the
/// handler's value: the body is therefore handed to actix with the size that makes it write
/// exactly the core's `Content-Length` (see the [crate documentation](crate)).
#[must_use]
pub fn into_response(prepared: PreparedResponse) -> HttpResponse {
    ActixResponse::new(prepared).to_response()
}

/// The `401` challenge of a protected resource (RFC 9728 §5.1) as an actix-web error and
/// responder: return `Err(Unauthorized(challenge))?` (or the value itself) from a handler
/// that finds no bearer token, or mount [`require_bearer`] as middleware.
///
/// Its status and headers are the core's [`Challenge::response`], unchanged: `401`,
/// `WWW-Authenticate: Bearer resource_metadata="…"`, `Access-Control-Allow-Origin: *` and
/// `Access-Control-Expose-Headers: WWW-Authenticate`.
///
/// ```
/// use actix_web::http::{StatusCode, header};
/// use actix_web::{App, HttpRequest, HttpResponse, test, web};
/// use oidc_discovery_actix_web::Unauthorized;
/// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
///
/// // `endpoint` serves the metadata of https://mcp.example.com/mcp.
/// let challenge = endpoint.challenge().expect("a protected resource").build();
/// let mcp = move |request: HttpRequest| {
///     let challenge = challenge.clone();
///     async move {
///         if request.headers().get(header::AUTHORIZATION).is_none() {
///             return Err(Unauthorized(challenge));
///         }
///         Ok(HttpResponse::Ok().body("tools"))
///     }
/// };
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(App::new().route("/mcp", web::post().to(mcp))).await;
///     let response = test::call_service(&app, test::TestRequest::post().uri("/mcp").to_request()).await;
///     assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
///     let value = response.headers().get(header::WWW_AUTHENTICATE).unwrap().to_str().unwrap();
///     assert!(value.starts_with("Bearer resource_metadata="));
/// });
/// ```
#[derive(Debug, Clone)]
pub struct Unauthorized(pub Challenge);

impl std::fmt::Display for Unauthorized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no bearer token for {}", self.0.resource())
    }
}

impl actix_web::ResponseError for Unauthorized {
    fn status_code(&self) -> StatusCode {
        StatusCode::UNAUTHORIZED
    }

    fn error_response(&self) -> HttpResponse {
        into_response(self.0.response())
    }
}

impl actix_web::Responder for Unauthorized {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        into_response(self.0.response())
    }
}

/// A middleware (for [`actix_web::middleware::from_fn`]) that answers a request without
/// `Authorization: Bearer …` with the challenge, and passes every other request on, CORS
/// preflights included ([`Challenge::guard`]). It checks that a token is present, not that it
/// is valid: verifying it stays the application's job.
///
/// ```
/// use std::sync::Arc;
/// use actix_web::http::{StatusCode, header};
/// use actix_web::middleware::from_fn;
/// use actix_web::{App, test, web};
/// use oidc_discovery_actix_web::{DiscoveryService, require_bearer};
/// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
///
/// // `endpoint` serves the metadata of https://mcp.example.com/mcp.
/// let challenge = Arc::new(endpoint.challenge().expect("a protected resource").build());
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             // The metadata is public: mounted outside the guarded scope.
///             .service(DiscoveryService::new(endpoint))
///             .service(
///                 web::scope("/mcp")
///                     .wrap(from_fn(move |request, next| {
///                         require_bearer(Arc::clone(&challenge), request, next)
///                     }))
///                     .route("", web::post().to(|| async { "tools" })),
///             ),
///     )
///     .await;
///     let anonymous = test::TestRequest::post().uri("/mcp").to_request();
///     assert_eq!(test::call_service(&app, anonymous).await.status(), StatusCode::UNAUTHORIZED);
///     let with_token = test::TestRequest::post()
///         .uri("/mcp")
///         .insert_header((header::AUTHORIZATION, "Bearer eyJhbGciOiJFUzI1NiJ9"))
///         .to_request();
///     assert_eq!(test::call_service(&app, with_token).await.status(), StatusCode::OK);
///     let metadata = test::TestRequest::get()
///         .uri("/.well-known/oauth-protected-resource/mcp")
///         .to_request();
///     assert_eq!(test::call_service(&app, metadata).await.status(), StatusCode::OK);
/// });
/// ```
///
/// # Errors
///
/// The inner service's.
pub async fn require_bearer(
    challenge: Arc<Challenge>,
    request: ServiceRequest,
    next: actix_web::middleware::Next<BoxBody>,
) -> Result<actix_web::dev::ServiceResponse<BoxBody>, actix_web::Error> {
    let method = convert_method(request.method());
    let mut headers = http::HeaderMap::new();
    for value in request.headers().get_all(header::AUTHORIZATION) {
        if let Ok(value) = http::HeaderValue::from_bytes(value.as_bytes()) {
            headers.append(http::header::AUTHORIZATION, value);
        }
    }
    match challenge.guard(&method, &headers) {
        Some(prepared) => Ok(request.into_response(into_response(prepared))),
        None => next.call(request).await,
    }
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
