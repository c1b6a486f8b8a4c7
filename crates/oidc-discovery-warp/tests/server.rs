//! The adapter behind a real `oidc_discovery_warp::serve` on a free port, spoken to over TCP
//! with hand-written HTTP/1.1: what hyper puts on the wire (HEAD keeps the GET `Content-Length`
//! and sends no body; repeated header lines reach the core), and the whole conformance suite
//! over the wire.

mod common;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use common::Server;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use oidc_discovery_http::Request;
use oidc_discovery_http::conformance::{self, HttpIntegration, TestResponse};

/// One request on a fresh connection (`Connection: close`), the response read to the end.
fn exchange(addr: SocketAddr, method: &Method, path: &str, headers: &HeaderMap) -> TestResponse {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n").into_bytes();
    for (name, value) in headers {
        request.extend_from_slice(name.as_str().as_bytes());
        request.extend_from_slice(b": ");
        request.extend_from_slice(value.as_bytes());
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"\r\n");
    stream.write_all(&request).expect("send the request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    parse(&raw)
}

fn parse(raw: &[u8]) -> TestResponse {
    let end = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a complete response head");
    let head = std::str::from_utf8(&raw[..end]).expect("an ASCII response head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse::<u16>().ok())
        .and_then(|code| StatusCode::from_u16(code).ok())
        .unwrap_or_else(|| panic!("a status line: {status_line:?}"));
    let mut headers = HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':').expect("a header line");
        headers.append(
            HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(value.trim()).expect("a header value"),
        );
    }
    assert!(
        !headers.contains_key(http::header::TRANSFER_ENCODING),
        "unexpected Transfer-Encoding: {headers:?}"
    );
    TestResponse {
        status,
        headers,
        body: raw[end + 4..].to_vec().into(),
    }
}

#[test]
fn head_on_the_wire_keeps_the_get_content_length_and_has_no_body() {
    let endpoint = conformance::fixtures().remove(0);
    let path = endpoint.routes()[0].path.clone();
    let length = endpoint.metadata().body().len().to_string();
    let server = Server::start(endpoint.clone());

    let get = exchange(server.addr, &Method::GET, &path, &HeaderMap::new());
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(get.headers["content-length"], length.as_str());
    assert_eq!(get.body, endpoint.metadata().body());

    let head = exchange(server.addr, &Method::HEAD, &path, &HeaderMap::new());
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(
        head.headers
            .get_all("content-length")
            .iter()
            .collect::<Vec<_>>(),
        [length.as_str()]
    );
    assert_eq!(head.headers["etag"], get.headers["etag"]);
    assert_eq!(head.headers["content-type"], "application/json");
    assert!(head.body.is_empty(), "HEAD sent a body: {:?}", head.body);

    // Two `If-None-Match` lines, the second matching: both reach the core.
    let mut revalidation = HeaderMap::new();
    revalidation.append("if-none-match", HeaderValue::from_static("\"other\""));
    revalidation.append("if-none-match", get.headers["etag"].clone());
    let not_modified = exchange(server.addr, &Method::GET, &path, &revalidation);
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty());

    drop(server); // graceful shutdown; the thread is joined
}

/// The conformance suite, over TCP against `oidc_discovery_warp::serve`.
struct Wire(SocketAddr);

impl HttpIntegration for Wire {
    fn send(&self, request: &Request) -> TestResponse {
        exchange(self.0, &request.method, &request.path, &request.headers)
    }
}

#[test]
fn the_served_adapter_passes_the_conformance_suite_over_the_wire() {
    for endpoint in conformance::fixtures() {
        let server = Server::start(endpoint.clone());
        conformance::run(&Wire(server.addr), &endpoint);
    }
}
