//! `Error` and the NativeError constructors (`TypeError`, `RangeError`, ...), `AggregateError`,
//! `SuppressedError`, `Error.prototype.toString`, and V8's `Error.captureStackTrace` / `Error.stackTraceLimit`.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropertyDescriptor};
use crate::string::JsStr;
use crate::value::Value;

/// Which intrinsic prototype an error constructor creates instances of (its captured index).
const KINDS: [&str; 9] = [
    "Error",
    "TypeError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "EvalError",
    "URIError",
    "AggregateError",
    "SuppressedError",
];

fn proto_for(it: &Interp, kind: usize) -> Obj {
    let i = &it.intrinsics;
    match kind {
        1 => i.type_error_prototype.clone(),
        2 => i.range_error_prototype.clone(),
        3 => i.reference_error_prototype.clone(),
        4 => i.syntax_error_prototype.clone(),
        5 => i.eval_error_prototype.clone(),
        6 => i.uri_error_prototype.clone(),
        7 => i.aggregate_error_prototype.clone(),
        8 => i.suppressed_error_prototype.clone(),
        _ => i.error_prototype.clone(),
    }
}

pub fn init(it: &mut Interp) {
    // %Error%.
    let error_proto = it.intrinsics.error_prototype.clone();
    let error_ctor = it.native_fn_with("Error", 1, error_constructor, true, vec![Value::from(0.0)]);
    super::link_ctor_proto(&error_ctor, &error_proto);
    error_proto.define("name", Value::from("Error"), Attrs::HIDDEN);
    error_proto.define("message", Value::from(""), Attrs::HIDDEN);
    it.intrinsics.error_proto_to_string =
        it.define_method_obj(&error_proto, "toString", 0, error_proto_to_string);
    // V8 13.6's accessor pair behind every error's own `stack` (anonymous functions).
    it.intrinsics.error_stack_get = it.native_fn("", 0, |it, a| it.error_stack_getter(a.this));
    it.intrinsics.error_stack_set = it.native_fn("", 1, |it, a| {
        it.error_stack_setter(a.this, a.get(0));
        Ok(Value::Undefined)
    });
    it.define_method(
        &error_ctor,
        "captureStackTrace",
        2,
        error_capture_stack_trace,
    );
    // Node's default `Error.prepareStackTrace` (V8's stack trace API: a function stored
    // there formats the stacks, see `Interp::materialize_stack`).
    let prepare = it.native_fn("ErrorPrepareStackTrace", 2, error_prepare_stack_trace);
    error_ctor.define(
        "prepareStackTrace",
        Value::Object(prepare.clone()),
        Attrs::HIDDEN,
    );
    it.intrinsics.error_prepare_stack_trace = prepare;
    it.intrinsics.error_ctor = error_ctor.clone();
    it.define_method(&error_ctor, "isError", 1, error_is_error);
    error_ctor.define("stackTraceLimit", Value::from(10.0), Attrs::DEFAULT);
    super::define_global(it, "Error", Value::Object(error_ctor.clone()));

    // The NativeErrors and AggregateError: [[Prototype]] of each constructor is %Error%.
    for (kind, name) in KINDS.iter().enumerate().skip(1) {
        let proto = proto_for(it, kind);
        let (f, len): (crate::interp::NativeFn, u32) = match kind {
            7 => (aggregate_error_constructor, 2),
            8 => (suppressed_error_constructor, 3),
            _ => (error_constructor, 1),
        };
        let ctor = it.native_fn_with(name, len, f, true, vec![Value::from(kind as f64)]);
        ctor.borrow_mut().proto = Some(error_ctor.clone());
        super::link_ctor_proto(&ctor, &proto);
        proto.define("name", Value::from(*name), Attrs::HIDDEN);
        proto.define("message", Value::from(""), Attrs::HIDDEN);
        super::define_global(it, name, Value::Object(ctor));
    }
}

/// The captured intrinsic kind of the running error constructor.
fn callee_kind(a: &Args) -> usize {
    if let ObjectKind::Native(n) = &a.callee.borrow().kind {
        if let Some(Value::Number(k)) = n.captures.first() {
            return *k as usize;
        }
    }
    0
}

/// The name of a function object as stack frames show it.
fn frame_name(f: &Obj) -> Option<JsStr> {
    match &f.borrow().kind {
        ObjectKind::Closure(c) => Some(c.name.clone()),
        ObjectKind::Native(n) => Some(n.name.clone()),
        _ => None,
    }
}

/// Runs `f` with the top `skip` frames of the call stack hidden.
fn with_frames_hidden<T>(it: &mut Interp, skip: usize, f: impl FnOnce(&mut Interp) -> T) -> T {
    let keep = it.stack.len().saturating_sub(skip);
    let hidden = it.stack.split_off(keep);
    let r = f(it);
    it.stack.extend(hidden);
    r
}

/// How many frames to leave out of an error's stack: the running built-in's own frame and,
/// when `new.target` is another constructor (`class E extends Error`, `Reflect.construct`),
/// every frame up to and including `new.target`'s (V8's `SKIP_UNTIL_SEEN`: the trace starts
/// at the caller of `new E()`, and is empty when `new.target` is not running).
fn frames_to_skip(it: &Interp, callee: &Obj, new_target: Option<&Obj>) -> usize {
    let skip = 1;
    let Some(nt) = new_target else {
        return skip;
    };
    if Obj::ptr_eq(nt, callee) {
        return skip;
    }
    // Frames do not keep their function: `new.target`'s is the nearest construct frame
    // (`new`/`super()`) with its name.
    let frames = &it.stack;
    let Some(name) = frame_name(nt) else {
        return frames.len();
    };
    (skip..frames.len())
        .find(|&i| {
            let e = &frames[frames.len() - 1 - i];
            e.construct && e.name.units() == name.units()
        })
        .map_or(frames.len(), |i| i + 1)
}

/// Steps shared by the Error constructors: OrdinaryCreateFromConstructor, the message, the
/// `stack`, and InstallErrorCause.
fn create_error(it: &mut Interp, a: &Args, message: &Value, options: &Value) -> JsResult<Obj> {
    let kind = callee_kind(a);
    // 1. If NewTarget is undefined, let newTarget be the active function object.
    let nt = a.new_target.cloned().unwrap_or_else(|| a.callee.clone());
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%").
    let proto = it.get_prototype_from_constructor(&nt, |i| match kind {
        1 => i.type_error_prototype.clone(),
        2 => i.range_error_prototype.clone(),
        3 => i.reference_error_prototype.clone(),
        4 => i.syntax_error_prototype.clone(),
        5 => i.eval_error_prototype.clone(),
        6 => i.uri_error_prototype.clone(),
        7 => i.aggregate_error_prototype.clone(),
        8 => i.suppressed_error_prototype.clone(),
        _ => i.error_prototype.clone(),
    })?;
    let o = Obj::new(Some(proto.clone()), ObjectKind::Error);
    // 3. If message is not undefined: msg = ? ToString(message).
    let msg = if message.is_undefined() {
        None
    } else {
        Some(it.to_string(message)?)
    };
    // V8 captures the stack when the object is created: `stack` is the first own property.
    // Its text is formatted on first read (`error_stack.rs`), with the name and message the
    // error has then.
    let skip = frames_to_skip(it, a.callee, a.new_target);
    with_frames_hidden(it, skip, |it| it.install_lazy_stack(&o));
    // 3.b. CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
    if let Some(msg) = msg {
        o.define("message", Value::String(msg), Attrs::HIDDEN);
    }
    // 4. Perform ? InstallErrorCause(O, options).
    install_error_cause(it, &o, options)?;
    Ok(o)
}

/// InstallErrorCause(O, options).
fn install_error_cause(it: &mut Interp, o: &Obj, options: &Value) -> JsResult<()> {
    if let Value::Object(opts) = options {
        let k = static_key!("cause");
        if it.has_property(opts, &k)? {
            let cause = it.get(opts, &k)?;
            o.define("cause", cause, Attrs::HIDDEN);
        }
    }
    Ok(())
}

/// Error(message, options) and NativeError(message, options).
fn error_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = create_error(it, a, &a.get(0), &a.get(1))?;
    Ok(Value::Object(o))
}

/// AggregateError(errors, message, options).
fn aggregate_error_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = create_error(it, a, &a.get(1), &a.get(2))?;
    // 5. Let errorsList be ? IterableToList(errors).
    let errors = it.iterable_to_list(&a.get(0))?;
    // 6. DefinePropertyOrThrow(O, "errors", non-enumerable CreateArrayFromList(errorsList)).
    let arr = it.new_array(errors);
    o.define("errors", Value::Object(arr), Attrs::HIDDEN);
    Ok(Value::Object(o))
}

/// SuppressedError(error, suppressed, message): no options (so no `cause`).
fn suppressed_error_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. OrdinaryCreateFromConstructor, then the message.
    let o = create_error(it, a, &a.get(2), &Value::Undefined)?;
    // 4-5. CreateNonEnumerableDataPropertyOrThrow(O, "error"/"suppressed", ...).
    o.define("error", a.get(0), Attrs::HIDDEN);
    o.define("suppressed", a.get(1), Attrs::HIDDEN);
    Ok(Value::Object(o))
}

/// Error.prototype.toString().
fn error_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = a.this else {
        let s = it.to_string_lossy(a.this);
        return Err(it.type_error(format!(
            "Method Error.prototype.toString called on incompatible receiver {s}"
        )));
    };
    Ok(Value::String(error_to_string(it, o)?))
}

/// The steps of Error.prototype.toString on an object.
pub fn error_to_string(it: &mut Interp, o: &Obj) -> JsResult<JsStr> {
    // 3-4. name: undefined → "Error", else ? ToString(name).
    let name = it.get(o, &static_key!("name"))?;
    let name = if name.is_undefined() {
        JsStr::intern("Error")
    } else {
        it.to_string(&name)?
    };
    // 5-6. msg: undefined → "", else ? ToString(msg).
    let msg = it.get(o, &static_key!("message"))?;
    let msg = if msg.is_undefined() {
        JsStr::empty()
    } else {
        it.to_string(&msg)?
    };
    // 7-9.
    if name.is_empty() {
        return Ok(msg);
    }
    if msg.is_empty() {
        return Ok(name);
    }
    Ok(name.concat(&JsStr::from(": ")).concat(&msg))
}

/// `Error.isError(arg)`: whether `arg` has an \[\[ErrorData\]\] slot (a proxy has none).
fn error_is_error(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(matches!(
        a.args.first(),
        Some(Value::Object(o)) if matches!(o.borrow().kind, ObjectKind::Error)
    )))
}

/// `ErrorPrepareStackTrace(error, trace)`, Node's default `Error.prepareStackTrace`: the
/// error's `toString()` header, then `\n    at ` and each call site as a string.
fn error_prepare_stack_trace(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut out = match a.get(0) {
        Value::Object(o) => error_to_string(it, &o)?.to_rust_string(),
        other => it.to_string(&other)?.to_rust_string(),
    };
    if let Value::Object(trace) = a.get(1) {
        let len = it.length_of_array_like(&trace)?;
        for i in 0..len {
            let site = it.get(&trace, &crate::interp::ops::index_key(i))?;
            out.push_str("\n    at ");
            out.push_str(&it.to_string(&site)?.to_rust_string());
        }
    }
    Ok(Value::from(out.as_str()))
}

/// Error.captureStackTrace(targetObject[, constructorOpt]): gives the object an own `stack`
/// with the current frames, formatted on first read like an error's (V8 reads `name` and
/// `message` of the object then).
fn error_capture_stack_trace(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Value::Object(o) = a.get(0) else {
        return Err(it.type_error("invalid_argument"));
    };
    // Frames above the most recent call of `constructorOpt` (and that call) are left out.
    let mut skip = 1;
    // The frame found is a generator body standing also for the `next` call below it
    // (`StackEntry::next_below`): the body's frame goes, `next`'s stays.
    let mut next_stays = false;
    if let Value::Object(c) = a.get(1) {
        if let Some(name) = frame_name(&c) {
            let n = it.stack.len();
            let found = (0..n.saturating_sub(1)).rev().find_map(|i| {
                let e = &it.stack[i];
                if e.name.units() == name.units() {
                    Some((i, e.next_below))
                } else if e
                    .next_below_name()
                    .is_some_and(|n| n.units() == name.units())
                {
                    Some((i, false))
                } else {
                    None
                }
            });
            match found {
                Some((i, true)) => {
                    skip = n - i - 1;
                    next_stays = true;
                }
                Some((i, false)) => skip = n - i,
                None => skip = n,
            }
        }
    }
    if next_stays {
        // The kept top entry becomes the `next` call's alone while the stack is captured.
        let keep = it.stack.len() - skip - 1;
        let body = it.stack[keep].clone();
        if let Some(name) = body.next_below_name() {
            let e = &mut it.stack[keep];
            e.name = name;
            e.kind = crate::interp::FrameKind::Native;
            e.source = 0;
            e.pos = Default::default();
            e.next_below = false;
        }
        let r = capture_stack_trace_into(it, &o, skip);
        it.stack[keep] = body;
        return r;
    }
    capture_stack_trace_into(it, &o, skip)
}

/// The rest of `Error.captureStackTrace`: `o.stack` from the frames below the top `skip`.
fn capture_stack_trace_into(it: &mut Interp, o: &Obj, skip: usize) -> JsResult<Value> {
    let key = static_key!("stack");
    if o.is_proxy() {
        // Through the proxy's traps, with the text formatted now.
        let header = error_to_string(it, o)?.to_rust_string();
        let lines = with_frames_hidden(it, skip, |it| it.stack_trace_lines());
        let stack = format!("{header}{lines}");
        it.define_property_or_throw(
            o,
            key,
            PropertyDescriptor::data(Value::from(stack.as_str()), Attrs::HIDDEN),
        )?;
        return Ok(Value::Undefined);
    }
    match o.get_own_property(&key) {
        // V8 leaves a non-configurable `stack` alone, without an error.
        Some(p) if !p.attrs.configurable() => return Ok(Value::Undefined),
        None if !o.borrow().extensible => {
            return Err(it.type_error("Cannot define property stack, object is not extensible"));
        }
        _ => {}
    }
    with_frames_hidden(it, skip, |it| it.install_lazy_stack(o));
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::PropKey;

    fn global(it: &mut Interp, name: &str) -> Obj {
        let g = it.global.clone();
        it.get(&g, &PropKey::from(name))
            .unwrap()
            .as_object()
            .unwrap()
            .clone()
    }

    #[test]
    fn construct_and_to_string() {
        let mut it = Interp::new();
        let te = global(&mut it, "TypeError");
        let e = it.construct(&te, &[Value::from("bad")], None).unwrap();
        let eo = e.as_object().unwrap().clone();
        assert!(matches!(eo.borrow().kind, ObjectKind::Error));
        let s = error_to_string(&mut it, &eo).unwrap();
        assert_eq!(s.to_rust_string(), "TypeError: bad");
        // `stack` is an accessor (V8 13.6), formatted on first read.
        assert!(eo.get_own_data(&static_key!("stack")).is_none());
        let stack = it.get(&eo, &static_key!("stack")).unwrap();
        assert!(it
            .to_string(&stack)
            .unwrap()
            .to_rust_string()
            .starts_with("TypeError: bad"));
        // Called without new.
        let err = global(&mut it, "Error");
        let e2 = it.call_obj(&err, &Value::Undefined, &[]).unwrap();
        let e2 = e2.as_object().unwrap().clone();
        assert!(e2.get_own_property(&static_key!("message")).is_none());
        assert_eq!(
            error_to_string(&mut it, &e2).unwrap().to_rust_string(),
            "Error"
        );
        // [[Prototype]] of NativeError constructors is %Error%.
        assert!(Obj::ptr_eq(&te.proto().unwrap(), &err));
    }

    #[test]
    fn cause_and_aggregate() {
        let mut it = Interp::new();
        let err = global(&mut it, "Error");
        let opts = it.new_object();
        opts.define("cause", Value::from(7.0), Attrs::DEFAULT);
        let e = it
            .construct(&err, &[Value::from("m"), Value::Object(opts)], None)
            .unwrap();
        let c = it.get_v(&e, &static_key!("cause")).unwrap();
        assert!(c.strict_equals(&Value::from(7.0)));
        // AggregateError takes any iterable (a generator here).
        it.run_script(
            "t",
            "var ag = new AggregateError((function* () { yield 1; yield 2; })(), 'x', { cause: 0 });",
        )
        .unwrap();
        let g = it.global.clone();
        let e = it.get(&g, &static_key!("ag")).unwrap();
        let errs = it.get_v(&e, &static_key!("errors")).unwrap();
        let errs = errs.as_object().unwrap().clone();
        assert_eq!(it.length_of_array_like(&errs).unwrap(), 2);
        let eo = e.as_object().unwrap().clone();
        assert_eq!(
            error_to_string(&mut it, &eo).unwrap().to_rust_string(),
            "AggregateError: x"
        );
        let keys: Vec<String> = it
            .own_property_keys(&eo)
            .unwrap()
            .iter()
            .map(|k| k.to_jsstr().to_rust_string())
            .collect();
        assert_eq!(keys, ["stack", "message", "cause", "errors"]);
    }
}
