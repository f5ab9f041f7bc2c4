//! The evaluator: an AST walker over resolved, spanned nodes.
//!
//! - `mod.rs`: the [`Interp`] (one realm), completion types, error construction, running scripts.
//! - `scope.rs`: runtime environments (slot vectors).
//! - `ops.rs`: type conversions and object operations that may call script code
//!   (`[[Get]]`, `[[Set]]`, ToPrimitive, ...), and the operators.
//! - `function.rs`: function objects (closures, natives, bound), `[[Call]]`/`[[Construct]]`.
//! - `eval.rs`: statements and expressions, with resumable frames for `yield`/`await`.
//! - `pattern.rs`: destructuring.
//! - `generator.rs`: generator objects and how a suspended body is resumed.
//! - `iter.rs`: the iterator protocol (GetIterator, IteratorStep, IteratorClose).
//! - `realm.rs`: intrinsics and the global object.
//! - `error_stack.rs`: error `stack`, captured at creation and formatted on first read.

pub mod call_printer;
pub mod error_stack;
pub mod eval;
pub mod eval_code;
pub mod function;
pub mod generator;
pub mod iter;
pub mod jobs;
pub mod ops;
pub mod pattern;
pub mod proxy;
pub mod realm;
pub mod scope;

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::ast::Span;
use crate::object::{Attrs, Obj, ObjectKind};
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

/// One active function call, for stack traces.
#[derive(Debug, Clone)]
pub struct StackEntry {
    pub name: JsStr,
    /// Position currently executing in this frame (updated at calls and `new`).
    pub pos: Span,
    pub source: u32,
    pub kind: FrameKind,
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
    /// Node's CommonJS loader below a main module's code: V8 prints the module code's frame
    /// as `Object.<anonymous>` and then the loader's frames ([`NODE_MAIN_FRAMES`]).
    NodeMain,
}

/// The frames below a main module's top-level code in Node v20's stack traces.
pub const NODE_MAIN_FRAMES: [&str; 6] = [
    "Module._compile (node:internal/modules/cjs/loader:1521:14)",
    "Module._extensions..js (node:internal/modules/cjs/loader:1623:10)",
    "Module.load (node:internal/modules/cjs/loader:1266:32)",
    "Module._load (node:internal/modules/cjs/loader:1091:12)",
    "Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)",
    "node:internal/main/run_main_module:28:49",
];

/// V8's default `Error.stackTraceLimit`.
pub const STACK_TRACE_LIMIT: usize = 10;

/// A loaded source text (for diagnostics and stack traces).
pub struct SourceFile {
    pub name: String,
    pub text: Rc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: String, text: Rc<str>) -> SourceFile {
        let mut line_starts = vec![0u32];
        let b = text.as_bytes();
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
        SourceFile {
            name,
            text,
            line_starts,
        }
    }
    /// 1-based (line, column) of a byte offset; the column counts UTF-16 units like V8.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
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
    pub frames: Vec<eval::Frame>,
    /// The value a resumed generator receives at its `yield`.
    pub resume: Option<generator::Resume>,
    /// The value the running generator is yielding.
    pub yielded: Value,
    /// The microtask queue and rejection tracker.
    pub jobs: jobs::JobQueue,
    /// Why the running body suspended (a `yield` or an `await`).
    pub suspend_kind: generator::SuspendKind,
    /// The async generator whose body is running (for `yield` inside it).
    pub current_async_gen: Option<Obj>,
    /// Timers and the clock (the event loop lives in `crate::event_loop`).
    pub timers: crate::event_loop::Timers,
    /// Where the most recent error was created or thrown (source, span), for diagnostics.
    pub last_error_pos: Option<(u32, Span)>,
    /// `yield*` in a generator yields the inner iterator's result object as is.
    pub delegated_result: Option<Value>,
    pub call_depth: usize,
    /// Function environments whose parameter list is being evaluated (innermost last): a
    /// sloppy direct eval there may not declare a var named like a parameter.
    pub param_envs: Vec<scope::Env>,
    pub stack: Vec<StackEntry>,
    pub sources: Vec<Rc<SourceFile>>,
    /// `Symbol.for` registry.
    pub symbol_registry: FxHashMap<JsStr, crate::value::Sym>,
    /// Template objects, one per tagged template site (keyed by the site's address).
    pub template_cache: FxHashMap<usize, Obj>,
    /// Code runs with top-level `await` (this is `undefined` at top level).
    pub module_like: bool,
    /// Node host state: nextTick queue, process listeners, argv, `process.exit` unwinding.
    pub host: crate::builtins::process::Host,
    /// Output sink for console (stdout/stderr), replaceable for tests and the REPL.
    pub console: crate::builtins::console::ConsoleState,
    /// Set (by the REPL's SIGINT handler, from another thread) to stop the running script:
    /// every loop back-edge and every call checks it with one relaxed load and throws while
    /// it stays set, so no `catch` can keep the script running. The REPL clears it.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Interp {
    pub fn new() -> Interp {
        realm::create()
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
    #[inline]
    pub fn check_interrupt(&mut self) -> JsResult<()> {
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(self.plain_error(INTERRUPTED_MESSAGE));
        }
        Ok(())
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
        let o = self.new_object();
        o.define("value", value, Attrs::DEFAULT);
        o.define("done", Value::Bool(done), Attrs::DEFAULT);
        Value::Object(o)
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
