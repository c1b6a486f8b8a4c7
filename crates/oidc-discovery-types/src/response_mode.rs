//! Response modes (`response_modes_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// How the authorization response is returned to the client, as listed in
    /// `response_modes_supported`.
    ///
    /// No IANA registry exists: values come from OAuth 2.0 Multiple Response Type Encoding
    /// Practices, Form Post Response Mode, JARM and OpenID for Verifiable Presentations. When the
    /// member is absent the effective value is `["query", "fragment"]` (OpenID Connect Discovery
    /// 1.0 §3, RFC 8414 §2).
    pub enum ResponseMode {
        /// Parameters in the query component of the redirect URI.
        Query = "query", "OAuth 2.0 Multiple Response Type Encoding Practices §2.1";
        /// Parameters in the fragment component of the redirect URI.
        Fragment = "fragment", "OAuth 2.0 Multiple Response Type Encoding Practices §2.1";
        /// Parameters in an auto-submitted HTML form POSTed to the redirect URI.
        FormPost = "form_post", "OAuth 2.0 Form Post Response Mode §2";
        /// A JARM JWT (`response` parameter) in the query component.
        QueryJwt = "query.jwt", "JARM §2.3.1";
        /// A JARM JWT in the fragment component.
        FragmentJwt = "fragment.jwt", "JARM §2.3.2";
        /// A JARM JWT in an auto-submitted HTML form POST.
        FormPostJwt = "form_post.jwt", "JARM §2.3.3";
        /// JARM shortcut: `query.jwt` for `code`, `fragment.jwt` for `token` and the other
        /// multiple-response types except `none`.
        Jwt = "jwt", "JARM §2.3.4";
        /// The wallet POSTs the response to the `response_uri`.
        DirectPost = "direct_post", "OpenID for Verifiable Presentations 1.0 §8.2";
        /// Encrypted variant of `direct_post`.
        DirectPostJwt = "direct_post.jwt", "OpenID for Verifiable Presentations 1.0 §8.3.1";
        /// Response returned through the W3C Digital Credentials API.
        DcApi = "dc_api", "OpenID for Verifiable Presentations 1.0 Appendix A";
        /// Encrypted variant of `dc_api`.
        DcApiJwt = "dc_api.jwt", "OpenID for Verifiable Presentations 1.0 Appendix A";
    }
}

impl ResponseMode {
    /// Whether this is one of the four JARM response modes (`query.jwt`, `fragment.jwt`,
    /// `form_post.jwt`, `jwt`; JARM §2.3).
    ///
    /// The OpenID for Verifiable Presentations modes `direct_post.jwt` and `dc_api.jwt` are
    /// encrypted responses, not JARM modes, and return `false`.
    #[must_use]
    pub fn is_jarm(&self) -> bool {
        matches!(
            self,
            Self::QueryJwt | Self::FragmentJwt | Self::FormPostJwt | Self::Jwt
        )
    }
}
