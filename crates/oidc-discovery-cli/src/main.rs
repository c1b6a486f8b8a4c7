//! `oidc-discovery`: the command-line tool of the `oidc-discovery` workspace. Everything it does
//! is in the `oidc_discovery_cli` library; this is the process around it.

fn main() -> std::process::ExitCode {
    oidc_discovery_cli::main()
}
