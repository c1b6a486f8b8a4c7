//! Checks that need a tool beyond the Rust toolchain: `cargo xtask deny` (cargo-deny),
//! `cargo xtask msrv` (the toolchain of the declared `rust-version`), `cargo xtask hack`
//! (cargo-hack), `cargo xtask vectors` (Python with PyJWT). Each says how to install what it is missing; docs/robustness.md says how long
//! each install and each check takes, and which of them CI runs.

use std::process::{Command, ExitCode, Stdio};

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Runs `program args` in the workspace root, echoing the command; `true` when it succeeds.
fn run(program: &str, args: &[&str], shown: &str) -> bool {
    eprintln!("$ {shown}");
    let status = Command::new(program)
        .args(args)
        .current_dir(xtask::workspace_root())
        .status();
    match status {
        Ok(status) => status.success(),
        Err(error) => {
            eprintln!("error: cannot run {program}: {error}");
            false
        }
    }
}

/// Whether `program args` runs and succeeds, quietly.
fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .current_dir(xtask::workspace_root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn result(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `cargo deny check bans licenses sources` (deny.toml), then `advisories` when the RustSec
/// database can be fetched; without network access to it, advisories are skipped with a
/// message.
pub(crate) fn deny() -> ExitCode {
    let cargo = cargo();
    if !succeeds(&cargo, &["deny", "--version"]) {
        eprintln!(
            "error: cargo-deny is not installed: `cargo install cargo-deny --locked` \
             (about 5 minutes on 2 cores)"
        );
        return ExitCode::FAILURE;
    }
    if !run(
        &cargo,
        &["deny", "check", "bans", "licenses", "sources"],
        "cargo deny check bans licenses sources",
    ) {
        return ExitCode::FAILURE;
    }
    eprintln!("$ cargo deny fetch db");
    if succeeds(&cargo, &["deny", "fetch", "db"]) {
        result(run(
            &cargo,
            &["deny", "check", "--disable-fetch", "advisories"],
            "cargo deny check advisories",
        ))
    } else {
        eprintln!(
            "cargo deny: advisories SKIPPED: the RustSec advisory database cannot be fetched \
             from this machine (no network access to it)"
        );
        ExitCode::SUCCESS
    }
}

/// `cargo check --workspace --locked` (libraries and binaries: what users build) with the
/// toolchain of the workspace's `rust-version`.
pub(crate) fn msrv() -> ExitCode {
    let Some(version) = xtask::rust_version(&xtask::workspace_root()) else {
        eprintln!("error: no `rust-version` in [workspace.package] of Cargo.toml");
        return ExitCode::FAILURE;
    };
    if !succeeds("rustup", &["run", &version, "cargo", "--version"]) {
        eprintln!(
            "error: the Rust {version} toolchain is not installed: \
             `rustup toolchain install {version} --profile minimal`"
        );
        return ExitCode::FAILURE;
    }
    eprintln!("$ cargo +{version} check --workspace --locked");
    // The variables the outer cargo and rustup set would pin the current toolchain.
    let status = Command::new("rustup")
        .args(["run", &version, "cargo", "check", "--workspace", "--locked"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .current_dir(xtask::workspace_root())
        .status();
    result(status.is_ok_and(|status| status.success()))
}

/// `cargo hack --each-feature check --workspace --locked`: every crate built on its own (no
/// feature unification with the rest of the workspace), with no feature, each feature, and all.
pub(crate) fn hack() -> ExitCode {
    let cargo = cargo();
    if !succeeds(&cargo, &["hack", "--version"]) {
        eprintln!(
            "error: cargo-hack is not installed: `cargo install cargo-hack --locked` \
             (about 2 minutes on 2 cores)"
        );
        return ExitCode::FAILURE;
    }
    result(run(
        &cargo,
        &["hack", "--each-feature", "check", "--workspace", "--locked"],
        "cargo hack --each-feature check --workspace --locked",
    ))
}

/// The script that writes the PyJWT vectors of oidc-discovery-signed.
const PYJWT_SCRIPT: &str = "crates/oidc-discovery-signed/tests/vectors/make_pyjwt.py";

/// `make_pyjwt.py` (with `--check`: exit non-zero when the committed vectors are not what it
/// writes). Installs PyJWT and cryptography with pip when they are missing.
pub(crate) fn vectors(check: bool) -> ExitCode {
    if !succeeds("python3", &["--version"]) {
        eprintln!("error: python3 is not installed; the vectors are written by {PYJWT_SCRIPT}");
        return ExitCode::FAILURE;
    }
    if !succeeds("python3", &["-c", "import jwt, cryptography"])
        && !run(
            "python3",
            &["-m", "pip", "install", "--quiet", "pyjwt", "cryptography"],
            "python3 -m pip install --quiet pyjwt cryptography",
        )
    {
        eprintln!(
            "error: PyJWT is missing and could not be installed (pip install pyjwt cryptography)"
        );
        return ExitCode::FAILURE;
    }
    if check {
        result(run(
            "python3",
            &[PYJWT_SCRIPT, "--check"],
            &format!("python3 {PYJWT_SCRIPT} --check"),
        ))
    } else {
        result(run(
            "python3",
            &[PYJWT_SCRIPT],
            &format!("python3 {PYJWT_SCRIPT}"),
        ))
    }
}
