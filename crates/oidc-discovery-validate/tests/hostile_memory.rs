//! Peak heap while validating hostile documents stays within a small multiple of their size.
//!
//! A single test in its own binary, because the counting allocator sees every thread. dhat's
//! peak only grows, so the cases run from the smallest expected peak to the largest and each
//! asserts the peak so far.

use oidc_discovery_validate::{Options, Profile, validate_json};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const MIB: usize = 1024 * 1024;

/// Validates `bytes` under every profile and returns the peak heap so far, in bytes.
fn peak_after(bytes: &[u8]) -> usize {
    for profile in Profile::ALL {
        let checked = validate_json(bytes, profile, &Options::default());
        std::hint::black_box(checked);
    }
    dhat::HeapStats::get().max_bytes
}

/// `{prefix}{item}{sep}{item}…{suffix}` with `n` items, built in place (no intermediate list,
/// so that building a document does not raise the peak above what validating it does).
fn document(prefix: &str, item: &str, n: usize, suffix: &str) -> Vec<u8> {
    let mut text = String::with_capacity(prefix.len() + (item.len() + 1) * n + suffix.len());
    text.push_str(prefix);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(item);
    }
    text.push_str(suffix);
    text.into_bytes()
}

/// Builds one document.
type Build<'a> = dyn Fn() -> Vec<u8> + 'a;

#[test]
fn peak_heap_is_linear_in_the_document() {
    let _profiler = dhat::Profiler::builder().testing().build();

    // (what, document, allowed peak), from the smallest peak to the largest; each document is
    // built just before it is measured and dropped after.
    let name = "n".repeat(64 * 1024);
    let cases: [(&str, &Build<'_>, usize); 9] = [
        ("100,000 `[`", &|| "[".repeat(100_000).into_bytes(), MIB),
        (
            "100,000 `[` in a member",
            &|| format!("{{\"x\":{}", "[".repeat(100_000)).into_bytes(),
            MIB,
        ),
        (
            "a 64 KiB member name, twice",
            &|| format!("{{\"{name}\": 1, \"{name}\": 2}}").into_bytes(),
            2 * MIB,
        ),
        (
            // About 1 MiB; each repeat of a name noted by the parse costs nothing.
            "175,000 repeats of a one-letter member",
            &|| document("{", "\"a\":1", 175_000, "}"),
            4 * MIB,
        ),
        (
            "100,000 duplicate members",
            &|| document("{", "\"issuer\":\"https://a.example\"", 100_000, "}"),
            16 * MIB,
        ),
        (
            "100,000 numbers in an unknown member",
            &|| document("{\"x\":[", "0", 100_000, "]}"),
            24 * MIB,
        ),
        (
            // A problem each, all but the first `MAX_REPEATS` only counted.
            "100,000 numbers in a known member",
            &|| document("{\"scopes_supported\":[", "1", 100_000, "]}"),
            4 * MIB,
        ),
        (
            "524,000 numbers in a known member: 1 MiB",
            &|| document("{\"response_types_supported\":[", "1", 524_000, "]}"),
            16 * MIB,
        ),
        (
            "262,000 repeats of one value (a warning each)",
            &|| document("{\"claims_supported\":[", "\"a\"", 262_000, "]}"),
            24 * MIB,
        ),
    ];
    for (what, build, allowed) in cases {
        let bytes = build();
        let peak = peak_after(&bytes);
        eprintln!(
            "{what}: {} bytes in, peak heap so far {peak} bytes",
            bytes.len()
        );
        assert!(
            peak <= allowed,
            "{what}: peak heap {peak} bytes, more than {allowed} for {} bytes of input",
            bytes.len()
        );
    }
}
