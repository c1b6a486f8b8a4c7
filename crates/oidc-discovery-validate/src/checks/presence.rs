//! Required and recommended members (inventory §3.5).

use oidc_discovery_metadata::{
    ClientAuthMethod, ClientRegistrationType, GrantType, TokenDeliveryMode,
};

use super::{Context, absence, list};
use crate::Profile;
use crate::pointer;
use crate::rules::{
    AUTH_SIGNING_ALGS_MISSING, AUTHORIZATION_ENDPOINT_MISSING, CIBA_INCOMPLETE,
    FEDERATION_REGISTRATION_MISSING, ID_TOKEN_ALGS_MISSING, JWKS_URI_MISSING, PKCE_NOT_ADVERTISED,
    RECOMMENDED_MEMBER_MISSING, RESPONSE_TYPES_MISSING, SCOPES_WITHOUT_OPENID,
    SUBJECT_TYPES_MISSING, TOKEN_ENDPOINT_MISSING,
};

pub(crate) fn check(cx: &mut Context<'_>) {
    let md = cx.metadata;
    required(
        cx,
        "response_types_supported",
        md.response_types_supported.is_some(),
        &RESPONSE_TYPES_MISSING,
    );
    if md.jwks_uri.is_none() && cx.applies(&JWKS_URI_MISSING) {
        // REQUIRED by OpenID Connect; expected by FAPI 2.0.
        let spec = if cx.profile == Profile::Fapi2 {
            "FAPI 2.0 Security Profile §5.3.2.1"
        } else {
            OIDC_DISCOVERY
        };
        let why = absence(md, "jwks_uri");
        cx.emit_citing(
            &JWKS_URI_MISSING,
            spec,
            "/jwks_uri",
            format!("`jwks_uri` is {why}; it is required"),
        );
    }
    required(
        cx,
        "subject_types_supported",
        md.subject_types_supported.is_some(),
        &SUBJECT_TYPES_MISSING,
    );
    required(
        cx,
        "id_token_signing_alg_values_supported",
        md.id_token_signing_alg_values_supported.is_some(),
        &ID_TOKEN_ALGS_MISSING,
    );

    let grants = md.effective_grant_types();
    let defaulted = if md.grant_types_supported.is_none() {
        " (the default when `grant_types_supported` is absent)"
    } else {
        ""
    };
    // REQ-4: RFC 8414 needs the authorization endpoint only if a listed grant uses it; OpenID
    // Connect and FAPI 2.0 always need it.
    if md.authorization_endpoint.is_none() {
        let using: Vec<&str> = grants
            .iter()
            .filter(|grant| grant.uses_authorization_endpoint())
            .map(GrantType::as_str)
            .collect();
        let why = absence(md, "authorization_endpoint");
        if cx.profile != Profile::OAuth {
            cx.emit(
                &AUTHORIZATION_ENDPOINT_MISSING,
                "/authorization_endpoint",
                format!("`authorization_endpoint` is {why}; it is required"),
            );
        } else if !using.is_empty() {
            cx.emit(
                &AUTHORIZATION_ENDPOINT_MISSING,
                "/authorization_endpoint",
                format!(
                    "`authorization_endpoint` is {why}, but the grant types {}{defaulted} use it",
                    list(&using)
                ),
            );
        }
    }
    // REQ-3: the token endpoint, unless only the implicit grant (or flow) is supported. With
    // `grant_types_supported` published, that list decides; without it, the response types do
    // (OpenID Connect Discovery §3: "unless only the Implicit Flow is used"): no response type
    // with `code` means no grant that needs the token endpoint.
    // RFC 8414 decides from the effective grant types, whose default includes
    // `authorization_code`; OpenID Connect from the flows the response types allow.
    let needs_token = match &md.grant_types_supported {
        Some(grants) => grants.iter().any(|grant| *grant != GrantType::Implicit),
        None if cx.profile == Profile::Oidc => md
            .response_types_supported
            .as_deref()
            .is_none_or(|types| types.is_empty() || types.iter().any(|t| t.has_code())),
        None => true,
    };
    if md.token_endpoint.is_none() && needs_token {
        let reason = match &md.grant_types_supported {
            Some(grants) => format!(
                "the grant types {} need it",
                list(
                    &grants
                        .iter()
                        .filter(|g| **g != GrantType::Implicit)
                        .map(GrantType::as_str)
                        .collect::<Vec<_>>()
                )
            ),
            None if cx.profile == Profile::Oidc => "a response type with `code` needs it".to_owned(),
            None => "the default grant types (`authorization_code`, `implicit`) apply, and `authorization_code` needs it".to_owned(),
        };
        cx.emit(
            &TOKEN_ENDPOINT_MISSING,
            "/token_endpoint",
            format!(
                "`token_endpoint` is {}; {reason}",
                absence(md, "token_endpoint")
            ),
        );
    }

    // REQ-5: JWT client authentication needs its signing algorithms.
    for (methods_name, methods, algs_name, has_algs) in [
        (
            "token_endpoint_auth_methods_supported",
            &md.token_endpoint_auth_methods_supported,
            "token_endpoint_auth_signing_alg_values_supported",
            md.token_endpoint_auth_signing_alg_values_supported
                .is_some(),
        ),
        (
            "revocation_endpoint_auth_methods_supported",
            &md.revocation_endpoint_auth_methods_supported,
            "revocation_endpoint_auth_signing_alg_values_supported",
            md.revocation_endpoint_auth_signing_alg_values_supported
                .is_some(),
        ),
    ] {
        let jwt: Vec<&str> = methods
            .iter()
            .flatten()
            .filter(|method| method.requires_signing_alg_values())
            .map(ClientAuthMethod::as_str)
            .collect();
        if !jwt.is_empty() && !has_algs {
            cx.emit(
                &AUTH_SIGNING_ALGS_MISSING,
                pointer::member(algs_name),
                format!(
                    "`{algs_name}` is absent, but `{methods_name}` lists {}, which need it",
                    list(&jwt)
                ),
            );
        }
    }
    let introspection_jwt: Vec<&str> = md
        .introspection_endpoint_auth_methods_supported
        .iter()
        .flatten()
        .filter(|method| matches!(method.as_str(), "private_key_jwt" | "client_secret_jwt"))
        .map(|method| method.as_str())
        .collect();
    if !introspection_jwt.is_empty()
        && md
            .introspection_endpoint_auth_signing_alg_values_supported
            .is_none()
    {
        cx.emit(
            &AUTH_SIGNING_ALGS_MISSING,
            "/introspection_endpoint_auth_signing_alg_values_supported",
            format!(
                "`introspection_endpoint_auth_signing_alg_values_supported` is absent, but `introspection_endpoint_auth_methods_supported` lists {}, which need it",
                list(&introspection_jwt)
            ),
        );
    }

    recommended(cx);
    ciba(cx);

    // REQ-9: explicit federation registration needs its endpoint.
    let explicit = md
        .client_registration_types_supported
        .iter()
        .flatten()
        .any(|t| *t == ClientRegistrationType::Explicit);
    if explicit && md.federation_registration_endpoint.is_none() {
        cx.emit(
            &FEDERATION_REGISTRATION_MISSING,
            "/federation_registration_endpoint",
            "`client_registration_types_supported` includes `explicit`, but `federation_registration_endpoint` is absent",
        );
    }

    // REQ-11: an OpenID Provider supports `openid`.
    if let Some(scopes) = &md.scopes_supported {
        if !scopes.is_empty() && !scopes.iter().any(|scope| scope == "openid") {
            cx.emit(
                &SCOPES_WITHOUT_OPENID,
                "/scopes_supported",
                "`scopes_supported` does not list `openid`, which every OpenID Provider supports",
            );
        }
    }

    // REQ-12: PKCE support should be detectable.
    if md.code_challenge_methods_supported.is_none()
        && !cx.metadata.has_member("code_challenge_methods_supported")
    {
        cx.emit(
            &PKCE_NOT_ADVERTISED,
            "/code_challenge_methods_supported",
            "`code_challenge_methods_supported` is absent, so clients must assume PKCE is not supported",
        );
    }
}

fn required(cx: &mut Context<'_>, name: &str, present: bool, rule: &'static crate::Rule) {
    if !present && cx.applies(rule) {
        let why = absence(cx.metadata, name);
        cx.emit(
            rule,
            pointer::member(name),
            format!("`{name}` is {why}; it is required"),
        );
    }
}

/// The specification that makes OpenID Provider metadata members RECOMMENDED.
const OIDC_DISCOVERY: &str = "OpenID Connect Discovery 1.0 §3";

fn recommended(cx: &mut Context<'_>) {
    let md = cx.metadata;
    // Each member with the specification that recommends it under this profile: RFC 8414
    // recommends only `scopes_supported`; OpenID Connect Discovery recommends it too, and the
    // others, which RFC 8414 does not define.
    let mut names = vec![(
        "scopes_supported",
        md.scopes_supported.is_some(),
        if cx.profile == Profile::Oidc {
            OIDC_DISCOVERY
        } else {
            "RFC 8414 §2"
        },
    )];
    if cx.profile == Profile::Oidc {
        names.extend([
            (
                "userinfo_endpoint",
                md.userinfo_endpoint.is_some(),
                OIDC_DISCOVERY,
            ),
            (
                "registration_endpoint",
                md.registration_endpoint.is_some(),
                OIDC_DISCOVERY,
            ),
            (
                "claims_supported",
                md.claims_supported.is_some(),
                OIDC_DISCOVERY,
            ),
        ]);
    }
    for (name, present, spec) in names {
        if !present && !md.has_member(name) {
            cx.emit_citing(
                &RECOMMENDED_MEMBER_MISSING,
                spec,
                pointer::member(name),
                format!("`{name}` is absent; it is RECOMMENDED"),
            );
        }
    }
}

/// REQ-7 (and XF-8, in `cross_field`): CIBA.
fn ciba(cx: &mut Context<'_>) {
    let md = cx.metadata;
    let modes = md.backchannel_token_delivery_modes_supported.as_deref();
    let grant = md
        .grant_types_supported
        .iter()
        .flatten()
        .any(|grant| *grant == GrantType::Ciba);
    let core = md.backchannel_authentication_endpoint.is_some() || modes.is_some() || grant;
    if !core {
        return;
    }
    if md.backchannel_authentication_endpoint.is_none() {
        cx.emit(
            &CIBA_INCOMPLETE,
            "/backchannel_authentication_endpoint",
            "the provider publishes CIBA members, but `backchannel_authentication_endpoint` is absent",
        );
    }
    match modes {
        None | Some([]) => cx.emit(
            &CIBA_INCOMPLETE,
            "/backchannel_token_delivery_modes_supported",
            "the provider publishes CIBA members, but `backchannel_token_delivery_modes_supported` is absent or empty",
        ),
        Some(modes) => {
            let polling = modes
                .iter()
                .any(|mode| matches!(mode, TokenDeliveryMode::Poll | TokenDeliveryMode::Ping));
            if polling && !grant {
                cx.emit(
                    &CIBA_INCOMPLETE,
                    "/grant_types_supported",
                    "`poll` or `ping` delivery is offered, but `grant_types_supported` does not list `urn:openid:params:grant-type:ciba`",
                );
            }
        }
    }
}
