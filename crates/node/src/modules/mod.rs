//! Node's core modules that `require` can load. Each is JavaScript (as in Node's own `lib/`)
//! embedded in the binary and evaluated on first `require`, as
//! `(function (exports, require, module, binding) { ... })`; `binding` gives it the native
//! helpers below (inspect, format, type checks). Only modules that need no file system,
//! network or process access are here.

use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, PropKey};
use jsgen_engine::parser::ParseOptions;
use jsgen_engine::value::Value;

/// (name, source) of every core module.
const MODULES: &[(&str, &str)] = &[
    ("events", include_str!("events.js")),
    ("util", include_str!("util.js")),
    ("assert", include_str!("assert.js")),
    (
        "assert/strict",
        "'use strict'; module.exports = require('assert').strict;",
    ),
    ("timers", include_str!("timers.js")),
    ("timers/promises", include_str!("timers_promises.js")),
    ("test", include_str!("test.js")),
    ("perf_hooks", include_str!("perf_hooks.js")),
    ("internal/errors", include_str!("internal_errors.js")),
    ("internal/util", include_str!("internal_util.js")),
    (
        "internal/util/parse_args",
        include_str!("internal_parse_args.js"),
    ),
    ("internal/mime", include_str!("internal/mime.js")),
    ("internal/util/diff", include_str!("internal/util_diff.js")),
    (
        "internal/util/extra",
        include_str!("internal/util_extra.js"),
    ),
    (
        "internal/util/debounce",
        include_str!("internal/util_debounce.js"),
    ),
    (
        "internal/util/throttle",
        include_str!("internal/util_throttle.js"),
    ),
    (
        "internal/util/comparisons",
        include_str!("internal/comparisons.js"),
    ),
    (
        "internal/assert/myers_diff",
        include_str!("internal/myers_diff.js"),
    ),
    ("buffer", include_str!("buffer.js")),
    ("internal/encoding", include_str!("internal_encoding.js")),
    ("crypto", include_str!("crypto.js")),
    ("path", include_str!("path.js")),
    (
        "internal/path/win32",
        include_str!("internal/path_win32.js"),
    ),
    (
        "path/posix",
        "'use strict'; module.exports = require('path').posix;",
    ),
    (
        "path/win32",
        "'use strict'; module.exports = require('path').win32;",
    ),
    ("os", include_str!("os.js")),
    ("stream", include_str!("stream.js")),
    (
        "stream/promises",
        "'use strict'; module.exports = require('stream').promises;",
    ),
    // Node's legacy aliases of the stream classes (lib/_stream_*.js), still used by older
    // tutorials and libraries: each exports the class itself, without a warning.
    (
        "_stream_readable",
        "'use strict'; module.exports = require('stream').Readable;",
    ),
    (
        "_stream_writable",
        "'use strict'; module.exports = require('stream').Writable;",
    ),
    (
        "_stream_duplex",
        "'use strict'; module.exports = require('stream').Duplex;",
    ),
    (
        "_stream_transform",
        "'use strict'; module.exports = require('stream').Transform;",
    ),
    (
        "_stream_passthrough",
        "'use strict'; module.exports = require('stream').PassThrough;",
    ),
    (
        "internal/streams/operators",
        include_str!("internal/stream_operators.js"),
    ),
    ("string_decoder", include_str!("string_decoder.js")),
    ("fs", include_str!("fs.js")),
    ("internal/fs/glob", include_str!("internal/fs_glob.js")),
    (
        "internal/fs/streams",
        include_str!("internal/fs_streams.js"),
    ),
    (
        "internal/fs/promises",
        include_str!("internal/fs_promises.js"),
    ),
    (
        "internal/fs/watchers",
        include_str!("internal/fs_watchers.js"),
    ),
    (
        "fs/promises",
        "'use strict'; module.exports = require('fs').promises;",
    ),
    ("readline", include_str!("readline.js")),
    (
        "readline/promises",
        "'use strict'; module.exports = require('readline').promises;",
    ),
    (
        "internal/per_context/domexception",
        include_str!("internal/domexception.js"),
    ),
    (
        "internal/event_target",
        include_str!("internal/event_target.js"),
    ),
    ("internal/url", include_str!("internal/url.js")),
    ("internal/navigator", include_str!("internal/navigator.js")),
    (
        "internal/crypto_globals",
        include_str!("internal/crypto_globals.js"),
    ),
    (
        "internal/url_pattern",
        include_str!("internal/url_pattern.js"),
    ),
    ("internal/fetch", include_str!("internal/fetch.js")),
    ("internal/web_fetch", include_str!("internal/web_fetch.js")),
    ("url", include_str!("url.js")),
    (
        "internal/url_legacy",
        include_str!("internal/url_legacy.js"),
    ),
    ("querystring", include_str!("querystring.js")),
    (
        "internal/abort_controller",
        include_str!("internal/abort_controller.js"),
    ),
    ("process", "'use strict'; module.exports = process;"),
    ("console", "'use strict'; module.exports = console;"),
    (
        "sys",
        "'use strict'; binding.emitWarning('[DEP0025] DeprecationWarning', \
         'sys is deprecated. Use util instead.'); module.exports = require('util');",
    ),
    (
        "util/types",
        "'use strict'; module.exports = require('util').types;",
    ),
    ("constants", include_str!("constants.js")),
    ("tty", include_str!("tty.js")),
    ("punycode", include_str!("punycode.js")),
    ("async_hooks", include_str!("async_hooks.js")),
    ("child_process", include_str!("child_process.js")),
    (
        "diagnostics_channel",
        include_str!("diagnostics_channel.js"),
    ),
    ("stream/consumers", include_str!("stream_consumers.js")),
    (
        "internal/webstreams",
        include_str!("internal/webstreams.js"),
    ),
    ("internal/blob", include_str!("internal/blob.js")),
    (
        "internal/perf/observe",
        include_str!("internal/perf_observe.js"),
    ),
    (
        "internal/webstreams/adapters",
        include_str!("internal/webstreams_adapters.js"),
    ),
    (
        "internal/console/constructor",
        include_str!("internal/console_constructor.js"),
    ),
    ("internal/worker_io", include_str!("internal/worker_io.js")),
    (
        "stream/web",
        "'use strict'; module.exports = Object.assign({}, require('internal/webstreams'));",
    ),
    ("worker_threads", include_str!("worker_threads.js")),
    ("vm", include_str!("vm.js")),
    ("v8", include_str!("v8.js")),
    ("zlib", include_str!("zlib.js")),
    ("module", include_str!("module.js")),
];

/// Whether `name` is one of Node's internal modules, which only core modules may require.
pub fn is_internal(name: &str) -> bool {
    name.starts_with("internal/")
}

pub fn exists(name: &str) -> bool {
    !is_internal(name) && MODULES.iter().any(|(n, _)| *n == name)
}

/// Core modules only reachable with the `node:` scheme (Node's `schemelessBlockList`): a
/// bare `require('test')` looks for a package named `test`.
pub fn scheme_only(name: &str) -> bool {
    matches!(name, "test" | "test/reporters" | "sea" | "sqlite")
}

/// Loads core module `name` (None if there is no such module).
pub fn load(it: &mut Interp, name: &str) -> Option<JsResult<Value>> {
    let (_, src) = MODULES.iter().find(|(n, _)| *n == name)?;
    Some(load_source(it, name, src))
}

fn load_source(it: &mut Interp, name: &str, src: &str) -> JsResult<Value> {
    let module = crate::require::new_module(it, name);
    it.node_mut()
        .host
        .modules
        .push((name.to_string(), Value::Object(module.clone())));
    let text = format!("(function (exports, require, module, binding) {{ {src}\n}})");
    let source = it.add_source(&format!("node:{name}"), &text);
    let func = it
        .compile(source, &ParseOptions::default())
        .and_then(|script| it.evaluate_script(&script, source));
    let func = match func {
        Ok(f) => f,
        Err(jsgen_engine::interp::script::RunError::Uncaught { value, .. }) => {
            return Err(Abrupt::Throw(value))
        }
        Err(jsgen_engine::interp::script::RunError::Syntax { .. }) => {
            return Err(it.plain_error(format!("internal error: node:{name} does not parse")))
        }
    };
    let require = it.native_fn("require", 1, internal_require);
    let binding = binding(it);
    let exports = it.get(&module, &jsgen_engine::static_key!("exports"))?;
    it.call(
        &func,
        &Value::Undefined,
        &[
            exports,
            Value::Object(require),
            Value::Object(module.clone()),
            Value::Object(binding),
        ],
    )?;
    it.get(&module, &jsgen_engine::static_key!("exports"))
}

fn internal_require(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = it.to_string(&a.get(0))?.to_rust_string();
    crate::require::require_core(it, &id, "node:internal")
}

/// `util.inspect` itself (the binding's one function, which `node:util` exports): the third
/// argument of a `[util.inspect.custom]` method, as in Node.
pub(crate) fn inspect_function(it: &mut Interp) -> Obj {
    let b = binding(it);
    match b.get_own_data(&jsgen_engine::static_key!("inspect")) {
        Some(Value::Object(f)) => f,
        _ => crate::inspect::make_inspect_function(it),
    }
}

/// The native helpers core modules use.
fn binding(it: &mut Interp) -> Obj {
    if let Some(b) = &it.node_mut().host.binding {
        return b.clone();
    }
    let b = it.new_object();
    let inspect = crate::inspect::make_inspect_function(it);
    b.define("inspect", Value::Object(inspect), Attrs::DEFAULT);
    it.define_method(&b, "format", 0, |it, a| {
        let opts = crate::inspect::InspectOptions::current(it)?;
        let s = crate::inspect::format_with_options(it, &opts, a.args)?;
        Ok(Value::from(s.as_str()))
    });
    it.define_method(&b, "formatWithOptions", 1, |it, a| {
        let mut opts = crate::inspect::InspectOptions::current(it)?;
        let o = a.get(0);
        if !matches!(o, Value::Object(_)) {
            return Err(crate::process::invalid_arg_type(
                it,
                "inspectOptions",
                "of type object",
                &o,
            ));
        }
        opts.apply_object(it, &o)?;
        let rest = a.args.get(1..).unwrap_or(&[]);
        let s = crate::inspect::format_with_options(it, &opts, rest)?;
        Ok(Value::from(s.as_str()))
    });
    // The sealed object behind `util.inspect.defaultOptions` (lib/internal/util/inspect.js).
    it.define_method(&b, "inspectDefaultOptions", 0, |it, _| {
        if let Some(d) = &it.node_mut().host.inspect_defaults {
            return Ok(Value::Object(d.clone()));
        }
        let d = it.new_object();
        for (k, v) in [
            ("showHidden", Value::Bool(false)),
            ("depth", Value::Number(2.0)),
            ("colors", Value::Bool(false)),
            ("customInspect", Value::Bool(true)),
            ("showProxy", Value::Bool(false)),
            ("maxArrayLength", Value::Number(100.0)),
            ("maxStringLength", Value::Number(10000.0)),
            ("breakLength", Value::Number(80.0)),
            ("compact", Value::Number(3.0)),
            ("sorted", Value::Bool(false)),
            ("getters", Value::Bool(false)),
            ("numericSeparator", Value::Bool(false)),
        ] {
            // Sealed: writable, enumerable, not configurable; no new properties.
            d.define(k, v, Attrs::new(true, true, false));
        }
        d.borrow_mut().extensible = false;
        it.node_mut().host.inspect_defaults = Some(d.clone());
        Ok(Value::Object(d))
    });
    it.define_method(&b, "invalidArgType", 3, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let expected = it.to_string(&a.get(1))?.to_rust_string();
        match crate::process::invalid_arg_type(it, &name, &expected, &a.get(2)) {
            Abrupt::Throw(v) => Ok(v),
            _ => Ok(Value::Undefined),
        }
    });
    // Frameless: the stack of the error it makes starts at the core module's caller.
    let node_error = it.define_method_obj(&b, "nodeError", 3, |it, a| {
        let ctor = it.to_string(&a.get(0))?.to_rust_string();
        let code = it.to_string(&a.get(1))?.to_rust_string();
        let msg = it.to_string(&a.get(2))?.to_rust_string();
        let p = match ctor.as_str() {
            "TypeError" => it.intrinsics.type_error_prototype.clone(),
            "RangeError" => it.intrinsics.range_error_prototype.clone(),
            "SyntaxError" => it.intrinsics.syntax_error_prototype.clone(),
            _ => it.intrinsics.error_prototype.clone(),
        };
        Ok(crate::process::node_error(it, &p, &code, &msg))
    });
    it.mark_frameless(&node_error);
    it.define_method(&b, "emitWarning", 2, |it, a| {
        let ty = it.to_string(&a.get(0))?.to_rust_string();
        let msg = it.to_string(&a.get(1))?.to_rust_string();
        crate::process::queue_warning(it, &ty, &msg);
        Ok(Value::Undefined)
    });
    // `binding.defineLazyExport(obj, key, module, export)`: `obj[key]` is an ordinary data
    // property (writable, enumerable, configurable) whose value, the export `export` of core
    // module `module`, is loaded on its first read or descriptor lookup. Node's own modules
    // are in its start-up snapshot, so a property Node makes eagerly costs it nothing; here it
    // costs parsing a module, and a script cannot tell the difference. The lazy value is found
    // by the property's name (one table with the lazy globals'), so a name must always stand
    // for the same export.
    it.define_method(&b, "defineLazyExport", 4, |it, a| {
        let Value::Object(target) = a.get(0) else {
            return Err(it.type_error("defineLazyExport: not an object"));
        };
        let key = it.to_string(&a.get(1))?.to_rust_string();
        let module = it.to_string(&a.get(2))?.to_rust_string();
        let export = it.to_string(&a.get(3))?.to_rust_string();
        let lazy = &mut it.node_mut().host.lazy_exports;
        match lazy.get(&key) {
            Some(known) if *known != (module.clone(), export.clone()) => {
                return Err(it.type_error("defineLazyExport: the name stands for another export"));
            }
            Some(_) => {}
            None => {
                lazy.insert(key.clone(), (module, export));
            }
        }
        crate::lazy_global::define_lazy_export(&target, &key);
        Ok(Value::Undefined)
    });
    it.define_method(&b, "callSite", 0, call_site);
    // `binding.setTraceSigInt(enable)`: util.setTraceSigInt (crate::sigint).
    it.define_method(&b, "setTraceSigInt", 1, |it, a| {
        crate::sigint::set_trace_sigint(it, a.get(0).to_boolean());
        Ok(Value::Undefined)
    });
    // `binding.markPromiseAsHandled(p)`: V8's `Promise::MarkAsHandled` (no unhandled-rejection
    // report for `p`; util.markPromiseAsHandled has checked it is a promise).
    it.define_method(&b, "markPromiseAsHandled", 1, |_, a| {
        if let Value::Object(p) = a.get(0) {
            if let ObjectKind::Promise(pd) = &mut p.borrow_mut().kind {
                pd.is_handled = true;
            }
        }
        Ok(Value::Undefined)
    });
    // `binding.getCallSites(n)`: util.getCallSites' frames, below the util.js function that
    // asks, as null-prototype objects in Node 24's key order.
    it.define_method(&b, "getCallSites", 1, |it, a| {
        let n = it.to_number(&a.get(0))?;
        let limit = if n.is_finite() && n > 0.0 {
            n.min(200.0) as usize
        } else {
            0
        };
        let sites = it.call_sites(1, limit);
        let mut out = Vec::with_capacity(sites.len());
        for site in sites {
            let o = Obj::new(None, ObjectKind::Ordinary);
            o.define(
                "functionName",
                Value::from(site.function_name.as_str()),
                Attrs::DEFAULT,
            );
            o.define(
                "scriptId",
                Value::from(site.script_id.to_string().as_str()),
                Attrs::DEFAULT,
            );
            o.define(
                "scriptName",
                Value::from(site.script_name.as_str()),
                Attrs::DEFAULT,
            );
            o.define("lineNumber", Value::from(site.line), Attrs::DEFAULT);
            o.define("columnNumber", Value::from(site.column), Attrs::DEFAULT);
            o.define("column", Value::from(site.column), Attrs::DEFAULT);
            out.push(Value::Object(o));
        }
        Ok(Value::Object(it.new_array(out)))
    });
    // Node's `internalBinding(name)`: the natives of one subsystem, made on request.
    it.define_method(&b, "internalBinding", 1, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let o = match name.as_str() {
            "buffer" => crate::buffer::binding(it),
            "encoding_binding" => crate::encoding::binding(it),
            "crypto" => crate::crypto::binding(it),
            _ => return Ok(Value::Undefined),
        };
        Ok(Value::Object(o))
    });
    crate::url::define_natives(it, &b);
    crate::url::define_pattern_natives(it, &b);
    it.define_method(&b, "availableParallelism", 0, |_, _| {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(Value::from(n as u32))
    });
    // `getColorDepth()` from the environment (`FORCE_COLOR`, `TERM`, `NO_COLOR`, CI, ...).
    it.define_method(&b, "colorDepth", 0, |_, _| {
        let depth = crate::console::get_color_depth(&|k| std::env::var(k).ok());
        Ok(Value::from(depth as u32))
    });
    // `shouldColorize`'s FORCE_COLOR rule: undefined when the variable is unset, else
    // whether its color depth is over 2 colors.
    it.define_method(&b, "forcedColors", 0, |_, _| {
        let env = |k: &str| std::env::var(k).ok();
        if env("FORCE_COLOR").is_none() {
            return Ok(Value::Undefined);
        }
        Ok(Value::Bool(crate::console::should_colorize(false, &env)))
    });
    // `process.env.TERM === 'dumb'` on the real environment (console.clear).
    it.define_method(&b, "termIsDumb", 0, |_, _| {
        Ok(Value::Bool(std::env::var("TERM").as_deref() == Ok("dumb")))
    });
    // `internal/perf/observe` registers its `enqueue` for new timeline entries.
    it.define_method(&b, "setPerfEnqueue", 1, |it, a| {
        it.node_mut().host.perf_enqueue = Some(a.get(0));
        Ok(Value::Undefined)
    });
    it.define_method(&b, "consoleTable", 3, crate::console::console_table_binding);
    it.define_method(&b, "createRequire", 1, crate::require::create_require);
    it.define_method(&b, "modulePrototype", 0, |it, _| {
        Ok(Value::Object(crate::require::module_prototype(it)))
    });
    it.define_method(&b, "builtinModules", 0, |it, _| {
        let names: Vec<Value> = crate::require::NODE_BUILTINS
            .split_whitespace()
            .map(Value::from)
            .collect();
        Ok(Value::Object(it.new_array(names)))
    });
    // `util.parseEnv(text)` (the caller validated `text`).
    it.define_method(&b, "parseEnv", 1, |it, a| {
        let text = it.to_string(&a.get(0))?.to_rust_string();
        let o = it.new_object();
        for (k, v) in crate::dotenv::parse_env(&text) {
            o.define(k.as_str(), Value::from(v.as_str()), Attrs::DEFAULT);
        }
        Ok(Value::Object(o))
    });
    it.define_method(&b, "kindOf", 1, |_, a| Ok(Value::from(kind_of(&a.get(0)))));
    // `bitAccessors(kState, kind, bit, other, valueKey, off)`: the getter and setter pair of a
    // stream state's flag kept in the bit field `this[kState]` (Node 24's
    // makeBitMapDescriptor and its variants), native so that the streams' many flag reads
    // cost no script call. Kinds: 0 a flag; 1 a tri-state (`other` is the has-value bit, `off`
    // the absent value); 2 a value under `valueKey` while the bit is set (`off` otherwise;
    // stored only when truthy); 3 the same, always stored.
    it.define_method(&b, "bitAccessors", 6, |it, a| {
        let caps = a.args.to_vec();
        let get = it.native_fn_with("get", 0, bit_accessor_get, false, caps.clone());
        let set = it.native_fn_with("set", 1, bit_accessor_set, false, caps);
        let o = it.new_object();
        o.define("get", Value::Object(get), Attrs::DEFAULT);
        o.define("set", Value::Object(set), Attrs::DEFAULT);
        Ok(Value::Object(o))
    });
    // `util.types.isProxy` / `isModuleNamespaceObject` (a namespace is a proxy inside).
    it.define_method(&b, "proxyKind", 1, |_, a| {
        let Value::Object(o) = a.get(0) else {
            return Ok(Value::from(""));
        };
        let k = match &o.borrow().kind {
            ObjectKind::Proxy(p) if p.namespace.is_some() => "namespace",
            ObjectKind::Proxy(_) => "proxy",
            _ => "",
        };
        Ok(Value::from(k))
    });
    // Node's `internalBinding('async_context_frame')`: the engine's continuation data.
    it.define_method(&b, "getContinuationPreservedEmbedderData", 0, |it, _| {
        Ok(it.continuation_data.clone())
    });
    it.define_method(&b, "setContinuationPreservedEmbedderData", 1, |it, a| {
        it.continuation_data = a.get(0);
        Ok(Value::Undefined)
    });
    // `stdioKind(fd)`: what Node's guessHandleType makes of fd 1 or 2: 'tty', 'fs' (a
    // regular file or another character device: SyncWriteStream) or 'pipe' (Socket).
    it.define_method(&b, "stdioKind", 1, |it, a| {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let fd = it.to_number(&a.get(0))?;
        if it.node().console.capture.is_some() {
            return Ok(Value::from("pipe"));
        }
        let (tty, owned) = if fd == 2.0 {
            let e = std::io::stderr();
            (e.is_terminal(), e.as_fd().try_clone_to_owned())
        } else {
            let o = std::io::stdout();
            (o.is_terminal(), o.as_fd().try_clone_to_owned())
        };
        if tty {
            return Ok(Value::from("tty"));
        }
        let file = owned
            .map(std::fs::File::from)
            .and_then(|f| f.metadata())
            .is_ok_and(|m| {
                use std::os::unix::fs::FileTypeExt;
                m.is_file() || m.file_type().is_char_device()
            });
        Ok(Value::from(if file { "fs" } else { "pipe" }))
    });
    // `coreLoaded(name)`: whether core module `name` has been loaded.
    it.define_method(&b, "coreLoaded", 1, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        Ok(Value::Bool(
            it.node().host.modules.iter().any(|(n, _)| *n == name),
        ))
    });
    // `shutdownStdout()`: process.stdout was ended; unless it is a regular file, output to
    // it is dropped from now on (Node shut down the pipe's or terminal's write side).
    it.define_method(&b, "shutdownStdout", 0, |it, _| {
        let console = &mut it.node_mut().console;
        if !console.stdout_is_file() {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            console.stdout_shut = true;
        }
        Ok(Value::Undefined)
    });
    // `queuePoll(fn, refed)`: runs `fn` in the event loop's next poll phase (message ports);
    // an unreferenced one runs only if something else keeps the loop going.
    it.define_method(&b, "queuePoll", 2, |it, a| {
        let f = a.get(0);
        let refed = a.get(1).to_boolean();
        if it.is_callable(&f) {
            let context = it.continuation_data.clone();
            it.node_mut()
                .timers
                .poll_callbacks
                .push_back((f, context, refed));
        }
        Ok(Value::Undefined)
    });
    // Async ids (`async_hooks`): a new id, the current pair, entering/leaving a scope.
    it.define_method(&b, "newAsyncId", 0, |it, _| {
        Ok(Value::Number(it.node_mut().timers.new_async_id() as f64))
    });
    it.define_method(&b, "executionAsyncId", 0, |it, _| {
        Ok(Value::Number(it.node().timers.exec_async_id as f64))
    });
    it.define_method(&b, "triggerAsyncId", 0, |it, _| {
        Ok(Value::Number(it.node().timers.trigger_async_id as f64))
    });
    // `enterAsyncScope(id, trigger)` → the previous [id, trigger]; `exitAsyncScope(saved)`.
    it.define_method(&b, "enterAsyncScope", 2, |it, a| {
        let id = it.to_number(&a.get(0))?;
        let trigger = it.to_number(&a.get(1))?;
        let id = if id.is_finite() && id >= 0.0 {
            id as u64
        } else {
            0
        };
        let trigger = if trigger.is_finite() && trigger >= 0.0 {
            trigger as u64
        } else {
            0
        };
        let (pi, pt) = it.node_mut().timers.enter_async_scope(id, trigger);
        let pair = vec![Value::Number(pi as f64), Value::Number(pt as f64)];
        Ok(Value::Object(it.new_array(pair)))
    });
    it.define_method(&b, "exitAsyncScope", 2, |it, a| {
        let id = it.to_number(&a.get(0))?;
        let trigger = it.to_number(&a.get(1))?;
        let id = if id.is_finite() && id >= 0.0 {
            id as u64
        } else {
            0
        };
        let trigger = if trigger.is_finite() && trigger >= 0.0 {
            trigger as u64
        } else {
            0
        };
        it.node_mut().timers.exit_async_scope((id, trigger));
        Ok(Value::Undefined)
    });
    // `tty.isatty(fd)`.
    it.define_method(&b, "isatty", 1, |it, a| {
        let fd = it.to_number(&a.get(0))?;
        if !((0.0..=f64::from(i32::MAX)).contains(&fd) && fd.fract() == 0.0) {
            return Ok(Value::Bool(false));
        }
        // SAFETY: isatty only inspects the descriptor number.
        Ok(Value::Bool(unsafe { libc::isatty(fd as i32) } == 1))
    });
    // `[columns, rows]` of the terminal on `fd`, or undefined.
    it.define_method(&b, "windowSize", 1, |it, a| {
        let fd = it.to_number(&a.get(0))?;
        if !(0.0..=f64::from(i32::MAX)).contains(&fd) {
            return Ok(Value::Undefined);
        }
        let mut ws = libc::winsize {
            ws_row: 0,
            ws_col: 0,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we pass.
        let r = unsafe { libc::ioctl(fd as i32, libc::TIOCGWINSZ, &mut ws) };
        if r != 0 {
            return Ok(Value::Undefined);
        }
        let pair = vec![Value::from(ws.ws_col as u32), Value::from(ws.ws_row as u32)];
        Ok(Value::Object(it.new_array(pair)))
    });
    // `getColorDepth(env)` for a given env object (tty.WriteStream).
    it.define_method(&b, "colorDepthOf", 1, |it, a| {
        let mut vars = std::collections::HashMap::new();
        if let Value::Object(env) = a.get(0) {
            for k in it.own_property_keys(&env)? {
                if let PropKey::Str(name) = &k {
                    let v = it.get(&env, &k)?;
                    if !matches!(v, Value::Undefined) {
                        let v = it.to_string(&v)?.to_rust_string();
                        vars.insert(name.to_rust_string(), v);
                    }
                }
            }
        }
        let depth = crate::console::get_color_depth(&|k| vars.get(k).cloned());
        Ok(Value::from(depth as u32))
    });
    crate::fs::install(it, &b);
    crate::child_process::install(it, &b);
    crate::zlib::install(it, &b);
    crate::os::install(it, &b);
    let aip = it.intrinsics.async_iterator_prototype.clone();
    b.define("asyncIteratorPrototype", Value::Object(aip), Attrs::DEFAULT);
    it.node_mut().host.binding = Some(b.clone());
    b
}

/// The internal kind of a value, for `util.types` checks.
fn kind_of(v: &Value) -> &'static str {
    let Value::Object(o) = v else {
        return "primitive";
    };
    match &o.borrow().kind {
        ObjectKind::Closure(c) => match (c.func.is_async, c.func.is_generator) {
            (true, true) => "asyncgeneratorfunction",
            (true, false) => "asyncfunction",
            (false, true) => "generatorfunction",
            _ => "function",
        },
        ObjectKind::Native(_) | ObjectKind::Bound(_) => "function",
        ObjectKind::Generator(_) => "generator",
        ObjectKind::Async(a) if a.func.is_generator => "asyncgenerator",
        ObjectKind::Promise(_) => "promise",
        ObjectKind::Date(_) => "date",
        ObjectKind::RegExp(_) => "regexp",
        ObjectKind::Map(_) => "map",
        ObjectKind::Set(_) => "set",
        ObjectKind::WeakMap(_) => "weakmap",
        ObjectKind::WeakSet(_) => "weakset",
        ObjectKind::Error => "error",
        ObjectKind::Arguments(_) => "arguments",
        ObjectKind::Array { .. } => "array",
        ObjectKind::Boolean(_) => "boolean",
        ObjectKind::Number(_) => "number",
        ObjectKind::String(_) => "string",
        ObjectKind::Symbol(_) => "symbol",
        ObjectKind::BigInt(_) => "bigint",
        ObjectKind::MapIterator { .. } => "mapiterator",
        ObjectKind::SetIterator { .. } => "setiterator",
        ObjectKind::ArrayBuffer(b) if b.shared => "sharedarraybuffer",
        ObjectKind::ArrayBuffer(_) => "arraybuffer",
        ObjectKind::DataView(_) => "dataview",
        // A typed array's kind is its constructor name (`Uint8Array`, ...).
        ObjectKind::TypedArray(ta) => ta.ty.constructor_name(),
        _ => "object",
    }
}

/// The source text of the innermost call made from user code (for `assert(x)`'s message
/// `The expression evaluated to a falsy value: assert(x)`), or `undefined`.
fn call_site(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    for e in it.stack.iter().rev() {
        if e.pos.start == e.pos.end {
            continue;
        }
        let Some(src) = it.sources.get(e.source as usize) else {
            continue;
        };
        if src.name.starts_with("node:") {
            continue;
        }
        // The frame's position is where V8 puts the call (the callee's start for `assert(x)`,
        // the method name for `assert.ok(x)`); Node parses the call expression from there.
        let mut start = e.pos.start as usize;
        let end = call_end(&src.text, start).unwrap_or(e.pos.end as usize);
        // A method call: back over `a.b.` to the start of the member chain.
        let bytes = src.text.as_bytes();
        while start > 0 && bytes[start - 1] == b'.' {
            let mut j = start - 1;
            while j > 0
                && (bytes[j - 1].is_ascii_alphanumeric() || matches!(bytes[j - 1], b'_' | b'$'))
            {
                j -= 1;
            }
            if j == start - 1 {
                break;
            }
            start = j;
        }
        return Ok(src
            .text
            .get(start..end)
            .map(Value::from)
            .unwrap_or_default());
    }
    Ok(Value::Undefined)
}

/// The end of the call expression whose callee starts at `start`: just past the `)` that
/// closes its first argument list (strings and template literals skipped).
fn call_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'\'' | b'"' | b'`' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 && b == b')' {
                        return Some(i + 1);
                    }
                }
                b';' | b'\n' if depth == 0 => return None,
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The captures of a `bitAccessors` function: (state key, kind, bit, other bit, value key,
/// off value).
fn bit_accessor_captures(a: &Args) -> Option<(PropKey, i32, i32, i32, Value, Value)> {
    let callee = a.callee.borrow();
    let ObjectKind::Native(n) = &callee.kind else {
        return None;
    };
    let c = &n.captures;
    let Some(Value::Symbol(state)) = c.first() else {
        return None;
    };
    let num = |i: usize| match c.get(i) {
        Some(Value::Number(x)) => *x as i32,
        _ => 0,
    };
    Some((
        PropKey::Sym(state.clone()),
        num(1),
        num(2),
        num(3),
        c.get(4).cloned().unwrap_or_default(),
        c.get(5).cloned().unwrap_or_default(),
    ))
}

fn state_bits(o: &Obj, key: &PropKey) -> i32 {
    match o.get_own_data(key) {
        Some(Value::Number(n)) => n as i64 as i32,
        _ => 0,
    }
}

fn bit_accessor_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (Some((key, kind, bit, other, value_key, off)), Value::Object(o)) =
        (bit_accessor_captures(a), a.this)
    else {
        return Ok(Value::Undefined);
    };
    let bits = state_bits(o, &key);
    Ok(match kind {
        0 => Value::Bool(bits & bit != 0),
        1 if bits & other == 0 => off,
        1 => Value::Bool(bits & bit != 0),
        _ if bits & bit == 0 => off,
        _ => match &value_key {
            Value::Symbol(s) => it.get(o, &PropKey::Sym(s.clone()))?,
            _ => Value::Undefined,
        },
    })
}

fn bit_accessor_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (Some((key, kind, bit, other, value_key, _)), Value::Object(o)) =
        (bit_accessor_captures(a), a.this)
    else {
        return Ok(Value::Undefined);
    };
    let v = a.get(0);
    let mut bits = state_bits(o, &key);
    match kind {
        0 => {
            if v.to_boolean() {
                bits |= bit;
            } else {
                bits &= !bit;
            }
        }
        1 => {
            if v.is_nullish() {
                bits &= !(other | bit);
            } else if v.to_boolean() {
                bits |= other | bit;
            } else {
                bits |= other;
                bits &= !bit;
            }
        }
        _ => {
            if kind == 3 || v.to_boolean() {
                if let Value::Symbol(s) = &value_key {
                    it.set(o, PropKey::Sym(s.clone()), v.clone(), true)?;
                }
            }
            if v.to_boolean() {
                bits |= bit;
            } else {
                bits &= !bit;
            }
        }
    }
    o.set_own_data_unchecked(key, Value::Number(bits as f64));
    Ok(Value::Undefined)
}
