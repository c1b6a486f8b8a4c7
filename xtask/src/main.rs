//! `cargo xtask`: project automation for oidc-discovery.

use std::process::ExitCode;

mod bench;
mod fuzz;
mod interop;
mod load;
mod tools;

const USAGE: &str = "usage: cargo xtask <command>

  test            run every test: `cargo test --workspace` (property tests included), then
                  the suites behind non-default features, each in its own invocation (none
                  today)
  schema          regenerate the JSON Schema files in docs/schema/
  schema --check  exit non-zero when a file in docs/schema/ is stale
  generate        regenerate every generated file: the schemas, docs/rules.md and
                  docs/corpus-verdicts.md (which needs ../shared/corpus)
  generate --check  exit non-zero when a generated file is stale
  fuzz [--seconds N] [--sanitizer none|address] [TARGET...] [-- LIBFUZZER_ARGS...]
                  run each cargo-fuzz target of fuzz/ for N seconds (default 60; all targets
                  by default) and print executions and coverage per target; installs the
                  nightly toolchain and cargo-fuzz when missing (docs/robustness.md)
  bench [ARGS]    run the benchmarks (`cargo bench -p oidc-discovery-bench [ARGS]`) and
                  print the table of ratios against their baselines (docs/benchmarks.md)
  load [--seconds N] [--rounds N] [--connections N] [--framework NAME]...
                  the loopback load test: wrk (installed with apt-get when missing)
                  against each adapter and a static handler of its framework
  interop [--framework NAME]... [--suite NAME]... [--write-docs]
                  real third-party clients (openid-client, oauth4webapi, the MCP TypeScript
                  SDK, Authlib) against `oidc-discovery serve` on each framework; installs
                  them from npm and PyPI under target/interop/ (Node.js too when the
                  system's is older than 22); --write-docs records the results in
                  docs/interop.md (on demand, not in CI)
  deny            supply chain (deny.toml): `cargo deny check bans licenses sources`, then
                  advisories when the RustSec database can be fetched (needs cargo-deny)
  msrv            `cargo check --workspace` with the toolchain of `rust-version` (needs it:
                  `rustup toolchain install 1.85 --profile minimal`)
  hack            `cargo hack --each-feature check --workspace`: each crate on its own, with
                  each feature (needs cargo-hack)
  vectors         rewrite the PyJWT-signed test tokens of oidc-discovery-signed
                  (crates/oidc-discovery-signed/tests/vectors/pyjwt.json) with make_pyjwt.py;
                  needs python3, installs PyJWT with pip when missing
  vectors --check exit non-zero when pyjwt.json is not what make_pyjwt.py writes";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["test", extra @ ..] => test(extra),
        ["bench", extra @ ..] => bench::run(extra),
        ["load", extra @ ..] => load::run(extra),
        ["interop", extra @ ..] => interop::run(extra),
        ["deny"] => tools::deny(),
        ["msrv"] => tools::msrv(),
        ["hack"] => tools::hack(),
        ["vectors"] => tools::vectors(false),
        ["vectors", "--check"] => tools::vectors(true),
        ["fuzz", extra @ ..] => fuzz::run(extra),
        ["schema"] => generate(&xtask::schema_files()),
        ["schema", "--check"] => check(&xtask::schema_files()),
        ["generate"] => generate(&xtask::all_files()),
        ["generate", "--check"] => check(&xtask::all_files()),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `cargo test --workspace`, then each feature-gated suite in its own cargo invocation (a
/// feature enabled for one run of the workspace would hide the default behaviour).
fn test(extra: &[&str]) -> ExitCode {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // Numbers are kept exactly by default, so no suite needs a feature of serde_json.
    let runs: [&[&str]; 1] = [&["test", "--workspace"]];
    for run in runs {
        eprintln!("$ cargo {}", run.join(" "));
        let status = std::process::Command::new(&cargo)
            .args(run)
            .args(extra)
            .current_dir(xtask::workspace_root())
            .status();
        match status {
            Ok(status) if status.success() => {}
            Ok(_) => return ExitCode::FAILURE,
            Err(error) => {
                eprintln!("error: cannot run cargo: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn generate(files: &[xtask::GeneratedFile]) -> ExitCode {
    match xtask::write(&xtask::workspace_root(), files) {
        Ok(changed) if changed.is_empty() => {
            println!("up to date: {} files", files.len());
            ExitCode::SUCCESS
        }
        Ok(changed) => {
            for path in changed {
                println!("wrote {path}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn check(files: &[xtask::GeneratedFile]) -> ExitCode {
    let stale = xtask::stale(&xtask::workspace_root(), files);
    if stale.is_empty() {
        println!("up to date: {} files", files.len());
        return ExitCode::SUCCESS;
    }
    for file in stale {
        eprintln!("stale: {} (run `{}`)", file.path, file.command);
    }
    ExitCode::FAILURE
}
