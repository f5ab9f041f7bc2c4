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
}
