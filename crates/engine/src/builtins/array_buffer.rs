//! `ArrayBuffer` and `SharedArrayBuffer` (ECMA-262 §25.1, §25.2) and the buffer abstract
//! operations every view uses: AllocateArrayBuffer, DetachArrayBuffer, IsDetachedBuffer,
//! GetValueFromBuffer / SetValueInBuffer, RawBytesToNumeric / NumericToRawBytes and the
//! element types of Table 71 (with Float16's round-to-nearest-even conversion).
//!
//! A buffer is one object whose [`ArrayBufferData`] owns the bytes (`Vec<u8>`); typed arrays
//! and DataViews keep a reference to the buffer *object* and read through it, so one buffer
//! has many views, detaching (`data = None`) is seen by all of them at once, and a resizable
//! buffer resizes in place. Shared buffers use the same storage: jsgen has one agent, so
//! there is nothing to share them with.
//!
//! Allocation is fallible: lengths come from scripts, so a huge length is V8's
//! `RangeError: Array buffer allocation failed`, never an allocation abort.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use crate::builtins::iterator::incompatible_receiver;
use crate::builtins::promise::species_constructor;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::value::{to_int32, to_uint32, Value};

/// The largest byte length jsgen allocates (4 GiB). Larger requests are V8's "Array buffer
/// allocation failed", which is what V8 reports when the memory cannot be had.
pub const MAX_ALLOCATION: u64 = 1 << 32;

/// The largest `maxByteLength` V8 can reserve address space for.
const MAX_RESERVATION: u64 = 1 << 45;

/// 2^53 - 1, the largest index ToIndex accepts.
const MAX_SAFE_INTEGER: u64 = 9007199254740991;

/// A Data Block: a buffer's bytes. A SharedArrayBuffer's block may belong to several buffer
/// objects (`structuredClone` of a SharedArrayBuffer shares its memory), hence the `Rc`.
/// Borrows are short and never nested; a failed borrow reads as detached rather than
/// panicking.
#[derive(Debug, Clone)]
pub struct DataBlock(Rc<RefCell<Vec<u8>>>);

impl DataBlock {
    pub fn new(bytes: Vec<u8>) -> DataBlock {
        DataBlock(Rc::new(RefCell::new(bytes)))
    }
    pub fn len(&self) -> usize {
        self.0.try_borrow().map_or(0, |d| d.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn read(&self) -> Option<Ref<'_, Vec<u8>>> {
        self.0.try_borrow().ok()
    }
    pub fn write(&self) -> Option<RefMut<'_, Vec<u8>>> {
        self.0.try_borrow_mut().ok()
    }
}

/// \[\[ArrayBufferData\]\] and the other internal slots of an ArrayBuffer or SharedArrayBuffer.
#[derive(Debug)]
pub struct ArrayBufferData {
    /// \[\[ArrayBufferData\]\]; `None` once detached (its length is then 0).
    pub block: Option<DataBlock>,
    /// \[\[ArrayBufferMaxByteLength\]\]: present on resizable ArrayBuffers and growable
    /// SharedArrayBuffers.
    pub max_byte_length: Option<usize>,
    /// A SharedArrayBuffer (never detached).
    pub shared: bool,
    /// \[\[ArrayBufferDetachKey\]\].
    pub detach_key: Value,
}

impl ArrayBufferData {
    /// \[\[ArrayBufferByteLength\]\] (0 once detached).
    pub fn byte_length(&self) -> usize {
        self.block.as_ref().map_or(0, |d| d.len())
    }
    /// The bytes, to read (`None` when detached).
    pub fn bytes(&self) -> Option<Ref<'_, Vec<u8>>> {
        self.block.as_ref()?.read()
    }
    /// The bytes, to write or resize (`None` when detached).
    pub fn bytes_mut(&self) -> Option<RefMut<'_, Vec<u8>>> {
        self.block.as_ref()?.write()
    }
    /// A buffer's slots around fresh bytes.
    pub fn new(bytes: Vec<u8>, max_byte_length: Option<usize>, shared: bool) -> ArrayBufferData {
        ArrayBufferData {
            block: Some(DataBlock::new(bytes)),
            max_byte_length,
            shared,
            detach_key: Value::Undefined,
        }
    }
}

// ---- element types (Table 71) ---------------------------------------------------------------

/// The element types of typed arrays and DataView accessors.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ElementType {
    Int8,
    Uint8,
    Uint8C,
    Int16,
    Uint16,
    Int32,
    Uint32,
    BigInt64,
    BigUint64,
    Float16,
    Float32,
    Float64,
}

impl ElementType {
    /// Every element type, in the order the typed array constructors are installed.
    pub const ALL: [ElementType; 12] = [
        ElementType::Uint8,
        ElementType::Int8,
        ElementType::Uint16,
        ElementType::Int16,
        ElementType::Uint32,
        ElementType::Int32,
        ElementType::BigUint64,
        ElementType::BigInt64,
        ElementType::Uint8C,
        ElementType::Float32,
        ElementType::Float64,
        ElementType::Float16,
    ];

    /// The Element Size.
    pub fn size(self) -> usize {
        match self {
            ElementType::Int8 | ElementType::Uint8 | ElementType::Uint8C => 1,
            ElementType::Int16 | ElementType::Uint16 | ElementType::Float16 => 2,
            ElementType::Int32 | ElementType::Uint32 | ElementType::Float32 => 4,
            ElementType::BigInt64 | ElementType::BigUint64 | ElementType::Float64 => 8,
        }
    }

    /// IsBigIntElementType: the \[\[ContentType\]\] is BigInt.
    pub fn is_bigint(self) -> bool {
        matches!(self, ElementType::BigInt64 | ElementType::BigUint64)
    }

    /// IsUnclampedIntegerElementType.
    pub fn is_unclamped_integer(self) -> bool {
        matches!(
            self,
            ElementType::Int8
                | ElementType::Uint8
                | ElementType::Int16
                | ElementType::Uint16
                | ElementType::Int32
                | ElementType::Uint32
        )
    }

    /// The typed array constructor name (\[\[TypedArrayName\]\]).
    pub fn constructor_name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8Array",
            ElementType::Uint8 => "Uint8Array",
            ElementType::Uint8C => "Uint8ClampedArray",
            ElementType::Int16 => "Int16Array",
            ElementType::Uint16 => "Uint16Array",
            ElementType::Int32 => "Int32Array",
            ElementType::Uint32 => "Uint32Array",
            ElementType::BigInt64 => "BigInt64Array",
            ElementType::BigUint64 => "BigUint64Array",
            ElementType::Float16 => "Float16Array",
            ElementType::Float32 => "Float32Array",
            ElementType::Float64 => "Float64Array",
        }
    }

    /// The DataView accessor suffix (`getInt8`, `setFloat16`, ...).
    pub fn view_name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8",
            ElementType::Uint8 | ElementType::Uint8C => "Uint8",
            ElementType::Int16 => "Int16",
            ElementType::Uint16 => "Uint16",
            ElementType::Int32 => "Int32",
            ElementType::Uint32 => "Uint32",
            ElementType::BigInt64 => "BigInt64",
            ElementType::BigUint64 => "BigUint64",
            ElementType::Float16 => "Float16",
            ElementType::Float32 => "Float32",
            ElementType::Float64 => "Float64",
        }
    }

    /// A small integer for storing the type in a function's captures.
    pub fn index(self) -> usize {
        ElementType::ALL
            .iter()
            .position(|t| *t == self)
            .unwrap_or(0)
    }

    pub fn from_index(i: usize) -> ElementType {
        ElementType::ALL
            .get(i)
            .copied()
            .unwrap_or(ElementType::Uint8)
    }
}

// ---- Float16 ---------------------------------------------------------------------------------

/// The binary16 encoding of `n`, rounded to nearest, ties to even (directly from the double:
/// going through `f32` would round twice). NaN is the canonical quiet NaN.
pub fn f64_to_f16_bits(n: f64) -> u16 {
    if n.is_nan() {
        return 0x7e00;
    }
    let sign: u16 = if n.is_sign_negative() { 0x8000 } else { 0 };
    let a = n.abs();
    // 65520 is halfway between the largest finite binary16 (65504) and 2^16: ties go to the
    // even significand, which is the overflow to infinity.
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    if a < 6.103515625e-5 {
        // Subnormal (or zero): units of 2^-24. A result of 1024 is the smallest normal,
        // whose encoding is the same integer.
        let m = (a * 16777216.0).round_ties_even() as u16;
        return sign | m;
    }
    // Normal: a = 1.f × 2^e with -14 <= e <= 15. Scaling by a power of two is exact.
    let e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let m = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    let (e, m) = if m == 2048 { (e + 1, 1024) } else { (e, m) };
    if e > 15 {
        return sign | 0x7c00;
    }
    sign | (((e + 15) as u16) << 10) | ((m - 1024) as u16)
}

/// The double value of a binary16 encoding.
pub fn f16_bits_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 if frac == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// `Math.f16round`-style rounding of a Number to the nearest binary16 value.
pub fn round_to_f16(n: f64) -> f64 {
    f16_bits_to_f64(f64_to_f16_bits(n))
}

// ---- raw byte conversions --------------------------------------------------------------------

/// The low 64 bits of a BigInt's two's complement (BigInt::asUintN(64, x)).
pub fn bigint_low_u64(b: &BigInt) -> u64 {
    let low = b.iter_u64_digits().next().unwrap_or(0);
    if b.sign() == Sign::Minus {
        low.wrapping_neg()
    } else {
        low
    }
}

/// ToUint8Clamp on a Number.
pub fn to_uint8_clamp(n: f64) -> u8 {
    if n.is_nan() || n <= 0.0 {
        return 0;
    }
    if n >= 255.0 {
        return 255;
    }
    // Round half to even.
    n.round_ties_even() as u8
}

/// RawBytesToNumeric(type, rawBytes, isLittleEndian).
pub fn raw_bytes_to_numeric(ty: ElementType, raw: &[u8], little_endian: bool) -> Value {
    let n = ty.size();
    let mut b = [0u8; 8];
    // (Callers pass at least `n` bytes; missing bytes read as zero rather than panic.)
    let have = n.min(raw.len());
    b[..have].copy_from_slice(&raw[..have]);
    // 1-2. Work on little-endian bytes.
    if !little_endian {
        b[..n].reverse();
    }
    let num = |x: f64| Value::Number(x);
    match ty {
        ElementType::Int8 => num(b[0] as i8 as f64),
        ElementType::Uint8 | ElementType::Uint8C => num(b[0] as f64),
        ElementType::Int16 => num(i16::from_le_bytes([b[0], b[1]]) as f64),
        ElementType::Uint16 => num(u16::from_le_bytes([b[0], b[1]]) as f64),
        ElementType::Int32 => num(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        ElementType::Uint32 => num(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        ElementType::Float16 => num(f16_bits_to_f64(u16::from_le_bytes([b[0], b[1]]))),
        ElementType::Float32 => num(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        ElementType::Float64 => num(f64::from_le_bytes(b)),
        ElementType::BigInt64 => Value::BigInt(Rc::new(BigInt::from(i64::from_le_bytes(b)))),
        ElementType::BigUint64 => Value::BigInt(Rc::new(BigInt::from(u64::from_le_bytes(b)))),
    }
}

/// NumericToRawBytes(type, value, isLittleEndian): the first `type.size()` bytes of the
/// result. `value` is a Number, or a BigInt for the BigInt types (anything else encodes 0).
pub fn numeric_to_raw_bytes(ty: ElementType, value: &Value, little_endian: bool) -> [u8; 8] {
    let mut out = [0u8; 8];
    let n = match value {
        Value::Number(n) => *n,
        _ => 0.0,
    };
    let big = || match value {
        Value::BigInt(b) => bigint_low_u64(b),
        _ => 0,
    };
    // Little-endian bytes straight into `out` (no buffer per element written).
    fn put<const N: usize>(out: &mut [u8; 8], bytes: [u8; N]) {
        out[..N].copy_from_slice(&bytes);
    }
    match ty {
        ElementType::Int8 => out[0] = to_int32(n) as i8 as u8,
        ElementType::Uint8 => out[0] = to_uint32(n) as u8,
        ElementType::Uint8C => out[0] = to_uint8_clamp(n),
        ElementType::Int16 => put(&mut out, (to_int32(n) as i16).to_le_bytes()),
        ElementType::Uint16 => put(&mut out, (to_uint32(n) as u16).to_le_bytes()),
        ElementType::Int32 => put(&mut out, to_int32(n).to_le_bytes()),
        ElementType::Uint32 => put(&mut out, to_uint32(n).to_le_bytes()),
        ElementType::Float16 => put(&mut out, f64_to_f16_bits(n).to_le_bytes()),
        ElementType::Float32 => {
            let f = if n.is_nan() { f32::NAN } else { n as f32 };
            put(&mut out, f.to_le_bytes())
        }
        ElementType::Float64 => {
            let f = if n.is_nan() { f64::NAN } else { n };
            put(&mut out, f.to_le_bytes())
        }
        ElementType::BigInt64 | ElementType::BigUint64 => put(&mut out, big().to_le_bytes()),
    }
    let size = ty.size();
    if !little_endian {
        out[..size].reverse();
    }
    out
}

// ---- buffer access without script code ---------------------------------------------------------

/// Runs `f` on a buffer object's slots (`None` if `buf` is not an ArrayBuffer or
/// SharedArrayBuffer).
pub fn with_buffer<R>(buf: &Obj, f: impl FnOnce(&mut ArrayBufferData) -> R) -> Option<R> {
    let mut d = buf.borrow_mut();
    match &mut d.kind {
        ObjectKind::ArrayBuffer(b) => Some(f(b)),
        _ => None,
    }
}

/// Reads a buffer object's slots (no mutation, so views may be borrowed meanwhile).
pub fn read_buffer<R>(buf: &Obj, f: impl FnOnce(&ArrayBufferData) -> R) -> Option<R> {
    let d = buf.borrow();
    match &d.kind {
        ObjectKind::ArrayBuffer(b) => Some(f(b)),
        _ => None,
    }
}

/// IsDetachedBuffer(arrayBuffer).
pub fn is_detached_buffer(buf: &Obj) -> bool {
    read_buffer(buf, |b| b.block.is_none()).unwrap_or(true)
}

/// IsSharedArrayBuffer(obj).
pub fn is_shared_array_buffer(buf: &Obj) -> bool {
    read_buffer(buf, |b| b.shared).unwrap_or(false)
}

/// IsFixedLengthArrayBuffer(arrayBuffer).
pub fn is_fixed_length_array_buffer(buf: &Obj) -> bool {
    read_buffer(buf, |b| b.max_byte_length.is_none()).unwrap_or(true)
}

/// ArrayBufferByteLength(arrayBuffer), or `None` when detached (the "detached" value of a
/// buffer witness record's \[\[CachedBufferByteLength\]\]).
pub fn buffer_byte_length(buf: &Obj) -> Option<usize> {
    read_buffer(buf, |b| b.block.as_ref().map(|d| d.len())).flatten()
}

/// GetValueFromBuffer(arrayBuffer, byteIndex, type, isTypedArray, order, isLittleEndian):
/// `undefined` if the bytes are not there (callers check the bounds first, as the spec
/// asserts).
pub fn get_value_from_buffer(
    buf: &Obj,
    byte_index: usize,
    ty: ElementType,
    little_endian: bool,
) -> Value {
    read_buffer(buf, |b| {
        let data = b.bytes()?;
        let bytes = data.get(byte_index..byte_index.checked_add(ty.size())?)?;
        Some(raw_bytes_to_numeric(ty, bytes, little_endian))
    })
    .flatten()
    .unwrap_or(Value::Undefined)
}

/// SetValueInBuffer(arrayBuffer, byteIndex, type, value, isTypedArray, order,
/// isLittleEndian). Out-of-range writes (which the spec's asserts exclude) do nothing.
pub fn set_value_in_buffer(
    buf: &Obj,
    byte_index: usize,
    ty: ElementType,
    value: &Value,
    little_endian: bool,
) {
    let raw = numeric_to_raw_bytes(ty, value, little_endian);
    with_buffer(buf, |b| {
        if let Some(mut data) = b.bytes_mut() {
            if let Some(end) = byte_index.checked_add(ty.size()) {
                if let Some(dst) = data.get_mut(byte_index..end) {
                    dst.copy_from_slice(&raw[..ty.size()]);
                }
            }
        }
    });
}

/// Copies `count` bytes between buffers (or within one), as CopyDataBlockBytes; ranges
/// outside the data are clipped.
pub fn copy_buffer_bytes(from: &Obj, from_index: usize, to: &Obj, to_index: usize, count: usize) {
    if Obj::ptr_eq(from, to) {
        with_buffer(to, |b| {
            if let Some(mut data) = b.bytes_mut() {
                let len = data.len();
                let count = count
                    .min(len.saturating_sub(from_index))
                    .min(len.saturating_sub(to_index));
                if count > 0 {
                    data.copy_within(from_index..from_index + count, to_index);
                }
            }
        });
        return;
    }
    let src: Vec<u8> = read_buffer(from, |b| {
        b.bytes()
            .and_then(|d| {
                let end = from_index.saturating_add(count).min(d.len());
                d.get(from_index..end).map(|s| s.to_vec())
            })
            .unwrap_or_default()
    })
    .unwrap_or_default();
    with_buffer(to, |b| {
        if let Some(mut data) = b.bytes_mut() {
            let end = to_index.saturating_add(src.len()).min(data.len());
            if to_index < end {
                data[to_index..end].copy_from_slice(&src[..end - to_index]);
            }
        }
    });
}

// ---- allocation -------------------------------------------------------------------------------

impl Interp {
    /// CreateByteDataBlock(size): `size` zero bytes, or V8's RangeError when they cannot be
    /// allocated.
    pub fn create_byte_data_block(&mut self, size: u64) -> JsResult<Vec<u8>> {
        if size > MAX_ALLOCATION {
            return Err(self.range_error("Array buffer allocation failed"));
        }
        let mut v: Vec<u8> = Vec::new();
        if v.try_reserve_exact(size as usize).is_err() {
            return Err(self.range_error("Array buffer allocation failed"));
        }
        if size >= 1 << 20 {
            // The memory is there: take it again zeroed (calloc), so the system maps zero
            // pages on first touch instead of writing gigabytes of zeros now (as V8 does:
            // `new Uint8Array(2 ** 31)` costs nothing until it is written).
            drop(v);
            return Ok(vec![0; size as usize]);
        }
        v.resize(size as usize, 0);
        Ok(v)
    }

    /// AllocateArrayBuffer(constructor, byteLength \[, maxByteLength\]).
    pub fn allocate_array_buffer(
        &mut self,
        constructor: &Obj,
        byte_length: u64,
        max_byte_length: Option<u64>,
    ) -> JsResult<Obj> {
        // 1-2. allocatingResizableBuffer is true when maxByteLength is present.
        // 3. If allocatingResizableBuffer is true and byteLength > maxByteLength, throw a
        //    RangeError exception.
        if let Some(max) = max_byte_length {
            if byte_length > max {
                return Err(self.range_error("Invalid array buffer max length"));
            }
        }
        // 4. Let obj be ? OrdinaryCreateFromConstructor(constructor, "%ArrayBuffer.prototype%",
        //    slots).
        let proto =
            self.get_prototype_from_constructor(constructor, |i| i.array_buffer_prototype.clone())?;
        self.allocate_buffer_with_proto(proto, byte_length, max_byte_length, false)
    }

    /// AllocateArrayBuffer(%ArrayBuffer%, byteLength): no user code runs.
    pub fn allocate_plain_array_buffer(&mut self, byte_length: u64) -> JsResult<Obj> {
        let proto = self.intrinsics.array_buffer_prototype.clone();
        self.allocate_buffer_with_proto(proto, byte_length, None, false)
    }

    /// AllocateSharedArrayBuffer(constructor, byteLength \[, maxByteLength\]).
    pub fn allocate_shared_array_buffer(
        &mut self,
        constructor: &Obj,
        byte_length: u64,
        max_byte_length: Option<u64>,
    ) -> JsResult<Obj> {
        if let Some(max) = max_byte_length {
            if byte_length > max {
                return Err(self.range_error("Invalid array buffer max length"));
            }
        }
        let proto = self.get_prototype_from_constructor(constructor, |i| {
            i.shared_array_buffer_prototype.clone()
        })?;
        self.allocate_buffer_with_proto(proto, byte_length, max_byte_length, true)
    }

    /// The allocation steps shared by AllocateArrayBuffer and AllocateSharedArrayBuffer once
    /// the prototype is known: CreateByteDataBlock(byteLength), then the maximum.
    fn allocate_buffer_with_proto(
        &mut self,
        proto: Obj,
        byte_length: u64,
        max_byte_length: Option<u64>,
        shared: bool,
    ) -> JsResult<Obj> {
        // 5. Let block be ? CreateByteDataBlock(byteLength).
        let block = self.create_byte_data_block(byte_length)?;
        // 8.a. If it is not possible to create a Data Block block consisting of maxByteLength
        //      bytes, throw a RangeError exception. (The block grows on resize; only the
        //      length is checked here.)
        if let Some(max) = max_byte_length {
            // V8 rounds the maximum up to whole 4 KiB pages, which must stay a safe integer.
            if max > MAX_SAFE_INTEGER - 4095 {
                return Err(self.range_error("Invalid array buffer max length"));
            }
            // V8 reserves the maximum as address space, which fails past about 2^45 bytes.
            if max > MAX_RESERVATION {
                return Err(self.range_error("Array buffer allocation failed"));
            }
        }
        Ok(Obj::new(
            Some(proto),
            ObjectKind::ArrayBuffer(Box::new(ArrayBufferData::new(
                block,
                max_byte_length.map(|m| m as usize),
                shared,
            ))),
        ))
    }

    /// DetachArrayBuffer(arrayBuffer \[, key\]).
    pub fn detach_array_buffer(&mut self, buf: &Obj, key: &Value) -> JsResult<()> {
        // 1-2. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
        // 3-4. If SameValue(arrayBuffer.[[ArrayBufferDetachKey]], key) is false, throw a
        //      TypeError exception.
        let same = read_buffer(buf, |b| b.detach_key.same_value(key)).unwrap_or(false);
        if !same {
            return Err(self.type_error("Cannot detach an ArrayBuffer with a detach key"));
        }
        // 5-6. Set arrayBuffer.[[ArrayBufferData]] to null and its byte length to 0.
        with_buffer(buf, |b| b.block = None);
        Ok(())
    }

    /// GetArrayBufferMaxByteLengthOption(options).
    fn get_array_buffer_max_byte_length_option(
        &mut self,
        options: &Value,
    ) -> JsResult<Option<u64>> {
        // 1. If options is not an Object, return empty.
        let Value::Object(o) = options else {
            return Ok(None);
        };
        // 2. Let maxByteLength be ? Get(options, "maxByteLength").
        let max = self.get(o, &static_key!("maxByteLength"))?;
        // 3. If maxByteLength is undefined, return empty.
        if max.is_undefined() {
            return Ok(None);
        }
        // 4. Return ? ToIndex(maxByteLength).
        Ok(Some(self.to_index_or(&max, |_| {
            "Invalid array buffer max length".into()
        })?))
    }

    /// ToIndex with V8's "Invalid array buffer length" for a buffer length.
    fn buffer_length_index(&mut self, v: &Value) -> JsResult<u64> {
        self.to_index_or(v, |_| "Invalid array buffer length".into())
    }

    /// ToIndex(value) whose RangeError has V8's message for the built-in at hand
    /// (`message` gets ToNumber(value)); errors of the conversion itself propagate.
    pub fn to_index_or(&mut self, v: &Value, message: impl FnOnce(f64) -> String) -> JsResult<u64> {
        // 1. Let integer be ? ToIntegerOrInfinity(value).
        let n = self.to_number(v)?;
        let integer = crate::value::to_integer_or_infinity(n);
        // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a
        //    RangeError exception.
        if !(0.0..=MAX_SAFE_INTEGER as f64).contains(&integer) {
            let m = message(n);
            return Err(self.range_error(m));
        }
        // 3. Return integer.
        Ok(integer as u64)
    }
}

// ---- ArrayBuffer ------------------------------------------------------------------------------

/// `this` checked to be an ArrayBuffer (`shared == false`) or a SharedArrayBuffer.
fn this_buffer(it: &mut Interp, this: &Value, shared: bool, method: &str) -> JsResult<Obj> {
    if let Value::Object(o) = this {
        if read_buffer(o, |b| b.shared) == Some(shared) {
            return Ok(o.clone());
        }
    }
    Err(incompatible_receiver(it, method, this))
}

fn detached_error(it: &mut Interp, method: &str) -> crate::interp::Abrupt {
    it.type_error(format!("Cannot perform {method} on a detached ArrayBuffer"))
}

/// `ArrayBuffer(length [, options])`.
fn array_buffer_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor ArrayBuffer requires 'new'"));
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = it.buffer_length_index(&a.get(0))?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = it.get_array_buffer_max_byte_length_option(&a.get(1))?;
    // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let nt = nt.clone();
    Ok(Value::Object(it.allocate_array_buffer(
        &nt,
        byte_length,
        max,
    )?))
}

/// `ArrayBuffer.isView(arg)`.
fn array_buffer_is_view(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has a [[ViewedArrayBuffer]] internal slot, return true.
    let is_view = matches!(&a.get(0), Value::Object(o)
        if matches!(o.borrow().kind, ObjectKind::TypedArray(_) | ObjectKind::DataView(_)));
    Ok(Value::Bool(is_view))
}

fn species_getter(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

/// `get ArrayBuffer.prototype.byteLength`.
fn array_buffer_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_buffer(it, a.this, false, "get ArrayBuffer.prototype.byteLength")?;
    // 4-6. If IsDetachedBuffer(O) is true, return +0; else the byte length.
    let len = read_buffer(&o, |b| b.byte_length()).unwrap_or(0);
    Ok(Value::Number(len as f64))
}

/// `get ArrayBuffer.prototype.maxByteLength`.
fn array_buffer_max_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(it, a.this, false, "get ArrayBuffer.prototype.maxByteLength")?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    // 5-6. The maximum of a resizable buffer, else the byte length.
    let len = read_buffer(&o, |b| match (&b.block, b.max_byte_length) {
        (None, _) => 0,
        (Some(_), Some(m)) => m,
        (Some(d), None) => d.len(),
    })
    .unwrap_or(0);
    Ok(Value::Number(len as f64))
}

/// `get ArrayBuffer.prototype.resizable`.
fn array_buffer_resizable(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(it, a.this, false, "get ArrayBuffer.prototype.resizable")?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Bool(!is_fixed_length_array_buffer(&o)))
}

/// `get ArrayBuffer.prototype.detached`.
fn array_buffer_detached(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(it, a.this, false, "get ArrayBuffer.prototype.detached")?;
    // 4. Return IsDetachedBuffer(O).
    Ok(Value::Bool(is_detached_buffer(&o)))
}

/// `ArrayBuffer.prototype.resize(newLength)`.
fn array_buffer_resize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "ArrayBuffer.prototype.resize";
    // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); not shared.
    let o = match a.this {
        Value::Object(o)
            if read_buffer(o, |b| !b.shared && b.max_byte_length.is_some()) == Some(true) =>
        {
            o.clone()
        }
        _ => return Err(incompatible_receiver(it, NAME, a.this)),
    };
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_len = it.to_index_or(&a.get(0), |_| format!("{NAME}: Invalid length parameter"))?;
    // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(detached_error(it, NAME));
    }
    // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    let max = read_buffer(&o, |b| b.max_byte_length.unwrap_or(0)).unwrap_or(0);
    if new_len > max as u64 {
        return Err(it.range_error(format!("{NAME}: Invalid length parameter")));
    }
    // 7-8. HostResizeArrayBuffer: the bytes resize in place; new bytes are zero.
    resize_buffer_bytes(it, &o, new_len)?;
    Ok(Value::Undefined)
}

/// Resizes a buffer's bytes in place (new bytes are zero), failing with a RangeError when
/// memory cannot be had.
fn resize_buffer_bytes(it: &mut Interp, o: &Obj, new_len: u64) -> JsResult<()> {
    if new_len > MAX_ALLOCATION {
        return Err(it.range_error("Array buffer allocation failed"));
    }
    let ok = with_buffer(o, |b| {
        let Some(mut data) = b.bytes_mut() else {
            return true;
        };
        let n = new_len as usize;
        let len = data.len();
        if n > len && data.try_reserve_exact(n - len).is_err() {
            return false;
        }
        data.resize(n, 0);
        true
    })
    .unwrap_or(true);
    if !ok {
        return Err(it.range_error("Array buffer allocation failed"));
    }
    Ok(())
}

/// `ArrayBuffer.prototype.slice(start, end)` and `SharedArrayBuffer.prototype.slice`.
fn buffer_slice(it: &mut Interp, a: &Args, shared: bool) -> JsResult<Value> {
    let name = if shared {
        "SharedArrayBuffer.prototype.slice"
    } else {
        "ArrayBuffer.prototype.slice"
    };
    // 1-3. RequireInternalSlot(O, [[ArrayBufferData]]); IsSharedArrayBuffer(O) must match.
    let o = this_buffer(it, a.this, shared, name)?;
    // 4. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(detached_error(it, name));
    }
    // 5. Let len be O.[[ArrayBufferByteLength]].
    let len = buffer_byte_length(&o).unwrap_or(0) as f64;
    // 6-9. Let first be the clamped relative start.
    let relative_start = it.to_integer_or_infinity(&a.get(0))?;
    let first = clamp_relative(relative_start, len);
    // 10-13. Let final be the clamped relative end.
    let end = a.get(1);
    let relative_end = if end.is_undefined() {
        len
    } else {
        it.to_integer_or_infinity(&end)?
    };
    let fin = clamp_relative(relative_end, len);
    // 14. Let newLen be max(final - first, 0).
    let new_len = (fin - first).max(0.0);
    // 15. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
    let default = if shared {
        it.intrinsics.shared_array_buffer_ctor.clone()
    } else {
        it.intrinsics.array_buffer_ctor.clone()
    };
    let ctor = species_constructor(it, &o, &default)?;
    // 16. Let new be ? Construct(ctor, « 𝔽(newLen) »).
    let Value::Object(ctor) = ctor else {
        return Err(it.type_error("object.constructor[Symbol.species] is not a constructor"));
    };
    let new = it.construct(&ctor, &[Value::Number(new_len)], None)?;
    // 17. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]).
    // 18. If IsSharedArrayBuffer(new) does not match, throw a TypeError exception.
    let new = match &new {
        Value::Object(n) if read_buffer(n, |b| b.shared) == Some(shared) => n.clone(),
        _ => return Err(incompatible_receiver(it, name, &new)),
    };
    // 19. If IsDetachedBuffer(new) is true, throw a TypeError exception.
    if is_detached_buffer(&new) {
        return Err(detached_error(it, name));
    }
    // 20. If SameValue(new, O) is true, throw a TypeError exception.
    if Obj::ptr_eq(&new, &o) {
        let which = if shared {
            "SharedArrayBuffer subclass returned this from species constructor"
        } else {
            "ArrayBuffer subclass returned this from species constructor"
        };
        return Err(it.type_error(which));
    }
    // 21. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
    if (buffer_byte_length(&new).unwrap_or(0) as f64) < new_len {
        let which = if shared {
            "Derived SharedArrayBuffer constructor created a buffer which was too small"
        } else {
            "Derived ArrayBuffer constructor created a buffer which was too small"
        };
        return Err(it.type_error(which));
    }
    // 22-23. NOTE: Side-effects of the above steps may have detached or resized O.
    if is_detached_buffer(&o) {
        return Err(detached_error(it, name));
    }
    // 24-27. Copy min(newLen, currentLen - first) bytes when first < currentLen.
    let current_len = buffer_byte_length(&o).unwrap_or(0) as f64;
    if first < current_len {
        let count = new_len.min(current_len - first);
        copy_buffer_bytes(&o, first as usize, &new, 0, count as usize);
    }
    // 28. Return new.
    Ok(Value::Object(new))
}

/// The clamping of a relative index against a length (steps shared by the slice methods).
pub fn clamp_relative(relative: f64, len: f64) -> f64 {
    if relative == f64::NEG_INFINITY {
        0.0
    } else if relative < 0.0 {
        (len + relative).max(0.0)
    } else {
        relative.min(len)
    }
}

fn array_buffer_slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    buffer_slice(it, a, false)
}

/// ArrayBufferCopyAndDetach(arrayBuffer, newLength, preserveResizability).
fn array_buffer_copy_and_detach(
    it: &mut Interp,
    a: &Args,
    preserve_resizability: bool,
) -> JsResult<Value> {
    let name = if preserve_resizability {
        "ArrayBuffer.prototype.transfer"
    } else {
        "ArrayBuffer.prototype.transferToFixedLength"
    };
    // 1-2. Perform ? RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]); if
    //      IsSharedArrayBuffer(arrayBuffer) is true, throw a TypeError exception.
    let o = this_buffer(it, a.this, false, name)?;
    // 3-4. If newLength is undefined, let newByteLength be arrayBuffer.[[ArrayBufferByteLength]];
    //      else let newByteLength be ? ToIndex(newLength).
    let new_length = a.get(0);
    let new_byte_length = if new_length.is_undefined() {
        buffer_byte_length(&o).unwrap_or(0) as u64
    } else {
        it.to_index_or(&new_length, |_| format!("{name}: Invalid length parameter"))?
    };
    // 5. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(detached_error(it, name));
    }
    // 6-7. The new maximum, when resizability is preserved and the buffer is resizable.
    let new_max = if preserve_resizability {
        read_buffer(&o, |b| b.max_byte_length.map(|m| m as u64)).flatten()
    } else {
        None
    };
    // 8. If arrayBuffer.[[ArrayBufferDetachKey]] is not undefined, throw a TypeError exception.
    if !read_buffer(&o, |b| b.detach_key.is_undefined()).unwrap_or(true) {
        return Err(it.type_error(format!(
            "Cannot perform {name} on a non-detachable ArrayBuffer"
        )));
    }
    // 9. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength, newMaxByteLength).
    if let Some(max) = new_max {
        if new_byte_length > max {
            return Err(it.range_error("Invalid array buffer length"));
        }
    }
    let proto = it.intrinsics.array_buffer_prototype.clone();
    let new_buffer = it.allocate_buffer_with_proto(proto, new_byte_length, new_max, false)?;
    // 10-13. Copy min(newByteLength, the old byte length) bytes.
    let copy_length = (new_byte_length as usize).min(buffer_byte_length(&o).unwrap_or(0));
    copy_buffer_bytes(&o, 0, &new_buffer, 0, copy_length);
    // 14. Perform ! DetachArrayBuffer(arrayBuffer).
    with_buffer(&o, |b| b.block = None);
    // 15. Return newBuffer.
    Ok(Value::Object(new_buffer))
}

fn array_buffer_transfer(it: &mut Interp, a: &Args) -> JsResult<Value> {
    array_buffer_copy_and_detach(it, a, true)
}

fn array_buffer_transfer_to_fixed_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    array_buffer_copy_and_detach(it, a, false)
}

// ---- SharedArrayBuffer ------------------------------------------------------------------------

/// `SharedArrayBuffer(length [, options])`.
fn shared_array_buffer_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(nt) = a.new_target else {
        return Err(it.type_error("Constructor SharedArrayBuffer requires 'new'"));
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = it.buffer_length_index(&a.get(0))?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = it.get_array_buffer_max_byte_length_option(&a.get(1))?;
    // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let nt = nt.clone();
    Ok(Value::Object(it.allocate_shared_array_buffer(
        &nt,
        byte_length,
        max,
    )?))
}

/// `get SharedArrayBuffer.prototype.byteLength`.
fn shared_array_buffer_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(
        it,
        a.this,
        true,
        "get SharedArrayBuffer.prototype.byteLength",
    )?;
    Ok(Value::Number(buffer_byte_length(&o).unwrap_or(0) as f64))
}

/// `get SharedArrayBuffer.prototype.growable`.
fn shared_array_buffer_growable(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(it, a.this, true, "get SharedArrayBuffer.prototype.growable")?;
    Ok(Value::Bool(!is_fixed_length_array_buffer(&o)))
}

/// `get SharedArrayBuffer.prototype.maxByteLength`.
fn shared_array_buffer_max_byte_length(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_buffer(
        it,
        a.this,
        true,
        "get SharedArrayBuffer.prototype.maxByteLength",
    )?;
    let len =
        read_buffer(&o, |b| b.max_byte_length.unwrap_or_else(|| b.byte_length())).unwrap_or(0);
    Ok(Value::Number(len as f64))
}

/// `SharedArrayBuffer.prototype.grow(newLength)`.
fn shared_array_buffer_grow(it: &mut Interp, a: &Args) -> JsResult<Value> {
    const NAME: &str = "SharedArrayBuffer.prototype.grow";
    // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); IsSharedArrayBuffer(O).
    let o = match a.this {
        Value::Object(o)
            if read_buffer(o, |b| b.shared && b.max_byte_length.is_some()) == Some(true) =>
        {
            o.clone()
        }
        _ => return Err(incompatible_receiver(it, NAME, a.this)),
    };
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_len = it.to_index_or(&a.get(0), |_| format!("{NAME}: Invalid length parameter"))?;
    // 5-... If newByteLength < currentByteLength or newByteLength > maxByteLength, throw a
    //       RangeError exception.
    let (cur, max) =
        read_buffer(&o, |b| (b.byte_length(), b.max_byte_length.unwrap_or(0))).unwrap_or((0, 0));
    if new_len < cur as u64 || new_len > max as u64 {
        return Err(it.range_error(format!("{NAME}: Invalid length parameter")));
    }
    resize_buffer_bytes(it, &o, new_len)?;
    Ok(Value::Undefined)
}

fn shared_array_buffer_slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    buffer_slice(it, a, true)
}

// ---- init ---------------------------------------------------------------------------------------

pub fn init(it: &mut Interp) {
    let species = PropKey::Sym(it.symbols.species.clone());
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());

    // ArrayBuffer (V8's property order).
    let proto = it.intrinsics.array_buffer_prototype.clone();
    let ctor = it.native_fn_with("ArrayBuffer", 1, array_buffer_constructor, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "isView", 1, array_buffer_is_view);
    it.define_getter(&ctor, species.clone(), species_getter);
    it.intrinsics.array_buffer_ctor = ctor.clone();
    it.define_getter(&proto, "byteLength", array_buffer_byte_length);
    it.define_method(&proto, "slice", 2, array_buffer_slice);
    it.define_getter(&proto, "maxByteLength", array_buffer_max_byte_length);
    it.define_getter(&proto, "resizable", array_buffer_resizable);
    it.define_method(&proto, "resize", 1, array_buffer_resize);
    it.define_method(&proto, "transfer", 0, array_buffer_transfer);
    it.define_method(
        &proto,
        "transferToFixedLength",
        0,
        array_buffer_transfer_to_fixed_length,
    );
    it.define_getter(&proto, "detached", array_buffer_detached);
    proto.define(
        tag.clone(),
        Value::from("ArrayBuffer"),
        Attrs::CONFIGURABLE_ONLY,
    );
    crate::builtins::define_global(it, "ArrayBuffer", Value::Object(ctor));

    // SharedArrayBuffer.
    let proto = it.intrinsics.shared_array_buffer_prototype.clone();
    let ctor = it.native_fn_with(
        "SharedArrayBuffer",
        1,
        shared_array_buffer_constructor,
        true,
        Vec::new(),
    );
    crate::builtins::link_ctor_proto(&ctor, &proto);
    it.define_getter(&ctor, species, species_getter);
    it.intrinsics.shared_array_buffer_ctor = ctor.clone();
    it.define_getter(&proto, "byteLength", shared_array_buffer_byte_length);
    it.define_method(&proto, "slice", 2, shared_array_buffer_slice);
    it.define_getter(&proto, "maxByteLength", shared_array_buffer_max_byte_length);
    it.define_getter(&proto, "growable", shared_array_buffer_growable);
    it.define_method(&proto, "grow", 1, shared_array_buffer_grow);
    proto.define(
        tag,
        Value::from("SharedArrayBuffer"),
        Attrs::CONFIGURABLE_ONLY,
    );
    crate::builtins::define_global(it, "SharedArrayBuffer", Value::Object(ctor));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float16_rounds_to_nearest_even() {
        assert_eq!(f64_to_f16_bits(1.0), 0x3c00);
        assert_eq!(f64_to_f16_bits(-2.0), 0xc000);
        assert_eq!(f64_to_f16_bits(65504.0), 0x7bff);
        // Halfway between 65504 and 65536 rounds to even: infinity.
        assert_eq!(f64_to_f16_bits(65520.0), 0x7c00);
        assert_eq!(f64_to_f16_bits(65519.99), 0x7bff);
        // Smallest subnormal and the tie below it.
        assert_eq!(f64_to_f16_bits(5.960464477539063e-8), 0x0001);
        assert_eq!(f64_to_f16_bits(2.9802322387695312e-8), 0x0000);
        assert_eq!(f64_to_f16_bits(2.980232238769532e-8), 0x0001);
        // 1 + 2^-11 is a tie between 1 and 1 + 2^-10: even is 1.
        assert_eq!(f64_to_f16_bits(1.0 + 2f64.powi(-11)), 0x3c00);
        assert_eq!(f64_to_f16_bits(1.0 + 3.0 * 2f64.powi(-11)), 0x3c02);
        // A double just above the tie must not round twice through f32.
        assert_eq!(
            f64_to_f16_bits(1.0 + 2f64.powi(-11) + 2f64.powi(-40)),
            0x3c01
        );
        assert_eq!(f64_to_f16_bits(f64::NAN), 0x7e00);
        assert_eq!(f64_to_f16_bits(-0.0), 0x8000);
        assert_eq!(f16_bits_to_f64(0x7bff), 65504.0);
        assert_eq!(f16_bits_to_f64(0x0001), 5.960464477539063e-8);
        assert!(f16_bits_to_f64(0x7e00).is_nan());
        assert_eq!(f16_bits_to_f64(0xfc00), f64::NEG_INFINITY);
        // The largest subnormal rounds up into the smallest normal.
        assert_eq!(f64_to_f16_bits(6.1033e-5), 0x0400);
    }

    #[test]
    fn raw_bytes_round_trip() {
        let v = Value::Number(-2.0);
        let b = numeric_to_raw_bytes(ElementType::Int16, &v, false);
        assert_eq!(&b[..2], &[0xff, 0xfe]);
        assert!(matches!(
            raw_bytes_to_numeric(ElementType::Int16, &b, false),
            Value::Number(n) if n == -2.0
        ));
        let big = Value::BigInt(Rc::new(BigInt::from(-1)));
        let b = numeric_to_raw_bytes(ElementType::BigUint64, &big, true);
        assert_eq!(b, [0xff; 8]);
        assert_eq!(to_uint8_clamp(2.5), 2);
        assert_eq!(to_uint8_clamp(3.5), 4);
        assert_eq!(to_uint8_clamp(-1.0), 0);
        assert_eq!(to_uint8_clamp(300.0), 255);
    }
}
