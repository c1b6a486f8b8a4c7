//! [`Endpoint`]: the prepared document, its routes, and the request dispatch.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use oidc_discovery_validate::well_known::{LocationStyle, locations};
use oidc_discovery_validate::{ProfileKind, Validated};
use serde_json::Value;

use crate::DEFAULT_CACHE_CONTROL;
use crate::prepared::{PreparedResponse, Representation};

/// Which resource a route serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteKind {
    /// The metadata, at one of the issuer's well-known locations (OpenID Connect appended,
    /// RFC 8414 inserted, RFC 8414 inserted with the `openid-configuration` suffix: see
    /// [`oidc_discovery_validate::well_known::locations`]).
    Metadata(LocationStyle),
    /// The JWK Set, at the path of `jwks_uri`.
    Jwks,
}

/// One path the endpoint serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The path (absolute, as it appears in the request target, e.g.
    /// `/.well-known/openid-configuration`).
    pub path: String,
    /// What it serves.
    pub kind: RouteKind,
}

/// Why an [`Endpoint`] could not be prepared.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// The document could not be serialized.
    #[error(transparent)]
    Serialize(#[from] oidc_discovery_metadata::SerializeError),
    /// The issuer does not give well-known paths (validation normally prevents this).
    #[error("the issuer gives no well-known path: {0}")]
    Issuer(#[from] oidc_discovery_validate::well_known::WellKnownError),
    /// The `Cache-Control` value is not a valid header value.
    #[error("invalid Cache-Control value {0:?}")]
    CacheControl(String),
    /// A JWK Set was given, but the document has no `jwks_uri` (or it has no path) to serve it at.
    #[error(
        "a JWK Set can only be served at the path of `jwks_uri`, and the document has no usable `jwks_uri`"
    )]
    NoJwksUri,
    /// The JWK Set is not a JSON object with a `keys` array (RFC 7517 §5).
    #[error("the JWK Set is not a JSON object with a `keys` array (RFC 7517 §5)")]
    InvalidJwks,
}

/// A minimal view of an HTTP request: method, path and headers. Adapters build one from their
/// framework's request.
#[derive(Debug, Clone)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path of the request target (no query).
    pub path: String,
    /// The headers.
    pub headers: HeaderMap,
}

impl Request {
    /// A request with no headers.
    #[must_use]
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            headers: HeaderMap::new(),
        }
    }

    /// A `GET` request with no headers.
    #[must_use]
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path)
    }

    /// Adds a header.
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }
}

/// A validated document prepared for serving: bytes, ETag and headers computed once, the
/// issuer's well-known routes, and optionally the JWK Set.
///
/// Built from a [`Validated`] document only, so a document with errors cannot be served.
#[derive(Debug, Clone)]
pub struct Endpoint {
    routes: Vec<Route>,
    metadata: Representation,
    jwks: Option<Representation>,
}

/// Configures an [`Endpoint`]: `Cache-Control`, the JWK Set.
#[derive(Debug)]
pub struct EndpointBuilder {
    issuer: String,
    jwks_uri: Option<String>,
    body: Result<Vec<u8>, oidc_discovery_metadata::SerializeError>,
    cache_control: String,
    jwks: Option<Value>,
}

/// The path of an absolute URL (`jwks_uri`), exactly as written (never re-serialized):
/// `https://h:1/a/b?q` → `/a/b`; `/` when there is none.
fn raw_path(url: &str) -> Option<&str> {
    let after_scheme = &url[url.find("://")? + 3..];
    let path = after_scheme
        .find('/')
        .map_or("/", |slash| &after_scheme[slash..]);
    Some(path.split(['?', '#']).next().unwrap_or("/"))
}

impl Endpoint {
    /// Prepares `document` with the default settings (`Cache-Control: public, max-age=3600`,
    /// no JWK Set).
    ///
    /// # Errors
    ///
    /// As [`EndpointBuilder::build`].
    pub fn new<P: ProfileKind>(document: &Validated<P>) -> Result<Self, EndpointError> {
        Self::builder(document).build()
    }

    /// Starts configuring an endpoint for `document`.
    #[must_use]
    pub fn builder<P: ProfileKind>(document: &Validated<P>) -> EndpointBuilder {
        EndpointBuilder {
            issuer: document.issuer().as_str().to_owned(),
            jwks_uri: document
                .jwks_uri
                .as_ref()
                .map(|uri| uri.as_str().to_owned()),
            body: document.to_json_vec(),
            cache_control: DEFAULT_CACHE_CONTROL.to_owned(),
            jwks: None,
        }
    }

    /// The paths served: the metadata routes, one for each of the issuer's well-known locations
    /// in the order clients try them (RFC 8414 inserted; when the issuer has a path, RFC 8414
    /// inserted with the `openid-configuration` suffix; OpenID Connect appended), then the JWK
    /// Set's.
    #[must_use]
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The prepared metadata document.
    #[must_use]
    pub fn metadata(&self) -> &Representation {
        &self.metadata
    }

    /// The prepared JWK Set, if one is served.
    #[must_use]
    pub fn jwks(&self) -> Option<&Representation> {
        self.jwks.as_ref()
    }

    /// The response for a request to a route the adapter has already matched.
    #[must_use]
    pub fn respond_to(
        &self,
        kind: RouteKind,
        method: &Method,
        headers: &HeaderMap,
    ) -> PreparedResponse {
        self.representation(kind).respond(method, headers)
    }

    /// The representation served on routes of `kind`: the JWK Set for [`RouteKind::Jwks`] (when
    /// one is served), the metadata document otherwise.
    #[must_use]
    pub fn representation(&self, kind: RouteKind) -> &Representation {
        match kind {
            RouteKind::Jwks => self.jwks.as_ref().unwrap_or(&self.metadata),
            RouteKind::Metadata(_) => &self.metadata,
        }
    }

    /// The kind of the route at `path` (the request's raw path, compared byte for byte), or
    /// `None` when `path` is not served.
    #[must_use]
    pub fn route(&self, path: &str) -> Option<RouteKind> {
        self.routes
            .iter()
            .find(|route| route.path == path)
            .map(|route| route.kind)
    }

    /// The response for `request`, or `None` when its path is not one of [`routes`](Self::routes)
    /// (the adapter then lets the application answer, typically with 404).
    #[must_use]
    pub fn respond(&self, request: &Request) -> Option<PreparedResponse> {
        let kind = self.route(&request.path)?;
        Some(self.respond_to(kind, &request.method, &request.headers))
    }
}

impl EndpointBuilder {
    /// Sets `Cache-Control` (default `public, max-age=3600`).
    #[must_use]
    pub fn cache_control(mut self, value: impl Into<String>) -> Self {
        self.cache_control = value.into();
        self
    }

    /// Also serves this JWK Set (`application/jwk-set+json`) at the path of the document's
    /// `jwks_uri`, with the same caching semantics.
    #[must_use]
    pub fn jwks(mut self, jwk_set: Value) -> Self {
        self.jwks = Some(jwk_set);
        self
    }

    /// Prepares the endpoint.
    ///
    /// # Errors
    ///
    /// When the document cannot be serialized, the `Cache-Control` value is not a header value,
    /// or a JWK Set is given that is not a JWK Set or has no `jwks_uri` path to be served at.
    pub fn build(self) -> Result<Endpoint, EndpointError> {
        let cache_control = HeaderValue::try_from(self.cache_control.as_str())
            .map_err(|_| EndpointError::CacheControl(self.cache_control.clone()))?;
        let body = self.body?;
        // Every well-known location of the issuer, in the order clients try them; no two share
        // a path.
        let mut routes: Vec<Route> = locations(&self.issuer)?
            .iter()
            .map(|location| Route {
                path: location.path().to_owned(),
                kind: RouteKind::Metadata(location.style()),
            })
            .collect();
        let jwks = match self.jwks {
            None => None,
            Some(jwk_set) => {
                if !jwk_set.get("keys").is_some_and(Value::is_array) {
                    return Err(EndpointError::InvalidJwks);
                }
                let path = self
                    .jwks_uri
                    .as_deref()
                    .and_then(raw_path)
                    .filter(|path| !routes.iter().any(|route| route.path == *path))
                    .ok_or(EndpointError::NoJwksUri)?;
                routes.push(Route {
                    path: path.to_owned(),
                    kind: RouteKind::Jwks,
                });
                let bytes = serde_json::to_vec(&jwk_set)
                    .map_err(oidc_discovery_metadata::SerializeError::from)?;
                Some(Representation::new(
                    Bytes::from(bytes),
                    "application/jwk-set+json",
                    cache_control.clone(),
                ))
            }
        };
        Ok(Endpoint {
            routes,
            metadata: Representation::new(Bytes::from(body), "application/json", cache_control),
            jwks,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn raw_paths_are_not_normalized() {
        assert_eq!(super::raw_path("https://a.example"), Some("/"));
        assert_eq!(
            super::raw_path("https://a.example/x/%7Ey?q=1#f"),
            Some("/x/%7Ey")
        );
        assert_eq!(super::raw_path("http://[::1]:8080/jwks"), Some("/jwks"));
        assert_eq!(super::raw_path("not a url"), None);
    }
}
