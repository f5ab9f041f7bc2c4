//! Generates the parser from the workspace's `grammar/js.lalrpop` into `$OUT_DIR/js.rs`
//! (included by `src/parser.rs` via `lalrpop_mod!`). The grammar stays at the top of the
//! repository, where the design card puts it; only this crate compiles it, so editing the
//! engine or the host never regenerates the parser.
fn main() {
    println!("cargo:rerun-if-changed=../../grammar/js.lalrpop");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    lalrpop::Configuration::new()
        .set_in_dir("../../grammar")
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
}
