//! URL members: absolute URLs, https, fragments, loopback (inventory §3.4), including the
//! aliases of `mtls_endpoint_aliases` (MTLS-4).

use oidc_discovery_metadata::MemberView;

use super::Context;
use crate::pointer;
use crate::rules::{
    DOCUMENTATION_HTTP, ENDPOINT_FRAGMENT, ENDPOINT_HTTPS, ENDPOINT_TLS, HTTP_LOOPBACK,
    URL_NOT_ABSOLUTE,
};

/// Endpoints whose specification requires https in its definition of the member.
const HTTPS_REQUIRED: [&str; 11] = [
    "authorization_endpoint",                // OIDC-Disc §3; RFC 6749 §3.1
    "token_endpoint",                        // OIDC-Disc §3; RFC 6749 §3.2
    "userinfo_endpoint",                     // OIDC-Disc §3
    "jwks_uri",                              // OIDC-Disc §3; RFC 8414 §2
    "registration_endpoint",                 // OIDC-Disc §3; RFC 7591 §3
    "revocation_endpoint",                   // RFC 7009 §2
    "pushed_authorization_request_endpoint", // RFC 9126 §2
    "check_session_iframe",                  // OIDC Session Management §3.3
    "end_session_endpoint",                  // OIDC RP-Initiated Logout §2.1
    "federation_registration_endpoint",      // OpenID Federation §5.1.3
    "signed_jwks_uri",                       // OpenID Federation §5.2.1
];

/// Human-readable documents: no https mandate (URL-9).
const DOCUMENTATION: [&str; 7] = [
    "service_documentation",
    "op_policy_uri",
    "op_tos_uri",
    "policy_uri",
    "logo_uri",
    "information_uri",
    "organization_uri",
];

/// Endpoints that must not carry a fragment (RFC 6749 §3.1, §3.2; RFC 7009 §2; Federation).
const NO_FRAGMENT: [&str; 4] = [
    "authorization_endpoint",
    "token_endpoint",
    "revocation_endpoint",
    "federation_registration_endpoint",
];

/// Characters RFC 3986 does not allow anywhere in a URI (the WHATWG parser used by the `url`
/// crate silently percent-encodes or drops them).
fn forbidden_character(raw: &str) -> Option<char> {
    raw.chars().find(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    })
}

/// Parses `raw` as an absolute URL, stricter than the WHATWG parser: `http(s)` URLs must spell
/// `scheme://authority` (`https:host` and `https:///host` are refused), and characters RFC 3986
/// forbids are refused. The error says what is wrong, for a message.
pub(crate) fn parse_strict(raw: &str) -> Result<url::Url, String> {
    if raw.is_empty() {
        return Err("it is empty".to_owned());
    }
    if let Some(c) = forbidden_character(raw) {
        return Err(format!(
            "it contains {c:?}, which a URL cannot contain unencoded (RFC 3986 §2)"
        ));
    }
    let url = url::Url::parse(raw).map_err(|error| match error {
        url::ParseError::RelativeUrlWithoutBase => "it is relative (no scheme)".to_owned(),
        other => other.to_string(),
    })?;
    if matches!(url.scheme(), "http" | "https") {
        let after_scheme = &raw[url.scheme().len()..];
        let has_authority = after_scheme
            .strip_prefix("://")
            .is_some_and(|rest| !rest.starts_with('/'));
        if !has_authority {
            return Err("it does not have the form `scheme://host/...`".to_owned());
        }
    }
    Ok(url)
}

/// Whether the URL's host is a loopback host: `localhost`, `127.0.0.0/8` or `[::1]`.
pub(crate) fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    }
}

pub(crate) fn check(cx: &mut Context<'_>) {
    let metadata = cx.metadata;
    metadata.for_each_member(|member| {
        // Pointers are built only for a problem.
        let name = member.json_name();
        match &member.value {
            MemberView::Url(url) => check_url(cx, member.info.name, || pointer::member(&name), url),
            MemberView::List { items, urls: true } => {
                for (index, url) in items.iter().enumerate() {
                    check_url(cx, member.info.name, || pointer::element(&name, index), url);
                }
            }
            MemberView::Aliases(aliases) => {
                for (alias, url) in aliases.iter() {
                    // An alias obeys the rules of the endpoint it replaces.
                    check_url(cx, alias, || pointer::field(&name, alias), url.as_str());
                }
            }
            _ => {}
        }
    });
}

fn check_url(cx: &mut Context<'_>, member: &str, pointer: impl Fn() -> String, raw: &str) {
    let parsed = match parse_strict(raw) {
        Ok(url) => url,
        Err(why) => {
            let shown = if raw.is_empty() {
                "the empty string".to_owned()
            } else {
                format!("\"{raw}\"")
            };
            cx.emit(
                &URL_NOT_ABSOLUTE,
                pointer(),
                format!("{shown} is not a valid absolute URL: {why}"),
            );
            return;
        }
    };
    if NO_FRAGMENT.contains(&member) && raw.contains('#') {
        cx.emit(
            &ENDPOINT_FRAGMENT,
            pointer(),
            format!("\"{raw}\" has a fragment; `{member}` must not"),
        );
    }
    if parsed.scheme() == "https" {
        return;
    }
    let documentation = DOCUMENTATION.contains(&member);
    if parsed.scheme() == "http" && is_loopback(&parsed) && !documentation {
        cx.emit(
            &HTTP_LOOPBACK,
            pointer(),
            format!("\"{raw}\" uses http on a loopback host: fine for local development only"),
        );
        return;
    }
    let scheme = parsed.scheme();
    if documentation {
        if scheme == "http" {
            cx.emit(
                &DOCUMENTATION_HTTP,
                pointer(),
                format!("\"{raw}\" uses http; https is better"),
            );
        }
    } else if HTTPS_REQUIRED.contains(&member) {
        cx.emit(
            &ENDPOINT_HTTPS,
            pointer(),
            format!("\"{raw}\" uses the {scheme} scheme; `{member}` must use https"),
        );
    } else {
        cx.emit(
            &ENDPOINT_TLS,
            pointer(),
            format!("\"{raw}\" uses the {scheme} scheme; `{member}` carries credentials or tokens and should use https"),
        );
    }
}
