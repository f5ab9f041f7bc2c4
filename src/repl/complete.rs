//! Tab completion as Node's REPL does it (`lib/internal/repl/completion.js`).
//!
//! The target is the expression before the cursor (`[].`, `Math.fl`, `obj.inner.de`, a partial
//! name); a target containing a call, assignment or other side effect completes nothing, as in
//! Node. The object part is evaluated side-effect free (the engine's guard: a getter, proxy
//! or user function on the way means no completion), then its names are gathered in groups,
//! one per level of the prototype chain (own names first, at most five prototypes), each
//! filtered case-insensitively by what was typed, sorted, and merged with the closest group
//! last — so the list reads from `Object.prototype`'s names down to the object's own, with an
//! empty string between groups. `Object.prototype`'s legacy `__defineGetter__` family is left
//! out, and only names that are identifiers are offered.

use std::time::Duration;

use jsgen_engine::interp::side_effect::SideEffectFreeError;
use jsgen_engine::interp::Interp;
use jsgen_engine::lexer::{is_id_continue, is_id_start, tokenize, Tok};
use jsgen_engine::object::{Obj, PropKey};
use jsgen_engine::value::Value;

/// Node's REPL commands, in its order (`Object.keys(repl.commands)`).
const COMMANDS: &[&str] = &["break", "clear", "editor", "exit", "help", "load", "save"];

/// Words Node adds to a global completion with a non-empty filter (`addCommonWords`).
const COMMON_WORDS: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "export",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "null",
    "return",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

const LEGACY: &[&str] = &[
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
];

/// How long evaluating a completion target may take.
const BUDGET: Duration = Duration::from_millis(333);

/// Node's completer: (completions with `""` between groups, the text completed on).
pub fn complete(it: &mut Interp, line: &str) -> (Vec<String>, String) {
    let line = line.trim_start();
    // REPL commands: `.ex`.
    if let Some(word) = line.strip_prefix('.') {
        if word.chars().all(|c| c.is_alphanumeric() || c == '_') {
            let groups = vec![COMMANDS.iter().map(|c| c.to_string()).collect()];
            return (merge(groups, word), word.to_string());
        }
    }
    let Some(target) = complete_target(line) else {
        return (Vec::new(), String::new());
    };
    let (expr, filter, chaining) = match target.rfind('.') {
        Some(i) => {
            let (expr, chaining) = match target[..i].strip_suffix('?') {
                Some(e) => (e, "?."),
                None => (&target[..i], "."),
            };
            (
                Some(expr.to_string()),
                target[i + 1..].to_string(),
                chaining,
            )
        }
        None => (None, target.clone(), ""),
    };
    let mut groups: Vec<Vec<String>> = Vec::new();
    match expr {
        None => {
            groups.push(
                it.global_lex
                    .names
                    .keys()
                    .map(|k| k.to_rust_string())
                    .collect(),
            );
            let global = it.global.clone();
            let mut p = global.proto();
            while let Some(o) = p {
                groups.push(filtered_own_property_names(&o));
                p = o.proto();
            }
            groups.push(filtered_own_property_names(&global));
            if !filter.is_empty() {
                groups.push(COMMON_WORDS.iter().map(|w| w.to_string()).collect());
            }
            (merge(groups, &filter), target)
        }
        Some(expr) => {
            let value = match it.evaluate_side_effect_free(&expr, BUDGET) {
                Ok(v) => v,
                Err(SideEffectFreeError::Threw(_)) => Value::Undefined,
                Err(_) => return (Vec::new(), target),
            };
            let mut member_groups = Vec::new();
            let mut p = match &value {
                Value::Object(o) => {
                    member_groups.push(filtered_own_property_names(o));
                    o.proto()
                }
                Value::Undefined | Value::Null => None,
                other => primitive_prototype(it, other),
            };
            let mut sentinel = 5;
            while let Some(o) = p {
                if sentinel == 0 {
                    break;
                }
                sentinel -= 1;
                member_groups.push(filtered_own_property_names(&o));
                p = o.proto();
            }
            let prefix = format!("{expr}{chaining}");
            for g in member_groups {
                groups.push(g.into_iter().map(|m| format!("{prefix}{m}")).collect());
            }
            let full_filter = if filter.is_empty() {
                String::new()
            } else {
                format!("{prefix}{filter}")
            };
            (merge(groups, &full_filter), target)
        }
    }
}

/// `obj.constructor.prototype` of a primitive, read without running code.
fn primitive_prototype(it: &Interp, v: &Value) -> Option<Obj> {
    Some(match v {
        Value::String(_) => it.intrinsics.string_prototype.clone(),
        Value::Number(_) => it.intrinsics.number_prototype.clone(),
        Value::Bool(_) => it.intrinsics.boolean_prototype.clone(),
        Value::BigInt(_) => it.intrinsics.bigint_prototype.clone(),
        Value::Symbol(_) => it.intrinsics.symbol_prototype.clone(),
        _ => return None,
    })
}

/// Filter (case-insensitive prefix), sort within each group, drop duplicates, and merge with
/// the first ("closest") group last and `""` between groups (`completionGroupsLoaded`).
fn merge(mut groups: Vec<Vec<String>>, filter: &str) -> Vec<String> {
    if !filter.is_empty() {
        let lower = filter.to_lowercase();
        groups = groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .filter(|s| s.to_lowercase().starts_with(&lower))
                    .collect::<Vec<_>>()
            })
            .filter(|g| !g.is_empty())
            .collect();
    }
    let mut completions: std::collections::VecDeque<String> = Default::default();
    let mut seen: std::collections::HashSet<String> = Default::default();
    seen.insert(String::new());
    for mut group in groups {
        group.sort_by(|a, b| b.cmp(a));
        let before = seen.len();
        for entry in group {
            if seen.insert(entry.clone()) {
                completions.push_front(entry);
            }
        }
        if seen.len() != before {
            completions.push_front(String::new());
        }
    }
    if completions.front().is_some_and(|c| c.is_empty()) {
        completions.pop_front();
    }
    completions.into()
}

/// Own string keys that are identifiers (not indices), without `Object.prototype`'s legacy
/// accessor methods.
fn filtered_own_property_names(o: &Obj) -> Vec<String> {
    let is_object_prototype =
        o.proto().is_none() && o.get_own_data(&PropKey::from("constructor")).is_some();
    o.own_keys()
        .into_iter()
        .filter_map(|k| match k {
            PropKey::Str(s) => Some(s.to_rust_string()),
            _ => None,
        })
        .filter(|s| is_identifier(s) && !(is_object_prototype && LEGACY.contains(&s.as_str())))
        .collect()
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_id_start) && chars.all(is_id_continue)
}

/// The expression to complete at the end of `code` (`findExpressionCompleteTarget`): a
/// chain of names, literals and `[...]` members joined by `.`/`?.`, possibly ending with a
/// dot or a partial name. A call or any other side effect in it means no target.
pub fn complete_target(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some(String::new());
    }
    let last = code.chars().last()?;
    if !(last.is_alphanumeric() || last == '_' || last == '$' || last == '.') {
        return None;
    }
    let (tokens, err) = tokenize(code, true);
    if err.is_some() {
        // Incomplete code (`{ a: obj['x y'`...): retry on the last space-separated word, as
        // Node does.
        let words: Vec<&str> = code.split(' ').collect();
        return if words.len() > 1 {
            complete_target(words[words.len() - 1])
        } else {
            None
        };
    }
    let mut i = tokens.len().checked_sub(1)?;
    if matches!(tokens[i].tok, Tok::Dot | Tok::QDot) {
        i = i.checked_sub(1)?;
    }
    let start;
    loop {
        let t = &tokens[i];
        let operand_start = match &t.tok {
            Tok::RBracket => {
                let open = matching_open(&tokens, i)?;
                let computed = open > 0 && ends_operand(&tokens[open - 1].tok);
                if computed {
                    i = open - 1;
                    continue;
                }
                // An array literal.
                tokens[open].start as usize
            }
            tok if is_operand(tok) => t.start as usize,
            _ => return None,
        };
        let idx = match &t.tok {
            Tok::RBracket => matching_open(&tokens, i)?,
            _ => i,
        };
        match idx.checked_sub(1).map(|p| &tokens[p].tok) {
            Some(Tok::Dot | Tok::QDot) if idx >= 2 => i = idx - 2,
            _ => {
                start = operand_start;
                break;
            }
        }
    }
    Some(code[start..].to_string())
}

fn is_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Ident(_)
            | Tok::This
            | Tok::Str(_)
            | Tok::Num(_)
            | Tok::NumElem(_)
            | Tok::NoSubTemplate(_)
            | Tok::True
            | Tok::False
            | Tok::Null
            | Tok::Let
            | Tok::Static
            | Tok::Async
            | Tok::Of
            | Tok::Get
            | Tok::Set
            | Tok::Using
    ) || keyword_like(t)
}

/// Reserved words typed as a partial name (`tr` → `true`, `typeo`...) lex as keywords only
/// when complete; a complete keyword is still a name to complete (`this.`, `new`).
fn keyword_like(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Typeof
            | Tok::New
            | Tok::Void
            | Tok::In
            | Tok::InstanceOf
            | Tok::Return
            | Tok::Var
            | Tok::Const
    )
}

fn ends_operand(t: &Tok) -> bool {
    is_operand(t) || matches!(t, Tok::RBracket)
}

fn matching_open(tokens: &[jsgen_engine::lexer::Token], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = close;
    loop {
        match tokens[i].tok {
            Tok::RBracket => depth += 1,
            Tok::LBracket => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            Tok::LParen | Tok::RParen => return None,
            _ => {}
        }
        i = i.checked_sub(1)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(complete_target("x = Math.fl").as_deref(), Some("Math.fl"));
        assert_eq!(complete_target("con").as_deref(), Some("con"));
        assert_eq!(complete_target("a.b.").as_deref(), Some("a.b."));
        assert_eq!(complete_target("[].").as_deref(), Some("[]."));
        assert_eq!(complete_target("a[0].b").as_deref(), Some("a[0].b"));
        assert_eq!(complete_target("a?.b").as_deref(), Some("a?.b"));
        assert_eq!(complete_target("f().x"), None);
        assert_eq!(complete_target("f("), None);
        // Node gives up on this one (it splits at spaces); the token scan finds it.
        assert_eq!(
            complete_target("{ a: obj['x y'].te").as_deref(),
            Some("obj['x y'].te")
        );
        assert_eq!(complete_target("{ a: obj.te").as_deref(), Some("obj.te"));
    }

    fn run(it: &mut Interp, code: &str) {
        assert!(it.run_script("t.js", code).is_ok());
    }

    #[test]
    fn completes_as_node() {
        let mut it = jsgen_node::node_interp();
        it.prepare_side_effect_free();
        run(
            &mut it,
            "let myValue = { inner: { deep: 1 } }; var other = 2; var o = { get g() { throw 1 } }",
        );
        assert_eq!(
            complete(&mut it, "Math.fl"),
            (vec!["Math.floor".to_string()], "Math.fl".into())
        );
        assert_eq!(complete(&mut it, "myV").0, vec!["myValue".to_string()]);
        assert_eq!(
            complete(&mut it, "myValue.inner.d").0,
            vec!["myValue.inner.deep".to_string()]
        );
        assert_eq!(complete(&mut it, "oth").0, vec!["other".to_string()]);
        assert_eq!(
            complete(&mut it, ".ex"),
            (vec!["exit".to_string()], "ex".into())
        );
        assert_eq!(
            complete(&mut it, "'abc'.toUpp").0,
            vec!["'abc'.toUpperCase".to_string()]
        );
        assert_eq!(complete(&mut it, "o.g.").0, Vec::<String>::new());
        // Groups: Object.prototype's names first (no legacy ones), then the array methods,
        // then the array's own `length`.
        let (list, on) = complete(&mut it, "[].");
        assert_eq!(on, "[].");
        assert_eq!(
            &list[..6],
            &[
                "[].__proto__",
                "[].hasOwnProperty",
                "[].isPrototypeOf",
                "[].propertyIsEnumerable",
                "[].valueOf",
                ""
            ]
        );
        assert_eq!(&list[list.len() - 2..], &["", "[].length"]);
        assert!(!list.iter().any(|s| s.contains("__define")));
        assert!(complete(&mut it, "myValue.__def").0.is_empty());
    }
}
