//! The document as JSON text: syntax, top-level type, duplicate member names.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use oidc_discovery_metadata::{ParseError, ParseErrorKind};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::pointer;
use crate::report::{Collector, Text};
use crate::rules::{DUPLICATE_MEMBER, JSON_NOT_OBJECT, JSON_SYNTAX};
use crate::{Problem, Profile};

/// The problem for input that is not a JSON object, naming an invisible offending character.
pub(crate) fn parse_problem(
    error: &ParseError,
    source: &[u8],
    profile: Profile,
) -> Option<Problem> {
    let rule = match error.kind() {
        ParseErrorKind::NotAnObject => &JSON_NOT_OBJECT,
        _ => &JSON_SYNTAX,
    };
    let mut message = format!(
        "{} (line {}, column {})",
        syntax_message(error, source),
        error.line(),
        error.column()
    );
    if let Some(hint) = encoding_hint(source) {
        message.push_str(&format!(": {hint}"));
    } else if let Some(hint) = invisible_character_at(source, error.line(), error.column()) {
        message.push_str(&format!(": {hint}"));
    } else if std::str::from_utf8(source).is_err() {
        message.push_str(": the document is not UTF-8 (RFC 8259 §8.1)");
    }
    Problem::new(rule, profile, String::new(), message)
}

/// What the parser says, with its misleading words about surrogate escapes replaced: serde_json
/// calls a lone trailing (low) surrogate such as `\udc00` a "leading surrogate".
fn syntax_message<'a>(error: &'a ParseError, source: &[u8]) -> Cow<'a, str> {
    let message = error.message();
    if !message.contains("surrogate") && !message.contains("end of hex escape") {
        return Cow::Borrowed(message);
    }
    match last_surrogate_escape(source, error.line(), error.column()) {
        Some((spelled, unit)) if (0xDC00..=0xDFFF).contains(&unit) => Cow::Owned(format!(
            "`{spelled}` is a trailing (low) surrogate without a leading (high) surrogate before it; a character outside the Basic Multilingual Plane is escaped as a leading surrogate followed by a trailing one (RFC 8259 §7)"
        )),
        Some((spelled, _)) => Cow::Owned(format!(
            "`{spelled}` is a leading (high) surrogate not followed by a trailing (low) surrogate escape; a character outside the Basic Multilingual Plane is escaped as a leading surrogate followed by a trailing one (RFC 8259 §7)"
        )),
        None => Cow::Borrowed(message),
    }
}

/// The last `\uXXXX` escape of a UTF-16 surrogate (U+D800 to U+DFFF) on a 1-based line before
/// a byte column: its spelling and its value.
fn last_surrogate_escape(source: &[u8], line: usize, column: usize) -> Option<(String, u32)> {
    let line_bytes = source.split(|&b| b == b'\n').nth(line.checked_sub(1)?)?;
    let end = column.min(line_bytes.len());
    let before = &line_bytes[..end];
    let mut found = None;
    let mut at = 0;
    while at + 6 <= before.len() {
        if before[at] == b'\\' && before[at + 1] == b'u' {
            let hex = &before[at + 2..at + 6];
            let unit = std::str::from_utf8(hex)
                .ok()
                .and_then(|hex| u32::from_str_radix(hex, 16).ok());
            if let Some(unit) = unit {
                if (0xD800..=0xDFFF).contains(&unit) {
                    let spelled = String::from_utf8_lossy(&before[at..at + 6]).into_owned();
                    found = Some((spelled, unit));
                }
                at += 6;
                continue;
            }
        }
        // An escaped backslash is skipped whole, so `\\u` is not read as an escape.
        at += if before[at] == b'\\' { 2 } else { 1 };
    }
    found
}

/// What the first bytes say about a text that is not JSON in UTF-8: compressed, or UTF-16.
fn encoding_hint(source: &[u8]) -> Option<&'static str> {
    if source.starts_with(&[0x1f, 0x8b]) {
        return Some(
            "the document looks gzip-compressed (it starts with the bytes 1F 8B); it must be the JSON text itself",
        );
    }
    if source.starts_with(&[0xff, 0xfe]) || source.starts_with(&[0xfe, 0xff]) {
        return Some(
            "the document looks UTF-16 encoded (it starts with a UTF-16 byte-order mark); JSON must be UTF-8, RFC 8259 §8.1",
        );
    }
    let head = &source[..source.len().min(64)];
    let nuls = head.iter().filter(|&&byte| byte == 0).count();
    if head.len() >= 4 && nuls * 4 >= head.len() && nuls < head.len() && head.is_ascii() {
        return Some(
            "the document looks UTF-16 encoded (NUL bytes between ASCII characters); JSON must be UTF-8, RFC 8259 §8.1",
        );
    }
    None
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

/// Whether the text has an object inside the top-level one: a second `{` (which may also be
/// inside a string; then the answer is a cautious yes). Without one, every repeated member
/// name is a top-level one, which the parse itself notes
/// ([`ProviderMetadata::from_json_slice_noting_repeats`]), and [`duplicate_members`] is not
/// needed.
///
/// [`ProviderMetadata::from_json_slice_noting_repeats`]: oidc_discovery_metadata::ProviderMetadata::from_json_slice_noting_repeats
pub(crate) fn has_nested_object(source: &[u8]) -> bool {
    memchr::memchr(b'{', source)
        .is_some_and(|first| memchr::memchr(b'{', &source[first + 1..]).is_some())
}

/// Finds every member name that occurs twice in one object, at any depth: their pointers.
pub(crate) fn duplicate_members(source: &[u8], problems: &mut Collector) {
    let source = strip_bom(source);
    let found = scan_duplicates(source).unwrap_or_else(|| walk_duplicates(source));
    for (path, name) in found {
        duplicate_problem(problems, path, &name);
    }
}

/// The problems for repeated top-level member names, as the parse noted them: one per name.
pub(crate) fn repeated_members(names: Vec<String>, problems: &mut Collector) {
    for name in names {
        duplicate_problem(problems, || pointer::member(&name), &name);
    }
}

fn duplicate_problem(problems: &mut Collector, pointer: impl Text, name: &str) {
    problems.add(&DUPLICATE_MEMBER, DUPLICATE_MEMBER.spec, pointer, || {
        format!(
            "member `{name}` occurs more than once in the same object; parsers disagree on which one counts (this library and most others keep the last)"
        )
    });
}

/// The nesting serde_json accepts (its recursion limit): a deeper text does not parse.
const MAX_DEPTH: usize = 128;

/// A container open at the current position of [`scan_duplicates`].
enum Frame<'a> {
    /// An object: the names read so far (raw bytes), and whether the next string is a name.
    Object {
        names: Vec<&'a [u8]>,
        expect_name: bool,
    },
    /// An array: the index of the current element.
    Array { index: usize },
}

/// Duplicate member names (pointer and name, once per repeated name) in `source`,
/// a JSON text that has already parsed: one pass over the bytes that only looks for quotes,
/// brackets and commas, with no decoding or allocation per value. That is a fraction of the
/// cost of a second parse, which is what [`walk_duplicates`] is.
///
/// Names are compared as raw bytes, which is exact for names without escapes; `None` when a
/// name contains one (`"\u0061"` is the name `a`), and the caller walks the parsed document
/// instead. Also `None`, never a panic, should the text not be valid JSON after all.
fn scan_duplicates(source: &[u8]) -> Option<Vec<(String, String)>> {
    let mut found = Vec::new();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    // The name lists of closed objects, emptied, for the next ones to reuse.
    let mut spare: Vec<Vec<&[u8]>> = Vec::new();
    let mut at = 0;
    while let Some(&byte) = source.get(at) {
        match byte {
            b'"' => {
                let start = at + 1;
                let mut end = start;
                let mut escaped = false;
                loop {
                    end += memchr::memchr2(b'"', b'\\', source.get(end..)?)?;
                    if source[end] == b'"' {
                        break;
                    }
                    escaped = true;
                    end += 2;
                }
                if let Some(Frame::Object { names, expect_name }) = stack.last_mut() {
                    if *expect_name {
                        if escaped {
                            return None;
                        }
                        names.push(&source[start..end]);
                        *expect_name = false;
                    }
                }
                at = end;
            }
            b'{' | b'[' => {
                if stack.len() == MAX_DEPTH {
                    // Deeper than serde_json parses: the document is refused anyway.
                    return None;
                }
                stack.push(if byte == b'{' {
                    Frame::Object {
                        names: spare.pop().unwrap_or_default(),
                        expect_name: true,
                    }
                } else {
                    Frame::Array { index: 0 }
                });
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_name, .. }) => *expect_name = true,
                Some(Frame::Array { index }) => *index += 1,
                None => return None,
            },
            b'}' => match stack.pop() {
                Some(Frame::Object { mut names, .. }) => {
                    if !may_repeat(&names) {
                        names.clear();
                        spare.push(names);
                        at += 1;
                        continue;
                    }
                    names.sort_unstable();
                    // One problem per repeated name, however often it repeats.
                    let mut repeated: Vec<&[u8]> = names
                        .windows(2)
                        .filter(|pair| pair[0] == pair[1])
                        .map(|pair| pair[1])
                        .collect();
                    repeated.dedup();
                    for name in repeated {
                        let name = std::str::from_utf8(name).ok()?;
                        let mut pointer = pointer_of(&stack)?;
                        pointer.push('/');
                        pointer.push_str(&pointer::escape(name));
                        found.push((pointer, name.to_owned()));
                    }
                }
                _ => return None,
            },
            b']' => match stack.pop() {
                Some(Frame::Array { .. }) => {}
                _ => return None,
            },
            _ => {}
        }
        at += 1;
    }
    stack.is_empty().then_some(found)
}

/// `false` when no name occurs twice. Small objects (most are) are answered exactly by
/// comparing pairs, which is cheaper than sorting; larger ones always answer `true`, and the
/// caller's sort finds the repeats, if any.
fn may_repeat(names: &[&[u8]]) -> bool {
    if names.len() > 16 {
        return true;
    }
    names
        .iter()
        .enumerate()
        .any(|(index, name)| names[..index].contains(name))
}

/// The pointer of the value being read inside the open containers of `stack`.
fn pointer_of(stack: &[Frame<'_>]) -> Option<String> {
    use std::fmt::Write as _;
    let mut pointer = String::new();
    for frame in stack {
        match frame {
            Frame::Object { names, .. } => {
                let name = std::str::from_utf8(names.last()?).ok()?;
                pointer.push('/');
                pointer.push_str(&pointer::escape(name));
            }
            Frame::Array { index } => {
                let _ = write!(pointer, "/{index}");
            }
        }
    }
    Some(pointer)
}

/// Duplicate member names found by parsing `source` again, names decoded: the general case of
/// [`scan_duplicates`].
fn walk_duplicates(source: &[u8]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut path = String::new();
    let mut deserializer = serde_json::Deserializer::from_slice(source);
    // The source already parsed as a metadata document, so this walk cannot fail; if it did,
    // there is simply nothing more to report.
    let _ = Walk {
        path: &mut path,
        found: &mut found,
    }
    .deserialize(&mut deserializer);
    found
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

#[cfg(test)]
mod tests {
    use super::{scan_duplicates, walk_duplicates};

    /// The byte scan and the parsing walk find the same duplicates (as a set: the report is
    /// sorted afterwards), and they are the expected ones.
    #[test]
    fn the_scan_agrees_with_the_walk() {
        let cases: [(&str, &[&str]); 12] = [
            (r#"{"a": 1, "b": 2}"#, &[]),
            (r#"{"a": 1, "a": 2}"#, &["/a"]),
            (r#"{"a": 1, "a": 2, "a": 3}"#, &["/a"]),
            (r#"{"x": {"k": 1, "k": [1]}, "k": 2}"#, &["/x/k"]),
            (
                r#"{"l": [{"n": 1}, {"n": 1, "n": 2}], "m": [[{"z":0,"z":0}]]}"#,
                &["/l/1/n", "/m/0/0/z"],
            ),
            (r#"{"s": "{\"a\": 1, \"a\": 2}", "t": "]}[{,"}"#, &[]),
            (
                r#"{"a/b": 1, "a/b": 2, "c~d": {"e": 0, "e": 0}}"#,
                &["/a~1b", "/c~0d/e"],
            ),
            (r#"{"é": 1, "é": 2}"#, &["/é"]),
            (r#"{"v": "x\\", "v": "\"\\"}"#, &["/v"]),
            (r#" { "a" : [ ] , "b" : { } , "a" : null } "#, &["/a"]),
            (
                r#"{"e": [], "o": {}, "n": [1, 2.5e3, true, false, null]}"#,
                &[],
            ),
            (r#"{"x": {"a": 1}, "y": {"a": 1}}"#, &[]),
        ];
        for (json, expected) in cases {
            let mut scanned: Vec<String> = scan_duplicates(json.as_bytes())
                .unwrap_or_else(|| panic!("{json}: scanned"))
                .into_iter()
                .map(|(pointer, _)| pointer)
                .collect();
            let mut walked: Vec<String> = walk_duplicates(json.as_bytes())
                .into_iter()
                .map(|(pointer, _)| pointer)
                .collect();
            scanned.sort();
            walked.sort();
            let mut expected: Vec<String> = expected.iter().map(|p| (*p).to_owned()).collect();
            expected.sort();
            assert_eq!(scanned, expected, "{json}: scan");
            assert_eq!(walked, expected, "{json}: walk");
        }
    }

    /// Objects of more than 16 names are sorted instead of compared pairwise: repeats are
    /// found either way, in the top-level object and in a nested one.
    #[test]
    fn large_objects_are_sorted_for_repeats() {
        let names: Vec<String> = (0..20).map(|i| format!("\"n{i}\": {i}")).collect();
        let flat = names.join(", ");
        for (json, expected) in [
            (format!("{{{flat}, \"o\": {{}}}}"), Vec::<&str>::new()),
            (format!("{{{flat}, \"n7\": 0, \"o\": {{}}}}"), vec!["/n7"]),
            (format!("{{\"o\": {{{flat}, \"n19\": 1}}}}"), vec!["/o/n19"]),
        ] {
            let found: Vec<String> = scan_duplicates(json.as_bytes())
                .unwrap()
                .into_iter()
                .map(|(pointer, _)| pointer)
                .collect();
            assert_eq!(found, expected, "{json}");
        }
    }

    /// Without nested objects, the names the parse notes give the same problems as the scan.
    #[test]
    fn the_parse_agrees_with_the_scan_on_flat_documents() {
        use oidc_discovery_metadata::ProviderMetadata;

        use super::{duplicate_members, has_nested_object, repeated_members};
        use crate::Profile;
        use crate::report::Collector;

        for json in [
            r#"{"a": 1, "b": 2}"#,
            r#"{"a": 1, "a": 2, "a": 3, "b": [1, "b"], "b": null}"#,
            r#"{"issuer": "https://a.example", "issuer": 7}"#,
            r#"{"scopes_supported": 5, "scopes_supported": ["openid"]}"#,
            r#"{"scopes_supported": ["openid"], "scopes_supported": 5}"#,
            r#"{"op_tos_uri#fr": "https://a.example/fr", "op_tos_uri#fr": "https://b.example/fr", "op_tos_uri": "https://a.example"}"#,
            r#"{"op_tos_uri": "https://a.example", "op_tos_uri#de": "https://a.example/de", "op_tos_uri": 1}"#,
            r#"{"x~/y": [], "x~/y": true, "service_documentation": "s", "service_documentation": "t"}"#,
        ] {
            let source = json.as_bytes();
            assert!(!has_nested_object(source), "{json}");
            let (_, names) = ProviderMetadata::from_json_slice_noting_repeats(source).unwrap();
            for profile in Profile::ALL {
                let mut noted = Collector::new(profile);
                repeated_members(names.clone(), &mut noted);
                let mut scanned = Collector::new(profile);
                duplicate_members(source, &mut scanned);
                assert_eq!(noted.finish(), scanned.finish(), "{json}");
            }
        }
        assert!(has_nested_object(br#"{"a": {"b": 1}}"#));
        assert!(has_nested_object(br#"{"a": [{}]}"#));
        assert!(has_nested_object(br#"{"a": "{tenant}"}"#)); // cautious
    }

    /// An escaped member name cannot be compared as bytes: the scan declines and the walk,
    /// which decodes names, decides.
    #[test]
    fn escaped_names_go_to_the_walk() {
        let json = r#"{"a": 1, "\u0061": 2}"#;
        assert_eq!(scan_duplicates(json.as_bytes()), None);
        let walked = walk_duplicates(json.as_bytes());
        assert_eq!(walked, [("/a".to_owned(), "a".to_owned())]);
        // An escape in a value is fine.
        assert_eq!(
            scan_duplicates(br#"{"a": "\u0061", "b": 1}"#),
            Some(Vec::new())
        );
    }

    /// Text that is not JSON (never given by the caller) gives `None`, not a panic.
    #[test]
    fn broken_text_never_panics() {
        for text in [
            "{",
            "}",
            "]",
            "[",
            "{\"a",
            "{\"a\\",
            "{\"a\": [1, }",
            ",",
            "\"\\",
        ] {
            let _ = scan_duplicates(text.as_bytes());
        }
        assert_eq!(scan_duplicates(b"{\"a\": 1"), None);
        assert_eq!(scan_duplicates(b"{\"a\": 1}}"), None);
    }
}
