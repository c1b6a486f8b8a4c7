//! `oidc-discovery check -` on arbitrary standard input: what the CLI does with the bytes of
//! one document, with the CLI's own output code.
//!
//! The CLI crate is a binary, so its `render` module (reports, and the source excerpt under a
//! syntax error) is compiled into this target as it is, and the per-document steps of
//! `check::run_inner` are repeated here: `validate_json`, then for a document that does not
//! parse the excerpt at the parser's position, then the text or JSON report.
//!
//! Invariants: nothing panics; the JSON report is one line of JSON whose `valid` agrees with the
//! report; the text report ends with the summary line naming standard input; excerpts at any
//! position near the error are built or refused, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, validate_json};

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/oidc-discovery-cli/src/render.rs"]
mod render;

use render::{Excerpt, Paint};

fuzz_target!(|bytes: &[u8]| {
    let error = ProviderMetadata::from_json_slice(bytes).err();
    for profile in Profile::ALL {
        let checked = validate_json(bytes, profile, &Options::default());
        // `check::syntax_excerpt`: the parser's position in the source.
        let excerpt = error
            .as_ref()
            .and_then(|error| Excerpt::new(bytes, error.line(), error.column()));
        assert_eq!(checked.metadata.is_none(), error.is_some());

        let json = render::json_report(&checked.report, "-");
        assert!(
            json.ends_with('\n') && json.matches('\n').count() == 1,
            "{json}"
        );
        let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
        assert_eq!(value["valid"], checked.report.is_valid());
        assert_eq!(value["source"], "-");

        for paint in [Paint::new(false, None), Paint::new(true, None)] {
            let text = render::text_report(&checked.report, "-", excerpt.as_ref(), paint);
            assert!(text.ends_with("— standard input\n"), "{text}");
        }
    }
    // Excerpts around the reported position, and at the corners of the input.
    if let Some(error) = &error {
        let (line, column) = (error.line(), error.column());
        for (line, column) in [
            (line, column.saturating_sub(1)),
            (line, column + 1),
            (line, column + 200),
            (line + 1, column),
            (1, bytes.len()),
            (1, bytes.len() + 1),
            (usize::MAX, usize::MAX),
        ] {
            let _ = Excerpt::new(bytes, line, column);
        }
    }
});
