//! [`TrustedKeys`]: the keys a consumer verifies with, read from JWK (RFC 7517).

use std::fmt;

use serde_json::{Map, Value};
use zeroize::Zeroizing;

use crate::alg::Algorithm;
use crate::crypto::{PublicKey, b64_decode};
use crate::error::{IgnoredKey, KeyError};

/// A base64url member of a JWK, decoded.
pub(crate) fn member(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, String> {
    match jwk.get(name) {
        Some(Value::String(text)) => {
            b64_decode(text).ok_or_else(|| format!("`{name}` is not unpadded base64url"))
        }
        Some(_) => Err(format!("`{name}` is not a string")),
        None => Err(format!("`{name}` is missing")),
    }
}

pub(crate) fn string<'a>(
    jwk: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, String> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(format!("`{name}` is not a string")),
    }
}

/// The public key of a JWK (its private members, if any, are not read).
pub(crate) fn public_key_from_jwk(jwk: &Map<String, Value>) -> Result<PublicKey, String> {
    match string(jwk, "kty")? {
        Some("RSA") => PublicKey::rsa(&member(jwk, "n")?, &member(jwk, "e")?),
        Some("EC") => {
            let curve = string(jwk, "crv")?.ok_or("`crv` is missing")?;
            PublicKey::ec(curve, &member(jwk, "x")?, &member(jwk, "y")?)
        }
        Some("OKP") => match string(jwk, "crv")? {
            Some("Ed25519") => PublicKey::ed25519(&member(jwk, "x")?),
            Some(other) => Err(format!(
                "the OKP curve \"{other}\" is not supported (Ed25519)"
            )),
            None => Err("`crv` is missing".to_owned()),
        },
        Some("oct") => Err(
            "a symmetric (`oct`) key is trusted only explicitly, with TrustedKeys::shared_secret"
                .to_owned(),
        ),
        Some(other) => Err(format!("the key type \"{other}\" is not supported")),
        None => Err("`kty` is missing".to_owned()),
    }
}

/// One key a consumer trusts.
#[derive(Clone)]
pub(crate) struct TrustedKey {
    pub(crate) kid: Option<String>,
    /// The JWK's `alg`: when set, the only algorithm the key verifies.
    pub(crate) alg: Option<Algorithm>,
    pub(crate) key: PublicKey,
}

impl TrustedKey {
    /// Whether the key may verify a JWS with this header `alg` and `kid`.
    pub(crate) fn fits(&self, alg: Algorithm, kid: Option<&str>) -> bool {
        self.key.supports(alg)
            && self.alg.is_none_or(|own| own == alg)
            && match (kid, &self.kid) {
                (Some(wanted), Some(own)) => wanted == own,
                _ => true,
            }
    }
}

/// The keys a consumer trusts to have signed metadata: public keys from a JWK Set or a single
/// JWK, and — only when added explicitly — HMAC shared secrets.
///
/// Only signature keys are taken from a JWK Set: a key whose `use` is not `sig`, whose
/// `key_ops` lack `verify`, whose `alg` is unsupported or does not fit the key, whose type is
/// unsupported, or that is symmetric (`oct`) is left out and listed in
/// [`ignored`](Self::ignored). RSA keys need at least 2048 bits (RFC 7518 §3.3).
///
/// Keys are matched to a JWS by its `alg` (the key type must fit, and the key's own `alg`,
/// when it names one, must be the same) and its `kid` (a key with another `kid` is not
/// tried). Keys are never taken from the JWS itself (`jwk`, `jku`, `x5u`, `x5c`).
///
/// ```
/// use oidc_discovery_signed::TrustedKeys;
///
/// let keys = TrustedKeys::from_jwks_json(r#"{"keys": [
///   {"kty": "OKP", "crv": "Ed25519", "kid": "meta-1", "use": "sig",
///    "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
///   {"kty": "RSA", "use": "enc", "n": "sXch", "e": "AQAB"},
///   {"kty": "oct", "k": "c2VjcmV0"}
/// ]}"#)?;
/// assert_eq!(keys.len(), 1);
/// assert_eq!(keys.ignored().len(), 2); // an encryption key, and a symmetric key
/// # Ok::<(), oidc_discovery_signed::KeyError>(())
/// ```
#[derive(Clone, Default)]
pub struct TrustedKeys {
    pub(crate) keys: Vec<TrustedKey>,
    ignored: Vec<IgnoredKey>,
}

impl fmt::Debug for TrustedKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keys: Vec<String> = self
            .keys
            .iter()
            .map(|key| {
                let mut text = key.key.describe();
                if let Some(kid) = &key.kid {
                    text.push_str(&format!(" kid \"{kid}\""));
                }
                if let Some(alg) = key.alg {
                    text.push_str(&format!(" alg {alg}"));
                }
                text
            })
            .collect();
        f.debug_struct("TrustedKeys")
            .field("keys", &keys)
            .field("ignored", &self.ignored)
            .finish()
    }
}

/// Reads one public JWK for verification: `use`, `key_ops`, `alg`, then the key.
fn trusted_key_from_jwk(jwk: &Map<String, Value>) -> Result<TrustedKey, String> {
    match string(jwk, "use")? {
        None | Some("sig") => {}
        Some(other) => {
            return Err(format!(
                "its `use` is \"{other}\"; only signature keys (`sig`) verify"
            ));
        }
    }
    match jwk.get("key_ops") {
        None => {}
        Some(Value::Array(ops)) if ops.iter().any(|op| op == "verify") => {}
        Some(Value::Array(_)) => return Err("its `key_ops` do not include `verify`".to_owned()),
        Some(_) => return Err("`key_ops` is not an array".to_owned()),
    }
    let alg = match string(jwk, "alg")? {
        None => None,
        Some(name) => Some(Algorithm::from_name(name).ok_or_else(|| {
            format!("its `alg` \"{name}\" is not a supported signature algorithm")
        })?),
    };
    let key = public_key_from_jwk(jwk)?;
    if let Some(alg) = alg {
        if !key.supports(alg) {
            return Err(format!(
                "its `alg` {alg} does not fit a {} key",
                key.describe()
            ));
        }
    }
    Ok(TrustedKey {
        kid: string(jwk, "kid")?.map(str::to_owned),
        alg,
        key,
    })
}

impl TrustedKeys {
    /// The signature keys of a JWK Set (RFC 7517 §5: `{"keys": [...]}`).
    ///
    /// # Errors
    ///
    /// When the text is not a JSON object with a `keys` array, or no key in it can be used
    /// (the error lists why each was left out).
    pub fn from_jwks_json(json: &str) -> Result<Self, KeyError> {
        let value: Value =
            serde_json::from_str(json).map_err(|error| KeyError::Json(error.to_string()))?;
        Self::from_jwks(&value)
    }

    /// The signature keys of a parsed JWK Set; as [`from_jwks_json`](Self::from_jwks_json).
    ///
    /// # Errors
    ///
    /// As [`from_jwks_json`](Self::from_jwks_json).
    pub fn from_jwks(jwks: &Value) -> Result<Self, KeyError> {
        let Some(keys) = jwks.get("keys").and_then(Value::as_array) else {
            return Err(KeyError::NotJwk(
                "a JWK Set is a JSON object with a `keys` array (RFC 7517 §5)".to_owned(),
            ));
        };
        let mut trusted = Self::default();
        for (index, jwk) in keys.iter().enumerate() {
            let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
            let result = match jwk {
                Value::Object(jwk) => trusted_key_from_jwk(jwk),
                _ => Err("not a JSON object".to_owned()),
            };
            match result {
                Ok(key) => trusted.keys.push(key),
                Err(reason) => trusted.ignored.push(IgnoredKey { index, kid, reason }),
            }
        }
        if trusted.keys.is_empty() {
            return Err(KeyError::NoUsableKey(trusted.ignored));
        }
        Ok(trusted)
    }

    /// One public JWK (RFC 7517 §4).
    ///
    /// # Errors
    ///
    /// When the text is not a JWK this crate can verify with (see the type's documentation).
    pub fn from_jwk_json(json: &str) -> Result<Self, KeyError> {
        let value: Value =
            serde_json::from_str(json).map_err(|error| KeyError::Json(error.to_string()))?;
        Self::from_jwk(&value)
    }

    /// One parsed public JWK; as [`from_jwk_json`](Self::from_jwk_json).
    ///
    /// # Errors
    ///
    /// As [`from_jwk_json`](Self::from_jwk_json).
    pub fn from_jwk(jwk: &Value) -> Result<Self, KeyError> {
        let Value::Object(object) = jwk else {
            return Err(KeyError::NotJwk(
                "a JWK is a JSON object (RFC 7517 §4)".to_owned(),
            ));
        };
        let key = trusted_key_from_jwk(object).map_err(|reason| KeyError::Unusable {
            kid: object.get("kid").and_then(Value::as_str).map(str::to_owned),
            reason,
        })?;
        Ok(Self {
            keys: vec![key],
            ignored: Vec::new(),
        })
    }

    /// An HMAC shared secret, trusted explicitly: the only way `HS256`, `HS384` and `HS512`
    /// signatures are ever accepted. It must be at least 32 bytes (RFC 7518 §3.2), and is used
    /// for `HS384`/`HS512` only when at least 48/64 bytes long.
    ///
    /// # Errors
    ///
    /// When the secret is shorter than 32 bytes.
    pub fn shared_secret(secret: &[u8]) -> Result<Self, KeyError> {
        if secret.len() < Algorithm::HS256.min_secret_len() {
            return Err(KeyError::Unusable {
                kid: None,
                reason: format!(
                    "a shared secret has at least 32 bytes (RFC 7518 §3.2), not {}",
                    secret.len()
                ),
            });
        }
        Ok(Self {
            keys: vec![TrustedKey {
                kid: None,
                alg: None,
                key: PublicKey::Secret(Zeroizing::new(secret.to_vec())),
            }],
            ignored: Vec::new(),
        })
    }

    /// These keys and those of `other`.
    #[must_use]
    pub fn and(mut self, other: TrustedKeys) -> Self {
        self.keys.extend(other.keys);
        self.ignored.extend(other.ignored);
        self
    }

    /// How many keys are trusted.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key is trusted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys of a JWK Set that were left out, and why.
    #[must_use]
    pub fn ignored(&self) -> &[IgnoredKey] {
        &self.ignored
    }

    /// Whether any trusted key is a shared secret.
    pub(crate) fn has_shared_secret(&self) -> bool {
        self.keys
            .iter()
            .any(|key| matches!(key.key, PublicKey::Secret(_)))
    }
}
