//! Consistency between members (inventory §3.8).

use oidc_discovery_metadata::{ClientAuthMethod, GrantType, JwsAlg};

use super::{Context, list};
use crate::pointer;
use crate::rules::{
    CIBA_MEMBER_WITHOUT_ENDPOINT, CIMD_AUTH_METHODS, JARM_ALGS_MISSING,
    LOGOUT_SESSION_WITHOUT_LOGOUT, PAR_REQUIRED_WITHOUT_ENDPOINT, RESPONSE_TYPE_GRANT,
    SIGNED_REQUEST_OBJECT_ALGS,
};

pub(crate) fn check(cx: &mut Context<'_>) {
    client_id_metadata_documents(cx);
    let md = cx.metadata;
    // XF-1: response types imply grant types (RFC 7591 §2.1).
    let grants = md.effective_grant_types();
    let defaulted = if md.grant_types_supported.is_none() {
        " (default)"
    } else {
        ""
    };
    for (index, response_type) in md.response_types_supported.iter().flatten().enumerate() {
        let mut needed = Vec::new();
        if response_type.has_code() && !grants.contains(&GrantType::AuthorizationCode) {
            needed.push("authorization_code");
        }
        if (response_type.has_token() || response_type.has_id_token())
            && !grants.contains(&GrantType::Implicit)
        {
            needed.push("implicit");
        }
        if !needed.is_empty() {
            cx.emit(
                &RESPONSE_TYPE_GRANT,
                || pointer::element("response_types_supported", index),
                || format!(
                    "response type \"{}\" needs the grant type {}, which `grant_types_supported`{defaulted} does not list",
                    response_type.as_str(),
                    super::list(&needed)
                ),
            );
        }
    }

    // XF-2: JARM response modes need JARM signing algorithms.
    let jarm: Vec<&str> = md
        .response_modes_supported
        .iter()
        .flatten()
        .filter(|mode| mode.is_jarm())
        .map(|mode| mode.as_str())
        .collect();
    if !jarm.is_empty() && md.authorization_signing_alg_values_supported.is_none() {
        cx.emit(
            &JARM_ALGS_MISSING,
            "/authorization_signing_alg_values_supported",
            format!("JARM response modes {} are offered, but `authorization_signing_alg_values_supported` is absent", super::list(&jarm)),
        );
    }

    // XF-3: required PAR needs the PAR endpoint.
    if md.require_pushed_authorization_requests == Some(true)
        && md.pushed_authorization_request_endpoint.is_none()
    {
        cx.emit(
            &PAR_REQUIRED_WITHOUT_ENDPOINT,
            "/pushed_authorization_request_endpoint",
            "`pushed_authorization_request_endpoint` is absent, but `require_pushed_authorization_requests` is true",
        );
    }

    // XF-5: required signed request objects need a real signing algorithm.
    if md.require_signed_request_object == Some(true) {
        let usable = md
            .request_object_signing_alg_values_supported
            .iter()
            .flatten()
            .any(|alg| *alg != JwsAlg::None);
        if !usable {
            let state = if md.request_object_signing_alg_values_supported.is_none() {
                "is absent"
            } else {
                "offers no algorithm other than `none`"
            };
            cx.emit(
                &SIGNED_REQUEST_OBJECT_ALGS,
                "/request_object_signing_alg_values_supported",
                format!(
                    "`request_object_signing_alg_values_supported` {state}, but `require_signed_request_object` is true"
                ),
            );
        }
    }

    // XF-7: logout session support without logout support.
    for (session, logout, session_value, logout_value) in [
        (
            "backchannel_logout_session_supported",
            "backchannel_logout_supported",
            md.backchannel_logout_session_supported,
            md.backchannel_logout_supported,
        ),
        (
            "frontchannel_logout_session_supported",
            "frontchannel_logout_supported",
            md.frontchannel_logout_session_supported,
            md.frontchannel_logout_supported,
        ),
    ] {
        if session_value == Some(true) && logout_value != Some(true) {
            // Point at the logout member when it is missing, at the session member when the
            // logout member says `false`.
            let (at, message) = if logout_value.is_none() && !md.has_member(logout) {
                (
                    logout,
                    format!("`{logout}` is absent, but `{session}` is true"),
                )
            } else {
                (
                    session,
                    format!("`{session}` is true, but `{logout}` is not"),
                )
            };
            cx.emit(&LOGOUT_SESSION_WITHOUT_LOGOUT, pointer::member(at), message);
        }
    }

    // XF-8: optional CIBA members without the CIBA endpoint or modes.
    let core = md.backchannel_authentication_endpoint.is_some()
        || md.backchannel_token_delivery_modes_supported.is_some()
        || md
            .grant_types_supported
            .iter()
            .flatten()
            .any(|grant| *grant == GrantType::Ciba);
    if !core {
        for (name, present) in [
            (
                "backchannel_user_code_parameter_supported",
                md.backchannel_user_code_parameter_supported.is_some(),
            ),
            (
                "backchannel_authentication_request_signing_alg_values_supported",
                md.backchannel_authentication_request_signing_alg_values_supported
                    .is_some(),
            ),
        ] {
            if present {
                cx.emit(
                    &CIBA_MEMBER_WITHOUT_ENDPOINT,
                    pointer::member(name),
                    format!("`{name}` is published, but the provider publishes no `backchannel_authentication_endpoint`"),
                );
            }
        }
    }
}

/// The token endpoint authentication methods based on a secret shared with the server, which a
/// client identified by a Client ID Metadata Document must not use
/// (draft-ietf-oauth-client-id-metadata-document-00 §4.1).
const SHARED_SECRET: [ClientAuthMethod; 3] = [
    ClientAuthMethod::ClientSecretBasic,
    ClientAuthMethod::ClientSecretPost,
    ClientAuthMethod::ClientSecretJwt,
];

/// `cimd-auth-methods`: a server that accepts Client ID Metadata Documents offers such clients a
/// way to authenticate at its token endpoint.
fn client_id_metadata_documents(cx: &mut Context<'_>) {
    let md = cx.metadata;
    if !md.effective_client_id_metadata_document_supported() {
        return;
    }
    const METHODS: &str = "token_endpoint_auth_methods_supported";
    // A list of the wrong type is reported by `member-type`, an empty one by `empty-array`.
    if md.token_endpoint_auth_methods_supported.is_none() && md.has_member(METHODS) {
        return;
    }
    let methods = md.effective_token_endpoint_auth_methods();
    if methods.is_empty() || methods.iter().any(|method| !SHARED_SECRET.contains(method)) {
        return;
    }
    let offered = if md.token_endpoint_auth_methods_supported.is_none() {
        format!("`{METHODS}` is absent, so only its default `client_secret_basic` is offered")
    } else {
        let names: Vec<&str> = methods.iter().map(ClientAuthMethod::as_str).collect();
        format!("`{METHODS}` offers only {}", list(&names))
    };
    cx.emit(
        &CIMD_AUTH_METHODS,
        pointer::member(METHODS),
        format!(
            "`client_id_metadata_document_supported` is true, but {offered}: shared-secret methods, which a client identified by a metadata document must not use, so such a client cannot authenticate at the token endpoint"
        ),
    );
}
