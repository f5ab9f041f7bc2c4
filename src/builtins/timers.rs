//! Node's timer globals: `setTimeout`, `setInterval`, `setImmediate` and their `clear*`
//! functions, and the `Timeout`/`Immediate` objects they return.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let proto = it.new_object();
    it.define_method(&proto, "ref", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.timers.set_ref(id, true);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "unref", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.timers.set_ref(id, false);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "hasRef", 0, |it, a| {
        Ok(Value::Bool(
            timer_id(a.this).is_some_and(|id| it.timers.has_ref(id)),
        ))
    });
    it.define_method(&proto, "refresh", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.timers.refresh(id);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "close", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.timers.clear(id);
        }
        Ok(a.this.clone())
    });
    let sym = it.symbols.to_primitive.clone();
    it.define_symbol_method(&proto, &sym, "[Symbol.toPrimitive]", 1, |_, a| {
        Ok(timer_id(a.this)
            .map(|id| Value::Number(id as f64))
            .unwrap_or_default())
    });
    let ctor = it.native_fn("Timeout", 0, |it, _| {
        Err(it.type_error("Illegal constructor"))
    });
    super::link_ctor_proto(&ctor, &proto);
    let holder = it.new_object();
    holder.define("proto", Value::Object(proto), Attrs::HIDDEN);
    let st = it.native_fn_with(
        "setTimeout",
        2,
        set_timeout,
        false,
        vec![Value::Object(holder.clone())],
    );
    super::define_global(it, "setTimeout", Value::Object(st));
    let si = it.native_fn_with(
        "setInterval",
        2,
        set_interval,
        false,
        vec![Value::Object(holder.clone())],
    );
    super::define_global(it, "setInterval", Value::Object(si));
    let sim = it.native_fn_with(
        "setImmediate",
        1,
        set_immediate,
        false,
        vec![Value::Object(holder)],
    );
    super::define_global(it, "setImmediate", Value::Object(sim));
    for name in ["clearTimeout", "clearInterval", "clearImmediate"] {
        let f = it.native_fn(name, 1, clear_timer);
        super::define_global(it, name, Value::Object(f));
    }
}

fn timer_id(v: &Value) -> Option<u64> {
    match v {
        Value::Object(o) => match o.borrow().kind {
            ObjectKind::Timeout(id) => Some(id),
            _ => None,
        },
        Value::Number(n) if *n >= 1.0 => Some(*n as u64),
        Value::String(s) => s.to_rust_string().parse().ok(),
        _ => None,
    }
}

fn timeout_proto(a: &Args) -> Option<Obj> {
    let holder = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned(),
        _ => None,
    };
    match holder {
        Some(Value::Object(h)) => match h.get_own_data(&PropKey::from("proto")) {
            Some(Value::Object(p)) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

fn check_callback(it: &mut Interp, f: &Value) -> JsResult<()> {
    if !it.is_callable(f) {
        let s = crate::inspect::brief(it, f);
        return Err(it.type_error(format!(
            "The \"callback\" argument must be of type function. Received {s}"
        )));
    }
    Ok(())
}

fn schedule(it: &mut Interp, a: &Args, repeat: bool) -> JsResult<Value> {
    let cb = a.get(0);
    check_callback(it, &cb)?;
    let delay = it.to_number(&a.get(1))?;
    let args: Vec<Value> = a.args.iter().skip(2).cloned().collect();
    let id = it.timers.add(cb, args, delay, repeat);
    let o = Obj::new(timeout_proto(a), ObjectKind::Timeout(id));
    Ok(Value::Object(o))
}

fn set_timeout(it: &mut Interp, a: &Args) -> JsResult<Value> {
    schedule(it, a, false)
}

fn set_interval(it: &mut Interp, a: &Args) -> JsResult<Value> {
    schedule(it, a, true)
}

fn set_immediate(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cb = a.get(0);
    check_callback(it, &cb)?;
    let args: Vec<Value> = a.args.iter().skip(1).cloned().collect();
    let id = it.timers.add_immediate(cb, args);
    Ok(Value::Object(Obj::new(
        timeout_proto(a),
        ObjectKind::Timeout(id),
    )))
}

fn clear_timer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if let Some(id) = timer_id(&a.get(0)) {
        it.timers.clear(id);
    }
    Ok(Value::Undefined)
}
