//! The interactive REPL (`jsgen` on a terminal, or `jsgen -i`), modelled on Node v20's.
//!
//! - `input.rs`: pure text helpers (commands, `{a:1}` wrapping, the top-level-`await`
//!   rewrite, error report texts).
//! - `frontend.rs`: the input thread (rustyline on a terminal, stdin lines otherwise).
//! - `complete.rs`: tab completion of globals and properties.
//! - this file: the session — evaluation in one persistent realm, printing, `_`/`_error`,
//!   dot-commands, and running timers while the user types.
//!
//! Each entry is a separate script (named `REPL1`, `REPL2`, ... in stack traces) evaluated in
//! the same realm, so top-level `let`/`const`/`class` go into the global lexical environment
//! and persist, and declaring one twice is a SyntaxError, as in Node.

pub mod complete;
pub mod frontend;
mod history;
pub mod input;
pub mod preview;

use std::io::Write;
use std::sync::atomic::Ordering;

use jsgen_engine::interp::jobs::PromiseState;
use jsgen_engine::interp::script::RunError;
use jsgen_engine::interp::{Args, Interp, JsResult, INTERRUPTED_MESSAGE};
use jsgen_engine::object::{Attrs, Obj, ObjectKind, PropKey, Slot};
use jsgen_engine::parser::{parse_script, ParseOptions};
use jsgen_engine::value::Value;
use jsgen_node::event_loop::LoopError;
use jsgen_node::prelude::*;

use frontend::{Frontend, Input};
use input::{object_literal_wrap, parse_command, rewrite_top_level_await};

/// Starts a REPL session and runs it until `.exit`, Ctrl+D (end of input) or a second Ctrl+C.
/// `terminal`: stdin is a terminal (line editor, Ctrl+C handling, `.editor`). `init` is code
/// to run first (`jsgen -i -e CODE`), in the session's global scope.
pub fn run(
    terminal: bool,
    init: Option<&str>,
    sandbox: bool,
    permission: Option<jsgen_node::permission::Permission>,
) -> u8 {
    let mut it = jsgen_node::node_interp();
    it.node_mut().console.detect_terminal();
    // `--sandbox`/`--permission`: the same model as for a script (fs calls, the environment).
    if let Some(perm) = permission {
        jsgen_node::permission::apply(&mut it, perm);
    }
    // Node's REPL context has `require` and `module` (not `exports`, `__filename`, `__dirname`).
    jsgen_node::require::install_repl_commonjs(&mut it);
    // The allowlist of side-effect-free built-ins (previews, completion) is taken before any
    // user code can replace one.
    it.prepare_side_effect_free();
    let fe = Frontend::start(terminal);
    if terminal {
        // Ctrl+C while code runs (the editor is not reading, so the terminal sends SIGINT):
        // stop the script. While the editor reads, Ctrl+C is a key, handled by the editor.
        // Installed after the editor exists: rustyline sets its own SIGINT handler when it
        // is created, which would replace this one.
        let flag = it.interrupt.clone();
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    }
    let mut repl = Repl::new(it, fe);
    repl.init = init.map(str::to_string);
    repl.sandbox = sandbox;
    repl.main_loop();
    let _ = std::io::stdout().flush();
    // `process.exit(code)` ends the session with its code (low 8 bits, as a process status).
    repl.it.exiting.map_or(0, |code| code as u8)
}

/// How a line or command leaves the session.
#[derive(PartialEq)]
enum Flow {
    Continue,
    Exit,
}

/// The outcome of evaluating an entry.
#[derive(PartialEq, Debug)]
enum Outcome {
    /// The input ended early (unterminated bracket, string template, ...): read more.
    Incomplete,
    Done,
}

pub struct Repl {
    it: Interp,
    fe: Frontend,
    /// Holds `_` and `_error` (read and written by the accessors on the global object).
    state: Obj,
    /// Entries evaluated so far (the next is `REPL<entries + 1>`).
    entries: usize,
    /// Lines of a multi-line entry typed so far.
    buffer: String,
    /// Ctrl+C was pressed on an empty line (a second press exits).
    saw_sigint: bool,
    /// Every line typed (and every file loaded), for `.save`.
    session_lines: Vec<String>,
    /// Code to run before the first prompt (`-i -e CODE`).
    init: Option<String>,
    /// `--sandbox`: `.load` and `.save` are refused.
    sandbox: bool,
}

const LAST: &str = "last";
const LAST_ERROR: &str = "lastError";

impl Repl {
    pub fn new(mut it: Interp, fe: Frontend) -> Repl {
        let state = it.new_object();
        define_underscore(&mut it, &state, "_", LAST);
        define_underscore(&mut it, &state, "_error", LAST_ERROR);
        Repl {
            it,
            fe,
            state,
            entries: 0,
            buffer: String::new(),
            saw_sigint: false,
            session_lines: Vec::new(),
            init: None,
            sandbox: false,
        }
    }

    fn out(&mut self, s: &str) {
        self.it.node_mut().console.write_out(s);
        let _ = std::io::stdout().flush();
    }

    fn main_loop(&mut self) {
        let version = env!("CARGO_PKG_VERSION");
        self.out(&format!(
            "Welcome to jsgen v{version}.\nType \".help\" for more information.\n"
        ));
        if let Some(code) = self.init.take() {
            // Its value is not printed; an error is, as for an entry.
            let r = self.it.run_script("[eval]", &code);
            if r.is_err() {
                self.finish(r);
            }
        }
        loop {
            if self.it.exiting.is_some() {
                return;
            }
            let prompt = if self.buffer.is_empty() { "> " } else { "| " };
            match self.read(prompt) {
                Input::Line(line) => {
                    self.saw_sigint = false;
                    if self.handle_line(line) == Flow::Exit {
                        return;
                    }
                }
                Input::Interrupted { empty } => {
                    if !self.buffer.is_empty() || !empty {
                        self.buffer.clear();
                        self.saw_sigint = false;
                    } else if self.saw_sigint {
                        return;
                    } else {
                        self.out("(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n");
                        self.saw_sigint = true;
                    }
                }
                Input::Eof => {
                    if self.fe.terminal {
                        self.out("\n");
                    }
                    return;
                }
                Input::Complete(_) | Input::Preview(_) => {}
            }
        }
    }

    /// Waits for the next line, running timers as they come due and answering completion
    /// requests meanwhile.
    fn read(&mut self, prompt: &str) -> Input {
        self.fe.request_line(prompt);
        loop {
            let timeout = self.it.time_to_next_timer();
            match self.fe.next_event(timeout) {
                None => self.run_timers_while_reading(),
                Some(Input::Complete((before, reply))) => {
                    let _ = reply.send(complete::complete(&mut self.it, &before));
                }
                Some(Input::Preview((line, pos, columns, reply))) => {
                    let multiline = !self.buffer.is_empty();
                    let colors = self.it.node_mut().console.stdout_colors;
                    let p = preview::preview(&mut self.it, &line, pos, multiline, columns, colors);
                    let _ = reply.send(p);
                }
                Some(ev) => return ev,
            }
        }
    }

    /// Timer callbacks that come due while the user types. On a terminal their output is
    /// printed above the prompt (rustyline's external printer redraws the line).
    fn run_timers_while_reading(&mut self) {
        self.it.interrupt.store(false, Ordering::Relaxed);
        let capture = self.fe.terminal && self.it.node_mut().console.capture.is_none();
        if capture {
            self.it.node_mut().console.capture = Some(Vec::new());
        }
        self.run_due();
        if capture {
            let out = self
                .it
                .node_mut()
                .console
                .capture
                .take()
                .unwrap_or_default();
            self.fe
                .print_async(String::from_utf8_lossy(&out).into_owned());
        }
    }

    /// Microtasks, then the timers due now; errors are reported and the session goes on.
    fn run_due(&mut self) {
        let state = self.state.clone();
        let mut report = |it: &mut Interp, e: LoopError| {
            let (LoopError::Uncaught(v) | LoopError::UnhandledRejection(v)) = e;
            report_uncaught(it, &state, &v);
        };
        self.it.run_due(&mut report);
    }

    fn handle_line(&mut self, line: String) -> Flow {
        if let Some((cmd, arg)) = parse_command(&line) {
            let (cmd, arg) = (cmd.to_string(), arg.to_string());
            return self.command(&cmd, &arg);
        }
        self.session_lines.push(line.clone());
        if self.buffer.is_empty() && line.is_empty() {
            return Flow::Continue;
        }
        let code = if self.buffer.is_empty() {
            line
        } else {
            format!("{}\n{line}", self.buffer)
        };
        match self.eval_entry(&code, true) {
            Outcome::Incomplete => self.buffer = code,
            Outcome::Done => self.buffer.clear(),
        }
        Flow::Continue
    }

    fn command(&mut self, cmd: &str, arg: &str) -> Flow {
        match cmd {
            "exit" => return Flow::Exit,
            // Node's CLI REPL evaluates in the global context, where `.clear` is `.break`.
            "break" | "clear" => self.buffer.clear(),
            "help" => {
                let h = input::help_text(self.fe.terminal);
                self.out(&h);
            }
            // Node offers `.editor` on a terminal only.
            "editor" if self.fe.terminal => return self.editor_mode(),
            // `--sandbox`: the REPL touches no files (Node's permission-model error).
            "load" | "save" if self.sandbox => self.out(
                "Uncaught Error [ERR_ACCESS_DENIED]: Access to this API has been restricted (--sandbox)\n",
            ),
            "load" => self.load(arg),
            "save" => self.save(arg),
            _ => self.out("Invalid REPL keyword\n"),
        }
        Flow::Continue
    }

    /// `.editor`: lines until Ctrl+D, evaluated as one entry; Ctrl+C cancels.
    fn editor_mode(&mut self) -> Flow {
        self.out("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n");
        let mut lines: Vec<String> = Vec::new();
        loop {
            match self.read("") {
                Input::Line(l) => lines.push(l),
                Input::Interrupted { .. } => {
                    self.out("\n");
                    return Flow::Continue;
                }
                Input::Eof => {
                    // The editor already moved to a new line.
                    let code = lines.join("\n");
                    self.session_lines.extend(lines);
                    self.eval_entry(&code, false);
                    return Flow::Continue;
                }
                Input::Complete(_) | Input::Preview(_) => {}
            }
        }
    }

    /// `.load FILE`: the file's text is evaluated as one entry (explicitly asked for, so the
    /// REPL may read it).
    fn load(&mut self, file: &str) {
        let path = std::path::Path::new(file);
        if !path.is_file() {
            if path.exists() {
                self.out(&format!("Failed to load: {file} is not a valid file\n"));
            } else {
                self.out(&format!("Failed to load: {file}\n"));
            }
            return;
        }
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                self.session_lines.push(text.clone());
                // Node writes the file into the REPL as typed input (in editor mode): a
                // terminal shows its text, then the results; then an empty line follows,
                // which shows one more prompt.
                if self.fe.terminal {
                    self.out(&text.replace('\n', "\r\n"));
                    if !text.ends_with('\n') {
                        self.out("\r\n");
                    }
                }
                self.eval_entry(&text, false);
                if !self.fe.terminal {
                    self.out("> ");
                }
            }
            Err(_) => self.out(&format!("Failed to load: {file}\n")),
        }
    }

    /// `.save FILE`: writes the lines typed so far. The only file the product ever writes,
    /// and only on this explicit command (see DESIGN.md).
    fn save(&mut self, file: &str) {
        let mut text = self.session_lines.join("\n");
        text.push('\n');
        if file.is_empty() {
            self.out("Failed to save: \n");
            return;
        }
        match std::fs::write(file, text) {
            Ok(()) => self.out(&format!("Session saved to: {file}\n")),
            Err(_) => self.out(&format!("Failed to save: {file}\n")),
        }
    }

    /// Evaluates one entry and prints its result (or its error). With `allow_incomplete`,
    /// input that ends early is not an error: the caller reads another line.
    fn eval_entry(&mut self, code: &str, allow_incomplete: bool) -> Outcome {
        self.it.interrupt.store(false, Ordering::Relaxed);
        let name = format!("REPL{}", self.entries + 1);
        let opts = ParseOptions::default();
        // `{a: 1}` is an object literal: try it in parentheses first (Node's rule).
        if let Some(wrapped) = object_literal_wrap(code) {
            let src = self.it.add_source(&name, &wrapped);
            if let Ok(script) = self.it.compile(src, &opts) {
                self.entries += 1;
                let r = self.it.evaluate_script(&script, src);
                self.finish(r);
                return Outcome::Done;
            }
        }
        let src = self.it.add_source(&name, code);
        let error = match self.it.compile(src, &opts) {
            Ok(script) => {
                self.entries += 1;
                let r = self.it.evaluate_script(&script, src);
                self.finish(r);
                return Outcome::Done;
            }
            Err(RunError::Syntax { error, .. }) => error,
            Err(e @ RunError::Uncaught { .. }) => {
                self.entries += 1;
                self.finish(Err(e));
                return Outcome::Done;
            }
        };
        // Top-level `await`: parse as module-like code and run Node's rewrite.
        if code.contains("await") {
            let tla = ParseOptions {
                strict: false,
                top_level_await: true,
                module: false,
            };
            match parse_script(code, &tla) {
                Ok(script) => {
                    self.entries += 1;
                    let rw = rewrite_top_level_await(code, &script);
                    self.eval_await(&name, &rw);
                    return Outcome::Done;
                }
                Err(e) if e.incomplete && allow_incomplete => return Outcome::Incomplete,
                Err(_) => {}
            }
        }
        if error.incomplete && allow_incomplete {
            return Outcome::Incomplete;
        }
        self.entries += 1;
        let report = input::syntax_error_report(code, &error);
        self.record_error(&Value::Undefined, Some(&error.message));
        self.out(&report);
        self.run_due();
        Outcome::Done
    }

    /// Runs a rewritten top-level-`await` entry: the declarations, then the async body, whose
    /// promise the event loop runs to completion (timers included) before the result prints.
    fn eval_await(&mut self, name: &str, rw: &input::AwaitRewrite) {
        let opts = ParseOptions::default();
        if !rw.prelude.is_empty() {
            let src = self.it.add_source(name, &rw.prelude);
            let r = self
                .it
                .compile(src, &opts)
                .and_then(|s| self.it.evaluate_script(&s, src));
            if r.is_err() {
                self.finish(r);
                return;
            }
        }
        let src = self.it.add_source(name, &rw.body);
        let r = self
            .it
            .compile(src, &opts)
            .and_then(|s| self.it.evaluate_script(&s, src));
        let promise = match r {
            Ok(Value::Object(p)) if matches!(p.borrow().kind, ObjectKind::Promise(_)) => p,
            other => {
                self.finish(other);
                return;
            }
        };
        if let ObjectKind::Promise(pd) = &mut promise.borrow_mut().kind {
            pd.is_handled = true;
        }
        let settled = loop {
            self.run_due();
            if let ObjectKind::Promise(pd) = &promise.borrow().kind {
                match &pd.state {
                    PromiseState::Pending => {}
                    PromiseState::Fulfilled(v) => break Some(Ok(v.clone())),
                    PromiseState::Rejected(e) => break Some(Err(e.clone())),
                }
            }
            if self.it.interrupt.load(Ordering::Relaxed) {
                break None;
            }
            // Nothing left that could settle it: on a terminal wait, as Node does, until
            // Ctrl+C; piped input goes on with the next line.
            let wait = match self.it.time_to_next_timer() {
                Some(w) => w,
                None if self.fe.terminal => std::time::Duration::from_millis(50),
                None => return,
            };
            // Sleep in slices so Ctrl+C (SIGINT sets INTERRUPT) stops the wait.
            std::thread::sleep(wait.min(std::time::Duration::from_millis(50)));
        };
        match settled {
            Some(Ok(v)) => self.finish(Ok(v)),
            Some(Err(e)) => self.finish(Err(RunError::Uncaught {
                value: e,
                pos: None,
            })),
            None => {
                // Node's ERR_SCRIPT_EXECUTION_INTERRUPTED.
                let proto = self.it.intrinsics.error_prototype.clone();
                let value = jsgen_node::process::node_error(
                    &mut self.it,
                    &proto,
                    "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                    INTERRUPTED_MESSAGE,
                );
                self.it.interrupt.store(false, Ordering::Relaxed);
                self.finish(Err(RunError::Uncaught { value, pos: None }));
            }
        }
    }

    /// Prints an entry's result (setting `_`) or its error (setting `_error`), then runs
    /// microtasks and due timers.
    fn finish(&mut self, r: Result<Value, RunError>) {
        if self.it.exiting.is_some() {
            // `process.exit()` ran: the session ends without printing the unwinding.
            return;
        }
        match r {
            Ok(v) => {
                if !self.assigned(LAST) {
                    self.state.define(LAST, v.clone(), Attrs::DEFAULT);
                }
                let opts = self.it.node_mut().console.stdout_options();
                let text = jsgen_node::inspect::inspect_with(&mut self.it, &v, &opts)
                    .unwrap_or_else(|_| "undefined".into());
                self.out(&format!("{text}\n"));
            }
            Err(RunError::Uncaught { value, .. }) => {
                if self.it.interrupt.swap(false, Ordering::Relaxed) {
                    self.out(&format!("Uncaught Error: {INTERRUPTED_MESSAGE}\n"));
                    self.record_error(&value, None);
                } else {
                    report_uncaught(&mut self.it, &self.state, &value);
                }
            }
            Err(RunError::Syntax { source, error }) => {
                let text = self
                    .it
                    .sources
                    .get(source as usize)
                    .map(|s| s.text.to_string())
                    .unwrap_or_default();
                let report = input::syntax_error_report(&text, &error);
                self.out(&report);
            }
        }
        self.it.interrupt.store(false, Ordering::Relaxed);
        self.run_due();
    }

    fn assigned(&self, key: &str) -> bool {
        matches!(
            self.state
                .get_own_data(&PropKey::from_name(&format!("{key}Assigned"))),
            Some(Value::Bool(true))
        )
    }

    /// `_error` for a syntax error: Node keeps the SyntaxError object; we make one.
    fn record_error(&mut self, value: &Value, syntax_message: Option<&str>) {
        let v = match syntax_message {
            Some(m) => match self.it.syntax_error(m) {
                jsgen_engine::interp::Abrupt::Throw(v) => v,
                _ => value.clone(),
            },
            None => value.clone(),
        };
        if !self.assigned(LAST_ERROR) {
            self.state.define(LAST_ERROR, v, Attrs::DEFAULT);
        }
    }
}

/// Prints `Uncaught ...` for an exception (trimming the REPL's own frames off its stack, as
/// Node does) and stores it in `_error`.
fn report_uncaught(it: &mut Interp, state: &Obj, value: &Value) {
    let is_error =
        matches!(value, Value::Object(o) if matches!(o.borrow().kind, ObjectKind::Error));
    if let Value::Object(o) = value {
        if is_error {
            let key = PropKey::from_name("stack");
            if let Some(s) = it.own_stack_string(o) {
                if let Some(trimmed) = input::trim_stack(&s.to_rust_string()) {
                    // Through the stack's own setter (V8 13.6's accessor), or a writable
                    // data property.
                    let settable = o
                        .get_own_property(&key)
                        .is_some_and(|p| p.attrs.writable() || matches!(p.slot, Slot::Accessor(_)));
                    if settable {
                        it.set_error_stack(o, Value::from(trimmed.as_str()));
                    }
                }
            }
        }
    }
    let assigned = matches!(
        state.get_own_data(&PropKey::from_name("lastErrorAssigned")),
        Some(Value::Bool(true))
    );
    if !assigned {
        state.define(LAST_ERROR, value.clone(), Attrs::DEFAULT);
    }
    let opts = it.node_mut().console.stdout_options();
    let text =
        jsgen_node::inspect::inspect_with(it, value, &opts).unwrap_or_else(|_| "error".into());
    let report = input::uncaught_report(&text, is_error);
    it.node_mut().console.write_out(&report);
}

/// Defines the accessor `name` (`_` or `_error`) on the global object: it reads `key` of
/// `state`; assigning stores the value and turns off the automatic updates, with Node's
/// message.
fn define_underscore(it: &mut Interp, state: &Obj, name: &str, key: &str) {
    let caps = vec![
        Value::Object(state.clone()),
        Value::from(key),
        Value::from(name),
    ];
    let get = it.native_fn_with(
        &format!("get {name}"),
        0,
        underscore_get,
        false,
        caps.clone(),
    );
    let set = it.native_fn_with(&format!("set {name}"), 1, underscore_set, false, caps);
    let global = it.global.clone();
    global.define_accessor(name, Some(get), Some(set), Attrs::CONFIGURABLE_ONLY);
}

/// (state object, key, variable name) captured by the `_` accessors.
fn underscore_captures(a: &Args) -> Option<(Obj, String, String)> {
    if let ObjectKind::Native(n) = &a.callee.borrow().kind {
        if let (Some(Value::Object(o)), Some(Value::String(k)), Some(Value::String(name))) =
            (n.captures.first(), n.captures.get(1), n.captures.get(2))
        {
            return Some((o.clone(), k.to_rust_string(), name.to_rust_string()));
        }
    }
    None
}

fn underscore_get(_: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(underscore_captures(a)
        .and_then(|(o, k, _)| o.get_own_data(&PropKey::from_name(&k)))
        .unwrap_or(Value::Undefined))
}

fn underscore_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if let Some((o, k, name)) = underscore_captures(a) {
        o.define(k.as_str(), a.get(0), Attrs::DEFAULT);
        let flag = PropKey::from_name(&format!("{k}Assigned"));
        if !matches!(o.get_own_data(&flag), Some(Value::Bool(true))) {
            o.define(flag, Value::Bool(true), Attrs::DEFAULT);
            it.node_mut()
                .console
                .write_out(&format!("Expression assignment to {name} now disabled.\n"));
        }
    }
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    #[test]
    fn interrupt_flag_stops_loops_and_is_uncatchable() {
        use std::sync::atomic::Ordering;
        let mut it = jsgen_node::node_interp();
        it.interrupt.store(true, Ordering::Relaxed);
        let r = it.run_script("t.js", "for (;;) { try { while (true) {} } catch (e) {} }");
        assert!(r.is_err());
    }
}
