//! CommonJS for the main script: `require`, `module`, `exports`, `__filename`, `__dirname`.
//!
//! Only Node's core modules that need no host access exist (`src/builtins/node/`); every
//! other name, including `fs`, `child_process`, `net`, `http`, throws Node's
//! `Error: Cannot find module 'x'` with `code: 'MODULE_NOT_FOUND'` (see DESIGN.md). There is
//! no file loading. Code that runs as a module (top-level `await`) gets none of these names,
//! as in Node.

use crate::interp::{Abrupt, Args, Interp, JsResult};
use crate::object::{Attrs, Obj, PropKey};
use crate::value::Value;

/// Defines the CommonJS bindings of the main script as (non-enumerable, configurable)
/// globals: a script can shadow them with its own declarations.
pub fn install_commonjs(it: &mut Interp, filename: &str) {
    let [exports, require, module, filename, dirname] = commonjs_wrapper_args(it, filename);
    super::define_global(it, "require", require);
    super::define_global(it, "module", module);
    super::define_global(it, "exports", exports);
    super::define_global(it, "__filename", filename);
    super::define_global(it, "__dirname", dirname);
}

/// The arguments Node's CommonJS wrapper passes to a module's code, in its order:
/// `(exports, require, module, __filename, __dirname)`.
pub fn commonjs_wrapper_args(it: &mut Interp, filename: &str) -> [Value; 5] {
    let (module, exports, require) = make_require_and_module(it, filename);
    let dirname = dirname_of(filename);
    [
        Value::Object(exports),
        Value::Object(require),
        Value::Object(module),
        Value::from(filename),
        Value::from(dirname.as_str()),
    ]
}

/// The REPL's CommonJS bindings: `require` (resolving from the working directory, as Node's
/// REPL does) and `module`; Node's REPL has no `exports`, `__filename` or `__dirname`.
pub fn install_repl_commonjs(it: &mut Interp) {
    let cwd = std::env::current_dir()
        .map(|p| p.join("<repl>").to_string_lossy().into_owned())
        .unwrap_or_else(|_| "<repl>".into());
    let (module, _, require) = make_require_and_module(it, &cwd);
    super::define_global(it, "require", Value::Object(require));
    super::define_global(it, "module", Value::Object(module));
}

fn dirname_of(filename: &str) -> String {
    match filename.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => filename[..i].to_string(),
        None => ".".to_string(),
    }
}

/// Makes `module`, `module.exports` and `require` for code in `filename`.
fn make_require_and_module(it: &mut Interp, filename: &str) -> (Obj, Obj, Obj) {
    let dirname = dirname_of(filename);
    let module = it.new_object();
    let exports = it.new_object();
    module.define("id", Value::from("."), Attrs::DEFAULT);
    module.define("path", Value::from(dirname.as_str()), Attrs::DEFAULT);
    module.define("exports", Value::Object(exports.clone()), Attrs::DEFAULT);
    module.define("filename", Value::from(filename), Attrs::DEFAULT);
    module.define("loaded", Value::Bool(false), Attrs::DEFAULT);
    let children = it.new_array(Vec::new());
    module.define("children", Value::Object(children), Attrs::DEFAULT);
    let paths = it.new_array(Vec::new());
    module.define("paths", Value::Object(paths), Attrs::DEFAULT);
    let require = it.native_fn_with("require", 1, require, false, vec![Value::from(filename)]);
    require.define("main", Value::Object(module.clone()), Attrs::DEFAULT);
    let cache = it.new_object();
    require.define("cache", Value::Object(cache), Attrs::DEFAULT);
    it.define_method(&require, "resolve", 1, resolve);
    (module, exports, require)
}

/// The file named in `Require stack:` (the requiring script).
fn requiring_file(a: &Args) -> String {
    match &a.callee.borrow().kind {
        crate::object::ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::String(s)) => s.to_rust_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

fn module_id(it: &mut Interp, a: &Args) -> JsResult<String> {
    match a.get(0) {
        Value::String(s) if !s.is_empty() => Ok(s.to_rust_string()),
        Value::String(_) => {
            let p = it.intrinsics.type_error_prototype.clone();
            Err(Abrupt::Throw(super::process::node_error(
                it,
                &p,
                "ERR_INVALID_ARG_VALUE",
                "The argument 'id' must be a non-empty string. Received ''",
            )))
        }
        v => Err(super::process::invalid_arg_type(
            it,
            "id",
            "of type string",
            &v,
        )),
    }
}

/// Node's `Cannot find module` error.
fn not_found(it: &mut Interp, id: &str, from: &str) -> Abrupt {
    let msg = format!("Cannot find module '{id}'\nRequire stack:\n- {from}");
    let p = it.intrinsics.error_prototype.clone();
    let e = it.make_error(&p, &msg);
    e.define("code", Value::from("MODULE_NOT_FOUND"), Attrs::DEFAULT);
    let stack = it.new_array(vec![Value::from(from)]);
    e.define("requireStack", Value::Object(stack), Attrs::DEFAULT);
    Abrupt::Throw(Value::Object(e))
}

/// `require(id)`.
fn require(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let from = requiring_file(a);
    require_core(it, &id, &from)
}

/// Loads a core module by id (`events` or `node:events`).
pub fn require_core(it: &mut Interp, id: &str, from: &str) -> JsResult<Value> {
    let name = id.strip_prefix("node:").unwrap_or(id);
    if let Some((_, m)) = it.host.modules.iter().find(|(n, _)| n == name) {
        let m = m.clone();
        return match &m {
            Value::Object(o) => it.get(o, &PropKey::from("exports")),
            _ => Ok(m),
        };
    }
    match super::node::load(it, name) {
        Some(r) => r,
        None => Err(not_found(it, id, from)),
    }
}

/// `require.resolve(id)`: core modules resolve to their own name.
fn resolve(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if super::node::exists(name) {
        return Ok(Value::from(id.as_str()));
    }
    Err(not_found(it, &id, "[eval]"))
}

/// A fresh `module` object for a core module being loaded.
pub fn new_module(it: &mut Interp, name: &str) -> Obj {
    let module = it.new_object();
    module.define("id", Value::from(name), Attrs::DEFAULT);
    let exports = it.new_object();
    module.define("exports", Value::Object(exports), Attrs::DEFAULT);
    module
}
