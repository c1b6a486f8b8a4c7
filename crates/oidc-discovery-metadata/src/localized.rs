//! Human-readable members with language-tagged variants (`op_tos_uri#fr`).

use oidc_discovery_types::LanguageTag;

/// A human-readable member and its language-tagged variants: `op_policy_uri`,
/// `op_policy_uri#ja`, `op_policy_uri#en-US`, …
///
/// Neither OpenID Connect Discovery 1.0 nor RFC 8414 defines tagged metadata names, but OpenID
/// Federation 1.0 §14 allows them for any human-readable metadata member, following the
/// convention of OpenID Connect Core 1.0 §5.2 and RFC 7591 §2.2, and providers publish them. The
/// untagged value carries no language assumption (RFC 9728 §2.1). Tags are kept exactly as
/// received; lookups compare them ASCII-case-insensitively.
///
/// An empty `Localized` means the member is absent.
///
/// ```
/// use oidc_discovery_metadata::{Localized, UrlString};
///
/// let mut tos = Localized::new(UrlString::from("https://example.com/tos"));
/// tos.insert("fr", UrlString::from("https://example.com/fr/cgu"));
/// assert_eq!(tos.get("FR").map(UrlString::as_str), Some("https://example.com/fr/cgu"));
/// assert_eq!(tos.lookup(&["de-CH", "fr-CA"]).unwrap().as_str(), "https://example.com/fr/cgu");
/// assert_eq!(tos.lookup(&["ja"]).unwrap().as_str(), "https://example.com/tos");
/// ```
///
/// Equality compares what the JSON says: the untagged value, and the tagged variants as a set
/// of (member name, value) pairs — tags by exact spelling (`op_tos_uri#en-US` and
/// `op_tos_uri#en-us` are different members), in any order.
#[derive(Clone, Debug)]
pub struct Localized<T> {
    value: Option<T>,
    tagged: Vec<(LanguageTag, T)>,
}

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Self {
            value: None,
            tagged: Vec::new(),
        }
    }
}

impl<T> Localized<T> {
    /// A member with an untagged value and no tagged variants.
    #[must_use]
    pub fn new(value: T) -> Self {
        Self {
            value: Some(value),
            tagged: Vec::new(),
        }
    }

    /// The untagged value (the member without `#`), if present.
    #[must_use]
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// Sets the untagged value, returning the previous one.
    pub fn set_value(&mut self, value: T) -> Option<T> {
        self.value.replace(value)
    }

    /// Removes the untagged value.
    pub fn take_value(&mut self) -> Option<T> {
        self.value.take()
    }

    /// The value tagged `tag`, compared ASCII-case-insensitively (RFC 5646 §2.1.1).
    #[must_use]
    pub fn get(&self, tag: &str) -> Option<&T> {
        self.tagged
            .iter()
            .find(|(t, _)| t.as_str().eq_ignore_ascii_case(tag))
            .map(|(_, v)| v)
    }

    /// The best value for a list of preferred tags, most preferred first: RFC 4647 §3.4 lookup
    /// (each preference, then its prefixes, `de-CH-1996` → `de-CH` → `de`), falling back to the
    /// untagged value, then to nothing.
    #[must_use]
    pub fn lookup(&self, preferences: &[&str]) -> Option<&T> {
        for preference in preferences {
            let mut range = *preference;
            loop {
                if let Some(value) = self.get(range) {
                    return Some(value);
                }
                match range.rfind('-') {
                    Some(cut) => {
                        range = &range[..cut];
                        // RFC 4647 §3.4: drop a trailing single-character subtag too.
                        if range.len() >= 2 && range.as_bytes()[range.len() - 2] == b'-' {
                            range = &range[..range.len() - 2];
                        }
                    }
                    None => break,
                }
            }
        }
        self.value.as_ref()
    }

    /// Adds or replaces the value for exactly this tag (same spelling), returning the previous
    /// one.
    pub fn insert(&mut self, tag: impl Into<LanguageTag>, value: T) -> Option<T> {
        let tag = tag.into();
        match self
            .tagged
            .iter_mut()
            .find(|(t, _)| t.as_str() == tag.as_str())
        {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                self.tagged.push((tag, value));
                None
            }
        }
    }

    /// Removes the value for exactly this tag (same spelling).
    pub fn remove(&mut self, tag: &str) -> Option<T> {
        let index = self.tagged.iter().position(|(t, _)| t.as_str() == tag)?;
        Some(self.tagged.remove(index).1)
    }

    /// The tagged variants, in the order received.
    pub fn tagged(&self) -> impl ExactSizeIterator<Item = (&LanguageTag, &T)> + '_ {
        self.tagged.iter().map(|(t, v)| (t, v))
    }

    /// Whether the member is absent: no untagged value and no tagged variant.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.tagged.is_empty()
    }

    /// How many JSON members this represents (untagged plus tagged).
    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.value.is_some()) + self.tagged.len()
    }

    pub(crate) fn contains_exact(&self, tag: Option<&str>) -> bool {
        match tag {
            None => self.value.is_some(),
            Some(tag) => self.tagged.iter().any(|(t, _)| t.as_str() == tag),
        }
    }
}

impl<T: PartialEq> PartialEq for Localized<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && self.tagged.len() == other.tagged.len()
            && self.tagged.iter().all(|(tag, value)| {
                other
                    .tagged
                    .iter()
                    .any(|(t, v)| t.as_str() == tag.as_str() && v == value)
            })
    }
}

impl<T> From<T> for Localized<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}
