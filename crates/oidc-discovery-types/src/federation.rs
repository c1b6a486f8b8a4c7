//! OpenID Federation client registration types (`client_registration_types_supported`).

use crate::open_enum::open_enum;

open_enum! {
    /// An OpenID Federation client registration type, as listed in
    /// `client_registration_types_supported`.
    ///
    /// Values: OpenID Federation 1.0 §5.1.3 (draft 48), where the member is RECOMMENDED. The
    /// value set is extensible.
    pub enum ClientRegistrationType {
        /// The RP is registered on the fly from its Trust Chain, without a registration request.
        Automatic = "automatic", "OpenID Federation 1.0 §5.1.3";
        /// The RP registers at the `federation_registration_endpoint`.
        Explicit = "explicit", "OpenID Federation 1.0 §5.1.3";
    }
}
