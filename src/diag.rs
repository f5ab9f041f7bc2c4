//! Diagnostics: syntax errors, uncaught exceptions and unhandled rejections rendered with
//! miette (the message, the source line with the offending span labelled, and the stack).

use miette::{Diagnostic, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
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
    pub src: DiagSource,
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

/// The byte range of `span` within `text`, on the span's first line (a multi-line span is
/// labelled on its first line only).
fn clamp_span(text: &str, span: Span) -> (usize, usize) {
    let mut start = (span.start as usize).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end as usize).min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if let Some(nl) = text[start..end].find('\n') {
        end = start + nl;
    }
    (start, end)
}

/// Lines longer than this many characters are shown as a window of this width.
const MAX_LINE_CHARS: usize = 200;
/// Characters of a windowed line kept before the label.
const CHARS_BEFORE_LABEL: usize = 80;
const ELLIPSIS: &str = "\u{2026}";

/// The source miette renders: the script with every line longer than [`MAX_LINE_CHARS`]
/// cut to a window (around the label on its line, marked with `…`), so miette neither
/// prints megabyte lines nor overflows its formatting widths (it panics past 65 535 visual
/// columns). Lines keep their numbers; the header still gives the label's original line and
/// column.
#[derive(Debug)]
pub struct DiagSource {
    name: String,
    text: String,
    /// The label's span in `text`.
    label: SourceSpan,
    /// 0-based line and byte column of the label in the original source.
    line: usize,
    column: usize,
}

impl DiagSource {
    fn new(name: String, original: &str, span: Span) -> DiagSource {
        let (start, end) = clamp_span(original, span);
        let mut text = String::with_capacity(original.len().min(1 << 16));
        // Past the last line (an error at the end of a script ending in a newline), the
        // label sits at the end of the (windowed) text.
        let mut label = None;
        let mut line = original.matches('\n').count();
        let mut column = 0;
        let mut line_start = 0;
        for (i, chunk) in original.split_inclusive('\n').enumerate() {
            let content = chunk.trim_end_matches(['\n', '\r']);
            let has_label = (line_start..=line_start + content.len()).contains(&start);
            if has_label {
                line = i;
                column = start - line_start;
            }
            let out_start = text.len();
            if content.chars().count() <= MAX_LINE_CHARS {
                text.push_str(chunk);
                if has_label {
                    label = Some((out_start + start - line_start, out_start + end - line_start));
                }
            } else {
                let bounds: Vec<usize> = content
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(content.len()))
                    .collect();
                let chars = bounds.len() - 1;
                let from = if has_label {
                    let at = bounds.partition_point(|&b| b < start - line_start);
                    at.saturating_sub(CHARS_BEFORE_LABEL)
                } else {
                    0
                };
                let to = (from + MAX_LINE_CHARS).min(chars);
                if from > 0 {
                    text.push_str(ELLIPSIS);
                }
                let (bf, bt) = (bounds[from], bounds[to]);
                let shown = text.len();
                text.push_str(&content[bf..bt]);
                if to < chars {
                    text.push_str(ELLIPSIS);
                }
                text.push_str(&chunk[content.len()..]);
                if has_label {
                    let s = start - line_start;
                    let e = (end - line_start).min(bt).max(s);
                    label = Some((shown + s - bf, shown + e - bf));
                }
            }
            line_start += chunk.len();
        }
        let (ls, le) = label.unwrap_or((text.len(), text.len()));
        DiagSource {
            name,
            text,
            label: SourceSpan::new(ls.into(), le - ls),
            line,
            column,
        }
    }

    /// `name:line:column` of the label (1-based), as miette's header shows it.
    fn location(&self) -> String {
        format!("{}:{}:{}", self.name, self.line + 1, self.column + 1)
    }
}

impl SourceCode for DiagSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // The label's own position (miette reads it without context for the header) is the
        // original one, not the windowed one.
        let (line, column) = if context_lines_before == 0
            && context_lines_after == 0
            && span.offset() == self.label.offset()
        {
            (self.line, self.column)
        } else {
            (c.line(), c.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            *c.span(),
            line,
            column,
            c.line_count(),
        )))
    }
}

/// Renders a report to a string (no colors when `color` is false). If miette fails or
/// panics, the message, location and help are printed plainly instead: the error is never
/// lost to an internal error of the renderer.
pub fn render(diag: SourceDiagnostic, color: bool) -> String {
    let handler = if color {
        // The colored theme, whatever miette would detect (the caller applied Node's rules).
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode())
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
    };
    let rendered = {
        // Keep the default hook from printing the panic while it is caught here.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut out = String::new();
            handler.render_report(&mut out, &diag).map(|_| out)
        }));
        std::panic::set_hook(hook);
        r
    };
    match rendered {
        Ok(Ok(out)) => out,
        _ => plain(&diag),
    }
}

/// The diagnostic without miette: message, location, help.
fn plain(diag: &SourceDiagnostic) -> String {
    let mut out = format!(
        "  \u{d7} {}\n    at {}\n",
        diag.message,
        diag.src.location()
    );
    if let Some(help) = &diag.help {
        let mut lines = help.lines();
        if let Some(first) = lines.next() {
            out.push_str(&format!("  help: {first}\n"));
        }
        for l in lines {
            out.push_str(&format!("        {l}\n"));
        }
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
    let src = DiagSource::new(name, &text, err.span);
    SourceDiagnostic {
        message: format!("SyntaxError: {}", err.message),
        span: src.label,
        src,
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
    let (headline, stack, decorated) = describe_exception(it, value);
    // Label the place a decorated stack names (a SyntaxError of a required file: Node puts
    // `file:line`, the line and a caret above the message), else the place the stack's first
    // frame in the user's code names (where the error was made, as Node's caret), else where
    // it was thrown.
    let (source, span) = decorated
        .and_then(|(path, line, col)| source_at(it, &path, line, col))
        .or_else(|| stack_origin(it, &stack))
        .or(pos)
        .unwrap_or((0, Span::default()));
    let stack = user_frames(&stack);
    let (name, text) = source_text(it, source);
    let src = DiagSource::new(name, &text, span);
    SourceDiagnostic {
        message: format!("{prefix}{headline}"),
        span: src.label,
        src,
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

/// The (source, span) of `line`:`col` in the loaded source named `path`, covering the word
/// there.
fn source_at(it: &Interp, path: &str, line_no: u32, col: u32) -> Option<(u32, Span)> {
    let index = it.sources.iter().rposition(|s| s.name == path)?;
    let src = &it.sources[index];
    let start = src.offset_of(line_no, col)?;
    let word = src.text[start as usize..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '$'))
        .map_or(src.text.len() - start as usize, |(i, _)| i)
        .max(1) as u32;
    Some((
        index as u32,
        Span {
            start,
            end: start + word,
        },
    ))
}

/// A stack V8 decorated with the place of a syntax error (`file:line`, the source line, a
/// caret line, a blank line, then `SyntaxError: ...`): (path, line, column) and the rest.
fn split_decoration(s: &str) -> (Option<(String, u32, u32)>, &str) {
    let mut parts = s.splitn(4, '\n');
    let (Some(head), Some(_code), Some(caret), Some(rest)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return (None, s);
    };
    let Some(rest) = rest.strip_prefix('\n') else {
        return (None, s);
    };
    let Some((path, line)) = head.rsplit_once(':') else {
        return (None, s);
    };
    let (Ok(line), Some(col)) = (line.parse::<u32>(), caret.find('^')) else {
        return (None, s);
    };
    if caret.trim().chars().any(|c| c != '^') {
        return (None, s);
    }
    (Some((path.to_string(), line, col as u32 + 1)), rest)
}

fn source_text(it: &Interp, source: u32) -> (String, String) {
    match it.sources.get(source as usize) {
        Some(s) => (s.name.clone(), s.text.to_string()),
        None => ("<unknown>".into(), String::new()),
    }
}

/// A decorated stack's (path, line, column) of a syntax error.
type Decoration = Option<(String, u32, u32)>;

/// (first line, stack lines, decoration) of a thrown value.
fn describe_exception(it: &mut Interp, value: &Value) -> (String, String, Decoration) {
    if let Value::Object(o) = value {
        if let Some(stack) = it.own_stack_string(o) {
            let s = stack.to_rust_string();
            let (decoration, s) = split_decoration(&s);
            let mut lines = s.lines();
            let first = lines.next().unwrap_or("").to_string();
            let rest: Vec<&str> = lines.map(|l| l.trim_start()).collect();
            return (first, rest.join("\n"), decoration);
        }
    }
    let text = jsgen_node::inspect::inspect(it, value).unwrap_or_else(|_| "exception".into());
    (text, String::new(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(name: &str, text: &str, span: Span) -> SourceDiagnostic {
        let src = DiagSource::new(name.into(), text, span);
        SourceDiagnostic {
            message: "SyntaxError: Unexpected token ')'".into(),
            span: src.label,
            src,
            label: "here".into(),
            help: None,
        }
    }

    /// The display column (in chars after the gutter) of `needle` on the first row that
    /// starts with `gutter` and contains it.
    fn col_of(out: &str, gutter: &str, needle: char) -> Option<usize> {
        out.lines()
            .filter_map(|l| l.split_once(gutter).map(|(_, rest)| rest))
            .find_map(|rest| rest.chars().position(|c| c == needle))
    }

    #[test]
    fn long_lines_are_windowed_with_the_caret_in_place() {
        // miette panics past 65 535 visual columns ("Formatting argument out of range").
        let text = format!("let a = 1;\n{})\nlet b = 2;\n", " ".repeat(65_536));
        let at = 11 + 65_536;
        let out = render(diag("wide.js", &text, Span::new(at, at + 1)), false);
        assert!(out.contains("SyntaxError: Unexpected token ')'"), "{out}");
        // The original line and column, and the neighbouring lines with their numbers.
        assert!(out.contains("[wide.js:2:65537]"), "{out}");
        assert!(out.contains(" 1 │ let a = 1;"), "{out}");
        assert!(out.contains(" 3 │ let b = 2;"), "{out}");
        assert!(out.contains(" 2 │ \u{2026}"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 300), "{out}");
        // The caret is under the `)`.
        let paren = col_of(&out, " 2 │ ", ')');
        let caret = col_of(&out, " · ", '┬');
        assert!(paren.is_some() && paren == caret, "{out}");
    }

    #[test]
    fn a_label_past_a_long_line_and_at_the_end_stays_in_range() {
        let text = format!("{}\n", "x".repeat(100_000));
        let out = render(
            diag("end.js", &text, Span::new(text.len(), text.len())),
            false,
        );
        assert!(out.contains("[end.js:2:1]"), "{out}");
        let text = format!("'{}", "é".repeat(70_000));
        let out = render(diag("s.js", &text, Span::new(0, text.len())), false);
        assert!(out.contains("[s.js:1:1]"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 300), "{out}");
    }

    #[test]
    fn a_panic_in_miette_still_prints_the_error() {
        // A source miette cannot render (not windowed): the message is printed plainly.
        let src = DiagSource {
            name: "raw.js".into(),
            text: format!("{})", " ".repeat(70_000)),
            label: SourceSpan::new(70_000.into(), 1),
            line: 0,
            column: 70_000,
        };
        let d = SourceDiagnostic {
            message: "SyntaxError: Unexpected token ')'".into(),
            span: src.label,
            src,
            label: "here".into(),
            help: Some("at one\nat two".into()),
        };
        let out = render(d, false);
        assert_eq!(
            out,
            "  \u{d7} SyntaxError: Unexpected token ')'\n    at raw.js:1:70001\n  help: at one\n        at two\n"
        );
    }
}
