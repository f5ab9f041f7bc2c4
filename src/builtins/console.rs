//! `console`: log/info/debug (stdout), error/warn/trace (stderr), with Node's formatting.

use std::io::Write;

use crate::interp::{Args, Interp, JsResult};
use crate::value::Value;

/// Where console output goes, plus console state (group indentation, counters, timers).
#[derive(Default)]
pub struct ConsoleState {
    /// When set, output is captured here instead of written to the process streams (tests).
    pub capture: Option<Vec<u8>>,
    pub group_indent: usize,
}

impl ConsoleState {
    pub fn write_out(&mut self, s: &str) {
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
        match &mut self.capture {
            Some(buf) => buf.extend_from_slice(s.as_bytes()),
            None => {
                let _ = std::io::stdout().flush();
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
        }
    }
}

pub fn init(it: &mut Interp) {
    let console = it.new_object();
    it.define_method(&console, "log", 0, log);
    it.define_method(&console, "info", 0, log);
    it.define_method(&console, "debug", 0, log);
    it.define_method(&console, "error", 0, error);
    it.define_method(&console, "warn", 0, error);
    super::define_global(it, "console", Value::Object(console));
}

fn log(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut s = crate::inspect::format_log_args(it, a.args)?;
    s.push('\n');
    it.console.write_out(&s);
    Ok(Value::Undefined)
}

fn error(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let mut s = crate::inspect::format_log_args(it, a.args)?;
    s.push('\n');
    it.console.write_err(&s);
    Ok(Value::Undefined)
}
