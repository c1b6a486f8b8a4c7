//! How one member value is read leniently, and where it is stored.
//!
//! A member's value is first read as its JSON text. It either has the JSON type its
//! specification gives it and becomes the typed value, or it does not (`null`, a string where
//! an array belongs, an array holding a number, …) and its text is kept verbatim in
//! [`ProviderMetadata::other`](crate::ProviderMetadata::other). Reading never fails on a value
//! (whatever its numbers), so one bad member never hides the rest of the document.

use std::fmt;
use std::marker::PhantomData;

use std::collections::BTreeMap;

use serde::Deserializer;
use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::{JsonObject, Localized, MtlsEndpointAliases};

/// The JSON type a member's specification gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonType {
    /// A JSON string (a URL, an identifier, a JWT, or text).
    String,
    /// A JSON boolean.
    Boolean,
    /// A JSON array of strings.
    StringArray,
    /// A JSON object.
    Object,
}

impl JsonType {
    /// The name used in messages: `string`, `boolean`, `array of strings`, `object`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Boolean => "boolean",
            Self::StringArray => "array of strings",
            Self::Object => "object",
        }
    }

    /// Whether `value` has this JSON type (for arrays: every element is a string).
    #[must_use]
    pub fn matches(self, value: &Value) -> bool {
        match (self, value) {
            (Self::String, Value::String(_)) | (Self::Boolean, Value::Bool(_)) => true,
            (Self::StringArray, Value::Array(items)) => items.iter().all(Value::is_string),
            (Self::Object, Value::Object(_)) => true,
            _ => false,
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A member value type, read from the JSON text of the value.
pub(crate) trait MemberValue: Sized + serde::Serialize + schemars::JsonSchema {
    const JSON_TYPE: JsonType;
    fn view(&self) -> MemberView<'_>;
    /// The typed value of `raw` (one JSON value, valid JSON text); `None` when its JSON type
    /// is wrong (or, for an object member, it holds a number beyond the range of `f64`).
    fn from_raw(raw: &str) -> Option<Self>;
}

/// A JSON string's content, when it has no escape: the text between the quotes, with no
/// copy. (The raw text has been checked, so there is no control character in it.)
fn plain_string(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then_some(inner)
}

/// The elements of an array of strings without escapes (the everyday case), read from the
/// raw text of an array (checked JSON) without a second parse; `None` for anything else
/// (which serde_json then reads).
fn plain_string_array<T: for<'a> From<&'a str>>(raw: &str) -> Option<Vec<T>> {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = raw.as_bytes();
    let mut items = Vec::new();
    let mut i = 1; // after `[`
    loop {
        while bytes.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        match bytes.get(i)? {
            b']' if items.is_empty() => return Some(items),
            b'"' => {
                let start = i + 1;
                let len = bytes[start..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\')?;
                if bytes[start + len] != b'"' {
                    return None;
                }
                items.push(T::from(&raw[start..start + len]));
                i = start + len + 1;
            }
            _ => return None,
        }
        while bytes.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        match bytes.get(i)? {
            b',' => i += 1,
            b']' => return Some(items),
            _ => return None,
        }
    }
}

/// A string-valued type read from raw text: unescaped without a copy, otherwise through
/// serde_json.
fn string_from_raw<T: for<'a> From<&'a str> + From<String>>(raw: &str) -> Option<T> {
    if !raw.starts_with('"') {
        return None;
    }
    match plain_string(raw) {
        Some(text) => Some(T::from(text)),
        None => serde_json::Deserializer::from_str(raw)
            .deserialize_str(StrVisitor::<T>(PhantomData))
            .ok(),
    }
}

/// Reads a string-valued type.
struct StrVisitor<T>(PhantomData<T>);

impl<T> Visitor<'_> for StrVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }
}

/// A string-valued member or list element: parsed from a JSON string, written back with
/// `as_ref()`.
pub(crate) trait StringValue:
    for<'a> From<&'a str> + From<String> + AsRef<str> + serde::Serialize + schemars::JsonSchema
{
    /// Whether the value is a URL (for [`MemberView`]).
    const IS_URL: bool = false;
}

macro_rules! string_values {
    ($($ty:ty),+ $(,)?) => {$( impl StringValue for $ty {} )+};
}

string_values!(
    String,
    oidc_discovery_types::ResponseType,
    oidc_discovery_types::ResponseMode,
    oidc_discovery_types::GrantType,
    oidc_discovery_types::SubjectType,
    oidc_discovery_types::JwsAlg,
    oidc_discovery_types::JweAlg,
    oidc_discovery_types::JweEnc,
    oidc_discovery_types::ClientAuthMethod,
    oidc_discovery_types::IntrospectionAuthMethod,
    oidc_discovery_types::Display,
    oidc_discovery_types::ClaimType,
    oidc_discovery_types::LanguageTag,
    oidc_discovery_types::PkceMethod,
    oidc_discovery_types::TokenDeliveryMode,
    oidc_discovery_types::ClientRegistrationType,
    oidc_discovery_types::Prompt,
    oidc_discovery_types::BearerMethod,
);

impl StringValue for crate::UrlString {
    const IS_URL: bool = true;
}

impl StringValue for crate::Issuer {
    const IS_URL: bool = true;
}

/// A read-only view of one typed member's value, for code that inspects members generically
/// (validators, linters, documentation tools). See
/// [`ProviderMetadata::for_each_member`](crate::ProviderMetadata::for_each_member).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum MemberView<'a> {
    /// The `issuer` member.
    Issuer(&'a str),
    /// A URL member.
    Url(&'a str),
    /// A text member (`organization_name`, …).
    Text(&'a str),
    /// A JWT member (`signed_metadata`).
    Jwt(&'a str),
    /// A boolean member.
    Boolean(bool),
    /// An array-of-strings member, with its values as strings.
    List {
        /// The values, as in JSON (borrowed: viewing a list copies nothing).
        items: StrList<'a>,
        /// Whether the values are URLs (`protected_resources`, `authorization_servers`).
        urls: bool,
    },
    /// `mtls_endpoint_aliases`.
    Aliases(&'a crate::MtlsEndpointAliases),
    /// An object member (`jwks`, `vp_formats_supported`).
    Object(&'a JsonObject),
}

/// The values of an array-of-strings member, as strings, borrowed from the document: a
/// [`MemberView::List`] is made without allocating, whatever the element type.
///
/// ```
/// use oidc_discovery_metadata::{MemberView, ProviderMetadata};
///
/// let metadata = ProviderMetadata::from_json_str(
///     r#"{"grant_types_supported": ["authorization_code", "urn:example:custom"]}"#,
/// )?;
/// metadata.for_each_member(|member| {
///     if let MemberView::List { items, .. } = member.value {
///         assert_eq!(items.len(), 2);
///         assert_eq!(items.get(1), Some("urn:example:custom"));
///         assert_eq!(items.get(2), None);
///         assert_eq!(items.iter().rev().collect::<Vec<_>>(), ["urn:example:custom", "authorization_code"]);
///         assert_eq!(items.into_iter().len(), 2);
///     }
/// });
/// # Ok::<(), oidc_discovery_metadata::ParseError>(())
/// ```
#[derive(Clone, Copy)]
pub struct StrList<'a>(&'a dyn StrItems);

/// A list whose items read as strings (every `Vec<T>` member).
trait StrItems {
    fn count(&self) -> usize;
    /// The item at `index`, which is less than `count()`.
    fn item(&self, index: usize) -> &str;
}

impl<T: AsRef<str>> StrItems for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn item(&self, index: usize) -> &str {
        self[index].as_ref()
    }
}

impl<'a> StrList<'a> {
    /// How many values there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.count()
    }

    /// Whether there is no value (an empty JSON array).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        (index < self.len()).then(|| self.0.item(index))
    }

    /// The values in order.
    #[must_use]
    pub fn iter(&self) -> StrListIter<'a> {
        StrListIter {
            items: self.0,
            front: 0,
            back: self.len(),
        }
    }

    /// The values, collected.
    #[must_use]
    pub fn to_vec(&self) -> Vec<&'a str> {
        self.iter().collect()
    }
}

impl fmt::Debug for StrList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for StrList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<'a> IntoIterator for StrList<'a> {
    type Item = &'a str;
    type IntoIter = StrListIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The values of a [`StrList`], in order ([`StrList::iter`]).
#[derive(Clone)]
pub struct StrListIter<'a> {
    items: &'a dyn StrItems,
    /// The next index from the front, and one past the next from the back.
    front: usize,
    back: usize,
}

impl<'a> Iterator for StrListIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.items.item(self.front - 1)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl<'a> DoubleEndedIterator for StrListIter<'a> {
    fn next_back(&mut self) -> Option<&'a str> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.items.item(self.back)
        })
    }
}

impl ExactSizeIterator for StrListIter<'_> {}

impl fmt::Debug for StrListIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// One typed member of a document, as given to
/// [`ProviderMetadata::for_each_member`](crate::ProviderMetadata::for_each_member).
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRef<'a> {
    /// What the library knows about the member.
    pub info: &'static crate::MemberInfo,
    /// The language tag, for a tagged variant (`op_tos_uri#fr` → `fr`).
    pub tag: Option<&'a str>,
    /// The value.
    pub value: MemberView<'a>,
}

impl MemberRef<'_> {
    /// The member's name in JSON (`op_tos_uri#fr` for a tagged variant).
    #[must_use]
    pub fn json_name(&self) -> std::borrow::Cow<'static, str> {
        match self.tag {
            None => self.info.name.into(),
            Some(tag) => format!("{}#{tag}", self.info.name).into(),
        }
    }
}

macro_rules! string_members {
    ($($ty:ty => $view:ident),+) => {$(
        impl MemberValue for $ty {
            const JSON_TYPE: JsonType = JsonType::String;
            fn view(&self) -> MemberView<'_> {
                MemberView::$view(self.as_ref())
            }
            fn from_raw(raw: &str) -> Option<Self> {
                string_from_raw(raw)
            }
        }
    )+};
}

string_members!(
    String => Text,
    crate::UrlString => Url,
    crate::Issuer => Issuer,
    crate::SignedMetadata => Jwt
);

impl MemberValue for bool {
    const JSON_TYPE: JsonType = JsonType::Boolean;
    fn view(&self) -> MemberView<'_> {
        MemberView::Boolean(*self)
    }
    fn from_raw(raw: &str) -> Option<Self> {
        match raw {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }
}

/// One element of a string array.
struct ElementSeed<T>(PhantomData<T>);

impl<'de, T: StringValue> DeserializeSeed<'de> for ElementSeed<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_str(StrVisitor(PhantomData))
    }
}

impl<T: StringValue> MemberValue for Vec<T> {
    const JSON_TYPE: JsonType = JsonType::StringArray;
    fn view(&self) -> MemberView<'_> {
        MemberView::List {
            items: StrList(self),
            urls: T::IS_URL,
        }
    }
    fn from_raw(raw: &str) -> Option<Self> {
        struct SeqVisitor<T>(PhantomData<T>);
        impl<'de, T: StringValue> Visitor<'de> for SeqVisitor<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                while let Some(item) = seq.next_element_seed(ElementSeed::<T>(PhantomData))? {
                    items.push(item);
                }
                Ok(items)
            }
        }
        if !raw.starts_with('[') {
            return None;
        }
        if let Some(items) = plain_string_array(raw) {
            return Some(items);
        }
        // Not an array of strings (an element of another type) is an error here, and the
        // member is kept as written.
        serde_json::Deserializer::from_str(raw)
            .deserialize_seq(SeqVisitor(PhantomData))
            .ok()
    }
}

impl MemberValue for JsonObject {
    const JSON_TYPE: JsonType = JsonType::Object;
    fn view(&self) -> MemberView<'_> {
        MemberView::Object(self)
    }
    fn from_raw(raw: &str) -> Option<Self> {
        if !raw.starts_with('{') {
            return None;
        }
        // Fails only on a number beyond `f64`, which a `Value` cannot hold: then the member
        // is kept as written.
        serde_json::from_str(raw).ok()
    }
}

impl MemberValue for MtlsEndpointAliases {
    const JSON_TYPE: JsonType = JsonType::Object;
    fn view(&self) -> MemberView<'_> {
        MemberView::Aliases(self)
    }
    fn from_raw(raw: &str) -> Option<Self> {
        if !raw.starts_with('{') {
            return None;
        }
        let object: BTreeMap<String, &RawValue> = serde_json::from_str(raw).ok()?;
        let mut aliases = Self::default();
        for (name, url) in object {
            aliases.insert(name, string_from_raw::<crate::UrlString>(url.get())?);
        }
        Some(aliases)
    }
}

/// Where a member's typed value lives in [`ProviderMetadata`](crate::ProviderMetadata): an
/// `Option<T>` for plain members, a [`Localized<T>`] for human-readable ones (which also take
/// `name#tag` variants).
pub(crate) trait Slot {
    type Value: MemberValue;
    const LOCALIZABLE: bool;
    /// Stores a value for the untagged name (`tag` = `None`) or a tagged one.
    fn put(&mut self, tag: Option<&str>, value: Self::Value);
    /// Removes the value for the untagged name or the tag (exact spelling).
    fn clear(&mut self, tag: Option<&str>);
    /// Whether a value is stored for the untagged name or the tag (exact spelling).
    fn holds(&self, tag: Option<&str>) -> bool;
    /// How many JSON members this slot writes.
    fn count(&self) -> usize;
    /// Calls `f` with every stored value and its tag (`None` for the untagged name).
    fn try_for_each<'a, E>(
        &'a self,
        f: impl FnMut(Option<&'a str>, &'a Self::Value) -> Result<(), E>,
    ) -> Result<(), E>;
}

impl<T: MemberValue> Slot for Option<T> {
    type Value = T;
    const LOCALIZABLE: bool = false;
    fn put(&mut self, _: Option<&str>, value: T) {
        *self = Some(value);
    }
    fn clear(&mut self, _: Option<&str>) {
        *self = None;
    }
    fn holds(&self, tag: Option<&str>) -> bool {
        tag.is_none() && self.is_some()
    }
    fn count(&self) -> usize {
        usize::from(self.is_some())
    }
    fn try_for_each<'a, E>(
        &'a self,
        mut f: impl FnMut(Option<&'a str>, &'a T) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            Some(value) => f(None, value),
            None => Ok(()),
        }
    }
}

impl<T: MemberValue> Slot for Localized<T> {
    type Value = T;
    const LOCALIZABLE: bool = true;
    fn put(&mut self, tag: Option<&str>, value: T) {
        match tag {
            None => {
                self.set_value(value);
            }
            Some(tag) => {
                self.insert(tag, value);
            }
        }
    }
    fn clear(&mut self, tag: Option<&str>) {
        match tag {
            None => {
                self.take_value();
            }
            Some(tag) => {
                self.remove(tag);
            }
        }
    }
    fn holds(&self, tag: Option<&str>) -> bool {
        self.contains_exact(tag)
    }
    fn count(&self) -> usize {
        self.len()
    }
    fn try_for_each<'a, E>(
        &'a self,
        mut f: impl FnMut(Option<&'a str>, &'a T) -> Result<(), E>,
    ) -> Result<(), E> {
        if let Some(value) = self.value() {
            f(None, value)?;
        }
        // In the order of the tags' exact spelling, not the order received: what is written
        // and what validation visits (and so which problems a folded report lists) depend on
        // the document, never on the order of its members in the text.
        let tagged = self.tagged();
        if tagged.len() < 2 {
            for (tag, value) in tagged {
                f(Some(tag.as_str()), value)?;
            }
        } else {
            let mut sorted: Vec<(&crate::LanguageTag, &T)> = tagged.collect();
            sorted.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            for (tag, value) in sorted {
                f(Some(tag.as_str()), value)?;
            }
        }
        Ok(())
    }
}
