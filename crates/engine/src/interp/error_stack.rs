//! Error `stack`, formatted lazily as V8 does.
//!
//! V8 captures the frames of the call stack when an error is created (or when
//! `Error.captureStackTrace(o)` runs), but formats the text — the header `Name: message` from
//! the object's *current* `name` and `message` (ErrorUtils::ToString) followed by the frames —
//! only the first time `stack` is read. So a subclass that sets `this.name` after `super(msg)`,
//! or code that changes `e.message` before anyone looks at the stack, shows up in `e.stack`.
//! Once formatted (or assigned, or redefined), the string is fixed.
//!
//! Representation (V8 13.6): the own `stack` property is an accessor pair, the same two
//! functions for every error (`%ErrorStackGetter%`/`%ErrorStackSetter%`, non-enumerable,
//! configurable). The state lives under a private key (V8's `error_stack_symbol`, never a
//! visible property): [`Slot::LazyStack`] with the captured frames until the getter formats
//! them ([`Interp::materialize_stack`]), then the string as data. Both functions find the
//! state on the receiver or up its prototype chain, so `Object.create(err).stack` reads the
//! error's stack and `e.stack = x` replaces it even on a frozen error; redefining `stack` with
//! a value makes it an ordinary data property.

use std::rc::Rc;

use crate::object::{Attrs, Obj, ObjectKind, Prop, PropKey, PropRef, Slot};
use crate::string::JsStr;
use crate::value::Value;

use super::{Abrupt, FrameKind, Interp, JsResult, STACK_TRACE_LIMIT};

/// The message of the RangeError for an exhausted call stack.
const STACK_OVERFLOW: &str = "Maximum call stack size exceeded";

/// The call-stack frames of an error, captured when it was created.
#[derive(Debug)]
pub struct CapturedStack {
    frames: Vec<CapturedFrame>,
    /// `Error.stackTraceLimit` when the frames were captured.
    limit: usize,
}

#[derive(Debug)]
struct CapturedFrame {
    name: JsStr,
    kind: FrameKind,
    source: u32,
    offset: u32,
    /// A main module's top-level code (Node's loader frames follow): `Object.<anonymous>`.
    module_code: bool,
    /// A method call's receiver type and the key the function was found under (V8's
    /// `GetTypeName`/`GetMethodName`), taken at capture.
    type_name: Option<String>,
    method_name: Option<String>,
    /// A constructor run by `new`: `new F`.
    construct: bool,
}

impl Interp {
    /// The top frames of the current call stack (those V8 shows: script frames, named
    /// built-ins and Node's module loader below a main module), cheap to take: names and
    /// positions only, formatted on demand. Enough frames for `STACK_TRACE_LIMIT` lines.
    pub fn capture_frames(&self) -> Rc<CapturedStack> {
        self.capture_frames_limited(self.stack_trace_limit().unwrap_or(STACK_TRACE_LIMIT))
    }

    /// V8's `Error.stackTraceLimit`, read from `%Error%` when a stack is captured: `None`
    /// when it is not a number (V8 then captures no stack: `e.stack` is undefined).
    pub fn stack_trace_limit(&self) -> Option<usize> {
        let ctor = self
            .intrinsics
            .error_prototype
            .get_own_data(&static_key!("constructor"));
        let Some(Value::Object(ctor)) = ctor else {
            return Some(STACK_TRACE_LIMIT);
        };
        match ctor.get_own_data(&static_key!("stackTraceLimit")) {
            Some(Value::Number(n)) if n.is_nan() || n <= 0.0 => Some(0),
            Some(Value::Number(n)) => Some(n.min(1e6) as usize),
            _ => None,
        }
    }

    fn capture_frames_limited(&self, limit: usize) -> Rc<CapturedStack> {
        let mut entries = self
            .stack
            .iter()
            .rev()
            .filter(|e| {
                matches!(
                    e.kind,
                    FrameKind::Js | FrameKind::HostEntry | FrameKind::HostRequire
                ) || !e.name.is_empty()
            })
            .peekable();
        let hooks = self.hooks();
        let entry_lines = hooks.entry_frames().len();
        let require_lines = hooks.require_frames().len();
        let mut frames = Vec::new();
        let mut lines = 0;
        while lines < limit {
            let Some(e) = entries.next() else {
                break;
            };
            let module_code = e.kind == FrameKind::Js
                && !e.next_below
                && entries.peek().is_some_and(|below| {
                    matches!(below.kind, FrameKind::HostEntry | FrameKind::HostRequire)
                        && below.name.is_empty()
                });
            lines += match e.kind {
                FrameKind::HostEntry if e.name.is_empty() => entry_lines,
                FrameKind::HostEntry => e.name.units().iter().filter(|&&u| u == 10).count() + 1,
                FrameKind::HostRequire => require_lines,
                _ => 1,
            };
            let receiver_names = |mc: &crate::interp::MethodCall, name: &JsStr| {
                // V8 names no receiver for a getter or setter run by a property access.
                if self.is_global_receiver(&mc.receiver) || is_accessor_name(name) {
                    return (None, None);
                }
                (
                    Some(self.receiver_type_name(&mc.receiver)),
                    match &mc.called_as {
                        Some(m) => Some(m.to_rust_string()),
                        None => method_name(&mc.receiver, &mc.func),
                    },
                )
            };
            let (type_name, method_name) = match &e.method_call {
                // A main module's wrapper is printed `Object.<anonymous>` whatever its
                // receiver holds (and `module.exports` does not hold the wrapper): its
                // receiver's properties are not searched on every error.
                Some(_) if module_code => (Some("Object".to_string()), None),
                Some(mc) if !e.next_below => receiver_names(mc, &e.name),
                _ => (None, None),
            };
            frames.push(CapturedFrame {
                name: e.name.clone(),
                kind: e.kind,
                source: e.source,
                offset: e.pos.start,
                module_code,
                type_name,
                method_name,
                construct: e.construct,
            });
            // The frame of the `next` call that resumed this generator body, which has no
            // entry of its own (`StackEntry::next_below`).
            if let (Some(name), Some(mc)) = (e.next_below_name(), &e.method_call) {
                if lines >= limit {
                    break;
                }
                lines += 1;
                let (type_name, method_name) = receiver_names(mc, &name);
                frames.push(CapturedFrame {
                    name,
                    kind: FrameKind::Native,
                    source: 0,
                    offset: 0,
                    module_code: false,
                    type_name,
                    method_name,
                    construct: false,
                });
            }
        }
        // V8's async stack trace (`Isolate::CaptureAsyncStackTrace`): from the promise the
        // running microtask will settle, follow the chain of pending promises while each has
        // exactly one reaction, adding `at async f (pos)` for an async function awaiting it and
        // `at async Promise.all (index N)` for a combinator's element.
        let mut promise = match &self.async_resumed {
            Some(co) => crate::interp::generator::async_current_promise(co),
            None => self.reaction_promise.clone(),
        };
        let mut guard = 0;
        while let Some(p) = promise.take() {
            if lines >= limit || guard > 1000 {
                break;
            }
            guard += 1;
            let Some(step) = async_trace_step(&p) else {
                break;
            };
            // An async method awaiting: `at async Type.name`, after the receiver of its call.
            let frame = match (&step.receiver, &step.frame) {
                (Some(r), Some(_)) if !r.is_nullish() && !self.is_global_receiver(r) => {
                    let f = if step.func_name.is_empty() {
                        "<anonymous>"
                    } else {
                        &step.func_name
                    };
                    Some(JsStr::from(format!(
                        "async {}.{f}",
                        self.receiver_type_name(r)
                    )))
                }
                _ => step.frame,
            };
            if let Some(name) = frame {
                let (source, offset, kind) = match step.position {
                    Some((source, offset)) => (source, offset, FrameKind::Js),
                    // A combinator's frame has no position: printed as its name alone.
                    None => (0, 0, FrameKind::HostEntry),
                };
                frames.push(CapturedFrame {
                    name,
                    kind,
                    source,
                    offset,
                    module_code: false,
                    type_name: None,
                    method_name: None,
                    construct: false,
                });
                lines += 1;
            }
            promise = step.next;
        }
        Rc::new(CapturedStack { frames, limit })
    }

    /// `\n    at f (file:line:col)` for each captured frame, as V8 prints them.
    pub fn format_frames(&self, c: &CapturedStack) -> String {
        let mut s = String::new();
        for (l, _) in self.stack_lines(c) {
            s.push_str("\n    at ");
            s.push_str(&l);
        }
        s
    }

    /// Each line of a captured stack (without `    at `), at most `Error.stackTraceLimit`
    /// of them, with what V8's CallSite API tells about it.
    fn stack_lines(&self, c: &CapturedStack) -> Vec<(String, FrameSite)> {
        let hooks = self.hooks();
        let mut lines: Vec<(String, FrameSite)> = Vec::new();
        let host_line = |l: &str| (l.to_string(), FrameSite::of_host_line(l));
        for f in &c.frames {
            let receiver_site = |construct: bool| FrameSite {
                function_name: Some(f.name.to_rust_string()).filter(|n| !n.is_empty()),
                type_name: f.type_name.clone(),
                method_name: f.method_name.clone(),
                construct,
                toplevel: f.type_name.is_none() && !construct,
                ..FrameSite::default()
            };
            match f.kind {
                FrameKind::Js => {}
                FrameKind::Native => {
                    let name = method_call_name(&f.name.to_rust_string(), f);
                    lines.push((format!("{name} (<anonymous>)"), receiver_site(false)));
                    continue;
                }
                FrameKind::NativeConstruct => {
                    lines.push((format!("new {} (<anonymous>)", f.name), receiver_site(true)));
                    continue;
                }
                FrameKind::HostEntry if f.name.is_empty() => {
                    lines.extend(hooks.entry_frames().iter().map(|l| host_line(l)));
                    continue;
                }
                FrameKind::HostEntry => {
                    // A host entry with its own lines (a timer's `listOnTimeout` ...).
                    lines.extend(f.name.to_rust_string().split('\n').map(host_line));
                    continue;
                }
                FrameKind::HostRequire => {
                    lines.extend(hooks.require_frames().iter().map(|l| host_line(l)));
                    continue;
                }
            }
            let (file, line, col, eval) = match self.sources.get(f.source as usize) {
                Some(src) => {
                    let (l, c) = src.line_col(f.offset);
                    (src.name.as_str(), l, c, src.name == "eval")
                }
                None => ("<anonymous>", 0, 0, false),
            };
            let mut site = receiver_site(f.construct);
            site.file = Some(file.to_string());
            site.line = Some(line);
            site.column = Some(col);
            site.eval = eval;
            let text = if f.module_code {
                // The module wrapper runs with `this` = `module.exports`.
                site.function_name = None;
                site.type_name = Some("Object".to_string());
                site.toplevel = false;
                format!("Object.<anonymous> ({file}:{line}:{col})")
            } else if f.name.units() == JsStr::intern("async").units() {
                site.function_name = None;
                site.is_async = true;
                format!("async {file}:{line}:{col}")
            } else if f.construct {
                let name = if f.name.is_empty() {
                    "<anonymous>".to_string()
                } else {
                    f.name.to_rust_string()
                };
                format!("new {name} ({file}:{line}:{col})")
            } else if f.type_name.is_some() {
                let name = method_call_name(&f.name.to_rust_string(), f);
                format!("{name} ({file}:{line}:{col})")
            } else if f.name.is_empty() {
                format!("{file}:{line}:{col}")
            } else {
                let name = f.name.to_rust_string();
                if let Some(rest) = name.strip_prefix("async ") {
                    site.is_async = true;
                    site.toplevel = false;
                    let own = rest.rsplit_once('.').map_or(rest, |(_, f)| f);
                    site.function_name = Some(own.to_string());
                }
                format!("{name} ({file}:{line}:{col})")
            };
            lines.push((text, site));
        }
        lines.truncate(c.limit);
        lines
    }

    /// `Error.prepareStackTrace` when the script replaced Node's default with a function of
    /// its own (read with `\[\[Get\]\]` on `%Error%`, as Node's
    /// `maybeOverridePrepareStackTrace` does).
    fn user_prepare_stack_trace(&mut self) -> JsResult<Option<Value>> {
        let ctor = self.intrinsics.error_ctor.clone();
        let f = self.get(&ctor, &static_key!("prepareStackTrace"))?;
        match &f {
            Value::Object(o)
                if o.is_callable()
                    && !Obj::ptr_eq(o, &self.intrinsics.error_prepare_stack_trace) =>
            {
                Ok(Some(f))
            }
            _ => Ok(None),
        }
    }

    /// The CallSite objects V8 passes to `Error.prepareStackTrace`, one per stack line.
    fn call_site_array(&self, c: &CapturedStack) -> Value {
        init_call_site_prototype(self);
        let proto = self.intrinsics.call_site_prototype.clone();
        let sites = self
            .stack_lines(c)
            .into_iter()
            .map(|(text, site)| Value::Object(site.into_object(&proto, &text)))
            .collect();
        Value::Object(self.new_array(sites))
    }

    /// The frame lines of the current call stack.
    pub fn stack_trace_lines(&self) -> String {
        let c = self.capture_frames();
        self.format_frames(&c)
    }

    /// Gives `o` an own lazily formatted `stack` (the getter/setter pair, non-enumerable,
    /// configurable) with the current call stack's frames, replacing any existing `stack`
    /// property. The caller checks that the property may be replaced.
    pub fn install_lazy_stack(&self, o: &Obj) {
        // A non-number `Error.stackTraceLimit`: V8 captures nothing.
        let Some(limit) = self.stack_trace_limit() else {
            return;
        };
        let frames = self.capture_frames_limited(limit);
        o.put_prop(
            static_key!("stack"),
            Prop {
                slot: Slot::accessor(
                    Some(self.intrinsics.error_stack_get.clone()),
                    Some(self.intrinsics.error_stack_set.clone()),
                ),
                attrs: Attrs::new(false, false, true),
            },
        );
        o.put_prop(
            self.error_stack_key(),
            Prop {
                slot: Slot::LazyStack(frames),
                attrs: Attrs::HIDDEN,
            },
        );
    }

    /// The private key of an error's stack state.
    fn error_stack_key(&self) -> PropKey {
        PropKey::Sym(self.error_stack_symbol.clone())
    }

    /// The object holding the stack state for a `stack` access on `receiver`: the receiver
    /// or the nearest object up its prototype chain that has one.
    fn stack_holder(&self, receiver: &Value) -> Option<Obj> {
        let Value::Object(o) = receiver else {
            return None;
        };
        let key = self.error_stack_key();
        let mut cur = Some(o.clone());
        for _ in 0..100_000 {
            let c = cur?;
            if c.borrow().props.get(&key).is_some() {
                return Some(c);
            }
            cur = c.borrow().proto.clone();
        }
        None
    }

    /// `%ErrorStackGetter%`: the stack, formatted on first read.
    pub(crate) fn error_stack_getter(&mut self, receiver: &Value) -> JsResult<Value> {
        match self.stack_holder(receiver) {
            Some(holder) => {
                let key = self.error_stack_key();
                self.materialize_stack(&holder, &key)
            }
            None => Ok(Value::Undefined),
        }
    }

    /// `%ErrorStackSetter%`: replaces the stack (the accessor stays).
    pub(crate) fn error_stack_setter(&mut self, receiver: &Value, v: Value) {
        if let Some(holder) = self.stack_holder(receiver) {
            self.set_error_stack(&holder, v);
        }
    }

    /// Sets an error's stack to `v`: its private state when it has the `stack` accessor,
    /// else an own data property (for hosts: a trimmed stack, a deserialized error).
    pub fn set_error_stack(&self, o: &Obj, v: Value) {
        let key = self.error_stack_key();
        let has_state = o.borrow().props.get(&key).is_some();
        if has_state {
            o.put_prop(key, Prop::data(v, Attrs::HIDDEN));
        } else {
            o.define("stack", v, Attrs::HIDDEN);
        }
    }

    /// Formats the lazy `stack` found as an own property `key` of `holder` (the object in the
    /// prototype chain that has it) and stores the string in its place. Returns the value of
    /// the property (a data property that is not lazy is returned as is).
    ///
    /// The header is ErrorUtils::ToString(holder): `name` and `message` are read with `\[\[Get\]\]`,
    /// so getters run and may throw (the property then stays lazy, as in V8) or read `stack`
    /// themselves (the first formatting to finish wins, as in V8).
    pub fn materialize_stack(&mut self, holder: &Obj, key: &PropKey) -> JsResult<Value> {
        let frames = match holder.borrow().props.get(key) {
            Some(PropRef {
                slot: Slot::LazyStack(c),
                ..
            }) => c.clone(),
            Some(PropRef {
                slot: Slot::Data(v),
                ..
            }) => return Ok(v.clone()),
            _ => return Ok(Value::Undefined),
        };
        // A script's `Error.prepareStackTrace` formats the stack: its result, whatever it
        // is, becomes the value.
        if let Some(prepare) = self.user_prepare_stack_trace()? {
            let ctor = Value::Object(self.intrinsics.error_ctor.clone());
            let sites = self.call_site_array(&frames);
            let value = self.call(&prepare, &ctor, &[Value::Object(holder.clone()), sites])?;
            return Ok(store_stack(holder, key, &frames, value));
        }
        let header = match crate::builtins::error::error_to_string(self, holder) {
            Ok(h) => h,
            // A getter that reads `stack` again recurses until the stack overflows; V8 then
            // formats that innermost read as `<error: ...>` (not stored) and the reads
            // further out succeed.
            Err(Abrupt::Throw(e)) if self.is_stack_overflow_error(&e) => {
                let text = format!(
                    "<error: RangeError: {STACK_OVERFLOW}>{}",
                    self.format_frames(&frames)
                );
                return Ok(Value::from(text.as_str()));
            }
            Err(e) => return Err(e),
        };
        let text = format!("{header}{}", self.format_frames(&frames));
        Ok(store_stack(
            holder,
            key,
            &frames,
            Value::from(text.as_str()),
        ))
    }

    /// Is `e` the RangeError thrown when the call stack is exhausted?
    pub fn is_stack_overflow_error(&self, e: &Value) -> bool {
        let Value::Object(o) = e else {
            return false;
        };
        let is_range_error = {
            let d = o.borrow();
            matches!(d.kind, ObjectKind::Error)
                && d.proto
                    .as_ref()
                    .is_some_and(|p| Obj::ptr_eq(p, &self.intrinsics.range_error_prototype))
        };
        is_range_error
            && matches!(o.get_own_data(&static_key!("message")),
                Some(Value::String(m)) if m.to_rust_string() == STACK_OVERFLOW)
    }

    /// The own `stack` string of an error object for host output (uncaught-exception reports,
    /// the REPL), formatting it if it is still lazy. `None` if it is absent or not a string,
    /// or if formatting it threw.
    pub fn own_stack_string(&mut self, o: &Obj) -> Option<JsStr> {
        let own = o.get_own_property(&static_key!("stack"))?;
        let v = match own.slot {
            Slot::Data(v) => v,
            Slot::Accessor(a)
                if a.get
                    .as_ref()
                    .is_some_and(|g| Obj::ptr_eq(g, &self.intrinsics.error_stack_get)) =>
            {
                // A throwing `name`/`message` getter: report the error without its stack.
                let key = self.error_stack_key();
                self.materialize_stack(o, &key).ok()?
            }
            _ => return None,
        };
        match v {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Puts the formatted `value` of a lazy stack in place of `frames`, unless a getter run while
/// formatting did so first or replaced the stack (that value wins, as in V8).
fn store_stack(holder: &Obj, key: &PropKey, frames: &Rc<CapturedStack>, value: Value) -> Value {
    let mut d = holder.borrow_mut();
    match d.props.slot_mut(key) {
        Some(slot) => match slot {
            Slot::LazyStack(c) if Rc::ptr_eq(c, frames) => {
                *slot = Slot::Data(value.clone());
                value
            }
            Slot::Data(v) => v.clone(),
            _ => value,
        },
        None => value,
    }
}

/// What V8's CallSite API tells about one stack line.
#[derive(Debug, Clone, Default)]
struct FrameSite {
    function_name: Option<String>,
    type_name: Option<String>,
    method_name: Option<String>,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    construct: bool,
    is_async: bool,
    toplevel: bool,
    eval: bool,
}

/// The slots of a CallSite object (`ObjectKind::Internal`), read by its methods.
const SITE_TEXT: usize = 0;
const SITE_FUNCTION_NAME: usize = 1;
const SITE_TYPE_NAME: usize = 2;
const SITE_METHOD_NAME: usize = 3;
const SITE_FILE: usize = 4;
const SITE_LINE: usize = 5;
const SITE_COLUMN: usize = 6;
const SITE_CONSTRUCT: usize = 7;
const SITE_ASYNC: usize = 8;
const SITE_TOPLEVEL: usize = 9;
const SITE_EVAL: usize = 10;
const SITE_SLOTS: usize = 11;

impl FrameSite {
    /// A host line (`name (file:line:col)`, `file:line:col` or `async Promise.all (index 0)`).
    fn of_host_line(line: &str) -> FrameSite {
        let is_async = line.starts_with("async ");
        match parse_host_frame(line.strip_prefix("async ").unwrap_or(line)) {
            Some(info) => FrameSite {
                function_name: Some(info.function_name).filter(|n| !n.is_empty()),
                file: Some(info.script_name),
                line: Some(info.line),
                column: Some(info.column),
                is_async,
                toplevel: true,
                ..FrameSite::default()
            },
            None => FrameSite {
                is_async,
                ..FrameSite::default()
            },
        }
    }

    fn into_object(self, proto: &Obj, text: &str) -> Obj {
        let string = |s: Option<String>| s.map_or(Value::Null, |s| Value::from(s.as_str()));
        let number = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Number(f64::from(n)));
        let mut slots = vec![Value::Undefined; SITE_SLOTS];
        slots[SITE_TEXT] = Value::from(text);
        slots[SITE_FUNCTION_NAME] = string(self.function_name);
        slots[SITE_TYPE_NAME] = string(self.type_name);
        slots[SITE_METHOD_NAME] = string(self.method_name);
        slots[SITE_FILE] = self
            .file
            .map_or(Value::Undefined, |f| Value::from(f.as_str()));
        slots[SITE_LINE] = number(self.line);
        slots[SITE_COLUMN] = number(self.column);
        slots[SITE_CONSTRUCT] = Value::Bool(self.construct);
        slots[SITE_ASYNC] = Value::Bool(self.is_async);
        slots[SITE_TOPLEVEL] = Value::Bool(self.toplevel);
        slots[SITE_EVAL] = Value::Bool(self.eval);
        Obj::new(Some(proto.clone()), ObjectKind::Internal(slots))
    }
}

/// The CallSite methods in V8's order: each returns one slot, or (100 and up) a constant.
const CALL_SITE_METHODS: &[(&str, u16)] = &[
    ("getColumnNumber", SITE_COLUMN as u16),
    ("getEnclosingColumnNumber", 102),
    ("getEnclosingLineNumber", 102),
    ("getEvalOrigin", 100),
    ("getFileName", SITE_FILE as u16),
    ("getFunction", 100),
    ("getFunctionName", SITE_FUNCTION_NAME as u16),
    ("getLineNumber", SITE_LINE as u16),
    ("getMethodName", SITE_METHOD_NAME as u16),
    ("getPosition", 104),
    ("getPromiseIndex", 102),
    ("getScriptNameOrSourceURL", SITE_FILE as u16),
    ("getScriptHash", 103),
    ("getThis", 100),
    ("getTypeName", SITE_TYPE_NAME as u16),
    ("isAsync", SITE_ASYNC as u16),
    ("isConstructor", SITE_CONSTRUCT as u16),
    ("isEval", SITE_EVAL as u16),
    ("isNative", 101),
    ("isPromiseAll", 101),
    ("isToplevel", SITE_TOPLEVEL as u16),
    ("toString", SITE_TEXT as u16),
];

/// Fills `%CallSite.prototype%` on first use (V8's read-only methods and a `CallSite`
/// constructor that cannot be called).
fn init_call_site_prototype(it: &Interp) {
    let proto = it.intrinsics.call_site_prototype.clone();
    if proto
        .get_own_property(&static_key!("constructor"))
        .is_some()
    {
        return;
    }
    let ctor = it.native_fn("CallSite", 0, |it, _| {
        Err(it.type_error("CallSite objects are made by the stack trace API"))
    });
    ctor.define(
        "prototype",
        Value::Object(proto.clone()),
        Attrs::new(false, false, false),
    );
    proto.define("constructor", Value::Object(ctor), Attrs::HIDDEN);
    for &(name, slot) in CALL_SITE_METHODS {
        let captures = vec![Value::Number(f64::from(slot)), Value::from(name)];
        let f = it.native_fn_with(name, 0, call_site_method, false, captures);
        proto.define(name, Value::Object(f), Attrs::new(false, false, false));
    }
}

/// A CallSite method: the slot its capture names; `getThis`, `getFunction` and
/// `getEvalOrigin` give undefined (V8 does so in strict code), `isNative` and `isPromiseAll`
/// false, the promise index and enclosing positions null, the script hash `''`.
fn call_site_method(it: &mut Interp, a: &crate::interp::Args) -> JsResult<Value> {
    let (slot, name) = match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match (n.captures.first(), n.captures.get(1)) {
            (Some(Value::Number(k)), Some(name)) => (*k as usize, it.to_string_lossy(name)),
            _ => (100, String::new()),
        },
        _ => (100, String::new()),
    };
    let slots = match a.this {
        Value::Object(o)
            if o.proto()
                .is_some_and(|p| Obj::ptr_eq(&p, &it.intrinsics.call_site_prototype)) =>
        {
            match &o.borrow().kind {
                ObjectKind::Internal(v) if v.len() == SITE_SLOTS => Some(v.clone()),
                _ => None,
            }
        }
        _ => None,
    };
    let Some(slots) = slots else {
        return Err(it.type_error(format!(
            "CallSite method {name} expects CallSite as receiver"
        )));
    };
    Ok(match slot {
        100 => Value::Undefined,
        101 => Value::Bool(false),
        102 => Value::Null,
        103 => Value::from(""),
        104 => Value::Number(0.0),
        _ => slots.get(slot).cloned().unwrap_or(Value::Undefined),
    })
}

/// One frame of the call stack as V8's `StackTrace::CurrentStackTrace` reports it (Node's
/// `util.getCallSites()`): the function's own name (not `Type.name`), the script's name and
/// id, and the 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSiteInfo {
    pub function_name: String,
    pub script_name: String,
    /// The engine's index of the source (0 for the host's frames, which have no source).
    pub script_id: u32,
    pub line: u32,
    pub column: u32,
}

impl Interp {
    /// The current call stack's script frames, innermost first, at most `limit`, after
    /// dropping the innermost `skip` script frames (the core-module function asking).
    /// Built-in functions have no script and are left out, as in V8; the host's own lines
    /// (Node's loader below a main module, a timer's `listOnTimeout`) are parsed back into
    /// frames. No async frames: V8's current stack trace has none.
    pub fn call_sites(&self, mut skip: usize, limit: usize) -> Vec<CallSiteInfo> {
        let hooks = self.hooks();
        let mut out = Vec::new();
        let push_line = |out: &mut Vec<CallSiteInfo>, line: &str| {
            if let Some(site) = parse_host_frame(line) {
                out.push(site);
            }
        };
        for e in self.stack.iter().rev() {
            if out.len() >= limit {
                break;
            }
            match e.kind {
                FrameKind::Js => {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let Some(src) = self.sources.get(e.source as usize) else {
                        continue;
                    };
                    let (line, column) = src.line_col(e.pos.start);
                    let mut function_name = e.name.to_rust_string();
                    // Eval code and `new Function` bodies have no script name in V8, and the
                    // latter's function reports itself as `eval`.
                    let script_name = if src.name == "eval" {
                        if function_name == "anonymous" {
                            function_name = "eval".to_string();
                        }
                        String::new()
                    } else {
                        src.name.clone()
                    };
                    out.push(CallSiteInfo {
                        function_name,
                        script_name,
                        script_id: e.source + 1,
                        line,
                        column,
                    });
                }
                FrameKind::Native | FrameKind::NativeConstruct => {}
                FrameKind::HostEntry if e.name.is_empty() => {
                    for l in hooks.entry_frames() {
                        push_line(&mut out, l);
                    }
                }
                FrameKind::HostEntry => {
                    for l in e.name.to_rust_string().split('\n') {
                        push_line(&mut out, l);
                    }
                }
                FrameKind::HostRequire => {
                    for l in hooks.require_frames() {
                        push_line(&mut out, l);
                    }
                }
            }
        }
        out.truncate(limit);
        out
    }
}

/// A host frame line, `name (file:line:col)` or `file:line:col`, as a call site. The name is
/// V8's function name: the part after `Type.`, without ` [as key]`, and empty for the
/// functions Node's loader defines by assignment (`Module.prototype._compile = function`).
fn parse_host_frame(line: &str) -> Option<CallSiteInfo> {
    let line = line.trim().trim_start_matches("at ");
    let (name, location) = match line.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, location)) => (name, location),
        None => ("", line),
    };
    let (rest, column) = location.rsplit_once(':')?;
    let (script, line_no) = rest.rsplit_once(':')?;
    let name = name.split(" [as ").next().unwrap_or(name);
    let function_name = match name {
        "Module._compile" | "Object..js" | "Module.load" | "Module._load" | "Module.require" => "",
        _ if name.starts_with('#') => name,
        _ => name.rsplit_once('.').map_or(name, |(_, f)| f),
    };
    Some(CallSiteInfo {
        function_name: function_name.to_string(),
        script_name: script.to_string(),
        script_id: 0,
        line: line_no.parse().ok()?,
        column: column.parse().ok()?,
    })
}

/// V8's `AppendMethodCall`: `Type.function [as method]`, or `Type.method` /
/// `Type.<anonymous>` for an anonymous function; a plain name when the call had no receiver.
fn method_call_name(function_name: &str, f: &CapturedFrame) -> String {
    let Some(type_name) = f.type_name.as_deref() else {
        return function_name.to_string();
    };
    let mut out = String::new();
    if !function_name.is_empty() {
        // V8 13: the type only before a function name that is an identifier (not `[foo]`,
        // `get x`) and is not the type's own name.
        if !type_name.is_empty() && is_identifier(function_name) && function_name != type_name {
            out.push_str(type_name);
            out.push('.');
        }
        out.push_str(function_name);
        if let Some(m) = f.method_name.as_deref().filter(|m| !m.is_empty()) {
            let ends_with_method = function_name == m
                || function_name.ends_with(&format!(".{m}"))
                || function_name.ends_with(&format!(" {m}"));
            if !ends_with_method {
                out.push_str(" [as ");
                out.push_str(m);
                out.push(']');
            }
        }
    } else {
        if !type_name.is_empty() {
            out.push_str(type_name);
            out.push('.');
        }
        match f.method_name.as_deref().filter(|m| !m.is_empty()) {
            Some(m) => out.push_str(m),
            None => out.push_str("<anonymous>"),
        }
    }
    out
}

/// V8's `String::IsIdentifier`: an IdentifierName (reserved words included).
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(jsgen_syntax::lexer::is_id_start)
        && chars.all(jsgen_syntax::lexer::is_id_continue)
}

/// V8's `CallSiteInfo::GetMethodName`: the key under which `func` is found on the receiver
/// or its prototypes (its own name first, with a `get `/`set ` prefix stripped); none when two
/// different keys hold it. Reads properties without running code.
fn method_name(receiver: &Value, func: &Obj) -> Option<String> {
    let Value::Object(start) = receiver else {
        return None;
    };
    let holds = |o: &Obj, key: &PropKey| match o.get_own_property(key).map(|p| p.slot) {
        Some(Slot::Data(Value::Object(v))) => Obj::ptr_eq(&v, func),
        Some(Slot::Accessor(a)) => {
            a.get.as_ref().is_some_and(|g| Obj::ptr_eq(g, func))
                || a.set.as_ref().is_some_and(|s| Obj::ptr_eq(s, func))
        }
        _ => false,
    };
    let own_name = crate::builtins::object::function_debug_name(func);
    let stripped = own_name
        .strip_prefix("get ")
        .or_else(|| own_name.strip_prefix("set "))
        .unwrap_or(&own_name)
        .to_string();
    if !stripped.is_empty() {
        let key = PropKey::from_name(&stripped);
        let mut cur = Some(start.clone());
        let mut depth = 0;
        while let Some(o) = cur {
            if o.get_own_property(&key).is_some() {
                if holds(&o, &key) {
                    return Some(stripped);
                }
                break;
            }
            depth += 1;
            if depth > 1000 || o.is_proxy() {
                break;
            }
            cur = o.proto();
        }
    }
    // Every string-keyed property of the chain, read in place (no key list, no value
    // clones): an index or an exotic own property (`length`) never names a method.
    let slot_holds = |slot: &Slot| match slot {
        Slot::Data(Value::Object(v)) => Obj::ptr_eq(v, func),
        Slot::Accessor(a) => {
            a.get.as_ref().is_some_and(|g| Obj::ptr_eq(g, func))
                || a.set.as_ref().is_some_and(|s| Obj::ptr_eq(s, func))
        }
        _ => false,
    };
    let mut found: Option<JsStr> = None;
    let mut cur = Some(start.clone());
    let mut depth = 0;
    while let Some(o) = cur {
        let d = o.borrow();
        if matches!(d.kind, ObjectKind::Proxy(_)) || depth > 1000 {
            break;
        }
        for (key, p) in d.props.iter() {
            if let (PropKey::Str(s), true) = (key, slot_holds(p.slot)) {
                if found.as_ref().is_some_and(|f| f.units() != s.units()) {
                    return None;
                }
                found = Some(s.clone());
            }
        }
        depth += 1;
        cur = d.proto.clone();
    }
    found.map(|s| s.to_rust_string())
}

impl Interp {
    /// V8's `IsToplevel`: a call whose receiver is the global object names no type.
    fn is_global_receiver(&self, v: &Value) -> bool {
        matches!(v, Value::Object(o) if Obj::ptr_eq(o, &self.global))
    }

    /// V8's `CallSiteInfo::GetTypeName` (`JSReceiver::GetConstructorName`), without running
    /// code: a generator object is named after its function; else the first `Symbol.toStringTag`
    /// string or `constructor` function name (other than `Object`) up the prototype chain
    /// (`constructor` from the prototype on); else the class name (`Object`, `Array`, ...).
    fn receiver_type_name(&self, v: &Value) -> String {
        let o = match v {
            Value::Object(o) => o.clone(),
            Value::String(_) => return "String".into(),
            Value::Number(_) => return "Number".into(),
            Value::Bool(_) => return "Boolean".into(),
            Value::BigInt(_) => return "BigInt".into(),
            Value::Symbol(_) => return "Symbol".into(),
            _ => return String::new(),
        };
        if o.is_proxy() {
            return "Proxy".into();
        }
        // A function receiver (a static method's class, `F.m()`): its own name, when it has
        // one (V8 13's `CallSiteInfo::GetTypeName`).
        if o.is_callable() {
            let name = crate::builtins::object::function_debug_name(&o);
            if !name.is_empty() {
                return name;
            }
        }
        // V8's map constructor: a generator object's is its function, named by its
        // SharedFunctionInfo; a computed key (`*[Symbol.iterator]()`) or an anonymous function
        // gives it no name, and the `Symbol.toStringTag` below names it (`Generator`,
        // `AsyncGenerator`). An iterator helper's and an `Iterator.from` wrapper's is `Iterator`.
        let generator_fn = match &o.borrow().kind {
            ObjectKind::Generator(g) => Some(g.code.func_obj.clone()),
            ObjectKind::Async(a) if a.func.is_generator => Some(a.func_obj.clone()),
            ObjectKind::IteratorHelper(_) | ObjectKind::WrapForValidIterator(_) => {
                return "Iterator".into()
            }
            _ => None,
        };
        if let Some(f) = generator_fn {
            let name = crate::builtins::object::function_debug_name(&f);
            if !name.is_empty() && !name.starts_with('[') {
                return name;
            }
        }
        // V8's class name for the iterator `for await` wraps around a sync one.
        if o.proto()
            .is_some_and(|p| Obj::ptr_eq(&p, &self.intrinsics.async_from_sync_iterator_prototype))
        {
            return "Async-from-Sync Iterator".into();
        }
        let intl = matches!(o.borrow().kind, ObjectKind::Intl(_));
        let tag = PropKey::Sym(self.symbols.to_string_tag.clone());
        let ctor_key = static_key!("constructor");
        let mut cur = Some(o.clone());
        let mut depth = 0;
        while let Some(c) = cur {
            if c.is_proxy() || depth > 1000 {
                break;
            }
            if let Some(Value::String(s)) = c.get_own_data(&tag) {
                let s = s.to_rust_string();
                // An `Intl` service object made by its own constructor: V8 reads the name
                // of its map's constructor (`ListFormat.format`), not the tag
                // (`Intl.ListFormat`).
                if intl {
                    if let Some(name) = s.strip_prefix("Intl.") {
                        return name.to_string();
                    }
                }
                return s;
            }
            if !Obj::ptr_eq(&c, &o) {
                if let Some(Value::Object(f)) = c.get_own_data(&ctor_key) {
                    if f.is_callable() {
                        let name = crate::builtins::object::function_debug_name(&f);
                        if !name.is_empty() && name != "Object" {
                            return name;
                        }
                    }
                }
            }
            depth += 1;
            cur = c.proto();
        }
        crate::builtins::object::class_name(&o).to_string()
    }
}

/// `get x` / `set x`: the name V8 gives an accessor function.
fn is_accessor_name(name: &JsStr) -> bool {
    let n = name.units();
    n.len() > 4 && (n.starts_with(&[103, 101, 116, 32]) || n.starts_with(&[115, 101, 116, 32]))
}

/// One step of V8's async stack trace walk from a pending promise.
struct AsyncTraceStep {
    /// The frame to add (`async f`, `async Promise.all (index N)`), if any.
    frame: Option<JsStr>,
    /// Where an awaiting async function is suspended.
    position: Option<(u32, u32)>,
    /// The promise to continue from.
    next: Option<Obj>,
    /// An awaiting async function's name and the receiver it was called on.
    func_name: String,
    receiver: Option<Value>,
}

/// The step V8 takes from `promise`: it must be pending with exactly one reaction. An await
/// continuation names the async function (then its own promise); a combinator element names
/// the combinator and its index (then the combinator's promise); a resolving function or a
/// `then` reaction passes on to the promise it settles.
fn async_trace_step(promise: &Obj) -> Option<AsyncTraceStep> {
    use crate::interp::jobs::{Capability, Handler, PromiseState};
    let d = promise.borrow();
    let ObjectKind::Promise(pd) = &d.kind else {
        return None;
    };
    if !matches!(pd.state, PromiseState::Pending) || pd.reactions.len() != 1 {
        return None;
    }
    let pair = &pd.reactions[0];
    if let Handler::Await(co) = &pair.on_fulfilled {
        let (name, at, receiver) = match &co.borrow().kind {
            ObjectKind::Async(ad) => (
                crate::builtins::object::function_debug_name(&ad.func_obj),
                ad.suspended_at,
                ad.method_call.as_ref().map(|m| m.receiver.clone()),
            ),
            _ => return None,
        };
        return Some(AsyncTraceStep {
            // An anonymous async function prints as `at async file:line:col`.
            frame: Some(JsStr::from(format!("async {name}").trim_end())),
            position: Some(at?),
            next: crate::interp::generator::async_current_promise(co),
            func_name: name,
            receiver,
        });
    }
    let reject = Some(&pair.on_rejected);
    let element = match (&pair.on_fulfilled, reject) {
        (Handler::Js(Value::Object(f)), _)
            if crate::builtins::promise::combinator_element(f, false).is_some() =>
        {
            crate::builtins::promise::combinator_element(f, false)
        }
        (_, Some(Handler::Js(Value::Object(f)))) => {
            crate::builtins::promise::combinator_element(f, true)
        }
        _ => None,
    };
    if let Some(e) = element {
        return Some(AsyncTraceStep {
            frame: Some(JsStr::from(
                format!("async {} (index {})", e.combinator, e.index).as_str(),
            )),
            position: None,
            next: e.promise,
            func_name: String::new(),
            receiver: None,
        });
    }
    if let Handler::Js(Value::Object(f)) = &pair.on_fulfilled {
        if let Some(p) = crate::interp::jobs::resolving_function_promise(f) {
            return Some(AsyncTraceStep {
                frame: None,
                position: None,
                next: Some(p),
                func_name: String::new(),
                receiver: None,
            });
        }
    }
    let next = match &pair.capability {
        Some(Capability::Native(p)) => Some(p.clone()),
        Some(Capability::Generic(g)) => g.promise.as_object().cloned(),
        _ => None,
    };
    Some(AsyncTraceStep {
        frame: None,
        position: None,
        next: Some(next?),
        func_name: String::new(),
        receiver: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::interp::Interp;
    use crate::object::Slot;
    use crate::value::Value;

    /// Runs `src` and returns its completion value as a string.
    fn run(src: &str) -> String {
        let mut it = Interp::new();
        match it.run_script("t", src) {
            Ok(v) => it.to_string_lossy(&v),
            Err(e) => format!("error: {e:?}"),
        }
    }

    /// The first line of `expr.stack`.
    fn header(setup: &str, expr: &str) -> String {
        run(&format!("{setup}; String({expr}.stack).split('\\n')[0]"))
    }

    #[test]
    fn header_uses_name_and_message_at_first_read() {
        let class = "class V extends Error { constructor(m) { super(m); this.name = 'V'; } }";
        assert_eq!(header(class, "new V('bad')"), "V: bad");
        assert_eq!(
            header("var e = new Error('a'); e.message = 'b'", "e"),
            "Error: b"
        );
        // Fixed once read.
        assert_eq!(
            header("var e = new Error('a'); e.stack; e.message = 'b'", "e"),
            "Error: a"
        );
        assert_eq!(
            header(
                "class P extends Error {}; P.prototype.name = 'PN'",
                "new P('m')"
            ),
            "PN: m"
        );
        assert_eq!(header("var e = new Error('m'); e.name = ''", "e"), "m");
        assert_eq!(
            header("var e = new Error('m'); e.name = undefined", "e"),
            "Error: m"
        );
        assert_eq!(
            header("var e = new Error('m'); e.message = ''", "e"),
            "Error"
        );
        // Internal errors too.
        assert_eq!(
            header(
                "var e; try { null.x } catch (x) { e = x; e.name = 'N' }",
                "e"
            ),
            "N: Cannot read properties of null (reading 'x')"
        );
        // Error.prototype.toString is not consulted.
        assert_eq!(
            header("Error.prototype.toString = () => 'X'", "new Error('m')"),
            "Error: m"
        );
    }

    #[test]
    fn what_formats_the_stack_and_what_does_not() {
        // Node 24 (V8 13.6): reading `stack` formats it (also through a prototype), and so
        // does freezing; attribute-only operations, including reading the accessor's
        // descriptor, do not.
        let t = |op: &str| {
            header(
                &format!("var e = new Error('orig'); {op}; e.message = 'changed'"),
                "e",
            )
        };
        for op in ["e.stack", "Object.freeze(e)", "Object.create(e).stack"] {
            assert_eq!(t(op), "Error: orig", "{op}");
        }
        for op in [
            "Object.getOwnPropertyDescriptor(e, 'stack')",
            "Object.defineProperty(e, 'stack', {})",
            "Object.keys(e)",
            "({...e})",
            "Object.assign({}, e)",
            "e.hasOwnProperty('stack')",
            "Object.hasOwn(e, 'stack')",
            "e.propertyIsEnumerable('stack')",
            "JSON.stringify(e)",
            "Object.seal(e)",
            "Object.isFrozen(e)",
            "'stack' in e",
            "Object.getOwnPropertyNames(e)",
            "for (var k in e);",
        ] {
            assert_eq!(t(op), "Error: changed", "{op}");
        }
    }

    #[test]
    fn is_an_accessor_pair_shared_by_all_errors() {
        assert_eq!(
            run(
                "var d = Object.getOwnPropertyDescriptor(new Error('x'), 'stack'); \
                 [typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d, \
                  d.get === Object.getOwnPropertyDescriptor(new TypeError('y'), 'stack').get].join()"
            ),
            "function,function,false,true,false,true"
        );
        assert_eq!(
            run("Object.getOwnPropertyNames(new Error('x', {cause: 1})).join()"),
            "stack,message,cause"
        );
        assert_eq!(
            run("var e; try { null.x } catch (x) { e = x } Object.getOwnPropertyNames(e).join()"),
            "stack,message"
        );
        // The setter replaces the stack and the accessor stays; delete removes it.
        assert_eq!(
            run("var e = new Error('a'); e.stack = 's'; e.message = 'b'; \
                 e.stack + typeof Object.getOwnPropertyDescriptor(e, 'stack').get"),
            "sfunction"
        );
        assert_eq!(
            run("var e = new Error('a'); delete e.stack; String(e.stack)"),
            "undefined"
        );
        // Through the prototype chain: reads and writes reach the error's own state.
        assert_eq!(
            run(
                "var e = new Error('a'); var c = Object.create(e); c.stack = 'child'; \
                 [Object.getOwnPropertyNames(c).length, e.stack].join()"
            ),
            "0,child"
        );
        // A frozen error's stack can still be replaced (the state is not a property).
        assert_eq!(
            run("var e = Object.freeze(new Error('a')); e.stack = 'z'; e.stack"),
            "z"
        );
        // On an object without a stack the pair does nothing.
        assert_eq!(
            run(
                "var d = Object.getOwnPropertyDescriptor(new Error('x'), 'stack'); var o = {}; \
                 d.set.call(o, 5); [String(d.get.call(o)), Object.keys(o).length].join()"
            ),
            "undefined,0"
        );
        // Redefining it with a value makes an ordinary data property.
        assert_eq!(
            run(
                "var e = new Error('a'); Object.defineProperty(e, 'stack', { value: 1 }); \
                 var d = Object.getOwnPropertyDescriptor(e, 'stack'); [d.value, d.writable].join()"
            ),
            "1,false"
        );
    }

    #[test]
    fn state_is_formatted_once_behind_the_accessor() {
        let mut it = Interp::new();
        it.run_script("t", "var e = new TypeError('x')").unwrap();
        let g = it.global.clone();
        let Value::Object(e) = it.get(&g, &static_key!("e")).unwrap() else {
            panic!("not an object");
        };
        let key = it.error_stack_key();
        let is_lazy = |e: &crate::object::Obj| {
            matches!(
                e.get_own_property(&key).map(|p| p.slot),
                Some(Slot::LazyStack(_))
            )
        };
        assert!(is_lazy(&e));
        // `stack` is the accessor pair; reading attributes formats nothing.
        assert!(e.get_own_data(&static_key!("stack")).is_none());
        assert!(is_lazy(&e));
        let s = it.own_stack_string(&e).unwrap();
        assert!(s.to_rust_string().starts_with("TypeError: x\n    at "));
        assert!(!is_lazy(&e));
        assert!(e.get_own_data(&key).is_some());
    }
}
