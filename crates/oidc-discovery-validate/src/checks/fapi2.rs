//! FAPI 2.0 Security Profile requirements on the authorization server's metadata.

use oidc_discovery_metadata::{ClientAuthMethod, GrantType, JwsAlg, PkceMethod, ResponseType};

use super::Context;
use crate::pointer;
use crate::rules::{
    FAPI2_ALGORITHMS, FAPI2_CLIENT_AUTH, FAPI2_GRANT_TYPES, FAPI2_ISS_PARAMETER, FAPI2_PAR,
    FAPI2_PKCE_S256, FAPI2_RESPONSE_TYPES, FAPI2_SENDER_CONSTRAINED,
};

/// FAPI 2.0 Security Profile §5.4.1.
const ALLOWED_ALGS: [JwsAlg; 4] = [JwsAlg::Ps256, JwsAlg::Es256, JwsAlg::Ed25519, JwsAlg::EdDsa];

pub(crate) fn check(cx: &mut Context<'_>) {
    if !cx.applies(&FAPI2_PAR) {
        return;
    }
    let md = cx.metadata;
    if md.pushed_authorization_request_endpoint.is_none() {
        cx.emit(&FAPI2_PAR, "/pushed_authorization_request_endpoint", "`pushed_authorization_request_endpoint` is absent; FAPI 2.0 requires pushed authorization requests");
    }
    if md.require_pushed_authorization_requests != Some(true) {
        cx.emit(&FAPI2_PAR, "/require_pushed_authorization_requests", "`require_pushed_authorization_requests` is not true; FAPI 2.0 accepts authorization requests only through PAR");
    }
    if !md
        .code_challenge_methods_supported
        .iter()
        .flatten()
        .any(|m| *m == PkceMethod::S256)
    {
        cx.emit(
            &FAPI2_PKCE_S256,
            "/code_challenge_methods_supported",
            "`code_challenge_methods_supported` does not include `S256`",
        );
    }
    if md.authorization_response_iss_parameter_supported != Some(true) {
        cx.emit(
            &FAPI2_ISS_PARAMETER,
            "/authorization_response_iss_parameter_supported",
            "`authorization_response_iss_parameter_supported` is not true",
        );
    }

    // Client authentication: private_key_jwt or mTLS, nothing weaker.
    let strong = |method: &ClientAuthMethod| {
        matches!(method, ClientAuthMethod::PrivateKeyJwt) || method.is_mtls()
    };
    match &md.token_endpoint_auth_methods_supported {
        None => cx.emit(&FAPI2_CLIENT_AUTH, "/token_endpoint_auth_methods_supported", "`token_endpoint_auth_methods_supported` is absent, so the default `client_secret_basic` applies; FAPI 2.0 requires `private_key_jwt` or mutual TLS"),
        Some(methods) => {
            if !methods.iter().any(strong) {
                cx.emit(&FAPI2_CLIENT_AUTH, "/token_endpoint_auth_methods_supported", "`token_endpoint_auth_methods_supported` offers neither `private_key_jwt` nor mutual TLS");
            }
            for (index, method) in methods.iter().enumerate().filter(|(_, m)| !strong(m)) {
                cx.emit(&FAPI2_CLIENT_AUTH, || pointer::element("token_endpoint_auth_methods_supported", index), || format!("`{method}` is not a client authentication method FAPI 2.0 allows"));
            }
        }
    }

    // Signing algorithms.
    for (member, algs) in [
        (
            "id_token_signing_alg_values_supported",
            &md.id_token_signing_alg_values_supported,
        ),
        (
            "token_endpoint_auth_signing_alg_values_supported",
            &md.token_endpoint_auth_signing_alg_values_supported,
        ),
        (
            "request_object_signing_alg_values_supported",
            &md.request_object_signing_alg_values_supported,
        ),
        (
            "authorization_signing_alg_values_supported",
            &md.authorization_signing_alg_values_supported,
        ),
        (
            "dpop_signing_alg_values_supported",
            &md.dpop_signing_alg_values_supported,
        ),
        (
            "userinfo_signing_alg_values_supported",
            &md.userinfo_signing_alg_values_supported,
        ),
        (
            "introspection_signing_alg_values_supported",
            &md.introspection_signing_alg_values_supported,
        ),
        (
            "revocation_endpoint_auth_signing_alg_values_supported",
            &md.revocation_endpoint_auth_signing_alg_values_supported,
        ),
        (
            "introspection_endpoint_auth_signing_alg_values_supported",
            &md.introspection_endpoint_auth_signing_alg_values_supported,
        ),
        (
            "backchannel_authentication_request_signing_alg_values_supported",
            &md.backchannel_authentication_request_signing_alg_values_supported,
        ),
    ] {
        for (index, alg) in algs.iter().flatten().enumerate() {
            if !ALLOWED_ALGS.contains(alg) {
                cx.emit(&FAPI2_ALGORITHMS, || pointer::element(member, index), || format!("`{alg}` in `{member}` is not allowed by FAPI 2.0 (PS256, ES256, Ed25519 / EdDSA)"));
            }
        }
    }

    // Sender-constrained access tokens.
    let dpop = md
        .dpop_signing_alg_values_supported
        .as_ref()
        .is_some_and(|algs| !algs.is_empty());
    if !dpop && md.tls_client_certificate_bound_access_tokens != Some(true) {
        cx.emit(&FAPI2_SENDER_CONSTRAINED, "", "access tokens are not sender-constrained: publish `dpop_signing_alg_values_supported` (DPoP) or `tls_client_certificate_bound_access_tokens: true` (mTLS)");
    }

    // Only `code`; no implicit or password grant.
    for (index, response_type) in md
        .response_types_supported
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, rt)| **rt != ResponseType::CODE)
    {
        cx.emit(&FAPI2_RESPONSE_TYPES, || pointer::element("response_types_supported", index), || format!("response type \"{response_type}\" is not allowed by FAPI 2.0, which uses `code` only"));
    }
    let defaulted = md.grant_types_supported.is_none();
    let forbidden: Vec<&str> = md
        .effective_grant_types()
        .iter()
        .filter(|g| matches!(g, GrantType::Implicit | GrantType::Password))
        .map(GrantType::as_str)
        .collect();
    if !forbidden.is_empty() {
        let message = if defaulted {
            "`grant_types_supported` is absent, so the default `[\"authorization_code\", \"implicit\"]` applies; FAPI 2.0 forbids the implicit grant".to_owned()
        } else {
            format!(
                "`grant_types_supported` offers {}, which FAPI 2.0 forbids",
                super::list(&forbidden)
            )
        };
        cx.emit(&FAPI2_GRANT_TYPES, "/grant_types_supported", message);
    }
}
