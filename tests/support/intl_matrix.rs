//! The comparison the Intl matrix tests share: run one script with jsgen (`TZ=UTC`) and
//! compare its stdout line by line with the reference Node's output, generated beside it.

use std::path::Path;
use std::process::Command;

/// Runs `tests/DIR/SCRIPT` and compares it with `tests/DIR/EXPECTED`; the matrix must cover
/// at least 30 locales (`== locale` header lines).
pub fn check_matrix(dir: &str, script: &str, expected: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let expected = std::fs::read_to_string(dir.join(expected)).expect("expected output");
    let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .env("TZ", "UTC")
        .arg(dir.join(script))
        .output()
        .expect("run jsgen");
    let got = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "stderr: {stderr}");
    let locales = expected.lines().filter(|l| l.starts_with("== ")).count();
    assert!(locales >= 30, "the matrix needs at least 30 locales");
    let bad: Vec<String> = got
        .lines()
        .zip(expected.lines())
        .enumerate()
        .filter(|(_, (g, e))| g != e)
        .map(|(i, (g, e))| format!("line {}:\n  got:      {g}\n  expected: {e}", i + 1))
        .collect();
    assert!(
        bad.is_empty(),
        "{script}: {} lines differ:\n{}",
        bad.len(),
        bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
    assert_eq!(got.lines().count(), expected.lines().count(), "{script}");
}
