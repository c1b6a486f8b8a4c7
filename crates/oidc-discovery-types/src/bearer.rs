//! Bearer token presentation methods (`bearer_methods_supported`, RFC 9728 §2).

use crate::open_enum::open_enum;

open_enum! {
    /// How a protected resource accepts a bearer access token, as listed in
    /// `bearer_methods_supported` of protected resource metadata (RFC 9728 §2).
    ///
    /// Values: the presentation methods of RFC 6750 §2. No registry exists; other values keep
    /// their text (a real document lists `form`, which RFC 6750 calls `body`). An empty list is
    /// meaningful: no bearer method is supported (RFC 9728 §2).
    pub enum BearerMethod {
        /// `Authorization: Bearer <token>` request header. The only method the MCP authorization
        /// specification permits.
        Header = "header", "RFC 6750 §2.1";
        /// `access_token` parameter in an `application/x-www-form-urlencoded` request body.
        Body = "body", "RFC 6750 §2.2";
        /// `access_token` URI query parameter (discouraged by RFC 6750 §2.3 and dropped by
        /// OAuth 2.1).
        Query = "query", "RFC 6750 §2.3";
    }
}
