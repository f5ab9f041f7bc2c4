//! TypedArray objects (ECMA-262 §23.2 and the TypedArray exotic object of §10.4.5): the
//! `%TypedArray%` intrinsic with `from`/`of`/`@@species`, the twelve concrete constructors,
//! and the abstract operations (TypedArrayCreateFromConstructor, TypedArraySpeciesCreate,
//! ValidateTypedArray, IsValidIntegerIndex, TypedArrayGetElement/SetElement, the
//! buffer witness record operations). The prototype methods are in `typed_array_proto.rs`.
//!
//! A typed array is `ObjectKind::TypedArray(TypedArrayData)`: the element type, the viewed
//! buffer *object*, the byte offset and the length (`None` for a length-tracking view of a
//! resizable buffer). Elements are never stored on the object: the exotic internal methods
//! (hooked into `Obj::get_own_property`, `own_keys`, `delete` and the interpreter's
//! `[[Get]]`/`[[Set]]`/`[[HasProperty]]`/`[[DefineOwnProperty]]`) read and write the buffer.
//! A typed array therefore never has integer-keyed entries in its property map.

use crate::builtins::array_buffer::{
    buffer_byte_length, copy_buffer_bytes, get_value_from_buffer, is_detached_buffer,
    is_fixed_length_array_buffer, is_shared_array_buffer, raw_bytes_to_numeric, read_buffer,
    set_value_in_buffer, ElementType,
};
use crate::builtins::iterator::describe;
use crate::builtins::promise::species_constructor;
use crate::interp::{Abrupt, Args, Interp, Intrinsics, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey, PropertyDescriptor};
use crate::value::{number_to_jsstr, string_to_number, Value};

/// The internal slots of a TypedArray.
#[derive(Debug, Clone)]
pub struct TypedArrayData {
    /// The element type (\[\[TypedArrayName\]\] and \[\[ContentType\]\] follow from it).
    pub ty: ElementType,
    /// \[\[ViewedArrayBuffer\]\].
    pub buffer: Obj,
    /// \[\[ByteOffset\]\].
    pub byte_offset: usize,
    /// \[\[ArrayLength\]\]; `None` is AUTO (the view tracks a resizable buffer's length).
    pub array_length: Option<usize>,
}

impl TypedArrayData {
    /// TypedArrayLength(MakeTypedArrayWithBufferWitnessRecord(O, seq-cst)), or `None` when
    /// IsTypedArrayOutOfBounds (a detached buffer included).
    pub fn length(&self) -> Option<usize> {
        // IsTypedArrayOutOfBounds: 1-3. A detached buffer is out of bounds.
        let buffer_len = buffer_byte_length(&self.buffer)?;
        let start = self.byte_offset;
        let size = self.ty.size();
        match self.array_length {
            // 5. byteOffsetEnd is the buffer length for an AUTO length.
            None => {
                if start > buffer_len {
                    None
                } else {
                    // TypedArrayLength: floor((byteLength - byteOffset) / elementSize).
                    Some((buffer_len - start) / size)
                }
            }
            Some(len) => {
                let end = start.checked_add(len.checked_mul(size)?)?;
                // 7. If byteOffsetStart > bufferByteLength or byteOffsetEnd >
                //    bufferByteLength, return true.
                if start > buffer_len || end > buffer_len {
                    None
                } else {
                    Some(len)
                }
            }
        }
    }

    /// TypedArrayByteLength (0 when out of bounds).
    pub fn byte_length(&self) -> usize {
        self.length().map_or(0, |l| l * self.ty.size())
    }

    /// IsValidIntegerIndex(O, index).
    pub fn is_valid_integer_index(&self, index: f64) -> bool {
        // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
        // 2. If IsIntegralNumber(index) is false, return false.
        // 3. If index is -0𝔽, return false.
        // (An integral, finite, non-negative index is the one that survives the round trip
        // through `usize`: NaN, infinities, fractions and negatives do not.)
        if index as usize as f64 != index || (index == 0.0 && index.is_sign_negative()) {
            return false;
        }
        // 4-8. Out of bounds, or index < 0 or ≥ length, is not valid.
        match self.length() {
            Some(len) => index >= 0.0 && index < len as f64,
            None => false,
        }
    }

    /// TypedArrayGetElement(O, index): `None` for an invalid index (undefined).
    pub fn get_element(&self, index: f64) -> Option<Value> {
        // IsValidIntegerIndex 2-3 (integral, not -0), then the bounds and the read with
        // one borrow of the buffer (`length` and `get_value_from_buffer` took one each, and
        // the bytes' `RefCell` twice: ~200 instructions an element of a Buffer).
        if index as usize as f64 != index || (index == 0.0 && index.is_sign_negative()) {
            return None;
        }
        let index = index as usize;
        let d = self.buffer.borrow();
        let ObjectKind::ArrayBuffer(b) = &d.kind else {
            return None;
        };
        // IsValidIntegerIndex 1 and 4-8: detached or out of bounds, or past the length,
        // is not valid (as `length`, with the bytes' length as the buffer's).
        let data = b.block.as_ref()?.read()?;
        let buffer_len = data.len();
        let (start, size) = (self.byte_offset, self.ty.size());
        let len = match self.array_length {
            None if start > buffer_len => return None,
            None => (buffer_len - start) / size,
            Some(len) => {
                let end = start.checked_add(len.checked_mul(size)?)?;
                if start > buffer_len || end > buffer_len {
                    return None;
                }
                len
            }
        };
        if index >= len {
            return None;
        }
        // TypedArrayGetElement 2-5: GetValueFromBuffer at the element's byte index.
        let byte_index = start + index * size;
        let bytes = data.get(byte_index..byte_index + size)?;
        Some(raw_bytes_to_numeric(self.ty, bytes, true))
    }

    /// The element at `index` without the validity check (the caller has checked it): an
    /// index that is not in the buffer reads as undefined.
    pub fn get_index(&self, index: usize) -> Value {
        let byte_index = self.byte_offset + index * self.ty.size();
        get_value_from_buffer(&self.buffer, byte_index, self.ty, true)
    }

    /// The steps of TypedArraySetElement after the value's conversion: writes `num` (a
    /// Number, or a BigInt for BigInt content) if `index` is still valid.
    pub fn set_element_value(&self, index: f64, num: &Value) {
        if self.is_valid_integer_index(index) {
            let byte_index = self.byte_offset + index as usize * self.ty.size();
            set_value_in_buffer(&self.buffer, byte_index, self.ty, num, true);
        }
    }

    /// IsTypedArrayFixedLength(O).
    pub fn is_fixed_length(&self) -> bool {
        // 1. If O.[[ArrayLength]] is auto, return false.
        if self.array_length.is_none() {
            return false;
        }
        // 2-4. A resizable, non-shared buffer makes the view variable-length.
        is_fixed_length_array_buffer(&self.buffer) || is_shared_array_buffer(&self.buffer)
    }
}

/// CanonicalNumericIndexString(P) for a property key: the Number for keys that are
/// canonical numeric strings ("1", "-0", "1.5", "Infinity", "NaN", ...), `None` otherwise.
pub fn canonical_numeric_index(key: &PropKey) -> Option<f64> {
    match key {
        PropKey::Index(i) => Some(*i as f64),
        PropKey::Sym(_) => None,
        PropKey::Str(s) => {
            let u = s.units();
            let first = *u.first()?;
            // Every canonical numeric string starts with a digit, '-', 'I'nfinity or 'N'aN.
            if !(first == b'-' as u16
                || (b'0' as u16..=b'9' as u16).contains(&first)
                || first == b'I' as u16
                || first == b'N' as u16)
            {
                return None;
            }
            // 1. If argument is "-0", return -0𝔽.
            if u == [b'-' as u16, b'0' as u16] {
                return Some(-0.0);
            }
            // 2. Let n be ! ToNumber(argument).
            let n = string_to_number(s);
            // 3. If ! ToString(n) is argument, return n.
            if number_to_jsstr(n).units() == u {
                Some(n)
            } else {
                None
            }
        }
    }
}

/// The typed array data of `o`, if it is one.
pub fn typed_array_data(o: &Obj) -> Option<TypedArrayData> {
    match &o.borrow().kind {
        ObjectKind::TypedArray(ta) => Some((**ta).clone()),
        _ => None,
    }
}

/// Is `v` a typed array object?
pub fn is_typed_array(v: &Value) -> bool {
    matches!(v, Value::Object(o) if matches!(o.borrow().kind, ObjectKind::TypedArray(_)))
}

/// `%XArray.prototype%` for an element type.
pub fn typed_array_prototype_of(i: &Intrinsics, ty: ElementType) -> Obj {
    match ty {
        ElementType::Int8 => i.int8_array_prototype.clone(),
        ElementType::Uint8 => i.uint8_array_prototype.clone(),
        ElementType::Uint8C => i.uint8_clamped_array_prototype.clone(),
        ElementType::Int16 => i.int16_array_prototype.clone(),
        ElementType::Uint16 => i.uint16_array_prototype.clone(),
        ElementType::Int32 => i.int32_array_prototype.clone(),
        ElementType::Uint32 => i.uint32_array_prototype.clone(),
        ElementType::BigInt64 => i.big_int64_array_prototype.clone(),
        ElementType::BigUint64 => i.big_uint64_array_prototype.clone(),
        ElementType::Float16 => i.float16_array_prototype.clone(),
        ElementType::Float32 => i.float32_array_prototype.clone(),
        ElementType::Float64 => i.float64_array_prototype.clone(),
    }
}

/// `%XArray%` for an element type.
pub fn typed_array_constructor_of(i: &Intrinsics, ty: ElementType) -> Obj {
    match ty {
        ElementType::Int8 => i.int8_array_ctor.clone(),
        ElementType::Uint8 => i.uint8_array_ctor.clone(),
        ElementType::Uint8C => i.uint8_clamped_array_ctor.clone(),
        ElementType::Int16 => i.int16_array_ctor.clone(),
        ElementType::Uint16 => i.uint16_array_ctor.clone(),
        ElementType::Int32 => i.int32_array_ctor.clone(),
        ElementType::Uint32 => i.uint32_array_ctor.clone(),
        ElementType::BigInt64 => i.big_int64_array_ctor.clone(),
        ElementType::BigUint64 => i.big_uint64_array_ctor.clone(),
        ElementType::Float16 => i.float16_array_ctor.clone(),
        ElementType::Float32 => i.float32_array_ctor.clone(),
        ElementType::Float64 => i.float64_array_ctor.clone(),
    }
}

fn set_intrinsic_ctor(i: &mut Intrinsics, ty: ElementType, ctor: Obj) {
    let slot = match ty {
        ElementType::Int8 => &mut i.int8_array_ctor,
        ElementType::Uint8 => &mut i.uint8_array_ctor,
        ElementType::Uint8C => &mut i.uint8_clamped_array_ctor,
        ElementType::Int16 => &mut i.int16_array_ctor,
        ElementType::Uint16 => &mut i.uint16_array_ctor,
        ElementType::Int32 => &mut i.int32_array_ctor,
        ElementType::Uint32 => &mut i.uint32_array_ctor,
        ElementType::BigInt64 => &mut i.big_int64_array_ctor,
        ElementType::BigUint64 => &mut i.big_uint64_array_ctor,
        ElementType::Float16 => &mut i.float16_array_ctor,
        ElementType::Float32 => &mut i.float32_array_ctor,
        ElementType::Float64 => &mut i.float64_array_ctor,
    };
    *slot = ctor;
}

/// The most integer keys V8 lists for one object (its key accumulator's capacity): past it
/// `Reflect.ownKeys`, `Object.keys` and for-in throw "Too many properties to enumerate".
pub const MAX_ENUMERABLE_KEYS: usize = 26_843_544;

/// The largest byte length a typed array may have (V8's kMaxByteLength, 2^53 - 1).
const MAX_BYTE_LENGTH: u64 = 9007199254740991;

impl Interp {
    /// ToBigInt or ToNumber, by the content type of `ty` (TypedArraySetElement steps 1-2).
    pub fn to_element_numeric(&mut self, ty: ElementType, v: &Value) -> JsResult<Value> {
        if ty.is_bigint() {
            Ok(Value::BigInt(self.to_bigint(v)?))
        } else {
            Ok(Value::Number(self.to_number(v)?))
        }
    }

    /// TypedArraySetElement(O, index, value).
    pub fn typed_array_set_element(&mut self, o: &Obj, index: f64, value: &Value) -> JsResult<()> {
        let ty = match &o.borrow().kind {
            ObjectKind::TypedArray(ta) => ta.ty,
            _ => return Ok(()),
        };
        // 1-2. Let numValue be ? ToBigInt(value) or ? ToNumber(value) (a Number is its own
        // ToNumber).
        let num = match value {
            Value::Number(_) if !ty.is_bigint() => value.clone(),
            _ => self.to_element_numeric(ty, value)?,
        };
        // 3. If IsValidIntegerIndex(O, index) is true, SetValueInBuffer(...).
        if let ObjectKind::TypedArray(ta) = &o.borrow().kind {
            ta.set_element_value(index, &num);
        }
        Ok(())
    }

    /// The TypedArray `[[Set]]` (§10.4.5.5) for a key that is a canonical numeric string
    /// (`index`).
    pub(crate) fn typed_array_set(
        &mut self,
        o: &Obj,
        index: f64,
        key: PropKey,
        v: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        // 1.b.i. If SameValue(O, Receiver) is true, then
        if matches!(receiver, Value::Object(r) if Obj::ptr_eq(r, o)) {
            // 1. Perform ? TypedArraySetElement(O, numericIndex, V).
            self.typed_array_set_element(o, index, &v)?;
            // 2. Return true.
            return Ok(true);
        }
        // 1.b.ii. If IsValidIntegerIndex(O, numericIndex) is false, return true.
        let valid = typed_array_data(o).is_some_and(|ta| ta.is_valid_integer_index(index));
        if !valid {
            return Ok(true);
        }
        // 2. Return ? OrdinarySet(O, P, V, Receiver): the own property is a writable data
        //    property, so the receiver gets the value.
        self.set_on_receiver(key, v, receiver)
    }

    /// The TypedArray `[[DefineOwnProperty]]` (§10.4.5.3) for a canonical numeric key.
    pub(crate) fn typed_array_define_own_property(
        &mut self,
        o: &Obj,
        index: f64,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        let valid = typed_array_data(o).is_some_and(|ta| ta.is_valid_integer_index(index));
        // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
        if !valid {
            return Ok(false);
        }
        // ii. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false,
        //     return false.
        if desc.configurable == Some(false) {
            return Ok(false);
        }
        // iii. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return
        //      false.
        if desc.enumerable == Some(false) {
            return Ok(false);
        }
        // iv. If IsAccessorDescriptor(Desc) is true, return false.
        if desc.is_accessor() {
            return Ok(false);
        }
        // v. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
        if desc.writable == Some(false) {
            return Ok(false);
        }
        // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O, numericIndex,
        //     Desc.[[Value]]).
        if let Some(v) = &desc.value {
            self.typed_array_set_element(o, index, v)?;
        }
        // vii. Return true.
        Ok(true)
    }

    /// ValidateTypedArray(O, order): the typed array and its length (TypedArrayLength of the
    /// witness record). `method` names the built-in in V8's messages.
    pub fn validate_typed_array(
        &mut self,
        o: &Value,
        method: &str,
    ) -> JsResult<(Obj, TypedArrayData, usize)> {
        // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
        let Value::Object(obj) = o else {
            return Err(self.type_error("this is not a typed array."));
        };
        let Some(ta) = typed_array_data(obj) else {
            return Err(self.type_error("this is not a typed array."));
        };
        // 3-4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        match ta.length() {
            Some(len) => Ok((obj.clone(), ta, len)),
            None => Err(self.detached_view_error(method)),
        }
    }

    /// V8's TypeError for an operation on a view whose buffer is detached or out of bounds.
    pub fn detached_view_error(&mut self, method: &str) -> Abrupt {
        self.type_error(format!("Cannot perform {method} on a detached ArrayBuffer"))
    }

    /// TypedArrayCreateFromConstructor(constructor, argumentList).
    pub fn typed_array_create_from_constructor(
        &mut self,
        constructor: &Obj,
        args: &[Value],
        method: &str,
    ) -> JsResult<(Obj, TypedArrayData)> {
        // 1. Let newTypedArray be ? Construct(constructor, argumentList).
        let new = self.construct(constructor, args, None)?;
        // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst).
        if !is_typed_array(&new) {
            return Err(crate::builtins::iterator::incompatible_receiver(
                self, method, &new,
            ));
        }
        let (obj, ta, len) = self.validate_typed_array(&new, method)?;
        // 3. If the number of elements in argumentList is 1 and argumentList[0] is a Number,
        //    then if length < argumentList[0], throw a TypeError exception.
        if let [Value::Number(n)] = args {
            if (len as f64) < *n {
                return Err(self.type_error(
                    "Derived TypedArray constructor created an array which was too small",
                ));
            }
        }
        // 4. Return newTypedArray.
        Ok((obj, ta))
    }

    /// TypedArraySpeciesCreate(exemplar, argumentList).
    pub fn typed_array_species_create(
        &mut self,
        exemplar: &Obj,
        exemplar_ty: ElementType,
        args: &[Value],
        method: &str,
    ) -> JsResult<(Obj, TypedArrayData)> {
        // 1. Let defaultConstructor be the intrinsic object associated with the constructor
        //    name exemplar.[[TypedArrayName]] in Table 71.
        let default = typed_array_constructor_of(&self.intrinsics, exemplar_ty);
        // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
        let constructor = species_constructor(self, exemplar, &default)?;
        let Value::Object(constructor) = constructor else {
            return Err(self.type_error("object.constructor[Symbol.species] is not a constructor"));
        };
        // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
        let (result, ta) = self.typed_array_create_from_constructor(&constructor, args, method)?;
        // 4. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError.
        if ta.ty.is_bigint() != exemplar_ty.is_bigint() {
            return Err(self.type_error(crate::interp::ops::MIX_BIGINT));
        }
        // 5. Return result.
        Ok((result, ta))
    }

    /// TypedArrayCreateSameType(exemplar, length).
    pub fn typed_array_create_same_type(
        &mut self,
        ty: ElementType,
        length: usize,
    ) -> JsResult<(Obj, TypedArrayData)> {
        // 1-2. The intrinsic constructor of the exemplar's type, with no user code: allocate
        //      directly.
        let proto = typed_array_prototype_of(&self.intrinsics, ty);
        self.allocate_typed_array_with_length(ty, proto, length as u64)
    }

    /// AllocateTypedArray with a length: AllocateTypedArrayBuffer on a fresh object.
    pub fn allocate_typed_array_with_length(
        &mut self,
        ty: ElementType,
        proto: Obj,
        length: u64,
    ) -> JsResult<(Obj, TypedArrayData)> {
        // AllocateTypedArrayBuffer: 5-6. Let byteLength be elementSize × length.
        let byte_length = length.saturating_mul(ty.size() as u64);
        if byte_length > MAX_BYTE_LENGTH {
            return Err(self.range_error(format!(
                "Invalid typed array length: {}",
                crate::value::number_to_string(length as f64)
            )));
        }
        // 7. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
        let buffer = self.allocate_plain_array_buffer(byte_length)?;
        let ta = TypedArrayData {
            ty,
            buffer,
            byte_offset: 0,
            array_length: Some(length as usize),
        };
        Ok((self.make_typed_array(proto, ta.clone()), ta))
    }

    /// TypedArrayCreate(prototype) with its slots filled.
    pub fn make_typed_array(&self, proto: Obj, ta: TypedArrayData) -> Obj {
        Obj::new(Some(proto), ObjectKind::TypedArray(Box::new(ta)))
    }

    /// `obj[k]` for a typed array and an integer k (TypedArrayGetElement through `[[Get]]`).
    pub fn typed_array_get_index(&self, o: &Obj, k: usize) -> Value {
        match &o.borrow().kind {
            ObjectKind::TypedArray(ta) => ta.get_element(k as f64).unwrap_or(Value::Undefined),
            _ => Value::Undefined,
        }
    }
}

// ---- %TypedArray% -----------------------------------------------------------------------------

/// `%TypedArray%()`: always a TypeError.
fn typed_array_abstract_constructor(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Err(it.type_error("Abstract class TypedArray not directly constructable"))
}

/// The element type a concrete constructor was created for (its first capture).
fn callee_element_type(a: &Args) -> ElementType {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::Number(i)) => ElementType::from_index(*i as usize),
            _ => ElementType::Uint8,
        },
        _ => ElementType::Uint8,
    }
}

/// `TypedArray(...args)`, the concrete constructors (§23.2.5.1).
fn typed_array_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ty = callee_element_type(a);
    let name = ty.constructor_name();
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(nt) = a.new_target else {
        return Err(it.type_error(format!("Constructor {name} requires 'new'")));
    };
    let nt = nt.clone();
    let default_proto = move |i: &Intrinsics| typed_array_prototype_of(i, ty);
    // 4-5. No arguments: AllocateTypedArray(constructorName, NewTarget, proto, 0).
    let first = a.get(0);
    let Value::Object(first_obj) = &first else {
        // 6.c. firstArgument is not an Object: ii. Let elementLength be ? ToIndex(firstArgument).
        let element_length = if a.is_empty() {
            0
        } else {
            it.to_index_or(&first, |n| {
                format!(
                    "Invalid typed array length: {}",
                    crate::value::number_to_string(n)
                )
            })?
        };
        // iii. Return ? AllocateTypedArray(constructorName, NewTarget, proto, elementLength).
        let proto = it.get_prototype_from_constructor(&nt, default_proto)?;
        let (o, _) = it.allocate_typed_array_with_length(ty, proto, element_length)?;
        return Ok(Value::Object(o));
    };
    // 6.b.i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto) (the object
    //        is made once its buffer is known; only the prototype lookup is observable).
    let proto = it.get_prototype_from_constructor(&nt, default_proto)?;
    let kind_of_first = match &first_obj.borrow().kind {
        ObjectKind::TypedArray(src) => Some(Ok((**src).clone())),
        ObjectKind::ArrayBuffer(_) => Some(Err(())),
        _ => None,
    };
    match kind_of_first {
        // ii. firstArgument has a [[TypedArrayName]] internal slot.
        Some(Ok(src)) => {
            let ta = initialize_typed_array_from_typed_array(it, ty, &src)?;
            Ok(Value::Object(it.make_typed_array(proto, ta)))
        }
        // iii. firstArgument has an [[ArrayBufferData]] internal slot.
        Some(Err(())) => {
            let byte_offset = if a.len() > 1 {
                a.get(1)
            } else {
                Value::Undefined
            };
            let length = if a.len() > 2 {
                a.get(2)
            } else {
                Value::Undefined
            };
            let ta =
                initialize_typed_array_from_array_buffer(it, ty, first_obj, &byte_offset, &length)?;
            Ok(Value::Object(it.make_typed_array(proto, ta)))
        }
        None => {
            // iv.2. Let usingIterator be ? GetMethod(firstArgument, %Symbol.iterator%).
            let key = PropKey::Sym(it.symbols.iterator.clone());
            let using_iterator = it.get_method(&first, &key)?;
            if let Some(m) = using_iterator {
                // 3.a. Let values be ? IteratorToList(? GetIteratorFromMethod(...)).
                let values = if it.has_default_array_iteration(first_obj) {
                    it.iterable_to_list(&first)?
                } else {
                    let mut rec = it.get_iterator_from_method(&first, &Value::Object(m))?;
                    let mut out = Vec::new();
                    while let Some(x) = it.iterator_step_value(&mut rec)? {
                        out.push(x);
                    }
                    out
                };
                // b. Perform ? InitializeTypedArrayFromList(O, values).
                let (o, _) = it.allocate_typed_array_with_length(ty, proto, values.len() as u64)?;
                for (k, v) in values.iter().enumerate() {
                    it.typed_array_set_element(&o, k as f64, v)?;
                }
                Ok(Value::Object(o))
            } else {
                // 4.b. Perform ? InitializeTypedArrayFromArrayLike(O, firstArgument).
                let len = it.length_of_array_like(first_obj)?;
                let (o, _) = it.allocate_typed_array_with_length(ty, proto, len)?;
                for k in 0..len {
                    let v = it.get(first_obj, &crate::interp::ops::index_key(k))?;
                    it.typed_array_set_element(&o, k as f64, &v)?;
                }
                Ok(Value::Object(o))
            }
        }
    }
}

/// InitializeTypedArrayFromTypedArray(O, srcArray).
fn initialize_typed_array_from_typed_array(
    it: &mut Interp,
    ty: ElementType,
    src: &TypedArrayData,
) -> JsResult<TypedArrayData> {
    // 1-7. srcData, elementType, ... and the witness record.
    // 8. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let Some(element_length) = src.length() else {
        return Err(it.detached_view_error("Construct"));
    };
    // 10. Let byteLength be elementSize × elementLength.
    let byte_length = (element_length as u64).saturating_mul(ty.size() as u64);
    // 11. If elementType is srcType, let data be ? CloneArrayBuffer(...); 12.a. else let data
    //     be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    let data = it.allocate_plain_array_buffer(byte_length)?;
    // 12.b. If srcArray.[[ContentType]] is not O.[[ContentType]], throw a TypeError exception.
    if src.ty.is_bigint() != ty.is_bigint() {
        return Err(it.type_error(crate::interp::ops::MIX_BIGINT));
    }
    if src.ty == ty {
        copy_buffer_bytes(&src.buffer, src.byte_offset, &data, 0, byte_length as usize);
    } else {
        for k in 0..element_length {
            let v = src.get_index(k);
            set_value_in_buffer(&data, k * ty.size(), ty, &v, true);
        }
    }
    // 13-16. Set the slots.
    Ok(TypedArrayData {
        ty,
        buffer: data,
        byte_offset: 0,
        array_length: Some(element_length),
    })
}

/// InitializeTypedArrayFromArrayBuffer(O, buffer, byteOffset, length).
fn initialize_typed_array_from_array_buffer(
    it: &mut Interp,
    ty: ElementType,
    buffer: &Obj,
    byte_offset: &Value,
    length: &Value,
) -> JsResult<TypedArrayData> {
    let name = ty.constructor_name();
    // 1. Let elementSize be TypedArrayElementSize(O).
    let element_size = ty.size() as u64;
    // 2. Let offset be ? ToIndex(byteOffset).
    let offset = it.to_index_or(byte_offset, |n| {
        format!(
            "Start offset {} is outside the bounds of the buffer",
            crate::value::number_to_string(n)
        )
    })?;
    // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
    if !offset.is_multiple_of(element_size) {
        return Err(it.range_error(format!(
            "start offset of {name} should be a multiple of {element_size}"
        )));
    }
    // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let buffer_is_fixed_length = is_fixed_length_array_buffer(buffer);
    // 5. If length is not undefined, let newLength be ? ToIndex(length).
    let new_length = if length.is_undefined() {
        None
    } else {
        Some(it.to_index_or(length, |n| {
            format!(
                "Invalid typed array length: {}",
                crate::value::number_to_string(n)
            )
        })?)
    };
    // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(buffer) {
        return Err(it.detached_view_error("Construct"));
    }
    // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = buffer_byte_length(buffer).unwrap_or(0) as u64;
    // 8. If length is undefined and bufferIsFixedLength is false, then
    let array_length = if new_length.is_none() && !buffer_is_fixed_length {
        // a. If offset > bufferByteLength, throw a RangeError exception.
        if offset > buffer_byte_length {
            return Err(it.range_error(format!(
                "Start offset {offset} is outside the bounds of the buffer"
            )));
        }
        // b-c. O.[[ByteLength]] and O.[[ArrayLength]] are auto.
        None
    } else {
        // 9.a. If length is undefined, then
        let new_byte_length = match new_length {
            None => {
                // i. If bufferByteLength modulo elementSize ≠ 0, throw a RangeError.
                if !buffer_byte_length.is_multiple_of(element_size) {
                    return Err(it.range_error(format!(
                        "byte length of {name} should be a multiple of {element_size}"
                    )));
                }
                // ii-iii. Let newByteLength be bufferByteLength - offset; if < 0, RangeError.
                if offset > buffer_byte_length {
                    return Err(it.range_error(format!(
                        "Start offset {offset} is outside the bounds of the buffer"
                    )));
                }
                buffer_byte_length - offset
            }
            Some(n) => {
                // b.i. Let newByteLength be newLength × elementSize.
                let nbl = n.saturating_mul(element_size);
                // ii. If offset + newByteLength > bufferByteLength, throw a RangeError.
                if offset.saturating_add(nbl) > buffer_byte_length {
                    return Err(it.range_error(format!("Invalid typed array length: {n}")));
                }
                nbl
            }
        };
        // c-d. Set O.[[ByteLength]] and O.[[ArrayLength]].
        Some((new_byte_length / element_size) as usize)
    };
    // 10-11. Set O.[[ViewedArrayBuffer]] and O.[[ByteOffset]].
    Ok(TypedArrayData {
        ty,
        buffer: buffer.clone(),
        byte_offset: offset as usize,
        array_length,
    })
}

/// `%TypedArray%.from(source [, mapper [, thisArg]])`.
fn typed_array_from(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "%TypedArray%.from";
    // 1. Let C be the this value.
    let c = a.this.clone();
    // 2. If IsConstructor(C) is false, throw a TypeError exception.
    let Value::Object(c_obj) = &c else {
        let s = describe(it, &c);
        return Err(it.type_error(format!("{s} is not a constructor")));
    };
    if !c_obj.is_constructor() {
        let s = describe(it, &c);
        return Err(it.type_error(format!("{s} is not a constructor")));
    }
    // 3-4. mapping: mapper must be callable when present.
    let mapper = a.get(1);
    let mapping = !mapper.is_undefined();
    if mapping && !it.is_callable(&mapper) {
        let s = crate::interp::iter::not_iterable_type_text(&mapper);
        return Err(it.type_error(format!("{s} is not a function")));
    }
    let this_arg = a.get(2);
    let source = a.get(0);
    // 5. Let usingIterator be ? GetMethod(source, %Symbol.iterator%).
    let key = PropKey::Sym(it.symbols.iterator.clone());
    let using_iterator = it.get_method(&source, &key)?;
    // 6. If usingIterator is not undefined, then
    if let Some(m) = using_iterator {
        // a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
        let fast = matches!(&source, Value::Object(o) if it.has_default_array_iteration(o));
        let values = if fast {
            it.iterable_to_list(&source)?
        } else {
            let mut rec = it.get_iterator_from_method(&source, &Value::Object(m))?;
            let mut out = Vec::new();
            while let Some(x) = it.iterator_step_value(&mut rec)? {
                out.push(x);
            }
            out
        };
        // b. Let len be the number of elements in values.
        let len = values.len();
        // c. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
        let (target, _) =
            it.typed_array_create_from_constructor(c_obj, &[Value::Number(len as f64)], NAME)?;
        // d-e. Set each (mapped) value.
        for (k, v) in values.into_iter().enumerate() {
            let mapped = if mapping {
                it.call(&mapper, &this_arg, &[v, Value::Number(k as f64)])?
            } else {
                v
            };
            it.set(&target, PropKey::Index(k as u32), mapped, true)?;
        }
        return Ok(Value::Object(target));
    }
    // 7. NOTE: source is not an Iterable so assume it is already an array-like object.
    // 8. Let arrayLike be ! ToObject(source).
    let array_like = it.to_object(&source)?;
    // 9. Let len be ? LengthOfArrayLike(arrayLike).
    let len = it.length_of_array_like(&array_like)?;
    // 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let (target, _) =
        it.typed_array_create_from_constructor(c_obj, &[Value::Number(len as f64)], NAME)?;
    // 11-12. Copy (and map) each element.
    for k in 0..len {
        let pk = crate::interp::ops::index_key(k);
        let v = it.get(&array_like, &pk)?;
        let mapped = if mapping {
            it.call(&mapper, &this_arg, &[v, Value::Number(k as f64)])?
        } else {
            v
        };
        it.set(&target, pk, mapped, true)?;
    }
    // 13. Return targetObj.
    Ok(Value::Object(target))
}

/// `%TypedArray%.of(...items)`.
fn typed_array_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. Let len be the number of elements in items.
    let len = a.len();
    // 3. Let C be the this value.
    let c = a.this.clone();
    // 4. If IsConstructor(C) is false, throw a TypeError exception.
    let Value::Object(c_obj) = &c else {
        let s = describe(it, &c);
        return Err(it.type_error(format!("{s} is not a constructor")));
    };
    if !c_obj.is_constructor() {
        let s = describe(it, &c);
        return Err(it.type_error(format!("{s} is not a constructor")));
    }
    // 5. Let newObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let (new_obj, _) = it.typed_array_create_from_constructor(
        c_obj,
        &[Value::Number(len as f64)],
        "%TypedArray%.of",
    )?;
    // 6-7. Set each item.
    for (k, v) in a.args.iter().enumerate() {
        it.set(&new_obj, PropKey::Index(k as u32), v.clone(), true)?;
    }
    // 8. Return newObj.
    Ok(Value::Object(new_obj))
}

fn species_getter(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

// ---- init ---------------------------------------------------------------------------------------

pub fn init(it: &mut Interp) {
    // %TypedArray%.
    let ta_proto = it.intrinsics.typed_array_prototype.clone();
    let ta_ctor = it.native_fn_with(
        "TypedArray",
        0,
        typed_array_abstract_constructor,
        true,
        Vec::new(),
    );
    crate::builtins::link_ctor_proto(&ta_ctor, &ta_proto);
    it.define_method(&ta_ctor, "of", 0, typed_array_of);
    it.define_method(&ta_ctor, "from", 1, typed_array_from);
    let species = PropKey::Sym(it.symbols.species.clone());
    it.define_getter(&ta_ctor, species, species_getter);
    it.intrinsics.typed_array_ctor = ta_ctor.clone();
    crate::builtins::typed_array_proto::init(it, &ta_proto);

    // The concrete constructors, in V8's global order.
    for ty in ElementType::ALL {
        let name = ty.constructor_name();
        let proto = typed_array_prototype_of(&it.intrinsics, ty);
        let ctor = it.native_fn_with(
            name,
            3,
            typed_array_constructor,
            true,
            vec![Value::Number(ty.index() as f64)],
        );
        ctor.borrow_mut().proto = Some(ta_ctor.clone());
        crate::builtins::link_ctor_proto(&ctor, &proto);
        let bpe = Value::Number(ty.size() as f64);
        ctor.define("BYTES_PER_ELEMENT", bpe.clone(), Attrs::NONE);
        proto.define("BYTES_PER_ELEMENT", bpe, Attrs::NONE);
        set_intrinsic_ctor(&mut it.intrinsics, ty, ctor.clone());
        crate::builtins::define_global(it, name, Value::Object(ctor));
    }
    crate::builtins::uint8_base64::init(it);
}

/// Reads a view's buffer length for inspect-like callers that must not run code: the
/// bytes of a buffer (`None` when detached).
pub fn buffer_bytes(buf: &Obj) -> Option<Vec<u8>> {
    read_buffer(buf, |b| b.bytes().map(|d| d.clone())).flatten()
}

#[cfg(test)]
mod tests {
    use super::canonical_numeric_index;
    use crate::interp::test_support::eval_to_string as run;
    use crate::object::PropKey;

    #[test]
    fn canonical_numeric_index_strings() {
        let key = |s: &str| canonical_numeric_index(&PropKey::from(s));
        assert_eq!(key("0"), Some(0.0));
        assert_eq!(key("4294967295"), Some(4294967295.0));
        assert!(key("-0").is_some_and(|n| n == 0.0 && n.is_sign_negative()));
        assert_eq!(key("1.5"), Some(1.5));
        assert_eq!(key("-1"), Some(-1.0));
        assert_eq!(key("Infinity"), Some(f64::INFINITY));
        assert!(key("NaN").is_some_and(f64::is_nan));
        assert_eq!(key("1e+21"), Some(1e21));
        // Not canonical: ToString(ToNumber(s)) differs from s.
        for s in [
            "01", "1.0", "+1", " 1", "1e21", "0x10", "-", "", "foo", "length",
        ] {
            assert_eq!(key(s), None, "{s:?}");
        }
    }

    #[test]
    fn integer_indexed_exotic_object() {
        // Numeric keys never reach the prototype or the property map.
        assert_eq!(
            run(
                "(() => { Object.prototype[5] = 'p'; Object.prototype['-0'] = 'q'; \
                 const t = new Uint8Array(2); t['1.5'] = 1; t.foo = 2; \
                 return [t[5], t['-0'], t['1.5'], 5 in t, '-0' in t, 1 in t, t.foo, \
                         Object.keys(t).join(), delete t[0], delete t[9]]; })()"
            ),
            ",,,false,false,true,2,0,1,foo,false,true"
        );
        // [[Set]] converts the value even for an invalid index; receivers are respected.
        assert_eq!(
            run(
                "(() => { let n = 0; const v = { valueOf() { n++; return 7; } }; \
                 const t = new Uint8Array(1); t[3] = v; t[0] = v; \
                 const o = Object.create(t); o[0] = 9; \
                 return [n, t[0], o[0], Object.getOwnPropertyNames(o).join()]; })()"
            ),
            "2,7,9,0"
        );
        // Writes wrap, clamp or round as the element type says.
        assert_eq!(
            run("[Uint8Array.of(257, -1)[1], Int8Array.of(200)[0], \
                 Uint8ClampedArray.of(2.5, 3.5, -4)[1], Float16Array.of(0.1)[0]]"),
            "255,-56,4,0.0999755859375"
        );
    }

    #[test]
    fn resizable_buffers_and_detaching() {
        assert_eq!(
            run(
                "(() => { const b = new ArrayBuffer(4, { maxByteLength: 8 }); \
                 const all = new Uint16Array(b), fixed = new Uint16Array(b, 2, 1); \
                 const out = [all.length, fixed.length]; b.resize(8); out.push(all.length); \
                 b.resize(2); out.push(all.length, fixed.length, fixed.byteOffset); \
                 const m = b.transfer(); out.push(all.length, b.detached, m.byteLength); \
                 return out; })()"
            ),
            "2,1,4,1,0,0,0,true,2"
        );
        assert_eq!(
            run("(() => { const t = new Uint8Array(2); t.buffer.transfer(); return t.map(x => x); })()"),
            "TypeError: Cannot perform %TypedArray%.prototype.map on a detached ArrayBuffer"
        );
        assert_eq!(
            run("new ArrayBuffer(2 ** 40)"),
            "RangeError: Array buffer allocation failed"
        );
    }
}
