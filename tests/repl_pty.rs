//! The REPL on a real terminal: jsgen runs under `script(1)`, which gives it a
//! pseudo-terminal, and keystrokes are written with pauses as a person types. Expected
//! behaviour is the reference Node 24's for the same keys (`node` under the same harness).
//! Skipped where `script` is not installed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Types each chunk of `keys` into a REPL on a pseudo-terminal, `pause` apart, with `HOME`
/// set to `home`; returns what the terminal showed.
fn session(home: &Path, keys: &[&str], pause: Duration) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        return None;
    }
    let mut child = Command::new("script")
        .args(["-qec", env!("CARGO_BIN_EXE_jsgen"), "/dev/null"])
        .env("HOME", home)
        .env("TERM", "xterm")
        // CI=true makes Node (and jsgen) pick 2 colors: no colors on the terminal.
        .env_remove("CI")
        .env_remove("JSGEN_REPL_HISTORY")
        .env_remove("JSGEN_REPL_HISTORY_SIZE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script");
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::sleep(pause);
    for k in keys {
        stdin.write_all(k.as_bytes()).expect("write");
        stdin.flush().expect("flush");
        std::thread::sleep(pause);
    }
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn home(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jsgen-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

#[test]
fn history_persists_across_sessions_like_nodes() {
    let dir = home("history");
    let pause = Duration::from_millis(400);
    let Some(first) = session(&dir, &["let a = 40\r", "a + 2\r", ".exit\r"], pause) else {
        return;
    };
    assert!(first.contains("42"), "first session: {first}");
    // Node's ~/.node_repl_history format: newest first, no final newline.
    let file = dir.join(".jsgen_repl_history");
    assert_eq!(
        std::fs::read_to_string(&file).expect("history file"),
        ".exit\na + 2\nlet a = 40"
    );
    // Up twice recalls `a + 2` from the first session (a is gone: ReferenceError).
    let second = session(&dir, &["\x1b[A\x1b[A\r", ".exit\r"], pause).expect("script");
    assert!(
        second.contains("Uncaught ReferenceError: a is not defined"),
        "second session: {second}"
    );
}

#[test]
fn piped_repl_writes_no_history_file() {
    // Nothing is written when the REPL is not interactive (`jsgen -i` with a piped stdin).
    let piped = home("piped");
    let o = Command::new(env!("CARGO_BIN_EXE_jsgen"))
        .arg("-i")
        .env("HOME", &piped)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().expect("stdin").write_all(b"1 + 1\n")?;
            c.wait()
        })
        .expect("run");
    assert!(o.success());
    assert!(!piped.join(".jsgen_repl_history").exists());
}

#[test]
fn editor_mode_on_a_terminal_has_no_stray_blank_line() {
    let dir = home("editor");
    let Some(out) = session(
        &dir,
        &[".editor\r", "let e = 4\r", "e * 10\r", "\x04", ".exit\r"],
        Duration::from_millis(400),
    ) else {
        return;
    };
    // Node 24: after Ctrl+D one newline, then the result.
    assert!(
        out.contains("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)"),
        "{out}"
    );
    assert!(
        !out.contains("\r\n\r\n\x1b[33m40"),
        "stray blank line: {out:?}"
    );
    assert!(out.contains("\x1b[33m40\x1b[39m"), "{out:?}");
}

/// The terminal text without escape sequences and carriage returns.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() || d == '~' {
                    break;
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

// Pasted lines (one write, three statements, then a multi-line function and a call) are a
// case of `completion_and_preview_screens_match_nodes` (`paste-runs-line-by-line`).

#[test]
fn fast_typing_loses_nothing() {
    let dir = home("fast");
    // Keys a few milliseconds apart, faster than the prompt redraws.
    let keys: Vec<String> = "[1, 2].map(x => x * 3)\r'done'\r"
        .chars()
        .map(String::from)
        .collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let Some(out) = session(&dir, &refs, Duration::from_millis(5)) else {
        return;
    };
    let text = plain(&out);
    assert!(text.contains("[ 3, 6 ]\n"), "{text:?}");
    assert!(text.contains("'done'\n"), "{text:?}");
}

#[test]
fn a_never_settling_await_waits_until_ctrl_c() {
    let dir = home("await");
    let Some(out) = session(
        &dir,
        &[
            "setTimeout(() => console.log('timer fired'), 300); 0\r",
            "await new Promise(() => {})\r",
            "",
            "\x03",
            "1 + 1\r",
            ".exit\r",
        ],
        Duration::from_millis(600),
    ) else {
        return;
    };
    let text = plain(&out);
    // Timers keep firing while the entry waits; Ctrl+C ends the wait with Node's error.
    assert!(text.contains("timer fired"), "{text:?}");
    assert!(
        text.contains(
            "Uncaught:\n[Error [ERR_SCRIPT_EXECUTION_INTERRUPTED]: Script execution was interrupted by `SIGINT`] {\n  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED'\n}\n"
        ),
        "{text:?}"
    );
    assert!(text.contains("> 1 + 1\n2\n"), "{text:?}");
}

/// Reads `stdout` on a thread into a shared buffer, so a test can look at what the terminal
/// got so far (while the session is still open).
fn collect_output(
    mut stdout: std::process::ChildStdout,
) -> (
    std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    std::thread::JoinHandle<()>,
) {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = seen.clone();
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 65536];
        while let Ok(n @ 1..) = std::io::Read::read(&mut stdout, &mut chunk) {
            if let Ok(mut s) = sink.lock() {
                s.extend_from_slice(&chunk[..n]);
            }
        }
    });
    (seen, reader)
}

/// What a 100×30 terminal shows after `bytes`, one string per row, trailing blanks removed,
/// without the banner's first row (it names the program).
fn screen(bytes: &[u8]) -> Vec<String> {
    let mut parser = vt100::Parser::new(30, 100, 0);
    parser.process(bytes);
    let mut rows: Vec<String> = parser
        .screen()
        .rows(0, 100)
        .map(|r| r.trim_end().to_string())
        .collect();
    while rows.last().is_some_and(|r| r.is_empty()) {
        rows.pop();
    }
    rows.into_iter().skip(1).collect()
}

/// Types `keys` into jsgen on a 100×30 pseudo-terminal as `tests/repl/pty/gen.py` typed them
/// into the reference Node, and returns the raw terminal output up to the end of the keys
/// (before the session is closed, so a preview still shows).
fn pty_session_100x30(keys: &[String]) -> Option<Vec<u8>> {
    if Command::new("script").arg("--version").output().is_err() {
        return None;
    }
    let home = home("screen");
    let cmd = format!(
        "stty cols 100 rows 30; exec {}",
        env!("CARGO_BIN_EXE_jsgen")
    );
    let mut child = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("HOME", &home)
        .env("TERM", "xterm")
        .env("JSGEN_REPL_HISTORY", "")
        .env_remove("CI")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script");
    let mut stdin = child.stdin.take().expect("stdin");
    let (seen, reader) = collect_output(child.stdout.take().expect("stdout"));
    std::thread::sleep(Duration::from_millis(1500));
    for k in keys {
        stdin.write_all(k.as_bytes()).expect("write");
        stdin.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(400));
    }
    std::thread::sleep(Duration::from_millis(500));
    let shown = seen.lock().map(|s| s.clone()).unwrap_or_default();
    let _ = stdin.write_all(b"\x15\x04");
    let _ = stdin.flush();
    std::thread::sleep(Duration::from_millis(500));
    drop(stdin);
    let _ = child.wait();
    let _ = reader.join();
    Some(shown)
}

/// Tab completion and the live preview, key for key against the reference Node's screen
/// (`tests/repl/pty/cases.json`, Node's output from `gen.py`).
#[test]
fn completion_and_preview_screens_match_nodes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl/pty");
    let cases = std::fs::read_to_string(dir.join("cases.json")).expect("cases.json");
    let mut failures = Vec::new();
    for case in cases.split("{\"name\": \"").skip(1) {
        let name = &case[..case.find('"').expect("name")];
        let keys_json = &case[case.find('[').expect("keys")..=case.rfind(']').expect("keys")];
        let keys: Vec<String> = json_strings(keys_json);
        let node = std::fs::read(dir.join(format!("{name}.node"))).expect("node output");
        let Some(ours) = pty_session_100x30(&keys) else {
            return;
        };
        let (want, got) = (screen(&node), screen(&ours));
        if want != got {
            failures.push(format!(
                "{name}:\n--- node\n{}\n--- jsgen\n{}",
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The strings of a JSON array of strings (`\t`, `\r`, `\uXXXX`, `\"`, `\\` escapes).
fn json_strings(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut cur = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('t') => cur.push('\t'),
                    Some('r') => cur.push('\r'),
                    Some('n') => cur.push('\n'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            cur.push(ch);
                        }
                    }
                    Some(other) => cur.push(other),
                    None => {}
                },
                other => cur.push(other),
            }
        }
        out.push(cur);
    }
    out
}

/// A script asking on a terminal (`readline/promises` `question`): the prompt is on the
/// screen before the program waits for the answer, as with Node (whose terminal writes are
/// synchronous), and the answer is read.
#[test]
fn readline_question_shows_its_prompt_before_waiting_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let dir = home("question");
    let file = dir.join("q.js");
    std::fs::write(
        &file,
        "const rl = require('readline/promises').createInterface({ input: process.stdin, output: process.stdout });\n\
         rl.question('Name? ').then((n) => { console.log(`Hello, ${n}!`); rl.close(); });\n",
    )
    .expect("write");
    let cmd = format!("{} {}", env!("CARGO_BIN_EXE_jsgen"), file.display());
    let mut child = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script");
    let (seen, reader) = collect_output(child.stdout.take().expect("stdout"));
    std::thread::sleep(Duration::from_millis(1500));
    let before =
        String::from_utf8_lossy(&seen.lock().map(|s| s.clone()).unwrap_or_default()).into_owned();
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"Ada\r").expect("write");
    stdin.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(1000));
    drop(stdin);
    let _ = child.wait();
    let _ = reader.join();
    let all =
        String::from_utf8_lossy(&seen.lock().map(|s| s.clone()).unwrap_or_default()).into_owned();
    assert!(
        before.contains("Name? "),
        "prompt not shown before input: {before:?}"
    );
    assert!(all.contains("Hello, Ada!"), "{all:?}");
}
