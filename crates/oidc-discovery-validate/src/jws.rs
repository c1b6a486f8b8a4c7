//! Reading `signed_metadata` (RFC 8414 §2.1): a JWS in compact serialization (RFC 7515 §7.1),
//! split and decoded, with no cryptography.
//!
//! This is the one reader of the value: document validation (the `signed-metadata-*` rules of
//! the `signed-metadata` group) and signature verification (`oidc-discovery-signed`) both read
//! the token with [`CompactJws::read`] and judge its header and claims with the same methods,
//! so they cannot disagree on what the token says. Every failure is a [`JwsError`] that names
//! its rule ([`JwsError::rule`]); its text is the message of that rule's problem.
//!
//! ```
//! use oidc_discovery_validate::jws::{CompactJws, JwsError, Part};
//!
//! // {"alg":"ES256","kid":"k1"} . {"iss":"https://as.example.com"} . (a signature)
//! let jws = CompactJws::read(
//!     "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2FzLmV4YW1wbGUuY29tIn0.c2ln",
//! )?;
//! assert_eq!(jws.algorithm()?, "ES256");
//! assert_eq!(jws.kid()?, Some("k1"));
//! assert_eq!(jws.issuer()?, "https://as.example.com");
//! assert_eq!(jws.signature(), b"sig");
//! assert!(jws.signing_input().ends_with(".eyJpc3MiOiJodHRwczovL2FzLmV4YW1wbGUuY29tIn0"));
//!
//! let error = CompactJws::read("eyJhbGciOiJFUzI1NiJ9.e30=.c2ln").unwrap_err();
//! assert_eq!(error, JwsError::NotBase64url(Part::Claims));
//! assert_eq!(error.rule().id, "signed-metadata-not-jws");
//! # Ok::<(), JwsError>(())
//! ```

use std::fmt;

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use crate::rules::{Rule, SIGNED_METADATA_ISS, SIGNED_METADATA_NOT_JWS, SIGNED_METADATA_UNSIGNED};

/// A part of a JWS in compact serialization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// The protected header (the first part).
    Header,
    /// The payload: the claims of the JWT (the second part).
    Claims,
    /// The signature or MAC (the third part).
    Signature,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Header => "header",
            Self::Claims => "claims",
            Self::Signature => "signature",
        })
    }
}

/// Why `signed_metadata` is not a well-formed signed JWT. Each failure names the document rule
/// it breaks ([`rule`](Self::rule)); its text (`Display`) is the message of the problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JwsError {
    /// The value does not have three dot-separated parts.
    #[error(
        "`signed_metadata` has {0} dot-separated {parts}; a JWS in compact serialization has 3 (RFC 7515 §7.1)",
        parts = if *.0 == 1 { "part" } else { "parts" }
    )]
    PartCount(usize),
    /// A part is not unpadded base64url: another character, `=` padding, whitespace, a length
    /// no encoding has, or bits after the last byte that are not zero (RFC 7515 §2).
    #[error("the {0} of `signed_metadata` is not unpadded base64url (RFC 7515 §2)")]
    NotBase64url(Part),
    /// The header or the claims decode to bytes that are not JSON (UTF-8 included).
    #[error("the {part} of `signed_metadata` is not JSON: {detail}")]
    NotJson {
        /// The header or the claims.
        part: Part,
        /// What the JSON parser said, with the position in the decoded part.
        detail: String,
    },
    /// The header or the claims are JSON, but not an object.
    #[error("the {part} of `signed_metadata` is {kind}, not a JSON object")]
    NotObject {
        /// The header or the claims.
        part: Part,
        /// What the JSON is instead (`an array`, `a string`, …).
        kind: &'static str,
    },
    /// The header's `alg` is `none`: an unsecured JWS.
    #[error("`signed_metadata` is an unsecured JWS (`alg: none`); it must be signed or MACed")]
    AlgNone,
    /// The header has no `alg`.
    #[error("the header of `signed_metadata` has no `alg`; it must be signed or MACed")]
    NoAlg,
    /// The header's `alg` is not a string (RFC 7515 §4.1.1).
    #[error(
        "the `alg` of `signed_metadata` is {0}, not a string naming an algorithm (RFC 7515 §4.1.1)"
    )]
    AlgNotString(&'static str),
    /// The signature part is empty.
    #[error("`signed_metadata` has an empty signature part; it must be signed or MACed")]
    EmptySignature,
    /// The header's `kid` is not a string (RFC 7515 §4.1.4).
    #[error("the `kid` of `signed_metadata` is {0}, not a string (RFC 7515 §4.1.4)")]
    KidNotString(&'static str),
    /// The claims have no `iss` string.
    #[error("`signed_metadata` has no `iss` claim naming the party that attests to it")]
    NoIssuer,
    /// The claims have an `iss` that is not a string.
    #[error(
        "the `iss` claim of `signed_metadata` is {0}, not a string naming the party that attests to it"
    )]
    IssuerNotString(&'static str),
}

impl JwsError {
    /// The registry rule this failure breaks: `signed-metadata-not-jws` (not a JWS with
    /// JSON-object header and claims, or a header parameter of the wrong type),
    /// `signed-metadata-unsigned` (`alg` absent or `none`, an empty signature) or
    /// `signed-metadata-iss`.
    #[must_use]
    pub fn rule(&self) -> &'static Rule {
        match self {
            Self::PartCount(_)
            | Self::NotBase64url(_)
            | Self::NotJson { .. }
            | Self::NotObject { .. }
            | Self::AlgNotString(_)
            | Self::KidNotString(_) => &SIGNED_METADATA_NOT_JWS,
            Self::AlgNone | Self::NoAlg | Self::EmptySignature => &SIGNED_METADATA_UNSIGNED,
            Self::NoIssuer | Self::IssuerNotString(_) => &SIGNED_METADATA_ISS,
        }
    }
}

/// A JWS in compact serialization whose header and claims are JSON objects: what
/// [`CompactJws::read`] makes of a `signed_metadata` value. It holds the decoded parts and the
/// signing input (the first two parts as received); it verifies nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct CompactJws<'a> {
    signing_input: &'a str,
    header: Map<String, Value>,
    claims: Map<String, Value>,
    signature: Vec<u8>,
}

/// The kind of a JSON value, for messages (`a number`, `an array`, …).
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Strict unpadded base64url (RFC 7515 §2): no padding, no whitespace, canonical final bits.
fn decode(text: &str, part: Part) -> Result<Vec<u8>, JwsError> {
    Base64UrlUnpadded::decode_vec(text).map_err(|_| JwsError::NotBase64url(part))
}

fn object(text: &str, part: Part) -> Result<Map<String, Value>, JwsError> {
    match serde_json::from_slice(&decode(text, part)?) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => Err(JwsError::NotObject {
            part,
            kind: kind(&other),
        }),
        Err(error) => Err(JwsError::NotJson {
            part,
            detail: error.to_string(),
        }),
    }
}

impl<'a> CompactJws<'a> {
    /// Reads `text` as a JWS in compact serialization (RFC 7515 §7.1): three parts separated
    /// by `.`, each strict unpadded base64url (RFC 7515 §2), the header and the claims JSON
    /// objects. An empty signature is read (it is judged by [`algorithm`](Self::algorithm)).
    ///
    /// # Errors
    ///
    /// The first part that breaks this, as [`JwsError::PartCount`],
    /// [`NotBase64url`](JwsError::NotBase64url), [`NotJson`](JwsError::NotJson) or
    /// [`NotObject`](JwsError::NotObject); the parts are read in order (header, claims,
    /// signature).
    pub fn read(text: &'a str) -> Result<Self, JwsError> {
        let mut parts = text.split('.');
        let (Some(header), Some(claims), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwsError::PartCount(text.split('.').count()));
        };
        let header_object = object(header, Part::Header)?;
        let claims_object = object(claims, Part::Claims)?;
        let signature_bytes = decode(signature, Part::Signature)?;
        Ok(Self {
            signing_input: &text[..header.len() + 1 + claims.len()],
            header: header_object,
            claims: claims_object,
            signature: signature_bytes,
        })
    }

    /// The signing input (RFC 7515 §5.2): the header and claims parts as received, with the
    /// dot between them.
    #[must_use]
    pub fn signing_input(&self) -> &'a str {
        self.signing_input
    }

    /// The decoded header.
    #[must_use]
    pub fn header(&self) -> &Map<String, Value> {
        &self.header
    }

    /// The decoded claims.
    #[must_use]
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// The decoded claims, taken.
    #[must_use]
    pub fn into_claims(self) -> Map<String, Value> {
        self.claims
    }

    /// The decoded signature (possibly empty).
    #[must_use]
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// The header's `alg`, when the token is signed: `alg` present, a string, not `none`, and
    /// the signature not empty (RFC 8414 §2.1: signed or MACed). Whether the algorithm is one
    /// anybody supports is not judged here.
    ///
    /// # Errors
    ///
    /// [`JwsError::AlgNone`], [`NoAlg`](JwsError::NoAlg),
    /// [`AlgNotString`](JwsError::AlgNotString) or
    /// [`EmptySignature`](JwsError::EmptySignature), in that order.
    pub fn algorithm(&self) -> Result<&str, JwsError> {
        match self.header.get("alg") {
            Some(Value::String(alg)) if alg == "none" => Err(JwsError::AlgNone),
            Some(Value::String(_)) if self.signature.is_empty() => Err(JwsError::EmptySignature),
            Some(Value::String(alg)) => Ok(alg),
            Some(other) => Err(JwsError::AlgNotString(kind(other))),
            None => Err(JwsError::NoAlg),
        }
    }

    /// The header's `kid`, if any.
    ///
    /// # Errors
    ///
    /// [`JwsError::KidNotString`] when it is not a string.
    pub fn kid(&self) -> Result<Option<&str>, JwsError> {
        match self.header.get("kid") {
            None => Ok(None),
            Some(Value::String(kid)) => Ok(Some(kid)),
            Some(other) => Err(JwsError::KidNotString(kind(other))),
        }
    }

    /// The `iss` claim: the party that attests to the metadata (RFC 8414 §2.1).
    ///
    /// # Errors
    ///
    /// [`JwsError::NoIssuer`] or [`IssuerNotString`](JwsError::IssuerNotString).
    pub fn issuer(&self) -> Result<&str, JwsError> {
        match self.claims.get("iss") {
            Some(Value::String(iss)) => Ok(iss),
            Some(other) => Err(JwsError::IssuerNotString(kind(other))),
            None => Err(JwsError::NoIssuer),
        }
    }

    /// Whether the claims contain a `signed_metadata` claim (RFC 8414 §2.1: SHOULD NOT).
    #[must_use]
    pub fn has_nested_signed_metadata(&self) -> bool {
        self.claims.contains_key("signed_metadata")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(text: &str) -> String {
        Base64UrlUnpadded::encode_string(text.as_bytes())
    }

    #[test]
    fn reads_a_token_and_keeps_the_signing_input() {
        let text = format!(
            "{}.{}.c2ln",
            b64(r#"{"alg":"RS256"}"#),
            b64(r#"{"iss":"x"}"#)
        );
        let jws = CompactJws::read(&text).unwrap();
        assert_eq!(jws.signing_input(), &text[..text.len() - 5]);
        assert_eq!(jws.algorithm(), Ok("RS256"));
        assert_eq!(jws.kid(), Ok(None));
        assert_eq!(jws.issuer(), Ok("x"));
        assert_eq!(jws.signature(), b"sig");
        assert!(!jws.has_nested_signed_metadata());
    }

    #[test]
    fn each_failure_is_typed_with_its_rule() {
        let header = b64(r#"{"alg":"RS256"}"#);
        let claims = b64(r#"{"iss":"x"}"#);
        let cases: Vec<(String, JwsError, &str)> = vec![
            (
                "".to_owned(),
                JwsError::PartCount(1),
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}.{claims}"),
                JwsError::PartCount(2),
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}.{claims}.c2ln.c2ln"),
                JwsError::PartCount(4),
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}=.{claims}.c2ln"),
                JwsError::NotBase64url(Part::Header),
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}.{claims}.c2x"),
                JwsError::NotBase64url(Part::Signature),
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}.{claims}.c2l+"),
                JwsError::NotBase64url(Part::Signature),
                "signed-metadata-not-jws",
            ),
            (
                format!("{}.{claims}.c2ln", b64("[]")),
                JwsError::NotObject {
                    part: Part::Header,
                    kind: "an array",
                },
                "signed-metadata-not-jws",
            ),
            (
                format!("{header}.{}.c2ln", b64("\"x\"")),
                JwsError::NotObject {
                    part: Part::Claims,
                    kind: "a string",
                },
                "signed-metadata-not-jws",
            ),
        ];
        for (text, expected, rule) in cases {
            let error = CompactJws::read(&text).unwrap_err();
            assert_eq!(error, expected, "{text}");
            assert_eq!(error.rule().id, rule, "{text}");
        }
        let error = CompactJws::read(&format!("{}.{claims}.c2ln", b64("{"))).unwrap_err();
        assert!(
            matches!(
                error,
                JwsError::NotJson {
                    part: Part::Header,
                    ..
                }
            ),
            "{error}"
        );

        for (header, signature, expected) in [
            (r#"{"alg":"none"}"#, "", JwsError::AlgNone),
            (r#"{"alg":"none"}"#, "c2ln", JwsError::AlgNone),
            (r#"{"alg":"RS256"}"#, "", JwsError::EmptySignature),
            (r#"{"kid":"k"}"#, "c2ln", JwsError::NoAlg),
        ] {
            let text = format!("{}.{claims}.{signature}", b64(header));
            let error = CompactJws::read(&text).unwrap().algorithm().unwrap_err();
            assert_eq!(error, expected, "{header}");
            assert_eq!(error.rule().id, "signed-metadata-unsigned");
        }
        let text = format!("{}.{claims}.c2ln", b64(r#"{"alg":1}"#));
        let error = CompactJws::read(&text).unwrap().algorithm().unwrap_err();
        assert_eq!(error, JwsError::AlgNotString("a number"));
        assert_eq!(error.rule().id, "signed-metadata-not-jws");
        let text = format!(
            "{}.{}.c2ln",
            b64(r#"{"alg":"RS256","kid":7}"#),
            b64(r#"{"iss":[]}"#)
        );
        let jws = CompactJws::read(&text).unwrap();
        assert_eq!(jws.kid(), Err(JwsError::KidNotString("a number")));
        assert_eq!(jws.issuer(), Err(JwsError::IssuerNotString("an array")));
        assert_eq!(jws.issuer().unwrap_err().rule().id, "signed-metadata-iss");
    }
}
