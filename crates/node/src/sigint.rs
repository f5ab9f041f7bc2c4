//! `util.setTraceSigInt(true)`, Node's SigintWatchdog: a SIGINT while script code runs prints
//! `KEYBOARD_INTERRUPT: Script execution was interrupted by \`SIGINT\`` and the stack where
//! it was, to stderr, then the process dies of the signal (exit status 130), as without the
//! watchdog. While the loop is idle, only the first line is printed.
//!
//! The signal handler only sets flags (the interpreter's interrupt flag, [`PENDING`]) and
//! wakes a watchdog thread through a pipe. The interpreter sees its flag at the next loop
//! back-edge or call and reports through [`HostHooks::interrupted`]; if it has not within
//! [`GRACE`] (it is waiting in the event loop, or in a long native call), the watchdog prints
//! the first line and ends the process. `setTraceSigInt(false)` puts back the handler that
//! was there before (the default one, or the REPL's).
//!
//! [`HostHooks::interrupted`]: jsgen_engine::host::HostHooks::interrupted

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering::SeqCst};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::NodeData;
use jsgen_engine::interp::Interp;

const HEADER: &str = "KEYBOARD_INTERRUPT: Script execution was interrupted by `SIGINT`\n";
/// How long the watchdog waits for the interpreter to report the stack.
const GRACE: Duration = Duration::from_millis(500);

static ENABLED: AtomicBool = AtomicBool::new(false);
/// A SIGINT arrived and was not reported yet.
static PENDING: AtomicBool = AtomicBool::new(false);
/// The interpreter took the report (the watchdog must not print).
static TAKEN: AtomicBool = AtomicBool::new(false);
/// The watchdog's pipe, written by the handler.
static WAKE_FD: AtomicI32 = AtomicI32::new(-1);
/// The interrupt flag of the interpreter that enabled the watchdog.
static INTERRUPT: OnceLock<Arc<AtomicBool>> = OnceLock::new();
/// The SIGINT disposition before the watchdog's handler.
static PREVIOUS: Mutex<Option<libc::sigaction>> = Mutex::new(None);

/// Dies of SIGINT, as a process without a handler does (async-signal-safe).
fn die() -> ! {
    // SAFETY: signal, raise and _exit are async-signal-safe libc calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
        libc::_exit(130)
    }
}

extern "C" fn on_sigint(_: libc::c_int) {
    if !ENABLED.load(SeqCst) {
        die();
    }
    PENDING.store(true, SeqCst);
    if let Some(flag) = INTERRUPT.get() {
        flag.store(true, SeqCst);
    }
    let fd = WAKE_FD.load(SeqCst);
    if fd >= 0 {
        // SAFETY: write(2) is async-signal-safe; the buffer is one valid byte.
        unsafe {
            libc::write(fd, [1u8].as_ptr().cast(), 1);
        }
    }
}

/// Starts the watchdog thread (once per process). False if the pipe cannot be made.
fn start_watchdog() -> bool {
    static STARTED: OnceLock<bool> = OnceLock::new();
    *STARTED.get_or_init(|| {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: `fds` has room for the two descriptors pipe(2) returns.
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return false;
        }
        let read_fd = fds[0];
        WAKE_FD.store(fds[1], SeqCst);
        std::thread::Builder::new()
            .name("jsgen-sigint".into())
            .spawn(move || loop {
                let mut b = [0u8; 1];
                // SAFETY: reads at most one byte into `b` from the pipe this thread owns.
                let n = unsafe { libc::read(read_fd, b.as_mut_ptr().cast(), 1) };
                if n < 0
                    && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
                {
                    continue;
                }
                if n <= 0 {
                    return;
                }
                if !PENDING.load(SeqCst) {
                    continue;
                }
                let start = std::time::Instant::now();
                while start.elapsed() < GRACE && !TAKEN.load(SeqCst) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                if !TAKEN.load(SeqCst) {
                    // SAFETY: writes the header's bytes to fd 2.
                    unsafe {
                        libc::write(2, HEADER.as_ptr().cast(), HEADER.len());
                    }
                    die();
                }
            })
            .is_ok()
    })
}

/// `binding.setTraceSigInt(enable)`.
pub fn set_trace_sigint(it: &Interp, enable: bool) {
    let mut previous = match PREVIOUS.lock() {
        Ok(p) => p,
        Err(p) => p.into_inner(),
    };
    if enable {
        if ENABLED.load(SeqCst) || !start_watchdog() {
            return;
        }
        let _ = INTERRUPT.set(it.interrupt.clone());
        // SAFETY: a zeroed sigaction with our handler and an empty mask is a valid argument;
        // `old` receives the current disposition.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGINT, &action, &mut old) == 0 {
                *previous = Some(old);
                ENABLED.store(true, SeqCst);
            }
        }
    } else if ENABLED.swap(false, SeqCst) {
        if let Some(mut old) = previous.take() {
            // As Node (which resets signal dispositions at start-up): an inherited SIG_IGN
            // becomes the default; a handler of our own (the REPL's) comes back.
            if old.sa_sigaction == libc::SIG_IGN {
                old.sa_sigaction = libc::SIG_DFL;
            }
            // SAFETY: `old` is the disposition sigaction returned when the handler was set.
            unsafe {
                libc::sigaction(libc::SIGINT, &old, std::ptr::null_mut());
            }
        }
    }
}

/// The engine found its interrupt flag set: after a SIGINT the watchdog caught, print the
/// stack and die of the signal (the stack is Node's: `at name (file:line:col)`, the function's
/// own name or none, ten frames).
pub fn report(it: &mut Interp) {
    if !PENDING.load(SeqCst) || TAKEN.swap(true, SeqCst) {
        return;
    }
    let mut text = String::from(HEADER);
    for site in it.call_sites(0, 10) {
        let at = format!("{}:{}:{}", site.script_name, site.line, site.column);
        if site.function_name.is_empty() {
            text.push_str(&format!("    at {at}\n"));
        } else {
            text.push_str(&format!("    at {} ({at})\n", site.function_name));
        }
    }
    text.push('\n');
    it.node_mut().console.write_err(&text);
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
    }
    die();
}
