//! The `401` a protected resource answers to a request without a bearer token: `WWW-Authenticate:
//! Bearer resource_metadata="…"` (RFC 9728 §5.1, RFC 6750 §3), pointing the client at the
//! metadata the [`Endpoint`] serves.

use bytes::Bytes;
use http::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, AUTHORIZATION, CONTENT_LENGTH,
    WWW_AUTHENTICATE,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use oidc_discovery_validate::challenge::{BearerChallenge, BuildError};

use crate::{Endpoint, EndpointError, PreparedResponse};

/// A protected resource an endpoint serves the metadata of: its identifier and the challenge
/// naming its metadata URL.
#[derive(Debug, Clone)]
pub struct ProtectedResource {
    resource: String,
    bearer: BearerChallenge,
}

impl ProtectedResource {
    /// `resource` whose metadata is served at `metadata_url` (its first well-known location).
    pub(crate) fn new(resource: &str, metadata_url: &str) -> Result<Self, EndpointError> {
        let bearer = BearerChallenge::new()
            .resource_metadata(metadata_url)
            .map_err(|error| EndpointError::Challenge {
                resource: resource.to_owned(),
                error,
            })?;
        Ok(Self {
            resource: resource.to_owned(),
            bearer,
        })
    }
}

impl Endpoint {
    /// The challenge of the first protected resource whose metadata this endpoint serves, to
    /// configure (scope, realm) and [`build`](ChallengeBuilder::build); `None` when it serves
    /// no protected resource metadata.
    ///
    /// ```
    /// use oidc_discovery_http::Endpoint;
    /// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
    /// // `endpoint` serves the metadata of https://mcp.example.com/mcp.
    /// let challenge = endpoint.challenge().expect("a protected resource").scope(["mcp:tools"])?.build();
    /// let response = challenge.response();
    /// assert_eq!(response.status, http::StatusCode::UNAUTHORIZED);
    /// assert_eq!(
    ///     response.headers[http::header::WWW_AUTHENTICATE],
    ///     r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:tools""#,
    /// );
    /// assert_eq!(response.headers[http::header::ACCESS_CONTROL_EXPOSE_HEADERS], "WWW-Authenticate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn challenge(&self) -> Option<ChallengeBuilder> {
        self.resources.first().map(ChallengeBuilder::new)
    }

    /// The challenge of the protected resource whose `resource` is exactly `resource`, when
    /// this endpoint serves its metadata.
    #[must_use]
    pub fn challenge_for(&self, resource: &str) -> Option<ChallengeBuilder> {
        self.resources
            .iter()
            .find(|served| served.resource == resource)
            .map(ChallengeBuilder::new)
    }

    /// The identifiers of the protected resources whose metadata this endpoint serves, in the
    /// order given.
    pub fn resources(&self) -> impl Iterator<Item = &str> {
        self.resources.iter().map(|served| served.resource.as_str())
    }
}

/// Configures a [`Challenge`]: the `resource_metadata` parameter is set from the served
/// metadata; `scope` and `realm` may be added. No `error` is ever sent: the challenge answers
/// a request that carried no token (RFC 6750 §3).
#[derive(Debug, Clone)]
pub struct ChallengeBuilder {
    resource: String,
    bearer: BearerChallenge,
}

impl ChallengeBuilder {
    fn new(served: &ProtectedResource) -> Self {
        Self {
            resource: served.resource.clone(),
            bearer: served.bearer.clone(),
        }
    }

    /// `scope` (RFC 6750 §3): the scopes a client needs to access the resource.
    ///
    /// # Errors
    ///
    /// As [`BearerChallenge::scope`]: no token, an empty token, or a character a scope token
    /// does not hold.
    pub fn scope<I>(mut self, scopes: I) -> Result<Self, BuildError>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.bearer = self.bearer.scope(scopes)?;
        Ok(self)
    }

    /// `realm` (RFC 9110 §11.5).
    ///
    /// # Errors
    ///
    /// As [`BearerChallenge::realm`].
    pub fn realm(mut self, realm: &str) -> Result<Self, BuildError> {
        self.bearer = self.bearer.realm(realm)?;
        Ok(self)
    }

    /// The challenge, with its response prepared once.
    #[must_use]
    pub fn build(self) -> Challenge {
        let value = HeaderValue::try_from(self.bearer.to_string())
            .expect("BearerChallenge writes visible US-ASCII only");
        let mut headers = HeaderMap::with_capacity(4);
        headers.insert(WWW_AUTHENTICATE, value);
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        // Browser clients (MCP in a web page) can read the challenge only when it is exposed.
        headers.insert(
            ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("WWW-Authenticate"),
        );
        headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
        Challenge {
            resource: self.resource,
            response: PreparedResponse {
                status: StatusCode::UNAUTHORIZED,
                headers,
                body: Bytes::new(),
            },
        }
    }
}

/// The answer to a request for a protected resource that carries no bearer token: `401` with
/// `WWW-Authenticate: Bearer resource_metadata="<metadata URL>"` (RFC 9728 §5.1; `scope` and
/// `realm` when configured; never `error`, RFC 6750 §3), `Access-Control-Allow-Origin: *` and
/// `Access-Control-Expose-Headers: WWW-Authenticate`, so that a browser client can read it.
///
/// Built from an [`Endpoint`] that serves the resource's metadata ([`Endpoint::challenge`]),
/// so the URL it names is one the endpoint answers. Each adapter turns it into its framework's
/// idiom (a response type, a middleware, a rejection); [`Challenge::guard`] is the decision
/// they share.
#[derive(Debug, Clone)]
pub struct Challenge {
    resource: String,
    response: PreparedResponse,
}

impl Challenge {
    /// The protected resource's identifier.
    #[must_use]
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The `401` response.
    #[must_use]
    pub fn response(&self) -> PreparedResponse {
        self.response.clone()
    }

    /// The `WWW-Authenticate` value.
    #[must_use]
    pub fn www_authenticate(&self) -> &HeaderValue {
        &self.response.headers[WWW_AUTHENTICATE]
    }

    /// The challenge for a request without a bearer token, `None` for one that may go on: a
    /// request with `Authorization: Bearer <token>` (the scheme compared ignoring case, RFC
    /// 9110 §11.1), or a CORS preflight (`OPTIONS`, which browsers send without credentials).
    ///
    /// Only the token's presence is judged: verifying it (signature, audience, expiry, scope)
    /// remains the application's job, and a request with an invalid token is answered by the
    /// application (`401` with `error="invalid_token"`, RFC 6750 §3.1).
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, Method, header::AUTHORIZATION};
    /// # let endpoint = oidc_discovery_http::conformance::resource_fixtures().remove(0);
    /// let challenge = endpoint.challenge().expect("a protected resource").build();
    /// let mut headers = HeaderMap::new();
    /// assert!(challenge.guard(&Method::POST, &headers).is_some());
    /// assert!(challenge.guard(&Method::OPTIONS, &headers).is_none());
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic dXNlcjpwYXNz"));
    /// assert!(challenge.guard(&Method::POST, &headers).is_some());
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer eyJhbGciOi"));
    /// assert!(challenge.guard(&Method::POST, &headers).is_none());
    /// ```
    #[must_use]
    pub fn guard(&self, method: &Method, headers: &HeaderMap) -> Option<PreparedResponse> {
        let carries_token = headers
            .get_all(AUTHORIZATION)
            .iter()
            .any(|value| is_bearer(value.as_bytes()));
        if carries_token || *method == Method::OPTIONS {
            None
        } else {
            Some(self.response())
        }
    }
}

/// Whether an `Authorization` value is `Bearer` followed by a token (RFC 6750 §2.1; the scheme
/// ignoring case).
pub(crate) fn is_bearer(value: &[u8]) -> bool {
    let scheme = b"bearer ";
    value.len() > scheme.len()
        && value[..scheme.len()].eq_ignore_ascii_case(scheme)
        && value[scheme.len()..].iter().any(|byte| *byte != b' ')
}

#[cfg(test)]
mod tests {
    #[test]
    fn bearer_is_recognised_ignoring_case_and_needs_a_token() {
        for (value, expected) in [
            (&b"Bearer abc"[..], true),
            (b"bearer abc", true),
            (b"BEARER a.b.c", true),
            (b"Bearer ", false),
            (b"Bearer    ", false),
            (b"Bearer", false),
            (b"Bearerabc", false),
            (b"Basic abc", false),
            (b"", false),
        ] {
            assert_eq!(
                super::is_bearer(value),
                expected,
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }
}
