//! Node's timer globals: `setTimeout`, `setInterval`, `setImmediate` and their `clear*`
//! functions, and the `Timeout`/`Immediate` objects they return.

use crate::prelude::*;
use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, Prop, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::{Sym, Value};

pub fn init(it: &mut Interp) {
    let qm = it.native_fn("queueMicrotask", 1, queue_microtask);
    jsgen_engine::builtins::define_global(it, "queueMicrotask", Value::Object(qm));
    let proto = it.new_object();
    // Node's `Timeout.prototype`: the state lives in the object's own properties, as in
    // Node, and the methods keep the scheduler (`event_loop::Timers`) in step.
    it.define_method(&proto, "ref", 0, |it, a| {
        timeout_set_ref(it, a.this, true);
        Ok(a.this.clone())
    });
    it.define_method(&proto, "unref", 0, |it, a| {
        timeout_set_ref(it, a.this, false);
        Ok(a.this.clone())
    });
    it.define_method(&proto, "hasRef", 0, |it, a| {
        let k = refed_key(it);
        Ok(match (a.this, k) {
            (Value::Object(o), Some(k)) => o.get_own_data(&k).unwrap_or_default(),
            _ => Value::Undefined,
        })
    });
    it.define_method(&proto, "refresh", 0, |it, a| {
        if let Value::Object(o) = a.this {
            timeout_refresh(it, o)?;
        }
        Ok(a.this.clone())
    });
    it.define_method(&proto, "close", 0, |it, a| {
        clear_timeout_value(it, a.this)?;
        Ok(a.this.clone())
    });
    let sym = it.symbols.to_primitive.clone();
    it.define_symbol_method(&proto, &sym, "[Symbol.toPrimitive]", 0, |it, a| {
        let Value::Object(o) = a.this else {
            return Ok(Value::Undefined);
        };
        let id = get_sym(it, o, 1);
        if !matches!(get_sym(it, o, 4), Value::Bool(true)) {
            set_sym(it, o, 4, Value::Bool(true));
            if let Some(n) = async_id_of(&id) {
                it.node_mut().timers.lists.known_by_id.insert(n, o.clone());
            }
        }
        Ok(id)
    });
    let custom = inspect_custom_symbol(it);
    it.define_symbol_method(
        &proto,
        &custom,
        "[nodejs.util.inspect.custom]",
        2,
        inspect_one_level,
    );
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
        Sym::new(Some(JsStr::from("kHasPrimitive"))),
    ];
    it.node_mut().host.immediate_symbols = Some(syms);
    // Node's `TimersList` (one list of timeouts per duration), shown one level deep.
    let lproto = it.new_object();
    let lctor = it.native_fn("TimersList", 2, |it, _| {
        Err(it.type_error("Illegal constructor"))
    });
    jsgen_engine::builtins::link_ctor_proto(&lctor, &lproto);
    it.define_symbol_method(
        &lproto,
        &custom,
        "[nodejs.util.inspect.custom]",
        2,
        inspect_one_level,
    );
    it.node_mut().timers.lists.proto = Some(lproto);
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
    sym_key(it, 0)
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

/// The own properties of timer objects this file reads and writes (Node's names), made once
/// per thread: each is set or read a few times per timer.
#[derive(Clone, Copy)]
enum K {
    IdleTimeout,
    IdlePrev,
    IdleNext,
    IdleStart,
    OnTimeout,
    TimerArgs,
    Repeat,
    Destroyed,
    Expiry,
    Id,
    Msecs,
    Position,
    OnImmediate,
    Argv,
}

const KEY_NAMES: [&str; 14] = [
    "_idleTimeout",
    "_idlePrev",
    "_idleNext",
    "_idleStart",
    "_onTimeout",
    "_timerArgs",
    "_repeat",
    "_destroyed",
    "expiry",
    "id",
    "msecs",
    "priorityQueuePosition",
    "_onImmediate",
    "_argv",
];

thread_local! {
    static KEYS: [PropKey; 14] = KEY_NAMES.map(PropKey::from);
}

fn key(k: K) -> PropKey {
    KEYS.with(|t| t[k as usize].clone())
}

fn set_prop(o: &Obj, k: K, v: Value) {
    o.set_own_data_unchecked(key(k), v);
}

fn get_prop(o: &Obj, k: K) -> Value {
    KEYS.with(|t| o.get_own_data(&t[k as usize]))
        .unwrap_or_default()
}

/// Before an immediate's callback runs (Node's `processImmediate`): `_destroyed` becomes
/// true and `this[kRefed]` null.
pub fn immediate_running(it: &mut Interp, this: &Value) {
    let Value::Object(o) = this else {
        return;
    };
    set_prop(o, K::Destroyed, Value::Bool(true));
    if let Some(k) = refed_key(it) {
        o.set_own_data_unchecked(k, Value::Null);
    }
}

/// After an immediate's callback (Node 24's `cleanImmediate`): `_onImmediate` and `_argv`
/// become undefined (the list links stay).
pub fn immediate_ran(this: &Value) {
    if let Value::Object(o) = this {
        set_prop(o, K::OnImmediate, Value::Undefined);
        set_prop(o, K::Argv, Value::Undefined);
    }
}

/// Node's `clearImmediate`: marks the immediate destroyed and unlinks it from the list.
fn clear_immediate_object(it: &mut Interp, o: &Obj) {
    if matches!(get_prop(o, K::Destroyed), Value::Bool(true)) {
        return;
    }
    set_prop(o, K::Destroyed, Value::Bool(true));
    if let Some(k) = refed_key(it) {
        o.set_own_data_unchecked(k, Value::Null);
    }
    // cleanImmediate(immediate).
    set_prop(o, K::OnImmediate, Value::Undefined);
    set_prop(o, K::Argv, Value::Undefined);
    // ImmediateList.remove(item).
    let next = get_prop(o, K::IdleNext);
    let prev = get_prop(o, K::IdlePrev);
    if let Value::Object(n) = &next {
        set_prop(n, K::IdlePrev, prev.clone());
    }
    if let Value::Object(p) = &prev {
        set_prop(p, K::IdleNext, next.clone());
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
    set_prop(o, K::IdleNext, Value::Null);
    set_prop(o, K::IdlePrev, Value::Null);
}

fn check_callback(it: &mut Interp, f: &Value) -> JsResult<()> {
    if !it.is_callable(f) {
        return Err(crate::process::invalid_arg_type(
            it,
            "callback",
            "of type function",
            f,
        ));
    }
    Ok(())
}

/// `TIMEOUT_MAX`: a longer (or negative, or NaN) duration becomes 1 ms.
const TIMEOUT_MAX: f64 = 2147483647.0;

/// `setTimeout`/`setInterval`: Node's `new Timeout(callback, after, args, isRepeat, true)`
/// followed by `insert(timeout, timeout._idleTimeout)`.
fn schedule(it: &mut Interp, a: &Args, repeat: bool) -> JsResult<Value> {
    let cb = a.get(0);
    check_callback(it, &cb)?;
    // `after *= 1`, except that an undefined duration is 1 with no warning (rxjs calls
    // `setTimeout(handler, undefined)`): the warnings come first, as the constructor emits
    // them.
    let mut after = match a.get(1) {
        Value::Undefined => 1.0,
        v => it.to_number(&v)?,
    };
    if !(1.0..=TIMEOUT_MAX).contains(&after) {
        duration_warning(it, after)?;
        after = 1.0;
    }
    let args: Vec<Value> = a.args.iter().skip(2).cloned().collect();
    let timer_args = if a.args.len() > 2 {
        Value::Object(it.new_array(args.clone()))
    } else {
        Value::Undefined
    };
    let context = it.continuation_data.clone();
    let trigger = it.node_mut().timers.exec_async_id;
    let id = it
        .node_mut()
        .timers
        .add(cb.clone(), args, after, repeat, context.clone());
    let o = Obj::new(timeout_proto(a), ObjectKind::HostId(id));
    // The callback gets the Timeout as `this`.
    it.node_mut().timers.set_this(id, Value::Object(o.clone()));
    let me = Value::Object(o.clone());
    let period = if repeat {
        Value::Number(after)
    } else {
        Value::Null
    };
    // The constructor's properties, in its order, on the new object: pushed without the
    // search `define` makes for an existing key.
    let mut props = vec![
        (key(K::IdleTimeout), Value::Number(after)),
        (key(K::IdlePrev), me.clone()),
        (key(K::IdleNext), me),
        (key(K::IdleStart), Value::Null),
        (key(K::OnTimeout), cb),
        (key(K::TimerArgs), timer_args),
        (key(K::Repeat), period),
        (key(K::Destroyed), Value::Bool(false)),
    ];
    if let Some([refed, async_id, trigger_id, context_frame, has_primitive]) =
        it.node_mut().host.immediate_symbols.clone()
    {
        props.extend([
            (PropKey::Sym(refed), Value::Bool(true)),
            (PropKey::Sym(has_primitive), Value::Bool(false)),
            (PropKey::Sym(async_id), Value::Number(id as f64)),
            (PropKey::Sym(trigger_id), Value::Number(trigger as f64)),
            (PropKey::Sym(context_frame), context),
        ]);
    }
    {
        let map = &mut o.borrow_mut().props;
        map.reserve(props.len());
        for (k, v) in props {
            map.push_new(k, Prop::data(v, Attrs::DEFAULT));
        }
    }
    let start = it.node_mut().timers.loop_now().floor();
    list_insert(it, &o, after.trunc(), start);
    Ok(Value::Object(o))
}

/// The constructor's warning for a duration it replaces by 1 (Node's `Timeout`).
fn duration_warning(it: &mut Interp, after: f64) -> JsResult<()> {
    let shown = jsgen_engine::value::number_to_string(after);
    let (msg, kind) = if after > TIMEOUT_MAX {
        (
            format!("{shown} does not fit into a 32-bit signed integer."),
            "TimeoutOverflowWarning",
        )
    } else if after < 0.0 {
        (
            format!("{shown} is a negative number."),
            "TimeoutNegativeWarning",
        )
    } else if after.is_nan() {
        (format!("{shown} is not a number."), "TimeoutNaNWarning")
    } else {
        // 0 <= after < 1: silently 1.
        return Ok(());
    };
    let Some(p) = it.node().host.process.clone() else {
        return Ok(());
    };
    let emit = it.get(&p, &jsgen_engine::static_key!("emitWarning"))?;
    if it.is_callable(&emit) {
        let msg = format!("{msg}\nTimeout duration was set to 1.");
        it.call(
            &emit,
            &Value::Object(p),
            &[Value::from(msg.as_str()), Value::from(kind)],
        )?;
    }
    Ok(())
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
            set_prop(t, K::IdleNext, Value::Object(o.clone()));
            Value::Object(t.clone())
        }
        None => Value::Null,
    };
    o.define("_idlePrev", prev, Attrs::DEFAULT);
    o.define("_onImmediate", cb, Attrs::DEFAULT);
    o.define("_argv", argv, Attrs::DEFAULT);
    o.define("_destroyed", Value::Bool(false), Attrs::DEFAULT);
    if let Some([refed, async_id, trigger_id, context_frame, _]) =
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

/// `clearTimeout`/`clearInterval` (one function in Node).
fn clear_timer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    clear_timeout_value(it, &a.get(0))?;
    Ok(Value::Undefined)
}

/// Node's `clearTimeout(timer)`: a timeout whose `_onTimeout` is set loses it and is
/// unenrolled; a number or string is looked up among the timeouts that were converted to a
/// primitive (`+timeout`), as only those are in Node's `knownTimersById`.
fn clear_timeout_value(it: &mut Interp, v: &Value) -> JsResult<()> {
    if let Value::Object(o) = v {
        if is_timeout(o) {
            if get_prop(o, K::OnTimeout).to_boolean() {
                set_prop(o, K::OnTimeout, Value::Null);
                unenroll(it, o);
            }
            return Ok(());
        }
        // Another object with an `_onTimeout` (Node unenrolls whatever it is given).
        let on = it.get(o, &jsgen_engine::static_key!("_onTimeout"))?;
        if on.to_boolean() {
            it.put_v(
                v,
                jsgen_engine::static_key!("_onTimeout"),
                Value::Null,
                true,
            )?;
        }
        return Ok(());
    }
    let key = match v {
        Value::Number(_) | Value::String(_) => it.to_string(v)?.to_rust_string(),
        _ => return Ok(()),
    };
    let known = key
        .parse::<u64>()
        .ok()
        .filter(|n| n.to_string() == key)
        .and_then(|n| it.node_mut().timers.lists.known_by_id.get(&n).cloned());
    if let Some(o) = known {
        set_prop(&o, K::IdleTimeout, Value::Number(-1.0));
        unenroll(it, &o);
    }
    Ok(())
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
            let on = it.get(o, &jsgen_engine::static_key!("_onImmediate"))?;
            let destroyed = it.get(o, &jsgen_engine::static_key!("_destroyed"))?;
            if on.to_boolean() && !destroyed.to_boolean() {
                it.put_v(
                    &v,
                    jsgen_engine::static_key!("_destroyed"),
                    Value::Bool(true),
                    true,
                )?;
                it.put_v(
                    &v,
                    jsgen_engine::static_key!("_onImmediate"),
                    Value::Undefined,
                    true,
                )?;
                it.put_v(
                    &v,
                    jsgen_engine::static_key!("_argv"),
                    Value::Undefined,
                    true,
                )?;
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
        return Err(crate::process::invalid_arg_type(
            it,
            "callback",
            "of type function",
            &f,
        ));
    }
    // Node 24's fast path (no AsyncLocalStorage, no hooks) queues the callback as it is: no
    // async id, and it runs with executionAsyncId 0 like a promise job.
    it.enqueue_job(jsgen_engine::interp::jobs::Job::Callback(f, 0));
    Ok(Value::Undefined)
}

// ---- Node's timer lists, mirrored ---------------------------------------------------------
//
// `event_loop::Timers` decides when callbacks run. What a script can see of a `Timeout` —
// `_idlePrev`/`_idleNext` (its place in the `TimersList` of its duration), `_idleStart`,
// `_destroyed`, `_onTimeout` after a clear — is kept here as Node's `lib/internal/timers.js`
// keeps it: one circular list per duration (newest first after the list head), the lists in
// a binary heap ordered by (expiry, id) whose positions are `priorityQueuePosition`.

/// The lists of Node's `timerListMap` and `timerListQueue`.
pub struct TimerLists {
    /// `TimersList.prototype`.
    pub proto: Option<Obj>,
    /// `timerListMap`: truncated duration → list.
    map: rustc_hash::FxHashMap<u64, Obj>,
    /// `timerListQueue`'s heap (index 0 unused, as Node's is 1-based).
    heap: Vec<Obj>,
    /// `timerListId`, from `Number.MIN_SAFE_INTEGER`.
    next_list_id: f64,
    /// `knownTimersById`: timeouts converted to a primitive, by async id.
    pub known_by_id: rustc_hash::FxHashMap<u64, Obj>,
}

impl Default for TimerLists {
    fn default() -> Self {
        TimerLists {
            proto: None,
            map: Default::default(),
            heap: Vec::new(),
            next_list_id: -9007199254740991.0,
            known_by_id: Default::default(),
        }
    }
}

/// Whether `o` is a `Timeout` made by `setTimeout`/`setInterval`.
fn is_timeout(o: &Obj) -> bool {
    matches!(o.borrow().kind, ObjectKind::HostId(_))
        && o.get_own_property(&jsgen_engine::static_key!("_idleTimeout"))
            .is_some()
}

/// The timeout `this` when it is one.
fn as_timeout(v: &Value) -> Option<&Obj> {
    match v {
        Value::Object(o) if is_timeout(o) => Some(o),
        _ => None,
    }
}

/// `Symbol.for('nodejs.util.inspect.custom')`.
pub(crate) fn inspect_custom_symbol(it: &mut Interp) -> Sym {
    let key = JsStr::from("nodejs.util.inspect.custom");
    if let Some(s) = it.symbol_registry.get(&key) {
        return s.clone();
    }
    let s = Sym::new(Some(key.clone()));
    it.symbol_registry.insert(key, s.clone());
    s
}

/// `Timeout.prototype[inspect.custom]` and `TimersList.prototype[inspect.custom]`:
/// `inspect(this, { ...options, depth: 0, customInspect: false })`.
fn inspect_one_level(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut opts = crate::inspect::InspectOptions::current(it)?;
    opts.apply_object(it, &a.get(1))?;
    opts.depth = Some(0.0);
    opts.custom_inspect = false;
    let s = crate::inspect::inspect_with(it, a.this, &opts)?;
    Ok(Value::from(s.as_str()))
}

/// The timer symbol at `i` of `immediate_symbols` (0 refed, 1 asyncId, 2 triggerId,
/// 3 kAsyncContextFrame, 4 kHasPrimitive).
fn sym_key(it: &Interp, i: usize) -> Option<PropKey> {
    it.node()
        .host
        .immediate_symbols
        .as_ref()
        .map(|s| PropKey::Sym(s[i].clone()))
}

fn get_sym(it: &Interp, o: &Obj, i: usize) -> Value {
    sym_key(it, i)
        .and_then(|k| o.get_own_data(&k))
        .unwrap_or_default()
}

fn set_sym(it: &Interp, o: &Obj, i: usize, v: Value) {
    if let Some(k) = sym_key(it, i) {
        o.set_own_data_unchecked(k, v);
    }
}

fn async_id_of(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 => Some(*n as u64),
        _ => None,
    }
}

fn num(o: &Obj, k: K) -> f64 {
    match get_prop(o, k) {
        Value::Number(n) => n,
        _ => f64::NAN,
    }
}

/// `compareTimersLists(a, b) < 0`.
fn list_before(a: &Obj, b: &Obj) -> bool {
    let d = num(a, K::Expiry) - num(b, K::Expiry);
    if d == 0.0 {
        return num(a, K::Id) < num(b, K::Id);
    }
    d < 0.0
}

fn set_position(o: &Obj, pos: usize) {
    set_prop(o, K::Position, Value::Number(pos as f64));
}

impl TimerLists {
    fn percolate_up(&mut self, mut pos: usize) {
        let item = self.heap[pos].clone();
        while pos > 1 {
            let parent = self.heap[pos / 2].clone();
            if !list_before(&item, &parent) {
                break;
            }
            set_position(&parent, pos);
            self.heap[pos] = parent;
            pos /= 2;
        }
        set_position(&item, pos);
        self.heap[pos] = item;
    }

    fn percolate_down(&mut self, mut pos: usize) {
        let size = self.heap.len() - 1;
        let item = self.heap[pos].clone();
        while pos <= size / 2 {
            let mut child = pos * 2;
            if child < size && list_before(&self.heap[child + 1], &self.heap[child]) {
                child += 1;
            }
            let child_item = self.heap[child].clone();
            if !list_before(&child_item, &item) {
                break;
            }
            set_position(&child_item, pos);
            self.heap[pos] = child_item;
            pos = child;
        }
        set_position(&item, pos);
        self.heap[pos] = item;
    }

    fn heap_insert(&mut self, list: Obj) {
        if self.heap.is_empty() {
            self.heap.push(list.clone());
        }
        self.heap.push(list);
        let pos = self.heap.len() - 1;
        self.percolate_up(pos);
    }

    fn heap_remove(&mut self, list: &Obj) {
        let Some(pos) = (1..self.heap.len()).find(|&i| Obj::ptr_eq(&self.heap[i], list)) else {
            return;
        };
        let last = self.heap.pop();
        let size = self.heap.len() - 1;
        if pos <= size {
            if let Some(last) = last {
                self.heap[pos] = last;
            }
            if pos > 1 && list_before(&self.heap[pos], &self.heap[pos / 2]) {
                self.percolate_up(pos);
            } else {
                self.percolate_down(pos);
            }
        }
        if size == 0 {
            self.heap.clear();
        }
    }

    fn new_list_id(&mut self) -> f64 {
        let id = self.next_list_id;
        self.next_list_id += 1.0;
        id
    }
}

/// Node's `insert(item, msecs, start)`: the timeout goes to the front of its duration's
/// list (a new list when there is none).
fn list_insert(it: &mut Interp, o: &Obj, msecs: f64, start: f64) {
    set_prop(o, K::IdleStart, Value::Number(start));
    let key = msecs as u64;
    let list = match it.node_mut().timers.lists.map.get(&key).cloned() {
        Some(l) => l,
        None => {
            let lists = &mut it.node_mut().timers.lists;
            let l = Obj::new(lists.proto.clone(), ObjectKind::Ordinary);
            let id = lists.new_list_id();
            l.define("_idleNext", Value::Object(l.clone()), Attrs::DEFAULT);
            l.define("_idlePrev", Value::Object(l.clone()), Attrs::DEFAULT);
            l.define("expiry", Value::Number(start + msecs), Attrs::DEFAULT);
            l.define("id", Value::Number(id), Attrs::DEFAULT);
            l.define("msecs", Value::Number(msecs), Attrs::DEFAULT);
            l.define("priorityQueuePosition", Value::Null, Attrs::DEFAULT);
            lists.map.insert(key, l.clone());
            lists.heap_insert(l.clone());
            l
        }
    };
    list_append(&list, o);
}

fn is_linked(o: &Obj) -> bool {
    matches!(get_prop(o, K::IdleNext), Value::Object(_))
        || matches!(get_prop(o, K::IdlePrev), Value::Object(_))
}

/// `L.append(list, item)` of `internal/linkedlist`.
fn list_append(list: &Obj, item: &Obj) {
    if is_linked(item) {
        list_remove(item);
    }
    let first = get_prop(list, K::IdleNext);
    set_prop(item, K::IdleNext, first.clone());
    set_prop(item, K::IdlePrev, Value::Object(list.clone()));
    if let Value::Object(f) = &first {
        set_prop(f, K::IdlePrev, Value::Object(item.clone()));
    }
    set_prop(list, K::IdleNext, Value::Object(item.clone()));
}

/// `L.remove(item)`.
fn list_remove(item: &Obj) {
    let next = get_prop(item, K::IdleNext);
    let prev = get_prop(item, K::IdlePrev);
    if let Value::Object(n) = &next {
        set_prop(n, K::IdlePrev, prev.clone());
    }
    if let Value::Object(p) = &prev {
        set_prop(p, K::IdleNext, next);
    }
    set_prop(item, K::IdleNext, Value::Null);
    set_prop(item, K::IdlePrev, Value::Null);
}

/// The list a timeout of `_idleTimeout` `d` belongs to.
fn list_of(it: &mut Interp, d: f64) -> Option<Obj> {
    if d.is_nan() || d < 0.0 {
        return None;
    }
    it.node_mut()
        .timers
        .lists
        .map
        .get(&(d.trunc() as u64))
        .cloned()
}

fn list_is_empty(list: &Obj) -> bool {
    matches!(get_prop(list, K::IdleNext), Value::Object(n) if Obj::ptr_eq(&n, list))
}

/// Drops an empty list from `timerListMap` and the queue.
fn drop_list(it: &mut Interp, list: &Obj) {
    let lists = &mut it.node_mut().timers.lists;
    let key = num(list, K::Msecs) as u64;
    if lists.map.get(&key).is_some_and(|l| Obj::ptr_eq(l, list)) {
        lists.map.remove(&key);
    }
    lists.heap_remove(list);
}

/// Node's `unenroll(item)` (clearTimeout, `close`).
fn unenroll(it: &mut Interp, o: &Obj) {
    if get_prop(o, K::Destroyed).to_boolean() {
        return;
    }
    set_prop(o, K::Destroyed, Value::Bool(true));
    if get_sym(it, o, 4).to_boolean() {
        if let Some(n) = async_id_of(&get_sym(it, o, 1)) {
            it.node_mut().timers.lists.known_by_id.remove(&n);
        }
    }
    let was_enrolled = is_linked(o);
    list_remove(o);
    if get_sym(it, o, 0).to_boolean() {
        if let Some(list) = list_of(it, num(o, K::IdleTimeout)) {
            if list_is_empty(&list) {
                drop_list(it, &list);
            }
        }
    }
    if was_enrolled {
        set_prop(o, K::OnTimeout, Value::Undefined);
        set_prop(o, K::TimerArgs, Value::Undefined);
    }
    set_prop(o, K::IdleTimeout, Value::Number(-1.0));
    if let Some(id) = timer_id(&Value::Object(o.clone())) {
        it.node_mut().timers.clear(id);
    }
}

/// `Timeout.prototype.ref/unref`.
fn timeout_set_ref(it: &mut Interp, this: &Value, refed: bool) {
    let Some(o) = as_timeout(this) else {
        return;
    };
    if get_sym(it, o, 0).to_boolean() != refed {
        set_sym(it, o, 0, Value::Bool(refed));
    }
    if let Some(id) = timer_id(this) {
        it.node_mut().timers.set_ref(id, refed);
    }
}

/// `Timeout.prototype.refresh`: Node's `insertGuarded` — back to the front of its list with
/// a new start; a timeout that already ran or was closed is scheduled again under a new
/// async id, unless a clear set its duration to -1.
fn timeout_refresh(it: &mut Interp, o: &Obj) -> JsResult<()> {
    if !is_timeout(o) {
        return Ok(());
    }
    let msecs = num(o, K::IdleTimeout);
    if msecs.is_nan() || msecs < 0.0 {
        return Ok(());
    }
    let start = it.node_mut().timers.loop_now().floor();
    let refed = get_sym(it, o, 0).to_boolean();
    let this = Value::Object(o.clone());
    if get_prop(o, K::Destroyed).to_boolean() {
        set_prop(o, K::Destroyed, Value::Bool(false));
        let cb = get_prop(o, K::OnTimeout);
        let args = match get_prop(o, K::TimerArgs) {
            Value::Undefined => Vec::new(),
            v => it.create_list_from_array_like(&v)?,
        };
        let repeat = !matches!(get_prop(o, K::Repeat), Value::Null | Value::Undefined);
        let context = it.continuation_data.clone();
        let trigger = it.node_mut().timers.exec_async_id;
        let id = it.node_mut().timers.add(cb, args, msecs, repeat, context);
        o.borrow_mut().kind = ObjectKind::HostId(id);
        it.node_mut().timers.set_this(id, this);
        it.node_mut().timers.set_ref(id, refed);
        set_sym(it, o, 1, Value::Number(id as f64));
        set_sym(it, o, 2, Value::Number(trigger as f64));
    } else if let Some(id) = timer_id(&this) {
        it.node_mut().timers.refresh(id);
    }
    list_insert(it, o, msecs.trunc(), start);
    Ok(())
}

/// What the timers phase does with a due timer (see [`timeout_firing`]).
pub enum Firing {
    /// Not a `Timeout` object: call what the scheduler holds.
    Scheduled,
    /// `_onTimeout` was emptied: nothing runs and the timer is done.
    Skip,
    /// Call this callback with these arguments; `start` is Node's loop time before it.
    Call(Value, Vec<Value>, f64),
}

/// What `listOnTimeout` does before calling a timeout: `L.remove(timer)`, then the
/// callback and arguments as the object holds them (Node reads `_onTimeout` and
/// `_timerArgs` there, so a script may replace them).
pub fn timeout_firing(it: &mut Interp, this: &Value) -> JsResult<Firing> {
    let Some(o) = as_timeout(this) else {
        return Ok(Firing::Scheduled);
    };
    list_remove(o);
    let start = it.node_mut().timers.loop_now().floor();
    let cb = get_prop(o, K::OnTimeout);
    if !cb.to_boolean() {
        if !get_prop(o, K::Destroyed).to_boolean() {
            set_prop(o, K::Destroyed, Value::Bool(true));
        }
        return Ok(Firing::Skip);
    }
    let args = match get_prop(o, K::TimerArgs) {
        Value::Undefined => Vec::new(),
        v => it.create_list_from_array_like(&v)?,
    };
    Ok(Firing::Call(cb, args, start))
}

/// What `listOnTimeout` does after the callback: an interval goes back into its list from
/// `start`; a timeout that was not rescheduled is destroyed. Its list is dropped once empty,
/// or waits for its next timeout (a new expiry and id) when that is not due yet.
pub fn timeout_fired(it: &mut Interp, this: &Value, start: f64, now: f64) {
    let Some(o) = as_timeout(this) else {
        return;
    };
    let msecs = num(o, K::IdleTimeout);
    let list = list_of(it, msecs);
    let repeat = get_prop(o, K::Repeat);
    if repeat.to_boolean() && msecs != -1.0 {
        set_prop(o, K::IdleTimeout, repeat.clone());
        if let Value::Number(r) = repeat {
            list_insert(it, o, r.trunc(), start);
        }
    } else if !is_linked(o) && !get_prop(o, K::Destroyed).to_boolean() {
        set_prop(o, K::Destroyed, Value::Bool(true));
        if get_sym(it, o, 4).to_boolean() {
            if let Some(n) = async_id_of(&get_sym(it, o, 1)) {
                it.node_mut().timers.lists.known_by_id.remove(&n);
            }
        }
    }
    let Some(list) = list else {
        return;
    };
    if list_is_empty(&list) {
        drop_list(it, &list);
        return;
    }
    // `L.peek(list)`: the oldest timeout, just before the list head.
    if let Value::Object(oldest) = get_prop(&list, K::IdlePrev) {
        let due = num(&oldest, K::IdleStart) + num(&list, K::Msecs);
        if due > now.floor() {
            set_prop(&list, K::Expiry, Value::Number(due.max(now.floor() + 1.0)));
            let lists = &mut it.node_mut().timers.lists;
            let id = lists.new_list_id();
            set_prop(&list, K::Id, Value::Number(id));
            if let Value::Number(p) = get_prop(&list, K::Position) {
                let p = p as usize;
                if p >= 1 && p < lists.heap.len() && Obj::ptr_eq(&lists.heap[p], &list) {
                    lists.percolate_down(p);
                }
            }
        }
    }
}
