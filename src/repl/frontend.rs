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

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, ConditionalEventHandler, Config, Editor, Event, EventContext, EventHandler,
    ExternalPrinter, Helper, KeyEvent, RepeatCount,
};

/// A completion request: (line, cursor) and where to send (start, candidates).
pub type CompleteRequest = (String, usize, Sender<(usize, Vec<String>)>);

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

/// The editor's helper: completion asks the interpreter thread.
struct ReplHelper {
    events: Sender<Input>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (tx, rx) = channel();
        if self
            .events
            .send(Input::Complete((line.to_string(), pos, tx)))
            .is_err()
        {
            return Ok((pos, Vec::new()));
        }
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok((start, words)) => Ok((
                start,
                words
                    .into_iter()
                    .map(|w| Pair {
                        display: w.clone(),
                        replacement: w,
                    })
                    .collect(),
            )),
            Err(_) => Ok((pos, Vec::new())),
        }
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
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
    editor.set_helper(Some(ReplHelper {
        events: events.clone(),
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
    for prompt in requests {
        let ev = match editor.readline(&prompt) {
            Ok(line) => {
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
