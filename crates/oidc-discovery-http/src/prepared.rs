//! A representation prepared once, and the responses built from it.

use bytes::Bytes;
use http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS, ALLOW, CACHE_CONTROL, CONTENT_LENGTH,
    CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY, X_CONTENT_TYPE_OPTIONS,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

use crate::conditional::{matches_opaque, opaque};

/// One served resource (the metadata document or the JWK Set), prepared once: its bytes, the
/// header values every response repeats, and every response that does not depend on the
/// request's headers.
#[derive(Debug, Clone)]
pub struct Representation {
    body: Bytes,
    etag: HeaderValue,
    /// The opaque part of `etag` (between the quotes), which `If-None-Match` members are
    /// compared with.
    opaque_etag: Box<str>,
    content_type: HeaderValue,
    cache_control: HeaderValue,
    ok: PreparedResponse,
    head: PreparedResponse,
    not_modified: PreparedResponse,
    method_not_allowed: PreparedResponse,
}

/// Which response answers a request, decided by [`Representation::answer`] from the method and
/// `If-None-Match` alone.
///
/// Every answer but [`Preflight`](Answer::Preflight) has a response prepared once
/// ([`Representation::prepared`]): an adapter for another `http` version (actix-web) converts
/// each of them once, before the first request, and answers with clones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Answer {
    /// `GET`: `200` with the body.
    Ok,
    /// `HEAD`: `200` with the headers of `GET` and no body.
    Head,
    /// `GET` or `HEAD` with a matching `If-None-Match`: `304`.
    NotModified,
    /// `OPTIONS`: the CORS preflight `204`, which echoes `Access-Control-Request-Headers` and is
    /// therefore built per request, by [`Representation::preflight`].
    Preflight,
    /// Any method but `GET`, `HEAD` and `OPTIONS`: `405` with `Allow`.
    MethodNotAllowed,
}

impl Answer {
    /// The answers whose response is prepared once: all but [`Preflight`](Answer::Preflight).
    pub const PREPARED: [Answer; 4] = [
        Answer::Ok,
        Answer::Head,
        Answer::NotModified,
        Answer::MethodNotAllowed,
    ];
}

/// A response: status, headers and body (empty for `HEAD`, `304`, `OPTIONS` and `405`).
///
/// Adapters turn it into their framework's response without adding semantics of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedResponse {
    /// The status.
    pub status: StatusCode,
    /// The headers, in a fixed order.
    pub headers: HeaderMap,
    /// The body (a cheap clone of the prepared bytes).
    pub body: Bytes,
}

/// The entity tag of `bytes`: strong, quoted, a 64-bit FNV-1a hash and the length, in hex.
///
/// Stable across processes and versions (unlike `std`'s `DefaultHasher`), so caches keep
/// validating after a restart. It identifies a representation; it is not a security measure.
pub(crate) fn etag(bytes: &[u8]) -> HeaderValue {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    HeaderValue::try_from(format!("\"{hash:016x}-{:x}\"", bytes.len()))
        .expect("hex digits and quotes are a valid header value")
}

/// The longest `Access-Control-Request-Headers` echoed in a preflight.
const MAX_REQUEST_HEADERS: usize = 1024;

impl Representation {
    pub(crate) fn new(body: Bytes, content_type: &'static str, cache_control: HeaderValue) -> Self {
        let etag = etag(&body);
        let opaque_etag = opaque(etag.to_str().unwrap_or_default())
            .unwrap_or_default()
            .into();
        let content_type = HeaderValue::from_static(content_type);
        let not_modified = PreparedResponse {
            status: StatusCode::NOT_MODIFIED,
            headers: HeaderMap::from_iter([
                (ETAG, etag.clone()),
                (CACHE_CONTROL, cache_control.clone()),
                (ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")),
            ]),
            body: Bytes::new(),
        };
        let mut head = PreparedResponse {
            status: StatusCode::OK,
            ..not_modified.clone()
        };
        head.headers.insert(CONTENT_TYPE, content_type.clone());
        head.headers
            .insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
        head.headers
            .insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        let ok = PreparedResponse {
            body: body.clone(),
            ..head.clone()
        };
        Self {
            body,
            etag,
            opaque_etag,
            content_type,
            cache_control,
            ok,
            head,
            not_modified,
            method_not_allowed: method_not_allowed(),
        }
    }

    /// The bytes served.
    #[must_use]
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The `ETag` header value (quoted).
    #[must_use]
    pub fn etag(&self) -> &HeaderValue {
        &self.etag
    }

    /// The `Content-Type` header value.
    #[must_use]
    pub fn content_type(&self) -> &HeaderValue {
        &self.content_type
    }

    /// The `Cache-Control` header value.
    #[must_use]
    pub fn cache_control(&self) -> &HeaderValue {
        &self.cache_control
    }

    /// The response to `method` with `headers`, per the contract in the crate documentation.
    ///
    /// For every method but `OPTIONS` it is a clone of a prepared response: a `HeaderMap` clone
    /// and reference-counted bytes.
    #[must_use]
    pub fn respond(&self, method: &Method, headers: &HeaderMap) -> PreparedResponse {
        let answer = self.answer(
            method,
            headers
                .get_all(IF_NONE_MATCH)
                .iter()
                .map(HeaderValue::as_bytes),
        );
        match self.prepared(answer) {
            Some(prepared) => prepared.clone(),
            None => self.preflight(
                headers
                    .get(ACCESS_CONTROL_REQUEST_HEADERS)
                    .map(HeaderValue::as_bytes),
            ),
        }
    }

    /// Which response answers `method`, given the request's `If-None-Match` field values (the
    /// bytes of each header line; none when the request has no `If-None-Match`).
    ///
    /// `GET` and `HEAD` get [`Answer::NotModified`] when a value matches the `ETag` (weak
    /// comparison, lists, `*`: see [`if_none_match_matches`](crate::if_none_match_matches)).
    ///
    /// ```
    /// use http::Method;
    /// use oidc_discovery_http::{Answer, Endpoint};
    /// # use oidc_discovery_metadata::ProviderMetadata;
    /// # use oidc_discovery_validate::{Oidc, Options, validate};
    /// # let metadata = ProviderMetadata::from_json_str(
    /// #     &oidc_discovery_http::example::document("https://id.example.com"),
    /// # )?;
    /// # let endpoint = Endpoint::new(&validate::<Oidc>(metadata, &Options::default())?)?;
    /// let document = endpoint.metadata();
    /// let etag = document.etag().as_bytes();
    /// let other: &[u8] = b"\"other\"";
    /// assert_eq!(document.answer(&Method::GET, []), Answer::Ok);
    /// assert_eq!(document.answer(&Method::HEAD, [other]), Answer::Head);
    /// assert_eq!(document.answer(&Method::GET, [other, etag]), Answer::NotModified);
    /// assert_eq!(document.answer(&Method::OPTIONS, []), Answer::Preflight);
    /// assert_eq!(document.answer(&Method::DELETE, [etag]), Answer::MethodNotAllowed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn answer<'v>(
        &self,
        method: &Method,
        if_none_match: impl IntoIterator<Item = &'v [u8]>,
    ) -> Answer {
        match *method {
            Method::GET | Method::HEAD => {
                let wanted = Some(&*self.opaque_etag);
                if if_none_match
                    .into_iter()
                    .any(|value| matches_opaque(value, wanted))
                {
                    Answer::NotModified
                } else if *method == Method::GET {
                    Answer::Ok
                } else {
                    Answer::Head
                }
            }
            Method::OPTIONS => Answer::Preflight,
            _ => Answer::MethodNotAllowed,
        }
    }

    /// The response prepared once for `answer`; `None` for [`Answer::Preflight`], which
    /// [`preflight`](Self::preflight) builds per request.
    #[must_use]
    pub fn prepared(&self, answer: Answer) -> Option<&PreparedResponse> {
        match answer {
            Answer::Ok => Some(&self.ok),
            Answer::Head => Some(&self.head),
            Answer::NotModified => Some(&self.not_modified),
            Answer::MethodNotAllowed => Some(&self.method_not_allowed),
            Answer::Preflight => None,
        }
    }

    /// The CORS preflight response to `OPTIONS`: `204`, allowing `GET, HEAD` from any origin
    /// and the request headers the browser asks for in `Access-Control-Request-Headers` (the
    /// bytes of that header), unless the list is longer than 1 KiB or not visible ASCII.
    #[must_use]
    pub fn preflight(&self, access_control_request_headers: Option<&[u8]>) -> PreparedResponse {
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD"),
        );
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        headers.insert(ALLOW, HeaderValue::from_static(crate::ALLOW));
        // Allow the headers the browser asks for (If-None-Match, typically): the document is
        // public and no credentials are involved. Oversized or invalid lists are not echoed.
        let requested = access_control_request_headers
            .filter(|requested| requested.len() <= MAX_REQUEST_HEADERS)
            .and_then(|requested| HeaderValue::from_bytes(requested).ok())
            .filter(|requested| requested.to_str().is_ok());
        if let Some(requested) = requested {
            headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, requested);
        }
        headers.insert(
            VARY,
            HeaderValue::from_static("Access-Control-Request-Headers"),
        );
        PreparedResponse {
            status: StatusCode::NO_CONTENT,
            headers,
            body: Bytes::new(),
        }
    }
}

/// Any other method: `405` with `Allow` (RFC 9110 §15.5.6).
pub(crate) fn method_not_allowed() -> PreparedResponse {
    let mut headers = HeaderMap::with_capacity(2);
    headers.insert(ALLOW, HeaderValue::from_static(crate::ALLOW));
    headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
    PreparedResponse {
        status: StatusCode::METHOD_NOT_ALLOWED,
        headers,
        body: Bytes::new(),
    }
}
