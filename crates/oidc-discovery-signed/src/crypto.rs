//! The signature primitives, from RustCrypto: RSA (PKCS #1 v1.5 and PSS), ECDSA on P-256,
//! P-384 and P-521, Ed25519 and HMAC. This module only maps JWS algorithms (RFC 7518) onto them; it does
//! no arithmetic of its own.

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, Mac};
use rsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPublicKey};
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use crate::alg::{Algorithm, Family};

/// The smallest RSA modulus accepted, in bits (RFC 7518 §3.3, §3.5).
pub(crate) const MIN_RSA_BITS: usize = 2048;
/// The largest RSA modulus accepted, in bits (bounds the cost of one verification).
pub(crate) const MAX_RSA_BITS: usize = 8192;

/// Unpadded base64url (RFC 7515 §2), strict: no padding, no whitespace, canonical bits.
pub(crate) fn b64_decode(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}

#[cfg(feature = "sign")]
pub(crate) fn b64_encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// A public key (or a shared secret) that verifies signatures.
#[derive(Clone)]
pub(crate) enum PublicKey {
    Rsa(RsaPublicKey),
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    P521(Box<p521::ecdsa::VerifyingKey>),
    Ed25519(ed25519_dalek::VerifyingKey),
    Secret(Zeroizing<Vec<u8>>),
}

impl PublicKey {
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

    /// Whether this key can verify `alg` (the right kind of key, and a secret long enough).
    pub(crate) fn supports(&self, alg: Algorithm) -> bool {
        match self {
            Self::Secret(secret) => alg.is_hmac() && secret.len() >= alg.min_secret_len(),
            _ => alg.family() == self.family(),
        }
    }

    /// A short description for messages: `RSA (2048 bits)`, `EC P-256`, …
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

    /// An RSA public key from its big-endian modulus and exponent, within the size limits.
    pub(crate) fn rsa(n: &[u8], e: &[u8]) -> Result<Self, String> {
        let n = BigUint::from_bytes_be(n);
        let bits = n.bits();
        if bits < MIN_RSA_BITS {
            return Err(format!(
                "the RSA modulus has {bits} bits; at least {MIN_RSA_BITS} are required (RFC 7518 §3.3)"
            ));
        }
        if bits > MAX_RSA_BITS {
            return Err(format!(
                "the RSA modulus has {bits} bits; at most {MAX_RSA_BITS} are accepted"
            ));
        }
        RsaPublicKey::new_with_max_size(n, BigUint::from_bytes_be(e), MAX_RSA_BITS)
            .map(Self::Rsa)
            .map_err(|error| format!("not a usable RSA public key: {error}"))
    }

    /// An EC public key from its affine coordinates.
    pub(crate) fn ec(curve: &str, x: &[u8], y: &[u8]) -> Result<Self, String> {
        let size = match curve {
            "P-256" => 32,
            "P-384" => 48,
            // RFC 7518 §6.2.1.2: a P-521 coordinate is 66 octets, zero-padded.
            "P-521" => 66,
            other => {
                return Err(format!(
                    "the curve \"{other}\" is not supported (P-256, P-384, P-521)"
                ));
            }
        };
        if x.len() != size || y.len() != size {
            return Err(format!(
                "the coordinates of a {curve} key are {size} bytes each, not {} and {}",
                x.len(),
                y.len()
            ));
        }
        let mut point = Vec::with_capacity(1 + 2 * size);
        point.push(0x04);
        point.extend_from_slice(x);
        point.extend_from_slice(y);
        let not_on_curve = |_| format!("the point is not on the curve {curve}");
        Ok(match size {
            32 => Self::P256(
                p256::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(not_on_curve)?,
            ),
            48 => Self::P384(
                p384::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(not_on_curve)?,
            ),
            _ => Self::P521(Box::new(
                p521::ecdsa::VerifyingKey::from_sec1_bytes(&point).map_err(not_on_curve)?,
            )),
        })
    }

    /// An Ed25519 public key.
    pub(crate) fn ed25519(x: &[u8]) -> Result<Self, String> {
        let bytes: [u8; 32] = x
            .try_into()
            .map_err(|_| format!("an Ed25519 key is 32 bytes, not {}", x.len()))?;
        ed25519_dalek::VerifyingKey::from_bytes(&bytes)
            .map(Self::Ed25519)
            .map_err(|_| "not a valid Ed25519 point".to_owned())
    }

    /// Whether `signature` is a valid signature of `message` under `alg` with this key.
    /// `false` for a key that does not support `alg`.
    pub(crate) fn verify(&self, alg: Algorithm, message: &[u8], signature: &[u8]) -> bool {
        if !self.supports(alg) {
            return false;
        }
        match self {
            Self::Rsa(key) => verify_rsa(key, alg, message, signature),
            Self::P256(key) => p256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|signature| key.verify(message, &signature).is_ok()),
            Self::P384(key) => p384::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|signature| key.verify(message, &signature).is_ok()),
            Self::P521(key) => p521::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|signature| key.verify(message, &signature).is_ok()),
            Self::Ed25519(key) => ed25519_dalek::Signature::from_slice(signature)
                .is_ok_and(|signature| key.verify_strict(message, &signature).is_ok()),
            Self::Secret(secret) => verify_hmac(secret, alg, message, signature),
        }
    }
}

fn verify_rsa(key: &RsaPublicKey, alg: Algorithm, message: &[u8], signature: &[u8]) -> bool {
    use rsa::{pkcs1v15, pss};
    let key = key.clone();
    match alg {
        Algorithm::RS256 | Algorithm::RS384 | Algorithm::RS512 => {
            let Ok(signature) = pkcs1v15::Signature::try_from(signature) else {
                return false;
            };
            match alg {
                Algorithm::RS256 => pkcs1v15::VerifyingKey::<Sha256>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
                Algorithm::RS384 => pkcs1v15::VerifyingKey::<Sha384>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
                _ => pkcs1v15::VerifyingKey::<Sha512>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
            }
        }
        Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512 => {
            let Ok(signature) = pss::Signature::try_from(signature) else {
                return false;
            };
            match alg {
                Algorithm::PS256 => pss::VerifyingKey::<Sha256>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
                Algorithm::PS384 => pss::VerifyingKey::<Sha384>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
                _ => pss::VerifyingKey::<Sha512>::new(key)
                    .verify(message, &signature)
                    .is_ok(),
            }
        }
        _ => false,
    }
}

fn verify_hmac(secret: &[u8], alg: Algorithm, message: &[u8], signature: &[u8]) -> bool {
    fn check<M: Mac + hmac::digest::KeyInit>(
        secret: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> bool {
        let Ok(mut mac) = <M as Mac>::new_from_slice(secret) else {
            return false;
        };
        mac.update(message);
        // Constant-time comparison.
        mac.verify_slice(signature).is_ok()
    }
    match alg {
        Algorithm::HS256 => check::<Hmac<Sha256>>(secret, message, signature),
        Algorithm::HS384 => check::<Hmac<Sha384>>(secret, message, signature),
        Algorithm::HS512 => check::<Hmac<Sha512>>(secret, message, signature),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectors::*;

    fn d(text: &str) -> Vec<u8> {
        b64_decode(text).expect("the vectors are base64url")
    }

    fn input(header: &str, payload: &str) -> String {
        format!("{header}.{payload}")
    }

    #[test]
    fn base64url_is_strict() {
        assert_eq!(b64_decode("YWI").unwrap(), b"ab");
        assert_eq!(b64_encode(&[0xfb, 0xff]), "-_8");
        for bad in ["YWI=", "YW I", "a+b/", "Y", "YR"] {
            assert!(b64_decode(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn rfc_7515_examples_verify_and_tampering_breaks_them() {
        let rsa = PublicKey::rsa(&d(RS256_N), &d(RS256_E)).unwrap();
        let ec = PublicKey::ec("P-256", &d(ES256_X), &d(ES256_Y)).unwrap();
        let secret = PublicKey::Secret(Zeroizing::new(d(HS256_K)));
        for (key, alg, header, signature) in [
            (&secret, Algorithm::HS256, HS256_HEADER, HS256_SIGNATURE),
            (&rsa, Algorithm::RS256, RS256_HEADER, RS256_SIGNATURE),
            (&ec, Algorithm::ES256, ES256_HEADER, ES256_SIGNATURE),
        ] {
            let message = input(header, RFC7515_CLAIMS);
            let signature = d(signature);
            assert!(key.verify(alg, message.as_bytes(), &signature), "{alg}");
            let mut tampered = message.clone().into_bytes();
            tampered[header.len() + 3] ^= 1;
            assert!(!key.verify(alg, &tampered, &signature), "{alg} tampered");
            let mut bad = signature.clone();
            bad[0] ^= 1;
            assert!(
                !key.verify(alg, message.as_bytes(), &bad),
                "{alg} bad signature"
            );
            assert!(
                !key.verify(alg, message.as_bytes(), &[]),
                "{alg} empty signature"
            );
        }
        // The same RSA signature is not a PSS signature, and a key never verifies another
        // family's algorithm.
        let message = input(RS256_HEADER, RFC7515_CLAIMS);
        assert!(!rsa.verify(Algorithm::PS256, message.as_bytes(), &d(RS256_SIGNATURE)));
        assert!(!ec.verify(Algorithm::RS256, message.as_bytes(), &d(RS256_SIGNATURE)));
    }

    #[test]
    fn malformed_public_keys_are_errors_not_panics() {
        for (curve, x, y) in [
            ("P-256", vec![1; 31], vec![1; 32]),
            ("P-256", vec![1; 32], vec![1; 32]), // not on the curve
            ("P-384", vec![1; 32], vec![1; 32]),
            ("P-521", vec![1; 66], vec![1; 66]), // not on the curve
            ("P-521", vec![1; 65], vec![1; 66]),
            ("secp256k1", vec![1; 32], vec![1; 32]),
        ] {
            assert!(PublicKey::ec(curve, &x, &y).is_err(), "{curve}");
        }
        for x in [&[][..], &[1; 31], &[1; 33]] {
            assert!(PublicKey::ed25519(x).is_err(), "{} bytes", x.len());
        }
        let Err(small) = PublicKey::rsa(&[0xff; 128], &[1, 0, 1]) else {
            panic!("a 1024-bit key was accepted");
        };
        assert!(small.contains("1024 bits"), "{small}");
        assert!(
            PublicKey::rsa(&[0xff; 1025], &[1, 0, 1]).is_err(),
            "over 8192 bits"
        );
        assert!(PublicKey::rsa(&[0xff; 256], &[]).is_err(), "no exponent");
    }
}
