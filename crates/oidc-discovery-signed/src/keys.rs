//! Keys: [`SigningKey`] (the provider's private key or shared secret) and [`TrustedKeys`] (the
//! keys a consumer verifies with), read from PKCS #8 and JWK (RFC 7517).

use std::fmt;

use rand_core::OsRng;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, RsaPrivateKey};
use serde_json::{Map, Value, json};
use zeroize::Zeroizing;

use crate::alg::{Algorithm, Family};
use crate::crypto::{MAX_RSA_BITS, MIN_RSA_BITS, PrivateKey, PublicKey, b64_decode, b64_encode};
use crate::error::{IgnoredKey, KeyError};

/// A key that signs metadata: a private key (RSA, EC P-256 or P-384, Ed25519) or an HMAC
/// shared secret, bound to one [`Algorithm`] and optionally a key id (`kid`).
///
/// Keys are read from PKCS #8 (PEM or DER, as `openssl genpkey` writes them) or from a private
/// JWK; [`generate`](Self::generate) makes a new one. `Debug` never shows key material.
///
/// RSA signing uses the `rsa` crate, whose private-key operations are not constant-time
/// (RUSTSEC-2023-0071). Signing metadata is a rare operation on the provider's own data, not an
/// oracle an attacker can time, but a provider that wants constant-time signing should prefer
/// `ES256` or `EdDSA`. Verification uses public keys only and is not affected.
///
/// ```
/// use oidc_discovery_signed::{Algorithm, SigningKey};
///
/// let key = SigningKey::generate(Algorithm::ES256)?.with_kid("metadata-2025");
/// let jwk = key.public_jwk().expect("a key pair has a public key");
/// assert_eq!((jwk["kty"].as_str(), jwk["crv"].as_str()), (Some("EC"), Some("P-256")));
/// assert_eq!(jwk["kid"], "metadata-2025");
/// assert!(jwk.get("d").is_none(), "never the private part");
/// # Ok::<(), oidc_discovery_signed::KeyError>(())
/// ```
#[derive(Clone)]
pub struct SigningKey {
    alg: Algorithm,
    kid: Option<String>,
    key: PrivateKey,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("alg", &self.alg)
            .field("kid", &self.kid)
            .field("key", &self.key.describe())
            .finish()
    }
}

fn check_fits(key: &PrivateKey, alg: Algorithm) -> Result<(), KeyError> {
    let fits = match key {
        PrivateKey::Secret(secret) => alg.is_hmac() && secret.len() >= alg.min_secret_len(),
        _ => alg.family() == key.family(),
    };
    if fits {
        Ok(())
    } else {
        Err(KeyError::AlgorithmMismatch {
            alg,
            key: key.describe(),
        })
    }
}

fn check_rsa_size(key: &RsaPrivateKey) -> Result<(), KeyError> {
    let bits = key.n().bits();
    if (MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
        Ok(())
    } else {
        Err(KeyError::Unusable {
            kid: None,
            reason: format!(
                "the RSA modulus has {bits} bits; {MIN_RSA_BITS} to {MAX_RSA_BITS} are accepted (RFC 7518 §3.3)"
            ),
        })
    }
}

impl SigningKey {
    fn new(key: PrivateKey, alg: Algorithm) -> Result<Self, KeyError> {
        check_fits(&key, alg)?;
        if let PrivateKey::Rsa(rsa) = &key {
            check_rsa_size(rsa)?;
        }
        Ok(Self {
            alg,
            kid: None,
            key,
        })
    }

    /// A new random key for `alg`: RSA 2048 bits, P-256, P-384, Ed25519, or a random secret as
    /// long as the hash output for `HS*`. Persist it with
    /// [`to_pkcs8_pem`](Self::to_pkcs8_pem) and publish [`public_jwk`](Self::public_jwk).
    ///
    /// # Errors
    ///
    /// When the system's random number generator fails.
    pub fn generate(alg: Algorithm) -> Result<Self, KeyError> {
        let key = match alg.family() {
            Family::Rsa => PrivateKey::Rsa(Box::new(
                RsaPrivateKey::new(&mut OsRng, MIN_RSA_BITS)
                    .map_err(|error| KeyError::Pkcs8(error.to_string()))?,
            )),
            Family::P256 => PrivateKey::P256(p256::ecdsa::SigningKey::random(&mut OsRng)),
            Family::P384 => PrivateKey::P384(p384::ecdsa::SigningKey::random(&mut OsRng)),
            Family::Ed25519 => {
                PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(&mut OsRng)))
            }
            Family::Hmac => {
                let mut secret = Zeroizing::new(vec![0; alg.min_secret_len()]);
                rand_core::RngCore::try_fill_bytes(&mut OsRng, &mut secret)
                    .map_err(|error| KeyError::Pkcs8(error.to_string()))?;
                PrivateKey::Secret(secret)
            }
        };
        Self::new(key, alg)
    }

    /// A private key from a PKCS #8 PEM document (`-----BEGIN PRIVATE KEY-----`), to sign with
    /// `alg`: RSA for `RS*`/`PS*`, P-256 for `ES256`, P-384 for `ES384`, Ed25519 for
    /// `EdDSA`/`Ed25519`.
    ///
    /// # Errors
    ///
    /// When the PEM is not an unencrypted PKCS #8 private key of the kind `alg` needs, or an
    /// RSA key is smaller than 2048 bits.
    pub fn from_pkcs8_pem(pem: &str, alg: Algorithm) -> Result<Self, KeyError> {
        let key = match alg.family() {
            Family::Rsa => {
                RsaPrivateKey::from_pkcs8_pem(pem).map(|key| PrivateKey::Rsa(Box::new(key)))
            }
            Family::P256 => p256::ecdsa::SigningKey::from_pkcs8_pem(pem).map(PrivateKey::P256),
            Family::P384 => p384::ecdsa::SigningKey::from_pkcs8_pem(pem).map(PrivateKey::P384),
            Family::Ed25519 => ed25519_dalek::SigningKey::from_pkcs8_pem(pem)
                .map(|key| PrivateKey::Ed25519(Box::new(key))),
            Family::Hmac => return Err(hmac_not_pkcs8(alg)),
        }
        .map_err(|error| {
            KeyError::Pkcs8(format!("not a {} private key ({error})", family_name(alg)))
        })?;
        Self::new(key, alg)
    }

    /// A private key from PKCS #8 DER bytes; as [`from_pkcs8_pem`](Self::from_pkcs8_pem).
    ///
    /// # Errors
    ///
    /// As [`from_pkcs8_pem`](Self::from_pkcs8_pem).
    pub fn from_pkcs8_der(der: &[u8], alg: Algorithm) -> Result<Self, KeyError> {
        let key = match alg.family() {
            Family::Rsa => {
                RsaPrivateKey::from_pkcs8_der(der).map(|key| PrivateKey::Rsa(Box::new(key)))
            }
            Family::P256 => p256::ecdsa::SigningKey::from_pkcs8_der(der).map(PrivateKey::P256),
            Family::P384 => p384::ecdsa::SigningKey::from_pkcs8_der(der).map(PrivateKey::P384),
            Family::Ed25519 => ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .map(|key| PrivateKey::Ed25519(Box::new(key))),
            Family::Hmac => return Err(hmac_not_pkcs8(alg)),
        }
        .map_err(|error| {
            KeyError::Pkcs8(format!("not a {} private key ({error})", family_name(alg)))
        })?;
        Self::new(key, alg)
    }

    /// An HMAC shared secret for `HS256`, `HS384` or `HS512`. The secret must be at least as
    /// long as the hash output (32, 48, 64 bytes; RFC 7518 §3.2).
    ///
    /// # Errors
    ///
    /// When `alg` is not an HMAC algorithm or the secret is too short.
    pub fn shared_secret(secret: &[u8], alg: Algorithm) -> Result<Self, KeyError> {
        Self::new(PrivateKey::Secret(Zeroizing::new(secret.to_vec())), alg)
    }

    /// A private key from a private JWK (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2): `RSA` with
    /// `n`, `e`, `d`, `p`, `q`; `EC` (`P-256`, `P-384`) with `x`, `y`, `d`; `OKP` (`Ed25519`)
    /// with `x`, `d`; or `oct` with `k`. The algorithm is the JWK's `alg` or, without one,
    /// `default_alg`; the key id is its `kid`.
    ///
    /// # Errors
    ///
    /// When the text is not a JWK, has no private part, its public and private parts disagree,
    /// or it does not fit the algorithm.
    pub fn from_jwk_json(jwk: &str, default_alg: Algorithm) -> Result<Self, KeyError> {
        let value: Value =
            serde_json::from_str(jwk).map_err(|error| KeyError::Json(error.to_string()))?;
        let Value::Object(jwk) = value else {
            return Err(KeyError::NotJwk(
                "a JWK is a JSON object (RFC 7517 §4)".to_owned(),
            ));
        };
        let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
        let unusable = |reason: String| KeyError::Unusable {
            kid: kid.clone(),
            reason,
        };
        let alg = match jwk.get("alg") {
            None => default_alg,
            Some(Value::String(name)) => name.parse()?,
            Some(_) => return Err(unusable("`alg` is not a string".to_owned())),
        };
        let key = private_key_from_jwk(&jwk).map_err(unusable)?;
        let mut key = Self::new(key, alg).map_err(|error| match error {
            KeyError::Unusable { reason, .. } => unusable(reason),
            other => other,
        })?;
        key.kid = kid;
        Ok(key)
    }

    /// The same key with key id `kid`, written into the header of every JWS it signs.
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// The same key, signing with `alg` instead (for example `PS256` with an RSA key that
    /// signed `RS256`, or the fully-specified `Ed25519` instead of `EdDSA`).
    ///
    /// # Errors
    ///
    /// When the key does not fit `alg`.
    pub fn with_algorithm(mut self, alg: Algorithm) -> Result<Self, KeyError> {
        check_fits(&self.key, alg)?;
        self.alg = alg;
        Ok(self)
    }

    /// The algorithm this key signs with.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.alg
    }

    /// The key id, if any.
    #[must_use]
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The public JWK a consumer needs to verify this key's signatures (with `kid`, `alg` and
    /// `"use": "sig"`), or `None` for a shared secret, which has no public half.
    #[must_use]
    pub fn public_jwk(&self) -> Option<Value> {
        let mut jwk = match &self.key.public() {
            PublicKey::Rsa(key) => json!({
                "kty": "RSA",
                "n": b64_encode(&key.n().to_bytes_be()),
                "e": b64_encode(&key.e().to_bytes_be()),
            }),
            PublicKey::P256(key) => {
                let point = key.to_encoded_point(false);
                json!({
                    "kty": "EC",
                    "crv": "P-256",
                    "x": b64_encode(point.x()?),
                    "y": b64_encode(point.y()?),
                })
            }
            PublicKey::P384(key) => {
                let point = key.to_encoded_point(false);
                json!({
                    "kty": "EC",
                    "crv": "P-384",
                    "x": b64_encode(point.x()?),
                    "y": b64_encode(point.y()?),
                })
            }
            PublicKey::Ed25519(key) => json!({
                "kty": "OKP",
                "crv": "Ed25519",
                "x": b64_encode(key.as_bytes()),
            }),
            PublicKey::Secret(_) => return None,
        };
        let object = jwk.as_object_mut()?;
        object.insert("use".to_owned(), json!("sig"));
        object.insert("alg".to_owned(), json!(self.alg.as_str()));
        if let Some(kid) = &self.kid {
            object.insert("kid".to_owned(), json!(kid));
        }
        Some(jwk)
    }

    /// The private key as a PKCS #8 PEM document, to store a [generated](Self::generate) key.
    ///
    /// # Errors
    ///
    /// For a shared secret (PKCS #8 holds key pairs), or when encoding fails.
    pub fn to_pkcs8_pem(&self) -> Result<Zeroizing<String>, KeyError> {
        let pem = match &self.key {
            PrivateKey::Rsa(key) => key.to_pkcs8_pem(LineEnding::LF),
            PrivateKey::P256(key) => key.to_pkcs8_pem(LineEnding::LF),
            PrivateKey::P384(key) => key.to_pkcs8_pem(LineEnding::LF),
            PrivateKey::Ed25519(key) => {
                ed25519_dalek::pkcs8::EncodePrivateKey::to_pkcs8_pem(key.as_ref(), LineEnding::LF)
            }
            PrivateKey::Secret(_) => return Err(hmac_not_pkcs8(self.alg)),
        };
        pem.map_err(|error| KeyError::Pkcs8(error.to_string()))
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        self.key.sign(self.alg, message)
    }
}

fn hmac_not_pkcs8(alg: Algorithm) -> KeyError {
    KeyError::AlgorithmMismatch {
        alg,
        key: "PKCS #8 private".to_owned(),
    }
}

fn family_name(alg: Algorithm) -> &'static str {
    match alg.family() {
        Family::Rsa => "RSA",
        Family::P256 => "P-256",
        Family::P384 => "P-384",
        Family::Ed25519 => "Ed25519",
        Family::Hmac => "HMAC",
    }
}

/// A base64url member of a JWK, decoded.
fn member(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, String> {
    match jwk.get(name) {
        Some(Value::String(text)) => {
            b64_decode(text).ok_or_else(|| format!("`{name}` is not unpadded base64url"))
        }
        Some(_) => Err(format!("`{name}` is not a string")),
        None => Err(format!("`{name}` is missing")),
    }
}

fn string<'a>(jwk: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, String> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(format!("`{name}` is not a string")),
    }
}

/// The public key of a JWK (its private members, if any, are not read).
fn public_key_from_jwk(jwk: &Map<String, Value>) -> Result<PublicKey, String> {
    match string(jwk, "kty")? {
        Some("RSA") => PublicKey::rsa(&member(jwk, "n")?, &member(jwk, "e")?),
        Some("EC") => {
            let curve = string(jwk, "crv")?.ok_or("`crv` is missing")?;
            PublicKey::ec(curve, &member(jwk, "x")?, &member(jwk, "y")?)
        }
        Some("OKP") => match string(jwk, "crv")? {
            Some("Ed25519") => PublicKey::ed25519(&member(jwk, "x")?),
            Some(other) => Err(format!(
                "the OKP curve {other:?} is not supported (Ed25519)"
            )),
            None => Err("`crv` is missing".to_owned()),
        },
        Some("oct") => Err(
            "a symmetric (`oct`) key is trusted only explicitly, with TrustedKeys::shared_secret"
                .to_owned(),
        ),
        Some(other) => Err(format!("the key type {other:?} is not supported")),
        None => Err("`kty` is missing".to_owned()),
    }
}

fn private_key_from_jwk(jwk: &Map<String, Value>) -> Result<PrivateKey, String> {
    let kty = string(jwk, "kty")?;
    if kty == Some("oct") {
        return Ok(PrivateKey::Secret(Zeroizing::new(member(jwk, "k")?)));
    }
    let public = public_key_from_jwk(jwk)?;
    let d = Zeroizing::new(member(jwk, "d").map_err(|error| {
        format!("{error}: a private JWK has `d` (this looks like a public key)")
    })?);
    let mismatch = || "the private key does not belong to the public key in the JWK".to_owned();
    let key = match &public {
        PublicKey::Rsa(public) => {
            let primes = vec![
                BigUint::from_bytes_be(&member(jwk, "p")?),
                BigUint::from_bytes_be(&member(jwk, "q")?),
            ];
            let mut key = RsaPrivateKey::from_components(
                public.n().clone(),
                public.e().clone(),
                BigUint::from_bytes_be(&d),
                primes,
            )
            .map_err(|error| format!("not a usable RSA private key: {error}"))?;
            key.validate()
                .map_err(|error| format!("not a usable RSA private key: {error}"))?;
            key.precompute()
                .map_err(|error| format!("not a usable RSA private key: {error}"))?;
            if key.d().bits() == 0 {
                return Err(mismatch());
            }
            PrivateKey::Rsa(Box::new(key))
        }
        PublicKey::P256(public) => {
            let key = p256::ecdsa::SigningKey::from_slice(&d)
                .map_err(|_| "`d` is not a P-256 private scalar".to_owned())?;
            if key.verifying_key() != public {
                return Err(mismatch());
            }
            PrivateKey::P256(key)
        }
        PublicKey::P384(public) => {
            let key = p384::ecdsa::SigningKey::from_slice(&d)
                .map_err(|_| "`d` is not a P-384 private scalar".to_owned())?;
            if key.verifying_key() != public {
                return Err(mismatch());
            }
            PrivateKey::P384(key)
        }
        PublicKey::Ed25519(public) => {
            let bytes: &[u8; 32] = d
                .as_slice()
                .try_into()
                .map_err(|_| format!("an Ed25519 `d` is 32 bytes, not {}", d.len()))?;
            let key = ed25519_dalek::SigningKey::from_bytes(bytes);
            if key.verifying_key() != *public {
                return Err(mismatch());
            }
            PrivateKey::Ed25519(Box::new(key))
        }
        PublicKey::Secret(_) => return Err("unreachable: `oct` is handled above".to_owned()),
    };
    Ok(key)
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
                    text.push_str(&format!(" kid {kid:?}"));
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
                "its `use` is {other:?}; only signature keys (`sig`) verify"
            ));
        }
    }
    match jwk.get("key_ops") {
        None => {}
        Some(Value::Array(ops)) if ops.iter().any(|op| op == "verify") => {}
        Some(Value::Array(_)) => return Err("its `key_ops` do not include `verify`".to_owned()),
        Some(_) => return Err("`key_ops` is not an array".to_owned()),
    }
    let alg =
        match string(jwk, "alg")? {
            None => None,
            Some(name) => Some(Algorithm::from_name(name).ok_or_else(|| {
                format!("its `alg` {name:?} is not a supported signature algorithm")
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
