//! Node's `performance` global (the `perf_hooks` object): `now()`, `timeOrigin`, `mark`,
//! `measure`, `getEntries*`, `clearMarks`/`clearMeasures`, `toJSON`; the entries are
//! `PerformanceMark`/`PerformanceMeasure` objects (their fields in an internal slot, read by
//! getters on `PerformanceEntry.prototype`, printed as Node's `[inspect.custom]` prints them:
//! the class name and `toJSON()`).
//!
//! `performance.now()` reads the event loop's clock (`Timers::now`), the one `Date.now()` and
//! the timers use, so under `--virtual-time` it includes skipped idle time: it advances by
//! about 1000 across a 1000 ms `setTimeout` although the run takes milliseconds.

use crate::prelude::*;
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, PropKey};
use jsgen_engine::value::Value;

pub fn init(it: &mut Interp) {
    let p = it.new_object();
    it.define_method(&p, "now", 0, now);
    p.define(
        "timeOrigin",
        Value::Number(it.node_mut().timers.time_origin()),
        Attrs::DEFAULT,
    );
    it.define_method(&p, "mark", 1, mark);
    it.define_method(&p, "measure", 1, measure);
    it.define_method(&p, "getEntries", 0, |it, _| {
        entries_filtered(it, None, None)
    });
    it.define_method(&p, "getEntriesByName", 1, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let ty = match a.get(1) {
            Value::Undefined => None,
            v => Some(it.to_string(&v)?.to_rust_string()),
        };
        entries_filtered(it, Some(name), ty)
    });
    it.define_method(&p, "getEntriesByType", 1, |it, a| {
        let ty = it.to_string(&a.get(0))?.to_rust_string();
        entries_filtered(it, None, Some(ty))
    });
    it.define_method(&p, "clearMarks", 0, |it, a| clear(it, a, "mark"));
    it.define_method(&p, "clearMeasures", 0, |it, a| clear(it, a, "measure"));
    it.define_method(&p, "toJSON", 0, |it, a| {
        let o = it.new_object();
        o.define(
            "timeOrigin",
            Value::Number(it.node_mut().timers.time_origin()),
            Attrs::DEFAULT,
        );
        let _ = a;
        Ok(Value::Object(o))
    });
    let tag = it.symbols.to_string_tag.clone();
    p.define(
        PropKey::Sym(tag),
        Value::from("Performance"),
        Attrs::CONFIGURABLE_ONLY,
    );
    jsgen_engine::builtins::define_global(it, "performance", Value::Object(p));
    // Made on first use (of a global or of `mark`/`measure`): start-up pays nothing.
    for name in ["PerformanceEntry", "PerformanceMark", "PerformanceMeasure"] {
        jsgen_engine::builtins::define_lazy_global(it, name, lazy_entry_class);
    }
}

/// The lazy global `PerformanceEntry`/`PerformanceMark`/`PerformanceMeasure`.
fn lazy_entry_class(it: &mut Interp, key: &PropKey) -> Value {
    let protos = entry_protos(it);
    let i = match key.to_jsstr().to_rust_string().as_str() {
        "PerformanceEntry" => 0,
        "PerformanceMark" => 1,
        _ => 2,
    };
    protos[i]
        .get_own_data(&jsgen_engine::static_key!("constructor"))
        .unwrap_or_default()
}

/// The three prototypes, made on first use.
fn entry_protos(it: &mut Interp) -> [Obj; 3] {
    if let Some(p) = it.node().host.perf_protos.clone() {
        return p;
    }
    entry_classes(it)
}

/// The entry's fields, in the order of [`FIELDS`].
const FIELDS: [&str; 5] = ["name", "entryType", "startTime", "duration", "detail"];

/// `PerformanceEntry`, `PerformanceMark` and `PerformanceMeasure` (globals, as in Node 24).
fn entry_classes(it: &mut Interp) -> [Obj; 3] {
    let entry_proto = it.new_object();
    for (i, name) in FIELDS.iter().enumerate().take(4) {
        let f: jsgen_engine::interp::NativeFn = match i {
            0 => |it, a| entry_getter(it, a, 0),
            1 => |it, a| entry_getter(it, a, 1),
            2 => |it, a| entry_getter(it, a, 2),
            _ => |it, a| entry_getter(it, a, 3),
        };
        it.define_getter(&entry_proto, *name, f);
    }
    it.define_method(&entry_proto, "toJSON", 0, entry_to_json);
    let custom = crate::timers::inspect_custom_symbol(it);
    it.define_symbol_method(
        &entry_proto,
        &custom,
        "[nodejs.util.inspect.custom]",
        2,
        entry_inspect,
    );
    let illegal: jsgen_engine::interp::NativeFn = |it, _| {
        let p = it.intrinsics.type_error_prototype.clone();
        Err(jsgen_engine::interp::Abrupt::Throw(
            crate::process::node_error(it, &p, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor"),
        ))
    };
    let entry_ctor = it.native_fn_with("PerformanceEntry", 0, illegal, true, Vec::new());
    jsgen_engine::builtins::link_ctor_proto(&entry_ctor, &entry_proto);
    let mut protos = Vec::new();
    for (name, ctor_fn) in [
        (
            "PerformanceMark",
            new_mark as jsgen_engine::interp::NativeFn,
        ),
        ("PerformanceMeasure", illegal),
    ] {
        let proto = it.new_object();
        proto.borrow_mut().proto = Some(entry_proto.clone());
        it.define_getter(&proto, "detail", |it, a| entry_getter(it, a, 4));
        let ctor = it.native_fn_with(name, 1, ctor_fn, true, Vec::new());
        ctor.borrow_mut().proto = Some(entry_ctor.clone());
        jsgen_engine::builtins::link_ctor_proto(&ctor, &proto);
        let tag = it.symbols.to_string_tag.clone();
        proto.define(
            PropKey::Sym(tag),
            Value::from(name),
            Attrs::CONFIGURABLE_ONLY,
        );
        protos.push(proto);
    }
    let measure = protos.pop().unwrap_or_else(|| it.new_object());
    let mark = protos.pop().unwrap_or_else(|| it.new_object());
    let all = [entry_proto, mark, measure];
    it.node_mut().host.perf_protos = Some(all.clone());
    all
}

/// The fields of an entry (`None` for any other object).
fn entry_fields(it: &Interp, v: &Value) -> Option<Vec<Value>> {
    let Value::Object(o) = v else { return None };
    let [entry, ..] = it.node().host.perf_protos.as_ref()?;
    let mut p = o.proto();
    let mut is_entry = false;
    while let Some(x) = p {
        if Obj::ptr_eq(&x, entry) {
            is_entry = true;
            break;
        }
        p = x.proto();
    }
    if !is_entry {
        return None;
    }
    match &o.borrow().kind {
        ObjectKind::Internal(v) if v.len() == FIELDS.len() => Some(v.clone()),
        _ => None,
    }
}

fn invalid_this(it: &mut Interp) -> jsgen_engine::interp::Abrupt {
    let p = it.intrinsics.type_error_prototype.clone();
    jsgen_engine::interp::Abrupt::Throw(crate::process::node_error(
        it,
        &p,
        "ERR_INVALID_THIS",
        "Value of \"this\" must be of type PerformanceEntry",
    ))
}

fn entry_getter(it: &mut Interp, a: &Args, i: usize) -> JsResult<Value> {
    match entry_fields(it, a.this) {
        Some(f) => Ok(f[i].clone()),
        None => Err(invalid_this(it)),
    }
}

/// `PerformanceEntry.prototype.toJSON`.
fn entry_to_json(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(f) = entry_fields(it, a.this) else {
        return Err(invalid_this(it));
    };
    let o = it.new_object();
    for (k, v) in FIELDS.iter().zip(f) {
        o.define(*k, v, Attrs::DEFAULT);
    }
    Ok(Value::Object(o))
}

/// Node's `[kInspect]`: `${this.constructor.name} ${inspect(this.toJSON(), depth - 1)}`.
fn entry_inspect(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if matches!(a.get(0), Value::Number(d) if d < 0.0) {
        return Ok(a.this.clone());
    }
    let json = entry_to_json(it, a)?;
    let mut opts = crate::inspect::InspectOptions::current(it)?;
    opts.apply_object(it, &a.get(1))?;
    opts.depth = opts.depth.map(|d| d - 1.0);
    let body = crate::inspect::inspect_with(it, &json, &opts)?;
    let name = match a.this {
        Value::Object(o) => {
            let c = it.get(o, &jsgen_engine::static_key!("constructor"))?;
            match &c {
                Value::Object(c) => it.get(c, &jsgen_engine::static_key!("name"))?,
                _ => Value::Undefined,
            }
        }
        _ => Value::Undefined,
    };
    let name = it.to_string(&name)?.to_rust_string();
    Ok(Value::from(format!("{name} {body}").as_str()))
}

/// `new PerformanceMark(name, { startTime, detail })`: a mark not added to the timeline.
fn new_mark(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(
            it.type_error("Class constructor PerformanceMark cannot be invoked without 'new'")
        );
    }
    let (name, start, detail) = mark_args(it, a)?;
    Ok(Value::Object(new_entry(
        it, name, "mark", start, 0.0, detail,
    )))
}

/// `performance.now()`: milliseconds since `timeOrigin` on the event loop's clock.
fn now(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::Number(it.node_mut().timers.now()))
}

/// A `PerformanceMark` or `PerformanceMeasure` (not yet on the timeline).
fn new_entry(
    it: &mut Interp,
    name: Value,
    ty: &str,
    start: f64,
    duration: f64,
    detail: Value,
) -> Obj {
    let [_, mark, measure] = entry_protos(it);
    let proto = if ty == "mark" { mark } else { measure };
    Obj::new(
        Some(proto),
        ObjectKind::Internal(vec![
            name,
            Value::from(ty),
            Value::Number(start),
            Value::Number(duration),
            detail,
        ]),
    )
}

/// Puts an entry on the timeline (`performance.getEntries()`), after handing it to the
/// PerformanceObservers (Node's `enqueue`, then `bufferUserTiming`).
fn add_to_timeline(it: &mut Interp, e: Obj) -> JsResult<Value> {
    if let Some(enqueue) = it.node().host.perf_enqueue.clone() {
        it.call(&enqueue, &Value::Undefined, &[Value::Object(e.clone())])?;
    }
    it.node_mut().host.perf_entries.push(e.clone());
    Ok(Value::Object(e))
}

fn entry_field(e: &Obj, k: &str) -> Option<Value> {
    let i = FIELDS.iter().position(|f| *f == k)?;
    match &e.borrow().kind {
        ObjectKind::Internal(v) => v.get(i).cloned(),
        _ => None,
    }
}

fn entry_str(e: &Obj, k: &str) -> String {
    match entry_field(e, k) {
        Some(Value::String(s)) => s.to_rust_string(),
        _ => String::new(),
    }
}

fn entry_num(e: &Obj, k: &str) -> f64 {
    match entry_field(e, k) {
        Some(Value::Number(n)) => n,
        _ => 0.0,
    }
}

/// The name, start time and detail of `mark(name, { startTime, detail })`.
fn mark_args(it: &mut Interp, a: &Args) -> JsResult<(Value, f64, Value)> {
    let name = it.to_string(&a.get(0))?;
    let mut start = it.node_mut().timers.now();
    let mut detail = Value::Null;
    if let Value::Object(o) = a.get(1) {
        let st = it.get(&o, &jsgen_engine::static_key!("startTime"))?;
        if !st.is_undefined() {
            start = it.to_number(&st)?;
        }
        let d = it.get(&o, &jsgen_engine::static_key!("detail"))?;
        if !d.is_undefined() {
            detail = d;
        }
    }
    Ok((Value::String(name), start, detail))
}

/// `performance.mark(name, { startTime, detail })`.
fn mark(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (name, start, detail) = mark_args(it, a)?;
    let e = new_entry(it, name, "mark", start, 0.0, detail);
    add_to_timeline(it, e)
}

/// The start time of the latest mark called `name`, or the DOMException Node throws.
fn mark_time(it: &mut Interp, name: &Value) -> JsResult<f64> {
    if let Value::Number(n) = name {
        return Ok(*n);
    }
    let n = it.to_string(name)?.to_rust_string();
    let found = it
        .node_mut()
        .host
        .perf_entries
        .iter()
        .rev()
        .find(|e| entry_str(e, "entryType") == "mark" && entry_str(e, "name") == n)
        .cloned();
    match found {
        Some(e) => Ok(entry_num(&e, "startTime")),
        // Node 24 throws a DOMException named SyntaxError (code 12).
        None => {
            let msg = format!("The \"{n}\" performance mark has not been set");
            let e = crate::structured_clone::new_dom_exception(it, "SyntaxError", &msg)?;
            Err(jsgen_engine::interp::Abrupt::Throw(e))
        }
    }
}

/// `performance.measure(name, startMark?, endMark?)` (or an options object).
fn measure(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = it.to_string(&a.get(0))?;
    let mut start = 0.0;
    let mut end = it.node_mut().timers.now();
    let mut detail = Value::Null;
    match a.get(1) {
        Value::Object(o) if !o.is_callable() => {
            let s = it.get(&o, &jsgen_engine::static_key!("start"))?;
            if !s.is_undefined() {
                start = mark_time(it, &s)?;
            }
            let e = it.get(&o, &jsgen_engine::static_key!("end"))?;
            if !e.is_undefined() {
                end = mark_time(it, &e)?;
            }
            let d = it.get(&o, &jsgen_engine::static_key!("detail"))?;
            if !d.is_undefined() {
                detail = d;
            }
        }
        Value::Undefined => {}
        s => start = mark_time(it, &s)?,
    }
    if !a.get(2).is_undefined() {
        end = mark_time(it, &a.get(2))?;
    }
    let e = new_entry(
        it,
        Value::String(name),
        "measure",
        start,
        end - start,
        detail,
    );
    add_to_timeline(it, e)
}

fn entries_filtered(it: &mut Interp, name: Option<String>, ty: Option<String>) -> JsResult<Value> {
    let mut v: Vec<Obj> = it
        .node_mut()
        .host
        .perf_entries
        .iter()
        .filter(|e| name.as_ref().is_none_or(|n| entry_str(e, "name") == *n))
        .filter(|e| ty.as_ref().is_none_or(|t| entry_str(e, "entryType") == *t))
        .cloned()
        .collect();
    v.sort_by(|x, y| entry_num(x, "startTime").total_cmp(&entry_num(y, "startTime")));
    let vals = v.into_iter().map(Value::Object).collect();
    Ok(Value::Object(it.new_array(vals)))
}

fn clear(it: &mut Interp, a: &Args, ty: &str) -> JsResult<Value> {
    let name = match a.get(0) {
        Value::Undefined => None,
        v => Some(it.to_string(&v)?.to_rust_string()),
    };
    it.node_mut().host.perf_entries.retain(|e| {
        entry_str(e, "entryType") != ty || name.as_ref().is_some_and(|n| entry_str(e, "name") != *n)
    });
    Ok(Value::Undefined)
}
