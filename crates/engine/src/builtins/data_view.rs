//! `DataView` (ECMA-262 §25.3): the constructor, the `buffer`/`byteLength`/`byteOffset`
//! accessors and the `get*`/`set*` methods for every element type (GetViewValue /
//! SetViewValue), big- or little-endian, with length-tracking views on resizable buffers.

use crate::builtins::array_buffer::{
    buffer_byte_length, get_value_from_buffer, is_detached_buffer, is_fixed_length_array_buffer,
    read_buffer, set_value_in_buffer, ElementType,
};
use crate::builtins::iterator::incompatible_receiver;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::{number_to_string, Value};

/// The internal slots of a DataView.
#[derive(Debug, Clone)]
pub struct DataViewData {
    /// \[\[ViewedArrayBuffer\]\].
    pub buffer: Obj,
    /// \[\[ByteOffset\]\].
    pub byte_offset: usize,
    /// \[\[ByteLength\]\]; `None` is AUTO (tracks a resizable buffer).
    pub byte_length: Option<usize>,
}

impl DataViewData {
    /// GetViewByteLength(MakeDataViewWithBufferWitnessRecord(view)), or `None` when
    /// IsViewOutOfBounds (a detached buffer included).
    pub fn view_byte_length(&self) -> Option<usize> {
        // IsViewOutOfBounds 1-3. A detached buffer is out of bounds.
        let buffer_len = buffer_byte_length(&self.buffer)?;
        let start = self.byte_offset;
        // 4-6. byteOffsetEnd.
        let end = match self.byte_length {
            None => buffer_len,
            Some(n) => start.checked_add(n)?,
        };
        // 7. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength,
        //    return true.
        if start > buffer_len || end > buffer_len {
            return None;
        }
        // GetViewByteLength: the fixed length, or bufferByteLength - byteOffset.
        Some(end - start)
    }
}

fn data_view_data(v: &Value) -> Option<DataViewData> {
    match v {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::DataView(d) => Some((**d).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `DataView(buffer [, byteOffset [, byteLength]])`.
fn data_view_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor DataView requires 'new'"));
    };
    let nt = nt.clone();
    // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
    let buffer = match a.get(0) {
        Value::Object(o) if read_buffer(&o, |_| ()).is_some() => o,
        _ => {
            return Err(
                it.type_error("First argument to DataView constructor must be an ArrayBuffer")
            )
        }
    };
    // 3. Let offset be ? ToIndex(byteOffset).
    let byte_offset = a.get(1);
    let offset = it.to_index_or(&byte_offset, |n| {
        format!(
            "Start offset {} is outside the bounds of the buffer",
            number_to_string(n)
        )
    })?;
    // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(&buffer) {
        return Err(it.detached_view_error("DataView constructor"));
    }
    // 5. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_len = buffer_byte_length(&buffer).unwrap_or(0) as u64;
    // 6. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_len {
        return Err(it.range_error(format!(
            "Start offset {offset} is outside the bounds of the buffer"
        )));
    }
    // 7. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let fixed = is_fixed_length_array_buffer(&buffer);
    // 8-9. viewByteLength.
    let byte_length = a.get(2);
    let view_byte_length = if byte_length.is_undefined() {
        if fixed {
            Some(buffer_len - offset)
        } else {
            None
        }
    } else {
        // 9.a. Let viewByteLength be ? ToIndex(byteLength).
        let n = it.to_index_or(&byte_length, |n| {
            format!("Invalid DataView length {}", number_to_string(n))
        })?;
        // b. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
        if offset.saturating_add(n) > buffer_len {
            return Err(it.range_error(format!("Invalid DataView length {n}")));
        }
        Some(n)
    };
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%", ...).
    let proto = it.get_prototype_from_constructor(&nt, |i| i.data_view_prototype.clone())?;
    // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(&buffer) {
        return Err(it.detached_view_error("DataView constructor"));
    }
    // 12. Set bufferByteLength to ArrayBufferByteLength(buffer, seq-cst).
    let buffer_len = buffer_byte_length(&buffer).unwrap_or(0) as u64;
    // 13. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_len {
        return Err(it.range_error(format!(
            "Start offset {offset} is outside the bounds of the buffer"
        )));
    }
    // 14. If byteLength is not undefined, then
    //     a. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
    if let (false, Some(n)) = (byte_length.is_undefined(), view_byte_length) {
        if offset + n > buffer_len {
            return Err(it.range_error(format!("Invalid DataView length {n}")));
        }
    }
    // 15-18. Set the slots and return O.
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::DataView(Box::new(DataViewData {
            buffer,
            byte_offset: offset as usize,
            byte_length: view_byte_length.map(|n| n as usize),
        })),
    )))
}

fn this_view(it: &mut Interp, this: &Value, method: &str) -> JsResult<DataViewData> {
    match data_view_data(this) {
        Some(d) => Ok(d),
        None => Err(incompatible_receiver(it, method, this)),
    }
}

/// `get DataView.prototype.buffer`.
fn data_view_buffer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-5. RequireInternalSlot(O, [[DataView]]); return O.[[ViewedArrayBuffer]].
    let d = this_view(it, a.this, "get DataView.prototype.buffer")?;
    Ok(Value::Object(d.buffer))
}

/// `get DataView.prototype.byteLength`.
fn data_view_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "get DataView.prototype.byteLength";
    let d = this_view(it, a.this, NAME)?;
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    // 6-7. Return 𝔽(GetViewByteLength(viewRecord)).
    match d.view_byte_length() {
        Some(n) => Ok(Value::Number(n as f64)),
        None => Err(it.detached_view_error(NAME)),
    }
}

/// `get DataView.prototype.byteOffset`.
fn data_view_byte_offset(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "get DataView.prototype.byteOffset";
    let d = this_view(it, a.this, NAME)?;
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if d.view_byte_length().is_none() {
        return Err(it.detached_view_error(NAME));
    }
    // 6-7. Return 𝔽(O.[[ByteOffset]]).
    Ok(Value::Number(d.byte_offset as f64))
}

/// The element type a get/set method was made for (its first capture).
fn callee_type(a: &Args) -> ElementType {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::Number(i)) => ElementType::from_index(*i as usize),
            _ => ElementType::Uint8,
        },
        _ => ElementType::Uint8,
    }
}

/// ToIndex(requestIndex) with V8's message.
fn request_index(it: &mut Interp, v: &Value) -> JsResult<u64> {
    it.to_index_or(v, |_| "Offset is outside the bounds of the DataView".into())
}

/// GetViewValue(view, requestIndex, isLittleEndian, type): `DataView.prototype.getX`.
fn data_view_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ty = callee_type(a);
    let name = format!("DataView.prototype.get{}", ty.view_name());
    // 1-2. Perform ? RequireInternalSlot(view, [[DataView]]).
    let d = this_view(it, a.this, &name)?;
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = request_index(it, &a.get(0))?;
    // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = a.get(1).to_boolean();
    // 5-8. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(view_size) = d.view_byte_length() else {
        return Err(it.detached_view_error(&name));
    };
    // 9-11. If getIndex + elementSize > viewSize, throw a RangeError exception.
    if get_index.saturating_add(ty.size() as u64) > view_size as u64 {
        return Err(it.range_error("Offset is outside the bounds of the DataView"));
    }
    // 12-13. Return GetValueFromBuffer(buffer, getIndex + viewOffset, type, ...).
    let index = get_index as usize + d.byte_offset;
    Ok(get_value_from_buffer(&d.buffer, index, ty, little_endian))
}

/// SetViewValue(view, requestIndex, isLittleEndian, type, value): `DataView.prototype.setX`.
fn data_view_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ty = callee_type(a);
    let name = format!("DataView.prototype.set{}", ty.view_name());
    // 1-2. Perform ? RequireInternalSlot(view, [[DataView]]).
    let d = this_view(it, a.this, &name)?;
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = request_index(it, &a.get(0))?;
    // 4-5. Let numberValue be ? ToBigInt(value) or ? ToNumber(value).
    let value = it.to_element_numeric(ty, &a.get(1))?;
    // 6. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = a.get(2).to_boolean();
    // 7-10. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(view_size) = d.view_byte_length() else {
        return Err(it.detached_view_error(&name));
    };
    // 11-13. If getIndex + elementSize > viewSize, throw a RangeError exception.
    if get_index.saturating_add(ty.size() as u64) > view_size as u64 {
        return Err(it.range_error("Offset is outside the bounds of the DataView"));
    }
    // 14-15. Perform SetValueInBuffer(buffer, getIndex + viewOffset, type, numberValue, ...).
    let index = get_index as usize + d.byte_offset;
    set_value_in_buffer(&d.buffer, index, ty, &value, little_endian);
    // 16. Return undefined.
    Ok(Value::Undefined)
}

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.data_view_prototype.clone();
    let ctor = it.native_fn_with("DataView", 1, data_view_constructor, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, &proto);
    it.define_getter(&proto, "buffer", data_view_buffer);
    it.define_getter(&proto, "byteLength", data_view_byte_length);
    it.define_getter(&proto, "byteOffset", data_view_byte_offset);
    // V8's order: Int8, Uint8, Int16, Uint16, Int32, Uint32, Float32, Float64, BigInt64,
    // BigUint64, Float16.
    for ty in [
        ElementType::Int8,
        ElementType::Uint8,
        ElementType::Int16,
        ElementType::Uint16,
        ElementType::Int32,
        ElementType::Uint32,
        ElementType::Float32,
        ElementType::Float64,
        ElementType::BigInt64,
        ElementType::BigUint64,
        ElementType::Float16,
    ] {
        // `callee_type` reads the element type back from the captured index.
        let cap = ty.index() as u16;
        let get_name = ["get", ty.view_name()].concat();
        it.define_method_with(&proto, &get_name, 1, data_view_get, cap);
        let set_name = ["set", ty.view_name()].concat();
        it.define_method_with(&proto, &set_name, 2, data_view_set, cap);
    }
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    proto.define(tag, Value::from("DataView"), Attrs::CONFIGURABLE_ONLY);
    crate::builtins::define_global(it, "DataView", Value::Object(ctor));
}
