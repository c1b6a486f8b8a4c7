//! Protected resources (RFC 9728): resource identifiers (RFC 9728 §1.2) wherever a document
//! holds one — each entry of an authorization server's `protected_resources` (RFC 9728 §4;
//! inventory PR-XC-2) and the `resource` of a protected resource's document (PR-RES-1 to
//! PR-RES-5) — and the members of a protected resource's document that only it has: the match
//! with the resource the client expected (RFC 9728 §3.3; PR-VAL-1 to PR-VAL-3), its
//! authorization servers (PR-AS-2) and its RECOMMENDED members.

use oidc_discovery_metadata::ProtectedResourceMetadata;

use super::urls::{is_loopback, loopback_verdict, parse_strict, plain_https};
use super::{Context, absence};
use crate::pointer;
use crate::rules::{
    HTTP_LOOPBACK, RECOMMENDED_MEMBER_MISSING, RESOURCE_FRAGMENT, RESOURCE_HTTPS,
    RESOURCE_MISMATCH, RESOURCE_MISSING, RESOURCE_NOT_URL, RESOURCE_QUERY, RESOURCE_USERINFO,
};
use crate::{ExpectedResource, ResourceOrigin};

/// The specification that defines a protected resource's members.
const RFC_9728: &str = "RFC 9728 §2";

/// A protected resource's document: `resource` (present, an identifier, the one expected),
/// `authorization_servers` (issuer identifiers) and the RECOMMENDED members.
pub(crate) fn document(cx: &mut Context<'_, ProtectedResourceMetadata>) {
    let md = cx.metadata;
    match md.resource.as_ref() {
        None => {
            let why = absence(md, "resource");
            cx.emit(
                &RESOURCE_MISSING,
                "/resource",
                format!("`resource` is {why}; it is required"),
            );
        }
        Some(resource) => {
            let resource = resource.as_str();
            identifier(
                cx,
                || "`resource`".to_owned(),
                || "/resource".to_owned(),
                resource,
            );
            if let Some(expected) = &cx.options.expected_resource
                && expected.url != resource
            {
                cx.emit(
                    &RESOURCE_MISMATCH,
                    "/resource",
                    mismatch(expected, resource),
                );
            }
        }
    }
    for (index, server) in md.authorization_servers.iter().flatten().enumerate() {
        let name = format!("`authorization_servers[{index}]`");
        let at = pointer::element("authorization_servers", index);
        super::issuer::identifier(cx, &name, &at, server.as_str(), None, true);
    }
    for name in ["scopes_supported", "resource_name"] {
        if !md.has_member(name) {
            cx.emit_citing(
                &RECOMMENDED_MEMBER_MISSING,
                RFC_9728,
                pointer::member(name),
                format!("`{name}` is absent; it is RECOMMENDED"),
            );
        }
    }
}

/// Why `resource` is not the resource the client expected, naming both strings and where the
/// expected one comes from.
fn mismatch(expected: &ExpectedResource, resource: &str) -> String {
    let wanted = &expected.url;
    let origin = match expected.origin {
        ResourceOrigin::Identifier => {
            "the resource identifier the metadata URL was built from (RFC 9728 §3.3)"
        }
        ResourceOrigin::Challenge => {
            "the URL of the request whose `WWW-Authenticate` challenge pointed to this metadata (RFC 9728 §3.3)"
        }
    };
    let hint = if wanted.trim_end_matches('/') == resource.trim_end_matches('/') {
        "; they differ only by a trailing slash, which is a different identifier"
    } else if wanted.eq_ignore_ascii_case(resource) {
        "; they differ only in letter case, which is a different identifier"
    } else {
        ""
    };
    format!(
        "`resource` \"{resource}\" is not identical to \"{wanted}\", {origin}{hint}: the client must not use this metadata"
    )
}

pub(crate) fn check(cx: &mut Context<'_>) {
    let metadata = cx.metadata;
    for (index, entry) in metadata.protected_resources.iter().flatten().enumerate() {
        identifier(
            cx,
            || format!("`protected_resources[{index}]`"),
            || pointer::element("protected_resources", index),
            entry.as_str(),
        );
    }
}

/// Judges `raw` as a resource identifier: an absolute `https` URL with a host, no fragment, no
/// user information, and preferably no query (RFC 9728 §1.2; RFC 8707 §2). `what` names the
/// value in messages (`` `protected_resources[0]` ``); it and `pointer` are built only for a
/// problem.
pub(crate) fn identifier<D>(
    cx: &mut Context<'_, D>,
    what: impl Fn() -> String,
    pointer: impl Fn() -> String,
    raw: &str,
) {
    if raw.contains('#') {
        cx.emit(&RESOURCE_FRAGMENT, &pointer, || {
            format!(
                "{} \"{raw}\" has a fragment; a resource identifier must not",
                what()
            )
        });
    }
    if raw.contains('?') {
        cx.emit(&RESOURCE_QUERY, &pointer, || {
            format!(
                "{} \"{raw}\" has a query; a resource identifier should not, unless the deployment needs one",
                what()
            )
        });
    }
    if plain_https(raw) {
        return;
    }
    let url = match parse_strict(raw) {
        Ok(url) if url.host_str().is_some_and(|host| !host.is_empty()) => url,
        Ok(_) => {
            cx.emit(&RESOURCE_NOT_URL, &pointer, || {
                format!("{} \"{raw}\" has no host", what())
            });
            return;
        }
        Err(why) => {
            cx.emit(&RESOURCE_NOT_URL, &pointer, || {
                let shown = if raw.is_empty() {
                    "the empty string".to_owned()
                } else {
                    format!("\"{raw}\"")
                };
                format!("{} {shown} is not a valid absolute URL: {why}", what())
            });
            return;
        }
    };
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {
            if let Some(severity) = cx.severity(&HTTP_LOOPBACK) {
                cx.emit(&HTTP_LOOPBACK, &pointer, || {
                    format!("{} \"{raw}\" {}", what(), loopback_verdict(severity))
                });
            }
        }
        scheme => cx.emit(&RESOURCE_HTTPS, &pointer, || {
            format!(
                "{} \"{raw}\" uses the {scheme} scheme; a resource identifier must use https",
                what()
            )
        }),
    }
    if !url.username().is_empty() || url.password().is_some() {
        cx.emit(&RESOURCE_USERINFO, &pointer, || {
            format!("{} \"{raw}\" carries user information (`user@`)", what())
        });
    }
}
