//! Signing (feature `sign`): JWS algorithms (RFC 7518) mapped onto RustCrypto's signing keys.

use hmac::{Hmac, Mac};
use rand_core::OsRng;
use rsa::RsaPrivateKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use crate::alg::{Algorithm, Family};
use crate::crypto::PublicKey;

fn hmac_tag(secret: &[u8], alg: Algorithm, message: &[u8]) -> Option<Vec<u8>> {
    fn tag<M: Mac + hmac::digest::KeyInit>(secret: &[u8], message: &[u8]) -> Option<Vec<u8>> {
        let mut mac = <M as Mac>::new_from_slice(secret).ok()?;
        mac.update(message);
        Some(mac.finalize().into_bytes().to_vec())
    }
    match alg {
        Algorithm::HS256 => tag::<Hmac<Sha256>>(secret, message),
        Algorithm::HS384 => tag::<Hmac<Sha384>>(secret, message),
        Algorithm::HS512 => tag::<Hmac<Sha512>>(secret, message),
        _ => None,
    }
}

/// A private key (or a shared secret) that signs.
#[derive(Clone)]
pub(crate) enum PrivateKey {
    Rsa(Box<RsaPrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(Box<p521::ecdsa::SigningKey>),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    Secret(Zeroizing<Vec<u8>>),
}

impl PrivateKey {
    pub(crate) fn family(&self) -> Family {
        match self {
            Self::Rsa(_) => Family::Rsa,
            Self::P256(_) => Family::P256,
            Self::P384(_) => Family::P384,
            Self::P521(_) => Family::P521,
            Self::Ed25519(_) => Family::Ed25519,
            Self::Secret(_) => Family::Hmac,
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Rsa(key) => format!("RSA ({} bits)", key.n().bits()),
            Self::P256(_) => "EC P-256".to_owned(),
            Self::P384(_) => "EC P-384".to_owned(),
            Self::P521(_) => "EC P-521".to_owned(),
            Self::Ed25519(_) => "OKP Ed25519".to_owned(),
            Self::Secret(secret) => format!("shared secret ({} bytes)", secret.len()),
        }
    }

    /// The public half; for a shared secret, the secret itself.
    pub(crate) fn public(&self) -> PublicKey {
        match self {
            Self::Rsa(key) => PublicKey::Rsa(key.to_public_key()),
            Self::P256(key) => PublicKey::P256(*key.verifying_key()),
            Self::P384(key) => PublicKey::P384(*key.verifying_key()),
            Self::P521(key) => PublicKey::P521(Box::new(p521::ecdsa::VerifyingKey::from(&**key))),
            Self::Ed25519(key) => PublicKey::Ed25519(key.verifying_key()),
            Self::Secret(secret) => PublicKey::Secret(secret.clone()),
        }
    }

    /// Signs `message` with `alg`, which the caller has checked fits this key.
    pub(crate) fn sign(&self, alg: Algorithm, message: &[u8]) -> Result<Vec<u8>, String> {
        use rsa::{pkcs1v15, pss};
        let failed = |error: rsa::signature::Error| format!("signing failed: {error}");
        match (self, alg) {
            (Self::Rsa(key), Algorithm::RS256) => pkcs1v15::SigningKey::<Sha256>::new(*key.clone())
                .try_sign_with_rng(&mut OsRng, message)
                .map(|signature| signature.to_vec())
                .map_err(failed),
            (Self::Rsa(key), Algorithm::RS384) => pkcs1v15::SigningKey::<Sha384>::new(*key.clone())
                .try_sign_with_rng(&mut OsRng, message)
                .map(|signature| signature.to_vec())
                .map_err(failed),
            (Self::Rsa(key), Algorithm::RS512) => pkcs1v15::SigningKey::<Sha512>::new(*key.clone())
                .try_sign_with_rng(&mut OsRng, message)
                .map(|signature| signature.to_vec())
                .map_err(failed),
            (Self::Rsa(key), Algorithm::PS256) => {
                pss::BlindedSigningKey::<Sha256>::new(*key.clone())
                    .try_sign_with_rng(&mut OsRng, message)
                    .map(|signature| signature.to_vec())
                    .map_err(failed)
            }
            (Self::Rsa(key), Algorithm::PS384) => {
                pss::BlindedSigningKey::<Sha384>::new(*key.clone())
                    .try_sign_with_rng(&mut OsRng, message)
                    .map(|signature| signature.to_vec())
                    .map_err(failed)
            }
            (Self::Rsa(key), Algorithm::PS512) => {
                pss::BlindedSigningKey::<Sha512>::new(*key.clone())
                    .try_sign_with_rng(&mut OsRng, message)
                    .map(|signature| signature.to_vec())
                    .map_err(failed)
            }
            (Self::P256(key), Algorithm::ES256) => {
                let signature: p256::ecdsa::Signature = key.try_sign(message).map_err(failed)?;
                Ok(signature.to_bytes().to_vec())
            }
            (Self::P521(key), Algorithm::ES512) => {
                // p521 0.13 signs with a random nonce (no RFC 6979), from the system's RNG.
                let signature: p521::ecdsa::Signature =
                    key.try_sign_with_rng(&mut OsRng, message).map_err(failed)?;
                Ok(signature.to_bytes().to_vec())
            }
            (Self::P384(key), Algorithm::ES384) => {
                let signature: p384::ecdsa::Signature = key.try_sign(message).map_err(failed)?;
                Ok(signature.to_bytes().to_vec())
            }
            (Self::Ed25519(key), Algorithm::EdDSA | Algorithm::Ed25519) => {
                Ok(key.sign(message).to_bytes().to_vec())
            }
            (Self::Secret(secret), Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512) => {
                hmac_tag(secret, alg, message).ok_or_else(|| "HMAC failed".to_owned())
            }
            (key, alg) => Err(format!("a {} key cannot sign {alg}", key.describe())),
        }
    }
}

#[cfg(test)]
mod tests {
    use rsa::BigUint;

    use super::*;
    use crate::crypto::b64_decode;
    use crate::vectors::*;

    fn d(text: &str) -> Vec<u8> {
        b64_decode(text).expect("the vectors are base64url")
    }

    fn input(header: &str, payload: &str) -> String {
        format!("{header}.{payload}")
    }

    #[test]
    fn rfc_8037_ed25519_example_verifies_and_signs_identically() {
        let message = input(EDDSA_HEADER, EDDSA_PAYLOAD);
        let public = PublicKey::ed25519(&d(ED25519_X)).unwrap();
        for alg in [Algorithm::EdDSA, Algorithm::Ed25519] {
            assert!(public.verify(alg, message.as_bytes(), &d(EDDSA_SIGNATURE)));
        }
        let seed: [u8; 32] = d(ED25519_D).try_into().unwrap();
        let private = PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)));
        assert_eq!(
            private.sign(Algorithm::EdDSA, message.as_bytes()).unwrap(),
            d(EDDSA_SIGNATURE),
            "Ed25519 is deterministic"
        );
    }

    #[test]
    fn rfc_7515_rs256_example_signs_identically() {
        // PKCS #1 v1.5 is deterministic: the RFC's key reproduces the RFC's signature.
        let key = RsaPrivateKey::from_components(
            BigUint::from_bytes_be(&d(RS256_N)),
            BigUint::from_bytes_be(&d(RS256_E)),
            BigUint::from_bytes_be(&d(RS256_D)),
            vec![
                BigUint::from_bytes_be(&d(RS256_P)),
                BigUint::from_bytes_be(&d(RS256_Q)),
            ],
        )
        .unwrap();
        let message = input(RS256_HEADER, RFC7515_CLAIMS);
        let private = PrivateKey::Rsa(Box::new(key));
        assert_eq!(
            private.sign(Algorithm::RS256, message.as_bytes()).unwrap(),
            d(RS256_SIGNATURE)
        );
    }

    #[test]
    fn short_secrets_do_not_verify_longer_hashes() {
        let secret = PublicKey::Secret(Zeroizing::new(vec![7; 32]));
        assert!(secret.supports(Algorithm::HS256));
        assert!(!secret.supports(Algorithm::HS384));
        assert!(!secret.supports(Algorithm::RS256));
        let tag = hmac_tag(&[7; 32], Algorithm::HS384, b"m").unwrap();
        assert!(!secret.verify(Algorithm::HS384, b"m", &tag));
    }
}
