//! CommonJS for the main script: `require`, `module`, `exports`, `__filename`, `__dirname`.
//!
//! Only Node's core modules that need no host access exist (`src/builtins/node/`); every
//! other name, including `fs`, `child_process`, `net`, `http`, throws Node's
//! `Error: Cannot find module 'x'` with `code: 'MODULE_NOT_FOUND'` (see DESIGN.md). There is
//! no file loading. Code that runs as a module (top-level `await`) gets none of these names,
//! as in Node.

use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::value::Value;

/// Defines the CommonJS bindings of the main script as (non-enumerable, configurable)
/// globals: a script can shadow them with its own declarations.
pub fn install_commonjs(it: &mut Interp, filename: &str) {
    let [exports, require, module, filename, dirname] = commonjs_wrapper_args(it, filename);
    jsgen_engine::builtins::define_global(it, "require", require);
    jsgen_engine::builtins::define_global(it, "module", module);
    jsgen_engine::builtins::define_global(it, "exports", exports);
    jsgen_engine::builtins::define_global(it, "__filename", filename);
    jsgen_engine::builtins::define_global(it, "__dirname", dirname);
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
    jsgen_engine::builtins::define_global(it, "require", Value::Object(require));
    jsgen_engine::builtins::define_global(it, "module", Value::Object(module));
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
        jsgen_engine::object::ObjectKind::Native(n) => match n.captures.first() {
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
            Err(Abrupt::Throw(crate::process::node_error(
                it,
                &p,
                "ERR_INVALID_ARG_VALUE",
                "The argument 'id' must be a non-empty string. Received ''",
            )))
        }
        v => Err(crate::process::invalid_arg_type(
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
    if crate::modules::is_internal(name) && from != "node:internal" {
        return Err(not_found(it, id, from));
    }
    if let Some((_, m)) = it.node_mut().host.modules.iter().find(|(n, _)| n == name) {
        let m = m.clone();
        return match &m {
            Value::Object(o) => it.get(o, &PropKey::from("exports")),
            _ => Ok(m),
        };
    }
    match crate::modules::load(it, name) {
        Some(r) => r,
        None => Err(not_found(it, id, from)),
    }
}

/// `require.resolve(id)`: core modules resolve to their own name.
fn resolve(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if crate::modules::exists(name) {
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

// ---- ES modules: `import` declarations, `import()`, `import.meta` ------------------------------

/// Node's `ERR_MODULE_NOT_FOUND` for an import of `id` that is neither a core module nor
/// loadable (jsgen loads no files: learner snippets get no file access).
fn module_not_found(it: &mut Interp, id: &str) -> Abrupt {
    let from = it.node_mut().host.script_path.clone().unwrap_or_default();
    let message = if id.starts_with("./") || id.starts_with("../") || id.starts_with('/') {
        let dir = dirname_of(&from);
        let path = std::path::Path::new(&dir).join(id);
        let path = normalize_path(&path);
        format!("Cannot find module '{path}' imported from {from}")
    } else {
        format!("Cannot find package '{id}' imported from {from}")
    };
    let p = it.intrinsics.error_prototype.clone();
    Abrupt::Throw(crate::process::node_error(
        it,
        &p,
        "ERR_MODULE_NOT_FOUND",
        &message,
    ))
}

/// `a/./b/../c` → `a/c`, lexically (as URL resolution does).
fn normalize_path(p: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => parts.clear(),
            c => parts.push(c.as_os_str().to_string_lossy().into_owned()),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The module namespace object of core module `id`: a null-prototype object with `default`
/// (the CommonJS `module.exports`) and each of its own enumerable string-keyed properties,
/// in code-unit order as a namespace's keys are. One object per module.
fn core_namespace(it: &mut Interp, id: &str) -> JsResult<Obj> {
    let name = id.strip_prefix("node:").unwrap_or(id).to_string();
    if let Some((_, ns)) = it
        .node_mut()
        .host
        .namespaces
        .iter()
        .find(|(n, _)| *n == name)
    {
        return Ok(ns.clone());
    }
    if !crate::modules::exists(&name) {
        return Err(module_not_found(it, id));
    }
    let from = it.node_mut().host.script_path.clone().unwrap_or_default();
    let exports = require_core(it, &name, &from)?;
    let mut entries = vec![(
        jsgen_engine::string::JsStr::intern("default"),
        exports.clone(),
    )];
    if let Value::Object(o) = &exports {
        for k in it.own_property_keys(o)? {
            let jsgen_engine::object::PropKey::Str(s) = &k else {
                continue;
            };
            let enumerable = it
                .get_own_property(o, &k)?
                .is_some_and(|p| p.attrs.enumerable());
            if enumerable && s.to_rust_string() != "default" {
                let v = it.get(o, &k)?;
                entries.push((s.clone(), v));
            }
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let ns = Obj::new(None, jsgen_engine::object::ObjectKind::Ordinary);
    for (k, v) in entries {
        ns.define(
            jsgen_engine::object::PropKey::from_str(&k),
            v,
            Attrs::new(true, true, false),
        );
    }
    let tag = jsgen_engine::object::PropKey::Sym(it.symbols.to_string_tag.clone());
    ns.define(tag, Value::from("Module"), Attrs::NONE);
    it.node_mut().host.namespaces.push((name, ns.clone()));
    Ok(ns)
}

/// Evaluates a desugared `import` declaration: the namespace of `source`, after checking it
/// provides every name imported from it (a link-time SyntaxError in Node).
pub fn import_namespace(
    it: &mut Interp,
    source: &jsgen_engine::string::JsStr,
    names: &[jsgen_engine::string::JsStr],
) -> JsResult<Value> {
    let id = source.to_rust_string();
    let ns = core_namespace(it, &id)?;
    for n in names {
        if ns
            .get_own_property(&jsgen_engine::object::PropKey::from_str(n))
            .is_none()
        {
            return Err(it.syntax_error(format!(
                "The requested module '{id}' does not provide an export named '{n}'"
            )));
        }
    }
    Ok(Value::Object(ns))
}

/// `import(specifier)`: a promise for the namespace (rejected with the load error).
pub fn import_dynamic(it: &mut Interp, specifier: &Value) -> JsResult<Value> {
    let promise = it.new_promise();
    let r = it
        .to_string(specifier)
        .and_then(|s| core_namespace(it, &s.to_rust_string()));
    match r {
        Ok(ns) => it.resolve_promise(&promise, Value::Object(ns)),
        Err(Abrupt::Throw(e)) => it.reject_promise(&promise, e),
        Err(other) => return Err(other),
    }
    Ok(Value::Object(promise))
}

/// `import.meta` of the main module: `{ dirname, filename, resolve, url }` as in Node 20.
pub fn import_meta(it: &mut Interp) -> JsResult<Value> {
    if let Some(m) = &it.node_mut().host.import_meta {
        return Ok(Value::Object(m.clone()));
    }
    let filename = it.node_mut().host.script_path.clone().unwrap_or_default();
    let m = Obj::new(None, jsgen_engine::object::ObjectKind::Ordinary);
    m.define(
        "dirname",
        Value::from(dirname_of(&filename).as_str()),
        Attrs::DEFAULT,
    );
    m.define("filename", Value::from(filename.as_str()), Attrs::DEFAULT);
    let resolve = it.native_fn("resolve", 1, meta_resolve);
    m.define("resolve", Value::Object(resolve), Attrs::DEFAULT);
    m.define(
        "url",
        Value::from(format!("file://{filename}").as_str()),
        Attrs::DEFAULT,
    );
    it.node_mut().host.import_meta = Some(m.clone());
    Ok(Value::Object(m))
}

/// `import.meta.resolve(specifier)`: `node:x` for core modules, else a file URL next to the
/// main module.
fn meta_resolve(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = it.to_string(&a.get(0))?.to_rust_string();
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if crate::modules::exists(name) {
        return Ok(Value::from(format!("node:{name}").as_str()));
    }
    if id.starts_with("./") || id.starts_with("../") || id.starts_with('/') {
        let from = it.node_mut().host.script_path.clone().unwrap_or_default();
        let path = normalize_path(&std::path::Path::new(&dirname_of(&from)).join(&id));
        return Ok(Value::from(format!("file://{path}").as_str()));
    }
    Err(module_not_found(it, &id))
}
