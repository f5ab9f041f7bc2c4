//! Golden tests: run the `jsgen` binary on scripts and compare with what the reference Node 24 printed.
//!
//! * every `samples/*.js` (expected stdout in `samples/X.out`, exit code in `samples/X.exit`,
//!   default 0);
//! * when `../shared/tutorials` exists next to the crate, the tutorial scripts listed in
//!   `tests/tutorials-passing.txt` (one file name per line, `#` starts a comment).
//!
//! Each script gets 20 s (killed and failed on timeout). All mismatches are collected and
//! reported together at the end, each with a short diff of expected vs actual stdout.
//!
//! Scripts run with `--virtual-time` on a small thread pool (`JSGEN_GOLDEN_JOBS`, default 2..=4 by core count).
//! A sample with a `samples/X.stdin` file gets it as its standard input (else stdin is empty);
//! the file and stream samples (`samples/io-*.js`) run a second time in real time, since
//! their I/O completes off the interpreter thread.
//! Tutorial areas `C` and `D` (async generators, promises, timers and event-loop ordering) are
//! timing-sensitive, so they run afterwards, one at a time.

use std::collections::VecDeque;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
const DIFF_CONTEXT: usize = 2;
const DIFF_MAX_LINES: usize = 12;
const DIFF_WINDOW: usize = 60;

struct Case {
    /// Display name, e.g. `samples/generator-sequence.js`.
    name: String,
    script: PathBuf,
    expected_out: Option<PathBuf>,
    expected_exit: i32,
    /// Run alone, after the parallel batch (timer-sensitive scripts).
    serial: bool,
    /// Run on the real clock instead of `--virtual-time` (multi-file samples run both ways).
    real_time: bool,
}

enum Outcome {
    Pass,
    Fail(String),
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_exit_file(script: &Path) -> Result<i32, String> {
    let path = script.with_extension("exit");
    match fs::read_to_string(&path) {
        Ok(text) => text
            .trim()
            .parse::<i32>()
            .map_err(|e| format!("bad exit file {}: {e}", path.display())),
        Err(_) => Ok(0),
    }
}

fn make_case(name: String, script: PathBuf, serial: bool) -> Result<Case, String> {
    let out = script.with_extension("out");
    let expected_exit = read_exit_file(&script)?;
    Ok(Case {
        name,
        expected_out: out.is_file().then_some(out),
        script,
        expected_exit,
        serial,
        real_time: false,
    })
}

/// Collects the cases; problems found while collecting (bad list entries) become failures.
fn collect_cases(failures: &mut Vec<(String, String)>) -> Vec<Case> {
    let root = crate_root();
    let mut cases = Vec::new();

    let samples = root.join("samples");
    let mut scripts: Vec<PathBuf> = fs::read_dir(&samples)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "js"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    for script in scripts {
        let file = script.file_name().unwrap().to_string_lossy().into_owned();
        let name = format!("samples/{file}");
        match make_case(name.clone(), script, false) {
            Ok(case) => cases.push(case),
            Err(msg) => failures.push((name, format!("  {msg}\n"))),
        }
    }

    // A multi-file sample is a directory with a `main.js`, `main.mjs` or `main.cjs` entry
    // (its `main.out` and `main.exit` beside it); it runs in virtual and in real time.
    let mut dirs: Vec<PathBuf> = fs::read_dir(&samples)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let Some(script) = ["main.js", "main.mjs", "main.cjs"]
            .iter()
            .map(|m| dir.join(m))
            .find(|p| p.is_file())
        else {
            continue;
        };
        let file = dir.file_name().unwrap().to_string_lossy().into_owned();
        for real_time in [false, true] {
            let name = if real_time {
                format!("samples/{file}/ (real time)")
            } else {
                format!("samples/{file}/")
            };
            match make_case(name.clone(), script.clone(), false) {
                Ok(case) => cases.push(Case { real_time, ..case }),
                Err(msg) => failures.push((name, format!("  {msg}\n"))),
            }
        }
    }

    let tutorials = root.join("../shared/tutorials");
    if tutorials.is_dir() {
        let list_path = root.join("tests/tutorials-passing.txt");
        let list = fs::read_to_string(&list_path).unwrap_or_default();
        for line in list.lines() {
            let entry = line.split('#').next().unwrap_or("").trim();
            if entry.is_empty() {
                continue;
            }
            let file = if entry.ends_with(".js") {
                entry.to_string()
            } else {
                format!("{entry}.js")
            };
            let name = format!("tutorials/{file}");
            let script = tutorials.join(&file);
            if !script.is_file() {
                failures.push((
                    name,
                    "  listed in tests/tutorials-passing.txt but not found\n".into(),
                ));
                continue;
            }
            let serial = file.starts_with("C-") || file.starts_with("D-");
            match make_case(name.clone(), script, serial) {
                Ok(case) => cases.push(case),
                Err(msg) => failures.push((name, format!("  {msg}\n"))),
            }
        }
    } else {
        eprintln!(
            "golden: {} not found, tutorial scripts skipped",
            tutorials.display()
        );
    }
    cases
}

/// Reads a pipe to the end on its own thread; the result arrives on the returned channel.
fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

/// Collects a reader's output; after a kill, a grandchild may still hold the pipe open,
/// so don't wait for it forever.
fn collect(rx: mpsc::Receiver<Vec<u8>>, timed_out: bool) -> Vec<u8> {
    if timed_out {
        rx.recv_timeout(Duration::from_secs(2)).unwrap_or_default()
    } else {
        rx.recv().unwrap_or_default()
    }
}

struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
    elapsed: Duration,
}

fn run_script(script: &Path, virtual_time: bool) -> Result<RunResult, String> {
    let start = Instant::now();
    // Virtual time: the same timer order as real waits, without sleeping (tests/cli.rs
    // checks that real time really waits).
    let stdin = match fs::File::open(script.with_extension("stdin")) {
        Ok(f) => Stdio::from(f),
        Err(_) => Stdio::null(),
    };
    // The expected outputs were generated in UTC: pin the zone (tests/time_zones.rs covers
    // the others).
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jsgen"));
    cmd.env("TZ", "UTC");
    if virtual_time {
        cmd.arg("--virtual-time");
    }
    let mut child = cmd
        .arg(script)
        .current_dir(script.parent().unwrap_or(Path::new(".")))
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start jsgen: {e}"))?;
    let out = spawn_reader(child.stdout.take().unwrap());
    let err = spawn_reader(child.stderr.take().unwrap());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                timed_out = true;
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for jsgen failed: {e}")),
        }
    };
    let elapsed = start.elapsed();
    Ok(RunResult {
        stdout: collect(out, timed_out),
        stderr: collect(err, timed_out),
        status,
        timed_out,
        elapsed,
    })
}

/// Makes invisible differences visible: control characters are escaped.
fn show(line: &str) -> String {
    let mut s = String::new();
    for c in line.chars() {
        match c {
            '\t' => s.push_str("\\t"),
            '\r' => s.push_str("\\r"),
            c if c.is_control() => s.push_str(&c.escape_unicode().to_string()),
            c => s.push(c),
        }
    }
    s
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Same,
    Del,
    Add,
}

/// Line diff (LCS) of two short windows, as a list of (op, line).
fn lcs_diff<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((Op::Same, a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || t[i + 1][j] >= t[i][j + 1]) {
            ops.push((Op::Del, a[i]));
            i += 1;
        } else {
            ops.push((Op::Add, b[j]));
            j += 1;
        }
    }
    ops
}

/// A short unified-style diff starting at the first differing line.
fn short_diff(expected: &str, actual: &str) -> String {
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = exp
        .iter()
        .zip(act.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(exp.len().min(act.len()));
    let from = first.saturating_sub(DIFF_CONTEXT);
    let mut d = String::new();
    d.push_str("    --- expected (node)\n    +++ actual (jsgen)\n");
    d.push_str(&format!(
        "    @@ first difference at line {} (expected {} lines, got {}) @@\n",
        first + 1,
        exp.len(),
        act.len()
    ));
    let fmt = |prefix: char, line: &str| {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, ""),
            None => (line, "\n    \\ No newline at end of output"),
        };
        format!("    {prefix}{}{nl}\n", show(body))
    };
    for line in &exp[from..first] {
        d.push_str(&fmt(' ', line));
    }
    let a = &exp[first..exp.len().min(first + DIFF_WINDOW)];
    let b = &act[first..act.len().min(first + DIFF_WINDOW)];
    let ops = lcs_diff(a, b);
    let mut changes = 0;
    let mut k = 0;
    while k < ops.len() {
        let (op, line) = ops[k];
        if op == Op::Same {
            // collapse long runs of unchanged lines to their edges
            let run = ops[k..].iter().take_while(|(o, _)| *o == Op::Same).count();
            let last_run = k + run == ops.len();
            if run > 2 * DIFF_CONTEXT + 1 || last_run {
                let head = if k == 0 { 0 } else { DIFF_CONTEXT.min(run) };
                for (_, l) in &ops[k..k + head] {
                    d.push_str(&fmt(' ', l));
                }
                if last_run {
                    break;
                }
                d.push_str("    ...\n");
                for (_, l) in &ops[k + run - DIFF_CONTEXT..k + run] {
                    d.push_str(&fmt(' ', l));
                }
            } else {
                for (_, l) in &ops[k..k + run] {
                    d.push_str(&fmt(' ', l));
                }
            }
            k += run;
            continue;
        }
        if changes == DIFF_MAX_LINES {
            d.push_str("    ... (more differences)\n");
            break;
        }
        d.push_str(&fmt(if op == Op::Del { '-' } else { '+' }, line));
        changes += 1;
        k += 1;
    }
    d
}

fn stderr_tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().collect();
    let tail = &lines[lines.len().saturating_sub(6)..];
    tail.iter()
        .map(|l| format!("    stderr| {}\n", show(l)))
        .collect()
}

fn check(case: &Case) -> Outcome {
    let expected = match &case.expected_out {
        Some(p) => match fs::read(p) {
            Ok(b) => b,
            Err(e) => return Outcome::Fail(format!("  cannot read {}: {e}\n", p.display())),
        },
        None => return Outcome::Fail("  missing .out file\n".into()),
    };
    // io-* samples run in virtual and real time; a directory sample is two cases, one per
    // mode (`case.real_time`).
    let modes: &[bool] = if case.real_time {
        &[false]
    } else if case
        .script
        .file_name()
        .is_some_and(|f| f.to_string_lossy().starts_with("io-"))
    {
        &[true, false]
    } else {
        &[true]
    };
    let mut problems = String::new();
    for &virtual_time in modes {
        if let Outcome::Fail(p) = check_run(case, &expected, virtual_time) {
            if !virtual_time {
                problems.push_str("  (in real time)\n");
            }
            problems.push_str(&p);
        }
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(problems)
    }
}

fn check_run(case: &Case, expected: &[u8], virtual_time: bool) -> Outcome {
    let r = match run_script(&case.script, virtual_time) {
        Ok(r) => r,
        Err(msg) => return Outcome::Fail(format!("  {msg}\n")),
    };
    let mut problems = String::new();
    if r.timed_out {
        problems.push_str(&format!(
            "  timed out after {} s (killed)\n",
            TIMEOUT.as_secs()
        ));
    } else {
        let code = r.status.and_then(|s| s.code());
        if code != Some(case.expected_exit) {
            let got = match code {
                Some(c) => c.to_string(),
                None => format!("{:?} (killed by a signal)", r.status),
            };
            problems.push_str(&format!(
                "  exit code: expected {}, got {got}\n",
                case.expected_exit
            ));
        }
    }
    if r.stdout != expected {
        problems.push_str("  stdout differs:\n");
        problems.push_str(&short_diff(
            &String::from_utf8_lossy(expected),
            &String::from_utf8_lossy(&r.stdout),
        ));
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        if !r.stderr.is_empty() {
            problems.push_str(&stderr_tail(&r.stderr));
        }
        problems.push_str(&format!("  ({:.2} s)\n", r.elapsed.as_secs_f64()));
        Outcome::Fail(problems)
    }
}

fn jobs() -> usize {
    if let Some(n) = std::env::var("JSGEN_GOLDEN_JOBS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4)
}

fn run_pool(cases: Vec<Case>, workers: usize) -> Vec<(String, Outcome)> {
    let queue = Arc::new(Mutex::new(cases.into_iter().collect::<VecDeque<_>>()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..workers.max(1))
        .map(|_| {
            let queue = Arc::clone(&queue);
            let results = Arc::clone(&results);
            thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop_front();
                let Some(case) = next else { break };
                let outcome = check(&case);
                results.lock().unwrap().push((case.name, outcome));
            })
        })
        .collect();
    for h in handles {
        h.join().expect("golden worker panicked");
    }
    Arc::try_unwrap(results)
        .ok()
        .expect("results still shared")
        .into_inner()
        .unwrap()
}

#[test]
fn golden_outputs() {
    let mut failures: Vec<(String, String)> = Vec::new();
    let cases = collect_cases(&mut failures);
    let total = cases.len();
    assert!(
        cases.iter().any(|c| c.name.starts_with("samples/")),
        "no samples/*.js found"
    );

    let (serial, parallel): (Vec<Case>, Vec<Case>) = cases.into_iter().partition(|c| c.serial);
    let mut results = run_pool(parallel, jobs());
    results.extend(run_pool(serial, 1));

    let mut passed = 0;
    for (name, outcome) in results {
        match outcome {
            Outcome::Pass => passed += 1,
            Outcome::Fail(msg) => failures.push((name, msg)),
        }
    }
    failures.sort_by(|a, b| a.0.cmp(&b.0));

    eprintln!("golden: {passed}/{total} scripts passed");
    if !failures.is_empty() {
        let mut report = format!("{} golden mismatch(es):\n", failures.len());
        for (name, msg) in &failures {
            report.push_str(&format!("\n[FAIL] {name}\n{msg}"));
            if !msg.ends_with('\n') {
                report.push('\n');
            }
        }
        panic!("{report}");
    }
}

/// Stored outputs must not name the directory of the clone that generated them: CI runs in
/// another place (a stack trace of a sample printed `/work/wt-compat/samples/...`). The
/// check looks for this clone's parent directory in every `.out` under `samples/` and `tests/`.
#[test]
fn stored_outputs_hold_no_clone_paths() {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                walk(&p, found);
            } else if p.extension().is_some_and(|x| x == "out") {
                found.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(parent) = root.parent().filter(|p| p.parent().is_some()) else {
        return;
    };
    let needle = format!("{}/", parent.display());
    let mut outs = Vec::new();
    walk(&root.join("samples"), &mut outs);
    walk(&root.join("tests"), &mut outs);
    assert!(outs.len() > 100, "found {} .out files", outs.len());
    let bad: Vec<_> = outs
        .iter()
        .filter(|p| fs::read_to_string(p).is_ok_and(|s| s.contains(&needle)))
        .map(|p| p.display().to_string())
        .collect();
    assert!(bad.is_empty(), "outputs naming {needle}: {bad:?}");
}
