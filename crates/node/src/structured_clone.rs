//! `structuredClone(value)` (HTML's StructuredSerialize/Deserialize in one pass) for the values
//! tutorials clone: primitives, plain objects and arrays (class instances become plain
//! objects), Map, Set, Date, RegExp, Error, primitive wrappers, with shared references and
//! cycles preserved, plus ArrayBuffers (resizable ones stay resizable), SharedArrayBuffers,
//! typed arrays and DataViews (views keep sharing their cloned buffer) and the `transfer`
//! option for ArrayBuffers. Functions, symbols, promises, weak collections and the like
//! throw Node's `DataCloneError` (`X could not be cloned.`).
//! A cloned SharedArrayBuffer shares its memory with the original, as in Node.

use rustc_hash::FxHashMap;

use crate::prelude::*;
use jsgen_engine::builtins::array_buffer::{read_buffer, with_buffer, ArrayBufferData, DataBlock};
use jsgen_engine::builtins::data_view::DataViewData;
use jsgen_engine::builtins::typed_array::{typed_array_prototype_of, TypedArrayData};
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, PropKey};
use jsgen_engine::value::Value;

pub fn init(it: &mut Interp) {
    let f = it.native_fn("structuredClone", 2, structured_clone);
    jsgen_engine::builtins::define_global(it, "structuredClone", Value::Object(f));
}

fn structured_clone(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.is_empty() {
        let p = it.intrinsics.type_error_prototype.clone();
        return Err(Abrupt::Throw(crate::process::node_error(
            it,
            &p,
            "ERR_MISSING_ARGS",
            // Node 24 words it so (its own ERR_MISSING_ARGS quoting the whole sentence).
            "The \"The value argument must be specified\" argument must be specified",
        )));
    }
    let opts = a.get(1);
    if !matches!(opts, Value::Undefined | Value::Null | Value::Object(_)) {
        let p = it.intrinsics.type_error_prototype.clone();
        return Err(Abrupt::Throw(crate::process::node_error(
            it,
            &p,
            "ERR_INVALID_ARG_TYPE",
            "The \"options\" argument must be of type object.",
        )));
    }
    let mut memo = FxHashMap::default();
    // The transfer list: each ArrayBuffer's clone takes its bytes; the originals are
    // detached once the whole value has been cloned.
    let transferred = transfer_list(it, &opts, &mut memo)?;
    let result = clone(it, &a.get(0), &mut memo)?;
    for b in transferred {
        with_buffer(&b, |d| d.block = None);
    }
    Ok(result)
}

/// Reads `options.transfer` (a sequence of ArrayBuffers) and pre-clones each buffer into
/// `memo`; returns the buffers to detach.
fn transfer_list(
    it: &mut Interp,
    opts: &Value,
    memo: &mut FxHashMap<usize, Obj>,
) -> JsResult<Vec<Obj>> {
    let Value::Object(o) = opts else {
        return Ok(Vec::new());
    };
    let list = it.get(o, &jsgen_engine::static_key!("transfer"))?;
    if list.is_undefined() {
        return Ok(Vec::new());
    }
    if !list.is_object() {
        return Err(it.type_error(
            "Failed to execute 'structuredClone': transfer in Options cannot be converted to sequence.",
        ));
    }
    let items = it.iterable_to_list(&list)?;
    let mut out: Vec<Obj> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Object(b) = item else {
            return Err(it.type_error(format!(
                "Failed to execute 'structuredClone': transfer in Options[{i}] is not an object."
            )));
        };
        let detachable = read_buffer(b, |d| !d.shared).unwrap_or(false);
        if !detachable {
            return Err(dom_exception(
                it,
                "DataCloneError",
                25,
                "Found invalid value in transferList.",
            ));
        }
        if out.iter().any(|x| Obj::ptr_eq(x, b)) {
            return Err(dom_exception(
                it,
                "DataCloneError",
                25,
                "Transfer list contains duplicate ArrayBuffer",
            ));
        }
        let Some(copy) = clone_buffer(it, b) else {
            return Err(dom_exception(
                it,
                "DataCloneError",
                25,
                "An ArrayBuffer is detached and could not be transferred.",
            ));
        };
        memo.insert(b.addr(), copy);
        out.push(b.clone());
    }
    Ok(out)
}

/// A new buffer of the same kind as `b` (`None` if detached): an ArrayBuffer gets a copy of
/// the bytes, a SharedArrayBuffer shares its data block.
fn clone_buffer(it: &mut Interp, b: &Obj) -> Option<Obj> {
    let (block, max, shared) = read_buffer(b, |d| {
        let block = if d.shared {
            d.block.clone()
        } else {
            d.bytes().map(|bytes| DataBlock::new(bytes.clone()))
        };
        (block, d.max_byte_length, d.shared)
    })?;
    let proto = if shared {
        it.intrinsics.shared_array_buffer_prototype.clone()
    } else {
        it.intrinsics.array_buffer_prototype.clone()
    };
    Some(Obj::new(
        Some(proto),
        ObjectKind::ArrayBuffer(Box::new(ArrayBufferData {
            block: Some(block?),
            max_byte_length: max,
            shared,
            detach_key: Value::Undefined,
        })),
    ))
}

fn detached_clone_error(it: &mut Interp) -> Abrupt {
    dom_exception(
        it,
        "DataCloneError",
        25,
        "An ArrayBuffer is detached and could not be cloned.",
    )
}

/// A `DOMException` named `DataCloneError` (code 25).
pub fn data_clone_error(it: &mut Interp, what: &str) -> Abrupt {
    dom_exception(
        it,
        "DataCloneError",
        25,
        &format!("{what} could not be cloned."),
    )
}

/// A `DOMException` (the global's class, `node:internal/per_context/domexception`) thrown.
pub fn dom_exception(it: &mut Interp, name: &str, _code: u32, message: &str) -> Abrupt {
    match new_dom_exception(it, name, message) {
        Ok(v) => Abrupt::Throw(v),
        Err(e) => e,
    }
}

/// `new DOMException(message, name)`.
pub fn new_dom_exception(it: &mut Interp, name: &str, message: &str) -> JsResult<Value> {
    let m = crate::require::require_core(it, DOM_EXCEPTION_MODULE, "node:internal")?;
    let Value::Object(m) = m else {
        return Err(it.type_error("DOMException is unavailable"));
    };
    let ctor = it.get(&m, &jsgen_engine::static_key!("DOMException"))?;
    let Value::Object(ctor) = ctor else {
        return Err(it.type_error("DOMException is unavailable"));
    };
    it.construct(&ctor, &[Value::from(message), Value::from(name)], None)
}

const DOM_EXCEPTION_MODULE: &str = "internal/per_context/domexception";

/// The clone of `o` if it is a DOMException (name, message and stack, as Node's
/// `[kDeserialize]`); `None` for anything else. No DOMException exists before its module
/// is loaded, so this loads nothing.
fn clone_dom_exception(it: &mut Interp, o: &Obj) -> JsResult<Option<Value>> {
    let loaded = it
        .node_mut()
        .host
        .modules
        .iter()
        .any(|(n, _)| n == DOM_EXCEPTION_MODULE);
    if !loaded {
        return Ok(None);
    }
    let m = crate::require::require_core(it, DOM_EXCEPTION_MODULE, "node:internal")?;
    let Value::Object(m) = m else {
        return Ok(None);
    };
    let f = it.get(&m, &jsgen_engine::static_key!("cloneDOMException"))?;
    let c = it.call(&f, &Value::Undefined, &[Value::Object(o.clone())])?;
    Ok(if c.is_undefined() { None } else { Some(c) })
}

/// Node's platform objects that serialize to nothing (`URL`, `URLSearchParams`): V8's
/// serializer throws "Cannot clone object of unsupported type." for them. Reads the classes
/// only if their module is loaded (no instance exists otherwise), without running code.
fn is_uncloneable_platform_object(it: &mut Interp, o: &Obj) -> bool {
    let module = it
        .node_mut()
        .host
        .modules
        .iter()
        .find(|(n, _)| n == "internal/url")
        .map(|(_, m)| m.clone());
    let Some(Value::Object(m)) = module else {
        return false;
    };
    let Some(Value::Object(exports)) = m.get_own_data(&jsgen_engine::static_key!("exports")) else {
        return false;
    };
    let protos: Vec<Obj> = ["URL", "URLSearchParams"]
        .iter()
        .filter_map(|c| match exports.get_own_data(&PropKey::from(*c)) {
            Some(Value::Object(ctor)) => {
                match ctor.get_own_data(&jsgen_engine::static_key!("prototype")) {
                    Some(Value::Object(p)) => Some(p),
                    _ => None,
                }
            }
            _ => None,
        })
        .collect();
    let mut cur = o.proto();
    let mut depth = 0;
    while let Some(p) = cur {
        if protos.iter().any(|q| Obj::ptr_eq(q, &p)) {
            return true;
        }
        depth += 1;
        if depth > 1000 || p.is_proxy() {
            return false;
        }
        cur = p.proto();
    }
    false
}

fn ctor_of(proto: &Obj) -> Option<Obj> {
    match proto.get_own_data(&jsgen_engine::static_key!("constructor")) {
        Some(Value::Object(c)) => Some(c),
        _ => None,
    }
}

fn construct(it: &mut Interp, proto: &Obj, args: &[Value]) -> JsResult<Obj> {
    let Some(c) = ctor_of(proto) else {
        return Err(it.type_error("structuredClone: missing constructor"));
    };
    match it.construct(&c, args, None)? {
        Value::Object(o) => Ok(o),
        _ => Err(it.type_error("structuredClone: constructor returned a primitive")),
    }
}

fn clone(it: &mut Interp, v: &Value, memo: &mut FxHashMap<usize, Obj>) -> JsResult<Value> {
    let o = match v {
        Value::Symbol(_) => {
            let s = it.to_string_lossy(v);
            return Err(data_clone_error(it, &s));
        }
        Value::Object(o) => o.clone(),
        _ => return Ok(v.clone()),
    };
    if let Some(c) = memo.get(&o.addr()) {
        return Ok(Value::Object(c.clone()));
    }
    if is_uncloneable_platform_object(it, &o) {
        return Err(dom_exception(
            it,
            "DataCloneError",
            25,
            "Cannot clone object of unsupported type.",
        ));
    }
    if let Some(c) = clone_dom_exception(it, &o)? {
        if let Value::Object(co) = &c {
            memo.insert(o.addr(), co.clone());
        }
        return Ok(c);
    }
    enum Shape {
        Plain,
        Array(u32),
        Map(Vec<(Value, Value)>),
        Set(Vec<Value>),
        Date(f64),
        RegExp(Value, Value),
        Error,
        Boxed(Value),
        Buffer,
        TypedArray(TypedArrayData),
        DataView(DataViewData),
        Uncloneable,
    }
    let shape = match &o.borrow().kind {
        ObjectKind::Ordinary | ObjectKind::Instance(_) | ObjectKind::Arguments(_) => Shape::Plain,
        ObjectKind::Array { length, .. } => Shape::Array(*length),
        ObjectKind::Map(m) => Shape::Map(m.entries.iter().flatten().cloned().collect()),
        ObjectKind::Set(m) => Shape::Set(m.entries.iter().flatten().map(|e| e.0.clone()).collect()),
        ObjectKind::Date(t) => Shape::Date(*t),
        ObjectKind::RegExp(r) => Shape::RegExp(
            Value::String(r.source.clone()),
            Value::String(r.flags.clone()),
        ),
        ObjectKind::Error => Shape::Error,
        ObjectKind::Boolean(b) => Shape::Boxed(Value::Bool(*b)),
        ObjectKind::Number(n) => Shape::Boxed(Value::Number(*n)),
        ObjectKind::String(s) => Shape::Boxed(Value::String(s.clone())),
        ObjectKind::BigInt(b) => Shape::Boxed(Value::BigInt(b.clone())),
        ObjectKind::ArrayBuffer(_) => Shape::Buffer,
        ObjectKind::TypedArray(ta) => Shape::TypedArray((**ta).clone()),
        ObjectKind::DataView(d) => Shape::DataView((**d).clone()),
        _ => Shape::Uncloneable,
    };
    // V8's serializer writes own properties for plain objects and arrays only: a Map, Set,
    // Date, RegExp or boxed primitive is its contents alone.
    let copy_props = matches!(shape, Shape::Plain | Shape::Array(_));
    let out = match shape {
        Shape::Uncloneable => {
            let what = if o.is_callable() {
                let f = Value::Object(o.clone());
                let ts = it.get(
                    &it.intrinsics.function_prototype.clone(),
                    &jsgen_engine::static_key!("toString"),
                )?;
                let s = it.call(&ts, &f, &[])?;
                it.to_string(&s)?.to_rust_string()
            } else {
                let name = o
                    .proto()
                    .and_then(|p| ctor_of(&p))
                    .and_then(|c| c.get_own_data(&jsgen_engine::static_key!("name")))
                    .map(|n| it.to_string_lossy(&n))
                    .unwrap_or_else(|| "Object".into());
                format!("#<{name}>")
            };
            return Err(data_clone_error(it, &what));
        }
        Shape::Buffer => {
            let Some(b) = clone_buffer(it, &o) else {
                return Err(detached_clone_error(it));
            };
            memo.insert(o.addr(), b.clone());
            return Ok(Value::Object(b));
        }
        // A view is its (cloned) buffer plus its type, offset and length; own properties
        // are not serialized.
        Shape::TypedArray(mut ta) => {
            if ta.length().is_none() {
                return Err(detached_clone_error(it));
            }
            let Value::Object(buffer) = clone(it, &Value::Object(ta.buffer.clone()), memo)? else {
                return Err(detached_clone_error(it));
            };
            ta.buffer = buffer;
            let proto = typed_array_prototype_of(&it.intrinsics, ta.ty);
            let view = it.make_typed_array(proto, ta);
            memo.insert(o.addr(), view.clone());
            return Ok(Value::Object(view));
        }
        Shape::DataView(mut d) => {
            if d.view_byte_length().is_none() {
                return Err(detached_clone_error(it));
            }
            let Value::Object(buffer) = clone(it, &Value::Object(d.buffer.clone()), memo)? else {
                return Err(detached_clone_error(it));
            };
            d.buffer = buffer;
            let view = Obj::new(
                Some(it.intrinsics.data_view_prototype.clone()),
                ObjectKind::DataView(Box::new(d)),
            );
            memo.insert(o.addr(), view.clone());
            return Ok(Value::Object(view));
        }
        Shape::Plain => it.new_object(),
        Shape::Array(len) => {
            let arr = it.new_array(Vec::new());
            it.set(
                &arr,
                jsgen_engine::static_key!("length"),
                Value::from(len),
                true,
            )?;
            arr
        }
        Shape::Map(entries) => {
            let proto = it.intrinsics.map_prototype.clone();
            let m = construct(it, &proto, &[])?;
            memo.insert(o.addr(), m.clone());
            let set = it.get(&m, &jsgen_engine::static_key!("set"))?;
            for (k, val) in entries {
                let k = clone(it, &k, memo)?;
                let val = clone(it, &val, memo)?;
                it.call(&set, &Value::Object(m.clone()), &[k, val])?;
            }
            m
        }
        Shape::Set(values) => {
            let proto = it.intrinsics.set_prototype.clone();
            let s = construct(it, &proto, &[])?;
            memo.insert(o.addr(), s.clone());
            let add = it.get(&s, &jsgen_engine::static_key!("add"))?;
            for val in values {
                let val = clone(it, &val, memo)?;
                it.call(&add, &Value::Object(s.clone()), &[val])?;
            }
            s
        }
        Shape::Date(t) => {
            let proto = it.intrinsics.date_prototype.clone();
            construct(it, &proto, &[Value::Number(t)])?
        }
        Shape::RegExp(src, flags) => {
            let proto = it.intrinsics.regexp_prototype.clone();
            construct(it, &proto, &[src, flags])?
        }
        Shape::Boxed(p) => it.to_object(&p)?,
        Shape::Error => {
            // name (one of the standard ones), message, stack, cause.
            let name = it.get(&o, &jsgen_engine::static_key!("name"))?;
            let name = it.to_string(&name)?.to_rust_string();
            let proto = match name.as_str() {
                "TypeError" => it.intrinsics.type_error_prototype.clone(),
                "RangeError" => it.intrinsics.range_error_prototype.clone(),
                "ReferenceError" => it.intrinsics.reference_error_prototype.clone(),
                "SyntaxError" => it.intrinsics.syntax_error_prototype.clone(),
                "EvalError" => it.intrinsics.eval_error_prototype.clone(),
                "URIError" => it.intrinsics.uri_error_prototype.clone(),
                _ => it.intrinsics.error_prototype.clone(),
            };
            let e = Obj::new(Some(proto), ObjectKind::Error);
            memo.insert(o.addr(), e.clone());
            for k in ["message", "stack", "cause"] {
                if let Some(p) = o.get_own_property(&PropKey::from(k)) {
                    let _ = p;
                    let val = it.get(&o, &PropKey::from(k))?;
                    let val = if k == "cause" {
                        clone(it, &val, memo)?
                    } else {
                        Value::from(it.to_string(&val)?)
                    };
                    e.define(k, val, Attrs::HIDDEN);
                }
            }
            return Ok(Value::Object(e));
        }
    };
    memo.insert(o.addr(), out.clone());
    if !copy_props {
        return Ok(Value::Object(out));
    }
    // Own enumerable string-keyed properties (getters are called), in order.
    // Proxies are uncloneable (above), so these reads run no traps.
    for k in it.own_property_keys(&o)? {
        if matches!(k, PropKey::Sym(_)) {
            continue;
        }
        let Some(p) = o.get_own_property(&k) else {
            continue;
        };
        if !p.attrs.enumerable() {
            continue;
        }
        let val = it.get(&o, &k)?;
        let val = clone(it, &val, memo)?;
        it.create_data_property_or_throw(&out, k, val)?;
    }
    Ok(Value::Object(out))
}
