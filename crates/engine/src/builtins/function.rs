//! `Function`: the constructor (built on indirect eval of a synthesized function expression),
//! `Function.prototype` (`call`, `apply`, `bind`, `toString`, `[Symbol.hasInstance]`) and
//! %ThrowTypeError%.

use crate::interp::function::BoundFunction;
use crate::interp::{Args, Interp, JsResult, StackEntry};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let proto = it.intrinsics.function_prototype.clone();
    // Function.prototype is itself a function: name "" and length 0.
    proto.define("length", Value::from(0.0), Attrs::CONFIGURABLE_ONLY);
    proto.define("name", Value::from(""), Attrs::CONFIGURABLE_ONLY);

    // %ThrowTypeError%: non-extensible, `length` and `name` non-configurable.
    let tte = it.native_fn("", 0, throw_type_error);
    tte.define("length", Value::from(0.0), Attrs::NONE);
    tte.define("name", Value::from(""), Attrs::NONE);
    tte.borrow_mut().extensible = false;
    it.intrinsics.throw_type_error = tte.clone();
    // AddRestrictedFunctionProperties(%Function.prototype%).
    proto.define_accessor(
        "arguments",
        Some(tte.clone()),
        Some(tte.clone()),
        Attrs::CONFIGURABLE_ONLY,
    );
    proto.define_accessor(
        "caller",
        Some(tte.clone()),
        Some(tte),
        Attrs::CONFIGURABLE_ONLY,
    );

    let ctor = it.native_fn_with("Function", 1, function_constructor, true, Vec::new());
    super::link_ctor_proto(&ctor, &proto);

    let apply = it.define_method_obj(&proto, "apply", 2, function_proto_apply);
    it.mark_frameless(&apply);
    it.define_method(&proto, "bind", 1, function_proto_bind);
    let call = it.define_method_obj(&proto, "call", 1, function_proto_call);
    it.mark_frameless(&call);
    it.define_method(&proto, "toString", 0, function_proto_to_string);
    let hi = it.native_fn("[Symbol.hasInstance]", 1, function_proto_has_instance);
    proto.define(
        PropKey::Sym(it.symbols.has_instance.clone()),
        Value::Object(hi),
        Attrs::NONE,
    );

    it.intrinsics.function_ctor = ctor.clone();
    super::define_global(it, "Function", Value::Object(ctor));
}

fn throw_type_error(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    Err(it.type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    ))
}

/// Function(p1, ..., pn, body).
fn function_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_dynamic_function(it, a, DynamicKind::Normal)
}

/// The kind of function CreateDynamicFunction makes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DynamicKind {
    Normal,
    Generator,
    Async,
    AsyncGenerator,
}

/// CreateDynamicFunction(constructor, newTarget, kind, parameterArgs, bodyArg), for
/// `Function`, %GeneratorFunction%, %AsyncFunction% and %AsyncGeneratorFunction%.
pub fn create_dynamic_function(it: &mut Interp, a: &Args, kind: DynamicKind) -> JsResult<Value> {
    // Steps 8-13: P is the parameters joined by ",", bodyString is "\n" + body + "\n".
    let (params, body) = match a.args.split_last() {
        None => (Vec::new(), JsStr::empty()),
        Some((body, params)) => {
            let mut ps = Vec::new();
            for p in params {
                ps.push(it.to_string(p)?.to_rust_string());
            }
            (ps, it.to_string(body)?)
        }
    };
    let body = body.to_rust_string();
    // Parameters and body are checked separately, so neither can close the other early.
    // sourceText: prefix " anonymous(" P "\n) {" bodyString "}".
    let prefix = match kind {
        DynamicKind::Normal => "function",
        DynamicKind::Generator => "function*",
        DynamicKind::Async => "async function",
        DynamicKind::AsyncGenerator => "async function*",
    };
    for p in &params {
        balanced("", p).map_err(|m| it.syntax_error(m))?;
    }
    // The body in its function's context (`yield` and `await` are keywords there).
    balanced(&format!("{prefix} anonymous(\n) {{\n"), &body).map_err(|m| it.syntax_error(m))?;
    let source_text = format!(
        "{prefix} anonymous({}\n) {{\n{}\n}}",
        params.join(","),
        body
    );
    let wrapped = format!("({source_text})");
    // Register the text so the new function's `toString` and stack traces can find it.
    let src = it.add_source("anonymous", &wrapped);
    it.stack.push(StackEntry {
        method_call: None,
        construct: false,
        next_below: false,
        name: JsStr::intern("anonymous"),
        pos: Default::default(),
        source: src,
        kind: crate::interp::FrameKind::Js,
    });
    let r = it.eval_dynamic_function(&wrapped);
    it.stack.pop();
    let f = r?;
    let Value::Object(fo) = &f else {
        return Err(it.syntax_error("Function constructor failed"));
    };
    // SetFunctionName(F, "anonymous") (also the name stack traces show).
    fo.define("name", Value::from("anonymous"), Attrs::CONFIGURABLE_ONLY);
    if let ObjectKind::Closure(c) = &mut fo.borrow_mut().kind {
        c.name = JsStr::intern("anonymous");
    }
    // GetPrototypeFromConstructor(newTarget, fallbackProto): a subclass gets its own
    // prototype.
    if let Some(nt) = a.new_target {
        if !Obj::ptr_eq(nt, a.callee) {
            let proto = it.get_prototype_from_constructor(nt, |i| match kind {
                DynamicKind::Normal => i.function_prototype.clone(),
                DynamicKind::Generator => i.generator_function_prototype.clone(),
                DynamicKind::Async => i.async_function_prototype.clone(),
                DynamicKind::AsyncGenerator => i.async_generator_function_prototype.clone(),
            })?;
            fo.borrow_mut().proto = Some(proto);
        }
    }
    Ok(f)
}

/// A check that a dynamic-function part, tokenized on its own, ends outside any comment,
/// string or template and closes no bracket it did not open, so it cannot escape its place
/// in the wrapper (`'a /*'` and `'*/ ) {'`, or a body of `}); f(); (function () {`). Tokens
/// rather than characters: a `}` in a regular expression literal (`/[}]/`) or a template's
/// `${...}` is no bracket. `context` is text tokenized before the part (the function's head
/// for a body), whose brackets the part may not close.
fn balanced(context: &str, part: &str) -> Result<(), String> {
    use jsgen_syntax::lexer::{tokenize, Tok};
    let text = format!("{context}{part}");
    let (tokens, err) = tokenize(&text, false);
    if let Some(e) = err {
        return Err(e.message);
    }
    let mut depth: i64 = 0;
    let mut base = 0;
    for t in &tokens {
        if (t.start as usize) < context.len() {
            base += match &t.tok {
                Tok::LParen | Tok::LBracket | Tok::LBrace => 1,
                Tok::RParen | Tok::RBracket | Tok::RBrace => -1,
                _ => 0,
            };
            depth = base;
            continue;
        }
        match &t.tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::ArrowLBrace | Tok::TemplateHead(_) => {
                depth += 1
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::TemplateTail(_) => {
                depth -= 1;
                if depth < base {
                    let c = match &t.tok {
                        Tok::RParen => ')',
                        Tok::RBracket => ']',
                        _ => '}',
                    };
                    return Err(format!("Unexpected token '{c}'"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// "a number", "an object", ... for V8's messages.
fn type_phrase(v: &Value) -> String {
    crate::builtins::reflect::article_type(v)
}

/// Function.prototype.apply(thisArg, argArray).
fn function_proto_apply(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. If IsCallable(func) is false, throw a TypeError exception.
    if !it.is_callable(a.this) {
        let s = crate::builtins::object::no_side_effects_to_string(it, a.this);
        return Err(it.type_error(format!(
            "Function.prototype.apply was called on {s}, which is {} and not a function",
            type_phrase(a.this)
        )));
    }
    let arg_array = a.get(1);
    // 3. If argArray is undefined or null, return ? Call(func, thisArg).
    if arg_array.is_nullish() {
        return it.call(a.this, &a.get(0), &[]);
    }
    // 4. Let argList be ? CreateListFromArrayLike(argArray).
    let args = it.argument_list_from_array_like(&arg_array, crate::interp::MAX_CALL_ARGS)?;
    it.call(a.this, &a.get(0), &args)
}

/// Function.prototype.call(thisArg, ...args).
fn function_proto_call(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !it.is_callable(a.this) {
        let s = crate::interp::brief::brief(it, a.this);
        return Err(it.type_error(format!("{s} is not a function")));
    }
    let rest = if a.args.is_empty() {
        &[][..]
    } else {
        &a.args[1..]
    };
    it.call(a.this, &a.get(0), rest)
}

/// Most arguments `bind` accepts before V8's "Too many arguments in function call".
const MAX_BOUND_ARGS: usize = 65_525;

/// Function.prototype.bind(thisArg, ...args).
fn function_proto_bind(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1-2. If IsCallable(Target) is false, throw a TypeError exception.
    let Some(target) = a.this.as_object().filter(|o| o.is_callable()).cloned() else {
        return Err(it.type_error("Bind must be called on a function"));
    };
    // V8 limits the bound arguments (the count Node accepts: 65 525).
    if a.args.len() > MAX_BOUND_ARGS + 1 {
        return Err(it.range_error("Too many arguments in function call (only 65535 allowed)"));
    }
    let bound_args: Vec<Value> = a.args.iter().skip(1).cloned().collect();
    let arg_count = bound_args.len() as f64;
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args): [[Prototype]] is the target's.
    let proto = it.get_prototype_of(&target)?;
    let f = Obj::new(
        proto,
        ObjectKind::Bound(Box::new(BoundFunction {
            target: target.clone(),
            this: a.get(0),
            args: bound_args,
        })),
    );
    // 4-6. L: from the target's own `length` if it is a Number.
    let mut len = 0.0;
    let lk = static_key!("length");
    if it.get_own_property(&target, &lk)?.is_some() {
        let tl = it.get(&target, &lk)?;
        if let Value::Number(n) = tl {
            if n == f64::INFINITY {
                len = f64::INFINITY;
            } else if n != f64::NEG_INFINITY {
                let n = crate::value::to_integer_or_infinity(n);
                len = (n - arg_count).max(0.0);
            }
        }
    }
    // 7. Perform ! SetFunctionLength(F, L).
    f.define("length", Value::from(len), Attrs::CONFIGURABLE_ONLY);
    // 8-10. SetFunctionName(F, targetName, "bound").
    let name = match it.get(&target, &static_key!("name"))? {
        Value::String(s) => s,
        _ => JsStr::empty(),
    };
    let bound_name = JsStr::from("bound ").concat(&name);
    f.define("name", Value::String(bound_name), Attrs::CONFIGURABLE_ONLY);
    Ok(Value::Object(f))
}

/// Function.prototype.toString().
fn function_proto_to_string(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(o) = a.this.as_object().filter(|o| o.is_callable()).cloned() else {
        return Err(it.type_error("Function.prototype.toString requires that 'this' be a Function"));
    };
    let text = function_source_text(it, &o);
    Ok(Value::from(text.as_str()))
}

/// The source text of a function as `Function.prototype.toString` gives it.
pub fn function_source_text(it: &Interp, o: &Obj) -> String {
    let d = o.borrow();
    match &d.kind {
        ObjectKind::Closure(c) => {
            let span = c.class_span.unwrap_or(c.func.span);
            if let Some(src) = it.sources.get(c.source as usize) {
                if let Some(t) = src.text.get(span.start as usize..span.end as usize) {
                    if !t.is_empty() {
                        return t.to_string();
                    }
                }
            }
            native_function_text(&c.name.to_string())
        }
        ObjectKind::Native(n) => native_function_text(&n.name.to_string()),
        _ => "function () { [native code] }".to_string(),
    }
}

/// `function NAME() { [native code] }`, where NAME must be a NativeFunction's optional
/// `get`/`set` and PropertyName (ECMA-262 Function.prototype.toString). A name that is
/// not an IdentifierName (the legacy RegExp statics' `get $&`, `get $'`) is written as a
/// computed name holding a string literal (`["$&"]`), as symbol-named functions are
/// written computed (`[Symbol.iterator]`); V8 writes
/// `get $&`, which is not NativeFunction syntax.
fn native_function_text(name: &str) -> String {
    let (accessor, prop) = match name.split_once(' ') {
        Some((a @ ("get" | "set"), rest)) => (Some(a), rest),
        _ => (None, name),
    };
    let mut chars = prop.chars();
    let is_identifier_name = match chars.next() {
        None => true,
        Some(c) => {
            jsgen_syntax::lexer::is_id_start(c) && chars.all(jsgen_syntax::lexer::is_id_continue)
        }
    };
    if is_identifier_name || prop.starts_with('[') {
        return format!("function {name}() {{ [native code] }}");
    }
    let quoted = prop.replace('\\', "\\\\").replace('"', "\\\"");
    match accessor {
        Some(a) => format!("function {a} [\"{quoted}\"]() {{ [native code] }}"),
        None => format!("function [\"{quoted}\"]() {{ [native code] }}"),
    }
}

/// Function.prototype[@@hasInstance](V).
fn function_proto_has_instance(it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(Value::Bool(it.ordinary_has_instance(a.this, &a.get(0))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_function_text_is_native_function_syntax() {
        assert_eq!(
            native_function_text("map"),
            "function map() { [native code] }"
        );
        assert_eq!(
            native_function_text("get size"),
            "function get size() { [native code] }"
        );
        assert_eq!(native_function_text(""), "function () { [native code] }");
        assert_eq!(
            native_function_text("[Symbol.iterator]"),
            "function [Symbol.iterator]() { [native code] }"
        );
        assert_eq!(
            native_function_text("get [Symbol.species]"),
            "function get [Symbol.species]() { [native code] }"
        );
        assert_eq!(
            native_function_text("get $1"),
            "function get $1() { [native code] }"
        );
        assert_eq!(
            native_function_text("get $&"),
            r#"function get ["$&"]() { [native code] }"#
        );
        assert_eq!(
            native_function_text("set $'"),
            r#"function set ["$'"]() { [native code] }"#
        );
        assert_eq!(
            native_function_text("a\"b"),
            r#"function ["a\"b"]() { [native code] }"#
        );
    }

    #[test]
    fn bind_name_and_length() {
        let mut it = Interp::new();
        let g = it.global.clone();
        let object = it.get(&g, &static_key!("Object")).unwrap();
        let keys = it.get_v(&object, &static_key!("keys")).unwrap();
        let bind = it.get_v(&keys, &static_key!("bind")).unwrap();
        let b = it
            .call(&bind, &keys, &[Value::Null, Value::from(1.0)])
            .unwrap();
        let name = it.get_v(&b, &static_key!("name")).unwrap();
        assert!(name.strict_equals(&Value::from("bound keys")));
        let len = it.get_v(&b, &static_key!("length")).unwrap();
        assert!(len.strict_equals(&Value::from(0.0)));
        let ts = it.get_v(&b, &static_key!("toString")).unwrap();
        let s = it.call(&ts, &keys, &[]).unwrap();
        assert!(s.strict_equals(&Value::from("function keys() { [native code] }")));
        assert!(it.call(&bind, &Value::from(1.0), &[]).is_err());
    }

    #[test]
    fn call_and_apply() {
        let mut it = Interp::new();
        let op = Value::Object(it.intrinsics.object_prototype.clone());
        let ts = it.get_v(&op, &static_key!("toString")).unwrap();
        let call = it.get_v(&ts, &static_key!("call")).unwrap();
        let arr = Value::Object(it.new_array(vec![]));
        let r = it.call(&call, &ts, std::slice::from_ref(&arr)).unwrap();
        assert!(r.strict_equals(&Value::from("[object Array]")));
        let apply = it.get_v(&ts, &static_key!("apply")).unwrap();
        let r = it
            .call(&apply, &ts, &[Value::Null, Value::Undefined])
            .unwrap();
        assert!(r.strict_equals(&Value::from("[object Null]")));
    }

    #[test]
    fn balanced_parts() {
        let body = "function anonymous(\n) {\n";
        assert!(balanced(body, "return a + b").is_ok());
        assert!(balanced(body, "return '}'").is_ok());
        assert!(balanced(body, "}), (function(){").is_err());
        assert!(balanced("", "a = {}").is_ok());
        assert!(balanced("", "a) {").is_err());
        // Regular expressions and template substitutions hold no brackets.
        assert!(balanced(body, "var r = /[}]/g, s = /\\}/; return r").is_ok());
        assert!(balanced(body, "return `${a}}`").is_ok());
        assert!(balanced(
            "async function anonymous(\n) {\n",
            "return await /]/.test(x)"
        )
        .is_ok());
        assert!(balanced("function* anonymous(\n) {\n", "yield /[}]/").is_ok());
        // A part may not end inside a comment, string or template.
        assert!(balanced("", "a /*").is_err());
        assert!(balanced(body, "return '").is_err());
    }
}
