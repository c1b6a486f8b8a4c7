//! Where a document comes from: [`Source`] for provider metadata, and what the document must say
//! about itself, [`Expected`]. [`Locate`] is what the client's one retrieval asks of a source.

use oidc_discovery_validate::well_known::{
    Location, LocationStyle, issuer_from_metadata_url, locations,
};
use oidc_discovery_validate::{Fapi2, OAuth, Oidc, Profile, ProfileKind};

use crate::{Config, FetchError};

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
        if url.contains("/.well-known/") {
            Self::metadata_url(url)
        } else {
            Self::issuer(url)
        }
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
}

impl Expected {
    /// The same kind of expectation with `identifier` in place of the source's, compared
    /// exactly: what a caller who knows the identifier better than the URL does asks for.
    #[must_use]
    pub fn replaced_by(&self, identifier: &str) -> Self {
        match self {
            Self::Issuer(_) | Self::IssuerOfUrl(_) => Self::Issuer(identifier.to_owned()),
        }
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Source {}
}

/// A source the client retrieves a document from: [`Source`] for provider metadata. Sealed: the
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

/// A profile whose documents [`Client::discover`](crate::Client::discover) returns, and the kind
/// of source they come from: [`Source`] for [`OAuth`], [`Oidc`] and [`Fapi2`].
pub trait Discoverable: ProfileKind {
    /// The kind of source.
    type Source: Locate;
}

impl Discoverable for OAuth {
    type Source = Source;
}

impl Discoverable for Oidc {
    type Source = Source;
}

impl Discoverable for Fapi2 {
    type Source = Source;
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
