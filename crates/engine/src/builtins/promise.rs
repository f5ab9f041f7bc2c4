//! `Promise`: constructor, `then`/`catch`/`finally`, and the combinators.

use std::cell::Cell;

use crate::interp::jobs::{Capability, GenericCapability, Handler};
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey, PropRef, Slot};
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.promise_prototype.clone();
    let ctor = it.native_fn_with("Promise", 1, promise_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);
    it.intrinsics.promise_ctor = ctor.clone();
    it.intrinsics.promise_then = it.define_method_obj(&proto, "then", 2, promise_then);
    it.define_method(&proto, "catch", 1, promise_catch);
    it.define_method(&proto, "finally", 1, promise_finally);
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    proto.define(tag, Value::from("Promise"), Attrs::CONFIGURABLE_ONLY);
    // V8's order of the statics (`Reflect.ownKeys(Promise)`).
    it.define_method(&ctor, "all", 1, |it, a| combinator(it, a, Combinator::All));
    it.define_method(&ctor, "allSettled", 1, |it, a| {
        combinator(it, a, Combinator::AllSettled)
    });
    it.define_method(&ctor, "any", 1, |it, a| combinator(it, a, Combinator::Any));
    it.define_method(&ctor, "race", 1, |it, a| {
        combinator(it, a, Combinator::Race)
    });
    it.define_method(&ctor, "resolve", 1, promise_resolve_static);
    it.define_method(&ctor, "reject", 1, promise_reject_static);
    it.define_method(&ctor, "withResolvers", 0, promise_with_resolvers);
    it.define_method(&ctor, "try", 1, promise_try);
    let species = PropKey::Sym(it.symbols.species.clone());
    it.define_getter(&ctor, species.clone(), |_, a| Ok(a.this.clone()));
    if let Some(Slot::Accessor(a)) = ctor.get_own_property(&species).map(|p| p.slot) {
        if let Some(g) = &a.get {
            it.intrinsics.promise_species_get = g.clone();
        }
    }
    super::define_global(it, "Promise", Value::Object(ctor.clone()));
}

/// Promise(executor)
fn promise_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Promise constructor cannot be invoked without 'new'"));
    };
    let executor = a.get(0);
    if !it.is_callable(&executor) {
        let s = crate::builtins::object::no_side_effects_to_string(it, &executor);
        return Err(it.type_error(format!("Promise resolver {s} is not a function")));
    }
    let proto = it.get_prototype_from_constructor(nt, |i| i.promise_prototype.clone())?;
    let p = it.new_promise();
    p.borrow_mut().proto = Some(proto);
    let (res, rej) = it.create_resolving_functions(&p);
    if let Err(Abrupt::Throw(e)) = it.call(
        &executor,
        &Value::Undefined,
        &[Value::Object(res), Value::Object(rej.clone())],
    ) {
        it.call_obj(&rej, &Value::Undefined, &[e])?;
    }
    Ok(Value::Object(p))
}

/// NewPromiseCapability(C).
pub fn new_promise_capability(it: &mut Interp, c: &Value) -> JsResult<Capability> {
    if let Value::Object(co) = c {
        if Obj::ptr_eq(co, &it.intrinsics.promise_ctor) {
            return Ok(Capability::Native(it.new_promise()));
        }
    }
    let Value::Object(co) = c.clone() else {
        return Err(it.type_error("Promise resolve or reject function is not callable"));
    };
    if !co.is_constructor() {
        let s = crate::builtins::object::no_side_effects_to_string(it, c);
        return Err(it.type_error(format!("{s} is not a constructor")));
    }
    let record = Obj::new(
        None,
        ObjectKind::Internal(vec![Value::Undefined, Value::Undefined]),
    );
    let executor = it.native_fn_with(
        "",
        2,
        get_capabilities_executor,
        false,
        vec![Value::Object(record.clone())],
    );
    let promise = it.construct(&co, &[Value::Object(executor)], None)?;
    let (resolve, reject) = match &record.borrow().kind {
        ObjectKind::Internal(v) => (v[0].clone(), v[1].clone()),
        _ => (Value::Undefined, Value::Undefined),
    };
    if !it.is_callable(&resolve) || !it.is_callable(&reject) {
        return Err(it.type_error("Promise resolve or reject function is not callable"));
    }
    Ok(Capability::Generic(Box::new(GenericCapability {
        promise,
        resolve,
        reject,
    })))
}

fn get_capabilities_executor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let record = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.first().cloned(),
        _ => None,
    };
    let Some(Value::Object(record)) = record else {
        return Ok(Value::Undefined);
    };
    let mut d = record.borrow_mut();
    if let ObjectKind::Internal(v) = &mut d.kind {
        if !v[0].is_undefined() || !v[1].is_undefined() {
            drop(d);
            return Err(it.type_error(
                "Promise executor has already been invoked with non-undefined arguments",
            ));
        }
        v[0] = a.get(0);
        v[1] = a.get(1);
    }
    Ok(Value::Undefined)
}

fn this_promise(it: &mut Interp, this: &Value, method: &str) -> JsResult<Obj> {
    match this {
        Value::Object(o) if matches!(o.borrow().kind, ObjectKind::Promise(_)) => Ok(o.clone()),
        _ => {
            let s = crate::builtins::object::no_side_effects_to_string(it, this);
            Err(it.type_error(format!(
                "Method Promise.prototype.{method} called on incompatible receiver {s}"
            )))
        }
    }
}

thread_local! {
    /// `"constructor"` and `"then"`, interned once per thread: every `then` checks the
    /// species, and every promise resolved with a promise reads its `then` (interning the
    /// names each time was 5 % of a 10^5-deep `.then` recursion, issue #12).
    static PROMISE_KEYS: [PropKey; 2] = ["constructor", "then"].map(PropKey::from);
}

/// The property key `"constructor"` (interned once).
pub(crate) fn constructor_key() -> PropKey {
    PROMISE_KEYS.with(|k| k[0].clone())
}

/// The property key `"then"` (interned once).
pub(crate) fn then_key() -> PropKey {
    PROMISE_KEYS.with(|k| k[1].clone())
}

/// SpeciesConstructor(O, defaultConstructor).
pub fn species_constructor(it: &mut Interp, o: &Obj, default: &Obj) -> JsResult<Value> {
    let c = it.get(o, &constructor_key())?;
    if c.is_undefined() {
        return Ok(Value::Object(default.clone()));
    }
    let Value::Object(co) = &c else {
        return Err(it.type_error("The .constructor property is not an object"));
    };
    let s = it.get(co, &PropKey::Sym(it.symbols.species.clone()))?;
    if s.is_nullish() {
        return Ok(Value::Object(default.clone()));
    }
    if matches!(&s, Value::Object(so) if so.is_constructor()) {
        return Ok(s);
    }
    Err(it.type_error("object.constructor[Symbol.species] is not a constructor"))
}

/// Whether `thenable.then(resolve, reject)` with this `then` would be the built-in
/// `Promise.prototype.then` on a built-in promise whose species lookup is the default one and
/// observes nothing (no own `constructor`, `%Promise.prototype%.constructor` is `%Promise%`,
/// `%Promise%[Symbol.species]` is the original getter). Then NewPromiseResolveThenableJob may
/// link the two promises directly (V8's fast path): the resolving functions and the derived
/// promise it would make are never visible to script.
pub fn then_is_intact(it: &Interp, thenable: &Obj, then: &Value) -> bool {
    let Value::Object(then) = then else {
        return false;
    };
    Obj::ptr_eq(then, &it.intrinsics.promise_then) && species_is_default(it, thenable)
}

/// The keys the promise fast paths check, and where each property was last found (a hint
/// per property, see [`crate::object::PropMap::get_hinted`]): every `then` and every promise
/// resolved with a promise asks whether the species lookup and the `then` lookup would find
/// the originals (twice a level of a `.then` recursion: interning the keys and searching the
/// property lists was ~650 instructions a level, issue #12).
pub struct PromiseLookup {
    constructor: PropKey,
    then: PropKey,
    species: PropKey,
    /// `constructor` in %Promise.prototype%.
    proto_constructor: Cell<u32>,
    /// `then` in %Promise.prototype%.
    proto_then: Cell<u32>,
    /// @@species in %Promise%.
    ctor_species: Cell<u32>,
}

impl PromiseLookup {
    pub fn new(symbols: &crate::interp::realm::WellKnownSymbols) -> PromiseLookup {
        PromiseLookup {
            constructor: constructor_key(),
            then: then_key(),
            species: PropKey::Sym(symbols.species.clone()),
            proto_constructor: Cell::new(0),
            proto_then: Cell::new(0),
            ctor_species: Cell::new(0),
        }
    }
}

/// Whether `o` is a built-in promise whose `[[Get]]` of a named key goes straight to
/// %Promise.prototype%: its prototype is that object and it has no own properties (a
/// promise has no exotic ones).
fn is_plain_promise(it: &Interp, o: &Obj) -> bool {
    let d = o.borrow();
    matches!(d.kind, ObjectKind::Promise(_))
        && d.props.is_empty()
        && d.proto
            .as_ref()
            .is_some_and(|p| Obj::ptr_eq(p, &it.intrinsics.promise_prototype))
}

/// Whether SpeciesConstructor(`p`, %Promise%) would answer %Promise% without observing
/// anything: `p` is a built-in promise with %Promise.prototype% as prototype and no own
/// `constructor`, `%Promise.prototype%.constructor` is the data property %Promise%, and
/// `%Promise%[Symbol.species]` is the original getter (which returns its receiver).
fn species_is_default(it: &Interp, thenable: &Obj) -> bool {
    // Read in place, cloning no key, value or descriptor, at the remembered positions:
    // every `then` and every promise resolved with a promise asks this (issue #12).
    let lookup = &it.promise_lookup;
    {
        let d = thenable.borrow();
        if !matches!(d.kind, ObjectKind::Promise(_))
            || !d
                .proto
                .as_ref()
                .is_some_and(|p| Obj::ptr_eq(p, &it.intrinsics.promise_prototype))
            || (!d.props.is_empty() && d.props.get(&lookup.constructor).is_some())
        {
            return false;
        }
    }
    let ctor_ok = matches!(
        it.intrinsics
            .promise_prototype
            .borrow()
            .props
            .get_hinted(&lookup.constructor, &lookup.proto_constructor),
        Some(PropRef { slot: Slot::Data(Value::Object(c)), .. })
            if Obj::ptr_eq(c, &it.intrinsics.promise_ctor)
    );
    ctor_ok
        && matches!(
            it.intrinsics
                .promise_ctor
                .borrow()
                .props
                .get_hinted(&lookup.species, &lookup.ctor_species),
            Some(PropRef { slot: Slot::Accessor(a), .. })
                if a.get.as_ref().is_some_and(|g| Obj::ptr_eq(g, &it.intrinsics.promise_species_get))
        )
}

/// `Get(promise, "constructor")` for PromiseResolve (see [`get_from_plain_promise`]).
pub(crate) fn get_constructor(it: &mut Interp, promise: &Obj) -> JsResult<Value> {
    get_from_plain_promise(it, promise, |l| (&l.constructor, &l.proto_constructor))
}

/// `Get(resolution, "then")` for the resolve functions (see [`get_from_plain_promise`]).
pub(crate) fn get_then(it: &mut Interp, resolution: &Obj) -> JsResult<Value> {
    get_from_plain_promise(it, resolution, |l| (&l.then, &l.proto_then))
}

/// `Get(o, key)` for one of %Promise.prototype%'s keys (`pick` gives the key and its
/// remembered position there): read in place when `o` is a promise with no own properties
/// whose prototype is %Promise.prototype% and the key is a data property there (the usual
/// case: nothing observable is skipped); otherwise the ordinary `[[Get]]`.
fn get_from_plain_promise(
    it: &mut Interp,
    o: &Obj,
    pick: fn(&PromiseLookup) -> (&PropKey, &Cell<u32>),
) -> JsResult<Value> {
    let (key, hint) = pick(&it.promise_lookup);
    if is_plain_promise(it, o) {
        if let Some(PropRef {
            slot: Slot::Data(v),
            ..
        }) = it
            .intrinsics
            .promise_prototype
            .borrow()
            .props
            .get_hinted(key, hint)
        {
            return Ok(v.clone());
        }
    }
    let key = key.clone();
    it.get(o, &key)
}

fn promise_then(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let p = this_promise(it, a.this, "then")?;
    let cap = if species_is_default(it, &p) {
        // NewPromiseCapability(%Promise%), skipping the unobservable lookups.
        Capability::Native(it.new_promise())
    } else {
        let default = it.intrinsics.promise_ctor.clone();
        let c = species_constructor(it, &p, &default)?;
        new_promise_capability(it, &c)?
    };
    let result = cap.promise();
    let on_f = a.get(0);
    let on_r = a.get(1);
    let on_f = if it.is_callable(&on_f) {
        on_f
    } else {
        Value::Undefined
    };
    let on_r = if it.is_callable(&on_r) {
        on_r
    } else {
        Value::Undefined
    };
    it.perform_promise_then(&p, Handler::Js(on_f), Handler::Js(on_r), Some(cap));
    Ok(result)
}

fn invoke_then(it: &mut Interp, p: &Value, args: &[Value]) -> JsResult<Value> {
    let then = it.get_v(p, &then_key())?;
    it.call(&then, p, args)
}

fn promise_catch(it: &mut Interp, a: &Args) -> JsResult<Value> {
    invoke_then(it, a.this, &[Value::Undefined, a.get(0)])
}

fn promise_finally(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Value::Object(p) = a.this else {
        return Err(it.type_error("Promise.prototype.finally called on non-object"));
    };
    let default = it.intrinsics.promise_ctor.clone();
    let c = species_constructor(it, p, &default)?;
    let on_finally = a.get(0);
    if !it.is_callable(&on_finally) {
        return invoke_then(it, a.this, &[on_finally.clone(), on_finally]);
    }
    let then_finally = it.native_fn_with(
        "",
        1,
        then_finally_fn,
        false,
        vec![on_finally.clone(), c.clone()],
    );
    let catch_finally = it.native_fn_with("", 1, catch_finally_fn, false, vec![on_finally, c]);
    invoke_then(
        it,
        a.this,
        &[Value::Object(then_finally), Value::Object(catch_finally)],
    )
}

fn captures(a: &Args) -> Vec<Value> {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => n.captures.clone(),
        _ => Vec::new(),
    }
}

fn then_finally_fn(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let caps = captures(a);
    let (f, c) = (caps[0].clone(), caps[1].clone());
    let result = it.call(&f, &Value::Undefined, &[])?;
    let p = promise_resolve(it, &c, result)?;
    let value_thunk = it.native_fn_with(
        "",
        0,
        |_, a| Ok(captures(a)[0].clone()),
        false,
        vec![a.get(0)],
    );
    invoke_then(it, &p, &[Value::Object(value_thunk)])
}

fn catch_finally_fn(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let caps = captures(a);
    let (f, c) = (caps[0].clone(), caps[1].clone());
    let result = it.call(&f, &Value::Undefined, &[])?;
    let p = promise_resolve(it, &c, result)?;
    let thrower = it.native_fn_with(
        "",
        0,
        |_, a| Err(Abrupt::Throw(captures(a)[0].clone())),
        false,
        vec![a.get(0)],
    );
    invoke_then(it, &p, &[Value::Object(thrower)])
}

/// PromiseResolve(C, x).
pub fn promise_resolve(it: &mut Interp, c: &Value, x: Value) -> JsResult<Value> {
    let Value::Object(xo) = &x else {
        if matches!(c, Value::Object(co) if Obj::ptr_eq(co, &it.intrinsics.promise_ctor)) {
            // NewPromiseCapability(%Promise%) and its resolve function called with a
            // non-object: a promise fulfilled with `x` before anything can observe it.
            return Ok(Value::Object(it.new_fulfilled_promise(x)));
        }
        let cap = new_promise_capability(it, c)?;
        it.resolve_capability(&cap, x)?;
        return Ok(cap.promise());
    };
    if matches!(xo.borrow().kind, ObjectKind::Promise(_)) {
        let xc = get_constructor(it, xo)?;
        if xc.same_value(c) {
            return Ok(x);
        }
    }
    let cap = new_promise_capability(it, c)?;
    it.resolve_capability(&cap, x)?;
    Ok(cap.promise())
}

fn promise_resolve_static(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(it.type_error("PromiseResolve called on non-object"));
    }
    promise_resolve(it, a.this, a.get(0))
}

fn promise_reject_static(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(it.type_error("PromiseReject called on non-object"));
    }
    let cap = new_promise_capability(it, a.this)?;
    it.reject_capability(&cap, a.get(0))?;
    Ok(cap.promise())
}

fn promise_with_resolvers(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(it.type_error("Promise.withResolvers called on non-object"));
    }
    let cap = new_promise_capability(it, a.this)?;
    let (promise, resolve, reject) = match cap {
        Capability::Generic(g) => {
            let GenericCapability {
                promise,
                resolve,
                reject,
            } = *g;
            (promise, resolve, reject)
        }
        Capability::Native(p) => {
            let (r, j) = it.create_resolving_functions(&p);
            (Value::Object(p), Value::Object(r), Value::Object(j))
        }
    };
    let o = it.new_object();
    o.define("promise", promise, Attrs::DEFAULT);
    o.define("resolve", resolve, Attrs::DEFAULT);
    o.define("reject", reject, Attrs::DEFAULT);
    Ok(Value::Object(o))
}

fn promise_try(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(it.type_error("Promise.try called on non-object"));
    }
    let cap = new_promise_capability(it, a.this)?;
    let args: Vec<Value> = a.args.iter().skip(1).cloned().collect();
    match it.call(&a.get(0), &Value::Undefined, &args) {
        Ok(v) => it.resolve_capability(&cap, v)?,
        Err(Abrupt::Throw(e)) => it.reject_capability(&cap, e)?,
        Err(e) => return Err(e),
    }
    Ok(cap.promise())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Combinator {
    All,
    AllSettled,
    Any,
    Race,
}

/// Promise.all / allSettled / any / race (PerformPromiseAll etc.).
fn combinator(it: &mut Interp, a: &Args, kind: Combinator) -> JsResult<Value> {
    let c = a.this.clone();
    if !c.is_object() {
        let name = match kind {
            Combinator::All => "all",
            Combinator::AllSettled => "allSettled",
            Combinator::Any => "any",
            Combinator::Race => "race",
        };
        return Err(it.type_error(format!("Promise.{name} called on non-object")));
    }
    let cap = new_promise_capability(it, &c)?;
    let r = (|| -> JsResult<Value> {
        let resolve_fn = it.get_v(&c, &static_key!("resolve"))?;
        if !it.is_callable(&resolve_fn) {
            return Err(it.type_error("Promise resolve or reject function is not callable"));
        }
        let mut rec = it.get_iterator(&a.get(0))?;
        // Shared state: [values array, remaining count]
        let values = it.new_array(Vec::new());
        let state = Obj::new(
            None,
            ObjectKind::Internal(vec![Value::Object(values.clone()), Value::Number(1.0)]),
        );
        let mut index: u32 = 0;
        let (cap_resolve, cap_reject) = capability_functions(it, &cap);
        loop {
            let next = it.iterator_step_value(&mut rec)?;
            let Some(next) = next else { break };
            if kind != Combinator::Race {
                values.define(PropKey::Index(index), Value::Undefined, Attrs::DEFAULT);
            }
            let next_promise = match it.call(&resolve_fn, &c, &[next]) {
                Ok(p) => p,
                Err(e) => return it.iterator_close(&rec, Err(e)),
            };
            let flag = Value::Object(Obj::new(
                None,
                ObjectKind::Internal(vec![Value::Bool(false)]),
            ));
            let mk = |it: &mut Interp, f: crate::interp::NativeFn, extra: Value| {
                Value::Object(it.native_fn_with(
                    "",
                    1,
                    f,
                    false,
                    vec![
                        Value::Object(state.clone()),
                        Value::Number(index as f64),
                        flag.clone(),
                        extra,
                        // For V8's async stack trace: the promise the combinator settles.
                        cap.promise(),
                    ],
                ))
            };
            let (on_f, on_r) = match kind {
                Combinator::All => (
                    mk(it, all_resolve_element, cap_resolve.clone()),
                    cap_reject.clone(),
                ),
                Combinator::AllSettled => (
                    mk(it, settled_fulfilled_element, cap_resolve.clone()),
                    mk(it, settled_rejected_element, cap_resolve.clone()),
                ),
                Combinator::Any => (
                    cap_resolve.clone(),
                    mk(it, any_reject_element, cap_reject.clone()),
                ),
                Combinator::Race => (cap_resolve.clone(), cap_reject.clone()),
            };
            if kind != Combinator::Race {
                bump_remaining(&state, 1.0);
            }
            if let Err(e) = invoke_then(it, &next_promise, &[on_f, on_r]) {
                return it.iterator_close(&rec, Err(e));
            }
            index += 1;
        }
        if kind != Combinator::Race && bump_remaining(&state, -1.0) == 0.0 {
            if kind == Combinator::Any {
                let err = make_aggregate_error(it, &values);
                it.call(&cap_reject, &Value::Undefined, &[err])?;
            } else {
                it.call(&cap_resolve, &Value::Undefined, &[Value::Object(values)])?;
            }
        }
        Ok(cap.promise())
    })();
    match r {
        Ok(v) => Ok(v),
        Err(Abrupt::Throw(e)) => {
            it.reject_capability(&cap, e)?;
            Ok(cap.promise())
        }
        Err(e) => Err(e),
    }
}

fn capability_functions(it: &mut Interp, cap: &Capability) -> (Value, Value) {
    match cap {
        Capability::Generic(g) => (g.resolve.clone(), g.reject.clone()),
        Capability::Native(p) => {
            let (r, j) = it.create_resolving_functions(p);
            (Value::Object(r), Value::Object(j))
        }
    }
}

fn bump_remaining(state: &Obj, delta: f64) -> f64 {
    let mut d = state.borrow_mut();
    if let ObjectKind::Internal(v) = &mut d.kind {
        if let Value::Number(n) = &mut v[1] {
            *n += delta;
            return *n;
        }
    }
    0.0
}

fn element_state(a: &Args) -> Option<(Obj, u32, Obj, Value)> {
    let caps = captures(a);
    match (caps.first(), caps.get(1), caps.get(2), caps.get(3)) {
        (Some(Value::Object(s)), Some(Value::Number(i)), Some(Value::Object(f)), Some(extra)) => {
            Some((s.clone(), *i as u32, f.clone(), extra.clone()))
        }
        _ => None,
    }
}

/// A combinator's element function, seen from V8's async stack trace.
pub(crate) struct CombinatorElement {
    pub combinator: &'static str,
    pub index: u32,
    /// The combinator's promise, unless this element was already called (V8 can no longer
    /// reach it then).
    pub promise: Option<Obj>,
}

/// Whether `f` is a Promise.all / allSettled resolve element function (`reject`: a
/// Promise.any reject element function), and which one.
pub(crate) fn combinator_element(f: &Obj, reject: bool) -> Option<CombinatorElement> {
    let d = f.borrow();
    let ObjectKind::Native(nf) = &d.kind else {
        return None;
    };
    let is = |g: crate::interp::NativeFn| std::ptr::fn_addr_eq(nf.f, g);
    let combinator = if reject {
        if !is(any_reject_element) {
            return None;
        }
        "Promise.any"
    } else if is(all_resolve_element) {
        "Promise.all"
    } else if is(settled_fulfilled_element) {
        "Promise.allSettled"
    } else {
        return None;
    };
    let index = match nf.captures.get(1) {
        Some(Value::Number(i)) => *i as u32,
        _ => return None,
    };
    let called = match nf.captures.get(2) {
        Some(Value::Object(flag)) => matches!(
            &flag.borrow().kind,
            ObjectKind::Internal(v) if matches!(v.first(), Some(Value::Bool(true)))
        ),
        _ => true,
    };
    let promise = match nf.captures.get(4) {
        Some(Value::Object(p)) if !called => Some(p.clone()),
        _ => None,
    };
    Some(CombinatorElement {
        combinator,
        index,
        promise,
    })
}

fn already_called(flag: &Obj) -> bool {
    let mut d = flag.borrow_mut();
    if let ObjectKind::Internal(v) = &mut d.kind {
        if let Some(Value::Bool(true)) = v.first() {
            return true;
        }
        v[0] = Value::Bool(true);
    }
    false
}

fn values_of(state: &Obj) -> Option<Obj> {
    match &state.borrow().kind {
        ObjectKind::Internal(v) => v.first().and_then(|x| x.as_object().cloned()),
        _ => None,
    }
}

fn store_and_maybe_finish(
    it: &mut Interp,
    a: &Args,
    value: Value,
    aggregate: bool,
) -> JsResult<Value> {
    let Some((state, index, flag, finish)) = element_state(a) else {
        return Ok(Value::Undefined);
    };
    if already_called(&flag) {
        return Ok(Value::Undefined);
    }
    let Some(values) = values_of(&state) else {
        return Ok(Value::Undefined);
    };
    values.define(PropKey::Index(index), value, Attrs::DEFAULT);
    if bump_remaining(&state, -1.0) == 0.0 {
        let arg = if aggregate {
            make_aggregate_error(it, &values)
        } else {
            Value::Object(values)
        };
        it.call(&finish, &Value::Undefined, &[arg])?;
    }
    Ok(Value::Undefined)
}

fn all_resolve_element(it: &mut Interp, a: &Args) -> JsResult<Value> {
    store_and_maybe_finish(it, a, a.get(0), false)
}

fn settled_fulfilled_element(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.new_object();
    o.define("status", Value::from("fulfilled"), Attrs::DEFAULT);
    o.define("value", a.get(0), Attrs::DEFAULT);
    store_and_maybe_finish(it, a, Value::Object(o), false)
}

fn settled_rejected_element(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.new_object();
    o.define("status", Value::from("rejected"), Attrs::DEFAULT);
    o.define("reason", a.get(0), Attrs::DEFAULT);
    store_and_maybe_finish(it, a, Value::Object(o), false)
}

fn any_reject_element(it: &mut Interp, a: &Args) -> JsResult<Value> {
    store_and_maybe_finish(it, a, a.get(0), true)
}

fn make_aggregate_error(it: &mut Interp, errors: &Obj) -> Value {
    let proto = it.intrinsics.aggregate_error_prototype.clone();
    let e = it.make_error(&proto, "All promises were rejected");
    // V8 creates this error without capturing frames: its stack is the header alone, so Node
    // prints it as `[AggregateError: All promises were rejected] { [errors]: [...] }`.
    it.set_error_stack(
        &e,
        Value::from("AggregateError: All promises were rejected"),
    );
    e.define("errors", Value::Object(errors.clone()), Attrs::HIDDEN);
    Value::Object(e)
}
