//! A JSON reader of our own: a cursor over the text that hands out each value's exact text.
//!
//! Why not serde_json's deserializer: it gives a number's exact literal only with its `arbitrary_precision`
//! feature, and cargo unifies features, so turning it on changed every crate in the user's build (their own
//! `#[serde(flatten)] HashMap<String, f64>` stopped deserializing). This reader keeps number literals as
//! written (prices never pass through a binary float, ids above 2^53 stay exact), borrows strings that have no
//! escape, and visits keys in order with duplicates intact, so the caller can report them.
//!
//! Its refusals are serde_json's, word for word and at the same line and column (`tests/json_reader.rs` holds
//! the two side by side over generated texts), because the messages' translations and the console's jump to
//! the error's place are keyed on them.

use std::borrow::Cow;

/// Why a text is not JSON, and where: `line` and `column` count from 1, `column` in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub code: ErrorCode,
    pub line: usize,
    pub column: usize,
}

/// The kinds of syntax error, each worded as serde_json words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
}

impl ErrorCode {
    pub fn message(self) -> &'static str {
        match self {
            ErrorCode::EofWhileParsingList => "EOF while parsing a list",
            ErrorCode::EofWhileParsingObject => "EOF while parsing an object",
            ErrorCode::EofWhileParsingString => "EOF while parsing a string",
            ErrorCode::EofWhileParsingValue => "EOF while parsing a value",
            ErrorCode::ExpectedColon => "expected `:`",
            ErrorCode::ExpectedListCommaOrEnd => "expected `,` or `]`",
            ErrorCode::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            ErrorCode::ExpectedSomeIdent => "expected ident",
            ErrorCode::ExpectedSomeValue => "expected value",
            ErrorCode::InvalidEscape => "invalid escape",
            ErrorCode::InvalidNumber => "invalid number",
            ErrorCode::ControlCharacterWhileParsingString => "control character (\\u0000-\\u001F) found while parsing a string",
            ErrorCode::KeyMustBeAString => "key must be a string",
            ErrorCode::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            ErrorCode::TrailingComma => "trailing comma",
            ErrorCode::TrailingCharacters => "trailing characters",
            ErrorCode::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.code.message(), self.line, self.column)
    }
}

pub type Result<T> = std::result::Result<T, SyntaxError>;

/// The start of a value: a scalar read whole, or a container whose opening bracket has been consumed.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Null,
    Bool(bool),
    /// The number's literal exactly as written (`-0`, `1E2`, `12345678901234567.89`).
    Number(&'a str),
    String(Cow<'a, str>),
    Array,
    Object,
}

/// Eight bytes at a time (SWAR: the wasm build has no SIMD): the words of a byte slice, and the classic bit
/// tests on them, exact for "some byte of the word …". Shared by the reader and the wasm layer's text scans.
pub(crate) mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The eight bytes from `i`, little-endian, if there are eight.
    pub(crate) fn word(bytes: &[u8], i: usize) -> Option<u64> {
        let mut w = [0u8; 8];
        w.copy_from_slice(bytes.get(i..i + 8)?);
        Some(u64::from_le_bytes(w))
    }

    /// Whether some byte of `w` is below `n` (n ≤ 128).
    pub(crate) fn has_below(w: u64, n: u8) -> bool {
        w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH != 0
    }

    /// Whether some byte of `w` is `b`.
    pub(crate) fn has(w: u64, b: u8) -> bool {
        has_below(w ^ (ONES * u64::from(b)), 1)
    }

    /// Whether two texts are the same: their lengths, then eight bytes at a time. (`==` on wasm32 calls a
    /// memcmp that goes a byte at a time; matching keys to fields and telling values apart were a tenth of a
    /// check there.)
    pub(crate) fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while let (Some(x), Some(y)) = (word(a, i), word(b, i)) {
            if x != y {
                return false;
            }
            i += 8;
        }
        a[i..].iter().zip(&b[i..]).all(|(x, y)| x == y)
    }

    /// A total order of texts for maps that only need to tell them apart (by length, then eight bytes at a
    /// time as numbers): cheaper than the alphabetical order on wasm32, for the reason of [`same`].
    pub(crate) fn order(a: &str, b: &str) -> std::cmp::Ordering {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        a.len().cmp(&b.len()).then_with(|| {
            let mut i = 0;
            while let (Some(x), Some(y)) = (word(a, i), word(b, i)) {
                if x != y {
                    return x.cmp(&y);
                }
                i += 8;
            }
            a[i..].cmp(&b[i..])
        })
    }
}

/// Where the run of bytes from `from` that need no attention inside a string ends: at the first `"`, `\\` or
/// control character — a word at a time, as strings are most of a payload's bytes.
fn plain_run_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = swar::word(bytes, i) {
        if swar::has(w, b'"') || swar::has(w, b'\\') || swar::has_below(w, 0x20) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\' | 0..=0x1F) {
        i += 1;
    }
    i
}

/// A cursor over JSON text. Containers are walked by the caller: after `Token::Array`, call `next_element`
/// until it answers false; after `Token::Object`, `next_key` until it answers `None`.
#[derive(Clone)]
pub struct Reader<'a> {
    text: &'a str,
    index: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { text, index: 0 }
    }

    /// A cursor at byte `index` of `text` (a place an earlier cursor over the same text was at): to read a
    /// value again whose syntax has already been checked.
    pub fn at(text: &'a str, index: usize) -> Self {
        Reader { text, index: index.min(text.len()) }
    }

    /// The byte offset of the cursor.
    pub fn position(&self) -> usize {
        self.index
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The error at byte index `i` (serde_json's `position_of_index`: the column is the bytes before `i` on
    /// its line).
    fn error_at(&self, code: ErrorCode, i: usize) -> SyntaxError {
        let before = &self.bytes()[..i];
        let start_of_line = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before[..start_of_line].iter().filter(|&&b| b == b'\n').count();
        SyntaxError { code, line, column: i - start_of_line }
    }

    /// An error caused by a byte already consumed.
    fn error(&self, code: ErrorCode) -> SyntaxError {
        self.error_at(code, self.index)
    }

    /// An error caused by the byte under the cursor (not consumed).
    fn peek_error(&self, code: ErrorCode) -> SyntaxError {
        self.error_at(code, (self.index + 1).min(self.text.len()))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.index += 1;
        Some(b)
    }

    /// The next byte that is not whitespace, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.index += 1;
        }
        None
    }

    /// Read the start of the next value.
    pub fn value(&mut self) -> Result<Token<'a>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingValue));
        };
        match peek {
            b'n' => self.ident(b"null").map(|_| Token::Null),
            b't' => self.ident(b"true").map(|_| Token::Bool(true)),
            b'f' => self.ident(b"false").map(|_| Token::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Token::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Token::String)
            }
            b'[' => {
                self.index += 1;
                Ok(Token::Array)
            }
            b'{' => {
                self.index += 1;
                Ok(Token::Object)
            }
            _ => Err(self.peek_error(ErrorCode::ExpectedSomeValue)),
        }
    }

    fn ident(&mut self, word: &[u8]) -> Result<()> {
        self.index += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
                Some(b) if b != expected => return Err(self.error(ErrorCode::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
    }

    /// A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?, its text returned as written.
    fn number(&mut self) -> Result<&'a str> {
        let start = self.index;
        if self.peek() == Some(b'-') {
            self.index += 1;
        }
        match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(ErrorCode::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.index += 1;
            match self.peek() {
                Some(b'0'..=b'9') => self.digits(),
                Some(_) => return Err(self.peek_error(ErrorCode::InvalidNumber)),
                None => return Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.index += 1;
            }
            match self.next() {
                Some(b'0'..=b'9') => self.digits(),
                None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
                Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
            }
        }
        Ok(&self.text[start..self.index])
    }

    /// The rest of a string whose opening quote has been consumed: borrowed when it holds no escape.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        let bytes = self.bytes();
        let mut start = self.index;
        let mut owned: Option<String> = None;
        loop {
            self.index = plain_run_end(bytes, self.index);
            match bytes.get(self.index) {
                None => return Err(self.error(ErrorCode::EofWhileParsingString)),
                Some(b'"') => {
                    let run = &self.text[start..self.index];
                    self.index += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[start..self.index]);
                    self.index += 1;
                    self.escape(s)?;
                    start = self.index;
                }
                Some(_) => {
                    self.index += 1;
                    return Err(self.error(ErrorCode::ControlCharacterWhileParsingString));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(out),
            Some(_) => return Err(self.error(ErrorCode::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16> {
        let Some(four) = self.bytes().get(self.index..self.index + 4) else {
            self.index = self.text.len();
            return Err(self.error(ErrorCode::EofWhileParsingString));
        };
        self.index += 4;
        let mut n: u16 = 0;
        for &b in four {
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error(ErrorCode::InvalidEscape)),
            };
            n = (n << 4) | u16::from(d);
        }
        Ok(n)
    }

    /// `\u` has been read: one code unit, or a surrogate pair; a lone surrogate is refused (UTF-8 cannot hold it).
    fn unicode_escape(&mut self, out: &mut String) -> Result<()> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            out.extend(char::from_u32(u32::from(n)));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(ErrorCode::EofWhileParsingString)),
                Some(b) if b == expected => self.index += 1,
                Some(_) => {
                    self.index += 1;
                    return Err(self.error(ErrorCode::UnexpectedEndOfHexEscape));
                }
            }
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
        }
        let c = ((u32::from(n - 0xD800) << 10) | u32::from(n2 - 0xDC00)) + 0x1_0000;
        out.extend(char::from_u32(c));
        Ok(())
    }

    /// Inside a list: whether another element follows (then read it with `value`). `first` is true before the
    /// first element. On false the closing `]` has been consumed.
    pub fn next_element(&mut self, first: &mut bool) -> Result<bool> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingList));
        };
        if peek == b']' {
            self.index += 1;
            return Ok(false);
        }
        if std::mem::take(first) {
            return Ok(true);
        }
        if peek != b',' {
            return Err(self.peek_error(ErrorCode::ExpectedListCommaOrEnd));
        }
        self.index += 1;
        match self.whitespace() {
            Some(b']') => Err(self.peek_error(ErrorCode::TrailingComma)),
            Some(_) => Ok(true),
            None => Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
        }
    }

    /// Inside an object: the next key, its colon consumed (then read the value with `value` or `skip`), or
    /// `None` once the closing `}` has been consumed. `first` is true before the first member.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingObject));
        };
        if peek == b'}' {
            self.index += 1;
            return Ok(None);
        }
        if std::mem::take(first) {
            if peek != b'"' {
                return Err(self.peek_error(ErrorCode::KeyMustBeAString));
            }
        } else if peek == b',' {
            self.index += 1;
            match self.whitespace() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.peek_error(ErrorCode::TrailingComma)),
                Some(_) => return Err(self.peek_error(ErrorCode::KeyMustBeAString)),
                None => return Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
            }
        } else {
            return Err(self.peek_error(ErrorCode::ExpectedObjectCommaOrEnd));
        }
        self.index += 1;
        let key = self.string()?;
        match self.whitespace() {
            Some(b':') => self.index += 1,
            Some(_) => return Err(self.peek_error(ErrorCode::ExpectedColon)),
            None => return Err(self.peek_error(ErrorCode::EofWhileParsingObject)),
        }
        Ok(Some(key))
    }

    /// Read past one value, checking its syntax, keeping nothing. Iterative: no nesting reaches the stack.
    pub fn skip(&mut self) -> Result<()> {
        // Per open container: whether it is a list, and whether it has had no member yet.
        let mut open: Vec<(bool, bool)> = Vec::new();
        let mut token = self.value()?;
        loop {
            match token {
                Token::Array => open.push((true, true)),
                Token::Object => open.push((false, true)),
                _ => {}
            }
            // Find the next value to read, closing finished containers.
            loop {
                let Some((list, first)) = open.last_mut() else { return Ok(()) };
                let more = if *list { self.next_element(first)? } else { self.next_key(first)?.is_some() };
                if more {
                    break;
                }
                open.pop();
            }
            token = self.value()?;
        }
    }

    /// After the value: only whitespace may follow.
    pub fn end(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(_) => Err(self.peek_error(ErrorCode::TrailingCharacters)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plain_run_end;
    use super::swar;

    #[test]
    fn same_and_order_agree_with_equality() {
        // Texts of every length to 20 differing at every position (and in a multi-byte character), against `==`;
        // the order must be total: equal exactly when the texts are, antisymmetric, and consistent with a sort.
        let mut texts = vec![String::new(), "仓".to_string(), "仓库".to_string()];
        for len in 1..=20 {
            let base: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            texts.push(base.clone());
            for at in 0..len {
                let mut b = base.clone().into_bytes();
                b[at] = b'Z';
                texts.push(String::from_utf8(b).unwrap_or_default());
            }
        }
        for a in &texts {
            for b in &texts {
                assert_eq!(swar::same(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(swar::order(a, b) == std::cmp::Ordering::Equal, a == b, "{a:?} {b:?}");
                assert_eq!(swar::order(a, b), swar::order(b, a).reverse(), "{a:?} {b:?}");
            }
        }
        let mut sorted = texts.clone();
        sorted.sort_by(|a, b| swar::order(a, b));
        for w in sorted.windows(2) {
            assert_eq!(swar::order(&w[0], &w[1]), std::cmp::Ordering::Less, "{:?} {:?}", w[0], w[1]);
        }
        for (i, a) in sorted.iter().enumerate() {
            for b in &sorted[i + 1..] {
                assert_eq!(swar::order(a, b), std::cmp::Ordering::Less, "transitive: {a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_word_at_a_time_scan_stops_where_the_byte_loop_does() {
        let naive = |b: &[u8], from: usize| (from..b.len()).find(|&i| matches!(b[i], b'"' | b'\\' | 0..=0x1F)).unwrap_or(b.len());
        // Every stop byte at every offset of a word, among plain ASCII, multi-byte UTF-8 and bytes near the
        // bounds of the tricks (0x1F/0x20, 0x21/0x23, 0x5B/0x5D, 0x7F/0x80, 0xFF).
        let fillers: [&[u8]; 3] =
            [b"abcdefghijklmnopqrstuvwx", "天猫精灵红色XXL￥".as_bytes(), &[0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF, 0xE2, 0x5A]];
        for filler in fillers {
            for stop in [b'"', b'\\', 0x00, 0x01, 0x0A, 0x1F] {
                for at in 0..filler.len() {
                    let mut b = filler.to_vec();
                    b[at] = stop;
                    for from in 0..b.len() {
                        assert_eq!(plain_run_end(&b, from), naive(&b, from), "{b:?} from {from}");
                    }
                }
            }
            assert_eq!(plain_run_end(filler, 0), naive(filler, 0));
        }
    }
}
