//! Algorithm lists (inventory §3.6 and §2.10).

use oidc_discovery_metadata::{
    JweAlg, JweEnc, JwsAlg, ProtectedResourceMetadata, ProviderMetadata,
};

use super::{Context, Judge};
use crate::pointer;
use crate::rules::{
    ALG_DEPRECATED, ALG_PROHIBITED, ALG_WRONG_FAMILY, AUTH_SIGNING_ALG_NONE, AUTH_SIGNING_RS256,
    DPOP_ALG_ASYMMETRIC, ENC_WITHOUT_ALG, ID_TOKEN_NONE, ID_TOKEN_RS256, JARM_ALG_NONE,
    REQUEST_OBJECT_ALGS, RESOURCE_SIGNING_ALG_NONE,
};

/// Registry entries whose usage is JWK only: Prohibited as `alg` or `enc` values.
pub(crate) const PROHIBITED: [&str; 8] = [
    "RS1", "HS1", "A128CBC", "A192CBC", "A256CBC", "A128CTR", "A192CTR", "A256CTR",
];

/// The three families of algorithm lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Jws,
    JweAlg,
    JweEnc,
}

impl Family {
    fn describe(self) -> &'static str {
        match self {
            Self::Jws => "a JWS signing algorithm",
            Self::JweAlg => "a JWE key-management algorithm",
            Self::JweEnc => "a JWE content-encryption algorithm",
        }
    }

    fn of(value: &str) -> Option<Self> {
        if JwsAlg::known(value).is_some() {
            Some(Self::Jws)
        } else if JweAlg::known(value).is_some() {
            Some(Self::JweAlg)
        } else if JweEnc::known(value).is_some() {
            Some(Self::JweEnc)
        } else {
            None
        }
    }
}

/// An algorithm member, its family, and its values (each with whether it is registered).
pub(crate) type AlgList<'a> = (&'static str, Family, Vec<(&'a str, bool)>);

/// Every algorithm list of a provider's document with its family, as (member, values borrowed
/// from the document, each with whether it is a registered value of the list's own type).
pub(crate) fn provider_lists(md: &ProviderMetadata) -> Vec<AlgList<'_>> {
    let mut lists = Vec::new();
    macro_rules! add {
        ($family:expr => $($field:ident),+) => {$(
            if let Some(values) = &md.$field {
                lists.push((
                    stringify!($field),
                    $family,
                    values.iter().map(|v| (v.as_str(), v.is_known())).collect(),
                ));
            }
        )+};
    }
    add!(Family::Jws =>
        id_token_signing_alg_values_supported,
        userinfo_signing_alg_values_supported,
        request_object_signing_alg_values_supported,
        token_endpoint_auth_signing_alg_values_supported,
        revocation_endpoint_auth_signing_alg_values_supported,
        introspection_endpoint_auth_signing_alg_values_supported,
        dpop_signing_alg_values_supported,
        introspection_signing_alg_values_supported,
        backchannel_authentication_request_signing_alg_values_supported,
        authorization_signing_alg_values_supported,
        nfv_token_signing_alg_values_supported
    );
    add!(Family::JweAlg =>
        id_token_encryption_alg_values_supported,
        userinfo_encryption_alg_values_supported,
        request_object_encryption_alg_values_supported,
        introspection_encryption_alg_values_supported,
        authorization_encryption_alg_values_supported,
        nfv_token_encryption_alg_values_supported
    );
    add!(Family::JweEnc =>
        id_token_encryption_enc_values_supported,
        userinfo_encryption_enc_values_supported,
        request_object_encryption_enc_values_supported,
        introspection_encryption_enc_values_supported,
        authorization_encryption_enc_values_supported,
        nfv_token_encryption_enc_values_supported
    );
    lists
}

/// The algorithm lists of a protected resource's document (RFC 9728 §2): both hold JWS `alg`
/// values.
pub(crate) fn resource_lists(md: &ProtectedResourceMetadata) -> Vec<AlgList<'_>> {
    [
        (
            "resource_signing_alg_values_supported",
            &md.resource_signing_alg_values_supported,
        ),
        (
            "dpop_signing_alg_values_supported",
            &md.dpop_signing_alg_values_supported,
        ),
    ]
    .into_iter()
    .filter_map(|(member, values)| {
        let values = values.as_ref()?;
        Some((
            member,
            Family::Jws,
            values.iter().map(|v| (v.as_str(), v.is_known())).collect(),
        ))
    })
    .collect()
}

/// The rules of every algorithm list, whatever the document: families, prohibited and
/// deprecated values, `none` and symmetric algorithms where they are forbidden.
pub(crate) fn check<D: Judge>(cx: &mut Context<'_, D>) {
    let md = cx.metadata;
    for (member, family, values) in md.algorithm_lists() {
        // Once per list, not per `EdDSA`: a list may hold many.
        let lists_ed25519 = values.iter().any(|&(other, _)| other == "Ed25519");
        for (index, &(value, known)) in values.iter().enumerate() {
            // Built only when a problem is reported.
            let at = || pointer::element(member, index);
            if PROHIBITED.contains(&value) {
                cx.emit(&ALG_PROHIBITED, at, || format!("`{value}` in `{member}` is a JWK-only registry entry, Prohibited as an algorithm"));
                continue;
            }
            // A registered JWS algorithm is of the first family `Family::of` tries.
            let found = if known && family == Family::Jws {
                Some(Family::Jws)
            } else {
                Family::of(value)
            };
            match found {
                Some(found) if found != family => cx.emit(&ALG_WRONG_FAMILY, at, || {
                    format!(
                        "`{value}` in `{member}` is {}, but `{member}` lists {}",
                        found.describe(),
                        family.describe()
                    )
                }),
                _ => {}
            }
            if family == Family::Jws && value == "EdDSA" {
                let advice = if lists_ed25519 {
                    "`Ed25519`, which replaces it, is listed too, so `EdDSA` serves only verifiers that do not know `Ed25519` yet"
                } else {
                    "list `Ed25519` (and `Ed448`) instead"
                };
                cx.emit(&ALG_DEPRECATED, at, || {
                    format!("`EdDSA` in `{member}` is deprecated by RFC 9864; {advice}")
                });
            }
        }
        // ALG-3, ALG-6, ALG-7: `none` (and symmetric algorithms) where they are forbidden.
        for (index, &(value, _)) in values.iter().enumerate() {
            // Built only when a problem is reported.
            let at = || pointer::element(member, index);
            match member {
                "token_endpoint_auth_signing_alg_values_supported"
                | "revocation_endpoint_auth_signing_alg_values_supported"
                | "introspection_endpoint_auth_signing_alg_values_supported"
                    if value == "none" =>
                {
                    cx.emit(&AUTH_SIGNING_ALG_NONE, at, || format!("`none` is listed in `{member}`; an unsigned client assertion authenticates nobody"));
                }
                "dpop_signing_alg_values_supported"
                    if value == "none" || JwsAlg::parse(value).is_symmetric() =>
                {
                    cx.emit(&DPOP_ALG_ASYMMETRIC, at, || format!("`{value}` in `dpop_signing_alg_values_supported` is not an asymmetric algorithm"));
                }
                "authorization_signing_alg_values_supported" if value == "none" => {
                    cx.emit(&JARM_ALG_NONE, at, "`none` is listed in `authorization_signing_alg_values_supported`; JARM responses must be signed");
                }
                "resource_signing_alg_values_supported" if value == "none" => {
                    cx.emit(&RESOURCE_SIGNING_ALG_NONE, at, "`none` is listed in `resource_signing_alg_values_supported`; a protected resource's signed responses must be signed");
                }
                _ => {}
            }
        }
    }
}

/// The rules of a provider's own algorithm members.
pub(crate) fn provider(cx: &mut Context<'_>) {
    let md = cx.metadata;
    // ALG-1 and ALG-2: ID Token algorithms.
    if let Some(algs) = &md.id_token_signing_alg_values_supported {
        if !algs.is_empty() && !algs.contains(&JwsAlg::Rs256) {
            cx.emit(&ID_TOKEN_RS256, "/id_token_signing_alg_values_supported", "`id_token_signing_alg_values_supported` does not include `RS256`, which OpenID Connect Discovery requires (Core §15.1 allows exceptions)");
        }
        if let Some(index) = algs.iter().position(|alg| *alg == JwsAlg::None) {
            let front_channel: Vec<&str> = md
                .response_types_supported
                .iter()
                .flatten()
                .filter(|rt| rt.has_id_token())
                .map(|rt| rt.as_str())
                .collect();
            if !front_channel.is_empty() {
                cx.emit(
                    &ID_TOKEN_NONE,
                    pointer::element("id_token_signing_alg_values_supported", index),
                    format!("`none` is listed for ID Tokens, but the response types {} return ID Tokens from the authorization endpoint, where unsigned ID Tokens must not be used", super::list(&front_channel)),
                );
            }
        }
    }
    // ALG-4: RS256 for JWT client authentication.
    if let Some(algs) = &md.token_endpoint_auth_signing_alg_values_supported {
        if !algs.is_empty() && !algs.contains(&JwsAlg::Rs256) {
            cx.emit(&AUTH_SIGNING_RS256, "/token_endpoint_auth_signing_alg_values_supported", "`token_endpoint_auth_signing_alg_values_supported` does not include `RS256`, which servers SHOULD support");
        }
    }
    // ALG-5: request objects.
    if let Some(algs) = &md.request_object_signing_alg_values_supported {
        let missing: Vec<&str> = [JwsAlg::None, JwsAlg::Rs256]
            .iter()
            .filter(|alg| !algs.contains(alg))
            .map(JwsAlg::as_str)
            .collect();
        if !algs.is_empty() && !missing.is_empty() {
            cx.emit(&REQUEST_OBJECT_ALGS, "/request_object_signing_alg_values_supported", format!("`request_object_signing_alg_values_supported` lacks {}, which servers SHOULD support", super::list(&missing)));
        }
    }
    // ALG-10: an `enc` list without its `alg` list.
    for (enc, alg, has_enc, has_alg) in [
        (
            "id_token_encryption_enc_values_supported",
            "id_token_encryption_alg_values_supported",
            md.id_token_encryption_enc_values_supported.is_some(),
            md.id_token_encryption_alg_values_supported.is_some(),
        ),
        (
            "userinfo_encryption_enc_values_supported",
            "userinfo_encryption_alg_values_supported",
            md.userinfo_encryption_enc_values_supported.is_some(),
            md.userinfo_encryption_alg_values_supported.is_some(),
        ),
        (
            "request_object_encryption_enc_values_supported",
            "request_object_encryption_alg_values_supported",
            md.request_object_encryption_enc_values_supported.is_some(),
            md.request_object_encryption_alg_values_supported.is_some(),
        ),
        (
            "introspection_encryption_enc_values_supported",
            "introspection_encryption_alg_values_supported",
            md.introspection_encryption_enc_values_supported.is_some(),
            md.introspection_encryption_alg_values_supported.is_some(),
        ),
        (
            "authorization_encryption_enc_values_supported",
            "authorization_encryption_alg_values_supported",
            md.authorization_encryption_enc_values_supported.is_some(),
            md.authorization_encryption_alg_values_supported.is_some(),
        ),
        (
            "nfv_token_encryption_enc_values_supported",
            "nfv_token_encryption_alg_values_supported",
            md.nfv_token_encryption_enc_values_supported.is_some(),
            md.nfv_token_encryption_alg_values_supported.is_some(),
        ),
    ] {
        if has_enc && !has_alg {
            cx.emit(
                &ENC_WITHOUT_ALG,
                pointer::member(alg),
                format!("`{alg}` is absent, but `{enc}` is present"),
            );
        }
    }
}
