//! Client authentication methods (`*_endpoint_auth_methods_supported`), OAuth access token types
//! and the values of `introspection_endpoint_auth_methods_supported`, which may be either.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use crate::open_enum::{StrVisitor, open_enum, open_schema};

open_enum! {
    /// A client authentication method, as listed in `token_endpoint_auth_methods_supported`,
    /// `revocation_endpoint_auth_methods_supported` and
    /// `introspection_endpoint_auth_methods_supported`.
    ///
    /// Values: IANA "OAuth Token Endpoint Authentication Methods" registry (RFC 7591 §4.2). When
    /// the token or revocation member is absent the effective value is `["client_secret_basic"]`
    /// (RFC 8414 §2).
    pub enum ClientAuthMethod {
        /// No client authentication (public client).
        None = "none", "RFC 7591 §2";
        /// Client secret in the request body.
        ClientSecretPost = "client_secret_post", "RFC 7591 §2";
        /// Client secret in HTTP Basic authentication (the default).
        ClientSecretBasic = "client_secret_basic", "RFC 7591 §2";
        /// A JWT signed with HMAC over the client secret.
        ClientSecretJwt = "client_secret_jwt", "OpenID Connect Core 1.0 §9";
        /// A JWT signed with the client's private key.
        PrivateKeyJwt = "private_key_jwt", "OpenID Connect Core 1.0 §9";
        /// Mutual TLS with a PKI-issued client certificate.
        TlsClientAuth = "tls_client_auth", "RFC 8705 §2.1.1";
        /// Mutual TLS with a self-signed client certificate.
        SelfSignedTlsClientAuth = "self_signed_tls_client_auth", "RFC 8705 §2.2.1";
        /// A client attestation and its proof of possession.
        AttestJwtClientAuth = "attest_jwt_client_auth", "OAuth 2.0 Attestation-Based Client Authentication";
        /// A client attestation with its proof of possession carried by DPoP.
        AttestJwtClientAuthDpop = "attest_jwt_client_auth_dpop", "OAuth 2.0 Attestation-Based Client Authentication";
    }
}

impl ClientAuthMethod {
    /// Whether the method signs a JWT (`client_secret_jwt`, `private_key_jwt`), so that the
    /// matching `*_auth_signing_alg_values_supported` member MUST be present (RFC 8414 §2).
    #[must_use]
    pub fn requires_signing_alg_values(&self) -> bool {
        matches!(self, Self::ClientSecretJwt | Self::PrivateKeyJwt)
    }

    /// Whether the method is mutual-TLS client authentication (`tls_client_auth`,
    /// `self_signed_tls_client_auth`; RFC 8705 §2).
    #[must_use]
    pub fn is_mtls(&self) -> bool {
        matches!(self, Self::TlsClientAuth | Self::SelfSignedTlsClientAuth)
    }
}

open_enum! {
    /// An OAuth access token type, as a value of `introspection_endpoint_auth_methods_supported`
    /// (meaning "authenticate to the introspection endpoint with an access token of this type").
    ///
    /// Values: IANA "OAuth Access Token Types" registry (RFC 6749 §11.1), which RFC 8414 §7.2 keeps
    /// disjoint from the client authentication methods.
    pub enum AccessTokenType {
        /// Bearer token.
        Bearer = "Bearer", "RFC 6750 §6.1.1";
        /// Not applicable: the issued token is not an access token (token exchange).
        NA = "N_A", "RFC 8693 §2.2.1";
        /// Proof-of-possession token (ACE framework).
        PoP = "PoP", "RFC 9200";
        /// DPoP-bound token.
        DPoP = "DPoP", "RFC 9449 §5";
    }
}

/// A value of `introspection_endpoint_auth_methods_supported`: a client authentication method
/// **or** an access token type (RFC 8414 §2).
///
/// RFC 8414 §7.2 keeps the IANA "OAuth Token Endpoint Authentication Methods" and "OAuth Access
/// Token Types" registries disjoint, so a known value is unambiguous. A value known to neither
/// set becomes `ClientAuth(ClientAuthMethod::Unknown(..))` and is kept verbatim.
///
/// Equality, hashing and ordering compare [`as_str`](Self::as_str).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum IntrospectionAuthMethod {
    /// A client authentication method (known or unknown).
    ClientAuth(ClientAuthMethod),
    /// A known access token type, e.g. `Bearer`.
    AccessToken(AccessTokenType),
}

impl IntrospectionAuthMethod {
    /// Parses a value. Never fails: a value known to neither set is kept verbatim as
    /// `ClientAuth(ClientAuthMethod::Unknown(..))`.
    #[must_use]
    pub fn parse(value: &str) -> Self {
        Self::known(value).unwrap_or_else(|| Self::ClientAuth(ClientAuthMethod::parse(value)))
    }

    /// The known client authentication method or access token type spelled exactly `value`.
    fn known(value: &str) -> Option<Self> {
        ClientAuthMethod::known(value)
            .map(Self::ClientAuth)
            .or_else(|| AccessTokenType::known(value).map(Self::AccessToken))
    }

    /// The value as it appears in JSON.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::ClientAuth(method) => method.as_str(),
            Self::AccessToken(token_type) => token_type.as_str(),
        }
    }

    /// Whether this is a known value of either set.
    #[must_use]
    pub fn is_known(&self) -> bool {
        match self {
            Self::ClientAuth(method) => method.is_known(),
            Self::AccessToken(token_type) => token_type.is_known(),
        }
    }
}

impl From<&str> for IntrospectionAuthMethod {
    fn from(value: &str) -> Self {
        Self::parse(value)
    }
}

impl From<String> for IntrospectionAuthMethod {
    fn from(value: String) -> Self {
        Self::known(&value).unwrap_or_else(|| Self::ClientAuth(ClientAuthMethod::from(value)))
    }
}

impl From<ClientAuthMethod> for IntrospectionAuthMethod {
    fn from(method: ClientAuthMethod) -> Self {
        Self::ClientAuth(method)
    }
}

impl From<AccessTokenType> for IntrospectionAuthMethod {
    fn from(token_type: AccessTokenType) -> Self {
        Self::AccessToken(token_type)
    }
}

impl std::str::FromStr for IntrospectionAuthMethod {
    type Err = std::convert::Infallible;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(value))
    }
}

impl fmt::Display for IntrospectionAuthMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for IntrospectionAuthMethod {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for IntrospectionAuthMethod {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IntrospectionAuthMethod {}

impl Hash for IntrospectionAuthMethod {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for IntrospectionAuthMethod {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IntrospectionAuthMethod {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for IntrospectionAuthMethod {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for IntrospectionAuthMethod {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for IntrospectionAuthMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for IntrospectionAuthMethod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StrVisitor(
            "a string (IntrospectionAuthMethod)",
            PhantomData,
        ))
    }
}

impl schemars::JsonSchema for IntrospectionAuthMethod {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IntrospectionAuthMethod".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::IntrospectionAuthMethod").into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = ClientAuthMethod::KNOWN
            .iter()
            .map(ClientAuthMethod::as_str)
            .chain(AccessTokenType::KNOWN.iter().map(AccessTokenType::as_str))
            .collect();
        open_schema(
            "A value of `introspection_endpoint_auth_methods_supported`: a client authentication \
             method or an access token type (RFC 8414 §2).",
            &known,
        )
    }
}
