//! The machinery shared by every open value set: [`UnknownValue`] and the `open_enum!` macro.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

/// A value that is not one of the known values of its value set, kept exactly as received.
///
/// Every value set of the metadata specifications is extensible (IANA registries grow, vendors
/// add their own values), so every enum in this crate has an `Unknown(UnknownValue)` variant.
///
/// An `UnknownValue` can only be obtained by parsing a string that is **not** a known value of
/// the enum it belongs to. This keeps equality honest: `GrantType::from("implicit")` is always
/// [`GrantType::Implicit`](crate::GrantType::Implicit), never an `Unknown` that happens to hold
/// the same text. To build a value in code, parse it: `GrantType::from("urn:example:grant")`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// Only the parsers of this crate create unknown values.
    pub(crate) fn new(value: impl Into<Box<str>>) -> Self {
        Self(value.into())
    }

    /// The value exactly as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for UnknownValue {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for UnknownValue {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// A serde visitor for any type that is parsed from a string without failing.
///
/// Borrowed strings go through `From<&str>` (no allocation for known values); owned strings
/// through `From<String>` (the allocation is reused for unknown values).
pub(crate) struct StrVisitor<T>(pub(crate) &'static str, pub(crate) PhantomData<T>);

impl<T> serde::de::Visitor<'_> for StrVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }
}

/// Builds the JSON Schema of an open value set: a string, one of the known values or any other.
pub(crate) fn open_schema(doc: &str, known: &[&str]) -> schemars::Schema {
    let description = doc_text(doc);
    schemars::json_schema!({
        "description": description,
        "type": "string",
        "anyOf": [
            { "enum": known },
            { "description": "Any other value: the registry is extensible, so unknown values are kept." }
        ]
    })
}

/// Turns the text of `#[doc = "…"]` attributes (each line starting with a space) into plain text:
/// the first paragraph, for schema descriptions.
pub(crate) fn doc_text(doc: &str) -> String {
    doc.trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Defines an open value set: an enum with one variant per known value and an
/// `Unknown(UnknownValue)` variant that keeps anything else verbatim.
///
/// Each known variant is written `Variant = "wire value", "Spec §section";` followed by optional
/// doc lines. The macro generates parsing (`From<&str>`, `From<String>`, `FromStr`), `as_str`,
/// `Display`, `AsRef<str>`, serde, schemars, the list of known values and their citations.
macro_rules! open_enum {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $value:literal, $cite:literal;
            )+
        }
    ) => {
        $(#[doc = $doc])*
        ///
        /// This value set is **open**: every string parses. A known value (exact, case-sensitive
        /// match) becomes its variant; anything else becomes [`Self::Unknown`] and displays and
        /// serializes back byte for byte. [`Self::KNOWN`] lists the known values.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                #[doc = concat!("`", $value, "` — ", $cite, ".")]
                $(
                    #[doc = ""]
                    #[doc = $vdoc]
                )*
                $variant,
            )+
            /// Any other value, kept exactly as received.
            ///
            /// Only produced by parsing: a known value never ends up here.
            Unknown($crate::UnknownValue),
        }

        impl $name {
            /// Every known value, in the order of the specification tables.
            pub const KNOWN: &'static [Self] = &[$(Self::$variant),+];

            /// Parses a value. Never fails: unknown values are kept verbatim.
            #[must_use]
            pub fn parse(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Unknown($crate::UnknownValue::new(value)))
            }

            /// The known variant spelled exactly `value`, if there is one.
            #[must_use]
            pub fn known(value: &str) -> Option<Self> {
                match value {
                    $($value => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)+
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// Whether this is one of the known values.
            #[must_use]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

            /// The specification (and section) that defines this value; `None` when unknown.
            #[must_use]
            pub fn citation(&self) -> Option<&'static str> {
                match self {
                    $(Self::$variant => Some($cite),)+
                    Self::Unknown(_) => None,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::parse(value)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown($crate::UnknownValue::new(value)))
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::parse(value))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::open_enum::StrVisitor(
                    concat!("a string (", stringify!($name), ")"),
                    std::marker::PhantomData,
                ))
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                concat!(module_path!(), "::", stringify!($name)).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::open_enum::open_schema(
                    concat!($($doc, "\n"),*).trim(),
                    &[$($value),+],
                )
            }
        }
    };
}

pub(crate) use open_enum;
