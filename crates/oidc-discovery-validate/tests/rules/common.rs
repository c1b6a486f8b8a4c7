//! What every table of the rule tests shares: the base documents, edits, and the case harness.
//!
//! Every case starts from a clean base document of its profile ([`oauth_base`], [`oidc_base`],
//! [`fapi2_base`], [`resource_base`]), or from hand-written bytes for JSON-level rules.

pub(crate) use std::collections::BTreeSet;

pub(crate) use oidc_discovery_metadata::ProviderMetadata;
pub(crate) use oidc_discovery_validate::{
    Checked, IssuerMatchOptions, OAuth, Oidc, Options, Problem, Profile, RULES, Report, Resource,
    Rule, RuleGroup, Severity, validate, validate_json, validate_resource_json,
};
pub(crate) use serde_json::{Value, json};

pub(crate) const OAUTH: Profile = Profile::OAuth;
pub(crate) const OIDC: Profile = Profile::Oidc;
pub(crate) const FAPI2: Profile = Profile::Fapi2;
pub(crate) const RESOURCE: Profile = Profile::Resource;

pub(crate) const ENTRA_TEMPLATE: &str = "https://login.microsoftonline.com/{tenantid}/v2.0";
pub(crate) const ENTRA_TENANT: &str =
    "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";

// ---------------------------------------------------------------------------------------------
// Base documents: each has no problem at all under its own profile.

/// RFC 8414 authorization server.
pub(crate) fn oauth_base() -> Value {
    json!({
        "issuer": "https://as.example.com",
        "authorization_endpoint": "https://as.example.com/authorize",
        "token_endpoint": "https://as.example.com/token",
        "jwks_uri": "https://as.example.com/jwks",
        "registration_endpoint": "https://as.example.com/register",
        "revocation_endpoint": "https://as.example.com/revoke",
        "introspection_endpoint": "https://as.example.com/introspect",
        "scopes_supported": ["read", "write"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
        "code_challenge_methods_supported": ["S256"],
        "service_documentation": "https://as.example.com/docs",
        "ui_locales_supported": ["en-US", "fr"]
    })
}

/// OpenID Provider (OpenID Connect Discovery 1.0).
pub(crate) fn oidc_base() -> Value {
    json!({
        "issuer": "https://op.example.com",
        "authorization_endpoint": "https://op.example.com/authorize",
        "token_endpoint": "https://op.example.com/token",
        "userinfo_endpoint": "https://op.example.com/userinfo",
        "jwks_uri": "https://op.example.com/jwks",
        "registration_endpoint": "https://op.example.com/register",
        "end_session_endpoint": "https://op.example.com/logout",
        "scopes_supported": ["openid", "profile", "email"],
        "response_types_supported": ["code", "id_token", "code id_token"],
        "grant_types_supported": ["authorization_code", "implicit", "refresh_token"],
        "subject_types_supported": ["public", "pairwise"],
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        "request_object_signing_alg_values_supported": ["none", "RS256", "ES256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
        "claims_supported": ["sub", "name", "email"],
        "code_challenge_methods_supported": ["S256"],
        "claims_locales_supported": ["en", "de-CH"],
        "op_tos_uri": "https://op.example.com/tos"
    })
}

/// FAPI 2.0 authorization server (and OpenID Provider).
pub(crate) fn fapi2_base() -> Value {
    json!({
        "issuer": "https://fapi.example.com",
        "authorization_endpoint": "https://fapi.example.com/authorize",
        "token_endpoint": "https://fapi.example.com/token",
        "jwks_uri": "https://fapi.example.com/jwks",
        "pushed_authorization_request_endpoint": "https://fapi.example.com/par",
        "require_pushed_authorization_requests": true,
        "scopes_supported": ["openid", "accounts"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "jwt"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "authorization_response_iss_parameter_supported": true,
        "token_endpoint_auth_methods_supported": ["private_key_jwt", "tls_client_auth"],
        "token_endpoint_auth_signing_alg_values_supported": ["PS256", "ES256"],
        "id_token_signing_alg_values_supported": ["PS256", "ES256"],
        "authorization_signing_alg_values_supported": ["PS256"],
        "dpop_signing_alg_values_supported": ["ES256", "PS256"],
        "tls_client_certificate_bound_access_tokens": true,
        "subject_types_supported": ["public"],
        "mtls_endpoint_aliases": {
            "token_endpoint": "https://mtls.fapi.example.com/token",
            "pushed_authorization_request_endpoint": "https://mtls.fapi.example.com/par"
        }
    })
}

/// Protected resource metadata (RFC 9728), with every member of RFC 9728 §2 but
/// `signed_metadata`.
pub(crate) fn resource_base() -> Value {
    json!({
        "resource": "https://rs.example.com/api",
        "authorization_servers": ["https://as.example.com", "https://op.example.com/tenant"],
        "jwks_uri": "https://rs.example.com/jwks",
        "scopes_supported": ["files:read", "files:write"],
        "bearer_methods_supported": ["header"],
        "resource_signing_alg_values_supported": ["RS256", "ES256"],
        "resource_name": "Example API",
        "resource_name#ja": "例の API",
        "resource_documentation": "https://rs.example.com/docs",
        "resource_policy_uri": "https://rs.example.com/policy",
        "resource_tos_uri": "https://rs.example.com/tos",
        "tls_client_certificate_bound_access_tokens": false,
        "authorization_details_types_supported": ["payment_initiation"],
        "dpop_signing_alg_values_supported": ["ES256", "PS256"],
        "dpop_bound_access_tokens_required": false
    })
}

pub(crate) fn base(profile: Profile) -> Value {
    match profile {
        Profile::OAuth => oauth_base(),
        Profile::Oidc => oidc_base(),
        Profile::Fapi2 => fapi2_base(),
        Profile::Resource => resource_base(),
        other => panic!("no base document for profile {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

pub(crate) fn set(doc: &mut Value, name: &str, value: Value) {
    doc.as_object_mut()
        .expect("documents are objects")
        .insert(name.to_owned(), value);
}

pub(crate) fn remove(doc: &mut Value, name: &str) {
    doc.as_object_mut()
        .expect("documents are objects")
        .remove(name);
}

pub(crate) fn run(doc: &Value, profile: Profile, options: &Options) -> Checked {
    validate_json(
        &serde_json::to_vec(doc).expect("serializable"),
        profile,
        options,
    )
}

pub(crate) fn report_of(doc: &Value, profile: Profile) -> Report {
    run(doc, profile, &Options::default()).report
}

pub(crate) fn find<'a>(report: &'a Report, rule: &str, pointer: &str) -> Option<&'a Problem> {
    report
        .problems
        .iter()
        .find(|p| p.rule == rule && p.pointer == pointer)
}

/// Unpadded base64url (RFC 7515 §2).
pub(crate) fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let mut bits = 0u32;
        for (i, &byte) in chunk.iter().enumerate() {
            bits |= u32::from(byte) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((bits >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// A JWS in compact serialization with these header and claims.
pub(crate) fn jwt(header: &Value, claims: &Value, signature: &str) -> String {
    format!(
        "{}.{}.{signature}",
        base64url(header.to_string().as_bytes()),
        base64url(claims.to_string().as_bytes())
    )
}

pub(crate) fn signed_metadata_claims() -> Value {
    json!({
        "iss": "https://federation.example.org",
        "issuer": "https://as.example.com",
        "token_endpoint": "https://as.example.com/token"
    })
}

pub(crate) const SIGNATURE: &str = "c2lnbmF0dXJlLWJ5dGVz";

/// The base of `profile`, pretty-printed, with `text` inserted right after the opening `{`.
pub(crate) fn base_text_with(profile: Profile, text: &str) -> Vec<u8> {
    let pretty = serde_json::to_string_pretty(&base(profile)).expect("serializable");
    let rest = pretty.strip_prefix('{').expect("an object");
    format!("{{{text}{rest}").into_bytes()
}

// ---------------------------------------------------------------------------------------------
// The case table.

pub(crate) type Edit = fn(&mut Value);

pub(crate) enum Input {
    /// An edit of the profile's base document.
    Edit(Edit),
    /// The document's bytes.
    Bytes(fn() -> Vec<u8>),
}

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) profile: Profile,
    pub(crate) input: Input,
    pub(crate) options: fn() -> Options,
    pub(crate) rule: &'static str,
    /// `Some(pointer)`: the rule must fire there. `None`: the rule must not fire at all.
    pub(crate) pointer: Option<&'static str>,
}

impl Case {
    pub(crate) fn with(mut self, options: fn() -> Options) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn input(&self) -> Vec<u8> {
        match &self.input {
            Input::Edit(edit) => {
                let mut doc = base(self.profile);
                edit(&mut doc);
                serde_json::to_vec(&doc).expect("serializable")
            }
            Input::Bytes(bytes) => bytes(),
        }
    }
}

/// The rule fires at `pointer` for the edited base document.
pub(crate) fn fires(
    name: &'static str,
    profile: Profile,
    rule: &'static str,
    pointer: &'static str,
    edit: Edit,
) -> Case {
    Case {
        name,
        profile,
        input: Input::Edit(edit),
        options: Options::default,
        rule,
        pointer: Some(pointer),
    }
}

/// The rule does not fire for the edited base document.
pub(crate) fn spares(name: &'static str, profile: Profile, rule: &'static str, edit: Edit) -> Case {
    Case {
        name,
        profile,
        input: Input::Edit(edit),
        options: Options::default,
        rule,
        pointer: None,
    }
}

pub(crate) fn fires_bytes(
    name: &'static str,
    profile: Profile,
    rule: &'static str,
    pointer: &'static str,
    bytes: fn() -> Vec<u8>,
) -> Case {
    Case {
        name,
        profile,
        input: Input::Bytes(bytes),
        options: Options::default,
        rule,
        pointer: Some(pointer),
    }
}

pub(crate) fn spares_bytes(
    name: &'static str,
    profile: Profile,
    rule: &'static str,
    bytes: fn() -> Vec<u8>,
) -> Case {
    Case {
        name,
        profile,
        input: Input::Bytes(bytes),
        options: Options::default,
        rule,
        pointer: None,
    }
}

pub(crate) fn expecting_oauth_with_slash() -> Options {
    Options::expecting("https://as.example.com/")
}

pub(crate) fn expecting_oauth_exactly() -> Options {
    Options::expecting("https://as.example.com")
}

pub(crate) fn expecting_oauth_with_slash_relaxed() -> Options {
    let mut options = Options::expecting("https://as.example.com/");
    options.issuer_match.ignore_trailing_slash = true;
    options
}

pub(crate) fn expecting_oauth_exactly_relaxed() -> Options {
    let mut options = Options::expecting("https://as.example.com");
    options.issuer_match.ignore_trailing_slash = true;
    options
}

pub(crate) fn expecting_entra_tenant_with_template() -> Options {
    let mut options = Options::expecting(ENTRA_TENANT);
    options.issuer_match = IssuerMatchOptions {
        ignore_trailing_slash: false,
        tenant_template: true,
    };
    options
}

/// The severity `rule` gets at `pointer` under `profile` (`None`: not reported).
pub(crate) fn severity_at(
    doc: &Value,
    profile: Profile,
    rule: &str,
    pointer: &str,
) -> Option<Severity> {
    find(&report_of(doc, profile), rule, pointer).map(|problem| problem.severity)
}

pub(crate) fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = oidc_base();
    edit(&mut doc);
    doc
}

/// Whether every specification a problem cites (`RFC 6749 §3.1; RFC 7009 §2`) is one its
/// rule's citation names: a problem cites its rule's citation or the part of it that defines
/// the member at hand.
pub(crate) fn cites_within(problem_spec: &str, rule_spec: &str) -> bool {
    !problem_spec.is_empty()
        && problem_spec.split("; ").all(|part| {
            let document = part.split(" §").next().unwrap_or(part);
            rule_spec.contains(document)
        })
}

pub(crate) fn expecting_resource_exactly() -> Options {
    Options::expecting_resource("https://rs.example.com/api")
}

pub(crate) fn expecting_resource_with_slash() -> Options {
    Options::expecting_resource("https://rs.example.com/api/")
}

pub(crate) fn expecting_resource_from_challenge() -> Options {
    Options::expecting_resource_from_challenge("https://rs.example.com/api/mcp")
}

pub(crate) fn expecting_resource_from_same_challenge() -> Options {
    Options::expecting_resource_from_challenge("https://rs.example.com/api")
}
