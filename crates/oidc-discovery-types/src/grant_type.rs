//! Grant types (`grant_types_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// An OAuth 2.0 grant type, as listed in `grant_types_supported`.
    ///
    /// Values: RFC 7591 §2 (`grant_types`), the IANA "OAuth URI" registry for the URN grants, and
    /// the OpenID CIBA namespace. When the member is absent the effective value is
    /// `["authorization_code", "implicit"]` (OpenID Connect Discovery 1.0 §3, RFC 8414 §2).
    pub enum GrantType {
        /// Uses the authorization endpoint.
        AuthorizationCode = "authorization_code", "RFC 6749 §4.1";
        /// Uses the authorization endpoint and no token endpoint. Discouraged by RFC 9700 §2.1.2.
        Implicit = "implicit", "RFC 6749 §4.2";
        /// Resource owner password credentials. RFC 9700 §2.4: MUST NOT be used.
        Password = "password", "RFC 6749 §4.3";
        ClientCredentials = "client_credentials", "RFC 6749 §4.4";
        RefreshToken = "refresh_token", "RFC 6749 §6";
        JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer", "RFC 7523 §2.1";
        Saml2Bearer = "urn:ietf:params:oauth:grant-type:saml2-bearer", "RFC 7522 §2.1";
        DeviceCode = "urn:ietf:params:oauth:grant-type:device_code", "RFC 8628 §3.4";
        TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange", "RFC 8693 §2.1";
        /// Listed only by OPs that support the `poll` or `ping` delivery modes.
        Ciba = "urn:openid:params:grant-type:ciba", "OpenID Connect CIBA Core 1.0 §4";
        PreAuthorizedCode = "urn:ietf:params:oauth:grant-type:pre-authorized_code", "OpenID for Verifiable Credential Issuance 1.0 §3.5";
        UmaTicket = "urn:ietf:params:oauth:grant-type:uma-ticket", "UMA 2.0 Grant for OAuth 2.0 Authorization §3.3.1";
    }
}

impl GrantType {
    /// Whether the grant starts at the authorization endpoint (`authorization_code`, `implicit`).
    ///
    /// RFC 8414 §2 makes `authorization_endpoint` required unless no supported grant type uses it.
    #[must_use]
    pub fn uses_authorization_endpoint(&self) -> bool {
        matches!(self, Self::AuthorizationCode | Self::Implicit)
    }
}
