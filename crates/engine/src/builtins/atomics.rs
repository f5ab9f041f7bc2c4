//! The `Atomics` namespace (ECMA-262 §25.4). jsgen runs one agent, so every operation is
//! trivially atomic: the read-modify-write operations act on the raw bytes of the element
//! (addition and subtraction modulo 2^n, bitwise and/or/xor, exchange), `notify` finds no
//! waiters, and `wait` cannot suspend the only agent: AgentCanSuspend() is the host's
//! answer ([`crate::host::HostHooks::agent_can_suspend`]), false by default, and then
//! `Atomics.wait` throws a TypeError after validating its arguments, as the spec requires.

use crate::builtins::array_buffer::{
    buffer_byte_length, is_shared_array_buffer, numeric_to_raw_bytes, raw_bytes_to_numeric,
    read_buffer, with_buffer, ElementType,
};
use crate::builtins::iterator::describe;
use crate::builtins::typed_array::{typed_array_data, TypedArrayData};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, PropKey};
use crate::value::Value;

/// ValidateIntegerTypedArray(typedArray, waitable): the typed array, its data and length.
fn validate_integer_typed_array(
    it: &mut Interp,
    v: &Value,
    waitable: bool,
    method: &str,
) -> JsResult<(Obj, TypedArrayData, usize)> {
    // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered).
    let ta = match v {
        Value::Object(o) => typed_array_data(o).map(|t| (o.clone(), t)),
        _ => None,
    };
    let Some((o, ta)) = ta else {
        let d = describe(it, v);
        let what = if waitable {
            "an int32 or BigInt64 typed array"
        } else {
            "an integer typed array"
        };
        return Err(it.type_error(format!("{d} is not {what}.")));
    };
    let Some(len) = ta.length() else {
        return Err(it.detached_view_error(method));
    };
    let ok = if waitable {
        // 3.a. Waitable: Int32Array or BigInt64Array only.
        matches!(ta.ty, ElementType::Int32 | ElementType::BigInt64)
    } else {
        // 4.b. IsUnclampedIntegerElementType or IsBigIntElementType.
        ta.ty.is_unclamped_integer() || ta.ty.is_bigint()
    };
    if !ok {
        let d = describe(it, v);
        let what = if waitable {
            "an int32 or BigInt64 typed array"
        } else {
            "an integer typed array"
        };
        return Err(it.type_error(format!("{d} is not {what}.")));
    }
    // 5. Return taRecord.
    Ok((o, ta, len))
}

/// ValidateAtomicAccess(taRecord, requestIndex): the byte index in the buffer.
fn validate_atomic_access(
    it: &mut Interp,
    ta: &TypedArrayData,
    length: usize,
    request_index: &Value,
) -> JsResult<usize> {
    // 2. Let accessIndex be ? ToIndex(requestIndex).
    let access_index = it.to_index_or(request_index, |_| "Invalid atomic access index".into())?;
    // 4. If accessIndex ≥ length, throw a RangeError exception.
    if access_index >= length as u64 {
        return Err(it.range_error("Invalid atomic access index"));
    }
    // 5-8. Return (accessIndex × elementSize) + offset.
    Ok(access_index as usize * ta.ty.size() + ta.byte_offset)
}

/// RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
fn revalidate_atomic_access(
    it: &mut Interp,
    ta: &TypedArrayData,
    byte_index: usize,
    method: &str,
) -> JsResult<()> {
    // 1-3. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    if ta.length().is_none() {
        return Err(it.detached_view_error(method));
    }
    // 5. If byteIndexInBuffer ≥ taRecord.[[CachedBufferByteLength]], throw a RangeError.
    if byte_index >= buffer_byte_length(&ta.buffer).unwrap_or(0) {
        return Err(it.range_error("Invalid atomic access index"));
    }
    Ok(())
}

/// The value operand: ? ToBigInt(value), or 𝔽(? ToIntegerOrInfinity(value)).
fn to_operand(it: &mut Interp, ty: ElementType, v: &Value) -> JsResult<Value> {
    if ty.is_bigint() {
        Ok(Value::BigInt(it.to_bigint(v)?))
    } else {
        let n = it.to_integer_or_infinity(v)?;
        // ToIntegerOrInfinity gives +0 for -0.
        Ok(Value::Number(if n == 0.0 { 0.0 } else { n }))
    }
}

/// The element's raw bytes as an integer (little-endian, zero-extended).
fn bytes_to_u64(raw: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..raw.len()].copy_from_slice(raw);
    u64::from_le_bytes(b)
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Exchange,
}

/// AtomicReadModifyWrite(typedArray, index, value, op).
fn atomic_read_modify_write(it: &mut Interp, a: &Args, name: &str, op: Op) -> JsResult<Value> {
    let method = format!("Atomics.{name}");
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), false, &method)?;
    let byte_index = validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 2-3. Let v be ? ToBigInt(value) or 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_operand(it, ta.ty, &a.get(2))?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(it, &ta, byte_index, &method)?;
    // 5-7. GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
    let size = ta.ty.size();
    let operand = bytes_to_u64(&numeric_to_raw_bytes(ta.ty, &v, true)[..size]);
    let mask = if size == 8 {
        u64::MAX
    } else {
        (1u64 << (size * 8)) - 1
    };
    let old = with_buffer(&ta.buffer, |b| {
        let mut data = b.bytes_mut()?;
        let bytes = data.get_mut(byte_index..byte_index + size)?;
        let old = bytes_to_u64(bytes);
        let new = match op {
            Op::Add => old.wrapping_add(operand),
            Op::Sub => old.wrapping_sub(operand),
            Op::And => old & operand,
            Op::Or => old | operand,
            Op::Xor => old ^ operand,
            Op::Exchange => operand,
        } & mask;
        let read = bytes.to_vec();
        bytes.copy_from_slice(&new.to_le_bytes()[..size]);
        Some(read)
    })
    .flatten();
    Ok(match old {
        Some(raw) => raw_bytes_to_numeric(ta.ty, &raw, true),
        None => Value::Undefined,
    })
}

fn atomics_add(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "add", Op::Add)
}
fn atomics_and(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "and", Op::And)
}
fn atomics_exchange(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "exchange", Op::Exchange)
}
fn atomics_or(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "or", Op::Or)
}
fn atomics_sub(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "sub", Op::Sub)
}
fn atomics_xor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    atomic_read_modify_write(it, a, "xor", Op::Xor)
}

/// `Atomics.compareExchange(typedArray, index, expectedValue, replacementValue)`.
fn atomics_compare_exchange(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Atomics.compareExchange";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), false, NAME)?;
    let byte_index = validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 4-5. expected and replacement.
    let expected = to_operand(it, ta.ty, &a.get(2))?;
    let replacement = to_operand(it, ta.ty, &a.get(3))?;
    // 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(it, &ta, byte_index, NAME)?;
    // 9-11. expectedBytes and replacementBytes.
    let size = ta.ty.size();
    let expected = numeric_to_raw_bytes(ta.ty, &expected, true);
    let replacement = numeric_to_raw_bytes(ta.ty, &replacement, true);
    // 12-13. Read; if ByteListEqual(rawBytesRead, expectedBytes), store the replacement.
    let read = with_buffer(&ta.buffer, |b| {
        let mut data = b.bytes_mut()?;
        let bytes = data.get_mut(byte_index..byte_index + size)?;
        let read = bytes.to_vec();
        if read[..] == expected[..size] {
            bytes.copy_from_slice(&replacement[..size]);
        }
        Some(read)
    })
    .flatten();
    // 14. Return RawBytesToNumeric(elementType, rawBytesRead, isLittleEndian).
    Ok(match read {
        Some(raw) => raw_bytes_to_numeric(ta.ty, &raw, true),
        None => Value::Undefined,
    })
}

/// `Atomics.isLockFree(size)`.
fn atomics_is_lock_free(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let n be ? ToIntegerOrInfinity(size).
    let n = it.to_integer_or_infinity(&a.get(0))?;
    // 2-7. V8's answers: 1, 2, 4 and 8 bytes are lock-free.
    Ok(Value::Bool(
        matches!(n as i64, 1 | 2 | 4 | 8) && n.fract() == 0.0,
    ))
}

/// `Atomics.load(typedArray, index)`.
fn atomics_load(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Atomics.load";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), false, NAME)?;
    let byte_index = validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(it, &ta, byte_index, NAME)?;
    // 3-5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    Ok(crate::builtins::array_buffer::get_value_from_buffer(
        &ta.buffer, byte_index, ta.ty, true,
    ))
}

/// `Atomics.store(typedArray, index, value)`.
fn atomics_store(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Atomics.store";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), false, NAME)?;
    let byte_index = validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 2-3. Let v be ? ToBigInt(value) or 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_operand(it, ta.ty, &a.get(2))?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(it, &ta, byte_index, NAME)?;
    // 5-6. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst).
    crate::builtins::array_buffer::set_value_in_buffer(&ta.buffer, byte_index, ta.ty, &v, true);
    // 7. Return v.
    Ok(v)
}

/// `Atomics.wait(typedArray, index, value, timeout)`: DoWait(sync, ...).
fn atomics_wait(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Atomics.wait";
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), true, NAME)?;
    // 2-3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
    if !is_shared_array_buffer(&ta.buffer) {
        let d = describe(it, &a.get(0));
        return Err(it.type_error(format!("{d} is not a shared typed array.")));
    }
    // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
    let byte_index = validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 5-7. Let v be ? ToBigInt64(value) or ? ToInt32(value).
    let v = if ta.ty.is_bigint() {
        Value::BigInt(it.to_bigint(&a.get(2))?)
    } else {
        Value::Number(it.to_int32(&a.get(2))? as f64)
    };
    // 8-9. Let q be ? ToNumber(timeout) and t the timeout in milliseconds.
    let q = it.to_number(&a.get(3))?;
    let t = if q.is_nan() || q == f64::INFINITY {
        f64::INFINITY
    } else if q == f64::NEG_INFINITY {
        0.0
    } else {
        q.max(0.0)
    };
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception.
    if !it.hooks().agent_can_suspend() {
        return Err(it.type_error("Atomics.wait cannot be called in this context"));
    }
    // 11-... With a suspendable agent and no other agent to notify it, the wait ends when
    // the value differs ("not-equal") or the timeout elapses ("timed-out").
    let expected = numeric_to_raw_bytes(ta.ty, &v, true);
    let size = ta.ty.size();
    let equal = read_buffer(&ta.buffer, |b| {
        b.bytes().is_some_and(|d| {
            d.get(byte_index..byte_index + size)
                .is_some_and(|bytes| bytes == &expected[..size])
        })
    })
    .unwrap_or(false);
    if !equal {
        return Ok(Value::from("not-equal"));
    }
    if let Ok(d) = std::time::Duration::try_from_secs_f64(t / 1000.0) {
        std::thread::sleep(d);
    }
    Ok(Value::from("timed-out"))
}

/// `Atomics.notify(typedArray, index, count)`.
fn atomics_notify(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "Atomics.notify";
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let (_, ta, len) = validate_integer_typed_array(it, &a.get(0), true, NAME)?;
    // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
    validate_atomic_access(it, &ta, len, &a.get(1))?;
    // 3-4. Let c be +∞, or max(? ToIntegerOrInfinity(count), 0).
    let count = a.get(2);
    if !count.is_undefined() {
        it.to_integer_or_infinity(&count)?;
    }
    // 7. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
    // 8-... There is no other agent, so no waiter is ever woken.
    Ok(Value::Number(0.0))
}

/// `Atomics.pause([N])`.
fn atomics_pause(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
    match a.get(0) {
        Value::Undefined => {}
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 => {}
        _ => return Err(it.type_error("Atomics.pause argument must be undefined or an integer")),
    }
    // 2-3. A hint to the CPU; nothing to do.
    std::hint::spin_loop();
    Ok(Value::Undefined)
}

pub fn init(it: &mut Interp) {
    let atomics = it.new_object();
    // V8's order.
    let methods: &[(&str, u32, crate::interp::NativeFn)] = &[
        ("load", 2, atomics_load),
        ("store", 3, atomics_store),
        ("add", 3, atomics_add),
        ("sub", 3, atomics_sub),
        ("and", 3, atomics_and),
        ("or", 3, atomics_or),
        ("xor", 3, atomics_xor),
        ("exchange", 3, atomics_exchange),
        ("compareExchange", 4, atomics_compare_exchange),
        ("isLockFree", 1, atomics_is_lock_free),
        ("wait", 4, atomics_wait),
        ("notify", 3, atomics_notify),
        ("pause", 0, atomics_pause),
    ];
    for (name, len, f) in methods {
        it.define_method(&atomics, name, *len, *f);
    }
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    atomics.define(tag, Value::from("Atomics"), Attrs::CONFIGURABLE_ONLY);
    crate::builtins::define_global(it, "Atomics", Value::Object(atomics));
}
