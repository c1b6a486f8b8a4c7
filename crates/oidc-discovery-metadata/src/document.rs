//! What every kind of metadata document shares: the [`Metadata`] trait, the member registry
//! entries ([`MemberInfo`]), and the one lenient reader and writer that each member table
//! (`provider_members.rs`, `resource_members.rs`) is turned into by `metadata_document!`.
//!
//! A document kind is a member table: the macro makes the struct, its fields, its key
//! classifier, its registry, its serde and JSON Schema implementations; everything else —
//! reading any JSON object without losing a value, writing it back, `has_member`,
//! `mistyped_members` — is written once here, generic over the table.

use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use crate::member::{JsonType, MemberValue, Slot};
use crate::{MemberRef, ParseError, RawJson, RawObject, SerializeError};

/// Which kind of metadata document a type is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DocumentKind {
    /// Authorization server / OpenID Provider metadata (RFC 8414 §2, OpenID Connect Discovery
    /// 1.0 §3): [`ProviderMetadata`](crate::ProviderMetadata).
    Provider,
    /// Protected resource metadata (RFC 9728 §2):
    /// [`ProtectedResourceMetadata`](crate::ProtectedResourceMetadata).
    ProtectedResource,
}

impl DocumentKind {
    /// `"provider"` or `"protected-resource"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::ProtectedResource => "protected-resource",
        }
    }

    /// What the document is, in words: "authorization server metadata" or "protected resource
    /// metadata".
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Provider => "authorization server metadata",
            Self::ProtectedResource => "protected resource metadata",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a member is in the IANA registry of its document kind ("OAuth Authorization Server
/// Metadata", or "OAuth Protected Resource Metadata" of RFC 9728 §8.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Registration {
    /// Registered (registry snapshot of 2026-03-25).
    Iana,
    /// Defined by a published specification but not (yet) registered.
    Unregistered,
}

/// What the library knows about one metadata member: an entry of [`MEMBERS`](crate::MEMBERS)
/// or [`RESOURCE_MEMBERS`](crate::RESOURCE_MEMBERS).
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

    /// The entry for the authorization server metadata member `name` (exact, case-sensitive),
    /// if the library types it. For any document kind: [`Metadata::member_info`].
    #[must_use]
    pub fn find(name: &str) -> Option<&'static MemberInfo> {
        crate::ProviderMetadata::member_info(name)
    }
}

/// A metadata document kind: [`ProviderMetadata`](crate::ProviderMetadata) or
/// [`ProtectedResourceMetadata`](crate::ProtectedResourceMetadata).
///
/// Code that works on any document (validation of the JSON shape, serving, fetching) is
/// generic over this trait; each type also has these functions as inherent methods, so callers
/// that know their type need no import. Implemented only by this crate's member tables.
///
/// ```
/// use oidc_discovery_metadata::{Metadata, ProtectedResourceMetadata, ProviderMetadata};
///
/// fn members_present<D: Metadata>(json: &str) -> Result<usize, oidc_discovery_metadata::ParseError> {
///     let document = D::from_json_str(json)?;
///     let mut count = 0;
///     document.for_each_member(|_| count += 1);
///     Ok(count + document.other().len())
/// }
///
/// assert_eq!(members_present::<ProviderMetadata>(r#"{"issuer": "https://a.example", "x": 1}"#)?, 2);
/// assert_eq!(members_present::<ProtectedResourceMetadata>(r#"{"resource": "https://r.example"}"#)?, 1);
/// # Ok::<(), oidc_discovery_metadata::ParseError>(())
/// ```
pub trait Metadata:
    sealed::Table
    + Clone
    + Default
    + PartialEq
    + fmt::Debug
    + serde::Serialize
    + serde::de::DeserializeOwned
    + Send
    + Sync
    + 'static
{
    /// Which kind of document this is.
    const KIND: DocumentKind;

    /// Every member the type holds in a typed field, in specification order.
    const MEMBERS: &'static [MemberInfo];

    /// The entry for the member `name` (exact, case-sensitive), if the type has a field for it.
    #[must_use]
    fn member_info(name: &str) -> Option<&'static MemberInfo> {
        Self::MEMBERS.iter().find(|member| member.name == name)
    }

    /// Every member that no typed field holds, verbatim (the `other` field).
    fn other(&self) -> &RawObject;

    /// Calls `f` with every typed member that is present (each tagged variant separately), in
    /// specification order. Members kept in [`other`](Self::other) are not included.
    fn for_each_member<'a>(&'a self, f: impl FnMut(MemberRef<'a>));

    /// The identifier the document speaks for, as received: `issuer` (RFC 8414 §2, OpenID
    /// Connect Discovery 1.0 §3) or `resource` (RFC 9728 §2); `None` when absent or not a
    /// string.
    fn identifier(&self) -> Option<&str>;

    /// The `signed_metadata` member (RFC 8414 §2.1; RFC 9728 §2.2), when it is a string.
    fn signed_metadata(&self) -> Option<&crate::SignedMetadata>;

    /// Sets (or, with `None`, removes) `signed_metadata`; a value of the wrong type kept in
    /// `other` under that name is removed either way.
    fn set_signed_metadata(&mut self, jwt: Option<crate::SignedMetadata>);

    /// Parses a document from JSON text. Accepts any JSON object; a leading UTF-8 byte-order
    /// mark is ignored (RFC 8259 §8.1 allows a parser to).
    ///
    /// # Errors
    ///
    /// When the text is not JSON, or not a JSON object: a [`ParseError`] with line and column.
    fn from_json_str(json: &str) -> Result<Self, ParseError> {
        from_json_str(json)
    }

    /// Parses a document from JSON bytes (which must be UTF-8, RFC 8259 §8.1).
    ///
    /// # Errors
    ///
    /// As [`from_json_str`](Self::from_json_str); also when the bytes are not UTF-8.
    fn from_json_slice(json: &[u8]) -> Result<Self, ParseError> {
        from_json_slice(json)
    }

    /// Parses like [`from_json_slice`](Self::from_json_slice), and also returns the names of
    /// the top-level members that occur more than once (each once, sorted): a parsed document
    /// keeps the last value of each and cannot show them.
    ///
    /// # Errors
    ///
    /// As [`from_json_slice`](Self::from_json_slice).
    fn from_json_slice_noting_repeats(json: &[u8]) -> Result<(Self, Vec<String>), ParseError> {
        from_json_slice_noting_repeats(json)
    }

    /// Writes the document as compact JSON: typed members in specification order, then `other`
    /// by name.
    ///
    /// # Errors
    ///
    /// When a member is set both in its typed field and in `other`.
    fn to_json_string(&self) -> Result<String, SerializeError> {
        Ok(serde_json::to_string(self)?)
    }

    /// Writes the document as compact JSON bytes.
    ///
    /// # Errors
    ///
    /// As [`to_json_string`](Self::to_json_string).
    fn to_json_vec(&self) -> Result<Vec<u8>, SerializeError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// Whether the document has a member named exactly `name`, typed or in `other` (including
    /// one whose value is `null`).
    #[must_use]
    fn has_member(&self, name: &str) -> bool {
        has_member(self, name)
    }

    /// The known members kept in `other` because their value has the wrong JSON type
    /// (including `null`), with the type the specification expects.
    fn mistyped_members(&self) -> impl Iterator<Item = (&str, &RawJson, JsonType)> + '_ {
        mistyped_members(self)
    }

    /// The members in `other` that are not known members at all.
    fn unknown_members(&self) -> impl Iterator<Item = (&str, &RawJson)> + '_ {
        unknown_members(self)
    }
}

/// What the member tables generate and the generic reader and writer use; not nameable
/// outside the crate, so only this crate's tables implement [`Metadata`].
pub(crate) mod sealed {
    /// The crate-internal face of a member table.
    pub trait Table: Sized + Default {
        /// Identifies a typed member.
        type Id: Copy + Eq + 'static;
        /// The type's name, for `Debug`.
        const NAME: &'static str;
        /// What serde says it expected when the input is not an object.
        const EXPECTING: &'static str;
        /// The member named exactly `name`.
        fn member_id(name: &str) -> Option<Self::Id>;
        /// Whether the member takes `name#tag` variants.
        fn localizable(id: Self::Id) -> bool;
        /// The member's JSON name.
        fn id_name(id: Self::Id) -> &'static str;
        /// Puts one value into its slot, or into `other` when its JSON type is wrong.
        fn read_into(
            &mut self,
            raw: super::Raw<'_>,
            id: Self::Id,
            tag: Option<&str>,
            name: &str,
        ) -> bool;
        /// Whether the slot holds a value for the untagged name or the tag.
        fn holds(&self, id: Self::Id, tag: Option<&str>) -> bool;
        /// How many JSON members the typed fields write.
        fn typed_member_count(&self) -> usize;
        /// Writes the typed members.
        fn serialize_typed<M: serde::ser::SerializeMap>(&self, map: &mut M)
        -> Result<(), M::Error>;
        /// Adds the present typed members to a `Debug` output.
        fn debug_typed(&self, debug: &mut std::fmt::DebugStruct<'_, '_>);
        /// The `other` field.
        fn other_ref(&self) -> &crate::RawObject;
        /// The `other` field, mutably.
        fn other_mut(&mut self) -> &mut crate::RawObject;
    }
}

use sealed::Table;

/// How a JSON member name maps onto a table's typed members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyClass<I> {
    /// A known member's exact name.
    Member(I),
    /// `name#tag` of a localizable member; the `usize` is the index of `#`.
    Tagged(I, usize),
    /// Anything else.
    Other,
}

/// How `name` maps onto the members of `D`.
pub(crate) fn classify<D: Table>(name: &str) -> KeyClass<D::Id> {
    if let Some(id) = D::member_id(name) {
        return KeyClass::Member(id);
    }
    if let Some(hash) = name.find('#') {
        let tag = &name[hash + 1..];
        if let Some(id) = D::member_id(&name[..hash]) {
            if D::localizable(id) && !tag.is_empty() {
                return KeyClass::Tagged(id, hash);
            }
        }
    }
    KeyClass::Other
}

/// Reads one member name without allocating for known names.
enum Key<I> {
    Member(I),
    Tagged(I, String, usize),
    Other(String),
}

struct KeySeed<D>(std::marker::PhantomData<D>);

impl<'de, D: Table> DeserializeSeed<'de> for KeySeed<D> {
    type Value = Key<D::Id>;
    fn deserialize<De: serde::Deserializer<'de>>(self, d: De) -> Result<Self::Value, De::Error> {
        d.deserialize_str(self)
    }
}

impl<D: Table> Visitor<'_> for KeySeed<D> {
    type Value = Key<D::Id>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(match classify::<D>(name) {
            KeyClass::Member(id) => Key::Member(id),
            KeyClass::Tagged(id, hash) => Key::Tagged(id, name.to_owned(), hash),
            KeyClass::Other => Key::Other(name.to_owned()),
        })
    }

    fn visit_string<E: serde::de::Error>(self, name: String) -> Result<Self::Value, E> {
        Ok(match classify::<D>(&name) {
            KeyClass::Member(id) => Key::Member(id),
            KeyClass::Tagged(id, hash) => Key::Tagged(id, name, hash),
            KeyClass::Other => Key::Other(name),
        })
    }
}

/// A member value's JSON text: borrowed from the input when it is in memory, otherwise owned.
pub enum Raw<'de> {
    /// Borrowed from the input.
    Borrowed(&'de RawValue),
    /// Owned (the input is a reader or a `Value`).
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

/// Generates a document type and everything derived from its member table: the struct, the
/// member ids, the registry, the [`Metadata`] and serde implementations, the JSON Schema and
/// the inherent methods (which call the one generic implementation of each step).
macro_rules! metadata_document {
    (
        $(#[doc = $struct_doc:literal])*
        pub struct $name:ident;
        $(#[doc = $members_doc:literal])*
        pub const $members:ident;
        kind = $kind:ident,
        identifier = $identifier:ident,
        expecting = $expecting:literal,
        schema_title = $schema_title:literal,
        schema_description = $schema_description:literal,
        tags = $tags:literal;
        $(
            $(#[doc = $doc:literal])*
            #[member($json:literal, $registration:ident, $spec:literal)]
            $field:ident: $ty:ty,
        )+
    ) => {
        $(#[doc = $struct_doc])*
        #[derive(Clone, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                pub $field: $ty,
            )+
            /// Every member that no typed field holds, kept verbatim: unknown and vendor
            /// members, tagged names of members that are not human-readable, and known members
            /// whose value has the wrong JSON type (including `null`). Each value is its JSON
            /// text ([`RawJson`]($crate::RawJson)), written back byte for byte, numbers
            /// included.
            ///
            /// Names are case-sensitive. A name must not be both here and set in its typed
            /// field: serialization refuses such a document ([`SerializeError`]($crate::SerializeError)).
            pub other: $crate::RawObject,
        }

        /// Identifies a typed member (not nameable outside the crate; the public face is
        /// [`MemberInfo`]($crate::MemberInfo)).
        #[allow(non_camel_case_types, missing_docs)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum MemberId {
            $($field,)+
        }

        $(#[doc = $members_doc])*
        pub const $members: &[$crate::MemberInfo] = &[
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

        impl $crate::document::sealed::Table for $name {
            type Id = MemberId;
            const NAME: &'static str = stringify!($name);
            const EXPECTING: &'static str = $expecting;

            fn member_id(name: &str) -> Option<MemberId> {
                match name {
                    $($json => Some(MemberId::$field),)+
                    _ => None,
                }
            }

            fn localizable(id: MemberId) -> bool {
                match id {
                    $(MemberId::$field => <$ty as $crate::member::Slot>::LOCALIZABLE,)+
                }
            }

            fn id_name(id: MemberId) -> &'static str {
                match id {
                    $(MemberId::$field => $json,)+
                }
            }

            fn read_into(
                &mut self,
                raw: $crate::document::Raw<'_>,
                id: MemberId,
                tag: Option<&str>,
                name: &str,
            ) -> bool {
                match id {
                    $(MemberId::$field => $crate::document::read_member(raw, &mut self.$field, &mut self.other, tag, name),)+
                }
            }

            fn holds(&self, id: MemberId, tag: Option<&str>) -> bool {
                match id {
                    $(MemberId::$field => $crate::member::Slot::holds(&self.$field, tag),)+
                }
            }

            fn typed_member_count(&self) -> usize {
                0 $(+ $crate::member::Slot::count(&self.$field))+
            }

            fn serialize_typed<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                $(
                    $crate::member::Slot::try_for_each(&self.$field, |tag, value| match tag {
                        None => map.serialize_entry($json, value),
                        Some(tag) => map.serialize_entry(&format!(concat!($json, "#{}"), tag), value),
                    })?;
                )+
                Ok(())
            }

            fn debug_typed(&self, debug: &mut std::fmt::DebugStruct<'_, '_>) {
                $(
                    if $crate::member::Slot::count(&self.$field) > 0 {
                        debug.field(stringify!($field), &self.$field);
                    }
                )+
            }

            fn other_ref(&self) -> &$crate::RawObject {
                &self.other
            }

            fn other_mut(&mut self) -> &mut $crate::RawObject {
                &mut self.other
            }
        }

        impl $crate::Metadata for $name {
            const KIND: $crate::DocumentKind = $crate::DocumentKind::$kind;
            const MEMBERS: &'static [$crate::MemberInfo] = $members;

            fn other(&self) -> &$crate::RawObject {
                &self.other
            }

            fn for_each_member<'a>(&'a self, f: impl FnMut($crate::MemberRef<'a>)) {
                self.for_each_member(f);
            }

            fn identifier(&self) -> Option<&str> {
                self.$identifier.as_ref().map(|identifier| identifier.as_str())
            }

            fn signed_metadata(&self) -> Option<&$crate::SignedMetadata> {
                self.signed_metadata.as_ref()
            }

            fn set_signed_metadata(&mut self, jwt: Option<$crate::SignedMetadata>) {
                self.signed_metadata = jwt;
                self.other.remove("signed_metadata");
            }
        }

        impl $name {
            /// Calls `f` with every typed member that is present (each tagged variant
            /// separately), in specification order. Members kept in [`other`](Self::other) are
            /// not included. (As [`Metadata::for_each_member`]($crate::Metadata::for_each_member).)
            pub fn for_each_member<'a>(&'a self, mut f: impl FnMut($crate::MemberRef<'a>)) {
                $(
                    let _ = $crate::member::Slot::try_for_each(&self.$field, |tag, value| {
                        f($crate::MemberRef {
                            info: &$members[MemberId::$field as usize],
                            tag,
                            value: $crate::member::MemberValue::view(value),
                        });
                        Ok::<(), std::convert::Infallible>(())
                    });
                )+
            }

            /// Parses a document from JSON text: any JSON object (see the type's
            /// documentation); a leading UTF-8 byte-order mark is ignored (RFC 8259 §8.1 allows
            /// a parser to). (As [`Metadata::from_json_str`]($crate::Metadata::from_json_str).)
            ///
            /// # Errors
            ///
            /// When the text is not JSON, or not a JSON object: a [`ParseError`]($crate::ParseError)
            /// with line and column.
            pub fn from_json_str(json: &str) -> Result<Self, $crate::ParseError> {
                $crate::document::from_json_str(json)
            }

            /// Parses a document from JSON bytes (which must be UTF-8, RFC 8259 §8.1).
            ///
            /// # Errors
            ///
            /// As [`from_json_str`](Self::from_json_str); also when the bytes are not UTF-8.
            pub fn from_json_slice(json: &[u8]) -> Result<Self, $crate::ParseError> {
                $crate::document::from_json_slice(json)
            }

            /// Parses like [`from_json_slice`](Self::from_json_slice), and also returns the
            /// names of the top-level members that occur more than once (each once, sorted): a
            /// parsed document keeps the last value of each and cannot show them. (Repeated
            /// names inside nested objects are not looked for.)
            ///
            /// # Errors
            ///
            /// As [`from_json_slice`](Self::from_json_slice).
            pub fn from_json_slice_noting_repeats(json: &[u8]) -> Result<(Self, Vec<String>), $crate::ParseError> {
                $crate::document::from_json_slice_noting_repeats(json)
            }

            /// Writes the document as compact JSON: typed members in specification order, then
            /// [`other`](Self::other) by name.
            ///
            /// # Errors
            ///
            /// When a member is set both in its typed field and in [`other`](Self::other).
            pub fn to_json_string(&self) -> Result<String, $crate::SerializeError> {
                Ok(serde_json::to_string(self)?)
            }

            /// Writes the document as compact JSON bytes.
            ///
            /// # Errors
            ///
            /// As [`to_json_string`](Self::to_json_string).
            pub fn to_json_vec(&self) -> Result<Vec<u8>, $crate::SerializeError> {
                Ok(serde_json::to_vec(self)?)
            }

            /// Writes the document as indented JSON.
            ///
            /// # Errors
            ///
            /// As [`to_json_string`](Self::to_json_string).
            pub fn to_json_string_pretty(&self) -> Result<String, $crate::SerializeError> {
                Ok(serde_json::to_string_pretty(self)?)
            }

            /// Whether the document has a member named exactly `name`, typed or in
            /// [`other`](Self::other) (including one whose value is `null`).
            #[must_use]
            pub fn has_member(&self, name: &str) -> bool {
                $crate::document::has_member(self, name)
            }

            /// The known members kept in [`other`](Self::other) because their value has the
            /// wrong JSON type (including `null`), with the type the specification expects.
            pub fn mistyped_members(&self) -> impl Iterator<Item = (&str, &$crate::RawJson, $crate::JsonType)> + '_ {
                $crate::document::mistyped_members(self)
            }

            /// The members in [`other`](Self::other) that are not known members at all.
            pub fn unknown_members(&self) -> impl Iterator<Item = (&str, &$crate::RawJson)> + '_ {
                $crate::document::unknown_members(self)
            }

            pub(crate) fn member_schemas(
                generator: &mut schemars::SchemaGenerator,
            ) -> Vec<$crate::schema::MemberSchema> {
                vec![
                    $(
                        $crate::schema::MemberSchema {
                            info: &$members[MemberId::$field as usize],
                            schema: generator.subschema_for::<<$ty as $crate::member::Slot>::Value>(),
                        },
                    )+
                ]
            }
        }

        impl std::fmt::Debug for $name {
            /// Lists only the members that are present.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::document::debug(self, f)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::document::deserialize(deserializer)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::document::serialize(self, serializer)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ParseError;
            fn from_str(json: &str) -> Result<Self, $crate::ParseError> {
                Self::from_json_str(json)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let members = Self::member_schemas(generator);
                $crate::schema::document_schema(members, $schema_title, $schema_description, $tags)
            }
        }
    };
}

pub(crate) use metadata_document;

/// Writes `document`'s present members (and `other`) as a `Debug` struct.
pub(crate) fn debug<D: Table>(document: &D, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut debug = f.debug_struct(D::NAME);
    document.debug_typed(&mut debug);
    if !document.other_ref().is_empty() {
        debug.field("other", document.other_ref());
    }
    debug.finish()
}

/// serde's entry point for every document type: values captured as owned text.
pub(crate) fn deserialize<'de, D: Table, De: serde::Deserializer<'de>>(
    deserializer: De,
) -> Result<D, De::Error> {
    deserializer.deserialize_map(DocumentVisitor::<D> {
        duplicates: None,
        borrowed: false,
        document: std::marker::PhantomData,
    })
}

/// Reads the top-level object; with `duplicates`, also notes every member name that occurs
/// more than once (each name once, however often it repeats, so that a document of one
/// repeated name costs no memory per repetition). With `borrowed`, member values are read as
/// text borrowed from the input (which must then be a `&str` or `&[u8]`), so that only the
/// values kept in `other` are copied.
struct DocumentVisitor<'d, D> {
    duplicates: Option<&'d mut std::collections::BTreeSet<String>>,
    borrowed: bool,
    document: std::marker::PhantomData<D>,
}

impl<'de, D: Table> DeserializeSeed<'de> for DocumentVisitor<'_, D> {
    type Value = D;
    fn deserialize<De: serde::Deserializer<'de>>(self, deserializer: De) -> Result<D, De::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, D: Table> Visitor<'de> for DocumentVisitor<'_, D> {
    type Value = D;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(D::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<D, A::Error> {
        let mut document = D::default();
        while let Some(key) = map.next_key_seed(KeySeed::<D>(std::marker::PhantomData))? {
            if let Some(duplicates) = self.duplicates.as_deref_mut() {
                // A name read before is in its typed field or in `other`.
                let (name, seen) = match &key {
                    Key::Member(id) => (
                        D::id_name(*id),
                        document.holds(*id, None)
                            || document.other_ref().contains_key(D::id_name(*id)),
                    ),
                    Key::Tagged(id, name, hash) => (
                        name.as_str(),
                        document.holds(*id, Some(&name[hash + 1..]))
                            || document.other_ref().contains_key(name.as_str()),
                    ),
                    Key::Other(name) => (
                        name.as_str(),
                        document.other_ref().contains_key(name.as_str()),
                    ),
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
                Key::Member(id) => document.read_into(raw, id, None, D::id_name(id)),
                Key::Tagged(id, name, hash) => {
                    document.read_into(raw, id, Some(&name[hash + 1..]), &name)
                }
                Key::Other(name) => {
                    let checked = check_raw(raw.get());
                    document.other_mut().insert(name, raw.into_raw_json());
                    checked
                }
            };
            if !checked {
                return Err(serde::de::Error::custom(RAW_CHECK));
            }
        }
        Ok(document)
    }
}

/// serde's entry point for writing every document type.
pub(crate) fn serialize<D: Table, S: serde::Serializer>(
    document: &D,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if let Some(name) = conflicting_member(document) {
        return Err(serde::ser::Error::custom(format_args!(
            "member `{name}` is set both in its typed field and in `other`"
        )));
    }
    let mut map = serializer.serialize_map(Some(
        document.typed_member_count() + document.other_ref().len(),
    ))?;
    document.serialize_typed(&mut map)?;
    for (name, value) in document.other_ref() {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

/// The first name in `other` that a typed field also holds (which would be written twice).
pub(crate) fn conflicting_member<D: Table>(document: &D) -> Option<&str> {
    document
        .other_ref()
        .keys()
        .map(String::as_str)
        .find(|name| match classify::<D>(name) {
            KeyClass::Member(id) => document.holds(id, None),
            KeyClass::Tagged(id, hash) => document.holds(id, Some(&name[hash + 1..])),
            KeyClass::Other => false,
        })
}

/// [`Metadata::has_member`].
pub(crate) fn has_member<D: Table>(document: &D, name: &str) -> bool {
    if document.other_ref().contains_key(name) {
        return true;
    }
    match classify::<D>(name) {
        KeyClass::Member(id) => document.holds(id, None),
        KeyClass::Tagged(id, hash) => document.holds(id, Some(&name[hash + 1..])),
        KeyClass::Other => false,
    }
}

/// [`Metadata::mistyped_members`].
pub(crate) fn mistyped_members<D: Metadata>(
    document: &D,
) -> impl Iterator<Item = (&str, &RawJson, JsonType)> + '_ {
    document.other_ref().iter().filter_map(|(name, value)| {
        let id = match classify::<D>(name) {
            KeyClass::Member(id) | KeyClass::Tagged(id, _) => id,
            KeyClass::Other => return None,
        };
        let info = D::member_info(D::id_name(id))?;
        Some((name.as_str(), value, info.json_type))
    })
}

/// [`Metadata::unknown_members`].
pub(crate) fn unknown_members<D: Table>(
    document: &D,
) -> impl Iterator<Item = (&str, &RawJson)> + '_ {
    document
        .other_ref()
        .iter()
        .filter(|(name, _)| classify::<D>(name) == KeyClass::Other)
        .map(|(name, value)| (name.as_str(), value))
}

const BOM: &str = "\u{feff}";

/// The error for `json` (BOM removed) that the parse stopped at.
///
/// Capturing a value's text checks less than parsing it does: the capture's own position for
/// a few syntax errors differs by a column, and lone surrogate escapes and nesting beyond
/// serde_json's limit are found by [`check_raw`] at the end of the value. So the error
/// reported is that of a full parse of the document, as it always was, unless that parse stops
/// at a number beyond `f64`, which is not an error here.
fn read_error(error: &serde_json::Error, json: &[u8], bom: bool) -> ParseError {
    use serde_json::error::Category;
    let marked = is_raw_check_error(error);
    if marked || error.classify() != Category::Data {
        if let Err(full) = serde_json::from_slice::<serde_json::Value>(json) {
            if full.classify() != Category::Data
                && !full.to_string().starts_with("number out of range")
            {
                return ParseError::from_json(&full, json, bom);
            }
        }
        if marked {
            return ParseError::syntax(error, false, bom);
        }
    }
    ParseError::from_json(error, json, bom)
}

/// The top-level visitor for input in memory: member values borrowed from it.
fn borrowed_visitor<D>(
    duplicates: Option<&mut std::collections::BTreeSet<String>>,
) -> DocumentVisitor<'_, D> {
    DocumentVisitor {
        duplicates,
        borrowed: true,
        document: std::marker::PhantomData,
    }
}

/// Parses `json` (BOM removed; `bom` says whether there was one), noting repeated names in
/// `duplicates` when given.
fn read_str<D: Table>(
    json: &str,
    bom: bool,
    duplicates: Option<&mut std::collections::BTreeSet<String>>,
) -> Result<D, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let document = borrowed_visitor::<D>(duplicates)
        .deserialize(&mut deserializer)
        .and_then(|document| deserializer.end().map(|()| document));
    document.map_err(|error| read_error(&error, json.as_bytes(), bom))
}

/// [`Metadata::from_json_str`].
pub(crate) fn from_json_str<D: Table>(json: &str) -> Result<D, ParseError> {
    let (json, bom) = match json.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (json, false),
    };
    read_str(json, bom, None)
}

/// [`Metadata::from_json_slice`].
pub(crate) fn from_json_slice<D: Table>(json: &[u8]) -> Result<D, ParseError> {
    let (json, bom) = match json.strip_prefix(BOM.as_bytes()) {
        Some(rest) => (rest, true),
        None => (json, false),
    };
    // UTF-8 checked once for the whole text (rather than string by string, and again for each
    // captured value); invalid input takes the byte path, for the error's position.
    if let Ok(text) = std::str::from_utf8(json) {
        return read_str(text, bom, None);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let document = borrowed_visitor::<D>(None)
        .deserialize(&mut deserializer)
        .and_then(|document| deserializer.end().map(|()| document));
    document.map_err(|error| read_error(&error, json, bom))
}

/// [`Metadata::from_json_slice_noting_repeats`].
pub(crate) fn from_json_slice_noting_repeats<D: Table>(
    json: &[u8],
) -> Result<(D, Vec<String>), ParseError> {
    let (json, bom) = match json.strip_prefix(BOM.as_bytes()) {
        Some(rest) => (rest, true),
        None => (json, false),
    };
    let mut repeated = std::collections::BTreeSet::new();
    if let Ok(text) = std::str::from_utf8(json) {
        let document = read_str(text, bom, Some(&mut repeated))?;
        return Ok((document, repeated.into_iter().collect()));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let document = borrowed_visitor::<D>(Some(&mut repeated))
        .deserialize(&mut deserializer)
        .map_err(|error| read_error(&error, json, bom))?;
    deserializer
        .end()
        .map_err(|error| read_error(&error, json, bom))?;
    Ok((document, repeated.into_iter().collect()))
}
