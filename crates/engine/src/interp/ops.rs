//! Abstract operations that may run script code: object internal methods with accessors
//! (`\[\[Get\]\]`, `\[\[Set\]\]`, ...), type conversions (ToPrimitive, ToString, ToNumber, ...) and
//! the operators (`+`, `==`, `<`, `instanceof`, ...).

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::ast::BinaryOp;
use crate::bigint::{
    bigint_add, bigint_bitwise_and, bigint_bitwise_or, bigint_bitwise_xor, bigint_divide,
    bigint_exponentiate, bigint_left_shift, bigint_multiply, bigint_remainder,
    bigint_signed_right_shift, bigint_subtract, bigint_to_number, bigint_to_string,
    compare_bigint_number, number_to_bigint, string_to_bigint, BigIntResult,
};
use crate::interp::{Interp, JsResult};
use crate::object::{
    Attrs, MethodRecipe, Obj, ObjectKind, Prop, PropKey, PropRef, PropertyDescriptor, Slot,
};
use crate::string::JsStr;
use crate::value::{
    number_to_jsstr, string_to_number, to_int32, to_integer_or_infinity, to_uint32, Value,
};

/// The result of ToNumeric: a Number or a BigInt.
#[derive(Clone, Debug)]
pub enum Numeric {
    Number(f64),
    BigInt(Rc<BigInt>),
}

impl From<Numeric> for Value {
    fn from(n: Numeric) -> Value {
        match n {
            Numeric::Number(n) => Value::Number(n),
            Numeric::BigInt(b) => Value::BigInt(b),
        }
    }
}

pub const MIX_BIGINT: &str = "Cannot mix BigInt and other types, use explicit conversions";

/// What [`Interp::get_own_property_attrs`] returns: a property's attributes and kind.
#[derive(Clone, Copy, Debug)]
pub struct PropAttrs {
    pub attrs: Attrs,
    pub accessor: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Default,
    Number,
    String,
}

impl Interp {
    // ---- [[Get]] / [[Set]] / ... ------------------------------------------------------------

    /// `O.\[\[Get\]\](P, O)`.
    #[inline]
    pub fn get(&mut self, o: &Obj, key: &PropKey) -> JsResult<Value> {
        self.get_with_receiver(o, key, &Value::Object(o.clone()))
    }

    pub fn get_with_receiver(
        &mut self,
        o: &Obj,
        key: &PropKey,
        receiver: &Value,
    ) -> JsResult<Value> {
        let mut cur = o.clone();
        loop {
            // Fast path: own data property.
            let next = {
                let d = cur.borrow();
                if let PropKey::Index(i) = key {
                    if let Some(v) = d.elements.get(*i as usize) {
                        if !matches!(v, Value::Empty) {
                            return Ok(v.clone());
                        }
                    }
                }
                match d.props.get(key) {
                    Some(PropRef {
                        slot: Slot::Data(v),
                        ..
                    }) => return Ok(v.clone()),
                    Some(PropRef {
                        slot: Slot::Accessor(a),
                        ..
                    }) => {
                        let g = a.get.clone();
                        drop(d);
                        return match g {
                            Some(g) => self.call_obj(&g, receiver, &[]),
                            None => Ok(Value::Undefined),
                        };
                    }
                    Some(PropRef {
                        slot: Slot::LazyStack(_),
                        ..
                    }) => {
                        drop(d);
                        return self.materialize_stack(&cur, key);
                    }
                    Some(PropRef {
                        slot: Slot::Lazy(_) | Slot::LazyMethod(_),
                        ..
                    }) => {
                        drop(d);
                        return Ok(self.materialize_lazy(&cur, key));
                    }
                    None => {}
                }
                if let Some(p) = d.kind.exotic_own_property(key) {
                    if let Slot::Data(v) = p.slot {
                        return Ok(v);
                    }
                }
                // The TypedArray [[Get]]: a numeric key that is not a valid index is
                // undefined, without looking at the prototype.
                if d.kind.is_typed_array()
                    && crate::builtins::typed_array::canonical_numeric_index(key).is_some()
                {
                    return Ok(Value::Undefined);
                }
                if d.kind.is_proxy() {
                    None
                } else {
                    Some(d.proto.clone())
                }
            };
            match next {
                Some(Some(p)) => cur = p,
                Some(None) => return Ok(Value::Undefined),
                None => return self.proxy_get(&cur, key, receiver),
            }
        }
    }

    /// GetV(V, P): property lookup on any value (primitives use their prototype).
    pub fn get_v(&mut self, v: &Value, key: &PropKey) -> JsResult<Value> {
        match v {
            Value::Object(o) => self.get(o, key),
            Value::String(s) => {
                match key {
                    PropKey::Index(i) if (*i as usize) < s.len() => {
                        return Ok(Value::String(s.slice(*i as usize, *i as usize + 1)))
                    }
                    PropKey::Str(k) if k.units() == LENGTH => {
                        return Ok(Value::Number(s.len() as f64))
                    }
                    _ => {}
                }
                let p = self.intrinsics.string_prototype.clone();
                self.get_with_receiver(&p, key, v)
            }
            Value::Number(_) => {
                let p = self.intrinsics.number_prototype.clone();
                self.get_with_receiver(&p, key, v)
            }
            Value::Bool(_) => {
                let p = self.intrinsics.boolean_prototype.clone();
                self.get_with_receiver(&p, key, v)
            }
            Value::Symbol(_) => {
                let p = self.intrinsics.symbol_prototype.clone();
                self.get_with_receiver(&p, key, v)
            }
            Value::BigInt(_) => {
                let p = self.intrinsics.bigint_prototype.clone();
                self.get_with_receiver(&p, key, v)
            }
            Value::Undefined | Value::Null | Value::Empty => {
                // V8 reports a failed Symbol.iterator load as "not iterable".
                if matches!(key, PropKey::Sym(s) if *s == self.symbols.iterator) {
                    return Err(self.type_error(format!(
                        "{} is not iterable (cannot read property Symbol(Symbol.iterator))",
                        crate::interp::iter::not_iterable_type_text(v)
                    )));
                }
                let what = if matches!(v, Value::Null) {
                    "null"
                } else {
                    "undefined"
                };
                Err(self.type_error(format!(
                    "Cannot read properties of {what} (reading '{}')",
                    key_display(key)
                )))
            }
        }
    }

    /// GetMethod(V, P): undefined/null → None; non-callable → TypeError.
    pub fn get_method(&mut self, v: &Value, key: &PropKey) -> JsResult<Option<Obj>> {
        let f = self.get_v(v, key)?;
        match f {
            Value::Undefined | Value::Null => Ok(None),
            Value::Object(o) if o.is_callable() => Ok(Some(o)),
            other => {
                let s = crate::interp::iter::not_iterable_type_text(&other);
                Err(self.type_error(format!("{s} is not a function")))
            }
        }
    }

    /// `O.\[\[Set\]\](P, V, Receiver)` (OrdinarySet). Returns false where the spec does.
    pub fn set_with_receiver(
        &mut self,
        o: &Obj,
        key: PropKey,
        v: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        // Find the property along the prototype chain.
        let mut cur = o.clone();
        let found: Option<Prop> = loop {
            let next = {
                let d = cur.borrow();
                // The TypedArray [[Set]] for a canonical numeric key.
                if d.kind.is_typed_array() {
                    if let Some(index) = crate::builtins::typed_array::canonical_numeric_index(&key)
                    {
                        drop(d);
                        return self.typed_array_set(&cur, index, key, v, receiver);
                    }
                }
                if let PropKey::Index(i) = &key {
                    if let Some(x) = d.elements.get(*i as usize) {
                        if !matches!(x, Value::Empty) {
                            break Some(Prop::data(Value::Undefined, Attrs::DEFAULT));
                        }
                    }
                }
                if let Some(p) = d.props.get(&key) {
                    break Some(p.to_prop());
                }
                if let Some(p) = d.kind.exotic_own_property(&key) {
                    break Some(p);
                }
                if d.kind.is_proxy() {
                    None
                } else {
                    Some(d.proto.clone())
                }
            };
            match next {
                Some(Some(p)) => cur = p,
                Some(None) => break None,
                None => return self.proxy_set(&cur, key, v, receiver),
            }
        };
        match found {
            Some(Prop {
                slot: Slot::Accessor(a),
                ..
            }) => match a.set.clone() {
                Some(s) => {
                    self.call_obj(&s, receiver, &[v])?;
                    Ok(true)
                }
                None => Ok(false),
            },
            Some(p) if !p.attrs.writable() => Ok(false),
            _ => {
                let Value::Object(r) = receiver else {
                    return Ok(false);
                };
                let exotic_receiver = {
                    let d = r.borrow();
                    d.kind.is_proxy()
                        || d.kind.is_typed_array()
                        || matches!(d.kind, ObjectKind::Arguments(Some(_)))
                };
                if exotic_receiver {
                    return self.set_on_receiver(key, v, receiver);
                }
                // Existing own property on the receiver?
                if let Some(existing) = r.get_own_property(&key) {
                    if existing.is_accessor() || !existing.attrs.writable() {
                        return Ok(false);
                    }
                    if r.is_array() {
                        return self.array_define_own_property(
                            r,
                            key,
                            PropertyDescriptor {
                                value: Some(v),
                                ..Default::default()
                            },
                        );
                    }
                    r.set_own_data_unchecked(key, v);
                    return Ok(true);
                }
                if !r.borrow().extensible {
                    return Ok(false);
                }
                if r.is_array() {
                    return self.array_define_own_property(
                        r,
                        key,
                        PropertyDescriptor::data(v, Attrs::DEFAULT),
                    );
                }
                if matches!(r.borrow().kind, ObjectKind::String(_)) {
                    if let PropKey::Index(i) = &key {
                        if let ObjectKind::String(s) = &r.borrow().kind {
                            if (*i as usize) < s.len() {
                                return Ok(false);
                            }
                        }
                    }
                }
                r.create_data_property_fresh(key, v);
                Ok(true)
            }
        }
    }

    /// OrdinarySetWithOwnDescriptor step 2 once the own descriptor found is a writable data
    /// property: the value goes to the receiver through its internal methods
    /// (`[[GetOwnProperty]]`, then `[[DefineOwnProperty]]` or CreateDataProperty).
    pub(crate) fn set_on_receiver(
        &mut self,
        key: PropKey,
        v: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        // 2.b. If Receiver is not an Object, return false.
        let Value::Object(r) = receiver else {
            return Ok(false);
        };
        // 2.c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
        match self.get_own_property(r, &key)? {
            // 2.d. If existingDescriptor is not undefined, then
            Some(existing) => {
                // i-ii. An accessor or a read-only data property: return false.
                if existing.is_accessor() || !existing.attrs.writable() {
                    return Ok(false);
                }
                // iii-iv. Return ? Receiver.[[DefineOwnProperty]](P, { [[Value]]: V }).
                self.define_own_property(
                    r,
                    key,
                    PropertyDescriptor {
                        value: Some(v),
                        ..Default::default()
                    },
                )
            }
            // 2.e. Else, return ? CreateDataProperty(Receiver, P, V).
            None => self.create_data_property(r, key, v),
        }
    }

    /// Set(O, P, V, Throw).
    pub fn set(&mut self, o: &Obj, key: PropKey, v: Value, throw: bool) -> JsResult<()> {
        let ok = self.set_with_receiver(o, key.clone(), v, &Value::Object(o.clone()))?;
        if !ok && throw {
            return Err(self.set_failure(o, &key, &Value::Object(o.clone())));
        }
        Ok(())
    }

    /// V8's TypeError for a \[\[Set\]\] of `key` on `o` (with `receiver`) that returned false in
    /// strict code. Why it failed is found by retracing OrdinarySet without running script
    /// code: a getter without setter ("which has only a getter", naming the holder), a
    /// read-only data property (naming the receiver), a non-extensible receiver, an array
    /// whose `length` is read-only or could not shrink, or a proxy trap.
    pub fn set_failure(
        &mut self,
        o: &Obj,
        key: &PropKey,
        receiver: &Value,
    ) -> crate::interp::Abrupt {
        let msg = self.set_failure_message(o, key, receiver);
        self.type_error(msg)
    }

    fn set_failure_message(&self, o: &Obj, key: &PropKey, receiver: &Value) -> String {
        use crate::builtins::object::{get_data_property, no_side_effects_to_string};
        let name = key_display(key);
        let read_only = |it: &Interp, prop: &str| {
            format!(
                "Cannot assign to read only property '{prop}' of {} '{}'",
                receiver.type_of(),
                no_side_effects_to_string(it, receiver)
            )
        };
        let has_trap = |handler: &Option<Obj>, trap: &str| {
            handler.as_ref().is_some_and(|h| {
                !matches!(
                    get_data_property(h, &PropKey::from(trap)),
                    None | Some(Value::Undefined | Value::Null)
                )
            })
        };
        let mut cur = Some(o.clone());
        let mut depth = 0;
        while let Some(c) = cur.take() {
            depth += 1;
            if depth > 100_000 {
                break;
            }
            let proxy = match &c.borrow().kind {
                ObjectKind::Proxy(p) => Some((p.target.clone(), p.handler.clone())),
                _ => None,
            };
            if let Some((target, handler)) = proxy {
                if has_trap(&handler, "set") {
                    return format!("'set' on proxy: trap returned falsish for property '{name}'");
                }
                cur = target;
                continue;
            }
            if let Some(p) = c.get_own_property(key) {
                match p.slot {
                    Slot::Accessor(a) if a.set.is_none() => {
                        let holder = no_side_effects_to_string(self, &Value::Object(c.clone()));
                        return format!(
                            "Cannot set property {name} of {holder} which has only a getter"
                        );
                    }
                    Slot::Data(_) if !p.attrs.writable() => return read_only(self, &name),
                    _ => break,
                }
            }
            cur = c.proto();
        }
        let Value::Object(r) = receiver else {
            return format!(
                "Cannot create property '{name}' on {} '{}'",
                receiver.type_of(),
                self.to_string_lossy(receiver)
            );
        };
        let mut r = r.clone();
        let mut via_proxy = false;
        loop {
            let proxy = match &r.borrow().kind {
                ObjectKind::Proxy(p) => Some((p.target.clone(), p.handler.clone())),
                _ => None,
            };
            let Some((target, handler)) = proxy else {
                break;
            };
            if has_trap(&handler, "defineProperty") {
                return format!(
                    "'defineProperty' on proxy: trap returned falsish for property '{name}'"
                );
            }
            let Some(t) = target else {
                return read_only(self, &name);
            };
            r = t;
            via_proxy = true;
        }
        let array_len = match r.borrow().kind {
            ObjectKind::Array {
                length,
                length_writable,
            } => Some((length, length_writable)),
            _ => None,
        };
        match r.get_own_property(key) {
            Some(p) if p.is_accessor() => format!("Cannot redefine property: {name}"),
            Some(p) if !p.attrs.writable() => read_only(self, &name),
            Some(_) => match (array_len, key) {
                // Shrinking stopped at an element that cannot be deleted.
                (Some((len, _)), PropKey::Str(s)) if s.to_rust_string() == "length" && len > 0 => {
                    format!("Cannot delete property '{}' of [object Array]", len - 1)
                }
                _ => read_only(self, &name),
            },
            None => {
                if !r.borrow().extensible {
                    let verb = if via_proxy { "define" } else { "add" };
                    return format!("Cannot {verb} property {name}, object is not extensible");
                }
                match (array_len, key) {
                    (Some((len, false)), PropKey::Index(i)) if *i >= len => {
                        read_only(self, "length")
                    }
                    _ => read_only(self, &name),
                }
            }
        }
    }

    /// PutValue on a property reference whose base may be a primitive.
    pub fn put_v(&mut self, base: &Value, key: PropKey, v: Value, strict: bool) -> JsResult<()> {
        match base {
            Value::Object(o) => {
                let ok = self.set_with_receiver(o, key.clone(), v, base)?;
                if !ok && strict {
                    return Err(self.set_failure(o, &key, base));
                }
                Ok(())
            }
            Value::Undefined | Value::Null => {
                let what = if matches!(base, Value::Null) {
                    "null"
                } else {
                    "undefined"
                };
                Err(self.type_error(format!(
                    "Cannot set properties of {what} (setting '{}')",
                    key_display(&key)
                )))
            }
            _ => {
                let proto = self.to_object(base)?;
                let ok = self.set_with_receiver(&proto, key.clone(), v, base)?;
                if !ok && strict {
                    return Err(self.set_failure(&proto, &key, base));
                }
                Ok(())
            }
        }
    }

    /// HasProperty.
    pub fn has_property(&mut self, o: &Obj, key: &PropKey) -> JsResult<bool> {
        let mut cur = Some(o.clone());
        while let Some(c) = cur {
            if c.get_own_property(key).is_some() {
                return Ok(true);
            }
            let next = {
                let d = c.borrow();
                // The TypedArray [[HasProperty]]: a numeric key is IsValidIntegerIndex.
                if d.kind.is_typed_array()
                    && crate::builtins::typed_array::canonical_numeric_index(key).is_some()
                {
                    return Ok(false);
                }
                if d.kind.is_proxy() {
                    None
                } else {
                    Some(d.proto.clone())
                }
            };
            match next {
                Some(p) => cur = p,
                None => return self.proxy_has(&c, key),
            }
        }
        Ok(false)
    }

    /// `O.\[\[GetOwnProperty\]\](P)` as a complete property (a lazy stack state reads as its
    /// formatted string).
    pub fn get_own_property(&mut self, o: &Obj, key: &PropKey) -> JsResult<Option<Prop>> {
        if o.is_proxy() {
            return self.proxy_get_own_property(o, key);
        }
        match o.get_own_property(key) {
            Some(Prop {
                slot: Slot::LazyStack(_),
                attrs,
            }) => {
                let v = self.materialize_stack(o, key)?;
                Ok(Some(
                    o.get_own_property(key).unwrap_or(Prop::data(v, attrs)),
                ))
            }
            Some(Prop {
                slot: Slot::Lazy(_) | Slot::LazyMethod(_),
                attrs,
            }) => {
                let v = self.materialize_lazy(o, key);
                Ok(Some(Prop::data(v, attrs)))
            }
            p => Ok(p),
        }
    }

    /// An own data property's value, making a [`Slot::Lazy`] one ([`Obj::get_own_data`] for
    /// built-ins that read another built-in's method, which may not be made yet).
    pub fn own_data(&mut self, o: &Obj, key: &PropKey) -> Option<Value> {
        let lazy = matches!(
            o.borrow().props.get(key),
            Some(PropRef {
                slot: Slot::Lazy(_) | Slot::LazyMethod(_),
                ..
            })
        );
        if lazy {
            return Some(self.materialize_lazy(o, key));
        }
        o.get_own_data(key)
    }

    /// Builds the value of a [`Slot::Lazy`] property of `holder` and stores it as data, with
    /// the attributes the property has now (the builder may have stored its value itself,
    /// with the attributes of a fresh realm).
    pub fn materialize_lazy(&mut self, holder: &Obj, key: &PropKey) -> Value {
        let lazy = match holder.borrow().props.get(key) {
            Some(PropRef {
                slot: Slot::Lazy(build),
                attrs,
            }) => Some((Ok(*build), attrs)),
            Some(PropRef {
                slot: Slot::LazyMethod(m),
                attrs,
            }) => Some((Err(*m), attrs)),
            Some(PropRef {
                slot: Slot::Data(v),
                ..
            }) => return v.clone(),
            _ => None,
        };
        let Some((init, attrs)) = lazy else {
            return Value::Undefined;
        };
        let v = match init {
            Ok(build) => build(self, key),
            Err(m) => {
                let recipe = self.lazy_methods.borrow().get(m.0 as usize).copied();
                let Some(MethodRecipe { f, length, capture }) = recipe else {
                    return Value::Undefined;
                };
                let name = match key {
                    PropKey::Str(s) => s.clone(),
                    k => k.to_jsstr(),
                };
                let captures = capture.map_or(Vec::new(), |c| vec![Value::Number(c.into())]);
                let func = self.native_fn_named(name, length.into(), f, captures);
                if Obj::ptr_eq(holder, &self.intrinsics.math)
                    && crate::builtins::math::pure_for_numbers(key)
                {
                    self.mark_pure_for_numbers(&func);
                }
                Value::Object(func)
            }
        };
        crate::interp::function::link_lazy_prototype(holder, key, &v);
        holder
            .borrow_mut()
            .props
            .insert(key.clone(), Prop::data(v.clone(), attrs));
        v
    }

    /// The attributes of `O.\[\[GetOwnProperty\]\](P)`, for callers that do not need the value
    /// (enumerability and integrity checks): a lazy error `stack` stays unformatted, as in V8
    /// (`Object.keys`, spread, `hasOwnProperty`, for-in, `Object.isFrozen` do not format it).
    pub fn get_own_property_attrs(
        &mut self,
        o: &Obj,
        key: &PropKey,
    ) -> JsResult<Option<PropAttrs>> {
        let p = if o.is_proxy() {
            self.proxy_get_own_property(o, key)?
        } else {
            o.get_own_property(key)
        };
        Ok(p.map(|p| PropAttrs {
            attrs: p.attrs,
            accessor: p.is_accessor(),
        }))
    }

    /// `O.\[\[GetPrototypeOf\]\]()`.
    pub fn get_prototype_of(&mut self, o: &Obj) -> JsResult<Option<Obj>> {
        if o.is_proxy() {
            return self.proxy_get_prototype_of(o);
        }
        Ok(o.proto())
    }

    /// `O.\[\[SetPrototypeOf\]\](V)`.
    pub fn set_prototype_of(&mut self, o: &Obj, v: Option<Obj>) -> JsResult<bool> {
        if o.is_proxy() {
            return self.proxy_set_prototype_of(o, v);
        }
        Ok(crate::builtins::object::ordinary_set_prototype_of(
            self, o, v,
        ))
    }

    /// IsExtensible(O).
    pub fn is_extensible(&mut self, o: &Obj) -> JsResult<bool> {
        if o.is_proxy() {
            return self.proxy_is_extensible(o);
        }
        Ok(o.borrow().extensible)
    }

    /// `O.\[\[PreventExtensions\]\]()`.
    pub fn prevent_extensions(&mut self, o: &Obj) -> JsResult<bool> {
        if o.is_proxy() {
            return self.proxy_prevent_extensions(o);
        }
        // The TypedArray [[PreventExtensions]]: a view whose length can change stays
        // extensible.
        let variable_length = match &o.borrow().kind {
            ObjectKind::TypedArray(ta) => !ta.is_fixed_length(),
            _ => false,
        };
        if variable_length {
            return Ok(false);
        }
        o.borrow_mut().extensible = false;
        Ok(true)
    }

    /// `O.\[\[Delete\]\](P)`.
    pub fn delete_property(&mut self, o: &Obj, key: &PropKey) -> JsResult<bool> {
        if o.is_proxy() {
            if matches!(key, PropKey::Sym(s) if s.0.private) {
                return Ok(true);
            }
            return self.proxy_delete(o, key);
        }
        Ok(o.delete(key))
    }

    /// `\[\[DefineOwnProperty\]\]` dispatching on exotic objects.
    pub fn define_own_property(
        &mut self,
        o: &Obj,
        key: PropKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        let (is_array, is_proxy, is_typed_array) = {
            let d = o.borrow();
            (
                d.kind.is_array(),
                d.kind.is_proxy(),
                d.kind.is_typed_array(),
            )
        };
        if is_proxy {
            return self.proxy_define_own_property(o, key, desc);
        }
        if is_typed_array {
            if let Some(index) = crate::builtins::typed_array::canonical_numeric_index(&key) {
                return self.typed_array_define_own_property(o, index, desc);
            }
        }
        if is_array {
            return self.array_define_own_property(o, key, desc);
        }
        let mapped = match &o.borrow().kind {
            ObjectKind::Arguments(Some(m)) => m
                .mapped(&key)
                .map(|(slot, attrs)| (m.env.clone(), slot, attrs)),
            _ => None,
        };
        if let Some((env, slot, attrs)) = mapped {
            return Ok(arguments_define_own_property(
                o, key, desc, &env, slot, attrs,
            ));
        }
        if let ObjectKind::String(s) = &o.borrow().kind {
            let immutable = match &key {
                PropKey::Index(i) => (*i as usize) < s.len(),
                PropKey::Str(k) => k.units() == LENGTH,
                PropKey::Sym(_) => false,
            };
            if immutable {
                // An index below the length, or `length`: non-writable and
                // non-configurable, so only compatible redefinitions succeed, and
                // change nothing.
                let cur = o.get_own_property(&key);
                if let Some(cur) = cur {
                    let ok = desc.configurable != Some(true)
                        && desc.enumerable.is_none_or(|e| e == cur.attrs.enumerable())
                        && !desc.is_accessor()
                        && desc.writable != Some(true)
                        && desc.value.as_ref().is_none_or(|v| {
                            if let Slot::Data(cv) = &cur.slot {
                                v.same_value(cv)
                            } else {
                                false
                            }
                        });
                    return Ok(ok);
                }
            }
        }
        Ok(o.ordinary_define_own_property(key, desc))
    }

    pub fn define_property_or_throw(
        &mut self,
        o: &Obj,
        key: PropKey,
        desc: PropertyDescriptor,
    ) -> JsResult<()> {
        if !self.define_own_property(o, key.clone(), desc)? {
            if o.is_proxy() {
                return Err(self.type_error(format!(
                    "'defineProperty' on proxy: trap returned falsish for property '{}'",
                    key_display(&key)
                )));
            }
            // A typed array rejects a numeric key that is not a valid index.
            let invalid_index = match &o.borrow().kind {
                ObjectKind::TypedArray(ta) => {
                    crate::builtins::typed_array::canonical_numeric_index(&key)
                        .is_some_and(|i| !ta.is_valid_integer_index(i))
                }
                _ => false,
            };
            if invalid_index {
                return Err(self.type_error("Invalid typed array index"));
            }
            return Err(self.type_error(format!("Cannot redefine property: {}", key_display(&key))));
        }
        Ok(())
    }

    /// CreateDataProperty.
    pub fn create_data_property(&mut self, o: &Obj, key: PropKey, v: Value) -> JsResult<bool> {
        let v = match (&key, v) {
            (PropKey::Index(i), v) => match create_element_fast(o, *i, v) {
                Ok(()) => return Ok(true),
                Err(v) => v,
            },
            (_, v) => v,
        };
        self.define_own_property(o, key, PropertyDescriptor::data(v, Attrs::DEFAULT))
    }

    pub fn create_data_property_or_throw(
        &mut self,
        o: &Obj,
        key: PropKey,
        v: Value,
    ) -> JsResult<()> {
        if !self.create_data_property(o, key.clone(), v)? {
            if o.is_proxy() {
                return Err(self.type_error(format!(
                    "'defineProperty' on proxy: trap returned falsish for property '{}'",
                    key_display(&key)
                )));
            }
            // V8's words for the three ways an ordinary define fails: an own property that
            // cannot change, an array's read-only `length` below the index, no extensions.
            let exists = o.get_own_property(&key).is_some();
            let read_only_length = matches!(
                (&o.borrow().kind, &key),
                (ObjectKind::Array { length, length_writable: false }, PropKey::Index(i))
                    if *i >= *length
            );
            let msg = if exists {
                format!("Cannot redefine property: {}", key_display(&key))
            } else if read_only_length {
                "Cannot assign to read only property 'length' of object '[object Array]'".into()
            } else {
                format!(
                    "Cannot define property {}, object is not extensible",
                    key_display(&key)
                )
            };
            return Err(self.type_error(msg));
        }
        Ok(())
    }

    /// DeletePropertyOrThrow.
    pub fn delete_property_or_throw(&mut self, o: &Obj, key: &PropKey) -> JsResult<()> {
        if !self.delete_property(o, key)? {
            if o.is_proxy() {
                return Err(self.type_error(format!(
                    "'deleteProperty' on proxy: trap returned falsish for property '{}'",
                    key_display(key)
                )));
            }
            return Err(self.type_error(format!(
                "Cannot delete property '{}' of {}",
                key_display(key),
                crate::builtins::object::no_side_effects_to_string(self, &Value::Object(o.clone()))
            )));
        }
        Ok(())
    }

    /// ArraySetLength and the index case of the Array exotic `\[\[DefineOwnProperty\]\]`.
    pub fn array_define_own_property(
        &mut self,
        o: &Obj,
        key: PropKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        match &key {
            PropKey::Str(s) if s.units() == LENGTH => {
                let Some(v) = desc.value.clone() else {
                    // Only attribute changes.
                    let (len, writable) = array_length(o);
                    if desc.configurable == Some(true)
                        || desc.enumerable == Some(true)
                        || desc.is_accessor()
                        || (!writable && desc.writable == Some(true))
                    {
                        return Ok(false);
                    }
                    if desc.writable == Some(false) {
                        set_array_length_writable(o, false);
                    }
                    let _ = len;
                    return Ok(true);
                };
                let new_len = self.to_uint32(&v)?;
                let number_len = self.to_number(&v)?;
                if new_len as f64 != number_len {
                    return Err(self.range_error("Invalid array length"));
                }
                let (old_len, writable) = array_length(o);
                if desc.configurable == Some(true)
                    || desc.enumerable == Some(true)
                    || desc.is_accessor()
                {
                    return Ok(false);
                }
                if new_len == old_len {
                    if !writable && desc.writable == Some(true) {
                        return Ok(false);
                    }
                    if desc.writable == Some(false) {
                        set_array_length_writable(o, false);
                    }
                    return Ok(true);
                }
                if !writable {
                    return Ok(false);
                }
                let ok = set_array_length(o, new_len);
                if desc.writable == Some(false) {
                    set_array_length_writable(o, false);
                }
                Ok(ok)
            }
            PropKey::Index(i) => {
                let (len, writable) = array_length(o);
                if *i >= len && !writable {
                    return Ok(false);
                }
                Ok(o.ordinary_define_own_property(key, desc))
            }
            _ => Ok(o.ordinary_define_own_property(key, desc)),
        }
    }

    /// `\[\[OwnPropertyKeys\]\]` (private names excluded).
    pub fn own_property_keys(&mut self, o: &Obj) -> JsResult<Vec<PropKey>> {
        if o.is_proxy() {
            return self.proxy_own_property_keys(o);
        }
        let too_many = match &o.borrow().kind {
            ObjectKind::TypedArray(ta) => ta
                .length()
                .is_some_and(|l| l > crate::builtins::typed_array::MAX_ENUMERABLE_KEYS),
            _ => false,
        };
        if too_many {
            return Err(self.range_error("Too many properties to enumerate"));
        }
        let mut keys = o.own_keys();
        keys.retain(|k| !matches!(k, PropKey::Sym(s) if s.0.private));
        Ok(keys)
    }

    /// `\[\[OwnPropertyKeys\]\]` without running script: a proxy has none. For inspect, which
    /// unwraps proxies first and must not call traps.
    pub fn own_property_keys_no_traps(&self, o: &Obj) -> Vec<PropKey> {
        let mut keys = o.own_keys();
        keys.retain(|k| !matches!(k, PropKey::Sym(s) if s.0.private));
        keys
    }

    /// LengthOfArrayLike.
    pub fn length_of_array_like(&mut self, o: &Obj) -> JsResult<u64> {
        if let ObjectKind::Array { length, .. } = o.borrow().kind {
            return Ok(length as u64);
        }
        let v = self.get(o, &static_key!("length"))?;
        self.to_length(&v)
    }

    /// CreateListFromArrayLike.
    pub fn create_list_from_array_like(&mut self, v: &Value) -> JsResult<Vec<Value>> {
        let Value::Object(o) = v else {
            return Err(self.type_error("CreateListFromArrayLike called on non-object"));
        };
        let len = self.length_of_array_like(o)?;
        let mut out = Vec::with_capacity(len.min(1 << 20) as usize);
        for i in 0..len {
            out.push(self.get(o, &index_key(i))?);
        }
        Ok(out)
    }

    /// CreateListFromArrayLike for an argument list (`Function.prototype.apply`,
    /// `Reflect.apply`, `Reflect.construct`), with V8's limits: a `length` above 2^27 throws
    /// `RangeError: Invalid array length` before any element is read; a list longer than
    /// `limit` (the arguments a call may pass) overflows the stack. When reading the elements
    /// cannot run script code (an array whose indexed properties are all plain elements,
    /// without indexed prototypes), that error is thrown without copying them.
    pub fn argument_list_from_array_like(
        &mut self,
        v: &Value,
        limit: usize,
    ) -> JsResult<Vec<Value>> {
        let Value::Object(o) = v else {
            return Err(self.type_error("CreateListFromArrayLike called on non-object"));
        };
        let len = self.length_of_array_like(o)?;
        if len > MAX_ARGUMENT_LIST_LENGTH {
            return Err(self.range_error("Invalid array length"));
        }
        if len > limit as u64 && reads_cannot_run_code(o) {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let mut out = Vec::with_capacity(len.min(1 << 20) as usize);
        for i in 0..len {
            out.push(self.get(o, &index_key(i))?);
        }
        Ok(out)
    }

    // ---- conversions -------------------------------------------------------------------------

    /// ToPrimitive.
    pub fn to_primitive(&mut self, v: &Value, hint: Hint) -> JsResult<Value> {
        let Value::Object(o) = v else {
            return Ok(v.clone());
        };
        let key = PropKey::Sym(self.symbols.to_primitive.clone());
        if let Some(exotic) = self.get_method(v, &key)? {
            let h = match hint {
                Hint::Default => "default",
                Hint::Number => "number",
                Hint::String => "string",
            };
            let r = self.call_obj(&exotic, v, &[Value::from(h)])?;
            if r.is_object() {
                return Err(self.type_error("Cannot convert object to primitive value"));
            }
            return Ok(r);
        }
        self.ordinary_to_primitive(
            o,
            if hint == Hint::String {
                Hint::String
            } else {
                Hint::Number
            },
        )
    }

    pub fn ordinary_to_primitive(&mut self, o: &Obj, hint: Hint) -> JsResult<Value> {
        let order: [&str; 2] = if hint == Hint::String {
            ["toString", "valueOf"]
        } else {
            ["valueOf", "toString"]
        };
        for name in order {
            let f = self.get(o, &PropKey::from(name))?;
            if let Value::Object(fo) = &f {
                if fo.is_callable() {
                    let r = self.call_obj(fo, &Value::Object(o.clone()), &[])?;
                    if !r.is_object() {
                        return Ok(r);
                    }
                }
            }
        }
        Err(self.type_error("Cannot convert object to primitive value"))
    }

    /// ToNumber.
    pub fn to_number(&mut self, v: &Value) -> JsResult<f64> {
        Ok(match v {
            Value::Number(n) => *n,
            Value::Undefined | Value::Empty => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => *b as u8 as f64,
            Value::String(s) => string_to_number(s),
            Value::Symbol(_) => {
                return Err(self.type_error("Cannot convert a Symbol value to a number"))
            }
            Value::BigInt(_) => {
                return Err(self.type_error("Cannot convert a BigInt value to a number"))
            }
            Value::Object(_) => {
                let p = self.to_primitive(v, Hint::Number)?;
                return self.to_number(&p);
            }
        })
    }

    /// ToNumeric: ToPrimitive(hint number), then a BigInt stays a BigInt and anything else
    /// goes through ToNumber.
    #[inline]
    pub fn to_numeric(&mut self, v: &Value) -> JsResult<Numeric> {
        match v {
            Value::Number(n) => Ok(Numeric::Number(*n)),
            Value::BigInt(b) => Ok(Numeric::BigInt(b.clone())),
            Value::Object(_) => {
                let p = self.to_primitive(v, Hint::Number)?;
                self.to_numeric(&p)
            }
            _ => Ok(Numeric::Number(self.to_number(v)?)),
        }
    }

    /// What `Number(value)` computes: ToNumeric, then a BigInt converts to the nearest Number.
    pub fn to_numeric_as_number(&mut self, v: &Value) -> JsResult<f64> {
        Ok(match self.to_numeric(v)? {
            Numeric::Number(n) => n,
            Numeric::BigInt(b) => bigint_to_number(&b),
        })
    }

    /// ToBigInt.
    pub fn to_bigint(&mut self, v: &Value) -> JsResult<Rc<BigInt>> {
        let prim = self.to_primitive(v, Hint::Number)?;
        match &prim {
            Value::BigInt(b) => Ok(b.clone()),
            Value::Bool(b) => Ok(Rc::new(BigInt::from(*b as u8))),
            Value::String(s) => match string_to_bigint(s) {
                Some(b) => Ok(Rc::new(b)),
                None => Err(self.syntax_error(format!("Cannot convert {s} to a BigInt"))),
            },
            other => {
                let s = crate::builtins::iterator::describe(self, other);
                Err(self.type_error(format!("Cannot convert {s} to a BigInt")))
            }
        }
    }

    /// NumberToBigInt, with V8's RangeError for non-integral Numbers.
    pub fn number_to_bigint(&mut self, n: f64) -> JsResult<Rc<BigInt>> {
        match number_to_bigint(n) {
            Some(b) => Ok(Rc::new(b)),
            None => Err(self.range_error(format!(
                "The number {} cannot be converted to a BigInt because it is not an integer",
                crate::value::number_to_string(n)
            ))),
        }
    }

    /// Turns a failed BigInt operation into its RangeError.
    pub fn bigint_result(&mut self, r: BigIntResult) -> JsResult<Value> {
        match r {
            Ok(b) => Ok(Value::from(b)),
            Err(e) => Err(self.range_error(e.message())),
        }
    }

    pub fn to_integer_or_infinity(&mut self, v: &Value) -> JsResult<f64> {
        Ok(to_integer_or_infinity(self.to_number(v)?))
    }
    pub fn to_int32(&mut self, v: &Value) -> JsResult<i32> {
        Ok(to_int32(self.to_number(v)?))
    }
    pub fn to_uint32(&mut self, v: &Value) -> JsResult<u32> {
        Ok(to_uint32(self.to_number(v)?))
    }
    /// ToLength.
    pub fn to_length(&mut self, v: &Value) -> JsResult<u64> {
        let n = self.to_integer_or_infinity(v)?;
        Ok(if n <= 0.0 {
            0
        } else {
            n.min(9007199254740991.0) as u64
        })
    }
    /// ToIndex.
    pub fn to_index(&mut self, v: &Value) -> JsResult<u64> {
        if v.is_undefined() {
            return Ok(0);
        }
        let n = self.to_integer_or_infinity(v)?;
        if !(0.0..=9007199254740991.0).contains(&n) {
            return Err(self.range_error("Invalid index"));
        }
        Ok(n as u64)
    }

    /// ToString.
    pub fn to_string(&mut self, v: &Value) -> JsResult<JsStr> {
        Ok(match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => number_to_jsstr(*n),
            Value::BigInt(b) => JsStr::from(bigint_to_string(b, 10).as_str()),
            Value::Undefined | Value::Empty => JsStr::intern("undefined"),
            Value::Null => JsStr::intern("null"),
            Value::Bool(true) => JsStr::intern("true"),
            Value::Bool(false) => JsStr::intern("false"),
            Value::Symbol(_) => {
                return Err(self.type_error("Cannot convert a Symbol value to a string"))
            }
            Value::Object(_) => {
                let p = self.to_primitive(v, Hint::String)?;
                return self.to_string(&p);
            }
        })
    }

    /// A best-effort string for messages (never calls user code).
    pub fn to_string_lossy(&self, v: &Value) -> String {
        match v {
            Value::String(s) => s.to_rust_string(),
            Value::Number(n) => crate::value::number_to_string(*n),
            Value::BigInt(b) => bigint_to_string(b, 10),
            Value::Undefined | Value::Empty => "undefined".into(),
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Symbol(s) => s.descriptive_string(),
            Value::Object(_) => "[object Object]".into(),
        }
    }

    /// ToPropertyKey.
    pub fn to_property_key(&mut self, v: &Value) -> JsResult<PropKey> {
        Ok(match v {
            Value::String(s) => PropKey::from_str(s),
            Value::Number(n) => match array_index_of(v) {
                Some(i) => PropKey::Index(i),
                None => PropKey::from_str(&number_to_jsstr(*n)),
            },
            Value::Symbol(s) => PropKey::Sym(s.clone()),
            Value::Object(_) => {
                let p = self.to_primitive(v, Hint::String)?;
                return self.to_property_key(&p);
            }
            other => PropKey::from_str(&self.to_string(other)?),
        })
    }

    /// ToObject.
    pub fn to_object(&mut self, v: &Value) -> JsResult<Obj> {
        let (proto, kind) = match v {
            Value::Object(o) => return Ok(o.clone()),
            Value::Undefined | Value::Null | Value::Empty => {
                return Err(self.type_error("Cannot convert undefined or null to object"))
            }
            Value::Bool(b) => (
                self.intrinsics.boolean_prototype.clone(),
                ObjectKind::Boolean(*b),
            ),
            Value::Number(n) => (
                self.intrinsics.number_prototype.clone(),
                ObjectKind::Number(*n),
            ),
            Value::String(s) => (
                self.intrinsics.string_prototype.clone(),
                ObjectKind::String(s.clone()),
            ),
            Value::Symbol(s) => (
                self.intrinsics.symbol_prototype.clone(),
                ObjectKind::Symbol(s.clone()),
            ),
            Value::BigInt(b) => (
                self.intrinsics.bigint_prototype.clone(),
                ObjectKind::BigInt(b.clone()),
            ),
        };
        Ok(Obj::new(Some(proto), kind))
    }

    /// RequireObjectCoercible-style check used by `String.prototype` methods.
    pub fn this_string(&mut self, this: &Value, method: &str) -> JsResult<JsStr> {
        if this.is_nullish() {
            return Err(self.type_error(format!(
                "String.prototype.{method} called on null or undefined"
            )));
        }
        self.to_string(this)
    }

    // ---- operators ---------------------------------------------------------------------------

    /// Applies a binary operator to two evaluated operands.
    pub fn binary_op(&mut self, op: BinaryOp, l: &Value, r: &Value) -> JsResult<Value> {
        if let (Value::Number(a), Value::Number(b)) = (l, r) {
            if let Some(v) = number_binary(op, *a, *b) {
                return Ok(v);
            }
        }
        self.binary_slow(op, l, r)
    }

    fn binary_slow(&mut self, op: BinaryOp, l: &Value, r: &Value) -> JsResult<Value> {
        use BinaryOp::*;
        Ok(match op {
            Add => {
                let lp = self.to_primitive(l, Hint::Default)?;
                let rp = self.to_primitive(r, Hint::Default)?;
                if matches!(lp, Value::String(_)) || matches!(rp, Value::String(_)) {
                    let ls = self.to_string(&lp)?;
                    let rs = self.to_string(&rp)?;
                    if ls.len() + rs.len() > crate::builtins::string::MAX_STRING_LENGTH {
                        return Err(self.range_error("Invalid string length"));
                    }
                    Value::String(ls.concat(&rs))
                } else {
                    let a = self.to_numeric(&lp)?;
                    let b = self.to_numeric(&rp)?;
                    self.numeric_op(op, a, b)?
                }
            }
            Sub | Mul | Div | Mod | Exp | Shl | Shr | UShr | BitAnd | BitOr | BitXor => {
                let a = self.to_numeric(l)?;
                let b = self.to_numeric(r)?;
                self.numeric_op(op, a, b)?
            }
            Eq => Value::Bool(self.loose_equals(l, r)?),
            NotEq => Value::Bool(!self.loose_equals(l, r)?),
            StrictEq => Value::Bool(l.strict_equals(r)),
            StrictNotEq => Value::Bool(!l.strict_equals(r)),
            Lt => Value::Bool(self.less_than(l, r, true)? == Some(true)),
            Gt => Value::Bool(self.less_than(r, l, false)? == Some(true)),
            LtEq => Value::Bool(self.less_than(r, l, false)? == Some(false)),
            GtEq => Value::Bool(self.less_than(l, r, true)? == Some(false)),
            InstanceOf => Value::Bool(self.instance_of(l, r)?),
            In => {
                let Value::Object(o) = r else {
                    let s = crate::builtins::object::no_side_effects_to_string(self, r);
                    let k = self.to_string_lossy(l);
                    return Err(self.type_error(format!(
                        "Cannot use 'in' operator to search for '{k}' in {s}"
                    )));
                };
                let k = self.to_property_key(l)?;
                Value::Bool(self.has_property(o, &k)?)
            }
        })
    }

    /// ApplyStringOrNumericBinaryOperator steps 5-8 for ToNumeric'd operands: both must be
    /// of the same numeric type, then `T::op` of that type.
    fn numeric_op(&mut self, op: BinaryOp, a: Numeric, b: Numeric) -> JsResult<Value> {
        use BinaryOp::*;
        match (a, b) {
            (Numeric::Number(a), Numeric::Number(b)) => Ok(Value::Number(number_op(op, a, b))),
            (Numeric::BigInt(a), Numeric::BigInt(b)) => {
                let r = match op {
                    Add => bigint_add(&a, &b),
                    Sub => bigint_subtract(&a, &b),
                    Mul => bigint_multiply(&a, &b),
                    Div => bigint_divide(&a, &b),
                    Mod => bigint_remainder(&a, &b),
                    Exp => bigint_exponentiate(&a, &b),
                    Shl => bigint_left_shift(&a, &b),
                    Shr => bigint_signed_right_shift(&a, &b),
                    BitAnd => Ok(bigint_bitwise_and(&a, &b)),
                    BitOr => Ok(bigint_bitwise_or(&a, &b)),
                    BitXor => Ok(bigint_bitwise_xor(&a, &b)),
                    // BigInt::unsignedRightShift.
                    _ => {
                        return Err(
                            self.type_error("BigInts have no unsigned right shift, use >> instead")
                        )
                    }
                };
                self.bigint_result(r)
            }
            _ => Err(self.type_error(MIX_BIGINT)),
        }
    }

    /// The `++`/`--` step: (ToNumeric(old), old ± 1) as Number::add or BigInt::add.
    pub fn numeric_update(&mut self, old: &Value, inc: bool) -> JsResult<(Value, Value)> {
        match self.to_numeric(old)? {
            Numeric::Number(n) => Ok((
                Value::Number(n),
                Value::Number(if inc { n + 1.0 } else { n - 1.0 }),
            )),
            Numeric::BigInt(b) => {
                let one = BigInt::from(1);
                let r = if inc {
                    bigint_add(&b, &one)
                } else {
                    bigint_subtract(&b, &one)
                };
                let new = self.bigint_result(r)?;
                Ok((Value::BigInt(b), new))
            }
        }
    }

    /// IsLessThan; `None` means undefined (a NaN was involved).
    pub fn less_than(&mut self, x: &Value, y: &Value, left_first: bool) -> JsResult<Option<bool>> {
        let (px, py) = if left_first {
            let a = self.to_primitive(x, Hint::Number)?;
            let b = self.to_primitive(y, Hint::Number)?;
            (a, b)
        } else {
            let b = self.to_primitive(y, Hint::Number)?;
            let a = self.to_primitive(x, Hint::Number)?;
            (a, b)
        };
        match (&px, &py) {
            (Value::String(a), Value::String(b)) => return Ok(Some(a.units() < b.units())),
            (Value::BigInt(a), Value::String(b)) => {
                return Ok(string_to_bigint(b).map(|b| **a < b));
            }
            (Value::String(a), Value::BigInt(b)) => {
                return Ok(string_to_bigint(a).map(|a| a < **b));
            }
            _ => {}
        }
        let a = self.to_numeric(&px)?;
        let b = self.to_numeric(&py)?;
        Ok(match (a, b) {
            (Numeric::Number(a), Numeric::Number(b)) => {
                if a.is_nan() || b.is_nan() {
                    None
                } else {
                    Some(a < b)
                }
            }
            (Numeric::BigInt(a), Numeric::BigInt(b)) => Some(a < b),
            (Numeric::BigInt(a), Numeric::Number(b)) => {
                compare_bigint_number(&a, b).map(|o| o == Ordering::Less)
            }
            (Numeric::Number(a), Numeric::BigInt(b)) => {
                compare_bigint_number(&b, a).map(|o| o == Ordering::Greater)
            }
        })
    }

    /// IsLooselyEqual.
    pub fn loose_equals(&mut self, x: &Value, y: &Value) -> JsResult<bool> {
        Ok(match (x, y) {
            (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
            (Value::Number(_), Value::String(s)) => {
                return self.loose_equals(x, &Value::Number(string_to_number(s)))
            }
            (Value::String(s), Value::Number(_)) => {
                return self.loose_equals(&Value::Number(string_to_number(s)), y)
            }
            (Value::BigInt(a), Value::String(s)) | (Value::String(s), Value::BigInt(a)) => {
                string_to_bigint(s).is_some_and(|b| **a == b)
            }
            (Value::Bool(b), _) => return self.loose_equals(&Value::Number(*b as u8 as f64), y),
            (_, Value::Bool(b)) => return self.loose_equals(x, &Value::Number(*b as u8 as f64)),
            (
                Value::Number(_) | Value::BigInt(_) | Value::String(_) | Value::Symbol(_),
                Value::Object(_),
            ) => {
                let p = self.to_primitive(y, Hint::Default)?;
                return self.loose_equals(x, &p);
            }
            (
                Value::Object(_),
                Value::Number(_) | Value::BigInt(_) | Value::String(_) | Value::Symbol(_),
            ) => {
                let p = self.to_primitive(x, Hint::Default)?;
                return self.loose_equals(&p, y);
            }
            (Value::BigInt(a), Value::Number(n)) | (Value::Number(n), Value::BigInt(a)) => {
                compare_bigint_number(a, *n) == Some(Ordering::Equal)
            }
            _ => x.strict_equals(y),
        })
    }

    /// InstanceofOperator.
    pub fn instance_of(&mut self, v: &Value, target: &Value) -> JsResult<bool> {
        let Value::Object(t) = target else {
            return Err(self.type_error("Right-hand side of 'instanceof' is not an object"));
        };
        let key = PropKey::Sym(self.symbols.has_instance.clone());
        if let Some(h) = self.get_method(target, &key)? {
            let r = self.call_obj(&h, target, std::slice::from_ref(v))?;
            return Ok(r.to_boolean());
        }
        if !t.is_callable() {
            return Err(self.type_error("Right-hand side of 'instanceof' is not callable"));
        }
        self.ordinary_has_instance(target, v)
    }

    /// OrdinaryHasInstance.
    pub fn ordinary_has_instance(&mut self, c: &Value, o: &Value) -> JsResult<bool> {
        let Value::Object(c) = c else {
            return Ok(false);
        };
        if !c.is_callable() {
            return Ok(false);
        }
        let bound_target = match &c.borrow().kind {
            ObjectKind::Bound(b) => Some(b.target.clone()),
            _ => None,
        };
        if let Some(t) = bound_target {
            return self.instance_of(o, &Value::Object(t));
        }
        let Value::Object(o) = o else {
            return Ok(false);
        };
        let p = self.get(c, &static_key!("prototype"))?;
        let Value::Object(p) = p else {
            return Err(self
                .type_error("Function has non-object prototype 'undefined' in instanceof check"));
        };
        let mut cur = self.get_prototype_of(o)?;
        while let Some(x) = cur {
            if Obj::ptr_eq(&x, &p) {
                return Ok(true);
            }
            cur = self.get_prototype_of(&x)?;
        }
        Ok(false)
    }

    /// IsArray(argument): arrays, and proxies whose (innermost) target is an array.
    pub fn is_array(&mut self, v: &Value) -> JsResult<bool> {
        let Value::Object(o) = v else {
            return Ok(false);
        };
        let mut cur = o.clone();
        loop {
            let next = match &cur.borrow().kind {
                ObjectKind::Array { .. } => return Ok(true),
                ObjectKind::Proxy(p) => p.target.clone(),
                _ => return Ok(false),
            };
            match next {
                Some(t) => cur = t,
                None => {
                    return Err(self
                        .type_error("Cannot perform 'IsArray' on a proxy that has been revoked"))
                }
            }
        }
    }

    /// SpeciesConstructor is not needed by the in-scope built-ins' common paths; ArraySpeciesCreate
    /// lives in `builtins::array`.
    pub fn is_callable(&self, v: &Value) -> bool {
        matches!(v, Value::Object(o) if o.is_callable())
    }
}

/// Number::add, ::subtract, ... ::bitwiseOR for the binary operators.
fn number_op(op: BinaryOp, a: f64, b: f64) -> f64 {
    use BinaryOp::*;
    let (ai, bi) = (to_int32(a), to_uint32(b));
    match op {
        Add => a + b,
        Sub => a - b,
        Mul => a * b,
        Div => a / b,
        Mod => js_rem(a, b),
        Exp => js_pow(a, b),
        Shl => ai.wrapping_shl(bi & 31) as f64,
        Shr => (ai >> (bi & 31)) as f64,
        UShr => (to_uint32(a) >> (bi & 31)) as f64,
        BitAnd => (ai & to_int32(b)) as f64,
        BitOr => (ai | to_int32(b)) as f64,
        _ => (ai ^ to_int32(b)) as f64,
    }
}

/// A binary operator on two numbers without a call: every operator but `**`, `in` and
/// `instanceof` (`None` for those). Inlined into the evaluator's binary and compound
/// assignment nodes, which is where numeric loops spend their time; `binary_op` uses it too.
#[inline(always)]
pub(crate) fn number_binary(op: BinaryOp, a: f64, b: f64) -> Option<Value> {
    use BinaryOp::*;
    let v = match op {
        Add => a + b,
        Sub => a - b,
        Mul => a * b,
        Div => a / b,
        Mod => js_rem(a, b),
        Lt => return Some(Value::Bool(a < b)),
        Gt => return Some(Value::Bool(a > b)),
        LtEq => return Some(Value::Bool(a <= b)),
        GtEq => return Some(Value::Bool(a >= b)),
        StrictEq | Eq => return Some(Value::Bool(a == b)),
        StrictNotEq | NotEq => return Some(Value::Bool(a != b)),
        BitAnd => (to_int32(a) & to_int32(b)) as f64,
        BitOr => (to_int32(a) | to_int32(b)) as f64,
        BitXor => (to_int32(a) ^ to_int32(b)) as f64,
        Shl => to_int32(a).wrapping_shl(to_uint32(b) & 31) as f64,
        Shr => (to_int32(a) >> (to_uint32(b) & 31)) as f64,
        UShr => (to_uint32(a) >> (to_uint32(b) & 31)) as f64,
        _ => return None,
    };
    Some(Value::Number(v))
}

/// The `%` operator (truncating remainder, sign of the dividend).
#[inline]
pub fn js_rem(a: f64, b: f64) -> f64 {
    // Integers (the common case) without libm's fmod: exact for |x| < 2^53, and the result
    // takes the dividend's sign, so a zero result from a negative dividend is -0.
    const EXACT: f64 = 9007199254740992.0;
    // (Integral without `fract`, which is a call to libm's `trunc` on baseline x86-64.)
    if a.abs() < EXACT
        && b.abs() < EXACT
        && b != 0.0
        && (a as i64) as f64 == a
        && (b as i64) as f64 == b
    {
        let r = (a as i64 % b as i64) as f64;
        return if r == 0.0 && a.is_sign_negative() {
            -0.0
        } else {
            r
        };
    }
    if b.is_infinite() && a.is_finite() {
        return a;
    }
    let r = a % b;
    if r == 0.0 {
        // Keep the sign of the dividend (-0 stays -0).
        0.0f64.copysign(a)
    } else {
        r
    }
}

/// Number::exponentiate (shared with `Math.pow`, whose algorithm matches V8's results).
pub fn js_pow(a: f64, b: f64) -> f64 {
    crate::builtins::math::math_pow(a, b)
}

pub const LENGTH: &[u16] = &[108, 101, 110, 103, 116, 104];

/// The array index ToPropertyKey makes of a number: the integers 0 to 2^32 − 2, and −0
/// (whose string is "0"). `None` for any other value.
#[inline]
pub(crate) fn array_index_of(v: &Value) -> Option<u32> {
    let Value::Number(n) = v else {
        return None;
    };
    array_index_of_number(*n)
}

/// The array index a number is, if it is one (an integer below 2^32 − 1).
#[inline]
pub(crate) fn array_index_of_number(n: f64) -> Option<u32> {
    let i = n as u32;
    (f64::from(i) == n && i != u32::MAX).then_some(i)
}

/// A property key for an integer index (strings for indices past the u32 range).
pub fn index_key(i: u64) -> PropKey {
    if i < u32::MAX as u64 {
        PropKey::Index(i as u32)
    } else {
        PropKey::from_str(&number_to_jsstr(i as f64))
    }
}

/// How a key appears in V8 messages.
pub fn key_display(k: &PropKey) -> String {
    match k {
        PropKey::Index(i) => i.to_string(),
        PropKey::Str(s) => s.to_rust_string(),
        PropKey::Sym(s) if s.0.private => s
            .description()
            .map(|d| d.to_rust_string())
            .unwrap_or_default(),
        PropKey::Sym(s) => s.descriptive_string(),
    }
}

/// V8's `FixedArray::kMaxLength` as `CreateListFromArrayLike` checks it (2^27).
const MAX_ARGUMENT_LIST_LENGTH: u64 = 1 << 27;

/// Is `o` an array whose indexed reads only see its `elements` (no indexed accessors or
/// other indexed properties of its own, none on its prototypes)?
fn reads_cannot_run_code(o: &Obj) -> bool {
    {
        let d = o.borrow();
        if !matches!(d.kind, ObjectKind::Array { .. }) || d.props.has_index_keys() {
            return false;
        }
    }
    !crate::builtins::array::protos_have_indices(o)
}

fn array_length(o: &Obj) -> (u32, bool) {
    match o.borrow().kind {
        ObjectKind::Array {
            length,
            length_writable,
        } => (length, length_writable),
        _ => (0, true),
    }
}

fn set_array_length_writable(o: &Obj, w: bool) {
    if let ObjectKind::Array {
        length_writable, ..
    } = &mut o.borrow_mut().kind
    {
        *length_writable = w;
    }
}

/// Truncates or extends an array's length; false if a non-configurable element blocked it.
fn set_array_length(o: &Obj, new_len: u32) -> bool {
    let mut d = o.borrow_mut();
    if (new_len as usize) < d.elements.len() {
        d.elements.truncate(new_len as usize);
    }
    // Sparse indices at or beyond the new length.
    let mut doomed: Vec<u32> = d
        .props
        .iter()
        .filter_map(|(k, _)| match k {
            PropKey::Index(i) if *i >= new_len => Some(*i),
            _ => None,
        })
        .collect();
    doomed.sort_unstable_by(|a, b| b.cmp(a));
    let mut final_len = new_len;
    for i in doomed {
        let key = PropKey::Index(i);
        let conf = d
            .props
            .get(&key)
            .map(|p| p.attrs.configurable())
            .unwrap_or(true);
        if !conf {
            final_len = i + 1;
            break;
        }
        d.props.remove(&key);
    }
    if let ObjectKind::Array { length, .. } = &mut d.kind {
        *length = final_len;
    }
    final_len == new_len
}

/// A mapped arguments object's `\[\[DefineOwnProperty\]\]` of a mapped index (ECMA-262
/// §10.4.4.2). The property is made ordinary with the parameter's current value (so a data
/// descriptor without `[[Value]]` keeps it, step 3), OrdinaryDefineOwnProperty applies `desc`,
/// and then: an accessor or a read-only result leaves the map (after `[[Value]]`, if given,
/// reached the parameter); otherwise the new value goes to the parameter and the index is
/// mapped again with the property's new attributes. A refused definition changes nothing.
fn arguments_define_own_property(
    o: &Obj,
    key: PropKey,
    desc: PropertyDescriptor,
    env: &crate::interp::scope::Env,
    slot: u32,
    attrs: Attrs,
) -> bool {
    let PropKey::Index(i) = key else {
        return false;
    };
    let set_mapped = |m: Option<(u32, Attrs)>| {
        if let ObjectKind::Arguments(Some(map)) = &mut o.borrow_mut().kind {
            if let Some(e) = map.slots.get_mut(i as usize) {
                *e = m;
            }
        }
    };
    set_mapped(None);
    o.define(key.clone(), env.get(0, slot), attrs);
    if !o.ordinary_define_own_property(key.clone(), desc.clone()) {
        // Back as it was: the index a hole again, mapped.
        o.remove_own_raw(&key);
        set_mapped(Some((slot, attrs)));
        return false;
    }
    if desc.is_accessor() {
        return true;
    }
    if let Some(v) = &desc.value {
        env.set(0, slot, v.clone());
    }
    if desc.writable == Some(false) {
        return true;
    }
    // Still a writable data property: mapped again, with its attributes now.
    let now = o.get_own_property(&key).map(|p| p.attrs).unwrap_or(attrs);
    o.remove_own_raw(&key);
    set_mapped(Some((slot, now)));
    true
}

#[cfg(test)]
mod tests {
    use crate::interp::Interp;

    use crate::interp::test_support::eval_to_string as run;

    #[test]
    fn remainder_takes_the_dividends_sign_on_both_paths() {
        use super::js_rem;
        // Integer fast path.
        assert_eq!(js_rem(7.0, 3.0), 1.0);
        assert_eq!(js_rem(-7.0, 3.0), -1.0);
        assert_eq!(js_rem(7.0, -3.0), 1.0);
        assert!(js_rem(-6.0, 3.0).is_sign_negative() && js_rem(-6.0, 3.0) == 0.0);
        assert!(js_rem(-0.0, 5.0).is_sign_negative());
        assert!(js_rem(6.0, -3.0).is_sign_positive());
        assert_eq!(js_rem(9007199254740991.0, 2.0), 1.0);
        // fmod path: fractions, huge values, NaN/Infinity.
        assert_eq!(js_rem(5.5, 2.0), 1.5);
        assert_eq!(js_rem(-5.5, 2.0), -1.5);
        assert_eq!(js_rem(1e300, 7.0), 1e300 % 7.0);
        assert!(js_rem(5.0, 0.0).is_nan());
        assert!(js_rem(f64::INFINITY, 2.0).is_nan());
        assert_eq!(js_rem(5.0, f64::INFINITY), 5.0);
        assert_eq!(
            run("[1/(-4 % 2), 1/(4 % -2), -7 % 3, 7 % -3, 2**53 % 3, 0.5 % 0.25]"),
            "-Infinity,Infinity,-1,1,2,0"
        );
    }

    #[test]
    fn bitwise_operators_on_numbers_use_int32_and_uint32() {
        assert_eq!(
            run("[5 & 3, 5 | 3, 5 ^ 3, 1 << 31, 1 << 32, -1 >> 28, -1 >>> 28, -1 >>> 0]"),
            "1,7,6,-2147483648,1,-1,15,4294967295"
        );
        assert_eq!(
            run("[2**32 + 5 | 0, NaN | 0, Infinity & 1, -2.7 | 0, 3 << -1, 1.9 >> 0.9]"),
            "5,0,0,-2,-2147483648,1"
        );
    }

    #[test]
    fn global_references_stay_correct_after_their_lookup_is_cached() {
        // `g` is read through the global-lexical slot cache, `h` through the global object's
        // property-index hint; both must notice later changes.
        let mut it = Interp::new();
        let src = "let g = 1; var h = 10; function read() { return [g, h, typeof q]; }
            const out = [read()];
            g = 2; h = 20; out.push(read());
            delete globalThis.zz; globalThis.q = 1; out.push(read());
            Object.defineProperty(globalThis, 'a1', {value: 1, configurable: true});
            Object.defineProperty(globalThis, 'a2', {value: 2, configurable: true});
            out.push(read());
            String(out)";
        let v = it.run_script("t", src).map(|v| it.to_string_lossy(&v));
        assert_eq!(
            v.ok().as_deref(),
            Some("1,10,undefined,2,20,undefined,2,20,number,2,20,number")
        );
        // A const declared by an earlier script stays const through a cached reference, and
        // a later script's `let` shadows a configurable global property already read.
        let mut it = Interp::new();
        let first = "const k = 1; globalThis.p = 'prop'; function f() { return [k, p]; } f();";
        assert!(it.run_script("a", first).is_ok());
        let second =
            "let p = 'lex'; let r; try { k = 2 } catch (e) { r = e.message } String([r, f()])";
        let v = it.run_script("b", second).map(|v| it.to_string_lossy(&v));
        assert_eq!(
            v.ok().as_deref(),
            Some("Assignment to constant variable.,1,lex")
        );
    }

    #[test]
    fn bigint_arithmetic_dispatches_on_numeric_type() {
        assert_eq!(
            run("[10n ** 30n, 7n / -2n, -7n % 3n, 1n + 2n * 3n - 4n]"),
            "1000000000000000000000000000000,-3,-1,3"
        );
        assert_eq!(
            run("(() => { let x = 1n; x++; ++x; x -= 5n; return [x, typeof x, -x, ~x]; })()"),
            "-2,bigint,2,1"
        );
        assert_eq!(
            run("1n + 1"),
            "TypeError: Cannot mix BigInt and other types, use explicit conversions"
        );
        assert_eq!(
            run("Object(1n) * 2"),
            "TypeError: Cannot mix BigInt and other types, use explicit conversions"
        );
        assert_eq!(
            run("+1n"),
            "TypeError: Cannot convert a BigInt value to a number"
        );
        assert_eq!(run("1n / 0n"), "RangeError: Division by zero");
        assert_eq!(run("2n ** -1n"), "RangeError: undefined must be positive");
        assert_eq!(
            run("1n >>> 1n"),
            "TypeError: BigInts have no unsigned right shift, use >> instead"
        );
        assert_eq!(
            run("1n << 10000000000n"),
            "RangeError: Maximum BigInt size exceeded"
        );
        assert_eq!(run("'a' + 1n + `${2n}`"), "a12");
    }

    #[test]
    fn bigint_comparisons_and_equality() {
        assert_eq!(run("[1n < 2, 2n > 1.5, 9007199254740993n > 9007199254740992, 1n < NaN, '10' > 9n, 1n < 'x']"), "true,true,true,false,true,false");
        assert_eq!(
            run(
                "[1n == 1, 1n === 1, 1n == '1', 1n == true, 0n == '', Object(2n) == 2n, 1n == 1.5]"
            ),
            "true,false,true,true,true,true,false"
        );
        assert_eq!(
            run(
                "[Object.is(0n, -0n), [1n].includes(1n), new Map([[1n, 'x']]).get(1n), 0n ? 1 : 2]"
            ),
            "true,true,x,2"
        );
        assert_eq!(
            run("(() => { const o = {}; o[1n] = 'a'; return o['1'] + Object.keys({ 2n: 0 }); })()"),
            "a2"
        );
    }
}

/// CreateDataProperty(o, i, v) on an Array whose element `i` lives in `elements` or is
/// the next one: ArrayDefineOwnProperty then comes down to OrdinaryDefineOwnProperty of a
/// default data property, which replaces an element (elements in `elements` are default
/// data properties), fills a hole with no entry in the property map of an extensible
/// array, or, at the end of `elements`, adds one (with `length` one more past it, if it is
/// writable). The results of `map`, `filter`, `Array.from`, `slice`, ... are made this way,
/// one element at a time, through the generic [[DefineOwnProperty]] before. `Err(v)`: the
/// generic algorithm answers.
pub(crate) fn create_element_fast(o: &Obj, i: u32, v: Value) -> Result<(), Value> {
    let mut d = o.borrow_mut();
    let ObjectKind::Array {
        length,
        length_writable,
    } = d.kind
    else {
        return Err(v);
    };
    let n = d.elements.len();
    let addable = d.extensible && (i as usize) <= n && !d.props.has_index_keys();
    match d.elements.get_mut(i as usize) {
        Some(slot) if !matches!(slot, Value::Empty) => {
            let old = std::mem::replace(slot, v);
            drop(d);
            drop(old);
            Ok(())
        }
        Some(_) | None if addable => {
            if i < length {
                match d.elements.get_mut(i as usize) {
                    Some(slot) => *slot = v,
                    None => d.elements.push(v),
                }
                Ok(())
            } else if length_writable && i == length && n == i as usize {
                d.elements.push(v);
                d.kind = ObjectKind::Array {
                    length: i + 1,
                    length_writable,
                };
                Ok(())
            } else {
                Err(v)
            }
        }
        _ => Err(v),
    }
}
