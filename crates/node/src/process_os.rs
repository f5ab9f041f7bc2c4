//! The `process` methods that ask the operating system: user and group ids, `umask`,
//! `kill`, `abort`, CPU and resource usage, memory limits, and `loadEnvFile`; plus
//! `getBuiltinModule` and `mainModule`. Values and errors as Node 24 gives them on Linux
//! (libuv's negative errno, `kill ESRCH`).

use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, PropKey};
use jsgen_engine::value::Value;

use crate::prelude::*;
use crate::process::{invalid_arg_type, node_error};

pub fn init(it: &mut Interp, p: &Obj) {
    it.define_method(p, "getuid", 0, |_, _| {
        // SAFETY: getuid/geteuid/getgid/getegid cannot fail and touch no memory.
        Ok(Value::from(unsafe { libc::getuid() }))
    });
    it.define_method(p, "geteuid", 0, |_, _| {
        Ok(Value::from(unsafe { libc::geteuid() }))
    });
    it.define_method(p, "getgid", 0, |_, _| {
        Ok(Value::from(unsafe { libc::getgid() }))
    });
    it.define_method(p, "getegid", 0, |_, _| {
        Ok(Value::from(unsafe { libc::getegid() }))
    });
    it.define_method(p, "getgroups", 0, get_groups);
    it.define_method(p, "umask", 1, umask);
    it.define_method(p, "kill", 2, kill);
    it.define_method(p, "abort", 0, |_, _| std::process::abort());
    it.define_method(p, "cpuUsage", 1, |it, a| {
        cpu_usage(it, a, libc::RUSAGE_SELF)
    });
    it.define_method(p, "threadCpuUsage", 1, |it, a| {
        cpu_usage(it, a, libc::RUSAGE_THREAD)
    });
    it.define_method(p, "resourceUsage", 0, resource_usage);
    it.define_method(p, "availableMemory", 0, |_, _| {
        Ok(Value::Number(available_memory()))
    });
    it.define_method(p, "constrainedMemory", 0, |_, _| {
        Ok(Value::Number(constrained_memory()))
    });
    it.define_method(p, "getBuiltinModule", 1, get_builtin_module);
    it.define_method(p, "loadEnvFile", 1, load_env_file);
    it.define_method(p, "hasUncaughtExceptionCaptureCallback", 0, |_, _| {
        Ok(Value::Bool(false))
    });
    // `process.mainModule`: `require.main` (undefined for `-e`, stdin and ES modules).
    let get_main = it.native_fn("get mainModule", 0, |it, _| {
        Ok(it
            .node()
            .loader
            .main
            .clone()
            .map(Value::Object)
            .unwrap_or_default())
    });
    p.define_accessor(
        "mainModule",
        Some(get_main),
        None,
        Attrs::new(false, true, true),
    );
}

fn get_groups(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    // SAFETY: a null buffer with size 0 asks for the count only; the second call writes at
    // most `n` entries into a buffer of that many.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let mut groups = vec![0 as libc::gid_t; n.max(0) as usize];
    let n = unsafe { libc::getgroups(n.max(0), groups.as_mut_ptr()) };
    groups.truncate(n.max(0) as usize);
    // Node adds the effective group id when the list lacks it.
    let egid = unsafe { libc::getegid() };
    if !groups.contains(&egid) {
        groups.push(egid);
    }
    let v: Vec<Value> = groups.into_iter().map(Value::from).collect();
    Ok(Value::Object(it.new_array(v)))
}

fn range_error(it: &mut Interp, code: &str, msg: &str) -> Abrupt {
    let p = it.intrinsics.range_error_prototype.clone();
    Abrupt::Throw(node_error(it, &p, code, msg))
}

/// `process.umask([mask])`: the previous mask; `mask` is a number or an octal string
/// (Node's `parseFileMode`).
fn umask(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let m = a.get(0);
    let new = match &m {
        Value::Undefined => None,
        Value::Number(n) => {
            if n.fract() != 0.0 || !n.is_finite() {
                let r = crate::process::received_text(it, &m);
                return Err(range_error(
                    it,
                    "ERR_OUT_OF_RANGE",
                    &format!("The value of \"mask\" is out of range. It must be an integer. Received {r}"),
                ));
            }
            if *n < 0.0 || *n > 4294967295.0 {
                let r = crate::process::received_text(it, &m);
                return Err(range_error(
                    it,
                    "ERR_OUT_OF_RANGE",
                    &format!("The value of \"mask\" is out of range. It must be >= 0 && <= 4294967295. Received {r}"),
                ));
            }
            Some(*n as u32)
        }
        Value::String(s) => {
            let s = s.to_rust_string();
            if s.is_empty() || !s.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                let p = it.intrinsics.type_error_prototype.clone();
                let r = crate::inspect::inspect(it, &m).unwrap_or_default();
                return Err(Abrupt::Throw(node_error(
                    it,
                    &p,
                    "ERR_INVALID_ARG_VALUE",
                    &format!("The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received {r}"),
                )));
            }
            match u32::from_str_radix(&s, 8) {
                Ok(v) => Some(v),
                Err(_) => {
                    return Err(range_error(
                        it,
                        "ERR_OUT_OF_RANGE",
                        "The value of \"mask\" is out of range. It must be >= 0 && <= 4294967295.",
                    ))
                }
            }
        }
        _ => {
            return Err(invalid_arg_type(it, "mask", "of type number", &m));
        }
    };
    // SAFETY: umask only swaps the process's mask.
    let old = match new {
        Some(v) => unsafe { libc::umask((v & 0o777) as libc::mode_t) },
        None => unsafe {
            let old = libc::umask(0);
            libc::umask(old);
            old
        },
    };
    Ok(Value::from(old as u32))
}

/// `os.constants.signals` on Linux.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
];

/// The signal number for `process.kill`'s second argument (a number, or a name such as
/// `'SIGTERM'`), else Node's `ERR_UNKNOWN_SIGNAL`.
fn signal_number(it: &mut Interp, v: &Value) -> JsResult<i32> {
    match v {
        Value::Undefined => Ok(libc::SIGTERM),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 2147483648.0 => Ok(*n as i32),
        _ => {
            let name = it.to_string(v)?.to_rust_string();
            match SIGNALS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v) {
                Some(n) => Ok(n),
                None => {
                    let p = it.intrinsics.type_error_prototype.clone();
                    Err(Abrupt::Throw(node_error(
                        it,
                        &p,
                        "ERR_UNKNOWN_SIGNAL",
                        &format!("Unknown signal: {name}"),
                    )))
                }
            }
        }
    }
}

/// `process.kill(pid[, signal])`: `true`, or an error `kill ESRCH` with libuv's errno.
/// Under `--permission`/`--sandbox` only the process itself may be signalled unless
/// `--allow-child-process` is given (the same grant that lets it spawn processes).
fn kill(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let pid_v = a.get(0);
    let pid = match &pid_v {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 2147483648.0 => *n as i32,
        _ => return Err(invalid_arg_type(it, "pid", "of type number", &pid_v)),
    };
    let sig = signal_number(it, &a.get(1))?;
    let perm = &it.node().permission;
    if perm.enabled && !perm.child_process && pid != std::process::id() as i32 {
        let p = it.intrinsics.error_prototype.clone();
        let e = it.make_error(
            &p,
            "Access to this API has been restricted. Use --allow-child-process to manage permissions.",
        );
        e.define("code", Value::from("ERR_ACCESS_DENIED"), Attrs::DEFAULT);
        e.define("permission", Value::from("ChildProcess"), Attrs::DEFAULT);
        return Err(Abrupt::Throw(Value::Object(e)));
    }
    // SAFETY: kill(2) only sends a signal.
    let r = unsafe { libc::kill(pid, sig) };
    if r != 0 {
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::ESRCH);
        let (code, _) = crate::fs::errno_text(errno);
        let p = it.intrinsics.error_prototype.clone();
        let e = it.make_error(&p, &format!("kill {code}"));
        e.define("errno", Value::from(-errno), Attrs::DEFAULT);
        e.define("code", Value::from(code), Attrs::DEFAULT);
        e.define("syscall", Value::from("kill"), Attrs::DEFAULT);
        return Err(Abrupt::Throw(Value::Object(e)));
    }
    Ok(Value::Bool(true))
}

fn rusage(who: libc::c_int) -> libc::rusage {
    // SAFETY: getrusage fills the zeroed struct it is given.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(who, &mut ru);
        ru
    }
}

fn micros(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 * 1e6 + tv.tv_usec as f64
}

/// `process.cpuUsage([previous])`: `{ user, system }` in microseconds, minus `previous`.
fn cpu_usage(it: &mut Interp, a: &Args, who: libc::c_int) -> JsResult<Value> {
    let ru = rusage(who);
    let (mut user, mut system) = (micros(ru.ru_utime), micros(ru.ru_stime));
    let prev = a.get(0);
    if !prev.is_undefined() {
        let Value::Object(po) = &prev else {
            return Err(invalid_arg_type(it, "prevValue", "of type object", &prev));
        };
        for (name, total) in [("user", &mut user), ("system", &mut system)] {
            let v = it.get(po, &PropKey::from(name))?;
            let Value::Number(n) = v else {
                return Err(invalid_arg_type(
                    it,
                    &format!("prevValue.{name}"),
                    "of type number",
                    &v,
                ));
            };
            if !(0.0..=9007199254740991.0).contains(&n) {
                let r = crate::inspect::inspect(it, &v).unwrap_or_default();
                let p = it.intrinsics.range_error_prototype.clone();
                return Err(Abrupt::Throw(node_error(
                    it,
                    &p,
                    "ERR_INVALID_ARG_VALUE",
                    &format!("The property 'prevValue.{name}' is invalid. Received {r}"),
                )));
            }
            *total -= n;
        }
    }
    let o = it.new_object();
    o.define("user", Value::Number(user), Attrs::DEFAULT);
    o.define("system", Value::Number(system), Attrs::DEFAULT);
    Ok(Value::Object(o))
}

/// `process.resourceUsage()`: getrusage(2) under Node's names.
fn resource_usage(it: &mut Interp, _a: &Args) -> JsResult<Value> {
    let ru = rusage(libc::RUSAGE_SELF);
    let o = it.new_object();
    let fields: [(&str, f64); 16] = [
        ("userCPUTime", micros(ru.ru_utime)),
        ("systemCPUTime", micros(ru.ru_stime)),
        ("maxRSS", ru.ru_maxrss as f64),
        ("sharedMemorySize", ru.ru_ixrss as f64),
        ("unsharedDataSize", ru.ru_idrss as f64),
        ("unsharedStackSize", ru.ru_isrss as f64),
        ("minorPageFault", ru.ru_minflt as f64),
        ("majorPageFault", ru.ru_majflt as f64),
        ("swappedOut", ru.ru_nswap as f64),
        ("fsRead", ru.ru_inblock as f64),
        ("fsWrite", ru.ru_oublock as f64),
        ("ipcSent", ru.ru_msgsnd as f64),
        ("ipcReceived", ru.ru_msgrcv as f64),
        ("signalsCount", ru.ru_nsignals as f64),
        ("voluntaryContextSwitches", ru.ru_nvcsw as f64),
        ("involuntaryContextSwitches", ru.ru_nivcsw as f64),
    ];
    for (k, v) in fields {
        o.define(k, Value::Number(v), Attrs::DEFAULT);
    }
    Ok(Value::Object(o))
}

/// The cgroup memory limit in bytes, or 2^64 when there is none (libuv's
/// `uv_get_constrained_memory`, which Node returns as a Number).
fn constrained_memory() -> f64 {
    let unlimited = 18446744073709551616.0;
    for path in [
        "/sys/fs/cgroup/memory.max",
        "/sys/fs/cgroup/memory/memory.limit_in_bytes",
    ] {
        if let Ok(s) = std::fs::read_to_string(path) {
            // cgroup v1 says "no limit" with a page-rounded i64::MAX; libuv treats it (and
            // v2's "max") as unlimited.
            return match s.trim().parse::<f64>() {
                Ok(v) if v < 9223372036854771712.0 => v,
                _ => unlimited,
            };
        }
    }
    unlimited
}

fn meminfo(field: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0)
}

/// Free memory the process may still use: the cgroup limit minus its usage when limited,
/// else the system's available memory (libuv's `uv_get_available_memory`).
fn available_memory() -> f64 {
    let free = meminfo("MemAvailable:").unwrap_or(0.0);
    let limit = constrained_memory();
    if limit < free {
        let used = std::fs::read_to_string("/sys/fs/cgroup/memory.current")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .unwrap_or(0.0);
        (limit - used).max(0.0)
    } else {
        free
    }
}

/// `process.getBuiltinModule(id)`: the core module, or undefined for any other id.
fn get_builtin_module(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let id = a.get(0);
    let Value::String(s) = &id else {
        return Err(invalid_arg_type(it, "id", "of type string", &id));
    };
    let s = s.to_rust_string();
    let name = s.strip_prefix("node:").unwrap_or(&s);
    if !crate::modules::exists(name) || (name == s && crate::modules::scheme_only(name)) {
        return Ok(Value::Undefined);
    }
    crate::require::require_core(it, name, "node:internal")
}

/// `process.loadEnvFile([path])`: reads a `.env` file (default `./.env`) into
/// `process.env`, keeping variables that are already set.
fn load_env_file(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let p = a.get(0);
    let path = match &p {
        Value::Undefined => ".env".to_string(),
        Value::String(s) => s.to_rust_string(),
        _ => {
            return Err(invalid_arg_type(
                it,
                "path",
                "of type string or an instance of Buffer or URL",
                &p,
            ))
        }
    };
    crate::permission::check_fs_read(it, &path)?;
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            let err = crate::fs::FsError {
                errno: e.raw_os_error().unwrap_or(libc::ENOENT),
                syscall: "open",
                path: Some(path.clone()),
                dest: None,
            };
            return Err(Abrupt::Throw(crate::fs::fs_error(it, &err)));
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let Some(env) = crate::process::host_env(it) else {
        return Ok(Value::Undefined);
    };
    for (k, v) in crate::dotenv::parse_env(&text) {
        let key = PropKey::from(k.as_str());
        if env.get_own_data(&key).is_none() {
            env.define(k.as_str(), Value::from(v.as_str()), Attrs::DEFAULT);
        }
    }
    Ok(Value::Undefined)
}
