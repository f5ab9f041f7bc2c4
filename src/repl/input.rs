//! Pure text helpers of the REPL (no interpreter state): dot-command parsing, Node's
//! `{a: 1}` wrapping rule, the top-level-`await` rewrite, and the text of the syntax-error and
//! uncaught-exception reports. Everything here is unit-tested below.

use jsgen_engine::ast::{Pattern, Script, StmtKind, VarKind};
use jsgen_engine::parser::SyntaxError;

/// A line starting with `.` that names a REPL command (Node's rule: `.x` but not `..` and not a
/// number like `.5`), split into keyword and argument.
pub fn parse_command(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    let rest = t.strip_prefix('.')?;
    if rest.starts_with('.') || rest.is_empty() || looks_numeric(t) {
        return None;
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((&rest[..end], rest[end..].trim()))
}

/// `!isNaN(parseFloat(s))` for a string starting with `.`: a digit follows the dot.
fn looks_numeric(t: &str) -> bool {
    t.as_bytes().get(1).is_some_and(|b| b.is_ascii_digit())
}

/// Node's REPL reads input that starts with `{` and does not end with `;` as an expression
/// (so `{a: 1}` is an object literal, not a block): it first tries `(<input>)`.
pub fn object_literal_wrap(code: &str) -> Option<String> {
    if code.trim_start().starts_with('{') && !code.trim_end().ends_with(';') {
        Some(format!("({})\n", code.trim()))
    } else {
        None
    }
}

/// The names a binding pattern declares, in source order.
pub fn bound_names(p: &Pattern, out: &mut Vec<String>) {
    match p {
        Pattern::Ident(id) => out.push(id.name.to_rust_string()),
        Pattern::Object { props, rest, .. } => {
            for prop in props {
                bound_names(&prop.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Array { elems, rest, .. } => {
            for e in elems.iter().flatten() {
                bound_names(&e.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Expr(_) => {}
    }
}

/// An entry with top-level `await`, rewritten as Node's REPL does
/// (`lib/internal/repl/await.js`): `prelude` declares the entry's top-level names in the
/// global scope (so they outlive the entry; `const` becomes `let`), `body` is
/// `(async () => { ... })()` with each declaration turned into an assignment, function
/// declarations copied to the global object, and the last expression statement returned.
#[derive(Debug, PartialEq)]
pub struct AwaitRewrite {
    pub prelude: String,
    pub body: String,
}

/// Rewrites `text`, already parsed (with top-level `await` allowed) into `script`.
pub fn rewrite_top_level_await(text: &str, script: &Script) -> AwaitRewrite {
    let slice =
        |s: jsgen_engine::ast::Span| text.get(s.start as usize..s.end as usize).unwrap_or("");
    let mut hoisted_let: Vec<String> = Vec::new();
    let mut hoisted_var: Vec<String> = Vec::new();
    let mut prefix = String::new();
    // (start, end, replacement), non-overlapping, in source order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let last = script.body.len().checked_sub(1);
    for (i, st) in script.body.iter().enumerate() {
        let (s, e) = (st.span.start as usize, st.span.end as usize);
        match &st.kind {
            StmtKind::Var(decl) => {
                let mut parts = Vec::new();
                for d in &decl.decls {
                    let mut names = Vec::new();
                    bound_names(&d.target, &mut names);
                    match decl.kind {
                        VarKind::Var => hoisted_var.extend(names),
                        VarKind::Let | VarKind::Const | VarKind::Using | VarKind::AwaitUsing => {
                            hoisted_let.extend(names)
                        }
                    }
                    let target = slice(d.target.span());
                    match &d.init {
                        Some(init) => parts.push(format!("({target} = {});", slice(init.span))),
                        None if decl.kind != VarKind::Var => {
                            parts.push(format!("({target} = undefined);"))
                        }
                        None => {}
                    }
                }
                edits.push((s, e, parts.join(" ")));
            }
            StmtKind::Function(f) => {
                if let Some(name) = &f.name {
                    let n = name.name.to_rust_string();
                    prefix.push_str(&format!("this.{n} = {n}; "));
                    hoisted_var.push(n);
                }
            }
            StmtKind::Class(c) => {
                if let Some(name) = &c.name {
                    let n = name.name.to_rust_string();
                    edits.push((s, e, format!("{n} = {};", slice(st.span))));
                    hoisted_let.push(n);
                }
            }
            StmtKind::Expr(expr) if Some(i) == last => {
                edits.push((s, s, "return (".into()));
                let end = expr.span.end as usize;
                edits.push((end, end, ")".into()));
            }
            _ => {}
        }
    }
    let mut body = String::with_capacity(text.len() + 64);
    body.push_str("(async () => { ");
    body.push_str(&prefix);
    let mut pos = 0;
    for (s, e, rep) in edits {
        if s < pos || e > text.len() {
            continue;
        }
        body.push_str(&text[pos..s]);
        body.push_str(&rep);
        pos = e;
    }
    body.push_str(&text[pos..]);
    body.push_str("\n})()");
    let mut prelude = String::new();
    if !hoisted_var.is_empty() {
        prelude.push_str(&format!("var {};", hoisted_var.join(", ")));
    }
    if !hoisted_let.is_empty() {
        prelude.push_str(&format!("let {};", hoisted_let.join(", ")));
    }
    AwaitRewrite { prelude, body }
}

/// The report of a syntax error, as Node's REPL prints it: the offending source line, carets
/// under the offending token, a blank line, then `Uncaught SyntaxError: message`.
pub fn syntax_error_report(text: &str, err: &SyntaxError) -> String {
    let mut start = (err.span.start as usize).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let col = text[line_start..start].encode_utf16().count();
    let end = (err.span.end as usize).clamp(start, line_end);
    let width = text
        .get(start..end)
        .map_or(1, |s| s.encode_utf16().count())
        .max(1);
    format!(
        "{line}\n{}{}\n\nUncaught SyntaxError: {}\n",
        " ".repeat(col),
        "^".repeat(width),
        err.message
    )
}

/// Node's REPL cuts an uncaught error's stack at the outermost top-level (unnamed) frame:
/// the frames of the REPL's own evaluation are noise. Returns the new stack, if it changed.
pub fn trim_stack(stack: &str) -> Option<String> {
    let lines: Vec<&str> = stack.split('\n').collect();
    let cut = lines.iter().rposition(|l| {
        let t = l.trim_start();
        t.starts_with("at ") && !t.ends_with(')')
    })?;
    if cut == 0 {
        return None;
    }
    Some(lines[..cut].join("\n"))
}

/// `/^\[?([A-Z][a-z0-9_]*)*Error/`: the line where Node's REPL puts the `Uncaught ` prefix.
fn error_headline(line: &str) -> bool {
    let s = line.strip_prefix('[').unwrap_or(line);
    let word_end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    let word = &s[..word_end];
    let upper_start = word.starts_with(|c: char| c.is_ascii_uppercase());
    // "Error" must start inside the leading word (or right at its start), and the part of the
    // word before it must be empty or start with a capital.
    (0..=word_end).any(|k| s[k..].starts_with("Error") && (k == 0 || upper_start))
}

/// `Uncaught ...` from the inspected exception (Node's `REPLServer` domain error handler):
/// an error object's one-line `[Error: x]` loses its brackets; the prefix goes before the first line that looks
/// like an error headline (on a line of its own, `Uncaught:`, when that line is longer than
/// 80 columns); otherwise before the whole text.
pub fn uncaught_report(inspected: &str, is_error: bool) -> String {
    let mut s = inspected;
    if is_error && s.starts_with('[') && s.ends_with(']') {
        s = &s[1..s.len() - 1];
    }
    let lines: Vec<&str> = s.split_inclusive('\n').collect();
    let mut out = String::with_capacity(s.len() + 12);
    let mut matched = false;
    for line in &lines {
        if !matched && error_headline(line) {
            if line.encode_utf16().count() <= 80 {
                out.push_str("Uncaught ");
            } else {
                out.push_str("Uncaught:\n");
            }
            matched = true;
        }
        out.push_str(line);
    }
    if !matched {
        let sep = if lines.len() <= 1 { " " } else { ":\n" };
        out = format!("Uncaught{sep}{s}");
    }
    out.push('\n');
    out
}

/// The `.help` text: Node's command list, `.editor` only on a terminal (as Node).
pub fn help_text(terminal: bool) -> String {
    let mut cmds = vec![
        (".break", "Sometimes you get stuck, this gets you out"),
        (".clear", "Alias for .break"),
        (".editor", "Enter editor mode"),
        (".exit", "Exit the REPL"),
        (".help", "Print this help message"),
        (".load", "Load JS from a file into the REPL session"),
        (
            ".save",
            "Save all evaluated commands in this REPL session to a file",
        ),
    ];
    if !terminal {
        cmds.retain(|(n, _)| *n != ".editor");
    }
    let width = cmds.iter().map(|(n, _)| n.len()).max().unwrap_or(0) + 3;
    let mut s = String::new();
    for (n, h) in cmds {
        s.push_str(&format!("{n:width$}{h}\n"));
    }
    s.push_str("\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsgen_engine::parser::{parse_script, ParseOptions};

    #[test]
    fn commands() {
        assert_eq!(parse_command(".exit"), Some(("exit", "")));
        assert_eq!(parse_command("  .load  f.js "), Some(("load", "f.js")));
        assert_eq!(parse_command(".save a b"), Some(("save", "a b")));
        assert_eq!(parse_command(".5 + 1"), None);
        assert_eq!(parse_command("..."), None);
        assert_eq!(parse_command("."), None);
        assert_eq!(parse_command("x.y"), None);
    }

    #[test]
    fn object_literal_wrapping() {
        assert_eq!(object_literal_wrap("{a:1}").as_deref(), Some("({a:1})\n"));
        assert_eq!(
            object_literal_wrap("  { a: 1 }  ").as_deref(),
            Some("({ a: 1 })\n")
        );
        assert_eq!(object_literal_wrap("{a:1};"), None);
        assert_eq!(object_literal_wrap("x = {a:1}"), None);
    }

    fn rewrite(src: &str) -> AwaitRewrite {
        let opts = ParseOptions {
            strict: false,
            top_level_await: true,
            module: false,
        };
        let script = parse_script(src, &opts).expect("parses");
        rewrite_top_level_await(src, &script)
    }

    #[test]
    fn await_rewrite() {
        let r = rewrite("await 1");
        assert_eq!(r.prelude, "");
        assert_eq!(r.body, "(async () => { return (await 1)\n})()");
        let r = rewrite("const {a, b: [c]} = await f(), d = 2; let e");
        assert_eq!(r.prelude, "let a, c, d, e;");
        assert_eq!(
            r.body,
            "(async () => { ({a, b: [c]} = await f()); (d = 2); (e = undefined);\n})()"
        );
        let r = rewrite("var v = await g();\nfunction h() {}\nclass K {}\n(v)");
        assert_eq!(r.prelude, "var v, h;let K;");
        assert_eq!(
            r.body,
            "(async () => { this.h = h; (v = await g());\nfunction h() {}\nK = class K {};\nreturn ((v))\n})()"
        );
    }

    #[test]
    fn syntax_error_text() {
        let err = parse_script("let x = ;", &ParseOptions::default()).expect_err("error");
        assert_eq!(
            syntax_error_report("let x = ;", &err),
            "let x = ;\n        ^\n\nUncaught SyntaxError: Unexpected token ';'\n"
        );
    }

    #[test]
    fn stack_trimming() {
        assert_eq!(
            trim_stack("Error: x\n    at g (REPL1:1:20)\n    at REPL2:1:1").as_deref(),
            Some("Error: x\n    at g (REPL1:1:20)")
        );
        assert_eq!(
            trim_stack("ReferenceError: y is not defined\n    at REPL3:1:1").as_deref(),
            Some("ReferenceError: y is not defined")
        );
        assert_eq!(trim_stack("Error: x\n    at g (REPL1:1:20)"), None);
    }

    #[test]
    fn uncaught_prefix() {
        assert_eq!(
            uncaught_report("[Error: boom]", true),
            "Uncaught Error: boom\n"
        );
        assert_eq!(uncaught_report("[ 1, 2 ]", false), "Uncaught [ 1, 2 ]\n");
        assert_eq!(uncaught_report("42", false), "Uncaught 42\n");
        assert_eq!(
            uncaught_report("E [Error]: m", true),
            "Uncaught E [Error]: m\n"
        );
        assert_eq!(
            uncaught_report("[TypeError: t] { extra: 1 }", true),
            "Uncaught [TypeError: t] { extra: 1 }\n"
        );
        assert_eq!(
            uncaught_report("{\n  a: 1\n}", false),
            "Uncaught:\n{\n  a: 1\n}\n"
        );
        assert_eq!(
            uncaught_report("Error: x\n    at g (REPL1:1:20)", true),
            "Uncaught Error: x\n    at g (REPL1:1:20)\n"
        );
    }

    #[test]
    fn help_lists_editor_only_on_terminals() {
        assert!(help_text(true).contains(".editor   Enter editor mode\n"));
        assert!(help_text(false).starts_with(".break   Sometimes"));
        assert!(!help_text(false).contains(".editor"));
    }
}
