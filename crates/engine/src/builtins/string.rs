//! `String`: the constructor, `String.fromCharCode`/`fromCodePoint`/`raw`, and
//! `String.prototype` (everything except the RegExp-specific algorithms, which are reached
//! through `Symbol.match`/`Symbol.replace`/... so a RegExp implementation plugs in).
//!
//! Strings are UTF-16 (`JsStr::units()`); every index here is a code-unit index.

use unicode_normalization::UnicodeNormalization;

use crate::builtins::{define_global, link_ctor_proto};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::{is_js_whitespace, Value};

/// V8's maximum string length (2^29 - 24 code units).
pub const MAX_STRING_LENGTH: usize = (1 << 29) - 24;

/// The most parts `split` gives: V8 stops the process with "Fatal JavaScript invalid size
/// error" at about this many elements (2^27 + 1 parts still work in Node 24, 268 435 440
/// do not); jsgen throws V8's `RangeError: Invalid array length` there instead, before
/// building anything.
pub const MAX_SPLIT_PARTS: usize = (1 << 28) - 16;

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.string_prototype.clone();
    let ctor = it.native_fn_with("String", 1, string_constructor, true, Vec::new());
    link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "fromCharCode", 1, string_from_char_code);
    it.define_method(&ctor, "fromCodePoint", 1, string_from_code_point);
    it.define_method(&ctor, "raw", 1, string_raw);

    let methods: [(&str, u32, crate::interp::NativeFn); 35] = [
        ("at", 1, string_proto_at),
        ("charAt", 1, string_proto_char_at),
        ("charCodeAt", 1, string_proto_char_code_at),
        ("codePointAt", 1, string_proto_code_point_at),
        ("concat", 1, string_proto_concat),
        ("endsWith", 1, string_proto_ends_with),
        ("includes", 1, string_proto_includes),
        ("indexOf", 1, string_proto_index_of),
        ("isWellFormed", 0, string_proto_is_well_formed),
        ("lastIndexOf", 1, string_proto_last_index_of),
        ("localeCompare", 1, string_proto_locale_compare),
        ("match", 1, string_proto_match),
        ("matchAll", 1, string_proto_match_all),
        ("normalize", 0, string_proto_normalize),
        ("padEnd", 1, string_proto_pad_end),
        ("padStart", 1, string_proto_pad_start),
        ("repeat", 1, string_proto_repeat),
        ("replace", 2, string_proto_replace),
        ("replaceAll", 2, string_proto_replace_all),
        ("search", 1, string_proto_search),
        ("slice", 2, string_proto_slice),
        ("split", 2, string_proto_split),
        ("startsWith", 1, string_proto_starts_with),
        ("substr", 2, string_proto_substr),
        ("substring", 2, string_proto_substring),
        ("toLocaleLowerCase", 0, string_proto_to_locale_lower_case),
        ("toLocaleUpperCase", 0, string_proto_to_locale_upper_case),
        ("toLowerCase", 0, string_proto_to_lower_case),
        ("toString", 0, string_proto_to_string),
        ("toUpperCase", 0, string_proto_to_upper_case),
        ("toWellFormed", 0, string_proto_to_well_formed),
        ("trim", 0, string_proto_trim),
        ("trimEnd", 0, string_proto_trim_end),
        ("trimStart", 0, string_proto_trim_start),
        ("valueOf", 0, string_proto_value_of),
    ];
    let html: [(&str, &str, &str); 13] = [
        ("anchor", "a", "name"),
        ("big", "big", ""),
        ("blink", "blink", ""),
        ("bold", "b", ""),
        ("fixed", "tt", ""),
        ("fontcolor", "font", "color"),
        ("fontsize", "font", "size"),
        ("italics", "i", ""),
        ("link", "a", "href"),
        ("small", "small", ""),
        ("strike", "strike", ""),
        ("sub", "sub", ""),
        ("sup", "sup", ""),
    ];
    // V8's property order.
    let order = [
        "anchor",
        "at",
        "big",
        "blink",
        "bold",
        "charAt",
        "charCodeAt",
        "codePointAt",
        "concat",
        "endsWith",
        "fontcolor",
        "fontsize",
        "fixed",
        "includes",
        "indexOf",
        "isWellFormed",
        "italics",
        "lastIndexOf",
        "link",
        "localeCompare",
        "match",
        "matchAll",
        "normalize",
        "padEnd",
        "padStart",
        "repeat",
        "replace",
        "replaceAll",
        "search",
        "slice",
        "small",
        "split",
        "strike",
        "sub",
        "substr",
        "substring",
        "sup",
        "startsWith",
        "toString",
        "toWellFormed",
        "trim",
        "trimStart",
        "trimLeft",
        "trimEnd",
        "trimRight",
        "toLocaleLowerCase",
        "toLocaleUpperCase",
        "toLowerCase",
        "toUpperCase",
        "valueOf",
    ];
    for name in order {
        if let Some(&(_, len, f)) = methods.iter().find(|m| m.0 == name) {
            it.define_method(&proto, name, len, f);
        } else if let Some(&(_, tag, attr)) = html.iter().find(|h| h.0 == name) {
            // Annex B: HTML methods.
            let f = it.native_fn_with(
                name,
                if attr.is_empty() { 0 } else { 1 },
                create_html,
                false,
                vec![Value::from(name), Value::from(tag), Value::from(attr)],
            );
            proto.define(name, Value::Object(f), Attrs::HIDDEN);
        } else {
            // Annex B: trimLeft/trimRight are the same functions as trimStart/trimEnd.
            let target = if name == "trimLeft" {
                "trimStart"
            } else {
                "trimEnd"
            };
            if let Some(f) = it.own_data(&proto, &PropKey::from(target)) {
                proto.define(name, f, Attrs::HIDDEN);
            }
        }
    }

    // Kept: a call of it on a string with a number argument is answered in the call node
    // (`Interp::eval_call`, `char_code_at_in_place`).
    if let Some(Value::Object(f)) = it.own_data(&proto, &PropKey::from("charCodeAt")) {
        it.intrinsics.string_char_code_at = f;
    }

    // `String.prototype[Symbol.iterator]` and %StringIteratorPrototype% live in iterator.rs.

    define_global(it, "String", Value::Object(ctor));
}

/// `s.charCodeAt(pos)` answered without the native call, when the original
/// %String.prototype.charCodeAt% is called on a string with no argument or a number: then
/// no step can run script code or throw (ToIntegerOrInfinity of a number), so the call's
/// stack entry is unobservable. `None` for any other argument (its conversion may call
/// `valueOf`), which takes the call.
pub fn char_code_at_in_place(s: &JsStr, pos: Option<&Value>) -> Option<Value> {
    let pos = match pos {
        None | Some(Value::Undefined) => 0.0,
        Some(Value::Number(n)) => crate::value::to_integer_or_infinity(*n),
        Some(_) => return None,
    };
    Some(code_unit_at(s, pos))
}

// ---- helpers -------------------------------------------------------------------------------

fn js(units: Vec<u16>) -> Value {
    Value::String(JsStr::from_units(units))
}

/// StringIndexOf(string, searchValue, fromIndex).
pub fn string_index_of(s: &[u16], search: &[u16], from: usize) -> Option<usize> {
    let len = s.len();
    if search.is_empty() {
        return if from <= len { Some(from) } else { None };
    }
    if search.len() > len {
        return None;
    }
    let last = len - search.len();
    let first = search[0];
    let mut i = from;
    while i <= last {
        if s[i] == first && &s[i..i + search.len()] == search {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Clamps an integer-or-infinity to [0, len].
fn clamp(n: f64, len: usize) -> usize {
    if n <= 0.0 {
        0
    } else if n >= len as f64 {
        len
    } else {
        n as usize
    }
}

/// A relative index (negative counts from the end) clamped to [0, len].
fn relative(n: f64, len: usize) -> usize {
    if n < 0.0 {
        clamp(len as f64 + n, len)
    } else {
        clamp(n, len)
    }
}

fn is_high_surrogate(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}
fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// CodePointAt(string, position): (code point, code unit count, unpaired surrogate?).
pub fn code_point_at(s: &[u16], pos: usize) -> (u32, usize, bool) {
    let first = s[pos];
    if !is_high_surrogate(first) && !is_low_surrogate(first) {
        return (first as u32, 1, false);
    }
    if is_low_surrogate(first) || pos + 1 == s.len() {
        return (first as u32, 1, true);
    }
    let second = s[pos + 1];
    if !is_low_surrogate(second) {
        return (first as u32, 1, true);
    }
    let cp = 0x10000 + (((first as u32) - 0xD800) << 10) + (second as u32 - 0xDC00);
    (cp, 2, false)
}

fn is_ws_unit(u: u16) -> bool {
    char::from_u32(u as u32).is_some_and(is_js_whitespace)
}

/// IsRegExp(argument) (RegExp objects are recognised by their `Symbol.match`).
fn is_regexp(it: &mut Interp, v: &Value) -> JsResult<bool> {
    let Value::Object(o) = v else {
        return Ok(false);
    };
    let key = PropKey::Sym(it.symbols.match_.clone());
    let m = it.get(o, &key)?;
    if !m.is_undefined() {
        return Ok(m.to_boolean());
    }
    Ok(false)
}

fn reject_regexp(it: &mut Interp, v: &Value, method: &str) -> JsResult<()> {
    if is_regexp(it, v)? {
        return Err(it.type_error(format!(
            "First argument to String.prototype.{method} must not be a regular expression"
        )));
    }
    Ok(())
}

/// thisStringValue.
fn this_string_value(it: &mut Interp, this: &Value, method: &str) -> JsResult<JsStr> {
    match this {
        Value::String(s) => return Ok(s.clone()),
        Value::Object(o) => {
            if let ObjectKind::String(s) = &o.borrow().kind {
                return Ok(s.clone());
            }
        }
        _ => {}
    }
    Err(it.type_error(format!(
        "String.prototype.{method} requires that 'this' be a String"
    )))
}

fn require_object_coercible(it: &mut Interp, this: &Value, method: &str) -> JsResult<()> {
    if this.is_nullish() {
        return Err(it.type_error(format!(
            "String.prototype.{method} called on null or undefined"
        )));
    }
    Ok(())
}

/// Calls `v[sym](args...)` if `v` is neither undefined nor null and has such a method.
fn delegate_to_symbol(
    it: &mut Interp,
    v: &Value,
    sym: crate::value::Sym,
    args: &[Value],
) -> JsResult<Option<Value>> {
    if v.is_nullish() {
        return Ok(None);
    }
    match it.get_method(v, &PropKey::Sym(sym))? {
        Some(f) => Ok(Some(it.call_obj(&f, v, args)?)),
        None => Ok(None),
    }
}

/// RegExpCreate(pattern, flags) through the realm's `RegExp` constructor (if one is installed),
/// then `Invoke(rx, sym, «s»)`.
fn regexp_create_and_invoke(
    it: &mut Interp,
    pattern: &Value,
    flags: Option<&str>,
    sym: crate::value::Sym,
    s: JsStr,
) -> JsResult<Value> {
    let rp = it.intrinsics.regexp_prototype.clone();
    let ctor = it.get(&rp, &static_key!("constructor"))?;
    let ctor = match ctor {
        Value::Object(c) if c.is_constructor() => c,
        _ => return Err(it.type_error("RegExp is not supported")),
    };
    let mut args = vec![if pattern.is_undefined() {
        Value::from("")
    } else {
        pattern.clone()
    }];
    if let Some(f) = flags {
        args.push(Value::from(f));
    }
    let rx = it.construct(&ctor, &args, None)?;
    let f = it.get_v(&rx, &PropKey::Sym(sym))?;
    if !it.is_callable(&f) {
        let d = crate::interp::brief::brief(it, &f);
        return Err(it.type_error(format!("{d} is not a function")));
    }
    it.call(&f, &rx, &[Value::String(s)])
}

// ---- constructor and statics ---------------------------------------------------------------

/// `String(value)` / `new String(value)`.
fn string_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = if a.is_empty() {
        JsStr::empty()
    } else {
        match &a.args[0] {
            Value::Symbol(sym) if a.new_target.is_none() => {
                JsStr::from(sym.descriptive_string().as_str())
            }
            v => it.to_string(v)?,
        }
    };
    let Some(nt) = a.new_target else {
        return Ok(Value::String(s));
    };
    let proto = it.get_prototype_from_constructor(nt, |i| i.string_prototype.clone())?;
    Ok(Value::Object(Obj::new(Some(proto), ObjectKind::String(s))))
}

fn string_from_char_code(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut out = Vec::with_capacity(a.len());
    for v in a.args {
        out.push(it.to_uint32(v)? as u16);
    }
    Ok(js(out))
}

fn string_from_code_point(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut out = Vec::with_capacity(a.len());
    for v in a.args {
        let n = it.to_number(v)?;
        if n.trunc() != n || !(0.0..=1114111.0).contains(&n) {
            return Err(it.range_error(format!(
                "Invalid code point {}",
                crate::value::number_to_string(n)
            )));
        }
        let cp = n as u32;
        if cp < 0x10000 {
            out.push(cp as u16);
        } else {
            let c = cp - 0x10000;
            out.push(0xD800 + (c >> 10) as u16);
            out.push(0xDC00 + (c & 0x3FF) as u16);
        }
    }
    Ok(js(out))
}

/// `String.raw(template, ...substitutions)`.
fn string_raw(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cooked = it.to_object(&a.get(0))?;
    let raw_v = it.get(&cooked, &static_key!("raw"))?;
    let raw = it.to_object(&raw_v)?;
    let literal_count = it.length_of_array_like(&raw)?;
    let mut out: Vec<u16> = Vec::new();
    let subs = a.args.get(1..).unwrap_or(&[]);
    let mut i: u64 = 0;
    while i < literal_count {
        let seg = it.get(&raw, &crate::interp::ops::index_key(i))?;
        let seg = it.to_string(&seg)?;
        out.extend_from_slice(seg.units());
        if i + 1 == literal_count {
            break;
        }
        if let Some(sub) = subs.get(i as usize) {
            let s = it.to_string(sub)?;
            out.extend_from_slice(s.units());
        }
        if out.len() > MAX_STRING_LENGTH {
            return Err(it.range_error("Invalid string length"));
        }
        i += 1;
    }
    Ok(js(out))
}

// ---- String.prototype ----------------------------------------------------------------------

fn string_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::String(this_string_value(it, a.this, "toString")?))
}

fn string_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::String(this_string_value(it, a.this, "valueOf")?))
}

fn string_proto_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "at")?;
    let len = s.len() as f64;
    let rel = it.to_integer_or_infinity(&a.get(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    let k = k as usize;
    Ok(Value::String(s.slice(k, k + 1)))
}

fn string_proto_char_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "charAt")?;
    let pos = it.to_integer_or_infinity(&a.get(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::String(JsStr::empty()));
    }
    let k = pos as usize;
    Ok(Value::String(s.slice(k, k + 1)))
}

fn string_proto_char_code_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "charCodeAt")?;
    let pos = it.to_integer_or_infinity(&a.get(0))?;
    Ok(code_unit_at(&s, pos))
}

/// charCodeAt's steps after ToIntegerOrInfinity: the code unit at `pos`, or NaN outside.
fn code_unit_at(s: &JsStr, pos: f64) -> Value {
    if pos < 0.0 || pos >= s.len() as f64 {
        return Value::Number(f64::NAN);
    }
    Value::from(s.units()[pos as usize] as u32)
}

fn string_proto_code_point_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "codePointAt")?;
    let pos = it.to_integer_or_infinity(&a.get(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::Undefined);
    }
    Ok(Value::from(code_point_at(s.units(), pos as usize).0))
}

fn string_proto_concat(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "concat")?;
    let mut r = s;
    for v in a.args {
        let next = it.to_string(v)?;
        if r.len() + next.len() > MAX_STRING_LENGTH {
            return Err(it.range_error("Invalid string length"));
        }
        r = r.concat(&next);
    }
    Ok(Value::String(r))
}

fn string_proto_ends_with(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "endsWith")?;
    let search = a.get(0);
    reject_regexp(it, &search, "endsWith")?;
    let search = it.to_string(&search)?;
    let len = s.len();
    let end_pos = a.get(1);
    let end = if end_pos.is_undefined() {
        len
    } else {
        let p = it.to_integer_or_infinity(&end_pos)?;
        clamp(p, len)
    };
    let sl = search.len();
    if sl == 0 {
        return Ok(Value::Bool(true));
    }
    if sl > end {
        return Ok(Value::Bool(false));
    }
    let start = end - sl;
    Ok(Value::Bool(&s.units()[start..end] == search.units()))
}

fn string_proto_starts_with(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "startsWith")?;
    let search = a.get(0);
    reject_regexp(it, &search, "startsWith")?;
    let search = it.to_string(&search)?;
    let len = s.len();
    let pos = it.to_integer_or_infinity(&a.get(1))?;
    let start = clamp(pos, len);
    let sl = search.len();
    if sl == 0 {
        return Ok(Value::Bool(true));
    }
    let end = start + sl;
    if end > len {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(&s.units()[start..end] == search.units()))
}

fn string_proto_includes(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "includes")?;
    let search = a.get(0);
    reject_regexp(it, &search, "includes")?;
    let search = it.to_string(&search)?;
    let pos = it.to_integer_or_infinity(&a.get(1))?;
    let start = clamp(pos, s.len());
    Ok(Value::Bool(
        string_index_of(s.units(), search.units(), start).is_some(),
    ))
}

fn string_proto_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "indexOf")?;
    let search = it.to_string(&a.get(0))?;
    let pos = it.to_integer_or_infinity(&a.get(1))?;
    let start = clamp(pos, s.len());
    Ok(Value::Number(
        string_index_of(s.units(), search.units(), start).map_or(-1.0, |i| i as f64),
    ))
}

fn string_proto_last_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "lastIndexOf")?;
    let search = it.to_string(&a.get(0))?;
    let num_pos = it.to_number(&a.get(1))?;
    let pos = if num_pos.is_nan() {
        f64::INFINITY
    } else {
        crate::value::to_integer_or_infinity(num_pos)
    };
    let len = s.len();
    let sl = search.len();
    if sl > len {
        return Ok(Value::Number(-1.0));
    }
    let start = clamp(pos, len).min(len - sl);
    let (su, tu) = (s.units(), search.units());
    let mut i = start as isize;
    while i >= 0 {
        let k = i as usize;
        if &su[k..k + sl] == tu {
            return Ok(Value::from(k));
        }
        i -= 1;
    }
    Ok(Value::Number(-1.0))
}

fn string_proto_is_well_formed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "isWellFormed")?;
    let u = s.units();
    let mut k = 0;
    while k < u.len() {
        let (_, n, unpaired) = code_point_at(u, k);
        if unpaired {
            return Ok(Value::Bool(false));
        }
        k += n;
    }
    Ok(Value::Bool(true))
}

fn string_proto_to_well_formed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "toWellFormed")?;
    let u = s.units();
    let mut out = Vec::with_capacity(u.len());
    let mut k = 0;
    while k < u.len() {
        let (_, n, unpaired) = code_point_at(u, k);
        if unpaired {
            out.push(0xFFFD);
        } else {
            out.extend_from_slice(&u[k..k + n]);
        }
        k += n;
    }
    Ok(js(out))
}

fn string_proto_locale_compare(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "localeCompare")?;
    let that = it.to_string(&a.get(0))?;
    let spec = super::intl::collator_from_args(it, &a.get(1), &a.get(2))?;
    Ok(Value::Number(
        match super::intl::collator_compare(&spec, &s, &that) {
            std::cmp::Ordering::Less => -1.0,
            std::cmp::Ordering::Equal => 0.0,
            std::cmp::Ordering::Greater => 1.0,
        },
    ))
}

/// `localeCompare` with the default locale's collation (ICU4X, CLDR root + en).
pub fn locale_compare(a: &JsStr, b: &JsStr) -> std::cmp::Ordering {
    super::intl::collator_compare(&super::intl::default_collator(), a, b)
}

fn string_proto_normalize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "normalize")?;
    let f = a.get(0);
    let form = if f.is_undefined() {
        "NFC".to_string()
    } else {
        it.to_string(&f)?.to_rust_string()
    };
    if !matches!(form.as_str(), "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(it.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD."));
    }
    if s.is_ascii() {
        return Ok(Value::String(s));
    }
    let out = map_well_formed_runs(s.units(), |text| match form.as_str() {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        _ => text.nfkd().collect(),
    });
    Ok(js(out))
}

/// Applies `f` to each maximal run of well-formed UTF-16 (as a Rust string), keeping lone
/// surrogates as they are.
fn map_well_formed_runs(u: &[u16], f: impl Fn(&str) -> String) -> Vec<u16> {
    let mut out = Vec::with_capacity(u.len());
    let mut k = 0;
    let mut run_start = 0;
    let flush = |out: &mut Vec<u16>, run: &[u16]| {
        if !run.is_empty() {
            let text = String::from_utf16_lossy(run);
            out.extend(f(&text).encode_utf16());
        }
    };
    while k < u.len() {
        let (_, n, unpaired) = code_point_at(u, k);
        if unpaired {
            flush(&mut out, &u[run_start..k]);
            out.push(u[k]);
            run_start = k + 1;
        }
        k += n;
    }
    flush(&mut out, &u[run_start..]);
    out
}

fn string_pad(it: &mut Interp, a: &Args, method: &str, at_start: bool) -> JsResult<Value> {
    let s = it.this_string(a.this, method)?;
    let max_len = it.to_length(&a.get(0))?;
    let len = s.len() as u64;
    if max_len <= len {
        return Ok(Value::String(s));
    }
    let fill = a.get(1);
    let filler = if fill.is_undefined() {
        JsStr::from(" ")
    } else {
        it.to_string(&fill)?
    };
    if filler.is_empty() {
        return Ok(Value::String(s));
    }
    if max_len > MAX_STRING_LENGTH as u64 {
        return Err(it.range_error("Invalid string length"));
    }
    let fill_len = (max_len - len) as usize;
    let mut pad: Vec<u16> = Vec::with_capacity(max_len as usize);
    while pad.len() < fill_len {
        let take = (fill_len - pad.len()).min(filler.len());
        pad.extend_from_slice(&filler.units()[..take]);
    }
    let out = if at_start {
        pad.extend_from_slice(s.units());
        pad
    } else {
        let mut v = s.units().to_vec();
        v.extend_from_slice(&pad);
        v
    };
    Ok(js(out))
}

fn string_proto_pad_end(it: &mut Interp, a: &Args) -> JsResult<Value> {
    string_pad(it, a, "padEnd", false)
}

fn string_proto_pad_start(it: &mut Interp, a: &Args) -> JsResult<Value> {
    string_pad(it, a, "padStart", true)
}

fn string_proto_repeat(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "repeat")?;
    let n = it.to_integer_or_infinity(&a.get(0))?;
    if n < 0.0 || n == f64::INFINITY {
        return Err(it.range_error(format!(
            "Invalid count value: {}",
            crate::value::number_to_string(n)
        )));
    }
    if n == 0.0 || s.is_empty() {
        return Ok(Value::String(JsStr::empty()));
    }
    if s.len() as f64 * n > MAX_STRING_LENGTH as f64 {
        return Err(it.range_error("Invalid string length"));
    }
    Ok(js(s.units().repeat(n as usize)))
}

/// The replacement for one match of a string pattern in `replace`/`replaceAll`: the replacer
/// function's result as a string, or the replacement template's substitution.
fn replacement_at(
    it: &mut Interp,
    replace_str: &Option<JsStr>,
    replace_value: &Value,
    search: &JsStr,
    string: &JsStr,
    pos: usize,
) -> JsResult<JsStr> {
    match replace_str {
        None => {
            let r = it.call(
                replace_value,
                &Value::Undefined,
                &[
                    Value::String(search.clone()),
                    Value::from(pos),
                    Value::String(string.clone()),
                ],
            )?;
            it.to_string(&r)
        }
        Some(t) => get_substitution(it, search, string, pos, &[], &Value::Undefined, t),
    }
}

/// GetSubstitution(matched, str, position, captures, namedCaptures, replacementTemplate)
/// (ES2023). `captures` are strings or undefined; `named_captures` is undefined or an object.
pub fn get_substitution(
    it: &mut Interp,
    matched: &JsStr,
    s: &JsStr,
    position: usize,
    captures: &[Value],
    named_captures: &Value,
    template: &JsStr,
) -> JsResult<JsStr> {
    let t = template.units();
    let su = s.units();
    let position = position.min(su.len());
    let mut out: Vec<u16> = Vec::with_capacity(t.len());
    let mut i = 0;
    let dollar = b'$' as u16;
    let is_digit = |u: u16| (b'0' as u16..=b'9' as u16).contains(&u);
    while i < t.len() {
        let c = t[i];
        if c != dollar || i + 1 >= t.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let next = t[i + 1];
        match next {
            0x24 => {
                // $$
                out.push(dollar);
                i += 2;
            }
            0x60 => {
                // $`
                out.extend_from_slice(&su[..position]);
                i += 2;
            }
            0x26 => {
                // $&
                out.extend_from_slice(matched.units());
                i += 2;
            }
            0x27 => {
                // $'
                let tail = (position + matched.len()).min(su.len());
                out.extend_from_slice(&su[tail..]);
                i += 2;
            }
            d if is_digit(d) => {
                let two = i + 2 < t.len() && is_digit(t[i + 2]);
                let mut digit_count = if two { 2 } else { 1 };
                let d1 = (d - b'0' as u16) as usize;
                let mut index = if two {
                    d1 * 10 + (t[i + 2] - b'0' as u16) as usize
                } else {
                    d1
                };
                let capture_len = captures.len();
                if index > capture_len && digit_count == 2 {
                    digit_count = 1;
                    index = d1;
                }
                if (1..=capture_len).contains(&index) {
                    if let Value::String(cap) = &captures[index - 1] {
                        out.extend_from_slice(cap.units());
                    } else if !captures[index - 1].is_undefined() {
                        let cap = it.to_string(&captures[index - 1])?;
                        out.extend_from_slice(cap.units());
                    }
                } else {
                    out.extend_from_slice(&t[i..i + 1 + digit_count]);
                }
                i += 1 + digit_count;
            }
            0x3C => {
                // $<
                let gt = string_index_of(&t[i..], &[b'>' as u16], 0);
                match (gt, named_captures) {
                    (Some(g), Value::Object(nc)) => {
                        let name = JsStr::from_slice(&t[i + 2..i + g]);
                        let cap = it.get(nc, &PropKey::from_str(&name))?;
                        if !cap.is_undefined() {
                            let cap = it.to_string(&cap)?;
                            out.extend_from_slice(cap.units());
                        }
                        i += g + 1;
                    }
                    _ => {
                        out.extend_from_slice(&t[i..i + 2]);
                        i += 2;
                    }
                }
            }
            _ => {
                out.push(dollar);
                i += 1;
            }
        }
    }
    Ok(JsStr::from_units(out))
}

fn string_proto_replace(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "replace")?;
    let search_value = a.get(0);
    let replace_value = a.get(1);
    let sym = it.symbols.replace.clone();
    if let Some(r) = delegate_to_symbol(
        it,
        &search_value,
        sym,
        &[a.this.clone(), replace_value.clone()],
    )? {
        return Ok(r);
    }
    let string = it.to_string(a.this)?;
    let search = it.to_string(&search_value)?;
    let functional = it.is_callable(&replace_value);
    let replace_str = if functional {
        None
    } else {
        Some(it.to_string(&replace_value)?)
    };
    let Some(pos) = string_index_of(string.units(), search.units(), 0) else {
        return Ok(Value::String(string));
    };
    let replacement = replacement_at(it, &replace_str, &replace_value, &search, &string, pos)?;
    let len = string.len();
    if len - search.len() + replacement.len() > MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    // A rope of two slices around the replacement: no copy of a long string (as V8's
    // cons strings).
    let out = string
        .slice(0, pos)
        .concat(&replacement)
        .concat(&string.slice(pos + search.len(), len));
    Ok(Value::String(out))
}

fn string_proto_replace_all(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "replaceAll")?;
    let search_value = a.get(0);
    let replace_value = a.get(1);
    if !search_value.is_nullish() {
        if is_regexp(it, &search_value)? {
            let flags = it.get_v(&search_value, &static_key!("flags"))?;
            if flags.is_nullish() {
                return Err(
                    it.type_error("String.prototype.replaceAll called on null or undefined")
                );
            }
            let flags = it.to_string(&flags)?;
            if !flags.units().contains(&(b'g' as u16)) {
                return Err(it.type_error(
                    "String.prototype.replaceAll called with a non-global RegExp argument",
                ));
            }
        }
        let sym = it.symbols.replace.clone();
        if let Some(r) = delegate_to_symbol(
            it,
            &search_value,
            sym,
            &[a.this.clone(), replace_value.clone()],
        )? {
            return Ok(r);
        }
    }
    let string = it.to_string(a.this)?;
    let search = it.to_string(&search_value)?;
    let functional = it.is_callable(&replace_value);
    let replace_str = if functional {
        None
    } else {
        Some(it.to_string(&replace_value)?)
    };
    let sl = search.len();
    let advance = sl.max(1);
    let su = string.units();
    // The spec collects every position before replacing; the string cannot change, so
    // searching as we go gives the same calls without a list as long as the string.
    let next = |from: usize| {
        if sl == 0 {
            (from <= su.len()).then_some(from)
        } else {
            string_index_of(su, search.units(), from)
        }
    };
    // Without `` $` `` or `$'` in the template the replacement is the same text at every
    // match (the matched text is always `search`, there are no captures): it is made once,
    // and the result's length is known after counting, so a result past the limit fails
    // before it is built.
    let mut constant = None;
    if let Some(t) = &replace_str {
        let tu = t.units();
        let positional = tu
            .windows(2)
            .any(|w| w[0] == b'$' as u16 && (w[1] == b'`' as u16 || w[1] == b'\'' as u16));
        if !positional {
            let r = get_substitution(it, &search, &string, 0, &[], &Value::Undefined, t)?;
            let mut count = 0usize;
            let mut p = next(0);
            while let Some(pos) = p {
                count += 1;
                p = next(pos + advance);
            }
            let total = (su.len() - count * sl) as u64 + count as u64 * r.len() as u64;
            if total > MAX_STRING_LENGTH as u64 {
                return Err(it.range_error("Invalid string length"));
            }
            constant = Some(r);
        }
    }
    let mut end_of_last = 0;
    let mut out: Vec<u16> = Vec::with_capacity(string.len());
    let mut p = next(0);
    while let Some(pos) = p {
        p = next(pos + advance);
        out.extend_from_slice(&string.units()[end_of_last..pos]);
        let replacement = if let Some(c) = &constant {
            c.clone()
        } else {
            replacement_at(it, &replace_str, &replace_value, &search, &string, pos)?
        };
        out.extend_from_slice(replacement.units());
        if out.len() > MAX_STRING_LENGTH {
            return Err(it.range_error("Invalid string length"));
        }
        end_of_last = pos + sl;
    }
    if end_of_last < string.len() {
        out.extend_from_slice(&string.units()[end_of_last..]);
    }
    Ok(js(out))
}

fn string_proto_split(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "split")?;
    let separator = a.get(0);
    let limit = a.get(1);
    let sym = it.symbols.split.clone();
    if let Some(r) = delegate_to_symbol(it, &separator, sym, &[a.this.clone(), limit.clone()])? {
        return Ok(r);
    }
    let s = it.to_string(a.this)?;
    let lim: u32 = if limit.is_undefined() {
        u32::MAX
    } else {
        it.to_uint32(&limit)?
    };
    let r = it.to_string(&separator)?;
    if lim == 0 {
        return Ok(Value::Object(it.new_array(Vec::new())));
    }
    if separator.is_undefined() {
        return Ok(Value::Object(it.new_array(vec![Value::String(s)])));
    }
    let su = s.units();
    let lim = lim as usize;
    if r.is_empty() {
        let n = su.len().min(lim);
        if n > MAX_SPLIT_PARTS {
            return Err(it.range_error("Invalid array length"));
        }
        let parts: Vec<Value> = su[..n]
            .iter()
            .map(|&u| Value::String(JsStr::from_unit(u)))
            .collect();
        return Ok(Value::Object(it.new_array(parts)));
    }
    if s.is_empty() {
        return Ok(Value::Object(it.new_array(vec![Value::String(s)])));
    }
    // Count first: a result past V8's array limit fails before any part is made.
    if su.len() / r.len() >= MAX_SPLIT_PARTS && lim > MAX_SPLIT_PARTS {
        let mut count = 1usize;
        let mut j = string_index_of(su, r.units(), 0);
        while let Some(jj) = j {
            count += 1;
            j = string_index_of(su, r.units(), jj + r.len());
        }
        if count > MAX_SPLIT_PARTS {
            return Err(it.range_error("Invalid array length"));
        }
    }
    let mut parts = Vec::new();
    let mut i = 0;
    let mut j = string_index_of(su, r.units(), 0);
    while let Some(jj) = j {
        parts.push(Value::String(s.slice(i, jj)));
        if parts.len() == lim {
            return Ok(Value::Object(it.new_array(parts)));
        }
        i = jj + r.len();
        j = string_index_of(su, r.units(), i);
    }
    parts.push(Value::String(s.slice(i, su.len())));
    Ok(Value::Object(it.new_array(parts)))
}

fn string_proto_match(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "match")?;
    let regexp = a.get(0);
    let sym = it.symbols.match_.clone();
    if let Some(r) = delegate_to_symbol(it, &regexp, sym.clone(), std::slice::from_ref(a.this))? {
        return Ok(r);
    }
    let s = it.to_string(a.this)?;
    regexp_create_and_invoke(it, &regexp, None, sym, s)
}

fn string_proto_match_all(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "matchAll")?;
    let regexp = a.get(0);
    if !regexp.is_nullish() {
        if is_regexp(it, &regexp)? {
            let flags = it.get_v(&regexp, &static_key!("flags"))?;
            if flags.is_nullish() {
                return Err(it.type_error("String.prototype.matchAll called on null or undefined"));
            }
            let flags = it.to_string(&flags)?;
            if !flags.units().contains(&(b'g' as u16)) {
                return Err(it.type_error(
                    "String.prototype.matchAll called with a non-global RegExp argument",
                ));
            }
        }
        let sym = it.symbols.match_all.clone();
        if let Some(r) = delegate_to_symbol(it, &regexp, sym, std::slice::from_ref(a.this))? {
            return Ok(r);
        }
    }
    let s = it.to_string(a.this)?;
    let sym = it.symbols.match_all.clone();
    regexp_create_and_invoke(it, &regexp, Some("g"), sym, s)
}

fn string_proto_search(it: &mut Interp, a: &Args) -> JsResult<Value> {
    require_object_coercible(it, a.this, "search")?;
    let regexp = a.get(0);
    let sym = it.symbols.search.clone();
    if let Some(r) = delegate_to_symbol(it, &regexp, sym.clone(), std::slice::from_ref(a.this))? {
        return Ok(r);
    }
    let s = it.to_string(a.this)?;
    regexp_create_and_invoke(it, &regexp, None, sym, s)
}

fn string_proto_slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "slice")?;
    let len = s.len();
    let start = it.to_integer_or_infinity(&a.get(0))?;
    let from = relative(start, len);
    let end = a.get(1);
    let to = if end.is_undefined() {
        len
    } else {
        let e = it.to_integer_or_infinity(&end)?;
        relative(e, len)
    };
    if from >= to {
        return Ok(Value::String(JsStr::empty()));
    }
    Ok(Value::String(s.slice(from, to)))
}

fn string_proto_substring(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "substring")?;
    let len = s.len();
    let start = it.to_integer_or_infinity(&a.get(0))?;
    let end = a.get(1);
    let end = if end.is_undefined() {
        len as f64
    } else {
        it.to_integer_or_infinity(&end)?
    };
    let fs = clamp(start, len);
    let fe = clamp(end, len);
    Ok(Value::String(s.slice(fs.min(fe), fs.max(fe))))
}

fn string_proto_substr(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "substr")?;
    let size = s.len();
    let start = it.to_integer_or_infinity(&a.get(0))?;
    let start = relative(start, size);
    let length = a.get(1);
    let int_len = if length.is_undefined() {
        size as f64
    } else {
        it.to_integer_or_infinity(&length)?
    };
    let int_len = clamp(int_len, size);
    let end = (start + int_len).min(size);
    if start >= end {
        return Ok(Value::String(JsStr::empty()));
    }
    Ok(Value::String(s.slice(start, end)))
}

/// Full Unicode case conversion (lone surrogates unchanged).
pub fn to_lower_case(s: &JsStr) -> JsStr {
    if s.is_ascii() {
        if !s
            .units()
            .iter()
            .any(|&u| (b'A' as u16..=b'Z' as u16).contains(&u))
        {
            return s.clone();
        }
        return JsStr::from_units(
            s.units()
                .iter()
                .map(|&u| {
                    if (b'A' as u16..=b'Z' as u16).contains(&u) {
                        u + 32
                    } else {
                        u
                    }
                })
                .collect(),
        );
    }
    JsStr::from_units(map_well_formed_runs(s.units(), |t| t.to_lowercase()))
}

pub fn to_upper_case(s: &JsStr) -> JsStr {
    if s.is_ascii() {
        if !s
            .units()
            .iter()
            .any(|&u| (b'a' as u16..=b'z' as u16).contains(&u))
        {
            return s.clone();
        }
        return JsStr::from_units(
            s.units()
                .iter()
                .map(|&u| {
                    if (b'a' as u16..=b'z' as u16).contains(&u) {
                        u - 32
                    } else {
                        u
                    }
                })
                .collect(),
        );
    }
    JsStr::from_units(map_well_formed_runs(s.units(), |t| t.to_uppercase()))
}

fn string_proto_to_lower_case(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "toLowerCase")?;
    Ok(Value::String(to_lower_case(&s)))
}

fn string_proto_to_upper_case(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "toUpperCase")?;
    Ok(Value::String(to_upper_case(&s)))
}

/// TransformCase(S, locales, targetCase) (ECMA-402 §19.1.2.1): the first requested
/// locale's language rules (Turkish/Azeri dotted i, Lithuanian, Greek) through ICU4X.
fn transform_case(it: &mut Interp, a: &Args, method: &str, upper: bool) -> JsResult<Value> {
    let s = it.this_string(a.this, method)?;
    let requested = super::intl::canonicalize_locale_list(it, &a.get(0))?;
    let language = requested
        .first()
        .and_then(|t| t.split('-').next().map(str::to_string))
        .unwrap_or_default();
    if !matches!(language.as_str(), "tr" | "az" | "lt" | "el" | "hy") {
        return Ok(Value::String(if upper {
            to_upper_case(&s)
        } else {
            to_lower_case(&s)
        }));
    }
    let out = map_well_formed_runs(s.units(), |text| {
        super::intl_icu::locale_case(&language, text, upper)
    });
    Ok(js(out))
}

fn string_proto_to_locale_lower_case(it: &mut Interp, a: &Args) -> JsResult<Value> {
    transform_case(it, a, "toLocaleLowerCase", false)
}

fn string_proto_to_locale_upper_case(it: &mut Interp, a: &Args) -> JsResult<Value> {
    transform_case(it, a, "toLocaleUpperCase", true)
}

/// TrimString(string, where).
pub fn trim_string(s: &JsStr, start: bool, end: bool) -> JsStr {
    let u = s.units();
    let mut a = 0;
    let mut b = u.len();
    if start {
        while a < b && is_ws_unit(u[a]) {
            a += 1;
        }
    }
    if end {
        while b > a && is_ws_unit(u[b - 1]) {
            b -= 1;
        }
    }
    s.slice(a, b)
}

fn string_proto_trim(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "trim")?;
    Ok(Value::String(trim_string(&s, true, true)))
}

fn string_proto_trim_start(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "trimStart")?;
    Ok(Value::String(trim_string(&s, true, false)))
}

fn string_proto_trim_end(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = it.this_string(a.this, "trimEnd")?;
    Ok(Value::String(trim_string(&s, false, true)))
}

/// CreateHTML (Annex B): captures are (method name, tag, attribute).
fn create_html(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (name, tag, attr) = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => (
            n.captures.first().cloned().unwrap_or_default(),
            n.captures.get(1).cloned().unwrap_or_default(),
            n.captures.get(2).cloned().unwrap_or_default(),
        ),
        _ => (Value::Undefined, Value::Undefined, Value::Undefined),
    };
    let name = it.to_string_lossy(&name);
    let tag = it.to_string_lossy(&tag);
    let attr = it.to_string_lossy(&attr);
    let s = it.this_string(a.this, &name)?;
    let mut out: Vec<u16> = format!("<{tag}").encode_utf16().collect();
    if !attr.is_empty() {
        let v = it.to_string(&a.get(0))?;
        out.extend(format!(" {attr}=\"").encode_utf16());
        for &u in v.units() {
            if u == b'"' as u16 {
                out.extend("&quot;".encode_utf16());
            } else {
                out.push(u);
            }
        }
        out.push(b'"' as u16);
    }
    out.push(b'>' as u16);
    out.extend_from_slice(s.units());
    out.extend(format!("</{tag}>").encode_utf16());
    Ok(js(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JS_PRELUDE: &str = "function J(a, s) { let r = ''; for (let i = 0; i < a.length; i++) { if (i) r += s; r += String(a[i]); } return r; }\n";

    fn run(src: &str) -> String {
        let mut it = Interp::new();
        match it.run_script("t", &format!("{JS_PRELUDE}{src}")) {
            Ok(v) => it.to_string_lossy(&v),
            Err(e) => format!("error: {e:?}"),
        }
    }

    #[test]
    fn basics() {
        assert_eq!(
            run("J(['abc'.at(-1), 'abc'.charAt(1), 'abc'.charCodeAt(0), '😀'.codePointAt(0), 'a'.concat(1, 2), 'abc'.endsWith('bc'), 'abc'.includes('d'), 'abcabc'.indexOf('c', 3), 'abcabc'.lastIndexOf('b'), 'ab'.padStart(5, 'xy'), 'ab'.padEnd(4), 'ab'.repeat(3)], '|')"),
            "c|b|97|128512|a12|true|false|5|4|xyxab|ab  |ababab"
        );
        assert_eq!(
            run("J(['abcdef'.slice(-3, -1), 'abcdef'.substring(4, 1), 'abcdef'.substr(-4, 2), '  x \\n'.trim() + '.', 'İSTANBUL'.toLowerCase(), 'straße'.toUpperCase(), 'ΑΣ'.toLowerCase()], '|')"),
            "de|bcd|cd|x.|i̇stanbul|STRASSE|ας"
        );
    }

    #[test]
    fn replace_and_split() {
        assert_eq!(
            run("J(['aXbXc'.replace('X', '[$&$`$\\'$$]'), 'aXbXc'.replaceAll('X', (m, p) => p), 'a,b,,c'.split(',').length, J('abc'.split(''), '-'), J('abc'.split('', 2), '-'), ''.split('').length, ''.split(',').length, 'a1b'.replace('1', '$1')], '|')"),
            "a[XabXc$]bXc|a1b3c|4|a-b-c|a-b|0|1|a$1b"
        );
    }

    #[test]
    fn statics() {
        assert_eq!(
            run("J([String.fromCharCode(72, 105, 65536 + 33), String.fromCodePoint(128512).length, String.raw`a\\n${1}b`, typeof new String('a'), new String('abc').length], '|')"),
            "Hi!|2|a\\n1b|object|3"
        );
        assert_eq!(
            run("try { String.fromCodePoint(NaN) } catch (e) { e.message }"),
            "Invalid code point NaN"
        );
    }

    #[test]
    fn symbol_to_string() {
        let mut it = Interp::new();
        let ctor = it
            .global
            .get_own_data(&static_key!("String"))
            .unwrap_or_default();
        let sym = Value::Symbol(crate::value::Sym::new(Some(JsStr::from("x"))));
        let r = it.call(&ctor, &Value::Undefined, &[sym]).ok();
        assert_eq!(
            r.map(|v| it.to_string_lossy(&v)).as_deref(),
            Some("Symbol(x)")
        );
    }

    #[test]
    fn collation() {
        let c = |a: &str, b: &str| locale_compare(&JsStr::from(a), &JsStr::from(b));
        use std::cmp::Ordering::*;
        assert_eq!(c("a", "B"), Less);
        assert_eq!(c("a", "A"), Less);
        assert_eq!(c("résumé", "resume"), Greater);
        assert_eq!(c("ab", "a b"), Greater);
        assert_eq!(c("a\u{0}b", "ab"), Equal);
        assert_eq!(c("Ab", "aB"), Greater);
        assert_eq!(c("10", "9"), Less);
        assert_eq!(c("Äb", "äa"), Greater);
    }
}
