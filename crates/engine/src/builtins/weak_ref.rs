//! `WeakRef` and `FinalizationRegistry` (ECMA-262 §26.1, §26.2).
//!
//! A weak target is held as a [`WeakGc`] (objects) or strongly (symbols: the engine never
//! collects a symbol, which the spec allows). Reference counting would free an object the
//! moment its last strong reference goes; V8 frees it only when it collects, and scripts (and
//! tutorials) see `deref()` keep returning the object until then. So a WeakRef's target is
//! also held by [`crate::gc::keep_until_collection`] until the next collection starts, after
//! which only the weak handle (and the spec's KeepDuringJob list, `kept_objects`, filled by
//! `deref()` and cleared by the host at the end of each job) remains.
//!
//! Cleanup callbacks run like V8's: only after a garbage collection (the cycle collector;
//! [`crate::gc::collections`] counts them), the host asks
//! [`Interp::take_finalization_cleanups`] for the (callback, held value) pairs whose targets
//! died and runs each as a host job (HostEnqueueFinalizationRegistryCleanupJob). A script
//! that allocates little therefore never sees a cleanup, as under Node.

use std::cell::RefCell;

use crate::builtins::iterator::incompatible_receiver;
use crate::gc::{Tracer, WeakGc};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{trace_value, Attrs, Obj, ObjectData, ObjectKind, PropKey};
use crate::value::{Sym, Value};

/// A value held weakly: an object or a non-registered symbol.
#[derive(Clone)]
pub enum WeakTarget {
    Object(WeakGc<RefCell<ObjectData>>),
    Symbol(Sym),
}

impl std::fmt::Debug for WeakTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WeakTarget::Object(_) => f.write_str("WeakTarget::Object"),
            WeakTarget::Symbol(_) => f.write_str("WeakTarget::Symbol"),
        }
    }
}

impl WeakTarget {
    /// CanBeHeldWeakly(v) then a weak handle.
    pub fn of(v: &Value) -> Option<WeakTarget> {
        match v {
            Value::Object(o) => Some(WeakTarget::Object(o.0.downgrade())),
            Value::Symbol(s) if !s.0.registered => Some(WeakTarget::Symbol(s.clone())),
            _ => None,
        }
    }

    /// The target if it is still alive.
    pub fn get(&self) -> Option<Value> {
        match self {
            WeakTarget::Object(w) => w.upgrade().map(|g| Value::Object(Obj(g))),
            WeakTarget::Symbol(s) => Some(Value::Symbol(s.clone())),
        }
    }

    /// SameValue of the (live) target and `v`.
    fn is(&self, v: &Value) -> bool {
        match (self, v) {
            (WeakTarget::Object(w), Value::Object(o)) => {
                w.upgrade().is_some_and(|g| crate::gc::Gc::ptr_eq(&g, &o.0))
            }
            (WeakTarget::Symbol(s), Value::Symbol(t)) => s == t,
            _ => false,
        }
    }
}

/// One `register(target, held, token)` record.
#[derive(Debug)]
pub struct FinalizationCell {
    pub target: WeakTarget,
    pub held: Value,
    pub token: Option<WeakTarget>,
}

/// A FinalizationRegistry's \[\[CleanupCallback\]\] and \[\[Cells\]\].
#[derive(Debug)]
pub struct FinalizationRegistryData {
    pub cleanup: Value,
    pub cells: Vec<FinalizationCell>,
}

impl FinalizationRegistryData {
    pub fn trace(&self, t: &mut Tracer) {
        trace_value(&self.cleanup, t);
        for c in &self.cells {
            trace_value(&c.held, t);
        }
    }
}

impl Interp {
    /// ClearKeptObjects(): the host calls it when a job (a macrotask and its microtasks)
    /// has run.
    pub fn clear_kept_objects(&mut self) {
        self.kept_objects.clear();
    }

    /// AddToKeptObjects(value).
    fn add_to_kept_objects(&mut self, v: Value) {
        if let Value::Object(_) = v {
            self.kept_objects.push(v);
        }
    }

    /// The cleanup calls due: for each live FinalizationRegistry, each cell whose target has
    /// been collected (the cell is removed), as (callback, held value). Empty unless a
    /// garbage collection ran since the last call.
    pub fn take_finalization_cleanups(&mut self) -> Vec<(Value, Value)> {
        let n = crate::gc::collections();
        if n == self.finalization_seen_collections {
            return Vec::new();
        }
        self.finalization_seen_collections = n;
        let mut due = Vec::new();
        self.finalization_registries
            .retain(|w| w.upgrade().is_some());
        for w in self.finalization_registries.clone() {
            let Some(g) = w.upgrade() else { continue };
            let mut d = g.borrow_mut();
            let ObjectKind::FinalizationRegistry(r) = &mut d.kind else {
                continue;
            };
            let cleanup = r.cleanup.clone();
            let mut i = 0;
            while i < r.cells.len() {
                if r.cells[i].target.get().is_none() {
                    let cell = r.cells.remove(i);
                    due.push((cleanup.clone(), cell.held));
                } else {
                    i += 1;
                }
            }
        }
        due
    }
}

fn weak_ref_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor WeakRef requires 'new'"));
    };
    let target = a.get(0);
    let Some(weak) = WeakTarget::of(&target) else {
        return Err(it.type_error("WeakRef: invalid target"));
    };
    let proto = it.get_prototype_from_constructor(nt, |i| i.weak_ref_prototype.clone())?;
    if let Value::Object(o) = &target {
        crate::gc::keep_until_collection(&o.0);
    }
    it.add_to_kept_objects(target);
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::WeakRef(weak),
    )))
}

fn weak_ref_deref(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let target = match a.this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::WeakRef(w) => Some(w.get()),
            _ => None,
        },
        _ => None,
    };
    match target {
        Some(Some(v)) => {
            it.add_to_kept_objects(v.clone());
            Ok(v)
        }
        Some(None) => Ok(Value::Undefined),
        None => Err(incompatible_receiver(it, "WeakRef.prototype.deref", a.this)),
    }
}

fn finalization_registry_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor FinalizationRegistry requires 'new'"));
    };
    let cleanup = a.get(0);
    if !it.is_callable(&cleanup) {
        return Err(it.type_error("FinalizationRegistry: cleanup must be callable"));
    }
    let proto =
        it.get_prototype_from_constructor(nt, |i| i.finalization_registry_prototype.clone())?;
    let o = Obj::new(
        Some(proto),
        ObjectKind::FinalizationRegistry(Box::new(FinalizationRegistryData {
            cleanup,
            cells: Vec::new(),
        })),
    );
    it.finalization_registries.push(o.0.downgrade());
    Ok(Value::Object(o))
}

fn this_registry(it: &mut Interp, a: &Args, method: &str) -> JsResult<Obj> {
    if let Value::Object(o) = a.this {
        if matches!(o.borrow().kind, ObjectKind::FinalizationRegistry(_)) {
            return Ok(o.clone());
        }
    }
    Err(incompatible_receiver(
        it,
        &format!("FinalizationRegistry.prototype.{method}"),
        a.this,
    ))
}

fn invalid_token(it: &mut Interp, token: &Value) -> crate::interp::Abrupt {
    let d = crate::builtins::iterator::describe(it, token);
    it.type_error(format!("Invalid unregisterToken ('{d}')"))
}

fn finalization_registry_register(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let reg = this_registry(it, a, "register")?;
    let target = a.get(0);
    let held = a.get(1);
    let token = a.get(2);
    let Some(weak) = WeakTarget::of(&target) else {
        return Err(it.type_error("FinalizationRegistry.prototype.register: invalid target"));
    };
    if target.same_value(&held) {
        return Err(it.type_error(
            "FinalizationRegistry.prototype.register: target and holdings must not be same",
        ));
    }
    let token = if token.is_undefined() {
        None
    } else {
        match WeakTarget::of(&token) {
            Some(t) => Some(t),
            None => return Err(invalid_token(it, &token)),
        }
    };
    if let ObjectKind::FinalizationRegistry(r) = &mut reg.borrow_mut().kind {
        r.cells.push(FinalizationCell {
            target: weak,
            held,
            token,
        });
    }
    Ok(Value::Undefined)
}

fn finalization_registry_unregister(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let reg = this_registry(it, a, "unregister")?;
    let token = a.get(0);
    if WeakTarget::of(&token).is_none() {
        return Err(invalid_token(it, &token));
    }
    let mut removed = false;
    if let ObjectKind::FinalizationRegistry(r) = &mut reg.borrow_mut().kind {
        r.cells.retain(|c| {
            let hit = c.token.as_ref().is_some_and(|t| t.is(&token));
            removed |= hit;
            !hit
        });
    }
    Ok(Value::Bool(removed))
}

pub fn init(it: &mut Interp) {
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());

    let wrp = it.intrinsics.weak_ref_prototype.clone();
    let ctor = it.native_fn_with("WeakRef", 1, weak_ref_constructor, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, &wrp);
    it.define_method(&wrp, "deref", 0, weak_ref_deref);
    wrp.define(
        tag.clone(),
        Value::from("WeakRef"),
        Attrs::CONFIGURABLE_ONLY,
    );
    crate::builtins::define_global(it, "WeakRef", Value::Object(ctor));

    let frp = it.intrinsics.finalization_registry_prototype.clone();
    let ctor = it.native_fn_with(
        "FinalizationRegistry",
        1,
        finalization_registry_constructor,
        true,
        Vec::new(),
    );
    crate::builtins::link_ctor_proto(&ctor, &frp);
    it.define_method(&frp, "register", 2, finalization_registry_register);
    it.define_method(&frp, "unregister", 1, finalization_registry_unregister);
    frp.define(
        tag,
        Value::from("FinalizationRegistry"),
        Attrs::CONFIGURABLE_ONLY,
    );
    crate::builtins::define_global(it, "FinalizationRegistry", Value::Object(ctor));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn construct(it: &mut Interp, name: &str, args: &[Value]) -> Value {
        let Some(Value::Object(c)) = it.global.get_own_data(&PropKey::from(name)) else {
            panic!("no {name}");
        };
        it.construct(&c, args, None).unwrap()
    }

    fn deref(it: &mut Interp, w: &Value) -> Value {
        let f = it.get_v(w, &static_key!("deref")).unwrap();
        it.call(&f, w, &[]).unwrap()
    }

    #[test]
    fn weak_ref_target_lives_until_a_collection_then_goes() {
        let mut it = Interp::new();
        let target = Value::Object(it.new_object());
        let w = construct(&mut it, "WeakRef", std::slice::from_ref(&target));
        drop(target);
        // Kept for the job, and until the collector runs.
        assert!(deref(&mut it, &w).is_object());
        it.clear_kept_objects();
        assert!(deref(&mut it, &w).is_object());
        it.clear_kept_objects();
        crate::gc::collect();
        assert!(deref(&mut it, &w).is_undefined());
    }

    #[test]
    fn cleanups_are_due_only_after_a_collection() {
        let mut it = Interp::new();
        let cb = Value::Object(it.native_fn("cb", 1, |_, _| Ok(Value::Undefined)));
        let reg = construct(&mut it, "FinalizationRegistry", &[cb]);
        let register = it.get_v(&reg, &static_key!("register")).unwrap();
        let kept = Value::Object(it.new_object());
        let gone = Value::Object(it.new_object());
        it.call(&register, &reg, &[kept.clone(), Value::from("kept")])
            .unwrap();
        it.call(&register, &reg, &[gone.clone(), Value::from("gone")])
            .unwrap();
        drop(gone);
        it.take_finalization_cleanups();
        assert!(it.take_finalization_cleanups().is_empty());
        crate::gc::collect();
        let due = it.take_finalization_cleanups();
        assert_eq!(due.len(), 1);
        assert!(matches!(&due[0].1, Value::String(s) if s.to_rust_string() == "gone"));
        assert!(kept.is_object());
    }

    #[test]
    fn primitives_cannot_be_held_weakly() {
        assert!(WeakTarget::of(&Value::Number(1.0)).is_none());
        assert!(WeakTarget::of(&Value::Undefined).is_none());
    }
}
