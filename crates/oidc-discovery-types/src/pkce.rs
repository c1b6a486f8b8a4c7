//! PKCE code challenge methods (`code_challenge_methods_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// A PKCE code challenge method, as listed in `code_challenge_methods_supported`.
    ///
    /// Values: IANA "PKCE Code Challenge Methods" registry (RFC 7636 §6.2). An absent member means
    /// the server does not support PKCE (RFC 8414 §2). RFC 9700 §2.1.1 recommends `S256`, the only
    /// method that does not expose the code verifier.
    pub enum PkceMethod {
        /// The challenge is the verifier itself.
        Plain = "plain", "RFC 7636 §4.2";
        /// The challenge is the base64url-encoded SHA-256 hash of the verifier. Recommended by
        /// RFC 9700 §2.1.1.
        S256 = "S256", "RFC 7636 §4.2";
    }
}
