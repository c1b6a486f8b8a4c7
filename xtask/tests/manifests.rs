//! Every crate inherits the workspace's package settings, `rust-version` (the MSRV that
//! `cargo xtask msrv` checks, and that clippy's `incompatible_msrv` lint and cargo's resolver
//! read) first of all.

use std::path::PathBuf;

fn manifests() -> Vec<PathBuf> {
    let root = xtask::workspace_root();
    let mut manifests: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .map(|entry| entry.expect("an entry").path().join("Cargo.toml"))
        .filter(|path| path.exists())
        .collect();
    manifests.push(root.join("xtask/Cargo.toml"));
    manifests.sort();
    manifests
}

#[test]
fn the_workspace_declares_rust_1_85() {
    assert_eq!(
        xtask::rust_version(&xtask::workspace_root()).as_deref(),
        Some("1.85")
    );
}

#[test]
fn every_crate_inherits_rust_version_and_edition() {
    let manifests = manifests();
    assert!(manifests.len() >= 13, "{manifests:?}");
    for manifest in manifests {
        let text = std::fs::read_to_string(&manifest).expect("a manifest");
        for line in [
            "rust-version.workspace = true",
            "edition.workspace = true",
            "license.workspace = true",
        ] {
            assert!(
                text.lines().any(|l| l.trim() == line),
                "{}: missing `{line}`",
                manifest.display()
            );
        }
    }
}
