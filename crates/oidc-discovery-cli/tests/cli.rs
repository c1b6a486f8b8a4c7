//! The `oidc-discovery` binary, run as a process: arguments, exit statuses, text and JSON
//! output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use oidc_discovery_validate::MAX_REPEATS;
use serde_json::Value;

mod common;

/// The binary, with no colour-related variable inherited from the environment.
fn oidc_discovery() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_oidc-discovery"));
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    command
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture_arg(name: &str) -> String {
    fixture(name).to_str().unwrap().to_owned()
}

/// Runs the binary with `args` and no standard input.
fn run(args: &[&str]) -> Output {
    oidc_discovery()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs the binary with `args`, writing `input` to its standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = oidc_discovery()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
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

/// Asserts that a JSON value is exactly the contract's report object, and returns it.
fn assert_contract_object(value: &Value) -> &serde_json::Map<String, Value> {
    let object = value.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["problems", "profile", "source", "valid"], "{value}");
    assert!(object["valid"].is_boolean());
    assert!(object["profile"].is_string());
    assert!(object["source"].is_string());
    let mut any_error = false;
    for problem in object["problems"].as_array().expect("an array") {
        let problem = problem.as_object().expect("a problem object");
        let mut keys: Vec<&str> = problem.keys().map(String::as_str).collect();
        keys.sort_unstable();
        // The contract's members; a folded problem adds `repeats`: how many more problems of
        // its rule, and the pointers of the first of them (the first being its `pointer`).
        if let Some(repeats) = problem.get("repeats") {
            assert_eq!(
                keys,
                ["message", "pointer", "repeats", "rule", "severity", "spec"],
                "{value}"
            );
            let repeats = repeats.as_object().expect("an object");
            assert_eq!(repeats.len(), 2, "{value}");
            assert!(repeats["count"].as_u64().is_some_and(|count| count > 0));
            let pointers = repeats["pointers"].as_array().expect("an array");
            assert!(!pointers.is_empty() && pointers.len() <= MAX_REPEATS);
            assert_eq!(pointers[0], problem["pointer"], "{value}");
        } else {
            assert_eq!(
                keys,
                ["message", "pointer", "rule", "severity", "spec"],
                "{value}"
            );
        }
        for key in ["message", "pointer", "rule", "spec"] {
            assert!(problem[key].is_string(), "{key} in {value}");
        }
        let severity = problem["severity"].as_str().unwrap();
        assert!(
            ["error", "warning", "info"].contains(&severity),
            "{severity}"
        );
        let pointer = problem["pointer"].as_str().unwrap();
        assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
        any_error |= severity == "error";
    }
    assert_eq!(object["valid"], !any_error, "{value}");
    object
}

/// The one JSON object a single-source `--format json` run prints.
fn single_json(output: &Output) -> Value {
    let text = stdout(output);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_contract_object(&value);
    value
}

// ── Exit statuses ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_valid_file_exits_0() {
    let output = run(&["check", &fixture_arg("valid-oidc.json")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).starts_with("✓ oidc: valid — "));
    assert!(stderr(&output).is_empty());
}

#[test]
fn a_file_with_an_error_exits_1() {
    let output = run(&["check", &fixture_arg("http-issuer.json")]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.starts_with("errors\n  /issuer  "), "{text}");
    assert!(
        text.contains("[issuer-https · OpenID Connect Discovery 1.0 §3; RFC 8414 §2]"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("✗ oidc: 1 error, 5 notes — "), "{last}");
    assert!(last.ends_with("http-issuer.json"), "{last}");
}

#[test]
fn invalid_json_exits_1_with_line_and_column() {
    let output = run(&["check", &fixture_arg("trailing-comma.json")]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("json-syntax"), "{text}");
    assert!(text.contains("(line 4, column 1)"), "{text}");
    assert!(text.contains("    4 | }\n      | ^\n"), "{text}");

    let output = run(&["check", &fixture_arg("not-an-object.json")]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("json-not-object"));
}

#[test]
fn a_missing_file_exits_2() {
    let missing = fixture_arg("no-such-file.json");
    let output = run(&["check", &missing]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("cannot check"), "{message}");
    assert!(message.contains(&missing), "{message}");
}

#[test]
fn an_unknown_profile_or_format_exits_2() {
    let output = run(&[
        "check",
        "--profile",
        "saml",
        &fixture_arg("valid-oidc.json"),
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("saml"));
    let output = run(&["check", "--format", "yaml", &fixture_arg("valid-oidc.json")]);
    assert_eq!(code(&output), 2);
}

#[test]
fn a_url_that_names_no_host_exits_2() {
    // Nothing can be fetched, so nothing is: the tool could not do its job. (URL sources are
    // tested against local servers in tests/url.rs.)
    let output = run(&["check", "https://"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("cannot check https://: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn no_source_exits_2() {
    let output = run(&["check"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("SOURCE"));
}

#[test]
fn no_subcommand_and_serve_exit_2() {
    assert_eq!(code(&run(&[])), 2);
    // `serve` alone would serve until Ctrl-C: every argument has a default.
    assert_eq!(code(&run(&["serve", "--listen", "not-an-address"])), 2);
}

#[test]
fn help_and_version() {
    let output = run(&["--version"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output).trim(),
        format!("oidc-discovery {}", env!("CARGO_PKG_VERSION"))
    );

    let output = run(&["check", "--help"]);
    assert_eq!(code(&output), 0);
    let help = stdout(&output);
    for needle in [
        "oauth",
        "oidc",
        "fapi2",
        "resource",
        "RFC 9728",
        "RFC 8414",
        "Exit status",
        "JSON Lines",
        "NO_COLOR",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
    let output = run(&["well-known", "--help"]);
    assert!(stdout(&output).contains("exit status is 1"));
}

// ── JSON output ────────────────────────────────────────────────────────────────────────────

#[test]
fn json_output_is_the_contract_object() {
    for (name, expected_code) in [
        ("valid-oidc.json", 0),
        ("http-issuer.json", 1),
        ("trailing-comma.json", 1),
        ("no-break-space.json", 1),
        ("not-an-object.json", 1),
    ] {
        let path = fixture_arg(name);
        let output = run(&["check", "--format", "json", &path]);
        assert_eq!(code(&output), expected_code, "{name}");
        let value = single_json(&output);
        assert_eq!(value["valid"], expected_code == 0, "{name}");
        assert_eq!(value["profile"], "oidc");
        assert_eq!(value["source"], path.as_str());
    }
}

#[test]
fn json_reports_problems_with_pointer_and_spec() {
    let output = run(&[
        "check",
        "--format",
        "json",
        &fixture_arg("http-issuer.json"),
    ]);
    let value = single_json(&output);
    let issuer = value["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|problem| problem["rule"] == "issuer-https")
        .expect("issuer-https");
    assert_eq!(issuer["severity"], "error");
    assert_eq!(issuer["pointer"], "/issuer");
    assert!(issuer["spec"].as_str().unwrap().contains("RFC 8414 §2"));
}

#[test]
fn the_profile_is_reflected() {
    let path = fixture_arg("valid-oauth.json");
    let output = run(&["check", "--profile", "oauth", "--format", "json", &path]);
    assert_eq!(code(&output), 0);
    let value = single_json(&output);
    assert_eq!(value["profile"], "oauth");
    assert_eq!(value["valid"], true);

    // Not an OpenID Provider: the default profile finds errors.
    let output = run(&["check", "--format", "json", &path]);
    assert_eq!(code(&output), 1);
    let value = single_json(&output);
    assert_eq!(value["profile"], "oidc");
    assert_eq!(value["valid"], false);

    let output = run(&["check", "--profile", "fapi2", &path]);
    assert!(stdout(&output).lines().last().unwrap().contains(" fapi2: "));
}

// ── Sources ────────────────────────────────────────────────────────────────────────────────

#[test]
fn standard_input() {
    let document = std::fs::read(fixture("valid-oidc.json")).unwrap();
    let output = run_with_stdin(&["check", "-"], &document);
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output), "✓ oidc: valid — standard input\n");

    let output = run_with_stdin(&["check", "--format", "json", "-"], &document);
    assert_eq!(code(&output), 0);
    assert_eq!(single_json(&output)["source"], "-");

    let output = run_with_stdin(&["check", "-"], b"{\"issuer\": ");
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("EOF while parsing"));
}

/// Under `resource`, a file or standard input is a protected resource's document, judged
/// without a resource to compare with (RFC 9728 §3.3 compares with the URL a document was
/// fetched from; a file has none).
#[test]
fn the_resource_profile_checks_files_and_standard_input() {
    let path = fixture_arg("valid-resource.json");
    let output = run(&["check", "--profile", "resource", "--format", "json", &path]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let value = single_json(&output);
    assert_eq!(value["profile"], "resource");
    assert_eq!(value["valid"], true);
    let output = run(&["check", "--profile", "resource", &path]);
    assert_eq!(code(&output), 0);
    assert!(
        stdout(&output).ends_with(&format!("✓ resource: valid — {path}\n")),
        "{}",
        stdout(&output)
    );

    // The same document is not a provider's.
    let output = run(&["check", "--profile", "oauth", &path]);
    assert_eq!(code(&output), 1);

    let document = std::fs::read(fixture("valid-resource.json")).unwrap();
    let output = run_with_stdin(
        &["check", "--profile", "resource", "--format", "json", "-"],
        &document,
    );
    assert_eq!(code(&output), 0);
    assert_eq!(single_json(&output)["source"], "-");

    let broken = String::from_utf8(document)
        .unwrap()
        .replace("/mcp\"", "/mcp#tools\"");
    let output = run_with_stdin(
        &["check", "--profile", "resource", "--format", "json", "-"],
        broken.as_bytes(),
    );
    assert_eq!(code(&output), 1);
    let value = single_json(&output);
    assert_eq!(
        common::errors(&value),
        [("resource-fragment", "/resource")],
        "{value}"
    );
}

/// The issuer flags compare a provider's issuer: under `resource` they are refused (exit 2)
/// rather than ignored, so that nobody takes a file's `resource` for compared.
#[test]
fn the_resource_profile_refuses_the_issuer_flags() {
    let path = fixture_arg("valid-resource.json");
    for flags in [
        &["--issuer", "https://mcp.example.com/mcp"][..],
        &["--allow-trailing-slash"],
        &["--allow-tenant-template"],
    ] {
        let output = run(&[&["check", "--profile", "resource"], flags, &[path.as_str()]].concat());
        assert_eq!(code(&output), 2, "{flags:?}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        let message = stderr(&output);
        assert!(message.contains(flags[0]), "{message}");
        assert!(message.contains("--profile resource"), "{message}");
    }
}

/// Every protected-resource metadata document of the corpus gets a report under `resource`.
#[test]
fn every_corpus_resource_document_gets_a_report() {
    let Some(documents) = oidc_discovery_corpus::resource_documents() else {
        return;
    };
    assert!(!documents.is_empty());
    for document in &documents {
        let path = document.path.to_str().unwrap();
        let output = run(&["check", "--profile", "resource", "--format", "json", path]);
        let status = code(&output);
        assert!(
            status == 0 || status == 1,
            "{}: exit {status}: {}",
            document.name,
            stderr(&output)
        );
        let value = single_json(&output);
        assert_eq!(value["valid"], status == 0, "{}", document.name);
        assert_eq!(value["profile"], "resource");
    }
}

#[test]
fn an_issuer_mismatch_is_an_error() {
    let path = fixture_arg("valid-oidc.json");
    let output = run(&["check", "--issuer", "https://other.example.com", &path]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("issuer-mismatch"));

    let output = run(&[
        "check",
        "--format",
        "json",
        "--issuer",
        "https://other.example.com",
        &path,
    ]);
    let value = single_json(&output);
    assert!(
        value["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|problem| problem["rule"] == "issuer-mismatch" && problem["severity"] == "error")
    );

    let output = run(&["check", "--issuer", "https://id.example.com", &path]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

/// The rules and severities of a JSON report, as `(rule, severity)` pairs.
fn rule_severities(value: &Value) -> Vec<(String, String)> {
    value["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|problem| {
            (
                problem["rule"].as_str().unwrap().to_owned(),
                problem["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn allow_trailing_slash_accepts_an_issuer_that_differs_by_its_slash() {
    let path = fixture_arg("valid-oidc.json");
    // The document states https://id.example.com; expected with a terminating slash.
    let expected = ["--format", "json", "--issuer", "https://id.example.com/"];
    let strict = run(&[&["check"][..], &expected, &[&path]].concat());
    assert_eq!(code(&strict), 1, "{}", stdout(&strict));
    let report = single_json(&strict);
    let rules = rule_severities(&report);
    assert!(
        rules.contains(&("issuer-mismatch".into(), "error".into())),
        "{rules:?}"
    );
    // The mismatch names the flag that accepts it.
    assert!(
        report["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("--allow-trailing-slash"),
        "{report}"
    );

    let relaxed = run(&[
        &["check", "--allow-trailing-slash"][..],
        &expected,
        &[&path],
    ]
    .concat());
    assert_eq!(code(&relaxed), 0, "{}", stdout(&relaxed));
    let rules = rule_severities(&single_json(&relaxed));
    assert!(
        rules.contains(&("issuer-match-relaxed".into(), "info".into())),
        "{rules:?}"
    );
    assert!(
        !rules.iter().any(|(rule, _)| rule == "issuer-mismatch"),
        "{rules:?}"
    );
    // A difference other than the slash is still a mismatch.
    let other = run(&[
        "check",
        "--allow-trailing-slash",
        "--issuer",
        "https://id.example.com/x",
        &path,
    ]);
    assert_eq!(code(&other), 1, "{}", stdout(&other));
}

#[test]
fn allow_tenant_template_accepts_a_tenant_of_a_template_issuer() {
    let document = serde_json::json!({
        "issuer": "https://login.example.com/{tenantid}/v2.0",
        "authorization_endpoint": "https://login.example.com/authorize",
        "token_endpoint": "https://login.example.com/token",
        "jwks_uri": "https://login.example.com/keys",
        "response_types_supported": ["code"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"]
    })
    .to_string();
    let tenant = "https://login.example.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0";
    let strict = run_with_stdin(
        &["check", "--format", "json", "--issuer", tenant, "-"],
        document.as_bytes(),
    );
    assert_eq!(code(&strict), 1, "{}", stdout(&strict));
    let rules = rule_severities(&single_json(&strict));
    assert!(
        rules.contains(&("issuer-mismatch".into(), "error".into())),
        "{rules:?}"
    );

    let relaxed = run_with_stdin(
        &[
            "check",
            "--allow-tenant-template",
            "--format",
            "json",
            "--issuer",
            tenant,
            "-",
        ],
        document.as_bytes(),
    );
    assert_eq!(code(&relaxed), 0, "{}", stdout(&relaxed));
    let rules = rule_severities(&single_json(&relaxed));
    assert!(
        rules.contains(&("issuer-match-relaxed".into(), "info".into())),
        "{rules:?}"
    );
}

#[test]
fn the_help_reads_as_english() {
    for args in [&["--help"][..], &["check", "--help"]] {
        let output = run(args);
        assert_eq!(code(&output), 0);
        let help = stdout(&output);
        for garbled in ["content type count", "mismatch count", "a non-object"] {
            assert!(!help.contains(garbled), "{garbled} in {args:?}");
        }
    }
    let check = stdout(&run(&["check", "--help"]));
    for flag in ["--allow-trailing-slash", "--allow-tenant-template"] {
        assert!(check.contains(flag), "{flag} is not documented");
    }
}

#[test]
fn a_directory_is_its_json_files() {
    let directory = fixture_arg("three");
    let output = run(&["check", &directory]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let summaries: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with('✓') || line.starts_with('✗'))
        .collect();
    assert_eq!(summaries.len(), 3, "{text}");
    assert!(summaries[0].starts_with("✓ oidc: valid — ") && summaries[0].ends_with("a-valid.json"));
    assert!(summaries[1].starts_with("✗ ") && summaries[1].ends_with("b-http-issuer.json"));
    assert!(summaries[2].starts_with("✗ ") && summaries[2].ends_with("c-trailing-comma.json"));
    assert!(
        text.ends_with("\n\n3 sources: 1 valid, 2 invalid\n"),
        "{text}"
    );
    assert!(!text.contains("README"));

    let output = run(&["check", "--format", "json", &directory]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "JSON Lines: {text}");
    for line in &lines {
        assert_contract_object(line);
    }
    let valid: Vec<bool> = lines.iter().map(|line| line["valid"] == true).collect();
    assert_eq!(valid, [true, false, false]);
    assert!(
        lines[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("a-valid.json")
    );
}

#[test]
fn several_sources_exit_with_the_worst_status() {
    let valid = fixture_arg("valid-oidc.json");
    let invalid = fixture_arg("http-issuer.json");
    let missing = fixture_arg("missing.json");

    assert_eq!(code(&run(&["check", &valid, &valid])), 0);

    let output = run(&["check", &valid, &invalid]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).ends_with("\n2 sources: 1 valid, 1 invalid\n"));

    // A source that cannot be read wins, and the others are still checked.
    let output = run(&["check", "--format", "json", &invalid, &missing, &valid]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output).lines().count(), 2);
    assert!(stderr(&output).contains("missing.json"));

    let output = run(&["check", &valid, "https://"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).ends_with("2 sources: 1 valid, 0 invalid, 1 unreadable\n"));
}

// ── Text output for people ─────────────────────────────────────────────────────────────────

#[test]
fn piped_output_has_no_colour() {
    for no_color in [None, Some("1")] {
        for args in [
            vec!["check".to_owned(), fixture_arg("http-issuer.json")],
            vec!["check".to_owned(), fixture_arg("no-break-space.json")],
            vec!["check".to_owned(), fixture_arg("three")],
            vec!["check".to_owned(), fixture_arg("missing.json")],
            vec!["well-known".to_owned(), "https://id.example.com".to_owned()],
            vec!["well-known".to_owned(), "id.example.com".to_owned()],
        ] {
            let mut command = oidc_discovery();
            if let Some(value) = no_color {
                command.env("NO_COLOR", value);
            }
            let output = command.args(&args).stdin(Stdio::null()).output().unwrap();
            for stream in [&output.stdout, &output.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(!text.contains("\x1b["), "{args:?}: {text:?}");
            }
        }
    }
}

#[test]
fn a_no_break_space_is_shown_with_a_caret() {
    let output = run(&["check", &fixture_arg("no-break-space.json")]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("U+00A0 NO-BREAK SPACE"), "{text}");
    assert!(text.contains("(line 2, column 12)"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.starts_with("    2 | "))
        .expect("the source line");
    assert_eq!(
        lines[at],
        "    2 |   \"issuer\":\u{a0}\"https://id.example.com\","
    );
    assert_eq!(lines[at + 1], "      |            ^");
    // The caret is under the no-break space.
    let caret = lines[at + 1].chars().position(|c| c == '^').unwrap();
    assert_eq!(lines[at].chars().nth(caret), Some('\u{a0}'));
}

#[test]
fn json_output_has_no_excerpt() {
    let output = run(&[
        "check",
        "--format",
        "json",
        &fixture_arg("no-break-space.json"),
    ]);
    assert!(!stdout(&output).contains(" | "));
}

// ── well-known ─────────────────────────────────────────────────────────────────────────────

/// The examples of the specification inventories, §3.2: issuer, OpenID Connect Discovery URL,
/// RFC 8414 URL with the default suffix, RFC 9728 URL of the same text as a resource
/// identifier.
const WELL_KNOWN_EXAMPLES: [(&str, &str, &str, &str); 7] = [
    (
        "https://example.com",
        "https://example.com/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server",
        "https://example.com/.well-known/oauth-protected-resource",
    ),
    (
        "https://example.com/",
        "https://example.com/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server",
        "https://example.com/.well-known/oauth-protected-resource",
    ),
    (
        "https://example.com/issuer1",
        "https://example.com/issuer1/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server/issuer1",
        "https://example.com/.well-known/oauth-protected-resource/issuer1",
    ),
    (
        "https://example.com/issuer1/",
        "https://example.com/issuer1/.well-known/openid-configuration",
        "https://example.com/.well-known/oauth-authorization-server/issuer1",
        "https://example.com/.well-known/oauth-protected-resource/issuer1",
    ),
    (
        "https://example.com:8443/a/b",
        "https://example.com:8443/a/b/.well-known/openid-configuration",
        "https://example.com:8443/.well-known/oauth-authorization-server/a/b",
        "https://example.com:8443/.well-known/oauth-protected-resource/a/b",
    ),
    (
        "https://mcp.example.com/mcp",
        "https://mcp.example.com/mcp/.well-known/openid-configuration",
        "https://mcp.example.com/.well-known/oauth-authorization-server/mcp",
        "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
    ),
    (
        "https://mcp.linear.app/mcp/readonly/",
        "https://mcp.linear.app/mcp/readonly/.well-known/openid-configuration",
        "https://mcp.linear.app/.well-known/oauth-authorization-server/mcp/readonly",
        "https://mcp.linear.app/.well-known/oauth-protected-resource/mcp/readonly",
    ),
];

#[test]
fn well_known_json_matches_the_inventory_examples() {
    for (issuer, openid_configuration, oauth_authorization_server, oauth_protected_resource) in
        WELL_KNOWN_EXAMPLES
    {
        let output = run(&["well-known", "--format", "json", issuer]);
        assert_eq!(code(&output), 0, "{issuer}");
        let text = stdout(&output);
        assert_eq!(text.lines().count(), 1);
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "oauth_authorization_server",
                "oauth_protected_resource",
                "openid_configuration"
            ]
        );
        assert_eq!(
            value["openid_configuration"], openid_configuration,
            "{issuer}"
        );
        assert_eq!(
            value["oauth_authorization_server"], oauth_authorization_server,
            "{issuer}"
        );
        assert_eq!(
            value["oauth_protected_resource"], oauth_protected_resource,
            "{issuer}"
        );
    }
}

#[test]
fn well_known_sixth_example_is_the_inserted_form() {
    // The sixth row (RFC 8414 with the suffix `openid-configuration`) is not one of the two
    // URLs of the contract; it is the inserted form printed for the default suffix, with the
    // suffix swapped.
    let output = run(&[
        "well-known",
        "--format",
        "json",
        "https://example.com/issuer1",
    ]);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let inserted = value["oauth_authorization_server"].as_str().unwrap();
    assert_eq!(
        inserted.replace("/oauth-authorization-server/", "/openid-configuration/"),
        "https://example.com/.well-known/openid-configuration/issuer1"
    );
}

#[test]
fn well_known_text_is_three_labelled_lines() {
    let output = run(&["well-known", "https://example.com:8443/a/b"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "openid-configuration        https://example.com:8443/a/b/.well-known/openid-configuration\n\
         oauth-authorization-server  https://example.com:8443/.well-known/oauth-authorization-server/a/b\n\
         oauth-protected-resource    https://example.com:8443/.well-known/oauth-protected-resource/a/b\n"
    );
}

/// Standard output as exactly one line of JSON.
fn one_json_line(output: &Output) -> Value {
    let text = stdout(output);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn an_unusable_issuer_exits_1_with_the_reason() {
    for (issuer, reason, rule) in [
        ("id.example.com", "not an absolute URL", "issuer-not-url"),
        (
            "https://id.example.com/?tenant=1",
            "query",
            "issuer-query-fragment",
        ),
        (
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            "template",
            "issuer-template",
        ),
        ("https://id.example.com/a//", "`//`", "issuer-well-known"),
        (
            "https://id.example.com/.well-known/openid-configuration",
            "metadata URL",
            "issuer-well-known",
        ),
        ("", "not an absolute URL", "issuer-not-url"),
        ("ftp://example.com", "ftp scheme", "issuer-https"),
        (
            "http://id.example.com",
            "not a loopback host",
            "issuer-https",
        ),
    ] {
        // Text: the reason and the rule on standard error, nothing on standard output.
        let output = run(&["well-known", issuer]);
        assert_eq!(code(&output), 1, "{issuer}");
        assert!(stdout(&output).is_empty(), "{issuer}");
        let message = stderr(&output);
        assert!(message.starts_with("error: issuer \""), "{message}");
        assert!(message.contains(reason), "{issuer}: {message}");
        assert!(
            message.contains(&format!("[{rule} · ")),
            "{issuer}: {message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");

        // JSON: one object on standard output, with check's problem objects.
        let output = run(&["well-known", "--format", "json", issuer]);
        assert_eq!(code(&output), 1, "{issuer}");
        assert!(stderr(&output).is_empty(), "{issuer}: {}", stderr(&output));
        let value = one_json_line(&output);
        assert_eq!(value["valid"], false, "{issuer}");
        assert_eq!(value["issuer"], issuer);
        let problems = value["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{issuer}");
        assert_eq!(problems[0]["rule"], rule, "{issuer}");
        assert_eq!(problems[0]["severity"], "error", "{issuer}");
        assert!(
            problems[0]["message"].as_str().unwrap().contains(reason),
            "{issuer}: {value}"
        );
        assert!(!problems[0]["spec"].as_str().unwrap().is_empty());
    }
    assert_eq!(code(&run(&["well-known"])), 2);
}

#[test]
fn well_known_refuses_a_scheme_an_issuer_cannot_have() {
    for issuer in [
        "ftp://example.com",
        "http://example.com/tenant",
        "ws://[::1]",
    ] {
        let output = run(&["well-known", issuer]);
        assert_eq!(code(&output), 1, "{issuer}");
        assert!(stdout(&output).is_empty(), "{issuer}");
        assert!(
            stderr(&output).contains("[issuer-https · "),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn well_known_accepts_https_and_http_on_loopback_hosts() {
    for (issuer, openid_configuration) in [
        (
            "https://id.example.com",
            "https://id.example.com/.well-known/openid-configuration",
        ),
        (
            "http://localhost:8080/realms/dev",
            "http://localhost:8080/realms/dev/.well-known/openid-configuration",
        ),
        (
            "http://127.0.0.1:3000",
            "http://127.0.0.1:3000/.well-known/openid-configuration",
        ),
        (
            "http://[::1]/",
            "http://[::1]/.well-known/openid-configuration",
        ),
    ] {
        let output = run(&["well-known", "--format", "json", issuer]);
        assert_eq!(code(&output), 0, "{issuer}: {}", stderr(&output));
        assert!(stderr(&output).is_empty());
        let value = one_json_line(&output);
        assert_eq!(value["openid_configuration"], openid_configuration);
    }
}

#[test]
fn well_known_json_is_byte_for_byte_the_contract() {
    let output = run(&[
        "well-known",
        "--format",
        "json",
        "https://example.com/issuer1/",
    ]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "{\"openid_configuration\":\"https://example.com/issuer1/.well-known/openid-configuration\",\
         \"oauth_authorization_server\":\"https://example.com/.well-known/oauth-authorization-server/issuer1\",\
         \"oauth_protected_resource\":\"https://example.com/.well-known/oauth-protected-resource/issuer1\"}\n"
    );
}

// ── The shared corpus ──────────────────────────────────────────────────────────────────────

#[test]
fn every_corpus_document_gets_a_report() {
    let Some(documents) = oidc_discovery_corpus::documents() else {
        return;
    };
    for document in &documents {
        let path = document.path.to_str().unwrap();
        for profile in ["oauth", "oidc", "fapi2"] {
            let output = run(&["check", "--profile", profile, "--format", "json", path]);
            let status = code(&output);
            assert!(
                status == 0 || status == 1,
                "{} ({profile}): exit {status}: {}",
                document.name,
                stderr(&output)
            );
            let value = single_json(&output);
            assert_eq!(value["valid"], status == 0, "{}", document.name);
            assert_eq!(value["profile"], profile);
        }
        let output = run(&["check", path]);
        let status = code(&output);
        assert!(status == 0 || status == 1, "{}", document.name);
        assert!(stderr(&output).is_empty(), "{}", document.name);
    }

    // The whole `real/` directory in one call: one JSON line per document.
    let real: Vec<_> = documents
        .iter()
        .filter(|document| document.name.starts_with("real/"))
        .collect();
    let real_count = real.len();
    let real = real[0].path.parent().unwrap();
    let output = run(&["check", "--format", "json", real.to_str().unwrap()]);
    assert!([0, 1].contains(&code(&output)));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), real_count);
    for line in text.lines() {
        assert_contract_object(&serde_json::from_str(line).unwrap());
    }
}
