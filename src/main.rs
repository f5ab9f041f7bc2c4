//! The `jsgen` command line: run a file, stdin, or `-e CODE` as `node` does; with no script
//! on a terminal (or with `-i`), the REPL (`src/repl/`). Options are Node's (`src/cli.rs`).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use jsgen::cli::{self, CliError, InputType, Options};
use jsgen_engine::interp::script::RunError;
use jsgen_engine::interp::Interp;
use jsgen_node::event_loop::RejectionMode;
use jsgen_node::prelude::*;
use jsgen_node::run::{MainEnd, ScriptGoal};

/// The interpreter runs on a large stack (a segment `stacker` maps for the main thread) so deep
/// (but bounded) JS recursion reaches the RangeError check instead of overflowing the native
/// stack.
const STACK_SIZE: usize = 1 << 30;

/// Node's exit code for a command line it refuses (`bad option`).
const EXIT_BAD_OPTION: u8 = 9;
/// The exit code of a run stopped by `--timeout` (as `timeout(1)`).
const EXIT_TIMEOUT: i32 = 124;
/// The exit code of a run past `--max-old-space-size` (Node's out-of-memory abort).
const EXIT_HEAP_LIMIT: i32 = 134;

/// Counts the bytes the process has allocated, so `--max-old-space-size` (and the default
/// limit, half the machine's memory) can end a run that passes the limit: the allocator sets
/// the interpreter's interrupt flag with exit code 134, and the interpreter stops at its next
/// check (a loop back-edge, a call, a long native loop). Allocation never aborts the process:
/// a request the system cannot satisfy, or growth far past the limit before the interpreter
/// got to stop (one huge allocation), ends the run at once with Node's out-of-memory message
/// and exit code 134, written without allocating.
struct CountingAlloc;

static ALLOCATED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static HEAP_LIMIT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(usize::MAX);
static HEAP_EXCEEDED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// The running interpreter's interrupt flag and exit-code cell, for the allocator to stop it.
static STOP: std::sync::OnceLock<(
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::sync::Arc<std::sync::atomic::AtomicI32>,
)> = std::sync::OnceLock::new();
/// How far past the limit allocation may go while the interpreter unwinds to its next check.
const HEAP_GRACE: usize = 1 << 30;

/// Node's message for a heap that cannot grow, then exit 134 — from inside the allocator,
/// so nothing here may allocate.
fn heap_exhausted() -> ! {
    const MSG: &[u8] = b"\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n";
    // SAFETY: write(2) of a static buffer, then _exit(2): no allocation, no unwinding.
    unsafe {
        libc::write(2, MSG.as_ptr().cast(), MSG.len());
        libc::_exit(EXIT_HEAP_LIMIT)
    }
}

/// Counts `n` more live bytes; past the limit, stops the interpreter (once), and far past
/// it ends the process (see [`CountingAlloc`]).
#[inline]
fn grew(n: usize) {
    use std::sync::atomic::Ordering::Relaxed;
    let total = ALLOCATED.fetch_add(n, Relaxed) + n;
    let limit = HEAP_LIMIT.load(Relaxed);
    if total > limit {
        if total > limit.saturating_add(HEAP_GRACE) {
            heap_exhausted();
        }
        if !HEAP_EXCEEDED.swap(true, Relaxed) {
            if let Some((flag, code)) = STOP.get() {
                code.store(EXIT_HEAP_LIMIT, Relaxed);
                flag.store(true, Relaxed);
            }
        }
    }
}

/// The start-up arena: the realm's built-ins (~3 300 small blocks, nearly all alive until
/// the process ends) are carved from this static block by bumping an offset instead of
/// `malloc`'s free-list search (`malloc` was 31 % of `jsgen -e ''`'s instructions once the
/// executable was linked statically). `run` closes it when the interpreter exists; from
/// then on every block comes from the system allocator. A block of the arena is never
/// reused: freeing one does nothing, and resizing one copies it out. It is `.bss`, zero
/// until touched, so `alloc_zeroed` needs nothing more. DESIGN.md, "Start-up blocks from a
/// bump arena".
const ARENA_SIZE: usize = 512 * 1024;
/// Larger blocks (a token list, a `Vec` that grows) go to the system allocator.
const ARENA_MAX_BLOCK: usize = 1024;

#[repr(C, align(4096))]
struct Arena(std::cell::UnsafeCell<[u8; ARENA_SIZE]>);
// SAFETY: the bytes are handed out in disjoint blocks, claimed by an atomic offset.
unsafe impl Sync for Arena {}

static ARENA: Arena = Arena(std::cell::UnsafeCell::new([0; ARENA_SIZE]));
static ARENA_NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static ARENA_OPEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// A block from the start-up arena, or null when it is closed, full, or `layout` is large.
#[inline]
fn arena_alloc(layout: std::alloc::Layout) -> *mut u8 {
    use std::sync::atomic::Ordering::Relaxed;
    if layout.size() > ARENA_MAX_BLOCK || !ARENA_OPEN.load(Relaxed) {
        return std::ptr::null_mut();
    }
    let base = ARENA.0.get().cast::<u8>();
    let mut cur = ARENA_NEXT.load(Relaxed);
    loop {
        let start = (base as usize + cur).next_multiple_of(layout.align()) - base as usize;
        let end = start + layout.size();
        if end > ARENA_SIZE {
            ARENA_OPEN.store(false, Relaxed);
            return std::ptr::null_mut();
        }
        match ARENA_NEXT.compare_exchange_weak(cur, end, Relaxed, Relaxed) {
            Ok(_) => return base.wrapping_add(start),
            Err(now) => cur = now,
        }
    }
}

/// Whether `ptr` is a block of the start-up arena.
#[inline]
fn in_arena(ptr: *mut u8) -> bool {
    (ptr as usize).wrapping_sub(ARENA.0.get() as usize) < ARENA_SIZE
}

/// No more blocks from the start-up arena (see [`ARENA`]).
fn close_start_up_arena() {
    ARENA_OPEN.store(false, std::sync::atomic::Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged (but the start-up
// arena's blocks, see [`ARENA`]); only a counter is kept.
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        grew(layout.size());
        let p = arena_alloc(layout);
        if !p.is_null() {
            return p;
        }
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        let p = unsafe { std::alloc::System.alloc(layout) };
        if p.is_null() {
            heap_exhausted();
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        grew(layout.size());
        // The arena's blocks are fresh `.bss`: zero.
        let p = arena_alloc(layout);
        if !p.is_null() {
            return p;
        }
        // SAFETY: as `alloc`. The system's calloc maps fresh zero pages for a large block
        // rather than writing zeros (the default `alloc_zeroed` writes every byte).
        let p = unsafe { std::alloc::System.alloc_zeroed(layout) };
        if p.is_null() {
            heap_exhausted();
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        ALLOCATED.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        if in_arena(ptr) {
            return;
        }
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            ALLOCATED.fetch_sub(layout.size() - new_size, Relaxed);
        }
        if in_arena(ptr) {
            // Copied out to the system allocator (an arena block is never resized).
            // SAFETY: `layout` with `new_size` is valid (the caller's contract for
            // `realloc`); the old block stays readable for `layout.size()` bytes.
            let p = unsafe {
                std::alloc::System.alloc(std::alloc::Layout::from_size_align_unchecked(
                    new_size,
                    layout.align(),
                ))
            };
            if p.is_null() {
                heap_exhausted();
            }
            // SAFETY: both blocks hold at least the copied bytes and do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size)) };
            return p;
        }
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        let p = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            heap_exhausted();
        }
        p
    }
}

/// The default heap limit: half the machine's physical memory (Node's own default is a
/// fixed ~4 GB; jsgen's objects are larger, so a fixed figure would stop programs Node runs).
fn default_heap_limit_mb() -> u64 {
    // SAFETY: sysconf only reads system configuration.
    let (pages, page) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    if pages <= 0 || page <= 0 {
        return 4096;
    }
    ((pages as u64).saturating_mul(page as u64) / 2 / (1 << 20)).max(512)
}

/// Tunes glibc malloc for the interpreter (DESIGN.md, "One malloc arena").
///
/// Every thread allocates from the main arena: a thread's own arena grows its heap by one
/// `mprotect` call per page it needs (no padding, unlike the main arena's `sbrk`), which was
/// 5 % of a deep promise chain and a third of the system time of 10^6 function declarations.
/// The other threads (watchdog, stdin reader, child-process pipes) allocate little, so
/// sharing the arena's lock costs nothing measurable.
///
/// Fastbins are off (`M_MXFAST` 0): any free of 64 KB or more (a growing `Vec`, the
/// collector's lists) made glibc consolidate every fastbin chunk of the scattered cells
/// freed since; without them small frees go to the per-thread cache and the ordinary bins.
///
/// Blocks of any size below 2 GiB come from the heap (`M_MMAP_THRESHOLD`) and freed memory
/// is not handed back while the process runs (`M_TRIM_THRESHOLD`): glibc maps each block
/// past its (dynamic) threshold on its own and unmaps it when freed, so a phase's large
/// temporaries (the parser's 384 MB token list for 10^6 function declarations, a growing
/// array's old buffer, the collector's lists) were page-faulted in again by the next
/// phase's allocations. On 10^6 function declarations: page faults 691 K → 453 K, system
/// time 1.5 → 1.0 s (a page fault costs microseconds on this VM); the benchmark scripts'
/// times and peak RSS are unchanged (within 1-2 MB).
///
/// Cold and out of line: it runs once, and keeping `main` the same size keeps the hot code
/// where the symbol ordering put it.
#[cold]
#[inline(never)]
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes malloc; no other thread exists yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MXFAST, 0);
        libc::mallopt(libc::M_MMAP_THRESHOLD, i32::MAX);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// Stops the interpreter when the run's deadline passes or the heap limit is exceeded: it
/// sets the interrupt flag with the exit code, which the interpreter checks on every loop
/// back-edge and call.
fn start_watchdog(it: &Interp, deadline: Option<std::time::Instant>) {
    use std::sync::atomic::Ordering::Relaxed;
    let interrupt = it.interrupt.clone();
    let code = it.terminate_code.clone();
    let _ = std::thread::Builder::new()
        .name("jsgen-watchdog".into())
        .spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_millis(5));
            let stop = if HEAP_EXCEEDED.load(Relaxed) {
                EXIT_HEAP_LIMIT
            } else if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                EXIT_TIMEOUT
            } else {
                continue;
            };
            code.store(stop, Relaxed);
            interrupt.store(true, Relaxed);
            return;
        });
}

fn main() -> ExitCode {
    tune_malloc();
    let opts = match cli::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => return bad_option(&e),
    };
    if opts.help {
        print!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    if opts.version {
        println!("jsgen v{}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if let Err(code) = load_env_files(&opts) {
        return code;
    }
    if opts.watch {
        return watch(&opts);
    }
    // This thread's end is the process's end: its interned names need not be freed.
    jsgen_engine::string::leak_interned_at_thread_exit();
    // The run switches to a stack of its own on the main thread rather than spawning a
    // thread with one: a thread's start and join are two wake-ups the scheduler may delay
    // (on a loaded two-core machine they were most of `jsgen -e ''`'s wall time).
    // A panic (a bug) ends the run with the internal-error exit code, as before.
    let run_on_stack =
        std::panic::AssertUnwindSafe(move || stacker::grow(STACK_SIZE, || run(opts)));
    match std::panic::catch_unwind(run_on_stack) {
        Ok(code) => ExitCode::from(code),
        Err(_) => {
            eprintln!("jsgen: internal error");
            ExitCode::from(70)
        }
    }
}

/// `--env-file` / `--env-file-if-exists`: each file's variables join the environment before
/// anything runs (so `process.env` and child processes see them); variables already set
/// win, and a later file overrides an earlier one. A missing required file ends the run as
/// Node does (`PATH: FILE: not found`, exit code 9).
fn load_env_files(opts: &Options) -> Result<(), ExitCode> {
    let mut merged = std::collections::BTreeMap::new();
    for (path, optional) in &opts.env_files {
        match std::fs::read(path) {
            Ok(bytes) => merged.extend(jsgen_node::dotenv::parse_env(&String::from_utf8_lossy(
                &bytes,
            ))),
            Err(_) if *optional => eprintln!("{path} not found. Continuing without it."),
            Err(_) => {
                let exe = std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| "jsgen".into());
                eprintln!("{exe}: {path}: not found");
                return Err(ExitCode::from(EXIT_BAD_OPTION));
            }
        }
    }
    for (k, v) in merged {
        // Only the main thread runs yet, so changing the environment is sound.
        if !k.is_empty()
            && !k.contains(['=', '\0'])
            && !v.contains('\0')
            && std::env::var_os(&k).is_none()
        {
            std::env::set_var(k, v);
        }
    }
    Ok(())
}

/// `PATH: bad option: --x` and exit code 9, as Node (it names its own executable).
fn bad_option(e: &CliError) -> ExitCode {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "jsgen".into());
    eprintln!("{exe}: {e}");
    ExitCode::from(EXIT_BAD_OPTION)
}

fn run(mut opts: Options) -> u8 {
    if opts.sandbox {
        // Sensible defaults for untrusted code; explicit flags win.
        opts.timeout_ms.get_or_insert(10_000);
        opts.max_output.get_or_insert(1_000_000);
        opts.max_old_space_mb.get_or_insert(512);
    }
    let heap_mb = opts.max_old_space_mb.unwrap_or_else(default_heap_limit_mb);
    let limit = ALLOCATED
        .load(std::sync::atomic::Ordering::Relaxed)
        .saturating_add((heap_mb as usize).saturating_mul(1 << 20));
    HEAP_LIMIT.store(limit, std::sync::atomic::Ordering::Relaxed);
    if !opts.permission
        && !opts.sandbox
        && (!opts.allow_fs_read.is_empty() || !opts.allow_fs_write.is_empty())
    {
        // Node: `TypeError [ERR_MISSING_OPTION]: --permission is required`, exit code 1.
        eprintln!("TypeError [ERR_MISSING_OPTION]: --permission is required");
        return 1;
    }
    let no_script = opts.eval.is_none() && opts.script.is_none();
    let stdin_tty = std::io::stdin().is_terminal();
    // `-i` with a script file runs the file, as Node does.
    let interactive = opts.interactive && opts.script.is_none();
    if interactive || (no_script && stdin_tty && !opts.check) {
        return jsgen::repl::run(
            stdin_tty,
            opts.eval.as_deref(),
            opts.sandbox,
            permission_of(&opts),
        );
    }
    let mode_text = opts.unhandled_rejections.as_deref().unwrap_or("throw");
    let Some(mode) = RejectionMode::parse(mode_text) else {
        eprintln!(
            "jsgen: invalid value for --unhandled-rejections: {mode_text} (expected throw, strict, warn, warn-with-error-code or none)"
        );
        return EXIT_BAD_OPTION;
    };
    // Where the code comes from: -e, a file, or stdin (`-`, or no script with a piped stdin).
    let from_file = opts.eval.is_none() && opts.script.as_deref().is_some_and(|s| s != "-");
    let (name, text) = match (&opts.eval, &opts.script) {
        (Some(code), _) => ("[eval]".to_string(), code.clone()),
        (None, Some(f)) if f != "-" => match read_script(f) {
            Ok(r) => r,
            Err(code) => return code,
        },
        _ => match read_stdin() {
            Ok(s) => ("[stdin]".to_string(), s),
            Err(code) => return code,
        },
    };
    // A file runs as a CommonJS module (or module code, by detection); -e code and stdin as
    // Node 24 runs them, or as --input-type says.
    let goal = if from_file {
        if opts.module_file {
            ScriptGoal::Module
        } else if opts.global_script {
            ScriptGoal::Global
        } else {
            ScriptGoal::CommonJs
        }
    } else {
        match opts.input_type {
            Some(InputType::Module) => ScriptGoal::Module,
            Some(InputType::CommonJs) => ScriptGoal::Global,
            None => ScriptGoal::Eval,
        }
    };
    let mut it = jsgen_node::node_interp();
    close_start_up_arena();
    it.node_mut().console.detect_terminal();
    if opts.check {
        return match it.check_syntax(&name, &text, goal) {
            Ok(()) => 0,
            Err(e) => {
                report(&mut it, e);
                1
            }
        };
    }
    if let Some(perm) = permission_of(&opts) {
        jsgen_node::permission::apply(&mut it, perm);
    }
    it.node_mut().timers.virtual_time = opts.virtual_time;
    it.node_mut().console.max_output = opts.max_output;
    if let Some(kb) = opts.stack_size_kb {
        // Node's default --stack-size is 984 KB, where jsgen allows MAX_CALL_DEPTH calls.
        let depth = jsgen_engine::interp::MAX_CALL_DEPTH as u64 * kb / 984;
        it.max_call_depth = depth.clamp(100, 1_000_000) as usize;
    }
    let deadline = opts
        .timeout_ms
        .map(|ms| std::time::Instant::now() + std::time::Duration::from_millis(ms));
    it.node_mut().timers.deadline = deadline;
    // The allocator stops this interpreter when the heap limit is passed.
    let _ = STOP.set((it.interrupt.clone(), it.terminate_code.clone()));
    if deadline.is_some() {
        start_watchdog(&it, deadline);
    }
    let (script_path, args) = if from_file {
        (Some(name.clone()), opts.args.clone())
    } else if opts.script.as_deref() == Some("-") {
        // `jsgen - a b`: process.argv is [exe, '-', 'a', 'b'], as in Node.
        let mut args = vec!["-".to_string()];
        args.extend(opts.args.iter().cloned());
        (None, args)
    } else {
        (None, opts.args.clone())
    };
    // The main script may always be read under the permission model (Node's entry point).
    if let Some(main) = &script_path {
        let abs = jsgen_node::permission::absolute(std::path::Path::new(main));
        it.node_mut().permission.main = Some(abs.to_string_lossy().into_owned());
    }
    it.set_script_args(script_path, args);
    jsgen_node::process::apply_warning_flags(
        &mut it,
        &jsgen_node::process::WarningFlags {
            no_warnings: opts.no_warnings,
            no_deprecation: opts.no_deprecation,
            trace_warnings: opts.trace_warnings,
            trace_deprecation: opts.trace_deprecation,
            throw_deprecation: opts.throw_deprecation,
        },
    );
    if let Some(title) = &opts.title {
        if let Some(p) = it.node().host.process.clone() {
            p.define(
                "title",
                jsgen_engine::value::Value::from(title.as_str()),
                jsgen_engine::object::Attrs::DEFAULT,
            );
        }
    }
    // `-r MODULE`: required before the program, resolved from the working directory (Node's
    // `Module._preloadModules`, whose require stack is `internal/preload`).
    for m in &opts.preload_modules {
        let code = format!(
            "process.getBuiltinModule('module').createRequire(process.cwd() + '/')({})",
            js_string_literal(m)
        );
        if let Err(e) = it.run_script("internal/preload", &code) {
            report(&mut it, e);
            return 1;
        }
    }
    it.node_mut().esm.all_modules = opts.module_file || opts.imports_from.is_some();
    it.node_mut().esm.script_base = opts.imports_from.as_deref().map(absolute);
    if let Some(pre) = &opts.preload_script {
        let pre_text = match std::fs::read(pre) {
            Ok(b) => decode(b),
            Err(e) => {
                eprintln!("jsgen: cannot read {pre}: {e}");
                return 2;
            }
        };
        if let Err(e) = it.run_script(&absolute(pre), &pre_text) {
            report(&mut it, e);
            return 1;
        }
    }
    let end = it.run_main(&name, &text, mode, goal);
    let default = match end {
        MainEnd::Done | MainEnd::Exit(_) => 0,
        MainEnd::Error(e) => {
            report(&mut it, e);
            1
        }
        MainEnd::UnhandledRejection { value, pos } => {
            let d = jsgen::diag::uncaught(&mut it, &value, pos, "Unhandled promise rejection: ");
            let _ = std::io::stdout().flush();
            let color = it.node().console.stderr_colors;
            let _ = std::io::stderr().write_all(jsgen::diag::render(d, color).as_bytes());
            1
        }
        MainEnd::UnsettledTopLevelAwait => {
            warn_unsettled_await(&it);
            13
        }
    };
    // A run the watchdog stopped ends here, without 'exit' listeners (no script code runs).
    match it.exiting {
        Some(EXIT_TIMEOUT)
            if it.terminate_code.load(std::sync::atomic::Ordering::Relaxed) == EXIT_TIMEOUT =>
        {
            let _ = std::io::stdout().flush();
            eprintln!(
                "jsgen: the run took longer than --timeout={} ms and was stopped",
                opts.timeout_ms.unwrap_or_default()
            );
            return EXIT_TIMEOUT as u8;
        }
        Some(EXIT_HEAP_LIMIT)
            if it.terminate_code.load(std::sync::atomic::Ordering::Relaxed) == EXIT_HEAP_LIMIT =>
        {
            let _ = std::io::stdout().flush();
            eprintln!(
                "\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory (--max-old-space-size={})",
                opts.max_old_space_mb.unwrap_or_else(default_heap_limit_mb)
            );
            return EXIT_HEAP_LIMIT as u8;
        }
        _ => {}
    }
    if opts.print && default == 0 {
        print_result(&mut it);
    }
    // A throwing 'uncaughtException'/'uncaughtExceptionMonitor' listener: Node's status 7,
    // without 'exit' listeners.
    let code = if it.node().host.fatal_handler_threw {
        7
    } else {
        it.emit_exit(default)
    };
    if let Some(value) = it.node_mut().host.exit_listener_error.take() {
        report(&mut it, RunError::Uncaught { value, pos: None });
    }
    let _ = std::io::stdout().flush();
    // Exit statuses are 8 bits, as the OS truncates them.
    (code & 0xff) as u8
}

/// `s` as a double-quoted JavaScript string literal.
fn js_string_literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The permission model the flags ask for: `--sandbox` (nothing granted but its
/// `--allow-fs-*` grants, an empty environment) or Node's `--permission` with its grants.
fn permission_of(opts: &Options) -> Option<jsgen_node::permission::Permission> {
    if opts.sandbox {
        let mut perm = jsgen_node::permission::Permission::sandbox();
        let granted = jsgen_node::permission::Permission::with_grants(
            &opts.allow_fs_read,
            &opts.allow_fs_write,
        );
        perm.read = granted.read;
        perm.write = granted.write;
        perm.child_process = opts.allow_child_process;
        Some(perm)
    } else if opts.permission {
        let mut perm = jsgen_node::permission::Permission::with_grants(
            &opts.allow_fs_read,
            &opts.allow_fs_write,
        );
        perm.child_process = opts.allow_child_process;
        Some(perm)
    } else {
        None
    }
}

/// `-p`: the code's completion value, inspected as `console.log` would (Node prints it at
/// exit, after the event loop).
fn print_result(it: &mut Interp) {
    let v = it.node().host.main_result.clone();
    if let Ok(s) = jsgen_node::inspect::format_log_args(it, &[v]) {
        it.node_mut().console.write_out(&format!("{s}\n"));
    }
}

/// Node's warning for module code whose top-level `await` never settled.
fn warn_unsettled_await(it: &Interp) {
    let _ = std::io::stdout().flush();
    let Some((source, span)) = it.top_level_await_pos else {
        eprintln!("Warning: Detected unsettled top-level await");
        return;
    };
    let Some(src) = it.sources.get(source as usize) else {
        return;
    };
    let (line, col) = src.line_col(span.start);
    let url = file_url(&src.name);
    let text = src.text.lines().nth(line as usize - 1).unwrap_or("");
    let caret = format!("{}^", " ".repeat(col as usize - 1));
    eprint!("Warning: Detected unsettled top-level await at {url}:{line}\n{text}\n{caret}\n\n\n\n");
}

/// A script name as Node's module URL (`file:///abs/path`, or `file://CWD/[eval1]` for
/// `-e` code).
fn file_url(name: &str) -> String {
    if name.starts_with("file://") {
        return name.to_string();
    }
    if name.starts_with('/') {
        return format!("file://{name}");
    }
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let name = if name == "[eval]" { "[eval1]" } else { name };
    format!("file://{cwd}/{name}")
}

fn report(it: &mut Interp, e: RunError) {
    let _ = std::io::stdout().flush();
    // Colored on a terminal, by the rules console.error follows (Node's shouldColorize).
    let color = it.node().console.stderr_colors;
    let d = match e {
        RunError::Syntax { source, error } => jsgen::diag::syntax_error(it, source, &error),
        RunError::Uncaught { value, pos } => jsgen::diag::uncaught(it, &value, pos, "Uncaught "),
    };
    let s = jsgen::diag::render(d, color);
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// The script file's absolute name and text. A file that does not exist is Node's
/// `Cannot find module` (exit 1); bytes that are not UTF-8 decode to U+FFFD as in Node.
fn read_script(f: &str) -> Result<(String, String), u8> {
    let abs = absolute(f);
    match std::fs::read(f) {
        // Node runs the main module by its real path (symlinks resolved).
        Ok(bytes) => Ok((real_path(f).unwrap_or(abs), decode(bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "Error: Cannot find module '{abs}' {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}}\n\nNode.js v{}",
                jsgen_node::process::NODE_VERSION
            );
            Err(1)
        }
        Err(e) => {
            eprintln!("jsgen: cannot read {f}: {e}");
            Err(2)
        }
    }
}

/// The whole of standard input as text (invalid UTF-8 decodes to U+FFFD, as in Node).
fn read_stdin() -> Result<String, u8> {
    let mut buf = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
        eprintln!("jsgen: cannot read standard input: {e}");
        return Err(2);
    }
    Ok(decode(buf))
}

fn decode(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

fn real_path(f: &str) -> Option<String> {
    std::fs::canonicalize(f)
        .ok()
        .map(|p| p.display().to_string())
}

/// The script's path made absolute against the working directory (as Node's
/// `path.resolve`; symlinks are kept).
fn absolute(f: &str) -> String {
    let p = std::path::Path::new(f);
    if p.is_absolute() {
        return f.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => normalize(&cwd.join(p)),
        Err(_) => f.to_string(),
    }
}

/// `a/./b/../c` → `a/c`, lexically (Node's `path.resolve`).
fn normalize(p: &std::path::Path) -> String {
    use std::path::Component;
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    format!("/{}", parts.join("/"))
}

/// `--watch`: runs the script in a child `jsgen`, and reruns it whenever the file changes,
/// with Node's messages.
fn watch(opts: &Options) -> ExitCode {
    if opts.eval.is_some() {
        return bad_option(&CliError::Conflict(
            "either --watch or --eval can be used, not both",
        ));
    }
    let Some(script) = opts.script.clone().filter(|s| s != "-") else {
        eprintln!("jsgen: --watch requires a script file");
        return ExitCode::from(EXIT_BAD_OPTION);
    };
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("jsgen: cannot find its own executable for --watch");
        return ExitCode::from(70);
    };
    let abs = absolute(&script);
    // The child gets the same command line without --watch.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--watch")
        .collect();
    let modified = |p: &str| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let tty = std::io::stdout().is_terminal();
    loop {
        let seen = modified(&abs);
        let mut child = match std::process::Command::new(&exe).args(&args).spawn() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("jsgen: cannot start {}: {e}", exe.display());
                return ExitCode::from(70);
            }
        };
        let mut finished = false;
        loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            if !finished {
                if let Ok(Some(status)) = child.try_wait() {
                    finished = true;
                    let what = if status.success() {
                        "Completed"
                    } else {
                        "Failed"
                    };
                    println!(
                        "{what} running '{script}'. Waiting for file changes before restarting..."
                    );
                }
            }
            if modified(&abs) != seen {
                break;
            }
        }
        if !finished {
            let _ = child.kill();
            let _ = child.wait();
        }
        if tty {
            // Node clears the terminal before a restart.
            print!("\x1bc");
        }
        println!("Change detected in '{abs}'");
        println!("Restarting '{script}'");
        let _ = std::io::stdout().flush();
    }
}
