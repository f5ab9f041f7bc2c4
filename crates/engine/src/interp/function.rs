//! Function objects and calls: ECMAScript closures, native (Rust) functions and bound
//! functions; `\[\[Call\]\]`, `\[\[Construct\]\]`, OrdinaryFunctionCreate, FunctionDeclarationInstantiation.

use std::rc::Rc;

use crate::ast::{self, FunctionBody, FunctionKind};
use crate::gc::Tracer;
use crate::interp::generator::GeneratorData;
use crate::interp::pattern::DSource;
use crate::interp::scope::Env;
use crate::interp::{
    Abrupt, Args, Interp, JsResult, NativeFn, StackEntry, MAX_CALL_ARGS, MAX_CONSTRUCT_ARGS,
};
use crate::object::{Attrs, Layout, Obj, ObjectKind, Prop, PropKey, PropMap, PropRef, Slot};
use crate::object_kind::ArgumentsMap;
use crate::resolve::ScopeInfo;
use crate::string::JsStr;
use crate::value::Value;

thread_local! {
    /// The own property keys of every function object, interned once: interning
    /// `"length"` and the rest for each closure was a quarter of `make_closure` (10^6
    /// function declarations, issue #12).
    static FUNCTION_KEYS: [PropKey; 6] =
        ["length", "name", "arguments", "caller", "prototype", "constructor"].map(PropKey::from);
    /// The shapes of ECMAScript function objects ([`Interp::make_closure`]), by
    /// `2 * legacy + has_prototype`: `length` and `name` (configurable only), the legacy
    /// `arguments` and `caller` (no attributes), `prototype` (writable only).
    static FUNCTION_LAYOUTS: [Layout; 4] = FUNCTION_KEYS.with(|keys| {
        let [length, name, arguments, caller, prototype, _] = keys;
        let c = Attrs::CONFIGURABLE_ONLY;
        let none = Attrs::new(false, false, false);
        let w = Attrs::new(true, false, false);
        [
            Layout::new(&[(length.clone(), c), (name.clone(), c)]),
            Layout::new(&[(length.clone(), c), (name.clone(), c), (prototype.clone(), w)]),
            Layout::new(&[
                (length.clone(), c),
                (name.clone(), c),
                (arguments.clone(), none),
                (caller.clone(), none),
            ]),
            Layout::new(&[
                (length.clone(), c),
                (name.clone(), c),
                (arguments.clone(), none),
                (caller.clone(), none),
                (prototype.clone(), w),
            ]),
        ]
    });
}

/// The [`Slot::Lazy`] builder of a plain function's `prototype` ([`Interp::make_closure`]):
/// a new ordinary object; [`link_lazy_prototype`] then makes the function its `constructor`.
fn lazy_function_prototype(it: &mut Interp, _key: &PropKey) -> Value {
    Value::Object(it.new_object())
}

/// Called by [`Interp::materialize_lazy`] with the value it built for `holder[key]`: when that
/// is a function's lazy `prototype` (only [`Interp::make_closure`] puts a lazy slot on an
/// ECMAScript function object), the new object's `constructor` is the function, as
/// MakeConstructor would have made it.
pub(crate) fn link_lazy_prototype(holder: &Obj, key: &PropKey, v: &Value) {
    let Value::Object(p) = v else {
        return;
    };
    if !matches!(holder.borrow().kind, ObjectKind::Closure(_)) {
        return;
    }
    let [.., prototype, constructor] = FUNCTION_KEYS.with(|k| k.clone());
    if *key != prototype {
        return;
    }
    let props = &mut p.borrow_mut().props;
    props.reserve(1);
    props.push_new(
        constructor,
        Prop::data(Value::Object(holder.clone()), Attrs::HIDDEN),
    );
}

/// An ECMAScript function object's internal slots.
#[derive(Debug)]
pub struct Closure {
    pub func: Rc<ast::Function>,
    pub env: Env,
    /// \[\[HomeObject\]\] for methods (`super` lookups).
    pub home_object: Option<Obj>,
    /// Index into `Interp::sources`.
    pub source: u32,
    /// Class constructors: the instance fields and private methods to install.
    pub fields: Option<Rc<Vec<FieldRecord>>>,
    /// An implicit `constructor(...args) { super(...args) }`.
    pub default_derived: bool,
    /// Name for stack traces.
    pub name: JsStr,
    /// For class constructors: the whole class's source range (`Function.prototype.toString`).
    pub class_span: Option<crate::ast::Span>,
}

/// One instance element of a class, installed by InitializeInstanceElements.
#[derive(Debug, Clone)]
pub struct FieldRecord {
    pub key: FieldKey,
    /// The initializer function (called with `this` = the instance), if any.
    pub init: Option<Obj>,
    /// Private methods/accessors are installed before fields.
    pub method: Option<PrivateMethod>,
}

#[derive(Debug, Clone)]
pub enum FieldKey {
    Public(PropKey),
    Private(crate::value::Sym),
}

#[derive(Debug, Clone)]
pub enum PrivateMethod {
    Method(Obj),
    Accessor(Option<Obj>, Option<Obj>),
}

/// The functions a class's element records hold.
pub(crate) fn trace_field_records(fs: &[FieldRecord], t: &mut Tracer) {
    for f in fs {
        if let Some(i) = &f.init {
            t.edge(&i.0);
        }
        match &f.method {
            Some(PrivateMethod::Method(m)) => t.edge(&m.0),
            Some(PrivateMethod::Accessor(g, s)) => {
                if let Some(g) = g {
                    t.edge(&g.0);
                }
                if let Some(s) = s {
                    t.edge(&s.0);
                }
            }
            None => {}
        }
    }
}

impl Closure {
    pub fn is_constructor(&self) -> bool {
        let f = &self.func;
        match f.kind {
            FunctionKind::Normal => !f.is_async && !f.is_generator,
            FunctionKind::ClassConstructor => true,
            _ => false,
        }
    }
    pub fn is_class_constructor(&self) -> bool {
        self.func.kind == FunctionKind::ClassConstructor
    }
    pub fn trace(&self, t: &mut Tracer) {
        t.edge(&self.env.0);
        if let Some(h) = &self.home_object {
            t.edge(&h.0);
        }
        if let Some(fs) = &self.fields {
            trace_field_records(fs, t);
        }
    }
}

#[derive(Debug)]
pub struct NativeFunction {
    pub f: NativeFn,
    /// Has a `\[\[Construct\]\]` (built-in constructors).
    pub ctor: bool,
    /// Data captured by this function (e.g. a promise's resolving functions).
    pub captures: Vec<Value>,
    pub name: JsStr,
    /// Leaves no frame in stack traces (V8's `Function.prototype.call`/`apply`,
    /// `Reflect.apply`/`construct`, which call their target directly).
    pub frameless: bool,
    /// Called with Number arguments only (or none), its steps neither throw nor run script
    /// code (Math's functions), so the call node may call it without a stack entry: nothing
    /// could ever see it (`Interp::call_pure_native`).
    pub pure_for_numbers: bool,
}

#[derive(Debug)]
pub struct BoundFunction {
    pub target: Obj,
    pub this: Value,
    pub args: Vec<Value>,
}

enum Callee {
    Closure {
        func: Rc<ast::Function>,
        env: Env,
        source: u32,
        name: JsStr,
        default_derived: bool,
    },
    Native(NativeFn, JsStr),
    Bound(Obj, Value, Vec<Value>),
}

/// A function that a built-in calls again and again (Array.prototype.map's `callbackfn`,
/// `sort`'s `comparefn`, ...), with what Call(F, ...) reads from the function object read
/// once ([`Interp::callback`], [`Interp::call_callback`]). An ECMAScript function object's
/// code, environment, source and name never change after OrdinaryFunctionCreate (the
/// `Function` constructor renames its result before returning it), so a call through a
/// `Callback` does what [`Interp::call_obj`] would do without the function object's borrow,
/// its kind dispatch and a reference count on the code per call.
pub struct Callback {
    f: Value,
    closure: Option<CallbackClosure>,
}

/// The parts of an ordinary (non-class-constructor) ECMAScript function a call reads.
struct CallbackClosure {
    f: Obj,
    func: Rc<ast::Function>,
    env: Env,
    source: u32,
    name: JsStr,
}

/// Inlined into `call_obj`, so the `Callee` is not returned through memory on every call.
#[inline(always)]
fn callee_of(f: &Obj) -> Option<Callee> {
    let d = f.borrow();
    Some(match &d.kind {
        ObjectKind::Closure(c) => Callee::Closure {
            func: c.func.clone(),
            env: c.env.clone(),
            source: c.source,
            name: c.name.clone(),
            default_derived: c.default_derived,
        },
        // An unnamed entry is left out of stack traces.
        ObjectKind::Native(n) if n.frameless => Callee::Native(n.f, JsStr::empty()),
        ObjectKind::Native(n) => Callee::Native(n.f, n.name.clone()),
        ObjectKind::Bound(b) => Callee::Bound(b.target.clone(), b.this.clone(), b.args.clone()),
        _ => return None,
    })
}

impl Interp {
    // ---- creation ----------------------------------------------------------------------------

    /// Creates a native function object with `name` and `length`.
    pub fn native_fn(&self, name: &str, length: u32, f: NativeFn) -> Obj {
        self.native_fn_with(name, length, f, false, Vec::new())
    }

    /// Marks a built-in as [`NativeFunction::pure_for_numbers`].
    pub fn mark_pure_for_numbers(&self, f: &Obj) {
        if let ObjectKind::Native(n) = &mut f.borrow_mut().kind {
            n.pure_for_numbers = true;
        }
    }

    /// A call of `f` on `this` with `args` from a call node, made without the native call's
    /// stack entry when `this` is the Math object, `f` one of its functions and every
    /// argument a number (`Math.floor(x)`, `Math.max(a, b)`): `None` otherwise.
    #[inline(always)]
    pub(crate) fn call_pure_native(
        &mut self,
        f: &Obj,
        this: &Value,
        args: &[Value],
    ) -> Option<JsResult<Value>> {
        let Value::Object(r) = this else {
            return None;
        };
        if !Obj::ptr_eq(r, &self.intrinsics.math) {
            return None;
        }
        self.call_pure_native_slow(f, this, args)
    }

    #[inline(never)]
    fn call_pure_native_slow(
        &mut self,
        f: &Obj,
        this: &Value,
        args: &[Value],
    ) -> Option<JsResult<Value>> {
        let nf = match &f.borrow().kind {
            ObjectKind::Native(n) if n.pure_for_numbers => n.f,
            _ => return None,
        };
        // (Too many arguments overflow V8's stack: the call reports it.)
        if args.len() > MAX_CALL_ARGS || !args.iter().all(|a| matches!(a, Value::Number(_))) {
            return None;
        }
        Some(nf(
            self,
            &Args {
                this,
                args,
                new_target: None,
                callee: f,
            },
        ))
    }

    /// Makes a built-in leave no frame in stack traces (see [`NativeFunction::frameless`]).
    pub fn mark_frameless(&self, f: &Obj) {
        if let ObjectKind::Native(n) = &mut f.borrow_mut().kind {
            n.frameless = true;
        }
    }

    /// Creates a function object that calls a Rust closure (for embedders: built-ins are
    /// plain [`NativeFn`]s). The closure lives as long as the interpreter.
    pub fn native_closure(
        &mut self,
        name: &str,
        length: u32,
        f: impl Fn(&mut Interp, &Args) -> JsResult<Value> + 'static,
    ) -> Obj {
        let index = self.native_closures.len();
        self.native_closures.push(Rc::new(f));
        self.native_fn_with(
            name,
            length,
            call_native_closure,
            false,
            vec![Value::Number(index as f64)],
        )
    }

    pub fn native_fn_with(
        &self,
        name: &str,
        length: u32,
        f: NativeFn,
        ctor: bool,
        captures: Vec<Value>,
    ) -> Obj {
        let name_s = JsStr::intern(name);
        self.native_fn_full(name_s, length, f, ctor, captures)
    }

    /// [`Interp::native_fn`] with the name already a string (a lazy method's key).
    pub fn native_fn_named(
        &self,
        name: JsStr,
        length: u32,
        f: NativeFn,
        captures: Vec<Value>,
    ) -> Obj {
        self.native_fn_full(name, length, f, false, captures)
    }

    fn native_fn_full(
        &self,
        name_s: JsStr,
        length: u32,
        f: NativeFn,
        ctor: bool,
        captures: Vec<Value>,
    ) -> Obj {
        let o = Obj::new(
            Some(self.intrinsics.function_prototype.clone()),
            ObjectKind::Native(Box::new(NativeFunction {
                f,
                ctor,
                captures,
                name: name_s.clone(),
                frameless: false,
                pure_for_numbers: false,
            })),
        );
        // `length` and `name`, configurable only: the shape of an arrow function's.
        let slots = vec![
            Slot::Data(Value::from(length)),
            Slot::Data(Value::String(name_s)),
        ];
        let layout = FUNCTION_LAYOUTS.with(|l| l[0].clone());
        o.borrow_mut().props = PropMap::with_layout(&layout, slots);
        o
    }

    /// Defines a built-in method (non-enumerable) on `target`, made on first use
    /// ([`LazyValue::Method`]): scripts see an ordinary data property holding a native
    /// function; the interpreter's `\[\[Get\]\]`/`\[\[GetOwnProperty\]\]` make it.
    pub fn define_method(&self, target: &Obj, name: &str, length: u32, f: NativeFn) {
        self.define_lazy_method(target, name, length, f, None);
    }

    /// [`Interp::define_method`] for a native function that tells its siblings apart by one
    /// captured number (`captures[0]`), made on first use like them.
    pub fn define_method_with(
        &self,
        target: &Obj,
        name: &str,
        length: u32,
        f: NativeFn,
        capture: u16,
    ) {
        self.define_lazy_method(target, name, length, f, Some(capture));
    }

    fn define_lazy_method(
        &self,
        target: &Obj,
        name: &str,
        length: u32,
        f: NativeFn,
        capture: Option<u16>,
    ) {
        let key = PropKey::from(name);
        let Ok(length) = u16::try_from(length) else {
            // No built-in has such a length; make it now rather than truncate it.
            self.define_method_obj(target, name, length, f);
            return;
        };
        debug_assert!(matches!(key, PropKey::Str(_)));
        let recipe = {
            let mut table = self.lazy_methods.borrow_mut();
            table.push(crate::object::MethodRecipe { f, length, capture });
            crate::object::LazyMethod(u32::try_from(table.len() - 1).unwrap_or(u32::MAX))
        };
        target.borrow_mut().props.insert(
            key,
            Prop {
                slot: Slot::LazyMethod(recipe),
                attrs: Attrs::HIDDEN,
            },
        );
    }

    /// Defines a built-in method (non-enumerable) on `target` now, returning the function
    /// (for a built-in that keeps it: an intrinsic, a fast path's identity check).
    pub fn define_method_obj(&self, target: &Obj, name: &str, length: u32, f: NativeFn) -> Obj {
        let func = self.native_fn(name, length, f);
        target.define(name, Value::Object(func.clone()), Attrs::HIDDEN);
        func
    }

    /// Defines a built-in method keyed by a symbol (`[Symbol.iterator]() {}`).
    pub fn define_symbol_method(
        &self,
        target: &Obj,
        sym: &crate::value::Sym,
        name: &str,
        length: u32,
        f: NativeFn,
    ) -> Obj {
        let func = self.native_fn(name, length, f);
        target.define(
            PropKey::Sym(sym.clone()),
            Value::Object(func.clone()),
            Attrs::HIDDEN,
        );
        func
    }

    /// Defines a built-in accessor with a getter only.
    pub fn define_getter(&self, target: &Obj, name: impl Into<PropKey>, f: NativeFn) {
        let key = name.into();
        // Built as a string of units, not through a Rust `String` and the interner: ~40
        // getters are made at start-up (each decoding and interning its name cost more than
        // making the function).
        let fname = match &key {
            PropKey::Sym(s) => {
                let d = s.description().cloned().unwrap_or_else(JsStr::empty);
                JsStr::from("get [").concat(&d).concat(&JsStr::from("]"))
            }
            k => JsStr::from("get ").concat(&k.to_jsstr()),
        };
        let g = self.native_fn_named(fname, 0, f, Vec::new());
        target.define_accessor(key, Some(g), None, Attrs::CONFIGURABLE_ONLY);
    }

    /// OrdinaryFunctionCreate + (for constructors) MakeConstructor (own property keys
    /// from [`FUNCTION_KEYS`]).
    pub fn make_closure(
        &mut self,
        func: &Rc<ast::Function>,
        env: &Env,
        home_object: Option<Obj>,
        name: Option<JsStr>,
    ) -> Obj {
        let proto = match (func.is_async, func.is_generator) {
            (false, true) => self.intrinsics.generator_function_prototype.clone(),
            (true, true) => self.intrinsics.async_generator_function_prototype.clone(),
            (true, false) => self.intrinsics.async_function_prototype.clone(),
            (false, false) => self.intrinsics.function_prototype.clone(),
        };
        let name = name
            .or_else(|| func.name.as_ref().map(|n| n.name.clone()))
            .unwrap_or_else(JsStr::empty);
        // The name stack traces show: V8's DebugName, the inferred name when `name` is empty.
        let debug_name = match &*func.inferred_name.borrow() {
            Some(inferred) if name.is_empty() => self.with_enclosing_constructor_name(inferred),
            _ => name.clone(),
        };
        let source = self.current_source();
        let o = Obj::new(
            Some(proto),
            ObjectKind::Closure(Box::new(Closure {
                func: func.clone(),
                env: env.clone(),
                home_object,
                source,
                fields: None,
                default_derived: false,
                name: debug_name,
                class_span: None,
            })),
        );
        let sloppy = !func.scope.get().is_some_and(|s| s.strict);
        let legacy =
            sloppy && func.kind == FunctionKind::Normal && !func.is_async && !func.is_generator;
        // Exactly the own properties pushed below (`length`, `name`, then `arguments` and
        // `caller`, `prototype`), in that order, on a new object: no `Vec` regrowth, no
        // slack, no search for an existing key.
        let lazy_prototype =
            func.kind == FunctionKind::Normal && !func.is_async && !func.is_generator;
        let proto_obj = if func.is_generator {
            let p = if func.is_async {
                self.intrinsics.async_generator_prototype.clone()
            } else {
                self.intrinsics.generator_prototype.clone()
            };
            Some(Obj::new(Some(p), ObjectKind::Ordinary))
        } else if func.kind == FunctionKind::Normal && !func.is_async {
            // A plain function's `prototype` (an object whose `constructor` is the function)
            // is made on first use, as V8 does: most functions are never constructed, and
            // each eager one was an object and a reference cycle (issue #12).
            None
        } else {
            None
        };
        // The function's own properties, in V8's order: `length`, `name`, then `arguments`
        // and `caller` (legacy), then `prototype`; their shape is one of four made once.
        let has_prototype = proto_obj.is_some() || lazy_prototype;
        let mut slots =
            Vec::with_capacity(2 + 2 * usize::from(legacy) + usize::from(has_prototype));
        slots.push(Slot::Data(Value::from(expected_argument_count(func))));
        slots.push(Slot::Data(Value::String(name)));
        if legacy {
            // V8's legacy own `arguments` and `caller` of sloppy plain functions (shown by
            // `Object.getOwnPropertyNames` and inspect's showHidden). They read as null: the
            // live values (the "caller" feature) are not implemented.
            slots.push(Slot::Data(Value::Null));
            slots.push(Slot::Data(Value::Null));
        }
        if let Some(proto_obj) = proto_obj {
            slots.push(Slot::Data(Value::Object(proto_obj)));
        } else if lazy_prototype {
            slots.push(Slot::Lazy(lazy_function_prototype));
        }
        let layout = FUNCTION_LAYOUTS
            .with(|l| l[usize::from(legacy) * 2 + usize::from(has_prototype)].clone());
        o.borrow_mut().props = PropMap::with_layout(&layout, slots);
        o
    }

    /// An inferred name as V8 completes it: V8 pushes the name of the function it compiles
    /// (lazily, so the innermost one around the literal) when that name starts with a capital
    /// letter (`FuncNameInferrer::PushEnclosingName`, a constructor by convention):
    /// `function Foo() { _this.r = function () {} }` is `Foo._this.r`. The running frame is
    /// that function; its stack name stands for its own name unless it is itself an inferred
    /// name with a `.` (V8's `Name()` is empty then). A parenthesized function that V8
    /// compiles eagerly pushes nothing in V8 and is not told apart here.
    pub(crate) fn with_enclosing_constructor_name(&self, inferred: &JsStr) -> JsStr {
        let Some(e) = self.stack.last() else {
            return inferred.clone();
        };
        if e.kind != crate::interp::FrameKind::Js || e.name.is_empty() {
            return inferred.clone();
        }
        // Checked on the units: closures are made in loops, and most enclosing names are
        // not capitalized (no string is built for them).
        let units = e.name.units();
        let capital = char::decode_utf16(units.iter().copied())
            .next()
            .and_then(Result::ok)
            .is_some_and(char::is_uppercase);
        if !capital || units.contains(&u16::from(b'.')) {
            return inferred.clone();
        }
        let enclosing = e.name.to_rust_string();
        JsStr::from(format!("{enclosing}.{inferred}").as_str())
    }

    /// Index of the source file of the innermost running frame.
    pub fn current_source(&self) -> u32 {
        self.stack.last().map(|e| e.source).unwrap_or(0)
    }

    // ---- calls -------------------------------------------------------------------------------

    /// Call(F, thisValue, args).
    pub fn call(&mut self, f: &Value, this: &Value, args: &[Value]) -> JsResult<Value> {
        match f {
            Value::Object(o) => self.call_obj(o, this, args),
            _ => {
                let s = crate::interp::iter::not_iterable_type_text(f);
                Err(self.type_error(format!("{s} is not a function")))
            }
        }
    }

    /// Resolves `f` once for repeated calls by a built-in ([`Callback`]). Any value is
    /// accepted: what is not an ordinary ECMAScript function is called through
    /// [`Interp::call`] each time (with its errors).
    pub fn callback(&self, f: &Value) -> Callback {
        let closure = match f {
            Value::Object(o) => match &o.borrow().kind {
                ObjectKind::Closure(c) if c.func.kind != FunctionKind::ClassConstructor => {
                    Some(CallbackClosure {
                        f: o.clone(),
                        func: c.func.clone(),
                        env: c.env.clone(),
                        source: c.source,
                        name: c.name.clone(),
                    })
                }
                _ => None,
            },
            _ => None,
        };
        Callback {
            f: f.clone(),
            closure,
        }
    }

    /// Call(F, thisValue, args) of a [`Callback`]'s function: the same steps as
    /// [`Interp::call_obj`] for an ECMAScript function.
    pub fn call_callback(
        &mut self,
        cb: &Callback,
        this: &Value,
        args: &[Value],
    ) -> JsResult<Value> {
        let Some(c) = &cb.closure else {
            return self.call(&cb.f, this, args);
        };
        self.check_side_effect_free(&c.f)?;
        if args.len() > MAX_CALL_ARGS {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        self.enter(c.name.clone(), c.source)?;
        self.note_method_call(this, &c.f);
        let r = self.call_closure(&c.f, &c.func, c.env.clone(), this, args, None);
        self.leave();
        r
    }

    pub fn call_obj(&mut self, f: &Obj, this: &Value, args: &[Value]) -> JsResult<Value> {
        self.check_side_effect_free(f)?;
        if args.len() > MAX_CALL_ARGS {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let Some(callee) = callee_of(f) else {
            if f.is_callable() {
                // A proxy with [[Call]].
                let src = self.current_source();
                self.enter_frame(JsStr::intern(""), src, crate::interp::FrameKind::Native)?;
                let r = self.proxy_call(f, this, args);
                self.leave();
                return r;
            }
            let s = crate::interp::iter::not_iterable_type_text(&Value::Object(f.clone()));
            return Err(self.type_error(format!("{s} is not a function")));
        };
        match callee {
            Callee::Native(nf, name) => self.call_native(nf, name, f, this, args, None),
            Callee::Bound(target, bthis, bargs) => {
                let mut all = bargs;
                all.extend_from_slice(args);
                self.call_obj(&target, &bthis, &all)
            }
            Callee::Closure {
                func,
                env,
                source,
                name,
                ..
            } => {
                if func.kind == FunctionKind::ClassConstructor {
                    return Err(self.type_error(if name.is_empty() {
                        "Class constructors cannot be invoked without 'new'".to_string()
                    } else {
                        format!("Class constructor {name} cannot be invoked without 'new'")
                    }));
                }
                self.enter(name, source)?;
                self.note_method_call(this, f);
                let r = self.call_closure(f, &func, env, this, args, None);
                self.leave();
                r
            }
        }
    }

    /// Construct(F, args, newTarget).
    pub fn construct(
        &mut self,
        f: &Obj,
        args: &[Value],
        new_target: Option<&Obj>,
    ) -> JsResult<Value> {
        self.check_side_effect_free(f)?;
        if args.len() > MAX_CONSTRUCT_ARGS {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let nt = new_target.cloned().unwrap_or_else(|| f.clone());
        let Some(callee) = callee_of(f) else {
            if f.is_constructor() {
                // A proxy with [[Construct]].
                let src = self.current_source();
                self.enter_frame(JsStr::intern(""), src, crate::interp::FrameKind::Native)?;
                let r = self.proxy_construct(f, args, &nt);
                self.leave();
                return r;
            }
            let s =
                crate::builtins::object::no_side_effects_to_string(self, &Value::Object(f.clone()));
            return Err(self.type_error(format!("{s} is not a constructor")));
        };
        if !f.is_constructor() {
            let s =
                crate::builtins::object::no_side_effects_to_string(self, &Value::Object(f.clone()));
            return Err(self.type_error(format!("{s} is not a constructor")));
        }
        match callee {
            Callee::Native(nf, name) => {
                self.call_native(nf, name, f, &Value::Undefined, args, Some(&nt))
            }
            Callee::Bound(target, _, bargs) => {
                let mut all = bargs;
                all.extend_from_slice(args);
                let nt2 = if Obj::ptr_eq(&nt, f) {
                    target.clone()
                } else {
                    nt
                };
                self.construct(&target, &all, Some(&nt2))
            }
            Callee::Closure {
                func,
                env,
                source,
                name,
                default_derived,
            } => {
                self.enter(name, source)?;
                if let Some(top) = self.stack.last_mut() {
                    top.construct = true;
                }
                let r = self.construct_closure(f, &func, env, args, &nt, default_derived);
                self.leave();
                r
            }
        }
    }

    /// V8's TypeError when `super()` finds a parent that is not a constructor (`func` is the
    /// derived class constructor).
    pub fn not_super_constructor(&mut self, parent: Option<Obj>, func: &Obj) -> Abrupt {
        let mut super_name = match &parent {
            None => "null".to_string(),
            Some(p)
                if matches!(
                    p.borrow().kind,
                    ObjectKind::Closure(_) | ObjectKind::Native(_)
                ) =>
            {
                crate::builtins::object::function_debug_name(p)
            }
            Some(p) => {
                crate::builtins::object::no_side_effects_to_string(self, &Value::Object(p.clone()))
            }
        };
        if super_name.is_empty() {
            super_name = "null".to_string();
        }
        let name = crate::builtins::object::function_debug_name(func);
        self.type_error(if name.is_empty() {
            format!("Super constructor {super_name} of anonymous class is not a constructor")
        } else {
            format!("Super constructor {super_name} of {name} is not a constructor")
        })
    }

    fn construct_closure(
        &mut self,
        f: &Obj,
        func: &Rc<ast::Function>,
        env: Env,
        args: &[Value],
        nt: &Obj,
        default_derived: bool,
    ) -> JsResult<Value> {
        let derived = func.is_derived_ctor || default_derived;
        if default_derived {
            // constructor(...args) { super(...args) }
            let parent = f.proto();
            let parent = match parent {
                Some(p) if p.is_constructor() => p,
                other => return Err(self.not_super_constructor(other, f)),
            };
            let result = self.construct(&parent, args, Some(nt))?;
            if let Value::Object(o) = &result {
                self.initialize_instance_elements(o, f)?;
            }
            return Ok(result);
        }
        let this = if derived {
            Value::Empty
        } else {
            let proto = self.get_prototype_from_constructor(nt, |i| i.object_prototype.clone())?;
            // V8 names the object's map after the constructor only when new.target is the
            // function itself (a derived map from another new.target says "Object").
            let kind = match &nt.borrow().kind {
                ObjectKind::Closure(c) if Obj::ptr_eq(f, nt) => {
                    ObjectKind::Instance(c.name.clone())
                }
                _ => ObjectKind::Ordinary,
            };
            let o = Obj::new(Some(proto), kind);
            if func.kind == FunctionKind::ClassConstructor {
                self.initialize_instance_elements(&o, f)?;
            }
            Value::Object(o)
        };
        let Some(info) = func.scope.get().cloned() else {
            return Err(self.type_error("internal error: unresolved function"));
        };
        let (fenv, params_bound) = self.function_env(func, env, &info, args);
        let result =
            self.call_closure_in(f, func, &info, &fenv, &this, args, Some(nt), params_bound);
        // A derived constructor's `this` is read from its environment after the body.
        let this_now = match (derived, info.this_slot) {
            (true, Some(slot)) => fenv.get(0, slot),
            _ => Value::Empty,
        };
        if let Some(slot) = info.arguments_slot {
            release_mapped_arguments(&fenv, slot);
        }
        self.env_pool.give_back(fenv);
        let result = result?;
        if let Value::Object(_) = result {
            return Ok(result);
        }
        if derived {
            if !result.is_undefined() {
                return Err(
                    self.type_error("Derived constructors may only return object or undefined")
                );
            }
            if let Value::Empty = this_now {
                return Err(self.reference_error(
                    "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                ));
            }
            return Ok(this_now);
        }
        Ok(this)
    }

    /// Runs a native function with a stack entry of its own.
    fn call_native(
        &mut self,
        nf: NativeFn,
        name: JsStr,
        callee: &Obj,
        this: &Value,
        args: &[Value],
        new_target: Option<&Obj>,
    ) -> JsResult<Value> {
        let kind = if new_target.is_some() {
            crate::interp::FrameKind::NativeConstruct
        } else {
            crate::interp::FrameKind::Native
        };
        self.enter_frame(name, 0, kind)?;
        if new_target.is_none() {
            self.note_method_call(this, callee);
        }
        let r = nf(
            self,
            &Args {
                this,
                args,
                new_target,
                callee,
            },
        );
        self.leave();
        r
    }

    /// Records the receiver of the call just entered, when it is a method call (V8 names
    /// such frames after the receiver's type; see `error_stack.rs`).
    #[inline]
    pub(crate) fn note_method_call(&mut self, this: &Value, f: &Obj) {
        if this.is_nullish() && self.called_as.is_none() {
            // A plain call (`f()`): nothing to note, nothing to take.
            return;
        }
        self.note_method_call_slow(this, f);
    }

    #[inline(never)]
    fn note_method_call_slow(&mut self, this: &Value, f: &Obj) {
        let called_as = self.called_as.take();
        if !this.is_nullish() {
            if let Some(e) = self.stack.last_mut() {
                // Inline in the entry: a method call allocates nothing for it.
                e.method_call = Some(crate::interp::MethodCall {
                    receiver: this.clone(),
                    func: f.clone(),
                    called_as,
                });
            }
        }
    }

    /// Calls `f` as the method `method` of `this` (`this[method](...args)` where the host
    /// keeps the function elsewhere): a stack trace names the frame `Type.f [as method]`.
    pub fn call_as_method(
        &mut self,
        f: &Value,
        this: &Value,
        args: &[Value],
        method: &str,
    ) -> JsResult<Value> {
        self.called_as = Some(JsStr::intern(method));
        let r = self.call(f, this, args);
        self.called_as = None;
        r
    }

    /// Pushes a stack entry, checking the depth limit.
    pub fn enter(&mut self, name: JsStr, source: u32) -> JsResult<()> {
        self.enter_frame(name, source, crate::interp::FrameKind::Js)
    }

    /// Pushes a stack entry of the given kind, checking the depth limit.
    pub fn enter_frame(
        &mut self,
        name: JsStr,
        source: u32,
        kind: crate::interp::FrameKind,
    ) -> JsResult<()> {
        if self.exiting.is_some() {
            // `process.exit()` is unwinding: no more script code runs.
            return Err(self.exit_sentinel());
        }
        self.check_interrupt()?;
        if self.call_depth >= self.max_call_depth || stack_is_low() {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        self.call_depth += 1;
        // Written in place: `push` builds the entry on the native stack field by field and
        // then copies it with wide loads, which cannot be forwarded from the narrow stores
        // just made (a store-forwarding stall on every call; DESIGN.md, "Issue #17
        // done-when audit").
        self.stack.reserve(1);
        let len = self.stack.len();
        // SAFETY: `reserve(1)` left room for one more entry at `len`; it is fully written
        // before the length covers it.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(StackEntry {
                method_call: None,
                construct: false,
                next_below: false,
                name,
                pos: Default::default(),
                source,
                kind,
            });
            self.stack.set_len(len + 1);
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.call_depth -= 1;
        self.stack.pop();
    }

    /// OrdinaryCallEvaluateBody for a closure called normally. Inlined into its callers:
    /// as a call of its own, its result crossed one more copy through memory.
    #[inline(always)]
    pub fn call_closure(
        &mut self,
        f: &Obj,
        func: &Rc<ast::Function>,
        env: Env,
        this: &Value,
        args: &[Value],
        new_target: Option<&Obj>,
    ) -> JsResult<Value> {
        let Some(info) = func.scope.get() else {
            return Err(self.type_error("internal error: unresolved function"));
        };
        let (fenv, params_bound) = self.function_env(func, env, info, args);
        let r = self.call_closure_in(f, func, info, &fenv, this, args, new_target, params_bound);
        if let Some(slot) = info.arguments_slot {
            release_mapped_arguments(&fenv, slot);
        }
        self.env_pool.give_back(fenv);
        r
    }

    /// The environment of a call of `func`: from the pool (see [`crate::interp::scope::EnvPool`])
    /// unless the function is a generator or async function, whose environment outlives the
    /// call.
    /// The second result says whether the simple parameters are bound already.
    #[inline(always)]
    fn function_env(
        &mut self,
        func: &ast::Function,
        env: Env,
        info: &Rc<ScopeInfo>,
        args: &[Value],
    ) -> (Env, bool) {
        if func.is_generator || func.is_async {
            (Env::new(Some(env), info), false)
        } else {
            (self.env_pool.take(env, info, args), info.simple_params)
        }
    }

    /// Binds `this`, instantiates the declarations and runs the body of a call in `fenv`.
    #[allow(clippy::too_many_arguments)]
    fn call_closure_in(
        &mut self,
        f: &Obj,
        func: &Rc<ast::Function>,
        info: &Rc<ScopeInfo>,
        fenv: &Env,
        this: &Value,
        args: &[Value],
        new_target: Option<&Obj>,
        params_bound: bool,
    ) -> JsResult<Value> {
        // A plain call whose parameters the pooled environment bound already
        // ([`ScopeInfo::plain_call`]; never a generator or async function) has nothing to
        // bind or instantiate: one test instead of one per hidden binding.
        if !(params_bound && info.plain_call) {
            // OrdinaryCallBindThis (`this` by reference: a function that does not use it, every
            // arrow function, copies and drops nothing for it)
            if let Some(slot) = info.this_slot {
                let this = if info.strict || matches!(this, Value::Empty) {
                    this.clone()
                } else if this.is_nullish() {
                    Value::Object(self.global.clone())
                } else {
                    Value::Object(self.to_object(this)?)
                };
                fenv.init(slot, this);
            }
            if let Some(slot) = info.new_target_slot {
                fenv.init(
                    slot,
                    new_target
                        .map(|o| Value::Object(o.clone()))
                        .unwrap_or_default(),
                );
            }
            if let Some(slot) = info.func_slot {
                fenv.init(slot, Value::Object(f.clone()));
            }
            if let Some(slot) = info.self_name_slot {
                fenv.init(slot, Value::Object(f.clone()));
            }
            let inst =
                self.function_declaration_instantiation(f, func, info, fenv, args, params_bound);
            if let (Err(Abrupt::Throw(e)), true, false) = (&inst, func.is_async, func.is_generator)
            {
                // An async function reports a failed parameter initialization through its
                // promise (AsyncFunctionStart is preceded by FunctionDeclarationInstantiation in
                // the same completion record, see EvaluateAsyncFunctionBody).
                let promise = self.new_promise();
                self.reject_promise(&promise, e.clone());
                return Ok(Value::Object(promise));
            }
            inst?;
            if func.is_generator || func.is_async {
                return self.start_coroutine(f, func, fenv);
            }
        }
        if let (FunctionKind::ClassField, FunctionBody::Expr(init)) = (&func.kind, &func.body) {
            // ClassFieldDefinitionEvaluation: an anonymous function initializer is named
            // after the field (`inc = () => {}` has name "inc"), as NamedEvaluation does.
            let name = match &f.borrow().kind {
                ObjectKind::Closure(c) => Some(c.name.clone()),
                _ => None,
            };
            if let Some(name) = name {
                if let Some(v) = self.try_named_evaluation(init, fenv, &name)? {
                    return Ok(v);
                }
            }
        }
        match self.eval_call_body(func, fenv) {
            Err(Abrupt::Return(v)) => Ok(v),
            r => r,
        }
    }

    /// [`Interp::eval_function_body`] for an ordinary call, which never resumes: a `return`
    /// at the top of the body gives its value straight back instead of unwinding as an
    /// abrupt completion through the statement list (function bodies have no completion
    /// value to keep).
    fn eval_call_body(&mut self, func: &ast::Function, env: &Env) -> JsResult<Value> {
        let FunctionBody::Block(stmts) = &func.body else {
            return self.eval_function_body(func, env);
        };
        if func.scope.get().is_some_and(|i| i.dispose_slot.is_some()) {
            return self.eval_function_body(func, env);
        }
        for st in stmts {
            match &st.kind {
                ast::StmtKind::Return(Some(e)) if !st.suspends.get() => {
                    return self.eval_expr(e, env);
                }
                _ => {
                    self.eval_stmt(st, env)?;
                }
            }
        }
        Ok(Value::Undefined)
    }

    /// Evaluates a (non-generator) function body: returns the value of `return`, or
    /// `undefined`; a concise arrow body returns its expression.
    pub fn eval_function_body(&mut self, func: &ast::Function, env: &Env) -> JsResult<Value> {
        match &func.body {
            FunctionBody::Expr(e) => self.eval_expr(e, env),
            FunctionBody::Block(stmts) => {
                match func.scope.get().and_then(|i| i.dispose_slot) {
                    Some(slot) => self.eval_stmts_disposing(stmts, env, slot)?,
                    None => self.eval_stmts(stmts, env)?,
                };
                Ok(Value::Undefined)
            }
        }
    }

    /// FunctionDeclarationInstantiation: parameters, `arguments`, hoisted functions.
    fn function_declaration_instantiation(
        &mut self,
        f: &Obj,
        func: &Rc<ast::Function>,
        info: &Rc<ScopeInfo>,
        env: &Env,
        args: &[Value],
        params_bound: bool,
    ) -> JsResult<()> {
        if let Some(slot) = info.arguments_slot {
            let ao = self.create_arguments_object(f, args);
            if !info.strict && info.simple_params {
                // CreateMappedArgumentsObject: each index below both counts aliases its
                // parameter; a repeated name maps only its last formal's index (none if
                // that one has no argument).
                let n = args.len().min(info.param_slots.len());
                let mut slots: Vec<Option<(u32, Attrs)>> = vec![None; n];
                for i in (0..n).rev() {
                    let s = info.param_slots[i];
                    if !info.param_slots[i + 1..].contains(&s) {
                        slots[i] = Some((s, Attrs::DEFAULT));
                    }
                }
                if slots.iter().any(Option::is_some) {
                    let mut d = ao.borrow_mut();
                    for (i, m) in slots.iter().enumerate() {
                        if m.is_some() {
                            if let Some(e) = d.elements.get_mut(i) {
                                *e = Value::Empty;
                            }
                        }
                    }
                    d.kind = ObjectKind::Arguments(Some(Box::new(ArgumentsMap {
                        env: env.clone(),
                        slots,
                    })));
                }
            }
            env.init(slot, Value::Object(ao));
        }
        // Simple parameters before the hoisted functions, which replace a parameter of the
        // same name (step 36); a pooled environment has them already ([`EnvPool::take`]).
        if info.simple_params && !params_bound {
            for (i, slot) in info.param_slots.iter().enumerate() {
                env.init(*slot, args.get(i).cloned().unwrap_or_default());
            }
        }
        // Hoisted function declarations before the other parameters (their defaults may
        // call them).
        for (slot, fd) in &info.functions {
            let clo = self.make_closure(fd, env, None, None);
            env.init(*slot, Value::Object(clo));
        }
        if !info.simple_params {
            // Parameters with defaults/patterns are in their TDZ until bound, in order.
            for d in &info.decls {
                if d.kind == crate::resolve::DeclKind::Param {
                    env.init(d.slot, Value::Empty);
                }
            }
            self.param_envs.push(env.share());
            let r = self.bind_parameters(func, env, args);
            self.param_envs.pop();
            r?;
        }
        Ok(())
    }

    /// IteratorBindingInitialization of a non-simple formal parameter list.
    fn bind_parameters(&mut self, func: &ast::Function, env: &Env, args: &[Value]) -> JsResult<()> {
        for (i, p) in func.params.iter().enumerate() {
            let mut v = args.get(i).cloned().unwrap_or_default();
            if v.is_undefined() {
                if let Some(d) = &p.default {
                    v = self.eval_named(d, env, &p.target)?;
                }
            }
            let src = if p.default.is_some() {
                DSource::ParamDefault
            } else {
                DSource::Param
            };
            self.bind_pattern(&p.target, v, env, true, src)?;
        }
        if let Some(r) = &func.rest {
            let rest: Vec<Value> = args.iter().skip(func.params.len()).cloned().collect();
            let arr = self.new_array(rest);
            self.bind_pattern(r, Value::Object(arr), env, true, DSource::Param)?;
        }
        Ok(())
    }

    fn create_arguments_object(&mut self, f: &Obj, args: &[Value]) -> Obj {
        let o = Obj::new(
            Some(self.intrinsics.object_prototype.clone()),
            ObjectKind::Arguments(None),
        );
        let strict = match &f.borrow().kind {
            ObjectKind::Closure(c) => c.func.scope.get().map(|s| s.strict).unwrap_or(false),
            _ => false,
        };
        // `length`, `@@iterator`, then `callee` (CreateUnmappedArgumentsObject's order, also
        // the mapped one's): every arguments object of a kind gets the same shape at once,
        // so a site reading `arguments.length` keeps its inline cache from call to call.
        let iter = Value::Object(self.intrinsics.array_proto_values.clone());
        let callee = if strict {
            let thrower = self.intrinsics.throw_type_error.clone();
            Slot::accessor(Some(thrower.clone()), Some(thrower))
        } else {
            Slot::Data(Value::Object(f.clone()))
        };
        let slots = vec![
            Slot::Data(Value::from(args.len())),
            Slot::Data(iter),
            callee,
        ];
        let layout = self.arguments_layout(strict);
        let mut d = o.borrow_mut();
        d.elements = args.to_vec();
        d.props = PropMap::with_layout(&layout, slots);
        drop(d);
        o
    }

    /// The shape of arguments objects: `length` and `@@iterator` (non-enumerable), then
    /// `callee` (non-enumerable data in a sloppy function, an accessor with no attributes in
    /// a strict one). Made on the first arguments object of each kind.
    fn arguments_layout(&self, strict: bool) -> Layout {
        let layouts = self.arguments_layouts.get_or_init(|| {
            let length = PropKey::from("length");
            let iterator = PropKey::Sym(self.symbols.iterator.clone());
            let callee = PropKey::from("callee");
            let hidden = Attrs::HIDDEN;
            [
                Layout::new(&[
                    (length.clone(), hidden),
                    (iterator.clone(), hidden),
                    (callee.clone(), hidden),
                ]),
                Layout::new(&[(length, hidden), (iterator, hidden), (callee, Attrs::NONE)]),
            ]
        });
        layouts[usize::from(strict)].clone()
    }

    /// GetPrototypeFromConstructor.
    pub fn get_prototype_from_constructor(
        &mut self,
        ctor: &Obj,
        default: impl Fn(&crate::interp::Intrinsics) -> Obj,
    ) -> JsResult<Obj> {
        let key = static_key!("prototype");
        // An own data property `prototype` where the last constructor had it (a class's
        // third property, a function's fifth): [[Get]]'s answer, with no search.
        let own = match ctor.borrow().props.get_hinted(&key, &self.prototype_hint) {
            Some(PropRef {
                slot: Slot::Data(v),
                ..
            }) => Some(v.clone()),
            _ => None,
        };
        let p = match own {
            Some(v) => v,
            None => self.get(ctor, &key)?,
        };
        Ok(match p {
            Value::Object(o) => o,
            _ => default(&self.intrinsics),
        })
    }

    /// InitializeInstanceElements: private methods, then fields, in order.
    pub fn initialize_instance_elements(&mut self, o: &Obj, ctor: &Obj) -> JsResult<()> {
        let fields = match &ctor.borrow().kind {
            ObjectKind::Closure(c) => c.fields.clone(),
            _ => None,
        };
        let Some(fields) = fields else { return Ok(()) };
        for fr in fields.iter() {
            if let (FieldKey::Private(sym), Some(m)) = (&fr.key, &fr.method) {
                let key = PropKey::Sym(sym.clone());
                if o.get_own_property(&key).is_some() {
                    return Err(self.type_error(
                        "Cannot initialize private methods of class twice on the same object",
                    ));
                }
                match m {
                    PrivateMethod::Method(mo) => {
                        o.define(key, Value::Object(mo.clone()), Attrs::NONE)
                    }
                    PrivateMethod::Accessor(g, s) => {
                        o.define_accessor(key, g.clone(), s.clone(), Attrs::NONE)
                    }
                }
            }
        }
        for fr in fields.iter() {
            if fr.method.is_some() {
                continue;
            }
            let v = match &fr.init {
                Some(init) => self.call_obj(init, &Value::Object(o.clone()), &[])?,
                None => Value::Undefined,
            };
            match &fr.key {
                FieldKey::Public(k) => {
                    self.create_data_property_or_throw(o, k.clone(), v)?;
                }
                FieldKey::Private(sym) => {
                    let key = PropKey::Sym(sym.clone());
                    if o.get_own_property(&key).is_some() {
                        return Err(self.type_error(
                            "Cannot initialize private field twice on the same object",
                        ));
                    }
                    o.define(key, v, Attrs::new(true, false, false));
                }
            }
        }
        Ok(())
    }

    /// Starts a generator or async function whose environment is prepared.
    fn start_coroutine(&mut self, f: &Obj, func: &Rc<ast::Function>, env: &Env) -> JsResult<Value> {
        if func.is_generator && !func.is_async {
            let proto =
                self.get_prototype_from_constructor(f, |i| i.generator_prototype.clone())?;
            let g = Obj::new(
                Some(proto),
                ObjectKind::Generator(Box::new(GeneratorData::new(
                    f.clone(),
                    func.clone(),
                    env.clone(),
                    self.current_method_call(),
                ))),
            );
            return Ok(Value::Object(g));
        }
        self.start_async(f, func, env)
    }
}

/// ExpectedArgumentCount: parameters before the first default or rest.
pub fn expected_argument_count(func: &ast::Function) -> u32 {
    func.params
        .iter()
        .take_while(|p| p.default.is_none())
        .count() as u32
}

/// Stack left when a call throws `RangeError: Maximum call stack size exceeded`.
const STACK_RESERVE: usize = 256 * 1024;

thread_local! {
    /// The addresses `[low, high)` of this thread's main stack where a call has
    /// [`STACK_RESERVE`] left for certain (`(0, 0)` until known): checked with two compares
    /// instead of asking `stacker` (a lazily initialised thread-local and a call) on every
    /// call. Learned only on a stack of more than 16 MiB, the interpreter's own; code running
    /// on another stack (a segment `stacker::maybe_grow` made for `util.inspect`) falls
    /// outside the window and asks `stacker`.
    static STACK_WINDOW: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// True when the native stack is close to exhausted (deep recursion in the evaluator).
#[inline]
pub(crate) fn stack_is_low() -> bool {
    let probe = 0u8;
    let sp = std::ptr::addr_of!(probe) as usize;
    let (low, high) = STACK_WINDOW.get();
    if sp >= low && sp < high {
        return false;
    }
    stack_is_low_slow(sp)
}

#[cold]
#[inline(never)]
fn stack_is_low_slow(sp: usize) -> bool {
    match stacker::remaining_stack() {
        Some(n) if n < STACK_RESERVE => true,
        Some(n) => {
            if n > 16 * 1024 * 1024 && STACK_WINDOW.get() == (0, 0) {
                // `sp` is at most a few frames from where the thread started its script;
                // a megabyte above it covers the rest of the stack's used part.
                STACK_WINDOW.set((sp - n + STACK_RESERVE, sp.saturating_add(1024 * 1024)));
            }
            false
        }
        None => false,
    }
}

/// The [`NativeFn`] behind [`Interp::native_closure`]: its capture is the closure's index.
fn call_native_closure(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let index = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.first() {
            Some(Value::Number(i)) => *i as usize,
            _ => usize::MAX,
        },
        _ => usize::MAX,
    };
    match it.native_closures.get(index).cloned() {
        Some(f) => f(it, a),
        None => Err(it.type_error("native closure is missing")),
    }
}

/// At the end of a call: a mapped arguments object and its function's environment refer to
/// each other (the object's parameter map, the `arguments` binding). When nothing else holds
/// either — the environment only by this call and the map, the object only by its binding —
/// the binding is cleared, so both are freed by their counts now rather than by the cycle
/// collector. Unobservable: nothing can reach them any more.
fn release_mapped_arguments(env: &Env, slot: u32) {
    if crate::gc::Gc::strong_count(&env.0) != 2 {
        return;
    }
    let unreachable = env
        .with_slot(0, slot, |v| match v {
            Value::Object(o) if crate::gc::Gc::strong_count(&o.0) == 1 => {
                matches!(&o.borrow().kind, ObjectKind::Arguments(Some(m)) if crate::gc::Gc::ptr_eq(&m.env.0, &env.0))
            }
            _ => false,
        })
        .unwrap_or(false);
    if unreachable {
        env.set(0, slot, Value::Undefined);
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;
    use crate::interp::Interp;
    use crate::object::Slot;
    use crate::value::Value;

    // A plain function's `prototype` is a lazy slot until something reads it (issue #12);
    // then it is the object MakeConstructor makes, in the same place among the own keys.
    #[test]
    fn plain_function_prototypes_are_made_on_first_use() {
        let mut it = Interp::new();
        let Ok(Value::Object(f)) = it.run_script("t", "(function f(a) {})") else {
            panic!("not a function");
        };
        let key = static_key!("prototype");
        let lazy = |f: &crate::object::Obj| {
            matches!(
                f.get_own_property(&key).map(|p| p.slot),
                Some(Slot::Lazy(_))
            )
        };
        assert!(lazy(&f));
        assert_eq!(
            run("(function f() {}).hasOwnProperty('prototype') + ' ' + \
                 Object.getOwnPropertyNames(function f() {})"),
            "true length,name,arguments,caller,prototype"
        );
        let Ok(Value::Object(p)) = it.get(&f, &key) else {
            panic!("no prototype");
        };
        assert!(!lazy(&f));
        let ctor = it.get(&p, &static_key!("constructor"));
        assert!(matches!(ctor, Ok(Value::Object(c)) if crate::object::Obj::ptr_eq(&c, &f)));
        assert!(
            matches!(it.get(&f, &key), Ok(Value::Object(q)) if crate::object::Obj::ptr_eq(&q, &p))
        );
        assert_eq!(
            run("(() => { function g() {} const o = new g(); \
                 return [o instanceof g, g.prototype.constructor === g, \
                 Object.getPrototypeOf(o) === g.prototype].join() })()"),
            "true,true,true"
        );
    }

    // V8 pushes arguments on its stack: too many throw instead of being passed (Node 24).
    #[test]
    fn too_many_arguments_overflow_the_stack_as_in_v8() {
        let overflow = "RangeError: Maximum call stack size exceeded";
        assert_eq!(
            run("(() => { function f() {} f.apply(null, new Array(200000)) })()"),
            overflow
        );
        assert_eq!(
            run("Math.max.apply(null, new Array(1e7).fill(1))"),
            overflow
        );
        assert_eq!(run("Math.max(...new Array(200000).fill(1))"), overflow);
        assert_eq!(
            run("(() => { function f() {} new f(...new Array(70000)) })()"),
            overflow
        );
        assert_eq!(run("Reflect.construct(Array, new Array(70000))"), overflow);
        // A length above 2^27 is rejected before any element is read.
        assert_eq!(
            run("Math.max.apply(null, {length: 2 ** 32 - 1, get 0() { throw 1 }})"),
            "RangeError: Invalid array length"
        );
        // An array-like with getters is read before the call overflows.
        assert_eq!(
            run("(() => { let n = 0; try { Reflect.apply(Math.max, null, \
                 {length: 130000, get 0() { n++; return 1 }}) } catch (e) { return n + ' ' + e.message } })()"),
            "1 Maximum call stack size exceeded"
        );
        assert_eq!(
            run("(() => { function f() {} f.bind(null, ...new Array(65526)) })()"),
            "RangeError: Too many arguments in function call (only 65535 allowed)"
        );
        // Below the limits the calls run.
        assert_eq!(
            run("(() => { function f() { return arguments.length } \
                 return f.bind(null, ...new Array(65525))(...new Array(50000)) })()"),
            "115525"
        );
        assert_eq!(
            run("String.fromCharCode.apply(null, new Array(100000).fill(65)).length"),
            "100000"
        );
    }
}
