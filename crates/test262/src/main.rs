//! `jsgen-test262`: runs a tc39/test262 checkout against the `jsgen` binary.
//!
//! ```text
//! cargo build --release
//! target/release/jsgen-test262 --test262 ../shared/test262                 # whole test/ tree
//! target/release/jsgen-test262 --test262 DIR built-ins/Array language/statements/for-of
//! target/release/jsgen-test262 --test262 DIR --results results.jsonl
//! target/release/jsgen-test262 --test262 DIR --baseline tests/test262-baseline.txt --check
//! target/release/jsgen-test262 --test262 DIR --baseline tests/test262-baseline.txt --update
//! ```
//!
//! For every test file (`*.js` under `DIR/test`, `_FIXTURE` files excepted):
//!
//! - **Scope.** The test is *skipped* (reported separately, never counted as run) when its
//!   `features:` names a feature listed in `DIR/EXCLUDED_FEATURES.txt`, or its `flags:` contain
//!   `CanBlockIsTrue`. Nothing else is ever skipped.
//! - **Module tests** (`flags: [module]`): the harness is written to a prelude file run as
//!   global code (`--preload-script`), then the test file runs in place as an ES module
//!   (`--module-file`), so its imports of `_FIXTURE` files resolve next to it; once (module
//!   code is strict).
//! - **Composition** (INTERPRETING.md). A `raw` test runs once, unmodified. Otherwise the source
//!   is: [`"use strict";\n` in strict mode] + host prelude (`print`, a minimal `$262`) +
//!   `harness/assert.js` + `harness/sta.js` + [`harness/doneprintHandle.js` for `async` tests] +
//!   each `includes:` file in order + the test text. Tests run in both sloppy and strict mode,
//!   except `onlyStrict` (strict only) and `noStrict` (sloppy only).
//! - **Execution.** Each run writes the composed source to a per-worker temporary file and runs
//!   `jsgen --unhandled-rejections=none --global-script FILE` as a child process with a time limit (kill on
//!   timeout), on `-j` worker threads (default: all cores). A rejection that is never handled
//!   is not a failure in test262, hence the flag.
//! - **Verdict.** See `jsgen_test262/judge.rs` for exactly how a run passes; a test passes only
//!   if all its runs pass (after the first failing run, the other mode is not run).
//!
//! Output: a per-directory table (`--depth`, default 2 path components under `test/`), then
//! the line `test262: N passed, M failed, K skipped` (each test file counted once).
//! `--results FILE` writes one JSON object per line:
//! `{"test":"built-ins/Array/x.js","result":"pass|fail|skip","detail":"..."}`.
//!
//! Baseline (`--baseline FILE`, one test path per line relative to `test/`, `#` comments):
//! `--check` exits 1 listing every baseline test that ran and did not pass; `--update`
//! rewrites the file with the passing tests (sorted; entries outside the selected paths are
//! kept as they were).
//!
//! Exit codes: 0 done (failures alone do not fail the run), 1 baseline regressions,
//! 2 usage error / missing test262 checkout / missing jsgen binary.

mod exec;
mod frontmatter;
mod judge;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;

use frontmatter::Meta;
use judge::{judge, Expect};

/// Runs a tc39/test262 checkout against jsgen.
#[derive(Parser, Debug)]
#[command(name = "jsgen-test262", version)]
struct Cli {
    /// The test262 checkout (the directory holding `test/` and `harness/`).
    #[arg(long, value_name = "DIR")]
    test262: Option<PathBuf>,

    /// Test files or directories, relative to DIR/test (or absolute). Default: all of DIR/test.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,

    /// The jsgen binary to test (default: `jsgen` next to this executable).
    #[arg(long, value_name = "PATH")]
    jsgen: Option<PathBuf>,

    /// Time limit per run, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    timeout: f64,

    /// Number of tests run in parallel (default: the number of cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,

    /// Group the table by this many leading path components under test/.
    #[arg(long, value_name = "N", default_value_t = 2)]
    depth: usize,

    /// Write per-test results as JSON lines to FILE.
    #[arg(long, value_name = "FILE")]
    results: Option<PathBuf>,

    /// The baseline file of tests known to pass (used by --check and --update).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Exit 1 if any test listed in the baseline no longer passes.
    #[arg(long, requires = "baseline")]
    check: bool,

    /// Rewrite the baseline with the tests that pass now.
    #[arg(long, requires = "baseline")]
    update: bool,

    /// Address-space limit per jsgen process in MiB (0: no limit). jsgen reserves a 1 GiB
    /// interpreter stack, so keep this well above 1024.
    #[arg(long, value_name = "MIB", default_value_t = 4096)]
    memory_limit: u64,

    /// Print every failing test with the reason as it finishes.
    #[arg(short, long)]
    verbose: bool,
}

/// Defines what INTERPRETING.md requires of the host, as far as plain JavaScript can:
/// `print` (for async tests) and a minimal `$262`, whose `detachArrayBuffer` is
/// DetachArrayBuffer through the built-in `ArrayBuffer.prototype.transfer` (captured before
/// the test can replace it). Kept on one line.
const PRELUDE: &str = "var print = function (s) { console.log(String(s)); }; var $262 = { global: globalThis, gc: function () { throw new Error('$262.gc: not available in jsgen'); }, agent: {}, detachArrayBuffer: (function (transfer, detached, apply) { return function detachArrayBuffer(buffer) { if (!apply(detached, buffer, [])) { apply(transfer, buffer, []); } return null; }; })(ArrayBuffer.prototype.transfer, Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached').get, Reflect.apply) };\n";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Pass,
    Fail,
    Skip,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Skip => "skip",
        }
    }
}

struct TestResult {
    verdict: Verdict,
    detail: String,
}

struct Suite {
    harness: HashMap<String, Vec<u8>>,
    excluded: BTreeSet<String>,
    runner: exec::Runner,
    tmp_dir: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("jsgen-test262: {msg}");
            ExitCode::from(2)
        }
    }
}

const NO_CHECKOUT_HELP: &str = "\
To run test262, get a checkout of the official suite and point the runner at it:

    git clone --depth 1 https://github.com/tc39/test262
    cargo run --release --bin jsgen-test262 -- --test262 path/to/test262

The checkout must contain test/ and harness/. Tests whose features are listed in
DIR/EXCLUDED_FEATURES.txt are skipped (no such file: nothing is excluded by feature).";

fn real_main(cli: Cli) -> Result<ExitCode, String> {
    let Some(root) = cli.test262.clone() else {
        eprintln!(
            "jsgen-test262: no test262 checkout given (--test262 DIR).\n\n{NO_CHECKOUT_HELP}"
        );
        return Ok(ExitCode::from(2));
    };
    if !root.join("test").is_dir() || !root.join("harness").is_dir() {
        eprintln!(
            "jsgen-test262: {} is not a test262 checkout (expected {} and {}).\n\n{NO_CHECKOUT_HELP}",
            root.display(),
            root.join("test").display(),
            root.join("harness").display()
        );
        return Ok(ExitCode::from(2));
    }
    if cli.timeout.is_nan() || cli.timeout <= 0.0 {
        return Err("--timeout must be a positive number of seconds".into());
    }
    let jsgen = match &cli.jsgen {
        Some(p) => p.clone(),
        None => std::env::current_exe()
            .map_err(|e| format!("cannot locate this executable: {e}"))?
            .with_file_name(format!("jsgen{}", std::env::consts::EXE_SUFFIX)),
    };
    if !jsgen.is_file() {
        return Err(format!(
            "the jsgen binary {} does not exist; build it first (`cargo build --release --bin jsgen`) or pass --jsgen PATH",
            jsgen.display()
        ));
    }
    let test_dir = root.join("test");
    let excluded = read_excluded(&root.join("EXCLUDED_FEATURES.txt"))?;
    let harness = read_harness(&root.join("harness"))?;

    // Collect the test files.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut roots = Vec::new();
    if cli.paths.is_empty() {
        roots.push(test_dir.clone());
    } else {
        for p in &cli.paths {
            roots.push(resolve_path(&root, &test_dir, p)?);
        }
    }
    for r in &roots {
        collect(r, &mut files).map_err(|e| format!("cannot read {}: {e}", r.display()))?;
    }
    let canon_test = std::fs::canonicalize(&test_dir).unwrap_or_else(|_| test_dir.clone());
    let mut files: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|(_, p)| (test_id(&canon_test, &p), p))
        .collect();
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    if files.is_empty() {
        return Err("no test files found in the given paths".into());
    }

    let jobs = cli
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    let tmp_dir = std::env::temp_dir().join(format!("jsgen-test262-{}", std::process::id()));
    std::fs::create_dir_all(&tmp_dir)
        .map_err(|e| format!("cannot create {}: {e}", tmp_dir.display()))?;
    let suite = Arc::new(Suite {
        harness,
        excluded,
        runner: exec::Runner {
            jsgen: jsgen.clone(),
            timeout: Duration::from_secs_f64(cli.timeout),
            memory_limit_mb: cli.memory_limit,
        },
        tmp_dir: tmp_dir.clone(),
    });

    eprintln!(
        "jsgen-test262: {} test files under {}, {} workers, {}s time limit, engine {}",
        files.len(),
        test_dir.display(),
        jobs,
        cli.timeout,
        jsgen.display()
    );
    harness_smoke_test(&suite);

    let started = Instant::now();
    let results = run_all(&suite, &files, jobs, cli.verbose);
    let elapsed = started.elapsed();
    let _ = std::fs::remove_dir_all(&tmp_dir);

    // Report.
    print_table(&files, &results, cli.depth);
    let count = |v: Verdict| results.iter().filter(|r| r.verdict == v).count();
    let (passed, failed, skipped) = (
        count(Verdict::Pass),
        count(Verdict::Fail),
        count(Verdict::Skip),
    );
    eprintln!("jsgen-test262: finished in {:.1}s", elapsed.as_secs_f64());
    println!("test262: {passed} passed, {failed} failed, {skipped} skipped");

    if let Some(path) = &cli.results {
        write_results(path, &files, &results)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }

    let mut code = ExitCode::SUCCESS;
    if let Some(bpath) = &cli.baseline {
        let outcome: HashMap<&str, &TestResult> = files
            .iter()
            .map(|(id, _)| id.as_str())
            .zip(results.iter())
            .collect();
        let baseline = if bpath.exists() {
            read_baseline(bpath)
                .map_err(|e| format!("cannot read baseline {}: {e}", bpath.display()))?
        } else if cli.check {
            return Err(format!(
                "baseline {} does not exist (create it with --update)",
                bpath.display()
            ));
        } else {
            Vec::new()
        };
        let regressions: Vec<&String> = baseline
            .iter()
            .filter(|t| {
                outcome
                    .get(t.as_str())
                    .is_some_and(|r| r.verdict == Verdict::Fail)
            })
            .collect();
        let not_run: Vec<&String> = baseline
            .iter()
            .filter(|t| {
                outcome
                    .get(t.as_str())
                    .is_some_and(|r| r.verdict == Verdict::Skip)
            })
            .collect();
        if !not_run.is_empty() {
            eprintln!(
                "jsgen-test262: warning: {} baseline tests are now skipped (excluded features):",
                not_run.len()
            );
            for t in not_run.iter().take(20) {
                eprintln!("  {t}");
            }
        }
        if !regressions.is_empty() {
            println!(
                "test262 baseline: {} tests that passed before now fail:",
                regressions.len()
            );
            for t in &regressions {
                let detail = outcome
                    .get(t.as_str())
                    .map(|r| r.detail.as_str())
                    .unwrap_or("");
                println!("  {t}: {detail}");
            }
        } else if cli.check {
            let checked = baseline
                .iter()
                .filter(|t| outcome.contains_key(t.as_str()))
                .count();
            println!("test262 baseline: all {checked} baseline tests that ran still pass");
        }
        if cli.check && !regressions.is_empty() {
            code = ExitCode::from(1);
        }
        if cli.update && (!cli.check || regressions.is_empty()) {
            // Keep entries this run did not cover; replace the ones it did.
            let mut new: BTreeSet<String> = baseline
                .iter()
                .filter(|t| !outcome.contains_key(t.as_str()))
                .cloned()
                .collect();
            let old: BTreeSet<&String> = baseline.iter().collect();
            let mut added = 0;
            for ((id, _), r) in files.iter().zip(results.iter()) {
                if r.verdict == Verdict::Pass {
                    if !old.contains(id) {
                        added += 1;
                    }
                    new.insert(id.clone());
                }
            }
            let removed = old.iter().filter(|t| !new.contains(t.as_str())).count();
            write_baseline(bpath, &new)
                .map_err(|e| format!("cannot write baseline {}: {e}", bpath.display()))?;
            println!(
                "test262 baseline: wrote {} ({} tests, {} new, {} removed)",
                bpath.display(),
                new.len(),
                added,
                removed
            );
        }
    }
    Ok(code)
}

/// `DIR/EXCLUDED_FEATURES.txt`: one feature per line, `#` comments. Missing file: nothing excluded.
fn read_excluded(path: &Path) -> Result<BTreeSet<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "jsgen-test262: note: {} not found; no feature is excluded",
                path.display()
            );
            Ok(BTreeSet::new())
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// All files under `harness/`, keyed by their path relative to it (`sm/non262.js`, ...).
fn read_harness(dir: &Path) -> Result<HashMap<String, Vec<u8>>, String> {
    let mut out = HashMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                let rel = p.strip_prefix(dir).unwrap_or(&p);
                out.insert(slash_path(rel), bytes);
            }
        }
    }
    for required in ["assert.js", "sta.js", "doneprintHandle.js"] {
        if !out.contains_key(required) {
            return Err(format!(
                "harness file {} is missing",
                dir.join(required).display()
            ));
        }
    }
    Ok(out)
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A PATH argument: absolute, relative to DIR/test, relative to DIR, or relative to the cwd.
fn resolve_path(root: &Path, test_dir: &Path, p: &str) -> Result<PathBuf, String> {
    let path = Path::new(p);
    if path.is_absolute() {
        return if path.exists() {
            Ok(path.to_path_buf())
        } else {
            Err(format!("no such test path: {p}"))
        };
    }
    let trimmed = p.trim_end_matches('/');
    for candidate in [
        test_dir.join(trimmed),
        root.join(trimmed),
        PathBuf::from(trimmed),
    ] {
        if candidate.exists() {
            return Ok(candidate);
        }
    }
    Err(format!(
        "no such test path: {p} (looked in {})",
        test_dir.display()
    ))
}

/// Collects `*.js` test files (not `_FIXTURE` files) under `path`, as `(sort key, path)`.
fn collect(path: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    if path.is_file() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".js") && !name.contains("_FIXTURE") {
            out.push((slash_path(path), path.to_path_buf()));
        }
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        collect(&p, out)?;
    }
    Ok(())
}

/// A test's name: its path relative to DIR/test with `/` separators.
fn test_id(canon_test_dir: &Path, p: &Path) -> String {
    let canon = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    match canon.strip_prefix(canon_test_dir) {
        Ok(rel) => slash_path(rel),
        Err(_) => slash_path(p),
    }
}

/// Runs the bare harness once and warns if the engine cannot even load it (then every test
/// fails, and parse-error tests must not pass because of an error in the harness).
fn harness_smoke_test(suite: &Suite) {
    let meta = Meta {
        flags: vec!["async".into()],
        ..Meta::default()
    };
    let (mut src, _) = compose(suite, &meta, false).unwrap_or_default();
    src.extend_from_slice(b"\n$DONE();\n");
    let file = suite.tmp_dir.join("smoke.js");
    if std::fs::write(&file, &src).is_err() {
        return;
    }
    let out = suite.runner.run(&file, &file);
    let expect = Expect {
        negative: None,
        is_async: true,
        prefix_lines: 0,
    };
    if let Err(why) = judge(&expect, &out) {
        eprintln!("jsgen-test262: warning: jsgen cannot run the harness itself (assert.js, sta.js, doneprintHandle.js): {why}");
    }
}

/// The composed source for one mode, and the number of lines before the test text.
fn compose(suite: &Suite, meta: &Meta, strict: bool) -> Result<(Vec<u8>, usize), String> {
    let mut src = Vec::new();
    if meta.has_flag("raw") {
        return Ok((src, 0));
    }
    if strict {
        src.extend_from_slice(b"\"use strict\";\n");
    }
    src.extend_from_slice(PRELUDE.as_bytes());
    let mut files: Vec<&str> = vec!["assert.js", "sta.js"];
    if meta.has_flag("async") {
        files.push("doneprintHandle.js");
    }
    files.extend(meta.includes.iter().map(String::as_str));
    for f in files {
        let text = suite
            .harness
            .get(f)
            .ok_or_else(|| format!("harness file {f} not found"))?;
        src.extend_from_slice(text);
        if !text.ends_with(b"\n") {
            src.push(b'\n');
        }
    }
    let lines = src.iter().filter(|&&b| b == b'\n').count();
    Ok((src, lines))
}

/// Runs one test file in all its modes.
fn run_test(suite: &Suite, path: &Path, worker: usize) -> TestResult {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return TestResult {
                verdict: Verdict::Fail,
                detail: format!("cannot read test: {e}"),
            }
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let meta = match frontmatter::parse_source(&text) {
        Ok(m) => m,
        Err(e) => {
            return TestResult {
                verdict: Verdict::Fail,
                detail: e,
            }
        }
    };
    // Scope: the only reasons to skip.
    if let Some(f) = meta
        .features
        .iter()
        .find(|f| suite.excluded.contains(f.as_str()))
    {
        return TestResult {
            verdict: Verdict::Skip,
            detail: format!("feature {f} is excluded"),
        };
    }
    if meta.has_flag("CanBlockIsTrue") {
        return TestResult {
            verdict: Verdict::Skip,
            detail: "flag CanBlockIsTrue".into(),
        };
    }
    let expect_neg = meta
        .negative
        .as_ref()
        .map(|n| (n.phase.as_str(), n.error_type.as_str()));
    if meta.has_flag("module") {
        // Module code (INTERPRETING.md): the harness runs as global code, then the test file
        // itself as an ES module, in place, so its imports of `_FIXTURE` files resolve next
        // to it. Module code is strict: one run.
        let prelude = suite.tmp_dir.join(format!("w{worker}-prelude.js"));
        let src = match compose(suite, &meta, false) {
            Ok((src, _)) => src,
            Err(e) => {
                return TestResult {
                    verdict: Verdict::Fail,
                    detail: e,
                }
            }
        };
        if let Err(e) = std::fs::write(&prelude, &src) {
            return TestResult {
                verdict: Verdict::Fail,
                detail: format!("cannot write {}: {e}", prelude.display()),
            };
        }
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let out = suite.runner.run_module(&prelude, &abs);
        let expect = Expect {
            negative: expect_neg,
            is_async: meta.has_flag("async"),
            prefix_lines: 0,
        };
        return match judge(&expect, &out) {
            Ok(()) => TestResult {
                verdict: Verdict::Pass,
                detail: String::new(),
            },
            Err(why) => TestResult {
                verdict: Verdict::Fail,
                detail: format!("module: {why}"),
            },
        };
    }
    let modes: &[bool] = if meta.has_flag("raw") || meta.has_flag("noStrict") {
        &[false]
    } else if meta.has_flag("onlyStrict") {
        &[true]
    } else {
        &[false, true]
    };
    let file = suite.tmp_dir.join(format!("w{worker}.js"));
    for &strict in modes {
        let mode = if meta.has_flag("raw") {
            "raw"
        } else if strict {
            "strict"
        } else {
            "sloppy"
        };
        let (mut src, prefix_lines) = match compose(suite, &meta, strict) {
            Ok(x) => x,
            Err(e) => {
                return TestResult {
                    verdict: Verdict::Fail,
                    detail: e,
                }
            }
        };
        src.extend_from_slice(&bytes);
        if let Err(e) = std::fs::write(&file, &src) {
            return TestResult {
                verdict: Verdict::Fail,
                detail: format!("cannot write {}: {e}", file.display()),
            };
        }
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let out = suite.runner.run(&file, &abs);
        let expect = Expect {
            negative: expect_neg,
            is_async: meta.has_flag("async"),
            prefix_lines,
        };
        if let Err(why) = judge(&expect, &out) {
            return TestResult {
                verdict: Verdict::Fail,
                detail: format!("{mode}: {why}"),
            };
        }
    }
    TestResult {
        verdict: Verdict::Pass,
        detail: String::new(),
    }
}

fn run_all(
    suite: &Arc<Suite>,
    files: &[(String, PathBuf)],
    jobs: usize,
    verbose: bool,
) -> Vec<TestResult> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<TestResult>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let total = files.len();
    let tty = std::io::stderr().is_terminal();
    let progress_lock = Mutex::new(Instant::now());
    std::thread::scope(|s| {
        for worker in 0..jobs.min(total) {
            let (next, done, slots, suite, progress_lock) =
                (&next, &done, &slots, suite, &progress_lock);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let (id, path) = &files[i];
                let r = run_test(suite, path, worker);
                if verbose && r.verdict == Verdict::Fail {
                    eprintln!("FAIL {id}: {}", r.detail);
                }
                *slots[i].lock().unwrap() = Some(r);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                let mut last = progress_lock.lock().unwrap();
                let interval = if tty {
                    Duration::from_millis(250)
                } else {
                    Duration::from_secs(15)
                };
                if last.elapsed() >= interval || n == total {
                    *last = Instant::now();
                    if tty {
                        eprint!("\r[{n}/{total}] {id:<70.70}");
                        if n == total {
                            eprintln!();
                        }
                    } else {
                        eprintln!("[{n}/{total}]");
                    }
                    let _ = std::io::stderr().flush();
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap().expect("every test ran"))
        .collect()
}

/// The table group of a test: the first `depth` directory components of its name.
fn group_of(id: &str, depth: usize) -> String {
    let dirs: Vec<&str> = id.split('/').collect();
    let dirs = &dirs[..dirs.len().saturating_sub(1)];
    if dirs.is_empty() {
        return ".".into();
    }
    dirs[..dirs.len().min(depth.max(1))].join("/")
}

fn print_table(files: &[(String, PathBuf)], results: &[TestResult], depth: usize) {
    let mut groups: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for ((id, _), r) in files.iter().zip(results) {
        let g = groups.entry(group_of(id, depth)).or_default();
        g[r.verdict as usize] += 1;
    }
    let width = groups
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(9)
        .max(9);
    let rate = |p: usize, f: usize| {
        if p + f == 0 {
            "-".to_string()
        } else {
            format!("{:.1}%", 100.0 * p as f64 / (p + f) as f64)
        }
    };
    let mut out = String::new();
    out.push_str(&format!(
        "{:<width$} {:>7} {:>7} {:>7} {:>7}\n",
        "directory", "passed", "failed", "skipped", "rate"
    ));
    out.push_str(&format!("{}\n", "-".repeat(width + 32)));
    let mut total = [0usize; 3];
    for (name, c) in &groups {
        for k in 0..3 {
            total[k] += c[k];
        }
        out.push_str(&format!(
            "{:<width$} {:>7} {:>7} {:>7} {:>7}\n",
            name,
            c[0],
            c[1],
            c[2],
            rate(c[0], c[1])
        ));
    }
    out.push_str(&format!("{}\n", "-".repeat(width + 32)));
    out.push_str(&format!(
        "{:<width$} {:>7} {:>7} {:>7} {:>7}\n",
        "total",
        total[0],
        total[1],
        total[2],
        rate(total[0], total[1])
    ));
    out.push_str("(rate = passed / (passed + failed); skipped tests are out of scope)\n");
    print!("{out}");
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_results(
    path: &Path,
    files: &[(String, PathBuf)],
    results: &[TestResult],
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for ((id, _), r) in files.iter().zip(results) {
        writeln!(
            w,
            "{{\"test\":{},\"result\":\"{}\",\"detail\":{}}}",
            json_string(id),
            r.verdict.as_str(),
            json_string(&r.detail)
        )?;
    }
    w.flush()
}

fn read_baseline(path: &Path) -> std::io::Result<Vec<String>> {
    Ok(std::fs::read_to_string(path)?
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

fn write_baseline(path: &Path, tests: &BTreeSet<String>) -> std::io::Result<()> {
    let mut out = String::from(
        "# test262 tests jsgen passes (paths relative to test262's test/ directory), sorted.\n\
         # CI runs `jsgen-test262 --test262 ../shared/test262 --baseline tests/test262-baseline.txt --check`\n\
         # and fails if any of these no longer passes. Regenerate with `--update` (same command) when\n\
         # more tests pass; never add a test by hand.\n",
    );
    for t in tests {
        out.push_str(t);
        out.push('\n');
    }
    std::fs::write(path, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups() {
        assert_eq!(group_of("built-ins/Array/from/x.js", 2), "built-ins/Array");
        assert_eq!(group_of("built-ins/Array/x.js", 2), "built-ins/Array");
        assert_eq!(group_of("built-ins/x.js", 2), "built-ins");
        assert_eq!(
            group_of("language/statements/for-of/a/b.js", 3),
            "language/statements/for-of"
        );
        assert_eq!(group_of("x.js", 2), ".");
    }

    #[test]
    fn json_escaping() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
