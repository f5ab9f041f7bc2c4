//! `Boolean`: the constructor (boxing) and `Boolean.prototype`.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Obj, ObjectKind};
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.boolean_prototype.clone();
    let ctor = it.native_fn_with("Boolean", 1, boolean_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);
    it.define_method(&proto, "toString", 0, boolean_proto_to_string);
    it.define_method(&proto, "valueOf", 0, boolean_proto_value_of);
    super::define_global(it, "Boolean", Value::Object(ctor));
}

/// Boolean(value).
fn boolean_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let b be ToBoolean(value).
    let b = a.get(0).to_boolean();
    // 2. If NewTarget is undefined, return b.
    let Some(nt) = a.new_target else {
        return Ok(Value::Bool(b));
    };
    // 3-5. OrdinaryCreateFromConstructor(NewTarget, "%Boolean.prototype%", [[BooleanData]]).
    let proto = it.get_prototype_from_constructor(nt, |i| i.boolean_prototype.clone())?;
    Ok(Value::Object(Obj::new(Some(proto), ObjectKind::Boolean(b))))
}

/// ThisBooleanValue(value).
fn this_boolean_value(it: &mut Interp, v: &Value, method: &str) -> JsResult<bool> {
    match v {
        Value::Bool(b) => return Ok(*b),
        Value::Object(o) => {
            if let ObjectKind::Boolean(b) = o.borrow().kind {
                return Ok(b);
            }
        }
        _ => {}
    }
    Err(it.type_error(format!(
        "Boolean.prototype.{method} requires that 'this' be a Boolean"
    )))
}

fn boolean_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let b = this_boolean_value(it, a.this, "toString")?;
    Ok(Value::from(if b { "true" } else { "false" }))
}

fn boolean_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(this_boolean_value(it, a.this, "valueOf")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxing() {
        let mut it = Interp::new();
        let g = it.global.clone();
        let b = it.get(&g, &static_key!("Boolean")).unwrap();
        let r = it.call(&b, &Value::Undefined, &[Value::from("x")]).unwrap();
        assert!(r.strict_equals(&Value::Bool(true)));
        let bo = b.as_object().unwrap().clone();
        let boxed = it.construct(&bo, &[Value::from(0.0)], None).unwrap();
        assert!(boxed.is_object());
        let vo = it.get_v(&boxed, &static_key!("valueOf")).unwrap();
        let v = it.call(&vo, &boxed, &[]).unwrap();
        assert!(v.strict_equals(&Value::Bool(false)));
        let ts = it
            .get_v(&Value::Bool(true), &static_key!("toString"))
            .unwrap();
        let s = it.call(&ts, &Value::Bool(true), &[]).unwrap();
        assert!(s.strict_equals(&Value::from("true")));
        assert!(it.call(&ts, &Value::from(1.0), &[]).is_err());
    }
}
