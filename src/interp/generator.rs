//! Generators, and how any suspendable body (generator, async function) is suspended and
//! resumed without keeping anything on the Rust stack.
//!
//! ## Design: heap continuation frames
//!
//! The evaluator is an ordinary recursive AST walker. When a `yield` (or `await`) runs, it
//! stores the yielded value in `Interp::yielded` and returns `Err(Abrupt::Suspend)`. Every
//! node on the way out that has state to remember (a statement list's index, a loop's
//! per-iteration environment, a call's evaluated callee and arguments, ...) pushes one
//! [`Frame`](crate::interp::eval::Frame) onto `Interp::frames` and keeps propagating. At the
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

use std::rc::Rc;

use crate::ast;
use crate::gc::Tracer;
use crate::interp::eval::Frame;
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Args, Interp, JsResult};
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

#[derive(Debug)]
pub struct GeneratorData {
    pub state: GenState,
    pub func_obj: Obj,
    pub func: Rc<ast::Function>,
    pub env: Env,
    /// The saved continuation while suspended.
    pub frames: Vec<Frame>,
}

impl GeneratorData {
    pub fn new(func_obj: Obj, func: Rc<ast::Function>, env: Env) -> GeneratorData {
        GeneratorData {
            state: GenState::SuspendedStart,
            func_obj,
            func,
            env,
            frames: Vec::new(),
        }
    }
    pub fn trace(&self, t: &mut Tracer) {
        t.edge(&self.func_obj.0);
        t.edge(&self.env.0);
        for f in &self.frames {
            f.trace(t);
        }
    }
}

/// Result of running a suspendable body one step.
pub enum Step {
    /// Suspended at a `yield`/`await` with this value; the frames are returned.
    Suspended(Value, Vec<Frame>),
    /// Finished with a return value.
    Returned(Value),
}

impl Interp {
    /// Runs (or resumes) a suspendable function body until it suspends or completes.
    /// `frames` is the saved continuation (empty to start from the beginning).
    pub fn run_body(
        &mut self,
        func_obj: &Obj,
        func: &Rc<ast::Function>,
        env: &Env,
        frames: Vec<Frame>,
        resume: Option<Resume>,
    ) -> JsResult<Step> {
        let name = match &func_obj.borrow().kind {
            ObjectKind::Closure(c) => (c.name.clone(), c.source),
            _ => (crate::string::JsStr::empty(), 0),
        };
        self.enter(name.0, name.1)?;
        let saved_frames = std::mem::replace(&mut self.frames, frames);
        let saved_resume = std::mem::replace(&mut self.resume, resume);
        let r = self.eval_function_body(func, env);
        let frames = std::mem::replace(&mut self.frames, saved_frames);
        self.resume = saved_resume;
        self.leave();
        match r {
            Err(Abrupt::Suspend) => {
                let v = std::mem::take(&mut self.yielded);
                Ok(Step::Suspended(v, frames))
            }
            Ok(v) => Ok(Step::Returned(if func.is_async && matches!(func.body, ast::FunctionBody::Block(_)) { Value::Undefined } else { v })),
            Err(Abrupt::Return(v)) => Ok(Step::Returned(v)),
            Err(Abrupt::Throw(e)) => Err(Abrupt::Throw(e)),
            Err(Abrupt::Break(..)) | Err(Abrupt::Continue(..)) => Ok(Step::Returned(Value::Undefined)),
        }
    }

    /// GeneratorResume / GeneratorResumeAbrupt.
    pub fn generator_resume(&mut self, gen: &Value, resume: Resume, method: &str) -> JsResult<Value> {
        let Some(g) = gen.as_object().filter(|o| matches!(o.borrow().kind, ObjectKind::Generator(_))) else {
            let s = crate::inspect::brief(self, gen);
            return Err(self.type_error(format!(
                "{method} method called on incompatible receiver {s}"
            )));
        };
        let g = g.clone();
        let (state, func_obj, func, env, frames) = {
            let mut d = g.borrow_mut();
            let ObjectKind::Generator(gd) = &mut d.kind else {
                unreachable!("checked above")
            };
            let st = gd.state;
            if st == GenState::Executing {
                drop(d);
                return Err(self.type_error("Generator is already running"));
            }
            (st, gd.func_obj.clone(), gd.func.clone(), gd.env.clone(), std::mem::take(&mut gd.frames))
        };
        let set_state = |s: GenState| {
            if let ObjectKind::Generator(gd) = &mut g.borrow_mut().kind {
                gd.state = s;
            }
        };
        match (state, &resume) {
            (GenState::Completed, Resume::Next(_)) => return Ok(self.iter_result(Value::Undefined, true)),
            (GenState::Completed, Resume::Return(v)) => return Ok(self.iter_result(v.clone(), true)),
            (GenState::Completed, Resume::Throw(e)) => return Err(Abrupt::Throw(e.clone())),
            (GenState::SuspendedStart, Resume::Return(v)) => {
                set_state(GenState::Completed);
                return Ok(self.iter_result(v.clone(), true));
            }
            (GenState::SuspendedStart, Resume::Throw(e)) => {
                set_state(GenState::Completed);
                return Err(Abrupt::Throw(e.clone()));
            }
            _ => {}
        }
        set_state(GenState::Executing);
        let resume = if state == GenState::SuspendedStart { None } else { Some(resume) };
        let r = self.run_body(&func_obj, &func, &env, frames, resume);
        match r {
            Ok(Step::Suspended(v, frames)) => {
                if let ObjectKind::Generator(gd) = &mut g.borrow_mut().kind {
                    gd.state = GenState::SuspendedYield;
                    gd.frames = frames;
                }
                if let Some(raw) = self.delegated_result.take() {
                    return Ok(raw);
                }
                Ok(self.iter_result(v, false))
            }
            Ok(Step::Returned(v)) => {
                set_state(GenState::Completed);
                Ok(self.iter_result(v, true))
            }
            Err(e) => {
                set_state(GenState::Completed);
                Err(e)
            }
        }
    }

    /// Starts an async function (Promise support arrives with the async runtime).
    pub fn start_async(
        &mut self,
        _f: &Obj,
        _func: &Rc<ast::Function>,
        _env: &Env,
    ) -> JsResult<Value> {
        Err(self.type_error("async functions are not supported yet"))
    }
}

/// `%GeneratorPrototype%` and `%GeneratorFunction.prototype%`.
pub fn init(it: &mut Interp) {
    let gp = it.intrinsics.generator_prototype.clone();
    it.define_method(&gp, "next", 1, |it, a: &Args| {
        it.generator_resume(a.this, Resume::Next(a.get(0)), "Generator.prototype.next")
    });
    it.define_method(&gp, "return", 1, |it, a: &Args| {
        it.generator_resume(a.this, Resume::Return(a.get(0)), "Generator.prototype.return")
    });
    it.define_method(&gp, "throw", 1, |it, a: &Args| {
        it.generator_resume(a.this, Resume::Throw(a.get(0)), "Generator.prototype.throw")
    });
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    gp.define(tag.clone(), Value::from("Generator"), Attrs::CONFIGURABLE_ONLY);
    let gfp = it.intrinsics.generator_function_prototype.clone();
    gfp.define("prototype", Value::Object(gp.clone()), Attrs::CONFIGURABLE_ONLY);
    gp.define("constructor", Value::Object(gfp.clone()), Attrs::CONFIGURABLE_ONLY);
    gfp.define(tag.clone(), Value::from("GeneratorFunction"), Attrs::CONFIGURABLE_ONLY);
    let agfp = it.intrinsics.async_generator_function_prototype.clone();
    agfp.define(tag.clone(), Value::from("AsyncGeneratorFunction"), Attrs::CONFIGURABLE_ONLY);
    let afp = it.intrinsics.async_function_prototype.clone();
    afp.define(tag, Value::from("AsyncFunction"), Attrs::CONFIGURABLE_ONLY);
}
