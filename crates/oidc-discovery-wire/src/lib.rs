//! Test support, not published: the HTTP contract of `oidc-discovery-http` held over a real
//! connection — hostile requests, and load.
//!
//! The in-process conformance suite (`oidc_discovery_http::conformance::run`, feature
//! `conformance`) cannot see the framework's HTTP/1.1 codec, which sits between the wire and the
//! adapter: it parses request lines and headers (with limits of its own), frames responses, and
//! keeps connections alive. This crate speaks raw HTTP/1.1 over TCP to a server that an adapter's
//! test has started on loopback, and holds it to the contract:
//!
//! * [`abuse`] sends requests no well-behaved client sends — absurd or malformed
//!   `If-None-Match` values (64 KiB, thousands of list members, unbalanced quotes, bytes beyond
//!   ASCII, a thousand repeated lines), unusual methods (`TRACE`, `CONNECT`, `FOO`, a lowercase
//!   `get`), odd paths (encoded slashes, dot segments, trailing slashes, queries, absolute
//!   form), framing tricks (pipelining, bodies on `GET`, conflicting lengths) — and checks that
//!   every answer is the core's answer (or, for a request beyond the framework's own limits, the
//!   framework's `4xx` refusal), never a `5xx`, and that nothing panicked.
//! * [`Load`] keeps many keep-alive connections busy with a mix of the contract's requests, and
//!   [`load_without_leaks`] uses it to show that serving does not make memory grow: it measures
//!   the live heap (through a probe the test provides, typically a counting global allocator)
//!   before and after thousands of requests, and proves in the same run that the measurement
//!   would see a leak of a few hundred bytes per request.
//! * [`attacks`] holds the server to its `ConnectionPolicy`: idle and slowloris connections
//!   closed within the deadlines, pipelining without reading kept under a memory bound, a good
//!   client answered while attackers hold more connections than the cap, HTTP/2 prior knowledge
//!   refused cleanly, and a graceful shutdown that ends in time whatever a client holds open.
//!
//! Everything here panics with a message naming the case on the first difference: it is test
//! support, used by the adapters' tests as a dev-dependency, and kept out of the published
//! `oidc-discovery-http`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod attacks;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http::header::{CONTENT_LENGTH, ETAG, TRANSFER_ENCODING};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};

use oidc_discovery_http::{Endpoint, Request, RouteKind};

/// How long a test waits for one response before it fails (a server that hangs is a failure,
/// not a test that never ends). Generous: it is a bound on a hang, not a performance claim.
const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// The most bytes accepted in a response head.
const MAX_RESPONSE_HEAD: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Panics anywhere in the process
// ---------------------------------------------------------------------------------------------

static PANICS: AtomicUsize = AtomicUsize::new(0);
static HOOK: Once = Once::new();

/// Starts counting panics in every thread of the process (the server's included), keeping the
/// previous panic hook's output. A handler that panics loses its connection, which a test might
/// read as an ordinary refusal; the count tells them apart.
fn count_panics() -> usize {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
    PANICS.load(Ordering::SeqCst)
}

fn assert_no_new_panics(before: usize, context: &str) {
    let now = PANICS.load(Ordering::SeqCst);
    assert_eq!(
        now - before,
        0,
        "{context}: {} panic(s) in the process while serving",
        now - before
    );
}

// ---------------------------------------------------------------------------------------------
// A raw HTTP/1.1 connection
// ---------------------------------------------------------------------------------------------

/// A response read off the wire.
#[derive(Debug, Clone)]
struct WireResponse {
    /// The status.
    status: StatusCode,
    /// The headers, as sent (repeated lines kept).
    headers: HeaderMap,
    /// The body, de-chunked.
    body: Vec<u8>,
}

/// One client connection speaking HTTP/1.1 by hand, with a read buffer that keeps what arrived
/// beyond one response (for pipelining and keep-alive).
#[derive(Debug)]
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

/// Why no response could be read.
#[derive(Debug)]
enum ReadError {
    /// The server closed (or reset) the connection before a byte of the response.
    Closed,
    /// Anything else: a malformed response, a response cut off, a time-out.
    Broken(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Closed => f.write_str("the connection was closed before an answer"),
            Self::Broken(reason) => f.write_str(reason),
        }
    }
}

impl Connection {
    /// Connects to `addr`.
    ///
    /// # Panics
    ///
    /// When the connection cannot be made.
    fn open(addr: SocketAddr) -> Self {
        let stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect to {addr}: {e}"));
        stream
            .set_read_timeout(Some(IO_TIMEOUT))
            .and_then(|()| stream.set_write_timeout(Some(IO_TIMEOUT)))
            .and_then(|()| stream.set_nodelay(true))
            .expect("socket options");
        Self {
            stream,
            buffer: Vec::with_capacity(8 * 1024),
        }
    }

    /// Sends raw bytes.
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes)
    }

    /// Reads more bytes into the buffer; `Ok(0)` at the end of the stream.
    fn fill(&mut self) -> io::Result<usize> {
        let start = self.buffer.len();
        self.buffer.resize(start + 16 * 1024, 0);
        let read = self.stream.read(&mut self.buffer[start..]);
        self.buffer.truncate(start + *read.as_ref().unwrap_or(&0));
        read
    }

    /// Makes sure `count` bytes are buffered.
    fn need(&mut self, count: usize) -> Result<(), ReadError> {
        while self.buffer.len() < count {
            match self.fill() {
                Ok(0) => {
                    return Err(ReadError::Broken(format!(
                        "the connection ended {} byte(s) into a body part of {count}",
                        self.buffer.len()
                    )));
                }
                Ok(_) => {}
                Err(error) => return Err(ReadError::Broken(format!("read: {error}"))),
            }
        }
        Ok(())
    }

    /// The buffered bytes up to (and without) the next CRLF, consumed with it.
    fn line(&mut self) -> Result<Vec<u8>, ReadError> {
        loop {
            if let Some(end) = self.buffer.windows(2).position(|w| w == b"\r\n") {
                let line = self.buffer[..end].to_vec();
                self.buffer.drain(..end + 2);
                return Ok(line);
            }
            if self.buffer.len() > MAX_RESPONSE_HEAD {
                return Err(ReadError::Broken("a line longer than 64 KiB".to_owned()));
            }
            let have = self.buffer.len();
            self.need(have + 1)?;
        }
    }

    /// Reads one response. `head` says the request was `HEAD` (a response without a body
    /// whatever its `Content-Length`).
    fn read_response(&mut self, head: bool) -> Result<WireResponse, ReadError> {
        // The head: up to the empty line.
        let end = loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            if self.buffer.len() > MAX_RESPONSE_HEAD {
                return Err(ReadError::Broken("a response head over 64 KiB".to_owned()));
            }
            match self.fill() {
                Ok(0) if self.buffer.is_empty() => return Err(ReadError::Closed),
                Ok(0) => {
                    return Err(ReadError::Broken(format!(
                        "the connection ended inside a response head: {:?}",
                        String::from_utf8_lossy(&self.buffer)
                    )));
                }
                Ok(_) => {}
                Err(error)
                    if self.buffer.is_empty()
                        && matches!(
                            error.kind(),
                            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted
                        ) =>
                {
                    return Err(ReadError::Closed);
                }
                Err(error) => return Err(ReadError::Broken(format!("read: {error}"))),
            }
        };
        let head_bytes: Vec<u8> = self.buffer.drain(..end + 4).collect();
        let text = String::from_utf8_lossy(&head_bytes[..end]).into_owned();
        let mut lines = text.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = status_line
            .strip_prefix("HTTP/1.")
            .and_then(|rest| rest.get(2..5))
            .and_then(|code| code.parse::<u16>().ok())
            .and_then(|code| StatusCode::from_u16(code).ok())
            .ok_or_else(|| ReadError::Broken(format!("not a status line: {status_line:?}")))?;
        let mut headers = HeaderMap::new();
        for line in lines {
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| ReadError::Broken(format!("not a header line: {line:?}")))?;
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ReadError::Broken(format!("not a header name: {name:?}")))?;
            let value = HeaderValue::from_str(value.trim())
                .map_err(|_| ReadError::Broken(format!("not a header value: {value:?}")))?;
            headers.append(name, value);
        }
        let no_body = head
            || status.is_informational()
            || status == StatusCode::NO_CONTENT
            || status == StatusCode::NOT_MODIFIED;
        let chunked = headers
            .get_all(TRANSFER_ENCODING)
            .iter()
            .any(|value| value.as_bytes().eq_ignore_ascii_case(b"chunked"));
        let length = headers
            .get(CONTENT_LENGTH)
            .map(|value| {
                value
                    .to_str()
                    .ok()
                    .and_then(|v| v.parse::<usize>().ok())
                    .ok_or_else(|| ReadError::Broken(format!("Content-Length {value:?}")))
            })
            .transpose()?;
        let body = if no_body {
            Vec::new()
        } else if chunked {
            self.read_chunked()?
        } else if let Some(length) = length {
            self.need(length)?;
            self.buffer.drain(..length).collect()
        } else {
            // Delimited by the end of the connection.
            loop {
                match self.fill() {
                    Ok(0) => break std::mem::take(&mut self.buffer),
                    Ok(_) => {}
                    Err(error) => return Err(ReadError::Broken(format!("read: {error}"))),
                }
            }
        };
        Ok(WireResponse {
            status,
            headers,
            body,
        })
    }

    fn read_chunked(&mut self) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line = self.line()?;
            let text = String::from_utf8_lossy(&line);
            let size = text.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| ReadError::Broken(format!("not a chunk size: {text:?}")))?;
            if size == 0 {
                // Trailers, up to the empty line.
                while !self.line()?.is_empty() {}
                return Ok(body);
            }
            self.need(size + 2)?;
            body.extend(self.buffer.drain(..size));
            self.buffer.drain(..2);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile requests
// ---------------------------------------------------------------------------------------------

/// What a case may get back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Exactly the core's answer to the request as the core sees it (404 when the path is not
    /// served): status, every header of the core's response, body.
    Core,
    /// The core's answer, or a refusal by the framework's codec for a request beyond its own
    /// limits or outside HTTP/1.1's grammar: 400, 413, 414 or 431, or the connection closed
    /// without an answer.
    CoreOrRefused,
}

/// One hostile request.
struct Case {
    name: String,
    /// The bytes sent (one request, or several pipelined).
    raw: Vec<u8>,
    /// The requests as the core sees them, in order, with `Some(status)` the core must give
    /// (a literal, so that the suite also pins the core) or `None` for "whatever the core says".
    core: Vec<(Request, Option<StatusCode>)>,
    expect: Expect,
}

/// A request line, `Host`, the headers and `Connection: close`.
fn raw_request(method: &str, target: &str, headers: &[(&str, &[u8])], close: bool) -> Vec<u8> {
    let mut raw = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n").into_bytes();
    for (name, value) in headers {
        raw.extend_from_slice(name.as_bytes());
        raw.extend_from_slice(b": ");
        raw.extend_from_slice(value);
        raw.extend_from_slice(b"\r\n");
    }
    if close {
        raw.extend_from_slice(b"Connection: close\r\n");
    }
    raw.extend_from_slice(b"\r\n");
    raw
}

/// The core's view of a request: method, path, headers (`Host` and `Connection` are left out:
/// the core does not look at them). A value no `HeaderValue` can hold (a control character) is
/// left out too: no adapter can hand it to the core.
fn core_request(method: &str, path: &str, headers: &[(&str, &[u8])]) -> Request {
    let method = Method::from_bytes(method.as_bytes()).expect("a method token");
    let mut request = Request::new(method, path);
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_bytes(value) {
            request.headers.append(
                HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                value,
            );
        }
    }
    request
}

/// A request of a pipelined case: method, headers, the core's status.
type Pipelined<'a> = (&'a str, Vec<(&'a str, &'a [u8])>, Option<StatusCode>);

/// A single-request case.
fn case(
    name: impl Into<String>,
    method: &str,
    target: &str,
    path: &str,
    headers: &[(&str, &[u8])],
    status: Option<StatusCode>,
    expect: Expect,
) -> Case {
    Case {
        name: name.into(),
        raw: raw_request(method, target, headers, true),
        core: vec![(core_request(method, path, headers), status)],
        expect,
    }
}

/// `path` with its `index`-th character percent-encoded (`%2F` for a slash).
fn percent_encode_at(path: &str, index: usize) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    for (i, c) in path.char_indices() {
        if i == index {
            let _ = write!(out, "%{:02X}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[allow(clippy::too_many_lines)] // one table
fn hostile_cases(endpoint: &Endpoint, addr: SocketAddr) -> Vec<Case> {
    use Expect::{Core, CoreOrRefused};
    let ok = Some(StatusCode::OK);
    let not_modified = Some(StatusCode::NOT_MODIFIED);
    let not_allowed = Some(StatusCode::METHOD_NOT_ALLOWED);
    let not_found = Some(StatusCode::NOT_FOUND);

    let metadata_path = endpoint
        .routes()
        .iter()
        .find(|route| route.kind != RouteKind::Jwks)
        .map(|route| route.path.clone())
        .expect("a metadata route");
    let p = metadata_path.as_str();
    let etag = endpoint.metadata().etag().as_bytes().to_vec();
    let inm = "If-None-Match";
    let mut cases = Vec::new();

    // ---- If-None-Match --------------------------------------------------------------------
    let kib64 = |fill: &[u8]| {
        let mut value = Vec::with_capacity(64 * 1024 + 64);
        while value.len() < 64 * 1024 {
            value.extend_from_slice(fill);
        }
        value
    };
    let mut huge_tag = b"\"".to_vec();
    huge_tag.extend(std::iter::repeat_n(b'a', 64 * 1024));
    huge_tag.push(b'"');
    let mut huge_list_then_etag = kib64(b"\"x\", ");
    huge_list_then_etag.extend_from_slice(&etag);
    let mut thousand_then_etag = b"\"x\",".repeat(1000);
    thousand_then_etag.extend_from_slice(&etag);
    let five_thousand = b"W/\"0123\", ".repeat(5000);
    let mut bad_then_etag = b"\"unterminated, W/, junk, ".to_vec();
    bad_then_etag.extend_from_slice(&etag);
    let mut etag_without_opening = etag[1..].to_vec();
    etag_without_opening.push(b' ');
    let mut obs_text_then_etag = b"\"caf\xc3\xa9\", \xff\xfe, ".to_vec();
    obs_text_then_etag.extend_from_slice(&etag);
    let mut doubled = b"\"".to_vec();
    doubled.extend_from_slice(&etag);
    doubled.push(b'"');
    let single: [(&str, Vec<u8>, Option<StatusCode>, Expect); 14] = [
        // Beyond the core's 8 KiB bound: not examined, so not a match — even with the ETag.
        ("a 64 KiB entity tag", huge_tag, ok, CoreOrRefused),
        (
            "64 KiB of list members, then the ETag",
            huge_list_then_etag,
            ok,
            CoreOrRefused,
        ),
        (
            "5,000 weak list members (50 KiB)",
            five_thousand,
            ok,
            CoreOrRefused,
        ),
        // Within the bound: a long list still matches.
        (
            "1,000 list members, then the ETag",
            thousand_then_etag,
            not_modified,
            Core,
        ),
        ("an unbalanced quote", b"\"abc".to_vec(), ok, Core),
        ("a lone quote", b"\"".to_vec(), ok, Core),
        ("W/ and a quote", b"W/\"".to_vec(), ok, Core),
        (
            "malformed members, then the ETag",
            bad_then_etag,
            None,
            Core,
        ),
        (
            "the ETag without its opening quote",
            etag_without_opening,
            ok,
            Core,
        ),
        ("the ETag in doubled quotes", doubled, ok, Core),
        (
            "bytes beyond ASCII (obs-text), then the ETag",
            obs_text_then_etag,
            ok,
            Core,
        ),
        ("empty", Vec::new(), ok, Core),
        ("commas only", b" , ,, ,".to_vec(), ok, Core),
        (
            "a control character",
            b"\"a\x01b\"".to_vec(),
            None,
            CoreOrRefused,
        ),
    ];
    for (name, value, status, expect) in single {
        for method in ["GET", "HEAD"] {
            cases.push(case(
                format!("{method}, If-None-Match: {name}"),
                method,
                p,
                p,
                &[(inm, &value)],
                status,
                expect,
            ));
        }
    }
    // Repeated header lines: 50 (the last one matching) reach the core; 1,000 exceed every
    // framework's header count.
    for (count, status, expect) in [(50, not_modified, Core), (1000, ok, CoreOrRefused)] {
        let values: Vec<Vec<u8>> = (0..count)
            .map(|i| {
                if count == 50 && i == count - 1 {
                    etag.clone()
                } else {
                    format!("\"x{i}\"").into_bytes()
                }
            })
            .collect();
        let headers: Vec<(&str, &[u8])> = values.iter().map(|v| (inm, v.as_slice())).collect();
        cases.push(case(
            format!("GET, {count} If-None-Match lines"),
            "GET",
            p,
            p,
            &headers,
            status,
            expect,
        ));
    }

    // ---- Methods, on every route ----------------------------------------------------------
    let long_method = "X".repeat(200);
    for route in endpoint.routes() {
        let path = route.path.as_str();
        for method in [
            "PUT",
            "DELETE",
            "PATCH",
            "TRACE",
            "POST",
            "FOO",
            "get",
            "Head",
            "M-SEARCH",
            long_method.as_str(),
        ] {
            cases.push(case(
                format!("{} {path}", &method[..method.len().min(12)]),
                method,
                path,
                path,
                &[],
                not_allowed,
                Core,
            ));
        }
        // CONNECT is for proxies: in origin form it is malformed, so a codec may refuse it.
        cases.push(case(
            format!("CONNECT {path}"),
            "CONNECT",
            path,
            path,
            &[],
            not_allowed,
            CoreOrRefused,
        ));
        // A body on a method the endpoint refuses, with a length and chunked.
        cases.push(Case {
            name: format!("POST {path} with a body"),
            raw: {
                let mut raw = raw_request("POST", path, &[("Content-Length", b"11")], true);
                raw.extend_from_slice(b"{\"a\": true}");
                raw
            },
            core: vec![(core_request("POST", path, &[]), not_allowed)],
            expect: Core,
        });
        cases.push(Case {
            name: format!("PUT {path} with a chunked body"),
            raw: {
                let mut raw = raw_request("PUT", path, &[("Transfer-Encoding", b"chunked")], true);
                raw.extend_from_slice(b"5\r\nhello\r\n0\r\n\r\n");
                raw
            },
            core: vec![(core_request("PUT", path, &[]), not_allowed)],
            expect: Core,
        });
    }
    // The authority form (CONNECT's, and other methods' by mistake) and the asterisk form
    // (OPTIONS's): no path of ours. (warp 0.4.3's path filters panic on the authority form.)
    for method in ["CONNECT", "GET", "OPTIONS"] {
        cases.push(case(
            format!("{method} in authority form"),
            method,
            &addr.to_string(),
            "",
            &[],
            None,
            CoreOrRefused,
        ));
    }
    cases.push(case(
        "OPTIONS *",
        "OPTIONS",
        "*",
        "*",
        &[],
        not_found,
        CoreOrRefused,
    ));

    // ---- Paths --------------------------------------------------------------------------
    let last_slash = p.rfind('/').expect("an absolute path");
    let dot_segments = format!("{}/.{}", &p[..last_slash], &p[last_slash..]);
    let parent = format!("/x/..{p}");
    let double_slash = format!("/{p}");
    let encoded_slash = percent_encode_at(p, last_slash);
    let encoded_letter = percent_encode_at(p, last_slash + 1);
    let upper = p.to_ascii_uppercase();
    let trailing = format!("{p}/");
    let nul = format!("{p}%00");
    let long_path = format!("{p}/{}", "a".repeat(16 * 1024));
    let absolute = format!("http://{addr}{p}");
    let absolute_query = format!("http://{addr}{p}?a=b");
    let query = format!("{p}?x=1&y=%2F..%2F");
    let empty_query = format!("{p}?");
    let fragment_like = format!("{p}%23frag");
    for (name, target, path, status, expect) in [
        ("a query", query.as_str(), p, ok, Core),
        ("an empty query", empty_query.as_str(), p, ok, Core),
        ("absolute form", absolute.as_str(), p, ok, Core),
        (
            "absolute form with a query",
            absolute_query.as_str(),
            p,
            ok,
            Core,
        ),
        (
            "a trailing slash",
            trailing.as_str(),
            trailing.as_str(),
            not_found,
            Core,
        ),
        (
            "an encoded slash",
            encoded_slash.as_str(),
            encoded_slash.as_str(),
            not_found,
            Core,
        ),
        (
            "an encoded unreserved letter",
            encoded_letter.as_str(),
            encoded_letter.as_str(),
            not_found,
            Core,
        ),
        (
            "a dot segment",
            dot_segments.as_str(),
            dot_segments.as_str(),
            not_found,
            Core,
        ),
        (
            "a parent segment",
            parent.as_str(),
            parent.as_str(),
            not_found,
            Core,
        ),
        (
            "a double slash",
            double_slash.as_str(),
            double_slash.as_str(),
            not_found,
            Core,
        ),
        (
            "upper case",
            upper.as_str(),
            upper.as_str(),
            not_found,
            Core,
        ),
        (
            "an encoded NUL",
            nul.as_str(),
            nul.as_str(),
            not_found,
            Core,
        ),
        (
            "an encoded #",
            fragment_like.as_str(),
            fragment_like.as_str(),
            not_found,
            Core,
        ),
        (
            "a 16 KiB path",
            long_path.as_str(),
            long_path.as_str(),
            not_found,
            CoreOrRefused,
        ),
    ] {
        cases.push(case(
            format!("GET with {name}"),
            "GET",
            target,
            path,
            &[],
            status,
            expect,
        ));
    }
    // Bytes beyond ASCII in the request target: not a valid request line.
    let mut raw = b"GET ".to_vec();
    raw.extend_from_slice(p.as_bytes());
    raw.extend_from_slice(b"\xc3\xa9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    cases.push(Case {
        name: "GET with raw UTF-8 in the path".to_owned(),
        raw,
        core: vec![(core_request("GET", &format!("{p}\u{e9}"), &[]), not_found)],
        expect: CoreOrRefused,
    });

    // ---- Framing ------------------------------------------------------------------------
    // Five pipelined requests in one write: the answers come back in order, and the HEAD and
    // 304 answers (a Content-Length and no body, or neither) do not desynchronize the stream.
    let pipelined: [Pipelined<'_>; 5] = [
        ("GET", vec![], ok),
        ("HEAD", vec![], ok),
        ("GET", vec![(inm, etag.as_slice())], not_modified),
        ("OPTIONS", vec![("Origin", b"https://app.example")], None),
        ("DELETE", vec![], not_allowed),
    ];
    let mut raw = Vec::new();
    let mut core = Vec::new();
    for (i, (method, headers, status)) in pipelined.iter().enumerate() {
        raw.extend(raw_request(method, p, headers, i == pipelined.len() - 1));
        core.push((core_request(method, p, headers), *status));
    }
    cases.push(Case {
        name: "five pipelined requests".to_owned(),
        raw,
        core,
        expect: Core,
    });
    // A GET with a body: the body is ignored.
    let mut raw = raw_request("GET", p, &[("Content-Length", b"4")], true);
    raw.extend_from_slice(b"abcd");
    cases.push(Case {
        name: "GET with a body".to_owned(),
        raw,
        core: vec![(core_request("GET", p, &[]), ok)],
        expect: Core,
    });
    // Request smuggling shapes and malformed heads: the codec's business; never a 5xx.
    for (name, headers) in [
        (
            "Content-Length and Transfer-Encoding",
            vec![
                ("Content-Length", &b"4"[..]),
                ("Transfer-Encoding", b"chunked"),
            ],
        ),
        (
            "two different Content-Lengths",
            vec![("Content-Length", &b"0"[..]), ("Content-Length", b"5")],
        ),
        (
            "a negative Content-Length",
            vec![("Content-Length", &b"-1"[..])],
        ),
        (
            "Transfer-Encoding: gzip",
            vec![("Transfer-Encoding", &b"gzip"[..])],
        ),
    ] {
        let mut raw = raw_request("GET", p, &headers, true);
        raw.extend_from_slice(b"0\r\n\r\n");
        cases.push(Case {
            name: format!("GET with {name}"),
            raw,
            core: vec![(core_request("GET", p, &[]), ok)],
            expect: CoreOrRefused,
        });
    }
    for (name, raw) in [
        (
            "a header line without a colon",
            format!(
                "GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\nConnection: close\r\n\r\n"
            ),
        ),
        (
            "a space before the colon",
            format!(
                "GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match : \"x\"\r\nConnection: close\r\n\r\n"
            ),
        ),
        (
            "an obsolete line folding",
            format!(
                "GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \"x\",\r\n \"y\"\r\nConnection: close\r\n\r\n"
            ),
        ),
        (
            "bare LF line endings",
            format!("GET {p} HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n"),
        ),
        (
            "no Host",
            format!("GET {p} HTTP/1.1\r\nConnection: close\r\n\r\n"),
        ),
        ("HTTP/1.0 without Host", format!("GET {p} HTTP/1.0\r\n\r\n")),
        (
            "HTTP/2.0 in an HTTP/1 request line",
            format!("GET {p} HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"),
        ),
        (
            "HTTP/9.9",
            format!("GET {p} HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
        ),
    ] {
        cases.push(Case {
            name: format!("GET with {name}"),
            raw: raw.into_bytes(),
            core: vec![(core_request("GET", p, &[]), ok)],
            expect: CoreOrRefused,
        });
    }
    cases
}

/// Checks `actual` against the core's answer to `request`.
fn assert_core_answer(
    endpoint: &Endpoint,
    request: &Request,
    status: Option<StatusCode>,
    actual: &WireResponse,
    context: &str,
) {
    let expected = endpoint.respond(request);
    let expected_status = expected
        .as_ref()
        .map_or(StatusCode::NOT_FOUND, |response| response.status);
    if let Some(status) = status {
        assert_eq!(
            expected_status, status,
            "{context}: the core itself answers {expected_status}, the suite expects {status}"
        );
    }
    assert_eq!(actual.status, expected_status, "{context}: status");
    let Some(expected) = expected else {
        return;
    };
    for (name, value) in &expected.headers {
        let values: Vec<&HeaderValue> = actual.headers.get_all(name).iter().collect();
        assert_eq!(values, [value], "{context}: header `{name}`");
    }
    assert_eq!(actual.body, expected.body, "{context}: body");
}

/// Sends every hostile request to the server at `addr` (which serves `endpoint` through an
/// adapter, on its own, with the framework's default 404 elsewhere) and checks each answer:
///
/// * the core's answer, exactly (status, every header of the core's response, body), for every
///   request within HTTP/1.1's grammar and ordinary limits — 405 with `Allow: GET, HEAD,
///   OPTIONS` for any other method, `200`/`304` as `If-None-Match` says, 404 for any path that
///   is not exactly a served one;
/// * for requests beyond a framework's own limits or grammar (a 64 KiB header, a thousand
///   header lines, conflicting lengths, a malformed head), either the core's answer or the
///   framework's refusal (400, 413, 414, 431, or the connection closed unanswered);
/// * never a `5xx`, no panic in any thread of the process, and the server answers a plain `GET`
///   afterwards.
///
/// Returns which cases the core answered and which the framework refused.
///
/// # Panics
///
/// On the first answer that breaks these rules, naming the case.
pub fn abuse(addr: SocketAddr, endpoint: &Endpoint) -> AbuseReport {
    let panics = count_panics();
    let cases = hostile_cases(endpoint, addr);
    let mut report = AbuseReport::default();
    for case in &cases {
        let context = &case.name;
        let mut connection = Connection::open(addr);
        // A server may refuse before reading everything; a failed write is then expected.
        let sent = connection.send(&case.raw);
        for (i, (request, status)) in case.core.iter().enumerate() {
            let head = request.method == Method::HEAD;
            let context = format!("{context} (response {})", i + 1);
            match (connection.read_response(head), case.expect) {
                (Ok(actual), _) if actual.status.is_server_error() => {
                    panic!("{context}: a server error: {actual:?}");
                }
                (Ok(actual), Expect::CoreOrRefused)
                    if matches!(actual.status.as_u16(), 400 | 413 | 414 | 431) =>
                {
                    report
                        .refused
                        .push((case.name.clone(), actual.status.as_u16().to_string()));
                    break;
                }
                (Ok(actual), _) => {
                    assert_core_answer(endpoint, request, *status, &actual, &context);
                    report.answered += 1;
                }
                (Err(ReadError::Closed), Expect::CoreOrRefused) => {
                    report
                        .refused
                        .push((case.name.clone(), "closed".to_owned()));
                    break;
                }
                (Err(error), _) => panic!(
                    "{context}: no answer ({error}; the request was {}sent whole)",
                    if sent.is_ok() { "" } else { "not " }
                ),
            }
        }
        assert_no_new_panics(panics, context);
    }
    // Still serving.
    let mut connection = Connection::open(addr);
    connection
        .send(&raw_request("GET", &endpoint.routes()[0].path, &[], true))
        .expect("send");
    let response = connection
        .read_response(false)
        .unwrap_or_else(|error| panic!("after the hostile requests: {error}"));
    assert_eq!(
        response.status,
        StatusCode::OK,
        "after the hostile requests"
    );
    assert_no_new_panics(panics, "the hostile requests");
    report
}

/// What [`abuse`] saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AbuseReport {
    /// Answers that were the core's.
    pub answered: usize,
    /// The cases the framework refused, with how: a status (`"431"`) or `"closed"`.
    pub refused: Vec<(String, String)>,
}

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------

/// One request of the load mix, prepared: its bytes and the answer it must get.
struct Planned {
    raw: Vec<u8>,
    head: bool,
    status: StatusCode,
    body_len: usize,
    etag: Option<HeaderValue>,
}

/// The mix: every kind of request the contract describes, on every route, plus a path that is
/// not served.
fn plan(endpoint: &Endpoint) -> Vec<Planned> {
    let mut planned = Vec::new();
    let mut push = |method: &str, target: &str, path: &str, headers: &[(&str, &[u8])]| {
        let request = core_request(method, path, headers);
        let (status, body_len, etag) = match endpoint.respond(&request) {
            Some(response) => (
                response.status,
                response.body.len(),
                response.headers.get(ETAG).cloned(),
            ),
            None => (StatusCode::NOT_FOUND, 0, None),
        };
        planned.push(Planned {
            raw: raw_request(method, target, headers, false),
            head: request.method == Method::HEAD,
            status,
            body_len,
            etag,
        });
    };
    for route in endpoint.routes() {
        let path = route.path.as_str();
        let etag = route.representation().etag().as_bytes().to_vec();
        push("GET", path, path, &[]);
        push("HEAD", path, path, &[]);
        push("GET", path, path, &[("If-None-Match", &etag)]);
        push("GET", path, path, &[("If-None-Match", b"\"other\"")]);
        push(
            "OPTIONS",
            path,
            path,
            &[
                ("Origin", b"https://app.example"),
                ("Access-Control-Request-Method", b"GET"),
            ],
        );
        push("POST", path, path, &[("Content-Length", b"0")]);
        push("GET", &format!("{path}?q=1"), path, &[]);
    }
    push("GET", "/not-served", "/not-served", &[]);
    planned
}

/// What a load run saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Requests answered.
    pub requests: usize,
    /// How many answers had each status.
    pub statuses: BTreeMap<u16, usize>,
}

/// Many keep-alive connections to one server, each driven by a thread of its own during a run.
///
/// Every answer is checked against the core: status, body length, `ETag`; a `5xx`, a closed
/// connection or a malformed answer fails the run.
#[derive(Debug)]
pub struct Load {
    connections: Vec<Connection>,
}

impl Load {
    /// Opens `connections` connections to `addr`.
    ///
    /// # Panics
    ///
    /// When a connection cannot be made.
    #[must_use]
    pub fn connect(addr: SocketAddr, connections: usize) -> Self {
        Self {
            connections: (0..connections).map(|_| Connection::open(addr)).collect(),
        }
    }

    /// Sends `requests` requests of the contract's mix for `endpoint`, spread evenly over the
    /// connections (one thread per connection, one request at a time on each), and checks
    /// every answer.
    ///
    /// # Panics
    ///
    /// On the first wrong answer, naming the connection and the request.
    #[must_use]
    pub fn run(&mut self, endpoint: &Endpoint, requests: usize) -> LoadReport {
        self.run_with(endpoint, requests, &|| {})
    }

    /// [`run`](Self::run), calling `each` after every request (a test's probe).
    fn run_with(
        &mut self,
        endpoint: &Endpoint,
        requests: usize,
        each: &(dyn Fn() + Sync),
    ) -> LoadReport {
        let planned = plan(endpoint);
        let count = self.connections.len();
        let reports: Vec<LoadReport> = std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .connections
                .iter_mut()
                .enumerate()
                .map(|(index, connection)| {
                    let planned = &planned;
                    scope.spawn(move || {
                        let mut report = LoadReport::default();
                        let mut n = index;
                        while n < requests {
                            let request = &planned[n % planned.len()];
                            let context = format!("connection {index}, request {n}");
                            connection
                                .send(&request.raw)
                                .unwrap_or_else(|e| panic!("{context}: send: {e}"));
                            let response = connection
                                .read_response(request.head)
                                .unwrap_or_else(|e| panic!("{context}: {e}"));
                            assert!(
                                !response.status.is_server_error(),
                                "{context}: {response:?}"
                            );
                            assert_eq!(response.status, request.status, "{context}");
                            assert_eq!(response.body.len(), request.body_len, "{context}");
                            if let Some(etag) = &request.etag {
                                assert_eq!(response.headers.get(ETAG), Some(etag), "{context}");
                            }
                            *report.statuses.entry(response.status.as_u16()).or_default() += 1;
                            report.requests += 1;
                            each();
                            n += count;
                        }
                        // Every connection ends on the same request, so that each is in the
                        // same state (its buffers, the server's) whenever a run ends.
                        let last = &planned[0];
                        connection
                            .send(&last.raw)
                            .unwrap_or_else(|e| panic!("connection {index}, last request: {e}"));
                        let response = connection
                            .read_response(last.head)
                            .unwrap_or_else(|e| panic!("connection {index}, last request: {e}"));
                        assert_eq!(
                            response.status, last.status,
                            "connection {index}, last request"
                        );
                        report
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("a load thread"))
                .collect()
        });
        let mut total = LoadReport::default();
        for report in reports {
            total.requests += report.requests;
            for (status, n) in report.statuses {
                *total.statuses.entry(status).or_default() += n;
            }
        }
        total
    }
}

/// The memory figures of [`load_without_leaks`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryReport {
    /// Keep-alive connections.
    pub connections: usize,
    /// Requests before the first measurement (buffers, pools and caches reach their size).
    pub warm_up: usize,
    /// Requests between the two measurements.
    pub requests: usize,
    /// Live bytes after the warm-up.
    pub before: usize,
    /// Live bytes after the requests.
    pub after: usize,
    /// The largest growth accepted.
    pub bound: usize,
    /// The growth measured while the client leaked [`PROBE_LEAK`] bytes per request on purpose,
    /// proving that the measurement sees a leak of that size.
    pub probe_growth: usize,
    /// The statuses of the measured requests.
    pub load: LoadReport,
}

impl MemoryReport {
    /// `after - before`, or 0 when memory shrank.
    #[must_use]
    pub fn growth(&self) -> usize {
        self.after.saturating_sub(self.before)
    }
}

/// Connections of [`load_without_leaks`].
pub const CONNECTIONS: usize = 64;
/// Measured requests of [`load_without_leaks`].
pub const REQUESTS: usize = 10_000;
/// Warm-up requests of [`load_without_leaks`]: as many as are measured. Servers settle their
/// per-connection state over the first hundred or so requests of a connection (axum's live heap,
/// for one, drops by 8 KiB per connection after about 90), and a measurement must not start
/// before that.
pub const WARM_UP: usize = 10_000;
/// The largest growth of live memory [`load_without_leaks`] accepts over [`REQUESTS`]
/// requests: 1 MiB, about 105 bytes per request. Anything a request could leak (its header
/// map, its path, a response) is larger than that.
pub const BOUND: usize = 1024 * 1024;
/// The bytes leaked per request on purpose, to prove the measurement sees such a leak.
pub const PROBE_LEAK: usize = 256;

// The probe's leak, even if only 90 % of it is seen, is above the bound: the same leak in the
// server would fail the test.
const _: () = assert!(REQUESTS * PROBE_LEAK / 10 * 9 > BOUND);

/// Live bytes once the process is quiet: `live_bytes` sampled every 20 ms until two samples
/// agree within 16 KiB (the server may still be finishing the last answers), at most 50 times.
fn settled(live_bytes: &dyn Fn() -> usize) -> usize {
    let mut last = live_bytes();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(20));
        let now = live_bytes();
        if now.abs_diff(last) < 16 * 1024 {
            return now;
        }
        last = now;
    }
    last
}

/// Serving does not make memory grow: [`CONNECTIONS`] keep-alive connections to the server at
/// `addr`, [`WARM_UP`] requests, a measurement of the live heap, [`REQUESTS`] more requests,
/// another measurement; the growth must stay below [`BOUND`]. Then [`REQUESTS`] requests during
/// which the client itself leaks [`PROBE_LEAK`] bytes after each: the measured growth must show
/// that leak (and exceed the bound), or the measurement is not measuring.
///
/// `live_bytes` reports the bytes currently allocated in the whole process (server and client
/// threads), typically from a counting global allocator in the test binary. Run it in a test
/// binary of its own, so that no other test allocates at the same time.
///
/// # Panics
///
/// When an answer is wrong (see [`Load::run`]), memory grows past the bound, the probe's leak
/// goes unseen, or anything panics while serving.
#[must_use]
pub fn load_without_leaks(
    addr: SocketAddr,
    endpoint: &Endpoint,
    live_bytes: &dyn Fn() -> usize,
) -> MemoryReport {
    let panics = count_panics();
    let mut load = Load::connect(addr, CONNECTIONS);
    let warm = load.run(endpoint, WARM_UP);
    assert_eq!(warm.requests, WARM_UP);
    let before = settled(live_bytes);
    let measured = load.run(endpoint, REQUESTS);
    assert_eq!(measured.requests, REQUESTS);
    let after = settled(live_bytes);
    let report_without_probe = MemoryReport {
        connections: CONNECTIONS,
        warm_up: WARM_UP,
        requests: REQUESTS,
        before,
        after,
        bound: BOUND,
        probe_growth: 0,
        load: measured,
    };
    assert!(
        report_without_probe.growth() < BOUND,
        "live memory grew by {} bytes over {REQUESTS} requests ({} per request): {report_without_probe:?}",
        report_without_probe.growth(),
        report_without_probe.growth() / REQUESTS,
    );
    // The probe: the same load, leaking on purpose.
    let probe = load.run_with(endpoint, REQUESTS, &|| {
        std::mem::forget(vec![0_u8; PROBE_LEAK]);
    });
    assert_eq!(probe.requests, REQUESTS);
    let probe_growth = settled(live_bytes).saturating_sub(after);
    assert!(
        probe_growth >= REQUESTS * PROBE_LEAK / 10 * 9,
        "the measurement did not see a leak of {PROBE_LEAK} bytes per request: it grew by \
         {probe_growth} bytes; is `live_bytes` the process's live heap?"
    );
    assert_no_new_panics(panics, "the load");
    MemoryReport {
        probe_growth,
        ..report_without_probe
    }
}
