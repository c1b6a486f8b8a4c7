//! String-valued members kept exactly as received: [`Issuer`], [`UrlString`], [`SignedMetadata`].

use std::borrow::{Borrow, Cow};
use std::fmt;

macro_rules! string_value {
    ($(#[doc = $doc:literal])* $name:ident, $expecting:literal, $schema:literal) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Box<str>);

        impl $name {
            /// Wraps a value. Never fails and never normalizes: the string is kept as given.
            #[must_use]
            pub fn new(value: impl Into<Box<str>>) -> Self {
                Self(value.into())
            }

            /// The value exactly as received.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&&*self.0).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.into())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value.into_boxed_str())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0.into()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn schema_id() -> Cow<'static, str> {
                concat!(module_path!(), "::", stringify!($name)).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "description": $schema })
            }
        }
    };
}

string_value! {
    /// A URL-valued member (`token_endpoint`, `jwks_uri`, `op_tos_uri`, …), kept as the exact
    /// string received.
    ///
    /// Nothing is normalized (the `url` crate would, for example, turn `https://a.example` into
    /// `https://a.example/`), so the value serializes back byte for byte and compares exactly.
    /// [`parse`](Self::parse) gives a [`url::Url`] on demand. Whether the value is an acceptable
    /// endpoint (absolute, `https`, no fragment) is for validation to say.
    ///
    /// ```
    /// use oidc_discovery_metadata::UrlString;
    ///
    /// let endpoint = UrlString::from("https://login.example.com/oauth2/token?p=b2c_1_signin");
    /// assert_eq!(endpoint.parse()?.query(), Some("p=b2c_1_signin"));
    /// assert_eq!(endpoint.as_str(), "https://login.example.com/oauth2/token?p=b2c_1_signin");
    /// # Ok::<(), url::ParseError>(())
    /// ```
    UrlString, "a string (a URL)", "A URL, kept exactly as written."
}

impl UrlString {
    /// Parses the value as an absolute URL (WHATWG URL parsing, as the `url` crate does).
    ///
    /// # Errors
    ///
    /// When the value is not an absolute URL (a relative reference, an empty string, a
    /// placeholder such as `{tenantid}` in a host, …).
    pub fn parse(&self) -> Result<url::Url, url::ParseError> {
        url::Url::parse(&self.0)
    }
}

string_value! {
    /// The `issuer` member: the authorization server's identifier, kept as the exact string
    /// received.
    ///
    /// OpenID Connect Discovery 1.0 §3 and RFC 8414 §2 require an `https` URL with no query or
    /// fragment, and clients compare it with the issuer they started from **code point by code
    /// point** (OpenID Connect Discovery 1.0 §4.3, RFC 8414 §3.3; string rules in OpenID Connect
    /// Discovery 1.0 §5, RFC 8414 §4). So this type never normalizes: `https://a.example` and
    /// `https://a.example/` are different issuers, and `Eq` says so.
    ///
    /// Real documents carry issuers that are not URLs at all (Microsoft Entra's
    /// `https://login.microsoftonline.com/{tenantid}/v2.0` template, Google's 2015
    /// `accounts.google.com`); they parse, and validation reports them.
    ///
    /// ```
    /// use oidc_discovery_metadata::Issuer;
    ///
    /// let issuer = Issuer::from("https://accounts.example.com");
    /// assert_ne!(issuer, Issuer::from("https://accounts.example.com/"));
    /// assert_eq!(issuer.parse()?.host_str(), Some("accounts.example.com"));
    /// # Ok::<(), url::ParseError>(())
    /// ```
    Issuer, "a string (the issuer identifier)", "The issuer identifier: an https URL with no query or fragment."
}

impl Issuer {
    /// Parses the issuer as an absolute URL, for its parts (host, port, path).
    ///
    /// Never compare issuers through the parsed form: `url::Url` adds a `/` to an empty path.
    ///
    /// # Errors
    ///
    /// When the issuer is not an absolute URL.
    pub fn parse(&self) -> Result<url::Url, url::ParseError> {
        url::Url::parse(&self.0)
    }
}

string_value! {
    /// The `signed_metadata` member (RFC 8414 §2.1): a JWT whose claims are metadata values,
    /// kept as the opaque compact string received.
    ///
    /// Parsing never decodes or trusts it. Verification is a separate step; until it succeeds,
    /// signed values must not be merged with the plain ones (RFC 8414 §2.1).
    SignedMetadata, "a string (a compact JWT)", "A JWT (compact serialization) whose claims are metadata values (RFC 8414 §2.1)."
}

impl SignedMetadata {
    /// The three dot-separated parts of a compact JWS (header, payload, signature), if the value
    /// has exactly three parts. Nothing is decoded or checked.
    #[must_use]
    pub fn compact_parts(&self) -> Option<[&str; 3]> {
        let mut parts = self.0.split('.');
        let parts_array = [parts.next()?, parts.next()?, parts.next()?];
        parts.next().is_none().then_some(parts_array)
    }
}
