//! `startup-order.txt` lists, by mangled name, the functions the linker places together at
//! the front of `.text` so that start-up touches few code pages (DESIGN.md, "Session 9:
//! start-up"). Mangled names carry a hash of each crate's dependencies and features, so a
//! dependency change renames every function and silently undoes the ordering (peak RSS of
//! `jsgen -e ''` back from ~5 to ~8 MB). This test fails when most listed names are missing
//! from the built `jsgen`. Fix: `python3 bench/startup-order.py` after `bench/dist.sh`.
//!
//! The list is made from the optimised build (`target/dist/jsgen`, the one users install and
//! the benchmarks measure), whose names differ from a `--release` build's (the profile is part
//! of every crate's hash), so the check runs on that build only: CI runs
//! `bench/dist.sh test -p jsgen --test startup_order`.

use std::collections::HashSet;
use std::process::Command;

#[test]
fn startup_order_names_match_the_binary() {
    let root = env!("CARGO_MANIFEST_DIR");
    let Ok(list) = std::fs::read_to_string(format!("{root}/startup-order.txt")) else {
        return;
    };
    // The list only applies where build.rs passes it to LLD (x86_64 Linux).
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return;
    }
    let exe = std::path::Path::new(env!("CARGO_BIN_EXE_jsgen"));
    if exe.parent().and_then(|d| d.file_name()) != Some(std::ffi::OsStr::new("dist")) {
        eprintln!("not the dist build: skipped (bench/dist.sh test -p jsgen --test startup_order)");
        return;
    }
    let Ok(out) = Command::new("nm").arg(exe).output() else {
        eprintln!("nm not found: skipped");
        return;
    };
    if !out.status.success() {
        eprintln!("nm failed: skipped");
        return;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let symbols: HashSet<&str> = text.lines().filter_map(|l| l.split(' ').nth(2)).collect();
    let names: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    let found = names.iter().filter(|n| symbols.contains(*n)).count();
    assert!(
        found * 5 >= names.len() * 4,
        "only {found} of {} names in startup-order.txt are in the jsgen binary; \
         regenerate it with `python3 bench/startup-order.py`",
        names.len()
    );
}
