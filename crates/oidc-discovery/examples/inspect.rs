//! Parses a discovery document, shows what the typed model sees, and writes it back.
//!
//! ```text
//! cargo run -p oidc-discovery --example inspect              # the bundled example provider
//! cargo run -p oidc-discovery --example inspect -- FILE.json # any document
//! ```

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use oidc_discovery::ProviderMetadata;

const EXAMPLE: &str = include_str!("example-provider.json");

/// Writes the report; a closed pipe (`| head`) is a normal end, not an error.
fn emit(out: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the report: {error}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let (source, text) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => (path, text),
            Err(error) => {
                eprintln!("error: cannot read {path}: {error}");
                return ExitCode::from(2);
            }
        },
        None => ("bundled example provider".to_owned(), EXAMPLE.to_owned()),
    };
    let metadata = match ProviderMetadata::from_json_str(&text) {
        Ok(metadata) => metadata,
        Err(error) => {
            eprintln!("{source}: {error}");
            return ExitCode::from(1);
        }
    };

    let mut out = String::new();
    // Writing to a String cannot fail.
    macro_rules! say {
        ($($arg:tt)*) => { let _ = writeln!(out, $($arg)*); };
    }
    say!("# {source}");
    let issuer = metadata.issuer.as_ref().map_or("(absent)", |i| i.as_str());
    say!("issuer: {issuer}");
    for (name, url) in [
        ("authorization", &metadata.authorization_endpoint),
        ("token", &metadata.token_endpoint),
        ("userinfo", &metadata.userinfo_endpoint),
        ("jwks", &metadata.jwks_uri),
    ] {
        if let Some(url) = url {
            say!("{name} endpoint: {url}");
        }
    }
    if let Some(types) = &metadata.response_types_supported {
        let shown: Vec<String> = types
            .iter()
            .map(|t| {
                if t.as_str() == t.canonical() {
                    t.to_string()
                } else {
                    format!("{t} (= {})", t.canonical())
                }
            })
            .collect();
        say!("response types: {}", shown.join(", "));
    }
    let grants: Vec<&str> = metadata
        .effective_grant_types()
        .iter()
        .map(|g| g.as_str())
        .collect();
    let defaulted = if metadata.grant_types_supported.is_none() {
        " (spec default)"
    } else {
        ""
    };
    say!("grant types: {}{defaulted}", grants.join(", "));
    let unknown: Vec<&str> = metadata
        .effective_grant_types()
        .iter()
        .filter(|g| !g.is_known())
        .map(|g| g.as_str())
        .collect();
    if !unknown.is_empty() {
        say!("  not in any registry: {}", unknown.join(", "));
    }
    say!(
        "PKCE: {}",
        if metadata.supports_pkce() {
            "advertised"
        } else {
            "not advertised"
        }
    );
    if let Some(token) = metadata.mtls_endpoint("token_endpoint") {
        say!("token endpoint for mutual TLS: {token}");
    }
    for (tag, url) in metadata.op_tos_uri.tagged() {
        say!("terms of service [{tag}]: {url}");
    }
    for (name, value, expected) in metadata.mistyped_members() {
        say!("kept as received (expected {expected}): {name} = {value}");
    }
    let unknown: Vec<&str> = metadata.unknown_members().map(|(name, _)| name).collect();
    if !unknown.is_empty() {
        say!("other members: {}", unknown.join(", "));
    }

    match metadata.to_json_string_pretty() {
        Ok(json) => {
            say!("\n{json}");
            emit(&out)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
