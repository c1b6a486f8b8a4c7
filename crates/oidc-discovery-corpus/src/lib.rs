//! Test support for oidc-discovery: loads the corpus of real documents that lives beside the
//! repository, in `../shared/corpus/`: authorization server metadata in `real/`, `seeds/` and
//! `real-mcp/` ([`documents`]), protected resource metadata in `resource/`
//! ([`resource_documents`]).
//!
//! The documents are read from there and never copied into the repository. Set
//! `OIDC_DISCOVERY_CORPUS` to use another directory (it must contain those four).
//!
//! When the corpus is missing, [`documents`] and [`resource_documents`] panic if the `CI`
//! environment variable is `true` (a CI run must exercise it) and otherwise return `None` after
//! printing why.
//!
//! With the feature `generate`, the `generate` module has proptest strategies for documents that look
//! like real ones, for property tests.

use std::path::{Path, PathBuf};

#[cfg(feature = "generate")]
pub mod generate;

/// One corpus document.
#[derive(Debug, Clone)]
pub struct Document {
    /// `<directory>/<file>.json`: `real/…`, `seeds/…`, `real-mcp/…` or `resource/…`.
    pub name: String,
    /// The full path.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Document {
    /// The document as text (every corpus file is UTF-8).
    ///
    /// # Panics
    ///
    /// If the file is not UTF-8.
    #[must_use]
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_else(|_| panic!("{} is not UTF-8", self.name))
    }
}

/// The corpus directory: `OIDC_DISCOVERY_CORPUS`, or `shared/corpus` beside the workspace.
#[must_use]
pub fn directory() -> PathBuf {
    if let Some(dir) = std::env::var_os("OIDC_DISCOVERY_CORPUS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The directories of authorization server metadata documents.
pub const PROVIDER_PARTS: [&str; 3] = ["real", "real-mcp", "seeds"];

/// The directory of protected resource metadata documents.
pub const RESOURCE_PARTS: [&str; 1] = ["resource"];

/// Every authorization server metadata document (`*.json` of `real/`, `real-mcp/` and
/// `seeds/`), sorted by name; `None` (with a message) when the corpus is absent outside CI.
///
/// # Panics
///
/// When the corpus is absent and `CI=true`, or a file cannot be read.
#[must_use]
pub fn documents() -> Option<Vec<Document>> {
    documents_in(&PROVIDER_PARTS)
}

/// Every protected resource metadata document (`*.json` of `resource/`), sorted by name;
/// `None` (with a message) when the corpus is absent outside CI.
///
/// # Panics
///
/// As [`documents`].
#[must_use]
pub fn resource_documents() -> Option<Vec<Document>> {
    documents_in(&RESOURCE_PARTS)
}

/// The documents of the corpus directories `parts`, as [`documents`] reads them.
fn documents_in(parts: &[&str]) -> Option<Vec<Document>> {
    let ci = std::env::var("CI").is_ok_and(|ci| ci == "true");
    match load_parts(&directory(), parts) {
        Ok(documents) => Some(documents),
        Err(message) if ci => panic!("{message}; CI=true requires the corpus"),
        Err(message) => {
            eprintln!("skipped: {message}");
            None
        }
    }
}

/// Loads the authorization server metadata documents under `root`, or says why it cannot.
///
/// # Errors
///
/// When `root/real`, `root/real-mcp` or `root/seeds` is missing or holds no JSON document.
///
/// # Panics
///
/// When a document exists but cannot be read.
pub fn load(root: &Path) -> Result<Vec<Document>, String> {
    load_parts(root, &PROVIDER_PARTS)
}

/// Loads the documents of the directories `parts` under `root`, or says why it cannot.
///
/// # Errors
///
/// When a directory is missing or holds no JSON document.
///
/// # Panics
///
/// When a document exists but cannot be read.
pub fn load_parts(root: &Path, parts: &[&str]) -> Result<Vec<Document>, String> {
    let mut documents = Vec::new();
    for part in parts {
        let dir = root.join(part);
        let entries = std::fs::read_dir(&dir).map_err(|error| {
            format!(
                "corpus directory {} not readable ({error}); set OIDC_DISCOVERY_CORPUS or put shared/ beside the repository",
                dir.display()
            )
        })?;
        let before = documents.len();
        for entry in entries {
            let path = entry.expect("readable corpus directory").path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let bytes = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                let file = path.file_name().unwrap_or_default().to_string_lossy();
                documents.push(Document {
                    name: format!("{part}/{file}"),
                    path,
                    bytes,
                });
            }
        }
        if documents.len() == before {
            return Err(format!(
                "corpus directory {} holds no JSON document",
                dir.display()
            ));
        }
    }
    documents.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_corpus_is_an_error_that_says_where_it_looked() {
        let missing = std::env::temp_dir().join("oidc-discovery-no-corpus-here");
        let error = load(&missing).unwrap_err();
        assert!(error.contains("oidc-discovery-no-corpus-here"), "{error}");
        assert!(error.contains("OIDC_DISCOVERY_CORPUS"), "{error}");
    }

    #[test]
    fn an_empty_corpus_directory_is_an_error() {
        let root = std::env::temp_dir().join(format!("corpus-empty-{}", std::process::id()));
        for part in PROVIDER_PARTS {
            std::fs::create_dir_all(root.join(part)).unwrap();
        }
        assert!(load(&root).unwrap_err().contains("no JSON document"));
        std::fs::write(root.join("real/a.json"), "{}").unwrap();
        std::fs::write(root.join("real-mcp/c.json"), "{}").unwrap();
        std::fs::write(root.join("seeds/b.json"), "{}").unwrap();
        std::fs::write(root.join("seeds/notes.md"), "x").unwrap();
        let names: Vec<String> = load(&root).unwrap().into_iter().map(|d| d.name).collect();
        assert_eq!(names, ["real-mcp/c.json", "real/a.json", "seeds/b.json"]);
        assert!(load_parts(&root, &RESOURCE_PARTS).is_err());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
