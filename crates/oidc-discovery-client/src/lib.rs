//! Fetch, verify and cache another provider's metadata document, or a protected resource's
//! (RFC 9728).
//!
//! For relying parties, for clients of protected resources (such as MCP servers), and for
//! people checking a provider before configuring single sign-on.
//! The client fetches a document the way the specifications (and the anchors' users' bug
//! reports) say it should be fetched, checks each step, and returns a
//! [`Validated`](oidc_discovery_validate::Validated) document — or a typed error naming the
//! step that failed:
//!
//! 1. the URL: the well-known URL built from the issuer for the profile (RFC 8414 inserted form
//!    for `oauth`, OpenID Connect appended form for `oidc` and `fapi2`) or from a resource
//!    identifier (RFC 9728 §3.1), a challenge's `resource_metadata` URL, or a metadata URL given
//!    directly — where it came from is the source ([`Source`], [`ResourceSource`]); `https` is
//!    required except on loopback hosts unless the caller opts out;
//! 2. `GET` with `Accept: application/json`, within a connect timeout and a total timeout
//!    (10 s and 30 s by default); redirects are not followed (opt-in: same-origin https only);
//! 3. status exactly `200`; `Content-Type` `application/json` (parameters allowed);
//! 4. the body, read up to a size limit enforced while reading (1 MiB by default);
//! 5. parsed and validated under the profile, with what the source expects ([`Expected`]): the
//!    issuer (exact comparison, with the opt-in relaxations of
//!    [`IssuerMatchOptions`](oidc_discovery_validate::IssuerMatchOptions)), or the `resource` of
//!    RFC 9728 §3.3 (identical to the identifier the URL was built from, or to the URL of the
//!    request that got the challenge);
//! 6. optionally ([`Config::require_signed_metadata`]), `signed_metadata` verified with the
//!    keys and issuer policy the caller trusts (`oidc-discovery-signed`); the document returned
//!    is then the merged one, in which signed values take precedence (RFC 8414 §2.1).
//!
//! [`Cache`] keeps the last validated document fresh for a time taken from `Cache-Control`
//! (clamped, with jitter), shares one fetch among concurrent callers, serves the stale document
//! while one background refresh runs, never caches a failure, and rate-limits forced refreshes.
//!
//! It is built on reqwest with rustls (no OpenSSL). It is **not** a JWKS or token client.
//!
//! ```no_run
//! use oidc_discovery_client::{Client, Source};
//! use oidc_discovery_validate::Oidc;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new()?;
//! let google = client.discover::<Oidc>(&Source::issuer("https://accounts.google.com")).await?;
//! println!("token endpoint: {:?}", google.token_endpoint);
//!
//! // A protected resource's metadata, from the challenge of a 401 it answered.
//! use oidc_discovery_client::ResourceSource;
//! use oidc_discovery_validate::Resource;
//!
//! let request_url = "https://mcp.example.com/mcp";
//! let challenge = [r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp""#];
//! let source = ResourceSource::from_challenge(request_url, challenge)?
//!     .unwrap_or_else(|| ResourceSource::identifier(request_url));
//! let resource = client.discover::<Resource>(&source).await?;
//! assert_eq!(resource.resource().as_str(), request_url); // RFC 9728 §3.3
//! println!("authorization servers: {:?}", resource.authorization_servers);
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cache;
mod client;
mod error;
mod source;

pub use cache::{Cache, CacheConfig, Clock, Retrieval, Retrieve, SystemClock};
pub use client::{Checkup, Client, Config, Judged, Redirects, Retrieved};
pub use error::{DiscoveryError, FetchError};
pub use source::{Discoverable, Expected, Locate, ResourceSource, Source};
