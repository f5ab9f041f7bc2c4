//! The README's examples do what the README says: the REPL transcript (fed to `jsgen -i`
//! line by line) and the seed tutorial's programs in the quick start. (The quick start's two
//! commands themselves are what `.ci/run` runs.)

use std::io::Write;
use std::process::{Command, Stdio};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README")
}

/// The first ```text block after `heading`.
fn text_block(readme: &str, heading: &str) -> Vec<String> {
    let after = &readme[readme.find(heading).expect("heading")..];
    let start = after.find("```text\n").expect("block") + "```text\n".len();
    let end = after[start..].find("```").expect("end") + start;
    after[start..end].lines().map(str::to_string).collect()
}

#[test]
fn repl_transcript_is_what_jsgen_prints() {
    let lines = text_block(&readme(), "## REPL");
    assert_eq!(lines[0], "$ jsgen");
    // Inputs follow a prompt (`> ` or `| `); every other line is output. Piped, the REPL
    // prints the prompts but not the echo of the input.
    let mut input = String::new();
    let mut expected = String::new();
    for l in &lines[1..] {
        if let Some(code) = l.strip_prefix("> ").or_else(|| l.strip_prefix("| ")) {
            input.push_str(code);
            input.push('\n');
            expected.push_str(&l[..2]);
        } else {
            expected.push_str(l);
            expected.push('\n');
        }
    }
    expected.push_str("> ");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .arg("-i")
        .env_remove("FORCE_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("jsgen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        expected.replace("v0.1.0", &format!("v{version}"))
    );
}

#[test]
fn seed_programs_in_the_quick_start_print_what_it_shows() {
    let readme = readme();
    let block = text_block(&readme, "To put `jsgen` on your PATH");
    // `$ jsgen samples/generator-sequence.js` and the lines it prints.
    let shown: Vec<&str> = block
        .iter()
        .skip(1)
        .take_while(|l| !l.starts_with('$'))
        .map(String::as_str)
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/generator-sequence.js"
        ))
        .output()
        .expect("jsgen");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        shown.join("\n") + "\n"
    );
    // The async one prints 1..5 with and without --virtual-time (the sample's golden output).
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/async-generator-sequence.out"
    ))
    .expect("out");
    let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .args([
            "--virtual-time",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/samples/async-generator-sequence.js"
            ),
        ])
        .output()
        .expect("jsgen");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}
