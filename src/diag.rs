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
        miette::GraphicalReportHandler::new()
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
    let (source, span) = pos.unwrap_or((0, Span::default()));
    let (name, text) = source_text(it, source);
    SourceDiagnostic {
        message: format!("{prefix}{headline}"),
        span: source_span(&text, span),
        src: NamedSource::new(name, text),
        label: "thrown here".into(),
        help: if stack.is_empty() { None } else { Some(stack) },
    }
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
