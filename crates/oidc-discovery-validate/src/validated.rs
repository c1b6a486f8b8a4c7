//! [`Validated`]: a document that passed a profile, with the accessors the profile guarantees.

use std::marker::PhantomData;
use std::ops::Deref;

use oidc_discovery_metadata::{
    Issuer, JwsAlg, ProviderMetadata, ResponseType, SubjectType, UrlString,
};

use crate::{Profile, Report};

/// A profile known at compile time, for [`Validated`]: [`OAuth`], [`Oidc`] or [`Fapi2`].
pub trait ProfileKind: sealed::Sealed + Send + Sync + 'static {
    /// The runtime profile.
    const PROFILE: Profile;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::OAuth {}
    impl Sealed for super::Oidc {}
    impl Sealed for super::Fapi2 {}
}

/// The `oauth` profile (RFC 8414), as a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuth;
/// The `oidc` profile (OpenID Connect Discovery 1.0), as a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oidc;
/// The `fapi2` profile (FAPI 2.0 Security Profile), as a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fapi2;

impl ProfileKind for OAuth {
    const PROFILE: Profile = Profile::OAuth;
}
impl ProfileKind for Oidc {
    const PROFILE: Profile = Profile::Oidc;
}
impl ProfileKind for Fapi2 {
    const PROFILE: Profile = Profile::Fapi2;
}

/// A metadata document whose report under profile `P` has no errors.
///
/// The only way to get one is [`validate`](crate::validate) (or
/// [`Checked::into_validated`](crate::Checked::into_validated)), so holding a
/// `Validated<P>` proves the document passed `P`. It dereferences to the
/// [`ProviderMetadata`] and adds non-optional accessors for what `P` guarantees: for every
/// profile the issuer and the response types; for [`Oidc`] the authorization endpoint, the JWK
/// Set URL, the subject types and the ID Token algorithms; for [`Fapi2`] the authorization, token
/// and PAR endpoints.
///
/// ```
/// use oidc_discovery_metadata::ProviderMetadata;
/// use oidc_discovery_validate::{Options, Oidc, validate};
///
/// let metadata = ProviderMetadata::from_json_str(r#"{
///     "issuer": "https://id.example.com",
///     "authorization_endpoint": "https://id.example.com/authorize",
///     "token_endpoint": "https://id.example.com/token",
///     "jwks_uri": "https://id.example.com/jwks",
///     "response_types_supported": ["code"],
///     "subject_types_supported": ["public"],
///     "id_token_signing_alg_values_supported": ["RS256"]
/// }"#)?;
/// let validated = validate::<Oidc>(metadata, &Options::default())?;
/// assert_eq!(validated.jwks_uri().as_str(), "https://id.example.com/jwks");
/// assert_eq!(validated.issuer().as_str(), "https://id.example.com");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Validated<P: ProfileKind> {
    metadata: ProviderMetadata,
    report: Report,
    profile: PhantomData<P>,
}

/// Why [`validate`](crate::validate) refused a document: the report (with at least one error),
/// and the document, handed back.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the document breaks {} rule(s) of the {} profile", .report.count(crate::Severity::Error), .report.profile)]
pub struct Invalid {
    /// The document.
    pub metadata: Box<ProviderMetadata>,
    /// Its report, which has errors.
    pub report: Report,
}

const GUARANTEED: &str = "validation guarantees this member under the profile";

impl<P: ProfileKind> Validated<P> {
    /// Only for reports without errors, under profile `P`.
    pub(crate) fn new(metadata: ProviderMetadata, report: Report) -> Result<Self, Invalid> {
        if report.is_valid() && report.profile == P::PROFILE {
            Ok(Self {
                metadata,
                report,
                profile: PhantomData,
            })
        } else {
            Err(Invalid {
                metadata: Box::new(metadata),
                report,
            })
        }
    }

    /// The report: warnings and notes (never errors).
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The document.
    #[must_use]
    pub fn metadata(&self) -> &ProviderMetadata {
        &self.metadata
    }

    /// The document, giving up the proof.
    #[must_use]
    pub fn into_inner(self) -> ProviderMetadata {
        self.metadata
    }

    /// `issuer`: present, an https URL (or http on loopback) without query or fragment.
    #[must_use]
    pub fn issuer(&self) -> &Issuer {
        self.metadata.issuer.as_ref().expect(GUARANTEED)
    }

    /// `response_types_supported`: present.
    #[must_use]
    pub fn response_types_supported(&self) -> &[ResponseType] {
        self.metadata
            .response_types_supported
            .as_deref()
            .expect(GUARANTEED)
    }
}

impl Validated<Oidc> {
    /// `authorization_endpoint`: present, https.
    #[must_use]
    pub fn authorization_endpoint(&self) -> &UrlString {
        self.metadata
            .authorization_endpoint
            .as_ref()
            .expect(GUARANTEED)
    }

    /// `jwks_uri`: present, https.
    #[must_use]
    pub fn jwks_uri(&self) -> &UrlString {
        self.metadata.jwks_uri.as_ref().expect(GUARANTEED)
    }

    /// `subject_types_supported`: present.
    #[must_use]
    pub fn subject_types_supported(&self) -> &[SubjectType] {
        self.metadata
            .subject_types_supported
            .as_deref()
            .expect(GUARANTEED)
    }

    /// `id_token_signing_alg_values_supported`: present.
    #[must_use]
    pub fn id_token_signing_alg_values_supported(&self) -> &[JwsAlg] {
        self.metadata
            .id_token_signing_alg_values_supported
            .as_deref()
            .expect(GUARANTEED)
    }
}

impl Validated<Fapi2> {
    /// `authorization_endpoint`: present, https.
    #[must_use]
    pub fn authorization_endpoint(&self) -> &UrlString {
        self.metadata
            .authorization_endpoint
            .as_ref()
            .expect(GUARANTEED)
    }

    /// `token_endpoint`: present, https (FAPI 2.0 has no implicit grant).
    #[must_use]
    pub fn token_endpoint(&self) -> &UrlString {
        self.metadata.token_endpoint.as_ref().expect(GUARANTEED)
    }

    /// `pushed_authorization_request_endpoint`: present, https.
    #[must_use]
    pub fn pushed_authorization_request_endpoint(&self) -> &UrlString {
        self.metadata
            .pushed_authorization_request_endpoint
            .as_ref()
            .expect(GUARANTEED)
    }
}

impl<P: ProfileKind> Deref for Validated<P> {
    type Target = ProviderMetadata;
    fn deref(&self) -> &ProviderMetadata {
        &self.metadata
    }
}

impl<P: ProfileKind> AsRef<ProviderMetadata> for Validated<P> {
    fn as_ref(&self) -> &ProviderMetadata {
        &self.metadata
    }
}
