//! `cargo xtask load`: the loopback load test of the serving adapters (`docs/benchmarks.md`).
//!
//! For each framework, `wrk` sends the same request over 64 keep-alive connections, in turn to
//! the adapter and to a handler of the same framework returning the same bytes
//! (`oidc-discovery-bench`'s `load-server`, one worker thread each), alternating the two for
//! several rounds; the table gives the median throughput of each and their ratio. `wrk` comes
//! from Debian's packages and is installed with `apt-get` when missing.

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};

const PATH: &str = "/.well-known/openid-configuration";
const FRAMEWORKS: [&str; 3] = ["axum", "actix-web", "warp"];

/// The options of `cargo xtask load`.
struct Options {
    seconds: u32,
    rounds: usize,
    connections: u32,
    /// The frameworks to measure (all by default).
    frameworks: Vec<&'static str>,
}

pub(crate) fn run(args: &[&str]) -> ExitCode {
    let mut options = Options {
        seconds: 5,
        rounds: 3,
        connections: 64,
        frameworks: Vec::new(),
    };
    let usage = "usage: cargo xtask load [--seconds N] [--rounds N] [--connections N] [--framework axum|actix-web|warp]...";
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if *arg == "--framework" {
            match args
                .next()
                .and_then(|name| FRAMEWORKS.iter().find(|f| *f == name))
            {
                Some(framework) => options.frameworks.push(framework),
                None => {
                    eprintln!("{usage}");
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        let value = args.next().and_then(|value| value.parse::<u32>().ok());
        match (*arg, value) {
            ("--seconds", Some(value)) if value > 0 => options.seconds = value,
            ("--rounds", Some(value)) if value > 0 => options.rounds = value as usize,
            ("--connections", Some(value)) if value > 0 => options.connections = value,
            _ => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        }
    }
    if let Err(error) = ensure_wrk() {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    let server = match build_server() {
        Ok(server) => server,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "| framework | status | static req/s | adapter req/s | adapter/static |\n|---|---|---:|---:|---:|"
    );
    if options.frameworks.is_empty() {
        options.frameworks = FRAMEWORKS.to_vec();
    }
    for &framework in &options.frameworks {
        for status in [200, 304] {
            match measure(&server, framework, status, &options) {
                Ok((fixed, adapter)) => println!(
                    "| {framework} | {status} | {fixed:.0} | {adapter:.0} | {:.2}× |",
                    adapter / fixed
                ),
                Err(error) => {
                    eprintln!("error: {framework} {status}: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// Installs `wrk` from Debian's packages when it is not on the `PATH`.
fn ensure_wrk() -> Result<(), String> {
    let found = |program: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {program}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    if found("wrk") {
        return Ok(());
    }
    eprintln!("$ apt-get install wrk");
    let sudo = if found("sudo") { "sudo " } else { "" };
    let status = Command::new("sh")
        .args([
            "-c",
            &format!(
                "{sudo}apt-get install -y -q wrk >/dev/null || ({sudo}apt-get update -q >/dev/null && {sudo}apt-get install -y -q wrk >/dev/null)"
            ),
        ])
        .status()
        .map_err(|error| format!("cannot run apt-get: {error}"))?;
    if status.success() && found("wrk") {
        Ok(())
    } else {
        Err("wrk is not installed and `apt-get install wrk` failed".to_owned())
    }
}

/// Builds `load-server` in the release profile and returns its path.
fn build_server() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let args = [
        "build",
        "--release",
        "-p",
        "oidc-discovery-bench",
        "--bin",
        "load-server",
    ];
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .current_dir(xtask::workspace_root())
        .status()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if !status.success() {
        return Err("cargo build failed".to_owned());
    }
    Ok(xtask::target_dir().join("release").join("load-server"))
}

/// A running `load-server`, killed on drop.
struct Server {
    child: Child,
    address: String,
    etag: String,
}

impl Server {
    fn start(program: &PathBuf, framework: &str, handler: &str) -> Result<Self, String> {
        let mut child = Command::new(program)
            .args([framework, handler, "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", program.display()))?;
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|error| format!("load-server: {error}"))?;
        // `listening on ADDRESS etag ETAG`
        let mut words = line.split_whitespace().skip(2);
        let (Some(address), Some("etag"), Some(etag)) = (words.next(), words.next(), words.next())
        else {
            let _ = child.kill();
            return Err(format!("load-server printed {line:?}"));
        };
        Ok(Self {
            address: address.to_owned(),
            etag: etag.to_owned(),
            child,
        })
    }

    /// The status line's code of one request, sent by hand.
    fn status(&self, if_none_match: Option<&str>) -> Result<u16, String> {
        let conditional = if_none_match
            .map(|etag| format!("If-None-Match: {etag}\r\n"))
            .unwrap_or_default();
        let response = xtask::http_get(&self.address, PATH, &conditional)?;
        response
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| format!("no HTTP response: {response:?}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Median requests per second of the static handler and of the adapter, measured alternately.
fn measure(
    program: &PathBuf,
    framework: &str,
    status: u16,
    options: &Options,
) -> Result<(f64, f64), String> {
    let fixed_handler = if status == 304 {
        "static-304"
    } else {
        "static-200"
    };
    let mut rates = [Vec::new(), Vec::new()];
    for _ in 0..options.rounds {
        for (index, handler) in [fixed_handler, "adapter"].into_iter().enumerate() {
            let server = Server::start(program, framework, handler)?;
            let etag = (status == 304).then_some(server.etag.as_str());
            let answered = server.status(etag)?;
            if answered != status {
                return Err(format!("{handler} answered {answered}, not {status}"));
            }
            let rate = wrk(&server, etag, options)?;
            // Every round, so that the spread behind each median is visible.
            eprintln!("{framework} {status} {handler}: {rate:.0} req/s");
            rates[index].push(rate);
        }
    }
    let [fixed, adapter] = rates.map(median);
    Ok((fixed, adapter))
}

/// One `wrk` run against `server`: requests per second, with every response checked to be a
/// `2xx` or `3xx` and no socket error.
fn wrk(server: &Server, if_none_match: Option<&str>, options: &Options) -> Result<f64, String> {
    let mut command = Command::new("wrk");
    command.args([
        "-t1",
        &format!("-c{}", options.connections),
        &format!("-d{}s", options.seconds),
    ]);
    if let Some(etag) = if_none_match {
        command.args(["-H", &format!("If-None-Match: {etag}")]);
    }
    let output = command
        .arg(format!("http://{}{PATH}", server.address))
        .output()
        .map_err(|error| format!("cannot run wrk: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("wrk failed: {text}"));
    }
    if let Some(line) = text
        .lines()
        .find(|line| line.contains("Non-2xx or 3xx") || line.contains("Socket errors"))
    {
        return Err(format!("wrk: {}", line.trim()));
    }
    text.lines()
        .find_map(|line| line.strip_prefix("Requests/sec:"))
        .and_then(|rate| rate.trim().parse().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk's output: {text}"))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
