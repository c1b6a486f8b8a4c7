//! The member table of protected resource metadata (RFC 9728 §2): every member this library
//! types, with its JSON name, registration in the IANA "OAuth Protected Resource Metadata"
//! registry (RFC 9728 §8.1), defining specification and requirement level.
//!
//! This one table generates [`ProtectedResourceMetadata`](crate::ProtectedResourceMetadata),
//! its serde and JSON Schema implementations and the
//! [`RESOURCE_MEMBERS`](crate::RESOURCE_MEMBERS) registry, through the same
//! [`metadata_document!`](crate::document) macro as the authorization server's table. To add
//! a member, add an entry here.

use oidc_discovery_types::{BearerMethod, JwsAlg};

use crate::document::metadata_document;
use crate::{Issuer, Localized, SignedMetadata, UrlString};

metadata_document! {
    /// An OAuth 2.0 protected resource metadata document (RFC 9728 §2): the JSON at
    /// `/.well-known/oauth-protected-resource` (inserted before the resource identifier's path,
    /// RFC 9728 §3.1), published by a resource server — every remote MCP server, for one — to
    /// name its authorization servers and how it accepts tokens.
    ///
    /// Every member of RFC 9728 §2 and §2.2 (the fifteen RFC 9728 §8.1.2 registers) has a
    /// typed field; see [`RESOURCE_MEMBERS`] for the list with citations. The four human-readable
    /// members take language-tagged variants (`resource_name#ja`, RFC 9728 §2.1) as
    /// [`Localized`] values.
    ///
    /// Lossless in the same way as [`ProviderMetadata`](crate::ProviderMetadata): any JSON
    /// object parses; unknown members (such as the `organization_name` or `logo_uri` that some
    /// servers borrow from OpenID Federation), known members of the wrong type and `null` are
    /// kept verbatim in [`other`](Self::other); absent, `null` and `[]` stay distinguishable —
    /// which matters here, because `bearer_methods_supported: []` means "no bearer method"
    /// (RFC 9728 §2); unknown values inside the open enums are kept; spec defaults come from
    /// the `effective_*` accessors and are never written out.
    ///
    /// ```
    /// use oidc_discovery_metadata::{BearerMethod, ProtectedResourceMetadata};
    ///
    /// let metadata = ProtectedResourceMetadata::from_json_str(r#"{
    ///     "resource": "https://mcp.example.com/mcp",
    ///     "authorization_servers": ["https://auth.example.com"],
    ///     "bearer_methods_supported": ["header", "form"],
    ///     "resource_name": "Example MCP",
    ///     "resource_name#ja": "例",
    ///     "logo_uri": "https://mcp.example.com/logo.png"
    /// }"#)?;
    /// assert_eq!(metadata.resource.as_ref().unwrap().as_str(), "https://mcp.example.com/mcp");
    /// let methods = metadata.bearer_methods_supported.as_deref().unwrap_or_default();
    /// assert_eq!(methods[0], BearerMethod::Header);
    /// assert_eq!(methods[1].as_str(), "form"); // not a defined value, kept
    /// assert_eq!(metadata.resource_name.get("ja").map(String::as_str), Some("例"));
    /// assert!(metadata.other.contains_key("logo_uri"));
    /// assert!(!metadata.effective_dpop_bound_access_tokens_required());
    ///
    /// // Built with struct-update syntax, like every document type.
    /// let built = ProtectedResourceMetadata {
    ///     resource: Some("https://api.example.com".into()),
    ///     authorization_servers: Some(vec!["https://auth.example.com".into()]),
    ///     bearer_methods_supported: Some(vec![BearerMethod::Header]),
    ///     ..Default::default()
    /// };
    /// assert_eq!(
    ///     built.to_json_string()?,
    ///     r#"{"resource":"https://api.example.com","authorization_servers":["https://auth.example.com"],"bearer_methods_supported":["header"]}"#,
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ProtectedResourceMetadata;
    /// Every protected resource metadata member this library types, in the order of RFC 9728
    /// §2 (the fifteen members RFC 9728 §8.1.2 registers).
    pub const RESOURCE_MEMBERS;
    kind = ProtectedResource,
    identifier = resource,
    expecting = "a JSON object (protected resource metadata)",
    schema_title = "Protected resource metadata",
    schema_description = "The JSON document at /.well-known/oauth-protected-resource (RFC 9728 §2, §3). Every known member is described with its JSON type; null is accepted where the parser keeps it (validation reports it); any other member is allowed.",
    tags = "RFC 9728 §2.1";

    /// The protected resource's resource identifier (RFC 9728 §1.2): an `https` URL with no
    /// fragment, identical to the identifier the metadata URL was built from, or to the URL
    /// of the request that got the challenge pointing here (RFC 9728 §3.3). Kept as the exact
    /// received string.
    ///
    /// **REQUIRED** — RFC 9728 §2.
    #[member("resource", Iana, "RFC 9728 §2")]
    resource: Option<UrlString>,

    /// Issuer identifiers (RFC 8414 §2) of the authorization servers that can be used with
    /// this resource. The list may be partial; absence means "not advertised", never "none".
    ///
    /// **OPTIONAL** (the MCP authorization specification requires at least one) — RFC 9728 §2.
    #[member("authorization_servers", Iana, "RFC 9728 §2")]
    authorization_servers: Option<Vec<Issuer>>,

    /// URL of the resource server's JSON Web Key Set: `https`. When it holds both signing and
    /// encryption keys, every key carries `use`.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("jwks_uri", Iana, "RFC 9728 §2")]
    jwks_uri: Option<UrlString>,

    /// Scope values (RFC 6749 §3.3) used in authorization requests for this resource. May be
    /// partial; not an invitation to request all of them (RFC 9728 §7.2).
    ///
    /// **RECOMMENDED** — RFC 9728 §2.
    #[member("scopes_supported", Iana, "RFC 9728 §2")]
    scopes_supported: Option<Vec<String>>,

    /// How the resource accepts bearer tokens (RFC 6750 §2): `header`, `body`, `query`. An
    /// empty list means no bearer method is supported — the one member where `[]` has a
    /// meaning. No default when absent.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("bearer_methods_supported", Iana, "RFC 9728 §2")]
    bearer_methods_supported: Option<Vec<BearerMethod>>,

    /// JWS algorithms the resource signs its responses with; `none` MUST NOT be used.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("resource_signing_alg_values_supported", Iana, "RFC 9728 §2")]
    resource_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// Human-readable name of the resource, for display to end users; may carry language
    /// tags (RFC 9728 §2.1).
    ///
    /// **RECOMMENDED** — RFC 9728 §2.
    #[member("resource_name", Iana, "RFC 9728 §2")]
    resource_name: Localized<String>,

    /// URL of developer documentation for the resource; may carry language tags.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("resource_documentation", Iana, "RFC 9728 §2")]
    resource_documentation: Localized<UrlString>,

    /// URL of the resource's requirements on how clients use its data; may carry language
    /// tags.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("resource_policy_uri", Iana, "RFC 9728 §2")]
    resource_policy_uri: Localized<UrlString>,

    /// URL of the resource's terms of service; may carry language tags.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("resource_tos_uri", Iana, "RFC 9728 §2")]
    resource_tos_uri: Localized<UrlString>,

    /// Whether the resource supports mutual-TLS client certificate-bound access tokens
    /// (RFC 8705). Default when absent: `false` (see
    /// [`effective_tls_client_certificate_bound_access_tokens`](Self::effective_tls_client_certificate_bound_access_tokens)).
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("tls_client_certificate_bound_access_tokens", Iana, "RFC 9728 §2")]
    tls_client_certificate_bound_access_tokens: Option<bool>,

    /// Authorization details `type` values (RFC 9396) the resource accepts.
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("authorization_details_types_supported", Iana, "RFC 9728 §2")]
    authorization_details_types_supported: Option<Vec<String>>,

    /// JWS algorithms the resource accepts for DPoP proofs (RFC 9449); asymmetric, never
    /// `none` (RFC 9449 §4.2).
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("dpop_signing_alg_values_supported", Iana, "RFC 9728 §2")]
    dpop_signing_alg_values_supported: Option<Vec<JwsAlg>>,

    /// Whether the resource always requires DPoP-bound access tokens (RFC 9449). Default when
    /// absent: `false` (see
    /// [`effective_dpop_bound_access_tokens_required`](Self::effective_dpop_bound_access_tokens_required)).
    ///
    /// **OPTIONAL** — RFC 9728 §2.
    #[member("dpop_bound_access_tokens_required", Iana, "RFC 9728 §2")]
    dpop_bound_access_tokens_required: Option<bool>,

    /// A JWT (JWS compact serialization) whose claims are metadata values, signed by the
    /// party named in its `iss`; a consumer that verifies it lets the signed values win.
    ///
    /// **OPTIONAL** — RFC 9728 §2.2.
    #[member("signed_metadata", Iana, "RFC 9728 §2.2")]
    signed_metadata: Option<SignedMetadata>,
}
