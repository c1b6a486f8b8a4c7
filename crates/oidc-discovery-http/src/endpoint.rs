//! [`Endpoint`]: the prepared document, its routes, and the request dispatch.

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use oidc_discovery_validate::well_known::LocationStyle;
use serde_json::Value;

use crate::DEFAULT_CACHE_CONTROL;
use crate::document::Servable;
use crate::document::sealed::Prepared;
use crate::prepared::{PreparedResponse, Representation};

/// Which resource a route serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteKind {
    /// A metadata document, at one of its well-known locations: an issuer's (OpenID Connect
    /// appended, RFC 8414 inserted, RFC 8414 inserted with the `openid-configuration` suffix:
    /// see [`oidc_discovery_validate::well_known::locations`]) or a protected resource's (RFC
    /// 9728 §3.1: see [`oidc_discovery_validate::well_known::resource_locations`]).
    Metadata(LocationStyle),
    /// The JWK Set, at the path of `jwks_uri`.
    Jwks,
}

/// One path the endpoint serves, and the representation served there.
///
/// Routes come only from an [`Endpoint`] ([`Endpoint::routes`], [`Endpoint::route`]); an
/// adapter keeps the route it mounts and answers with [`Route::respond`].
#[derive(Clone)]
pub struct Route {
    /// The path (absolute, as it appears in the request target, e.g.
    /// `/.well-known/openid-configuration`).
    pub path: String,
    /// What it serves.
    pub kind: RouteKind,
    representation: Arc<Representation>,
}

impl Route {
    /// The representation served at this route.
    #[must_use]
    pub fn representation(&self) -> &Representation {
        &self.representation
    }

    /// The response to `method` with `headers` at this route (see
    /// [`Representation::respond`]).
    #[must_use]
    pub fn respond(&self, method: &Method, headers: &HeaderMap) -> PreparedResponse {
        self.representation.respond(method, headers)
    }
}

impl PartialEq for Route {
    /// Same path, same kind, same bytes.
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.kind == other.kind
            && self.representation.etag() == other.representation.etag()
    }
}

impl Eq for Route {}

impl fmt::Debug for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Route")
            .field("path", &self.path)
            .field("kind", &self.kind)
            .field("etag", self.representation.etag())
            .finish()
    }
}

/// Why an [`Endpoint`] could not be prepared.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// The document could not be serialized.
    #[error(transparent)]
    Serialize(#[from] oidc_discovery_metadata::SerializeError),
    /// The issuer or resource identifier does not give well-known paths (validation normally
    /// prevents this).
    #[error("the identifier gives no well-known path: {0}")]
    Issuer(#[from] oidc_discovery_validate::well_known::WellKnownError),
    /// Two documents (or a document and the JWK Set) would be served at the same path: each
    /// path serves one representation.
    #[error("{second} would be served at {path}, where {first} is served already")]
    DuplicatePath {
        /// The path both want.
        path: String,
        /// What is served there first (`the authorization server metadata of
        /// https://as.example.com`).
        first: String,
        /// What was refused.
        second: String,
    },
    /// The `WWW-Authenticate` challenge of a protected resource could not be built.
    #[error("the challenge of the protected resource {resource} cannot be built: {error}")]
    Challenge {
        /// The resource identifier.
        resource: String,
        /// Why.
        error: oidc_discovery_validate::challenge::BuildError,
    },
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

/// Validated documents prepared for serving: bytes, ETag and headers computed once, every
/// well-known route of each, and optionally the first document's JWK Set.
///
/// Built from [`Validated`](oidc_discovery_validate::Validated) documents only
/// ([`Servable`]), so a document with errors cannot be served. One endpoint serves several
/// documents — an authorization server's metadata and any number of protected resources'
/// (RFC 9728), or protected resources alone — each at its own well-known locations; two
/// documents that would share a path are refused ([`EndpointError::DuplicatePath`]).
#[derive(Debug, Clone)]
pub struct Endpoint {
    routes: Vec<Route>,
    metadata: Arc<Representation>,
    jwks: Option<Arc<Representation>>,
    pub(crate) resources: Vec<crate::challenge::ProtectedResource>,
}

/// Configures an [`Endpoint`]: more documents, `Cache-Control`, the JWK Set.
#[derive(Debug)]
pub struct EndpointBuilder {
    documents: Vec<Result<Prepared, EndpointError>>,
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
    pub fn new(document: &impl Servable) -> Result<Self, EndpointError> {
        Self::builder(document).build()
    }

    /// Starts configuring an endpoint for `document` (more can be added with
    /// [`EndpointBuilder::document`]).
    #[must_use]
    pub fn builder(document: &impl Servable) -> EndpointBuilder {
        EndpointBuilder {
            documents: vec![document.prepare()],
            cache_control: DEFAULT_CACHE_CONTROL.to_owned(),
            jwks: None,
        }
    }

    /// The paths served: for each document in the order it was given, one route for each of
    /// its well-known locations in the order clients try them (for an issuer: RFC 8414
    /// inserted; when the issuer has a path, RFC 8414 inserted with the `openid-configuration`
    /// suffix; OpenID Connect appended; for a protected resource: RFC 9728 §3.1), then the JWK
    /// Set's.
    #[must_use]
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The prepared metadata document given first (to [`Endpoint::new`] or
    /// [`Endpoint::builder`]).
    #[must_use]
    pub fn metadata(&self) -> &Representation {
        &self.metadata
    }

    /// The prepared JWK Set, if one is served.
    #[must_use]
    pub fn jwks(&self) -> Option<&Representation> {
        self.jwks.as_deref()
    }

    /// The route at `path` (the request's raw path, without its query, compared byte for
    /// byte), or `None` when `path` is not served.
    ///
    /// The query is not compared: a protected resource whose identifier has a query (RFC 9728
    /// §3.1 keeps it in the metadata URL) is served at its location's path whatever the query.
    #[must_use]
    pub fn route(&self, path: &str) -> Option<&Route> {
        self.routes.iter().find(|route| route.path == path)
    }

    /// The response for `request`, or `None` when its path is not one of [`routes`](Self::routes)
    /// (the adapter then lets the application answer, typically with 404).
    #[must_use]
    pub fn respond(&self, request: &Request) -> Option<PreparedResponse> {
        let route = self.route(&request.path)?;
        Some(route.respond(&request.method, &request.headers))
    }
}

impl EndpointBuilder {
    /// Also serves `document` at its well-known locations: a protected resource's metadata
    /// next to an authorization server's, or several protected resources'.
    #[must_use]
    pub fn document(mut self, document: &impl Servable) -> Self {
        self.documents.push(document.prepare());
        self
    }

    /// Sets `Cache-Control` (default `public, max-age=3600`).
    #[must_use]
    pub fn cache_control(mut self, value: impl Into<String>) -> Self {
        self.cache_control = value.into();
        self
    }

    /// Also serves this JWK Set (`application/jwk-set+json`) at the path of the first
    /// document's `jwks_uri`, with the same caching semantics.
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
        let mut routes: Vec<Route> = Vec::new();
        // What each route serves, in words, for a refusal.
        let mut served: Vec<String> = Vec::new();
        let mut add = |routes: &mut Vec<Route>, route: Route, what: String| {
            if let Some(index) = routes.iter().position(|other| other.path == route.path) {
                return Err(EndpointError::DuplicatePath {
                    path: route.path,
                    first: served[index].clone(),
                    second: what,
                });
            }
            routes.push(route);
            served.push(what);
            Ok(())
        };
        let mut first = None;
        let mut resources = Vec::new();
        for document in self.documents {
            let document = document?;
            let representation = Arc::new(Representation::new(
                Bytes::from(document.body),
                "application/json",
                cache_control.clone(),
            ));
            for location in &document.locations {
                let route = Route {
                    path: location.path().to_owned(),
                    kind: RouteKind::Metadata(location.style()),
                    representation: Arc::clone(&representation),
                };
                add(&mut routes, route, document.described.clone())?;
            }
            if let Some(resource) = document.resource {
                resources.push(resource);
            }
            first.get_or_insert((representation, document.jwks_uri, document.described));
        }
        let (metadata, jwks_uri, described) = first.expect("a builder starts with a document");
        let jwks = match self.jwks {
            None => None,
            Some(jwk_set) => {
                if !jwk_set.get("keys").is_some_and(Value::is_array) {
                    return Err(EndpointError::InvalidJwks);
                }
                let path = jwks_uri
                    .as_deref()
                    .and_then(raw_path)
                    .ok_or(EndpointError::NoJwksUri)?;
                let bytes = serde_json::to_vec(&jwk_set)
                    .map_err(oidc_discovery_metadata::SerializeError::from)?;
                let representation = Arc::new(Representation::new(
                    Bytes::from(bytes),
                    "application/jwk-set+json",
                    cache_control.clone(),
                ));
                let route = Route {
                    path: path.to_owned(),
                    kind: RouteKind::Jwks,
                    representation: Arc::clone(&representation),
                };
                add(&mut routes, route, format!("the JWK Set of {described}"))?;
                Some(representation)
            }
        };
        Ok(Endpoint {
            routes,
            metadata,
            jwks,
            resources,
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
