//! The recursive-descent parser of RFC 9110 §11.6.1 (`#challenge`), §11.3 (`challenge`),
//! §11.2 (`auth-param`), §5.6.2–§5.6.4 (`token`, whitespace, `quoted-string`) and §5.6.1
//! (lists, with empty elements), over every field line.

use super::{Body, Challenge, Challenges, Diagnostic, Mode, Param, ParseOptions, Position};
use crate::visible;

const SPEC_LIST: &str = "RFC 9110 §11.6.1, §5.6.1";
const SPEC_CHALLENGE: &str = "RFC 9110 §11.3";
const SPEC_PARAM: &str = "RFC 9110 §11.2";
const SPEC_URL_VALUE: &str = "RFC 9110 §11.2, §5.6.2";
const SPEC_QUOTED: &str = "RFC 9110 §5.6.4";
const SPEC_REALM: &str = "RFC 9110 §11.5";
const SPEC_LIMITS: &str = "RFC 9110 §5.4";
const SPEC_CONTROLS: &str = "RFC 9110 §5.5";

/// `tchar` (RFC 9110 §5.6.2).
pub(super) fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The characters of `token68` before its `=` padding (RFC 9110 §11.2).
fn is_token68(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

/// `qdtext` (RFC 9110 §5.6.4).
fn is_qdtext(b: u8) -> bool {
    matches!(b, b'\t' | b' ' | 0x21 | 0x23..=0x5b | 0x5d..=0x7e | 0x80..)
}

/// What may follow the backslash of a `quoted-pair` (RFC 9110 §5.6.4).
fn is_quotable(b: u8) -> bool {
    matches!(b, b'\t' | b' ' | 0x21..=0x7e | 0x80..)
}

/// A character of a URI-reference (RFC 3986 §2: unreserved, reserved, `%`).
pub(super) fn is_uri_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b)
}

/// A control character: C0 other than tab, or DEL.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// A byte as a message names it.
pub(super) fn describe(b: u8) -> String {
    match b {
        b' ' => "a space".to_owned(),
        b'\t' => "a tab".to_owned(),
        b if b.is_ascii_graphic() => format!("'{}'", char::from(b)),
        b if b < 0x80 => format!("the control character U+{b:04X}"),
        b => format!("the byte 0x{b:02X}"),
    }
}

/// The challenge being read: its scheme, what it has so far, and the error that invalidated
/// it (then the rest of it is skipped).
struct Open {
    scheme: String,
    at: Position,
    body: Body,
    error: Option<Diagnostic>,
}

/// What a list element starts with.
enum Element {
    /// `token BWS "="`: a parameter of the current challenge (RFC 9110 §11.6.1).
    Param,
    /// Any other token: a new challenge's scheme.
    Scheme,
    /// Neither.
    Other,
}

struct Parser<'a> {
    /// The field lines joined by `,` (RFC 9110 §5.3).
    input: &'a [u8],
    /// Where each field line starts in `input`.
    starts: &'a [usize],
    pos: usize,
    options: &'a ParseOptions,
    started: usize,
    out: Challenges,
}

pub(super) fn parse<I>(lines: I, options: &ParseOptions) -> Challenges
where
    I: IntoIterator,
    I::Item: AsRef<[u8]>,
{
    let limits = &options.limits;
    let mut input = Vec::new();
    let mut starts = Vec::new();
    let mut total = 0_usize;
    let mut refused = None;
    for (index, line) in lines.into_iter().enumerate() {
        let line = line.as_ref();
        let at = Position {
            line: index + 1,
            column: 1,
        };
        if index == limits.max_lines {
            refused = Some(Diagnostic::new(
                "CH-14",
                SPEC_LIMITS,
                at,
                format!(
                    "more than {} field lines; this one and the ones after it are not read",
                    limits.max_lines
                ),
            ));
            break;
        }
        total = total.saturating_add(line.len());
        if total > limits.max_length {
            refused = Some(Diagnostic::new(
                "CH-14",
                SPEC_LIMITS,
                at,
                format!(
                    "the field lines are longer than {} bytes together; this one and the ones \
                     after it are not read",
                    limits.max_length
                ),
            ));
            break;
        }
        if index > 0 {
            input.push(b',');
        }
        starts.push(input.len());
        input.extend_from_slice(line);
    }
    let mut parser = Parser {
        input: &input,
        starts: &starts,
        pos: 0,
        options,
        started: 0,
        out: Challenges::default(),
    };
    parser.run();
    let mut out = parser.out;
    out.entries.extend(refused.map(Err));
    out
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        Position {
            line,
            column: offset - self.starts[line - 1] + 1,
        }
    }

    /// Whether `offset` is the `,` put between two field lines.
    fn is_line_break(&self, offset: usize) -> bool {
        self.starts
            .binary_search(&(offset + 1))
            .is_ok_and(|line| line > 0)
    }

    /// Where the field line holding `offset` ends.
    fn line_end(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&start| start <= offset);
        self.starts
            .get(line)
            .map_or(self.input.len(), |next| next - 1)
    }

    /// What is at `offset`, for a message.
    fn found(&self, offset: usize) -> String {
        match self.input.get(offset) {
            None => "the end of the field".to_owned(),
            Some(_) if self.is_line_break(offset) => "the end of the field line".to_owned(),
            Some(&b) => describe(b),
        }
    }

    fn diagnostic(
        &self,
        rule: &'static str,
        spec: &'static str,
        offset: usize,
        message: String,
    ) -> Diagnostic {
        Diagnostic::new(rule, spec, self.position(offset), message)
    }

    /// An error for an unexpected byte at `offset`: CH-14 for a control character, else
    /// `rule`, with `expected` saying what the grammar wanted there.
    fn unexpected(
        &self,
        rule: &'static str,
        spec: &'static str,
        offset: usize,
        expected: &str,
    ) -> Diagnostic {
        match self.input.get(offset) {
            Some(&b) if is_control(b) && !self.is_line_break(offset) => self.diagnostic(
                "CH-14",
                SPEC_CONTROLS,
                offset,
                format!(
                    "{} outside a quoted-string (expected {expected}); a challenge holds no \
                     control characters",
                    describe(b)
                ),
            ),
            _ => self.diagnostic(
                rule,
                spec,
                offset,
                format!("expected {expected}, found {}", self.found(offset)),
            ),
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips OWS and empty list elements (CH-8).
    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b',')) {
            self.pos += 1;
        }
    }

    fn token(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(is_tchar) {
            self.pos += 1;
        }
        // Only ASCII.
        std::str::from_utf8(&self.input[start..self.pos]).unwrap_or_default()
    }

    /// Whether the element ends at `offset` after optional whitespace (a comma or the end).
    fn ends_at(&self, mut offset: usize) -> bool {
        while matches!(self.input.get(offset), Some(b' ' | b'\t')) {
            offset += 1;
        }
        matches!(self.input.get(offset), None | Some(b','))
    }

    fn classify(&self) -> Element {
        let mut at = self.pos;
        if !self.input.get(at).copied().is_some_and(is_tchar) {
            return Element::Other;
        }
        while self.input.get(at).copied().is_some_and(is_tchar) {
            at += 1;
        }
        while matches!(self.input.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if self.input.get(at) == Some(&b'=') {
            Element::Param
        } else {
            Element::Scheme
        }
    }

    /// Skips the rest of an element after an error at `self.pos`, inside a quoted-string or
    /// not: up to the next comma outside one (a quoted-string also ends with its field line).
    fn resync(&mut self, mut in_quote: bool) {
        while let Some(b) = self.peek() {
            if in_quote {
                if self.is_line_break(self.pos) {
                    return;
                }
                match b {
                    b'\\' if !self.is_line_break(self.pos + 1) => self.pos += 1,
                    b'"' => in_quote = false,
                    _ => {}
                }
            } else {
                match b {
                    b',' => return,
                    b'"' => in_quote = true,
                    _ => {}
                }
            }
            self.pos += 1;
        }
    }

    fn run(&mut self) {
        let mut current: Option<Open> = None;
        loop {
            self.skip_separators();
            if self.pos >= self.input.len() {
                break;
            }
            match self.classify() {
                Element::Scheme => {
                    self.finish(current.take());
                    if !self.may_start() {
                        return;
                    }
                    current = Some(self.challenge());
                }
                Element::Param => match current.as_mut() {
                    Some(open) if open.error.is_none() => self.param_element(open),
                    Some(_) => self.resync(false),
                    None => {
                        if !self.may_start() {
                            return;
                        }
                        let name_at = self.pos;
                        let name = self.token().to_owned();
                        let error = self.diagnostic(
                            "CH-2",
                            SPEC_LIST,
                            name_at,
                            format!(
                                "parameter \"{name}\" comes before any authentication scheme; \
                                 a challenge starts with its scheme"
                            ),
                        );
                        current = Some(self.failed(error));
                        self.resync(false);
                    }
                },
                Element::Other => {
                    let error = self.unexpected(
                        "CH-2",
                        SPEC_LIST,
                        self.pos,
                        "an authentication scheme or a parameter",
                    );
                    match current.as_mut() {
                        Some(open) => {
                            open.error.get_or_insert(error);
                        }
                        None => {
                            if !self.may_start() {
                                return;
                            }
                            current = Some(self.failed(error));
                        }
                    }
                    self.resync(false);
                }
            }
        }
        self.finish(current);
    }

    /// Counts a new challenge, or refuses it and the rest of the field (CH-14).
    fn may_start(&mut self) -> bool {
        let max = self.options.limits.max_challenges;
        if self.started < max {
            self.started += 1;
            return true;
        }
        let error = self.diagnostic(
            "CH-14",
            SPEC_LIMITS,
            self.pos,
            format!("more than {max} challenges; this one and the rest of the field are not read"),
        );
        self.out.entries.push(Err(error));
        false
    }

    fn failed(&self, error: Diagnostic) -> Open {
        Open {
            scheme: String::new(),
            at: error.at,
            body: Body::Params(Vec::new()),
            error: Some(error),
        }
    }

    fn finish(&mut self, open: Option<Open>) {
        let Some(open) = open else { return };
        let entry = match open.error {
            Some(error) => Err(error),
            None => match duplicate(&open) {
                Some(error) => Err(error),
                None => Ok(Challenge {
                    scheme: open.scheme,
                    body: open.body,
                    at: open.at,
                }),
            },
        };
        self.out.entries.push(entry);
    }

    /// A challenge: its scheme, then its token68 or first parameter (RFC 9110 §11.3).
    fn challenge(&mut self) -> Open {
        let at = self.position(self.pos);
        let scheme = self.token().to_owned();
        let mut open = Open {
            scheme,
            at,
            body: Body::Params(Vec::new()),
            error: None,
        };
        let gap = self.pos;
        self.skip_whitespace();
        if self.ends_at(self.pos) {
            return open;
        }
        if gap == self.pos {
            open.error = Some(self.unexpected(
                "CH-2",
                SPEC_CHALLENGE,
                self.pos,
                &format!(
                    "a space, a comma or the end after the scheme {}",
                    open.scheme
                ),
            ));
            self.resync(false);
            return open;
        }
        if self.input[gap..self.pos].contains(&b'\t') {
            let message = format!(
                "a tab separates the scheme {} from what follows; only spaces may",
                open.scheme
            );
            let diagnostic = self.diagnostic("CH-9", SPEC_CHALLENGE, gap, message);
            if self.options.mode == Mode::Strict {
                open.error = Some(diagnostic);
                self.resync(false);
                return open;
            }
            self.out.warnings.push(diagnostic);
        }
        if let Some(end) = self.token68_end() {
            let token = String::from_utf8_lossy(&self.input[self.pos..end]).into_owned();
            open.body = Body::Token68(token);
            self.pos = end;
            return open;
        }
        if self.peek().is_some_and(is_tchar) {
            self.param_element(&mut open);
        } else {
            open.error = Some(self.unexpected(
                "CH-2",
                SPEC_CHALLENGE,
                self.pos,
                &format!("a token68 or a parameter after the scheme {}", open.scheme),
            ));
            self.resync(false);
        }
        open
    }

    /// Where a token68 starting here ends, if one does: its characters, its `=` padding, then
    /// the end of the element (CH-7: `YII=` is a token68, `realm=x` a parameter).
    fn token68_end(&self) -> Option<usize> {
        let mut at = self.pos;
        while self.input.get(at).copied().is_some_and(is_token68) {
            at += 1;
        }
        if at == self.pos {
            return None;
        }
        while self.input.get(at) == Some(&b'=') {
            at += 1;
        }
        self.ends_at(at).then_some(at)
    }

    /// One parameter of `open`, at a token; on an error, `open` is invalid and the rest of the
    /// element skipped.
    fn param_element(&mut self, open: &mut Open) {
        if let Err(error) = self.param(open) {
            let in_quote = error.1;
            open.error = Some(error.0);
            self.resync(in_quote);
        }
    }

    /// `auth-param = token BWS "=" BWS ( token / quoted-string )`, then the end of the
    /// element. The error says whether it was found inside a quoted-string.
    fn param(&mut self, open: &mut Open) -> Result<(), (Diagnostic, bool)> {
        let name_at = self.pos;
        let name = self.token().to_owned();
        if let Body::Token68(_) = open.body {
            return Err((
                self.diagnostic(
                    "CH-7",
                    SPEC_CHALLENGE,
                    name_at,
                    format!(
                        "the {} challenge has a token68 and then parameter \"{name}\"; a \
                         challenge carries one or the other",
                        open.scheme
                    ),
                ),
                false,
            ));
        }
        self.skip_whitespace();
        if self.peek() != Some(b'=') {
            let expected =
                format!("'=' after \"{name}\" (a parameter), or a comma after it (a token68)");
            return Err((
                self.unexpected("CH-2", SPEC_PARAM, self.pos, &expected),
                false,
            ));
        }
        self.pos += 1;
        self.skip_whitespace();
        let value_at = self.pos;
        let (octets, quoted) = if self.peek() == Some(b'"') {
            (self.quoted_string(&name)?, true)
        } else {
            (self.unquoted_value(&name)?, false)
        };
        if !self.ends_at(self.pos) {
            self.skip_whitespace();
            let expected = format!("a comma after the value of \"{name}\"");
            return Err((
                self.unexpected("CH-2", SPEC_LIST, self.pos, &expected),
                false,
            ));
        }
        let Body::Params(params) = &mut open.body else {
            return Ok(());
        };
        let max = self.options.limits.max_params;
        if params.len() == max {
            return Err((
                self.diagnostic(
                    "CH-14",
                    SPEC_LIMITS,
                    name_at,
                    format!(
                        "the {} challenge has more than {max} parameters",
                        open.scheme
                    ),
                ),
                false,
            ));
        }
        if !quoted && name.eq_ignore_ascii_case("realm") {
            self.out.warnings.push(self.diagnostic(
                "CH-13",
                SPEC_REALM,
                value_at,
                format!(
                    "the realm of the {} challenge is a token; senders must quote it",
                    open.scheme
                ),
            ));
        }
        let (value, octets) = match String::from_utf8(octets) {
            Ok(value) => (value, None),
            Err(error) => {
                let octets = error.into_bytes();
                (
                    String::from_utf8_lossy(&octets).into_owned(),
                    Some(octets.into_boxed_slice()),
                )
            }
        };
        let at = self.position(name_at);
        params.push(Param {
            name,
            value,
            octets,
            quoted,
            at,
        });
        Ok(())
    }

    /// A `quoted-string` at `"`, its quoted-pairs resolved (CH-5). It ends on its field line.
    fn quoted_string(&mut self, name: &str) -> Result<Vec<u8>, (Diagnostic, bool)> {
        let open_at = self.pos;
        let end = self.line_end(self.pos);
        self.pos += 1;
        let mut value = Vec::new();
        loop {
            let unterminated =
                self.pos >= end || (self.input[self.pos] == b'\\' && self.pos + 1 >= end);
            if unterminated {
                let message = format!(
                    "the quoted value of \"{name}\" is not closed before the end of the field \
                     line"
                );
                return Err((
                    self.diagnostic("CH-5", SPEC_QUOTED, open_at, message),
                    false,
                ));
            }
            let b = self.input[self.pos];
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(value);
                }
                b'\\' if is_quotable(self.input[self.pos + 1]) => {
                    value.push(self.input[self.pos + 1]);
                    self.pos += 2;
                }
                b'\\' => {
                    self.pos += 1;
                    let message = format!(
                        "a backslash in the quoted value of \"{name}\" is followed by {}, \
                         which cannot be escaped",
                        describe(self.input[self.pos])
                    );
                    return Err((
                        self.diagnostic("CH-5", SPEC_QUOTED, self.pos, message),
                        true,
                    ));
                }
                b if is_qdtext(b) => {
                    value.push(b);
                    self.pos += 1;
                }
                b => {
                    let message = format!(
                        "the quoted value of \"{name}\" holds {}, which a quoted-string cannot \
                         hold",
                        describe(b)
                    );
                    return Err((
                        self.diagnostic("CH-5", SPEC_QUOTED, self.pos, message),
                        true,
                    ));
                }
            }
        }
    }

    /// A `token` value; or an unquoted URL, up to the next comma: an error (CH-RM-3), accepted
    /// with a warning in lenient mode; or an error (CH-4).
    fn unquoted_value(&mut self, name: &str) -> Result<Vec<u8>, (Diagnostic, bool)> {
        let start = self.pos;
        let mut token_end = start;
        while self.input.get(token_end).copied().is_some_and(is_tchar) {
            token_end += 1;
        }
        if token_end > start && self.ends_at(token_end) {
            self.pos = token_end;
            return Ok(self.input[start..token_end].to_vec());
        }
        let mut url_end = start;
        while self
            .input
            .get(url_end)
            .copied()
            .is_some_and(|b| b != b',' && is_uri_char(b))
        {
            url_end += 1;
        }
        if url_end > start && self.ends_at(url_end) {
            let value = &self.input[start..url_end];
            let message = format!(
                "the value of \"{name}\" (\"{}\") is neither a token nor a quoted-string; a URL \
                 must be sent quoted",
                visible(&String::from_utf8_lossy(value))
            );
            let diagnostic = self.diagnostic("CH-RM-3", SPEC_URL_VALUE, start, message);
            if self.options.mode == Mode::Strict {
                return Err((diagnostic, false));
            }
            self.out.warnings.push(diagnostic);
            self.pos = url_end;
            return Ok(value.to_vec());
        }
        let error = if token_end == start && self.ends_at(start) {
            self.diagnostic(
                "CH-4",
                SPEC_PARAM,
                start,
                format!("parameter \"{name}\" has no value; a value is a token or a quoted-string"),
            )
        } else {
            let expected = format!("a token or a quoted-string as the value of \"{name}\"");
            self.unexpected("CH-4", SPEC_PARAM, token_end, &expected)
        };
        Err((error, false))
    }
}

/// CH-6: a parameter name repeated in a challenge (ignoring case) makes it ambiguous.
fn duplicate(open: &Open) -> Option<Diagnostic> {
    let Body::Params(params) = &open.body else {
        return None;
    };
    params.iter().enumerate().find_map(|(index, param)| {
        params[..index]
            .iter()
            .any(|earlier| earlier.is(&param.name))
            .then(|| {
                Diagnostic::new(
                    "CH-6",
                    SPEC_PARAM,
                    param.at,
                    format!(
                        "the {} challenge has parameter \"{}\" twice; a parameter occurs at most \
                     once in a challenge, so the challenge is ambiguous and ignored",
                        open.scheme, param.name
                    ),
                )
            })
    })
}
