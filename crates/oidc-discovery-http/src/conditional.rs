//! `If-None-Match` (RFC 9110 §13.1.2).

use http::HeaderValue;

/// The most `If-None-Match` bytes examined. A longer header (no real client sends one) is
/// treated as not matching, so hostile input costs bounded work.
const MAX_IF_NONE_MATCH: usize = 8 * 1024;

/// Whether an `If-None-Match` header value matches `etag` (a quoted entity tag such as
/// `"abc"`), using the **weak** comparison RFC 9110 §13.1.2 requires: `W/"abc"` matches
/// `"abc"`; `*` matches any current representation; lists are comma-separated.
///
/// Malformed members are skipped, never trusted; a header that is not visible ASCII or longer
/// than 8 KiB matches nothing.
///
/// ```
/// use oidc_discovery_http::if_none_match_matches;
/// use http::HeaderValue;
///
/// let etag = "\"a1b2\"";
/// for header in ["\"a1b2\"", "W/\"a1b2\"", "\"x\", W/\"a1b2\"", "*"] {
///     assert!(if_none_match_matches(&HeaderValue::from_static(header), etag), "{header}");
/// }
/// for header in ["\"a1b\"", "a1b2", "W/a1b2", "\"a1b2", ""] {
///     assert!(!if_none_match_matches(&HeaderValue::from_static(header), etag), "{header}");
/// }
/// ```
#[must_use]
pub fn if_none_match_matches(header: &HeaderValue, etag: &str) -> bool {
    matches_opaque(header.as_bytes(), opaque(etag))
}

/// Whether the `If-None-Match` field value `header` (its bytes) lists the entity tag whose
/// opaque part (between the quotes) is `wanted`, or is `*`: [`if_none_match_matches`] without
/// the header type, so adapters on other `http` versions need no conversion. With no `wanted`
/// tag, only `*` matches.
pub(crate) fn matches_opaque(header: &[u8], wanted: Option<&str>) -> bool {
    // Visible ASCII, spaces and tabs only (RFC 9110 §5.5 allows obs-text in field values, but
    // an entity tag this crate issues never contains it): anything else matches nothing.
    if header.len() > MAX_IF_NONE_MATCH
        || !header
            .iter()
            .all(|&byte| byte == b'\t' || (b' '..=b'~').contains(&byte))
    {
        return false;
    }
    let Ok(text) = std::str::from_utf8(header) else {
        return false;
    };
    if text.trim() == "*" {
        return true;
    }
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            return false;
        }
        let tag = rest.strip_prefix("W/").unwrap_or(rest);
        let Some(after_quote) = tag.strip_prefix('"') else {
            // Not an entity tag: skip to the next list member.
            match rest.find(',') {
                Some(comma) => {
                    rest = &rest[comma..];
                    continue;
                }
                None => return false,
            }
        };
        let Some(end) = after_quote.find('"') else {
            return false;
        };
        if Some(&after_quote[..end]) == wanted {
            return true;
        }
        rest = &after_quote[end + 1..];
    }
}

/// The opaque part of a quoted entity tag (`"abc"` → `abc`, `W/"abc"` → `abc`).
pub(crate) fn opaque(etag: &str) -> Option<&str> {
    etag.strip_prefix("W/")
        .unwrap_or(etag)
        .strip_prefix('"')?
        .strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(header: &[u8]) -> bool {
        HeaderValue::from_bytes(header).is_ok_and(|h| if_none_match_matches(&h, "\"abc\""))
    }

    #[test]
    fn weak_comparison_lists_and_star() {
        let cases: [(&[u8], bool); 16] = [
            (b"\"abc\"", true),
            (b"W/\"abc\"", true),
            (b"\"x\", \"abc\"", true),
            (b"\"x\",W/\"abc\"", true),
            (b" *  ", true),
            (b"\"abcd\"", false),
            (b"\"ab\"", false),
            (b"abc", false),
            (b"\"abc", false),
            (b"", false),
            (b",,,", false),
            (b"w/\"abc\"", false),
            (b"\"x\", abc, \"y\"", false),
            (b"junk, \"abc\"", true),
            (b"*, \"x\"", false),
            (b"\xff\"abc\"", false),
        ];
        for (header, expected) in cases {
            assert_eq!(
                matches(header),
                expected,
                "{}",
                String::from_utf8_lossy(header)
            );
        }
    }

    #[test]
    fn hostile_headers_are_bounded_and_never_panic() {
        let long = format!("\"{}\", \"abc\"", "x".repeat(MAX_IF_NONE_MATCH));
        assert!(!matches(long.as_bytes()));
        let many = "\"x\",".repeat(1000) + "\"abc\"";
        assert!(matches(many.as_bytes()));
        for header in ["W/", "W/\"", "\"", ",\"", "\"\"", "W/W/\"abc\""] {
            let _ = matches(header.as_bytes());
        }
    }
}
