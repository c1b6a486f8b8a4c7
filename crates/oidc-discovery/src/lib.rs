//! OpenID Connect Discovery 1.0 and RFC 8414 (OAuth 2.0 Authorization Server Metadata)
//! documents, typed and lossless.
//!
//! `oidc-discovery` is what most users add. It re-exports the core crates:
//!
//! * [`types`] (`oidc-discovery-types`): the value sets as open enums — [`GrantType`],
//!   [`ResponseType`] (a set of tokens), [`ResponseMode`], [`ClientAuthMethod`], [`JwsAlg`], …
//! * [`metadata`] (`oidc-discovery-metadata`): [`ProviderMetadata`], every member of OpenID
//!   Connect Discovery 1.0 §3, RFC 8414 §2 and the IANA registry, which parses every real
//!   provider's document and writes back exactly what it read.
//! * [`validation`] (`oidc-discovery-validate`): every problem of a document in one report,
//!   under the `oauth`, `oidc` or `fapi2` profile; [`Validated<P>`](Validated); issuer matching
//!   and well-known URLs.
//!
//! * `signed` (`oidc-discovery-signed`, feature `signed`): produce and verify signed metadata
//!   (RFC 8414 §2.1).
//!
//! It is **not** an OAuth client or an OpenID Connect relying party: it does not run flows or
//! verify tokens. Serving a document from axum, actix-web or warp and fetching another
//! provider's document are separate crates (`oidc-discovery-axum`, `-actix-web`, `-warp`,
//! `-client`) so that a framework upgrade never holds back the core.
//!
//! # Parse, inspect, build, serialize
//!
//! ```
//! use oidc_discovery::{GrantType, JwsAlg, ProviderMetadata, ResponseType, SubjectType};
//!
//! // Parse: any JSON object is accepted; nothing is dropped.
//! let google = ProviderMetadata::from_json_str(r#"{
//!   "issuer": "https://accounts.google.com",
//!   "authorization_endpoint": "https://accounts.google.com/o/oauth2/v2/auth",
//!   "token_endpoint": "https://oauth2.googleapis.com/token",
//!   "jwks_uri": "https://www.googleapis.com/oauth2/v3/certs",
//!   "response_types_supported": ["code", "token", "id_token", "code token",
//!       "code id_token", "token id_token", "code token id_token", "none"],
//!   "subject_types_supported": ["public"],
//!   "id_token_signing_alg_values_supported": ["RS256"],
//!   "grant_types_supported": ["authorization_code", "refresh_token",
//!       "urn:ietf:params:oauth:grant-type:device_code",
//!       "urn:ietf:params:oauth:grant-type:jwt-bearer"]
//! }"#)?;
//!
//! // Inspect: typed members, set semantics for response types, spec defaults by accessor.
//! assert_eq!(google.issuer.as_ref().unwrap(), "https://accounts.google.com");
//! let types = google.response_types_supported.as_deref().unwrap_or_default();
//! assert!(types.contains(&ResponseType::ID_TOKEN_TOKEN)); // listed as "token id_token"
//! assert!(google.effective_grant_types().contains(&GrantType::DeviceCode));
//! assert_eq!(google.effective_response_modes().len(), 2); // default: query, fragment
//!
//! // Build: plain struct update syntax.
//! let mine = ProviderMetadata {
//!     issuer: Some("https://id.example.com".into()),
//!     authorization_endpoint: Some("https://id.example.com/authorize".into()),
//!     token_endpoint: Some("https://id.example.com/token".into()),
//!     jwks_uri: Some("https://id.example.com/jwks.json".into()),
//!     response_types_supported: Some(vec![ResponseType::CODE]),
//!     subject_types_supported: Some(vec![SubjectType::Public]),
//!     id_token_signing_alg_values_supported: Some(vec![JwsAlg::Rs256, JwsAlg::Es256]),
//!     code_challenge_methods_supported: Some(vec!["S256".into()]),
//!     ..Default::default()
//! };
//!
//! // Serialize: only what is set, in specification order.
//! let json = mine.to_json_string()?;
//! assert_eq!(ProviderMetadata::from_json_str(&json)?, mine);
//!
//! // Validate: a report with every problem, or a document typed by what its profile guarantees.
//! use oidc_discovery::{Oidc, Options, validate};
//! let report = oidc_discovery::validation::check(&google, oidc_discovery::Profile::Oidc, &Options::default());
//! assert!(report.is_valid(), "{report}");
//! let validated = validate::<Oidc>(mine, &Options::expecting("https://id.example.com"))?;
//! assert_eq!(validated.jwks_uri().as_str(), "https://id.example.com/jwks.json");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! * `signed`: the `signed` module (`oidc-discovery-signed`), signed metadata (RFC 8414 §2.1):
//!   verify `signed_metadata` with keys the caller trusts. Off by default because it brings the
//!   signature crates (RSA, ECDSA, Ed25519, HMAC).
//! * `sign`: `signed`, plus producing signed metadata (`sign`, `embed`, `SigningKey`: key
//!   generation and PKCS #8). Off by default: a consumer that only verifies does not compile
//!   key generation or the system random number generator.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use oidc_discovery_metadata::*;
pub use oidc_discovery_validate::{
    Fapi2, Invalid, OAuth, Oidc, Options, Problem, Profile, Report, Resource, Severity, Validated,
    validate, validate_json, validate_resource_json,
};

/// `docs/guide.md`, compiled so that its snippets stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/guide.md")]
mod guide {}

/// The value sets (`oidc-discovery-types`).
pub mod types {
    pub use oidc_discovery_types::*;
}

/// The metadata document (`oidc-discovery-metadata`).
pub mod metadata {
    pub use oidc_discovery_metadata::*;
}

/// Validation: profiles, rules, reports, issuer matching, well-known URLs
/// (`oidc-discovery-validate`).
pub mod validation {
    pub use oidc_discovery_validate::*;
}

/// Signed metadata, RFC 8414 §2.1 (`oidc-discovery-signed`; feature `signed`, and `sign` to
/// produce it).
#[cfg(feature = "signed")]
pub mod signed {
    pub use oidc_discovery_signed::*;
}
