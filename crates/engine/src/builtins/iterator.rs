//! `%IteratorPrototype%`, `%AsyncIteratorPrototype%`, `%ArrayIteratorPrototype%`,
//! `%StringIteratorPrototype%` and `String.prototype[Symbol.iterator]`.
//!
//! (The ES2025 Iterator helpers — a global `Iterator` — are not installed: Node 20 has none.)

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
    let state = match a.this {
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
            a.this,
        ));
    };
    let Value::Object(t) = target else {
        return Ok(it.iter_result(Value::Undefined, true));
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
        return Ok(it.iter_result(Value::Undefined, true));
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
    Ok(it.iter_result(result, false))
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
    let state = match a.this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::StringIterator { s, index } => Some((o.clone(), s.clone(), *index)),
            _ => None,
        },
        _ => None,
    };
    let Some((iter, s, index)) = state else {
        return Err(incompatible_receiver(
            it,
            "String Iterator.prototype.next",
            a.this,
        ));
    };
    let u = s.units();
    if index >= u.len() {
        if let ObjectKind::StringIterator { index: i, .. } = &mut iter.borrow_mut().kind {
            *i = usize::MAX;
        }
        return Ok(it.iter_result(Value::Undefined, true));
    }
    let n = code_point_len(u, index);
    let cp = s.slice(index, index + n);
    if let ObjectKind::StringIterator { index: i, .. } = &mut iter.borrow_mut().kind {
        *i = index + n;
    }
    Ok(it.iter_result(Value::String(cp), false))
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

pub fn init(it: &mut Interp) {
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    let iter_sym = it.symbols.iterator.clone();

    // %IteratorPrototype%
    let ip = it.intrinsics.iterator_prototype.clone();
    it.define_symbol_method(&ip, &iter_sym, "[Symbol.iterator]", 0, return_this);

    // %AsyncIteratorPrototype%
    let aip = it.intrinsics.async_iterator_prototype.clone();
    let async_sym = it.symbols.async_iterator.clone();
    it.define_symbol_method(&aip, &async_sym, "[Symbol.asyncIterator]", 0, return_this);

    // %ArrayIteratorPrototype%
    let arr_ip = it.intrinsics.array_iterator_prototype.clone();
    it.define_method(&arr_ip, "next", 0, array_iterator_next);
    arr_ip.define(
        tag.clone(),
        Value::from("Array Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );

    // %StringIteratorPrototype%
    let str_ip = it.intrinsics.string_iterator_prototype.clone();
    it.define_method(&str_ip, "next", 0, string_iterator_next);
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
        let r = call_method(it, iter, &PropKey::from("next"));
        let Value::Object(r) = r else { panic!() };
        let v = it.get(&r, &PropKey::from("value")).unwrap();
        let d = it.get(&r, &PropKey::from("done")).unwrap();
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
