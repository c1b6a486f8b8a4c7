//! Project automation for oidc-discovery: the generated files under `docs/` and the check that
//! they are up to date.
//!
//! `cargo xtask generate` writes them all (`cargo xtask schema` only the schemas);
//! `--check` (and the test `generated_files_are_up_to_date`) fails when one is stale.

use std::path::{Path, PathBuf};

pub mod docs;

/// A file the project generates and checks in.
#[derive(Debug, Clone)]
pub struct GeneratedFile {
    /// Path relative to the workspace root.
    pub path: &'static str,
    /// What the file must contain.
    pub contents: String,
    /// The command that regenerates it.
    pub command: &'static str,
}

/// The workspace root (the parent of `xtask/`).
#[must_use]
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, or `target/` in the workspace root.
#[must_use]
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// One HTTP/1.1 `GET path` to `address` with `Connection: close` and `headers` (each line
/// ending in `\r\n`): the whole response as text, each read bounded to 10 seconds.
///
/// # Errors
///
/// When the connection fails or the response cannot be read.
pub fn http_get(address: &str, path: &str, headers: &str) -> Result<String, String> {
    use std::io::{Read as _, Write as _};
    let mut stream = std::net::TcpStream::connect(address)
        .map_err(|error| format!("cannot connect to {address}: {error}"))?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .map_err(|error| error.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\n{headers}Connection: close\r\n\r\n"
    )
    .map_err(|error| format!("GET {path}: {error}"))?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|error| format!("GET {path}: {error}"))?;
    Ok(response)
}

/// The `rust-version` of `[workspace.package]` in the root manifest (`1.85`), which every crate
/// inherits.
#[must_use]
pub fn rust_version(root: &Path) -> Option<String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).ok()?;
    let package = manifest.split("[workspace.package]").nth(1)?;
    let section = package.split("\n[").next()?;
    section.lines().find_map(|line| {
        let value = line.trim().strip_prefix("rust-version")?.trim_start();
        Some(value.strip_prefix('=')?.trim().trim_matches('"').to_owned())
    })
}

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value serializes");
    text.push('\n');
    text
}

/// The JSON Schema files under `docs/schema/`.
#[must_use]
pub fn schema_files() -> Vec<GeneratedFile> {
    use oidc_discovery_metadata::schema;
    vec![
        GeneratedFile {
            path: "docs/schema/provider-metadata.schema.json",
            contents: pretty(&schema::document()),
            command: "cargo xtask schema",
        },
        GeneratedFile {
            path: "docs/schema/provider-metadata.oauth.schema.json",
            contents: pretty(&schema::oauth_profile()),
            command: "cargo xtask schema",
        },
        GeneratedFile {
            path: "docs/schema/provider-metadata.oidc.schema.json",
            contents: pretty(&schema::oidc_profile()),
            command: "cargo xtask schema",
        },
        GeneratedFile {
            path: "docs/schema/protected-resource-metadata.schema.json",
            contents: pretty(&schema::resource_document()),
            command: "cargo xtask schema",
        },
        GeneratedFile {
            path: "docs/schema/protected-resource-metadata.resource.schema.json",
            contents: pretty(&schema::resource_profile()),
            command: "cargo xtask schema",
        },
    ]
}

/// Every generated file: the schemas, `docs/rules.md`, and `docs/corpus-verdicts.md` (only
/// when the corpus is available; outside CI it is skipped with a message).
#[must_use]
pub fn all_files() -> Vec<GeneratedFile> {
    let mut files = schema_files();
    files.push(GeneratedFile {
        path: "docs/rules.md",
        contents: docs::rules(),
        command: "cargo xtask generate",
    });
    if let Some(contents) = docs::corpus_verdicts() {
        files.push(GeneratedFile {
            path: "docs/corpus-verdicts.md",
            contents,
            command: "cargo xtask generate",
        });
    }
    files
}

/// Writes `files` under `root`, returning the paths that changed.
///
/// # Errors
///
/// When a file cannot be written.
pub fn write(root: &Path, files: &[GeneratedFile]) -> std::io::Result<Vec<&'static str>> {
    let mut changed = Vec::new();
    for file in files {
        let path = root.join(file.path);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(file.contents.as_str()) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, &file.contents)?;
            changed.push(file.path);
        }
    }
    Ok(changed)
}

/// The files under `root` whose contents differ from what would be generated (or are missing).
#[must_use]
pub fn stale<'a>(root: &Path, files: &'a [GeneratedFile]) -> Vec<&'a GeneratedFile> {
    files
        .iter()
        .filter(|file| {
            std::fs::read_to_string(root.join(file.path))
                .ok()
                .as_deref()
                != Some(file.contents.as_str())
        })
        .collect()
}
