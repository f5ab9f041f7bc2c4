//! `RegExp` (ECMAScript 2023 §22.2), matching with the `regress` engine over UTF-16.
//!
//! Instances are `ObjectKind::RegExp(Box<RegExpData>)` with an own `lastIndex` data property.
//! `regress` parses and matches the ES2025 syntax: the `v` flag (class set operations,
//! `\q{...}`, properties of strings), duplicate named groups in different alternatives and
//! pattern modifiers (`(?i:...)`, `(?-i:...)`). Out of scope: legacy `RegExp.$1` statics.

use crate::builtins::iterator::describe;
use crate::builtins::string::get_substitution;
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey, PropMap, Slot};
use crate::string::JsStr;
use crate::value::Value;
use jsgen_syntax::regexp::{compile_pattern, RegExpError};

/// The internal slots of a RegExp instance.
pub struct RegExpData {
    /// \[\[OriginalSource\]\]
    pub source: JsStr,
    /// \[\[OriginalFlags\]\]
    pub flags: JsStr,
    /// \[\[RegExpMatcher\]\] (shared with the compiled-pattern cache and other objects
    /// of the same literal)
    pub regex: std::rc::Rc<regress::Regex>,
    /// Capture group names in group order (`None` for unnamed groups).
    pub group_names: std::rc::Rc<[Option<JsStr>]>,
}

impl std::fmt::Debug for RegExpData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "RegExp(/{}/{})",
            self.source.to_rust_string(),
            self.flags.to_rust_string()
        )
    }
}

impl RegExpData {
    fn has_flag(&self, c: u8) -> bool {
        self.flags.units().contains(&(c as u16))
    }
}

/// The last successful match of a built-in RegExp exec (V8's `RegExpLastMatchInfo`): what
/// `RegExp.$1`..`$9`, `lastMatch`, `lastParen`, `leftContext`, `rightContext` read. `input`
/// can also be set by scripts.
#[derive(Default)]
pub struct LegacyStatics {
    input: Option<JsStr>,
    last: Option<LastMatch>,
}

/// The subject string, the match's range and its captures (code-unit indices).
type LastMatch = (JsStr, usize, usize, Vec<Option<(usize, usize)>>);

/// The accessor names on %RegExp%, in V8's order; the index is the getter's capture.
const LEGACY_STATICS: [&str; 19] = [
    "input",
    "$_",
    "lastMatch",
    "$&",
    "lastParen",
    "$+",
    "leftContext",
    "$`",
    "rightContext",
    "$'",
    "$1",
    "$2",
    "$3",
    "$4",
    "$5",
    "$6",
    "$7",
    "$8",
    "$9",
];

fn legacy_index(a: &Args) -> usize {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::Number(i)) => *i as usize,
            _ => usize::MAX,
        },
        _ => usize::MAX,
    }
}

/// Records a successful match for the legacy statics.
fn note_last_match(
    it: &mut Interp,
    s: &JsStr,
    start: usize,
    end: usize,
    captures: Vec<Option<(usize, usize)>>,
) {
    it.regexp_legacy.input = Some(s.clone());
    it.regexp_legacy.last = Some((s.clone(), start, end, captures));
}

/// `get RegExp.$1` and the others.
fn regexp_legacy_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let i = legacy_index(a);
    if i < 2 {
        let input = it.regexp_legacy.input.clone().unwrap_or_else(JsStr::empty);
        return Ok(Value::String(input));
    }
    let Some((s, start, end, caps)) = &it.regexp_legacy.last else {
        return Ok(Value::String(JsStr::empty()));
    };
    let slice = |r: Option<(usize, usize)>| match r {
        Some((x, y)) => s.slice(x, y),
        None => JsStr::empty(),
    };
    let v = match i {
        2 | 3 => s.slice(*start, *end),
        4 | 5 => caps.last().map(|c| slice(*c)).unwrap_or_else(JsStr::empty),
        6 | 7 => s.slice(0, *start),
        8 | 9 => s.slice(*end, s.len()),
        n => caps
            .get(n - 10)
            .map(|c| slice(*c))
            .unwrap_or_else(JsStr::empty),
    };
    Ok(Value::String(v))
}

/// `set RegExp.input` (and `$_`); the other setters do nothing, as in V8.
fn regexp_legacy_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if legacy_index(a) < 2 {
        let s = it.to_string(&a.get(0))?;
        it.regexp_legacy.input = Some(s);
    }
    Ok(Value::Undefined)
}

/// Marker stored first in a %RegExpStringIterator% object's `Internal` slots.
const RSI_MARKER: &str = "%RegExpStringIterator%";

/// [`untouched`]'s `names` for RegExpExec: `exec`.
const EXEC: std::ops::Range<usize> = 0..1;
/// [`untouched`]'s `names` for the `flags` getter: `flags` and what it reads.
const FLAGS: std::ops::Range<usize> = 1..10;

/// The names whose [[Get]] on a RegExp decides what RegExpExec and the `flags` getter do:
/// `exec` (a data property) and the accessors `flags` reads, `flags` first.
const ORIGINAL_NAMES: [&str; 10] = [
    "exec",
    "flags",
    "hasIndices",
    "global",
    "ignoreCase",
    "multiline",
    "dotAll",
    "unicode",
    "unicodeSets",
    "sticky",
];

/// %RegExp.prototype%'s `exec` and the getters of `flags` and the eight flags as `init` made
/// them, with where they were last found there (see [`untouched`]).
pub struct RegExpOriginals {
    keys: [PropKey; 10],
    funcs: [Obj; 10],
    positions: std::cell::Cell<[u32; 10]>,
}

/// Is the property at `pos` of `props` the property `key` holding `f` (as its value when
/// `data`, as its getter otherwise)?
fn holds_original(props: &PropMap, pos: u32, key: &PropKey, f: &Obj, data: bool) -> bool {
    match props.entry_at(pos as usize) {
        Some((k, p)) if k.fast_eq(key) => match p.slot {
            Slot::Data(Value::Object(o)) => data && Obj::ptr_eq(o, f),
            Slot::Accessor(a) => !data && a.get.as_ref().is_some_and(|g| Obj::ptr_eq(g, f)),
            _ => false,
        },
        _ => false,
    }
}

/// Does [[Get]] of `exec` (`names` is [`EXEC`]), or of `flags` and each flag name
/// ([`FLAGS`]), on `r` find %RegExp.prototype%'s built-ins? True when `r` is a RegExp
/// object whose only own property is `lastIndex` (RegExpAlloc's; it cannot be deleted),
/// whose prototype is %RegExp.prototype%, and that prototype still holds the original
/// function(s) under those names.
/// Then RegExpExec(r, S) is RegExpBuiltinExec(r, S) and `r.flags` is r.[[OriginalFlags]]
/// in `dgimsuvy` order, without running anything: `test`, `match`, `replace` and `split`
/// skip the 9 [[Get]]s and getter calls (~8 000 instructions a `flags` read) and the
/// `exec` lookup. Nothing is remembered about `r`; the positions on the prototype are
/// checked each time (key and value), and searched again when the prototype changed.
fn untouched(it: &Interp, r: &Obj, names: std::ops::Range<usize>) -> bool {
    let Some(orig) = it.regexp_originals.as_deref() else {
        return false;
    };
    let proto = &it.intrinsics.regexp_prototype;
    {
        let d = r.borrow();
        if !matches!(d.kind, ObjectKind::RegExp(_))
            || d.props.len() != 1
            || !d.proto.as_ref().is_some_and(|p| Obj::ptr_eq(p, proto))
        {
            return false;
        }
    }
    let p = proto.borrow();
    let mut positions = orig.positions.get();
    let mut moved = false;
    for i in names {
        let (Some(pos), Some(key), Some(f)) =
            (positions.get_mut(i), orig.keys.get(i), orig.funcs.get(i))
        else {
            return false;
        };
        let data = i == 0;
        if holds_original(&p.props, *pos, key, f, data) {
            continue;
        }
        match p.props.find(key).and_then(|n| u32::try_from(n).ok()) {
            Some(n) if holds_original(&p.props, n, key, f, data) => {
                *pos = n;
                moved = true;
            }
            _ => return false,
        }
    }
    if moved {
        orig.positions.set(positions);
    }
    true
}

/// `r`'s [[OriginalFlags]] in the order the `flags` getter lists them (`dgimsuvy`): the
/// flags string itself when it is in that order already.
fn canonical_flags(r: &Obj) -> JsStr {
    let d = r.borrow();
    let ObjectKind::RegExp(d) = &d.kind else {
        return JsStr::empty();
    };
    const ORDER: &[u8; 8] = b"dgimsuvy";
    let rank = |u: u16| ORDER.iter().position(|&c| u16::from(c) == u);
    let units = d.flags.units();
    if units.windows(2).all(|w| rank(w[0]) < rank(w[1])) {
        return d.flags.clone();
    }
    let mut out = String::new();
    for &c in ORDER {
        if d.has_flag(c) {
            out.push(char::from(c));
        }
    }
    JsStr::from(out.as_str())
}

/// Records %RegExp.prototype%'s built-ins for [`untouched`].
fn remember_originals(it: &mut Interp) {
    let proto = it.intrinsics.regexp_prototype.clone();
    let p = proto.borrow();
    let mut funcs = Vec::with_capacity(10);
    let mut positions = [0u32; 10];
    for (i, name) in ORIGINAL_NAMES.iter().enumerate() {
        let key = PropKey::from(*name);
        let Some(n) = p.props.find(&key) else {
            return;
        };
        let f = match p.props.entry_at(n).map(|(_, r)| r.slot) {
            Some(Slot::Data(Value::Object(o))) if i == 0 => o.clone(),
            Some(Slot::Accessor(a)) if i > 0 => match &a.get {
                Some(g) => g.clone(),
                None => return,
            },
            _ => return,
        };
        funcs.push(f);
        positions[i] = u32::try_from(n).unwrap_or(u32::MAX);
    }
    let Ok(funcs) = <[Obj; 10]>::try_from(funcs) else {
        return;
    };
    let keys = ORIGINAL_NAMES.map(PropKey::from);
    drop(p);
    it.regexp_originals = Some(Box::new(RegExpOriginals {
        keys,
        funcs,
        positions: std::cell::Cell::new(positions),
    }));
}

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.regexp_prototype.clone();
    let ctor = it.native_fn_with("RegExp", 2, regexp_constructor, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, &proto);
    // V8's legacy static properties (Annex B proposal "RegExp legacy features"), before
    // `escape` as V8 lists them.
    for (i, name) in LEGACY_STATICS.iter().enumerate() {
        let get = it.native_fn_with(
            &["get ", name].concat(),
            0,
            regexp_legacy_get,
            false,
            vec![Value::from(i as f64)],
        );
        let set = it.native_fn_with(
            &["set ", name].concat(),
            1,
            regexp_legacy_set,
            false,
            vec![Value::from(i as f64)],
        );
        ctor.define_accessor(
            PropKey::from(*name),
            Some(get),
            Some(set),
            Attrs::CONFIGURABLE_ONLY,
        );
    }
    it.define_method(&ctor, "escape", 1, regexp_escape);
    let species = it.symbols.species.clone();
    it.define_getter(&ctor, PropKey::Sym(species), regexp_species);

    let exec = it.define_method_obj(&proto, "exec", 1, regexp_proto_exec);
    it.define_getter(&proto, "dotAll", regexp_dot_all);
    it.define_getter(&proto, "flags", regexp_flags);
    it.define_getter(&proto, "global", regexp_global);
    it.define_getter(&proto, "hasIndices", regexp_has_indices);
    it.define_getter(&proto, "ignoreCase", regexp_ignore_case);
    it.define_getter(&proto, "multiline", regexp_multiline);
    it.define_getter(&proto, "source", regexp_source);
    it.define_getter(&proto, "sticky", regexp_sticky);
    it.define_getter(&proto, "unicode", regexp_unicode);
    it.define_getter(&proto, "unicodeSets", regexp_unicode_sets);
    it.define_method(&proto, "compile", 2, regexp_proto_compile);
    it.define_method(&proto, "toString", 0, regexp_proto_to_string);
    it.define_method(&proto, "test", 1, regexp_proto_test);

    // %RegExpStringIteratorPrototype%
    let rsi_proto = Obj::new(
        Some(it.intrinsics.iterator_prototype.clone()),
        ObjectKind::Ordinary,
    );
    it.define_method(&rsi_proto, "next", 0, regexp_string_iterator_next);
    rsi_proto.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("RegExp String Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );

    let caps = vec![
        Value::Object(ctor.clone()),
        Value::Object(exec),
        Value::Object(rsi_proto),
    ];
    let syms: [(crate::value::Sym, &str, u32, crate::interp::NativeFn); 5] = [
        (it.symbols.match_.clone(), "[Symbol.match]", 1, regexp_match),
        (
            it.symbols.match_all.clone(),
            "[Symbol.matchAll]",
            1,
            regexp_match_all,
        ),
        (
            it.symbols.replace.clone(),
            "[Symbol.replace]",
            2,
            regexp_replace,
        ),
        (
            it.symbols.search.clone(),
            "[Symbol.search]",
            1,
            regexp_search,
        ),
        (it.symbols.split.clone(), "[Symbol.split]", 2, regexp_split),
    ];
    for (sym, name, len, f) in syms {
        let func = it.native_fn_with(name, len, f, false, caps.clone());
        proto.define(PropKey::Sym(sym), Value::Object(func), Attrs::HIDDEN);
    }

    crate::builtins::define_global(it, "RegExp", Value::Object(ctor));
    remember_originals(it);
}

// ---- helpers ------------------------------------------------------------------------------

fn captures(a: &Args) -> Vec<Value> {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.clone(),
        _ => Vec::new(),
    }
}

fn capture_obj(a: &Args, i: usize) -> Option<Obj> {
    match captures(a).get(i) {
        Some(Value::Object(o)) => Some(o.clone()),
        _ => None,
    }
}

fn is_regexp_obj(v: &Value) -> bool {
    matches!(v, Value::Object(o) if matches!(o.borrow().kind, ObjectKind::RegExp(_)))
}

/// (source, flags) of a RegExp instance.
fn regexp_slots(v: &Value) -> Option<(JsStr, JsStr)> {
    match v {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::RegExp(d) => Some((d.source.clone(), d.flags.clone())),
            _ => None,
        },
        _ => None,
    }
}

fn incompatible(it: &mut Interp, method: &str, this: &Value) -> Abrupt {
    let d = describe(it, this);
    it.type_error(format!(
        "Method RegExp.prototype.{method} called on incompatible receiver {d}"
    ))
}

/// The `this` object of a RegExp method that works on any object.
fn this_object(it: &mut Interp, a: &Args, method: &str) -> JsResult<Obj> {
    match a.this {
        Value::Object(o) => Ok(o.clone()),
        v => Err(incompatible(it, method, v)),
    }
}

/// IsRegExp(argument).
fn is_regexp(it: &mut Interp, v: &Value) -> JsResult<bool> {
    let Value::Object(o) = v else {
        return Ok(false);
    };
    let m = it.get(o, &PropKey::Sym(it.symbols.match_.clone()))?;
    if !m.is_undefined() {
        return Ok(m.to_boolean());
    }
    Ok(is_regexp_obj(v))
}

fn is_null(v: &Value) -> bool {
    matches!(v, Value::Null)
}

fn last_index_key() -> PropKey {
    static_key!("lastIndex")
}

fn set_last_index(it: &mut Interp, o: &Obj, n: f64) -> JsResult<()> {
    // A RegExp object's `lastIndex` is its own data property at position 0 (RegExpAlloc
    // defines it first and it cannot be deleted): when it is writable, [[Set]] (an
    // ordinary object's, with `o` as the receiver) only replaces its value.
    let old = {
        let mut d = o.borrow_mut();
        if !matches!(d.kind, ObjectKind::RegExp(_)) {
            None
        } else {
            d.props
                .writable_data_at_hint(&last_index_key(), 0)
                .map(|v| std::mem::replace(v, Value::Number(n)))
        }
    };
    match old {
        // (The old value is dropped after the borrow ends.)
        Some(_) => Ok(()),
        None => it.set(o, last_index_key(), Value::Number(n), true),
    }
}

/// The value of a RegExp object's own `lastIndex` data property (at position 0, see
/// [`set_last_index`]), and whether it is writable: what [[Get]] returns, read in place.
fn own_last_index(r: &Obj) -> Option<(Value, bool)> {
    let d = r.borrow();
    if !matches!(d.kind, ObjectKind::RegExp(_)) {
        return None;
    }
    match d.props.entry_at(0) {
        Some((k, p)) if k.fast_eq(&last_index_key()) => match p.slot {
            Slot::Data(v) => Some((v.clone(), p.attrs.writable())),
            _ => None,
        },
        _ => None,
    }
}

/// Is `r`'s `lastIndex` a writable Number? Then RegExpBuiltinExec's read of it and its
/// ToLength run nothing, and its write cannot fail: a built-in may run it directly, with
/// no observable difference from calling `exec` (see [`untouched`]).
fn plain_last_index(r: &Obj) -> bool {
    matches!(own_last_index(r), Some((Value::Number(_), true)))
}

/// AdvanceStringIndex(S, index, unicode).
fn advance_string_index(s: &[u16], index: u64, unicode: bool) -> u64 {
    if !unicode || index + 1 >= s.len() as u64 {
        return index + 1;
    }
    let i = index as usize;
    if (0xD800..0xDC00).contains(&s[i]) && (0xDC00..0xE000).contains(&s[i + 1]) {
        index + 2
    } else {
        index + 1
    }
}

fn flags_contain(flags: &JsStr, c: u8) -> bool {
    flags.units().contains(&(c as u16))
}

/// Validates flags and compiles the pattern (the parse part of RegExpInitialize).
fn compile(it: &mut Interp, p: &JsStr, f: &JsStr) -> JsResult<RegExpData> {
    let compiled = compile_pattern(p, f).map_err(|e| {
        it.syntax_error(match e {
            RegExpError::Flags => format!(
                "Invalid flags supplied to RegExp constructor '{}'",
                f.to_rust_string()
            ),
            RegExpError::Pattern(m) => m,
        })
    })?;
    Ok(RegExpData {
        source: p.clone(),
        flags: f.clone(),
        regex: compiled.regex,
        group_names: compiled.group_names,
    })
}

/// RegExpInitialize(obj, pattern, flags).
fn regexp_initialize(it: &mut Interp, o: &Obj, pattern: &Value, flags: &Value) -> JsResult<Value> {
    let p = if pattern.is_undefined() {
        JsStr::empty()
    } else {
        it.to_string(pattern)?
    };
    let f = if flags.is_undefined() {
        JsStr::empty()
    } else {
        it.to_string(flags)?
    };
    let data = compile(it, &p, &f)?;
    o.borrow_mut().kind = ObjectKind::RegExp(Box::new(data));
    set_last_index(it, o, 0.0)?;
    Ok(Value::Object(o.clone()))
}

/// RegExpCreate(P, F) for a regular expression literal (§22.2.3.1), with the literal's source
/// text: RegExpAlloc(%RegExp%) — whose `prototype` cannot change, so the intrinsic
/// %RegExp.prototype% — then RegExpInitialize. The global `RegExp` binding plays no part (a
/// script may replace or delete it).
pub(crate) fn regexp_create_literal(it: &mut Interp, p: &JsStr, f: &JsStr) -> JsResult<Obj> {
    let data = compile(it, p, f)?;
    let o = Obj::new(
        Some(it.intrinsics.regexp_prototype.clone()),
        ObjectKind::RegExp(Box::new(data)),
    );
    // lastIndex: 0, as RegExpAlloc defines it and RegExpInitialize sets it (the shape
    // `define` would give it, `regexp_layout`).
    o.borrow_mut().props =
        PropMap::with_layout(&it.regexp_layout, vec![Slot::Data(Value::from(0.0))]);
    Ok(o)
}

/// RegExpAlloc(newTarget).
fn regexp_alloc(it: &mut Interp, new_target: &Obj) -> JsResult<Obj> {
    let proto = it.get_prototype_from_constructor(new_target, |i| i.regexp_prototype.clone())?;
    let o = Obj::new(Some(proto), ObjectKind::Ordinary);
    o.define(
        last_index_key(),
        Value::from(0.0),
        Attrs::new(true, false, false),
    );
    Ok(o)
}

// ---- constructor ----------------------------------------------------------------------------

/// `RegExp(pattern, flags)` / `new RegExp(pattern, flags)` (§22.2.4.1).
fn regexp_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let pattern = a.get(0);
    let flags = a.get(1);
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    let pattern_is_regexp = is_regexp(it, &pattern)?;
    // 2-3. NewTarget.
    let new_target = match a.new_target {
        Some(nt) => nt.clone(),
        None => {
            let nt = a.callee.clone();
            if pattern_is_regexp && flags.is_undefined() {
                let pc = it.get_v(&pattern, &static_key!("constructor"))?;
                if let Value::Object(pc) = &pc {
                    if Obj::ptr_eq(pc, &nt) {
                        return Ok(pattern);
                    }
                }
            }
            nt
        }
    };
    // 4-6.
    let (p, f) = if let Some((src, fl)) = regexp_slots(&pattern) {
        let f = if flags.is_undefined() {
            Value::String(fl)
        } else {
            flags
        };
        (Value::String(src), f)
    } else if pattern_is_regexp {
        let src = it.get_v(&pattern, &static_key!("source"))?;
        let f = if flags.is_undefined() {
            it.get_v(&pattern, &static_key!("flags"))?
        } else {
            flags
        };
        (src, f)
    } else {
        (pattern, flags)
    };
    // 7-8.
    let o = regexp_alloc(it, &new_target)?;
    regexp_initialize(it, &o, &p, &f)
}

/// `RegExp.escape(S)`.
fn regexp_escape(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If S is not a String, throw a TypeError exception.
    let Value::String(s) = a.get(0) else {
        return Err(it.type_error("input argument must be a string"));
    };
    let mut out: Vec<u16> = Vec::with_capacity(s.len());
    let push_str = |out: &mut Vec<u16>, t: &str| out.extend(t.encode_utf16());
    // 3-4. For each code point c of StringToCodePoints(S) (a lone surrogate is one).
    for (i, c) in char::decode_utf16(s.units().iter().copied()).enumerate() {
        let (cp, units): (u32, Vec<u16>) = match c {
            Ok(ch) => (ch as u32, ch.encode_utf16(&mut [0u16; 2]).to_vec()),
            Err(e) => (e.unpaired_surrogate() as u32, vec![e.unpaired_surrogate()]),
        };
        let ch = char::from_u32(cp);
        // a. A leading decimal digit or ASCII letter becomes \xHH.
        if i == 0 && ch.is_some_and(|c| c.is_ascii_alphanumeric()) {
            push_str(&mut out, &format!("\\x{cp:02x}"));
            continue;
        }
        // b. EncodeForRegExpEscape(c).
        match ch {
            // 1. SyntaxCharacter or U+002F (SOLIDUS): a backslash before it.
            Some(c) if "^$\\.*+?()[]{}|/".contains(c) => {
                out.push(0x5C);
                out.push(cp as u16);
            }
            // 2. A ControlEscape letter for \t \n \v \f \r.
            Some('\t') => push_str(&mut out, "\\t"),
            Some('\n') => push_str(&mut out, "\\n"),
            Some('\u{B}') => push_str(&mut out, "\\v"),
            Some('\u{C}') => push_str(&mut out, "\\f"),
            Some('\r') => push_str(&mut out, "\\r"),
            // 3-5. Other punctuators, WhiteSpace, LineTerminator and surrogates: \xHH or
            // \uHHHH per code unit.
            _ if ch.is_none_or(|c| {
                ",-=<>#&!%:;@~'`\"".contains(c) || crate::value::is_js_whitespace(c)
            }) =>
            {
                if cp <= 0xFF {
                    push_str(&mut out, &format!("\\x{cp:02x}"));
                } else {
                    for u in units {
                        push_str(&mut out, &format!("\\u{u:04x}"));
                    }
                }
            }
            // 6. Else, the code point itself.
            _ => out.extend(units),
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

/// `get RegExp[Symbol.species]`.
fn regexp_species(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

// ---- accessors ------------------------------------------------------------------------------

/// RegExpHasFlag(R, codeUnit).
fn regexp_has_flag(it: &mut Interp, this: &Value, c: u8, name: &str) -> JsResult<Value> {
    if let Value::Object(o) = this {
        if let ObjectKind::RegExp(d) = &o.borrow().kind {
            return Ok(Value::Bool(d.has_flag(c)));
        }
        if Obj::ptr_eq(o, &it.intrinsics.regexp_prototype) {
            return Ok(Value::Undefined);
        }
    }
    Err(it.type_error(format!(
        "RegExp.prototype.{name} getter called on non-RegExp object"
    )))
}

fn regexp_dot_all(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b's', "dotAll")
}
fn regexp_global(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'g', "global")
}
fn regexp_has_indices(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'd', "hasIndices")
}
fn regexp_ignore_case(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'i', "ignoreCase")
}
fn regexp_multiline(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'm', "multiline")
}
fn regexp_sticky(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'y', "sticky")
}
fn regexp_unicode(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'u', "unicode")
}
fn regexp_unicode_sets(it: &mut Interp, a: &Args) -> JsResult<Value> {
    regexp_has_flag(it, a.this, b'v', "unicodeSets")
}

/// `get RegExp.prototype.flags` (§22.2.6.4).
fn regexp_flags(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Value::Object(r) = a.this else {
        let d = describe(it, a.this);
        return Err(it.type_error(format!(
            "RegExp.prototype.flags getter called on non-object {d}"
        )));
    };
    if untouched(it, r, FLAGS) {
        return Ok(Value::String(canonical_flags(r)));
    }
    let mut out = String::new();
    for (name, c) in [
        ("hasIndices", 'd'),
        ("global", 'g'),
        ("ignoreCase", 'i'),
        ("multiline", 'm'),
        ("dotAll", 's'),
        ("unicode", 'u'),
        ("unicodeSets", 'v'),
        ("sticky", 'y'),
    ] {
        if it.get(r, &PropKey::from(name))?.to_boolean() {
            out.push(c);
        }
    }
    Ok(Value::from(out.as_str()))
}

/// EscapeRegExpPattern: the `source` text that reparses to the same pattern.
fn escape_regexp_pattern(src: &JsStr) -> JsStr {
    if src.is_empty() {
        return JsStr::from("(?:)");
    }
    let u = src.units();
    let mut out = Vec::with_capacity(u.len());
    let mut in_class = false;
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        match c {
            0x5C => {
                out.push(c);
                if let Some(&n) = u.get(i + 1) {
                    match n {
                        0x0A => out.push(b'n' as u16),
                        0x0D => out.push(b'r' as u16),
                        0x2028 => out.extend("u2028".encode_utf16()),
                        0x2029 => out.extend("u2029".encode_utf16()),
                        n => out.push(n),
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.extend("\\/".encode_utf16()),
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            0x5B => {
                in_class = true;
                out.push(c);
            }
            0x5D => {
                in_class = false;
                out.push(c);
            }
            c => out.push(c),
        }
        i += 1;
    }
    JsStr::from_units(out)
}

/// `get RegExp.prototype.source` (§22.2.6.13).
fn regexp_source(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if let Some((src, _)) = regexp_slots(a.this) {
        return Ok(Value::String(escape_regexp_pattern(&src)));
    }
    if let Value::Object(o) = a.this {
        if Obj::ptr_eq(o, &it.intrinsics.regexp_prototype) {
            return Ok(Value::from("(?:)"));
        }
    }
    Err(it.type_error("RegExp.prototype.source getter called on non-RegExp object"))
}

// ---- exec -----------------------------------------------------------------------------------

/// One match: overall range and capture ranges (UTF-16 code-unit indices), plus group names.
struct RawMatch {
    start: usize,
    end: usize,
    captures: Vec<Option<(usize, usize)>>,
    /// (name, 1-based group index) of the named groups.
    names: Vec<(JsStr, usize)>,
}

/// Runs the matcher on `s` from `from`; the first (leftmost) match at or after `from`.
/// The first match at or after `from`, or with `sticky` only one starting at `from` (a sticky
/// search never looks further: a failing `y` match costs one attempt, not a scan).
fn raw_find(o: &Obj, s: &[u16], from: usize, sticky: bool) -> Option<RawMatch> {
    let d = o.borrow();
    let ObjectKind::RegExp(d) = &d.kind else {
        return None;
    };
    if from > s.len() {
        return None;
    }
    // Like V8, a unicode-mode search starting inside a surrogate pair starts at the pair.
    let mut from = from;
    let unicode = d.has_flag(b'u') || d.has_flag(b'v');
    if unicode
        && from > 0
        && from < s.len()
        && (0xDC00..0xE000).contains(&s[from])
        && (0xD800..0xDC00).contains(&s[from - 1])
    {
        from -= 1;
    }
    let m = match (unicode, sticky) {
        (true, false) => d.regex.find_from_utf16(s, from).next(),
        (false, false) => d.regex.find_from_ucs2(s, from).next(),
        (true, true) => d.regex.find_at_utf16(s, from),
        (false, true) => d.regex.find_at_ucs2(s, from),
    }?;
    let names = d
        .group_names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.clone().map(|n| (n, i + 1)))
        .collect();
    Some(RawMatch {
        start: m.range.start,
        end: m.range.end,
        captures: m
            .captures
            .iter()
            .map(|c| c.as_ref().map(|r| (r.start, r.end)))
            .collect(),
        names,
    })
}

/// RegExpBuiltinExec(R, S) (§22.2.7.2) up to the match's record: the search, `lastIndex`
/// and the legacy statics. `None` for no match; with the match, whether R has the `d` flag.
fn builtin_match(it: &mut Interp, r: &Obj, s: &JsStr) -> JsResult<Option<(RawMatch, bool)>> {
    let length = s.len() as u64;
    // 4. Let lastIndex be ℝ(? ToLength(? Get(R, "lastIndex"))).
    let li = match own_last_index(r) {
        Some((v, _)) => v,
        None => it.get(r, &last_index_key())?,
    };
    let mut last_index = it.to_length(&li)?;
    let flags = match regexp_slots(&Value::Object(r.clone())) {
        Some((_, f)) => f,
        None => return Err(incompatible(it, "exec", &Value::Object(r.clone()))),
    };
    let global = flags_contain(&flags, b'g');
    let sticky = flags_contain(&flags, b'y');
    let has_indices = flags_contain(&flags, b'd');
    if !global && !sticky {
        last_index = 0;
    }
    let units = s.units();
    // 12-13. The matcher loop (regress searches forward itself).
    let found = if last_index > length {
        None
    } else {
        // A sticky match starts at lastIndex, or at the surrogate pair lastIndex points into
        // in Unicode mode (as V8).
        raw_find(r, units, last_index as usize, sticky)
    };
    let Some(m) = found else {
        if global || sticky {
            set_last_index(it, r, 0.0)?;
        }
        return Ok(None);
    };
    // 15-16. lastIndex = start; e = end.
    if global || sticky {
        set_last_index(it, r, m.end as f64)?;
    }
    note_last_match(it, s, m.start, m.end, m.captures.clone());
    Ok(Some((m, has_indices)))
}

/// RegExpBuiltinExec(R, S) (§22.2.7.2).
fn regexp_builtin_exec(it: &mut Interp, r: &Obj, s: &JsStr) -> JsResult<Value> {
    let Some((m, has_indices)) = builtin_match(it, r, s)? else {
        return Ok(Value::Null);
    };
    let groups = if !m.names.is_empty() {
        let g = Obj::new(None, ObjectKind::Ordinary);
        Value::Object(g)
    } else {
        Value::Undefined
    };
    let cap_value = |c: &Option<(usize, usize)>| match c {
        Some((x, y)) => Value::String(s.slice(*x, *y)),
        None => Value::Undefined,
    };
    // A is a new Array nothing else can see yet: its elements (the match, then the
    // captures) and its `index`, `input` and `groups` data properties are set directly, in
    // the order CreateDataPropertyOrThrow would have made them (indices list first).
    let mut elements = Vec::with_capacity(m.captures.len() + 1);
    elements.push(Value::String(s.slice(m.start, m.end)));
    elements.extend(m.captures.iter().map(cap_value));
    let a = it.new_array(elements);
    // The three at once, in the shape they would get one by one (`match_result_layout`).
    a.borrow_mut().props = PropMap::with_layout(
        &it.match_result_layout,
        vec![
            Slot::Data(Value::from(m.start as f64)),
            Slot::Data(Value::String(s.clone())),
            Slot::Data(groups.clone()),
        ],
    );
    // 22.e: each name once, in the order its groups appear; with duplicate names (groups in
    // different alternatives) the one that participated gives the value. `named` is the
    // groupNames list: the (name, group) pairs that define a property.
    let mut named: Vec<(JsStr, usize)> = Vec::new();
    let mut matched: Vec<JsStr> = Vec::new();
    for (name, idx) in &m.names {
        if matched.contains(name) {
            continue;
        }
        let cap = m.captures.get(idx.wrapping_sub(1)).copied().flatten();
        if cap.is_some() {
            matched.push(name.clone());
        }
        match named.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = *idx,
            None => named.push((name.clone(), *idx)),
        }
        if let Value::Object(g) = &groups {
            it.create_data_property_or_throw(g, PropKey::from_str(name), cap_value(&cap))?;
        }
    }
    if has_indices {
        // MakeMatchIndicesIndexPairArray.
        let pair = |it: &mut Interp, c: Option<(usize, usize)>| match c {
            Some((x, y)) => {
                Value::Object(it.new_array(vec![Value::from(x as f64), Value::from(y as f64)]))
            }
            None => Value::Undefined,
        };
        let mut pairs = vec![pair(it, Some((m.start, m.end)))];
        for c in &m.captures {
            pairs.push(pair(it, *c));
        }
        let group_names = if !m.names.is_empty() {
            let g = Obj::new(None, ObjectKind::Ordinary);
            for (name, idx) in &named {
                let v = pairs.get(*idx).cloned().unwrap_or(Value::Undefined);
                g.define(PropKey::from_str(name), v, Attrs::DEFAULT);
            }
            Value::Object(g)
        } else {
            Value::Undefined
        };
        let indices = it.new_array(pairs);
        it.create_data_property_or_throw(&indices, static_key!("groups"), group_names)?;
        it.create_data_property_or_throw(&a, static_key!("indices"), Value::Object(indices))?;
    }
    Ok(Value::Object(a))
}

/// RegExpExec(R, S) (§22.2.7.1).
fn regexp_exec(it: &mut Interp, r: &Obj, s: &JsStr) -> JsResult<Value> {
    // 1-2. `exec` is the built-in one, called with nothing observable around it.
    if untouched(it, r, EXEC) && plain_last_index(r) {
        return regexp_builtin_exec(it, r, s);
    }
    let exec = it.get(r, &static_key!("exec"))?;
    if it.is_callable(&exec) {
        let result = it.call(
            &exec,
            &Value::Object(r.clone()),
            &[Value::String(s.clone())],
        )?;
        if !matches!(result, Value::Object(_) | Value::Null) {
            return Err(
                it.type_error("RegExp exec method returned something other than an Object or null")
            );
        }
        return Ok(result);
    }
    if !is_regexp_obj(&Value::Object(r.clone())) {
        return Err(incompatible(it, "exec", &Value::Object(r.clone())));
    }
    regexp_builtin_exec(it, r, s)
}

/// `RegExp.prototype.exec(string)`.
fn regexp_proto_exec(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let r = match a.this {
        Value::Object(o) if is_regexp_obj(a.this) => o.clone(),
        v => return Err(incompatible(it, "exec", v)),
    };
    let s = it.to_string(&a.get(0))?;
    regexp_builtin_exec(it, &r, &s)
}

/// `RegExp.prototype.test(S)`.
fn regexp_proto_test(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let r = this_object(it, a, "test")?;
    let s = it.to_string(&a.get(0))?;
    // RegExpExec with the built-in `exec` (see `regexp_exec`): the match without the
    // result array nobody sees (lodash's `reIsUint.test(value)` on every index it checks).
    if untouched(it, &r, EXEC) && plain_last_index(&r) {
        return Ok(Value::Bool(builtin_match(it, &r, &s)?.is_some()));
    }
    let m = regexp_exec(it, &r, &s)?;
    Ok(Value::Bool(!is_null(&m)))
}

/// `RegExp.prototype.toString()`.
fn regexp_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let r = this_object(it, a, "toString")?;
    let src = it.get(&r, &static_key!("source"))?;
    let p = it.to_string(&src)?;
    let fl = it.get(&r, &static_key!("flags"))?;
    let f = it.to_string(&fl)?;
    let s = JsStr::from("/")
        .concat(&p)
        .concat(&JsStr::from("/"))
        .concat(&f);
    Ok(Value::String(s))
}

/// `RegExp.prototype.compile(pattern, flags)` (Annex B).
fn regexp_proto_compile(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = match a.this {
        Value::Object(o) if is_regexp_obj(a.this) => o.clone(),
        v => return Err(incompatible(it, "compile", v)),
    };
    let pattern = a.get(0);
    let flags = a.get(1);
    let (p, f) = if let Some((src, fl)) = regexp_slots(&pattern) {
        if !flags.is_undefined() {
            return Err(it.type_error("Invalid flags supplied to RegExp constructor"));
        }
        (Value::String(src), Value::String(fl))
    } else {
        (pattern, flags)
    };
    regexp_initialize(it, &o, &p, &f)
}

// ---- Symbol methods -------------------------------------------------------------------------

fn get_flags_string(it: &mut Interp, r: &Obj) -> JsResult<JsStr> {
    if untouched(it, r, FLAGS) {
        return Ok(canonical_flags(r));
    }
    let f = it.get(r, &static_key!("flags"))?;
    it.to_string(&f)
}

fn match_string(it: &mut Interp, result: &Value) -> JsResult<JsStr> {
    let v = it.get_v(result, &PropKey::Index(0))?;
    it.to_string(&v)
}

/// RegExpExec(R, S), then ? ToString(? Get(result, "0")) of a match: the matched string,
/// or `None` for no match. With the built-in `exec` called with nothing observable around
/// it (see `regexp_exec`), the match without the result array nobody else sees: its
/// element 0 is the matched substring (date-fns's `format` matches its format string
/// globally per call: ~600 instructions a match for the array and the read back).
fn exec_matched_string(it: &mut Interp, r: &Obj, s: &JsStr) -> JsResult<Option<JsStr>> {
    if untouched(it, r, EXEC) && plain_last_index(r) {
        return Ok(builtin_match(it, r, s)?.map(|(m, _)| s.slice(m.start, m.end)));
    }
    let result = regexp_exec(it, r, s)?;
    if is_null(&result) {
        return Ok(None);
    }
    match_string(it, &result).map(Some)
}

/// After an empty match: lastIndex = AdvanceStringIndex(S, ToLength(lastIndex), fullUnicode).
fn bump_last_index(it: &mut Interp, r: &Obj, s: &JsStr, full_unicode: bool) -> JsResult<()> {
    let li = it.get(r, &last_index_key())?;
    let this_index = it.to_length(&li)?;
    let next = advance_string_index(s.units(), this_index, full_unicode);
    set_last_index(it, r, next as f64)
}

/// `RegExp.prototype[Symbol.match](string)` (§22.2.6.8).
fn regexp_match(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rx = this_object(it, a, "@@match")?;
    let s = it.to_string(&a.get(0))?;
    let flags = get_flags_string(it, &rx)?;
    if !flags_contain(&flags, b'g') {
        return regexp_exec(it, &rx, &s);
    }
    let full_unicode = flags_contain(&flags, b'u') || flags_contain(&flags, b'v');
    set_last_index(it, &rx, 0.0)?;
    let mut out = Vec::new();
    loop {
        let Some(m) = exec_matched_string(it, &rx, &s)? else {
            if out.is_empty() {
                return Ok(Value::Null);
            }
            return Ok(Value::Object(it.new_array(out)));
        };
        if m.is_empty() {
            bump_last_index(it, &rx, &s, full_unicode)?;
        }
        out.push(Value::String(m));
    }
}

/// `RegExp.prototype[Symbol.matchAll](string)` (§22.2.6.9).
fn regexp_match_all(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let r = this_object(it, a, "@@matchAll")?;
    let s = it.to_string(&a.get(0))?;
    let (Some(default), Some(rsi_proto)) = (capture_obj(a, 0), capture_obj(a, 2)) else {
        return Err(it.type_error("RegExp is not available"));
    };
    let c = crate::builtins::promise::species_constructor(it, &r, &default)?;
    let flags = get_flags_string(it, &r)?;
    let Value::Object(c) = c else {
        return Err(it.type_error("object.constructor[Symbol.species] is not a constructor"));
    };
    let matcher = it.construct(
        &c,
        &[Value::Object(r.clone()), Value::String(flags.clone())],
        None,
    )?;
    let Value::Object(matcher) = matcher else {
        return Err(it.type_error("RegExp species constructor returned a non-object"));
    };
    let li = it.get(&r, &last_index_key())?;
    let last_index = it.to_length(&li)?;
    set_last_index(it, &matcher, last_index as f64)?;
    let global = flags_contain(&flags, b'g');
    let full_unicode = flags_contain(&flags, b'u') || flags_contain(&flags, b'v');
    let iter = Obj::new(
        Some(rsi_proto),
        ObjectKind::Internal(vec![
            Value::from(RSI_MARKER),
            Value::Object(matcher),
            Value::String(s),
            Value::Bool(global),
            Value::Bool(full_unicode),
            Value::Bool(false),
        ]),
    );
    Ok(Value::Object(iter))
}

/// %RegExpStringIteratorPrototype%.next().
fn regexp_string_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let state = match a.this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::Internal(v)
                if v.len() == 6
                    && matches!(&v[0], Value::String(m) if m.units() == JsStr::from(RSI_MARKER).units()) =>
            {
                Some((o.clone(), v.clone()))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((o, v)) = state else {
        let d = describe(it, a.this);
        return Err(it.type_error(format!(
            "Method %RegExpStringIterator%.prototype.next called on incompatible receiver {d}"
        )));
    };
    if v[5].to_boolean() {
        return Ok(it.iter_result(Value::Undefined, true));
    }
    let (Value::Object(r), Value::String(s)) = (&v[1], &v[2]) else {
        return Ok(it.iter_result(Value::Undefined, true));
    };
    let set_done = |o: &Obj| {
        if let ObjectKind::Internal(v) = &mut o.borrow_mut().kind {
            if v.len() == 6 {
                v[5] = Value::Bool(true);
            }
        }
    };
    let m = regexp_exec(it, r, s)?;
    if is_null(&m) {
        set_done(&o);
        return Ok(it.iter_result(Value::Undefined, true));
    }
    if v[3].to_boolean() {
        let ms = match_string(it, &m)?;
        if ms.is_empty() {
            bump_last_index(it, r, s, v[4].to_boolean())?;
        }
    } else {
        set_done(&o);
    }
    Ok(it.iter_result(m, false))
}

/// `RegExp.prototype[Symbol.replace](string, replaceValue)` (§22.2.6.11).
fn regexp_replace(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rx = this_object(it, a, "@@replace")?;
    let s = it.to_string(&a.get(0))?;
    let length_s = s.len();
    let mut replace_value = a.get(1);
    let functional = it.is_callable(&replace_value);
    if !functional {
        replace_value = Value::String(it.to_string(&replace_value)?);
    }
    let flags = get_flags_string(it, &rx)?;
    let global = flags_contain(&flags, b'g');
    let full_unicode = flags_contain(&flags, b'u') || flags_contain(&flags, b'v');
    if global {
        set_last_index(it, &rx, 0.0)?;
        if let Value::String(template) = &replace_value {
            if let Some(r) = replace_global_builtin(it, a, &rx, &s, template, full_unicode)? {
                return Ok(r);
            }
        }
    }
    let mut results = Vec::new();
    loop {
        let result = regexp_exec(it, &rx, &s)?;
        if is_null(&result) {
            break;
        }
        results.push(result.clone());
        if !global {
            break;
        }
        let m = match_string(it, &result)?;
        if m.is_empty() {
            bump_last_index(it, &rx, &s, full_unicode)?;
        }
    }
    let su = s.units();
    let mut acc: Vec<u16> = Vec::new();
    let mut next_pos = 0usize;
    for result in results {
        let Value::Object(ro) = &result else { continue };
        let n = it.length_of_array_like(ro)?;
        let n_captures = n.saturating_sub(1);
        let matched = match_string(it, &result)?;
        let match_length = matched.len();
        let pos_v = it.get(ro, &static_key!("index"))?;
        let position = it.to_integer_or_infinity(&pos_v)?;
        let position = position.clamp(0.0, length_s as f64) as usize;
        let mut caps = Vec::new();
        for i in 1..=n_captures {
            let key = crate::interp::ops::index_key(i);
            let c = it.get(ro, &key)?;
            let c = if c.is_undefined() {
                c
            } else {
                Value::String(it.to_string(&c)?)
            };
            caps.push(c);
        }
        let named = it.get(ro, &static_key!("groups"))?;
        let replacement = if functional {
            let mut args = vec![Value::String(matched.clone())];
            args.extend(caps);
            args.push(Value::from(position as f64));
            args.push(Value::String(s.clone()));
            if !named.is_undefined() {
                args.push(named);
            }
            let v = it.call(&replace_value, &Value::Undefined, &args)?;
            it.to_string(&v)?
        } else {
            let named = if named.is_undefined() {
                named
            } else {
                Value::Object(it.to_object(&named)?)
            };
            let Value::String(template) = &replace_value else {
                unreachable!("replaceValue was converted to a string")
            };
            get_substitution(it, &matched, &s, position, &caps, &named, template)?
        };
        if position >= next_pos {
            acc.extend_from_slice(&su[next_pos..position]);
            acc.extend_from_slice(replacement.units());
            next_pos = position + match_length;
        }
    }
    if next_pos < length_s {
        acc.extend_from_slice(&su[next_pos..]);
    }
    Ok(Value::String(JsStr::from_units(acc)))
}

/// The global `[Symbol.replace]` loop with a replacement string, when `rx` is a plain
/// global, non-sticky RegExp whose `exec` is the built-in one (found without running
/// anything): each match is substituted as it is found, without the spec's list of match
/// result objects (an array with `index`, `input` and `groups` per match, kept until the
/// loop ends: 2^28 matches of `/x/g` took tens of gigabytes). Observably the same: nothing
/// runs user code, `lastIndex` ends at 0 as after the last failing exec, and a result past
/// V8's string limit throws as soon as it passes it. `None` when it does not apply.
fn replace_global_builtin(
    it: &mut Interp,
    a: &Args,
    rx: &Obj,
    s: &JsStr,
    template: &JsStr,
    full_unicode: bool,
) -> JsResult<Option<Value>> {
    let Some(builtin_exec) = capture_obj(a, 1) else {
        return Ok(None);
    };
    let proto = it.intrinsics.regexp_prototype.clone();
    if !rx.proto().is_some_and(|p| Obj::ptr_eq(&p, &proto))
        || rx.get_own_property(&static_key!("exec")).is_some()
        || !matches!(
            proto.get_own_property(&static_key!("exec")).map(|p| p.slot),
            Some(crate::object::Slot::Data(Value::Object(e))) if Obj::ptr_eq(&e, &builtin_exec)
        )
    {
        return Ok(None);
    }
    let dollar = template.units().contains(&(b'$' as u16));
    let (regex, unicode) = {
        let d = rx.borrow();
        let ObjectKind::RegExp(d) = &d.kind else {
            return Ok(None);
        };
        let named = d.group_names.iter().any(Option::is_some);
        let lt = [b'$' as u16, b'<' as u16];
        if !d.has_flag(b'g')
            || d.has_flag(b'y')
            || (named && template.units().windows(2).any(|w| w == lt))
        {
            return Ok(None);
        }
        (d.regex.clone(), d.has_flag(b'u') || d.has_flag(b'v'))
    };
    let su = s.units();
    // The result is built as the matches are found up to `DIRECT` units; past that only its
    // pieces, `(match start, match end, replacement)`, are kept and its length counted, so
    // that a result past V8's limit throws without a gigabyte of it built first.
    const DIRECT: usize = 1 << 24;
    let mut acc: Vec<u16> = Vec::new();
    let mut built_to = 0usize;
    let mut pieces: Vec<(usize, usize, JsStr)> = Vec::new();
    let mut len = 0usize;
    let mut next_pos = 0usize;
    let mut from = 0usize;
    let mut count = 0u32;
    let mut last_match = None;
    'search: while from <= su.len() {
        // As `raw_find`: a unicode search starting inside a surrogate pair starts at it.
        if unicode
            && from > 0
            && from < su.len()
            && (0xDC00..0xE000).contains(&su[from])
            && (0xD800..0xDC00).contains(&su[from - 1])
        {
            from -= 1;
        }
        let mut matches: Box<dyn Iterator<Item = regress::Match>> = if unicode {
            Box::new(regex.find_from_utf16(su, from))
        } else {
            Box::new(regex.find_from_ucs2(su, from))
        };
        // The matcher continues after a non-empty match by itself; an empty one restarts
        // at AdvanceStringIndex, as the spec's loop does.
        loop {
            let Some(m) = matches.next() else {
                break 'search;
            };
            let (position, end) = (m.range.start, m.range.end);
            last_match = Some((position, end, m.captures.clone()));
            let replacement = if dollar {
                let caps: Vec<Value> = m
                    .captures
                    .iter()
                    .map(|c| match c {
                        Some(r) => Value::String(s.slice(r.start, r.end)),
                        None => Value::Undefined,
                    })
                    .collect();
                let matched = s.slice(position, end);
                get_substitution(
                    it,
                    &matched,
                    s,
                    position,
                    &caps,
                    &Value::Undefined,
                    template,
                )?
            } else {
                template.clone()
            };
            if position >= next_pos {
                len += position - next_pos + replacement.len();
                if pieces.is_empty() && len <= DIRECT {
                    acc.extend_from_slice(&su[next_pos..position]);
                    acc.extend_from_slice(replacement.units());
                    built_to = end;
                } else {
                    pieces.push((position, end, replacement));
                }
                next_pos = end;
            }
            if len > crate::builtins::string::MAX_STRING_LENGTH {
                return Err(it.range_error("Invalid string length"));
            }
            count = count.wrapping_add(1);
            if count & 0xFFF == 0 {
                it.check_interrupt()?;
            }
            if end == position {
                from = advance_string_index(su, end as u64, full_unicode) as usize;
                continue 'search;
            }
        }
    }
    len += su.len().saturating_sub(next_pos);
    if len > crate::builtins::string::MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    acc.reserve(len.saturating_sub(acc.len()));
    let mut copied = built_to;
    for (position, end, replacement) in &pieces {
        acc.extend_from_slice(&su[copied..*position]);
        acc.extend_from_slice(replacement.units());
        copied = *end;
    }
    if copied < su.len() {
        acc.extend_from_slice(&su[copied..]);
    }
    drop(pieces);
    set_last_index(it, rx, 0.0)?;
    if let Some((start, end, caps)) = last_match {
        let caps = caps
            .iter()
            .map(|c| c.as_ref().map(|r| (r.start, r.end)))
            .collect();
        note_last_match(it, s, start, end, caps);
    }
    Ok(Some(Value::String(JsStr::from_units(acc))))
}

/// `RegExp.prototype[Symbol.search](string)` (§22.2.6.12).
fn regexp_search(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rx = this_object(it, a, "@@search")?;
    let s = it.to_string(&a.get(0))?;
    let previous = it.get(&rx, &last_index_key())?;
    if !previous.same_value(&Value::Number(0.0)) {
        set_last_index(it, &rx, 0.0)?;
    }
    let result = regexp_exec(it, &rx, &s)?;
    let current = it.get(&rx, &last_index_key())?;
    if !current.same_value(&previous) {
        it.set(&rx, last_index_key(), previous, true)?;
    }
    if is_null(&result) {
        return Ok(Value::from(-1.0));
    }
    it.get_v(&result, &static_key!("index"))
}

/// `RegExp.prototype[Symbol.split](string, limit)` (§22.2.6.14).
fn regexp_split(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rx = this_object(it, a, "@@split")?;
    let s = it.to_string(&a.get(0))?;
    let (Some(default), Some(builtin_exec)) = (capture_obj(a, 0), capture_obj(a, 1)) else {
        return Err(it.type_error("RegExp is not available"));
    };
    let c = crate::builtins::promise::species_constructor(it, &rx, &default)?;
    let flags = get_flags_string(it, &rx)?;
    let unicode_matching = flags_contain(&flags, b'u') || flags_contain(&flags, b'v');
    let new_flags = if flags_contain(&flags, b'y') {
        flags.clone()
    } else {
        flags.concat(&JsStr::from("y"))
    };
    let Value::Object(c) = c else {
        return Err(it.type_error("object.constructor[Symbol.species] is not a constructor"));
    };
    let splitter = it.construct(
        &c,
        &[Value::Object(rx.clone()), Value::String(new_flags)],
        None,
    )?;
    let Value::Object(splitter) = splitter else {
        return Err(it.type_error("RegExp species constructor returned a non-object"));
    };
    let mut out: Vec<Value> = Vec::new();
    let limit = a.get(1);
    let lim = if limit.is_undefined() {
        u32::MAX
    } else {
        it.to_uint32(&limit)?
    };
    if lim == 0 {
        return Ok(Value::Object(it.new_array(out)));
    }
    let size = s.len();
    if size == 0 {
        let z = regexp_exec(it, &splitter, &s)?;
        if is_null(&z) {
            out.push(Value::String(s));
        }
        return Ok(Value::Object(it.new_array(out)));
    }
    // Fast path: a plain RegExp splitter with the built-in exec can search forward instead of
    // trying a sticky match at every position (same result, linear time).
    let exec = it.get(&splitter, &static_key!("exec"))?;
    let fast = is_regexp_obj(&Value::Object(splitter.clone()))
        && matches!(&exec, Value::Object(e) if Obj::ptr_eq(e, &builtin_exec));
    let su = s.units();
    let mut p = 0usize;
    let mut q = p;
    while q < size {
        let (e, caps): (usize, Vec<Value>) = if fast {
            let Some(m) = raw_find(&splitter, su, q, false) else {
                break;
            };
            if m.start >= size {
                break;
            }
            note_last_match(it, &s, m.start, m.end, m.captures.clone());
            q = m.start;
            let e = m.end.min(size);
            if e == p {
                q = advance_string_index(su, q as u64, unicode_matching) as usize;
                continue;
            }
            let caps = m
                .captures
                .iter()
                .map(|c| match c {
                    Some((x, y)) => Value::String(s.slice(*x, *y)),
                    None => Value::Undefined,
                })
                .collect();
            (e, caps)
        } else {
            set_last_index(it, &splitter, q as f64)?;
            let z = regexp_exec(it, &splitter, &s)?;
            let Value::Object(zo) = &z else {
                q = advance_string_index(su, q as u64, unicode_matching) as usize;
                continue;
            };
            let li = it.get(&splitter, &last_index_key())?;
            let e = (it.to_length(&li)? as usize).min(size);
            if e == p {
                q = advance_string_index(su, q as u64, unicode_matching) as usize;
                continue;
            }
            let n = it.length_of_array_like(zo)?;
            let mut caps = Vec::new();
            for i in 1..n.max(1) {
                caps.push(it.get(zo, &crate::interp::ops::index_key(i))?);
            }
            (e, caps)
        };
        out.push(Value::String(s.slice(p, q)));
        if out.len() as u32 == lim {
            return Ok(Value::Object(it.new_array(out)));
        }
        p = e;
        for cap in caps {
            out.push(cap);
            if out.len() as u32 == lim {
                return Ok(Value::Object(it.new_array(out)));
            }
        }
        q = p;
    }
    out.push(Value::String(s.slice(p, size)));
    Ok(Value::Object(it.new_array(out)))
}
