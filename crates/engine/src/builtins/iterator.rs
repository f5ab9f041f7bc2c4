//! `Iterator` and `%Iterator.prototype%` with the iterator helpers (`map`, `filter`, `take`,
//! `drop`, `flatMap`, `reduce`, `toArray`, `forEach`, `some`, `every`, `find`),
//! `Iterator.from` with `%WrapForValidIteratorPrototype%`, `%IteratorHelperPrototype%`,
//! `%AsyncIteratorPrototype%`, `%ArrayIteratorPrototype%`, `%StringIteratorPrototype%` and
//! `String.prototype[Symbol.iterator]`.
//!
//! ## Iterator helpers
//!
//! The spec writes each lazy helper as an Abstract Closure run by CreateIteratorFromClosure,
//! that is, as a built-in generator that `Yield`s. Here a helper is an
//! [`ObjectKind::IteratorHelper`] holding the generator state (`suspended-start`,
//! `suspended-yield`, `executing`, `completed`), the underlying Iterator Record and a
//! [`HelperOp`] with the closure's variables (counter, remaining count, inner iterator). One
//! `next()` runs [`helper_step`] from one `Yield` to the next; a `return()` while suspended
//! at a `Yield` performs what the closure does with the return completion there
//! (`IfAbruptCloseIterator`), in [`helper_close`].

use crate::interp::generator::GenState;
use crate::interp::iter::IteratorRecord;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::object_kind::IterKind;
use crate::string::JsStr;
use crate::value::Value;

/// V8's NoSideEffectsToString of `v`, for messages such as "called on incompatible
/// receiver X".
pub fn describe(it: &Interp, v: &Value) -> String {
    crate::builtins::object::no_side_effects_to_string(it, v)
}

/// `Method X called on incompatible receiver Y`.
pub fn incompatible_receiver(it: &mut Interp, method: &str, this: &Value) -> crate::interp::Abrupt {
    let d = match this {
        Value::Object(o) if o.is_callable() => {
            crate::builtins::function::function_source_text(it, o)
        }
        v => describe(it, v),
    };
    it.type_error(format!(
        "Method {method} called on incompatible receiver {d}"
    ))
}

/// CreateArrayIterator(array, kind).
pub fn create_array_iterator(it: &Interp, target: Value, kind: IterKind) -> Obj {
    Obj::new(
        Some(it.intrinsics.array_iterator_prototype.clone()),
        ObjectKind::ArrayIterator {
            target,
            index: 0,
            kind,
        },
    )
}

/// `%ArrayIteratorPrototype%.next()`.
fn array_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(match array_iterator_step(it, a.this)? {
        Some(v) => it.iter_result(v, false),
        None => it.iter_result(Value::Undefined, true),
    })
}

/// `%ArrayIteratorPrototype%.next()` without the result object: `None` when done (for-of
/// calls this directly while the iterator's `next` is the original).
pub(crate) fn array_iterator_step(it: &mut Interp, this: &Value) -> JsResult<Option<Value>> {
    let state = match this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::ArrayIterator {
                target,
                index,
                kind,
            } => Some((o.clone(), target.clone(), *index, *kind)),
            _ => None,
        },
        _ => None,
    };
    let Some((iter, target, index, kind)) = state else {
        return Err(incompatible_receiver(
            it,
            "Array Iterator.prototype.next",
            this,
        ));
    };
    let Value::Object(t) = target else {
        return Ok(None);
    };
    // A typed array's length comes from its buffer witness record; an out-of-bounds or
    // detached view is a TypeError.
    let ta_len = match &t.borrow().kind {
        ObjectKind::TypedArray(ta) => Some(ta.length()),
        _ => None,
    };
    let len = match ta_len {
        Some(Some(len)) => len as u64,
        Some(None) => {
            return Err(it.detached_view_error("Array Iterator.prototype.next"));
        }
        None => it.length_of_array_like(&t)?,
    };
    if index as u64 >= len {
        if let ObjectKind::ArrayIterator { target, .. } = &mut iter.borrow_mut().kind {
            *target = Value::Undefined;
        }
        return Ok(None);
    }
    if let ObjectKind::ArrayIterator { index: i, .. } = &mut iter.borrow_mut().kind {
        *i = index.saturating_add(1);
    }
    let key = Value::Number(index as f64);
    let result = match kind {
        IterKind::Keys => key,
        IterKind::Values => it.get(&t, &PropKey::Index(index))?,
        IterKind::Entries => {
            let v = it.get(&t, &PropKey::Index(index))?;
            Value::Object(it.new_array(vec![key, v]))
        }
    };
    Ok(Some(result))
}

/// `%ArrayIteratorPrototype%.next()` over the values of an Array exotic object or a typed
/// array when the step can neither call JavaScript nor throw: the element is an own data value
/// in the dense part (or an element of an in-bounds typed array), or the index has reached the
/// `length` (an internal slot, not a getter). `None` when the general step is needed (holes
/// read through the prototype chain, detached views, array-likes, proxies, keys and entries).
/// A step taken here is unobservable, so the caller needs no stack entry for the `next` call.
pub(crate) fn array_iterator_step_plain(iter: &Obj) -> Option<Option<Value>> {
    let mut d = iter.borrow_mut();
    let ObjectKind::ArrayIterator {
        target,
        index,
        kind: IterKind::Values,
    } = &mut d.kind
    else {
        return None;
    };
    let Value::Object(t) = target else {
        // Exhausted already: `next()` keeps answering done.
        return Some(None);
    };
    let step = {
        let td = t.borrow();
        match &td.kind {
            ObjectKind::Array { length, .. } if *index >= *length => None,
            ObjectKind::Array { .. } => match td.elements.get(*index as usize) {
                Some(v) if !matches!(v, Value::Empty) => Some(v.clone()),
                _ => return None,
            },
            // A typed array's elements are read without the prototype chain; an
            // out-of-bounds or detached view (a TypeError) takes the general step.
            ObjectKind::TypedArray(ta) => match ta.length() {
                Some(len) if *index as usize >= len => None,
                Some(_) => Some(ta.get_element(f64::from(*index))?),
                None => return None,
            },
            _ => return None,
        }
    };
    match step {
        Some(_) => *index = index.saturating_add(1),
        None => *target = Value::Undefined,
    }
    Some(step)
}

/// The code point length (1 or 2 units) at `i`.
fn code_point_len(u: &[u16], i: usize) -> usize {
    let c = u[i];
    if (0xD800..0xDC00).contains(&c) && i + 1 < u.len() && (0xDC00..0xE000).contains(&u[i + 1]) {
        2
    } else {
        1
    }
}

/// `%StringIteratorPrototype%.next()`.
fn string_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let step = match a.this {
        Value::Object(o) => string_iterator_step(o),
        _ => None,
    };
    let Some(step) = step else {
        return Err(incompatible_receiver(
            it,
            "String Iterator.prototype.next",
            a.this,
        ));
    };
    Ok(match step {
        Some(cp) => it.iter_result(cp, false),
        None => it.iter_result(Value::Undefined, true),
    })
}

/// One step of a String Iterator (the closure of CreateStringIterator, %StringIteratorPrototype%
/// .next() without its result object): `Some(Some(code point))`, `Some(None)` when done,
/// `None` when `iter` is not a String Iterator. Runs no script code and cannot throw, so
/// for-of steps it directly (`Interp::iterator_step_value`).
pub(crate) fn string_iterator_step(iter: &Obj) -> Option<Option<Value>> {
    let mut d = iter.borrow_mut();
    let ObjectKind::StringIterator { s, index } = &mut d.kind else {
        return None;
    };
    let u = s.units();
    if *index >= u.len() {
        *index = usize::MAX;
        return Some(None);
    }
    let n = code_point_len(u, *index);
    let cp = s.slice(*index, *index + n);
    *index += n;
    Some(Some(Value::String(cp)))
}

/// `String.prototype[Symbol.iterator]()`.
fn string_proto_iterator(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.this.is_nullish() {
        return Err(it.type_error("String.prototype[Symbol.iterator] called on null or undefined"));
    }
    let s: JsStr = it.to_string(a.this)?;
    Ok(Value::Object(Obj::new(
        Some(it.intrinsics.string_iterator_prototype.clone()),
        ObjectKind::StringIterator { s, index: 0 },
    )))
}

fn return_this(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

// ---- Iterator helpers ---------------------------------------------------------------------------

/// An iterator helper object's internal slots: \[\[GeneratorState\]\],
/// \[\[UnderlyingIterator\]\] and the variables of its closure.
#[derive(Debug)]
pub struct IteratorHelper {
    pub state: GenState,
    pub underlying: IteratorRecord,
    pub op: HelperOp,
}

impl IteratorHelper {
    pub fn trace(&self, t: &mut crate::gc::Tracer) {
        self.underlying.trace(t);
        match &self.op {
            HelperOp::Map { f, .. } | HelperOp::Filter { f, .. } => {
                crate::object::trace_value(f, t)
            }
            HelperOp::FlatMap { f, inner, .. } => {
                crate::object::trace_value(f, t);
                if let Some(r) = inner {
                    r.trace(t);
                }
            }
            HelperOp::Take { .. } | HelperOp::Drop { .. } => {}
        }
    }
}

/// Which helper, with the state its closure keeps between `Yield`s.
#[derive(Debug, Clone)]
pub enum HelperOp {
    Map {
        f: Value,
        counter: f64,
    },
    Filter {
        f: Value,
        counter: f64,
    },
    /// `remaining` may be +∞.
    Take {
        remaining: f64,
    },
    /// `remaining` may be +∞; 0 once the dropped values are skipped.
    Drop {
        remaining: f64,
    },
    FlatMap {
        f: Value,
        counter: f64,
        /// The inner iterator being flattened (`innerAlive`).
        inner: Option<IteratorRecord>,
    },
}

/// `O` (the this value) as an object, else V8's "X called on non-object".
fn this_object(it: &mut Interp, a: &Args, method: &str) -> JsResult<Obj> {
    match a.this {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(it.type_error(format!("{method} called on non-object"))),
    }
}

/// GetIteratorDirect(obj).
fn get_iterator_direct(it: &mut Interp, o: &Obj) -> JsResult<IteratorRecord> {
    let next = it.get(o, &static_key!("next"))?;
    Ok(IteratorRecord {
        iterator: o.clone(),
        next,
        done: false,
    })
}

/// The Iterator Record { \[\[Iterator\]\]: O, \[\[NextMethod\]\]: undefined } the helpers
/// close when their arguments are invalid.
fn unstarted_record(o: &Obj) -> IteratorRecord {
    IteratorRecord {
        iterator: o.clone(),
        next: Value::Undefined,
        done: false,
    }
}

/// Steps 3-5 of the helpers taking a function: close `O` and throw V8's TypeError when `f`
/// is not callable (`"number 5 is not a function"`).
fn require_callable(it: &mut Interp, o: &Obj, f: &Value) -> JsResult<()> {
    if it.is_callable(f) {
        return Ok(());
    }
    let e = it.type_error(format!(
        "{} is not a function",
        crate::interp::iter::not_iterable_type_text(f)
    ));
    it.iterator_close(&unstarted_record(o), Err(e))
}

/// GetIteratorFlattenable(obj, primitiveHandling): `strings` is iterate-string-primitives.
fn get_iterator_flattenable(
    it: &mut Interp,
    v: &Value,
    strings: bool,
    method_name: &str,
) -> JsResult<IteratorRecord> {
    // 1. If obj is not an Object, then a String (iterate-string-primitives) or a TypeError.
    let iterable_string = strings && matches!(v, Value::String(_));
    if !(v.is_object() || iterable_string) {
        return Err(it.type_error(format!("{method_name} called on non-object")));
    }
    // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
    let key = PropKey::Sym(it.symbols.iterator.clone());
    let m = it.get_v(v, &key)?;
    let iterator = match m {
        // 3. If method is undefined, let iterator be obj.
        Value::Undefined | Value::Null => v.clone(),
        // 4. Else, let iterator be ? Call(method, obj).
        Value::Object(f) if f.is_callable() => it.call_obj(&f, v, &[])?,
        other => {
            let s = describe(it, &other);
            let o = describe(it, v);
            return Err(it.type_error(format!(
                "'{s}' returned for property 'Symbol(Symbol.iterator)' of object '{o}' is not a function"
            )));
        }
    };
    // 5. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(io) = iterator else {
        let o = describe(it, v);
        return Err(it.type_error(format!("{o} is not iterable")));
    };
    // 6. Return ? GetIteratorDirect(iterator).
    get_iterator_direct(it, &io)
}

/// ToNumber(limit) and the RangeError checks of `take`/`drop` (steps 4-9), closing `O` on
/// failure. Returns integerLimit (maybe +∞).
fn validate_limit(it: &mut Interp, o: &Obj, limit: &Value) -> JsResult<f64> {
    let rec = unstarted_record(o);
    // 4-5. Let numLimit be Completion(ToNumber(limit)); IfAbruptCloseIterator.
    let n = match it.to_number(limit) {
        Ok(n) => n,
        Err(e) => return it.iterator_close(&rec, Err(e)),
    };
    // 6. NaN; 7. finite and > 2^53 - 1; 9. integerLimit < 0: a RangeError, closing O.
    let int = crate::value::to_integer_or_infinity(n);
    if n.is_nan() || (n.is_finite() && n > 9007199254740991.0) || int < 0.0 {
        let e = it.range_error(format!(
            "{} must be positive",
            crate::value::number_to_string(n)
        ));
        return it.iterator_close(&rec, Err(e));
    }
    Ok(int)
}

/// CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%).
fn create_helper(it: &mut Interp, underlying: IteratorRecord, op: HelperOp) -> Value {
    Value::Object(Obj::new(
        Some(it.intrinsics.iterator_helper_prototype.clone()),
        ObjectKind::IteratorHelper(Box::new(IteratorHelper {
            state: GenState::SuspendedStart,
            underlying,
            op,
        })),
    ))
}

/// Runs a helper's closure from its start or last `Yield` to the next `Yield` (`Some`) or
/// to its end (`None`).
fn helper_step(
    it: &mut Interp,
    rec: &mut IteratorRecord,
    op: &mut HelperOp,
) -> JsResult<Option<Value>> {
    match op {
        HelperOp::Map { f, counter } => {
            // i-ii. Let value be ? IteratorStepValue(iterated); done: return.
            let Some(value) = it.iterator_step_value(rec)? else {
                return Ok(None);
            };
            // iii-iv. Let mapped be Completion(Call(mapper, undefined, « value, counter »));
            // IfAbruptCloseIterator(mapped, iterated).
            let mapped = match it.call(f, &Value::Undefined, &[value, Value::Number(*counter)]) {
                Ok(m) => m,
                Err(e) => return it.iterator_close(rec, Err(e)),
            };
            // vii. Set counter to counter + 1 (the value is yielded first; only the next call
            // can observe the counter).
            *counter += 1.0;
            Ok(Some(mapped))
        }
        HelperOp::Filter { f, counter } => loop {
            let Some(value) = it.iterator_step_value(rec)? else {
                return Ok(None);
            };
            let args = [value.clone(), Value::Number(*counter)];
            let selected = match it.call(f, &Value::Undefined, &args) {
                Ok(s) => s,
                Err(e) => return it.iterator_close(rec, Err(e)),
            };
            *counter += 1.0;
            // v. If ToBoolean(selected) is true, Yield(value).
            if selected.to_boolean() {
                return Ok(Some(value));
            }
        },
        HelperOp::Take { remaining } => {
            // i. If remaining = 0, return ? IteratorClose(iterated, ReturnCompletion(undefined)).
            if *remaining == 0.0 {
                return it.iterator_close(rec, Ok(None));
            }
            // ii. If remaining ≠ +∞, set remaining to remaining - 1.
            if *remaining != f64::INFINITY {
                *remaining -= 1.0;
            }
            // iii-v. Let value be ? IteratorStepValue(iterated); done: return; Yield(value).
            it.iterator_step_value(rec)
        }
        HelperOp::Drop { remaining } => {
            // b. Repeat, while remaining > 0: IteratorStep (the values are not read).
            while *remaining > 0.0 {
                if *remaining != f64::INFINITY {
                    *remaining -= 1.0;
                }
                if it.iterator_step(rec)?.is_none() {
                    return Ok(None);
                }
            }
            // c. Repeat: Let value be ? IteratorStepValue(iterated); Yield(value).
            it.iterator_step_value(rec)
        }
        HelperOp::FlatMap { f, counter, inner } => loop {
            // viii. Repeat, while innerAlive is true.
            if let Some(inner_rec) = inner {
                match it.iterator_step_value(inner_rec) {
                    // 2. IfAbruptCloseIterator(innerValue, iterated).
                    Err(e) => return it.iterator_close(rec, Err(e)),
                    // 3. If innerValue is done, set innerAlive to false.
                    Ok(None) => *inner = None,
                    // 4. Else, Yield(innerValue).
                    Ok(Some(v)) => return Ok(Some(v)),
                }
                continue;
            }
            let Some(value) = it.iterator_step_value(rec)? else {
                return Ok(None);
            };
            let mapped = match it.call(f, &Value::Undefined, &[value, Value::Number(*counter)]) {
                Ok(m) => m,
                Err(e) => return it.iterator_close(rec, Err(e)),
            };
            // vi-vii. Let innerIterator be Completion(GetIteratorFlattenable(mapped,
            // reject-primitives)); IfAbruptCloseIterator(innerIterator, iterated).
            let inner_rec =
                match get_iterator_flattenable(it, &mapped, false, "Iterator.prototype.flatMap") {
                    Ok(r) => r,
                    Err(e) => return it.iterator_close(rec, Err(e)),
                };
            // ix. Set counter to counter + 1.
            *counter += 1.0;
            *inner = Some(inner_rec);
        },
    }
}

/// A helper suspended at a `Yield` resumed with a return completion: the closure's
/// IfAbruptCloseIterator (flatMap closes its inner iterator first).
fn helper_close(it: &mut Interp, rec: &IteratorRecord, op: &HelperOp) -> JsResult<()> {
    if let HelperOp::FlatMap {
        inner: Some(inner), ..
    } = op
    {
        // Let backupCompletion be Completion(IteratorClose(innerIterator, completion));
        // IfAbruptCloseIterator(backupCompletion, iterated).
        if let Err(e) = it.iterator_close(inner, Ok(())) {
            return it.iterator_close(rec, Err(e));
        }
    }
    // Return ? IteratorClose(iterated, completion).
    it.iterator_close(rec, Ok(()))
}

/// The helper `this` for %IteratorHelperPrototype% methods (GeneratorValidate's brand check).
fn this_helper(it: &mut Interp, a: &Args, method: &str) -> JsResult<Obj> {
    if let Value::Object(o) = a.this {
        if matches!(o.borrow().kind, ObjectKind::IteratorHelper(_)) {
            return Ok(o.clone());
        }
    }
    Err(incompatible_receiver(
        it,
        &format!("Iterator Helper.prototype.{method}"),
        a.this,
    ))
}

/// Sets the helper's state (and, when given, its closure state).
fn set_helper_state(o: &Obj, state: GenState, rec_op: Option<(IteratorRecord, HelperOp)>) {
    if let ObjectKind::IteratorHelper(h) = &mut o.borrow_mut().kind {
        h.state = state;
        if let Some((rec, op)) = rec_op {
            h.underlying = rec;
            h.op = op;
        }
    }
}

/// `%IteratorHelperPrototype%.next()`: GeneratorResume(this, undefined, "Iterator Helper").
fn helper_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_helper(it, a, "next")?;
    let (state, mut rec, mut op) = match &o.borrow().kind {
        ObjectKind::IteratorHelper(h) => (h.state, h.underlying.clone(), h.op.clone()),
        _ => return Err(it.type_error("Iterator Helper.prototype.next")),
    };
    match state {
        GenState::Executing => return Err(it.type_error("Generator is already running")),
        GenState::Completed => return Ok(it.iter_result(Value::Undefined, true)),
        GenState::SuspendedStart | GenState::SuspendedYield => {}
    }
    set_helper_state(&o, GenState::Executing, None);
    let r = helper_step(it, &mut rec, &mut op);
    match r {
        Ok(Some(v)) => {
            set_helper_state(&o, GenState::SuspendedYield, Some((rec, op)));
            Ok(it.iter_result(v, false))
        }
        Ok(None) => {
            set_helper_state(&o, GenState::Completed, Some((rec, op)));
            Ok(it.iter_result(Value::Undefined, true))
        }
        Err(e) => {
            set_helper_state(&o, GenState::Completed, Some((rec, op)));
            Err(e)
        }
    }
}

/// `%IteratorHelperPrototype%.return()`.
fn helper_return(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. Let O be this value; RequireInternalSlot(O, [[UnderlyingIterator]]).
    let o = this_helper(it, a, "return")?;
    let (state, rec, op) = match &o.borrow().kind {
        ObjectKind::IteratorHelper(h) => (h.state, h.underlying.clone(), h.op.clone()),
        _ => return Err(it.type_error("Iterator Helper.prototype.return")),
    };
    match state {
        // 4. suspended-start: completed, then ? IteratorClose(O.[[UnderlyingIterator]],
        // NormalCompletion(unused)).
        GenState::SuspendedStart => {
            set_helper_state(&o, GenState::Completed, None);
            it.iterator_close(&rec, Ok(()))?;
        }
        // 6. GeneratorResumeAbrupt(O, return completion, "Iterator Helper").
        GenState::Executing => return Err(it.type_error("Generator is already running")),
        GenState::Completed => {}
        GenState::SuspendedYield => {
            set_helper_state(&o, GenState::Executing, None);
            let r = helper_close(it, &rec, &op);
            set_helper_state(&o, GenState::Completed, None);
            r?;
        }
    }
    Ok(it.iter_result(Value::Undefined, true))
}

/// The lazy helpers taking a callback: `map`, `filter`, `flatMap`.
fn callback_helper(
    it: &mut Interp,
    a: &Args,
    name: &str,
    make: fn(Value) -> HelperOp,
) -> JsResult<Value> {
    // 1-2. If O is not an Object, throw a TypeError exception.
    let o = this_object(it, a, &format!("Iterator.prototype.{name}"))?;
    let f = a.get(0);
    // 3-4. If IsCallable(mapper) is false, close O and throw a TypeError.
    if name == "flatMap" && !it.is_callable(&f) {
        let e = it.type_error("Iterator.prototype.flatMap is not a function");
        return it.iterator_close(&unstarted_record(&o), Err(e));
    }
    require_callable(it, &o, &f)?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let rec = get_iterator_direct(it, &o)?;
    Ok(create_helper(it, rec, make(f)))
}

/// `Iterator.prototype.map(mapper)`.
fn iterator_proto_map(it: &mut Interp, a: &Args) -> JsResult<Value> {
    callback_helper(it, a, "map", |f| HelperOp::Map { f, counter: 0.0 })
}

/// `Iterator.prototype.filter(predicate)`.
fn iterator_proto_filter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    callback_helper(it, a, "filter", |f| HelperOp::Filter { f, counter: 0.0 })
}

/// `Iterator.prototype.flatMap(mapper)`.
fn iterator_proto_flat_map(it: &mut Interp, a: &Args) -> JsResult<Value> {
    callback_helper(it, a, "flatMap", |f| HelperOp::FlatMap {
        f,
        counter: 0.0,
        inner: None,
    })
}

/// `Iterator.prototype.take(limit)`.
fn iterator_proto_take(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_object(it, a, "Iterator.prototype.take")?;
    let remaining = validate_limit(it, &o, &a.get(0))?;
    let rec = get_iterator_direct(it, &o)?;
    Ok(create_helper(it, rec, HelperOp::Take { remaining }))
}

/// `Iterator.prototype.drop(limit)`.
fn iterator_proto_drop(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_object(it, a, "Iterator.prototype.drop")?;
    let remaining = validate_limit(it, &o, &a.get(0))?;
    let rec = get_iterator_direct(it, &o)?;
    Ok(create_helper(it, rec, HelperOp::Drop { remaining }))
}

/// The eager helpers' common start: `O`, the callback checked (closing `O`), and
/// GetIteratorDirect(O).
fn eager_start(it: &mut Interp, a: &Args, name: &str) -> JsResult<(IteratorRecord, Value)> {
    let o = this_object(it, a, &format!("Iterator.prototype.{name}"))?;
    let f = a.get(0);
    require_callable(it, &o, &f)?;
    let rec = get_iterator_direct(it, &o)?;
    Ok((rec, f))
}

/// `Iterator.prototype.reduce(reducer [, initialValue])`.
fn iterator_proto_reduce(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (mut rec, f) = eager_start(it, a, "reduce")?;
    // 6-7. Without initialValue the first value is the accumulator.
    let (mut acc, mut counter) = if a.len() < 2 {
        match it.iterator_step_value(&mut rec)? {
            Some(v) => (v, 1.0),
            None => {
                return Err(it.type_error("Reduce of a done iterator with no initial value"));
            }
        }
    } else {
        (a.get(1), 0.0)
    };
    loop {
        let Some(value) = it.iterator_step_value(&mut rec)? else {
            return Ok(acc);
        };
        let args = [acc, value, Value::Number(counter)];
        acc = match it.call(&f, &Value::Undefined, &args) {
            Ok(r) => r,
            Err(e) => return it.iterator_close(&rec, Err(e)),
        };
        counter += 1.0;
    }
}

/// `Iterator.prototype.toArray()`.
fn iterator_proto_to_array(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_object(it, a, "Iterator.prototype.toArray")?;
    let mut rec = get_iterator_direct(it, &o)?;
    let mut items = Vec::new();
    while let Some(v) = it.iterator_step_value(&mut rec)? {
        items.push(v);
    }
    Ok(Value::Object(it.new_array(items)))
}

/// How `forEach`/`some`/`every`/`find` treat the callback's result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    ForEach,
    Some,
    Every,
    Find,
}

/// `forEach`, `some`, `every` and `find`: call the function on each value; `some`/`every`/
/// `find` stop early and close the iterator with their answer.
fn eager_search(it: &mut Interp, a: &Args, name: &str, kind: Search) -> JsResult<Value> {
    let (mut rec, f) = eager_start(it, a, name)?;
    let mut counter = 0.0;
    loop {
        let Some(value) = it.iterator_step_value(&mut rec)? else {
            return Ok(match kind {
                Search::ForEach | Search::Find => Value::Undefined,
                Search::Some => Value::Bool(false),
                Search::Every => Value::Bool(true),
            });
        };
        let args = [value.clone(), Value::Number(counter)];
        let r = match it.call(&f, &Value::Undefined, &args) {
            Ok(r) => r,
            Err(e) => return it.iterator_close(&rec, Err(e)),
        };
        let answer = match kind {
            Search::ForEach => None,
            Search::Some => r.to_boolean().then_some(Value::Bool(true)),
            Search::Every => (!r.to_boolean()).then_some(Value::Bool(false)),
            Search::Find => r.to_boolean().then_some(value),
        };
        if let Some(v) = answer {
            // Return ? IteratorClose(iterated, NormalCompletion(answer)).
            return it.iterator_close(&rec, Ok(v));
        }
        counter += 1.0;
    }
}

fn iterator_proto_for_each(it: &mut Interp, a: &Args) -> JsResult<Value> {
    eager_search(it, a, "forEach", Search::ForEach)
}
fn iterator_proto_some(it: &mut Interp, a: &Args) -> JsResult<Value> {
    eager_search(it, a, "some", Search::Some)
}
fn iterator_proto_every(it: &mut Interp, a: &Args) -> JsResult<Value> {
    eager_search(it, a, "every", Search::Every)
}
fn iterator_proto_find(it: &mut Interp, a: &Args) -> JsResult<Value> {
    eager_search(it, a, "find", Search::Find)
}

/// `Iterator.prototype[Symbol.dispose]()`.
fn iterator_proto_dispose(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 2. Let return be ? GetMethod(O, "return").
    if let Some(r) = it.get_method(a.this, &static_key!("return"))? {
        // 3. If return is not undefined, perform ? Call(return, O, « »).
        it.call_obj(&r, a.this, &[])?;
    }
    Ok(Value::Undefined)
}

/// `Iterator()`: an abstract class, constructible only as a subclass's `super()`.
fn iterator_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is either undefined or the active function object, throw a TypeError.
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor Iterator requires 'new'"));
    };
    if Obj::ptr_eq(nt, a.callee) {
        return Err(it.type_error("Abstract class Iterator not directly constructable"));
    }
    // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
    let proto = it.get_prototype_from_constructor(nt, |i| i.iterator_prototype.clone())?;
    Ok(Value::Object(Obj::new(Some(proto), ObjectKind::Ordinary)))
}

/// `Iterator.from(O)`.
fn iterator_from(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, iterate-string-primitives).
    let rec = get_iterator_flattenable(it, &a.get(0), true, "Iterator.from")?;
    // 2-3. If OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]), return it.
    let ctor = Value::Object(it.intrinsics.iterator_ctor.clone());
    let iter = Value::Object(rec.iterator.clone());
    if it.ordinary_has_instance(&ctor, &iter)? {
        return Ok(iter);
    }
    // 4-6. A wrapper of %WrapForValidIteratorPrototype% with [[Iterated]] = iteratorRecord.
    Ok(Value::Object(Obj::new(
        Some(it.intrinsics.wrap_for_valid_iterator_prototype.clone()),
        ObjectKind::WrapForValidIterator(Box::new(rec)),
    )))
}

/// The \[\[Iterated\]\] record of a %WrapForValidIteratorPrototype% `this`.
fn this_wrapped(it: &mut Interp, a: &Args, method: &str) -> JsResult<IteratorRecord> {
    if let Value::Object(o) = a.this {
        if let ObjectKind::WrapForValidIterator(r) = &o.borrow().kind {
            return Ok((**r).clone());
        }
    }
    Err(incompatible_receiver(
        it,
        &format!("%WrapForValidIteratorPrototype%.{method}"),
        a.this,
    ))
}

/// `%WrapForValidIteratorPrototype%.next()`.
fn wrap_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rec = this_wrapped(it, a, "next")?;
    // 4. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    if !it.is_callable(&rec.next) {
        let t = crate::interp::iter::not_iterable_type_text(&rec.next);
        return Err(it.type_error(format!("{t} is not a function")));
    }
    it.call(&rec.next, &Value::Object(rec.iterator), &[])
}

/// `%WrapForValidIteratorPrototype%.return()`.
fn wrap_return(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let rec = this_wrapped(it, a, "return")?;
    let iter = Value::Object(rec.iterator);
    // 5. Let returnMethod be ? GetMethod(iterator, "return").
    match it.get_method(&iter, &static_key!("return"))? {
        // 6. If returnMethod is undefined, return CreateIteratorResultObject(undefined, true).
        None => Ok(it.iter_result(Value::Undefined, true)),
        // 7. Return ? Call(returnMethod, iterator).
        Some(m) => it.call_obj(&m, &iter, &[]),
    }
}

/// The getter of `Iterator.prototype[Symbol.toStringTag]`.
fn iterator_proto_tag_get(_it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::from("Iterator"))
}

/// The getter of `Iterator.prototype.constructor`.
fn iterator_proto_ctor_get(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::Object(it.intrinsics.iterator_ctor.clone()))
}

/// SetterThatIgnoresPrototypeProperties(this, %Iterator.prototype%, p, v).
fn setter_ignoring_prototype(
    it: &mut Interp,
    this: &Value,
    p: PropKey,
    v: Value,
    setter_name: &str,
) -> JsResult<Value> {
    // 1. If thisValue is not an Object, throw a TypeError exception.
    let Value::Object(o) = this else {
        return Err(it.type_error(format!("{setter_name} called on non-object")));
    };
    // 2. If SameValue(thisValue, home) is true, throw a TypeError exception.
    if Obj::ptr_eq(o, &it.intrinsics.iterator_prototype) {
        return Err(it.type_error(format!(
            "Cannot assign to read only property '{}' of object '[object Object]'",
            crate::interp::ops::key_display(&p)
        )));
    }
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    if it.get_own_property(o, &p)?.is_none() {
        // 4. If desc is undefined, perform ? CreateDataPropertyOrThrow(thisValue, p, v).
        it.create_data_property_or_throw(o, p, v)?;
    } else {
        // 5. Else, perform ? Set(thisValue, p, v, true).
        it.set(o, p, v, true)?;
    }
    Ok(Value::Undefined)
}

fn iterator_proto_tag_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let key = PropKey::Sym(it.symbols.to_string_tag.clone());
    setter_ignoring_prototype(
        it,
        a.this,
        key,
        a.get(0),
        "set Iterator.prototype[Symbol.toStringTag]",
    )
}

fn iterator_proto_ctor_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    setter_ignoring_prototype(
        it,
        a.this,
        static_key!("constructor"),
        a.get(0),
        "set Iterator.prototype.constructor",
    )
}

/// `Iterator`, `%Iterator.prototype%` (V8's property order), %IteratorHelperPrototype% and
/// %WrapForValidIteratorPrototype%.
fn init_iterator(it: &mut Interp) {
    let ip = it.intrinsics.iterator_prototype.clone();
    let ctor = it.native_fn_with("Iterator", 0, iterator_constructor, true, Vec::new());
    ctor.define("prototype", Value::Object(ip.clone()), Attrs::NONE);
    it.define_method(&ctor, "from", 1, iterator_from);
    it.intrinsics.iterator_ctor = ctor.clone();

    // constructor and [Symbol.toStringTag]: accessors whose setters ignore the prototype.
    let get = it.native_fn("get constructor", 0, iterator_proto_ctor_get);
    let set = it.native_fn("set constructor", 1, iterator_proto_ctor_set);
    ip.define_accessor(
        "constructor",
        Some(get),
        Some(set),
        Attrs::CONFIGURABLE_ONLY,
    );
    it.define_method(&ip, "reduce", 1, iterator_proto_reduce);
    it.define_method(&ip, "toArray", 0, iterator_proto_to_array);
    it.define_method(&ip, "forEach", 1, iterator_proto_for_each);
    it.define_method(&ip, "some", 1, iterator_proto_some);
    it.define_method(&ip, "every", 1, iterator_proto_every);
    it.define_method(&ip, "find", 1, iterator_proto_find);
    it.define_method(&ip, "map", 1, iterator_proto_map);
    it.define_method(&ip, "filter", 1, iterator_proto_filter);
    it.define_method(&ip, "take", 1, iterator_proto_take);
    it.define_method(&ip, "drop", 1, iterator_proto_drop);
    it.define_method(&ip, "flatMap", 1, iterator_proto_flat_map);
    let iter_sym = it.symbols.iterator.clone();
    it.define_symbol_method(&ip, &iter_sym, "[Symbol.iterator]", 0, return_this);
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    let get = it.native_fn("get [Symbol.toStringTag]", 0, iterator_proto_tag_get);
    let set = it.native_fn("set [Symbol.toStringTag]", 1, iterator_proto_tag_set);
    ip.define_accessor(tag.clone(), Some(get), Some(set), Attrs::CONFIGURABLE_ONLY);
    let dispose = it.symbols.dispose.clone();
    it.define_symbol_method(&ip, &dispose, "[Symbol.dispose]", 0, iterator_proto_dispose);

    // %IteratorHelperPrototype%
    let hp = it.intrinsics.iterator_helper_prototype.clone();
    it.define_method(&hp, "next", 0, helper_next);
    it.define_method(&hp, "return", 0, helper_return);
    hp.define(
        tag,
        Value::from("Iterator Helper"),
        Attrs::CONFIGURABLE_ONLY,
    );

    // %WrapForValidIteratorPrototype%
    let wp = it.intrinsics.wrap_for_valid_iterator_prototype.clone();
    it.define_method(&wp, "next", 0, wrap_next);
    it.define_method(&wp, "return", 0, wrap_return);

    super::define_global(it, "Iterator", Value::Object(ctor));
}

pub fn init(it: &mut Interp) {
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    let iter_sym = it.symbols.iterator.clone();

    // Iterator and %Iterator.prototype%
    init_iterator(it);

    // %AsyncIteratorPrototype%
    let aip = it.intrinsics.async_iterator_prototype.clone();
    let async_sym = it.symbols.async_iterator.clone();
    it.define_symbol_method(&aip, &async_sym, "[Symbol.asyncIterator]", 0, return_this);

    // %ArrayIteratorPrototype%
    let arr_ip = it.intrinsics.array_iterator_prototype.clone();
    let next = it.define_method_obj(&arr_ip, "next", 0, array_iterator_next);
    it.original_next.array = Some(next);
    arr_ip.define(
        tag.clone(),
        Value::from("Array Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );

    // %StringIteratorPrototype%
    let str_ip = it.intrinsics.string_iterator_prototype.clone();
    let next = it.define_method_obj(&str_ip, "next", 0, string_iterator_next);
    it.original_next.string = Some(next);
    str_ip.define(
        tag,
        Value::from("String Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );

    let sp = it.intrinsics.string_prototype.clone();
    it.define_symbol_method(
        &sp,
        &iter_sym,
        "[Symbol.iterator]",
        0,
        string_proto_iterator,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call_method(it: &mut Interp, this: &Value, name: &PropKey) -> Value {
        let f = it.get_v(this, name).unwrap();
        it.call(&f, this, &[]).unwrap()
    }

    fn step(it: &mut Interp, iter: &Value) -> (Value, bool) {
        let r = call_method(it, iter, &static_key!("next"));
        let Value::Object(r) = r else { panic!() };
        let v = it.get(&r, &static_key!("value")).unwrap();
        let d = it.get(&r, &static_key!("done")).unwrap();
        (v, d.to_boolean())
    }

    #[test]
    fn string_iterator_by_code_points() {
        let mut it = Interp::new();
        let s = Value::String(JsStr::from_units(vec![0x61, 0xD83D, 0xDE00, 0x62, 0xD800]));
        let key = PropKey::Sym(it.symbols.iterator.clone());
        let iter = call_method(&mut it, &s, &key);
        let mut lens = vec![];
        loop {
            let (v, done) = step(&mut it, &iter);
            if done {
                break;
            }
            let Value::String(x) = v else { panic!() };
            lens.push(x.len());
        }
        assert_eq!(lens, vec![1, 2, 1, 1]);
        assert!(step(&mut it, &iter).1);
    }

    #[test]
    fn array_iterator_on_array_like() {
        let mut it = Interp::new();
        let o = it.new_object();
        o.define("length", Value::from(2.0), Attrs::DEFAULT);
        o.define(PropKey::Index(0), Value::from("x"), Attrs::DEFAULT);
        let iter = Value::Object(create_array_iterator(
            &it,
            Value::Object(o),
            IterKind::Entries,
        ));
        let (v, d) = step(&mut it, &iter);
        assert!(!d);
        let Value::Object(pair) = v else { panic!() };
        assert!(pair.is_array());
        let (v, d) = step(&mut it, &iter);
        assert!(!d);
        let Value::Object(pair) = v else { panic!() };
        assert!(it.get(&pair, &PropKey::Index(1)).unwrap().is_undefined());
        assert!(step(&mut it, &iter).1);
    }

    #[test]
    fn iterator_prototype_returns_this() {
        let mut it = Interp::new();
        let ip = Value::Object(it.intrinsics.iterator_prototype.clone());
        let key = PropKey::Sym(it.symbols.iterator.clone());
        let r = call_method(&mut it, &ip, &key);
        assert!(r.strict_equals(&ip));
    }
}
