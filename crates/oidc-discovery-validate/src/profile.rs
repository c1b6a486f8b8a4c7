//! Validation profiles: which rules apply, and how severe they are.

use std::fmt;
use std::str::FromStr;

use oidc_discovery_metadata::{DocumentKind, ProviderMetadata};

/// A validation profile.
///
/// A profile decides which rules apply and their severity (see [`RULES`](crate::RULES) and
/// `docs/rules.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Profile {
    /// OAuth 2.0 Authorization Server Metadata (RFC 8414).
    OAuth,
    /// OpenID Connect Discovery 1.0 (an OpenID Provider).
    Oidc,
    /// FAPI 2.0 Security Profile: RFC 8414 plus FAPI 2.0's requirements on the authorization
    /// server (PAR, PKCE `S256`, `iss` in responses, strong client authentication, restricted
    /// algorithms, sender-constrained tokens).
    Fapi2,
    /// OAuth 2.0 Protected Resource Metadata (RFC 9728): the document a protected resource
    /// publishes at `/.well-known/oauth-protected-resource` (a
    /// [`ProtectedResourceMetadata`](oidc_discovery_metadata::ProtectedResourceMetadata), not a
    /// provider's document). Under it the rules of RFC 9728 §2 and §3 apply, with the rules of
    /// the JSON text and shape that apply to any document.
    Resource,
}

impl Profile {
    /// Every profile: the provider profiles, then [`Resource`](Self::Resource).
    pub const ALL: [Self; 4] = [Self::OAuth, Self::Oidc, Self::Fapi2, Self::Resource];

    /// The profiles that judge a provider's document (authorization server or OpenID Provider
    /// metadata): every profile but [`Resource`](Self::Resource).
    pub const PROVIDER: [Self; 3] = [Self::OAuth, Self::Oidc, Self::Fapi2];

    /// The profile's name on the command line and in JSON: `oauth`, `oidc`, `fapi2`,
    /// `resource`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OAuth => "oauth",
            Self::Oidc => "oidc",
            Self::Fapi2 => "fapi2",
            Self::Resource => "resource",
        }
    }

    /// The kind of document the profile judges: a provider's for [`OAuth`](Self::OAuth),
    /// [`Oidc`](Self::Oidc) and [`Fapi2`](Self::Fapi2), a protected resource's for
    /// [`Resource`](Self::Resource).
    #[must_use]
    pub fn document_kind(self) -> DocumentKind {
        match self {
            Self::OAuth | Self::Oidc | Self::Fapi2 => DocumentKind::Provider,
            Self::Resource => DocumentKind::ProtectedResource,
        }
    }

    /// The profile a document asks to be judged by when nobody says which: [`Oidc`](Self::Oidc)
    /// when it looks like an OpenID Provider's — it lists the `openid` scope, ID Token signing
    /// algorithms, subject types or a UserInfo endpoint, which only OpenID Connect Discovery 1.0
    /// defines — and [`OAuth`](Self::OAuth) otherwise. (Nothing in a document asks for
    /// [`Fapi2`](Self::Fapi2): it is a choice of the party relying on it.) Never
    /// [`Resource`](Self::Resource): a provider's document is judged by a provider profile.
    ///
    /// ```
    /// use oidc_discovery_metadata::{DocumentKind, ProviderMetadata};
    /// use oidc_discovery_validate::Profile;
    ///
    /// let openid = ProviderMetadata::from_json_str(r#"{"scopes_supported": ["openid"]}"#)?;
    /// assert_eq!(Profile::for_document(&openid), Profile::Oidc);
    /// let oauth = ProviderMetadata::from_json_str(r#"{"scopes_supported": ["read"]}"#)?;
    /// assert_eq!(Profile::for_document(&oauth), Profile::OAuth);
    /// # Ok::<(), oidc_discovery_metadata::ParseError>(())
    /// ```
    #[must_use]
    pub fn for_document(metadata: &ProviderMetadata) -> Self {
        let openid = metadata.id_token_signing_alg_values_supported.is_some()
            || metadata.subject_types_supported.is_some()
            || metadata.userinfo_endpoint.is_some()
            || metadata
                .scopes_supported
                .iter()
                .flatten()
                .any(|scope| scope == "openid");
        if openid { Self::Oidc } else { Self::OAuth }
    }

    /// [`for_document`](Self::for_document) of a document's JSON text; [`OAuth`](Self::OAuth)
    /// for text that is not a JSON object (it shows nothing of an OpenID Provider).
    #[must_use]
    pub fn for_json(source: &[u8]) -> Self {
        ProviderMetadata::from_json_slice(source)
            .map_or(Self::OAuth, |metadata| Self::for_document(&metadata))
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Self::OAuth => 0,
            Self::Oidc => 1,
            Self::Fapi2 => 2,
            Self::Resource => 3,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a profile name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile `{0}` (expected oauth, oidc, fapi2 or resource)")]
pub struct UnknownProfile(pub String);

impl FromStr for Profile {
    type Err = UnknownProfile;
    fn from_str(name: &str) -> Result<Self, UnknownProfile> {
        Self::ALL
            .into_iter()
            .find(|profile| profile.as_str() == name)
            .ok_or_else(|| UnknownProfile(name.to_owned()))
    }
}

impl serde::Serialize for Profile {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_that_shows_openid_connect_is_judged_as_oidc() {
        for (json, expected) in [
            (r#"{"issuer": "https://a.example"}"#, Profile::OAuth),
            (r#"{"scopes_supported": ["read", "write"]}"#, Profile::OAuth),
            (r#"{"scopes_supported": ["read", "openid"]}"#, Profile::Oidc),
            (r#"{"scopes_supported": ["OpenID"]}"#, Profile::OAuth),
            (
                r#"{"id_token_signing_alg_values_supported": ["RS256"]}"#,
                Profile::Oidc,
            ),
            (r#"{"subject_types_supported": ["public"]}"#, Profile::Oidc),
            (
                r#"{"userinfo_endpoint": "https://a.example/me"}"#,
                Profile::Oidc,
            ),
            ("[]", Profile::OAuth),
            ("{", Profile::OAuth),
            // A protected resource's document is not a provider's: never `resource` here.
            (
                r#"{"resource": "https://rs.example", "scopes_supported": ["openid"]}"#,
                Profile::Oidc,
            ),
            (r#"{"resource": "https://rs.example"}"#, Profile::OAuth),
        ] {
            assert_eq!(Profile::for_json(json.as_bytes()), expected, "{json}");
        }
    }

    #[test]
    fn every_profile_has_a_name_that_parses_back() {
        for profile in Profile::ALL {
            assert_eq!(profile.as_str().parse::<Profile>(), Ok(profile));
            assert_eq!(Profile::ALL[profile.index()], profile);
        }
        assert_eq!("resource".parse::<Profile>(), Ok(Profile::Resource));
        assert_eq!(
            Profile::Resource.document_kind(),
            DocumentKind::ProtectedResource
        );
        assert!(
            Profile::PROVIDER
                .iter()
                .all(|profile| profile.document_kind() == DocumentKind::Provider)
        );
        assert_eq!(
            "rs".parse::<Profile>().unwrap_err().to_string(),
            "unknown profile `rs` (expected oauth, oidc, fapi2 or resource)"
        );
    }
}
