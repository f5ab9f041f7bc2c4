//! `node:test` end to end: each script under `tests/node_test/` runs with jsgen and must print
//! what the reference Node 24 printed (`NAME.out`, `NAME.exit`, made by
//! `tests/node_test/gen.sh`) — the spec reporter's lines, nesting, summary counters, failing
//! test section, the order of reports against the tests' own output, and the exit code.
//! Two things cannot match and are normalised on both sides: durations (`(0.83ms)`,
//! `duration_ms 26.4`) and stack frames inside the runner itself (`node:internal/...` in
//! Node, `node:test` in jsgen).

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node_test")
}

/// Durations become `X`; frames of the runner (or of `new Promise`, `Promise.all`) go.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("at ")
            && (t.contains("node:") || t.contains("(<anonymous>)") || t.contains("(index "))
        {
            // The last frame carries the ` {` that opens the error's properties.
            if t.ends_with(" {") && !out.ends_with(" {\n") {
                out.pop();
                out.push_str(" {\n");
            }
            continue;
        }
        let mut l = line.to_string();
        if let Some(i) = l.find("duration_ms ") {
            l.truncate(i + "duration_ms ".len());
            l.push('X');
        }
        // `(0.826382ms)` -> `(Xms)`
        let mut s = String::new();
        let mut rest = l.as_str();
        while let Some(open) = rest.find('(') {
            let (head, tail) = rest.split_at(open);
            s.push_str(head);
            let close = tail.find("ms)");
            let is_duration = close.is_some_and(|c| {
                c > 1
                    && tail[1..c]
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || ".e-".contains(ch))
            });
            if let (true, Some(c)) = (is_duration, close) {
                s.push_str("(Xms)");
                rest = &tail[c + 3..];
            } else {
                s.push('(');
                rest = &tail[1..];
            }
        }
        s.push_str(rest);
        out.push_str(&s);
        out.push('\n');
    }
    out
}

#[test]
fn scripts_report_as_nodes_spec_reporter() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/node_test")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".js"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "cases: {names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".js");
        let expected = std::fs::read_to_string(dir().join(format!("{stem}.out"))).expect("out");
        let exit: i32 = std::fs::read_to_string(dir().join(format!("{stem}.exit")))
            .expect("exit")
            .trim()
            .parse()
            .expect("an exit code");
        let out = Command::new(env!("CARGO_BIN_EXE_jsgen"))
            .arg(name)
            .current_dir(dir())
            .env("TZ", "UTC")
            .env_remove("FORCE_COLOR")
            .env_remove("NO_COLOR")
            .output()
            .expect("jsgen runs");
        let actual =
            String::from_utf8_lossy(&out.stdout).replace(&*dir().to_string_lossy(), "<DIR>");
        let (want, got) = (normalise(&expected), normalise(&actual));
        if want != got || out.status.code() != Some(exit) {
            failures.push(format!(
                "{name}: exit {:?} (Node {exit})\n--- Node\n{want}--- jsgen\n{got}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalise_keeps_everything_but_durations_and_runner_frames() {
    let node = "✔ a (0.826382ms)\n  Error: x\n      at f (/t.js:1:2)\n      at Test.run (node:internal/test_runner/test:1402:25) {\n    code: 1\n  }\nℹ duration_ms 26.464142\n";
    assert_eq!(
        normalise(node),
        "✔ a (Xms)\n  Error: x\n      at f (/t.js:1:2) {\n    code: 1\n  }\nℹ duration_ms X\n"
    );
    assert_eq!(normalise("x (1e-3ms) (note)\n"), "x (Xms) (note)\n");
}
