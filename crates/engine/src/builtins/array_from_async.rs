//! `Array.fromAsync(asyncItems [, mapper [, thisArg]])`.
//!
//! The spec runs an Abstract Closure with `Await`s through AsyncFunctionStart. Here the
//! closure is a state machine: a [`FromAsyncState`] object carries the variables across each
//! `Await` ([`Interp::await_native`]), and each continuation (`on_*`) runs one step to the
//! next `Await`, or settles the result promise. A throw completion anywhere rejects the
//! promise, closing the iterator first where the spec says IfAbruptCloseAsyncIterator.

use crate::builtins::array::{construct_or_array, create_idx, num, set_length, MAX_SAFE};
use crate::interp::iter::IteratorRecord;
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Obj, ObjectKind, PropKey};
use crate::value::Value;

/// The variables of the fromAsync closure.
#[derive(Debug)]
pub struct FromAsyncState {
    /// The promise of promiseCapability (a %Promise%).
    promise: Obj,
    /// `mapper` when mapping is true.
    mapper: Option<Value>,
    this_arg: Value,
    /// A, once created.
    target: Option<Obj>,
    k: u64,
    source: Source,
    /// The error AsyncIteratorClose rejects with once `return()`'s result is awaited.
    closing_error: Value,
}

#[derive(Debug)]
enum Source {
    /// Not yet known (before step 3.h).
    Pending,
    /// An async iterator (or an AsyncFromSyncIterator over a sync one).
    Iterator(IteratorRecord),
    /// An array-like object and its length.
    ArrayLike(Obj, u64),
}

impl FromAsyncState {
    pub fn trace(&self, t: &mut crate::gc::Tracer) {
        t.edge(&self.promise.0);
        if let Some(m) = &self.mapper {
            crate::object::trace_value(m, t);
        }
        crate::object::trace_value(&self.this_arg, t);
        crate::object::trace_value(&self.closing_error, t);
        if let Some(a) = &self.target {
            t.edge(&a.0);
        }
        match &self.source {
            Source::Pending => {}
            Source::Iterator(r) => r.trace(t),
            Source::ArrayLike(o, _) => t.edge(&o.0),
        }
    }
}

/// Runs `f` on the state (no script code may run inside).
fn with_state<R>(st: &Obj, f: impl FnOnce(&mut FromAsyncState) -> R) -> Option<R> {
    match &mut st.borrow_mut().kind {
        ObjectKind::FromAsync(s) => Some(f(s)),
        _ => None,
    }
}

/// The variables a step reads: a copy, so that script code may run meanwhile.
struct Vars {
    promise: Obj,
    target: Option<Obj>,
    k: u64,
    mapper: Option<Value>,
    this_arg: Value,
}

fn vars(st: &Obj) -> Option<Vars> {
    with_state(st, |s| Vars {
        promise: s.promise.clone(),
        target: s.target.clone(),
        k: s.k,
        mapper: s.mapper.clone(),
        this_arg: s.this_arg.clone(),
    })
}

/// The variables once A exists: (A, k, mapper, thisArg).
fn started(st: &Obj) -> Option<(Obj, u64, Option<Value>, Value)> {
    let v = vars(st)?;
    Some((v.target?, v.k, v.mapper, v.this_arg))
}

fn iterator_of(st: &Obj) -> Option<IteratorRecord> {
    with_state(st, |s| match &s.source {
        Source::Iterator(r) => Some(r.clone()),
        _ => None,
    })
    .flatten()
}

/// `Array.fromAsync(asyncItems [, mapper [, thisArg]])`.
pub fn array_from_async(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let C be the this value. 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let c = a.this.clone();
    let promise = it.new_promise();
    let mapper = a.get(1);
    let st = Obj::new(
        None,
        ObjectKind::FromAsync(Box::new(FromAsyncState {
            promise: promise.clone(),
            mapper: (!mapper.is_undefined()).then_some(mapper),
            this_arg: a.get(2),
            target: None,
            k: 0,
            source: Source::Pending,
            closing_error: Value::Undefined,
        })),
    );
    // 4. AsyncFunctionStart(promiseCapability, fromAsyncClosure).
    let r = start(it, &st, &c, &a.get(0));
    settle_on_error(it, &st, r)?;
    Ok(Value::Object(promise))
}

/// Rejects the result promise with a throw completion (other abrupt completions, such as
/// termination, propagate).
fn settle_on_error(it: &mut Interp, st: &Obj, r: JsResult<()>) -> JsResult<()> {
    match r {
        Ok(()) => Ok(()),
        Err(Abrupt::Throw(e)) => {
            if let Some(v) = vars(st) {
                it.reject_promise(&v.promise, e);
            }
            Ok(())
        }
        Err(other) => Err(other),
    }
}

fn resolve(it: &mut Interp, st: &Obj, v: Value) {
    if let Some(vs) = vars(st) {
        it.resolve_promise(&vs.promise, v);
    }
}

/// Steps 3.a-i up to the first `Await`.
fn start(it: &mut Interp, st: &Obj, c: &Value, items: &Value) -> JsResult<()> {
    // a-b. mapper, when given, must be callable.
    if let Some(Vars {
        mapper: Some(m), ..
    }) = vars(st)
    {
        if !it.is_callable(&m) {
            let s = crate::builtins::iterator::describe(it, &m);
            return Err(it.type_error(format!("{s} is not a function")));
        }
    }
    // c-d. Let usingAsyncIterator be ? GetMethod(asyncItems, %Symbol.asyncIterator%), else
    // usingSyncIterator be ? GetMethod(asyncItems, %Symbol.iterator%).
    if items.is_nullish() {
        let what = if items.is_undefined() {
            "undefined"
        } else {
            "null"
        };
        return Err(it.type_error(format!(
            "Cannot read properties of {what} (reading 'Symbol(Symbol.asyncIterator)')"
        )));
    }
    let method = |it: &mut Interp, key: PropKey, name: &str| -> JsResult<Option<Value>> {
        match it.get_v(items, &key)? {
            Value::Undefined | Value::Null => Ok(None),
            m if it.is_callable(&m) => Ok(Some(m)),
            _ => Err(it.type_error(format!(
                "Array.fromAsync requires that the property of the first argument, items[{name}], when exists, be a function"
            ))),
        }
    };
    let async_key = PropKey::Sym(it.symbols.async_iterator.clone());
    let using_async = method(it, async_key, "Symbol.asyncIterator")?;
    let using_sync = match using_async {
        Some(_) => None,
        None => {
            let key = PropKey::Sym(it.symbols.iterator.clone());
            method(it, key, "Symbol.iterator")?
        }
    };
    // e-g. The iterator record: async, or CreateAsyncFromSyncIterator of a sync one.
    let rec = match (using_async, using_sync) {
        (Some(m), _) => Some(it.get_iterator_from_method(items, &m)?),
        (None, Some(m)) => {
            let sync = it.get_iterator_from_method(items, &m)?;
            Some(it.create_async_from_sync_iterator(sync)?)
        }
        (None, None) => None,
    };
    match rec {
        Some(rec) => {
            // h.i-ii. A: Construct(C) if C is a constructor, else ArrayCreate(0).
            let target = construct_or_array(it, c, &[], 0)?;
            with_state(st, |s| {
                s.target = Some(target);
                s.source = Source::Iterator(rec);
            });
            iterator_step(it, st)
        }
        None => {
            // i.ii-v. arrayLike = ! ToObject(asyncItems); len; A = Construct(C, « len ») or
            // ArrayCreate(len).
            let array_like = it.to_object(items)?;
            let len = it.length_of_array_like(&array_like)?;
            let target = construct_or_array(it, c, &[num(len)], len)?;
            with_state(st, |s| {
                s.target = Some(target);
                s.source = Source::ArrayLike(array_like, len);
            });
            array_like_step(it, st)
        }
    }
}

// ---- the iterator path (3.h.iv) ------------------------------------------------------------------

/// One iteration up to `Await(nextResult)`.
fn iterator_step(it: &mut Interp, st: &Obj) -> JsResult<()> {
    let (Some(rec), Some(Vars { k, .. })) = (iterator_of(st), vars(st)) else {
        return Ok(());
    };
    // 1. If k ≥ 2^53 - 1, close the iterator with a TypeError.
    if k >= MAX_SAFE {
        let e = it.type_error("Invalid array length");
        let Abrupt::Throw(e) = e else {
            return Err(e);
        };
        return async_iterator_close(it, st, e);
    }
    // 3. Let nextResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    let next = it.call(&rec.next, &Value::Object(rec.iterator.clone()), &[])?;
    // 4. Set nextResult to ? Await(nextResult).
    it.await_native(next, on_next_result, st)
}

/// After `Await(nextResult)`: steps 5-13.
fn on_next_result(it: &mut Interp, st: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let r = next_result(it, st, outcome);
    settle_on_error(it, st, r)
}

fn next_result(it: &mut Interp, st: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let result = outcome.map_err(Abrupt::Throw)?;
    let Some((target, k, mapper, this_arg)) = started(st) else {
        return Ok(());
    };
    // 5. If nextResult is not an Object, throw a TypeError exception.
    let Value::Object(ro) = result else {
        // Sic: V8 names the method, not the value.
        return Err(it.type_error("Iterator result Array.fromAsync is not an object"));
    };
    // 6-7. If ? IteratorComplete(nextResult): Set(A, "length", k, true) and return A.
    if it.get(&ro, &static_key!("done"))?.to_boolean() {
        set_length(it, &target, k)?;
        resolve(it, st, Value::Object(target));
        return Ok(());
    }
    // 8. Let nextValue be ? IteratorValue(nextResult).
    let value = it.get(&ro, &static_key!("value"))?;
    match mapper {
        // 9. Let mappedValue be Call(mapper, thisArg, « nextValue, 𝔽(k) »), then Await it;
        // IfAbruptCloseAsyncIterator after each.
        Some(m) => {
            let awaited = it
                .call(&m, &this_arg, &[value, num(k)])
                .and_then(|mapped| it.await_native(mapped, on_mapped_value, st));
            match awaited {
                Ok(()) => Ok(()),
                Err(Abrupt::Throw(e)) => async_iterator_close(it, st, e),
                Err(other) => Err(other),
            }
        }
        // 10. Else, let mappedValue be nextValue.
        None => define_and_continue(it, st, &target, k, value),
    }
}

/// After `Await(mappedValue)` (step 9.c-d).
fn on_mapped_value(it: &mut Interp, st: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let r = match outcome {
        Err(e) => async_iterator_close(it, st, e),
        Ok(v) => match started(st) {
            Some((target, k, ..)) => define_and_continue(it, st, &target, k, v),
            _ => Ok(()),
        },
    };
    settle_on_error(it, st, r)
}

/// Steps 11-13: CreateDataPropertyOrThrow(A, Pk, mappedValue) (closing the iterator if that
/// throws), k + 1, next iteration.
fn define_and_continue(it: &mut Interp, st: &Obj, target: &Obj, k: u64, v: Value) -> JsResult<()> {
    match create_idx(it, target, k, v) {
        Ok(()) => {}
        Err(Abrupt::Throw(e)) => return async_iterator_close(it, st, e),
        Err(other) => return Err(other),
    }
    with_state(st, |s| s.k = k + 1);
    iterator_step(it, st)
}

/// AsyncIteratorClose(iteratorRecord, ThrowCompletion(error)): calls `return` and awaits its
/// result, then rejects with `error` whatever `return` did.
fn async_iterator_close(it: &mut Interp, st: &Obj, error: Value) -> JsResult<()> {
    let Some(rec) = iterator_of(st) else {
        return Err(Abrupt::Throw(error));
    };
    let iter = Value::Object(rec.iterator.clone());
    let closing = match it.get_method(&iter, &static_key!("return")) {
        Ok(Some(ret)) => it.call_obj(&ret, &iter, &[]),
        Ok(None) => return Err(Abrupt::Throw(error)),
        Err(e) => Err(e),
    };
    let awaited = match closing {
        Ok(inner) => {
            with_state(st, |s| s.closing_error = error.clone());
            it.await_native(inner, on_closed, st)
        }
        Err(e) => Err(e),
    };
    match awaited {
        Ok(()) => Ok(()),
        // The throw completion being closed with wins over `return`'s errors.
        Err(Abrupt::Throw(_)) => Err(Abrupt::Throw(error)),
        Err(other) => Err(other),
    }
}

/// After the awaited `return()` of AsyncIteratorClose: reject with the saved error.
fn on_closed(it: &mut Interp, st: &Obj, _outcome: Result<Value, Value>) -> JsResult<()> {
    let error = with_state(st, |s| s.closing_error.clone()).unwrap_or_default();
    settle_on_error(it, st, Err(Abrupt::Throw(error)))
}

// ---- the array-like path (3.i.vii) ---------------------------------------------------------------

/// One iteration up to `Await(kValue)`, or the end: Set(A, "length", len, true), return A.
fn array_like_step(it: &mut Interp, st: &Obj) -> JsResult<()> {
    let Some((target, k, ..)) = started(st) else {
        return Ok(());
    };
    let Some(Some((array_like, len))) = with_state(st, |s| match &s.source {
        Source::ArrayLike(o, len) => Some((o.clone(), *len)),
        _ => None,
    }) else {
        return Ok(());
    };
    if k >= len {
        set_length(it, &target, len)?;
        resolve(it, st, Value::Object(target));
        return Ok(());
    }
    // 2-3. Let kValue be ? Get(arrayLike, Pk); set kValue to ? Await(kValue).
    let v = it.get(&array_like, &crate::interp::ops::index_key(k))?;
    it.await_native(v, on_array_like_value, st)
}

/// After `Await(kValue)`: map (and await) or define.
fn on_array_like_value(it: &mut Interp, st: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let r = (|| {
        let v = outcome.map_err(Abrupt::Throw)?;
        let Some((target, k, mapper, this_arg)) = started(st) else {
            return Ok(());
        };
        match mapper {
            // 4. Let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »); ? Await it.
            Some(m) => {
                let mapped = it.call(&m, &this_arg, &[v, num(k)])?;
                it.await_native(mapped, on_array_like_mapped, st)
            }
            None => array_like_define(it, st, &target, k, v),
        }
    })();
    settle_on_error(it, st, r)
}

/// After `Await(mappedValue)` on the array-like path.
fn on_array_like_mapped(it: &mut Interp, st: &Obj, outcome: Result<Value, Value>) -> JsResult<()> {
    let r = (|| {
        let v = outcome.map_err(Abrupt::Throw)?;
        let Some((target, k, ..)) = started(st) else {
            return Ok(());
        };
        array_like_define(it, st, &target, k, v)
    })();
    settle_on_error(it, st, r)
}

/// 6-7. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue); k + 1; next iteration.
fn array_like_define(it: &mut Interp, st: &Obj, target: &Obj, k: u64, v: Value) -> JsResult<()> {
    create_idx(it, target, k, v)?;
    with_state(st, |s| s.k = k + 1);
    array_like_step(it, st)
}
