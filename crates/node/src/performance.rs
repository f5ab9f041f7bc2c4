//! Node's `performance` global (the `perf_hooks` object): `now()`, `timeOrigin`, `mark`,
//! `measure`, `getEntries*`, `clearMarks`/`clearMeasures`, `toJSON`.
//!
//! `performance.now()` reads the event loop's clock (`Timers::now`), the one `Date.now()` and
//! the timers use, so under `--virtual-time` it includes skipped idle time: it advances by
//! about 1000 across a 1000 ms `setTimeout` although the run takes milliseconds.

use crate::prelude::*;
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, PropKey};
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
}

/// `performance.now()`: milliseconds since `timeOrigin` on the event loop's clock.
fn now(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::Number(it.node_mut().timers.now()))
}

fn make_entry(
    it: &mut Interp,
    name: Value,
    ty: &str,
    start: f64,
    duration: f64,
    detail: Value,
) -> Obj {
    let e = it.new_object();
    e.define("name", name, Attrs::DEFAULT);
    e.define("entryType", Value::from(ty), Attrs::DEFAULT);
    e.define("startTime", Value::Number(start), Attrs::DEFAULT);
    e.define("duration", Value::Number(duration), Attrs::DEFAULT);
    e.define("detail", detail, Attrs::DEFAULT);
    it.node_mut().host.perf_entries.push(e.clone());
    e
}

fn entry_str(e: &Obj, k: &str) -> String {
    match e.get_own_data(&PropKey::from(k)) {
        Some(Value::String(s)) => s.to_rust_string(),
        _ => String::new(),
    }
}

fn entry_num(e: &Obj, k: &str) -> f64 {
    match e.get_own_data(&PropKey::from(k)) {
        Some(Value::Number(n)) => n,
        _ => 0.0,
    }
}

/// `performance.mark(name, { startTime, detail })`.
fn mark(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = it.to_string(&a.get(0))?;
    let mut start = it.node_mut().timers.now();
    let mut detail = Value::Null;
    if let Value::Object(o) = a.get(1) {
        let st = it.get(&o, &PropKey::from("startTime"))?;
        if !st.is_undefined() {
            start = it.to_number(&st)?;
        }
        let d = it.get(&o, &PropKey::from("detail"))?;
        if !d.is_undefined() {
            detail = d;
        }
    }
    let e = make_entry(it, Value::String(name), "mark", start, 0.0, detail);
    Ok(Value::Object(e))
}

/// The start time of the latest mark called `name`, or a SyntaxError as Node throws.
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
        None => {
            let p = it.intrinsics.syntax_error_prototype.clone();
            Err(jsgen_engine::interp::Abrupt::Throw(
                crate::process::node_error(
                    it,
                    &p,
                    "ERR_INVALID_PERFORMANCE_MARK",
                    &format!("The \"{n}\" performance mark has not been set"),
                ),
            ))
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
            let s = it.get(&o, &PropKey::from("start"))?;
            if !s.is_undefined() {
                start = mark_time(it, &s)?;
            }
            let e = it.get(&o, &PropKey::from("end"))?;
            if !e.is_undefined() {
                end = mark_time(it, &e)?;
            }
            let d = it.get(&o, &PropKey::from("detail"))?;
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
    let e = make_entry(
        it,
        Value::String(name),
        "measure",
        start,
        end - start,
        detail,
    );
    Ok(Value::Object(e))
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
