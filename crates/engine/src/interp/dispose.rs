//! Explicit resource management: DisposeCapability records, AddDisposableResource and
//! DisposeResources (ECMA-262 "Operations on Disposable Objects"), shared by `using` /
//! `await using` declarations and the `DisposableStack` / `AsyncDisposableStack` built-ins.
//!
//! A scope with `using` declarations has a hidden binding (`%dispose`, see `resolve.rs`)
//! holding its DisposeCapability: an internal [`ObjectKind::DisposableStack`] object created
//! when the first resource is added. Keeping it in an environment slot means a suspended
//! generator or async function keeps its resources with no extra frame state. When the
//! scope's evaluation ends (normally or abruptly, not when suspending), the evaluator takes
//! the resources out and runs DisposeResources over them.
//!
//! DisposeResources is a small state machine ([`DisposeState`], [`Interp::dispose_step`]):
//! each step runs until the next `Await` (an `await using` resource's result, or the
//! `Await(undefined)` owed for `await using x = null`). The evaluator suspends the running
//! body there (`Frame::Dispose`); `AsyncDisposableStack.prototype.disposeAsync` awaits with
//! `Interp::await_native`.

use crate::gc::Tracer;
use crate::interp::eval::Frame;
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{trace_value, Attrs, Obj, ObjectKind, PropKey};
use crate::value::Value;

/// A DisposableResource Record.
#[derive(Debug, Clone)]
pub struct Resource {
    /// \[\[ResourceValue\]\] (`undefined` for `defer`/`adopt` and `await using x = null`).
    pub value: Value,
    /// \[\[DisposeMethod\]\]: a function, or `undefined` (`await using x = null`).
    pub method: Value,
    /// \[\[Hint\]\] is async-dispose.
    pub is_async: bool,
}

/// Which object holds a DisposeCapability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StackBrand {
    /// The hidden capability of a scope with `using` declarations.
    Scope,
    /// A `DisposableStack` (\[\[DisposableState\]\]).
    Sync,
    /// An `AsyncDisposableStack` (\[\[AsyncDisposableState\]\]).
    Async,
}

/// A DisposeCapability, with the state of the stack object holding it.
#[derive(Debug)]
pub struct DisposeCapability {
    pub brand: StackBrand,
    /// \[\[DisposableState\]\] / \[\[AsyncDisposableState\]\] is disposed.
    pub disposed: bool,
    /// \[\[DisposableResourceStack\]\].
    pub resources: Vec<Resource>,
}

impl DisposeCapability {
    pub fn new(brand: StackBrand) -> DisposeCapability {
        DisposeCapability {
            brand,
            disposed: false,
            resources: Vec::new(),
        }
    }

    pub fn trace(&self, t: &mut Tracer) {
        trace_resources(&self.resources, t);
    }
}

fn trace_resources(rs: &[Resource], t: &mut Tracer) {
    for r in rs {
        trace_value(&r.value, t);
        trace_value(&r.method, t);
    }
}

/// DisposeResources(disposeCapability, completion) in progress: the resources not yet
/// disposed (the last one is next), the completion so far and the spec's flags.
#[derive(Debug)]
pub struct DisposeState {
    pub resources: Vec<Resource>,
    pub completion: JsResult<Value>,
    needs_await: bool,
    has_awaited: bool,
    /// Suspended awaiting a dispose method's result (a rejection joins the completion).
    awaiting_result: bool,
}

impl DisposeState {
    pub fn new(resources: Vec<Resource>, completion: JsResult<Value>) -> DisposeState {
        DisposeState {
            resources,
            completion,
            needs_await: false,
            has_awaited: false,
            awaiting_result: false,
        }
    }

    pub fn trace(&self, t: &mut Tracer) {
        trace_resources(&self.resources, t);
        match &self.completion {
            Ok(v)
            | Err(Abrupt::Throw(v))
            | Err(Abrupt::Return(v))
            | Err(Abrupt::Break(_, v))
            | Err(Abrupt::Continue(_, v)) => trace_value(v, t),
            Err(Abrupt::Suspend) => {}
        }
    }
}

/// `AsyncDisposableStack.prototype.disposeAsync` between its `Await`s: the promise it
/// returned and the DisposeResources state (taken out while a step runs script code).
#[derive(Debug)]
pub struct DisposeJob {
    pub promise: Obj,
    pub state: Option<DisposeState>,
}

impl DisposeJob {
    pub fn trace(&self, t: &mut Tracer) {
        t.edge(&self.promise.0);
        if let Some(st) = &self.state {
            st.trace(t);
        }
    }
}

/// What DisposeResources does next.
pub enum DisposeStep {
    /// Finished: the completion to return.
    Done(JsResult<Value>),
    /// `Await(value)`, then continue with [`Interp::dispose_resumed`].
    Await(Value),
}

/// The message of the SuppressedError DisposeResources creates (V8's).
const SUPPRESSED_MESSAGE: &str = "An error was suppressed during disposal";

impl Interp {
    /// A new SuppressedError with `error` and `suppressed` (as DisposeResources creates it).
    pub fn new_suppressed_error(&mut self, error: Value, suppressed: Value) -> Value {
        let proto = self.intrinsics.suppressed_error_prototype.clone();
        let o = self.make_error(&proto, SUPPRESSED_MESSAGE);
        o.define("error", error, Attrs::HIDDEN);
        o.define("suppressed", suppressed, Attrs::HIDDEN);
        Value::Object(o)
    }

    /// A new internal or built-in stack object holding an empty DisposeCapability.
    pub fn new_dispose_capability(&self, proto: Option<Obj>, brand: StackBrand) -> Obj {
        Obj::new(
            proto,
            ObjectKind::DisposableStack(Box::new(DisposeCapability::new(brand))),
        )
    }

    /// GetDisposeMethod(V, hint), with V8's messages for a missing or uncallable method.
    fn get_dispose_method(&mut self, v: &Value, is_async: bool) -> JsResult<Value> {
        let sync_key = PropKey::Sym(self.symbols.dispose.clone());
        if is_async {
            let key = PropKey::Sym(self.symbols.async_dispose.clone());
            if let Some(m) = self.get_dispose_property(v, key, "Symbol(Symbol.asyncDispose)")? {
                return Ok(m);
            }
            return match self.get_dispose_property(v, sync_key, "Symbol(Symbol.dispose)")? {
                // A sync @@dispose called for `await using`: its result is not awaited, and
                // an exception becomes a rejection (an anonymous built-in closure).
                Some(m) => Ok(Value::Object(self.native_fn_with(
                    "",
                    0,
                    async_from_sync_dispose,
                    false,
                    vec![m],
                ))),
                None => Err(self.type_error("Symbol(Symbol.dispose) is not a function")),
            };
        }
        match self.get_dispose_property(v, sync_key, "Symbol(Symbol.dispose)")? {
            Some(m) => Ok(m),
            None => Err(self.type_error("Symbol(Symbol.dispose) is not a function")),
        }
    }

    /// GetMethod(V, key): `None` when undefined or null.
    fn get_dispose_property(
        &mut self,
        v: &Value,
        key: PropKey,
        what: &str,
    ) -> JsResult<Option<Value>> {
        let m = self.get_v(v, &key)?;
        match m {
            Value::Undefined | Value::Null => Ok(None),
            m if self.is_callable(&m) => Ok(Some(m)),
            _ => Err(self.type_error(format!("{what} is not a function"))),
        }
    }

    /// CreateDisposableResource(V, hint [, method]).
    fn create_disposable_resource(
        &mut self,
        v: Value,
        is_async: bool,
        method: Option<Value>,
    ) -> JsResult<Resource> {
        match method {
            None => {
                if v.is_nullish() {
                    return Ok(Resource {
                        value: Value::Undefined,
                        method: Value::Undefined,
                        is_async,
                    });
                }
                if !v.is_object() {
                    return Err(self.type_error("An object is expected with `using` declarations"));
                }
                let method = self.get_dispose_method(&v, is_async)?;
                Ok(Resource {
                    value: v,
                    method,
                    is_async,
                })
            }
            Some(m) => {
                if !self.is_callable(&m) {
                    let s = crate::interp::brief::brief(self, &m);
                    return Err(self.type_error(format!("{s} is not a function")));
                }
                Ok(Resource {
                    value: Value::Undefined,
                    method: m,
                    is_async,
                })
            }
        }
    }

    /// AddDisposableResource(disposeCapability, V, hint [, method]) on the capability held
    /// by `cap` (an [`ObjectKind::DisposableStack`]).
    pub fn add_disposable_resource(
        &mut self,
        cap: &Obj,
        v: Value,
        is_async: bool,
        method: Option<Value>,
    ) -> JsResult<()> {
        // 1.a. A null or undefined sync-dispose resource is not recorded.
        if method.is_none() && v.is_nullish() && !is_async {
            return Ok(());
        }
        let r = self.create_disposable_resource(v, is_async, method)?;
        if let ObjectKind::DisposableStack(c) = &mut cap.borrow_mut().kind {
            c.resources.push(r);
        }
        Ok(())
    }

    /// One run of DisposeResources until it finishes or must `Await`.
    pub fn dispose_step(&mut self, st: &mut DisposeState) -> DisposeStep {
        loop {
            let Some(r) = st.resources.pop() else {
                // 4. If needsAwait is true and hasAwaited is false, Await(undefined).
                if st.needs_await && !st.has_awaited {
                    st.needs_await = false;
                    st.awaiting_result = false;
                    return DisposeStep::Await(Value::Undefined);
                }
                let c = std::mem::replace(&mut st.completion, Ok(Value::Undefined));
                return DisposeStep::Done(c);
            };
            // 3.d. A sync resource after `await using x = null`: Await(undefined) first.
            if !r.is_async && st.needs_await && !st.has_awaited {
                st.resources.push(r);
                st.needs_await = false;
                st.awaiting_result = false;
                return DisposeStep::Await(Value::Undefined);
            }
            if r.method.is_undefined() {
                // 3.f. `await using x = null` (or undefined): an Await is still owed.
                st.needs_await = true;
                continue;
            }
            match self.call(&r.method, &r.value, &[]) {
                Ok(v) if r.is_async => {
                    st.has_awaited = true;
                    st.awaiting_result = true;
                    return DisposeStep::Await(v);
                }
                Ok(_) => {}
                Err(Abrupt::Throw(e)) => self.dispose_error(st, e),
                Err(other) => {
                    // Not an exception (`process.exit()` in a dispose method): stop here.
                    return DisposeStep::Done(Err(other));
                }
            }
        }
    }

    /// Continues DisposeResources after its `Await` settled with `outcome`.
    pub fn dispose_resumed(&mut self, st: &mut DisposeState, outcome: Result<Value, Value>) {
        if std::mem::take(&mut st.awaiting_result) {
            if let Err(e) = outcome {
                self.dispose_error(st, e);
            }
        }
    }

    /// 3.e.iii: a dispose method threw `e`: it becomes the completion, suppressing an
    /// earlier exception into a SuppressedError.
    fn dispose_error(&mut self, st: &mut DisposeState, e: Value) {
        st.completion = match std::mem::replace(&mut st.completion, Ok(Value::Undefined)) {
            Err(Abrupt::Throw(suppressed)) => {
                Err(Abrupt::Throw(self.new_suppressed_error(e, suppressed)))
            }
            _ => Err(Abrupt::Throw(e)),
        };
    }

    /// DisposeResources over resources that have no async hint (DisposableStack, `using`
    /// in code that cannot await).
    pub fn dispose_resources_sync(
        &mut self,
        resources: Vec<Resource>,
        completion: JsResult<Value>,
    ) -> JsResult<Value> {
        let mut st = DisposeState::new(resources, completion);
        loop {
            match self.dispose_step(&mut st) {
                DisposeStep::Done(r) => return r,
                // Unreachable with sync resources only; behave as an awaited undefined.
                DisposeStep::Await(_) => self.dispose_resumed(&mut st, Ok(Value::Undefined)),
            }
        }
    }

    // ---- `using` declarations in the evaluator -------------------------------------------

    /// InitializeBinding's AddDisposableResource for a `using` (`is_async`: `await using`)
    /// binding initialized to `v`, in the scope whose dispose binding is `slot` of `env`.
    pub(crate) fn scope_add_resource(
        &mut self,
        env: &Env,
        slot: u32,
        v: Value,
        is_async: bool,
    ) -> JsResult<()> {
        if v.is_nullish() && !is_async {
            return Ok(());
        }
        let cap = match env.get(0, slot) {
            Value::Object(o) => o,
            _ => {
                let o = self.new_dispose_capability(None, StackBrand::Scope);
                env.set(0, slot, Value::Object(o.clone()));
                o
            }
        };
        self.add_disposable_resource(&cap, v, is_async, None)
    }

    /// The end of a scope with `using` declarations: DisposeResources over the resources of
    /// the dispose binding `slot` of `env`, with the scope's `completion`. Suspends (pushing
    /// `Frame::Dispose`) at an `Await`; [`Interp::resume_dispose`] continues.
    pub(crate) fn dispose_scope(
        &mut self,
        env: &Env,
        slot: u32,
        completion: JsResult<Value>,
    ) -> JsResult<Value> {
        let cap = env.get(0, slot);
        env.set(0, slot, Value::Undefined);
        if self.exiting.is_some() {
            // `process.exit()`: no more script code runs.
            return completion;
        }
        let Value::Object(cap) = cap else {
            return completion;
        };
        let resources = match &mut cap.borrow_mut().kind {
            ObjectKind::DisposableStack(c) => std::mem::take(&mut c.resources),
            _ => Vec::new(),
        };
        if resources.is_empty() {
            return completion;
        }
        self.run_dispose(Box::new(DisposeState::new(resources, completion)))
    }

    fn run_dispose(&mut self, mut st: Box<DisposeState>) -> JsResult<Value> {
        match self.dispose_step(&mut st) {
            DisposeStep::Done(r) => r,
            DisposeStep::Await(v) => self.suspend_await(v, Frame::Dispose(st)),
        }
    }

    /// Is the body being resumed suspended in its scope's disposal (a `Frame::Dispose` on
    /// top of the frame stack)?
    pub(crate) fn resuming_dispose(&self) -> bool {
        matches!(self.frames.last(), Some(Frame::Dispose(_)))
    }

    /// Resumes a scope's DisposeResources suspended at an `Await`.
    pub(crate) fn resume_dispose(&mut self) -> JsResult<Value> {
        let Some(Frame::Dispose(mut st)) = self.frames.pop() else {
            return Err(self.type_error("internal error: missing resume frame"));
        };
        let outcome = match self.take_resume() {
            Ok(v) => Ok(v),
            Err(Abrupt::Throw(e)) => Err(e),
            Err(_) => Ok(Value::Undefined),
        };
        self.dispose_resumed(&mut st, outcome);
        self.run_dispose(st)
    }
}

/// The closure GetDisposeMethod wraps a sync `@@dispose` in for an async-dispose hint: calls
/// it with the this value and returns a promise for undefined (rejected if it threw).
fn async_from_sync_dispose(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let method = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned().unwrap_or_default(),
        _ => Value::Undefined,
    };
    let promise = it.new_promise();
    match it.call(&method, a.this, &[]) {
        Ok(_) => it.resolve_promise(&promise, Value::Undefined),
        Err(Abrupt::Throw(e)) => it.reject_promise(&promise, e),
        Err(other) => return Err(other),
    }
    Ok(Value::Object(promise))
}

#[cfg(test)]
mod tests {
    use crate::interp::Interp;

    /// Runs `src` (then its promise jobs) and returns the global `log` joined with spaces.
    fn log_of(src: &str) -> String {
        let mut it = Interp::new();
        let text = format!("var log = []; {src}");
        assert!(it.run_script("t", &text).is_ok(), "script failed: {src}");
        assert!(it.run_microtasks().is_ok());
        let v = it.run_script("t2", "log.join(' ')").ok();
        v.map(|v| it.to_string_lossy(&v)).unwrap_or_default()
    }

    const RES: &str = "function res(n, bad) { return { [Symbol.dispose]() { log.push(n); \
                       if (bad) throw new Error(n); } }; }";

    #[test]
    fn using_disposes_in_reverse_order_however_the_scope_ends() {
        let src = format!(
            "{RES} function f(k) {{ using a = res('a' + k), b = res('b' + k); \
             for (using c of [res('c' + k)]) {{ if (k === 1) return; if (k === 2) break; }} \
             if (k === 3) throw 0; }} \
             for (let k = 0; k < 4; k++) try {{ f(k); }} catch {{ log.push('caught'); }}"
        );
        assert_eq!(log_of(&src), "c0 b0 a0 c1 b1 a1 c2 b2 a2 c3 b3 a3 caught");
    }

    #[test]
    fn suppressed_errors_chain() {
        let src = format!(
            "{RES} try {{ using a = res('a', 1), b = res('b', 1); throw new Error('body'); }} \
             catch (e) {{ log.push(e.name, e.error.message, e.suppressed.error.message, \
             e.suppressed.suppressed.message); }}"
        );
        assert_eq!(log_of(&src), "b a SuppressedError a b body");
    }

    #[test]
    fn generator_suspended_in_a_using_block_disposes_on_return() {
        let src = format!(
            "{RES} function* g() {{ using r = res('r'); yield 1; log.push('after'); }} \
             const it = g(); it.next(); log.push('suspended'); it.return(); \
             {{ using it2 = g(); it2.next(); }} log.push('end');"
        );
        assert_eq!(log_of(&src), "suspended r r end");
    }

    #[test]
    fn await_using_awaits_each_async_disposal() {
        let src = "async function f() { \
             await using a = { async [Symbol.asyncDispose]() { log.push('a'); } }, n = null; \
             using s = { [Symbol.dispose]() { log.push('s'); } }; log.push('body'); } \
             f().then(() => log.push('done')); log.push('sync');";
        // The dispose methods run synchronously up to the first Await (as in Node).
        assert_eq!(log_of(src), "body s a sync done");
    }

    #[test]
    fn disposable_stacks() {
        let src = "const s = new DisposableStack(); s.defer(() => log.push('d')); \
             s.adopt(1, v => log.push('adopt' + v)); const m = s.move(); \
             log.push(s.disposed, m.disposed); m.dispose(); m.dispose(); log.push(m.disposed); \
             const as = new AsyncDisposableStack(); as.defer(async () => log.push('ad')); \
             as.disposeAsync().then(() => log.push('adone', as.disposed));";
        assert_eq!(log_of(src), "true false adopt1 d true ad adone true");
    }
}
