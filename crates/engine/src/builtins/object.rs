//! `Object`: the constructor, its static methods, and `Object.prototype`.
//!
//! Also the property-descriptor conversions (ToPropertyDescriptor / FromPropertyDescriptor)
//! and the integrity-level operations, which `Reflect` shares.

use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey, PropertyDescriptor, Slot};
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.object_prototype.clone();
    let ctor = it.native_fn_with("Object", 1, object_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);

    // Static methods.
    it.define_method(&ctor, "assign", 2, object_assign);
    it.define_method(
        &ctor,
        "getOwnPropertyDescriptor",
        2,
        object_get_own_property_descriptor,
    );
    it.define_method(
        &ctor,
        "getOwnPropertyDescriptors",
        1,
        object_get_own_property_descriptors,
    );
    it.define_method(
        &ctor,
        "getOwnPropertyNames",
        1,
        object_get_own_property_names,
    );
    it.define_method(
        &ctor,
        "getOwnPropertySymbols",
        1,
        object_get_own_property_symbols,
    );
    it.define_method(&ctor, "hasOwn", 2, object_has_own);
    it.define_method(&ctor, "is", 2, object_is);
    it.define_method(&ctor, "preventExtensions", 1, object_prevent_extensions);
    it.define_method(&ctor, "seal", 1, object_seal);
    it.define_method(&ctor, "create", 2, object_create);
    it.define_method(&ctor, "defineProperties", 2, object_define_properties);
    it.define_method(&ctor, "defineProperty", 3, object_define_property);
    it.define_method(&ctor, "freeze", 1, object_freeze);
    it.define_method(&ctor, "getPrototypeOf", 1, object_get_prototype_of);
    it.define_method(&ctor, "setPrototypeOf", 2, object_set_prototype_of);
    it.define_method(&ctor, "isExtensible", 1, object_is_extensible);
    it.define_method(&ctor, "isFrozen", 1, object_is_frozen);
    it.define_method(&ctor, "isSealed", 1, object_is_sealed);
    it.define_method(&ctor, "keys", 1, object_keys);
    it.define_method(&ctor, "entries", 1, object_entries);
    it.define_method(&ctor, "fromEntries", 1, object_from_entries);
    it.define_method(&ctor, "values", 1, object_values);
    it.define_method(&ctor, "groupBy", 2, object_group_by);

    // Object.prototype.
    it.define_method(&proto, "__defineGetter__", 2, object_proto_define_getter);
    it.define_method(&proto, "__defineSetter__", 2, object_proto_define_setter);
    it.define_method(&proto, "hasOwnProperty", 1, object_proto_has_own_property);
    it.define_method(&proto, "__lookupGetter__", 1, object_proto_lookup_getter);
    it.define_method(&proto, "__lookupSetter__", 1, object_proto_lookup_setter);
    it.define_method(&proto, "isPrototypeOf", 1, object_proto_is_prototype_of);
    it.define_method(
        &proto,
        "propertyIsEnumerable",
        1,
        object_proto_property_is_enumerable,
    );
    it.intrinsics.object_proto_to_string =
        it.define_method_obj(&proto, "toString", 0, object_proto_to_string);
    it.define_method(&proto, "valueOf", 0, object_proto_value_of);
    let getter = it.native_fn("get __proto__", 0, object_proto_get_proto);
    let setter = it.native_fn("set __proto__", 1, object_proto_set_proto);
    proto.define_accessor(
        "__proto__",
        Some(getter),
        Some(setter),
        Attrs::CONFIGURABLE_ONLY,
    );
    it.define_method(&proto, "toLocaleString", 0, object_proto_to_locale_string);

    it.intrinsics.object_ctor = ctor.clone();
    super::define_global(it, "Object", Value::Object(ctor));
}

// ---- shared helpers --------------------------------------------------------------------------

/// ToPropertyDescriptor(Obj).
pub fn to_property_descriptor(it: &mut Interp, v: &Value) -> JsResult<PropertyDescriptor> {
    // 1. If Obj is not an Object, throw a TypeError exception.
    let Value::Object(o) = v else {
        let s = no_side_effects_to_string(it, v);
        return Err(it.type_error(format!("Property description must be an object: {s}")));
    };
    let mut desc = PropertyDescriptor::default();
    // 3-14. enumerable, configurable, value, writable, get, set, in this order.
    let k = PropKey::from("enumerable");
    if it.has_property(o, &k)? {
        desc.enumerable = Some(it.get(o, &k)?.to_boolean());
    }
    let k = PropKey::from("configurable");
    if it.has_property(o, &k)? {
        desc.configurable = Some(it.get(o, &k)?.to_boolean());
    }
    let k = PropKey::from("value");
    if it.has_property(o, &k)? {
        desc.value = Some(it.get(o, &k)?);
    }
    let k = PropKey::from("writable");
    if it.has_property(o, &k)? {
        desc.writable = Some(it.get(o, &k)?.to_boolean());
    }
    let k = PropKey::from("get");
    if it.has_property(o, &k)? {
        let g = it.get(o, &k)?;
        desc.get = Some(match g {
            Value::Undefined => None,
            Value::Object(f) if f.is_callable() => Some(f),
            other => {
                let s = no_side_effects_to_string(it, &other);
                return Err(it.type_error(format!("Getter must be a function: {s}")));
            }
        });
    }
    let k = PropKey::from("set");
    if it.has_property(o, &k)? {
        let s = it.get(o, &k)?;
        desc.set = Some(match s {
            Value::Undefined => None,
            Value::Object(f) if f.is_callable() => Some(f),
            other => {
                let s = no_side_effects_to_string(it, &other);
                return Err(it.type_error(format!("Setter must be a function: {s}")));
            }
        });
    }
    // 15. If desc has [[Get]] or [[Set]] and also [[Value]] or [[Writable]], throw.
    if desc.is_accessor() && desc.is_data() {
        let s = no_side_effects_to_string(it, v);
        return Err(it.type_error(format!(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {s}"
        )));
    }
    Ok(desc)
}

/// FromPropertyDescriptor(Desc): `undefined` for a missing property.
pub fn from_property_descriptor(it: &mut Interp, desc: Option<&PropertyDescriptor>) -> Value {
    let Some(desc) = desc else {
        return Value::Undefined;
    };
    let o = it.new_object();
    let fobj = |f: &Option<Obj>| match f {
        Some(f) => Value::Object(f.clone()),
        None => Value::Undefined,
    };
    if let Some(v) = &desc.value {
        o.define("value", v.clone(), Attrs::DEFAULT);
    }
    if let Some(w) = desc.writable {
        o.define("writable", Value::Bool(w), Attrs::DEFAULT);
    }
    if let Some(g) = &desc.get {
        o.define("get", fobj(g), Attrs::DEFAULT);
    }
    if let Some(s) = &desc.set {
        o.define("set", fobj(s), Attrs::DEFAULT);
    }
    if let Some(e) = desc.enumerable {
        o.define("enumerable", Value::Bool(e), Attrs::DEFAULT);
    }
    if let Some(c) = desc.configurable {
        o.define("configurable", Value::Bool(c), Attrs::DEFAULT);
    }
    Value::Object(o)
}

/// `O.\[\[GetOwnProperty\]\](P)` as a full descriptor.
pub fn get_own_property_descriptor(
    it: &mut Interp,
    o: &Obj,
    key: &PropKey,
) -> JsResult<Option<PropertyDescriptor>> {
    Ok(it
        .get_own_property(o, key)?
        .map(|p| PropertyDescriptor::from_prop(&p)))
}

/// Is `o` the immutable-prototype `%Object.prototype%`?
fn is_immutable_proto(it: &Interp, o: &Obj) -> bool {
    Obj::ptr_eq(o, &it.intrinsics.object_prototype)
}

/// OrdinarySetPrototypeOf(O, V). Returns false where the spec does (non-extensible, cycle,
/// immutable prototype).
pub fn ordinary_set_prototype_of(it: &Interp, o: &Obj, v: Option<Obj>) -> bool {
    // 1-3. Same value: true.
    let current = o.proto();
    let same = match (&current, &v) {
        (None, None) => true,
        (Some(a), Some(b)) => Obj::ptr_eq(a, b),
        _ => false,
    };
    if same {
        return true;
    }
    if is_immutable_proto(it, o) {
        return false;
    }
    // 4-5. Not extensible: false.
    if !o.borrow().extensible {
        return false;
    }
    // 6-8. Cycle check (a proxy ends the walk: its prototype is not known without traps).
    let mut p = v.clone();
    while let Some(x) = p {
        if Obj::ptr_eq(&x, o) {
            return false;
        }
        if x.is_proxy() {
            break;
        }
        p = x.proto();
    }
    o.borrow_mut().proto = v;
    true
}

/// Why [`ordinary_set_prototype_of`] failed, as V8's message.
fn set_proto_failure_message(it: &mut Interp, o: &Obj, v: &Option<Obj>) -> String {
    if o.is_proxy() {
        return "'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'".into();
    }
    if is_immutable_proto(it, o) {
        return "Immutable prototype object 'Object.prototype' cannot have their prototype set"
            .into();
    }
    if !o.borrow().extensible {
        let s = no_side_effects_to_string(it, &Value::Object(o.clone()));
        return format!("{s} is not extensible");
    }
    let _ = v;
    "Cyclic __proto__ value".into()
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IntegrityLevel {
    Sealed,
    Frozen,
}

/// SetIntegrityLevel(O, level).
pub fn set_integrity_level(it: &mut Interp, o: &Obj, level: IntegrityLevel) -> JsResult<bool> {
    if set_ordinary_integrity_level(o, level) {
        return Ok(true);
    }
    // 3-4. Let status be ? O.[[PreventExtensions]](); if false return false.
    if !it.prevent_extensions(o)? {
        return Ok(false);
    }
    // 5. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = it.own_property_keys(o)?;
    match level {
        // 6. Sealed: each key becomes non-configurable.
        IntegrityLevel::Sealed => {
            for k in keys {
                let desc = PropertyDescriptor {
                    configurable: Some(false),
                    ..Default::default()
                };
                it.define_property_or_throw(o, k, desc)?;
            }
        }
        // 7. Frozen: non-configurable, and data properties non-writable.
        IntegrityLevel::Frozen => {
            for k in keys {
                let Some(current) = it.get_own_property(o, &k)? else {
                    continue;
                };
                let desc = if current.is_accessor() {
                    PropertyDescriptor {
                        configurable: Some(false),
                        ..Default::default()
                    }
                } else {
                    PropertyDescriptor {
                        configurable: Some(false),
                        writable: Some(false),
                        ..Default::default()
                    }
                };
                it.define_property_or_throw(o, k, desc)?;
            }
        }
    }
    Ok(true)
}

/// Is `o` an object whose [[PreventExtensions]], [[OwnPropertyKeys]], [[GetOwnProperty]]
/// and [[DefineOwnProperty]] are the ordinary ones over its `elements` and property map
/// (plus an Array's `length`, whose attributes are its kind's)? Then SetIntegrityLevel
/// and TestIntegrityLevel run nothing and cannot fail, and are done on the object's data.
fn has_ordinary_integrity(d: &crate::object::ObjectData) -> bool {
    matches!(
        d.kind,
        ObjectKind::Ordinary | ObjectKind::Instance(_) | ObjectKind::Array { .. }
    )
}

/// A private name's key: held in the map but never one of [[OwnPropertyKeys]], so no
/// integrity level applies to it.
fn is_private_key(k: &PropKey) -> bool {
    matches!(k, PropKey::Sym(s) if s.0.private)
}

/// SetIntegrityLevel(O, level) for an object [`has_ordinary_integrity`] accepts, in place:
/// what the [[DefineOwnProperty]] of each key would leave (immer freezes every object it
/// produces: ~800 instructions a key through the descriptors). The elements (default
/// attributes) move to the map in index order, as their redefinitions put them there;
/// then every key loses `configurable` (and a data property `writable`, when frozen; an
/// accessor has none), and a frozen Array's `length` becomes read-only. False (nothing
/// done) for other objects.
fn set_ordinary_integrity_level(o: &Obj, level: IntegrityLevel) -> bool {
    let mut d = o.borrow_mut();
    if !has_ordinary_integrity(&d) {
        return false;
    }
    // 3. PreventExtensions.
    d.extensible = false;
    let (element_attrs, cleared) = match level {
        IntegrityLevel::Sealed => (Attrs::new(true, true, false), Attrs::CONFIGURABLE),
        IntegrityLevel::Frozen => (
            Attrs::new(false, true, false),
            Attrs::WRITABLE | Attrs::CONFIGURABLE,
        ),
    };
    let elements = std::mem::take(&mut d.elements);
    for (i, v) in (0u32..).zip(elements) {
        if !matches!(v, Value::Empty) {
            d.props.insert(
                PropKey::Index(i),
                crate::object::Prop::data(v, element_attrs),
            );
        }
    }
    if level == IntegrityLevel::Frozen {
        if let ObjectKind::Array {
            length_writable, ..
        } = &mut d.kind
        {
            *length_writable = false;
        }
    }
    d.props.update_attrs(|k, a| {
        if is_private_key(k) {
            a
        } else {
            Attrs(a.0 & !cleared)
        }
    });
    true
}

/// TestIntegrityLevel(O, level) for an object [`has_ordinary_integrity`] accepts, read from
/// its data: its elements are configurable, so any element makes it neither sealed nor
/// frozen. `None` for other objects.
fn test_ordinary_integrity_level(o: &Obj, level: IntegrityLevel) -> Option<bool> {
    let d = o.borrow();
    if !has_ordinary_integrity(&d) {
        return None;
    }
    if d.extensible || d.elements.iter().any(|v| !matches!(v, Value::Empty)) {
        return Some(false);
    }
    let frozen = level == IntegrityLevel::Frozen;
    if let ObjectKind::Array {
        length_writable: true,
        ..
    } = d.kind
    {
        if frozen {
            return Some(false);
        }
    }
    let fixed = d.props.iter().all(|(k, p)| {
        is_private_key(k)
            || !(p.attrs.configurable() || frozen && !p.is_accessor() && p.attrs.writable())
    });
    Some(fixed)
}

/// TestIntegrityLevel(O, level).
pub fn test_integrity_level(it: &mut Interp, o: &Obj, level: IntegrityLevel) -> JsResult<bool> {
    if let Some(answer) = test_ordinary_integrity_level(o, level) {
        return Ok(answer);
    }
    // 1-3. An extensible object is neither sealed nor frozen.
    if it.is_extensible(o)? {
        return Ok(false);
    }
    // 4-5. Every own property must be non-configurable (and non-writable if frozen).
    for k in it.own_property_keys(o)? {
        if let Some(p) = it.get_own_property_attrs(o, &k)? {
            if p.attrs.configurable() {
                return Ok(false);
            }
            if level == IntegrityLevel::Frozen && !p.accessor && p.attrs.writable() {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// EnumerableOwnProperties(O, kind).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    Keys,
    Values,
    Entries,
}

pub fn enumerable_own_properties(it: &mut Interp, o: &Obj, kind: EnumKind) -> JsResult<Vec<Value>> {
    if let EnumKind::Keys = kind {
        if let Some(keys) = ordinary_enumerable_string_keys(o) {
            return Ok(keys);
        }
    }
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    let keys = it.own_property_keys(o)?;
    let mut out = Vec::new();
    for k in keys {
        if k.is_symbol() {
            continue;
        }
        // a.i. Let desc be ? O.[[GetOwnProperty]](key).
        let Some(p) = it.get_own_property_attrs(o, &k)? else {
            continue;
        };
        if !p.attrs.enumerable() {
            continue;
        }
        match kind {
            EnumKind::Keys => out.push(k.to_value()),
            EnumKind::Values => {
                let v = it.get(o, &k)?;
                out.push(v);
            }
            EnumKind::Entries => {
                let v = it.get(o, &k)?;
                let e = it.new_array(vec![k.to_value(), v]);
                out.push(Value::Object(e));
            }
        }
    }
    Ok(out)
}

/// `Object.keys` of an ordinary object (`Object`, `Instance`: no exotic own keys, its
/// [[GetOwnProperty]] the property map's) without elements or integer keys: its
/// [[OwnPropertyKeys]] are then the map's string keys in insertion order (then symbols,
/// which `Object.keys` skips), each key's attributes are in the map, and nothing runs, so
/// the keys are read in one pass (`lodash`'s `keys` per record: ~4 300 instructions for
/// six keys through the list of keys and a [[GetOwnProperty]] each). `None`: another kind
/// of object, or one with integer keys.
fn ordinary_enumerable_string_keys(o: &Obj) -> Option<Vec<Value>> {
    let d = o.borrow();
    if !d.has_only_named_keys() {
        return None;
    }
    Some(d.enumerable_named_keys(|s| Value::String(s.clone())))
}

/// V8's `Object::NoSideEffectsToString`, used in error messages: primitives as strings
/// (symbols descriptive), functions by their source text, error-like objects as
/// `name: message`, objects whose `toString` is `Object.prototype.toString` as
/// `#<Constructor>`, everything else `[object Tag]`. Runs no script code.
pub fn no_side_effects_to_string(it: &Interp, v: &Value) -> String {
    let Value::Object(o) = v else {
        return it.to_string_lossy(v);
    };
    // A proxy is described as its target.
    let mut o = o.clone();
    for _ in 0..1000 {
        match crate::interp::proxy::proxy_target(&o) {
            Some(Some(t)) => o = t,
            // A revoked proxy.
            Some(None) => return "[object Object]".into(),
            None => break,
        }
    }
    if o.is_callable() && !o.is_proxy() {
        return crate::builtins::function::function_source_text(it, &o);
    }
    let to_string = get_data_property(&o, &PropKey::from("toString"));
    let is_fn =
        |v: &Option<Value>, f: &Obj| matches!(v, Some(Value::Object(x)) if Obj::ptr_eq(x, f));
    if matches!(o.borrow().kind, ObjectKind::Error)
        || is_fn(&to_string, &it.intrinsics.error_proto_to_string)
    {
        let str_of = |k: &str| match get_data_property(&o, &PropKey::from(k)) {
            Some(Value::String(s)) => s.to_rust_string(),
            _ => String::new(),
        };
        let (name, msg) = (str_of("name"), str_of("message"));
        return match (name.is_empty(), msg.is_empty()) {
            (true, _) => msg,
            (_, true) => name,
            _ => format!("{name}: {msg}"),
        };
    }
    if is_fn(&to_string, &it.intrinsics.object_proto_to_string) {
        if let Some(Value::Object(ctor)) = get_data_property(&o, &PropKey::from("constructor")) {
            let name = function_debug_name(&ctor);
            if !name.is_empty() {
                return format!("#<{name}>");
            }
        }
    }
    let tag = match get_data_property(&o, &PropKey::Sym(it.symbols.to_string_tag.clone())) {
        Some(Value::String(s)) => s.to_rust_string(),
        _ => class_name(&o).to_string(),
    };
    format!("[object {tag}]")
}

/// V8's `JSReceiver::GetDataProperty`: the value of a data property found along the
/// prototype chain without running any code (accessors and proxies give `None`).
pub fn get_data_property(o: &Obj, key: &PropKey) -> Option<Value> {
    let mut cur = Some(o.clone());
    let mut depth = 0;
    while let Some(c) = cur {
        if c.is_proxy() || depth > 10_000 {
            return None;
        }
        if let Some(p) = c.get_own_property(key) {
            return match p.slot {
                Slot::Data(v) => Some(v),
                _ => None,
            };
        }
        cur = c.proto();
        depth += 1;
    }
    None
}

/// The name V8 keeps for a function (its SharedFunctionInfo name, not the `name` property):
/// bound functions are `bound <target>`.
pub fn function_debug_name(f: &Obj) -> String {
    let d = f.borrow();
    match &d.kind {
        ObjectKind::Closure(c) => c.name.to_rust_string(),
        ObjectKind::Native(n) => n.name.to_rust_string(),
        ObjectKind::Bound(b) => {
            let t = b.target.clone();
            drop(d);
            format!("bound {}", function_debug_name(&t))
        }
        _ => String::new(),
    }
}

/// V8's `JSReceiver::class_name` for the objects jsgen has.
pub(crate) fn class_name(o: &Obj) -> &'static str {
    if o.is_array() {
        return "Array";
    }
    let d = o.borrow();
    match &d.kind {
        k if k.is_callable() => "Function",
        ObjectKind::Arguments(_) => "Arguments",
        ObjectKind::Error => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::BigInt(_) => "BigInt",
        ObjectKind::String(_) => "String",
        ObjectKind::Symbol(_) => "Symbol",
        ObjectKind::Date(_) => "Date",
        ObjectKind::RegExp(_) => "RegExp",
        ObjectKind::Map(_) => "Map",
        ObjectKind::Set(_) => "Set",
        ObjectKind::WeakMap(_) => "WeakMap",
        ObjectKind::WeakSet(_) => "WeakSet",
        ObjectKind::Promise(_) => "Promise",
        ObjectKind::TypedArray(ta) => ta.ty.constructor_name(),
        ObjectKind::ArrayBuffer(b) if b.shared => "SharedArrayBuffer",
        ObjectKind::ArrayBuffer(_) => "ArrayBuffer",
        ObjectKind::DataView(_) => "DataView",
        ObjectKind::WeakRef(_) => "WeakRef",
        ObjectKind::FinalizationRegistry(_) => "FinalizationRegistry",
        _ => "Object",
    }
}

/// The name of an object's `constructor` (found without calling getters), or "Object".
pub fn constructor_name_of(o: &Obj) -> String {
    let mut cur = Some(o.clone());
    while let Some(c) = cur {
        if let Some(Value::Object(ctor)) = c.get_own_data(&PropKey::from("constructor")) {
            if let Some(Value::String(n)) = ctor.get_own_data(&PropKey::from("name")) {
                if !n.is_empty() {
                    return n.to_rust_string();
                }
            }
            break;
        }
        cur = c.proto();
    }
    "Object".into()
}

fn require_object<'a>(it: &mut Interp, v: &'a Value, method: &str) -> JsResult<&'a Obj> {
    match v {
        Value::Object(o) => Ok(o),
        _ => Err(it.type_error(format!("{method} called on non-object"))),
    }
}

fn proto_arg(it: &mut Interp, v: &Value) -> JsResult<Option<Obj>> {
    match v {
        Value::Object(o) => Ok(Some(o.clone())),
        Value::Null => Ok(None),
        other => {
            let s = no_side_effects_to_string(it, other);
            Err(it.type_error(format!(
                "Object prototype may only be an Object or null: {s}"
            )))
        }
    }
}

// ---- the constructor -------------------------------------------------------------------------

/// Object(value) / new Object(value).
fn object_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is neither undefined nor the active function object (a subclass):
    //    OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
    if let Some(nt) = a.new_target {
        if !Obj::ptr_eq(nt, a.callee) {
            let proto = it.get_prototype_from_constructor(nt, |i| i.object_prototype.clone())?;
            return Ok(Value::Object(Obj::new(Some(proto), ObjectKind::Ordinary)));
        }
    }
    let v = a.get(0);
    // 2. If value is undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    if v.is_nullish() {
        return Ok(Value::Object(it.new_object()));
    }
    // 3. Return ! ToObject(value).
    Ok(Value::Object(it.to_object(&v)?))
}

// ---- static methods --------------------------------------------------------------------------

/// Object.assign(target, ...sources).
fn object_assign(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let to be ? ToObject(target).
    let to = it.to_object(&a.get(0))?;
    // 3. For each source: skip undefined/null, copy own enumerable properties with [[Set]].
    for src in a.args.iter().skip(1) {
        if src.is_nullish() {
            continue;
        }
        let from = it.to_object(src)?;
        let keys = it.own_property_keys(&from)?;
        for k in keys {
            let Some(p) = it.get_own_property_attrs(&from, &k)? else {
                continue;
            };
            if !p.attrs.enumerable() {
                continue;
            }
            let v = it.get(&from, &k)?;
            it.set(&to, k, v, true)?;
        }
    }
    Ok(Value::Object(to))
}

/// Object.create(O, Properties).
fn object_create(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let proto = proto_arg(it, &a.get(0))?;
    let o = Obj::new(proto, ObjectKind::Ordinary);
    let props = a.get(1);
    if !props.is_undefined() {
        object_define_properties_impl(it, &o, &props)?;
    }
    Ok(Value::Object(o))
}

/// ObjectDefineProperties(O, Properties).
fn object_define_properties_impl(it: &mut Interp, o: &Obj, props: &Value) -> JsResult<()> {
    // 1. Let props be ? ToObject(Properties).
    let props = it.to_object(props)?;
    // 2-3. Collect all descriptors first.
    let keys = it.own_property_keys(&props)?;
    let mut descs = Vec::new();
    for k in keys {
        let Some(p) = it.get_own_property_attrs(&props, &k)? else {
            continue;
        };
        if !p.attrs.enumerable() {
            continue;
        }
        let desc_obj = it.get(&props, &k)?;
        let desc = to_property_descriptor(it, &desc_obj)?;
        descs.push((k, desc));
    }
    // 4. Then define them in order.
    for (k, d) in descs {
        it.define_property_or_throw(o, k, d)?;
    }
    Ok(())
}

fn object_define_properties(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ov = a.get(0);
    let o = require_object(it, &ov, "Object.defineProperties")?.clone();
    object_define_properties_impl(it, &o, &a.get(1))?;
    Ok(ov)
}

/// Object.defineProperty(O, P, Attributes).
fn object_define_property(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ov = a.get(0);
    let o = require_object(it, &ov, "Object.defineProperty")?.clone();
    let key = it.to_property_key(&a.get(1))?;
    let desc = to_property_descriptor(it, &a.get(2))?;
    if !it.define_own_property(&o, key.clone(), desc)? {
        let ks = crate::interp::ops::key_display(&key);
        if o.is_proxy() {
            return Err(it.type_error(format!(
                "'defineProperty' on proxy: trap returned falsish for property '{ks}'"
            )));
        }
        // A typed array rejects a numeric key that is not a valid index.
        let invalid_index = crate::builtins::typed_array::typed_array_data(&o).is_some_and(|ta| {
            crate::builtins::typed_array::canonical_numeric_index(&key)
                .is_some_and(|i| !ta.is_valid_integer_index(i))
        });
        if invalid_index {
            return Err(it.type_error("Invalid typed array index"));
        }
        if !o.borrow().extensible && o.get_own_property(&key).is_none() {
            return Err(it.type_error(format!(
                "Cannot define property {ks}, object is not extensible"
            )));
        }
        return Err(it.type_error(format!("Cannot redefine property: {ks}")));
    }
    Ok(ov)
}

fn object_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let list = enumerable_own_properties(it, &o, EnumKind::Entries)?;
    Ok(Value::Object(it.new_array(list)))
}

fn object_keys(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let list = enumerable_own_properties(it, &o, EnumKind::Keys)?;
    Ok(Value::Object(it.new_array(list)))
}

fn object_values(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let list = enumerable_own_properties(it, &o, EnumKind::Values)?;
    Ok(Value::Object(it.new_array(list)))
}

fn object_freeze(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    if let Value::Object(o) = &v {
        // V8: a typed array with elements cannot be freezed (its elements stay writable
        // and configurable); PreventExtensions has already happened.
        let elements = crate::builtins::typed_array::typed_array_data(o)
            .is_some_and(|ta| ta.length().unwrap_or(0) > 0);
        if elements {
            it.prevent_extensions(o)?;
            return Err(it.type_error("Cannot freeze array buffer views with elements"));
        }
        if !set_integrity_level(it, o, IntegrityLevel::Frozen)? {
            if o.is_proxy() {
                return Err(it.type_error("'preventExtensions' on proxy: trap returned falsish"));
            }
            return Err(it.type_error("Cannot freeze"));
        }
    }
    Ok(v)
}

fn object_seal(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    if let Value::Object(o) = &v {
        // V8: a typed array with elements cannot be seald (its elements stay writable
        // and configurable); PreventExtensions has already happened.
        let elements = crate::builtins::typed_array::typed_array_data(o)
            .is_some_and(|ta| ta.length().unwrap_or(0) > 0);
        if elements {
            it.prevent_extensions(o)?;
            return Err(it.type_error("Cannot seal array buffer views with elements"));
        }
        if !set_integrity_level(it, o, IntegrityLevel::Sealed)? {
            if o.is_proxy() {
                return Err(it.type_error("'preventExtensions' on proxy: trap returned falsish"));
            }
            return Err(it.type_error("Cannot seal"));
        }
    }
    Ok(v)
}

fn object_prevent_extensions(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let v = a.get(0);
    if let Value::Object(o) = &v {
        if !it.prevent_extensions(o)? {
            if !o.is_proxy() {
                return Err(it.type_error("Cannot prevent extensions"));
            }
            return Err(it.type_error("'preventExtensions' on proxy: trap returned falsish"));
        }
    }
    Ok(v)
}

fn object_is_extensible(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(match &a.get(0) {
        Value::Object(o) => it.is_extensible(o)?,
        _ => false,
    }))
}

fn object_is_frozen(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(match &a.get(0) {
        Value::Object(o) => test_integrity_level(it, o, IntegrityLevel::Frozen)?,
        _ => true,
    }))
}

fn object_is_sealed(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(match &a.get(0) {
        Value::Object(o) => test_integrity_level(it, o, IntegrityLevel::Sealed)?,
        _ => true,
    }))
}

/// Object.fromEntries(iterable).
fn object_from_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let iterable = a.get(0);
    // 1. Perform ? RequireObjectCoercible(iterable).
    if iterable.is_nullish() {
        let s = it.to_string_lossy(&iterable);
        return Err(it.type_error(format!(
            "{s} is not iterable (cannot read property Symbol(Symbol.iterator))"
        )));
    }
    let obj = it.new_object();
    // AddEntriesFromIterable with CreateDataPropertyOnObject as the adder.
    let mut rec = it.get_iterator(&iterable)?;
    loop {
        let Some(next) = it.iterator_step_value(&mut rec)? else {
            break;
        };
        let r: JsResult<()> = (|| {
            let Value::Object(entry) = &next else {
                let s = no_side_effects_to_string(it, &next);
                return Err(it.type_error(format!("Iterator value {s} is not an entry object")));
            };
            let k = it.get(entry, &PropKey::Index(0))?;
            let v = it.get(entry, &PropKey::Index(1))?;
            let key = it.to_property_key(&k)?;
            it.create_data_property_or_throw(&obj, key, v)?;
            Ok(())
        })();
        if let Err(e) = r {
            return it.iterator_close(&rec, Err(e));
        }
    }
    Ok(Value::Object(obj))
}

fn object_get_own_property_descriptor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let key = it.to_property_key(&a.get(1))?;
    let d = get_own_property_descriptor(it, &o, &key)?;
    Ok(from_property_descriptor(it, d.as_ref()))
}

fn object_get_own_property_descriptors(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let keys = it.own_property_keys(&o)?;
    let out = it.new_object();
    for k in keys {
        let d = get_own_property_descriptor(it, &o, &k)?;
        if d.is_some() {
            let dv = from_property_descriptor(it, d.as_ref());
            it.create_data_property_or_throw(&out, k, dv)?;
        }
    }
    Ok(Value::Object(out))
}

/// GetOwnPropertyKeys(O, type).
fn get_own_property_keys(it: &mut Interp, v: &Value, symbols: bool) -> JsResult<Value> {
    let o = it.to_object(v)?;
    let keys = it.own_property_keys(&o)?;
    let list: Vec<Value> = keys
        .into_iter()
        .filter(|k| k.is_symbol() == symbols)
        .map(|k| k.to_value())
        .collect();
    Ok(Value::Object(it.new_array(list)))
}

fn object_get_own_property_names(it: &mut Interp, a: &Args) -> JsResult<Value> {
    get_own_property_keys(it, &a.get(0), false)
}

fn object_get_own_property_symbols(it: &mut Interp, a: &Args) -> JsResult<Value> {
    get_own_property_keys(it, &a.get(0), true)
}

fn object_get_prototype_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    Ok(it
        .get_prototype_of(&o)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

/// Object.setPrototypeOf(O, proto).
fn object_set_prototype_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let ov = a.get(0);
    // 1. Set O to ? RequireObjectCoercible(O).
    if ov.is_nullish() {
        return Err(it.type_error("Object.setPrototypeOf called on null or undefined"));
    }
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    let proto = proto_arg(it, &a.get(1))?;
    // 3. If O is not an Object, return O.
    let Value::Object(o) = &ov else {
        return Ok(ov);
    };
    // 4-5. Let status be ? O.[[SetPrototypeOf]](proto); if false, throw.
    if !it.set_prototype_of(o, proto.clone())? {
        let m = set_proto_failure_message(it, o, &proto);
        return Err(it.type_error(m));
    }
    Ok(ov)
}

fn object_has_own(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(&a.get(0))?;
    let key = it.to_property_key(&a.get(1))?;
    Ok(Value::Bool(it.get_own_property_attrs(&o, &key)?.is_some()))
}

fn object_is(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(a.get(0).same_value(&a.get(1))))
}

/// GroupBy(items, callbackfn, keyCoercion): the groups in insertion order. `property_keys`
/// is keyCoercion "property" (`Object.groupBy`), else "zero" (`Map.groupBy`); `method` names
/// the caller in V8's message for nullish `items`.
pub fn group_by(
    it: &mut Interp,
    items: &Value,
    callback: &Value,
    property_keys: bool,
    method: &str,
) -> JsResult<Vec<(Value, Vec<Value>)>> {
    // 1. Perform ? RequireObjectCoercible(items).
    if items.is_nullish() {
        return Err(it.type_error(format!("{method} called on null or undefined")));
    }
    // 2. If IsCallable(callbackfn) is false, throw a TypeError exception.
    if !it.is_callable(callback) {
        let s = no_side_effects_to_string(it, callback);
        return Err(it.type_error(format!("{s} is not a function")));
    }
    // 3. Let groups be a new empty List (plus an index by key).
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<crate::builtins::map::HashKey, usize> = Default::default();
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    let mut rec = it.get_iterator(items)?;
    let mut k: u64 = 0;
    loop {
        // a. If k ≥ 2^53 - 1, close the iterator with a TypeError.
        if k >= (1 << 53) - 1 {
            let e = it.type_error("Too many elements passed to groupBy");
            return it.iterator_close(&rec, Err(e));
        }
        // b-d. Let next be ? IteratorStepValue(iteratorRecord); done: return groups.
        let Some(value) = it.iterator_step_value(&mut rec)? else {
            break;
        };
        // e-f. Let key be Completion(Call(callbackfn, undefined, « value, 𝔽(k) »));
        // IfAbruptCloseIterator(key, iteratorRecord).
        let args = [value.clone(), Value::from(k as f64)];
        let key = match it.call(callback, &Value::Undefined, &args) {
            Ok(key) => key,
            Err(e) => return it.iterator_close(&rec, Err(e)),
        };
        let key = if property_keys {
            // g. Set key to Completion(ToPropertyKey(key)); IfAbruptCloseIterator.
            match it.to_property_key(&key) {
                Ok(pk) => pk.to_value(),
                Err(e) => return it.iterator_close(&rec, Err(e)),
            }
        } else {
            // h. If key is -0𝔽, set key to +0𝔽.
            match key {
                // -0 + 0 is +0; every other number is unchanged.
                Value::Number(n) => Value::Number(n + 0.0),
                k => k,
            }
        };
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        match index.entry(crate::builtins::map::HashKey::of(&key)) {
            std::collections::hash_map::Entry::Occupied(e) => groups[*e.get()].1.push(value),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(groups.len());
                groups.push((key, vec![value]));
            }
        }
        k += 1;
    }
    Ok(groups)
}

fn object_group_by(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let groups = group_by(it, &a.get(0), &a.get(1), true, "Object.groupBy")?;
    let obj = Obj::new(None, ObjectKind::Ordinary);
    for (k, list) in groups {
        let arr = it.new_array(list);
        let key = it.to_property_key(&k)?;
        it.create_data_property_or_throw(&obj, key, Value::Object(arr))?;
    }
    Ok(Value::Object(obj))
}

// ---- Object.prototype ------------------------------------------------------------------------

fn object_proto_has_own_property(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let P be ? ToPropertyKey(V). 2. Let O be ? ToObject(this value).
    let key = it.to_property_key(&a.get(0))?;
    let o = it.to_object(a.this)?;
    Ok(Value::Bool(it.get_own_property_attrs(&o, &key)?.is_some()))
}

fn object_proto_is_prototype_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If V is not an Object, return false.
    let Value::Object(v) = a.get(0) else {
        return Ok(Value::Bool(false));
    };
    // 2. Let O be ? ToObject(this value).
    let o = it.to_object(a.this)?;
    let mut cur = it.get_prototype_of(&v)?;
    while let Some(p) = cur {
        if Obj::ptr_eq(&p, &o) {
            return Ok(Value::Bool(true));
        }
        cur = it.get_prototype_of(&p)?;
    }
    Ok(Value::Bool(false))
}

fn object_proto_property_is_enumerable(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let key = it.to_property_key(&a.get(0))?;
    let o = it.to_object(a.this)?;
    Ok(Value::Bool(
        it.get_own_property_attrs(&o, &key)?
            .is_some_and(|p| p.attrs.enumerable()),
    ))
}

/// The builtinTag of Object.prototype.toString.
/// The results of Object.prototype.toString without a `Symbol.toStringTag` string, by
/// builtinTag (and for undefined and null).
const TAG_STRINGS: [&str; 11] = [
    "[object Array]",
    "[object Arguments]",
    "[object Function]",
    "[object Error]",
    "[object Boolean]",
    "[object Number]",
    "[object String]",
    "[object Date]",
    "[object RegExp]",
    "[object Object]",
    "[object Undefined]",
];
const TAG_ARRAY: usize = 0;
const TAG_UNDEFINED: usize = 10;

/// builtinTag (steps 5-14 of Object.prototype.toString) as an index into [`TAG_STRINGS`].
fn builtin_tag(o: &Obj) -> usize {
    if o.is_array() {
        return TAG_ARRAY;
    }
    let d = o.borrow();
    match &d.kind {
        ObjectKind::Arguments(_) => 1,
        k if k.is_callable() => 2,
        ObjectKind::Error => 3,
        ObjectKind::Boolean(_) => 4,
        ObjectKind::Number(_) => 5,
        ObjectKind::String(_) => 6,
        ObjectKind::Date(_) => 7,
        ObjectKind::RegExp(_) => 8,
        _ => 9,
    }
}

/// `"[object " + tag + "]"` for a builtinTag, made once a thread: lodash asks
/// `Object.prototype.toString.call(v)` for the type of nearly every value it looks at, and
/// each answer was a `format!` and a string made from it (~2 400 instructions a call).
fn tag_string(i: usize) -> Value {
    thread_local! {
        static CACHE: [std::cell::OnceCell<crate::string::JsStr>; TAG_STRINGS.len()] =
            Default::default();
    }
    let i = i.min(TAG_STRINGS.len() - 1);
    CACHE.with(|c| Value::String(c[i].get_or_init(|| TAG_STRINGS[i].into()).clone()))
}

/// Object.prototype.toString().
pub fn object_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. undefined / null.
    match a.this {
        Value::Undefined => return Ok(tag_string(TAG_UNDEFINED)),
        Value::Null => return Ok(Value::from("[object Null]")),
        _ => {}
    }
    // 3. Let O be ! ToObject(this value).
    let o = it.to_object(a.this)?;
    let builtin = if it.is_array(&Value::Object(o.clone()))? {
        TAG_ARRAY
    } else {
        builtin_tag(&o)
    };
    // 15. Let tag be ? Get(O, @@toStringTag).
    let tag = it.get(&o, &PropKey::Sym(it.symbols.to_string_tag.clone()))?;
    // 16-17. A string tag is used as it is (its code units, lone surrogates included).
    match tag {
        Value::String(s) => {
            let mut units: Vec<u16> = Vec::with_capacity(s.len() + 9);
            units.extend("[object ".encode_utf16());
            units.extend_from_slice(s.units());
            units.push(u16::from(b']'));
            Ok(Value::String(crate::string::JsStr::from_units(units)))
        }
        _ => Ok(tag_string(builtin)),
    }
}

fn object_proto_to_locale_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // Return ? Invoke(O, "toString").
    let f = it.get_v(a.this, &PropKey::from("toString"))?;
    it.call(&f, a.this, &[])
}

fn object_proto_value_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Object(it.to_object(a.this)?))
}

fn object_proto_get_proto(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = it.to_object(a.this)?;
    Ok(it
        .get_prototype_of(&o)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

fn object_proto_set_proto(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    if a.this.is_nullish() {
        return Err(it.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    // 2. If proto is not an Object and proto is not null, return undefined.
    let proto = match a.get(0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    // 3. If O is not an Object, return undefined.
    let Value::Object(o) = a.this else {
        return Ok(Value::Undefined);
    };
    // 4-5. Let status be ? O.[[SetPrototypeOf]](proto); if false, throw.
    if !it.set_prototype_of(o, proto.clone())? {
        let m = set_proto_failure_message(it, o, &proto);
        return Err(it.type_error(m));
    }
    Ok(Value::Undefined)
}

fn define_legacy_accessor(it: &mut Interp, a: &Args, getter: bool) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = it.to_object(a.this)?;
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    let f = a.get(1);
    let Value::Object(fo) = &f else {
        return Err(it.type_error(format!(
            "Object.prototype.__define{}__: Expecting function",
            if getter { "Getter" } else { "Setter" }
        )));
    };
    if !fo.is_callable() {
        return Err(it.type_error(format!(
            "Object.prototype.__define{}__: Expecting function",
            if getter { "Getter" } else { "Setter" }
        )));
    }
    let mut desc = PropertyDescriptor {
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    if getter {
        desc.get = Some(Some(fo.clone()));
    } else {
        desc.set = Some(Some(fo.clone()));
    }
    let key = it.to_property_key(&a.get(0))?;
    it.define_property_or_throw(&o, key, desc)?;
    Ok(Value::Undefined)
}

fn object_proto_define_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    define_legacy_accessor(it, a, true)
}

fn object_proto_define_setter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    define_legacy_accessor(it, a, false)
}

fn lookup_legacy_accessor(it: &mut Interp, a: &Args, getter: bool) -> JsResult<Value> {
    let o = it.to_object(a.this)?;
    let key = it.to_property_key(&a.get(0))?;
    let mut cur = Some(o);
    while let Some(c) = cur {
        if let Some(p) = it.get_own_property(&c, &key)? {
            if let Slot::Accessor(a) = p.slot {
                let f = if getter { a.get.clone() } else { a.set.clone() };
                return Ok(f.map(Value::Object).unwrap_or(Value::Undefined));
            }
            return Ok(Value::Undefined);
        }
        cur = it.get_prototype_of(&c)?;
    }
    Ok(Value::Undefined)
}

fn object_proto_lookup_getter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    lookup_legacy_accessor(it, a, true)
}

fn object_proto_lookup_setter(it: &mut Interp, a: &Args) -> JsResult<Value> {
    lookup_legacy_accessor(it, a, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global(it: &mut Interp, name: &str) -> Value {
        let g = it.global.clone();
        it.get(&g, &PropKey::from(name)).unwrap()
    }

    fn method(it: &mut Interp, on: &Value, name: &str) -> Value {
        it.get_v(on, &PropKey::from(name)).unwrap()
    }

    #[test]
    fn keys_values_entries() {
        let mut it = Interp::new();
        let obj = it.new_object();
        obj.define("a", Value::from(1.0), Attrs::DEFAULT);
        obj.define("b", Value::from(2.0), Attrs::HIDDEN);
        obj.define(PropKey::Index(3), Value::from(3.0), Attrs::DEFAULT);
        let object = global(&mut it, "Object");
        let keys = method(&mut it, &object, "keys");
        let r = it
            .call(&keys, &object, &[Value::Object(obj.clone())])
            .unwrap();
        let r = r.as_object().unwrap().clone();
        assert_eq!(it.length_of_array_like(&r).unwrap(), 2);
        let k0 = it.get(&r, &PropKey::Index(0)).unwrap();
        assert!(k0.strict_equals(&Value::from("3")));
        let values = method(&mut it, &object, "values");
        let r = it.call(&values, &object, &[Value::Object(obj)]).unwrap();
        let r = r.as_object().unwrap().clone();
        let v1 = it.get(&r, &PropKey::Index(1)).unwrap();
        assert!(v1.strict_equals(&Value::from(1.0)));
    }

    #[test]
    fn freeze_and_is_frozen() {
        let mut it = Interp::new();
        let obj = it.new_object();
        obj.define("a", Value::from(1.0), Attrs::DEFAULT);
        let object = global(&mut it, "Object");
        let freeze = method(&mut it, &object, "freeze");
        let is_frozen = method(&mut it, &object, "isFrozen");
        let ov = Value::Object(obj.clone());
        let r = it
            .call(&is_frozen, &object, std::slice::from_ref(&ov))
            .unwrap();
        assert!(!r.to_boolean());
        it.call(&freeze, &object, std::slice::from_ref(&ov))
            .unwrap();
        let r = it.call(&is_frozen, &object, &[ov]).unwrap();
        assert!(r.to_boolean());
        assert!(!obj
            .get_own_property(&PropKey::from("a"))
            .unwrap()
            .attrs
            .writable());
        // Frozen arrays too.
        let arr = it.new_array(vec![Value::from(1.0)]);
        let av = Value::Object(arr.clone());
        it.call(&freeze, &object, std::slice::from_ref(&av))
            .unwrap();
        let r = it.call(&is_frozen, &object, &[av]).unwrap();
        assert!(r.to_boolean());
    }

    #[test]
    fn to_string_tags() {
        let mut it = Interp::new();
        let arr = Value::Object(it.new_array(vec![]));
        let op = Value::Object(it.intrinsics.object_prototype.clone());
        let ts = method(&mut it, &op, "toString");
        let r = it.call(&ts, &arr, &[]).unwrap();
        assert!(r.strict_equals(&Value::from("[object Array]")));
        let r = it.call(&ts, &Value::Null, &[]).unwrap();
        assert!(r.strict_equals(&Value::from("[object Null]")));
        let r = it.call(&ts, &Value::from(1.0), &[]).unwrap();
        assert!(r.strict_equals(&Value::from("[object Number]")));
    }

    #[test]
    fn define_property_and_descriptor() {
        let mut it = Interp::new();
        let obj = Value::Object(it.new_object());
        let object = global(&mut it, "Object");
        let dp = method(&mut it, &object, "defineProperty");
        let desc = it.new_object();
        desc.define("value", Value::from(5.0), Attrs::DEFAULT);
        it.call(
            &dp,
            &object,
            &[obj.clone(), Value::from("x"), Value::Object(desc)],
        )
        .unwrap();
        let gopd = method(&mut it, &object, "getOwnPropertyDescriptor");
        let d = it
            .call(&gopd, &object, &[obj.clone(), Value::from("x")])
            .unwrap();
        let d = d.as_object().unwrap().clone();
        let w = it.get(&d, &PropKey::from("writable")).unwrap();
        assert!(w.strict_equals(&Value::Bool(false)));
        // Redefining throws.
        let desc2 = it.new_object();
        desc2.define("value", Value::from(6.0), Attrs::DEFAULT);
        assert!(it
            .call(&dp, &object, &[obj, Value::from("x"), Value::Object(desc2)])
            .is_err());
        // Bad descriptor.
        assert!(it
            .call(
                &dp,
                &object,
                &[
                    Value::Object(it.new_object()),
                    Value::from("y"),
                    Value::from(1.0)
                ]
            )
            .is_err());
    }

    #[test]
    fn set_prototype_cycles() {
        let mut it = Interp::new();
        let a = it.new_object();
        let b = Obj::new(Some(a.clone()), ObjectKind::Ordinary);
        assert!(!ordinary_set_prototype_of(&it, &a, Some(b.clone())));
        assert!(ordinary_set_prototype_of(&it, &b, None));
        let op = it.intrinsics.object_prototype.clone();
        assert!(!ordinary_set_prototype_of(&it, &op, Some(a)));
        let _ = &mut it;
    }
}
