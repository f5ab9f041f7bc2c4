//! The natives of `child_process` (`modules/child_process.js`): one spawn, run to completion
//! with its output collected (`std::process::Command`), on the interpreter thread
//! (`spawnSync`) or on the I/O pool (`spawn`, whose result comes back in the poll phase).
//! Refused under the permission model without `--allow-child-process`, as in Node.

use crate::fs::Out;
use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::value::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// What a spawn needs, read from the script's arguments.
#[derive(Debug)]
pub struct SpawnRequest {
    file: String,
    args: Vec<String>,
    cwd: Option<String>,
    env: Vec<(String, String)>,
    input: Option<Vec<u8>>,
}

/// A finished child: exit status or signal, its output, or the errno of a failed spawn.
#[derive(Debug)]
pub struct ChildOut {
    status: Option<i32>,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    errno: i32,
    pid: u32,
}

impl SpawnRequest {
    fn run(self) -> ChildOut {
        use std::os::unix::process::ExitStatusExt;
        let mut cmd = Command::new(&self.file);
        // argv[0] is the file as given; the rest are the arguments.
        cmd.args(self.args.iter().skip(1));
        if let Some(cwd) = &self.cwd {
            cmd.current_dir(cwd);
        }
        cmd.env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.stdin(if self.input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return ChildOut {
                    status: None,
                    signal: None,
                    stdout: Vec::new(),
                    stderr: Vec::new(),
                    errno: e.raw_os_error().unwrap_or(libc::ENOENT),
                    pid: 0,
                }
            }
        };
        let pid = child.id();
        if let (Some(input), Some(mut stdin)) = (self.input, child.stdin.take()) {
            // A writer thread, so a child that fills its stdout pipe before reading all of
            // stdin cannot deadlock us.
            std::thread::spawn(move || {
                let _ = stdin.write_all(&input);
            });
        }
        match child.wait_with_output() {
            Ok(out) => ChildOut {
                status: out.status.code(),
                signal: out.status.signal(),
                stdout: out.stdout,
                stderr: out.stderr,
                errno: 0,
                pid,
            },
            Err(e) => ChildOut {
                status: None,
                signal: None,
                stdout: Vec::new(),
                stderr: Vec::new(),
                errno: e.raw_os_error().unwrap_or(libc::EIO),
                pid,
            },
        }
    }
}

/// `[status, signal, stdout, stderr, errno, pid]` (null for a missing status or signal).
pub fn child_to_js(it: &mut Interp, c: ChildOut) -> Value {
    let num = |n: Option<i32>| n.map_or(Value::Null, |n| Value::Number(n as f64));
    let out = crate::fs::new_uint8_array(it, c.stdout);
    let err = crate::fs::new_uint8_array(it, c.stderr);
    let v = vec![
        num(c.status),
        num(c.signal),
        Value::Object(out),
        Value::Object(err),
        Value::Number(c.errno as f64),
        Value::Number(c.pid as f64),
    ];
    Value::Object(it.new_array(v))
}

fn string_list(it: &mut Interp, v: &Value) -> JsResult<Vec<String>> {
    let Value::Object(o) = v else {
        return Ok(Vec::new());
    };
    let len = it.get(o, &jsgen_engine::static_key!("length"))?;
    let len = it.to_number(&len)?;
    let mut out = Vec::new();
    let mut i = 0u32;
    while (i as f64) < len {
        let x = it.get(o, &PropKey::Index(i))?;
        out.push(it.to_string(&x)?.to_rust_string());
        i += 1;
    }
    Ok(out)
}

/// Reads `(file, args, cwd, envPairs, input)` from the arguments starting at `at`.
fn request(it: &mut Interp, a: &Args, at: usize) -> JsResult<SpawnRequest> {
    let file = it.to_string(&a.get(at))?.to_rust_string();
    let args = string_list(it, &a.get(at + 1))?;
    let cwd = match a.get(at + 2) {
        Value::Undefined | Value::Null => None,
        v => Some(it.to_string(&v)?.to_rust_string()),
    };
    let flat = string_list(it, &a.get(at + 3))?;
    let env = flat
        .chunks(2)
        .filter_map(|c| match c {
            [k, v] => Some((k.clone(), v.clone())),
            _ => None,
        })
        .collect();
    let input = match a.get(at + 4) {
        Value::Undefined | Value::Null => None,
        v => crate::fs::view_bytes(&v),
    };
    Ok(SpawnRequest {
        file,
        args,
        cwd,
        env,
        input,
    })
}

/// Node's `ERR_ACCESS_DENIED` for a child process (`permission: 'ChildProcess'`).
fn check_allowed(it: &mut Interp, resource: &str) -> JsResult<()> {
    let perm = &it.node().permission;
    if !perm.enabled || perm.child_process {
        return Ok(());
    }
    let msg =
        "Access to this API has been restricted. Use --allow-child-process to manage permissions.";
    let p = it.intrinsics.error_prototype.clone();
    let e = it.make_error(&p, msg);
    e.define("code", Value::from("ERR_ACCESS_DENIED"), Attrs::DEFAULT);
    e.define("permission", Value::from("ChildProcess"), Attrs::DEFAULT);
    e.define("resource", Value::from(resource), Attrs::DEFAULT);
    Err(Abrupt::Throw(Value::Object(e)))
}

/// Installs `spawnSync`, `spawnAsync` and `checkChildProcess` on the core modules' binding.
pub fn install(it: &mut Interp, b: &Obj) {
    let check = it.define_method_obj(b, "checkChildProcess", 1, |it, a| {
        let r = it.to_string(&a.get(0))?.to_rust_string();
        check_allowed(it, &r)?;
        Ok(Value::Undefined)
    });
    it.mark_frameless(&check);
    // `spawnSync(file, args, cwd, envPairs, input)`.
    let sync = it.define_method_obj(b, "spawnSync", 5, |it, a| {
        let req = request(it, a, 0)?;
        check_allowed(it, &req.file)?;
        let out = req.run();
        Ok(child_to_js(it, out))
    });
    it.mark_frameless(&sync);
    // `spawnAsync(callback, file, args, cwd, envPairs, input)`: `callback(null, result)` in
    // a later poll phase.
    let not_sync = it.define_method_obj(b, "spawnAsync", 6, |it, a| {
        let cb = a.get(0);
        let req = request(it, a, 1)?;
        check_allowed(it, &req.file)?;
        let id = crate::io::submit_slow(it, cb, Box::new(move || Ok(Out::Child(req.run()))));
        Ok(Value::Number(id as f64))
    });
    it.mark_frameless(&not_sync);
    // `errnoName(errno)`: `ENOENT` for 2 (libuv's names).
    it.define_method(b, "errnoName", 1, |it, a| {
        let n = it.to_number(&a.get(0))?;
        let n = if n.is_finite() { n.abs() as i32 } else { 0 };
        Ok(Value::from(crate::fs::errno_text(n).0))
    });
}
