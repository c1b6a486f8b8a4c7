//! OpenID Connect value sets: subject types, claim types, display and prompt values.

use crate::open_enum::open_enum;

open_enum! {
    /// A subject identifier type, as listed in `subject_types_supported`.
    ///
    /// Values: OpenID Connect Core 1.0 §8. The member is REQUIRED in OpenID Connect Discovery 1.0
    /// §3; `public` is the default subject type.
    pub enum SubjectType {
        /// The same `sub` value for every client.
        Public = "public", "OpenID Connect Core 1.0 §8";
        /// A different `sub` value for each sector identifier.
        Pairwise = "pairwise", "OpenID Connect Core 1.0 §8";
    }
}

open_enum! {
    /// A claim type, as listed in `claim_types_supported`.
    ///
    /// Values: OpenID Connect Core 1.0 §5.6. When the member is absent only `normal` claims are
    /// supported (OpenID Connect Discovery 1.0 §3).
    pub enum ClaimType {
        /// Claims asserted directly by the OP.
        Normal = "normal", "OpenID Connect Core 1.0 §5.6";
        /// Claims from another provider, returned by value in a signed JWT.
        Aggregated = "aggregated", "OpenID Connect Core 1.0 §5.6";
        /// Claims from another provider, returned as references to fetch.
        Distributed = "distributed", "OpenID Connect Core 1.0 §5.6";
    }
}

open_enum! {
    /// A value of the `display` authorization request parameter, as listed in
    /// `display_values_supported`.
    ///
    /// Values: OpenID Connect Core 1.0 §3.1.2.1. Named after the parameter; not to be confused
    /// with [`std::fmt::Display`], which this type also implements.
    pub enum Display {
        /// A full user-agent page (the default).
        Page = "page", "OpenID Connect Core 1.0 §3.1.2.1";
        /// A popup user-agent window.
        Popup = "popup", "OpenID Connect Core 1.0 §3.1.2.1";
        /// A device with a touch interface.
        Touch = "touch", "OpenID Connect Core 1.0 §3.1.2.1";
        /// A feature-phone style display.
        Wap = "wap", "OpenID Connect Core 1.0 §3.1.2.1";
    }
}

open_enum! {
    /// A value of the `prompt` authorization request parameter, as listed in
    /// `prompt_values_supported`.
    ///
    /// Values: OpenID Connect Core 1.0 §3.1.2.1 and Initiating User Registration via OpenID
    /// Connect 1.0 §4 (`create`). The member MUST be present, listing every supported value, if
    /// the OP supports `create` (same spec, §4.2).
    pub enum Prompt {
        /// No user interface may be shown.
        None = "none", "OpenID Connect Core 1.0 §3.1.2.1";
        /// The user must re-authenticate.
        Login = "login", "OpenID Connect Core 1.0 §3.1.2.1";
        /// The user must be asked for consent.
        Consent = "consent", "OpenID Connect Core 1.0 §3.1.2.1";
        /// The user must be asked to select an account.
        SelectAccount = "select_account", "OpenID Connect Core 1.0 §3.1.2.1";
        /// The user should be shown an account creation page.
        Create = "create", "Initiating User Registration via OpenID Connect 1.0 §4";
    }
}
