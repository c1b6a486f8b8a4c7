//! `check` with URL sources: the binary, run as a process, against small HTTP servers on
//! loopback (http is allowed there).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::Value;

mod common;

use common::{document, errors, resource_document, response};

/// A server on `127.0.0.1`, answering every request with `respond(path, port)` and recording
/// the paths requested.
struct Server {
    port: u16,
    paths: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(respond: impl Fn(&str, u16) -> Vec<u8> + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let paths = Arc::new(Mutex::new(Vec::new()));
        let respond = Arc::new(respond);
        let seen = Arc::clone(&paths);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (respond, seen) = (Arc::clone(&respond), Arc::clone(&seen));
                thread::spawn(move || {
                    if let Some(path) = request_path(&stream) {
                        seen.lock().unwrap().push(path.clone());
                        let mut stream = stream;
                        let _ = stream.write_all(&respond(&path, port));
                        let _ = stream.flush();
                    }
                });
            }
        });
        Self { port, paths }
    }

    /// `http://127.0.0.1:PORT`.
    fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn paths(&self) -> Vec<String> {
        self.paths.lock().unwrap().clone()
    }
}

/// The path of the request line; the headers are read up to the empty line.
fn request_path(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_owned();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    Some(path)
}

fn json(body: &str) -> Vec<u8> {
    response("200 OK", &[("Content-Type", "application/json")], body)
}

fn not_found() -> Vec<u8> {
    response(
        "404 Not Found",
        &[("Content-Type", "text/plain")],
        "not found",
    )
}

/// Serves the document of issuer `http://127.0.0.1:PORT` + `suffix` at `path` only.
fn serve_document(path: &'static str, suffix: &'static str) -> Server {
    Server::start(move |requested, port| {
        if requested == path {
            json(&document(&format!("http://127.0.0.1:{port}{suffix}"), &[]))
        } else {
            not_found()
        }
    })
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oidc-discovery"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs `check --format json ARGS…` and returns the status and the one JSON object.
fn check_json(args: &[&str]) -> (i32, Value) {
    let output = run(&[&["check", "--format", "json"], args].concat());
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "{out}\n{}", stderr(&output));
    (code(&output), serde_json::from_str(&out).unwrap())
}

fn rules(report: &Value) -> Vec<&str> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|problem| problem["rule"].as_str().unwrap())
        .collect()
}

/// The report of a failed retrieval under `oidc`: exactly the contract's members, one error
/// about the whole document.
fn assert_retrieval_failure(report: &Value, source: &str, rule: &str) {
    assert_retrieval_failure_under(report, "oidc", source, rule);
}

/// The report of a failed retrieval under `profile`.
fn assert_retrieval_failure_under(report: &Value, profile: &str, source: &str, rule: &str) {
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 4, "{report}");
    assert_eq!(report["valid"], false, "{report}");
    assert_eq!(report["profile"], profile, "{report}");
    assert_eq!(report["source"], source, "{report}");
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{report}");
    let problem = &problems[0];
    assert_eq!(problem.as_object().unwrap().len(), 5, "{report}");
    assert_eq!(problem["rule"], rule, "{report}");
    assert_eq!(problem["severity"], "error", "{report}");
    assert_eq!(problem["pointer"], "", "{report}");
    assert!(!problem["message"].as_str().unwrap().is_empty(), "{report}");
    assert!(!problem["spec"].as_str().unwrap().is_empty(), "{report}");
}

#[test]
fn an_issuer_source_builds_the_openid_configuration_url() {
    let server = serve_document("/.well-known/openid-configuration", "");
    let issuer = server.issuer();
    let output = run(&["check", &issuer]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).ends_with(&format!(" — {issuer}\n")),
        "{}",
        stdout(&output)
    );
    assert_eq!(server.paths(), ["/.well-known/openid-configuration"]);
}

#[test]
fn a_metadata_url_is_fetched_as_given() {
    let server = serve_document("/.well-known/openid-configuration", "");
    let url = format!("{}/.well-known/openid-configuration", server.issuer());
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 0, "{report}");
    assert_eq!(report["valid"], true);
    assert_eq!(report["source"], url.as_str());
    assert!(!rules(&report).contains(&"issuer-mismatch"), "{report}");
    assert_eq!(server.paths(), ["/.well-known/openid-configuration"]);
}

#[test]
fn the_oauth_profile_requests_the_rfc_8414_url() {
    let server = serve_document("/.well-known/oauth-authorization-server", "");
    let output = run(&["check", "--profile", "oauth", &server.issuer()]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert_eq!(server.paths(), ["/.well-known/oauth-authorization-server"]);
}

#[test]
fn a_status_other_than_200_breaks_retrieval_status() {
    let server = Server::start(|_, _| not_found());
    let url = server.issuer();
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 1);
    assert_retrieval_failure(&report, &url, "retrieval-status");

    // The text report looks like any other.
    let output = run(&["check", &url]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.starts_with("errors\n  (document)  "), "{text}");
    assert!(text.contains("404"), "{text}");
    assert!(text.contains("[retrieval-status · "), "{text}");
    assert!(
        text.ends_with(&format!("✗ oidc: 1 error — {url}\n")),
        "{text}"
    );
}

#[test]
fn html_breaks_retrieval_content_type() {
    let server =
        Server::start(|_, _| response("200 OK", &[("Content-Type", "text/html")], "<html></html>"));
    let url = server.issuer();
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 1);
    assert_retrieval_failure(&report, &url, "retrieval-content-type");
}

#[test]
fn a_redirect_is_not_followed() {
    let server = Server::start(|path, port| {
        if path == "/.well-known/openid-configuration" {
            let location = format!("http://127.0.0.1:{port}/elsewhere");
            response("302 Found", &[("Location", &location)], "")
        } else {
            json(&document(&format!("http://127.0.0.1:{port}"), &[]))
        }
    });
    let url = server.issuer();
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 1);
    assert_retrieval_failure(&report, &url, "retrieval-redirect");
    assert_eq!(server.paths(), ["/.well-known/openid-configuration"]);
}

#[test]
fn another_issuer_is_a_mismatch() {
    let server = Server::start(|_, _| json(&document("https://id.example.com", &[])));
    let (status, report) = check_json(&[&server.issuer()]);
    assert_eq!(status, 1);
    assert_eq!(report["valid"], false);
    assert!(rules(&report).contains(&"issuer-mismatch"), "{report}");
}

#[test]
fn a_trailing_slash_is_relaxed_for_a_metadata_url_with_a_note() {
    let server = serve_document("/.well-known/openid-configuration", "/");
    let url = format!("{}/.well-known/openid-configuration", server.issuer());
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 0, "{report}");
    let relaxed = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|problem| problem["rule"] == "issuer-match-relaxed")
        .unwrap_or_else(|| panic!("no issuer-match-relaxed: {report}"));
    assert_eq!(relaxed["severity"], "info");

    // An issuer source is exact: `http://127.0.0.1:PORT` is not `http://127.0.0.1:PORT/`.
    let (status, report) = check_json(&[&server.issuer()]);
    assert_eq!(status, 1);
    assert!(rules(&report).contains(&"issuer-mismatch"), "{report}");
}

#[test]
fn an_explicit_issuer_overrides_the_derived_one() {
    let server = Server::start(|_, _| json(&document("https://id.example.com", &[])));
    let url = format!("{}/.well-known/openid-configuration", server.issuer());
    let (status, report) = check_json(&["--issuer", "https://id.example.com", &url]);
    assert_eq!(status, 0, "{report}");
    assert!(!rules(&report).contains(&"issuer-mismatch"), "{report}");

    // And it is exact: no trailing-slash relaxation, even for a metadata URL.
    let server = serve_document("/.well-known/openid-configuration", "/");
    let url = format!("{}/.well-known/openid-configuration", server.issuer());
    let (status, report) = check_json(&["--issuer", &server.issuer(), &url]);
    assert_eq!(status, 1);
    assert!(rules(&report).contains(&"issuer-mismatch"), "{report}");
}

#[test]
fn a_body_that_is_not_json_breaks_json_syntax() {
    let server = Server::start(|_, _| json("{\"issuer\": "));
    let url = server.issuer();
    let (status, report) = check_json(&[&url]);
    assert_eq!(status, 1);
    assert_eq!(rules(&report), ["json-syntax"], "{report}");
    assert_eq!(report["source"], url.as_str());

    // The text report shows the line, as for a file.
    let output = run(&["check", &url]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("    1 | {\"issuer\": \n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn no_connection_exits_2_with_a_message() {
    // A port that was free a moment ago.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    for format in ["text", "json"] {
        let output = run(&["check", "--format", format, &url]);
        assert_eq!(code(&output), 2);
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        let message = stderr(&output);
        assert!(
            message.contains(&format!("cannot check {url}: ")),
            "{message}"
        );
        assert!(message.contains("cannot connect"), "{message}");
    }
}

#[test]
fn http_off_loopback_breaks_retrieval_insecure_without_connecting() {
    for url in [
        "http://example.invalid/.well-known/openid-configuration",
        "http://example.invalid",
    ] {
        let (status, report) = check_json(&[url]);
        assert_eq!(status, 1);
        assert_retrieval_failure(&report, url, "retrieval-insecure");
    }
}

#[test]
fn several_url_sources_exit_with_the_worst_status() {
    let server = serve_document("/.well-known/openid-configuration", "");
    let unused = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = format!("http://127.0.0.1:{unused}");
    let output = run(&["check", &server.issuer(), "http://example.invalid", &dead]);
    // A source that cannot be read wins; the others are still checked.
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).ends_with("\n3 sources: 1 valid, 1 invalid, 1 unreadable\n"),
        "{}",
        stdout(&output)
    );
}

/// What a Rust value printed with `{:?}` would leave in a message.
fn assert_english(text: &str) {
    for debug in ["Some(", "None", "\\\"", "\\\\"] {
        assert!(!text.contains(debug), "{debug} in {text}");
    }
}

/// Retrieval failures are told in English in both formats: the header values themselves, or
/// their absence in words, never Rust's `Some("…")` and `None`.
#[test]
fn retrieval_messages_read_as_english_in_text_and_json() {
    let server = Server::start(|path, port| match path {
        "/plain/.well-known/openid-configuration" => {
            response("200 OK", &[("Content-Type", "text/plain")], "{}")
        }
        "/bare/.well-known/openid-configuration" => response("200 OK", &[], "{}"),
        "/moved/.well-known/openid-configuration" => {
            let location = format!("https://127.0.0.1:{port}/elsewhere");
            response("301 Moved Permanently", &[("Location", &location)], "")
        }
        "/lost/.well-known/openid-configuration" => response("302 Found", &[], ""),
        _ => not_found(),
    });
    let origin = server.issuer();
    let port = server.port;
    for (path, expected) in [
        (
            "plain",
            "answered with Content-Type text/plain; it must be application/json".to_owned(),
        ),
        (
            "bare",
            "answered without a Content-Type; it must be application/json".to_owned(),
        ),
        (
            "moved",
            format!(
                "redirects (301) to https://127.0.0.1:{port}/elsewhere; redirects are not followed"
            ),
        ),
        (
            "lost",
            "redirects (302) without a Location header; redirects are not followed".to_owned(),
        ),
    ] {
        let url = format!("{origin}/{path}");
        let (status, report) = check_json(&[&url]);
        assert_eq!(status, 1, "{report}");
        let message = report["problems"][0]["message"].as_str().unwrap();
        assert!(message.ends_with(&expected), "{message}");
        assert_english(message);
        let text = run(&["check", &url]);
        assert_eq!(code(&text), 1);
        let text = stdout(&text);
        assert!(text.contains(&expected), "{text}");
        assert_english(&text);
    }
}

// ── protected-resource metadata (RFC 9728) ─────────────────────────────────────────────────

const PRM: &str = "/.well-known/oauth-protected-resource";

/// Serves the protected-resource metadata stating `http://127.0.0.1:PORT` + `stated` at `path`
/// only.
fn serve_resource(path: &'static str, stated: &'static str) -> Server {
    Server::start(move |requested, port| {
        if requested == path {
            json(&resource_document(
                &format!("http://127.0.0.1:{port}{stated}"),
                &[],
            ))
        } else {
            not_found()
        }
    })
}

/// Runs `check --profile resource --format json URL` and returns the status and the one JSON
/// object.
fn check_resource(url: &str) -> (i32, Value) {
    check_json(&["--profile", "resource", url])
}

/// Any URL without `/.well-known/` is the resource identifier: its URL is built (RFC 9728
/// §3.1, inserted before the path) and `resource` must be identical to it.
#[test]
fn a_resource_identifier_builds_the_protected_resource_url() {
    for (path, suffix) in [
        ("/.well-known/oauth-protected-resource/mcp", "/mcp"),
        (PRM, ""),
    ] {
        let server = serve_resource(path, suffix);
        let url = format!("{}{suffix}", server.issuer());
        let (status, report) = check_resource(&url);
        assert_eq!(status, 0, "{report}");
        assert_eq!(report["valid"], true, "{report}");
        assert_eq!(report["profile"], "resource", "{report}");
        assert_eq!(report["source"], url.as_str(), "{report}");
        assert_eq!(server.paths(), [path]);
    }
}

/// A URL with `/.well-known/` is fetched as given; the expected resource is the identifier it
/// implies.
#[test]
fn a_protected_resource_metadata_url_is_fetched_as_given() {
    let server = serve_resource("/.well-known/oauth-protected-resource/mcp", "/mcp");
    let url = format!("{}{PRM}/mcp", server.issuer());
    let (status, report) = check_resource(&url);
    assert_eq!(status, 0, "{report}");
    assert_eq!(report["source"], url.as_str(), "{report}");
    assert_eq!(
        server.paths(),
        ["/.well-known/oauth-protected-resource/mcp"]
    );

    // The text report names the profile and the source as typed.
    let output = run(&["check", "--profile", "resource", &url]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).contains("resource: "),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).ends_with(&format!(" — {url}\n")),
        "{}",
        stdout(&output)
    );
}

/// A `resource` that is not identical to the expected one (a trailing slash, letter case, or
/// another identifier) is an error: exit 1 with the rule in the JSON report.
#[test]
fn a_resource_that_is_not_identical_exits_1_with_resource_mismatch() {
    for (path, stated, typed) in [
        ("/.well-known/oauth-protected-resource/mcp", "/mcp/", "/mcp"),
        ("/.well-known/oauth-protected-resource/mcp", "/MCP", "/mcp"),
        (PRM, "/", ""),
        (
            "/.well-known/oauth-protected-resource/mcp",
            "/other",
            "/.well-known/oauth-protected-resource/mcp",
        ),
    ] {
        let server = serve_resource(path, stated);
        let url = format!("{}{typed}", server.issuer());
        let (status, report) = check_resource(&url);
        assert_eq!(status, 1, "{url}: {report}");
        assert_eq!(report["valid"], false, "{report}");
        assert_eq!(
            errors(&report),
            [("resource-mismatch", "/resource")],
            "{report}"
        );
        assert_eq!(server.paths(), [path]);
    }
    let server = serve_resource("/.well-known/oauth-protected-resource/mcp", "/mcp/");
    let output = run(&[
        "check",
        "--profile",
        "resource",
        &format!("{}/mcp", server.issuer()),
    ]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("[resource-mismatch · "),
        "{}",
        stdout(&output)
    );
}

/// A retrieval that breaks a rule is reported under the resource profile, as for the others;
/// a redirect is not followed.
#[test]
fn a_protected_resource_retrieval_breaks_the_retrieval_rules() {
    let server = Server::start(|path, port| match path {
        "/.well-known/oauth-protected-resource/moved" => {
            let location = format!("http://127.0.0.1:{port}/elsewhere");
            response("302 Found", &[("Location", &location)], "")
        }
        "/.well-known/oauth-protected-resource/html" => {
            response("200 OK", &[("Content-Type", "text/html")], "<html></html>")
        }
        "/elsewhere" => json(&resource_document(
            &format!("http://127.0.0.1:{port}/moved"),
            &[],
        )),
        _ => not_found(),
    });
    for (suffix, rule) in [
        ("/moved", "retrieval-redirect"),
        ("/html", "retrieval-content-type"),
        ("/absent", "retrieval-status"),
    ] {
        let url = format!("{}{suffix}", server.issuer());
        let (status, report) = check_resource(&url);
        assert_eq!(status, 1, "{report}");
        assert_retrieval_failure_under(&report, "resource", &url, rule);
    }
    assert!(
        !server.paths().contains(&"/elsewhere".to_owned()),
        "a redirect was followed"
    );
}

/// No connection, or a URL that is no resource identifier: the tool could not do its job.
#[test]
fn an_unreachable_or_unusable_resource_exits_2() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (url, reason) in [
        (format!("http://127.0.0.1:{port}/mcp"), "cannot connect"),
        ("https://rs.invalid/mcp#part".to_owned(), "fragment"),
    ] {
        for format in ["text", "json"] {
            let output = run(&["check", "--profile", "resource", "--format", format, &url]);
            assert_eq!(code(&output), 2, "{url}");
            assert!(stdout(&output).is_empty(), "{}", stdout(&output));
            let message = stderr(&output);
            assert!(
                message.contains(&format!("cannot check {url}: ")),
                "{message}"
            );
            assert!(message.contains(reason), "{message}");
        }
    }
}
