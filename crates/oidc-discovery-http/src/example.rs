//! An example provider document, for demonstrations, examples, tests and benchmarks (what
//! `oidc-discovery serve` serves without `--metadata`).

/// The example document; `{issuer}` stands for the issuer.
const TEMPLATE: &str = r#"{
  "issuer": "{issuer}",
  "authorization_endpoint": "{issuer}/authorize",
  "token_endpoint": "{issuer}/token",
  "userinfo_endpoint": "{issuer}/userinfo",
  "jwks_uri": "{issuer}/jwks.json",
  "registration_endpoint": "{issuer}/register",
  "revocation_endpoint": "{issuer}/revoke",
  "end_session_endpoint": "{issuer}/logout",
  "scopes_supported": ["openid", "profile", "email", "offline_access"],
  "response_types_supported": ["code"],
  "response_modes_supported": ["query", "form_post"],
  "grant_types_supported": ["authorization_code", "refresh_token"],
  "subject_types_supported": ["public"],
  "id_token_signing_alg_values_supported": ["RS256", "ES256"],
  "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
  "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
  "code_challenge_methods_supported": ["S256"],
  "claims_supported": ["sub", "iss", "name", "email", "email_verified"],
  "ui_locales_supported": ["en", "fr-CA"],
  "authorization_response_iss_parameter_supported": true
}"#;

/// The example provider's JWK Set (`application/jwk-set+json`): the public P-256 key of
/// RFC 7517 Appendix A.1, for signatures.
pub const JWKS: &str = r#"{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"sig","alg":"ES256","kid":"example-1"}]}"#;

/// The example OpenID Provider's metadata for `issuer` (about 1.2 KiB): every endpoint under
/// the issuer, `code` flow with PKCE, `RS256` and `ES256`. It is valid under the `oidc` profile
/// for an `https` issuer (an `http` loopback issuer gives warnings only).
///
/// ```
/// use oidc_discovery_metadata::ProviderMetadata;
///
/// let json = oidc_discovery_http::example::document("https://id.example.com");
/// let metadata = ProviderMetadata::from_json_str(&json)?;
/// assert_eq!(metadata.jwks_uri.unwrap().as_str(), "https://id.example.com/jwks.json");
/// # Ok::<(), oidc_discovery_metadata::ParseError>(())
/// ```
#[must_use]
pub fn document(issuer: &str) -> String {
    TEMPLATE.replace("{issuer}", issuer)
}
