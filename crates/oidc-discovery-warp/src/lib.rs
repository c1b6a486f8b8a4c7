//! A thin [warp] 0.4 adapter that serves OpenID Connect Discovery / RFC 8414 metadata.
//!
//! This crate is only glue: [`filter`] matches the request path against the
//! [`Endpoint`]'s routes, hands the method and headers to
//! [`Route::respond`], and turns the [`PreparedResponse`] into a warp reply unchanged.
//! It adds no HTTP semantics of its own. Everything a response contains — the prepared bytes,
//! `ETag` and `304`, `HEAD`, the CORS preflight, `405` with `Allow` — is decided by
//! [`oidc_discovery_http`], exactly as in the axum and actix-web adapters.
//!
//! The filter matches the full request path (`warp::path::full()`), since well-known paths are
//! absolute: mount it at the top level, not under a `warp::path(...)` prefix. It answers every
//! method on a served path, so an unsupported method gets the core's `405` with `Allow` rather
//! than warp's own `405` (which has no `Allow`). Any other path is rejected with
//! [`warp::reject::not_found`], so the application's other filters and its 404 handling apply.
//!
//! ```
//! use oidc_discovery_http::Endpoint;
//! use oidc_discovery_metadata::ProviderMetadata;
//! use oidc_discovery_validate::{OAuth, Options, validate};
//! use warp::Filter;
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
//! // The discovery routes next to the application's own.
//! let health = warp::path!("health").map(|| "ok");
//! let app = oidc_discovery_warp::filter(endpoint).or(health);
//!
//! # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
//! let get = warp::test::request()
//!     .path("/.well-known/openid-configuration")
//!     .reply(&app)
//!     .await;
//! assert_eq!(get.status(), 200);
//! assert_eq!(get.headers()["content-type"], "application/json");
//!
//! // HEAD: the GET headers, Content-Length included, and no body.
//! let head = warp::test::request()
//!     .method("HEAD")
//!     .path("/.well-known/oauth-authorization-server")
//!     .reply(&app)
//!     .await;
//! assert_eq!(head.status(), 200);
//! assert_eq!(head.headers()["content-length"], get.body().len().to_string());
//! assert!(head.body().is_empty());
//!
//! // Another method: 405 with `Allow`.
//! let post = warp::test::request()
//!     .method("POST")
//!     .path("/.well-known/openid-configuration")
//!     .reply(&app)
//!     .await;
//! assert_eq!(post.status(), 405);
//! assert_eq!(post.headers()["allow"], "GET, HEAD, OPTIONS");
//!
//! // The other routes still answer, and unserved paths are left to warp (404).
//! let health = warp::test::request().path("/health").reply(&app).await;
//! assert_eq!(health.body(), "ok");
//! let other = warp::test::request().path("/.well-known/other").reply(&app).await;
//! assert_eq!(other.status(), 404);
//! # });
//! # Ok(())
//! # }
//! ```
//!
//! # Serving with a connection policy
//!
//! To run the filter, pass it to [`serve`] (feature `serve`, on by default; see
//! `examples/serve-warp.rs`), which runs it under an
//! [`oidc_discovery_http::ConnectionPolicy`] — head and idle deadlines, a connection cap fitted
//! to the open-file limit, a per-connection buffer bound and a shutdown deadline — through
//! [`oidc_discovery_http::server::serve`], which is also what `oidc-discovery serve` runs. It
//! speaks HTTP/1.1 only: a client that opens with the HTTP/2 preface is refused. This crate
//! enables no warp feature. With the default policy, measured over loopback: an idle connection
//! is closed at 15 s, a slowloris at 10 s, an established client is still answered at once while
//! 400 idle connections hold the cap at `ulimit -n 256`, Ctrl-C with a half-sent request or an
//! HTTP/2 preface held open exits at once, and 50 connections that pipeline 10,000 GETs each
//! without reading peak at 11.6 MB.
//!
//! `warp::serve` (warp's `server` feature) runs a filter with hyper's defaults: HTTP/1 and
//! HTTP/2, no deadline for a request head and none for an idle keep-alive connection, and no cap
//! on connections. Measured over loopback: an idle keep-alive connection is still open after
//! 70 s, 100 connections that send a byte every 5 s are never closed, 400 idle connections at
//! `ulimit -n 256` make every other client time out, and a graceful shutdown waits for as long as
//! one client holds a half-sent request.
//!
//! ```no_run
//! use oidc_discovery_http::{ConnectionPolicy, Endpoint};
//! use warp::Filter;
//! # fn endpoint() -> Endpoint { unimplemented!() }
//!
//! # async fn run() -> std::io::Result<()> {
//! let app = oidc_discovery_warp::filter(endpoint()).or(warp::path!("health").map(|| "ok"));
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! let policy = ConnectionPolicy::default();
//! oidc_discovery_warp::serve(listener, app, &policy, async {
//!     let _ = tokio::signal::ctrl_c().await;
//! })
//! .await
//! # }
//! ```
//!
//! A team that runs its own server gets part of the policy from hyper-util: serve
//! `warp::service(filter)` through `hyper_util::service::TowerToHyperService` with hyper's
//! `http1::Builder`, a `TokioTimer` and `header_read_timeout` (in hyper 1.12 one deadline from
//! the moment a connection waits for a request, idle and head together) and `max_buf_size`; a
//! `tokio::sync::Semaphore` taken before `accept` for the cap; hyper-util's `GracefulShutdown`
//! plus a `tokio::time::timeout` around it for shutdown. What stays unbounded that way: a
//! half-sent request during a graceful shutdown (hyper waits for it), a client that stops
//! reading its responses, and, on HTTP/2, every per-stream limit not set on the HTTP/2 builder.
//!
//! # Protected resources
//!
//! An [`Endpoint`] may hold protected resource metadata (RFC 9728), mounted like provider
//! metadata at its well-known location. For the `401` a protected resource sends to a request
//! without a bearer token, this crate offers the [`require_bearer`] filter, whose [`Unauthorized`] rejection [`recover`] answers, both answering with the core's
//! [`Challenge`] unchanged.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::future::ready;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, Method};
use oidc_discovery_http::{Challenge, Endpoint, PreparedResponse, Route};
use warp::path::FullPath;
use warp::{Filter, Rejection, Reply};

/// A warp filter serving `endpoint` at each of its [`routes`](Endpoint::routes).
///
/// On a served path it answers every method with [`Route::respond`]'s response, as is.
/// On any other path it rejects with [`warp::reject::not_found`], so it combines with the
/// application's filters through [`or`](Filter::or) (in either order) and leaves 404 handling to
/// the application. The endpoint is shared between requests behind an [`Arc`].
pub fn filter(
    endpoint: Endpoint,
) -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone + Send + Sync + 'static {
    let endpoint = Arc::new(endpoint);
    // `warp::path::full()` panics (warp 0.4.3 with http 1.4.1 or later, warp issue #1166) on a
    // request target without a path: CONNECT's authority form (`CONNECT host:443`), which any
    // client can send. It is therefore only called when the path is neither empty nor `/`;
    // `warp::path::end()`, which does not panic, matches those two, and they are served only
    // when a route is `/` (a JWK Set at the root; metadata paths never are).
    let root = endpoint.route("/").cloned();
    let at_root =
        warp::path::end().and_then(move || ready(root.clone().ok_or_else(warp::reject::not_found)));
    let not_at_root = warp::path::end()
        .map(|| true)
        .or(warp::any().map(|| false))
        .unify()
        .and_then(|at_root: bool| {
            ready(if at_root {
                Err(warp::reject::not_found())
            } else {
                Ok(())
            })
        })
        .untuple_one();
    let elsewhere = {
        let endpoint = Arc::clone(&endpoint);
        not_at_root
            .and(warp::path::full())
            .and_then(move |path: FullPath| {
                let route = endpoint.route(path.as_str()).cloned();
                ready(route.ok_or_else(warp::reject::not_found))
            })
    };
    let matched = at_root.or(elsewhere).unify();
    matched
        .and(warp::method())
        .and(warp::header::headers_cloned())
        .map(move |route: Route, method: Method, headers: HeaderMap| {
            into_response(route.respond(&method, &headers))
        })
}

/// Serves `filter` on `listener` under `policy` until `shutdown` resolves, then stops
/// gracefully: in-flight responses get the policy's `shutdown_timeout`, every other connection
/// is closed at once (see [`oidc_discovery_http::server`] for each limit).
///
/// The filter is served through [`warp::service`], as `warp::serve` serves it; a request it
/// rejects gets warp's answer for the rejection. The filter's error must be a [`Rejection`]; to
/// serve a filter that recovers into another error type, pass
/// `TowerToHyperService::new(warp::service(filter))` to `oidc_discovery_http::server::serve`.
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
///
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let mut policy = ConnectionPolicy::default();
/// policy.idle_timeout = Duration::from_secs(5);
/// // Stops after 10 ms here; a real server waits for Ctrl-C or SIGTERM.
/// let shutdown = tokio::time::sleep(Duration::from_millis(10));
/// oidc_discovery_warp::serve(listener, oidc_discovery_warp::filter(endpoint), &policy, shutdown)
///     .await?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// None today (see [`oidc_discovery_http::server::serve`]).
#[cfg(feature = "serve")]
pub async fn serve<F>(
    listener: tokio::net::TcpListener,
    filter: F,
    policy: &oidc_discovery_http::ConnectionPolicy,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()>
where
    F: Filter<Error = Rejection> + Clone + Send + Sync + 'static,
    F::Extract: Reply,
{
    let service = hyper_util::service::TowerToHyperService::new(warp::service(filter));
    oidc_discovery_http::server::serve(listener, service, policy, shutdown).await
}

/// The `401` challenge of a protected resource (RFC 9728 §5.1) as a warp rejection: what
/// [`require_bearer`] rejects with, and [`recover`] answers.
#[derive(Debug, Clone)]
pub struct Unauthorized(pub Challenge);

impl warp::reject::Reject for Unauthorized {}

impl Reply for Unauthorized {
    /// The core's [`Challenge::response`], unchanged: `401`, `WWW-Authenticate: Bearer
    /// resource_metadata="…"`, `Access-Control-Allow-Origin: *` and
    /// `Access-Control-Expose-Headers: WWW-Authenticate`.
    fn into_response(self) -> warp::reply::Response {
        into_response(self.0.response()).map(Into::into)
    }
}

/// A filter that rejects a request without `Authorization: Bearer …` with [`Unauthorized`],
/// and lets every other request through, CORS preflights included ([`Challenge::guard`]).
/// Put it after the path filter of the protected routes (before it, it would answer every
/// path with the challenge), and [`recover`] after them. It checks that a token is
/// present, not that it is valid: verifying it stays the application's job.
///
/// ```
/// use oidc_discovery_warp::{recover, require_bearer};
/// use warp::Filter;
/// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
///
/// // `endpoint` serves the metadata of https://mcp.example.com/mcp.
/// let challenge = endpoint.challenge().expect("a protected resource").build();
/// let mcp = warp::path!("mcp")
///     .and(require_bearer(challenge))
///     .and(warp::post())
///     .map(|| "tools");
/// let app = oidc_discovery_warp::filter(endpoint).or(mcp).recover(recover);
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// let anonymous = warp::test::request().method("POST").path("/mcp").reply(&app).await;
/// assert_eq!(anonymous.status(), 401);
/// assert!(anonymous.headers()["www-authenticate"]
///     .to_str()?
///     .starts_with("Bearer resource_metadata="));
/// let with_token = warp::test::request()
///     .method("POST")
///     .path("/mcp")
///     .header("authorization", "Bearer eyJhbGciOiJFUzI1NiJ9")
///     .reply(&app)
///     .await;
/// assert_eq!(with_token.body(), "tools");
/// let metadata = warp::test::request()
///     .path("/.well-known/oauth-protected-resource/mcp")
///     .reply(&app)
///     .await;
/// assert_eq!(metadata.status(), 200);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn require_bearer(
    challenge: Challenge,
) -> impl Filter<Extract = (), Error = Rejection> + Clone + Send + Sync + 'static {
    let challenge = Arc::new(challenge);
    warp::method()
        .and(warp::header::headers_cloned())
        .and_then(move |method: Method, headers: HeaderMap| {
            let refused = challenge
                .guard(&method, &headers)
                .map(|_| Unauthorized(Challenge::clone(&challenge)));
            ready(match refused {
                Some(unauthorized) => Err(warp::reject::custom(unauthorized)),
                None => Ok(()),
            })
        })
        .untuple_one()
}

/// The `recover` handler that answers an [`Unauthorized`] rejection with its challenge, and
/// passes every other rejection on.
///
/// # Errors
///
/// Every rejection but [`Unauthorized`], unchanged.
pub async fn recover(rejection: Rejection) -> Result<warp::reply::Response, Rejection> {
    match rejection.find::<Unauthorized>() {
        Some(unauthorized) => Ok(unauthorized.clone().into_response()),
        None => Err(rejection),
    }
}

/// The prepared status, headers and body as an `http` 1.x response, which is a warp [`Reply`].
fn into_response(prepared: PreparedResponse) -> http::Response<Bytes> {
    let mut response = http::Response::new(prepared.body);
    *response.status_mut() = prepared.status;
    *response.headers_mut() = prepared.headers;
    response
}
