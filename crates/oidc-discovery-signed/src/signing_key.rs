//! [`SigningKey`]: the provider's private key or shared secret, read from PKCS #8 or a private
//! JWK (RFC 7517), or generated (feature `sign`).

use std::fmt;

use rand_core::OsRng;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, RsaPrivateKey};
use serde_json::{Map, Value, json};
use zeroize::Zeroizing;

use crate::alg::{Algorithm, Family};
use crate::crypto::{MAX_RSA_BITS, MIN_RSA_BITS, PublicKey, b64_encode};
use crate::error::KeyError;
use crate::keys::{member, public_key_from_jwk, string};
use crate::signer::PrivateKey;

/// A key that signs metadata: a private key (RSA, EC P-256, P-384 or P-521, Ed25519) or an HMAC
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

    /// A new random key for `alg`: RSA 2048 bits, P-256, P-384, P-521, Ed25519, or a random secret as
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
            Family::P521 => PrivateKey::P521(Box::new(p521::ecdsa::SigningKey::random(&mut OsRng))),
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
    /// `alg`: RSA for `RS*`/`PS*`, P-256 for `ES256`, P-384 for `ES384`, P-521 for `ES512`, Ed25519 for
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
            Family::P521 => p521::SecretKey::from_pkcs8_pem(pem).and_then(p521_key),
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
            Family::P521 => p521::SecretKey::from_pkcs8_der(der).and_then(p521_key),
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
    /// `n`, `e`, `d`, `p`, `q`; `EC` (`P-256`, `P-384`, `P-521`) with `x`, `y`, `d`; `OKP` (`Ed25519`)
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
            PublicKey::P521(key) => {
                let point = key.to_encoded_point(false);
                json!({
                    "kty": "EC",
                    "crv": "P-521",
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
            PrivateKey::P521(key) => {
                p521::SecretKey::from(key.as_nonzero_scalar()).to_pkcs8_pem(LineEnding::LF)
            }
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

/// A P-521 signing key from its secret scalar (p521 0.13 reads PKCS #8 into a `SecretKey`).
fn p521_key(secret: p521::SecretKey) -> Result<PrivateKey, p521::pkcs8::Error> {
    p521::ecdsa::SigningKey::from_bytes(&secret.to_bytes())
        .map(|key| PrivateKey::P521(Box::new(key)))
        .map_err(|_| p521::pkcs8::Error::KeyMalformed)
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
        Family::P521 => "P-521",
        Family::Ed25519 => "Ed25519",
        Family::Hmac => "HMAC",
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
        PublicKey::P521(public) => {
            let key = p521::ecdsa::SigningKey::from_slice(&d)
                .map_err(|_| "`d` is not a P-521 private scalar".to_owned())?;
            if p521::ecdsa::VerifyingKey::from(&key).to_encoded_point(false)
                != public.to_encoded_point(false)
            {
                return Err(mismatch());
            }
            PrivateKey::P521(Box::new(key))
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
