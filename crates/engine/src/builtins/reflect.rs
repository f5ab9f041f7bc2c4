//! `Reflect`: the thirteen functions mirroring the object internal methods.

use crate::builtins::object::{
    from_property_descriptor, get_own_property_descriptor, to_property_descriptor,
};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, PropKey};
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let r = it.new_object();
    it.define_method(&r, "defineProperty", 3, reflect_define_property);
    it.define_method(&r, "deleteProperty", 2, reflect_delete_property);
    let apply = it.define_method_obj(&r, "apply", 3, reflect_apply);
    let construct = it.define_method_obj(&r, "construct", 2, reflect_construct);
    it.mark_frameless(&apply);
    it.mark_frameless(&construct);
    it.define_method(&r, "get", 2, reflect_get);
    it.define_method(
        &r,
        "getOwnPropertyDescriptor",
        2,
        reflect_get_own_property_descriptor,
    );
    it.define_method(&r, "getPrototypeOf", 1, reflect_get_prototype_of);
    it.define_method(&r, "has", 2, reflect_has);
    it.define_method(&r, "isExtensible", 1, reflect_is_extensible);
    it.define_method(&r, "ownKeys", 1, reflect_own_keys);
    it.define_method(&r, "preventExtensions", 1, reflect_prevent_extensions);
    it.define_method(&r, "set", 3, reflect_set);
    it.define_method(&r, "setPrototypeOf", 2, reflect_set_prototype_of);
    r.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("Reflect"),
        Attrs::CONFIGURABLE_ONLY,
    );
    super::define_global(it, "Reflect", Value::Object(r));
}

/// The target argument, which must be an object.
fn target(it: &mut Interp, a: &Args, method: &str) -> JsResult<Obj> {
    match a.get(0) {
        Value::Object(o) => Ok(o),
        _ => Err(it.type_error(format!("Reflect.{method} called on non-object"))),
    }
}

/// Reflect.apply(target, thisArgument, argumentsList).
fn reflect_apply(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let f = a.get(0);
    // 1. If IsCallable(target) is false, throw a TypeError exception.
    if !it.is_callable(&f) {
        let s = crate::builtins::object::no_side_effects_to_string(it, &f);
        return Err(it.type_error(format!(
            "Function.prototype.apply was called on {s}, which is {} and not a function",
            article_type(&f)
        )));
    }
    // 2. Let args be ? CreateListFromArrayLike(argumentsList).
    let args = it.argument_list_from_array_like(&a.get(2), crate::interp::MAX_CALL_ARGS)?;
    // 4. Return ? Call(target, thisArgument, args).
    it.call(&f, &a.get(1), &args)
}

/// "a number", "an object", ... as V8 words it.
pub fn article_type(v: &Value) -> String {
    let t = match v {
        Value::Null => "null",
        Value::Undefined | Value::Empty => "undefined",
        other => other.type_of(),
    };
    match t {
        "object" => format!("an {t}"),
        "null" => "null".into(),
        _ => format!("a {t}"),
    }
}

/// Reflect.construct(target, argumentsList [, newTarget]).
fn reflect_construct(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let t = a.get(0);
    // 1. If IsConstructor(target) is false, throw a TypeError exception.
    let Some(f) = t.as_object().filter(|o| o.is_constructor()).cloned() else {
        let s = crate::builtins::object::no_side_effects_to_string(it, &t);
        return Err(it.type_error(format!("{s} is not a constructor")));
    };
    // 2-3. newTarget defaults to target and must be a constructor.
    let nt = if a.len() < 3 {
        f.clone()
    } else {
        let ntv = a.get(2);
        match ntv.as_object().filter(|o| o.is_constructor()) {
            Some(o) => o.clone(),
            None => {
                let s = crate::builtins::object::no_side_effects_to_string(it, &ntv);
                return Err(it.type_error(format!("{s} is not a constructor")));
            }
        }
    };
    // 4. Let args be ? CreateListFromArrayLike(argumentsList).
    let args = it.argument_list_from_array_like(&a.get(1), crate::interp::MAX_CONSTRUCT_ARGS)?;
    it.construct(&f, &args, Some(&nt))
}

fn reflect_define_property(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "defineProperty")?;
    let key = it.to_property_key(&a.get(1))?;
    let desc = to_property_descriptor(it, &a.get(2))?;
    Ok(Value::Bool(it.define_own_property(&o, key, desc)?))
}

fn reflect_delete_property(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "deleteProperty")?;
    let key = it.to_property_key(&a.get(1))?;
    Ok(Value::Bool(it.delete_property(&o, &key)?))
}

fn reflect_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "get")?;
    let key = it.to_property_key(&a.get(1))?;
    // 3. If receiver is not present, let receiver be target.
    let receiver = if a.len() < 3 {
        Value::Object(o.clone())
    } else {
        a.get(2)
    };
    it.get_with_receiver(&o, &key, &receiver)
}

fn reflect_get_own_property_descriptor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "getOwnPropertyDescriptor")?;
    let key = it.to_property_key(&a.get(1))?;
    let d = get_own_property_descriptor(it, &o, &key)?;
    Ok(from_property_descriptor(it, d.as_ref()))
}

fn reflect_get_prototype_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "getPrototypeOf")?;
    Ok(it
        .get_prototype_of(&o)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

fn reflect_has(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "has")?;
    let key = it.to_property_key(&a.get(1))?;
    Ok(Value::Bool(it.has_property(&o, &key)?))
}

fn reflect_is_extensible(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "isExtensible")?;
    Ok(Value::Bool(it.is_extensible(&o)?))
}

fn reflect_own_keys(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "ownKeys")?;
    let keys: Vec<Value> = it
        .own_property_keys(&o)?
        .iter()
        .map(|k| k.to_value())
        .collect();
    Ok(Value::Object(it.new_array(keys)))
}

fn reflect_prevent_extensions(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "preventExtensions")?;
    Ok(Value::Bool(it.prevent_extensions(&o)?))
}

fn reflect_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "set")?;
    let key = it.to_property_key(&a.get(1))?;
    let receiver = if a.len() < 4 {
        Value::Object(o.clone())
    } else {
        a.get(3)
    };
    Ok(Value::Bool(it.set_with_receiver(
        &o,
        key,
        a.get(2),
        &receiver,
    )?))
}

fn reflect_set_prototype_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = target(it, a, "setPrototypeOf")?;
    let proto = match a.get(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        other => {
            let s = crate::builtins::object::no_side_effects_to_string(it, &other);
            return Err(it.type_error(format!(
                "Object prototype may only be an Object or null: {s}"
            )));
        }
    };
    Ok(Value::Bool(it.set_prototype_of(&o, proto)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reflect_fn(it: &mut Interp, name: &str) -> (Value, Value) {
        let g = it.global.clone();
        let r = it.get(&g, &static_key!("Reflect")).unwrap();
        let f = it.get_v(&r, &PropKey::from(name)).unwrap();
        (r, f)
    }

    #[test]
    fn get_set_has() {
        let mut it = Interp::new();
        let o = Value::Object(it.new_object());
        let (r, set) = reflect_fn(&mut it, "set");
        let ok = it
            .call(&set, &r, &[o.clone(), Value::from("x"), Value::from(3.0)])
            .unwrap();
        assert!(ok.to_boolean());
        let (_, get) = reflect_fn(&mut it, "get");
        let v = it.call(&get, &r, &[o.clone(), Value::from("x")]).unwrap();
        assert!(v.strict_equals(&Value::from(3.0)));
        let (_, has) = reflect_fn(&mut it, "has");
        let v = it
            .call(&has, &r, &[o.clone(), Value::from("toString")])
            .unwrap();
        assert!(v.to_boolean());
        assert!(it
            .call(&has, &r, &[Value::from(1.0), Value::from("x")])
            .is_err());
        let (_, own_keys) = reflect_fn(&mut it, "ownKeys");
        let v = it.call(&own_keys, &r, &[o]).unwrap();
        let arr = v.as_object().unwrap().clone();
        assert_eq!(it.length_of_array_like(&arr).unwrap(), 1);
    }

    #[test]
    fn apply_and_construct() {
        let mut it = Interp::new();
        let (r, apply) = reflect_fn(&mut it, "apply");
        let g = it.global.clone();
        let object = it.get(&g, &static_key!("Object")).unwrap();
        let keys = it.get_v(&object, &static_key!("keys")).unwrap();
        let args = Value::Object(it.new_array(vec![Value::Object(it.new_object())]));
        let v = it
            .call(&apply, &r, &[keys, Value::Undefined, args])
            .unwrap();
        assert!(it.is_array(&v).unwrap());
        let (_, construct) = reflect_fn(&mut it, "construct");
        let empty = Value::Object(it.new_array(vec![]));
        let v = it.call(&construct, &r, &[object, empty]).unwrap();
        assert!(v.is_object());
    }
}
