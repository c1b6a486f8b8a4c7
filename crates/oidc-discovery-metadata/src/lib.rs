//! Typed, lossless OpenID Connect Discovery 1.0 and RFC 8414 metadata documents.
//!
//! This crate is the document layer of oidc-discovery: [`ProviderMetadata`] has a typed field
//! for every member of OpenID Connect Discovery 1.0 §3, RFC 8414 §2 and the IANA "OAuth
//! Authorization Server Metadata" registry (98 members, listed with citations in [`MEMBERS`]),
//! parses **every** JSON object, and writes back what it read. It does **not** judge documents
//! (that is `oidc-discovery-validate`), fetch them or serve them.
//!
//! ```
//! use oidc_discovery_metadata::{GrantType, ProviderMetadata, ResponseType};
//!
//! let metadata = ProviderMetadata::from_json_str(r#"{
//!     "issuer": "https://login.example.com",
//!     "authorization_endpoint": "https://login.example.com/authorize",
//!     "response_types_supported": ["code", "token id_token"],
//!     "grant_types_supported": ["authorization_code", "urn:example:magic-link"],
//!     "op_tos_uri": "https://example.com/tos",
//!     "op_tos_uri#fr": "https://example.com/fr/cgu",
//!     "end_session_endpoint": null,
//!     "mfa_challenge_endpoint": "https://login.example.com/mfa/challenge"
//! }"#)?;
//!
//! // Typed members; unknown values are kept.
//! let grants = metadata.grant_types_supported.as_deref().unwrap_or_default();
//! assert_eq!(grants[0], GrantType::AuthorizationCode);
//! assert_eq!(grants[1].as_str(), "urn:example:magic-link");
//! // Response types are token sets that keep their spelling.
//! let types = metadata.response_types_supported.as_deref().unwrap_or_default();
//! assert_eq!(types[1], ResponseType::ID_TOKEN_TOKEN);
//! // Language-tagged variants are reached through their member.
//! assert_eq!(metadata.op_tos_uri.get("fr").unwrap(), "https://example.com/fr/cgu");
//! // `null` is not absent, and unknown members are kept.
//! assert!(metadata.end_session_endpoint.is_none() && metadata.has_member("end_session_endpoint"));
//! assert!(metadata.other.contains_key("mfa_challenge_endpoint"));
//! // Spec defaults through accessors, never written out.
//! assert!(metadata.effective_request_uri_parameter_supported());
//!
//! // Lossless: the same JSON value comes back.
//! let json = metadata.to_json_string()?;
//! assert!(json.contains(r#""end_session_endpoint":null"#));
//! assert!(!json.contains("request_uri_parameter_supported"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Numbers, and everything else kept in `other`
//!
//! Every member that no typed field holds — unknown and vendor members, and known members
//! whose value has the wrong JSON type — is kept in [`other`](ProviderMetadata::other) as its
//! JSON text ([`RawJson`]) and written back **byte for byte**. Numbers therefore survive
//! exactly as written, with no feature to turn on: `18446744073709551617` (2^64 + 1),
//! `-9223372036854775809`, `1.0` (not `1`), `-0`, `123456789012345678901234567890.5`,
//! `0.1e-400`, and even `1e400`, which `serde_json::Value` cannot hold (a document holding it
//! is not refused; validation reports the member if it is a known one).
//!
//! ```
//! use oidc_discovery_metadata::{JsonKind, ProviderMetadata};
//!
//! let json = r#"{"issuer":1e400,"x_build":18446744073709551617,"x_ratio":1.0}"#;
//! let metadata = ProviderMetadata::from_json_str(json)?;
//! assert_eq!(metadata.to_json_string()?, json);
//! // The text, its JSON type, and a `serde_json::Value` on demand.
//! assert_eq!(metadata.other["x_ratio"].as_str(), "1.0");
//! assert_eq!(metadata.other["issuer"].kind(), JsonKind::Number);
//! assert_eq!(metadata.other["x_ratio"].to_value()?, serde_json::json!(1.0));
//! assert!(metadata.other["issuer"].to_value().is_err()); // beyond f64
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What a user gets:
//!
//! * [`RawJson::as_str`] (the text), [`RawJson::kind`] (the JSON type, from its first
//!   character), [`RawJson::to_value`] (a `serde_json::Value`, parsed when called: exact for
//!   integers within 64 bits and for `f64`s, otherwise the nearest `f64`; an error for a number
//!   beyond the range of `f64`), and [`RawJson::items`] / [`RawJson::fields`] (the texts of an
//!   array's elements or an object's members). Put a value in with `Value::into()` or
//!   [`RawJson::from_json`].
//! * Equality of two `RawJson`s (and so of documents) is equality of JSON values: the same
//!   text, or texts that parse to equal `Value`s (`[1, 2]` equals `[1,2]`).
//! * Unknown members cost one copy of their text when parsing: no `Value` tree is built.
//! * The typed object members ([`jwks`](ProviderMetadata::jwks),
//!   [`vp_formats_supported`](ProviderMetadata::vp_formats_supported)) hold `serde_json::Value`
//!   objects, whose numbers are what serde_json makes of them; one beyond the range of `f64`
//!   keeps the whole member, as written, in `other`.
//! * Deserializing needs serde_json (`from_str`, `from_slice`, `from_reader`, `from_value`):
//!   the text is captured with serde_json's [`RawValue`] (its additive `raw_value` feature,
//!   which changes nothing for other types, unlike `arbitrary_precision`, which this crate
//!   does not use).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod defaults;
pub mod document;
mod error;
mod localized;
mod member;
mod mtls;
mod provider_members;
mod raw;
mod resource_members;
pub mod schema;
mod values;

pub use defaults::{
    DEFAULT_AUTH_METHODS, DEFAULT_CLAIM_TYPES, DEFAULT_CLIENT_ID_PREFIXES, DEFAULT_GRANT_TYPES,
    DEFAULT_RESPONSE_MODES,
};
pub use document::{DocumentKind, MemberInfo, Metadata, Registration};
pub use error::{ParseError, ParseErrorKind, SerializeError};
pub use localized::Localized;
pub use member::{JsonType, MemberRef, MemberView, StrList, StrListIter};
pub use mtls::MtlsEndpointAliases;
pub use oidc_discovery_types::*;
pub use provider_members::{MEMBERS, ProviderMetadata};
pub use raw::{JsonKind, RawJson};
pub use resource_members::{ProtectedResourceMetadata, RESOURCE_MEMBERS};
/// serde_json's raw JSON text type, which [`RawJson`] wraps.
pub use serde_json::value::RawValue;
pub use values::{Issuer, SignedMetadata, UrlString};

/// A JSON object, as `jwks` and `vp_formats_supported` hold.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The members of a document that no typed field holds, by name, each kept as its JSON text:
/// [`ProviderMetadata::other`].
pub type RawObject = std::collections::BTreeMap<String, RawJson>;
