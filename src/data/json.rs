//! A small JSON reader for imported files (RFC 8259): values with the line they start on, and
//! numbers kept as the text they were written as, so `7137.4` stays `7137.4` and is checked by
//! the same rules as a CSV cell (`1e400` or `NaN` is then a bad value, not a silent infinity).
//!
//! Hand-written rather than `serde_json`: that crate, with its float parsing and formatting,
//! added about 15 KB gzip to the page (measured), for an import path that needs none of it.
//! Nesting is limited to [`MAX_DEPTH`] so a hostile file cannot overflow the stack.

/// Deeper nesting than this is refused.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers are their source text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    /// Items with the line each starts on.
    Array(Vec<(usize, Value)>),
    /// Members in file order.
    Object(Vec<(String, Value)>),
}

/// What the reader expected where a JSON file went wrong (the words are in `i18n.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: text, a number, an object, an array, true, false or null.
    Value,
    /// More text: the file ends too early.
    EarlyEnd,
    Key,
    Colon,
    CommaOrBrace,
    CommaOrBracket,
    /// Nothing more after the value.
    End,
    /// A number without a leading zero.
    Number,
    Fraction,
    Exponent,
    ClosingQuote,
    /// A closing quote: text may not contain a raw line break.
    NoLineBreak,
    Escape,
    Hex,
    Surrogate,
    Utf8,
    /// At most [`MAX_DEPTH`] levels.
    Nesting,
    /// An array after `"figures"`.
    FiguresArray,
    /// An array of figures, or an object with a `"figures"` array.
    TopLevel,
    /// An entry must be an object with the figure's fields.
    FigureObject,
    /// A field must be text, a number or null.
    TextOrNumber,
    /// Text without NUL characters.
    NoNul,
}

/// What is wrong, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub expected: Expected,
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser { bytes: text.as_bytes(), pos: 0, line: 1 };
    let v = p.value(0)?;
    p.end()?;
    Ok(v)
}

/// The figures of a JSON file, read one entry at a time so a large file is parsed in steps:
/// the entries of a top-level array, or of the `"figures"` array of a top-level object (its
/// other members are parsed, for syntax, and skipped).
#[derive(Debug, Clone)]
pub struct Entries {
    pos: usize,
    line: usize,
    /// Inside an object (`{"figures": [...]}`), so its remaining members follow the array.
    in_object: bool,
    first: bool,
    done: bool,
}

impl Entries {
    /// Positions at the first entry of `text`.
    pub fn open(text: &str) -> Result<Entries, JsonError> {
        let mut p = Parser { bytes: text.as_bytes(), pos: 0, line: 1 };
        let mut entries = Entries { pos: 0, line: 1, in_object: false, first: true, done: false };
        if p.eat(b'[') {
        } else if p.eat(b'{') {
            entries.in_object = true;
            let mut first = true;
            loop {
                if first && p.eat(b'}') {
                    entries.done = true;
                    p.end()?;
                    break;
                }
                first = false;
                let key = p.key()?;
                if key == "figures" {
                    if !p.eat(b'[') {
                        return Err(p.error(Expected::FiguresArray));
                    }
                    break;
                }
                p.value(1)?;
                if p.eat(b',') {
                    continue;
                }
                if p.eat(b'}') {
                    // No "figures": nothing to import.
                    entries.done = true;
                    p.end()?;
                    break;
                }
                return Err(p.error(Expected::CommaOrBrace));
            }
        } else {
            p.space();
            return Err(p.error(Expected::TopLevel));
        }
        entries.pos = p.pos;
        entries.line = p.line;
        Ok(entries)
    }

    /// Share of `text` read, 0–1.
    pub fn fraction(&self, text: &str) -> f64 {
        if self.done {
            1.0
        } else {
            self.pos as f64 / text.len().max(1) as f64
        }
    }

    /// The next entry with its line; `None` after the last. After an error, `None`.
    pub fn next(&mut self, text: &str) -> Option<Result<(usize, Value), JsonError>> {
        if self.done {
            return None;
        }
        let mut p = Parser { bytes: text.as_bytes(), pos: self.pos, line: self.line };
        let result = self.step(&mut p);
        self.pos = p.pos;
        self.line = p.line;
        match result {
            Ok(Some(entry)) => Some(Ok(entry)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }

    fn step(&mut self, p: &mut Parser) -> Result<Option<(usize, Value)>, JsonError> {
        if self.first {
            self.first = false;
            if p.eat(b']') {
                self.close(p)?;
                return Ok(None);
            }
        } else if p.eat(b']') {
            self.close(p)?;
            return Ok(None);
        } else if !p.eat(b',') {
            return Err(p.error(Expected::CommaOrBracket));
        }
        p.space();
        let line = p.line;
        let v = p.value(1)?;
        Ok(Some((line, v)))
    }

    /// After the array: the rest of the enclosing object, then the end of the text.
    fn close(&self, p: &mut Parser) -> Result<(), JsonError> {
        if self.in_object {
            loop {
                if p.eat(b'}') {
                    break;
                }
                if !p.eat(b',') {
                    return Err(p.error(Expected::CommaOrBrace));
                }
                p.key()?;
                p.value(1)?;
            }
        }
        p.end()
    }
}

impl Parser<'_> {
    /// Only white space may follow.
    fn end(&mut self) -> Result<(), JsonError> {
        self.space();
        if self.pos < self.bytes.len() {
            Err(self.error(Expected::End))
        } else {
            Ok(())
        }
    }

    /// An error here; at the end of the text, that the file ends too early.
    fn error(&self, expected: Expected) -> JsonError {
        let expected = if self.pos >= self.bytes.len() && expected != Expected::End {
            Expected::EarlyEnd
        } else {
            expected
        };
        JsonError { line: self.line, expected }
    }

    /// A member's key and its `:`.
    fn key(&mut self) -> Result<String, JsonError> {
        self.space();
        if self.peek() != Some(b'"') {
            return Err(self.error(Expected::Key));
        }
        let key = self.string()?;
        if !self.eat(b':') {
            return Err(self.error(Expected::Colon));
        }
        Ok(key)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(Expected::Nesting));
        }
        self.space();
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Value::Object(members));
                }
                loop {
                    let key = self.key()?;
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b'}') {
                        return Ok(Value::Object(members));
                    }
                    return Err(self.error(Expected::CommaOrBrace));
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                loop {
                    self.space();
                    let line = self.line;
                    items.push((line, self.value(depth + 1)?));
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(Value::Array(items));
                    }
                    return Err(self.error(Expected::CommaOrBracket));
                }
            }
            Some(b'"') => self.string().map(Value::Text),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.error(Expected::EarlyEnd)),
            Some(_) => Err(self.error(Expected::Value)),
        }
    }

    fn word(&mut self, word: &'static str, v: Value) -> Result<Value, JsonError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error(Expected::Value))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        if self.digits() == 0 || (self.bytes.get(int_start) == Some(&b'0') && self.pos - int_start > 1) {
            return Err(self.error(Expected::Number));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(Expected::Fraction));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(Expected::Exponent));
            }
        }
        let text =
            std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or_default()).unwrap_or_default();
        Ok(Value::Number(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or_else(|| self.error(Expected::Hex))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error(Expected::Hex))?;
        let n = u32::from_str_radix(text, 16).map_err(|_| self.error(Expected::Hex))?;
        self.pos += 4;
        Ok(n)
    }

    /// A string; `self.pos` is at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else { return Err(self.error(Expected::ClosingQuote)) };
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else { return Err(self.error(Expected::Escape)) };
                    self.pos += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                    return Err(self.error(Expected::Surrogate));
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return Err(self.error(Expected::Surrogate));
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.error(Expected::Hex))?
                        }
                        _ => return Err(self.error(Expected::Escape)),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b if b < 0x20 => return Err(self.error(Expected::NoLineBreak)),
                b => out.push(b),
            }
        }
        // The input is a &str and escapes add whole characters, so this is valid UTF-8.
        String::from_utf8(out).map_err(|_| self.error(Expected::Utf8))
    }
}

#[cfg(test)]
mod tests;
