//! Validation profiles: which rules apply, and how severe they are.

use std::fmt;
use std::str::FromStr;

/// A validation profile.
///
/// A profile decides which rules apply and their severity (see [`RULES`](crate::RULES) and
/// `docs/rules.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Profile {
    /// OAuth 2.0 Authorization Server Metadata (RFC 8414).
    OAuth,
    /// OpenID Connect Discovery 1.0 (an OpenID Provider).
    Oidc,
    /// FAPI 2.0 Security Profile: RFC 8414 plus FAPI 2.0's requirements on the authorization
    /// server (PAR, PKCE `S256`, `iss` in responses, strong client authentication, restricted
    /// algorithms, sender-constrained tokens).
    Fapi2,
}

impl Profile {
    /// Every profile.
    pub const ALL: [Self; 3] = [Self::OAuth, Self::Oidc, Self::Fapi2];

    /// The profile's name on the command line and in JSON: `oauth`, `oidc`, `fapi2`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OAuth => "oauth",
            Self::Oidc => "oidc",
            Self::Fapi2 => "fapi2",
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Self::OAuth => 0,
            Self::Oidc => 1,
            Self::Fapi2 => 2,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a profile name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile `{0}` (expected oauth, oidc or fapi2)")]
pub struct UnknownProfile(pub String);

impl FromStr for Profile {
    type Err = UnknownProfile;
    fn from_str(name: &str) -> Result<Self, UnknownProfile> {
        Self::ALL
            .into_iter()
            .find(|profile| profile.as_str() == name)
            .ok_or_else(|| UnknownProfile(name.to_owned()))
    }
}

impl serde::Serialize for Profile {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
