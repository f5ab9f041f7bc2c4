//! `%TypedArray%.prototype` (ECMA-262 §23.2.3): the accessors (`buffer`, `byteLength`,
//! `byteOffset`, `length`, `@@toStringTag`) and every method. Each method validates its
//! receiver with ValidateTypedArray (V8's "this is not a typed array." / "Cannot perform
//! %TypedArray%.prototype.X on a detached ArrayBuffer") and then follows the spec's steps,
//! reading elements through TypedArrayGetElement, so a buffer resized or detached by a
//! callback reads as undefined, exactly as `! Get(O, Pk)` does.

use std::cmp::Ordering;

use crate::builtins::array_buffer::{
    clamp_relative, copy_buffer_bytes, is_shared_array_buffer, read_buffer, set_value_in_buffer,
    with_buffer,
};
use crate::builtins::iterator::{create_array_iterator, describe, incompatible_receiver};
use crate::builtins::typed_array::{typed_array_data, TypedArrayData};
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::object_kind::IterKind;
use crate::string::{JsStr, JsStrBuilder};
use crate::value::Value;

fn m(name: &str) -> String {
    format!("%TypedArray%.prototype.{name}")
}

/// A callback that cannot be called: V8 throws from the built-in, where no call expression
/// of the script names it, so the message shows its type (`string "x"`, `object`).
fn not_a_function(it: &mut Interp, v: &Value) -> Abrupt {
    let d = crate::interp::iter::not_iterable_type_text(v);
    it.type_error(format!("{d} is not a function"))
}

fn require_callable(it: &mut Interp, v: &Value) -> JsResult<()> {
    if it.is_callable(v) {
        Ok(())
    } else {
        Err(not_a_function(it, v))
    }
}

fn num(n: usize) -> Value {
    Value::Number(n as f64)
}

/// `! Get(O, ! ToString(𝔽(k)))` on a typed array: TypedArrayGetElement.
fn get_k(o: &Obj, k: usize) -> Value {
    match &o.borrow().kind {
        ObjectKind::TypedArray(ta) => ta.get_element(k as f64).unwrap_or(Value::Undefined),
        _ => Value::Undefined,
    }
}

/// `? Set(O, ! ToString(𝔽(k)), v, true)` on a typed array: TypedArraySetElement (the
/// conversion may run user code).
fn set_k(it: &mut Interp, o: &Obj, k: usize, v: &Value) -> JsResult<()> {
    it.typed_array_set_element(o, k as f64, v)
}

/// The relative index clamping of the slice-like methods (ToIntegerOrInfinity, then
/// clamped to 0..=len).
fn relative_index(it: &mut Interp, v: &Value, len: usize) -> JsResult<usize> {
    let r = it.to_integer_or_infinity(v)?;
    Ok(clamp_relative(r, len as f64) as usize)
}

/// The end index: `len` when `end` is undefined.
fn relative_end(it: &mut Interp, v: &Value, len: usize) -> JsResult<usize> {
    if v.is_undefined() {
        return Ok(len);
    }
    relative_index(it, v, len)
}

// ---- accessors ----------------------------------------------------------------------------------

/// RequireInternalSlot(O, [[TypedArrayName]]) for the accessors.
fn this_typed_array(
    it: &mut Interp,
    this: &Value,
    method: &str,
) -> JsResult<(Obj, TypedArrayData)> {
    if let Value::Object(o) = this {
        if let Some(ta) = typed_array_data(o) {
            return Ok((o.clone(), ta));
        }
    }
    Err(incompatible_receiver(it, method, this))
}

/// `get %TypedArray%.prototype.buffer`.
fn ta_buffer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-4. Return O.[[ViewedArrayBuffer]].
    let (_, ta) = this_typed_array(it, a.this, "get %TypedArray%.prototype.buffer")?;
    Ok(Value::Object(ta.buffer))
}

/// `get %TypedArray%.prototype.byteLength`.
fn ta_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, ta) = this_typed_array(it, a.this, "get TypedArray.prototype.byteLength")?;
    // 5-6. Return TypedArrayByteLength(taRecord) (0 when out of bounds).
    Ok(num(ta.byte_length()))
}

/// `get %TypedArray%.prototype.byteOffset`.
fn ta_byte_offset(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, ta) = this_typed_array(it, a.this, "get TypedArray.prototype.byteOffset")?;
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    if ta.length().is_none() {
        return Ok(num(0));
    }
    // 6-7. Return 𝔽(O.[[ByteOffset]]).
    Ok(num(ta.byte_offset))
}

/// `get %TypedArray%.prototype.length`.
fn ta_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, ta) = this_typed_array(it, a.this, "get TypedArray.prototype.length")?;
    // 5-7. TypedArrayLength(taRecord), or 0 when out of bounds.
    Ok(num(ta.length().unwrap_or(0)))
}

/// `get %TypedArray%.prototype[@@toStringTag]`.
fn ta_to_string_tag(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 2-3. Not an Object, or no [[TypedArrayName]]: undefined.
    // 4-6. Return O.[[TypedArrayName]].
    Ok(match a.this {
        Value::Object(o) => match typed_array_data(o) {
            Some(ta) => Value::from(ta.ty.constructor_name()),
            None => Value::Undefined,
        },
        _ => Value::Undefined,
    })
}

// ---- iteration ----------------------------------------------------------------------------------

fn iterator_method(it: &mut Interp, a: &Args, name: &str, kind: IterKind) -> JsResult<Value> {
    // 1-2. Perform ? ValidateTypedArray(O, seq-cst).
    let (o, _, _) = it.validate_typed_array(a.this, &m(name))?;
    // 3. Return CreateArrayIterator(O, kind).
    Ok(Value::Object(create_array_iterator(
        it,
        Value::Object(o),
        kind,
    )))
}

fn ta_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    iterator_method(it, a, "entries", IterKind::Entries)
}
fn ta_keys(it: &mut Interp, a: &Args) -> JsResult<Value> {
    iterator_method(it, a, "keys", IterKind::Keys)
}
fn ta_values(it: &mut Interp, a: &Args) -> JsResult<Value> {
    iterator_method(it, a, "values", IterKind::Values)
}

// ---- methods ------------------------------------------------------------------------------------

/// `%TypedArray%.prototype.at(index)`.
fn ta_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m("at"))?;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let rel = it.to_integer_or_infinity(&a.get(0))?;
    // 5-6. k = relativeIndex, or len + relativeIndex when negative.
    let k = if rel >= 0.0 { rel } else { len as f64 + rel };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 8. Return ! Get(O, ! ToString(𝔽(k))).
    Ok(get_k(&o, k as usize))
}

/// `%TypedArray%.prototype.copyWithin(target, start [, end])`.
fn ta_copy_within(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("copyWithin");
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &name)?;
    // 4-6. targetIndex.
    let target_index = relative_index(it, &a.get(0), len)?;
    // 7-9. startIndex.
    let start_index = relative_index(it, &a.get(1), len)?;
    // 10-12. endIndex.
    let end_index = relative_end(it, &a.get(2), len)?;
    // 13. Let count be min(endIndex - startIndex, len - targetIndex).
    let count = (end_index as i64 - start_index as i64).min(len as i64 - target_index as i64);
    // 14. If count > 0, then
    if count > 0 {
        // c-d. Set taRecord; if out of bounds, throw a TypeError exception.
        let Some(len) = ta.length() else {
            return Err(it.detached_view_error(&name));
        };
        // e-h. Set count to min(count, len - startIndex, len - targetIndex).
        let count = (count)
            .min(len as i64 - start_index as i64)
            .min(len as i64 - target_index as i64);
        if count > 0 {
            let size = ta.ty.size();
            // i-l. The byte indices and the byte count; m. copy, as memmove does.
            let to = target_index * size + ta.byte_offset;
            let from = start_index * size + ta.byte_offset;
            copy_buffer_bytes(&ta.buffer, from, &ta.buffer, to, count as usize * size);
        }
    }
    // 15. Return O.
    Ok(Value::Object(o))
}

/// The shared loop of `every` and `some`: stops when the callback's result is `stop_on`.
fn every_some(it: &mut Interp, a: &Args, name: &str, stop_on: bool) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m(name))?;
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let f = a.get(0);
    require_callable(it, &f)?;
    let this_arg = a.get(1);
    let ov = Value::Object(o.clone());
    // 5-6. For each k: testResult = ToBoolean(? Call(callbackfn, thisArg, « kValue, 𝔽(k), O »)).
    for k in 0..len {
        let v = get_k(&o, k);
        let r = it.call(&f, &this_arg, &[v, num(k), ov.clone()])?;
        if r.to_boolean() == stop_on {
            return Ok(Value::Bool(stop_on));
        }
    }
    // 7. Return the opposite.
    Ok(Value::Bool(!stop_on))
}

fn ta_every(it: &mut Interp, a: &Args) -> JsResult<Value> {
    every_some(it, a, "every", false)
}
fn ta_some(it: &mut Interp, a: &Args) -> JsResult<Value> {
    every_some(it, a, "some", true)
}

/// `%TypedArray%.prototype.fill(value [, start [, end]])`.
fn ta_fill(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("fill");
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &name)?;
    // 4-5. Set value to ? ToBigInt(value) or ? ToNumber(value).
    let value = it.to_element_numeric(ta.ty, &a.get(0))?;
    // 6-8. startIndex.
    let start = relative_index(it, &a.get(1), len)?;
    // 9-11. endIndex.
    let end = relative_end(it, &a.get(2), len)?;
    // 12-13. Set taRecord; if out of bounds, throw a TypeError exception.
    let Some(len) = ta.length() else {
        return Err(it.detached_view_error(&name));
    };
    // 14-15. Set endIndex to min(endIndex, len).
    let end = end.min(len);
    // 16-17. Set each element in start..end.
    if start < end {
        let raw = crate::builtins::array_buffer::numeric_to_raw_bytes(ta.ty, &value, true);
        let size = ta.ty.size();
        with_buffer(&ta.buffer, |b| {
            if let Some(mut data) = b.bytes_mut() {
                for k in start..end {
                    let at = ta.byte_offset + k * size;
                    if let Some(dst) = data.get_mut(at..at + size) {
                        dst.copy_from_slice(&raw[..size]);
                    }
                }
            }
        });
    }
    // 18. Return O.
    Ok(Value::Object(o))
}

/// `%TypedArray%.prototype.filter(callbackfn [, thisArg])`.
fn ta_filter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("filter");
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &name)?;
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let f = a.get(0);
    require_callable(it, &f)?;
    let this_arg = a.get(1);
    let ov = Value::Object(o.clone());
    // 5-8. Keep the values the callback selects.
    let mut kept = Vec::new();
    for k in 0..len {
        let v = get_k(&o, k);
        let selected = it.call(&f, &this_arg, &[v.clone(), num(k), ov.clone()])?;
        if selected.to_boolean() {
            kept.push(v);
        }
    }
    // 9. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(captured) »).
    let (arr, _) = it.typed_array_species_create(&o, ta.ty, &[num(kept.len())], &name)?;
    // 10-12. ! Set(A, ! ToString(𝔽(n)), e, true) for each kept value.
    for (n, e) in kept.iter().enumerate() {
        set_k(it, &arr, n, e)?;
    }
    // 13. Return A.
    Ok(Value::Object(arr))
}

/// FindViaPredicate(O, len, direction, predicate, thisArg) for the four find methods.
fn find_impl(
    it: &mut Interp,
    a: &Args,
    name: &str,
    last: bool,
    want_index: bool,
) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m(name))?;
    // FindViaPredicate 1. If IsCallable(predicate) is false, throw a TypeError exception.
    let f = a.get(0);
    require_callable(it, &f)?;
    let this_arg = a.get(1);
    let ov = Value::Object(o.clone());
    // 2-4. Visit the indices in the direction's order.
    for i in 0..len {
        let k = if last { len - 1 - i } else { i };
        let v = get_k(&o, k);
        let r = it.call(&f, &this_arg, &[v.clone(), num(k), ov.clone()])?;
        if r.to_boolean() {
            return Ok(if want_index { num(k) } else { v });
        }
    }
    // 5. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
    Ok(if want_index {
        Value::Number(-1.0)
    } else {
        Value::Undefined
    })
}

fn ta_find(it: &mut Interp, a: &Args) -> JsResult<Value> {
    find_impl(it, a, "find", false, false)
}
fn ta_find_index(it: &mut Interp, a: &Args) -> JsResult<Value> {
    find_impl(it, a, "findIndex", false, true)
}
fn ta_find_last(it: &mut Interp, a: &Args) -> JsResult<Value> {
    find_impl(it, a, "findLast", true, false)
}
fn ta_find_last_index(it: &mut Interp, a: &Args) -> JsResult<Value> {
    find_impl(it, a, "findLastIndex", true, true)
}

/// `%TypedArray%.prototype.forEach(callbackfn [, thisArg])`.
fn ta_for_each(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, _, len) = it.validate_typed_array(a.this, &m("forEach"))?;
    let f = a.get(0);
    require_callable(it, &f)?;
    let this_arg = a.get(1);
    let ov = Value::Object(o.clone());
    for k in 0..len {
        let v = get_k(&o, k);
        it.call(&f, &this_arg, &[v, num(k), ov.clone()])?;
    }
    Ok(Value::Undefined)
}

/// The start index of `includes`/`indexOf` from `fromIndex` (`None`: nothing to search).
fn from_index(it: &mut Interp, v: &Value, len: usize) -> JsResult<Option<usize>> {
    // Let n be ? ToIntegerOrInfinity(fromIndex).
    let n = it.to_integer_or_infinity(v)?;
    // If n = +∞, return false / -1.
    if n == f64::INFINITY {
        return Ok(None);
    }
    // If n = -∞, set n to 0; a negative n counts from the end.
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    Ok(Some(k as usize))
}

/// `%TypedArray%.prototype.includes(searchElement [, fromIndex])`.
fn ta_includes(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m("includes"))?;
    // 4. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Bool(false));
    }
    // 5-10. The start index.
    let Some(start) = from_index(it, &a.get(1), len)? else {
        return Ok(Value::Bool(false));
    };
    let search = a.get(0);
    // 11. SameValueZero against each ! Get(O, k) (undefined past a shrunk length).
    for k in start..len {
        if get_k(&o, k).same_value_zero(&search) {
            return Ok(Value::Bool(true));
        }
    }
    // 12. Return false.
    Ok(Value::Bool(false))
}

/// `%TypedArray%.prototype.indexOf(searchElement [, fromIndex])`.
fn ta_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, ta, len) = it.validate_typed_array(a.this, &m("indexOf"))?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let Some(start) = from_index(it, &a.get(1), len)? else {
        return Ok(Value::Number(-1.0));
    };
    let search = a.get(0);
    // 11. For each k: if ! HasProperty(O, Pk) and IsStrictlyEqual(searchElement, elementK),
    //     return 𝔽(k).
    for k in start..len {
        if let Some(v) = ta.get_element(k as f64) {
            if v.strict_equals(&search) {
                return Ok(num(k));
            }
        }
    }
    let _ = o;
    // 12. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// `%TypedArray%.prototype.lastIndexOf(searchElement [, fromIndex])`.
fn ta_last_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (_, ta, len) = it.validate_typed_array(a.this, &m("lastIndexOf"))?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 5. If fromIndex is present, let fromIndex be ? ToIntegerOrInfinity(fromIndex); else
    //    let fromIndex be len - 1.
    let n = if a.len() > 1 {
        it.to_integer_or_infinity(&a.get(1))?
    } else {
        len as f64 - 1.0
    };
    // 6. If fromIndex = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    // 7-8. k = min(fromIndex, len - 1), or len + fromIndex when negative.
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let search = a.get(0);
    // 9. Repeat, while k ≥ 0: if present and IsStrictlyEqual, return k.
    let mut k = k as usize;
    loop {
        if let Some(v) = ta.get_element(k as f64) {
            if v.strict_equals(&search) {
                return Ok(num(k));
            }
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    // 10. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// `%TypedArray%.prototype.join(separator)`.
fn ta_join(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m("join"))?;
    // 4-5. Let sep be "," or ? ToString(separator).
    let sep = a.get(0);
    let sep = if sep.is_undefined() {
        JsStr::intern(",")
    } else {
        it.to_string(&sep)?
    };
    // Every element is at least one character (a number; nothing here runs user code, so
    // the length cannot change): a result past V8's limit fails before the loop.
    if len > 0
        && (len as u64).saturating_add((len as u64 - 1).saturating_mul(sep.len() as u64))
            > crate::builtins::string::MAX_STRING_LENGTH as u64
    {
        return Err(it.range_error("Invalid string length"));
    }
    // 6-8. Concatenate the elements (undefined, past a shrunk length, is the empty string).
    let mut r = JsStrBuilder::new();
    for k in 0..len {
        if k > 0 {
            r.push(&sep);
            if r.len() > crate::builtins::string::MAX_STRING_LENGTH {
                return Err(it.range_error("Invalid string length"));
            }
        }
        let e = get_k(&o, k);
        if !e.is_undefined() {
            let s = it.to_string(&e)?;
            r.push(&s);
        }
    }
    if r.len() > crate::builtins::string::MAX_STRING_LENGTH {
        return Err(it.range_error("Invalid string length"));
    }
    // 9. Return R.
    Ok(Value::String(r.finish()))
}

/// `%TypedArray%.prototype.map(callbackfn [, thisArg])`.
fn ta_map(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("map");
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &name)?;
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let f = a.get(0);
    // V8's %TypedArray%.prototype.map (unlike its siblings) names the value itself.
    if !it.is_callable(&f) {
        let d = crate::builtins::iterator::describe(it, &f);
        return Err(it.type_error(format!("{d} is not a function")));
    }
    let this_arg = a.get(1);
    // 5. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(len) »).
    let (arr, _) = it.typed_array_species_create(&o, ta.ty, &[num(len)], &name)?;
    let ov = Value::Object(o.clone());
    // 6-7. A[k] = ? Call(callbackfn, thisArg, « kValue, 𝔽(k), O »).
    for k in 0..len {
        let v = get_k(&o, k);
        let mapped = it.call(&f, &this_arg, &[v, num(k), ov.clone()])?;
        set_k(it, &arr, k, &mapped)?;
    }
    // 8. Return A.
    Ok(Value::Object(arr))
}

/// `reduce` / `reduceRight`.
fn reduce_impl(it: &mut Interp, a: &Args, name: &str, right: bool) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m(name))?;
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let f = a.get(0);
    require_callable(it, &f)?;
    // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
    if len == 0 && a.len() < 2 {
        return Err(it.type_error("Reduce of empty array with no initial value"));
    }
    let order: Box<dyn Iterator<Item = usize>> = if right {
        Box::new((0..len).rev())
    } else {
        Box::new(0..len)
    };
    let mut order = order.peekable();
    // 6-8. The accumulator starts as initialValue, or the first element.
    let mut acc = if a.len() >= 2 {
        a.get(1)
    } else {
        match order.next() {
            Some(k) => get_k(&o, k),
            None => Value::Undefined,
        }
    };
    let ov = Value::Object(o.clone());
    // 9. accumulator = ? Call(callbackfn, undefined, « accumulator, kValue, 𝔽(k), O »).
    for k in order {
        let v = get_k(&o, k);
        acc = it.call(&f, &Value::Undefined, &[acc, v, num(k), ov.clone()])?;
    }
    // 10. Return accumulator.
    Ok(acc)
}

fn ta_reduce(it: &mut Interp, a: &Args) -> JsResult<Value> {
    reduce_impl(it, a, "reduce", false)
}
fn ta_reduce_right(it: &mut Interp, a: &Args) -> JsResult<Value> {
    reduce_impl(it, a, "reduceRight", true)
}

/// `%TypedArray%.prototype.reverse()`.
fn ta_reverse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &m("reverse"))?;
    // 4-6. Swap the elements of the two halves (no user code runs).
    let size = ta.ty.size();
    with_buffer(&ta.buffer, |b| {
        if let Some(mut data) = b.bytes_mut() {
            let start = ta.byte_offset;
            if let Some(bytes) = data.get_mut(start..start + len * size) {
                let (mut lower, mut upper) = (0usize, len);
                while lower + 1 < upper {
                    upper -= 1;
                    for i in 0..size {
                        bytes.swap(lower * size + i, upper * size + i);
                    }
                    lower += 1;
                }
            }
        }
    });
    // 7. Return O.
    Ok(Value::Object(o))
}

/// `%TypedArray%.prototype.set(source [, offset])`.
fn ta_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("set");
    // 1-3. Perform ? RequireInternalSlot(target, [[TypedArrayName]]).
    let target = match a.this {
        Value::Object(o) if typed_array_data(o).is_some() => o.clone(),
        _ => return Err(it.type_error("this is not a typed array.")),
    };
    // 4. Let targetOffset be ? ToIntegerOrInfinity(offset).
    let target_offset = it.to_integer_or_infinity(&a.get(1))?;
    // 5. If targetOffset < 0, throw a RangeError exception.
    if target_offset < 0.0 {
        return Err(it.range_error("offset is out of bounds"));
    }
    let source = a.get(0);
    let src_ta = match &source {
        Value::Object(s) => typed_array_data(s),
        _ => None,
    };
    match src_ta {
        // 6. source has a [[TypedArrayName]]: SetTypedArrayFromTypedArray.
        Some(src) => set_from_typed_array(it, &target, target_offset, &src, &name)?,
        // 7. Else SetTypedArrayFromArrayLike.
        None => set_from_array_like(it, &target, target_offset, &source, &name)?,
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// SetTypedArrayFromTypedArray(target, targetOffset, source).
fn set_from_typed_array(
    it: &mut Interp,
    target: &Obj,
    target_offset: f64,
    source: &TypedArrayData,
    name: &str,
) -> JsResult<()> {
    let Some(t) = typed_array_data(target) else {
        return Ok(());
    };
    // 1-4. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    let Some(target_length) = t.length() else {
        return Err(it.detached_view_error(name));
    };
    // 5-8. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let Some(src_length) = source.length() else {
        return Err(it.detached_view_error(name));
    };
    // 14. If targetOffset = +∞, throw a RangeError exception.
    // 15. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(it.range_error("offset is out of bounds"));
    }
    // 16. If target.[[ContentType]] is not source.[[ContentType]], throw a TypeError.
    if t.ty.is_bigint() != source.ty.is_bigint() {
        return Err(it.type_error(crate::interp::ops::MIX_BIGINT));
    }
    let target_offset = target_offset as usize;
    let src_size = source.ty.size();
    let target_size = t.ty.size();
    // 17-19. When both views share a buffer, read from a copy of the source bytes
    //        (CloneArrayBuffer); otherwise read the source buffer directly.
    let src_bytes: Vec<u8> = read_buffer(&source.buffer, |b| {
        b.bytes()
            .and_then(|d| {
                d.get(source.byte_offset..source.byte_offset + src_length * src_size)
                    .map(|s| s.to_vec())
            })
            .unwrap_or_default()
    })
    .unwrap_or_default();
    let _ = is_shared_array_buffer(&source.buffer);
    // 20-21. targetByteIndex and limit.
    let target_byte_index = target_offset * target_size + t.byte_offset;
    if source.ty == t.ty {
        // 22. Same type: copy the bytes.
        with_buffer(&t.buffer, |b| {
            if let Some(mut data) = b.bytes_mut() {
                let end = target_byte_index + src_bytes.len();
                if let Some(dst) = data.get_mut(target_byte_index..end) {
                    dst.copy_from_slice(&src_bytes);
                }
            }
        });
    } else {
        // 23. Otherwise convert element by element.
        for k in 0..src_length {
            let raw = src_bytes.get(k * src_size..).unwrap_or(&[]);
            let v = crate::builtins::array_buffer::raw_bytes_to_numeric(source.ty, raw, true);
            set_value_in_buffer(
                &t.buffer,
                target_byte_index + k * target_size,
                t.ty,
                &v,
                true,
            );
        }
    }
    Ok(())
}

/// SetTypedArrayFromArrayLike(target, targetOffset, source).
fn set_from_array_like(
    it: &mut Interp,
    target: &Obj,
    target_offset: f64,
    source: &Value,
    name: &str,
) -> JsResult<()> {
    let Some(t) = typed_array_data(target) else {
        return Ok(());
    };
    // 1-3. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    let Some(target_length) = t.length() else {
        return Err(it.detached_view_error(name));
    };
    // 4. Let src be ? ToObject(source).
    let src = it.to_object(source)?;
    // 5. Let srcLength be ? LengthOfArrayLike(src).
    let src_length = it.length_of_array_like(&src)?;
    // 6. If targetOffset = +∞, throw a RangeError exception.
    // 7. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(it.range_error("offset is out of bounds"));
    }
    // 8-9. TypedArraySetElement(target, targetOffset + k, ? Get(src, Pk)).
    for k in 0..src_length {
        let v = it.get(&src, &crate::interp::ops::index_key(k))?;
        it.typed_array_set_element(target, target_offset + k as f64, &v)?;
    }
    Ok(())
}

/// `%TypedArray%.prototype.slice(start, end)`.
fn ta_slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("slice");
    // 1-3. ValidateTypedArray; srcArrayLength.
    let (o, ta, len) = it.validate_typed_array(a.this, &name)?;
    // 4-7. startIndex.
    let start = relative_index(it, &a.get(0), len)?;
    // 8-11. endIndex.
    let end = relative_end(it, &a.get(1), len)?;
    // 12. Let countBytes be max(endIndex - startIndex, 0).
    let count = end.saturating_sub(start);
    // 13. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(countBytes) »).
    let (arr, target) = it.typed_array_species_create(&o, ta.ty, &[num(count)], &name)?;
    // 14. If countBytes > 0, then
    if count > 0 {
        // a-b. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        let Some(len) = ta.length() else {
            return Err(it.detached_view_error(&name));
        };
        // c-d. Set endIndex to min(endIndex, TypedArrayLength(taRecord)); recount.
        let end = end.min(len);
        let count = end.saturating_sub(start);
        if ta.ty == target.ty {
            // g. Same type: copy the bytes one by one, in ascending order.
            let size = ta.ty.size();
            let src_index = start * size + ta.byte_offset;
            let target_index = target.byte_offset;
            copy_bytes_forward(
                &ta.buffer,
                src_index,
                &target.buffer,
                target_index,
                count * size,
            );
        } else {
            // h. Otherwise Set(A, n, Get(O, k)).
            for (n, k) in (start..end).enumerate() {
                let v = get_k(&o, k);
                set_k(it, &arr, n, &v)?;
            }
        }
    }
    // 15. Return A.
    Ok(Value::Object(arr))
}

/// Copies bytes one at a time in ascending order (the spec's loop, which differs from a
/// memmove when both ranges overlap in one buffer).
fn copy_bytes_forward(from: &Obj, from_index: usize, to: &Obj, to_index: usize, count: usize) {
    if !Obj::ptr_eq(from, to) {
        copy_buffer_bytes(from, from_index, to, to_index, count);
        return;
    }
    with_buffer(to, |b| {
        if let Some(mut data) = b.bytes_mut() {
            for i in 0..count {
                let (s, d) = (from_index + i, to_index + i);
                if s < data.len() && d < data.len() {
                    data[d] = data[s];
                }
            }
        }
    });
}

/// CompareTypedArrayElements(x, y, undefined): the default numeric order, -0 before +0 and
/// NaN last.
fn default_compare(x: &Value, y: &Value) -> Ordering {
    match (x, y) {
        (Value::Number(a), Value::Number(b)) => match (a.is_nan(), b.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => {
                if a < b {
                    Ordering::Less
                } else if a > b {
                    Ordering::Greater
                } else {
                    match (a.is_sign_negative(), b.is_sign_negative()) {
                        (true, false) => Ordering::Less,
                        (false, true) => Ordering::Greater,
                        _ => Ordering::Equal,
                    }
                }
            }
        },
        (Value::BigInt(a), Value::BigInt(b)) => a.cmp(b),
        _ => Ordering::Equal,
    }
}

/// Sorts `values` as CompareTypedArrayElements orders them: numerically, or by the
/// comparator through V8's merge sort (so the comparator sees V8's calls).
fn sort_elements(it: &mut Interp, values: Vec<Value>, cmp: &Value) -> JsResult<Vec<Value>> {
    let mut values = values;
    if cmp.is_undefined() {
        values.sort_by(default_compare);
        return Ok(values);
    }
    let len = values.len();
    if len < 2 {
        return Ok(values);
    }
    // V8's TypedArrayMergeSort: work1 and work2 start as copies; the result is in work1.
    let mut work1 = values.clone();
    let mut work2 = values;
    merge_sort(it, &mut work2, 0, len, &mut work1, cmp)?;
    Ok(work1)
}

/// V8's `TypedArrayMergeSort(source, from, to, target)`: sorts source[from..to] into target,
/// swapping the roles of the two work arrays at each level.
fn merge_sort(
    it: &mut Interp,
    source: &mut Vec<Value>,
    from: usize,
    to: usize,
    target: &mut Vec<Value>,
    cmp: &Value,
) -> JsResult<()> {
    let middle = from + ((to - from) >> 1);
    if middle - from > 1 {
        merge_sort(it, target, from, middle, source, cmp)?;
    }
    if to - middle > 1 {
        merge_sort(it, target, middle, to, source, cmp)?;
    }
    // TypedArrayMerge(source, from, middle, to, target).
    let (mut left, mut right) = (from, middle);
    for slot in &mut target[from..to] {
        if left < middle && right >= to {
            *slot = source[left].clone();
            left += 1;
        } else if left < middle {
            let (l, r) = (source[left].clone(), source[right].clone());
            // CompareTypedArrayElements with a comparator: ToNumber(Call(...)), NaN is +0.
            let v = it.call(cmp, &Value::Undefined, &[l.clone(), r.clone()])?;
            let v = it.to_number(&v)?;
            if v.is_nan() || v <= 0.0 {
                *slot = l;
                left += 1;
            } else {
                *slot = r;
                right += 1;
            }
        } else {
            *slot = source[right].clone();
            right += 1;
        }
    }
    Ok(())
}

fn check_comparator(it: &mut Interp, cmp: &Value) -> JsResult<()> {
    if !cmp.is_undefined() && !it.is_callable(cmp) {
        let s = describe(it, cmp);
        return Err(it.type_error(format!(
            "The comparison function must be either a function or undefined: {s}"
        )));
    }
    Ok(())
}

/// `%TypedArray%.prototype.sort(comparefn)`.
fn ta_sort(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a TypeError.
    let cmp = a.get(0);
    check_comparator(it, &cmp)?;
    // 2-4. ValidateTypedArray; len.
    let (o, _, len) = it.validate_typed_array(a.this, &m("sort"))?;
    // 5-6. SortIndexedProperties(obj, len, SortCompare, read-through-holes).
    let items: Vec<Value> = (0..len).map(|k| get_k(&o, k)).collect();
    let sorted = sort_elements(it, items, &cmp)?;
    // 7-8. ! Set(obj, j, sortedList[j], true) (ignored past a shrunk length).
    for (j, v) in sorted.iter().enumerate() {
        set_k(it, &o, j, v)?;
    }
    // 9. Return obj.
    Ok(Value::Object(o))
}

/// `%TypedArray%.prototype.toSorted(comparefn)`.
fn ta_to_sorted(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a TypeError.
    let cmp = a.get(0);
    check_comparator(it, &cmp)?;
    // 2-4. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &m("toSorted"))?;
    // 5. Let A be ? TypedArrayCreateSameType(O, len).
    let (arr, _) = it.typed_array_create_same_type(ta.ty, len)?;
    // 6-9. Sort and write into A.
    let items: Vec<Value> = (0..len).map(|k| get_k(&o, k)).collect();
    let sorted = sort_elements(it, items, &cmp)?;
    for (j, v) in sorted.iter().enumerate() {
        set_k(it, &arr, j, v)?;
    }
    // 10. Return A.
    Ok(Value::Object(arr))
}

/// `%TypedArray%.prototype.subarray(start, end)`.
fn ta_subarray(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = m("subarray");
    // 1-4. RequireInternalSlot(O, [[TypedArrayName]]); buffer.
    let (o, ta) = match a.this {
        Value::Object(o) => match typed_array_data(o) {
            Some(ta) => (o.clone(), ta),
            None => return Err(it.type_error("this is not a typed array.")),
        },
        _ => return Err(it.type_error("this is not a typed array.")),
    };
    // 5-7. srcLength (0 when out of bounds).
    let src_length = ta.length().unwrap_or(0);
    // 8-11. startIndex.
    let start = relative_index(it, &a.get(0), src_length)?;
    // 12-14. beginByteOffset.
    let begin_byte_offset = ta.byte_offset + start * ta.ty.size();
    let end = a.get(1);
    let buffer = Value::Object(ta.buffer.clone());
    // 15. A length-tracking view stays length-tracking when end is undefined.
    let args = if ta.array_length.is_none() && end.is_undefined() {
        vec![buffer, num(begin_byte_offset)]
    } else {
        // 16. Otherwise newLength = max(endIndex - startIndex, 0).
        let end_index = relative_end(it, &end, src_length)?;
        let new_length = end_index.saturating_sub(start);
        vec![buffer, num(begin_byte_offset), num(new_length)]
    };
    // 17. Return ? TypedArraySpeciesCreate(O, argumentsList).
    let (r, _) = it.typed_array_species_create(&o, ta.ty, &args, &name)?;
    Ok(Value::Object(r))
}

/// `%TypedArray%.prototype.toLocaleString([locales [, options]])`: Array.prototype.
/// toLocaleString's algorithm with TypedArrayLength for the length.
fn ta_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, _, len) = it.validate_typed_array(a.this, &m("toLocaleString"))?;
    let sep = JsStr::intern(",");
    let mut r = JsStrBuilder::new();
    for k in 0..len {
        if k > 0 {
            r.push(&sep);
        }
        let e = get_k(&o, k);
        if !e.is_nullish() {
            // i. Let S be ? ToString(? Invoke(element, "toLocaleString", « locales,
            //    options »)) (ECMA-402 passes the arguments on).
            let f = it.get_v(&e, &static_key!("toLocaleString"))?;
            if !it.is_callable(&f) {
                return Err(not_a_function(it, &f));
            }
            let s = it.call(&f, &e, &[a.get(0), a.get(1)])?;
            let s = it.to_string(&s)?;
            r.push(&s);
        }
    }
    Ok(Value::String(r.finish()))
}

/// `%TypedArray%.prototype.toReversed()`.
fn ta_to_reversed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; length.
    let (o, ta, len) = it.validate_typed_array(a.this, &m("toReversed"))?;
    // 4. Let A be ? TypedArrayCreateSameType(O, length).
    let (arr, _) = it.typed_array_create_same_type(ta.ty, len)?;
    // 5-6. A[k] = O[length - k - 1].
    for k in 0..len {
        let v = get_k(&o, len - k - 1);
        set_k(it, &arr, k, &v)?;
    }
    // 7. Return A.
    Ok(Value::Object(arr))
}

/// `%TypedArray%.prototype.with(index, value)`.
fn ta_with(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. ValidateTypedArray; len.
    let (o, ta, len) = it.validate_typed_array(a.this, &m("with"))?;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let rel = it.to_integer_or_infinity(&a.get(0))?;
    // 5-6. actualIndex.
    // (ToIntegerOrInfinity gives a mathematical value: -0.5 is 0, not -0.)
    let actual = if rel >= 0.0 {
        rel + 0.0
    } else {
        len as f64 + rel
    };
    // 7-8. Let numericValue be ? ToBigInt(value) or ? ToNumber(value).
    let value = it.to_element_numeric(ta.ty, &a.get(1))?;
    // 9. If IsValidIntegerIndex(O, 𝔽(actualIndex)) is false, throw a RangeError exception.
    if !ta.is_valid_integer_index(actual) {
        return Err(it.range_error("Invalid typed array index"));
    }
    // 10. Let A be ? TypedArrayCreateSameType(O, len).
    let (arr, _) = it.typed_array_create_same_type(ta.ty, len)?;
    // 11-12. Copy, replacing actualIndex.
    for k in 0..len {
        let v = if k as f64 == actual {
            value.clone()
        } else {
            get_k(&o, k)
        };
        set_k(it, &arr, k, &v)?;
    }
    // 13. Return A.
    Ok(Value::Object(arr))
}

// ---- init ---------------------------------------------------------------------------------------

pub fn init(it: &mut Interp, proto: &Obj) {
    it.define_getter(proto, "buffer", ta_buffer);
    it.define_getter(proto, "byteLength", ta_byte_length);
    it.define_getter(proto, "byteOffset", ta_byte_offset);
    it.define_getter(proto, "length", ta_length);
    // Kept: a member site whose inline cache finds this getter answers without calling it
    // (`Interp::call_site_getter`).
    if let Some(crate::object::Slot::Accessor(a)) = proto
        .get_own_property(&PropKey::from("length"))
        .map(|p| p.slot)
    {
        if let Some(g) = &a.get {
            it.intrinsics.typed_array_length_get = g.clone();
        }
    }
    // V8's order.
    let methods: &[(&str, u32, crate::interp::NativeFn)] = &[
        ("entries", 0, ta_entries),
        ("keys", 0, ta_keys),
        ("values", 0, ta_values),
        ("at", 1, ta_at),
        ("copyWithin", 2, ta_copy_within),
        ("every", 1, ta_every),
        ("fill", 1, ta_fill),
        ("filter", 1, ta_filter),
        ("find", 1, ta_find),
        ("findIndex", 1, ta_find_index),
        ("findLast", 1, ta_find_last),
        ("findLastIndex", 1, ta_find_last_index),
        ("forEach", 1, ta_for_each),
        ("includes", 1, ta_includes),
        ("indexOf", 1, ta_index_of),
        ("join", 1, ta_join),
        ("lastIndexOf", 1, ta_last_index_of),
        ("map", 1, ta_map),
        ("reverse", 0, ta_reverse),
        ("reduce", 1, ta_reduce),
        ("reduceRight", 1, ta_reduce_right),
        ("set", 1, ta_set),
        ("slice", 2, ta_slice),
        ("some", 1, ta_some),
        ("sort", 1, ta_sort),
        ("subarray", 2, ta_subarray),
        ("toReversed", 0, ta_to_reversed),
        ("toSorted", 1, ta_to_sorted),
        ("with", 2, ta_with),
        ("toLocaleString", 0, ta_to_locale_string),
    ];
    let mut values = None;
    for (name, len, f) in methods {
        if *name == "values" {
            values = Some(it.define_method_obj(proto, name, *len, *f));
        } else {
            it.define_method(proto, name, *len, *f);
        }
    }
    // %TypedArray%.prototype.toString is the same function object as
    // Array.prototype.toString.
    let array_proto = it.intrinsics.array_prototype.clone();
    let array_to_string = it
        .own_data(&array_proto, &static_key!("toString"))
        .unwrap_or(Value::Undefined);
    proto.define("toString", array_to_string, Attrs::HIDDEN);
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    it.define_getter(proto, tag, ta_to_string_tag);
    // %TypedArray%.prototype[@@iterator] is the same function object as `values`.
    if let Some(values) = values {
        let key = PropKey::Sym(it.symbols.iterator.clone());
        proto.define(key, Value::Object(values), Attrs::HIDDEN);
    }
}
