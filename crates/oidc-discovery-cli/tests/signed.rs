//! `oidc-discovery check --trust-jwks FILE`: signed metadata verified, reported as problems
//! (an error when it fails) or a note (when it succeeds); exit statuses 0, 1 and 2.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_signed::{Algorithm, SignOptions, SigningKey, embed};
use serde_json::{Value, json};

const ISSUER: &str = "https://id.example.com";

fn scratch(name: &str) -> PathBuf {
    let directory = std::env::temp_dir().join(format!(
        "oidc-discovery-cli-signed-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

fn plain() -> ProviderMetadata {
    ProviderMetadata::from_json_str(
        &json!({
            "issuer": ISSUER,
            "authorization_endpoint": format!("{ISSUER}/authorize"),
            "token_endpoint": format!("{ISSUER}/token"),
            "jwks_uri": format!("{ISSUER}/jwks.json"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "scopes_supported": ["openid"],
            "code_challenge_methods_supported": ["S256"],
        })
        .to_string(),
    )
    .unwrap()
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oidc-discovery"))
        .arg("check")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn report(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{error}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The signed-metadata problems of a report (the document's other notes are not the point).
fn rules(report: &Value) -> Vec<(String, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|problem| {
            problem["rule"]
                .as_str()
                .unwrap()
                .starts_with("signed-metadata")
        })
        .map(|problem| {
            (
                problem["rule"].as_str().unwrap().to_owned(),
                problem["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn verified_signed_metadata_is_a_note_and_failures_are_errors() {
    let directory = scratch("verify");
    let key = SigningKey::generate(Algorithm::ES256)
        .unwrap()
        .with_kid("meta-1");
    let stranger = SigningKey::generate(Algorithm::ES256).unwrap();
    let write = |name: &str, text: String| {
        let path = directory.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let trusted = write(
        "trusted.json",
        json!({"keys": [key.public_jwk()]}).to_string(),
    );
    let other = write(
        "other.json",
        json!({"keys": [stranger.public_jwk()]}).to_string(),
    );
    let signed = embed(&plain(), &key, &SignOptions::new(ISSUER)).unwrap();
    let mut stale = signed.clone();
    stale.token_endpoint = Some("https://old.example.com/token".into());
    let signed_file = write("signed.json", signed.to_json_string().unwrap());
    let stale_file = write("stale.json", stale.to_json_string().unwrap());
    let plain_file = write("plain.json", plain().to_json_string().unwrap());

    for (jwks, document, status, expected) in [
        (
            &trusted,
            &signed_file,
            0,
            vec![("signed-metadata-verified", "info")],
        ),
        (
            &trusted,
            &stale_file,
            0,
            vec![
                ("signed-metadata-differs", "warning"),
                ("signed-metadata-verified", "info"),
            ],
        ),
        (
            &other,
            &signed_file,
            1,
            vec![("signed-metadata-signature", "error")],
        ),
        (
            &trusted,
            &plain_file,
            1,
            vec![("signed-metadata-missing", "error")],
        ),
    ] {
        let output = check(&["--format", "json", "--trust-jwks", jwks, document]);
        let report = report(&output);
        assert_eq!(output.status.code(), Some(status), "{document}: {report}");
        assert_eq!(report["valid"], status == 0);
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(rule, severity)| (rule.to_owned(), severity.to_owned()))
            .collect();
        assert_eq!(rules(&report), expected, "{document}: {report}");
    }
    // The note names the signed members; text output shows it too.
    let output = check(&["--trust-jwks", &trusted, &signed_file]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("signed-metadata-verified"), "{text}");
    assert!(text.contains("token_endpoint"), "{text}");
    // Without --trust-jwks, signed metadata is not required and nothing is said about it.
    let output = check(&["--format", "json", &plain_file]);
    assert_eq!(
        (output.status.code(), rules(&report(&output))),
        (Some(0), vec![])
    );
    std::fs::remove_dir_all(directory).unwrap();
}

#[test]
fn an_unusable_jwks_file_exits_2() {
    let directory = scratch("unusable");
    let document = directory.join("plain.json");
    std::fs::write(&document, plain().to_json_string().unwrap()).unwrap();
    let symmetric = directory.join("symmetric.json");
    std::fs::write(&symmetric, r#"{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}"#).unwrap();
    let not_a_set = directory.join("not-a-set.json");
    std::fs::write(&not_a_set, "[]").unwrap();
    for (jwks, words) in [
        (
            directory.join("missing.json"),
            "cannot use the trusted JWK Set",
        ),
        (symmetric, "no usable signature key"),
        (not_a_set, "`keys` array"),
    ] {
        let output = check(&[
            "--trust-jwks",
            jwks.to_str().unwrap(),
            document.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(words), "{stderr}");
        assert!(
            output.stdout.is_empty(),
            "no report when the tool cannot do its job"
        );
    }
    std::fs::remove_dir_all(directory).unwrap();
}
