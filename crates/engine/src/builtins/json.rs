//! `JSON.parse` (with V8's error messages) and `JSON.stringify`.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::{number_to_jsstr, Value};

pub fn init(it: &mut Interp) {
    let json = it.new_object();
    it.define_method(&json, "parse", 2, json_parse);
    it.define_method(&json, "stringify", 3, json_stringify);
    it.define_method(&json, "rawJSON", 1, json_raw_json);
    it.define_method(&json, "isRawJSON", 1, json_is_raw_json);
    json.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("JSON"),
        Attrs::CONFIGURABLE_ONLY,
    );
    super::define_global(it, "JSON", Value::Object(json));
}

// ---- JSON.parse --------------------------------------------------------------------------------

/// V8's JSON parse errors: a message template and (for most) the position.
enum ParseError {
    /// Unexpected token at the cursor (the message depends on the token, see `message`).
    Token,
    /// A fixed message followed by " in JSON at position N".
    At(&'static str),
    /// Unexpected end of JSON input.
    Eos,
    /// Trailing characters: "Unexpected non-whitespace character after JSON at position N".
    Trailing,
    /// Unexpected number / string at the position.
    UnexpectedNumber,
}

/// An array or object whose closing bracket has not been read yet (with the key of the
/// member being parsed).
enum Open {
    Array(Vec<Value>),
    Object(Obj, JsStr),
}

struct Parser<'a> {
    s: &'a [u16],
    pos: usize,
}

type PResult<T> = Result<T, (ParseError, usize)>;

const MAX_CONTEXT: usize = 10;

fn units_to_string(u: &[u16]) -> String {
    String::from_utf16_lossy(u)
}

/// V8 13.6's ` (line L column C)` for a position: 1-based, a line ends at `\n`, `\r` or
/// `\r\n`.
fn line_column(src: &[u16], pos: usize) -> String {
    let (mut line, mut start, mut i) = (1, 0, 0);
    while i < pos.min(src.len()) {
        match src[i] {
            0x0D if src.get(i + 1) == Some(&0x0A) && i + 1 < pos => {
                i += 1;
                line += 1;
                start = i + 1;
            }
            0x0A | 0x0D => {
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    format!(" (line {line} column {})", pos - start + 1)
}

/// The message V8 gives for a parse failure at `pos`.
fn error_message(src: &[u16], err: ParseError, pos: usize) -> String {
    let at = line_column(src, pos);
    match err {
        ParseError::Eos => "Unexpected end of JSON input".into(),
        ParseError::Trailing => {
            format!("Unexpected non-whitespace character after JSON at position {pos}{at}")
        }
        ParseError::At(m) => format!("{m} in JSON at position {pos}{at}"),
        ParseError::UnexpectedNumber => {
            format!("Unexpected number in JSON at position {pos}{at}")
        }
        ParseError::Token => {
            if pos >= src.len() {
                return "Unexpected end of JSON input".into();
            }
            let whole = units_to_string(src);
            // IsSpecialString: the whole input is one of these.
            if matches!(
                whole.as_str(),
                "[object Object]" | "undefined" | "Infinity" | "NaN"
            ) {
                return format!("\"{whole}\" is not valid JSON");
            }
            // The unexpected character: one UTF-16 unit, as V8 reports it.
            let tok = units_to_string(&src[pos..pos + 1]);
            let len = src.len();
            if len <= 2 * MAX_CONTEXT + 1 {
                return format!("Unexpected token '{tok}', \"{whole}\" is not valid JSON");
            }
            if pos < MAX_CONTEXT {
                let ctx = units_to_string(&src[..pos + MAX_CONTEXT]);
                format!("Unexpected token '{tok}', \"{ctx}\"... is not valid JSON")
            } else if pos < len - MAX_CONTEXT {
                let ctx = units_to_string(&src[pos - MAX_CONTEXT..pos + MAX_CONTEXT]);
                format!("Unexpected token '{tok}', ...\"{ctx}\"... is not valid JSON")
            } else {
                let ctx = units_to_string(&src[pos - MAX_CONTEXT..]);
                format!("Unexpected token '{tok}', ...\"{ctx}\" is not valid JSON")
            }
        }
    }
}

fn is_ws(c: u16) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u16> {
        self.s.get(self.pos).copied()
    }
    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if !is_ws(c) {
                break;
            }
            self.pos += 1;
        }
    }
    fn fail<T>(&self, e: ParseError) -> PResult<T> {
        Err((e, self.pos))
    }
    /// An unexpected token at the cursor (end of input → "Unexpected end").
    fn unexpected<T>(&self) -> PResult<T> {
        if self.pos >= self.s.len() {
            self.fail(ParseError::Eos)
        } else {
            self.fail(ParseError::Token)
        }
    }

    /// Parses one JSON value. Iterative (an explicit stack of open arrays and objects), as
    /// V8's parser is: `'['.repeat(1e5) + ']'.repeat(1e5)` parses.
    fn parse_value(&mut self, it: &mut Interp) -> PResult<Value> {
        let mut open: Vec<Open> = Vec::new();
        'value: loop {
            self.skip_ws();
            let Some(c) = self.peek() else {
                return self.fail(ParseError::Eos);
            };
            let mut v = match c {
                0x22 => Value::String(self.parse_string()?),
                0x7B => {
                    self.pos += 1;
                    let obj = it.new_object();
                    self.skip_ws();
                    if self.peek() == Some(0x7D) {
                        self.pos += 1;
                        Value::Object(obj)
                    } else {
                        let key = self.parse_property_name(true)?;
                        open.push(Open::Object(obj, key));
                        continue 'value;
                    }
                }
                0x5B => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(0x5D) {
                        self.pos += 1;
                        Value::Object(it.new_array(Vec::new()))
                    } else {
                        open.push(Open::Array(Vec::new()));
                        continue 'value;
                    }
                }
                0x74 => self.parse_literal("true", Value::Bool(true))?,
                0x66 => self.parse_literal("false", Value::Bool(false))?,
                0x6E => self.parse_literal("null", Value::Null)?,
                0x2D | 0x30..=0x39 => self.parse_number()?,
                _ => return self.unexpected(),
            };
            // `v` is complete: store it in the innermost open container, closing containers
            // as their closing brackets come.
            loop {
                match open.pop() {
                    None => return Ok(v),
                    Some(Open::Array(mut items)) => {
                        items.push(v);
                        self.skip_ws();
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                open.push(Open::Array(items));
                                continue 'value;
                            }
                            Some(0x5D) => {
                                self.pos += 1;
                                v = Value::Object(it.new_array(items));
                            }
                            _ => {
                                return self.fail(ParseError::At(
                                    "Expected ',' or ']' after array element",
                                ))
                            }
                        }
                    }
                    Some(Open::Object(obj, key)) => {
                        // CreateDataProperty: a later duplicate key overwrites (keeping the
                        // first position).
                        obj.ordinary_define_own_property(
                            PropKey::from_str(&key),
                            crate::object::PropertyDescriptor::data(v, Attrs::DEFAULT),
                        );
                        self.skip_ws();
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                let key = self.parse_property_name(false)?;
                                open.push(Open::Object(obj, key));
                                continue 'value;
                            }
                            Some(0x7D) => {
                                self.pos += 1;
                                v = Value::Object(obj);
                            }
                            _ => {
                                return self.fail(ParseError::At(
                                    "Expected ',' or '}' after property value",
                                ))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A property name and its colon (`first`: right after the `{`).
    fn parse_property_name(&mut self, first: bool) -> PResult<JsStr> {
        self.skip_ws();
        if self.peek() != Some(0x22) {
            return self.fail(ParseError::At(if first {
                "Expected property name or '}'"
            } else {
                "Expected double-quoted property name"
            }));
        }
        let key = self.parse_string()?;
        self.skip_ws();
        if self.peek() != Some(0x3A) {
            return self.fail(ParseError::At("Expected ':' after property name"));
        }
        self.pos += 1;
        Ok(key)
    }

    fn parse_literal(&mut self, lit: &str, v: Value) -> PResult<Value> {
        for b in lit.bytes() {
            match self.peek() {
                Some(c) if c == b as u16 => self.pos += 1,
                _ => return self.unexpected(),
            }
        }
        Ok(v)
    }

    fn parse_number(&mut self) -> PResult<Value> {
        let start = self.pos;
        let digit = |c: Option<u16>| matches!(c, Some(0x30..=0x39));
        if self.peek() == Some(0x2D) {
            self.pos += 1;
            if !digit(self.peek()) {
                return self.fail(ParseError::At("No number after minus sign"));
            }
        }
        if self.peek() == Some(0x30) {
            self.pos += 1;
            if digit(self.peek()) {
                return self.fail(ParseError::UnexpectedNumber);
            }
        } else {
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        if self.peek() == Some(0x2E) {
            self.pos += 1;
            if !digit(self.peek()) {
                return self.fail(ParseError::At("Unterminated fractional number"));
            }
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            if !digit(self.peek()) {
                return self.fail(ParseError::At("Exponent part is missing a number"));
            }
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        let text: String = self.s[start..self.pos]
            .iter()
            .map(|&u| u as u8 as char)
            .collect();
        Ok(Value::Number(text.parse::<f64>().unwrap_or(f64::NAN)))
    }

    fn hex4(&mut self) -> PResult<u16> {
        let mut v: u16 = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ 0x30..=0x39) => c - 0x30,
                Some(c @ 0x61..=0x66) => c - 0x61 + 10,
                Some(c @ 0x41..=0x46) => c - 0x41 + 10,
                _ => return self.fail(ParseError::At("Bad Unicode escape")),
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    fn parse_string(&mut self) -> PResult<JsStr> {
        // At the opening quote.
        self.pos += 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return self.fail(ParseError::At("Unterminated string"));
            };
            match c {
                0x22 => {
                    self.pos += 1;
                    return Ok(JsStr::from_units(out));
                }
                0x5C => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return self.fail(ParseError::Eos);
                    };
                    let ch = match e {
                        0x22 => 0x22,
                        0x5C => 0x5C,
                        0x2F => 0x2F,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            self.pos += 1;
                            let v = self.hex4()?;
                            out.push(v);
                            continue;
                        }
                        _ => return self.fail(ParseError::At("Bad escaped character")),
                    };
                    out.push(ch);
                    self.pos += 1;
                }
                c if c < 0x20 => {
                    return self.fail(ParseError::At("Bad control character in string literal"))
                }
                c => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }
}

/// Parses JSON text into a value, or V8's SyntaxError message.
pub fn parse_json_text(it: &mut Interp, text: &JsStr) -> Result<Value, String> {
    let src = text.units();
    let mut p = Parser { s: src, pos: 0 };
    let r = p.parse_value(it).and_then(|v| {
        p.skip_ws();
        if p.pos < src.len() {
            p.fail(ParseError::Trailing)
        } else {
            Ok(v)
        }
    });
    r.map_err(|(e, pos)| error_message(src, e, pos))
}

/// JSON.parse(text [, reviver]).
fn json_parse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let jsonString be ? ToString(text).
    let text = it.to_string(&a.get(0))?;
    let unfiltered = match parse_json_text(it, &text) {
        Ok(v) => v,
        Err(m) => return Err(it.syntax_error(m)),
    };
    let reviver = a.get(1);
    // 11. If IsCallable(reviver) is true: InternalizeJSONProperty(root, "", reviver), with
    // the parse records of JSON.parse source text access (the reviver's `context.source`).
    if it.is_callable(&reviver) {
        let record = parse_record(text.units(), &unfiltered);
        let root = it.new_object();
        root.define("", unfiltered, Attrs::DEFAULT);
        return internalize_json_property(it, &root, static_key!(""), &reviver, Some(&record), 0);
    }
    Ok(unfiltered)
}

/// A JSON Parse Record: the value a piece of the text parsed to, with the source text of a
/// primitive, or the records of an array's elements or an object's members.
struct ParseRecord {
    value: Value,
    source: Option<JsStr>,
    elements: Vec<ParseRecord>,
    entries: Vec<(JsStr, ParseRecord)>,
}

/// The parse records of `src`, already parsed (successfully) to `value`: a second walk of
/// the text beside the value. Deeper than the reviver may go, no records are made.
fn parse_record(src: &[u16], value: &Value) -> ParseRecord {
    let mut p = Parser { s: src, pos: 0 };
    record_of(&mut p, value.clone(), 0)
}

fn record_of(p: &mut Parser, value: Value, depth: usize) -> ParseRecord {
    let mut r = ParseRecord {
        value: value.clone(),
        source: None,
        elements: Vec::new(),
        entries: Vec::new(),
    };
    p.skip_ws();
    let start = p.pos;
    match p.peek() {
        Some(0x5B) => {
            p.pos += 1;
            let Value::Object(arr) = &value else {
                return r;
            };
            let mut i = 0u32;
            loop {
                p.skip_ws();
                match p.peek() {
                    Some(0x5D) => {
                        p.pos += 1;
                        break;
                    }
                    Some(0x2C) => p.pos += 1,
                    None => break,
                    _ => {
                        if depth >= MAX_REVIVER_DEPTH {
                            skip_value(p);
                        } else {
                            let v = arr.get_own_data(&PropKey::Index(i)).unwrap_or_default();
                            r.elements.push(record_of(p, v, depth + 1));
                        }
                        i += 1;
                    }
                }
            }
        }
        Some(0x7B) => {
            p.pos += 1;
            let Value::Object(obj) = &value else {
                return r;
            };
            loop {
                p.skip_ws();
                match p.peek() {
                    Some(0x7D) => {
                        p.pos += 1;
                        break;
                    }
                    Some(0x2C) => p.pos += 1,
                    Some(0x22) => {
                        let Ok(key) = p.parse_string() else {
                            break;
                        };
                        p.skip_ws();
                        if p.peek() == Some(0x3A) {
                            p.pos += 1;
                        }
                        if depth >= MAX_REVIVER_DEPTH {
                            skip_value(p);
                            continue;
                        }
                        let v = obj
                            .get_own_data(&PropKey::from_str(&key))
                            .unwrap_or_default();
                        let rec = record_of(p, v, depth + 1);
                        // A later duplicate key's member replaces the earlier one.
                        match r.entries.iter_mut().find(|(k, _)| *k == key) {
                            Some(e) => e.1 = rec,
                            None => r.entries.push((key, rec)),
                        }
                    }
                    _ => break,
                }
            }
        }
        Some(_) => {
            skip_value(p);
            r.source = Some(JsStr::from_slice(&p.s[start..p.pos]));
        }
        None => {}
    }
    r
}

/// Moves past one value (its text is known to be valid JSON).
fn skip_value(p: &mut Parser) {
    p.skip_ws();
    match p.peek() {
        Some(0x22) => {
            let _ = p.parse_string();
        }
        Some(0x5B | 0x7B) => {
            let mut depth = 0usize;
            while let Some(c) = p.peek() {
                match c {
                    0x22 => {
                        let _ = p.parse_string();
                        continue;
                    }
                    0x5B | 0x7B => depth += 1,
                    0x5D | 0x7D => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            p.pos += 1;
                            return;
                        }
                    }
                    _ => {}
                }
                p.pos += 1;
            }
        }
        _ => {
            while let Some(c) = p.peek() {
                if matches!(c, 0x2C | 0x5D | 0x7D) || is_ws(c) {
                    break;
                }
                p.pos += 1;
            }
        }
    }
}

/// JSON.rawJSON(text): a frozen null-prototype object whose `rawJSON` JSON.stringify emits
/// as it is; the text must be one primitive JSON value without surrounding whitespace.
fn json_raw_json(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let text = it.to_string(&a.get(0))?;
    let src = text.units();
    let invalid = |it: &mut Interp| it.syntax_error("Invalid value for JSON.rawJSON");
    let Some(&first) = src.first() else {
        return Err(invalid(it));
    };
    if is_ws(first) || first == 0x5B || first == 0x7B {
        return Err(it.syntax_error(error_message(src, ParseError::Token, 0)));
    }
    let mut p = Parser { s: src, pos: 0 };
    if let Err((e, pos)) = p.parse_value(it) {
        return Err(it.syntax_error(error_message(src, e, pos)));
    }
    if p.pos < src.len() {
        return Err(invalid(it));
    }
    let o = Obj::new(None, ObjectKind::Ordinary);
    o.define(
        "rawJSON",
        Value::String(text.clone()),
        Attrs::new(false, true, false),
    );
    o.define(
        PropKey::Sym(it.raw_json_symbol.clone()),
        Value::Bool(true),
        Attrs::NONE,
    );
    o.borrow_mut().extensible = false;
    Ok(Value::Object(o))
}

fn is_raw_json(it: &Interp, v: &Value) -> Option<Obj> {
    match v {
        Value::Object(o)
            if o.get_own_data(&PropKey::Sym(it.raw_json_symbol.clone()))
                .is_some() =>
        {
            Some(o.clone())
        }
        _ => None,
    }
}

/// JSON.isRawJSON(O).
fn json_is_raw_json(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(is_raw_json(it, &a.get(0)).is_some()))
}

/// Most nested objects and arrays a reviver walks (V8's, from top-level code).
const MAX_REVIVER_DEPTH: usize = 2_318;

/// InternalizeJSONProperty(holder, name, reviver, parseRecord).
fn internalize_json_property(
    it: &mut Interp,
    holder: &Obj,
    name: PropKey,
    reviver: &Value,
    record: Option<&ParseRecord>,
    depth: usize,
) -> JsResult<Value> {
    // 1. Let val be ? Get(holder, name).
    let val = it.get(holder, &name)?;
    // The record still describes `val` only if the reviver left it in place.
    let record = record.filter(|r| r.value.same_value(&val));
    // The context: `{ source }` for a primitive from the text, else `{}`.
    let context = it.new_object();
    if let (Some(r), false) = (record, matches!(val, Value::Object(_))) {
        if let Some(src) = &r.source {
            context.define("source", Value::String(src.clone()), Attrs::DEFAULT);
        }
    }
    // 2. If val is an Object:
    if let Value::Object(o) = &val {
        // V8 recurses on its native stack: from top-level code it overflows past 2 318
        // nested arrays or objects.
        if depth >= MAX_REVIVER_DEPTH {
            return Err(it.range_error("Maximum call stack size exceeded"));
        }
        let keys: Vec<PropKey> = if it.is_array(&val)? {
            let len = it.length_of_array_like(o)?;
            (0..len).map(crate::interp::ops::index_key).collect()
        } else {
            crate::builtins::object::enumerable_own_properties(
                it,
                o,
                crate::builtins::object::EnumKind::Keys,
            )?
            .iter()
            .filter_map(|k| match k {
                Value::String(s) => Some(PropKey::from_str(s)),
                _ => None,
            })
            .collect()
        };
        let is_array = it.is_array(&val)?;
        for k in keys {
            let child = record.and_then(|r| {
                if is_array {
                    match &k {
                        PropKey::Index(i) => r.elements.get(*i as usize),
                        _ => None,
                    }
                } else {
                    let ks = k.to_jsstr();
                    r.entries.iter().find(|(n, _)| *n == ks).map(|(_, c)| c)
                }
            });
            let new_element =
                internalize_json_property(it, o, k.clone(), reviver, child, depth + 1)?;
            if new_element.is_undefined() {
                it.delete_property(o, &k)?;
            } else {
                it.create_data_property(o, k, new_element)?;
            }
        }
    }
    // 3. Return ? Call(reviver, holder, « name, val, context »).
    it.call(
        reviver,
        &Value::Object(holder.clone()),
        &[name.to_value(), val, Value::Object(context)],
    )
}

// ---- JSON.stringify ----------------------------------------------------------------------------

struct State {
    replacer: Option<Value>,
    property_list: Option<Vec<PropKey>>,
    /// Objects being serialized, with the key each was reached by (for the cycle message).
    stack: Vec<(PropKey, Obj)>,
    indent: String,
    gap: String,
    /// How much of the output has been measured in UTF-16 code units (`too_long`).
    measured_bytes: usize,
    measured_units: usize,
}

use crate::builtins::string::MAX_STRING_LENGTH;

/// Is the output past V8's string length limit? `out` is UTF-8, at least as many bytes as
/// the UTF-16 code units it stands for, so only output longer than the limit in bytes is
/// measured, and only the part not measured before (linear overall).
fn too_long(state: &mut State, out: &str) -> bool {
    if out.len() <= MAX_STRING_LENGTH {
        return false;
    }
    if out.len() < state.measured_bytes {
        // A member was taken back out since.
        state.measured_bytes = 0;
        state.measured_units = 0;
    }
    // A code unit per UTF-8 lead byte, two for a 4-byte sequence (a surrogate pair).
    state.measured_units += out.as_bytes()[state.measured_bytes..]
        .iter()
        .map(|&b| (b & 0xC0 != 0x80) as usize + (b >= 0xF0) as usize)
        .sum::<usize>();
    state.measured_bytes = out.len();
    state.measured_units > MAX_STRING_LENGTH
}

/// JSON.stringify(value [, replacer [, space]]).
fn json_stringify(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let value = a.get(0);
    let replacer = a.get(1);
    let mut space = a.get(2);
    let mut state = State {
        replacer: None,
        property_list: None,
        stack: Vec::new(),
        indent: String::new(),
        gap: String::new(),
        measured_bytes: 0,
        measured_units: 0,
    };
    // 4. If replacer is an Object: a function, or an array of property names.
    if let Value::Object(r) = &replacer {
        if r.is_callable() {
            state.replacer = Some(replacer.clone());
        } else if it.is_array(&replacer)? {
            let mut list: Vec<PropKey> = Vec::new();
            let len = it.length_of_array_like(r)?;
            for i in 0..len {
                let v = it.get(r, &crate::interp::ops::index_key(i))?;
                let item = match &v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(number_to_jsstr(*n)),
                    Value::Object(o) => {
                        let boxed = matches!(
                            o.borrow().kind,
                            ObjectKind::String(_) | ObjectKind::Number(_)
                        );
                        if boxed {
                            Some(it.to_string(&v)?)
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                if let Some(s) = item {
                    let k = PropKey::from_str(&s);
                    if !list.contains(&k) {
                        list.push(k);
                    }
                }
            }
            state.property_list = Some(list);
        }
    }
    // 5. Unbox a Number or String space.
    if let Value::Object(o) = &space {
        let kind = match o.borrow().kind {
            ObjectKind::Number(_) => 1,
            ObjectKind::String(_) => 2,
            _ => 0,
        };
        if kind == 1 {
            space = Value::Number(it.to_number(&space)?);
        } else if kind == 2 {
            space = Value::String(it.to_string(&space)?);
        }
    }
    // 6-8. The gap.
    state.gap = match &space {
        Value::Number(n) => {
            let k = crate::value::to_integer_or_infinity(*n).clamp(0.0, 10.0) as usize;
            " ".repeat(k)
        }
        Value::String(s) => {
            let n = s.len().min(10);
            s.slice(0, n).to_rust_string()
        }
        _ => String::new(),
    };
    // 9-11. wrapper = { "": value }.
    let wrapper = it.new_object();
    wrapper.define("", value, Attrs::DEFAULT);
    let mut out = String::new();
    let present = serialize_json_property(it, &mut state, static_key!(""), &wrapper, &mut out)?;
    if !present {
        return Ok(Value::Undefined);
    }
    if too_long(&mut state, &out) {
        return Err(it.range_error("Invalid string length"));
    }
    Ok(Value::String(JsStr::from(out.as_str())))
}

/// SerializeJSONProperty(state, key, holder): appends to `out`; false means undefined.
fn serialize_json_property(
    it: &mut Interp,
    state: &mut State,
    key: PropKey,
    holder: &Obj,
    out: &mut String,
) -> JsResult<bool> {
    // 1. Let value be ? Get(holder, key).
    let mut value = it.get(holder, &key)?;
    // 2. If value is an Object or a BigInt, call its toJSON.
    if matches!(value, Value::Object(_) | Value::BigInt(_)) {
        let to_json = it.get_v(&value, &static_key!("toJSON"))?;
        if it.is_callable(&to_json) {
            value = it.call(&to_json, &value, &[key.to_value()])?;
        }
    }
    // 3. The replacer function.
    if let Some(r) = state.replacer.clone() {
        value = it.call(&r, &Value::Object(holder.clone()), &[key.to_value(), value])?;
    }
    // 4.a A JSON.rawJSON object: its text as it is.
    if let Some(raw) = is_raw_json(it, &value) {
        let text = it.get(&raw, &static_key!("rawJSON"))?;
        let text = it.to_string(&text)?;
        out.push_str(&text.to_rust_string());
        return Ok(true);
    }
    // 4. Unbox Number, String, Boolean, BigInt objects.
    if let Value::Object(o) = &value {
        let mut bigint = None;
        let kind = match &o.borrow().kind {
            ObjectKind::Number(_) => 1,
            ObjectKind::String(_) => 2,
            ObjectKind::Boolean(b) => 3 + *b as u8,
            ObjectKind::BigInt(b) => {
                bigint = Some(b.clone());
                0
            }
            _ => 0,
        };
        if let Some(b) = bigint {
            value = Value::BigInt(b);
        }
        match kind {
            1 => value = Value::Number(it.to_number(&value)?),
            2 => value = Value::String(it.to_string(&value)?),
            3 => value = Value::Bool(false),
            4 => value = Value::Bool(true),
            _ => {}
        }
    }
    match &value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::String(s) => quote_json_string(out, s),
        Value::Number(n) => {
            if n.is_finite() {
                out.push_str(&number_to_jsstr(*n).to_rust_string());
            } else {
                out.push_str("null");
            }
        }
        Value::BigInt(_) => return Err(it.type_error("Do not know how to serialize a BigInt")),
        Value::Object(o) if !o.is_callable() => {
            if it.is_array(&value)? {
                serialize_json_array(it, state, key, o, out)?;
            } else {
                serialize_json_object(it, state, key, o, out)?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// QuoteJSONString, well-formed (lone surrogates escaped).
pub fn quote_json_string(out: &mut String, s: &JsStr) {
    out.push('"');
    let u = s.units();
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        match c {
            0x08 => out.push_str("\\b"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0C => out.push_str("\\f"),
            0x0D => out.push_str("\\r"),
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            c if c < 0x20 => out.push_str(&format!("\\u{c:04x}")),
            0xD800..=0xDBFF => {
                if i + 1 < u.len() && (0xDC00..=0xDFFF).contains(&u[i + 1]) {
                    let cp = 0x10000 + (((c as u32) - 0xD800) << 10) + ((u[i + 1] as u32) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                    i += 1;
                } else {
                    out.push_str(&format!("\\u{c:04x}"));
                }
            }
            0xDC00..=0xDFFF => out.push_str(&format!("\\u{c:04x}")),
            c => out.push(char::from_u32(c as u32).unwrap_or('\u{FFFD}')),
        }
        i += 1;
    }
    out.push('"');
}

/// The constructor name V8 shows in the circular-structure message.
fn constructor_name(o: &Obj) -> String {
    crate::builtins::object::constructor_name_of(o)
}

fn circular_key(k: &PropKey) -> String {
    match k {
        PropKey::Index(i) => format!("index {i}"),
        PropKey::Str(s) if s.is_empty() => "<anonymous>".into(),
        PropKey::Str(s) => format!("property '{s}'"),
        PropKey::Sym(s) => format!("property '{}'", s.descriptive_string()),
    }
}

/// Most objects and arrays `JSON.stringify` nests (V8's, from top-level code).
const MAX_DEPTH: usize = 4_467;
/// The same with a replacer function, which V8 calls from each level.
const MAX_DEPTH_WITH_REPLACER: usize = 2_314;

/// Pushes `o` on the stack, or throws V8's "Converting circular structure" TypeError.
fn enter_object(it: &mut Interp, state: &mut State, key: PropKey, o: &Obj) -> JsResult<()> {
    if let Some(start) = state.stack.iter().position(|(_, x)| Obj::ptr_eq(x, o)) {
        let mut m = String::from("Converting circular structure to JSON");
        let size = state.stack.len();
        let mut index = start;
        m.push_str("\n    --> starting at object with constructor '");
        m.push_str(&constructor_name(&state.stack[index].1));
        m.push('\'');
        index += 1;
        let line = |m: &mut String, (k, x): &(PropKey, Obj)| {
            m.push_str("\n    |     ");
            m.push_str(&circular_key(k));
            m.push_str(" -> object with constructor '");
            m.push_str(&constructor_name(x));
            m.push('\'');
        };
        let prefix_end = size.min(index + 2);
        while index < prefix_end {
            line(&mut m, &state.stack[index]);
            index += 1;
        }
        if size > index + 1 {
            m.push_str("\n    |     ...");
        }
        index = index.max(size - 1);
        while index < size {
            line(&mut m, &state.stack[index]);
            index += 1;
        }
        m.push_str("\n    --- ");
        m.push_str(&circular_key(&key));
        m.push_str(" closes the circle");
        return Err(it.type_error(m));
    }
    // V8 serializes recursively on its native stack: from top-level code it overflows past
    // 4 467 nested objects and arrays, or 2 314 with a replacer function.
    let limit = if state.replacer.is_some() {
        MAX_DEPTH_WITH_REPLACER
    } else {
        MAX_DEPTH
    };
    if state.stack.len() >= limit {
        return Err(it.range_error("Maximum call stack size exceeded"));
    }
    state.stack.push((key, o.clone()));
    Ok(())
}

/// SerializeJSONObject(state, value).
fn serialize_json_object(
    it: &mut Interp,
    state: &mut State,
    key: PropKey,
    o: &Obj,
    out: &mut String,
) -> JsResult<()> {
    // 1-2. Cycle check, push.
    enter_object(it, state, key, o)?;
    // 3-4. stepback, indent.
    let stepback = state.indent.clone();
    state.indent.push_str(&state.gap.clone());
    // 5-6. K: the property list or EnumerableOwnProperties(value, key).
    let keys: Vec<PropKey> = match &state.property_list {
        Some(l) => l.clone(),
        None => {
            let mut ks = Vec::new();
            for k in it.own_property_keys(o)? {
                if k.is_symbol() {
                    continue;
                }
                if it
                    .get_own_property_attrs(o, &k)?
                    .is_some_and(|p| p.attrs.enumerable())
                {
                    ks.push(k);
                }
            }
            ks
        }
    };
    // 7-10. Serialize each member straight into `out` (a member whose value serializes to
    // undefined is taken back out): building each member as its own string, as the spec's
    // `partial` list does, copies nested output once per level.
    out.push('{');
    let mut any = false;
    for p in keys {
        let mark = out.len();
        if any {
            out.push(',');
        }
        if !state.gap.is_empty() {
            out.push('\n');
            out.push_str(&state.indent);
        }
        quote_json_string(out, &p.to_jsstr());
        out.push(':');
        if !state.gap.is_empty() {
            out.push(' ');
        }
        if serialize_json_property(it, state, p, o, out)? {
            any = true;
            if too_long(state, out) {
                return Err(it.range_error("Invalid string length"));
            }
        } else {
            out.truncate(mark);
        }
    }
    if any && !state.gap.is_empty() {
        out.push('\n');
        out.push_str(&stepback);
    }
    out.push('}');
    // 11-12. Pop, restore the indent.
    state.stack.pop();
    state.indent = stepback;
    Ok(())
}

/// SerializeJSONArray(state, value).
fn serialize_json_array(
    it: &mut Interp,
    state: &mut State,
    key: PropKey,
    o: &Obj,
    out: &mut String,
) -> JsResult<()> {
    enter_object(it, state, key, o)?;
    let stepback = state.indent.clone();
    state.indent.push_str(&state.gap.clone());
    let len = it.length_of_array_like(o)?;
    // Every element adds at least one character and a comma: an array that long fails
    // before any element is read, as in V8 (not after serializing 2^32 holes).
    if len > 0 && len.saturating_mul(2).saturating_add(1) > MAX_STRING_LENGTH as u64 {
        return Err(it.range_error("Invalid string length"));
    }
    // Elements are serialized straight into `out` (see `serialize_json_object`).
    out.push('[');
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        if !state.gap.is_empty() {
            out.push('\n');
            out.push_str(&state.indent);
        }
        if !serialize_json_property(it, state, crate::interp::ops::index_key(i), o, out)? {
            out.push_str("null");
        }
        if too_long(state, out) {
            return Err(it.range_error("Invalid string length"));
        }
        if i & 0xFFF == 0xFFF {
            it.check_interrupt()?;
        }
    }
    if len > 0 && !state.gap.is_empty() {
        out.push('\n');
        out.push_str(&stepback);
    }
    out.push(']');
    state.stack.pop();
    state.indent = stepback;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_fn(it: &mut Interp, name: &str) -> (Value, Value) {
        let g = it.global.clone();
        let j = it.get(&g, &static_key!("JSON")).unwrap();
        let f = it.get_v(&j, &PropKey::from(name)).unwrap();
        (j, f)
    }

    fn parse_err(it: &mut Interp, s: &str) -> String {
        match parse_json_text(it, &JsStr::from(s)) {
            Ok(_) => "ok".into(),
            Err(m) => m,
        }
    }

    #[test]
    fn parse_errors_match_v8() {
        let mut it = Interp::new();
        assert_eq!(
            parse_err(&mut it, "{"),
            "Expected property name or '}' in JSON at position 1 (line 1 column 2)"
        );
        assert_eq!(parse_err(&mut it, ""), "Unexpected end of JSON input");
        assert_eq!(
            parse_err(&mut it, "[1,]"),
            "Unexpected token ']', \"[1,]\" is not valid JSON"
        );
        assert_eq!(
            parse_err(&mut it, "undefined"),
            "\"undefined\" is not valid JSON"
        );
        assert_eq!(
            parse_err(&mut it, "01"),
            "Unexpected number in JSON at position 1 (line 1 column 2)"
        );
        assert_eq!(
            parse_err(&mut it, "{\"a\":1,\"b\":2,\"c\":3,\"d\":x}"),
            "Unexpected token 'x', ...\"\"c\":3,\"d\":x}\" is not valid JSON"
        );
        assert_eq!(
            parse_err(&mut it, "xyzxyzxyzxyzxyzxyzxyzxyz"),
            "Unexpected token 'x', \"xyzxyzxyzx\"... is not valid JSON"
        );
        assert_eq!(
            parse_err(&mut it, "\"\\u12x\""),
            "Bad Unicode escape in JSON at position 5 (line 1 column 6)"
        );
        assert_eq!(parse_err(&mut it, "tru"), "Unexpected end of JSON input");
        assert_eq!(
            parse_err(&mut it, "[1 2]"),
            "Expected ',' or ']' after array element in JSON at position 3 (line 1 column 4)"
        );
    }

    #[test]
    fn round_trip() {
        let mut it = Interp::new();
        let (j, parse) = json_fn(&mut it, "parse");
        let (_, stringify) = json_fn(&mut it, "stringify");
        let v = it
            .call(
                &parse,
                &j,
                &[Value::from("{\"a\":[1,true,null,\"x\\n\"],\"b\":{}}")],
            )
            .unwrap();
        let s = it.call(&stringify, &j, std::slice::from_ref(&v)).unwrap();
        assert!(s.strict_equals(&Value::from("{\"a\":[1,true,null,\"x\\n\"],\"b\":{}}")));
        let s = it
            .call(&stringify, &j, &[v, Value::Null, Value::from(2.0)])
            .unwrap();
        let expect =
            "{\n  \"a\": [\n    1,\n    true,\n    null,\n    \"x\\n\"\n  ],\n  \"b\": {}\n}";
        assert!(s.strict_equals(&Value::from(expect)));
        let s = it.call(&stringify, &j, &[Value::Undefined]).unwrap();
        assert!(s.is_undefined());
    }

    #[test]
    fn cycles_throw() {
        let mut it = Interp::new();
        let (j, stringify) = json_fn(&mut it, "stringify");
        let o = it.new_object();
        o.define("self", Value::Object(o.clone()), Attrs::DEFAULT);
        let r = it.call(&stringify, &j, &[Value::Object(o)]);
        let Err(crate::interp::Abrupt::Throw(e)) = r else {
            panic!("expected a throw")
        };
        let m = it.get_v(&e, &static_key!("message")).unwrap();
        let m = it.to_string(&m).unwrap().to_rust_string();
        assert_eq!(
            m,
            "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle"
        );
    }

    // Expected values printed by Node 24 for the same expressions.
    #[test]
    fn stringify_omits_undefined_members_at_every_indent() {
        use crate::interp::test_support::eval_to_string as run;
        assert_eq!(
            run(
                "JSON.stringify({a: undefined, b: 1, c() {}, d: [undefined, function () {}], \
                 e: {f: undefined}})"
            ),
            "{\"b\":1,\"d\":[null,null],\"e\":{}}"
        );
        assert_eq!(
            run(
                "JSON.stringify({a: undefined, b: 1, c() {}, d: [undefined, function () {}], \
                 e: {f: undefined}, g: []}, null, '--')"
            ),
            "{\n--\"b\": 1,\n--\"d\": [\n----null,\n----null\n--],\n--\"e\": {},\n--\"g\": []\n}"
        );
        assert_eq!(
            run("[JSON.stringify({a: undefined}, null, 2), JSON.stringify([[]], null, 2)].join('|')"),
            "{}|[\n  []\n]"
        );
        assert_eq!(
            run("JSON.stringify({x: 1, y: {z: 3, w: 4}}, (k, v) => k === 'z' ? undefined : v, 1)"),
            "{\n \"x\": 1,\n \"y\": {\n  \"w\": 4\n }\n}"
        );
    }

    #[test]
    fn lone_surrogates() {
        let mut out = String::new();
        quote_json_string(&mut out, &JsStr::from_units(vec![0xD800, 0x41]));
        assert_eq!(out, "\"\\ud800A\"");
    }
}
