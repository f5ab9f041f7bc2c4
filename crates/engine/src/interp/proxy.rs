//! Proxy exotic objects (ECMAScript §10.5): the thirteen internal methods, each calling its
//! handler trap and enforcing the spec's invariants against the target, plus ProxyCreate.
//!
//! A proxy is an object cell of kind [`ObjectKind::Proxy`] whose own storage is empty, whose
//! `proto` is `None` and which is marked non-extensible, so code that reads `ObjectData`
//! directly sees an inert object. The interpreter-level internal methods in `ops.rs`
//! (`get_with_receiver`, `set_with_receiver`, `has_property`, `define_own_property`,
//! `get_own_property`, `delete_property`, `own_property_keys`, `get_prototype_of`,
//! `set_prototype_of`, `is_extensible`, `prevent_extensions`) and `call_obj`/`construct`
//! dispatch here when they meet a proxy. No `RefCell` borrow is held across a trap call:
//! target and handler are cloned out first.

use crate::builtins::object::{from_property_descriptor, to_property_descriptor};
use std::rc::Rc;

use crate::interp::module::namespace_of;
use crate::interp::{Interp, JsResult};
use crate::object::{
    validate_property_descriptor, Attrs, Obj, ObjectData, ObjectKind, Prop, PropKey,
    PropertyDescriptor, Slot,
};
use crate::value::Value;

use super::ops::key_display;

/// \[\[ProxyTarget\]\] and \[\[ProxyHandler\]\] (both `None` once revoked), and whether the proxy has
/// \[\[Call\]\] / \[\[Construct\]\] (fixed at creation from the target).
#[derive(Debug)]
pub struct ProxyData {
    pub target: Option<Obj>,
    pub handler: Option<Obj>,
    pub callable: bool,
    pub constructor: bool,
    /// A module namespace exotic object (`module.rs`) is a proxy whose internal methods are
    /// the namespace's own: no trap runs, and scripts cannot tell it from a namespace.
    pub namespace: Option<Rc<crate::interp::module::NamespaceData>>,
}

/// The target of a live proxy (`None` for non-proxies and revoked proxies). For inspect,
/// which prints a proxy as its target without running traps.
pub fn proxy_target(o: &Obj) -> Option<Option<Obj>> {
    match &o.borrow().kind {
        ObjectKind::Proxy(p) => Some(p.target.clone()),
        _ => None,
    }
}

/// Revokes a proxy: \[\[ProxyTarget\]\] and \[\[ProxyHandler\]\] become null.
pub fn revoke_proxy(o: &Obj) {
    if let ObjectKind::Proxy(p) = &mut o.borrow_mut().kind {
        p.target = None;
        p.handler = None;
    }
}

fn complete_property_descriptor(desc: &PropertyDescriptor) -> Prop {
    let enumerable = desc.enumerable.unwrap_or(false);
    let configurable = desc.configurable.unwrap_or(false);
    if desc.is_accessor() {
        Prop {
            slot: Slot::accessor(desc.get.clone().flatten(), desc.set.clone().flatten()),
            attrs: Attrs::new(false, enumerable, configurable),
        }
    } else {
        Prop::data(
            desc.value.clone().unwrap_or(Value::Undefined),
            Attrs::new(desc.writable.unwrap_or(false), enumerable, configurable),
        )
    }
}

fn is_data_prop(p: &Prop) -> bool {
    matches!(p.slot, Slot::Data(_))
}

impl Interp {
    /// ProxyCreate(target, handler).
    pub fn proxy_create(&mut self, target: &Value, handler: &Value) -> JsResult<Obj> {
        let (Value::Object(t), Value::Object(h)) = (target, handler) else {
            return Err(
                self.type_error("Cannot create proxy with a non-object as target or handler")
            );
        };
        let (callable, constructor) = (t.is_callable(), t.is_constructor());
        let mut data = ObjectData::new(
            None,
            ObjectKind::Proxy(Box::new(ProxyData {
                target: Some(t.clone()),
                handler: Some(h.clone()),
                callable,
                constructor,
                namespace: None,
            })),
        );
        data.extensible = false;
        Ok(Obj::from_data(data))
    }

    /// ValidateNonRevokedProxy, returning (target, handler). `op` names the operation as V8
    /// does in its message.
    pub fn validate_non_revoked_proxy(&mut self, p: &Obj, op: &str) -> JsResult<(Obj, Obj)> {
        let th = match &p.borrow().kind {
            ObjectKind::Proxy(d) => match (&d.target, &d.handler) {
                (Some(t), Some(h)) => Some((t.clone(), h.clone())),
                _ => None,
            },
            _ => None,
        };
        match th {
            Some(th) => Ok(th),
            None => Err(self.type_error(format!(
                "Cannot perform '{op}' on a proxy that has been revoked"
            ))),
        }
    }

    /// Steps 1-5 of every proxy internal method: the target, the handler and the trap
    /// (GetMethod(handler, name); `None` if undefined/null).
    fn proxy_trap(&mut self, p: &Obj, name: &str) -> JsResult<(Obj, Obj, Option<Obj>)> {
        // Chains of proxies recurse on the native stack without calls into script.
        if super::function::stack_is_low() {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let (target, handler) = self.validate_non_revoked_proxy(p, name)?;
        let trap = self.get(&handler, &PropKey::from(name))?;
        let trap = match trap {
            Value::Undefined | Value::Null => None,
            Value::Object(f) if f.is_callable() => Some(f),
            other => {
                let s = crate::builtins::object::no_side_effects_to_string(self, &other);
                let h = crate::builtins::object::no_side_effects_to_string(
                    self,
                    &Value::Object(handler.clone()),
                );
                return Err(self.type_error(format!(
                    "'{s}' returned for property '{name}' of object '{h}' is not a function"
                )));
            }
        };
        Ok((target, handler, trap))
    }

    /// \[\[GetPrototypeOf\]\] (§10.5.1).
    pub fn proxy_get_prototype_of(&mut self, p: &Obj) -> JsResult<Option<Obj>> {
        if namespace_of(p).is_some() {
            return Ok(None);
        }
        let (target, handler, trap) = self.proxy_trap(p, "getPrototypeOf")?;
        let Some(trap) = trap else {
            return self.get_prototype_of(&target);
        };
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[Value::Object(target.clone())],
        )?;
        let handler_proto = match r {
            Value::Object(o) => Some(o),
            Value::Null => None,
            _ => {
                return Err(self.type_error(
                    "'getPrototypeOf' on proxy: trap returned neither object nor null",
                ))
            }
        };
        if self.is_extensible(&target)? {
            return Ok(handler_proto);
        }
        let target_proto = self.get_prototype_of(&target)?;
        if !opt_same(&handler_proto, &target_proto) {
            return Err(self.type_error(
                "'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype",
            ));
        }
        Ok(handler_proto)
    }

    /// \[\[SetPrototypeOf\]\](V) (§10.5.2).
    pub fn proxy_set_prototype_of(&mut self, p: &Obj, v: Option<Obj>) -> JsResult<bool> {
        if namespace_of(p).is_some() {
            return Ok(v.is_none());
        }
        let (target, handler, trap) = self.proxy_trap(p, "setPrototypeOf")?;
        let Some(trap) = trap else {
            return self.set_prototype_of(&target, v);
        };
        let vv = v.clone().map(Value::Object).unwrap_or(Value::Null);
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[Value::Object(target.clone()), vv],
        )?;
        if !r.to_boolean() {
            return Ok(false);
        }
        if self.is_extensible(&target)? {
            return Ok(true);
        }
        let target_proto = self.get_prototype_of(&target)?;
        if !opt_same(&v, &target_proto) {
            return Err(self.type_error(
                "'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target",
            ));
        }
        Ok(true)
    }

    /// \[\[IsExtensible\]\] (§10.5.3).
    pub fn proxy_is_extensible(&mut self, p: &Obj) -> JsResult<bool> {
        if namespace_of(p).is_some() {
            return Ok(false);
        }
        let (target, handler, trap) = self.proxy_trap(p, "isExtensible")?;
        let Some(trap) = trap else {
            return self.is_extensible(&target);
        };
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[Value::Object(target.clone())],
            )?
            .to_boolean();
        let target_result = self.is_extensible(&target)?;
        if r != target_result {
            return Err(self.type_error(format!(
                "'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '{target_result}')"
            )));
        }
        Ok(r)
    }

    /// \[\[PreventExtensions\]\] (§10.5.4).
    pub fn proxy_prevent_extensions(&mut self, p: &Obj) -> JsResult<bool> {
        if namespace_of(p).is_some() {
            return Ok(true);
        }
        let (target, handler, trap) = self.proxy_trap(p, "preventExtensions")?;
        let Some(trap) = trap else {
            return self.prevent_extensions(&target);
        };
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[Value::Object(target.clone())],
            )?
            .to_boolean();
        if r && self.is_extensible(&target)? {
            return Err(self.type_error(
                "'preventExtensions' on proxy: trap returned truish but the proxy target is extensible",
            ));
        }
        Ok(r)
    }

    /// \[\[GetOwnProperty\]\](P) (§10.5.5).
    pub fn proxy_get_own_property(&mut self, p: &Obj, key: &PropKey) -> JsResult<Option<Prop>> {
        if let Some(ns) = namespace_of(p) {
            return self.ns_get_own_property(&ns, key);
        }
        let (target, handler, trap) = self.proxy_trap(p, "getOwnPropertyDescriptor")?;
        let Some(trap) = trap else {
            return self.get_own_property(&target, key);
        };
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[Value::Object(target.clone()), key.to_value()],
        )?;
        let k = key_display(key);
        if !matches!(r, Value::Object(_) | Value::Undefined) {
            return Err(self.type_error(format!(
                "'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '{k}'"
            )));
        }
        let target_desc = self.get_own_property(&target, key)?;
        if r.is_undefined() {
            let Some(td) = target_desc else {
                return Ok(None);
            };
            if !td.attrs.configurable() {
                return Err(self.type_error(format!(
                    "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{k}' which is non-configurable in the proxy target"
                )));
            }
            if !self.is_extensible(&target)? {
                return Err(self.type_error(format!(
                    "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{k}' which exists in the non-extensible proxy target"
                )));
            }
            return Ok(None);
        }
        let extensible_target = self.is_extensible(&target)?;
        let result_desc = to_property_descriptor(self, &r)?;
        let result = complete_property_descriptor(&result_desc);
        let completed = PropertyDescriptor::from_prop(&result);
        if !validate_property_descriptor(extensible_target, &completed, target_desc.as_ref()) {
            return Err(self.type_error(format!(
                "'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '{k}' that is incompatible with the existing property in the proxy target"
            )));
        }
        if !result.attrs.configurable() {
            match &target_desc {
                Some(td) if !td.attrs.configurable() => {
                    if is_data_prop(&result) && !result.attrs.writable() && td.attrs.writable() {
                        return Err(self.type_error(format!(
                            "'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '{k}' which is non-configurable, non-writable in the proxy target"
                        )));
                    }
                }
                _ => {
                    return Err(self.type_error(format!(
                        "'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '{k}' which is either non-existent or configurable in the proxy target"
                    )))
                }
            }
        }
        Ok(Some(result))
    }

    /// \[\[DefineOwnProperty\]\](P, Desc) (§10.5.6).
    pub fn proxy_define_own_property(
        &mut self,
        p: &Obj,
        key: PropKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        if let Some(ns) = namespace_of(p) {
            return self.ns_define_own_property(&ns, &key, &desc);
        }
        let (target, handler, trap) = self.proxy_trap(p, "defineProperty")?;
        let Some(trap) = trap else {
            return self.define_own_property(&target, key, desc);
        };
        let desc_obj = from_property_descriptor(self, Some(&desc));
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[Value::Object(target.clone()), key.to_value(), desc_obj],
            )?
            .to_boolean();
        if !r {
            return Ok(false);
        }
        let target_desc = self.get_own_property(&target, &key)?;
        let extensible_target = self.is_extensible(&target)?;
        let setting_config_false = desc.configurable == Some(false);
        let k = key_display(&key);
        match target_desc {
            None => {
                if !extensible_target {
                    return Err(self.type_error(format!(
                        "'defineProperty' on proxy: trap returned truish for adding property '{k}'  to the non-extensible proxy target"
                    )));
                }
                if setting_config_false {
                    return Err(self.type_error(format!(
                        "'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target"
                    )));
                }
            }
            Some(td) => {
                if !validate_property_descriptor(extensible_target, &desc, Some(&td)) {
                    return Err(self.type_error(format!(
                        "'defineProperty' on proxy: trap returned truish for adding property '{k}'  that is incompatible with the existing property in the proxy target"
                    )));
                }
                if setting_config_false && td.attrs.configurable() {
                    return Err(self.type_error(format!(
                        "'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target"
                    )));
                }
                if is_data_prop(&td)
                    && !td.attrs.configurable()
                    && td.attrs.writable()
                    && desc.writable == Some(false)
                {
                    return Err(self.type_error(format!(
                        "'defineProperty' on proxy: trap returned truish for defining non-configurable property '{k}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object."
                    )));
                }
            }
        }
        Ok(true)
    }

    /// \[\[HasProperty\]\](P) (§10.5.7).
    pub fn proxy_has(&mut self, p: &Obj, key: &PropKey) -> JsResult<bool> {
        if let Some(ns) = namespace_of(p) {
            return Ok(self.ns_has(&ns, key));
        }
        let (target, handler, trap) = self.proxy_trap(p, "has")?;
        let Some(trap) = trap else {
            return self.has_property(&target, key);
        };
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[Value::Object(target.clone()), key.to_value()],
            )?
            .to_boolean();
        if !r {
            if let Some(td) = self.get_own_property(&target, key)? {
                let k = key_display(key);
                if !td.attrs.configurable() {
                    return Err(self.type_error(format!(
                        "'has' on proxy: trap returned falsish for property '{k}' which exists in the proxy target as non-configurable"
                    )));
                }
                if !self.is_extensible(&target)? {
                    return Err(self.type_error(format!(
                        "'has' on proxy: trap returned falsish for property '{k}' but the proxy target is not extensible"
                    )));
                }
            }
        }
        Ok(r)
    }

    /// \[\[Get\]\](P, Receiver) (§10.5.8).
    pub fn proxy_get(&mut self, p: &Obj, key: &PropKey, receiver: &Value) -> JsResult<Value> {
        if let Some(ns) = namespace_of(p) {
            return self.ns_get(&ns, key);
        }
        let (target, handler, trap) = self.proxy_trap(p, "get")?;
        let Some(trap) = trap else {
            return self.get_with_receiver(&target, key, receiver);
        };
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[
                Value::Object(target.clone()),
                key.to_value(),
                receiver.clone(),
            ],
        )?;
        if let Some(td) = self.get_own_property(&target, key)? {
            if !td.attrs.configurable() {
                let k = key_display(key);
                match &td.slot {
                    Slot::Data(v) if !td.attrs.writable() && !r.same_value(v) => {
                        let (e, g) = (self.to_string_lossy(v), self.to_string_lossy(&r));
                        return Err(self.type_error(format!(
                            "'get' on proxy: property '{k}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{e}' but got '{g}')"
                        )));
                    }
                    Slot::Accessor(a) if a.get.is_none() && !r.is_undefined() => {
                        let g = self.to_string_lossy(&r);
                        return Err(self.type_error(format!(
                            "'get' on proxy: property '{k}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{g}')"
                        )));
                    }
                    _ => {}
                }
            }
        }
        Ok(r)
    }

    /// \[\[Set\]\](P, V, Receiver) (§10.5.9).
    pub fn proxy_set(
        &mut self,
        p: &Obj,
        key: PropKey,
        v: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        if namespace_of(p).is_some() {
            // A namespace's [[Set]] always fails.
            let _ = (key, v, receiver);
            return Ok(false);
        }
        let (target, handler, trap) = self.proxy_trap(p, "set")?;
        let Some(trap) = trap else {
            return self.set_with_receiver(&target, key, v, receiver);
        };
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[
                    Value::Object(target.clone()),
                    key.to_value(),
                    v.clone(),
                    receiver.clone(),
                ],
            )?
            .to_boolean();
        if !r {
            return Ok(false);
        }
        if let Some(td) = self.get_own_property(&target, &key)? {
            if !td.attrs.configurable() {
                let k = key_display(&key);
                match &td.slot {
                    Slot::Data(tv) if !td.attrs.writable() && !v.same_value(tv) => {
                        return Err(self.type_error(format!(
                            "'set' on proxy: trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable data property with a different value"
                        )));
                    }
                    Slot::Accessor(a) if a.set.is_none() => {
                        return Err(self.type_error(format!(
                            "'set' on proxy: trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter"
                        )));
                    }
                    _ => {}
                }
            }
        }
        Ok(true)
    }

    /// \[\[Delete\]\](P) (§10.5.10).
    pub fn proxy_delete(&mut self, p: &Obj, key: &PropKey) -> JsResult<bool> {
        if let Some(ns) = namespace_of(p) {
            return Ok(self.ns_delete(&ns, key));
        }
        let (target, handler, trap) = self.proxy_trap(p, "deleteProperty")?;
        let Some(trap) = trap else {
            return self.delete_property(&target, key);
        };
        let r = self
            .call_obj(
                &trap,
                &Value::Object(handler),
                &[Value::Object(target.clone()), key.to_value()],
            )?
            .to_boolean();
        if !r {
            return Ok(false);
        }
        let Some(td) = self.get_own_property(&target, key)? else {
            return Ok(true);
        };
        let k = key_display(key);
        if !td.attrs.configurable() {
            return Err(self.type_error(format!(
                "'deleteProperty' on proxy: trap returned truish for property '{k}' which is non-configurable in the proxy target"
            )));
        }
        if !self.is_extensible(&target)? {
            return Err(self.type_error(format!(
                "'deleteProperty' on proxy: trap returned truish for property '{k}' but the proxy target is non-extensible"
            )));
        }
        Ok(true)
    }

    /// \[\[OwnPropertyKeys\]\]() (§10.5.11).
    pub fn proxy_own_property_keys(&mut self, p: &Obj) -> JsResult<Vec<PropKey>> {
        if let Some(ns) = namespace_of(p) {
            return Ok(self.ns_own_keys(&ns));
        }
        let (target, handler, trap) = self.proxy_trap(p, "ownKeys")?;
        let Some(trap) = trap else {
            return self.own_property_keys(&target);
        };
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[Value::Object(target.clone())],
        )?;
        // CreateListFromArrayLike(trapResultArray, property-key).
        let Value::Object(arr) = &r else {
            return Err(self.type_error("CreateListFromArrayLike called on non-object"));
        };
        let len = self.length_of_array_like(arr)?;
        let mut keys: Vec<PropKey> = Vec::with_capacity(len.min(1 << 16) as usize);
        let mut seen = rustc_hash::FxHashSet::default();
        for i in 0..len {
            let v = self.get(arr, &super::ops::index_key(i))?;
            let k = match &v {
                Value::String(s) => PropKey::from_str(s),
                Value::Symbol(s) => PropKey::Sym(s.clone()),
                other => {
                    let s = self.to_string_lossy(other);
                    return Err(self.type_error(format!("{s} is not a valid property name")));
                }
            };
            if !seen.insert(k.clone()) {
                return Err(self.type_error("'ownKeys' on proxy: trap returned duplicate entries"));
            }
            keys.push(k);
        }
        let extensible_target = self.is_extensible(&target)?;
        let target_keys = self.own_property_keys(&target)?;
        let mut configurable = Vec::new();
        let mut nonconfigurable = Vec::new();
        for k in target_keys {
            match self.get_own_property(&target, &k)? {
                Some(d) if !d.attrs.configurable() => nonconfigurable.push(k),
                _ => configurable.push(k),
            }
        }
        if extensible_target && nonconfigurable.is_empty() {
            return Ok(keys);
        }
        let mut unchecked = seen;
        for k in nonconfigurable {
            if !unchecked.remove(&k) {
                let s = key_display(&k);
                return Err(self.type_error(format!(
                    "'ownKeys' on proxy: trap result did not include '{s}'"
                )));
            }
        }
        if extensible_target {
            return Ok(keys);
        }
        for k in configurable {
            if !unchecked.remove(&k) {
                let s = key_display(&k);
                return Err(self.type_error(format!(
                    "'ownKeys' on proxy: trap result did not include '{s}'"
                )));
            }
        }
        if !unchecked.is_empty() {
            return Err(self.type_error(
                "'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible",
            ));
        }
        Ok(keys)
    }

    /// \[\[Call\]\](thisArgument, argumentsList) (§10.5.12).
    pub fn proxy_call(&mut self, p: &Obj, this: &Value, args: &[Value]) -> JsResult<Value> {
        let (target, handler, trap) = self.proxy_trap(p, "apply")?;
        let Some(trap) = trap else {
            return self.call_obj(&target, this, args);
        };
        let arr = self.new_array(args.to_vec());
        self.call_obj(
            &trap,
            &Value::Object(handler),
            &[Value::Object(target), this.clone(), Value::Object(arr)],
        )
    }

    /// \[\[Construct\]\](argumentsList, newTarget) (§10.5.13).
    pub fn proxy_construct(
        &mut self,
        p: &Obj,
        args: &[Value],
        new_target: &Obj,
    ) -> JsResult<Value> {
        let (target, handler, trap) = self.proxy_trap(p, "construct")?;
        let Some(trap) = trap else {
            return self.construct(&target, args, Some(new_target));
        };
        let arr = self.new_array(args.to_vec());
        let r = self.call_obj(
            &trap,
            &Value::Object(handler),
            &[
                Value::Object(target),
                Value::Object(arr),
                Value::Object(new_target.clone()),
            ],
        )?;
        if !r.is_object() {
            let s = self.to_string_lossy(&r);
            return Err(self.type_error(format!(
                "'construct' on proxy: trap returned non-object ('{s}')"
            )));
        }
        Ok(r)
    }
}

fn opt_same(a: &Option<Obj>, b: &Option<Obj>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => Obj::ptr_eq(x, y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;

    #[test]
    fn traps_are_called_with_target_key_and_receiver() {
        assert_eq!(
            run("(() => { const log = []; const p = new Proxy({a: 1}, { get(t, k, r) { log.push(k, r === p); return t[k] * 2 } }); return [p.a, log] })()"),
            "2,a,true"
        );
        assert_eq!(
            run("(() => { const t = {}; const p = new Proxy(t, {}); p.x = 1; delete p.y; return [t.x, 'x' in p, Object.keys(p)] })()"),
            "1,true,x"
        );
        assert_eq!(
            run("(() => { const p = new Proxy({}, { has: (t, k) => k === 'h', ownKeys: () => ['b', 'a'], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) }); return ['h' in p, 'x' in p, Object.keys(p), JSON.stringify(Object.getOwnPropertyDescriptor(p, 'q'))] })()"),
            "true,false,b,a,{\"value\":1,\"writable\":false,\"enumerable\":true,\"configurable\":true}"
        );
    }

    #[test]
    fn callable_proxies() {
        assert_eq!(
            run("(() => { const f = new Proxy(function (a) { return a + 1 }, { apply: (t, th, args) => t(...args) * 10 }); return [typeof f, f(1), typeof new Proxy({}, {}), new (new Proxy(class { constructor(x) { this.x = x } }, {}))(3).x] })()"),
            "function,20,object,3"
        );
        assert_eq!(
            run("new (new Proxy(function () {}, { construct: () => 1 }))"),
            "TypeError: 'construct' on proxy: trap returned non-object ('1')"
        );
        assert_eq!(
            run("new Proxy({}, {})()"),
            "TypeError: (intermediate value) is not a function"
        );
    }

    #[test]
    fn revocation() {
        assert_eq!(
            run("(() => { const r = Proxy.revocable([], {}); r.revoke(); r.revoke(); return Array.isArray(r.proxy) })()"),
            "TypeError: Cannot perform 'IsArray' on a proxy that has been revoked"
        );
        assert_eq!(
            run("(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy.x })()"),
            "TypeError: Cannot perform 'get' on a proxy that has been revoked"
        );
        assert_eq!(
            run("Proxy({}, {})"),
            "TypeError: Constructor Proxy requires 'new'"
        );
        assert_eq!(
            run("new Proxy(1, {})"),
            "TypeError: Cannot create proxy with a non-object as target or handler"
        );
    }

    #[test]
    fn invariants() {
        let frozen = "Object.freeze({ x: 1 })";
        assert_eq!(
            run(&format!("new Proxy({frozen}, {{ get: () => 2 }}).x")),
            "TypeError: 'get' on proxy: property 'x' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '1' but got '2')"
        );
        assert_eq!(
            run(&format!("'x' in new Proxy({frozen}, {{ has: () => false }})")),
            "TypeError: 'has' on proxy: trap returned falsish for property 'x' which exists in the proxy target as non-configurable"
        );
        assert_eq!(
            run(&format!(
                "Object.keys(new Proxy({frozen}, {{ ownKeys: () => [] }}))"
            )),
            "TypeError: 'ownKeys' on proxy: trap result did not include 'x'"
        );
        assert_eq!(
            run("Object.keys(new Proxy({}, { ownKeys: () => ['a', 'a'] }))"),
            "TypeError: 'ownKeys' on proxy: trap returned duplicate entries"
        );
        assert_eq!(
            run("Object.isExtensible(new Proxy({}, { isExtensible: () => false }))"),
            "TypeError: 'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is 'true')"
        );
        assert_eq!(
            run("Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 }))"),
            "TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null"
        );
        assert_eq!(
            run("(() => { 'use strict'; new Proxy({}, { set: () => false }).x = 1 })()"),
            "TypeError: 'set' on proxy: trap returned falsish for property 'x'"
        );
        assert_eq!(
            run("Reflect.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', {})"),
            "false"
        );
    }

    #[test]
    fn reentrant_traps_do_not_hold_borrows() {
        // A trap that mutates and re-enters the proxy itself.
        assert_eq!(
            run("(() => { let depth = 0; const p = new Proxy({}, { get(t, k) { if (depth++ < 3) { p.y = depth; return p[k] } return t.y } , set(t, k, v) { t[k] = v; return true } }); return p.x })()"),
            "3"
        );
        // A deep chain of proxies works or ends in a RangeError, never a crash (on a big stack, as the
        // binary runs scripts: dropping the chain recurses too).
        let r = std::thread::Builder::new()
            .stack_size(512 << 20)
            .spawn(|| {
                run("(() => { let p = {}; for (let i = 0; i < 200000; i++) p = new Proxy(p, {}); return p.x })()")
            })
            .and_then(|h| h.join().map_err(|_| std::io::Error::other("panicked")));
        assert!(matches!(
            r.ok().as_deref(),
            Some("undefined" | "RangeError: Maximum call stack size exceeded")
        ));
    }
}
