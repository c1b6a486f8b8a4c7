//! The `oidc-discovery` command-line tool, as a library: [`run`] takes a command line and the
//! streams to use, and returns the exit status; the binary is [`main`] around it.
//!
//! * `oidc-discovery check [--profile oauth|oidc|fapi2|resource] [--issuer ISSUER] [--format text|json]
//!   [--trust-jwks FILE] SOURCE...` validates OpenID Connect Discovery 1.0 / RFC 8414 metadata
//!   documents, or under `resource` RFC 9728 protected-resource metadata (files,
//!   directories of `*.json` files, `-` for standard input, or http(s) URLs fetched with
//!   `oidc-discovery-client`) with `oidc-discovery-validate` and prints every problem: a
//!   readable report, or one JSON object per source. With `--trust-jwks FILE` it also requires
//!   `signed_metadata` and verifies it with the keys of that JWK Set (`oidc-discovery-signed`).
//! * `oidc-discovery well-known [--format text|json] ISSUER` prints the two well-known
//!   metadata URLs of an issuer.
//! * `oidc-discovery serve [--framework axum|actix-web|warp] [--listen ADDR] [--metadata FILE]`
//!   serves a document (by default an embedded example provider) through one of the three
//!   framework adapters, until Ctrl-C.
//!
//! Exit status: 0 no errors; 1 a document or its retrieval breaks a rule (or an issuer is not
//! usable); 2 the tool could not do its job (bad arguments, a source that cannot be read or
//! fetched at all).
//!
//! The tool reads, calls and renders: every decision about a document (its profile, its
//! problems, how a retrieval failure is reported) is made by the libraries it calls.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod args;
mod check;
mod input;
mod render;
mod serve;
mod well_known;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::render::Paint;

/// The exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: no errors (warnings and notes allowed); also `--help` and `--version`.
    Success = 0,
    /// 1: the input breaks at least one rule.
    Invalid = 1,
    /// 2: the tool could not do its job.
    Failure = 2,
}

impl Status {
    /// The process exit code: 0, 1 or 2.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        Self::from(status.code())
    }
}

/// The streams a run reads and writes, and whether each output is coloured.
pub struct Io<'a> {
    /// Standard input, for the source `-` of `check`.
    pub stdin: &'a mut dyn Read,
    /// Standard output: reports, URLs, help.
    pub stdout: &'a mut dyn Write,
    /// Standard error: sources that cannot be read, usage errors.
    pub stderr: &'a mut dyn Write,
    /// Colour standard output with ANSI escapes ([`main`] does when it is a terminal and
    /// `NO_COLOR` is unset or empty).
    pub colour_stdout: bool,
    /// Colour standard error likewise.
    pub colour_stderr: bool,
}

impl std::fmt::Debug for Io<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Io")
            .field("colour_stdout", &self.colour_stdout)
            .field("colour_stderr", &self.colour_stderr)
            .finish_non_exhaustive()
    }
}

/// Runs the command line `args` (the first item is the program name) on `io`.
///
/// A command line that does not parse writes clap's usage error to `io.stderr` and is
/// [`Status::Failure`]; `--help` and `--version` write to `io.stdout` and are
/// [`Status::Success`].
///
/// ```
/// use oidc_discovery_cli::{Io, Status, run};
///
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let status = run(
///     ["oidc-discovery", "check", "--format", "json", "-"],
///     &mut Io {
///         stdin: &mut &b"[]"[..],
///         stdout: &mut stdout,
///         stderr: &mut stderr,
///         colour_stdout: false,
///         colour_stderr: false,
///     },
/// );
/// assert_eq!(status, Status::Invalid);
/// assert!(String::from_utf8(stdout)?.contains("\"rule\":\"json-not-object\""));
/// # Ok::<(), std::string::FromUtf8Error>(())
/// ```
pub fn run<I, T>(args: I, io: &mut Io<'_>) -> Status
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let (out_paint, err_paint) = (Paint::new(io.colour_stdout), Paint::new(io.colour_stderr));
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return usage(&error, io),
    };
    match &cli.command {
        Command::Check(args) => check::run(
            args,
            &mut check::Io {
                stdin: &mut *io.stdin,
                out: &mut *io.stdout,
                err: &mut *io.stderr,
                out_paint,
                err_paint,
            },
        ),
        Command::WellKnown(args) => well_known::run(args, io.stdout, io.stderr, err_paint),
        Command::Serve(args) => serve::run(args, io.stdout, io.stderr, out_paint, err_paint),
    }
}

/// What clap says about a command line that does not parse, or the help or version it asked
/// for, written where clap would print it.
fn usage(error: &clap::Error, io: &mut Io<'_>) -> Status {
    let rendered = error.render();
    let (stream, colour) = if error.use_stderr() {
        (&mut *io.stderr, io.colour_stderr)
    } else {
        (&mut *io.stdout, io.colour_stdout)
    };
    let text = if colour {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let _ = stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush());
    if error.exit_code() == 0 {
        Status::Success
    } else {
        Status::Failure
    }
}

/// The `oidc-discovery` process: [`run`] on its arguments and standard streams, colouring each
/// output that is a terminal unless `NO_COLOR` is set and not empty.
#[must_use]
pub fn main() -> ExitCode {
    let no_color: Option<OsString> = std::env::var_os("NO_COLOR");
    let (stdin, stdout, stderr) = (io::stdin(), io::stdout(), io::stderr());
    let colour_stdout = render::wants_colour(stdout.is_terminal(), no_color.as_deref());
    let colour_stderr = render::wants_colour(stderr.is_terminal(), no_color.as_deref());
    run(
        std::env::args_os(),
        &mut Io {
            stdin: &mut stdin.lock(),
            stdout: &mut &stdout,
            stderr: &mut &stderr,
            colour_stdout,
            colour_stderr,
        },
    )
    .into()
}

/// The excerpt `check` shows under a syntax error at a 1-based `line` and byte `column` of
/// `source`, uncoloured, or `None` when there is nothing sensible to show. For the fuzz
/// targets, which probe positions the parser never reports; not part of the API.
#[doc(hidden)]
#[must_use]
pub fn source_excerpt(source: &[u8], line: usize, column: usize) -> Option<String> {
    render::Excerpt::new(source, line, column).map(|excerpt| excerpt.render(Paint::new(false)))
}
