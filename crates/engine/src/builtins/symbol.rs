//! `Symbol`: the function, the registry (`Symbol.for` / `Symbol.keyFor`), the well-known
//! symbols and `Symbol.prototype`.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, ObjectKind, PropKey};
use crate::value::{Sym, Value};

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.symbol_prototype.clone();
    let ctor = it.native_fn_with("Symbol", 0, symbol_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);
    it.define_method(&ctor, "for", 1, symbol_for);
    it.define_method(&ctor, "keyFor", 1, symbol_key_for);
    for (name, sym) in it.symbols.all() {
        ctor.define(name, Value::Symbol(sym), Attrs::NONE);
    }

    it.define_method(&proto, "toString", 0, symbol_proto_to_string);
    it.define_method(&proto, "valueOf", 0, symbol_proto_value_of);
    it.define_getter(&proto, "description", symbol_proto_description);
    // V8 defines @@toStringTag before @@toPrimitive.
    proto.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("Symbol"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let tp = it.symbols.to_primitive.clone();
    let f = it.native_fn("[Symbol.toPrimitive]", 1, symbol_proto_to_primitive);
    proto.define(PropKey::Sym(tp), Value::Object(f), Attrs::CONFIGURABLE_ONLY);
    super::define_global(it, "Symbol", Value::Object(ctor));
}

/// Symbol([description]).
fn symbol_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if a.new_target.is_some() {
        return Err(it.type_error("Symbol is not a constructor"));
    }
    // 2-3. descString is undefined or ? ToString(description).
    let d = a.get(0);
    let desc = if d.is_undefined() {
        None
    } else {
        Some(it.to_string(&d)?)
    };
    Ok(Value::Symbol(Sym::new(desc)))
}

/// Symbol.for(key).
fn symbol_for(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let key = it.to_string(&a.get(0))?;
    if let Some(s) = it.symbol_registry.get(&key) {
        return Ok(Value::Symbol(s.clone()));
    }
    let s = Sym::new_registered(key.clone());
    it.symbol_registry.insert(key, s.clone());
    Ok(Value::Symbol(s))
}

/// Symbol.keyFor(sym).
fn symbol_key_for(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Value::Symbol(s) = a.get(0) else {
        let v = a.get(0);
        let s = crate::builtins::object::no_side_effects_to_string(it, &v);
        return Err(it.type_error(format!("{s} is not a symbol")));
    };
    if s.0.registered {
        return Ok(s
            .description()
            .map(|d| Value::String(d.clone()))
            .unwrap_or(Value::Undefined));
    }
    Ok(Value::Undefined)
}

/// ThisSymbolValue(value).
fn this_symbol_value(it: &mut Interp, v: &Value, method: &str) -> JsResult<Sym> {
    match v {
        Value::Symbol(s) => return Ok(s.clone()),
        Value::Object(o) => {
            if let ObjectKind::Symbol(s) = &o.borrow().kind {
                return Ok(s.clone());
            }
        }
        _ => {}
    }
    Err(it.type_error(format!("{method} requires that 'this' be a Symbol")))
}

fn symbol_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = this_symbol_value(it, a.this, "Symbol.prototype.toString")?;
    Ok(Value::from(s.descriptive_string().as_str()))
}

fn symbol_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Symbol(this_symbol_value(
        it,
        a.this,
        "Symbol.prototype.valueOf",
    )?))
}

fn symbol_proto_description(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = this_symbol_value(it, a.this, "Symbol.prototype.description")?;
    Ok(s.description()
        .map(|d| Value::String(d.clone()))
        .unwrap_or(Value::Undefined))
}

fn symbol_proto_to_primitive(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Symbol(this_symbol_value(
        it,
        a.this,
        "Symbol.prototype [ @@toPrimitive ]",
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry() {
        let mut it = Interp::new();
        let g = it.global.clone();
        let sym = it.get(&g, &static_key!("Symbol")).unwrap();
        let f = it.get_v(&sym, &static_key!("for")).unwrap();
        let a = it.call(&f, &sym, &[Value::from("k")]).unwrap();
        let b = it.call(&f, &sym, &[Value::from("k")]).unwrap();
        assert!(a.strict_equals(&b));
        let key_for = it.get_v(&sym, &static_key!("keyFor")).unwrap();
        let k = it.call(&key_for, &sym, &[a]).unwrap();
        assert!(k.strict_equals(&Value::from("k")));
        let c = it
            .call(&sym, &Value::Undefined, &[Value::from("k")])
            .unwrap();
        assert!(!c.strict_equals(&b));
        let k = it.call(&key_for, &sym, std::slice::from_ref(&c)).unwrap();
        assert!(k.is_undefined());
        let ts = it.get_v(&c, &static_key!("toString")).unwrap();
        let s = it.call(&ts, &c, &[]).unwrap();
        assert!(s.strict_equals(&Value::from("Symbol(k)")));
        let ctor = sym.as_object().unwrap().clone();
        assert!(it.construct(&ctor, &[], None).is_err());
    }
}
