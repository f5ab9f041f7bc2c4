//! Links the `jsgen` executable as a position-dependent (non-PIE) binary on Linux.
//!
//! ICU4X's compiled data (Intl) is large static tables full of pointers. In a PIE every
//! one of them is a load-time relocation the dynamic loader applies before `main` — about
//! 49 000, 15 % of `jsgen -e ''`'s instructions — although a script that uses no Intl never
//! reads them. A non-PIE executable has them resolved by the linker. The code is still
//! compiled position-independent (the default), so nothing else changes; the cost is that
//! the executable's own image is not address-randomised (libraries, heap and stacks still
//! are). See DESIGN.md, "Start-up".
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bin=jsgen=-no-pie");
    }
    start_up_code_first();
}

/// Places the functions that start-up and small scripts run together at the front of
/// `.text` (`startup-order.txt`, written by `bench/startup-order.py`), with LLD's
/// `--symbol-ordering-file`. The kernel maps a code page together with its neighbours
/// (fault-around), so start-up code scattered over the 7 MB of `.text` kept ~4.5 MB of it
/// resident although ~0.4 MB runs. Only where LLD is the linker: Rust's default for
/// x86_64-unknown-linux-gnu (since 1.90), unless the flags pick another linker.
fn start_up_code_first() {
    println!("cargo:rerun-if-changed=startup-order.txt");
    println!("cargo:rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if target != "x86_64-unknown-linux-gnu" || flags.contains("linker") {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = std::path::Path::new(&dir).join("startup-order.txt");
    if order.is_file() {
        println!(
            "cargo:rustc-link-arg-bin=jsgen=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Symbols of an older build that are gone are skipped silently.
        println!("cargo:rustc-link-arg-bin=jsgen=-Wl,--no-warn-symbol-ordering");
    }
}
