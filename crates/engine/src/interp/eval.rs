//! Statement and expression evaluation.
//!
//! Every `eval_*` function is an ordinary recursive walk. Nodes flagged `suspends` by the
//! resolver (they contain a `yield`/`await` of the running function) additionally save their
//! state as a [`Frame`] when a child suspends, and restore it when resumed; see
//! `generator.rs` for the design. The rule that keeps this correct: a node kind either never
//! touches `Interp::frames` ("transparent": it has no state before its only suspending child),
//! or always pushes exactly one frame when suspending through it and pops exactly one when
//! resumed.

use std::rc::Rc;

use crate::ast::*;
use crate::bigint::{bigint_bitwise_not, bigint_unary_minus};
use crate::gc::Tracer;
use crate::interp::dispose::DisposeState;
use crate::interp::function::{FieldKey, FieldRecord, PrivateMethod};
use crate::interp::generator::{GenStep, Resume};
use crate::interp::iter::{IterSite, IteratorRecord};
use crate::interp::ops::{array_index_of, array_index_of_number, number_binary, Numeric, LENGTH};
use crate::interp::pattern::DSource;
use crate::interp::prop_cache::{AddMiss, ReadMiss};
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Interp, JsResult};
use crate::object::{
    trace_value, Attrs, Obj, ObjectData, ObjectKind, PropKey, PropMap, PropertyDescriptor,
};
use crate::position::member_position;
use crate::resolve::{Binding, DeclKind, ScopeInfo};
use crate::string::JsStr;
use crate::value::{to_int32, Sym, Value};

/// Evaluated call arguments: inline up to four (most calls), on the heap beyond.
type ArgBuf = smallvec::SmallVec<[Value; 4]>;

/// Drops a finished call's arguments. An inline buffer holds nothing but its values, so
/// once the values that own something are dropped it is forgotten: numbers, booleans and
/// `undefined` take no out-of-line drop call each, and the buffer's own drop loop is skipped.
#[inline(always)]
fn release_args(mut argv: ArgBuf) {
    if argv.spilled() {
        return;
    }
    for v in argv.iter_mut() {
        if !matches!(
            v,
            Value::Undefined | Value::Null | Value::Bool(_) | Value::Number(_) | Value::Empty
        ) {
            *v = Value::Undefined;
        }
    }
    std::mem::forget(argv);
}

/// Saved state of one suspended node (see module docs).
#[derive(Debug)]
pub enum Frame {
    /// Statement list: index of the statement running, completion value so far.
    Stmts { index: usize, completion: Value },
    /// A block (its environment if materialized).
    Block(Option<Env>),
    /// `if`/`?:`: 0 = test, 1 = consequent, 2 = alternate.
    Branch(u8),
    /// while / do-while / for: phase (0 test, 1 body, 2 update, 3 init), env, completion.
    Loop {
        phase: u8,
        env: Option<Env>,
        completion: Value,
    },
    /// for-in / for-of: 0 = evaluating the subject, 1 = body.
    ForInOf {
        phase: u8,
        iter: Option<IteratorRecord>,
        env: Option<Env>,
        completion: Value,
    },
    /// try: phase 0 block, 1 catch, 2 finally; the completion to resume after `finally`.
    Try {
        phase: u8,
        env: Option<Env>,
        pending: Option<Box<JsResult<Value>>>,
    },
    /// switch: phase 0 = discriminant, 1 = case tests, 2 = bodies.
    Switch {
        phase: u8,
        disc: Value,
        case: usize,
        env: Option<Env>,
        completion: Value,
    },
    /// Variable declaration: declarator index.
    Decl(usize),
    /// Evaluated operands of an n-ary node so far (binary, call, member, literals...).
    Operands(Vec<Value>),
    /// An array/object literal under construction, at element or property `index`; `key`
    /// is that property's key when the suspension was in its value (a computed key is
    /// evaluated once).
    Literal {
        obj: Obj,
        index: usize,
        key: Option<PropKey>,
    },
    /// A `yield`/`await` whose operand is being evaluated.
    Operand,
    /// Suspended at this `yield`/`await` itself.
    Suspended,
    /// `yield*`: the inner iterator.
    Delegate(IteratorRecord),
    /// for await: phase 0 subject, 1 body, 2 awaiting `next()`, 3 awaiting `return()`.
    ForAwait {
        phase: u8,
        iter: Option<IteratorRecord>,
        env: Option<Env>,
        completion: Value,
        pending: Option<Box<JsResult<Value>>>,
    },
    /// `yield*` in an async generator: the inner async iterator and where it is suspended
    /// (0 awaiting an inner result, 1 at the yield, 2 awaiting a return value to unwrap,
    /// 3 awaiting the value of a return with no inner `return`, 4 awaiting a close).
    AsyncDelegate {
        iter: IteratorRecord,
        phase: u8,
        from_return: bool,
    },
    /// An array pattern being destructured (boxed: rare, and the largest state).
    PatArray(Box<PatArrayFrame>),
    /// An object pattern being destructured (boxed, as `PatArray`).
    PatObject(Box<PatObjectFrame>),
    /// A destructuring assignment target receiving `value`.
    Pattern(Value),
    /// Declarator `index` binding its pattern to `value`.
    DeclPattern(usize, Value),
    /// Assignment: the evaluated reference parts and phase.
    Assign {
        phase: u8,
        base: Value,
        key: Option<PropKey>,
        old: Value,
    },
    /// A scope's DisposeResources suspended at an `Await` (`await using`).
    Dispose(Box<DisposeState>),
    /// A class definition suspended in its heritage (`class C extends f(await x) {}`), with
    /// the class scope the heritage runs in (closures made there hold it).
    ClassHeritage(Env),
    /// A class definition suspended in an element's computed key (boxed: rare and large).
    Class(Box<ClassFrame>),
}

/// The elements a class-level static step defines once the class exists: a public field's key,
/// a private field's name, and its initializer or static block.
type StaticElement = (Option<PropKey>, Option<Sym>, Option<Obj>);

/// A class definition suspended in the computed key of element `index`
/// (`class { [yield x]() {} }`): what ClassDefinitionEvaluation made before that key — the
/// class scope with its private names, the constructor, the prototype and the elements
/// collected so far — kept so that resuming continues the same definition.
#[derive(Debug)]
pub struct ClassFrame {
    cenv: Env,
    f: Obj,
    proto: Obj,
    index: usize,
    instance_fields: Vec<FieldRecord>,
    static_elements: Vec<StaticElement>,
}

fn trace_env(e: &Option<Env>, t: &mut Tracer) {
    if let Some(e) = e {
        t.edge(&e.0)
    }
}

/// The values held by a saved completion (`finally` pending, async close pending).
fn trace_completion(c: &JsResult<Value>, t: &mut Tracer) {
    match c {
        Ok(v)
        | Err(Abrupt::Throw(v))
        | Err(Abrupt::Return(v))
        | Err(Abrupt::Break(_, v))
        | Err(Abrupt::Continue(_, v)) => trace_value(v, t),
        Err(Abrupt::Suspend) => {}
    }
}

/// An array pattern being destructured: element index, phase within it (0 target
/// reference, 1 next value, 2 default, 3 bind), and the values so far.
#[derive(Debug)]
pub struct PatArrayFrame {
    pub rec: IteratorRecord,
    pub index: usize,
    pub phase: u8,
    pub value: Value,
    pub lref: Option<(Value, PropKey)>,
}

/// An object pattern being destructured (phases: 0 key, 1 reference, 2 default, 3 bind).
#[derive(Debug)]
pub struct PatObjectFrame {
    pub source: Value,
    pub index: usize,
    pub phase: u8,
    pub value: Value,
    pub key: Option<PropKey>,
    pub lref: Option<(Value, PropKey)>,
    pub used: Vec<PropKey>,
}

impl Frame {
    pub fn trace(&self, t: &mut Tracer) {
        match self {
            Frame::Stmts { completion, .. } => trace_value(completion, t),
            Frame::Block(e) => trace_env(e, t),
            Frame::Loop {
                env, completion, ..
            } => {
                trace_env(env, t);
                trace_value(completion, t);
            }
            Frame::ForInOf {
                iter,
                env,
                completion,
                ..
            }
            | Frame::ForAwait {
                iter,
                env,
                completion,
                ..
            } => {
                if let Some(i) = iter {
                    i.trace(t);
                }
                trace_env(env, t);
                trace_value(completion, t);
                if let Frame::ForAwait {
                    pending: Some(p), ..
                } = self
                {
                    trace_completion(p, t);
                }
            }
            Frame::Try { env, pending, .. } => {
                trace_env(env, t);
                if let Some(p) = pending {
                    trace_completion(p, t);
                }
            }
            Frame::Switch {
                disc,
                env,
                completion,
                ..
            } => {
                trace_value(disc, t);
                trace_env(env, t);
                trace_value(completion, t);
            }
            Frame::Operands(vs) => {
                for v in vs {
                    trace_value(v, t);
                }
            }
            Frame::Literal { obj, .. } => t.edge(&obj.0),
            Frame::Delegate(r) => r.trace(t),
            Frame::AsyncDelegate { iter, .. } => iter.trace(t),
            Frame::PatArray(f) => {
                let PatArrayFrame {
                    rec, value, lref, ..
                } = &**f;
                rec.trace(t);
                trace_value(value, t);
                if let Some((b, _)) = lref {
                    trace_value(b, t);
                }
            }
            Frame::PatObject(f) => {
                let PatObjectFrame {
                    source,
                    value,
                    lref,
                    ..
                } = &**f;
                trace_value(source, t);
                trace_value(value, t);
                if let Some((b, _)) = lref {
                    trace_value(b, t);
                }
            }
            Frame::Pattern(v) | Frame::DeclPattern(_, v) => trace_value(v, t),
            Frame::Assign { base, old, .. } => {
                trace_value(base, t);
                trace_value(old, t);
            }
            Frame::Dispose(st) => st.trace(t),
            Frame::Class(c) => {
                t.edge(&c.cenv.0);
                t.edge(&c.f.0);
                t.edge(&c.proto.0);
                crate::interp::function::trace_field_records(&c.instance_fields, t);
                for (_, _, init) in &c.static_elements {
                    if let Some(o) = init {
                        t.edge(&o.0);
                    }
                }
            }
            Frame::Branch(_) | Frame::Decl(_) | Frame::Operand | Frame::Suspended => {}
            Frame::ClassHeritage(e) => t.edge(&e.0),
        }
    }
}

/// Evaluates `$e`; if it suspends, pushes `$frame` and propagates the suspension.
macro_rules! sus {
    ($self:ident, $e:expr, $frame:expr) => {
        match $e {
            Ok(v) => v,
            Err(s @ Abrupt::Suspend) => {
                push_frame!($self, $frame);
                return Err(s);
            }
            Err(e) => return Err(e),
        }
    };
}

/// Pushes a resume frame, built in its place on the frame stack: `frames.push(frame)` builds
/// the frame on the native stack field by field and then copies it with 16-byte loads that
/// cannot be forwarded from the narrower stores just made, a store-forwarding stall on every
/// suspension (DESIGN.md, "Frames pushed and popped in place").
macro_rules! push_frame {
    ($self:ident, $frame:expr) => {
        push_frame_in_place(&mut $self.frames, || $frame)
    };
}

/// See [`push_frame!`]: the frame `make` returns is written straight into the frame stack.
#[inline(always)]
fn push_frame_in_place(frames: &mut Vec<Frame>, make: impl FnOnce() -> Frame) {
    frames.reserve(1);
    let len = frames.len();
    // SAFETY: `reserve(1)` left room for one more frame at `len`; it is fully written before
    // the length covers it (as `Interp::enter_frame` writes its stack entry).
    unsafe {
        frames.as_mut_ptr().add(len).write(make());
        frames.set_len(len + 1);
    }
}

/// V8's TypeError for assigning to an immutable binding.
fn const_assignment_message(kind: DeclKind) -> &'static str {
    if kind == DeclKind::Using {
        "Assignment to using variable."
    } else {
        "Assignment to constant variable."
    }
}

/// The parts of a `for (init; test; update) body` statement.
struct ForParts<'a> {
    init: Option<&'a ForInit>,
    test: Option<&'a Expr>,
    update: Option<&'a Expr>,
    body: &'a Stmt,
}

/// UpdateEmpty(completion, value).
fn update_empty(r: Abrupt, completion: &Value) -> Abrupt {
    match r {
        Abrupt::Break(l, Value::Empty) => Abrupt::Break(l, completion.clone()),
        Abrupt::Continue(l, Value::Empty) => Abrupt::Continue(l, completion.clone()),
        other => other,
    }
}

/// Does this break/continue target the loop with these labels?
fn targets(label: &Option<JsStr>, labels: &[JsStr]) -> bool {
    match label {
        None => true,
        Some(l) => labels.iter().any(|x| x == l),
    }
}

impl Interp {
    #[inline]
    fn resuming(&self, suspends: bool) -> bool {
        suspends && !self.frames.is_empty()
    }

    /// The fields of the top frame when it is a [`Frame::Loop`], taken where it lies (see
    /// [`Interp::drop_top_frame`]); `None` (and the frame left) otherwise.
    #[inline(always)]
    fn take_loop_frame(&mut self) -> Option<(u8, Option<Env>, Value)> {
        match self.frames.last_mut() {
            Some(Frame::Loop {
                phase,
                env,
                completion,
            }) => {
                let taken = (*phase, env.take(), std::mem::take(completion));
                self.drop_top_frame();
                Some(taken)
            }
            _ => None,
        }
    }

    /// Removes the top frame after the caller took every field that owns something out of
    /// it (what is left needs no drop): nothing is copied out of the frame stack.
    #[inline(always)]
    fn drop_top_frame(&mut self) {
        if let Some(emptied) = self.frames.pop() {
            std::mem::forget(emptied);
        }
    }

    fn pop_frame(&mut self) -> JsResult<Frame> {
        match self.frames.pop() {
            Some(f) => Ok(f),
            None => Err(self.type_error("internal error: missing resume frame")),
        }
    }

    fn bad_frame(&mut self) -> Abrupt {
        self.frames.clear();
        self.type_error("internal error: unexpected resume frame")
    }

    // =========================================================================================
    // Statements
    // =========================================================================================

    /// Evaluates a statement list, returning its completion value (`Value::Empty` if none).
    pub fn eval_stmts(&mut self, stmts: &[Stmt], env: &Env) -> JsResult<Value> {
        // The frame's fields are taken where it lies, not popped: a frame moved out through
        // memory is copied with wide loads that stall on store forwarding (DESIGN.md,
        // "Frames pushed and popped in place").
        let (start, mut completion) = match self.frames.last_mut() {
            Some(Frame::Stmts { index, completion }) => {
                let taken = (*index, std::mem::take(completion));
                self.drop_top_frame();
                taken
            }
            _ => (0, Value::Empty),
        };
        for (i, st) in stmts.iter().enumerate().skip(start) {
            match self.eval_stmt(st, env) {
                Ok(Value::Empty) => {}
                Ok(v) => completion = v,
                Err(s @ Abrupt::Suspend) => {
                    push_frame!(
                        self,
                        Frame::Stmts {
                            index: i,
                            completion,
                        }
                    );
                    return Err(s);
                }
                Err(e) => return Err(update_empty(e, &completion)),
            }
        }
        Ok(completion)
    }

    /// Enters a block scope: a fresh environment if materialized, TDZ and hoisted functions.
    fn enter_block_scope(&mut self, info: Option<&Rc<ScopeInfo>>, env: &Env) -> Env {
        let Some(info) = info else { return env.share() };
        if info.decls.is_empty() {
            return env.share();
        }
        let benv = if info.materialized {
            Env::new(Some(env.clone()), info)
        } else {
            env.reset_tdz(&info.decls);
            env.share()
        };
        for (slot, f) in &info.functions {
            let clo = self.make_closure(f, &benv, None, None);
            benv.set(0, *slot, Value::Object(clo));
        }
        if let Some(slot) = info.dispose_slot {
            // No resources yet (a non-materialized scope reuses its slot on every entry).
            benv.set(0, slot, Value::Undefined);
        }
        benv
    }

    /// The statement list of a scope with `using` declarations (its dispose binding is
    /// `slot` of `env`), then DisposeResources with its completion.
    pub(crate) fn eval_stmts_disposing(
        &mut self,
        stmts: &[Stmt],
        env: &Env,
        slot: u32,
    ) -> JsResult<Value> {
        if self.resuming_dispose() {
            return self.resume_dispose();
        }
        let r = self.eval_stmts(stmts, env);
        if let Err(Abrupt::Suspend) = r {
            return r;
        }
        self.dispose_scope(env, slot, r)
    }

    fn eval_block(&mut self, b: &Block, env: &Env, suspends: bool) -> JsResult<Value> {
        if runs_in_enclosing_scope(b, suspends) {
            return self.eval_stmts(&b.body, env);
        }
        // A block whose bindings live in `env` (not materialized) and that has no hoisted
        // functions or resources needs no frame: resuming, it only skips the TDZ set-up.
        // (Whether a block has a frame is fixed per block, so a suspension and its resumption
        // agree.)
        if b.scope
            .get()
            .is_none_or(|i| !i.materialized && i.functions.is_empty() && i.dispose_slot.is_none())
        {
            if !self.resuming(suspends) {
                self.enter_block_scope(b.scope.get(), env);
            }
            return self.eval_stmts(&b.body, env);
        }
        let benv = if self.resuming(suspends) {
            match self.frames.last_mut() {
                Some(Frame::Block(e)) => {
                    let benv = e.take().unwrap_or_else(|| env.clone());
                    self.drop_top_frame();
                    benv
                }
                _ => return Err(self.bad_frame()),
            }
        } else {
            self.enter_block_scope(b.scope.get(), env)
        };
        let saved = if Env::ptr_eq(&benv, env) {
            None
        } else {
            Some(benv.clone())
        };
        let r = match b.scope.get().and_then(|i| i.dispose_slot) {
            Some(slot) => self.eval_stmts_disposing(&b.body, &benv, slot),
            None => self.eval_stmts(&b.body, &benv),
        };
        Ok(sus!(self, r, Frame::Block(saved)))
    }

    pub fn eval_stmt(&mut self, st: &Stmt, env: &Env) -> JsResult<Value> {
        let suspends = st.suspends.get();
        match &st.kind {
            // The commonest statements, an assignment, an update, a call or a `yield`,
            // dispatched here without `eval_expr`'s frame around them.
            StmtKind::Expr(e) => match &e.kind {
                ExprKind::Assign { op, target, value } => {
                    self.eval_assign(e, *op, target, value, env)
                }
                ExprKind::Update { op, prefix, target } => {
                    self.eval_update(*op, *prefix, target, env)
                }
                ExprKind::Call { .. } => self.eval_call(e, env),
                ExprKind::Yield { arg, delegate } => {
                    self.eval_yield(e, arg.as_deref(), *delegate, env)
                }
                _ => self.eval_expr(e, env),
            },
            StmtKind::Var(v) => {
                if is_import_declaration(v) {
                    // Import bindings were made indirect by module linking.
                    return Ok(Value::Empty);
                }
                self.eval_var_decl(v, env, suspends)?;
                Ok(Value::Empty)
            }
            StmtKind::Function(_) => Ok(Value::Empty),
            StmtKind::Class(c) => {
                let v = self.eval_class(c, env)?;
                if let Some(name) = &c.name {
                    self.init_binding(name, v, env)?;
                }
                Ok(Value::Empty)
            }
            StmtKind::Return(e) => {
                if !suspends {
                    let v = match e {
                        Some(e) => self.eval_expr(e, env)?,
                        None => Value::Undefined,
                    };
                    return Err(Abrupt::Return(v));
                }
                let resumed = if self.resuming(true) {
                    Some(self.pop_frame()?)
                } else {
                    None
                };
                let v = match resumed {
                    Some(Frame::Branch(1)) => self.take_resume()?,
                    Some(Frame::Operand) | None => {
                        let v = match e {
                            Some(e) => sus!(self, self.eval_expr(e, env), Frame::Operand),
                            None => Value::Undefined,
                        };
                        if e.is_some() && self.current_async_gen.is_some() {
                            // In async generators `return x` awaits x (a bare `return;` does not).
                            return self.suspend_await(v, Frame::Branch(1));
                        }
                        v
                    }
                    Some(_) => return Err(self.bad_frame()),
                };
                Err(Abrupt::Return(v))
            }
            StmtKind::If { test, cons, alt } => {
                let branch = self.eval_branch(test, env, suspends)?;
                let r = if branch == 1 {
                    sus!(self, self.eval_nested_stmt(cons, env), Frame::Branch(1))
                } else if let Some(a) = alt {
                    sus!(self, self.eval_nested_stmt(a, env), Frame::Branch(2))
                } else {
                    Value::Undefined
                };
                Ok(if let Value::Empty = r {
                    Value::Undefined
                } else {
                    r
                })
            }
            StmtKind::Block(b) => self.eval_block(b, env, suspends),
            StmtKind::Empty | StmtKind::Debugger => Ok(Value::Empty),
            StmtKind::Throw(e) => {
                let v = self.eval_expr(e, env)?;
                self.note_throw(st.span);
                Err(Abrupt::Throw(v))
            }
            StmtKind::Break(l) => Err(Abrupt::Break(
                l.as_ref().map(|l| l.name.clone()),
                Value::Empty,
            )),
            StmtKind::Continue(l) => Err(Abrupt::Continue(
                l.as_ref().map(|l| l.name.clone()),
                Value::Empty,
            )),
            StmtKind::Labeled { .. } => self.eval_labeled(st, env, &mut Vec::new()),
            StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
            | StmtKind::For { .. }
            | StmtKind::ForInOf { .. } => self.eval_loop(st, env, &[]),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => self.eval_try(
                block,
                handler.as_deref(),
                finalizer.as_deref(),
                env,
                suspends,
            ),
            StmtKind::Switch {
                discriminant,
                cases,
                scope,
            } => self.eval_switch(discriminant, cases, scope.get(), env, suspends),
            StmtKind::With { object, body } => {
                let wenv = if self.resuming(suspends) {
                    match self.pop_frame()? {
                        Frame::Block(Some(e)) => e,
                        _ => return Err(self.bad_frame()),
                    }
                } else {
                    let v = self.eval_expr(object, env)?;
                    let o = self.to_object(&v)?;
                    Env::new_with(env.clone(), o)
                };
                let r = sus!(
                    self,
                    self.eval_stmt(body, &wenv),
                    Frame::Block(Some(wenv.clone()))
                );
                Ok(if let Value::Empty = r {
                    Value::Undefined
                } else {
                    r
                })
            }
        }
    }

    /// The test of `if`/`?:`: which branch to take (1 = consequent, 2 = alternate), or, when
    /// resuming, the branch that was running. Suspending in the test saves `Branch(0)`.
    fn eval_branch(&mut self, test: &Expr, env: &Env, suspends: bool) -> JsResult<u8> {
        let phase = if self.resuming(suspends) {
            // Read where it lies (see `eval_stmts`).
            match self.frames.last() {
                Some(&Frame::Branch(p)) => {
                    self.drop_top_frame();
                    p
                }
                _ => return Err(self.bad_frame()),
            }
        } else {
            0
        };
        if phase != 0 {
            return Ok(phase);
        }
        let t = sus!(self, self.eval_test(test, env), Frame::Branch(0));
        Ok(if t { 1 } else { 2 })
    }

    fn eval_labeled(&mut self, st: &Stmt, env: &Env, labels: &mut Vec<JsStr>) -> JsResult<Value> {
        match &st.kind {
            StmtKind::Labeled { label, body } => {
                labels.push(label.name.clone());
                let r = self.eval_labeled(body, env, labels);
                labels.pop();
                match r {
                    Err(Abrupt::Break(Some(l), v)) if l == label.name => {
                        Ok(if let Value::Empty = v {
                            Value::Undefined
                        } else {
                            v
                        })
                    }
                    other => other,
                }
            }
            StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
            | StmtKind::For { .. }
            | StmtKind::ForInOf { .. } => self.eval_loop(st, env, labels),
            _ => self.eval_stmt(st, env),
        }
    }

    /// A statement nested in another, a loop's body or an `if`'s branch: a block that
    /// declares nothing (most of them) runs its statements without the `eval_stmt` and
    /// `eval_block` levels around them, as `eval_block` would.
    #[inline(always)]
    fn eval_nested_stmt(&mut self, body: &Stmt, env: &Env) -> JsResult<Value> {
        if let StmtKind::Block(b) = &body.kind {
            if runs_in_enclosing_scope(b, body.suspends.get()) {
                return self.eval_stmts(&b.body, env);
            }
        }
        self.eval_stmt(body, env)
    }

    /// Runs one loop-body evaluation: Ok(true) to continue looping, Ok(false) to stop.
    #[inline]
    fn loop_body_result(
        &mut self,
        r: JsResult<Value>,
        labels: &[JsStr],
        completion: &mut Value,
    ) -> JsResult<bool> {
        // A body that completed normally (the common case) stays inline in the loop.
        match r {
            Ok(v) => {
                if !matches!(v, Value::Empty) {
                    *completion = v;
                }
                Ok(true)
            }
            r => self.loop_body_abrupt(r, labels, completion),
        }
    }

    #[inline(never)]
    fn loop_body_abrupt(
        &mut self,
        r: JsResult<Value>,
        labels: &[JsStr],
        completion: &mut Value,
    ) -> JsResult<bool> {
        match r {
            Ok(v) => {
                if !matches!(v, Value::Empty) {
                    *completion = v;
                }
                Ok(true)
            }
            Err(Abrupt::Break(l, v)) if l.is_none() || targets(&l, labels) => {
                if !matches!(v, Value::Empty) {
                    *completion = v;
                }
                if l.is_some() {
                    // A labeled break out of this loop: let the Labeled node finish it.
                    return Err(Abrupt::Break(l, completion.clone()));
                }
                Ok(false)
            }
            Err(Abrupt::Continue(l, v)) if targets(&l, labels) => {
                if !matches!(v, Value::Empty) {
                    *completion = v;
                }
                Ok(true)
            }
            Err(e) => Err(update_empty(e, completion)),
        }
    }

    fn eval_loop(&mut self, st: &Stmt, env: &Env, labels: &[JsStr]) -> JsResult<Value> {
        let suspends = st.suspends.get();
        let resuming = self.resuming(suspends);
        // A `while`/`do`/`for` frame's fields are taken in place (see `eval_stmts`).
        let resumed_loop = |it: &mut Interp| match it.take_loop_frame() {
            Some((phase, _, completion)) => Ok((phase, completion)),
            None => Err(it.bad_frame()),
        };
        let finish = |c: Value| {
            Ok(if let Value::Empty = c {
                Value::Undefined
            } else {
                c
            })
        };
        match &st.kind {
            StmtKind::While { test, body } => {
                let (mut phase, mut completion) = if resuming {
                    resumed_loop(self)?
                } else {
                    (0, Value::Undefined)
                };
                loop {
                    self.check_interrupt()?;
                    if phase == 0 {
                        let t = sus!(
                            self,
                            self.eval_test(test, env),
                            Frame::Loop {
                                phase: 0,
                                env: None,
                                completion
                            }
                        );
                        if !t {
                            return finish(completion);
                        }
                    }
                    phase = 0;
                    let r = self.eval_nested_stmt(body, env);
                    if let Err(Abrupt::Suspend) = r {
                        push_frame!(
                            self,
                            Frame::Loop {
                                phase: 1,
                                env: None,
                                completion,
                            }
                        );
                        return r;
                    }
                    if !self.loop_body_result(r, labels, &mut completion)? {
                        return finish(completion);
                    }
                }
            }
            StmtKind::DoWhile { body, test } => {
                let (mut phase, mut completion) = if resuming {
                    resumed_loop(self)?
                } else {
                    (1, Value::Undefined)
                };
                loop {
                    self.check_interrupt()?;
                    if phase == 1 {
                        let r = self.eval_nested_stmt(body, env);
                        if let Err(Abrupt::Suspend) = r {
                            push_frame!(
                                self,
                                Frame::Loop {
                                    phase: 1,
                                    env: None,
                                    completion,
                                }
                            );
                            return r;
                        }
                        if !self.loop_body_result(r, labels, &mut completion)? {
                            return finish(completion);
                        }
                    }
                    phase = 1;
                    let t = sus!(
                        self,
                        self.eval_test(test, env),
                        Frame::Loop {
                            phase: 0,
                            env: None,
                            completion
                        }
                    );
                    if !t {
                        return finish(completion);
                    }
                }
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
                scope,
            } => {
                let parts = ForParts {
                    init: init.as_deref(),
                    test: test.as_deref(),
                    update: update.as_deref(),
                    body,
                };
                self.eval_for(&parts, scope.get(), env, labels, suspends, resuming)
            }
            StmtKind::ForInOf {
                kind,
                left,
                right,
                body,
                scope,
            } => self.eval_for_in_of(
                st.span,
                *kind,
                left,
                right,
                body,
                scope.get(),
                env,
                labels,
                resuming,
            ),
            _ => self.eval_stmt(st, env),
        }
    }

    /// `for (init; test; update) body`. With `using` declarations in `init`, the loop's
    /// resources are disposed when the loop ends, however it ends (phase 4 of its frame is
    /// that disposal suspended at an `Await`).
    fn eval_for(
        &mut self,
        parts: &ForParts,
        info: Option<&Rc<ScopeInfo>>,
        env: &Env,
        labels: &[JsStr],
        suspends: bool,
        resumed: bool,
    ) -> JsResult<Value> {
        let Some(slot) = info.and_then(|i| i.dispose_slot) else {
            return self.eval_for_loop(parts, info, env, labels, suspends, resumed, &mut None);
        };
        let disposing = resumed
            && matches!(
                self.frames.last(),
                Some(Frame::Loop {
                    phase: 4,
                    env: Some(_),
                    ..
                })
            );
        let (r, lenv) = match disposing.then(|| self.take_loop_frame()).flatten() {
            Some((_, Some(lenv), _)) => (self.resume_dispose(), lenv),
            _ => {
                let mut lenv = None;
                let r = self.eval_for_loop(parts, info, env, labels, suspends, resumed, &mut lenv);
                if let Err(Abrupt::Suspend) = r {
                    return r;
                }
                let Some(lenv) = lenv else { return r };
                (self.dispose_scope(&lenv, slot, r), lenv)
            }
        };
        if let Err(Abrupt::Suspend) = r {
            push_frame!(
                self,
                Frame::Loop {
                    phase: 4,
                    env: Some(lenv.clone()),
                    completion: Value::Undefined,
                }
            );
        }
        r
    }

    /// The loop of [`Interp::eval_for`]; `lenv_out` receives the loop's environment once
    /// its scope is entered.
    #[allow(clippy::too_many_arguments)]
    fn eval_for_loop(
        &mut self,
        parts: &ForParts,
        info: Option<&Rc<ScopeInfo>>,
        env: &Env,
        labels: &[JsStr],
        suspends: bool,
        resumed: bool,
        lenv_out: &mut Option<Env>,
    ) -> JsResult<Value> {
        let ForParts {
            init,
            test,
            update,
            body,
        } = *parts;
        let finish = |c: Value| {
            Ok(if let Value::Empty = c {
                Value::Undefined
            } else {
                c
            })
        };
        let per_iteration =
            info.is_some_and(|i| i.materialized && i.decls.iter().any(|d| d.kind == DeclKind::Let));
        let (mut phase, mut lenv, mut completion) = if resumed {
            match self.take_loop_frame() {
                Some((phase, fenv, completion)) => {
                    (phase, fenv.unwrap_or_else(|| env.clone()), completion)
                }
                None => return Err(self.bad_frame()),
            }
        } else {
            (3, env.share(), Value::Undefined)
        };
        *lenv_out = Some(lenv.share());
        if phase == 3 {
            if !self.resuming(suspends) {
                lenv = self.enter_block_scope(info, env);
                *lenv_out = Some(lenv.share());
            }
            match init {
                Some(ForInit::Var(v)) => {
                    let e2 = lenv.share();
                    sus!(
                        self,
                        self.eval_var_decl(v, &e2, suspends),
                        Frame::Loop {
                            phase: 3,
                            env: Some(e2.clone()),
                            completion
                        }
                    );
                }
                Some(ForInit::Expr(e)) => {
                    let e2 = lenv.share();
                    sus!(
                        self,
                        self.eval_expr(e, &e2),
                        Frame::Loop {
                            phase: 3,
                            env: Some(e2.clone()),
                            completion
                        }
                    );
                }
                None => {}
            }
            if per_iteration {
                lenv = lenv.copy_for_iteration();
            }
            phase = 0;
        }
        loop {
            self.check_interrupt()?;
            if phase == 0 {
                if let Some(t) = test {
                    let e2 = lenv.share();
                    let tv = sus!(
                        self,
                        self.eval_test(t, &e2),
                        Frame::Loop {
                            phase: 0,
                            env: Some(e2.clone()),
                            completion
                        }
                    );
                    if !tv {
                        return finish(completion);
                    }
                }
                phase = 1;
            }
            if phase == 1 {
                let r = self.eval_nested_stmt(body, &lenv);
                if let Err(Abrupt::Suspend) = r {
                    push_frame!(
                        self,
                        Frame::Loop {
                            phase: 1,
                            env: Some(lenv.clone()),
                            completion,
                        }
                    );
                    return r;
                }
                if !self.loop_body_result(r, labels, &mut completion)? {
                    return finish(completion);
                }
                if per_iteration {
                    lenv = lenv.copy_for_iteration();
                }
            }
            if let Some(u) = update {
                let e2 = lenv.share();
                sus!(
                    self,
                    self.eval_expr(u, &e2),
                    Frame::Loop {
                        phase: 2,
                        env: Some(e2.clone()),
                        completion
                    }
                );
            }
            phase = 0;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_for_in_of(
        &mut self,
        for_span: Span,
        kind: ForInOfKind,
        left: &ForHead,
        right: &Expr,
        body: &Stmt,
        info: Option<&Rc<ScopeInfo>>,
        env: &Env,
        labels: &[JsStr],
        resuming: bool,
    ) -> JsResult<Value> {
        if kind == ForInOfKind::AwaitOf {
            let resumed = if resuming {
                Some(self.pop_frame()?)
            } else {
                None
            };
            return self.eval_for_await(for_span, left, right, body, info, env, labels, resumed);
        }
        let mut resume_bind: Option<(Value, Env)> = None;
        // `for (using x of ...)`: each iteration's environment disposes its value.
        let dispose = info.and_then(|i| i.dispose_slot);
        let mut resume_dispose = false;
        // The frame's fields are taken where it lies (see `eval_stmts`).
        let resumed = if resuming {
            match self.frames.last_mut() {
                Some(Frame::ForInOf {
                    phase,
                    iter,
                    env,
                    completion,
                }) => {
                    let taken = (*phase, iter.take(), env.take(), std::mem::take(completion));
                    self.drop_top_frame();
                    Some(taken)
                }
                _ => return Err(self.bad_frame()),
            }
        } else {
            None
        };
        let (mut iter, mut completion, resume_body_env) = match resumed {
            Some((1, Some(it), env, completion)) => (it, completion, env),
            Some((3, Some(it), Some(benv), completion)) => {
                resume_dispose = true;
                (it, completion, Some(benv))
            }
            Some((2, Some(it), Some(benv), completion)) => {
                let v = match self.frames.pop() {
                    Some(Frame::Pattern(v)) => v,
                    _ => return Err(self.bad_frame()),
                };
                resume_bind = Some((v, benv));
                (it, completion, None)
            }
            Some((0, ..)) | None => {
                // ForIn/OfHeadEvaluation: TDZ scope for the names while evaluating the subject.
                let tdz_env = match left {
                    ForHead::Decl { kind: vk, .. } if *vk != VarKind::Var => {
                        self.enter_block_scope(info, env)
                    }
                    _ => env.share(),
                };
                if let ForHead::Decl {
                    init: Some(init),
                    target: Pattern::Ident(id),
                    ..
                } = left
                {
                    let v = self.eval_expr(init, env)?;
                    self.init_binding(id, v, env)?;
                }
                let subject = sus!(
                    self,
                    self.eval_expr(right, &tdz_env),
                    Frame::ForInOf {
                        phase: 0,
                        iter: None,
                        env: None,
                        completion: Value::Undefined
                    }
                );
                let rec = if kind == ForInOfKind::In {
                    if subject.is_nullish() {
                        return Ok(Value::Undefined);
                    }
                    let o = self.to_object(&subject)?;
                    self.for_in_iterator(o)?
                } else {
                    // V8 places the `[Symbol.iterator]()` call at the iterable.
                    self.set_pos(expr_position(right));
                    self.get_iterator_at(&subject, IterSite::Syntax(right))?
                };
                (rec, Value::Undefined, None)
            }
            Some(_) => return Err(self.bad_frame()),
        };
        let mut pending_env = resume_body_env;
        loop {
            self.check_interrupt()?;
            let benv = match pending_env.take() {
                Some(e) => e,
                None => {
                    let (next, rebind) = match resume_bind.take() {
                        Some((v, e)) => (v, Some(e)),
                        None => {
                            if kind == ForInOfKind::Of {
                                self.set_pos(for_of_step_position(left));
                            }
                            let step = if kind == ForInOfKind::In {
                                self.for_in_step(&iter)?
                            } else {
                                self.iterator_step_value(&mut iter)?
                            };
                            match step {
                                Some(v) => (v, None),
                                None => {
                                    return Ok(if let Value::Empty = completion {
                                        Value::Undefined
                                    } else {
                                        completion
                                    })
                                }
                            }
                        }
                    };
                    // Bind the loop variable(s) in a fresh iteration environment.
                    'bind: {
                        match left {
                            ForHead::Decl {
                                kind: vk, target, ..
                            } => {
                                // `for (const x of ...)` whose `x` needs no environment of
                                // its own: nothing runs between entering the iteration's scope
                                // and binding `x`, so its slot is set at once.
                                if let (Pattern::Ident(id), None, false) =
                                    (target, &rebind, vk.is_using())
                                {
                                    if let (Binding::Local { hops, slot, .. }, false) = (
                                        id.binding.get(),
                                        info.is_some_and(|i| {
                                            i.materialized || !i.functions.is_empty()
                                        }),
                                    ) {
                                        env.set(hops, slot, next);
                                        break 'bind env.share();
                                    }
                                }
                                let benv = match rebind {
                                    Some(e) => e,
                                    None if *vk == VarKind::Var => env.share(),
                                    None => self.enter_block_scope(info, env),
                                };
                                if let (Some(slot), true) = (dispose, vk.is_using()) {
                                    let is_async = *vk == VarKind::AwaitUsing;
                                    let added = self.scope_add_resource(
                                        &benv,
                                        slot,
                                        next.clone(),
                                        is_async,
                                    );
                                    if let Err(e) = added {
                                        self.set_pos(for_of_close_position(for_span, body));
                                        return self.iterator_close(&iter, Err(e));
                                    }
                                }
                                // `for (const x of ...)`: a plain local binding is one slot
                                // store (what InitializeReferencedBinding does there).
                                if let (Pattern::Ident(id), false) = (target, vk.is_using()) {
                                    if let Binding::Local { hops, slot, .. } = id.binding.get() {
                                        benv.set(hops, slot, next);
                                        break 'bind benv;
                                    }
                                }
                                let r = self.bind_pattern(
                                    target,
                                    next.clone(),
                                    &benv,
                                    true,
                                    DSource::Named(".for"),
                                );
                                if let Err(s @ Abrupt::Suspend) = r {
                                    push_frame!(self, Frame::Pattern(next));
                                    push_frame!(
                                        self,
                                        Frame::ForInOf {
                                            phase: 2,
                                            iter: Some(iter),
                                            env: Some(benv),
                                            completion,
                                        }
                                    );
                                    return Err(s);
                                }
                                if let Err(e) = r {
                                    if kind != ForInOfKind::In {
                                        self.set_pos(for_of_close_position(for_span, body));
                                        return self.iterator_close(&iter, Err(e));
                                    }
                                    return Err(e);
                                }
                                benv
                            }
                            ForHead::Target(p) => {
                                let r = self.assign_pattern(p, next.clone(), env, DSource::None);
                                if let Err(s @ Abrupt::Suspend) = r {
                                    push_frame!(self, Frame::Pattern(next));
                                    push_frame!(
                                        self,
                                        Frame::ForInOf {
                                            phase: 2,
                                            iter: Some(iter),
                                            env: Some(env.clone()),
                                            completion,
                                        }
                                    );
                                    return Err(s);
                                }
                                if let Err(e) = r {
                                    if kind != ForInOfKind::In {
                                        self.set_pos(for_of_close_position(for_span, body));
                                        return self.iterator_close(&iter, Err(e));
                                    }
                                    return Err(e);
                                }
                                env.share()
                            }
                        }
                    }
                }
            };
            let r = if std::mem::take(&mut resume_dispose) {
                self.resume_dispose()
            } else {
                let r = self.eval_nested_stmt(body, &benv);
                if let Err(Abrupt::Suspend) = r {
                    push_frame!(
                        self,
                        Frame::ForInOf {
                            phase: 1,
                            iter: Some(iter),
                            env: Some(benv),
                            completion,
                        }
                    );
                    return r;
                }
                match dispose {
                    Some(slot) => self.dispose_scope(&benv, slot, r),
                    None => r,
                }
            };
            if let Err(Abrupt::Suspend) = r {
                // Disposing the iteration's `await using` value (phase 3).
                push_frame!(
                    self,
                    Frame::ForInOf {
                        phase: 3,
                        iter: Some(iter),
                        env: Some(benv),
                        completion,
                    }
                );
                return r;
            }
            match self.loop_body_result(r, labels, &mut completion) {
                Ok(true) => {}
                Ok(false) => {
                    if kind != ForInOfKind::In {
                        self.set_pos(for_of_close_position(for_span, body));
                        self.iterator_close(&iter, Ok(()))?;
                    }
                    return Ok(if let Value::Empty = completion {
                        Value::Undefined
                    } else {
                        completion
                    });
                }
                Err(e) => {
                    if kind != ForInOfKind::In {
                        self.set_pos(for_of_close_position(for_span, body));
                        return self.iterator_close(&iter, Err(e));
                    }
                    return Err(e);
                }
            }
        }
    }

    /// `for await (... of ...)` (ForIn/OfBodyEvaluation with iteratorKind async).
    #[allow(clippy::too_many_arguments)]
    fn eval_for_await(
        &mut self,
        for_span: Span,
        left: &ForHead,
        right: &Expr,
        body: &Stmt,
        info: Option<&Rc<ScopeInfo>>,
        env: &Env,
        labels: &[JsStr],
        resumed: Option<Frame>,
    ) -> JsResult<Value> {
        let (mut resumed_phase, mut rec, mut completion, mut benv, mut pending) = match resumed {
            None => (None, None, Value::Undefined, None, None),
            Some(Frame::ForAwait {
                phase,
                iter,
                env: e,
                completion,
                pending,
            }) => (Some(phase), iter, completion, e, pending),
            Some(_) => return Err(self.bad_frame()),
        };
        if rec.is_none() {
            let tdz_env = match left {
                ForHead::Decl { kind: vk, .. } if *vk != VarKind::Var => {
                    self.enter_block_scope(info, env)
                }
                _ => env.share(),
            };
            let subject = sus!(
                self,
                self.eval_expr(right, &tdz_env),
                Frame::ForAwait {
                    phase: 0,
                    iter: None,
                    env: None,
                    completion: Value::Undefined,
                    pending: None
                }
            );
            self.set_pos(expr_position(right));
            rec = Some(self.get_async_iterator_at(&subject, IterSite::Syntax(right))?);
            resumed_phase = None;
        }
        let Some(rec) = rec else {
            return Err(self.bad_frame());
        };
        // `for await (using x of ...)`: each iteration's environment disposes its value.
        let dispose = info.and_then(|i| i.dispose_slot);
        let iter_v = Value::Object(rec.iterator.clone());
        loop {
            self.check_interrupt()?;
            let body_result = match resumed_phase.take() {
                Some(1) => {
                    let Some(e) = benv.clone() else {
                        return Err(self.bad_frame());
                    };
                    self.for_await_run_body(body, &e, &rec, &completion, dispose)
                }
                Some(5) => {
                    let Some(e) = benv.clone() else {
                        return Err(self.bad_frame());
                    };
                    let r = self.resume_dispose();
                    self.for_await_disposing(r, &e, &rec, &completion)
                }
                Some(3) => {
                    let awaited = self.take_resume();
                    let pend = pending.take().map(|p| *p).unwrap_or(Ok(Value::Undefined));
                    return self.finish_async_close(pend, awaited);
                }
                Some(4) => {
                    // Resuming a destructuring target that suspended (`yield` in a default).
                    let (Some(Frame::Pattern(value)), Some(e2)) = (self.frames.pop(), benv.clone())
                    else {
                        return Err(self.bad_frame());
                    };
                    self.for_await_bind_and_run(
                        left,
                        body,
                        value,
                        &e2,
                        env,
                        &rec,
                        &completion,
                        dispose,
                    )
                }
                phase => {
                    let next_result = if phase == Some(2) {
                        self.take_resume()?
                    } else {
                        // V8 places the `next()` call and a `for await` waiting for it at
                        // its target (`at async f (pos)`).
                        let pos = for_of_step_position(left);
                        self.set_pos(pos);
                        let r = self.call(&rec.next, &iter_v, &[])?;
                        self.set_pos(pos);
                        return self.suspend_await(
                            r,
                            Frame::ForAwait {
                                phase: 2,
                                iter: Some(rec),
                                env: None,
                                completion,
                                pending: None,
                            },
                        );
                    };
                    let Value::Object(ro) = &next_result else {
                        let s =
                            crate::builtins::object::no_side_effects_to_string(self, &next_result);
                        return Err(
                            self.type_error(format!("Iterator result {s} is not an object"))
                        );
                    };
                    if self.get(ro, &static_key!("done"))?.to_boolean() {
                        return Ok(if let Value::Empty = completion {
                            Value::Undefined
                        } else {
                            completion
                        });
                    }
                    let value = self.get(ro, &static_key!("value"))?;
                    let e2 = match left {
                        ForHead::Decl { kind: vk, .. } if *vk != VarKind::Var => {
                            self.enter_block_scope(info, env)
                        }
                        _ => env.share(),
                    };
                    benv = Some(e2.clone());
                    self.for_await_bind_and_run(
                        left,
                        body,
                        value,
                        &e2,
                        env,
                        &rec,
                        &completion,
                        dispose,
                    )
                }
            };
            if let Err(Abrupt::Suspend) = body_result {
                // The frame (phase 1 or 4) was pushed where the suspension happened.
                return body_result;
            }
            let exit: JsResult<Value> =
                match self.loop_body_result(body_result, labels, &mut completion) {
                    Ok(true) => continue,
                    Ok(false) => Ok(completion.clone()),
                    Err(e) => Err(e),
                };
            // AsyncIteratorClose(iteratorRecord, exit)
            self.set_pos(for_of_close_position(for_span, body));
            let ret = match self.get_method(&iter_v, &static_key!("return")) {
                Ok(r) => r,
                Err(e) => {
                    return if matches!(exit, Err(Abrupt::Throw(_))) {
                        exit
                    } else {
                        Err(e)
                    }
                }
            };
            let Some(ret) = ret else { return exit };
            let inner = match self.call_obj(&ret, &iter_v, &[]) {
                Ok(v) => v,
                Err(e) => {
                    return if matches!(exit, Err(Abrupt::Throw(_))) {
                        exit
                    } else {
                        Err(e)
                    }
                }
            };
            return self.suspend_await(
                inner,
                Frame::ForAwait {
                    phase: 3,
                    iter: Some(rec),
                    env: None,
                    completion,
                    pending: Some(Box::new(exit)),
                },
            );
        }
    }

    /// One iteration of `for await`: binds the loop target(s) to `value` in `e2` and runs
    /// the body. A `yield` inside the target (e.g. `{ x = yield }`) suspends with the value
    /// and an iteration frame (phase 4) pushed, so the binding resumes where it stopped.
    #[allow(clippy::too_many_arguments)]
    fn for_await_bind_and_run(
        &mut self,
        left: &ForHead,
        body: &Stmt,
        value: Value,
        e2: &Env,
        env: &Env,
        rec: &IteratorRecord,
        completion: &Value,
        dispose: Option<u32>,
    ) -> JsResult<Value> {
        let bound = match left {
            ForHead::Decl { target, kind, .. } => {
                let added = match dispose {
                    Some(slot) if kind.is_using() => self.scope_add_resource(
                        e2,
                        slot,
                        value.clone(),
                        *kind == VarKind::AwaitUsing,
                    ),
                    _ => Ok(()),
                };
                added.and_then(|_| {
                    self.bind_pattern(target, value.clone(), e2, true, DSource::Named(".for"))
                })
            }
            ForHead::Target(p) => self.assign_pattern(p, value.clone(), env, DSource::None),
        };
        match bound {
            Err(s @ Abrupt::Suspend) => {
                push_frame!(self, Frame::Pattern(value));
                push_frame!(
                    self,
                    Frame::ForAwait {
                        phase: 4,
                        iter: Some(rec.clone()),
                        env: Some(e2.clone()),
                        completion: completion.clone(),
                        pending: None,
                    }
                );
                Err(s)
            }
            Err(e) => Err(e),
            Ok(_) => self.for_await_run_body(body, e2, rec, completion, dispose),
        }
    }

    /// Runs the `for await` body in `e2`; on suspension pushes the phase-1 frame.
    fn for_await_run_body(
        &mut self,
        body: &Stmt,
        e2: &Env,
        rec: &IteratorRecord,
        completion: &Value,
        dispose: Option<u32>,
    ) -> JsResult<Value> {
        let r = self.eval_stmt(body, e2);
        if let Err(Abrupt::Suspend) = r {
            push_frame!(
                self,
                Frame::ForAwait {
                    phase: 1,
                    iter: Some(rec.clone()),
                    env: Some(e2.clone()),
                    completion: completion.clone(),
                    pending: None,
                }
            );
            return r;
        }
        match dispose {
            Some(slot) => {
                let r = self.dispose_scope(e2, slot, r);
                self.for_await_disposing(r, e2, rec, completion)
            }
            None => r,
        }
    }

    /// After disposing an iteration's resources: a suspension there saves phase 5.
    fn for_await_disposing(
        &mut self,
        r: JsResult<Value>,
        e2: &Env,
        rec: &IteratorRecord,
        completion: &Value,
    ) -> JsResult<Value> {
        if let Err(Abrupt::Suspend) = r {
            push_frame!(
                self,
                Frame::ForAwait {
                    phase: 5,
                    iter: Some(rec.clone()),
                    env: Some(e2.clone()),
                    completion: completion.clone(),
                    pending: None,
                }
            );
        }
        r
    }

    fn finish_async_close(
        &mut self,
        pending: JsResult<Value>,
        awaited: JsResult<Value>,
    ) -> JsResult<Value> {
        if let Err(Abrupt::Throw(_)) = pending {
            return pending;
        }
        let v = awaited?;
        if !v.is_object() {
            let s = crate::builtins::object::no_side_effects_to_string(self, &v);
            return Err(self.type_error(format!("Iterator result {s} is not an object")));
        }
        pending.map(|v| {
            if let Value::Empty = v {
                Value::Undefined
            } else {
                v
            }
        })
    }

    fn eval_try(
        &mut self,
        block: &Block,
        handler: Option<&Catch>,
        finalizer: Option<&Block>,
        env: &Env,
        suspends: bool,
    ) -> JsResult<Value> {
        let (phase, cenv, pending) = if self.resuming(suspends) {
            // Taken where it lies (see `eval_stmts`).
            match self.frames.last_mut() {
                Some(Frame::Try {
                    phase,
                    env,
                    pending,
                }) => {
                    let taken = (*phase, env.take(), pending.take());
                    self.drop_top_frame();
                    taken
                }
                _ => return Err(self.bad_frame()),
            }
        } else {
            (0, None, None)
        };
        let mut result: JsResult<Value>;
        if phase == 0 {
            result = self.eval_block(block, env, suspends);
            if let Err(Abrupt::Suspend) = result {
                push_frame!(
                    self,
                    Frame::Try {
                        phase: 0,
                        env: None,
                        pending: None,
                    }
                );
                return result;
            }
            if result.is_err() && self.exiting.is_some() {
                // `process.exit()` is not an exception: no catch, no finally.
                return result;
            }
            if let (Err(Abrupt::Throw(exc)), Some(h)) = (&result, handler) {
                let exc = exc.clone();
                let cenv = self.enter_block_scope(h.scope.get(), env);
                result = match &h.param {
                    Some(p) => self
                        .bind_pattern(p, exc, &cenv, true, DSource::Named(".catch"))
                        .map(|_| Value::Empty),
                    None => Ok(Value::Empty),
                };
                if result.is_ok() {
                    result = self.eval_block(&h.body, &cenv, suspends);
                    if let Err(Abrupt::Suspend) = result {
                        push_frame!(
                            self,
                            Frame::Try {
                                phase: 1,
                                env: Some(cenv),
                                pending: None,
                            }
                        );
                        return result;
                    }
                }
            }
        } else if phase == 1 {
            let (Some(h), Some(cenv)) = (handler, cenv) else {
                return Err(self.bad_frame());
            };
            result = self.eval_block(&h.body, &cenv, suspends);
            if let Err(Abrupt::Suspend) = result {
                push_frame!(
                    self,
                    Frame::Try {
                        phase: 1,
                        env: Some(cenv),
                        pending: None,
                    }
                );
                return result;
            }
        } else {
            result = match pending {
                Some(p) => *p,
                None => Ok(Value::Empty),
            };
        }
        if result.is_err() && self.exiting.is_some() {
            return result;
        }
        if let Some(f) = finalizer {
            let fr = self.eval_block(f, env, suspends);
            match fr {
                Err(s @ Abrupt::Suspend) => {
                    push_frame!(
                        self,
                        Frame::Try {
                            phase: 2,
                            env: None,
                            pending: Some(Box::new(result)),
                        }
                    );
                    return Err(s);
                }
                Err(e) => return Err(e),
                Ok(_) => {}
            }
        }
        match result {
            Ok(Value::Empty) => Ok(Value::Undefined),
            Err(e) => Err(update_empty(e, &Value::Undefined)),
            r => r,
        }
    }

    fn eval_switch(
        &mut self,
        disc: &Expr,
        cases: &[SwitchCase],
        info: Option<&Rc<ScopeInfo>>,
        env: &Env,
        suspends: bool,
    ) -> JsResult<Value> {
        let (mut phase, mut dv, mut case, senv, mut completion) = if self.resuming(suspends) {
            match self.pop_frame()? {
                Frame::Switch {
                    phase,
                    disc,
                    case,
                    env: e,
                    completion,
                } => (
                    phase,
                    disc,
                    case,
                    e.unwrap_or_else(|| env.clone()),
                    completion,
                ),
                _ => return Err(self.bad_frame()),
            }
        } else {
            (0, Value::Undefined, 0, env.share(), Value::Undefined)
        };
        let senv = if phase == 0 {
            dv = sus!(
                self,
                self.eval_expr(disc, env),
                Frame::Switch {
                    phase: 0,
                    disc: Value::Undefined,
                    case: 0,
                    env: None,
                    completion: Value::Undefined
                }
            );
            phase = 1;
            self.enter_block_scope(info, env)
        } else {
            senv
        };
        let mk =
            |phase: u8, dv: &Value, case: usize, senv: &Env, completion: &Value| Frame::Switch {
                phase,
                disc: dv.clone(),
                case,
                env: Some(senv.clone()),
                completion: completion.clone(),
            };
        if phase == 1 {
            // Find the matching case (tests in order, default last resort).
            let mut found = None;
            while case < cases.len() {
                if let Some(t) = &cases[case].test {
                    let tv = sus!(
                        self,
                        self.eval_expr(t, &senv),
                        mk(1, &dv, case, &senv, &completion)
                    );
                    if dv.strict_equals(&tv) {
                        found = Some(case);
                        break;
                    }
                }
                case += 1;
            }
            let start = match found.or_else(|| cases.iter().position(|c| c.test.is_none())) {
                Some(s) => s,
                None => return Ok(Value::Undefined),
            };
            case = start;
            phase = 2;
        }
        let _ = phase;
        let mut i = case;
        while i < cases.len() {
            let r = self.eval_stmts(&cases[i].body, &senv);
            match r {
                Ok(v) => {
                    if !matches!(v, Value::Empty) {
                        completion = v;
                    }
                }
                Err(s @ Abrupt::Suspend) => {
                    push_frame!(self, mk(2, &dv, i, &senv, &completion));
                    return Err(s);
                }
                Err(Abrupt::Break(None, v)) => {
                    if !matches!(v, Value::Empty) {
                        completion = v;
                    }
                    return Ok(completion);
                }
                Err(e) => return Err(update_empty(e, &completion)),
            }
            i += 1;
        }
        Ok(completion)
    }

    fn eval_var_decl(&mut self, v: &VarDecl, env: &Env, suspends: bool) -> JsResult<()> {
        let (start, mut resumed_value) = if self.resuming(suspends) {
            // Taken where it lies (see `eval_stmts`).
            let taken = match self.frames.last_mut() {
                Some(Frame::Decl(i)) => (*i, None),
                Some(Frame::DeclPattern(i, v)) => (*i, Some(std::mem::take(v))),
                _ => return Err(self.bad_frame()),
            };
            self.drop_top_frame();
            taken
        } else {
            (0, None)
        };
        for (i, d) in v.decls.iter().enumerate().skip(start) {
            let resumed_value = resumed_value.take();
            match &d.init {
                Some(init) => {
                    let val = match resumed_value {
                        Some(x) => x,
                        None => sus!(self, self.eval_named(init, env, &d.target), Frame::Decl(i)),
                    };
                    if let Pattern::Ident(id) = &d.target {
                        match v.kind {
                            VarKind::Var => {
                                self.set_binding(id, val, env, false)?;
                                continue;
                            }
                            // `let x = e`, `const x = e`: InitializeReferencedBinding, with
                            // no pattern machinery (and no copy of the value) around it.
                            VarKind::Let | VarKind::Const => {
                                self.init_binding(id, val, env)?;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if v.kind.is_using() {
                        // InitializeBinding: AddDisposableResource before the binding is set.
                        let is_async = v.kind == VarKind::AwaitUsing;
                        self.scope_add_resource(env, v.dispose_slot.get(), val.clone(), is_async)?;
                    }
                    let r = self.bind_pattern_from(
                        &d.target,
                        val.clone(),
                        env,
                        v.kind != VarKind::Var,
                        init,
                    );
                    if let Err(Abrupt::Suspend) = r {
                        push_frame!(self, Frame::DeclPattern(i, val));
                        return r;
                    }
                    r?;
                }
                None => {
                    if v.kind != VarKind::Var {
                        if let Pattern::Ident(id) = &d.target {
                            self.init_binding(id, Value::Undefined, env)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    // =========================================================================================
    // Bindings
    // =========================================================================================

    /// ResolveBinding + GetValue for an identifier.
    #[inline(always)]
    pub fn get_binding(&mut self, id: &Ident, env: &Env) -> JsResult<Value> {
        // The common case, inlined into the caller: an initialized local slot.
        if let Binding::Local { hops, slot, .. } = id.binding.get() {
            let v = env.get(hops, slot);
            if !matches!(v, Value::Empty) {
                return Ok(v);
            }
        }
        self.get_binding_slow(id, env)
    }

    /// [`Interp::get_binding`] for everything but an initialized local: TDZ, imports,
    /// globals, dynamic lookups.
    #[inline(never)]
    fn get_binding_slow(&mut self, id: &Ident, env: &Env) -> JsResult<Value> {
        match id.binding.get() {
            Binding::Local { hops, slot, .. } => {
                let v = env.get(hops, slot);
                if let Value::Empty = v {
                    // An import binding reads the exporter's binding.
                    if let Some(v) = env.get_import(hops, slot) {
                        if !matches!(v, Value::Empty) {
                            return Ok(v);
                        }
                    }
                    // The error's stack and diagnostic point at the identifier.
                    self.set_pos(id.span);
                    return Err(self.tdz_error(&id.name));
                }
                Ok(v)
            }
            Binding::Global => {
                if is_global_undefined(id) {
                    return Ok(Value::Undefined);
                }
                if let Some(slot) = self.global_lex.slot_of(id) {
                    let v = self.global_lex.value(slot);
                    if let Value::Empty = v {
                        self.set_pos(id.span);
                        return Err(self.tdz_error(&id.name));
                    }
                    return Ok(v);
                }
                self.get_global_object_binding(id)
            }
            Binding::Dynamic => self.get_dynamic(&id.name, env),
            Binding::Unresolved => Err(self.type_error("internal error: unresolved identifier")),
        }
    }

    /// A [`Binding::Global`] reference that is not a global lexical binding (yet).
    fn get_global_object_binding(&mut self, id: &Ident) -> JsResult<Value> {
        // (`this`/`new.target` are hidden names that must not find a property so named.)
        let hidden = matches!(id.name.units(), THIS_U16 | NEW_TARGET_U16);
        if !hidden {
            if let Some(v) = self
                .global
                .get_own_named_data_hinted(&id.name, &id.global_prop_hint)
            {
                return Ok(v);
            }
        }
        match self.try_get_global(&id.name)? {
            Some(v) => Ok(v),
            None => {
                self.set_pos(id.span);
                Err(self.reference_error(format!("{} is not defined", id.name)))
            }
        }
    }

    fn tdz_error(&mut self, name: &JsStr) -> Abrupt {
        if name.units() == THIS_U16 {
            return self.reference_error("Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        }
        self.reference_error(format!("Cannot access '{}' before initialization", name))
    }

    pub fn get_global(&mut self, name: &JsStr) -> JsResult<Value> {
        match self.try_get_global(name)? {
            Some(v) => Ok(v),
            None => Err(self.reference_error(format!("{} is not defined", name))),
        }
    }

    /// The value of a global binding, `None` when there is none (a ReferenceError for callers).
    fn try_get_global(&mut self, name: &JsStr) -> JsResult<Option<Value>> {
        if let Some(&(slot, _)) = self.global_lex.names.get(name) {
            let v = self.global_lex.values[slot as usize].clone();
            if let Value::Empty = v {
                return Err(self.tdz_error(name));
            }
            return Ok(Some(v));
        }
        if name.units() == THIS_U16 {
            return Ok(Some(if self.module_like {
                Value::Undefined
            } else {
                Value::Object(self.global.clone())
            }));
        }
        let key = PropKey::from_str(name);
        let g = self.global.clone();
        if let Some(v) = g.get_own_data(&key) {
            return Ok(Some(v));
        }
        if self.has_property(&g, &key)? {
            return self.get(&g, &key).map(Some);
        }
        if name.units() == NEW_TARGET_U16 {
            return Ok(Some(Value::Undefined));
        }
        Ok(None)
    }

    /// Looks a name up through the runtime environments (with, eval vars), then globals.
    fn lookup_dynamic(&mut self, name: &JsStr, env: &Env) -> JsResult<DynRef> {
        let mut e = Some(env.clone());
        while let Some(cur) = e {
            if let Some(o) = &cur.0.with_object {
                let key = PropKey::from_str(name);
                if self.has_property(o, &key)? {
                    let unscopables = PropKey::Sym(self.symbols.unscopables.clone());
                    let u = self.get(o, &unscopables)?;
                    let blocked = match &u {
                        Value::Object(uo) => self.get(uo, &key)?.to_boolean(),
                        _ => false,
                    };
                    if !blocked {
                        return Ok(DynRef::Object(o.clone(), key));
                    }
                }
            } else {
                if let Some(info) = &cur.0.info {
                    if info.kind != crate::resolve::ScopeKind::Script {
                        if let Some(d) = info.find(name) {
                            // Sloppy eval's vars/functions live in the caller, not here.
                            let hoisted = info.kind == crate::resolve::ScopeKind::Eval
                                && !info.strict
                                && matches!(d.kind, DeclKind::Var | DeclKind::Function);
                            if !hoisted
                                && info.materialized
                                && (d.slot as usize) < cur.0.slots.borrow().len()
                            {
                                return Ok(DynRef::Slot(cur.clone(), d.slot, d.kind));
                            }
                        }
                    }
                }
                if let Some(m) = &*cur.0.eval_vars.borrow() {
                    if m.contains_key(name) {
                        return Ok(DynRef::EvalVar(cur.clone()));
                    }
                }
            }
            e = cur.0.parent.clone();
        }
        Ok(DynRef::Global)
    }

    fn get_dynamic(&mut self, name: &JsStr, env: &Env) -> JsResult<Value> {
        match self.lookup_dynamic(name, env)? {
            DynRef::Object(o, k) => self.get(&o, &k),
            DynRef::Slot(e, slot, _) => {
                let v = e.get(0, slot);
                if let Value::Empty = v {
                    if let Some(v) = e.get_import(0, slot).filter(|v| !matches!(v, Value::Empty)) {
                        return Ok(v);
                    }
                    return Err(self.tdz_error(name));
                }
                Ok(v)
            }
            DynRef::EvalVar(e) => Ok(e
                .0
                .eval_vars
                .borrow()
                .as_ref()
                .and_then(|m| m.get(name).cloned())
                .unwrap_or_default()),
            DynRef::Global => self.get_global(name),
        }
    }

    /// PutValue for an identifier reference.
    #[inline]
    pub fn set_binding(&mut self, id: &Ident, v: Value, env: &Env, strict: bool) -> JsResult<()> {
        // The common cases, inlined into the caller: a mutable local slot (a `let` or class
        // binding only once initialized).
        if let Binding::Local { hops, slot, kind } = id.binding.get() {
            match kind {
                DeclKind::Let | DeclKind::Class => match env.set_initialized(hops, slot, v) {
                    None => return Ok(()),
                    Some(v) => return self.set_binding_slow(id, v, env, strict),
                },
                DeclKind::Const
                | DeclKind::Using
                | DeclKind::ClassName
                | DeclKind::FunctionName => {}
                _ => {
                    env.set(hops, slot, v);
                    return Ok(());
                }
            }
        }
        self.set_binding_slow(id, v, env, strict)
    }

    /// [`Interp::set_binding`] for immutable and uninitialized locals, globals and dynamic
    /// references.
    #[inline(never)]
    fn set_binding_slow(&mut self, id: &Ident, v: Value, env: &Env, strict: bool) -> JsResult<()> {
        match id.binding.get() {
            Binding::Local { hops, slot, kind } => {
                match kind {
                    DeclKind::Const | DeclKind::ClassName | DeclKind::Using => {
                        // An import binding is immutable: always a TypeError.
                        if let Value::Empty = env.get(hops, slot) {
                            if env.get_import(hops, slot).is_none() {
                                return Err(self.tdz_error(&id.name));
                            }
                        }
                        return Err(self.type_error(const_assignment_message(kind)));
                    }
                    DeclKind::FunctionName => {
                        if strict {
                            return Err(self.type_error("Assignment to constant variable."));
                        }
                        return Ok(());
                    }
                    k if k.has_tdz() => {
                        if let Value::Empty = env.get(hops, slot) {
                            return Err(self.tdz_error(&id.name));
                        }
                    }
                    _ => {}
                }
                env.set(hops, slot, v);
                Ok(())
            }
            Binding::Global => match self.global_lex.slot_of(id) {
                Some(slot) => self.set_global_lex(&id.name, slot, v),
                None => {
                    // A strict-mode ReferenceError points at the identifier.
                    self.set_pos(id.span);
                    self.set_global(&id.name, v, strict)
                }
            },
            Binding::Dynamic => match self.lookup_dynamic(&id.name, env)? {
                DynRef::Object(o, k) => {
                    let receiver = Value::Object(o.clone());
                    let ok = self.set_with_receiver(&o, k.clone(), v, &receiver)?;
                    if !ok && strict {
                        return Err(self.set_failure(&o, &k, &receiver));
                    }
                    Ok(())
                }
                DynRef::Slot(e, slot, kind) => {
                    if matches!(
                        kind,
                        DeclKind::Const | DeclKind::ClassName | DeclKind::Using
                    ) {
                        return Err(self.type_error(const_assignment_message(kind)));
                    }
                    if kind == DeclKind::FunctionName {
                        // The immutable self binding of a named function expression: the
                        // assignment is ignored in sloppy code (SetMutableBinding step 4).
                        if strict {
                            return Err(self.type_error("Assignment to constant variable."));
                        }
                        return Ok(());
                    }
                    if kind.has_tdz() {
                        if let Value::Empty = e.get(0, slot) {
                            return Err(self.tdz_error(&id.name));
                        }
                    }
                    e.set(0, slot, v);
                    Ok(())
                }
                DynRef::EvalVar(e) => {
                    if let Some(m) = &mut *e.0.eval_vars.borrow_mut() {
                        m.insert(id.name.clone(), v);
                    }
                    Ok(())
                }
                DynRef::Global => self.set_global(&id.name, v, strict),
            },
            Binding::Unresolved => Err(self.type_error("internal error: unresolved identifier")),
        }
    }

    pub fn set_global(&mut self, name: &JsStr, v: Value, strict: bool) -> JsResult<()> {
        if let Some(&(slot, _)) = self.global_lex.names.get(name) {
            return self.set_global_lex(name, slot, v);
        }
        let key = PropKey::from_str(name);
        let g = self.global.clone();
        if strict && !self.has_property(&g, &key)? {
            return Err(self.reference_error(format!("{} is not defined", name)));
        }
        let receiver = Value::Object(g.clone());
        let ok = self.set_with_receiver(&g, key.clone(), v, &receiver)?;
        if !ok && strict {
            return Err(self.set_failure(&g, &key, &receiver));
        }
        Ok(())
    }

    /// SetMutableBinding of the global declarative record's binding in `slot`.
    fn set_global_lex(&mut self, name: &JsStr, slot: u32, v: Value) -> JsResult<()> {
        let i = slot as usize;
        if let Some(Value::Empty) = self.global_lex.values.get(i) {
            return Err(self.tdz_error(name));
        }
        if let Some(DeclKind::Const) = self.global_lex.kinds.get(i) {
            return Err(self.type_error("Assignment to constant variable."));
        }
        if let Some(cur) = self.global_lex.values.get_mut(i) {
            *cur = v;
        }
        Ok(())
    }

    /// InitializeReferencedBinding: the first assignment of a declaration.
    pub fn init_binding(&mut self, id: &Ident, v: Value, env: &Env) -> JsResult<()> {
        match id.binding.get() {
            Binding::Local { hops, slot, .. } => {
                env.set(hops, slot, v);
                Ok(())
            }
            Binding::Global => {
                if let Some(&(slot, _)) = self.global_lex.names.get(&id.name) {
                    self.global_lex.values[slot as usize] = v;
                    return Ok(());
                }
                let g = self.global.clone();
                self.set(&g, PropKey::from_str(&id.name), v, false)
            }
            Binding::Dynamic => {
                // A declaration inside eval/with code.
                match self.lookup_dynamic(&id.name, env)? {
                    DynRef::Slot(e, slot, _) => {
                        e.set(0, slot, v);
                        Ok(())
                    }
                    DynRef::EvalVar(e) => {
                        if let Some(m) = &mut *e.0.eval_vars.borrow_mut() {
                            m.insert(id.name.clone(), v);
                        }
                        Ok(())
                    }
                    DynRef::Object(o, k) => self.set(&o, k, v, false),
                    DynRef::Global => {
                        if let Some(&(slot, _)) = self.global_lex.names.get(&id.name) {
                            self.global_lex.values[slot as usize] = v;
                            return Ok(());
                        }
                        let g = self.global.clone();
                        self.set(&g, PropKey::from_str(&id.name), v, false)
                    }
                }
            }
            Binding::Unresolved => Err(self.type_error("internal error: unresolved identifier")),
        }
    }

    fn strict_at(&self, env: &Env) -> bool {
        let mut e = Some(env);
        while let Some(cur) = e {
            if let Some(i) = &cur.0.info {
                return i.strict;
            }
            e = cur.0.parent.as_ref();
        }
        false
    }

    // =========================================================================================
    // Expressions
    // =========================================================================================

    /// Evaluates an expression, naming anonymous functions/classes after the binding they are
    /// assigned to (NamedEvaluation).
    pub fn eval_named(&mut self, e: &Expr, env: &Env, target: &Pattern) -> JsResult<Value> {
        match target {
            Pattern::Ident(id) => self.eval_named_as(e, env, &id.name),
            _ => self.eval_expr(e, env),
        }
    }

    /// [`Interp::eval_named`] with the name given. Its callers wrap it in `sus!`: a class
    /// value can suspend (in its heritage or a computed key), and the caller's frame must be
    /// pushed then too.
    fn eval_named_as(&mut self, e: &Expr, env: &Env, name: &JsStr) -> JsResult<Value> {
        match self.try_named_evaluation(e, env, name)? {
            Some(v) => Ok(v),
            None => self.eval_expr(e, env),
        }
    }

    pub(crate) fn try_named_evaluation(
        &mut self,
        e: &Expr,
        env: &Env,
        name: &JsStr,
    ) -> JsResult<Option<Value>> {
        // IsAnonymousFunctionDefinition looks through parentheses.
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Function(f) | ExprKind::Arrow(f) if f.name.is_none() => {
                let o = self.make_closure(f, env, None, Some(name.clone()));
                Ok(Some(Value::Object(o)))
            }
            ExprKind::Class(c) if c.name.is_none() => {
                let v = self.eval_class_named(c, env, Some(name.clone()))?;
                Ok(Some(v))
            }
            _ => Ok(None),
        }
    }

    /// ToBoolean of a condition (`if`, `?:`, loop tests). A comparison of two numbers, the
    /// usual test, gives its boolean here without making a `Value` of it; a test containing
    /// `yield` or `await` goes through [`Interp::eval_expr`], whose binary node keeps its
    /// resume frame.
    #[inline(always)]
    fn eval_test(&mut self, test: &Expr, env: &Env) -> JsResult<bool> {
        if let ExprKind::Binary(op, l, r) = &test.kind {
            use BinaryOp::*;
            if matches!(
                op,
                Lt | Gt | LtEq | GtEq | StrictEq | StrictNotEq | Eq | NotEq
            ) && !test.suspends.get()
            {
                if let (Some(a), Some(b)) = (self.peek_number(l, env), self.peek_number(r, env)) {
                    return Ok(compare_numbers(*op, a, b));
                }
                // The right operand first (peeks read and change nothing, so their order
                // is free): against `true`, `null`, `'a'` it fails at once, and the left
                // one's member peek, which cannot answer then, is not tried.
                if let Some(b) = self.peek_test_operand(r, env) {
                    if let Some(a) = self.peek_test_operand(l, env) {
                        return Ok(compare_numbers(*op, a, b));
                    }
                }
                return self.eval_test_comparison(*op, l, r, env);
            }
        }
        if let ExprKind::Logical(LogicalOp::And | LogicalOp::Or, ..)
        | ExprKind::Unary(UnaryOp::Not, _)
        | ExprKind::Paren(_) = &test.kind
        {
            if !test.suspends.get() {
                return self.eval_test_composite(test, env);
            }
        }
        Ok(self.eval_expr(test, env)?.to_boolean())
    }

    /// [`Interp::eval_test`] of a comparison whose operands the number peeks could not read.
    /// Out of line: the inlined test of `i < n` stays short.
    #[inline(never)]
    fn eval_test_comparison(
        &mut self,
        op: BinaryOp,
        l: &Expr,
        r: &Expr,
        env: &Env,
    ) -> JsResult<bool> {
        use BinaryOp::*;
        let strict = matches!(op, StrictEq | StrictNotEq);
        // `o.flag === true`, `x !== null`, `s === 'a'`, `v === undefined`: against a literal
        // that is not a number, the left operand's value is compared with it where it
        // stands (no number peeks that cannot answer, no `Value` of the literal, no
        // `binary_op`).
        if strict && is_non_number_literal(r) {
            let lv = self.eval_operand(l, env)?;
            return Ok(equals_non_number_literal(&lv, r) == (op == StrictEq));
        }
        // `x == null`, `x != undefined`: IsLooselyEqual with `null` or `undefined` is true
        // for exactly those two (steps 2-3; no object here is [[IsHTMLDDA]]).
        if matches!(op, Eq | NotEq) && is_nullish_literal(r) {
            let lv = self.eval_operand(l, env)?;
            return Ok(lv.is_nullish() == (op == Eq));
        }
        let lv = self.eval_operand(l, env)?;
        let rv = self.eval_operand(r, env)?;
        if let (Value::Number(a), Value::Number(b)) = (&lv, &rv) {
            return Ok(compare_numbers(op, *a, *b));
        }
        if strict {
            return Ok(lv.strict_equals(&rv) == (op == StrictEq));
        }
        Ok(self.binary_op(op, &lv, &rv)?.to_boolean())
    }

    /// [`Interp::eval_test`] of `a && b`, `a || b`, `!a` and `(a)`: only the truth of the
    /// whole is wanted, and ToBoolean(`a && b`) is ToBoolean(`a`) && ToBoolean(`b`) (the
    /// operand it gives back is the one that decided), so each operand is a test of its own
    /// and its comparisons give their booleans without a `Value` (`if (s.quoting === false
    /// && chr === q)`). The operands run in the same order, the right one only when needed.
    #[inline(never)]
    fn eval_test_composite(&mut self, test: &Expr, env: &Env) -> JsResult<bool> {
        match &test.kind {
            ExprKind::Logical(LogicalOp::And, a, b) => {
                Ok(self.eval_test(a, env)? && self.eval_test(b, env)?)
            }
            ExprKind::Logical(LogicalOp::Or, a, b) => {
                Ok(self.eval_test(a, env)? || self.eval_test(b, env)?)
            }
            ExprKind::Unary(UnaryOp::Not, a) => Ok(!self.eval_test(a, env)?),
            ExprKind::Paren(a) => self.eval_test(a, env),
            _ => Ok(self.eval_expr(test, env)?.to_boolean()),
        }
    }

    /// [`Interp::eval_expr`] with its two commonest leaves, a number literal and an
    /// initialized local variable, evaluated in the caller without a call: an operand of a
    /// binary operator, an assigned value or an argument is one of them most of the time,
    /// and the call into the big `match` (its prologue, the dispatch, the result written
    /// through memory) costs more than the leaf itself.
    /// A number literal's value or the number an initialized local holds, read in place:
    /// `None` for anything else (the caller then evaluates the operand as usual). Neither
    /// has side effects, so an operator whose two operands both answer computes from them
    /// without a `Value` copied out of the environment and dropped again.
    #[inline(always)]
    fn peek_number(&self, e: &Expr, env: &Env) -> Option<f64> {
        match &e.kind {
            ExprKind::Number(n) => Some(*n),
            ExprKind::Ident(id) => match id.binding.get() {
                Binding::Local { hops, slot, .. } => env.number_at(hops, slot),
                _ => None,
            },
            _ => None,
        }
    }

    /// A binary operator on two operands [`Interp::peek_operand`] reads as numbers, whose
    /// result is a number: what `eval_expr` computes first for it, without its call.
    #[inline(always)]
    fn peek_binary_number(&self, e: &Expr, env: &Env) -> Option<f64> {
        let ExprKind::Binary(op, l, r) = &e.kind else {
            return None;
        };
        let (a, b) = (self.peek_operand(l, env)?, self.peek_operand(r, env)?);
        match number_binary(*op, a, b)? {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// [`Interp::peek_number`], and also `p.x` or `this.x` holding a number where the site
    /// found it last time (`this.x * o.x`); for the operands of a binary operator.
    #[inline(always)]
    fn peek_operand(&self, e: &Expr, env: &Env) -> Option<f64> {
        match &e.kind {
            ExprKind::Number(n) => Some(*n),
            ExprKind::Ident(id) => match id.binding.get() {
                Binding::Local { hops, slot, .. } => env.number_at(hops, slot),
                _ => None,
            },
            ExprKind::Member { .. } => peek_member_number(e, env),
            _ => None,
        }
    }

    /// The operand of a comparison in a condition read in place: a leaf or an operator on
    /// two leaves, in parentheses or not (`(i & 1023) === 0`, `n % 2 === 0`), which would
    /// otherwise cost one or two `eval_expr` levels (the parentheses' and the operator's).
    /// Tried after [`Interp::peek_number`] missed, so conditions on leaves never get here.
    #[inline(always)]
    fn peek_test_operand(&self, e: &Expr, env: &Env) -> Option<f64> {
        match &e.kind {
            ExprKind::Paren(_) | ExprKind::Binary(..) => self.peek_nested_number(e, env),
            _ => self.peek_operand(e, env),
        }
    }

    /// [`Interp::peek_binary_number`] of an operator or of one in parentheses; out of line,
    /// so the conditions on leaves (`i < n`) keep their short inlined path.
    #[inline(never)]
    fn peek_nested_number(&self, e: &Expr, env: &Env) -> Option<f64> {
        match &e.kind {
            ExprKind::Paren(x) => self.peek_binary_number(x, env),
            _ => self.peek_binary_number(e, env),
        }
    }

    #[inline(always)]
    fn eval_operand(&mut self, e: &Expr, env: &Env) -> JsResult<Value> {
        match &e.kind {
            ExprKind::Number(n) => Ok(Value::Number(*n)),
            ExprKind::Ident(id) | ExprKind::This(id) => self.get_binding(id, env),
            _ => self.eval_expr(e, env),
        }
    }

    pub fn eval_expr(&mut self, e: &Expr, env: &Env) -> JsResult<Value> {
        match &e.kind {
            ExprKind::Number(n) => Ok(Value::Number(*n)),
            ExprKind::BigInt(b) => Ok(Value::BigInt(b.clone())),
            ExprKind::String(s) => Ok(Value::String(s.clone())),
            ExprKind::Ident(id) => self.get_binding(id, env),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Null => Ok(Value::Null),
            ExprKind::This(id) => self.get_binding(id, env),
            ExprKind::Binary(op, l, r) => {
                if let (Some(a), Some(b)) = (self.peek_operand(l, env), self.peek_operand(r, env)) {
                    if let Some(v) = number_binary(*op, a, b) {
                        return Ok(v);
                    }
                }
                let suspends = e.suspends.get();
                let lv = if self.resuming(suspends) {
                    match self.pop_frame()? {
                        Frame::Operands(mut v) if v.len() == 1 => v.pop().unwrap_or_default(),
                        Frame::Operand => sus!(self, self.eval_expr(l, env), Frame::Operand),
                        _ => return Err(self.bad_frame()),
                    }
                } else {
                    sus!(self, self.eval_operand(l, env), Frame::Operand)
                };
                let rv = sus!(
                    self,
                    self.eval_operand(r, env),
                    Frame::Operands(vec![lv.clone()])
                );
                // Number operators without the call (see `binary_op`).
                if let (Value::Number(a), Value::Number(b)) = (&lv, &rv) {
                    if let Some(v) = number_binary(*op, *a, *b) {
                        return Ok(v);
                    }
                }
                self.binary_op(*op, &lv, &rv)
            }
            ExprKind::Logical(op, l, r) => {
                let suspends = e.suspends.get();
                let resumed_right = if self.resuming(suspends) {
                    match self.pop_frame()? {
                        Frame::Branch(1) => true,
                        Frame::Branch(0) => false,
                        _ => return Err(self.bad_frame()),
                    }
                } else {
                    false
                };
                if !resumed_right {
                    let lv = sus!(self, self.eval_expr(l, env), Frame::Branch(0));
                    let short = match op {
                        LogicalOp::And => !lv.to_boolean(),
                        LogicalOp::Or => lv.to_boolean(),
                        LogicalOp::Nullish => !lv.is_nullish(),
                    };
                    if short {
                        return Ok(lv);
                    }
                }
                Ok(sus!(self, self.eval_expr(r, env), Frame::Branch(1)))
            }
            ExprKind::Assign { op, target, value } => self.eval_assign(e, *op, target, value, env),
            ExprKind::Member { .. } => {
                if let Some(v) = peek_member_value(e, env) {
                    return Ok(v);
                }
                let (v, _) = self.eval_member(e, env)?;
                Ok(v)
            }
            ExprKind::Call { .. } | ExprKind::New { .. } | ExprKind::SuperCall { .. } => {
                self.eval_call(e, env)
            }
            ExprKind::Unary(op, x) => self.eval_unary(*op, x, env),
            ExprKind::Update { op, prefix, target } => self.eval_update(*op, *prefix, target, env),
            ExprKind::Conditional { test, cons, alt } => {
                let branch = self.eval_branch(test, env, e.suspends.get())?;
                if branch == 1 {
                    Ok(sus!(self, self.eval_expr(cons, env), Frame::Branch(1)))
                } else {
                    Ok(sus!(self, self.eval_expr(alt, env), Frame::Branch(2)))
                }
            }
            ExprKind::Paren(x) => self.eval_expr(x, env),
            ExprKind::Sequence(xs) => {
                let suspends = e.suspends.get();
                let start = if self.resuming(suspends) {
                    match self.pop_frame()? {
                        Frame::Decl(i) => i,
                        _ => return Err(self.bad_frame()),
                    }
                } else {
                    0
                };
                let mut last = Value::Undefined;
                for (i, x) in xs.iter().enumerate().skip(start) {
                    last = sus!(self, self.eval_expr(x, env), Frame::Decl(i));
                }
                Ok(last)
            }
            ExprKind::Function(f) => Ok(Value::Object(self.make_named_function_expression(f, env))),
            ExprKind::Arrow(f) => Ok(Value::Object(self.make_closure(f, env, None, None))),
            ExprKind::Class(c) => self.eval_class(c, env),
            ExprKind::Template(t) => self.eval_template(t, env, e.suspends.get()),
            ExprKind::TaggedTemplate { .. } => self.eval_call(e, env),
            ExprKind::Array(elems) => self.eval_array_literal(elems, env, e.suspends.get()),
            ExprKind::Object(props) => self.eval_object_literal(props, env, e.suspends.get()),
            ExprKind::Regex { pattern, flags } => self.regexp_create(pattern, flags),
            ExprKind::ImportBinding => Err(self.type_error("internal error: import binding")),
            ExprKind::ImportCall(x, options) => {
                let spec = self.eval_expr(x, env)?;
                let options = match options {
                    Some(o) => self.eval_expr(o, env)?,
                    None => Value::Undefined,
                };
                self.set_pos(e.span);
                self.import_dynamic(spec, options)
            }
            ExprKind::ImportMeta => self.import_meta(),
            ExprKind::OptionalChain(x) => match self.eval_chain(x, env)? {
                Some((v, _)) => Ok(v),
                None => Ok(Value::Undefined),
            },
            ExprKind::SuperMember { .. } => {
                let (v, _) = self.eval_member(e, env)?;
                Ok(v)
            }
            ExprKind::NewTarget(id) => self.get_binding(id, env),
            ExprKind::Yield { arg, delegate } => self.eval_yield(e, arg.as_deref(), *delegate, env),
            ExprKind::Await(x) => self.eval_await(e, x, env),
            ExprKind::PrivateIn { name, right } => {
                let r = self.eval_expr(right, env)?;
                let key = self.private_key(name, env)?;
                let Value::Object(o) = r else {
                    let s = crate::builtins::object::no_side_effects_to_string(self, &r);
                    return Err(self.type_error(format!(
                        "Cannot use 'in' operator to search for '#{}' in {s}",
                        name.name
                    )));
                };
                Ok(Value::Bool(o.get_own_property(&key).is_some()))
            }
        }
    }

    fn make_named_function_expression(&mut self, f: &Rc<Function>, env: &Env) -> Obj {
        self.make_closure(f, env, None, None)
    }

    fn private_key(&mut self, name: &Ident, env: &Env) -> JsResult<PropKey> {
        // In direct eval code a private name is found at run time, in the scopes of the
        // classes around the eval, where it is declared as `#name`.
        let v = match name.binding.get() {
            Binding::Dynamic => {
                let mut units = Vec::with_capacity(name.name.len() + 1);
                units.push(u16::from(b'#'));
                units.extend_from_slice(name.name.units());
                self.get_dynamic(&JsStr::intern_owned(units), env)?
            }
            _ => self.get_binding(name, env)?,
        };
        match v {
            Value::Symbol(s) => Ok(PropKey::Sym(s)),
            _ => Err(self.type_error("internal error: bad private name")),
        }
    }

    // ---- yield / await ------------------------------------------------------------------------

    fn eval_yield(
        &mut self,
        e: &Expr,
        arg: Option<&Expr>,
        delegate: bool,
        env: &Env,
    ) -> JsResult<Value> {
        let resuming = self.resuming(e.suspends.get());
        if delegate || self.current_async_gen.is_some() {
            let resumed = if resuming {
                Some(self.pop_frame()?)
            } else {
                None
            };
            return if delegate {
                self.eval_yield_delegate(e, arg, env, resumed)
            } else {
                self.eval_async_yield(arg, env, resumed)
            };
        }
        if resuming {
            // Checked where it lies (see `eval_stmts`).
            match self.frames.last() {
                Some(Frame::Suspended) => {
                    self.drop_top_frame();
                    return match self.resume.take() {
                        Some(Resume::Next(v)) => Ok(v),
                        None => Ok(Value::Undefined),
                        Some(Resume::Throw(x)) => Err(Abrupt::Throw(x)),
                        Some(Resume::Return(v)) => Err(Abrupt::Return(v)),
                    };
                }
                Some(Frame::Operand) => self.drop_top_frame(),
                _ => return Err(self.bad_frame()),
            }
        }
        let v = match arg {
            // `yield i`: a local read without a call of `eval_expr`.
            Some(a) => sus!(self, self.eval_operand(a, env), Frame::Operand),
            None => Value::Undefined,
        };
        self.yielded = v;
        self.suspend_kind = crate::interp::generator::SuspendKind::Yield;
        push_frame!(self, Frame::Suspended);
        Err(Abrupt::Suspend)
    }

    /// `yield*`, out of line: `eval_yield` stays small enough to be inlined into
    /// `eval_expr` on the plain `yield` path (the generator-for-of benchmark's).
    #[inline(never)]
    fn eval_yield_delegate(
        &mut self,
        e: &Expr,
        arg: Option<&Expr>,
        env: &Env,
        resumed: Option<Frame>,
    ) -> JsResult<Value> {
        // V8 places the inner iterator's calls (`at inner.next`, GetIterator) where the
        // operand's evaluation last recorded one (`yield* inner()`: the call), else at
        // `yield` (`yield* it`).
        let at_yield = Span {
            start: e.span.start,
            end: e.span.start + 5,
        };
        let pos = arg.and_then(recorded_position).unwrap_or(at_yield);
        if self.current_async_gen.is_some() {
            return self.eval_async_yield_star(arg, env, resumed, (pos, at_yield));
        }
        self.eval_yield_star(arg, env, resumed, pos)
    }

    fn eval_yield_star(
        &mut self,
        arg: Option<&Expr>,
        env: &Env,
        resumed: Option<Frame>,
        pos: Span,
    ) -> JsResult<Value> {
        let (mut rec, received) = match resumed {
            Some(Frame::Delegate(rec)) => {
                let r = self.resume.take().unwrap_or(Resume::Next(Value::Undefined));
                (rec, r)
            }
            Some(Frame::Operand) | None => {
                let v = match arg {
                    Some(a) => sus!(self, self.eval_expr(a, env), Frame::Operand),
                    None => Value::Undefined,
                };
                self.set_pos(pos);
                (self.get_iterator(&v)?, Resume::Next(Value::Undefined))
            }
            Some(_) => return Err(self.bad_frame()),
        };
        {
            self.set_pos(pos);
            let iter_v = Value::Object(rec.iterator.clone());
            let inner = match received {
                Resume::Next(v) => match self.delegate_to_generator(&rec, &iter_v, v)? {
                    Ok(GenStep::Result(v, true)) => return Ok(v),
                    Ok(GenStep::Result(v, false)) => {
                        // The inner result object nobody else sees is not made: the value
                        // is yielded as by `yield v`, and the outer `next` (or for-of)
                        // makes the same `{ value, done }` when it is observable.
                        self.yielded = v;
                        self.suspend_kind = crate::interp::generator::SuspendKind::Yield;
                        push_frame!(self, Frame::Delegate(rec));
                        return Err(Abrupt::Suspend);
                    }
                    Ok(GenStep::Raw(ro)) => ro,
                    Err(v) => self.call(&rec.next.clone(), &iter_v, &[v])?,
                },
                Resume::Throw(x) => match self.get_method(&iter_v, &static_key!("throw"))? {
                    Some(t) => self.call_obj(&t, &iter_v, &[x])?,
                    None => {
                        rec.done = true;
                        self.iterator_close(&rec, Ok(()))?;
                        return Err(
                            self.type_error("The iterator does not provide a 'throw' method.")
                        );
                    }
                },
                Resume::Return(v) => match self.get_method(&iter_v, &static_key!("return"))? {
                    Some(r) => {
                        let res = self.call_obj(&r, &iter_v, &[v])?;
                        let Value::Object(ro) = &res else {
                            return Err(self.type_error("Iterator result is not an object"));
                        };
                        if self.get(ro, &static_key!("done"))?.to_boolean() {
                            let val = self.get(ro, &static_key!("value"))?;
                            return Err(Abrupt::Return(val));
                        }
                        res
                    }
                    None => return Err(Abrupt::Return(v)),
                },
            };
            let Value::Object(ro) = &inner else {
                let s = crate::builtins::object::no_side_effects_to_string(self, &inner);
                return Err(self.type_error(format!("Iterator result {s} is not an object")));
            };
            if self.get(ro, &static_key!("done"))?.to_boolean() {
                return self.get(ro, &static_key!("value"));
            }
            // GeneratorYield(innerResult) without re-wrapping: yield the result object as is.
            self.yielded = Value::Undefined;
            self.delegated_result = Some(inner.clone());
            self.suspend_kind = crate::interp::generator::SuspendKind::Yield;
            push_frame!(self, Frame::Delegate(rec));
            Err(Abrupt::Suspend)
        }
    }

    /// `yield*`'s `next` call when the inner iterator is a generator and the `next` read at
    /// GetIterator is the original `%GeneratorPrototype%.next`: the generator stepped
    /// directly (its result object, which only the delegating generator would see, not
    /// made; `next`'s stack frame stood for by the body's entry, as for for-of). `Err(v)`
    /// gives the value back for an ordinary call otherwise.
    fn delegate_to_generator(
        &mut self,
        rec: &IteratorRecord,
        iter_v: &Value,
        v: Value,
    ) -> JsResult<Result<GenStep, Value>> {
        let Value::Object(next) = &rec.next else {
            return Ok(Err(v));
        };
        let original = self
            .original_next
            .generator
            .as_ref()
            .is_some_and(|g| Obj::ptr_eq(g, next));
        if !original || !matches!(rec.iterator.borrow().kind, ObjectKind::Generator(_)) {
            return Ok(Err(v));
        }
        let next = next.clone();
        self.check_side_effect_free(&next)?;
        self.generator_step(
            iter_v,
            Resume::Next(v),
            "[Generator].prototype.next",
            Some(&next),
        )
        .map(Ok)
    }

    /// `yield*` inside an async generator (YieldExpression evaluation, async case).
    fn eval_async_yield_star(
        &mut self,
        arg: Option<&Expr>,
        env: &Env,
        resumed: Option<Frame>,
        (pos, at_yield): (Span, Span),
    ) -> JsResult<Value> {
        let (rec, mut received, mut awaited): (
            IteratorRecord,
            Resume,
            Option<(bool, JsResult<Value>)>,
        ) = match resumed {
            None | Some(Frame::Operand) => {
                let v = match arg {
                    Some(a) => sus!(self, self.eval_expr(a, env), Frame::Operand),
                    None => Value::Undefined,
                };
                self.set_pos(pos);
                (
                    self.get_async_iterator(&v)?,
                    Resume::Next(Value::Undefined),
                    None,
                )
            }
            Some(Frame::AsyncDelegate {
                iter,
                phase,
                from_return,
            }) => match phase {
                0 => (
                    iter,
                    Resume::Next(Value::Undefined),
                    Some((from_return, self.take_resume())),
                ),
                1 => {
                    let c = self.resume.take().unwrap_or(Resume::Next(Value::Undefined));
                    match c {
                        Resume::Return(v) => {
                            return self.suspend_await(
                                v,
                                Frame::AsyncDelegate {
                                    iter,
                                    phase: 2,
                                    from_return: false,
                                },
                            );
                        }
                        other => (iter, other, None),
                    }
                }
                2 => match self.resume.take() {
                    Some(Resume::Next(v)) => (iter, Resume::Return(v), None),
                    Some(Resume::Throw(e)) => (iter, Resume::Throw(e), None),
                    Some(Resume::Return(v)) => (iter, Resume::Return(v), None),
                    None => (iter, Resume::Return(Value::Undefined), None),
                },
                3 => {
                    let v = self.take_resume()?;
                    return Err(Abrupt::Return(v));
                }
                _ => {
                    let _ = self.take_resume();
                    return Err(self.type_error("The iterator does not provide a 'throw' method."));
                }
            },
            Some(_) => return Err(self.bad_frame()),
        };
        loop {
            // 1. Get the inner result (call the inner method and await it), unless we just
            //    resumed with it.
            let (from_return, inner) = match awaited.take() {
                Some((fr, r)) => (fr, r?),
                None => {
                    self.set_pos(pos);
                    let iter_v = Value::Object(rec.iterator.clone());
                    let (fr, call) =
                        match std::mem::replace(&mut received, Resume::Next(Value::Undefined)) {
                            Resume::Next(v) => {
                                (false, self.call(&rec.next.clone(), &iter_v, &[v])?)
                            }
                            Resume::Throw(x) => {
                                match self.get_method(&iter_v, &static_key!("throw"))? {
                                    Some(t) => (false, self.call_obj(&t, &iter_v, &[x])?),
                                    None => {
                                        // AsyncIteratorClose, then a TypeError.
                                        if let Some(r) =
                                            self.get_method(&iter_v, &static_key!("return"))?
                                        {
                                            let res = self.call_obj(&r, &iter_v, &[])?;
                                            return self.suspend_await(
                                                res,
                                                Frame::AsyncDelegate {
                                                    iter: rec,
                                                    phase: 4,
                                                    from_return: false,
                                                },
                                            );
                                        }
                                        return Err(self.type_error(
                                            "The iterator does not provide a 'throw' method.",
                                        ));
                                    }
                                }
                            }
                            Resume::Return(v) => {
                                match self.get_method(&iter_v, &static_key!("return"))? {
                                    Some(r) => (true, self.call_obj(&r, &iter_v, &[v])?),
                                    None => {
                                        return self.suspend_await(
                                            v,
                                            Frame::AsyncDelegate {
                                                iter: rec,
                                                phase: 3,
                                                from_return: false,
                                            },
                                        );
                                    }
                                }
                            }
                        };
                    // Its Await is at `yield` (`at async outer (pos)`).
                    self.set_pos(at_yield);
                    return self.suspend_await(
                        call,
                        Frame::AsyncDelegate {
                            iter: rec,
                            phase: 0,
                            from_return: fr,
                        },
                    );
                }
            };
            let Value::Object(ro) = &inner else {
                let s = crate::builtins::object::no_side_effects_to_string(self, &inner);
                return Err(self.type_error(format!("Iterator result {s} is not an object")));
            };
            let done = self.get(ro, &static_key!("done"))?.to_boolean();
            let value = self.get(ro, &static_key!("value"))?;
            if done {
                return if from_return {
                    Err(Abrupt::Return(value))
                } else {
                    Ok(value)
                };
            }
            // 2. AsyncGeneratorYield(value) (no Await of the value for yield*).
            match self.async_generator_yield(value) {
                Some(Resume::Return(v)) => {
                    return self.suspend_await(
                        v,
                        Frame::AsyncDelegate {
                            iter: rec,
                            phase: 2,
                            from_return: false,
                        },
                    );
                }
                Some(c) => received = c,
                None => {
                    self.yielded = Value::Undefined;
                    self.suspend_kind = crate::interp::generator::SuspendKind::Yield;
                    push_frame!(
                        self,
                        Frame::AsyncDelegate {
                            iter: rec,
                            phase: 1,
                            from_return: false,
                        }
                    );
                    return Err(Abrupt::Suspend);
                }
            }
        }
    }

    fn eval_await(&mut self, e: &Expr, x: &Expr, env: &Env) -> JsResult<Value> {
        if self.resuming(e.suspends.get()) {
            // Checked where it lies (see `eval_stmts`).
            match self.frames.last() {
                Some(Frame::Suspended) => {
                    self.drop_top_frame();
                    return self.take_resume();
                }
                Some(Frame::Operand) => self.drop_top_frame(),
                _ => return Err(self.bad_frame()),
            }
        }
        let v = sus!(self, self.eval_expr(x, env), Frame::Operand);
        // Remember where module code's own body waits (the host reports an `await` there
        // that never settles).
        if self.module_like && in_module_body(env) {
            if let Some(top) = self.stack.last() {
                self.top_level_await_pos = Some((top.source, e.span));
            }
        }
        // A stack taken while this body waits (V8's `at async f`) points at the `await`.
        if let Some(top) = self.stack.last_mut() {
            top.pos = e.span;
        }
        self.suspend_await(v, Frame::Suspended)
    }

    /// Suspends the running body on `Await(v)`; `frame` marks where to resume.
    pub(crate) fn suspend_await(&mut self, v: Value, frame: Frame) -> JsResult<Value> {
        self.yielded = v;
        self.suspend_kind = crate::interp::generator::SuspendKind::Await;
        push_frame!(self, frame);
        Err(Abrupt::Suspend)
    }

    /// The completion a resumed body receives at its suspension point.
    pub(crate) fn take_resume(&mut self) -> JsResult<Value> {
        match self.resume.take() {
            Some(Resume::Next(v)) => Ok(v),
            None => Ok(Value::Undefined),
            Some(Resume::Throw(x)) => Err(Abrupt::Throw(x)),
            Some(Resume::Return(v)) => Err(Abrupt::Return(v)),
        }
    }

    /// `yield` inside an async generator: Await the operand, AsyncGeneratorYield, and
    /// AsyncGeneratorUnwrapYieldResumption (a `return` resumption awaits its value).
    fn eval_async_yield(
        &mut self,
        arg: Option<&Expr>,
        env: &Env,
        resumed: Option<Frame>,
    ) -> JsResult<Value> {
        let mut completion = match resumed {
            None | Some(Frame::Operand) => {
                let v = match arg {
                    Some(a) => sus!(self, self.eval_expr(a, env), Frame::Operand),
                    None => Value::Undefined,
                };
                return self.suspend_await(v, Frame::Branch(1));
            }
            Some(Frame::Branch(1)) => {
                // The operand was awaited: yield it.
                let v = self.take_resume()?;
                match self.async_generator_yield(v) {
                    Some(next) => next,
                    None => {
                        self.yielded = Value::Undefined;
                        self.suspend_kind = crate::interp::generator::SuspendKind::Yield;
                        push_frame!(self, Frame::Branch(2));
                        return Err(Abrupt::Suspend);
                    }
                }
            }
            Some(Frame::Branch(2)) => self.resume.take().unwrap_or(Resume::Next(Value::Undefined)),
            Some(Frame::Branch(3)) => {
                // V8 awaits a `return()`'s value in a builtin (its
                // AsyncGeneratorReturnResolveClosure is no await continuation): a stack taken
                // from here on (a `finally` run by a for-await's `break`) has no `at async`
                // frames until the body awaits again.
                self.async_resumed = None;
                return match self.resume.take() {
                    Some(Resume::Next(v)) => Err(Abrupt::Return(v)),
                    Some(Resume::Throw(e)) => Err(Abrupt::Throw(e)),
                    Some(Resume::Return(v)) => Err(Abrupt::Return(v)),
                    None => Err(Abrupt::Return(Value::Undefined)),
                };
            }
            Some(_) => return Err(self.bad_frame()),
        };
        match std::mem::replace(&mut completion, Resume::Next(Value::Undefined)) {
            Resume::Next(v) => Ok(v),
            Resume::Throw(e) => Err(Abrupt::Throw(e)),
            Resume::Return(v) => self.suspend_await(v, Frame::Branch(3)),
        }
    }

    // ---- unary / update ------------------------------------------------------------------------

    fn eval_unary(&mut self, op: UnaryOp, x: &Expr, env: &Env) -> JsResult<Value> {
        match op {
            UnaryOp::Typeof => {
                if let ExprKind::Ident(id) = &strip_parens(x).kind {
                    if id.binding.get() == Binding::Global {
                        let known = self.global_lex.names.contains_key(&id.name)
                            || self
                                .has_property(&self.global.clone(), &PropKey::from_str(&id.name))?;
                        if !known {
                            return Ok(Value::from("undefined"));
                        }
                    }
                    if id.binding.get() == Binding::Dynamic {
                        if let DynRef::Global = self.lookup_dynamic(&id.name, env)? {
                            let known = self.global_lex.names.contains_key(&id.name)
                                || self.has_property(
                                    &self.global.clone(),
                                    &PropKey::from_str(&id.name),
                                )?;
                            if !known {
                                return Ok(Value::from("undefined"));
                            }
                        }
                    }
                }
                let v = self.eval_expr(x, env)?;
                Ok(Value::String(JsStr::intern(v.type_of())))
            }
            UnaryOp::Delete => self.eval_delete(x, env),
            _ => {
                let v = self.eval_expr(x, env)?;
                Ok(match op {
                    UnaryOp::Minus => match self.to_numeric(&v)? {
                        Numeric::Number(n) => Value::Number(-n),
                        Numeric::BigInt(b) => Value::from(bigint_unary_minus(&b)),
                    },
                    // ToNumber: a BigInt operand throws.
                    UnaryOp::Plus => Value::Number(self.to_number(&v)?),
                    UnaryOp::Not => Value::Bool(!v.to_boolean()),
                    UnaryOp::BitNot => match self.to_numeric(&v)? {
                        Numeric::Number(n) => Value::Number(!to_int32(n) as f64),
                        Numeric::BigInt(b) => Value::from(bigint_bitwise_not(&b)),
                    },
                    UnaryOp::Void => Value::Undefined,
                    _ => Value::Undefined,
                })
            }
        }
    }

    fn eval_delete(&mut self, x: &Expr, env: &Env) -> JsResult<Value> {
        let x = strip_parens(x);
        match &x.kind {
            ExprKind::Member { object, prop, .. } => {
                let base = self.eval_expr(object, env)?;
                let key = self.eval_member_key(prop, env)?;
                self.delete_member(&base, &key, env)
            }
            // `delete a?.b`, `delete a?.[k]`, `delete a?.b.c`: the chain up to the last
            // property is evaluated as a chain (a short-circuit makes the result `true`),
            // then that property is deleted.
            ExprKind::OptionalChain(chain) => match &chain.kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional,
                    ..
                } => {
                    let Some(base) = self.eval_chain_base(object, *optional, env)? else {
                        return Ok(Value::Bool(true));
                    };
                    let key = self.eval_member_key(prop, env)?;
                    self.delete_member(&base, &key, env)
                }
                _ => {
                    self.eval_expr(x, env)?;
                    Ok(Value::Bool(true))
                }
            },
            ExprKind::SuperMember { .. } => {
                Err(self.reference_error("Unsupported reference to 'super'"))
            }
            ExprKind::Ident(id) => match id.binding.get() {
                Binding::Global => {
                    if self.global_lex.names.contains_key(&id.name) {
                        return Ok(Value::Bool(false));
                    }
                    Ok(Value::Bool(
                        self.global.delete(&PropKey::from_str(&id.name)),
                    ))
                }
                Binding::Dynamic => match self.lookup_dynamic(&id.name, env)? {
                    DynRef::Object(o, k) => Ok(Value::Bool(self.delete_property(&o, &k)?)),
                    DynRef::EvalVar(e) => {
                        if let Some(m) = &mut *e.0.eval_vars.borrow_mut() {
                            m.remove(&id.name);
                        }
                        Ok(Value::Bool(true))
                    }
                    DynRef::Global => Ok(Value::Bool(
                        self.global.delete(&PropKey::from_str(&id.name)),
                    )),
                    DynRef::Slot(..) => Ok(Value::Bool(false)),
                },
                _ => Ok(Value::Bool(false)),
            },
            _ => {
                self.eval_expr(x, env)?;
                Ok(Value::Bool(true))
            }
        }
    }

    /// `delete base[key]` once both are evaluated: a failed delete throws in strict code.
    fn delete_member(&mut self, base: &Value, key: &PropKey, env: &Env) -> JsResult<Value> {
        let o = self.to_object(base)?;
        let ok = self.delete_property(&o, key)?;
        if !ok && self.strict_at(env) {
            if o.is_proxy() {
                return Err(self.type_error(format!(
                    "'deleteProperty' on proxy: trap returned falsish for property '{}'",
                    crate::interp::ops::key_display(key)
                )));
            }
            return Err(self.type_error(format!(
                "Cannot delete property '{}' of {}",
                crate::interp::ops::key_display(key),
                crate::builtins::object::no_side_effects_to_string(self, &Value::Object(o.clone()))
            )));
        }
        Ok(Value::Bool(ok))
    }

    fn eval_update(
        &mut self,
        op: UpdateOp,
        prefix: bool,
        target: &Expr,
        env: &Env,
    ) -> JsResult<Value> {
        let inc = op == UpdateOp::Inc;
        let delta = if inc { 1.0 } else { -1.0 };
        let t = strip_parens(target);
        match &t.kind {
            ExprKind::Ident(id) => {
                // Fast path for local numeric slots.
                if let Binding::Local { hops, slot, kind } = id.binding.get() {
                    if matches!(kind, DeclKind::Var | DeclKind::Let | DeclKind::Param) {
                        if let Some(n) = env.add_to_number(hops, slot, delta) {
                            return Ok(Value::Number(if prefix { n + delta } else { n }));
                        }
                    }
                }
                let old = self.get_binding(id, env)?;
                let (old, new) = self.numeric_update(&old, inc)?;
                let strict = self.strict_at(env);
                self.set_binding(id, new.clone(), env, strict)?;
                Ok(if prefix { new } else { old })
            }
            ExprKind::Member {
                object, prop, hint, ..
            } => {
                let base = self.eval_expr(object, env)?;
                if let (MemberProp::Ident(name), Value::Object(o)) = (prop, &base) {
                    if let Some(n) = update_number_at_hint(o, name, hint, delta) {
                        return Ok(Value::Number(if prefix { n + delta } else { n }));
                    }
                }
                let key = self.eval_member_key(prop, env)?;
                let old = self.get_v_member(&base, &key)?;
                let (old, new) = self.numeric_update(&old, inc)?;
                let strict = self.strict_at(env);
                self.put_member(&base, key, new.clone(), strict)?;
                Ok(if prefix { new } else { old })
            }
            ExprKind::SuperMember {
                prop,
                this_ref,
                func_ref,
            } => {
                let this = self.get_binding(this_ref, env)?;
                let key = self.eval_member_key(prop, env)?;
                let home = self.super_base(func_ref, env)?;
                let old = match &home {
                    Some(h) => self.get_with_receiver(h, &key, &this)?,
                    None => Value::Undefined,
                };
                let (old, new) = self.numeric_update(&old, inc)?;
                if let Some(h) = home {
                    self.set_with_receiver(&h, key, new.clone(), &this)?;
                }
                Ok(if prefix { new } else { old })
            }
            _ => Err(self.syntax_error("Invalid left-hand side expression in postfix operation")),
        }
    }

    // ---- member access -----------------------------------------------------------------------

    pub fn eval_member_key(&mut self, prop: &MemberProp, env: &Env) -> JsResult<PropKey> {
        match prop {
            MemberProp::Ident(name) => Ok(PropKey::Str(name.clone())),
            MemberProp::Computed(e) => {
                let v = self.eval_expr(e, env)?;
                self.to_property_key(&v)
            }
            MemberProp::Private(id) => self.private_key(id, env),
        }
    }

    /// GetValue on a property reference, with V8's message for null/undefined bases.
    fn get_v_member(&mut self, base: &Value, key: &PropKey) -> JsResult<Value> {
        if let PropKey::Sym(s) = key {
            if s.0.private {
                return self.private_get(base, s);
            }
        }
        if let Value::Object(o) = base {
            return self.get(o, key);
        }
        self.get_v(base, key)
    }

    /// PrivateGet(ToObject(base), name), with V8's messages.
    fn private_get(&mut self, base: &Value, s: &Sym) -> JsResult<Value> {
        let o = self.private_base(base, s, false)?;
        let key = PropKey::Sym(s.clone());
        match o.get_own_property(&key) {
            Some(p) => match p.slot {
                crate::object::Slot::Data(v) => Ok(v),
                crate::object::Slot::Accessor(a) if a.get.is_some() => match &a.get {
                    Some(g) => self.call_obj(g, base, &[]),
                    None => Ok(Value::Undefined),
                },
                _ => Err(self.type_error(format!(
                    "'{}' was defined without a getter",
                    private_desc(s)
                ))),
            },
            None => Err(self.private_missing(s, false)),
        }
    }

    /// ToObject of the base of a private reference, with V8's messages for null/undefined.
    fn private_base(&mut self, base: &Value, s: &Sym, write: bool) -> JsResult<Obj> {
        if base.is_nullish() {
            let what = if matches!(base, Value::Null) {
                "null"
            } else {
                "undefined"
            };
            return Err(match &s.0.brand {
                Some(b) if b.is_static => self.private_missing(s, write),
                // V8 loads the class brand, named after the class.
                Some(b) => self.type_error(format!(
                    "Cannot read properties of {what} (reading '{}')",
                    b.class_name
                )),
                None if write => self.type_error(format!(
                    "Cannot set properties of {what} (setting '{}')",
                    private_desc(s)
                )),
                None => self.type_error(format!(
                    "Cannot read properties of {what} (reading '{}')",
                    private_desc(s)
                )),
            });
        }
        self.to_object(base)
    }

    /// V8's TypeError when an object lacks a private name.
    fn private_missing(&mut self, s: &Sym, write: bool) -> Abrupt {
        let desc = private_desc(s);
        self.type_error(match &s.0.brand {
            Some(b) if b.is_static => format!("Receiver must be class {}", b.class_name),
            Some(b) => format!("Receiver must be an instance of class {}", b.class_name),
            None if write => format!(
                "Cannot write private member {desc} to an object whose class did not declare it"
            ),
            None => format!(
                "Cannot read private member {desc} from an object whose class did not declare it"
            ),
        })
    }

    /// Evaluates a member expression: (value, this-value for calls).
    /// `base.name` at the member site `e` without a property key, when the site's caches
    /// answer: an array's or string's `length`, an own data property where the site found
    /// it last time (its position hint), a name on a prototype (its inline cache keyed by
    /// shape), a string's method. `None`: the caller takes [[Get]].
    #[inline(always)]
    fn member_ident_fast(
        &mut self,
        e: &Expr,
        name: &JsStr,
        base: &Value,
    ) -> JsResult<Option<Value>> {
        if let Some(v) = get_length_fast(base, name) {
            return Ok(Some(v));
        }
        // The site's hint and inline cache before any property key is made (the name's
        // count untouched on a hit).
        let ExprKind::Member { hint, site, .. } = &e.kind else {
            return Ok(None);
        };
        match base {
            Value::Object(o) => {
                // An own data property where this site found it last time: the value with
                // no search. [[Get]] looks at the own string-keyed properties first for
                // every kind of object, so this is its answer too. (No code runs and nothing
                // throws here, so the stack entry's position is left as it is.)
                let h = hint.get();
                if h != u32::MAX {
                    // Else the hint remembers where it is now, or stops the tries at a site
                    // whose name lives on a prototype (or is no plain own property).
                    let d = o.borrow();
                    if let Some(v) = d.props.data_at_site_hint(name, hint) {
                        return Ok(Some(v.clone()));
                    }
                    Ok(None)
                } else {
                    // A name found on a prototype: the site's inline cache keyed by shape.
                    self.read_through_site(hint, site, name, o, e)
                }
            }
            // A string's method (`s.charCodeAt`): the site's cache, its chain starting at
            // %String.prototype%.
            Value::String(_) => Ok(self.read_string_method_through_site(site, name)),
            _ => Ok(None),
        }
    }

    fn eval_member(&mut self, e: &Expr, env: &Env) -> JsResult<(Value, Value)> {
        match &e.kind {
            ExprKind::Member { object, prop, .. } => {
                let suspends = e.suspends.get();
                let base = if self.resuming(suspends) {
                    match self.pop_frame()? {
                        Frame::Operand => sus!(self, self.eval_expr(object, env), Frame::Operand),
                        Frame::Operands(mut v) => v.pop().unwrap_or_default(),
                        _ => return Err(self.bad_frame()),
                    }
                } else {
                    sus!(self, self.eval_operand(object, env), Frame::Operand)
                };
                let key = match prop {
                    MemberProp::Computed(ke) => {
                        let kv = sus!(
                            self,
                            self.eval_operand(ke, env),
                            Frame::Operands(vec![base.clone()])
                        );
                        if base.is_nullish() {
                            self.set_pos(member_position(e));
                            if matches!(&kv, Value::Symbol(s) if *s == self.symbols.iterator) {
                                let t = crate::interp::iter::not_iterable_type_text(&base);
                                return Err(self.type_error(format!(
                                    "{t} is not iterable (cannot read property Symbol(Symbol.iterator))"
                                )));
                            }
                            let kd = self.to_string_lossy(&kv);
                            return Err(self.type_error(format!(
                                "Cannot read properties of {} (reading '{}')",
                                if base.is_undefined() {
                                    "undefined"
                                } else {
                                    "null"
                                },
                                kd
                            )));
                        }
                        if let Some(v) = get_index_fast(&base, &kv) {
                            return Ok((v, base));
                        }
                        self.to_property_key(&kv)?
                    }
                    MemberProp::Ident(name) => {
                        if let Some(v) = self.member_ident_fast(e, name, &base)? {
                            return Ok((v, base));
                        }
                        PropKey::Str(name.clone())
                    }
                    _ => self.eval_member_key(prop, env)?,
                };
                self.set_pos(member_position(e));
                let v = self.get_v_member(&base, &key)?;
                Ok((v, base))
            }
            ExprKind::SuperMember {
                prop,
                this_ref,
                func_ref,
            } => {
                let this = self.get_binding(this_ref, env)?;
                let key = self.eval_member_key(prop, env)?;
                let home = self.super_base(func_ref, env)?;
                let v = match home {
                    Some(h) => self.get_with_receiver(&h, &key, &this)?,
                    None => {
                        return Err(self.type_error(format!(
                            "Cannot read properties of null (reading '{}')",
                            crate::interp::ops::key_display(&key)
                        )))
                    }
                };
                Ok((v, this))
            }
            _ => {
                let v = self.eval_expr(e, env)?;
                Ok((v, Value::Undefined))
            }
        }
    }

    /// `o.name` at a member site whose name is not an own data property of the receivers it
    /// saw: the site's inline cache keyed by shape (`prop_cache.rs`), or a walk of the chain
    /// that fills it. `None`: the full [[Get]] must answer (a getter, a Proxy, ...). Out of
    /// line, so that `eval_member`'s own-property path stays small.
    #[inline(never)]
    fn read_through_site(
        &mut self,
        hint: &std::cell::Cell<u32>,
        site: &std::cell::Cell<u32>,
        name: &JsStr,
        o: &Obj,
        e: &Expr,
    ) -> JsResult<Option<Value>> {
        if let Some(v) = self.prop_sites.read_hit(site.get(), name, o) {
            return Ok(Some(v));
        }
        if self.prop_sites.absent_hit(site.get(), name, o) {
            return Ok(Some(Value::Undefined));
        }
        let getter = match self.prop_sites.getter_hit(site.get(), name, o) {
            Some(g) => g,
            None => match self.prop_sites.read_miss(site, name, o) {
                ReadMiss::Value(v) => return Ok(Some(v)),
                ReadMiss::Own(pos, v) => {
                    hint.set(pos);
                    return Ok(Some(v));
                }
                ReadMiss::Getter(g) => g,
                ReadMiss::Generic => return Ok(None),
            },
        };
        self.call_site_getter(&getter, o, e).map(Some)
    }

    /// [[Get]]'s last step for a getter a site's cache found on `o`'s chain: the call with
    /// `o` as `this`. %TypedArray%.prototype.length's answer needs no call (a loop's
    /// `i < bytes.length` on a typed array or a Buffer).
    fn call_site_getter(&mut self, g: &Obj, o: &Obj, e: &Expr) -> JsResult<Value> {
        if Obj::ptr_eq(g, &self.intrinsics.typed_array_length_get) {
            if let ObjectKind::TypedArray(ta) = &o.borrow().kind {
                // TypedArrayLength, or 0 when out of bounds (detached).
                return Ok(Value::Number(ta.length().unwrap_or(0) as f64));
            }
        }
        self.set_pos(member_position(e));
        self.call_obj(g, &Value::Object(o.clone()), &[])
    }

    /// `s.name` for a string `s`, through the site's inline cache (see
    /// [`Interp::read_through_site`]); `None` for `length`, a getter, ... (the full [[Get]]).
    #[inline(never)]
    fn read_string_method_through_site(
        &mut self,
        site: &std::cell::Cell<u32>,
        name: &JsStr,
    ) -> Option<Value> {
        let proto = &self.intrinsics.string_prototype;
        if let Some(v) = self.prop_sites.read_hit_primitive(site.get(), name, proto) {
            return Some(v);
        }
        self.prop_sites.read_miss_primitive(site, name, proto)
    }

    /// The object `super.x` searches: the home object's prototype.
    fn super_base(&mut self, func_ref: &Ident, env: &Env) -> JsResult<Option<Obj>> {
        let f = self.get_binding(func_ref, env)?;
        let home = match &f {
            Value::Object(fo) => match &fo.borrow().kind {
                ObjectKind::Closure(c) => c.home_object.clone(),
                _ => None,
            },
            _ => None,
        };
        Ok(home.and_then(|h| h.proto()))
    }

    /// The object of a member access inside an optional chain; `None` if the chain
    /// short-circuited there (`a?.b` with `a` nullish, or earlier).
    fn eval_chain_base(
        &mut self,
        object: &Expr,
        optional: bool,
        env: &Env,
    ) -> JsResult<Option<Value>> {
        match self.eval_chain(object, env)? {
            Some((base, _)) if !(optional && base.is_nullish()) => Ok(Some(base)),
            _ => Ok(None),
        }
    }

    /// Evaluates an optional chain; `None` if it short-circuited.
    fn eval_chain(&mut self, e: &Expr, env: &Env) -> JsResult<Option<(Value, Value)>> {
        match &e.kind {
            ExprKind::Member {
                object,
                prop,
                optional,
                ..
            } => {
                let Some(base) = self.eval_chain_base(object, *optional, env)? else {
                    return Ok(None);
                };
                if let MemberProp::Ident(name) = prop {
                    if let Some(v) = self.member_ident_fast(e, name, &base)? {
                        return Ok(Some((v, base)));
                    }
                }
                let key = self.eval_member_key(prop, env)?;
                self.set_pos(member_position(e));
                let v = self.get_v_member(&base, &key)?;
                Ok(Some((v, base)))
            }
            ExprKind::Call {
                callee,
                args,
                optional,
                ..
            } => {
                let Some((f, this)) = self.eval_chain(callee, env)? else {
                    return Ok(None);
                };
                if *optional && f.is_nullish() {
                    return Ok(None);
                }
                let argv = self.eval_args_inline(args, env, e)?;
                self.set_pos(call_position(e));
                if !self.is_callable(&f) {
                    let s = callee_text(callee);
                    return Err(self.type_error(format!("{s} is not a function")));
                }
                let v = self.call(&f, &this, &argv)?;
                Ok(Some((v, Value::Undefined)))
            }
            ExprKind::Paren(x) => {
                let v = self.eval_expr(x, env)?;
                Ok(Some((v, Value::Undefined)))
            }
            ExprKind::SuperMember { .. } => self.eval_member(e, env).map(Some),
            _ => {
                let v = self.eval_expr(e, env)?;
                Ok(Some((v, Value::Undefined)))
            }
        }
    }

    // ---- calls ---------------------------------------------------------------------------------

    fn eval_args(&mut self, args: &[Arg], env: &Env, site: &Expr) -> JsResult<Vec<Value>> {
        Ok(self.eval_args_inline(args, env, site)?.into_vec())
    }

    /// ArgumentListEvaluation into an inline buffer: a call with up to four arguments
    /// allocates nothing for them.
    fn eval_args_inline(&mut self, args: &[Arg], env: &Env, site: &Expr) -> JsResult<ArgBuf> {
        let mut out = ArgBuf::new();
        self.eval_args_into(args, env, &mut out, site)?;
        Ok(out)
    }

    /// ArgumentListEvaluation appended to `out`, the caller's buffer: the buffer is not
    /// returned through memory (80 bytes copied on every call otherwise). `site` is the call,
    /// where V8 places a spread argument's iteration.
    fn eval_args_into(
        &mut self,
        args: &[Arg],
        env: &Env,
        out: &mut ArgBuf,
        site: &Expr,
    ) -> JsResult<()> {
        if args.len() > out.inline_size() {
            out.reserve(args.len());
        }
        for a in args {
            match a {
                Arg::Expr(x) => out.push(self.eval_operand(x, env)?),
                Arg::Spread(x) => {
                    let v = self.eval_expr(x, env)?;
                    self.set_pos(spread_call_position(site));
                    out.extend(self.iterable_to_list_at(&v, IterSite::CallSpread(x))?);
                }
            }
        }
        Ok(())
    }

    /// Evaluates arguments with suspension support: `vals` holds what was evaluated before.
    fn eval_args_resumable(
        &mut self,
        args: &[Arg],
        env: &Env,
        mut vals: Vec<Value>,
        prefix: usize,
        done_args: usize,
        site: &Expr,
    ) -> JsResult<Vec<Value>> {
        // vals = [prefix values..., arg values...]; done_args counts evaluated Arg nodes.
        let mut spread_counts: Vec<usize> = Vec::new();
        let _ = &mut spread_counts;
        for (i, a) in args.iter().enumerate().skip(done_args) {
            match a {
                Arg::Expr(x) => {
                    let v = self.eval_or_save(x, env, &mut vals, i)?;
                    vals.push(v);
                }
                Arg::Spread(x) => {
                    let v = self.eval_or_save(x, env, &mut vals, i)?;
                    self.set_pos(spread_call_position(site));
                    // Spread values are stored as one array so the count of evaluated Arg
                    // nodes stays recoverable.
                    let list = self.iterable_to_list_at(&v, IterSite::CallSpread(x))?;
                    vals.push(Value::Object(self.spread_marker(list)));
                }
            }
        }
        let _ = prefix;
        Ok(vals)
    }

    /// Evaluates operand `i` of a list whose earlier results are in `saved`; if it suspends,
    /// saves them (plus `i`) as an `Operands` frame, so the list resumes at operand `i`.
    fn eval_or_save(
        &mut self,
        x: &Expr,
        env: &Env,
        saved: &mut Vec<Value>,
        i: usize,
    ) -> JsResult<Value> {
        match self.eval_expr(x, env) {
            Err(s @ Abrupt::Suspend) => {
                let mut vals = std::mem::take(saved);
                vals.push(Value::Number(i as f64));
                push_frame!(self, Frame::Operands(vals));
                Err(s)
            }
            r => r,
        }
    }

    fn spread_marker(&self, list: Vec<Value>) -> Obj {
        Obj::new(None, ObjectKind::Internal(list))
    }

    /// Flattens `Internal` spread markers produced by `eval_args_resumable`.
    fn flatten_args(&self, vals: &[Value]) -> Vec<Value> {
        let mut out = Vec::with_capacity(vals.len());
        for v in vals {
            if let Value::Object(o) = v {
                if o.proto().is_none() {
                    if let ObjectKind::Internal(list) = &o.borrow().kind {
                        out.extend(list.iter().cloned());
                        continue;
                    }
                }
            }
            out.push(v.clone());
        }
        out
    }

    fn eval_call(&mut self, e: &Expr, env: &Env) -> JsResult<Value> {
        let suspends = e.suspends.get();
        if suspends {
            return self.eval_call_resumable(e, env);
        }
        match &e.kind {
            ExprKind::Call { callee, args, .. } => {
                // `(o.m)()` keeps `o` as `this`: parentheses preserve the Reference.
                let member = strip_parens(callee);
                let (f, this) = match &callee.kind {
                    ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {
                        self.eval_member(callee, env)?
                    }
                    ExprKind::Paren(_)
                        if matches!(
                            member.kind,
                            ExprKind::Member { .. } | ExprKind::SuperMember { .. }
                        ) =>
                    {
                        self.eval_member(member, env)?
                    }
                    ExprKind::Ident(id) => {
                        let f = self.get_binding(id, env)?;
                        if id.name.units() == EVAL_U16 {
                            if let Value::Object(fo) = &f {
                                if Obj::ptr_eq(fo, &self.intrinsics.eval_fn) {
                                    let argv = self.eval_args(args, env, e)?;
                                    return self.direct_eval(argv, env);
                                }
                            }
                        }
                        let this = if id.binding.get() == Binding::Dynamic {
                            match self.lookup_dynamic(&id.name, env)? {
                                DynRef::Object(o, _) => Value::Object(o),
                                _ => Value::Undefined,
                            }
                        } else {
                            Value::Undefined
                        };
                        (f, this)
                    }
                    ExprKind::OptionalChain(_) => {
                        let f = self.eval_expr(callee, env)?;
                        (f, Value::Undefined)
                    }
                    _ => (self.eval_expr(callee, env)?, Value::Undefined),
                };
                let mut argv = ArgBuf::new();
                self.eval_args_into(args, env, &mut argv, e)?;
                // `s.charCodeAt(i)`, a tokenizer's every step: no call when nothing in it
                // can be observed. `Math.floor(x)`: no stack entry either (see
                // `call_pure_native`). (Too many arguments overflow V8's stack: the call
                // reports it.)
                if let Value::Object(fo) = &f {
                    match &this {
                        Value::String(s)
                            if Obj::ptr_eq(fo, &self.intrinsics.string_char_code_at)
                                && argv.len() <= crate::interp::MAX_CALL_ARGS =>
                        {
                            if let Some(v) =
                                crate::builtins::string::char_code_at_in_place(s, argv.first())
                            {
                                release_args(argv);
                                return Ok(v);
                            }
                        }
                        Value::Object(_) => {
                            if let Some(r) = self.call_pure_native(fo, &this, &argv) {
                                release_args(argv);
                                return r;
                            }
                        }
                        _ => {}
                    }
                }
                self.set_pos(call_position(e));
                // Straight to `call_obj`: `call` would only repeat the object test.
                match &f {
                    Value::Object(fo) if fo.is_callable() => {
                        let r = self.call_obj(fo, &this, &argv);
                        release_args(argv);
                        r
                    }
                    _ => {
                        let s = callee_text(callee);
                        Err(self.type_error(format!("{s} is not a function")))
                    }
                }
            }
            ExprKind::New { callee, args } => {
                let f = self.eval_expr(callee, env)?;
                let mut argv = ArgBuf::new();
                self.eval_args_into(args, env, &mut argv, e)?;
                self.set_pos(e.span);
                match &f {
                    Value::Object(o) if o.is_constructor() => self.construct(o, &argv, None),
                    _ => {
                        let s = callee_text(callee);
                        Err(self.type_error(format!("{s} is not a constructor")))
                    }
                }
            }
            ExprKind::SuperCall {
                args,
                this_ref,
                func_ref,
                new_target_ref,
            } => {
                let argv = self.eval_args(args, env, e)?;
                self.super_call(argv, this_ref, func_ref, new_target_ref, env)
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                let (f, this) = match &tag.kind {
                    ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {
                        self.eval_member(tag, env)?
                    }
                    _ => (self.eval_expr(tag, env)?, Value::Undefined),
                };
                let strings = self.template_object(quasi);
                let mut argv = vec![Value::Object(strings)];
                for x in &quasi.exprs {
                    argv.push(self.eval_expr(x, env)?);
                }
                if !self.is_callable(&f) {
                    let s = callee_text(tag);
                    return Err(self.type_error(format!("{s} is not a function")));
                }
                self.call(&f, &this, &argv)
            }
            _ => self.eval_expr(e, env),
        }
    }

    /// Calls/`new`/`super()` whose callee or arguments contain a `yield`/`await`.
    fn eval_call_resumable(&mut self, e: &Expr, env: &Env) -> JsResult<Value> {
        // Operands frame layout: [callee, this, arg values..., next-arg-index]
        let resumed = if !self.frames.is_empty() {
            Some(self.pop_frame()?)
        } else {
            None
        };
        let (callee_e, args): (Option<&Expr>, &[Arg]) = match &e.kind {
            ExprKind::Call { callee, args, .. } => (Some(callee), args),
            ExprKind::New { callee, args } => (Some(callee), args),
            ExprKind::SuperCall { args, .. } => (None, args),
            ExprKind::TaggedTemplate { tag, quasi } => {
                return self.eval_tagged_template_resumable(e, tag, quasi, resumed, env);
            }
            _ => return Err(self.bad_frame()),
        };
        let (vals, done) = match resumed {
            Some(Frame::Operands(mut v)) => {
                let idx = match v.pop() {
                    Some(Value::Number(n)) => n as usize,
                    _ => return Err(self.bad_frame()),
                };
                (v, idx)
            }
            Some(Frame::Operand) | None => {
                let (f, this) = match callee_e {
                    Some(c) => {
                        let is_call = matches!(e.kind, ExprKind::Call { .. });
                        let r = match &strip_parens(c).kind {
                            ExprKind::Member { .. } if is_call => {
                                self.eval_member(strip_parens(c), env)
                            }
                            ExprKind::Member { .. } => self.eval_member(c, env),
                            _ => self.eval_expr(c, env).map(|v| (v, Value::Undefined)),
                        };
                        match r {
                            Ok(x) => x,
                            Err(s @ Abrupt::Suspend) => {
                                push_frame!(self, Frame::Operand);
                                return Err(s);
                            }
                            Err(err) => return Err(err),
                        }
                    }
                    None => (Value::Undefined, Value::Undefined),
                };
                (vec![f, this], 0)
            }
            Some(_) => return Err(self.bad_frame()),
        };
        let vals = self.eval_args_resumable(args, env, vals, 2, done, e)?;
        let argv = self.flatten_args(&vals[2..]);
        let f = vals[0].clone();
        let this = vals[1].clone();
        self.set_pos(call_position(e));
        match &e.kind {
            ExprKind::Call { callee, .. } => {
                if !self.is_callable(&f) {
                    let s = callee_text(callee);
                    return Err(self.type_error(format!("{s} is not a function")));
                }
                self.call(&f, &this, &argv)
            }
            ExprKind::New { callee, .. } => match &f {
                Value::Object(o) if o.is_constructor() => self.construct(o, &argv, None),
                _ => {
                    let s = callee_text(callee);
                    Err(self.type_error(format!("{s} is not a constructor")))
                }
            },
            ExprKind::SuperCall {
                this_ref,
                func_ref,
                new_target_ref,
                ..
            } => self.super_call(argv, this_ref, func_ref, new_target_ref, env),
            _ => Ok(Value::Undefined),
        }
    }

    /// A tagged template whose tag or substitutions contain a `yield`/`await`. Frame
    /// layout as for calls: `Operands([tag, this, substitution values..., next index])`.
    fn eval_tagged_template_resumable(
        &mut self,
        e: &Expr,
        tag: &Expr,
        quasi: &Rc<Template>,
        resumed: Option<Frame>,
        env: &Env,
    ) -> JsResult<Value> {
        let (mut vals, done) = match resumed {
            Some(Frame::Operands(mut v)) => match v.pop() {
                Some(Value::Number(n)) => (v, n as usize),
                _ => return Err(self.bad_frame()),
            },
            Some(Frame::Operand) | None => {
                let r = match &tag.kind {
                    ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {
                        self.eval_member(tag, env)
                    }
                    _ => self.eval_expr(tag, env).map(|v| (v, Value::Undefined)),
                };
                let (f, this) = sus!(self, r, Frame::Operand);
                (vec![f, this], 0)
            }
            Some(_) => return Err(self.bad_frame()),
        };
        for (i, x) in quasi.exprs.iter().enumerate().skip(done) {
            let v = self.eval_or_save(x, env, &mut vals, i)?;
            vals.push(v);
        }
        if vals.len() < 2 {
            return Err(self.bad_frame());
        }
        let strings = self.template_object(quasi);
        let mut argv = vec![Value::Object(strings)];
        argv.extend(vals.drain(2..));
        let (f, this) = (vals[0].clone(), vals[1].clone());
        self.set_pos(e.span);
        if !self.is_callable(&f) {
            let s = callee_text(tag);
            return Err(self.type_error(format!("{s} is not a function")));
        }
        self.call(&f, &this, &argv)
    }

    fn super_call(
        &mut self,
        argv: Vec<Value>,
        this_ref: &Ident,
        func_ref: &Ident,
        new_target_ref: &Ident,
        env: &Env,
    ) -> JsResult<Value> {
        let f = self.get_binding(func_ref, env)?;
        let Value::Object(fo) = f else {
            return Err(self.syntax_error("'super' keyword unexpected here"));
        };
        let parent = fo.proto();
        let nt = self.get_binding(new_target_ref, env)?;
        let parent = match parent {
            Some(p) if p.is_constructor() => p,
            other => return Err(self.not_super_constructor(other, &fo)),
        };
        let Value::Object(nt) = nt else {
            return Err(self.syntax_error("'super' keyword unexpected here"));
        };
        let result = self.construct(&parent, &argv, Some(&nt))?;
        // BindThisValue
        if let Binding::Local { hops, slot, .. } = this_ref.binding.get() {
            if !matches!(env.get(hops, slot), Value::Empty) {
                return Err(self.reference_error("Super constructor may only be called once"));
            }
            env.set(hops, slot, result.clone());
        }
        if let Value::Object(o) = &result {
            self.initialize_instance_elements(o, &fo)?;
        }
        Ok(result)
    }

    // ---- assignment ----------------------------------------------------------------------------

    fn eval_assign(
        &mut self,
        e: &Expr,
        op: AssignOp,
        target: &Pattern,
        value: &Expr,
        env: &Env,
    ) -> JsResult<Value> {
        let suspends = e.suspends.get();
        let resumed = if self.resuming(suspends) {
            Some(self.pop_frame()?)
        } else {
            None
        };
        match target {
            Pattern::Ident(id) => {
                // Only a global, dynamic or function-name binding asks for the mode.
                let strict = match id.binding.get() {
                    Binding::Local { kind, .. } if kind != DeclKind::FunctionName => false,
                    _ => self.strict_at(env),
                };
                match op {
                    AssignOp::Assign => {
                        let v = match resumed {
                            Some(Frame::Operand) | None => sus!(
                                self,
                                match &value.kind {
                                    // Neither is an anonymous function definition.
                                    ExprKind::Number(_) | ExprKind::Ident(_) => {
                                        self.eval_operand(value, env)
                                    }
                                    // Nor these (no parentheses to look through).
                                    ExprKind::Binary(..)
                                    | ExprKind::Call { .. }
                                    | ExprKind::Member { .. } => self.eval_expr(value, env),
                                    _ => self.eval_named_as(value, env, &id.name),
                                },
                                Frame::Operand
                            ),
                            Some(_) => return Err(self.bad_frame()),
                        };
                        // A number into an initialized mutable local: stored in place.
                        if let (
                            Value::Number(n),
                            Binding::Local {
                                hops,
                                slot,
                                kind: DeclKind::Var | DeclKind::Let | DeclKind::Param,
                            },
                        ) = (&v, id.binding.get())
                        {
                            if env.set_number_initialized(hops, slot, *n) {
                                return Ok(v);
                            }
                        }
                        self.set_binding(id, v.clone(), env, strict)?;
                        Ok(v)
                    }
                    AssignOp::Compound(bop) => {
                        // A number in a mutable local, combined with a number: computed and
                        // stored in place. The old value is read before the right operand
                        // runs, as GetValue(lref) comes first.
                        if let (
                            None,
                            Binding::Local {
                                hops,
                                slot,
                                kind: DeclKind::Var | DeclKind::Let | DeclKind::Param,
                            },
                        ) = (&resumed, id.binding.get())
                        {
                            if let Some(a) = env.number_at(hops, slot) {
                                // `s += x & 7`: a binary right side's numbers combined
                                // here, as `eval_expr` would first do, without the call.
                                // (A `match`: `or_else` with a closure was not inlined.)
                                let peeked = match self.peek_number(value, env) {
                                    Some(b) => Some(b),
                                    None => self.peek_binary_number(value, env),
                                };
                                let b = match peeked {
                                    Some(b) => Some(b),
                                    // `s += a[i]`, `s += p.x`: a member read in place,
                                    // tried only when the leaf and operator peeks missed.
                                    None if !suspends => {
                                        // (A computed member's `hint` at `u32::MAX`: its
                                        // key was not a number, see `peek_element_number`.)
                                        let member = match &value.kind {
                                            ExprKind::Member {
                                                prop: MemberProp::Computed(_),
                                                hint,
                                                ..
                                            } => hint.get() != u32::MAX,
                                            ExprKind::Member { .. } => true,
                                            _ => false,
                                        };
                                        match member
                                            .then(|| peek_member_number_out_of_line(value, env))
                                            .flatten()
                                        {
                                            Some(b) => Some(b),
                                            None => match self.eval_expr(value, env)? {
                                                Value::Number(b) => Some(b),
                                                r => {
                                                    let v =
                                                        self.binary_op(bop, &Value::Number(a), &r)?;
                                                    self.set_binding(id, v.clone(), env, strict)?;
                                                    return Ok(v);
                                                }
                                            },
                                        }
                                    }
                                    None => None,
                                };
                                if let Some(b) = b {
                                    let v = match number_binary(bop, a, b) {
                                        Some(v) => v,
                                        None => self.binary_op(
                                            bop,
                                            &Value::Number(a),
                                            &Value::Number(b),
                                        )?,
                                    };
                                    match v {
                                        Value::Number(n) => env.set_number(hops, slot, n),
                                        _ => self.set_binding(id, v.clone(), env, strict)?,
                                    }
                                    return Ok(v);
                                }
                            }
                        }
                        let old = match resumed {
                            Some(Frame::Operands(mut v)) => v.pop().unwrap_or_default(),
                            None => self.get_binding(id, env)?,
                            Some(_) => return Err(self.bad_frame()),
                        };
                        let r = sus!(
                            self,
                            self.eval_operand(value, env),
                            Frame::Operands(vec![old.clone()])
                        );
                        let v = match (&old, &r) {
                            (Value::Number(a), Value::Number(b)) => {
                                match number_binary(bop, *a, *b) {
                                    Some(v) => v,
                                    None => self.binary_op(bop, &old, &r)?,
                                }
                            }
                            _ => self.binary_op(bop, &old, &r)?,
                        };
                        self.set_binding(id, v.clone(), env, strict)?;
                        Ok(v)
                    }
                    AssignOp::Logical(lop) => {
                        if resumed.is_none() {
                            let old = self.get_binding(id, env)?;
                            let short = match lop {
                                LogicalOp::And => !old.to_boolean(),
                                LogicalOp::Or => old.to_boolean(),
                                LogicalOp::Nullish => !old.is_nullish(),
                            };
                            if short {
                                return Ok(old);
                            }
                        }
                        let v = sus!(
                            self,
                            self.eval_named_as(value, env, &id.name),
                            Frame::Operand
                        );
                        self.set_binding(id, v.clone(), env, strict)?;
                        Ok(v)
                    }
                }
            }
            Pattern::Expr(te) => {
                let strict = self.strict_at(env);
                let te = strip_parens(te);
                // Reference evaluation: (base, key) or super reference.
                let (base, key, old, phase) = match resumed {
                    Some(Frame::Assign {
                        phase: 1,
                        base,
                        key,
                        old,
                    }) => (base, key, old, 1),
                    None | Some(Frame::Assign { .. }) => {
                        // Phase 2: suspended in the object expression; phase 3: in the key,
                        // with the object's value kept.
                        let saved_base = match resumed {
                            Some(Frame::Assign { phase: 3, base, .. }) => Some(base),
                            _ => None,
                        };
                        let in_key = |b: &Value| Frame::Assign {
                            phase: 3,
                            base: b.clone(),
                            key: None,
                            old: Value::Undefined,
                        };
                        let (base, key) = match &te.kind {
                            ExprKind::Member { object, prop, .. } => {
                                let b = match saved_base {
                                    Some(b) => b,
                                    None => sus!(
                                        self,
                                        self.eval_expr(object, env),
                                        Frame::Assign {
                                            phase: 2,
                                            base: Value::Undefined,
                                            key: None,
                                            old: Value::Undefined,
                                        }
                                    ),
                                };
                                let k = sus!(self, self.eval_member_key(prop, env), in_key(&b));
                                (b, k)
                            }
                            ExprKind::SuperMember { prop, this_ref, .. } => {
                                let t = match saved_base {
                                    Some(t) => t,
                                    None => self.get_binding(this_ref, env)?,
                                };
                                let k = sus!(self, self.eval_member_key(prop, env), in_key(&t));
                                (t, k)
                            }
                            _ => {
                                return Err(
                                    self.syntax_error("Invalid left-hand side in assignment")
                                )
                            }
                        };
                        (base, Some(key), Value::Undefined, 0)
                    }
                    Some(_) => return Err(self.bad_frame()),
                };
                let Some(key) = key else {
                    return Err(self.bad_frame());
                };
                let is_super = matches!(te.kind, ExprKind::SuperMember { .. });
                let mut old = old;
                if phase == 0 {
                    match op {
                        AssignOp::Assign => {}
                        _ => {
                            old = if is_super {
                                self.super_get(te, &base, &key, env)?
                            } else {
                                match own_data_at_member_hint(te, &base) {
                                    Some(v) => v,
                                    None => self.get_v_member(&base, &key)?,
                                }
                            };
                            if let AssignOp::Logical(lop) = op {
                                let short = match lop {
                                    LogicalOp::And => !old.to_boolean(),
                                    LogicalOp::Or => old.to_boolean(),
                                    LogicalOp::Nullish => !old.is_nullish(),
                                };
                                if short {
                                    return Ok(old);
                                }
                            }
                        }
                    }
                }
                let r = sus!(
                    self,
                    self.eval_expr(value, env),
                    Frame::Assign {
                        phase: 1,
                        base: base.clone(),
                        key: Some(key.clone()),
                        old: old.clone()
                    }
                );
                let v = match op {
                    AssignOp::Compound(bop) => self.binary_op(bop, &old, &r)?,
                    _ => r,
                };
                if is_super {
                    self.super_set(te, &base, key, v.clone(), env)?;
                } else {
                    if let (PropKey::Index(i), Value::Object(o)) = (&key, &base) {
                        if set_element_fast(o, *i, &v) {
                            return Ok(v);
                        }
                        if o.borrow().kind.is_typed_array() {
                            // The TypedArray [[Set]] of a numeric key on itself (the
                            // receiver): TypedArraySetElement, whatever the index.
                            self.typed_array_set_element(o, f64::from(*i), &v)?;
                            return Ok(v);
                        }
                    }
                    if let (
                        ExprKind::Member {
                            hint,
                            site,
                            prop: MemberProp::Ident(name),
                            ..
                        },
                        Value::Object(o),
                    ) = (&te.kind, &base)
                    {
                        // An own writable data property where this site found it last time:
                        // [[Set]] would find it first and replace its value (ordinary
                        // objects; a Proxy, typed array or array takes the full path).
                        let h = hint.get();
                        if h != u32::MAX {
                            let mut d = o.borrow_mut();
                            let plain = !(d.kind.is_proxy()
                                || d.kind.is_typed_array()
                                || d.kind.is_array());
                            if plain {
                                if let Some(slot) = d.props.writable_data_at_hint(&key, h) {
                                    let old_value = std::mem::replace(slot, v.clone());
                                    drop(d);
                                    drop(old_value);
                                    return Ok(v);
                                }
                            }
                            hint.set(d.props.position_hint(&key));
                        } else {
                            // A site that adds the name: the site's inline cache keyed by
                            // shape (`prop_cache.rs`) adds it as last time, or the full
                            // [[Set]] does and the cache remembers the transition.
                            if self.prop_sites.add_hit(site.get(), name, o, &v) {
                                return Ok(v);
                            }
                            match self.prop_sites.add_miss(site, name, o) {
                                AddMiss::Plan(plan) => {
                                    self.put_member(&base, key, v.clone(), strict)?;
                                    self.prop_sites.add_filled(site, name, o, plan);
                                    return Ok(v);
                                }
                                // An own property after all (a site that adds and updates):
                                // the position hint takes it again.
                                AddMiss::Own(pos) => hint.set(pos),
                                AddMiss::Generic => {}
                            }
                        }
                    }
                    self.put_member(&base, key, v.clone(), strict)?;
                }
                Ok(v)
            }
            _ => {
                let v = match resumed {
                    Some(Frame::Operand) | None => {
                        sus!(self, self.eval_expr(value, env), Frame::Operand)
                    }
                    Some(Frame::Pattern(v)) => v,
                    Some(_) => return Err(self.bad_frame()),
                };
                sus!(
                    self,
                    self.assign_pattern(target, v.clone(), env, DSource::Expr(value)),
                    Frame::Pattern(v.clone())
                );
                Ok(v)
            }
        }
    }

    fn super_get(&mut self, te: &Expr, this: &Value, key: &PropKey, env: &Env) -> JsResult<Value> {
        if let ExprKind::SuperMember { func_ref, .. } = &te.kind {
            if let Some(h) = self.super_base(func_ref, env)? {
                return self.get_with_receiver(&h, key, this);
            }
        }
        Ok(Value::Undefined)
    }

    fn super_set(
        &mut self,
        te: &Expr,
        this: &Value,
        key: PropKey,
        v: Value,
        env: &Env,
    ) -> JsResult<()> {
        if let ExprKind::SuperMember { func_ref, .. } = &te.kind {
            if let Some(h) = self.super_base(func_ref, env)? {
                let ok = self.set_with_receiver(&h, key.clone(), v, this)?;
                if !ok {
                    return Err(self.set_failure(&h, &key, this));
                }
            }
        }
        Ok(())
    }

    /// PutValue on a property reference (private names included).
    pub fn put_member(
        &mut self,
        base: &Value,
        key: PropKey,
        v: Value,
        strict: bool,
    ) -> JsResult<()> {
        if let PropKey::Sym(s) = &key {
            if s.0.private {
                // PrivateSet(ToObject(base), name, v).
                let o = self.private_base(base, s, true)?;
                return match o.get_own_property(&key) {
                    Some(p) => match p.slot {
                        crate::object::Slot::Data(_) if p.attrs.writable() => {
                            o.set_own_data_unchecked(key, v);
                            Ok(())
                        }
                        crate::object::Slot::Accessor(a) if a.set.is_some() => {
                            if let Some(f) = &a.set {
                                self.call_obj(f, base, &[v])?;
                            }
                            Ok(())
                        }
                        crate::object::Slot::Accessor(_) => Err(self.type_error(format!(
                            "'{}' was defined without a setter",
                            private_desc(s)
                        ))),
                        _ => Err(self.type_error(format!(
                            "Private method '{}' is not writable",
                            private_desc(s)
                        ))),
                    },
                    None => Err(self.private_missing(s, true)),
                };
            }
        }
        self.put_v(base, key, v, strict)
    }

    // ---- literals ------------------------------------------------------------------------------

    fn eval_template(&mut self, t: &Template, env: &Env, suspends: bool) -> JsResult<Value> {
        let (mut parts, start) = if self.resuming(suspends) {
            match self.pop_frame()? {
                Frame::Operands(mut v) => {
                    let i = match v.pop() {
                        Some(Value::Number(n)) => n as usize,
                        _ => return Err(self.bad_frame()),
                    };
                    (v, i)
                }
                _ => return Err(self.bad_frame()),
            }
        } else {
            (Vec::new(), 0)
        };
        for (i, x) in t.exprs.iter().enumerate().skip(start) {
            let v = self.eval_or_save(x, env, &mut parts, i)?;
            let s = self.to_string(&v)?;
            parts.push(Value::String(s));
        }
        let mut out = crate::string::JsStrBuilder::new();
        for (i, q) in t.quasis.iter().enumerate() {
            if let Some(c) = &q.cooked {
                out.push(c);
            }
            if let Some(Value::String(s)) = parts.get(i) {
                out.push(s);
            }
        }
        if out.len() > crate::builtins::string::MAX_STRING_LENGTH {
            return Err(self.range_error("Invalid string length"));
        }
        Ok(Value::String(out.finish()))
    }

    /// GetTemplateObject: one frozen strings array (with `raw`) per template site.
    pub(crate) fn template_object(&mut self, t: &Rc<Template>) -> Obj {
        let key = Rc::as_ptr(t) as usize;
        if let Some((_, o)) = self.template_cache.get(&key) {
            return o.clone();
        }
        let cooked: Vec<Value> = t
            .quasis
            .iter()
            .map(|q| q.cooked.clone().map(Value::String).unwrap_or_default())
            .collect();
        let raw: Vec<Value> = t
            .quasis
            .iter()
            .map(|q| Value::String(q.raw.clone()))
            .collect();
        let raw_arr = self.new_array(raw);
        freeze_array(&raw_arr);
        let arr = self.new_array(cooked);
        arr.define("raw", Value::Object(raw_arr), Attrs::NONE);
        freeze_array(&arr);
        // The entry keeps the site's AST alive (the key is its address, which must not be
        // reused while the entry exists) and is dropped with the interpreter.
        self.template_cache.insert(key, (t.clone(), arr.clone()));
        arr
    }

    fn eval_array_literal(
        &mut self,
        elems: &[Option<ArrayElem>],
        env: &Env,
        suspends: bool,
    ) -> JsResult<Value> {
        let (arr, start) = if self.resuming(suspends) {
            match self.pop_frame()? {
                Frame::Literal { obj, index, .. } => (obj, index),
                _ => return Err(self.bad_frame()),
            }
        } else {
            (self.new_array(Vec::with_capacity(elems.len())), 0)
        };
        for (i, el) in elems.iter().enumerate().skip(start) {
            let lit = |arr: &Obj| Frame::Literal {
                obj: arr.clone(),
                index: i,
                key: None,
            };
            match el {
                None => push_array(&arr, Value::Empty),
                Some(ArrayElem::Expr(x)) => {
                    let v = sus!(self, self.eval_expr(x, env), lit(&arr));
                    push_array(&arr, v);
                }
                Some(ArrayElem::Spread(x)) => {
                    let v = sus!(self, self.eval_expr(x, env), lit(&arr));
                    // V8 places `[...x]`'s GetIterator and `next()` calls at the operand.
                    self.set_pos(expr_position(x));
                    let list = self.iterable_to_list_at(&v, IterSite::Syntax(x))?;
                    append_array(&arr, list);
                }
            }
        }
        Ok(Value::Object(arr))
    }

    fn eval_object_literal(
        &mut self,
        props: &[PropDef],
        env: &Env,
        suspends: bool,
    ) -> JsResult<Value> {
        if !suspends {
            if let Some(layout) = self.literal_layout(props) {
                return self.eval_object_literal_with_layout(props, &layout, env);
            }
        }
        let (obj, start, mut resumed_key) = if self.resuming(suspends) {
            match self.pop_frame()? {
                Frame::Literal { obj, index, key } => (obj, index, key),
                _ => return Err(self.bad_frame()),
            }
        } else {
            let o = self.new_object();
            // Room for every property up front: no `Vec` regrowth while the literal fills.
            o.borrow_mut()
                .props
                .reserve(props.len().min(PropMap::INDEX_THRESHOLD));
            (o, 0, None)
        };
        for (i, p) in props.iter().enumerate().skip(start) {
            let lit = |o: &Obj| Frame::Literal {
                obj: o.clone(),
                index: i,
                key: None,
            };
            match p {
                PropDef::KeyValue(k, v) => {
                    let key = match resumed_key.take() {
                        Some(key) => key,
                        None => sus!(self, self.eval_prop_name(k, env), lit(&obj)),
                    };
                    if let (PropName::Static(s), false) = (k, matches!(k, PropName::Computed(_))) {
                        if s.units() == PROTO_U16 {
                            let val = sus!(self, self.eval_expr(v, env), lit(&obj));
                            match val {
                                Value::Object(p) => obj.borrow_mut().proto = Some(p),
                                Value::Null => obj.borrow_mut().proto = None,
                                _ => {}
                            }
                            continue;
                        }
                    }
                    let val = sus!(
                        self,
                        self.eval_named_as(v, env, &key.to_jsstr_for_name()),
                        Frame::Literal {
                            obj: obj.clone(),
                            index: i,
                            key: Some(key.clone()),
                        }
                    );
                    obj.define(key, val, Attrs::DEFAULT);
                }
                PropDef::Shorthand(id) => {
                    let v = self.get_binding(id, env)?;
                    obj.define(PropKey::from_str(&id.name), v, Attrs::DEFAULT);
                }
                PropDef::CoverInit(..) => {
                    return Err(self.syntax_error("Invalid shorthand property initializer"))
                }
                PropDef::Method { key, kind, func } => {
                    let k = sus!(self, self.eval_prop_name(key, env), lit(&obj));
                    self.define_method_property(&obj, k, *kind, func, env, true)?;
                }
                PropDef::Spread(x) => {
                    let v = sus!(self, self.eval_expr(x, env), lit(&obj));
                    self.copy_data_properties(&obj, &v, &[])?;
                }
            }
        }
        Ok(Value::Object(obj))
    }

    pub fn eval_prop_name(&mut self, k: &PropName, env: &Env) -> JsResult<PropKey> {
        match k {
            PropName::Static(s) => Ok(PropKey::from_str(s)),
            PropName::Computed(e) => {
                let v = self.eval_expr(e, env)?;
                self.to_property_key(&v)
            }
            PropName::Private(id) => self.private_key(id, env),
        }
    }

    /// DefineMethodProperty / MethodDefinitionEvaluation for object literals and classes.
    fn define_method_property(
        &mut self,
        home: &Obj,
        key: PropKey,
        kind: MethodKind,
        func: &Rc<Function>,
        env: &Env,
        enumerable: bool,
    ) -> JsResult<Obj> {
        let base_name = key.to_jsstr_for_name();
        let name = match kind {
            MethodKind::Method => base_name,
            MethodKind::Get => JsStr::from(format!("get {}", base_name)),
            MethodKind::Set => JsStr::from(format!("set {}", base_name)),
        };
        let f = self.make_closure(func, env, Some(home.clone()), Some(name));
        let attrs = Attrs::new(true, enumerable, true);
        match kind {
            MethodKind::Method => {
                self.define_property_or_throw(
                    home,
                    key,
                    PropertyDescriptor::data(Value::Object(f.clone()), attrs),
                )?;
            }
            MethodKind::Get | MethodKind::Set => {
                let existing = home.get_own_property(&key);
                let (mut g, mut s) = match existing.map(|p| p.slot) {
                    Some(crate::object::Slot::Accessor(a)) => (a.get.clone(), a.set.clone()),
                    _ => (None, None),
                };
                if kind == MethodKind::Get {
                    g = Some(f.clone());
                } else {
                    s = Some(f.clone());
                }
                let desc = PropertyDescriptor {
                    get: Some(g),
                    set: Some(s),
                    enumerable: Some(enumerable),
                    configurable: Some(true),
                    ..Default::default()
                };
                self.define_property_or_throw(home, key, desc)?;
            }
        }
        Ok(f)
    }

    /// CopyDataProperties(target, source, excluded).
    pub fn copy_data_properties(
        &mut self,
        target: &Obj,
        source: &Value,
        excluded: &[PropKey],
    ) -> JsResult<()> {
        if source.is_nullish() {
            return Ok(());
        }
        let from = self.to_object(source)?;
        for k in self.own_property_keys(&from)? {
            if excluded.contains(&k) {
                continue;
            }
            if let Some(p) = self.get_own_property_attrs(&from, &k)? {
                if p.attrs.enumerable() {
                    let v = self.get(&from, &k)?;
                    // CreateDataPropertyOrThrow on a fresh ordinary object.
                    target.define(k, v, Attrs::DEFAULT);
                }
            }
        }
        Ok(())
    }

    // ---- classes -------------------------------------------------------------------------------

    pub fn eval_class(&mut self, c: &Rc<Class>, env: &Env) -> JsResult<Value> {
        self.eval_class_named(c, env, None)
    }

    /// ClassDefinitionEvaluation.
    fn eval_class_named(
        &mut self,
        c: &Rc<Class>,
        env: &Env,
        name: Option<JsStr>,
    ) -> JsResult<Value> {
        let info = c.scope.get().cloned();
        // Resumed in an element's computed key: the class, its scope and the elements so far
        // are the ones made before the suspension (its private names must keep their
        // identities).
        let resumed = match self.frames.last() {
            Some(Frame::Class(_) | Frame::ClassHeritage(_)) => self.frames.pop(),
            _ => None,
        };
        let resumed_env = match resumed {
            Some(Frame::Class(st)) => return self.class_elements(c, env, info.as_ref(), *st),
            // Resumed in the heritage: its scope is the one made before.
            Some(Frame::ClassHeritage(e)) => Some(e),
            _ => None,
        };
        let resuming_heritage = resumed_env.is_some();
        let cenv = match (resumed_env, &info) {
            (Some(e), _) => e,
            (None, Some(i)) if i.materialized => Env::new(Some(env.clone()), i),
            (None, Some(i)) => {
                // The class scope's bindings live in `env`: the inner name starts in its
                // TDZ for the heritage (a second evaluation must not see the first class).
                for d in &i.decls {
                    if d.kind == DeclKind::ClassName {
                        env.set(0, d.slot, Value::Empty);
                    }
                }
                env.share()
            }
            (None, None) => env.share(),
        };
        // Private names: fresh identities per evaluation. Methods and accessors remember
        // their class for V8's brand-check messages.
        if let (Some(i), false) = (&info, resuming_heritage) {
            let class_name = match &c.name {
                Some(n) => n.name.clone(),
                None => JsStr::from("anonymous"),
            };
            for d in &i.decls {
                if d.name.units().first() == Some(&(b'#' as u16)) {
                    let brand = c.elements.iter().find_map(|el| match el {
                        ClassElement::Method {
                            key: PropName::Private(id),
                            is_static,
                            ..
                        } if d.name.units().get(1..) == Some(id.name.units()) => {
                            Some(crate::value::PrivateBrand {
                                is_static: *is_static,
                                class_name: class_name.clone(),
                            })
                        }
                        _ => None,
                    });
                    let sym = Sym::new_private(d.name.clone(), brand);
                    cenv.set(0, d.slot, Value::Symbol(sym));
                }
            }
        }
        let (proto_parent, ctor_parent) =
            match &c.super_class {
                None => (
                    Some(self.intrinsics.object_prototype.clone()),
                    self.intrinsics.function_prototype.clone(),
                ),
                Some(h) => {
                    // ClassDefinitionEvaluation step 8: the heritage runs in the class scope,
                    // where the class's own name is in its TDZ (`class x extends x {}` is a
                    // ReferenceError); the resolver gives its private names to the enclosing
                    // classes. A definition suspended here resumes by re-entering the
                    // heritage with the same class scope.
                    let sv = sus!(
                        self,
                        self.eval_expr(h, &cenv),
                        Frame::ClassHeritage(cenv.clone())
                    );
                    match &sv {
                        Value::Null => (None, self.intrinsics.function_prototype.clone()),
                        Value::Object(so) if so.is_constructor() => {
                            let pp = self.get(so, &static_key!("prototype"))?;
                            match pp {
                                Value::Object(p) => (Some(p), so.clone()),
                                Value::Null => (None, so.clone()),
                                _ => return Err(self.type_error(
                                    "Class extends value does not have valid prototype property",
                                )),
                            }
                        }
                        other => {
                            let s = crate::builtins::object::no_side_effects_to_string(self, other);
                            return Err(self.type_error(format!(
                                "Class extends value {s} is not a constructor or null"
                            )));
                        }
                    }
                }
            };
        let proto = Obj::new(proto_parent, ObjectKind::Ordinary);
        let class_name = name
            .or_else(|| c.name.as_ref().map(|n| n.name.clone()))
            .unwrap_or_else(JsStr::empty);
        let ctor_func = match &c.constructor {
            Some(f) => f.clone(),
            None => synthesize_ctor(c),
        };
        let f = self.make_closure(
            &ctor_func,
            &cenv,
            Some(proto.clone()),
            Some(class_name.clone()),
        );
        {
            let mut d = f.borrow_mut();
            d.proto = Some(ctor_parent);
            if let ObjectKind::Closure(cl) = &mut d.kind {
                cl.default_derived = c.constructor.is_none() && c.super_class.is_some();
                cl.class_span = Some(c.span);
                if class_name.is_empty() {
                    if let Some(inferred) = &*c.inferred_name.borrow() {
                        cl.name = self.with_enclosing_constructor_name(inferred);
                    }
                }
            }
        }
        f.define("prototype", Value::Object(proto.clone()), Attrs::NONE);
        proto.define("constructor", Value::Object(f.clone()), Attrs::HIDDEN);
        let st = ClassFrame {
            cenv,
            f,
            proto,
            index: 0,
            instance_fields: Vec::new(),
            static_elements: Vec::new(),
        };
        self.class_elements(c, env, info.as_ref(), st)
    }

    /// ClassDefinitionEvaluation from element `st.index` on: the elements' keys and
    /// definitions, the inner name binding and the static elements. A `yield`/`await` in a
    /// computed key saves `st` in a [`Frame::Class`].
    fn class_elements(
        &mut self,
        c: &Rc<Class>,
        env: &Env,
        info: Option<&Rc<ScopeInfo>>,
        st: ClassFrame,
    ) -> JsResult<Value> {
        let ClassFrame {
            cenv,
            f,
            proto,
            index: start,
            mut instance_fields,
            mut static_elements,
        } = st;
        for (index, el) in c.elements.iter().enumerate().skip(start) {
            let key = match el {
                ClassElement::StaticBlock(b) => {
                    let o = self.make_closure(b, &cenv, Some(f.clone()), None);
                    static_elements.push((None, None, Some(o)));
                    continue;
                }
                ClassElement::Method { key, .. } | ClassElement::Field { key, .. } => key,
            };
            let k = match self.eval_prop_name(key, &cenv) {
                Ok(k) => k,
                Err(s @ Abrupt::Suspend) => {
                    push_frame!(
                        self,
                        Frame::Class(Box::new(ClassFrame {
                            cenv,
                            f,
                            proto,
                            index,
                            instance_fields,
                            static_elements,
                        }))
                    );
                    return Err(s);
                }
                Err(e) => return Err(e),
            };
            match el {
                ClassElement::Method {
                    kind,
                    is_static,
                    func,
                    ..
                } => {
                    let target = if *is_static { &f } else { &proto };
                    if let PropKey::Sym(s) = &k {
                        if s.0.private {
                            let name = s.description().cloned().unwrap_or_else(JsStr::empty);
                            let fname = match kind {
                                MethodKind::Method => name.clone(),
                                MethodKind::Get => JsStr::from(format!("get {name}")),
                                MethodKind::Set => JsStr::from(format!("set {name}")),
                            };
                            let m =
                                self.make_closure(func, &cenv, Some(target.clone()), Some(fname));
                            if *is_static {
                                match kind {
                                    MethodKind::Method => {
                                        f.define(k.clone(), Value::Object(m), Attrs::NONE)
                                    }
                                    MethodKind::Get | MethodKind::Set => {
                                        let (mut g, mut st) =
                                            match f.get_own_property(&k).map(|p| p.slot) {
                                                Some(crate::object::Slot::Accessor(a)) => {
                                                    (a.get.clone(), a.set.clone())
                                                }
                                                _ => (None, None),
                                            };
                                        if *kind == MethodKind::Get {
                                            g = Some(m)
                                        } else {
                                            st = Some(m)
                                        }
                                        f.define_accessor(k.clone(), g, st, Attrs::NONE);
                                    }
                                }
                            } else {
                                let existing = instance_fields
                                    .iter_mut()
                                    .find(|r| matches!(&r.key, FieldKey::Private(x) if x == s));
                                match (kind, existing) {
                                    (MethodKind::Get, Some(r)) => {
                                        if let Some(PrivateMethod::Accessor(g, _)) = &mut r.method {
                                            *g = Some(m);
                                        }
                                    }
                                    (MethodKind::Set, Some(r)) => {
                                        if let Some(PrivateMethod::Accessor(_, st)) = &mut r.method
                                        {
                                            *st = Some(m);
                                        }
                                    }
                                    _ => instance_fields.push(FieldRecord {
                                        key: FieldKey::Private(s.clone()),
                                        init: None,
                                        method: Some(match kind {
                                            MethodKind::Method => PrivateMethod::Method(m),
                                            MethodKind::Get => {
                                                PrivateMethod::Accessor(Some(m), None)
                                            }
                                            MethodKind::Set => {
                                                PrivateMethod::Accessor(None, Some(m))
                                            }
                                        }),
                                    }),
                                }
                            }
                            continue;
                        }
                    }
                    self.define_method_property(target, k, *kind, func, &cenv, false)?;
                }
                ClassElement::Field {
                    is_static, init, ..
                } => {
                    let home = if *is_static { &f } else { &proto };
                    let init_fn = init.as_ref().map(|fi| {
                        let nm = k.to_jsstr_for_name();
                        self.make_closure(fi, &cenv, Some(home.clone()), Some(nm))
                    });
                    let fk = match &k {
                        PropKey::Sym(s) if s.0.private => FieldKey::Private(s.clone()),
                        _ => FieldKey::Public(k.clone()),
                    };
                    if *is_static {
                        match fk {
                            FieldKey::Private(s) => static_elements.push((None, Some(s), init_fn)),
                            FieldKey::Public(pk) => static_elements.push((Some(pk), None, init_fn)),
                        }
                    } else {
                        instance_fields.push(FieldRecord {
                            key: fk,
                            init: init_fn,
                            method: None,
                        });
                    }
                }
                ClassElement::StaticBlock(_) => {}
            }
        }
        // The inner class-name binding.
        if let (Some(n), Some(_)) = (&c.name, &info) {
            if let Binding::Local { .. } = n.binding.get() {
                // The declaration's own binding is outside; set the inner one by name.
            }
            if let Some(i) = &info {
                if let Some(d) = i.find(&n.name) {
                    if i.materialized {
                        cenv.set(0, d.slot, Value::Object(f.clone()));
                    } else {
                        env.set(0, d.slot, Value::Object(f.clone()));
                    }
                }
            }
        }
        if !instance_fields.is_empty() {
            if let ObjectKind::Closure(cl) = &mut f.borrow_mut().kind {
                cl.fields = Some(Rc::new(instance_fields));
            }
        }
        let fv = Value::Object(f.clone());
        for (pk, private, init) in static_elements {
            match (pk, private, init) {
                (None, None, Some(block)) => {
                    self.call_obj(&block, &fv, &[])?;
                }
                (Some(k), None, init) => {
                    let v = match init {
                        Some(i) => self.call_obj(&i, &fv, &[])?,
                        None => Value::Undefined,
                    };
                    self.create_data_property_or_throw(&f, k, v)?;
                }
                (None, Some(s), init) => {
                    let v = match init {
                        Some(i) => self.call_obj(&i, &fv, &[])?,
                        None => Value::Undefined,
                    };
                    f.define(PropKey::Sym(s), v, Attrs::new(true, false, false));
                }
                _ => {}
            }
        }
        Ok(fv)
    }

    // ---- misc ----------------------------------------------------------------------------------

    fn regexp_create(&mut self, pattern: &JsStr, flags: &JsStr) -> JsResult<Value> {
        crate::builtins::regexp::regexp_create_literal(self, pattern, flags).map(Value::Object)
    }

    /// A for-in iterator over `o`'s enumerable string keys (and its prototypes').
    fn for_in_iterator(&mut self, o: Obj) -> JsResult<IteratorRecord> {
        let keys = match plain_for_in_keys(&o) {
            Some(keys) => keys,
            None => self.for_in_keys(&o)?,
        };
        let it = Obj::new(
            Some(self.intrinsics.iterator_prototype.clone()),
            ObjectKind::ForInIterator(Box::new(crate::object_kind::ForInState {
                object: Some(o),
                keys,
                pos: 0,
            })),
        );
        // The record is stepped by `for_in_step` alone (neither it nor the iterator is
        // reachable by the script, and for-in closes no iterator): no `next` function.
        Ok(IteratorRecord {
            iterator: it,
            next: Value::Undefined,
            done: false,
        })
    }

    /// EnumerateObjectProperties in general: own enumerable string keys, then the
    /// prototypes', skipping shadowed names.
    fn for_in_keys(&mut self, o: &Obj) -> JsResult<Vec<PropKey>> {
        let mut keys = Vec::new();
        // Names already visited (a hash set: a large array or typed array has many).
        let mut seen: rustc_hash::FxHashSet<PropKey> = Default::default();
        let mut cur = Some(o.clone());
        while let Some(c) = cur {
            // V8's order for proxies: ownKeys, getPrototypeOf, then the descriptors.
            let own = self.own_property_keys(&c)?;
            let next = self.get_prototype_of(&c)?;
            for k in own {
                if k.is_symbol() || seen.contains(&k) {
                    continue;
                }
                if self
                    .get_own_property_attrs(&c, &k)?
                    .is_some_and(|p| p.attrs.enumerable())
                {
                    keys.push(k.clone());
                }
                seen.insert(k);
            }
            cur = next;
        }
        Ok(keys)
    }

    /// The next key of a for-in iterator made by `for_in_iterator` (its `next`, called
    /// directly: no result object); `None` when the keys are exhausted. Keys deleted before
    /// being visited are skipped (V8 does not ask a proxy's `has`).
    pub(crate) fn for_in_step(&mut self, rec: &IteratorRecord) -> JsResult<Option<Value>> {
        loop {
            let (obj, key) = {
                let mut d = rec.iterator.borrow_mut();
                let ObjectKind::ForInIterator(st) = &mut d.kind else {
                    return Ok(None);
                };
                let Some(o) = st.object.clone() else {
                    return Ok(None);
                };
                if st.pos >= st.keys.len() {
                    st.object = None;
                    return Ok(None);
                }
                st.pos += 1;
                (o, st.keys[st.pos - 1].clone())
            };
            if obj.is_proxy() || self.has_property(&obj, &key)? {
                return Ok(Some(key.to_value()));
            }
        }
    }

    /// Direct eval is provided by the `eval` built-in module.
    fn direct_eval(&mut self, argv: Vec<Value>, env: &Env) -> JsResult<Value> {
        crate::builtins::global::perform_eval(
            self,
            argv.first().cloned().unwrap_or_default(),
            Some(env),
        )
    }
}

/// The resolved binding of a dynamic lookup.
enum DynRef {
    Object(Obj, PropKey),
    Slot(Env, u32, DeclKind),
    EvalVar(Env),
    Global,
}

/// EnumerateObjectProperties of an ordinary object without elements or integer keys
/// whose prototypes are all such objects without enumerable string keys (acorn's nodes:
/// the node's prototype, then `Object.prototype`): the receiver's enumerable string keys in
/// insertion order, shadowing nothing and shadowed by nothing that is listed. Reading the
/// keys, attributes and prototypes of these objects runs nothing, so no set of the names
/// seen is kept and no key is looked up. `None`: the general walk.
fn plain_for_in_keys(o: &Obj) -> Option<Vec<PropKey>> {
    let (keys, mut cur) = {
        let d = o.borrow();
        if !d.has_only_named_keys() {
            return None;
        }
        (
            d.enumerable_named_keys(|s| PropKey::Str(s.clone())),
            d.proto.clone(),
        )
    };
    while let Some(p) = cur {
        let d = p.borrow();
        if !d.has_only_named_keys()
            || d.props
                .iter()
                .any(|(k, p)| matches!(k, PropKey::Str(_)) && p.attrs.enumerable())
        {
            return None;
        }
        cur = d.proto.clone();
    }
    Some(keys)
}

fn push_array(arr: &Obj, v: Value) {
    let mut d = arr.borrow_mut();
    d.elements.push(v);
    length_from_elements(&mut d);
}

/// A literal's array `length` after its elements grew.
fn length_from_elements(d: &mut ObjectData) {
    let n = d.elements.len() as u32;
    if let ObjectKind::Array { length, .. } = &mut d.kind {
        *length = n;
    }
}

/// ArrayAccumulation's CreateDataProperty for each value of a spread element, all at once:
/// the literal's array is not reachable by the script until it is complete, so appending the
/// collected list is the same as defining its values one by one. The list becomes the
/// array's elements when they are empty (`[...iter]`): no second vector regrown beside it
/// (a 100 000-value spread peaked at twice the memory).
fn append_array(arr: &Obj, list: Vec<Value>) {
    let mut d = arr.borrow_mut();
    if d.elements.is_empty() {
        d.elements = list;
    } else {
        d.elements.extend(list);
    }
    length_from_elements(&mut d);
}

fn freeze_array(arr: &Obj) {
    let vals: Vec<Value> = std::mem::take(&mut arr.borrow_mut().elements);
    for (i, v) in vals.into_iter().enumerate() {
        arr.define(PropKey::Index(i as u32), v, Attrs::new(false, true, false));
    }
    let mut d = arr.borrow_mut();
    d.extensible = false;
    if let ObjectKind::Array {
        length_writable, ..
    } = &mut d.kind
    {
        *length_writable = false;
    }
    d.props
        .update_all_attrs(|a| Attrs(a.0 & !(Attrs::WRITABLE | Attrs::CONFIGURABLE)));
}

/// `constructor() {}` for a class without an explicit constructor.
fn synthesize_ctor(c: &Class) -> Rc<Function> {
    let f = Rc::new(Function {
        name: None,
        kind: FunctionKind::ClassConstructor,
        is_async: false,
        is_generator: false,
        params: Vec::new(),
        rest: None,
        body: FunctionBody::Block(Vec::new()),
        has_use_strict: false,
        is_derived_ctor: c.super_class.is_some(),
        span: c.span,
        scope: Default::default(),
        inferred_name: Default::default(),
    });
    let _ = f.scope.set(Rc::new(ScopeInfo {
        kind: crate::resolve::ScopeKind::Function,
        materialized: true,
        num_slots: 0,
        decls: Box::default(),
        functions: Box::default(),
        strict: true,
        this_slot: None,
        new_target_slot: None,
        func_slot: None,
        arguments_slot: None,
        self_name_slot: None,
        simple_params: true,
        has_tdz_decls: false,
        plain_call: false,
        param_slots: Box::default(),
        has_direct_eval: false,
        is_field_init: false,
        is_method: true,
        dispose_slot: None,
    }));
    f
}

fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

/// Source-like text of a callee for "x is not a function" (V8's CallPrinter).
pub fn callee_text(e: &Expr) -> String {
    crate::interp::call_printer::print(e)
}

impl PropKey {
    /// The string used by SetFunctionName for this key.
    pub fn to_jsstr_for_name(&self) -> JsStr {
        match self {
            PropKey::Sym(s) => {
                if s.0.private {
                    return s.description().cloned().unwrap_or_else(JsStr::empty);
                }
                match s.description() {
                    Some(d) => JsStr::from(format!("[{}]", d)),
                    None => JsStr::empty(),
                }
            }
            k => k.to_jsstr(),
        }
    }
}

const THIS_U16: &[u16] = &[116, 104, 105, 115];
const UNDEFINED_U16: &[u16] = &[117, 110, 100, 101, 102, 105, 110, 101, 100];

/// `undefined` not declared in any enclosing scope: the global object's non-writable,
/// non-configurable `undefined`, which no global lexical declaration may shadow (a
/// SyntaxError) and no assignment changes, so its value is known without the lookup.
#[inline(always)]
fn is_global_undefined(id: &Ident) -> bool {
    id.binding.get() == Binding::Global && id.name.units() == UNDEFINED_U16
}

/// A literal that cannot be a number, the right operand of `===`/`!==` whose comparison
/// [`equals_non_number_literal`] makes without evaluating it.
#[inline(always)]
fn is_non_number_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Bool(_) | ExprKind::Null | ExprKind::String(_) => true,
        ExprKind::Ident(id) => is_global_undefined(id),
        _ => false,
    }
}

/// `null`, or `undefined` not declared in any enclosing scope.
#[inline(always)]
fn is_nullish_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Null => true,
        ExprKind::Ident(id) => is_global_undefined(id),
        _ => false,
    }
}

/// IsStrictlyEqual(v, the literal `lit`), for a `lit` [`is_non_number_literal`] accepts.
#[inline(always)]
fn equals_non_number_literal(v: &Value, lit: &Expr) -> bool {
    match (&lit.kind, v) {
        (ExprKind::Bool(b), Value::Bool(x)) => b == x,
        (ExprKind::Null, Value::Null) => true,
        (ExprKind::String(s), Value::String(x)) => crate::value::same_string_out_of_line(x, s),
        (ExprKind::Ident(_), Value::Undefined) => true,
        _ => false,
    }
}
const NEW_TARGET_U16: &[u16] = &[110, 101, 119, 46, 116, 97, 114, 103, 101, 116];
const EVAL_U16: &[u16] = &[101, 118, 97, 108];
const PROTO_U16: &[u16] = &[95, 95, 112, 114, 111, 116, 111, 95, 95];

/// The source name of a private name (`#x`).
fn private_desc(s: &Sym) -> String {
    s.description()
        .map(|d| d.to_rust_string())
        .unwrap_or_default()
}

/// Whether `env` is inside module code's own body: its innermost function scope is the async
/// wrapper around the module, whose parent is the script's scope.
/// Is `v` the desugared form of an `import` declaration (`const x = <import binding>`)?
#[inline]
fn is_import_declaration(v: &crate::ast::VarDecl) -> bool {
    v.kind == crate::ast::VarKind::Const
        && matches!(
            v.decls
                .first()
                .and_then(|d| d.init.as_ref())
                .map(|e| &e.kind),
            Some(ExprKind::ImportBinding)
        )
}

fn in_module_body(env: &Env) -> bool {
    let mut cur = Some(env.share());
    while let Some(c) = cur {
        if let Some(info) = &c.0.info {
            if info.kind == crate::resolve::ScopeKind::Function {
                return c
                    .parent()
                    .and_then(|p| p.0.info.clone())
                    .is_some_and(|p| p.kind == crate::resolve::ScopeKind::Script);
            }
        }
        cur = c.parent().cloned();
    }
    false
}

/// Where V8 reports the evaluation of `e` as an operand (the iterable of a spread or a
/// for-of): a call's or member's own position, a parenthesized or comma expression's last
/// operand, else its start.
pub(crate) fn expr_position(e: &Expr) -> Span {
    match &e.kind {
        ExprKind::Paren(x) => expr_position(x),
        ExprKind::Sequence(xs) => xs.last().map_or(e.span, expr_position),
        ExprKind::Member { .. } => member_position(e),
        ExprKind::Call { .. } => call_position(e),
        // Inside an optional chain V8 places a member access at its `.` or `?.`.
        ExprKind::OptionalChain(x) => match &x.kind {
            ExprKind::Member { object, .. } => Span {
                start: object.span.end,
                end: object.span.end + 1,
            },
            _ => expr_position(x),
        },
        _ => e.span,
    }
}

/// The position V8 records last while evaluating `e`, when it records one: a call's, a
/// `new`'s, a member access's (a name, a literal, `this` record none).
#[inline]
pub(crate) fn recorded_position(e: &Expr) -> Option<Span> {
    match &e.kind {
        ExprKind::Paren(x) => recorded_position(x),
        ExprKind::Sequence(xs) => xs.iter().rev().find_map(recorded_position),
        ExprKind::Member { .. } => Some(member_position(e)),
        ExprKind::Call { .. } => Some(call_position(e)),
        ExprKind::New { .. } => Some(e.span),
        _ => None,
    }
}

/// Where V8 places a for-of's IteratorClose (`at g.return` below the loop's frame): its
/// code follows the loop body's, so the position is the last one in the body's bytecode: a
/// `break`/`continue`/`return`/`throw` that ends the body's statement list (V8 emits
/// nothing after it, not even the jump back to the loop's start; also an `if` whose both
/// branches leave, a `try` with an empty `finally`), else the `for` itself. The same
/// position serves a close after the loop target's binding failed.
fn for_of_close_position(for_span: Span, body: &Stmt) -> Span {
    fn exit(s: &Stmt) -> Option<Span> {
        match &s.kind {
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Return(_)
            | StmtKind::Throw(_) => Some(s.span),
            StmtKind::Block(b) => b.body.iter().find_map(exit),
            // Both branches leave: the `else` branch's code is the last.
            StmtKind::If {
                cons,
                alt: Some(alt),
                ..
            } => exit(cons).and(exit(alt)),
            // `try { break; } finally {}`: an empty `finally` records nothing.
            StmtKind::Try {
                block,
                handler: None,
                finalizer,
            } if finalizer.as_ref().is_none_or(|f| f.body.is_empty()) => {
                block.body.iter().find_map(exit)
            }
            _ => None,
        }
    }
    exit(body).unwrap_or(for_span)
}

/// Where V8 places the implicit `next()` call of a `for-of`/`for await` (the caller's line
/// under `at count.next`): a declared name's first character, a declared pattern's last, an
/// assignment target's own position (a member's property, a pattern's first character).
fn for_of_step_position(left: &ForHead) -> Span {
    let first = |span: Span| Span {
        start: span.start,
        end: span.start + 1,
    };
    match left {
        ForHead::Decl {
            target: target @ (Pattern::Object { .. } | Pattern::Array { .. }),
            ..
        } => {
            let span = target.span();
            Span {
                start: span.end.saturating_sub(1),
                end: span.end,
            }
        }
        ForHead::Decl { target, .. } => target.span(),
        ForHead::Target(Pattern::Expr(e)) => member_position(strip_parens(e)),
        ForHead::Target(target) => first(target.span()),
    }
}

/// Where V8 places the iteration of a call's spread argument (`f(...g)`): at the call.
fn spread_call_position(site: &Expr) -> Span {
    match &site.kind {
        ExprKind::Call { .. } => call_position(site),
        _ => site.span,
    }
}

/// Where V8 reports a call `e` (worked out by the parser: [`jsgen_syntax::position`]).
#[inline(always)]
fn call_position(e: &Expr) -> Span {
    match &e.kind {
        ExprKind::Call { pos, .. } => *pos,
        _ => e.span,
    }
}

/// A relational or strict-equality operator on two numbers (the operators `eval_test` takes).
#[inline(always)]
fn compare_numbers(op: BinaryOp, a: f64, b: f64) -> bool {
    use BinaryOp::*;
    match op {
        Lt => a < b,
        Gt => a > b,
        LtEq => a <= b,
        GtEq => a >= b,
        StrictEq | Eq => a == b,
        _ => a != b,
    }
}

/// [`Interp::peek_number`] of `p.x` or `this.x` (`p` a local) holding a number where the
/// site found it last time: an own data property, [[Get]]'s answer for every kind of object
/// (as in `eval_member`). Out of line: the number and local cases stay small where they
/// are inlined.
#[inline(never)]
fn peek_member_number(e: &Expr, env: &Env) -> Option<f64> {
    peek_member_with(
        e,
        env,
        |object, key, hint| peek_element_number(object, key, hint, env),
        |n| n,
        |props, name, hint| props.number_at_site_hint(name, hint),
    )
}

/// The value of `p.x` or `this.x` (`p` a local) read in place, as [`peek_member_number`]
/// reads a number: an own data property where the site found it last time (what
/// `eval_member` answers first), or an array's or string's `length`. The base is looked at
/// in its environment slot, so no copy of it is made and dropped, and no `(value, this)`
/// pair comes back; `None` leaves the read to `eval_member` (which re-aims the hint).
#[inline(never)]
fn peek_member_value(e: &Expr, env: &Env) -> Option<Value> {
    peek_member_with(
        e,
        env,
        |object, key, hint| peek_element_value(object, key, hint, env),
        Value::Number,
        |props, name, hint| props.value_at_site_hint(name, hint).cloned(),
    )
}

/// The member peeks' common steps: a computed member goes to `element`; a named member of
/// a local reads the local in its slot and answers an array's or string's `length` through
/// `length` (an array's is an internal slot, always there: `i < a.length`), or the own
/// property at the site's hint through `own`.
#[inline(always)]
fn peek_member_with<R>(
    e: &Expr,
    env: &Env,
    element: impl FnOnce(&Expr, &Expr, &std::cell::Cell<u32>) -> Option<R>,
    length: impl Fn(f64) -> R,
    own: impl FnOnce(&crate::prop_map::PropMap, &JsStr, &std::cell::Cell<u32>) -> Option<R>,
) -> Option<R> {
    let ExprKind::Member {
        object, prop, hint, ..
    } = &e.kind
    else {
        return None;
    };
    let name = match prop {
        MemberProp::Ident(name) => name,
        MemberProp::Computed(key) => return element(object, key, hint),
        MemberProp::Private(_) => return None,
    };
    let (ExprKind::Ident(id) | ExprKind::This(id)) = &object.kind else {
        return None;
    };
    let Binding::Local { hops, slot, .. } = id.binding.get() else {
        return None;
    };
    env.with_slot(hops, slot, |v| match v {
        Value::Object(o) => {
            let d = o.borrow();
            match d.kind {
                ObjectKind::Array { length: n, .. } if is_length(name) => {
                    Some(length(f64::from(n)))
                }
                _ => own(&d.props, name, hint),
            }
        }
        Value::String(s) if is_length(name) => Some(length(s.len() as f64)),
        _ => None,
    })
    .flatten()
}

/// [`peek_member_number`] for a compound assignment's right side (`s += a[i]`), out of
/// line and tried last: inlined, or tried before the operator peek, it made the other
/// assignments' paths ~10 instructions longer.
#[inline(never)]
fn peek_member_number_out_of_line(e: &Expr, env: &Env) -> Option<f64> {
    peek_member_number(e, env)
}

/// `a[i]` (`a` a local, `i` a local or a literal holding an array index) when the element is
/// a number in `a`'s dense elements: an own data property with default attributes, which
/// [[Get]] finds first for every kind of object (see [`get_index_fast`]). `s += a[i]`,
/// `a[i] * b[j]` without the member expression's evaluation. A computed member's `hint` (a
/// named member's position hint, unused by computed ones) is set to `u32::MAX` at a site
/// whose key was not a number (`o[key]` over string keys), which stops the tries there.
#[inline(never)]
fn peek_element_number(
    object: &Expr,
    key: &Expr,
    hint: &std::cell::Cell<u32>,
    env: &Env,
) -> Option<f64> {
    let (hops, slot, i) = peek_element_site(object, key, hint, env)?;
    env.with_slot(hops, slot, |v| match v {
        Value::Object(o) => match o.borrow().elements.get(i as usize) {
            Some(Value::Number(x)) => Some(*x),
            _ => None,
        },
        _ => None,
    })
    .flatten()
}

/// `a[i]` (`a` a local, `i` a local or a literal holding an array index) read in place for
/// [`Interp::eval_expr`], as [`get_index_fast`] answers it but without copying `a` out of
/// its slot: an element of the dense elements (not a hole), or a typed array's element
/// (`undefined` out of bounds: an integer index never reaches the prototype). `items[i]`
/// of objects or strings, `buf[pos]` of a Buffer.
#[inline(never)]
fn peek_element_value(
    object: &Expr,
    key: &Expr,
    hint: &std::cell::Cell<u32>,
    env: &Env,
) -> Option<Value> {
    let (hops, slot, i) = peek_element_site(object, key, hint, env)?;
    env.with_slot(hops, slot, |v| match v {
        Value::Object(o) => {
            let d = o.borrow();
            match d.elements.get(i as usize) {
                Some(Value::Empty) | None => match &d.kind {
                    ObjectKind::TypedArray(ta) => {
                        Some(ta.get_element(f64::from(i)).unwrap_or(Value::Undefined))
                    }
                    _ => None,
                },
                Some(v) => Some(v.clone()),
            }
        }
        _ => None,
    })
    .flatten()
}

/// The local slot of `a` and the array index `i` of a computed member `a[i]` whose parts
/// can be read without running anything, for the element peeks; `None` otherwise, and the
/// site's unused `hint` set to `u32::MAX` when its key held something else than a number
/// (`o[key]` over string keys), which stops the tries there.
#[inline(always)]
fn peek_element_site(
    object: &Expr,
    key: &Expr,
    hint: &std::cell::Cell<u32>,
    env: &Env,
) -> Option<(u32, u32, u32)> {
    if hint.get() == u32::MAX {
        return None;
    }
    let ExprKind::Ident(id) = &object.kind else {
        return None;
    };
    let Binding::Local { hops, slot, .. } = id.binding.get() else {
        return None;
    };
    let n = match &key.kind {
        ExprKind::Number(n) => *n,
        ExprKind::Ident(k) => match k.binding.get() {
            Binding::Local { hops, slot, .. } => match env.number_at(hops, slot) {
                Some(n) => n,
                None => {
                    hint.set(u32::MAX);
                    return None;
                }
            },
            _ => return None,
        },
        _ => return None,
    };
    Some((hops, slot, array_index_of_number(n)?))
}

/// Is `name` "length"? (Its length is a field, so other names cost one compare.)
#[inline(always)]
fn is_length(name: &JsStr) -> bool {
    name.len() == LENGTH.len() && name.units() == LENGTH
}

/// `base[key]` for a number `key` that is an array index, answered without making a property
/// key when the answer needs no code and no search: an element of an object's dense
/// elements (present there, it is an own data property with default attributes, which is
/// what [[Get]] looks at first for every kind of object), an element of a typed array (its
/// [[Get]] of a numeric key never looks at the prototype: out of bounds is `undefined`), or
/// a code unit of a string. `None`: the general path answers (holes, other objects' own or
/// inherited properties, proxies).
#[inline]
fn get_index_fast(base: &Value, key: &Value) -> Option<Value> {
    let i = array_index_of(key)?;
    match base {
        Value::Object(o) => {
            let d = o.borrow();
            if let Some(v) = d.elements.get(i as usize) {
                if !matches!(v, Value::Empty) {
                    return Some(v.clone());
                }
            }
            match &d.kind {
                ObjectKind::TypedArray(ta) => {
                    Some(ta.get_element(f64::from(i)).unwrap_or(Value::Undefined))
                }
                // A mapped arguments index: its parameter's value.
                ObjectKind::Arguments(Some(m)) => {
                    let (slot, _) = m.mapped(&PropKey::Index(i))?;
                    Some(m.env.get(0, slot))
                }
                _ => None,
            }
        }
        Value::String(s) if (i as usize) < s.len() => {
            Some(Value::String(s.slice(i as usize, i as usize + 1)))
        }
        _ => None,
    }
}

/// `o.name++` / `o.name--` in place: when the own property `name` at the position the
/// site's `hint` remembers is a writable data property holding a number, [[Get]] answers
/// that number and [[Set]] with `o` as the receiver replaces the value (OrdinarySet finds
/// the own writable data property first), with nothing run and nothing thrown. Returns the
/// old number. The kinds left out are those whose [[Set]] or [[DefineOwnProperty]] is not
/// ordinary for a name (as the assignment's own hint path: proxies, and so module
/// namespaces, typed arrays, arrays). Otherwise the hint is aimed at where the name is now
/// (left as it was when the name is no own property) and the caller takes the general path.
#[inline]
fn update_number_at_hint(
    o: &Obj,
    name: &JsStr,
    hint: &std::cell::Cell<u32>,
    delta: f64,
) -> Option<f64> {
    let mut d = o.borrow_mut();
    if d.kind.is_proxy() || d.kind.is_typed_array() || d.kind.is_array() {
        return None;
    }
    let key = match d.props.writable_data_at_name_hint(name, hint.get()) {
        Some(Value::Number(n)) => {
            let old = *n;
            *n = old + delta;
            return Some(old);
        }
        Some(_) => return None,
        None => PropKey::Str(name.clone()),
    };
    if let Some(i) = d.props.find(&key).and_then(|i| u32::try_from(i).ok()) {
        hint.set(i);
    }
    None
}

/// The old value of a compound assignment `o.name op= v` (and `o.name ??= v`, ...) when
/// `o` has an own data property `name` where the site's hint remembers it: [[Get]]'s
/// answer for every kind of object, which looks at the own string-keyed properties first
/// (as `eval_member`'s hint path). On a miss the hint is aimed where the name is now.
#[inline]
fn own_data_at_member_hint(te: &Expr, base: &Value) -> Option<Value> {
    if let (
        ExprKind::Member {
            hint,
            prop: MemberProp::Ident(name),
            ..
        },
        Value::Object(o),
    ) = (&te.kind, base)
    {
        return o.borrow().props.data_at_site_hint(name, hint).cloned();
    }
    None
}

/// `o[i] = v` when the element is present in `o`'s dense elements: it is an own writable
/// data property (elements with other attributes live in the property map), so [[Set]]
/// with `o` as the receiver replaces its value and nothing else (an array's `length` is
/// already above it). Also the append `a[a.length] = v` ([`append_element_fast`]).
/// `false`: the general [[Set]] answers.
#[inline]
fn set_element_fast(o: &Obj, i: u32, v: &Value) -> bool {
    let mut d = o.borrow_mut();
    // An array's hole, or its next index: [`add_element_fast`].
    let adds = matches!(d.kind, ObjectKind::Array { .. }) && i as usize <= d.elements.len();
    match d.elements.get_mut(i as usize) {
        Some(slot) if !matches!(slot, Value::Empty) => {
            let old = std::mem::replace(slot, v.clone());
            drop(d);
            drop(old);
            true
        }
        _ if adds => {
            drop(d);
            add_element_fast(o, i, v)
        }
        // A mapped arguments index (always a writable data property): its parameter.
        _ => match &d.kind {
            ObjectKind::Arguments(Some(m)) => match m.mapped(&PropKey::Index(i)) {
                Some((slot, _)) => {
                    let env = m.env.clone();
                    drop(d);
                    env.set(0, slot, v.clone());
                    true
                }
                None => false,
            },
            _ => false,
        },
    }
}

/// `a[i] = v` on an Array where `i` is a hole of its `elements`, the next index of
/// `elements` below the length, or its length: when no prototype has an indexed property or
/// answers for one (`protos_have_indices`), OrdinarySet finds no property `i` on the chain
/// (the array has none: a hole with no entry in its property map, or an index at or past
/// the end of `elements`), so it is CreateDataProperty(a, i, v), which
/// `create_element_fast` does in place when ArrayDefineOwnProperty allows it. Building an
/// array by index (`out[i] = f(x)`, `a[a.length] = x`, filling `new Array(n)`) took the
/// generic [[Set]] and [[DefineOwnProperty]] (~700 instructions) at each write.
#[inline(never)]
fn add_element_fast(o: &Obj, i: u32, v: &Value) -> bool {
    !crate::builtins::array::protos_have_indices(o)
        && crate::interp::ops::create_element_fast(o, i, v.clone()).is_ok()
}

/// `base.length` for an array (its own, non-configurable `length`, always there) or a
/// string (the code units): the answer without the site's caches or a property key.
#[inline]
fn get_length_fast(base: &Value, name: &JsStr) -> Option<Value> {
    // The name first: its length is a field, so other names cost one compare.
    if !is_length(name) {
        return None;
    }
    match base {
        Value::Object(o) => match o.borrow().kind {
            ObjectKind::Array { length, .. } => Some(Value::Number(f64::from(length))),
            _ => None,
        },
        Value::String(s) => Some(Value::Number(s.len() as f64)),
        _ => None,
    }
}

/// A block that declares nothing and cannot suspend (most loop and `if` bodies) runs its
/// statements in the enclosing environment, with no frame of its own.
#[inline(always)]
fn runs_in_enclosing_scope(b: &Block, suspends: bool) -> bool {
    !suspends
        && b.scope
            .get()
            .is_none_or(|i| i.decls.is_empty() && i.dispose_slot.is_none())
}

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;

    // Expected values printed by Node 24 for the same expressions.
    #[test]
    fn delete_through_an_optional_chain_deletes() {
        assert_eq!(
            run("(() => { const a = {b: 1, k: 2}; return [delete a?.b, JSON.stringify(a)] })()"),
            "true,{\"k\":2}"
        );
        assert_eq!(
            run("(() => { const a = {b: 1, k: 2}, k = 'k'; \
                 return [delete a?.[k], JSON.stringify(a)] })()"),
            "true,{\"b\":1}"
        );
        assert_eq!(
            run("(() => { const a = {c: {d: 2}}; return [delete a?.c.d, JSON.stringify(a)] })()"),
            "true,{\"c\":{}}"
        );
        assert_eq!(
            run("(() => { const a = {c: 1}; return [delete (a?.c), JSON.stringify(a)] })()"),
            "true,{}"
        );
        assert_eq!(
            run("(() => { const arr = [1, 2, 3]; return [delete arr?.[1], 1 in arr] })()"),
            "true,false"
        );
        // A short-circuit deletes nothing and evaluates nothing more.
        assert_eq!(
            run("[delete null?.x, delete undefined?.x.y, delete ({}).z?.q]"),
            "true,true,true"
        );
        assert_eq!(
            run(
                "(() => { let side = 0; const f = () => { side++; return null }; \
                 return [delete f()?.[side++], side] })()"
            ),
            "true,1"
        );
        // A failed delete is false in sloppy code and throws in strict code.
        assert_eq!(run("delete Object.freeze({x: 1})?.x"), "false");
        assert_eq!(
            run("(function () { 'use strict'; return delete Object.freeze({x: 1})?.x })()"),
            "TypeError: Cannot delete property 'x' of #<Object>"
        );
    }
}
