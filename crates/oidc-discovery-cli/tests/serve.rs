//! `oidc-discovery serve` end to end: for each framework, start the real binary on a free
//! loopback port, talk to it over TCP with a minimal HTTP/1.1 client, stop it with Ctrl-C.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

mod common;

use common::BIN;

/// `serve ARGS…`, running (see `common::Serve`), stopped by a signal in the tests.
struct Server(common::Serve);

impl Server {
    fn start(args: &[&str]) -> Self {
        Self(common::Serve::running(args, None))
    }

    /// Sends SIGINT (what Ctrl-C sends) and returns the exit status.
    fn interrupt(self) -> i32 {
        self.signal("INT")
    }

    /// Sends `signal` (`INT`, `TERM`) and returns the exit status.
    fn signal(self, signal: &'static str) -> i32 {
        self.0
            .signal(signal)
            .unwrap_or_else(|| panic!("serve did not stop after SIG{signal}"))
            .code()
            .expect("exited, not killed")
    }
}

impl std::ops::Deref for Server {
    type Target = common::Serve;

    fn deref(&self) -> &common::Serve {
        &self.0
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    }
}

/// A minimal HTTP/1.1 client: one request, `Connection: close`, read to the end.
fn request(url: &str, method: &str, headers: &[(&str, &str)]) -> Response {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(authority).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut text =
        format!("{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads the response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').expect("name: value");
            (name.to_owned(), value.trim().to_owned())
        })
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

#[test]
fn every_framework_serves_the_example_by_the_contract_and_stops_on_ctrl_c() {
    for framework in ["axum", "actix-web", "warp"] {
        let server = Server::start(&["--framework", framework, "--listen", "127.0.0.1:0"]);
        assert_eq!(server.urls.len(), 3, "{framework}: {:?}", server.urls);
        // The metadata locations in the order clients try them, then the JWK Set.
        let metadata = &server.urls[1];
        assert!(
            metadata.ends_with("/.well-known/openid-configuration"),
            "{metadata}"
        );
        let issuer = metadata.trim_end_matches("/.well-known/openid-configuration");

        let get = request(metadata, "GET", &[]);
        assert_eq!(get.status, 200, "{framework}");
        assert_eq!(
            get.header("content-type"),
            Some("application/json"),
            "{framework}"
        );
        assert_eq!(
            get.header("cache-control"),
            Some("public, max-age=3600"),
            "{framework}"
        );
        assert_eq!(
            get.header("access-control-allow-origin"),
            Some("*"),
            "{framework}"
        );
        let document: serde_json::Value = serde_json::from_slice(&get.body).expect("JSON body");
        assert_eq!(
            document["issuer"], issuer,
            "{framework}: issuer is http://<listen address>"
        );
        let etag = get.header("etag").expect("an ETag").to_owned();
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "{framework}: {etag}"
        );

        // The RFC 8414 location serves the same bytes.
        let inserted = request(&server.urls[0], "GET", &[]);
        assert!(server.urls[0].ends_with("/.well-known/oauth-authorization-server"));
        assert_eq!(inserted.body, get.body, "{framework}");

        let head = request(metadata, "HEAD", &[]);
        assert_eq!(head.status, 200, "{framework}");
        assert!(head.body.is_empty(), "{framework}: HEAD has no body");
        assert_eq!(head.count("content-length"), 1, "{framework}");
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str()),
            "{framework}"
        );

        for value in [
            etag.clone(),
            format!("W/{etag}"),
            format!("\"x\", {etag}"),
            "*".to_owned(),
        ] {
            let revalidated = request(metadata, "GET", &[("If-None-Match", &value)]);
            assert_eq!(revalidated.status, 304, "{framework}: {value}");
            assert!(revalidated.body.is_empty(), "{framework}");
            assert_eq!(
                revalidated.header("etag"),
                Some(etag.as_str()),
                "{framework}"
            );
        }
        assert_eq!(
            request(metadata, "GET", &[("If-None-Match", "\"stale\"")]).status,
            200
        );

        let preflight = request(
            metadata,
            "OPTIONS",
            &[
                ("Origin", "https://app.example"),
                ("Access-Control-Request-Method", "GET"),
            ],
        );
        assert_eq!(preflight.status, 204, "{framework}");
        assert_eq!(
            preflight.header("access-control-allow-methods"),
            Some("GET, HEAD"),
            "{framework}"
        );

        let post = request(metadata, "POST", &[("Content-Length", "0")]);
        assert_eq!(post.status, 405, "{framework}");
        assert_eq!(
            post.header("allow"),
            Some("GET, HEAD, OPTIONS"),
            "{framework}"
        );

        let jwks = request(&server.urls[2], "GET", &[]);
        assert_eq!(
            jwks.header("content-type"),
            Some("application/jwk-set+json"),
            "{framework}"
        );
        assert_eq!(
            request(&format!("{issuer}/nothing-here"), "GET", &[]).status,
            404,
            "{framework}"
        );

        assert_eq!(server.interrupt(), 0, "{framework}: a clean stop on Ctrl-C");
    }
}

fn write_temp(name: &str, contents: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "oidc-discovery-serve-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_document_with_a_path_is_served_at_all_its_locations() {
    let path = write_temp(
        "tenant.json",
        r#"{"issuer": "https://as.example.com/tenants/a", "authorization_endpoint": "https://as.example.com/tenants/a/authorize",
            "token_endpoint": "https://as.example.com/tenants/a/token", "response_types_supported": ["code"]}"#,
    );
    let server = Server::start(&[
        "--framework",
        "warp",
        "--listen",
        "127.0.0.1:0",
        "--metadata",
        path.to_str().unwrap(),
    ]);
    let paths: Vec<&str> = server
        .urls
        .iter()
        .map(|u| &u[u.find("/.").unwrap_or(0)..])
        .collect();
    assert_eq!(server.urls.len(), 3);
    assert!(
        server.urls[0].ends_with("/.well-known/oauth-authorization-server/tenants/a"),
        "{paths:?}"
    );
    assert!(server.urls[1].ends_with("/.well-known/openid-configuration/tenants/a"));
    assert!(server.urls[2].ends_with("/tenants/a/.well-known/openid-configuration"));
    for url in &server.urls {
        let response = request(url, "GET", &[]);
        assert_eq!(response.status, 200, "{url}");
        let document: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
        assert_eq!(document["issuer"], "https://as.example.com/tenants/a");
    }
    assert_eq!(server.interrupt(), 0);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn an_invalid_document_is_refused_with_its_report() {
    let path = write_temp(
        "invalid.json",
        r#"{"issuer": "http://as.example.com", "response_types_supported": ["code"], "scopes_supported": ["openid"]}"#,
    );
    let output = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--metadata",
            path.to_str().unwrap(),
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("issuer-https"), "{stderr}");
    assert!(stderr.contains("jwks-uri-missing"), "{stderr}");
    assert!(stderr.contains("refusing to serve"), "{stderr}");
    assert!(output.stdout.is_empty());
    std::fs::remove_file(path).unwrap();
}

#[test]
fn tool_failures_exit_2() {
    let missing = Command::new(BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--metadata",
            "/nonexistent/metadata.json",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));

    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = busy.local_addr().unwrap().to_string();
    let in_use = Command::new(BIN)
        .args(["serve", "--listen", &address])
        .output()
        .unwrap();
    assert_eq!(
        in_use.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&in_use.stderr)
    );

    let bad = Command::new(BIN)
        .args(["serve", "--framework", "rocket"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// `serve ARGS` run to its end: exit status and standard error.
fn refused(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(BIN)
        .arg("serve")
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn connection_flags_reject_what_they_cannot_read_with_a_clear_message() {
    for (args, message) in [
        (
            &["--head-timeout", "10"][..],
            "`10` is not a duration: write seconds or milliseconds, such as 10s, 1.5s or 500ms",
        ),
        (&["--idle-timeout", "1m"], "`1m` is not a duration"),
        (&["--idle-timeout=-1s"], "`-1s` is not a duration"),
        (&["--idle-timeout", ".5s"], "`.5s` is not a duration"),
        (
            &["--shutdown-timeout", "1.5ms"],
            "milliseconds are whole numbers",
        ),
        (
            &["--head-timeout", "0s"],
            "would close every connection at once",
        ),
        (
            &["--head-timeout", "1.2345s"],
            "more precise than a millisecond",
        ),
        (
            &["--idle-timeout", "100000s"],
            "durations are at most a day",
        ),
        (
            &["--idle-timeout", "99999999999999999999s"],
            "durations are at most a day",
        ),
        (
            &["--max-connections", "0"],
            "`0` connections would serve no one",
        ),
        (&["--max-connections", "-3"], "unexpected argument"),
        (
            &["--max-connections", "many"],
            "`many` is not a number of connections",
        ),
        (&["--max-buffer", "64kb"], "`64kb` is not a size"),
        (
            &["--max-buffer", "1KiB"],
            "`1KiB` is too small: a connection needs at least 8KiB",
        ),
        (&["--max-buffer", "2048MiB"], "`2048MiB` is too large"),
    ] {
        let (status, stderr) = refused(args);
        assert_eq!(status, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_states_the_connection_defaults() {
    let output = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .expect("the binary runs");
    let help = String::from_utf8_lossy(&output.stdout);
    for default in [
        "[default: 10s]",
        "[default: 15s]",
        "[default: 1024]",
        "[default: 64KiB]",
    ] {
        assert!(help.contains(default), "{default} in {help}");
    }
    assert!(help.contains("--shutdown-timeout <DURATION>"), "{help}");
}

#[test]
fn the_connection_flags_reach_every_hyper_framework_and_sigterm_stops_it() {
    for framework in ["axum", "warp"] {
        let server = Server::start(&[
            "--framework",
            framework,
            "--listen",
            "127.0.0.1:0",
            "--head-timeout",
            "500ms",
            "--idle-timeout",
            "1.5s",
            "--shutdown-timeout",
            "2s",
            "--max-connections",
            "7",
            "--max-buffer",
            "16384",
        ]);
        assert_eq!(
            server.limits, "head 500ms, idle 1.5s, 7 connections, 16KiB buffer, shutdown 2s",
            "{framework}"
        );
        let address = server.urls[0]
            .strip_prefix("http://")
            .and_then(|rest| rest.split('/').next())
            .expect("a URL with an address")
            .to_owned();
        // An idle connection is closed at the idle deadline (1.5 s), well within 5 s.
        let mut idle = TcpStream::connect(&address).expect("connect");
        idle.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let opened = std::time::Instant::now();
        let mut buf = [0; 16];
        let read = idle.read(&mut buf);
        assert!(
            matches!(read, Ok(0))
                || matches!(&read, Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset),
            "{framework}: an idle connection is closed, not {read:?}"
        );
        let closed = opened.elapsed();
        assert!(
            closed >= Duration::from_millis(1400) && closed < Duration::from_secs(4),
            "{framework}: closed after {closed:?}"
        );
        // A half-sent request does not hold SIGTERM.
        let mut half = TcpStream::connect(&address).expect("connect");
        half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .expect("half a request");
        assert_eq!(server.signal("TERM"), 0, "{framework}");
    }
}

/// A protected resource's metadata (RFC 9728) for `resource`.
fn resource_document(resource: &str) -> String {
    format!(
        r#"{{"resource": "{resource}", "authorization_servers": ["https://as.example.com/tenant"],
            "scopes_supported": ["mcp:tools"], "bearer_methods_supported": ["header"]}}"#
    )
}

#[test]
fn protected_resources_are_served_with_a_provider_by_the_contract_on_every_framework() {
    let provider = write_temp(
        "prm-provider.json",
        r#"{"issuer": "https://as.example.com/tenant", "authorization_endpoint": "https://as.example.com/tenant/authorize",
            "token_endpoint": "https://as.example.com/tenant/token", "response_types_supported": ["code"]}"#,
    );
    let with_path = write_temp(
        "prm-mcp.json",
        &resource_document("https://mcp.example.com/mcp"),
    );
    let without_path = write_temp(
        "prm-root.json",
        &resource_document("https://mcp.example.com"),
    );
    for framework in ["axum", "actix-web", "warp"] {
        let server = Server::start(&[
            "--framework",
            framework,
            "--listen",
            "127.0.0.1:0",
            "--metadata",
            provider.to_str().unwrap(),
            "--resource-metadata",
            with_path.to_str().unwrap(),
            "--resource-metadata",
            without_path.to_str().unwrap(),
        ]);
        assert!(
            server.stdout.contains("(resource profile)"),
            "{framework}: {}",
            server.stdout
        );
        // Every route is listed: the provider's three, then each resource's.
        assert_eq!(server.urls.len(), 5, "{framework}: {:?}", server.urls);
        assert!(server.urls[0].ends_with("/.well-known/oauth-authorization-server/tenant"));
        for (url, resource) in [
            (&server.urls[3], "https://mcp.example.com/mcp"),
            (&server.urls[4], "https://mcp.example.com"),
        ] {
            let suffix = resource.trim_start_matches("https://mcp.example.com");
            assert!(
                url.ends_with(&format!("/.well-known/oauth-protected-resource{suffix}")),
                "{framework}: {url}"
            );
            let get = request(url, "GET", &[]);
            assert_eq!(get.status, 200, "{framework} {url}");
            assert_eq!(get.header("content-type"), Some("application/json"));
            assert_eq!(get.header("access-control-allow-origin"), Some("*"));
            assert_eq!(get.header("x-content-type-options"), Some("nosniff"));
            let document: serde_json::Value = serde_json::from_slice(&get.body).unwrap();
            assert_eq!(document["resource"], resource, "{framework} {url}");
            let etag = get.header("etag").expect("an ETag").to_owned();
            let head = request(url, "HEAD", &[]);
            assert_eq!(head.status, 200, "{framework} {url}");
            assert!(head.body.is_empty());
            assert_eq!(
                head.header("content-length"),
                Some(get.body.len().to_string().as_str()),
                "{framework} {url}"
            );
            let revalidated = request(url, "GET", &[("If-None-Match", &etag)]);
            assert_eq!(revalidated.status, 304, "{framework} {url}");
            assert_eq!(revalidated.header("etag"), Some(etag.as_str()));
            let post = request(url, "POST", &[("Content-Length", "0")]);
            assert_eq!(post.status, 405, "{framework} {url}");
            assert_eq!(post.header("allow"), Some("GET, HEAD, OPTIONS"));
        }
        let provider_document = request(&server.urls[0], "GET", &[]);
        let document: serde_json::Value = serde_json::from_slice(&provider_document.body).unwrap();
        assert_eq!(document["issuer"], "https://as.example.com/tenant");
        assert_eq!(server.interrupt(), 0, "{framework}");
    }
    for path in [provider, with_path, without_path] {
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn resource_metadata_alone_serves_only_the_resources_and_http_on_loopback_is_a_warning() {
    let local = write_temp("prm-local.json", &resource_document("http://127.0.0.1/mcp"));
    let server = Server::start(&[
        "--listen",
        "127.0.0.1:0",
        "--resource-metadata",
        local.to_str().unwrap(),
    ]);
    // No embedded example: the one route is the resource's.
    assert_eq!(server.urls.len(), 1, "{:?}", server.urls);
    assert!(server.urls[0].ends_with("/.well-known/oauth-protected-resource/mcp"));
    assert!(
        !server.stdout.contains("embedded example"),
        "{}",
        server.stdout
    );
    let get = request(&server.urls[0], "GET", &[]);
    let document: serde_json::Value = serde_json::from_slice(&get.body).unwrap();
    assert_eq!(document["resource"], "http://127.0.0.1/mcp");
    assert_eq!(server.interrupt(), 0);
    std::fs::remove_file(local).unwrap();
}

#[test]
fn a_resource_identifier_with_a_query_is_served_at_its_path() {
    let queried = write_temp(
        "prm-query.json",
        &resource_document("https://api.example.com/v1?tenant=7"),
    );
    let server = Server::start(&[
        "--framework",
        "actix-web",
        "--listen",
        "127.0.0.1:0",
        "--resource-metadata",
        queried.to_str().unwrap(),
    ]);
    assert_eq!(server.urls.len(), 1, "{:?}", server.urls);
    let url = &server.urls[0];
    assert!(
        url.ends_with("/.well-known/oauth-protected-resource/v1"),
        "{url}"
    );
    // RFC 9728 §3.1 keeps the query in the metadata URL; the path is what is routed.
    let get = request(&format!("{url}?tenant=7"), "GET", &[]);
    assert_eq!(get.status, 200);
    let document: serde_json::Value = serde_json::from_slice(&get.body).unwrap();
    assert_eq!(document["resource"], "https://api.example.com/v1?tenant=7");
    assert_eq!(server.interrupt(), 0);
    std::fs::remove_file(queried).unwrap();
}

#[test]
fn a_protected_resource_with_errors_is_refused_with_the_report_check_prints() {
    let invalid = write_temp(
        "prm-invalid.json",
        r#"{"resource": "http://mcp.example.com/mcp#tools", "authorization_servers": ["not a url"]}"#,
    );
    let valid = write_temp(
        "prm-valid.json",
        &resource_document("https://mcp.example.com/mcp"),
    );
    for framework in ["axum", "actix-web", "warp"] {
        let output = Command::new(BIN)
            .args(["serve", "--framework", framework, "--listen", "127.0.0.1:0"])
            .args(["--resource-metadata", valid.to_str().unwrap()])
            .args(["--resource-metadata", invalid.to_str().unwrap()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{framework}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!(
                "refusing to serve {}: it has errors under the resource profile",
                invalid.display()
            )),
            "{framework}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{framework}: nothing served");
        // The report is check's, line for line.
        let check = Command::new(BIN)
            .args(["check", "--profile", "resource", invalid.to_str().unwrap()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(check.status.code(), Some(1));
        let report = String::from_utf8_lossy(&check.stdout);
        let problems: Vec<&str> = report
            .lines()
            .filter(|line| line.contains("/resource"))
            .collect();
        assert!(!problems.is_empty(), "{report}");
        for line in problems {
            assert!(stderr.contains(line), "{framework}: `{line}` in {stderr}");
        }
    }
    let collide = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(["--resource-metadata", valid.to_str().unwrap()])
        .args(["--resource-metadata", valid.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&collide.stderr);
    assert_eq!(collide.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("would be served at /.well-known/oauth-protected-resource/mcp"),
        "{stderr}"
    );
    for path in [invalid, valid] {
        std::fs::remove_file(path).unwrap();
    }
}
