//! ES modules from files, as Node 24 loads them: the engine's module records
//! (`jsgen_engine::interp::module`) fed by Node's ESM resolution (exact file names, `file:`
//! URLs, packages from `node_modules` with `exports` under the `import` condition or `main`),
//! formats by extension, `package.json` `type` and syntax detection, CommonJS and JSON
//! modules as synthetic modules, core modules (`node:fs`, `fs`), `import.meta`, and
//! `require()` of an ES module.
//!
//! The module map is keyed by file URL (`file:///abs/x.mjs`), which is also the source name
//! of an ES module: stack traces show URLs, as Node's do.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::prelude::*;
use crate::require::{dirname_of, is_path_specifier, package_type, resolve_exports};
use jsgen_engine::ast::ModuleRequest;
use jsgen_engine::interp::module::ModuleId;
use jsgen_engine::interp::script::RunError;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

/// The ES module loader's state: the module map.
#[derive(Default)]
pub struct EsmLoader {
    /// URL (or `node:name`) → module.
    pub map: HashMap<String, ModuleId>,
    /// Synthetic CommonJS/JSON modules: module → (format, path).
    pub synthetic: HashMap<ModuleId, (Format, PathBuf)>,
    /// The main module, for `import.meta.main`.
    pub main: Option<ModuleId>,
    /// Every imported file is an ES module, whatever its name (`--module-file`, test262).
    pub all_modules: bool,
    /// Where script code's imports resolve from (`--imports-from`, test262).
    pub script_base: Option<String>,
}

/// How a file is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Module,
    CommonJs,
    Json,
    Builtin,
}

/// `file:///abs/path` for an absolute path (spaces and `%` escaped as in a URL).
pub fn file_url(path: &str) -> String {
    let mut s = String::from("file://");
    for c in path.chars() {
        match c {
            ' ' => s.push_str("%20"),
            '%' => s.push_str("%25"),
            '#' => s.push_str("%23"),
            '?' => s.push_str("%3F"),
            c => s.push(c),
        }
    }
    s
}

/// The path of a `file:` URL (or the text itself if it is not one).
pub fn url_to_path(url: &str) -> String {
    let Some(rest) = url.strip_prefix("file://") else {
        return url.to_string();
    };
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Node 24's syntax detection (`shouldRetryAsESM` in its CommonJS loader): a `.js` file
/// whose CommonJS compilation failed runs as an ES module when the error is one only ES
/// module syntax causes, or one only the CommonJS wrapper causes (top-level `await`, a
/// declared `require`) and the text is a valid module. Node 24 also tries the module parse
/// for the errors a top-level `await` gives inside the wrapper function
/// (`maybe_top_level_await_errors`): "missing ) after argument list" (`f(await x)`) and any
/// "Unexpected ..." (`for await`, `[await x]`); it matches `SyntaxError: Unexpected` in
/// V8's message line, i.e. a message that starts with "Unexpected". Any other error is the
/// CommonJS one, reported under the file's path.
pub fn should_retry_as_esm(message: &str, text: &str) -> bool {
    const ESM_SYNTAX: [&str; 3] = [
        "Cannot use import statement outside a module",
        "Unexpected token 'export'",
        "Cannot use 'import.meta' outside a module",
    ];
    const ONLY_IN_COMMONJS: [&str; 6] = [
        "Identifier 'module' has already been declared",
        "Identifier 'exports' has already been declared",
        "Identifier 'require' has already been declared",
        "Identifier '__filename' has already been declared",
        "Identifier '__dirname' has already been declared",
        "await is only valid in async functions and the top level bodies of modules",
    ];
    let maybe_top_level_await =
        message.contains("missing ) after argument list") || message.starts_with("Unexpected");
    ESM_SYNTAX.contains(&message)
        || ((ONLY_IN_COMMONJS.contains(&message) || maybe_top_level_await)
            && jsgen_engine::interp::module::is_valid_module(text))
}

fn node_error(it: &mut Interp, code: &str, message: &str) -> Abrupt {
    let p = it.intrinsics.error_prototype.clone();
    Abrupt::Throw(crate::process::node_error(it, &p, code, message))
}

/// The file a module's code came from (the referrer of its imports): the main script or
/// `-e` code resolve from the working directory.
fn referrer_path(it: &Interp, referrer: Option<ModuleId>, source: u32) -> String {
    if let (None, Some(base)) = (referrer, &it.node().esm.script_base) {
        return base.clone();
    }
    let name = match referrer {
        Some(m) => url_to_path(&it.module_key(m).to_rust_string()),
        None => it
            .sources
            .get(source as usize)
            .map(|s| url_to_path(&s.name))
            .unwrap_or_default(),
    };
    if name.starts_with('/') {
        name
    } else {
        std::env::current_dir()
            .map(|p| p.join(&name).to_string_lossy().into_owned())
            .unwrap_or(name)
    }
}

fn is_file(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file())
}

/// Node's ESM resolution of `specifier` imported from `from` (an absolute path).
fn esm_resolve(it: &mut Interp, specifier: &str, from: &str) -> JsResult<PathBuf> {
    let dir = dirname_of(from);
    let not_found = |it: &mut Interp, what: &str| {
        node_error(
            it,
            "ERR_MODULE_NOT_FOUND",
            &format!("Cannot find {what} imported from {from}"),
        )
    };
    if let Some(url) = specifier.strip_prefix("file://") {
        let p = PathBuf::from(url_to_path(&format!("file://{url}")));
        return finalize(it, p, from);
    }
    if specifier.starts_with('#') {
        return match crate::require::resolve_imports(
            specifier,
            &dir,
            crate::require::IMPORT_CONDITIONS,
        ) {
            Ok((t, scope)) if t.starts_with("./") => {
                finalize(it, crate::permission::absolute(&scope.join(&t)), from)
            }
            Ok((t, scope)) => {
                let pj = scope.join("package.json");
                esm_resolve(it, &t, &pj.to_string_lossy())
            }
            Err(e) => {
                let message = crate::require::import_not_defined_message(specifier, &e);
                Err(node_error(
                    it,
                    "ERR_PACKAGE_IMPORT_NOT_DEFINED",
                    &format!("{message} imported from {from}"),
                ))
            }
        };
    }
    if is_path_specifier(specifier) {
        let p = crate::permission::absolute(&Path::new(&dir).join(specifier));
        let mut s = p.to_string_lossy().into_owned();
        if specifier.ends_with('/') && !s.ends_with('/') {
            s.push('/');
        }
        return finalize(it, PathBuf::from(s), from);
    }
    // A bare specifier: a package in node_modules.
    let (name, subpath) = crate::require::split_package_name(specifier);
    for nm in crate::require::node_modules_paths(&dir) {
        let pkg_dir = Path::new(&nm).join(name);
        if !pkg_dir.is_dir() {
            continue;
        }
        let pkg = crate::require::read_package_json(&pkg_dir);
        if let Some(exports) = pkg
            .as_ref()
            .and_then(|p| p.get("exports"))
            .filter(|e| !e.is_null())
        {
            return match resolve_exports(exports, &subpath, crate::require::IMPORT_CONDITIONS) {
                Some(t) => finalize(it, crate::permission::absolute(&pkg_dir.join(t)), from),
                None => {
                    let pj = pkg_dir.join("package.json");
                    let what = if subpath == "." {
                        "No \"exports\" main defined in".to_string()
                    } else {
                        format!("Package subpath '{subpath}' is not defined by \"exports\" in")
                    };
                    Err(node_error(
                        it,
                        "ERR_PACKAGE_PATH_NOT_EXPORTED",
                        &format!("{what} {} imported from {from}", pj.display()),
                    ))
                }
            };
        }
        if subpath == "." {
            // Legacy main resolution: `main` (with CommonJS's extensions), then index.js.
            let main = pkg
                .as_ref()
                .and_then(|p| p.get("main"))
                .and_then(|m| m.as_str())
                .map(|m| pkg_dir.join(m));
            let mut candidates = Vec::new();
            if let Some(m) = &main {
                candidates.push(m.clone());
                for ext in [".js", ".json", ".node"] {
                    let mut s = m.as_os_str().to_owned();
                    s.push(ext);
                    candidates.push(PathBuf::from(s));
                }
                for ext in ["index.js", "index.json", "index.node"] {
                    candidates.push(m.join(ext));
                }
            }
            candidates.push(pkg_dir.join("index.js"));
            if let Some(f) = candidates.into_iter().find(|c| is_file(c)) {
                return finalize(it, crate::permission::absolute(&f), from);
            }
            return Err(not_found(it, &format!("package '{}'", pkg_dir.display())));
        }
        let p = crate::permission::absolute(&pkg_dir.join(&subpath));
        return finalize(it, p, from);
    }
    Err(not_found(it, &format!("package '{name}'")))
}

/// finalizeResolution: the file must exist (no extension is added) and not be a directory;
/// the real path is the module's identity.
fn finalize(it: &mut Interp, p: PathBuf, from: &str) -> JsResult<PathBuf> {
    let s = p.to_string_lossy().into_owned();
    if s.ends_with('/') || p.is_dir() {
        return Err(node_error(
            it,
            "ERR_UNSUPPORTED_DIR_IMPORT",
            &format!(
                "Directory import '{s}' is not supported resolving ES modules imported from {from}"
            ),
        ));
    }
    if !is_file(&p) {
        return Err(node_error(
            it,
            "ERR_MODULE_NOT_FOUND",
            &format!("Cannot find module '{s}' imported from {from}"),
        ));
    }
    crate::permission::check_module_read(it, &p)?;
    let real = std::fs::canonicalize(&p).unwrap_or(p);
    // A symlink out of an allowed directory is judged by where it leads.
    crate::permission::check_module_read(it, &real)?;
    Ok(real)
}

/// The format of a file: by extension, then the nearest `package.json` `type`, then (a
/// `.js` with no type) by syntax detection.
fn format_of(path: &Path, text: &str) -> Format {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "mjs" => Format::Module,
        "cjs" => Format::CommonJs,
        "json" => Format::Json,
        _ => match package_type(path).as_deref() {
            Some("module") => Format::Module,
            Some("commonjs") => Format::CommonJs,
            _ => {
                let opts = jsgen_engine::parser::ParseOptions::default();
                match jsgen_engine::parser::parse_script(text, &opts) {
                    Err(e) if should_retry_as_esm(&e.message, text) => Format::Module,
                    _ => Format::CommonJs,
                }
            }
        },
    }
}

/// Turns a module's early error into the SyntaxError it throws (the diagnostic points into
/// the module's file).
fn syntax_abrupt(it: &mut Interp, e: RunError) -> Abrupt {
    match e {
        RunError::Syntax { source, error } => {
            let a = it.syntax_error(&error.message);
            // Node's stack for a module that does not compile: its loader's frames.
            if let Abrupt::Throw(Value::Object(o)) = &a {
                let text = format!(
                    "SyntaxError: {}\n{}",
                    error.message,
                    ESM_COMPILE_FRAMES
                        .iter()
                        .map(|l| format!("    at {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
                o.define("stack", Value::from(text.as_str()), Attrs::HIDDEN);
            }
            it.last_error_pos = Some((source, error.span));
            a
        }
        RunError::Uncaught { value, pos } => {
            it.last_error_pos = pos;
            Abrupt::Throw(value)
        }
    }
}

/// Node 24's frames below a SyntaxError of an ES module that does not compile.
const ESM_COMPILE_FRAMES: [&str; 10] = [
    "compileSourceTextModule (node:internal/modules/esm/utils:319:16)",
    "ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:89:18)",
    "#translate (node:internal/modules/esm/loader:438:20)",
    "afterLoad (node:internal/modules/esm/loader:506:29)",
    "ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:511:12)",
    "#getOrCreateModuleJobAfterResolve (node:internal/modules/esm/loader:564:36)",
    "afterResolve (node:internal/modules/esm/loader:611:52)",
    "ModuleLoader.getOrCreateModuleJob (node:internal/modules/esm/loader:617:12)",
    "node:internal/modules/esm/loader:636:32",
    "TracingChannel.tracePromise (node:diagnostics_channel:370:14)",
];

/// HostLoadImportedModule for Node: the module `request` names from `referrer`.
pub fn load_imported_module(
    it: &mut Interp,
    referrer: Option<ModuleId>,
    source: u32,
    request: &ModuleRequest,
) -> JsResult<ModuleId> {
    let specifier = request.specifier.to_rust_string();
    let from = referrer_path(it, referrer, source);
    let core = specifier.strip_prefix("node:").or_else(|| {
        (crate::modules::exists(&specifier) && !crate::modules::scheme_only(&specifier))
            .then_some(specifier.as_str())
    });
    if let Some(name) = core {
        return builtin_module(it, name, &specifier);
    }
    let path = esm_resolve(it, &specifier, &from)?;
    let url = file_url(&path.to_string_lossy());
    let type_attr = request
        .attributes
        .iter()
        .find(|(k, _)| k.to_rust_string() == "type")
        .map(|(_, v)| v.to_rust_string());
    if let Some((k, v)) = request
        .attributes
        .iter()
        .find(|(k, _)| k.to_rust_string() != "type")
    {
        // ECMA-262: an unsupported attribute key is a SyntaxError (AllImportAttributesSupported;
        // Node reports a TypeError, its own check).
        return Err(it.syntax_error(format!(
            "Import attribute \"{k}\" with value \"{v}\" is not supported in {url}"
        )));
    }
    let is_json = path.extension().is_some_and(|e| e == "json");
    let type_error = |it: &mut Interp, code: &str, message: String| {
        let p = it.intrinsics.type_error_prototype.clone();
        Abrupt::Throw(crate::process::node_error(it, &p, code, &message))
    };
    match (&type_attr, is_json) {
        (None, true) => {
            return Err(type_error(
                it,
                "ERR_IMPORT_ATTRIBUTE_MISSING",
                format!("Module \"{url}\" needs an import attribute of \"type: json\""),
            ))
        }
        (Some(t), _) if t != "json" => {
            return Err(type_error(
                it,
                "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                format!("Import attribute \"type\" with value \"{t}\" is not supported in {url}"),
            ))
        }
        (Some(_), false) => {
            return Err(type_error(
                it,
                "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE",
                format!("Module \"{url}\" is not of type \"json\""),
            ))
        }
        _ => {}
    }
    if let Some(&id) = it.node().esm.map.get(&url) {
        return Ok(id);
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        node_error(
            it,
            "ERR_MODULE_NOT_FOUND",
            &format!(
                "Cannot find module '{}' imported from {from}: {e}",
                path.display()
            ),
        )
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let format = if it.node().esm.all_modules && !is_json {
        Format::Module
    } else {
        format_of(&path, &text)
    };
    let id = match format {
        Format::Module => {
            let src = it.add_source(&url, &text);
            it.create_source_text_module(JsStr::from(url.as_str()), src)
                .map_err(|e| syntax_abrupt(it, e))?
        }
        Format::Json => {
            let id = it
                .create_synthetic_module(JsStr::from(url.as_str()), vec![JsStr::intern("default")]);
            it.node_mut()
                .esm
                .synthetic
                .insert(id, (Format::Json, path.clone()));
            id
        }
        _ => {
            let mut names = vec![JsStr::intern("default"), JsStr::from("module.exports")];
            names.extend(
                cjs_export_names_deep(&path, &text)
                    .into_iter()
                    .map(|n| JsStr::from(n.as_str())),
            );
            let id = it.create_synthetic_module(JsStr::from(url.as_str()), names);
            it.node_mut()
                .esm
                .synthetic
                .insert(id, (Format::CommonJs, path.clone()));
            id
        }
    };
    it.node_mut().esm.map.insert(url, id);
    Ok(id)
}

/// The synthetic module of a core module: `default` is `module.exports`, and each of its
/// own enumerable properties is a named export.
fn builtin_module(it: &mut Interp, name: &str, specifier: &str) -> JsResult<ModuleId> {
    let key = format!("node:{name}");
    if let Some(&id) = it.node().esm.map.get(&key) {
        return Ok(id);
    }
    if !crate::modules::exists(name) {
        if crate::require::is_node_builtin(name) {
            // A Node built-in jsgen does not provide.
            let from = it.node().host.script_path.clone().unwrap_or_default();
            return Err(node_error(
                it,
                "ERR_MODULE_NOT_FOUND",
                &format!("Cannot find package '{specifier}' imported from {from}"),
            ));
        }
        return Err(node_error(
            it,
            "ERR_UNKNOWN_BUILTIN_MODULE",
            &format!("No such built-in module: {specifier}"),
        ));
    }
    let exports = crate::require::require_core(it, name, "")?;
    let mut entries = vec![(JsStr::intern("default"), exports.clone())];
    if let Value::Object(o) = &exports {
        // Node's `process` methods are enumerable own properties (so `import { nextTick }
        // from 'node:process'` works); jsgen's are non-enumerable data properties (as they
        // print), so the facade of `process` takes those too.
        let methods_too = name == "process";
        for k in it.own_property_keys(o)? {
            let PropKey::Str(s) = &k else { continue };
            let exported = it
                .get_own_property(o, &k)?
                .is_some_and(|p| p.attrs.enumerable() || (methods_too && !p.is_accessor()));
            if exported && s.to_rust_string() != "default" {
                let v = it.get(o, &k)?;
                entries.push((s.clone(), v));
            }
        }
    }
    let id = it.create_synthetic_module(
        JsStr::from(key.as_str()),
        entries.iter().map(|(n, _)| n.clone()).collect(),
    );
    for (n, v) in entries {
        it.set_synthetic_export(id, &n, v);
    }
    it.mark_synthetic_evaluated(id);
    it.node_mut()
        .esm
        .synthetic
        .insert(id, (Format::Builtin, PathBuf::new()));
    it.node_mut().esm.map.insert(key, id);
    Ok(id)
}

/// Evaluates a CommonJS or JSON module imported by an ES module: runs it through the
/// CommonJS loader (sharing `require.cache`) and sets its exports.
/// Node's message for a named import a CommonJS module does not provide (ModuleJob's
/// `_instantiate`): the hint destructures the default export, from the `{ ... }` of the
/// import's line (`as` becomes `:`), or leaves that line out when the import spans lines.
pub fn missing_export_message(
    it: &Interp,
    module: ModuleId,
    specifier: &JsStr,
    name: &JsStr,
    import_line: &str,
) -> Option<String> {
    if !matches!(
        it.node().esm.synthetic.get(&module),
        Some((Format::CommonJs, _))
    ) {
        return None;
    }
    // /{.*}/ (greedy, on one line), then /\s+as\s+/g → ': '.
    let destructuring = match (import_line.find('{'), import_line.rfind('}')) {
        (Some(a), Some(b)) if a < b => Some(replace_as(&import_line[a..=b])),
        _ => None,
    };
    let mut msg = format!(
        "Named export '{name}' not found. The requested module '{specifier}' is a CommonJS module, which may not support all module.exports as named exports.\nCommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '{specifier}';\n"
    );
    if let Some(d) = destructuring {
        msg.push_str(&format!("const {d} = pkg;\n"));
    }
    Some(msg)
}

/// `s.replace(/\s+as\s+/g, ': ')`.
fn replace_as(s: &str) -> String {
    // RegExp `\s`: Unicode white space and line terminators, and U+FEFF.
    let space = |c: char| c.is_whitespace() || c == '\u{feff}';
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if space(chars[i]) {
            let mut j = i;
            while j < chars.len() && space(chars[j]) {
                j += 1;
            }
            let mut k = j + 2;
            if chars.get(j) == Some(&'a') && chars.get(j + 1) == Some(&'s') {
                while k < chars.len() && space(chars[k]) {
                    k += 1;
                }
                if k > j + 2 {
                    out.push_str(": ");
                    i = k;
                    continue;
                }
            }
            out.extend(&chars[i..j]);
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

pub fn evaluate_synthetic_module(it: &mut Interp, id: ModuleId) -> JsResult<()> {
    let Some((format, path)) = it.node().esm.synthetic.get(&id).cloned() else {
        return Ok(());
    };
    match format {
        Format::Builtin => Ok(()),
        Format::Json => {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            match jsgen_engine::builtins::json::parse_json_text(it, &JsStr::from(text.as_str())) {
                Ok(v) => {
                    it.set_synthetic_export(id, &JsStr::intern("default"), v);
                    Ok(())
                }
                Err(msg) => Err(it.syntax_error(format!("{}: {msg}", path.display()))),
            }
        }
        _ => {
            let exports = crate::require::load_module(it, &path, None)?;
            it.set_synthetic_export(id, &JsStr::intern("default"), exports.clone());
            it.set_synthetic_export(id, &JsStr::from("module.exports"), exports.clone());
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if let Value::Object(o) = &exports {
                for n in cjs_export_names_deep(&path, &text) {
                    let key = PropKey::from(n.as_str());
                    if it.get_own_property(o, &key)?.is_some() {
                        let v = it.get(o, &key)?;
                        it.set_synthetic_export(id, &JsStr::from(n.as_str()), v);
                    }
                }
            }
            Ok(())
        }
    }
}

/// ModuleJob's `explainCommonJSGlobalLikeNotDefinedError`: a `ReferenceError` for one of
/// CommonJS's variables (`require`, `module`, `exports`, `__filename`, `__dirname`) thrown
/// by the evaluation of the graph rooted at `root` gets " in ES module scope" (and for a
/// `.js` root in a `"type": "module"` package, why it is an ES module); with top-level
/// `await` in the graph, Node's `ERR_AMBIGUOUS_MODULE_SYNTAX` message instead.
pub fn explain_cjs_global_not_defined(it: &mut Interp, root: ModuleId, error: &Value) {
    let Value::Object(e) = error else { return };
    let text = |it: &mut Interp, key: &str| match it.get(e, &PropKey::from(key)) {
        Ok(Value::String(s)) => Some(s.to_rust_string()),
        _ => None,
    };
    if text(it, "name").as_deref() != Some("ReferenceError") {
        return;
    }
    let Some(mut message) = text(it, "message") else {
        return;
    };
    let Some(global) = ["require", "module", "exports", "__filename", "__dirname"]
        .into_iter()
        .find(|g| message == format!("{g} is not defined"))
    else {
        return;
    };
    if it.module_graph_has_tla(root) {
        let advice = match global {
            "require" => "replace require() with import",
            "module" | "exports" => "use export instead of module.exports/exports",
            "__filename" => "use import.meta.filename instead",
            _ => "use import.meta.dirname instead",
        };
        let message = format!(
            "Cannot determine intended module format because both '{global}' and top-level await are present. If the code is intended to be CommonJS, wrap await in an async function. If the code is intended to be an ES module, {advice}."
        );
        let _ = it.set(
            e,
            PropKey::from("message"),
            Value::from(message.as_str()),
            false,
        );
        let _ = it.set(
            e,
            PropKey::from("code"),
            Value::from("ERR_AMBIGUOUS_MODULE_SYNTAX"),
            false,
        );
        return;
    }
    message.push_str(" in ES module scope");
    if message.starts_with("require ") {
        message.push_str(", you can use import instead");
    }
    let url = it.module_key(root).to_rust_string();
    let bare = url.split(['?', '#']).next().unwrap_or("");
    if url.starts_with("file://") && bare.ends_with(".js") {
        let path = url_to_path(bare);
        let dir = crate::require::dirname_of(&path);
        if let Some(scope) = crate::require::package_scope(&dir) {
            let pjson = scope.join("package.json");
            let is_module = crate::require::read_package_json(&scope)
                .and_then(|p| {
                    p.get("type")
                        .and_then(|t| t.as_str())
                        .map(|t| t == "module")
                })
                .unwrap_or(false);
            if is_module {
                message.push_str(&format!(
                    "\nThis file is being treated as an ES module because it has a '.js' file extension and '{}' contains \"type\": \"module\". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.",
                    pjson.display()
                ));
            }
        }
    }
    let _ = it.set(
        e,
        PropKey::from("message"),
        Value::from(message.as_str()),
        false,
    );
}

/// The named exports of a CommonJS module as Node's cjs-module-lexer finds them.
pub fn cjs_export_names(text: &str) -> Vec<String> {
    crate::cjs_lexer::cjs_lex(text).0
}

/// The specifiers a CommonJS module re-exports, as Node's cjs-module-lexer finds them.
pub fn cjs_reexports(text: &str) -> Vec<String> {
    crate::cjs_lexer::cjs_lex(text).1
}

/// The named exports of the CommonJS module at `path` (text `text`), with those of the modules
/// it re-exports (Node's `cjsPreparseModuleExports`: each re-export resolved as `require`
/// would from `path`, followed when it is a `.js` or `.cjs` file; a module already being
/// scanned adds nothing more).
pub fn cjs_export_names_deep(path: &Path, text: &str) -> Vec<String> {
    fn walk(path: &Path, text: &str, seen: &mut Vec<PathBuf>, names: &mut Vec<String>) {
        seen.push(path.to_path_buf());
        let (own, reexports) = crate::cjs_lexer::cjs_lex(text);
        for n in own {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let dir = crate::require::dirname_of(&path.to_string_lossy());
        for spec in reexports {
            let Ok(found) =
                crate::require::resolve_path(&spec, &dir, crate::require::REQUIRE_CONDITIONS)
            else {
                continue;
            };
            let found = std::fs::canonicalize(&found).unwrap_or(found);
            let js = found.extension().is_some_and(|e| e == "js" || e == "cjs");
            if !js || seen.contains(&found) {
                continue;
            }
            if let Ok(t) = std::fs::read_to_string(&found) {
                walk(&found, &t, seen, names);
            }
        }
    }
    let mut names = Vec::new();
    walk(path, text, &mut Vec::new(), &mut names);
    names
}

/// `import.meta`'s properties: `dirname`, `filename`, `main` (the entry module only),
/// `resolve`, `url` (Node 24).
pub fn import_meta_properties(it: &mut Interp, id: ModuleId) -> JsResult<Vec<(JsStr, Value)>> {
    let url = it.module_key(id).to_rust_string();
    let mut props = Vec::new();
    if url.starts_with("file://") {
        let filename = url_to_path(&url);
        props.push((
            JsStr::from("dirname"),
            Value::from(dirname_of(&filename).as_str()),
        ));
        props.push((JsStr::from("filename"), Value::from(filename.as_str())));
    }
    let is_main = it.node().esm.main == Some(id);
    props.push((JsStr::from("main"), Value::Bool(is_main)));
    let resolve = it.native_fn_with(
        "resolve",
        1,
        meta_resolve,
        false,
        vec![Value::from(url.as_str())],
    );
    props.push((JsStr::from("resolve"), Value::Object(resolve)));
    props.push((JsStr::from("url"), Value::from(url.as_str())));
    Ok(props)
}

/// `import.meta.resolve(specifier)`: the URL the specifier resolves to from this module.
fn meta_resolve(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let url = match &a.callee.borrow().kind {
        jsgen_engine::object::ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::String(s)) => s.to_rust_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let id = it.to_string(&a.get(0))?.to_rust_string();
    let name = id.strip_prefix("node:").unwrap_or(&id);
    if crate::modules::exists(name) {
        return Ok(Value::from(format!("node:{name}").as_str()));
    }
    let from = url_to_path(&url);
    if is_path_specifier(&id) {
        let p = crate::permission::absolute(&Path::new(&dirname_of(&from)).join(&id));
        return Ok(Value::from(file_url(&p.to_string_lossy()).as_str()));
    }
    let p = esm_resolve(it, &id, &from)?;
    Ok(Value::from(file_url(&p.to_string_lossy()).as_str()))
}

/// `require()` of an ES module (Node 24): the module's namespace (with `__esModule: true`
/// when it has a default export), if its graph has no top-level `await`.
pub fn require_esm(
    it: &mut Interp,
    path: &Path,
    text: &str,
    parent: Option<&Obj>,
) -> JsResult<Value> {
    let url = file_url(&path.to_string_lossy());
    let id = match it.node().esm.map.get(&url) {
        Some(&id) => id,
        None => {
            let src = it.add_source(&url, text);
            let id = it
                .create_source_text_module(JsStr::from(url.as_str()), src)
                .map_err(|e| syntax_abrupt(it, e))?;
            it.node_mut().esm.map.insert(url.clone(), id);
            id
        }
    };
    it.load_requested_modules(id)?;
    it.link_module(id)?;
    if it.module_graph_has_tla(id) {
        let mut msg = String::from("require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.");
        msg.push_str(&format!("\nRequired module: {}", path.display()));
        let stack = parent
            .and_then(|p| p.get_own_data(&jsgen_engine::static_key!("filename")))
            .map(|f| it.to_string_lossy(&f));
        if let Some(s) = stack {
            msg.push_str(&format!("\nRequire stack:\n- {s}"));
        }
        return Err(node_error(it, "ERR_REQUIRE_ASYNC_MODULE", &msg));
    }
    let p = it.evaluate_module(id);
    let state = match &p.borrow().kind {
        jsgen_engine::object::ObjectKind::Promise(d) => match &d.state {
            jsgen_engine::interp::jobs::PromiseState::Rejected(e) => Some(e.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(e) = state {
        // The error is thrown to the caller of `require`; the evaluation's promise is no
        // unhandled rejection (a `then` with no handlers would rethrow it as uncaught).
        it.mark_promise_handled(&p);
        return Err(Abrupt::Throw(e));
    }
    let ns = it.module_namespace(id)?;
    let has_default = ns
        .get_own_property(&jsgen_engine::static_key!("default"))
        .is_some()
        || it.has_property(&ns, &jsgen_engine::static_key!("default"))?;
    let has_flag = it.has_property(&ns, &jsgen_engine::static_key!("__esModule"))?;
    if has_default && !has_flag {
        let ns = it.module_namespace_with(id, JsStr::from("__esModule"), Value::Bool(true))?;
        return Ok(Value::Object(ns));
    }
    Ok(Value::Object(ns))
}

/// Runs the main program as an ES module (a `.mjs` file, a `.js` one in a `"type":
/// "module"` package): its source is named by its URL, as Node's stack traces show it.
pub fn run_main_module(it: &mut Interp, path: &str, text: &str) -> Result<Value, RunError> {
    let url = file_url(path);
    let source = it.add_source(&url, text);
    let id = it.create_source_text_module(JsStr::from(url.as_str()), source)?;
    it.node_mut().esm.map.insert(url, id);
    it.node_mut().esm.main = Some(id);
    let _ = Attrs::DEFAULT;
    // Node's frames below the module graph's evaluation (`ModuleJob.run`, v24.22.3).
    it.stack.push(jsgen_engine::interp::StackEntry {
        method_call: None,
        construct: false,
        next_below: false,
        name: JsStr::intern(NODE_ESM_MAIN_FRAMES),
        pos: Default::default(),
        source: 0,
        kind: jsgen_engine::interp::FrameKind::HostEntry,
    });
    let r = it.run_module_record(id);
    it.stack.pop();
    it.node_mut().host.microtasks_first = true;
    r
}

/// The frames below a main ES module's top-level code (and its imports') in Node 24's stack
/// traces: its ESM loader, `\n`-separated as a named host entry holds them.
const NODE_ESM_MAIN_FRAMES: &str = "ModuleJob.run (node:internal/modules/esm/module_job:561:25)\n\
     async node:internal/modules/esm/loader:647:26\n\
     async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:101:5)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_round_trip() {
        let url = file_url("/tmp/a b/c#d.mjs");
        assert_eq!(url, "file:///tmp/a%20b/c%23d.mjs");
        assert_eq!(url_to_path(&url), "/tmp/a b/c#d.mjs");
    }
}
