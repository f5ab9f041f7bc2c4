//! CommonJS modules as Node loads them: `require`, `module`, `exports`, `__filename`,
//! `__dirname`, Node's resolution (`.js`, `.json`, `.node`, directories with `package.json`
//! `main` or `index.js`, `node_modules` up the tree, `package.json` `exports`), the module
//! cache (`require.cache`, keyed by real path), cycles with partial exports, and the ES
//! module side of the host (`import` of core modules, `import.meta`; user ES modules are in
//! `esm.rs`).
//!
//! Core modules (`src/modules/*.js`) come first for a bare name or a `node:` one. Every file
//! read goes through [`crate::permission::check_fs_read`] (`--permission`, `--sandbox`).

use std::path::{Path, PathBuf};

use crate::prelude::*;
use jsgen_engine::ast::Span;
use jsgen_engine::interp::script::RunError;
use jsgen_engine::interp::{Abrupt, Args, FrameKind, Interp, JsResult, StackEntry};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::{Sym, Value};

/// The CommonJS loader's state ([`crate::NodeState::loader`]).
#[derive(Default)]
pub struct Loader {
    /// `require.cache` (Node's `Module._cache`): filename → module object.
    pub cache: Option<Obj>,
    /// `require.main`: the main module.
    pub main: Option<Obj>,
    /// `require.extensions`.
    pub extensions: Option<Obj>,
    /// The symbols Node's `Module` objects carry (`kIsMainSymbol`, `kIsCachedByESMLoader`,
    /// `kURL`, `kFormat`, `kIsExecuting`).
    pub symbols: Option<[Sym; 5]>,
    /// `Module.prototype`, made with the first module object (its `require` is native; the
    /// `module` core module adds the rest when loaded).
    pub proto: Option<Obj>,
}

/// `Module.prototype`: every CommonJS module object's prototype.
pub fn module_prototype(it: &mut Interp) -> Obj {
    if let Some(p) = &it.node().loader.proto {
        return p.clone();
    }
    let p = it.new_object();
    // `constructor` is a getter (so `util.inspect` prints module objects as plain ones)
    // that loads `node:module` when first read.
    let get = it.native_fn("get", 0, |it, _| require_core(it, "module", ""));
    p.define_accessor(
        "constructor",
        Some(get),
        None,
        Attrs::new(false, false, false),
    );
    // Anonymous, as Node's (assigned to the prototype, not named functions).
    let req = it.native_fn("", 1, module_proto_require);
    p.define("require", Value::Object(req), Attrs::DEFAULT);
    let compile = it.native_fn("", 2, module_proto_compile);
    p.define("_compile", Value::Object(compile), Attrs::DEFAULT);
    it.node_mut().loader.proto = Some(p.clone());
    p
}

/// `Module.prototype._compile(content, filename)`: runs `content` as the CommonJS code of
/// the module `this` (its `exports`, a `require` from `filename`).
fn module_proto_compile(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Value::Object(module) = a.this.clone() else {
        return Err(it.type_error("Module.prototype._compile called on a non-object"));
    };
    let content = it.to_string(&a.get(0))?.to_rust_string();
    let filename = it.to_string(&a.get(1))?.to_rust_string();
    let exports = match it.get(&module, &jsgen_engine::static_key!("exports"))? {
        Value::Object(o) => o,
        _ => {
            let o = it.new_object();
            it.set(
                &module,
                jsgen_engine::static_key!("exports"),
                Value::Object(o.clone()),
                true,
            )?;
            o
        }
    };
    run_commonjs_module(it, &filename, &content, &module, &exports, None)?;
    Ok(Value::Undefined)
}

/// `Module.prototype.require(id)`: `require` from the module `this` (its `filename`).
fn module_proto_require(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let Value::Object(module) = a.this.clone() else {
        return Err(it.type_error("Module.prototype.require called on a non-object"));
    };
    let from = match it.get(&module, &jsgen_engine::static_key!("filename"))? {
        Value::String(s) => s.to_rust_string(),
        _ => String::new(),
    };
    require_from(it, id, from, Some(module))
}

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

/// The arguments Node's CommonJS wrapper passes to the main module's code, in its order:
/// `(exports, require, module, __filename, __dirname)`. The main module is `require.main`
/// and the first entry of `require.cache`.
pub fn commonjs_wrapper_args(it: &mut Interp, filename: &str) -> [Value; 5] {
    if !filename.starts_with('/') {
        // `-e` code and stdin (`[eval]`, `[stdin]`): the module lives in the working
        // directory (`module.filename` is `/cwd/[eval]`, `__filename` stays `[eval]`).
        let abs = std::env::current_dir()
            .map(|d| d.join(filename).to_string_lossy().into_owned())
            .unwrap_or_else(|_| filename.to_string());
        // Node leaves `require.main` undefined for them.
        let (module, exports) = new_user_module(it, &abs, filename, None, true);
        let require = make_require(it, &abs, &module);
        return [
            Value::Object(exports),
            Value::Object(require),
            Value::Object(module),
            Value::from(filename),
            Value::from("."),
        ];
    }
    let (module, exports) = new_user_module(it, filename, ".", None, true);
    it.node_mut().loader.main = Some(module.clone());
    let cache = module_cache(it);
    cache.define(
        PropKey::from(filename),
        Value::Object(module.clone()),
        Attrs::DEFAULT,
    );
    wrapper_args(it, filename, &module, &exports)
}

fn wrapper_args(it: &mut Interp, filename: &str, module: &Obj, exports: &Obj) -> [Value; 5] {
    let require = make_require(it, filename, module);
    let dirname = dirname_of(filename);
    [
        Value::Object(exports.clone()),
        Value::Object(require),
        Value::Object(module.clone()),
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
    let (module, _) = new_user_module(it, &cwd, "<repl>", None, false);
    let require = make_require(it, &cwd, &module);
    jsgen_engine::builtins::define_global(it, "require", Value::Object(require));
    jsgen_engine::builtins::define_global(it, "module", Value::Object(module));
}

pub(crate) fn dirname_of(filename: &str) -> String {
    match filename.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => filename[..i].to_string(),
        None => ".".to_string(),
    }
}

/// `require.cache`, made on first use.
fn module_cache(it: &mut Interp) -> Obj {
    if let Some(c) = &it.node().loader.cache {
        return c.clone();
    }
    let c = Obj::new(None, jsgen_engine::object::ObjectKind::Ordinary);
    it.node_mut().loader.cache = Some(c.clone());
    c
}

fn module_symbols(it: &mut Interp) -> [Sym; 5] {
    if let Some(s) = &it.node().loader.symbols {
        return s.clone();
    }
    let s = [
        "kIsMainSymbol",
        "kIsCachedByESMLoader",
        "kURL",
        "kFormat",
        "kIsExecuting",
    ]
    .map(|d| Sym::new(Some(JsStr::from(d))));
    it.node_mut().loader.symbols = Some(s.clone());
    s
}

/// Node's `module.paths`: `node_modules` in the module's directory and each one above it
/// (skipping directories themselves named `node_modules`).
pub fn node_modules_paths(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = Path::new(dir);
    loop {
        if d.file_name().is_some_and(|n| n != "node_modules") {
            out.push(d.join("node_modules").to_string_lossy().into_owned());
        }
        match d.parent() {
            Some(p) => d = p,
            None => break,
        }
    }
    out.push("/node_modules".to_string());
    out
}

/// A `Module` object as Node shows it: `id`, `path`, `exports`, `filename`, `loaded`,
/// `children`, `paths` and Node's symbol-keyed state; `parent` is a hidden property.
fn new_user_module(
    it: &mut Interp,
    filename: &str,
    id: &str,
    parent: Option<&Obj>,
    is_main: bool,
) -> (Obj, Obj) {
    let dirname = dirname_of(filename);
    let proto = module_prototype(it);
    let module = Obj::new(Some(proto), jsgen_engine::object::ObjectKind::Ordinary);
    let exports = it.new_object();
    module.define("id", Value::from(id), Attrs::DEFAULT);
    module.define("path", Value::from(dirname.as_str()), Attrs::DEFAULT);
    module.define("exports", Value::Object(exports.clone()), Attrs::DEFAULT);
    module.define("filename", Value::from(filename), Attrs::DEFAULT);
    module.define("loaded", Value::Bool(false), Attrs::DEFAULT);
    let children = it.new_array(Vec::new());
    module.define("children", Value::Object(children), Attrs::DEFAULT);
    let paths: Vec<Value> = if filename.starts_with('/') {
        node_modules_paths(&dirname)
            .iter()
            .map(|p| Value::from(p.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    let paths = it.new_array(paths);
    module.define("paths", Value::Object(paths), Attrs::DEFAULT);
    let [main, cached, url, format, executing] = module_symbols(it);
    module.define(PropKey::Sym(main), Value::Bool(is_main), Attrs::DEFAULT);
    module.define(PropKey::Sym(cached), Value::Bool(false), Attrs::DEFAULT);
    module.define(PropKey::Sym(url), Value::Undefined, Attrs::DEFAULT);
    module.define(PropKey::Sym(format), Value::Undefined, Attrs::DEFAULT);
    module.define(PropKey::Sym(executing), Value::Bool(true), Attrs::DEFAULT);
    let parent = parent.map(|p| Value::Object(p.clone())).unwrap_or_default();
    module.define("parent", parent, Attrs::HIDDEN);
    (module, exports)
}

/// `require` for code in `filename` (of `module`), with `resolve`, `main`, `extensions` and
/// `cache` as Node's has them.
fn make_require(it: &mut Interp, filename: &str, module: &Obj) -> Obj {
    let captures = vec![Value::from(filename), Value::Object(module.clone())];
    let require = it.native_fn_with("require", 1, require, false, captures.clone());
    it.mark_frameless(&require);
    let resolve = it.native_fn_with("resolve", 1, resolve, false, captures.clone());
    let paths = it.native_fn_with("paths", 1, resolve_paths, false, captures);
    resolve.define("paths", Value::Object(paths), Attrs::HIDDEN);
    require.define("resolve", Value::Object(resolve), Attrs::DEFAULT);
    let main = it
        .node()
        .loader
        .main
        .clone()
        .map(Value::Object)
        .unwrap_or_default();
    require.define("main", main, Attrs::DEFAULT);
    let extensions = match it.node().loader.extensions.clone() {
        Some(e) => e,
        None => {
            let e = Obj::new(None, jsgen_engine::object::ObjectKind::Ordinary);
            for ext in [".js", ".json", ".node"] {
                let f = it.native_fn(ext, 2, extension_stub);
                e.define(ext, Value::Object(f), Attrs::DEFAULT);
            }
            it.node_mut().loader.extensions = Some(e.clone());
            e
        }
    };
    require.define("extensions", Value::Object(extensions), Attrs::DEFAULT);
    let cache = module_cache(it);
    require.define("cache", Value::Object(cache), Attrs::DEFAULT);
    require
}

/// `require.extensions['.js']` and the others: present (code tests for them) but loading
/// goes through the loader itself.
fn extension_stub(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Err(it.type_error("require.extensions handlers are not supported by jsgen"))
}

/// The requiring file and module of a `require`/`require.resolve` function.
fn captured(a: &Args) -> (String, Option<Obj>) {
    match &a.callee.borrow().kind {
        jsgen_engine::object::ObjectKind::Native(n) => {
            let file = match n.captures.first() {
                Some(Value::String(s)) => s.to_rust_string(),
                _ => String::new(),
            };
            let module = match n.captures.get(1) {
                Some(Value::Object(o)) => Some(o.clone()),
                _ => None,
            };
            (file, module)
        }
        _ => (String::new(), None),
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

/// The `Require stack:` of a module: its file, then its parent's, up to the main module.
fn require_stack(it: &mut Interp, from: &str, module: Option<&Obj>) -> Vec<String> {
    let mut out = vec![from.to_string()];
    let mut m = module.cloned();
    for _ in 0..1000 {
        let Some(cur) = m else { break };
        let Some(Value::Object(p)) = cur.get_own_data(&jsgen_engine::static_key!("parent")) else {
            break;
        };
        if let Some(Value::String(f)) = p.get_own_data(&jsgen_engine::static_key!("filename")) {
            out.push(f.to_rust_string());
        }
        m = Some(p);
    }
    let _ = it;
    out
}

/// Node's `Cannot find module` error (`MODULE_NOT_FOUND`, with `requireStack`).
fn not_found(it: &mut Interp, id: &str, stack: &[String]) -> Abrupt {
    let mut msg = format!("Cannot find module '{id}'");
    if !stack.is_empty() {
        msg.push_str("\nRequire stack:");
        for s in stack {
            msg.push_str("\n- ");
            msg.push_str(s);
        }
    }
    let p = it.intrinsics.error_prototype.clone();
    let e = it.make_error(&p, &msg);
    e.define("code", Value::from("MODULE_NOT_FOUND"), Attrs::DEFAULT);
    let items: Vec<Value> = stack.iter().map(|s| Value::from(s.as_str())).collect();
    let stack = it.new_array(items);
    e.define("requireStack", Value::Object(stack), Attrs::DEFAULT);
    Abrupt::Throw(Value::Object(e))
}

fn node_error(it: &mut Interp, code: &str, message: &str) -> Abrupt {
    let p = it.intrinsics.error_prototype.clone();
    Abrupt::Throw(crate::process::node_error(it, &p, code, message))
}

/// Is `id` a path (relative or absolute) rather than a package name?
pub fn is_path_specifier(id: &str) -> bool {
    id.starts_with("./") || id.starts_with("../") || id.starts_with('/') || id == "." || id == ".."
}

/// `require(id)`.
fn require(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let (from, module) = captured(a);
    require_from(it, id, from, module)
}

fn require_from(it: &mut Interp, id: String, from: String, module: Option<Obj>) -> JsResult<Value> {
    if let Some(name) = id.strip_prefix("node:") {
        if !crate::modules::exists(name) && !is_node_builtin(name) {
            return Err(node_error(
                it,
                "ERR_UNKNOWN_BUILTIN_MODULE",
                &format!("No such built-in module: {id}"),
            ));
        }
        return require_core(it, &id, &from);
    }
    if crate::modules::exists(&id) && !crate::modules::scheme_only(&id) {
        return require_core(it, &id, &from);
    }
    let path = resolve_filename(it, &id, &from, module.as_ref())?;
    load_module(it, &path, module.as_ref())
}

/// Node 24's built-in module names (`require('module').builtinModules`): a `node:` name
/// that is none of these is `ERR_UNKNOWN_BUILTIN_MODULE`; one jsgen does not provide is
/// `MODULE_NOT_FOUND`.
pub fn is_node_builtin(name: &str) -> bool {
    NODE_BUILTINS
        .split_whitespace()
        .any(|b| b.strip_prefix("node:").unwrap_or(b) == name)
}

/// Node 24's built-in module names, space-separated, as `require('module').builtinModules`
/// lists them (the ones only reachable with the scheme carry it).
pub const NODE_BUILTINS: &str =
    "_http_agent _http_client _http_common _http_incoming _http_outgoing _http_server \
        _stream_duplex _stream_passthrough _stream_readable _stream_transform _stream_wrap \
        _stream_writable _tls_common _tls_wrap assert assert/strict async_hooks buffer \
        child_process cluster console constants crypto dgram diagnostics_channel dns \
        dns/promises domain events fs fs/promises http http2 https inspector \
        inspector/promises module net os path path/posix path/win32 perf_hooks process \
        punycode querystring readline readline/promises repl stream stream/consumers \
        stream/promises stream/web string_decoder sys timers timers/promises tls trace_events \
        tty url util util/types v8 vm wasi worker_threads zlib node:sea node:sqlite node:test \
        node:test/reporters";

/// `module.createRequire(filename)`: a `require` resolving from `filename` (a path or a
/// `file:` URL, as a string or a URL object).
pub fn create_require(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let arg = a.get(0);
    let text = match &arg {
        Value::String(s) => s.to_rust_string(),
        Value::Object(o) => {
            let href = it.get(o, &jsgen_engine::static_key!("href"))?;
            match href {
                Value::String(s) => s.to_rust_string(),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    let filename = if text.starts_with("file://") {
        crate::esm::url_to_path(&text)
    } else {
        text
    };
    if !filename.starts_with('/') {
        let p = it.intrinsics.type_error_prototype.clone();
        let shown = it.to_string_lossy(&arg);
        return Err(Abrupt::Throw(crate::process::node_error(
            it,
            &p,
            "ERR_INVALID_ARG_VALUE",
            &format!(
                "The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received '{shown}'"
            ),
        )));
    }
    let (module, _) = new_user_module(it, &filename, &filename, None, false);
    Ok(Value::Object(make_require(it, &filename, &module)))
}

/// Loads a core module by id (`events` or `node:events`).
pub fn require_core(it: &mut Interp, id: &str, from: &str) -> JsResult<Value> {
    let name = id.strip_prefix("node:").unwrap_or(id);
    if crate::modules::is_internal(name) && from != "node:internal" {
        return Err(not_found(it, id, &[from.to_string()]));
    }
    if let Some((_, m)) = it.node_mut().host.modules.iter().find(|(n, _)| n == name) {
        let m = m.clone();
        return match &m {
            Value::Object(o) => it.get(o, &jsgen_engine::static_key!("exports")),
            _ => Ok(m),
        };
    }
    match crate::modules::load(it, name) {
        Some(r) => r,
        None => Err(not_found(it, id, &[from.to_string()])),
    }
}

// ---- resolution ------------------------------------------------------------------------------

fn is_file(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file())
}

fn with_suffix(p: &Path, ext: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// LOAD_AS_FILE: the exact file, then with `.js`, `.json`, `.node`.
fn load_as_file(p: &Path) -> Option<PathBuf> {
    if is_file(p) {
        return Some(p.to_path_buf());
    }
    [".js", ".json", ".node"]
        .iter()
        .map(|e| with_suffix(p, e))
        .find(|c| is_file(c))
}

/// LOAD_INDEX: `index.js`, `index.json`, `index.node`.
fn load_index(p: &Path) -> Option<PathBuf> {
    ["index.js", "index.json", "index.node"]
        .iter()
        .map(|e| p.join(e))
        .find(|c| is_file(c))
}

/// Reads and parses a `package.json` (None if there is none or it is not JSON).
pub fn read_package_json(dir: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    serde_json::from_str(&text).ok()
}

/// LOAD_AS_DIRECTORY: `package.json` `main` (as a file, then its index), then the index.
fn load_as_directory(p: &Path) -> Option<PathBuf> {
    if let Some(pkg) = read_package_json(p) {
        if let Some(main) = pkg.get("main").and_then(|m| m.as_str()) {
            let m = p.join(main);
            if let Some(f) = load_as_file(&m).or_else(|| load_index(&m)) {
                return Some(f);
            }
        }
    }
    load_index(p)
}

/// Node 24's conditions for `require` (`cjsConditionsArray`) and `import`
/// (`defaultConditions`): `module-sync` because `require()` of an ES module is on by
/// default (packages such as `it-all` export `.` only under `import` and `module-sync`),
/// `node-addons` because addons are not turned off (`--no-addons`).
pub const REQUIRE_CONDITIONS: &[&str] = &["require", "node", "module-sync", "node-addons"];
pub const IMPORT_CONDITIONS: &[&str] = &["node", "import", "module-sync", "node-addons"];

/// The target of a package's `exports` for `subpath` (`.` or `./x`) under `conditions`:
/// a string, a subpath map (exact keys and `*` patterns), or condition objects.
pub fn resolve_exports(
    exports: &serde_json::Value,
    subpath: &str,
    conditions: &[&str],
) -> Option<String> {
    use serde_json::Value as J;
    let is_subpath_map = match exports {
        J::Object(m) => m.keys().next().is_some_and(|k| k.starts_with('.')),
        _ => false,
    };
    if !is_subpath_map {
        return if subpath == "." {
            resolve_target(exports, conditions, None)
        } else {
            None
        };
    }
    let J::Object(map) = exports else { return None };
    resolve_subpath_map(map, subpath, conditions)
}

/// A key of an `exports` subpath map or of `imports` (`./x`, `#x`): the exact key, else
/// the `*` pattern with the longest prefix, its target with `*` replaced.
fn resolve_subpath_map(
    map: &serde_json::Map<String, serde_json::Value>,
    subpath: &str,
    conditions: &[&str],
) -> Option<String> {
    if let Some(t) = map.get(subpath) {
        return resolve_target(t, conditions, None);
    }
    // Subpath patterns: "./features/*": "./src/features/*.js".
    let mut best: Option<(&String, String)> = None;
    for (k, _) in map {
        if let Some((pre, post)) = k.split_once('*') {
            if subpath.starts_with(pre)
                && subpath.ends_with(post)
                && subpath.len() >= pre.len() + post.len()
                && best.as_ref().is_none_or(|(b, _)| k.len() > b.len())
            {
                let star = subpath[pre.len()..subpath.len() - post.len()].to_string();
                best = Some((k, star));
            }
        }
    }
    let (k, star) = best?;
    resolve_target(&map[k], conditions, Some(&star))
}

fn resolve_target(
    t: &serde_json::Value,
    conditions: &[&str],
    star: Option<&str>,
) -> Option<String> {
    use serde_json::Value as J;
    match t {
        J::String(s) => Some(match star {
            Some(x) => s.replace('*', x),
            None => s.clone(),
        }),
        J::Object(m) => {
            for (k, v) in m {
                if k == "default" || conditions.contains(&k.as_str()) {
                    if let Some(r) = resolve_target(v, conditions, star) {
                        return Some(r);
                    }
                }
            }
            None
        }
        J::Array(a) => a.iter().find_map(|v| resolve_target(v, conditions, star)),
        _ => None,
    }
}

/// How a `#name` specifier failed to resolve through `imports`.
pub enum ImportsError {
    /// No package scope around the importing file.
    NoScope,
    /// The scope's `package.json` (at this path) does not define it.
    NotDefined(PathBuf),
}

/// GetPackageScope: the nearest directory from `dir` up holding a `package.json`, stopping
/// at a `node_modules` directory.
pub fn package_scope(dir: &str) -> Option<PathBuf> {
    let mut d = Some(Path::new(dir));
    while let Some(p) = d {
        if p.file_name().is_some_and(|n| n == "node_modules") {
            return None;
        }
        if p.join("package.json").is_file() {
            return Some(p.to_path_buf());
        }
        d = p.parent();
    }
    None
}

/// PACKAGE_IMPORTS_RESOLVE: the target of a `#name` specifier in the `imports` of the
/// package scope around `dir`, with that package's directory. A target starting with `./`
/// is a file of the package; any other is a package specifier resolved from it.
pub fn resolve_imports(
    specifier: &str,
    dir: &str,
    conditions: &[&str],
) -> Result<(String, PathBuf), ImportsError> {
    let scope = package_scope(dir).ok_or(ImportsError::NoScope)?;
    let pj = scope.join("package.json");
    let target = read_package_json(&scope)
        .as_ref()
        .and_then(|p| p.get("imports"))
        .and_then(|i| i.as_object())
        .and_then(|map| resolve_subpath_map(map, specifier, conditions));
    match target {
        Some(t) => Ok((t, scope)),
        None => Err(ImportsError::NotDefined(pj)),
    }
}

/// Node's `ERR_PACKAGE_IMPORT_NOT_DEFINED` message (without the `imported from` part).
pub fn import_not_defined_message(specifier: &str, e: &ImportsError) -> String {
    match e {
        ImportsError::NoScope => format!("Package import specifier \"{specifier}\" is not defined"),
        ImportsError::NotDefined(pj) => format!(
            "Package import specifier \"{specifier}\" is not defined in package {}",
            pj.display()
        ),
    }
}

/// `pkg/sub/x` → (`pkg`, `./sub/x`); `@scope/pkg/x` → (`@scope/pkg`, `./x`).
pub fn split_package_name(id: &str) -> (&str, String) {
    let n = if id.starts_with('@') { 2 } else { 1 };
    let mut idx = None;
    for (count, (i, _)) in id.match_indices('/').enumerate() {
        if count + 1 == n {
            idx = Some(i);
            break;
        }
    }
    match idx {
        Some(i) => (&id[..i], format!(".{}", &id[i..])),
        None => (id, ".".to_string()),
    }
}

/// How a resolution failed.
pub enum ResolveError {
    NotFound,
    /// `ERR_PACKAGE_PATH_NOT_EXPORTED`: (subpath, package.json path).
    NotExported(String, PathBuf),
    /// `ERR_PACKAGE_IMPORT_NOT_DEFINED`: the message up to `imported from`.
    ImportNotDefined(String),
}

/// Node's CommonJS resolution of `id` from a module in `dir` (the file's absolute path,
/// not yet real).
pub fn resolve_path(id: &str, dir: &str, conditions: &[&str]) -> Result<PathBuf, ResolveError> {
    if id.starts_with('#') {
        return match resolve_imports(id, dir, conditions) {
            Ok((t, scope)) if t.starts_with("./") => {
                let f = crate::permission::absolute(&scope.join(&t));
                if is_file(&f) {
                    Ok(f)
                } else {
                    Err(ResolveError::NotFound)
                }
            }
            Ok((t, scope)) => resolve_path(&t, &scope.to_string_lossy(), conditions),
            Err(e) => Err(ResolveError::ImportNotDefined(import_not_defined_message(
                id, &e,
            ))),
        };
    }
    if is_path_specifier(id) {
        let base = crate::permission::absolute(&Path::new(dir).join(id));
        let found = if id.ends_with('/') {
            None
        } else {
            load_as_file(&base)
        };
        return found
            .or_else(|| load_as_directory(&base))
            .ok_or(ResolveError::NotFound);
    }
    let (name, subpath) = split_package_name(id);
    for nm in node_modules_paths(dir) {
        let pkg_dir = Path::new(&nm).join(name);
        if !pkg_dir.is_dir() {
            continue;
        }
        if let Some(pkg) = read_package_json(&pkg_dir) {
            if let Some(exports) = pkg.get("exports").filter(|e| !e.is_null()) {
                return match resolve_exports(exports, &subpath, conditions) {
                    Some(t) => {
                        let f = crate::permission::absolute(&pkg_dir.join(t));
                        if is_file(&f) {
                            Ok(f)
                        } else {
                            Err(ResolveError::NotFound)
                        }
                    }
                    None => Err(ResolveError::NotExported(
                        subpath,
                        pkg_dir.join("package.json"),
                    )),
                };
            }
        }
        let base = Path::new(&nm).join(id);
        if let Some(f) = load_as_file(&base).or_else(|| load_as_directory(&base)) {
            return Ok(f);
        }
    }
    Err(ResolveError::NotFound)
}

/// Module._resolveFilename: the real path of the file `id` names from `from`, or Node's
/// errors.
fn resolve_filename(
    it: &mut Interp,
    id: &str,
    from: &str,
    module: Option<&Obj>,
) -> JsResult<PathBuf> {
    let dir = if from.starts_with('/') {
        dirname_of(from)
    } else {
        std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".into())
    };
    match resolve_path(id, &dir, REQUIRE_CONDITIONS) {
        Ok(p) => {
            // Node reads the real path (fs.realpathSync): the first file access checked.
            crate::permission::check_module_read(it, &p)?;
            let real = std::fs::canonicalize(&p).unwrap_or(p);
            // A symlink out of an allowed directory is judged by where it leads.
            crate::permission::check_module_read(it, &real)?;
            Ok(real)
        }
        Err(ResolveError::NotFound) => {
            let stack = require_stack(it, from, module);
            Err(not_found(it, id, &stack))
        }
        Err(ResolveError::ImportNotDefined(message)) => Err(node_error(
            it,
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            &format!("{message} imported from {from}"),
        )),
        Err(ResolveError::NotExported(sub, pkg)) => {
            let what = if sub == "." {
                "No \"exports\" main defined in".to_string()
            } else {
                format!("Package subpath '{sub}' is not defined by \"exports\" in")
            };
            Err(node_error(
                it,
                "ERR_PACKAGE_PATH_NOT_EXPORTED",
                &format!("{what} {}", pkg.display()),
            ))
        }
    }
}

/// The nearest `package.json` `type` above `file` (`"module"` or `"commonjs"`), if any.
pub fn package_type(file: &Path) -> Option<String> {
    let mut d = file.parent();
    while let Some(dir) = d {
        if dir.file_name().is_some_and(|n| n == "node_modules") {
            return None;
        }
        if dir.join("package.json").is_file() {
            return read_package_json(dir)
                .and_then(|p| p.get("type").and_then(|t| t.as_str()).map(String::from));
        }
        d = dir.parent();
    }
    None
}

// ---- loading ---------------------------------------------------------------------------------

fn push_child(it: &mut Interp, parent: Option<&Obj>, child: &Obj) -> JsResult<()> {
    let Some(parent) = parent else { return Ok(()) };
    let Value::Object(children) = it.get(parent, &jsgen_engine::static_key!("children"))? else {
        return Ok(());
    };
    let n = it.get(&children, &jsgen_engine::static_key!("length"))?;
    let n = it.to_number(&n)? as u32;
    for i in 0..n {
        if let Value::Object(c) = it.get(&children, &PropKey::Index(i))? {
            if Obj::ptr_eq(&c, child) {
                return Ok(());
            }
        }
    }
    it.create_data_property(&children, PropKey::Index(n), Value::Object(child.clone()))?;
    Ok(())
}

/// Module._load of a resolved file: the cached module's exports, or a new module run.
pub fn load_module(it: &mut Interp, path: &Path, parent: Option<&Obj>) -> JsResult<Value> {
    let filename = path.to_string_lossy().into_owned();
    let key = PropKey::from(filename.as_str());
    let cache = module_cache(it);
    if let Some(Value::Object(m)) = cache.get_own_data(&key) {
        push_child(it, parent, &m)?;
        return it.get(&m, &jsgen_engine::static_key!("exports"));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Err(node_error(it, "ENOENT", &format!("{e}, open '{filename}'"))),
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "node" {
        let reason = if bytes.len() < 64 {
            "file too short"
        } else {
            "invalid ELF header"
        };
        return Err(node_error(
            it,
            "ERR_DLOPEN_FAILED",
            &format!("{filename}: {reason}"),
        ));
    }
    if ext == "mjs" || (ext == "js" && package_type(path).as_deref() == Some("module")) {
        return crate::esm::require_esm(it, path, &text, parent);
    }
    let (module, exports) = new_user_module(it, &filename, &filename, parent, false);
    cache.define(key.clone(), Value::Object(module.clone()), Attrs::DEFAULT);
    push_child(it, parent, &module)?;
    let r = if ext == "json" {
        match jsgen_engine::builtins::json::parse_json_text(it, &JsStr::from(text.as_str())) {
            Ok(v) => it.set(&module, jsgen_engine::static_key!("exports"), v, true),
            Err(msg) => Err(it.syntax_error(format!("{filename}: {msg}"))),
        }
    } else {
        run_commonjs_module(it, &filename, &text, &module, &exports, parent)
    };
    let [_, _, _, _, executing] = module_symbols(it);
    module.define(PropKey::Sym(executing), Value::Bool(false), Attrs::DEFAULT);
    if let Err(e) = r {
        // Node forgets a module whose code threw (a later require runs it again).
        let _ = it.delete_property(&cache, &key);
        return Err(e);
    }
    module.define("loaded", Value::Bool(true), Attrs::DEFAULT);
    it.get(&module, &jsgen_engine::static_key!("exports"))
}

/// Compiles and runs a CommonJS module's text in Node's wrapper. A file that only parses as
/// an ES module (Node 24's detection) is loaded as one (`require(esm)`).
fn run_commonjs_module(
    it: &mut Interp,
    filename: &str,
    text: &str,
    module: &Obj,
    exports: &Obj,
    parent: Option<&Obj>,
) -> JsResult<()> {
    let source = it.add_source(filename, text);
    let wrapper = match crate::run::compile_commonjs(it, source, text) {
        Ok(w) => w,
        Err(RunError::Syntax { source, error }) => {
            let is_cjs = filename.ends_with(".cjs");
            if !is_cjs && crate::esm::should_retry_as_esm(&error.message, text) {
                let cache = module_cache(it);
                let _ = it.delete_property(&cache, &PropKey::from(filename));
                let ns = crate::esm::require_esm(it, Path::new(filename), text, parent)?;
                it.set(module, jsgen_engine::static_key!("exports"), ns, true)?;
                return Ok(());
            }
            return Err(compile_error(it, source, &error));
        }
        Err(RunError::Uncaught { value, pos }) => {
            it.last_error_pos = pos;
            return Err(Abrupt::Throw(value));
        }
    };
    let args = wrapper_args(it, filename, module, exports);
    let this = args[0].clone();
    it.stack.push(StackEntry {
        method_call: None,
        construct: false,
        next_below: false,
        name: JsStr::empty(),
        pos: Span::default(),
        source,
        kind: FrameKind::HostRequire,
    });
    let r = it.call(&wrapper, &this, &args);
    it.stack.pop();
    r.map(|_| ())
}

/// The SyntaxError of a CommonJS module that does not compile, with the stack V8 gives it:
/// decorated with `file:line`, the line and a caret, then Node's `wrapSafe` frames.
fn compile_error(
    it: &mut Interp,
    source: u32,
    error: &jsgen_engine::parser::SyntaxError,
) -> Abrupt {
    let e = it.syntax_error(&error.message);
    it.last_error_pos = Some((source, error.span));
    let Abrupt::Throw(Value::Object(o)) = &e else {
        return e;
    };
    let Some(src) = it.sources.get(source as usize).cloned() else {
        return e;
    };
    let (line, col) = src.line_col(error.span.start);
    let code = src.text.lines().nth(line as usize - 1).unwrap_or("");
    let width = (error.span.end.saturating_sub(error.span.start)).max(1) as usize;
    let caret = format!("{}{}", " ".repeat(col as usize - 1), "^".repeat(width));
    let stack = it
        .own_stack_string(o)
        .map(|s| s.to_rust_string())
        .unwrap_or_default();
    let mut frames: Vec<String> = vec![
        "    at wrapSafe (node:internal/modules/cjs/loader:1861:18)".into(),
        "    at Module._compile (node:internal/modules/cjs/loader:1903:20)".into(),
    ];
    let host = [
        "Object..js (node:internal/modules/cjs/loader:2060:10)",
        "Module.load (node:internal/modules/cjs/loader:1651:32)",
        "Module._load (node:internal/modules/cjs/loader:1443:12)",
        "wrapModuleLoad (node:internal/modules/cjs/loader:261:19)",
        "Module.require (node:internal/modules/cjs/loader:1674:12)",
        "require (node:internal/modules/helpers:157:16)",
    ];
    frames.extend(host.iter().map(|l| format!("    at {l}")));
    frames.extend(stack.lines().skip(1).map(String::from));
    frames.truncate(10);
    let text = format!(
        "{}:{line}\n{code}\n{caret}\n\nSyntaxError: {}\n{}",
        src.name,
        error.message,
        frames.join("\n")
    );
    o.define("stack", Value::from(text.as_str()), Attrs::HIDDEN);
    e
}

/// `require.resolve(id)`: the real path of the file `require(id)` would load (a core
/// module's own name).
fn resolve(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let (from, module) = captured(a);
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if crate::modules::exists(name) && (name != id || !crate::modules::scheme_only(name)) {
        return Ok(Value::from(id.as_str()));
    }
    // `{ paths: [...] }`: resolve as if required from each directory in turn.
    if let Value::Object(opts) = a.get(1) {
        if let Value::Object(paths) = it.get(&opts, &jsgen_engine::static_key!("paths"))? {
            let n = it.get(&paths, &jsgen_engine::static_key!("length"))?;
            let n = it.to_number(&n)? as u32;
            for i in 0..n {
                let dir = it.get(&paths, &PropKey::Index(i))?;
                let dir = it.to_string(&dir)?.to_rust_string();
                let dir = crate::permission::absolute(Path::new(&dir));
                if let Ok(p) = resolve_path(&id, &dir.to_string_lossy(), REQUIRE_CONDITIONS) {
                    crate::permission::check_module_read(it, &p)?;
                    let real = std::fs::canonicalize(&p).unwrap_or(p);
                    crate::permission::check_module_read(it, &real)?;
                    return Ok(Value::from(real.to_string_lossy().as_ref()));
                }
            }
            let stack = require_stack(it, &from, module.as_ref());
            return Err(not_found(it, &id, &stack));
        }
    }
    let p = resolve_filename(it, &id, &from, module.as_ref())?;
    Ok(Value::from(p.to_string_lossy().as_ref()))
}

/// `require.resolve.paths(id)`: where a bare name is looked for (null for a core module).
fn resolve_paths(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = module_id(it, a)?;
    let (from, _) = captured(a);
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if crate::modules::exists(name) && (name != id || !crate::modules::scheme_only(name)) {
        return Ok(Value::Null);
    }
    let dir = dirname_of(&from);
    let mut paths = if is_path_specifier(&id) {
        vec![dir]
    } else {
        node_modules_paths(&dir)
    };
    if !is_path_specifier(&id) {
        if let Ok(home) = std::env::var("HOME") {
            paths.push(format!("{home}/.node_modules"));
            paths.push(format!("{home}/.node_libraries"));
        }
    }
    let items: Vec<Value> = paths.iter().map(|p| Value::from(p.as_str())).collect();
    Ok(Value::Object(it.new_array(items)))
}

/// A fresh `module` object for a core module being loaded.
pub fn new_module(it: &mut Interp, name: &str) -> Obj {
    let module = it.new_object();
    module.define("id", Value::from(name), Attrs::DEFAULT);
    let exports = it.new_object();
    module.define("exports", Value::Object(exports), Attrs::DEFAULT);
    module
}
