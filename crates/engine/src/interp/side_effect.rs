//! Side-effect-free evaluation, V8's `throwOnSideEffect`: what a REPL's live preview (and any
//! host that wants to show a value "for free") may run.
//!
//! Two checks, and nothing else runs:
//! - **Before running**, the tokens of the code: no assignment (`=`, `+=`, ...), no `++`/`--`,
//!   no `delete`, no declarations, loops, `function`/`class`, `yield`/`await`/`import`, no arrow
//!   with a block body. What remains is expressions (literals, reads, operators, calls,
//!   `new`, arrows with expression bodies), which can change nothing by themselves.
//! - **While running** ([`Interp::check_side_effect_free`], called on every call and
//!   construct): a function may run only if it is a closure made by this very code (an arrow
//!   of the expression) or a built-in on the allowlist of ones that mutate nothing observable
//!   ([`side_effect_free_builtins`]): `Math.max`, `Array.prototype.map`, the `size` getter of a
//!   `Map`, ... Every other call — a user's function, a getter or `valueOf` the user wrote, a
//!   proxy trap, `Array.prototype.push`, `console.log`, `setTimeout` — throws V8's
//!   `EvalError: Possible side-effect in debug-evaluate` before it starts, so no user code runs.
//!
//! The allowlist holds the built-in function objects themselves (kept alive here), taken when
//! the guard is first built; a host builds it before any user code can replace a built-in.
//! A time budget bounds the run ([`Interp::evaluate_side_effect_free`]).

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::interp::{Interp, JsResult};
use crate::lexer::{tokenize, Tok};
use crate::object::{Obj, ObjectKind, PropKey, Slot};
use crate::parser::ParseOptions;
use crate::value::Value;

/// V8's message when debug-evaluate meets a possible side effect.
pub const SIDE_EFFECT_MESSAGE: &str = "Possible side-effect in debug-evaluate";

/// The allowlist and the source whose closures may run.
pub struct SideEffectGuard {
    /// Addresses of the allowed built-ins; `keep` holds them alive so no other object can
    /// take an address.
    allowed: HashSet<usize>,
    _keep: Vec<Obj>,
    /// The source slot previews are compiled into (reused, so previews do not grow the
    /// source table).
    source: Option<u32>,
    /// Whether a side-effect-free evaluation is running.
    active: bool,
}

/// Why a side-effect-free evaluation gave no value.
#[derive(Debug)]
pub enum SideEffectFreeError {
    /// The code cannot be judged free of side effects (or does not parse).
    Refused,
    /// The code threw `value` (an error to show, unless it is the side-effect `EvalError`).
    Threw(Value),
    /// The time budget ran out.
    TimedOut,
}

/// (global path, names excluded) of objects whose built-in methods and getters mutate
/// nothing observable. `*` in a path segment means "the prototype of".
const PURE_OBJECTS: &[(&str, &[&str])] = &[
    ("Math", &["random"]),
    ("JSON", &[]),
    (
        "Reflect",
        &[
            "set",
            "defineProperty",
            "deleteProperty",
            "preventExtensions",
            "setPrototypeOf",
        ],
    ),
    ("String", &[]),
    ("String.prototype", &[]),
    ("Number", &[]),
    ("Number.prototype", &[]),
    ("Boolean.prototype", &[]),
    ("BigInt", &[]),
    ("BigInt.prototype", &[]),
    ("Symbol", &["for"]),
    ("Symbol.prototype", &[]),
    ("Array", &[]),
    (
        "Array.prototype",
        &[
            "copyWithin",
            "fill",
            "pop",
            "push",
            "reverse",
            "shift",
            "sort",
            "splice",
            "unshift",
        ],
    ),
    (
        "Object",
        &[
            "assign",
            "defineProperty",
            "defineProperties",
            "freeze",
            "preventExtensions",
            "seal",
            "setPrototypeOf",
        ],
    ),
    (
        "Object.prototype",
        &["__defineGetter__", "__defineSetter__"],
    ),
    ("Function.prototype", &[]),
    ("Map", &[]),
    ("Map.prototype", &["set", "delete", "clear"]),
    ("Set", &[]),
    ("Set.prototype", &["add", "delete", "clear"]),
    ("WeakMap.prototype", &["set", "delete"]),
    ("WeakSet.prototype", &["add", "delete"]),
    ("Date", &[]),
    ("Date.prototype", &[]),
    ("RegExp.prototype", &["compile"]),
    ("Error", &["captureStackTrace"]),
    ("Error.prototype", &[]),
    ("Iterator", &[]),
    ("Iterator.prototype", &[]),
];

/// Global functions (and constructors) that are pure.
const PURE_GLOBALS: &[&str] = &[
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "encodeURI",
    "encodeURIComponent",
    "decodeURI",
    "decodeURIComponent",
    "escape",
    "unescape",
    "String",
    "Number",
    "Boolean",
    "BigInt",
    "Symbol",
    "Array",
    "Object",
    "Date",
    "RegExp",
    "Map",
    "Set",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "AggregateError",
];

impl Interp {
    /// Builds the allowlist of side-effect-free built-ins from the realm as it is now. Call it
    /// before user code runs (a REPL does at start), so a replaced built-in is not trusted.
    pub fn prepare_side_effect_free(&mut self) {
        if self.side_effect_guard.is_some() {
            return;
        }
        let builtins = side_effect_free_builtins(self);
        self.side_effect_guard = Some(Box::new(SideEffectGuard {
            allowed: builtins.iter().map(Obj::addr).collect(),
            _keep: builtins,
            source: None,
            active: false,
        }));
    }

    /// Called before every call and construct: while a side-effect-free evaluation runs,
    /// refuses every function but its own closures and the allowlisted built-ins.
    #[inline]
    pub(crate) fn check_side_effect_free(&mut self, f: &Obj) -> JsResult<()> {
        if matches!(&self.side_effect_guard, Some(g) if g.active) {
            return self.check_side_effect_free_active(f);
        }
        Ok(())
    }

    /// [`Interp::check_side_effect_free`] while a guard is active, out of line.
    #[inline(never)]
    fn check_side_effect_free_active(&mut self, f: &Obj) -> JsResult<()> {
        let allowed = {
            let g = self
                .side_effect_guard
                .as_ref()
                .map(|g| (g.source, &g.allowed));
            let d = f.borrow();
            match (&d.kind, g) {
                (ObjectKind::Closure(c), Some((source, _))) => Some(c.source) == source,
                (ObjectKind::Native(_), Some((_, allowed))) => allowed.contains(&f.addr()),
                (ObjectKind::Bound(_), _) => true,
                _ => false,
            }
        };
        if allowed {
            Ok(())
        } else {
            let p = self.intrinsics.eval_error_prototype.clone();
            Err(self.throw_error(p, SIDE_EFFECT_MESSAGE))
        }
    }

    /// Evaluates `code` (a script of expression statements) if it can be shown to change
    /// nothing, within `budget`. [`Interp::prepare_side_effect_free`] must have run (it is
    /// called here if not).
    pub fn evaluate_side_effect_free(
        &mut self,
        code: &str,
        budget: Duration,
    ) -> Result<Value, SideEffectFreeError> {
        if !tokens_are_side_effect_free(code) {
            return Err(SideEffectFreeError::Refused);
        }
        self.prepare_side_effect_free();
        let source = match self.side_effect_guard.as_ref().and_then(|g| g.source) {
            Some(s) => {
                self.replace_source(s, "<preview>", code);
                s
            }
            None => {
                let s = self.add_source("<preview>", code);
                if let Some(g) = self.side_effect_guard.as_mut() {
                    g.source = Some(s);
                }
                s
            }
        };
        let script = match self.compile(source, &ParseOptions::default()) {
            Ok(s) => s,
            Err(_) => return Err(SideEffectFreeError::Refused),
        };
        if !script
            .body
            .iter()
            .all(|s| matches!(s.kind, crate::ast::StmtKind::Expr(_)))
        {
            return Err(SideEffectFreeError::Refused);
        }
        let watchdog = Watchdog::start(self.interrupt.clone(), budget);
        self.set_side_effect_guard_active(true);
        let r = self.evaluate_script(&script, source);
        self.set_side_effect_guard_active(false);
        let timed_out = watchdog.stop();
        if timed_out {
            self.interrupt.store(false, Ordering::Relaxed);
            return Err(SideEffectFreeError::TimedOut);
        }
        match r {
            Ok(v) => Ok(v),
            Err(crate::interp::script::RunError::Uncaught { value, .. }) => {
                Err(SideEffectFreeError::Threw(value))
            }
            Err(crate::interp::script::RunError::Syntax { .. }) => {
                Err(SideEffectFreeError::Refused)
            }
        }
    }

    /// Runs `f` (e.g. inspecting a preview's value) under the same guard: user code it would
    /// call (a custom inspect function, a proxy trap) throws instead of running.
    pub fn with_side_effect_guard<T>(&mut self, f: impl FnOnce(&mut Interp) -> T) -> T {
        self.prepare_side_effect_free();
        let was = self.side_effect_guard.as_ref().is_some_and(|g| g.active);
        self.set_side_effect_guard_active(true);
        let r = f(self);
        self.set_side_effect_guard_active(was);
        r
    }

    fn set_side_effect_guard_active(&mut self, active: bool) {
        if let Some(g) = self.side_effect_guard.as_mut() {
            g.active = active;
        }
    }

    /// Whether `e` is the `EvalError` the guard throws.
    pub fn is_side_effect_error(&mut self, e: &Value) -> bool {
        let Value::Object(o) = e else { return false };
        if !o
            .proto()
            .is_some_and(|p| Obj::ptr_eq(&p, &self.intrinsics.eval_error_prototype))
        {
            return false;
        }
        matches!(o.get_own_data(&static_key!("message")), Some(Value::String(s)) if s.to_rust_string() == SIDE_EFFECT_MESSAGE)
    }
}

/// The token check (see the module docs).
pub fn tokens_are_side_effect_free(code: &str) -> bool {
    let (tokens, err) = tokenize(code, false);
    if err.is_some() {
        return false;
    }
    !tokens.iter().any(|t| {
        t.tok.is_assignment_operator()
            || matches!(
                t.tok,
                Tok::PlusPlus
                    | Tok::MinusMinus
                    | Tok::PlusPlusNl
                    | Tok::MinusMinusNl
                    | Tok::ArrowLBrace
                    | Tok::Delete
                    | Tok::Var
                    | Tok::Let
                    | Tok::Const
                    | Tok::Function
                    | Tok::Class
                    | Tok::For
                    | Tok::While
                    | Tok::Do
                    | Tok::With
                    | Tok::Yield
                    | Tok::YieldNoArg
                    | Tok::Await
                    | Tok::Import
                    | Tok::Export
                    | Tok::Debugger
                    | Tok::Async
            )
    })
}

/// The allowlisted built-ins of the realm as it is now (see [`PURE_OBJECTS`]).
pub fn side_effect_free_builtins(it: &mut Interp) -> Vec<Obj> {
    let mut out: Vec<Obj> = Vec::new();
    let global = it.global.clone();
    let data = |o: &Obj, name: &str| match o.get_own_data(&PropKey::from_name(name)) {
        Some(Value::Object(v)) => Some(v),
        _ => None,
    };
    for name in PURE_GLOBALS {
        if let Some(f) = data(&global, name) {
            out.push(f);
        }
    }
    let mut holders: Vec<(Obj, &[&str])> = Vec::new();
    for (path, excluded) in PURE_OBJECTS {
        let mut cur = Some(global.clone());
        for part in path.split('.') {
            cur = cur.and_then(|o| data(&o, part));
        }
        if let Some(o) = cur {
            holders.push((o, excluded));
        }
    }
    // The iterator prototypes built-ins hand out.
    let protos = [
        it.intrinsics.array_iterator_prototype.clone(),
        it.intrinsics.string_iterator_prototype.clone(),
        it.intrinsics.map_iterator_prototype.clone(),
        it.intrinsics.set_iterator_prototype.clone(),
        it.intrinsics.iterator_helper_prototype.clone(),
    ];
    for p in protos {
        holders.push((p, &[]));
    }
    for (o, excluded) in holders {
        for key in o.own_keys() {
            if let PropKey::Str(s) = &key {
                if excluded.contains(&s.to_rust_string().as_str()) {
                    continue;
                }
            }
            let Some(p) = o.get_own_property(&key) else {
                continue;
            };
            // A built-in method not made yet is made now (its identity is what is allowed).
            let slot = match p.slot {
                Slot::Lazy(_) | Slot::LazyMethod(_) => Slot::Data(it.materialize_lazy(&o, &key)),
                slot => slot,
            };
            match slot {
                Slot::Data(Value::Object(f))
                    if matches!(f.borrow().kind, ObjectKind::Native(_)) =>
                {
                    out.push(f)
                }
                Slot::Accessor(a) => out.extend(a.get.clone()),
                _ => {}
            }
        }
    }
    out
}

/// Sets [`Interp::interrupt`] when `budget` passes, unless stopped first.
struct Watchdog {
    stop: std::sync::mpsc::Sender<()>,
    fired: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    fn start(
        interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
        budget: Duration,
    ) -> Watchdog {
        let (stop, rx) = std::sync::mpsc::channel::<()>();
        let fired = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let fired2 = fired.clone();
        let thread = std::thread::Builder::new()
            .name("jsgen-side-effect-free-budget".into())
            .spawn(move || {
                if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(budget) {
                    fired2.store(true, Ordering::SeqCst);
                    interrupt.store(true, Ordering::SeqCst);
                }
            })
            .ok();
        Watchdog {
            stop,
            fired,
            thread,
        }
    }

    /// Stops the watchdog; whether it fired.
    fn stop(mut self) -> bool {
        let _ = self.stop.send(());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.fired.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::SideEffectFreeError;
    use crate::interp::Interp;
    use crate::value::Value;
    use std::time::Duration;

    fn realm() -> Interp {
        let mut it = Interp::new();
        it.prepare_side_effect_free();
        let setup = "var count = 0; var arr = [1, 2, 3];
            function bump() { count++; return count }
            var o = { get g() { count++; return 1 }, d: 5 };
            var p = new Proxy({}, { get() { count++; return 1 } });";
        assert!(it.run_script("setup.js", setup).is_ok());
        it
    }

    fn show(it: &mut Interp, code: &str) -> String {
        match it.evaluate_side_effect_free(code, Duration::from_millis(333)) {
            Ok(v) => crate::interp::brief::brief(it, &v),
            Err(SideEffectFreeError::Refused) => "refused".into(),
            Err(SideEffectFreeError::TimedOut) => "timed out".into(),
            Err(SideEffectFreeError::Threw(e)) => {
                if it.is_side_effect_error(&e) {
                    "side effect".into()
                } else {
                    "threw".into()
                }
            }
        }
    }

    fn count(it: &mut Interp) -> Value {
        it.run_script("c.js", "count").unwrap_or(Value::Undefined)
    }

    #[test]
    fn pure_code_runs() {
        let mut it = realm();
        assert_eq!(show(&mut it, "1 + 2"), "3");
        assert_eq!(show(&mut it, "Math.max(1, 5)"), "5");
        assert_eq!(show(&mut it, "arr.map(x => x * 2).join()"), "\"2,4,6\"");
        assert_eq!(show(&mut it, "o.d + arr.length"), "8");
        assert_eq!(show(&mut it, "'abc'.toUpperCase()"), "\"ABC\"");
        assert_eq!(show(&mut it, "[...arr].filter(x => x > 1).length"), "2");
        assert_eq!(show(&mut it, "new Map([[1, 2]]).size"), "side effect");
        assert_eq!(show(&mut it, "`${arr}`"), "\"1,2,3\"");
        assert_eq!(show(&mut it, "null.x"), "threw");
    }

    #[test]
    fn nothing_with_a_side_effect_runs() {
        let mut it = realm();
        for code in [
            "count = 5",
            "count++",
            "delete o.d",
            "var z = 1",
            "for (;;) {}",
            "while (true) {}",
            "(() => { count = 9 })()",
            "function f() {}",
        ] {
            assert_eq!(show(&mut it, code), "refused", "{code}");
        }
        for code in [
            "bump()",
            "o.g",
            "p.x",
            "arr.push(4)",
            "arr.sort()",
            "({ valueOf: bump }) + 1",
            "arr.map(bump)",
            "[o].map(x => x.g)",
            "Reflect.set(o, 'd', 1)",
            "Object.assign(o, { d: 1 })",
        ] {
            assert_eq!(show(&mut it, code), "side effect", "{code}");
        }
        assert!(matches!(count(&mut it), Value::Number(n) if n == 0.0));
        assert_eq!(show(&mut it, "arr.length"), "3");
        assert_eq!(show(&mut it, "o.d"), "5");
    }

    #[test]
    fn runaway_code_is_bounded() {
        let mut it = realm();
        assert_eq!(show(&mut it, "(f => f(f))(f => f(f))"), "threw");
        let r = it.evaluate_side_effect_free(
            "Array.from({ length: 1e9 }, (_, i) => i).length",
            Duration::from_millis(50),
        );
        assert!(matches!(r, Err(SideEffectFreeError::TimedOut)), "{r:?}");
        // The interrupt flag is left clear for the code that runs next.
        assert_eq!(show(&mut it, "1"), "1");
    }
}
