//! Globals backed by a core module, loaded on first use.
//!
//! Node exposes `URL`, `TextEncoder`, `AbortController`, `Buffer`, `crypto`, ... on
//! `globalThis`, but most scripts touch none of them, and evaluating their JavaScript at
//! start-up would cost every `jsgen file.js` (the speed issue holds `jsgen -e ''` to `qjs`'s
//! start-up). So each is an accessor that, on its first read, loads the core module (once, via
//! the `require` cache) and takes the named export:
//!
//! - [`Lazy::Data`]: a data property with Node's attributes (what
//!   `Object.getOwnPropertyDescriptor(globalThis, 'URL')` shows in Node: writable,
//!   configurable, not enumerable), held as the engine's [`Slot::Lazy`] until its first read
//!   or descriptor lookup, so scripts never see the difference, and defining one costs no
//!   function objects at start-up (there are ~40). An enumerable one is the accessor below,
//!   replaced by a data property on first read.
//! - [`Lazy::Accessor`]: stays an accessor, as Node's own lazy globals (`Buffer`, `crypto`,
//!   `navigator`, `performance`) are; assigning replaces it with a data property, as in Node.

use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, ObjectKind, PropKey};
use jsgen_engine::value::Value;

use crate::NodeData;

/// How a lazy global looks once loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lazy {
    /// Becomes a data property (writable, configurable; enumerable as given).
    Data { enumerable: bool },
    /// Stays a getter/setter pair (configurable; enumerable as given).
    Accessor { enumerable: bool },
    /// Stays a getter with no setter (configurable; enumerable as given), as Node's
    /// `navigator`.
    Getter { enumerable: bool },
}

/// Defines `globalThis[name]` as the export `export` of core module `module`, loaded on first
/// read.
pub fn define_lazy_global(it: &mut Interp, name: &str, module: &str, export: &str, how: Lazy) {
    let enumerable = match how {
        Lazy::Data { enumerable } | Lazy::Accessor { enumerable } | Lazy::Getter { enumerable } => {
            enumerable
        }
    };
    if how == (Lazy::Data { enumerable: false }) {
        it.node_mut()
            .host
            .lazy_exports
            .insert(name.to_string(), (module.to_string(), export.to_string()));
        jsgen_engine::builtins::define_lazy_global(it, name, load_lazy_export);
        return;
    }
    let keep = matches!(how, Lazy::Accessor { .. } | Lazy::Getter { .. });
    let captures = vec![
        Value::from(name),
        Value::from(module),
        Value::from(export),
        Value::Bool(enumerable),
        Value::Bool(keep),
    ];
    let get = it.native_fn_with(
        &["get ", name].concat(),
        0,
        lazy_get,
        false,
        captures.clone(),
    );
    let set = match how {
        Lazy::Getter { .. } => None,
        _ => Some(it.native_fn_with(&["set ", name].concat(), 1, lazy_set, false, captures)),
    };
    it.global
        .define_accessor(name, Some(get), set, Attrs::new(false, enumerable, true));
}

struct Captured {
    name: String,
    module: String,
    export: String,
    enumerable: bool,
    keep: bool,
}

fn captured(a: &Args) -> Option<Captured> {
    let b = a.callee.borrow();
    let ObjectKind::Native(n) = &b.kind else {
        return None;
    };
    let s = |i: usize| match n.captures.get(i) {
        Some(Value::String(s)) => Some(s.to_rust_string()),
        _ => None,
    };
    let flag = |i: usize| matches!(n.captures.get(i), Some(Value::Bool(true)));
    Some(Captured {
        name: s(0)?,
        module: s(1)?,
        export: s(2)?,
        enumerable: flag(3),
        keep: flag(4),
    })
}

fn lazy_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(c) = captured(a) else {
        return Ok(Value::Undefined);
    };
    let exports = crate::require::require_core(it, &c.module, "node:internal")?;
    let value = match &exports {
        Value::Object(o) if !c.export.is_empty() => it.get(o, &PropKey::from(c.export.as_str()))?,
        _ => exports,
    };
    if !c.keep {
        it.global.define(
            c.name.as_str(),
            value.clone(),
            Attrs::new(true, c.enumerable, true),
        );
    }
    Ok(value)
}

/// The builder of a [`Lazy::Data`] global: the export of its core module (undefined if the
/// module failed to load, which only a broken build can make happen: core modules are part
/// of the binary).
/// `target[key]` as a data property (writable, enumerable, configurable) holding the lazy
/// export registered for `key` in `lazy_exports` (see `binding.defineLazyExport`).
pub fn define_lazy_export(target: &jsgen_engine::object::Obj, key: &str) {
    jsgen_engine::builtins::define_lazy(target, key, Attrs::DEFAULT, load_lazy_export);
}

fn load_lazy_export(it: &mut Interp, key: &PropKey) -> Value {
    let name = match key {
        PropKey::Str(s) => s.to_rust_string(),
        _ => return Value::Undefined,
    };
    let Some((module, export)) = it.node().host.lazy_exports.get(&name).cloned() else {
        return Value::Undefined;
    };
    let Ok(exports) = crate::require::require_core(it, &module, "node:internal") else {
        return Value::Undefined;
    };
    match &exports {
        Value::Object(o) if !export.is_empty() => it
            .get(o, &PropKey::from(export.as_str()))
            .unwrap_or(Value::Undefined),
        _ => exports,
    }
}

fn lazy_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if let Some(c) = captured(a) {
        it.global.define(
            c.name.as_str(),
            a.get(0),
            Attrs::new(true, c.enumerable, true),
        );
    }
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::{define_lazy_global, Lazy};
    use crate::event_loop::RejectionMode;
    use crate::prelude::*;
    use crate::run::{MainEnd, ScriptGoal};
    use crate::NodeData;

    fn run(code: &str) -> String {
        let mut it = crate::node_interp();
        define_lazy_global(
            &mut it,
            "lazyData",
            "util",
            "inspect",
            Lazy::Data { enumerable: false },
        );
        define_lazy_global(
            &mut it,
            "lazyKept",
            "util",
            "format",
            Lazy::Accessor { enumerable: true },
        );
        it.node_mut().console.capture = Some(Vec::new());
        let end = it.run_main("t.js", code, RejectionMode::Throw, ScriptGoal::CommonJs);
        assert!(matches!(end, MainEnd::Done));
        let out = it.node_mut().console.capture.take().unwrap_or_default();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn is_a_data_property_from_the_start() {
        // As in Node: the descriptor is already the data property (the engine's lazy slot
        // builds the value when the descriptor is read), never an accessor.
        let o = run(r#"
            const d = () => Object.getOwnPropertyDescriptor(globalThis, 'lazyData');
            console.log(typeof d().value, 'get' in d(), d().enumerable);
            console.log(lazyData === require('util').inspect);
            console.log(d().writable, d().enumerable, d().configurable, 'get' in d());
            lazyData = 3;
            console.log(lazyData, delete globalThis.lazyData, 'lazyData' in globalThis);
        "#);
        assert_eq!(
            o,
            "function false false\ntrue\ntrue false true false\n3 true false\n"
        );
    }

    #[test]
    fn accessor_kind_stays_and_assignment_replaces() {
        let o = run(r#"
            console.log(lazyKept('%d', 4), Object.keys(globalThis).includes('lazyKept'));
            console.log(typeof Object.getOwnPropertyDescriptor(globalThis, 'lazyKept').get);
            lazyKept = 5;
            console.log(lazyKept, Object.getOwnPropertyDescriptor(globalThis, 'lazyKept').writable);
        "#);
        assert_eq!(o, "4 true\nfunction\n5 true\n");
    }
}
