//! `Array`: the constructor, `Array.isArray/of/from`, and every ES2023 `Array.prototype`
//! method. All methods are generic (they work on array-likes through `\[\[Get\]\]`/`\[\[Set\]\]`/
//! HasProperty); dense arrays take fast paths where the result cannot differ.

use std::cell::RefCell;

use crate::builtins::iterator::{create_array_iterator, describe};
use crate::interp::ops::index_key;
use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey, Slot};
use crate::object_kind::IterKind;
use crate::string::JsStr;
use crate::value::{number_to_string, Value};

/// 2^53 - 1.
pub(crate) const MAX_SAFE: u64 = 9007199254740991;
/// The largest array length, 2^32 - 1.
const MAX_ARRAY_LEN: u64 = u32::MAX as u64;
/// Nesting limit for `flat` recursion and `join` of nested arrays.
const MAX_NESTING: usize = 5000;

thread_local! {
    /// Arrays being joined (V8 prints a cyclic reference as the empty string).
    static JOIN_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

// ---- helpers ------------------------------------------------------------------------------------

/// ToObject(this) with V8's "Array.prototype.X called on null or undefined" message.
fn this_obj_named(it: &mut Interp, a: &Args, name: &str) -> JsResult<Obj> {
    if a.this.is_nullish() {
        return Err(it.type_error(format!(
            "Array.prototype.{name} called on null or undefined"
        )));
    }
    it.to_object(a.this)
}

/// ToObject(this) with the generic message.
fn this_obj(it: &mut Interp, a: &Args) -> JsResult<Obj> {
    it.to_object(a.this)
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

pub(crate) fn num(n: u64) -> Value {
    Value::Number(n as f64)
}

fn len_key() -> PropKey {
    static_key!("length")
}

/// HasProperty(O, k) followed by Get(O, k): the element, if present.
fn get_present(it: &mut Interp, o: &Obj, k: u64) -> JsResult<Option<Value>> {
    if k < MAX_ARRAY_LEN {
        let d = o.borrow();
        if let Some(v) = d.elements.get(k as usize) {
            if !matches!(v, Value::Empty) {
                return Ok(Some(v.clone()));
            }
        }
    }
    let key = index_key(k);
    if it.has_property(o, &key)? {
        Ok(Some(it.get(o, &key)?))
    } else {
        Ok(None)
    }
}

fn get_idx(it: &mut Interp, o: &Obj, k: u64) -> JsResult<Value> {
    if k < MAX_ARRAY_LEN {
        let d = o.borrow();
        if let Some(v) = d.elements.get(k as usize) {
            if !matches!(v, Value::Empty) {
                return Ok(v.clone());
            }
        }
    }
    // A hole or an array-like: the slow path. Long native loops over huge lengths come
    // through here, so they stop when the host interrupts (Ctrl+C, `--timeout`).
    it.check_interrupt()?;
    it.get(o, &index_key(k))
}

/// Set(O, k, v, true).
fn set_idx(it: &mut Interp, o: &Obj, k: u64, v: Value) -> JsResult<()> {
    if k < MAX_ARRAY_LEN {
        let mut d = o.borrow_mut();
        if let Some(slot) = d.elements.get_mut(k as usize) {
            // Dense elements are writable data properties.
            if !matches!(slot, Value::Empty) {
                *slot = v;
                return Ok(());
            }
        }
    }
    set_key(it, o, index_key(k), v)
}

/// Set(O, key, v, true) with V8's messages on failure.
fn set_key(it: &mut Interp, o: &Obj, key: PropKey, v: Value) -> JsResult<()> {
    let receiver = Value::Object(o.clone());
    if it.set_with_receiver(o, key.clone(), v, &receiver)? {
        return Ok(());
    }
    Err(it.set_failure(o, &key, &receiver))
}

fn delete_idx(it: &mut Interp, o: &Obj, k: u64) -> JsResult<()> {
    let key = index_key(k);
    if it.delete_property(o, &key)? {
        return Ok(());
    }
    if o.is_proxy() {
        return Err(it.type_error(format!(
            "'deleteProperty' on proxy: trap returned falsish for property '{}'",
            crate::interp::ops::key_display(&key)
        )));
    }
    let desc = describe(it, &Value::Object(o.clone()));
    Err(it.type_error(format!(
        "Cannot delete property '{}' of {desc}",
        crate::interp::ops::key_display(&key)
    )))
}

pub(crate) fn create_idx(it: &mut Interp, a: &Obj, k: u64, v: Value) -> JsResult<()> {
    it.create_data_property_or_throw(a, index_key(k), v)
}

/// Set(O, "length", n, true).
pub(crate) fn set_length(it: &mut Interp, o: &Obj, n: u64) -> JsResult<()> {
    set_key(it, o, len_key(), num(n))
}

/// Clamps a relative index argument (`start`-like) into `0..=len`.
fn relative_start(it: &mut Interp, v: &Value, len: u64) -> JsResult<u64> {
    let r = it.to_integer_or_infinity(v)?;
    Ok(clamp_relative(r, len))
}

fn clamp_relative(r: f64, len: u64) -> u64 {
    let lenf = len as f64;
    if r < 0.0 {
        (lenf + r).max(0.0) as u64
    } else {
        r.min(lenf) as u64
    }
}

/// An `end`-like argument: undefined means `len`.
fn relative_end(it: &mut Interp, v: &Value, len: u64) -> JsResult<u64> {
    if v.is_undefined() {
        Ok(len)
    } else {
        relative_start(it, v, len)
    }
}

/// ArrayCreate(length, proto).
pub fn array_create(it: &mut Interp, len: u64, proto: Option<Obj>) -> JsResult<Obj> {
    if len > MAX_ARRAY_LEN {
        return Err(it.range_error("Invalid array length"));
    }
    let proto = proto.unwrap_or_else(|| it.intrinsics.array_prototype.clone());
    Ok(Obj::new(
        Some(proto),
        ObjectKind::Array {
            length: len as u32,
            length_writable: true,
        },
    ))
}

/// An array with the given elements and prototype.
fn array_from_vec(proto: Obj, values: Vec<Value>) -> Obj {
    let o = Obj::new(
        Some(proto),
        ObjectKind::Array {
            length: values.len() as u32,
            length_writable: true,
        },
    );
    o.borrow_mut().elements = values;
    o
}

/// Does any object on `o`'s prototype chain (excluding `o`) have integer-keyed properties
/// (or a kind that may answer for an index without its property map)?
pub(crate) fn protos_have_indices(o: &Obj) -> bool {
    match &o.borrow().proto {
        Some(p) => chain_has_indices(p, 0),
        None => false,
    }
}

/// [`protos_have_indices`] from `p` on. Each object is looked at under a shared borrow
/// held while its prototype is looked at (recursion instead of a loop over `proto()`
/// clones: a `push` on a plain array walks two prototypes, and the reference-count
/// increment and decrement of each was most of the walk's ~110 instructions).
fn chain_has_indices(p: &Obj, depth: u32) -> bool {
    if depth > 100 {
        return true;
    }
    let d = p.borrow();
    if d.elements.iter().any(|v| !matches!(v, Value::Empty))
        || d.props.has_index_keys()
        || matches!(d.kind, ObjectKind::String(ref s) if !s.is_empty())
        || !matches!(
            d.kind,
            ObjectKind::Ordinary
                | ObjectKind::Instance(_)
                | ObjectKind::Array { .. }
                | ObjectKind::String(_)
        )
    {
        return true;
    }
    match &d.proto {
        Some(q) => chain_has_indices(q, depth + 1),
        None => false,
    }
}

/// Lengths past which a native loop over an array-like visits only the present indices
/// when it can (`present_data_indices`).
const SPARSE_VISIT_MIN: u64 = 1 << 20;

/// The integer-indexed properties below `len` of an ordinary object or array, in index
/// order, when they are all data properties and no prototype has indexed properties: then
/// HasProperty/Get of every other index below `len` is false/undefined with no side effect,
/// and a loop over `0..len` can visit just these. `None` when that does not hold (a Proxy,
/// an exotic object, an accessor), so the caller runs the spec's loop.
fn present_data_indices(o: &Obj, len: u64) -> Option<Vec<(u64, Value)>> {
    {
        let d = o.borrow();
        if !matches!(
            d.kind,
            ObjectKind::Ordinary | ObjectKind::Instance(_) | ObjectKind::Array { .. }
        ) {
            return None;
        }
    }
    if protos_have_indices(o) {
        return None;
    }
    let d = o.borrow();
    let mut out: Vec<(u64, Value)> = d
        .elements
        .iter()
        .enumerate()
        .take(len.min(usize::MAX as u64) as usize)
        .filter(|(_, v)| !matches!(v, Value::Empty))
        .map(|(i, v)| (i as u64, v.clone()))
        .collect();
    let dense = out.len();
    for (k, p) in d.props.iter() {
        let i = match k {
            PropKey::Index(i) => *i as u64,
            // Integer indices past 2^32 - 2 are string keys.
            PropKey::Str(s) => match large_index_key(s) {
                Some(i) => i,
                None => continue,
            },
            PropKey::Sym(_) => continue,
        };
        if i >= len {
            continue;
        }
        match &p.slot {
            Slot::Data(v) => out.push((i, v.clone())),
            _ => return None,
        }
    }
    if out.len() > dense {
        out.sort_by_key(|(i, _)| *i);
    }
    Some(out)
}

/// A string key that is an integer index too large for `PropKey::Index` (a canonical
/// decimal numeral up to 2^53 - 1).
fn large_index_key(s: &JsStr) -> Option<u64> {
    let u = s.units();
    if u.is_empty() || u.len() > 16 || (u[0] == b'0' as u16 && u.len() > 1) {
        return None;
    }
    let mut v: u64 = 0;
    for &c in u {
        let d = c.checked_sub(b'0' as u16).filter(|d| *d < 10)?;
        v = v * 10 + d as u64;
    }
    (v <= MAX_SAFE).then_some(v)
}

/// An extensible Array with writable length whose elements all live in `elements` (holes
/// as `Value::Empty`; no sparse, accessor or non-default indexed properties) and whose
/// prototypes have no indexed properties. Holes then read as `undefined` and are absent for
/// HasProperty, so moving `elements` around (holes included) is exactly what the generic
/// algorithms observably do. O(1) apart from the prototype scan.
fn is_dense_array(o: &Obj) -> bool {
    plain_array_elements(o, true)
}

/// The largest end `fill` writes in place (beyond it, a sparse array's properties are
/// made one by one, as before).
const FILL_IN_PLACE_MAX: u64 = 1 << 24;

/// An extensible Array whose elements all live in `elements` (none sparse, accessor or
/// non-default; the tail up to `length` holes) and whose prototypes have no indexed
/// properties: writing `elements` is what Set does on it.
fn fillable_in_place(o: &Obj) -> bool {
    plain_array_elements(o, false)
}

/// [`is_dense_array`] (`dense`: `elements` as long as the array, `length` writable) or
/// [`fillable_in_place`] (`elements` no longer than the array).
#[inline(always)]
fn plain_array_elements(o: &Obj, dense: bool) -> bool {
    {
        let d = o.borrow();
        let ObjectKind::Array {
            length,
            length_writable,
        } = d.kind
        else {
            return false;
        };
        let len = d.elements.len();
        let fits = if dense {
            length_writable && len == length as usize
        } else {
            len <= length as usize
        };
        if !fits || !d.extensible || d.props.has_index_keys() {
            return false;
        }
    }
    !protos_have_indices(o)
}

fn hole_to_undefined(v: Value) -> Value {
    match v {
        Value::Empty => Value::Undefined,
        v => v,
    }
}

fn set_array_len_raw(o: &Obj, n: usize) {
    if let ObjectKind::Array { length, .. } = &mut o.borrow_mut().kind {
        *length = n as u32;
    }
}

/// Is `f` one of the built-in `get [Symbol.species]` accessors (which all return `this`)?
fn is_builtin_species_getter(f: &Obj) -> bool {
    matches!(&f.borrow().kind, ObjectKind::Native(n) if n.name.to_rust_string() == "get [Symbol.species]")
}

/// True when ArraySpeciesCreate(o, n) is known to be a plain ArrayCreate(n) without running
/// user code: `o.constructor` is found as a data property equal to `%Array%` whose
/// `@@species` is the built-in getter.
fn species_is_default(it: &Interp, o: &Obj) -> bool {
    let ckey = static_key!("constructor");
    let mut cur = Some(o.clone());
    let mut ctor = None;
    while let Some(c) = cur {
        if let Some(p) = c.get_own_property(&ckey) {
            match p.slot {
                Slot::Data(v) => ctor = Some(v),
                Slot::Accessor(_) | Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {
                    return false
                }
            }
            break;
        }
        cur = c.proto();
    }
    let Some(Value::Object(c)) = ctor else {
        return false;
    };
    if !Obj::ptr_eq(&c, &it.intrinsics.array_ctor) {
        return false;
    }
    let skey = PropKey::Sym(it.symbols.species.clone());
    match c.get_own_property(&skey) {
        Some(crate::object::Prop {
            slot: Slot::Accessor(a),
            ..
        }) => a.get.as_ref().is_some_and(is_builtin_species_getter),
        _ => false,
    }
}

/// ArraySpeciesCreate(originalArray, length).
pub fn array_species_create(it: &mut Interp, original: &Obj, len: u64) -> JsResult<Obj> {
    // 1-2. Not an array: ArrayCreate(length).
    if !it.is_array(&Value::Object(original.clone()))? {
        return array_create(it, len, None);
    }
    // 3. Let C be ? Get(originalArray, "constructor").
    let mut c = it.get(original, &static_key!("constructor"))?;
    // 5. If C is an Object, C = ? Get(C, @@species); null → undefined.
    if let Value::Object(co) = &c {
        let key = PropKey::Sym(it.symbols.species.clone());
        c = it.get(co, &key)?;
        if matches!(c, Value::Null) {
            c = Value::Undefined;
        }
    }
    // 6. undefined: ArrayCreate(length).
    if c.is_undefined() {
        return array_create(it, len, None);
    }
    // 7. If IsConstructor(C) is false, throw a TypeError.
    match &c {
        Value::Object(co) if co.is_constructor() => {
            if Obj::ptr_eq(co, &it.intrinsics.array_ctor) {
                return array_create(it, len, None);
            }
            let r = it.construct(co, &[num(len)], None)?;
            match r {
                Value::Object(o) => Ok(o),
                _ => Err(it.type_error("object.constructor[Symbol.species] is not a constructor")),
            }
        }
        _ => Err(it.type_error("object.constructor[Symbol.species] is not a constructor")),
    }
}

// ---- the constructor ----------------------------------------------------------------------------

/// `Array(...values)` / `new Array(...values)`.
fn array_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, let newTarget be the active function object.
    let nt = a.new_target.cloned().unwrap_or_else(|| a.callee.clone());
    // 2. Let proto be ? GetPrototypeFromConstructor(newTarget, "%Array.prototype%").
    let proto = it.get_prototype_from_constructor(&nt, |i| i.array_prototype.clone())?;
    match a.len() {
        0 => Ok(Value::Object(array_create(it, 0, Some(proto))?)),
        1 => {
            let len = a.get(0);
            match len {
                Value::Number(n) => {
                    let int_len = crate::value::to_uint32(n);
                    if int_len as f64 != n {
                        return Err(it.range_error("Invalid array length"));
                    }
                    Ok(Value::Object(array_create(
                        it,
                        int_len as u64,
                        Some(proto),
                    )?))
                }
                v => Ok(Value::Object(array_from_vec(proto, vec![v]))),
            }
        }
        _ => Ok(Value::Object(array_from_vec(proto, a.args.to_vec()))),
    }
}

/// `Array.isArray(arg)`.
fn array_is_array(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(it.is_array(&a.get(0))?))
}

/// `new C(...args)` if `C` is a constructor, else ArrayCreate(len).
pub(crate) fn construct_or_array(
    it: &mut Interp,
    c: &Value,
    args: &[Value],
    len: u64,
) -> JsResult<Obj> {
    match c {
        Value::Object(co) if co.is_constructor() => {
            if Obj::ptr_eq(co, &it.intrinsics.array_ctor) {
                return array_create(it, len, None);
            }
            match it.construct(co, args, None)? {
                Value::Object(o) => Ok(o),
                _ => Err(it.type_error("object is not a constructor")),
            }
        }
        _ => array_create(it, len, None),
    }
}

/// `Array.of(...items)`.
fn array_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let len = a.len() as u64;
    let arr = construct_or_array(it, a.this, &[num(len)], len)?;
    for (k, v) in a.args.iter().enumerate() {
        create_idx(it, &arr, k as u64, v.clone())?;
    }
    set_length(it, &arr, len)?;
    Ok(Value::Object(arr))
}

/// `Array.from(items, mapfn, thisArg)`.
fn array_from(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let c = a.this.clone();
    let items = a.get(0);
    let mapfn = a.get(1);
    let this_arg = a.get(2);
    // 2-3. mapping
    let mapping = !mapfn.is_undefined();
    if mapping {
        require_callable(it, &mapfn)?;
    }
    // 4. Let usingIterator be ? GetMethod(items, @@iterator).
    let key = PropKey::Sym(it.symbols.iterator.clone());
    if items.is_nullish() {
        return Err(it.type_error(format!(
            "{} is not iterable (cannot read property Symbol(Symbol.iterator))",
            crate::interp::iter::not_iterable_type_text(&items)
        )));
    }
    let using_iterator = match it.get_v(&items, &key)? {
        Value::Undefined | Value::Null => None,
        Value::Object(m) if m.is_callable() => Some(m),
        _ => {
            return Err(it.type_error(
                "%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
            ))
        }
    };
    if let Some(method) = using_iterator {
        // 5.a-c. A = IsConstructor(C) ? Construct(C) : ArrayCreate(0).
        let arr = construct_or_array(it, &c, &[], 0)?;
        let mut rec = it.get_iterator_from_method(&items, &Value::Object(method))?;
        let mut k: u64 = 0;
        loop {
            if k >= MAX_SAFE {
                let e = it.type_error("Invalid array length");
                return it.iterator_close(&rec, Err(e));
            }
            let Some(next) = it.iterator_step_value(&mut rec)? else {
                set_length(it, &arr, k)?;
                return Ok(Value::Object(arr));
            };
            let mapped = if mapping {
                match it.call(&mapfn, &this_arg, &[next, num(k)]) {
                    Ok(v) => v,
                    Err(e) => return it.iterator_close(&rec, Err(e)),
                }
            } else {
                next
            };
            if let Err(e) = create_idx(it, &arr, k, mapped) {
                return it.iterator_close(&rec, Err(e));
            }
            k += 1;
        }
    }
    // 6. Array-like.
    let array_like = it.to_object(&items)?;
    let len = it.length_of_array_like(&array_like)?;
    let arr = construct_or_array(it, &c, &[num(len)], len)?;
    for k in 0..len {
        let v = get_idx(it, &array_like, k)?;
        let mapped = if mapping {
            it.call(&mapfn, &this_arg, &[v, num(k)])?
        } else {
            v
        };
        create_idx(it, &arr, k, mapped)?;
    }
    set_length(it, &arr, len)?;
    Ok(Value::Object(arr))
}

fn species_getter(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

// ---- Array.prototype ----------------------------------------------------------------------------

/// `at(index)`.
fn array_at(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let rel = it.to_integer_or_infinity(&a.get(0))?;
    let k = if rel >= 0.0 { rel } else { len as f64 + rel };
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    get_idx(it, &o, k as u64)
}

/// IsConcatSpreadable(O).
fn is_concat_spreadable(it: &mut Interp, v: &Value) -> JsResult<bool> {
    let Value::Object(o) = v else {
        return Ok(false);
    };
    let key = PropKey::Sym(it.symbols.is_concat_spreadable.clone());
    let s = it.get(o, &key)?;
    if !s.is_undefined() {
        return Ok(s.to_boolean());
    }
    it.is_array(v)
}

/// `concat(...items)`.
fn array_concat(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj_named(it, a, "concat")?;
    let arr = array_species_create(it, &o, 0)?;
    let mut n: u64 = 0;
    let mut items = Vec::with_capacity(a.len() + 1);
    items.push(Value::Object(o));
    items.extend(a.args.iter().cloned());
    for e in items {
        if is_concat_spreadable(it, &e)? {
            let Value::Object(eo) = &e else { continue };
            let len = it.length_of_array_like(eo)?;
            if n + len > MAX_SAFE {
                return Err(it.type_error("Invalid array length"));
            }
            // Fast path: a dense source appended to the fresh dense result.
            if is_dense_array(eo)
                && is_dense_array(&arr)
                && n as usize == arr.borrow().elements.len()
                && n + len <= MAX_ARRAY_LEN
            {
                let src = eo.borrow().elements.clone();
                arr.borrow_mut().elements.extend(src);
                n += len;
                set_array_len_raw(&arr, n as usize);
                continue;
            }
            // A huge sparse source: visit only the indices that exist (V8 gives up on
            // lengths past 2^32 and returns an empty array; the spec's loop would run
            // for ages before `length` fails).
            if len > SPARSE_VISIT_MIN && matches!(arr.borrow().kind, ObjectKind::Array { .. }) {
                if let Some(present) = present_data_indices(eo, len) {
                    for (k, v) in present {
                        create_idx(it, &arr, n + k, v)?;
                    }
                    n += len;
                    continue;
                }
            }
            for k in 0..len {
                if let Some(v) = get_present(it, eo, k)? {
                    create_idx(it, &arr, n, v)?;
                }
                n += 1;
            }
        } else {
            if n >= MAX_SAFE {
                return Err(it.type_error("Invalid array length"));
            }
            create_idx(it, &arr, n, e)?;
            n += 1;
        }
    }
    set_length(it, &arr, n)?;
    Ok(Value::Object(arr))
}

/// `copyWithin(target, start, end)`.
fn array_copy_within(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let mut to = relative_start(it, &a.get(0), len)? as i64;
    let mut from = relative_start(it, &a.get(1), len)? as i64;
    let fin = relative_end(it, &a.get(2), len)? as i64;
    let mut count = (fin - from).min(len as i64 - to);
    let dir: i64 = if from < to && to < from + count {
        from += count - 1;
        to += count - 1;
        -1
    } else {
        1
    };
    while count > 0 {
        match get_present(it, &o, from as u64)? {
            Some(v) => set_idx(it, &o, to as u64, v)?,
            None => delete_idx(it, &o, to as u64)?,
        }
        from += dir;
        to += dir;
        count -= 1;
    }
    Ok(Value::Object(o))
}

fn array_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    Ok(Value::Object(create_array_iterator(
        it,
        Value::Object(o),
        IterKind::Entries,
    )))
}

fn array_keys(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    Ok(Value::Object(create_array_iterator(
        it,
        Value::Object(o),
        IterKind::Keys,
    )))
}

fn array_values(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    Ok(Value::Object(create_array_iterator(
        it,
        Value::Object(o),
        IterKind::Values,
    )))
}

/// Shared prologue of the callback methods: (O, len, callback, thisArg).
fn callback_prologue(it: &mut Interp, a: &Args, name: &str) -> JsResult<(Obj, u64, Value, Value)> {
    let o = this_obj_named(it, a, name)?;
    let len = it.length_of_array_like(&o)?;
    let f = a.get(0);
    require_callable(it, &f)?;
    Ok((o, len, f, a.get(1)))
}

fn array_every(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, len, f, this_arg) = callback_prologue(it, a, "every")?;
    let f = it.callback(&f);
    let ov = Value::Object(o.clone());
    for k in 0..len {
        if let Some(v) = get_present(it, &o, k)? {
            if !it
                .call_callback(&f, &this_arg, &[v, num(k), ov.clone()])?
                .to_boolean()
            {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(true))
}

fn array_some(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, len, f, this_arg) = callback_prologue(it, a, "some")?;
    let f = it.callback(&f);
    let ov = Value::Object(o.clone());
    for k in 0..len {
        if let Some(v) = get_present(it, &o, k)? {
            if it
                .call_callback(&f, &this_arg, &[v, num(k), ov.clone()])?
                .to_boolean()
            {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn array_for_each(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, len, f, this_arg) = callback_prologue(it, a, "forEach")?;
    let f = it.callback(&f);
    let ov = Value::Object(o.clone());
    for k in 0..len {
        if let Some(v) = get_present(it, &o, k)? {
            it.call_callback(&f, &this_arg, &[v, num(k), ov.clone()])?;
        }
    }
    Ok(Value::Undefined)
}

fn array_map(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, len, f, this_arg) = callback_prologue(it, a, "map")?;
    let f = it.callback(&f);
    let arr = array_species_create(it, &o, len)?;
    let ov = Value::Object(o.clone());
    for k in 0..len {
        if let Some(v) = get_present(it, &o, k)? {
            let mapped = it.call_callback(&f, &this_arg, &[v, num(k), ov.clone()])?;
            create_idx(it, &arr, k, mapped)?;
        }
    }
    Ok(Value::Object(arr))
}

fn array_filter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (o, len, f, this_arg) = callback_prologue(it, a, "filter")?;
    let f = it.callback(&f);
    let arr = array_species_create(it, &o, 0)?;
    let ov = Value::Object(o.clone());
    let mut to = 0;
    for k in 0..len {
        if let Some(v) = get_present(it, &o, k)? {
            if it
                .call_callback(&f, &this_arg, &[v.clone(), num(k), ov.clone()])?
                .to_boolean()
            {
                create_idx(it, &arr, to, v)?;
                to += 1;
            }
        }
    }
    Ok(Value::Object(arr))
}

/// FindViaPredicate: (index, value) of the first match in the given direction.
fn find_via_predicate(
    it: &mut Interp,
    a: &Args,
    name: &str,
    ascending: bool,
) -> JsResult<Option<(u64, Value)>> {
    let (o, len, f, this_arg) = callback_prologue(it, a, name)?;
    let f = it.callback(&f);
    let ov = Value::Object(o.clone());
    for i in 0..len {
        let k = if ascending { i } else { len - 1 - i };
        let v = get_idx(it, &o, k)?;
        if it
            .call_callback(&f, &this_arg, &[v.clone(), num(k), ov.clone()])?
            .to_boolean()
        {
            return Ok(Some((k, v)));
        }
    }
    Ok(None)
}

fn array_find(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(find_via_predicate(it, a, "find", true)?.map_or(Value::Undefined, |(_, v)| v))
}

fn array_find_index(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(find_via_predicate(it, a, "findIndex", true)?.map_or(Value::Number(-1.0), |(k, _)| num(k)))
}

fn array_find_last(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(find_via_predicate(it, a, "findLast", false)?.map_or(Value::Undefined, |(_, v)| v))
}

fn array_find_last_index(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(find_via_predicate(it, a, "findLastIndex", false)?
        .map_or(Value::Number(-1.0), |(k, _)| num(k)))
}

/// `fill(value, start, end)`.
fn array_fill(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let value = a.get(0);
    let k = relative_start(it, &a.get(1), len)?;
    let fin = relative_end(it, &a.get(2), len)?;
    // An array whose elements all live in `elements` (holes and the tail past it included:
    // with no indexed prototype properties, Set on a hole defines a data property, as
    // writing the element does) is filled in place (`new Array(n).fill(x)`).
    if k < fin && fin <= FILL_IN_PLACE_MAX && fillable_in_place(&o) {
        let mut d = o.borrow_mut();
        let end = fin as usize;
        if d.elements.len() < end {
            d.elements.resize(end, Value::Empty);
        }
        if let Some(range) = d.elements.get_mut(k as usize..end) {
            // Old objects are dropped after the borrow ends.
            let mut old = Vec::new();
            for e in range {
                if let Value::Object(x) = std::mem::replace(e, value.clone()) {
                    old.push(x);
                }
            }
            drop(d);
            drop(old);
            return Ok(Value::Object(o));
        }
    }
    for i in k..fin {
        set_idx(it, &o, i, value.clone())?;
    }
    Ok(Value::Object(o))
}

/// FlattenIntoArray(target, source, sourceLen, start, depth [, mapperFunction, thisArg]).
#[allow(clippy::too_many_arguments)]
fn flatten_into_array(
    it: &mut Interp,
    target: &Obj,
    source: &Obj,
    source_len: u64,
    start: u64,
    depth: f64,
    mapper: Option<(&Value, &Value)>,
    nesting: usize,
) -> JsResult<u64> {
    if nesting > MAX_NESTING {
        return Err(it.range_error("Maximum call stack size exceeded"));
    }
    let mut target_index = start;
    let sv = Value::Object(source.clone());
    for source_index in 0..source_len {
        let Some(mut element) = get_present(it, source, source_index)? else {
            continue;
        };
        if let Some((f, this_arg)) = mapper {
            element = it.call(f, this_arg, &[element, num(source_index), sv.clone()])?;
        }
        let flatten = depth > 0.0 && it.is_array(&element)?;
        if flatten {
            let Value::Object(eo) = &element else {
                continue;
            };
            let new_depth = if depth == f64::INFINITY {
                depth
            } else {
                depth - 1.0
            };
            let element_len = it.length_of_array_like(eo)?;
            target_index = flatten_into_array(
                it,
                target,
                eo,
                element_len,
                target_index,
                new_depth,
                None,
                nesting + 1,
            )?;
        } else {
            if target_index >= MAX_SAFE {
                return Err(it.type_error("Invalid array length"));
            }
            create_idx(it, target, target_index, element)?;
            target_index += 1;
        }
    }
    Ok(target_index)
}

fn array_flat(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let source_len = it.length_of_array_like(&o)?;
    let mut depth = 1.0;
    let d = a.get(0);
    if !d.is_undefined() {
        depth = it.to_integer_or_infinity(&d)?;
        if depth < 0.0 {
            depth = 0.0;
        }
    }
    let arr = array_species_create(it, &o, 0)?;
    flatten_into_array(it, &arr, &o, source_len, 0, depth, None, 0)?;
    Ok(Value::Object(arr))
}

fn array_flat_map(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let source_len = it.length_of_array_like(&o)?;
    let f = a.get(0);
    require_callable(it, &f)?;
    let this_arg = a.get(1);
    let arr = array_species_create(it, &o, 0)?;
    flatten_into_array(it, &arr, &o, source_len, 0, 1.0, Some((&f, &this_arg)), 0)?;
    Ok(Value::Object(arr))
}

/// The starting index of `includes`/`indexOf`, or None if the search is empty.
fn from_index(it: &mut Interp, v: &Value, len: u64) -> JsResult<Option<u64>> {
    let n = it.to_integer_or_infinity(v)?;
    if n == f64::INFINITY {
        return Ok(None);
    }
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    if k >= len as f64 {
        return Ok(None);
    }
    Ok(Some(k as u64))
}

fn array_includes(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    if len == 0 {
        return Ok(Value::Bool(false));
    }
    let target = a.get(0);
    let Some(start) = from_index(it, &a.get(1), len)? else {
        return Ok(Value::Bool(false));
    };
    if let Some(found) = scan_dense(&o, start, len, |v| match v {
        // A hole reads as undefined (no prototype has an indexed property).
        Value::Empty => Value::Undefined.same_value_zero(&target),
        v => v.same_value_zero(&target),
    }) {
        return Ok(Value::Bool(found.is_some()));
    }
    for k in start..len {
        if get_idx(it, &o, k)?.same_value_zero(&target) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The first index in `start..len` whose element satisfies `hit`, over a dense array's
/// `elements` in place (`is_dense_array`: each Get is the element, or undefined for a
/// hole, and each HasProperty is false for a hole only, with no code run), for the
/// searches whose comparison runs no code either (`includes`, `indexOf`): `None` when the
/// array is not dense, so the caller runs the spec's loop.
fn scan_dense(o: &Obj, start: u64, len: u64, hit: impl Fn(&Value) -> bool) -> Option<Option<u64>> {
    if !is_dense_array(o) {
        return None;
    }
    let d = o.borrow();
    // `len` was read before the search's start was converted, which may have run code
    // that shortened the array: the indices past its end then read as holes would not.
    if len > d.elements.len() as u64 {
        return None;
    }
    let end = len as usize;
    let from = (start as usize).min(end);
    Some(
        d.elements[from..end]
            .iter()
            .position(hit)
            .map(|i| (from + i) as u64),
    )
}

fn array_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj_named(it, a, "indexOf")?;
    let len = it.length_of_array_like(&o)?;
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let target = a.get(0);
    let Some(start) = from_index(it, &a.get(1), len)? else {
        return Ok(Value::Number(-1.0));
    };
    // Holes are skipped (HasProperty is false for them).
    if let Some(found) = scan_dense(&o, start, len, |v| {
        !matches!(v, Value::Empty) && v.strict_equals(&target)
    }) {
        return Ok(found.map_or(Value::Number(-1.0), num));
    }
    for k in start..len {
        if let Some(v) = get_present(it, &o, k)? {
            if v.strict_equals(&target) {
                return Ok(num(k));
            }
        }
    }
    Ok(Value::Number(-1.0))
}

fn array_last_index_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let target = a.get(0);
    let n = if a.len() > 1 {
        it.to_integer_or_infinity(&a.get(1))?
    } else {
        len as f64 - 1.0
    };
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let mut k = k as u64;
    loop {
        if let Some(v) = get_present(it, &o, k)? {
            if v.strict_equals(&target) {
                return Ok(num(k));
            }
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    Ok(Value::Number(-1.0))
}

/// Runs `f` with `o` marked as being joined; a re-entrant join of `o` yields "".
fn with_join_guard(
    it: &mut Interp,
    o: &Obj,
    f: impl FnOnce(&mut Interp) -> JsResult<JsStr>,
) -> JsResult<JsStr> {
    let addr = o.addr();
    let cyclic = JOIN_STACK.with(|s| s.borrow().contains(&addr));
    if cyclic {
        return Ok(JsStr::empty());
    }
    let depth = JOIN_STACK.with(|s| {
        let mut s = s.borrow_mut();
        s.push(addr);
        s.len()
    });
    let r = if depth > MAX_NESTING {
        Err(it.range_error("Maximum call stack size exceeded"))
    } else {
        f(it)
    };
    JOIN_STACK.with(|s| {
        s.borrow_mut().pop();
    });
    r
}

fn array_join(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let sep = a.get(0);
    let sep = if sep.is_undefined() {
        JsStr::intern(",")
    } else {
        it.to_string(&sep)?
    };
    // The separators alone would pass V8's string length limit: fail before the loop.
    if len > 1
        && (len - 1).saturating_mul(sep.len() as u64)
            > crate::builtins::string::MAX_STRING_LENGTH as u64
    {
        return Err(it.range_error("Invalid string length"));
    }
    let r = with_join_guard(it, &o, |it| {
        let mut out: Vec<u16> = Vec::new();
        for k in 0..len {
            if k > 0 {
                out.extend_from_slice(sep.units());
            }
            let e = get_idx(it, &o, k)?;
            if !e.is_nullish() {
                let s = it.to_string(&e)?;
                out.extend_from_slice(s.units());
            }
            if out.len() > crate::builtins::string::MAX_STRING_LENGTH {
                return Err(it.range_error("Invalid string length"));
            }
        }
        Ok(JsStr::from_units(out))
    })?;
    Ok(Value::String(r))
}

fn array_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let r = with_join_guard(it, &o, |it| {
        let mut out: Vec<u16> = Vec::new();
        for k in 0..len {
            if k > 0 {
                out.push(b',' as u16);
            }
            let e = get_idx(it, &o, k)?;
            if !e.is_nullish() {
                let f = it.get_v(&e, &static_key!("toLocaleString"))?;
                if !it.is_callable(&f) {
                    return Err(not_a_function(it, &f));
                }
                // ECMA-402 §19.5.1: Invoke(element, "toLocaleString", « locales, options »).
                let r = it.call(&f, &e, &[a.get(0), a.get(1)])?;
                let s = it.to_string(&r)?;
                out.extend_from_slice(s.units());
            }
        }
        Ok(JsStr::from_units(out))
    })?;
    Ok(Value::String(r))
}

fn array_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let join = it.get(&o, &static_key!("join"))?;
    let ov = Value::Object(o.clone());
    if it.is_callable(&join) {
        return it.call(&join, &ov, &[]);
    }
    // %Object.prototype.toString%
    let op = it.intrinsics.object_prototype.clone();
    if let Some(f) = it.own_data(&op, &static_key!("toString")) {
        if it.is_callable(&f) {
            return it.call(&f, &ov, &[]);
        }
    }
    let tag = if o.is_array() { "Array" } else { "Object" };
    Ok(Value::from(format!("[object {tag}]").as_str()))
}

fn array_pop(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    if is_dense_array(&o) {
        let v = o.borrow_mut().elements.pop();
        if let Some(v) = v {
            let n = o.borrow().elements.len();
            set_array_len_raw(&o, n);
            return Ok(hole_to_undefined(v));
        }
        return Ok(Value::Undefined);
    }
    let len = it.length_of_array_like(&o)?;
    if len == 0 {
        set_length(it, &o, 0)?;
        return Ok(Value::Undefined);
    }
    let index = len - 1;
    let element = get_idx(it, &o, index)?;
    delete_idx(it, &o, index)?;
    set_length(it, &o, index)?;
    Ok(element)
}

fn array_push(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    if is_dense_array(&o) {
        let n = o.borrow().elements.len() + a.len();
        if (n as u64) < MAX_ARRAY_LEN {
            o.borrow_mut().elements.extend(a.args.iter().cloned());
            set_array_len_raw(&o, n);
            return Ok(num(n as u64));
        }
    }
    let mut len = it.length_of_array_like(&o)?;
    if len + a.len() as u64 > MAX_SAFE {
        return Err(it.type_error(format!(
            "Pushing {} elements on an array-like of length {} is disallowed, as the total surpasses 2**53-1",
            a.len(),
            len
        )));
    }
    for e in a.args {
        set_idx(it, &o, len, e.clone())?;
        len += 1;
    }
    set_length(it, &o, len)?;
    Ok(num(len))
}

/// Reduce/ReduceRight.
fn reduce_impl(it: &mut Interp, a: &Args, name: &str, right: bool) -> JsResult<Value> {
    let o = this_obj_named(it, a, name)?;
    let len = it.length_of_array_like(&o)?;
    let f = a.get(0);
    require_callable(it, &f)?;
    let ov = Value::Object(o.clone());
    let idx = |i: u64| if right { len - 1 - i } else { i };
    let mut i = 0;
    let mut acc = if a.len() >= 2 {
        a.get(1)
    } else {
        let mut found = None;
        while i < len {
            let k = idx(i);
            i += 1;
            if let Some(v) = get_present(it, &o, k)? {
                found = Some(v);
                break;
            }
        }
        match found {
            Some(v) => v,
            None => return Err(it.type_error("Reduce of empty array with no initial value")),
        }
    };
    let f = it.callback(&f);
    while i < len {
        let k = idx(i);
        if let Some(v) = get_present(it, &o, k)? {
            acc = it.call_callback(&f, &Value::Undefined, &[acc, v, num(k), ov.clone()])?;
        }
        i += 1;
    }
    Ok(acc)
}

fn array_reduce(it: &mut Interp, a: &Args) -> JsResult<Value> {
    reduce_impl(it, a, "reduce", false)
}

fn array_reduce_right(it: &mut Interp, a: &Args) -> JsResult<Value> {
    reduce_impl(it, a, "reduceRight", true)
}

fn array_reverse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    if is_dense_array(&o) {
        o.borrow_mut().elements.reverse();
        return Ok(Value::Object(o));
    }
    let len = it.length_of_array_like(&o)?;
    let middle = len / 2;
    let mut lower = 0;
    while lower != middle {
        let upper = len - lower - 1;
        let lower_v = get_present(it, &o, lower)?;
        let upper_v = get_present(it, &o, upper)?;
        match (lower_v, upper_v) {
            (Some(l), Some(u)) => {
                set_idx(it, &o, lower, u)?;
                set_idx(it, &o, upper, l)?;
            }
            (None, Some(u)) => {
                set_idx(it, &o, lower, u)?;
                delete_idx(it, &o, upper)?;
            }
            (Some(l), None) => {
                delete_idx(it, &o, lower)?;
                set_idx(it, &o, upper, l)?;
            }
            (None, None) => {}
        }
        lower += 1;
    }
    Ok(Value::Object(o))
}

fn array_shift(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    if is_dense_array(&o) {
        let mut d = o.borrow_mut();
        if d.elements.is_empty() {
            return Ok(Value::Undefined);
        }
        let v = d.elements.remove(0);
        let n = d.elements.len();
        drop(d);
        set_array_len_raw(&o, n);
        return Ok(hole_to_undefined(v));
    }
    let len = it.length_of_array_like(&o)?;
    if len == 0 {
        set_length(it, &o, 0)?;
        return Ok(Value::Undefined);
    }
    let first = get_idx(it, &o, 0)?;
    for k in 1..len {
        match get_present(it, &o, k)? {
            Some(v) => set_idx(it, &o, k - 1, v)?,
            None => delete_idx(it, &o, k - 1)?,
        }
    }
    delete_idx(it, &o, len - 1)?;
    set_length(it, &o, len - 1)?;
    Ok(first)
}

fn array_unshift(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let arg_count = a.len() as u64;
    if is_dense_array(&o) {
        let n = o.borrow().elements.len() as u64 + arg_count;
        if n < MAX_ARRAY_LEN {
            let mut d = o.borrow_mut();
            d.elements.splice(0..0, a.args.iter().cloned());
            drop(d);
            set_array_len_raw(&o, n as usize);
            return Ok(num(n));
        }
    }
    let len = it.length_of_array_like(&o)?;
    if arg_count > 0 {
        if len + arg_count > MAX_SAFE {
            return Err(it.type_error("Invalid array length"));
        }
        let mut k = len;
        while k > 0 {
            let from = k - 1;
            let to = k + arg_count - 1;
            match get_present(it, &o, from)? {
                Some(v) => set_idx(it, &o, to, v)?,
                None => delete_idx(it, &o, to)?,
            }
            k -= 1;
        }
        for (j, e) in a.args.iter().enumerate() {
            set_idx(it, &o, j as u64, e.clone())?;
        }
    }
    set_length(it, &o, len + arg_count)?;
    Ok(num(len + arg_count))
}

fn array_slice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let mut k = relative_start(it, &a.get(0), len)?;
    let fin = relative_end(it, &a.get(1), len)?;
    let count = fin.saturating_sub(k);
    if is_dense_array(&o) && species_is_default(it, &o) {
        let d = o.borrow();
        let end = (fin as usize).min(d.elements.len());
        let start = (k as usize).min(end);
        let vals = d.elements[start..end].to_vec();
        drop(d);
        let proto = it.intrinsics.array_prototype.clone();
        return Ok(Value::Object(array_from_vec(proto, vals)));
    }
    let arr = array_species_create(it, &o, count)?;
    let mut n = 0;
    while k < fin {
        if let Some(v) = get_present(it, &o, k)? {
            create_idx(it, &arr, n, v)?;
        }
        k += 1;
        n += 1;
    }
    set_length(it, &arr, n)?;
    Ok(Value::Object(arr))
}

/// Sorts values that are not undefined with V8's TimSort (`array_sort.rs`), calling the
/// comparator (or ToString, for the default order) exactly when V8 does.
fn sort_values(it: &mut Interp, values: Vec<Value>, cmp: &Value) -> JsResult<Vec<Value>> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    if cmp.is_undefined() {
        // SortCompareDefault converts both operands with ToString at every comparison. For
        // primitives other than symbols that has no visible effect, so their strings are
        // computed once; objects (and symbols, which throw) are converted every time.
        let mut keys: Vec<Option<JsStr>> = Vec::with_capacity(values.len());
        for v in &values {
            keys.push(match v {
                Value::Object(_) | Value::Symbol(_) => None,
                _ => Some(it.to_string(v)?),
            });
        }
        let key = |it: &mut Interp, i: usize| -> JsResult<JsStr> {
            match &keys[i] {
                Some(s) => Ok(s.clone()),
                None => it.to_string(&values[i]),
            }
        };
        crate::builtins::array_sort::timsort(it, &mut order, &mut |it, &x, &y| {
            let xs = key(it, x)?;
            let ys = key(it, y)?;
            Ok(xs.units() < ys.units())
        })?;
    } else {
        let cmp = it.callback(cmp);
        crate::builtins::array_sort::timsort(it, &mut order, &mut |it, &x, &y| {
            let v = it.call_callback(
                &cmp,
                &Value::Undefined,
                &[values[x].clone(), values[y].clone()],
            )?;
            // ToNumber of the result; NaN counts as +0.
            Ok(it.to_number(&v)? < 0.0)
        })?;
    }
    Ok(order.into_iter().map(|i| values[i].clone()).collect())
}

fn check_comparator(it: &mut Interp, cmp: &Value) -> JsResult<()> {
    if !cmp.is_undefined() && !it.is_callable(cmp) {
        // V8 13.6 names the value (NoSideEffectsToString).
        let s = crate::builtins::object::no_side_effects_to_string(it, cmp);
        return Err(it.type_error(format!(
            "The comparison function must be either a function or undefined: {s}"
        )));
    }
    Ok(())
}

fn array_sort(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cmp = a.get(0);
    check_comparator(it, &cmp)?;
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    // V8 returns at once when there is nothing to sort.
    if len < 2 {
        return Ok(Value::Object(o));
    }
    // V8's CompactReceiverElementsIntoWorkArray: holes are skipped, undefined values are
    // counted and never passed to the comparator.
    let mut items = Vec::new();
    let mut undefs = 0u64;
    for k in 0..len {
        match get_present(it, &o, k)? {
            Some(Value::Undefined) => undefs += 1,
            Some(v) => items.push(v),
            None => {}
        }
    }
    // A throwing comparator leaves the receiver untouched: the sorted values are written
    // back only at the end.
    let sorted = sort_values(it, items, &cmp)?;
    let mut j = 0u64;
    for v in sorted {
        set_idx(it, &o, j, v)?;
        j += 1;
    }
    for _ in 0..undefs {
        set_idx(it, &o, j, Value::Undefined)?;
        j += 1;
    }
    for k in j..len {
        delete_idx(it, &o, k)?;
    }
    Ok(Value::Object(o))
}

fn array_to_sorted(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cmp = a.get(0);
    check_comparator(it, &cmp)?;
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    array_create(it, len, None)?;
    // Holes read as undefined (no HasProperty), and undefined goes last.
    let mut items = Vec::new();
    let mut undefs = 0;
    for k in 0..len {
        match get_idx(it, &o, k)? {
            Value::Undefined => undefs += 1,
            v => items.push(v),
        }
    }
    let mut sorted = sort_values(it, items, &cmp)?;
    sorted.extend(std::iter::repeat_n(Value::Undefined, undefs));
    let proto = it.intrinsics.array_prototype.clone();
    Ok(Value::Object(array_from_vec(proto, sorted)))
}

/// The deleteCount/skipCount of `splice`/`toSpliced`.
fn splice_count(it: &mut Interp, a: &Args, len: u64, start: u64) -> JsResult<u64> {
    Ok(match a.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let dc = it.to_integer_or_infinity(&a.get(1))?;
            dc.max(0.0).min((len - start) as f64) as u64
        }
    })
}

fn array_splice(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let start = relative_start(it, &a.get(0), len)?;
    let items: &[Value] = if a.len() > 2 { &a.args[2..] } else { &[] };
    let item_count = items.len() as u64;
    let dc = splice_count(it, a, len, start)?;
    if len + item_count - dc > MAX_SAFE {
        return Err(it.type_error("Invalid array length"));
    }
    if is_dense_array(&o) && species_is_default(it, &o) && len + item_count - dc < MAX_ARRAY_LEN {
        let removed: Vec<Value> = {
            let mut d = o.borrow_mut();
            d.elements
                .splice(start as usize..(start + dc) as usize, items.iter().cloned())
                .collect()
        };
        let n = o.borrow().elements.len();
        set_array_len_raw(&o, n);
        let proto = it.intrinsics.array_prototype.clone();
        return Ok(Value::Object(array_from_vec(proto, removed)));
    }
    let arr = array_species_create(it, &o, dc)?;
    for k in 0..dc {
        if let Some(v) = get_present(it, &o, start + k)? {
            create_idx(it, &arr, k, v)?;
        }
    }
    set_length(it, &arr, dc)?;
    if item_count < dc {
        for k in start..len - dc {
            let from = k + dc;
            let to = k + item_count;
            match get_present(it, &o, from)? {
                Some(v) => set_idx(it, &o, to, v)?,
                None => delete_idx(it, &o, to)?,
            }
        }
        let mut k = len;
        while k > len - dc + item_count {
            delete_idx(it, &o, k - 1)?;
            k -= 1;
        }
    } else if item_count > dc {
        let mut k = len - dc;
        while k > start {
            let from = k + dc - 1;
            let to = k + item_count - 1;
            match get_present(it, &o, from)? {
                Some(v) => set_idx(it, &o, to, v)?,
                None => delete_idx(it, &o, to)?,
            }
            k -= 1;
        }
    }
    for (j, e) in items.iter().enumerate() {
        set_idx(it, &o, start + j as u64, e.clone())?;
    }
    set_length(it, &o, len - dc + item_count)?;
    Ok(Value::Object(arr))
}

fn array_to_reversed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    array_create(it, len, None)?;
    let mut vals = Vec::with_capacity(len.min(1 << 20) as usize);
    for k in 0..len {
        vals.push(get_idx(it, &o, len - 1 - k)?);
    }
    let proto = it.intrinsics.array_prototype.clone();
    Ok(Value::Object(array_from_vec(proto, vals)))
}

fn array_to_spliced(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let start = relative_start(it, &a.get(0), len)?;
    let items: &[Value] = if a.len() > 2 { &a.args[2..] } else { &[] };
    let skip = splice_count(it, a, len, start)?;
    let new_len = len + items.len() as u64 - skip;
    if new_len > MAX_SAFE {
        return Err(it.type_error("Invalid array length"));
    }
    array_create(it, new_len, None)?;
    let mut vals = Vec::with_capacity(new_len.min(1 << 20) as usize);
    for i in 0..start {
        vals.push(get_idx(it, &o, i)?);
    }
    vals.extend(items.iter().cloned());
    let mut r = start + skip;
    while (vals.len() as u64) < new_len {
        vals.push(get_idx(it, &o, r)?);
        r += 1;
    }
    let proto = it.intrinsics.array_prototype.clone();
    Ok(Value::Object(array_from_vec(proto, vals)))
}

fn array_with(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_obj(it, a)?;
    let len = it.length_of_array_like(&o)?;
    let rel = it.to_integer_or_infinity(&a.get(0))?;
    let actual = if rel >= 0.0 { rel } else { len as f64 + rel };
    if actual >= len as f64 || actual < 0.0 {
        return Err(it.range_error(format!("Invalid index : {}", number_to_string(rel))));
    }
    let actual = actual as u64;
    array_create(it, len, None)?;
    let value = a.get(1);
    let mut vals = Vec::with_capacity(len.min(1 << 20) as usize);
    for k in 0..len {
        vals.push(if k == actual {
            value.clone()
        } else {
            get_idx(it, &o, k)?
        });
    }
    let proto = it.intrinsics.array_prototype.clone();
    Ok(Value::Object(array_from_vec(proto, vals)))
}

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.array_prototype.clone();
    let ctor = it.native_fn_with("Array", 1, array_constructor, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "isArray", 1, array_is_array);
    it.define_method(&ctor, "from", 1, array_from);
    it.define_method(
        &ctor,
        "fromAsync",
        1,
        crate::builtins::array_from_async::array_from_async,
    );
    it.define_method(&ctor, "of", 0, array_of);
    let species = it.symbols.species.clone();
    it.define_getter(&ctor, PropKey::Sym(species), species_getter);
    it.intrinsics.array_ctor = ctor.clone();

    // Same order as V8's `Object.getOwnPropertyNames(Array.prototype)`.
    let methods: &[(&str, u32, crate::interp::NativeFn)] = &[
        ("at", 1, array_at),
        ("concat", 1, array_concat),
        ("copyWithin", 2, array_copy_within),
        ("fill", 1, array_fill),
        ("find", 1, array_find),
        ("findIndex", 1, array_find_index),
        ("findLast", 1, array_find_last),
        ("findLastIndex", 1, array_find_last_index),
        ("lastIndexOf", 1, array_last_index_of),
        ("pop", 0, array_pop),
        ("push", 1, array_push),
        ("reverse", 0, array_reverse),
        ("shift", 0, array_shift),
        ("unshift", 1, array_unshift),
        ("slice", 2, array_slice),
        ("sort", 1, array_sort),
        ("splice", 2, array_splice),
        ("includes", 1, array_includes),
        ("indexOf", 1, array_index_of),
        ("join", 1, array_join),
        ("keys", 0, array_keys),
        ("entries", 0, array_entries),
        ("values", 0, array_values),
        ("forEach", 1, array_for_each),
        ("filter", 1, array_filter),
        ("flat", 0, array_flat),
        ("flatMap", 1, array_flat_map),
        ("map", 1, array_map),
        ("every", 1, array_every),
        ("some", 1, array_some),
        ("reduce", 1, array_reduce),
        ("reduceRight", 1, array_reduce_right),
        // V8's order: the change-array-by-copy methods before toLocaleString/toString.
        ("toReversed", 0, array_to_reversed),
        ("toSorted", 1, array_to_sorted),
        ("toSpliced", 2, array_to_spliced),
        ("with", 2, array_with),
        ("toLocaleString", 0, array_to_locale_string),
        ("toString", 0, array_to_string),
    ];
    for (name, len, f) in methods {
        if *name == "values" {
            let func = it.define_method_obj(&proto, name, *len, *f);
            it.intrinsics.array_proto_values = func.clone();
            let key = PropKey::Sym(it.symbols.iterator.clone());
            proto.define(key, Value::Object(func), Attrs::HIDDEN);
        } else {
            it.define_method(&proto, name, *len, *f);
        }
    }

    // Array.prototype[@@unscopables]
    let unscopables = Obj::new(None, ObjectKind::Ordinary);
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        unscopables.define(name, Value::Bool(true), Attrs::DEFAULT);
    }
    let key = PropKey::Sym(it.symbols.unscopables.clone());
    proto.define(key, Value::Object(unscopables), Attrs::CONFIGURABLE_ONLY);

    crate::builtins::define_global(it, "Array", Value::Object(ctor));
}
