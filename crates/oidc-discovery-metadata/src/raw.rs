//! [`RawJson`]: a JSON value kept as the text it was written as.

use std::fmt;

use serde_json::Value;
use serde_json::value::RawValue;

/// One JSON value kept exactly as it was written: how [`ProviderMetadata`] holds the members
/// it does not type (in [`other`](crate::ProviderMetadata::other)).
///
/// Numbers keep their digits (`18446744073709551617`, `1e400`, `1.0`, `0.1e-400`), and so does
/// everything else (escapes, spacing inside the value, the order of an object's names): the
/// text is written back byte for byte. Nothing is parsed until asked for:
/// [`kind`](Self::kind) reads the first character, [`to_value`](Self::to_value) parses.
///
/// ```
/// use oidc_discovery_metadata::{JsonKind, ProviderMetadata};
///
/// let json = r#"{"x_build":18446744073709551617,"x_limits":{"max":1e400}}"#;
/// let metadata = ProviderMetadata::from_json_str(json)?;
/// let build = &metadata.other["x_build"];
/// assert_eq!(build.as_str(), "18446744073709551617");
/// assert_eq!(build.kind(), JsonKind::Number);
/// // A `serde_json::Value` on demand (numbers as serde_json reads them):
/// assert_eq!(build.to_value()?, serde_json::json!(18446744073709551617.0));
/// // `1e400` is beyond `f64`: kept and written back, but not a `Value`.
/// assert!(metadata.other["x_limits"].to_value().is_err());
/// assert_eq!(metadata.to_json_string()?, json);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Two values are equal when their texts are, or when both parse to equal
/// [`Value`]s (so `[1, 2]` equals `[1,2]`, and a value equals the `Value` it was made from).
///
/// `RawJson` (and so [`ProviderMetadata`]) can be deserialized only by serde_json (`from_str`,
/// `from_slice`, `from_reader`, `from_value`): keeping the text needs serde_json's
/// [`RawValue`].
///
/// [`ProviderMetadata`]: crate::ProviderMetadata
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

/// The JSON type of a value, as read from its first character (see [`RawJson::kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of the JSON value `raw` (valid JSON text, as a [`RawValue`] holds).
    #[must_use]
    pub fn of(raw: &RawValue) -> Self {
        match raw.get().trim_start().as_bytes().first() {
            Some(b'n') => Self::Null,
            Some(b't' | b'f') => Self::Boolean,
            Some(b'"') => Self::String,
            Some(b'[') => Self::Array,
            Some(b'{') => Self::Object,
            _ => Self::Number,
        }
    }

    /// The name with an article, for messages: `null`, `a boolean`, `a number`, `a string`,
    /// `an array`, `an object`.
    #[must_use]
    pub fn described(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean => "a boolean",
            Self::Number => "a number",
            Self::String => "a string",
            Self::Array => "an array",
            Self::Object => "an object",
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.described())
    }
}

impl RawJson {
    /// Checks that `json` is one JSON value and keeps it as written.
    ///
    /// # Errors
    ///
    /// When `json` is not exactly one JSON value (whitespace around it is allowed, and
    /// dropped).
    pub fn from_json(json: impl Into<String>) -> Result<Self, serde_json::Error> {
        RawValue::from_string(json.into()).map(Self)
    }

    /// Writes `value` as compact JSON text.
    #[must_use]
    pub fn from_value(value: &Value) -> Self {
        // Writing a `Value` cannot fail (its object names are strings).
        Self(serde_json::value::to_raw_value(value).unwrap_or_default())
    }

    /// The JSON text, exactly as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.get()
    }

    /// The text as serde_json's [`RawValue`].
    #[must_use]
    pub fn as_raw_value(&self) -> &RawValue {
        &self.0
    }

    /// The JSON type of the value.
    #[must_use]
    pub fn kind(&self) -> JsonKind {
        JsonKind::of(&self.0)
    }

    /// Whether the value is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        self.kind() == JsonKind::Null
    }

    /// The value parsed as a [`Value`]. Numbers are what serde_json makes of them: exact
    /// for integers within 64 bits, otherwise the nearest `f64`.
    ///
    /// # Errors
    ///
    /// When the value holds a number beyond the range of `f64` (such as `1e400`), which a
    /// [`Value`] cannot hold (unless serde_json's `arbitrary_precision` is on in the build).
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        serde_json::from_str(self.as_str())
    }

    /// The elements of an array, each as written; `None` when the value is not an array.
    #[must_use]
    pub fn items(&self) -> Option<Vec<&RawValue>> {
        if self.kind() != JsonKind::Array {
            return None;
        }
        serde_json::from_str(self.as_str()).ok()
    }

    /// The members of an object (names unescaped, the last of a repeated name, sorted by
    /// name), each value as written; `None` when the value is not an object.
    #[must_use]
    pub fn fields(&self) -> Option<std::collections::BTreeMap<String, &RawValue>> {
        if self.kind() != JsonKind::Object {
            return None;
        }
        serde_json::from_str(self.as_str()).ok()
    }

    pub(crate) fn from_raw(raw: Box<RawValue>) -> Self {
        Self(raw)
    }
}

impl From<Value> for RawJson {
    fn from(value: Value) -> Self {
        Self::from_value(&value)
    }
}

impl From<&Value> for RawJson {
    fn from(value: &Value) -> Self {
        Self::from_value(value)
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        Self(raw)
    }
}

impl From<RawJson> for Box<RawValue> {
    fn from(raw: RawJson) -> Self {
        raw.0
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
            || matches!((self.to_value(), other.to_value()), (Ok(a), Ok(b)) if a == b)
    }
}

impl PartialEq<Value> for RawJson {
    fn eq(&self, other: &Value) -> bool {
        self.to_value().is_ok_and(|value| value == *other)
    }
}

impl PartialEq<RawJson> for Value {
    fn eq(&self, other: &RawJson) -> bool {
        other == self
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for RawJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for RawJson {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(Self)
    }
}
