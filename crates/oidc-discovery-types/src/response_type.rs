//! Response types (`response_types_supported`): space-separated sets of tokens.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use crate::open_enum::{StrVisitor, doc_text, open_enum};

open_enum! {
    /// One token of a response type (the parts of `"code id_token"`).
    ///
    /// Tokens come from the IANA "OAuth Authorization Endpoint Response Types" registry entries.
    pub enum ResponseTypeToken {
        /// The authorization code flow.
        Code = "code", "RFC 6749 §3.1.1";
        /// An OpenID Connect Verifiable Presentation token.
        VpToken = "vp_token", "OpenID for Verifiable Presentations 1.0 §5.6";
        /// An ID Token from the authorization endpoint.
        IdToken = "id_token", "OAuth 2.0 Multiple Response Type Encoding Practices §3";
        /// An access token from the authorization endpoint (implicit grant).
        Token = "token", "RFC 6749 §3.1.1";
        /// No credentials from the authorization endpoint. Should not be combined with others.
        None = "none", "OAuth 2.0 Multiple Response Type Encoding Practices §4";
    }
}

// Bit of each known token. The bit order is the canonical token order, chosen so that every
// registered response type is already canonical ("code id_token token", "vp_token id_token").
const CODE: u8 = 1;
const VP_TOKEN: u8 = 2;
const ID_TOKEN: u8 = 4;
const TOKEN: u8 = 8;
const NONE: u8 = 16;

/// The known tokens in canonical order, indexed by bit position.
static TOKENS: [ResponseTypeToken; 5] = [
    ResponseTypeToken::Code,
    ResponseTypeToken::VpToken,
    ResponseTypeToken::IdToken,
    ResponseTypeToken::Token,
    ResponseTypeToken::None,
];

fn token_bit(token: &ResponseTypeToken) -> Option<u8> {
    Some(match token {
        ResponseTypeToken::Code => CODE,
        ResponseTypeToken::VpToken => VP_TOKEN,
        ResponseTypeToken::IdToken => ID_TOKEN,
        ResponseTypeToken::Token => TOKEN,
        ResponseTypeToken::None => NONE,
        ResponseTypeToken::Unknown(_) => return Option::None,
    })
}

/// The registered response types (IANA "OAuth Authorization Endpoint Response Types"), canonical.
const REGISTERED: [(&str, u8); 10] = [
    ("code", CODE),
    ("token", TOKEN),
    ("id_token", ID_TOKEN),
    ("none", NONE),
    ("code token", CODE | TOKEN),
    ("code id_token", CODE | ID_TOKEN),
    ("id_token token", ID_TOKEN | TOKEN),
    ("code id_token token", CODE | ID_TOKEN | TOKEN),
    ("vp_token", VP_TOKEN),
    ("vp_token id_token", VP_TOKEN | ID_TOKEN),
];

/// Every spelling of a registered response type: each token order of each registered set.
/// Parsing one of these does not allocate.
const STATIC_SPELLINGS: [(&str, u8); 19] = [
    ("code", CODE),
    ("token", TOKEN),
    ("id_token", ID_TOKEN),
    ("none", NONE),
    ("vp_token", VP_TOKEN),
    ("code id_token", CODE | ID_TOKEN),
    ("id_token code", CODE | ID_TOKEN),
    ("code token", CODE | TOKEN),
    ("token code", CODE | TOKEN),
    ("id_token token", ID_TOKEN | TOKEN),
    ("token id_token", ID_TOKEN | TOKEN),
    ("code id_token token", CODE | ID_TOKEN | TOKEN),
    ("code token id_token", CODE | ID_TOKEN | TOKEN),
    ("id_token code token", CODE | ID_TOKEN | TOKEN),
    ("id_token token code", CODE | ID_TOKEN | TOKEN),
    ("token code id_token", CODE | ID_TOKEN | TOKEN),
    ("token id_token code", CODE | ID_TOKEN | TOKEN),
    ("vp_token id_token", VP_TOKEN | ID_TOKEN),
    ("id_token vp_token", VP_TOKEN | ID_TOKEN),
];

/// A response type: a set of [`ResponseTypeToken`]s, written as a space-separated string.
///
/// RFC 6749 §3.1.1 and OAuth 2.0 Multiple Response Type Encoding Practices §1.2: the order of the
/// tokens does not matter, so `"id_token code"` equals `"code id_token"` (and hashes alike).
/// The spelling received is kept for serialization ([`as_str`](Self::as_str)), and
/// [`canonical`](Self::canonical) gives the registry's spelling.
///
/// Every string parses. Malformed values — `""`, `"code code"`, `"code  id_token"` — are kept as
/// received so that validation can report them ([`malformation`](Self::malformation)); for
/// equality they count as the set of their non-empty tokens. `none` is a token of its own, so
/// `"none"` differs from the (malformed) empty value `""`.
///
/// ```
/// use oidc_discovery_types::{ResponseType, ResponseTypeToken};
///
/// let hybrid = ResponseType::from("token id_token code");
/// assert_eq!(hybrid, ResponseType::CODE_ID_TOKEN_TOKEN);
/// assert!(hybrid.has_code() && hybrid.has_id_token() && hybrid.has_token());
/// assert_eq!(hybrid.to_string(), "token id_token code");
/// assert_eq!(hybrid.canonical(), "code id_token token");
/// assert!(hybrid.is_registered());
///
/// let odd = ResponseType::from("code device_code");
/// assert!(odd.contains(&ResponseTypeToken::from("device_code")));
/// assert!(!odd.is_registered());
/// ```
#[derive(Clone)]
pub struct ResponseType {
    spelling: Cow<'static, str>,
    known: u8,
    /// Unknown tokens, sorted and deduplicated; `None` when there are none.
    unknown: Option<Box<[ResponseTypeToken]>>,
}

/// Why a response type value is malformed (no specification addresses these; validators should
/// reject them).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseTypeMalformation {
    /// The value is the empty string (or only spaces).
    Empty,
    /// Two spaces in a row, or a leading or trailing space: an empty token.
    EmptyToken,
    /// The same token appears more than once.
    RepeatedToken(String),
    /// A character other than a letter, digit, `_` or the separating space: outside the
    /// response-name grammar of RFC 6749 §8.4 (a tab, a hyphen, a comma).
    InvalidCharacter(char),
}

impl fmt::Display for ResponseTypeMalformation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the response type is empty"),
            Self::EmptyToken => f.write_str(
                "the response type has an empty token (a leading, trailing or doubled space)",
            ),
            Self::RepeatedToken(token) => {
                write!(f, "the token `{token}` appears more than once")
            }
            Self::InvalidCharacter(c) => {
                if c.is_control() || c.is_whitespace() {
                    write!(f, "it contains U+{:04X}", u32::from(*c))?;
                } else {
                    write!(f, "it contains `{c}`")?;
                }
                f.write_str(
                    ", but a response name holds only letters, digits and `_` (RFC 6749 §8.4)",
                )
            }
        }
    }
}

impl ResponseType {
    /// `code`: the authorization code flow.
    pub const CODE: Self = Self::known_set("code", CODE);
    /// `token`: the implicit grant (access token).
    pub const TOKEN: Self = Self::known_set("token", TOKEN);
    /// `id_token`: OpenID Connect implicit flow, ID Token only.
    pub const ID_TOKEN: Self = Self::known_set("id_token", ID_TOKEN);
    /// `none`: no credentials from the authorization endpoint.
    pub const NONE: Self = Self::known_set("none", NONE);
    /// `code token`: hybrid flow.
    pub const CODE_TOKEN: Self = Self::known_set("code token", CODE | TOKEN);
    /// `code id_token`: hybrid flow.
    pub const CODE_ID_TOKEN: Self = Self::known_set("code id_token", CODE | ID_TOKEN);
    /// `id_token token`: OpenID Connect implicit flow.
    pub const ID_TOKEN_TOKEN: Self = Self::known_set("id_token token", ID_TOKEN | TOKEN);
    /// `code id_token token`: hybrid flow.
    pub const CODE_ID_TOKEN_TOKEN: Self =
        Self::known_set("code id_token token", CODE | ID_TOKEN | TOKEN);
    /// `vp_token`: OpenID for Verifiable Presentations.
    pub const VP_TOKEN: Self = Self::known_set("vp_token", VP_TOKEN);
    /// `vp_token id_token`: OpenID for Verifiable Presentations with SIOP.
    pub const VP_TOKEN_ID_TOKEN: Self = Self::known_set("vp_token id_token", VP_TOKEN | ID_TOKEN);

    const fn known_set(spelling: &'static str, known: u8) -> Self {
        Self {
            spelling: Cow::Borrowed(spelling),
            known,
            unknown: Option::None,
        }
    }

    /// Parses a response type. Never fails; see the type documentation.
    #[must_use]
    pub fn parse(value: &str) -> Self {
        Self::fast(value).unwrap_or_else(|| Self::slow(value, Cow::Owned(value.to_owned())))
    }

    fn fast(value: &str) -> Option<Self> {
        STATIC_SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == value)
            .map(|&(spelling, known)| Self::known_set(spelling, known))
    }

    fn slow(value: &str, spelling: Cow<'static, str>) -> Self {
        let mut known = 0;
        let mut unknown = Vec::new();
        for token in value.split(' ').filter(|token| !token.is_empty()) {
            let token = ResponseTypeToken::parse(token);
            match token_bit(&token) {
                Some(bit) => known |= bit,
                Option::None => unknown.push(token),
            }
        }
        unknown.sort();
        unknown.dedup();
        Self {
            spelling,
            known,
            unknown: (!unknown.is_empty()).then(|| unknown.into_boxed_slice()),
        }
    }

    /// The value exactly as received (or as built).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.spelling
    }

    /// The canonical spelling: the distinct tokens, single-spaced, known tokens in registry order
    /// (`code`, `vp_token`, `id_token`, `token`, `none`) followed by unknown tokens sorted.
    #[must_use]
    pub fn canonical(&self) -> Cow<'_, str> {
        let mut canonical = String::new();
        for token in self.tokens() {
            if !canonical.is_empty() {
                canonical.push(' ');
            }
            canonical.push_str(token.as_str());
        }
        if canonical == *self.spelling {
            Cow::Borrowed(&self.spelling)
        } else {
            Cow::Owned(canonical)
        }
    }

    /// The distinct tokens, in canonical order.
    pub fn tokens(&self) -> impl Iterator<Item = &ResponseTypeToken> + '_ {
        TOKENS
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.known & (1 << bit) != 0)
            .map(|(_, token)| token)
            .chain(self.unknown.iter().flat_map(|unknown| unknown.iter()))
    }

    /// How many distinct tokens the value has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.known.count_ones() as usize + self.unknown.as_ref().map_or(0, |u| u.len())
    }

    /// Whether the value has no token at all (only `""` or spaces; that is malformed).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the set contains `token`.
    #[must_use]
    pub fn contains(&self, token: &ResponseTypeToken) -> bool {
        match token_bit(token) {
            Some(bit) => self.known & bit != 0,
            Option::None => self
                .unknown
                .as_ref()
                .is_some_and(|unknown| unknown.binary_search(token).is_ok()),
        }
    }

    /// Whether the set contains `code`.
    #[must_use]
    pub fn has_code(&self) -> bool {
        self.known & CODE != 0
    }

    /// Whether the set contains `id_token`.
    #[must_use]
    pub fn has_id_token(&self) -> bool {
        self.known & ID_TOKEN != 0
    }

    /// Whether the set contains `token`.
    #[must_use]
    pub fn has_token(&self) -> bool {
        self.known & TOKEN != 0
    }

    /// Whether the set contains `none`.
    #[must_use]
    pub fn has_none(&self) -> bool {
        self.known & NONE != 0
    }

    /// The tokens that are not known, sorted and distinct.
    #[must_use]
    pub fn unknown_tokens(&self) -> &[ResponseTypeToken] {
        self.unknown.as_deref().unwrap_or_default()
    }

    /// Whether the token set is one registered in the IANA "OAuth Authorization Endpoint Response
    /// Types" registry (in any token order).
    #[must_use]
    pub fn is_registered(&self) -> bool {
        self.unknown.is_none() && REGISTERED.iter().any(|&(_, known)| known == self.known)
    }

    /// Why the spelling is malformed, if it is: empty, a character outside the RFC 6749 §8.4
    /// grammar, an empty token, or a repeated token.
    #[must_use]
    pub fn malformation(&self) -> Option<ResponseTypeMalformation> {
        if self.spelling.trim_matches(' ').is_empty() {
            return Some(ResponseTypeMalformation::Empty);
        }
        if let Some(c) = self
            .spelling
            .chars()
            .find(|&c| c != ' ' && c != '_' && !c.is_ascii_alphanumeric())
        {
            return Some(ResponseTypeMalformation::InvalidCharacter(c));
        }
        let mut seen: Vec<&str> = Vec::new();
        for token in self.spelling.split(' ') {
            if token.is_empty() {
                return Some(ResponseTypeMalformation::EmptyToken);
            }
            if seen.contains(&token) {
                return Some(ResponseTypeMalformation::RepeatedToken(token.to_owned()));
            }
            seen.push(token);
        }
        Option::None
    }
}

impl From<&str> for ResponseType {
    fn from(value: &str) -> Self {
        Self::parse(value)
    }
}

impl From<String> for ResponseType {
    fn from(value: String) -> Self {
        match Self::fast(&value) {
            Some(parsed) => parsed,
            Option::None => {
                let parsed = Self::slow(&value, Cow::Borrowed(""));
                Self {
                    spelling: Cow::Owned(value),
                    ..parsed
                }
            }
        }
    }
}

impl std::str::FromStr for ResponseType {
    type Err = std::convert::Infallible;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(value))
    }
}

impl PartialEq for ResponseType {
    fn eq(&self, other: &Self) -> bool {
        self.known == other.known && self.unknown_tokens() == other.unknown_tokens()
    }
}

impl Eq for ResponseType {}

impl Hash for ResponseType {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.known.hash(state);
        self.unknown_tokens().hash(state);
    }
}

impl PartialOrd for ResponseType {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ResponseType {
    /// An arbitrary but total order consistent with set equality.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.known, self.unknown_tokens()).cmp(&(other.known, other.unknown_tokens()))
    }
}

impl fmt::Debug for ResponseType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ResponseType").field(&self.as_str()).finish()
    }
}

impl fmt::Display for ResponseType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.spelling)
    }
}

impl AsRef<str> for ResponseType {
    fn as_ref(&self) -> &str {
        &self.spelling
    }
}

impl serde::Serialize for ResponseType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.spelling)
    }
}

impl<'de> serde::Deserialize<'de> for ResponseType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StrVisitor(
            "a string (a space-separated response type)",
            PhantomData,
        ))
    }
}

impl schemars::JsonSchema for ResponseType {
    fn schema_name() -> Cow<'static, str> {
        "ResponseType".into()
    }

    fn schema_id() -> Cow<'static, str> {
        concat!(module_path!(), "::ResponseType").into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let registered: Vec<&str> = REGISTERED.iter().map(|(spelling, _)| *spelling).collect();
        crate::open_enum::open_schema(
            &doc_text(
                " A response type: a space-separated set of tokens whose order does not matter \
                 (RFC 6749 §3.1.1).",
            ),
            &registered,
        )
    }
}
