//! The fuzz targets are a workspace of their own with their own `Cargo.lock`, which CI builds
//! with `--locked` (`.ci/run`). A new dependency of an engine crate changes that lock file
//! too; this test fails locally, before CI does, when `fuzz/Cargo.lock` is out of date.
//! Fix: `cargo metadata --offline --format-version 1 --manifest-path fuzz/Cargo.toml`.

use std::process::Command;

#[test]
fn fuzz_lock_file_is_up_to_date() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/Cargo.toml");
    let out = Command::new(cargo)
        .args(["metadata", "--locked", "--offline", "--format-version", "1"])
        .args(["--manifest-path", manifest])
        .output()
        .expect("cargo runs");
    // Offline, cargo may lack the fuzz-only packages (libfuzzer-sys) on a fresh machine;
    // only a lock file that would have to change is this test's failure.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || !stderr.contains("cannot update the lock file"),
        "fuzz/Cargo.lock is out of date (run `cargo metadata --offline --format-version 1 \
         --manifest-path fuzz/Cargo.toml`):\n{}",
        stderr
    );
}
