//! `console`, as Node v20's `lib/internal/console/constructor.js` behaves:
//! log/info/debug/dirxml (stdout), error/warn/trace (stderr), dir, table,
//! group/groupCollapsed/groupEnd, count/countReset, assert, time/timeEnd/timeLog, clear.
//! Values are colored per stream exactly when Node would color them (`shouldColorize`).

use std::io::Write;
use std::time::Instant;

use rustc_hash::FxHashMap;

use crate::inspect::{self, InspectOptions};
use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult, NativeFn};
use jsgen_engine::object::{Attrs, Obj};
use jsgen_engine::object::{ObjectKind, PropKey};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

/// Where console output goes, plus console state (group indentation, counters, timers).
#[derive(Default)]
pub struct ConsoleState {
    /// When set, stdout output is captured here instead of written to the process (tests,
    /// REPL). Stderr output goes here too unless `capture_err` is set.
    pub capture: Option<Vec<u8>>,
    /// When set, stderr output is captured here.
    pub capture_err: Option<Vec<u8>>,
    /// `console.group` indentation (in spaces).
    pub group_indent: usize,
    /// `console.count` counters.
    pub counts: FxHashMap<String, u64>,
    /// `console.time` start instants.
    pub timers: FxHashMap<String, Instant>,
    /// Whether values logged to stdout / stderr are colored (Node's `colorMode: 'auto'`).
    pub stdout_colors: bool,
    pub stderr_colors: bool,
    /// Whether stdout is a terminal (`console.clear` only clears a terminal).
    pub stdout_tty: bool,
    /// process.stdout, a pipe or terminal, was ended through its stream: Node shut down its
    /// write side, so output to it is lost from then on.
    pub stdout_shut: bool,
    /// `--max-output`: bytes of stdout and stderr together past which output is dropped
    /// (with one notice on stderr).
    pub max_output: Option<usize>,
    /// Bytes written so far (counted only with `max_output`).
    pub written: usize,
    /// `process.stdout` and `process.stderr` with their own `write` functions: the console
    /// writes through a `write` a script put in their place (see `write_console_line`).
    pub stdio: [Option<(Obj, Obj)>; 2],
    /// The callback passed with each such write (Node's `createWriteErrorHandler`: errors
    /// of a console write are ignored), made on first use.
    write_error_handler: Option<Obj>,
}

/// Color depths of Node's `getColorDepth` (`lib/internal/tty.js`), in bits.
const COLORS_2: u8 = 1;
const COLORS_16: u8 = 4;
const COLORS_256: u8 = 8;
const COLORS_16M: u8 = 24;

/// `TERM_ENVS` of `lib/internal/tty.js`.
const TERM_ENVS: [(&str, u8); 17] = [
    ("eterm", COLORS_16),
    ("cons25", COLORS_16),
    ("console", COLORS_16),
    ("cygwin", COLORS_16),
    ("dtterm", COLORS_16),
    ("gnome", COLORS_16),
    ("hurd", COLORS_16),
    ("jfbterm", COLORS_16),
    ("konsole", COLORS_16),
    ("kterm", COLORS_16),
    ("mlterm", COLORS_16),
    ("mosh", COLORS_16M),
    ("putty", COLORS_16),
    ("st", COLORS_16),
    ("rxvt-unicode-24bit", COLORS_16M),
    ("terminator", COLORS_16M),
    ("xterm-kitty", COLORS_16M),
];

/// `CI_ENVS_MAP` of `lib/internal/tty.js`.
const CI_ENVS: [(&str, u8); 8] = [
    ("APPVEYOR", COLORS_256),
    ("BUILDKITE", COLORS_256),
    ("CIRCLECI", COLORS_16M),
    ("DRONE", COLORS_256),
    ("GITEA_ACTIONS", COLORS_16M),
    ("GITHUB_ACTIONS", COLORS_16M),
    ("GITLAB_CI", COLORS_256),
    ("TRAVIS", COLORS_256),
];

/// `getColorDepth(env)` of Node v20 (`lib/internal/tty.js`) on a non-Windows host.
/// `env` returns a variable's value (`None` when unset).
pub fn get_color_depth(env: &dyn Fn(&str) -> Option<String>) -> u8 {
    let truthy = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    if let Some(force) = env("FORCE_COLOR") {
        return match force.as_str() {
            "" | "1" | "true" => COLORS_16,
            "2" => COLORS_256,
            "3" => COLORS_16M,
            _ => COLORS_2,
        };
    }
    if env("NODE_DISABLE_COLORS").is_some()
        || env("NO_COLOR").is_some()
        || env("TERM").as_deref() == Some("dumb")
    {
        return COLORS_2;
    }
    if truthy("TMUX") {
        return COLORS_16M;
    }
    if truthy("CI") {
        if let Some((_, depth)) = CI_ENVS.iter().find(|(k, _)| env(k).is_some()) {
            return *depth;
        }
        if env("CI_NAME").as_deref() == Some("codeship") {
            return COLORS_256;
        }
        return COLORS_2;
    }
    if let Some(tc) = env("TEAMCITY_VERSION") {
        // /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/
        let mut parts = tc.split('.');
        let major = parts.next().unwrap_or("");
        let minor = parts.next();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let modern = (major == "9"
            && minor.is_some_and(|m| digits(m) && m.bytes().any(|b| b != b'0'))
            && tc.matches('.').count() >= 2)
            || (major.len() >= 2 && digits(major) && tc.contains('.'));
        return if modern { COLORS_16 } else { COLORS_2 };
    }
    match env("TERM_PROGRAM").as_deref() {
        Some("iTerm.app") => {
            let v = env("TERM_PROGRAM_VERSION").unwrap_or_default();
            let old = v.is_empty() || matches!(v.as_bytes(), [b'0'..=b'2', b'.', ..]);
            return if old { COLORS_256 } else { COLORS_16M };
        }
        Some("HyperTerm") | Some("MacTerm") => return COLORS_16M,
        Some("Apple_Terminal") => return COLORS_256,
        _ => {}
    }
    if matches!(
        env("COLORTERM").as_deref(),
        Some("truecolor") | Some("24bit")
    ) {
        return COLORS_16M;
    }
    if let Some(term) = env("TERM").filter(|t| !t.is_empty()) {
        if term.starts_with("xterm-256") {
            return COLORS_256;
        }
        let term = term.to_lowercase();
        if let Some((_, depth)) = TERM_ENVS.iter().find(|(k, _)| *k == term) {
            return *depth;
        }
        // TERM_ENVS_REG_EXP
        if term.contains("ansi")
            || term.contains("color")
            || term.contains("linux")
            || is_con_cols_x_rows(&term)
            || term.starts_with("rxvt")
            || term.starts_with("screen")
            || term.starts_with("xterm")
            || term.starts_with("vt100")
        {
            return COLORS_16;
        }
    }
    if truthy("COLORTERM") {
        return COLORS_16;
    }
    COLORS_2
}

/// `/^con[0-9]*x[0-9]/`
fn is_con_cols_x_rows(term: &str) -> bool {
    let Some(rest) = term.strip_prefix("con") else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.strip_prefix('x')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// `shouldColorize(stream)` (`lib/internal/util/colors.js`): `FORCE_COLOR` decides on its
/// own; otherwise the stream must be a terminal with more than 2 colors.
pub fn should_colorize(is_tty: bool, env: &dyn Fn(&str) -> Option<String>) -> bool {
    if env("FORCE_COLOR").is_some() {
        return get_color_depth(env) > COLORS_2;
    }
    is_tty && get_color_depth(env) > COLORS_2
}

impl ConsoleState {
    /// Looks at the process's stdout/stderr and environment the way Node's console does.
    pub fn detect_terminal(&mut self) {
        use std::io::IsTerminal;
        let env = |k: &str| std::env::var(k).ok();
        self.stdout_tty = std::io::stdout().is_terminal();
        self.stdout_colors = should_colorize(self.stdout_tty, &env);
        self.stderr_colors = should_colorize(std::io::stderr().is_terminal(), &env);
    }

    /// `kGetInspectOptions(this._stdout)`.
    pub fn stdout_options(&self) -> InspectOptions {
        InspectOptions {
            colors: self.stdout_colors,
            ..InspectOptions::default()
        }
    }

    /// `kGetInspectOptions(this._stderr)`.
    pub fn stderr_options(&self) -> InspectOptions {
        InspectOptions {
            colors: self.stderr_colors,
            ..InspectOptions::default()
        }
    }

    /// Whether `s` may still be written under `--max-output`; the write that would cross
    /// the limit is dropped with one notice on stderr, and so is everything after it.
    fn within_budget(&mut self, s: &str) -> bool {
        let Some(max) = self.max_output else {
            return true;
        };
        if self.written + s.len() <= max {
            self.written += s.len();
            return true;
        }
        if self.written <= max {
            self.written = max + 1;
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().write_all(
                format!(
                    "jsgen: output limit of {max} bytes reached (--max-output); further output is dropped\n"
                )
                .as_bytes(),
            );
        }
        false
    }

    /// Whether the process's stdout is a regular file (Node's stdout is then a
    /// SyncWriteStream, which ending does not close). Captured output counts as a pipe.
    pub fn stdout_is_file(&self) -> bool {
        if self.capture.is_some() {
            return false;
        }
        use std::os::fd::AsFd;
        std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata())
            .is_ok_and(|m| m.is_file())
    }

    pub fn write_out(&mut self, s: &str) {
        if self.stdout_shut || !self.within_budget(s) {
            return;
        }
        match &mut self.capture {
            Some(buf) => buf.extend_from_slice(s.as_bytes()),
            None => {
                let out = std::io::stdout();
                let mut l = out.lock();
                let _ = l.write_all(s.as_bytes());
            }
        }
    }
    pub fn write_err(&mut self, s: &str) {
        if !self.within_budget(s) {
            return;
        }
        if let Some(buf) = &mut self.capture_err {
            buf.extend_from_slice(s.as_bytes());
            return;
        }
        match &mut self.capture {
            Some(buf) => buf.extend_from_slice(s.as_bytes()),
            None => {
                let _ = std::io::stdout().flush();
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
        }
    }

    /// `kWriteToConsole`: applies the group indentation to every line, adds the newline.
    fn indented(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 1);
        if self.group_indent > 0 {
            let ind = " ".repeat(self.group_indent);
            out.push_str(&ind);
            out.push_str(&s.replace('\n', &format!("\n{ind}")));
        } else {
            out.push_str(s);
        }
        out.push('\n');
        out
    }

    /// Writes one console line (group-indented) to stdout.
    pub fn log_line(&mut self, s: &str) {
        let s = self.indented(s);
        self.write_out(&s);
    }

    /// Writes one console line (group-indented) to stderr.
    pub fn error_line(&mut self, s: &str) {
        let s = self.indented(s);
        self.write_err(&s);
    }
}

pub fn init(it: &mut Interp) {
    let console = make_console(it);
    jsgen_engine::builtins::define_global(it, "console", Value::Object(console));
}

/// A console object: its methods are own enumerable properties in Node 24's order
/// (`Object.keys(console)`).
fn make_console(it: &mut Interp) -> Obj {
    // Node's global console: an object whose prototype is an empty object, tagged
    // `console` (`Object [console] {...}`, `[object console]`, frames `at console.log`).
    let proto = it.new_object();
    let console = Obj::new(Some(proto), ObjectKind::Ordinary);
    console.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("console"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let methods: [(&str, u32, NativeFn); 25] = [
        ("log", 0, log),
        ("info", 0, log),
        ("debug", 0, log),
        ("warn", 0, error),
        ("error", 0, error),
        ("dir", 0, dir),
        ("time", 0, time),
        ("timeEnd", 0, time_end),
        ("timeLog", 0, time_log),
        ("trace", 0, trace),
        ("assert", 0, assert),
        ("clear", 0, clear),
        ("count", 0, count),
        ("countReset", 0, count_reset),
        ("group", 0, group),
        ("groupEnd", 0, group_end),
        ("table", 0, table),
        ("dirxml", 0, log),
        ("groupCollapsed", 0, group),
        // A placeholder: `Console` is the JavaScript class, built on first read.
        ("Console", 1, |_, _| Ok(Value::Undefined)),
        // The inspector's methods do nothing without an inspector session, as in Node.
        ("profile", 0, |_, _| Ok(Value::Undefined)),
        ("profileEnd", 0, |_, _| Ok(Value::Undefined)),
        ("timeStamp", 0, |_, _| Ok(Value::Undefined)),
        ("context", 1, |it, _| Ok(Value::Object(make_console(it)))),
        ("createTask", 0, create_task),
    ];
    for (name, length, f) in methods {
        if name == "Console" {
            jsgen_engine::builtins::define_lazy(&console, name, Attrs::DEFAULT, load_console_class);
            continue;
        }
        let m = it.native_fn(name, length, f);
        console.define(name, Value::Object(m), Attrs::DEFAULT);
    }
    console
}

/// `console.Console`: the JavaScript class of Node's `lib/internal/console/constructor.js`
/// (`internal/console/constructor`), loaded on first read: instances write to their own
/// streams with their own group indentation, counts, timers and inspect options.
fn load_console_class(it: &mut Interp, _key: &PropKey) -> Value {
    let Ok(Value::Object(exports)) =
        crate::require::require_core(it, "internal/console/constructor", "node:internal")
    else {
        return Value::Undefined;
    };
    it.get(&exports, &jsgen_engine::static_key!("Console"))
        .unwrap_or(Value::Undefined)
}

/// `console.createTask(name)`: a task whose `run(f)` calls `f` (async stack tagging is an
/// inspector feature).
fn create_task(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let task = it.new_object();
    it.define_method(&task, "run", 1, |it, a| {
        let f = a.get(0);
        it.call(&f, &Value::Undefined, &[])
    });
    Ok(Value::Object(task))
}

/// `kGetInspectOptions(stream)` over `util.inspect.defaultOptions`: colors when the stream
/// gets them, the current defaults otherwise.
fn stream_options(it: &mut Interp, stderr: bool) -> JsResult<InspectOptions> {
    let mut opts = InspectOptions::current(it)?;
    let colors = if stderr {
        it.node_mut().console.stderr_colors
    } else {
        it.node_mut().console.stdout_colors
    };
    if colors {
        opts.colors = true;
    }
    Ok(opts)
}

/// `kFormatForStdout`.
fn format_for_stdout(it: &mut Interp, args: &[Value]) -> JsResult<String> {
    let opts = stream_options(it, false)?;
    inspect::format_with_options(it, &opts, args)
}

/// `kWriteToConsole` for the global console: one line (group-indented) to stdout (`fd` 0)
/// or stderr (1). Node writes with `stream.write(line)`, reading `write` on every line, so a
/// script that replaces `process.stdout.write` sees the console's output (tests capture it
/// so); anything it throws is swallowed, but a stack overflow.
fn write_console_line(it: &mut Interp, fd: usize, s: &str) -> JsResult<()> {
    if let Some((stream, write)) = replaced_stdio_write(it, fd)? {
        let line = it.node().console.indented(s);
        let handler = match it.node().console.write_error_handler.clone() {
            Some(h) => h,
            None => {
                let h = it.native_fn("", 1, |_, _| Ok(Value::Undefined));
                it.node_mut().console.write_error_handler = Some(h.clone());
                h
            }
        };
        let args = [Value::from(line.as_str()), Value::Object(handler)];
        let r = it.call(&write, &Value::Object(stream), &args);
        return match r {
            Err(Abrupt::Throw(e)) if it.exiting.is_none() && !it.is_stack_overflow_error(&e) => {
                Ok(())
            }
            Err(e) => Err(e),
            Ok(_) => Ok(()),
        };
    }
    let console = &mut it.node_mut().console;
    if fd == 0 {
        console.log_line(s);
    } else {
        console.error_line(s);
    }
    it.note_stream_write(fd, None);
    Ok(())
}

/// The stream and its `write` when a script replaced `process.stdout.write` (or stderr's).
fn replaced_stdio_write(it: &mut Interp, fd: usize) -> JsResult<Option<(Obj, Value)>> {
    let Some((stream, original)) = it.node().console.stdio[fd].clone() else {
        return Ok(None);
    };
    let key = jsgen_engine::static_key!("write");
    if let Some(Value::Object(w)) = stream.get_own_data(&key) {
        if Obj::ptr_eq(&w, &original) {
            return Ok(None);
        }
    }
    let w = it.get(&stream, &key)?;
    match &w {
        Value::Object(f) if Obj::ptr_eq(f, &original) => Ok(None),
        _ => Ok(Some((stream, w))),
    }
}

/// `kFormatForStderr`.
fn format_for_stderr(it: &mut Interp, args: &[Value]) -> JsResult<String> {
    let opts = stream_options(it, true)?;
    inspect::format_with_options(it, &opts, args)
}

fn log(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = format_for_stdout(it, a.args)?;
    write_console_line(it, 0, &s)?;
    Ok(Value::Undefined)
}

fn error(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = format_for_stderr(it, a.args)?;
    write_console_line(it, 1, &s)?;
    Ok(Value::Undefined)
}

/// `process.emitWarning` as Node prints it to stderr.
fn emit_warning(it: &mut Interp, msg: &str) {
    let pid = std::process::id();
    it.node_mut().console.write_err(&format!(
        "(node:{pid}) Warning: {msg}\n(Use `node --trace-warnings ...` to show where the warning was created)\n"
    ));
}

fn dir(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut opts = InspectOptions {
        custom_inspect: false,
        ..stream_options(it, false)?
    };
    if let Value::Object(_) = a.get(1) {
        opts.apply_object(it, &a.get(1))?;
    }
    let s = inspect::inspect_with(it, &a.get(0), &opts)?;
    write_console_line(it, 0, &s)?;
    Ok(Value::Undefined)
}

/// `${label}` of a `label = 'default'` parameter.
fn label_of(it: &mut Interp, a: &Args) -> JsResult<String> {
    match a.get(0) {
        Value::Undefined => Ok("default".into()),
        v => Ok(it.to_string(&v)?.to_rust_string()),
    }
}

fn time(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = label_of(it, a)?;
    if it.node_mut().console.timers.contains_key(&label) {
        emit_warning(
            it,
            &format!("Label '{label}' already exists for console.time()"),
        );
        return Ok(Value::Undefined);
    }
    it.node_mut().console.timers.insert(label, Instant::now());
    Ok(Value::Undefined)
}

/// Node's `formatTime`.
fn format_time(ms: f64) -> String {
    const SECOND: f64 = 1000.0;
    const MINUTE: f64 = 60.0 * SECOND;
    const HOUR: f64 = 60.0 * MINUTE;
    let (mut hours, mut minutes, mut seconds) = (0.0f64, 0.0f64, 0.0f64);
    let mut ms = ms;
    if ms >= SECOND {
        if ms >= MINUTE {
            if ms >= HOUR {
                hours = (ms / HOUR).floor();
                ms %= HOUR;
            }
            minutes = (ms / MINUTE).floor();
            ms %= MINUTE;
        }
        seconds = ms / SECOND;
    }
    if hours != 0.0 || minutes != 0.0 {
        let fixed = format!("{seconds:.3}");
        let (s, m) = fixed.split_once('.').unwrap_or((&fixed, "000"));
        let res = if hours != 0.0 {
            format!("{hours}:{minutes:02}")
        } else {
            format!("{minutes}")
        };
        return format!(
            "{res}:{s:0>2}.{m} ({}m:ss.mmm)",
            if hours != 0.0 { "h:m" } else { "" }
        );
    }
    if seconds != 0.0 {
        return format!("{seconds:.3}s");
    }
    let fixed: f64 = format!("{ms:.3}").parse().unwrap_or(ms);
    format!("{}ms", jsgen_engine::value::number_to_string(fixed))
}

fn time_log_impl(it: &mut Interp, name: &str, label: &str, data: &[Value]) -> JsResult<bool> {
    let Some(start) = it.node_mut().console.timers.get(label).copied() else {
        emit_warning(it, &format!("No such label '{label}' for console.{name}()"));
        return Ok(false);
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut args = vec![
        Value::from("%s: %s"),
        Value::from(label),
        Value::from(format_time(ms).as_str()),
    ];
    args.extend(data.iter().cloned());
    let s = format_for_stdout(it, &args)?;
    write_console_line(it, 0, &s)?;
    Ok(true)
}

fn time_end(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = label_of(it, a)?;
    if time_log_impl(it, "timeEnd", &label, &[])? {
        it.node_mut().console.timers.remove(&label);
    }
    Ok(Value::Undefined)
}

fn time_log(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = label_of(it, a)?;
    let data = a.args.get(1..).unwrap_or(&[]);
    time_log_impl(it, "timeLog", &label, data)?;
    Ok(Value::Undefined)
}

fn trace(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let msg = format_for_stderr(it, a.args)?;
    let mut s = if msg.is_empty() {
        "Trace".to_string()
    } else {
        format!("Trace: {msg}")
    };
    // Node captures the stack with `Error.captureStackTrace(err, trace)`: the frames from
    // the caller of `console.trace` down, without this function's own.
    let own = match it.stack.last() {
        Some(e) if e.kind == jsgen_engine::interp::FrameKind::Native => it.stack.pop(),
        _ => None,
    };
    let lines = it.stack_trace_lines();
    if let Some(e) = own {
        it.stack.push(e);
    }
    s.push_str(&lines);
    write_console_line(it, 1, &s)?;
    Ok(Value::Undefined)
}

fn assert(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.get(0).to_boolean() {
        return Ok(Value::Undefined);
    }
    let mut args: Vec<Value> = a.args.get(1..).unwrap_or(&[]).to_vec();
    if args.is_empty() {
        args.push(Value::from("Assertion failed"));
    } else {
        let first = it.to_string(&args[0])?;
        args[0] = Value::String(JsStr::from("Assertion failed: ").concat(&first));
    }
    let s = format_for_stderr(it, &args)?;
    write_console_line(it, 1, &s)?;
    Ok(Value::Undefined)
}

fn clear(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    // Node clears only a terminal: cursorTo(0, 0) then clearScreenDown.
    if it.node_mut().console.stdout_tty && std::env::var("TERM").as_deref() != Ok("dumb") {
        it.node_mut().console.write_out("\x1b[1;1H\x1b[0J");
    }
    Ok(Value::Undefined)
}

fn count(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = label_of(it, a)?;
    let c = it
        .node_mut()
        .console
        .counts
        .entry(label.clone())
        .or_insert(0);
    *c += 1;
    let line = format!("{label}: {c}");
    write_console_line(it, 0, &line)?;
    Ok(Value::Undefined)
}

fn count_reset(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let label = label_of(it, a)?;
    if it.node_mut().console.counts.remove(&label).is_none() {
        emit_warning(it, &format!("Count for '{label}' does not exist"));
    }
    Ok(Value::Undefined)
}

fn group(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if !a.args.is_empty() {
        log(it, a)?;
    }
    it.node_mut().console.group_indent += 2;
    Ok(Value::Undefined)
}

fn group_end(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    it.node_mut().console.group_indent = it.node_mut().console.group_indent.saturating_sub(2);
    Ok(Value::Undefined)
}

// ---- console.table ---------------------------------------------------------------------------

/// `_inspect` of `console.table`: depth 0 (−1 for objects with more than 2 keys),
/// at most 3 array items, no line breaks.
fn table_inspect(it: &mut Interp, v: &Value, extra: &Value) -> JsResult<String> {
    let mut depth = 0.0;
    if let Value::Object(o) = v {
        if !o.is_array() {
            let keys = enumerable_string_keys(it, o);
            if keys.len() > 2 {
                depth = -1.0;
            }
        }
    }
    let base = if extra.is_undefined() {
        stream_options(it, false)?
    } else {
        InspectOptions::current(it)?
    };
    let mut opts = InspectOptions {
        depth: Some(depth),
        max_array_length: 3.0,
        break_length: f64::INFINITY,
        ..base
    };
    // A `Console` instance's `kGetInspectOptions(stdout)`, spread after the three.
    if let Value::Object(_) = extra {
        opts.apply_object(it, extra)?;
    }
    inspect::inspect_with(it, v, &opts)
}

fn enumerable_string_keys(it: &mut Interp, o: &jsgen_engine::object::Obj) -> Vec<PropKey> {
    it.own_property_keys_no_traps(o)
        .into_iter()
        .filter(|k| !k.is_symbol())
        .filter(|k| o.get_own_property(k).is_some_and(|p| p.attrs.enumerable()))
        .collect()
}

/// `cli_table`: Node's box-drawing renderer. `columns[i][j]` is `None` for a missing cell.
fn render_table(head: &[String], columns: &[Vec<Option<String>>]) -> String {
    let width = |s: &str| inspect::text::string_width(s, true);
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    let longest = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); longest];
    for (i, column) in columns.iter().enumerate() {
        for (j, row) in rows.iter_mut().enumerate() {
            let v = column.get(j).cloned().flatten().unwrap_or_default();
            widths[i] = widths[i].max(width(&v));
            row.push(v);
        }
    }
    let render_row = |row: &[String]| {
        let mut out = String::from("│ ");
        for (i, cell) in row.iter().enumerate() {
            let needed = widths[i].saturating_sub(width(cell));
            out.push_str(cell);
            out.push_str(&" ".repeat(needed));
            if i != row.len() - 1 {
                out.push_str(" │ ");
            }
        }
        out.push_str(" │");
        out
    };
    let divider: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
    let mut result = format!(
        "┌{}┐\n{}\n├{}┤\n",
        divider.join("┬"),
        render_row(head),
        divider.join("┼")
    );
    for row in &rows {
        result.push_str(&render_row(row));
        result.push('\n');
    }
    result.push_str(&format!("└{}┘", divider.join("┴")));
    result
}

fn table(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let Some(out) = table_string(it, &a.get(0), &a.get(1), &Value::Undefined)? else {
        return log(it, a);
    };
    write_console_line(it, 0, &out)?;
    Ok(Value::Undefined)
}

/// `binding.consoleTable(data, properties, inspectOptions)`: the table a `Console` instance's
/// `table()` logs (the caller checked that `data` is an object).
pub fn console_table_binding(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let out = table_string(it, &a.get(0), &a.get(1), &a.get(2))?;
    Ok(out.map_or(Value::Undefined, |s| Value::from(s.as_str())))
}

/// console.table's text for `data` (None when `data` is not an object: it is logged as is).
/// `extra` is a `Console` instance's inspect options (undefined for the global console).
fn table_string(
    it: &mut Interp,
    data: &Value,
    properties: &Value,
    extra: &Value,
) -> JsResult<Option<String>> {
    let props: Option<Vec<Value>> = match properties {
        Value::Undefined => None,
        v if it.is_array(v)? => Some(it.create_list_from_array_like(v)?),
        v => {
            return Err(crate::process::invalid_arg_type(
                it,
                "properties",
                "an instance of Array",
                v,
            ))
        }
    };
    let Value::Object(obj) = data else {
        return Ok(None);
    };
    let index_key = "(index)".to_string();
    let iter_key = "(iteration index)".to_string();
    let values_key = "Values".to_string();

    // Map, Set and their iterators.
    enum Kind {
        Map(Vec<(Value, Value)>),
        SetLike(Vec<Value>),
        Other,
    }
    let kind = {
        let d = obj.borrow();
        match &d.kind {
            ObjectKind::Map(m) => Kind::Map(m.entries.iter().flatten().cloned().collect()),
            ObjectKind::Set(m) => {
                Kind::SetLike(m.entries.iter().flatten().map(|e| e.0.clone()).collect())
            }
            ObjectKind::MapIterator { map, index, kind } => {
                let dm = map.borrow();
                match &dm.kind {
                    ObjectKind::Map(m) => {
                        let rest = m.entries.get(*index..).unwrap_or(&[]);
                        match kind {
                            jsgen_engine::object_kind::IterKind::Entries => {
                                Kind::Map(rest.iter().flatten().cloned().collect())
                            }
                            jsgen_engine::object_kind::IterKind::Keys => {
                                Kind::SetLike(rest.iter().flatten().map(|e| e.0.clone()).collect())
                            }
                            jsgen_engine::object_kind::IterKind::Values => {
                                Kind::SetLike(rest.iter().flatten().map(|e| e.1.clone()).collect())
                            }
                        }
                    }
                    _ => Kind::SetLike(Vec::new()),
                }
            }
            ObjectKind::SetIterator { set, index, .. } => {
                let ds = set.borrow();
                match &ds.kind {
                    ObjectKind::Set(m) => Kind::SetLike(
                        m.entries
                            .get(*index..)
                            .unwrap_or(&[])
                            .iter()
                            .flatten()
                            .map(|e| e.0.clone())
                            .collect(),
                    ),
                    _ => Kind::SetLike(Vec::new()),
                }
            }
            _ => Kind::Other,
        }
    };
    let out = match kind {
        Kind::Map(entries) => {
            let mut idx = Vec::new();
            let mut keys = Vec::new();
            let mut values = Vec::new();
            for (i, (k, v)) in entries.iter().enumerate() {
                idx.push(Some(table_inspect(it, &Value::Number(i as f64), extra)?));
                keys.push(Some(table_inspect(it, k, extra)?));
                values.push(Some(table_inspect(it, v, extra)?));
            }
            render_table(&[iter_key, "Key".into(), values_key], &[idx, keys, values])
        }
        Kind::SetLike(items) => {
            let mut idx = Vec::new();
            let mut values = Vec::new();
            for (i, v) in items.iter().enumerate() {
                idx.push(Some(table_inspect(it, &Value::Number(i as f64), extra)?));
                values.push(Some(table_inspect(it, v, extra)?));
            }
            render_table(&[iter_key, values_key], &[idx, values])
        }
        Kind::Other => {
            // Columns in first-seen order, each a sparse list of cells.
            let mut map: Vec<(String, Vec<Option<String>>)> = Vec::new();
            let mut has_primitives = false;
            let mut values_col: Vec<Option<String>> = Vec::new();
            let index_keys = enumerable_string_keys(it, obj);
            let mut index_col = Vec::new();
            for (i, k) in index_keys.iter().enumerate() {
                index_col.push(Some(k.to_jsstr().to_rust_string()));
                let item = it.get(obj, k)?;
                let primitive = !matches!(item, Value::Object(_));
                if props.is_none() && primitive {
                    has_primitives = true;
                    if values_col.len() <= i {
                        values_col.resize(i + 1, None);
                    }
                    values_col[i] = Some(table_inspect(it, &item, extra)?);
                } else {
                    let keys: Vec<PropKey> = match &props {
                        Some(p) => {
                            let mut ks = Vec::new();
                            for v in p {
                                ks.push(it.to_property_key(v)?);
                            }
                            ks
                        }
                        None => match &item {
                            Value::Object(io) => enumerable_string_keys(it, io),
                            _ => Vec::new(),
                        },
                    };
                    for key in keys {
                        let name = key.to_jsstr().to_rust_string();
                        let pos = match map.iter().position(|(n, _)| *n == name) {
                            Some(p) => p,
                            None => {
                                map.push((name, Vec::new()));
                                map.len() - 1
                            }
                        };
                        let cell = match &item {
                            Value::Object(io)
                                if !primitive && io.get_own_property(&key).is_some() =>
                            {
                                let v = it.get(io, &key)?;
                                table_inspect(it, &v, extra)?
                            }
                            _ => String::new(),
                        };
                        let col = &mut map[pos].1;
                        if col.len() <= i {
                            col.resize(i + 1, None);
                        }
                        col[i] = Some(cell);
                    }
                }
            }
            // The column map is an object: integer-like keys first, ascending.
            let idx_of = |n: &str| JsStr::from(n).as_array_index();
            let mut ints: Vec<_> = map
                .iter()
                .filter(|(n, _)| idx_of(n).is_some())
                .cloned()
                .collect();
            ints.sort_by_key(|(n, _)| idx_of(n));
            let rest: Vec<_> = map
                .into_iter()
                .filter(|(n, _)| idx_of(n).is_none())
                .collect();
            let map: Vec<_> = ints.into_iter().chain(rest).collect();
            let mut head = vec![index_key];
            let mut cols = vec![index_col];
            for (n, c) in map {
                head.push(n);
                cols.push(c);
            }
            if has_primitives {
                head.push(values_key);
                cols.push(values_col);
            }
            render_table(&head, &cols)
        }
    };
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::{get_color_depth, should_colorize};

    fn env_of(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn color_depth_follows_node_rules() {
        assert_eq!(get_color_depth(&env_of(&[])), 1);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "xterm-256color")])), 8);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "xterm")])), 4);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "screen.xterm")])), 4);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "con132x43")])), 4);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "alacritty")])), 1);
        assert_eq!(get_color_depth(&env_of(&[("TERM", "xterm-kitty")])), 24);
        assert_eq!(
            get_color_depth(&env_of(&[("TERM", "dumb"), ("COLORTERM", "1")])),
            1
        );
        assert_eq!(
            get_color_depth(&env_of(&[("NO_COLOR", ""), ("TERM", "xterm")])),
            1
        );
        assert_eq!(get_color_depth(&env_of(&[("FORCE_COLOR", "")])), 4);
        assert_eq!(
            get_color_depth(&env_of(&[("FORCE_COLOR", "3"), ("NO_COLOR", "1")])),
            24
        );
        assert_eq!(get_color_depth(&env_of(&[("FORCE_COLOR", "0")])), 1);
        assert_eq!(
            get_color_depth(&env_of(&[("CI", "1"), ("TERM", "xterm")])),
            1
        );
        assert_eq!(
            get_color_depth(&env_of(&[("CI", "1"), ("GITHUB_ACTIONS", "")])),
            24
        );
        assert_eq!(
            get_color_depth(&env_of(&[("TEAMCITY_VERSION", "9.1.2")])),
            4
        );
        assert_eq!(
            get_color_depth(&env_of(&[("TEAMCITY_VERSION", "9.0.2")])),
            1
        );
        assert_eq!(get_color_depth(&env_of(&[("TEAMCITY_VERSION", "10.1")])), 4);
        assert_eq!(get_color_depth(&env_of(&[("COLORTERM", "truecolor")])), 24);
    }

    #[test]
    fn colorize_needs_a_terminal_unless_forced() {
        let term = env_of(&[("TERM", "xterm-256color")]);
        assert!(should_colorize(true, &term));
        assert!(!should_colorize(false, &term));
        assert!(!should_colorize(true, &env_of(&[])));
        assert!(should_colorize(false, &env_of(&[("FORCE_COLOR", "1")])));
        assert!(!should_colorize(
            true,
            &env_of(&[("FORCE_COLOR", "false"), ("TERM", "xterm")])
        ));
    }
}
