//! A real `HttpServer` on a free port, spoken to in hand-written HTTP/1.1: what actix's codec
//! puts on the wire for `GET`, `HEAD` and `304`.

mod common;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use oidc_discovery_http::conformance;

/// Status code, headers (names lowercased, in order) and body of a raw response.
struct Wire {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Wire {
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn exchange(address: SocketAddr, request: &str) -> Wire {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .expect("read until the server closes");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of the header section");
    let head = std::str::from_utf8(&raw[..split]).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("status line");
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').expect("header line");
            (name.to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    Wire {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn request(method: &str, path: &str, extra: &str) -> String {
    format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Connection: close\r\n\r\n")
}

#[test]
fn head_get_and_304_on_the_wire() {
    let server = common::Server::start(conformance::fixtures().remove(1));
    let address = server.addr;
    let endpoint = conformance::fixtures().remove(1);
    let document = endpoint.metadata().body().clone();
    let etag = endpoint.metadata().etag().to_str().unwrap().to_owned();
    let length = document.len().to_string();

    for route in endpoint.routes() {
        let representation = endpoint.jwks().filter(|_| route.path.ends_with("/keys"));
        let (bytes, etag, length) = match representation {
            Some(jwks) => (
                jwks.body().clone(),
                jwks.etag().to_str().unwrap().to_owned(),
                jwks.body().len().to_string(),
            ),
            None => (document.clone(), etag.clone(), length.clone()),
        };
        let path = &route.path;

        let get = exchange(address, &request("GET", path, ""));
        assert_eq!(get.status, 200, "{path}");
        assert_eq!(get.all("content-length"), [length.as_str()], "{path}");
        assert!(get.all("transfer-encoding").is_empty(), "{path}");
        assert_eq!(get.body, bytes, "{path}");

        let head = exchange(address, &request("HEAD", path, ""));
        assert_eq!(head.status, 200, "{path}");
        assert_eq!(
            head.all("content-length"),
            [length.as_str()],
            "{path}: HEAD keeps the GET Content-Length"
        );
        assert!(head.all("transfer-encoding").is_empty(), "{path}");
        assert!(head.body.is_empty(), "{path}: HEAD has no body");
        // Apart from `date`, HEAD has the GET's headers, byte for byte (actix writes them in no
        // fixed order).
        let without_date = |wire: &Wire| {
            let mut headers: Vec<(String, String)> = wire
                .headers
                .iter()
                .filter(|(n, _)| n != "date")
                .cloned()
                .collect();
            headers.sort();
            headers
        };
        assert_eq!(without_date(&head), without_date(&get), "{path}");

        for method in ["GET", "HEAD"] {
            let not_modified = exchange(
                address,
                &request(method, path, &format!("If-None-Match: {etag}\r\n")),
            );
            assert_eq!(not_modified.status, 304, "{method} {path}");
            assert_eq!(not_modified.all("etag"), [etag.as_str()], "{method} {path}");
            assert!(
                not_modified.all("content-length").is_empty(),
                "{method} {path}: 304 without Content-Length"
            );
            assert!(not_modified.all("transfer-encoding").is_empty());
            assert!(
                not_modified.body.is_empty(),
                "{method} {path}: 304 has no body"
            );
        }

        let options = exchange(
            address,
            &request(
                "OPTIONS",
                path,
                "Origin: https://app.example\r\nAccess-Control-Request-Method: GET\r\n",
            ),
        );
        assert_eq!(options.status, 204, "{path}");
        assert!(options.all("content-length").is_empty(), "{path}");
        assert!(options.body.is_empty(), "{path}");

        let post = exchange(address, &request("POST", path, "Content-Length: 0\r\n"));
        assert_eq!(post.status, 405, "{path}");
        assert_eq!(post.all("allow"), ["GET, HEAD, OPTIONS"], "{path}");
        assert_eq!(post.all("content-length"), ["0"], "{path}");
        assert!(post.body.is_empty(), "{path}");
    }

    let missing = exchange(address, &request("GET", "/.well-known/other", ""));
    assert_eq!(missing.status, 404);

    drop(server); // stopped gracefully; the thread is joined
}
