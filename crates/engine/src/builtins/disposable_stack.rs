//! `DisposableStack`, `AsyncDisposableStack` and `%AsyncIteratorPrototype%[@@asyncDispose]`
//! (explicit resource management). The DisposeCapability and DisposeResources are shared
//! with `using` declarations (`interp/dispose.rs`); `disposeAsync` runs DisposeResources as
//! a state machine whose `Await`s are [`Interp::await_native`] continuations.

use crate::builtins::iterator::incompatible_receiver;
use crate::interp::dispose::{DisposeJob, DisposeState, DisposeStep, StackBrand};
use crate::interp::jobs::{Capability, Handler};
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::Value;

/// The constructor's name for a brand.
fn class_name(brand: StackBrand) -> &'static str {
    match brand {
        StackBrand::Async => "AsyncDisposableStack",
        _ => "DisposableStack",
    }
}

/// RequireInternalSlot(this, \[\[DisposableState\]\] / \[\[AsyncDisposableState\]\]).
fn this_stack(it: &mut Interp, a: &Args, brand: StackBrand, method: &str) -> JsResult<Obj> {
    if let Value::Object(o) = a.this {
        if matches!(&o.borrow().kind, ObjectKind::DisposableStack(c) if c.brand == brand) {
            return Ok(o.clone());
        }
    }
    let name = format!("{}.prototype.{method}", class_name(brand));
    Err(incompatible_receiver(it, &name, a.this))
}

/// The stack's \[\[DisposableState\]\] is disposed.
fn is_disposed(o: &Obj) -> bool {
    matches!(&o.borrow().kind, ObjectKind::DisposableStack(c) if c.disposed)
}

/// The stack after RequireInternalSlot, or a ReferenceError if it is already disposed (V8
/// names DisposableStack in the message for both classes).
fn pending_stack(it: &mut Interp, a: &Args, brand: StackBrand, method: &str) -> JsResult<Obj> {
    let o = this_stack(it, a, brand, method)?;
    if is_disposed(&o) {
        return Err(it.reference_error(format!(
            "Cannot call {}.prototype.{method} on an already-disposed DisposableStack",
            class_name(brand)
        )));
    }
    Ok(o)
}

fn brand_of(a: &Args) -> StackBrand {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) if matches!(n.captures.first(), Some(Value::Bool(true))) => {
            StackBrand::Async
        }
        _ => StackBrand::Sync,
    }
}

/// `DisposableStack()` / `AsyncDisposableStack()`.
fn stack_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let brand = brand_of(a);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(nt) = a.new_target else {
        return Err(it.type_error(format!("Constructor {} requires 'new'", class_name(brand))));
    };
    // 2-5. OrdinaryCreateFromConstructor, state pending, NewDisposeCapability().
    let proto = it.get_prototype_from_constructor(nt, |i| match brand {
        StackBrand::Async => i.async_disposable_stack_prototype.clone(),
        _ => i.disposable_stack_prototype.clone(),
    })?;
    Ok(Value::Object(it.new_dispose_capability(Some(proto), brand)))
}

/// `use(value)`: AddDisposableResource(value, sync-dispose / async-dispose).
fn stack_use(it: &mut Interp, a: &Args, brand: StackBrand) -> JsResult<Value> {
    let o = pending_stack(it, a, brand, "use")?;
    let v = a.get(0);
    it.add_disposable_resource(&o, v.clone(), brand == StackBrand::Async, None)?;
    Ok(v)
}

/// `adopt(value, onDispose)`: a closure calling `onDispose(value)` as the dispose method.
fn stack_adopt(it: &mut Interp, a: &Args, brand: StackBrand) -> JsResult<Value> {
    let o = pending_stack(it, a, brand, "adopt")?;
    let value = a.get(0);
    let on_dispose = a.get(1);
    if !it.is_callable(&on_dispose) {
        let s = crate::builtins::object::no_side_effects_to_string(it, &on_dispose);
        return Err(it.type_error(format!("{s} is not a function")));
    }
    let f = it.native_fn_with("", 0, adopt_closure, false, vec![value.clone(), on_dispose]);
    it.add_disposable_resource(
        &o,
        Value::Undefined,
        brand == StackBrand::Async,
        Some(Value::Object(f)),
    )?;
    Ok(value)
}

/// The closure `adopt` records: `Call(onDispose, undefined, « value »)`.
fn adopt_closure(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (value, f) = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => (
            n.captures.first().cloned().unwrap_or_default(),
            n.captures.get(1).cloned().unwrap_or_default(),
        ),
        _ => (Value::Undefined, Value::Undefined),
    };
    it.call(&f, &Value::Undefined, &[value])
}

/// `defer(onDispose)`.
fn stack_defer(it: &mut Interp, a: &Args, brand: StackBrand) -> JsResult<Value> {
    let o = pending_stack(it, a, brand, "defer")?;
    let f = a.get(0);
    if !it.is_callable(&f) {
        let s = crate::builtins::object::no_side_effects_to_string(it, &f);
        return Err(it.type_error(format!("{s} is not a function")));
    }
    it.add_disposable_resource(&o, Value::Undefined, brand == StackBrand::Async, Some(f))?;
    Ok(Value::Undefined)
}

/// `move()`: a new stack (of the intrinsic prototype) takes over the resources.
fn stack_move(it: &mut Interp, a: &Args, brand: StackBrand) -> JsResult<Value> {
    let o = pending_stack(it, a, brand, "move")?;
    let proto = match brand {
        StackBrand::Async => it.intrinsics.async_disposable_stack_prototype.clone(),
        _ => it.intrinsics.disposable_stack_prototype.clone(),
    };
    let moved = it.new_dispose_capability(Some(proto), brand);
    let resources = match &mut o.borrow_mut().kind {
        ObjectKind::DisposableStack(c) => {
            c.disposed = true;
            std::mem::take(&mut c.resources)
        }
        _ => Vec::new(),
    };
    if let ObjectKind::DisposableStack(c) = &mut moved.borrow_mut().kind {
        c.resources = resources;
    }
    Ok(Value::Object(moved))
}

/// `get disposed`.
fn stack_disposed(it: &mut Interp, a: &Args, brand: StackBrand) -> JsResult<Value> {
    let o = this_stack(it, a, brand, "disposed").map_err(|_| {
        let name = format!("get {}.prototype.disposed", class_name(brand));
        incompatible_receiver(it, &name, a.this)
    })?;
    Ok(Value::Bool(is_disposed(&o)))
}

/// Marks the stack disposed and takes its resources (`None` if it already was).
fn take_for_dispose(o: &Obj) -> Option<Vec<crate::interp::dispose::Resource>> {
    match &mut o.borrow_mut().kind {
        ObjectKind::DisposableStack(c) if !c.disposed => {
            c.disposed = true;
            Some(std::mem::take(&mut c.resources))
        }
        _ => None,
    }
}

/// `DisposableStack.prototype.dispose()` (also `[Symbol.dispose]`).
fn disposable_stack_dispose(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_stack(it, a, StackBrand::Sync, "dispose")?;
    let Some(resources) = take_for_dispose(&o) else {
        return Ok(Value::Undefined);
    };
    it.dispose_resources_sync(resources, Ok(Value::Undefined))?;
    Ok(Value::Undefined)
}

/// `AsyncDisposableStack.prototype.disposeAsync()` (also `[Symbol.asyncDispose]`).
fn async_disposable_stack_dispose_async(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let promise = it.new_promise();
    // 3. A receiver without [[AsyncDisposableState]] rejects the promise.
    let o = match a.this {
        Value::Object(o)
            if matches!(&o.borrow().kind,
                ObjectKind::DisposableStack(c) if c.brand == StackBrand::Async) =>
        {
            o.clone()
        }
        _ => {
            let e = it.type_error("Receiver is not an AsyncDisposableStack");
            if let Abrupt::Throw(e) = e {
                it.reject_promise(&promise, e);
            }
            return Ok(Value::Object(promise));
        }
    };
    // 4. Already disposed: resolve with undefined.
    let Some(resources) = take_for_dispose(&o) else {
        it.resolve_promise(&promise, Value::Undefined);
        return Ok(Value::Object(promise));
    };
    // 5-8. DisposeResources(..., NormalCompletion(undefined)), settling the promise.
    let job = Obj::new(
        None,
        ObjectKind::DisposeAsync(Box::new(DisposeJob {
            promise: promise.clone(),
            state: Some(DisposeState::new(resources, Ok(Value::Undefined))),
        })),
    );
    run_dispose_job(it, &job)?;
    Ok(Value::Object(promise))
}

/// Runs the `disposeAsync` job's DisposeResources to its next `Await` or to the end.
fn run_dispose_job(it: &mut Interp, job: &Obj) -> JsResult<()> {
    let (promise, mut st) = match &mut job.borrow_mut().kind {
        ObjectKind::DisposeAsync(j) => match j.state.take() {
            Some(st) => (j.promise.clone(), st),
            None => return Ok(()),
        },
        _ => return Ok(()),
    };
    loop {
        match it.dispose_step(&mut st) {
            DisposeStep::Done(r) => {
                match r {
                    Ok(_) => it.resolve_promise(&promise, Value::Undefined),
                    Err(Abrupt::Throw(e)) => it.reject_promise(&promise, e),
                    Err(other) => return Err(other),
                }
                return Ok(());
            }
            DisposeStep::Await(v) => {
                if let ObjectKind::DisposeAsync(j) = &mut job.borrow_mut().kind {
                    j.state = Some(st);
                }
                match it.await_native(v, on_dispose_awaited, job) {
                    Ok(()) => return Ok(()),
                    Err(Abrupt::Throw(e)) => {
                        // PromiseResolve threw: the Await's completion is that throw.
                        st = match &mut job.borrow_mut().kind {
                            ObjectKind::DisposeAsync(j) => match j.state.take() {
                                Some(st) => st,
                                None => return Ok(()),
                            },
                            _ => return Ok(()),
                        };
                        it.dispose_resumed(&mut st, Err(e));
                    }
                    Err(other) => return Err(other),
                }
            }
        }
    }
}

/// The continuation of an `Await` in `disposeAsync`.
fn on_dispose_awaited(it: &mut Interp, job: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let mut st = match &mut job.borrow_mut().kind {
        ObjectKind::DisposeAsync(j) => match j.state.take() {
            Some(st) => st,
            None => return Ok(()),
        },
        _ => return Ok(()),
    };
    it.dispose_resumed(&mut st, outcome);
    if let ObjectKind::DisposeAsync(j) = &mut job.borrow_mut().kind {
        j.state = Some(st);
    }
    run_dispose_job(it, job)
}

/// `%AsyncIteratorPrototype%[@@asyncDispose]()`: calls `this.return()` and
/// resolves with undefined once its result settles.
fn async_iterator_proto_async_dispose(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let promise = it.new_promise();
    let reject = |it: &mut Interp, e: Abrupt| -> JsResult<Value> {
        match e {
            Abrupt::Throw(e) => {
                it.reject_promise(&promise, e);
                Ok(Value::Object(promise.clone()))
            }
            other => Err(other),
        }
    };
    // 3-4. Let return be Completion(GetMethod(O, "return")); IfAbruptRejectPromise.
    let ret = match it.get_method(a.this, &static_key!("return")) {
        Ok(r) => r,
        Err(e) => return reject(it, e),
    };
    let Some(ret) = ret else {
        // 5. Resolve with undefined.
        it.resolve_promise(&promise, Value::Undefined);
        return Ok(Value::Object(promise));
    };
    // 6.a-b. Let result be Completion(Call(return, O, « »)) (V8 13.6 still passes
    // `undefined`; the current spec passes no argument).
    let result = match it.call_obj(&ret, a.this, &[]) {
        Ok(v) => v,
        Err(e) => return reject(it, e),
    };
    // 6.c-d. PromiseResolve(%Promise%, result).
    let wrapper = match it.promise_resolve_intrinsic(result) {
        Ok(p) => p,
        Err(e) => return reject(it, e),
    };
    // 6.e-g. PerformPromiseThen(resultWrapper, unwrap (returns undefined), undefined, cap).
    let unwrap = it.native_fn("", 1, |_, _| Ok(Value::Undefined));
    it.perform_promise_then(
        &wrapper,
        Handler::Js(Value::Object(unwrap)),
        Handler::Js(Value::Undefined),
        Some(Capability::Native(promise.clone())),
    );
    Ok(Value::Object(promise))
}

pub fn init(it: &mut Interp) {
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    let dispose_sym = PropKey::Sym(it.symbols.dispose.clone());
    let async_dispose_sym = PropKey::Sym(it.symbols.async_dispose.clone());

    // DisposableStack (V8's property order).
    let dp = it.intrinsics.disposable_stack_prototype.clone();
    let ctor = it.native_fn_with(
        "DisposableStack",
        0,
        stack_constructor,
        true,
        vec![Value::Bool(false)],
    );
    super::link_ctor_proto(&ctor, &dp);
    it.define_method(&dp, "use", 1, |it, a| stack_use(it, a, StackBrand::Sync));
    let dispose = it.define_method_obj(&dp, "dispose", 0, disposable_stack_dispose);
    it.define_method(&dp, "adopt", 2, |it, a| {
        stack_adopt(it, a, StackBrand::Sync)
    });
    it.define_method(&dp, "defer", 1, |it, a| {
        stack_defer(it, a, StackBrand::Sync)
    });
    it.define_method(&dp, "move", 0, |it, a| stack_move(it, a, StackBrand::Sync));
    it.define_getter(&dp, "disposed", |it, a| {
        stack_disposed(it, a, StackBrand::Sync)
    });
    dp.define(dispose_sym, Value::Object(dispose), Attrs::HIDDEN);
    dp.define(
        tag.clone(),
        Value::from("DisposableStack"),
        Attrs::CONFIGURABLE_ONLY,
    );
    super::define_global(it, "DisposableStack", Value::Object(ctor));

    // AsyncDisposableStack.
    let ap = it.intrinsics.async_disposable_stack_prototype.clone();
    let actor = it.native_fn_with(
        "AsyncDisposableStack",
        0,
        stack_constructor,
        true,
        vec![Value::Bool(true)],
    );
    super::link_ctor_proto(&actor, &ap);
    it.define_method(&ap, "use", 1, |it, a| stack_use(it, a, StackBrand::Async));
    let dispose_async =
        it.define_method_obj(&ap, "disposeAsync", 0, async_disposable_stack_dispose_async);
    it.define_method(&ap, "adopt", 2, |it, a| {
        stack_adopt(it, a, StackBrand::Async)
    });
    it.define_method(&ap, "defer", 1, |it, a| {
        stack_defer(it, a, StackBrand::Async)
    });
    it.define_method(&ap, "move", 0, |it, a| stack_move(it, a, StackBrand::Async));
    it.define_getter(&ap, "disposed", |it, a| {
        stack_disposed(it, a, StackBrand::Async)
    });
    ap.define(
        async_dispose_sym.clone(),
        Value::Object(dispose_async),
        Attrs::HIDDEN,
    );
    ap.define(
        tag,
        Value::from("AsyncDisposableStack"),
        Attrs::CONFIGURABLE_ONLY,
    );
    super::define_global(it, "AsyncDisposableStack", Value::Object(actor));

    // %AsyncIteratorPrototype%[@@asyncDispose].
    let aip = it.intrinsics.async_iterator_prototype.clone();
    let sym = it.symbols.async_dispose.clone();
    it.define_symbol_method(
        &aip,
        &sym,
        "[Symbol.asyncDispose]",
        0,
        async_iterator_proto_async_dispose,
    );
}
