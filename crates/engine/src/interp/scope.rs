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
#[derive(Clone)]
pub struct Env(pub Gc<ScopeData>);

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
