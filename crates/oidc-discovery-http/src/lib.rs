//! The HTTP behaviour of a served discovery document, written once and shared by the axum,
//! actix-web and warp adapters.
//!
//! This crate depends on no web framework (only the `http` 1.x types). It prepares a
//! [`Validated`](oidc_discovery_validate::Validated) document once — serialized bytes, a strong
//! ETag, `Cache-Control`, CORS — and answers a request (method and headers) with the status,
//! headers and body of the project's HTTP contract:
//!
//! | Request | Response |
//! |---|---|
//! | `GET` | `200`, the bytes, `Content-Type: application/json`, `Content-Length`, `ETag`, `Cache-Control`, `Access-Control-Allow-Origin: *` |
//! | `HEAD` | the same status and headers (including `Content-Length`), no body |
//! | `GET`/`HEAD` with `If-None-Match` matching the ETag (weak comparison, lists, `*`) | `304` with `ETag`, `Cache-Control` and CORS, no body |
//! | `OPTIONS` | `204` CORS preflight allowing `GET, HEAD` |
//! | anything else | `405` with `Allow: GET, HEAD, OPTIONS` |
//!
//! It also knows an issuer's routes and serves them all, one for each location of
//! [`oidc_discovery_validate::well_known::locations`], in the order clients try them: the RFC
//! 8414 path (`/.well-known/oauth-authorization-server` inserted before the issuer's path, RFC
//! 8414 §3), — when the issuer has a path, so that it differs from the next — the RFC 8414
//! inserted form with the `openid-configuration` suffix, which RFC 8414 §5 clients try first,
//! and the OpenID Connect path (`/.well-known/openid-configuration` appended to the issuer's
//! path, OpenID Connect Discovery §4).
//! Optionally it serves the provider's JWK Set (`application/jwk-set+json`) at the path of its
//! `jwks_uri`.
//!
//! A protected resource's metadata (RFC 9728) is served the same way, at its RFC 9728 §3.1
//! location ([`oidc_discovery_validate::well_known::resource_locations`]), by the same
//! [`Endpoint`]: one endpoint serves an authorization server's document and any number of
//! protected resources' ([`EndpointBuilder::document`]), and refuses two on one path. For the
//! resource's `401`, [`Endpoint::challenge`] builds a [`Challenge`] (`WWW-Authenticate: Bearer
//! resource_metadata="…"`, RFC 9728 §5.1) from the served metadata, and [`Challenge::guard`]
//! decides which requests get it; each adapter turns both into its framework's idiom.
//!
//! ```
//! use oidc_discovery_http::{Endpoint, Request};
//! use oidc_discovery_metadata::ProviderMetadata;
//! use oidc_discovery_validate::{OAuth, Options, validate};
//!
//! let metadata = ProviderMetadata::from_json_str(r#"{
//!     "issuer": "https://as.example.com/tenant-a",
//!     "authorization_endpoint": "https://as.example.com/tenant-a/authorize",
//!     "token_endpoint": "https://as.example.com/tenant-a/token",
//!     "response_types_supported": ["code"]
//! }"#)?;
//! let endpoint = Endpoint::new(&validate::<OAuth>(metadata, &Options::default())?)?;
//! assert_eq!(
//!     endpoint.routes().iter().map(|r| r.path.as_str()).collect::<Vec<_>>(),
//!     [
//!         "/.well-known/oauth-authorization-server/tenant-a",
//!         "/.well-known/openid-configuration/tenant-a",
//!         "/tenant-a/.well-known/openid-configuration",
//!     ],
//! );
//!
//! let response = endpoint
//!     .respond(&Request::get("/.well-known/oauth-authorization-server/tenant-a"))
//!     .expect("a served path");
//! assert_eq!(response.status, http::StatusCode::OK);
//! let etag = response.headers[http::header::ETAG].clone();
//!
//! let revalidation = Request::get("/tenant-a/.well-known/openid-configuration")
//!     .header(http::header::IF_NONE_MATCH, etag);
//! assert_eq!(endpoint.respond(&revalidation).unwrap().status, http::StatusCode::NOT_MODIFIED);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod challenge;
mod conditional;
#[cfg(feature = "conformance")]
pub mod conformance;
mod document;
mod endpoint;
pub mod example;
pub mod policy;
mod prepared;
#[cfg(feature = "server")]
pub mod server;

pub use challenge::{Challenge, ChallengeBuilder};
pub use conditional::if_none_match_matches;
pub use document::Servable;
pub use endpoint::{Endpoint, EndpointBuilder, EndpointError, Request, Route, RouteKind};
pub use policy::ConnectionPolicy;
pub use prepared::{Answer, PreparedResponse, Representation};

/// The default `Cache-Control` of a served document: `public, max-age=3600` (what Google sends).
pub const DEFAULT_CACHE_CONTROL: &str = "public, max-age=3600";

/// The methods a document route allows, as sent in `Allow` and in CORS preflights.
pub const ALLOW: &str = "GET, HEAD, OPTIONS";
