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
        // Always from the grammar: the rewrites below apply to lalrpop's own output (this
        // script runs only when the grammar or the script changed).
        .force_build(true)
        .process()
        .expect("lalrpop failed to generate the parser");
    let parser = Path::new(&out_dir).join("js.rs");
    reduce_actions_out_of_line(&parser);
    compress_action_table(&parser);
}

/// Marks each of the generated parser's ~700 reduce actions (`fn __reduceN`) `#[inline(never)]`.
///
/// Why: inlined into the one `__reduce` dispatcher (and its copy in the parse loop) they
/// made two functions of ~450 KB each. A script uses a few dozen productions, but they lie
/// all over those 900 KB, and the kernel maps a code page with its 64 KB neighbourhood
/// (fault-around), so every run kept the whole parser resident. Out of line, the actions
/// a small script needs are placed together by `startup-order.txt` (the `jsgen` crate's
/// `build.rs`) and the others stay on disk. One call more per reduction; DESIGN.md,
/// "The start-up floor: the parser's code and tables (session 17)". Idempotent.
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

/// Replaces lalrpop's action table (`__ACTION`: one `i16` for every state and terminal,
/// ~1 250 × 119 entries, 296 KB, three quarters of them the same value) by its exceptions.
///
/// Why: any parse reads rows all over the table, so the whole of it became resident (the
/// kernel maps a page with its neighbours), a sixth of a small script's read-only pages.
/// Now each state has its most common action (`__ACTION_DEFAULT`), a bitmap of the
/// terminals whose action differs (`__ACTION_BITS`), and those actions in order
/// (`__ACTION_VALUES` from `__ACTION_START`, one start per 64-terminal word): a lookup is a
/// bit test and a popcount instead of an index; ~105 KB. Every entry is checked against the original here.
/// Idempotent: without an `__ACTION` table (already compressed) the file is left alone.
fn compress_action_table(path: &Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    const HEAD: &str = "    const __ACTION: &[i16] = &[\n";
    let Some(start) = text.find(HEAD) else {
        return;
    };
    let body_start = start + HEAD.len();
    let Some(body_len) = text[body_start..].find("\n    ];\n") else {
        panic!("the generated action table has no end");
    };
    let body = &text[body_start..body_start + body_len];
    let values: Vec<i16> = body
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| v.parse().expect("an i16 in the action table"))
        .collect();
    // `fn __action(state: i16, integer: usize) -> i16 { __ACTION[(state as usize) * W + integer] }`
    let lookup_start = text
        .find("    fn __action(state: i16, integer: usize) -> i16 {\n")
        .expect("the generated __action function");
    let index_line = &text[lookup_start..]
        .lines()
        .nth(1)
        .expect("the body of __action");
    let width: usize = index_line
        .trim()
        .strip_prefix("__ACTION[(state as usize) * ")
        .and_then(|r| r.strip_suffix(" + integer]"))
        .and_then(|w| w.parse().ok())
        .expect("__action indexes rows of a fixed width");
    assert!(
        width > 0 && values.len().is_multiple_of(width),
        "a whole number of rows"
    );
    let words = width.div_ceil(64);
    let mut defaults = Vec::new();
    let mut bits: Vec<Vec<u64>> = Vec::new();
    let mut starts: Vec<Vec<u32>> = Vec::new();
    let mut exceptions: Vec<i16> = Vec::new();
    for row in values.chunks(width) {
        let mut counts = std::collections::HashMap::new();
        for &v in row {
            *counts.entry(v).or_insert(0usize) += 1;
        }
        // The most common value; ties to the smallest, so the output is deterministic.
        let default = counts
            .iter()
            .max_by_key(|&(v, c)| (*c, std::cmp::Reverse(*v)))
            .map(|(v, _)| *v)
            .unwrap_or(0);
        let mut map = vec![0u64; words];
        let mut word_starts = vec![0u32; words];
        for (col, &v) in row.iter().enumerate() {
            if col % 64 == 0 {
                word_starts[col / 64] = u32::try_from(exceptions.len()).expect("table fits u32");
            }
            if v != default {
                map[col / 64] |= 1 << (col % 64);
                exceptions.push(v);
            }
        }
        starts.push(word_starts);
        defaults.push(default);
        bits.push(map);
    }
    let lookup = |state: usize, col: usize| -> i16 {
        let map = &bits[state];
        if map[col / 64] >> (col % 64) & 1 == 0 {
            return defaults[state];
        }
        let below = (map[col / 64] & ((1u64 << (col % 64)) - 1)).count_ones();
        exceptions[starts[state][col / 64] as usize + below as usize]
    };
    for (i, &v) in values.iter().enumerate() {
        assert_eq!(
            lookup(i / width, i % width),
            v,
            "compressed action table entry {i}"
        );
    }
    let join = |v: Vec<String>| v.join(", ");
    let tables = format!(
        "    static __ACTION_DEFAULT: [i16; {n}] = [{d}];\n\
         \x20   static __ACTION_BITS: [[u64; {words}]; {n}] = [{b}];\n\
         \x20   static __ACTION_START: [[u32; {words}]; {n}] = [{s}];\n\
         \x20   static __ACTION_VALUES: [i16; {m}] = [{e}];\n",
        n = defaults.len(),
        m = exceptions.len(),
        d = join(defaults.iter().map(|v| v.to_string()).collect()),
        b = join(
            bits.iter()
                .map(|w| format!("[{}]", join(w.iter().map(|x| format!("{x:#x}")).collect())))
                .collect()
        ),
        s = join(
            starts
                .iter()
                .map(|w| format!("[{}]", join(w.iter().map(|x| x.to_string()).collect())))
                .collect()
        ),
        e = join(exceptions.iter().map(|v| v.to_string()).collect()),
    );
    let lookup_fn = "    fn __action(state: i16, integer: usize) -> i16 {\n\
        \x20       let state = state as usize;\n\
        \x20       let map = &__ACTION_BITS[state];\n\
        \x20       let (word, bit) = (integer / 64, integer % 64);\n\
        \x20       if map[word] >> bit & 1 == 0 {\n\
        \x20           return __ACTION_DEFAULT[state];\n\
        \x20       }\n\
        \x20       let below = (map[word] & ((1u64 << bit) - 1)).count_ones() as usize;\n\
        \x20       __ACTION_VALUES[__ACTION_START[state][word] as usize + below]\n\
        \x20   }\n";
    let lookup_end = lookup_start
        + text[lookup_start..]
            .find("\n    }\n")
            .expect("the end of __action")
        + "\n    }\n".len();
    let table_end = body_start + body_len + "\n    ];\n".len();
    assert!(
        table_end <= lookup_start,
        "the table comes before its lookup"
    );
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    out.push_str(&tables);
    out.push_str(&text[table_end..lookup_start]);
    out.push_str(lookup_fn);
    out.push_str(&text[lookup_end..]);
    std::fs::write(path, out).expect("rewriting the generated parser");
}
