//! Signed metadata (RFC 8414 §2.1): produce and verify `signed_metadata`.
//!
//! A provider may publish, next to its plain metadata members, a `signed_metadata` member: a
//! JWT whose claims are metadata values, signed (or MACed) by a party named in its `iss`
//! claim. A consumer that verifies it must let the signed values take precedence over the
//! plain ones. This crate does both sides:
//!
//! * **Provider** (feature `sign`, off by default): `sign` turns a
//!   [`ProviderMetadata`](oidc_discovery_metadata::ProviderMetadata) into a `signed_metadata`
//!   JWT (claims = the members, `iss` = the attesting party, optional `exp`/`nbf`/`iat`);
//!   `embed` returns the document with the JWT next to the plain members, ready to validate and
//!   serve with `oidc-discovery-http` and an adapter. Keys (`SigningKey`) come from PKCS #8 or
//!   a private JWK, or are generated: RSA (`RS256`, `PS256`, and the 384 and 512 variants), EC
//!   (`ES256`, `ES384`, `ES512`), Ed25519 (`EdDSA`, or its fully-specified name `Ed25519`), or
//!   an HMAC secret (`HS256`, `HS384`, `HS512`).
//! * **Consumer**: a [`Verifier`] checks the JWT against [`TrustedKeys`] (a JWK Set or one key;
//!   HMAC only with a secret trusted explicitly) and an [`IssuerPolicy`], and returns
//!   [`VerifiedMetadata`]: the merged document and which members came from the signature (and
//!   which of those differed). `alg: none`, HMAC without an explicitly trusted secret, a bad
//!   signature, an untrusted `iss`, an expired or not-yet-valid token and a nested
//!   `signed_metadata` claim are refused with a typed [`SignedMetadataError`] that names its
//!   validation rule. Unverified claims are never merged.
//! * **Both with validation**: [`validate_json_verified`] validates a document's text, verifies
//!   its signed metadata and judges the merged document, reporting the outcome as problems
//!   (what `oidc-discovery check --trust-jwks` and the client's `require_signed_metadata` use).
//!   [`validate_resource_json_verified`] does the same for protected resource metadata (RFC
//!   9728 §2.2): one signer, one verifier and one merge for both document kinds.
//!
//! It is **not** a general JWT library (no encryption, no token validation for other
//! purposes), it does not fetch keys (how a consumer obtains and trusts them is application or
//! federation policy, RFC 8414 §2.1), and it never takes keys from the token itself (`jwk`,
//! `jku`, `x5u`, `x5c`).
//!
//! The signature primitives are RustCrypto's (`rsa`, `p256`, `p384`, `p521`, `ed25519-dalek`,
//! `hmac`, `sha2`), pure Rust; this crate only maps JWS algorithms onto them. The token is read
//! by `oidc-discovery-validate`'s reader ([`oidc_discovery_validate::jws`]), the one that
//! document validation uses, so the two cannot disagree on what `signed_metadata` says.
//!
//! # Features
//!
//! * `sign` (off by default): producing signed metadata — `sign`, `embed`, `SignOptions`,
//!   `SignError` and `SigningKey` (key generation, PKCS #8 and private-JWK import, PKCS #8
//!   export). A consumer that only verifies leaves it off and does not compile key
//!   generation, the system random number generator (`rand_core`/`getrandom`) or PEM.
//!
//! ```
//! # #[cfg(feature = "sign")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use oidc_discovery_metadata::ProviderMetadata;
//! use oidc_discovery_signed::{
//!     Algorithm, IssuerPolicy, SignOptions, SignedMetadataError, SigningKey, TrustedKeys,
//!     Verifier, embed,
//! };
//!
//! // Provider: sign and publish.
//! let key = SigningKey::generate(Algorithm::EdDSA)?.with_kid("metadata-1");
//! let metadata = ProviderMetadata {
//!     issuer: Some("https://as.example.com".into()),
//!     token_endpoint: Some("https://as.example.com/token".into()),
//!     ..Default::default()
//! };
//! let published = embed(&metadata, &key, &SignOptions::new("https://as.example.com"))?;
//! let json = published.to_json_string()?;
//!
//! // Consumer: parse, verify with the key it trusts, use the merged document.
//! let received = ProviderMetadata::from_json_str(&json)?;
//! let jwks = serde_json::json!({ "keys": [key.public_jwk().unwrap()] });
//! let verifier = Verifier::new(
//!     TrustedKeys::from_jwks(&jwks)?,
//!     IssuerPolicy::exact(["https://as.example.com"]),
//! );
//! let verified = verifier.verify(&received)?;
//! assert!(verified.signed_members().any(|name| name == "token_endpoint"));
//!
//! // Another key does not verify it.
//! let stranger = SigningKey::generate(Algorithm::EdDSA)?;
//! let wrong = Verifier::new(
//!     TrustedKeys::from_jwk(&stranger.public_jwk().unwrap())?,
//!     IssuerPolicy::document_issuer(),
//! );
//! let error = wrong.verify(&received).unwrap_err();
//! assert!(matches!(error, SignedMetadataError::BadSignature { .. }));
//! assert_eq!(error.rule().id, "signed-metadata-signature");
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "sign"))]
//! # fn main() {}
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod alg;
mod check;
mod crypto;
mod error;
mod keys;
#[cfg(feature = "sign")]
mod sign;
#[cfg(feature = "sign")]
mod signer;
#[cfg(feature = "sign")]
mod signing_key;
mod verify;

#[cfg(test)]
#[path = "../tests/vectors/mod.rs"]
mod vectors;

pub use alg::Algorithm;
pub use check::{VerifiedCheck, validate_json_verified, validate_resource_json_verified};
#[cfg(feature = "sign")]
pub use error::SignError;
pub use error::{IgnoredKey, KeyError, SignedMetadataError};
pub use keys::TrustedKeys;
#[cfg(feature = "sign")]
pub use sign::{SignOptions, embed, sign};
#[cfg(feature = "sign")]
pub use signing_key::SigningKey;
pub use verify::{
    DEFAULT_LEEWAY, IssuerPolicy, JWT_CLAIMS, PlainValue, SignedMember, VerifiedMetadata, Verifier,
};
