//! Node's timer globals: `setTimeout`, `setInterval`, `setImmediate` and their `clear*`
//! functions, and the `Timeout`/`Immediate` objects they return.

use crate::prelude::*;
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::{Sym, Value};

pub fn init(it: &mut Interp) {
    let qm = it.native_fn("queueMicrotask", 1, queue_microtask);
    jsgen_engine::builtins::define_global(it, "queueMicrotask", Value::Object(qm));
    let proto = it.new_object();
    it.define_method(&proto, "ref", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.node_mut().timers.set_ref(id, true);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "unref", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.node_mut().timers.set_ref(id, false);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "hasRef", 0, |it, a| {
        Ok(Value::Bool(
            timer_id(a.this).is_some_and(|id| it.node_mut().timers.has_ref(id)),
        ))
    });
    it.define_method(&proto, "refresh", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.node_mut().timers.refresh(id);
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "close", 0, |it, a| {
        if let Some(id) = timer_id(a.this) {
            it.node_mut().timers.clear(id);
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
    jsgen_engine::builtins::link_ctor_proto(&ctor, &proto);
    let holder = it.new_object();
    holder.define("proto", Value::Object(proto), Attrs::HIDDEN);

    // Node's `Immediate` class: `constructor`, `ref`, `unref`, `hasRef`.
    let syms = [
        Sym::new(Some(JsStr::from("refed"))),
        Sym::new(Some(JsStr::from("asyncId"))),
        Sym::new(Some(JsStr::from("triggerId"))),
        Sym::new(Some(JsStr::from("kAsyncContextFrame"))),
    ];
    it.node_mut().host.immediate_symbols = Some(syms);
    let iproto = it.new_object();
    let ictor = it.native_fn("Immediate", 2, |it, _| {
        Err(it.type_error("Illegal constructor"))
    });
    jsgen_engine::builtins::link_ctor_proto(&ictor, &iproto);
    it.define_method(&iproto, "ref", 0, |it, a| {
        immediate_set_ref(it, a.this, true);
        Ok(a.this.clone())
    });
    it.define_method(&iproto, "unref", 0, |it, a| {
        immediate_set_ref(it, a.this, false);
        Ok(a.this.clone())
    });
    it.define_method(&iproto, "hasRef", 0, |it, a| {
        let refed = match (a.this, refed_key(it)) {
            (Value::Object(o), Some(k)) => o.get_own_data(&k),
            _ => None,
        };
        Ok(Value::Bool(matches!(refed, Some(Value::Bool(true)))))
    });
    holder.define("immediateProto", Value::Object(iproto), Attrs::HIDDEN);
    let st = it.native_fn_with(
        "setTimeout",
        2,
        set_timeout,
        false,
        vec![Value::Object(holder.clone())],
    );
    jsgen_engine::builtins::define_global(it, "setTimeout", Value::Object(st));
    let si = it.native_fn_with(
        "setInterval",
        2,
        set_interval,
        false,
        vec![Value::Object(holder.clone())],
    );
    jsgen_engine::builtins::define_global(it, "setInterval", Value::Object(si));
    let sim = it.native_fn_with(
        "setImmediate",
        1,
        set_immediate,
        false,
        vec![Value::Object(holder)],
    );
    jsgen_engine::builtins::define_global(it, "setImmediate", Value::Object(sim));
    for name in ["clearTimeout", "clearInterval"] {
        let f = it.native_fn(name, 1, clear_timer);
        jsgen_engine::builtins::define_global(it, name, Value::Object(f));
    }
    let f = it.native_fn("clearImmediate", 1, clear_immediate);
    jsgen_engine::builtins::define_global(it, "clearImmediate", Value::Object(f));
}

fn timer_id(v: &Value) -> Option<u64> {
    match v {
        Value::Object(o) => match o.borrow().kind {
            ObjectKind::HostId(id) => Some(id),
            _ => None,
        },
        Value::Number(n) if *n >= 1.0 => Some(*n as u64),
        Value::String(s) => s.to_rust_string().parse().ok(),
        _ => None,
    }
}

/// The prototype stored under `name` in the holder the timer functions capture.
fn captured_proto(a: &Args, name: &str) -> Option<Obj> {
    let holder = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned(),
        _ => None,
    };
    match holder {
        Some(Value::Object(h)) => match h.get_own_data(&PropKey::from(name)) {
            Some(Value::Object(p)) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

fn timeout_proto(a: &Args) -> Option<Obj> {
    captured_proto(a, "proto")
}

fn refed_key(it: &Interp) -> Option<PropKey> {
    it.node()
        .host
        .immediate_symbols
        .as_ref()
        .map(|s| PropKey::Sym(s[0].clone()))
}

/// `Immediate.prototype.ref/unref`: `this[kRefed]` goes between true and false (not after
/// the immediate ran or was cleared, when it is null).
fn immediate_set_ref(it: &mut Interp, this: &Value, refed: bool) {
    let (Value::Object(o), Some(k)) = (this, refed_key(it)) else {
        return;
    };
    if matches!(o.get_own_data(&k), Some(Value::Bool(b)) if b != refed) {
        o.set_own_data_unchecked(k, Value::Bool(refed));
        if let Some(id) = timer_id(this) {
            it.node_mut().timers.set_ref(id, refed);
        }
    }
}

fn set_prop(o: &Obj, name: &str, v: Value) {
    o.set_own_data_unchecked(PropKey::from(name), v);
}

fn get_prop(o: &Obj, name: &str) -> Value {
    o.get_own_data(&PropKey::from(name)).unwrap_or_default()
}

/// Before an immediate's callback runs (Node's `processImmediate`): `_destroyed` becomes
/// true and `this[kRefed]` null.
pub fn immediate_running(it: &mut Interp, this: &Value) {
    let Value::Object(o) = this else {
        return;
    };
    set_prop(o, "_destroyed", Value::Bool(true));
    if let Some(k) = refed_key(it) {
        o.set_own_data_unchecked(k, Value::Null);
    }
}

/// After an immediate's callback (Node 24's `cleanImmediate`): `_onImmediate` and `_argv`
/// become undefined (the list links stay).
pub fn immediate_ran(this: &Value) {
    if let Value::Object(o) = this {
        set_prop(o, "_onImmediate", Value::Undefined);
        set_prop(o, "_argv", Value::Undefined);
    }
}

/// Node's `clearImmediate`: marks the immediate destroyed and unlinks it from the list.
fn clear_immediate_object(it: &mut Interp, o: &Obj) {
    if matches!(get_prop(o, "_destroyed"), Value::Bool(true)) {
        return;
    }
    set_prop(o, "_destroyed", Value::Bool(true));
    if let Some(k) = refed_key(it) {
        o.set_own_data_unchecked(k, Value::Null);
    }
    // cleanImmediate(immediate).
    set_prop(o, "_onImmediate", Value::Undefined);
    set_prop(o, "_argv", Value::Undefined);
    // ImmediateList.remove(item).
    let next = get_prop(o, "_idleNext");
    let prev = get_prop(o, "_idlePrev");
    if let Value::Object(n) = &next {
        set_prop(n, "_idlePrev", prev.clone());
    }
    if let Value::Object(p) = &prev {
        set_prop(p, "_idleNext", next.clone());
    }
    if it
        .node_mut()
        .timers
        .immediate_tail
        .as_ref()
        .is_some_and(|t| Obj::ptr_eq(t, o))
    {
        it.node_mut().timers.immediate_tail = match prev {
            Value::Object(p) => Some(p),
            _ => None,
        };
    }
    set_prop(o, "_idleNext", Value::Null);
    set_prop(o, "_idlePrev", Value::Null);
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
    let context = it.continuation_data.clone();
    let id = it.node_mut().timers.add(cb, args, delay, repeat, context);
    let o = Obj::new(timeout_proto(a), ObjectKind::HostId(id));
    // The callback gets the Timeout as `this`.
    it.node_mut().timers.set_this(id, Value::Object(o.clone()));
    Ok(Value::Object(o))
}

fn set_timeout(it: &mut Interp, a: &Args) -> JsResult<Value> {
    schedule(it, a, false)
}

fn set_interval(it: &mut Interp, a: &Args) -> JsResult<Value> {
    schedule(it, a, true)
}

/// `setImmediate(callback, ...args)`: an `Immediate` with Node's own properties, linked
/// into the current immediate list.
fn set_immediate(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cb = a.get(0);
    check_callback(it, &cb)?;
    let args: Vec<Value> = a.args.iter().skip(1).cloned().collect();
    let argv = if args.is_empty() {
        Value::Undefined
    } else {
        Value::Object(it.new_array(args.clone()))
    };
    let trigger = it.node_mut().timers.exec_async_id;
    let id = it.node_mut().timers.new_async_id();
    let o = Obj::new(captured_proto(a, "immediateProto"), ObjectKind::HostId(id));
    let context = it.continuation_data.clone();
    it.node_mut()
        .timers
        .add_immediate(id, cb.clone(), args, Value::Object(o.clone()), context);
    let tail = it.node_mut().timers.immediate_tail.take();
    o.define("_idleNext", Value::Null, Attrs::DEFAULT);
    let prev = match &tail {
        Some(t) => {
            set_prop(t, "_idleNext", Value::Object(o.clone()));
            Value::Object(t.clone())
        }
        None => Value::Null,
    };
    o.define("_idlePrev", prev, Attrs::DEFAULT);
    o.define("_onImmediate", cb, Attrs::DEFAULT);
    o.define("_argv", argv, Attrs::DEFAULT);
    o.define("_destroyed", Value::Bool(false), Attrs::DEFAULT);
    if let Some([refed, async_id, trigger_id, context_frame]) =
        it.node_mut().host.immediate_symbols.clone()
    {
        o.define(PropKey::Sym(refed), Value::Bool(true), Attrs::DEFAULT);
        o.define(
            PropKey::Sym(async_id),
            Value::Number(id as f64),
            Attrs::DEFAULT,
        );
        o.define(
            PropKey::Sym(trigger_id),
            Value::Number(trigger as f64),
            Attrs::DEFAULT,
        );
        // Node 24's `initAsyncResource` stores the current AsyncContextFrame.
        o.define(
            PropKey::Sym(context_frame),
            it.continuation_data.clone(),
            Attrs::DEFAULT,
        );
    }
    it.node_mut().timers.immediate_tail = Some(o.clone());
    Ok(Value::Object(o))
}

/// Whether `o` is an `Immediate` (made by `setImmediate`).
fn is_immediate(it: &Interp, o: &Obj) -> bool {
    matches!(o.borrow().kind, ObjectKind::HostId(_))
        && refed_key(it).is_some_and(|k| o.get_own_property(&k).is_some())
}

/// `clearTimeout`/`clearInterval`: a Timeout or its primitive id (an Immediate is left alone,
/// as in Node).
fn clear_timer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    if let Value::Object(o) = &v {
        if is_immediate(it, o) {
            return Ok(Value::Undefined);
        }
    }
    if let Some(id) = timer_id(&v) {
        it.node_mut().timers.clear(id);
    }
    Ok(Value::Undefined)
}

/// `clearImmediate(immediate)`.
fn clear_immediate(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    match &v {
        Value::Object(o) if is_immediate(it, o) => {
            clear_immediate_object(it, o);
            if let Some(id) = timer_id(&v) {
                it.node_mut().timers.clear(id);
            }
        }
        // Node 24: `if (!immediate?._onImmediate || immediate._destroyed) return;`, then it
        // marks and cleans whatever it was given.
        Value::Object(o) => {
            let on = it.get(o, &PropKey::from("_onImmediate"))?;
            let destroyed = it.get(o, &PropKey::from("_destroyed"))?;
            if on.to_boolean() && !destroyed.to_boolean() {
                it.put_v(&v, PropKey::from("_destroyed"), Value::Bool(true), true)?;
                it.put_v(&v, PropKey::from("_onImmediate"), Value::Undefined, true)?;
                it.put_v(&v, PropKey::from("_argv"), Value::Undefined, true)?;
            }
        }
        _ => {}
    }
    Ok(Value::Undefined)
}

/// `queueMicrotask(callback)`: a host job on the microtask queue.
fn queue_microtask(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let f = a.get(0);
    if !it.is_callable(&f) {
        let s = crate::inspect::brief(it, &f);
        return Err(it.type_error(format!(
            "The \"callback\" argument must be of type function. Received {s}"
        )));
    }
    // Node 24's fast path (no AsyncLocalStorage, no hooks) queues the callback as it is: no
    // async id, and it runs with executionAsyncId 0 like a promise job.
    it.enqueue_job(jsgen_engine::interp::jobs::Job::Callback(f, 0));
    Ok(Value::Undefined)
}
