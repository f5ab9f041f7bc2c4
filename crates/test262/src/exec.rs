//! Running one composed test as a separate `jsgen` process, with a time limit.
//!
//! Each run is its own process, so a crash (panic, stack overflow, abort) or a hang of the
//! engine only ever fails that test: the runner sees an exit status, a signal or a timeout.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::judge::{Outcome, Status};

/// At most this much of each output stream is kept (the rest is read and dropped, so a test
/// printing forever cannot fill memory or block on a full pipe).
const OUTPUT_CAP: usize = 64 * 1024;

/// Settings shared by all runs.
pub struct Runner {
    pub jsgen: std::path::PathBuf,
    pub timeout: Duration,
    /// Address-space limit for each jsgen process in MiB (0: none). Applied with the shell's
    /// `ulimit -v`, so a test that allocates without bound fails alone instead of exhausting
    /// the machine's memory.
    pub memory_limit_mb: u64,
}

/// Reads a stream to its end on a thread; the result arrives on the returned channel.
fn drain<R: Read + Send + 'static>(mut r: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        let _ = tx.send(kept);
    });
    rx
}

/// How long to wait for the output streams to close once the process has ended (they stay
/// open only if the engine left a descendant process holding them).
const STREAM_GRACE: Duration = Duration::from_secs(2);

impl Runner {
    fn command(
        &self,
        script: &Path,
        module_prelude: Option<&Path>,
        test: Option<&Path>,
    ) -> Command {
        let use_shell = cfg!(unix) && self.memory_limit_mb > 0 && Path::new("/bin/sh").exists();
        let mut cmd = if use_shell {
            let mut c = Command::new("/bin/sh");
            c.arg("-c")
                .arg(format!(
                    "ulimit -v {} 2>/dev/null; exec \"$0\" \"$@\"",
                    self.memory_limit_mb * 1024
                ))
                .arg(&self.jsgen);
            c
        } else {
            Command::new(&self.jsgen)
        };
        // test262 tests are global code (INTERPRETING.md), not CommonJS modules; a `module`
        // test runs as an ES module (its fixtures too) after the harness as global code.
        cmd.arg("--unhandled-rejections=none");
        match module_prelude {
            Some(prelude) => {
                cmd.arg("--preload-script")
                    .arg(prelude)
                    .arg("--module-file")
                    .arg(script);
            }
            None => {
                if let Some(test) = test {
                    // import() in the (copied) script resolves next to the test file.
                    cmd.arg("--imports-from").arg(test);
                }
                cmd.arg("--global-script").arg(script);
            }
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs jsgen on `script` and reports how it ended.
    pub fn run(&self, script: &Path, test: &Path) -> Outcome {
        self.run_with(script, None, Some(test))
    }

    /// Runs the test file `script` as an ES module after `prelude` (global code).
    pub fn run_module(&self, prelude: &Path, script: &Path) -> Outcome {
        self.run_with(script, Some(prelude), None)
    }

    fn run_with(
        &self,
        script: &Path,
        module_prelude: Option<&Path>,
        test: Option<&Path>,
    ) -> Outcome {
        let mut child = match self.command(script, module_prelude, test).spawn() {
            Ok(c) => c,
            Err(e) => {
                return Outcome {
                    status: Status::SpawnError(e.to_string()),
                    stdout: String::new(),
                    stderr: String::new(),
                }
            }
        };
        let out = drain(child.stdout.take().expect("piped stdout"));
        let err = drain(child.stderr.take().expect("piped stderr"));
        let start = Instant::now();
        let mut pause = Duration::from_micros(500);
        let status = loop {
            match child.try_wait() {
                Ok(Some(st)) => break exit_status(st),
                Ok(None) => {}
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Status::Signal(format!("wait failed: {e}"));
                }
            }
            if start.elapsed() >= self.timeout {
                let _ = child.kill();
                let _ = child.wait();
                break Status::Timeout(self.timeout.as_secs_f64());
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(10));
        };
        let stdout = String::from_utf8_lossy(&out.recv_timeout(STREAM_GRACE).unwrap_or_default())
            .into_owned();
        let stderr = String::from_utf8_lossy(&err.recv_timeout(STREAM_GRACE).unwrap_or_default())
            .into_owned();
        Outcome {
            status,
            stdout,
            stderr,
        }
    }
}

fn exit_status(st: std::process::ExitStatus) -> Status {
    if let Some(code) = st.code() {
        return Status::Exit(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = st.signal() {
            let name = match sig {
                6 => "SIGABRT",
                9 => "SIGKILL",
                11 => "SIGSEGV",
                7 => "SIGBUS",
                4 => "SIGILL",
                8 => "SIGFPE",
                _ => "",
            };
            return Status::Signal(if name.is_empty() {
                format!("signal {sig}")
            } else {
                format!("signal {sig} {name}")
            });
        }
    }
    Status::Signal(format!("{st}"))
}
