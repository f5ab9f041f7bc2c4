//! Runtime environments: one per *materialized* scope (see `resolve.rs`), holding the slot
//! values of the bindings the resolver assigned to it. References are `(hops, slot)` pairs.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::gc::{Gc, Trace, Tracer};
use crate::object::{trace_value, Obj};
use crate::resolve::ScopeInfo;
use crate::string::JsStr;
use crate::value::Value;

/// A module environment's import bindings: slot → (exporter's environment, its slot).
pub type ImportMap = FxHashMap<u32, (Env, u32)>;

pub struct ScopeData {
    pub parent: Option<Env>,
    pub slots: RefCell<Vec<Value>>,
    /// The scope's layout (names for dynamic lookup by `eval`/`with`).
    pub info: Option<Rc<ScopeInfo>>,
    /// A `with (obj)` environment.
    pub with_object: Option<Obj>,
    /// `var`s added at run time by a sloppy direct `eval`.
    pub eval_vars: RefCell<Option<Box<FxHashMap<JsStr, Value>>>>,
    /// A module environment's import bindings (CreateImportBinding): slot → the exporting
    /// module's environment and slot. The slot itself stays `Value::Empty`, so a read takes
    /// the cold TDZ path, which follows the indirection ([`Env::get_import`]).
    pub imports: RefCell<Option<Box<ImportMap>>>,
}

impl Trace for ScopeData {
    fn trace(&self, t: &mut Tracer) {
        if let Some(p) = &self.parent {
            t.edge(&p.0);
        }
        if let Some(o) = &self.with_object {
            t.edge(&o.0);
        }
        if let Ok(s) = self.slots.try_borrow() {
            for v in s.iter() {
                trace_value(v, t);
            }
        }
        if let Ok(m) = self.eval_vars.try_borrow() {
            if let Some(m) = &*m {
                for v in m.values() {
                    trace_value(v, t);
                }
            }
        }
        if let Ok(m) = self.imports.try_borrow() {
            if let Some(m) = &*m {
                for (e, _) in m.values() {
                    t.edge(&e.0);
                }
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut s) = self.slots.try_borrow_mut() {
            s.clear();
        }
        if let Ok(mut m) = self.eval_vars.try_borrow_mut() {
            *m = None;
        }
        if let Ok(mut m) = self.imports.try_borrow_mut() {
            *m = None;
        }
    }
}

/// Slot vectors of dead environments, kept for reuse by size (1 to [`POOLED_SLOTS`] slots),
/// [`POOL_DEPTH`] of each size: a call allocates its environment's slots from here instead
/// of `malloc`, and returns them on `free`.
const POOLED_SLOTS: usize = 8;
const POOL_DEPTH: usize = 64;

thread_local! {
    static SLOT_POOL: RefCell<[Vec<Vec<Value>>; POOLED_SLOTS]> =
        const { RefCell::new([const { Vec::new() }; POOLED_SLOTS]) };
}

/// `n` slots, `Value::Undefined` each.
#[inline]
fn new_slots(n: usize) -> Vec<Value> {
    if n == 0 || n > POOLED_SLOTS {
        return vec![Value::Undefined; n];
    }
    let reused = SLOT_POOL
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p[n - 1].pop()))
        .ok()
        .flatten();
    match reused {
        Some(mut v) => {
            v.resize(n, Value::Undefined);
            v
        }
        None => vec![Value::Undefined; n],
    }
}

impl Drop for ScopeData {
    fn drop(&mut self) {
        let mut slots = std::mem::take(self.slots.get_mut());
        let cap = slots.capacity();
        if cap == 0 || cap > POOLED_SLOTS {
            return;
        }
        // Dropping the values may free other environments (which use the pool): no borrow
        // is held while they go.
        slots.clear();
        let _ = SLOT_POOL.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                let list = &mut p[cap - 1];
                if list.len() < POOL_DEPTH {
                    list.push(slots);
                }
            }
        });
    }
}

/// A reference to a runtime environment.
pub struct Env(pub Gc<ScopeData>);

impl Clone for Env {
    /// A copy of the reference may end up in the heap (a closure's scope, a suspended
    /// generator, a child environment): a call's unregistered environment
    /// ([`EnvPool::take`]) joins the collector's list at its first copy.
    #[inline]
    fn clone(&self) -> Env {
        self.0.ensure_registered();
        Env(self.0.clone())
    }
}

/// Function environments of finished calls, ready for the next call.
///
/// A call's environment is made unregistered ([`Gc::new_unregistered`]): no heap-list entry
/// unless something copies the reference (a closure made in the call, a block scope a
/// closure captures, a direct `eval`, ...: [`Env::clone`] registers it). When the call ends and its
/// environment is still unregistered and unique, nothing can see it any more, so its cell
/// (and slot vector) goes back here instead of to `free`: most calls allocate nothing for
/// their environment.
#[derive(Default)]
pub struct EnvPool(Vec<Env>);

/// A new function environment's `Undefined` slots: the TDZ marker for lexical bindings, the
/// arguments for simple parameters (in order: a repeated name gets the last one).
#[inline(always)]
fn fill_function_slots(slots: &mut [Value], info: &ScopeInfo, args: &[Value]) {
    if info.has_tdz_decls {
        for decl in &info.decls {
            if decl.kind.has_tdz() {
                if let Some(x) = slots.get_mut(decl.slot as usize) {
                    fresh_write(x, Value::Empty);
                }
            }
        }
    }
    if info.simple_params {
        for (i, slot) in info.param_slots.iter().enumerate() {
            if let Some(x) = slots.get_mut(*slot as usize) {
                fresh_write(x, args.get(i).cloned().unwrap_or_default());
            }
        }
    }
}

/// `*x = v` without the out-of-line drop call when `x` holds nothing to drop.
#[inline(always)]
fn fresh_write(x: &mut Value, v: Value) {
    if matches!(x, Value::Undefined | Value::Empty) {
        std::mem::forget(std::mem::replace(x, v));
    } else {
        *x = v;
    }
}

/// `*x = Value::Undefined` without the out-of-line drop call when `x` holds no reference
/// (numbers, booleans, `undefined`: most slots of a finished call).
#[inline(always)]
fn fresh_undefined(x: &mut Value) {
    overwrite_scalar(x, Value::Undefined);
}

/// `*x = new` for a `new` that owns nothing, without the out-of-line drop call when `x`
/// holds no reference either.
#[inline(always)]
fn overwrite_scalar(x: &mut Value, new: Value) {
    match x {
        Value::Undefined | Value::Null | Value::Bool(_) | Value::Number(_) | Value::Empty => {
            std::mem::forget(std::mem::replace(x, new));
        }
        _ => *x = new,
    }
}

/// Environments kept by [`EnvPool`] (each with its slot vector).
const ENV_POOL_DEPTH: usize = 32;
/// Slot vectors larger than this are not kept in a pooled environment.
const ENV_POOL_MAX_SLOTS: usize = 64;

impl EnvPool {
    /// A fresh environment for a function scope (as [`Env::new`]), from the pool when it can;
    /// when the parameters are simple, they are bound to `args` (in order: a repeated name
    /// gets the last one).
    #[inline]
    pub fn take(&mut self, parent: Env, info: &Rc<ScopeInfo>, args: &[Value]) -> Env {
        let n = info.num_slots as usize;
        if let Some(mut e) = self.0.pop() {
            if let Some(d) = e.0.get_mut() {
                d.parent = Some(parent);
                // [`EnvPool::give_back`] leaves the last call's layout in place: a call of the
                // same function (recursion, a built-in's callback) touches no count for it.
                if !d.info.as_ref().is_some_and(|i| Rc::ptr_eq(i, info)) {
                    d.info = Some(info.clone());
                }
                let slots = d.slots.get_mut();
                // [`EnvPool::give_back`] left the slots `Undefined` at their old length: a
                // call of the same function (or any of the same size) has nothing to add.
                if slots.len() != n {
                    slots.truncate(n);
                    for _ in slots.len()..n {
                        slots.push(Value::Undefined);
                    }
                }
                fill_function_slots(slots, info, args);
                return e;
            }
        }
        let mut slots = new_slots(n);
        fill_function_slots(&mut slots, info, args);
        Env(Gc::new_unregistered(ScopeData {
            parent: Some(parent),
            slots: RefCell::new(slots),
            info: Some(info.clone()),
            with_object: None,
            eval_vars: RefCell::new(None),
            imports: RefCell::new(None),
        }))
    }

    /// Takes back a finished call's environment if nothing else refers to it.
    #[inline]
    pub fn give_back(&mut self, mut env: Env) {
        if self.0.len() >= ENV_POOL_DEPTH {
            return;
        }
        let Some(d) = env.0.get_mut() else { return };
        // Values may own other environments; they are dropped here, which may give nothing
        // back (no pool borrow is held: `self` is only pushed to below).
        // The layout (`info`) stays: nothing can reach a pooled environment, and the next
        // call of the same function finds it there ([`EnvPool::take`]).
        d.parent = None;
        let slots = d.slots.get_mut();
        // Emptied in place rather than cleared: the next call of the same size finds its
        // `Undefined` slots there instead of pushing them one by one (an out-of-line `push`
        // per slot, and on the dist build a store-forwarding stall on each).
        for x in slots.iter_mut() {
            fresh_undefined(x);
        }
        if slots.capacity() > ENV_POOL_MAX_SLOTS
            || d.eval_vars.get_mut().is_some()
            || d.imports.get_mut().is_some()
            || d.with_object.is_some()
        {
            return;
        }
        self.0.push(env);
    }
}

impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Env({} slots)", self.0.slots.borrow().len())
    }
}

impl Env {
    pub fn new(parent: Option<Env>, info: &Rc<ScopeInfo>) -> Env {
        let n = info.num_slots as usize;
        let mut slots = new_slots(n);
        for d in &info.decls {
            if d.kind.has_tdz() && (d.slot as usize) < n {
                slots[d.slot as usize] = Value::Empty;
            }
        }
        Env(Gc::new(ScopeData {
            parent,
            slots: RefCell::new(slots),
            info: Some(info.clone()),
            with_object: None,
            eval_vars: RefCell::new(None),
            imports: RefCell::new(None),
        }))
    }

    /// An environment with `n` undefined slots and no layout (the script frame).
    pub fn with_slots(parent: Option<Env>, n: usize) -> Env {
        Env(Gc::new(ScopeData {
            parent,
            slots: RefCell::new(new_slots(n)),
            info: None,
            with_object: None,
            eval_vars: RefCell::new(None),
            imports: RefCell::new(None),
        }))
    }

    pub fn new_with(parent: Env, object: Obj) -> Env {
        Env(Gc::new(ScopeData {
            parent: Some(parent),
            slots: RefCell::new(Vec::new()),
            info: None,
            with_object: Some(object),
            eval_vars: RefCell::new(None),
            imports: RefCell::new(None),
        }))
    }

    /// Another reference to this environment for the evaluator's own use while it runs
    /// (a block or loop evaluated in it): unlike [`Env::clone`], it does not register a
    /// call's environment with the collector, so the call can still give it back to the
    /// pool. It must not be stored in the heap; a suspended generator's frames only ever
    /// hold environments that are registered already (a coroutine's environment and
    /// everything below it are made with [`Env::new`]).
    #[inline]
    pub fn share(&self) -> Env {
        Env(self.0.clone())
    }

    #[inline]
    pub fn ancestor(&self, hops: u32) -> &Env {
        let mut e = self;
        for _ in 0..hops {
            match &e.0.parent {
                Some(p) => e = p,
                None => break,
            }
        }
        e
    }

    #[inline]
    pub fn get(&self, hops: u32, slot: u32) -> Value {
        let e = self.ancestor(hops);
        let s = e.0.slots.borrow();
        match s.get(slot as usize) {
            Some(v) => v.clone(),
            None => Value::Undefined,
        }
    }

    /// For a slot that read `Value::Empty`: the value of the import binding there (the
    /// exporter's binding, itself possibly `Empty`), or `None` if the slot is an ordinary
    /// binding in its TDZ. Readers call this only on their (cold) TDZ path, so ordinary
    /// variables pay nothing for modules.
    #[cold]
    pub fn get_import(&self, hops: u32, slot: u32) -> Option<Value> {
        let e = self.ancestor(hops);
        let target = match &*e.0.imports.borrow() {
            Some(m) => m.get(&slot).cloned(),
            None => None,
        };
        target.map(|(env, s)| env.get(0, s))
    }

    /// Makes `slot` an import binding of `target`'s `target_slot` (CreateImportBinding).
    pub fn set_import(&self, slot: u32, target: Env, target_slot: u32) {
        self.init(slot, Value::Empty);
        self.0
            .imports
            .borrow_mut()
            .get_or_insert_with(Default::default)
            .insert(slot, (target, target_slot));
    }

    #[inline]
    pub fn set(&self, hops: u32, slot: u32, v: Value) {
        let e = self.ancestor(hops);
        let mut s = e.0.slots.borrow_mut();
        if let Some(x) = s.get_mut(slot as usize) {
            *x = v;
        }
    }

    /// Puts the bindings of `decls` that start in their temporal dead zone back into it, in
    /// this environment's own slots (a block scope that is not materialized, entered again:
    /// a loop body's `const`). One borrow for all of them, and a scalar old value is
    /// overwritten without its drop (`Env::set` per binding took ~37 instructions).
    pub fn reset_tdz(&self, decls: &[crate::resolve::Decl]) {
        let mut s = self.0.slots.borrow_mut();
        for d in decls {
            if d.kind.has_tdz() {
                if let Some(x) = s.get_mut(d.slot as usize) {
                    overwrite_scalar(x, Value::Empty);
                }
            }
        }
    }

    /// Sets a slot that is initialized (not `Value::Empty`, the TDZ marker); gives `v` back
    /// if it is not (or does not exist), for the caller's slow path.
    #[inline]
    pub fn set_initialized(&self, hops: u32, slot: u32, v: Value) -> Option<Value> {
        let e = self.ancestor(hops);
        let mut s = e.0.slots.borrow_mut();
        match s.get_mut(slot as usize) {
            Some(x) if !matches!(x, Value::Empty) => {
                *x = v;
                None
            }
            _ => Some(v),
        }
    }

    /// The number a slot holds, read without copying a [`Value`] out (`None` for anything
    /// else, including the TDZ marker): the operands of a number comparison or operator.
    #[inline(always)]
    pub fn number_at(&self, hops: u32, slot: u32) -> Option<f64> {
        let e = self.ancestor(hops);
        let s = e.0.slots.borrow();
        match s.get(slot as usize) {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// `f` of the value a slot holds, borrowed in place (`None` if there is no such slot).
    #[inline(always)]
    pub fn with_slot<R>(&self, hops: u32, slot: u32, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let e = self.ancestor(hops);
        let s = e.0.slots.borrow();
        s.get(slot as usize).map(f)
    }

    /// Stores a number; a slot that holds a number already is overwritten without the
    /// generic drop of the old value.
    #[inline(always)]
    pub fn set_number(&self, hops: u32, slot: u32, n: f64) {
        let e = self.ancestor(hops);
        let mut s = e.0.slots.borrow_mut();
        match s.get_mut(slot as usize) {
            Some(Value::Number(m)) => *m = n,
            Some(x) => *x = Value::Number(n),
            None => {}
        }
    }

    /// [`Env::set_number`] for a slot that is initialized (not the TDZ marker): `false`,
    /// and nothing stored, otherwise.
    #[inline(always)]
    pub fn set_number_initialized(&self, hops: u32, slot: u32, n: f64) -> bool {
        let e = self.ancestor(hops);
        let mut s = e.0.slots.borrow_mut();
        match s.get_mut(slot as usize) {
            Some(Value::Number(m)) => *m = n,
            Some(Value::Empty) | None => return false,
            Some(x) => *x = Value::Number(n),
        }
        true
    }

    /// Adds `delta` to a slot holding a number, under one borrow (`i++` on a local): the old
    /// number, or `None` (nothing changed) if the slot holds anything else.
    #[inline]
    pub fn add_to_number(&self, hops: u32, slot: u32, delta: f64) -> Option<f64> {
        let e = self.ancestor(hops);
        let mut s = e.0.slots.borrow_mut();
        match s.get_mut(slot as usize) {
            Some(Value::Number(n)) => {
                let old = *n;
                *n = old + delta;
                Some(old)
            }
            _ => None,
        }
    }

    /// Sets a slot of this environment (hops = 0).
    #[inline]
    pub fn init(&self, slot: u32, v: Value) {
        self.set(0, slot, v)
    }

    /// A copy of this environment with the same slot values (CreatePerIterationEnvironment).
    pub fn copy_for_iteration(&self) -> Env {
        Env(Gc::new(ScopeData {
            parent: self.0.parent.clone(),
            slots: RefCell::new({
                let from = self.0.slots.borrow();
                let mut slots = new_slots(from.len());
                slots.clone_from_slice(&from);
                slots
            }),
            info: self.0.info.clone(),
            with_object: None,
            eval_vars: RefCell::new(None),
            imports: RefCell::new(None),
        }))
    }

    pub fn parent(&self) -> Option<&Env> {
        self.0.parent.as_ref()
    }

    pub fn ptr_eq(a: &Env, b: &Env) -> bool {
        Gc::ptr_eq(&a.0, &b.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;

    // Slot vectors are reused from dead environments: a reused one starts as a fresh one
    // (undefined, or in its TDZ), never with a previous call's values.
    #[test]
    fn reused_slots_start_fresh() {
        assert_eq!(
            run(
                "(() => { function f(a, b) { let c; const r = [a, b, c]; b = 9; c = 8; \
                 return r.join() } return [f(1, 2), f(3), f()].join('|') })()"
            ),
            "1,2,|3,,|,,"
        );
        assert_eq!(
            run(
                "(() => { function g(x) { if (x) return y; let y = 1; return y } \
                 g(0); try { return g(1) } catch (e) { return e.name } })()"
            ),
            "ReferenceError"
        );
        // Per-iteration copies of a captured loop variable.
        assert_eq!(
            run(
                "(() => { const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); \
                 return fs.map(f => f()).join() })()"
            ),
            "0,1,2"
        );
    }

    // A call's environment goes back to the pool only when nothing kept it: closures made
    // in the call, a direct eval's functions, a derived constructor's `this`, generators and
    // recursion see their own bindings; a reused environment starts fresh.
    #[test]
    fn pooled_call_environments() {
        assert_eq!(
            run("(() => { function mk(n) { let c = n; return () => ++c } \
                 const a = mk(10), b = mk(20); f(1); f(2); \
                 function f(x) { let y = x * 2; return y } \
                 return [a(), a(), b(), mk(0)(), a()].join() })()"),
            "11,12,21,1,13"
        );
        assert_eq!(
            run("(() => { function e(s) { var v = 5; return eval(s) } \
                 const g = e('(() => v)'); e('1'); e('2'); return g() })()"),
            "5"
        );
        assert_eq!(
            run(
                "(() => { function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } \
                 function sum(n) { let t; t = n; if (n > 0) t += sum(n - 1); return t } \
                 return fib(15) + ',' + sum(100) })()"
            ),
            "610,5050"
        );
        assert_eq!(
            run(
                "(() => { class A { constructor(x) { this.x = x } } \
                 class B extends A { constructor(x) { super(x); this.y = x + 1 } } \
                 class C extends A { constructor() { return undefined } } \
                 let msg; try { new C() } catch (e) { msg = e.constructor.name } \
                 const b = new B(1); const b2 = new B(5); return [b.x, b.y, b2.y, msg].join() })()"
            ),
            "1,2,6,ReferenceError"
        );
        assert_eq!(
            run(
                "(() => { function* g(n) { let i = n; while (true) yield i++ } \
                 function h() { return g(7) } const it = h(); h(); h(); \
                 function args() { return arguments } const a = args(1, 2); args(3); \
                 return [it.next().value, it.next().value, a[0], a[1]].join() })()"
            ),
            "7,8,1,2"
        );
        // A throw out of a call leaves no stale bindings for the next call.
        assert_eq!(
            run(
                "(() => { function t(x) { let k = x; if (x) throw k; return k } \
                 try { t(3) } catch (e) {} return String(t(0)) + typeof t })()"
            ),
            "0function"
        );
    }

    // FunctionDeclarationInstantiation step 36: a hoisted function replaces a simple
    // parameter of the same name; a repeated parameter name binds the last argument.
    #[test]
    fn functions_replace_simple_parameters() {
        assert_eq!(
            run(
                "(() => { function f(a) { function a() {} return typeof a } \
                 function* g(a) { function a() {} yield typeof a } \
                 function d(a, a) { return a } \
                 return [f(1), g(1).next().value, d(1, 2), d(1)].join() })()"
            ),
            "function,function,2,"
        );
    }

    // The inlined local assignment keeps the TDZ and const checks.
    #[test]
    fn local_assignment_fast_path_keeps_checks() {
        assert_eq!(
            run("(() => { try { x = 1; let x; } catch (e) { return e.message } })()"),
            "Cannot access 'x' before initialization"
        );
        assert_eq!(
            run("(() => { const k = 1; try { k = 2 } catch (e) { return e.message } })()"),
            "Assignment to constant variable."
        );
        assert_eq!(
            run("(() => { let n = 1; n += 2; n *= 3; class C {} C = 5; return n + C })()"),
            "14"
        );
    }

    // for-of binds a plain local directly; captured, var and destructured heads keep their
    // general paths.
    #[test]
    fn for_of_binding_paths() {
        assert_eq!(
            run("(() => { let s = 0; for (const x of [1, 2, 3]) s += x; return s })()"),
            "6"
        );
        assert_eq!(
            run(
                "(() => { const fs = []; for (const x of [1, 2]) fs.push(() => x); \
                 return fs.map(f => f()).join() })()"
            ),
            "1,2"
        );
        assert_eq!(run("(() => { for (var v of 'ab'); return v })()"), "b");
        assert_eq!(
            run(
                "(() => { let s = ''; for (const [a, b = a] of [[1], [2, 3]]) s += a + b; \
                 return s })()"
            ),
            "25"
        );
        assert_eq!(
            run(
                "(() => { let s = 0; function* g() { for (let i = 0; i < 4; i++) yield i } \
                 for (const x of g()) { if (x === 2) continue; s += x } return s })()"
            ),
            "4"
        );
    }
}
