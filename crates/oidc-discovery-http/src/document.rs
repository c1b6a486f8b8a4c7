//! [`Servable`]: what an [`Endpoint`](crate::Endpoint) needs from a validated document, for
//! every document kind.

use oidc_discovery_validate::well_known::locations;
use oidc_discovery_validate::{ProfileKind, Validated};

use crate::EndpointError;
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
    }

    /// The crate-internal face of [`Servable`](super::Servable).
    pub trait Document {
        /// Serializes the document and lists its locations.
        #[doc(hidden)]
        fn prepare(&self) -> Result<Prepared, crate::EndpointError>;
    }
}

impl<P: ProfileKind> sealed::Document for Validated<P> {
    fn prepare(&self) -> Result<Prepared, EndpointError> {
        let issuer = self.issuer().as_str();
        Ok(Prepared {
            body: self.to_json_vec()?,
            locations: locations(issuer)?,
            jwks_uri: self.jwks_uri.as_ref().map(|uri| uri.as_str().to_owned()),
            described: format!("the authorization server metadata of {issuer}"),
        })
    }
}
