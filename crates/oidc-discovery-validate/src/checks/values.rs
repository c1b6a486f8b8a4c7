//! Values outside their registries, and language tag syntax.

use oidc_discovery_metadata::{
    BearerMethod, GrantType, JweEnc, JwsAlg, LanguageTag, ProtectedResourceMetadata,
};

use super::{Context, Judge};
use crate::pointer;
use crate::rules::{BEARER_METHOD_UNKNOWN, LOCALE_SYNTAX, SCOPE_SYNTAX, VALUE_UNREGISTERED};

/// Why `scope` is not an RFC 6749 §3.3 scope token (`1*( %x21 / %x23-5B / %x5D-7E )`).
fn scope_token_problem(scope: &str) -> Option<String> {
    if scope.is_empty() {
        return Some("it is empty".to_owned());
    }
    let bad = scope
        .chars()
        .find(|&c| !matches!(c, '\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e'))?;
    Some(match bad {
        ' ' => "it contains a space, which separates scope tokens".to_owned(),
        '"' | '\\' => format!("it contains `{bad}`, which a scope token cannot contain"),
        other => format!(
            "it contains {}; a scope token is printable ASCII",
            super::urls::describe_character(other)
        ),
    })
}

/// A likely intended value for an unregistered one.
fn suggestion(member: &str, value: &str, known: &[&str]) -> Option<String> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(value)) {
        return Some(format!("`{same}` (values are case-sensitive)"));
    }
    if member.ends_with("_enc_values_supported") {
        let dashed = value.replace('+', "-");
        if JweEnc::known(&dashed).is_some() {
            return Some(format!("`{dashed}` (the registered spelling)"));
        }
    }
    if member == "grant_types_supported" {
        let urn = known
            .iter()
            .find(|k| k.starts_with("urn:") && k.ends_with(&format!(":{value}")));
        if let Some(urn) = urn {
            return Some(format!("`{urn}`"));
        }
    }
    None
}

/// `value-unregistered` for `value` at `index` of `member`, unless another rule reports it;
/// `known` (the member's registered values) is listed only for a problem a report keeps.
fn unregistered<D>(
    cx: &mut Context<'_, D>,
    member: &'static str,
    index: usize,
    value: &str,
    known: impl FnOnce() -> Vec<&'static str>,
) {
    // Prohibited values and values of another algorithm family are reported by
    // `alg-prohibited` and `alg-wrong-family` instead.
    if super::algorithms::PROHIBITED.contains(&value) {
        return;
    }
    if member.contains("_alg_values_") || member.contains("_enc_values_") {
        use oidc_discovery_metadata::{JweAlg, JwsAlg};
        if JwsAlg::known(value).is_some()
            || JweAlg::known(value).is_some()
            || JweEnc::known(value).is_some()
        {
            return;
        }
    }
    // Access token types are registered values of the introspection methods.
    if member == "introspection_endpoint_auth_methods_supported"
        && oidc_discovery_metadata::AccessTokenType::known(value).is_some()
    {
        return;
    }
    cx.emit(
        &VALUE_UNREGISTERED,
        || pointer::element(member, index),
        || {
            let hint = suggestion(member, value, &known())
                .map(|s| format!("; did you mean {s}?"))
                .unwrap_or_default();
            format!("`{value}` in `{member}` is not a registered value{hint}")
        },
    );
}

/// The values of any document: scope tokens and the language tags of member names.
pub(crate) fn check<D: Judge>(cx: &mut Context<'_, D>) {
    let md = cx.metadata;
    // Scope values: RFC 6749 §3.3 scope tokens.
    for (index, scope) in md.scopes_supported().into_iter().flatten().enumerate() {
        if let Some(why) = scope_token_problem(scope) {
            cx.emit(
                &SCOPE_SYNTAX,
                || pointer::element("scopes_supported", index),
                || format!("\"{scope}\" in `scopes_supported` is not a scope token: {why}"),
            );
        }
    }
    // A known human-readable member with an empty tag (`resource_name#`) is not read as a
    // tagged variant; it is kept as an unknown member, and its tag is malformed all the same.
    for (name, _) in md.unknown_members() {
        if let Some(base) = name.strip_suffix('#')
            && D::member_info(base).is_some_and(|info| info.localizable)
        {
            cx.emit(&LOCALE_SYNTAX, pointer::member(name), || {
                format!("the tag of `{name}` is empty; it must be a BCP 47 language tag")
            });
        }
    }
    md.for_each_member(|member| {
        if let Some(tag) = member.tag {
            if !LanguageTag::new(tag).is_well_formed() {
                let name = member.json_name();
                cx.emit(
                    &LOCALE_SYNTAX,
                    || pointer::member(&name),
                    || {
                        format!(
                            "the tag \"{tag}\" of `{name}` is not a well-formed BCP 47 language tag"
                        )
                    },
                );
            }
        }
    });
}

/// The values of a protected resource's document: bearer methods (RFC 6750 §2) and algorithms
/// outside their registry.
pub(crate) fn resource(cx: &mut Context<'_, ProtectedResourceMetadata>) {
    let md = cx.metadata;
    for (index, method) in md.bearer_methods_supported.iter().flatten().enumerate() {
        if !method.is_known() {
            let value = method.as_str();
            cx.emit(
                &BEARER_METHOD_UNKNOWN,
                || pointer::element("bearer_methods_supported", index),
                || {
                    let known: Vec<&str> = BearerMethod::KNOWN.iter().map(BearerMethod::as_str).collect();
                    let hint = suggestion("bearer_methods_supported", value, &known)
                        .or_else(|| (value == "form").then(|| "`body` (the form-encoded body method of RFC 6750 §2.2)".to_owned()))
                        .map(|s| format!("; did you mean {s}?"))
                        .unwrap_or_default();
                    format!("`{value}` in `bearer_methods_supported` is not a bearer token method of RFC 6750 §2 (`header`, `body`, `query`); clients do not know it{hint}")
                },
            );
        }
    }
    for (member, values) in [
        (
            "resource_signing_alg_values_supported",
            &md.resource_signing_alg_values_supported,
        ),
        (
            "dpop_signing_alg_values_supported",
            &md.dpop_signing_alg_values_supported,
        ),
    ] {
        for (index, value) in values.iter().flatten().enumerate() {
            if !value.is_known() {
                unregistered(cx, member, index, value.as_str(), || {
                    JwsAlg::KNOWN.iter().map(JwsAlg::as_str).collect()
                });
            }
        }
    }
}

/// The values of a provider's document: registered values of its lists and locale lists.
pub(crate) fn provider(cx: &mut Context<'_>) {
    let md = cx.metadata;
    macro_rules! scan {
        ($($field:ident: $ty:ty),+ $(,)?) => {$(
            for (index, value) in md.$field.iter().flatten().enumerate() {
                if !value.is_known() {
                    unregistered(cx, stringify!($field), index, value.as_str(), || {
                        <$ty>::KNOWN.iter().map(<$ty>::as_str).collect()
                    });
                }
            }
        )+};
    }
    scan!(
        grant_types_supported: GrantType,
        response_modes_supported: oidc_discovery_metadata::ResponseMode,
        token_endpoint_auth_methods_supported: oidc_discovery_metadata::ClientAuthMethod,
        revocation_endpoint_auth_methods_supported: oidc_discovery_metadata::ClientAuthMethod,
        introspection_endpoint_auth_methods_supported: oidc_discovery_metadata::ClientAuthMethod,
        code_challenge_methods_supported: oidc_discovery_metadata::PkceMethod,
        subject_types_supported: oidc_discovery_metadata::SubjectType,
        claim_types_supported: oidc_discovery_metadata::ClaimType,
        display_values_supported: oidc_discovery_metadata::Display,
        prompt_values_supported: oidc_discovery_metadata::Prompt,
        backchannel_token_delivery_modes_supported: oidc_discovery_metadata::TokenDeliveryMode,
        client_registration_types_supported: oidc_discovery_metadata::ClientRegistrationType,
        id_token_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        userinfo_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        request_object_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        token_endpoint_auth_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        revocation_endpoint_auth_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        introspection_endpoint_auth_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        dpop_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        introspection_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        backchannel_authentication_request_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        authorization_signing_alg_values_supported: oidc_discovery_metadata::JwsAlg,
        id_token_encryption_alg_values_supported: oidc_discovery_metadata::JweAlg,
        userinfo_encryption_alg_values_supported: oidc_discovery_metadata::JweAlg,
        request_object_encryption_alg_values_supported: oidc_discovery_metadata::JweAlg,
        introspection_encryption_alg_values_supported: oidc_discovery_metadata::JweAlg,
        authorization_encryption_alg_values_supported: oidc_discovery_metadata::JweAlg,
        id_token_encryption_enc_values_supported: oidc_discovery_metadata::JweEnc,
        userinfo_encryption_enc_values_supported: oidc_discovery_metadata::JweEnc,
        request_object_encryption_enc_values_supported: oidc_discovery_metadata::JweEnc,
        introspection_encryption_enc_values_supported: oidc_discovery_metadata::JweEnc,
        authorization_encryption_enc_values_supported: oidc_discovery_metadata::JweEnc,
    );

    // Language tags: locale lists and tagged member names.
    for member in ["ui_locales_supported", "claims_locales_supported"] {
        let tags: &[LanguageTag] = match member {
            "ui_locales_supported" => md.ui_locales_supported.as_deref().unwrap_or_default(),
            _ => md.claims_locales_supported.as_deref().unwrap_or_default(),
        };
        for (index, tag) in tags
            .iter()
            .enumerate()
            .filter(|(_, tag)| !tag.is_well_formed())
        {
            cx.emit(
                &LOCALE_SYNTAX,
                || pointer::element(member, index),
                || format!("\"{tag}\" in `{member}` is not a well-formed BCP 47 language tag"),
            );
        }
    }
}
