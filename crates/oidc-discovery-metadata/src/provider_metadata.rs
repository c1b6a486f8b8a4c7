//! [`ProviderMetadata`] (generated from the member table in `members.rs`) and its registry.

use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use crate::member::{JsonType, MemberValue, Slot};
use crate::{RawJson, RawObject};

/// Whether a member is in the IANA "OAuth Authorization Server Metadata" registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Registration {
    /// Registered (registry snapshot of 2026-03-25).
    Iana,
    /// Defined by a published specification but not (yet) registered.
    Unregistered,
}

/// What the library knows about one metadata member: an entry of [`MEMBERS`](crate::MEMBERS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MemberInfo {
    /// The member name, exactly as in JSON (`token_endpoint`).
    pub name: &'static str,
    /// The JSON type its specification gives it.
    pub json_type: JsonType,
    /// Whether language-tagged variants (`name#tag`) are recognized for it.
    pub localizable: bool,
    /// Whether it is IANA-registered.
    pub registration: Registration,
    /// The defining specification and section(s), e.g. `RFC 8414 §2`.
    pub spec: &'static str,
    /// The member's documentation (Markdown), including its requirement level.
    pub doc: &'static str,
}

impl MemberInfo {
    /// The first sentence of the documentation, on one line.
    #[must_use]
    pub fn summary(&self) -> String {
        let paragraph = self.doc.trim().split("\n\n").next().unwrap_or_default();
        paragraph
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The entry for the member `name` (exact, case-sensitive), if the library types it.
    #[must_use]
    pub fn find(name: &str) -> Option<&'static MemberInfo> {
        crate::MEMBERS.iter().find(|member| member.name == name)
    }
}

/// How a JSON member name maps onto the typed members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyClass {
    /// A known member's exact name.
    Member(MemberId),
    /// `name#tag` of a localizable member; the `usize` is the index of `#`.
    Tagged(MemberId, usize),
    /// Anything else.
    Other,
}

/// Reads one member name without allocating for known names.
enum Key {
    Member(MemberId),
    Tagged(MemberId, String, usize),
    Other(String),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match MemberId::classify(name) {
            KeyClass::Member(id) => Key::Member(id),
            KeyClass::Tagged(id, hash) => Key::Tagged(id, name.to_owned(), hash),
            KeyClass::Other => Key::Other(name.to_owned()),
        })
    }

    fn visit_string<E: serde::de::Error>(self, name: String) -> Result<Key, E> {
        Ok(match MemberId::classify(&name) {
            KeyClass::Member(id) => Key::Member(id),
            KeyClass::Tagged(id, hash) => Key::Tagged(id, name, hash),
            KeyClass::Other => Key::Other(name),
        })
    }
}

/// A member value's JSON text: borrowed from the input when it is in memory, otherwise owned.
pub(crate) enum Raw<'de> {
    Borrowed(&'de RawValue),
    Owned(Box<RawValue>),
}

impl Raw<'_> {
    fn get(&self) -> &str {
        match self {
            Self::Borrowed(raw) => raw.get(),
            Self::Owned(raw) => raw.get(),
        }
    }

    fn into_raw_json(self) -> RawJson {
        RawJson::from_raw(match self {
            Self::Borrowed(raw) => raw.to_owned(),
            Self::Owned(raw) => raw,
        })
    }
}

/// The message of the error for a value whose text [`check_raw`] refuses.
const RAW_CHECK: &str = "invalid escape or nesting in a JSON value";

/// Whether `error` comes from [`check_raw`].
pub(crate) fn is_raw_check_error(error: &serde_json::Error) -> bool {
    error.to_string().starts_with(RAW_CHECK)
}

/// How deep a member value may nest: serde_json's limit of 128 levels, less the document
/// object and one (as when the document is parsed into a `serde_json::Value`).
const VALUE_DEPTH: usize = 126;

/// Whether the text of a value (captured, so its syntax is valid) also passes what a full parse
/// checks and the capture does not: every `\u` escape of a surrogate is half of a pair, and
/// arrays and objects nest at most [`VALUE_DEPTH`] deep.
pub(crate) fn check_raw(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let container = matches!(bytes.first(), Some(b'[' | b'{'));
    if !container && !bytes.contains(&b'\\') {
        return true;
    }
    let hex = |at: usize| -> Option<u16> {
        let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
        u16::from_str_radix(digits, 16).ok()
    };
    let (mut depth, mut in_string, mut i) = (0_usize, false, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                if bytes.get(i + 1) == Some(&b'u') {
                    match hex(i + 2) {
                        Some(0xD800..=0xDBFF) => {
                            let low = (bytes.get(i + 6..i + 8) == Some(b"\\u"))
                                .then(|| hex(i + 8))
                                .flatten();
                            if !matches!(low, Some(0xDC00..=0xDFFF)) {
                                return false;
                            }
                            i += 12;
                            continue;
                        }
                        Some(0xDC00..=0xDFFF) => return false,
                        _ => {}
                    }
                }
                i += 2;
                continue;
            }
            b'[' | b'{' if !in_string => {
                depth += 1;
                if depth > VALUE_DEPTH {
                    return false;
                }
            }
            b']' | b'}' if !in_string => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    true
}

/// Puts one member value into its slot, or, when its JSON type is wrong, into `other`.
/// The last occurrence of a name wins, as in `serde_json::Value` and JavaScript's `JSON.parse`.
///
/// Fails when the text is refused by [`check_raw`]: only what is kept as text (and what is
/// read into a `Value`, which nests further) needs that check, since reading a string or an
/// array of strings checks escapes itself.
pub(crate) fn read_member<S: Slot>(
    raw: Raw<'_>,
    slot: &mut S,
    other: &mut RawObject,
    tag: Option<&str>,
    name: &str,
) -> bool {
    match <S::Value as MemberValue>::from_raw(raw.get()) {
        Some(value) => {
            if <S::Value as MemberValue>::JSON_TYPE == JsonType::Object && !check_raw(raw.get()) {
                return false;
            }
            slot.put(tag, value);
            if !other.is_empty() {
                other.remove(name);
            }
        }
        None => {
            if !check_raw(raw.get()) {
                return false;
            }
            slot.clear(tag);
            other.insert(name.to_owned(), raw.into_raw_json());
        }
    }
    true
}

impl MemberId {
    pub(crate) fn classify(name: &str) -> KeyClass {
        if let Some(id) = Self::from_name(name) {
            return KeyClass::Member(id);
        }
        if let Some(hash) = name.find('#') {
            let tag = &name[hash + 1..];
            if let Some(id) = Self::from_name(&name[..hash]) {
                if id.localizable() && !tag.is_empty() {
                    return KeyClass::Tagged(id, hash);
                }
            }
        }
        KeyClass::Other
    }
}

/// Generates [`ProviderMetadata`] and everything derived from the member table.
macro_rules! provider_metadata {
    (
        $(
            $(#[doc = $doc:literal])*
            #[member($json:literal, $registration:ident, $spec:literal)]
            $field:ident: $ty:ty,
        )+
    ) => {
        /// An OpenID Provider / OAuth 2.0 authorization server metadata document: the JSON at
        /// `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3) or
        /// `/.well-known/oauth-authorization-server` (RFC 8414 §2).
        ///
        /// Every member of OpenID Connect Discovery 1.0 §3, RFC 8414 §2 and the IANA "OAuth
        /// Authorization Server Metadata" registry has a typed field; see [`MEMBERS`]($crate::MEMBERS) for the
        /// list with citations. Each field's documentation gives its spec section and
        /// requirement level.
        ///
        /// # Lossless
        ///
        /// Parsing accepts every JSON object and loses nothing: parse → serialize gives back
        /// the same JSON value (member order aside).
        ///
        /// * Absent members are `None` (or an empty [`Localized`]($crate::Localized)); `[]` is `Some(vec![])`.
        /// * A known member whose value has the wrong JSON type — `null`, a string where an
        ///   array belongs, an array holding a number — is kept verbatim in [`other`](Self::other)
        ///   and its typed field stays empty. So `null` and absent stay distinguishable, and
        ///   validation can report the member by name.
        /// * Unknown members, including case variants of known ones
        ///   (`Response_modes_supported`), are kept in [`other`](Self::other).
        /// * Members kept in [`other`](Self::other) keep their exact JSON text, numbers
        ///   included (see [`RawJson`]($crate::RawJson)).
        /// * Unknown values inside known members are kept by the open enums.
        /// * Spec defaults are **not** filled in: they are what the `effective_*` accessors
        ///   return, and nothing absent is ever written out.
        ///
        /// When a name occurs twice in the input, the last occurrence wins (as with
        /// `serde_json::Value`); validation reports duplicate names from the source text.
        ///
        /// # Building
        ///
        /// All fields are public and the type implements [`Default`], so a document is built
        /// with struct-update syntax. Always end with `..Default::default()`: new members may be
        /// added in minor releases.
        ///
        /// ```
        /// use oidc_discovery_metadata::{ProviderMetadata, ResponseType, GrantType, JwsAlg, SubjectType};
        ///
        /// let metadata = ProviderMetadata {
        ///     issuer: Some("https://id.example.com".into()),
        ///     authorization_endpoint: Some("https://id.example.com/authorize".into()),
        ///     token_endpoint: Some("https://id.example.com/token".into()),
        ///     jwks_uri: Some("https://id.example.com/jwks.json".into()),
        ///     response_types_supported: Some(vec![ResponseType::CODE]),
        ///     grant_types_supported: Some(vec![GrantType::AuthorizationCode, GrantType::RefreshToken]),
        ///     subject_types_supported: Some(vec![SubjectType::Public]),
        ///     id_token_signing_alg_values_supported: Some(vec![JwsAlg::Rs256, JwsAlg::Es256]),
        ///     ..Default::default()
        /// };
        /// let json = metadata.to_json_string()?;
        /// assert!(json.starts_with(r#"{"issuer":"https://id.example.com","#));
        /// # Ok::<(), oidc_discovery_metadata::SerializeError>(())
        /// ```
        #[derive(Clone, Default, PartialEq)]
        pub struct ProviderMetadata {
            $(
                $(#[doc = $doc])*
                pub $field: $ty,
            )+
            /// Every member that no typed field holds, kept verbatim: unknown and vendor
            /// members (`mfa_challenge_endpoint`, `Response_modes_supported`, …), tagged names
            /// of members that are not human-readable, and known members whose value has the
            /// wrong JSON type (including `null`). Each value is its JSON text
            /// ([`RawJson`]($crate::RawJson)), written back byte for byte, numbers included.
            ///
            /// Names are case-sensitive. A name must not be both here and set in its typed
            /// field: serialization refuses such a document ([`SerializeError`](crate::SerializeError)).
            pub other: $crate::RawObject,
        }

        /// Identifies a typed member (crate-internal; the public face is [`MemberInfo`]).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum MemberId {
            $($field,)+
        }

        impl MemberId {
            pub(crate) fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($json => Some(Self::$field),)+
                    _ => None,
                }
            }

            pub(crate) fn localizable(self) -> bool {
                match self {
                    $(Self::$field => <$ty as $crate::member::Slot>::LOCALIZABLE,)+
                }
            }

            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Self::$field => $json,)+
                }
            }
        }

        /// Every member this library types, in specification order: inventory §1.1 (OpenID
        /// Connect Discovery 1.0 §3 and RFC 8414 §2), §1.2 (other IANA-registered members),
        /// §1.3 (published but unregistered members).
        pub const MEMBERS: &[$crate::MemberInfo] = &[
            $(
                $crate::MemberInfo {
                    name: $json,
                    json_type: <<$ty as $crate::member::Slot>::Value as $crate::member::MemberValue>::JSON_TYPE,
                    localizable: <$ty as $crate::member::Slot>::LOCALIZABLE,
                    registration: $crate::Registration::$registration,
                    spec: $spec,
                    doc: concat!($($doc, "\n"),*),
                },
            )+
        ];

        impl ProviderMetadata {
            pub(crate) fn read_into(
                &mut self,
                raw: $crate::provider_metadata::Raw<'_>,
                id: MemberId,
                tag: Option<&str>,
                name: &str,
            ) -> bool {
                match id {
                    $(MemberId::$field => $crate::provider_metadata::read_member(raw, &mut self.$field, &mut self.other, tag, name),)+
                }
            }

            pub(crate) fn holds(&self, id: MemberId, tag: Option<&str>) -> bool {
                match id {
                    $(MemberId::$field => $crate::member::Slot::holds(&self.$field, tag),)+
                }
            }

            pub(crate) fn typed_member_count(&self) -> usize {
                0 $(+ $crate::member::Slot::count(&self.$field))+
            }

            pub(crate) fn serialize_typed<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                $(
                    $crate::member::Slot::try_for_each(&self.$field, |tag, value| match tag {
                        None => map.serialize_entry($json, value),
                        Some(tag) => map.serialize_entry(&format!(concat!($json, "#{}"), tag), value),
                    })?;
                )+
                Ok(())
            }

            /// Calls `f` with every typed member that is present (each tagged variant
            /// separately), in specification order. Members kept in `other` are not included.
            ///
            /// ```
            /// use oidc_discovery_metadata::{MemberView, ProviderMetadata};
            ///
            /// let metadata = ProviderMetadata::from_json_str(
            ///     r#"{"issuer": "https://a.example", "scopes_supported": ["openid"]}"#,
            /// )?;
            /// let mut lists = Vec::new();
            /// metadata.for_each_member(|member| {
            ///     if let MemberView::List { items, .. } = &member.value {
            ///         lists.push((member.json_name(), items.len()));
            ///     }
            /// });
            /// assert_eq!(lists, [("scopes_supported".into(), 1)]);
            /// # Ok::<(), oidc_discovery_metadata::ParseError>(())
            /// ```
            pub fn for_each_member<'a>(&'a self, mut f: impl FnMut($crate::MemberRef<'a>)) {
                $(
                    let _ = $crate::member::Slot::try_for_each(&self.$field, |tag, value| {
                        f($crate::MemberRef {
                            info: &MEMBERS[MemberId::$field as usize],
                            tag,
                            value: $crate::member::MemberValue::view(value),
                        });
                        Ok::<(), std::convert::Infallible>(())
                    });
                )+
            }

            pub(crate) fn debug_typed(&self, debug: &mut std::fmt::DebugStruct<'_, '_>) {
                $(
                    if $crate::member::Slot::count(&self.$field) > 0 {
                        debug.field(stringify!($field), &self.$field);
                    }
                )+
            }

            pub(crate) fn member_schemas(
                generator: &mut schemars::SchemaGenerator,
            ) -> Vec<$crate::schema::MemberSchema> {
                vec![
                    $(
                        $crate::schema::MemberSchema {
                            info: &MEMBERS[MemberId::$field as usize],
                            schema: generator.subschema_for::<<$ty as $crate::member::Slot>::Value>(),
                        },
                    )+
                ]
            }
        }
    };
}

pub(crate) use provider_metadata;

pub(crate) use crate::members::MemberId;
pub use crate::members::{MEMBERS, ProviderMetadata};

impl fmt::Debug for ProviderMetadata {
    /// Lists only the members that are present.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ProviderMetadata");
        self.debug_typed(&mut debug);
        if !self.other.is_empty() {
            debug.field("other", &self.other);
        }
        debug.finish()
    }
}

impl<'de> serde::Deserialize<'de> for ProviderMetadata {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MetadataVisitor {
            duplicates: None,
            borrowed: false,
        })
    }
}

/// Reads the top-level object; with `duplicates`, also notes every member name that occurs
/// more than once (each name once, however often it repeats, so that a document of one
/// repeated name costs no memory per repetition). With `borrowed`, member values are read as
/// text borrowed from the input (which must then be a `&str` or `&[u8]`), so that only the
/// values kept in `other` are copied.
pub(crate) struct MetadataVisitor<'d> {
    pub(crate) duplicates: Option<&'d mut std::collections::BTreeSet<String>>,
    pub(crate) borrowed: bool,
}

impl<'de> DeserializeSeed<'de> for MetadataVisitor<'_> {
    type Value = ProviderMetadata;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MetadataVisitor<'_> {
    type Value = ProviderMetadata;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object (authorization server metadata)")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<ProviderMetadata, A::Error> {
        let mut metadata = ProviderMetadata::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if let Some(duplicates) = self.duplicates.as_deref_mut() {
                // A name read before is in its typed field or in `other`.
                let (name, seen) = match &key {
                    Key::Member(id) => (
                        id.name(),
                        metadata.holds(*id, None) || metadata.other.contains_key(id.name()),
                    ),
                    Key::Tagged(id, name, hash) => (
                        name.as_str(),
                        metadata.holds(*id, Some(&name[hash + 1..]))
                            || metadata.other.contains_key(name.as_str()),
                    ),
                    Key::Other(name) => (name.as_str(), metadata.other.contains_key(name.as_str())),
                };
                if seen && !duplicates.contains(name) {
                    duplicates.insert(name.to_owned());
                }
            }
            let raw = if self.borrowed {
                Raw::Borrowed(map.next_value()?)
            } else {
                Raw::Owned(map.next_value()?)
            };
            let checked = match key {
                Key::Member(id) => metadata.read_into(raw, id, None, id.name()),
                Key::Tagged(id, name, hash) => {
                    metadata.read_into(raw, id, Some(&name[hash + 1..]), &name)
                }
                Key::Other(name) => {
                    let checked = check_raw(raw.get());
                    metadata.other.insert(name, raw.into_raw_json());
                    checked
                }
            };
            if !checked {
                return Err(serde::de::Error::custom(RAW_CHECK));
            }
        }
        Ok(metadata)
    }
}

impl serde::Serialize for ProviderMetadata {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(name) = self.conflicting_member() {
            return Err(serde::ser::Error::custom(format_args!(
                "member `{name}` is set both in its typed field and in `other`"
            )));
        }
        let mut map =
            serializer.serialize_map(Some(self.typed_member_count() + self.other.len()))?;
        self.serialize_typed(&mut map)?;
        for (name, value) in &self.other {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl ProviderMetadata {
    /// The first name in `other` that a typed field also holds (which would be written twice).
    pub(crate) fn conflicting_member(&self) -> Option<&str> {
        self.other
            .keys()
            .map(String::as_str)
            .find(|name| match MemberId::classify(name) {
                KeyClass::Member(id) => self.holds(id, None),
                KeyClass::Tagged(id, hash) => self.holds(id, Some(&name[hash + 1..])),
                KeyClass::Other => false,
            })
    }

    /// Whether the document has a member named exactly `name`, typed or in
    /// [`other`](Self::other) (including one whose value is `null`).
    #[must_use]
    pub fn has_member(&self, name: &str) -> bool {
        if self.other.contains_key(name) {
            return true;
        }
        match MemberId::classify(name) {
            KeyClass::Member(id) => self.holds(id, None),
            KeyClass::Tagged(id, hash) => self.holds(id, Some(&name[hash + 1..])),
            KeyClass::Other => false,
        }
    }

    /// The known members kept in [`other`](Self::other) because their value has the wrong JSON
    /// type (including `null`), with the type the specification expects.
    pub fn mistyped_members(&self) -> impl Iterator<Item = (&str, &RawJson, JsonType)> + '_ {
        self.other.iter().filter_map(|(name, value)| {
            let id = match MemberId::classify(name) {
                KeyClass::Member(id) | KeyClass::Tagged(id, _) => id,
                KeyClass::Other => return None,
            };
            let info = &crate::MEMBERS[id as usize];
            Some((name.as_str(), value, info.json_type))
        })
    }

    /// The members in [`other`](Self::other) that are not known members at all.
    pub fn unknown_members(&self) -> impl Iterator<Item = (&str, &RawJson)> + '_ {
        self.other
            .iter()
            .filter(|(name, _)| MemberId::classify(name) == KeyClass::Other)
            .map(|(name, value)| (name.as_str(), value))
    }
}
