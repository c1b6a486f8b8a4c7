//! The `issuer` member (inventory §3.1) and its match with the expected issuer (§3.3).

use super::urls::{is_loopback, loopback_verdict, parse_strict, plain_https};
use super::{Context, absence};
use crate::Rule;
use crate::issuer::{TENANT_PLACEHOLDER, match_issuer};
use crate::rules::{
    HTTP_LOOPBACK, ISSUER_HTTPS, ISSUER_MATCH_RELAXED, ISSUER_MISMATCH, ISSUER_MISSING,
    ISSUER_NOT_URL, ISSUER_QUERY_FRAGMENT, ISSUER_TEMPLATE, ISSUER_USERINFO, ISSUER_WELL_KNOWN,
};
use crate::well_known::WellKnownError;

const POINTER: &str = "/issuer";

pub(crate) fn check(cx: &mut Context<'_>) {
    let Some(issuer) = cx
        .metadata
        .issuer
        .as_ref()
        .map(|issuer| issuer.as_str().to_owned())
    else {
        let why = absence(cx.metadata, "issuer");
        cx.emit(
            &ISSUER_MISSING,
            POINTER,
            format!("`issuer` is {why}; it is required"),
        );
        return;
    };

    let mut tenant: Option<String> = None;
    if let Some(expected) = cx.options.expected_issuer.clone() {
        match match_issuer(&expected, &issuer, &cx.options.issuer_match) {
            Ok(matched) => {
                if let Some(relaxation) = matched.relaxation {
                    tenant = relaxation.tenant().map(str::to_owned);
                    cx.emit(
                        &ISSUER_MATCH_RELAXED,
                        POINTER,
                        format!(
                            "`issuer` \"{issuer}\" matches \"{expected}\" only because {relaxation}"
                        ),
                    );
                }
            }
            Err(mismatch) => cx.emit(&ISSUER_MISMATCH, POINTER, mismatch.to_string()),
        }
    }
    identifier(cx, "`issuer`", POINTER, &issuer, tenant.as_deref(), false);
}

/// Judges `issuer` as an issuer identifier (an `https` URL with a host, no query, no fragment,
/// no user information, from which the well-known metadata URLs can be built): the `issuer` of
/// a provider's document, or an entry of a protected resource's `authorization_servers`
/// (RFC 9728 §2, PR-AS-2). `name` names it in messages and `pointer` points at it; `tenant` is
/// the tenant a template matched through the opt-in relaxation, if it did.
pub(crate) fn identifier<D>(
    cx: &mut Context<'_, D>,
    name: &str,
    pointer: &str,
    issuer: &str,
    tenant: Option<&str>,
    of_resource: bool,
) {
    // Each rule cites the specifications of both documents; a problem, the one at hand.
    let cite = |rule: &'static Rule| {
        if of_resource {
            rule.spec
        } else {
            crate::rules::provider_spec(rule)
        }
    };
    // A template is an error unless it matched the expected issuer through the opt-in
    // relaxation; either way the rest of the issuer is checked, with the template filled in.
    // Whether an error about the issuer's form has been reported (which then also explains why
    // no well-known URL can be built from it).
    let mut explained = false;
    let mut checked = issuer.to_owned();
    if issuer.contains('{') || issuer.contains('}') {
        match tenant {
            Some(tenant) => checked = issuer.replace(TENANT_PLACEHOLDER, tenant),
            None => {
                explained = true;
                cx.emit_citing(
                    &ISSUER_TEMPLATE,
                    cite(&ISSUER_TEMPLATE),
                    pointer,
                    format!("{name} \"{issuer}\" is a template, not an identifier: no token's `iss` can equal it"),
                );
                checked = issuer.replace(TENANT_PLACEHOLDER, "tenant");
            }
        }
    }
    // Nothing to report below for another kind of template (already reported), or for an
    // everyday https issuer (a host, no user information).
    let url = if checked.contains('{') || checked.contains('}') || plain_https(&checked) {
        None
    } else {
        match parse_strict(&checked) {
            Ok(url) if url.host_str().is_some_and(|host| !host.is_empty()) => Some(url),
            Ok(_) => {
                explained = true;
                cx.emit_citing(
                    &ISSUER_NOT_URL,
                    cite(&ISSUER_NOT_URL),
                    pointer,
                    format!("{name} \"{issuer}\" has no host"),
                );
                None
            }
            Err(why) => {
                explained = true;
                cx.emit_citing(
                    &ISSUER_NOT_URL,
                    cite(&ISSUER_NOT_URL),
                    pointer,
                    format!("{name} \"{issuer}\" is not a valid absolute URL: {why}"),
                );
                None
            }
        }
    };
    if let Some(url) = &url {
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(url) => {
                if let Some(severity) = cx.severity(&HTTP_LOOPBACK) {
                    cx.emit(
                        &HTTP_LOOPBACK,
                        pointer,
                        format!("{name} \"{issuer}\" {}", loopback_verdict(severity)),
                    );
                }
            }
            scheme => cx.emit_citing(
                &ISSUER_HTTPS,
                cite(&ISSUER_HTTPS),
                pointer,
                format!("{name} \"{issuer}\" uses the {scheme} scheme; it must use https"),
            ),
        }
        if !url.username().is_empty() || url.password().is_some() {
            explained |= ISSUER_USERINFO.severity(cx.profile) == Some(crate::Severity::Error);
            cx.emit_citing(
                &ISSUER_USERINFO,
                cite(&ISSUER_USERINFO),
                pointer,
                format!("{name} \"{issuer}\" carries user information (`user@`)"),
            );
        }
    }
    if issuer.contains('?') || issuer.contains('#') {
        explained = true;
        cx.emit_citing(
            &ISSUER_QUERY_FRAGMENT,
            cite(&ISSUER_QUERY_FRAGMENT),
            pointer,
            format!("{name} \"{issuer}\" has a query or fragment component"),
        );
    }
    // The metadata URLs are built from the issuer's text (WK-1, WK-2); what the construction
    // refuses and no error above explains makes the document undiscoverable (and unservable).
    if !explained {
        // (Every well-known URL is built from the same checked parts.)
        if let Err(WellKnownError::InvalidIssuer { problem, .. }) =
            crate::well_known::issuer_parts(&checked)
        {
            cx.emit_citing(
                &ISSUER_WELL_KNOWN,
                cite(&ISSUER_WELL_KNOWN),
                pointer,
                format!("{name} \"{issuer}\" gives no well-known metadata URL: it {problem}"),
            );
        }
    }
}
