//! Where a document comes from — [`Source`] for provider metadata, [`ResourceSource`] for
//! protected-resource metadata — and what the document must say about itself, [`Expected`].
//! [`Locate`] is what the client's one retrieval asks of a source.

use oidc_discovery_metadata::ProtectedResourceMetadata;
use oidc_discovery_validate::challenge::{self, Diagnostic, ParseOptions};
use oidc_discovery_validate::well_known::{
    Location, LocationStyle, issuer_from_metadata_url, locations, resource_from_metadata_url,
    resource_locations,
};
use oidc_discovery_validate::{DocumentProfile, Fapi2, OAuth, Oidc, Options, Profile, Resource};

use crate::{Config, FetchError, Judged};

/// Where a provider's document (OpenID Provider or authorization-server metadata) comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// An issuer: the well-known URL is built for the profile, and the document's `issuer` must
    /// equal this string.
    Issuer(String),
    /// A metadata URL given directly: fetched as is; the expected issuer is the one the URL
    /// implies (OpenID Connect Discovery §4, RFC 8414 §3).
    MetadataUrl(String),
}

/// How the command line tells the two kinds of URL apart, for every document kind: a URL that
/// contains `/.well-known/` names a metadata document; any other names its issuer or resource.
fn names_metadata(url: &str) -> bool {
    url.contains("/.well-known/")
}

impl Source {
    /// An issuer source.
    #[must_use]
    pub fn issuer(issuer: impl Into<String>) -> Self {
        Self::Issuer(issuer.into())
    }

    /// A metadata URL source.
    #[must_use]
    pub fn metadata_url(url: impl Into<String>) -> Self {
        Self::MetadataUrl(url.into())
    }

    /// A URL as the CLI takes it: one that contains `/.well-known/` is a metadata URL, any other
    /// an issuer.
    #[must_use]
    pub fn from_url(url: &str) -> Self {
        if names_metadata(url) {
            Self::metadata_url(url)
        } else {
            Self::issuer(url)
        }
    }
}

/// Where a protected resource's metadata document (RFC 9728) comes from: its provenance, which
/// decides the URL fetched and the `resource` the document must state (RFC 9728 §3.3). The
/// provenance is given, never guessed from the URL.
///
/// ```
/// use oidc_discovery_client::ResourceSource;
///
/// // The client got `401` from https://mcp.example.com/mcp with this challenge.
/// let source = ResourceSource::from_challenge(
///     "https://mcp.example.com/mcp",
///     [r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp""#],
/// )?
/// .expect("the challenge names the metadata");
/// assert_eq!(
///     source,
///     ResourceSource::Challenge {
///         request_url: "https://mcp.example.com/mcp".into(),
///         metadata_url: "https://mcp.example.com/.well-known/oauth-protected-resource/mcp".into(),
///     }
/// );
/// # Ok::<(), oidc_discovery_validate::challenge::Diagnostic>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResourceSource {
    /// A resource identifier: the metadata URL is built from it (RFC 9728 §3.1), and the
    /// document's `resource` must be identical to it (RFC 9728 §3.3; PR-VAL-1).
    Identifier(String),
    /// A `resource_metadata` URL from the `WWW-Authenticate` challenge of a response to a
    /// request for `request_url` (RFC 9728 §5.1): the metadata URL is fetched as given, and the
    /// document's `resource` must be identical to the URL of that request (RFC 9728 §3.3;
    /// PR-VAL-2).
    Challenge {
        /// The URL of the request that got the challenge, exactly as the client sent it.
        request_url: String,
        /// The `resource_metadata` URL of the challenge.
        metadata_url: String,
    },
    /// A metadata URL given directly: fetched as given; the document's `resource` must be
    /// identical to the resource identifier the URL implies
    /// ([`resource_from_metadata_url`](oidc_discovery_validate::well_known::resource_from_metadata_url)),
    /// spelled without a terminating `/`. RFC 9728 §3.1 removes that `/` before building the
    /// URL, so `https://h/mcp/` builds it too but is not accepted: a caller who knows the
    /// identifier gives it ([`Identifier`](Self::Identifier)).
    MetadataUrl(String),
}

impl ResourceSource {
    /// A resource identifier source.
    #[must_use]
    pub fn identifier(resource: impl Into<String>) -> Self {
        Self::Identifier(resource.into())
    }

    /// A metadata URL source.
    #[must_use]
    pub fn metadata_url(url: impl Into<String>) -> Self {
        Self::MetadataUrl(url.into())
    }

    /// A URL as the CLI takes it: one that contains `/.well-known/` is a metadata URL, any other
    /// a resource identifier.
    #[must_use]
    pub fn from_url(url: &str) -> Self {
        if names_metadata(url) {
            Self::metadata_url(url)
        } else {
            Self::identifier(url)
        }
    }

    /// The source a challenge names: `request_url` is the URL of the request whose response
    /// carried the challenge, `www_authenticate` the values of every `WWW-Authenticate` field
    /// line of that response, in order. They are parsed strictly
    /// ([`challenge::parse`]), and the `resource_metadata` URL is the one
    /// [`Challenges::resource_metadata`](challenge::Challenges::resource_metadata) picks (the
    /// Bearer challenge's first; an absolute `https` URL, or `http` on a loopback host).
    ///
    /// `Ok(None)` when no valid challenge names one: the client then looks at the well-known
    /// location of the resource, [`identifier(request_url)`](Self::identifier) (MCP's
    /// fallback).
    ///
    /// # Errors
    ///
    /// The [`Diagnostic`] (rule `CH-RM-4`, RFC 9728 §5.1) of a `resource_metadata` value that is
    /// not an absolute `https` URL.
    pub fn from_challenge<I>(
        request_url: impl Into<String>,
        www_authenticate: I,
    ) -> Result<Option<Self>, Diagnostic>
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        Self::from_challenge_with(request_url, www_authenticate, &ParseOptions::default())
    }

    /// [`from_challenge`](Self::from_challenge), parsing the challenge with `options` (such as
    /// [`Mode::Lenient`](challenge::Mode::Lenient), which accepts the unquoted URL some servers
    /// send, CH-RM-3).
    ///
    /// # Errors
    ///
    /// As [`from_challenge`](Self::from_challenge).
    pub fn from_challenge_with<I>(
        request_url: impl Into<String>,
        www_authenticate: I,
        options: &ParseOptions,
    ) -> Result<Option<Self>, Diagnostic>
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        let found = challenge::parse_with(www_authenticate, options).resource_metadata()?;
        Ok(found.map(|found| Self::Challenge {
            request_url: request_url.into(),
            metadata_url: found.url().as_str().to_owned(),
        }))
    }
}

/// What a retrieved document must say about itself, and why: the identifier its URL was built
/// from, or the one the URL implies. [`Client::options_for`](crate::Client::options_for) turns
/// it into the validation options.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// `issuer` must be identical to this issuer, the one the URL was built from (OpenID
    /// Connect Discovery 1.0 §4.3, RFC 8414 §3.3).
    Issuer(String),
    /// `issuer` must be identical to the issuer a metadata URL implies. The URL cannot show
    /// whether the real issuer ends in `/` (both spellings build it), so an issuer that differs
    /// only by that `/` is accepted too, with an `issuer-match-relaxed` note.
    IssuerOfUrl(String),
    /// `resource` must be identical to this resource identifier: the one the URL was built
    /// from (RFC 9728 §3.3; PR-VAL-1), or the one a metadata URL given directly implies.
    Resource(String),
    /// `resource` must be identical to the URL of the request that got the challenge naming
    /// the metadata URL (RFC 9728 §3.3; PR-VAL-2).
    RequestUrl(String),
}

impl Expected {
    /// The same kind of expectation with `identifier` in place of the source's, compared
    /// exactly: what a caller who knows the identifier better than the URL does asks for.
    #[must_use]
    pub fn replaced_by(&self, identifier: &str) -> Self {
        match self {
            Self::Issuer(_) | Self::IssuerOfUrl(_) => Self::Issuer(identifier.to_owned()),
            Self::Resource(_) | Self::RequestUrl(_) => Self::Resource(identifier.to_owned()),
        }
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Source {}
    impl Sealed for super::ResourceSource {}
}

/// A source the client retrieves a document from: [`Source`] for provider metadata,
/// [`ResourceSource`] for protected-resource metadata. Sealed: the
/// client's retrieval is written once, and each kind of source only says where to look.
pub trait Locate: sealed::Sealed + std::fmt::Debug + Send + Sync + 'static {
    /// The URLs to try for this source, in order (the first that retrieves wins), and what the
    /// document must state, under `profile` and `config` (which decide among a provider's
    /// well-known locations).
    ///
    /// ```
    /// use oidc_discovery_client::{Config, Expected, Locate, Source};
    /// use oidc_discovery_validate::Profile;
    ///
    /// let source = Source::issuer("https://as.example.com/tenant");
    /// let (urls, expected) = source.plan(&Config::default(), Profile::OAuth)?;
    /// assert_eq!(urls, ["https://as.example.com/.well-known/oauth-authorization-server/tenant"]);
    /// assert_eq!(expected, Expected::Issuer("https://as.example.com/tenant".into()));
    /// # Ok::<(), oidc_discovery_client::FetchError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FetchError::InvalidUrl`] when no URL can be built from the source.
    fn plan(
        &self,
        config: &Config,
        profile: Profile,
    ) -> Result<(Vec<String>, Expected), FetchError>;
}

/// The error of a well-known URL that cannot be built or read.
pub(crate) fn invalid(error: oidc_discovery_validate::well_known::WellKnownError) -> FetchError {
    FetchError::InvalidUrl(error.to_string())
}

impl Locate for Source {
    fn plan(
        &self,
        config: &Config,
        profile: Profile,
    ) -> Result<(Vec<String>, Expected), FetchError> {
        match self {
            Self::MetadataUrl(url) => {
                let implied = issuer_from_metadata_url(url).map_err(invalid)?;
                Ok((vec![url.clone()], Expected::IssuerOfUrl(implied.issuer)))
            }
            Self::Issuer(issuer) => {
                // The issuer's locations come in the order clients try them; the profile picks
                // the ones for its kind of document (the inserted `openid-configuration` one,
                // listed only for an issuer with a path, under the RFC 8414 §5 policy).
                let wanted = |style: LocationStyle| match profile {
                    Profile::OAuth => style == LocationStyle::OAuthAuthorizationServer,
                    _ => {
                        style == LocationStyle::OpenIdConfiguration
                            || (config.rfc8414_fallback
                                && style == LocationStyle::OpenIdConfigurationInserted)
                    }
                };
                let urls = locations(issuer)
                    .map_err(invalid)?
                    .into_iter()
                    .filter(|location| wanted(location.style()))
                    .map(Location::into_url)
                    .collect();
                Ok((urls, Expected::Issuer(issuer.clone())))
            }
        }
    }
}

impl Locate for ResourceSource {
    /// The protected-resource location of an identifier (RFC 9728 §3.1), or the URL given; the
    /// profile plays no part.
    fn plan(&self, _: &Config, _: Profile) -> Result<(Vec<String>, Expected), FetchError> {
        match self {
            Self::Identifier(resource) => {
                let urls = resource_locations(resource)
                    .map_err(invalid)?
                    .into_iter()
                    .map(Location::into_url)
                    .collect();
                Ok((urls, Expected::Resource(resource.clone())))
            }
            Self::Challenge {
                request_url,
                metadata_url,
            } => Ok((
                vec![metadata_url.clone()],
                Expected::RequestUrl(request_url.clone()),
            )),
            Self::MetadataUrl(url) => {
                let implied = resource_from_metadata_url(url).map_err(invalid)?;
                Ok((vec![url.clone()], Expected::Resource(implied.resource)))
            }
        }
    }
}

/// A profile whose documents [`Client::discover`](crate::Client::discover) returns: the kind
/// of source they come from — [`Source`] for [`OAuth`], [`Oidc`] and [`Fapi2`],
/// [`ResourceSource`] for [`Resource`] — and how their text is judged.
pub trait Discoverable: DocumentProfile {
    /// The kind of source.
    type Source: Locate;

    /// Judges a document's JSON text under this profile with `options`, as `config` says:
    /// [`Config::judge`] for a provider's document; [`Config::judge_resource`] for a protected
    /// resource's.
    fn judge(config: &Config, json: &[u8], options: &Options) -> Judged<Self::Document>;
}

/// The provider profiles: a [`Source`], judged by [`Config::judge`].
macro_rules! provider_profiles {
    ($($profile:ident),+) => {$(
        impl Discoverable for $profile {
            type Source = Source;

            fn judge(config: &Config, json: &[u8], options: &Options) -> Judged {
                config.judge(json, Self::PROFILE, options)
            }
        }
    )+};
}
provider_profiles!(OAuth, Oidc, Fapi2);

impl Discoverable for Resource {
    type Source = ResourceSource;

    /// [`Config::judge_resource`]: validated, and verified when the configuration requires
    /// signed metadata.
    fn judge(config: &Config, json: &[u8], options: &Options) -> Judged<ProtectedResourceMetadata> {
        config.judge_resource(json, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_profile_and_the_fallback_policy() {
        let config = Config::default();
        let issuer = Source::issuer("https://as.example.com/tenant");
        let (urls, expected) = issuer.plan(&config, Profile::OAuth).unwrap();
        assert_eq!(
            urls,
            ["https://as.example.com/.well-known/oauth-authorization-server/tenant"]
        );
        assert_eq!(
            expected,
            Expected::Issuer("https://as.example.com/tenant".into())
        );
        let (urls, _) = issuer.plan(&config, Profile::Oidc).unwrap();
        assert_eq!(
            urls,
            ["https://as.example.com/tenant/.well-known/openid-configuration"]
        );
        let fallback = Config {
            rfc8414_fallback: true,
            ..Config::default()
        };
        let (urls, _) = issuer.plan(&fallback, Profile::Oidc).unwrap();
        assert_eq!(
            urls,
            [
                "https://as.example.com/.well-known/openid-configuration/tenant",
                "https://as.example.com/tenant/.well-known/openid-configuration"
            ]
        );
        let (urls, expected) =
            Source::from_url("https://login.example.com/realms/x/.well-known/openid-configuration")
                .plan(&config, Profile::Oidc)
                .unwrap();
        assert_eq!(
            urls,
            ["https://login.example.com/realms/x/.well-known/openid-configuration"]
        );
        assert_eq!(
            expected,
            Expected::IssuerOfUrl("https://login.example.com/realms/x".into())
        );
    }
}
