//! `oidc-discovery`: the command-line tool of the `oidc-discovery` workspace.
//!
//! * `oidc-discovery check [--profile oauth|oidc|fapi2] [--issuer ISSUER] [--format text|json]
//!   [--trust-jwks FILE] SOURCE...` validates OpenID Connect Discovery 1.0 / RFC 8414 metadata documents (files,
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
//! fetched at all). The binary holds no validation rule of its own.

mod args;
mod check;
mod render;
mod serve;
mod well_known;

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::render::Paint;

/// The exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// 0: no errors (warnings and notes allowed).
    Success = 0,
    /// 1: the input breaks at least one rule.
    Invalid = 1,
    /// 2: the tool could not do its job.
    Failure = 2,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_color: Option<OsString> = std::env::var_os("NO_COLOR");
    let out_paint = Paint::new(io::stdout().is_terminal(), no_color.as_deref());
    let err_paint = Paint::new(io::stderr().is_terminal(), no_color.as_deref());
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let status = match &cli.command {
        Command::Check(args) => check::run(
            args,
            &mut check::Io {
                stdin: &mut io::stdin().lock(),
                out: &mut out,
                err: &mut err,
                out_paint,
                err_paint,
            },
        ),
        Command::WellKnown(args) => well_known::run(args, &mut out, &mut err, err_paint),
        Command::Serve(args) => {
            drop((out, err));
            serve::run(args, out_paint, err_paint)
        }
    };
    ExitCode::from(status as u8)
}
