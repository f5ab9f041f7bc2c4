//! The natives behind `os` (Linux: `/proc`, `/etc/passwd`, libc), as libuv gathers them.

use jsgen_engine::interp::Interp;
use jsgen_engine::object::{Attrs, Obj};
use jsgen_engine::value::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn meminfo(key: &str) -> f64 {
    read("/proc/meminfo")
        .lines()
        .find_map(|l| {
            let rest = l.strip_prefix(key)?.strip_prefix(':')?;
            let kb: f64 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
            Some(kb * 1024.0)
        })
        .unwrap_or(0.0)
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates within it.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        return read("/proc/sys/kernel/hostname").trim().to_string();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// (username, homedir, shell) of `uid` from /etc/passwd.
fn passwd(uid: u32) -> Option<(String, String, String)> {
    read("/etc/passwd").lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        if f.len() >= 7 && f[2].parse::<u32>().ok()? == uid {
            Some((f[0].to_string(), f[5].to_string(), f[6].to_string()))
        } else {
            None
        }
    })
}

fn uid() -> u32 {
    // SAFETY: getuid/getgid cannot fail.
    unsafe { libc::getuid() }
}

fn gid() -> u32 {
    // SAFETY: as above.
    unsafe { libc::getgid() }
}

/// Installs the `os` natives on the core modules' `binding`.
pub fn install(it: &mut Interp, b: &Obj) {
    it.define_method(b, "osHostname", 0, |_, _| {
        Ok(Value::from(hostname().as_str()))
    });
    it.define_method(b, "osTotalmem", 0, |_, _| {
        Ok(Value::Number(meminfo("MemTotal")))
    });
    it.define_method(b, "osFreemem", 0, |_, _| {
        Ok(Value::Number(meminfo("MemAvailable")))
    });
    it.define_method(b, "osUptime", 0, |_, _| {
        let up: f64 = read("/proc/uptime")
            .split_whitespace()
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        Ok(Value::Number(up.floor()))
    });
    it.define_method(b, "osInfo", 0, |it, _| {
        // uname: sysname, version, release, machine.
        // SAFETY: utsname is plain data; uname fills it.
        let mut u: libc::utsname = unsafe { std::mem::zeroed() };
        // SAFETY: `u` is a valid utsname to write.
        unsafe { libc::uname(&mut u) };
        let field = |f: &[libc::c_char]| {
            let bytes: Vec<u8> = f
                .iter()
                .take_while(|&&c| c != 0)
                .map(|&c| c as u8)
                .collect();
            Value::from(String::from_utf8_lossy(&bytes).as_ref())
        };
        let v = vec![
            field(&u.sysname),
            field(&u.version),
            field(&u.release),
            field(&u.machine),
        ];
        Ok(Value::Object(it.new_array(v)))
    });
    it.define_method(b, "osLoadavg", 0, |it, _| {
        let s = read("/proc/loadavg");
        let v = s
            .split_whitespace()
            .take(3)
            .map(|x| Value::Number(x.parse().unwrap_or(0.0)))
            .collect();
        Ok(Value::Object(it.new_array(v)))
    });
    it.define_method(b, "osCpus", 0, |it, _| {
        let info = read("/proc/cpuinfo");
        let mut models = Vec::new();
        let mut speeds = Vec::new();
        for l in info.lines() {
            if let Some((k, v)) = l.split_once(':') {
                match k.trim() {
                    "model name" => models.push(v.trim().to_string()),
                    "cpu MHz" => speeds.push(v.trim().parse::<f64>().unwrap_or(0.0).floor()),
                    _ => {}
                }
            }
        }
        let stat = read("/proc/stat");
        let mut times = Vec::new();
        for l in stat.lines() {
            let mut f = l.split_whitespace();
            let Some(name) = f.next() else { continue };
            if name.len() > 3 && name.starts_with("cpu") {
                let n: Vec<f64> = f.map(|x| x.parse::<f64>().unwrap_or(0.0) * 10.0).collect();
                times.push(n);
            }
        }
        let count = times.len().max(models.len());
        let mut out = Vec::new();
        for i in 0..count {
            let o = it.new_object();
            let model = models.get(i).cloned().unwrap_or_default();
            o.define("model", Value::from(model.as_str()), Attrs::DEFAULT);
            let speed = speeds.get(i).copied().unwrap_or(0.0);
            o.define("speed", Value::Number(speed), Attrs::DEFAULT);
            let t = it.new_object();
            let n = times.get(i).cloned().unwrap_or_default();
            let g = |k: usize| Value::Number(n.get(k).copied().unwrap_or(0.0));
            t.define("user", g(0), Attrs::DEFAULT);
            t.define("nice", g(1), Attrs::DEFAULT);
            t.define("sys", g(2), Attrs::DEFAULT);
            t.define("idle", g(3), Attrs::DEFAULT);
            t.define("irq", g(5), Attrs::DEFAULT);
            o.define("times", Value::Object(t), Attrs::DEFAULT);
            out.push(Value::Object(o));
        }
        Ok(Value::Object(it.new_array(out)))
    });
    it.define_method(b, "osAvailableParallelism", 0, |_, _| {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(Value::from(n as f64))
    });
    it.define_method(b, "osUserInfo", 0, |it, _| {
        let (uid, gid) = (uid(), gid());
        let (name, home, shell) = passwd(uid).unwrap_or_else(|| {
            (
                std::env::var("USER").unwrap_or_default(),
                std::env::var("HOME").unwrap_or_default(),
                String::new(),
            )
        });
        let v = vec![
            Value::from(uid as f64),
            Value::from(gid as f64),
            Value::from(name.as_str()),
            Value::from(home.as_str()),
            Value::from(shell.as_str()),
        ];
        Ok(Value::Object(it.new_array(v)))
    });
}
