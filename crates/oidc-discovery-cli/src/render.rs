//! Output: text reports for people, JSON for programs, and the source excerpt under a syntax
//! error.
//!
//! Everything here returns `String`s and decides nothing about validity: the report comes
//! from `oidc-discovery-validate` as is. Every untrusted string (a pointer, a file name, a URL,
//! a line of a document) is shown [`visible`]: a document cannot write to the terminal.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io;

use anstyle::{AnsiColor, Style};
use oidc_discovery_validate::{Problem, Profile, Report, Severity, is_hidden, visible};
use serde::Serialize;

/// Whether to colour a stream, and the colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paint {
    enabled: bool,
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default().bold();
const VALID: Style = AnsiColor::Green.on_default().bold();
const POINTER: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const CARET: Style = AnsiColor::Red.on_default().bold();

impl Paint {
    /// No colour at all.
    #[cfg(test)]
    pub(crate) const PLAIN: Self = Self { enabled: false };

    /// Colour, or not.
    pub(crate) const fn new(enabled: bool) -> Self {
        Self { enabled }
    }

    /// `text` in `style`, or `text` alone without colour.
    pub(crate) fn paint(self, style: Style, text: &str) -> String {
        if self.enabled && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    /// `error:` for messages on standard error.
    pub(crate) fn error_label(self) -> String {
        self.paint(ERROR, "error:")
    }

    /// `text` in bold.
    pub(crate) fn bold(self, text: &str) -> String {
        self.paint(POINTER, text)
    }

    /// `text` dimmed (a rule and its citation).
    pub(crate) fn dim(self, text: &str) -> String {
        self.paint(DIM, text)
    }

    /// `text` in the error style.
    pub(crate) fn error(self, text: &str) -> String {
        self.paint(ERROR, text)
    }
}

/// Whether to colour a stream: when it is a terminal and `NO_COLOR` is unset or empty
/// (<https://no-color.org>).
pub(crate) fn wants_colour(is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// One line of the source with a caret under a column, to show where a syntax error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Excerpt {
    /// The line number, from 1.
    line: usize,
    /// The line as shown (control, bidirectional and invisible characters, tabs included,
    /// made [`visible`], long lines cut around the caret).
    text: String,
    /// The spaces before the caret.
    indent: String,
}

/// Lines longer than this (in characters) are cut to a window around the caret.
const MAX_EXCERPT_CHARS: usize = 100;
/// How many characters of a cut line come before the caret.
const CONTEXT_BEFORE: usize = 40;

impl Excerpt {
    /// The excerpt of `source` at a 1-based line and 1-based byte column (as
    /// `oidc_discovery_metadata::ParseError` gives them), or `None` when there is nothing
    /// sensible to show: no position, a line past the end, or a source that is not text.
    pub(crate) fn new(source: &[u8], line: usize, column: usize) -> Option<Self> {
        if line == 0 || column == 0 || source.contains(&0) {
            return None;
        }
        let raw = source.split(|&byte| byte == b'\n').nth(line - 1)?;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        // The characters of the line with the byte offset each starts at; bytes that are not
        // UTF-8 become U+FFFD, as a lossy conversion would. Walked again for each use rather
        // than collected: a line can be a megabyte long, and only the window shown is kept.
        let chars = || {
            raw.utf8_chunks().flat_map(move |chunk| {
                let start = chunk.valid().as_ptr() as usize - raw.as_ptr() as usize;
                let invalid = (!chunk.invalid().is_empty())
                    .then_some((start + chunk.valid().len(), char::REPLACEMENT_CHARACTER));
                chunk
                    .valid()
                    .char_indices()
                    .map(move |(offset, character)| (start + offset, character))
                    .chain(invalid)
            })
        };
        let count = chars().count();
        let offset = column - 1;
        // The character holding the byte at `offset` (or the end of the line).
        let caret = if offset >= raw.len() {
            count
        } else {
            chars()
                .take_while(|(start, _)| *start <= offset)
                .count()
                .saturating_sub(1)
        };
        let (from, to) = if count > MAX_EXCERPT_CHARS {
            let from = caret.saturating_sub(CONTEXT_BEFORE);
            (from, (from + MAX_EXCERPT_CHARS).min(count))
        } else {
            (0, count)
        };
        let slice = |from: usize, to: usize| -> String {
            chars()
                .skip(from)
                .take(to.saturating_sub(from))
                .map(|(_, character)| character)
                .collect()
        };
        // The window as shown, and the caret under the first character of the part from the
        // caret on: how a character is escaped depends only on it and what follows it, so the
        // shown window ends with the shown rest.
        let window = slice(from, to);
        let rest = slice(caret.min(to), to);
        let shown = visible(&window);
        let before = shown.chars().count() - visible(&rest).chars().count();
        let mut text = String::new();
        let mut indent = String::new();
        if from > 0 {
            text.push('…');
            indent.push(' ');
        }
        text.push_str(&shown);
        indent.push_str(&" ".repeat(before));
        if to < count {
            text.push('…');
        }
        Some(Self { line, text, indent })
    }

    /// Two lines, rustc style: `   3 | <line>` and `     |   ^`.
    pub(crate) fn render(&self, paint: Paint) -> String {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        format!(
            "    {} {}\n    {} {}\n",
            paint.paint(DIM, &format!("{number} |")),
            self.text,
            paint.paint(DIM, &format!("{gutter} |")),
            format_args!("{}{}", self.indent, paint.paint(CARET, "^")),
        )
    }
}

/// How a source is named in text output: a file name or URL [made visible](visible), or
/// `standard input`.
pub(crate) fn display_source(source: &str) -> Cow<'_, str> {
    if source == "-" {
        Cow::Borrowed("standard input")
    } else {
        visible(source)
    }
}

/// The text report of one source: the problems grouped by severity, then the summary line.
/// `excerpt` goes under the first problem about the whole document (a syntax error).
pub(crate) fn text_report(
    report: &Report,
    source: &str,
    excerpt: Option<&Excerpt>,
    paint: Paint,
) -> String {
    let mut out = String::new();
    let mut excerpt = excerpt;
    for (severity, heading, style) in [
        (Severity::Error, "errors", ERROR),
        (Severity::Warning, "warnings", WARNING),
        (Severity::Info, "notes", NOTE),
    ] {
        let mut problems = report.with_severity(severity).peekable();
        if problems.peek().is_none() {
            continue;
        }
        out.push_str(&paint.paint(style, heading));
        out.push('\n');
        for problem in problems {
            out.push_str(&problem_line(problem, paint));
            if problem.pointer.is_empty() {
                if let Some(shown) = excerpt.take() {
                    out.push_str(&shown.render(paint));
                }
            }
        }
    }
    out.push_str(&summary_line(report, source, paint));
    out.push('\n');
    out
}

/// `  /issuer  message  [rule · spec]`, with its newline; a folded problem as
/// `  … and 1,234 more at /x/10, /x/11, …  [rule · spec]`. The message is visible already
/// ([`Problem::new`] makes it so); the pointer, a pointer into the document, is made visible
/// here (a fold's by [`Repeats::pointer_list`](oidc_discovery_validate::Repeats::pointer_list)).
fn problem_line(problem: &Problem, paint: Paint) -> String {
    if let Some(repeats) = &problem.repeats {
        return format!(
            "  {} {} more at {}  {}\n",
            paint.paint(POINTER, "… and"),
            thousands(repeats.count),
            repeats.pointer_list(),
            paint.paint(DIM, &format!("[{} · {}]", problem.rule, problem.spec)),
        );
    }
    let pointer = if problem.pointer.is_empty() {
        Cow::Borrowed("(document)")
    } else {
        visible(&problem.pointer)
    };
    format!(
        "  {}  {}  {}\n",
        paint.paint(POINTER, &pointer),
        problem.message,
        paint.paint(DIM, &format!("[{} · {}]", problem.rule, problem.spec)),
    )
}

/// `1234567` as `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `1 error`, `2 errors`.
fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// `✗ oidc: 2 errors, 1 warning, 3 notes — file.json` or `✓ oidc: valid (1 warning) — …`.
pub(crate) fn summary_line(report: &Report, source: &str, paint: Paint) -> String {
    let errors = report.count(Severity::Error);
    let mut counts = Vec::new();
    if errors > 0 {
        counts.push(count(errors, "error", "errors"));
    }
    let warnings = report.count(Severity::Warning);
    if warnings > 0 {
        counts.push(count(warnings, "warning", "warnings"));
    }
    let notes = report.count(Severity::Info);
    if notes > 0 {
        counts.push(count(notes, "note", "notes"));
    }
    let counts = counts.join(", ");
    let source = display_source(source);
    let profile = report.profile;
    if report.is_valid() {
        let detail = if counts.is_empty() {
            String::new()
        } else {
            format!(" ({counts})")
        };
        format!(
            "{} {profile}: valid{detail} — {source}",
            paint.paint(VALID, "✓")
        )
    } else {
        format!("{} {profile}: {counts} — {source}", paint.paint(ERROR, "✗"))
    }
}

/// `3 sources: 2 valid, 1 invalid` (and `, 1 unreadable` when a source could not be read).
pub(crate) fn overall_summary(valid: usize, invalid: usize, unreadable: usize) -> String {
    let total = valid + invalid + unreadable;
    let mut line = format!(
        "{}: {valid} valid, {invalid} invalid",
        count(total, "source", "sources")
    );
    if unreadable > 0 {
        let _ = write!(line, ", {unreadable} unreadable");
    }
    line.push('\n');
    line
}

/// The JSON object of the CLI contract, with exactly these members in this order.
#[derive(Serialize)]
struct JsonReport<'a> {
    valid: bool,
    profile: Profile,
    source: &'a str,
    problems: &'a [Problem],
}

/// The report of one source as one line of JSON (with its newline).
pub(crate) fn json_report(report: &Report, source: &str) -> String {
    json_line(&JsonReport {
        valid: report.is_valid(),
        profile: report.profile,
        source,
        problems: &report.problems,
    })
}

/// `value` as one line of JSON, with its newline. Beyond what JSON requires (`"`, `\\` and
/// U+0000–U+001F escaped), every other [hidden](is_hidden) character in a string — DEL, C1
/// controls, bidirectional and invisible format characters — is written as a `\uXXXX` escape
/// too: the same JSON value, and nothing a terminal obeys when the line is shown as is.
pub(crate) fn json_line(value: &impl Serialize) -> String {
    let mut bytes = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(
            &mut bytes,
            VisibleJson,
        ))
        .expect("the CLI's JSON output serializes");
    let mut line = String::from_utf8(bytes).expect("serde_json writes UTF-8");
    line.push('\n');
    line
}

/// serde_json's compact format, escaping every hidden character in strings.
struct VisibleJson;

impl serde_json::ser::Formatter for VisibleJson {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if is_hidden(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use oidc_discovery_validate::rules::{EMPTY_ARRAY, MEMBER_NULL, WITHDRAWN_MEMBER};
    use oidc_discovery_validate::{MAX_REPEATS, Options, validate_json};

    use super::*;

    fn report(json: &str, profile: Profile) -> Report {
        validate_json(json.as_bytes(), profile, &Options::default()).report
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(wants_colour(true, None));
        assert!(wants_colour(true, Some(OsStr::new(""))));
        assert!(!wants_colour(true, Some(OsStr::new("1"))));
        assert!(!wants_colour(false, None));
        assert_eq!(Paint::PLAIN.paint(ERROR, "x"), "x");
        assert_eq!(Paint::new(true).paint(POINTER, "x"), "\u{1b}[1mx\u{1b}[0m");
    }

    #[test]
    fn summary_lines() {
        let invalid = report(r#"{"issuer": "http://a.example"}"#, Profile::Oidc);
        let line = summary_line(&invalid, "a.json", Paint::PLAIN);
        assert!(line.starts_with("✗ oidc: "), "{line}");
        assert!(line.contains(" errors"), "{line}");
        assert!(line.ends_with(" — a.json"), "{line}");

        let empty = Report {
            profile: Profile::OAuth,
            problems: Vec::new(),
        };
        assert_eq!(
            summary_line(&empty, "-", Paint::PLAIN),
            "✓ oauth: valid — standard input"
        );
    }

    #[test]
    fn valid_with_a_warning() {
        let problem = Problem::new(&MEMBER_NULL, Profile::Oidc, "/a", "m")
            .unwrap()
            .citing("S");
        let report = Report {
            profile: Profile::Oidc,
            problems: vec![problem],
        };
        assert_eq!(
            text_report(&report, "f.json", None, Paint::PLAIN),
            "warnings\n  /a  m  [member-null · S]\n✓ oidc: valid (1 warning) — f.json\n"
        );
    }

    #[test]
    fn groups_in_order_errors_warnings_notes() {
        let make = |severity, pointer: &str| {
            let rule = match severity {
                Severity::Error => &EMPTY_ARRAY,
                Severity::Warning => &MEMBER_NULL,
                Severity::Info => &WITHDRAWN_MEMBER,
            };
            Problem::new(rule, Profile::Oidc, pointer, "m")
                .unwrap()
                .citing("S")
        };
        let report = Report {
            profile: Profile::Oidc,
            problems: vec![
                make(Severity::Error, ""),
                make(Severity::Error, "/b"),
                make(Severity::Warning, "/c"),
                make(Severity::Info, "/d"),
            ],
        };
        assert_eq!(
            text_report(&report, "f.json", None, Paint::PLAIN),
            "errors\n  (document)  m  [empty-array · S]\n  /b  m  [empty-array · S]\n\
             warnings\n  /c  m  [member-null · S]\nnotes\n  /d  m  [withdrawn-member · S]\n✗ oidc: 2 errors, 1 warning, 1 note — f.json\n"
        );
    }

    #[test]
    fn a_fold_is_one_line_with_its_count_and_first_pointers() {
        let problems = (0..2_000)
            .filter_map(|index| {
                Problem::new(&MEMBER_NULL, Profile::Oidc, format!("/x/{index}"), "m")
            })
            .collect();
        let report = Report::new(Profile::Oidc, problems);
        let text = text_report(&report, "f.json", None, Paint::PLAIN);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + MAX_REPEATS + 2, "{text}");
        assert_eq!(
            lines[1],
            format!("  /x/0  m  [member-null · {}]", MEMBER_NULL.spec)
        );
        assert_eq!(
            lines[MAX_REPEATS + 1],
            format!(
                "  … and 1,990 more at /x/10, /x/11, /x/12, /x/13, /x/14, /x/15, /x/16, /x/17, /x/18, /x/19, …  [member-null · {}]",
                MEMBER_NULL.spec
            )
        );
        assert_eq!(
            lines[MAX_REPEATS + 2],
            "✓ oidc: valid (2000 warnings) — f.json"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(524_270), "524,270");
    }

    #[test]
    fn overall() {
        assert_eq!(overall_summary(2, 1, 0), "3 sources: 2 valid, 1 invalid\n");
        assert_eq!(
            overall_summary(0, 1, 1),
            "2 sources: 0 valid, 1 invalid, 1 unreadable\n"
        );
    }

    #[test]
    fn json_has_the_contract_members() {
        let report = report("[]", Profile::Fapi2);
        let line = json_report(&report, "-");
        assert!(line.ends_with('\n') && !line.trim_end().contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 4);
        assert_eq!(value["valid"], false);
        assert_eq!(value["profile"], "fapi2");
        assert_eq!(value["source"], "-");
        assert_eq!(value["problems"][0]["rule"], "json-not-object");
    }

    #[test]
    fn json_escapes_hidden_characters_and_keeps_the_value() {
        let text = "a\u{1b}[2K\u{7f}\u{9b}\u{85}\u{202e}\u{2066}\u{e0041}\\é✓\"\n";
        let line = json_line(&serde_json::json!({ "x": text }));
        assert_eq!(
            line,
            "{\"x\":\"a\\u001b[2K\\u007f\\u009b\\u0085\\u202e\\u2066\\udb40\\udc41\\\\é✓\\\"\\n\"}\n"
        );
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["x"], text);
    }

    #[test]
    fn excerpt_points_at_the_column() {
        let source = "{\n  \"a\": x\n}";
        let excerpt = Excerpt::new(source.as_bytes(), 2, 8).unwrap();
        assert_eq!(excerpt.text, "  \"a\": x");
        assert_eq!(excerpt.indent, "       ");
        assert_eq!(
            excerpt.render(Paint::PLAIN),
            "    2 |   \"a\": x\n      |        ^\n"
        );
    }

    #[test]
    fn excerpt_counts_characters_not_bytes() {
        // "é" is two bytes; the caret sits under the character holding the byte.
        let source = "{\"é\":\u{a0}1}";
        let column = source.find('\u{a0}').unwrap() + 1;
        let excerpt = Excerpt::new(source.as_bytes(), 1, column).unwrap();
        assert_eq!(excerpt.indent.chars().count(), 5);
        // The second byte of U+00A0 is the same character.
        let excerpt = Excerpt::new(source.as_bytes(), 1, column + 1).unwrap();
        assert_eq!(excerpt.indent.chars().count(), 5);
    }

    #[test]
    fn excerpt_shows_tabs_and_controls_escaped() {
        let excerpt = Excerpt::new(b"\t\"a\":\x01\x1b[2K\r", 1, 6).unwrap();
        assert_eq!(excerpt.text, "\\u{9}\"a\":\\u{1}\\u{1b}[2K");
        assert_eq!(excerpt.indent, " ".repeat(9));
        // A backslash before a control character is doubled, and the caret follows.
        let excerpt = Excerpt::new(b"\"\\\x01\\n\"", 1, 3).unwrap();
        assert_eq!(excerpt.text, "\"\\\\\\u{1}\\n\"");
        assert_eq!(excerpt.indent, "   ");
    }

    #[test]
    fn excerpt_shows_characters_that_take_no_room() {
        // A byte-order mark before the document, and a zero width space where a value should be.
        let source = "\u{feff}{\"a\": \u{200b}1}";
        let column = source.find('\u{200b}').unwrap() + 1;
        let excerpt = Excerpt::new(source.as_bytes(), 1, column).unwrap();
        assert_eq!(excerpt.text, "\\u{feff}{\"a\": \\u{200b}1}");
        assert_eq!(excerpt.indent.len(), "\\u{feff}{\"a\": ".len());
    }

    #[test]
    fn excerpt_of_a_long_line_is_cut() {
        let line = format!("{{\"a\": \"{}\", x}}", "b".repeat(300));
        let column = line.find('x').unwrap() + 1;
        let excerpt = Excerpt::new(line.as_bytes(), 1, column).unwrap();
        assert!(excerpt.text.starts_with('…') && excerpt.text.contains('x'));
        assert!(excerpt.text.chars().count() <= MAX_EXCERPT_CHARS + 2);
        let caret = excerpt.indent.chars().count();
        assert_eq!(excerpt.text.chars().nth(caret), Some('x'));
    }

    #[test]
    fn excerpt_at_the_end_and_nowhere() {
        let excerpt = Excerpt::new(b"{\"a\": 1", 1, 8).unwrap();
        assert_eq!(excerpt.indent.len(), 7);
        assert_eq!(Excerpt::new(b"", 1, 0), None);
        assert_eq!(Excerpt::new(b"{}", 5, 1), None);
        assert_eq!(Excerpt::new(b"{\0}", 1, 2), None);
    }

    #[test]
    fn the_excerpt_follows_the_document_problem() {
        let source = b"{\"a\": x}";
        let report = report(std::str::from_utf8(source).unwrap(), Profile::Oidc);
        let excerpt = Excerpt::new(source, 1, 7).unwrap();
        let text = text_report(&report, "f.json", Some(&excerpt), Paint::PLAIN);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "errors");
        assert!(lines[1].starts_with("  (document)  "), "{text}");
        assert_eq!(lines[2], "    1 | {\"a\": x}");
        assert_eq!(lines[3], "      |       ^");
    }
}
