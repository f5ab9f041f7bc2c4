//! A short description of a value for error messages, computed without calling script
//! code (the part of V8's `NoSideEffectsToString` that its `TypeError`s show: `"str"`,
//! `function f`, `class C`, `#<Object>`).

use crate::interp::Interp;
use crate::object::ObjectKind;
use crate::value::Value;

/// A short description of a value for error messages (never calls user code).
pub fn brief(it: &Interp, v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", s),
        Value::Object(o) => {
            if o.is_callable() {
                let name = match o.get_own_data(&static_key!("name")) {
                    Some(Value::String(s)) if !s.is_empty() => s.to_rust_string(),
                    _ => "anonymous".into(),
                };
                if matches!(o.borrow().kind, ObjectKind::Closure(ref c) if c.is_class_constructor())
                {
                    return format!("class {name}");
                }
                return format!("function {name}");
            }
            if o.is_array() {
                return "object".into();
            }
            "#<Object>".into()
        }
        other => it.to_string_lossy(other),
    }
}
