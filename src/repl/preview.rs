//! Node's live preview (`setupPreview` in `lib/internal/repl/utils.js`): while a line is
//! typed, the rest of a unique completion shows dimmed after the cursor, and the value of the
//! line, if computing it has no side effects, shows dimmed on the row below.
//!
//! The value comes from the engine's side-effect-free evaluation
//! ([`Interp::evaluate_side_effect_free`], V8's `throwOnSideEffect` with Node's 333 ms
//! timeout), and is inspected under the same guard, so a custom inspect function or a proxy
//! trap of the user's never runs for a preview. As in Node: `EvalError`s (the guard's),
//! `SyntaxError`s and `ReferenceError`s show nothing, other errors show their first line;
//! a value that reads exactly as the line shows nothing; `undefined` shows only with
//! colors; the text is cut to the terminal's width (at most 250 columns) and at its first
//! line break.

use std::time::Duration;

use jsgen_engine::interp::side_effect::SideEffectFreeError;
use jsgen_engine::interp::Interp;
use jsgen_engine::object::Obj;
use jsgen_engine::value::Value;
use jsgen_node::inspect::{Compact, InspectOptions};
use jsgen_node::prelude::*;

/// Node's `timeout: 333` for a preview's evaluation.
const BUDGET: Duration = Duration::from_millis(333);

/// What to show for a line: the completion suffix (after the line) and the value preview
/// (the row below); either may be empty.
#[derive(Debug, Default, PartialEq)]
pub struct Preview {
    pub completion: String,
    pub value: String,
}

/// The preview of `line` (cursor at `pos`); `multiline` when the line continues an entry
/// (Node previews no value then).
pub fn preview(
    it: &mut Interp,
    line: &str,
    pos: usize,
    multiline: bool,
    columns: usize,
    colors: bool,
) -> Preview {
    let mut out = Preview::default();
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return out;
    }
    let (completions, on) = super::complete::complete(it, line);
    let prefix = common_prefix(completions.iter().filter(|c| !c.is_empty()));
    if prefix.len() > on.len() && prefix.starts_with(&on) {
        out.completion = prefix[on.len()..].to_string();
    }
    if multiline {
        return out;
    }
    let mut input = trimmed.to_string();
    if pos >= line.len() {
        input.push_str(&out.completion);
    }
    if input.starts_with('{') && !input.ends_with(';') {
        let wrapped = format!("({input})");
        if jsgen_engine::parser::parse_script(&wrapped, &Default::default()).is_ok() {
            input = wrapped;
        }
    }
    let Some(mut inspected) = value_text(it, &input) else {
        return out;
    };
    if inspected == trimmed || (inspected == "undefined" && !colors) {
        return out;
    }
    let mut max = columns.min(250);
    if inspected.chars().count() > max {
        max -= 4 + if colors { 0 } else { 3 };
        inspected = format!("{}...", inspected.chars().take(max).collect::<String>());
    }
    if let Some(i) = inspected.find(['\r', '\n', '\u{b}']) {
        inspected.truncate(i);
    }
    out.value = inspected;
    out
}

/// The inspected value of `code`, or `None` when nothing is to be shown.
fn value_text(it: &mut Interp, code: &str) -> Option<String> {
    let (value, thrown) = match it.evaluate_side_effect_free(code, BUDGET) {
        Ok(v) => (v, false),
        Err(SideEffectFreeError::Threw(e)) => (e, true),
        Err(_) => return None,
    };
    if thrown && ignored_error(it, &value) {
        return None;
    }
    let mut opts = if matches!(value, Value::Object(_)) {
        let mut o = it.node_mut().console.stdout_options();
        o.compact = Compact::Always;
        o.break_length = f64::INFINITY;
        o
    } else {
        InspectOptions::default()
    };
    opts.colors = false;
    opts.depth = Some(1.0);
    let text = it
        .with_side_effect_guard(|it| jsgen_node::inspect::inspect_with(it, &value, &opts))
        .ok()?;
    // Node inspects the thrown error with its stack (`TypeError: ...\n    at ...`) and keeps
    // the first line; an error whose stack has no frames of ours prints in brackets.
    Some(
        match text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            Some(inner) if thrown => inner.to_string(),
            _ => text,
        },
    )
}

/// `EvalError`, `SyntaxError` and `ReferenceError` (sloppy REPL) previews show nothing.
fn ignored_error(it: &Interp, e: &Value) -> bool {
    let Value::Object(o) = e else { return false };
    let protos = [
        &it.intrinsics.eval_error_prototype,
        &it.intrinsics.syntax_error_prototype,
        &it.intrinsics.reference_error_prototype,
    ];
    let mut p = o.proto();
    while let Some(cur) = p {
        if protos.iter().any(|q| Obj::ptr_eq(q, &cur)) {
            return true;
        }
        p = cur.proto();
    }
    false
}

/// The longest common prefix of `items` (by characters).
pub fn common_prefix<'a>(mut items: impl Iterator<Item = &'a String>) -> String {
    let Some(first) = items.next() else {
        return String::new();
    };
    let mut prefix: &str = first;
    for s in items {
        let n = prefix
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        prefix = &prefix[..n];
    }
    prefix.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn realm() -> Interp {
        let mut it = jsgen_node::node_interp();
        it.prepare_side_effect_free();
        let setup = "var n = 0; var o = { a: 1, get g() { n++; return 2 } }; function f() { n++ }";
        assert!(it.run_script("setup.js", setup).is_ok());
        it
    }

    fn show(it: &mut Interp, line: &str) -> (String, String) {
        let p = preview(it, line, line.len(), false, 100, true);
        (p.completion, p.value)
    }

    #[test]
    fn values_and_completions() {
        let mut it = realm();
        assert_eq!(show(&mut it, "1 + 2"), ("".into(), "3".into()));
        assert_eq!(
            show(&mut it, "[1,2,3].map(x => x*2)"),
            ("".into(), "[ 2, 4, 6 ]".into())
        );
        assert_eq!(
            show(&mut it, "o"),
            ("".into(), "{ a: 1, g: [Getter] }".into())
        );
        assert_eq!(
            show(&mut it, "Math.flo"),
            ("or".into(), "[Function: floor]".into())
        );
        assert_eq!(show(&mut it, "1"), ("".into(), "".into()));
        assert_eq!(
            show(&mut it, "null.x").1,
            "TypeError: Cannot read properties of null (reading 'x')"
        );
        assert_eq!(show(&mut it, "nope"), ("".into(), "".into()));
        assert_eq!(show(&mut it, "o.zz"), ("".into(), "undefined".into()));
    }

    #[test]
    fn nothing_with_side_effects() {
        let mut it = realm();
        for line in ["f()", "o.g", "n++", "n = 5", "console.log(1)", "[].push(1)"] {
            assert_eq!(show(&mut it, line).1, "", "{line}");
        }
        assert!(matches!(it.run_script("n.js", "n"), Ok(Value::Number(x)) if x == 0.0));
    }
}
