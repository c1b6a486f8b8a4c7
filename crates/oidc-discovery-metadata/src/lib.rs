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

use serde::de::DeserializeSeed as _;

mod defaults;
mod error;
mod localized;
mod member;
mod members;
mod mtls;
mod provider_metadata;
mod raw;
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
pub use raw::{JsonKind, RawJson};
/// serde_json's raw JSON text type, which [`RawJson`] wraps.
pub use serde_json::value::RawValue;
pub use values::{Issuer, SignedMetadata, UrlString};

/// A JSON object, as `jwks` and `vp_formats_supported` hold.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The members of a document that no typed field holds, by name, each kept as its JSON text:
/// [`ProviderMetadata::other`].
pub type RawObject = std::collections::BTreeMap<String, RawJson>;

const BOM: &str = "\u{feff}";

/// The error for `json` (BOM removed) that the parse stopped at.
///
/// Capturing a value's text checks less than parsing it does: the capture's own position for
/// a few syntax errors differs by a column, and lone surrogate escapes and nesting beyond
/// serde_json's limit are found by [`provider_metadata::check_raw`] at the end of the value.
/// So the error reported is that of a full parse of the document, as it always was, unless
/// that parse stops at a number beyond `f64`, which is not an error here.
fn read_error(error: &serde_json::Error, json: &[u8], bom: bool) -> ParseError {
    use serde_json::error::Category;
    let marked = provider_metadata::is_raw_check_error(error);
    if marked || error.classify() != Category::Data {
        if let Err(full) = serde_json::from_slice::<serde_json::Value>(json) {
            if full.classify() != Category::Data
                && !full.to_string().starts_with("number out of range")
            {
                return ParseError::from_json(&full, json, bom);
            }
        }
        if marked {
            return ParseError::syntax(error, false, bom);
        }
    }
    ParseError::from_json(error, json, bom)
}

/// Parses `json` (BOM removed; `bom` says whether there was one), noting repeated names in
/// `duplicates` when given.
fn read_str(
    json: &str,
    bom: bool,
    duplicates: Option<&mut std::collections::BTreeSet<String>>,
) -> Result<ProviderMetadata, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let metadata = borrowed_visitor(duplicates)
        .deserialize(&mut deserializer)
        .and_then(|metadata| deserializer.end().map(|()| metadata));
    metadata.map_err(|error| read_error(&error, json.as_bytes(), bom))
}

/// The top-level visitor for input in memory: member values borrowed from it.
fn borrowed_visitor(
    duplicates: Option<&mut std::collections::BTreeSet<String>>,
) -> provider_metadata::MetadataVisitor<'_> {
    provider_metadata::MetadataVisitor {
        duplicates,
        borrowed: true,
    }
}

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
        read_str(json, bom, None)
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
        // UTF-8 checked once for the whole text (rather than string by string, and again for
        // each captured value); invalid input takes the byte path, for the error's position.
        if let Ok(text) = std::str::from_utf8(json) {
            return read_str(text, bom, None);
        }
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let metadata = borrowed_visitor(None)
            .deserialize(&mut deserializer)
            .and_then(|metadata| deserializer.end().map(|()| metadata));
        metadata.map_err(|error| read_error(&error, json, bom))
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
        let (json, bom) = match json.strip_prefix(BOM.as_bytes()) {
            Some(rest) => (rest, true),
            None => (json, false),
        };
        let mut repeated = std::collections::BTreeSet::new();
        if let Ok(text) = std::str::from_utf8(json) {
            let metadata = read_str(text, bom, Some(&mut repeated))?;
            return Ok((metadata, repeated.into_iter().collect()));
        }
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let metadata = borrowed_visitor(Some(&mut repeated))
            .deserialize(&mut deserializer)
            .map_err(|error| read_error(&error, json, bom))?;
        deserializer
            .end()
            .map_err(|error| read_error(&error, json, bom))?;
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
