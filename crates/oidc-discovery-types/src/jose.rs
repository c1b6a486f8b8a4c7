//! JOSE algorithms: JWS `alg`, JWE `alg` and JWE `enc` values (`*_alg_values_supported`,
//! `*_enc_values_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// A JWS signature or MAC algorithm (`alg`), as listed in every
    /// `*_signing_alg_values_supported` member (`id_token_…`, `userinfo_…`, `request_object_…`,
    /// `token_endpoint_auth_…`, `dpop_…`, …).
    ///
    /// Values: IANA "JSON Web Signature and Encryption Algorithms" registry, usage `alg` for JWS
    /// (RFC 7518 §7.1). Whether `none` or MAC algorithms are allowed depends on the member.
    pub enum JwsAlg {
        /// HMAC using SHA-256.
        Hs256 = "HS256", "RFC 7518 §3.2";
        /// HMAC using SHA-384.
        Hs384 = "HS384", "RFC 7518 §3.2";
        /// HMAC using SHA-512.
        Hs512 = "HS512", "RFC 7518 §3.2";
        /// RSASSA-PKCS1-v1_5 using SHA-256.
        Rs256 = "RS256", "RFC 7518 §3.3";
        /// RSASSA-PKCS1-v1_5 using SHA-384.
        Rs384 = "RS384", "RFC 7518 §3.3";
        /// RSASSA-PKCS1-v1_5 using SHA-512.
        Rs512 = "RS512", "RFC 7518 §3.3";
        /// ECDSA using P-256 and SHA-256.
        Es256 = "ES256", "RFC 7518 §3.4";
        /// ECDSA using P-384 and SHA-384.
        Es384 = "ES384", "RFC 7518 §3.4";
        /// ECDSA using P-521 and SHA-512.
        Es512 = "ES512", "RFC 7518 §3.4";
        /// RSASSA-PSS using SHA-256 and MGF1 with SHA-256.
        Ps256 = "PS256", "RFC 7518 §3.5";
        /// RSASSA-PSS using SHA-384 and MGF1 with SHA-384.
        Ps384 = "PS384", "RFC 7518 §3.5";
        /// RSASSA-PSS using SHA-512 and MGF1 with SHA-512.
        Ps512 = "PS512", "RFC 7518 §3.5";
        /// No digital signature or MAC (Unsecured JWS).
        None = "none", "RFC 7518 §3.6";
        /// EdDSA with the curve taken from the key (polymorphic). Deprecated by RFC 9864 in
        /// favour of `Ed25519` and `Ed448`.
        EdDsa = "EdDSA", "RFC 8037 §3.1";
        /// EdDSA using the Ed25519 parameter set.
        Ed25519 = "Ed25519", "RFC 9864";
        /// EdDSA using the Ed448 parameter set.
        Ed448 = "Ed448", "RFC 9864";
        /// ECDSA using secp256k1 and SHA-256.
        Es256K = "ES256K", "RFC 8812 §3.2";
        /// ML-DSA-44 (FIPS 204).
        MlDsa44 = "ML-DSA-44", "draft-ietf-cose-dilithium";
        /// ML-DSA-65 (FIPS 204).
        MlDsa65 = "ML-DSA-65", "draft-ietf-cose-dilithium";
        /// ML-DSA-87 (FIPS 204).
        MlDsa87 = "ML-DSA-87", "draft-ietf-cose-dilithium";
    }
}

impl JwsAlg {
    /// Whether this is a MAC algorithm keyed with a shared secret (`HS256`, `HS384`, `HS512`).
    ///
    /// Every other known value except `none` is asymmetric. Unknown values return `false`.
    #[must_use]
    pub fn is_symmetric(&self) -> bool {
        matches!(self, Self::Hs256 | Self::Hs384 | Self::Hs512)
    }

    /// Whether this is `none` (no signature or MAC).
    ///
    /// `none` MUST NOT appear in `*_endpoint_auth_signing_alg_values_supported` (RFC 8414 §2).
    #[must_use]
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }

    /// Whether the algorithm identifier is deprecated in the IANA registry: the polymorphic
    /// `EdDSA`, deprecated by RFC 9864.
    #[must_use]
    pub fn is_deprecated(&self) -> bool {
        matches!(self, Self::EdDsa)
    }
}

open_enum! {
    /// A JWE key management algorithm (`alg`), as listed in every
    /// `*_encryption_alg_values_supported` member (`id_token_…`, `userinfo_…`,
    /// `request_object_…`, `authorization_…`, `introspection_…`).
    ///
    /// Values: IANA "JSON Web Signature and Encryption Algorithms" registry, usage `alg` for JWE
    /// (RFC 7518 §7.1).
    pub enum JweAlg {
        /// RSAES-PKCS1-v1_5.
        Rsa1_5 = "RSA1_5", "RFC 7518 §4.2";
        /// RSAES OAEP using default parameters (SHA-1, MGF1 with SHA-1).
        RsaOaep = "RSA-OAEP", "RFC 7518 §4.3";
        /// RSAES OAEP using SHA-256 and MGF1 with SHA-256.
        RsaOaep256 = "RSA-OAEP-256", "RFC 7518 §4.3";
        /// RSA-OAEP using SHA-384 and MGF1 with SHA-384.
        RsaOaep384 = "RSA-OAEP-384", "W3C Web Cryptography API";
        /// RSA-OAEP using SHA-512 and MGF1 with SHA-512.
        RsaOaep512 = "RSA-OAEP-512", "W3C Web Cryptography API";
        /// AES Key Wrap using a 128-bit key.
        A128Kw = "A128KW", "RFC 7518 §4.4";
        /// AES Key Wrap using a 192-bit key.
        A192Kw = "A192KW", "RFC 7518 §4.4";
        /// AES Key Wrap using a 256-bit key.
        A256Kw = "A256KW", "RFC 7518 §4.4";
        /// Direct use of a shared symmetric key as the content encryption key.
        Dir = "dir", "RFC 7518 §4.5";
        /// ECDH-ES using Concat KDF (direct key agreement).
        EcdhEs = "ECDH-ES", "RFC 7518 §4.6";
        /// ECDH-ES using Concat KDF and CEK wrapped with `A128KW`.
        EcdhEsA128Kw = "ECDH-ES+A128KW", "RFC 7518 §4.6";
        /// ECDH-ES using Concat KDF and CEK wrapped with `A192KW`.
        EcdhEsA192Kw = "ECDH-ES+A192KW", "RFC 7518 §4.6";
        /// ECDH-ES using Concat KDF and CEK wrapped with `A256KW`.
        EcdhEsA256Kw = "ECDH-ES+A256KW", "RFC 7518 §4.6";
        /// Key wrapping with AES GCM using a 128-bit key.
        A128GcmKw = "A128GCMKW", "RFC 7518 §4.7";
        /// Key wrapping with AES GCM using a 192-bit key.
        A192GcmKw = "A192GCMKW", "RFC 7518 §4.7";
        /// Key wrapping with AES GCM using a 256-bit key.
        A256GcmKw = "A256GCMKW", "RFC 7518 §4.7";
        /// PBES2 with HMAC SHA-256 and `A128KW` wrapping.
        Pbes2Hs256A128Kw = "PBES2-HS256+A128KW", "RFC 7518 §4.8";
        /// PBES2 with HMAC SHA-384 and `A192KW` wrapping.
        Pbes2Hs384A192Kw = "PBES2-HS384+A192KW", "RFC 7518 §4.8";
        /// PBES2 with HMAC SHA-512 and `A256KW` wrapping.
        Pbes2Hs512A256Kw = "PBES2-HS512+A256KW", "RFC 7518 §4.8";
    }
}

open_enum! {
    /// A JWE content encryption algorithm (`enc`), as listed in every
    /// `*_encryption_enc_values_supported` member.
    ///
    /// Values: IANA "JSON Web Signature and Encryption Algorithms" registry, usage `enc`
    /// (RFC 7518 §7.1). Pre-RFC spellings seen in the wild, such as `A128CBC+HS256`, and
    /// unregistered values such as `XC20P` are kept as unknown.
    pub enum JweEnc {
        /// AES-128-CBC with HMAC SHA-256 (authenticated encryption).
        A128CbcHs256 = "A128CBC-HS256", "RFC 7518 §5.2.3";
        /// AES-192-CBC with HMAC SHA-384 (authenticated encryption).
        A192CbcHs384 = "A192CBC-HS384", "RFC 7518 §5.2.4";
        /// AES-256-CBC with HMAC SHA-512 (authenticated encryption).
        A256CbcHs512 = "A256CBC-HS512", "RFC 7518 §5.2.5";
        /// AES GCM using a 128-bit key.
        A128Gcm = "A128GCM", "RFC 7518 §5.3";
        /// AES GCM using a 192-bit key.
        A192Gcm = "A192GCM", "RFC 7518 §5.3";
        /// AES GCM using a 256-bit key.
        A256Gcm = "A256GCM", "RFC 7518 §5.3";
    }
}
