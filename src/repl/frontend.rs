//! Where REPL input comes from: a rustyline editor on a terminal, or lines of a piped stdin.
//!
//! Reading blocks, and the interpreter must keep running timers meanwhile, so reading happens
//! on its own thread. The interpreter thread sends it a prompt ([`Frontend::request_line`]),
//! then waits for an [`Input`] with a timeout set to the next timer's deadline, running due
//! timers whenever the wait times out. Tab completion needs the interpreter too: the editor's
//! completer sends an [`Input::Complete`] request over the same channel and waits for the
//! answer, which the interpreter thread computes while it waits for the line.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use std::sync::Mutex;

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, ConditionalEventHandler, Config, Editor, Event, EventContext, EventHandler,
    ExternalPrinter, Helper, KeyEvent, Movement, RepeatCount,
};

/// A completion request: the text before the cursor, and where to send Node's answer
/// (completions with `""` between groups, the text completed on).
pub type CompleteRequest = (String, Sender<(Vec<String>, String)>);

/// A preview request: (line, cursor, terminal columns) and where to send the preview.
pub type PreviewRequest = (String, usize, usize, Sender<super::preview::Preview>);

/// What the input thread reports.
pub enum Input {
    Line(String),
    /// Ctrl+C; `empty` tells whether the edited line was empty.
    Interrupted {
        empty: bool,
    },
    /// Ctrl+D on an empty line, or the end of piped input.
    Eof,
    Complete(CompleteRequest),
    Preview(PreviewRequest),
}

/// The reading side of the REPL, driven from the interpreter thread.
pub struct Frontend {
    requests: Sender<String>,
    events: Receiver<Input>,
    /// Prints above the prompt while the editor is reading (terminal only).
    printer: Option<Box<dyn ExternalPrinter + Send>>,
    pub terminal: bool,
}

impl Frontend {
    /// Starts the input thread: a line editor when `terminal`, plain stdin lines otherwise.
    pub fn start(terminal: bool) -> Frontend {
        let (req_tx, req_rx) = channel::<String>();
        let (ev_tx, ev_rx) = channel::<Input>();
        let (printer_tx, printer_rx) = channel::<Option<Box<dyn ExternalPrinter + Send>>>();
        let spawned = std::thread::Builder::new()
            .name("jsgen-repl-input".into())
            .spawn(move || {
                if terminal {
                    editor_thread(req_rx, ev_tx, printer_tx)
                } else {
                    let _ = printer_tx.send(None);
                    stdin_thread(req_rx, ev_tx)
                }
            });
        let printer = match spawned {
            Ok(_) => printer_rx.recv().ok().flatten(),
            Err(_) => None,
        };
        Frontend {
            requests: req_tx,
            events: ev_rx,
            printer,
            terminal,
        }
    }

    /// Asks for the next line. On a piped stdin the prompt is written here (the input thread
    /// only reads); on a terminal the editor shows it.
    pub fn request_line(&self, prompt: &str) {
        if !self.terminal {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(prompt.as_bytes());
            let _ = out.flush();
        }
        if self.requests.send(prompt.to_string()).is_err() {
            // The input thread is gone: next_event reports Eof.
        }
    }

    /// The next input, or `None` when `timeout` passed first.
    pub fn next_event(&self, timeout: Option<Duration>) -> Option<Input> {
        match timeout {
            None => Some(self.events.recv().unwrap_or(Input::Eof)),
            Some(t) => match self.events.recv_timeout(t) {
                Ok(ev) => Some(ev),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Input::Eof),
            },
        }
    }

    /// Output produced while the user is typing (timer callbacks): above the prompt on a
    /// terminal, straight to stdout otherwise.
    pub fn print_async(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        if let Some(p) = &mut self.printer {
            if p.print(text.clone()).is_ok() {
                return;
            }
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
}

fn stdin_thread(requests: Receiver<String>, events: Sender<Input>) {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    for _prompt in requests {
        let mut buf = Vec::new();
        let ev = match lock.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => {
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                Input::Line(String::from_utf8_lossy(&buf).into_owned())
            }
        };
        // After the end of piped input every later read reports Eof again.
        if events.send(ev).is_err() {
            return;
        }
    }
}

/// Ctrl+C: remember whether the line was empty (rustyline does not say), then interrupt.
struct CtrlC(Arc<AtomicBool>);

impl ConditionalEventHandler for CtrlC {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        self.0.store(ctx.line().is_empty(), Ordering::Relaxed);
        Some(Cmd::Interrupt)
    }
}

/// How long the editor waits for the interpreter thread's answer to a completion or preview.
const ANSWER_WAIT: Duration = Duration::from_millis(1000);

/// Asks the interpreter thread for Node's completions of `before` (the text before the cursor).
fn ask_completions(events: &Sender<Input>, before: &str) -> Option<(Vec<String>, String)> {
    let (tx, rx) = channel();
    events
        .send(Input::Complete((before.to_string(), tx)))
        .ok()?;
    rx.recv_timeout(ANSWER_WAIT).ok()
}

/// The terminal's width in columns (80 when it cannot be read).
pub fn terminal_columns() -> usize {
    // SAFETY: TIOCGWINSZ writes a `winsize` into the struct we pass, nothing else.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0 {
            return ws.ws_col as usize;
        }
    }
    80
}

/// Tab as Node's readline (`_tabComplete`): insert the completions' common prefix; when there
/// is none to add, a second Tab lists them, in groups, in rows as wide as the terminal.
struct TabComplete {
    events: Sender<Input>,
    printer: Mutex<Option<Box<dyn ExternalPrinter + Send>>>,
    /// (line, cursor) at the previous Tab: a Tab that finds them unchanged is a second Tab.
    last: Mutex<Option<(String, usize)>>,
    prompt: Arc<Mutex<String>>,
}

impl ConditionalEventHandler for TabComplete {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line().to_string();
        let pos = ctx.pos();
        let again = {
            let mut last = self.last.lock().ok()?;
            let again = last.as_ref() == Some(&(line.clone(), pos));
            *last = Some((line.clone(), pos));
            again
        };
        let before = line.get(..pos).unwrap_or(&line);
        let (completions, on) = ask_completions(&self.events, before)?;
        if completions.is_empty() {
            return Some(Cmd::Noop);
        }
        let prefix = super::preview::common_prefix(completions.iter().filter(|c| !c.is_empty()));
        if prefix.starts_with(&on) && prefix.len() > on.len() {
            return Some(Cmd::Insert(1, prefix[on.len()..].to_string()));
        } else if !on.starts_with(&prefix) {
            return Some(Cmd::Replace(
                Movement::BackwardChar(u16::try_from(on.chars().count()).unwrap_or(u16::MAX)),
                Some(prefix),
            ));
        }
        if !again {
            return Some(Cmd::Noop);
        }
        let listing = list_completions(&completions, terminal_columns());
        let prompt = self.prompt.lock().map(|p| p.clone()).unwrap_or_default();
        if let Ok(mut printer) = self.printer.lock() {
            if let Some(p) = printer.as_mut() {
                let _ = p.print(format!("{prompt}{line}{listing}"));
            }
        }
        Some(Cmd::Noop)
    }
}

/// Rewrites the accepted line above the cursor with the completion Enter inserted, as Node
/// shows it (only when prompt and line fit on one row; a longer line keeps its text).
fn redraw_accepted_line(prompt: &str, line: &str) {
    let width = prompt.chars().count() + line.chars().count();
    if line.contains('\n') || width >= terminal_columns() {
        return;
    }
    let mut out = std::io::stdout();
    let _ = write!(out, "\x1b[1A\r{prompt}{line}\x1b[K\r\n");
    let _ = out.flush();
}

/// Node's listing: `\r\n`, then the completions in rows of `columns / width` cells (width =
/// the longest plus two), a new row for each group, a blank row between groups, and a blank
/// row after.
pub fn list_completions(completions: &[String], columns: usize) -> String {
    let width = completions
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let max_columns = (columns / width).max(1);
    let mut out = String::from("\r\n");
    let mut line_index = 0;
    let mut whitespace = 0;
    for c in completions {
        if c.is_empty() || line_index == max_columns {
            out.push_str("\r\n");
            line_index = 0;
            whitespace = 0;
        } else {
            out.push_str(&" ".repeat(whitespace));
        }
        if c.is_empty() {
            out.push_str("\r\n");
        } else {
            out.push_str(c);
            whitespace = width - c.chars().count();
            line_index += 1;
        }
    }
    if line_index != 0 {
        out.push_str("\r\n\r\n");
    }
    out
}

/// The editor's helper: the live preview asks the interpreter thread.
struct ReplHelper {
    events: Sender<Input>,
    colors: bool,
    /// The completion preview on screen, for Enter.
    shown: ShownCompletion,
}

impl Completer for ReplHelper {
    type Candidate = String;
}

/// The live preview as rustyline shows it: `display` is everything after the cursor (the
/// completion suffix, then the value's row); `completion` is what Right or Enter at the end
/// of the input inserts (Node's `completionPreview`), never the value row.
pub struct PreviewHint {
    display: String,
    completion: Option<String>,
}

impl rustyline::hint::Hint for PreviewHint {
    fn display(&self) -> &str {
        &self.display
    }
    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// The completion preview last shown: (line, cursor, suffix).
type ShownCompletion = Arc<Mutex<Option<(String, usize, String)>>>;

/// Enter, as Node's REPL: with the cursor at the end of the input, a completion preview on
/// screen is inserted before the line is accepted (`Math.PI.toFix` Enter runs
/// `Math.PI.toFixed`). The handler records the suffix; the editor thread appends it to
/// the accepted line and redraws that line.
struct EnterInsertsCompletion {
    shown: ShownCompletion,
    pending: Arc<Mutex<Option<String>>>,
}

impl ConditionalEventHandler for EnterInsertsCompletion {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line();
        let suffix = self.shown.lock().ok().and_then(|s| match s.as_ref() {
            Some((l, pos, suffix))
                if l == line && *pos == line.len() && ctx.pos() == line.len() =>
            {
                Some(suffix.clone())
            }
            _ => None,
        });
        if let Ok(mut p) = self.pending.lock() {
            *p = suffix;
        }
        // The default binding accepts the line.
        None
    }
}

impl Hinter for ReplHelper {
    type Hint = PreviewHint;
    fn hint(&self, line: &str, pos: usize, _: &rustyline::Context<'_>) -> Option<PreviewHint> {
        if let Ok(mut shown) = self.shown.lock() {
            *shown = None;
        }
        // Simple terminals can't show previews (Node: `TERM=dumb`).
        if line.trim().is_empty() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            return None;
        }
        let (tx, rx) = channel();
        self.events
            .send(Input::Preview((
                line.to_string(),
                pos,
                terminal_columns(),
                tx,
            )))
            .ok()?;
        let p = rx.recv_timeout(ANSWER_WAIT).ok()?;
        if p.completion.is_empty() && p.value.is_empty() {
            return None;
        }
        let completion = (!p.completion.is_empty()).then(|| p.completion.clone());
        if let (Some(c), Ok(mut shown)) = (&completion, self.shown.lock()) {
            *shown = Some((line.to_string(), pos, c.clone()));
        }
        let mut hint = if self.colors || p.completion.is_empty() {
            p.completion
        } else {
            format!(" // {}", p.completion)
        };
        if !p.value.is_empty() {
            hint.push('\n');
            if !self.colors {
                hint.push_str("// ");
            }
            hint.push_str(&p.value);
        }
        Some(PreviewHint {
            display: hint,
            completion,
        })
    }
}

impl Highlighter for ReplHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> std::borrow::Cow<'h, str> {
        if !self.colors {
            return std::borrow::Cow::Borrowed(hint);
        }
        let dim: Vec<String> = hint
            .split('\n')
            .map(|part| {
                if part.is_empty() {
                    String::new()
                } else {
                    format!("\x1b[90m{part}\x1b[39m")
                }
            })
            .collect();
        std::borrow::Cow::Owned(dim.join("\n"))
    }
}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

fn editor_thread(
    requests: Receiver<String>,
    events: Sender<Input>,
    printer_tx: Sender<Option<Box<dyn ExternalPrinter + Send>>>,
) {
    // History persists in Node's format (`history.rs`); only a terminal session uses it.
    let history = super::history::HistoryFile::from_env(|k| std::env::var(k).ok());
    let mut entries = history.as_ref().map(|h| h.load()).unwrap_or_default();
    let config = Config::builder()
        .auto_add_history(false)
        // Like Node: Tab completes the common prefix, a second Tab lists the candidates.
        .completion_type(rustyline::CompletionType::List)
        // As Node: no bracketed paste, so a paste arrives as typed lines and each line runs
        // on its own (rustyline would otherwise insert the whole paste as one entry).
        .bracketed_paste(false)
        .max_history_size(
            history
                .as_ref()
                .map_or(super::history::DEFAULT_SIZE, |h| h.size),
        )
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor: Editor<ReplHelper, rustyline::history::MemHistory> =
        match Editor::with_history(config, rustyline::history::MemHistory::new()) {
            Ok(e) => e,
            Err(_) => {
                let _ = printer_tx.send(None);
                return stdin_thread(requests, events);
            }
        };
    let shown: ShownCompletion = Arc::new(Mutex::new(None));
    let pending_completion = Arc::new(Mutex::new(None::<String>));
    editor.bind_sequence(
        KeyEvent(rustyline::KeyCode::Enter, rustyline::Modifiers::NONE),
        EventHandler::Conditional(Box::new(EnterInsertsCompletion {
            shown: shown.clone(),
            pending: pending_completion.clone(),
        })),
    );
    editor.set_helper(Some(ReplHelper {
        shown,
        events: events.clone(),
        colors: {
            use std::io::IsTerminal;
            jsgen_node::console::should_colorize(std::io::stdout().is_terminal(), &|k| {
                std::env::var(k).ok()
            })
        },
    }));
    for e in &entries {
        let _ = editor.add_history_entry(e.as_str());
    }
    let line_was_empty = Arc::new(AtomicBool::new(true));
    editor.bind_sequence(
        KeyEvent::ctrl('C'),
        EventHandler::Conditional(Box::new(CtrlC(line_was_empty.clone()))),
    );
    let printer = editor
        .create_external_printer()
        .ok()
        .map(|p| Box::new(p) as Box<dyn ExternalPrinter + Send>);
    let _ = printer_tx.send(printer);
    let current_prompt = Arc::new(Mutex::new(String::new()));
    let tab_printer = editor
        .create_external_printer()
        .ok()
        .map(|p| Box::new(p) as Box<dyn ExternalPrinter + Send>);
    editor.bind_sequence(
        KeyEvent(rustyline::KeyCode::Tab, rustyline::Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabComplete {
            events: events.clone(),
            printer: Mutex::new(tab_printer),
            last: Mutex::new(None),
            prompt: current_prompt.clone(),
        })),
    );
    for prompt in requests {
        if let Ok(mut p) = current_prompt.lock() {
            p.clone_from(&prompt);
        }
        let ev = match editor.readline(&prompt) {
            Ok(mut line) => {
                let pending = pending_completion.lock().ok().and_then(|mut p| p.take());
                if let Some(suffix) = pending {
                    line.push_str(&suffix);
                    redraw_accepted_line(&prompt, &line);
                }
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                    if let Some(h) = &history {
                        entries.push(line.clone());
                        let keep = entries.len().saturating_sub(h.size);
                        entries.drain(..keep);
                        let _ = h.save(&entries);
                    }
                }
                Input::Line(line)
            }
            Err(ReadlineError::Interrupted) => Input::Interrupted {
                empty: line_was_empty.load(Ordering::Relaxed),
            },
            Err(_) => Input::Eof,
        };
        // Ctrl+D ends `.editor` mode without ending the session: keep serving requests.
        if events.send(ev).is_err() {
            return;
        }
    }
}
