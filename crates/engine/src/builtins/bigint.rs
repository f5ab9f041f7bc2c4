//! `BigInt`: the conversion function (not a constructor: `new BigInt` throws),
//! `BigInt.asIntN` / `BigInt.asUintN`, and `BigInt.prototype` (`toString(radix)`,
//! `toLocaleString`, `valueOf`, `@@toStringTag`). The arithmetic lives in `crate::bigint`,
//! the operators in `interp::ops`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use crate::bigint::{bigint_as_int_n, bigint_as_uint_n, bigint_to_string};
use crate::builtins::{define_global, link_ctor_proto};
use crate::interp::ops::Hint;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, ObjectKind, PropKey};
use crate::value::{to_integer_or_infinity, Value};

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.bigint_prototype.clone();
    // A constructor in the spec's sense (it has [[Construct]]), which throws when called
    // with `new` — so `class X extends BigInt` is allowed but useless, as in V8.
    let ctor = it.native_fn_with("BigInt", 1, bigint_constructor, true, Vec::new());
    link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "asUintN", 2, bigint_as_uint_n_fn);
    it.define_method(&ctor, "asIntN", 2, bigint_as_int_n_fn);

    it.define_method(&proto, "toLocaleString", 0, bigint_proto_to_locale_string);
    it.define_method(&proto, "toString", 0, bigint_proto_to_string);
    it.define_method(&proto, "valueOf", 0, bigint_proto_value_of);
    proto.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("BigInt"),
        Attrs::CONFIGURABLE_ONLY,
    );
    define_global(it, "BigInt", Value::Object(ctor));
}

/// BigInt(value).
fn bigint_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if a.new_target.is_some() {
        return Err(it.type_error("BigInt is not a constructor"));
    }
    // 2. Let prim be ? ToPrimitive(value, number).
    let prim = it.to_primitive(&a.get(0), Hint::Number)?;
    // 3. If prim is a Number, return ? NumberToBigInt(prim).
    if let Value::Number(n) = prim {
        return Ok(Value::BigInt(it.number_to_bigint(n)?));
    }
    // 4. Otherwise, return ? ToBigInt(prim).
    Ok(Value::BigInt(it.to_bigint(&prim)?))
}

/// ToIndex as V8 words its RangeError for `asIntN`/`asUintN`.
fn bits_index(it: &mut Interp, v: &Value) -> JsResult<u64> {
    let n = to_integer_or_infinity(it.to_number(v)?);
    if !(0.0..=9007199254740991.0).contains(&n) {
        return Err(it.range_error("Invalid value: not (convertible to) a safe integer"));
    }
    Ok(n as u64)
}

/// BigInt.asIntN(bits, bigint).
fn bigint_as_int_n_fn(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let bits = bits_index(it, &a.get(0))?;
    let x = it.to_bigint(&a.get(1))?;
    Ok(Value::from(bigint_as_int_n(bits, &x)))
}

/// BigInt.asUintN(bits, bigint).
fn bigint_as_uint_n_fn(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let bits = bits_index(it, &a.get(0))?;
    let x = it.to_bigint(&a.get(1))?;
    let r = bigint_as_uint_n(bits, &x);
    it.bigint_result(r)
}

/// ThisBigIntValue(value).
fn this_bigint_value(it: &mut Interp, v: &Value, method: &str) -> JsResult<Rc<BigInt>> {
    match v {
        Value::BigInt(b) => return Ok(b.clone()),
        Value::Object(o) => {
            if let ObjectKind::BigInt(b) = &o.borrow().kind {
                return Ok(b.clone());
            }
        }
        _ => {}
    }
    Err(it.type_error(format!(
        "BigInt.prototype.{method} requires that 'this' be a BigInt"
    )))
}

/// BigInt.prototype.toString([radix]).
fn bigint_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_bigint_value(it, a.this, "toString")?;
    let radix = a.get(0);
    let r = if radix.is_undefined() {
        10.0
    } else {
        to_integer_or_infinity(it.to_number(&radix)?)
    };
    if !(2.0..=36.0).contains(&r) {
        return Err(it.range_error("toString() radix argument must be between 2 and 36"));
    }
    Ok(Value::from(bigint_to_string(&x, r as u32).as_str()))
}

/// BigInt.prototype.toLocaleString([locales [, options]]): the same subset of
/// `Intl.NumberFormat` as `Number.prototype.toLocaleString`, on the exact integer.
fn bigint_proto_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let x = this_bigint_value(it, a.this, "toLocaleString")?;
    let digits = x.magnitude().to_string();
    let s =
        super::intl::bigint_to_locale_string(it, x.is_negative(), &digits, &a.get(0), &a.get(1))?;
    Ok(Value::from(s.as_str()))
}

/// BigInt.prototype.valueOf().
fn bigint_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::BigInt(this_bigint_value(it, a.this, "valueOf")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(it: &mut Interp, f: &str, args: &[Value]) -> JsResult<Value> {
        let g = it.global.clone();
        let b = it.get(&g, &static_key!("BigInt")).unwrap();
        let f = if f.is_empty() {
            b
        } else {
            it.get_v(&b, &PropKey::from(f)).unwrap()
        };
        it.call(&f, &Value::Undefined, args)
    }

    fn big(s: &str) -> Value {
        Value::from(s.parse::<BigInt>().unwrap())
    }

    #[test]
    fn conversion_function() {
        let mut it = Interp::new();
        let r = call(&mut it, "", &[Value::from(1e21)]).unwrap();
        assert!(r.strict_equals(&big("1000000000000000000000")));
        let r = call(&mut it, "", &[Value::from(" 0x1f ")]).unwrap();
        assert!(r.strict_equals(&big("31")));
        let r = call(&mut it, "", &[Value::Bool(true)]).unwrap();
        assert!(r.strict_equals(&big("1")));
        assert!(call(&mut it, "", &[Value::from(1.5)]).is_err());
        assert!(call(&mut it, "", &[Value::from("1.5")]).is_err());
        assert!(call(&mut it, "", &[Value::Undefined]).is_err());
    }

    #[test]
    fn as_int_n_and_prototype() {
        let mut it = Interp::new();
        let r = call(&mut it, "asIntN", &[Value::from(8), big("255")]).unwrap();
        assert!(r.strict_equals(&big("-1")));
        let r = call(&mut it, "asUintN", &[Value::from(8), big("-1")]).unwrap();
        assert!(r.strict_equals(&big("255")));
        assert!(call(&mut it, "asIntN", &[Value::from(-1), big("1")]).is_err());
        // asIntN(8, 1): Numbers are not converted implicitly.
        assert!(call(&mut it, "asIntN", &[Value::from(8), Value::from(1)]).is_err());

        let x = big("-255");
        let ts = it.get_v(&x, &static_key!("toString")).unwrap();
        let s = it.call(&ts, &x, &[Value::from(16)]).unwrap();
        assert!(s.strict_equals(&Value::from("-ff")));
        assert!(it.call(&ts, &x, &[Value::from(37)]).is_err());
        assert!(it.call(&ts, &Value::from(1), &[]).is_err());
        let y = big("1234567");
        let tl = it.get_v(&y, &static_key!("toLocaleString")).unwrap();
        let s = it.call(&tl, &y, &[]).unwrap();
        assert!(s.strict_equals(&Value::from("1,234,567")));
    }
}
