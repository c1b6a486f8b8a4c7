//! The validation report: every problem, sorted, serializable, and bounded: past
//! [`MAX_REPEATS`] problems of one rule, the rest are counted in one folded problem.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use crate::{Profile, Rule};

/// How many problems of one rule a report lists one by one (fewer for a rule whose
/// [`Rule::max_repeats`] says so): the problems of that rule found after them are folded into
/// one more problem, whose [`Problem::repeats`] counts them and holds the pointers of the first
/// `MAX_REPEATS` of them.
///
/// A hostile document can break one rule once per array element (a megabyte of numbers where
/// strings belong is half a million problems); folding keeps a report, and the memory and the
/// output it takes, bounded by the number of rules rather than the size of the document. The
/// problems past the limit are only counted: their messages and pointers are never built.
/// Counts ([`Report::count`]) and validity ([`Report::is_valid`]) include every problem.
pub const MAX_REPEATS: usize = 10;

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
    /// Set on the one problem that stands for the problems of its rule past the rule's limit
    /// ([`MAX_REPEATS`]): how many there are and where the first of them are. Its `pointer` is
    /// the first of those pointers and its `message` says how many more there are. In JSON,
    /// present only on such a problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<Repeats>,
}

/// The problems of one rule past its limit, folded into one [`Problem`]: counted, with the
/// pointers of the first of them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Repeats {
    /// How many problems the folded problem stands for (all of them counted, none listed).
    pub count: usize,
    /// The pointers of the first [`MAX_REPEATS`] of them (fewer when there are fewer), sorted
    /// like a report's problems.
    pub pointers: Vec<String>,
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
            repeats: None,
        })
    }

    /// How many problems this one stands for: 1, or the count of a folded problem
    /// ([`Problem::repeats`]).
    #[must_use]
    pub fn count(&self) -> usize {
        self.repeats.as_ref().map_or(1, |repeats| repeats.count)
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
            .field("repeats", &self.repeats)
            .finish()
    }
}

impl fmt::Display for Problem {
    /// `error: /issuer: message [rule; spec]`; a folded problem as
    /// `error: … and 12 more at /x/10, /x/11, … [rule; spec]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(repeats) = &self.repeats {
            return write!(
                f,
                "{}: … and {} [{}; {}]",
                self.severity, repeats, self.rule, self.spec
            );
        }
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
    /// A report of `problems` under `profile`, sorted, deduplicated and folded like every
    /// report (for tools that add problems of their own, such as a failed retrieval, or merge
    /// reports: folded problems merge with the problems and folds of their rule).
    #[must_use]
    pub fn new(profile: Profile, problems: Vec<Problem>) -> Self {
        let mut collector = Collector::new(profile);
        for problem in problems {
            collector.push(problem);
        }
        collector.finish()
    }

    /// Whether no problem is an error (warnings and notes are allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.count(Severity::Error) == 0
    }

    /// How many problems have this severity, counting every problem a folded problem stands
    /// for.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .map(Problem::count)
            .sum()
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

/// The text of a problem's pointer or message, built only when the report keeps it: a
/// `String`, a `&str`, or a closure that returns the `String` (for checks that may find a
/// problem per array element, where most of them are only counted).
pub(crate) trait Text {
    /// The text.
    fn into_text(self) -> String;
}

impl Text for String {
    fn into_text(self) -> String {
        self
    }
}

impl Text for &str {
    fn into_text(self) -> String {
        self.to_owned()
    }
}

impl<F: FnOnce() -> String> Text for F {
    fn into_text(self) -> String {
        self()
    }
}

/// Where a report's problems are collected, folding each rule's problems past its limit as
/// they arrive (so that those cost neither a message nor, past the pointers a fold keeps, a
/// pointer).
#[derive(Debug)]
pub(crate) struct Collector {
    profile: Profile,
    /// The problems listed one by one, unsorted.
    listed: Vec<Problem>,
    /// Per rule met so far: how many of its problems are listed, and its fold.
    tallies: Vec<Tally>,
}

#[derive(Debug)]
struct Tally {
    rule: &'static Rule,
    listed: usize,
    fold: Option<Fold>,
}

/// The problems of a rule past its limit.
#[derive(Debug)]
struct Fold {
    severity: Severity,
    /// The citation of the first of them.
    spec: &'static str,
    count: usize,
    pointers: Vec<String>,
}

impl Collector {
    pub(crate) fn new(profile: Profile) -> Self {
        Self {
            profile,
            listed: Vec::new(),
            tallies: Vec::new(),
        }
    }

    /// The tally of `rule`. Reports meet few rules and a check reports one rule many times
    /// in a row, so the search starts from the most recent rule.
    fn tally(&mut self, rule: &'static Rule) -> &mut Tally {
        let found = self
            .tallies
            .iter()
            .rposition(|tally| tally.rule == rule)
            .unwrap_or_else(|| {
                self.tallies.push(Tally {
                    rule,
                    listed: 0,
                    fold: None,
                });
                self.tallies.len() - 1
            });
        &mut self.tallies[found]
    }

    /// Records a problem of `rule` under the collector's profile, unless the rule does not
    /// apply there; `pointer` and `message` are built only if it is listed (and `pointer` only
    /// if it is among the first a fold keeps).
    pub(crate) fn add(
        &mut self,
        rule: &'static Rule,
        spec: &'static str,
        pointer: impl Text,
        message: impl Text,
    ) {
        if let Some(severity) = rule.severity(self.profile) {
            // Made visible as `Problem::new` makes it (a problem given to `push` already is).
            self.record(rule, severity, spec, pointer, || {
                visible_message(message.into_text())
            });
        }
    }

    /// Records a problem made elsewhere, merging a folded one into the fold of its rule.
    pub(crate) fn push(&mut self, problem: Problem) {
        let Problem {
            rule,
            severity,
            pointer,
            message,
            spec,
            repeats,
        } = problem;
        match repeats {
            None => self.record(rule, severity, spec, pointer, || message),
            Some(repeats) => {
                let tally = self.tally(rule);
                let fold = tally.fold.get_or_insert_with(|| Fold {
                    severity,
                    spec,
                    count: 0,
                    pointers: Vec::new(),
                });
                fold.count += repeats.count;
                let room = MAX_REPEATS - fold.pointers.len();
                fold.pointers
                    .extend(repeats.pointers.into_iter().take(room));
            }
        }
    }

    fn record(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        spec: &'static str,
        pointer: impl Text,
        message: impl FnOnce() -> String,
    ) {
        let tally = self.tally(rule);
        if tally.listed < rule.max_repeats.min(MAX_REPEATS) {
            tally.listed += 1;
            self.listed.push(Problem {
                rule,
                severity,
                pointer: pointer.into_text(),
                message: message(),
                spec,
                repeats: None,
            });
            return;
        }
        let fold = tally.fold.get_or_insert_with(|| Fold {
            severity,
            spec,
            count: 0,
            pointers: Vec::new(),
        });
        fold.count += 1;
        if fold.pointers.len() < MAX_REPEATS {
            fold.pointers.push(pointer.into_text());
        }
    }

    /// The report: the listed problems in the order of every report (errors first, then by
    /// pointer, rule id and message), without duplicates, each fold right after the last
    /// listed problem of its rule.
    pub(crate) fn finish(self) -> Report {
        let Self {
            profile,
            mut listed,
            tallies,
        } = self;
        listed.sort_by(|a, b| {
            a.severity
                .cmp(&b.severity)
                .then_with(|| pointer_order(&a.pointer, &b.pointer))
                .then_with(|| (a.rule.id, &a.message).cmp(&(b.rule.id, &b.message)))
        });
        listed.dedup();
        for tally in tallies {
            let Some(mut fold) = tally.fold else {
                continue;
            };
            fold.pointers.sort_by(|a, b| pointer_order(a, b));
            let repeats = Repeats {
                count: fold.count,
                pointers: fold.pointers,
            };
            let problem = Problem {
                rule: tally.rule,
                severity: fold.severity,
                pointer: repeats.pointers.first().cloned().unwrap_or_default(),
                // `pointer_list` makes the pointers visible.
                message: format!(
                    "{} more problems of this rule, not listed one by one, at {}",
                    repeats.count,
                    repeats.pointer_list()
                ),
                spec: fold.spec,
                repeats: Some(repeats),
            };
            // After the last listed problem of the rule; where the rule has none listed, where
            // its first pointer sorts.
            let at = listed
                .iter()
                .rposition(|listed| listed.rule == tally.rule && listed.severity == fold.severity)
                .map_or_else(
                    || {
                        listed.partition_point(|listed| {
                            listed.severity < problem.severity
                                || (listed.severity == problem.severity
                                    && pointer_order(&listed.pointer, &problem.pointer)
                                        != Ordering::Greater)
                        })
                    },
                    |last| last + 1,
                );
            listed.insert(at, problem);
        }
        Report {
            profile,
            problems: listed,
        }
    }
}

impl Repeats {
    /// The pointers, for people: `(document)` for the empty one, each made
    /// [`visible`](crate::visible), comma-separated and followed by `, …` when there are more
    /// problems than pointers: `/x/10, /x/11, …`.
    #[must_use]
    pub fn pointer_list(&self) -> String {
        let mut list = String::new();
        for (index, pointer) in self.pointers.iter().enumerate() {
            if index > 0 {
                list.push_str(", ");
            }
            if pointer.is_empty() {
                list.push_str("(document)");
            } else {
                list.push_str(&crate::visible(pointer));
            }
        }
        if self.count > self.pointers.len() {
            list.push_str(", …");
        }
        list
    }
}

impl fmt::Display for Repeats {
    /// `12 more at /x/10, /x/11, …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} more at {}", self.count, self.pointer_list())
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
    use std::cell::Cell;
    use std::cmp::Ordering;

    use proptest::prelude::*;

    use super::{Collector, MAX_REPEATS, Problem, Report, Severity, pointer_order};
    use crate::Profile;
    use crate::rules::{DUPLICATE_VALUE, HTTP_LOOPBACK, MEMBER_NULL, WITHDRAWN_MEMBER};

    /// Past the limit a problem is only counted: its message is never built, and its pointer
    /// only for the first `MAX_REPEATS` of the fold.
    #[test]
    fn problems_past_the_limit_cost_no_text() {
        let (pointers, messages) = (Cell::new(0), Cell::new(0));
        let mut collector = Collector::new(Profile::Oidc);
        for index in 0..1000 {
            collector.add(
                &DUPLICATE_VALUE,
                DUPLICATE_VALUE.spec,
                || {
                    pointers.set(pointers.get() + 1);
                    format!("/x/{index}")
                },
                || {
                    messages.set(messages.get() + 1);
                    format!("m{index}")
                },
            );
        }
        collector.add(&MEMBER_NULL, "S", "/y", "null");
        let report = collector.finish();
        assert_eq!(messages.get(), MAX_REPEATS);
        assert_eq!(pointers.get(), 2 * MAX_REPEATS);
        assert_eq!(report.count(Severity::Warning), 1001);
        assert!(report.is_valid());
        // The listed ones, then the fold, then the next pointer.
        assert_eq!(report.problems.len(), MAX_REPEATS + 2);
        let fold = &report.problems[MAX_REPEATS];
        let repeats = fold.repeats.as_ref().unwrap();
        assert_eq!(repeats.count, 1000 - MAX_REPEATS);
        assert_eq!(repeats.pointers.len(), MAX_REPEATS);
        assert_eq!(repeats.pointers[0], format!("/x/{MAX_REPEATS}"));
        assert_eq!(fold.pointer, repeats.pointers[0]);
        assert_eq!(fold.spec, DUPLICATE_VALUE.spec);
        assert!(
            fold.message.starts_with(
                "990 more problems of this rule, not listed one by one, at /x/10, /x/11,"
            ),
            "{}",
            fold.message
        );
        assert!(fold.message.ends_with(", /x/19, …"), "{}", fold.message);
        assert_eq!(report.problems[MAX_REPEATS + 1].pointer, "/y");
        assert_eq!(
            fold.to_string(),
            format!(
                "warning: … and 990 more at {} [duplicate-value; {}]",
                repeats.pointer_list(),
                DUPLICATE_VALUE.spec
            )
        );
    }

    /// Merging reports (as signed-metadata verification does) adds folds to folds and keeps
    /// the counts.
    #[test]
    fn reports_merge_their_folds() {
        let report = |from: usize, n: usize| {
            let problems = (from..from + n)
                .filter_map(|index| {
                    Problem::new(&WITHDRAWN_MEMBER, Profile::OAuth, format!("/w{index}"), "m")
                })
                .collect();
            Report::new(Profile::OAuth, problems)
        };
        let first = report(0, 15);
        let second = report(100, 12);
        assert_eq!(first.count(Severity::Info), 15);
        let mut problems = first.problems.clone();
        problems.extend(second.problems.clone());
        let merged = Report::new(Profile::OAuth, problems);
        assert_eq!(merged.count(Severity::Info), 27);
        assert_eq!(merged.problems.len(), MAX_REPEATS + 1);
        let repeats = merged.problems[MAX_REPEATS].repeats.as_ref().unwrap();
        assert_eq!(repeats.count, 27 - MAX_REPEATS);
        assert_eq!(repeats.pointers.len(), MAX_REPEATS);
        // Merging a report with itself is idempotent for what is listed (duplicates go).
        let again = Report::new(Profile::OAuth, first.problems.clone());
        assert_eq!(again, first);
    }

    /// Problems made by the checks are as visible as those of `Problem::new`, folded ones
    /// included.
    #[test]
    fn collected_text_is_visible() {
        let mut collector = Collector::new(Profile::Oidc);
        for index in 0..=MAX_REPEATS {
            collector.add(
                &MEMBER_NULL,
                MEMBER_NULL.spec,
                format!("/\u{1b}[2K{index}"),
                "\u{1b}[2K",
            );
        }
        let report = collector.finish();
        assert_eq!(report.problems[0].message, "\\u{1b}[2K");
        let fold = &report.problems[MAX_REPEATS];
        assert!(!fold.message.contains('\u{1b}'), "{}", fold.message);
        assert!(!fold.to_string().contains('\u{1b}'), "{fold}");
    }

    /// A rule that says the same of every member lists its first problem and folds the rest.
    #[test]
    fn a_rule_may_list_fewer() {
        assert_eq!(HTTP_LOOPBACK.max_repeats, 1);
        let mut collector = Collector::new(Profile::Oidc);
        for member in ["issuer", "b", "a"] {
            collector.add(
                &HTTP_LOOPBACK,
                HTTP_LOOPBACK.spec,
                format!("/{member}"),
                "loopback",
            );
        }
        let report = collector.finish();
        let pointers: Vec<&str> = report.problems.iter().map(|p| p.pointer.as_str()).collect();
        assert_eq!(pointers, ["/issuer", "/a"]);
        assert_eq!(
            report.problems[1].repeats.as_ref().unwrap().pointers,
            ["/a", "/b"]
        );
        assert_eq!(report.count(Severity::Warning), 3);
    }

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
