//! Diagnostics: syntax errors, uncaught exceptions and unhandled rejections rendered with
//! miette (the message, the source line with the offending span labelled, and the stack).

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror_free::Error;

use jsgen_engine::ast::Span;
use jsgen_engine::interp::Interp;
use jsgen_engine::value::Value;

mod thiserror_free {
    //! A tiny `Error` derive substitute: `Display` is implemented by hand below.
    pub use std::error::Error;
}

/// A diagnostic pointing into a source file.
#[derive(Debug, Diagnostic)]
pub struct SourceDiagnostic {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl std::fmt::Display for SourceDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for SourceDiagnostic {}

fn source_span(text: &str, span: Span) -> SourceSpan {
    let start = (span.start as usize).min(text.len());
    let mut end = (span.end as usize).min(text.len()).max(start);
    // Label only the first line of a multi-line span.
    if let Some(nl) = text[start..end].find('\n') {
        end = start + nl;
    }
    SourceSpan::new(start.into(), end - start)
}

/// Renders a report to a string (no colors when `color` is false).
pub fn render(diag: SourceDiagnostic, color: bool) -> String {
    let handler = if color {
        // The colored theme, whatever miette would detect (the caller applied Node's rules).
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode())
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &diag).is_err() {
        out = diag.message.clone();
    }
    out
}

/// A syntax error diagnostic.
pub fn syntax_error(
    it: &Interp,
    source: u32,
    err: &jsgen_engine::parser::SyntaxError,
) -> SourceDiagnostic {
    let (name, text) = source_text(it, source);
    SourceDiagnostic {
        message: format!("SyntaxError: {}", err.message),
        span: source_span(&text, err.span),
        src: NamedSource::new(name, text),
        label: "here".into(),
        help: None,
    }
}

/// An uncaught-exception diagnostic: `Uncaught Error: msg`, the throw site, and the stack.
pub fn uncaught(
    it: &mut Interp,
    value: &Value,
    pos: Option<(u32, Span)>,
    prefix: &str,
) -> SourceDiagnostic {
    let (headline, stack) = describe_exception(it, value);
    // Label the place the stack's first frame in the user's code names (where the error was
    // made, as Node's caret), else where it was thrown.
    let (source, span) = stack_origin(it, &stack)
        .or(pos)
        .unwrap_or((0, Span::default()));
    let stack = user_frames(&stack);
    let (name, text) = source_text(it, source);
    SourceDiagnostic {
        message: format!("{prefix}{headline}"),
        span: source_span(&text, span),
        src: NamedSource::new(name, text),
        label: "thrown here".into(),
        help: if stack.is_empty() { None } else { Some(stack) },
    }
}

/// The frames of a stack that belong to the user's code: Node's own (`node:...`) stay in
/// `err.stack` but are noise in a learner's diagnostic.
fn user_frames(stack: &str) -> String {
    stack
        .lines()
        .filter(|l| !(l.contains("(node:") || l.trim_start().starts_with("at node:")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The (source, span) of the first frame of `stack` (lines `at f (file:line:col)` or
/// `at file:line:col`) that points into a loaded source other than Node's own modules; the
/// span covers the word there.
fn stack_origin(it: &Interp, stack: &str) -> Option<(u32, Span)> {
    for line in stack.lines() {
        let l = line.trim();
        let Some(rest) = l.strip_prefix("at ") else {
            continue;
        };
        let loc = match rest.strip_suffix(')') {
            Some(r) => &r[r.rfind('(')? + 1..],
            None => rest,
        };
        let mut parts = loc.rsplitn(3, ':');
        let (Some(col), Some(line_no), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if path.starts_with("node:") {
            continue;
        }
        let (Ok(line_no), Ok(col)) = (line_no.parse::<u32>(), col.parse::<u32>()) else {
            continue;
        };
        let Some(index) = it.sources.iter().rposition(|s| s.name == path) else {
            continue;
        };
        let src = &it.sources[index];
        let start = src.offset_of(line_no, col)?;
        let word = src.text[start as usize..]
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '$'))
            .map_or(src.text.len() - start as usize, |(i, _)| i)
            .max(1) as u32;
        return Some((
            index as u32,
            Span {
                start,
                end: start + word,
            },
        ));
    }
    None
}

fn source_text(it: &Interp, source: u32) -> (String, String) {
    match it.sources.get(source as usize) {
        Some(s) => (s.name.clone(), s.text.to_string()),
        None => ("<unknown>".into(), String::new()),
    }
}

/// (first line, stack lines) of a thrown value.
fn describe_exception(it: &mut Interp, value: &Value) -> (String, String) {
    if let Value::Object(o) = value {
        if let Some(stack) = it.own_stack_string(o) {
            let s = stack.to_rust_string();
            let mut lines = s.lines();
            let first = lines.next().unwrap_or("").to_string();
            let rest: Vec<&str> = lines.map(|l| l.trim_start()).collect();
            return (first, rest.join("\n"));
        }
    }
    let text = jsgen_node::inspect::inspect(it, value).unwrap_or_else(|_| "exception".into());
    (text, String::new())
}
