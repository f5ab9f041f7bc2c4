//! `Proxy`: the constructor and `Proxy.revocable` (§28.2). The exotic object's internal
//! methods are in `interp::proxy`.

use crate::interp::proxy::revoke_proxy;
use crate::interp::{Args, Interp, JsResult};
use crate::object::ObjectKind;
use crate::value::Value;

pub fn init(it: &mut Interp) {
    // %Proxy% has no "prototype" property.
    let ctor = it.native_fn_with("Proxy", 2, proxy_constructor, true, Vec::new());
    it.define_method(&ctor, "revocable", 2, proxy_revocable);
    super::define_global(it, "Proxy", Value::Object(ctor));
}

/// Proxy(target, handler).
fn proxy_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Proxy requires 'new'"));
    }
    // 2. Return ? ProxyCreate(target, handler).
    Ok(Value::Object(it.proxy_create(&a.get(0), &a.get(1))?))
}

/// Proxy.revocable(target, handler).
fn proxy_revocable(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let proxy be ? ProxyCreate(target, handler).
    let proxy = it.proxy_create(&a.get(0), &a.get(1))?;
    // 2-4. The revoker: an anonymous built-in function with [[RevocableProxy]] = proxy.
    let revoker = it.native_fn_with(
        "",
        0,
        proxy_revoker,
        false,
        vec![Value::Object(proxy.clone())],
    );
    // 5-7. { proxy, revoke }.
    let result = it.new_object();
    it.create_data_property_or_throw(&result, static_key!("proxy"), Value::Object(proxy))?;
    it.create_data_property_or_throw(&result, static_key!("revoke"), Value::Object(revoker))?;
    Ok(Value::Object(result))
}

/// A Proxy revocation function.
fn proxy_revoker(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-3. Let p be F.[[RevocableProxy]]; if null, return undefined; set it to null.
    let p = match &mut a.callee.borrow_mut().kind {
        ObjectKind::Native(n) => n.captures.pop(),
        _ => None,
    };
    // 4-6. Set p.[[ProxyTarget]] and p.[[ProxyHandler]] to null.
    if let Some(Value::Object(p)) = p {
        revoke_proxy(&p);
    }
    Ok(Value::Undefined)
}
