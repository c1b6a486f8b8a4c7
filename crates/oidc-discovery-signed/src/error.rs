//! Typed errors: loading keys, signing, and verifying (each verification failure names the
//! registry rule it breaks).

use oidc_discovery_validate::jws::JwsError;
use oidc_discovery_validate::rules::{
    MEMBER_TYPE, Rule, SIGNED_METADATA_MISSING, SIGNED_METADATA_NESTED_CLAIM,
    SIGNED_METADATA_SIGNATURE, SIGNED_METADATA_TRUSTED_ISS, SIGNED_METADATA_VALIDITY,
};
use oidc_discovery_validate::{Problem, Profile};

use crate::Algorithm;

/// Why a key (a JWK, a JWK Set, a PEM file, a shared secret) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The text is not JSON.
    #[error("not JSON: {0}")]
    Json(String),
    /// The JSON is not a JWK (RFC 7517 §4) or a JWK Set (RFC 7517 §5).
    #[error("{0}")]
    NotJwk(String),
    /// One JWK cannot be used; the reason says why.
    #[error("the key{} cannot be used: {reason}", kid.as_deref().map(|kid| format!(" \"{kid}\"")).unwrap_or_default())]
    Unusable {
        /// Its `kid`, if it has one.
        kid: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// A JWK Set has no key this crate can verify with.
    #[error("the JWK Set has no usable signature key{}", describe_ignored(.0))]
    NoUsableKey(Vec<IgnoredKey>),
    /// The algorithm name is not one this crate supports (`none` never is).
    #[error("the algorithm \"{0}\" is not supported")]
    UnsupportedAlgorithm(String),
    /// The key cannot be used with the algorithm (an EC key for `RS256`, …).
    #[error("a {key} key cannot be used with {alg}")]
    AlgorithmMismatch {
        /// The algorithm.
        alg: Algorithm,
        /// The kind of key.
        key: String,
    },
    /// A PKCS #8 document (PEM or DER) could not be read.
    #[error("not a usable PKCS #8 private key: {0}")]
    Pkcs8(String),
}

fn describe_ignored(ignored: &[IgnoredKey]) -> String {
    if ignored.is_empty() {
        " (it has no keys)".to_owned()
    } else {
        let reasons: Vec<String> = ignored.iter().map(ToString::to_string).collect();
        format!(": {}", reasons.join("; "))
    }
}

/// A key of a JWK Set that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IgnoredKey {
    /// Its position in `keys`.
    pub index: usize,
    /// Its `kid`, if it has one.
    pub kid: Option<String>,
    /// Why it was left out.
    pub reason: String,
}

impl std::fmt::Display for IgnoredKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "key {}", self.index)?;
        if let Some(kid) = &self.kid {
            write!(f, " (\"{kid}\")")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Why metadata could not be signed.
#[cfg(feature = "sign")]
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The document could not be serialized (a member is both typed and in `other`).
    #[error(transparent)]
    Serialize(#[from] oidc_discovery_metadata::SerializeError),
    /// The document has a member named like a registered JWT claim (`iss`, `exp`, …), which
    /// would be read back as that claim.
    #[error(
        "the document has a member `{0}`, a registered JWT claim name (RFC 7519 §4.1); it cannot be signed as metadata"
    )]
    ReservedMember(String),
    /// A member asked for with [`SignOptions::only`](crate::SignOptions::only) is not in the
    /// document.
    #[error("the document has no member `{0}` to sign")]
    NoSuchMember(String),
    /// The `iss` is empty.
    #[error("the attesting party (`iss`) must not be empty (RFC 8414 §2.1)")]
    EmptyIssuer,
    /// The key failed to sign.
    #[error("{0}")]
    Crypto(String),
}

/// Why `signed_metadata` could not be verified. Each failure names the registry rule it breaks
/// ([`rule`](Self::rule)), so that tools report it like any other problem.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SignedMetadataError {
    /// The document has no `signed_metadata` member.
    #[error("the document has no `signed_metadata`, and signed metadata is required")]
    Missing,
    /// `signed_metadata` is not a string (`null` counts as absent: [`Missing`](Self::Missing)).
    /// Document validation reports it under `member-type`.
    #[error("`signed_metadata` is {0}, not a string")]
    NotAString(&'static str),
    /// The value is not a well-formed signed JWT: not a JWS in compact serialization with
    /// JSON-object header and claims, unsigned (`alg: none`, no `alg`, an empty signature), a
    /// `kid` that is not a string, or no `iss` claim. The failure is the reader's
    /// ([`oidc_discovery_validate::jws`]), the same one document validation reports, under
    /// the same rule and with the same message.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// The `alg` is not one this crate verifies.
    #[error("`signed_metadata` is signed with \"{0}\", an algorithm that is not supported")]
    UnsupportedAlgorithm(String),
    /// The header has a `crit` member: extensions this crate does not understand (RFC 7515
    /// §4.1.11 requires rejecting the JWS).
    #[error("`signed_metadata` has critical header parameters {}, which are not understood", quoted_list(.0))]
    CriticalHeader(Vec<String>),
    /// The JWS is MACed (`HS*`) and the caller trusts no shared secret.
    #[error(
        "`signed_metadata` is MACed with {0} and no shared secret is trusted; HMAC is verified only with a secret trusted explicitly"
    )]
    HmacNotTrusted(Algorithm),
    /// No trusted key fits the header (`alg`, `kid`, key type, the key's own `alg`).
    #[error("no trusted key can verify `signed_metadata` (alg {alg}{})", kid_text(.kid.as_deref()))]
    NoMatchingKey {
        /// The header's `alg`.
        alg: Algorithm,
        /// The header's `kid`.
        kid: Option<String>,
    },
    /// The signature does not verify with any trusted key that fits the header.
    #[error("the signature of `signed_metadata` (alg {alg}{}) does not verify with any of {tried} trusted key(s)", kid_text(.kid.as_deref()))]
    BadSignature {
        /// The header's `alg`.
        alg: Algorithm,
        /// The header's `kid`.
        kid: Option<String>,
        /// How many keys were tried.
        tried: usize,
    },
    /// The `iss` is not one the caller trusts.
    #[error("`signed_metadata` is attested by \"{0}\", which is not a trusted issuer")]
    UntrustedIssuer(String),
    /// The token has expired (`exp`, with the leeway).
    #[error("`signed_metadata` expired at {exp} (NumericDate); it is now {now}")]
    Expired {
        /// The `exp` claim (seconds since the epoch).
        exp: f64,
        /// The time of verification (seconds since the epoch).
        now: u64,
    },
    /// The token is not valid yet (`nbf`, with the leeway).
    #[error("`signed_metadata` is not valid before {nbf} (NumericDate); it is now {now}")]
    NotYetValid {
        /// The `nbf` claim (seconds since the epoch).
        nbf: f64,
        /// The time of verification (seconds since the epoch).
        now: u64,
    },
    /// `exp`, `nbf` or `iat` is not a NumericDate (a JSON number, RFC 7519 §2).
    #[error("the `{0}` claim of `signed_metadata` is not a NumericDate")]
    InvalidTimeClaim(&'static str),
    /// The claims contain a `signed_metadata` claim (RFC 8414 §2.1: SHOULD NOT); it is refused,
    /// since it is unclear which level's values would take precedence.
    #[error(
        "`signed_metadata` contains a `signed_metadata` claim of its own; nested signed metadata is refused"
    )]
    Nested,
    /// The merged document cannot be built because the document itself does not serialize (a
    /// known member both typed and kept in `other`, which only a document built in code can
    /// have; document validation reports it under `member-type`).
    #[error("the merged document cannot be built: {0}")]
    Unmergeable(String),
}

fn kid_text(kid: Option<&str>) -> String {
    kid.map(|kid| format!(", kid \"{kid}\""))
        .unwrap_or_default()
}

impl SignedMetadataError {
    /// The registry rule this failure breaks.
    #[must_use]
    pub fn rule(&self) -> &'static Rule {
        match self {
            Self::Missing => &SIGNED_METADATA_MISSING,
            Self::NotAString(_) | Self::Unmergeable(_) => &MEMBER_TYPE,
            Self::Jws(error) => error.rule(),
            Self::UnsupportedAlgorithm(_)
            | Self::CriticalHeader(_)
            | Self::HmacNotTrusted(_)
            | Self::NoMatchingKey { .. }
            | Self::BadSignature { .. } => &SIGNED_METADATA_SIGNATURE,
            Self::UntrustedIssuer(_) => &SIGNED_METADATA_TRUSTED_ISS,
            Self::Expired { .. } | Self::NotYetValid { .. } | Self::InvalidTimeClaim(_) => {
                &SIGNED_METADATA_VALIDITY
            }
            Self::Nested => &SIGNED_METADATA_NESTED_CLAIM,
        }
    }

    /// Whether document validation reports this failure itself: the token breaks a document
    /// rule (`signed-metadata-not-jws`, `-unsigned`, `-iss`, or `member-type`), judged by the
    /// same reader. [`validate_json_verified`](crate::validate_json_verified) adds only the
    /// other failures to the report, so that each rule is reported by one place.
    #[must_use]
    pub fn reported_by_validation(&self) -> bool {
        matches!(
            self,
            Self::Jws(_) | Self::NotAString(_) | Self::Unmergeable(_)
        )
    }

    /// This failure as a report problem at `/signed_metadata` (`""` when it is missing), with
    /// the rule's severity under `profile` (every verification rule applies under every
    /// profile, so this is `None` only for a profile that would exempt it).
    #[must_use]
    pub fn to_problem(&self, profile: Profile) -> Option<Problem> {
        let pointer = if matches!(self, Self::Missing) {
            ""
        } else {
            "/signed_metadata"
        };
        Problem::new(self.rule(), profile, pointer, self.to_string())
    }
}

/// `"a", "b"`: names quoted as in every other message, not as Rust writes a list.
fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
