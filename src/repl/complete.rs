//! Tab completion: global names (global object, global `let`/`const`/`class`, keywords) and
//! the properties of `a.b.` paths. Paths are followed through data properties only, so
//! completing never runs a getter or any other script code.

use jsgen_engine::interp::Interp;
use jsgen_engine::object::{Obj, PropKey};
use jsgen_engine::value::Value;

const KEYWORDS: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "in",
    "instanceof",
    "let",
    "new",
    "null",
    "of",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

const COMMANDS: &[&str] = &[
    ".break", ".clear", ".editor", ".exit", ".help", ".load", ".save",
];

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Splits the text before the cursor into the dotted path being completed and the partial
/// last word: `x = Math.fl` → (["Math"], "fl", start of "fl").
pub fn split_path(before: &str) -> (Vec<&str>, &str, usize) {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c) || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let expr = &before[start..];
    let mut parts: Vec<&str> = expr.split('.').collect();
    let word = parts.pop().unwrap_or("");
    let word_start = before.len() - word.len();
    (parts, word, word_start)
}

/// (replacement start, sorted candidates) for the line `line` with the cursor at `pos`.
pub fn complete(it: &mut Interp, line: &str, pos: usize) -> (usize, Vec<String>) {
    let before = line.get(..pos).unwrap_or(line);
    if before.trim_start().starts_with('.') && !before.trim_start()[1..].contains(' ') {
        let start = before.len() - before.trim_start().len();
        let word = before.trim_start();
        let words = COMMANDS
            .iter()
            .filter(|c| c.starts_with(word))
            .map(|c| c.to_string())
            .collect();
        return (start, words);
    }
    let (path, word, start) = split_path(before);
    let mut names: Vec<String> = Vec::new();
    if path.is_empty() {
        names.extend(it.global_lex.names.keys().map(|k| k.to_rust_string()));
        names.extend(property_names(&it.global.clone()));
        names.extend(KEYWORDS.iter().map(|k| k.to_string()));
    } else {
        if path
            .iter()
            .any(|p| p.is_empty() || p.starts_with(|c: char| c.is_ascii_digit()))
        {
            return (start, Vec::new());
        }
        let Some(mut v) = lookup_global(it, path[0]) else {
            return (start, Vec::new());
        };
        for p in &path[1..] {
            match data_property(it, &v, p) {
                Some(next) => v = next,
                None => return (start, Vec::new()),
            }
        }
        let obj = match &v {
            Value::Object(o) => Some(o.clone()),
            Value::String(_) => Some(it.intrinsics.string_prototype.clone()),
            Value::Number(_) => Some(it.intrinsics.number_prototype.clone()),
            Value::Bool(_) => Some(it.intrinsics.boolean_prototype.clone()),
            _ => None,
        };
        if let Some(o) = obj {
            names.extend(property_names(&o));
        }
    }
    names.retain(|n| n.starts_with(word) && !n.is_empty());
    names.sort();
    names.dedup();
    (start, names)
}

/// A global binding's value: the global lexical environment first, then the global object
/// (data properties only).
fn lookup_global(it: &Interp, name: &str) -> Option<Value> {
    let key = jsgen_engine::string::JsStr::from(name);
    if let Some(&(slot, _)) = it.global_lex.names.get(&key) {
        return it.global_lex.values.get(slot as usize).cloned();
    }
    let g = it.global.clone();
    data_property_of(&g, name)
}

fn data_property(it: &Interp, v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => data_property_of(o, name),
        Value::String(_) => data_property_of(&it.intrinsics.string_prototype, name),
        _ => None,
    }
}

/// A data property found along the prototype chain (accessors are not called).
fn data_property_of(o: &Obj, name: &str) -> Option<Value> {
    let key = PropKey::from_name(name);
    let mut cur = Some(o.clone());
    let mut depth = 0;
    while let Some(c) = cur {
        if let Some(p) = c.get_own_property(&key) {
            return if p.is_accessor() {
                None
            } else {
                c.get_own_data(&key)
            };
        }
        depth += 1;
        if depth > 100 {
            return None;
        }
        cur = c.proto();
    }
    None
}

/// String-keyed property names of `o` and its prototypes.
fn property_names(o: &Obj) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = Some(o.clone());
    let mut depth = 0;
    while let Some(c) = cur {
        for k in c.own_keys() {
            if !k.is_symbol() {
                let s = k.to_jsstr().to_rust_string();
                if s.chars().next().is_some_and(|ch| !ch.is_ascii_digit()) {
                    out.push(s);
                }
            }
        }
        depth += 1;
        if depth > 100 {
            break;
        }
        cur = c.proto();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_splitting() {
        assert_eq!(split_path("x = Math.fl"), (vec!["Math"], "fl", 9));
        assert_eq!(split_path("con"), (vec![], "con", 0));
        assert_eq!(split_path("a.b."), (vec!["a", "b"], "", 4));
        assert_eq!(split_path("f("), (vec![], "", 2));
    }

    #[test]
    fn completes_globals_and_properties() {
        let mut it = jsgen_node::node_interp();
        let _ = it.run_script(
            "t.js",
            "let myValue = { inner: { deep: 1 } }; var other = 2",
        );
        let (start, words) = complete(&mut it, "Math.fl", 7);
        assert_eq!(start, 5);
        assert_eq!(words, vec!["floor".to_string()]);
        let (_, words) = complete(&mut it, "myV", 3);
        assert_eq!(words, vec!["myValue".to_string()]);
        let (_, words) = complete(&mut it, "myValue.inner.d", 15);
        assert_eq!(words, vec!["deep".to_string()]);
        let (_, words) = complete(&mut it, "oth", 3);
        assert_eq!(words, vec!["other".to_string()]);
        let (_, words) = complete(&mut it, ".ex", 3);
        assert_eq!(words, vec![".exit".to_string()]);
        let (_, words) = complete(&mut it, "'abc'.toUpp", 11);
        assert!(words.is_empty(), "string literals are not followed");
    }
}
