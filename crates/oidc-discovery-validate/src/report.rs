//! The validation report: every problem, sorted, serializable.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use crate::{Profile, Rule};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// A rule the specification states as a requirement is broken; the document must not be
    /// used (or served) as is.
    Error,
    /// Something a specification recommends against, or that breaks clients in practice.
    Warning,
    /// A note: worth knowing, not wrong.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem found in a document.
///
/// Problems are made by [`Problem::new`], which takes the severity from the registry, so a
/// problem's severity is always its rule's under the profile.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// The rule the problem breaks; in JSON, its stable id (`issuer-https`). See
    /// [`RULES`](crate::RULES).
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static Rule,
    /// Its severity under the profile the report is for.
    pub severity: Severity,
    /// An RFC 6901 JSON pointer into the document (`/issuer`, `/response_types_supported/2`);
    /// `""` for the whole document.
    pub pointer: String,
    /// What is wrong, for people, naming the values involved; safe to print: the control and
    /// bidirectional characters of those values are escaped ([`visible`](crate::visible)).
    pub message: String,
    /// The specification and section this problem comes from: the rule's citation, or the
    /// part of it that defines the member at hand when the rule spans several specifications.
    pub spec: &'static str,
}

fn rule_id<S: serde::Serializer>(rule: &&'static Rule, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(rule.id)
}

impl Problem {
    /// A problem breaking `rule` under `profile`, with the rule's severity there and its
    /// citation; `None` when the rule does not apply under `profile`.
    ///
    /// `pointer` and `message` are converted only when the rule applies. The message is made
    /// [`visible`](crate::visible): whatever it quotes from a document, it holds no character a
    /// terminal obeys. The pointer stays as it is, a pointer into the document; print it with
    /// [`visible`](crate::visible) (as this type's `Display` does).
    #[must_use]
    pub fn new(
        rule: &'static Rule,
        profile: Profile,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Option<Self> {
        let severity = rule.severity(profile)?;
        Some(Self {
            rule,
            severity,
            pointer: pointer.into(),
            message: visible_message(message.into()),
            spec: rule.spec,
        })
    }

    /// The problem citing `spec` instead of the rule's general citation: the specification
    /// (and section) that defines the member at hand, for rules that span several.
    #[must_use]
    pub fn citing(mut self, spec: &'static str) -> Self {
        self.spec = spec;
        self
    }
}

/// `message` with its hidden characters and backslashes escaped, reusing it when it has none.
fn visible_message(message: String) -> String {
    match crate::visible(&message) {
        Cow::Borrowed(_) => message,
        Cow::Owned(escaped) => escaped,
    }
}

impl fmt::Debug for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("rule", &self.rule.id)
            .field("severity", &self.severity)
            .field("pointer", &self.pointer)
            .field("message", &self.message)
            .field("spec", &self.spec)
            .finish()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            Cow::Borrowed("(document)")
        } else {
            crate::visible(&self.pointer)
        };
        write!(
            f,
            "{}: {pointer}: {} [{}; {}]",
            self.severity, self.message, self.rule, self.spec
        )
    }
}

/// The outcome of validating one document under one profile: every problem, in a fixed order
/// (errors first, then by pointer, rule id and message).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The profile the document was validated for.
    pub profile: Profile,
    /// The problems, sorted.
    pub problems: Vec<Problem>,
}

impl Report {
    /// A report of `problems` under `profile`, sorted and deduplicated like every report (for
    /// tools that add problems of their own, such as a failed retrieval).
    #[must_use]
    pub fn new(profile: Profile, mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| {
            a.severity
                .cmp(&b.severity)
                .then_with(|| pointer_order(&a.pointer, &b.pointer))
                .then_with(|| (a.rule.id, &a.message).cmp(&(b.rule.id, &b.message)))
        });
        problems.dedup();
        Self { profile, problems }
    }

    /// Whether no problem is an error (warnings and notes are allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.count(Severity::Error) == 0
    }

    /// How many problems have this severity.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// The problems of this severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Problem> + '_ {
        self.problems.iter().filter(move |p| p.severity == severity)
    }

    /// Whether some problem breaks the rule `id`.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.problems.iter().any(|p| p.rule.id == id)
    }
}

/// Orders JSON pointers token by token, array indexes numerically (`/x/2` before `/x/10`).
fn pointer_order(a: &str, b: &str) -> Ordering {
    // The tokens before the last `/` the two have in common are equal: only the token after it
    // needs comparing (without splitting, which sorting a report would otherwise do a lot).
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    if common == a.len() && common == b.len() {
        return Ordering::Equal;
    }
    // (In bytes: `common` may fall inside a character; a `/` is one byte, so `start` is a
    // character boundary.)
    let start = a.as_bytes()[..common]
        .iter()
        .rposition(|&byte| byte == b'/')
        .map_or(0, |slash| slash + 1);
    let (x, y) = (token_at(a, start), token_at(b, start));
    if x == y {
        // The difference is right after this token: one pointer ends, the other goes on.
        return a.len().cmp(&b.len());
    }
    match (index(x), index(y)) {
        (Some(i), Some(j)) if i != j => i.cmp(&j),
        // The same index spelled differently (`01`, `1`): compare every token.
        (Some(_), Some(_)) => by_tokens(a, b),
        _ => x.cmp(y),
    }
}

/// The token of `pointer` that starts at byte `start`.
fn token_at(pointer: &str, start: usize) -> &str {
    let rest = &pointer[start..];
    // A plain loop: tokens are short, and `str::find` costs more to set up than this.
    let end = rest.bytes().position(|byte| byte == b'/');
    &rest[..end.unwrap_or(rest.len())]
}

/// The token as an array index, if it is one.
fn index(token: &str) -> Option<u64> {
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// [`pointer_order`] by its definition, token by token from the start.
fn by_tokens(a: &str, b: &str) -> Ordering {
    let mut left = a.split('/');
    let mut right = b.split('/');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        write!(
            f,
            "{}: {} errors, {} warnings, {} notes",
            self.profile,
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        )
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use proptest::prelude::*;

    use super::pointer_order;

    /// The order by definition: token by token from the start, indexes numerically (written
    /// independently of `by_tokens`).
    fn reference(a: &str, b: &str) -> Ordering {
        let left: Vec<&str> = a.split('/').collect();
        let right: Vec<&str> = b.split('/').collect();
        for (x, y) in left.iter().zip(&right) {
            let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                (Ok(x), Ok(y)) => x.cmp(&y),
                _ => x.cmp(y),
            };
            if order != Ordering::Equal {
                return order;
            }
        }
        left.len().cmp(&right.len())
    }

    #[test]
    fn indexes_order_numerically_and_names_lexically() {
        for (a, b, expected) in [
            ("/x/2", "/x/10", Ordering::Less),
            ("/x/10", "/x/2", Ordering::Greater),
            ("/a", "/a-x", Ordering::Less),
            ("/a/x", "/a-x", Ordering::Less),
            ("/a", "/a/0", Ordering::Less),
            ("", "/a", Ordering::Less),
            ("/a/1/b", "/a/1/b", Ordering::Equal),
            ("/a/19", "/a/1x", Ordering::Less),
            ("/a/01/b", "/a/1/c", Ordering::Less),
            ("/a/01", "/a/1", Ordering::Equal),
            (
                "/claims_supported",
                "/registration_endpoint",
                Ordering::Less,
            ),
            ("/x/\u{e9}", "/x/\u{e8}", Ordering::Greater),
        ] {
            assert_eq!(pointer_order(a, b), expected, "{a} vs {b}");
        }
    }

    proptest! {
        #[test]
        fn skipping_the_common_prefix_keeps_the_order(
            a in "(/[ab0-3~\u{e8}\u{e9}-]{0,3}){0,4}",
            b in "(/[ab0-3~\u{e8}\u{e9}-]{0,3}){0,4}",
        ) {
            prop_assert_eq!(pointer_order(&a, &b), reference(&a, &b));
        }
    }
}
