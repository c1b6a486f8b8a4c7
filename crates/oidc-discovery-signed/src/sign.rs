//! Provider side: metadata → `signed_metadata` JWT.

use std::time::{SystemTime, UNIX_EPOCH};

use oidc_discovery_metadata::{Metadata, SignedMetadata};
use serde_json::{Map, Value, json};

use crate::crypto::b64_encode;
use crate::{JWT_CLAIMS, SignError, SigningKey};

/// What to put in the token besides the metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignOptions {
    /// `iss`: the party attesting to the metadata (RFC 8414 §2.1). Often the provider's own
    /// issuer; may be another party, such as a federation authority.
    pub issuer: String,
    /// `iat`, if set.
    pub issued_at: Option<SystemTime>,
    /// `exp`, if set: consumers refuse the token after it.
    pub expires_at: Option<SystemTime>,
    /// `nbf`, if set: consumers refuse the token before it.
    pub not_before: Option<SystemTime>,
    /// The members to sign; `None` (the default) signs every member of the document.
    pub members: Option<Vec<String>>,
}

impl SignOptions {
    /// Options with `iss` = `issuer` and nothing else: every member is signed, and the token
    /// does not expire.
    #[must_use]
    pub fn new(issuer: impl Into<String>) -> Self {
        Self {
            issuer: issuer.into(),
            issued_at: None,
            expires_at: None,
            not_before: None,
            members: None,
        }
    }

    /// Sets `iat`.
    #[must_use]
    pub fn issued_at(mut self, at: SystemTime) -> Self {
        self.issued_at = Some(at);
        self
    }

    /// Sets `exp`.
    #[must_use]
    pub fn expires_at(mut self, at: SystemTime) -> Self {
        self.expires_at = Some(at);
        self
    }

    /// Sets `nbf`.
    #[must_use]
    pub fn not_before(mut self, at: SystemTime) -> Self {
        self.not_before = Some(at);
        self
    }

    /// Signs only these members (RFC 8414 §2.1 allows signing a subset).
    #[must_use]
    pub fn only<I, S>(mut self, members: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.members = Some(members.into_iter().map(Into::into).collect());
        self
    }
}

/// A NumericDate (RFC 7519 §2): whole seconds since the epoch (negative before it).
fn numeric_date(at: SystemTime) -> Value {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => json!(after.as_secs()),
        Err(before) => {
            json!(i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs))
        }
    }
}

/// The claims: the document's members (or the chosen ones) without `signed_metadata`, plus
/// `iss` and the time claims.
fn claims<D: Metadata>(
    metadata: &D,
    options: &SignOptions,
) -> Result<Map<String, Value>, SignError> {
    if options.issuer.is_empty() {
        return Err(SignError::EmptyIssuer);
    }
    let Value::Object(mut members) = serde_json::to_value(metadata).map_err(|error| {
        SignError::Serialize(oidc_discovery_metadata::SerializeError::from(error))
    })?
    else {
        return Err(SignError::Crypto(
            "the document did not serialize to an object".to_owned(),
        ));
    };
    // Never nested (RFC 8414 §2.1: SHOULD NOT).
    members.remove("signed_metadata");
    if let Some(name) = JWT_CLAIMS.iter().find(|name| members.contains_key(**name)) {
        return Err(SignError::ReservedMember((*name).to_owned()));
    }
    if let Some(only) = &options.members {
        let mut chosen = Map::new();
        for name in only {
            if name == "signed_metadata" {
                continue;
            }
            let value = members
                .remove(name)
                .ok_or_else(|| SignError::NoSuchMember(name.clone()))?;
            chosen.insert(name.clone(), value);
        }
        members = chosen;
    }
    members.insert("iss".to_owned(), json!(options.issuer));
    for (name, at) in [
        ("iat", options.issued_at),
        ("nbf", options.not_before),
        ("exp", options.expires_at),
    ] {
        if let Some(at) = at {
            members.insert(name.to_owned(), numeric_date(at));
        }
    }
    Ok(members)
}

/// Signs `metadata` into a `signed_metadata` JWT (RFC 8414 §2.1): a JWS in compact
/// serialization whose header has the key's `alg` (and `kid`, if the key has one) and whose
/// claims are the document's members plus `iss` (and `iat`, `nbf`, `exp` when set).
///
/// A `signed_metadata` member already in the document is never signed (no nesting).
///
/// # Errors
///
/// When the document does not serialize, has a member named like a registered JWT claim
/// ([`JWT_CLAIMS`]), lacks a member asked for, `iss` is empty, or the key fails to sign.
///
/// ```
/// use oidc_discovery_metadata::ProviderMetadata;
/// use oidc_discovery_signed::{Algorithm, SignOptions, SigningKey, sign};
///
/// let metadata = ProviderMetadata {
///     issuer: Some("https://as.example.com".into()),
///     token_endpoint: Some("https://as.example.com/token".into()),
///     ..Default::default()
/// };
/// let key = SigningKey::generate(Algorithm::EdDSA)?.with_kid("meta-1");
/// let jwt = sign(&metadata, &key, &SignOptions::new("https://as.example.com"))?;
/// assert_eq!(jwt.compact_parts().map(|parts| parts.len()), Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign<D: Metadata>(
    metadata: &D,
    key: &SigningKey,
    options: &SignOptions,
) -> Result<SignedMetadata, SignError> {
    let claims = claims(metadata, options)?;
    let mut header = Map::new();
    header.insert("alg".to_owned(), json!(key.algorithm().as_str()));
    if let Some(kid) = key.kid() {
        header.insert("kid".to_owned(), json!(kid));
    }
    let header = serde_json::to_vec(&header)
        .map_err(|error| SignError::Crypto(format!("cannot write the header: {error}")))?;
    let claims = serde_json::to_vec(&claims)
        .map_err(|error| SignError::Crypto(format!("cannot write the claims: {error}")))?;
    let mut jwt = b64_encode(&header);
    jwt.push('.');
    jwt.push_str(&b64_encode(&claims));
    let signature = key.sign(jwt.as_bytes()).map_err(SignError::Crypto)?;
    jwt.push('.');
    jwt.push_str(&b64_encode(&signature));
    Ok(SignedMetadata::from(jwt))
}

/// `metadata` with `signed_metadata` set to [`sign`]`(metadata, key, options)`: the plain
/// members and the JWT side by side, as RFC 8414 §2.1 publishes them. A previous
/// `signed_metadata` is replaced (and not signed).
///
/// # Errors
///
/// As [`sign`].
///
/// ```
/// use oidc_discovery_metadata::ProviderMetadata;
/// use oidc_discovery_signed::{Algorithm, SignOptions, SigningKey, embed};
///
/// let metadata = ProviderMetadata {
///     issuer: Some("https://as.example.com".into()),
///     ..Default::default()
/// };
/// let key = SigningKey::generate(Algorithm::ES256)?;
/// let published = embed(&metadata, &key, &SignOptions::new("https://as.example.com"))?;
/// assert_eq!(published.issuer, metadata.issuer);
/// assert!(published.signed_metadata.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn embed<D: Metadata>(
    metadata: &D,
    key: &SigningKey,
    options: &SignOptions,
) -> Result<D, SignError> {
    let jwt = sign(metadata, key, options)?;
    let mut published = metadata.clone();
    // Also removes a mistyped `signed_metadata` kept verbatim, which would be a duplicate.
    published.set_signed_metadata(Some(jwt));
    Ok(published)
}
