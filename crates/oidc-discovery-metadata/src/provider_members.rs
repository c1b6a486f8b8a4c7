//! The member table of authorization server metadata: every member this library types, with
//! its JSON name, IANA registration status, defining specification and requirement level.
//!
//! This one table generates the fields of [`ProviderMetadata`](crate::ProviderMetadata), its
//! serde and JSON Schema implementations and the [`MEMBERS`](crate::MEMBERS) registry
//! (through [`metadata_document!`](crate::document)). To add a member, add an entry here.

use oidc_discovery_types::{
    ClaimType, ClientAuthMethod, ClientRegistrationType, Display, GrantType,
    IntrospectionAuthMethod, JweAlg, JweEnc, JwsAlg, LanguageTag, PkceMethod, Prompt, ResponseMode,
    ResponseType, SubjectType, TokenDeliveryMode,
};

use crate::document::metadata_document;
use crate::{Issuer, JsonObject, Localized, MtlsEndpointAliases, SignedMetadata, UrlString};

metadata_document! {
    /// An OpenID Provider / OAuth 2.0 authorization server metadata document: the JSON at
    /// `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3) or
    /// `/.well-known/oauth-authorization-server` (RFC 8414 §2).
    ///
    /// Every member of OpenID Connect Discovery 1.0 §3, RFC 8414 §2 and the IANA "OAuth
    /// Authorization Server Metadata" registry has a typed field; see [`MEMBERS`] for the
    /// list with citations. Each field's documentation gives its spec section and
    /// requirement level.
    ///
    /// # Lossless
    ///
    /// Parsing accepts every JSON object and loses nothing: parse → serialize gives back
    /// the same JSON value (member order aside).
    ///
    /// * Absent members are `None` (or an empty [`Localized`](crate::Localized)); `[]` is `Some(vec![])`.
    /// * A known member whose value has the wrong JSON type — `null`, a string where an
    ///   array belongs, an array holding a number — is kept verbatim in [`other`](Self::other)
    ///   and its typed field stays empty. So `null` and absent stay distinguishable, and
    ///   validation can report the member by name.
    /// * Unknown members, including case variants of known ones
    ///   (`Response_modes_supported`), are kept in [`other`](Self::other).
    /// * Members kept in [`other`](Self::other) keep their exact JSON text, numbers
    ///   included (see [`RawJson`](crate::RawJson)).
    /// * Unknown values inside known members are kept by the open enums.
    /// * Spec defaults are **not** filled in: they are what the `effective_*` accessors
    ///   return, and nothing absent is ever written out.
    ///
    /// When a name occurs twice in the input, the last occurrence wins (as with
    /// `serde_json::Value`); validation reports duplicate names from the source text.
    ///
    /// # Building
    ///
    /// All fields are public and the type implements [`Default`], so a document is built
    /// with struct-update syntax. Always end with `..Default::default()`: new members may be
    /// added in minor releases.
    ///
    /// ```
    /// use oidc_discovery_metadata::{ProviderMetadata, ResponseType, GrantType, JwsAlg, SubjectType};
    ///
    /// let metadata = ProviderMetadata {
    ///     issuer: Some("https://id.example.com".into()),
    ///     authorization_endpoint: Some("https://id.example.com/authorize".into()),
    ///     token_endpoint: Some("https://id.example.com/token".into()),
    ///     jwks_uri: Some("https://id.example.com/jwks.json".into()),
    ///     response_types_supported: Some(vec![ResponseType::CODE]),
    ///     grant_types_supported: Some(vec![GrantType::AuthorizationCode, GrantType::RefreshToken]),
    ///     subject_types_supported: Some(vec![SubjectType::Public]),
    ///     id_token_signing_alg_values_supported: Some(vec![JwsAlg::Rs256, JwsAlg::Es256]),
    ///     ..Default::default()
    /// };
    /// let json = metadata.to_json_string()?;
    /// assert!(json.starts_with(r#"{"issuer":"https://id.example.com","#));
    /// # Ok::<(), oidc_discovery_metadata::SerializeError>(())
    /// ```
    pub struct ProviderMetadata;
    /// Every authorization server metadata member this library types, in specification order:
    /// inventory §1.1 (OpenID Connect Discovery 1.0 §3 and RFC 8414 §2), §1.2 (other
    /// IANA-registered members), §1.3 (published but unregistered members).
    pub const MEMBERS;
    kind = Provider,
    identifier = issuer,
    expecting = "a JSON object (authorization server metadata)",
    schema_title = "Authorization server / OpenID provider metadata",
    schema_description = "The JSON document at /.well-known/openid-configuration (OpenID Connect Discovery 1.0 §3) or /.well-known/oauth-authorization-server (RFC 8414 §2). Every known member is described with its JSON type; null is accepted where the parser keeps it (validation reports it); any other member is allowed.",
    tags = "OpenID Federation 1.0 §14";
    // ── OpenID Connect Discovery 1.0 §3 and RFC 8414 §2 (inventory §1.1) ──────────────────

    /// The issuer identifier: an `https` URL with no query or fragment, identical to the issuer
    /// the client started from (compared code point by code point).
    ///
    /// **REQUIRED** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("issuer", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    issuer: Option<Issuer>,

    /// URL of the authorization endpoint (RFC 6749 §3.1): `https`, no fragment.
    ///
    /// **REQUIRED** (OIDC); REQUIRED unless no supported grant type uses the authorization
    /// endpoint (RFC 8414) — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("authorization_endpoint", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    authorization_endpoint: Option<UrlString>,

    /// URL of the token endpoint (RFC 6749 §3.2): `https`, no fragment.
    ///
    /// **REQUIRED** unless only the implicit flow (OIDC) or implicit grant (RFC 8414) is
    /// supported — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("token_endpoint", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    token_endpoint: Option<UrlString>,

    /// URL of the UserInfo endpoint (OpenID Connect Core 1.0 §5.3): `https`.
    ///
    /// **RECOMMENDED** (OIDC) — OpenID Connect Discovery 1.0 §3.
    #[member("userinfo_endpoint", Iana, "OpenID Connect Discovery 1.0 §3")]
    userinfo_endpoint: Option<UrlString>,

    /// URL of the provider's JSON Web Key Set: `https`.
    ///
    /// **REQUIRED** (OIDC); OPTIONAL (RFC 8414) — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("jwks_uri", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    jwks_uri: Option<UrlString>,

    /// URL of the dynamic client registration endpoint (OpenID Connect Dynamic Client
    /// Registration 1.0; RFC 7591).
    ///
    /// **RECOMMENDED** (OIDC, `https`); OPTIONAL (RFC 8414) — OpenID Connect Discovery 1.0 §3;
    /// RFC 8414 §2.
    #[member("registration_endpoint", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    registration_endpoint: Option<UrlString>,

    /// Scope values supported; an OpenID Provider supports `openid`. May be partial.
    ///
    /// **RECOMMENDED** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("scopes_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    scopes_supported: Option<Vec<String>>,

    /// Response types supported (each a set of tokens).
    ///
    /// **REQUIRED** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("response_types_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    response_types_supported: Option<Vec<ResponseType>>,

    /// Response modes supported. Default when absent: `["query", "fragment"]`
    /// (see [`effective_response_modes`](Self::effective_response_modes)).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("response_modes_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    response_modes_supported: Option<Vec<ResponseMode>>,

    /// Grant types supported. Default when absent: `["authorization_code", "implicit"]`
    /// (see [`effective_grant_types`](Self::effective_grant_types)).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("grant_types_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    grant_types_supported: Option<Vec<GrantType>>,

    /// Authentication Context Class References supported.
    ///
    /// **OPTIONAL** (OIDC) — OpenID Connect Discovery 1.0 §3.
    #[member("acr_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    acr_values_supported: Option<Vec<String>>,

    /// Subject identifier types supported (`public`, `pairwise`).
    ///
    /// **REQUIRED** (OIDC) — OpenID Connect Discovery 1.0 §3; OpenID Connect Core 1.0 §8.
    #[member("subject_types_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    subject_types_supported: Option<Vec<SubjectType>>,

    /// JWS algorithms for ID Tokens; `RS256` MUST be included.
    ///
    /// **REQUIRED** (OIDC) — OpenID Connect Discovery 1.0 §3.
    #[member("id_token_signing_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    id_token_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for ID Tokens.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("id_token_encryption_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    id_token_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for ID Tokens.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("id_token_encryption_enc_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    id_token_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    /// JWS algorithms for UserInfo responses; `none` may be included.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("userinfo_signing_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    userinfo_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for UserInfo responses.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("userinfo_encryption_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    userinfo_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for UserInfo responses.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("userinfo_encryption_enc_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    userinfo_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    /// JWS algorithms for Request Objects (`request` and `request_uri`); servers SHOULD
    /// support `none` and `RS256`.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("request_object_signing_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    request_object_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for Request Objects.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("request_object_encryption_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    request_object_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for Request Objects.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("request_object_encryption_enc_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    request_object_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    /// Client authentication methods at the token endpoint. Default when absent:
    /// `["client_secret_basic"]` (see
    /// [`effective_token_endpoint_auth_methods`](Self::effective_token_endpoint_auth_methods)).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("token_endpoint_auth_methods_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    token_endpoint_auth_methods_supported: Option<Vec<ClientAuthMethod>>,

    /// JWS algorithms for `private_key_jwt` / `client_secret_jwt` at the token endpoint;
    /// `none` MUST NOT be used; SHOULD include `RS256`.
    ///
    /// **OPTIONAL**; MUST be present when `private_key_jwt` or `client_secret_jwt` is listed
    /// (RFC 8414) — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("token_endpoint_auth_signing_alg_values_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    token_endpoint_auth_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// `display` parameter values supported (`page`, `popup`, `touch`, `wap`).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("display_values_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    display_values_supported: Option<Vec<Display>>,

    /// Claim types supported. Default when absent: only `normal` (see
    /// [`effective_claim_types`](Self::effective_claim_types)).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("claim_types_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    claim_types_supported: Option<Vec<ClaimType>>,

    /// Claim names the provider may supply values for. May be partial.
    ///
    /// **RECOMMENDED** (OIDC) — OpenID Connect Discovery 1.0 §3.
    #[member("claims_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    claims_supported: Option<Vec<String>>,

    /// Human-readable developer documentation; may carry language-tagged variants.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("service_documentation", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    service_documentation: Localized<UrlString>,

    /// Languages and scripts supported for claim values (BCP 47 tags).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("claims_locales_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    claims_locales_supported: Option<Vec<LanguageTag>>,

    /// Languages and scripts supported for the user interface (BCP 47 tags).
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("ui_locales_supported", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    ui_locales_supported: Option<Vec<LanguageTag>>,

    /// Whether the `claims` request parameter is supported. Default when absent: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("claims_parameter_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    claims_parameter_supported: Option<bool>,

    /// Whether the `request` parameter is supported. Default when absent: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("request_parameter_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    request_parameter_supported: Option<bool>,

    /// Whether the `request_uri` parameter is supported. Default when absent: **`true`**.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("request_uri_parameter_supported", Iana, "OpenID Connect Discovery 1.0 §3")]
    request_uri_parameter_supported: Option<bool>,

    /// Whether `request_uri` values must be pre-registered. Default when absent: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3.
    #[member("require_request_uri_registration", Iana, "OpenID Connect Discovery 1.0 §3")]
    require_request_uri_registration: Option<bool>,

    /// The provider's policy on how clients may use provided data; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("op_policy_uri", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    op_policy_uri: Localized<UrlString>,

    /// The provider's terms of service; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Connect Discovery 1.0 §3; RFC 8414 §2.
    #[member("op_tos_uri", Iana, "OpenID Connect Discovery 1.0 §3; RFC 8414 §2")]
    op_tos_uri: Localized<UrlString>,

    /// URL of the token revocation endpoint (RFC 7009): `https`.
    ///
    /// **OPTIONAL** — RFC 8414 §2.
    #[member("revocation_endpoint", Iana, "RFC 8414 §2")]
    revocation_endpoint: Option<UrlString>,

    /// Client authentication methods at the revocation endpoint. Default when absent:
    /// `["client_secret_basic"]`.
    ///
    /// **OPTIONAL** — RFC 8414 §2.
    #[member("revocation_endpoint_auth_methods_supported", Iana, "RFC 8414 §2")]
    revocation_endpoint_auth_methods_supported: Option<Vec<ClientAuthMethod>>,

    /// JWS algorithms for JWT client authentication at the revocation endpoint; never `none`.
    ///
    /// **OPTIONAL**; MUST be present when `private_key_jwt` or `client_secret_jwt` is listed for
    /// revocation — RFC 8414 §2.
    #[member("revocation_endpoint_auth_signing_alg_values_supported", Iana, "RFC 8414 §2")]
    revocation_endpoint_auth_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// URL of the token introspection endpoint (RFC 7662).
    ///
    /// **OPTIONAL** — RFC 8414 §2.
    #[member("introspection_endpoint", Iana, "RFC 8414 §2")]
    introspection_endpoint: Option<UrlString>,

    /// Client authentication methods, or access token types, accepted at the introspection
    /// endpoint. No default: must be determined by other means when absent.
    ///
    /// **OPTIONAL** — RFC 8414 §2.
    #[member("introspection_endpoint_auth_methods_supported", Iana, "RFC 8414 §2")]
    introspection_endpoint_auth_methods_supported: Option<Vec<IntrospectionAuthMethod>>,

    /// JWS algorithms for JWT client authentication at the introspection endpoint; never `none`.
    ///
    /// **OPTIONAL**; MUST be present when `private_key_jwt` or `client_secret_jwt` is listed for
    /// introspection — RFC 8414 §2.
    #[member("introspection_endpoint_auth_signing_alg_values_supported", Iana, "RFC 8414 §2")]
    introspection_endpoint_auth_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// PKCE code challenge methods supported. Absent means PKCE is not supported.
    ///
    /// **OPTIONAL** (RFC 9700 §2.1.1 RECOMMENDS publishing it) — RFC 8414 §2.
    #[member("code_challenge_methods_supported", Iana, "RFC 8414 §2")]
    code_challenge_methods_supported: Option<Vec<PkceMethod>>,

    /// A JWT (compact JWS) whose claims are metadata values, attested by its issuer. Signed
    /// values take precedence over plain ones once verified.
    ///
    /// **OPTIONAL** — RFC 8414 §2.1.
    #[member("signed_metadata", Iana, "RFC 8414 §2.1")]
    signed_metadata: Option<SignedMetadata>,

    // ── Other IANA-registered members (inventory §1.2) ─────────────────────────────────────

    /// URL of the device authorization endpoint.
    ///
    /// **OPTIONAL** — RFC 8628 §4.
    #[member("device_authorization_endpoint", Iana, "RFC 8628 §4")]
    device_authorization_endpoint: Option<UrlString>,

    /// Whether mutual-TLS certificate-bound access tokens are supported. Default: `false`.
    ///
    /// **OPTIONAL** — RFC 8705 §3.3.
    #[member("tls_client_certificate_bound_access_tokens", Iana, "RFC 8705 §3.3")]
    tls_client_certificate_bound_access_tokens: Option<bool>,

    /// Alternative endpoint URLs for mutual TLS.
    ///
    /// **OPTIONAL** — RFC 8705 §5.
    #[member("mtls_endpoint_aliases", Iana, "RFC 8705 §5")]
    mtls_endpoint_aliases: Option<MtlsEndpointAliases>,

    /// Whether every authorization request must use a signed request object. Default: `false`.
    ///
    /// **OPTIONAL** — RFC 9101 §10.5.
    #[member("require_signed_request_object", Iana, "RFC 9101 §10.5")]
    require_signed_request_object: Option<bool>,

    /// URL of the pushed authorization request endpoint: `https`.
    ///
    /// **OPTIONAL** (an AS supporting PAR SHOULD publish it) — RFC 9126 §5.
    #[member("pushed_authorization_request_endpoint", Iana, "RFC 9126 §5")]
    pushed_authorization_request_endpoint: Option<UrlString>,

    /// Whether only pushed authorization requests are accepted. Default: `false`.
    ///
    /// **OPTIONAL** — RFC 9126 §5.
    #[member("require_pushed_authorization_requests", Iana, "RFC 9126 §5")]
    require_pushed_authorization_requests: Option<bool>,

    /// Whether authorization responses carry the `iss` parameter. Default: `false`.
    ///
    /// **OPTIONAL** — RFC 9207 §3.
    #[member("authorization_response_iss_parameter_supported", Iana, "RFC 9207 §3")]
    authorization_response_iss_parameter_supported: Option<bool>,

    /// Rich authorization request `type` values supported.
    ///
    /// **OPTIONAL** — RFC 9396 §10.
    #[member("authorization_details_types_supported", Iana, "RFC 9396 §10")]
    authorization_details_types_supported: Option<Vec<String>>,

    /// JWS algorithms accepted for DPoP proofs (asymmetric only; never `none`). Its presence
    /// signals DPoP support.
    ///
    /// **OPTIONAL** — RFC 9449 §5.1.
    #[member("dpop_signing_alg_values_supported", Iana, "RFC 9449 §5.1")]
    dpop_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWS algorithms for JWT introspection responses.
    ///
    /// **OPTIONAL** — RFC 9701 §7.
    #[member("introspection_signing_alg_values_supported", Iana, "RFC 9701 §7")]
    introspection_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for JWT introspection responses.
    ///
    /// **OPTIONAL** — RFC 9701 §7.
    #[member("introspection_encryption_alg_values_supported", Iana, "RFC 9701 §7")]
    introspection_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for JWT introspection responses.
    ///
    /// **OPTIONAL** — RFC 9701 §7.
    #[member("introspection_encryption_enc_values_supported", Iana, "RFC 9701 §7")]
    introspection_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    /// Resource identifiers of the protected resources this server issues tokens for.
    ///
    /// **OPTIONAL** — RFC 9728 §4.
    #[member("protected_resources", Iana, "RFC 9728 §4")]
    protected_resources: Option<Vec<UrlString>>,

    /// URL of the session-management iframe: `https`.
    ///
    /// **REQUIRED** when Session Management and Discovery are both supported — OpenID Connect
    /// Session Management 1.0 §3.3.
    #[member("check_session_iframe", Iana, "OpenID Connect Session Management 1.0 §3.3")]
    check_session_iframe: Option<UrlString>,

    /// URL of the RP-initiated logout endpoint: `https`.
    ///
    /// **REQUIRED** when RP-Initiated Logout and Discovery are both supported — OpenID Connect
    /// RP-Initiated Logout 1.0 §2.1.
    #[member("end_session_endpoint", Iana, "OpenID Connect RP-Initiated Logout 1.0 §2.1")]
    end_session_endpoint: Option<UrlString>,

    /// Whether front-channel logout is supported. Default: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect Front-Channel Logout 1.0 §3.
    #[member("frontchannel_logout_supported", Iana, "OpenID Connect Front-Channel Logout 1.0 §3")]
    frontchannel_logout_supported: Option<bool>,

    /// Whether back-channel logout is supported. Default: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect Back-Channel Logout 1.0 §2.1.
    #[member("backchannel_logout_supported", Iana, "OpenID Connect Back-Channel Logout 1.0 §2.1")]
    backchannel_logout_supported: Option<bool>,

    /// Whether back-channel logout tokens carry `sid`. Default: `false`.
    ///
    /// **OPTIONAL** (SHOULD be published with `backchannel_logout_supported`) — OpenID Connect
    /// Back-Channel Logout 1.0 §2.1.
    #[member("backchannel_logout_session_supported", Iana, "OpenID Connect Back-Channel Logout 1.0 §2.1")]
    backchannel_logout_session_supported: Option<bool>,

    /// URL of the CIBA backchannel authentication endpoint.
    ///
    /// **REQUIRED** for CIBA providers — OpenID Connect CIBA Core 1.0 §4.
    #[member("backchannel_authentication_endpoint", Iana, "OpenID Connect CIBA Core 1.0 §4")]
    backchannel_authentication_endpoint: Option<UrlString>,

    /// CIBA token delivery modes supported (`poll`, `ping`, `push`).
    ///
    /// **REQUIRED** for CIBA providers — OpenID Connect CIBA Core 1.0 §4.
    #[member("backchannel_token_delivery_modes_supported", Iana, "OpenID Connect CIBA Core 1.0 §4")]
    backchannel_token_delivery_modes_supported: Option<Vec<TokenDeliveryMode>>,

    /// JWS algorithms for signed CIBA authentication requests. Absent: signed requests are
    /// not supported.
    ///
    /// **OPTIONAL** — OpenID Connect CIBA Core 1.0 §4.
    #[member("backchannel_authentication_request_signing_alg_values_supported", Iana, "OpenID Connect CIBA Core 1.0 §4")]
    backchannel_authentication_request_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// Whether the CIBA `user_code` parameter is supported. Default: `false`.
    ///
    /// **OPTIONAL** — OpenID Connect CIBA Core 1.0 §4.
    #[member("backchannel_user_code_parameter_supported", Iana, "OpenID Connect CIBA Core 1.0 §4")]
    backchannel_user_code_parameter_supported: Option<bool>,

    /// Federation client registration types supported (`automatic`, `explicit`).
    ///
    /// **RECOMMENDED** — OpenID Federation 1.0 §5.1.3.
    #[member("client_registration_types_supported", Iana, "OpenID Federation 1.0 §5.1.3")]
    client_registration_types_supported: Option<Vec<ClientRegistrationType>>,

    /// URL of the federation explicit-registration endpoint: `https`, no fragment.
    ///
    /// **OPTIONAL**; REQUIRED when explicit registration is supported — OpenID Federation 1.0
    /// §5.1.3.
    #[member("federation_registration_endpoint", Iana, "OpenID Federation 1.0 §5.1.3")]
    federation_registration_endpoint: Option<UrlString>,

    /// URL of a signed JWK Set (`jwk-set+jwt`): `https`.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.1.
    #[member("signed_jwks_uri", Iana, "OpenID Federation 1.0 §5.2.1")]
    signed_jwks_uri: Option<UrlString>,

    /// The JWK Set by value, as a JSON object.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.1.
    #[member("jwks", Iana, "OpenID Federation 1.0 §5.2.1")]
    jwks: Option<JsonObject>,

    /// Human-readable name of the organization; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("organization_name", Iana, "OpenID Federation 1.0 §5.2.2")]
    organization_name: Localized<String>,

    /// Human-readable name of the entity; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("display_name", Iana, "OpenID Federation 1.0 §5.2.2")]
    display_name: Localized<String>,

    /// Human-readable description of the entity; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("description", Iana, "OpenID Federation 1.0 §5.2.2")]
    description: Localized<String>,

    /// Keywords describing the entity (at least one); may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("keywords", Iana, "OpenID Federation 1.0 §5.2.2")]
    keywords: Localized<Vec<String>>,

    /// Contacts for the entity (at least one; free-form strings).
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("contacts", Iana, "OpenID Federation 1.0 §5.2.2")]
    contacts: Option<Vec<String>>,

    /// URL of the entity's logo; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("logo_uri", Iana, "OpenID Federation 1.0 §5.2.2")]
    logo_uri: Localized<UrlString>,

    /// URL of information about the entity; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("information_uri", Iana, "OpenID Federation 1.0 §5.2.2")]
    information_uri: Localized<UrlString>,

    /// URL of the organization's home page; may carry language tags.
    ///
    /// **OPTIONAL** — OpenID Federation 1.0 §5.2.2.
    #[member("organization_uri", Iana, "OpenID Federation 1.0 §5.2.2")]
    organization_uri: Localized<UrlString>,

    /// JWS algorithms for NFV tokens.
    ///
    /// **OPTIONAL** — ETSI GS NFV-SEC 022 V2.7.1.
    #[member("nfv_token_signing_alg_values_supported", Iana, "ETSI GS NFV-SEC 022 V2.7.1")]
    nfv_token_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for NFV tokens.
    ///
    /// **OPTIONAL** — ETSI GS NFV-SEC 022 V2.7.1.
    #[member("nfv_token_encryption_alg_values_supported", Iana, "ETSI GS NFV-SEC 022 V2.7.1")]
    nfv_token_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for NFV tokens.
    ///
    /// **OPTIONAL** — ETSI GS NFV-SEC 022 V2.7.1.
    #[member("nfv_token_encryption_enc_values_supported", Iana, "ETSI GS NFV-SEC 022 V2.7.1")]
    nfv_token_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    // ── Published but not in the IANA registry snapshot (inventory §1.3) ──────────────────

    /// JWS algorithms for JARM authorization responses (never `none`).
    ///
    /// **OPTIONAL** (SHOULD be published by a JARM server); not IANA-registered — JARM §4.
    #[member("authorization_signing_alg_values_supported", Unregistered, "JARM §4")]
    authorization_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// JWE `alg` values for JARM authorization responses.
    ///
    /// **OPTIONAL**; not IANA-registered — JARM §4.
    #[member("authorization_encryption_alg_values_supported", Unregistered, "JARM §4")]
    authorization_encryption_alg_values_supported: Option<Vec<JweAlg>>,

    /// JWE `enc` values for JARM authorization responses.
    ///
    /// **OPTIONAL**; not IANA-registered — JARM §4.
    #[member("authorization_encryption_enc_values_supported", Unregistered, "JARM §4")]
    authorization_encryption_enc_values_supported: Option<Vec<JweEnc>>,

    /// Whether front-channel logout URIs receive `iss` and `sid`. Default: `false`.
    ///
    /// **OPTIONAL** (SHOULD be published with `frontchannel_logout_supported`); not
    /// IANA-registered — OpenID Connect Front-Channel Logout 1.0 §3.
    #[member("frontchannel_logout_session_supported", Unregistered, "OpenID Connect Front-Channel Logout 1.0 §3")]
    frontchannel_logout_session_supported: Option<bool>,

    /// `prompt` values supported; if present it lists every supported value.
    ///
    /// **OPTIONAL**; MUST be present when `prompt=create` is supported; not IANA-registered —
    /// Initiating User Registration via OpenID Connect 1.0 §4.2.
    #[member("prompt_values_supported", Unregistered, "Initiating User Registration via OpenID Connect 1.0 §4.2")]
    prompt_values_supported: Option<Vec<Prompt>>,

    /// Whether the pre-authorized code grant may be used without client authentication.
    /// Default: `false`.
    ///
    /// **OPTIONAL**; not IANA-registered — OpenID for Verifiable Credential Issuance 1.0 §12.3.
    #[member("pre-authorized_grant_anonymous_access_supported", Unregistered, "OpenID for Verifiable Credential Issuance 1.0 §12.3")]
    pre_authorized_grant_anonymous_access_supported: Option<bool>,

    /// Credential formats and their parameters a wallet supports (format identifier → object).
    ///
    /// **REQUIRED** in wallet metadata; not IANA-registered for AS metadata — OpenID for
    /// Verifiable Presentations 1.0 §10.1.
    #[member("vp_formats_supported", Unregistered, "OpenID for Verifiable Presentations 1.0 §10.1")]
    vp_formats_supported: Option<JsonObject>,

    /// Client identifier prefixes supported. Default when absent: `["pre-registered"]`.
    ///
    /// **OPTIONAL**; not IANA-registered — OpenID for Verifiable Presentations 1.0 §10.1.
    #[member("client_id_prefixes_supported", Unregistered, "OpenID for Verifiable Presentations 1.0 §10.1")]
    client_id_prefixes_supported: Option<Vec<String>>,

    /// Trust frameworks supported for verified claims.
    ///
    /// **REQUIRED** for identity-assurance providers; not IANA-registered — OpenID Connect for
    /// Identity Assurance 1.0 §8.
    #[member("trust_frameworks_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    trust_frameworks_supported: Option<Vec<String>>,

    /// Claims that may appear inside `verified_claims`.
    ///
    /// **REQUIRED** for identity-assurance providers; not IANA-registered — OpenID Connect for
    /// Identity Assurance 1.0 §8.
    #[member("claims_in_verified_claims_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    claims_in_verified_claims_supported: Option<Vec<String>>,

    /// Evidence types supported.
    ///
    /// **REQUIRED** when evidence is supported; not IANA-registered — OpenID Connect for
    /// Identity Assurance 1.0 §8.
    #[member("evidence_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    evidence_supported: Option<Vec<String>>,

    /// Document types supported.
    ///
    /// **REQUIRED** when `evidence_supported` contains `document`; not IANA-registered —
    /// OpenID Connect for Identity Assurance 1.0 §8.
    #[member("documents_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    documents_supported: Option<Vec<String>>,

    /// Document check methods supported.
    ///
    /// **OPTIONAL**; not IANA-registered — OpenID Connect for Identity Assurance 1.0 §8.
    #[member("documents_check_methods_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    documents_check_methods_supported: Option<Vec<String>>,

    /// Electronic record types supported.
    ///
    /// **REQUIRED** when `evidence_supported` contains `electronic_record`; not IANA-registered
    /// — OpenID Connect for Identity Assurance 1.0 §8.
    #[member("electronic_records_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 §8")]
    electronic_records_supported: Option<Vec<String>>,

    /// Attachment types supported (`external`, `embedded`). Absent: no attachments.
    ///
    /// **REQUIRED** when attachments are supported; not IANA-registered — OpenID Connect for
    /// Identity Assurance 1.0 Attachments §8.
    #[member("attachments_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 Attachments §8")]
    attachments_supported: Option<Vec<String>>,

    /// Digest algorithms supported for external attachments.
    ///
    /// **REQUIRED** when external attachments are supported; not IANA-registered — OpenID
    /// Connect for Identity Assurance 1.0 Attachments §8.
    #[member("digest_algorithms_supported", Unregistered, "OpenID Connect for Identity Assurance 1.0 Attachments §8")]
    digest_algorithms_supported: Option<Vec<String>>,

    /// URL of the entity's policy (the federation counterpart of `op_policy_uri`); may carry
    /// language tags.
    ///
    /// **OPTIONAL**; not in the AS metadata registry — OpenID Federation 1.0 §5.2.2.
    #[member("policy_uri", Unregistered, "OpenID Federation 1.0 §5.2.2")]
    policy_uri: Localized<UrlString>,

    /// Whether the server accepts an `https` URL as `client_id` and reads the client's metadata
    /// from the document at that URL (a Client ID Metadata Document). Default: `false` (see
    /// [`effective_client_id_metadata_document_supported`](Self::effective_client_id_metadata_document_supported)).
    ///
    /// **OPTIONAL** (the same section also says servers that publish metadata MUST include it to
    /// signal support); not IANA-registered (registration requested) —
    /// draft-ietf-oauth-client-id-metadata-document-00 §5.
    #[member("client_id_metadata_document_supported", Unregistered, "draft-ietf-oauth-client-id-metadata-document-00 §5")]
    client_id_metadata_document_supported: Option<bool>,
}
