//! Spec defaults, exposed through accessors and never written out.

use oidc_discovery_types::{ClaimType, ClientAuthMethod, GrantType, ResponseMode};

use crate::{ProviderMetadata, UrlString};

/// `response_modes_supported` when absent (OpenID Connect Discovery 1.0 §3; RFC 8414 §2).
pub static DEFAULT_RESPONSE_MODES: [ResponseMode; 2] =
    [ResponseMode::Query, ResponseMode::Fragment];
/// `grant_types_supported` when absent (OpenID Connect Discovery 1.0 §3; RFC 8414 §2).
pub static DEFAULT_GRANT_TYPES: [GrantType; 2] =
    [GrantType::AuthorizationCode, GrantType::Implicit];
/// `token_endpoint_auth_methods_supported` and `revocation_endpoint_auth_methods_supported`
/// when absent (OpenID Connect Discovery 1.0 §3; RFC 8414 §2).
pub static DEFAULT_AUTH_METHODS: [ClientAuthMethod; 1] = [ClientAuthMethod::ClientSecretBasic];
/// `claim_types_supported` when absent (OpenID Connect Discovery 1.0 §3).
pub static DEFAULT_CLAIM_TYPES: [ClaimType; 1] = [ClaimType::Normal];
/// `client_id_prefixes_supported` when absent (OpenID for Verifiable Presentations 1.0 §10.1).
pub static DEFAULT_CLIENT_ID_PREFIXES: [&str; 1] = ["pre-registered"];

macro_rules! effective_bool {
    ($($(#[doc = $doc:literal])* $method:ident => $field:ident = $default:literal;)+) => {
        $(
            $(#[doc = $doc])*
            #[doc = ""]
            #[doc = concat!("The value of `", stringify!($field), "`, or `", stringify!($default), "` (its spec default) when absent.")]
            #[must_use]
            pub fn $method(&self) -> bool {
                self.$field.unwrap_or($default)
            }
        )+
    };
}

/// # Spec defaults
///
/// The `effective_*` accessors give a member's value or, when it is absent, the default its
/// specification defines. The default is never stored or serialized. A member whose value has
/// the wrong JSON type counts as absent here (validation reports it).
impl ProviderMetadata {
    /// Response modes: `response_modes_supported`, or `["query", "fragment"]`.
    #[must_use]
    pub fn effective_response_modes(&self) -> &[ResponseMode] {
        self.response_modes_supported
            .as_deref()
            .unwrap_or(&DEFAULT_RESPONSE_MODES)
    }

    /// Grant types: `grant_types_supported`, or `["authorization_code", "implicit"]`.
    #[must_use]
    pub fn effective_grant_types(&self) -> &[GrantType] {
        self.grant_types_supported
            .as_deref()
            .unwrap_or(&DEFAULT_GRANT_TYPES)
    }

    /// Token endpoint authentication: `token_endpoint_auth_methods_supported`, or
    /// `["client_secret_basic"]`.
    #[must_use]
    pub fn effective_token_endpoint_auth_methods(&self) -> &[ClientAuthMethod] {
        self.token_endpoint_auth_methods_supported
            .as_deref()
            .unwrap_or(&DEFAULT_AUTH_METHODS)
    }

    /// Revocation endpoint authentication: `revocation_endpoint_auth_methods_supported`, or
    /// `["client_secret_basic"]`.
    #[must_use]
    pub fn effective_revocation_endpoint_auth_methods(&self) -> &[ClientAuthMethod] {
        self.revocation_endpoint_auth_methods_supported
            .as_deref()
            .unwrap_or(&DEFAULT_AUTH_METHODS)
    }

    /// Claim types: `claim_types_supported`, or `["normal"]`.
    #[must_use]
    pub fn effective_claim_types(&self) -> &[ClaimType] {
        self.claim_types_supported
            .as_deref()
            .unwrap_or(&DEFAULT_CLAIM_TYPES)
    }

    /// Client identifier prefixes: `client_id_prefixes_supported`, or `["pre-registered"]`.
    pub fn effective_client_id_prefixes(&self) -> impl Iterator<Item = &str> + '_ {
        let listed = self.client_id_prefixes_supported.as_deref();
        let default = listed.is_none().then_some(DEFAULT_CLIENT_ID_PREFIXES[0]);
        listed
            .unwrap_or_default()
            .iter()
            .map(String::as_str)
            .chain(default)
    }

    /// Whether PKCE is supported: RFC 8414 §2 says an absent
    /// `code_challenge_methods_supported` means the server does not support PKCE.
    #[must_use]
    pub fn supports_pkce(&self) -> bool {
        self.code_challenge_methods_supported.is_some()
    }

    /// The URL a client doing mutual TLS uses for the endpoint member `name`: its alias in
    /// `mtls_endpoint_aliases` when there is one, else the top-level member (RFC 8705 §5).
    ///
    /// ```
    /// use oidc_discovery_metadata::ProviderMetadata;
    ///
    /// let metadata = ProviderMetadata::from_json_str(r#"{
    ///     "token_endpoint": "https://as.example/token",
    ///     "revocation_endpoint": "https://as.example/revoke",
    ///     "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.as.example/token" }
    /// }"#)?;
    /// assert_eq!(metadata.mtls_endpoint("token_endpoint").unwrap(), "https://mtls.as.example/token");
    /// assert_eq!(metadata.mtls_endpoint("revocation_endpoint").unwrap(), "https://as.example/revoke");
    /// # Ok::<(), oidc_discovery_metadata::ParseError>(())
    /// ```
    #[must_use]
    pub fn mtls_endpoint(&self, name: &str) -> Option<&UrlString> {
        if let Some(alias) = self
            .mtls_endpoint_aliases
            .as_ref()
            .and_then(|aliases| aliases.get(name))
        {
            return Some(alias);
        }
        Some(match name {
            "token_endpoint" => self.token_endpoint.as_ref()?,
            "revocation_endpoint" => self.revocation_endpoint.as_ref()?,
            "introspection_endpoint" => self.introspection_endpoint.as_ref()?,
            "device_authorization_endpoint" => self.device_authorization_endpoint.as_ref()?,
            "registration_endpoint" => self.registration_endpoint.as_ref()?,
            "userinfo_endpoint" => self.userinfo_endpoint.as_ref()?,
            "pushed_authorization_request_endpoint" => {
                self.pushed_authorization_request_endpoint.as_ref()?
            }
            "backchannel_authentication_endpoint" => {
                self.backchannel_authentication_endpoint.as_ref()?
            }
            _ => return None,
        })
    }

    effective_bool! {
        /// Whether the `claims` parameter is supported (OpenID Connect Discovery 1.0 §3).
        effective_claims_parameter_supported => claims_parameter_supported = false;
        /// Whether the `request` parameter is supported (OpenID Connect Discovery 1.0 §3).
        effective_request_parameter_supported => request_parameter_supported = false;
        /// Whether the `request_uri` parameter is supported (OpenID Connect Discovery 1.0 §3).
        /// Note the default: `true`.
        effective_request_uri_parameter_supported => request_uri_parameter_supported = true;
        /// Whether `request_uri` values must be pre-registered (OpenID Connect Discovery 1.0 §3).
        effective_require_request_uri_registration => require_request_uri_registration = false;
        /// Whether certificate-bound access tokens are supported (RFC 8705 §3.3).
        effective_tls_client_certificate_bound_access_tokens => tls_client_certificate_bound_access_tokens = false;
        /// Whether signed request objects are required (RFC 9101 §10.5).
        effective_require_signed_request_object => require_signed_request_object = false;
        /// Whether pushed authorization requests are required (RFC 9126 §5).
        effective_require_pushed_authorization_requests => require_pushed_authorization_requests = false;
        /// Whether authorization responses carry `iss` (RFC 9207 §3).
        effective_authorization_response_iss_parameter_supported => authorization_response_iss_parameter_supported = false;
        /// Whether front-channel logout is supported (OpenID Connect Front-Channel Logout 1.0 §3).
        effective_frontchannel_logout_supported => frontchannel_logout_supported = false;
        /// Whether front-channel logout sends `iss` and `sid` (OpenID Connect Front-Channel Logout 1.0 §3).
        effective_frontchannel_logout_session_supported => frontchannel_logout_session_supported = false;
        /// Whether back-channel logout is supported (OpenID Connect Back-Channel Logout 1.0 §2.1).
        effective_backchannel_logout_supported => backchannel_logout_supported = false;
        /// Whether back-channel logout tokens carry `sid` (OpenID Connect Back-Channel Logout 1.0 §2.1).
        effective_backchannel_logout_session_supported => backchannel_logout_session_supported = false;
        /// Whether the CIBA `user_code` parameter is supported (CIBA Core 1.0 §4).
        effective_backchannel_user_code_parameter_supported => backchannel_user_code_parameter_supported = false;
        /// Whether anonymous pre-authorized code grants are allowed (OpenID4VCI 1.0 §12.3).
        effective_pre_authorized_grant_anonymous_access_supported => pre_authorized_grant_anonymous_access_supported = false;
        /// Whether `client_id` may be the URL of a Client ID Metadata Document
        /// (draft-ietf-oauth-client-id-metadata-document-00 §5; absent means not supported).
        effective_client_id_metadata_document_supported => client_id_metadata_document_supported = false;
    }
}

/// # Spec defaults
///
/// As for [`ProviderMetadata`]: the default of an absent member, never stored or serialized.
/// `bearer_methods_supported` has none (RFC 9728 §2: absence says nothing either way).
impl crate::ProtectedResourceMetadata {
    effective_bool! {
        /// Whether certificate-bound access tokens are supported (RFC 9728 §2, RFC 8705).
        effective_tls_client_certificate_bound_access_tokens => tls_client_certificate_bound_access_tokens = false;
        /// Whether DPoP-bound access tokens are always required (RFC 9728 §2, RFC 9449).
        effective_dpop_bound_access_tokens_required => dpop_bound_access_tokens_required = false;
    }
}
