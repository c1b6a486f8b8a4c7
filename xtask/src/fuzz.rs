//! `cargo xtask fuzz --seconds N [--sanitizer S] [TARGET...] [-- LIBFUZZER_ARGS...]`: runs each
//! cargo-fuzz target of `fuzz/` for a bounded time and prints executions and coverage per target.
//!
//! Installs what is missing (the nightly toolchain through rustup, `cargo-fuzz` through
//! `cargo install`). The metadata targets start from the shared corpus of real documents (read
//! only; new inputs go to `fuzz/corpus/<target>`) and the metadata dictionary.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--sanitizer none|address] [TARGET...] [-- LIBFUZZER_ARGS...]";

/// Targets that read a metadata document: seeded with the corpus, with the dictionary.
const DOCUMENT_TARGETS: [&str; 2] = ["parse_validate", "cli_check"];

/// What one run of one target did.
struct Outcome {
    target: String,
    executions: Option<u64>,
    per_second: Option<u64>,
    coverage: Option<String>,
    features: Option<String>,
    corpus: Option<String>,
    peak_rss_mb: Option<u64>,
    result: String,
    crashed: bool,
}

pub(crate) fn run(args: &[&str]) -> ExitCode {
    let (ours, libfuzzer) = match args.iter().position(|arg| *arg == "--") {
        Some(split) => (&args[..split], &args[split + 1..]),
        None => (args, &[][..]),
    };
    let mut seconds: u64 = 60;
    let mut sanitizer = "none";
    let mut targets: Vec<String> = Vec::new();
    let mut rest = ours.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--seconds" => match rest.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => seconds = n,
                _ => return usage("--seconds needs a positive number"),
            },
            "--sanitizer" => match rest.next() {
                Some(name) => sanitizer = name,
                None => return usage("--sanitizer needs a name"),
            },
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            target => targets.push(target.to_owned()),
        }
    }

    let root = xtask::workspace_root();
    let fuzz = root.join("fuzz");
    if let Err(error) = ensure_tools() {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    let known = match list_targets(&fuzz) {
        Ok(known) => known,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    if targets.is_empty() {
        targets.clone_from(&known);
    }
    if let Some(unknown) = targets.iter().find(|target| !known.contains(target)) {
        return usage(&format!(
            "no fuzz target {unknown} (targets: {})",
            known.join(", ")
        ));
    }

    eprintln!("$ cargo +nightly fuzz build --sanitizer {sanitizer}");
    let built = cargo()
        .args(["+nightly", "fuzz", "build", "--sanitizer", sanitizer])
        .current_dir(&fuzz)
        .status();
    if !built.is_ok_and(|status| status.success()) {
        eprintln!("error: the fuzz targets do not build");
        return ExitCode::FAILURE;
    }

    let corpus = oidc_discovery_corpus::directory();
    let mut outcomes = Vec::new();
    for target in &targets {
        let own = fuzz.join("corpus").join(target);
        if let Err(error) = std::fs::create_dir_all(&own) {
            eprintln!("error: cannot create {}: {error}", own.display());
            return ExitCode::FAILURE;
        }
        let mut command = cargo();
        command
            .args(["+nightly", "fuzz", "run", target, "--sanitizer", sanitizer])
            .arg(&own);
        let mut flags = vec![
            format!("-max_total_time={seconds}"),
            "-print_final_stats=1".to_owned(),
        ];
        if DOCUMENT_TARGETS.contains(&target.as_str()) {
            for seeds in ["real", "seeds"] {
                let seeds = corpus.join(seeds);
                if seeds.is_dir() {
                    command.arg(seeds);
                }
            }
            flags.push(format!(
                "-dict={}",
                fuzz.join("dictionaries/metadata.dict").display()
            ));
        }
        flags.extend(libfuzzer.iter().map(|flag| (*flag).to_owned()));
        command.arg("--").args(&flags).current_dir(&fuzz);
        eprintln!(
            "$ cargo +nightly fuzz run {target} … -- {}",
            flags.join(" ")
        );
        let (success, log) = match run_logged(&mut command) {
            Ok(run) => run,
            Err(error) => {
                eprintln!("error: cannot run cargo fuzz: {error}");
                return ExitCode::FAILURE;
            }
        };
        let log_path = fuzz.join("artifacts").join(format!("{target}.log"));
        if let Some(parent) = log_path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&log_path, log.as_bytes());
        let outcome = summarize(target, &log, success, &log_path);
        eprintln!(
            "{target}: {} executions, {}",
            show(outcome.executions),
            outcome.result
        );
        outcomes.push(outcome);
    }

    println!(
        "\n| Target | Seconds | Executions | Exec/s | Coverage (edges) | Features | Corpus | Peak RSS | Result |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---:|---|");
    for outcome in &outcomes {
        println!(
            "| `{}` | {seconds} | {} | {} | {} | {} | {} | {} | {} |",
            outcome.target,
            show(outcome.executions),
            show(outcome.per_second),
            outcome.coverage.as_deref().unwrap_or("?"),
            outcome.features.as_deref().unwrap_or("?"),
            outcome.corpus.as_deref().unwrap_or("?"),
            outcome
                .peak_rss_mb
                .map_or_else(|| "?".to_owned(), |mb| format!("{mb} MB")),
            outcome.result,
        );
    }
    if outcomes.iter().any(|outcome| outcome.crashed) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `cargo` from `PATH` (the rustup proxy, so that `+nightly` works), without the variables
/// of the stable `cargo` that runs xtask.
fn cargo() -> Command {
    let mut command = Command::new("cargo");
    command.env_remove("CARGO").env_remove("RUSTUP_TOOLCHAIN");
    command
}

/// Runs `command`, showing libFuzzer's progress lines (the periodic `pulse`, the final `DONE`,
/// crashes) and returning whether it succeeded and its whole standard error.
fn run_logged(command: &mut Command) -> std::io::Result<(bool, String)> {
    use std::io::BufRead;
    let mut child = command.stderr(Stdio::piped()).spawn()?;
    let mut log = String::new();
    if let Some(stderr) = child.stderr.take() {
        for line in std::io::BufReader::new(stderr).lines() {
            let line = line?;
            let shown = line.contains("pulse")
                || line.contains("DONE")
                || line.starts_with("INFO: Seed")
                || line.contains("panicked")
                || line.contains("ERROR")
                || line.contains("Test unit written")
                || line.starts_with("error");
            if shown {
                eprintln!("{line}");
            }
            log.push_str(&line);
            log.push('\n');
        }
    }
    Ok((child.wait()?.success(), log))
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn show(number: Option<u64>) -> String {
    number.map_or_else(|| "?".to_owned(), |n| n.to_string())
}

/// The nightly toolchain and cargo-fuzz, installed when missing.
fn ensure_tools() -> Result<(), String> {
    let has_nightly = Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !has_nightly {
        eprintln!("$ rustup toolchain install nightly --profile minimal");
        let installed = Command::new("rustup")
            .args(["toolchain", "install", "nightly", "--profile", "minimal"])
            .status()
            .is_ok_and(|status| status.success());
        if !installed {
            return Err(
                "cargo fuzz needs the nightly toolchain, and rustup could not install it".into(),
            );
        }
    }
    let has_fuzz = cargo()
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !has_fuzz {
        eprintln!("$ cargo install cargo-fuzz --locked");
        let installed = cargo()
            .args(["install", "cargo-fuzz", "--locked"])
            .status()
            .is_ok_and(|status| status.success());
        if !installed {
            return Err("cannot install cargo-fuzz".into());
        }
    }
    Ok(())
}

fn list_targets(fuzz: &Path) -> Result<Vec<String>, String> {
    let output = cargo()
        .args(["+nightly", "fuzz", "list"])
        .current_dir(fuzz)
        .output()
        .map_err(|error| format!("cannot run cargo fuzz list: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo fuzz list failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect())
}

/// The numbers of libFuzzer's final `DONE` line and `-print_final_stats` block.
fn summarize(target: &str, log: &str, success: bool, log_path: &Path) -> Outcome {
    let stat = |name: &str| -> Option<u64> {
        log.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
    };
    // `#126119	DONE   cov: 2304 ft: 3433 corp: 698/12121b lim: 86 exec/s: 11465 rss: 38Mb`,
    // or the last status line when the run ended early.
    let last = log
        .lines()
        .rev()
        .find(|line| line.starts_with('#') && line.contains("cov:"));
    let field = |name: &str| -> Option<String> {
        let line = last?;
        let mut words = line.split_whitespace();
        words.find(|word| *word == name)?;
        words.next().map(str::to_owned)
    };
    let artifact: Option<PathBuf> = log.lines().find_map(|line| {
        let (_, path) = line.split_once("Test unit written to ")?;
        Some(PathBuf::from(path.trim()))
    });
    let result = if success {
        "no crash".to_owned()
    } else if let Some(artifact) = artifact {
        format!("crash: {}", artifact.display())
    } else {
        format!("failed (see {})", log_path.display())
    };
    Outcome {
        target: target.to_owned(),
        executions: stat("stat::number_of_executed_units:"),
        per_second: stat("stat::average_exec_per_sec:"),
        coverage: field("cov:"),
        features: field("ft:"),
        corpus: field("corp:"),
        peak_rss_mb: stat("stat::peak_rss_mb:"),
        result,
        crashed: !success,
    }
}
