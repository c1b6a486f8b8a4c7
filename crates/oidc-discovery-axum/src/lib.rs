//! Serves OpenID Connect Discovery / RFC 8414 metadata from an [axum] 0.8 application.
//!
//! This crate is a **thin adapter**, not an implementation of the HTTP behaviour. Everything a
//! response says — status, `ETag` and `If-None-Match`, `Cache-Control`, CORS, `HEAD`, `405` —
//! is decided by [`oidc_discovery_http::Endpoint`], which [prepares](Endpoint::new) a document
//! once and only from an `oidc_discovery_validate::Validated` one (so a document with errors
//! cannot be served). [`router`] mounts one route per [`Endpoint::routes`] path, hands every
//! request's method and headers to [`Route::respond`], and returns the
//! [`PreparedResponse`] verbatim: its status, every one of its headers and its body, nothing
//! added, changed or removed.
//!
//! ```
//! use axum::Router;
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode, header};
//! use oidc_discovery_http::Endpoint;
//! use oidc_discovery_metadata::ProviderMetadata;
//! use oidc_discovery_validate::{Oidc, Options, validate};
//! use tower::ServiceExt as _;
//!
//! // Validate the document once, at start-up; only a valid document becomes an `Endpoint`.
//! let metadata = ProviderMetadata::from_json_str(r#"{
//!     "issuer": "https://id.example.com",
//!     "authorization_endpoint": "https://id.example.com/authorize",
//!     "token_endpoint": "https://id.example.com/token",
//!     "jwks_uri": "https://id.example.com/jwks.json",
//!     "response_types_supported": ["code"],
//!     "subject_types_supported": ["public"],
//!     "id_token_signing_alg_values_supported": ["RS256"]
//! }"#)?;
//! let endpoint = Endpoint::new(&validate::<Oidc>(metadata, &Options::default())?)?;
//!
//! // Merge the discovery routes into the application's router.
//! let app: Router = Router::new()
//!     .route("/healthz", axum::routing::get(|| async { "ok" }))
//!     .merge(oidc_discovery_axum::router(endpoint));
//!
//! # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
//! let response = app
//!     .oneshot(Request::get("/.well-known/openid-configuration").body(Body::empty())?)
//!     .await?;
//! assert_eq!(response.status(), StatusCode::OK);
//! assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
//! assert!(response.headers().contains_key(header::ETAG));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Methods
//!
//! Every method reaches the core, which answers it (see `oidc-discovery-http`):
//!
//! * `GET` — `200` with the document, or `304` when `If-None-Match` matches the `ETag`;
//! * `HEAD` — the same status and headers as `GET`, including the `GET` `Content-Length`, and
//!   no body;
//! * `OPTIONS` — a `204` CORS preflight;
//! * any other method — `405 Method Not Allowed` with `Allow: GET, HEAD, OPTIONS`.
//!
//! The routes are mounted with [`Router::route_service`], not with axum's method routing
//! (`get(...)`): axum's method router would answer `405` itself and add its own `Allow`, strip
//! `HEAD` bodies and add `Content-Length: 0` to empty responses such as `204` and `304`. A
//! service route is left alone, so the responses are the core's, byte for byte. Paths the
//! endpoint does not serve are not routed, and fall through to the application (its fallback,
//! `404` by default).
//!
//! # Serving with a connection policy
//!
//! `axum::serve` runs a router with hyper's defaults (through hyper-util's automatic HTTP/1 and,
//! with axum's `http2` feature, HTTP/2 builder): no deadline for a request head and none for an
//! idle keep-alive connection, and no cap on connections. Measured over loopback: an idle
//! keep-alive connection is still open after 70 s, 100 connections that send a byte every 5 s
//! are never closed, 400 idle connections at `ulimit -n 256` make every other client time out,
//! and Ctrl-C waits for as long as one client holds a half-sent request.
//!
//! [`serve`] (feature `serve`, on by default) runs the router under an
//! [`oidc_discovery_http::ConnectionPolicy`] instead — head and idle deadlines, a connection
//! cap fitted to the open-file limit, a per-connection buffer bound and a shutdown deadline —
//! through [`oidc_discovery_http::server::serve`], which is also what `oidc-discovery serve`
//! runs. It speaks HTTP/1.1 only: a client that opens with the HTTP/2 preface is refused. With
//! the default policy, measured the same way: an idle connection is closed at 15 s, a slowloris
//! at 10 s, an established client is still answered at once while 400 idle connections hold the
//! cap at `ulimit -n 256`, Ctrl-C with a half-sent request or an HTTP/2 preface held open exits
//! at once, and 50 connections that pipeline 10,000 GETs each without reading peak at 12.5 MB.
//!
//! ```no_run
//! use oidc_discovery_http::{ConnectionPolicy, Endpoint};
//! # fn endpoint() -> Endpoint { unimplemented!() }
//!
//! # async fn run() -> std::io::Result<()> {
//! let app = axum::Router::new().merge(oidc_discovery_axum::router(endpoint()));
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! let policy = ConnectionPolicy::default();
//! oidc_discovery_axum::serve(listener, app, &policy, async {
//!     let _ = tokio::signal::ctrl_c().await;
//! })
//! .await
//! # }
//! ```
//!
//! A team that runs its own server gets part of the policy from hyper-util and tower: hyper's
//! `http1::Builder` with a `TokioTimer` and `header_read_timeout` (in hyper 1.12 one deadline
//! from the moment a connection waits for a request, idle and head together) and
//! `max_buf_size`; a `tokio::sync::Semaphore` taken before `accept` for the cap; hyper-util's
//! `GracefulShutdown` plus a `tokio::time::timeout` around it for shutdown. What stays unbounded
//! that way: a half-sent request during a graceful shutdown (hyper waits for it), a client that
//! stops reading its responses, and, on HTTP/2, every per-stream limit not set on the HTTP/2
//! builder.
//!
//! # Protected resources
//!
//! An [`Endpoint`] may hold protected resource metadata (RFC 9728), mounted like provider
//! metadata at its well-known location. For the `401` a protected resource sends to a request
//! without a bearer token, this crate offers [`Unauthorized`] (an `IntoResponse`) and the [`require_bearer`] middleware, both answering with the core's
//! [`Challenge`] unchanged.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::convert::Infallible;
use std::future::{Ready, ready};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use oidc_discovery_http::{Challenge, Endpoint, PreparedResponse, Route};
use tower_service::Service;

/// The routes serving `endpoint`: one per [`Endpoint::routes`] path, each answering every
/// method through [`Route::respond`].
///
/// The router needs no state: it is generic over the application's state type `S`, so it can
/// be [merged](Router::merge) into (or [nested](Router::nest) in) any application router, such
/// as a `Router<AppState>`. The endpoint is shared behind an [`Arc`]; a request only clones the
/// prepared response (a header map of reference-counted values, and the bytes).
///
/// # Panics
///
/// `router` itself does not panic. As always with axum, [`Router::merge`] panics if the
/// application already routes one of these paths (typically
/// `/.well-known/openid-configuration`, or the path of `jwks_uri` when a JWK Set is served).
///
/// Path characters that axum's router would read as syntax are escaped (`{` and `}`), so every
/// path is matched literally. An issuer or `jwks_uri` path with a segment that starts with `:`
/// or `*` is also matched literally: the returned router has
/// [`without_v07_checks`](Router::without_v07_checks) set for it, but merging it into an
/// application router panics unless that router has `without_v07_checks` set too (axum keeps
/// the checks when either side has them).
pub fn router<S>(endpoint: Endpoint) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let endpoint = Arc::new(endpoint);
    let mut router = Router::new();
    if endpoint
        .routes()
        .iter()
        .any(|route| needs_v07_opt_out(&route.path))
    {
        router = router.without_v07_checks();
    }
    for route in endpoint.routes() {
        let service = RouteService {
            route: Arc::new(route.clone()),
        };
        router = router.route_service(&escape(&route.path), service);
    }
    router
}

/// Serves `router` on `listener` under `policy` until `shutdown` resolves, then stops
/// gracefully: in-flight responses get the policy's `shutdown_timeout`, every other
/// connection is closed at once (see [`oidc_discovery_http::server`] for each limit).
///
/// This is `axum::serve` with the policy applied; the router is served as it is (no
/// `ConnectInfo`).
///
/// ```
/// use std::time::Duration;
/// use oidc_discovery_http::{ConnectionPolicy, Endpoint};
/// use oidc_discovery_metadata::ProviderMetadata;
/// use oidc_discovery_validate::{OAuth, Options, validate};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
/// let metadata = ProviderMetadata::from_json_str(r#"{
///     "issuer": "https://as.example.com",
///     "authorization_endpoint": "https://as.example.com/authorize",
///     "token_endpoint": "https://as.example.com/token",
///     "response_types_supported": ["code"]
/// }"#)?;
/// let endpoint = Endpoint::new(&validate::<OAuth>(metadata, &Options::default())?)?;
/// let app = oidc_discovery_axum::router(endpoint);
///
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let mut policy = ConnectionPolicy::default();
/// policy.head_timeout = Duration::from_secs(5);
/// // Stops after 10 ms here; a real server waits for Ctrl-C or SIGTERM.
/// let shutdown = tokio::time::sleep(Duration::from_millis(10));
/// oidc_discovery_axum::serve(listener, app, &policy, shutdown).await?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// None today (see [`oidc_discovery_http::server::serve`]).
#[cfg(feature = "serve")]
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    policy: &oidc_discovery_http::ConnectionPolicy,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let service = hyper_util::service::TowerToHyperService::new(router);
    oidc_discovery_http::server::serve(listener, service, policy, shutdown).await
}

/// The service of one route: the core's response to the request's method and headers, read
/// in place (the request is not copied), answered without waiting.
#[derive(Clone)]
struct RouteService {
    route: Arc<Route>,
}

impl Service<Request> for RouteService {
    type Response = Response;
    type Error = Infallible;
    type Future = Ready<Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let prepared = self.route.respond(request.method(), request.headers());
        ready(Ok(into_response(prepared)))
    }
}

/// The axum response for `prepared`: its status, headers and body, unchanged.
#[must_use]
pub fn into_response(prepared: PreparedResponse) -> Response {
    let PreparedResponse {
        status,
        headers,
        body,
    } = prepared;
    let body = if body.is_empty() {
        Body::empty()
    } else {
        Body::from(body)
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// The `401` challenge of a protected resource (RFC 9728 §5.1) as an axum response: return
/// it from a handler that finds no bearer token, or let [`require_bearer`] do so.
///
/// Its status and headers are the core's [`Challenge::response`], unchanged: `401`,
/// `WWW-Authenticate: Bearer resource_metadata="…"`, `Access-Control-Allow-Origin: *` and
/// `Access-Control-Expose-Headers: WWW-Authenticate`.
///
/// ```
/// use axum::http::{StatusCode, header};
/// use axum::response::IntoResponse;
/// use oidc_discovery_axum::Unauthorized;
/// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
///
/// let challenge = endpoint.challenge().expect("a protected resource").build();
/// let response = Unauthorized(challenge).into_response();
/// assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
/// assert!(response.headers()[header::WWW_AUTHENTICATE]
///     .to_str()?
///     .starts_with("Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Unauthorized(pub Challenge);

impl IntoResponse for Unauthorized {
    fn into_response(self) -> Response {
        into_response(self.0.response())
    }
}

/// A middleware (for [`axum::middleware::from_fn_with_state`], with the challenge as its
/// state) that answers a request without `Authorization: Bearer …` with the challenge, and
/// passes every other request on, CORS preflights included ([`Challenge::guard`]).
///
/// It checks that a token is present, not that it is valid: verifying it stays the
/// application's job.
///
/// ```
/// use std::sync::Arc;
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode, header};
/// use axum::routing::post;
/// use tower::ServiceExt as _;
/// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
///
/// // `endpoint` serves the metadata of https://mcp.example.com/mcp.
/// let challenge = Arc::new(endpoint.challenge().expect("a protected resource").build());
/// let app: Router = Router::new()
///     .route("/mcp", post(|| async { "tools" }))
///     .route_layer(axum::middleware::from_fn_with_state(
///         challenge,
///         oidc_discovery_axum::require_bearer,
///     ))
///     // The metadata itself is public: merged after the layer, outside it.
///     .merge(oidc_discovery_axum::router(endpoint));
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// let anonymous = app.clone().oneshot(Request::post("/mcp").body(Body::empty())?).await?;
/// assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
/// assert!(anonymous.headers().contains_key(header::WWW_AUTHENTICATE));
///
/// let with_token = Request::post("/mcp")
///     .header(header::AUTHORIZATION, "Bearer eyJhbGciOiJFUzI1NiJ9")
///     .body(Body::empty())?;
/// assert_eq!(app.clone().oneshot(with_token).await?.status(), StatusCode::OK);
///
/// let metadata = Request::get("/.well-known/oauth-protected-resource/mcp").body(Body::empty())?;
/// assert_eq!(app.oneshot(metadata).await?.status(), StatusCode::OK);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub async fn require_bearer(
    State(challenge): State<Arc<Challenge>>,
    request: Request,
    next: Next,
) -> Response {
    match challenge.guard(request.method(), request.headers()) {
        Some(prepared) => into_response(prepared),
        None => next.run(request).await,
    }
}

/// `path` as an axum route that matches it literally: `{` and `}` start captures in axum 0.8
/// route syntax and are escaped by doubling them.
fn escape(path: &str) -> String {
    path.replace('{', "{{").replace('}', "}}")
}

/// Whether axum's check for 0.7-style captures (a segment starting with `:` or `*`) would
/// reject `path`.
fn needs_v07_opt_out(path: &str) -> bool {
    path.split('/')
        .any(|segment| segment.starts_with(':') || segment.starts_with('*'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_braces_only() {
        assert_eq!(
            super::escape("/{tenantid}/v2.0/.well-known/openid-configuration"),
            "/{{tenantid}}/v2.0/.well-known/openid-configuration"
        );
        assert_eq!(super::escape("/a/:b/*c"), "/a/:b/*c");
    }

    #[test]
    fn detects_v07_style_segments() {
        assert!(super::needs_v07_opt_out("/:tenant/.well-known/x"));
        assert!(super::needs_v07_opt_out("/a/*keys"));
        assert!(!super::needs_v07_opt_out("/a:b/c*d"));
    }
}
