//! The embedding API: a [`Runtime`] runs JavaScript from a Rust program.
//!
//! ```
//! let mut rt = jsgen::Runtime::new(); // Node-like host; Runtime::bare() for the engine alone
//! let doubled: Vec<f64> = rt.eval_as("[1, 2, 3].map(x => x * 2)")?;
//! assert_eq!(doubled, [2.0, 4.0, 6.0]);
//! # Ok::<(), jsgen::Error>(())
//! ```
//!
//! A runtime is one realm on the calling thread (values are reference-counted, not `Send`).
//! [`Runtime::new`] gives what `jsgen file.js` has (console, timers, `process`, `require`
//! of core modules); [`Runtime::bare`] gives only ECMAScript's built-ins.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use jsgen_engine::interp::script::RunError;
use jsgen_engine::interp::{Abrupt, Args, Interp};
use jsgen_engine::object::{Attrs, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_node::event_loop::{LoopEnd, RejectionMode};
use jsgen_node::prelude::*;
use jsgen_node::run::{MainEnd, ScriptGoal};

pub use jsgen_engine::value::Value;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The code did not parse (an early error).
    Syntax,
    /// An exception nobody caught.
    Exception,
    /// A promise rejected with no handler (Node's default `--unhandled-rejections=throw`).
    UnhandledRejection,
    /// A value did not convert to the Rust type asked for.
    Conversion,
    /// A file could not be read.
    Io,
    /// The call ran past [`Limits::timeout`] and was stopped (the CLI's `--timeout`, exit
    /// code 124). No `catch` or `finally` ran; the runtime can be used again.
    Timeout,
    /// A [`TerminateHandle`] stopped the call (from another thread).
    Terminated,
}

/// The limits a host sets for code it does not trust: the embedding form of `jsgen`'s
/// `--timeout`, `--max-output` and `--stack-size` ([`Runtime::sandbox`] adds `--sandbox`'s
/// permission model). The heap limit (`--max-old-space-size`) is not here: it counts the
/// whole process's allocations in the `jsgen` binary's global allocator, which a host
/// program chooses for itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock budget of each call into the runtime ([`Runtime::eval`],
    /// [`Runtime::run_file`], [`Runtime::run_event_loop`]), timers and microtasks included.
    /// Checked on loop back-edges, calls and inside long native loops; past it the call
    /// ends with [`ErrorKind::Timeout`].
    pub timeout: Option<std::time::Duration>,
    /// Bytes of output (stdout and stderr together, or the capture buffer) over the
    /// runtime's life; the write that would cross it is dropped with one notice, and so is
    /// everything after it. No effect on a bare runtime (it has no console).
    pub max_output: Option<usize>,
    /// Node's `--stack-size` in KiB (default 984): the call depth allowed before
    /// `RangeError: Maximum call stack size exceeded` scales with it.
    pub stack_size_kb: Option<u64>,
}

impl Limits {
    /// `--sandbox`'s defaults: 10 s per call, 1 MB of output.
    pub fn sandbox() -> Limits {
        Limits {
            timeout: Some(std::time::Duration::from_secs(10)),
            max_output: Some(1_000_000),
            stack_size_kb: None,
        }
    }
}

/// The code a stopped run leaves in [`Interp::terminate_code`]: `timeout(1)`'s 124.
const TIMEOUT_CODE: i32 = 124;
/// The code a [`TerminateHandle`] stop leaves (128 + SIGTERM, as a killed process).
const TERMINATED_CODE: i32 = 143;

/// Stops a [`Runtime`]'s running call from another thread ([`Runtime::terminate_handle`]).
/// The call ends at its next check with [`ErrorKind::Terminated`]; a call made later runs
/// normally.
#[derive(Clone, Debug)]
pub struct TerminateHandle {
    interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    code: std::sync::Arc<std::sync::atomic::AtomicI32>,
}

impl TerminateHandle {
    /// Asks the running call to stop.
    pub fn terminate(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        self.code.store(TERMINATED_CODE, Relaxed);
        self.interrupt.store(true, Relaxed);
    }
}

/// A thread that stops the interpreter at a deadline unless the call finishes first.
struct Watchdog {
    done: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    fn start(handle: TerminateHandle, deadline: std::time::Instant) -> Watchdog {
        use std::sync::atomic::Ordering::Relaxed;
        let done = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let d = done.clone();
        let thread = std::thread::Builder::new()
            .name("jsgen-watchdog".into())
            .spawn(move || {
                let (lock, cv) = &*d;
                let Ok(mut finished) = lock.lock() else {
                    return;
                };
                while !*finished {
                    let now = std::time::Instant::now();
                    if now >= deadline {
                        handle.code.store(TIMEOUT_CODE, Relaxed);
                        handle.interrupt.store(true, Relaxed);
                        return;
                    }
                    match cv.wait_timeout(finished, deadline - now) {
                        Ok((g, _)) => finished = g,
                        Err(_) => return,
                    }
                }
            })
            .ok();
        Watchdog { done, thread }
    }

    fn stop(mut self) {
        let (lock, cv) = &*self.done;
        if let Ok(mut finished) = lock.lock() {
            *finished = true;
        }
        cv.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A failure of script code, carrying the JavaScript exception (if any) and the diagnostic
/// `jsgen` would print for it.
pub struct Error {
    kind: ErrorKind,
    message: String,
    diagnostic: String,
    thrown: Option<Value>,
}

impl Error {
    fn conversion(expected: &str, got: &Value) -> Error {
        Error {
            kind: ErrorKind::Conversion,
            message: format!("expected {expected}, got {}", got.type_of()),
            diagnostic: String::new(),
            thrown: None,
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// One line: `Uncaught TypeError: x is not a function`, `SyntaxError: ...`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The whole diagnostic as `jsgen` prints it (the source line, the label, the stack);
    /// plain text without colors.
    pub fn diagnostic(&self) -> &str {
        &self.diagnostic
    }

    /// The thrown JavaScript value, for an exception or a rejection.
    pub fn thrown(&self) -> Option<&Value> {
        self.thrown.as_ref()
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Converts a JavaScript value to a Rust value.
pub trait FromJs: Sized {
    /// The Rust value of `v`, or a [`ErrorKind::Conversion`] error (or the exception a
    /// getter threw while reading an array or object).
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error>;
}

/// Converts a Rust value to a JavaScript value.
pub trait IntoJs {
    /// The JavaScript value of `self` (arrays and plain objects for collections).
    fn into_js(self, it: &mut Interp) -> Value;
}

/// A JavaScript engine with (or without) Node's host, ready to run code.
pub struct Runtime {
    it: Interp,
    node: bool,
    limits: Limits,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Runtime {
    /// A runtime with Node's host: `console`, timers, `process`, `require` of core modules,
    /// the event loop. Output goes to the process's stdout/stderr unless
    /// [`Runtime::capture_output`] is on.
    pub fn new() -> Runtime {
        Runtime {
            it: jsgen_node::node_interp(),
            node: true,
            limits: Limits::default(),
        }
    }

    /// The engine alone: the ECMAScript built-ins, no `console`, no timers, no modules.
    pub fn bare() -> Runtime {
        Runtime {
            it: Interp::new(),
            node: false,
            limits: Limits::default(),
        }
    }

    /// The interpreter itself, for what this facade does not cover.
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.it
    }

    /// Runs `code` as global code (declarations persist between calls, as in a REPL), then
    /// the jobs it queued (`process.nextTick`, promise reactions), and returns its
    /// completion value. Timers wait for [`Runtime::run_event_loop`].
    ///
    /// ```
    /// let mut rt = jsgen::Runtime::bare();
    /// rt.eval("var total = 0; for (const x of [1, 2, 3]) total += x")?;
    /// assert_eq!(rt.eval_as::<f64>("total")?, 6.0);
    /// # Ok::<(), jsgen::Error>(())
    /// ```
    pub fn eval(&mut self, code: &str) -> Result<Value, Error> {
        self.limited(|rt| {
            let r = rt.it.run_script("[eval]", code);
            let value = r.map_err(|e| rt.run_error(e))?;
            rt.run_jobs()?;
            Ok(value)
        })
    }

    /// [`Runtime::eval`], converted to `T`.
    pub fn eval_as<T: FromJs>(&mut self, code: &str) -> Result<T, Error> {
        let v = self.eval(code)?;
        T::from_js(&mut self.it, &v)
    }

    /// Runs a file as `jsgen FILE` does (a CommonJS module, or an ES module by Node's
    /// detection), then the event loop to completion, the `'exit'` event, and returns the
    /// exit code `process.exitCode`/`process.exit()` chose. An uncaught exception or an
    /// unhandled rejection is an `Err` (the process would exit with 1).
    pub fn run_file(&mut self, path: impl AsRef<Path>) -> Result<i32, Error> {
        let path = path.as_ref();
        self.limited(|rt| rt.run_file_now(path))
    }

    fn run_file_now(&mut self, path: &Path) -> Result<i32, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error {
            kind: ErrorKind::Io,
            message: format!("cannot read {}: {e}", path.display()),
            diagnostic: String::new(),
            thrown: None,
        })?;
        let name = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        if !self.node {
            let r = self.it.run_script(&name, &text);
            r.map_err(|e| self.run_error(e))?;
            self.run_jobs()?;
            return Ok(0);
        }
        self.it.set_script_args(Some(name.clone()), Vec::new());
        let end = self
            .it
            .run_main(&name, &text, RejectionMode::Throw, ScriptGoal::CommonJs);
        let mut default = 0;
        let failure = match end {
            MainEnd::Done | MainEnd::Exit(_) => None,
            // Node's exit code for a top-level `await` that never settled.
            MainEnd::UnsettledTopLevelAwait => {
                default = 13;
                None
            }
            MainEnd::Error(e) => Some(self.run_error(e)),
            MainEnd::UnhandledRejection { value, pos } => Some(self.rejection_error(value, pos)),
        };
        let code = if self.it.node().host.fatal_handler_threw {
            7
        } else {
            self.it
                .emit_exit(if failure.is_some() { 1 } else { default })
        };
        match failure {
            Some(e) => Err(e),
            None => Ok(code),
        }
    }

    /// Runs timers, immediates and the jobs they queue until nothing is left (a bare
    /// runtime has no event loop: this runs its microtasks).
    pub fn run_event_loop(&mut self) -> Result<(), Error> {
        self.limited(|rt| {
            if !rt.node {
                return rt.run_jobs();
            }
            match rt.it.run_event_loop(RejectionMode::Throw) {
                LoopEnd::Done | LoopEnd::Exit(_) => Ok(()),
                end => Err(rt.loop_error(end)),
            }
        })
    }

    /// Sets the limits for the calls that follow (see [`Limits`]).
    ///
    /// ```
    /// use std::time::Duration;
    /// let mut rt = jsgen::Runtime::new();
    /// rt.set_limits(jsgen::Limits { timeout: Some(Duration::from_millis(50)), ..Default::default() });
    /// let e = rt.eval("while (true) {}").unwrap_err();
    /// assert_eq!(e.kind(), jsgen::ErrorKind::Timeout);
    /// assert_eq!(rt.eval_as::<f64>("1 + 1")?, 2.0); // the runtime is still usable
    /// # Ok::<(), jsgen::Error>(())
    /// ```
    pub fn set_limits(&mut self, limits: Limits) {
        if self.node {
            self.it.node_mut().console.max_output = limits.max_output;
        }
        self.it.max_call_depth = match limits.stack_size_kb {
            // Node's default --stack-size is 984 KB, where jsgen allows MAX_CALL_DEPTH calls.
            Some(kb) => (jsgen_engine::interp::MAX_CALL_DEPTH as u64)
                .saturating_mul(kb)
                .checked_div(984)
                .unwrap_or(0)
                .clamp(100, 1_000_000) as usize,
            None => jsgen_engine::interp::MAX_CALL_DEPTH,
        };
        self.limits = limits;
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// `jsgen --sandbox` for this runtime: no file system access (user modules and `fs`
    /// calls fail with Node's `ERR_ACCESS_DENIED`; core modules still load), an empty
    /// `process.env`, and [`Limits::sandbox`]'s defaults for the limits not set yet.
    pub fn sandbox(&mut self) {
        if self.node {
            jsgen_node::permission::apply(
                &mut self.it,
                jsgen_node::permission::Permission::sandbox(),
            );
        }
        let d = Limits::sandbox();
        let l = self.limits.clone();
        self.set_limits(Limits {
            timeout: l.timeout.or(d.timeout),
            max_output: l.max_output.or(d.max_output),
            stack_size_kb: l.stack_size_kb.or(d.stack_size_kb),
        });
    }

    /// A handle that stops this runtime's running call from another thread.
    pub fn terminate_handle(&self) -> TerminateHandle {
        TerminateHandle {
            interrupt: self.it.interrupt.clone(),
            code: self.it.terminate_code.clone(),
        }
    }

    /// Runs timers against a virtual clock: the same order as real time, without sleeping
    /// (`jsgen --virtual-time`). No effect on a bare runtime.
    pub fn set_virtual_time(&mut self, on: bool) {
        if self.node {
            self.it.node_mut().timers.virtual_time = on;
        }
    }

    /// Collects what `console` and `process.stdout`/`stderr` write instead of writing it
    /// to the process; read it with [`Runtime::take_output`].
    pub fn capture_output(&mut self) {
        if self.node {
            let console = &mut self.it.node_mut().console;
            console.capture.get_or_insert_with(Vec::new);
        }
    }

    /// The output captured since the last call (stdout and stderr, in order).
    pub fn take_output(&mut self) -> String {
        if !self.node {
            return String::new();
        }
        let bytes = self
            .it
            .node_mut()
            .console
            .capture
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Defines a global function that calls `f` with the interpreter and the arguments; an
    /// `Err(message)` throws an `Error` with that message.
    ///
    /// ```
    /// use jsgen::FromJs;
    /// let mut rt = jsgen::Runtime::bare();
    /// rt.register_fn("hypot", 2, |it, args| {
    ///     let x = f64::from_js(it, &args[0]).map_err(|e| e.to_string())?;
    ///     let y = f64::from_js(it, &args[1]).map_err(|e| e.to_string())?;
    ///     Ok(jsgen::Value::Number(x.hypot(y)))
    /// });
    /// assert_eq!(rt.eval_as::<f64>("hypot(3, 4)")?, 5.0);
    /// # Ok::<(), jsgen::Error>(())
    /// ```
    pub fn register_fn(
        &mut self,
        name: &str,
        length: u32,
        f: impl Fn(&mut Interp, &[Value]) -> Result<Value, String> + 'static,
    ) {
        let func = self.it.native_closure(name, length, move |it, a: &Args| {
            f(it, a.args).map_err(|message| it.plain_error(message))
        });
        self.set_global(name, Value::Object(func));
    }

    /// Sets a global property (`globalThis[name] = value`).
    pub fn set_global(&mut self, name: &str, value: impl IntoJs) {
        let v = value.into_js(&mut self.it);
        self.it.global.define(name, v, Attrs::HIDDEN);
    }

    /// Reads a global variable or property, converted to `T`.
    pub fn global<T: FromJs>(&mut self, name: &str) -> Result<T, Error> {
        let g = self.it.global.clone();
        let v = self
            .it
            .get(&g, &PropKey::from(name))
            .map_err(|e| self.abrupt_error(e))?;
        T::from_js(&mut self.it, &v)
    }

    /// Converts a Rust value to a JavaScript value of this runtime.
    pub fn to_js(&mut self, v: impl IntoJs) -> Value {
        v.into_js(&mut self.it)
    }

    /// Converts a JavaScript value of this runtime to `T`.
    pub fn from_js<T: FromJs>(&mut self, v: &Value) -> Result<T, Error> {
        T::from_js(&mut self.it, v)
    }

    // ---- internals -------------------------------------------------------------------------

    /// Runs one call under the limits: a watchdog for the timeout (the event loop does not
    /// sleep past it either), and a stop (timeout or [`TerminateHandle`]) turned into an
    /// error, with the interpreter reset for the next call.
    fn limited<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        use std::sync::atomic::Ordering::Relaxed;
        let deadline = self.limits.timeout.map(|t| std::time::Instant::now() + t);
        if self.node {
            self.it.node_mut().timers.deadline = deadline;
        }
        let dog = deadline.map(|d| Watchdog::start(self.terminate_handle(), d));
        let r = f(self);
        if let Some(dog) = dog {
            dog.stop();
        }
        if self.node {
            self.it.node_mut().timers.deadline = None;
        }
        let code = self.it.terminate_code.swap(0, Relaxed);
        if code == 0 {
            return r;
        }
        // Stopped: reset the stop so the next call runs. What the call queued (timers,
        // microtasks) stays queued; a host that wants none of it drops the runtime.
        self.it.interrupt.store(false, Relaxed);
        self.it.exiting = None;
        let (kind, message) = if code == TIMEOUT_CODE {
            let ms = self.limits.timeout.unwrap_or_default().as_millis();
            (
                ErrorKind::Timeout,
                format!("the run took longer than the timeout ({ms} ms) and was stopped"),
            )
        } else {
            (ErrorKind::Terminated, "the run was terminated".to_string())
        };
        Err(Error {
            kind,
            message,
            diagnostic: String::new(),
            thrown: None,
        })
    }

    fn run_jobs(&mut self) -> Result<(), Error> {
        if self.node {
            match self.it.process_ticks_and_rejections(RejectionMode::Throw) {
                None | Some(LoopEnd::Done) | Some(LoopEnd::Exit(_)) => Ok(()),
                Some(end) => Err(self.loop_error(end)),
            }
        } else {
            self.it.run_microtasks().map_err(|e| self.abrupt_error(e))
        }
    }

    fn loop_error(&mut self, end: LoopEnd) -> Error {
        let pos = self.it.last_error_pos.take();
        match end {
            LoopEnd::UnhandledRejection(value) => self.rejection_error(value, pos),
            LoopEnd::Uncaught(value) => self.run_error(RunError::Uncaught { value, pos }),
            LoopEnd::Done | LoopEnd::Exit(_) => self.run_error(RunError::Uncaught {
                value: Value::Undefined,
                pos,
            }),
        }
    }

    fn abrupt_error(&mut self, e: Abrupt) -> Error {
        let value = match e {
            Abrupt::Throw(v) => v,
            _ => Value::Undefined,
        };
        let pos = self.it.last_error_pos.take();
        self.run_error(RunError::Uncaught { value, pos })
    }

    fn run_error(&mut self, e: RunError) -> Error {
        if self
            .it
            .terminate_code
            .load(std::sync::atomic::Ordering::Relaxed)
            != 0
        {
            // A stopped call: [`Runtime::limited`] reports it (the value is the exit
            // sentinel, nothing to render).
            return Error {
                kind: ErrorKind::Terminated,
                message: String::new(),
                diagnostic: String::new(),
                thrown: None,
            };
        }
        match e {
            RunError::Syntax { source, error } => {
                let d = crate::diag::syntax_error(&self.it, source, &error);
                Error {
                    kind: ErrorKind::Syntax,
                    message: d.message.clone(),
                    diagnostic: crate::diag::render(d, false),
                    thrown: None,
                }
            }
            RunError::Uncaught { value, pos } => {
                let d = crate::diag::uncaught(&mut self.it, &value, pos, "Uncaught ");
                Error {
                    kind: ErrorKind::Exception,
                    message: d.message.clone(),
                    diagnostic: crate::diag::render(d, false),
                    thrown: Some(value),
                }
            }
        }
    }

    fn rejection_error(
        &mut self,
        value: Value,
        pos: Option<(u32, jsgen_engine::ast::Span)>,
    ) -> Error {
        let d = crate::diag::uncaught(&mut self.it, &value, pos, "Unhandled promise rejection: ");
        Error {
            kind: ErrorKind::UnhandledRejection,
            message: d.message.clone(),
            diagnostic: crate::diag::render(d, false),
            thrown: Some(value),
        }
    }
}

// ---- conversions -------------------------------------------------------------------------

impl FromJs for Value {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(v.clone())
    }
}

impl FromJs for f64 {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Number(n) => Ok(*n),
            other => Err(Error::conversion("a number", other)),
        }
    }
}

impl FromJs for i64 {
    /// A number with an integral value in `i64`'s range.
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error> {
        let n = f64::from_js(it, v)?;
        if n.fract() == 0.0 && n >= i64::MIN as f64 && n < i64::MAX as f64 {
            Ok(n as i64)
        } else {
            Err(Error::conversion("an integer", v))
        }
    }
}

impl FromJs for bool {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(Error::conversion("a boolean", other)),
        }
    }
}

impl FromJs for String {
    fn from_js(_: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::String(s) => Ok(s.to_rust_string()),
            other => Err(Error::conversion("a string", other)),
        }
    }
}

impl<T: FromJs> FromJs for Option<T> {
    /// `undefined` and `null` are `None`.
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error> {
        match v {
            Value::Undefined | Value::Null => Ok(None),
            other => T::from_js(it, other).map(Some),
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    /// An array (or array-like object): `length` elements, read with `\[\[Get\]\]`.
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error> {
        let Value::Object(o) = v else {
            return Err(Error::conversion("an array", v));
        };
        let len = read(it, o, &PropKey::from("length"))?;
        let len = match len {
            Value::Number(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => n as u32,
            _ => return Err(Error::conversion("an array", v)),
        };
        let mut out = Vec::with_capacity(len.min(1 << 16) as usize);
        for i in 0..len {
            let e = read(it, o, &PropKey::Index(i))?;
            out.push(T::from_js(it, &e)?);
        }
        Ok(out)
    }
}

/// An object's own enumerable string-keyed properties, in property order.
fn entries<T: FromJs>(it: &mut Interp, v: &Value) -> Result<Vec<(String, T)>, Error> {
    let Value::Object(o) = v else {
        return Err(Error::conversion("an object", v));
    };
    let keys = it
        .own_property_keys(o)
        .map_err(|e| abrupt_to_error(it, e))?;
    let mut out = Vec::new();
    for key in keys {
        let name = match &key {
            PropKey::Index(i) => i.to_string(),
            PropKey::Str(s) => s.to_rust_string(),
            PropKey::Sym(_) => continue,
        };
        let prop = it
            .get_own_property(o, &key)
            .map_err(|e| abrupt_to_error(it, e))?;
        if !prop.is_some_and(|p| p.attrs.enumerable()) {
            continue;
        }
        let value = read(it, o, &key)?;
        out.push((name, T::from_js(it, &value)?));
    }
    Ok(out)
}

impl<T: FromJs> FromJs for HashMap<String, T> {
    /// An object's own enumerable string-keyed properties.
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(entries(it, v)?.into_iter().collect())
    }
}

impl<T: FromJs> FromJs for BTreeMap<String, T> {
    /// An object's own enumerable string-keyed properties.
    fn from_js(it: &mut Interp, v: &Value) -> Result<Self, Error> {
        Ok(entries(it, v)?.into_iter().collect())
    }
}

fn read(it: &mut Interp, o: &jsgen_engine::object::Obj, key: &PropKey) -> Result<Value, Error> {
    it.get(o, key).map_err(|e| abrupt_to_error(it, e))
}

fn abrupt_to_error(it: &mut Interp, e: Abrupt) -> Error {
    let value = match e {
        Abrupt::Throw(v) => v,
        _ => Value::Undefined,
    };
    let pos = it.last_error_pos.take();
    let d = crate::diag::uncaught(it, &value, pos, "Uncaught ");
    Error {
        kind: ErrorKind::Exception,
        message: d.message.clone(),
        diagnostic: crate::diag::render(d, false),
        thrown: Some(value),
    }
}

impl IntoJs for Value {
    fn into_js(self, _: &mut Interp) -> Value {
        self
    }
}

impl IntoJs for f64 {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::Number(self)
    }
}

impl IntoJs for i32 {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::Number(self as f64)
    }
}

impl IntoJs for u32 {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::Number(self as f64)
    }
}

impl IntoJs for bool {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::Bool(self)
    }
}

impl IntoJs for &str {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::String(JsStr::from(self))
    }
}

impl IntoJs for String {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::String(JsStr::from(self.as_str()))
    }
}

impl IntoJs for () {
    fn into_js(self, _: &mut Interp) -> Value {
        Value::Undefined
    }
}

impl<T: IntoJs> IntoJs for Option<T> {
    /// `None` is `undefined`.
    fn into_js(self, it: &mut Interp) -> Value {
        match self {
            Some(v) => v.into_js(it),
            None => Value::Undefined,
        }
    }
}

impl<T: IntoJs> IntoJs for Vec<T> {
    /// An array.
    fn into_js(self, it: &mut Interp) -> Value {
        let values = self.into_iter().map(|v| v.into_js(it)).collect();
        Value::Object(it.new_array(values))
    }
}

fn object_from<K: AsRef<str>, T: IntoJs>(
    it: &mut Interp,
    entries: impl IntoIterator<Item = (K, T)>,
) -> Value {
    let o = it.new_object();
    for (k, v) in entries {
        let v = v.into_js(it);
        o.define(PropKey::from(k.as_ref()), v, Attrs::DEFAULT);
    }
    Value::Object(o)
}

impl<T: IntoJs> IntoJs for HashMap<String, T> {
    /// A plain object (keys in the map's iteration order).
    fn into_js(self, it: &mut Interp) -> Value {
        object_from(it, self)
    }
}

impl<T: IntoJs> IntoJs for BTreeMap<String, T> {
    /// A plain object (keys in sorted order).
    fn into_js(self, it: &mut Interp) -> Value {
        object_from(it, self)
    }
}
