//! Generates the parser from the workspace's `grammar/js.lalrpop` into `$OUT_DIR/js.rs`
//! (included by `src/parser.rs` via `lalrpop_mod!`). The grammar stays at the top of the
//! repository, where the design card puts it; only this crate compiles it, so editing the
//! engine or the host never regenerates the parser.
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=../../grammar/js.lalrpop");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    lalrpop::Configuration::new()
        .set_in_dir("../../grammar")
        .set_out_dir(&out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
    reduce_actions_out_of_line(&Path::new(&out_dir).join("js.rs"));
}

/// Marks each of the generated parser's ~700 reduce actions (`fn __reduceN`) `#[inline(never)]`.
///
/// Why: inlined into the one `__reduce` dispatcher (and its copy in the parse loop) they
/// made two functions of ~450 KB each. A script uses a few dozen productions, but they lie
/// all over those 900 KB, and the kernel maps a code page with its 64 KB neighbourhood
/// (fault-around), so every run kept the whole parser resident. Out of line, the actions
/// a small script needs are placed together by `startup-order.txt` (the `jsgen` crate's
/// `build.rs`) and the others stay on disk. One call more per reduction; DESIGN.md,
/// "The parser's reduce actions out of line". Idempotent: lalrpop keeps an up-to-date file
/// and this runs again on it.
fn reduce_actions_out_of_line(path: &Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let mut out = String::with_capacity(text.len() + 32 * 1024);
    let mut prev_marked = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let is_action = t
            .strip_prefix("fn __reduce")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
        if is_action && !prev_marked {
            out.push_str(&line[..line.len() - t.len()]);
            out.push_str("#[inline(never)]\n");
        }
        prev_marked = t.starts_with("#[inline(never)]");
        out.push_str(line);
    }
    if out != text {
        std::fs::write(path, out).expect("rewriting the generated parser");
    }
}
