//! [`Validated`]: a document that passed a profile, with the accessors the profile guarantees.

use std::marker::PhantomData;
use std::ops::Deref;

use oidc_discovery_metadata::{
    Issuer, JwsAlg, Metadata, ProtectedResourceMetadata, ProviderMetadata, ResponseType,
    SubjectType, UrlString,
};

use crate::{Options, Profile, Report};

/// A profile known at compile time, for [`Validated`]: [`OAuth`], [`Oidc`], [`Fapi2`] (the
/// [`ProfileKind`]s, which judge a provider's document) or [`Resource`] (which judges a
/// protected resource's).
pub trait DocumentProfile: sealed::Sealed + Send + Sync + 'static {
    /// The type of document the profile judges.
    type Document: Metadata;
    /// The runtime profile.
    const PROFILE: Profile;
    /// Every problem of `document` under the profile: the report
    /// [`validate`](crate::validate) decides by.
    fn check(document: &Self::Document, options: &Options) -> Report;
}

/// A provider profile known at compile time: [`OAuth`], [`Oidc`] or [`Fapi2`], which judge a
/// [`ProviderMetadata`].
pub trait ProfileKind: DocumentProfile<Document = ProviderMetadata> {}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::OAuth {}
    impl Sealed for super::Oidc {}
    impl Sealed for super::Fapi2 {}
    impl Sealed for super::Resource {}
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
/// The `resource` profile (OAuth 2.0 Protected Resource Metadata, RFC 9728), as a type: it
/// judges a [`ProtectedResourceMetadata`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource;

macro_rules! provider_profiles {
    ($($kind:ident => $profile:ident),+) => {$(
        impl DocumentProfile for $kind {
            type Document = ProviderMetadata;
            const PROFILE: Profile = Profile::$profile;
            fn check(document: &ProviderMetadata, options: &Options) -> Report {
                crate::check(document, Self::PROFILE, options)
            }
        }
        impl ProfileKind for $kind {}
    )+};
}
provider_profiles!(OAuth => OAuth, Oidc => Oidc, Fapi2 => Fapi2);

impl DocumentProfile for Resource {
    type Document = ProtectedResourceMetadata;
    const PROFILE: Profile = Profile::Resource;
    fn check(document: &ProtectedResourceMetadata, options: &Options) -> Report {
        crate::check_resource(document, options)
    }
}

/// A metadata document whose report under profile `P` has no errors.
///
/// The only way to get one is [`validate`](crate::validate) (or
/// [`Checked::into_validated`](crate::Checked::into_validated)), so holding a
/// `Validated<P>` proves the document passed `P`. It dereferences to the document
/// (`P::Document`: a [`ProviderMetadata`], or a [`ProtectedResourceMetadata`] for [`Resource`])
/// and adds non-optional accessors for what `P` guarantees: for every provider profile the
/// issuer and the response types; for [`Oidc`] the authorization endpoint, the JWK Set URL, the
/// subject types and the ID Token algorithms; for [`Fapi2`] the authorization, token and PAR
/// endpoints; for [`Resource`] the resource identifier.
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
pub struct Validated<P: DocumentProfile> {
    metadata: P::Document,
    report: Report,
    profile: PhantomData<P>,
}

/// Why [`validate`](crate::validate) refused a document: the report (with at least one error),
/// and the document, handed back.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the document breaks {} rule(s) of the {} profile", .report.count(crate::Severity::Error), .report.profile)]
pub struct Invalid<D = ProviderMetadata> {
    /// The document.
    pub metadata: Box<D>,
    /// Its report, which has errors.
    pub report: Report,
}

const GUARANTEED: &str = "validation guarantees this member under the profile";

impl<P: DocumentProfile> Validated<P> {
    /// Only for reports without errors, under profile `P`.
    pub(crate) fn new(metadata: P::Document, report: Report) -> Result<Self, Invalid<P::Document>> {
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
    pub fn metadata(&self) -> &P::Document {
        &self.metadata
    }

    /// The document, giving up the proof.
    #[must_use]
    pub fn into_inner(self) -> P::Document {
        self.metadata
    }
}

impl<P: ProfileKind> Validated<P> {
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

impl Validated<Resource> {
    /// `resource`: present, an absolute https URL (or http on loopback) without fragment, and
    /// identical to the resource the caller expected, if it said which
    /// ([`Options::expected_resource`](crate::Options::expected_resource)).
    #[must_use]
    pub fn resource(&self) -> &UrlString {
        self.metadata.resource.as_ref().expect(GUARANTEED)
    }
}

impl<P: DocumentProfile> Deref for Validated<P> {
    type Target = P::Document;
    fn deref(&self) -> &P::Document {
        &self.metadata
    }
}

impl<P: DocumentProfile> AsRef<P::Document> for Validated<P> {
    fn as_ref(&self) -> &P::Document {
        &self.metadata
    }
}
