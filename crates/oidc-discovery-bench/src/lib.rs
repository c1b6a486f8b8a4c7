//! Benchmark support for oidc-discovery: the workloads the benchmarks in `benches/` measure.
//!
//! * [`corpus`]: the shared corpus of real provider documents (read from `../shared/corpus`,
//!   never copied into the repository).
//! * [`synthetic_document`]: a valid OpenID Connect document of about a given size, made of a
//!   long `claims_supported` and many unknown members, for the scaling benchmark.
//! * [`output_dir`]: where the benchmarks that are not criterion's write their results as JSON
//!   (`per_document.json`, `memory.json`), beside criterion's `target/criterion/`.
//!
//! `cargo xtask bench` runs the benchmarks and prints the table of ratios; `docs/benchmarks.md`
//! describes the method.

use std::path::PathBuf;

pub use oidc_discovery_corpus::Document;

/// The sizes of the scaling benchmark: a label (as in criterion's benchmark ids) and a length
/// in bytes.
pub const SCALE_SIZES: [(&str, usize); 4] = [
    ("1KiB", 1 << 10),
    ("16KiB", 16 << 10),
    ("256KiB", 256 << 10),
    ("1MiB", 1 << 20),
];

/// Every corpus document that is a JSON object (all of them, today), sorted by name.
///
/// # Panics
///
/// When the corpus is missing: the benchmarks have nothing to measure without it.
#[must_use]
pub fn corpus() -> Vec<Document> {
    let documents = oidc_discovery_corpus::documents()
        .expect("the benchmarks need the corpus in ../shared/corpus (or OIDC_DISCOVERY_CORPUS)");
    documents
        .into_iter()
        .filter(|document| {
            serde_json::from_slice::<serde_json::Value>(&document.bytes)
                .is_ok_and(|value| value.is_object())
        })
        .collect()
}

/// The document of median size among `documents` (the lower median for an even count).
///
/// # Panics
///
/// When `documents` is empty.
#[must_use]
pub fn median_document(documents: &[Document]) -> &Document {
    let mut by_size: Vec<&Document> = documents.iter().collect();
    by_size.sort_by_key(|document| (document.bytes.len(), document.name.clone()));
    by_size[(by_size.len() - 1) / 2]
}

/// A valid OpenID Connect provider document (no errors under the `oidc` profile) of at least
/// `target` bytes and at most a few dozen more: the required members, then a `claims_supported`
/// of generated claim names filling about half of it, then unknown `x_bench_*` string members
/// filling the rest.
#[must_use]
pub fn synthetic_document(target: usize) -> Vec<u8> {
    const HEAD: &str = r#"{"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/authorize","token_endpoint":"https://id.example.com/token","jwks_uri":"https://id.example.com/jwks","response_types_supported":["code","id_token","code id_token"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256","ES256"],"claims_supported":["sub""#;
    let mut json = String::with_capacity(target + 64);
    json.push_str(HEAD);
    let mut claim = 0_usize;
    while json.len() < target / 2 {
        json.push_str(&format!(r#","claim_{claim:06}""#));
        claim += 1;
    }
    json.push(']');
    let mut member = 0_usize;
    // Each member is 52 bytes: stop when one more plus the closing brace would pass `target`,
    // then the last one brings the document to at least `target`.
    while json.len() + 1 < target {
        json.push_str(&format!(
            r#","x_bench_{member:06}":"https://id.example.com/x/{member:06}""#
        ));
        member += 1;
    }
    json.push('}');
    json.into_bytes()
}

/// The directory for results that criterion does not write: `OIDC_DISCOVERY_BENCH_OUT`, else
/// `<target>/oidc-discovery-bench`, where `<target>` is `CARGO_TARGET_DIR` or the directory
/// three levels above the running executable (`target/release/deps/<bench>`).
#[must_use]
pub fn output_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OIDC_DISCOVERY_BENCH_OUT") {
        return PathBuf::from(dir);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("oidc-discovery-bench")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_documents_have_about_the_requested_size() {
        for (label, size) in SCALE_SIZES {
            let document = synthetic_document(size);
            assert!(
                document.len() >= size && document.len() < size + 64,
                "{label}: {} bytes",
                document.len()
            );
            let value: serde_json::Value = serde_json::from_slice(&document).expect(label);
            assert!(value.is_object(), "{label}");
        }
    }

    #[test]
    fn synthetic_documents_are_valid_oidc() {
        use oidc_discovery_validate::{Options, Profile, validate_json};
        for (label, size) in SCALE_SIZES {
            let checked = validate_json(
                &synthetic_document(size),
                Profile::Oidc,
                &Options::default(),
            );
            assert!(checked.report.is_valid(), "{label}: {:?}", checked.report);
        }
    }

    #[test]
    fn the_median_document_is_in_the_middle() {
        let make = |name: &str, len: usize| Document {
            name: name.to_owned(),
            path: PathBuf::from(name),
            bytes: vec![b' '; len],
        };
        let documents = [make("a", 30), make("b", 10), make("c", 20)];
        assert_eq!(median_document(&documents).name, "c");
    }
}
