//! [`Servable`]: what an [`Endpoint`](crate::Endpoint) needs from a validated document, for
//! every document kind.

use oidc_discovery_metadata::{DocumentKind, Metadata};
use oidc_discovery_validate::well_known::{Location, locations, resource_locations};
use oidc_discovery_validate::{DocumentProfile, Validated};

use crate::EndpointError;
use crate::challenge::ProtectedResource;
use sealed::Prepared;

/// A validated document an [`Endpoint`](crate::Endpoint) can serve: authorization server
/// metadata under any provider profile, or protected resource metadata (RFC 9728).
///
/// Implemented for [`Validated`] documents only, so a document with errors cannot be served.
/// The trait is sealed: its one method is the crate's own.
pub trait Servable: sealed::Document {}

impl<T: sealed::Document> Servable for T {}

pub(crate) mod sealed {
    use oidc_discovery_validate::well_known::Location;

    use crate::challenge::ProtectedResource;

    /// A document ready to become routes: its bytes, its well-known locations, what it is.
    #[derive(Debug)]
    pub struct Prepared {
        /// The serialized document.
        pub body: Vec<u8>,
        /// Its well-known locations, in the order clients try them.
        pub locations: Vec<Location>,
        /// `jwks_uri`, where a JWK Set given to the builder is served.
        pub jwks_uri: Option<String>,
        /// The document in words, for a refusal: `the authorization server metadata of
        /// https://as.example.com`.
        pub described: String,
        /// For protected resource metadata: its identifier and metadata URL (the challenge's).
        pub resource: Option<ProtectedResource>,
    }

    /// The crate-internal face of [`Servable`](super::Servable).
    pub trait Document {
        /// Serializes the document and lists its locations.
        #[doc(hidden)]
        fn prepare(&self) -> Result<Prepared, crate::EndpointError>;
    }
}

impl<P: DocumentProfile> sealed::Document for Validated<P> {
    fn prepare(&self) -> Result<Prepared, EndpointError> {
        let document = self.metadata();
        let kind = kind_of(document);
        // Validation guarantees the identifier (`issuer`, `resource`) of every profile.
        let identifier = document.identifier().unwrap_or_default();
        let (locations, resource) = match kind {
            DocumentKind::ProtectedResource => {
                let locations = resource_locations(identifier)?;
                let url = locations.first().map_or("", Location::url);
                let resource = ProtectedResource::new(identifier, url)?;
                (locations, Some(resource))
            }
            _ => (locations(identifier)?, None),
        };
        let body = document.to_json_vec()?;
        // `jwks_uri` (RFC 8414 §2, RFC 9728 §2), read back from the bytes served, where a JWK
        // Set given to the builder is served.
        let jwks_uri = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|value| value.get("jwks_uri")?.as_str().map(str::to_owned));
        Ok(Prepared {
            body,
            locations,
            jwks_uri,
            described: format!("the {} of {identifier}", kind.describe()),
            resource,
        })
    }
}

/// The kind of `document`'s type.
fn kind_of<D: Metadata>(_: &D) -> DocumentKind {
    D::KIND
}
