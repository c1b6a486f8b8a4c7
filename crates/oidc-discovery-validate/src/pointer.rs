//! RFC 6901 JSON pointers.

/// Escapes one reference token (`~` → `~0`, `/` → `~1`); borrows when there is nothing to
/// escape.
#[must_use]
pub fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// The pointer to a top-level member: `/name`.
#[must_use]
pub fn member(name: &str) -> String {
    format!("/{}", escape(name))
}

/// The pointer to an element of a top-level member: `/name/index`.
#[must_use]
pub fn element(name: &str, index: usize) -> String {
    format!("/{}/{index}", escape(name))
}

/// The pointer to a member of a top-level object member: `/name/key`.
#[must_use]
pub fn field(name: &str, key: &str) -> String {
    format!("/{}/{}", escape(name), escape(key))
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_per_rfc_6901() {
        assert_eq!(super::member("a/b~c"), "/a~1b~0c");
        assert_eq!(super::element("x", 3), "/x/3");
        assert_eq!(super::field("m", "~/"), "/m/~0~1");
        assert_eq!(super::member(""), "/");
    }
}
