//! Output cannot be forged: terminal control sequences and other hidden characters from a
//! document, a member name, a file name, a URL, a server's answer or an issuer never reach
//! standard output or standard error raw. Each case runs the binary (colour off) on one path
//! such a string takes to the terminal, and asserts that no control character other than the
//! line feed, and no bidirectional or invisible format character, is written — and that the
//! hostile text did reach the output, escaped, so that the case tests what it names.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

mod common;

use common::{BIN, document, response};

/// Erases the line, goes up one, erases it, and prints a verdict in green.
const ANSI: &str = "\u{1b}[2K\r\u{1b}[1A\u{1b}[2K\u{1b}[32m✓ oidc: valid";
/// Other C0 controls (BEL, BS, CR, TAB, VT), DEL, C1 controls (U+009B CSI, U+0085 NEL) and the
/// bidirectional controls that reorder text (U+202E RLO, U+2066 LRI, U+200F RLM, U+061C ALM).
const OTHERS: &str = "\u{7}\u{8}\r\t\u{b}\u{7f}\u{9b}31m\u{85}\u{202e}gpj.\u{2066}\u{200f}\u{61c}";

/// The whole payload: every kind at once.
fn payload() -> String {
    format!("{ANSI}{OTHERS}")
}

/// A character that must never be written raw: a control character other than the line feed
/// (C0, DEL, C1), or a bidirectional or invisible format character. Written out here rather
/// than taken from the library, so that the test does not trust what it tests.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// What one run wrote.
struct Output {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Output {
    fn both(&self) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        )
    }
}

/// Runs the binary on `args` with colour off (no terminal; `NO_COLOR` set too), standard input
/// `stdin`.
fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().unwrap();
    // The binary may exit without reading (a source that cannot be read).
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let output = child.wait_with_output().unwrap();
    Output {
        stdout: output.stdout,
        stderr: output.stderr,
    }
}

/// Runs `serve ARGS… --listen 127.0.0.1:0`: what it printed until it was ready (then it is
/// killed), or everything, if it stopped by itself (a refused document).
fn serve(args: &[&str]) -> Output {
    let mut args = args.to_vec();
    args.extend(["--listen", "127.0.0.1:0"]);
    let (stdout, stderr) = match common::Serve::start(&args, None) {
        Ok(serve) => {
            let stdout = serve.stdout.clone();
            (stdout, serve.stderr())
        }
        Err(stopped) => (stopped.stdout, stopped.stderr),
    };
    Output {
        stdout: stdout.into_bytes(),
        stderr: stderr.into_bytes(),
    }
}

/// A scratch directory for this process's files.
fn scratch() -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("oidc-discovery-forgery-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

fn write(name: &str, contents: &str) -> PathBuf {
    let path = scratch().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The payload in a scope, which an error quotes.
fn scope() -> (&'static str, serde_json::Value) {
    ("scopes_supported", serde_json::json!(["openid", payload()]))
}

/// The payload in a member name that differs from `issuer` by control characters, which a
/// warning quotes (the document stays servable).
fn member_name() -> String {
    format!("issuer\u{0}{}", payload())
}

/// A server on 127.0.0.1 that answers at most `count` requests, each with `response`, and
/// gives up 20 s after it starts.
fn answer(count: usize, response: Vec<u8>) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let handle = thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut answered = 0;
        while answered < count && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    answered += 1;
                    respond(stream, &response);
                }
                Err(_) => thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    (base, handle)
}

/// Reads one request head and writes `response`.
fn respond(stream: TcpStream, response: &[u8]) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(&stream);
    for _ in 0..100 {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let mut stream = &stream;
    let _ = stream.write_all(response);
    let _ = stream.flush();
}

/// Runs `check ARGS…` against a server that answers with `response`.
fn check_url(response: Vec<u8>, path: &str, format: &str) -> Output {
    let (base, server) = answer(1, response);
    let output = run(&["check", "--format", format, &format!("{base}{path}")], "");
    let _ = server.join();
    output
}

/// One path to the terminal: its name, the run, and text that shows the hostile string reached
/// the output (escaped).
struct Case {
    name: &'static str,
    run: Box<dyn Fn() -> Output>,
    shows: &'static str,
}

fn case(name: &'static str, shows: &'static str, run: impl Fn() -> Output + 'static) -> Case {
    Case {
        name,
        run: Box::new(run),
        shows,
    }
}

/// The hostile file name, as a file that exists with `contents`.
fn hostile_file(contents: &str) -> PathBuf {
    write(&format!("{}.json", payload()), contents)
}

fn cases() -> Vec<Case> {
    let json_payload = serde_json::to_string(&payload()).unwrap();
    vec![
        case("a document value, in text", "[2K", || {
            run(
                &["check", "-"],
                &document("https://id.example.com", &[scope()]),
            )
        }),
        case("a document value, in JSON", "[2K", || {
            run(
                &["check", "--format", "json", "-"],
                &document("https://id.example.com", &[scope()]),
            )
        }),
        case("a member name and its pointer", "issuer", || {
            let name = member_name();
            run(
                &["check", "-"],
                &document("https://id.example.com", &[(&name, "x".into())]),
            )
        }),
        case("a member name in JSON", "issuer", || {
            let name = member_name();
            run(
                &["check", "--format", "json", "-"],
                &document("https://id.example.com", &[(&name, "x".into())]),
            )
        }),
        case("an issuer quoted in an error", "gpj.", || {
            run(
                &["check", "-"],
                &document(&format!("https://a.example/{}", payload()), &[]),
            )
        }),
        case("NUL and controls written as JSON escapes", "\\u{0}", || {
            run(
                &["check", "-"],
                r#"{"issuer": "https://a.example/\u0000\u001b[2K\u0007\u0008\u009b\u202e", "x\u0000\u001b": 1}"#,
            )
        }),
        case("a syntax error's excerpt", "gpj.", move || {
            run(
                &["check", "-"],
                &format!("{{\"issuer\": \"{}\", x}}", payload()),
            )
        }),
        case("the file name, in text", "gpj.", || {
            let path = hostile_file(&document("https://id.example.com", &[scope()]));
            run(&["check", text(&path)], "")
        }),
        case("the file name, in JSON", "gpj.", || {
            let path = hostile_file(&document("https://id.example.com", &[scope()]));
            run(&["check", "--format", "json", text(&path)], "")
        }),
        case("the file name in a directory listing", "gpj.", || {
            let directory = scratch().join("listing");
            std::fs::create_dir_all(&directory).unwrap();
            std::fs::write(directory.join(format!("{}.json", payload())), "{").unwrap();
            run(&["check", text(&directory)], "")
        }),
        case("a file that cannot be read", "cannot check", || {
            run(&["check", &format!("/nonexistent/{}.json", payload())], "")
        }),
        case(
            "a trusted JWK Set that cannot be read",
            "cannot use",
            || {
                let document = hostile_file(&document("https://id.example.com", &[scope()]));
                run(
                    &[
                        "check",
                        "--trust-jwks",
                        &format!("/nonexistent/{}", payload()),
                        text(&document),
                    ],
                    "",
                )
            },
        ),
        case(
            "a trusted JWK Set with a hostile kid",
            "cannot use",
            move || {
                let jwks = write(
                    "jwks.json",
                    &format!(r#"{{"keys": [{{"kty": "RSA", "kid": {json_payload}}}]}}"#),
                );
                run(&["check", "--trust-jwks", text(&jwks), "-"], "{}")
            },
        ),
        case(
            "signed metadata that is required and absent",
            "signed_metadata",
            || {
                let jwks = write(
                    "ec.json",
                    r#"{"keys": [{"kty": "EC", "crv": "P-256", "x": "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4", "y": "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}]}"#,
                );
                run(
                    &["check", "--trust-jwks", text(&jwks), "-"],
                    &document("https://id.example.com", &[scope()]),
                )
            },
        ),
        case("a URL source's document", "[2K", || {
            check_url(
                response(
                    "200 OK",
                    &[("Content-Type", "application/json")],
                    &document("http://127.0.0.1", &[scope()]),
                ),
                "/.well-known/openid-configuration",
                "text",
            )
        }),
        case("a URL source's body that does not parse", "gpj.", || {
            check_url(
                response(
                    "200 OK",
                    &[("Content-Type", "application/json")],
                    &format!("{{\"a\": \"{}\" x", payload()),
                ),
                "/.well-known/openid-configuration",
                "text",
            )
        }),
        case("a URL source's Content-Type", "gpj.", || {
            check_url(
                response(
                    "200 OK",
                    &[(
                        "Content-Type",
                        "text/html;\tx=\u{9b}31m\u{85}\u{202e}gpj.\u{2066}",
                    )],
                    "{}",
                ),
                "/.well-known/openid-configuration",
                "text",
            )
        }),
        case("a URL source's Content-Type, in JSON", "gpj.", || {
            check_url(
                response(
                    "200 OK",
                    &[(
                        "Content-Type",
                        "text/html;\tx=\u{9b}31m\u{85}\u{202e}gpj.\u{2066}",
                    )],
                    "{}",
                ),
                "/.well-known/openid-configuration",
                "json",
            )
        }),
        case("a redirect's Location", "evil.example", || {
            check_url(
                response("302 Found", &[("Location", "https://evil.example/\tx")], ""),
                "/.well-known/openid-configuration",
                "text",
            )
        }),
        case("a status line's reason", "404", || {
            check_url(
                response(
                    "404 \u{9b}2K\u{202e}gpj.",
                    &[("Content-Type", "text/plain")],
                    "",
                ),
                "/.well-known/openid-configuration",
                "text",
            )
        }),
        case("a URL that cannot be used", "[2K", || {
            // Refused before anything is fetched.
            run(&["check", &format!("http://127.0.0.1:9/{}", payload())], "")
        }),
        case("a URL as given, fetched", "gpj.", || {
            let (base, server) = answer(
                1,
                response("404 Not Found", &[("Content-Type", "text/plain")], ""),
            );
            let output = run(&["check", &format!("{base}/\u{202e}gpj.\u{2066}x")], "");
            let _ = server.join();
            output
        }),
        case(
            "serve --metadata: its report and its lines",
            "serving",
            || {
                let path = hostile_file(&document(
                    "http://127.0.0.1",
                    &[(&member_name(), "x".into())],
                ));
                serve(&["--metadata", text(&path)])
            },
        ),
        case("serve --metadata: a refused document", "refusing", || {
            let path = hostile_file(&document(&format!("https://a.example/{}", payload()), &[]));
            serve(&["--metadata", text(&path)])
        }),
        case(
            "serve --metadata: an issuer path in the routes",
            "serving",
            || {
                let path = write(
                    "bidi.json",
                    &document("http://127.0.0.1/\u{202e}gpj.\u{2066}x", &[]),
                );
                serve(&["--metadata", text(&path)])
            },
        ),
        case(
            "serve --metadata: a file that cannot be read",
            "cannot read",
            || serve(&["--metadata", &format!("/nonexistent/{}", payload())]),
        ),
        case("well-known: a refused issuer, in text", "issuer", || {
            run(
                &["well-known", &format!("https://a.example/{}", payload())],
                "",
            )
        }),
        case("well-known: a refused issuer, in JSON", "issuer", || {
            run(
                &[
                    "well-known",
                    "--format",
                    "json",
                    &format!("https://a.example/{}", payload()),
                ],
                "",
            )
        }),
        case(
            "well-known: an issuer with bidirectional controls",
            "gpj.",
            || {
                run(
                    &["well-known", "https://a.example/\u{202e}gpj.\u{2066}x"],
                    "",
                )
            },
        ),
        case("well-known: the same, in JSON", "gpj.", || {
            run(
                &[
                    "well-known",
                    "--format",
                    "json",
                    "https://a.example/\u{202e}gpj.\u{2066}x",
                ],
                "",
            )
        }),
    ]
}

#[test]
fn no_hostile_character_reaches_the_terminal_raw() {
    let mut failures = Vec::new();
    for case in cases() {
        let output = (case.run)();
        let both = output.both();
        if !both.contains(case.shows) {
            failures.push(format!(
                "[{}] the output does not show {:?}: {both:?}",
                case.name, case.shows
            ));
        }
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let raw: Vec<String> = text
                .chars()
                .filter(|&c| forbidden(c))
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            if !raw.is_empty() {
                failures.push(format!(
                    "[{}] {stream} has {}: {text:?}",
                    case.name,
                    raw.join(" ")
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(scratch());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
