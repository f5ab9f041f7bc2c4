//! Generators, and how any suspendable body (generator, async function) is suspended and
//! resumed without keeping anything on the Rust stack.
//!
//! ## Design: heap continuation frames
//!
//! The evaluator is an ordinary recursive AST walker. When a `yield` (or `await`) runs, it
//! stores the yielded value in `Interp::yielded` and returns `Err(Abrupt::Suspend)`. Every
//! node on the way out that has state to remember (a statement list's index, a loop's
//! per-iteration environment, a call's evaluated callee and arguments, ...) pushes one
//! [`Frame`] onto `Interp::frames` and keeps propagating. At the
//! function boundary the collected frames move into the generator object: the continuation
//! now lives entirely on the heap, as traced data, and the Rust stack is back where the
//! `next()` call started.
//!
//! Resuming moves the frames back to `Interp::frames` and re-enters the body. Only nodes
//! flagged `suspends` by the resolver look at the frame stack: each pops its own frame,
//! restores its state and descends straight into the child that was running, until the
//! `yield` itself pops its marker and returns the value sent by `next(v)` (or throws, or
//! starts a `return`). Nodes without a `yield` inside never pay for any of this.
//!
//! Why not stackful coroutines: 100 000 live suspended generators would need 100 000 native
//! stacks (and memory mappings), values on those stacks are invisible to a tracing collector,
//! and a generator dropped while suspended could not be freed. Here a suspended generator is
//! a few hundred bytes, collected like any object. Why not a bytecode VM: the project is an
//! AST walker by design, and this keeps one evaluator for all code.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::ast;
use crate::gc::Tracer;
use crate::interp::eval::Frame;
use crate::interp::iter::IterSite;
use crate::interp::jobs::{Handler, ReactionKind};
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Args, Interp, JsResult, MethodCall};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// How a suspended body is resumed.
#[derive(Debug, Clone)]
pub enum Resume {
    Next(Value),
    Throw(Value),
    Return(Value),
}

/// What a generator runs, fixed when the generator is made: its function object, code and
/// environment behind one reference count, so a step takes one count on them instead of
/// three (DESIGN.md, "Generator steps take their code with one count, session 26").
#[derive(Debug)]
pub struct GeneratorCode {
    pub func_obj: Obj,
    pub func: Rc<ast::Function>,
    pub env: Env,
}

#[derive(Debug)]
pub struct GeneratorData {
    pub state: GenState,
    pub code: Rc<GeneratorCode>,
    /// The saved continuation while suspended.
    pub frames: Vec<Frame>,
    /// The receiver the generator function was called on: V8 names the body's frames after
    /// it on every resumption (`at Object.g`), as on the first call.
    pub method_call: Option<Box<MethodCall>>,
}

impl GeneratorData {
    pub fn new(
        func_obj: Obj,
        func: Rc<ast::Function>,
        env: Env,
        method_call: Option<Box<MethodCall>>,
    ) -> GeneratorData {
        GeneratorData {
            state: GenState::SuspendedStart,
            code: Rc::new(GeneratorCode {
                func_obj,
                func,
                env,
            }),
            frames: Vec::new(),
            method_call,
        }
    }
    pub fn trace(&self, t: &mut Tracer) {
        // The block is this generator's alone: a step holds a second count on it only
        // while the generator itself is held by the step's caller.
        t.edge(&self.code.func_obj.0);
        t.edge(&self.code.env.0);
        trace_method_call(&self.method_call, t);
        for f in &self.frames {
            f.trace(t);
        }
    }
}

/// What one generator step produced.
pub enum GenStep {
    /// IteratorResult(value, done), not yet made into an object.
    Result(Value, bool),
    /// `yield*` passes the inner iterator's result object on as is.
    Raw(Value),
}

/// Result of running a suspendable body one step.
pub enum Step {
    /// Suspended at a `yield`/`await` with this value; the frames are returned.
    Suspended(Value, Vec<Frame>),
    /// Finished with a return value.
    Returned(Value),
}

/// The frames a body saved at its first suspension, kept at their exact number: the
/// `Vec` grew from empty to four 72-byte frames where a `yield` at the top of a body leaves
/// two, and a suspended generator keeps it (100 000 suspended generators: 29 MB of frame
/// vectors). Done once per body, not at every suspension: a resume takes the same vector
/// back, and a deeper later suspension grows it as before.
fn fit_first_suspension(frames: &mut Vec<Frame>) {
    frames.shrink_to_fit();
}

impl Interp {
    /// The receiver of the call being entered (the top stack entry's), kept by a coroutine
    /// for its later resumptions.
    pub(crate) fn current_method_call(&self) -> Option<Box<MethodCall>> {
        self.stack
            .last()
            .and_then(|e| e.method_call.clone())
            .map(Box::new)
    }

    /// Runs (or resumes) a suspendable function body until it suspends or completes.
    /// `frames` is the saved continuation (empty to start from the beginning).
    #[allow(clippy::too_many_arguments)] // the body's state, taken apart by each caller
    pub fn run_body(
        &mut self,
        func_obj: &Obj,
        func: &Rc<ast::Function>,
        env: &Env,
        frames: Vec<Frame>,
        resume: Option<Resume>,
        method_call: Option<&MethodCall>,
        next_call: Option<(&Value, &Obj)>,
    ) -> JsResult<Step> {
        let name = match &func_obj.borrow().kind {
            ObjectKind::Closure(c) => (c.name.clone(), c.source),
            _ => (crate::string::JsStr::empty(), 0),
        };
        // An async function starting synchronously runs in its caller's call entry (the one
        // `[[Call]]` pushed for it); a resumed body, or a generator started by `next()`, gets
        // its own.
        let reuse = frames.is_empty()
            && resume.is_none()
            && next_call.is_none()
            && self.stack.last().is_some_and(|e| {
                e.kind == crate::interp::FrameKind::Js && e.source == name.1 && e.name == name.0
            });
        // `next_call`: the original `next` was called without an entry of its own (see
        // `StackEntry::next_below`). The body's entry stands for both, unless the body's own
        // frame is named after a receiver (`obj.gen()`), which then needs `method_call`:
        // `next` gets its entry as a call would have made it.
        let mut next_entry = false;
        if !reuse {
            if let (Some((g, next)), Some(_)) = (next_call, method_call) {
                self.enter_next_entry(g, next)?;
                next_entry = true;
            }
            if let Err(e) = self.enter(name.0, name.1) {
                if next_entry {
                    self.leave();
                }
                return Err(e);
            }
            if let Some(e) = self.stack.last_mut() {
                if let Some(m) = method_call {
                    e.method_call = Some(m.clone());
                } else if let Some((g, next)) = next_call {
                    e.method_call = Some(MethodCall {
                        receiver: g.clone(),
                        func: next.clone(),
                        called_as: None,
                    });
                    e.next_below = true;
                }
            }
        }
        let saved_frames = std::mem::replace(&mut self.frames, frames);
        let saved_resume = std::mem::replace(&mut self.resume, resume);
        let r = self.eval_function_body(func, env);
        let frames = std::mem::replace(&mut self.frames, saved_frames);
        self.resume = saved_resume;
        if matches!(r, Err(Abrupt::Suspend)) {
            self.last_suspend_pos = self.stack.last().map(|e| (e.source, e.pos.start));
        }
        if !reuse {
            self.leave();
        }
        if next_entry {
            self.leave();
        }
        match r {
            Err(s @ Abrupt::Suspend) => {
                // `Suspend` owns nothing: forgetting it skips a call of `Abrupt`'s drop glue
                // on every suspension (the compiler does not elide it for a known variant).
                std::mem::forget(s);
                let v = std::mem::take(&mut self.yielded);
                Ok(Step::Suspended(v, frames))
            }
            Ok(v) => Ok(Step::Returned(
                if func.is_async && matches!(func.body, ast::FunctionBody::Block(_)) {
                    Value::Undefined
                } else {
                    v
                },
            )),
            Err(Abrupt::Return(v)) => Ok(Step::Returned(v)),
            Err(Abrupt::Throw(e)) => Err(Abrupt::Throw(e)),
            Err(Abrupt::Break(..)) | Err(Abrupt::Continue(..)) => {
                Ok(Step::Returned(Value::Undefined))
            }
        }
    }

    /// Pushes the stack entry a call of the built-in `next` on `gen` would have made (for
    /// a step whose caller made none: `StackEntry::next_below`).
    fn enter_next_entry(&mut self, gen: &Value, next: &Obj) -> JsResult<()> {
        let name = crate::interp::native_frame_name(next);
        self.enter_frame(name, 0, crate::interp::FrameKind::Native)?;
        self.note_method_call(gen, next);
        Ok(())
    }

    /// GeneratorResume / GeneratorResumeAbrupt: the iterator result object.
    pub fn generator_resume(
        &mut self,
        gen: &Value,
        resume: Resume,
        method: &str,
    ) -> JsResult<Value> {
        Ok(match self.generator_step(gen, resume, method, None)? {
            GenStep::Result(v, done) => self.iter_result(v, done),
            GenStep::Raw(r) => r,
        })
    }

    /// GeneratorResume / GeneratorResumeAbrupt without the iterator result object: the
    /// caller decides whether one is observable (for-of over a generator whose `next` is the
    /// original one does not create it). `next_call` is that original `next` when the
    /// caller pushed no stack entry for it (`StackEntry::next_below`).
    pub fn generator_step(
        &mut self,
        gen: &Value,
        resume: Resume,
        method: &str,
        next_call: Option<&Obj>,
    ) -> JsResult<GenStep> {
        let Some(g) = gen
            .as_object()
            .filter(|o| matches!(o.borrow().kind, ObjectKind::Generator(_)))
        else {
            return Err(crate::builtins::iterator::incompatible_receiver(
                self, method, gen,
            ));
        };
        // One borrow takes what the body needs and marks the generator executing; one more
        // puts the continuation back (each `borrow_mut` is a flag check and write).
        let (state, code, frames, method_call) = {
            let mut d = g.borrow_mut();
            let ObjectKind::Generator(gd) = &mut d.kind else {
                unreachable!("checked above")
            };
            let st = gd.state;
            match (st, &resume) {
                (GenState::Executing, _) => {
                    drop(d);
                    // Thrown by `next`: its frame is on the error's stack.
                    let pushed = match next_call {
                        Some(next) => {
                            self.enter_next_entry(gen, next)?;
                            true
                        }
                        None => false,
                    };
                    let e = self.type_error("Generator is already running");
                    if pushed {
                        self.leave();
                    }
                    return Err(e);
                }
                (GenState::Completed, Resume::Next(_)) => {
                    return Ok(GenStep::Result(Value::Undefined, true))
                }
                (GenState::Completed, Resume::Return(v)) => {
                    return Ok(GenStep::Result(v.clone(), true))
                }
                (GenState::Completed, Resume::Throw(e)) => return Err(Abrupt::Throw(e.clone())),
                (GenState::SuspendedStart, Resume::Return(v)) => {
                    gd.state = GenState::Completed;
                    return Ok(GenStep::Result(v.clone(), true));
                }
                (GenState::SuspendedStart, Resume::Throw(e)) => {
                    gd.state = GenState::Completed;
                    return Err(Abrupt::Throw(e.clone()));
                }
                _ => {}
            }
            gd.state = GenState::Executing;
            (
                st,
                gd.code.clone(),
                std::mem::take(&mut gd.frames),
                gd.method_call.take(),
            )
        };
        let resume = if state == GenState::SuspendedStart {
            None
        } else {
            Some(resume)
        };
        let saved_gen = self.current_async_gen.take();
        let r = self.run_body(
            &code.func_obj,
            &code.func,
            &code.env,
            frames,
            resume,
            method_call.as_deref(),
            next_call.map(|n| (gen, n)),
        );
        self.current_async_gen = saved_gen;
        let mut d = g.borrow_mut();
        let ObjectKind::Generator(gd) = &mut d.kind else {
            drop(d);
            return Err(self.type_error("internal error: a generator object changed its kind"));
        };
        gd.method_call = method_call;
        match r {
            Ok(Step::Suspended(v, mut frames)) => {
                if state == GenState::SuspendedStart {
                    fit_first_suspension(&mut frames);
                }
                gd.state = GenState::SuspendedYield;
                gd.frames = frames;
                drop(d);
                if let Some(raw) = self.delegated_result.take() {
                    return Ok(GenStep::Raw(raw));
                }
                Ok(GenStep::Result(v, false))
            }
            Ok(Step::Returned(v)) => {
                gd.state = GenState::Completed;
                Ok(GenStep::Result(v, true))
            }
            Err(e) => {
                gd.state = GenState::Completed;
                Err(e)
            }
        }
    }

    /// Starts an async function or creates an async generator object.
    pub fn start_async(&mut self, f: &Obj, func: &Rc<ast::Function>, env: &Env) -> JsResult<Value> {
        if func.is_generator {
            let proto =
                self.get_prototype_from_constructor(f, |i| i.async_generator_prototype.clone())?;
            let g = Obj::new(
                Some(proto),
                ObjectKind::Async(Box::new(AsyncData {
                    func_obj: f.clone(),
                    func: func.clone(),
                    env: env.clone(),
                    frames: Vec::new(),
                    promise: None,
                    gen_state: GenState::SuspendedStart,
                    awaiting_return: false,
                    queue: VecDeque::new(),
                    suspended_at: None,
                    method_call: self.current_method_call(),
                })),
            );
            return Ok(Value::Object(g));
        }
        let promise = self.new_promise();
        let co = Obj::new(
            None,
            ObjectKind::Async(Box::new(AsyncData {
                func_obj: f.clone(),
                func: func.clone(),
                env: env.clone(),
                frames: Vec::new(),
                promise: Some(promise.clone()),
                gen_state: GenState::Executing,
                awaiting_return: false,
                queue: VecDeque::new(),
                suspended_at: None,
                method_call: self.current_method_call(),
            })),
        );
        self.resume_async(&co, Resume::Next(Value::Undefined))?;
        Ok(Value::Object(promise))
    }

    /// Runs an async body (function or generator) one step: until it awaits, yields or ends.
    pub fn resume_async(&mut self, co: &Obj, resume: Resume) -> JsResult<()> {
        let mut resume = Some(resume);
        loop {
            let (func_obj, func, env, frames, is_gen, started, method_call) = {
                let mut d = co.borrow_mut();
                let ObjectKind::Async(ad) = &mut d.kind else {
                    return Ok(());
                };
                let started = !ad.frames.is_empty();
                (
                    ad.func_obj.clone(),
                    ad.func.clone(),
                    ad.env.clone(),
                    std::mem::take(&mut ad.frames),
                    ad.func.is_generator,
                    started,
                    ad.method_call.take(),
                )
            };
            let saved = std::mem::replace(
                &mut self.current_async_gen,
                if is_gen { Some(co.clone()) } else { None },
            );
            let r = self.run_body(
                &func_obj,
                &func,
                &env,
                frames,
                if started { resume.take() } else { None },
                method_call.as_deref(),
                None,
            );
            self.current_async_gen = saved;
            if let ObjectKind::Async(ad) = &mut co.borrow_mut().kind {
                ad.method_call = method_call;
            }
            match r {
                Ok(Step::Suspended(v, mut frames)) => {
                    if !started {
                        fit_first_suspension(&mut frames);
                    }
                    let at = self.last_suspend_pos.take();
                    if let ObjectKind::Async(ad) = &mut co.borrow_mut().kind {
                        ad.frames = frames;
                        ad.suspended_at = at;
                    }
                    match self.suspend_kind {
                        SuspendKind::Await => {
                            // Await(v): PromiseResolve(%Promise%, v), then resume on settle.
                            match self.promise_resolve_intrinsic(v) {
                                Ok(p) => {
                                    self.perform_promise_then(
                                        &p,
                                        Handler::Await(co.clone()),
                                        Handler::Await(co.clone()),
                                        None,
                                    );
                                    return Ok(());
                                }
                                Err(Abrupt::Throw(e)) => {
                                    resume = Some(Resume::Throw(e));
                                    continue;
                                }
                                Err(e) => return Err(e),
                            }
                        }
                        SuspendKind::Yield => {
                            // An async generator suspended at `yield` (AsyncGeneratorYield has
                            // already settled the request).
                            if let ObjectKind::Async(ad) = &mut co.borrow_mut().kind {
                                ad.gen_state = GenState::SuspendedYield;
                            }
                            return Ok(());
                        }
                    }
                }
                Ok(Step::Returned(v)) => {
                    if is_gen {
                        self.async_generator_finish(co, Ok(v))?;
                    } else if let Some(p) = async_promise(co) {
                        self.resolve_promise(&p, v);
                    }
                    return Ok(());
                }
                Err(Abrupt::Throw(e)) => {
                    if is_gen {
                        self.async_generator_finish(co, Err(e))?;
                    } else if let Some(p) = async_promise(co) {
                        self.reject_promise(&p, e);
                    }
                    return Ok(());
                }
                Err(e) => return Err(e),
            }
        }
    }

    // ---- async generators ---------------------------------------------------------------------

    /// AsyncGenerator.prototype.next/return/throw: AsyncGeneratorEnqueue + resume.
    pub fn async_generator_request(&mut self, this: &Value, completion: Resume) -> JsResult<Value> {
        let promise = self.new_promise();
        let g = match this {
            Value::Object(o) if matches!(&o.borrow().kind, ObjectKind::Async(ad) if ad.func.is_generator) => {
                o.clone()
            }
            _ => {
                // V8: `Method [AsyncGenerator].prototype.next called on incompatible receiver X`.
                let method = match completion {
                    Resume::Next(_) => "[AsyncGenerator].prototype.next",
                    Resume::Return(_) => "[AsyncGenerator].prototype.return",
                    Resume::Throw(_) => "[AsyncGenerator].prototype.throw",
                };
                let e = crate::builtins::iterator::incompatible_receiver(self, method, this);
                let e = match e {
                    crate::interp::Abrupt::Throw(v) => v,
                    other => return Err(other),
                };
                self.reject_promise(&promise, e);
                return Ok(Value::Object(promise));
            }
        };
        let (state, awaiting_return) = match &g.borrow().kind {
            ObjectKind::Async(ad) => (ad.gen_state, ad.awaiting_return),
            _ => (GenState::Completed, false),
        };
        // Spec: a throw on a not-yet-started generator completes it first.
        let state = if state == GenState::SuspendedStart && matches!(completion, Resume::Throw(_)) {
            self.set_async_state(&g, GenState::Completed);
            GenState::Completed
        } else {
            state
        };
        if state == GenState::Completed && !awaiting_return {
            match &completion {
                Resume::Next(_) => {
                    let r = self.iter_result(Value::Undefined, true);
                    self.resolve_promise(&promise, r);
                    return Ok(Value::Object(promise));
                }
                Resume::Throw(e) => {
                    self.reject_promise(&promise, e.clone());
                    return Ok(Value::Object(promise));
                }
                Resume::Return(_) => {}
            }
        }
        if let ObjectKind::Async(ad) = &mut g.borrow_mut().kind {
            ad.queue.push_back((completion.clone(), promise.clone()));
        }
        match state {
            GenState::SuspendedStart | GenState::Completed
                if matches!(completion, Resume::Return(_)) && !awaiting_return =>
            {
                if state == GenState::SuspendedStart {
                    self.set_async_state(&g, GenState::Completed);
                }
                self.async_generator_await_return(&g)?;
            }
            GenState::SuspendedStart | GenState::SuspendedYield => {
                self.set_async_state(&g, GenState::Executing);
                self.resume_async(&g, completion)?;
            }
            _ => {}
        }
        Ok(Value::Object(promise))
    }

    fn set_async_state(&self, g: &Obj, s: GenState) {
        if let ObjectKind::Async(ad) = &mut g.borrow_mut().kind {
            ad.gen_state = s;
        }
    }

    /// AsyncGeneratorCompleteStep: settles the oldest request.
    pub fn async_generator_complete_step(
        &mut self,
        g: &Obj,
        completion: Result<Value, Value>,
        done: bool,
    ) {
        let req = match &mut g.borrow_mut().kind {
            ObjectKind::Async(ad) => ad.queue.pop_front(),
            _ => None,
        };
        let Some((_, promise)) = req else { return };
        match completion {
            Ok(v) => {
                let r = self.iter_result(v, done);
                self.resolve_promise(&promise, r);
            }
            Err(e) => self.reject_promise(&promise, e),
        }
    }

    /// The body finished (returned or threw): complete the current request, drain the queue.
    fn async_generator_finish(&mut self, g: &Obj, result: Result<Value, Value>) -> JsResult<()> {
        self.set_async_state(g, GenState::Completed);
        self.async_generator_complete_step(g, result, true);
        self.async_generator_drain_queue(g)
    }

    /// AsyncGeneratorDrainQueue.
    fn async_generator_drain_queue(&mut self, g: &Obj) -> JsResult<()> {
        loop {
            let front = match &g.borrow().kind {
                ObjectKind::Async(ad) => ad.queue.front().map(|(c, _)| c.clone()),
                _ => None,
            };
            let Some(c) = front else { return Ok(()) };
            match c {
                Resume::Return(_) => return self.async_generator_await_return(g),
                Resume::Throw(e) => self.async_generator_complete_step(g, Err(e), true),
                Resume::Next(_) => {
                    self.async_generator_complete_step(g, Ok(Value::Undefined), true)
                }
            }
        }
    }

    /// AsyncGeneratorAwaitReturn.
    fn async_generator_await_return(&mut self, g: &Obj) -> JsResult<()> {
        let v = match &mut g.borrow_mut().kind {
            ObjectKind::Async(ad) => {
                ad.awaiting_return = true;
                match ad.queue.front() {
                    Some((Resume::Return(v), _)) => v.clone(),
                    _ => Value::Undefined,
                }
            }
            _ => return Ok(()),
        };
        match self.promise_resolve_intrinsic(v) {
            Ok(p) => {
                self.perform_promise_then(
                    &p,
                    Handler::AsyncGenReturn(g.clone()),
                    Handler::AsyncGenReturn(g.clone()),
                    None,
                );
                Ok(())
            }
            Err(Abrupt::Throw(e)) => {
                if let ObjectKind::Async(ad) = &mut g.borrow_mut().kind {
                    ad.awaiting_return = false;
                }
                self.set_async_state(g, GenState::Completed);
                self.async_generator_complete_step(g, Err(e), true);
                self.async_generator_drain_queue(g)
            }
            Err(e) => Err(e),
        }
    }

    pub fn async_generator_await_return_settled(
        &mut self,
        g: &Obj,
        kind: ReactionKind,
        v: Value,
    ) -> JsResult<()> {
        if let ObjectKind::Async(ad) = &mut g.borrow_mut().kind {
            ad.awaiting_return = false;
        }
        self.set_async_state(g, GenState::Completed);
        let c = if kind == ReactionKind::Fulfill {
            Ok(v)
        } else {
            Err(v)
        };
        self.async_generator_complete_step(g, c, true);
        self.async_generator_drain_queue(g)
    }

    /// AsyncGeneratorYield, after the operand was awaited: settle the current request, then
    /// either continue with the next queued request or suspend.
    /// Returns `Some(completion)` to continue immediately.
    pub fn async_generator_yield(&mut self, value: Value) -> Option<Resume> {
        let g = self.current_async_gen.clone()?;
        self.async_generator_complete_step(&g, Ok(value), false);
        let next = match &g.borrow().kind {
            ObjectKind::Async(ad) => ad.queue.front().map(|(c, _)| c.clone()),
            _ => None,
        };
        next
    }
}

impl Interp {
    /// GetIterator(obj, async): `Symbol.asyncIterator`, else an AsyncFromSyncIterator.
    pub fn get_async_iterator(
        &mut self,
        v: &Value,
    ) -> JsResult<crate::interp::iter::IteratorRecord> {
        self.get_async_iterator_at(v, IterSite::Builtin)
    }

    /// GetIterator(obj, async), naming `site` when `v` is neither async nor sync iterable.
    pub fn get_async_iterator_at(
        &mut self,
        v: &Value,
        site: IterSite,
    ) -> JsResult<crate::interp::iter::IteratorRecord> {
        let key = PropKey::Sym(self.symbols.async_iterator.clone());
        if v.is_nullish() {
            return Err(self.not_iterable_error(v, site, true));
        }
        if let Some(m) = self.get_method(v, &key)? {
            return self.get_iterator_from_method(v, &Value::Object(m));
        }
        let sync_key = PropKey::Sym(self.symbols.iterator.clone());
        let Some(sync_method) = self.get_method(v, &sync_key)? else {
            return Err(self.not_iterable_error(v, site, true));
        };
        let sync = self.get_iterator_from_method(v, &Value::Object(sync_method))?;
        self.create_async_from_sync_iterator(sync)
    }

    /// CreateAsyncFromSyncIterator(syncIteratorRecord).
    pub fn create_async_from_sync_iterator(
        &mut self,
        sync: crate::interp::iter::IteratorRecord,
    ) -> JsResult<crate::interp::iter::IteratorRecord> {
        let o = Obj::new(
            Some(self.intrinsics.async_from_sync_iterator_prototype.clone()),
            ObjectKind::Internal(vec![
                Value::Object(sync.iterator.clone()),
                sync.next.clone(),
            ]),
        );
        let next = self.get(&o, &static_key!("next"))?;
        Ok(crate::interp::iter::IteratorRecord {
            iterator: o,
            next,
            done: false,
        })
    }
}

/// The sync Iterator Record an AsyncFromSyncIterator wraps.
fn sync_iterator_record(iter: &Value, next: &Value) -> Option<crate::interp::iter::IteratorRecord> {
    match iter {
        Value::Object(o) => Some(crate::interp::iter::IteratorRecord {
            iterator: o.clone(),
            next: next.clone(),
            done: false,
        }),
        _ => None,
    }
}

/// %AsyncFromSyncIteratorPrototype% methods: next / return / throw.
fn async_from_sync_method(it: &mut Interp, a: &Args, which: u8) -> JsResult<Value> {
    let promise = it.new_promise();
    let (sync_iter, sync_next) = match a.this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::Internal(v) if v.len() == 2 => (v[0].clone(), v[1].clone()),
            _ => (Value::Undefined, Value::Undefined),
        },
        _ => (Value::Undefined, Value::Undefined),
    };
    let result = (|| -> JsResult<Option<Value>> {
        match which {
            0 => {
                let args: Vec<Value> = a.args.first().cloned().into_iter().collect();
                Ok(Some(it.call(&sync_next, &sync_iter, &args)?))
            }
            1 => match it.get_method(&sync_iter, &static_key!("return"))? {
                None => {
                    let r = it.iter_result(a.get(0), true);
                    it.resolve_promise(&promise, r);
                    Ok(None)
                }
                Some(m) => {
                    let args: Vec<Value> = a.args.first().cloned().into_iter().collect();
                    Ok(Some(it.call_obj(&m, &sync_iter, &args)?))
                }
            },
            _ => match it.get_method(&sync_iter, &static_key!("throw"))? {
                None => {
                    // Close the sync iterator, then reject with a TypeError.
                    if let Some(rec) = sync_iterator_record(&sync_iter, &sync_next) {
                        it.iterator_close(&rec, Ok(()))?;
                    }
                    Err(it.type_error("The iterator does not provide a 'throw' method."))
                }
                Some(m) => {
                    let args: Vec<Value> = a.args.first().cloned().into_iter().collect();
                    Ok(Some(it.call_obj(&m, &sync_iter, &args)?))
                }
            },
        }
    })();
    let result = match result {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(Value::Object(promise)),
        Err(Abrupt::Throw(e)) => {
            it.reject_promise(&promise, e);
            return Ok(Value::Object(promise));
        }
        Err(e) => return Err(e),
    };
    // AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord,
    // closeOnRejection): `next` and `throw` close the sync iterator when the value rejects.
    let close_on_rejection = which != 1;
    let cont = (|| -> JsResult<()> {
        let Value::Object(ro) = &result else {
            return Err(it.type_error("Iterator result is not an object"));
        };
        // Steps 1-2.
        let done = it.get(ro, &static_key!("done"))?.to_boolean();
        let value = it.get(ro, &static_key!("value"))?;
        // Steps 3-5.
        let wrapper = match it.promise_resolve_intrinsic(value) {
            Err(e) if !done && close_on_rejection => {
                let rec = sync_iterator_record(&sync_iter, &sync_next);
                match rec {
                    Some(rec) => it.iterator_close(&rec, Err(e))?,
                    None => return Err(e),
                }
            }
            r => r?,
        };
        // Steps 6-7.
        let unwrap = it.native_fn_with(
            "",
            1,
            |it, a| {
                let done = matches!(
                    &a.callee.borrow().kind,
                    ObjectKind::Native(n) if matches!(n.captures.first(), Some(Value::Bool(true)))
                );
                Ok(it.iter_result(a.get(0), done))
            },
            false,
            vec![Value::Bool(done)],
        );
        // Steps 8-9: the closeIterator closure closes the sync iterator and rethrows.
        let on_rejected = if done || !close_on_rejection {
            Value::Undefined
        } else {
            let close = it.native_fn_with(
                "",
                1,
                |it, a| {
                    let captures = match &a.callee.borrow().kind {
                        ObjectKind::Native(n) => n.captures.clone(),
                        _ => Vec::new(),
                    };
                    let error = a.get(0);
                    match captures.as_slice() {
                        [iter, next] => match sync_iterator_record(iter, next) {
                            Some(rec) => it.iterator_close(&rec, Err(Abrupt::Throw(error))),
                            None => Err(Abrupt::Throw(error)),
                        },
                        _ => Err(Abrupt::Throw(error)),
                    }
                },
                false,
                vec![sync_iter.clone(), sync_next.clone()],
            );
            Value::Object(close)
        };
        // Step 10.
        it.perform_promise_then(
            &wrapper,
            Handler::Js(Value::Object(unwrap)),
            Handler::Js(on_rejected),
            Some(crate::interp::jobs::Capability::Native(promise.clone())),
        );
        Ok(())
    })();
    if let Err(Abrupt::Throw(e)) = cont {
        it.reject_promise(&promise, e);
    }
    Ok(Value::Object(promise))
}

/// Why a suspendable body suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuspendKind {
    Yield,
    Await,
}

/// State of an async function activation or an async generator.
#[derive(Debug)]
pub struct AsyncData {
    pub func_obj: Obj,
    pub func: Rc<ast::Function>,
    pub env: Env,
    pub frames: Vec<Frame>,
    /// Async functions: the promise returned to the caller.
    pub promise: Option<Obj>,
    /// Async generators: the generator state.
    pub gen_state: GenState,
    pub awaiting_return: bool,
    /// Async generators: queued requests (completion, promise).
    pub queue: VecDeque<(Resume, Obj)>,
    /// Where the body is suspended (source, offset of its latest call or `await`), for V8's
    /// `at async f (file:line:col)` frames.
    pub suspended_at: Option<(u32, u32)>,
    /// The receiver of the original call (see [`GeneratorData::method_call`]).
    pub method_call: Option<Box<MethodCall>>,
}

fn trace_method_call(m: &Option<Box<MethodCall>>, t: &mut Tracer) {
    if let Some(m) = m {
        crate::object::trace_value(&m.receiver, t);
        t.edge(&m.func.0);
    }
}

impl AsyncData {
    pub fn trace(&self, t: &mut Tracer) {
        t.edge(&self.func_obj.0);
        t.edge(&self.env.0);
        trace_method_call(&self.method_call, t);
        for f in &self.frames {
            f.trace(t);
        }
        if let Some(p) = &self.promise {
            t.edge(&p.0);
        }
        for (c, p) in &self.queue {
            match c {
                Resume::Next(v) | Resume::Throw(v) | Resume::Return(v) => {
                    crate::object::trace_value(v, t)
                }
            }
            t.edge(&p.0);
        }
    }
}

pub(crate) fn async_promise(co: &Obj) -> Option<Obj> {
    match &co.borrow().kind {
        ObjectKind::Async(ad) => ad.promise.clone(),
        _ => None,
    }
}

/// The promise an async body settles next: an async function's own promise, or the promise
/// of an async generator's oldest request (V8's async stack trace goes on from it).
pub(crate) fn async_current_promise(co: &Obj) -> Option<Obj> {
    match &co.borrow().kind {
        ObjectKind::Async(ad) if ad.func.is_generator => ad.queue.front().map(|(_, p)| p.clone()),
        ObjectKind::Async(ad) => ad.promise.clone(),
        _ => None,
    }
}

/// `%GeneratorPrototype%` and `%GeneratorFunction.prototype%`.
pub fn init(it: &mut Interp) {
    // V8's key order: `constructor` first on the prototypes, `prototype` first on
    // %GeneratorFunction.prototype%.
    let gp = it.intrinsics.generator_prototype.clone();
    let gfp = it.intrinsics.generator_function_prototype.clone();
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    gfp.define(
        "prototype",
        Value::Object(gp.clone()),
        Attrs::CONFIGURABLE_ONLY,
    );
    gp.define(
        "constructor",
        Value::Object(gfp.clone()),
        Attrs::CONFIGURABLE_ONLY,
    );
    let next = it.define_method_obj(&gp, "next", 1, |it, a: &Args| {
        it.generator_resume(a.this, Resume::Next(a.get(0)), "[Generator].prototype.next")
    });
    it.original_next.generator = Some(next);
    it.define_method(&gp, "return", 1, |it, a: &Args| {
        it.generator_resume(
            a.this,
            Resume::Return(a.get(0)),
            "[Generator].prototype.return",
        )
    });
    it.define_method(&gp, "throw", 1, |it, a: &Args| {
        it.generator_resume(
            a.this,
            Resume::Throw(a.get(0)),
            "[Generator].prototype.throw",
        )
    });
    gp.define(
        tag.clone(),
        Value::from("Generator"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let agp = it.intrinsics.async_generator_prototype.clone();
    let agfp = it.intrinsics.async_generator_function_prototype.clone();
    agfp.define(
        "prototype",
        Value::Object(agp.clone()),
        Attrs::CONFIGURABLE_ONLY,
    );
    agp.define("constructor", Value::Object(agfp), Attrs::CONFIGURABLE_ONLY);
    it.define_method(&agp, "next", 1, |it, a: &Args| {
        it.async_generator_request(a.this, Resume::Next(a.get(0)))
    });
    it.define_method(&agp, "return", 1, |it, a: &Args| {
        it.async_generator_request(a.this, Resume::Return(a.get(0)))
    });
    it.define_method(&agp, "throw", 1, |it, a: &Args| {
        it.async_generator_request(a.this, Resume::Throw(a.get(0)))
    });
    agp.define(
        tag.clone(),
        Value::from("AsyncGenerator"),
        Attrs::CONFIGURABLE_ONLY,
    );
    // %GeneratorFunction%, %AsyncGeneratorFunction%, %AsyncFunction% (not globals; reachable
    // through `.constructor`): CreateDynamicFunction of their kind.
    use crate::builtins::function::{create_dynamic_function, DynamicKind};
    let dynamic: [(&str, Obj, crate::interp::NativeFn); 3] = [
        (
            "GeneratorFunction",
            it.intrinsics.generator_function_prototype.clone(),
            |it, a| create_dynamic_function(it, a, DynamicKind::Generator),
        ),
        (
            "AsyncGeneratorFunction",
            it.intrinsics.async_generator_function_prototype.clone(),
            |it, a| create_dynamic_function(it, a, DynamicKind::AsyncGenerator),
        ),
        (
            "AsyncFunction",
            it.intrinsics.async_function_prototype.clone(),
            |it, a| create_dynamic_function(it, a, DynamicKind::Async),
        ),
    ];
    for (name, proto, f) in dynamic {
        let ctor = it.native_fn_with(name, 1, f, true, Vec::new());
        ctor.borrow_mut().proto = Some(it.intrinsics.function_ctor.clone());
        ctor.define("prototype", Value::Object(proto.clone()), Attrs::NONE);
        proto.define("constructor", Value::Object(ctor), Attrs::CONFIGURABLE_ONLY);
    }
    let afs = it.intrinsics.async_from_sync_iterator_prototype.clone();
    it.define_method(&afs, "next", 1, |it, a| async_from_sync_method(it, a, 0));
    it.define_method(&afs, "return", 1, |it, a| async_from_sync_method(it, a, 1));
    it.define_method(&afs, "throw", 1, |it, a| async_from_sync_method(it, a, 2));
    let aip = it.intrinsics.async_iterator_prototype.clone();
    let asym = it.symbols.async_iterator.clone();
    it.define_symbol_method(&aip, &asym, "[Symbol.asyncIterator]", 0, |_, a| {
        Ok(a.this.clone())
    });
    gfp.define(
        tag.clone(),
        Value::from("GeneratorFunction"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let agfp = it.intrinsics.async_generator_function_prototype.clone();
    agfp.define(
        tag.clone(),
        Value::from("AsyncGeneratorFunction"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let afp = it.intrinsics.async_function_prototype.clone();
    afp.define(tag, Value::from("AsyncFunction"), Attrs::CONFIGURABLE_ONLY);
}
