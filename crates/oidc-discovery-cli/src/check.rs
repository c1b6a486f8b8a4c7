//! `oidc-discovery check`: read each source (fetching URLs with `oidc-discovery-client`),
//! validate it with `oidc-discovery-validate` (and, with `--trust-jwks`, verify its signed
//! metadata with `oidc-discovery-signed`), print the reports.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use oidc_discovery_client::{Client, Config};
use oidc_discovery_metadata::{DocumentKind, ProviderMetadata};
use oidc_discovery_signed::{IssuerPolicy, TrustedKeys, Verifier};
use oidc_discovery_validate::{Checked, IssuerMatchOptions, Profile, Report, visible};

use crate::Status;
use crate::args::{CheckArgs, Format};
use crate::input::{read_bounded, read_file};
use crate::render::{self, Excerpt, Paint};

/// Where the streams go; standard input and output in `main`, buffers in tests.
pub(crate) struct Io<'a> {
    /// Standard input, for the source `-`.
    pub(crate) stdin: &'a mut dyn Read,
    /// Reports.
    pub(crate) out: &'a mut dyn Write,
    /// Messages about sources that could not be read.
    pub(crate) err: &'a mut dyn Write,
    /// Colours for `out`.
    pub(crate) out_paint: Paint,
    /// Colours for `err`.
    pub(crate) err_paint: Paint,
}

/// One thing to check, after directories have been expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// Standard input (`-`).
    Stdin,
    /// A local file; the string is how it is named in output.
    File(PathBuf, String),
    /// An `http` or `https` URL, as given.
    Url(String),
    /// A source that cannot be checked: its name and why.
    Unusable(String, String),
}

/// Turns the `SOURCE` arguments into targets: a directory becomes its `*.json` files (sorted,
/// not recursive).
fn expand(sources: &[OsString]) -> Vec<Target> {
    let mut targets = Vec::new();
    let mut stdin_seen = false;
    for source in sources {
        let name = source.to_string_lossy().into_owned();
        if source == "-" {
            if stdin_seen {
                targets.push(Target::Unusable(
                    name,
                    "standard input can be checked only once per call".to_owned(),
                ));
            } else {
                stdin_seen = true;
                targets.push(Target::Stdin);
            }
        } else if is_url(&name) {
            targets.push(Target::Url(name));
        } else {
            let path = PathBuf::from(source);
            if path.is_dir() {
                match json_files(&path) {
                    Ok(files) if files.is_empty() => targets.push(Target::Unusable(
                        name,
                        "the directory has no *.json file".to_owned(),
                    )),
                    Ok(files) => targets.extend(files.into_iter().map(|file| {
                        let shown = file.display().to_string();
                        Target::File(file, shown)
                    })),
                    Err(error) => targets.push(Target::Unusable(name, error.to_string())),
                }
            } else {
                targets.push(Target::File(path, name));
            }
        }
    }
    targets
}

/// Whether a source names an `http` or `https` URL.
fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The `*.json` files of a directory (not its subdirectories), sorted by name.
fn json_files(directory: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(directory)? {
        let path = entry?.path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
            && path.is_file()
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// What a readable source gives: its report, and the text of a document that does not parse.
struct Judgement {
    /// The text of a document that does not parse, for the excerpt under its syntax error.
    unparsed: Option<Bytes>,
    /// The report.
    report: Report,
}

impl Judgement {
    fn of(checked: Checked, text: impl Into<Bytes>) -> Self {
        Self {
            unparsed: checked.metadata.is_none().then(|| text.into()),
            report: checked.report,
        }
    }
}

/// The HTTP client for URL sources and the runtime it runs on, made for the first URL.
struct Fetcher {
    runtime: tokio::runtime::Runtime,
    client: Client,
}

impl Fetcher {
    fn new(config: &Config) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| format!("cannot start the HTTP client: {error}"))?;
        let client = {
            let _context = runtime.enter();
            Client::with_config(config.clone()).map_err(|error| error.to_string())?
        };
        Ok(Self { runtime, client })
    }

    /// Retrieves and judges `url` (a metadata URL, or the issuer or resource identifier of
    /// one: [`Client::check_url`]). A retrieval that breaks a rule is judged too (its report
    /// says which); one where the tool could not do its job (an unusable URL, no connection)
    /// is `Err`.
    fn check(
        &self,
        url: &str,
        profile: Profile,
        issuer: Option<&str>,
    ) -> Result<Judgement, String> {
        match self
            .runtime
            .block_on(self.client.check_url(url, profile, issuer))
        {
            Ok(checkup) => Ok(Judgement::of(
                checkup.judged.checked,
                checkup.retrieved.body,
            )),
            Err(error) => match error.to_report(profile) {
                Some(report) => Ok(Judgement {
                    unparsed: None,
                    report,
                }),
                None => Err(error.to_string()),
            },
        }
    }
}

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, io: &mut Io<'_>) -> Status {
    match run_inner(args, io) {
        Ok(status) => status,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Status::Failure,
        Err(error) => {
            let _ = writeln!(
                io.err,
                "{} cannot write the report: {error}",
                io.err_paint.error_label()
            );
            Status::Failure
        }
    }
}

/// Runs `check`; errors are those of writing the output.
fn run_inner(args: &CheckArgs, io: &mut Io<'_>) -> io::Result<Status> {
    let profile = Profile::from(args.profile);
    if let Some(flag) = issuer_flag_without_issuer(args, profile) {
        writeln!(
            io.err,
            "{} {flag} compares a provider's issuer; under --profile {profile} a protected \
             resource's `resource` is compared with the URL it is fetched from, and a file's \
             is not compared",
            io.err_paint.error_label(),
        )?;
        return Ok(Status::Failure);
    }
    let mut config = Config::default();
    config.issuer_match = IssuerMatchOptions {
        ignore_trailing_slash: args.allow_trailing_slash,
        tenant_template: args.allow_tenant_template,
    };
    if let Some(path) = &args.trust_jwks {
        match trusted_keys(path) {
            Ok(keys) => {
                config = config
                    .require_signed_metadata(Verifier::new(keys, IssuerPolicy::document_issuer()));
            }
            Err(reason) => {
                writeln!(
                    io.err,
                    "{} cannot use the trusted JWK Set {}: {}",
                    io.err_paint.error_label(),
                    visible(&path.display().to_string()),
                    visible(&reason)
                )?;
                return Ok(Status::Failure);
            }
        }
    }
    let options = config.options(args.issuer.clone());
    let judge = |text: Vec<u8>| Judgement::of(config.judge(&text, profile, &options).checked, text);
    let targets = expand(&args.sources);
    let several = targets.len() > 1;
    let mut fetcher: Option<Result<Fetcher, String>> = None;
    let (mut valid, mut invalid, mut unreadable) = (0, 0, 0);
    for target in &targets {
        let (source, read) = match target {
            Target::Stdin => ("-", read_bounded(io.stdin).map(judge)),
            Target::File(path, name) => (name.as_str(), read_file(path).map(judge)),
            Target::Url(url) => {
                let read = fetcher
                    .get_or_insert_with(|| Fetcher::new(&config))
                    .as_ref()
                    .map_err(Clone::clone)
                    .and_then(|fetcher| fetcher.check(url, profile, args.issuer.as_deref()));
                (url.as_str(), read)
            }
            Target::Unusable(name, reason) => (name.as_str(), Err(reason.clone())),
        };
        let Judgement { unparsed, report } = match read {
            Ok(judgement) => judgement,
            Err(reason) => {
                unreadable += 1;
                writeln!(
                    io.err,
                    "{} cannot check {}: {}",
                    io.err_paint.error_label(),
                    render::display_source(source),
                    visible(&reason)
                )?;
                continue;
            }
        };
        let excerpt = match (&unparsed, args.format) {
            (Some(text), Format::Text) => syntax_excerpt(text),
            _ => None,
        };
        if report.is_valid() {
            valid += 1;
        } else {
            invalid += 1;
        }
        match args.format {
            Format::Json => io
                .out
                .write_all(render::json_report(&report, source).as_bytes())?,
            Format::Text => {
                if several && valid + invalid > 1 {
                    io.out.write_all(b"\n")?;
                }
                io.out.write_all(
                    render::text_report(&report, source, excerpt.as_ref(), io.out_paint).as_bytes(),
                )?;
            }
        }
    }
    if several && args.format == Format::Text {
        io.out.write_all(b"\n")?;
        io.out
            .write_all(render::overall_summary(valid, invalid, unreadable).as_bytes())?;
    }
    io.out.flush()?;
    Ok(if unreadable > 0 {
        Status::Failure
    } else if invalid > 0 {
        Status::Invalid
    } else {
        Status::Success
    })
}

/// The first flag of the issuer comparison given with a profile whose documents have no issuer
/// (a protected resource's: its `resource` is compared only with the URL it was fetched from).
fn issuer_flag_without_issuer(args: &CheckArgs, profile: Profile) -> Option<&'static str> {
    if profile.document_kind() == DocumentKind::Provider {
        return None;
    }
    [
        (args.issuer.is_some(), "--issuer"),
        (args.allow_trailing_slash, "--allow-trailing-slash"),
        (args.allow_tenant_template, "--allow-tenant-template"),
    ]
    .into_iter()
    .find_map(|(given, flag)| given.then_some(flag))
}

/// The signature keys of the JWK Set in `path` (`--trust-jwks`).
fn trusted_keys(path: &Path) -> Result<TrustedKeys, String> {
    let text = crate::input::read_text_file(path)?;
    TrustedKeys::from_jwks_json(&text).map_err(|error| error.to_string())
}

/// The source line and caret of a document that does not parse, at the position the parser
/// reports (the same parser the validator uses, so the same position as its message); `None`
/// for a document that parses.
fn syntax_excerpt(bytes: &[u8]) -> Option<Excerpt> {
    let error = ProviderMetadata::from_json_slice(bytes).err()?;
    Excerpt::new(bytes, error.line(), error.column())
}

#[cfg(test)]
mod tests {
    use crate::args::ProfileArg;

    use super::*;

    struct Run {
        status: Status,
        out: String,
        err: String,
    }

    fn check(sources: &[&str], format: Format, stdin: &str) -> Run {
        let args = CheckArgs {
            profile: ProfileArg::Oidc,
            issuer: None,
            allow_trailing_slash: false,
            allow_tenant_template: false,
            format,
            trust_jwks: None,
            sources: sources.iter().map(OsString::from).collect(),
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(
            &args,
            &mut Io {
                stdin: &mut stdin.as_bytes(),
                out: &mut out,
                err: &mut err,
                out_paint: Paint::PLAIN,
                err_paint: Paint::PLAIN,
            },
        );
        Run {
            status,
            out: String::from_utf8(out).unwrap(),
            err: String::from_utf8(err).unwrap(),
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let directory =
            std::env::temp_dir().join(format!("oidc-discovery-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&directory);
        std::fs::create_dir_all(&directory).unwrap();
        directory
    }

    #[test]
    fn urls_are_recognized() {
        assert!(is_url("https://a.example"));
        assert!(is_url("HTTP://a.example/x"));
        assert!(!is_url("https.json"));
        assert!(!is_url("./https://x"));
        assert!(!is_url("é"));
    }

    #[test]
    fn a_directory_is_its_json_files_sorted() {
        let directory = scratch("expand");
        for name in ["b.json", "a.json", "c.txt", "D.JSON"] {
            std::fs::write(directory.join(name), "{}").unwrap();
        }
        std::fs::create_dir(directory.join("sub.json")).unwrap();
        let targets = expand(&[directory.clone().into_os_string()]);
        let names: Vec<PathBuf> = targets
            .iter()
            .map(|target| match target {
                Target::File(path, _) => path.strip_prefix(&directory).unwrap().to_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(names, [PathBuf::from("a.json"), PathBuf::from("b.json")]);
        std::fs::remove_dir_all(directory).unwrap();
    }

    #[test]
    fn an_empty_directory_cannot_be_checked() {
        let directory = scratch("empty");
        let run = check(&[directory.to_str().unwrap()], Format::Text, "");
        assert_eq!(run.status, Status::Failure);
        assert!(run.err.contains("no *.json file"), "{}", run.err);
        std::fs::remove_dir_all(directory).unwrap();
    }

    #[test]
    fn urls_are_fetched_not_opened() {
        let targets = expand(&["https://a.example".into(), "http://x/.well-known/y".into()]);
        assert_eq!(
            targets,
            [
                Target::Url("https://a.example".to_owned()),
                Target::Url("http://x/.well-known/y".to_owned())
            ]
        );
    }

    #[test]
    fn stdin_once() {
        let targets = expand(&["-".into(), "-".into()]);
        assert_eq!(targets[0], Target::Stdin);
        assert!(matches!(targets[1], Target::Unusable(..)));
    }

    #[test]
    fn stdin_with_a_syntax_error_shows_the_line() {
        let run = check(&["-"], Format::Text, "{\n  \"issuer\": ,\n}");
        assert_eq!(run.status, Status::Invalid);
        assert!(run.out.contains("    2 |   \"issuer\": ,\n"), "{}", run.out);
        assert!(run.out.contains("      |             ^\n"), "{}", run.out);
        assert!(run.out.ends_with("— standard input\n"), "{}", run.out);
    }

    #[test]
    fn documents_larger_than_the_limit_are_not_read() {
        let limit = crate::input::max_input_bytes();
        let over = format!("{{\"x\": \"{}\"}}", "a".repeat(limit));
        let run = check(&["-"], Format::Json, &over);
        assert_eq!(run.status, Status::Failure);
        assert!(run.out.is_empty(), "{}", run.out);
        assert!(
            run.err
                .contains("cannot check standard input: it is larger than 1024 KiB"),
            "{}",
            run.err
        );

        let directory = scratch("large");
        let file = directory.join("large.json");
        std::fs::write(&file, over.as_bytes()).unwrap();
        let run = check(&[file.to_str().unwrap(), "-"], Format::Text, "{}");
        assert_eq!(run.status, Status::Failure);
        assert!(
            run.err.contains("large.json: it is larger than 1024 KiB"),
            "{}",
            run.err
        );
        assert!(run.out.contains("1 invalid, 1 unreadable"), "{}", run.out);
        std::fs::remove_dir_all(directory).unwrap();
    }

    #[test]
    fn unreadable_wins_and_the_others_are_still_checked() {
        let run = check(&["-", "/nonexistent/x.json"], Format::Json, "[]");
        assert_eq!(run.status, Status::Failure);
        assert_eq!(run.out.lines().count(), 1);
        assert!(run.err.contains("/nonexistent/x.json"), "{}", run.err);
    }

    #[test]
    fn several_sources_in_text_end_with_the_overall_line() {
        // An issuer URL without a host: no well-known URL can be built, nothing is fetched.
        let run = check(&["-", "https://"], Format::Text, "{");
        assert_eq!(run.status, Status::Failure);
        assert!(
            run.out
                .ends_with("\n2 sources: 0 valid, 1 invalid, 1 unreadable\n"),
            "{}",
            run.out
        );
        assert!(run.err.contains("cannot check https://: "), "{}", run.err);
    }
}
