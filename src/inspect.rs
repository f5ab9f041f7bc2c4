//! Value formatting as Node's `util.inspect` does it (first version; see issue on console
//! fidelity), and `console.log`'s argument formatting.

use crate::interp::{Interp, JsResult};
use crate::object::{Obj, ObjectKind, PropKey, Slot};
use crate::value::{number_to_string, Value};

/// A short description of a value for error messages (never calls user code).
pub fn brief(_it: &Interp, v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", s),
        Value::Object(o) => {
            if o.is_callable() {
                let name = match o.get_own_data(&PropKey::from("name")) {
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
        other => _it.to_string_lossy(other),
    }
}

/// `console.log(a, b, ...)`: format specifiers in a leading string, others inspected.
pub fn format_log_args(it: &mut Interp, args: &[Value]) -> JsResult<String> {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match a {
            Value::String(s) => out.push_str(&s.to_rust_string()),
            v => out.push_str(&inspect(it, v)?),
        }
    }
    Ok(out)
}

/// `util.inspect(v)` with Node's defaults.
pub fn inspect(it: &mut Interp, v: &Value) -> JsResult<String> {
    let mut seen = Vec::new();
    fmt_value(it, v, 0, &mut seen, 0)
}

fn quote(s: &str) -> String {
    let q = if !s.contains('\'') {
        '\''
    } else if !s.contains('"') {
        '"'
    } else if !s.contains('`') && !s.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut r = String::new();
    r.push(q);
    for c in s.chars() {
        match c {
            '\n' => r.push_str("\\n"),
            '\t' => r.push_str("\\t"),
            '\r' => r.push_str("\\r"),
            '\u{8}' => r.push_str("\\b"),
            '\u{c}' => r.push_str("\\f"),
            '\\' => r.push_str("\\\\"),
            c if c == q => {
                r.push('\\');
                r.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                r.push_str(&format!("\\x{:02X}", c as u32))
            }
            c => r.push(c),
        }
    }
    r.push(q);
    r
}

fn fmt_key(k: &PropKey) -> String {
    match k {
        PropKey::Index(i) => format!("'{i}'"),
        PropKey::Str(s) => {
            let s = s.to_rust_string();
            let ident = !s.is_empty()
                && s.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if ident {
                s
            } else {
                quote(&s)
            }
        }
        PropKey::Sym(s) => format!("[{}]", s.descriptive_string()),
    }
}

fn fmt_value(
    it: &mut Interp,
    v: &Value,
    depth: usize,
    seen: &mut Vec<usize>,
    indent: usize,
) -> JsResult<String> {
    Ok(match v {
        Value::Undefined | Value::Empty => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => {
            if *n == 0.0 && n.is_sign_negative() {
                "-0".into()
            } else {
                number_to_string(*n)
            }
        }
        Value::String(s) => {
            if depth == 0 {
                s.to_rust_string()
            } else {
                quote(&s.to_rust_string())
            }
        }
        Value::Symbol(s) => s.descriptive_string(),
        Value::Object(o) => fmt_object(it, o, depth, seen, indent)?,
    })
}

fn fmt_object(
    it: &mut Interp,
    o: &Obj,
    depth: usize,
    seen: &mut Vec<usize>,
    indent: usize,
) -> JsResult<String> {
    if seen.contains(&o.addr()) {
        return Ok("[Circular *1]".into());
    }
    if o.is_callable() {
        let name = match o.get_own_data(&PropKey::from("name")) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.to_rust_string()),
            _ => None,
        };
        let (is_class, kind) = match &o.borrow().kind {
            ObjectKind::Closure(c) => (
                c.is_class_constructor(),
                match (c.func.is_async, c.func.is_generator) {
                    (true, true) => "AsyncGeneratorFunction",
                    (false, true) => "GeneratorFunction",
                    (true, false) => "AsyncFunction",
                    _ => "Function",
                },
            ),
            _ => (false, "Function"),
        };
        return Ok(if is_class {
            format!("[class {}]", name.unwrap_or_else(|| "(anonymous)".into()))
        } else {
            match name {
                Some(n) => format!("[{kind}: {n}]"),
                None => format!("[{kind} (anonymous)]"),
            }
        });
    }
    if let ObjectKind::Error = o.borrow().kind {
        if let Some(Value::String(s)) = o.get_own_data(&PropKey::from("stack")) {
            return Ok(s.to_rust_string());
        }
    }
    let is_array = o.is_array();
    if depth > 2 {
        return Ok(if is_array {
            "[Array]".into()
        } else {
            "[Object]".into()
        });
    }
    seen.push(o.addr());
    let mut entries = Vec::new();
    let keys = it.own_property_keys(o);
    if is_array {
        let len = it.length_of_array_like(o)?;
        let mut holes = 0;
        for i in 0..len.min(100) {
            let p = o.get_own_property(&PropKey::Index(i as u32));
            match p {
                None => holes += 1,
                Some(p) => {
                    if holes > 0 {
                        entries.push(format!(
                            "<{holes} empty item{}>",
                            if holes > 1 { "s" } else { "" }
                        ));
                        holes = 0;
                    }
                    let s = match p.slot {
                        Slot::Data(v) => fmt_value(it, &v, depth + 1, seen, indent + 2)?,
                        Slot::Accessor { .. } => "[Getter/Setter]".into(),
                    };
                    entries.push(s);
                }
            }
        }
        if holes > 0 {
            entries.push(format!(
                "<{holes} empty item{}>",
                if holes > 1 { "s" } else { "" }
            ));
        }
        if len > 100 {
            let more = len - 100;
            entries.push(format!(
                "... {more} more item{}",
                if more > 1 { "s" } else { "" }
            ));
        }
    }
    for k in keys {
        if is_array && matches!(k, PropKey::Index(_)) {
            continue;
        }
        if is_array && matches!(&k, PropKey::Str(s) if s.units() == crate::interp::ops::LENGTH) {
            continue;
        }
        let Some(p) = o.get_own_property(&k) else {
            continue;
        };
        if !p.attrs.enumerable() {
            continue;
        }
        let vs = match p.slot {
            Slot::Data(v) => fmt_value(it, &v, depth + 1, seen, indent + 2)?,
            Slot::Accessor { get, set } => match (get.is_some(), set.is_some()) {
                (true, true) => "[Getter/Setter]".into(),
                (true, false) => "[Getter]".into(),
                _ => "[Setter]".into(),
            },
        };
        entries.push(format!("{}: {}", fmt_key(&k), vs));
    }
    seen.pop();
    let prefix = prefix_of(it, o);
    let (open, close) = if is_array { ("[", "]") } else { ("{", "}") };
    if entries.is_empty() {
        return Ok(format!("{prefix}{open}{close}"));
    }
    let total: usize = entries.iter().map(|e| e.len()).sum::<usize>() + entries.len();
    let start = entries.len() + indent + open.len() + prefix.len() + 10;
    if total + start <= 80 && !entries.iter().any(|e| e.contains('\n')) {
        Ok(format!("{prefix}{open} {} {close}", entries.join(", ")))
    } else {
        let pad = " ".repeat(indent + 2);
        Ok(format!(
            "{prefix}{open}\n{pad}{}\n{}{close}",
            entries.join(&format!(",\n{pad}")),
            " ".repeat(indent)
        ))
    }
}

fn prefix_of(_it: &mut Interp, o: &Obj) -> String {
    let proto = o.proto();
    let Some(proto) = proto else {
        return "[Object: null prototype] ".into();
    };
    if let Some(Value::Object(c)) = proto.get_own_data(&PropKey::from("constructor")) {
        if let Some(Value::String(n)) = c.get_own_data(&PropKey::from("name")) {
            let n = n.to_rust_string();
            if n == "Object" || n == "Array" || n.is_empty() {
                return String::new();
            }
            return format!("{n} ");
        }
    }
    String::new()
}
