//! The evaluator: an AST walker over resolved, spanned nodes.
//!
//! - `mod.rs`: the [`Interp`] (one realm), completion types, error construction, running scripts.
//! - `scope.rs`: runtime environments (slot vectors).
//! - `ops.rs`: type conversions and object operations that may call script code
//!   (`\[\[Get\]\]`, `\[\[Set\]\]`, ToPrimitive, ...), and the operators.
//! - `function.rs`: function objects (closures, natives, bound), `\[\[Call\]\]`/`\[\[Construct\]\]`.
//! - `eval.rs`: statements and expressions, with resumable frames for `yield`/`await`.
//! - `pattern.rs`: destructuring.
//! - `generator.rs`: generator objects and how a suspended body is resumed.
//! - `iter.rs`: the iterator protocol (GetIterator, IteratorStep, IteratorClose).
//! - `dispose.rs`: explicit resource management (`using`, DisposeResources).
//! - `realm.rs`: intrinsics and the global object.
//! - `error_stack.rs`: error `stack`, captured at creation and formatted on first read.

pub mod brief;
pub mod call_printer;
pub mod dispose;
pub mod error_stack;
pub mod eval;
pub mod eval_code;
pub mod function;
pub mod generator;
pub mod iter;
pub mod jobs;
mod literal;
pub mod module;
pub mod ops;
pub mod pattern;
pub(crate) mod prop_cache;
pub mod proxy;
pub mod realm;
pub mod scope;
pub mod script;
pub mod side_effect;

use std::any::Any;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::ast::Span;
use crate::host::{DefaultHooks, HostHooks};
use crate::object::{Attrs, Obj, ObjectData, ObjectKind};
use crate::resolve::DeclKind;
use crate::string::JsStr;
use crate::value::Value;

pub use realm::{Intrinsics, WellKnownSymbols};

/// How evaluation of a statement or expression ended abnormally. `Ok(v)` is a normal
/// completion; everything else propagates with `?` until something handles it.
#[derive(Debug, Clone)]
pub enum Abrupt {
    /// `throw v`.
    Throw(Value),
    /// `return v` (also a generator resumed with `.return(v)`).
    Return(Value),
    /// `break label?`, with the completion value so far (`Value::Empty` if none).
    Break(Option<JsStr>, Value),
    /// `continue label?`.
    Continue(Option<JsStr>, Value),
    /// A `yield`/`await` suspended the running generator/async body. Each node on the way out
    /// saves its state into `Interp::frames` (see `generator.rs`).
    Suspend,
}

pub type JsResult<T> = Result<T, Abrupt>;

/// The arguments of a native function call.
pub struct Args<'a> {
    pub this: &'a Value,
    pub args: &'a [Value],
    /// `Some` when called as a constructor (`new F()` / `super()`).
    pub new_target: Option<&'a Obj>,
    /// The function object being called (to read captured data).
    pub callee: &'a Obj,
}

impl Args<'_> {
    /// Argument `i`, or `undefined`.
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        self.args.get(i).cloned().unwrap_or(Value::Undefined)
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.args.len()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.args.is_empty()
    }
}

pub type NativeFn = fn(&mut Interp, &Args) -> JsResult<Value>;

/// A Rust closure behind a function object (see [`Interp::native_closure`]).
pub type NativeClosure = Rc<dyn Fn(&mut Interp, &Args) -> JsResult<Value>>;

/// One active function call, for stack traces.
#[derive(Debug, Clone)]
pub struct StackEntry {
    pub name: JsStr,
    /// Position currently executing in this frame (updated at calls and `new`).
    pub pos: Span,
    pub source: u32,
    pub kind: FrameKind,
    /// For a method call (a receiver other than `undefined`/`null`): the receiver and the
    /// function, from which a captured stack names the frame `Type.name [as method]` as V8
    /// does. `None` for plain calls, constructs and non-call frames.
    pub method_call: Option<MethodCall>,
    /// A function run by `new` (or `super()`): V8 prints the frame as `new F`.
    pub construct: bool,
    /// A generator body resumed by the original `%GeneratorPrototype%.next` from a `for-of`
    /// (or spread, destructuring ...) step, which pushes no entry of its own for `next`: a
    /// captured stack prints `at Type.next (<anonymous>)` below this frame, named from
    /// `method_call` (the generator object and `next`), as if `next` had its own entry.
    /// Saves an entry's push, method-call note and drop on every step (DESIGN.md,
    /// "Generator steps without the `next` entry").
    pub next_below: bool,
}

impl StackEntry {
    /// For an entry that also stands for the `next` call below it (`next_below`): that
    /// call's frame name (the built-in's own, `next`).
    pub fn next_below_name(&self) -> Option<JsStr> {
        match (&self.method_call, self.next_below) {
            (Some(mc), true) => Some(native_frame_name(&mc.func)),
            _ => None,
        }
    }
}

/// The name a stack frame of the built-in `f` shows.
pub(crate) fn native_frame_name(f: &crate::object::Obj) -> JsStr {
    match &f.borrow().kind {
        ObjectKind::Native(n) => n.name.clone(),
        _ => JsStr::intern("next"),
    }
}

/// The receiver of a method call, the function called, and the key the host says it was
/// called as (Node calls a timer's callback as `timeout._onTimeout()`).
#[derive(Debug, Clone)]
pub struct MethodCall {
    pub receiver: Value,
    pub func: Obj,
    pub called_as: Option<JsStr>,
}

/// What kind of code a stack entry runs (V8 prints built-in frames as `at name (<anonymous>)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Script, eval or function code: has a source position.
    Js,
    /// A built-in function called normally.
    Native,
    /// A built-in constructor called with `new`.
    NativeConstruct,
    /// The host's entry code below a main module's code (Node's CommonJS loader): V8 prints
    /// the module code's frame as `Object.<anonymous>` and then the host's frames
    /// ([`crate::host::HostHooks::entry_frames`]). A host entry whose `name` is not empty
    /// holds its own lines, `\n`-separated (Node's `listOnTimeout` below a timer callback).
    HostEntry,
    /// The host's code between a module's code and the call that loaded it (Node's
    /// `require` of a CommonJS module): the module code's frame prints as
    /// `Object.<anonymous>`, then [`crate::host::HostHooks::require_frames`].
    HostRequire,
}

/// V8's default `Error.stackTraceLimit`.
pub const STACK_TRACE_LIMIT: usize = 10;

/// A loaded source text (for diagnostics and stack traces).
pub struct SourceFile {
    pub name: String,
    pub text: Rc<str>,
    /// Byte offsets of the line starts, computed on the first position lookup (most sources
    /// never need one; 10^6 lines cost ~390 instructions each to scan; issue #12).
    line_starts: std::cell::OnceCell<Vec<u32>>,
}

impl SourceFile {
    pub fn new(name: String, text: Rc<str>) -> SourceFile {
        SourceFile {
            name,
            text,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut line_starts = vec![0u32];
            let b = self.text.as_bytes();
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\n' => line_starts.push(i as u32 + 1),
                    b'\r' => {
                        if i + 1 < b.len() && b[i + 1] == b'\n' {
                            i += 1;
                        }
                        line_starts.push(i as u32 + 1);
                    }
                    _ => {}
                }
                i += 1;
            }
            line_starts
        })
    }

    /// The byte offset of a 1-based (line, column) with the column in UTF-16 units, as stack
    /// traces print positions (the inverse of [`SourceFile::line_col`]).
    pub fn offset_of(&self, line: u32, col: u32) -> Option<u32> {
        let start = *self.line_starts().get(line.checked_sub(1)? as usize)? as usize;
        let mut units = 0u32;
        for (i, c) in self.text.get(start..)?.char_indices() {
            if units + 1 >= col {
                return Some((start + i) as u32);
            }
            if c == '\n' {
                return None;
            }
            units += c.len_utf16() as u32;
        }
        None
    }

    /// 1-based (line, column) of a byte offset; the column counts UTF-16 units like V8.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line_starts = self.line_starts();
        let line = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map(|s| s.encode_utf16().count())
            .unwrap_or(0);
        (line as u32 + 1, col as u32 + 1)
    }
}

/// The global lexical environment (top-level `let`/`const`/`class` of all scripts).
#[derive(Default)]
pub struct GlobalLex {
    pub names: FxHashMap<JsStr, (u32, DeclKind)>,
    pub values: Vec<Value>,
    /// The declaration kind of each slot (parallel to `values`).
    pub kinds: Vec<DeclKind>,
}

impl GlobalLex {
    /// Adds an uninitialized (TDZ) binding and returns its slot.
    pub fn declare(&mut self, name: JsStr, kind: DeclKind) -> u32 {
        let slot = self.values.len() as u32;
        self.values.push(Value::Empty);
        self.kinds.push(kind);
        self.names.insert(name, (slot, kind));
        slot
    }

    /// The value in `slot` (undefined for a slot that doesn't exist, which a valid slot
    /// never is).
    #[inline]
    pub fn value(&self, slot: u32) -> Value {
        self.values.get(slot as usize).cloned().unwrap_or_default()
    }

    /// The slot `id` names in the global lexical scope, if any, remembering it in the
    /// identifier (see [`crate::ast::Ident::global_slot`]).
    #[inline]
    pub fn slot_of(&self, id: &crate::ast::Ident) -> Option<u32> {
        let cached = id.global_slot.get();
        if cached != crate::ast::NO_GLOBAL_SLOT {
            return Some(cached);
        }
        let count = self.values.len() as u32;
        if id.global_lex_checked.get() == count {
            return None;
        }
        match self.names.get(&id.name) {
            Some(&(slot, _)) => {
                id.global_slot.set(slot);
                Some(slot)
            }
            None => {
                id.global_lex_checked.set(count);
                None
            }
        }
    }
}

/// The message of the error thrown when [`Interp::interrupt`] is set (Node's
/// `ERR_SCRIPT_EXECUTION_INTERRUPTED`).
pub const INTERRUPTED_MESSAGE: &str = "Script execution was interrupted by `SIGINT`";

/// Maximum nesting of JavaScript calls before `RangeError: Maximum call stack size exceeded`.
/// Node's limit depends on frame sizes: about 14 000 frames of a small recursive function,
/// 7 400 of one with several locals. 13 000 lets tutorial recursion (`sumTo(10000)`, async
/// recursion 5 000 deep, which takes two entries a level) finish as it does in Node.
pub const MAX_CALL_DEPTH: usize = 13_000;

/// Most arguments a call may pass before `RangeError: Maximum call stack size exceeded`.
/// V8 pushes arguments on its stack, so its limit depends on the stack in use: about
/// 125 400 for a call from top-level code (`Math.max.apply(null, bigArray)`,
/// `f(...bigArray)`).
pub const MAX_CALL_ARGS: usize = 125_000;

/// The same limit for `[[Construct]]` (`new F(...xs)`, `Reflect.construct`), about half the
/// call limit in V8 (62 700 from top-level code).
pub const MAX_CONSTRUCT_ARGS: usize = 62_700;

/// The interpreter: one realm plus the evaluation state.
pub struct Interp {
    pub intrinsics: Intrinsics,
    pub symbols: WellKnownSymbols,
    pub global: Obj,
    pub global_lex: GlobalLex,
    /// Saved frames of the generator being suspended or resumed (see `generator.rs`).
    pub(crate) frames: Vec<eval::Frame>,
    /// The value a resumed generator receives at its `yield`.
    pub(crate) resume: Option<generator::Resume>,
    /// The value the running generator is yielding.
    pub(crate) yielded: Value,
    /// The microtask queue and rejection tracker.
    pub(crate) jobs: jobs::JobQueue,
    /// Why the running body suspended (a `yield` or an `await`).
    pub(crate) suspend_kind: generator::SuspendKind,
    /// The async generator whose body is running (for `yield` inside it).
    pub(crate) current_async_gen: Option<Obj>,
    /// Where the most recent error was created or thrown (source, span), for diagnostics.
    pub last_error_pos: Option<(u32, Span)>,
    /// Where module code's body last suspended on a top-level `await` (source, span): the
    /// host names it when that `await` never settles.
    pub top_level_await_pos: Option<(u32, Span)>,
    /// `yield*` in a generator yields the inner iterator's result object as is.
    pub(crate) delegated_result: Option<Value>,
    pub(crate) call_depth: usize,
    /// Function environments whose parameter list is being evaluated (innermost last): a
    /// sloppy direct eval there may not declare a var named like a parameter.
    pub(crate) param_envs: Vec<scope::Env>,
    pub stack: Vec<StackEntry>,
    pub sources: Vec<Rc<SourceFile>>,
    /// `Symbol.for` registry.
    pub symbol_registry: FxHashMap<JsStr, crate::value::Sym>,
    /// The inline caches of member sites keyed by shape (`prop_cache.rs`).
    pub(crate) prop_sites: prop_cache::PropSites,
    /// Where the last constructor had its `prototype` among its own properties
    /// (`get_prototype_from_constructor`: a position hint, checked before use).
    pub(crate) prototype_hint: std::cell::Cell<u32>,
    /// Object literals' layouts, keyed by the address of their property list (`None`: a
    /// literal made property by property; `literal.rs`).
    pub(crate) literal_layouts: FxHashMap<usize, Option<crate::object::Layout>>,
    /// Template objects, one per tagged template site (keyed by the site's address).
    pub(crate) template_cache: FxHashMap<usize, (Rc<crate::ast::Template>, Obj)>,
    /// Code runs with top-level `await` (this is `undefined` at top level).
    pub(crate) module_like: bool,
    /// Every module record made so far (a [`module::ModuleId`] indexes it).
    pub modules: Vec<module::ModuleRecord>,
    /// Source index → the module whose code it is (the active ScriptOrModule of a
    /// function is its source's module).
    pub source_modules: rustc_hash::FxHashMap<u32, module::ModuleId>,
    /// The next \[\[AsyncEvaluationOrder\]\].
    pub async_evaluation_count: u64,
    /// Set when the host ends the program with this exit code (Node's `process.exit`): no
    /// more script code runs; every call throws [`Interp::exit_sentinel`], which
    /// `try`/`catch`/`finally` do not intercept.
    pub exiting: Option<i32>,
    /// The host's hooks (see [`crate::host`]).
    hooks: Rc<dyn HostHooks>,
    /// The host's own state (the Node host keeps process, console and timers here).
    host_data: Option<Box<dyn Any>>,
    /// The private key under which an error keeps its stack (V8's `error_stack_symbol`): the
    /// captured frames until the `stack` getter formats them, then the string.
    pub(crate) error_stack_symbol: crate::value::Sym,
    /// The private key that marks `JSON.rawJSON` results (the [[IsRawJSON]] slot).
    pub(crate) raw_json_symbol: crate::value::Sym,
    /// Closures behind [`Interp::native_closure`] functions, by index.
    native_closures: Vec<NativeClosure>,
    /// Set (by the REPL's SIGINT handler, from another thread) to stop the running script:
    /// every loop back-edge and every call checks it with one relaxed load and throws while
    /// it stays set, so no `catch` can keep the script running. The REPL clears it.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Set with [`Interp::interrupt`] by a host that ends the run rather than throwing (a
    /// time budget, a memory limit): the exit code. The next check makes the interpreter
    /// unwind as for [`Interp::exiting`], so no script code can catch it.
    pub terminate_code: std::sync::Arc<std::sync::atomic::AtomicI32>,
    /// Nesting of JavaScript calls allowed before `RangeError: Maximum call stack size
    /// exceeded` ([`MAX_CALL_DEPTH`] unless the host sets it, e.g. `--stack-size`).
    pub max_call_depth: usize,
    /// The allowlist and state of side-effect-free evaluation (`side_effect.rs`), built on
    /// first use.
    pub(crate) side_effect_guard: Option<Box<side_effect::SideEffectGuard>>,
    /// The method name the next call is made as ([`Interp::call_as_method`]).
    called_as: Option<JsStr>,
    /// The async function an await continuation (a microtask) is resuming: stack traces
    /// taken in it end with the `at async` frames of the functions awaiting it.
    pub(crate) async_resumed: Option<Obj>,
    /// The promise the running `then` reaction job settles: where V8's async stack trace
    /// starts outside an await continuation.
    pub(crate) reaction_promise: Option<Obj>,
    /// Keys and property positions of the promise fast paths (`builtins/promise.rs`).
    pub(crate) promise_lookup: crate::builtins::promise::PromiseLookup,
    /// The shape of CreateIterResultObject's `{value, done}`: made once, given to each.
    iter_result_layout: crate::object::Layout,
    /// The shapes of sloppy and strict arguments objects (`interp/function.rs`), made on
    /// the first one.
    pub(crate) arguments_layouts: std::cell::OnceCell<[crate::object::Layout; 2]>,
    /// The shape of a RegExp match array's `index`, `input` and `groups` (RegExpBuiltinExec
    /// defines them in this order on a new Array) and of a RegExp object's `lastIndex`
    /// (RegExpAlloc's): made once, given to each (`builtins/regexp.rs`).
    pub(crate) match_result_layout: crate::object::Layout,
    pub(crate) regexp_layout: crate::object::Layout,
    /// The recipes of the built-in methods not made yet ([`crate::object::Slot::LazyMethod`]
    /// holds a position here; about 650 a realm).
    pub(crate) lazy_methods: std::cell::RefCell<Vec<crate::object::MethodRecipe>>,
    /// V8's ContinuationPreservedEmbedderData: an opaque host value that every promise
    /// reaction captures when it is made (PerformPromiseThen, so also each `await`), and
    /// every other job when it is queued, and that is current again while that job runs.
    /// The engine never looks inside it (Node keeps its AsyncContextFrame here).
    pub continuation_data: Value,
    /// Where the body that just suspended was (see `AsyncData::suspended_at`).
    pub(crate) last_suspend_pos: Option<(u32, u32)>,
    /// The spec's \[\[KeptAlive\]\] list (WeakRef targets made or read during this job).
    pub(crate) kept_objects: Vec<Value>,
    /// Every FinalizationRegistry made (weakly), for the cleanup check after collections.
    pub(crate) finalization_registries:
        Vec<crate::gc::WeakGc<std::cell::RefCell<crate::object::ObjectData>>>,
    /// [`crate::gc::collections`] when the registries were last checked.
    pub(crate) finalization_seen_collections: u64,
    /// The default time zone (DefaultTimeZone / LocalTZA), set by the host, resolved lazily.
    pub(crate) time_zone: crate::time_zone::DefaultTimeZone,
    /// The built-in `next` methods that for-of (IteratorStepValue) runs without creating the
    /// iterator result object when an iterator record's `next` is one of them.
    pub(crate) original_next: iter::OriginalNext,
    /// See [`iter::ArrayIterationGuard`].
    pub(crate) array_iteration_guard: Option<iter::ArrayIterationGuard>,
    /// The last successful built-in RegExp match, for `RegExp.$1`, `RegExp.lastMatch`, ...
    pub(crate) regexp_legacy: crate::builtins::regexp::LegacyStatics,
    /// %RegExp.prototype%'s `exec`, `flags` and flag getters as made (`regexp.rs`).
    pub(crate) regexp_originals: Option<Box<crate::builtins::regexp::RegExpOriginals>>,
    /// Environments of finished calls, reused by the next calls (see [`scope::EnvPool`]).
    pub(crate) env_pool: scope::EnvPool,
}

impl Interp {
    /// A bare ECMAScript realm: the built-ins of ECMA-262 and ECMA-402, no host (the system
    /// clock, no modules; see [`DefaultHooks`]).
    pub fn new() -> Interp {
        realm::create(Rc::new(DefaultHooks), None)
    }

    /// A realm whose host-defined operations go to `hooks`, with the host's own state in
    /// `data` (read back with [`Interp::host_data`]). The host installs its globals after.
    pub fn with_host(hooks: Rc<dyn HostHooks>, data: Box<dyn Any>) -> Interp {
        realm::create(hooks, Some(data))
    }

    /// The host's hooks (cloned out so a hook may take `&mut Interp`).
    #[inline]
    pub fn hooks(&self) -> Rc<dyn HostHooks> {
        self.hooks.clone()
    }

    /// The host's state, if it is a `T`.
    #[inline]
    pub fn host_data<T: 'static>(&self) -> Option<&T> {
        self.host_data.as_deref()?.downcast_ref()
    }

    /// The host's state, mutably, if it is a `T`.
    #[inline]
    pub fn host_data_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.host_data.as_deref_mut()?.downcast_mut()
    }

    /// Chooses the default time zone (ECMA-262 DefaultTimeZone): `None` is the system's
    /// setting (`/etc/localtime`), `Some(tz)` a `TZ` value as ICU reads it (an IANA name, or
    /// a POSIX `NAMEoffset`). Cheap: the zone is resolved on the first local-time operation.
    pub fn set_time_zone(&mut self, tz: Option<&str>) {
        self.time_zone.set(tz);
    }

    /// The default time zone, resolved.
    pub fn local_zone(&self) -> Rc<crate::time_zone::LocalZone> {
        let over = self.hooks.time_zone_override(self);
        self.time_zone.get(over)
    }

    /// The value thrown while a host-requested exit ([`Interp::exiting`]) unwinds the
    /// interpreter.
    pub fn exit_sentinel(&self) -> Abrupt {
        Abrupt::Throw(Value::Undefined)
    }

    // ---- errors ------------------------------------------------------------------------------

    /// Creates an error object of the given intrinsic prototype with `message` and a lazily
    /// formatted `stack` (see `error_stack.rs`).
    pub fn make_error(&mut self, proto: &Obj, message: &str) -> Obj {
        let o = Obj::new(Some(proto.clone()), ObjectKind::Error);
        if let Some(top) = self.stack.iter().rev().find(|e| e.kind == FrameKind::Js) {
            self.last_error_pos = Some((top.source, top.pos));
        }
        // V8 captures the stack when the object is created: `stack` is the first own property.
        self.install_lazy_stack(&o);
        o.define("message", Value::from(message), Attrs::HIDDEN);
        o
    }

    pub fn throw_error(&mut self, proto: Obj, message: impl AsRef<str>) -> Abrupt {
        Abrupt::Throw(Value::Object(self.make_error(&proto, message.as_ref())))
    }
    pub fn type_error(&mut self, message: impl AsRef<str>) -> Abrupt {
        let p = self.intrinsics.type_error_prototype.clone();
        self.throw_error(p, message)
    }
    pub fn range_error(&mut self, message: impl AsRef<str>) -> Abrupt {
        let p = self.intrinsics.range_error_prototype.clone();
        self.throw_error(p, message)
    }
    pub fn reference_error(&mut self, message: impl AsRef<str>) -> Abrupt {
        let p = self.intrinsics.reference_error_prototype.clone();
        self.throw_error(p, message)
    }
    pub fn syntax_error(&mut self, message: impl AsRef<str>) -> Abrupt {
        let p = self.intrinsics.syntax_error_prototype.clone();
        self.throw_error(p, message)
    }
    pub fn plain_error(&mut self, message: impl AsRef<str>) -> Abrupt {
        let p = self.intrinsics.error_prototype.clone();
        self.throw_error(p, message)
    }

    /// Throws the interruption error when [`Interp::interrupt`] is set (loop back-edges,
    /// calls).
    #[inline(always)]
    pub fn check_interrupt(&mut self) -> JsResult<()> {
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            return self.interrupted();
        }
        Ok(())
    }

    /// [`Interp::check_interrupt`] once the flag is set, out of line (every call checks it).
    #[cold]
    #[inline(never)]
    fn interrupted(&mut self) -> JsResult<()> {
        let code = self
            .terminate_code
            .load(std::sync::atomic::Ordering::Relaxed);
        if code != 0 {
            self.exiting = Some(code);
            return Err(self.exit_sentinel());
        }
        self.hooks().interrupted(self);
        Err(self.plain_error(INTERRUPTED_MESSAGE))
    }

    // ---- object helpers ----------------------------------------------------------------------

    pub fn new_object(&self) -> Obj {
        Obj::new(
            Some(self.intrinsics.object_prototype.clone()),
            ObjectKind::Ordinary,
        )
    }

    pub fn new_array(&self, values: Vec<Value>) -> Obj {
        let len = values.len() as u32;
        let o = Obj::new(
            Some(self.intrinsics.array_prototype.clone()),
            ObjectKind::Array {
                length: len,
                length_writable: true,
            },
        );
        o.borrow_mut().elements = values;
        o
    }

    /// CreateIterResultObject.
    pub fn iter_result(&self, value: Value, done: bool) -> Value {
        let props = crate::object::PropMap::with_layout(
            &self.iter_result_layout,
            vec![
                crate::object::Slot::Data(value),
                crate::object::Slot::Data(Value::Bool(done)),
            ],
        );
        let mut data = ObjectData::new(
            Some(self.intrinsics.object_prototype.clone()),
            ObjectKind::Ordinary,
        );
        data.props = props;
        Value::Object(Obj::from_data(data))
    }

    /// A source position for the innermost frame (so errors report where they were thrown).
    #[inline]
    pub fn set_pos(&mut self, span: Span) {
        if let Some(top) = self.stack.last_mut() {
            top.pos = span;
        }
    }

    /// Records the position of a `throw` for the uncaught-exception diagnostic.
    pub fn note_throw(&mut self, span: Span) {
        if let Some(top) = self.stack.iter().rev().find(|e| e.kind == FrameKind::Js) {
            self.last_error_pos = Some((top.source, span));
        }
    }
}

impl Default for Interp {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod template_tests {
    use super::Interp;
    use crate::ast::{Span, Template, TemplateQuasi};
    use crate::string::JsStr;
    use std::rc::Rc;

    /// A tagged template site's AST is freed with the interpreter (LeakSanitizer found the
    /// template cache leaking every site it saw).
    #[test]
    fn template_sites_are_freed_with_the_interpreter() {
        let t = Rc::new(Template {
            quasis: vec![TemplateQuasi {
                cooked: Some(JsStr::from("a")),
                raw: JsStr::from("a"),
            }],
            exprs: Vec::new(),
            span: Span::default(),
        });
        let weak = Rc::downgrade(&t);
        let mut it = Interp::new();
        let first = it.template_object(&t);
        let again = it.template_object(&t);
        assert!(crate::object::Obj::ptr_eq(&first, &again));
        drop((first, again, t));
        assert!(
            weak.upgrade().is_some(),
            "the cache keeps the site while it lives"
        );
        drop(it);
        crate::gc::collect();
        assert!(
            weak.upgrade().is_none(),
            "the site outlived the interpreter"
        );
    }
}

/// Helpers shared by the interpreter's unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Interp;

    /// Runs `String(<src>)` as a script and returns it, or the thrown error's
    /// `name: message`.
    pub fn eval_to_string(src: &str) -> String {
        let mut it = Interp::new();
        let wrapped = format!("try {{ String({src}) }} catch (e) {{ e.name + ': ' + e.message }}");
        match it.run_script("t", &wrapped) {
            Ok(v) => it.to_string_lossy(&v),
            Err(e) => format!("uncaught: {e:?}"),
        }
    }
}
