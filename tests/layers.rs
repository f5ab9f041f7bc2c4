//! The workspace's dependency arrows point one way along the pipeline (DESIGN.md,
//! "Workspace layout"): syntax → engine → node host → the `jsgen` package. Checked on the
//! manifests so a new `jsgen-*` dependency that breaks the layering fails the tests.

use std::path::Path;

/// The `jsgen-*` crates listed under `[dependencies]` (and `[dev-dependencies]`) of a
/// manifest.
fn jsgen_deps(manifest: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest);
    let text = std::fs::read_to_string(&path).expect("manifest");
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]" || line == "[dev-dependencies]";
            continue;
        }
        if in_deps && line.starts_with("jsgen-") {
            let name = line.split(['.', ' ', '=']).next().unwrap_or("");
            deps.push(name.to_string());
        }
    }
    deps.sort();
    deps
}

#[test]
fn syntax_depends_on_no_other_jsgen_crate() {
    assert_eq!(jsgen_deps("crates/syntax/Cargo.toml"), Vec::<String>::new());
}

#[test]
fn engine_depends_on_syntax_only() {
    assert_eq!(jsgen_deps("crates/engine/Cargo.toml"), ["jsgen-syntax"]);
}

#[test]
fn node_host_sits_on_the_engine() {
    assert_eq!(
        jsgen_deps("crates/node/Cargo.toml"),
        ["jsgen-engine", "jsgen-syntax"]
    );
}

#[test]
fn test262_runner_links_no_layer() {
    assert_eq!(
        jsgen_deps("crates/test262/Cargo.toml"),
        Vec::<String>::new()
    );
}

#[test]
fn only_the_top_package_uses_the_node_host() {
    for m in [
        "crates/syntax/Cargo.toml",
        "crates/engine/Cargo.toml",
        "crates/test262/Cargo.toml",
    ] {
        assert!(!jsgen_deps(m).contains(&"jsgen-node".to_string()), "{m}");
    }
    assert!(jsgen_deps("Cargo.toml").contains(&"jsgen-node".to_string()));
}
