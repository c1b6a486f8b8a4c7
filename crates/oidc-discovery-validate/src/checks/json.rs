//! The document as JSON text: syntax, top-level type, duplicate member names.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use oidc_discovery_metadata::{ParseError, ParseErrorKind};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::pointer;
use crate::rules::{DUPLICATE_MEMBER, JSON_NOT_OBJECT, JSON_SYNTAX};
use crate::{Problem, Profile};

/// The problem for input that is not a JSON object, naming an invisible offending character.
pub(crate) fn parse_problem(error: &ParseError, source: &[u8], profile: Profile) -> Problem {
    let rule = match error.kind() {
        ParseErrorKind::NotAnObject => &JSON_NOT_OBJECT,
        _ => &JSON_SYNTAX,
    };
    let mut message = format!(
        "{} (line {}, column {})",
        error.message(),
        error.line(),
        error.column()
    );
    if let Some(hint) = invisible_character_at(source, error.line(), error.column()) {
        message.push_str(&format!(": {hint}"));
    } else if std::str::from_utf8(source).is_err() {
        message.push_str(": the document is not UTF-8 (RFC 8259 §8.1)");
    }
    Problem {
        rule: rule.id,
        severity: rule.severity(profile).unwrap_or(crate::Severity::Error),
        pointer: String::new(),
        message,
        spec: rule.spec,
    }
}

/// Names a character people cannot see at (or just before) a 1-based line and byte column.
pub(crate) fn invisible_character_at(source: &[u8], line: usize, column: usize) -> Option<String> {
    let text = String::from_utf8_lossy(source);
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    // serde_json's column is the byte at which it stopped: look at the character there and the
    // one before it.
    let mut candidates = Vec::new();
    for (offset, ch) in line_text.char_indices() {
        let start = offset + 1;
        let end = offset + ch.len_utf8();
        if (start..=end + 1).contains(&column) {
            candidates.push(ch);
        }
    }
    candidates.into_iter().find_map(|ch| {
        let name = match ch {
            '\u{00a0}' => "NO-BREAK SPACE",
            '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
            '\u{200b}' => "ZERO WIDTH SPACE",
            '\u{200c}' => "ZERO WIDTH NON-JOINER",
            '\u{200d}' => "ZERO WIDTH JOINER",
            '\u{200e}' => "LEFT-TO-RIGHT MARK",
            '\u{200f}' => "RIGHT-TO-LEFT MARK",
            '\u{2028}' => "LINE SEPARATOR",
            '\u{2029}' => "PARAGRAPH SEPARATOR",
            '\u{2060}' => "WORD JOINER",
            '\u{00ad}' => "SOFT HYPHEN",
            '\u{3000}' => "IDEOGRAPHIC SPACE",
            '\u{2000}'..='\u{200a}' => "a typographic SPACE",
            '\u{201c}' | '\u{201d}' => "a curly double quotation mark (JSON needs \")",
            '\u{2018}' | '\u{2019}' => "a curly single quotation mark",
            '\u{fffd}' => "REPLACEMENT CHARACTER (the bytes are not UTF-8)",
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => "a control character",
            _ => return None,
        };
        Some(format!(
            "the character there is U+{:04X} {name}, which looks like nothing or like a plain character (often pasted from a web page or a word processor)",
            u32::from(ch)
        ))
    })
}

/// Finds every member name that occurs twice in one object, at any depth: their pointers.
pub(crate) fn duplicate_members(source: &[u8], profile: Profile) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut path = String::new();
    let mut deserializer = serde_json::Deserializer::from_slice(strip_bom(source));
    // The source already parsed as a metadata document, so this walk cannot fail; if it did,
    // there is simply nothing more to report.
    let _ = Walk {
        path: &mut path,
        found: &mut found,
    }
    .deserialize(&mut deserializer);
    found
        .into_iter()
        .filter_map(|(path, name)| {
            let severity = DUPLICATE_MEMBER.severity(profile)?;
            Some(Problem {
                rule: DUPLICATE_MEMBER.id,
                severity,
                message: format!(
                    "member `{name}` occurs more than once in the same object; parsers disagree on which one counts (this library and most others keep the last)"
                ),
                pointer: path,
                spec: DUPLICATE_MEMBER.spec,
            })
        })
        .collect()
}

fn strip_bom(source: &[u8]) -> &[u8] {
    source.strip_prefix("\u{feff}".as_bytes()).unwrap_or(source)
}

/// Walks a JSON value, keeping the pointer of the current position in one shared buffer (a
/// segment is pushed before descending and truncated after), so that nothing is allocated per
/// value; a pointer is copied out only for a duplicate.
struct Walk<'p> {
    path: &'p mut String,
    found: &'p mut Vec<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// A member name, borrowed from the input when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use std::fmt::Write as _;
        let base = self.path.len();
        let mut index = 0usize;
        loop {
            let _ = write!(self.path, "/{index}");
            let more = seq
                .next_element_seed(Walk {
                    path: &mut *self.path,
                    found: &mut *self.found,
                })?
                .is_some();
            self.path.truncate(base);
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let base = self.path.len();
        // Each name once, with whether its repeat has been reported: a name repeated many
        // times gives one problem, not one per repeat (which the report would deduplicate
        // anyway, after allocating them all).
        let mut seen: HashMap<Cow<'de, str>, bool> = HashMap::new();
        while let Some(name) = map.next_key_seed(Key)? {
            self.path.push('/');
            self.path.push_str(&pointer::escape(&name));
            let first_repeat = seen
                .get_mut(&name)
                .map(|reported| !std::mem::replace(reported, true));
            if first_repeat == Some(true) {
                self.found
                    .push((self.path.clone(), name.clone().into_owned()));
            }
            map.next_value_seed(Walk {
                path: &mut *self.path,
                found: &mut *self.found,
            })?;
            self.path.truncate(base);
            if first_repeat.is_none() {
                seen.insert(name, false);
            }
        }
        Ok(())
    }
}
