//! Resource identifiers (RFC 9728 §1.2): each entry of an authorization server's
//! `protected_resources` (RFC 9728 §4; inventory PR-XC-2), judged by the rules of an identifier
//! (PR-RES-2 to PR-RES-5).

use super::Context;
use super::urls::{is_loopback, loopback_verdict, parse_strict, plain_https};
use crate::pointer;
use crate::rules::{
    HTTP_LOOPBACK, RESOURCE_FRAGMENT, RESOURCE_HTTPS, RESOURCE_NOT_URL, RESOURCE_QUERY,
    RESOURCE_USERINFO,
};

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
pub(crate) fn identifier(
    cx: &mut Context<'_>,
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
