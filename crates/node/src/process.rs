//! Node's `process` global: `nextTick`, `stdout`/`stderr.write`, `argv`, `env`, `exit`,
//! `exitCode`, the `'exit'`/`'beforeExit'`/`'uncaughtException'`/`'unhandledRejection'` events
//! and the informational members (`platform`, `version`, `pid`, `hrtime`, `memoryUsage`, ...).
//!
//! The nextTick queue lives in [`Host`]; the event loop drains it in
//! `Interp::process_ticks_and_rejections` (see `crate::event_loop`), as Node's
//! `lib/internal/process/task_queues.js` does. `process.env` is the real environment, made
//! on first read (an empty object under `--sandbox`, see `crate::permission`);
//! `process.stdout`/`stderr` are made on first read and become `node:stream` Writables when
//! a stream member is first used (see `stdio_stream`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::prelude::*;
use jsgen_engine::builtins::define_lazy;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult, NativeFn};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::value::Value;

/// The Node version jsgen reports (the reference its output is compared with).
pub const NODE_VERSION: &str = "24.22.3";
pub const V8_VERSION: &str = "13.6.233.17-node.63";

/// `process.versions` of the reference Node 24.22.3, in its order (`node` and `v8` come
/// from the constants above).
const VERSIONS: &[(&str, &str)] = &[
    ("node", NODE_VERSION),
    ("acorn", "8.18.0"),
    ("ada", "4.0.0"),
    ("amaro", "1.1.11"),
    ("ares", "1.34.9"),
    ("brotli", "1.2.1"),
    ("cldr", "48.0"),
    ("icu", "78.3"),
    ("llhttp", "9.4.4"),
    ("merve", "1.2.2"),
    ("modules", "137"),
    ("napi", "10"),
    ("nbytes", "0.1.4"),
    ("ncrypto", "0.0.1"),
    ("nghttp2", "1.70.0"),
    ("nghttp3", ""),
    ("ngtcp2", ""),
    ("openssl", "3.5.9"),
    ("simdjson", "4.6.11"),
    ("simdutf", "6.4.0"),
    ("sqlite", "3.54.1"),
    ("tz", "2026e"),
    ("undici", "7.30.2"),
    ("unicode", "17.0"),
    ("uv", "1.52.1"),
    ("uvwasi", "0.0.23"),
    ("v8", V8_VERSION),
    ("zlib", "1.3.2.1-motley-285e94b"),
    ("zstd", "1.5.7"),
];

/// `process.features` of the reference Node 24.
const FEATURES: &[(&str, Option<bool>)] = &[
    ("inspector", Some(true)),
    ("debug", Some(false)),
    ("uv", Some(true)),
    ("ipv6", Some(true)),
    ("tls_alpn", Some(true)),
    ("tls_sni", Some(true)),
    ("tls_ocsp", Some(true)),
    ("tls", Some(true)),
    ("openssl_is_boringssl", Some(false)),
    ("cached_builtins", Some(true)),
    ("require_module", Some(true)),
    ("quic", Some(false)),
    ("typescript", None),
];

/// Host (Node) state that is not a JavaScript object: the nextTick queue, process event
/// listeners, the command line, and whether `process.exit()` is unwinding the interpreter.
#[derive(Default)]
pub struct Host {
    /// Rejections reported as unhandled (`'unhandledRejection'` or a warning), held weakly
    /// with Node's rejection id, for `'rejectionHandled'`.
    pub reported_rejections: Vec<(
        jsgen_engine::gc::WeakGc<RefCell<jsgen_engine::object::ObjectData>>,
        u64,
    )>,
    /// Node's `lastPromiseId`: the ids of unhandled rejections.
    pub last_rejection_id: u64,
    /// Whether a warning already printed Node's `(Use \`node --trace-warnings ...\`)` hint
    /// (Node prints it once per process).
    pub warning_hint_shown: bool,
    /// The lazy data globals ([`crate::lazy_global`]): name → (core module, export).
    pub lazy_exports: std::collections::HashMap<String, (String, String)>,
    /// `--no-warnings` or `NODE_NO_WARNINGS=1`: Node's default `'warning'` handler is not
    /// installed, so warnings are not printed (the event still fires).
    pub warnings_off: bool,
    /// `process.env` (its `TZ` changes the local time zone, as in Node); `None` until the
    /// lazy property is first read (see `host_env`).
    pub env: Option<Obj>,
    /// `process.nextTick` queue.
    pub next_ticks: VecDeque<Tick>,
    /// Node's frames below `runNextTicks` when the next drain of ticks and microtasks runs
    /// between two timers or immediates (`None`: after a callback, from C++).
    pub checkpoint_below: Option<&'static str>,
    /// The main module is an ES module that just ran: Node evaluates it inside a promise job
    /// of its loader, so the microtasks it queued run before its `process.nextTick`s, with no
    /// Node frame below them.
    pub microtasks_first: bool,
    /// `afterWriteTickInfo` of `process.stdout` and `process.stderr`: the pending
    /// after-write tick that later writes with the same callback join.
    pub after_write: [Option<Rc<RefCell<AfterWrite>>>; 2],
    /// The object behind `util.inspect.defaultOptions` (once `util` is loaded).
    pub inspect_defaults: Option<Obj>,
    /// Node-internal symbols of `Timeout` and `Immediate` objects: `refed`, `asyncId`,
    /// `triggerId`, `kAsyncContextFrame`, and `kHasPrimitive` (timeouts only).
    pub immediate_symbols: Option<[jsgen_engine::value::Sym; 5]>,
    /// Set by `process.exit(code)`: no more script code runs (every call throws a sentinel
    /// that `try`/`catch`/`finally` do not intercept) and the process exits with this code.
    pub exiting: Option<i32>,
    /// `'exit'` listeners are running (a nested `process.exit` ends at once).
    pub emitting_exit: bool,
    /// An exception an `'exit'` listener threw and no `'uncaughtException'` listener
    /// handled: the command line reports it as uncaught.
    pub exit_listener_error: Option<Value>,
    /// An `'uncaughtException'` or `'uncaughtExceptionMonitor'` listener threw while an
    /// uncaught exception was handled: Node prints that error and exits with status 7
    /// (kExceptionInFatalExceptionHandler) without running the `'exit'` listeners.
    pub fatal_handler_threw: bool,
    /// `process.exitCode` (None: undefined), kept as Node keeps it, in an Int32 field.
    pub exit_code: Option<i32>,
    /// Process event listeners in registration order: (event, listener, once).
    pub listeners: Vec<(String, Value, bool)>,
    /// `process.setMaxListeners(n)` (None: EventEmitter's default, 10).
    pub max_listeners: Option<f64>,
    /// `process.argv[1]`: the absolute path of the script (None for `-e` / stdin).
    pub script_path: Option<String>,
    /// Arguments after the script name (`jsgen file.js a b`).
    pub script_args: Vec<String>,
    /// The `process` object.
    pub process: Option<Obj>,
    /// `performance.mark`/`measure` entries.
    pub perf_entries: Vec<Obj>,
    /// `enqueue` of `internal/perf/observe` (PerformanceObserver), once that module is loaded:
    /// called with every new timeline entry.
    pub perf_enqueue: Option<Value>,
    /// `PerformanceEntry.prototype`, `PerformanceMark.prototype`,
    /// `PerformanceMeasure.prototype`.
    pub perf_protos: Option<[Obj; 3]>,
    /// Loaded core modules: (name, module object).
    pub modules: Vec<(String, Value)>,
    /// The native helper object given to core modules (`src/builtins/node/`).
    pub binding: Option<Obj>,
    /// Module namespace objects of imported core modules: (name, namespace).
    pub namespaces: Vec<(String, Obj)>,
    /// The completion value of the main code (`-p` prints it; for module code, the promise
    /// of its evaluation).
    pub main_result: Value,
    /// The main module's `import.meta` (made on first use).
    pub import_meta: Option<Obj>,
}

/// One `process.nextTick` entry, with the async id Node gives it.
pub struct Tick {
    pub kind: TickKind,
    pub async_id: u64,
    /// The continuation data (AsyncContextFrame) current when the tick was queued.
    pub context: Value,
    /// `triggerAsyncId()` in the callback: the execution id where it was queued.
    pub trigger: u64,
}

pub enum TickKind {
    /// `process.nextTick(callback, ...args)` (and internal callbacks).
    Call(Value, Vec<Value>),
    /// A stream's `afterWriteTick`: calls the write callback once per write it covers.
    AfterWrite(Rc<RefCell<AfterWrite>>, usize),
}

/// Node's `afterWriteTickInfo`: writes made before the tick runs with the same callback
/// share it.
pub struct AfterWrite {
    /// The write callback (`None`: Node's internal no-op, as for `console.log`).
    pub callback: Option<Value>,
    pub count: usize,
}

/// Node's `process` on the interpreter: nextTick queue, listeners, exit.
pub trait ProcessHost {
    /// Queues a nextTick callback; like Node's `process.nextTick` it takes an async id.
    fn queue_tick(&mut self, callback: Value, args: Vec<Value>);
    /// Bookkeeping of a write to `process.stdout` (`stream` 0) or `process.stderr` (1) as
    /// Node's Writable does for a synchronous stream (stdout redirected to a file, as when
    /// the expected outputs are recorded): the first write after the stream's last
    /// after-write tick queues a new tick (taking an async id); later writes with the same
    /// callback join it. Only the async ids (visible in `Immediate` objects and `+timeout`)
    /// and the write callbacks depend on this.
    fn note_stream_write(&mut self, stream: usize, callback: Option<Value>);
    /// Runs one tick's callback.
    fn run_tick(&mut self, kind: TickKind) -> JsResult<Value>;
    /// Sets the script path and arguments seen in `process.argv` (call before running).
    fn set_script_args(&mut self, script_path: Option<String>, args: Vec<String>);
    /// Whether `process` has listeners for `event`.
    fn has_process_listeners(&self, event: &str) -> bool;
    /// `process.emit(event, ...args)`: calls the listeners in order (once-listeners are
    /// removed first); returns whether there were any.
    fn emit_process_event(&mut self, event: &str, args: &[Value]) -> JsResult<bool>;
    /// `process.exitCode` as an exit status (`undefined` → `default`).
    fn process_exit_code(&mut self, default: i32) -> i32;
    /// The end of the process (Node's `process.reallyExit` path): runs `'exit'` listeners
    /// with the final code unless `process.exit()` already did; returns the exit status.
    fn emit_exit(&mut self, default: i32) -> i32;
    fn set_exit_code(&mut self, code: i32);
}

impl ProcessHost for Interp {
    fn queue_tick(&mut self, callback: Value, args: Vec<Value>) {
        let async_id = self.node_mut().timers.new_async_id();
        let context = self.continuation_data.clone();
        let trigger = self.node().timers.exec_async_id;
        self.node_mut().host.next_ticks.push_back(Tick {
            kind: TickKind::Call(callback, args),
            async_id,
            context,
            trigger,
        });
    }

    fn note_stream_write(&mut self, stream: usize, callback: Option<Value>) {
        if let Some(info) = &self.node_mut().host.after_write[stream] {
            let mut i = info.borrow_mut();
            let same = match (&i.callback, &callback) {
                (None, None) => true,
                (Some(a), Some(b)) => a.strict_equals(b),
                _ => false,
            };
            if same {
                i.count += 1;
                return;
            }
        }
        let info = Rc::new(RefCell::new(AfterWrite { callback, count: 1 }));
        self.node_mut().host.after_write[stream] = Some(info.clone());
        let async_id = self.node_mut().timers.new_async_id();
        let context = self.continuation_data.clone();
        let trigger = self.node().timers.exec_async_id;
        self.node_mut().host.next_ticks.push_back(Tick {
            kind: TickKind::AfterWrite(info, stream),
            async_id,
            context,
            trigger,
        });
    }

    fn run_tick(&mut self, kind: TickKind) -> JsResult<Value> {
        match kind {
            TickKind::Call(cb, args) => self.call(&cb, &Value::Undefined, &args),
            TickKind::AfterWrite(info, stream) => {
                // `state.afterWriteTickInfo = null`, whichever tick was pending.
                self.node_mut().host.after_write[stream] = None;
                let (cb, count) = {
                    let i = info.borrow();
                    (i.callback.clone(), i.count)
                };
                if let Some(cb) = cb {
                    for _ in 0..count {
                        self.call(&cb, &Value::Undefined, &[Value::Null])?;
                    }
                }
                Ok(Value::Undefined)
            }
        }
    }
    fn set_script_args(&mut self, script_path: Option<String>, args: Vec<String>) {
        self.node_mut().host.script_path = script_path;
        self.node_mut().host.script_args = args;
        if let Some(p) = self.node_mut().host.process.clone() {
            set_argv(self, &p);
        }
    }

    fn has_process_listeners(&self, event: &str) -> bool {
        self.node()
            .host
            .listeners
            .iter()
            .any(|(e, _, _)| e == event)
    }

    fn emit_process_event(&mut self, event: &str, args: &[Value]) -> JsResult<bool> {
        let ls: Vec<(Value, bool)> = self
            .node_mut()
            .host
            .listeners
            .iter()
            .filter(|(e, _, _)| e == event)
            .map(|(_, f, once)| (f.clone(), *once))
            .collect();
        if ls.is_empty() {
            return Ok(false);
        }
        let this = self
            .node_mut()
            .host
            .process
            .clone()
            .map(Value::Object)
            .unwrap_or_default();
        for (f, once) in ls {
            if once {
                remove_listener(self, event, &f);
            }
            self.call(&f, &this, args)?;
        }
        Ok(true)
    }

    fn process_exit_code(&mut self, default: i32) -> i32 {
        self.node().host.exit_code.unwrap_or(default)
    }

    fn emit_exit(&mut self, default: i32) -> i32 {
        if let Some(code) = self.exiting {
            return code;
        }
        if default != 0 {
            self.set_exit_code(default);
        }
        let code = self.process_exit_code(default);
        self.node_mut().host.emitting_exit = true;
        let r = self.emit_process_event("exit", &[Value::from(code)]);
        self.node_mut().host.emitting_exit = false;
        if let Some(code) = self.exiting {
            return code;
        }
        // An exception in an 'exit' listener is an uncaught exception (the listeners after it
        // do not run): an 'uncaughtException' listener may handle it, else it is reported
        // and the process exits with `process.exitCode`, or 1 when unset.
        if let Err(Abrupt::Throw(v)) = r {
            // Node's `_fatalException`: the monitor first; a monitor or handler that throws
            // ends the process with status 7.
            if let Err(v2) =
                crate::event_loop::uncaught_exception_monitor(self, &v, "uncaughtException")
            {
                self.node_mut().host.fatal_handler_threw = true;
                self.node_mut().host.exit_listener_error = Some(v2);
                return 7;
            }
            let handled = if self.has_process_listeners("uncaughtException") {
                match self.emit_process_event(
                    "uncaughtException",
                    &[v.clone(), Value::from("uncaughtException")],
                ) {
                    Err(Abrupt::Throw(v2)) if self.exiting.is_none() => {
                        self.node_mut().host.fatal_handler_threw = true;
                        self.node_mut().host.exit_listener_error = Some(v2);
                        return 7;
                    }
                    _ => true,
                }
            } else {
                false
            };
            if let Some(code) = self.exiting {
                return code;
            }
            if !handled {
                self.node_mut().host.exit_listener_error = Some(v);
                return self.node().host.exit_code.unwrap_or(1);
            }
        }
        self.process_exit_code(code)
    }

    fn set_exit_code(&mut self, code: i32) {
        self.node_mut().host.exit_code = Some(code);
    }
}

/// `(node:PID) ` prefix of warnings.
fn pid() -> u32 {
    std::process::id()
}

/// Node's `process.arch` for the build target.
fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "x86" => "ia32",
        "aarch64" => "arm64",
        "arm" => "arm",
        "powerpc64" => "ppc64",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        other => other,
    }
}

/// Node's `process.platform` for the build target.
fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

/// An error with Node's `code` property (`TypeError [ERR_X]: msg` in its stack).
pub fn node_error(it: &mut Interp, proto: &Obj, code: &str, message: &str) -> Value {
    let e = it.make_error(proto, message);
    e.define("code", Value::from(code), Attrs::DEFAULT);
    // Node formats the stack at once with the code in the header (`NodeError`).
    if let Some(s) = it.own_stack_string(&e) {
        let s = s.to_rust_string();
        if let Some(colon) = s.find(':').filter(|_| !message.is_empty()) {
            let fixed = format!("{} [{code}]{}", &s[..colon], &s[colon..]);
            // Node hides the frames that build the error (`hideStackFrames`).
            let fixed: Vec<&str> = fixed
                .split('\n')
                .filter(|l| !l.contains("(node:internal/errors:"))
                .collect();
            let fixed = fixed.join("\n");
            e.define("stack", Value::from(fixed.as_str()), Attrs::HIDDEN);
        }
    }
    Value::Object(e)
}

/// `ERR_INVALID_ARG_TYPE` for a value that should be a function.
pub fn invalid_arg_type(it: &mut Interp, name: &str, expected: &str, got: &Value) -> Abrupt {
    let received = received_text(it, got);
    // Node: a dotted name is a property (`"options.signal" property`).
    let kind = if name.contains('.') {
        "property"
    } else {
        "argument"
    };
    let p = it.intrinsics.type_error_prototype.clone();
    Abrupt::Throw(node_error(
        it,
        &p,
        "ERR_INVALID_ARG_TYPE",
        &format!("The \"{name}\" {kind} must be {expected}. Received {received}"),
    ))
}

/// The `Received ...` part of Node's `ERR_INVALID_ARG_TYPE` messages (`determineSpecificType`).
pub fn received_text(it: &mut Interp, v: &Value) -> String {
    match v {
        Value::Undefined | Value::Null => it.to_string_lossy(v),
        Value::Object(o) if o.is_callable() => {
            let name = match o.get_own_data(&jsgen_engine::static_key!("name")) {
                Some(Value::String(s)) if !s.is_empty() => s.to_rust_string(),
                _ => String::new(),
            };
            if name.is_empty() {
                "function ".into()
            } else {
                format!("function {name}")
            }
        }
        Value::Object(o) => {
            let ctor = o
                .proto()
                .and_then(|p| p.get_own_data(&jsgen_engine::static_key!("constructor")));
            match ctor {
                Some(Value::Object(c)) => {
                    match c.get_own_data(&jsgen_engine::static_key!("name")) {
                        Some(Value::String(s)) if !s.is_empty() => format!("an instance of {s}"),
                        _ => "an instance of Object".into(),
                    }
                }
                _ => crate::inspect::inspect(it, v).unwrap_or_default(),
            }
        }
        Value::String(s) => {
            // Node 24 cuts the string itself, then quotes it: single quotes unless it holds
            // one, else JSON.stringify's double quotes.
            let units = s.units();
            let s = if units.len() > 28 {
                let mut cut = units[..25].to_vec();
                cut.extend("...".encode_utf16());
                jsgen_engine::string::JsStr::from_units(cut)
            } else {
                s.clone()
            };
            if s.units().contains(&u16::from(b'\'')) {
                let mut json = String::new();
                jsgen_engine::builtins::json::quote_json_string(&mut json, &s);
                format!("type string ({json})")
            } else {
                format!("type string ('{s}')")
            }
        }
        _ => {
            let mut s = crate::inspect::inspect(it, v).unwrap_or_default();
            if s.chars().count() > 28 {
                s = s.chars().take(25).collect::<String>() + "...";
            }
            let ty = v.type_of();
            format!("type {ty} ({s})")
        }
    }
}

/// `process.env`'s object, made on first read of the property ([`host_env`]);
/// `--sandbox` puts an empty one in its place before any script runs (`permission::apply`).
fn make_env(it: &mut Interp, _key: &PropKey) -> Value {
    let env = it.new_object();
    for (k, v) in std::env::vars_os() {
        let (k, v) = (k.to_string_lossy(), v.to_string_lossy());
        env.define(k.as_ref(), Value::from(v.as_ref()), Attrs::DEFAULT);
    }
    it.node_mut().host.env = Some(env.clone());
    Value::Object(env)
}

/// The object `process.env` started as (the host reads `TZ` from it and
/// `process.loadEnvFile` writes into it), made now if no script has read it yet.
pub fn host_env(it: &mut Interp) -> Option<Obj> {
    if let Some(env) = &it.node().host.env {
        return Some(env.clone());
    }
    let process = it.node().host.process.clone()?;
    // Makes it if it is still the lazy slot; a script that replaced it is not asked.
    it.materialize_lazy(&process, &jsgen_engine::static_key!("env"));
    it.node().host.env.clone()
}

pub fn init(it: &mut Interp) {
    // Node's `process` is an instance of `function process()`, whose prototype inherits
    // from `EventEmitter.prototype` (linked when node:events loads: `modules/events.js`).
    let ctor = it.native_fn("process", 0, |_, _| Ok(Value::Undefined));
    let proto = it.new_object();
    proto.define("constructor", Value::Object(ctor.clone()), Attrs::HIDDEN);
    ctor.define(
        "prototype",
        Value::Object(proto.clone()),
        Attrs::new(true, false, false),
    );
    let p = it.new_object();
    p.borrow_mut().proto = Some(proto);
    p.define("title", Value::from("node"), Attrs::DEFAULT);
    p.define(
        "version",
        Value::from(format!("v{NODE_VERSION}").as_str()),
        Attrs::DEFAULT,
    );
    // `versions`, `release` and `features` are built on first read (`process_info`).
    define_lazy(&p, "versions", Attrs::DEFAULT, process_info);
    p.define("arch", Value::from(arch()), Attrs::DEFAULT);
    p.define("platform", Value::from(platform()), Attrs::DEFAULT);
    define_lazy(&p, "release", Attrs::DEFAULT, process_info);
    define_lazy(&p, "features", Attrs::DEFAULT, process_info);
    p.define("pid", Value::from(pid()), Attrs::DEFAULT);
    p.define(
        "ppid",
        Value::from(std::os::unix::process::parent_id()),
        Attrs::DEFAULT,
    );
    p.define(
        "execPath",
        Value::from(exec_path().as_str()),
        Attrs::DEFAULT,
    );
    p.define("argv0", Value::from("node"), Attrs::DEFAULT);
    let exec_argv = it.new_array(Vec::new());
    p.define("execArgv", Value::Object(exec_argv), Attrs::DEFAULT);
    // The host's environment, as an ordinary object (see DESIGN.md, "Files, streams,
    // readline"), made on first read (most scripts never read it; its ~40 strings were
    // ~4 % of start-up); `--sandbox` replaces it with an empty one.
    define_lazy(&p, "env", Attrs::DEFAULT, make_env);
    // An accessor validating what is stored, as in Node 24.
    let get = it.native_fn("get", 0, |it, _| {
        Ok(it
            .node_mut()
            .host
            .exit_code
            .map_or(Value::Undefined, Value::from))
    });
    let set = it.native_fn("set", 1, |it, a| {
        it.node_mut().host.exit_code = validate_exit_code(it, &a.get(0))?;
        Ok(Value::Undefined)
    });
    p.define_accessor(
        "exitCode",
        Some(get),
        Some(set),
        Attrs::new(false, true, false),
    );
    set_argv(it, &p);

    it.define_method(&p, "nextTick", 1, next_tick);
    it.define_method(&p, "cwd", 0, cwd);
    it.define_method(&p, "uptime", 0, uptime);
    let hr = it.define_method_obj(&p, "hrtime", 1, hrtime);
    it.define_method(&hr, "bigint", 0, hrtime_bigint);
    let mu = it.define_method_obj(&p, "memoryUsage", 0, memory_usage);
    it.define_method(&mu, "rss", 0, |_, _| Ok(Value::from(rss_bytes())));
    it.define_method(&p, "exit", 1, exit);
    it.define_method(&p, "emitWarning", 4, emit_warning);
    for name in ["on", "addListener"] {
        it.define_method(&p, name, 2, on);
    }
    it.define_method(&p, "prependListener", 2, prepend_listener);
    it.define_method(&p, "once", 2, once);
    for name in ["off", "removeListener"] {
        it.define_method(&p, name, 2, off);
    }
    it.define_method(&p, "removeAllListeners", 1, remove_all_listeners);
    it.define_method(&p, "emit", 1, emit);
    it.define_method(&p, "listenerCount", 1, listener_count);
    it.define_method(&p, "listeners", 1, listeners);
    it.define_method(&p, "rawListeners", 1, listeners);
    it.define_method(&p, "prependOnceListener", 2, |it, a| add(it, a, true, true));
    it.define_method(&p, "eventNames", 0, event_names);
    it.define_method(&p, "setMaxListeners", 1, |it, a| {
        let n = a.get(0);
        match n {
            Value::Number(v) if v >= 0.0 => {
                it.node_mut().host.max_listeners = Some(v);
                Ok(a.this.clone())
            }
            Value::Number(v) => {
                let r = it.to_string_lossy(&Value::Number(v));
                Err(out_of_range(it, "setMaxListeners", ">= 0", &r))
            }
            _ => Err(invalid_arg_type(
                it,
                "setMaxListeners",
                "of type number",
                &n,
            )),
        }
    });
    it.define_method(&p, "getMaxListeners", 0, |it, _| {
        Ok(Value::Number(it.node().host.max_listeners.unwrap_or(10.0)))
    });
    crate::process_os::init(it, &p);

    // `process.stdout` and `process.stderr`: made on first read, as Node's getters do.
    let stdio_getters: [(&str, &str, NativeFn); 2] = [
        ("stdout", "getStdout", |it, _| {
            Ok(Value::Object(stdio_stream(it, 0)))
        }),
        ("stderr", "getStderr", |it, _| {
            Ok(Value::Object(stdio_stream(it, 1)))
        }),
    ];
    for (key, name, getter) in stdio_getters {
        let getter = it.native_fn(name, 0, getter);
        p.define_accessor(key, Some(getter), None, Attrs::new(false, true, true));
    }
    // `process.stdin`: made on first read (node:fs's file stream on fd 0).
    let get_stdin = it.native_fn("getStdin", 0, |it, _| {
        let fs = crate::require::require_core(it, "fs", "node:internal")?;
        let Value::Object(fs) = fs else {
            return Ok(Value::Undefined);
        };
        let j = it.get(&fs, &jsgen_engine::static_key!("_jsgen"))?;
        let Value::Object(j) = j else {
            return Ok(Value::Undefined);
        };
        let f = it.get(&j, &jsgen_engine::static_key!("getStdin"))?;
        it.call(&f, &Value::Undefined, &[])
    });
    p.define_accessor(
        "stdin",
        Some(get_stdin),
        None,
        Attrs::new(false, true, true),
    );
    // `process.chdir(dir)`: reading `dir` must be allowed (as Node's permission model).
    it.define_method(&p, "chdir", 1, |it, a| {
        let d = a.get(0);
        let Value::String(s) = &d else {
            return Err(invalid_arg_type(it, "directory", "of type string", &d));
        };
        let dir = s.to_rust_string();
        crate::permission::check_fs_read(it, &dir)?;
        if let Err(e) = std::env::set_current_dir(&dir) {
            let errno = e.raw_os_error().unwrap_or(libc::ENOENT);
            let (code, desc) = crate::fs::errno_text(errno);
            let cwd = std::env::current_dir()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let msg = format!("{code}: {desc}, chdir '{cwd}' -> '{dir}'");
            let p = it.intrinsics.error_prototype.clone();
            let o = it.make_error(&p, &msg);
            o.define("errno", Value::from(-errno), Attrs::DEFAULT);
            o.define("code", Value::from(code), Attrs::DEFAULT);
            o.define("syscall", Value::from("chdir"), Attrs::DEFAULT);
            o.define("path", Value::from(cwd.as_str()), Attrs::DEFAULT);
            o.define("dest", Value::from(dir.as_str()), Attrs::DEFAULT);
            return Err(Abrupt::Throw(Value::Object(o)));
        }
        Ok(Value::Undefined)
    });

    let tag = it.symbols.to_string_tag.clone();
    p.define(
        PropKey::Sym(tag),
        Value::from("process"),
        Attrs::CONFIGURABLE_ONLY,
    );
    it.node_mut().host.process = Some(p.clone());
    jsgen_engine::builtins::define_global(it, "process", Value::Object(p));
    // Node's `global`: the global object under its old name (enumerable, as in Node).
    let g = it.global.clone();
    g.define("global", Value::Object(g.clone()), Attrs::DEFAULT);
}

/// `process.versions`, `process.release` and `process.features`, built on first read.
fn process_info(it: &mut Interp, key: &PropKey) -> Value {
    let o = it.new_object();
    match key.to_jsstr().to_rust_string().as_str() {
        // What Node 24 reports; jsgen's own version is `jsgen --version` and the REPL banner.
        "versions" => {
            for (name, v) in VERSIONS {
                o.define(*name, Value::from(*v), Attrs::DEFAULT);
            }
        }
        "release" => {
            o.define("name", Value::from("node"), Attrs::DEFAULT);
            o.define("lts", Value::from("Krypton"), Attrs::DEFAULT);
            let dist =
                format!("https://nodejs.org/download/release/v{NODE_VERSION}/node-v{NODE_VERSION}");
            o.define(
                "sourceUrl",
                Value::from(format!("{dist}.tar.gz").as_str()),
                Attrs::DEFAULT,
            );
            o.define(
                "headersUrl",
                Value::from(format!("{dist}-headers.tar.gz").as_str()),
                Attrs::DEFAULT,
            );
        }
        "features" => {
            for (name, on) in FEATURES {
                let v = match on {
                    Some(b) => Value::Bool(*b),
                    None => Value::from("strip"),
                };
                o.define(*name, v, Attrs::DEFAULT);
            }
        }
        _ => return Value::Undefined,
    }
    Value::Object(o)
}

fn exec_path() -> String {
    std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "jsgen".into())
}

/// `process.argv`: `[execPath, script path, ...args]` (no script path for `-e`/stdin).
fn set_argv(it: &mut Interp, p: &Obj) {
    let mut v = vec![Value::from(exec_path().as_str())];
    if let Some(s) = &it.node_mut().host.script_path {
        v.push(Value::from(s.as_str()));
    }
    for a in &it.node_mut().host.script_args {
        v.push(Value::from(a.as_str()));
    }
    let arr = it.new_array(v);
    p.define("argv", Value::Object(arr), Attrs::DEFAULT);
}

fn remove_listener(it: &mut Interp, event: &str, f: &Value) {
    // The most recently added matching listener is removed, as in EventEmitter.
    if let Some(i) = it
        .node_mut()
        .host
        .listeners
        .iter()
        .rposition(|(e, g, _)| e == event && g.strict_equals(f))
    {
        it.node_mut().host.listeners.remove(i);
    }
}

fn event_name(it: &mut Interp, v: &Value) -> JsResult<String> {
    Ok(match v {
        Value::Symbol(s) => format!(
            "@@{}",
            s.description()
                .map(|d| d.to_rust_string())
                .unwrap_or_default()
        ),
        _ => it.to_string(v)?.to_rust_string(),
    })
}

fn check_listener(it: &mut Interp, f: &Value) -> JsResult<()> {
    if it.is_callable(f) {
        Ok(())
    } else {
        Err(invalid_arg_type(it, "listener", "of type function", f))
    }
}

fn add(it: &mut Interp, a: &Args, once: bool, prepend: bool) -> JsResult<Value> {
    let name = event_name(it, &a.get(0))?;
    let f = a.get(1);
    check_listener(it, &f)?;
    if prepend {
        // Before the event's first listener: emission order within the event is what
        // prepending means, and the order of event names (`eventNames()`) stays that of
        // their first registration, as in an EventEmitter's `_events`.
        let list = &mut it.node_mut().host.listeners;
        let at = list
            .iter()
            .position(|(e, _, _)| *e == name)
            .unwrap_or(list.len());
        list.insert(at, (name, f, once));
    } else {
        it.node_mut().host.listeners.push((name, f, once));
    }
    Ok(a.this.clone())
}

fn on(it: &mut Interp, a: &Args) -> JsResult<Value> {
    add(it, a, false, false)
}

fn once(it: &mut Interp, a: &Args) -> JsResult<Value> {
    add(it, a, true, false)
}

fn prepend_listener(it: &mut Interp, a: &Args) -> JsResult<Value> {
    add(it, a, false, true)
}

fn off(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = event_name(it, &a.get(0))?;
    remove_listener(it, &name, &a.get(1));
    Ok(a.this.clone())
}

fn remove_all_listeners(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.get(0).is_undefined() {
        it.node_mut().host.listeners.clear();
    } else {
        let name = event_name(it, &a.get(0))?;
        it.node_mut().host.listeners.retain(|(e, _, _)| *e != name);
    }
    Ok(a.this.clone())
}

fn emit(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = event_name(it, &a.get(0))?;
    let rest: Vec<Value> = a.args.iter().skip(1).cloned().collect();
    Ok(Value::Bool(it.emit_process_event(&name, &rest)?))
}

fn listener_count(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = event_name(it, &a.get(0))?;
    let n = it
        .node_mut()
        .host
        .listeners
        .iter()
        .filter(|(e, _, _)| *e == name)
        .count();
    Ok(Value::from(n as f64))
}

/// `process.eventNames()`: each event with a listener, in the order first registered.
fn event_names(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let mut names: Vec<String> = Vec::new();
    for (e, _, _) in &it.node().host.listeners {
        if !names.contains(e) {
            names.push(e.clone());
        }
    }
    let v: Vec<Value> = names.iter().map(|n| Value::from(n.as_str())).collect();
    Ok(Value::Object(it.new_array(v)))
}

fn listeners(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = event_name(it, &a.get(0))?;
    let v: Vec<Value> = it
        .node_mut()
        .host
        .listeners
        .iter()
        .filter(|(e, _, _)| *e == name)
        .map(|(_, f, _)| f.clone())
        .collect();
    Ok(Value::Object(it.new_array(v)))
}

/// `process.nextTick(callback, ...args)`.
fn next_tick(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cb = a.get(0);
    if !it.is_callable(&cb) {
        return Err(invalid_arg_type(it, "callback", "of type function", &cb));
    }
    let args = a.args.iter().skip(1).cloned().collect();
    it.queue_tick(cb, args);
    Ok(Value::Undefined)
}

/// `process.exit([code])`: sets `exitCode`, emits `'exit'`, then unwinds the interpreter.
fn exit(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // `process.exitCode = code` when a code is given (even `undefined`, which clears it).
    if !a.is_empty() {
        it.node_mut().host.exit_code = validate_exit_code(it, &a.get(0))?;
    }
    let status = if it.node_mut().host.emitting_exit {
        it.process_exit_code(0)
    } else {
        it.emit_exit(0)
    };
    it.exiting = Some(status);
    Err(it.exit_sentinel())
}

fn invalid_code(it: &mut Interp, v: &Value) -> Abrupt {
    invalid_arg_type(it, "code", "of type number", v)
}

/// Node 24's `process.exitCode` setter: `undefined` and `null` clear the code; a string that
/// converts to a number is that number; the value must then be a safe integer
/// (`validateInteger`), stored as an Int32 (`2 ** 31` reads back as `-2147483648`).
fn validate_exit_code(it: &mut Interp, v: &Value) -> JsResult<Option<i32>> {
    let n = match v {
        Value::Undefined | Value::Null => return Ok(None),
        Value::Number(n) => *n,
        Value::String(s) if !s.is_empty() => match it.to_number(v)? {
            n if n.is_nan() => return Err(invalid_code(it, v)),
            n => n,
        },
        _ => return Err(invalid_code(it, v)),
    };
    if !n.is_finite() || n.trunc() != n {
        let received = jsgen_engine::value::number_to_string(n);
        return Err(out_of_range(it, "code", "an integer", &received));
    }
    const MAX_SAFE: f64 = 9007199254740991.0;
    if n.abs() > MAX_SAFE {
        let received = add_numerical_separator(&jsgen_engine::value::number_to_string(n));
        return Err(out_of_range(
            it,
            "code",
            ">= -9007199254740991 && <= 9007199254740991",
            &received,
        ));
    }
    Ok(Some(jsgen_engine::value::to_int32(n)))
}

/// Node's `ERR_OUT_OF_RANGE` RangeError.
fn out_of_range(it: &mut Interp, name: &str, range: &str, received: &str) -> Abrupt {
    let p = it.intrinsics.range_error_prototype.clone();
    Abrupt::Throw(node_error(
        it,
        &p,
        "ERR_OUT_OF_RANGE",
        &format!(
            "The value of \"{name}\" is out of range. It must be {range}. Received {received}"
        ),
    ))
}

/// Node's `addNumericalSeparator`: `9007199254740994` → `9_007_199_254_740_994`.
fn add_numerical_separator(val: &str) -> String {
    let start = usize::from(val.starts_with('-'));
    let mut i = val.len();
    let mut res = String::new();
    while i >= start + 4 {
        res = format!("_{}{res}", &val[i - 3..i]);
        i -= 3;
    }
    format!("{}{res}", &val[..i])
}

/// `process.emitWarning(warning[, type[, code]])` or `(warning, { type, code, detail })`.
fn emit_warning(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let w = a.get(0);
    let (name, msg, obj) = match &w {
        Value::Object(o) => {
            let n = it.get(o, &jsgen_engine::static_key!("name"))?;
            let m = it.get(o, &jsgen_engine::static_key!("message"))?;
            (
                it.to_string(&n)?.to_rust_string(),
                it.to_string(&m)?.to_rust_string(),
                Some(o.clone()),
            )
        }
        _ => {
            let (ty, code, detail) = match a.get(1) {
                Value::Object(opts) => {
                    let t = it.get(&opts, &jsgen_engine::static_key!("type"))?;
                    let c = it.get(&opts, &jsgen_engine::static_key!("code"))?;
                    let d = it.get(&opts, &jsgen_engine::static_key!("detail"))?;
                    (t, c, d)
                }
                t => (t, a.get(2), Value::Undefined),
            };
            let ty = match ty {
                Value::String(s) => s.to_rust_string(),
                _ => "Warning".into(),
            };
            let msg = it.to_string(&w)?.to_rust_string();
            let p = it.intrinsics.error_prototype.clone();
            let e = it.make_error(&p, &msg);
            e.define("name", Value::from(ty.as_str()), Attrs::DEFAULT);
            if let Value::String(_) = code {
                e.define("code", code, Attrs::DEFAULT);
            }
            if let Value::String(_) = detail {
                e.define("detail", detail, Attrs::DEFAULT);
            }
            (ty, msg, Some(e))
        }
    };
    let name = match obj
        .as_ref()
        .and_then(|o| o.get_own_data(&jsgen_engine::static_key!("code")))
    {
        Some(Value::String(c)) => format!("[{}] {name}", c.to_rust_string()),
        _ => name,
    };
    queue_warning_object(it, &name, &msg, obj.map(Value::Object));
    Ok(Value::Undefined)
}

/// The command line's warning options (`--no-warnings`, `--no-deprecation`,
/// `--trace-warnings`, `--trace-deprecation`, `--throw-deprecation`), as Node applies them:
/// the last four as `process` properties that scripts may also set.
pub struct WarningFlags {
    pub no_warnings: bool,
    pub no_deprecation: bool,
    pub trace_warnings: bool,
    pub trace_deprecation: bool,
    pub throw_deprecation: bool,
}

pub fn apply_warning_flags(it: &mut Interp, flags: &WarningFlags) {
    it.node_mut().host.warnings_off =
        flags.no_warnings || std::env::var("NODE_NO_WARNINGS").is_ok_and(|v| v == "1");
    let Some(p) = it.node().host.process.clone() else {
        return;
    };
    for (key, on) in [
        ("noDeprecation", flags.no_deprecation),
        ("traceProcessWarnings", flags.trace_warnings),
        ("traceDeprecation", flags.trace_deprecation),
        ("throwDeprecation", flags.throw_deprecation),
    ] {
        if on {
            p.define(key, Value::Bool(true), Attrs::DEFAULT);
        }
    }
}

/// Writes a warning as Node's default `'warning'` handler does, on the next tick (Node's
/// `process.emitWarning` defers it with `process.nextTick`).
pub fn queue_warning(it: &mut Interp, name: &str, msg: &str) {
    let p = it.intrinsics.error_prototype.clone();
    let e = it.make_error(&p, msg);
    // `[CODE] Type` names carry the code (util.deprecate's DeprecationWarning).
    let (code, ty) = match name.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((c, t)) => (Some(c), t),
        None => (None, name),
    };
    e.define("name", Value::from(ty), Attrs::DEFAULT);
    if let Some(c) = code {
        e.define("code", Value::from(c), Attrs::DEFAULT);
    }
    queue_warning_object(it, name, msg, Some(Value::Object(e)));
}

/// Queues the write of a warning to stderr and the `'warning'` event with `warning`, on the
/// next tick, as Node's `process.emitWarning` (its default handler writes, then the
/// script's listeners run).
fn queue_warning_object(it: &mut Interp, name: &str, msg: &str, warning: Option<Value>) {
    let deprecation = name.ends_with("DeprecationWarning");
    let process_flag = |it: &mut Interp, key: &str| -> bool {
        let Some(p) = it.node().host.process.clone() else {
            return false;
        };
        matches!(p.get_own_data(&PropKey::from(key)), Some(v) if v.to_boolean())
    };
    if deprecation && process_flag(it, "noDeprecation") {
        return;
    }
    if deprecation && process_flag(it, "throwDeprecation") {
        // Thrown on the next tick, after earlier warnings were written (as Node does).
        if let Some(w) = warning {
            let thrower = it.native_fn_with(
                "",
                0,
                |_, a| {
                    let w = match &a.callee.borrow().kind {
                        jsgen_engine::object::ObjectKind::Native(n) => {
                            n.captures.first().cloned().unwrap_or_default()
                        }
                        _ => Value::Undefined,
                    };
                    Err(Abrupt::Throw(w))
                },
                false,
                vec![w],
            );
            it.queue_tick(Value::Object(thrower), Vec::new());
        }
        return;
    }
    let traced = process_flag(it, "traceProcessWarnings")
        || (deprecation && process_flag(it, "traceDeprecation"));
    let trace = if deprecation {
        "--trace-deprecation"
    } else {
        "--trace-warnings"
    };
    let detail = match &warning {
        Some(Value::Object(o)) => match o.get_own_data(&jsgen_engine::static_key!("detail")) {
            Some(Value::String(d)) => format!("\n{}", d.to_rust_string()),
            _ => String::new(),
        },
        _ => String::new(),
    };
    // Traced: the warning's stack (its first line is `Name: message`) after the code.
    let stack = match (&warning, traced) {
        (Some(Value::Object(o)), true) => it.own_stack_string(o).map(|st| {
            // Node captures the stack below `process.emitWarning`'s caller chain inside
            // core modules: drop the frames of emitWarning and of jsgen's `node:` modules
            // above the first user frame.
            let st = st.to_rust_string();
            let mut lines = st.split('\n');
            let mut out: Vec<&str> = lines.next().into_iter().collect();
            let mut leading = true;
            for l in lines {
                if leading && (l.contains("emitWarning (") || l.contains("(node:")) {
                    continue;
                }
                leading = false;
                out.push(l);
            }
            out.join("\n")
        }),
        _ => None,
    };
    let text = match stack {
        Some(st) => {
            let code = name
                .strip_prefix('[')
                .and_then(|r| r.split_once("] "))
                .map(|(c, _)| format!("[{c}] "))
                .unwrap_or_default();
            format!("(node:{}) {code}{st}{detail}\n", pid())
        }
        None => format!("(node:{}) {name}: {msg}{detail}\n", pid()),
    };
    let hint = if traced {
        String::new()
    } else {
        format!("(Use `node {trace} ...` to show where the warning was created)\n")
    };
    let text = if it.node().host.warnings_off {
        String::new()
    } else {
        text
    };
    let f = it.native_fn_with(
        "emitWarning",
        0,
        |it, a| {
            let (text, warning, hint) = match &a.callee.borrow().kind {
                jsgen_engine::object::ObjectKind::Native(n) => (
                    n.captures.first().cloned(),
                    n.captures.get(1).cloned(),
                    n.captures.get(2).cloned(),
                ),
                _ => (None, None, None),
            };
            if let Some(Value::String(s)) =
                text.filter(|t| !matches!(t, Value::String(s) if s.is_empty()))
            {
                let mut s = s.to_rust_string();
                if let Some(Value::String(h)) = hint {
                    if !std::mem::replace(&mut it.node_mut().host.warning_hint_shown, true) {
                        s.push_str(&h.to_rust_string());
                    }
                }
                it.node_mut().console.write_err(&s);
                it.note_stream_write(1, None);
            }
            if let Some(w) = warning.filter(|w| !w.is_undefined()) {
                it.emit_process_event("warning", &[w])?;
            }
            Ok(Value::Undefined)
        },
        false,
        vec![
            Value::from(text.as_str()),
            warning.unwrap_or_default(),
            Value::from(hint.as_str()),
        ],
    );
    it.queue_tick(Value::Object(f), Vec::new());
}

fn write_chunk(it: &mut Interp, a: &Args, err: bool) -> JsResult<Value> {
    let chunk = a.get(0);
    let s = match &chunk {
        Value::String(s) => s.to_rust_string(),
        v if crate::fs::view_bytes(v).is_some() => {
            String::from_utf8_lossy(&crate::fs::view_bytes(v).unwrap_or_default()).into_owned()
        }
        _ => {
            return Err(invalid_arg_type(
                it,
                "chunk",
                "of type string or an instance of Buffer or Uint8Array",
                &chunk,
            ))
        }
    };
    if err {
        it.node_mut().console.write_err(&s);
    } else {
        it.node_mut().console.write_out(&s);
    }
    // write(chunk, [encoding], [callback]): the callback runs after the write, on the
    // stream's after-write tick, with `null`.
    let cb = a.args.iter().skip(1).find(|v| it.is_callable(v)).cloned();
    it.note_stream_write(usize::from(err), cb);
    Ok(Value::Bool(true))
}

/// The members of a Node `Writable` (its prototype chain: `Writable`, the legacy `Stream`,
/// `EventEmitter`) and the instance fields stream code reads (`_writableState`, `_events`),
/// which `process.stdout` and `process.stderr` answer before `node:stream` is loaded.
/// `write` is the stream's own; the unit test `stdio_lazy_members_cover_the_writable_chain`
/// checks this list against the prototype chain.
pub const STDIO_LAZY_MEMBERS: &[&str] = &[
    "constructor",
    "pipe",
    "cork",
    "uncork",
    "setDefaultEncoding",
    "_writev",
    "end",
    "closed",
    "destroyed",
    "writable",
    "writableFinished",
    "writableObjectMode",
    "writableBuffer",
    "writableEnded",
    "writableNeedDrain",
    "writableHighWaterMark",
    "writableCorked",
    "writableLength",
    "errored",
    "writableAborted",
    "destroy",
    "_undestroy",
    "setMaxListeners",
    "getMaxListeners",
    "emit",
    "addListener",
    "on",
    "prependListener",
    "once",
    "prependOnceListener",
    "removeListener",
    "off",
    "removeAllListeners",
    "listeners",
    "rawListeners",
    "listenerCount",
    "eventNames",
    "_events",
    "_eventsCount",
    "_maxListeners",
    "_writableState",
];

/// `process.stdout` (`fd` 0) or `process.stderr` (1), made on first read.
///
/// Node's are `Writable` streams. Loading `node:stream` (~80 M instructions of parsing)
/// for every script that calls `process.stdout.write` would cost more than the script, so
/// the object starts as its native `write`, `fd` and `isTTY` over a prototype whose members
/// ([`STDIO_LAZY_MEMBERS`]) are [`Slot::Lazy`](jsgen_engine::object::Slot::Lazy) values:
/// the first one read loads `node:stream`, whose `adoptStdio` makes both objects
/// `Writable`s (their prototype becomes `Writable.prototype`), and answers with the
/// stream's own member. A script that loads `node:stream` itself gets the same adoption.
/// The console keeps writing natively until a script replaces `write` (see
/// `console::replaced_stdio_write`).
fn stdio_stream(it: &mut Interp, fd: usize) -> Obj {
    if let Some((o, _)) = &it.node().console.stdio[fd] {
        return o.clone();
    }
    let proto = it.new_object();
    let build: jsgen_engine::object::LazyBuild = if fd == 0 {
        |it, key| stdio_member(it, 0, key)
    } else {
        |it, key| stdio_member(it, 1, key)
    };
    for name in STDIO_LAZY_MEMBERS {
        define_lazy(&proto, name, Attrs::HIDDEN, build);
    }
    let o = jsgen_engine::object::Obj::new(Some(proto), jsgen_engine::object::ObjectKind::Ordinary);
    let write: jsgen_engine::interp::NativeFn = if fd == 0 { stdout_write } else { stderr_write };
    let write_fn = it.define_method_obj(&o, "write", 1, write);
    o.define("fd", Value::from(fd as u32 + 1), Attrs::DEFAULT);
    if fd == 0 {
        // `true` on a terminal, else `undefined` (as Node's non-TTY streams).
        it.define_getter(&o, "isTTY", |it, _| {
            Ok(if it.node_mut().console.stdout_tty {
                Value::Bool(true)
            } else {
                Value::Undefined
            })
        });
    }
    it.node_mut().console.stdio[fd] = Some((o.clone(), write_fn));
    o
}

/// A member of `process.stdout`/`stderr` read before `node:stream` adopted them: loads it
/// (which adopts both) and reads the member from the stream. `undefined` if the stream was
/// not adopted (a script changed its prototype first), so the lazy prototype is never
/// asked again from inside its own build.
fn stdio_member(it: &mut Interp, fd: usize, key: &PropKey) -> Value {
    let Some((o, _)) = it.node().console.stdio[fd].clone() else {
        return Value::Undefined;
    };
    let lazy_proto = o.proto();
    if crate::require::require_core(it, "stream", "node:internal").is_err() {
        return Value::Undefined;
    }
    let adopted = match (o.proto(), &lazy_proto) {
        (Some(now), Some(before)) => !Obj::ptr_eq(&now, before),
        _ => false,
    };
    if !adopted {
        return Value::Undefined;
    }
    it.get(&o, key).unwrap_or(Value::Undefined)
}

fn stdout_write(it: &mut Interp, a: &Args) -> JsResult<Value> {
    write_chunk(it, a, false)
}

fn stderr_write(it: &mut Interp, a: &Args) -> JsResult<Value> {
    write_chunk(it, a, true)
}

fn cwd(_it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let d = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "/".into());
    Ok(Value::from(d.as_str()))
}

/// Seconds since start, on the event loop's clock (virtual time included).
fn uptime(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Ok(Value::Number(it.node_mut().timers.now() / 1000.0))
}

/// Nanoseconds on the event loop's clock (monotonic; includes skipped virtual time).
fn now_ns(it: &Interp) -> u128 {
    (it.node().timers.now() * 1e6).max(0.0) as u128
}

/// `process.hrtime([previous])`: `[seconds, nanoseconds]`, relative to `previous` if given.
fn hrtime(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut ns = now_ns(it) as i128;
    let prev = a.get(0);
    if let Value::Object(o) = &prev {
        let s = it.get(o, &jsgen_engine::interp::ops::index_key(0))?;
        let n = it.get(o, &jsgen_engine::interp::ops::index_key(1))?;
        let s = it.to_number(&s)?;
        let n = it.to_number(&n)?;
        ns -= (s * 1e9 + n) as i128;
    } else if !prev.is_undefined() {
        return Err(invalid_arg_type(it, "time", "an instance of Array", &prev));
    }
    let secs = ns.div_euclid(1_000_000_000) as f64;
    let nanos = ns.rem_euclid(1_000_000_000) as f64;
    Ok(Value::Object(it.new_array(vec![
        Value::Number(secs),
        Value::Number(nanos),
    ])))
}

fn hrtime_bigint(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let ns = now_ns(it);
    Ok(Value::BigInt(std::rc::Rc::new(num_bigint::BigInt::from(
        ns,
    ))))
}

/// Resident set size from `/proc/self/statm` (pages × 4 KiB), or 0 where unavailable.
fn rss_bytes() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/statm") else {
        return 0.0;
    };
    s.split_whitespace()
        .nth(1)
        .and_then(|p| p.parse::<f64>().ok())
        .map(|pages| pages * 4096.0)
        .unwrap_or(0.0)
}

fn memory_usage(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let o = it.new_object();
    let rss = rss_bytes();
    let live = jsgen_engine::gc::live_cells() as f64 * 128.0;
    for (k, v) in [
        ("rss", rss),
        ("heapTotal", live.max(4.0 * 1024.0 * 1024.0)),
        ("heapUsed", live),
        ("external", 0.0),
        ("arrayBuffers", 0.0),
    ] {
        o.define(k, Value::Number(v), Attrs::DEFAULT);
    }
    Ok(Value::Object(o))
}

#[cfg(test)]
mod tests {
    use crate::run::run_captured;

    fn out(code: &str) -> String {
        run_captured(code).0
    }

    // Expected outputs below were produced by Node v20.20.2 and checked against the reference
    // Node 24.22.3, which prints the same, except that a 0 ms timer set by a tiny main script
    // may run after the immediates there (a race of its bootstrap; jsgen keeps timers first).

    #[test]
    fn stdio_lazy_members_cover_the_writable_chain() {
        // Every string-keyed member of `Writable.prototype`'s chain (but `write`, the
        // stream's own) and the instance fields must be answered before `node:stream` loads.
        let o = out(r#"
            const { Writable } = require('stream');
            const keys = new Set();
            for (let p = Writable.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
              for (const k of Object.getOwnPropertyNames(p)) keys.add(k);
            for (const k of Object.getOwnPropertyNames(new Writable())) if (k.startsWith('_')) keys.add(k);
            keys.delete('write'); keys.delete('_write'); keys.delete('_destroy');
            console.log([...keys].sort().join(' '));
        "#);
        let mut want: Vec<&str> = super::STDIO_LAZY_MEMBERS.to_vec();
        want.sort_unstable();
        assert_eq!(o.trim_end(), want.join(" "));
    }

    #[test]
    fn next_tick_runs_before_promise_jobs() {
        let o = out(r#"
            Promise.resolve().then(() => { console.log('p1'); process.nextTick(() => console.log('t-in-p')); });
            process.nextTick(() => console.log('t1'));
            queueMicrotask(() => console.log('q'));
            Promise.resolve().then(() => console.log('p2'));
            process.nextTick(() => { console.log('t2');
              Promise.resolve().then(() => console.log('p-in-t'));
              process.nextTick(() => console.log('t-in-t')); });
            console.log('sync');
        "#);
        assert_eq!(o, "sync\nt1\nt2\nt-in-t\np1\nq\np2\np-in-t\nt-in-p\n");
    }

    #[test]
    fn ticks_and_microtasks_drain_between_timers_and_immediates() {
        let o = out(r#"
            setTimeout(() => { console.log('T1'); process.nextTick(() => console.log('T1 tick'));
              Promise.resolve().then(() => console.log('T1 p')); }, 0);
            setTimeout(() => console.log('T2'), 0);
            setImmediate(() => { console.log('I1'); process.nextTick(() => console.log('I1 tick')); });
            setImmediate(() => console.log('I2'));
        "#);
        assert_eq!(o, "T1\nT1 tick\nT1 p\nT2\nI1\nI1 tick\nI2\n");
    }

    #[test]
    fn next_tick_passes_arguments_and_validates_the_callback() {
        let o = out(r#"
            process.nextTick((a, b) => console.log(a + b), 2, 3);
            try { process.nextTick(42); } catch (e) { console.log(e.name, e.code, e.message); }
        "#);
        assert_eq!(
            o,
            "TypeError ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. Received type number (42)\n5\n"
        );
    }

    #[test]
    fn stdout_write_and_exit_code() {
        let (o, code) = run_captured(
            "process.stdout.write('a'); process.stdout.write('b\\n'); process.exitCode = 2;",
        );
        assert_eq!(o, "ab\n");
        assert_eq!(code, 2);
        let (o, code) = run_captured(
            "process.on('exit', c => console.log('bye', c)); setTimeout(() => { process.exit(3); console.log('no'); }, 10); setTimeout(() => console.log('no'), 20);",
        );
        assert_eq!(o, "bye 3\n");
        assert_eq!(code, 3);
    }

    #[test]
    fn env_has_no_host_variables_in_the_sandbox() {
        use crate::prelude::*;
        let mut it = crate::node_interp();
        crate::permission::apply(&mut it, crate::permission::Permission::sandbox());
        it.node_mut().console.capture = Some(Vec::new());
        let _ = it.run_main(
            "t.js",
            "console.log(process.env, process.env.PATH, Object.keys(process.env).length)",
            crate::event_loop::RejectionMode::Throw,
            crate::run::ScriptGoal::CommonJs,
        );
        let out = it.node_mut().console.capture.take().unwrap_or_default();
        assert_eq!(String::from_utf8_lossy(&out), "{} undefined 0\n");
    }

    #[test]
    fn env_is_the_host_environment() {
        let path = std::env::var("PATH").unwrap_or_default();
        assert_eq!(out("console.log(process.env.PATH)"), format!("{path}\n"));
    }
}
