//! Untrusted text made safe to print: the one place that decides which characters never reach
//! a terminal raw, and how they are shown instead.
//!
//! A document, a URL, a file name or a server's answer can hold characters that a terminal
//! obeys instead of showing: ANSI escape sequences that erase lines and print a verdict of
//! their own, carriage returns and backspaces that overwrite what came before, bidirectional
//! overrides that reorder it. Every problem message is escaped when the problem is made
//! ([`Problem::new`](crate::Problem::new)), and tools escape every other untrusted string they
//! print (pointers, file names, URLs, errors) with [`visible`].

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal raw: a C0 control (U+0000–U+001F, tab and line feed
/// included), DEL (U+007F), a C1 control (U+0080–U+009F, which some terminals obey as the
/// 7-bit sequences they stand for: U+009B is CSI), or a format character that reorders or
/// hides text (the bidirectional controls U+061C, U+200E, U+200F, U+202A–U+202E and
/// U+2066–U+2069; the zero-width and invisible characters U+00AD, U+180E, U+200B–U+200D,
/// U+2028, U+2029, U+2060–U+2065, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB; the tag characters
/// U+E0000–U+E007F).
#[must_use]
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// `text` with every [hidden](is_hidden) character written as a Rust-style escape (`\u{1b}`,
/// `\u{a}`, `\u{202e}`), so that it holds no character a terminal obeys. Borrowed when there is
/// nothing to escape.
///
/// The output still names exactly one input. A backslash is written `\\` where what follows
/// it would otherwise read as an escape (`u{`, another backslash, or an escaped character),
/// and as itself everywhere else: a document value that spells `\u{1b}` shows as `\\u{1b}`,
/// while paths such as `C:\Users` and JSON escapes such as `\u00e9` or `\"` read as written.
///
/// ```
/// use oidc_discovery_validate::visible;
///
/// assert_eq!(visible("https://a.example"), "https://a.example");
/// assert_eq!(visible("\u{1b}[2K\r✓ valid"), "\\u{1b}[2K\\u{d}✓ valid");
/// assert_eq!(visible("a\u{202e}b"), "a\\u{202e}b");
/// // Backslashes are doubled only where they would read as an escape.
/// assert_eq!(visible(r"C:\Users\u00e9"), r"C:\Users\u00e9");
/// assert_eq!(visible(r"\u{1b}"), r"\\u{1b}");
/// ```
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    // Most text has nothing to escape: find the first character that needs it, or lend `text`.
    let Some(first) = text.char_indices().find_map(|(at, c)| {
        let doubled = c == '\\' && starts_an_escape(&text[at + 1..]);
        (is_hidden(c) || doubled).then_some(at)
    }) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for (at, c) in text[first..].char_indices() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else if c == '\\' && starts_an_escape(&text[first + at + 1..]) {
            out.push_str("\\\\");
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether the text after a backslash would make the backslash read as the start of an escape:
/// it begins with `u{`, a backslash, or a hidden character (which is written `\u{…}`).
fn starts_an_escape(rest: &str) -> bool {
    rest.starts_with("u{")
        || rest
            .chars()
            .next()
            .is_some_and(|c| c == '\\' || is_hidden(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input `shown` names: the inverse of [`visible`].
    fn decode(shown: &str) -> String {
        let mut out = String::new();
        let mut rest = shown;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("\\\\") {
                out.push('\\');
                rest = after;
            } else if let Some(after) = rest.strip_prefix("\\u{") {
                let end = after.find('}').unwrap();
                out.push(char::from_u32(u32::from_str_radix(&after[..end], 16).unwrap()).unwrap());
                rest = &after[end + 1..];
            } else {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    #[test]
    fn every_hidden_character_is_escaped_and_nothing_else() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = c.to_string();
            let shown = visible(&text);
            assert!(!shown.chars().any(is_hidden), "{:x}", u32::from(c));
            assert_eq!(is_hidden(c), shown != text, "{:x}", u32::from(c));
            assert_eq!(decode(&shown), text);
        }
    }

    #[test]
    fn the_spoofing_characters_are_hidden() {
        for c in [
            '\u{0}',
            '\u{7}',
            '\u{8}',
            '\t',
            '\n',
            '\r',
            '\u{1b}',
            '\u{7f}',
            '\u{80}',
            '\u{85}',
            '\u{9b}',
            '\u{9f}',
            '\u{61c}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            assert!(is_hidden(c), "{:x}", u32::from(c));
        }
        for c in [
            ' ',
            'a',
            'é',
            '✓',
            '\u{a0}',
            '\u{3000}',
            '“',
            '\u{1f600}',
            '\\',
        ] {
            assert!(!is_hidden(c), "{:x}", u32::from(c));
        }
    }

    #[test]
    fn escapes_read_as_rust_writes_them() {
        assert_eq!(
            visible("\u{1b}[2K\r\u{1b}[1A\u{9b}32m✓ \u{0}\u{85}\n\t"),
            "\\u{1b}[2K\\u{d}\\u{1b}[1A\\u{9b}32m✓ \\u{0}\\u{85}\\u{a}\\u{9}"
        );
        assert_eq!(visible("a\u{2066}b"), "a\\u{2066}b");
    }

    #[test]
    fn every_output_names_one_input() {
        // Backslashes around escapes, spelled escapes, and plain backslashes.
        let pieces = [
            "\\", "u{1b}", "\u{1b}", "u", "{", "x", "\\\\", "\u{202e}", "é",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
        }
        let mut seen = std::collections::HashMap::new();
        for text in &texts {
            let shown = visible(text).into_owned();
            assert!(!shown.chars().any(is_hidden), "{text:?}");
            assert_eq!(&decode(&shown), text, "{shown}");
            if let Some(other) = seen.insert(shown.clone(), text.clone()) {
                assert_eq!(&other, text, "{shown}");
            }
        }
        assert_ne!(visible("\u{1b}"), visible("\\u{1b}"));
    }

    #[test]
    fn plain_text_and_plain_backslashes_are_borrowed() {
        for text in [
            "https://a.example/é",
            r"C:\Users\x.json",
            r#"{"a\n": "\u00e9\"\/"}"#,
        ] {
            assert!(matches!(visible(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
