//! jsgen's Node.js host: what `node` adds to an ECMAScript engine.
//!
//! - [`console`] and [`inspect`] (Node's `util.inspect`, byte for byte);
//! - [`process`] (nextTick, listeners, `exit`/`exitCode`, argv), [`timers`] and
//!   [`event_loop`] (Node's phases on tokio, real or virtual time), [`performance`];
//! - [`require`] and the core [`modules`] (JavaScript sources, as Node's `lib/`);
//! - the web globals Node has ([`structured_clone`], [`base64`]'s `atob`/`btoa`);
//! - [`run`]: a main program as Node runs it (CommonJS or module code, then the loop).
//!
//! The engine (`jsgen-engine`) knows nothing of this crate: the host implements the engine's
//! [`HostHooks`] in [`NodeHooks`] and keeps its state in the interpreter's host-data slot
//! ([`NodeState`], reached through [`NodeData`]).

pub mod aes;
pub mod base64;
pub mod buffer;
pub mod child_process;
pub mod cjs_lexer;
pub mod console;
pub mod crypto;
pub mod dotenv;
pub mod encoding;
pub mod esm;
pub mod event_loop;
pub mod fs;
pub mod inspect;
pub mod io;
pub mod lazy_global;
pub mod modules;
pub mod os;
pub mod performance;
pub mod permission;
pub mod process;
pub mod process_os;
pub mod require;
pub mod run;
pub mod sigint;
pub mod structured_clone;
pub mod timers;
pub mod url;
pub mod zlib;

use std::rc::Rc;

use jsgen_engine::host::HostHooks;
use jsgen_engine::interp::{Interp, JsResult};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

/// The extension traits the host adds to [`Interp`]; `use jsgen_node::prelude::*`.
pub mod prelude {
    pub use crate::event_loop::EventLoop;
    pub use crate::process::ProcessHost;
    pub use crate::run::NodeRun;
    pub use crate::NodeData;
}

/// Everything the Node host keeps per interpreter.
#[derive(Default)]
pub struct NodeState {
    /// `process` and module state: nextTick queue, listeners, argv, loaded modules.
    pub host: process::Host,
    /// Where console output goes and how it is colored.
    pub console: console::ConsoleState,
    /// Timers, immediates and the clock.
    pub timers: event_loop::Timers,
    /// The permission model (`--permission`, `--sandbox`).
    pub permission: permission::Permission,
    /// Asynchronous I/O requests (the worker pool and its completions).
    pub io: io::IoState,
    /// The CommonJS loader (`require.cache`, `require.main`).
    pub loader: require::Loader,
    /// The ES module loader (module map).
    pub esm: esm::EsmLoader,
}

/// The Node host's state on an interpreter made by [`node_interp`].
pub trait NodeData {
    /// The host's state.
    fn node(&self) -> &NodeState;
    /// The host's state, mutably.
    fn node_mut(&mut self) -> &mut NodeState;
}

impl NodeData for Interp {
    #[inline]
    fn node(&self) -> &NodeState {
        self.host_data::<NodeState>()
            .expect("jsgen-node: the interpreter was not made by node_interp()")
    }
    #[inline]
    fn node_mut(&mut self) -> &mut NodeState {
        self.host_data_mut::<NodeState>()
            .expect("jsgen-node: the interpreter was not made by node_interp()")
    }
}

/// Node's answers to the engine's host-defined operations.
pub struct NodeHooks;

/// The frames below a main module's top-level code in Node 24's stack traces (its CommonJS
/// loader, v24.22.3).
const NODE_MAIN_FRAMES: [&str; 7] = [
    "Module._compile (node:internal/modules/cjs/loader:1929:14)",
    "Object..js (node:internal/modules/cjs/loader:2060:10)",
    "Module.load (node:internal/modules/cjs/loader:1651:32)",
    "Module._load (node:internal/modules/cjs/loader:1443:12)",
    "wrapModuleLoad (node:internal/modules/cjs/loader:261:19)",
    "Module.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)",
    "node:internal/main/run_main_module:33:47",
];

/// The frames between a required CommonJS module's top-level code and the `require` call
/// that loaded it, in Node 24's stack traces (v24.22.3).
const NODE_REQUIRE_FRAMES: [&str; 7] = [
    "Module._compile (node:internal/modules/cjs/loader:1929:14)",
    "Object..js (node:internal/modules/cjs/loader:2060:10)",
    "Module.load (node:internal/modules/cjs/loader:1651:32)",
    "Module._load (node:internal/modules/cjs/loader:1443:12)",
    "wrapModuleLoad (node:internal/modules/cjs/loader:261:19)",
    "Module.require (node:internal/modules/cjs/loader:1674:12)",
    "require (node:internal/modules/helpers:157:16)",
];

impl HostHooks for NodeHooks {
    fn now_epoch_ms(&self, it: &Interp) -> f64 {
        it.node().timers.epoch_now()
    }

    fn time_zone_override(&self, it: &Interp) -> Option<jsgen_engine::string::JsStr> {
        let env = it.node().host.env.as_ref()?;
        match env.get_own_data(&jsgen_engine::static_key!("TZ"))? {
            jsgen_engine::value::Value::String(s) => Some(s),
            _ => None,
        }
    }

    fn load_imported_module(
        &self,
        it: &mut Interp,
        referrer: Option<jsgen_engine::interp::module::ModuleId>,
        source: u32,
        request: &jsgen_engine::ast::ModuleRequest,
    ) -> JsResult<jsgen_engine::interp::module::ModuleId> {
        esm::load_imported_module(it, referrer, source, request)
    }

    fn module_evaluation_failed(
        &self,
        it: &mut Interp,
        root: jsgen_engine::interp::module::ModuleId,
        error: &Value,
    ) {
        esm::explain_cjs_global_not_defined(it, root, error);
    }

    fn missing_export_message(
        &self,
        it: &Interp,
        module: jsgen_engine::interp::module::ModuleId,
        specifier: &JsStr,
        name: &JsStr,
        import_line: &str,
    ) -> Option<String> {
        esm::missing_export_message(it, module, specifier, name, import_line)
    }

    fn evaluate_synthetic_module(
        &self,
        it: &mut Interp,
        module: jsgen_engine::interp::module::ModuleId,
    ) -> JsResult<()> {
        esm::evaluate_synthetic_module(it, module)
    }

    fn import_meta_properties(
        &self,
        it: &mut Interp,
        module: jsgen_engine::interp::module::ModuleId,
    ) -> JsResult<Vec<(JsStr, Value)>> {
        esm::import_meta_properties(it, module)
    }

    fn job_started(&self, it: &mut Interp, tag: u64) -> u64 {
        // Node runs promise jobs with executionAsyncId 0 and a queueMicrotask callback in
        // its own async scope.
        let t = &mut it.node_mut().timers;
        // Packed: the previous executionAsyncId and triggerAsyncId (ids stay far below 2^32).
        let saved = (t.exec_async_id << 32) | (t.trigger_async_id & 0xffff_ffff);
        t.exec_async_id = tag;
        t.trigger_async_id = 0;
        saved
    }

    fn job_finished(&self, it: &mut Interp, saved: u64) {
        let t = &mut it.node_mut().timers;
        t.exec_async_id = saved >> 32;
        t.trigger_async_id = saved & 0xffff_ffff;
    }

    fn entry_frames(&self) -> &[&str] {
        &NODE_MAIN_FRAMES
    }

    fn require_frames(&self) -> &[&str] {
        &NODE_REQUIRE_FRAMES
    }

    fn interrupted(&self, it: &mut Interp) {
        crate::sigint::report(it);
    }
}

/// A realm with Node's globals (`console`, timers, `process`, `performance`,
/// `structuredClone`, `atob`/`btoa`) on top of the ECMAScript built-ins.
pub fn node_interp() -> Interp {
    let mut it = Interp::with_host(Rc::new(NodeHooks), Box::new(NodeState::default()));
    // The host's objects are one of a kind: no shared shapes for them.
    let _one_of_a_kind = jsgen_engine::object::SharedShapesOff::new();
    // Node's local time zone: `TZ` when set (even empty), else the system's setting.
    it.set_time_zone(std::env::var("TZ").ok().as_deref());
    console::init(&mut it);
    timers::init(&mut it);
    process::init(&mut it);
    performance::init(&mut it);
    structured_clone::init(&mut it);
    base64::init(&mut it);
    for (name, module, export, how) in BYTES_GLOBALS {
        lazy_global::define_lazy_global(&mut it, name, module, export, *how);
    }
    web_globals(&mut it);
    node_enumerable_globals(&mut it);
    it
}

/// The globals Node defines as enumerable, in Node's order (what `console.log(globalThis)`
/// and `Object.keys(globalThis)` show), with Node's kinds of property: `performance` a
/// replaceable getter/setter, `fetch` a function, `crypto` and `navigator` getters.
/// `globalThis[Symbol.toStringTag]` is `'global'` (`Object [global]`).
const NODE_ENUMERABLE_GLOBALS: [&str; 15] = [
    "global",
    "clearImmediate",
    "setImmediate",
    "clearInterval",
    "clearTimeout",
    "setInterval",
    "setTimeout",
    "queueMicrotask",
    "structuredClone",
    "atob",
    "btoa",
    "performance",
    "fetch",
    "crypto",
    "navigator",
];

fn node_enumerable_globals(it: &mut Interp) {
    use jsgen_engine::object::{Attrs, PropKey, Slot};
    // util.promisify(setTimeout) / (setImmediate): node:timers/promises' versions, through
    // an enumerable getter as in Node.
    let key = JsStr::from("nodejs.util.promisify.custom");
    let sym = match it.symbol_registry.get(&key) {
        Some(s) => s.clone(),
        None => {
            let s = jsgen_engine::value::Sym::new_registered(key.clone());
            it.symbol_registry.insert(key, s.clone());
            s
        }
    };
    let custom = PropKey::Sym(sym);
    for name in ["setTimeout", "setImmediate"] {
        if let Some(Slot::Data(Value::Object(f))) = it
            .global
            .get_own_property(&PropKey::from(name))
            .map(|p| p.slot)
        {
            let get = it.native_fn_with(
                "get",
                0,
                promisify_custom_get,
                false,
                vec![Value::from(name)],
            );
            f.define_accessor(
                custom.clone(),
                Some(get),
                None,
                Attrs::new(false, true, false),
            );
        }
    }
    // `performance`: a getter/setter pair over one slot (assigning stores the new value and
    // the pair stays, as Node's `defineReplaceableLazyAttribute`).
    if let Some(Slot::Data(perf)) = it
        .global
        .get_own_property(&jsgen_engine::static_key!("performance"))
        .map(|p| p.slot)
    {
        let slot = jsgen_engine::object::Obj::new(
            None,
            jsgen_engine::object::ObjectKind::Internal(vec![perf]),
        );
        let get = it.native_fn_with(
            "get performance",
            0,
            |_, a| {
                Ok(match native_captures(a).first() {
                    Some(Value::Object(slot)) => match &slot.borrow().kind {
                        jsgen_engine::object::ObjectKind::Internal(v) => {
                            v.first().cloned().unwrap_or_default()
                        }
                        _ => Value::Undefined,
                    },
                    _ => Value::Undefined,
                })
            },
            false,
            vec![Value::Object(slot.clone())],
        );
        let set = it.native_fn_with(
            "set performance",
            1,
            |_, a| {
                if let Some(Value::Object(slot)) = native_captures(a).first() {
                    if let jsgen_engine::object::ObjectKind::Internal(v) =
                        &mut slot.borrow_mut().kind
                    {
                        if let Some(x) = v.first_mut() {
                            *x = a.get(0);
                        }
                    }
                }
                Ok(Value::Undefined)
            },
            false,
            vec![Value::Object(slot)],
        );
        it.global.define_accessor(
            "performance",
            Some(get),
            Some(set),
            Attrs::new(false, true, true),
        );
    }
    // `fetch`: a plain function (node:internal/fetch is loaded on the first call).
    let fetch = it.native_fn("fetch", 1, |it, a| {
        let m = crate::require::require_core(it, "internal/fetch", "node:internal")?;
        let f = match &m {
            Value::Object(o) => it.get(o, &jsgen_engine::static_key!("fetch"))?,
            _ => Value::Undefined,
        };
        it.call(&f, a.this, a.args)
    });
    it.global
        .define("fetch", Value::Object(fetch), Attrs::DEFAULT);
    // Re-add each in Node's order, enumerable.
    for name in NODE_ENUMERABLE_GLOBALS {
        let key = PropKey::from(name);
        let Some(p) = it.global.get_own_property(&key) else {
            continue;
        };
        it.global.delete(&key);
        match p.slot {
            Slot::Accessor(a) => it.global.define_accessor(
                key,
                a.get.clone(),
                a.set.clone(),
                Attrs::new(false, true, true),
            ),
            Slot::Data(v) => it.global.define(key, v, Attrs::new(true, true, true)),
            _ => {}
        }
    }
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    it.global
        .define(tag, Value::from("global"), Attrs::CONFIGURABLE_ONLY);
}

fn native_captures(a: &jsgen_engine::interp::Args) -> Vec<Value> {
    match &a.callee.borrow().kind {
        jsgen_engine::object::ObjectKind::Native(n) => n.captures.clone(),
        _ => Vec::new(),
    }
}

/// `setTimeout[util.promisify.custom]`: node:timers/promises' function of the same name.
fn promisify_custom_get(it: &mut Interp, a: &jsgen_engine::interp::Args) -> JsResult<Value> {
    let name = match native_captures(a).first() {
        Some(Value::String(s)) => s.to_rust_string(),
        _ => return Ok(Value::Undefined),
    };
    let m = crate::require::require_core(it, "timers/promises", "node:internal")?;
    match &m {
        Value::Object(o) => it.get(o, &jsgen_engine::object::PropKey::from(name.as_str())),
        _ => Ok(Value::Undefined),
    }
}

/// The binary-data globals backed by core modules, loaded on first read: (global, module,
/// export, attributes as Node has them).
const BYTES_GLOBALS: &[(&str, &str, &str, lazy_global::Lazy)] = &[
    (
        "Buffer",
        "buffer",
        "Buffer",
        lazy_global::Lazy::Accessor { enumerable: false },
    ),
    (
        "crypto",
        "crypto",
        "webcrypto",
        lazy_global::Lazy::Getter { enumerable: true },
    ),
    (
        "TextEncoder",
        "internal/encoding",
        "TextEncoder",
        lazy_global::Lazy::Data { enumerable: false },
    ),
    (
        "TextDecoder",
        "internal/encoding",
        "TextDecoder",
        lazy_global::Lazy::Data { enumerable: false },
    ),
];

/// The web globals Node 24 has that are written in JavaScript, loaded on first read (data
/// properties, not enumerable, once loaded — as Node's own).
fn web_globals(it: &mut Interp) {
    use lazy_global::{define_lazy_global, Lazy};
    let data = Lazy::Data { enumerable: false };
    for (name, module) in [
        ("DOMException", "internal/per_context/domexception"),
        ("EventTarget", "internal/event_target"),
        ("Event", "internal/event_target"),
        ("CustomEvent", "internal/event_target"),
        ("AbortController", "internal/abort_controller"),
        ("AbortSignal", "internal/abort_controller"),
        ("URL", "internal/url"),
        ("URLSearchParams", "internal/url"),
        ("Navigator", "internal/navigator"),
        ("URLPattern", "internal/url_pattern"),
        ("WebSocket", "internal/fetch"),
        ("CloseEvent", "internal/fetch"),
        ("ReadableStream", "internal/webstreams"),
        ("ReadableStreamDefaultReader", "internal/webstreams"),
        ("ReadableStreamBYOBReader", "internal/webstreams"),
        ("ReadableStreamBYOBRequest", "internal/webstreams"),
        ("ReadableByteStreamController", "internal/webstreams"),
        ("ReadableStreamDefaultController", "internal/webstreams"),
        ("TransformStream", "internal/webstreams"),
        ("TransformStreamDefaultController", "internal/webstreams"),
        ("WritableStream", "internal/webstreams"),
        ("WritableStreamDefaultWriter", "internal/webstreams"),
        ("WritableStreamDefaultController", "internal/webstreams"),
        ("ByteLengthQueuingStrategy", "internal/webstreams"),
        ("CountQueuingStrategy", "internal/webstreams"),
        ("TextEncoderStream", "internal/webstreams"),
        ("TextDecoderStream", "internal/webstreams"),
        ("CompressionStream", "internal/webstreams"),
        ("DecompressionStream", "internal/webstreams"),
        ("BroadcastChannel", "internal/worker_io"),
        ("MessageChannel", "internal/worker_io"),
        ("MessagePort", "internal/worker_io"),
        ("Blob", "internal/blob"),
        ("File", "internal/blob"),
        ("FormData", "internal/web_fetch"),
        ("Headers", "internal/web_fetch"),
        ("Request", "internal/web_fetch"),
        ("Response", "internal/web_fetch"),
        ("MessageEvent", "internal/worker_io"),
        ("Crypto", "internal/crypto_globals"),
        ("CryptoKey", "internal/crypto_globals"),
        ("SubtleCrypto", "internal/crypto_globals"),
        ("PerformanceObserver", "internal/perf/observe"),
        ("PerformanceObserverEntryList", "internal/perf/observe"),
    ] {
        define_lazy_global(it, name, module, name, data);
    }
    // Enumerable, as in Node: `navigator` a getter (`fetch`: `node_enumerable_globals`).
    define_lazy_global(
        it,
        "navigator",
        "internal/navigator",
        "navigator",
        Lazy::Getter { enumerable: true },
    );
}
