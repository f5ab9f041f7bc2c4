//! User modules end to end: each case under `tests/modules/` runs with jsgen and must print
//! what the reference Node 24 printed (`expected.out`, `expected.exit`, made by
//! `tests/modules/gen.sh`): CommonJS and ES module errors, and the permission model
//! (`--sandbox` and Node's `--permission` deny every user module; `--allow-fs-read=DIR`
//! allows exactly DIR). Also checks that denied files never run and that diagnostics point
//! into the file at fault.

use std::path::{Path, PathBuf};
use std::process::Command;

fn case_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/modules")
        .join(name)
}

/// Runs `file` of case `name` with `flags` (in the case's directory): (stdout, stderr, exit).
fn run(name: &str, file: &str, flags: &[&str]) -> (String, String, i32) {
    let dir = case_dir(name);
    let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .args(flags)
        .arg(file)
        .current_dir(&dir)
        .output()
        .expect("jsgen runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn expected(name: &str) -> (String, i32) {
    let dir = case_dir(name);
    let out = std::fs::read_to_string(dir.join("expected.out")).expect("expected.out");
    let exit = std::fs::read_to_string(dir.join("expected.exit"))
        .expect("expected.exit")
        .trim()
        .parse()
        .expect("an exit code");
    (out, exit)
}

/// Runs a case as Node ran it for `expected.out` and compares stdout and the exit code.
fn check(name: &str, file: &str, flags: &[&str]) -> String {
    let (out, err, code) = run(name, file, flags);
    let (want, want_code) = expected(name);
    assert_eq!(
        out, want,
        "{name} {flags:?}: stdout differs (stderr: {err})"
    );
    assert_eq!(
        code, want_code,
        "{name} {flags:?}: exit code (stderr: {err})"
    );
    err
}

#[test]
fn commonjs_errors_are_nodes() {
    check("errors-cjs", "main.js", &[]);
}

#[test]
fn es_module_errors_are_nodes() {
    check("errors-esm", "main.mjs", &[]);
}

#[test]
fn sandbox_denies_every_user_module_and_reads_nothing() {
    // The expected output is Node's with `--permission` and no `--allow-fs-read`.
    for flags in [&["--sandbox"][..], &["--permission"][..]] {
        let err = check("sandbox", "main.js", flags);
        assert!(!err.contains("SECRET"), "{err}");
    }
}

#[test]
fn sandbox_denies_a_static_import_before_any_code_runs() {
    for flags in [&["--sandbox"][..], &["--permission"][..]] {
        let err = check("sandbox-esm", "main.mjs", flags);
        assert!(err.contains("ERR_ACCESS_DENIED"), "{err}");
        assert!(!err.contains("SECRET"), "{err}");
    }
}

#[test]
fn allow_fs_read_allows_exactly_that_directory() {
    let lib = case_dir("allow").join("lib");
    let flag = format!("--allow-fs-read={}", lib.display());
    check("allow", "main.js", &["--permission", &flag]);
    // Without the flag, lib/ is denied too; the main script itself stays readable.
    let (out, _, code) = run("allow", "main.js", &["--permission"]);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("loaded"), "{out}");
}

#[test]
fn without_a_permission_model_everything_loads() {
    let (out, err, code) = run("allow", "main.js", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("lib/ok.js loaded") && out.contains("OTHER LOADED"),
        "{out}"
    );
}

#[test]
fn a_syntax_error_in_a_required_file_points_into_that_file() {
    let dir = std::env::temp_dir().join(format!("jsgen-modules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("bad.js"), "const x = 1;\nlet y = ;\n").expect("write");
    std::fs::write(dir.join("main.js"), "require('./bad');\n").expect("write");
    std::fs::write(dir.join("main.mjs"), "import { nope } from './lib.mjs';\n").expect("write");
    std::fs::write(dir.join("lib.mjs"), "export const yes = 1;\n").expect("write");
    let run_in = |file: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
            .arg(file)
            .current_dir(&dir)
            .output()
            .expect("jsgen runs");
        (
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    let (err, code) = run_in("main.js");
    assert_eq!(code, Some(1));
    assert!(err.contains("SyntaxError: Unexpected token ';'"), "{err}");
    assert!(err.contains("bad.js:2:9"), "{err}");
    let (err, code) = run_in("main.mjs");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("The requested module './lib.mjs' does not provide an export named 'nope'"),
        "{err}"
    );
    assert!(err.contains("main.mjs:1:10"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_code_requires_from_the_working_directory() {
    // As `node -e` (output checked against the reference Node 24): the module lives at
    // `<cwd>/[eval]`, `__filename` is `[eval]`.
    let dir = case_dir("allow");
    let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .arg("-e")
        .arg(
            "console.log(__filename, __dirname, module.id, \
             module.filename.endsWith('/[eval]'), require('./lib/ok.js'))",
        )
        .current_dir(&dir)
        .output()
        .expect("jsgen runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "[eval] . [eval] true lib/ok.js loaded\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn child_process_needs_allow_child_process_under_the_permission_model() {
    for flags in [&["--sandbox"][..], &["--permission"][..]] {
        let (out, err, code) = run("child-process", "main.js", flags);
        let (want, want_code) = expected("child-process");
        assert_eq!(out, want, "{flags:?}: stdout differs (stderr: {err})");
        assert_eq!(code, want_code, "{flags:?}");
    }
    let (out, err, code) = run(
        "child-process",
        "main.js",
        &["--permission", "--allow-child-process"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("has child true\nexecSync ran SECRET\n"),
        "{out}"
    );
}
