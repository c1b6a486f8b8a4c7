//! A representation prepared once, and the responses built from it.

use bytes::Bytes;
use http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS, ALLOW, CACHE_CONTROL, CONTENT_LENGTH,
    CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY, X_CONTENT_TYPE_OPTIONS,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

use crate::conditional::if_none_match_matches;

/// One served resource (the metadata document or the JWK Set), prepared once: its bytes and
/// the header values every response repeats.
#[derive(Debug, Clone)]
pub struct Representation {
    body: Bytes,
    etag: HeaderValue,
    content_type: HeaderValue,
    cache_control: HeaderValue,
    content_length: HeaderValue,
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
        Self {
            etag: etag(&body),
            content_length: HeaderValue::from(body.len()),
            body,
            content_type: HeaderValue::from_static(content_type),
            cache_control,
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
    #[must_use]
    pub fn respond(&self, method: &Method, headers: &HeaderMap) -> PreparedResponse {
        match *method {
            Method::GET | Method::HEAD => {
                let not_modified = headers.get_all(IF_NONE_MATCH).iter().any(|value| {
                    if_none_match_matches(value, self.etag.to_str().unwrap_or_default())
                });
                if not_modified {
                    return self.not_modified();
                }
                let mut response = self.empty(StatusCode::OK);
                response
                    .headers
                    .insert(CONTENT_TYPE, self.content_type.clone());
                response
                    .headers
                    .insert(CONTENT_LENGTH, self.content_length.clone());
                response
                    .headers
                    .insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
                if *method == Method::GET {
                    response.body = self.body.clone();
                }
                response
            }
            Method::OPTIONS => preflight(headers),
            _ => method_not_allowed(),
        }
    }

    fn empty(&self, status: StatusCode) -> PreparedResponse {
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(ETAG, self.etag.clone());
        headers.insert(CACHE_CONTROL, self.cache_control.clone());
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        PreparedResponse {
            status,
            headers,
            body: Bytes::new(),
        }
    }

    fn not_modified(&self) -> PreparedResponse {
        self.empty(StatusCode::NOT_MODIFIED)
    }
}

/// `OPTIONS`: a CORS preflight answer allowing `GET, HEAD` from any origin.
fn preflight(request: &HeaderMap) -> PreparedResponse {
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
    if let Some(requested) = request.get(ACCESS_CONTROL_REQUEST_HEADERS) {
        if requested.len() <= MAX_REQUEST_HEADERS && requested.to_str().is_ok() {
            headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, requested.clone());
        }
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
