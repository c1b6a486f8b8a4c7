//! `mtls_endpoint_aliases` (RFC 8705 §5).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::UrlString;

/// The `mtls_endpoint_aliases` member (RFC 8705 §5): alternative endpoint URLs that a client
/// uses when it authenticates with mutual TLS or wants certificate-bound tokens.
///
/// Each member name is the name of a top-level endpoint member; each value is that endpoint's
/// alias URL. The endpoints a client calls directly are typed fields; any other name is kept in
/// [`other`](Self::other). RFC 8705 §5: a client doing mutual TLS MUST use the alias when one is
/// present, else the top-level URL — see
/// [`ProviderMetadata::mtls_endpoint`](crate::ProviderMetadata::mtls_endpoint).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MtlsEndpointAliases {
    /// Alias of `token_endpoint`.
    pub token_endpoint: Option<UrlString>,
    /// Alias of `revocation_endpoint`.
    pub revocation_endpoint: Option<UrlString>,
    /// Alias of `introspection_endpoint`.
    pub introspection_endpoint: Option<UrlString>,
    /// Alias of `device_authorization_endpoint`.
    pub device_authorization_endpoint: Option<UrlString>,
    /// Alias of `registration_endpoint`.
    pub registration_endpoint: Option<UrlString>,
    /// Alias of `userinfo_endpoint`.
    pub userinfo_endpoint: Option<UrlString>,
    /// Alias of `pushed_authorization_request_endpoint`.
    pub pushed_authorization_request_endpoint: Option<UrlString>,
    /// Alias of `backchannel_authentication_endpoint`.
    pub backchannel_authentication_endpoint: Option<UrlString>,
    /// Aliases under any other name (kept verbatim; RFC 8705 §5 says aliases of members that
    /// are not direct-request endpoints have no meaning).
    pub other: BTreeMap<String, UrlString>,
}

macro_rules! aliases {
    ($($field:ident),+) => {
        impl MtlsEndpointAliases {
            /// The alias for the endpoint member `name` (typed or in `other`).
            #[must_use]
            pub fn get(&self, name: &str) -> Option<&UrlString> {
                match name {
                    $(stringify!($field) => self.$field.as_ref(),)+
                    _ => self.other.get(name),
                }
            }

            /// Every alias, typed ones first (in RFC 8705 order), then the others by name.
            pub fn iter(&self) -> impl Iterator<Item = (&str, &UrlString)> + '_ {
                [$((stringify!($field), self.$field.as_ref())),+]
                    .into_iter()
                    .filter_map(|(name, url)| Some((name, url?)))
                    .chain(self.other.iter().map(|(name, url)| (name.as_str(), url)))
            }

            /// Sets the alias for `name`, typed or not, returning the previous one.
            pub fn insert(&mut self, name: impl Into<String>, url: UrlString) -> Option<UrlString> {
                let name = name.into();
                match name.as_str() {
                    $(stringify!($field) => self.$field.replace(url),)+
                    _ => self.other.insert(name, url),
                }
            }

            /// The names of the typed aliases: the endpoints a client calls directly.
            pub const TYPED_NAMES: &'static [&'static str] = &[$(stringify!($field)),+];
        }
    };
}

aliases!(
    token_endpoint,
    revocation_endpoint,
    introspection_endpoint,
    device_authorization_endpoint,
    registration_endpoint,
    userinfo_endpoint,
    pushed_authorization_request_endpoint,
    backchannel_authentication_endpoint
);

impl MtlsEndpointAliases {
    /// How many aliases there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there is no alias at all (`{}`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl serde::Serialize for MtlsEndpointAliases {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, url) in self.iter() {
            map.serialize_entry(name, url)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for MtlsEndpointAliases {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = BTreeMap::<String, UrlString>::deserialize(deserializer)?;
        let mut aliases = Self::default();
        for (name, url) in entries {
            aliases.insert(name, url);
        }
        Ok(aliases)
    }
}

impl schemars::JsonSchema for MtlsEndpointAliases {
    fn schema_name() -> Cow<'static, str> {
        "MtlsEndpointAliases".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let properties: serde_json::Map<String, serde_json::Value> = Self::TYPED_NAMES
            .iter()
            .map(|name| {
                (
                    (*name).to_owned(),
                    serde_json::json!({
                        "type": "string",
                        "description": format!("The mutual-TLS alias of `{name}`."),
                    }),
                )
            })
            .collect();
        schemars::json_schema!({
            "description": "Endpoint aliases for mutual TLS (RFC 8705 §5): endpoint member name → alias URL.",
            "type": "object",
            "properties": properties,
            "additionalProperties": { "type": "string" }
        })
    }
}
