//! Promise machinery shared by the `Promise` built-in, `await` and async generators:
//! promise states and reactions, the microtask (job) queue, and rejection tracking.
//!
//! Reactions created by the engine itself (`await`, async generator steps) use internal
//! [`Handler`]s instead of allocating JavaScript function objects per step.

use std::collections::VecDeque;

use smallvec::SmallVec;

use crate::gc::Tracer;
use crate::interp::generator::Resume;
use crate::interp::{Abrupt, Interp, JsResult, NativeFn};
use crate::object::{trace_value, Obj, ObjectKind};
use crate::value::Value;

#[derive(Debug, Clone)]
pub enum PromiseState {
    Pending,
    Fulfilled(Value),
    Rejected(Value),
}

#[derive(Debug)]
pub struct PromiseData {
    pub state: PromiseState,
    /// \[\[PromiseFulfillReactions\]\] and \[\[PromiseRejectReactions\]\] as one list of
    /// pairs (PerformPromiseThen always appends to both, with the same capability); the first
    /// pair is stored inline, as most promises get exactly one `then`.
    pub reactions: SmallVec<[ReactionPair; 1]>,
    /// \[\[PromiseIsHandled\]\]
    pub is_handled: bool,
}

impl PromiseData {
    pub fn new() -> PromiseData {
        PromiseData {
            state: PromiseState::Pending,
            reactions: SmallVec::new(),
            is_handled: false,
        }
    }
    pub fn trace(&self, t: &mut Tracer) {
        match &self.state {
            PromiseState::Fulfilled(v) | PromiseState::Rejected(v) => trace_value(v, t),
            PromiseState::Pending => {}
        }
        for r in &self.reactions {
            r.trace(t);
        }
    }
}

impl Default for PromiseData {
    fn default() -> Self {
        Self::new()
    }
}

/// A PromiseCapability Record.
#[derive(Debug, Clone)]
pub enum Capability {
    /// A built-in promise resolved/rejected directly by the engine (no function objects).
    Native(Obj),
    /// NewPromiseCapability(C) for an arbitrary constructor (boxed: rare, and every
    /// reaction and queued job carries a capability, issue #12).
    Generic(Box<GenericCapability>),
}

/// The fields of a [`Capability::Generic`].
#[derive(Debug, Clone)]
pub struct GenericCapability {
    pub promise: Value,
    pub resolve: Value,
    pub reject: Value,
}

impl Capability {
    pub fn promise(&self) -> Value {
        match self {
            Capability::Native(p) => Value::Object(p.clone()),
            Capability::Generic(g) => g.promise.clone(),
        }
    }
    fn trace(&self, t: &mut Tracer) {
        match self {
            Capability::Native(p) => t.edge(&p.0),
            Capability::Generic(g) => {
                trace_value(&g.promise, t);
                trace_value(&g.resolve, t);
                trace_value(&g.reject, t);
            }
        }
    }
}

/// What runs when a promise settles.
#[derive(Debug, Clone)]
pub enum Handler {
    /// A script callback (or `undefined`: pass the value/reason through).
    Js(Value),
    /// Resume the suspended async body `coroutine` with the value / by throwing the reason.
    Await(Obj),
    /// AsyncGeneratorAwaitReturn's continuation.
    AsyncGenReturn(Obj),
    /// A built-in async algorithm's continuation after an `Await` (see
    /// [`Interp::await_native`]): called with its state object and the outcome.
    Native(NativeContinuation, Obj),
}

/// The continuation of a built-in async algorithm (`Array.fromAsync`): its state object and
/// the awaited outcome (`Ok(value)` when fulfilled, `Err(reason)` when rejected).
pub type NativeContinuation = fn(&mut Interp, &Obj, Result<Value, Value>) -> JsResult<()>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReactionKind {
    Fulfill,
    Reject,
}

#[derive(Debug, Clone)]
pub struct Reaction {
    pub capability: Option<Capability>,
    pub kind: ReactionKind,
    pub handler: Handler,
    /// The host's continuation data when the reaction was made
    /// ([`Interp::continuation_data`]), current while its job runs.
    pub context: Value,
}

/// The two PromiseReaction records one PerformPromiseThen makes: the same capability and
/// continuation data, one handler for each outcome.
#[derive(Debug, Clone)]
pub struct ReactionPair {
    pub capability: Option<Capability>,
    pub on_fulfilled: Handler,
    pub on_rejected: Handler,
    /// See [`Reaction::context`].
    pub context: Value,
}

impl ReactionPair {
    /// The reaction of this pair for `kind` (the other one is dropped).
    fn into_reaction(self, kind: ReactionKind) -> Reaction {
        Reaction {
            capability: self.capability,
            kind,
            handler: match kind {
                ReactionKind::Fulfill => self.on_fulfilled,
                ReactionKind::Reject => self.on_rejected,
            },
            context: self.context,
        }
    }
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.capability {
            c.trace(t);
        }
        trace_value(&self.context, t);
        for h in [&self.on_fulfilled, &self.on_rejected] {
            match h {
                Handler::Js(v) => trace_value(v, t),
                Handler::Await(o) | Handler::AsyncGenReturn(o) | Handler::Native(_, o) => {
                    t.edge(&o.0)
                }
            }
        }
    }
}

/// A queued microtask.
pub enum Job {
    /// NewPromiseReactionJob.
    Reaction(Reaction, Value),
    /// NewPromiseResolveThenableJob.
    ResolveThenable {
        promise: Obj,
        thenable: Value,
        then: Value,
    },
    /// A host job: call the function with no arguments (Node's `queueMicrotask(cb)`), with
    /// the host's tag for it (Node: the async id of its `AsyncResource`), handed to
    /// [`crate::host::HostHooks::job_started`].
    Callback(Value, u64),
}

/// The microtask queue plus rejection tracking.
#[derive(Default)]
pub struct JobQueue {
    /// Each job with the continuation data it runs with ([`Interp::continuation_data`]).
    pub jobs: VecDeque<(Job, Value)>,
    /// Promises rejected while unhandled, in order (HostPromiseRejectionTracker "reject").
    pub unhandled: Vec<Obj>,
    /// Rejected promises that got their first handler after the host took them from
    /// `unhandled` (HostPromiseRejectionTracker "handle" for a rejection already reported;
    /// Node's `'rejectionHandled'`).
    pub handled_late: Vec<Obj>,
}

impl Interp {
    /// Whether the microtask queue has jobs waiting.
    pub fn has_pending_jobs(&self) -> bool {
        !self.jobs.jobs.is_empty()
    }

    /// Whether a promise was rejected with no handler and is still unhandled (Node's
    /// `hasRejectionToWarn`).
    pub fn has_unhandled_rejections(&self) -> bool {
        self.jobs.unhandled.iter().any(|p| {
            matches!(&p.borrow().kind, ObjectKind::Promise(pd)
                if !pd.is_handled && matches!(pd.state, PromiseState::Rejected(_)))
        })
    }

    pub fn enqueue_job(&mut self, job: Job) {
        // A reaction runs with the continuation data of its `then`; any other job with the
        // one current when it is queued.
        let context = match &job {
            Job::Reaction(r, _) => r.context.clone(),
            _ => self.continuation_data.clone(),
        };
        self.jobs.jobs.push_back((job, context));
    }

    /// Runs microtasks until the queue is empty. A job's uncaught exception (only possible
    /// for `queueMicrotask` callbacks) is returned and stops the drain.
    pub fn run_microtasks(&mut self) -> JsResult<()> {
        let hooks = self.hooks();
        while let Some((job, context)) = self.jobs.jobs.pop_front() {
            if self.exiting.is_some() {
                return Err(self.exit_sentinel());
            }
            // Promise jobs have tag 0; the host tags its own jobs.
            let exec = match &job {
                Job::Callback(_, id) => *id,
                _ => 0,
            };
            let saved_context = std::mem::replace(&mut self.continuation_data, context);
            let saved = hooks.job_started(self, exec);
            let r = self.run_job(job);
            hooks.job_finished(self, saved);
            self.continuation_data = saved_context;
            r?;
        }
        Ok(())
    }

    fn run_job(&mut self, job: Job) -> JsResult<()> {
        match job {
            Job::Reaction(r, arg) => self.promise_reaction_job(r, arg)?,
            Job::ResolveThenable {
                promise,
                thenable,
                then,
            } => {
                if let Value::Object(t) = &thenable {
                    if crate::builtins::promise::then_is_intact(self, t, &then) {
                        // `then` would pass its settlement to fresh resolving functions of
                        // `promise`, and resolve a derived promise nobody sees: settle
                        // `promise` directly instead (pass-through handlers; the capability
                        // resolves it as its resolve function would, thenables included).
                        // A 10^6-deep chain of `return promise` keeps one reaction per level.
                        self.perform_promise_then(
                            t,
                            Handler::Js(Value::Undefined),
                            Handler::Js(Value::Undefined),
                            Some(Capability::Native(promise)),
                        );
                        return Ok(());
                    }
                }
                let (res, rej) = self.create_resolving_functions(&promise);
                let r = self.call(
                    &then,
                    &thenable,
                    &[Value::Object(res), Value::Object(rej.clone())],
                );
                if let Err(Abrupt::Throw(e)) = r {
                    self.call_obj(&rej, &Value::Undefined, &[e])?;
                } else {
                    r?;
                }
            }
            Job::Callback(f, _) => {
                self.call(&f, &Value::Undefined, &[])?;
            }
        }
        Ok(())
    }

    /// NewPromiseReactionJob's body.
    fn promise_reaction_job(&mut self, r: Reaction, arg: Value) -> JsResult<()> {
        let handler_result: JsResult<Value> = match &r.handler {
            Handler::Js(Value::Undefined) => match r.kind {
                ReactionKind::Fulfill => Ok(arg),
                ReactionKind::Reject => Err(Abrupt::Throw(arg)),
            },
            Handler::Js(f) => {
                // V8's async stack trace starts from the promise this reaction settles.
                let promise = match &r.capability {
                    Some(Capability::Native(p)) => Some(p.clone()),
                    Some(Capability::Generic(g)) => g.promise.as_object().cloned(),
                    None => None,
                };
                let saved = std::mem::replace(&mut self.reaction_promise, promise);
                let result = self.call(f, &Value::Undefined, &[arg]);
                self.reaction_promise = saved;
                result
            }
            Handler::Await(co) => {
                let resume = match r.kind {
                    ReactionKind::Fulfill => Resume::Next(arg),
                    ReactionKind::Reject => Resume::Throw(arg),
                };
                // V8 appends `at async f` frames to stacks taken in an await continuation.
                let saved = self.async_resumed.replace(co.clone());
                let r = self.resume_async(co, resume);
                self.async_resumed = saved;
                r?;
                return Ok(());
            }
            Handler::AsyncGenReturn(g) => {
                self.async_generator_await_return_settled(g, r.kind, arg)?;
                return Ok(());
            }
            Handler::Native(f, state) => {
                let outcome = match r.kind {
                    ReactionKind::Fulfill => Ok(arg),
                    ReactionKind::Reject => Err(arg),
                };
                f(self, state, outcome)?;
                return Ok(());
            }
        };
        let Some(cap) = r.capability else {
            return handler_result.map(|_| ());
        };
        match handler_result {
            Ok(v) => self.resolve_capability(&cap, v),
            Err(Abrupt::Throw(e)) => self.reject_capability(&cap, e),
            Err(other) => Err(other),
        }
    }

    pub fn resolve_capability(&mut self, cap: &Capability, v: Value) -> JsResult<()> {
        match cap {
            Capability::Native(p) => {
                self.resolve_promise(p, v);
                Ok(())
            }
            Capability::Generic(g) => {
                self.call(&g.resolve.clone(), &Value::Undefined, &[v])?;
                Ok(())
            }
        }
    }

    pub fn reject_capability(&mut self, cap: &Capability, e: Value) -> JsResult<()> {
        match cap {
            Capability::Native(p) => {
                self.reject_promise(p, e);
                Ok(())
            }
            Capability::Generic(g) => {
                self.call(&g.reject.clone(), &Value::Undefined, &[e])?;
                Ok(())
            }
        }
    }

    pub fn new_promise(&self) -> Obj {
        Obj::new(
            Some(self.intrinsics.promise_prototype.clone()),
            ObjectKind::Promise(Box::default()),
        )
    }

    /// A built-in promise already fulfilled with `v` (what resolving a new promise with a
    /// non-object does, when no reaction can be registered yet).
    pub fn new_fulfilled_promise(&self, v: Value) -> Obj {
        let mut data = Box::<PromiseData>::default();
        data.state = PromiseState::Fulfilled(v);
        Obj::new(
            Some(self.intrinsics.promise_prototype.clone()),
            ObjectKind::Promise(data),
        )
    }

    pub fn is_promise(v: &Value) -> bool {
        matches!(v, Value::Object(o) if matches!(o.borrow().kind, ObjectKind::Promise(_)))
    }

    /// The resolve function's behaviour (Promise Resolve Functions, steps 7-16).
    pub fn resolve_promise(&mut self, promise: &Obj, resolution: Value) {
        if let Value::Object(r) = &resolution {
            if Obj::ptr_eq(r, promise) {
                let e =
                    self.make_type_error_value("Chaining cycle detected for promise #<Promise>");
                self.reject_promise(promise, e);
                return;
            }
            let then = match crate::builtins::promise::get_then(self, r) {
                Ok(t) => t,
                Err(Abrupt::Throw(e)) => {
                    self.reject_promise(promise, e);
                    return;
                }
                Err(_) => return,
            };
            if self.is_callable(&then) {
                self.enqueue_job(Job::ResolveThenable {
                    promise: promise.clone(),
                    thenable: resolution.clone(),
                    then,
                });
                return;
            }
        }
        self.fulfill_promise(promise, resolution);
    }

    /// FulfillPromise.
    pub fn fulfill_promise(&mut self, promise: &Obj, v: Value) {
        let reactions = {
            let mut d = promise.borrow_mut();
            let ObjectKind::Promise(p) = &mut d.kind else {
                return;
            };
            if !matches!(p.state, PromiseState::Pending) {
                return;
            }
            p.state = PromiseState::Fulfilled(v.clone());
            std::mem::take(&mut p.reactions)
        };
        for r in reactions {
            let r = r.into_reaction(ReactionKind::Fulfill);
            self.enqueue_job(Job::Reaction(r, v.clone()));
        }
    }

    /// RejectPromise (+ HostPromiseRejectionTracker "reject").
    pub fn reject_promise(&mut self, promise: &Obj, e: Value) {
        let (reactions, handled) = {
            let mut d = promise.borrow_mut();
            let ObjectKind::Promise(p) = &mut d.kind else {
                return;
            };
            if !matches!(p.state, PromiseState::Pending) {
                return;
            }
            p.state = PromiseState::Rejected(e.clone());
            (std::mem::take(&mut p.reactions), p.is_handled)
        };
        if !handled {
            self.jobs.unhandled.push(promise.clone());
        }
        for r in reactions {
            let r = r.into_reaction(ReactionKind::Reject);
            self.enqueue_job(Job::Reaction(r, e.clone()));
        }
    }

    /// PerformPromiseThen.
    pub fn perform_promise_then(
        &mut self,
        promise: &Obj,
        on_fulfilled: Handler,
        on_rejected: Handler,
        capability: Option<Capability>,
    ) {
        let pair = ReactionPair {
            capability,
            on_fulfilled,
            on_rejected,
            context: self.continuation_data.clone(),
        };
        let settled = {
            let mut d = promise.borrow_mut();
            let ObjectKind::Promise(p) = &mut d.kind else {
                return;
            };
            let was_handled = p.is_handled;
            p.is_handled = true;
            match &p.state {
                PromiseState::Pending => {
                    p.reactions.push(pair);
                    None
                }
                PromiseState::Fulfilled(v) => Some((
                    pair.into_reaction(ReactionKind::Fulfill),
                    v.clone(),
                    was_handled,
                    false,
                )),
                PromiseState::Rejected(v) => Some((
                    pair.into_reaction(ReactionKind::Reject),
                    v.clone(),
                    was_handled,
                    true,
                )),
            }
        };
        if let Some((r, v, was_handled, rejected)) = settled {
            if rejected && !was_handled {
                // HostPromiseRejectionTracker "handle".
                let before = self.jobs.unhandled.len();
                self.jobs.unhandled.retain(|p| !Obj::ptr_eq(p, promise));
                if self.jobs.unhandled.len() == before {
                    self.jobs.handled_late.push(promise.clone());
                }
            }
            self.enqueue_job(Job::Reaction(r, v));
        }
    }

    /// Await(value) in a built-in async algorithm: PromiseResolve(%Promise%, value) (which
    /// may throw), then `k(state, outcome)` runs as the promise's reaction job.
    pub fn await_native(
        &mut self,
        value: Value,
        k: NativeContinuation,
        state: &Obj,
    ) -> JsResult<()> {
        let p = self.promise_resolve_intrinsic(value)?;
        self.perform_promise_then(
            &p,
            Handler::Native(k, state.clone()),
            Handler::Native(k, state.clone()),
            None,
        );
        Ok(())
    }

    /// PromiseResolve(%Promise%, x).
    pub fn promise_resolve_intrinsic(&mut self, x: Value) -> JsResult<Obj> {
        let Value::Object(o) = &x else {
            // Resolving a new promise with a non-object fulfills it before anything can
            // observe it.
            return Ok(self.new_fulfilled_promise(x));
        };
        if matches!(o.borrow().kind, ObjectKind::Promise(_)) {
            let ctor = crate::builtins::promise::get_constructor(self, o)?;
            if matches!(&ctor, Value::Object(c) if Obj::ptr_eq(c, &self.intrinsics.promise_ctor)) {
                return Ok(o.clone());
            }
        }
        let p = self.new_promise();
        self.resolve_promise(&p, x);
        Ok(p)
    }

    /// CreateResolvingFunctions(promise).
    pub fn create_resolving_functions(&mut self, promise: &Obj) -> (Obj, Obj) {
        let flag = Obj::new(None, ObjectKind::Internal(vec![Value::Bool(false)]));
        let caps = vec![Value::Object(promise.clone()), Value::Object(flag)];
        let resolve = self.native_fn_with("", 1, promise_resolve_function, false, caps.clone());
        let reject = self.native_fn_with("", 1, promise_reject_function, false, caps);
        (resolve, reject)
    }

    pub fn make_type_error_value(&mut self, msg: &str) -> Value {
        let p = self.intrinsics.type_error_prototype.clone();
        Value::Object(self.make_error(&p, msg))
    }

    /// Marks a promise handled without a reaction (a host that takes a rejection itself:
    /// `require()` of an ES module whose evaluation threw rethrows the error synchronously).
    /// HostPromiseRejectionTracker "handle", as a `then` would do, but no reaction job.
    pub fn mark_promise_handled(&mut self, promise: &Obj) {
        let was_handled = match &mut promise.borrow_mut().kind {
            ObjectKind::Promise(p) => std::mem::replace(&mut p.is_handled, true),
            _ => return,
        };
        if !was_handled {
            let before = self.jobs.unhandled.len();
            self.jobs.unhandled.retain(|p| !Obj::ptr_eq(p, promise));
            let rejected = matches!(
                &promise.borrow().kind,
                ObjectKind::Promise(p) if matches!(p.state, PromiseState::Rejected(_))
            );
            if rejected && self.jobs.unhandled.len() == before {
                self.jobs.handled_late.push(promise.clone());
            }
        }
    }

    /// Rejected promises handled after the host took them as unhandled (drains the list).
    pub fn take_late_handled_rejections(&mut self) -> Vec<Obj> {
        std::mem::take(&mut self.jobs.handled_late)
    }

    /// Promises still rejected-and-unhandled (drains the tracker list).
    pub fn take_unhandled_rejections(&mut self) -> Vec<(Obj, Value)> {
        let list = std::mem::take(&mut self.jobs.unhandled);
        list.into_iter()
            .filter_map(|p| {
                let d = p.borrow();
                match &d.kind {
                    ObjectKind::Promise(pd) if !pd.is_handled => match &pd.state {
                        PromiseState::Rejected(v) => Some((p.clone(), v.clone())),
                        _ => None,
                    },
                    _ => None,
                }
            })
            .collect()
    }
}

fn resolving_captures(a: &crate::interp::Args) -> Option<(Obj, Obj)> {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match (n.captures.first(), n.captures.get(1)) {
            (Some(Value::Object(p)), Some(Value::Object(f))) => Some((p.clone(), f.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// Returns true if this is the first resolution (and marks it resolved).
fn claim(flag: &Obj) -> bool {
    let mut d = flag.borrow_mut();
    if let ObjectKind::Internal(v) = &mut d.kind {
        if let Some(Value::Bool(true)) = v.first() {
            return false;
        }
        if let Some(x) = v.first_mut() {
            *x = Value::Bool(true);
        }
    }
    true
}

fn promise_resolve_function(it: &mut Interp, a: &crate::interp::Args) -> JsResult<Value> {
    if let Some((p, flag)) = resolving_captures(a) {
        if claim(&flag) {
            it.resolve_promise(&p, a.get(0));
        }
    }
    Ok(Value::Undefined)
}

fn promise_reject_function(it: &mut Interp, a: &crate::interp::Args) -> JsResult<Value> {
    if let Some((p, flag)) = resolving_captures(a) {
        if claim(&flag) {
            it.reject_promise(&p, a.get(0));
        }
    }
    Ok(Value::Undefined)
}

/// The promise a built-in resolving function settles (`None` for any other function).
pub(crate) fn resolving_function_promise(f: &Obj) -> Option<Obj> {
    let d = f.borrow();
    let ObjectKind::Native(nf) = &d.kind else {
        return None;
    };
    let resolving = std::ptr::fn_addr_eq(nf.f, promise_resolve_function as NativeFn)
        || std::ptr::fn_addr_eq(nf.f, promise_reject_function as NativeFn);
    match nf.captures.first() {
        Some(Value::Object(p)) if resolving => Some(p.clone()),
        _ => None,
    }
}
