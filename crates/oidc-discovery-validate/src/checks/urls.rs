//! URL members: absolute URLs, https, fragments, loopback (inventory §3.4), including the
//! aliases of `mtls_endpoint_aliases` (MTLS-4).

use oidc_discovery_metadata::MemberView;

use super::{Context, Judge};
use crate::rules::{
    DOCUMENTATION_HTTP, ENDPOINT_FRAGMENT, ENDPOINT_HTTPS, ENDPOINT_TLS, HTTP_LOOPBACK,
    URL_NOT_ABSOLUTE,
};
use crate::{Severity, pointer};

/// A provider's endpoints whose specification requires https in its definition of the member,
/// with the specifications (and sections) that require it.
pub(crate) const PROVIDER_HTTPS_REQUIRED: [(&str, &str); 11] = [
    (
        "authorization_endpoint",
        "OpenID Connect Discovery 1.0 §3; RFC 6749 §3.1",
    ),
    (
        "token_endpoint",
        "OpenID Connect Discovery 1.0 §3; RFC 6749 §3.2",
    ),
    ("userinfo_endpoint", "OpenID Connect Discovery 1.0 §3"),
    ("jwks_uri", "OpenID Connect Discovery 1.0 §3; RFC 8414 §2"),
    ("registration_endpoint", "OpenID Connect Discovery 1.0 §3"),
    ("revocation_endpoint", "RFC 7009 §2"),
    ("pushed_authorization_request_endpoint", "RFC 9126 §2"),
    (
        "check_session_iframe",
        "OpenID Connect Session Management 1.0 §3.3",
    ),
    (
        "end_session_endpoint",
        "OpenID Connect RP-Initiated Logout 1.0 §2.1",
    ),
    (
        "federation_registration_endpoint",
        "OpenID Federation 1.0 §5.1.3",
    ),
    ("signed_jwks_uri", "OpenID Federation 1.0 §5.2.1"),
];

/// A protected resource's URLs that RFC 9728 §2 requires to use https (PR-URL-1).
pub(crate) const RESOURCE_HTTPS_REQUIRED: [(&str, &str); 1] = [("jwks_uri", "RFC 9728 §2")];

/// Endpoints whose specification requires TLS in prose (`endpoint-tls`), with that
/// specification; other members get the rule's general citation.
const TLS_EXPECTED: [(&str, &str); 3] = [
    ("introspection_endpoint", "RFC 7662 §4"),
    ("device_authorization_endpoint", "RFC 8628 §3.1"),
    (
        "backchannel_authentication_endpoint",
        "OpenID Connect CIBA Core 1.0 §7",
    ),
];

/// The specification `table` gives for `member`.
fn spec_of(table: &[(&str, &'static str)], member: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(name, _)| *name == member)
        .map(|&(_, spec)| spec)
}

/// Human-readable documents: no https mandate (URL-9, PR-URL-3).
const DOCUMENTATION: [&str; 10] = [
    "resource_documentation",
    "resource_policy_uri",
    "resource_tos_uri",
    "service_documentation",
    "op_policy_uri",
    "op_tos_uri",
    "policy_uri",
    "logo_uri",
    "information_uri",
    "organization_uri",
];

/// Endpoints that must not carry a fragment, with the specification that says so.
const NO_FRAGMENT: [(&str, &str); 4] = [
    ("authorization_endpoint", "RFC 6749 §3.1"),
    ("token_endpoint", "RFC 6749 §3.2"),
    ("revocation_endpoint", "RFC 7009 §2"),
    (
        "federation_registration_endpoint",
        "OpenID Federation 1.0 §5.1.3",
    ),
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

/// A character for a message: `` `"` `` for a visible one, `U+0009 (a control character)` or
/// `U+3000 (a space)` for one people cannot see.
pub(crate) fn describe_character(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X} (a control character)", u32::from(c))
    } else if c.is_whitespace() {
        format!("U+{:04X} (a space)", u32::from(c))
    } else {
        format!("`{c}`")
    }
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
            "it contains {}, which a URL cannot contain unencoded (RFC 3986 §2)",
            describe_character(c)
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

/// Bytes a path, query or fragment may hold as they are (RFC 3986 §3.3: unreserved,
/// sub-delims, `:`, `@`, plus `/` and `?`). `%` and `#` are handled by [`plain_https`].
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(
            byte as u8,
            b'A'..=b'Z'
                | b'a'..=b'z'
                | b'0'..=b'9'
                | b'-' | b'.' | b'_' | b'~'
                | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
                | b':' | b'@' | b'/' | b'?'
        );
        byte += 1;
    }
    table
};

/// Bytes of a plain host name label: ASCII letters, digits and `-`.
const LABEL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(byte as u8, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-');
        byte += 1;
    }
    table
};

/// Whether `raw` is an `https` URL of the everyday form, for which the outcome of
/// [`parse_strict`] is known without running it: valid, with the `https` scheme.
///
/// The form is `https://`, a host name of ASCII letters, digits and `-` in non-empty
/// dot-separated labels (none starting with `xn--`, the last starting with a letter, so it is
/// neither punycode nor an IPv4 address to the WHATWG parser), an optional port of 1 to 5
/// digits up to 65535, then path, query and fragment characters RFC 3986 allows as they are,
/// percent escapes of two hex digits, and at most one `#`. Every other string (user
/// information, IP literals, other schemes, anything unusual) goes through the full parse, so
/// this only makes the common case cheap: parsing with the `url` crate costs several thousand
/// instructions per URL, this a few per byte.
pub(crate) fn plain_https(raw: &str) -> bool {
    let Some(rest) = raw.strip_prefix("https://") else {
        return false;
    };
    let bytes = rest.as_bytes();
    let mut at = 0;
    // Host: labels of letters, digits and hyphens, separated by dots.
    loop {
        let start = at;
        while at < bytes.len() && LABEL[usize::from(bytes[at])] {
            at += 1;
        }
        let label = &bytes[start..at];
        if label.is_empty()
            || label
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
        {
            return false;
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
        } else if label[0].is_ascii_alphabetic() {
            break;
        } else {
            return false;
        }
    }
    // Port: 1 to 5 digits, at most 65535.
    if bytes.get(at) == Some(&b':') {
        let digits = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 5 {
            return false;
        }
        let port = &rest[at + 1..at + 1 + digits];
        if port.parse::<u32>().map_or(true, |port| port > 65535) {
            return false;
        }
        at += 1 + digits;
    }
    // Path, query and fragment.
    if !matches!(bytes.get(at), None | Some(b'/' | b'?' | b'#')) {
        return false;
    }
    let mut fragment = false;
    while let Some(&byte) = bytes.get(at) {
        if PLAIN[usize::from(byte)] {
            at += 1;
            continue;
        }
        match byte {
            b'%' if bytes
                .get(at + 1..at + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
            {
                at += 3;
            }
            b'#' if !fragment => {
                fragment = true;
                at += 1;
            }
            _ => return false,
        }
    }
    true
}

/// What `http-loopback` says about an http URL on a loopback host, in agreement with its
/// severity: tolerated for local development where it is a warning, refused where it is an
/// error.
pub(crate) fn loopback_verdict(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => {
            "uses http on a loopback host; this profile requires https even for local development"
        }
        Severity::Warning | Severity::Info => {
            "uses http on a loopback host: fine for local development only"
        }
    }
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

/// Members whose URLs are identifiers, judged by the rules of their kind of identifier
/// (`checks/resource.rs`, `checks/issuer.rs`) rather than as endpoints.
const IDENTIFIERS: [&str; 3] = ["protected_resources", "resource", "authorization_servers"];

pub(crate) fn check<D: Judge>(cx: &mut Context<'_, D>) {
    let metadata = cx.metadata;
    metadata.for_each_member(|member| {
        if IDENTIFIERS.contains(&member.info.name) {
            return;
        }
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

fn check_url<D: Judge>(
    cx: &mut Context<'_, D>,
    member: &str,
    pointer: impl Fn() -> String,
    raw: &str,
) {
    if plain_https(raw) {
        // Valid and https: of the rules below, only the fragment one can apply.
        fragment(cx, member, &pointer, raw);
        return;
    }
    let parsed = match parse_strict(raw) {
        Ok(url) => url,
        Err(why) => {
            cx.emit(&URL_NOT_ABSOLUTE, &pointer, || {
                let shown = if raw.is_empty() {
                    "the empty string".to_owned()
                } else {
                    format!("\"{raw}\"")
                };
                format!("{shown} is not a valid absolute URL: {why}")
            });
            return;
        }
    };
    fragment(cx, member, &pointer, raw);
    if parsed.scheme() == "https" {
        return;
    }
    let documentation = DOCUMENTATION.contains(&member);
    if parsed.scheme() == "http" && is_loopback(&parsed) && !documentation {
        if let Some(severity) = cx.severity(&HTTP_LOOPBACK) {
            cx.emit(&HTTP_LOOPBACK, &pointer, || {
                format!("\"{raw}\" {}", loopback_verdict(severity))
            });
        }
        return;
    }
    let scheme = parsed.scheme();
    if documentation {
        if scheme == "http" {
            cx.emit(&DOCUMENTATION_HTTP, &pointer, || {
                format!("\"{raw}\" uses http; https is better")
            });
        }
    } else if let Some(spec) = spec_of(D::HTTPS_REQUIRED, member) {
        cx.emit_citing(&ENDPOINT_HTTPS, spec, &pointer, || {
            format!("\"{raw}\" uses the {scheme} scheme; `{member}` must use https")
        });
    } else {
        let message = || {
            format!(
                "\"{raw}\" uses the {scheme} scheme; `{member}` carries credentials or tokens and should use https"
            )
        };
        let spec = spec_of(&TLS_EXPECTED, member).unwrap_or(ENDPOINT_TLS.spec);
        cx.emit_citing(&ENDPOINT_TLS, spec, &pointer, message);
    }
}

/// `endpoint-fragment`: endpoints that must not have a fragment.
fn fragment<D>(cx: &mut Context<'_, D>, member: &str, pointer: &impl Fn() -> String, raw: &str) {
    if let Some(spec) = spec_of(&NO_FRAGMENT, member)
        && raw.contains('#')
    {
        cx.emit_citing(&ENDPOINT_FRAGMENT, spec, pointer, || {
            format!("\"{raw}\" has a fragment; `{member}` must not")
        });
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{parse_strict, plain_https};

    #[test]
    fn everyday_https_urls_take_the_fast_path() {
        for url in [
            "https://accounts.example.com",
            "https://accounts.example.com/",
            "https://login.example.com:8443/tenant-1/oauth2/v2.0/authorize",
            "https://example.com/a/b?x=1&y=%2F#frag",
            "https://EXAMPLE.com/path;p=1/~user/@x:y/(a)*+,$!'",
            "https://a-b.c9.example/",
            "https://example.com:65535/",
        ] {
            assert!(plain_https(url), "{url}");
            assert_eq!(parse_strict(url).unwrap().scheme(), "https", "{url}");
        }
    }

    #[test]
    fn everything_unusual_goes_through_the_full_parse() {
        for url in [
            "",
            "https://",
            "https:///example.com",
            "https:example.com",
            "HTTPS://example.com",
            "http://example.com",
            "https://user@example.com/",
            "https://127.0.0.1/",
            "https://[::1]/",
            "https://example.123/",
            "https://example.0x1f/",
            "https://xn--nxasmq6b.example/",
            "https://example.XN--p1ai/",
            "https://example.com./",
            "https://example..com/",
            "https://.example.com/",
            "https://example.com:/",
            "https://example.com:65536/",
            "https://example.com:000443/",
            "https://example.com/%zz",
            "https://example.com/%4",
            "https://example.com/a#b#c",
            "https://example.com/a b",
            "https://example.com/a\\b",
            "https://example.com/[x]",
            "https://example.com/\u{e9}",
            "https://ex_ample.com/",
            "https://exämple.com/",
        ] {
            assert!(!plain_https(url), "{url:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The fast path never accepts what the full parse would refuse or read as another
        /// scheme.
        #[test]
        fn the_fast_path_agrees_with_the_full_parse(
            url in "(https?://|HTTPS://|https:/?)?[a-zA-Z0-9xX.:%/?#@\\[\\]\\\\ _~!$&'()*+,;=\u{e9}\u{3000}-]{0,40}"
        ) {
            if plain_https(&url) {
                let parsed = parse_strict(&url);
                prop_assert!(
                    parsed.as_ref().is_ok_and(|parsed| parsed.scheme() == "https"),
                    "{url:?}: {parsed:?}"
                );
            }
        }

        /// The same over host names and ports built from labels, where the fast path accepts
        /// more often.
        #[test]
        fn the_fast_path_agrees_on_hosts_and_ports(
            labels in prop::collection::vec("(xn--|XN--)?[a-z0-9A-Z-]{0,6}", 1..4),
            port in prop::option::of("[0-9]{0,6}"),
            tail in "(/[a-z%0-9A-F#]{0,6}){0,3}",
        ) {
            let port = port.map(|digits| format!(":{digits}")).unwrap_or_default();
            let url = format!("https://{}{port}{tail}", labels.join("."));
            if plain_https(&url) {
                let parsed = parse_strict(&url);
                prop_assert!(
                    parsed.as_ref().is_ok_and(|parsed| parsed.scheme() == "https"),
                    "{url:?}: {parsed:?}"
                );
            }
        }
    }
}
