//! CIBA token delivery modes (`backchannel_token_delivery_modes_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// A Client-Initiated Backchannel Authentication token delivery mode, as listed in
    /// `backchannel_token_delivery_modes_supported`.
    ///
    /// Values: OpenID Connect CIBA Core 1.0 §5; the member itself is defined in §4 and is
    /// required for CIBA OPs (one or more values).
    pub enum TokenDeliveryMode {
        /// The client polls the token endpoint.
        Poll = "poll", "OpenID Connect CIBA Core 1.0 §5";
        /// The OP notifies the client, which then calls the token endpoint.
        Ping = "ping", "OpenID Connect CIBA Core 1.0 §5";
        /// The OP sends the tokens to the client notification endpoint.
        Push = "push", "OpenID Connect CIBA Core 1.0 §5";
    }
}
