//! The validation report: every problem, sorted, serializable.

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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The stable id of the rule (`issuer-https`); see [`RULES`](crate::RULES).
    pub rule: &'static str,
    /// Its severity under the profile the report is for.
    pub severity: Severity,
    /// An RFC 6901 JSON pointer into the document (`/issuer`, `/response_types_supported/2`);
    /// `""` for the whole document.
    pub pointer: String,
    /// What is wrong, for people, naming the values involved.
    pub message: String,
    /// The specification and section the rule comes from.
    pub spec: &'static str,
}

impl Problem {
    /// The rule this problem breaks.
    ///
    /// # Panics
    ///
    /// Never for problems made by this crate (every id is in the registry).
    #[must_use]
    pub fn rule(&self) -> &'static Rule {
        Rule::find(self.rule).expect("problems name registered rules")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(document)"
        } else {
            &self.pointer
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
                .then_with(|| (a.rule, &a.message).cmp(&(b.rule, &b.message)))
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
        self.problems.iter().any(|p| p.rule == id)
    }
}

/// Orders JSON pointers token by token, array indexes numerically (`/x/2` before `/x/10`).
fn pointer_order(a: &str, b: &str) -> std::cmp::Ordering {
    let mut left = a.split('/');
    let mut right = b.split('/');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order != std::cmp::Ordering::Equal {
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
