//! BCP 47 language tags (`ui_locales_supported`, `claims_locales_supported`, `member#tag` names).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use crate::open_enum::StrVisitor;

/// A BCP 47 (RFC 5646) language tag, kept exactly as received.
///
/// Used by `ui_locales_supported` and `claims_locales_supported` (OpenID Connect Discovery 1.0
/// §3, RFC 8414 §2) and by language-tagged member names such as `op_tos_uri#en-US` (OpenID
/// Federation 1.0 §14, RFC 9728 §2.1).
///
/// Every string is accepted, so a provider's odd tag never fails a document;
/// [`is_well_formed`](Self::is_well_formed) checks the RFC 5646 §2.1 syntax. Tags compare
/// ASCII-case-insensitively (RFC 5646 §2.1.1), and hash accordingly:
///
/// ```
/// use oidc_discovery_types::LanguageTag;
///
/// assert_eq!(LanguageTag::new("en-US"), LanguageTag::new("en-us"));
/// assert_eq!(LanguageTag::new("en-us").as_str(), "en-us");
/// assert!(LanguageTag::new("zh-Hant-TW").is_well_formed());
/// assert!(!LanguageTag::new("en_US").is_well_formed());
/// ```
#[derive(Clone)]
pub struct LanguageTag(Box<str>);

impl LanguageTag {
    /// Wraps a tag. Never fails; see [`is_well_formed`](Self::is_well_formed).
    #[must_use]
    pub fn new(tag: impl Into<Box<str>>) -> Self {
        Self(tag.into())
    }

    /// The tag exactly as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the tag follows the `Language-Tag` syntax of RFC 5646 §2.1 (`langtag`,
    /// `privateuse` or `grandfathered`). Syntax only: `bp` is well-formed although no language
    /// has that subtag.
    #[must_use]
    pub fn is_well_formed(&self) -> bool {
        is_well_formed(&self.0)
    }
}

/// RFC 5646 §2.1 `irregular` and `regular` grandfathered tags.
const GRANDFATHERED: [&str; 26] = [
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

fn is_alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_digit(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn is_alphanum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_private_use(subtags: &[&str]) -> bool {
    matches!(subtags.first(), Some(x) if x.eq_ignore_ascii_case("x"))
        && subtags.len() > 1
        && subtags[1..]
            .iter()
            .all(|s| (1..=8).contains(&s.len()) && is_alphanum(s))
}

fn is_well_formed(tag: &str) -> bool {
    if GRANDFATHERED.iter().any(|g| g.eq_ignore_ascii_case(tag)) {
        return true;
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    if is_private_use(&subtags) {
        return true;
    }
    let mut i = 0;
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
    let Some(language) = subtags.first() else {
        return false;
    };
    if !is_alpha(language) || !(2..=8).contains(&language.len()) {
        return false;
    }
    i += 1;
    if language.len() <= 3 {
        // extlang = 3ALPHA *2("-" 3ALPHA)
        let mut extlangs = 0;
        while extlangs < 3 && subtags.get(i).is_some_and(|s| s.len() == 3 && is_alpha(s)) {
            i += 1;
            extlangs += 1;
        }
    }
    // script = 4ALPHA
    if subtags.get(i).is_some_and(|s| s.len() == 4 && is_alpha(s)) {
        i += 1;
    }
    // region = 2ALPHA / 3DIGIT
    if subtags
        .get(i)
        .is_some_and(|s| (s.len() == 2 && is_alpha(s)) || (s.len() == 3 && is_digit(s)))
    {
        i += 1;
    }
    // variant = 5*8alphanum / (DIGIT 3alphanum)
    while subtags.get(i).is_some_and(|s| {
        is_alphanum(s)
            && ((5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()))
    }) {
        i += 1;
    }
    // extension = singleton 1*("-" (2*8alphanum))
    while let Some(singleton) = subtags.get(i) {
        if singleton.len() != 1 || !is_alphanum(singleton) || singleton.eq_ignore_ascii_case("x") {
            break;
        }
        let start = i + 1;
        let mut end = start;
        while subtags
            .get(end)
            .is_some_and(|s| (2..=8).contains(&s.len()) && is_alphanum(s))
        {
            end += 1;
        }
        if end == start {
            return false;
        }
        i = end;
    }
    // ["-" privateuse]
    if i < subtags.len() && is_private_use(&subtags[i..]) {
        return true;
    }
    i == subtags.len()
}

impl PartialEq for LanguageTag {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for LanguageTag {}

impl Hash for LanguageTag {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
        state.write_u8(0xff);
    }
}

impl PartialOrd for LanguageTag {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LanguageTag {
    fn cmp(&self, other: &Self) -> Ordering {
        let lower = |s: &str| {
            s.bytes()
                .map(|b| b.to_ascii_lowercase())
                .collect::<Vec<_>>()
        };
        lower(&self.0).cmp(&lower(&other.0))
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LanguageTag").field(&&*self.0).finish()
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for LanguageTag {
    fn from(tag: &str) -> Self {
        Self::new(tag)
    }
}

impl From<String> for LanguageTag {
    fn from(tag: String) -> Self {
        Self::new(tag)
    }
}

impl std::str::FromStr for LanguageTag {
    type Err = std::convert::Infallible;
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        Ok(Self::new(tag))
    }
}

impl serde::Serialize for LanguageTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StrVisitor("a string (a BCP 47 language tag)", PhantomData))
    }
}

impl schemars::JsonSchema for LanguageTag {
    fn schema_name() -> Cow<'static, str> {
        "LanguageTag".into()
    }

    fn schema_id() -> Cow<'static, str> {
        concat!(module_path!(), "::LanguageTag").into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A BCP 47 (RFC 5646) language tag.",
            "type": "string"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_per_rfc_5646_appendix_a() {
        for tag in [
            "de",
            "fr",
            "ja",
            "i-enochian",
            "zh-Hant",
            "zh-Hans",
            "sr-Cyrl",
            "sr-Latn",
            "zh-cmn-Hans-CN",
            "cmn-Hans-CN",
            "zh-yue-HK",
            "yue-HK",
            "zh-Hans-CN",
            "sr-Latn-RS",
            "sl-rozaj",
            "sl-rozaj-biske",
            "sl-nedis",
            "de-CH-1901",
            "sl-IT-nedis",
            "hy-Latn-IT-arevela",
            "de-DE",
            "en-US",
            "es-419",
            "de-CH-x-phonebk",
            "az-Arab-x-AZE-derbend",
            "x-whatever",
            "qaa-Qaaa-QM-x-southern",
            "de-Qaaa",
            "sr-Latn-QM",
            "sr-Qaaa-RS",
            "en-US-u-islamcal",
            "zh-CN-a-myext-x-private",
            "en-a-myext-b-another",
            "bp",
        ] {
            assert!(LanguageTag::new(tag).is_well_formed(), "{tag}");
        }
    }

    #[test]
    fn malformed_tags_per_rfc_5646_appendix_a() {
        for tag in [
            "",
            "de-419-DE",
            "a-DE",
            "ar-a-aaa-b-bbb-a-ccc-x", // private use with no subtag after x
            "en_US",
            "en-",
            "-en",
            "en--US",
            "en-US-abcdefghi", // a nine-character subtag
            "en-US-",
            "x",
            "en-a",
            "1234",
            "en US",
        ] {
            assert!(!LanguageTag::new(tag).is_well_formed(), "{tag:?}");
        }
    }

    #[test]
    fn comparison_ignores_ascii_case_and_keeps_spelling() {
        use std::collections::HashSet;
        let a = LanguageTag::new("en-US");
        let b = LanguageTag::new("EN-us");
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), Ordering::Equal);
        let set: HashSet<_> = [a.clone(), b.clone()].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert_eq!(b.to_string(), "EN-us");
        assert_ne!(a, LanguageTag::new("en-GB"));
    }
}
