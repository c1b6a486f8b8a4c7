//! Typed, lossless OpenID Connect Discovery 1.0 and RFC 8414 metadata documents.
//!
//! This crate is the document layer of oidc-discovery: [`ProviderMetadata`] has a typed field
//! for every member of OpenID Connect Discovery 1.0 §3, RFC 8414 §2 and the IANA "OAuth
//! Authorization Server Metadata" registry (97 members, listed with citations in [`MEMBERS`]),
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
//! # Numbers
//!
//! Numbers only occur in members this crate does not type (such as a vendor's `"version": 1.0`).
//! They are kept as `serde_json::Value` numbers, which hold every integer up to 64 bits and
//! every `f64` exactly (`1.0` stays `1.0`). Larger integers and longer decimals keep their exact
//! digits only with the `arbitrary-precision` feature, which turns on serde_json's
//! `arbitrary_precision` (off by default because it changes number handling for every crate
//! in the build).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod defaults;
mod error;
mod localized;
mod member;
mod members;
mod mtls;
mod provider_metadata;
pub mod schema;
mod values;

pub use defaults::{
    DEFAULT_AUTH_METHODS, DEFAULT_CLAIM_TYPES, DEFAULT_CLIENT_ID_PREFIXES, DEFAULT_GRANT_TYPES,
    DEFAULT_RESPONSE_MODES,
};
pub use error::{ParseError, ParseErrorKind, SerializeError};
pub use localized::Localized;
pub use member::{JsonType, MemberRef, MemberView, StrList, StrListIter};
pub use mtls::MtlsEndpointAliases;
pub use oidc_discovery_types::*;
pub use provider_metadata::{MEMBERS, MemberInfo, ProviderMetadata, Registration};
pub use values::{Issuer, SignedMetadata, UrlString};

/// A JSON object, as `jwks` and `vp_formats_supported` hold and as unknown members are kept.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

const BOM: &str = "\u{feff}";

impl ProviderMetadata {
    /// Parses a document from JSON text.
    ///
    /// Accepts any JSON object (see the type's documentation); a leading UTF-8 byte-order mark
    /// is ignored (RFC 8259 §8.1 allows a parser to).
    ///
    /// # Errors
    ///
    /// When the text is not JSON, or not a JSON object: a [`ParseError`] with line and column.
    pub fn from_json_str(json: &str) -> Result<Self, ParseError> {
        let (json, bom) = match json.strip_prefix(BOM) {
            Some(rest) => (rest, true),
            None => (json, false),
        };
        serde_json::from_str(json)
            .map_err(|error| ParseError::from_json(&error, json.as_bytes(), bom))
    }

    /// Parses a document from JSON bytes (which must be UTF-8, RFC 8259 §8.1).
    ///
    /// # Errors
    ///
    /// As [`from_json_str`](Self::from_json_str); also when the bytes are not UTF-8.
    pub fn from_json_slice(json: &[u8]) -> Result<Self, ParseError> {
        let (json, bom) = match json.strip_prefix(BOM.as_bytes()) {
            Some(rest) => (rest, true),
            None => (json, false),
        };
        serde_json::from_slice(json).map_err(|error| ParseError::from_json(&error, json, bom))
    }

    /// Parses like [`from_json_slice`](Self::from_json_slice), and also returns the names of
    /// the top-level members that occur more than once (each once, sorted): a parsed document
    /// keeps the last value of each and cannot show them. (Repeated names inside nested
    /// objects are not looked for.)
    ///
    /// ```
    /// use oidc_discovery_metadata::ProviderMetadata;
    ///
    /// let (metadata, repeated) = ProviderMetadata::from_json_slice_noting_repeats(
    ///     br#"{"issuer": "https://a.example", "issuer": "https://b.example"}"#,
    /// )?;
    /// assert_eq!(metadata.issuer.unwrap().as_str(), "https://b.example");
    /// assert_eq!(repeated, ["issuer"]);
    /// # Ok::<(), oidc_discovery_metadata::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`from_json_slice`](Self::from_json_slice).
    pub fn from_json_slice_noting_repeats(json: &[u8]) -> Result<(Self, Vec<String>), ParseError> {
        use serde::de::DeserializeSeed as _;
        let (json, bom) = match json.strip_prefix(BOM.as_bytes()) {
            Some(rest) => (rest, true),
            None => (json, false),
        };
        let mut repeated = std::collections::BTreeSet::new();
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let metadata = provider_metadata::MetadataVisitor {
            duplicates: Some(&mut repeated),
        }
        .deserialize(&mut deserializer)
        .map_err(|error| ParseError::from_json(&error, json, bom))?;
        deserializer
            .end()
            .map_err(|error| ParseError::from_json(&error, json, bom))?;
        Ok((metadata, repeated.into_iter().collect()))
    }

    /// Writes the document as compact JSON: typed members in specification order, then
    /// [`other`](Self::other) by name.
    ///
    /// # Errors
    ///
    /// When a member is set both in its typed field and in [`other`](Self::other).
    pub fn to_json_string(&self) -> Result<String, SerializeError> {
        Ok(serde_json::to_string(self)?)
    }

    /// Writes the document as compact JSON bytes.
    ///
    /// # Errors
    ///
    /// As [`to_json_string`](Self::to_json_string).
    pub fn to_json_vec(&self) -> Result<Vec<u8>, SerializeError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// Writes the document as indented JSON.
    ///
    /// # Errors
    ///
    /// As [`to_json_string`](Self::to_json_string).
    pub fn to_json_string_pretty(&self) -> Result<String, SerializeError> {
        Ok(serde_json::to_string_pretty(self)?)
    }
}

impl std::str::FromStr for ProviderMetadata {
    type Err = ParseError;
    fn from_str(json: &str) -> Result<Self, ParseError> {
        Self::from_json_str(json)
    }
}
