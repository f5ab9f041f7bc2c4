//! Value formatting as Node v20's `util.inspect` does it, and `console.log`'s argument
//! formatting (`util.formatWithOptions`).
//!
//! This is a port of `lib/internal/util/inspect.js` (`formatValue` → `formatRaw` →
//! per-type formatters → `reduceToSingleString`), keeping its names in snake_case so the two
//! can be read side by side. Output strings are Rust `String`s; every length that Node
//! measures with `.length` is measured in UTF-16 units ([`text::js_len`]).
//!
//! Differences from Node: `getStringWidth` uses Node's non-ICU width tables.
//!
//! Inspecting reads properties through their descriptors and never calls getters unless
//! `getters` is set, but like Node it does call `name`/`Symbol.toStringTag`/`stack` getters,
//! `instanceof` checks and `[nodejs.util.inspect.custom]` methods. No `RefCell` borrow is
//! held across any of those calls.

mod format;
#[cfg(test)]
mod tests;
pub mod text;

pub use format::format_with_options;

use jsgen_engine::interp::jobs::PromiseState;
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Obj, ObjectKind, Prop, PropKey, PropRef, Slot};
use jsgen_engine::object_kind::IterKind;
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;
use text::{js_len, str_escape};

/// `compact` option: `true`, or a number (`false` behaves as 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Compact {
    Always,
    Level(f64),
}

/// `getters` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Getters {
    Off,
    All,
    Get,
    Set,
}

/// `util.inspect` options (`inspectDefaultOptions` by default).
#[derive(Clone, Debug)]
pub struct InspectOptions {
    /// `None` = `depth: null` (unlimited).
    pub depth: Option<f64>,
    pub colors: bool,
    pub show_hidden: bool,
    pub custom_inspect: bool,
    pub show_proxy: bool,
    pub max_array_length: f64,
    pub max_string_length: f64,
    pub break_length: f64,
    pub compact: Compact,
    pub sorted: bool,
    pub getters: Getters,
    pub numeric_separator: bool,
}

impl Default for InspectOptions {
    fn default() -> Self {
        InspectOptions {
            depth: Some(2.0),
            colors: false,
            show_hidden: false,
            custom_inspect: true,
            show_proxy: false,
            max_array_length: 100.0,
            max_string_length: 10000.0,
            break_length: 80.0,
            compact: Compact::Level(3.0),
            sorted: false,
            getters: Getters::Off,
            numeric_separator: false,
        }
    }
}

impl InspectOptions {
    /// Node's `util.inspect.defaultOptions` as they are now: the built-in defaults until
    /// `util` is loaded, then whatever the script assigned.
    pub fn current(it: &mut Interp) -> JsResult<InspectOptions> {
        let mut o = InspectOptions::default();
        // An engine without Node's host (an embedder's bare runtime) has no defaults.
        let defaults = it
            .host_data::<crate::NodeState>()
            .and_then(|n| n.host.inspect_defaults.clone());
        if let Some(d) = defaults {
            o.apply_object(it, &Value::Object(d))?;
        }
        Ok(o)
    }

    /// Reads an options object (`{ depth, colors, showHidden, ... }`) over these options, as
    /// `inspect(v, opts)` and `console.dir(v, opts)` do.
    pub fn apply_object(&mut self, it: &mut Interp, v: &Value) -> JsResult<()> {
        let o = match v {
            Value::Object(o) => o.clone(),
            Value::Bool(b) => {
                self.show_hidden = *b;
                return Ok(());
            }
            _ => return Ok(()),
        };
        let keys = it.own_property_keys(&o)?;
        for k in keys {
            let PropKey::Str(name) = &k else { continue };
            let Some(p) = it.get_own_property_attrs(&o, &k)? else {
                continue;
            };
            if !p.attrs.enumerable() {
                continue;
            }
            let val = it.get(&o, &k)?;
            let num = |v: &Value| match v {
                Value::Number(n) => Some(*n),
                _ => None,
            };
            match name.to_rust_string().as_str() {
                "depth" => {
                    self.depth = match val {
                        Value::Null => None,
                        Value::Number(n) if n == f64::INFINITY => None,
                        Value::Number(n) => Some(n),
                        _ => self.depth,
                    }
                }
                "colors" => self.colors = val.to_boolean(),
                "showHidden" => self.show_hidden = val.to_boolean(),
                "customInspect" => self.custom_inspect = val.to_boolean(),
                "showProxy" => self.show_proxy = val.to_boolean(),
                "maxArrayLength" => {
                    self.max_array_length = match val {
                        Value::Null => f64::INFINITY,
                        v => num(&v).unwrap_or(self.max_array_length),
                    }
                }
                "maxStringLength" => {
                    self.max_string_length = match val {
                        Value::Null => f64::INFINITY,
                        v => num(&v).unwrap_or(self.max_string_length),
                    }
                }
                "breakLength" => self.break_length = num(&val).unwrap_or(self.break_length),
                "compact" => {
                    self.compact = match val {
                        Value::Bool(true) => Compact::Always,
                        Value::Bool(false) => Compact::Level(0.0),
                        Value::Number(n) => Compact::Level(n),
                        _ => self.compact,
                    }
                }
                "sorted" => self.sorted = val.to_boolean(),
                "getters" => {
                    self.getters = match &val {
                        Value::String(s) if s.to_rust_string() == "get" => Getters::Get,
                        Value::String(s) if s.to_rust_string() == "set" => Getters::Set,
                        v if v.to_boolean() => Getters::All,
                        _ => Getters::Off,
                    }
                }
                "numericSeparator" => self.numeric_separator = val.to_boolean(),
                _ => {}
            }
        }
        Ok(())
    }
}

/// `kObjectType` / `kArrayType` / `kArrayExtrasType`.
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
enum Extras {
    Object,
    Array,
    ArrayExtras,
}

/// The inspection context (`ctx` in inspect.js).
struct Ctx {
    o: InspectOptions,
    /// `ctx.depth` (`INFINITY` for `null`).
    depth: f64,
    indentation_lvl: usize,
    seen: Vec<Obj>,
    /// `ctx.circular`: object address → reference number, in insertion order.
    circular: Vec<(usize, usize)>,
    current_depth: usize,
}

impl Ctx {
    fn new(o: &InspectOptions) -> Ctx {
        Ctx {
            depth: o.depth.unwrap_or(f64::INFINITY),
            o: o.clone(),
            indentation_lvl: 0,
            seen: Vec::new(),
            circular: Vec::new(),
            current_depth: 0,
        }
    }
    fn stylize(&self, s: &str, style: &str) -> String {
        if self.o.colors {
            text::colorize(s, style)
        } else {
            s.to_string()
        }
    }
    fn too_deep(&self, recurse_times: usize) -> bool {
        recurse_times as f64 > self.depth
    }
    fn compact_true(&self) -> bool {
        self.o.compact == Compact::Always
    }
    /// Length of an output entry as `isBelowBreakLength` measures it.
    fn entry_len(&self, s: &str) -> usize {
        if self.o.colors {
            js_len(&text::strip_ansi(s))
        } else {
            js_len(s)
        }
    }
}

// ---- public API ------------------------------------------------------------------------------

pub use jsgen_engine::interp::brief::brief;

/// `console.log(a, b, ...)`: format specifiers in a leading string, others inspected.
pub fn format_log_args(it: &mut Interp, args: &[Value]) -> JsResult<String> {
    let opts = InspectOptions::current(it)?;
    format_with_options(it, &opts, args)
}

/// `util.inspect(v)` with the current default options.
pub fn inspect(it: &mut Interp, v: &Value) -> JsResult<String> {
    let opts = InspectOptions::current(it)?;
    inspect_with(it, v, &opts)
}

/// `util.inspect(v, options)`.
pub fn inspect_with(it: &mut Interp, v: &Value, opts: &InspectOptions) -> JsResult<String> {
    let mut ctx = Ctx::new(opts);
    format_value(it, &mut ctx, v, 0, false)
}

/// A native `util.inspect(value, options)` function (passed to custom inspect methods).
pub fn make_inspect_function(it: &mut Interp) -> Obj {
    it.native_fn("inspect", 2, native_inspect)
}

fn native_inspect(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut opts = InspectOptions::current(it)?;
    opts.apply_object(it, &a.get(1))?;
    let s = inspect_with(it, &a.get(0), &opts)?;
    Ok(Value::from(s.as_str()))
}

// ---- formatValue -----------------------------------------------------------------------------

fn format_value(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Value,
    recurse_times: usize,
    typed_array: bool,
) -> JsResult<String> {
    let mut o = match value {
        Value::Object(o) => o.clone(),
        Value::Null => return Ok(ctx.stylize("null", "null")),
        v => return Ok(format_primitive(ctx, v)),
    };
    // A module namespace prints its live exports: `[Module: null prototype] { x: 1 }`.
    if let Some(entries) = jsgen_engine::interp::module::namespace_entries(it, &o) {
        let snapshot = Obj::new(None, jsgen_engine::object::ObjectKind::Ordinary);
        for (name, v) in entries {
            // A binding in its TDZ (Node: `<uninitialized>`) is left out.
            if let Some(v) = v {
                snapshot.define(
                    jsgen_engine::object::PropKey::from_str(&name),
                    v,
                    jsgen_engine::object::Attrs::new(true, true, false),
                );
            }
        }
        let tag = jsgen_engine::object::PropKey::Sym(it.symbols.to_string_tag.clone());
        snapshot.define(
            tag,
            Value::from("Module"),
            jsgen_engine::object::Attrs::NONE,
        );
        snapshot.borrow_mut().extensible = false;
        o = snapshot;
    }
    // `showProxy: true`: `Proxy [ target, handler ]` (Node's formatProxy).
    if ctx.o.show_proxy {
        let details = match &o.borrow().kind {
            ObjectKind::Proxy(p) if p.namespace.is_none() => {
                Some((p.target.clone(), p.handler.clone()))
            }
            _ => None,
        };
        if let Some(details) = details {
            let (Some(target), Some(handler)) = details else {
                return Ok(ctx.stylize("<Revoked Proxy>", "special"));
            };
            if ctx.too_deep(recurse_times) {
                return Ok(ctx.stylize("Proxy [Array]", "special"));
            }
            ctx.indentation_lvl += 2;
            let target = format_value(it, ctx, &Value::Object(target), recurse_times + 1, false);
            let handler = target.and_then(|t| {
                format_value(it, ctx, &Value::Object(handler), recurse_times + 1, false)
                    .map(|h| vec![t, h])
            });
            ctx.indentation_lvl -= 2;
            return Ok(reduce_to_single_string(
                ctx,
                handler?,
                "",
                &["Proxy [".to_string(), "]".to_string()],
                Extras::ArrayExtras,
                recurse_times + 1,
                None,
            ));
        }
    }
    // A proxy prints as its target (Node's `showProxy: false`), without running any trap;
    // nested proxies are unwrapped all the way.
    while let Some(target) = jsgen_engine::interp::proxy::proxy_target(&o) {
        match target {
            Some(t) => o = t,
            None => return Ok(ctx.stylize("<Revoked Proxy>", "special")),
        }
    }
    if ctx.o.custom_inspect {
        if let Some(r) = try_custom_inspect(it, ctx, &o, recurse_times)? {
            return Ok(r);
        }
    }
    if ctx.seen.iter().any(|s| Obj::ptr_eq(s, &o)) {
        let addr = o.addr();
        let index = match ctx.circular.iter().find(|(a, _)| *a == addr) {
            Some((_, i)) => *i,
            None => {
                let i = ctx.circular.len() + 1;
                ctx.circular.push((addr, i));
                i
            }
        };
        return Ok(ctx.stylize(&format!("[Circular *{index}]"), "special"));
    }
    // Deep nesting (`depth: null` on a long linked list): Node's inspect catches the stack
    // overflow; here the native stack grows on demand up to a nesting limit.
    if ctx.seen.len() >= MAX_NESTING {
        let style = get_ctx_style(it, &o, Some(&internal_constructor_name(it, &o)), "");
        let name = &style[..style.len().saturating_sub(1)];
        return Ok(ctx.stylize(
            &format!(
                "[{name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]"
            ),
            "special",
        ));
    }
    stacker::maybe_grow(256 * 1024, 2 * 1024 * 1024, || {
        format_raw(it, ctx, &o, recurse_times, typed_array)
    })
}

/// How many objects deep inspection goes before giving up (Node: until V8's stack overflows).
const MAX_NESTING: usize = 1000;

/// The `[util.inspect.custom]` hook (`Symbol.for('nodejs.util.inspect.custom')`).
fn try_custom_inspect(
    it: &mut Interp,
    ctx: &mut Ctx,
    o: &Obj,
    recurse_times: usize,
) -> JsResult<Option<String>> {
    let Some(sym) = it
        .symbol_registry
        .get(&JsStr::from("nodejs.util.inspect.custom"))
        .cloned()
    else {
        return Ok(None);
    };
    let f = it.get(o, &PropKey::Sym(sym))?;
    let Value::Object(fo) = &f else {
        return Ok(None);
    };
    if !fo.is_callable() {
        return Ok(None);
    }
    // Filter out prototype objects (`value.constructor.prototype === value`).
    let ctor = it.get(o, &jsgen_engine::static_key!("constructor"))?;
    if let Value::Object(c) = &ctor {
        if let Value::Object(p) = it.get(c, &jsgen_engine::static_key!("prototype"))? {
            if Obj::ptr_eq(&p, o) {
                return Ok(None);
            }
        }
    }
    let depth = if ctx.depth.is_infinite() {
        Value::Null
    } else {
        Value::Number(ctx.depth - recurse_times as f64)
    };
    let opts = options_object(it, ctx);
    let insp = crate::modules::inspect_function(it);
    let ret = it.call(
        &f,
        &Value::Object(o.clone()),
        &[depth, Value::Object(opts), Value::Object(insp)],
    )?;
    if let Value::Object(r) = &ret {
        if Obj::ptr_eq(r, o) {
            return Ok(None);
        }
    }
    if let Value::String(s) = &ret {
        let ind = format!("\n{}", " ".repeat(ctx.indentation_lvl));
        return Ok(Some(s.to_rust_string().replace('\n', &ind)));
    }
    format_value(it, ctx, &ret, recurse_times, false).map(Some)
}

/// The options object passed to custom inspect functions.
fn options_object(it: &mut Interp, ctx: &Ctx) -> Obj {
    use jsgen_engine::object::Attrs;
    let o = it.new_object();
    let num = |n: f64| Value::Number(n);
    o.define("showHidden", Value::Bool(ctx.o.show_hidden), Attrs::DEFAULT);
    o.define(
        "depth",
        match ctx.o.depth {
            Some(d) => num(d),
            None => Value::Null,
        },
        Attrs::DEFAULT,
    );
    o.define("colors", Value::Bool(ctx.o.colors), Attrs::DEFAULT);
    o.define(
        "customInspect",
        Value::Bool(ctx.o.custom_inspect),
        Attrs::DEFAULT,
    );
    o.define("showProxy", Value::Bool(ctx.o.show_proxy), Attrs::DEFAULT);
    o.define(
        "maxArrayLength",
        num(ctx.o.max_array_length),
        Attrs::DEFAULT,
    );
    o.define(
        "maxStringLength",
        num(ctx.o.max_string_length),
        Attrs::DEFAULT,
    );
    o.define("breakLength", num(ctx.o.break_length), Attrs::DEFAULT);
    o.define(
        "compact",
        match ctx.o.compact {
            Compact::Always => Value::Bool(true),
            Compact::Level(n) => num(n),
        },
        Attrs::DEFAULT,
    );
    o.define("sorted", Value::Bool(ctx.o.sorted), Attrs::DEFAULT);
    o.define(
        "getters",
        Value::Bool(ctx.o.getters != Getters::Off),
        Attrs::DEFAULT,
    );
    o.define(
        "numericSeparator",
        Value::Bool(ctx.o.numeric_separator),
        Attrs::DEFAULT,
    );
    let stylize = it.native_fn_with(
        "stylize",
        2,
        native_stylize,
        false,
        vec![Value::Bool(ctx.o.colors)],
    );
    o.define("stylize", Value::Object(stylize), Attrs::DEFAULT);
    o
}

/// `options.stylize(str, styleType)` given to custom inspect functions.
fn native_stylize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let colors = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().is_some_and(|v| v.to_boolean()),
        _ => false,
    };
    let s = it.to_string(&a.get(0))?.to_rust_string();
    if !colors {
        return Ok(Value::from(s.as_str()));
    }
    let style = it.to_string(&a.get(1))?.to_rust_string();
    Ok(Value::from(text::colorize(&s, &style).as_str()))
}

fn format_primitive(ctx: &Ctx, v: &Value) -> String {
    match v {
        Value::String(s) => {
            let mut u = s.units();
            let mut trailer = String::new();
            if u.len() as f64 > ctx.o.max_string_length {
                let keep = ctx.o.max_string_length.max(0.0) as usize;
                let remaining = u.len() - keep;
                u = &u[..keep];
                trailer = format!(
                    "... {remaining} more character{}",
                    if remaining > 1 { "s" } else { "" }
                );
            }
            if !ctx.compact_true()
                && u.len() > 16
                && (u.len() as f64) > ctx.o.break_length - ctx.indentation_lvl as f64 - 4.0
            {
                // Split after each line break: /(?<=\n)/.
                let mut parts = Vec::new();
                let mut start = 0;
                for (i, &c) in u.iter().enumerate() {
                    if c == 10 && i + 1 < u.len() {
                        parts.push(&u[start..=i]);
                        start = i + 1;
                    }
                }
                parts.push(&u[start..]);
                let sep = format!(" +\n{}", " ".repeat(ctx.indentation_lvl + 2));
                let lines: Vec<String> = parts
                    .iter()
                    .map(|p| ctx.stylize(&str_escape(p), "string"))
                    .collect();
                return lines.join(&sep) + &trailer;
            }
            ctx.stylize(&str_escape(u), "string") + &trailer
        }
        Value::Number(n) => {
            ctx.stylize(&text::format_number(*n, ctx.o.numeric_separator), "number")
        }
        Value::BigInt(b) => ctx.stylize(&text::format_bigint(b, ctx.o.numeric_separator), "bigint"),
        Value::Bool(b) => ctx.stylize(if *b { "true" } else { "false" }, "boolean"),
        Value::Undefined | Value::Empty => ctx.stylize("undefined", "undefined"),
        Value::Symbol(s) => ctx.stylize(&s.descriptive_string(), "symbol"),
        Value::Null => ctx.stylize("null", "null"),
        Value::Object(_) => String::new(),
    }
}

// ---- constructor names and prefixes ----------------------------------------------------------

/// V8's internal class name of an object (`internalGetConstructorName`, V8's
/// `JSReceiver::GetConstructorName`): the constructor that made it when jsgen knows one
/// (a class instance, a built-in kind); for an ordinary object, the first string
/// `Symbol.toStringTag` data property along its chain, or the named function a prototype's
/// `constructor` data property holds, whichever comes first; else `Object`.
fn internal_constructor_name(it: &Interp, o: &Obj) -> String {
    if matches!(o.borrow().kind, ObjectKind::Ordinary) {
        if let Some(name) = constructor_name_from_chain(it, o) {
            return name;
        }
    }
    let name = match &o.borrow().kind {
        ObjectKind::Instance(name) if !name.is_empty() => return name.to_rust_string(),
        ObjectKind::Array { .. } => "Array",
        ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_) => "Function",
        ObjectKind::Error => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::BigInt(_) => "BigInt",
        ObjectKind::String(_) => "String",
        ObjectKind::Symbol(_) => "Symbol",
        ObjectKind::Map(_) => "Map",
        ObjectKind::Set(_) => "Set",
        ObjectKind::WeakMap(_) => "WeakMap",
        ObjectKind::WeakSet(_) => "WeakSet",
        ObjectKind::Promise(_) => "Promise",
        ObjectKind::Date(_) => "Date",
        ObjectKind::RegExp(_) => "RegExp",
        ObjectKind::TypedArray(ta) => ta.ty.constructor_name(),
        ObjectKind::ArrayBuffer(b) if b.shared => "SharedArrayBuffer",
        ObjectKind::ArrayBuffer(_) => "ArrayBuffer",
        ObjectKind::DataView(_) => "DataView",
        _ => "Object",
    };
    name.to_string()
}

/// The chain walk of V8's `GetConstructorHelper`: at each object its own string
/// `Symbol.toStringTag` data property, then (past the receiver) its own `constructor` data
/// property when that is a function with a name. Runs no script code.
fn constructor_name_from_chain(it: &Interp, o: &Obj) -> Option<String> {
    let tag_key = PropKey::Sym(it.symbols.to_string_tag.clone());
    let mut cur = Some(o.clone());
    let mut depth = 0;
    while let Some(c) = cur {
        if c.is_proxy() || depth > 10_000 {
            return None;
        }
        if let Some(Prop {
            slot: Slot::Data(Value::String(s)),
            ..
        }) = c.get_own_property(&tag_key)
        {
            return Some(s.to_rust_string());
        }
        if depth > 0 {
            if let Some(Prop {
                slot: Slot::Data(Value::Object(f)),
                ..
            }) = c.get_own_property(&jsgen_engine::static_key!("constructor"))
            {
                let name = jsgen_engine::builtins::object::function_debug_name(&f);
                if f.is_callable() && !name.is_empty() {
                    return Some(name);
                }
            }
        }
        cur = c.proto();
        depth += 1;
    }
    None
}

fn is_instance_of(it: &mut Interp, o: &Obj, ctor: &Obj) -> bool {
    it.instance_of(&Value::Object(o.clone()), &Value::Object(ctor.clone()))
        .unwrap_or(false)
}

/// The display form of a `name` property value (`String(name)`).
fn name_string(it: &Interp, v: &Value) -> String {
    match v {
        Value::String(s) => s.to_rust_string(),
        other => it.to_string_lossy(other),
    }
}

/// `getConstructorName`: the name of the first constructor in the prototype chain (`None`
/// for a null prototype). With `proto_props` (showHidden), collects user prototype
/// properties as `addPrototypeProperties` does.
fn get_constructor_name(
    it: &mut Interp,
    ctx: &mut Ctx,
    obj: &Obj,
    recurse_times: usize,
    mut proto_props: Option<&mut Vec<String>>,
) -> JsResult<Option<String>> {
    let tmp = obj.clone();
    let mut cur = Some(obj.clone());
    // `None` = undefined, `Some(None)` = null.
    let mut first_proto: Option<Option<Obj>> = None;
    while let Some(o) = cur {
        let well_known = if Obj::ptr_eq(&o, &it.intrinsics.object_prototype) {
            Some("Object")
        } else if Obj::ptr_eq(&o, &it.intrinsics.function_prototype) {
            Some("Function")
        } else {
            None
        };
        // `FunctionPrototypeSymbolHasInstance(constructor, tmp)`: is `o` in tmp's chain?
        let well_known = well_known.filter(|_| proto_chain_contains(&tmp, &o));
        if let Some(name) = well_known {
            if let Some(pp) = proto_props.as_deref_mut() {
                let fp = first_proto.clone().flatten();
                if !matches!(&fp, Some(f) if Obj::ptr_eq(f, &o)) {
                    let start = fp.unwrap_or_else(|| tmp.clone());
                    add_prototype_properties(it, ctx, &tmp, &start, recurse_times, pp)?;
                }
            }
            return Ok(Some(name.to_string()));
        }
        let desc = o.get_own_property(&jsgen_engine::static_key!("constructor"));
        if let Some(Prop {
            slot: Slot::Data(Value::Object(c)),
            ..
        }) = desc
        {
            if c.is_callable() {
                let name = it.get(&c, &jsgen_engine::static_key!("name"))?;
                let empty = matches!(&name, Value::String(s) if s.is_empty());
                if !empty && is_instance_of(it, &tmp, &c) {
                    let name = name_string(it, &name);
                    if let Some(pp) = proto_props.as_deref_mut() {
                        let fp = first_proto.clone().flatten();
                        let first_is_o = matches!(&fp, Some(f) if Obj::ptr_eq(f, &o));
                        if !first_is_o || !is_builtin_name(it, &name) {
                            let start = fp.unwrap_or_else(|| tmp.clone());
                            add_prototype_properties(it, ctx, &tmp, &start, recurse_times, pp)?;
                        }
                    }
                    return Ok(Some(name));
                }
            }
        }
        cur = o.proto();
        if first_proto.is_none() {
            first_proto = Some(cur.clone());
        }
    }
    let first_proto = match first_proto {
        Some(Some(p)) => p,
        _ => return Ok(None),
    };
    let res = internal_constructor_name(it, &tmp);
    if ctx.too_deep(recurse_times) {
        return Ok(Some(format!("{res} <Complex prototype>")));
    }
    let proto_constr = get_constructor_name(it, ctx, &first_proto, recurse_times + 1, proto_props)?;
    match proto_constr {
        None => {
            let mut o2 = ctx.o.clone();
            o2.custom_inspect = false;
            o2.depth = Some(-1.0);
            let s = inspect_with(it, &Value::Object(first_proto), &o2)?;
            Ok(Some(format!("{res} <{s}>")))
        }
        Some(p) => Ok(Some(format!("{res} <{p}>"))),
    }
}

/// Whether `proto` is on `o`'s prototype chain (OrdinaryHasInstance without the lookup).
fn proto_chain_contains(o: &Obj, proto: &Obj) -> bool {
    let mut p = o.proto();
    let mut guard = 0;
    while let Some(x) = p {
        if Obj::ptr_eq(&x, proto) {
            return true;
        }
        guard += 1;
        if guard > 100_000 {
            return false;
        }
        p = x.proto();
    }
    false
}

/// Node's `isURL` (lib/internal/url.js): `href` and `protocol` truthy, `auth` and `path`
/// undefined (a legacy `url.parse` result has those).
fn is_url(it: &mut Interp, o: &Obj) -> JsResult<bool> {
    let href = it.get(o, &jsgen_engine::static_key!("href"))?;
    if !href.to_boolean() {
        return Ok(false);
    }
    let protocol = it.get(o, &jsgen_engine::static_key!("protocol"))?;
    if !protocol.to_boolean() {
        return Ok(false);
    }
    Ok(it
        .get(o, &jsgen_engine::static_key!("auth"))?
        .is_undefined()
        && it
            .get(o, &jsgen_engine::static_key!("path"))?
            .is_undefined())
}

/// Node's `isError`: a native error, or `e instanceof Error`.
fn is_error(it: &Interp, o: &Obj) -> bool {
    matches!(o.borrow().kind, ObjectKind::Error)
        || proto_chain_contains(o, &it.intrinsics.error_prototype)
}

/// Globals that Node 24's `builtInObjects` lacks: V8 installs them after the startup
/// snapshot in which `util.inspect` took its list, so `showHidden` shows their prototype
/// properties (`DisposableStack { [disposed]: [Getter], ... }`).
const LATE_GLOBALS: [&str; 6] = [
    "Iterator",
    "SuppressedError",
    "DisposableStack",
    "AsyncDisposableStack",
    "Float16Array",
    "SharedArrayBuffer",
];

/// `builtInObjects.has(name)`: a global whose name matches `/^[A-Z][a-zA-Z0-9]+$/`.
fn is_builtin_name(it: &Interp, name: &str) -> bool {
    let b = name.as_bytes();
    if b.len() < 2 || !b[0].is_ascii_uppercase() || !b.iter().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    !LATE_GLOBALS.contains(&name)
        && !HOST_GLOBALS.contains(&name)
        && it.global.get_own_property(&PropKey::from(name)).is_some()
}

/// Globals the Node host defines (in JavaScript, after V8's snapshot): not in Node's
/// `builtInObjects`, so `showHidden` shows their prototype properties.
const HOST_GLOBALS: [&str; 16] = [
    "Buffer",
    "TextEncoder",
    "TextDecoder",
    "URLPattern",
    "DOMException",
    "EventTarget",
    "Event",
    "CustomEvent",
    "AbortController",
    "AbortSignal",
    "URL",
    "URLSearchParams",
    "Navigator",
    "WebSocket",
    "ErrorEvent",
    "CloseEvent",
];

/// `addPrototypeProperties` (showHidden only): non-function properties of user prototypes.
fn add_prototype_properties(
    it: &mut Interp,
    ctx: &mut Ctx,
    main: &Obj,
    start: &Obj,
    recurse_times: usize,
    output: &mut Vec<String>,
) -> JsResult<()> {
    let mut depth = 0;
    let mut obj = start.clone();
    let mut keys: Vec<PropKey> = Vec::new();
    let mut key_set: Vec<PropKey> = Vec::new();
    loop {
        if depth != 0 || Obj::ptr_eq(main, &obj) {
            let Some(p) = obj.proto() else { return Ok(()) };
            obj = p;
            if let Some(Prop {
                slot: Slot::Data(Value::Object(c)),
                ..
            }) = obj.get_own_property(&jsgen_engine::static_key!("constructor"))
            {
                if c.is_callable() {
                    if let Some(Value::String(n)) =
                        c.get_own_data(&jsgen_engine::static_key!("name"))
                    {
                        if is_builtin_name(it, &n.to_rust_string()) {
                            return Ok(());
                        }
                    }
                }
            }
        }
        if depth == 0 {
            key_set.clear();
        } else {
            key_set.extend(keys.iter().cloned());
        }
        keys = it.own_property_keys_no_traps(&obj);
        ctx.seen.push(main.clone());
        for key in &keys {
            if matches!(key, PropKey::Str(s) if s.to_rust_string() == "constructor")
                || main.get_own_property(key).is_some()
                || (depth != 0 && key_set.contains(key))
            {
                continue;
            }
            let Some(desc) = obj.get_own_property(key) else {
                continue;
            };
            if let Slot::Data(Value::Object(f)) = &desc.slot {
                if f.is_callable() {
                    continue;
                }
            }
            if matches!(&desc.slot, Slot::LazyMethod(_)) {
                continue;
            }
            let value = format_property(
                it,
                ctx,
                &obj,
                recurse_times,
                key,
                Extras::Object,
                Some(desc),
                Some(main),
            )?;
            if ctx.o.colors {
                output.push(format!("\u{1b}[2m{value}\u{1b}[22m"));
            } else {
                output.push(value);
            }
        }
        ctx.seen.pop();
        depth += 1;
        if depth == 3 {
            return Ok(());
        }
    }
}

fn get_prefix(constructor: Option<&str>, tag: &str, fallback: &str, size: &str) -> String {
    match constructor {
        None => {
            if !tag.is_empty() && fallback != tag {
                format!("[{fallback}{size}: null prototype] [{tag}] ")
            } else {
                format!("[{fallback}{size}: null prototype] ")
            }
        }
        Some(c) => {
            if tag.is_empty() {
                return format!("{c}{size} ");
            }
            // Node 24: a tag whose last dotted part is the constructor's name stands alone
            // (`Intl.NumberFormat {}` for constructor `NumberFormat`).
            let last = match tag.rfind('.') {
                Some(dot) if dot >= 1 => &tag[dot + 1..],
                _ => tag,
            };
            if c == last {
                format!("{tag}{size} ")
            } else {
                format!("{c}{size} [{tag}] ")
            }
        }
    }
}

fn get_ctx_style(it: &Interp, o: &Obj, constructor: Option<&str>, tag: &str) -> String {
    let mut fallback = String::new();
    if constructor.is_none() {
        fallback = internal_constructor_name(it, o);
        if tag == "Module" && !o.borrow().extensible {
            // A module namespace (its snapshot): `[Module: null prototype] {`.
            fallback = "Module".to_string();
        } else if fallback == tag {
            fallback = "Object".to_string();
        }
    }
    get_prefix(constructor, tag, &fallback, "")
}

/// `getKeys`: own enumerable string keys then enumerable symbols (all with showHidden).
fn get_keys(it: &mut Interp, o: &Obj, show_hidden: bool) -> Vec<PropKey> {
    let all = it.own_property_keys_no_traps(o);
    let mut keys = Vec::new();
    let mut syms = Vec::new();
    for k in all {
        let enumerable = o.get_own_property(&k).is_some_and(|p| p.attrs.enumerable());
        match &k {
            PropKey::Sym(_) => {
                if show_hidden || enumerable {
                    syms.push(k)
                }
            }
            _ => {
                if show_hidden || enumerable {
                    keys.push(k)
                }
            }
        }
    }
    keys.extend(syms);
    keys
}

/// `getOwnNonIndexProperties`.
fn get_non_index_keys(it: &mut Interp, o: &Obj, show_hidden: bool) -> Vec<PropKey> {
    it.own_property_keys_no_traps(o)
        .into_iter()
        .filter(|k| !matches!(k, PropKey::Index(_)))
        .filter(|k| show_hidden || o.get_own_property(k).is_some_and(|p| p.attrs.enumerable()))
        .collect()
}

fn key_is(k: &PropKey, name: &str) -> bool {
    matches!(k, PropKey::Str(s) if s.to_rust_string() == name)
}

/// What `formatRaw` formats an object's entries with.
enum Formatter {
    None,
    Array,
    /// `formatTypedArray` with the length read when formatting started, and whether the
    /// array has a null prototype (Node then formats a copy made by its constructor).
    TypedArray(usize, bool),
    /// `formatArrayBuffer`.
    ArrayBuffer,
    /// `formatSet`/`formatMap`; true when the constructor is null (Node then iterates the
    /// built-in entries).
    Set(bool),
    Map(bool),
    Iterator,
    Promise,
    WeakCollection,
}

// ---- formatRaw -------------------------------------------------------------------------------

fn format_raw(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    mut recurse_times: usize,
    mut typed_array: bool,
) -> JsResult<String> {
    let mut proto_props_vec: Vec<String> = Vec::new();
    let want_proto_props = ctx.o.show_hidden && !ctx.too_deep(recurse_times);
    let constructor = get_constructor_name(
        it,
        ctx,
        value,
        recurse_times,
        if want_proto_props {
            Some(&mut proto_props_vec)
        } else {
            None
        },
    )?;
    let mut proto_props = if want_proto_props && !proto_props_vec.is_empty() {
        Some(proto_props_vec)
    } else {
        None
    };
    let ctor = constructor.as_deref();

    let tag_key = PropKey::Sym(it.symbols.to_string_tag.clone());
    let tag_v = it.get(value, &tag_key)?;
    let mut tag = String::new();
    if let Value::String(t) = &tag_v {
        let own = value.get_own_property(&tag_key);
        let hide = !t.is_empty()
            && match &own {
                Some(p) => ctx.o.show_hidden || p.attrs.enumerable(),
                None => false,
            };
        if !hide {
            tag = t.to_rust_string();
        }
    }

    let mut base = String::new();
    let mut formatter = Formatter::None;
    let mut braces: [String; 2] = ["{".into(), "}".into()];
    let mut extras = Extras::Object;
    let mut no_iterator = true;
    // `extraKeys`: getters shown as `[name]: value` (buffers, views, typed arrays with
    // showHidden).
    let mut extra_keys: &[&str] = &[];

    let kind_info = {
        let d = value.borrow();
        match &d.kind {
            ObjectKind::Array { length, .. } => Some(("array", *length as usize)),
            ObjectKind::Set(m) => Some(("set", m.len())),
            ObjectKind::Map(m) => Some(("map", m.len())),
            ObjectKind::MapIterator { .. } => Some(("mapiter", 0)),
            ObjectKind::SetIterator { .. } => Some(("setiter", 0)),
            // TypedArrayPrototypeGetLength: 0 when out of bounds or detached.
            ObjectKind::TypedArray(ta) => Some(("typedarray", ta.length().unwrap_or(0))),
            _ => None,
        }
    };
    let has_iter = it.has_property(value, &PropKey::Sym(it.symbols.iterator.clone()))?;
    let mut keys_opt: Option<Vec<PropKey>> = None;
    if has_iter || ctor.is_none() {
        no_iterator = false;
        match kind_info {
            Some(("array", len)) => {
                let prefix = if ctor != Some("Array") || !tag.is_empty() {
                    get_prefix(ctor, &tag, "Array", &format!("({len})"))
                } else {
                    String::new()
                };
                let k = get_non_index_keys(it, value, ctx.o.show_hidden);
                braces = [format!("{prefix}["), "]".into()];
                if len == 0 && k.is_empty() && proto_props.is_none() {
                    return Ok(format!("{}]", braces[0]));
                }
                extras = Extras::ArrayExtras;
                formatter = Formatter::Array;
                keys_opt = Some(k);
            }
            Some(("set", size)) => {
                let prefix = get_prefix(ctor, &tag, "Set", &format!("({size})"));
                let k = get_keys(it, value, ctx.o.show_hidden);
                formatter = Formatter::Set(ctor.is_none());
                if size == 0 && k.is_empty() && proto_props.is_none() {
                    return Ok(format!("{prefix}{{}}"));
                }
                braces = [format!("{prefix}{{"), "}".into()];
                keys_opt = Some(k);
            }
            Some(("map", size)) => {
                let prefix = get_prefix(ctor, &tag, "Map", &format!("({size})"));
                let k = get_keys(it, value, ctx.o.show_hidden);
                formatter = Formatter::Map(ctor.is_none());
                if size == 0 && k.is_empty() && proto_props.is_none() {
                    return Ok(format!("{prefix}{{}}"));
                }
                braces = [format!("{prefix}{{"), "}".into()];
                keys_opt = Some(k);
            }
            Some(("typedarray", size)) => {
                let k = get_typed_array_non_index_keys(value, ctx.o.show_hidden);
                // With a null prototype the tag names the type.
                let fallback = if ctor.is_none() {
                    internal_constructor_name(it, value)
                } else {
                    String::new()
                };
                let prefix = get_prefix(ctor, &tag, &fallback, &format!("({size})"));
                braces = [format!("{prefix}["), "]".into()];
                // `value.length === 0`: a typed array without its prototype's getter has no
                // length, and prints `[  ]` when empty.
                let length = it.get(value, &jsgen_engine::static_key!("length"))?;
                let empty = matches!(length, Value::Number(n) if n == 0.0);
                if empty && k.is_empty() && !ctx.o.show_hidden {
                    return Ok(format!("{}]", braces[0]));
                }
                formatter = Formatter::TypedArray(size, ctor.is_none());
                extras = Extras::ArrayExtras;
                if ctx.o.show_hidden {
                    extra_keys = &[
                        "BYTES_PER_ELEMENT",
                        "length",
                        "byteLength",
                        "byteOffset",
                        "buffer",
                    ];
                    typed_array = true;
                }
                keys_opt = Some(k);
            }
            Some(("mapiter", _)) | Some(("setiter", _)) => {
                let ty = if matches!(kind_info, Some(("mapiter", _))) {
                    "Map"
                } else {
                    "Set"
                };
                keys_opt = Some(get_keys(it, value, ctx.o.show_hidden));
                braces = iterator_braces(ty, &tag);
                formatter = Formatter::Iterator;
            }
            _ => no_iterator = true,
        }
    }
    if no_iterator {
        let mut k = get_keys(it, value, ctx.o.show_hidden);
        braces = ["{".into(), "}".into()];
        let kind_tag = {
            let d = value.borrow();
            match &d.kind {
                ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_) => 1,
                ObjectKind::Arguments(_) => 2,
                ObjectKind::Date(_) => 3,
                ObjectKind::RegExp(_) => 9,
                ObjectKind::Promise(_) => 5,
                ObjectKind::WeakSet(_) => 6,
                ObjectKind::WeakMap(_) => 7,
                ObjectKind::Number(_)
                | ObjectKind::BigInt(_)
                | ObjectKind::String(_)
                | ObjectKind::Boolean(_)
                | ObjectKind::Symbol(_) => 8,
                ObjectKind::ArrayBuffer(b) if b.shared => 11,
                ObjectKind::ArrayBuffer(_) => 10,
                ObjectKind::DataView(_) => 12,
                _ => 0,
            }
        };
        let kind_tag = if kind_tag == 0 && is_error(it, value) {
            4
        } else {
            kind_tag
        };
        if kind_tag == 1 {
            base = get_function_base(it, value, ctor, &tag)?;
            if k.is_empty() && proto_props.is_none() {
                return Ok(ctx.stylize(&base, "special"));
            }
        } else if ctor == Some("Object") {
            if kind_tag == 2 {
                braces[0] = "[Arguments] {".into();
            } else if !tag.is_empty() {
                braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Object", ""));
            }
            if k.is_empty() && proto_props.is_none() {
                return Ok(format!("{}}}", braces[0]));
            }
        } else if kind_tag == 9 {
            // RegExpPrototypeToString: `/source/flags`.
            let v = Value::Object(value.clone());
            let src = it.get_v(&v, &jsgen_engine::static_key!("source"))?;
            let flags = it.get_v(&v, &jsgen_engine::static_key!("flags"))?;
            base = format!(
                "/{}/{}",
                it.to_string(&src)?.to_rust_string(),
                it.to_string(&flags)?.to_rust_string()
            );
            let prefix = get_prefix(ctor, &tag, "RegExp", "");
            if prefix != "RegExp " {
                base = format!("{prefix}{base}");
            }
            if k.is_empty() && proto_props.is_none() {
                return Ok(ctx.stylize(&base, "regexp"));
            }
        } else if kind_tag == 3 {
            let t = match &value.borrow().kind {
                ObjectKind::Date(t) => *t,
                _ => f64::NAN,
            };
            base = if t.is_nan() {
                "Invalid Date".into()
            } else {
                text::iso_date(t)
            };
            let prefix = get_prefix(ctor, &tag, "Date", "");
            if prefix != "Date " {
                base = format!("{prefix}{base}");
            }
            if k.is_empty() && proto_props.is_none() {
                return Ok(ctx.stylize(&base, "date"));
            }
        } else if kind_tag == 4 {
            base = format_error(it, ctx, value, ctor, &tag, &mut k)?;
            if k.is_empty() && proto_props.is_none() {
                return Ok(base);
            }
        } else if kind_tag == 5 {
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Promise", ""));
            formatter = Formatter::Promise;
        } else if kind_tag == 6 {
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "WeakSet", ""));
            formatter = Formatter::WeakCollection;
        } else if kind_tag == 7 {
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "WeakMap", ""));
            formatter = Formatter::WeakCollection;
        } else if kind_tag == 8 {
            base = get_boxed_base(ctx, value, &mut k, ctor, &tag);
            if k.is_empty() && proto_props.is_none() {
                return Ok(base);
            }
        } else if kind_tag == 10 || kind_tag == 11 {
            // ArrayBuffer and SharedArrayBuffer.
            let array_type = if kind_tag == 10 {
                "ArrayBuffer"
            } else {
                "SharedArrayBuffer"
            };
            let prefix = get_prefix(ctor, &tag, array_type, "");
            if !typed_array {
                formatter = Formatter::ArrayBuffer;
            } else if k.is_empty() && proto_props.is_none() {
                let len = it.get(value, &jsgen_engine::static_key!("byteLength"))?;
                let len = match len {
                    Value::Number(n) => ctx.stylize(&text::format_number(n, false), "number"),
                    other => format_primitive(ctx, &other),
                };
                return Ok(format!("{prefix}{{ [byteLength]: {len} }}"));
            }
            braces[0] = format!("{prefix}{{");
            extra_keys = &["byteLength"];
        } else if kind_tag == 12 {
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "DataView", ""));
            // .buffer goes last, it's not a primitive like the others.
            extra_keys = &["byteLength", "byteOffset", "buffer"];
        } else if !ctx.too_deep(recurse_times) && is_url(it, value)? {
            // Node's `isURL` (`href` and `protocol`, no legacy `auth`/`path`): a URL seen
            // without its custom inspect (`console.dir(url)`) prints as its href.
            let href = it.get(value, &jsgen_engine::static_key!("href"))?;
            base = it.to_string(&href)?.to_rust_string();
            if k.is_empty() && proto_props.is_none() {
                return Ok(base);
            }
        } else {
            if k.is_empty() && proto_props.is_none() {
                return Ok(format!("{}{{}}", get_ctx_style(it, value, ctor, &tag)));
            }
            braces[0] = format!("{}{{", get_ctx_style(it, value, ctor, &tag));
        }
        keys_opt = Some(k);
    }
    let keys: Vec<PropKey> = keys_opt.unwrap_or_default();

    if ctx.too_deep(recurse_times) {
        let style = get_ctx_style(it, value, ctor, &tag);
        let mut name = style[..style.len().saturating_sub(1)].to_string();
        if ctor.is_some() {
            name = format!("[{name}]");
        }
        return Ok(ctx.stylize(&name, "special"));
    }
    recurse_times += 1;
    ctx.seen.push(value.clone());
    ctx.current_depth = recurse_times;
    let mut output = match formatter {
        Formatter::None => Vec::new(),
        Formatter::Array => format_array(it, ctx, value, recurse_times)?,
        Formatter::TypedArray(len, null_proto) => {
            format_typed_array(it, ctx, value, len, null_proto)?
        }
        Formatter::ArrayBuffer => format_array_buffer(ctx, value),
        Formatter::Set(null_proto) => {
            format_collection(it, ctx, value, recurse_times, null_proto, false)?
        }
        Formatter::Map(null_proto) => {
            format_collection(it, ctx, value, recurse_times, null_proto, true)?
        }
        Formatter::Iterator => format_iterator(it, ctx, value, recurse_times, &mut braces)?,
        Formatter::Promise => format_promise(it, ctx, value, recurse_times)?,
        Formatter::WeakCollection if ctx.o.show_hidden => {
            format_weak_collection(it, ctx, value, recurse_times)?
        }
        Formatter::WeakCollection => vec![ctx.stylize("<items unknown>", "special")],
    };
    for key in extra_keys {
        let formatted = format_extra_property(it, ctx, value, recurse_times, key, typed_array)?;
        output.push(formatted);
    }
    for k in &keys {
        output.push(format_property(
            it,
            ctx,
            value,
            recurse_times,
            k,
            extras,
            None,
            None,
        )?);
    }
    if let Some(pp) = proto_props.take() {
        output.extend(pp);
    }
    let addr = value.addr();
    if let Some((_, index)) = ctx.circular.iter().find(|(a, _)| *a == addr) {
        let reference = ctx.stylize(&format!("<ref *{index}>"), "special");
        if !ctx.compact_true() {
            base = if base.is_empty() {
                reference
            } else {
                format!("{reference} {base}")
            };
        } else {
            braces[0] = format!("{reference} {}", braces[0]);
        }
    }
    ctx.seen.pop();

    if ctx.o.sorted {
        let cmp = |a: &String, b: &String| a.encode_utf16().cmp(b.encode_utf16());
        if extras == Extras::Object {
            output.sort_by(cmp);
        } else if keys.len() > 1 {
            let n = output.len() - keys.len();
            output[n..].sort_by(cmp);
        }
    }
    let arr = if extras == Extras::ArrayExtras {
        Some(value)
    } else {
        None
    };
    Ok(reduce_to_single_string(
        ctx,
        output,
        &base,
        &braces,
        extras,
        recurse_times,
        arr,
    ))
}

fn iterator_braces(ty: &str, tag: &str) -> [String; 2] {
    let want = format!("{ty} Iterator");
    let mut t = tag.to_string();
    if t != want {
        if !t.is_empty() {
            t.push_str("] [");
        }
        t.push_str(&want);
    }
    [format!("[{t}] {{"), "}".into()]
}

fn get_boxed_base(
    ctx: &Ctx,
    value: &Obj,
    keys: &mut Vec<PropKey>,
    constructor: Option<&str>,
    tag: &str,
) -> String {
    let (ty, prim) = match &value.borrow().kind {
        ObjectKind::Number(n) => ("Number", Value::Number(*n)),
        ObjectKind::BigInt(b) => ("BigInt", Value::BigInt(b.clone())),
        ObjectKind::String(s) => ("String", Value::String(s.clone())),
        ObjectKind::Boolean(b) => ("Boolean", Value::Bool(*b)),
        ObjectKind::Symbol(s) => ("Symbol", Value::Symbol(s.clone())),
        _ => ("Object", Value::Undefined),
    };
    if let Value::String(s) = &prim {
        let n = s.len().min(keys.len());
        keys.drain(0..n);
    }
    let mut base = format!("[{ty}");
    if Some(ty) != constructor {
        match constructor {
            None => base.push_str(" (null prototype)"),
            Some(c) => base.push_str(&format!(" ({c})")),
        }
    }
    let plain = Ctx::new(&InspectOptions {
        colors: false,
        ..ctx.o.clone()
    });
    base.push_str(&format!(": {}]", format_primitive(&plain, &prim)));
    if !tag.is_empty() && Some(tag) != constructor {
        base.push_str(&format!(" [{tag}]"));
    }
    if !keys.is_empty() || !ctx.o.colors {
        return base;
    }
    ctx.stylize(&base, &ty.to_lowercase())
}

fn get_function_base(
    it: &mut Interp,
    value: &Obj,
    constructor: Option<&str>,
    tag: &str,
) -> JsResult<String> {
    let (is_class, is_async, is_gen) = match &value.borrow().kind {
        ObjectKind::Closure(c) => (
            c.is_class_constructor(),
            c.func.is_async,
            c.func.is_generator,
        ),
        _ => (false, false, false),
    };
    if is_class {
        // getClassBase
        let has_name = value
            .get_own_property(&jsgen_engine::static_key!("name"))
            .is_some();
        let mut name = "(anonymous)".to_string();
        if has_name {
            let n = it.get(value, &jsgen_engine::static_key!("name"))?;
            if n.to_boolean() {
                name = name_string(it, &n);
            }
        }
        let mut base = format!("class {name}");
        if constructor != Some("Function") && constructor.is_some() {
            base.push_str(&format!(" [{}]", constructor.unwrap_or_default()));
        }
        if !tag.is_empty() && constructor != Some(tag) {
            base.push_str(&format!(" [{tag}]"));
        }
        if constructor.is_some() {
            if let Some(p) = value.proto() {
                let sup = it.get(&p, &jsgen_engine::static_key!("name"))?;
                if sup.to_boolean() {
                    base.push_str(&format!(" extends {}", name_string(it, &sup)));
                }
            }
        } else {
            base.push_str(" extends [null prototype]");
        }
        return Ok(format!("[{base}]"));
    }
    let mut ty = "Function".to_string();
    if is_gen {
        ty = format!("Generator{ty}");
    }
    if is_async {
        ty = format!("Async{ty}");
    }
    let mut base = format!("[{ty}");
    if constructor.is_none() {
        base.push_str(" (null prototype)");
    }
    let name = it.get(value, &jsgen_engine::static_key!("name"))?;
    if matches!(&name, Value::String(s) if s.is_empty()) {
        base.push_str(" (anonymous)");
    } else {
        base.push_str(&format!(": {}", name_string(it, &name)));
    }
    base.push(']');
    if constructor != Some(ty.as_str()) && constructor.is_some() {
        base.push_str(&format!(" {}", constructor.unwrap_or_default()));
    }
    if !tag.is_empty() && constructor != Some(tag) {
        base.push_str(&format!(" [{tag}]"));
    }
    Ok(base)
}

// ---- errors ----------------------------------------------------------------------------------

/// `getStackString`: `err.stack` if truthy, else `Error.prototype.toString` of it.
fn get_stack_string(it: &mut Interp, ctx: &mut Ctx, err: &Obj) -> JsResult<String> {
    // A getter that throws is ignored.
    let stack = it
        .get(err, &jsgen_engine::static_key!("stack"))
        .unwrap_or_default();
    match stack {
        Value::String(s) if !s.is_empty() => Ok(s.to_rust_string()),
        // Node 24: a stack that is not a string is inspected below the header.
        v if v.to_boolean() => {
            ctx.seen.push(err.clone());
            ctx.indentation_lvl += 4;
            let r = format_value(it, ctx, &v, 0, false);
            ctx.indentation_lvl -= 4;
            ctx.seen.pop();
            Ok(format!("{}\n    {}", error_to_string(it, err)?, r?))
        }
        _ => error_to_string(it, err),
    }
}

/// `Error.prototype.toString`.
fn error_to_string(it: &mut Interp, err: &Obj) -> JsResult<String> {
    let name = it.get(err, &jsgen_engine::static_key!("name"))?;
    let name = if name.is_undefined() {
        "Error".to_string()
    } else {
        it.to_string(&name)?.to_rust_string()
    };
    let msg = it.get(err, &jsgen_engine::static_key!("message"))?;
    let msg = if msg.is_undefined() {
        String::new()
    } else {
        it.to_string(&msg)?.to_rust_string()
    };
    Ok(if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    })
}

/// `identicalSequenceRange`.
fn identical_sequence_range(a: &[String], b: &[String]) -> (usize, usize) {
    if a.len() > 3 {
        for i in 0..a.len() - 3 {
            if let Some(pos) = b.iter().position(|x| *x == a[i]) {
                let rest = b.len() - pos;
                if rest > 3 {
                    let mut len = 1;
                    let max_len = (a.len() - i).min(rest);
                    while max_len > len && a[i + len] == b[pos + len] {
                        len += 1;
                    }
                    if len > 3 {
                        return (len, i);
                    }
                }
            }
        }
    }
    (0, 0)
}

fn get_stack_frames(
    it: &mut Interp,
    ctx: &mut Ctx,
    err: &Obj,
    stack: &str,
) -> JsResult<Vec<String>> {
    let mut frames: Vec<String> = stack.split('\n').map(String::from).collect();
    let cause = it
        .get(err, &jsgen_engine::static_key!("cause"))
        .unwrap_or(Value::Undefined);
    let cause_err = match &cause {
        Value::Object(c) if is_error(it, c) => Some(c.clone()),
        _ => None,
    };
    if let Some(c) = &cause_err {
        let cause_stack = get_stack_string(it, ctx, c)?;
        if let Some(start) = cause_stack.find("\n    at") {
            let cause_frames: Vec<String> = cause_stack[start + 1..]
                .split('\n')
                .map(String::from)
                .collect();
            let (len, offset) = identical_sequence_range(&frames, &cause_frames);
            if len > 0 {
                let skipped = len - 2;
                let msg = format!("    ... {skipped} lines matching cause stack trace ...");
                let styled = ctx.stylize(&msg, "undefined");
                frames.splice(offset + 1..offset + 1 + skipped, [styled]);
            }
        }
    }
    Ok(frames)
}

fn improve_stack(stack: String, constructor: Option<&str>, name: &str, tag: &str) -> String {
    let mut len = name.len();
    let su = stack.as_bytes();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (su.len() == len || su[len] == b':' || su[len] == b'\n');
    if constructor.is_none() || looks_normal {
        let mut fallback = "Error".to_string();
        if constructor.is_none() {
            // /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ or /^([a-z_A-Z0-9-]*Error)$/
            let mut found = String::new();
            let b = stack.as_bytes();
            if b.first().is_some_and(|c| c.is_ascii_uppercase()) {
                let mut end = 1;
                while end < b.len()
                    && (b[end].is_ascii_alphanumeric() || b" _[]()-".contains(&b[end]))
                {
                    end += 1;
                }
                // Backtrack to a position followed by ':' or '\n    at'.
                let mut e = end;
                while e > 1 {
                    if stack[e..].starts_with(':') || stack[e..].starts_with("\n    at") {
                        found = stack[..e].to_string();
                        break;
                    }
                    e -= 1;
                }
            }
            if found.is_empty()
                && stack.ends_with("Error")
                && stack
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            {
                found = stack.clone();
            }
            len = found.len();
            fallback = if found.is_empty() {
                "Error".into()
            } else {
                found
            };
        }
        let p = get_prefix(constructor, tag, &fallback, "");
        let prefix = &p[..p.len() - 1];
        if name != prefix {
            let rest = stack.get(len..).unwrap_or("");
            if prefix.contains(name) {
                if len == 0 {
                    return format!("{prefix}: {stack}");
                }
                return format!("{prefix}{rest}");
            }
            return format!("{prefix} [{name}]{rest}");
        }
    }
    stack
}

fn format_error(
    it: &mut Interp,
    ctx: &mut Ctx,
    err: &Obj,
    constructor: Option<&str>,
    tag: &str,
    keys: &mut Vec<PropKey>,
) -> JsResult<String> {
    let name_v = it.get(err, &jsgen_engine::static_key!("name"))?;
    let name = if name_v.is_nullish() {
        "Error".to_string()
    } else {
        it.to_string(&name_v)?.to_rust_string()
    };
    let mut stack = get_stack_string(it, ctx, err)?;
    // Node 24: `stack` is never listed; `message` and `name` are hidden when they are not
    // strings or when the stack contains them (a getter that throws keeps the key).
    if !ctx.o.show_hidden && !keys.is_empty() {
        if let Some(i) = keys.iter().position(|k| key_is(k, "stack")) {
            keys.remove(i);
        }
        for n in ["message", "name"] {
            if let Some(i) = keys.iter().position(|k| key_is(k, n)) {
                if let Ok(v) = it.get(err, &PropKey::from(n)) {
                    let hide = match &v {
                        Value::String(s) => stack.contains(&s.to_rust_string()),
                        _ => true,
                    };
                    if hide {
                        keys.remove(i);
                    }
                }
            }
        }
    }
    if it.has_property(err, &jsgen_engine::static_key!("cause"))?
        && !keys.iter().any(|k| key_is(k, "cause"))
    {
        keys.push(jsgen_engine::static_key!("cause"));
    }
    let errors = it.get(err, &jsgen_engine::static_key!("errors"))?;
    if it.is_array(&errors)? && !keys.iter().any(|k| key_is(k, "errors")) {
        keys.push(jsgen_engine::static_key!("errors"));
    }
    stack = improve_stack(stack, constructor, &name, tag);

    let msg_v = it.get(err, &jsgen_engine::static_key!("message"))?;
    let mut pos: Option<usize> = None;
    if msg_v.to_boolean() {
        let m = it.to_string(&msg_v)?.to_rust_string();
        if let Some(p) = stack.find(&m) {
            if p != 0 {
                pos = Some(p + m.len());
            }
        }
    }
    let stack_start = stack[pos.unwrap_or(0).min(stack.len())..]
        .find("\n    at")
        .map(|i| i + pos.unwrap_or(0));
    match stack_start {
        None => stack = format!("[{stack}]"),
        Some(start) => {
            let mut new_stack = stack[..start].to_string();
            let frames = get_stack_frames(it, ctx, err, &stack[start + 1..])?;
            new_stack.push('\n');
            new_stack.push_str(&frames.join("\n"));
            stack = new_stack;
        }
    }
    if ctx.indentation_lvl != 0 {
        let ind = " ".repeat(ctx.indentation_lvl);
        stack = stack.replace('\n', &format!("\n{ind}"));
    }
    Ok(stack)
}

// ---- collections -----------------------------------------------------------------------------

/// `getOwnNonIndexProperties` of a typed array: its property map holds no index keys (the
/// elements live in the buffer), so the indices need not be listed and filtered out.
fn get_typed_array_non_index_keys(o: &Obj, show_hidden: bool) -> Vec<PropKey> {
    let d = o.borrow();
    let wanted = |p: &PropRef<'_>| show_hidden || p.attrs.enumerable();
    let strings = d
        .props
        .iter()
        .filter(|(k, p)| matches!(k, PropKey::Str(_)) && wanted(p));
    let symbols = d.props.iter().filter(|(k, p)| match k {
        PropKey::Sym(s) => !s.0.private && wanted(p),
        _ => false,
    });
    strings.chain(symbols).map(|(k, _)| k.clone()).collect()
}

/// `formatTypedArray(value, length, ctx)`.
fn format_typed_array(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    length: usize,
    null_proto: bool,
) -> JsResult<Vec<String>> {
    let max_length = max_len(ctx, length);
    // `value.length` (of the copy Node makes for a null-prototype array).
    let current = if null_proto {
        match &value.borrow().kind {
            ObjectKind::TypedArray(ta) => ta.length().unwrap_or(0),
            _ => 0,
        }
    } else {
        match it.get(value, &jsgen_engine::static_key!("length"))? {
            Value::Number(n) if n >= 0.0 => n as usize,
            _ => 0,
        }
    };
    let remaining = current.saturating_sub(max_length);
    let mut output = Vec::with_capacity(max_length + 1);
    for i in 0..max_length {
        let v = it.get(value, &PropKey::Index(i as u32))?;
        output.push(format_primitive(ctx, &v));
    }
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

/// `formatArrayBuffer(ctx, value)`: the bytes in hex, `(detached)` for a detached buffer.
fn format_array_buffer(ctx: &Ctx, value: &Obj) -> Vec<String> {
    let bytes = match &value.borrow().kind {
        ObjectKind::ArrayBuffer(b) => b.bytes().map(|d| {
            let n = max_len(ctx, d.len());
            (d[..n].to_vec(), d.len())
        }),
        _ => None,
    };
    let Some((shown, total)) = bytes else {
        return vec![ctx.stylize("(detached)", "special")];
    };
    let mut str: String = shown
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    let remaining = total - shown.len();
    if remaining > 0 {
        str.push_str(&format!(
            " ... {remaining} more byte{}",
            if remaining > 1 { "s" } else { "" }
        ));
    }
    vec![format!(
        "{}: <{str}>",
        ctx.stylize("[Uint8Contents]", "special")
    )]
}

/// `formatExtraProperties(ctx, value, recurseTimes, key, typedArray)`: `[key]: value`, the
/// value read through the getter (from the buffer when the view's getter throws).
fn format_extra_property(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
    key: &str,
    typed_array: bool,
) -> JsResult<String> {
    ctx.indentation_lvl += 2;
    let v = match it.get(value, &PropKey::from(key)) {
        Ok(v) => v,
        Err(jsgen_engine::interp::Abrupt::Throw(_)) => {
            // Node retries with `value.buffer[key]`; the indentation added for the failed
            // attempt is never taken back (Node's output shows it too).
            let buffer = it.get(value, &jsgen_engine::static_key!("buffer"))?;
            let v = it.get_v(&buffer, &PropKey::from(key))?;
            ctx.indentation_lvl += 2;
            v
        }
        Err(e) => return Err(e),
    };
    let s = format_value(it, ctx, &v, recurse_times, typed_array);
    ctx.indentation_lvl -= 2;
    let name = ctx.stylize(&format!("[{key}]"), "string");
    Ok(format!("{name}: {}", s?))
}

fn remaining_text(n: usize) -> String {
    format!("... {n} more item{}", if n > 1 { "s" } else { "" })
}

fn max_len(ctx: &Ctx, len: usize) -> usize {
    let m = ctx.o.max_array_length.max(0.0);
    if m >= len as f64 {
        len
    } else {
        m as usize
    }
}

fn array_length(o: &Obj) -> usize {
    match &o.borrow().kind {
        ObjectKind::Array { length, .. } => *length as usize,
        _ => 0,
    }
}

fn format_array(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let val_len = array_length(value);
    let len = max_len(ctx, val_len);
    let remaining = val_len - len;
    let mut output = Vec::new();
    for i in 0..len {
        let key = PropKey::Index(i as u32);
        if value.get_own_property(&key).is_none() {
            return format_special_array(it, ctx, value, recurse_times, len, output, i);
        }
        output.push(format_property(
            it,
            ctx,
            value,
            recurse_times,
            &key,
            Extras::Array,
            None,
            None,
        )?);
    }
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

/// The array is sparse and/or has extra keys.
fn format_special_array(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
    max_length: usize,
    mut output: Vec<String>,
    mut i: usize,
) -> JsResult<Vec<String>> {
    // Object.keys(value)
    let keys: Vec<PropKey> = it
        .own_property_keys_no_traps(value)
        .into_iter()
        .filter(|k| !k.is_symbol())
        .filter(|k| {
            value
                .get_own_property(k)
                .is_some_and(|p| p.attrs.enumerable())
        })
        .collect();
    let mut index = i;
    while i < keys.len() && output.len() < max_length {
        let key = &keys[i];
        let PropKey::Index(tmp) = key else { break };
        let tmp = *tmp as usize;
        if index != tmp {
            let empty = tmp - index;
            let msg = format!("<{empty} empty item{}>", if empty > 1 { "s" } else { "" });
            output.push(ctx.stylize(&msg, "undefined"));
            index = tmp;
            if output.len() == max_length {
                break;
            }
        }
        output.push(format_property(
            it,
            ctx,
            value,
            recurse_times,
            key,
            Extras::Array,
            None,
            None,
        )?);
        index += 1;
        i += 1;
    }
    let val_len = array_length(value);
    let remaining = val_len.saturating_sub(index);
    if output.len() != max_length {
        if remaining > 0 {
            let msg = format!(
                "<{remaining} empty item{}>",
                if remaining > 1 { "s" } else { "" }
            );
            output.push(ctx.stylize(&msg, "undefined"));
        }
    } else if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

fn collection_entries(value: &Obj) -> Vec<(Value, Value)> {
    match &value.borrow().kind {
        ObjectKind::Map(m) | ObjectKind::Set(m) => m.entries.iter().flatten().cloned().collect(),
        _ => Vec::new(),
    }
}

/// `formatWeakSet`/`formatWeakMap` (with `showHidden`): the live entries as
/// `formatSetIterInner`/`formatMapIterInner` write them in their `kWeak` state, sorted
/// (unless `sorted` is set) so that the output does not depend on the table's order.
fn format_weak_collection(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let (entries, is_map) = match &value.borrow().kind {
        ObjectKind::WeakMap(m) => (m.entries(), true),
        ObjectKind::WeakSet(m) => (m.entries(), false),
        _ => (Vec::new(), false),
    };
    let max_arr = ctx.o.max_array_length.max(0.0);
    let max = if max_arr >= entries.len() as f64 {
        entries.len()
    } else {
        max_arr as usize
    };
    let mut output = Vec::with_capacity(max + 1);
    ctx.indentation_lvl += 2;
    for (k, v) in entries.iter().take(max) {
        let key = format_value(it, ctx, k, recurse_times, false)?;
        output.push(if is_map {
            let val = format_value(it, ctx, v, recurse_times, false)?;
            format!("{key} => {val}")
        } else {
            key
        });
    }
    ctx.indentation_lvl -= 2;
    if !ctx.o.sorted {
        // `ArrayPrototypeSort`: by UTF-16 code units.
        output.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    }
    if entries.len() > max {
        output.push(remaining_text(entries.len() - max));
    }
    Ok(output)
}

/// `formatSet`/`formatMap` as Node 24 writes them: `const length = value.size` (the
/// object's own `size`, a subclass's getter included) bounds what prints, and the entries
/// come from `for (const v of value)` / `for (const { 0: k, 1: v } of value)`, so a subclass
/// that keeps its entries elsewhere and overrides `[Symbol.iterator]` (immer's `DraftMap`)
/// prints them. With a null prototype (`constructor === null`) Node iterates
/// `SetPrototypeValues(value)` / `MapPrototypeEntries(value)`, whose `size` is undefined:
/// every entry prints, with no "more items" line.
fn format_collection(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
    null_proto: bool,
    is_map: bool,
) -> JsResult<Vec<String>> {
    let mut output = Vec::new();
    if null_proto {
        ctx.indentation_lvl += 2;
        for (k, v) in collection_entries(value) {
            output.push(format_entry(it, ctx, &k, &v, recurse_times, is_map)?);
        }
        ctx.indentation_lvl -= 2;
        return Ok(output);
    }
    // MathMin(MathMax(0, ctx.maxArrayLength), length): NaN when `size` is not a number.
    let size = it.get(value, &jsgen_engine::static_key!("size"))?;
    let length = it.to_number(&size)?;
    let max_length = if length.is_nan() {
        f64::NAN
    } else {
        ctx.o.max_array_length.max(0.0).min(length)
    };
    let remaining = length - max_length;
    ctx.indentation_lvl += 2;
    let mut rec = it.get_iterator(&Value::Object(value.clone()))?;
    let mut i = 0.0;
    while let Some(entry) = it.iterator_step_value(&mut rec)? {
        if i >= max_length {
            it.iterator_close(&rec, Ok(()))?;
            break;
        }
        let formatted = if is_map {
            destructure_entry(it, &entry)
                .and_then(|(k, v)| format_entry(it, ctx, &k, &v, recurse_times, true))
        } else {
            format_value(it, ctx, &entry, recurse_times, false)
        };
        match formatted {
            Ok(s) => output.push(s),
            Err(e) => return it.iterator_close(&rec, Err(e)),
        }
        i += 1.0;
    }
    if remaining > 0.0 {
        output.push(remaining_text_f64(remaining));
    }
    ctx.indentation_lvl -= 2;
    Ok(output)
}

/// `const { 0: k, 1: v } = entry` (RequireObjectCoercible, then two property reads).
fn destructure_entry(it: &mut Interp, entry: &Value) -> JsResult<(Value, Value)> {
    if entry.is_nullish() {
        let shown = if matches!(entry, Value::Null) {
            "null"
        } else {
            "undefined"
        };
        return Err(it.type_error(format!("Cannot destructure '{shown}' as it is {shown}.")));
    }
    let k = it.get_v(entry, &PropKey::Index(0))?;
    let v = it.get_v(entry, &PropKey::Index(1))?;
    Ok((k, v))
}

fn format_entry(
    it: &mut Interp,
    ctx: &mut Ctx,
    k: &Value,
    v: &Value,
    recurse_times: usize,
    is_map: bool,
) -> JsResult<String> {
    let ks = format_value(it, ctx, k, recurse_times, false)?;
    if !is_map {
        return Ok(ks);
    }
    let vs = format_value(it, ctx, v, recurse_times, false)?;
    Ok(format!("{ks} => {vs}"))
}

/// `remainingText` for a count that came from a script's `size` (any number).
fn remaining_text_f64(n: f64) -> String {
    let s = jsgen_engine::value::number_to_string(n);
    format!("... {s} more item{}", if n > 1.0 { "s" } else { "" })
}

/// `previewEntries(iterator, true)`: the remaining entries, and whether they are key/value
/// pairs (flattened as `[k1, v1, k2, v2, ...]`).
fn preview_iterator(value: &Obj) -> (Vec<Value>, bool) {
    let (coll, index, kind, is_map) = match &value.borrow().kind {
        ObjectKind::MapIterator { map, index, kind } => (map.clone(), *index, *kind, true),
        ObjectKind::SetIterator { set, index, kind } => (set.clone(), *index, *kind, false),
        _ => return (Vec::new(), false),
    };
    let d = coll.borrow();
    let m = match &d.kind {
        ObjectKind::Map(m) | ObjectKind::Set(m) => m,
        _ => return (Vec::new(), false),
    };
    let mut out = Vec::new();
    let rest = m.entries.get(index..).unwrap_or(&[]);
    for (k, v) in rest.iter().flatten() {
        match kind {
            IterKind::Keys => out.push(k.clone()),
            IterKind::Values => out.push(if is_map { v.clone() } else { k.clone() }),
            IterKind::Entries => {
                out.push(k.clone());
                out.push(if is_map { v.clone() } else { k.clone() });
            }
        }
    }
    (out, kind == IterKind::Entries)
}

fn format_iterator(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
    braces: &mut [String; 2],
) -> JsResult<Vec<String>> {
    let (entries, is_key_value) = preview_iterator(value);
    let max_arr = ctx.o.max_array_length.max(0.0);
    if is_key_value {
        if let Some(p) = braces[0].strip_suffix(" Iterator] {") {
            braces[0] = format!("{p} Entries] {{");
        }
        // formatMapIterInner (kMapEntries)
        let len = entries.len() / 2;
        let max = if max_arr >= len as f64 {
            len
        } else {
            max_arr as usize
        };
        let mut output = Vec::new();
        ctx.indentation_lvl += 2;
        for i in 0..max {
            let res = vec![
                format_value(it, ctx, &entries[i * 2], recurse_times, false)?,
                format_value(it, ctx, &entries[i * 2 + 1], recurse_times, false)?,
            ];
            output.push(reduce_to_single_string(
                ctx,
                res,
                "",
                &["[".into(), "]".into()],
                Extras::ArrayExtras,
                recurse_times,
                None,
            ));
        }
        ctx.indentation_lvl -= 2;
        if len > max {
            output.push(remaining_text(len - max));
        }
        return Ok(output);
    }
    // formatSetIterInner (kIterator)
    let max = if max_arr >= entries.len() as f64 {
        entries.len()
    } else {
        max_arr as usize
    };
    let mut output = Vec::new();
    ctx.indentation_lvl += 2;
    for e in entries.iter().take(max) {
        output.push(format_value(it, ctx, e, recurse_times, false)?);
    }
    ctx.indentation_lvl -= 2;
    if entries.len() > max {
        output.push(remaining_text(entries.len() - max));
    }
    Ok(output)
}

fn format_promise(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let state = match &value.borrow().kind {
        ObjectKind::Promise(p) => match &p.state {
            PromiseState::Pending => None,
            PromiseState::Fulfilled(v) => Some((false, v.clone())),
            PromiseState::Rejected(v) => Some((true, v.clone())),
        },
        _ => None,
    };
    Ok(match state {
        None => vec![ctx.stylize("<pending>", "special")],
        Some((rejected, v)) => {
            ctx.indentation_lvl += 2;
            let s = format_value(it, ctx, &v, recurse_times, false)?;
            ctx.indentation_lvl -= 2;
            vec![if rejected {
                format!("{} {s}", ctx.stylize("<rejected>", "special"))
            } else {
                s
            }]
        }
    })
}

// ---- properties ------------------------------------------------------------------------------

/// Whether a key matches `/^[a-zA-Z_][a-zA-Z_0-9]*$/`.
fn is_identifier_key(u: &[u16]) -> bool {
    let ok_start = |c: u16| c < 128 && ((c as u8).is_ascii_alphabetic() || c == b'_' as u16);
    let ok = |c: u16| c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u16);
    !u.is_empty() && ok_start(u[0]) && u.iter().all(|&c| ok(c))
}

#[allow(clippy::too_many_arguments)]
fn format_property(
    it: &mut Interp,
    ctx: &mut Ctx,
    value: &Obj,
    recurse_times: usize,
    key: &PropKey,
    ty: Extras,
    desc: Option<Prop>,
    original: Option<&Obj>,
) -> JsResult<String> {
    let desc = match desc.or_else(|| value.get_own_property(key)) {
        // Node reads the descriptor, which formats a lazy error `stack`.
        Some(Prop {
            slot: Slot::LazyStack(_),
            attrs,
        }) => Prop::data(it.materialize_stack(value, key)?, attrs),
        // A lazy built-in global (`Intl`) is built when its descriptor is read.
        Some(Prop {
            slot: Slot::Lazy(_) | Slot::LazyMethod(_),
            attrs,
        }) => Prop::data(it.materialize_lazy(value, key), attrs),
        Some(d) => d,
        None => {
            let v = it.get(value, key)?;
            Prop::data(v, jsgen_engine::object::Attrs::DEFAULT)
        }
    };
    let mut extra = " ".to_string();
    let s = match &desc.slot {
        Slot::Data(v) if !matches!(v, Value::Undefined) => {
            let diff = if !ctx.compact_true() || ty != Extras::Object {
                2
            } else {
                3
            };
            ctx.indentation_lvl += diff;
            let s = format_value(it, ctx, v, recurse_times, false)?;
            if diff == 3 && ctx.o.break_length < text::string_width(&s, ctx.o.colors) as f64 {
                extra = format!("\n{}", " ".repeat(ctx.indentation_lvl));
            }
            ctx.indentation_lvl -= diff;
            s
        }
        Slot::Accessor(a) if a.get.is_some() => {
            let set = &a.set;
            let label = if set.is_some() {
                "Getter/Setter"
            } else {
                "Getter"
            };
            let call = match ctx.o.getters {
                Getters::Off => false,
                Getters::All => true,
                Getters::Get => set.is_none(),
                Getters::Set => set.is_some(),
            };
            if let (true, Some(g)) = (call, &a.get) {
                let this = Value::Object(original.unwrap_or(value).clone());
                match it.call_obj(g, &this, &[]) {
                    Ok(tmp) => {
                        ctx.indentation_lvl += 2;
                        let r = match &tmp {
                            Value::Null => format!(
                                "{} {}{}",
                                ctx.stylize(&format!("[{label}:"), "special"),
                                ctx.stylize("null", "null"),
                                ctx.stylize("]", "special")
                            ),
                            Value::Object(_) => format!(
                                "{} {}",
                                ctx.stylize(&format!("[{label}]"), "special"),
                                format_value(it, ctx, &tmp, recurse_times, false)?
                            ),
                            p => format!(
                                "{} {}{}",
                                ctx.stylize(&format!("[{label}:"), "special"),
                                format_primitive(ctx, p),
                                ctx.stylize("]", "special")
                            ),
                        };
                        ctx.indentation_lvl -= 2;
                        r
                    }
                    Err(jsgen_engine::interp::Abrupt::Throw(e)) => {
                        // Node 24: `<Inspection threw (${formatValue(ctx, err, recurseTimes)})>`.
                        ctx.indentation_lvl += 2;
                        let m = format_value(it, ctx, &e, recurse_times, false);
                        ctx.indentation_lvl -= 2;
                        let m = m?;
                        format!(
                            "{} <Inspection threw ({m})>{}",
                            ctx.stylize(&format!("[{label}:"), "special"),
                            ctx.stylize("]", "special")
                        )
                    }
                    Err(e) => return Err(e),
                }
            } else {
                ctx.stylize(&format!("[{label}]"), "special")
            }
        }
        Slot::Accessor(a) if a.set.is_some() => ctx.stylize("[Setter]", "special"),
        _ => ctx.stylize("undefined", "undefined"),
    };
    if ty == Extras::Array {
        return Ok(s);
    }
    let name = match key {
        PropKey::Sym(sym) => {
            // Node 24 prints an enumerable symbol key bare (`Symbol(id): 1`) and a hidden one
            // in brackets, like a hidden string key.
            let d: Vec<u16> = sym.descriptive_string().encode_utf16().collect();
            let styled = ctx.stylize(&text::escape_units(&d, true), "symbol");
            if desc.attrs.enumerable() {
                styled
            } else {
                format!("[{styled}]")
            }
        }
        PropKey::Str(k) if k.to_rust_string() == "__proto__" => "['__proto__']".to_string(),
        _ => {
            let k = key.to_jsstr();
            if !desc.attrs.enumerable() {
                format!("[{}]", text::escape_units(k.units(), true))
            } else if is_identifier_key(k.units()) {
                ctx.stylize(&k.to_rust_string(), "name")
            } else {
                ctx.stylize(&str_escape(k.units()), "string")
            }
        }
    };
    Ok(format!("{name}:{extra}{s}"))
}

// ---- line breaking ---------------------------------------------------------------------------

fn is_below_break_length(ctx: &Ctx, output: &[String], start: usize, base: &str) -> bool {
    let mut total = output.len() + start;
    if (total + output.len()) as f64 > ctx.o.break_length {
        return false;
    }
    for e in output {
        total += ctx.entry_len(e);
        if total as f64 > ctx.o.break_length {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

fn reduce_to_single_string(
    ctx: &Ctx,
    mut output: Vec<String>,
    base: &str,
    braces: &[String; 2],
    extras: Extras,
    recurse_times: usize,
    value: Option<&Obj>,
) -> String {
    let base_sp = if base.is_empty() {
        String::new()
    } else {
        format!("{base} ")
    };
    match ctx.o.compact {
        Compact::Level(compact) => {
            if compact >= 1.0 {
                let entries = output.len();
                if extras == Extras::ArrayExtras && entries > 6 {
                    output = group_array_elements(ctx, output, value);
                }
                if ((ctx.current_depth as f64) - (recurse_times as f64)) < compact
                    && entries == output.len()
                {
                    let start =
                        output.len() + ctx.indentation_lvl + js_len(&braces[0]) + js_len(base) + 10;
                    if is_below_break_length(ctx, &output, start, base) {
                        let joined = output.join(", ");
                        if !joined.contains('\n') {
                            return format!("{base_sp}{} {joined} {}", braces[0], braces[1]);
                        }
                    }
                }
            }
            let ind = format!("\n{}", " ".repeat(ctx.indentation_lvl));
            format!(
                "{base_sp}{}{ind}  {}{ind}{}",
                braces[0],
                output.join(&format!(",{ind}  ")),
                braces[1]
            )
        }
        Compact::Always => {
            if is_below_break_length(ctx, &output, 0, base) {
                let b = if base.is_empty() {
                    String::new()
                } else {
                    format!(" {base}")
                };
                return format!("{}{b} {} {}", braces[0], output.join(", "), braces[1]);
            }
            let ind = " ".repeat(ctx.indentation_lvl);
            let ln = if base.is_empty() && js_len(&braces[0]) == 1 {
                " ".to_string()
            } else {
                let b = if base.is_empty() {
                    String::new()
                } else {
                    format!(" {base}")
                };
                format!("{b}\n{ind}  ")
            };
            format!(
                "{}{ln}{} {}",
                braces[0],
                output.join(&format!(",\n{ind}  ")),
                braces[1]
            )
        }
    }
}

fn group_array_elements(ctx: &Ctx, output: Vec<String>, value: Option<&Obj>) -> Vec<String> {
    let mut total_length = 0usize;
    let mut max_length = 0usize;
    let mut output_length = output.len();
    if ctx.o.max_array_length < output.len() as f64 {
        output_length -= 1;
    }
    let separator_space = 2;
    let mut data_len = Vec::with_capacity(output_length);
    for e in output.iter().take(output_length) {
        let len = text::string_width(e, ctx.o.colors);
        data_len.push(len);
        total_length += len + separator_space;
        if max_length < len {
            max_length = len;
        }
    }
    let actual_max = max_length + separator_space;
    if ((actual_max * 3 + ctx.indentation_lvl) as f64) < ctx.o.break_length
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let compact = match ctx.o.compact {
            Compact::Level(n) => n,
            Compact::Always => 0.0,
        };
        let columns = ((approx_char_heights * biased_max * output_length as f64).sqrt()
            / biased_max)
            .round()
            .min(((ctx.o.break_length - ctx.indentation_lvl as f64) / actual_max as f64).floor())
            .min(compact * 4.0)
            .min(15.0);
        if columns <= 1.0 || columns.is_nan() {
            return output;
        }
        let columns = columns as usize;
        let mut tmp = Vec::new();
        let mut max_line_length = Vec::new();
        for i in 0..columns {
            let mut line_max = 0;
            let mut j = i;
            while j < output.len() {
                if let Some(&l) = data_len.get(j) {
                    if l > line_max {
                        line_max = l;
                    }
                }
                j += columns;
            }
            max_line_length.push(line_max + separator_space);
        }
        let mut pad_start = true;
        if let Some(arr) = value {
            for i in 0..output.len() {
                let v = arr.get_own_property(&PropKey::Index(i as u32));
                if !matches!(
                    v,
                    Some(Prop {
                        slot: Slot::Data(Value::Number(_) | Value::BigInt(_)),
                        ..
                    })
                ) {
                    pad_start = false;
                    break;
                }
            }
        }
        let pad = |s: &str, width: usize, start: bool| -> String {
            let l = js_len(s);
            if l >= width {
                return s.to_string();
            }
            let fill = " ".repeat(width - l);
            if start {
                format!("{fill}{s}")
            } else {
                format!("{s}{fill}")
            }
        };
        let mut i = 0;
        while i < output_length {
            let max = (i + columns).min(output_length);
            let mut line = String::new();
            let mut j = i;
            while j < max - 1 {
                let padding = max_line_length[j - i] + js_len(&output[j]) - data_len[j];
                line.push_str(&pad(&format!("{}, ", output[j]), padding, pad_start));
                j += 1;
            }
            if pad_start {
                let padding =
                    max_line_length[j - i] + js_len(&output[j]) - data_len[j] - separator_space;
                line.push_str(&pad(&output[j], padding, true));
            } else {
                line.push_str(&output[j]);
            }
            tmp.push(line);
            i += columns;
        }
        if ctx.o.max_array_length < output.len() as f64 {
            if let Some(last) = output.last() {
                tmp.push(last.clone());
            }
        }
        return tmp;
    }
    output
}
