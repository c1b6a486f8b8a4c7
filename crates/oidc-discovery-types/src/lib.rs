//! The value sets of OpenID Connect Discovery 1.0 and RFC 8414 (OAuth 2.0 Authorization Server
//! Metadata) documents, as **open** enums.
//!
//! This crate is the vocabulary layer of [oidc-discovery]: grant types, response types, response
//! modes, client authentication methods, PKCE methods, subject and claim types, display and prompt
//! values, CIBA delivery modes, federation registration types, JOSE algorithms and language tags.
//! It is **not** the metadata document itself (see `oidc-discovery-metadata`) and it does not
//! validate documents (see `oidc-discovery-validate`).
//!
//! # Open enums
//!
//! Every registry behind these value sets is extensible, and real providers publish values no
//! registry knows (`windows_client_authentication`, `A128CBC+HS256`, bare `device_code`, …). So
//! every string parses, and nothing is lost:
//!
//! ```
//! use oidc_discovery_types::{GrantType, JwsAlg};
//!
//! // A known value (exact, case-sensitive) becomes its variant…
//! assert_eq!(GrantType::from("authorization_code"), GrantType::AuthorizationCode);
//! // …anything else is kept verbatim and displays back byte for byte.
//! let okta = GrantType::from("urn:okta:params:oauth:grant-type:otp");
//! assert!(!okta.is_known());
//! assert_eq!(okta.to_string(), "urn:okta:params:oauth:grant-type:otp");
//! // Case matters: registries are case-sensitive.
//! assert!(!JwsAlg::from("rs256").is_known());
//! // Known values are listable, each with the spec that defines it.
//! assert!(JwsAlg::KNOWN.contains(&JwsAlg::Rs256));
//! assert_eq!(GrantType::Implicit.citation(), Some("RFC 6749 §4.2"));
//! ```
//!
//! Parsing a known value never allocates; an unknown value allocates its text once.
//!
//! # Response types are sets
//!
//! [`ResponseType`] is a space-separated set of tokens: `"id_token code"` equals
//! `"code id_token"` (RFC 6749 §3.1.1), yet each keeps its own spelling for serialization.
//!
//! ```
//! use oidc_discovery_types::ResponseType;
//!
//! let a = ResponseType::from("id_token code");
//! assert_eq!(a, ResponseType::CODE_ID_TOKEN);
//! assert_eq!(a.as_str(), "id_token code");
//! assert_eq!(a.canonical(), "code id_token");
//! ```
//!
//! [oidc-discovery]: https://docs.rs/oidc-discovery

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bearer;
mod ciba;
mod client_auth;
mod federation;
mod grant_type;
mod jose;
mod language_tag;
mod oidc;
mod open_enum;
mod pkce;
mod response_mode;
mod response_type;

pub use grant_type::GrantType;
pub use language_tag::LanguageTag;
pub use open_enum::UnknownValue;
pub use response_type::{ResponseType, ResponseTypeMalformation, ResponseTypeToken};
// Value-set re-exports
pub use bearer::BearerMethod;
pub use ciba::TokenDeliveryMode;
pub use client_auth::{AccessTokenType, ClientAuthMethod, IntrospectionAuthMethod};
pub use federation::ClientRegistrationType;
pub use jose::{JweAlg, JweEnc, JwsAlg};
pub use oidc::{ClaimType, Display, Prompt, SubjectType};
pub use pkce::PkceMethod;
pub use response_mode::ResponseMode;
